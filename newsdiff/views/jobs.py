"""Long work in progress: a job's status (a page, or a partial that htmx polls until it is done), retry.

Any page can show work in progress in two lines (see docs/ARCHITECTURE.md, "Long work"):
    {% include "newsdiff/job_status.html#job_status" with job=job next=url %}
polls /jobs/<pk>/ every 2 s and, when the job is done, sends the browser to `next` (or shows the result).
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh

from newsdiff.models import Comparison, Job
from newsdiff.selectors.jobs import comparison_jobs
from newsdiff.services.jobs import job_retry
from newsdiff.views.comparisons import HtmxHttpRequest, review_view
from newsdiff.views.access import get_visible_or_404

TEMPLATE = "newsdiff/job_status.html"
RETRY_PERMISSION = "newsdiff.add_article"  # who may import may run an import or an alignment again


def _next_url(request) -> str:
    url = request.GET.get("next", "") or request.POST.get("next", "")
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}) else ""


@require_GET
@review_view()
def job_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One job's progress; polled by htmx until it is done, then the page moves on to `next` if given."""
    job = get_visible_or_404(request, Job.objects.select_related("comparison", "article"), pk=pk)
    next_url = _next_url(request)
    if request.htmx and job.status == Job.Status.DONE and next_url:
        return HttpResponseClientRedirect(next_url)
    context = {"job": job, "next": next_url, "can_retry": request.user.has_perm(RETRY_PERMISSION)}
    return render(request, f"{TEMPLATE}#job_status" if request.htmx else TEMPLATE, context)


@require_GET
@review_view()
def comparison_jobs_view(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The comparison page's work-in-progress region; when the work it watched is done, the page reloads."""
    comparison = get_visible_or_404(request, Comparison, slug=slug)
    watching = [int(pk) for pk in request.GET.get("watching", "").split(",") if pk.isdigit()]
    jobs = comparison_jobs(comparison, watching=watching)
    watched = [job for job in jobs if job.pk in watching]
    if request.htmx and watched and all(job.is_finished for job in watched):
        if any(job.status == Job.Status.DONE for job in watched):
            return HttpResponseClientRefresh()  # new suggestions: show them
    context = jobs_context(request, comparison, jobs)
    return render(request, f"{TEMPLATE}#jobs", context)


def jobs_context(request, comparison: Comparison, jobs: list[Job]) -> dict:
    """What the `jobs` partial needs (the comparison page includes it too)."""
    active = [job for job in jobs if not job.is_finished]
    return {
        "comparison": comparison,
        "jobs": jobs,
        "jobs_active": bool(active),
        "jobs_watching": ",".join(str(job.pk) for job in active),
        "can_retry": request.user.has_perm(RETRY_PERMISSION),
    }


@require_POST
@login_required
@permission_required(RETRY_PERMISSION, raise_exception=True)
def job_retry_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Run a failed job again."""
    job = get_visible_or_404(request, Job, pk=pk)
    if job.status == Job.Status.FAILED:
        job = job_retry(job=job, user=request.user)
    if request.htmx:
        context = {"job": job, "next": _next_url(request), "can_retry": True}
        return render(request, f"{TEMPLATE}#job_status", context)
    return HttpResponseRedirect(job.get_absolute_url())
