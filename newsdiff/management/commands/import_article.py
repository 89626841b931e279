"""python manage.py import_article FILE --comparison SLUG --source "..." [--title ... --outlet ... --url ... --published ...]

    import_article --url URL --comparison SLUG --source "..."   fetch the page and import its article (when an
                                                                account of SLUG came from the same page, the
                                                                page becomes that account's next version)
    import_article FILE --article ID                            add FILE as a new version of article ID
    import_article --url URL --article ID                       add the fetched page as a new version
    import_article --article ID                                 fetch article ID's own address again

With FILE, --url is the article's address (not fetched), as it always was. The command aligns the new text
with the other accounts before it returns; with --background it imports and leaves the alignment to a job
that `manage.py db_worker` runs (the review page shows its progress).
"""

from datetime import datetime, timezone as dt_timezone
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils import timezone

from newsdiff.models import Article, Job
from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import, comparison_get_or_create
from newsdiff.services.jobs import job_start
from newsdiff.services.versions import article_import_or_version_url, article_version_add


def parse_published(value: str):
    """Read an ISO date or date-time; a naive one is taken as UTC."""
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--published: '{value}' is not an ISO date such as 2026-01-15 or 2026-01-15T14:30.")
        moment = datetime(day.year, day.month, day.day)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, dt_timezone.utc)
    return moment


class Command(BaseCommand):
    help = (
        "Import one account (a .txt, .md or .html file, or a web page with --url) into a comparison, creating the "
        "comparison if needed; with --article, add it as a new version of that article instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="path of the .txt, .md or .html file (or give --url)")
        parser.add_argument("--comparison", help="slug of the comparison (created when missing)")
        parser.add_argument("--source", help="whom the account speaks for")
        parser.add_argument("--article", type=int, help="add a new version to this article (id) instead")
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--author", default="")
        parser.add_argument(
            "--url", default="", help="without FILE: the page to fetch and import; with FILE: the article's address"
        )
        parser.add_argument("--published", default="", help="ISO date or date-time")
        parser.add_argument("--language", default="")
        parser.add_argument("--no-align", action="store_true", help="do not run the alignment after the import")
        parser.add_argument(
            "--background",
            action="store_true",
            help="import now, align in a background job (run by manage.py db_worker) instead of waiting for it",
        )

    def handle(self, *args, **options):
        if options["article"] is not None:
            return self._add_version(options)
        if not options["file"] and not options["url"]:
            raise CommandError("Give a FILE to import or --url to fetch a page.")
        for required in ("comparison", "source"):
            if not options[required]:
                raise CommandError(f"--{required} is required to import a new article.")
        if not options["file"]:
            return self._import_url(options)
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        meta = ArticleMeta(
            source=options["source"],
            title=options["title"],
            outlet=options["outlet"],
            author=options["author"],
            url=options["url"],
            published_at=parse_published(options["published"]),
            language=options["language"],
        )
        try:
            with transaction.atomic():
                comparison = comparison_get_or_create(slug=options["comparison"])
                article = article_import(
                    comparison=comparison,
                    meta=meta,
                    data=path.read_bytes(),
                    filename=path.name,
                    align=_inline(options),
                )
                job = _queue(options, article)
        except ImportRefused as refusal:
            raise CommandError(f"{path.name}: {refusal.reason}") from refusal
        except ValidationError as error:
            raise CommandError(f"{path.name}: {' '.join(error.messages)}") from error
        count = article.passages.filter(version_id=article.current_version_id).count()
        self.stdout.write(f"Imported “{article.title}” into {comparison.slug}: {count} passages (article {article.pk}).")
        self._queued(job)

    def _queued(self, job) -> None:
        if job is not None:
            self.stdout.write(f"Aligning in the background: job {job.pk} ({job.get_status_display().lower()}).")

    def _meta(self, options) -> ArticleMeta:
        return ArticleMeta(
            source=options["source"],
            title=options["title"],
            outlet=options["outlet"],
            author=options["author"],
            url="",
            published_at=parse_published(options["published"]),
            language=options["language"],
        )

    def _import_url(self, options):
        url = options["url"]
        try:
            with transaction.atomic():
                comparison = comparison_get_or_create(slug=options["comparison"])
                result = article_import_or_version_url(
                    comparison=comparison, meta=self._meta(options), url=url, align=_inline(options)
                )
                job = _queue(options, result.article)
        except ImportRefused as refusal:
            raise CommandError(f"{url}: {refusal.reason}") from refusal
        except ValidationError as error:
            raise CommandError(f"{url}: {' '.join(error.messages)}") from error
        article = result.article
        if result.is_new_version:
            version = result.version
            self.stdout.write(
                f"The page is “{article.title}” (article {article.pk}) already: added v{version.number}, "
                f"{version.passages.count()} passages. " + version.carry.summary()
            )
            return self._queued(job)
        count = article.passages.filter(version_id=article.current_version_id).count()
        self.stdout.write(f"Imported “{article.title}” into {comparison.slug}: {count} passages (article {article.pk}).")
        self._queued(job)

    def _add_version(self, options):
        article = Article.objects.filter(pk=options["article"]).first()
        if article is None:
            raise CommandError(f"--article {options['article']}: no such article.")
        if options["file"] and options["url"]:
            raise CommandError("With --article, give FILE or --url, not both.")
        align = _inline(options)
        try:
            if options["file"]:
                path = Path(options["file"])
                if not path.is_file():
                    raise CommandError(f"{path}: no such file.")
                label = path.name
                version = article_version_add(article=article, data=path.read_bytes(), filename=path.name, align=align)
            else:
                url = options["url"] or article.url
                if not url:
                    raise CommandError(f"Article {article.pk} has no web address: give FILE or --url.")
                label = url
                version = article_version_add(article=article, url=url, align=align)
        except ImportRefused as refusal:
            raise CommandError(f"{label}: {refusal.reason}") from refusal
        except ValidationError as error:
            raise CommandError(f"{label}: {' '.join(error.messages)}") from error
        job = _queue(options, article)
        count = version.passages.count()
        self.stdout.write(
            f"Added v{version.number} of “{article.title}” (article {article.pk}): {count} passages. "
            + version.carry.summary()
        )
        self._queued(job)


def _inline(options) -> bool:
    """Align inside the command (the default), unless told not to align or to leave it to a job."""
    return not options["no_align"] and not options["background"]


def _queue(options, article):
    """With --background, a job aligns the article's current text with the other accounts (db_worker runs it)."""
    if options["no_align"] or not options["background"]:
        return None
    return job_start(kind=Job.Kind.ALIGN, article=article)
