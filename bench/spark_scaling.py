"""Spark local mode with 1 and 2 cores: the speed-up, and the peak memory of each worker.

    .venv/bin/python bench/spark_scaling.py [--cores 1 2] [--copies 1] [--gold DIR]

Writes a WARC.gz of the 181 pages of ``../shared/eval/extraction/aeb`` (one
HTML response record each, ``--copies`` times over under distinct URLs) to a
temporary folder, then for each core count runs ``newsdesk.spark.run`` in a
fresh process with ``local[N]`` (the session start is not timed; reading,
extraction, analysis, the Parquet writes and the MinHash LSH dedupe are), while
a thread samples the resident memory of the JVM and of every Python worker
from ``/proc`` (Linux). Prints wall seconds, articles/s, the speed-up over the
first core count, and peak RSS per process kind.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "extraction" / "aeb"


def write_corpus(gold: Path, path: Path, copies: int) -> int:
    """A WARC.gz of the gold pages; returns the number of response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted((gold / "html").glob("*.html.gz"))
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for copy in range(copies):
            for page in pages:
                url = f"https://bench-{copy}.example/{page.name.removesuffix('.html.gz')}"
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(gzip.decompress(page.read_bytes())), http_headers=headers
                )
                writer.write_record(record)
                record.raw_stream.close()
    return len(pages) * copies


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(children)
            todo.extend(children)
    return found


def _kind(pid: int) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "gone"
    if "java" in cmd.split(" ", 1)[0]:
        return "jvm"
    if "pyspark.daemon" in cmd or "pyspark/daemon" in cmd or "worker" in cmd:
        return "python worker"
    return "python worker" if "python" in cmd else "other"


def child(cores: int, corpus: str, output: str) -> None:
    """One measured run in this process; prints a JSON line."""
    from newsdesk.spark import local_session, run

    spark = local_session(f"local[{cores}]", memory="2g")
    peaks: dict[str, float] = {"driver (python)": 0.0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peaks["driver (python)"] = max(peaks["driver (python)"], _rss_mb(os.getpid()))
            for pid in _descendants(os.getpid()):
                kind = _kind(pid)
                peaks[kind] = max(peaks.get(kind, 0.0), _rss_mb(pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    report = run(spark, [corpus], output, partitions=cores * 4)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    spark.stop()
    print(
        json.dumps(
            {
                "cores": cores,
                "wall_s": round(wall, 1),
                "rows": report.rows,
                "peak_rss_mb": {k: round(v) for k, v in peaks.items()},
                "peak_worker_maxrss_mb": report.peak_worker_rss_mb,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cores", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--child", nargs=3, metavar=("CORES", "CORPUS", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1], args.child[2])
        return 0
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        corpus = Path(tmp) / "corpus.warc.gz"
        records = write_corpus(args.gold, corpus, args.copies)
        results = []
        for cores in args.cores:
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(cores), str(corpus), str(Path(tmp) / f"out{cores}")],
                capture_output=True,
                text=True,
                check=True,
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"corpus: {records} HTML response records in one WARC.gz ({corpus.name})")
    base = results[0]["wall_s"]
    for r in results:
        articles = r["rows"]["articles"]
        print(
            f"local[{r['cores']}]: {r['wall_s']:7.1f} s  {articles / r['wall_s']:5.2f} articles/s  "
            f"speed-up {base / r['wall_s']:.2f}  peak RSS MB {r['peak_rss_mb']}  "
            f"(worker ru_maxrss {r['peak_worker_maxrss_mb']} MB)  rows {r['rows']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
