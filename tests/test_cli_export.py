"""``newsdesk export`` from the command line: what it writes, what it says, and bad options in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk import SQLiteStore
from newsdesk.cli import main

from .export.desk import fill


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "desk.db"
    store = SQLiteStore(path)
    ids = [a.id for a in fill(store)]
    store.close()
    return path, ids


def test_cli_export_writes_every_table_and_says_so(desk: tuple[Path, list[str]], tmp_path: Path) -> None:
    db, _ = desk
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", str(out), "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    tables = ("articles", "entities", "mentions", "quotes", "amounts", "dates", "events", "stories", "threads")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in tables)
    assert result.stdout == ""
    assert result.stderr == (
        f"newsdesk: exported 3 articles to {out}/ as csv"
        " (entities 6, mentions 6, quotes 2, amounts 3, dates 3, events 2, stories 3, threads 1)\n"
    )


def test_cli_export_story_by_prefix(desk: tuple[Path, list[str]], tmp_path: Path) -> None:
    db, ids = desk
    args = ["export", str(tmp_path / "out"), "--db", str(db), "--format", "jsonl", "--story", ids[0][:8]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "exported 2 articles" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--story", "0000dead"], 1, "Error: no story '0000dead' in the desk"),
        (["--since", "last week"], 2, "Error: --since: 'last week' is not a date (e.g. 2024-03-01)"),
        (["--since", "2024-02-30"], 2, "Error: --since: '2024-02-30' is not a date (e.g. 2024-03-01)"),
        (["--db", "{tmp}/none.db"], 1, "Error: no desk at {tmp}/none.db"),
        (["--out-is-a-file"], 1, "Error: cannot write to {tmp}/file/out: Not a directory"),
        (["--format", "xml"], 2, None),  # click's own message for a bad choice
    ],
)
def test_cli_export_bad_options_are_one_line(
    desk: tuple[Path, list[str]], tmp_path: Path, args: list[str], code: int, message: str | None
) -> None:
    db, _ = desk
    out = tmp_path / "out"
    if args == ["--out-is-a-file"]:
        (tmp_path / "file").write_text("x")
        out, args = tmp_path / "file" / "out", []
    line = ["export", str(out), "--db", str(db), "--format", "csv", *[a.format(tmp=tmp_path) for a in args]]
    result = CliRunner().invoke(main, line)
    assert result.exit_code == code
    if message is not None:
        assert result.stderr.splitlines() == [message.format(tmp=tmp_path)]
    assert not out.exists() or not any(out.iterdir())


def test_cli_export_of_nothing_exits_1(desk: tuple[Path, list[str]], tmp_path: Path) -> None:
    db, _ = desk
    args = ["export", str(tmp_path / "out"), "--db", str(db), "--format", "gkg", "--since", "2099-01-01"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "exported 0 articles" in result.stderr
