"""Tests for the claim grid (views/claims.py) with the selector and services behind it."""

import re

import pytest
from django.urls import reverse

from newsdiff.models import ClaimAnnotation, ClaimEvent
from newsdiff.selectors.claims import comparison_claims
from newsdiff.services.claims import claim_undo_last, claim_verdict_set
from tests import factories

MEXICO = """The two presidents spoke by phone on Thursday about trade and border security.
The call lasted forty minutes, officials said.
Both leaders agreed to meet in person later this month.
"""
TRUTH = """I had a great phone call with the president of Mexico on Thursday about trade and border security.
The call lasted forty minutes and was very productive.
Mexico will stop the caravans at our southern border.
"""
WIRE = """The presidents of both countries talked by phone on Thursday about trade and border security.
The call lasted twenty minutes, a spokesman said.
"""


@pytest.fixture
def three(db):
    comparison = factories.ComparisonFactory(slug="three", title="Three accounts")
    articles = [
        factories.article(comparison, MEXICO, source="Mexico"),
        factories.article(comparison, TRUTH, source="Truth"),
        factories.article(comparison, WIRE, source="Wire"),
    ]
    return comparison, articles


def _row(grid, word):
    return next(r for r in grid.rows if any(word in p.text for c in r.cells for p in c.passages))


def test_the_grid_joins_the_three_accounts_and_names_the_odd_one(three):
    comparison, (mexico, truth, wire) = three
    grid = comparison_claims(comparison)
    call = _row(grid, "phone")
    assert call.reporting == 3 and call.label == "matching"
    length = _row(grid, "lasted")
    assert length.reporting == 3 and length.label == "conflicting"
    assert [a.source for a in length.odd_articles] == ["Wire"]
    caravans = _row(grid, "caravans")
    assert caravans.label == "unique" and [c.article.source for c in caravans.cells if c.passages] == ["Truth"]


