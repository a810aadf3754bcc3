"""A PostgreSQL server for the store tests, when one is reachable.

``.ci/run`` starts one on loopback and exports its URL as
``NEWSDESK_TEST_POSTGRES``; without it (a laptop without PostgreSQL) every
PostgreSQL case is skipped, never failed. Each test gets a schema of its own,
dropped afterwards, so tests (and several checkouts on one server) never meet.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsdesk import MemoryStore, SQLiteStore, Store
from newsdesk.store.postgres import PostgresStore

ENV = "NEWSDESK_TEST_POSTGRES"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server for the tests (set {ENV}; .ci/postgres starts one)")
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL at {ENV} is not reachable: {' '.join(str(exc).split())[:200]}")
    return url


@pytest.fixture
def postgres_schema(postgres_url: str) -> Iterator[str]:
    """A fresh schema name, dropped with everything in it after the test."""
    import psycopg

    name = f"newsdesk_test_{uuid.uuid4().hex[:12]}"
    yield name
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")  # type: ignore[arg-type]


@pytest.fixture
def open_postgres(postgres_url: str, postgres_schema: str) -> Iterator[Callable[[], PostgresStore]]:
    """Open (any number of) connections to one test desk; all are closed afterwards."""
    opened: list[PostgresStore] = []

    def opener() -> PostgresStore:
        opened.append(PostgresStore(postgres_url, schema=postgres_schema))
        return opened[-1]

    yield opener
    for store in opened:
        if not store.conn.closed:
            store.close()


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each backend in turn: the contract tests run against all of them."""
    s: Store
    if request.param == "postgresql":  # skipped when no server is reachable
        s = request.getfixturevalue("open_postgres")()
    else:
        s = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "desk.db")
    yield s
    s.close()
