"""Every string of the Big List of Naughty Strings as a title, body, source, note, file name and filter value.

No 5xx; what was stored reads back exactly; what is shown is escaped.
"""

import gzip
import json

import pytest
from django.urls import reverse

from newsdiff.models import Article, Passage
from newsdiff.services.annotations import annotation_set
from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def naughty(data_dir) -> list[str]:
    strings = json.load(gzip.open(data_dir / "blns.json.gz"))
    assert len(strings) > 500
    return strings


def storable(value: str) -> bool:
    return bool(value.strip()) and "\x00" not in value


def assert_shown_escaped(page: str, value: str) -> None:
    if "<" in value or ">" in value:
        assert value not in page, f"unescaped: {value!r}"


def test_as_title_and_source(naughty, client):
    comparison = factories.ComparisonFactory()
    stored = {}
    for n, value in enumerate(naughty):
        try:
            article = article_import(
                comparison=comparison,
                meta=ArticleMeta(source=value, title=value),
                content=f"Claim number {n} stands here.",
                align=False,
            )
        except ImportRefused as refusal:
            assert not storable(value) or len(value) > 200, f"{value!r} refused: {refusal.reason}"
            continue
        stored[article.pk] = value
    for pk, value in stored.items():
        article = Article.objects.get(pk=pk)
        assert (article.title, article.source) == (value, value)
    client.force_login(factories.admin())
    pages = [client.get(reverse("comparison-list"))] + [
        client.get(reverse("article-detail", args=[pk])) for pk in list(stored)[:: max(1, len(stored) // 60)]
    ]
    for response in pages:
        assert response.status_code == 200
    listing = pages[0].content.decode()
    for value in stored.values():
        assert_shown_escaped(listing, value)


def test_as_article_body(naughty):
    comparison = factories.ComparisonFactory()
    imported = refused = 0
    for value in naughty:
        try:
            article = article_import(comparison=comparison, meta=ArticleMeta(source="Wire"), content=value, align=False)
        except ImportRefused as refusal:
            # Pasted text that starts with a tag is read as HTML; sanitised, some of it says nothing.
            expected = ("empty" in refusal.reason or "already in this comparison" in refusal.reason
                        or (value.lstrip().startswith("<") and "No readable text" in refusal.reason))
            assert expected, (value, refusal.reason)
            refused += 1
            continue
        imported += 1
        version = article.current_version
        assert version.original == value
        for passage in Passage.objects.filter(version=version):
            assert version.text[passage.start : passage.end] == passage.text
    assert imported > 350, (imported, refused)


def test_as_note_and_filter_value(naughty, client):
    comparison = factories.ComparisonFactory()
    lines = "\n".join(f"Claim number {n} is a sentence of its own." for n in range(len(naughty)))
    article = factories.article(comparison, lines, align=False)
    factories.article(comparison, "The other account says one thing.", align=False)
    reviewer = factories.reviewer()
    passages = list(Passage.objects.filter(version=article.current_version).order_by("index"))
    assert len(passages) == len(naughty)
    for passage, value in zip(passages, naughty):
        if "\x00" in value:
            with pytest.raises(Exception):
                annotation_set(reviewer=reviewer, passage=passage, label="unique", note=value)
            continue
        annotation_set(reviewer=reviewer, passage=passage, label="unique", note=value)
    for passage, value in zip(passages, naughty):
        if "\x00" not in value:
            assert passage.annotations.get().note == value
    client.force_login(reviewer)
    # The page shows rows in chunks of 50; read every chunk.
    html = ""
    for start in range(0, len(naughty) + 50, 50):
        page = client.get(reverse("comparison-detail", args=[comparison.slug]), {"start": start})
        assert page.status_code == 200
        html += page.content.decode()
    assert html.count("Claim number") >= len(naughty)
    for value in naughty:
        assert_shown_escaped(html, value)
    small = factories.ComparisonFactory()
    factories.article(small, "One account. It says this.")
    factories.article(small, "Another account. It says that.")
    url = reverse("comparison-detail", args=[small.slug])
    for value in naughty:
        response = client.get(url, {"filter": value, "reviewer": value, "a": value, "b": value})
        assert response.status_code < 500, value
        assert_shown_escaped(response.content.decode(), value)


def multipart(fields: dict, filename: str, content: bytes, boundary: str = "naughtyBoundary7MA4YWxk") -> bytes:
    """A multipart body as a browser would send it, with the file name exactly as given (quotes escaped)."""
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    quoted = filename.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "%0D").replace("\n", "%0A")
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{quoted}"\r\n'
        f"Content-Type: text/plain\r\n\r\n".encode("utf-8", "surrogatepass") + content + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def test_as_uploaded_file_name(naughty, client):
    client.force_login(factories.admin())
    # One comparison per upload: each new account is aligned with every other one in its comparison.
    comparisons = factories.ComparisonFactory.create_batch(len(naughty))
    for n, value in enumerate(naughty):
        body = multipart(
            {"comparison": comparisons[n].pk, "source": "Wire"}, value, f"Claim {n} from a file with a strange name.".encode()
        )
        response = client.generic(
            "POST",
            reverse("admin:newsdiff_article_add"),
            body,
            content_type="multipart/form-data; boundary=naughtyBoundary7MA4YWxk",
        )
        assert response.status_code in (200, 302), value
        if response.status_code == 200:
            assert_shown_escaped(response.content.decode(), value)
    assert Article.objects.count() > 400
    for article in Article.objects.select_related("current_version"):
        assert "\x00" not in article.current_version.original_filename
