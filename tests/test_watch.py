"""``newsdesk watch``: feeds read incrementally, from files and from a local HTTP server on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk import MemoryStore, Pipeline
from newsdesk.cli import main
from newsdesk.sources.detect import ReadError
from newsdesk.watch import SeenItems, fetch_url, watch_once

from .sources.test_feed import RSS
from .sources.warc_files import PAGES, page_html


def rss(items: list[tuple[str, str, str]]) -> str:
    """A feed of ``(guid, link, description)`` items."""
    body = "".join(
        f"<item><title>Item {guid}</title><guid>{guid}</guid><link>{link}</link>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>{text}</description></item>"
        for guid, link, text in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>{body}</channel></rss>'


ITEMS = [
    ("hg-1", "https://harbour-gazette.example/1", "Ferry fares will rise by 5% in May, Blue Wake Lines said."),
    ("hg-2", "https://harbour-gazette.example/2", "Dock workers in Porto Alto voted to strike for 48 hours."),
]


class Site:
    """Pages served on loopback; every request is recorded."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def serve(self, path: str, body: str, ctype: str = "text/html", status: int = 200) -> str:
        self.pages[path] = (status, ctype, body.encode())
        return self.url + path


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    thread = threading.Thread(target=s.server.serve_forever, daemon=True)
    thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def test_watch_new_items_only(tmp_path: Path, pipeline: Pipeline) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS))
    store, seen = MemoryStore(), SeenItems.load(tmp_path / "state.json")
    first = watch_once(str(feed), store, seen=seen, pipeline=pipeline)
    assert (first.read, first.stored, first.skipped, first.failed) == (2, 2, 0, 0)
    assert {a.url for a in store.articles()} == {link for _, link, _ in ITEMS}
    assert all(a.stages and a.outlet == "Harbour Gazette" for a in store.articles())
    again = watch_once(str(feed), store, seen=SeenItems.load(tmp_path / "state.json"), pipeline=pipeline)
    assert (again.read, again.stored, again.skipped) == (0, 0, 2)
    feed.write_text(rss([*ITEMS, ("hg-3", "https://harbour-gazette.example/3", "A bridge was approved.")]))
    third = watch_once(str(feed), store, seen=SeenItems.load(tmp_path / "state.json"), pipeline=pipeline)
    assert (third.read, third.stored, third.skipped) == (1, 1, 2)
    assert store.count() == 3


def test_watch_lost_state_never_duplicates(tmp_path: Path, pipeline: Pipeline) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS))
    store = MemoryStore()
    watch_once(str(feed), store, pipeline=pipeline)
    report = watch_once(str(feed), store, pipeline=pipeline)  # no state kept: the store's ids decide
    assert (report.stored, report.skipped) == (0, 2)
    assert store.count() == 2


def test_watch_item_without_text_is_reported_once(tmp_path: Path, pipeline: Pipeline) -> None:
    feed = tmp_path / "gazette.xml"
    feed.write_text(RSS)
    seen = SeenItems(None)
    first = watch_once(str(feed), MemoryStore(), seen=seen, pipeline=pipeline)
    assert [f.source for f in first.failures] == [f"{feed}#3"]
    second = watch_once(str(feed), MemoryStore(), seen=seen, pipeline=pipeline)
    assert second.failures == [] and second.skipped == 3


def test_watch_fetches_the_feed_and_pages_from_a_url(site: Site, pipeline: Pipeline) -> None:
    title, published, paragraphs = next(iter(PAGES.values()))
    page = site.serve("/ferry-fares", page_html(title, published, paragraphs))
    missing = site.url + "/gone"
    feed = site.serve(
        "/rss.xml", rss([("a", page, "Short summary."), ("b", missing, "Another summary.")]), "application/rss+xml"
    )
    store, seen = MemoryStore(), SeenItems(None)
    report = watch_once(feed, store, seen=seen, fetch_pages=True, pipeline=pipeline)
    assert report.stored == 1
    (article,) = store.articles()
    assert article.url == page and article.source == page
    assert "Marta Quintela" in article.text and article.title == "Item a"
    assert [f.reason for f in report.failures] == [f"HTTP 404 Not Found fetching {missing}"]
    assert site.requests == ["/rss.xml", "/ferry-fares", "/gone"]
    site.requests.clear()
    again = watch_once(feed, store, seen=seen, fetch_pages=True, pipeline=pipeline)
    assert site.requests == ["/rss.xml", "/gone"]  # the stored page is not fetched again; the failed one is
    assert again.stored == 0 and again.skipped == 1


def test_watch_without_fetch_reads_no_page(site: Site, pipeline: Pipeline) -> None:
    feed = site.serve("/rss.xml", rss(ITEMS), "application/rss+xml")
    report = watch_once(feed, MemoryStore(), pipeline=pipeline)
    assert report.stored == 2 and site.requests == ["/rss.xml"]


@pytest.mark.parametrize(
    ("path", "status", "body", "message"),
    [
        ("/missing", None, None, "HTTP 404 Not Found fetching"),
        ("/big", 200, "x" * 5000, "is larger than the 1,000-byte limit"),
    ],
)
def test_watch_fetch_url_errors_are_one_line(
    site: Site, path: str, status: int | None, body: str | None, message: str
) -> None:
    if status is not None and body is not None:
        site.serve(path, body, status=status)
    with pytest.raises(ReadError, match=message):
        fetch_url(site.url + path, 1000)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "/tmp/feed.xml"])
def test_watch_fetch_url_refuses_other_schemes(url: str) -> None:
    with pytest.raises(ReadError, match="not an http"):
        fetch_url(url, 1000)


def test_watch_cli_twice(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS))
    db = tmp_path / "desk.db"
    runner = CliRunner()
    first = runner.invoke(main, ["watch", str(feed), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "newsdesk: 2 read, 2 stored, 0 already stored, 0 failed" in first.stderr
    assert (tmp_path / "desk.db.watch.json").exists()
    second = runner.invoke(main, ["watch", str(feed), "--db", str(db)])
    assert second.exit_code == 0
    assert "newsdesk: 0 read, 0 stored, 2 already stored, 0 failed (nothing new)" in second.stderr
    missing = runner.invoke(main, ["watch", str(tmp_path / "nope.xml"), "--db", str(db)])
    assert missing.exit_code == 1
    assert f"newsdesk: error: {tmp_path / 'nope.xml'}: cannot read (No such file or directory)" in missing.stderr


def test_watch_cli_bad_state_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(ITEMS))
    state = tmp_path / "state.json"
    state.write_text("[1, 2]")
    result = CliRunner().invoke(main, ["watch", str(feed), "--state", str(state), "--db", "memory:"])
    assert result.exit_code == 1
    assert f"Error: {state}: not a newsdesk watch state file" in result.output
