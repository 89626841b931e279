"""Hypothesis strategies for hostile and broken uploads, and the import property they must satisfy.

Shared by tests/hardening/test_fuzz_import.py (a small budget in the suite) and bench/fuzz_import.py (a
long run). The property: every input either imports, with every passage's offsets slicing its version's
text, or is refused with a one-line ImportRefused; nothing else escapes, and a refusal writes no row.
"""

import codecs

from django.db import transaction
from hypothesis import HealthCheck, settings, strategies as st

from newsdiff.models import (
    Annotation,
    AnnotationEvent,
    Article,
    ArticleVersion,
    AlignmentRun,
    Comparison,
    Link,
    Passage,
)
from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import

settings.register_profile(
    "suite",
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    parent=settings.get_profile("suite"),
    max_examples=10_000_000,
)

TAGS = (
    "p", "div", "span", "b", "i", "em", "strong", "a", "h1", "h2", "h3", "li", "ul", "ol", "table", "tr", "td",
    "blockquote", "pre", "br", "hr", "section", "article", "nav", "footer", "q", "sup", "time",
    "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript", "textarea", "title",
    "xmp", "plaintext", "select", "option", "form", "input", "img", "body", "head", "html", "frameset",
    "foreignObject", "mglyph", "desc", "x-custom", "image", "listing", "noembed", "base", "meta", "link",
)  # fmt: skip
ATTRIBUTES = (
    'href="javascript:alert(1)"', "href=//evil.example", 'href="  JaVa\tScRiPt:x"', "href='&#106;avascript:x'",
    'href="data:text/html,<script>x</script>"', "href=https://example.org/a?b=1&c=2", "onload=alert(1)",
    'onerror="alert(1)"', "style=\"background:url('javascript:x')\"", "title='\"><script>x</script>'",
    "src=x", "id=x", "lang=es", "colspan=999999999999", "datetime=2026-01-15", "xmlns=http://www.w3.org/2000/svg",
    "a=b=c", "=x", "'", '"', "`", "/", "\x00=1", "on\u200bclick=x",
)  # fmt: skip
DECLARATIONS = (
    "<!DOCTYPE html>", "<!doctype html public \"x\">", "<!DOCTYPE>", "<!ELEMENT p ANY>", "<!ATTLIST a b CDATA>",
    "<!ENTITY x SYSTEM \"file:///etc/passwd\">", "<![CDATA[<script>alert(1)</script>]]>", "<![CDATA[x",
    "<![foo[ x ]]>", "<![ x ]]>", "<![0 x>", "<![", "<![if !IE]>", "<![endif]>", "<![INCLUDE[ y ]]>",
    "<!--[if IE]><script>x</script><![endif]-->", "<!--[if lt IE 9]>", "<!-->", "<!--->", "<!---->", "<!--",
    "<!-- a -- b -->", "<!--!>", "<! x>", "<!>", "<!a foo=x=`y>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
    "<?php echo 1; ?>", "<?", "<?x", "<?xml-stylesheet href=\"x.xsl\"?>", "</>", "</ p>", "</3>", "<3", "< p>",
    "<p/>", "<br/ >", "<//p>", "<a<b>", "<p <p>", "]]>", "-->", "?>",
)  # fmt: skip
ENTITIES = (
    "&amp;", "&lt;script&gt;", "&#0;", "&#x0;", "&#1;", "&#x7f;", "&#x80;", "&#x9f;", "&#xD800;", "&#xDFFF;",
    "&#x110000;", "&#99999999999999999999;", "&#;", "&#x;", "&#xZZ;", "&bogus;", "&amp", "&#65", "&notit;",
    "&notin;", "&nbsp", "&NotNestedGreaterGreater;", "&#xFEFF;", "&#xFFFE;", "&#x2028;", "&#8203;", "&",
    "&&", "&#-1;", "&#x+1;",
)  # fmt: skip
CONTROLS = tuple(chr(c) for c in range(0x20)) + ("\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff",
                                                  "\u200b", "\u202e", "\U0001f600", "\u0301")
WORDS = (
    "Ministers", "met", "on", "Tuesday.", "The", "tariff", "rose", "25%", "said", "“quoted”", "café", "Señor",
    "Peña", "北京", "Москва", "مرحبا", "ℌ𝔢𝔩𝔩𝔬", "e\u0301", "U.S.", "Dr.", "p.m.", "...", "—", "!", "?", "1.5",
)  # fmt: skip
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16", "utf-32", "cp1252", "latin-1", "shift_jis",
             "koi8-r", "gb18030", "iso-8859-7")
BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
FILENAMES = ("article.html", "article.htm", "article.xhtml", "article.md", "article.txt", "article", "a.HTML", "")

