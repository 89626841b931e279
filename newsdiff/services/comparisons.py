"""Start a comparison in one step: a name and two or more accounts, each imported and aligned, or nothing at all.

comparison_create() takes plain values (bytes, not uploaded-file objects), so a background task can call it
as well as a view. Web pages are fetched first, outside the transaction (a slow site must not hold the
database's write lock); then one transaction creates the comparison, imports every account through
article_import() and aligns every pair once. The first refusal names the account and rolls everything back.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from newsdiff.models import Article, Comparison, Job
from newsdiff.services.alignment import comparison_align_article
from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import
from newsdiff.services.fetch import FetchedPage, article_import_fetched, page_fetch_extract
from newsdiff.services.jobs import job_start
from newsdiff.text.web import ExtractedArticle

SLUG_LENGTH = 80
RESERVED_SLUGS = {"new"}  # /c/new/ is the form that starts a comparison


@dataclass(frozen=True)
class AccountInput:
    """One account as given: exactly one of a web address, pasted text or a file's bytes, and whose account it is."""

    source: str = ""
    url: str = ""
    text: str = ""
    data: bytes | None = None
    filename: str = ""

    @property
    def way(self) -> str:
        given = [name for name, value in (("url", self.url.strip()), ("text", self.text.strip()), ("file", self.data))
                 if value]
        if len(given) != 1:
            raise ValueError("Give exactly one of url, text or data.")
        return given[0]


class AccountRefused(ImportRefused):
    """An account that could not be imported; `index` is its position (0-based) among the accounts given."""

    def __init__(self, message: str, *, index: int, existing: Article | None = None):
        super().__init__(message, existing=existing)
        self.index = index


def account_name(index: int, account: AccountInput) -> str:
    """How messages name an account: its number, and its source or address when there is one."""
    detail = account.source.strip() or account.url.strip() or account.filename
    if detail:
        return gettext("Account %(number)s (%(detail)s)") % {"number": index + 1, "detail": detail}
    return gettext("Account %(number)s") % {"number": index + 1}


def comparison_create(
    *, title: str = "", accounts: list[AccountInput], description: str = "", user=None
) -> Comparison:
    """Create a comparison with its accounts and import them; if any account is refused, keep nothing.

    Aligning is a background job started with the comparison: the review page shows its progress and
    fills in the suggestions when it is done.
    """
    if len(accounts) < 2:
        raise ImportRefused(gettext("A comparison needs at least two accounts."))
    fetched = {index: _fetch(index, account) for index, account in enumerate(accounts) if account.way == "url"}
    with transaction.atomic():
        comparison = Comparison(
            slug=_free_slug(title or "comparison"), title=title.strip() or gettext("Untitled comparison"),
            description=description, created_by=user,
        )
        try:
            comparison.full_clean()
        except ValidationError as error:
            messages = [f"{field}: {' '.join(errors)}" for field, errors in error.message_dict.items()]
            raise ImportRefused(
                gettext("The comparison's details are not valid — %(errors)s") % {"errors": "; ".join(messages)}
            ) from error
        comparison.save()
        articles = [
            _import(index, account, comparison=comparison, fetched=fetched.get(index), user=user)
            for index, account in enumerate(accounts)
        ]
        if not title.strip():
            # Named after its first account, as the list of comparisons shows it.
            comparison.title = articles[0].title[:300]
            comparison.slug = _free_slug(comparison.title)
            comparison.save(update_fields=["title", "slug"])
        job_start(kind=Job.Kind.REALIGN, comparison=comparison, user=user)
    return comparison


def comparison_account_add(*, comparison: Comparison, account: AccountInput, user=None) -> Article:
    """Add one account to a comparison and align it with each account already there."""
    if comparison.is_closed:
        raise ImportRefused(gettext("This comparison is closed: reopen it before adding an account."))
    index = comparison.articles.count()
    fetched = _fetch(index, account) if account.way == "url" else None
    with transaction.atomic():
        article = _import(index, account, comparison=comparison, fetched=fetched, user=user)
        comparison_align_article(article=article, user=user)
    return article


def _fetch(index: int, account: AccountInput) -> tuple[FetchedPage, ExtractedArticle]:
    try:
        return page_fetch_extract(account.url.strip())
    except ImportRefused as refusal:
        raise AccountRefused(_named(index, account, refusal.reason), index=index) from refusal


def _import(index: int, account: AccountInput, *, comparison: Comparison, fetched, user) -> Article:
    try:
        if fetched is not None:
            page, extracted = fetched
            source = account.source or extracted.sitename[:200] or (urlsplit(page.final_url).hostname or "")
            return article_import_fetched(
                comparison=comparison,
                meta=ArticleMeta(source=source),
                page=page,
                extracted=extracted,
                user=user,
                align=False,
            )
        meta = ArticleMeta(source=account.source)
        if account.data is not None:
            return article_import(
                comparison=comparison, meta=meta, data=account.data, filename=account.filename, user=user, align=False
            )
        return article_import(comparison=comparison, meta=meta, content=account.text, user=user, align=False)
    except ImportRefused as refusal:
        reason = refusal.reason
        if refusal.existing is not None:
            reason = gettext("it has the same text as another account here (“%(title)s”).") % {
                "title": refusal.existing.title
            }
        raise AccountRefused(_named(index, account, reason), index=index) from refusal


def _named(index: int, account: AccountInput, reason: str) -> str:
    return gettext("%(account_name)s: %(reason)s") % {"account_name": account_name(index, account), "reason": reason}


def _free_slug(title: str) -> str:
    """A slug made from the title that no comparison uses yet (…-2, …-3 when taken)."""
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "comparison"
    if base in RESERVED_SLUGS:
        base += "-comparison"
    taken = set(Comparison.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
