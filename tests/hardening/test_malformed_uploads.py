"""Malformed uploads through the admin's upload form: a clear error or a correct import, never a 500 or half an article."""

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsdiff.models import Article, ArticleVersion, Passage
from tests import factories

pytestmark = pytest.mark.django_db

CLAIMS = "The call lasted “fifteen” minutes. Both leaders said café talks would follow.\n"


def nested_html(depth: int) -> bytes:
    return ("<div>" * depth + "<p>Deep claim.</p>" + "</div>" * depth).encode()


CASES = {
    "empty": (b"", "error", "empty"),
    "binary": (b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 64, "error", "binary"),
    "utf16_without_bom": (CLAIMS.encode("utf-16-le"), "import", "fifteen"),
    "utf16_with_bom": (codecs.BOM_UTF16_LE + CLAIMS.encode("utf-16-le"), "import", "fifteen"),
    "cp1252": (CLAIMS.encode("cp1252"), "import", "café"),
    "nul_bytes": (b"A claim.\x00\x00 Another claim follows here.", "error", ""),
    "single_line_1mb": (("Word " * 200_000 + "end.").encode(), "import", "end."),
}


def post(client, comparison, upload):
    return client.post(
        reverse("admin:newsdiff_article_add"), {"comparison": comparison.pk, "source": "Wire", "files": [upload]}
    )


@pytest.fixture
def admin_client(client):
    client.force_login(factories.admin())
    return client


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_upload_gets_an_error_or_a_correct_import(admin_client, case):
    data, outcome, expected = CASES[case]
    comparison = factories.ComparisonFactory()
    response = post(admin_client, comparison, SimpleUploadedFile(f"{case}.txt", data))
    assert response.status_code in (200, 302)
    if outcome == "error":
        assert response.status_code == 200
        page = response.content.decode()
        assert "errorlist" in page
        if expected:
            assert expected in page.lower()
        assert (Article.objects.count(), ArticleVersion.objects.count(), Passage.objects.count()) == (0, 0, 0)
    else:
        assert response.status_code == 302, response.content.decode()[:2000]
        version = Article.objects.get().current_version
        assert expected in version.text
        assert Passage.objects.filter(version=version).exists()
        for passage in Passage.objects.filter(version=version):
            assert version.text[passage.start : passage.end] == passage.text


def test_fifty_megabytes_is_refused_with_the_limit(admin_client):
    comparison = factories.ComparisonFactory()
    response = post(admin_client, comparison, SimpleUploadedFile("huge.txt", b"a" * (50 * 1024 * 1024)))
    assert response.status_code == 200
    assert "the limit is 5.0 MB" in response.content.decode()
    assert Article.objects.count() == 0


def test_html_nested_ten_thousand_levels_deep(admin_client):
    comparison = factories.ComparisonFactory()
    response = post(admin_client, comparison, SimpleUploadedFile("deep.html", nested_html(10_000)))
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "nested too deeply" in response.content.decode()
        assert Article.objects.count() == 0
    else:
        assert "Deep claim." in Article.objects.get().current_version.text
