"""Reads for long work in progress: the jobs a page shows while a worker runs them."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from newsdiff.models import Comparison, Job

FAILED_SHOWN_FOR = timedelta(days=1)


def comparison_jobs(comparison: Comparison, *, watching=()) -> list[Job]:
    """Jobs of a comparison the page should show: unfinished ones, the ones it is watching, recent failures."""
    since = timezone.now() - FAILED_SHOWN_FOR
    return list(
        Job.objects.filter(comparison=comparison)
        .filter(
            Q(status__in=[Job.Status.QUEUED, Job.Status.RUNNING])
            | Q(pk__in=list(watching))
            | Q(status=Job.Status.FAILED, created_at__gte=since)
        )
        .select_related("article")
        .order_by("-created_at", "-pk")[:10]
    )
