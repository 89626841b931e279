"""Extract a news article's main text and metadata from a web page (pure Python, no Django).

trafilatura finds the article body and drops navigation, ads, related links,
comments and scripts; its HTML output keeps paragraphs, headings, lists and
quotes, which is what the splitter needs. Metadata comes from trafilatura
(JSON-LD, Open Graph, <meta> tags) with the page's own lang attribute as the
fallback for the language, since trafilatura only detects it with an optional
package that newsdiff does not install.
"""

import json
import re
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qsl, urlencode, urlsplit

# trafilatura and lxml are imported where they are used: together ~50 ms that every manage.py command and
# worker start paid, for the one action that reads web pages.

class NoArticleFound(ValueError):
    """The page holds no text that looks like an article; `code` ("empty_page" or "no_article") says which."""

    def __init__(self, message: str, *, code: str = ""):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ExtractedArticle:
    html: str  # the article body as HTML fragments (<h1>, <h2>, <p>, <blockquote>, <ul>...), not yet sanitised
    title: str = ""
    author: str = ""
    date: str = ""  # ISO date (YYYY-MM-DD) or date-time as the page gives it; "" when unknown
    sitename: str = ""
    language: str = ""


_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def extract_article(html: str, url: str = "") -> ExtractedArticle:
    """Return the article's body (as HTML) and metadata; raise NoArticleFound when there is none."""
    import trafilatura

    if not html or not html.strip():
        raise NoArticleFound("The page is empty.", code="empty_page")
    document = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=True,
        output_format="python",
    )
    body = _body_html(html, url)
    if document is None or not body:
        raise NoArticleFound("No article text was found on the page.", code="no_article")
    title = _clean(getattr(document, "title", None))
    if title and not re.search(r"<h1[\s>]", body):
        # trafilatura drops the headline when it stands outside the article's
        # container; put it back so the text opens with it, as the page does.
        body = f"<h1>{escape(title)}</h1>\n{body}"
    return ExtractedArticle(
        html=body,
        title=title,
        author=_clean(getattr(document, "author", None)),
        date=_clean(getattr(document, "date", None)),
        sitename=_clean(getattr(document, "sitename", None)),
        language=_clean(getattr(document, "language", None)) or _page_language(html),
    )


def _body_html(html: str, url: str) -> str:
    """Return the inner HTML of the <body> trafilatura's HTML output gives, or ""."""
    import lxml.html
    import trafilatura

    output = trafilatura.extract(
        html,
        url=url or None,
        output_format="html",
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=True,
    )
    if not output:
        return ""
    tree = lxml.html.document_fromstring(output)
    body = tree.find("body")
    if body is None:
        return ""
    parts = [lxml.html.tostring(child, encoding="unicode").strip() for child in body]
    text = "".join(body.itertext()).strip()
    return "\n".join(part for part in parts if part) if text else ""


def _page_language(html: str) -> str:
    """Read the language from <html lang>, JSON-LD inLanguage or Content-Language, in that order."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("inLanguage"), str):
                candidates.append(item["inLanguage"])
    candidates += tree.xpath('//meta[translate(@http-equiv, "CONTENTLAGU", "contentlagu")="content-language"]/@content')
    for candidate in candidates:
        value = (candidate or "").strip()
        if value and _LANG.match(value):
            return value[:35]
    return ""


def _clean(value) -> str:
    return " ".join(str(value).split()) if value else ""


# Query parameters that say how a reader arrived, never which page it is.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga"})


def same_page_key(url: str) -> str:
    """A key under which two addresses of one web page are equal.

    Ignored: the scheme (http/https), case and a leading "www." in the host, the default port, the fragment, a
    trailing slash, the order of query parameters and tracking parameters (utm_*, fbclid, ...). Kept: the rest of
    the path and query, which can name different articles (?id=12). "" for something that is not a web address.
    """
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").lower().rstrip(".")
    if not host or parts.scheme.lower() not in ("http", "https"):
        return ""
    host = host.removeprefix("www.")
    if port and port not in (80, 443):
        host += f":{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/") or "/"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in TRACKING_PARAMETERS
    )
    return host + path + ("?" + urlencode(query) if query else "")
