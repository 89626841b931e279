"""Annotation services: verdicts, notes, links, undo, final verdicts; every change recorded."""

import pytest
from django.core.exceptions import ValidationError

from newsdiff.models import Annotation, AnnotationEvent, Link
from newsdiff.services.annotations import (
    RowChanged,
    annotation_set,
    annotation_undo_last,
    comparison_set_status,
    link_accept,
    link_create,
    link_reject,
    link_unlink,
)
from tests import factories
from tests.views.conftest import LEFT, RIGHT

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    comparison = factories.ComparisonFactory()
    left = factories.article(comparison, LEFT, source="Left")
    right = factories.article(comparison, RIGHT, source="Right")
    links = list(Link.objects.filter(comparison=comparison).order_by("pk"))
    linked = {p.pk for link in links for p in [*link.a_passages.all(), *link.b_passages.all()]}
    lone_left = left.passages.exclude(pk__in=linked).first()
    lone_right = right.passages.exclude(pk__in=linked).first()
    return comparison, links, lone_left, lone_right


def test_tag_note_and_clear_are_recorded(setup):
    """A reviewer's first verdict creates their annotation; each change is an event with before and after."""
    comparison, links, lone, _ = setup
    ana = factories.reviewer()
    annotation = annotation_set(reviewer=ana, link=links[0], label="matching")
    assert (annotation.label, annotation.reviewer) == ("matching", ana)
    annotation_set(reviewer=ana, link=links[0], note="Same wording.")
    annotation_set(reviewer=ana, link=links[0], label="")
    annotation.refresh_from_db()
    assert (annotation.label, annotation.note) == ("", "Same wording.")
    events = list(AnnotationEvent.objects.filter(link=links[0]).order_by("pk"))
    assert [e.action for e in events] == ["tag", "note", "clear"]
    assert events[0].before is None and events[0].after["label"] == "matching"
    annotation_set(reviewer=ana, passage=lone, label="unique")
    assert Annotation.objects.get(passage=lone).label == "unique"


def test_each_reviewer_keeps_a_verdict_of_their_own(setup):
    _, links, _, _ = setup
    annotation_set(reviewer=factories.reviewer(), link=links[0], label="matching")
    annotation_set(reviewer=factories.reviewer(), link=links[0], label="conflicting")
    assert sorted(Annotation.objects.filter(link=links[0]).values_list("label", flat=True)) == ["conflicting", "matching"]


def test_wrong_labels_are_refused(setup):
    _, links, lone, _ = setup
    ana = factories.reviewer()
    for kwargs in ({"link": links[0], "label": "unique"}, {"passage": lone, "label": "matching"}, {"link": links[0], "label": "x"}):
        with pytest.raises(ValidationError):
            annotation_set(reviewer=ana, **kwargs)
    assert not Annotation.objects.exists()


def test_a_stale_version_raises_row_changed_and_writes_nothing(setup):
    _, links, _, _ = setup
    seen = links[0].row_version
    annotation_set(reviewer=factories.reviewer(), link=links[0], label="matching", expected_version=seen)
    with pytest.raises(RowChanged) as raised:
        annotation_set(reviewer=factories.reviewer(), link=links[0], label="conflicting", expected_version=seen)
    assert raised.value.link.row_version == seen + 1
    assert Annotation.objects.count() == 1


def test_a_closed_comparison_refuses_changes(setup):
    comparison, links, lone, lone_right = setup
    comparison_set_status(comparison=comparison, editor=factories.editor(), status="closed")
    ana = factories.reviewer()
    with pytest.raises(ValidationError):
        annotation_set(reviewer=ana, link=links[0], label="matching")
    with pytest.raises(ValidationError):
        link_reject(link=links[0], reviewer=ana)
    with pytest.raises(ValidationError):
        link_create(reviewer=ana, a_passages=[lone], b_passages=[lone_right])
    with pytest.raises(ValidationError):
        comparison_set_status(comparison=comparison, editor=ana, status="archived")


def test_accept_takes_the_suggested_label_and_reject_unlinks(setup):
    _, links, _, _ = setup
    ana = factories.reviewer()
    accepted = link_accept(link=links[0], reviewer=ana)
    assert accepted.status == Link.Status.ACCEPTED
    expected = {"match": "matching", "conflict": "conflicting"}[links[0].suggested_label]
    assert Annotation.objects.get(link=links[0], reviewer=ana).label == expected
    rejected = link_reject(link=links[1], reviewer=ana)
    assert rejected.status == Link.Status.REJECTED
    with pytest.raises(ValidationError):
        annotation_set(reviewer=ana, link=links[1], label="matching")


