"""python manage.py align FILE_A FILE_B [FILE_C ...] --json: the alignment engine on files, no database needed.

With two files the output is {"a", "b", "links", "unique", "claims"}; with more, every file's passages under
its letter ("a", "b", "c", ...), each pair's links under "pairs", and "claims" across all of them
(newsdiff/text/claims.py).

python manage.py align --comparison SLUG: run the alignment again on a stored comparison (verdicts are kept);
with --background the command queues it as a job for `manage.py db_worker` and returns at once.
"""

import json
from itertools import combinations
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsdiff.models import Comparison
from newsdiff.services.alignment import comparison_align
from newsdiff.text.align import align
from newsdiff.text.claims import PairLink, build_claims
from newsdiff.text.decode import InputRejected
from newsdiff.text.pipeline import split_upload
from newsdiff.text.semantic import model_status, scorer_for_pair


def passage_dicts(segments) -> list[dict]:
    return [
        {"id": s.index, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind, "paragraph": s.paragraph}
        for s in segments
    ]


REVIEWABLE_KINDS = ("claim", "quote")


def account_letters(n: int) -> list[str]:
    """a, b, ..., z, aa, ab, ...: the keys of the accounts in the JSON output."""
    letters = []
    for i in range(n):
        name, i = "", i + 1
        while i:
            i, rest = divmod(i - 1, 26)
            name = chr(ord("a") + rest) + name
        letters.append(name)
    return letters


def claims_of(letters: list[str], segments_by_letter: dict, pairs: dict) -> list[dict]:
    """Claims across all the accounts from the pairwise alignments ((x, y) -> Alignment)."""
    accounts = {
        letter: [s.index for s in segments_by_letter[letter] if s.kind in REVIEWABLE_KINDS] for letter in letters
    }
    links = [
        PairLink(
            id=f"{x}{y}:{i}", account_a=x, account_b=y, a=tuple(link.a), b=tuple(link.b), label=link.label,
            score=link.score, reasons=tuple(link.reasons),
        )
        for (x, y), alignment in pairs.items()
        for i, link in enumerate(alignment.links)
    ]
    return [claim.to_dict() for claim in build_claims(accounts, links)]


class Command(BaseCommand):
    help = "Split two or more files as the app does, align every pair, and print passages, links and claims."

    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="FILE", help="two or more accounts of one event")
        parser.add_argument("--json", action="store_true", help="print one JSON object (the stable output shape)")
        parser.add_argument(
            "--language", action="append", default=[], metavar="TAG",
            help="language of the next file, in order (a tag: en, es, es-MX); repeat it; a file without one is detected",
        )
        parser.add_argument(
            "--comparison", metavar="SLUG", help="instead of files: align a stored comparison again, keeping verdicts"
        )
        parser.add_argument(
            "--background", action="store_true",
            help="with --comparison: leave the work to a background job (run by manage.py db_worker) and return",
        )

    def handle(self, *args, **options):
        if options["background"] and not options["comparison"]:
            raise CommandError("--background goes with --comparison SLUG (files are aligned here and now).")
        files = options["files"]
        if options["comparison"]:
            if files:
                raise CommandError("Give two files or --comparison SLUG, not both.")
            return self._realign(options["comparison"], background=options["background"])
        if len(files) < 2:
            raise CommandError("Give two or more files to align, or --comparison SLUG.")
        documents = []
        languages = options["language"] + [""] * len(files)
        for name, language in zip(files, languages):
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{path}: no such file.")
            try:
                documents.append(split_upload(path.read_bytes(), path.name, language=language))
            except InputRejected as error:
                raise CommandError(f"{path.name}: {error}") from error
        letters = account_letters(len(documents))
        segments = {letter: document.segments for letter, document in zip(letters, documents)}
        language = {letter: document.language for letter, document in zip(letters, documents)}
        pairs = {(x, y): align(segments[x], segments[y], language_a=language[x], language_b=language[y],
                               scorer=scorer_for_pair(settings.NEWSDIFF_EMBEDDING_MODEL_DIR, language[x], language[y],
                                                      shipped=settings.NEWSDIFF_SHIPPED_EMBEDDING_MODEL))
                 for x, y in combinations(letters, 2)}
        output = {letter: passage_dicts(segments[letter]) for letter in letters}
        if len(letters) == 2:
            output.update(pairs[("a", "b")].to_dict())
        else:
            output["pairs"] = [
                {"accounts": [x, y], **alignment.to_dict()} for (x, y), alignment in pairs.items()
            ]
        output["claims"] = claims_of(letters, segments, pairs)
        output["languages"] = language
        if any(alignment.needs_model for alignment in pairs.values()):
            output["note"] = model_status(settings.NEWSDIFF_EMBEDDING_MODEL_DIR).message
        if options["json"]:
            self.stdout.write(json.dumps(output, ensure_ascii=False))
            return
        if len(letters) == 2:
            self._write_text(segments["a"], segments["b"], output)
        else:
            self._write_claims(letters, segments, output["claims"], [Path(name).name for name in files])

    def _realign(self, slug: str, *, background: bool = False) -> None:
        comparison = Comparison.objects.filter(slug=slug).first()
        if comparison is None:
            raise CommandError(f"No comparison with the slug '{slug}'.")
        if background:
            from newsdiff.models import Job
            from newsdiff.services.jobs import job_start

            job = job_start(kind=Job.Kind.REALIGN, comparison=comparison)
            self.stdout.write(f"Aligning {slug} again in the background: job {job.pk} ({job.get_status_display().lower()}).")
            return
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

    def _write_claims(self, letters, segments, claims, names):
        self.stdout.write("Accounts: " + ", ".join(f"{x.upper()} = {name}" for x, name in zip(letters, names)))
        for claim in claims:
            odd = f" (odd: {', '.join(x.upper() for x in claim['odd'])})" if claim["odd"] else ""
            self.stdout.write(f"CLAIM {claim['id']} {claim['label'].upper()}{odd}")
            for letter in letters:
                texts = [segments[letter][i].text for i in claim["members"][letter]]
                self.stdout.write(f"    {letter.upper()}: " + (" | ".join(texts) if texts else "(not reported)"))
            for reason in claim["reasons"]:
                self.stdout.write(f"    - {reason}")
