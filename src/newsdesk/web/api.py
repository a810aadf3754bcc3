"""The JSON API under ``/api``: a thin layer over :mod:`newsdesk.web.views` and the ingest jobs.

Listings page with ``limit`` (1–200) and ``offset``; each answer says the
``next_offset``. Errors are ``{"error": …, "status": …, "details": […]}``.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

import newsdesk
from newsdesk.model import to_dict
from newsdesk.store import Store
from newsdesk.web.jobs import Jobs
from newsdesk.web.schemas import (
    ArticleRow,
    EntityView,
    ErrorBody,
    Hit,
    JobView,
    Page,
    PastedArticle,
    StoryOut,
    StoryRow,
    ThreadOut,
    ThreadRow,
)
from newsdesk.web.storyview import story_json, story_rows
from newsdesk.web.threadview import thread_out, thread_rows
from newsdesk.web.views import article_rows, entity_view, job_view, search_hits

__all__ = ["MAX_FILES", "read_ingest_request", "router"]

MAX_FILES = 50
"""Files (or pasted articles) accepted in one ingest request."""

ARTICLE_SCHEMA: dict[str, Any] = json.loads(files("newsdesk").joinpath("schema/article.schema.json").read_text())
ARTICLE_SCHEMA.pop("$id", None)
ARTICLE_SCHEMA.pop("$schema", None)

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in ((400, "Bad input"), (404, "Not found"), (413, "Body too large"), (422, "Invalid parameters"))
}

router = APIRouter(prefix="/api", responses=_ERRORS)

Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def desk_store(request: Request) -> Store:
    """The store for this request: each call on the handler's own thread's connection."""
    store: Store = request.app.state.desk.for_requests()
    return store


def desk_jobs(request: Request) -> Jobs:
    jobs: Jobs = request.app.state.jobs
    return jobs


StoreDep = Annotated[Store, Depends(desk_store)]
JobsDep = Annotated[Jobs, Depends(desk_jobs)]


@router.get("", summary="What this desk holds")
def desk_info(store: StoreDep, request: Request) -> dict[str, Any]:
    return {
        "newsdesk": newsdesk.__version__,
        "store": request.app.state.desk.describe,
        "articles": store.count(),
        "endpoints": sorted({r.path for r in router.routes if hasattr(r, "path")}),
    }


@router.get("/stories", summary="Stories (articles about one event), newest first")
def list_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Page[StoryRow]:
    return story_rows(store, limit=limit, offset=offset)


@router.get(
    "/stories/{story_id}",
    summary="A story: articles, timeline, quotes by speaker, figures, coverage, graph",
    response_model=StoryOut,
)
def get_story(
    store: StoreDep,
    story_id: Annotated[str, Path(max_length=64)],
    category: Annotated[
        str | None, Query(max_length=100, description="Only the timeline's events of this category (CAMEO root).")
    ] = None,
) -> Response:
    body = story_json(store, story_id, category=category or None)  # kept by the store until the story changes
    if body is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return Response(body, media_type="application/json")


@router.get("/threads", summary="Threads (developing storylines: stories that follow one another), newest first")
def list_threads(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Page[ThreadRow]:
    return thread_rows(store, limit=limit, offset=offset)


@router.get("/threads/{thread_id}", summary="A thread: its stories in time order, each with its brief and what changed")
def get_thread(store: StoreDep, thread_id: Annotated[str, Path(max_length=64)]) -> ThreadOut:
    thread = thread_out(store, thread_id)
    if thread is None:
        raise HTTPException(404, f"no thread {thread_id!r}")
    return thread


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    outlet: Annotated[str | None, Query(max_length=500, description="Only this outlet.")] = None,
    entity: Annotated[str | None, Query(max_length=500, description="Only articles naming or quoting it.")] = None,
) -> Page[ArticleRow]:
    return article_rows(store, limit=limit, offset=offset, outlet=outlet, entity=entity)


@router.get(
    "/articles/{article_id}",
    summary="One article in full (its JSON form: text, entities, quotes, figures, dates, events, debris)",
    responses={200: {"content": {"application/json": {"schema": ARTICLE_SCHEMA}}}},
)
def get_article(store: StoreDep, article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    article = store.get(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return to_dict(article)


@router.get("/entities/{name:path}", summary="A person, organisation or place: its articles, quotes and events")
def get_entity(
    store: StoreDep, name: Annotated[str, Path(min_length=1, max_length=500)], limit: Limit = 50, offset: Offset = 0
) -> EntityView:
    view = entity_view(store, name, limit=limit, offset=offset)
    if view is None:
        raise HTTPException(404, f"no article names {name!r}")
    return view


@router.get("/search", summary="Full-text search over articles, quotes and entities")
def search(
    store: StoreDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description="Words to find (the last one of two letters or more also as a prefix).",
        ),
    ],
    kind: Annotated[str | None, Query(pattern="^(article|quote|entity)$", description="Only this kind of hit.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[Hit]:
    return search_hits(store, q, kind=kind, limit=limit, offset=offset)


_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "text": {"type": "string", "description": "A pasted article."},
                        "title": {"type": "string"},
                        "outlet": {"type": "string"},
                        "published": {"type": "string", "description": "ISO date"},
                        "url": {"type": "string"},
                    },
                }
            },
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["articles"],
                    "properties": {"articles": {"type": "array", "items": PastedArticle.model_json_schema()}},
                }
            },
        },
    }
}


async def read_ingest_request(request: Request, max_bytes: int) -> list[tuple[str, bytes]]:
    """The files to ingest from a multipart form (uploads and/or pasted text) or a JSON body.

    Pasted articles become one JSON Lines file, so their title, outlet, date
    and URL are read as metadata by the ordinary JSON Lines reader.

    Raises:
        HTTPException: 400 when the body holds nothing to ingest or cannot be parsed.
    """
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    pasted: list[PastedArticle] = []
    uploads: list[tuple[str, bytes]] = []
    if kind == "application/json":
        try:
            body = json.loads(await request.body())
            items = body["articles"] if isinstance(body, dict) else None
            if not isinstance(items, list):
                raise ValueError('expected {"articles": [...]}')
            pasted = [PastedArticle.model_validate(item) for item in items]
        except (ValueError, KeyError, TypeError) as exc:
            raise HTTPException(400, f"bad JSON body: {str(exc).splitlines()[0]}") from None
    elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=max_bytes)
        except Exception as exc:  # starlette raises its own parse errors for a malformed form
            raise HTTPException(400, f"bad form: {exc}") from None
        try:
            for item in form.getlist("files"):
                if isinstance(item, UploadFile) and item.filename:
                    content = await item.read()
                    if content:
                        uploads.append((item.filename, content))
            text = form.get("text")
            if isinstance(text, str) and text.strip():
                fields = ("title", "outlet", "published", "url")
                meta: dict[str, Any] = {k: v for k in fields if isinstance(v := form.get(k), str) and v.strip()}
                pasted.append(PastedArticle(text=text, **meta))
        finally:
            await form.close()
    else:
        raise HTTPException(400, 'send multipart/form-data (files, text) or application/json ({"articles": [...]})')
    if len(pasted) + len(uploads) > MAX_FILES:
        raise HTTPException(400, f"at most {MAX_FILES} files or articles per request")
    if pasted:
        lines = []
        for article in pasted:
            record = article.model_dump(exclude_none=True)
            if not record.get("authors"):
                record.pop("authors", None)
            if article.text.lstrip().startswith("<"):
                record["html"] = record.pop("text")
            lines.append(json.dumps(record, ensure_ascii=False))
        uploads.append(("pasted.jsonl", ("\n".join(lines) + "\n").encode("utf-8")))
    if not uploads:
        raise HTTPException(400, "nothing to ingest: send files, pasted text, or articles")
    return uploads


@router.post(
    "/ingest",
    status_code=202,
    summary="Ingest uploaded files or pasted articles (analysed in the background; poll the job)",
    openapi_extra=_INGEST_BODY,
)
async def start_ingest(request: Request, jobs: JobsDep) -> JobView:
    files_ = await read_ingest_request(request, request.app.state.max_body_bytes)
    return job_view(await run_in_threadpool(jobs.submit, files_))


@router.get("/jobs", summary="Recent ingests started from the web, newest first")
def list_jobs(jobs: JobsDep, limit: Limit = 20) -> list[JobView]:
    return [job_view(j) for j in jobs.recent(limit)]


@router.get("/jobs/{job_id}", summary="An ingest's progress")
def get_job(jobs: JobsDep, job_id: Annotated[str, Path(max_length=64)]) -> JobView:
    job = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job_view(job)
