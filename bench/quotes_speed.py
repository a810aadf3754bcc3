"""What the quote stage costs next to the spaCy parse, measured side by side in one run.

Run by hand (never in the tests); record the output in bench/RESULTS.md::

    .venv/bin/python bench/quotes_speed.py                  # PolNeAR dev when ../shared/eval is there, else examples/
    .venv/bin/python bench/quotes_speed.py FILES... --rounds 3

For every round, the articles are parsed in batches as the Pipeline does
(``nlp.pipe``), then each stage runs over each parsed article; the stage times
are per article, the parse time is the batch time divided by the articles. Times are CPU time of
this process (the development machine is shared). The figure that matters is the
quote stage (quotes and speakers together) as a share of the parse: under 10 %.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from newsdesk import Article, Pipeline, Settings, read
from newsdesk.analyze import STAGES
from newsdesk.analyze.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = ROOT.parent / "shared" / "eval" / "quotes" / "polnear-dev" / "articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", help="files or folders (default: PolNeAR dev, else examples/)")
    parser.add_argument("--rounds", type=int, default=3, help="repeat the whole measurement; the median is shown")
    args = parser.parse_args(argv)
    inputs = args.inputs or [str(DEFAULT_INPUTS if DEFAULT_INPUTS.is_dir() else ROOT / "examples")]
    settings = Settings()
    articles = [a for a in read(inputs, settings) if isinstance(a, Article)]
    if not articles:
        print("no articles read", file=sys.stderr)
        return 1
    pipeline = Pipeline(settings)
    nlp = pipeline.nlp
    parse(nlp, [articles[0].text], max_chars=settings.max_chars_analysed)  # warm up
    names = [s.name for s in pipeline.stages]
    per_round: dict[str, list[float]] = {"parse": [], **{n: [] for n in names}}
    for _ in range(args.rounds):
        started = time.process_time()
        docs = parse(nlp, [a.text for a in articles], max_chars=settings.max_chars_analysed, batch_size=16)
        per_round["parse"].append((time.process_time() - started) / len(articles))
        spent = dict.fromkeys(names, 0.0)
        for article, doc in zip(articles, docs, strict=True):
            current = article
            for name in names:
                stage = STAGES[name]
                started = time.process_time()
                current = stage.func(current, doc, settings)
                spent[name] += time.process_time() - started
        for name in names:
            per_round[name].append(spent[name] / len(articles))
    chars = statistics.mean(len(a.text) for a in articles)
    parse_ms = statistics.median(per_round["parse"]) * 1000
    print(f"{len(articles)} articles, {chars:.0f} characters on average, {args.rounds} rounds (median)")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{'step':12} {'ms/article':>10} {'% of parse':>11}")
    print(f"{'parse':12} {parse_ms:10.1f} {100.0:10.1f}%")
    for name in names:
        ms = statistics.median(per_round[name]) * 1000
        print(f"{name:12} {ms:10.1f} {100 * ms / parse_ms:10.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
