"""Fetch a news page over HTTP and import it as an account (or a new version of one).

fetch_page() touches no database: it downloads one page under strict limits
(time, size on the wire and decompressed, content type, same-host redirects
only) and refuses anything else with a one-line ImportRefused. Each hop resolves
the host once, refuses it unless every address is public, and connects to the
checked address while TLS (SNI, certificate) and the Host header keep the name,
so a rebinding name cannot send it inside. article_import_url() feeds the extracted article
through article_import(), the same path every upload takes, keeping the raw
page with its time and checksum as evidence.
"""

from __future__ import annotations

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
from django.utils.translation import gettext

from newsdiff.models import Article, Comparison
from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import
from newsdiff.services.refusals import refusal_text
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
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        # Every hop is resolved once, checked, and connected to at the checked address (no second look-up
        # that a rebinding name could answer differently).
        target = _resolve_checked(current)
        response, pool = _request(target, current, deadline, timeout)
        try:
            if response.status in (301, 302, 303, 307, 308):
                current = _redirect_target(url, current, response.headers.get("Location", ""))
                continue
            return _read_page(response, url, current, deadline, timeout, max_bytes)
        finally:
            response.release_conn()
            pool.close()
    raise ImportRefused(
        gettext("%(host)s redirected more than %(count)s times; nothing was fetched.")
        % {"host": _host(url), "count": MAX_REDIRECTS}
    )


def _check_url(url: str) -> None:
    if not url:
        raise ImportRefused(gettext("Give the web address of the article."))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
    except ValueError:
        raise ImportRefused(gettext("'%(url)s' is not a valid web address.") % {"url": url}) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ImportRefused(
            gettext("'%(url)s' is not an http:// or https:// address; only web pages can be fetched.") % {"url": url}
        )
    if not parts.hostname:
        raise ImportRefused(gettext("'%(url)s' has no host name.") % {"url": url})


@dataclass(frozen=True)
class Target:
    """Where one request goes: the name (for TLS and the Host header) and the addresses checked for it."""

    scheme: str
    hostname: str
    port: int
    addresses: tuple[str, ...]
    path: str

    @property
    def host_header(self) -> str:
        name = f"[{self.hostname}]" if ":" in self.hostname else self.hostname
        default = 443 if self.scheme == "https" else 80
        return name if self.port == default else f"{name}:{self.port}"


def resolve(hostname: str, port: int) -> list[str]:
    """Every address hostname resolves to: the only DNS look-up of a request (tests replace this function)."""
    infos = socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def address_allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A public unicast address: not this machine, a private network, link-local, reserved or multicast."""
    return ip.is_global and not ip.is_multicast


def _resolve_checked(url: str) -> Target:
    """Resolve the URL's host once and refuse it unless every address is public (or private ones are allowed)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    hostname = parts.hostname
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        addresses = resolve(hostname, port)
    except (OSError, UnicodeError):
        raise ImportRefused(gettext("The host %(hostname)s was not found.") % {"hostname": hostname}) from None
    if not addresses:
        raise ImportRefused(gettext("The host %(hostname)s was not found.") % {"hostname": hostname})
    if not settings.NEWSDIFF_FETCH_ALLOW_PRIVATE:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if not address_allowed(ip):
                raise ImportRefused(
                    gettext("%(hostname)s is an internal address (%(ip)s); only public web pages can be fetched.")
                    % {"hostname": hostname, "ip": ip}
                )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(scheme=scheme, hostname=hostname, port=port, addresses=tuple(addresses), path=path)


