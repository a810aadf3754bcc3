"""The narrow interface every store implements.

Code outside ``newsdesk.store`` talks to :class:`Store` only, so a desk can
live in SQLite (the default), in memory (tests) or, later, in PostgreSQL.
The contract every backend honours:

* ``put`` of an article whose id is already stored is a no-op (``False``),
  unless ``replace=True``; either way the article is written whole or not at
  all, never half.
* ``get`` returns exactly what was put (``==`` holds).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from newsdesk.model import Article

__all__ = ["ArticleSummary", "Store"]


@dataclass(frozen=True)
class ArticleSummary:
    """One row of a listing: enough to show an article without loading its analysis."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    ingested_at: str
    n_entities: int
    n_quotes: int


@runtime_checkable
class Store(Protocol):
    """Where analysed articles live."""

    def put(self, article: Article, *, replace: bool = False) -> bool:
        """Store an article; False when its id was already there (and nothing changed)."""
        ...

    def get(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        ...

    def __contains__(self, article_id: object) -> bool: ...

    def count(self) -> int:
        """How many articles are stored."""
        ...

    def list(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[ArticleSummary]:
        """Stored articles, newest first (by publication date, then ingest time)."""
        ...

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles in full: those of ``ids``, or all of them."""
        ...

    def close(self) -> None:
        """Release the store's resources."""
        ...
