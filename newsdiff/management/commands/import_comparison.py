"""python manage.py import_comparison FILE.json [--slug NEW]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdiff.services.articles import ImportRefused
from newsdiff.services.imports import comparison_import


class Command(BaseCommand):
    help = "Recreate a comparison (accounts, passages, links, verdicts, notes and history) from a JSON export."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON export made by export_comparison --format json")
        parser.add_argument("--slug", default="", help="import under this slug instead of the exported one")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path.name}: not a JSON file ({error}).") from error
        try:
            comparison = comparison_import(data=data, slug=options["slug"])
        except ImportRefused as refusal:
            raise CommandError(f"{path.name}: {refusal.reason}") from refusal
        self.stdout.write(
            f"Imported “{comparison.title}” as {comparison.slug}: {comparison.articles.count()} accounts, "
            f"{comparison.links.count()} links, {comparison.annotations.count()} verdicts and notes, "
            f"{comparison.events.count()} history entries."
        )
