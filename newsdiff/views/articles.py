"""Article pages: an account, its versions and what changed between them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from newsdiff import roles
from newsdiff.models import Annotation, Article, ArticleVersion, Passage
from newsdiff.selectors import (
    article_changed_since_review,
    article_needs_rereview,
    article_versions_compare,
)
from newsdiff.services.rereview import annotation_dismiss, annotation_reanchor
from newsdiff.views.access import get_visible_or_404

TEMPLATE = "newsdiff/article_detail.html"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
@login_required
@permission_required(roles.REVIEW, raise_exception=True)
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Show an account's details, current text, versions, and what changed between two of them."""
    article = get_visible_or_404(
        request, Article.objects.select_related("comparison", "current_version", "current_version__created_by"), pk=pk
    )
    versions = list(
        ArticleVersion.objects.filter(article=article)
        .select_related("created_by")
        .annotate(passage_count=Count("passages"))
        .order_by("number")
    )
    by_number = {version.number: version for version in versions}
    chosen_from, chosen_to, problem = _chosen(request.GET, by_number, article)
    changes = None
    if chosen_from and chosen_to and chosen_from != chosen_to:
        changes = article_versions_compare(old=by_number[chosen_from], new=by_number[chosen_to])
    needs_rereview = article_needs_rereview(article)
    context = {
        "article": article,
        "comparison": article.comparison,
        "version": article.current_version,
        "versions": versions,
        "chosen_from": chosen_from,
        "chosen_to": chosen_to,
        "problem": problem,
        "changes": changes,
        "needs_rereview": needs_rereview,
        # The passages a left-behind verdict can be re-anchored to (only read when there is one).
        "current_passages": (
            list(Passage.objects.filter(version_id=article.current_version_id).order_by("index").only("index", "text"))
            if needs_rereview
            else []
        ),
        "changed_since_review": article_changed_since_review(article),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, TEMPLATE + "#changes", context)
    return render(request, TEMPLATE, context)


@require_GET
@login_required
@permission_required(roles.REVIEW, raise_exception=True)
def article_version_fetched(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Return the page as it was fetched for one version, as plain text: the evidence, never rendered."""
    version = get_visible_or_404(request, ArticleVersion, article_id=pk, number=number)
    if not version.fetched_html:
        raise Http404(_("This version was not fetched from the web."))
    response = HttpResponse(version.fetched_html, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="article-{pk}-v{number}-fetched.html.txt"'
    return response


@require_POST
@login_required
@permission_required(roles.REVIEW, raise_exception=True)
def annotation_rereview(request: HttpRequest, pk: int, annotation_pk: int) -> HttpResponse:
    """Dismiss a verdict a new version left behind, or re-anchor it to a passage of the current text."""
    article = get_visible_or_404(request, Article, pk=pk)
    annotation = get_object_or_404(Annotation, pk=annotation_pk, comparison_id=article.comparison_id)
    try:
        if request.POST.get("action") == "dismiss":
            annotation_dismiss(article=article, annotation=annotation, user=request.user)
            messages.success(request, _("Dismissed: the verdict stays with the old version as history."))
        else:
            passage = Passage.objects.filter(
                pk=_int(request.POST.get("passage")), version_id=article.current_version_id
            ).first()
            if passage is None:
                raise ValidationError(_("Choose a passage of the current version."))
            annotation_reanchor(article=article, annotation=annotation, passage=passage, user=request.user)
            messages.success(request, _("Re-anchored to passage %(number)s of the current version.") % {
                "number": passage.index + 1})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("article-detail", args=[article.pk]) + "#rereview-title")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _chosen(query, by_number: dict[int, ArticleVersion], article: Article) -> tuple[int | None, int | None, str]:
    """Read ?from=&to= (version numbers); by default the previous version against the current one."""
    current = article.current_version.number if article.current_version else None
    default_to = current or (max(by_number) if by_number else None)
    default_from = max((n for n in by_number if default_to and n < default_to), default=None)
    chosen = []
    problem = ""
    for name, default in (("from", default_from), ("to", default_to)):
        raw = query.get(name, "")
        if not raw:
            chosen.append(default)
            continue
        try:
            number = int(raw)
        except ValueError:
            number = None
        if number not in by_number:
            problem = _("There is no version %(raw)s; showing v%(old)s → v%(new)s instead.") % {
                "raw": f"{raw!s:.20}", "old": default_from, "new": default_to}
            chosen.append(default)
        else:
            chosen.append(number)
    if chosen[0] is not None and chosen[0] == chosen[1] and not problem:
        problem = _("Choose two different versions to see what changed.")
    return chosen[0], chosen[1], problem
