"""The main job: read inputs, analyse them, and (optionally) store them.

These are the functions the CLI, the web app and Spark call; each is a thin
composition of :mod:`newsdesk.sources`, :mod:`newsdesk.analyze` and
:mod:`newsdesk.store`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.analyze import Pipeline
from newsdesk.model import Article, Failure
from newsdesk.settings import Settings
from newsdesk.sources import read
from newsdesk.store import MemoryStore, Store

if TYPE_CHECKING:
    from newsdesk.stories.brief import Brief

__all__ = ["Report", "brief", "extract", "ingest"]


@dataclass
class Report:
    """What a run did: counts and the failures with their reasons."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    storing: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        """One line for a person: "3 read, 2 stored, 1 already stored, 1 failed"."""
        parts = [f"{self.read} read"]
        if self.storing:
            parts += [f"{self.stored} stored", f"{self.skipped} already stored"]
        return ", ".join([*parts, f"{self.failed} failed"])

    def reasons(self) -> Counter[str]:
        """Failures counted by reason (file names left out)."""
        return Counter(f.reason for f in self.failures)


def extract(
    inputs: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    skip: Callable[[Article], bool] | None = None,
) -> Iterator[Article | Failure]:
    """Read and analyse every input; yield analysed Articles and Failures in order.

    ``skip`` is asked about each article before analysis (the ingest uses it
    to avoid re-analysing articles already stored); skipped articles are
    yielded unanalysed, with empty ``stages``.
    """
    settings = settings or Settings()
    pipeline = pipeline or Pipeline(settings)
    todo: list[Article | Failure] = []

    def flush() -> Iterator[Article | Failure]:
        yield from pipeline.pipe(todo)
        todo.clear()

    for item in read(inputs, settings):
        if isinstance(item, Article) and skip is not None and skip(item):
            yield from flush()
            yield item
            continue
        todo.append(item)
        if len(todo) >= settings.batch_size:
            yield from flush()
    yield from flush()


def ingest(
    inputs: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    *,
    replace: bool = False,
    on_item: Callable[[Article | Failure, bool], None] | None = None,
) -> Report:
    """Read, analyse and store every input. Re-ingesting an article is a no-op.

    Args:
        replace: re-analyse and overwrite articles already stored.
        on_item: called with each item and whether it was newly stored (progress).
    """
    report = Report(storing=True)
    skip = None if replace else (lambda a: a.id in store)
    for item in extract(inputs, settings, skip=skip):
        new = False
        if isinstance(item, Failure):
            report.failures.append(item)
        else:
            report.read += 1
            new = bool(item.stages) and store.put(item, replace=replace)
            if new:
                report.stored += 1
            else:
                report.skipped += 1
        if on_item is not None:
            on_item(item, new)
    return report


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
    from newsdesk.stories.assign import place_in_desk
    from newsdesk.stories.brief import brief_stories

    settings = settings or Settings()
    store = store if store is not None else MemoryStore()
    ids: list[str] = []

    def collect(item: Article | Failure, new: bool) -> None:
        if isinstance(item, Article) and item.id not in ids:
            ids.append(item.id)
        if on_item is not None:
            on_item(item, new)

    report = ingest(inputs, store, settings, on_item=collect)
    links = place_in_desk(store, ids, settings)
    touched = {link.story_id for link in links}
    members = [m for story in sorted(touched) for m in store.story_links(story_id=story)]
    articles = list(store.articles([m.article_id for m in members]))
    return brief_stories(articles, members, embeddings=settings.brief_embeddings), report
