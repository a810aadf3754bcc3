from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import main

from .stories.conftest import ARTICLES, THREADS


def test_cli_threads_stories_jsonl_names_each_articles_thread(tmp_path: Path) -> None:
    db = str(tmp_path / "desk.db")
    result = CliRunner().invoke(main, ["stories", str(THREADS), "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = {Path(r["source"]).stem: r for r in map(json.loads, result.stdout.splitlines())}
    storyline = {rows[n]["thread"] for n in ("sallow-dam-burst", "sallow-dam-inquiry", "sallow-dam-resignation")}
    assert len(storyline) == 1 and None not in storyline
    assert rows["tirren-dam-burst"]["thread"] not in storyline


def test_cli_threads_lists_the_desks_threads_newest_first(tmp_path: Path) -> None:
    db = str(tmp_path / "desk.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(ARTICLES), str(THREADS), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["threads", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(rows[0]) == {"id", "title", "n_stories", "n_articles", "n_outlets", "first_published", "last_published"}
    # the Varga talks, the ferry, the drill months later; the Sallow dam storyline and the other dam
    assert len(rows) == 5
    assert [r["last_published"] for r in rows] == sorted((r["last_published"] for r in rows), reverse=True)
    sallow = next(r for r in rows if r["title"] and "Marrow Creek" in r["title"])
    assert sallow["n_articles"] == 4 and sallow["first_published"] == "2025-11-02"
    text = runner.invoke(main, ["threads", "--db", db, "--limit", "2"])
    assert text.exit_code == 0 and len(text.stdout.splitlines()) == 2
    empty = runner.invoke(main, ["threads", "--db", str(tmp_path / "empty.db")])
    assert empty.exit_code == 0 and empty.stdout == ""
