"""The desk's store as requests see it: each call on the calling thread's own connection."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from newsdesk import MemoryStore
from newsdesk.web.desk import Desk


def test_desk_request_store_is_the_calling_threads_connection(tmp_path: Path) -> None:
    desk = Desk(tmp_path / "desk.db")
    store: Any = desk.for_requests()  # looked up on one thread, as FastAPI may run a dependency
    seen: dict[str, Any] = {}

    def handler() -> None:  # ... and used on another, as FastAPI may run the handler
        seen["used"] = store.conn
        seen["own"] = desk.store().conn  # type: ignore[attr-defined]
        seen["count"] = store.count()
        seen["contains"] = "no-such-article" in store

    thread = threading.Thread(target=handler)
    thread.start()
    thread.join()
    try:
        assert seen["used"] is seen["own"]
        assert seen["used"] is not desk.store().conn  # type: ignore[attr-defined]
        assert (seen["count"], seen["contains"]) == (0, False)
    finally:
        desk.close()


def test_desk_request_store_of_an_open_store_is_the_shared_one() -> None:
    desk = Desk(MemoryStore())
    assert desk.for_requests() is desk.store()
