"""Fixtures for the web tests: a desk of hand-written articles and a client over the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsdesk import SQLiteStore
from newsdesk.web import create_app

from .desk import fill


@pytest.fixture
def desk_path(tmp_path: Path) -> Path:
    """A SQLite desk holding the fixture articles."""
    path = tmp_path / "desk.db"
    fill(SQLiteStore(path)).close()
    return path


@pytest.fixture
def app(desk_path: Path, tmp_path: Path) -> FastAPI:
    return create_app(desk_path, uploads=tmp_path / "uploads", allowed_hosts=["testserver"])


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c
