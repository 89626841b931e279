"""Single rows and SQL counters agree with the full side-by-side view, in a fixed number of queries."""

from itertools import combinations

import pytest

from newsdiff.models import Link, Passage
from newsdiff.selectors import comparison_side_by_side
from newsdiff.selectors.rows import (
    agreement,
    comparison_counts,
    comparison_row_index,
    comparison_row_keys,
    comparison_verdict_counts,
    rows_for,
)
from newsdiff.services.alignment import comparison_align_article
from newsdiff.services.annotations import annotation_set, link_accept, link_create, link_reject, link_unlink
from newsdiff.services.versions import article_version_add
from tests import factories

pytestmark = pytest.mark.django_db


def _snapshot(row):
    return (
        row.key,
        row.kind,
        [v.passage.pk for v in row.a],
        [v.passage.pk for v in row.b],
        [(v.passage.text, v.passage.index, v.passage.row_version) for v in row.a + row.b],
        # Every field of the link as the ORM reads it (dates and JSON go through the database's converters).
        {f.name: getattr(row.link, f.attname) for f in row.link._meta.concrete_fields} if row.link else None,
        sorted((a.reviewer_id, a.label, a.note) for a in row.annotations),
        row.final.label if row.final else None,
        row.mine.label if row.mine else None,
        row.suggested_unique,
        row.version,
        row.verdict,
        row.disagreement,
    )


def _agrees(comparison, viewer):
    view = comparison_side_by_side(comparison, viewer=viewer)
    counts = comparison_counts(comparison, article_a=view.article_a, article_b=view.article_b)
    assert counts == view.counts
    verdicts = comparison_verdict_counts(comparison, article_a=view.article_a, article_b=view.article_b)
    assert verdicts == {k: v for k, v in view.counts.items() if k not in ("rows", "suggestions")}
    keys = [row.key for row in view.rows]
    assert comparison_row_keys(comparison)[1:] == (keys, view.counts)
    gone = [f"l{pk}" for pk in Link.objects.filter(comparison=comparison).values_list("pk", flat=True) if f"l{pk}" not in keys]
    inside_pairs = [f"p{p.pk}" for row in view.rows if row.kind == "pair" for p in [v.passage for v in row.a + row.b]]
    single = rows_for(comparison, keys=keys + gone + inside_pairs, viewer=viewer)
    assert [_snapshot(r) for r in single.rows] == [_snapshot(r) for r in view.rows], ([r.key for r in single.rows], keys, inside_pairs)
    assert any(f.differs for r in single.rows if r.kind == "pair" for v in r.a + r.b for f in v.fragments)
    _filters_agree(comparison, viewer, view)


def _filters_agree(comparison, viewer, view):
    """Each filter of the page keeps the same rows, in the same order, over the row index as over every row."""
    from newsdiff.views.comparisons import FILTERS, PageState, _filtered

    _, index = comparison_row_index(comparison, viewer=viewer)
    assert [row.key for row in index] == [row.key for row in view.rows]
    names = {a.reviewer.get_username() for row in view.rows for a in row.annotations} | {"nobody"}
    states = [PageState(filter=name) for name in FILTERS] + [PageState(reviewer=name) for name in names]
    states += [PageState(filter="conflicts", reviewer=name) for name in names]
    kept = {}
    for state in states:
        expected = [row.key for row in _filtered(view.rows, state, viewer)]
        assert [row.key for row in _filtered(index, state, viewer)] == expected, state
        kept[state] = expected
    return kept


