"""The desk behind the web app: how request threads and the ingest worker reach the store.

The app serves requests from a thread pool while an ingest writes in a
worker thread. A SQLite desk gives each thread its own connection (WAL lets
readers work while the worker writes; one connection is never shared between
threads mid-transaction). A store object handed in directly (a
:class:`~newsdesk.store.MemoryStore` in tests, or any other backend) is
shared, so every call to it is made under one lock.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from newsdesk.settings import Settings
from newsdesk.store import Store, open_store

__all__ = ["Desk"]


class _Locked:
    """A store shared between threads: every call runs under one lock.

    Iterators (``articles``) are drained under the lock, so a reader never
    sees a writer's half-finished change.
    """

    def __init__(self, store: Store, lock: threading.RLock) -> None:
        self._store = store
        self._lock = lock

    def __contains__(self, item: object) -> bool:
        with self._lock:
            return item in self._store

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                result = attr(*args, **kwargs)
                if isinstance(result, Iterator):
                    return iter(list(result))
                return result

        return call


class _CallersThread:
    """A desk's store that is, at each call, the calling thread's own connection.

    FastAPI may run a request's dependencies and its handler on different
    threads of its pool: a connection looked up in the dependency's thread
    and used in the handler's would serve two requests at once (seen as rare
    500s, "another row available", when four clients read a large desk).
    """

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def __contains__(self, item: object) -> bool:
        return item in self._desk.store()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._desk.store(), name)


class Desk:
    """Where the app's store, settings and upload folder live.

    Args:
        store: a path or store URL (each thread opens its own connection), or
            an open :class:`Store` (shared, called under a lock).
        settings: the analysis settings used by ingests from the web.
        uploads: where uploaded and pasted articles are kept (they are the
            ``source`` of what is stored from them); by default a folder next
            to a SQLite desk, else a temporary one.
    """

    def __init__(self, store: str | Path | Store, *, settings: Settings | None = None, uploads: Path | None = None):
        self.settings = settings or Settings()
        self._lock = threading.RLock()
        self._local = threading.local()
        self._opened: list[Store] = []
        if isinstance(store, str | Path):
            self.spec: str | None = str(store)
            self._shared: Store | None = None
            self.describe = self.spec
        else:
            self.spec = None
            self._shared = cast(Store, _Locked(store, self._lock))
            self.describe = type(store).__name__
        self.uploads = uploads or _default_uploads(self.spec)

    def store(self) -> Store:
        """The store for the calling thread (opened on first use)."""
        if self._shared is not None:
            return self._shared
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            assert self.spec is not None
            store = open_store(self.spec)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def for_requests(self) -> Store:
        """The store for a request: shared under a lock, or the calling thread's own at each call."""
        return self._shared if self._shared is not None else cast(Store, _CallersThread(self))

    def check(self) -> None:
        """Open the store once now, so that a bad ``--db`` fails at start-up, not at the first request."""
        self.store()

    def close(self) -> None:
        """Close every connection the desk opened (at shutdown)."""
        with self._lock:
            for store in self._opened:
                _quietly(store.close)
            self._opened.clear()
        self._local = threading.local()


def _default_uploads(spec: str | None) -> Path:
    if spec and "://" not in spec and not spec.startswith("memory:") and spec != ":memory:":
        db = Path(spec)
        return db.with_name(db.name + ".uploads")
    import tempfile

    return Path(tempfile.mkdtemp(prefix="newsdesk-uploads-"))


def _quietly(close: Callable[[], None]) -> None:
    with contextlib.suppress(Exception):  # a connection owned by a finished thread may refuse; nothing is lost
        close()
