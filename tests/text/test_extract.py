"""Tests for newsdiff.text.extract: HTML, Markdown and text become paragraphs with heading spans."""

import pytest

from newsdiff.text.decode import InputRejected
from newsdiff.text.extract import PreparedText, detect_format, prepare

ARTICLE_HTML = """<!doctype html>
<html><head><title>Page &amp; Title</title><script>var tracking = 1;</script>
<style>p { color: red }</style></head>
<body>
<h1>Main   headline</h1>
<p>First paragraph with <em>emphasis</em>
   spread over source lines.<br>A second line &eacute;t&eacute;.</p>
<h2>Section <br>two</h2>
<ul><li>Apples</li><li>Pears <b>ripe</b></li></ul>
<div>Div text<div>inner</div>tail</div>
<blockquote><p>A quoted paragraph.</p></blockquote>
<p onclick="alert(1)">Clean <a href="javascript:alert(1)">link</a> text.</p>
</body></html>"""


def heading_texts(prepared: PreparedText) -> list[str]:
    """Return the text of each heading span."""
    return [prepared.text[start:end] for start, end in prepared.heading_spans]


def test_html_becomes_paragraphs_lines_and_headings():
    """Blocks become blank-line separated paragraphs, br and list items lines, headings their own paragraphs."""
    prepared = prepare(ARTICLE_HTML, "html")
    assert prepared.text == (
        "Main headline\n\n"
        "First paragraph with emphasis spread over source lines.\nA second line été.\n\n"
        "Section two\n\n"
        "Apples\nPears ripe\n\n"
        "Div text\n\ninner\n\ntail\n\n"
        "A quoted paragraph.\n\n"
        "Clean link text."
    )
    assert heading_texts(prepared) == ["Main headline", "Section two"]
    assert prepared.title == "Page & Title"


def test_html_output_is_sanitised():
    """The html field holds the sanitised markup, without script, style or handlers."""
    prepared = prepare(ARTICLE_HTML, "html")
    assert "<script" not in prepared.html and "tracking" not in prepared.html and "color: red" not in prepared.html
    assert "onclick" not in prepared.html and "javascript:" not in prepared.html
    assert "<h1>" in prepared.html


def test_html_title_falls_back_to_first_h1():
    """Without a <title>, the first <h1> is the title."""
    prepared = prepare("<h2>Kicker</h2><h1>The  Headline</h1><p>Body.</p>", "html")
    assert prepared.title == "The Headline"


def test_html_nested_list_stays_one_item_per_line():
    """Nested lists and paragraphs inside items keep one item per line within one paragraph."""
    prepared = prepare("<ol><li><p>One</p></li><li>Two<ul><li>Two a</li></ul></li></ol><p>After</p>", "html")
    assert prepared.text == "One\nTwo\nTwo a\n\nAfter"


def test_html_without_text_is_rejected():
    """HTML that sanitises to nothing readable is refused."""
    with pytest.raises(InputRejected):
        prepare("<script>alert(1)</script><img src=x>", "html")


def test_markdown_headings_become_heading_spans():
    """'#' and underlined headings become heading paragraphs without their markup; other syntax stays."""
    markdown = (
        "# The Title\n\nA paragraph that is\nsoft-wrapped over lines with **bold**.\n\n"
        "## Second section ##\n- item one\n- item two\n\nSetext heading\n--------------\n\nClosing text.\n"
    )
    prepared = prepare(markdown, "markdown")
    assert prepared.text == (
        "The Title\n\nA paragraph that is soft-wrapped over lines with **bold**.\n\n"
        "Second section\n\n- item one\n- item two\n\nSetext heading\n\nClosing text."
    )
    assert heading_texts(prepared) == ["The Title", "Second section", "Setext heading"]
    assert prepared.title == "The Title"
    assert "<h2>The Title</h2>" in prepared.html and "<p>" in prepared.html


def test_markdown_html_is_escaped():
    """Markup inside Markdown text is escaped in the html field, never passed through."""
    prepared = prepare("# Head <script>\n\nText <img src=x onerror=alert(1)>", "markdown")
    assert "<script" not in prepared.html and "<img" not in prepared.html
    assert "&lt;img" in prepared.html


def test_text_passes_through_without_trailing_spaces():
    """Plain text is kept as it is, minus trailing spaces and blank lines at the ends; no heading spans."""
    prepared = prepare("\nLine one   \nLine two.\t\n\n  Indented line\n\n", "text")
    assert prepared.text == "Line one\nLine two.\n\n  Indented line"
    assert prepared.heading_spans == ()
    assert prepared.html == "<p>Line one</p>\n<p>Line two.</p>\n<p>Indented line</p>"


def test_text_title_is_a_title_like_first_line():
    """A plain-text first line that reads like a headline becomes the title; a sentence does not."""
    assert prepare("Talks Resume in Geneva\nThe talks resumed.", "text").title == "Talks Resume in Geneva"
    assert prepare("The talks resumed today.\nMore text.", "text").title == ""


def test_unknown_format_is_an_error():
    """An unknown format name is a programming error, not a user error."""
    with pytest.raises(ValueError):
        prepare("x", "pdf")


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("story.html", "plain", "html"),
        ("STORY.HTM", "plain", "html"),
        ("notes.md", "plain", "markdown"),
        ("notes.markdown", "plain", "markdown"),
        ("notes.txt", "<p>looks like html</p><div>", "text"),
        ("", "<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("paste", "<p>One</p>\n<p>Two</p>", "html"),
        ("", "# Heading\n\nBody text.", "markdown"),
        ("", "See [the source](https://example.org) for more.", "markdown"),
        ("", "Just words, a < b and #hashtag.", "text"),
    ],
)
def test_detect_format(filename, content, expected):
    """The extension decides when known; otherwise the content is sniffed."""
    assert detect_format(filename, content) == expected


def test_references_to_characters_xml_cannot_hold_are_dropped():
    """"&#xFFFE;" outside any element made lxml raise ValueError (found by the import fuzzer); now it goes."""
    prepared = prepare("x &#xFFFE; &#1;<p>a&#xFFFE;b &#65; &#x110000;</p>", "html")
    assert prepared.text == "x\n\nab A \ufffd"
