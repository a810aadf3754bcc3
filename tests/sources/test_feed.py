from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import Article, Failure, read
from newsdesk.sources.feed import FeedItem, feed_items, fragment_text

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://harbour-gazette.example/</link>
<item>
  <title>Ferry fares to rise in May</title>
  <link>https://harbour-gazette.example/ferry-fares</link>
  <guid isPermaLink="false">hg-101</guid>
  <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
  <author>news@harbour-gazette.example (Ann Lee)</author>
  <description>Fares go up 5%.</description>
  <content:encoded><![CDATA[<p>Ferry fares will rise by 5% in May, the operator Blue Wake Lines said on Monday.</p>
  <p>Chief executive Marta Quintela said the company could not hold fares any longer.</p>
  <script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Dock workers vote to strike</title>
  <link>https://harbour-gazette.example/strike</link>
  <pubDate>Wed, 06 Mar 2024 08:30:00 GMT</pubDate>
  <description>Dock workers at Porto Alto voted on Tuesday to strike for 48 hours next week.</description>
</item>
<item>
  <title>Photo gallery: spring tides</title>
  <link>https://harbour-gazette.example/gallery</link>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Island Post</title>
  <id>urn:island-post</id>
  <updated>2024-03-07T12:00:00Z</updated>
  <entry>
    <title>New bridge approved</title>
    <id>urn:island-post:bridge</id>
    <link href="https://island-post.example/bridge"/>
    <updated>2024-03-07T11:00:00Z</updated>
    <author><name>Ines Moura</name></author>
    <author><name>Paulo Reis</name></author>
    <summary type="html">&lt;p&gt;The regional council approved a bridge to the Lantern Islands
on Wednesday.&lt;/p&gt;</summary>
  </entry>
</feed>"""


def test_feed_rss_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "gazette.xml"
    path.write_text(RSS)
    items = list(read([path]))
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.source == f"{path}#1" and second.source == f"{path}#2"
    assert first.outlet == "Harbour Gazette" and first.title == "Ferry fares to rise in May"
    assert first.url == "https://harbour-gazette.example/ferry-fares"
    assert first.authors == ("Ann Lee",)
    assert first.published == "2024-03-05" and second.published == "2024-03-06"
    assert first.input_format == "feed"
    assert first.text.split("\n\n") == [
        "Ferry fares will rise by 5% in May, the operator Blue Wake Lines said on Monday.",
        "Chief executive Marta Quintela said the company could not hold fares any longer.",
    ]
    assert "Dock workers at Porto Alto voted" in second.text
    assert third == Failure(f"{path}#3", "feed item has no text (only a title and a link; use watch --fetch)")


def test_feed_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "post.atom"
    path.write_text(ATOM)
    (article,) = list(read([path]))
    assert isinstance(article, Article)
    assert article.outlet == "Island Post"
    assert article.authors == ("Ines Moura", "Paulo Reis")
    assert article.published == "2024-03-07"
    assert article.text == "The regional council approved a bridge to the Lantern Islands on Wednesday."


def test_feed_item_keys_are_guid_then_link() -> None:
    items = [i for i in feed_items("f.xml", RSS.encode()) if isinstance(i, FeedItem)]
    assert [i.key for i in items] == [
        "hg-101",
        "https://harbour-gazette.example/strike",
        "https://harbour-gazette.example/gallery",
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>', "no items"),
        (b"<rss version='2.0'><channel><title>Broken", "not an RSS or Atom feed"),
    ],
)
def test_feed_unreadable_feeds_are_one_failure(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    (failure,) = list(read([path]))
    assert isinstance(failure, Failure) and failure.source == str(path) and reason in failure.reason


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("plain words", "plain words"),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("<p>One line\n   wrapped in the source.</p>", "One line wrapped in the source."),
        ("Line one<br>line two", "Line one\nline two"),
        ("<div><p>Kept</p><script>dropped()</script><style>p{}</style></div>", "Kept"),
        ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
        ("", ""),
        ("<p>  </p>", ""),
    ],
)
def test_feed_fragment_text(html: str, expected: str) -> None:
    assert fragment_text(html) == expected
