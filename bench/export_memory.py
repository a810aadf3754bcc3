"""Peak memory of ``newsdesk export`` as the desk grows: it must stay flat (the desk is streamed).

Builds SQLite desks of synthetic articles (made here, each with entities,
quotes, figures, dates and an event, about 2 KB of text), then exports each
in a child process per format and reads the child's peak resident memory
(``ru_maxrss``) and CPU time. A flat peak across desk sizes is the streaming
claim; a peak that grows with the desk would be a whole-desk load.

    .venv/bin/python bench/export_memory.py --sizes 2000 8000 --formats csv parquet gkg
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsdesk import Amount, Article, DateRef, Entity, Event, Mention, Quote, SQLiteStore, StoryLink, article_id

SENTENCE = (
    'Councillor Ines Moura of Port Alvor said: "The {n} ferry crews deserve better," after {n} crew walked out '
    "on Tuesday and the Harbour Board put the cost at €{n} million. "
)


def synthetic(n: int) -> Article:
    text = (SENTENCE.format(n=n) * 12).strip()
    quote_start = text.index("The ")
    quote_end = text.index(',"')
    crew = text.index(f"{n} crew")
    money = text.index("€")
    return Article(
        id=article_id(text, f"https://bench.example/{n}"),
        source=f"{n}.html",
        text=text,
        outlet="Bench Daily",
        title=f"Ferry walkout {n}",
        published=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
        url=f"https://bench.example/{n}",
        sentences=((0, len(SENTENCE.format(n=n)) - 1),),
        entities=(
            Entity("Ines Moura", "PERSON", ((11, 21),)),
            Entity("Port Alvor", "GPE", ((25, 35),)),
            Entity("Harbour Board", "ORG", ((text.index("Harbour"), text.index("Harbour") + 13),)),
        ),
        quotes=(
            Quote(
                text[quote_start:quote_end],
                quote_start,
                quote_end,
                "direct",
                "Ines Moura",
                Mention("Ines Moura", 11, 21),
                "said",
                (36, 40),
            ),
        ),
        amounts=(
            Amount(f"{n} crew", crew, crew + len(f"{n} crew"), float(n), "crew", "crew"),
            Amount(f"€{n} million", money, money + len(f"€{n} million"), n * 1e6, "EUR"),
        ),
        dates=(DateRef("Tuesday", text.index("Tuesday"), text.index("Tuesday") + 7, "2025-03-04", True),),
        events=(Event("crews", "walk out", "protest", (0, 200), trigger=(crew, crew + 5)),),
    )


def build(path: Path, size: int) -> None:
    store = SQLiteStore(path)
    for n in range(size):
        a = synthetic(n)
        store.put(a)
    store.put_story_links(StoryLink(i, i) for i in store.article_ids())
    store.close()


CHILD = """
import resource, sys, time
from newsdesk import open_store
from newsdesk.export import export_desk
store = open_store(sys.argv[1])
t = time.process_time()
report = export_desk(store, sys.argv[2], sys.argv[3])
print(report.articles, time.process_time() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument("--formats", nargs="+", default=["csv", "jsonl", "parquet", "gkg"])
    args = parser.parse_args()
    print("| articles | desk MB | format | CPU s | peak RSS MB |\n|---:|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            desk = Path(tmp) / f"desk{size}.db"
            started = time.process_time()
            build(desk, size)
            built = time.process_time() - started
            for fmt in args.formats:
                out = Path(tmp) / f"out-{size}-{fmt}"
                line = subprocess.run(
                    [sys.executable, "-c", CHILD, str(desk), str(out), fmt], check=True, capture_output=True, text=True
                ).stdout.split()
                cpu, rss = float(line[1]), float(line[2])
                print(f"| {size:,} | {desk.stat().st_size / 1e6:.1f} | {fmt} | {cpu:.1f} | {rss:.0f} |")
            print(f"(built in {built:.1f} s CPU)", file=sys.stderr)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"python {sys.version.split()[0]}, peak RSS of the builder {own:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
