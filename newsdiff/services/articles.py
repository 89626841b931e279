"""Writes for comparisons, articles and their versions: import, re-import, split."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from newsdiff.models import Article, ArticleVersion, Comparison, Passage
from newsdiff.services.refusals import refusal_text
from newsdiff.text.decode import InputRejected

if TYPE_CHECKING:
    from newsdiff.text.pipeline import SplitDocument
    from newsdiff.text.segment import Segment


class ImportRefused(ValidationError):
    """An import that was refused, with a message for the user; nothing was written."""

    def __init__(self, message: str, *, existing: Article | None = None):
        super().__init__(message)
        self.existing = existing

    @property
    def reason(self) -> str:
        return self.messages[0]


@dataclass(frozen=True)
class ArticleMeta:
    """What an uploader tells about an account besides its text."""

    source: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published_at: datetime | None = None
    language: str = ""


def comparison_get_or_create(*, slug: str, title: str = "", user=None) -> Comparison:
    """Return the comparison with this slug, creating it (titled after its slug) if needed."""
    clean_slug = slugify(slug)
    if not clean_slug or clean_slug != slug:
        raise ImportRefused(
            gettext("'%(slug)s' is not a valid comparison slug: use lowercase letters, digits and hyphens.")
            % {"slug": slug}
        )
    comparison = Comparison.objects.filter(slug=slug).first()
    if comparison:
        return comparison
    comparison = Comparison(slug=slug, title=title or slug.replace("-", " ").capitalize(), created_by=user)
    comparison.full_clean()
    comparison.save()
    return comparison


def checksum_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_input(
    *, data: bytes | None = None, content: str | None = None, filename: str = "", fmt: str = "", language: str = ""
) -> SplitDocument:
    """Decode, sanitise and split an upload or pasted text (in `language`, else the detected one); refuse bad
    input with a clear message."""
    if (data is None) == (content is None):
        raise ValueError("Pass exactly one of data or content.")
    limit = settings.NEWSDIFF_MAX_UPLOAD_BYTES
    size = len(data) if data is not None else len(content.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise ImportRefused(
            (
                gettext("The file is %(size)s MB; the limit is %(limit)s MB.")
                if data is not None
                else gettext("The text is %(size)s MB; the limit is %(limit)s MB.")
            )
            % {"size": f"{size / 1_048_576:.1f}", "limit": f"{limit / 1_048_576:.1f}"}
        )
    try:
        if data is not None:
            from newsdiff.text.pipeline import split_upload  # extraction and splitting load on first use

            return split_upload(data, filename, language=language)
        fmt = fmt or ("html" if content.lstrip().startswith("<") and ">" in content else "text")
        from newsdiff.text.pipeline import split_content

        return split_content(content, fmt, language=language)
    except InputRejected as error:
        raise ImportRefused(refusal_text(error)) from error
    except UnicodeError as error:
        raise ImportRefused(gettext("The text could not be read: %(reason)s.") % {"reason": error.reason}) from error


def article_import(
    *,
    comparison: Comparison,
    meta: ArticleMeta,
    data: bytes | None = None,
    content: str | None = None,
    filename: str = "",
    fmt: str = "",
    user=None,
    fetched_html: str = "",
    fetched_at: datetime | None = None,
    align: bool = True,
) -> Article:
    """Import one account into a comparison, split it into passages and align it with the others."""
    document = split_input(data=data, content=content, filename=filename, fmt=fmt, language=meta.language.strip())
    checksum = checksum_of(document.prepared.text)
    existing = Article.objects.filter(comparison=comparison, current_version__checksum=checksum).order_by("pk").first()
    if existing:
        raise ImportRefused(
            gettext("The same text is already in this comparison as “%(title)s”.") % {"title": existing.title},
            existing=existing,
        )
    # What the uploader typed is stored exactly as typed; blank means "not given".
    source = meta.source
    if not source.strip():
        raise ImportRefused(gettext("Say whose account this is (the source), e.g. 'Mexican presidency'."))
    title = meta.title if meta.title.strip() else _derived_title(document)

    with transaction.atomic():
        position = (comparison.articles.aggregate(m=Max("position"))["m"] or 0) + 1
        article = Article(
            comparison=comparison,
            position=position,
            title=title,
            outlet=meta.outlet,
            source=source,
            author=meta.author,
            url=meta.url.strip(),
            published_at=meta.published_at,
            language=meta.language.strip() or document.language,  # blank: the detected language
            created_by=user,
        )
        _validate(article)
        article.save()
        version = version_create(
            article=article,
            document=document,
            filename=filename,
            user=user,
            fetched_html=fetched_html,
            fetched_at=fetched_at,
        )
        article.current_version = version
        article.save(update_fields=["current_version"])
        Comparison.objects.filter(pk=comparison.pk).update(last_activity_at=timezone.now())
        if align:
            from newsdiff.services.alignment import comparison_align_article

            comparison_align_article(article=article, user=user)
    return article


def _validate(article: Article) -> None:
    for field in ("title", "outlet", "source", "author", "url", "language"):
        if "\x00" in getattr(article, field):
            raise ImportRefused(
                gettext("The %(field)s contains a NUL character, which cannot be stored.")
                % {"field": Article._meta.get_field(field).verbose_name}
            )
    try:
        article.full_clean(exclude=["current_version", "comparison"])
    except ValidationError as error:
        messages = [f"{field}: {' '.join(errors)}" for field, errors in error.message_dict.items()]
        raise ImportRefused(
            gettext("The article's details are not valid — %(errors)s") % {"errors": "; ".join(messages)}
        ) from error


def _derived_title(document: SplitDocument) -> str:
    """A title for an article that came without one: the page's own, else its first line (shortened, marked …)."""
    line = document.prepared.title.strip() or document.prepared.text.strip().split("\n", 1)[0]
    return line if len(line) <= 200 else line[:199] + "…"


# The columns passages_insert() writes, in order; every other column of Passage has a default.
PASSAGE_FIELDS = ("article", "version", "index", "start", "end", "text", "paragraph", "kind", "row_version")


def passages_insert(*, article: Article, version: ArticleVersion, segments: Sequence[Segment]) -> None:
    """Store a version's segments as its passages with one INSERT run over all rows (the caller holds the transaction).

    What `Passage.objects.bulk_create` writes, without a model object and a field-by-field preparation of
    every row: 0.4 s of CPU for the 7,500 passages of a 1 MB article through the ORM (bench/import_bench.py),
    most of the import after splitting. The values are ints and strings already.
    """
    meta = Passage._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in PASSAGE_FIELDS)
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(PASSAGE_FIELDS))})"
    row_version = meta.get_field("row_version").get_default()
    rows = [(article.pk, version.pk, s.index, s.start, s.end, s.text, s.paragraph, s.kind, row_version) for s in segments]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def version_create(
    *, article: Article, document: SplitDocument, filename: str, user, fetched_html: str = "", fetched_at=None
) -> ArticleVersion:
    """Store the next version of an article with its passages (the caller holds the transaction)."""
    number = (article.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = ArticleVersion.objects.create(
        article=article,
        number=number,
        original=document.original,
        original_filename=filename[:255],
        original_format=document.fmt,
        html=document.prepared.html,
        text=document.prepared.text,
        checksum=checksum_of(document.prepared.text),
        fetched_html=fetched_html,
        fetched_at=fetched_at,
        fetched_checksum=checksum_of(fetched_html) if fetched_html else "",
        created_by=user,
    )
    passages_insert(article=article, version=version, segments=document.segments)
    return version
