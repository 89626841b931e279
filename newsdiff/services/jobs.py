"""Writes for long work: start a job (it runs in a task worker), record how it went, retry a failed one."""

from django.db import transaction
from django.utils import timezone, translation

from newsdiff.models import Article, Comparison, Job


def job_start(
    *, kind: str, comparison: Comparison | None = None, article: Article | None = None, params: dict | None = None, user=None
) -> Job:
    """Record a job and hand it to the task worker; the pages show its progress until it is done.

    Inside a transaction the job and its task (the database backend stores tasks in the same database)
    are committed together, so a worker never picks up a task whose job it cannot see.
    """
    if kind not in Job.Kind.values:
        raise ValueError(f"'{kind}' is not a kind of job.")
    job = Job.objects.create(
        kind=kind,
        comparison=comparison if comparison is not None else (article.comparison if article else None),
        article=article,
        # The language the request was in, so that the job's messages are in it too (newsdiff/tasks.py).
        params={**(params or {}), "language": translation.get_language() or ""},
        created_by=user,
    )
    return _enqueue(job)


def job_retry(*, job: Job, user=None) -> Job:
    """Run a failed job again with the same inputs."""
    if job.status != Job.Status.FAILED:
        raise ValueError("Only a failed job can be retried.")
    Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED, message="", started_at=None, finished_at=None)
    job.refresh_from_db()
    return _enqueue(job)


def _enqueue(job: Job) -> Job:
    from newsdiff.tasks import job_run

    with transaction.atomic():
        result = job_run.enqueue(job_id=job.pk)
        # The immediate backend (tests) has run the job already; the database backend has only queued it.
        Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def job_running(*, job: Job) -> Job:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now(), attempts=job.attempts + 1)
    job.refresh_from_db()
    return job


def job_finish(*, job: Job, message: str = "", failed: bool = False, article: Article | None = None) -> Job:
    changes = {
        "status": Job.Status.FAILED if failed else Job.Status.DONE,
        "message": message,
        "finished_at": timezone.now(),
    }
    if article is not None:
        changes.update(article=article, comparison=article.comparison)
    Job.objects.filter(pk=job.pk).update(**changes)
    job.refresh_from_db()
    return job
