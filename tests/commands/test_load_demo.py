"""Tests for load_demo: the demo comparison and one user per role, safe to run twice."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsdiff.models import Comparison
from newsdiff.management.commands.load_demo import DEMO_SLUG

pytestmark = pytest.mark.django_db


def test_demo_loads_once_with_users_for_every_role():
    call_command("load_demo")
    call_command("load_demo")
    comparison = Comparison.objects.get(slug=DEMO_SLUG)
    assert comparison.articles.count() == 3
    assert comparison.links.exists()
    roles = {user.username: {g.name for g in user.groups.all()} for user in get_user_model().objects.all()}
    assert roles["reviewer"] == {"reviewer"} and roles["editor"] == {"editor"} and roles["admin"] == {"admin"}
    assert get_user_model().objects.get(username="admin").is_staff
    assert get_user_model().objects.get(username="editor").check_password("editor-demo")
    kinds = set(comparison.articles.first().passages.values_list("kind", flat=True))
    assert {"heading", "claim", "quote", "boilerplate"} <= kinds


def test_the_demo_grid_shows_an_odd_one_out_and_the_wires_wrong_detail():
    from newsdiff.selectors.claims import comparison_claims

    call_command("load_demo")
    grid = comparison_claims(Comparison.objects.get(slug=DEMO_SLUG))

    def claim(words):
        return next(r for r in grid.rows if any(words in p.text for c in r.cells for p in c.passages))

    # Fifteen minutes in two accounts, ten in the third: Truth Social is the odd one out.
    length = claim("ten minutes")
    assert length.label == "conflicting" and length.reporting == 3
    assert [a.source for a in length.odd_articles] == ["Truth Social"]
    # The wire gets the meeting wrong ("will not meet this month"); Truth Social gives no date for the
    # meetings, which the engine reads as the demo gold does (a date against none: a possible conflict).
    meeting = claim("will not meet this month")
    assert meeting.label == "conflicting" and "Wire summary" in [a.source for a in meeting.odd_articles]
    truth_social = next(c for c in meeting.cells if c.article.source == "Truth Social")
    assert [p.text for p in truth_social.passages] == ["No date was announced for the proposed meetings."]


def test_the_bilingual_demo_says_suggestions_need_a_model(settings):
    """The Spanish readout beside the English post: no suggestions without a model, languages stored."""
    from newsdiff.management.commands.load_demo import BILINGUAL_SLUG

    settings.NEWSDIFF_EMBEDDING_MODEL_DIR = ""
    call_command("load_demo")
    comparison = Comparison.objects.get(slug=BILINGUAL_SLUG)
    assert sorted(comparison.articles.values_list("language", flat=True)) == ["en", "es-MX"]
    assert not comparison.links.exists()
    spanish = comparison.articles.get(language="es-MX")
    assert "quince minutos" in spanish.current_version.text
