"""The claim grid: rows are claims, columns are accounts; reviewers give one verdict per claim.

The default view of a comparison of three or more accounts (comparison_detail redirects here when no pair is
chosen); the pair view is a link away. Every POST answers like the pair view: htmx gets the claim's row (and
counters out of band) from `comparison_grid.html#swap`; a plain post redirects to the row.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import reswap

from newsdiff import roles
from newsdiff.models import Comparison
from newsdiff.selectors.claims import ClaimRow, Grid, claim_history, claim_row, comparison_claims, grid_verdicts
from newsdiff.services.claims import claim_undo_last, claim_verdict_set
from newsdiff.views.comparisons import _comparison, review_view

TEMPLATE = "newsdiff/comparison_grid.html"
PAGE_ROWS = 50
FILTERS = {
    "all": gettext_lazy("All claims"),
    "odd": gettext_lazy("An odd one out"),
    "untagged": gettext_lazy("Untagged by me"),
    "disputed": gettext_lazy("Reviewers disagree"),
}


def _grid_url(comparison: Comparison, *, key: str = "", start: int = 0, row_filter: str = "all") -> str:
    query = "&".join(q for q in (f"filter={row_filter}" if row_filter != "all" else "", f"start={start}" if start else "") if q)
    return reverse("comparison-grid", args=[comparison.slug]) + (f"?{query}" if query else "") + (f"#row-{key}" if key else "")


def _filtered(rows: list[ClaimRow], row_filter: str) -> list[ClaimRow]:
    if row_filter == "odd":
        return [row for row in rows if row.claim.odd and row.reporting > 1 or (row.verdict and row.verdict.odd)]
    if row_filter == "untagged":
        return [row for row in rows if not (row.mine and row.mine.label)]
    if row_filter == "disputed":
        return [row for row in rows if row.disagreement]
    return rows


def _with_urls(rows: list[ClaimRow], comparison: Comparison) -> list[ClaimRow]:
    urls = {name: reverse(f"claim-{name}", args=[comparison.slug, "KEY"]) for name in ("tag", "final", "history")}
    for row in rows:
        row.urls = {name: url.replace("/KEY/", f"/{row.key}/") for name, url in urls.items()}
    return rows


def _context(request, comparison: Comparison, grid: Grid, **extra) -> dict:
    articles = grid.articles
    return {
        "comparison": comparison,
        "grid": grid,
        "counts": grid.counts,
        "can_review": request.user.has_perm(roles.REVIEW),
        "can_finalize": request.user.has_perm(roles.FINALIZE),
        "pair_query": f"a={articles[0].pk}&b={articles[1].pk}" if len(articles) > 1 else "",
        **extra,
    }


@require_GET
@review_view()
def comparison_grid(request, slug: str) -> HttpResponse:
    """Every claim across every account, 50 rows at a time."""
    comparison = _comparison(request, slug)
    grid = comparison_claims(comparison, viewer=request.user)
    row_filter = request.GET.get("filter", "all")
    row_filter = row_filter if row_filter in FILTERS else "all"
    rows = _filtered(grid.rows, row_filter)
    start = request.GET.get("start", "0")
    start = min(int(start) if start.isdigit() else 0, max(len(rows) - 1, 0))
    start -= start % PAGE_ROWS
    window = _with_urls(rows[start : start + PAGE_ROWS], comparison)
    filter_query = f"filter={row_filter}&" if row_filter != "all" else ""
    context = _context(
        request,
        comparison,
        grid,
        rows=window,
        row_filter=row_filter,
        filters=[(key, label, f"filter={key}" if key != "all" else "") for key, label in FILTERS.items()],
        total_rows=len(rows),
        start=start,
        end=start + len(window),
        next_query=f"{filter_query}start={start + PAGE_ROWS}" if start + PAGE_ROWS < len(rows) else "",
        previous_query=f"{filter_query}start={max(start - PAGE_ROWS, 0)}" if start else "",
    )
    if request.htmx and "start" in request.GET and not request.htmx.boosted:
        return render(request, f"{TEMPLATE}#chunk", context)
    return render(request, TEMPLATE, context)


def _respond(
    request, comparison: Comparison, key: str, *, message: str = "", level=messages.SUCCESS, status=200, oob=False,
    grid: Grid | None = None,
):
    """Answer a write: the claim's row and the counters for htmx (out of band when oob), a redirect otherwise.

    grid: the claims as computed before the write (a verdict does not change the links, so only the verdicts
    are reloaded).
    """
    if grid is None:
        grid, row = claim_row(comparison, key=key, viewer=request.user)
    else:
        grid_verdicts(grid, viewer=request.user)
        row = next((r for r in grid.rows if r.key == key), None)
    if not request.htmx:
        if message:
            messages.add_message(request, level, message)
        keys = [r.key for r in grid.rows]
        index = keys.index(key) if key in keys else 0
        return HttpResponseRedirect(_grid_url(comparison, key=key if row else "", start=index - index % PAGE_ROWS))
    if row is None:
        response = render(
            request, f"{TEMPLATE}#flash", {"flash_message": message or "This claim has changed.", "oob": True}, status=status
        )
        return reswap(response, "none")
    context = _context(
        request,
        comparison,
        grid,
        row=_with_urls([row], comparison)[0],
        message=message,
        message_level="error" if level >= messages.WARNING else "ok",
        oob_row=oob,
    )
    response = render(request, f"{TEMPLATE}#swap", context, status=status)
    return reswap(response, "none") if oob else response


def _ints(values) -> list[int]:
    return [int(v) for v in values if str(v).isdigit()]


def _verdict(request, slug: str, key: str, *, final: bool) -> HttpResponse:
    comparison = _comparison(request, slug)
    grid, row = claim_row(comparison, key=key, viewer=request.user)
    if row is None:
        raise Http404(_("No such claim: its passages or links may have changed; reload the grid."))
    label = request.POST.get("label") if "label" in request.POST else None
    note = request.POST.get("note") if "note" in request.POST and not final else None
    try:
        claim_verdict_set(
            comparison=comparison,
            reviewer=request.user,
            key=key,
            members=row.members,
            reporting=[cell.article.pk for cell in row.cells if cell.passages],
            label=label,
            odd=_ints(request.POST.getlist("odd")),
            note=note,
            final=final,
        )
    except ValidationError as error:
        return _respond(
            request, comparison, key, message=" ".join(error.messages), level=messages.ERROR, status=422, grid=grid
        )
    success = _("Final verdict recorded.") if final else (_("Note saved.") if label is None else "")
    return _respond(request, comparison, key, message=success, grid=grid)


@require_POST
@review_view()
def claim_tag(request, slug: str, key: str) -> HttpResponse:
    """Set (or clear) my verdict on a claim, and my note with it when the form carries one."""
    return _verdict(request, slug, key, final=False)


@require_POST
@review_view(roles.FINALIZE)
def claim_final(request, slug: str, key: str) -> HttpResponse:
    """Record the editor's final verdict on a claim."""
    return _verdict(request, slug, key, final=True)