def test_the_detail_page_of_three_accounts_opens_the_grid(client, three):
    comparison, articles = three
    client.force_login(factories.reviewer("rita"))
    response = client.get(comparison.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == reverse("comparison-grid", args=["three"])
    html = client.get(response["Location"]).content.decode()
    assert "Pair view" in html and "— not reported" in html
    assert "✗ Odd one out: contradicts" in html  # the wire's "twenty minutes" cell, in words, not only colour
    pair = client.get(comparison.get_absolute_url(), {"a": articles[0].pk, "b": articles[2].pk})
    assert pair.status_code == 200 and "Compare these two" in pair.content.decode()
    assert reverse("comparison-grid", args=["three"]) in pair.content.decode(), "the grid is a click away"


def test_a_reviewer_tags_a_claim_with_htmx_and_undoes_it(client, three):
    comparison, (mexico, truth, wire) = three
    reviewer = factories.reviewer("rita")
    client.force_login(reviewer)
    key = _row(comparison_claims(comparison), "lasted").key
    url = reverse("claim-tag", args=["three", key])
    response = client.post(url, {"label": "conflicting", "odd": wire.pk, "note": "20 vs 40"}, headers={"HX-Request": "true", "HX-Target": f"row-{key}"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="row-{key}"' in html and 'id="counters" class="counters" aria-live="polite" hx-swap-oob="true"' in html
    annotation = ClaimAnnotation.objects.get(key=key, reviewer=reviewer)
    assert annotation.label == "conflicting" and annotation.odd == [wire.pk] and annotation.note == "20 vs 40"
    assert sorted(annotation.members) == _row(comparison_claims(comparison), "lasted").members
    history = client.get(reverse("claim-history", args=["three", key])).content.decode()
    assert "conflicting (Wire)" in history
    undo = client.post(reverse("claim-undo", args=["three"]), headers={"HX-Request": "true"})
    assert undo.status_code == 200 and "Undone" in undo.content.decode()
    assert ClaimAnnotation.objects.get(pk=annotation.pk).label == ""
    assert ClaimEvent.objects.filter(key=key).count() == 2


def test_refused_verdicts_answer_422_and_nothing_changes(client, three):
    comparison, (mexico, truth, wire) = three
    client.force_login(factories.reviewer("rita"))
    caravans = _row(comparison_claims(comparison), "caravans").key
    response = client.post(reverse("claim-tag", args=["three", caravans]), {"label": "matching"}, headers={"HX-Request": "true"})
    assert response.status_code == 422 and "only be unique" in response.content.decode()
    response = client.post(reverse("claim-tag", args=["three", "cdeadbeef"]), {"label": "unique"})
    assert response.status_code == 404
    assert not ClaimAnnotation.objects.exists()


def test_agreement_and_final_verdicts_on_claims(three):
    comparison, (mexico, truth, wire) = three
    grid = comparison_claims(comparison)
    first, second, editor = factories.reviewer("one"), factories.reviewer("two"), factories.editor("ed")
    for row in grid.rows[:4]:
        reporting = [c.article.pk for c in row.cells if c.passages]
        label = "unique" if len(reporting) < 3 else "matching"
        for who in (first, second):
            claim_verdict_set(comparison=comparison, reviewer=who, key=row.key, members=row.members, reporting=reporting, label=label)
    length = _row(grid, "lasted")
    reporting = [c.article.pk for c in length.cells if c.passages]
    claim_verdict_set(comparison=comparison, reviewer=first, key=length.key, members=length.members, reporting=reporting, label="conflicting", odd=[wire.pk])
    claim_verdict_set(comparison=comparison, reviewer=second, key=length.key, members=length.members, reporting=reporting, label="conflicting", odd=[mexico.pk])
    grid = comparison_claims(comparison)
    length = _row(grid, "lasted")
    assert length.disagreement, "a conflict with a different odd account is a different verdict"
    assert grid.kappa is not None and grid.kappa < 1
    claim_verdict_set(comparison=comparison, reviewer=editor, key=length.key, members=length.members, reporting=reporting, label="conflicting", odd=[wire.pk], final=True)
    length = _row(comparison_claims(comparison), "lasted")
    assert length.verdict.is_final and length.verdict.odd == [wire.pk]
    assert claim_undo_last(reviewer=editor, comparison=comparison).undoes.action == "final"


def test_verdicts_follow_their_claim_only_while_its_members_stay(three):
    comparison, (mexico, truth, wire) = three
    reviewer = factories.reviewer("rita")
    row = _row(comparison_claims(comparison), "phone")
    claim_verdict_set(comparison=comparison, reviewer=reviewer, key=row.key, members=row.members, reporting=[mexico.pk, truth.pk, wire.pk], label="matching")
    from newsdiff.services.alignment import comparison_align

    comparison_align(comparison=comparison)  # re-run: the same links, the same claim keys
    assert _row(comparison_claims(comparison, viewer=reviewer), "phone").mine.label == "matching"
    from newsdiff.services.annotations import link_reject

    for link in comparison.links.filter(article_b=wire):
        link_reject(link=link, reviewer=reviewer)  # the wire's sentence leaves the claim: new members, new key
    grid = comparison_claims(comparison)
    assert grid.orphaned and grid.orphaned[0].members == row.members


@pytest.mark.parametrize("accounts,passages", [(3, 10), (10, 25)])
def test_grid_queries_do_not_grow(client, db, accounts, passages, django_assert_max_num_queries):
    comparison = factories.ComparisonFactory(slug="sized")
    for i in range(accounts):
        factories.article(comparison, factories.synthetic_text(passages, seed=i), source=f"S{i}", align=False)
    from newsdiff.services.alignment import comparison_align

    comparison_align(comparison=comparison)
    client.force_login(factories.reviewer("sizer"))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("comparison-grid", args=["sized"]))
    assert response.status_code == 200
    key = re.findall(r'<article id="row-(c[0-9a-f]+)"', response.content.decode())[0]
    with django_assert_max_num_queries(24):
        response = client.post(reverse("claim-tag", args=["sized", key]), {"label": "unique"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
