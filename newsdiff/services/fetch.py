"""Fetch a news page over HTTP and import it as an account (or a new version of one).

fetch_page() touches no database: it downloads one page under strict limits
(time, size, content type, same-host redirects only) and refuses anything else
with a one-line ImportRefused. article_import_url() feeds the extracted article
through article_import(), the same path every upload takes, keeping the raw
page with its time and checksum as evidence.
"""

import codecs
import http.client
import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone as dt_timezone
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.dateparse import parse_date, parse_datetime

from newsdiff.models import Article, Comparison
from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import
from newsdiff.text.web import ExtractedArticle, NoArticleFound, extract_article

HTML_TYPES = {"text/html", "application/xhtml+xml"}
MAX_REDIRECTS = 5
USER_AGENT = "newsdiff/1.0 (news article comparison; +https://github.com/)"
_CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class FetchedPage:
    url: str  # as asked for
    final_url: str  # after same-host redirects
    html: str
    fetched_at: datetime
    content_type: str


def fetch_timeout() -> float:
    return float(settings.NEWSDIFF_FETCH_TIMEOUT)


def fetch_max_bytes() -> int:
    return int(settings.NEWSDIFF_FETCH_MAX_BYTES)


def fetch_page(url: str, *, timeout: float, max_bytes: int) -> FetchedPage:
    """Download one HTML page; refuse bad addresses, slow, large, non-HTML or off-host pages."""
    import urllib3  # imported on first use, not when a command starts

    url = (url or "").strip()
    _check_url(url)
    deadline = time.monotonic() + timeout
    pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"})
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            response = _request(pool, current, deadline, timeout)
            try:
                if response.status in (301, 302, 303, 307, 308):
                    current = _redirect_target(url, current, response.headers.get("Location", ""))
                    continue
                return _read_page(response, url, current, deadline, timeout, max_bytes)
            finally:
                response.release_conn()
        raise ImportRefused(f"{_host(url)} redirected more than {MAX_REDIRECTS} times; nothing was fetched.")
    finally:
        pool.clear()


def _check_url(url: str) -> None:
    if not url:
        raise ImportRefused("Give the web address of the article.")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
    except ValueError:
        raise ImportRefused(f"'{url}' is not a valid web address.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ImportRefused(f"'{url}' is not an http:// or https:// address; only web pages can be fetched.")
    if not parts.hostname:
        raise ImportRefused(f"'{url}' has no host name.")
    if not settings.NEWSDIFF_FETCH_ALLOW_PRIVATE:
        _refuse_internal(parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80))


