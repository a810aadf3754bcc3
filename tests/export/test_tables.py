"""Every table format read back as a user would (pandas, pyarrow) and checked against the store."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.json as pajson
import pyarrow.parquet as pq
import pytest

from newsdesk import Article, MemoryStore, SQLiteStore, Store, StoryLink, ThreadLink
from newsdesk.export import BATCH, ExportError, export_desk
from newsdesk.export.tables import ROW_GROUP, arrow_type
from newsdesk.tables import (
    EXPORT_TABLES,
    ColumnType,
    article_from_rows,
    columns,
    mention_rows,
    story_row,
    thread_row,
)

from .desk import fill

Rows = dict[str, list[dict[str, Any]]]


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s: Store = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "desk.db")
    yield s
    s.close()


def _typed(value: str, kind: ColumnType) -> Any:
    """A CSV cell as its column's value (how a user decodes the export with its schema)."""
    if value == "":
        return None
    if kind.nested:
        return json.loads(value)
    return {"int": int, "double": float, "boolean": lambda v: v == "true"}.get(kind.kind, str)(value)


def read_csv(out: Path) -> Rows:
    rows: Rows = {}
    for table in EXPORT_TABLES:
        frame = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == [name for name, _ in columns(table)]
        kinds = dict(columns(table))
        rows[table] = [{k: _typed(v, kinds[k]) for k, v in r.items()} for r in frame.to_dict("records")]
    return rows


def read_jsonl(out: Path) -> Rows:
    rows: Rows = {}
    for table in EXPORT_TABLES:
        path = out / f"{table}.jsonl"
        schema = pa.schema(
            [pa.field(name, arrow_type(kind)) for name, kind in columns(table)]
        )  # else dates become timestamps
        options = pajson.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
        rows[table] = pajson.read_json(path, parse_options=options).to_pylist() if path.stat().st_size else []
    return rows


def read_parquet(out: Path) -> Rows:
    rows: Rows = {}
    for table in EXPORT_TABLES:
        data = pq.read_table(out / table)
        assert data.schema.names == [name for name, _ in columns(table)]
        assert [f.type for f in data.schema] == [arrow_type(kind) for _, kind in columns(table)]
        rows[table] = data.to_pylist()
    return rows


READERS = {"csv": read_csv, "jsonl": read_jsonl, "parquet": read_parquet}


def articles_back(rows: Rows) -> dict[str, Article]:
    """The articles rebuilt from the exported tables alone."""
    children: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for table in ("entities", "quotes", "amounts", "dates", "events"):
        for row in rows[table]:
            children[row["article_id"]][table].append(row)
    return {row["id"]: article_from_rows(row, children[row["id"]]) for row in rows["articles"]}


@pytest.mark.parametrize("fmt", list(READERS))
def test_export_tables_hold_the_desk_whole(store: Store, fmt: str, tmp_path: Path) -> None:
    stored = fill(store)
    report = export_desk(store, tmp_path / "out", fmt)
    rows = READERS[fmt](tmp_path / "out")
    assert articles_back(rows) == {a.id: a for a in stored}  # every field of every record, == as stored
    assert [r["id"] for r in rows["articles"]] == [a.id for a in stored]  # in stored order
    assert rows["mentions"] == [m for a in stored for m in mention_rows(a)]
    assert sorted(rows["stories"], key=str) == sorted((story_row(link) for link in store.story_links()), key=str)
    assert rows["threads"] == [thread_row(link) for link in store.thread_links()]
    assert rows["threads"] == [{"story_id": stored[0].id, "thread_id": stored[0].id}]  # the note's story has none
    assert report.articles == 3
    assert report.rows == {table: len(rows[table]) for table in EXPORT_TABLES}
    assert report.rows["quotes"] == 2 and report.rows["stories"] == 3 and report.rows["threads"] == 1
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no work folder left


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"since": "2025-03-05"}, ["sequel"]),
        ({"since": "2025-03-04"}, ["ferry", "sequel"]),
        ({"since": "2099-01-01"}, []),
        ({"story": "FERRY"}, ["ferry", "sequel"]),
        ({"story": "FERRY-prefix"}, ["ferry", "sequel"]),
        ({"story": "FERRY", "since": "2025-03-05"}, ["sequel"]),
        ({"story": "UNDATED"}, ["undated"]),
    ],
)
def test_export_selects_a_story_or_a_date(
    store: Store, options: dict[str, str], expected: list[str], tmp_path: Path
) -> None:
    ferry, sequel, undated = fill(store)
    names = {ferry.id: "ferry", sequel.id: "sequel", undated.id: "undated"}
    story = options.get("story")
    if story is not None:
        full = ferry.id if story.startswith("FERRY") else undated.id
        options = {**options, "story": full[:8] if story.endswith("prefix") else full}
    export_desk(store, tmp_path / "out", "jsonl", **options)
    rows = read_jsonl(tmp_path / "out")
    assert sorted(names[r["id"]] for r in rows["articles"]) == expected
    assert {r["article_id"] for r in rows["quotes"]} <= {r["id"] for r in rows["articles"]}
    assert {r["article_id"] for r in rows["stories"]} == {r["id"] for r in rows["articles"]}
    in_thread = "undated" not in expected and bool(expected)  # the ferry story is in a thread, the note's is not
    assert rows["threads"] == ([{"story_id": ferry.id, "thread_id": ferry.id}] if in_thread else [])


