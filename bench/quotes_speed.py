"""What the quote stage costs next to the spaCy parse, measured side by side in one run.

Run by hand (never in the tests); record the output in bench/RESULTS.md::

    .venv/bin/python bench/quotes_speed.py                  # PolNeAR dev when ../shared/eval is there, else examples/
    .venv/bin/python bench/quotes_speed.py FILES... --rounds 3

For every round, the articles are parsed in batches as the Pipeline does
(``nlp.pipe``), then each stage runs over each parsed article; the stage times
are per article, the parse time is the batch time divided by the articles. Times are CPU time of
this process (the development machine is shared). The figure that matters is the
quote stage (quotes and speakers together) as a share of the parse: under 10 %.

Side by side, each stage also runs through its spaCy component (``newsdesk_quotes``,
…, made with ``nlp.create_pipe``) over the same parses: the same extractor, plus
reading the entities the component before it kept on the doc and keeping its own
results there as plain data. The second figure that matters is the quote stage
through the component against through the Pipeline: no more.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from spacy.tokens import Doc

from newsdesk import Article, Pipeline, Settings, read
from newsdesk.analyze import STAGES
from newsdesk.analyze.components import FACTORIES
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
    names = [s.name for s in pipeline.stages]
    components = {n: nlp.create_pipe(f"newsdesk_{n}") for n in names if f"newsdesk_{n}" in FACTORIES}
    per_round: dict[str, list[float]] = {"parse": [], **{n: [] for n in names}}
    per_round.update({f"{n} (component)": [] for n in components})

    def through_pipeline(article: Article, doc: Doc, spent: dict[str, float]) -> None:
        current = article
        for name in names:
            started = time.process_time()
            current = STAGES[name].func(current, doc, settings)
            spent[name] += time.process_time() - started

    def through_components(article: Article, doc: Doc, spent: dict[str, float]) -> None:
        doc._.published = article.published or settings.published
        for name, component in components.items():
            started = time.process_time()
            component(doc)
            spent[f"{name} (component)"] += time.process_time() - started

    warm = parse(nlp, [a.text for a in articles], max_chars=settings.max_chars_analysed, batch_size=16)
    for article, doc in zip(articles, warm, strict=True):  # every cache of both ways filled before timing
        through_pipeline(article, doc, dict.fromkeys(per_round, 0.0))
        through_components(article, doc, dict.fromkeys(per_round, 0.0))
    for round_no in range(args.rounds):
        started = time.process_time()
        docs = parse(nlp, [a.text for a in articles], max_chars=settings.max_chars_analysed, batch_size=16)
        per_round["parse"].append((time.process_time() - started) / len(articles))
        spent = dict.fromkeys(per_round, 0.0)
        ways = (through_pipeline, through_components)
        for article, doc in zip(articles, docs, strict=True):
            for way in ways if round_no % 2 == 0 else ways[::-1]:  # neither way always first
                way(article, doc, spent)
        for name in per_round:
            if name != "parse":
                per_round[name].append(spent[name] / len(articles))
    chars = statistics.mean(len(a.text) for a in articles)
    parse_ms = statistics.median(per_round["parse"]) * 1000
    print(f"{len(articles)} articles, {chars:.0f} characters on average, {args.rounds} rounds (median)")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{'step':12} {'ms/article':>10} {'% of parse':>11} {'component':>10} {'% of parse':>11} {'ratio':>6}")
    print(f"{'parse':12} {parse_ms:10.1f} {100.0:10.1f}%")
    for name in names:
        ms = statistics.median(per_round[name]) * 1000
        line = f"{name:12} {ms:10.1f} {100 * ms / parse_ms:10.1f}%"
        if name in components:
            cms = statistics.median(per_round[f"{name} (component)"]) * 1000
            line += f" {cms:10.1f} {100 * cms / parse_ms:10.1f}% {cms / ms:6.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