def test_rows_and_counts_match_the_full_view_through_every_kind_of_change():
    """Tags, disagreements, finals, notes, accepted/rejected/unlinked and hand-made links: both agree."""
    comparison = factories.ComparisonFactory()
    factories.article(comparison, "# Left\n\n" + factories.synthetic_text(12), source="Left", fmt="markdown", align=False)
    factories.article(comparison, "# Right\n\n" + factories.synthetic_text(12, seed=3, topic="also "), source="Right", fmt="markdown")
    ana, ben, eddie = factories.reviewer("ana"), factories.reviewer("ben"), factories.editor("eddie")
    _agrees(comparison, ana)
    view = comparison_side_by_side(comparison)
    pairs = [row.link for row in view.rows if row.kind == "pair"]
    assert len(pairs) >= 6
    link_reject(link=pairs[4], reviewer=ben)
    link_reject(link=pairs[5], reviewer=ben)
    lone_a = [p for link in pairs[4:6] for p in link.a_passages.all()]
    lone_b = [p for link in pairs[4:6] for p in link.b_passages.all()]
    lone = [lone_a[0], lone_b[0]]
    annotation_set(reviewer=ana, link=pairs[0], label="matching")
    annotation_set(reviewer=ben, link=pairs[0], label="conflicting")  # disputed
    annotation_set(reviewer=ana, link=pairs[1], label="conflicting")
    annotation_set(reviewer=ben, link=pairs[1], label="conflicting")
    annotation_set(reviewer=eddie, link=pairs[1], label="matching", final=True)  # final overrides
    annotation_set(reviewer=ana, link=pairs[2], note="only a note")
    annotation_set(reviewer=ana, passage=lone[0], label="unique")
    link_accept(link=pairs[3], reviewer=ben)
    _agrees(comparison, ana)
    link_reject(link=pairs[0], reviewer=ana)  # its verdicts leave the page, its passages stand alone
    annotation_set(reviewer=ben, passage=lone_b[1], label="unique")
    made = link_create(reviewer=ana, a_passages=[lone_a[1]], b_passages=lone_b[1:], label="matching")
    _agrees(comparison, ben)
    link_unlink(link=made, reviewer=ana)
    _agrees(comparison, ben)
    view = comparison_side_by_side(comparison, viewer=ana)
    kept = _filters_agree(comparison, ana, view)
    # The comparison exercises the filters: each keeps some rows, and none but "all" keeps everything.
    empty = [state for state in kept if not kept[state] and state.reviewer != "nobody"]
    assert all(state.filter == "disputed" or state.reviewer for state in empty), empty
    assert all(len(kept[state]) < len(view.rows) for state in kept if state.filter != "all" or state.reviewer)


def test_a_tag_answer_reads_a_fixed_number_of_queries(django_assert_num_queries):
    comparison = factories.ComparisonFactory()
    factories.article(comparison, factories.synthetic_text(30), source="Left", align=False)
    factories.article(comparison, factories.synthetic_text(30, seed=3, topic="also "), source="Right")
    link_reject(link=Link.objects.filter(comparison=comparison).first(), reviewer=factories.reviewer())
    view = comparison_side_by_side(comparison)
    keys = [next(r.key for r in view.rows if r.kind == "pair"), next(r.key for r in view.rows if r.kind == "a_only")]
    # accounts; memberships of both sides with their passages and links, and the passages asked for with their
    # suggested-unique flags (one query); verdicts with their reviewers
    with django_assert_num_queries(3):
        rows_for(comparison, keys=keys)
    with django_assert_num_queries(1):
        comparison_counts(comparison, article_a=view.article_a, article_b=view.article_b)


def test_agreement_on_request():
    comparison = factories.ComparisonFactory()
    factories.article(comparison, factories.synthetic_text(6), source="Left", align=False)
    factories.article(comparison, factories.synthetic_text(6, seed=3, topic="also "), source="Right")
    links = list(Link.objects.filter(comparison=comparison)[:2])
    ana, ben = factories.reviewer("ana"), factories.reviewer("ben")
    for link in links:
        annotation_set(reviewer=ana, link=link, label="matching")
    annotation_set(reviewer=ben, link=links[0], label="matching")
    annotation_set(reviewer=ben, link=links[1], label="conflicting")
    full = comparison_side_by_side(comparison)
    asked = agreement(comparison)
    assert (asked.reviewers, asked.kappa, asked.kappa_pairs) == (full.reviewers, full.kappa, full.kappa_pairs)
    assert asked.kappa_pairs == [("ana", "ben", 0.0, 2)]
    assert Passage.objects.exists()


def _keys_agree(comparison) -> list:
    """For every pair of the comparison's accounts, the key-only walk gives the full build's keys in its order
    and its counters."""
    articles = list(comparison.articles.order_by("position", "pk"))
    built = []
    for first, second in combinations(articles, 2):
        full = comparison_side_by_side(comparison, a_id=first.pk, b_id=second.pk, highlight=False)
        view, keys, counts = comparison_row_keys(comparison, a_id=first.pk, b_id=second.pk)
        assert (view.article_a, view.article_b) == (full.article_a, full.article_b)
        assert keys == [row.key for row in full.rows], (first.source, second.source)
        assert len(set(keys)) == len(keys)
        assert counts == full.counts
        built.append(full)
    return built


def _shapes(rows) -> set[str]:
    """What a comparison's rows exercise in the page's order."""
    shapes = {row.kind for row in rows}
    first_pair = next((i for i, row in enumerate(rows) if row.kind == "pair"), len(rows))
    if any(row.kind == "b_only" for row in rows[:first_pair]):
        shapes.add("B alone before the first pair")
    if any(row.kind == "b_only" for row in rows[first_pair:]) and first_pair < len(rows):
        shapes.add("B alone after a pair")
    if any(len(row.a) > 1 or len(row.b) > 1 for row in rows if row.kind == "pair"):
        shapes.add("many-to-many link")
    b_order = [row.b[0].passage.index for row in rows if row.kind == "pair"]
    if b_order != sorted(b_order):
        shapes.add("passages moved in B")
    return shapes


