"""The main jobs: read inputs, analyse them, and (optionally) store and place them.

These are the functions the CLI, the web app and Python users call; each is a
thin use of :func:`newsdesk.workflow.run` (read → analyse → store → place),
so an article is placed in its story however it enters the desk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.analyze import Pipeline
from newsdesk.model import Article, Failure
from newsdesk.settings import Settings
from newsdesk.sources import read
from newsdesk.store import MemoryStore, Store
from newsdesk.workers import analyse
from newsdesk.workflow import Report, run

if TYPE_CHECKING:
    from newsdesk.stories.brief import Brief

__all__ = ["Report", "brief", "extract", "ingest"]


def extract(
    inputs: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    skip: Callable[[Article], bool] | None = None,
) -> Iterator[Article | Failure]:
    """Read and analyse every input; yield analysed Articles and Failures in input order.

    The analysis runs on ``settings.jobs`` processes (0: one per core; see
    :mod:`newsdesk.workers`); the output is the same whatever the number.
    ``skip`` is asked about each article before analysis; skipped articles
    are yielded unanalysed, with empty ``stages``.
    """
    settings = settings or Settings()
    yield from analyse(read(inputs, settings), settings, skip=skip, pipeline=pipeline)


def ingest(
    inputs: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    *,
    replace: bool = False,
    stories: bool = True,
    on_item: Callable[[Article | Failure, bool], None] | None = None,
) -> Report:
    """Read, analyse and store every input, and place it in its story. Re-ingesting is a no-op.

    Args:
        replace: re-analyse and overwrite articles already stored.
        stories: place the articles in the desk's stories (``False``: store the records only).
        on_item: called with each item and whether it was newly stored (progress).
    """
    settings = settings or Settings()
    return run(
        read(inputs, settings), store, settings, replace=replace, placers=None if stories else (), on_item=on_item
    )


def brief(
    inputs: Iterable[str | Path],
    store: Store | None = None,
    settings: Settings | None = None,
    *,
    on_item: Callable[[Article | Failure, bool], None] | None = None,
) -> tuple[list[Brief], Report]:
    """Read, analyse and store ``inputs``, place them in stories, and brief every story they touch.

    Each brief covers the whole story as the desk holds it (articles stored
    earlier included). Without a ``store``, a throwaway in-memory desk is used.
    ``on_item`` is called as by :func:`ingest` (progress).
    """
    from newsdesk.stories.brief import brief_stories

    settings = settings or Settings()
    store = store if store is not None else MemoryStore()
    ids: dict[str, None] = {}

    def collect(item: Article | Failure, new: bool) -> None:
        if isinstance(item, Article):
            ids[item.id] = None
        if on_item is not None:
            on_item(item, new)

    report = ingest(inputs, store, settings, on_item=collect)
    touched = {link.story_id for link in store.story_links(article_ids=list(ids))}
    members = [m for story in sorted(touched) for m in store.story_links(story_id=story)]
    articles = list(store.articles([m.article_id for m in members]))
    return brief_stories(articles, members, embeddings=settings.brief_embeddings), report
