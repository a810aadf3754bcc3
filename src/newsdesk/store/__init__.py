"""Storage behind a narrow interface: :class:`Store`, opened with :func:`open_store`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsdesk.store.base import SEARCH_KINDS, ArticleSummary, SearchHit, Store, ThreadSummary
from newsdesk.store.memory import MemoryStore
from newsdesk.store.sqlite import SQLiteStore

__all__ = [
    "BACKENDS",
    "SEARCH_KINDS",
    "ArticleSummary",
    "MemoryStore",
    "SQLiteStore",
    "SearchHit",
    "Store",
    "ThreadSummary",
    "open_store",
]


def _postgres(spec: str) -> Store:
    from newsdesk.extras import require

    require("psycopg", "postgres", "a PostgreSQL desk")
    from newsdesk.store.postgres import PostgresStore  # deferred: psycopg loads only for a PostgreSQL desk

    return PostgresStore(spec)


BACKENDS: dict[str, Callable[[str], Store]] = {
    "memory": lambda _: MemoryStore(),
    "sqlite": lambda spec: SQLiteStore(spec.removeprefix("sqlite:///").removeprefix("sqlite://")),
    "postgresql": _postgres,
    "postgres": _postgres,
}
"""URL scheme → opener; other modules may register more."""


def open_store(spec: str | Path = "newsdesk.db") -> Store:
    """Open a store from a path (SQLite) or a URL (``sqlite:///x.db``, ``memory:``,
    ``postgresql://user:password@host/db``).

    Raises:
        ValueError: for a URL scheme no backend handles, listing those that exist.
    """
    text = str(spec)
    scheme = text.split(":", 1)[0].lower() if "://" in text or text.startswith("memory:") else "sqlite"
    opener = BACKENDS.get(scheme) or BACKENDS.get(scheme.split("+", 1)[0])
    if opener is None:
        raise ValueError(f"No store backend for {scheme!r}. Available: {', '.join(sorted(BACKENDS))}")
    return opener(text)
