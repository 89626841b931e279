"""Background tasks (django-tasks): long work that used to run inside a request.

One task, job_run(job_id), runs a Job by calling the same service functions the commands call; the Job
row carries the inputs, the progress the pages poll (views/jobs.py) and, when it fails, why in words.
Workers: `manage.py db_worker` (started by `make run`; in production, see docs/SCALING.md). Tests run
tasks immediately (TASKS_BACKEND=ImmediateBackend in tests/djenv.py).
"""

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext
from django.conf import settings
from django_tasks import task

from newsdiff.models import Job
from newsdiff.services.articles import ArticleMeta, ImportRefused
from newsdiff.services.jobs import job_finish, job_running

logger = logging.getLogger(__name__)


def _align(job: Job) -> tuple[str, None]:
    from newsdiff.services.alignment import comparison_align_article

    runs = comparison_align_article(article=job.article, user=job.created_by)
    return gettext("Aligned with %(accounts)s other account(s): %(pairs)s pairs suggested.") % {
        "accounts": len(runs),
        "pairs": sum(r.links_suggested for r in runs),
    }, None


def _realign(job: Job) -> tuple[str, None]:
    from newsdiff.services.alignment import comparison_align

    runs = comparison_align(comparison=job.comparison, user=job.created_by)
    return gettext("Aligned %(pairs)s pair(s) of accounts again; reviewers' verdicts were kept.") % {
        "pairs": len(runs)
    }, None


def _fetch(job: Job):
    from newsdiff.services.versions import article_import_or_version_url

    fields = dict(job.params.get("meta", {}))
    if fields.get("published_at"):
        fields["published_at"] = datetime.fromisoformat(fields["published_at"])
    meta = ArticleMeta(**fields)
    result = article_import_or_version_url(
        comparison=job.comparison, meta=meta, url=job.params["url"], user=job.created_by
    )
    if result.is_new_version:
        return gettext("The page is “%(title)s” already: added v%(number)s. %(summary)s") % {
            "title": result.article.title,
            "number": result.version.number,
            "summary": result.version.carry.summary(),
        }, result.article
    return gettext("Imported “%(title)s” and aligned it with the other accounts.") % {
        "title": result.article.title
    }, result.article


def _refetch(job: Job):
    from newsdiff.services.versions import article_refetch

    version = article_refetch(article=job.article, user=job.created_by)
    return _added(version), None


def _version_fetch(job: Job):
    from newsdiff.services.versions import article_version_add

    version = article_version_add(article=job.article, url=job.params["url"], user=job.created_by)
    return _added(version), None


def _added(version) -> str:
    return gettext("Added v%(number)s. %(summary)s") % {"number": version.number, "summary": version.carry.summary()}


RUNNERS = {
    Job.Kind.ALIGN: _align,
    Job.Kind.REALIGN: _realign,
    Job.Kind.FETCH: _fetch,
    Job.Kind.REFETCH: _refetch,
    Job.Kind.VERSION_FETCH: _version_fetch,
}


@task()
def job_run(job_id: int) -> str:
    """Run one job; a refusal (bad page, unreachable site) fails the job with its reason, not the worker."""
    job = job_running(job=Job.objects.select_related("comparison", "article", "created_by").get(pk=job_id))
    # Its messages are written in the language of whoever started it (services.jobs.job_start records it).
    with translation.override(job.params.get("language") or settings.LANGUAGE_CODE):
        return _run(job)


def _run(job: Job) -> str:
    try:
        message, article = RUNNERS[job.kind](job)
    except ImportRefused as refusal:
        job_finish(job=job, message=refusal.reason, failed=True)
        return job.status
    except ValidationError as error:
        job_finish(job=job, message=" ".join(error.messages), failed=True)
        return job.status
    except Exception as error:  # noqa: BLE001 - the page must say it failed; the worker log keeps the traceback
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        job_finish(
            job=job,
            message=gettext("Unexpected error (%(name)s): %(error)s")
            % {"name": error.__class__.__name__, "error": error},
            failed=True,
        )
        raise
    job_finish(job=job, message=message, article=article)
    return Job.Status.DONE
