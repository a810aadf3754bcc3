"""The desk's tables as files: CSV, JSON Lines and Parquet, one table at a time, streamed.

Each writer gets rows batch by batch (:meth:`TableSink.write`) and keeps at
most one buffered row group in memory, so the size of a desk never matters.
The columns are :func:`newsdesk.tables.columns` — the schemas of the Spark
output — in that order, every table written even when it has no row:

* ``csv``: ``TABLE.csv`` with a header row (RFC 4180, UTF-8). A list or
  record (``sentences``, ``entities.mentions``, ``quotes.speaker_mention``)
  is a JSON text in its cell; an empty cell is null; booleans are
  ``true``/``false``.
* ``jsonl``: ``TABLE.jsonl``, one JSON object per row, lists and records as
  JSON.
* ``parquet``: ``TABLE/part-00000.parquet``, one folder per table as Spark
  writes it, a row group per :data:`ROW_GROUP` rows or :data:`ROW_GROUP_CHARS`
  characters of text (so ``spark.read.parquet("OUT/quotes")`` and
  :func:`newsdesk.spark.load_articles` read an export), typed with the Arrow
  equivalents of the Spark types (``int`` is int32, lists and structs
  nested). Needs ``pyarrow`` (``pip install 'newsdesk[parquet]'``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from newsdesk.model import Article, StoryLink, ThreadLink
from newsdesk.tables import EXPORT_TABLES, ColumnType, columns, mention_rows, story_row, table_rows, thread_row

__all__ = [
    "ROW_GROUP",
    "ROW_GROUP_CHARS",
    "CsvSink",
    "JsonlSink",
    "ParquetSink",
    "TableSink",
    "arrow_type",
    "desk_rows",
]

ROW_GROUP = 10_000
"""Rows a Parquet writer buffers per table before writing them out as one row group."""

ROW_GROUP_CHARS = 4_000_000
"""…or characters of text, whichever comes first: 10,000 article rows would hold 10,000 texts."""


def desk_rows(
    articles: Iterable[Article], links: Iterable[StoryLink], threads: Iterable[ThreadLink] = ()
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(table, row)`` for a batch of articles, their story links and their stories' thread links,
    for every table of the export."""
    for article in articles:
        yield from table_rows(article)
        for row in mention_rows(article):
            yield "mentions", row
    for link in links:
        yield "stories", story_row(link)
    for thread in threads:
        yield "threads", thread_row(thread)


class TableSink(Protocol):
    """Where a batch of the desk goes; :meth:`close` says how many rows each table got.

    A batch is articles, their story links, and the thread links of the stories
    that no earlier batch had (each story's thread comes once).
    """

    def write(
        self, articles: Sequence[Article], links: Sequence[StoryLink], threads: Sequence[ThreadLink] = ()
    ) -> None: ...

    def close(self) -> dict[str, int]: ...


class _TextSink:
    """One text file per table, a row written as soon as it comes."""

    suffix = ""

    def __init__(self, folder: Path) -> None:
        self.columns = {table: columns(table) for table in EXPORT_TABLES}
        self.counts = dict.fromkeys(EXPORT_TABLES, 0)
        self.files: dict[str, IO[str]] = {}
        for table in EXPORT_TABLES:
            self.files[table] = (folder / f"{table}{self.suffix}").open("w", encoding="utf-8", newline="")
            self.start(table)

    def start(self, table: str) -> None:
        """Write what comes before the rows (a header)."""

    def row(self, table: str, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def write(
        self, articles: Sequence[Article], links: Sequence[StoryLink], threads: Sequence[ThreadLink] = ()
    ) -> None:
        for table, row in desk_rows(articles, links, threads):
            self.row(table, row)
            self.counts[table] += 1

    def close(self) -> dict[str, int]:
        for f in self.files.values():
            f.close()
        return dict(self.counts)


class CsvSink(_TextSink):
    """``TABLE.csv``: a header, then one line per row; lists and records as JSON text."""

    suffix = ".csv"

    def __init__(self, folder: Path) -> None:
        self.writers: dict[str, Any] = {}
        super().__init__(folder)

    def start(self, table: str) -> None:
        self.writers[table] = csv.writer(self.files[table])
        self.writers[table].writerow([name for name, _ in self.columns[table]])

    def row(self, table: str, row: dict[str, Any]) -> None:
        self.writers[table].writerow([_cell(row.get(name), kind) for name, kind in self.columns[table]])


def _cell(value: Any, kind: ColumnType) -> str:
    if value is None:
        return ""
    if kind.nested:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class JsonlSink(_TextSink):
    """``TABLE.jsonl``: one JSON object per row, its keys the table's columns in order."""

    suffix = ".jsonl"

    def row(self, table: str, row: dict[str, Any]) -> None:
        record = {name: row.get(name) for name, _ in self.columns[table]}
        self.files[table].write(json.dumps(record, ensure_ascii=False) + "\n")


def arrow_type(kind: ColumnType) -> Any:
    """The Arrow type of a column type (the Parquet types Spark writes for the same DDL)."""
    import pyarrow as pa

    if kind.kind == "array":
        assert kind.element is not None
        return pa.list_(arrow_type(kind.element))
    if kind.kind == "struct":
        return pa.struct([pa.field(name, arrow_type(t)) for name, t in kind.fields])
    return {"string": pa.string(), "int": pa.int32(), "double": pa.float64(), "boolean": pa.bool_()}[kind.kind]


class ParquetSink:
    """``TABLE/part-00000.parquet``: rows buffered per table and written :data:`ROW_GROUP` at a time."""

    def __init__(self, folder: Path, row_group: int = ROW_GROUP, row_group_chars: int = ROW_GROUP_CHARS) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.row_group, self.row_group_chars = row_group, row_group_chars
        self.schemas = {
            table: pa.schema([pa.field(name, arrow_type(kind)) for name, kind in columns(table)])
            for table in EXPORT_TABLES
        }
        self.writers: dict[str, Any] = {}
        for table, schema in self.schemas.items():
            (folder / table).mkdir()
            self.writers[table] = pq.ParquetWriter(folder / table / "part-00000.parquet", schema)
        self.buffers: dict[str, list[dict[str, Any]]] = {table: [] for table in EXPORT_TABLES}
        self.chars = dict.fromkeys(EXPORT_TABLES, 0)
        self.counts = dict.fromkeys(EXPORT_TABLES, 0)

    def write(
        self, articles: Sequence[Article], links: Sequence[StoryLink], threads: Sequence[ThreadLink] = ()
    ) -> None:
        for table, row in desk_rows(articles, links, threads):
            self.buffers[table].append(row)
            self.chars[table] += sum(len(v) for v in row.values() if isinstance(v, str))
            self.counts[table] += 1
            if len(self.buffers[table]) >= self.row_group or self.chars[table] >= self.row_group_chars:
                self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa

        rows, self.buffers[table], self.chars[table] = self.buffers[table], [], 0
        if rows:
            self.writers[table].write_table(pa.Table.from_pylist(rows, schema=self.schemas[table]))

    def close(self) -> dict[str, int]:
        for table in EXPORT_TABLES:
            self._flush(table)
            self.writers[table].close()
        return dict(self.counts)
