"""The interface in English and Spanish: every visible template string marked, the Spanish catalogue complete."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.urls import reverse
from django.utils import translation

from newsdiff.management.commands.compile_translations import compile_catalogs

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = "\u2063"  # stands for a {{ variable }} or {% tag %}: not a letter
VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "label", "content"}
ATTRIBUTE = re.compile(r'[\w:-]+="[^"]*"')
WORD = re.compile(r"[^\W\d_]{2,}")  # one stray letter (a keyboard key: <kbd>j</kbd>) is not text
# Names that are the same in every language.
NOT_TEXT = {"newsdiff", "CSV", "JSON", "HTML", "Markdown", "htmx", "ECB", "UTF", "Truth", "Social"}


class _Visible(HTMLParser):
    """Collect text nodes and visible attribute values, skipping <script>, <style> and <code> (commands, file names)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code"):
            self._skip += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if value and (name in VISIBLE_ATTRIBUTES or (tag == "input" and name == "value" and attributes.get("type") in ("submit", "button"))):
                if name != "content" or attributes.get("name") == "description":
                    self.found.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip:
            self.found.append(data)


def untranslated(source: str) -> list[str]:
    """Return the visible text of a template that is not inside a translation tag."""
    pieces, in_block, in_comment, class_block = [], 0, 0, []
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            if name in ("blocktranslate", "blocktrans"):
                in_block += 1
            elif name in ("endblocktranslate", "endblocktrans"):
                in_block -= 1
            elif name == "comment" or (name == "block" and token.contents.endswith("_class")):
                in_comment += 1  # comments, and blocks that fill a class attribute: not text
            elif name == "endcomment" or (name == "endblock" and in_comment and class_block[-1:] == [True]):
                in_comment -= 1
            if name == "block":
                class_block.append(token.contents.endswith("_class"))
            elif name == "endblock" and class_block:
                class_block.pop()
            pieces.append(PLACEHOLDER)
        elif token.token_type == TokenType.TEXT and not in_block and not in_comment:
            pieces.append(token.contents)
        elif token.token_type == TokenType.VAR:
            pieces.append(PLACEHOLDER)
    parser = _Visible()
    parser.feed("".join(pieces))
    out = []
    for text in parser.found:
        # name="value" pairs spliced in by tags inside an element (SVG attributes) are markup, not text
        words = [w for w in WORD.findall(ATTRIBUTE.sub(" ", text)) if w not in NOT_TEXT]
        if words:
            out.append(" ".join(text.split()))
    return out


@pytest.mark.parametrize("path", TEMPLATES, ids=[str(p.relative_to(ROOT)) for p in TEMPLATES])
def test_every_visible_template_string_is_marked_for_translation(path):
    assert untranslated(path.read_text(encoding="utf-8")) == []


def test_the_walker_catches_unmarked_text_and_attributes():
    source = ('{% load i18n %}<p title="Tip">Hello {{ name }}</p><p>{% translate "Fine" %}</p>'
              '<script>var x = "ignored";</script>{% blocktranslate %}Also fine{% endblocktranslate %}'
              '<input type="submit" value="Send"><kbd>j</kbd> <b>newsdiff</b>')
    assert untranslated(source) == ["Tip", f"Hello {PLACEHOLDER}", "Send"]


def test_the_spanish_catalogue_has_no_empty_or_fuzzy_entry():
    with PO.open("rb") as po_file:
        catalog = read_po(po_file, locale="es")
    assert len(catalog) > 100
    empty = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert empty == [] and fuzzy == []
    assert not catalog.fuzzy, "the catalogue header is marked fuzzy"


@pytest.fixture(scope="module")
def compiled():
    compile_catalogs()  # what `make test` does; makes a stale .mo current when pytest is run directly
    translation.trans_real._translations = {}  # drop catalogues loaded before the compilation
    translation.trans_real._active = __import__("asgiref.local").local.Local()


@pytest.mark.django_db
def test_the_interface_follows_accept_language_and_the_switcher(client, compiled):
    login = reverse("login")
    assert "Iniciar sesión" in client.get(login, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9").content.decode()
    english = client.get(login, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert "Log in" in english and '<html lang="en">' in english
    response = client.post(reverse("set_language"), {"language": "es", "next": login})
    assert response.status_code == 302
    page = client.get(login, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()  # the choice wins over the browser
    assert '<html lang="es">' in page and "Iniciar sesión" in page


def test_dates_and_numbers_are_localised(compiled):
    from datetime import date

    from django.utils.formats import date_format, number_format

    with translation.override("es"):
        assert date_format(date(2026, 1, 15)) == "15 de enero de 2026"
        assert number_format(0.75, 2) == "0,75"
    with translation.override("en"):
        assert date_format(date(2026, 1, 15)) == "Jan. 15, 2026"


@pytest.mark.django_db
def test_the_workspace_and_its_messages_in_spanish(client, compiled):
    """The review page, a flashed message and a model choice, for a browser asking for es-MX."""
    from tests import factories

    comparison = factories.ComparisonFactory(slug="es", title="Comparación")
    factories.article(comparison, "The port strike entered its fifth day on Friday.\n", source="A")
    factories.article(comparison, "The port strike entered its fifth day on Thursday.\n", source="B")
    client.force_login(factories.editor("elena"))
    page = client.get(reverse("comparison-detail", kwargs={"slug": "es"}), HTTP_ACCEPT_LANGUAGE="es-MX").content.decode()
    assert "Deshacer mi último cambio" in page and "Atajos de teclado" in page and "Undo my last change" not in page
    response = client.post(reverse("comparison-status", kwargs={"slug": "es"}), {"status": "closed"},
                           HTTP_ACCEPT_LANGUAGE="es-MX", follow=True)
    assert "Comparación cerrada." in response.content.decode()
