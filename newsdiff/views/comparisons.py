"""The review workspace: comparison list, side-by-side page, and the htmx endpoints that tag rows.

Every POST endpoint answers three ways from one template, `newsdiff/comparison_detail.html`:
- htmx request: the row partial (outerHTML on `#row-<key>`) plus out-of-band counters and flash;
- plain form post: a redirect back to the page anchored at the row (post/redirect/get);
- a stale row (`RowChanged`, 409) or a refused change (`ValidationError`, 422): with htmx the row is
  re-rendered in its current state with the message inside it (static/newsdiff/keys.js tells htmx to
  swap 409 and 422); without htmx the message is flashed and the page reloads at the row.
"""

from dataclasses import asdict, dataclass
from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import reswap, trigger_client_event
from django_htmx.middleware import HtmxDetails

from newsdiff import roles
from newsdiff.alignmap import LEGEND, AlignmentMap, map_from_rows, map_layout
from newsdiff.forms import LinkCreateForm, RowFinalForm, RowNoteForm, RowTagForm
from newsdiff.models import Comparison, Link, Passage
from newsdiff.text.language import base_language
from newsdiff.text.semantic import model_status
from newsdiff.selectors import (
    Row,
    SideBySide,
    comparison_summaries,
    reviewer_choices,
    row_history,
)
from newsdiff.selectors.jobs import comparison_jobs
from newsdiff.selectors.rows import (
    agreement,
    comparison_counts,
    comparison_row_index,
    comparison_row_keys,
    comparison_verdict_counts,
    rows_for,
)
from newsdiff.services.annotations import (
    RowChanged,
    annotation_set,
    annotation_undo_last,
    comparison_set_status,
    link_accept,
    link_create,
    link_reject,
    link_unlink,
)
from newsdiff.views.access import get_visible_or_404

TEMPLATE = "newsdiff/comparison_detail.html"
PAGE_ROWS = 50  # rows rendered per chunk; the next chunk loads as the reviewer scrolls to it
FILTERS = {
    "all": gettext_lazy("All rows"),
    "untagged": gettext_lazy("Untagged by me"),
    "suggestions": gettext_lazy("Suggestions"),
    "conflicts": gettext_lazy("Conflicts"),
    "unique": gettext_lazy("Unique"),
    "disputed": gettext_lazy("Reviewers disagree"),
}


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def review_view(perm: str = roles.REVIEW):
    """Require a logged-in user (else the login page) who holds perm (else 403)."""

    def decorate(view):
        return login_required(permission_required(perm, raise_exception=True)(view))

    return decorate


@dataclass(frozen=True)
class PageState:
    """What the reviewer is looking at: which two accounts, which filter, which reviewer, which chunk."""

    a: str = ""
    b: str = ""
    filter: str = "all"
    reviewer: str = ""
    start: int = 0

    @classmethod
    def from_query(cls, query) -> "PageState":
        def digits(name):
            value = query.get(name, "")
            return value if value.isdigit() else ""

        row_filter = query.get("filter", "all")
        start = query.get("start", "0")
        return cls(
            a=digits("a"),
            b=digits("b"),
            filter=row_filter if row_filter in FILTERS else "all",
            reviewer=query.get("reviewer", "")[:150],
            start=int(start) if start.isdigit() else 0,
        )

    def query(self, **changes) -> str:
        """The query string of this state with some values changed; defaults are left out."""
        values = {**asdict(self), **changes}
        pairs = [(k, v) for k, v in values.items() if v not in ("", 0, "all", None)]
        return urlencode(pairs)


def _filtered(rows: list[Row], state: PageState, viewer) -> list[Row]:
    """Apply the page's filter and reviewer choice to the rows."""
    if state.filter == "all" and not state.reviewer:
        return rows
    selected = [row for row in rows if row.reviewable]
    if state.filter == "untagged":
        selected = [row for row in selected if not (row.mine and row.mine.label)]
    elif state.filter == "suggestions":
        selected = [row for row in selected if row.is_suggestion or (row.suggested_unique and not row.verdict)]
    elif state.filter == "conflicts":
        selected = [
            row
            for row in selected
            if "conflicting" in row.labels
            or (row.final and row.final.label == "conflicting")
            or (row.is_suggestion and row.link.suggested_label == Link.Label.CONFLICT)
        ]
    elif state.filter == "unique":
        selected = [row for row in selected if "unique" in row.labels or (row.final and row.final.label == "unique")]
    elif state.filter == "disputed":
        selected = [row for row in selected if row.disagreement]
    if state.reviewer:
        selected = [
            row for row in selected if any(a.reviewer.get_username() == state.reviewer for a in row.annotations)
        ]
    return selected


