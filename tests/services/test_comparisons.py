"""Starting a comparison in one step, and adding an account to one (newsdiff/services/comparisons.py)."""

import pytest

from newsdiff.models import Article, ArticleVersion, Comparison, Link, Passage
from newsdiff.services.articles import ImportRefused
from newsdiff.services.comparisons import AccountInput, AccountRefused, comparison_account_add, comparison_create
from tests import factories
from tests.fixtures.web.server import NewsSite, serve
from tests.views.conftest import LEFT, RIGHT

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    news = NewsSite()
    news.fixture("/world/border-talks", "cluttered.html")
    news.fixture("/nacional/aranceles", "jsonld.html")
    with serve(news):
        yield news


def test_text_file_and_web_address_become_one_aligned_comparison(site):
    """Three ways in, one submit: the comparison, its accounts in order, their passages and suggested links."""
    editor = factories.editor()
    comparison = comparison_create(
        title="Border talks",
        accounts=[
            AccountInput(source="Left source", text=LEFT),
            AccountInput(source="Right source", data=RIGHT.encode(), filename="right.txt"),
            AccountInput(url=site.url("/world/border-talks")),
        ],
        user=editor,
    )
    articles = list(comparison.articles.order_by("position"))
    assert [a.source for a in articles][:2] == ["Left source", "Right source"]
    # A web address without a source takes the site's own name (or its host).
    assert articles[2].source and articles[2].url == site.url("/world/border-talks")
    assert articles[2].current_version.fetched_html
    assert comparison.slug == "border-talks" and comparison.created_by == editor
    assert Link.objects.filter(comparison=comparison).exists()
    # Every pair of accounts was aligned once.
    assert comparison.alignment_runs.count() == 3


def test_a_comparison_without_a_name_is_named_after_its_first_account():
    comparison = comparison_create(
        accounts=[AccountInput(source="L", text=LEFT), AccountInput(source="R", text=RIGHT)]
    )
    first = comparison.articles.order_by("position").first()
    assert comparison.title == first.title
    assert comparison.slug.startswith(comparison.title.split()[0].lower())


def test_a_taken_or_reserved_slug_gets_a_free_one():
    accounts = [AccountInput(source="L", text=LEFT), AccountInput(source="R", text=RIGHT)]
    first = comparison_create(title="New", accounts=accounts)
    second = comparison_create(title="New", accounts=accounts)
    assert first.slug == "new-comparison" and second.slug == "new-comparison-2"


@pytest.mark.parametrize(
    "bad, expected",
    [
        (AccountInput(source="Broken", data=b"\x00\x01\x02binary", filename="x.bin"), "Account 2 (Broken): "),
        (AccountInput(source="", text="Some text. More text here."), "Account 2: Say whose account"),
        (AccountInput(source="Same", text=LEFT), "same text as another account"),
        ("missing-page", "Account 2 ("),
    ],
)
def test_one_bad_account_keeps_nothing_and_names_the_account(site, bad, expected):
    """Whatever the problem, the message names the account, and no comparison, article or passage is left."""
    if bad == "missing-page":
        bad = AccountInput(url=site.url("/no-such-page"))
    with pytest.raises(AccountRefused) as caught:
        comparison_create(
            title="Doomed",
            accounts=[AccountInput(source="Left", text=LEFT), bad, AccountInput(source="Right", text=RIGHT)],
        )
    assert caught.value.index == 1
    assert expected in caught.value.reason
    assert not Comparison.objects.exists()
    assert not Article.objects.exists() and not ArticleVersion.objects.exists() and not Passage.objects.exists()


def test_a_name_too_long_is_refused_with_a_message():
    accounts = [AccountInput(source="L", text=LEFT), AccountInput(source="R", text=RIGHT)]
    with pytest.raises(ImportRefused, match="title"):
        comparison_create(title="x" * 301, accounts=accounts)
    assert not Comparison.objects.exists()


def test_fewer_than_two_accounts_are_refused():
    with pytest.raises(ImportRefused, match="at least two accounts"):
        comparison_create(title="Alone", accounts=[AccountInput(source="L", text=LEFT)])
    assert not Comparison.objects.exists()


def test_an_account_added_later_is_aligned_with_the_others():
    comparison = comparison_create(
        title="Two", accounts=[AccountInput(source="L", text=LEFT), AccountInput(source="R", text=RIGHT)]
    )
    article = comparison_account_add(
        comparison=comparison, account=AccountInput(source="Third", text=LEFT.replace("25", "30"))
    )
    assert article.position == 3
    assert comparison.alignment_runs.filter(article_b=article).count() == 2


def test_no_account_is_added_to_a_closed_comparison():
    comparison = comparison_create(
        title="Two", accounts=[AccountInput(source="L", text=LEFT), AccountInput(source="R", text=RIGHT)]
    )
    Comparison.objects.filter(pk=comparison.pk).update(status=Comparison.Status.CLOSED)
    comparison.refresh_from_db()
    with pytest.raises(ImportRefused, match="closed"):
        comparison_account_add(comparison=comparison, account=AccountInput(source="X", text="A new text. Here."))
    assert comparison.articles.count() == 2
