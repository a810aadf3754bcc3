"""HTML page to clean article: newsdesk's reader against plain ``trafilatura.extract``, same pages, same run.

    .venv/bin/python bench/html_extraction.py [--rounds 3] [--gold DIR]

On the 181 pages of ``../shared/eval/extraction/aeb`` (gzipped HTML), alternates
rounds of

* trafilatura: ``gzip.decompress`` then ``trafilatura.extract(html)`` (defaults), and
* newsdesk: ``newsdesk.sources.read_bytes`` (bounded gunzip, sniffing, trafilatura
  with metadata — title, authors, date, site name — then the debris rules; trafilatura's
  full cascade only on the pages whose fast body looks wrong, counted and printed),

pinned to one CPU, after one untimed round of each, and prints pages per CPU-second
for each from the best round (CPU time, not wall time: the machine is shared, and
waiting for a core is not work), their ratio (also the median of paired rounds),
and the extraction F1 of each output by the kit's scorer (``score_extraction.py``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "extraction" / "aeb"


def score(gold: Path, records: list[dict[str, str]]) -> str:
    """The scorer's headline line for ``records``."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    try:
        done = subprocess.run(
            [sys.executable, str(gold.parents[1] / "score_extraction.py"), str(gold), fh.name],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(fh.name).unlink()
    return done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # before numpy loads
        os.environ[var] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import trafilatura

    from newsdesk.model import Article
    from newsdesk.sources import html, read_bytes

    doubted: list[str] = []
    check = html.doubtful

    def counted(text: str) -> str | None:  # counts the pages that take trafilatura's full cascade
        reason = check(text)
        if reason:
            doubted.append(reason)
        return reason

    html.doubtful = counted  # type: ignore[assignment]

    pages = [(str(p), p.read_bytes()) for p in sorted((args.gold / "html").glob("*.html.gz"))]
    if not pages:
        print(f"no pages under {args.gold / 'html'}", file=sys.stderr)
        return 1
    for name, data in pages:  # one untimed round: lazy imports, compiled patterns, date-parser locales
        trafilatura.extract(gzip.decompress(data))
        list(read_bytes(name, data))
    plain_out: list[dict[str, str]] = []
    ours_out: list[dict[str, str]] = []
    best = {"trafilatura": float("inf"), "newsdesk": float("inf")}
    paired: list[float] = []
    for _ in range(args.rounds):
        plain_out.clear()
        start = time.process_time()
        for name, data in pages:
            plain_out.append({"source": name, "text": trafilatura.extract(gzip.decompress(data)) or ""})
        plain_time = time.process_time() - start
        best["trafilatura"] = min(best["trafilatura"], plain_time)
        ours_out.clear()
        doubted.clear()
        start = time.process_time()
        for name, data in pages:
            for item in read_bytes(name, data):
                if isinstance(item, Article):
                    ours_out.append({"source": name, "text": item.text})
        ours_time = time.process_time() - start
        best["newsdesk"] = min(best["newsdesk"], ours_time)
        paired.append(plain_time / ours_time)

    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"pages: {len(pages)}, rounds: {args.rounds}, trafilatura {trafilatura.__version__}")
    for name, records in (("trafilatura", plain_out), ("newsdesk", ours_out)):
        rate = len(pages) / best[name]
        print(f"{name:12} {rate:6.1f} pages/s  ({best[name]:.2f} CPU s best round)  {score(args.gold, records)}")
    print(f"full cascade (fallback) on {len(doubted)}/{len(pages)} pages: {', '.join(sorted(set(doubted))) or '-'}")
    print(
        f"ratio newsdesk/trafilatura: {best['trafilatura'] / best['newsdesk']:.2f} (best rounds), "
        f"{statistics.median(paired):.2f} (median of {len(paired)} paired rounds)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
