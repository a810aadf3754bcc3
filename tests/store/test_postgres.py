"""What only the PostgreSQL desk has to show: same tables as SQLite, many writers, URLs, errors.

The Store contract itself runs against PostgreSQL in ``test_contract.py``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk import Entity, SQLiteStore, open_store
from newsdesk.cli import main
from newsdesk.store import postgres, sqlite
from newsdesk.store.postgres import PostgresStore

from ..conftest import EXAMPLES
from ..test_model import full_article

Opener = Callable[[], PostgresStore]


def test_postgres_migrations_follow_the_sqlite_list() -> None:
    """Version n is the same change on both backends: a new SQLite migration needs its PostgreSQL twin."""
    assert [name for name, _ in postgres.MIGRATIONS] == [name for name, _ in sqlite.MIGRATIONS]


def test_postgres_has_the_sqlite_tables_and_columns(open_postgres: Opener, tmp_path: Path) -> None:
    store = open_postgres()
    lite = sqlite3.connect(tmp_path / "desk.db")
    SQLiteStore(tmp_path / "desk.db").close()
    for table in (
        "articles",
        "entities",
        "mentions",
        "quotes",
        "amounts",
        "dates",
        "events",
        "debris",
        "migrations",
        "story_links",
        "story_keys",
        "stories",
        "story_briefs",
        "entity_articles",
    ):
        expected = [r[1] for r in lite.execute(f"PRAGMA table_info({table})")]
        got = [
            r["column_name"]
            for r in store.conn.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = %s AND table_schema = current_schema() ORDER BY ordinal_position",
                (table,),
            )
        ]
        assert [c for c in got if c != "seq"] == expected, table


def test_postgres_rows_are_the_sqlite_rows(open_postgres: Opener, tmp_path: Path) -> None:
    article = full_article()
    store, lite = open_postgres(), SQLiteStore(tmp_path / "desk.db")
    store.put(article)
    lite.put(article)
    for table in ("entities", "mentions", "quotes", "amounts", "dates", "events", "debris"):
        pg_rows = [tuple(r.values()) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3")]  # type: ignore[arg-type]
        lite_rows = [tuple(r) for r in lite.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3")]
        assert pg_rows == lite_rows, table
    lite.close()


def test_postgres_migration_backfills_summaries_and_entity_listing(
    open_postgres: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk import MemoryStore, StoryLink
    from newsdesk.store.rows import ARTICLE_COLUMNS, article_row, child_rows

    from .test_listings import BEFORE, put_all, report

    articles = [
        report(1, "2024-03-05", "Herald", title="First", names=("Ana Ribeiro",)),
        report(2, "2024-03-04", "Wire", title="Copy", speaker="Ana Ribeiro"),
        report(3, None, "Zürich Zeitung"),
        report(4, "2024-03-06", "Ärzte Blatt"),
    ]
    links = [
        StoryLink(articles[0].id, articles[0].id),
        StoryLink(articles[1].id, articles[0].id, articles[0].id),
        StoryLink(articles[2].id, articles[2].id),
        StoryLink(articles[3].id, articles[0].id),
    ]
    with monkeypatch.context() as m:
        m.setattr(postgres, "MIGRATIONS", postgres.MIGRATIONS[:BEFORE])  # a desk made before the summaries
        old = open_postgres()
        for a in articles:  # as the store wrote articles then
            old.conn.execute(
                f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({','.join(['%s'] * 13)})", article_row(a)
            )  # type: ignore[arg-type]
            for table, rows in child_rows(a).items():
                for row in rows:
                    old.conn.execute(f"INSERT INTO {table} VALUES ({','.join(['%s'] * len(row))})", row)  # type: ignore[arg-type]
        for n, link in enumerate(links):  # as the store wrote links then
            old.conn.execute(
                "INSERT INTO story_links VALUES (%s, %s, %s, '2024-03-05T00:00:00+00:00', %s)",
                (link.article_id, link.story_id, link.copy_of, n),
            )
        old.conn.execute(
            "INSERT INTO person_links VALUES (%s, 'Someone', 'Ana Ribeiro', 'ribeiro', '[]', 1)", (articles[2].id,)
        )
        old.close()
    migrated, reference = open_postgres(), MemoryStore()
    put_all(reference, *articles)
    reference.put_story_links(links)
    assert migrated.stories() == reference.stories()
    assert [r.id for r in migrated.list(entity="Ana Ribeiro")] == [articles[0].id, articles[1].id, articles[2].id]


def test_postgres_failed_write_leaves_nothing(open_postgres: Opener) -> None:
    import psycopg

    store = open_postgres()
    bad = full_article().copy_with(entities=(Entity("X", "PERSON", ((0, 1),)), Entity(None, "ORG", ((2, 3),))))  # type: ignore[arg-type]
    with pytest.raises(psycopg.errors.NotNullViolation):
        store.put(bad)
    assert store.count() == 0
    for table in ("entities", "mentions", "search_docs"):
        assert store.conn.execute(f"SELECT count(*) AS n FROM {table}").fetchone() == {"n": 0}  # type: ignore[arg-type]


def test_postgres_reopening_does_not_migrate_again(open_postgres: Opener) -> None:
    open_postgres().put(full_article())
    again = open_postgres()
    assert again.count() == 1
    rows = again.conn.execute("SELECT version, name FROM migrations ORDER BY version").fetchall()
    assert [(r["version"], r["name"]) for r in rows] == [(i, n) for i, (n, _) in enumerate(postgres.MIGRATIONS, 1)]


def test_postgres_many_writers_store_an_article_once(open_postgres: Opener) -> None:
    stores = [open_postgres() for _ in range(4)]
    article = full_article()
    results: list[bool] = []
    barrier = threading.Barrier(len(stores))

    def write(store: PostgresStore) -> None:
        barrier.wait()
        results.append(store.put(article))

    threads = [threading.Thread(target=write, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, False, False, True]
    assert stores[0].count() == 1 and stores[0].get(article.id) == article


def test_postgres_new_desk_opened_by_many_at_once(postgres_url: str, postgres_schema: str) -> None:
    opened: list[PostgresStore] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            opened.append(PostgresStore(postgres_url, schema=postgres_schema))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(opened) == 4
    assert opened[0].conn.execute("SELECT count(*) AS n FROM migrations").fetchone() == {"n": len(postgres.MIGRATIONS)}
    for store in opened:
        store.close()


def test_postgres_search_in_a_very_long_article(open_postgres: Opener) -> None:
    store = open_postgres()
    text = "Ferry " * 80_000 + "Quintela spoke last."
    article = full_article().copy_with(id="f" * 16, text=text, entities=(), quotes=(), sentences=())
    store.put(article)
    assert [h.article_id for h in store.search("quintela")] == [article.id]


def test_postgres_open_store_by_url_and_search_path(postgres_url: str, postgres_schema: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {postgres_schema}")  # type: ignore[arg-type]
    sep = "&" if "?" in postgres_url else "?"
    store = open_store(f"{postgres_url}{sep}options=-csearch_path%3D{postgres_schema}")
    assert isinstance(store, PostgresStore)
    store.put(full_article())
    store.close()
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute(f"SELECT count(*) FROM {postgres_schema}.articles").fetchone()  # type: ignore[arg-type]
    assert row == (1,)


def test_postgres_cli_ingest_list_and_show(postgres_url: str, postgres_schema: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {postgres_schema}")  # type: ignore[arg-type]
    sep = "&" if "?" in postgres_url else "?"
    db = f"{postgres_url}{sep}options=-csearch_path%3D{postgres_schema}"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.output
    assert "5 read, 5 stored, 0 already stored, 0 failed" in first.stderr
    second = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert "5 read, 0 stored, 5 already stored, 0 failed" in second.stderr
    listing = runner.invoke(main, ["list", "--db", db, "--format", "jsonl"])
    assert listing.exit_code == 0 and len(listing.stdout.splitlines()) == 5


def test_postgres_unreachable_server_is_one_line() -> None:
    result = CliRunner().invoke(main, ["list", "--db", "postgresql://nobody:secret@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot use the desk: ")
    assert "secret" not in result.output and len(result.output.strip().splitlines()) == 1