words = st.sampled_from(WORDS)


@st.composite
def tags(draw) -> str:
    """An opening, closing or self-closing tag, possibly broken, with hostile attributes."""
    name = draw(st.sampled_from(TAGS))
    if draw(st.booleans()):
        name = name.upper() if draw(st.booleans()) else name.capitalize()
    attrs = draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=3))
    form = draw(st.sampled_from(("open", "open", "close", "self", "unterminated")))
    inside = " ".join([name, *attrs])
    return {"open": f"<{inside}>", "close": f"</{name}>", "self": f"<{inside}/>", "unterminated": f"<{inside}"}[form]


@st.composite
def nests(draw) -> str:
    """Deep or misnested element runs: <div> x n, <b><i></b></i>, unclosed lists and tables."""
    depth = draw(st.integers(1, 320))
    name = draw(st.sampled_from(("div", "span", "b", "blockquote", "ul", "li", "table", "p", "section", "x-y")))
    closed = draw(st.integers(0, depth))
    inner = draw(st.lists(words, min_size=1, max_size=5))
    return f"<{name}>" * depth + " ".join(inner) + f"</{name}>" * closed


long_lines = st.builds(
    lambda word, count, sep: sep.join([word] * count), words, st.integers(100, 20_000), st.sampled_from(("", " ", "."))
)

pieces = st.one_of(
    words,
    words,
    st.sampled_from((" ", "\n", "\n\n", "\r\n", "\r", "\t", "  ")),
    tags(),
    tags(),
    st.sampled_from(DECLARATIONS),
    st.sampled_from(ENTITIES),
    st.sampled_from(CONTROLS),
    nests(),
    long_lines,
    st.sampled_from(("# Heading", "## Sub", "===", "---", "> quote", "- item", "```", "[x](https://e.org)")),
    st.text(max_size=20),
)

documents = st.lists(pieces, max_size=40).map("".join)


@st.composite
def encoded(draw, document: str) -> bytes:
    """The document as bytes: one encoding, mixed encodings per part, a (possibly wrong) BOM, raw bytes."""
    def encode(text: str) -> bytes:
        encoding = draw(st.sampled_from(ENCODINGS))
        return text.encode(encoding, errors=draw(st.sampled_from(("replace", "ignore", "surrogatepass"))))

    try:
        if draw(st.booleans()):
            middle = draw(st.integers(0, len(document)))
            data = encode(document[:middle]) + encode(document[middle:])
        else:
            data = encode(document)
    except UnicodeError:  # surrogatepass exists only for the UTF codecs
        data = document.encode("utf-8", "replace")
    data = draw(st.sampled_from(BOMS)) + data
    if draw(st.booleans()):
        position = draw(st.integers(0, len(data)))
        data = data[:position] + draw(st.binary(max_size=16)) + data[position:]
    return data


@st.composite
def uploads(draw) -> dict:
    """Keyword arguments for article_import: an uploaded file (bytes + name) or pasted content (str + format)."""
    document = draw(documents)
    if draw(st.integers(0, 3)) == 0:
        return {"content": document, "fmt": draw(st.sampled_from(("", "html", "markdown", "text")))}
    return {"data": draw(encoded(document)), "filename": draw(st.sampled_from(FILENAMES))}


COUNTED = (Comparison, Article, ArticleVersion, Passage, AlignmentRun, Link, Annotation, AnnotationEvent)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def import_once(comparison: Comparison, upload: dict) -> str:
    """Import one input and check the property; return "imported" or "refused" (anything else raises)."""
    before = row_counts()
    try:
        article = article_import(comparison=comparison, meta=ArticleMeta(source="Fuzz wire"), **upload)
    except ImportRefused as refusal:
        reason = refusal.reason
        assert reason.strip() and "\n" not in reason and len(reason) < 500, f"not a one-line message: {reason!r}"
        after = row_counts()
        assert after == before, f"refused but rows changed: {before} -> {after}"
        return "refused"
    version = article.current_version
    passages = list(Passage.objects.filter(version=version).order_by("index"))
    assert passages, "imported with no passages"
    for passage in passages:
        assert 0 <= passage.start < passage.end <= len(version.text)
        assert version.text[passage.start : passage.end] == passage.text, (passage.start, passage.end, passage.text)
    for column in (version.text, version.html, article.title):
        assert "\x00" not in column
    return "imported"


def import_and_roll_back(comparison: Comparison, upload: dict) -> str:
    """import_once inside a savepoint that is rolled back, so every input meets the same comparison."""
    with transaction.atomic():
        outcome = import_once(comparison, upload)
        transaction.set_rollback(True)
    return outcome
