"""A desk opened in Datasette (in-process, through its JSON API): search finds quotes and articles, rows link."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from newsdesk import MemoryStore, SQLiteStore
from newsdesk.export import export_desk
from newsdesk.store.datasette import metadata

from .desk import ferry, fill

datasette_app = pytest.importorskip("datasette.app")


def _get(db: Path, meta: dict[str, Any] | None, *paths: str) -> list[Any]:
    """The JSON of each path (the HTML text of a path without ``.json``) from a Datasette serving ``db``."""

    async def ask() -> list[Any]:
        ds = datasette_app.Datasette([str(db)], metadata=meta)
        answers = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            answers.append(response.json() if ".json" in path else response.text)
        return answers

    return asyncio.run(ask())


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    store = MemoryStore()
    fill(store)
    export_desk(store, tmp_path / "site", "datasette")
    return tmp_path / "site"


def test_datasette_quote_search_finds_the_quote_and_links_its_article(exported: Path) -> None:
    meta = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    article = ferry()
    found, linked, page, html = _get(
        exported / "newsdesk.db",
        meta,
        "/newsdesk/quotes.json?_search=boats+stop&_labels=on&_shape=objects",  # words, any order; no stemming
        "/newsdesk/quotes.json?_search=every+boat&_labels=on&_shape=objects",
        f"/newsdesk/articles/{article.id}.json?_shape=objects",
        "/newsdesk/quotes?_search=every+boat",  # the page a person sees
    )
    assert found["rows"] == []  # "boats" is not a word of the quote: search is by word
    (row,) = linked["rows"]
    assert row["text"] == article.quotes[0].text and row["speaker"] == "Marta Quint"
    assert row["article_id"] == {"value": article.id, "label": article.title}  # a link, labelled by the title
    assert linked["expandable_columns"] == [
        [{"column": "article_id", "other_table": "articles", "other_column": "id"}, "title"]
    ]
    assert 'name="_search"' in html and f'href="/newsdesk/articles/{article.id}"' in html
    (target,) = page["rows"]
    assert target["id"] == article.id and target["text"][row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/newsdesk/articles.json?_search=ferry&_shape=objects", {"ferry", "sequel"}),
        ("/newsdesk/articles.json?_search=harbour+quint&_shape=objects", set()),  # the outlet is not searched
        ("/newsdesk/articles.json?_search=jonas&_shape=objects", {"ferry"}),
        ("/newsdesk/quotes.json?_search=vale&_shape=objects", {"ferry"}),  # the speaker is searched too
        ("/newsdesk/quotes.json?_search=crews&_shape=objects", set()),
    ],
)
def test_datasette_search_boxes(exported: Path, path: str, expected: set[str]) -> None:
    from .desk import sequel

    names = {ferry().id: "ferry", sequel().id: "sequel"}
    meta = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    (answer,) = _get(exported / "newsdesk.db", meta, path)
    ids = {r.get("article_id", r.get("id")) for r in answer["rows"]}
    assert {names[i] for i in ids} == expected


def test_datasette_finds_search_and_links_without_the_metadata(tmp_path: Path) -> None:
    """What Datasette sees in any desk by itself: the search tables, and every child row's link to its article."""
    store = SQLiteStore(tmp_path / "desk.db")
    fill(store)
    store.close()
    (database,) = _get(tmp_path / "desk.db", None, "/desk.json")
    tables = {t["name"]: t for t in database["tables"]}
    assert tables["articles"]["fts_table"] == "articles_fts"
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    for child in ("entities", "mentions", "quotes", "amounts", "dates", "events", "debris", "story_links"):
        outgoing = tables[child]["foreign_keys"]["outgoing"]
        assert {"other_table": "articles", "column": "article_id", "other_column": "id"} in outgoing, child


def test_datasette_metadata_hides_the_bookkeeping_and_names_the_database() -> None:
    meta = metadata("desk")
    tables = meta["databases"]["desk"]["tables"]
    assert {t for t, s in tables.items() if s.get("hidden")} == {"search_docs", "story_keys", "migrations"}
    assert tables["quotes"]["fts_table"] == "quotes_fts" and tables["articles"]["label_column"] == "title"


def test_datasette_export_holds_the_threads(exported: Path) -> None:
    """The exported desk keeps its stories' threads: the thread_links table and the threads view, described."""
    meta = json.loads((exported / "metadata.json").read_text(encoding="utf-8"))
    links, threads = _get(
        exported / "newsdesk.db",
        meta,
        "/newsdesk/thread_links.json?_shape=objects",
        "/newsdesk/threads.json?_shape=objects",
    )
    ferry_id = ferry().id
    assert [(r["story_id"], r["thread_id"]) for r in links["rows"]] == [(ferry_id, ferry_id)]  # the note's: none
    (thread,) = threads["rows"]
    assert (thread["id"], thread["n_stories"], thread["n_articles"]) == (ferry_id, 1, 2)
    described = meta["databases"]["newsdesk"]["tables"]
    assert "thread" in described["thread_links"]["description"] and "thread" in described["threads"]["description"]