def _comparison(request, slug: str) -> Comparison:
    return get_visible_or_404(request, Comparison, slug=slug)


def _detail_url(comparison: Comparison, state: PageState, *, key: str = "", **changes) -> str:
    query = state.query(**changes)
    return comparison.get_absolute_url() + (f"?{query}" if query else "") + (f"#row-{key}" if key else "")


def _with_urls(rows: list[Row], comparison: Comparison, state: PageState) -> list[Row]:
    """Give each row the URLs of its forms (reversed once per page, not once per row and button)."""
    query = state.query(start=0)
    suffix = f"?{query}" if query else ""
    row_urls = {name: reverse(f"row-{name}", args=[comparison.slug, "KEY"]) for name in ("tag", "note", "final", "history")}
    link_urls = {name: reverse(f"link-{name}", args=[comparison.slug, 1234567890]) for name in ("accept", "reject", "unlink")}
    for row in rows:
        row.urls = {name: url.replace("/KEY/", f"/{row.key}/") + suffix for name, url in row_urls.items()}
        row.urls["history_get"] = row_urls["history"].replace("/KEY/", f"/{row.key}/")
        if row.link is not None:
            row.urls.update({name: url.replace("1234567890", str(row.link.pk)) + suffix for name, url in link_urls.items()})
    return rows


def language_notice(article_a, article_b) -> str:
    """Say plainly when two accounts are in different languages and no model can suggest pairs across them."""
    if article_a is None or article_b is None:
        return ""
    lang_a, lang_b = base_language(article_a.language) or "en", base_language(article_b.language) or "en"
    if lang_a == lang_b or model_status(settings.NEWSDIFF_EMBEDDING_MODEL_DIR).available:
        return ""
    return _("These accounts are in two languages (%(a)s and %(b)s). Suggestions across languages need a "
             "sentence-embedding model, and none is installed: link passages by hand (pick a passage on each side, "
             "then “Link picked passages”).") % {"a": article_a.language or "en", "b": article_b.language or "en"}


def _alignment_map(comparison: Comparison, view: SideBySide, state: PageState, shown: set[str]) -> AlignmentMap | None:
    """The map of the whole pair; a click scrolls to a row on this page, or opens the page of rows that holds it."""
    if not view.article_a or not view.article_b:
        return None
    chunk_of = {row.key: index - index % PAGE_ROWS for index, row in enumerate(view.rows)}
    path = comparison.get_absolute_url()
    chunk_urls = {}  # one query string per chunk, not per shape (thousands of urlencode calls otherwise)

    def href(key: str) -> str:
        if key in shown:
            return f"#row-{key}"
        start = chunk_of[key]
        if start not in chunk_urls:
            query = state.query(filter="all", reviewer="", start=start)
            chunk_urls[start] = f"{path}{'?' + query if query else ''}"
        return f"{chunk_urls[start]}#row-{key}"

    return map_layout(*map_from_rows(view.rows, href))


def _context(request, comparison: Comparison, view: SideBySide, state: PageState, **extra) -> dict:
    return {
        "language_notice": language_notice(view.article_a, view.article_b),
        "comparison": comparison,
        "view": view,
        "state": state,
        "state_query": state.query(start=0),
        "can_review": request.user.has_perm(roles.REVIEW),
        "can_finalize": request.user.has_perm(roles.FINALIZE),
        "map_legend": LEGEND,
        **extra,
    }


@require_GET
@review_view()
def comparison_list(request: HtmxHttpRequest) -> HttpResponse:
    """List comparisons with their accounts, progress and verdict counts."""
    summaries = comparison_summaries(Comparison.objects.visible_to(request.user))
    return render(request, "newsdiff/comparison_list.html", {"summaries": summaries})


