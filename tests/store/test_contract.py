"""The Store contract, run against every backend (a new backend adds itself to ``store``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk import Article, Entity, MemoryStore, SQLiteStore, Store, article_id, open_store
from newsdesk.store.sqlite import MIGRATIONS

from ..test_model import full_article


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s: Store = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "desk.db")
    yield s
    s.close()


def other_article(text: str = "Another story about ferries.", published: str | None = "2024-03-06") -> Article:
    return Article(id=article_id(text), source="y.txt", text=text, outlet="Wire", published=published)


def test_store_put_then_get_gives_the_same_article(store: Store) -> None:
    article = full_article()
    assert store.put(article) is True
    assert store.get(article.id) == article
    assert article.id in store
    assert store.count() == 1


def test_store_second_put_is_a_no_op(store: Store) -> None:
    article = full_article()
    store.put(article)
    assert store.put(article.copy_with(title="Changed")) is False
    stored = store.get(article.id)
    assert stored is not None and stored.title == "Strike"
    assert store.count() == 1


def test_store_replace_overwrites(store: Store) -> None:
    article = full_article()
    store.put(article)
    assert store.put(article.copy_with(title="Changed", entities=()), replace=True) is True
    stored = store.get(article.id)
    assert stored is not None and stored.title == "Changed" and stored.entities == ()
    assert store.count() == 1


def test_store_missing_article(store: Store) -> None:
    assert store.get("0" * 16) is None
    assert "0" * 16 not in store


def test_store_list_is_newest_first_and_pages(store: Store) -> None:
    store.put(full_article())  # 2024-03-05
    store.put(other_article())  # 2024-03-06
    store.put(other_article("Undated story.", None))
    rows = store.list()
    assert [r.published for r in rows] == ["2024-03-06", "2024-03-05", None]
    assert rows[1].n_entities == 1 and rows[1].n_quotes == 1
    assert [r.id for r in store.list(limit=1, offset=1)] == [rows[1].id]
    assert [r.outlet for r in store.list(outlet="Wire")] == ["Wire", "Wire"]


def test_store_articles_yields_full_records(store: Store) -> None:
    a, b = full_article(), other_article()
    store.put(a)
    store.put(b)
    assert {x.id for x in store.articles()} == {a.id, b.id}
    assert list(store.articles([b.id, "missing"])) == [b]


def test_store_sqlite_failed_write_leaves_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "desk.db")
    bad = full_article().copy_with(entities=(Entity("X", "PERSON", ((0, 1),)), Entity(None, "ORG", ((2, 3),))))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.put(bad)
    assert store.count() == 0
    assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0
    store.close()


def test_store_sqlite_is_plain_tables_and_migrations_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    SQLiteStore(path).put(full_article())
    SQLiteStore(path).close()  # reopening does not migrate twice
    db = sqlite3.connect(path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "articles",
        "entities",
        "mentions",
        "quotes",
        "amounts",
        "dates",
        "events",
        "debris",
        "migrations",
    } <= tables
    assert db.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("SELECT name, label FROM entities").fetchall() == [("Ana Ribeiro", "PERSON")]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("spec", "kind"),
    [("desk.db", SQLiteStore), ("sqlite:///{tmp}/x.db", SQLiteStore), ("memory:", MemoryStore)],
)
def test_store_open_store_by_path_or_url(
    spec: str, kind: type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_store(spec.format(tmp=tmp_path))
    assert isinstance(store, kind)
    store.close()


def test_store_open_store_unknown_scheme() -> None:
    with pytest.raises(ValueError, match=r"No store backend for 'mongodb'\. Available: memory, sqlite"):
        open_store("mongodb://localhost/x")
