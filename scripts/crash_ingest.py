"""Crash safety: SIGKILL an ingest at random points, restart it, and check the desk.

usage: python scripts/crash_ingest.py [--articles 1000] [--kills 5] [--seed 1] [--workdir DIR]

Writes N synthetic articles as JSON Lines, starts `newsdesk ingest` on them, kills it
with SIGKILL after a random delay (several times), then lets a last run finish, and
checks: every article stored exactly once, `PRAGMA integrity_check` is ok, no orphan
rows in any annotation table. Prints the figures and exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
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


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsdesk.cli", "ingest", str(corpus), "--db", str(db)]


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
    result = {
        "expected": len(expected),
        "stored": len(urls),
        "missing": len(set(expected) - set(urls)),
        "duplicated": len(urls) - len(set(urls)),
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        "foreign_key_violations": len(conn.execute("PRAGMA foreign_key_check").fetchall()),
        "orphan_rows": sum(orphans.values()),
    }
    conn.close()
    return result


def run(articles: int, kills: int, seed: int, workdir: Path) -> dict[str, object]:
    rng = random.Random(seed)
    corpus = write_corpus(workdir / "corpus.jsonl", articles, seed=seed)
    db = workdir / "desk.db"
    killed_at: list[int] = []
    for _ in range(kills):
        before = stored(db)
        proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and stored(db) == before and time.monotonic() < deadline:
            time.sleep(0.05)  # wait until this run writes, so that the kill lands among writes
        time.sleep(rng.uniform(0.0, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at.append(stored(db))
    final = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, check=False)
    result = check(db, corpus)
    result["kills"] = kills
    result["stored_when_killed"] = killed_at
    result["final_exit_code"] = final.returncode
    result["ok"] = (
        result["missing"] == 0
        and result["duplicated"] == 0
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
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.articles, args.kills, args.seed, args.workdir or Path(tmp))
    print(json.dumps(result, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
