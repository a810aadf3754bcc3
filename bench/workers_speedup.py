"""Analysis on every core: articles/s with 1 and with 2 worker processes, side by side in one run.

    .venv/bin/python bench/workers_speedup.py [--articles 300] [--rounds 2] [--modes ingest,web,watch]

Three ways in, each run as a user runs it, on a fresh desk each time, wall time from start to
finish (worker start-up, model loading, storing and placing in stories included):

* ``ingest``: ``newsdesk ingest corpus.jsonl --jobs N`` (a new process);
* ``web``: ``newsdesk serve --jobs N`` already running; the corpus uploaded to ``POST /api/ingest``,
  timed until the job is done;
* ``watch``: ``newsdesk watch feed.xml --jobs N`` on an RSS file whose items carry the full text.

The corpus is synthetic (``scripts/synthetic.py``, six generated reports joined into one article
of about 550 words), so the run needs nothing but the repository. Each round runs ``--jobs 1``
and ``--jobs 2`` of a mode back to back (in alternating order), and the ratio is the median of
the rounds' ratios: the machine's other load changes less within a round than across the run.
Prints a Markdown table for bench/RESULTS.md, and the load average before and after.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import article  # noqa: E402

CLI = [sys.executable, "-m", "newsdesk.cli"]
PARTS = 6


def corpus(n: int, seed: int = 17) -> list[dict[str, str]]:
    """``n`` distinct articles of about 550 words, each six synthetic reports joined."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        parts = [article(i * PARTS + k, rng) for k in range(PARTS)]
        first = parts[0]
        records.append(
            {
                "url": f"https://bench.example/{i}",
                "outlet": str(first["outlet"]),
                "published": str(first["published"]),
                "title": str(first["title"]),
                "text": "\n\n".join(str(p["text"]) for p in parts),
            }
        )
    return records


def write_jsonl(records: list[dict[str, str]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_rss(records: list[dict[str, str]], path: Path) -> Path:
    items = []
    for r in records:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in r["text"].split("\n\n"))
        items.append(
            f"<item><title>{html.escape(r['title'])}</title><link>{r['url']}</link><guid>{r['url']}</guid>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Bench Wire</title>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    return path


def timed_command(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def call(port: int, path: str, body: bytes | None = None, ctype: str | None = None) -> dict[str, object]:
    headers = {"Host": f"127.0.0.1:{port}"}
    if ctype:
        headers["Content-Type"] = ctype
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        result: dict[str, object] = json.loads(response.read())
        return result


def web_ingest(db: Path, jobs: int, upload: Path) -> float:
    """Seconds from the upload to the job's end, on a server started (and answering) beforehand."""
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--db", str(db), "--port", str(port), "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                call(port, "/api")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        boundary = "newsdesk-bench-boundary"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{upload.name}"\r\n'
                "Content-Type: application/json\r\n\r\n"
            ).encode()
            + upload.read_bytes()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        t0 = time.perf_counter()
        job = call(port, "/api/ingest", body, f"multipart/form-data; boundary={boundary}")
        while job["state"] not in ("done", "failed"):
            time.sleep(0.1)
            job = call(port, f"/api/jobs/{job['id']}")
        elapsed = time.perf_counter() - t0
        if job["state"] != "done":
            raise RuntimeError(f"the web ingest failed: {job.get('error')}")
        return elapsed
    finally:
        server.terminate()
        server.wait(timeout=60)


def run_once(mode: str, jobs: int, work: Path, files: dict[str, Path]) -> float:
    db = work / f"{mode}-{jobs}-{time.monotonic_ns()}.db"
    if mode == "ingest":
        return timed_command([*CLI, "ingest", str(files["jsonl"]), "--db", str(db), "--jobs", str(jobs)])
    if mode == "watch":
        return timed_command([*CLI, "watch", str(files["rss"]), "--db", str(db), "--jobs", str(jobs)])
    return web_ingest(db, jobs, files["jsonl"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--modes", default="ingest,web,watch")
    args = parser.parse_args()
    records = corpus(args.articles)
    words = sum(len(r["text"].split()) for r in records)
    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        work = Path(tmp)
        files = {"jsonl": write_jsonl(records, work / "corpus.jsonl"), "rss": write_rss(records, work / "feed.xml")}
        for mode in args.modes.split(","):
            times: dict[int, list[float]] = {1: [], 2: []}
            for r in range(args.rounds):
                for jobs in (1, 2) if r % 2 == 0 else (2, 1):
                    seconds = run_once(mode, jobs, work, files)
                    times[jobs].append(seconds)
                    print(f"{mode} --jobs {jobs}: {seconds:.1f} s", file=sys.stderr)
            ratios = [one / two for one, two in zip(times[1], times[2], strict=True)]
            rows.append((mode, statistics.median(times[1]), statistics.median(times[2]), statistics.median(ratios)))
    load_after = os.getloadavg()
    print(f"{args.articles} articles, {words:,} words; {os.cpu_count()} CPUs; rounds: {args.rounds}")
    print(f"load average before {load_before[0]:.1f}, after {load_after[0]:.1f}\n")
    print("| way in | --jobs 1 | --jobs 2 | speed-up |")
    print("|---|---:|---:|---:|")
    for mode, one, two, ratio in rows:
        n = args.articles
        speeds = f"{n / one:.2f} articles/s ({one:.1f} s) | {n / two:.2f} articles/s ({two:.1f} s)"
        print(f"| {mode} | {speeds} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