STORY = [
    "The president met the foreign minister in Mexico City on Monday to discuss border security.",
    "Tariffs on imported steel will rise by 25 percent next month, the ministry said.",
    "Farmers in Sinaloa blocked a highway for six hours to protest the price of corn.",
    "The central bank kept its benchmark interest rate unchanged at eleven percent.",
    "A fire at a chemical plant near Monterrey forced the evacuation of two schools.",
    "The senate approved a judicial reform after a debate that lasted until dawn.",
    "Teachers in Oaxaca announced a strike over unpaid wages and pensions.",
    "The national football team lost its friendly match against Peru in Lima.",
    "Drought has left the reservoirs that supply the capital at a third of capacity.",
    "A new railway between Cancun and Merida opened to passengers on Friday.",
    "The peso fell two percent against the dollar after the announcement.",
    "Archaeologists found a Mayan altar during the excavation of a parking lot.",
    "Hospital workers demanded more staff after a spike in dengue cases.",
    "The electoral institute certified the results of the governor's race.",
]
OWN = [
    "Our correspondent reached the border crossing shortly after midnight.",
    "Witnesses described long queues of lorries waiting in the rain.",
    "The mayor declined to comment on the allegations of corruption.",
    "A spokesman for the opposition called the measure reckless.",
]


def test_row_keys_follow_the_full_build_through_varied_comparisons():
    """The first screen's key-only walk orders the rows of every pair of three accounts as the full build does:
    pairs, many-to-many links, passages alone on either side (before the first pair, between pairs, at the
    end), headings, passages moved in the other account, rejected links, links into an old version."""
    left = "# Left\n\n" + "\n\n".join(STORY[:12])
    # Right opens with passages of its own, moves Left's passages around, drops some and adds others.
    right = "# Right\n\n" + "\n\n".join(OWN[:2] + STORY[6:9] + STORY[:4] + OWN[2:3] + STORY[10:14])
    third = "\n\n".join(STORY[3:7] + OWN[3:] + STORY[:2])
    comparison = factories.ComparisonFactory()
    factories.article(comparison, left, source="Left", fmt="markdown", align=False)
    factories.article(comparison, right, source="Right", fmt="markdown")
    factories.article(comparison, third, source="Third", fmt="markdown")
    shapes = set().union(*(_shapes(view.rows) for view in _keys_agree(comparison)))

    ana, ben = factories.reviewer("ana"), factories.reviewer("ben")
    left_article, right_article = comparison.articles.order_by("position", "pk")[:2]
    view = comparison_side_by_side(comparison, a_id=left_article.pk, b_id=right_article.pk, highlight=False)
    pairs = [row.link for row in view.rows if row.kind == "pair"]
    assert len(pairs) >= 6
    link_reject(link=pairs[0], reviewer=ben)  # its passages stand alone
    link_accept(link=pairs[1], reviewer=ben)
    view = comparison_side_by_side(comparison, a_id=left_article.pk, b_id=right_article.pk, highlight=False)
    lone_a = [row.passage for row in view.rows if row.kind == "a_only"]
    lone_b = [row.passage for row in view.rows if row.kind == "b_only"]
    assert len(lone_a) >= 3 and len(lone_b) >= 3
    # Two passages of Left with one of Right; one of Left with two of Right, one of them already in a pair;
    # a late passage of Left with an early one of Right.
    link_create(reviewer=ana, a_passages=lone_a[:2], b_passages=lone_b[-1:])
    link_create(reviewer=ana, a_passages=lone_a[2:3], b_passages=[lone_b[1], pairs[3].b_passages.get()])
    link_create(reviewer=ana, a_passages=lone_a[-1:], b_passages=lone_b[:1])
    annotation_set(reviewer=ana, passage=lone_b[2], label="unique")
    annotation_set(reviewer=ana, link=pairs[2], label="matching")
    annotation_set(reviewer=ana, link=pairs[4], label="matching")
    annotation_set(reviewer=ben, link=pairs[4], label="conflicting")  # disputed
    for view in _keys_agree(comparison):
        shapes |= _shapes(view.rows)

    # A new version of Right, not aligned yet: its pairs point into the old version until it is.
    edited = right.replace("six hours", "nine hours").replace(OWN[2], OWN[3])
    article_version_add(article=right_article, content=edited, fmt="markdown", align=False)
    for view in _keys_agree(comparison):
        shapes |= _shapes(view.rows)
    right_article.refresh_from_db()
    comparison_align_article(article=right_article)
    for view in _keys_agree(comparison):
        shapes |= _shapes(view.rows)
    expected = {"pair", "a_only", "b_only", "heading", "B alone before the first pair", "B alone after a pair"}
    assert shapes >= expected | {"many-to-many link", "passages moved in B"}, shapes
