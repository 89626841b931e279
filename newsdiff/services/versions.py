"""New versions of an account, and reviewers' verdicts carried over to them.

article_version_add() splits a new text the same way as any import, stores it as
the next ArticleVersion, moves the verdicts that still apply and re-runs the
alignment — all in one transaction. The old version keeps its passages.

Where a verdict goes is decided passage by passage (text.versiondiff.pair_passages):
  same text     → moved to the new passage (AnnotationEvent CARRY)
  lightly edited→ moved and flagged changed_since_review (CARRY, shown as "changed since review")
  gone          → stays on the old version's passage, listed as "needs re-review" on the article page
A link is carried when at least one of its passages on this account's side is
same or edited (the other side is the other account's current text): a new Link
is made on the surviving passages (copying origin, status, score, label and
reasons) and its annotations move to it, flagged when a passage was edited or
lost; the lost passages are listed for re-review. The old link stays with the
old version as history. A verdict is never attached to a different claim.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from newsdiff.models import Annotation, AnnotationEvent, Article, ArticleVersion, Comparison, Link, Passage
from newsdiff.services.articles import ArticleMeta, ImportRefused, checksum_of, split_input, version_create
from newsdiff.services.fetch import article_import_url, page_fetch_extract, published_from
from newsdiff.text.web import same_page_key


@dataclass
class CarryReport:
    """What happened to the verdicts of the previous version."""

    carried: list[Annotation] = field(default_factory=list)  # same text
    flagged: list[Annotation] = field(default_factory=list)  # edited text: changed since review
    left: list[Annotation] = field(default_factory=list)  # passage gone: needs re-review
    links_carried: int = 0
    links_left: int = 0
    dropped: list[Passage] = field(default_factory=list)  # old passages a carried link lost: re-review them

    def summary(self) -> str:
        text = gettext(
            "%(carried)s verdict(s) carried over, %(flagged)s carried and flagged “changed since review”, "
            "%(left)s left on the old version for re-review."
        ) % {"carried": len(self.carried), "flagged": len(self.flagged), "left": len(self.left)}
        if self.dropped:
            text += " " + gettext("%(count)s passage(s) gone from carried links, listed for re-review.") % {
                "count": len(self.dropped)
            }
        return text


def article_version_add(
    *,
    article: Article,
    data: bytes | None = None,
    content: str | None = None,
    filename: str = "",
    url: str | None = None,
    fmt: str = "",
    user=None,
    align: bool = True,
    fetched=None,
) -> ArticleVersion:
    """Add the next version of an account from a file, text or web address; carry verdicts; re-align.

    With url, `fetched` may hold the (page, extracted article) already fetched from it. The returned version
    has a `carry` attribute (CarryReport) saying where the verdicts went.
    """
    if sum(value is not None for value in (data, content, url)) != 1:
        raise ValueError("Pass exactly one of data, content or url.")
    fetched_html, fetched_at, extracted = "", None, None
    if url is not None:
        page, extracted = fetched or page_fetch_extract(url)
        content, fmt, fetched_html, fetched_at = extracted.html, "html", page.html, page.fetched_at
    document = split_input(data=data, content=content, filename=filename, fmt=fmt, language=article.language)
    checksum = checksum_of(document.prepared.text)

    with transaction.atomic():
        article = Article.objects.select_for_update().select_related("comparison").get(pk=article.pk)
        if article.comparison.is_closed:
            raise ImportRefused(gettext("This comparison is closed: reopen it before adding a version."))
        previous = article.current_version
        if previous is not None and previous.checksum == checksum:
            raise ImportRefused(
                gettext("The text is identical to the current version (v%(number)s); no version was added.")
                % {"number": previous.number}
            )
        version = version_create(
            article=article,
            document=document,
            filename=filename,
            user=user,
            fetched_html=fetched_html,
            fetched_at=fetched_at,
        )
        article.current_version = version
        update = ["current_version"]
        if extracted is not None:
            update += _fill_blank_metadata(article, extracted, url)
        article.save(update_fields=update)
        report = _verdicts_carry(article=article, previous=previous, version=version, user=user) if previous else CarryReport()
        Comparison.objects.filter(pk=article.comparison_id).update(last_activity_at=timezone.now())
        if align:
            from newsdiff.services.alignment import comparison_align_article

            comparison_align_article(article=article, user=user)
    version.carry = report
    return version


@dataclass
class UrlImport:
    """What fetching a web address into a comparison did: a new account, or a new version of one."""

    article: Article
    version: ArticleVersion | None = None  # set when the page was an account's already

    @property
    def is_new_version(self) -> bool:
        return self.version is not None


def article_from_same_page(*, comparison: Comparison, url: str) -> Article | None:
    """The account of this comparison that came from the same web page (see same_page_key), if any."""
    key = same_page_key(url)
    if not key:
        return None
    candidates = comparison.articles.exclude(url="").order_by("pk")
    return next((article for article in candidates if same_page_key(article.url) == key), None)


def article_import_or_version_url(
    *, comparison: Comparison, meta: ArticleMeta, url: str, user=None, align: bool = True
) -> UrlImport:
    """Fetch a web page into a comparison: a new version of the account that came from it, else a new account.

    The page is the same when the address asked for, or the one it redirected to, matches an account's address.
    """
    existing = article_from_same_page(comparison=comparison, url=url)
    if existing is not None:
        return UrlImport(existing, article_version_add(article=existing, url=url, user=user, align=align))
    page, extracted = page_fetch_extract(url)
    existing = article_from_same_page(comparison=comparison, url=page.final_url)
    if existing is not None:
        version = article_version_add(
            article=existing, url=page.final_url, user=user, align=align, fetched=(page, extracted)
        )
        return UrlImport(existing, version)
    return UrlImport(
        article_import_url(comparison=comparison, meta=meta, url=url, user=user, align=align, fetched=(page, extracted))
    )


def article_refetch(*, article: Article, user=None, align: bool = True) -> ArticleVersion:
    """Fetch the article's web address again and add what it says now as a new version."""
    if not article.url:
        raise ImportRefused(gettext("“%(title)s” has no web address to fetch again.") % {"title": article.title})
    return article_version_add(article=article, url=article.url, user=user, align=align)


