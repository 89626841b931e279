"""Recreating a comparison from its JSON export (newsdiff/services/imports.py)."""

import copy
import json

import pytest
from django.contrib.auth import get_user_model

from newsdiff.exports import comparison_export, render_json
from newsdiff.models import Annotation, AnnotationEvent, Comparison, Link, Passage
from newsdiff.services.articles import ImportRefused
from newsdiff.services.imports import comparison_import
from tests import factories
from tests.test_exports import annotated_comparison

VOLATILE = ("exported_at", "exported_by")


def exported(comparison) -> dict:
    """The JSON export as a reader sees it, without the export's own time and author."""
    data = json.loads(render_json(comparison_export(comparison)))
    for key in VOLATILE:
        data.pop(key)
    return data


def wipe():
    """Empty the database of comparisons and people, as on another instance."""
    Comparison.objects.all().delete()
    get_user_model().objects.all().delete()


@pytest.mark.parametrize("accounts", [2, 3])
def test_export_import_export_gives_the_same_export(db, accounts):
    """JSON export → import into an empty database → export again: the two exports are equal."""
    first = exported(annotated_comparison(accounts=accounts))
    assert first["record"]["events"] and first["record"]["annotations"]
    wipe()
    comparison = comparison_import(data=copy.deepcopy(first))
    assert exported(comparison) == first


def test_import_recreates_every_part(db):
    """Articles with their versions' text, html and original, passages, links, verdicts, finals and history."""
    original = annotated_comparison()
    counts = {
        "links": original.links.count(),
        "annotations": original.annotations.count(),
        "finals": original.annotations.filter(is_final=True).count(),
        "events": original.events.count(),
        "passages": Passage.objects.filter(article__comparison=original).count(),
        "statuses": sorted(original.links.values_list("status", flat=True)),
    }
    version = original.articles.first().current_version
    data = exported(original)
    wipe()
    comparison = comparison_import(data=data)
    assert comparison.slug == "sheinbaum-trump-call"
    assert comparison.links.count() == counts["links"]
    assert sorted(comparison.links.values_list("status", flat=True)) == counts["statuses"]
    assert comparison.annotations.count() == counts["annotations"]
    assert comparison.annotations.filter(is_final=True).count() == counts["finals"]
    assert comparison.events.count() == counts["events"]
    assert Passage.objects.filter(article__comparison=comparison).count() == counts["passages"]
    article = comparison.articles.first()
    assert article.current_version.text == version.text
    assert article.current_version.html == version.html
    assert article.current_version.original == version.original
    suggested = comparison.links.filter(origin=Link.Origin.SUGGESTED).first()
    assert suggested.score is not None and suggested.reasons is not None
    undo = comparison.events.get(action=AnnotationEvent.Action.UNDO)
    assert undo.undoes.action == AnnotationEvent.Action.NOTE
    link_event = comparison.events.get(action=AnnotationEvent.Action.LINK)
    hand = link_event.link
    assert link_event.after["a"] == [p.pk for p in hand.a_passages.all()]


def test_missing_users_are_created_inactive_without_a_password(db):
    data = exported(annotated_comparison())
    wipe()
    factories.editor("eve")  # already on this instance
    comparison_import(data=data)
    users = {u.username: u for u in get_user_model().objects.all()}
    assert users["eve"].is_active and users["eve"].has_usable_password()
    assert not users["ana"].is_active and not users["ana"].has_usable_password()
    assert Annotation.objects.filter(reviewer=users["eve"], is_final=True).exists()


def test_existing_slug_is_refused_unless_a_new_one_is_given(db):
    original = annotated_comparison()
    data = exported(original)
    with pytest.raises(ImportRefused, match="already exists.*--slug"):
        comparison_import(data=data)
    copy_ = comparison_import(data=data, slug="call-copy")
    assert copy_.slug == "call-copy"
    assert copy_.links.count() == original.links.count()
    assert Comparison.objects.count() == 2


@pytest.mark.parametrize(
    "mangle, message",
    [
        (lambda d: d.update(schema="something.else"), "not a newsdiff comparison export"),
        (lambda d: d.update(version=2), "version 2"),
        (lambda d: d["record"]["links"][0].update(a_passages=["a1.v9.p999"]), "passage a1.v9.p999"),
        (lambda d: d["accounts"][0]["versions"][0].update(text="tampered"), "checksum"),
        (lambda d: d["record"]["annotations"][0].pop("reviewer"), "missing 'reviewer'"),
        (lambda d: d["accounts"][0].update(url="javascript:alert(1)"), "not a valid URL"),
    ],
)
def test_bad_exports_are_refused_and_nothing_is_written(db, mangle, message):
    data = exported(annotated_comparison())
    wipe()
    mangle(data)
    with pytest.raises(ImportRefused, match=message):
        comparison_import(data=data)
    assert not Comparison.objects.exists()
    assert not Link.objects.exists()