@require_GET
@review_view()
def comparison_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Show two accounts side by side, row by row, with the reviewer's tools."""
    comparison = _comparison(request, slug)
    state = PageState.from_query(request.GET)
    if state.filter == "all" and not state.reviewer:
        # Every row is shown: their order comes from ids alone, and only the 50 rows on screen are read.
        view, rows, counts = comparison_row_keys(comparison, a_id=state.a, b_id=state.b)
        start = min(state.start, max(len(rows) - 1, 0))
        start -= start % PAGE_ROWS
        chunk = rows_for(comparison, keys=rows[start : start + PAGE_ROWS], viewer=request.user, a_id=state.a, b_id=state.b)
        window = chunk.rows
    else:
        # A filter looks at every row's kind and verdicts: it runs over the row index (ids, states and labels,
        # no text) and only the chunk it keeps is read in full.
        view, index = comparison_row_index(comparison, viewer=request.user, a_id=state.a, b_id=state.b)
        rows = [row.key for row in _filtered(index, state, request.user)]
        start = min(state.start, max(len(rows) - 1, 0))
        start -= start % PAGE_ROWS
        chunk = rows_for(comparison, keys=rows[start : start + PAGE_ROWS], viewer=request.user, a_id=state.a, b_id=state.b)
        window = chunk.rows
        counts = comparison_counts(comparison, article_a=view.article_a, article_b=view.article_b)
    if len(view.articles) > 2 and not (state.a or state.b) and not request.htmx:
        # Three or more accounts: the claim grid is the default view; a pair is chosen with ?a=…&b=….
        return HttpResponseRedirect(reverse("comparison-grid", args=[comparison.slug]))
    window = _with_urls(window, comparison, state)
    context = _context(
        request,
        comparison,
        view,
        state,
        counts=counts,
        rows=window,
        total_rows=len(rows),
        start=start,
        end=start + len(window),
        next_query=state.query(start=start + PAGE_ROWS) if start + PAGE_ROWS < len(rows) else "",
        previous_query=state.query(start=max(start - PAGE_ROWS, 0)) if start else "",
        filters=[(key, label, state.query(filter=key, start=0)) for key, label in FILTERS.items()],
        reviewers=reviewer_choices(comparison),
        reviewer_queries=[],
    )
    context["reviewer_queries"] = [
        (user.get_username(), state.query(reviewer=user.get_username(), start=0)) for user in context["reviewers"]
    ]
    context["all_reviewers_query"] = state.query(reviewer="", start=0)
    from newsdiff.views.jobs import jobs_context  # views/jobs.py builds on this module

    context.update(jobs_context(request, comparison, comparison_jobs(comparison)))
    if request.htmx and "start" in request.GET and not request.htmx.boosted:
        # The "more rows" sentinel asked for the next chunk.
        return render(request, f"{TEMPLATE}#chunk", context)
    return render(request, TEMPLATE, context)