def test_manual_link_and_unlink(setup):
    _, _, lone, lone_right = setup
    ana = factories.reviewer()
    link = link_create(reviewer=ana, a_passages=[lone], b_passages=[lone_right], label="conflicting")
    assert (link.origin, link.status) == (Link.Origin.MANUAL, Link.Status.ACCEPTED)
    assert Annotation.objects.get(link=link).label == "conflicting"
    lone.refresh_from_db()
    assert lone.row_version == 2
    link_unlink(link=link, reviewer=ana)
    link.refresh_from_db()
    assert link.status == Link.Status.UNLINKED
    assert Annotation.objects.filter(link=link).exists()  # verdicts stay, in history
    with pytest.raises(ValidationError):
        link_create(reviewer=ana, a_passages=[lone], b_passages=[])
    with pytest.raises(ValidationError):
        link_create(reviewer=ana, a_passages=[lone], b_passages=[lone])


def test_undo_reverts_my_last_change_only(setup):
    comparison, links, _, _ = setup
    ana, ben = factories.reviewer(), factories.reviewer()
    annotation_set(reviewer=ana, link=links[0], label="matching")
    annotation_set(reviewer=ana, link=links[0], label="conflicting")
    annotation_set(reviewer=ben, link=links[0], label="matching")
    undo = annotation_undo_last(reviewer=ana, comparison=comparison)
    assert undo.action == AnnotationEvent.Action.UNDO and undo.undoes.after["label"] == "conflicting"
    assert Annotation.objects.get(link=links[0], reviewer=ana).label == "matching"
    assert Annotation.objects.get(link=links[0], reviewer=ben).label == "matching"
    link_reject(link=links[1], reviewer=ana)
    annotation_undo_last(reviewer=ana, comparison=comparison)
    links[1].refresh_from_db()
    assert links[1].status == Link.Status.PENDING
    annotation_undo_last(reviewer=ana, comparison=comparison)
    assert Annotation.objects.get(link=links[0], reviewer=ana).label == ""
    assert annotation_undo_last(reviewer=ana, comparison=comparison) is None


def test_final_verdict_is_kept_apart(setup):
    _, links, _, _ = setup
    annotation_set(reviewer=factories.reviewer(), link=links[0], label="matching")
    editor = factories.editor()
    final = annotation_set(reviewer=editor, link=links[0], label="conflicting", final=True)
    assert final.is_final and final.reviewer == editor
    assert AnnotationEvent.objects.filter(action="final").count() == 1
    other = annotation_set(reviewer=factories.editor(), link=links[0], label="matching", final=True)
    assert other.pk == final.pk and Annotation.objects.filter(is_final=True).count() == 1


# --- the row is claimed with one checked UPDATE; the locked read remains for everything else ---------------


def test_a_tag_moves_the_version_on_once_and_touches_the_comparison(setup):
    comparison, links, lone, _ = setup
    active_at = comparison.last_activity_at
    before = Link.objects.get(pk=links[0].pk).row_version
    annotation_set(reviewer=factories.reviewer(), link=links[0], label="matching", expected_version=before)
    assert Link.objects.get(pk=links[0].pk).row_version == links[0].row_version == before + 1
    lone_version = lone.row_version
    annotation_set(reviewer=factories.reviewer(), passage=lone, label="unique")
    lone.refresh_from_db()
    assert lone.row_version == lone_version + 1
    comparison.refresh_from_db()
    assert comparison.last_activity_at > active_at


def test_a_change_that_changes_nothing_writes_nothing(setup):
    _, links, _, _ = setup
    ana = factories.reviewer()
    annotation_set(reviewer=ana, link=links[0], label="matching")
    version, events = Link.objects.get(pk=links[0].pk).row_version, AnnotationEvent.objects.count()
    annotation_set(reviewer=ana, link=links[0], label="matching")
    assert Link.objects.get(pk=links[0].pk).row_version == version and AnnotationEvent.objects.count() == events


def test_a_row_read_before_someone_rejected_it_is_not_tagged(setup):
    """The link as the view read it is still 'pending'; the database says 'rejected': the write is refused."""
    _, links, _, _ = setup
    as_read = Link.objects.get(pk=links[0].pk)
    link_reject(link=Link.objects.get(pk=links[0].pk), reviewer=factories.reviewer())
    with pytest.raises(ValidationError, match="unlinked or rejected"):
        annotation_set(reviewer=factories.reviewer(), link=as_read, label="matching")
    with pytest.raises(RowChanged):
        annotation_set(reviewer=factories.reviewer(), link=as_read, label="matching", expected_version=as_read.row_version)
    assert not Annotation.objects.exists()


def test_a_closed_comparison_leaves_the_claimed_row_as_it_was(setup):
    comparison, links, lone, _ = setup
    comparison_set_status(comparison=comparison, editor=factories.editor(), status="closed")
    fresh = Link.objects.get(pk=links[0].pk)
    with pytest.raises(ValidationError, match="closed"):
        annotation_set(reviewer=factories.reviewer(), link=fresh, label="matching", expected_version=fresh.row_version)
    with pytest.raises(ValidationError, match="closed"):
        annotation_set(reviewer=factories.reviewer(), passage=lone, label="unique")
    assert Link.objects.get(pk=links[0].pk).row_version == links[0].row_version
    assert not Annotation.objects.exists() and not AnnotationEvent.objects.filter(action="tag").exists()
