"""python manage.py load_demo: the demo comparisons and one demo user per role (idempotent).

Two comparisons: the English readouts of the Sheinbaum–Trump call, and a bilingual one (the Mexican
presidency's readout in Spanish beside Trump's English post), which gets suggestions only when a
sentence-embedding model is configured (NEWSDIFF_EMBEDDING_MODEL_DIR) and is otherwise linked by hand.
"""

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
BILINGUAL_SLUG = "sheinbaum-trump-llamada"

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
    # the follow-up meeting wrong (no meeting this month; the Mexican readout has one later this month).
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


BILINGUAL_ARTICLES = [
    (
        "presidencia_mexico.md",
        ArticleMeta(
            source="Presidencia de México",
            outlet="Demo Wire",
            author="Demo Wire",
            published_at=datetime(2026, 1, 15, 18, 0, tzinfo=timezone.utc),
            language="es-MX",
        ),
    ),
    DEMO_ARTICLES[1],  # Trump's post, in English
]

DEMO_COMPARISONS = [
    (DEMO_SLUG, "Sheinbaum–Trump phone call: three accounts", DEMO_ARTICLES),
    (BILINGUAL_SLUG, "Llamada Sheinbaum–Trump: la versión mexicana en español y el post en inglés", BILINGUAL_ARTICLES),
]


class Command(BaseCommand):
    help = "Load the demo comparison (the Sheinbaum–Trump phone call) and demo users; safe to run twice."

    def handle(self, *args, **options):
        with transaction.atomic():
            roles.ensure_groups()
            for username, password, group_name, is_staff in DEMO_USERS:
                self._user(username, password, group_name, is_staff)
            for slug, title, articles in DEMO_COMPARISONS:
                self._comparison(slug, title, articles)

    def _comparison(self, slug, title, articles):
        if Comparison.objects.filter(slug=slug, articles__isnull=False).exists():
            self.stdout.write(f"Demo comparison '{slug}' is already loaded.")
            return
        comparison = comparison_get_or_create(slug=slug, title=title)
        for filename, meta in articles:
            article_import(comparison=comparison, meta=meta, data=(DEMO_DIR / filename).read_bytes(), filename=filename)
        self.stdout.write(f"Loaded demo comparison '{slug}' with {comparison.links.count()} suggested links.")

    def _user(self, username, password, group_name, is_staff):
        user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": is_staff})
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
