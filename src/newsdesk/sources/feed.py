"""RSS and Atom feeds: one article per item, read with feedparser.

A feed item carries its own metadata (link, title, authors, date, and the
feed's title as the outlet) and either the full text (``content:encoded``,
Atom ``content``) or only a summary. newsdesk takes the fullest text the item
has; the page behind the link is fetched only when the user asks for it
(``newsdesk watch --fetch``), never here: reading a feed file never touches
the network.

The ``source`` of an item is ``FEED#N`` (its position in the feed), as for
JSON Lines; :func:`item_key` gives the stable key (guid, else link) that
``newsdesk watch`` uses to know which items it has already seen.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsdesk.model import Article, Failure
from newsdesk.sources.detect import ReadError
from newsdesk.sources.meta import Meta
from newsdesk.sources.text import article_from_text

__all__ = ["FeedItem", "feed_items", "fragment_text", "item_key", "read_feed"]

_BLOCKS = frozenset(
    "p div section article blockquote li ul ol h1 h2 h3 h4 h5 h6 pre table tr figure figcaption header footer".split()
)
_DROPPED = frozenset(("script", "style", "noscript", "iframe", "template"))
_SPACES = re.compile(r"\s+")
_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^)]+)\)$")


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed, before it becomes an article."""

    source: str
    key: str
    meta: Meta
    html: str


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one paragraph per block."""
    if "<" not in html:
        return html.strip()
    import lxml.html  # trafilatura's own dependency

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types on hopeless markup
        return re.sub(r"<[^>]+>", " ", html).strip()
    for el in root.iter():  # HTML whitespace: runs of spaces and line breaks in the source are one space
        if el.text:
            el.text = _SPACES.sub(" ", el.text)
        if el.tail:
            el.tail = _SPACES.sub(" ", el.tail)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _DROPPED:
            el.drop_tree()
        elif tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _authors(entry: Any) -> tuple[str, ...]:
    """Author names; RSS's "email (Name)" form gives the name (read from the raw field,
    since feedparser's own split of it can cut the name)."""
    raw = str(entry.get("author") or "").strip()
    if m := _EMAIL_NAME.match(raw):
        return (m["name"].strip(),)
    names: list[str] = []
    for author in entry.get("authors") or []:
        name = str(author.get("name") or "").strip()
        if name and "@" not in name and name not in names:
            names.append(name)
    return tuple(names)


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if isinstance(parsed, time.struct_time):
        return time.strftime("%Y-%m-%d", parsed)
    return None


def _body(entry: Any) -> str:
    """The fullest text an item carries: its content, else its summary."""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def item_key(entry: Any) -> str | None:
    """A stable key for a feed item: its guid, else its link, else its title."""
    for field in ("id", "link", "title"):
        value = entry.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def feed_items(name: str, data: bytes) -> Iterator[FeedItem | Failure]:
    """The items of a feed document, in feed order.

    Raises:
        ReadError: when the bytes are not a feed feedparser can read.
    """
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        if problem is not None or not parsed.get("version"):
            raise ReadError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
        raise ReadError("the feed has no items")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{name}#{n}"
        key = item_key(entry)
        if key is None:
            yield Failure(where, "feed item with no id, link or title")
            continue
        link = entry.get("link")
        meta = Meta(
            url=link.strip() if isinstance(link, str) and link.strip() else None,
            outlet=outlet,
            title=(entry.get("title") or "").strip() or None,
            authors=_authors(entry),
            published=_published(entry),
        )
        yield FeedItem(where, key, meta, _body(entry))


def article_from_item(item: FeedItem) -> Article:
    """The article a feed item carries itself (no fetching).

    Raises:
        ReadError: when the item has no text beyond its title.
    """
    text = fragment_text(item.html)
    if not text:
        raise ReadError("feed item has no text (only a title and a link; use watch --fetch)")
    return article_from_text(item.source, text, item.meta, input_format="feed")


def read_feed(name: str, data: bytes) -> Iterator[Article | Failure]:
    """Articles from a feed document, one per item; a Failure for an item without text."""
    for item in feed_items(name, data):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield article_from_item(item)
        except ReadError as exc:
            yield Failure(item.source, str(exc))
