"""python manage.py load_demo: the demo comparison and one demo user per role (idempotent)."""

from datetime import datetime, timezone
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from newsdiff import roles
from newsdiff.models import Comparison
from newsdiff.services.articles import ArticleMeta, article_import, comparison_get_or_create

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
DEMO_SLUG = "sheinbaum-trump-call"

# (username, password, group, is_staff): development only, printed by `make run`.
DEMO_USERS = [
    ("reviewer", "reviewer-demo", roles.REVIEWER, False),
    ("reviewer2", "reviewer2-demo", roles.REVIEWER, False),
    ("editor", "editor-demo", roles.EDITOR, False),
    ("admin", "admin-demo", roles.ADMIN, True),
]

DEMO_ARTICLES = [
    (
        "mexican_presidency.md",
        ArticleMeta(
            source="Mexican presidency",
            outlet="Demo Wire",
            author="Demo Wire staff",
            published_at=datetime(2026, 1, 15, 18, 0, tzinfo=timezone.utc),
            language="en",
        ),
    ),
    (
        "truth_social.md",
        ArticleMeta(
            source="Truth Social",
            outlet="Demo Desk",
            author="Demo Desk",
            published_at=datetime(2026, 1, 15, 19, 30, tzinfo=timezone.utc),
            language="en",
        ),
    ),
    # A third account, so the demo opens on the claim grid: a wire summary that mixes both readouts and gets
    # the length of the call wrong (twenty minutes; the readouts say fifteen and ten).
    (
        "wire_summary.md",
        ArticleMeta(
            source="Wire summary",
            outlet="Demo Wire Service",
            author="Demo Wire Service",
            published_at=datetime(2026, 1, 15, 21, 0, tzinfo=timezone.utc),
            language="en",
        ),
    ),
]


class Command(BaseCommand):
    help = "Load the demo comparison (the Sheinbaum–Trump phone call) and demo users; safe to run twice."

    def handle(self, *args, **options):
        with transaction.atomic():
            roles.ensure_groups()
            for username, password, group_name, is_staff in DEMO_USERS:
                self._user(username, password, group_name, is_staff)
            if Comparison.objects.filter(slug=DEMO_SLUG, articles__isnull=False).exists():
                self.stdout.write(f"Demo comparison '{DEMO_SLUG}' is already loaded.")
                return
            comparison = comparison_get_or_create(slug=DEMO_SLUG, title="Sheinbaum–Trump phone call: three accounts")
            for filename, meta in DEMO_ARTICLES:
                article_import(
                    comparison=comparison, meta=meta, data=(DEMO_DIR / filename).read_bytes(), filename=filename
                )
        self.stdout.write(f"Loaded demo comparison '{DEMO_SLUG}' with {comparison.links.count()} suggested links.")

    def _user(self, username, password, group_name, is_staff):
        user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": is_staff})
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
