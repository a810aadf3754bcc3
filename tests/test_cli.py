from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newsdesk.cli import main

from .conftest import EXAMPLES

SCHEMA = json.loads(files("newsdesk").joinpath("schema/article.schema.json").read_text())


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_cli_extract_jsonl_matches_the_schema(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert len(records) == 5
    for record in records:
        jsonschema.validate(record, SCHEMA)
        for entity in record["entities"]:
            for start, end in entity["mentions"]:
                assert record["text"][start:end].strip() == record["text"][start:end] != ""
    by_outlet = {r["outlet"]: r for r in records}
    assert {"Lisbon Herald", "Atlantic Wire", "Euro Daily", "Porto News"} <= set(by_outlet)
    herald = by_outlet["Lisbon Herald"]
    assert herald["authors"] == ["Helena Duarte", "Tomas Lima"]
    assert herald["published"] == "2024-03-05"
    assert "Follow Helena" not in herald["text"] and "READ MORE" not in herald["text"]
    assert {"Ana Ribeiro", "Rui Costa"} <= {e["name"] for e in herald["entities"] if e["label"] == "PERSON"}


def test_cli_extract_json_is_one_document(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLES / "atlantic-wire-rail-strike.txt"), "--format", "json"])
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record["outlet"] == "Atlantic Wire"


def test_cli_extract_text_is_readable(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLES / "lisbon-herald-rail-strike.txt")])
    assert result.exit_code == 0
    assert "━━ Lisbon Herald · 2024-03-05 ━━" in result.stdout
    assert "Rail strike halts Portugal's trains as union rejects pay offer" in result.stdout
    assert "People: " in result.stdout
    assert "newsdesk: 1 read, 0 failed" in result.stderr


def test_cli_bad_inputs_are_named_and_the_rest_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    good = EXAMPLES / "atlantic-wire-rail-strike.txt"
    result = runner.invoke(main, ["extract", str(tmp_path), str(good), "--format", "jsonl"])
    assert result.exit_code == 0
    assert len(jsonl(result.stdout)) == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("newsdesk: error:")]
    assert sorted(errors) == sorted(
        [
            f"newsdesk: error: {tmp_path / 'bin.txt'}: binary data, not text",
            f"newsdesk: error: {tmp_path / 'empty.txt'}: empty input",
        ]
    )
    strict = runner.invoke(main, ["extract", str(tmp_path), str(good), "--format", "jsonl", "--strict"])
    assert strict.exit_code == 3


def test_cli_nothing_readable_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(main, ["extract", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert f"newsdesk: error: {tmp_path / 'nope.txt'}: no such file or folder" in result.stderr
    assert result.stdout == ""


def test_cli_ingest_twice_is_a_no_op(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "desk.db")
    first = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0
    assert "newsdesk: 5 read, 5 stored, 0 already stored, 0 failed" in first.stderr
    second = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert "newsdesk: 5 read, 0 stored, 5 already stored, 0 failed" in second.stderr
    listing = runner.invoke(main, ["list", "--db", db, "--format", "jsonl"])
    rows = jsonl(listing.stdout)
    assert len(rows) == 5 and len({r["id"] for r in rows}) == 5
    assert rows[0]["published"] == "2024-03-06T08:15:00+01:00"  # the page gives the time and zone


def test_cli_show_by_id_and_prefix(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "desk.db")
    runner.invoke(main, ["ingest", str(EXAMPLES / "euro-daily-rail-strike.html"), "--db", db])
    (row,) = jsonl(runner.invoke(main, ["list", "--db", db, "--format", "jsonl"]).stdout)
    shown = runner.invoke(main, ["show", row["id"][:6], "--db", db, "--format", "json"])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["id"] == row["id"]
    missing = runner.invoke(main, ["show", "ffffffffffffffff", "--db", db])
    assert missing.exit_code == 1
    assert f"no article 'ffffffffffffffff' in {db}" in missing.output


def test_cli_brief_stores_and_summarises(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    result = runner.invoke(main, ["brief", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert db.exists()
    # two stories (the rail strike, four articles; the storm, one), each with its articles listed
    assert result.stdout.count("\n# ") + result.stdout.startswith("# ") == 2
    assert result.stdout.count("\n### ") == 5
    strike = result.stdout.split("\n---\n")[0]
    assert "## What the reports say" in strike and "independent source" in strike
    assert "### Lisbon Herald · 2024-03-05 — Rail strike halts Portugal's trains as union rejects pay offer" in strike
    assert "People: " in strike and "Ana Ribeiro" in strike
    assert "“We have put a fair offer on the table, and it is still there”" in strike
    assert "Figures: " in strike


def test_cli_bad_option_values_are_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(EXAMPLES), "--published", "someday"])
    assert result.exit_code == 2
    assert "is not a full date" in result.output
    config = tmp_path / "c.toml"
    config.write_text("nonsense = 1\n")
    result = runner.invoke(main, ["extract", str(EXAMPLES), "--config", str(config)])
    assert result.exit_code == 1
    assert "Error: bad settings file: " in result.output and "unknown setting(s) nonsense" in result.output


def test_cli_unusable_desk_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "desk.db").write_bytes(b"this is not a database" * 100)
    result = runner.invoke(main, ["list", "--db", str(tmp_path / "desk.db")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot use the desk: file is not a database")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_cli_every_command_has_help_with_examples(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_cli_serve_binds_loopback_by_default(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsdesk.web

    calls: list[tuple[str, dict]] = []
    monkeypatch.setattr(newsdesk.web, "serve", lambda db, **kw: calls.append((db, kw)))
    result = runner.invoke(main, ["serve", "--db", "desk.db", "--port", "8123"])
    assert result.exit_code == 0, result.output
    ((db, kw),) = calls
    assert (db, kw["host"], kw["port"]) == ("desk.db", "127.0.0.1", 8123)
    assert "serving desk.db on http://127.0.0.1:8123/" in result.stderr
    wide = runner.invoke(main, ["serve", "--host", "0.0.0.0"])
    assert "anyone who can reach it can read and add to the desk" in wide.stderr


def test_cli_serve_bad_port(runner: CliRunner) -> None:
    result = runner.invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "70000 is not in the range 0<=x<=65535" in result.output
