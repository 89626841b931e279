"""Importing an article from the web: fetch limits, extraction, evidence kept, and every entry point."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsdiff.models import Article, Passage
from newsdiff.services.articles import ArticleMeta, ImportRefused
from newsdiff.services.fetch import article_import_url, fetch_page
from tests import factories
from tests.fixtures.web.server import NewsSite, closed_port, endless, serve, sleeper

LIMIT = 1024 * 1024


@pytest.fixture
def site():
    news = NewsSite()
    news.fixture("/world/border-talks", "cluttered.html")
    news.fixture("/nacional/aranceles", "jsonld.html")
    with serve(news):
        yield news


def fetch(url: str, *, timeout: float = 5, max_bytes: int = LIMIT):
    return fetch_page(url, timeout=timeout, max_bytes=max_bytes)


def refusal(url: str, **kwargs) -> str:
    with pytest.raises(ImportRefused) as caught:
        fetch(url, **kwargs)
    message = caught.value.reason
    assert "\n" not in message
    return message


# fetch_page ------------------------------------------------------------------


def test_fetch_returns_the_raw_page_with_time_and_type(site):
    """The page comes back exactly as served, decoded, with when and what it was."""
    page = fetch(site.url("/world/border-talks"))
    assert page.html == (site.pages["/world/border-talks"][2]).decode("utf-8")
    assert page.url == page.final_url == site.url("/world/border-talks")
    assert page.content_type.startswith("text/html")
    assert page.fetched_at.tzinfo is not None


def test_same_host_redirect_is_followed(site):
    """A redirect within the same host is followed; final_url says where the page was."""
    site.redirect("/short", "/world/border-talks", status=301)
    page = fetch(site.url("/short"))
    assert page.final_url == site.url("/world/border-talks")
    assert "Border talks end" in page.html


def test_redirect_to_another_host_is_refused(site):
    """127.0.0.1 → localhost is another host: not followed."""
    site.redirect("/away", f"http://localhost:{site.port}/world/border-talks")
    message = refusal(site.url("/away"))
    assert "redirected to another host (localhost)" in message
    assert site.hits == ["/away"]


def test_redirect_loop_stops(site):
    site.redirect("/loop", "/loop")
    assert "redirected more than 5 times" in refusal(site.url("/loop"))


def test_timeout(site):
    """A server slower than the time-out is given up on, with the time-out in the message."""
    site.handler("/slow", sleeper(3))
    assert refusal(site.url("/slow"), timeout=1) == "127.0.0.1 did not answer within 1 seconds."


def test_oversize_without_content_length_is_stopped(site):
    """A page that streams past the limit is cut off, not read to the end."""
    site.handler("/huge", endless())
    message = refusal(site.url("/huge"), max_bytes=200_000)
    assert message == "The page is larger than the limit of 0.2 MB; the download was stopped."


def test_oversize_declared_is_refused_before_reading(site):
    site.html("/big", "<p>" + "x" * 300_000 + "</p>")
    assert refusal(site.url("/big"), max_bytes=200_000) == "The page is 0.3 MB; the limit is 0.2 MB."


def test_non_html_is_refused(site):
    site.html("/report.pdf", b"%PDF-1.7 binary", content_type="application/pdf")
    message = refusal(site.url("/report.pdf"))
    assert message.startswith("The address gives application/pdf, not a web page")


@pytest.mark.parametrize("status, reason", [(404, "Not Found"), (500, "Internal Server Error")])
def test_http_errors(site, status, reason):
    site.html(f"/e{status}", "<p>error page</p>", status=status)
    assert refusal(site.url(f"/e{status}")) == f"127.0.0.1 answered {status} {reason}; nothing was fetched."


def test_connection_refused():
    port = closed_port()
    assert refusal(f"http://127.0.0.1:{port}/x") == "Could not connect to 127.0.0.1: connection refused."


@pytest.mark.parametrize(
    "url, expected",
    [
        ("", "Give the web address of the article."),
        ("ftp://example.com/a.html", "is not an http:// or https:// address"),
        ("javascript:alert(1)", "is not an http:// or https:// address"),
        ("file:///etc/passwd", "is not an http:// or https:// address"),
        ("http://", "has no host name"),
        ("http://example.com:port/", "is not a valid web address"),
        ("example.com/news", "is not an http:// or https:// address"),
    ],
)
def test_invalid_addresses(url, expected):
    assert expected in refusal(url)


def test_charset_from_meta_tag(site):
    """A page in Windows-1252 that says so in a <meta> tag is decoded correctly."""
    body = '<html><head><meta charset="windows-1252"></head><body><p>Se\u00f1or Pe\u00f1a</p></body></html>'
    site.html("/latin", body.encode("cp1252"), content_type="text/html")
    assert "Señor Peña" in fetch(site.url("/latin")).html


# article_import_url ------------------------------------------------------------


@pytest.mark.django_db
def test_import_from_url_keeps_article_and_evidence(site):
    """The article's passages, headings and metadata are kept; nav, ads, links, comments and scripts are not."""
    comparison = factories.ComparisonFactory()
    url = site.url("/world/border-talks")
    article = article_import_url(comparison=comparison, meta=ArticleMeta(source="Daily Ledger"), url=url, align=False)

    assert article.title == "Border talks end without a tariff deal"
    assert article.author == "Maria Ortega"
    assert article.outlet == "The Daily Ledger"
    assert article.language == "en"
    assert article.published_at.isoformat() == "2026-01-14T00:00:00+00:00"
    assert article.url == url

    version = article.current_version
    raw = site.pages["/world/border-talks"][2].decode("utf-8")
    assert version.fetched_html == raw
    assert version.fetched_checksum == hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert version.fetched_at is not None
    assert version.original_format == "html"

    passages = list(Passage.objects.filter(version=version).order_by("index"))
    texts = [p.text for p in passages]
    headings = [p.text for p in passages if p.kind == Passage.Kind.HEADING]
    assert "Security cooperation" in headings and "What comes next" in headings
    assert any(t.startswith("Negotiators from both governments") for t in texts)
    assert any("spring harvest" in t for t in texts)
    whole = version.text
    for dropped in ("Subscribe", "ADVERTISEMENT", "Peso slides", "reader1942", "worst government", "trackPageView",
                    "cookie consent", "All rights reserved", "Privacy policy"):
        assert dropped not in whole


