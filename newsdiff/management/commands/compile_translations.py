"""python manage.py compile_translations: build each locale/<lang>/LC_MESSAGES/django.mo from its django.po.

Django's own compilemessages needs GNU gettext's msgfmt; this uses Babel (a pinned runtime dependency),
so `make run` and `make test` need nothing outside the virtualenv. Fuzzy entries are left out, as msgfmt
does; tests/test_i18n.py makes sure there are none.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def compile_catalogs(locale_paths=None, *, force: bool = False) -> list[Path]:
    """Write django.mo beside every django.po that is newer than it; return the files written."""
    written = []
    for base in locale_paths or settings.LOCALE_PATHS:
        for po_path in sorted(Path(base).glob("*/LC_MESSAGES/django.po")):
            mo_path = po_path.with_suffix(".mo")
            if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file, locale=po_path.parent.parent.name)
            tmp = mo_path.with_suffix(".mo.tmp")
            with tmp.open("wb") as mo_file:
                write_mo(mo_file, catalog, use_fuzzy=False)
            tmp.replace(mo_path)  # never a half-written catalog
            written.append(mo_path)
    return written


class Command(BaseCommand):
    help = "Compile the translations (locale/*/LC_MESSAGES/django.po -> django.mo) with Babel."

    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="compile even when the .mo is up to date")

    def handle(self, *args, **options):
        try:
            written = compile_catalogs(force=options["force"])
        except Exception as error:  # a broken .po: say which, in one line
            raise CommandError(f"Cannot compile the translations: {error}") from error
        for path in written:
            self.stdout.write(f"Compiled {path}")
        if not written:
            self.stdout.write("Translations are up to date.")
