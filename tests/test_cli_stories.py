from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import main

from .stories.conftest import ARTICLES


def test_cli_stories_jsonl_one_line_per_input(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "desk.db")
    result = runner.invoke(main, ["stories", str(ARTICLES), "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 6 and all(set(r) == {"source", "story", "thread", "id", "copy_of"} for r in rows)
    story = {Path(r["source"]).stem: r["story"] for r in rows}
    assert story["harbour-times-varga"] == story["capital-post-varga"] == story["valley-gazette-varga-copy"]
    assert story["northern-courier-varga-drill"] != story["harbour-times-varga"]
    again = runner.invoke(main, ["stories", str(ARTICLES), "--db", db, "--format", "jsonl"])
    assert [json.loads(line) for line in again.stdout.splitlines()] == rows


def test_cli_stories_text_lists_stories_with_sources() -> None:
    result = CliRunner().invoke(main, ["stories", str(ARTICLES), "--db", "memory:"])
    assert result.exit_code == 0, result.output
    assert "5 articles" not in result.stdout
    assert "4 articles · 3 independent" in result.stdout
    assert "(copy of " in result.stdout
