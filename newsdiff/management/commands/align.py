"""python manage.py align FILE_A FILE_B --json: the alignment engine on two files, no database needed.

python manage.py align --comparison SLUG: run the alignment again on a stored comparison (verdicts are kept).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsdiff.models import Comparison
from newsdiff.services.alignment import comparison_align
from newsdiff.text.align import align
from newsdiff.text.decode import InputRejected
from newsdiff.text.pipeline import split_upload
from newsdiff.text.semantic import model_status, scorer_for


def passage_dicts(segments) -> list[dict]:
    return [
        {"id": s.index, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind, "paragraph": s.paragraph}
        for s in segments
    ]


class Command(BaseCommand):
    help = "Split two files as the app does, align them, and print the passages, links and unique passages."

    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file_a", nargs="?")
        parser.add_argument("file_b", nargs="?")
        parser.add_argument("--json", action="store_true", help="print one JSON object (the stable output shape)")
        parser.add_argument("--language-a", default="", help="language of FILE_A (a tag: es, es-MX); detected if omitted")
        parser.add_argument("--language-b", default="", help="language of FILE_B; detected if omitted")
        parser.add_argument(
            "--comparison", metavar="SLUG", help="instead of files: align a stored comparison again, keeping verdicts"
        )

    def handle(self, *args, **options):
        if options["comparison"]:
            if options["file_a"] or options["file_b"]:
                raise CommandError("Give two files or --comparison SLUG, not both.")
            return self._realign(options["comparison"])
        if not (options["file_a"] and options["file_b"]):
            raise CommandError("Give two files to align, or --comparison SLUG.")
        documents = []
        for name, language in ((options["file_a"], options["language_a"]), (options["file_b"], options["language_b"])):
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{path}: no such file.")
            try:
                documents.append(split_upload(path.read_bytes(), path.name, language=language))
            except InputRejected as error:
                raise CommandError(f"{path.name}: {error}") from error
        seg_a, seg_b = documents[0].segments, documents[1].segments
        alignment = align(seg_a, seg_b, language_a=documents[0].language, language_b=documents[1].language,
                          scorer=scorer_for(settings.NEWSDIFF_EMBEDDING_MODEL_DIR))
        output = {"a": passage_dicts(seg_a), "b": passage_dicts(seg_b), **alignment.to_dict(),
                  "languages": {"a": documents[0].language, "b": documents[1].language}}
        if alignment.needs_model:
            output["note"] = model_status(settings.NEWSDIFF_EMBEDDING_MODEL_DIR).message
        if options["json"]:
            self.stdout.write(json.dumps(output, ensure_ascii=False))
            return
        self._write_text(seg_a, seg_b, output)

    def _realign(self, slug: str) -> None:
        comparison = Comparison.objects.filter(slug=slug).first()
        if comparison is None:
            raise CommandError(f"No comparison with the slug '{slug}'.")
        for run in comparison_align(comparison=comparison):
            self.stdout.write(
                f"{run.article_a.source} × {run.article_b.source}: {run.links_suggested} new suggestions, "
                f"{run.links_kept} links kept as reviewers left them, {run.unique_passages.count()} unique passages."
            )

    def _write_text(self, seg_a, seg_b, output):
        if "note" in output:
            self.stdout.write(output["note"])
        for link in output["links"]:
            self.stdout.write(f"{link['label'].upper():8} {link['score']:5.1f}  a{link['a']} ~ b{link['b']}")
            for i in link["a"]:
                self.stdout.write(f"    A: {seg_a[i].text}")
            for i in link["b"]:
                self.stdout.write(f"    B: {seg_b[i].text}")
            for reason in link["reasons"]:
                self.stdout.write(f"    - {reason}")
        for side, segments in (("a", seg_a), ("b", seg_b)):
            for i in output["unique"][side]:
                self.stdout.write(f"UNIQUE {side.upper()}  {segments[i].text}")
