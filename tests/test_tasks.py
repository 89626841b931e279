"""Long work as background jobs (newsdiff/tasks.py, services/jobs.py, views/jobs.py); tests run tasks at once."""

import pytest
from django.urls import reverse

from newsdiff.models import Article, Job, Link
from newsdiff.services.jobs import job_retry, job_start
from tests import factories
from tests.fixtures.web.server import NewsSite, closed_port, serve
from tests.views.conftest import LEFT, RIGHT, htmx

pytestmark = pytest.mark.django_db


def test_an_upload_has_its_passages_at_once_and_is_aligned_by_a_job(client):
    """The admin upload splits the text in the request; aligning it with the other account is a job."""
    client.force_login(factories.admin())
    comparison = factories.ComparisonFactory()
    factories.article(comparison, LEFT, source="Left")
    response = client.post(reverse("admin:newsdiff_article_add"), {"comparison": comparison.pk, "source": "Right", "text": RIGHT})
    assert response.status_code == 302
    article = Article.objects.get(source="Right")
    assert article.passages.exists()
    job = Job.objects.get(kind=Job.Kind.ALIGN)
    assert (job.status, job.article, job.comparison) == (Job.Status.DONE, article, comparison)
    assert Link.objects.filter(comparison=comparison).exists() and "pairs suggested" in job.message


def test_a_fetch_that_fails_says_why_and_can_be_retried():
    """An unreachable page fails the job with the refusal's reason; a retry runs it again with the same inputs."""
    comparison = factories.ComparisonFactory()
    url = f"http://127.0.0.1:{closed_port()}/story"
    job = job_start(kind=Job.Kind.FETCH, comparison=comparison, params={"url": url, "meta": {"source": "Wire"}})
    assert job.status == Job.Status.FAILED and "127.0.0.1" in job.message and job.attempts == 1
    assert not Article.objects.exists()
    job = job_retry(job=job)
    assert job.status == Job.Status.FAILED and job.attempts == 2


def test_a_fetch_job_imports_and_aligns_the_page():
    news = NewsSite()
    news.fixture("/world/border-talks", "cluttered.html")
    comparison = factories.ComparisonFactory()
    factories.article(comparison, LEFT, source="Left")
    with serve(news):
        job = job_start(
            kind=Job.Kind.FETCH,
            comparison=comparison,
            params={"url": news.url("/world/border-talks"), "meta": {"source": "Wire", "published_at": None}},
        )
    assert job.status == Job.Status.DONE, job.message
    assert job.article.source == "Wire" and job.article.passages.exists()


def test_progress_polls_until_done_then_stops_or_moves_on(client):
    """A running job's partial polls every 2 s; a finished one does not; with next= htmx is sent on."""
    client.force_login(factories.reviewer())
    comparison = factories.ComparisonFactory()
    running = Job.objects.create(kind=Job.Kind.REALIGN, comparison=comparison, status=Job.Status.RUNNING)
    partial = client.get(running.get_absolute_url(), headers=htmx()).content.decode()
    assert "<html" not in partial and 'hx-trigger="every 2s"' in partial
    page = client.get(comparison.get_absolute_url()).content.decode()
    assert 'id="jobs"' in page and f"watching={running.pk}" in page and "Aligning the comparison again" in page
    Job.objects.filter(pk=running.pk).update(status=Job.Status.DONE)
    done = client.get(running.get_absolute_url(), headers=htmx()).content.decode()
    assert "hx-trigger" not in done and "done" in done
    moved = client.get(running.get_absolute_url() + "?next=/", headers=htmx())
    assert moved["HX-Redirect"] == "/"
    region = client.get(reverse("comparison-jobs", args=[comparison.slug]) + f"?watching={running.pk}", headers=htmx())
    assert region["HX-Refresh"] == "true"  # the page reloads to show the new suggestions


def test_a_failed_job_shows_its_reason_and_a_retry_button_to_importers(client):
    comparison = factories.ComparisonFactory()
    failed = Job.objects.create(kind=Job.Kind.REALIGN, comparison=comparison, status=Job.Status.FAILED, message="Disk full.")
    client.force_login(factories.reviewer())
    page = client.get(comparison.get_absolute_url()).content.decode()
    assert "Disk full." in page and "Retry" not in page and "hx-trigger" not in page.split('id="jobs"')[1].split("</section>")[0]
    client.force_login(factories.admin())
    assert "Retry" in client.get(failed.get_absolute_url()).content.decode()
    response = client.post(reverse("job-retry", args=[failed.pk]))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Job.Status.DONE and failed.attempts == 1
