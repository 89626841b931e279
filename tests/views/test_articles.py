"""The article page: details, versions, what changed between two of them, and verdicts needing attention."""

import pytest
from django.urls import reverse

from newsdiff.models import Annotation, Passage, Verdict
from newsdiff.services.versions import article_version_add
from tests import factories

V1 = (
    "Negotiators left the summit on Tuesday without agreeing on a new tariff schedule. "
    "The two delegations met for six hours in the city of Monterrey.\n\n"
    "Officials said the talks would resume within thirty days.\n"
)
V2 = (
    "Negotiators left the summit on Tuesday without agreeing on a new tariff schedule. "
    "The two delegations met for seven hours in the city of Monterrey.\n\n"
    "The peso fell two percent against the dollar after the talks ended.\n"
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    comparison = factories.ComparisonFactory(title="Border summit")
    return factories.article(comparison, V1, source="Ledger", title="Border talks", outlet="The Daily Ledger",
                             author="Maria Ortega", align=False)


def url(article, **query):
    base = reverse("article-detail", kwargs={"pk": article.pk})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_login_required(client, article):
    response = client.get(url(article))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_user_without_role_is_refused(client, article):
    client.force_login(factories.UserFactory(username="nobody"))
    assert client.get(url(article)).status_code == 403


@pytest.mark.parametrize("make", [factories.reviewer, factories.editor, factories.admin])
def test_roles_may_view(client, article, make):
    client.force_login(make())
    assert client.get(url(article)).status_code == 200


def test_page_shows_details_text_and_single_version(client, article):
    client.force_login(factories.reviewer())
    page = client.get(url(article)).content.decode()
    assert "Border talks" in page and "The Daily Ledger" in page and "Maria Ortega" in page
    assert "six hours in the city of Monterrey" in page
    assert "only one version so far" in page


def test_changes_between_versions_word_by_word(client, article):
    """The default comparison is previous → current: edited, removed and added passages, with word diffs."""
    article_version_add(article=article, content=V2)
    client.force_login(factories.reviewer())
    page = client.get(url(article)).content.decode()
    assert "v1 → v2" in page
    assert "<del>six</del><ins>seven</ins>" in page
    assert "△ Edited" in page and "− Removed" in page and "+ Added" in page
    assert "<del>Officials said the talks would resume within thirty days.</del>" in page
    assert "<ins>The peso fell two percent against the dollar after the talks ended.</ins>" in page
    assert "passages: 1 same, 1 edited, 1 removed, 1 added." in " ".join(page.split())


def test_choose_versions_with_get_form(client, article):
    article_version_add(article=article, content=V2)
    client.force_login(factories.reviewer())
    backwards = client.get(url(article, **{"from": 2, "to": 1})).content.decode()
    assert "v2 → v1" in backwards
    assert "<del>seven</del><ins>six</ins>" in backwards
    same = client.get(url(article, **{"from": 2, "to": 2})).content.decode()
    assert "Choose two different versions" in same
    bogus = client.get(url(article, **{"from": "x", "to": 9})).content.decode()
    assert "There is no version" in bogus and "v1 → v2" in bogus


def test_htmx_request_gets_only_the_changes_region(client, article):
    article_version_add(article=article, content=V2)
    client.force_login(factories.reviewer())
    response = client.get(url(article, **{"from": 1, "to": 2}), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.strip().startswith('<section id="changes"')
    assert "<html" not in body and "Current text" not in body


def test_verdicts_needing_attention_are_listed(client, article):
    """A verdict on a removed passage needs re-review; one on an edited passage is flagged changed since review."""
    alice = factories.reviewer("alice")
    removed = Passage.objects.get(version=article.current_version, text__startswith="Officials said")
    edited = Passage.objects.get(version=article.current_version, text__startswith="The two delegations")
    comparison = article.comparison
    Annotation.objects.create(comparison=comparison, reviewer=alice, passage=removed, label=Verdict.UNIQUE, note="source?")
    Annotation.objects.create(comparison=comparison, reviewer=alice, passage=edited, label=Verdict.UNIQUE)
    article_version_add(article=article, content=V2)
    client.force_login(factories.reviewer())
    page = client.get(url(article)).content.decode()
    assert "⚠ Needs re-review (1)" in page
    assert "“source?”" in page
    assert "△ Changed since review (1)" in page
    assert page.count("△ changed since review") >= 1


def test_page_query_count_does_not_grow_with_versions(client, article, django_assert_max_num_queries):
    for n in range(4):
        article_version_add(article=article, content=V2 + f"\nAnother closing line number {n} for the record.\n")
    client.force_login(factories.reviewer())
    with django_assert_max_num_queries(20):
        assert client.get(url(article)).status_code == 200


def test_fetched_page_is_served_as_plain_text(client, article):
    """The evidence is shown as text, never rendered as a page."""
    version = article.current_version
    version.fetched_html = "<html><script>alert(1)</script><p>raw</p></html>"
    version.save()
    client.force_login(factories.reviewer())
    response = client.get(reverse("article-version-fetched", kwargs={"pk": article.pk, "number": 1}))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == version.fetched_html
    assert client.get(reverse("article-version-fetched", kwargs={"pk": article.pk, "number": 7})).status_code == 404
