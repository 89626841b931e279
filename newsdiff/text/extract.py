"""Turn decoded HTML, Markdown or plain text into paragraph-preserving plain text with known headings."""

import html as html_lib
import re
from dataclasses import dataclass
from pathlib import PurePath

from newsdiff.text.decode import InputRejected
from newsdiff.text.sanitise import sanitise_html
from newsdiff.text.segment import headline_of

MSG_NO_TEXT = "No readable text was found in the file."

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_EXTENSIONS = frozenset({".txt", ".text"})

HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<(?:p|div|body|head|h[1-6]|article|section|br|ul|ol|li|a\s+href|span|em|strong)\b",
    re.IGNORECASE,
)
MARKDOWN_SNIFF = re.compile(r"^ {0,3}#{1,6}[ \t]+\S|\[[^\]\n]+\]\(https?://[^)\s]+\)", re.MULTILINE)
SNIFF_CHARS = 4096

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "details", "div", "dl", "figcaption", "figure",
        "footer", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
    }
) | HEADING_TAGS  # fmt: skip
LINE_TAGS = frozenset({"li", "dt", "dd", "tr"})
CELL_TAGS = frozenset({"td", "th"})
LIST_TAGS = frozenset({"ul", "ol", "dl"})
HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A numeric character reference (short enough to be a code point; lxml turns longer ones into U+FFFD itself).
NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}))(?![0-9a-fA-F])(?:;)?")
TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
MARKDOWN_LINE_START = re.compile(r"^\s*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~|    |\t)")
MARKDOWN_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class PreparedText:
    """Plain text of an article with its headings, plus sanitised HTML of the same content."""

    text: str
    html: str
    heading_spans: tuple[tuple[int, int], ...]
    title: str = ""


def detect_format(filename: str, content: str) -> str:
    """Name the format of content ('html', 'markdown' or 'text'), by extension first, else by sniffing."""
    extension = PurePath(filename or "").suffix.lower()
    if extension in HTML_EXTENSIONS:
        return "html"
    if extension in MARKDOWN_EXTENSIONS:
        return "markdown"
    if extension in TEXT_EXTENSIONS:
        return "text"
    head = content[:SNIFF_CHARS]
    if len(HTML_SNIFF.findall(head)) >= 2 or head.lstrip().lower().startswith(("<!doctype html", "<html")):
        return "html"
    if MARKDOWN_SNIFF.search(head):
        return "markdown"
    return "text"


def prepare(content: str, fmt: str) -> PreparedText:
    """Turn decoded content of the given format into paragraphs, heading spans, sanitised HTML and a title."""
    if fmt == "html":
        prepared = _prepare_html(content)
    elif fmt == "markdown":
        prepared = _prepare_markdown(content)
    elif fmt == "text":
        prepared = _prepare_text(content)
    else:
        raise ValueError(f"Unknown format {fmt!r}; expected 'html', 'markdown' or 'text'.")
    if not prepared.text.strip():
        raise InputRejected(MSG_NO_TEXT, code="no_text")
    return prepared