def _pool(target: Target, address: str) -> urllib3.HTTPConnectionPool:
    """A connection pool to one checked address; over TLS the certificate must match the host name (and SNI says it)."""
    import urllib3  # imported on first use, not when a command starts

    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            maxsize=1,
            cert_reqs="CERT_REQUIRED",
            server_hostname=target.hostname,
            assert_hostname=target.hostname,
        )
    return urllib3.HTTPConnectionPool(address, target.port, maxsize=1)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _request(target: Target, url: str, deadline: float, timeout: float):
    """GET the target at the first of its checked addresses that accepts a connection; return (response, pool)."""
    import urllib3

    headers = {"Host": target.host_header, "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    for position, address in enumerate(target.addresses):
        left = deadline - time.monotonic()
        if left <= 0:
            raise ImportRefused(
                gettext("%(host)s did not answer within %(timeout)s seconds.")
                % {"host": _host(url), "timeout": f"{timeout:g}"}
            )
        pool = _pool(target, address)
        try:
            response = pool.urlopen(
                "GET",
                target.path,
                headers=headers,
                preload_content=False,
                redirect=False,
                retries=False,
                assert_same_host=False,
                timeout=urllib3.Timeout(connect=left, read=left),
            )
            return response, pool
        except urllib3.exceptions.NewConnectionError as error:
            pool.close()
            if position + 1 < len(target.addresses):
                continue  # the next checked address of the same name
            _refuse_request_error(error, url, timeout)
        except Exception as error:
            pool.close()
            _refuse_request_error(error, url, timeout)
    raise AssertionError("unreachable: a target has at least one address")


def _refuse_request_error(error: Exception, url: str, timeout: float):
    """Turn what urllib3 raised into a one-line refusal (anything unexpected goes on up)."""
    import urllib3

    try:
        raise error
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: catch it first.
    except urllib3.exceptions.NameResolutionError:
        raise ImportRefused(gettext("The host %(host)s was not found.") % {"host": _host(url)}) from None
    except urllib3.exceptions.NewConnectionError as failure:
        reason = gettext("connection refused") if "refused" in str(failure).lower() else gettext("no connection")
        raise ImportRefused(
            gettext("Could not connect to %(host)s: %(reason)s.") % {"host": _host(url), "reason": reason}
        ) from None
    except (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.ReadTimeoutError):
        raise ImportRefused(
            gettext("%(host)s did not answer within %(timeout)s seconds.")
            % {"host": _host(url), "timeout": f"{timeout:g}"}
        ) from None
    except urllib3.exceptions.SSLError:
        raise ImportRefused(
            gettext("The secure connection to %(host)s failed (certificate or TLS error).") % {"host": _host(url)}
        ) from None
    except (urllib3.exceptions.HTTPError, OSError) as failure:
        raise ImportRefused(
            gettext("Fetching %(host)s failed: %(name)s.") % {"host": _host(url), "name": type(failure).__name__}
        ) from None


def _redirect_target(first: str, current: str, location: str) -> str:
    if not location:
        raise ImportRefused(gettext("%(host)s answered with a redirect but no address.") % {"host": _host(current)})
    target = urljoin(current, location.strip())
    _check_url(target)  # resolved and checked when the next hop is requested
    if _host(target).lower() != _host(first).lower():
        raise ImportRefused(
            gettext("%(host)s redirected to another host (%(host2)s); fetch that address directly if you trust it.")
            % {"host": _host(first), "host2": _host(target)}
        )
    return target


def _read_page(response, url: str, final_url: str, deadline: float, timeout: float, max_bytes: int) -> FetchedPage:
    import urllib3  # imported on first use, not when a command starts

    if response.status >= 400:
        reason = response.reason or http.client.responses.get(response.status, "")
        raise ImportRefused(
            gettext("%(host)s answered %(status)s; nothing was fetched.")
            % {"host": _host(final_url), "status": f"{response.status} {reason}".rstrip()}
        )
    if response.status != 200:
        raise ImportRefused(
            gettext("%(host)s answered %(status)s, not a page; nothing was fetched.")
            % {"host": _host(final_url), "status": response.status}
        )
    content_type = response.headers.get("Content-Type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type and media_type not in HTML_TYPES:
        raise ImportRefused(
            gettext("The address gives %(media_type)s, not a web page (HTML); download the file and upload it.")
            % {"media_type": media_type}
        )
    limit_text = f"{max_bytes / 1_048_576:.1f} MB"
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ImportRefused(
            gettext("The page is %(size)s MB; the limit is %(limit_text)s.")
            % {"size": f"{int(declared) / 1_048_576:.1f}", "limit_text": limit_text}
        )
    body = bytearray()
    try:
        # read1 returns after one receive, so a server that drips bytes still meets the deadline check. It
        # returns decoded (decompressed) bytes, at most _CHUNK at a time (urllib3 ≥ 2.6 inflates no more than
        # asked), so both what came over the wire (tell()) and what it inflates to are capped as they grow:
        # a small gzip bomb is stopped at the limit instead of being inflated in one read.
        while chunk := response.read1(_CHUNK):
            body += chunk
            if response.tell() > max_bytes:
                raise ImportRefused(
                    gettext("The page is larger than the limit of %(limit_text)s; the download was stopped.")
                    % {"limit_text": limit_text}
                )
            if len(body) > max_bytes:
                raise ImportRefused(
                    gettext(
                        "The page is larger than the limit of %(limit_text)s once decompressed; the download was stopped."
                    )
                    % {"limit_text": limit_text}
                )
            if time.monotonic() > deadline:
                raise ImportRefused(
                    gettext("%(host)s did not send the page within %(timeout)s seconds.")
                    % {"host": _host(final_url), "timeout": f"{timeout:g}"}
                )
    except urllib3.exceptions.ReadTimeoutError:
        raise ImportRefused(
            gettext("%(host)s did not send the page within %(timeout)s seconds.")
            % {"host": _host(final_url), "timeout": f"{timeout:g}"}
        ) from None
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError, OSError) as error:
        raise ImportRefused(
            gettext("The download from %(host)s broke off (%(name)s).")
            % {"host": _host(final_url), "name": type(error).__name__}
        ) from None
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
        raise ImportRefused(
            gettext("%(host)s: %(error)s") % {"host": _host(page.final_url), "error": refusal_text(error)}
        ) from error
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
    *, comparison: Comparison, meta: ArticleMeta, url: str, user=None, align: bool = True, fetched=None
) -> Article:
    """Fetch an article from the web and import it; what the uploader typed wins over the page's metadata."""
    page, extracted = fetched or page_fetch_extract(url)
    return article_import_fetched(
        comparison=comparison, meta=meta, page=page, extracted=extracted, user=user, align=align
    )


def article_import_fetched(
    *,
    comparison: Comparison,
    meta: ArticleMeta,
    page: FetchedPage,
    extracted: ExtractedArticle,
    user=None,
    align: bool = True,
) -> Article:
    """Import a page already fetched; what the uploader typed wins over the page's metadata."""
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
