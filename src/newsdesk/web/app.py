"""The web app: FastAPI, the JSON API under ``/api``, server-rendered pages, and the guards around them.

Guards, outermost first:

* the ``Host`` header must name this machine (a page on another site cannot
  reach the desk through DNS rebinding), else 400;
* request bodies are size-limited (``Content-Length`` checked up front,
  streamed bodies counted), refused with 413 and a JSON error;
* a form or API write from another origin is refused (no cross-site request
  can start an ingest);
* every response carries a Content Security Policy that allows scripts from
  this server only, so even a string that escaped escaping could not run.

Errors are JSON (``{"error": …, "status": …}``) under ``/api`` and a page
elsewhere.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import newsdesk
from newsdesk.settings import Settings
from newsdesk.store import Store
from newsdesk.web import api, pages
from newsdesk.web.desk import Desk
from newsdesk.web.jobs import Jobs
from newsdesk.web.templating import templates

__all__ = ["DEFAULT_MAX_BODY", "create_app"]

DEFAULT_MAX_BODY = 25_000_000
"""Largest request body accepted, in bytes (uploads included)."""

_HERE = Path(str(files("newsdesk.web")))
_SWAGGER = Path(str(files("fastapi_offline").joinpath("static")))

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI sets style attributes from its scripts; everything else stays as strict.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class BodyTooLarge(Exception):
    """Raised inside a request whose streamed body passes the limit."""


class LimitBody:
    """Refuse request bodies over ``max_bytes`` with 413, whether announced or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"error": f"request body larger than {self.max_bytes:,} bytes", "status": 413, "details": []},
            status_code=413,
        )
        await response(scope, receive, send)


class Guard:
    """Refuse unknown ``Host`` headers and writes from other origins; give every response the security headers."""

    def __init__(self, app: ASGIApp, allowed_hosts: list[str]) -> None:
        self.app = app
        self.allowed_hosts = {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if "*" not in self.allowed_hosts and name.lower() not in self.allowed_hosts:
            refusal = JSONResponse({"error": f"unknown host {host!r}", "status": 400, "details": []}, 400)
            await refusal(scope, receive, send)
            return
        origin = headers.get("origin")
        if (
            scope["method"] not in ("GET", "HEAD", "OPTIONS")
            and origin is not None
            and origin.split("://", 1)[-1] != headers.get("host")
        ):
            request = Request(scope, receive)
            response = _error(request, 403, f"cross-origin {scope['method']} refused (origin {origin})")
            await self._with_headers(response, scope, receive, send)
            return
        await self._with_headers(self.app, scope, receive, send)

    @staticmethod
    async def _with_headers(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
        policy = DOCS_CSP if scope["path"] == "/docs" else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", policy)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault(
                    "Referrer-Policy", "same-origin"
                )  # "no-referrer" would make form posts send "Origin: null"
                headers.setdefault("X-Frame-Options", "DENY")
            await send(message)

        await app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path == "/openapi.json" or "text/html" not in request.headers.get("accept", "")


def _error(request: Request, status: int, message: str, details: list[str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status, "details": details or []}, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "details": details or []}, status_code=status
    )


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        details = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
            details.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return _error(request, 422, "invalid request: " + "; ".join(details), details)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> Response:
        return _error(request, 400, str(exc))


def create_app(
    store: str | Path | Store = "newsdesk.db",
    *,
    settings: Settings | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    uploads: Path | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The newsdesk web app over a desk.

    Args:
        store: a SQLite path or store URL, or an open store.
        settings: analysis settings for ingests started from the web.
        max_body_bytes: larger request bodies are refused with 413.
        uploads: where uploaded files are kept (see :class:`~newsdesk.web.desk.Desk`).
        allowed_hosts: ``Host`` header values accepted; by default the loopback names.
    """
    desk = Desk(store, settings=settings, uploads=uploads)
    desk.check()
    jobs = Jobs(desk)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.close()
        desk.close()

    app = FastAPI(
        title="newsdesk",
        version=newsdesk.__version__,
        summary="A sourced record of the story: articles, entities, quotes, figures and stories in a desk.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.desk = desk
    app.state.jobs = jobs
    app.state.max_body_bytes = max_body_bytes
    _install_errors(app)

    app.add_middleware(LimitBody, max_bytes=max_body_bytes)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts or ["127.0.0.1", "localhost", "[::1]"])

    app.mount("/static/swagger", StaticFiles(directory=_SWAGGER), name="swagger")
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "docs.html", {})

    app.include_router(api.router)
    app.include_router(pages.router)
    return app
