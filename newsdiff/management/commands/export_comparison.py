"""python manage.py export_comparison SLUG --format html|md|csv|json|claimreview|webannotation [--output FILE] [--suggestions] [--only conflicts|final]"""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsdiff.exports import FORMATS, ONLY_CHOICES, ExportOptions, export_create
from newsdiff.models import Comparison


class Command(BaseCommand):
    help = (
        "Export a comparison as an HTML report, Markdown, CSV, JSON, schema.org ClaimReview or W3C Web Annotation "
        "JSON-LD (to stdout unless --output is given)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="slug of the comparison")
        parser.add_argument("--format", choices=list(FORMATS), default="html")
        parser.add_argument("--output", "-o", default="", help="file to write; stdout when left out")
        parser.add_argument(
            "--suggestions",
            action="store_true",
            default=False,
            help="include untagged suggestions, marked as such (default: left out)",
        )
        parser.add_argument("--no-suggestions", dest="suggestions", action="store_false")
        parser.add_argument("--only", choices=ONLY_CHOICES, default="", help="only conflicts, or only final verdicts")
        parser.add_argument("--user", default="", help="username to log the export under")

    def handle(self, *args, **options):
        comparison = Comparison.objects.filter(slug=options["slug"]).first()
        if comparison is None:
            raise CommandError(f"No comparison with the slug '{options['slug']}'.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user '{options['user']}'.")
        export = export_create(
            comparison=comparison,
            fmt=options["format"],
            options=ExportOptions(suggestions=options["suggestions"], only=options["only"]),
            user=user,
            via="cli",
        )
        if options["output"]:
            path = Path(options["output"])
            path.write_text(export.content, encoding="utf-8", newline="")
            self.stderr.write(f"Wrote {path} ({len(export.content.encode('utf-8')):,} bytes).")
        else:
            # Write the exact bytes: no newline translation, no style wrapping.
            stream = getattr(self.stdout, "_out", sys.stdout)
            stream.write(export.content)
            stream.flush()
