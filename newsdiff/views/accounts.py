"""Bringing accounts in from the app: a new comparison with its accounts, one more account, a fresh fetch.

The account forms are a formset; "Add another account" is a submit button that works without script (the
page comes back with one more blank account) and, with htmx, fetches just the new account's fields
(`comparison_form.html#added`) and appends them, so files already chosen stay chosen.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from newsdiff import roles
from newsdiff.forms import FILE_NOT_KEPT, AccountForm, AccountFormSet, ComparisonCreateForm
from newsdiff.models import Article, Comparison, Job
from newsdiff.services.articles import ImportRefused
from newsdiff.services.comparisons import AccountRefused, comparison_account_add, comparison_create
from newsdiff.services.versions import article_refetch
from newsdiff.views.access import get_visible_or_404

TEMPLATE = "newsdiff/comparison_form.html"
PREFIX = "accounts"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _guard(perm: str):
    def decorate(view):
        return login_required(permission_required(perm, raise_exception=True)(view))

    return decorate


def _page(request, form, formset, *, status: int = 200, lost_files: list[str] = (), focus: int = 1) -> HttpResponse:
    context = {
        "focus_number": focus,
        "form": form,
        "formset": formset,
        "total": len(formset.forms),
        "max_accounts": AccountFormSet.max_num,
        "lost_files": list(lost_files),
        "file_not_kept": FILE_NOT_KEPT,
    }
    return render(request, TEMPLATE, context, status=status)


@require_http_methods(["GET", "POST"])
@_guard(roles.START)
def comparison_create_view(request: HtmxHttpRequest) -> HttpResponse:
    """Start a comparison: a name and two or more accounts; one submit imports, aligns and opens the review."""
    if request.method == "GET":
        if request.htmx and request.GET.get("add", "").isdigit():
            return _account_added(request, int(request.GET["add"]))
        return _page(request, ComparisonCreateForm(), AccountFormSet(prefix=PREFIX))
    if "add_account" in request.POST:
        return _one_more(request)
    form = ComparisonCreateForm(request.POST)
    formset = AccountFormSet(request.POST, request.FILES, prefix=PREFIX)
    if form.is_valid() and formset.is_valid():
        given = [account_form for account_form in formset.forms if account_form.has_changed()]
        try:
            comparison = comparison_create(
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                accounts=[account_form.account() for account_form in given],
                user=request.user,
            )
        except AccountRefused as refusal:
            given[refusal.index].add_error(None, refusal.reason + " " + _("Nothing was saved."))
        except ImportRefused as refusal:
            form.add_error(None, refusal.reason)
        else:
            accounts = comparison.articles.count()
            if comparison.jobs.exclude(status__in=[Job.Status.DONE, Job.Status.FAILED]).exists():
                messages.success(request, _("Imported %(accounts)s accounts. Aligning them now: the suggestions appear "
                                            "here when it is done.") % {"accounts": accounts})
            else:
                messages.success(request, _("Compared %(accounts)s accounts: %(pairs)s suggested pairs to review.") % {
                    "accounts": accounts, "pairs": comparison.links.count()})
            return redirect(comparison)
    formset.note_lost_files()
    return _page(request, form, formset, status=422, focus=0)


def _one_more(request) -> HttpResponse:
    """Without script: the same page with one more blank account; what was typed stays, files must be chosen again."""
    total = request.POST.get(f"{PREFIX}-TOTAL_FORMS", "2")
    total = min(int(total) if total.isdigit() else 2, AccountFormSet.max_num - 1)
    fields = ("url", "source", "text")
    initial = [{name: request.POST.get(f"{PREFIX}-{i}-{name}", "") for name in fields} for i in range(total)]
    lost = [upload.name for key, upload in request.FILES.items() if key.startswith(f"{PREFIX}-")]
    form = ComparisonCreateForm(initial={name: request.POST.get(name, "") for name in ("title", "description")})
    formset = AccountFormSet(prefix=PREFIX, initial=[*initial, {}])
    return _page(request, form, formset, lost_files=lost, focus=total + 1)


def _account_added(request, index: int) -> HttpResponse:
    """With htmx: the fields of account number index+1, and the form's counters out of band."""
    index = min(index, AccountFormSet.max_num - 1)
    context = {
        "account_form": AccountForm(prefix=f"{PREFIX}-{index}"),
        "number": index + 1,
        "focus_number": index + 1,
        "total": index + 1,
        "max_accounts": AccountFormSet.max_num,
        "formset": AccountFormSet(prefix=PREFIX),
    }
    return render(request, f"{TEMPLATE}#added", context)


@require_http_methods(["GET", "POST"])
@_guard(roles.ADD_ACCOUNT)
def account_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Add one account to a comparison (a web address, pasted text or a file) and align it with the others."""
    comparison = get_visible_or_404(request, Comparison, slug=slug)
    account_form = AccountForm(request.POST or None, request.FILES or None, prefix="account")
    if request.method == "POST" and account_form.is_valid():
        try:
            article = comparison_account_add(comparison=comparison, account=account_form.account(), user=request.user)
        except ImportRefused as refusal:
            account_form.add_error(None, refusal.reason)
        else:
            messages.success(request, _("Added “%(title)s” and aligned it with the other accounts.") % {"title": article.title})
            return redirect(comparison)
    if account_form.is_bound and account_form.files.get("account-file"):
        account_form.add_error("file", FILE_NOT_KEPT)
    status = 422 if account_form.is_bound else 200
    context = {"comparison": comparison, "account_form": account_form, "number": comparison.articles.count() + 1}
    return render(request, "newsdiff/article_form.html", context, status=status)


@require_POST
@_guard(roles.ADD_VERSION)
def article_refetch_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Fetch an account's web address again: a new version where the page changed, verdicts carried over."""
    article = get_visible_or_404(request, Article.objects.select_related("comparison"), pk=pk)
    try:
        version = article_refetch(article=article, user=request.user)
    except ImportRefused as refusal:
        messages.error(request, f"{article.label}: {refusal.reason}")
    else:
        messages.success(request, _("%(account)s: version %(number)s fetched.") % {
            "account": article.label, "number": version.number} + f" {version.carry.summary()}")
    return redirect(article.comparison)
