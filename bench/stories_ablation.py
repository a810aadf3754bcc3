"""What each story signal adds, on ECB+ (../shared/eval/stories/ecbplus), and how robust the setting is.

Reads the articles as ``newsdesk extract --format jsonl`` printed them (so the
spaCy analysis runs once), clusters them with each signal switched on or
off, and scores B-cubed F1 against the gold stories:

* ``all``: the whole set (772 articles, 66 stories; every topic holds two
  similar events);
* ``odd`` / ``even``: the topics split in two halves (a setting tuned on one
  half should hold on the other);
* ``sparse``: five random subsamples where many stories keep one or two
  articles, as in real news (one-article stories are common), to check that
  the setting does not rely on ECB+'s ~11 articles per story.

    newsdesk extract ../shared/eval/stories/ecbplus/articles/*.txt --format jsonl > /tmp/ecb.jsonl
    .venv/bin/python bench/stories_ablation.py /tmp/ecb.jsonl [--embeddings]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from newsdesk import Settings, from_dict
from newsdesk.stories.clusters import cluster
from newsdesk.stories.dedupe import find_copies
from newsdesk.stories.features import Profile, profile

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "stories" / "ecbplus" / "gold.jsonl"


def b_cubed(gold: list[str], system: list[str]) -> float:
    pairs = Counter(zip(gold, system, strict=True))
    g, s = Counter(gold), Counter(system)
    p = sum(pairs[(a, b)] / s[b] for a, b in zip(gold, system, strict=True)) / len(gold)
    r = sum(pairs[(a, b)] / g[a] for a, b in zip(gold, system, strict=True)) / len(gold)
    return 2 * p * r / (p + r)


def subsample(gold: list[str], seed: int) -> list[int]:
    rnd = random.Random(seed)
    by: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        by[g].append(i)
    keep: list[int] = []
    for _, idx in sorted(by.items()):
        r = rnd.random()
        m = 1 if r < 0.4 else 2 if r < 0.6 else rnd.randint(3, 5) if r < 0.8 else len(idx)
        keep += rnd.sample(idx, min(m, len(idx)))
    return sorted(keep)


def score(profiles: list[Profile], gold: list[str], settings: Settings, original: dict[str, str]) -> dict[str, float]:
    """B-cubed F1 on the whole set, each half of the topics, and the sparse subsamples.

    As ``newsdesk stories`` does, copies are not clustered: each follows its original.
    """
    topic = [int(g.rstrip("ecbplus")) for g in gold]

    def on(idx: list[int]) -> float:
        ids = {profiles[i].id for i in idx}
        ps = [
            profiles[i]
            for i in idx
            if original[profiles[i].id] == profiles[i].id or original[profiles[i].id] not in ids
        ]
        story = cluster(ps, settings)
        label = [story.get(profiles[i].id) or story[original[profiles[i].id]] for i in idx]
        return b_cubed([gold[i] for i in idx], label)

    everything = list(range(len(profiles)))
    subs = [subsample(gold, s) for s in range(5)]
    return {
        "all": on(everything),
        "odd": on([i for i in everything if topic[i] % 2]),
        "even": on([i for i in everything if not topic[i] % 2]),
        "sparse": sum(on(x) for x in subs) / len(subs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", help="newsdesk extract --format jsonl output for the ECB+ articles")
    parser.add_argument("--embeddings", action="store_true", help="also rows with lead embeddings (slow on a CPU)")
    args = parser.parse_args()
    gold_by_file = {json.loads(x)["file"]: json.loads(x)["story"] for x in GOLD.read_text().splitlines() if x.strip()}
    articles = [from_dict(json.loads(x)) for x in Path(args.articles).read_text().splitlines() if x.strip()]
    gold = [gold_by_file[Path(a.source).name] for a in articles]
    vectors: list[tuple[float, ...] | None] = [None] * len(articles)
    if args.embeddings:
        from newsdesk.stories.embed import embed, lead

        vectors = list(embed([lead(a) for a in articles]))
    profiles = [profile(a, v) for a, v in zip(articles, vectors, strict=True)]
    original = dict(find_copies(articles).original)
    base = Settings()
    rows: list[tuple[str, Settings]] = [
        ("words only", base.copy_with(story_weight_names=0, story_weight_numbers=0)),
        ("names only", base.copy_with(story_weight_terms=0, story_weight_numbers=0)),
        ("numbers only", base.copy_with(story_weight_terms=0, story_weight_names=0)),
        ("words + names", base.copy_with(story_weight_numbers=0)),
        ("words + names + numbers (default)", base),
        ("default, no time window", base.copy_with(story_window_days=100_000, story_fade_days=0)),
        (
            "default, all-pairs average linkage (no neighbour graph)",
            base.copy_with(story_neighbours=100_000, story_min_similarity=0.0, story_threshold=0.25),
        ),
    ]
    if args.embeddings:
        rows += [
            (
                "lead embeddings only",
                base.copy_with(
                    story_weight_terms=0, story_weight_names=0, story_weight_numbers=0, story_weight_vector=1.0
                ),
            ),
            ("default + lead embeddings (0.25)", base.copy_with(story_weight_vector=0.25)),
            ("default + lead embeddings (0.5)", base.copy_with(story_weight_vector=0.5)),
        ]
    print("| signals | ECB+ all | odd topics | even topics | sparse subsamples |")
    print("|---|---:|---:|---:|---:|")
    for name, settings in rows:
        s = score(profiles, gold, settings, original)
        print(f"| {name} | {s['all']:.3f} | {s['odd']:.3f} | {s['even']:.3f} | {s['sparse']:.3f} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
