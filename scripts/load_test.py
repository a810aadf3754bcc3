"""A bounded load test of the web desk on loopback while an ingest writes to the same desk.

usage: python scripts/load_test.py [--seconds 20] [--clients 4] [--articles 300] [--workdir DIR]

Builds a desk from examples/, starts `newsdesk serve` on a free loopback port, starts
`newsdesk stories` on a synthetic corpus into the same desk (a writer), and sends GET
requests from several client threads for a fixed time. Prints requests, requests/s,
errors (non-2xx or exceptions), latency percentiles and what the ingest stored, then
stops everything. Exits non-zero when any request failed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "newsdesk.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_up(port: int, proc: subprocess.Popen[bytes], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server exited before it answered")
        try:
            if get(port, "/api", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not answer in time")


def paths(port: int) -> list[str]:
    """The pages and endpoints to request: lists, a story, an article, an entity, search."""
    stories = json.loads(get(port, "/api/stories?limit=5")[1])
    articles = json.loads(get(port, "/api/articles?limit=5")[1])
    story = stories["items"][0]["id"]
    article = articles["items"][0]["id"]
    return [
        "/",
        "/api/stories?limit=20",
        "/api/articles?limit=20",
        f"/stories/{story}",
        f"/api/stories/{story}",
        f"/articles/{article}",
        f"/api/articles/{article}",
        "/api/search?q=talks",
        "/search?q=strike",
        "/api/search?q=%27%3B%20DROP%20TABLE%20articles%3B%20--",
    ]


def count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def run(seconds: float, clients: int, articles: int, workdir: Path) -> dict[str, object]:
    db = workdir / "desk.db"
    subprocess.run([*CLI, "stories", str(ROOT / "examples"), "--db", str(db)], check=True, capture_output=True)
    corpus = write_corpus(workdir / "corpus.jsonl", articles, seed=11)
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    writer = None
    try:
        wait_up(port, server)
        targets = paths(port)
        before = count(db)
        writer = subprocess.Popen(
            [*CLI, "stories", str(corpus), "--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def client(k: int) -> None:
            i = k
            while time.monotonic() < stop:
                path = targets[i % len(targets)]
                i += 1
                t0 = time.perf_counter()
                try:
                    status, _ = get(port, path)
                    problem = None if 200 <= status < 300 else f"{status} {path}"
                except Exception as exc:  # any failure is an error to report, not a crash
                    problem = f"{type(exc).__name__} {path}"
                with lock:
                    latencies.append(time.perf_counter() - t0)
                    if problem:
                        errors.append(problem)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        writing = writer.poll() is None
        writer.wait(timeout=600)
        latencies.sort()
        pct = lambda q: round(1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1)  # noqa: E731
        return {
            "seconds": seconds,
            "clients": clients,
            "requests": len(latencies),
            "requests_per_s": round(len(latencies) / seconds, 1),
            "errors": len(errors),
            "error_examples": sorted(set(errors))[:5],
            "latency_ms_p50": pct(0.5),
            "latency_ms_p95": pct(0.95),
            "ingest_still_writing_at_end": writing,
            "ingest_exit_code": writer.returncode,
            "articles_before": before,
            "articles_after": count(db),
        }
    finally:
        for proc in (writer, server):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.seconds, args.clients, args.articles, args.workdir or Path(tmp))
    print(json.dumps(result, indent=1))
    return 0 if result["errors"] == 0 and result["ingest_exit_code"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
