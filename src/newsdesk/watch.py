"""Watching a feed: ingest the items not seen before, again and again.

``newsdesk watch FEED`` reads an RSS/Atom feed (a file, or a URL the user
gave), skips the items it has already seen, and analyses and stores the new
ones. What counts as seen is the item's guid (else its link), kept in a small
JSON state file per desk, so that an item is never fetched twice; the store's
own rule (an article id is stored once) means that even a lost state file
never duplicates anything, it only costs a re-read.

The network is used only when the user asks for it: the feed URL they give,
and, with ``fetch_pages=True`` (``--fetch``), the page behind each new item's
link (feeds often carry only a summary). Nothing else is fetched.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsdesk.analyze import Pipeline
from newsdesk.model import Article, Failure
from newsdesk.settings import Settings
from newsdesk.sources.detect import ReadError, inflate
from newsdesk.sources.feed import FeedItem, article_from_item, feed_items
from newsdesk.sources.html import article_from_html
from newsdesk.store import Store
from newsdesk.workflow import Report, run

__all__ = ["SeenItems", "fetch_url", "is_url", "watch_once"]

Fetcher = Callable[[str, int], bytes]

MAX_SEEN_PER_FEED = 20_000
"""Keys kept per feed; the oldest are forgotten first (a feed shows far fewer items)."""


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL (the only kind newsdesk fetches)."""
    return text.lower().startswith(("http://", "https://"))


def fetch_url(url: str, max_bytes: int, *, timeout: float = 20.0) -> bytes:
    """The body of an http(s) URL, refusing more than ``max_bytes``.

    Raises:
        ReadError: with a one-line reason (HTTP status, network error, size).
    """
    if not is_url(url):
        raise ReadError(f"not an http(s) URL: {url}")
    from newsdesk import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"newsdesk/{__version__} (feed watch)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise ReadError(f"HTTP {exc.code} {exc.reason} fetching {url}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ReadError(f"cannot fetch {url} ({reason})") from None
    if len(data) > max_bytes:
        raise ReadError(f"{url} is larger than the {max_bytes:,}-byte limit")
    if data[:2] == b"\x1f\x8b":
        data = inflate(data, max_bytes)
    return data


@dataclass
class SeenItems:
    """The feed items already handled, by feed, in a JSON file (written atomically)."""

    path: Path | None
    feeds: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None) -> SeenItems:
        """The state in ``path`` (empty when the file does not exist yet; ``None`` keeps it in memory).

        Raises:
            ReadError: when the file exists but is not a newsdesk watch state.
        """
        if path is None:
            return cls(None)
        path = Path(path)
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            feeds = {str(f): {str(k): str(v) for k, v in seen.items()} for f, seen in data["feeds"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ReadError(f"{path}: not a newsdesk watch state file ({type(exc).__name__})") from None
        return cls(path, feeds)

    def __contains__(self, feed_and_key: object) -> bool:
        if not isinstance(feed_and_key, tuple) or len(feed_and_key) != 2:
            return False
        feed, key = feed_and_key
        return key in self.feeds.get(str(feed), {})

    def add(self, feed: str, key: str) -> None:
        seen = self.feeds.setdefault(feed, {})
        seen[key] = datetime.now(UTC).isoformat(timespec="seconds")
        while len(seen) > MAX_SEEN_PER_FEED:
            del seen[next(iter(seen))]

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"feeds": self.feeds}, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.path)


def _feed_bytes(feed: str, settings: Settings, fetcher: Fetcher) -> bytes:
    if is_url(feed):
        return fetcher(feed, settings.max_bytes)
    try:
        with Path(feed).open("rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        raise ReadError(f"cannot read ({exc.strerror or exc})") from None
    if len(data) > settings.max_bytes:
        raise ReadError(f"larger than the {settings.max_bytes:,}-byte limit")
    return inflate(data, settings.max_bytes) if data[:2] == b"\x1f\x8b" else data


def _article(item: FeedItem, page: bytes | None, settings: Settings) -> Article:
    """The article of a new item: from the page behind its link when fetched, else its own text."""
    if page is not None and item.meta.url:
        article = article_from_html(item.meta.url, page, item.meta)
    else:
        article = article_from_item(item)
    if (settings.published and not article.published) or (settings.outlet and not article.outlet):
        article = article.copy_with(
            published=article.published or settings.published, outlet=article.outlet or settings.outlet
        )
    return article


def watch_once(
    feed: str,
    store: Store,
    settings: Settings | None = None,
    *,
    seen: SeenItems | None = None,
    fetch_pages: bool = False,
    fetcher: Fetcher = fetch_url,
    stories: bool = True,
    pipeline: Pipeline | None = None,
    on_item: Callable[[Article | Failure, bool], None] | None = None,
) -> Report:
    """Read ``feed`` once; analyse, store and place in stories the items not seen before.

    The new items go through :func:`newsdesk.workflow.run`, as files do
    through ``newsdesk ingest`` (worker processes, ``stories=False`` for the
    records only). An item whose page cannot be fetched is reported and *not*
    marked seen, so the next run tries again; an item that has no text is
    reported once.

    Returns:
        The run's Report: ``read`` counts the items not seen before, ``stored``
        those stored anew, ``skipped`` the items seen before or already in the store.
    """
    settings = settings or Settings()
    seen = seen if seen is not None else SeenItems(None)
    try:
        items = list(feed_items(feed, _feed_bytes(feed, settings, fetcher)))
    except ReadError as exc:
        report = Report(storing=True)
        failure = Failure(feed, str(exc))
        report.failures.append(failure)
        if on_item is not None:
            on_item(failure, False)
        return report
    keys: dict[str, str] = {}
    seen_before = 0

    def new_items() -> Iterator[Article | Failure]:
        nonlocal seen_before
        for item in items:
            if isinstance(item, Failure):
                yield item
            elif (feed, item.key) in seen:
                seen_before += 1
            else:
                page = None
                if fetch_pages and item.meta.url:
                    try:
                        page = fetcher(item.meta.url, settings.max_bytes)
                    except ReadError as exc:  # maybe transient: not marked seen, tried again next run
                        yield Failure(item.source, str(exc))
                        continue
                try:
                    article = _article(item, page, settings)
                except ReadError as exc:
                    seen.add(feed, item.key)
                    yield Failure(item.meta.url if page is not None and item.meta.url else item.source, str(exc))
                    continue
                keys[article.source] = item.key
                yield article

    def mark(item: Article | Failure, new: bool) -> None:
        if isinstance(item, Article):
            seen.add(feed, keys[item.source])
        if on_item is not None:
            on_item(item, new)

    report = run(new_items(), store, settings, placers=None if stories else (), pipeline=pipeline, on_item=mark)
    report.skipped += seen_before
    seen.save()
    return report
