"""python manage.py import_article FILE --comparison SLUG --source "..." [--title ... --outlet ... --url ... --published ...]"""

from datetime import datetime, timezone as dt_timezone
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils import timezone

from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import, comparison_get_or_create


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
    help = "Import one account (a .txt, .md or .html file) into a comparison, creating the comparison if needed."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the .txt, .md or .html file")
        parser.add_argument("--comparison", required=True, help="slug of the comparison (created when missing)")
        parser.add_argument("--source", required=True, help="whom the account speaks for")
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--author", default="")
        parser.add_argument("--url", default="")
        parser.add_argument("--published", default="", help="ISO date or date-time")
        parser.add_argument("--language", default="")
        parser.add_argument("--no-align", action="store_true", help="do not run the alignment after the import")

    def handle(self, *args, **options):
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
                    align=not options["no_align"],
                )
        except ImportRefused as refusal:
            raise CommandError(f"{path.name}: {refusal.reason}") from refusal
        except ValidationError as error:
            raise CommandError(f"{path.name}: {' '.join(error.messages)}") from error
        count = article.passages.filter(version_id=article.current_version_id).count()
        self.stdout.write(f"Imported “{article.title}” into {comparison.slug}: {count} passages (article {article.pk}).")
