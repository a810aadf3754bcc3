"""What the events stage costs next to the spaCy parse, measured side by side in one run (CPU time).

Run by hand (never in the tests); record the output in bench/RESULTS.md::

    .venv/bin/python bench/events_speed.py               # giveme5w1h-dev when ../shared/eval is there, else examples/
    .venv/bin/python bench/events_speed.py FILES... --rounds 3

Each round parses the articles in batches as the Pipeline does (``nlp.pipe``),
runs the stages before events, then times the events stage over each parsed
article, split in its parts: the events (CAMEO-coded, summarised), the parse
of the headlines on their own, a batch at a time as the Pipeline does (the
main event reads them; it is spaCy time the stage adds), and the main event. Times are CPU
time of this process (the machine is shared), per article. The figure that
matters is the whole stage as a share of the parse: the issue asks for less
than 5 %.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from newsdesk import Article, Pipeline, Settings, read
from newsdesk.analyze import STAGES, sentence_spans
from newsdesk.analyze.events import article_events
from newsdesk.analyze.headline import HEAD_KEY, attach_heads
from newsdesk.analyze.mainevent import find_main_event
from newsdesk.analyze.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = ROOT.parent / "shared" / "eval" / "events" / "giveme5w1h-dev" / "articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", help="files or folders (default: giveme5w1h-dev, else examples/)")
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
    before = [s for s in pipeline.stages if s.name != "events"]
    parse(nlp, [articles[0].text], max_chars=settings.max_chars_analysed)  # warm up
    parts = ("parse", "events", "head parse", "main event")
    per_round: dict[str, list[float]] = {p: [] for p in parts}
    for _ in range(args.rounds):
        started = time.process_time()
        docs = parse(nlp, [a.text for a in articles], max_chars=settings.max_chars_analysed, batch_size=16)
        per_round["parse"].append((time.process_time() - started) / len(articles))
        spent = dict.fromkeys(parts[1:], 0.0)
        started = time.process_time()
        for n in range(0, len(articles), 16):  # as the Pipeline does, batch by batch
            attach_heads(nlp, articles[n : n + 16], docs[n : n + 16])
        spent["head parse"] = time.process_time() - started
        for article, doc in zip(articles, docs, strict=True):
            current = article.copy_with(sentences=sentence_spans(article.text, doc))
            for stage in before:
                current = STAGES[stage.name].func(current, doc, settings)
            t0 = time.process_time()
            article_events(current, doc)
            t1 = time.process_time()
            find_main_event(current, doc, head_doc=doc.user_data.get(HEAD_KEY))
            t2 = time.process_time()
            spent["events"] += t1 - t0
            spent["main event"] += t2 - t1
        for name, value in spent.items():
            per_round[name].append(value / len(articles))
    chars = statistics.mean(len(a.text) for a in articles)
    parse_ms = statistics.median(per_round["parse"]) * 1000
    print(f"{len(articles)} articles, {chars:.0f} characters on average, {args.rounds} rounds (median), CPU time")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{'step':12} {'ms/article':>10} {'% of parse':>11}")
    print(f"{'parse':12} {parse_ms:10.1f} {100.0:10.1f}%")
    total = 0.0
    for name in parts[1:]:
        ms = statistics.median(per_round[name]) * 1000
        total += ms
        print(f"{name:12} {ms:10.1f} {100 * ms / parse_ms:10.1f}%")
    print(f"{'events stage':12} {total:10.1f} {100 * total / parse_ms:10.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
