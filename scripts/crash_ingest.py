"""Crash safety: SIGKILL an ingest at random points, restart it, and check the desk.

usage: python scripts/crash_ingest.py [--articles 1000] [--kills 5] [--seed 1] [--jobs N] [--workdir DIR]

Writes N synthetic articles as JSON Lines, starts `newsdesk ingest` on them (analysis on
`--jobs` worker processes; default: one per core), kills it with SIGKILL after a random
delay (several times), then lets a last run finish, and checks: every article stored
exactly once and placed in a story, `PRAGMA integrity_check` is ok, no orphan rows in any
annotation table, and no analysis worker left running once its killed ingest is gone.
Prints the figures and exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus

ORPHANS = {
    "entities": "SELECT count(*) FROM entities e LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL",
    "mentions": "SELECT count(*) FROM mentions m LEFT JOIN entities e "
    "ON e.article_id = m.article_id AND e.idx = m.entity_idx WHERE e.idx IS NULL",
}
for _table in ("quotes", "amounts", "dates", "events", "debris"):
    ORPHANS[_table] = f"SELECT count(*) FROM {_table} t LEFT JOIN articles a ON a.id = t.article_id WHERE a.id IS NULL"


MARK = "NEWSDESK_CRASH_RUN"
"""Set in the environment of the ingests a run starts (their workers inherit it), to find strays."""


def ingest_cmd(corpus: Path, db: Path, jobs: int | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "newsdesk.cli", "ingest", str(corpus), "--db", str(db)]
    return cmd if jobs is None else [*cmd, "--jobs", str(jobs)]


def marked_processes(token: str) -> list[int]:
    """Processes whose environment carries ``MARK=token`` (Linux /proc; none found elsewhere)."""
    needle = f"{MARK}={token}".encode()
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if needle in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def strays(token: str, wait: float = 15.0) -> int:
    """How many processes of the run are still alive after ``wait`` seconds (workers exit when their ingest dies)."""
    deadline = time.monotonic() + wait
    while (left := marked_processes(token)) and time.monotonic() < deadline:
        time.sleep(0.25)
    return len(left)


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def check(db: Path, corpus: Path) -> dict[str, object]:
    """The figures: articles expected, stored, missing, duplicated, integrity, orphans."""
    expected = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        expected.append(json.loads(line)["url"])
    conn = sqlite3.connect(db)
    urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
    orphans = {table: int(conn.execute(sql).fetchone()[0]) for table, sql in ORPHANS.items()}
    placed = int(conn.execute("SELECT count(DISTINCT article_id) FROM story_links").fetchone()[0])
    result = {
        "expected": len(expected),
        "stored": len(urls),
        "unplaced": len(urls) - placed,
        "missing": len(set(expected) - set(urls)),
        "duplicated": len(urls) - len(set(urls)),
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        "foreign_key_violations": len(conn.execute("PRAGMA foreign_key_check").fetchall()),
        "orphan_rows": sum(orphans.values()),
    }
    conn.close()
    return result


def run(articles: int, kills: int, seed: int, workdir: Path, jobs: int | None = None) -> dict[str, object]:
    rng = random.Random(seed)
    corpus = write_corpus(workdir / "corpus.jsonl", articles, seed=seed)
    db = workdir / "desk.db"
    token = uuid.uuid4().hex
    env = {**os.environ, MARK: token}
    killed_at: list[int] = []
    for _ in range(kills):
        before = stored(db)
        proc = subprocess.Popen(
            ingest_cmd(corpus, db, jobs), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and stored(db) == before and time.monotonic() < deadline:
            time.sleep(0.05)  # wait until this run writes, so that the kill lands among writes
        time.sleep(rng.uniform(0.0, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at.append(stored(db))
    stray_workers = strays(token)  # before the last run, whose own workers carry the mark too
    final = subprocess.run(ingest_cmd(corpus, db, jobs), capture_output=True, text=True, check=False, env=env)
    result = check(db, corpus)
    result["jobs"] = jobs
    result["stray_workers"] = stray_workers + strays(token)
    result["kills"] = kills
    result["stored_when_killed"] = killed_at
    result["final_exit_code"] = final.returncode
    result["ok"] = (
        result["missing"] == 0
        and result["duplicated"] == 0
        and result["unplaced"] == 0
        and result["stray_workers"] == 0
        and result["integrity"] == "ok"
        and result["orphan_rows"] == 0
        and result["foreign_key_violations"] == 0
        and final.returncode == 0
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, help="analysis processes of each ingest [default: one per core]")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.articles, args.kills, args.seed, args.workdir or Path(tmp), args.jobs)
    print(json.dumps(result, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
