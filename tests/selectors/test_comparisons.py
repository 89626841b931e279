"""Selectors behind the review page: rows, verdicts, counts, agreement, summaries."""

import pytest

from newsdiff.models import Link
from newsdiff.selectors import (
    comparison_side_by_side,
    comparison_summaries,
    highlight_rows,
    reviewer_choices,
    row_for,
    row_history,
)
from newsdiff.services.annotations import annotation_set, link_reject
from tests import factories
from tests.views.conftest import LEFT, RIGHT

pytestmark = pytest.mark.django_db


@pytest.fixture
def comparison():
    comparison = factories.ComparisonFactory()
    factories.article(comparison, LEFT, source="Left")
    factories.article(comparison, RIGHT, source="Right")
    return comparison


def test_rows_pair_linked_passages_and_leave_lone_ones_alone(comparison):
    view = comparison_side_by_side(comparison)
    kinds = [row.kind for row in view.rows]
    assert kinds.count("pair") == 2 and "a_only" in kinds and "b_only" in kinds
    pair = next(row for row in view.rows if row.kind == "pair")
    assert pair.a and pair.b and pair.is_suggestion
    assert any(f.differs for v in pair.a + pair.b for f in v.fragments)
    assert view.counts["suggestions"] == 2 and view.counts["rows"] == 4


def test_highlight_false_leaves_text_plain_and_highlight_rows_marks_it(comparison):
    view = comparison_side_by_side(comparison, highlight=False)
    pair = next(row for row in view.rows if row.kind == "pair")
    assert all(len(v.fragments) == 1 and not v.fragments[0].differs for v in pair.a)
    highlight_rows([pair])
    assert any(f.differs for v in pair.a + pair.b for f in v.fragments)


def test_verdicts_disagreement_final_and_counts(comparison):
    link = Link.objects.filter(comparison=comparison).first()
    ana, ben = factories.reviewer("ana"), factories.reviewer("ben")
    annotation_set(reviewer=ana, link=link, label="matching")
    annotation_set(reviewer=ben, link=link, label="conflicting")
    row = row_for(comparison, key=f"l{link.pk}", viewer=ana)
    assert row.disagreement and row.verdict == "" and row.mine.label == "matching"
    assert comparison_side_by_side(comparison).counts["disputed"] == 1
    annotation_set(reviewer=factories.editor(), link=link, label="conflicting", final=True)
    view = comparison_side_by_side(comparison)
    row = next(r for r in view.rows if r.key == f"l{link.pk}")
    assert row.verdict == "conflicting" and row.final is not None
    assert view.counts["conflicting"] == 1 and view.counts["disputed"] == 0


def test_kappa_overall_and_per_pair(comparison):
    links = list(Link.objects.filter(comparison=comparison))
    ana, ben = factories.reviewer("ana"), factories.reviewer("ben")
    for link in links:
        annotation_set(reviewer=ana, link=link, label="matching")
    annotation_set(reviewer=ben, link=links[0], label="matching")
    annotation_set(reviewer=ben, link=links[1], label="conflicting")
    view = comparison_side_by_side(comparison)
    assert view.reviewers == ["ana", "ben"]
    assert view.kappa_pairs == [("ana", "ben", 0.0, 2)]
    assert view.kappa == 0.0


def test_rejected_links_fall_apart_into_lone_rows(comparison):
    link = Link.objects.filter(comparison=comparison).first()
    link_reject(link=link, reviewer=factories.reviewer())
    keys = {row.key for row in comparison_side_by_side(comparison).rows}
    assert f"l{link.pk}" not in keys
    assert {f"p{p.pk}" for p in link.a_passages.all()} <= keys


def test_history_summaries_and_reviewer_choices(comparison):
    link = Link.objects.filter(comparison=comparison).first()
    ana = factories.reviewer("ana")
    annotation_set(reviewer=ana, link=link, label="matching")
    annotation_set(reviewer=ana, link=link, note="checked")
    assert [e.action for e in row_history(comparison, link_id=link.pk)] == ["note", "tag"]
    summary = next(s for s in comparison_summaries() if s.comparison == comparison)
    assert summary.counts["matching"] == 1 and summary.reviewed == 2 and summary.reviewable == 6
    assert reviewer_choices(comparison) == [ana]


def test_query_count_is_fixed(comparison, django_assert_max_num_queries):
    viewer = factories.reviewer()
    with django_assert_max_num_queries(8):
        view = comparison_side_by_side(comparison, viewer=viewer)
        view.counts


def test_opening_rows_of_both_accounts_come_before_the_first_pair():
    comparison = factories.ComparisonFactory()
    factories.article(comparison, "# Left headline\n\nThe call lasted fifteen minutes on Thursday.", fmt="markdown")
    factories.article(comparison, "# Right headline\n\nThe call lasted ten minutes on Thursday.", fmt="markdown")
    rows = comparison_side_by_side(comparison).rows
    assert [row.kind for row in rows] == ["heading", "heading", "pair"]
    assert rows[0].a[0].passage.text == "Left headline" and rows[1].b[0].passage.text == "Right headline"


def test_row_order_places_pairs_at_their_first_a_passage_and_lone_b_passages_after_their_predecessor():
    """The walk behind every page order, over ids: A in reading order; a pair where its first A passage is
    (its other A passages have no row of their own); a B passage alone after the row holding the nearest
    earlier linked B passage, or before the first pair when none precedes it; a link with no passage on one
    side (into an old version) hides its A passages but makes no row."""
    from newsdiff.selectors.comparisons import _row_order

    side_a, side_b = [1, 2, 3, 4, 5], [11, 12, 13, 14, 15, 16]
    index_of = {pk: i for i, pk in enumerate(side_a)} | {pk: i for i, pk in enumerate(side_b)}
    members_a = {100: [2], 101: [2], 102: [4, 5], 103: [3]}
    members_b = {100: [13], 101: [12], 102: [15], 104: [16]}
    order = _row_order(side_a, side_b, [100, 101, 102, 103, 104], members_a, members_b, index_of)
    assert order == [("a", 1), ("b", 11), ("l", 100), ("b", 14), ("l", 101), ("l", 102), ("b", 16)]
    # Without any pair, B's passages follow A's.
    assert _row_order([1, 2], [11], [], {}, {}, {1: 0, 2: 1, 11: 0}) == [("a", 1), ("a", 2), ("b", 11)]


def test_my_label_and_note_are_the_viewers_own_or_empty(comparison):
    """The page reads the viewer's own label and note through the row, '' when the viewer has no verdict."""
    link = Link.objects.filter(comparison=comparison).first()
    ana, ben = factories.reviewer("ana"), factories.reviewer("ben")
    annotation_set(reviewer=ana, link=link, label="matching", note="checked the figures")
    row = row_for(comparison, key=f"l{link.pk}", viewer=ana)
    assert (row.my_label, row.my_note) == ("matching", "checked the figures")
    row = row_for(comparison, key=f"l{link.pk}", viewer=ben)
    assert row.mine is None and (row.my_label, row.my_note) == ("", "")