def test_export_unknown_or_ambiguous_story_is_refused(store: Store, tmp_path: Path) -> None:
    fill(store)
    with pytest.raises(ExportError, match=r"^no story 'f00' in the desk$"):
        export_desk(store, tmp_path / "out", "csv", story="f00")
    with pytest.raises(ExportError, match=r"^no story '' in the desk$"):
        export_desk(store, tmp_path / "out", "csv", story="")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_export_streams_a_desk_bigger_than_a_batch(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "desk.db")
    n = BATCH * 2 + 7
    for i in range(n):
        text = f"Report number {i}, said Marta Quint."
        store.put(Article(id=f"{i:06d}", source=f"{i}.txt", text=text, quotes=()))
    export_desk(store, tmp_path / "out", "parquet")
    data = pq.read_table(tmp_path / "out" / "articles")
    assert data.column("id").to_pylist() == [f"{i:06d}" for i in range(n)]
    assert pq.ParquetFile(tmp_path / "out" / "articles" / "part-00000.parquet").metadata.num_row_groups == 1
    assert n < ROW_GROUP
    store.close()


@pytest.mark.parametrize("fmt", list(READERS))
def test_export_threads_once_each_when_stories_span_batches(fmt: str, tmp_path: Path) -> None:
    """Every story's thread link once, though its articles come in several batches; a desk without
    threads gets an empty threads table."""
    store = SQLiteStore(tmp_path / "desk.db")
    n = BATCH + 5
    for i in range(n):
        store.put(Article(id=f"{i:06d}", source=f"{i}.txt", text=f"Ferry report number {i}."))
    story = lambda i: f"{i % 3:06d}"  # noqa: E731 - three stories, each in every batch
    store.put_story_links([StoryLink(f"{i:06d}", story(i)) for i in range(n)])
    export_desk(store, tmp_path / "bare", fmt)
    assert READERS[fmt](tmp_path / "bare")["threads"] == []
    store.put_thread_links([ThreadLink(story(0), story(0)), ThreadLink(story(1), story(0))])  # story 2: no thread
    report = export_desk(store, tmp_path / "out", fmt)
    rows = READERS[fmt](tmp_path / "out")
    assert sorted(rows["threads"], key=str) == [
        {"story_id": story(0), "thread_id": story(0)},
        {"story_id": story(1), "thread_id": story(0)},
    ]
    assert report.rows["threads"] == 2 and report.rows["stories"] == n
    store.close()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "gkg", "datasette"])
def test_export_keeps_what_is_there_unless_told(fmt: str, tmp_path: Path) -> None:
    store = MemoryStore()
    fill(store)
    out = tmp_path / "out"
    export_desk(store, out, fmt)
    with pytest.raises(ExportError, match=r"already exists \(--overwrite replaces it\)$"):
        export_desk(store, out, fmt)
    report = export_desk(store, out, fmt, overwrite=True)
    assert report.articles == 3


@pytest.mark.parametrize("where", ["out", "out/sub"])
def test_export_to_a_folder_it_cannot_write_is_one_line(where: str, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file, not a folder")  # refused even to root, unlike a read-only folder
    store = MemoryStore()
    fill(store)
    with pytest.raises(ExportError, match=rf"^cannot write to .*{where}: ") as caught:
        export_desk(store, tmp_path / where, "csv")
    assert "\n" not in str(caught.value)


def test_export_parquet_without_pyarrow_says_which_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    with pytest.raises(ExportError, match=r"^--format parquet needs pyarrow, .*pip install 'newsdesk\[parquet\]'$"):
        export_desk(MemoryStore(), tmp_path / "out", "parquet")
    with pytest.raises(ExportError, match=r"^no export format 'xml'\. Available: csv, jsonl, parquet, gkg"):
        export_desk(MemoryStore(), tmp_path / "out", "xml")


@pytest.mark.parametrize(("rows", "chars", "groups"), [(10_000, 10**9, 1), (2, 10**9, 2), (10_000, 1, 3)])
def test_export_parquet_row_groups_are_bounded_by_rows_and_text(
    rows: int, chars: int, groups: int, tmp_path: Path
) -> None:
    from newsdesk.export.tables import ParquetSink

    store = MemoryStore()
    stored = fill(store)
    (tmp_path / "out").mkdir()
    sink = ParquetSink(tmp_path / "out", row_group=rows, row_group_chars=chars)
    for article in stored:  # one batch per article, as a big desk comes
        sink.write([article], [])
    sink.close()
    assert pq.ParquetFile(tmp_path / "out" / "articles" / "part-00000.parquet").metadata.num_row_groups == groups
    assert pq.read_table(tmp_path / "out" / "articles").column("id").to_pylist() == [a.id for a in stored]
