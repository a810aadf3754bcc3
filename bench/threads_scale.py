"""Threads on the synthetic stories corpus: time and memory of sketching and threading, 10k to 100k articles.

The corpus is ``bench/stories_scale.py``'s (events reported by 1–12 outlets,
wire copies, about 100 articles a day, so 100k articles cover 1,000 days),
made there, deterministically. Each size runs in a fresh process: copies,
profiles and stories as ``find_stories`` runs them (timed, for scale), then
what threads add: each story's sketch (:func:`newsdesk.stories.threads.sketch`)
and the threading of the sketches (:func:`newsdesk.stories.threads.find_threads`).
The threads' CPU seconds are the process CPU time of those two steps; their
memory is the peak that tracemalloc sees while the two steps run again (a
second, traced run, so the timing is not slowed by tracing), beside the
process's peak RSS, which is the stories' own.

    .venv/bin/python bench/threads_scale.py                  # 10k, 20k, 50k, 100k
    .venv/bin/python bench/threads_scale.py --sizes 10000    # one size
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_scale import _b_cubed, corpus  # (the stories benchmark's corpus, not a copy of it)


def run_one(n: int) -> dict[str, float]:
    """Stories, then sketches and threads, on ``n`` synthetic articles."""
    from newsdesk.settings import Settings
    from newsdesk.stories.clusters import cluster
    from newsdesk.stories.dedupe import find_copies
    from newsdesk.stories.features import profile
    from newsdesk.stories.threads import find_threads, sketch

    articles, gold = corpus(n)
    settings = Settings()
    cpu0 = time.process_time()
    copies = find_copies(articles, threshold=settings.duplicate_threshold)
    originals = [a for a in articles if copies.copy_of(a.id) is None]
    profiles = [profile(a) for a in originals]
    story = cluster(profiles, settings)
    cpu1 = time.process_time()
    members: dict[str, list[int]] = {}
    for i, a in enumerate(originals):
        members.setdefault(story[a.id], []).append(i)

    def threads() -> dict[str, str]:
        sketches = [
            sketch(sid, [originals[i] for i in idx], [profiles[i] for i in idx]) for sid, idx in members.items()
        ]
        return find_threads(sketches, settings)

    t0 = time.perf_counter()
    thread = threads()
    wall = time.perf_counter() - t0
    cpu2 = time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    again = threads()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert again == thread
    system = {a.id: story[copies.original[a.id]] for a in articles}
    threaded = {a.id: thread[system[a.id]] for a in articles}
    return {
        "articles": len(articles),
        "stories_cpu_s": cpu1 - cpu0,
        "threads_cpu_s": cpu2 - cpu1,
        "threads_wall_s": wall,
        "threads_peak_mib": peak / 2**20,
        "peak_rss_mib": rss,
        "events": len(set(gold.values())),
        "stories": len(set(system.values())),
        "threads": len(set(threaded.values())),
        "b3_f1": _b_cubed(gold, system),
        "thread_b3_f1": _b_cubed(gold, threaded),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    print("\n| articles | stories CPU s | threads CPU s | threads CPU s / 1k | threads wall s", end="")
    print(" | threads peak MiB (traced) | process peak RSS MiB | events | stories | threads | B3 F1 | thread B3 F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['articles']:,} | {r['stories_cpu_s']:.1f} | {r['threads_cpu_s']:.1f} "
            f"| {r['threads_cpu_s'] / r['articles'] * 1000:.3f} | {r['threads_wall_s']:.1f} "
            f"| {r['threads_peak_mib']:.0f} | {r['peak_rss_mib']:.0f} | {r['events']:,} | {r['stories']:,} "
            f"| {r['threads']:,} | {r['b3_f1']:.3f} | {r['thread_b3_f1']:.3f} |"
        )


if __name__ == "__main__":
    main()
