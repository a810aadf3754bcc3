"""``newsdesk export``: the desk's tables as files other tools read.

:func:`export_desk` walks the desk through the :class:`~newsdesk.store.Store`
interface — the ids a page at a time (:meth:`~newsdesk.store.Store.article_ids`),
the articles, their story links and those stories' thread links
:data:`BATCH` at a time — and hands each batch to the sink of the format,
so an export holds one batch, never the desk. Everything is written into a hidden folder inside ``out`` first and
moved into place at the end: a failed export leaves nothing half-written,
and files already there are replaced only with ``overwrite``.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.export.datasette import DatasetteSink
from newsdesk.export.gkg import FILENAME as GKG_FILE
from newsdesk.export.gkg import GkgSink
from newsdesk.export.tables import CsvSink, JsonlSink, ParquetSink, TableSink
from newsdesk.store import Store
from newsdesk.tables import EXPORT_TABLES

__all__ = ["BATCH", "FORMATS", "ExportError", "ExportReport", "export_desk"]

BATCH = 200
"""Articles read from the store and written at a time."""


class ExportError(Exception):
    """An export that cannot be done, in one line: an unknown story, a folder that cannot be written, …"""


@dataclass(frozen=True)
class _Format:
    sink: Callable[[Path], TableSink]
    targets: tuple[str, ...]
    needs: tuple[str, ...] = ()


FORMATS: dict[str, _Format] = {
    "csv": _Format(CsvSink, tuple(f"{t}.csv" for t in EXPORT_TABLES)),
    "jsonl": _Format(JsonlSink, tuple(f"{t}.jsonl" for t in EXPORT_TABLES)),
    "parquet": _Format(ParquetSink, EXPORT_TABLES, needs=("pyarrow",)),
    "gkg": _Format(GkgSink, (GKG_FILE,)),
    "datasette": _Format(DatasetteSink, DatasetteSink.targets),
}
"""Format name → its sink, the files or folders it writes in ``out``, and the modules it needs."""

_EXTRA = {"pyarrow": "parquet"}  # module → the newsdesk extra that installs it


@dataclass
class ExportReport:
    """What an export wrote: the articles, and rows per table."""

    out: Path
    fmt: str
    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        tables = ", ".join(f"{t} {n}" for t, n in self.rows.items() if t != "articles")
        return f"exported {self.articles} articles to {self.out}/ as {self.fmt}" + (f" ({tables})" if tables else "")


def export_desk(
    store: Store,
    out: str | Path,
    fmt: str,
    *,
    story: str | None = None,
    since: str | None = None,
    overwrite: bool = False,
) -> ExportReport:
    """Write the desk's articles (all, one story's, or those published since a date) as ``fmt`` files in ``out``.

    Args:
        story: a story id (the id of its founding article) or a unique prefix of one.
        since: an ISO date; only the articles published on or after it (undated ones left out).
        overwrite: replace the files of this format already in ``out`` (else they are refused).

    Raises:
        ExportError: for an unknown format or story, a missing library, or an ``out`` that cannot be written.
    """
    chosen = FORMATS.get(fmt)
    if chosen is None:
        raise ExportError(f"no export format {fmt!r}. Available: {', '.join(FORMATS)}")
    for module in chosen.needs:
        if importlib.util.find_spec(module) is None:
            extra = _EXTRA[module]
            raise ExportError(f"--format {fmt} needs {module}, which is not installed: pip install 'newsdesk[{extra}]'")
    ids = _story_ids(store, story) if story is not None else store.article_ids(published_since=since)
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        taken = [t for t in chosen.targets if (folder / t).exists()]
        if taken and not overwrite:
            raise ExportError(f"{folder / taken[0]} already exists (--overwrite replaces it)")
        work = Path(tempfile.mkdtemp(prefix=".newsdesk-export-", dir=folder))
    except OSError as exc:
        raise ExportError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    report = ExportReport(folder, fmt)
    try:
        sink = chosen.sink(work)
        try:
            placed: set[str] = set()  # stories whose thread link is written: a story spans batches
            for chunk in _chunks(ids, BATCH):
                articles = [a for a in store.articles(chunk) if since is None or (a.published or "") >= since]
                links = store.story_links(article_ids=[a.id for a in articles])
                stories = {link.story_id for link in links} - placed
                threads = store.thread_links(story_ids=stories) if stories else []
                placed |= stories
                sink.write(articles, links, threads)
                report.articles += len(articles)
        finally:
            report.rows = sink.close()
        for target in chosen.targets:
            _replace(work / target, folder / target)
    except OSError as exc:
        raise ExportError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def _story_ids(store: Store, story: str) -> list[str]:
    """The articles of a story, by its id or a unique prefix of it."""
    links = store.story_links(story_id=story)
    if not links and story:
        founders = {
            link.story_id
            for link in store.story_links(article_ids=list(store.article_ids(id_prefix=story)))
            if link.story_id == link.article_id
        }
        if len(founders) > 1:
            raise ExportError(f"story id prefix {story!r} is ambiguous: {', '.join(sorted(founders)[:5])}")
        if founders:
            links = store.story_links(story_id=founders.pop())
    if not links:
        raise ExportError(f"no story {story!r} in the desk")
    return [link.article_id for link in links]


def _chunks(ids: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for i in ids:
        chunk.append(i)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _replace(source: Path, target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()
    source.rename(target)
