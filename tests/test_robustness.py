"""Crash safety and concurrency of the desk, with real processes (the scripts in scripts/)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import load_test
from crash_ingest import check, ingest_cmd, run
from synthetic import write_corpus


def test_robustness_sigkill_during_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    result = run(articles=80, kills=2, seed=3, workdir=tmp_path, jobs=2)  # five batches: two workers analyse
    assert result["ok"], result
    assert result["stored"] == 80 and result["duplicated"] == 0 and result["orphan_rows"] == 0
    assert result["unplaced"] == 0 and result["stray_workers"] == 0


def test_robustness_two_ingests_at_once_and_a_reader(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 60, seed=5)
    db = tmp_path / "desk.db"
    writers = [
        subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    reads, errors = 0, []
    while any(w.poll() is None for w in writers):
        listing = subprocess.run(
            [sys.executable, "-m", "newsdesk.cli", "list", "--db", str(db), "--format", "jsonl"],
            capture_output=True,
            text=True,
            check=False,
        )
        reads += 1
        if listing.returncode != 0:
            errors.append(listing.stderr)
        time.sleep(0.2)
    outputs = [w.communicate() for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outputs
    assert errors == []
    assert reads > 0
    result = check(db, corpus)
    assert (result["stored"], result["missing"], result["duplicated"], result["integrity"]) == (60, 0, 0, "ok")
    stored = [
        json.loads(x)
        for x in subprocess.run(
            [sys.executable, "-m", "newsdesk.cli", "list", "--db", str(db), "--format", "jsonl", "--limit", "1000"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    ]
    assert len(stored) == 60
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_robustness_web_desk_answers_while_an_ingest_writes(tmp_path: Path) -> None:
    result = load_test.run(seconds=4, clients=3, articles=30, workdir=tmp_path)
    assert result["errors"] == 0, result["error_examples"]
    assert result["requests"] > 0
    assert result["ingest_exit_code"] == 0 and result["articles_after"] == result["articles_before"] + 30
