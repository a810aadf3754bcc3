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

from newsdesk.analyze import Pipeline
from newsdesk.model import Article, Failure
from newsdesk.settings import Settings
from newsdesk.sources import read
from newsdesk.store import Store

__all__ = ["Report", "extract", "ingest"]


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
