"""extract_article keeps an article's text, headings and metadata and drops the page around it."""

from pathlib import Path

import pytest

from newsdiff.text.web import NoArticleFound, extract_article, same_page_key

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"


def page(name: str) -> str:
    return (WEB / name).read_text(encoding="utf-8")


def test_cluttered_page_keeps_paragraphs_and_headings():
    """The story's paragraphs and subheadings survive, in order, as HTML."""
    article = extract_article(page("cluttered.html"), "http://127.0.0.1/world/border-talks")
    html = article.html
    assert html.startswith("<h1>Border talks end without a tariff deal</h1>")
    assert "<h2>Security cooperation</h2>" in html
    assert "<h2>What comes next</h2>" in html
    assert html.count("<p>") == 6
    assert html.index("Negotiators from both governments") < html.index("Security cooperation") < html.index(
        "Business groups on both sides"
    )


@pytest.mark.parametrize(
    "dropped",
    [
        "Subscribe for one dollar a week",  # navigation
        "Refinance your mortgage",  # ads
        "Book your winter holiday",
        "Peso slides as investors",  # related links
        "worst government we have ever had",  # comments
        "reader1942",
        "trackPageView",  # scripts
        "cookie consent banner",
        "ad-slot",  # styles
        "All rights reserved",  # footer
    ],
)
def test_cluttered_page_drops_everything_around_the_story(dropped):
    """Navigation, ads, related links, comments, scripts and footer are not part of the article."""
    assert dropped not in extract_article(page("cluttered.html"), "http://127.0.0.1/x").html


def test_cluttered_page_metadata_from_meta_tags():
    """Title, author, date, site name and language come from meta tags and <html lang>."""
    article = extract_article(page("cluttered.html"), "http://127.0.0.1/x")
    assert article.title == "Border talks end without a tariff deal"
    assert article.author == "Maria Ortega"
    assert article.date == "2026-01-14"
    assert article.sitename == "The Daily Ledger"
    assert article.language == "en"


def test_article_markup_with_json_ld_metadata():
    """<article> markup gives the body; JSON-LD gives headline, author, date and publisher."""
    article = extract_article(page("jsonld.html"), "http://127.0.0.1/nacional/aranceles")
    assert article.title == "La presidencia rechaza los aranceles y defiende la soberanía"
    assert article.author == "Lucía Hernández"
    assert article.date == "2026-01-15"
    assert article.sitename == "Diario del Norte"
    assert article.language == "es"
    assert article.html.count("<h1>") == 1
    assert "<h2>Próxima reunión</h2>" in article.html
    assert "<blockquote>" in article.html and "Hemos dialogado con respeto" in article.html
    for dropped in ("Portada", "Suscríbase a nuestro boletín", "tracker", "© 2026"):
        assert dropped not in article.html


@pytest.mark.parametrize(
    "html", ["", "   ", "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>"]
)
def test_page_without_an_article_is_refused(html):
    """An empty page or one with only navigation raises NoArticleFound."""
    with pytest.raises(NoArticleFound):
        extract_article(html, "http://127.0.0.1/")


@pytest.mark.parametrize(
    "first, second",
    [
        ("https://www.Example.com/news/a/", "http://example.com/news/a"),
        ("https://example.com:443/news/a#comments", "https://example.com/news/a"),
        ("https://example.com/a?utm_source=x&id=7&fbclid=abc", "https://example.com/a?id=7"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ],
)
def test_same_page_key_equal(first, second):
    assert same_page_key(first) == same_page_key(second) != ""


@pytest.mark.parametrize(
    "first, second",
    [
        ("https://example.com/a?id=7", "https://example.com/a?id=8"),
        ("https://example.com/a", "https://example.com/b"),
        ("https://example.com:8080/a", "https://example.com/a"),
        ("https://example.com/a", "https://example.org/a"),
    ],
)
def test_same_page_key_different(first, second):
    assert same_page_key(first) != same_page_key(second)


def test_same_page_key_of_a_non_address_is_empty():
    assert same_page_key("") == same_page_key("mailto:x@example.com") == same_page_key("http://x:port/") == ""
