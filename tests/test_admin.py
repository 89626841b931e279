"""Tests for the admin upload in newsdiff/admin.py: the same service as the command line."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsdiff.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(factories.admin())
    return client


def upload_url():
    return reverse("admin:newsdiff_article_add")


def test_admin_uploads_pasted_text(admin_client):
    comparison = factories.ComparisonFactory()
    response = admin_client.post(
        upload_url(), {"comparison": comparison.pk, "source": "Mexican presidency", "text": "The call lasted 15 minutes."}
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.source == "Mexican presidency" and article.passages.count() == 1


def test_admin_uploads_several_files_at_once(admin_client):
    comparison = factories.ComparisonFactory()
    files = [
        SimpleUploadedFile("one.txt", b"First account. It says one thing."),
        SimpleUploadedFile("two.md", b"# Heading\n\nSecond account. It says another."),
        SimpleUploadedFile("three.html", b"<p>Third account.</p>"),
    ]
    response = admin_client.post(upload_url(), {"comparison": comparison.pk, "source": "Wire", "files": files})
    assert response.status_code == 302
    assert Article.objects.count() == 3


def test_a_bad_file_in_a_batch_imports_nothing_and_says_which(admin_client):
    comparison = factories.ComparisonFactory()
    files = [
        SimpleUploadedFile("good.txt", b"A good account."),
        SimpleUploadedFile("bad.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    ]
    response = admin_client.post(upload_url(), {"comparison": comparison.pk, "source": "Wire", "files": files})
    assert response.status_code == 200
    assert "bad.txt" in response.content.decode()
    assert Article.objects.count() == 0


def test_duplicate_upload_links_to_the_existing_article(admin_client):
    comparison = factories.ComparisonFactory()
    first = factories.article(comparison, "Exactly these words.")
    response = admin_client.post(
        upload_url(), {"comparison": comparison.pk, "source": "Wire", "text": "Exactly these words."}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "already in this comparison" in page and first.get_absolute_url() in page
    assert Article.objects.count() == 1


def test_empty_form_gets_a_message(admin_client):
    comparison = factories.ComparisonFactory()
    response = admin_client.post(upload_url(), {"comparison": comparison.pk, "source": "Wire", "text": "   "})
    assert response.status_code == 200
    assert "Paste the article" in response.content.decode()


def test_reviewers_cannot_upload(client):
    client.force_login(factories.reviewer())
    response = client.get(upload_url())
    assert response.status_code in (302, 403)
