"""New comparison, add an account, fetch again (newsdiff/views/accounts.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsdiff.models import Article, Comparison
from tests.fixtures.web.server import NewsSite, serve
from tests.views.conftest import HTMX, LEFT, RIGHT

pytestmark = pytest.mark.django_db
URL = "/c/new/"


def management(total: int) -> dict:
    return {"accounts-TOTAL_FORMS": str(total), "accounts-INITIAL_FORMS": "0"}


def test_the_url_is_c_new():
    assert reverse("comparison-create") == URL


def test_the_page_offers_two_accounts_and_focuses_the_first_address(editor_client):
    html = editor_client.get(URL).content.decode()
    assert 'name="accounts-0-url"' in html and 'name="accounts-1-url"' in html
    assert 'name="accounts-2-url"' not in html
    assert html.count("autofocus") == 1
    # Enter in a field creates: the create button is the form's first submit button.
    form = html[html.index('class="create-form"'):]
    assert form.index("Compare: import, align and review") < form.index('name="add_account"')


def test_one_submit_creates_imports_aligns_and_opens_the_review(editor_client):
    data = {
        **management(2),
        "title": "Steel tariffs",
        "accounts-0-source": "Left source",
        "accounts-0-text": LEFT,
        "accounts-1-source": "Right source",
        "accounts-1-file": SimpleUploadedFile("right.txt", RIGHT.encode(), "text/plain"),
    }
    response = editor_client.post(URL, data)
    comparison = Comparison.objects.get()
    assert response.status_code == 302 and response["Location"] == comparison.get_absolute_url()
    assert comparison.articles.count() == 2 and comparison.links.exists()
    page = editor_client.get(response["Location"])
    assert "suggested pairs to review" in page.content.decode()


def test_a_refused_account_is_named_and_what_was_typed_stays(editor_client):
    data = {
        **management(3),
        "title": "Kept title",
        "accounts-0-source": "Left source",
        "accounts-0-text": LEFT,
        "accounts-1-source": "Broken upload",
        "accounts-1-file": SimpleUploadedFile("broken.txt", b"\x00\x00\x00", "text/plain"),
        "accounts-2-source": "Right source",
        "accounts-2-text": RIGHT,
    }
    response = editor_client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Account 2 (Broken upload):" in html and "Nothing was saved." in html
    assert "choose the file again" in html
    assert 'value="Kept title"' in html and 'value="Left source"' in html and "The president met" in html
    assert not Comparison.objects.exists() and not Article.objects.exists()


def test_missing_parts_are_reported_on_their_account(editor_client):
    response = editor_client.post(URL, {**management(2), "accounts-0-source": "Only a source"})
    html = response.content.decode()
    assert response.status_code == 422
    assert html.count("Give a web address, paste the text or choose a file.") == 2
    assert not Comparison.objects.exists()


def test_add_another_account_without_script_keeps_what_was_typed(editor_client):
    data = {**management(2), "add_account": "1", "title": "T", "accounts-0-url": "https://example.org/a",
            "accounts-1-source": "Typed source", "accounts-1-text": "Typed text"}
    html = editor_client.post(URL, data).content.decode()
    assert 'name="accounts-2-url"' in html and 'name="accounts-TOTAL_FORMS" value="3"' in html
    assert "https://example.org/a" in html and "Typed source" in html and "Typed text" in html
    assert not Comparison.objects.exists()


def test_add_another_account_with_htmx_returns_one_account_and_the_new_count(editor_client):
    html = editor_client.get(URL, {"add": "2"}, headers=HTMX).content.decode()
    assert 'id="account-3"' in html and 'name="accounts-2-url"' in html
    assert 'name="accounts-TOTAL_FORMS" value="3"' in html and 'hx-swap-oob="true"' in html
    assert "?add=3" in html and "<html" not in html


def test_reviewers_cannot_start_a_comparison(reviewer_client):
    assert reviewer_client.get(URL).status_code == 403


def test_an_account_is_added_on_the_comparison_page(editor_client, small):
    page = editor_client.get(small.comparison.get_absolute_url()).content.decode()
    add_url = reverse("account-create", args=[small.comparison.slug])
    assert add_url in page
    response = editor_client.post(add_url, {"account-source": "Third", "account-text": LEFT.replace("25", "40")})
    assert response.status_code == 302
    assert small.comparison.articles.count() == 3


def test_fetch_again_adds_a_version_when_the_page_changed(editor_client, small):
    site = NewsSite()
    site.html("/story", "<html><body><article><h1>Story</h1><p>" + "The first version says this. " * 8 + "</p></article></body></html>")
    with serve(site):
        article = small.comparison.articles.order_by("position").first()
        Article.objects.filter(pk=article.pk).update(url=site.url("/story"))
        page = editor_client.get(small.comparison.get_absolute_url()).content.decode()
        refetch = reverse("article-refetch", args=[article.pk])
        assert refetch in page
        response = editor_client.post(refetch, follow=True)
    article.refresh_from_db()
    assert article.current_version.number == 2
    assert "version 2 fetched" in response.content.decode()


def test_fetch_again_without_an_address_says_so(editor_client, small):
    article = small.comparison.articles.first()
    response = editor_client.post(reverse("article-refetch", args=[article.pk]), follow=True)
    assert "no web address to fetch again" in response.content.decode()
