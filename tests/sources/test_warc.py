from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from newsdesk import Article, Failure, Settings, read
from newsdesk.sources import read_bytes
from newsdesk.sources.warc import Page, article_from_page, is_warc_file, warc_pages

from .warc_files import PAGES, page_html, write_records, write_warc


def split(items: list[Article | Failure]) -> tuple[list[Article], list[Failure]]:
    return [a for a in items if isinstance(a, Article)], [f for f in items if isinstance(f, Failure)]


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_one_article_per_html_response(tmp_path: Path, compressed: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"), gzip=compressed)
    articles, failures = split(list(read([path])))
    assert [a.url for a in articles] == list(PAGES)
    assert [a.title for a in articles] == [
        "Ferry fares to rise in May",
        "Dock workers vote to strike over night shifts",
        "New bridge to Lantern Islands approved",
    ]
    assert [a.published for a in articles] == [f"2024-03-0{d}T09:00:00+00:00" for d in (5, 6, 7)]
    assert all(a.input_format == "warc" for a in articles)
    assert all(a.source.startswith(f"{path}#") for a in articles)
    assert "Home" not in articles[0].text and "rights reserved" not in articles[0].text
    assert "Blue Wake Lines" in articles[0].text
    assert [f.reason for f in failures] == [
        "not an HTML page (image/png) (https://harbour-gazette.example/logo.png)",
        "HTTP 301 response, not a page (http://island-post.example/)",
    ]


def test_warc_source_offset_opens_the_record(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    path = write_warc(tmp_path / "crawl.warc.gz")
    articles, _ = split(list(read([path])))
    with path.open("rb") as fh:
        for article in articles:
            fh.seek(int(article.source.rsplit("#", 1)[1]))
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_headers.get_header("WARC-Target-URI") == article.url


def test_warc_article_is_the_html_reader_article(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", extra=False)
    from_warc = next(a for a in read([path]) if isinstance(a, Article))
    url, (title, published, paragraphs) = next(iter(PAGES.items()))
    page = Page("page.html", page_html(title, published, paragraphs).encode(), url, "utf-8")
    expected = article_from_page(page)
    assert from_warc.text == expected.text and from_warc.id == expected.id and from_warc.title == expected.title


def test_warc_bytes_and_stdin_read_like_a_file(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz")
    from_file = list(read([path]))
    from_bytes = list(read_bytes(str(path), path.read_bytes()))
    assert from_bytes == from_file


def test_warc_file_is_streamed_beyond_max_bytes(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", gzip=False)
    settings = Settings(max_bytes=1500)  # every record fits, the file does not
    assert path.stat().st_size > settings.max_bytes
    articles, failures = split(list(read([path], settings)))
    assert len(articles) == 3
    tiny = Settings(max_bytes=300)
    articles, failures = split(list(read([path], tiny)))
    assert articles == []
    assert any("record larger than the 300-byte limit (https://harbour-gazette.example/" in f.reason for f in failures)


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_truncated_file_keeps_the_records_before(tmp_path: Path, compressed: bool) -> None:
    path = write_warc(tmp_path / "crawl.warc", extra=False, gzip=compressed)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 300])
    articles, failures = split(list(read([cut])))
    assert [a.url for a in articles] == list(PAGES)[:2]
    assert len(failures) == 1 and failures[0].source.startswith(f"{cut}#")
    assert "truncated WARC record" in failures[0].reason and list(PAGES)[2] in failures[0].reason


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"WARC/1.0\r\n", True),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), True),
        (b"<html><p>x</p></html>", False),
        (gzip.compress(b"<html><p>x</p></html>"), False),
        (b"\x1f\x8b not really gzip", False),
        (b"", False),
    ],
)
def test_warc_is_warc_file_by_content(tmp_path: Path, data: bytes, expected: bool) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(data)
    assert is_warc_file(path) is expected


def test_warc_with_no_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "info.warc"
    with path.open("wb") as fh:
        write_records(fh, [("info.warc", "warcinfo", None, None, "")], gzip=False)
    assert list(read([path])) == [Failure(str(path), "no page records in the WARC file")]


def test_warc_conversion_records_are_read_as_text() -> None:
    buf = io.BytesIO()
    text = (
        "Harbour Gazette\n\nFerry fares to rise in May\n\n"
        "Ferry fares will rise by 5% in May, the operator Blue Wake Lines said on Monday.\n"
    )
    url = "https://harbour-gazette.example/ferry-fares"
    write_records(buf, [(url, "conversion", text.encode(), None, "text/plain")], gzip=False)
    buf.seek(0)
    (page,) = list(warc_pages("crawl.warc.wet", buf))
    assert isinstance(page, Page) and page.kind == "text"
    article = article_from_page(page)
    assert article.title == "Ferry fares to rise in May"
    assert article.url == "https://harbour-gazette.example/ferry-fares"


def test_warc_garbage_after_header_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a header\r\n\r\n" + b"\x00\x01" * 50)
    items = list(read([path]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].source.startswith(str(path))
