"""An in-memory store: the reference implementation of the Store contract, for tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from newsdesk.model import Article
from newsdesk.store.base import ArticleSummary

__all__ = ["MemoryStore"]


class MemoryStore:
    """Articles in a dict; nothing survives the process."""

    def __init__(self) -> None:
        self._articles: dict[str, tuple[Article, str]] = {}

    def put(self, article: Article, *, replace: bool = False) -> bool:
        if article.id in self._articles and not replace:
            return False
        new = article.id not in self._articles
        self._articles[article.id] = (article, datetime.now(UTC).isoformat(timespec="seconds"))
        return new or replace

    def get(self, article_id: str) -> Article | None:
        found = self._articles.get(article_id)
        return found[0] if found else None

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def count(self) -> int:
        return len(self._articles)

    def list(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[ArticleSummary]:
        rows = [
            ArticleSummary(a.id, a.source, a.outlet, a.title, a.published, at, len(a.entities), len(a.quotes))
            for a, at in self._articles.values()
            if outlet is None or a.outlet == outlet
        ]
        rows.sort(key=lambda r: (r.published or "", r.ingested_at, r.id), reverse=True)
        return rows[offset : offset + limit]

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        keys = list(self._articles) if ids is None else list(ids)
        for key in keys:
            if key in self._articles:
                yield self._articles[key][0]

    def close(self) -> None:
        self._articles.clear()