@require_POST
@review_view()
def claim_undo(request, slug: str) -> HttpResponse:
    """Undo my last change to a claim verdict in this comparison."""
    comparison = _comparison(request, slug)
    try:
        undo = claim_undo_last(reviewer=request.user, comparison=comparison)
    except ValidationError as error:
        message, status = " ".join(error.messages), 422
    else:
        if undo is not None:
            message = _("Undone: %(action)s.") % {"action": undo.undoes.get_action_display().lower()}
            return _respond(request, comparison, undo.key, message=message, oob=True)
        message, status = _("Nothing of yours to undo here."), 200
    if not request.htmx:
        messages.info(request, message)
        return HttpResponseRedirect(_grid_url(comparison))
    return reswap(render(request, f"{TEMPLATE}#flash", {"flash_message": message, "oob": True}, status=status), "none")


@require_GET
@review_view()
def claim_history_view(request, slug: str, key: str) -> HttpResponse:
    """Every recorded change to one claim's verdicts, newest first."""
    comparison = _comparison(request, slug)
    events = claim_history(comparison, key=key)
    articles = {a.pk: a.source for a in comparison.articles.all()}
    for event in events:
        for state in (event.before, event.after):
            if state:
                state["odd_names"] = [articles.get(pk, f"#{pk}") for pk in state.get("odd", [])]
    context = {"comparison": comparison, "key": key, "events": events, "back_url": _grid_url(comparison, key=key)}
    template = "newsdiff/claim_history.html"
    return render(request, f"{template}#history" if request.htmx else template, context)