class _Blocks:
    """Accumulate paragraphs (lists of lines) and remember which paragraphs are headings."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[list[str], bool]] = []
        self.lines: list[str] = []
        self.words: list[str] = []
        self.heading = False

    def add_text(self, text: str | None) -> None:
        if text:
            self.words.append(text)

    def break_line(self) -> None:
        line = HTML_WHITESPACE.sub(" ", "".join(self.words)).strip()
        if line:
            self.lines.append(line)
        self.words = []

    def space(self) -> None:
        self.words.append(" ")

    def break_paragraph(self, heading: bool = False) -> None:
        self.break_line()
        if self.lines:
            if self.heading:
                self.lines = [" ".join(self.lines)]
            self.paragraphs.append((self.lines, self.heading))
        self.lines = []
        self.heading = heading

    def build(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        """Join paragraphs with blank lines and return the text with its heading spans."""
        self.break_paragraph()
        return _join_paragraphs(self.paragraphs)


def _join_paragraphs(paragraphs: list[tuple[list[str], bool]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join paragraphs (lists of lines) with blank lines and record where the heading paragraphs are."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for lines, is_heading in paragraphs:
        paragraph = "\n".join(lines)
        if parts:
            offset += 2
        if is_heading:
            spans.append((offset, offset + len(paragraph)))
        parts.append(paragraph)
        offset += len(paragraph)
    return "\n\n".join(parts), tuple(spans)


def _prepare_html(content: str) -> PreparedText:
    """Sanitise HTML, then walk it with lxml into paragraphs, lines and headings."""
    import lxml.html  # imported on first use, not when a command starts

    # lxml refuses characters XML cannot hold (most C0 controls, U+FFFE/FFFF, lone surrogates); in HTML they
    # are parse errors, never visible text, so they go (a form feed is whitespace and becomes a space).
    # The same characters written as references ("&#xFFFE;", "&#1;") are dropped too: lxml would decode them
    # into text it then refuses to hold (ValueError), found by tests/hardening/test_fuzz_import.py.
    clean_html = XML_INCOMPATIBLE.sub("", sanitise_html(content).replace("\f", " "))
    clean_html = NUMERIC_REFERENCE.sub(_drop_incompatible_reference, clean_html)
    title_match = TITLE_TAG.search(content)
    title = _collapse(html_lib.unescape(title_match.group(1))) if title_match else ""
    if not clean_html.strip():
        raise InputRejected(MSG_NO_TEXT, code="no_text")
    root = lxml.html.fragment_fromstring(
        clean_html, create_parent="div", parser=lxml.html.HTMLParser(huge_tree=True, remove_comments=True)
    )
    blocks = _Blocks()
    first_h1 = ""
    depth = {"list": 0, "heading": 0, "pre": 0}
    # An explicit stack instead of recursion: sanitised HTML may still be a couple of hundred levels deep.
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            _close_element(blocks, tag, depth)
            _add_html_text(blocks, element.tail, depth["pre"])
            continue
        if tag == "h1" and not first_h1:
            first_h1 = _collapse(element.text_content())
        _open_element(blocks, tag, depth)
        _add_html_text(blocks, element.text, depth["pre"])
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    text, spans = blocks.build()
    return PreparedText(text=text, html=clean_html, heading_spans=spans, title=title or first_h1)


def _drop_incompatible_reference(match: re.Match) -> str:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    if code <= 0x10FFFF and XML_INCOMPATIBLE.match(chr(code)):
        return ""
    return match.group(0)


def _open_element(blocks: _Blocks, tag: str, depth: dict[str, int]) -> None:
    """Start the paragraph, line or cell that an opening tag implies."""
    if depth["heading"]:
        # Inside a heading everything stays on the heading's one line.
        if tag in BLOCK_TAGS or tag in LINE_TAGS or tag in CELL_TAGS or tag == "br":
            blocks.space()
    elif tag in HEADING_TAGS:
        blocks.break_paragraph(heading=True)
    elif tag in BLOCK_TAGS:
        _break_block(blocks, depth)
    elif tag in LINE_TAGS or tag == "br":
        blocks.break_line()
    elif tag in CELL_TAGS:
        blocks.space()
    _count_depth(tag, depth, +1)


def _close_element(blocks: _Blocks, tag: str, depth: dict[str, int]) -> None:
    """End the paragraph, line or cell that a closing tag implies."""
    _count_depth(tag, depth, -1)
    if depth["heading"]:
        if tag in BLOCK_TAGS or tag in LINE_TAGS or tag in CELL_TAGS:
            blocks.space()
    elif tag in BLOCK_TAGS:
        _break_block(blocks, depth)
    elif tag in LINE_TAGS:
        blocks.break_line()
    elif tag in CELL_TAGS:
        blocks.space()


def _break_block(blocks: _Blocks, depth: dict[str, int]) -> None:
    """End a paragraph, or only a line while inside a list (so a list stays one paragraph, an item a line)."""
    if depth["list"]:
        blocks.break_line()
    else:
        blocks.break_paragraph()


def _count_depth(tag: str, depth: dict[str, int], step: int) -> None:
    """Track how deep the walk is inside lists, headings and preformatted blocks."""
    if tag in LIST_TAGS:
        depth["list"] += step
    elif tag in HEADING_TAGS:
        depth["heading"] += step
    elif tag == "pre":
        depth["pre"] += step


def _add_html_text(blocks: _Blocks, text: str | None, preformatted: int) -> None:
    """Add element text; inside <pre> its line breaks start new lines."""
    if not text:
        return
    if not preformatted:
        blocks.add_text(text)
        return
    lines = text.split("\n")
    for position, line in enumerate(lines):
        if position:
            blocks.break_line()
        blocks.add_text(line)


def _collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and trim."""
    return " ".join(text.split())


def _prepare_markdown(content: str) -> PreparedText:
    """Make '#' and underlined headings into heading paragraphs; join soft-wrapped lines; keep other syntax."""
    paragraphs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    in_fence = False
    hard_break = False

    def end_paragraph() -> None:
        if current:
            paragraphs.append((current.copy(), False))
            current.clear()

    for raw_line in content.split("\n"):
        line = raw_line.rstrip()
        if MARKDOWN_FENCE.match(line):
            in_fence = not in_fence
            current.append(line)
            continue
        if in_fence:
            current.append(line)
            continue
        heading = ATX_HEADING.match(line)
        if heading:
            end_paragraph()
            heading_text = (heading.group(2) or "").strip()
            if heading_text:
                paragraphs.append(([heading_text], True))
            continue
        if SETEXT_UNDERLINE.match(line) and len(current) == 1 and not MARKDOWN_LINE_START.match(current[0]):
            paragraphs.append(([current[0].strip()], True))
            current.clear()
            continue
        if not line.strip():
            end_paragraph()
            continue
        starts_block = bool(MARKDOWN_LINE_START.match(line))
        if current and not starts_block and not hard_break:
            # A soft-wrapped line continues the sentence on the line before it.
            current[-1] = f"{current[-1]} {line.strip()}"
        else:
            current.append(line if starts_block else line.strip())
        hard_break = raw_line.endswith(("  ", "\\"))
    end_paragraph()
    text, spans = _join_paragraphs(paragraphs)
    title = next((lines[0] for lines, is_heading in paragraphs if is_heading), "")
    return PreparedText(text=text, html=_html_from_paragraphs(paragraphs), heading_spans=spans, title=title)


def _prepare_text(content: str) -> PreparedText:
    """Keep plain text as it is, minus trailing spaces on each line and blank lines at either end.

    The title is the first line when it reads like a heading or a headline (the same tests segment() uses).
    """
    lines = [line.rstrip() for line in content.split("\n")]
    text = "\n".join(lines).strip("\n")
    paragraphs = [([line.strip()], False) for line in text.split("\n") if line.strip()]
    title = headline_of([lines[0] for lines, _ in paragraphs])
    return PreparedText(text=text, html=_html_from_paragraphs(paragraphs), heading_spans=(), title=title)


def _html_from_paragraphs(paragraphs: list[tuple[list[str], bool]]) -> str:
    """Build escaped <h2>/<p> HTML from paragraphs of lines."""
    parts = []
    for lines, is_heading in paragraphs:
        if is_heading:
            parts.append(f"<h2>{html_lib.escape(' '.join(lines))}</h2>")
        else:
            parts.append("<p>" + "<br>\n".join(html_lib.escape(line) for line in lines) + "</p>")
    return "\n".join(parts)
