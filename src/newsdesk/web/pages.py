"""The HTML pages: each renders what its JSON endpoint returns (see :mod:`newsdesk.web.views`).

Pages work without JavaScript (links, forms, ``<details>``); the small
scripts in ``static/`` only add the charts and live ingest progress.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from newsdesk.web.api import JobsDep, Limit, Offset, StoreDep, read_ingest_request
from newsdesk.web.schemas import StoryOut
from newsdesk.web.storyview import story_json, story_rows
from newsdesk.web.templating import templates
from newsdesk.web.threadview import thread_out, thread_rows
from newsdesk.web.views import article_rows, article_view, entity_view, job_view, search_hits

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def _render(request: Request, name: str, **context: object) -> Response:
    return templates.TemplateResponse(request, name, context)


@router.get("/")
def home(request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Response:
    return _render(request, "stories.html", page=story_rows(store, limit=limit, offset=offset), total=store.count())


@router.get("/stories/{story_id}")
def story(
    request: Request,
    store: StoreDep,
    story_id: Annotated[str, Path(max_length=64)],
    category: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    body = story_json(store, story_id, category=category or None)
    if body is None:
        raise HTTPException(404, f"no story {story_id!r}")
    out = StoryOut.model_validate_json(body)
    return _render(request, "story.html", story=out, timeline_json=[e.model_dump() for e in out.timeline])


@router.get("/threads")
def threads(request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Response:
    return _render(request, "threads.html", page=thread_rows(store, limit=limit, offset=offset))


@router.get("/threads/{thread_id}")
def thread(request: Request, store: StoreDep, thread_id: Annotated[str, Path(max_length=64)]) -> Response:
    view = thread_out(store, thread_id)
    if view is None:
        raise HTTPException(404, f"no thread {thread_id!r}")
    return _render(request, "thread.html", thread=view)


@router.get("/articles")
def articles(
    request: Request,
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    outlet: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    page = article_rows(store, limit=limit, offset=offset, outlet=outlet)
    return _render(request, "articles.html", page=page, total=store.count(), outlet=outlet)


@router.get("/articles/{article_id}")
def article(
    request: Request,
    store: StoreDep,
    article_id: Annotated[str, Path(max_length=64)],
    hl: Annotated[str | None, Query(max_length=20, description="START-END: characters to highlight")] = None,
) -> Response:
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    span = None
    if hl and (m := _SPAN.match(hl)):
        span = (int(m.group(1)), int(m.group(2)))
    people = {link.name: link.person for link in store.person_links(article_ids=[found.id])}
    return _render(request, "article.html", view=article_view(found, highlight=span, people=people))


@router.get("/entities/{name:path}")
def entity(
    request: Request,
    store: StoreDep,
    name: Annotated[str, Path(min_length=1, max_length=500)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    view = entity_view(store, name, limit=limit, offset=offset)
    if view is None:
        raise HTTPException(404, f"no article names {name!r}")
    return _render(request, "entity.html", view=view)


@router.get("/search")
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)] = "",
    kind: Annotated[str | None, Query(pattern="^(article|quote|entity)?$")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    page = search_hits(store, q, kind=kind or None, limit=limit, offset=offset) if q.strip() else None
    return _render(request, "search.html", q=q, kind=kind or "", page=page)


@router.get("/upload")
def upload_form(request: Request, jobs: JobsDep) -> Response:
    return _render(request, "upload.html", jobs=[job_view(j) for j in jobs.recent(10)])


@router.post("/upload")
async def upload(request: Request, jobs: JobsDep) -> Response:
    files = await read_ingest_request(request, request.app.state.max_body_bytes)
    job = await run_in_threadpool(jobs.submit, files)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def job(request: Request, jobs: JobsDep, job_id: Annotated[str, Path(max_length=64)]) -> Response:
    found = jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return _render(request, "job.html", job=job_view(found))
