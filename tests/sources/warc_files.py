"""Small WARC files written by the tests themselves (fictional articles, written for newsdesk)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

PAGES: dict[str, tuple[str, str, list[str]]] = {
    "https://harbour-gazette.example/ferry-fares": (
        "Ferry fares to rise in May | Harbour Gazette",
        "2024-03-05",
        [
            "Ferry fares between Porto Alto and the Lantern Islands will rise by 5% in May, the operator "
            "Blue Wake Lines said on Monday, blaming the cost of fuel.",
            "Chief executive Marta Quintela told reporters the company had absorbed two years of higher "
            "prices. \u201cWe cannot hold fares any longer,\u201d she said at the harbour office.",
            "The operator carries about 2 million passengers a year. Passenger groups said the rise was "
            "the third in two years and called on the Ministry of Transport to step in.",
        ],
    ),
    "https://island-post.example/news/strike-vote": (
        "Dock workers vote to strike over night shifts - Island Post",
        "2024-03-06",
        [
            "Dock workers at the port of Porto Alto voted on Tuesday to strike for 48 hours next week "
            "after talks over night-shift pay broke down, the Harbour Workers Union said.",
            "Union leader Rui Tavares said 87% of members had backed the walkout. Blue Wake Lines said it "
            "would run a reduced timetable and urged passengers to check before travelling.",
            "The Ministry of Transport said it would meet both sides on Thursday in Lisbon to avoid "
            "disruption during the spring holidays.",
        ],
    ),
    "https://coast-daily.example/2024/03/07/bridge": (
        "New bridge to Lantern Islands approved",
        "2024-03-07",
        [
            "The regional council approved a 240 million euro bridge to the Lantern Islands on Wednesday, "
            "ending a decade of debate over the crossing.",
            "Council president Ines Carvalho said construction would begin in 2026 and take four years. "
            "Ferry operator Blue Wake Lines said the bridge would cost hundreds of jobs.",
            "Environmental groups said they would challenge the decision in court, citing the nesting "
            "grounds of sea birds along the northern shore.",
        ],
    ),
}


def page_html(title: str, published: str, paragraphs: list[str]) -> str:
    """A news page with the usual furniture around the article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{published}T09:00:00Z"></head>'
        f'<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title.split(" | ")[0]}</h1>'
        f"{body}</article><footer>Contact us. All rights reserved.</footer></body></html>"
    )


def write_records(fh: BinaryIO, records: list[tuple[str, str, bytes | None, Any, str]], *, gzip: bool) -> None:
    """Write ``(uri, type, payload, http_headers, content_type)`` records with warcio, closing
    the temporary buffers warcio leaves open."""
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(fh, gzip=gzip)
    for uri, rec_type, payload, http_headers, content_type in records:
        if rec_type == "warcinfo":
            record = writer.create_warcinfo_record(uri, {"software": "newsdesk tests"})
        else:
            record = writer.create_warc_record(
                uri,
                rec_type,
                payload=io.BytesIO(payload) if payload is not None else None,
                http_headers=http_headers,
                warc_content_type=content_type,
            )
        writer.write_record(record)
        if record.raw_stream is not None:
            record.raw_stream.close()


def write_warc(path: Path, *, gzip: bool = True, extra: bool = True) -> Path:
    """A WARC with one response record per page of :data:`PAGES`, plus (``extra``) the records
    a crawl also holds: warcinfo, a request, an image and a redirect."""
    from warcio.statusandheaders import StatusAndHeaders

    records: list[tuple[str, str, bytes | None, Any, str]] = []
    if extra:
        records.append((path.name, "warcinfo", None, None, ""))
    for url, (title, published, paragraphs) in PAGES.items():
        if extra:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            records.append((url, "request", None, request, ""))
        html = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        records.append((url, "response", page_html(title, published, paragraphs).encode(), html, ""))
    if extra:
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        records.append(
            ("https://harbour-gazette.example/logo.png", "response", b"\x89PNG\r\n\x1a\n" + bytes(64), image, "")
        )
        moved = StatusAndHeaders(
            "301 Moved Permanently",
            [("Location", "https://island-post.example/"), ("Content-Type", "text/html")],
            protocol="HTTP/1.1",
        )
        records.append(("http://island-post.example/", "response", b"<html>moved</html>", moved, ""))
    with path.open("wb") as fh:
        write_records(fh, records, gzip=gzip)
    return path
