from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsdesk import Article, Failure, Settings, read
from newsdesk.sources import read_bytes
from newsdesk.sources.detect import ReadError, decode, inflate, sniff

TEXT = (
    "Harbour Gazette\n\nFerry fares to rise in May\n\n"
    "Ferry fares will rise by 5% in May, the operator said on Monday.\n"
)
HTML = """<!DOCTYPE html><html><head><title>Ferry fares to rise in May | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette"><meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry fares to rise in May</h1>
<p>Ferry fares will rise by 5% in May, the operator said on Monday, blaming the cost of fuel.</p>
<p>The operator carries about 2 million passengers a year between the two islands.</p>
<p>READ MORE: Island bus timetable changes</p>
<p>Passenger groups said the rise was the third in two years and called on the ministry to step in.</p>
</article><footer>© 2024 Harbour Gazette</footer></body></html>"""


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt", b"Plain words here.", "text"),
        ("a.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),  # content wins
        ("page", b"<html><p>x</p></html>", "html"),
        ("a.html", b"no markup at all", "text"),
        ("x", b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ("feed.xml", b'<?xml version="1.0"?><rss version="2.0"></rss>', "feed"),
        ("x.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("notes.jsonl", b"just words", "jsonl"),
    ],
)
def test_readers_sniff_by_content_then_name(name: str, data: bytes, kind: str) -> None:
    assert sniff(name, data) == kind


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(256)) * 4, "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "binary data"),
    ],
)
def test_readers_decode_refuses_binary(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        decode(data)


def test_readers_decode_guesses_legacy_encodings() -> None:
    text = "Caf\u00e9 owners in S\u00e3o Paulo said prices rose. " * 5
    assert decode(text.encode("cp1252")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode()) == text


def test_readers_inflate_is_bounded() -> None:
    bomb = gzip.compress(b"\x00" * 5_000_000)
    with pytest.raises(ReadError, match="inflates beyond"):
        inflate(bomb, 1_000_000)
    assert inflate(gzip.compress(b"hello"), 100) == b"hello"
    with pytest.raises(ReadError, match="truncated"):
        inflate(gzip.compress(b"hello world" * 100)[:-12], 10_000)


def test_readers_plain_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (article,) = read([tmp_path / "a.txt"])
    assert isinstance(article, Article)
    assert article.outlet == "Harbour Gazette"
    assert article.title == "Ferry fares to rise in May"
    assert article.text.startswith("Ferry fares to rise in May")
    assert article.input_format == "text"


def test_readers_html_and_gzipped_html(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML.encode()))
    a, b = read([tmp_path / "a.html", tmp_path / "b.html.gz"])
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.text == b.text and a.id == b.id
    assert a.title == "Ferry fares to rise in May"  # site name cut from the page title
    assert a.outlet == "Harbour Gazette"
    assert a.authors == ("Ann Lee",)
    assert a.published == "2024-03-05T10:00:00+00:00"  # time and zone as the page gives them
    assert "READ MORE" not in a.text and "Home" not in a.text
    assert "third in two years" in a.text


def test_readers_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"text": TEXT, "outlet": "Other Outlet", "published": "5 March 2024", "authors": "Ann Lee; Bo Park"}
        ),
        "{not json",
        json.dumps({"html": HTML, "url": "https://harbour.example/fares"}),
        json.dumps({"title": "no body"}),
        json.dumps(["a list"]),
        "",
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    items = list(read([tmp_path / "a.jsonl"]))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article", "Failure", "Failure"]
    first, bad, html, empty, wrong = items
    assert isinstance(first, Article) and first.outlet == "Other Outlet" and first.published == "2024-03-05"
    assert first.authors == ("Ann Lee", "Bo Park")
    assert first.source.endswith("a.jsonl#1")
    assert isinstance(bad, Failure) and bad.source.endswith("a.jsonl#2") and "invalid JSON" in bad.reason
    assert isinstance(html, Article) and html.url == "https://harbour.example/fares" and html.input_format == "html"
    assert isinstance(empty, Failure) and 'no "text" or "html"' in empty.reason
    assert isinstance(wrong, Failure) and "expected a JSON object" in wrong.reason


def test_readers_folder_with_bad_files_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.html").write_text(HTML)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "broken.html").write_text("<html><body><div><p>")
    (tmp_path / "debris-only.txt").write_text("Back to top\n\nShare this article\n")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 3_000_000))
    (tmp_path / ".hidden.txt").write_text(TEXT)
    items = list(read([tmp_path, tmp_path / "missing.txt"], Settings(max_bytes=2_000_000)))
    ok = {Path(i.source).name for i in items if isinstance(i, Article)}
    failed = {Path(i.source).name: i.reason for i in items if isinstance(i, Failure)}
    assert ok == {"good.txt", "good.html"}
    assert failed.keys() == {"empty.txt", "binary.txt", "broken.html", "debris-only.txt", "bomb.txt.gz", "missing.txt"}
    assert failed["empty.txt"] == "empty input"
    assert failed["binary.txt"] == "binary data, not text"
    assert "no article text" in failed["broken.html"]
    assert "only page debris" in failed["debris-only.txt"]
    assert "inflates beyond" in failed["bomb.txt.gz"]
    assert failed["missing.txt"] == "no such file or folder"


def test_readers_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    (article,) = read(["-"])
    assert isinstance(article, Article) and article.source == "<stdin>"


def test_readers_oversize_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 1000)
    (failure,) = read([tmp_path / "big.txt"], Settings(max_bytes=100))
    assert isinstance(failure, Failure) and "100-byte limit" in failure.reason


def test_readers_settings_fill_missing_metadata() -> None:
    (article,) = read_bytes(
        "a.txt", b"The ferry sank on Monday, the coastguard said.", Settings(published="2024-03-05", outlet="Desk")
    )
    assert isinstance(article, Article)
    assert (article.published, article.outlet) == ("2024-03-05", "Desk")
