"""A pytest plugin loaded before Django is set up: development settings for the suite."""

import os

os.environ.setdefault("DEBUG", "1")
# Background tasks run at once, inside the request or call that enqueues them.
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
