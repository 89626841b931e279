"""Clean untrusted article HTML down to an explicit allow-list of harmless markup."""

import functools
from html.parser import HTMLParser

from newsdiff.text.decode import InputRejected

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code",
        "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "ins", "kbd", "li", "main", "mark",
        "nav", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict = {
    "a": ["href", "title"],
    "abbr": ["title"],
    "blockquote": ["cite"],
    "q": ["cite"],
    "del": ["cite", "datetime"],
    "ins": ["cite", "datetime"],
    "time": ["datetime"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan", "scope"],
}
ALLOWED_PROTOCOLS: frozenset[str] = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"

# Elements removed together with everything inside them: their content is code, styling, document
# metadata or fallback for embedded objects, never article prose.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "template", "noscript", "title", "head", "iframe", "frame", "frameset",
        "noframes", "object", "embed", "applet", "svg", "math", "select", "textarea", "xmp", "noembed",
        "plaintext", "canvas", "audio", "video", "picture", "map", "button",
    }
)  # fmt: skip

# html5lib's parser slows down quadratically with depth and lxml silently truncates trees deeper than
# 256 levels, so deeper input is refused rather than half-processed. Real articles stay far below this.
MAX_NESTING_DEPTH = 200
MSG_TOO_DEEP = "The HTML is nested too deeply to process safely; simplify it or upload plain text."
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements an HTML parser closes implicitly, so unclosed ones do not stack up.
IMPLIED_END_ELEMENTS = frozenset(
    {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp"}
)


def sanitise_html(html: str) -> str:
    """Return html with only allow-listed tags, attributes and URL protocols; links get a safe rel."""
    if nesting_depth(html) > MAX_NESTING_DEPTH:
        raise InputRejected(MSG_TOO_DEEP, code="too_deep")
    try:
        return _cleaner().clean(html)
    except RecursionError:
        raise InputRejected(MSG_TOO_DEEP, code="too_deep") from None


def nesting_depth(html: str) -> int:
    """Estimate the deepest element nesting in html without building a tree."""
    counter = _DepthCounter()
    counter.feed(html)
    counter.close()
    return counter.max_depth


def _cleaner():
    """Build a bleach Cleaner that also drops script-like elements together with their content."""
    # bleach (with html5lib) is imported here, on the first sanitised upload, not when a command starts.
    from bleach import html5lib_shim
    from bleach.sanitizer import Cleaner

    _DropContentFilter, _LinkRelFilter = _filters()
    cleaner = Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[_LinkRelFilter],
    )
    # bleach with strip=True keeps the text inside disallowed tags, which would leak script and style
    # source into the article. So the parser keeps those elements in the tree (bleach's own parser would
    # turn them into text while tokenising) and a filter drops them, content and all, before bleach's
    # sanitiser sees the tree; the sanitiser still applies the allow-list to everything else.
    cleaner.parser = html5lib_shim.BleachHTMLParser(
        tags=ALLOWED_TAGS | DROPPED_WITH_CONTENT,
        strip=True,
        consume_entities=False,
        namespaceHTMLElements=False,
    )
    walk_tree = cleaner.walker
    cleaner.walker = lambda dom: _DropContentFilter(walk_tree(dom))
    return cleaner


@functools.cache
def _filters():
    """The two html5lib filters the cleaner uses (classes built on first use, when bleach is imported)."""
    from bleach import html5lib_shim

    class _DropContentFilter(html5lib_shim.Filter):
        """Remove DROPPED_WITH_CONTENT elements and everything inside them from a token stream."""

        def __iter__(self):
            depth = 0
            for token in super().__iter__():
                kind = token["type"]
                if depth:
                    if kind == "StartTag":
                        depth += 1
                    elif kind == "EndTag":
                        depth -= 1
                    continue
                if kind in ("StartTag", "EmptyTag") and token["name"].lower() in DROPPED_WITH_CONTENT:
                    depth = 1 if kind == "StartTag" else 0
                    continue
                yield token

    class _LinkRelFilter(html5lib_shim.Filter):
        """Give every link rel="nofollow noopener noreferrer" and drop hrefs without an allowed scheme.

        bleach lets relative URLs through; in an uploaded article they would resolve against newsdiff itself.
        """

        def __iter__(self):
            for token in super().__iter__():
                if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                    attrs = dict(token.get("data") or {})
                    href = attrs.get((None, "href"))
                    if href is not None and _scheme(href) not in ALLOWED_PROTOCOLS:
                        del attrs[(None, "href")]
                    attrs[(None, "rel")] = LINK_REL
                    token = {**token, "data": attrs}
                yield token

    return _DropContentFilter, _LinkRelFilter


def _scheme(url: str) -> str:
    """Return the lower-case scheme of a URL, or "" when it has none."""
    head, colon, _ = url.strip().partition(":")
    return head.lower() if colon and head.isascii() and head.replace("+", "").replace("-", "").isalnum() else ""


class _DepthCounter(HTMLParser):
    """Track the maximum open-element depth while html.parser streams through the markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open_tags: list[str] = []
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in VOID_ELEMENTS or tag in IMPLIED_END_ELEMENTS:
            return
        self.open_tags.append(tag)
        self.max_depth = max(self.max_depth, len(self.open_tags))

    def handle_startendtag(self, tag: str, attrs) -> None:
        pass

    def parse_html_declaration(self, i: int) -> int:
        # html.parser's marked-section code raises AssertionError on a keyword it does not know
        # ("<![foo[ ... ]]>", "<![ x"); an HTML parser reads any "<![" outside SVG/MathML as a bogus
        # comment that ends at the next ">", and so does this counter.
        if self.rawdata.startswith("<![", i):
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1
        return super().parse_html_declaration(i)

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open_tags) - 1, -1, -1):
            if self.open_tags[position] == tag:
                del self.open_tags[position:]
                return