def _fill_blank_metadata(article: Article, extracted, url: str) -> list[str]:
    """A re-fetch fills details the article lacks; it never overwrites what someone entered."""
    filled = []
    for name, value in (
        ("url", url),
        ("outlet", extracted.sitename[:200]),
        ("author", extracted.author[:300]),
        ("language", extracted.language[:35]),
        ("published_at", published_from(extracted.date)),
    ):
        if value and not getattr(article, name):
            setattr(article, name, value)
            filled.append(name)
    return filled


def _verdicts_carry(*, article: Article, previous: ArticleVersion, version: ArticleVersion, user) -> CarryReport:
    old = list(Passage.objects.filter(version=previous).order_by("index"))
    new = list(Passage.objects.filter(version=version).order_by("index"))
    from newsdiff.text.versiondiff import PassagePair, pair_passages  # rapidfuzz loads when a version comes in

    pairs = pair_passages([p.text for p in old], [p.text for p in new])
    match: dict[int, tuple[Passage, PassagePair]] = {
        old[pair.old].pk: (new[pair.new], pair) for pair in pairs if pair.status in ("same", "edited")
    }
    report = CarryReport()
    old_by_pk = {p.pk: p for p in old}

    annotations = Annotation.objects.filter(passage__version=previous).order_by("pk")
    for annotation in annotations:
        source = old_by_pk[annotation.passage_id]
        if source.pk not in match:
            report.left.append(annotation)
            continue
        target, pair = match[source.pk]
        edited = pair.status == "edited"
        before = _where(annotation, passages=[source], version=previous)
        annotation.passage = target
        annotation.changed_since_review = annotation.changed_since_review or edited
        annotation.save(update_fields=["passage", "changed_since_review", "updated_at"])
        _record(annotation, user=user, passage=target, before=before, after=_where(annotation, passages=[target], version=version, score=pair.score))
        (report.flagged if edited else report.carried).append(annotation)

    for link in _links_into(article=article, version=previous):
        side = "a" if link.article_a_id == article.pk else "b"
        other = "b" if side == "a" else "a"
        members = sorted(getattr(link, f"{side}_passages").all(), key=lambda p: p.index)
        others = list(getattr(link, f"{other}_passages").all())
        link_annotations = list(link.annotations.order_by("pk"))
        survivors = [p for p in members if p.pk in match]
        dropped = [p for p in members if p.pk not in match]
        if not survivors:
            report.left.extend(link_annotations)
            report.links_left += 1
            continue
        targets = [match[p.pk][0] for p in survivors]
        # A link that lost some of its passages still holds; its verdicts are flagged so a reviewer looks again,
        # and the passages it lost are listed (report.dropped, the CARRY event).
        edited = bool(dropped) or any(match[p.pk][1].status == "edited" for p in survivors)
        report.dropped.extend(dropped)
        copy = Link.objects.create(
            comparison_id=link.comparison_id,
            article_a_id=link.article_a_id,
            article_b_id=link.article_b_id,
            origin=link.origin,
            status=link.status,
            score=link.score,
            suggested_label=link.suggested_label,
            reasons=link.reasons,
            created_by=link.created_by,
        )
        getattr(copy, f"{side}_passages").set(targets)
        getattr(copy, f"{other}_passages").set(others)
        AnnotationEvent.objects.create(
            comparison_id=link.comparison_id,
            actor=user,
            action=AnnotationEvent.Action.CARRY,
            link=copy,
            before={"link": link.pk, "status": link.status, "version": previous.number, "passages": [p.pk for p in members]},
            after={"link": copy.pk, "status": copy.status, "version": version.number, "passages": [p.pk for p in targets],
                   "changed_since_review": edited, "dropped": [{"passage": p.pk, "text": p.text} for p in dropped]},
        )
        report.links_carried += 1
        for annotation in link_annotations:
            before = _where(annotation, passages=members, version=previous, link=link)
            annotation.link = copy
            annotation.changed_since_review = annotation.changed_since_review or edited
            annotation.save(update_fields=["link", "changed_since_review", "updated_at"])
            _record(annotation, user=user, link=copy, before=before,
                    after=_where(annotation, passages=targets, version=version, link=copy))
            (report.flagged if edited else report.carried).append(annotation)
    return report


