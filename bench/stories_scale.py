"""Copies and story clustering on a synthetic corpus: time and peak memory from 10k to 100k articles.

The corpus is made here, deterministically, so the benchmark needs nothing
from outside: events (each with its own people, places, numbers and rare
words) reported by 1–12 outlets over a few days, a share of them as wire
copies run verbatim or lightly edited by other outlets, and many one-article
stories, at about 100 articles a day (a bigger corpus covers a longer time,
as a desk does: 10k articles are 100 days, 100k are 1,000). Articles are built as analysed
records (entities included), so what is timed is the cross-article work
only: profiles, MinHash LSH copies and clustering, as ``find_stories`` runs
them. Each size runs in a fresh process, so its peak resident memory is its
own.

    .venv/bin/python bench/stories_scale.py                  # 10k, 20k, 50k, 100k
    .venv/bin/python bench/stories_scale.py --sizes 10000    # one size
    .venv/bin/python bench/stories_scale.py --stream --sizes 1000000   # a million, streamed
    .venv/bin/python bench/stories_scale.py --stream --sizes 20000 --jobs 1   # in one process

``--stream`` makes the same kind of corpus day by day (each day's events, their
reports published over the next days) and never holds it: copies are found over
the whole corpus (a pass that keeps only the signatures), then the originals'
profiles are clustered window by window in date order
(:func:`newsdesk.stories.clusters.cluster_by_window`, as the Spark job's driver
does), holding two windows. The corpus is made once and written to a temporary
file in chunks of 1,000 articles; each pass reads it back in order, as the pass
over a desk reads its stored articles. Reading it is timed apart (one pass that
only reads) and left out of the CPU figures, not out of the wall time.

``--jobs N`` computes the signatures and profiles on N worker processes
(:func:`newsdesk.workers.map_ordered`; default: the ``jobs`` setting, one per
core) while this process makes the corpus and clusters; the stories are the
same with any N. The CPU figures add the workers' CPU time (read from
``/proc`` twice a second, as is the memory of the whole process tree).
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsdesk.model import Article, Entity, article_id


def _word(rnd: random.Random, syllables: tuple[int, int] = (4, 7)) -> str:
    parts = ["ka", "lo", "mi", "ren", "sto", "var", "del", "qui", "bra", "nes", "tol", "zen", "por", "gha", "lis"]
    return "".join(rnd.choice(parts) for _ in range(rnd.randint(*syllables)))


def corpus(n: int, seed: int = 7) -> tuple[list[Article], dict[str, int]]:
    """``n`` articles and the gold event of each (by article id)."""
    gold: dict[str, int] = {}
    return [a for _, a in _events(n, seed, gold, dated=False)], gold


def stream_corpus(n: int, gold: dict[str, int], seed: int = 7) -> Iterator[Article]:
    """The same kind of corpus, made day by day and given in date order (``gold`` filled as it goes)."""
    pending: list[tuple[str, int, Article]] = []
    for made, (day, a) in enumerate(_events(n, seed, gold, dated=True)):
        while pending and pending[0][0] < day.isoformat():  # no event to come reports before its own day
            yield heapq.heappop(pending)[2]
        heapq.heappush(pending, (a.published or "", made, a))
    while pending:
        yield heapq.heappop(pending)[2]


def _events(n: int, seed: int, gold: dict[str, int], *, dated: bool) -> Iterator[tuple[date, Article]]:
    """The reports of one event after another, with its day; ``dated``: events day by day (else on random days)."""
    from wordfreq import top_n_list

    rnd = random.Random(seed)
    common = [w for w in top_n_list("en", 3000) if w.isalpha() and len(w) > 2]
    outlets = [
        f"{_word(rnd, (2, 3)).title()} {rnd.choice(['Times', 'Post', 'Herald', 'Wire', 'News'])}" for _ in range(300)
    ]
    start = date(2025, 1, 1)
    days = max(30, n // 100)  # a desk grows with time: about 100 articles a day, whatever the size
    made = 0
    event = 0
    while made < n:
        event += 1
        people = [f"{_word(rnd).title()} {_word(rnd).title()}" for _ in range(rnd.randint(1, 3))]
        place = _word(rnd).title()
        rare = [_word(rnd) for _ in range(12)]
        numbers = [str(rnd.randint(10, 90000)) for _ in range(4)]
        day = start + (timedelta(days=made * days // n) if dated else timedelta(days=rnd.randint(0, days - 1)))
        size = 1 if rnd.random() < 0.5 else rnd.randint(2, 12)
        wire: str | None = None
        for k in range(min(size, n - made)):
            if wire is not None and rnd.random() < 0.3:
                text = wire if rnd.random() < 0.5 else wire.replace(" the ", " a ", 3) + " More follows."
            else:
                sentences = []
                for _ in range(rnd.randint(8, 16)):
                    words = rnd.sample(common, 10) + rnd.sample(rare, 3)
                    if rnd.random() < 0.5:
                        words.append(rnd.choice(people))
                    if rnd.random() < 0.3:
                        words.append(rnd.choice(numbers))
                    if rnd.random() < 0.3:
                        words.append(place)
                    rnd.shuffle(words)
                    sentences.append(" ".join(words).capitalize() + ".")
                text = " ".join(sentences)
                wire = wire or text
            outlet = rnd.choice(outlets)
            published = (day + timedelta(days=rnd.randint(0, 3) if k else 0)).isoformat()
            entities = tuple(
                Entity(name, "PERSON", tuple((i, i + len(name)) for i in _find(text, name)))
                for name in people
                if name in text
            ) + (
                (Entity(place, "GPE", tuple((i, i + len(place)) for i in _find(text, place))),) if place in text else ()
            )
            spans, at = [], 0
            for sentence in text.split(". "):
                spans.append((at, at + len(sentence) + 1))
                at += len(sentence) + 2
            aid = article_id(text, outlet=outlet)
            if aid in gold:
                continue
            gold[aid] = event
            yield (
                day,
                Article(
                    id=aid,
                    source=f"synthetic/{made}.txt",
                    text=text,
                    outlet=outlet,
                    published=published,
                    sentences=tuple(spans),
                    entities=entities,
                ),
            )
            made += 1


def _find(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _b_cubed(gold: dict[str, int], system: dict[str, str]) -> float:
    from collections import Counter

    pairs = Counter((gold[a], system[a]) for a in gold)
    g, s = Counter(gold.values()), Counter(system[a] for a in gold)
    p = sum(pairs[(gold[a], system[a])] / s[system[a]] for a in gold) / len(gold)
    r = sum(pairs[(gold[a], system[a])] / g[gold[a]] for a in gold) / len(gold)
    return 2 * p * r / (p + r)


class _Tree:
    """CPU seconds and resident memory of this process and its descendants (the workers), sampled from /proc.

    Sampled ten times a second; processes seen once outside the tree are not read again, so a sample
    costs little (its CPU time is this process's, in the figures). The memory is the tree's
    proportional set size (pages shared by the workers and the forkserver counted once), read
    every fifth sample.
    """

    def __init__(self, every: float = 0.1) -> None:
        self.cpu: dict[tuple[int, str], float] = {}  # (pid, start time) of each descendant → its CPU seconds
        self.peak_rss = 0
        self._samples = 0
        self._foreign: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.sample()

    def sample(self) -> None:
        stats: dict[int, list[str]] = {}
        for entry in os.listdir("/proc"):  # noqa: PTH208 - names only, many times a second
            if entry.isdigit() and int(entry) not in self._foreign:
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text(encoding="ascii")
                except OSError:
                    continue
                stats[int(entry)] = stat.rsplit(")", 1)[1].split()
        children: dict[int, list[int]] = {}
        for pid, fields in stats.items():
            children.setdefault(int(fields[1]), []).append(pid)
        me, tick = os.getpid(), os.sysconf("SC_CLK_TCK")
        tree: set[int] = set()
        todo = [me]
        while todo:
            pid = todo.pop()
            tree.add(pid)
            todo.extend(children.get(pid, []))
        self._foreign.update(stats.keys() - tree)
        if self._samples % 5 == 0:
            self.peak_rss = max(self.peak_rss, sum(_pss(pid) for pid in tree))
        self._samples += 1
        for pid in tree - {me}:
            if pid in stats:
                fields = stats[pid]
                self.cpu[(pid, fields[19])] = (int(fields[11]) + int(fields[12])) / tick

    def stop(self) -> tuple[float, float]:
        """The descendants' CPU seconds and the peak proportional set size of the tree (MiB)."""
        self._samples = 0
        self.sample()
        self._stop.set()
        self._thread.join()
        return sum(self.cpu.values()), self.peak_rss / 2**20


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (0 when it is gone)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii")
    except OSError:
        return 0
    return next((int(line.split()[1]) * 1024 for line in rollup.splitlines() if line.startswith("Pss:")), 0)


def run_one(n: int, jobs: int) -> dict[str, float]:
    from newsdesk.settings import Settings
    from newsdesk.stories.clusters import cluster
    from newsdesk.stories.dedupe import find_copies
    from newsdesk.stories.features import profiles as all_profiles

    articles, gold = corpus(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    settings = Settings()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    tree = _Tree()
    copies = find_copies(articles, threshold=settings.duplicate_threshold, jobs=jobs)
    t1 = time.perf_counter()
    originals = [a for a in articles if copies.copy_of(a.id) is None]
    profiles = list(all_profiles(originals, jobs))
    t2 = time.perf_counter()
    story = cluster(profiles, settings)
    t3 = time.perf_counter()
    system = {a.id: story[copies.original[a.id]] for a in articles}
    workers_cpu, tree_pss = tree.stop()
    return {
        "jobs": jobs,
        "articles": len(articles),
        "copies": len(articles) - len(originals),
        "dedupe_s": t1 - t0,
        "profiles_s": t2 - t1,
        "cluster_s": t3 - t2,
        "total_s": t3 - t0,
        "cpu_s": time.process_time() - cpu0 + workers_cpu,
        "workers_cpu_s": workers_cpu,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_tree_pss_mib": tree_pss,
        "corpus_rss_mib": base / 1024,
        "stories": len(set(system.values())),
        "events": len(set(gold.values())),
        "b3_f1": _b_cubed(gold, system),
    }


def _write_corpus(n: int, path: Path) -> dict[str, int]:
    """Make the streamed corpus into ``path`` (pickled chunks, never all held); the gold event of each article."""
    gold: dict[str, int] = {}
    with path.open("wb") as out:
        chunk: list[Article] = []
        for article in stream_corpus(n, gold):
            chunk.append(article)
            if len(chunk) == 1000:
                pickle.dump(chunk, out, protocol=pickle.HIGHEST_PROTOCOL)
                chunk = []
        pickle.dump(chunk, out, protocol=pickle.HIGHEST_PROTOCOL)
    return gold


def _read_corpus(path: Path) -> Iterator[Article]:
    """The articles :func:`_write_corpus` wrote (this run's own file), in order."""
    with path.open("rb") as f:
        while True:
            try:
                yield from pickle.load(f)
            except EOFError:
                return


def run_stream(n: int, jobs: int) -> dict[str, float]:
    """Copies over the whole corpus, then windowed clustering in date order; the corpus is never held."""
    with tempfile.TemporaryDirectory(prefix="stories_scale-") as tmp:
        return _run_stream(n, jobs, Path(tmp) / "corpus.pickle")


def _run_stream(n: int, jobs: int, path: Path) -> dict[str, float]:
    from newsdesk.settings import Settings
    from newsdesk.stories.clusters import cluster_by_window
    from newsdesk.stories.dedupe import find_copies
    from newsdesk.stories.features import profiles

    settings = Settings()
    cpu0 = time.process_time()
    gold = _write_corpus(n, path)
    making = time.process_time() - cpu0
    cpu0 = time.process_time()
    for _ in _read_corpus(path):  # reading it alone, to leave it out of the CPU figures
        pass
    reading = time.process_time() - cpu0
    tree = _Tree()
    cpu0, t0 = time.process_time(), time.perf_counter()
    copies = find_copies(_read_corpus(path), threshold=settings.duplicate_threshold, jobs=jobs)
    t1 = time.perf_counter()
    cpu1 = time.process_time()
    workers1, pss1 = tree.stop()
    tree = _Tree()
    originals = (a for a in _read_corpus(path) if copies.copy_of(a.id) is None)
    story = cluster_by_window(profiles(originals, jobs), settings)
    t2 = time.perf_counter()
    cpu2 = time.process_time()
    workers2, tree_pss = tree.stop()
    system = {aid: story[copies.original[aid]] for aid in gold}
    return {
        "jobs": jobs,
        "articles": len(gold),
        "copies": sum(1 for aid in gold if copies.copy_of(aid) is not None),
        "dedupe_s": t1 - t0,
        "profiles_s": 0.0,
        "cluster_s": t2 - t1,  # profiles and windowed clustering together
        "total_s": t2 - t0,
        "cpu_s": (cpu2 - cpu0) - 2 * reading + workers1 + workers2,  # two passes, each reading the corpus once
        "dedupe_cpu_s": cpu1 - cpu0 - reading + workers1,
        "workers_cpu_s": workers1 + workers2,
        "making_cpu_s": making,
        "reading_cpu_s": reading,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_tree_pss_mib": max(pss1, tree_pss),
        "corpus_rss_mib": 0.0,
        "stories": len(set(system.values())),
        "events": len(set(gold.values())),
        "b3_f1": _b_cubed(gold, system),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000, 100_000])
    parser.add_argument("--stream", action="store_true", help="make the corpus day by day and stream it")
    parser.add_argument("--jobs", type=int, help="processes for signatures and profiles [default: the jobs setting]")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        from newsdesk.settings import Settings
        from newsdesk.workers import jobs_for

        jobs = args.jobs if args.jobs is not None else jobs_for(Settings())
        print(json.dumps(run_stream(args.one, jobs) if args.stream else run_one(args.one, jobs)))
        return
    rows = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n), *(["--stream"] if args.stream else [])]
        command += ["--jobs", str(args.jobs)] if args.jobs is not None else []
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    print("\n| articles | jobs | copies | dedupe s | profiles s | cluster s | total s | CPU s | CPU s / 1k", end="")
    print(" | peak RSS MiB (PSS of all processes) | B3 F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        per_k = r["cpu_s"] / r["articles"] * 1000
        print(
            f"| {r['articles']:,} | {r['jobs']} | {r['copies']:,} | {r['dedupe_s']:.1f} | {r['profiles_s']:.1f} "
            f"| {r['cluster_s']:.1f} | {r['total_s']:.1f} | {r['cpu_s']:.1f} | {per_k:.2f} "
            f"| {r['peak_rss_mib']:.0f} ({r['peak_tree_pss_mib']:.0f}) | {r['b3_f1']:.3f} |"
        )


if __name__ == "__main__":
    main()