@require_GET
@review_view()
def comparison_map(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The map of the alignment alone; the page loads it after its first screen and again after each change."""
    comparison = _comparison(request, slug)
    state = PageState.from_query(request.GET)
    # The row index with texts (no model objects, no notes): the map needs each passage's length, a line of
    # its text and its row's verdict.
    view, rows = comparison_row_index(comparison, viewer=request.user, a_id=state.a, b_id=state.b, text=True)
    view.rows = rows
    shown = {row.key for row in _filtered(view.rows, state, request.user)[:PAGE_ROWS]}
    context = _context(request, comparison, view, state, alignment_map=_alignment_map(comparison, view, state, shown))
    return render(request, f"{TEMPLATE}#overview", context)


# --- writes ------------------------------------------------------------------


@cache
def _link_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in Link._meta.concrete_fields)
    return f"SELECT {columns} FROM {quote(Link._meta.db_table)} WHERE {quote('id')} = %s AND {quote('comparison_id')} = %s"


def _target(comparison: Comparison, key: str) -> tuple[Link | None, Passage | None]:
    """The link or passage a row key names, inside this comparison, or 404."""
    kind, number = key[:1], key[1:]
    if not number.isdigit() or kind not in ("l", "p"):
        raise Http404(_("No such row."))
    if kind == "l":
        # Hand-written SQL: every write on a pair starts here, and the ORM's get() cost more than the query.
        link = next(iter(Link.objects.raw(_link_sql(), [int(number), comparison.pk])), None)
        if link is None:
            raise Http404(_("No such row."))
        return link, None
    passage = get_object_or_404(Passage.objects.select_related("article"), pk=int(number), article__comparison=comparison)
    return None, passage


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _link_keys(link: Link) -> list[str]:
    """The row keys a link's change can touch: the pair and each of its passages standing alone."""
    passages = [*link.a_passages.values_list("pk", flat=True), *link.b_passages.values_list("pk", flat=True)]
    return [f"l{link.pk}", *(f"p{pk}" for pk in passages)]


def _changed_rows(keys: list[str], rows: list[Row], *, link: Link | None) -> tuple[list[str], list[Row]]:
    """The row keys a change removes from the page and the rows it shows now."""
    if link is None:
        return keys, rows
    if rows and rows[0].key == f"l{link.pk}":
        return [key for key in keys[1:] if key not in {row.key for row in rows}], rows[:1]
    return [f"l{link.pk}"], rows


def _respond(
    request: HtmxHttpRequest,
    comparison: Comparison,
    *,
    key: str,
    added_for: Link | None = None,
    message: str = "",
    level: int = messages.SUCCESS,
    status: int = 200,
    oob_rows: bool = False,
) -> HttpResponse:
    """Answer a write: the changed rows and counters for htmx, a redirect to the row otherwise.

    key        the row the reviewer acted on (its message is shown there)
    added_for  a Link whose rows may have changed shape (accept, reject, unlink, link, undo)
    oob_rows   the request came from outside a row (toolbar): every row change travels out of band

    With htmx only the rows concerned are read and the counters are counted by the database, so the
    answer costs the same whatever the comparison's size (tests/views/test_comparisons.py counts queries).
    """
    state = PageState.from_query(request.GET)
    if not request.htmx:
        view, index = comparison_row_index(comparison, viewer=request.user, a_id=state.a, b_id=state.b)
        view.rows = index
        if added_for is not None:
            keys = _link_keys(added_for)
            rows_by_key = {row.key: row for row in view.rows}
            _, added = _changed_rows(keys, [rows_by_key[k] for k in keys if k in rows_by_key], link=added_for)
        else:
            added = [row for row in view.rows if row.key == key]
        added_keys = [row.key for row in added]
        message_key = key if key in added_keys or not added_keys else added_keys[0]
        if message:
            messages.add_message(request, level, message)
        keys = [row.key for row in _filtered(view.rows, state, request.user)]
        if message_key not in keys:
            return HttpResponseRedirect(_detail_url(comparison, state, start=state.start))
        index = keys.index(message_key)
        return HttpResponseRedirect(_detail_url(comparison, state, key=message_key, start=index - index % PAGE_ROWS))
    keys = _link_keys(added_for) if added_for is not None else [key]
    view = rows_for(comparison, keys=keys, viewer=request.user, a_id=state.a, b_id=state.b)
    removed, added = _changed_rows(keys, view.rows, link=added_for)
    added_keys = [row.key for row in added]
    message_key = key if key in added_keys or not added_keys else added_keys[0]
    _with_urls(added, comparison, state)
    target = request_row(request)
    if oob_rows:
        in_place = [k for k in removed if k in added_keys]
        gone = [k for k in removed if k not in added_keys]
        inserted = [row for row in added if row.key not in in_place]
    else:
        in_place, inserted = [], []
        gone = [k for k in removed if k != target and k not in added_keys]
    context = _context(
        request,
        comparison,
        view,
        state,
        **_counters(comparison, view, rows_changed=added_for is not None),
        added=added,
        oob_rows=oob_rows,
        in_place=in_place,
        inserted=inserted,
        anchor=gone[0] if gone and inserted else "",
        gone=gone,
        message_key=message_key,
        message=message,
        message_level="error" if level >= messages.WARNING else "ok",
    )
    response = render(request, f"{TEMPLATE}#swap", context, status=status)
    # The map is not redrawn here (that would read every row); it asks for itself when it hears this.
    trigger_client_event(response, "newsdiff:changed")
    return reswap(response, "none") if oob_rows else response


def _counters(comparison: Comparison, view: SideBySide, *, rows_changed: bool) -> dict:
    """The counters for an answer: all of them when rows may have changed shape, else the verdict numbers only."""
    if rows_changed:
        return {"counts": comparison_counts(comparison, article_a=view.article_a, article_b=view.article_b)}
    counts = comparison_verdict_counts(comparison, article_a=view.article_a, article_b=view.article_b)
    return {"counts": counts, "verdict_counts": list(counts.items())}


def request_row(request) -> str:
    """The row key an htmx request targets (its hx-target is #row-<key>), or ''."""
    target = request.htmx.target or ""
    return target.removeprefix("row-") if target.startswith("row-") else ""


def _write(request, comparison: Comparison, key: str, action, *, success: str = "", link: Link | None = None):
    """Run a service call and answer with the row; RowChanged (409) and ValidationError (422) become its message."""
    try:
        action()
    except RowChanged as error:
        return _respond(
            request, comparison, key=key, added_for=link, message=str(error), level=messages.WARNING, status=409
        )
    except ValidationError as error:
        message = " ".join(error.messages)
        return _respond(request, comparison, key=key, added_for=link, message=message, level=messages.ERROR, status=422)
    return _respond(request, comparison, key=key, added_for=link, message=success)


@require_POST
@review_view()
def row_tag(request: HtmxHttpRequest, slug: str, key: str) -> HttpResponse:
    """Set (or clear) my verdict on a row, and my note with it when the form carries one."""
    comparison = _comparison(request, slug)
    link, passage = _target(comparison, key)
    form = RowTagForm(request.POST)
    if not form.is_valid():
        message = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return _respond(request, comparison, key=key, message=message, level=messages.ERROR, status=422)
    label = form.cleaned_data["label"]
    note = form.cleaned_data["note"] if "note" in request.POST else None
    return _write(
        request,
        comparison,
        key,
        lambda: annotation_set(
            reviewer=request.user,
            link=link,
            passage=passage,
            label=label,
            note=note,
            expected_version=_version(request),
        ),
        success=_("Tag cleared.") if label == "" else "",
    )


@require_POST
@review_view()
def row_note(request: HtmxHttpRequest, slug: str, key: str) -> HttpResponse:
    """Save my note on a row."""
    comparison = _comparison(request, slug)
    link, passage = _target(comparison, key)
    form = RowNoteForm(request.POST)
    form.is_valid()
    return _write(
        request,
        comparison,
        key,
        lambda: annotation_set(
            reviewer=request.user,
            link=link,
            passage=passage,
            note=form.cleaned_data.get("note", ""),
            expected_version=_version(request),
        ),
        success=_("Note saved."),
    )


@require_POST
@review_view(roles.FINALIZE)
def row_final(request: HtmxHttpRequest, slug: str, key: str) -> HttpResponse:
    """Record the editor's final verdict on a row."""
    comparison = _comparison(request, slug)
    link, passage = _target(comparison, key)
    form = RowFinalForm(request.POST)
    if not form.is_valid():
        message = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return _respond(request, comparison, key=key, message=message, level=messages.ERROR, status=422)
    return _write(
        request,
        comparison,
        key,
        lambda: annotation_set(
            reviewer=request.user,
            link=link,
            passage=passage,
            label=form.cleaned_data["label"],
            final=True,
            expected_version=_version(request),
        ),
        success=_("Final verdict recorded."),
    )


def _link_action(request: HtmxHttpRequest, slug: str, pk: int, service, success: str) -> HttpResponse:
    comparison = _comparison(request, slug)
    link = get_object_or_404(Link, pk=pk, comparison=comparison)
    return _write(
        request,
        comparison,
        f"l{link.pk}",
        lambda: service(link=link, reviewer=request.user, expected_version=_version(request)),
        success=success,
        link=link,
    )


@require_POST
@review_view()
def link_accept_view(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Accept a suggested pair (its suggested label becomes my verdict if I gave none)."""
    return _link_action(request, slug, pk, link_accept, "")


@require_POST
@review_view()
def link_reject_view(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Reject a suggested pair: its passages stand alone again."""
    return _link_action(request, slug, pk, link_reject, gettext_lazy("Suggestion rejected: the passages stand alone."))


@require_POST
@review_view()
def link_unlink_view(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Unlink a pair: its passages stand alone again; verdicts stay in history."""
    return _link_action(request, slug, pk, link_unlink, gettext_lazy("Unlinked: the passages stand alone."))


@require_POST
@review_view()
def link_create_view(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Link the passages picked on each side by hand."""
    comparison = _comparison(request, slug)
    form = LinkCreateForm(request.POST)
    state = PageState.from_query(request.GET)
    error = ""
    if form.is_valid():
        ids = form.cleaned_data["a_passages"] + form.cleaned_data["b_passages"]
        by_id = {
            p.pk: p
            for p in Passage.objects.filter(pk__in=ids, article__comparison=comparison).select_related("article")
        }
        a_passages = [by_id[pk] for pk in form.cleaned_data["a_passages"] if pk in by_id]
        b_passages = [by_id[pk] for pk in form.cleaned_data["b_passages"] if pk in by_id]
        try:
            link = link_create(
                reviewer=request.user, a_passages=a_passages, b_passages=b_passages, label=form.cleaned_data["label"]
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return _respond(request, comparison, key=f"l{link.pk}", added_for=link, message=_("Linked."), oob_rows=True)
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    return _flash(request, comparison, state, error, status=422)


def _flash(request, comparison: Comparison, state: PageState, message: str, *, status: int = 200, level="error"):
    """A message not tied to a row: the page's flash region (htmx) or a flashed message and redirect."""
    if not request.htmx:
        messages.add_message(request, messages.ERROR if level == "error" else messages.INFO, message)
        return HttpResponseRedirect(_detail_url(comparison, state, start=state.start))
    response = render(request, f"{TEMPLATE}#flash", {"flash_message": message, "flash_level": level, "oob": True}, status=status)
    return reswap(response, "none")


@require_POST
@review_view()
def annotation_undo(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Undo my last change in this comparison."""
    comparison = _comparison(request, slug)
    state = PageState.from_query(request.GET)
    try:
        undo = annotation_undo_last(reviewer=request.user, comparison=comparison)
    except ValidationError as error:
        return _flash(request, comparison, state, " ".join(error.messages), status=422)
    if undo is None:
        return _flash(request, comparison, state, _("Nothing of yours to undo here."), level="info")
    undone = undo.undoes
    message = _("Undone: %(action)s.") % {"action": undone.get_action_display().lower()}
    if undone.link_id:
        link = Link.objects.get(pk=undone.link_id)
        return _respond(request, comparison, key=f"l{link.pk}", added_for=link, message=message, oob_rows=True)
    return _respond(request, comparison, key=f"p{undone.passage_id}", message=message, oob_rows=True)


@require_POST
@review_view(roles.FINALIZE)
def comparison_status(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Close a comparison to further changes, or reopen it."""
    comparison = _comparison(request, slug)
    status = request.POST.get("status", "")
    try:
        comparison_set_status(comparison=comparison, editor=request.user, status=status)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Comparison closed.") if comparison.is_closed else _("Comparison reopened."))
    return HttpResponseRedirect(_detail_url(comparison, PageState.from_query(request.GET)))


@require_GET
@review_view()
def comparison_agreement(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Cohen's kappa between the reviewers of two accounts, overall and per pair (loaded when asked for)."""
    comparison = _comparison(request, slug)
    state = PageState.from_query(request.GET)
    view = agreement(comparison, a_id=state.a, b_id=state.b)
    context = {"comparison": comparison, "view": view, "state_query": state.query(start=0)}
    template = "newsdiff/comparison_agreement.html"
    return render(request, f"{template}#agreement" if request.htmx else template, context)


@require_GET
@review_view()
def row_history_view(request: HtmxHttpRequest, slug: str, key: str) -> HttpResponse:
    """Every recorded change to one row, newest first."""
    comparison = _comparison(request, slug)
    link, passage = _target(comparison, key)
    events = row_history(comparison, link_id=link.pk if link else None, passage_id=passage.pk if passage else None)
    context = {
        "comparison": comparison,
        "key": key,
        "link": link,
        "passage": passage,
        "events": events,
        "back_url": _detail_url(comparison, PageState.from_query(request.GET), key=key),
    }
    template = "newsdiff/row_history.html"
    return render(request, f"{template}#history" if request.htmx else template, context)

