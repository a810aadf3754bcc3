"""``--format datasette``: the selected articles, stories and threads as a SQLite desk, and Datasette's metadata.

The desk is written through the :class:`~newsdesk.store.Store` interface
(a :class:`~newsdesk.store.SQLiteStore` at ``OUT/newsdesk.db``), so any desk
— SQLite, PostgreSQL, one story of it — becomes a file Datasette opens with
full-text search, links and labels (:mod:`newsdesk.store.datasette`):
``datasette OUT/newsdesk.db -m OUT/metadata.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from newsdesk.model import Article, StoryLink, ThreadLink
from newsdesk.store import SQLiteStore
from newsdesk.store.datasette import metadata

__all__ = ["DATABASE", "DatasetteSink"]

DATABASE = "newsdesk"
"""The desk's file name without ``.db``: Datasette's name for it, and the key of its metadata."""


class DatasetteSink:
    """``newsdesk.db`` (the articles, their story links and their stories' threads) and ``metadata.json``."""

    targets = (f"{DATABASE}.db", "metadata.json")

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = SQLiteStore(folder / f"{DATABASE}.db")
        self.counts = {"articles": 0, "stories": 0, "threads": 0}

    def write(
        self, articles: Sequence[Article], links: Sequence[StoryLink], threads: Sequence[ThreadLink] = ()
    ) -> None:
        for article in articles:
            self.counts["articles"] += self.store.put(article)
        self.store.put_story_links(links)
        self.counts["stories"] += len(links)
        self.store.put_thread_links(threads)  # after the stories: a thread link names a stored story
        self.counts["threads"] += len(threads)

    def close(self) -> dict[str, int]:
        self.store.close()  # the last connection: SQLite folds the write-ahead log into the file
        text = json.dumps(metadata(DATABASE), ensure_ascii=False, indent=2)
        (self.folder / "metadata.json").write_text(text + "\n", encoding="utf-8")
        return dict(self.counts)
