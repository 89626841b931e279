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


# ---- Python strings: services' refusals, the admin, models, jobs -------------------------------------------------

PYTHON_KEYWORDS = {
    "_": None, "gettext": None, "gettext_lazy": None, "gettext_noop": None, "ngettext": (1, 2), "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2), "pgettext_lazy": ((1, "c"), 2),
}


def _catalog():
    with PO.open("rb") as po_file:
        return read_po(po_file, locale="es")


def test_every_string_marked_in_python_code_is_in_the_spanish_catalogue():
    """A gettext call added without a catalogue entry would show English to a Spanish reader: the .po must hold it."""
    from babel.messages.extract import extract_from_file

    catalog = _catalog()
    missing = []
    for path in sorted((ROOT / "newsdiff").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for lineno, message, _comments, context in extract_from_file("python", str(path), keywords=PYTHON_KEYWORDS):
            if catalog.get(message if isinstance(message, str) else message[0], context=context) is None:
                missing.append(f"{path.relative_to(ROOT)}:{lineno} {message!r}")
    assert missing == []


def _newsdiff_models():
    from django.apps import apps

    return list(apps.get_app_config("newsdiff").get_models())


def test_every_model_field_and_choice_has_a_translatable_label():
    """What the admin shows of the models (names, field labels, help texts, choices) is marked for translation."""
    from django.utils.functional import Promise

    unmarked = []
    for model in _newsdiff_models():
        for text in (model._meta.verbose_name, model._meta.verbose_name_plural):
            if not isinstance(text, Promise):
                unmarked.append(f"{model.__name__}: {text}")
        for field in model._meta.get_fields(include_hidden=False):
            if field.auto_created and not field.concrete or field.name == "id":
                continue
            for what in ("verbose_name", "help_text"):
                text = getattr(field, what, "")
                if text and not isinstance(text, Promise):
                    unmarked.append(f"{model.__name__}.{field.name} {what}: {text}")
            for _value, label in getattr(field, "flatchoices", None) or []:
                if not isinstance(label, Promise):
                    unmarked.append(f"{model.__name__}.{field.name} choice: {label}")
    assert unmarked == []


def test_every_admin_action_and_column_has_a_translatable_label():
    from django.contrib import admin
    from django.utils.functional import Promise

    unmarked = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label != "newsdiff":
            continue
        for action in model_admin.actions or []:
            function = getattr(model_admin, action) if isinstance(action, str) else action
            if not isinstance(getattr(function, "short_description", None), Promise):
                unmarked.append(f"{type(model_admin).__name__}.{action}")
        for name in [*model_admin.list_display, *(model_admin.fields or []), *model_admin.readonly_fields]:
            function = getattr(model_admin, name, None)
            if name != "__str__" and callable(function) and not isinstance(getattr(function, "short_description", None), Promise):
                unmarked.append(f"{type(model_admin).__name__}.{name}")
    assert unmarked == [] and isinstance(admin.site.site_header, Promise)


@pytest.mark.django_db
def test_the_admin_pages_in_spanish_keep_no_english_label(client, compiled):
    """The changelists and forms an admin uses, asked for in es-MX: Spanish labels, actions and help, no English."""
    from tests import factories

    comparison = factories.ComparisonFactory(slug="puerto", title="Huelga")
    article = factories.article(comparison, "El paro del puerto cumplió su quinto día.\n", source="Sindicato")
    client.force_login(factories.admin("ana"))
    pages = {
        "admin:newsdiff_comparison_changelist": [],
        "admin:newsdiff_article_changelist": [],
        "admin:newsdiff_job_changelist": [],
        "admin:newsdiff_passage_changelist": [],
        "admin:newsdiff_comparison_change": [comparison.pk],
        "admin:newsdiff_article_change": [article.pk],
        "admin:newsdiff_article_add": [],
    }
    english = [
        "Run the alignment again", "Fetch the web address again", "Last activity at", "Published at", "Versions and changes",
        "Add a new version", "Current version", "Whom the account speaks for", "Restricted: only the users",
        "Allowed users", "newsdiff administration", "Upload articles", "Alignment runs", "Annotation events",
    ]
    spanish = {
        "admin:newsdiff_comparison_changelist": ["Volver a alinear", "Última actividad", "Comparaciones"],
        "admin:newsdiff_article_change": ["Agregar una versión nueva", "Versión actual", "Publicado el"],
        "admin:newsdiff_comparison_change": ["Usuarios con acceso", "Restringida: solo la ven"],
    }
    for name, args in pages.items():
        response = client.get(reverse(name, args=args), HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
        assert response.status_code == 200, name
        page = response.content.decode()
        assert [text for text in english if text in page] == [], name
        assert [text for text in spanish.get(name, []) if text not in page] == [], name


@pytest.mark.django_db
def test_refusals_and_the_role_in_the_header_speak_spanish(client, compiled):
    """An upload the text layer refuses, a service's refusal and the role name: in Spanish for es-MX, English for en."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests import factories

    comparison = factories.ComparisonFactory()
    client.force_login(factories.admin("ana"))
    picture = SimpleUploadedFile("foto.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    binary = {"comparison": comparison.pk, "source": "Agencia", "files": [picture]}
    page = client.post(reverse("admin:newsdiff_article_add"), binary, HTTP_ACCEPT_LANGUAGE="es-MX").content.decode()
    assert "El archivo parece binario, no de texto." in page and "looks binary" not in page
    factories.article(comparison, "Hola, mundo.", source="Primera", title="Saludo", align=False)
    page = client.post(reverse("admin:newsdiff_article_add"), {"comparison": comparison.pk, "source": "B", "text": "Hola, mundo."},
                       HTTP_ACCEPT_LANGUAGE="es-MX").content.decode()
    assert "El mismo texto ya está en esta comparación como “Saludo”." in page and "Vea el artículo que ya existe" in page
    english = client.get(reverse("comparison-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    spanish = client.get(reverse("comparison-list"), HTTP_ACCEPT_LANGUAGE="es-MX").content.decode()
    assert '<span class="role">admin</span>' in english and '<span class="role">administrador</span>' in spanish


@pytest.mark.django_db
def test_a_job_reports_in_the_language_it_was_started_in(compiled):
    """A background job's message (done or failed) is written in the language of the request that started it."""
    from newsdiff.models import Job
    from newsdiff.services.jobs import job_start
    from tests import factories

    comparison = factories.ComparisonFactory()
    with translation.override("es"):
        failed = job_start(kind=Job.Kind.FETCH, comparison=comparison, params={"url": "ftp://example.org/x", "meta": {"source": "A"}})
        article = factories.article(comparison, "El paro del puerto cumplió su quinto día.\n", source="B", align=False)
        done = job_start(kind=Job.Kind.ALIGN, article=article)
        assert str(failed.get_status_display()) == "Falló"
    assert failed.status == Job.Status.FAILED and "no es una dirección http:// ni https://" in failed.message
    assert done.status == Job.Status.DONE and done.message.startswith("Alineada con")
    english = job_start(kind=Job.Kind.FETCH, comparison=comparison, params={"url": "ftp://example.org/x", "meta": {"source": "A"}})
    assert "is not an http:// or https:// address" in english.message