def _refuse_internal(hostname: str, port: int) -> None:
    """Refuse hosts that resolve to this machine or a private network: the server must not fetch its own neighbours."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError):
        raise ImportRefused(f"The host {hostname} was not found.") from None
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise ImportRefused(f"{hostname} is an internal address ({ip}); only public web pages can be fetched.")


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _request(pool, url: str, deadline: float, timeout: float):
    import urllib3  # imported on first use, not when a command starts

    left = deadline - time.monotonic()
    if left <= 0:
        raise ImportRefused(f"{_host(url)} did not answer within {timeout:g} seconds.")
    try:
        return pool.request(
            "GET",
            url,
            preload_content=False,
            redirect=False,
            retries=False,
            timeout=urllib3.Timeout(connect=left, read=left),
        )
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: catch it first.
    except urllib3.exceptions.NameResolutionError:
        raise ImportRefused(f"The host {_host(url)} was not found.") from None
    except urllib3.exceptions.NewConnectionError as error:
        reason = "connection refused" if "refused" in str(error).lower() else "no connection"
        raise ImportRefused(f"Could not connect to {_host(url)}: {reason}.") from None
    except (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.ReadTimeoutError):
        raise ImportRefused(f"{_host(url)} did not answer within {timeout:g} seconds.") from None
    except urllib3.exceptions.SSLError:
        raise ImportRefused(f"The secure connection to {_host(url)} failed (certificate or TLS error).") from None
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise ImportRefused(f"Fetching {_host(url)} failed: {type(error).__name__}.") from None


def _redirect_target(first: str, current: str, location: str) -> str:
    if not location:
        raise ImportRefused(f"{_host(current)} answered with a redirect but no address.")
    target = urljoin(current, location.strip())
    _check_url(target)
    if _host(target).lower() != _host(first).lower():
        raise ImportRefused(
            f"{_host(first)} redirected to another host ({_host(target)}); fetch that address directly if you trust it."
        )
    return target


def _read_page(response, url: str, final_url: str, deadline: float, timeout: float, max_bytes: int) -> FetchedPage:
    import urllib3  # imported on first use, not when a command starts

    if response.status >= 400:
        reason = response.reason or http.client.responses.get(response.status, "")
        raise ImportRefused(f"{_host(final_url)} answered {response.status} {reason}".rstrip() + "; nothing was fetched.")
    if response.status != 200:
        raise ImportRefused(f"{_host(final_url)} answered {response.status}, not a page; nothing was fetched.")
    content_type = response.headers.get("Content-Type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type and media_type not in HTML_TYPES:
        raise ImportRefused(f"The address gives {media_type}, not a web page (HTML); download the file and upload it.")
    limit_text = f"{max_bytes / 1_048_576:.1f} MB"
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ImportRefused(f"The page is {int(declared) / 1_048_576:.1f} MB; the limit is {limit_text}.")
    body = bytearray()
    try:
        # read1 returns after one receive, so a server that drips bytes still meets the deadline check.
        while chunk := response.read1(_CHUNK):
            body += chunk
            if len(body) > max_bytes:
                raise ImportRefused(f"The page is larger than the limit of {limit_text}; the download was stopped.")
            if time.monotonic() > deadline:
                raise ImportRefused(f"{_host(final_url)} did not send the page within {timeout:g} seconds.")
    except urllib3.exceptions.ReadTimeoutError:
        raise ImportRefused(f"{_host(final_url)} did not send the page within {timeout:g} seconds.") from None
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError, OSError) as error:
        raise ImportRefused(f"The download from {_host(final_url)} broke off ({type(error).__name__}).") from None
    return FetchedPage(
        url=url,
        final_url=final_url,
        html=_decode(bytes(body), content_type),
        fetched_at=datetime.now(dt_timezone.utc),
        content_type=content_type,
    )


def _decode(body: bytes, content_type: str) -> str:
    """Decode with the declared charset (header, then <meta>), else UTF-8, else Windows-1252."""
    declared = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    names = [declared.group(1)] if declared else []
    sniffed = _META_CHARSET.search(body[:4096])
    if sniffed:
        names.append(sniffed.group(1).decode("ascii"))
    for name in names:
        try:
            codecs.lookup(name)
            return body.decode(name, errors="replace")
        except LookupError:
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def page_fetch_extract(url: str) -> tuple[FetchedPage, ExtractedArticle]:
    """Fetch a page with the configured limits and extract its article; refuse a page with none."""
    page = fetch_page(url, timeout=fetch_timeout(), max_bytes=fetch_max_bytes())
    try:
        extracted = extract_article(page.html, page.final_url)
    except NoArticleFound as error:
        raise ImportRefused(f"{_host(page.final_url)}: {error}") from error
    return page, extracted


def published_from(value: str) -> datetime | None:
    """Read an extracted ISO date or date-time; a date alone is midnight UTC."""
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime(day.year, day.month, day.day) if day else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt_timezone.utc)
    return moment


def article_import_url(
    *, comparison: Comparison, meta: ArticleMeta, url: str, user=None, align: bool = True
) -> Article:
    """Fetch an article from the web and import it; what the uploader typed wins over the page's metadata."""
    page, extracted = page_fetch_extract(url)
    merged = ArticleMeta(
        source=meta.source,
        title=meta.title or extracted.title[:500],
        outlet=meta.outlet or extracted.sitename[:200],
        author=meta.author or extracted.author[:300],
        url=meta.url or page.final_url,
        published_at=meta.published_at or published_from(extracted.date),
        language=meta.language or extracted.language,
    )
    return article_import(
        comparison=comparison,
        meta=merged,
        content=extracted.html,
        fmt="html",
        filename="",
        user=user,
        fetched_html=page.html,
        fetched_at=page.fetched_at,
        align=align,
    )
