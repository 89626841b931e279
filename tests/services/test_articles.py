"""Tests for newsdiff/services/articles.py: the one import service behind admin, CLI and demo."""

import pytest
from django.db import IntegrityError

from newsdiff.models import AlignmentRun, Article, ArticleVersion, Comparison, Link, Passage
from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import, comparison_get_or_create
from tests.factories import ComparisonFactory

pytestmark = pytest.mark.django_db

MEXICAN = "mexican_presidency_account.txt"
TRUTH = "truth_social_account.txt"


def counts():
    return (Article.objects.count(), ArticleVersion.objects.count(), Passage.objects.count(), Link.objects.count())


def test_seed_import_stores_text_passages_and_checksum(seeds_dir):
    comparison = ComparisonFactory()
    article = article_import(
        comparison=comparison,
        meta=ArticleMeta(source="Mexican presidency"),
        data=(seeds_dir / MEXICAN).read_bytes(),
        filename=MEXICAN,
    )
    version = article.current_version
    assert version.number == 1 and len(version.checksum) == 64
    assert article.title.startswith("Trump–Sheinbaum Phone Call Today")
    passages = list(article.passages.all())
    assert len(passages) > 20
    for passage in passages:
        assert version.text[passage.start : passage.end] == passage.text
    kinds = {p.kind for p in passages}
    assert {"heading", "claim", "quote"} <= kinds


def test_second_account_is_aligned_with_the_first(seeds_dir):
    comparison = ComparisonFactory()
    for name, source in ((MEXICAN, "Mexican presidency"), (TRUTH, "Truth Social")):
        article_import(comparison=comparison, meta=ArticleMeta(source=source), data=(seeds_dir / name).read_bytes(), filename=name)
    run = AlignmentRun.objects.get(comparison=comparison)
    assert run.links_suggested == comparison.links.count() > 0
    link = comparison.links.first()
    assert link.a_passages.exists() and link.b_passages.exists()
    assert link.status == Link.Status.PENDING and link.suggested_label in ("match", "conflict")


def test_same_text_twice_is_refused_and_points_to_the_existing_article():
    comparison = ComparisonFactory()
    first = article_import(comparison=comparison, meta=ArticleMeta(source="A"), content="One claim here. Another claim.")
    before = counts()
    with pytest.raises(ImportRefused) as refusal:
        article_import(comparison=comparison, meta=ArticleMeta(source="B"), content="One claim here. Another claim.")
    assert refusal.value.existing == first
    assert "already in this comparison" in refusal.value.reason
    assert counts() == before


def test_same_text_in_another_comparison_is_fine():
    article_import(comparison=ComparisonFactory(), meta=ArticleMeta(source="A"), content="Same words. Twice.")
    article_import(comparison=ComparisonFactory(), meta=ArticleMeta(source="A"), content="Same words. Twice.")
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    "data, filename, message",
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\t  \r\n", "blank.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "photo.txt", "binary"),
        (b"A claim.\x00 Another claim.", "nul.txt", "NUL"),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_nothing_is_written(data, filename, message):
    comparison = ComparisonFactory()
    before = counts()
    with pytest.raises(ImportRefused) as refusal:
        article_import(comparison=comparison, meta=ArticleMeta(source="A"), data=data, filename=filename)
    assert message.lower() in refusal.value.reason.lower()
    assert counts() == before


def test_oversized_upload_is_refused(settings):
    settings.NEWSDIFF_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ImportRefused, match="limit is"):
        article_import(comparison=ComparisonFactory(), meta=ArticleMeta(source="A"), data=b"word. " * 500, filename="big.txt")
    assert Article.objects.count() == 0


def test_missing_source_is_refused():
    with pytest.raises(ImportRefused, match="source"):
        article_import(comparison=ComparisonFactory(), meta=ArticleMeta(source="  "), content="A claim.")


def test_import_is_atomic_when_a_late_step_fails(monkeypatch):
    comparison = ComparisonFactory()

    def fail(*args, **kwargs):
        raise IntegrityError("simulated failure while writing passages")

    monkeypatch.setattr("newsdiff.services.articles.passages_insert", fail)
    with pytest.raises(IntegrityError):
        article_import(comparison=comparison, meta=ArticleMeta(source="A"), content="A claim. Another one.")
    assert counts() == (0, 0, 0, 0)


def test_html_upload_is_sanitised_and_keeps_headings():
    html = b"<h2>Security</h2><p onclick='x()'>The call lasted <b>15 minutes</b>.</p><script>alert(1)</script>"
    article = article_import(comparison=ComparisonFactory(), meta=ArticleMeta(source="A"), data=html, filename="a.html")
    version = article.current_version
    assert "<script" not in version.html and "onclick" not in version.html and "alert" not in version.text
    assert version.original == html.decode()  # the upload itself is kept, never rendered
    kinds = [(p.kind, p.text) for p in article.passages.all()]
    assert ("heading", "Security") in kinds
    assert any(text == "The call lasted 15 minutes." for _, text in kinds)


def test_comparison_get_or_create_titles_after_slug_and_rejects_bad_slugs():
    comparison = comparison_get_or_create(slug="phone-call")
    assert comparison.title == "Phone call"
    assert comparison_get_or_create(slug="phone-call") == comparison
    with pytest.raises(ImportRefused, match="slug"):
        comparison_get_or_create(slug="Not A Slug!")
    assert Comparison.objects.count() == 1



def test_passages_insert_stores_what_bulk_create_stored():
    """Each segment becomes the passage row the ORM's bulk_create wrote, row_version at its default."""
    from newsdiff.services.articles import PASSAGE_FIELDS, passages_insert
    from newsdiff.text.pipeline import split_content

    document = split_content("Title Of The Piece\n\nFirst claim here. “A quote,” she said.\n\nBy Jane Doe, Staff Writer")
    comparison = ComparisonFactory()
    ours = article_import(comparison=comparison, meta=ArticleMeta(source="One"), content="A first text.", align=False)
    orm = article_import(comparison=comparison, meta=ArticleMeta(source="Two"), content="A second text.", align=False)
    Passage.objects.all().delete()
    passages_insert(article=ours, version=ours.current_version, segments=document.segments)
    passages_insert(article=ours, version=ours.current_version, segments=[])  # nothing to store: no statement
    Passage.objects.bulk_create(
        Passage(article=orm, version=orm.current_version, index=s.index, start=s.start, end=s.end, text=s.text,
                paragraph=s.paragraph, kind=s.kind)
        for s in document.segments
    )
    columns = [name for name in PASSAGE_FIELDS if name not in ("article", "version")]

    def stored(article):
        return list(article.current_version.passages.filter(article=article).order_by("index").values_list(*columns))

    assert stored(ours) == stored(orm)
    assert len(stored(ours)) == len(document.segments) == 4 and stored(ours)[0][-1] == 1
    # A new column must be written by passages_insert too.
    assert {f.name for f in Passage._meta.concrete_fields} - {"id"} == set(PASSAGE_FIELDS)