def _links_into(*, article: Article, version: ArticleVersion) -> list[Link]:
    """Links a reviewer acted on whose passages on this account's side are in `version`.

    Untouched suggestions are not carried: the alignment re-run replaces them.
    Links whose other side is no longer that account's current text are history already.
    """
    from newsdiff.services.alignment import links_touched

    candidates = Link.objects.filter(
        Q(article_a=article, a_passages__version=version) | Q(article_b=article, b_passages__version=version)
    ).distinct()
    links = []
    for link in links_touched(candidates).select_related("article_a", "article_b").prefetch_related("a_passages", "b_passages"):
        other_article = link.article_b if link.article_a_id == article.pk else link.article_a
        other_members = link.b_passages.all() if link.article_a_id == article.pk else link.a_passages.all()
        if all(p.version_id == other_article.current_version_id for p in other_members):
            links.append(link)
    return sorted(links, key=lambda link: link.pk)


def _where(annotation: Annotation, *, passages, version: ArticleVersion, link: Link | None = None, score=None) -> dict:
    where = {
        **annotation.snapshot(),
        "version": version.number,
        "passages": [p.pk for p in passages],
        "text": " ".join(p.text for p in passages),
        "changed_since_review": annotation.changed_since_review,
    }
    if link is not None:
        where["link"] = link.pk
    if score is not None:
        where["score"] = round(score, 1)
    return where


def _record(annotation: Annotation, *, user, before: dict, after: dict, link=None, passage=None) -> None:
    AnnotationEvent.objects.create(
        comparison_id=annotation.comparison_id,
        actor=user,
        action=AnnotationEvent.Action.CARRY,
        annotation=annotation,
        link=link,
        passage=passage,
        before=before,
        after=after,
    )
