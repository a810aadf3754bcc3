"""The desk on the web: ``newsdesk serve`` — HTML pages and a JSON API over a store.

    from newsdesk.web import create_app, serve
    app = create_app("newsdesk.db")          # a FastAPI app (ASGI)
    serve("newsdesk.db", port=8000)          # run it on 127.0.0.1:8000

Everything here goes through the Python API and the :class:`~newsdesk.store.Store`
interface; no SQL lives outside ``newsdesk.store``.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.settings import Settings
from newsdesk.store import Store
from newsdesk.web.app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app", "serve"]

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def serve(
    store: str | Path | Store = "newsdesk.db",
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    log_level: str = "info",
) -> None:
    """Run the web app with uvicorn until interrupted.

    Binds to loopback by default: the desk has no login, so exposing it on a
    network is a choice the caller makes by passing another ``host``.
    """
    import uvicorn

    named = f"[{host}]" if ":" in host and not host.startswith("[") else host
    hosts = [*LOOPBACK, named] if host not in ("0.0.0.0", "::") else ["*"]
    app = create_app(store, settings=settings, max_body_bytes=max_body_bytes, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
