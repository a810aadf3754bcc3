"""WARC and WARC.gz: one article per HTML response record, read as a stream.

A web archive (a crawl, Common Crawl's CC-NEWS) holds many records per file:
``warcinfo`` and ``request`` records, HTTP ``response`` records of every
media type, ``revisit`` records that point at an earlier payload. newsdesk
reads it with `warcio <https://github.com/webrecorder/warcio>`_, record by
record, so a gigabyte WARC never sits in memory: only one payload at a time,
bounded by ``Settings.max_bytes``.

Reading is split in two so that Spark can put the expensive half (HTML
extraction) after a repartition: :func:`warc_pages` walks the archive and
yields a :class:`Page` per HTML record (cheap), :func:`article_from_page`
turns a Page into an Article with trafilatura (costly). :func:`read_warc`
composes the two for the local path, so both paths give the same articles.

The ``source`` of a record is ``FILE#OFFSET``, the record's byte offset in
the (compressed) file, the form ``warcio extract FILE OFFSET`` and CDX
indexes use. Records that are not documents (``warcinfo``, ``request``,
``metadata``) are skipped; every other record that yields no article (an
image, a redirect, a revisit) gives a one-line Failure naming the record.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsdesk.model import Article, Failure
from newsdesk.settings import Settings
from newsdesk.sources.detect import ReadError, decode
from newsdesk.sources.html import article_from_html
from newsdesk.sources.meta import Meta
from newsdesk.sources.text import article_from_text

__all__ = ["Page", "article_from_page", "extract_page", "is_warc_file", "read_warc", "warc_pages"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_SKIPPED_TYPES = ("warcinfo", "request", "metadata")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.I)


@dataclass(frozen=True)
class Page:
    """The payload of one WARC record, not yet extracted.

    ``kind`` is ``html`` (a response or resource record) or ``text`` (a
    ``conversion`` record, as in Common Crawl's WET files).
    """

    source: str
    payload: bytes
    url: str | None = None
    charset: str | None = None
    kind: str = "html"


def is_warc_file(path: str | Path) -> bool:
    """Whether a file (gzipped or not) starts with a WARC record header."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                with gzip.open(fh) as inner:
                    return inner.read(5) == b"WARC/"
            return fh.read(5) == b"WARC/"
    except (OSError, EOFError, gzip.BadGzipFile):
        return False


def _payload_type(record: Any) -> str:
    """The media type of a record's payload: the HTTP Content-Type for responses."""
    headers = record.http_headers if record.http_headers is not None else None
    value = headers.get_header("Content-Type") if headers is not None else None
    if value is None:
        value = record.rec_headers.get_header("Content-Type") or ""
    return str(value).strip()


def _page_or_failure(record: Any, where: str, settings: Settings) -> Page | Failure | None:
    """What one record gives: a Page, a Failure saying why not, or None for a non-document."""
    rec_type = record.rec_type
    url = record.rec_headers.get_header("WARC-Target-URI")
    named = f" ({url})" if url else ""
    if rec_type in _SKIPPED_TYPES:
        return None
    if rec_type == "revisit":
        return Failure(where, f"revisit record: the payload is stored in another record{named}")
    if rec_type not in ("response", "resource", "conversion"):
        return Failure(where, f"WARC {rec_type} record, not a page{named}")
    if rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if not str(status).startswith("2"):
            return Failure(where, f"HTTP {status} response, not a page{named}")
    ctype = _payload_type(record)
    media = ctype.split(";", 1)[0].strip().lower()
    payload = record.content_stream().read(settings.max_bytes + 1)
    if len(payload) > settings.max_bytes:
        return Failure(where, f"record larger than the {settings.max_bytes:,}-byte limit{named}")
    missing = getattr(record.raw_stream, "limit", 0)  # what Content-Length promised and the file lacks
    if isinstance(missing, int) and missing > 0:
        return Failure(where, f"truncated WARC record ({missing:,} bytes missing){named}")
    if not payload.strip():
        return Failure(where, f"empty payload{named}")
    charset_match = _CHARSET.search(ctype)
    charset = charset_match[1] if charset_match else None
    if rec_type == "conversion" and (media in _TEXT_TYPES or not media):
        return Page(where, payload, url, charset, kind="text")
    if media in _HTML_TYPES or (not media and _HTML_START.match(payload[:1024])):
        return Page(where, payload, url, charset)
    return Failure(where, f"not an HTML page ({media or 'no content type'}){named}")


def warc_pages(name: str, stream: IO[bytes], settings: Settings | None = None) -> Iterator[Page | Failure]:
    """The HTML pages of a WARC stream, and a Failure for every record that is not one.

    A corrupt record ends the file (a WARC cannot be resynchronised safely)
    with a Failure at its offset; the records before it are kept.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    settings = settings or Settings()
    found = 0
    records = ArchiveIterator(stream, no_record_parse=False, arc2warc=True)
    offset = 0
    try:
        for record in records:
            offset = records.offset  # the start of this record (get_record_offset() would consume it)
            try:
                item = _page_or_failure(record, f"{name}#{offset}", settings)
            except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
                yield Failure(f"{name}#{offset}", f"corrupt WARC record ({exc})")
                return
            if item is not None:
                found += 1
                yield item
    except ArchiveLoadFailed as exc:
        reason = " ".join(str(exc).split())[:200]
        where = f"{name}#{offset}" if found else name
        yield Failure(where, f"not a readable WARC file ({reason})" if not found else f"corrupt WARC record ({reason})")
        return
    except (OSError, EOFError, ValueError) as exc:
        yield Failure(f"{name}#{offset}", f"corrupt or truncated WARC data ({type(exc).__name__}: {exc})")
        return
    if not found:
        yield Failure(name, "no page records in the WARC file")


def article_from_page(page: Page) -> Article:
    """The article of one WARC page (trafilatura for HTML, the debris rules for text).

    Raises:
        ReadError: when the page holds no article text.
    """
    meta = Meta(url=page.url)
    if page.kind == "text":
        return article_from_text(page.source, _decode(page), meta, input_format="warc")
    html: str | bytes = page.payload
    if page.charset:
        try:
            html = page.payload.decode(page.charset, errors="replace")
        except LookupError:  # an unknown charset name: let trafilatura guess
            html = page.payload
    return article_from_html(page.source, html, meta).copy_with(input_format="warc")


def _decode(page: Page) -> str:
    if page.charset:
        try:
            return page.payload.decode(page.charset, errors="replace")
        except LookupError:
            pass
    return decode(page.payload)


def extract_page(page: Page) -> Article | Failure:
    """The article of a page, or a Failure naming the record and why (never raises)."""
    named = f" ({page.url})" if page.url else ""
    try:
        return article_from_page(page)
    except ReadError as exc:
        return Failure(page.source, f"{exc}{named}")
    except Exception as exc:  # one broken record must not end the archive
        return Failure(page.source, f"unexpected {type(exc).__name__}: {exc}{named}")


def read_warc(name: str, stream: IO[bytes], settings: Settings | None = None) -> Iterator[Article | Failure]:
    """Articles from a WARC stream, one per HTML record; Failures for the rest."""
    for item in warc_pages(name, stream, settings):
        yield item if isinstance(item, Failure) else extract_page(item)