@pytest.mark.django_db
def test_import_from_url_json_ld_metadata(site):
    comparison = factories.ComparisonFactory()
    article = article_import_url(
        comparison=comparison, meta=ArticleMeta(source="Presidencia"), url=site.url("/nacional/aranceles"), align=False
    )
    assert article.title == "La presidencia rechaza los aranceles y defiende la soberanía"
    assert (article.author, article.outlet, article.language) == ("Lucía Hernández", "Diario del Norte", "es")
    assert article.published_at.date().isoformat() == "2026-01-15"
    kinds = dict(Passage.objects.filter(version=article.current_version).values_list("text", "kind"))
    assert kinds["Próxima reunión"] == Passage.Kind.HEADING


@pytest.mark.django_db
def test_what_the_uploader_typed_wins_over_the_page(site):
    comparison = factories.ComparisonFactory()
    meta = ArticleMeta(source="Daily Ledger", title="My title", author="Desk", outlet="Ledger", language="en-GB")
    article = article_import_url(comparison=comparison, meta=meta, url=site.url("/world/border-talks"), align=False)
    assert (article.title, article.author, article.outlet, article.language) == ("My title", "Desk", "Ledger", "en-GB")


@pytest.mark.django_db
def test_refused_fetch_writes_nothing(site):
    comparison = factories.ComparisonFactory()
    with pytest.raises(ImportRefused):
        article_import_url(comparison=comparison, meta=ArticleMeta(source="X"), url=site.url("/missing"))
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_page_without_article_is_refused(site):
    site.html("/empty", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(ImportRefused, match="No article text was found"):
        article_import_url(comparison=factories.ComparisonFactory(), meta=ArticleMeta(source="X"), url=site.url("/empty"))


@pytest.mark.django_db
def test_same_page_twice_is_refused_as_duplicate(site):
    comparison = factories.ComparisonFactory()
    url = site.url("/world/border-talks")
    first = article_import_url(comparison=comparison, meta=ArticleMeta(source="A"), url=url, align=False)
    with pytest.raises(ImportRefused) as caught:
        article_import_url(comparison=comparison, meta=ArticleMeta(source="B"), url=url, align=False)
    assert caught.value.existing == first


# import_article --url --------------------------------------------------------


@pytest.mark.django_db
def test_command_imports_from_url(site):
    out = StringIO()
    call_command("import_article", "--url", site.url("/world/border-talks"), "--comparison", "border", "--source",
                 "Daily Ledger", "--no-align", stdout=out)
    article = Article.objects.get()
    assert article.comparison.slug == "border"
    assert article.outlet == "The Daily Ledger"
    assert "Imported “Border talks end without a tariff deal” into border" in out.getvalue()


@pytest.mark.django_db
def test_command_reports_a_refused_fetch(site):
    with pytest.raises(CommandError, match="answered 404 Not Found"):
        call_command("import_article", "--url", site.url("/nope"), "--comparison", "border", "--source", "X")
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_command_file_with_url_still_means_the_address(tmp_path):
    """With FILE, --url stays what it always was: the article's address, not fetched."""
    path = tmp_path / "a.txt"
    path.write_text("Officials met on Tuesday to discuss the border.\n", encoding="utf-8")
    call_command("import_article", str(path), "--comparison", "border", "--source", "X",
                 "--url", "https://example.com/a", "--no-align", stdout=StringIO())
    article = Article.objects.get()
    assert article.url == "https://example.com/a"
    assert not article.current_version.fetched_html


@pytest.mark.django_db
def test_command_needs_file_or_url():
    with pytest.raises(CommandError, match="Give a FILE to import or --url"):
        call_command("import_article", "--comparison", "border", "--source", "X")


# admin upload ----------------------------------------------------------------


@pytest.mark.django_db
def test_admin_upload_form_fetches_a_url(client, site):
    comparison = factories.ComparisonFactory()
    client.force_login(factories.admin())
    response = client.post(
        "/admin/newsdiff/article/add/",
        {"comparison": comparison.pk, "source": "Daily Ledger", "fetch_url": site.url("/world/border-talks")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.author == "Maria Ortega"
    assert article.current_version.fetched_html


@pytest.mark.django_db
def test_admin_upload_form_shows_a_refused_fetch(client, site):
    comparison = factories.ComparisonFactory()
    client.force_login(factories.admin())
    site.html("/doc.pdf", b"%PDF", content_type="application/pdf")
    response = client.post(
        "/admin/newsdiff/article/add/",
        {"comparison": comparison.pk, "source": "X", "fetch_url": site.url("/doc.pdf")},
        follow=True,
    )
    # The fetch runs as a background job (at once in tests): its page says why it failed and offers a retry.
    assert response.redirect_chain[-1][0].startswith("/jobs/")
    assert "application/pdf, not a web page" in response.content.decode() and "Retry" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_admin_upload_form_takes_one_kind_of_input(client, site):
    comparison = factories.ComparisonFactory()
    client.force_login(factories.admin())
    response = client.post(
        "/admin/newsdiff/article/add/",
        {"comparison": comparison.pk, "source": "X", "text": "Some text.", "fetch_url": site.url("/world/border-talks")},
    )
    assert "Paste text, choose files or give a web address, not several at once." in response.content.decode()


def test_slow_drip_is_stopped_at_the_deadline(site):
    """A server that sends a byte now and then never finishes: the whole download has one time limit."""
    import time

    def drip(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        try:
            for _ in range(40):
                request.wfile.write(b"<p>x</p>")
                request.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    site.handler("/drip", drip)
    started = time.monotonic()
    assert refusal(site.url("/drip"), timeout=1) == "127.0.0.1 did not send the page within 1 seconds."
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/page", "http://localhost/page", "http://10.1.2.3/page",
                                 "http://169.254.169.254/latest/meta-data/", "http://[::1]/page"])
def test_internal_addresses_are_refused_unless_allowed(settings, url):
    settings.NEWSDIFF_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(ImportRefused, match="internal address"):
        fetch_page(url, timeout=1, max_bytes=1000)


# resolving once, connecting to the checked address ----------------------------


class Resolver:
    """A DNS the test controls: answers per call, and counts the look-ups."""

    def __init__(self, *answers: list[str]):
        self.answers = list(answers)
        self.calls: list[str] = []

    def __call__(self, hostname, port):
        self.calls.append(hostname)
        return self.answers[min(len(self.calls), len(self.answers)) - 1]


@pytest.fixture
def loopback_counts_as_public(monkeypatch, settings):
    """127.0.0.1 stands in for a public server (the only one a test may reach); 10/8 stays internal."""
    import ipaddress

    from newsdiff.services import fetch as fetch_module

    settings.NEWSDIFF_FETCH_ALLOW_PRIVATE = False
    monkeypatch.setattr(fetch_module, "address_allowed", lambda ip: ip == ipaddress.ip_address("127.0.0.1"))
    return fetch_module


def host_echo(request):
    body = f"<html><body><p>Host was {request.headers['Host']}.</p></body></html>".encode()
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


def test_a_name_is_resolved_once_and_the_checked_address_is_used(site, monkeypatch, loopback_counts_as_public):
    """A rebinding name (public first, internal on the next look-up) gets one look-up: the connection goes to the
    address that was checked, and the server still sees the name in the Host header."""
    resolver = Resolver(["127.0.0.1"], ["10.0.0.5"])
    monkeypatch.setattr(loopback_counts_as_public, "resolve", resolver)
    site.handler("/echo", host_echo)
    page = fetch(f"http://news.rebind.test:{site.port}/echo")
    assert f"Host was news.rebind.test:{site.port}." in page.html
    assert resolver.calls == ["news.rebind.test"]


def test_every_address_of_a_name_must_be_public(site, monkeypatch, loopback_counts_as_public):
    monkeypatch.setattr(loopback_counts_as_public, "resolve", Resolver(["127.0.0.1", "10.0.0.5"]))
    site.handler("/echo", host_echo)
    message = refusal(f"http://mixed.test:{site.port}/echo")
    assert message == "mixed.test is an internal address (10.0.0.5); only public web pages can be fetched."
    assert site.hits == []


def test_every_redirect_hop_is_resolved_and_checked_again(site, monkeypatch, loopback_counts_as_public):
    resolver = Resolver(["127.0.0.1"], ["10.0.0.5"])
    monkeypatch.setattr(loopback_counts_as_public, "resolve", resolver)
    site.redirect("/first", "/second")
    site.handler("/second", host_echo)
    assert "internal address (10.0.0.5)" in refusal(f"http://hop.test:{site.port}/first")
    assert site.hits == ["/first"] and resolver.calls == ["hop.test", "hop.test"]


def test_the_next_checked_address_is_tried_when_one_refuses(site, monkeypatch, settings):
    from newsdiff.services import fetch as fetch_module

    monkeypatch.setattr(fetch_module, "resolve", Resolver(["127.0.0.2", "127.0.0.1"]))
    site.handler("/echo", host_echo)
    assert "Host was two.test" in fetch(f"http://two.test:{site.port}/echo").html


def test_tls_verifies_the_name_not_the_address():
    """Over https the pool connects to the checked address but sends and verifies the host name."""
    from newsdiff.services.fetch import Target, _pool

    target = Target(scheme="https", hostname="news.example", port=443, addresses=("93.184.216.34",), path="/")
    pool = _pool(target, "93.184.216.34")
    assert pool.host == "93.184.216.34"
    assert pool.assert_hostname == "news.example" and pool.conn_kw["server_hostname"] == "news.example"
    assert pool.cert_reqs == "CERT_REQUIRED"
    assert target.host_header == "news.example"


# decoded size ------------------------------------------------------------------


def test_a_gzip_bomb_is_stopped_at_the_limit_not_inflated(site):
    """50 MB of zeros in 50 kB of gzip: refused once the inflated page passes the limit, without inflating it all."""
    import gzip
    import tracemalloc

    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    site.pages["/bomb"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip",
                                 "Content-Length": str(len(bomb))}, bomb)
    tracemalloc.start()
    try:
        message = refusal(site.url("/bomb"), max_bytes=1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == "The page is larger than the limit of 1.0 MB once decompressed; the download was stopped."
    assert peak < 10 * 1024 * 1024


def test_a_compressed_page_within_the_limit_is_read(site):
    import gzip

    body = gzip.compress(b"<html><body><p>Compressed news.</p></body></html>")
    site.pages["/gz"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip",
                               "Content-Length": str(len(body))}, body)
    assert "Compressed news." in fetch(site.url("/gz")).html
