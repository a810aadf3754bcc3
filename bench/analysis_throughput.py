"""Per-article analysis throughput on one core: newsdesk's Pipeline against bare spaCy, same text, same run.

    .venv/bin/python bench/analysis_throughput.py [--rounds 3] [FILES…]

Reads the articles (default: ../shared/eval/quotes/polnear-dev/articles, 84
news articles), then alternates rounds of

* spaCy: ``en_core_web_sm`` ``nlp.pipe`` over the article texts (every
  component; the parse alone), and
* newsdesk: ``Pipeline.pipe`` over the same articles (the same parse, then
  every default stage: sentences, entities, quotes, amounts, dates),

pinned to one CPU with one BLAS thread, and prints words per CPU-second for each
(words = whitespace-separated tokens of the text; CPU time, not wall time, since
the machine is shared) from the best round, and their ratio.
Reading and cleaning the inputs is not timed (see html_extraction.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "quotes" / "polnear-dev" / "articles"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # before numpy loads
        os.environ[var] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from newsdesk import Article, Pipeline, Settings, read
    from newsdesk.analyze.nlp import load_model

    articles = [a for a in read(args.files) if isinstance(a, Article)]
    if not articles:
        print("no articles to read", file=sys.stderr)
        return 1
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    settings = Settings()
    nlp = load_model(settings.model)
    pipeline = Pipeline(settings)
    list(nlp.pipe(texts[:4]))  # warm both paths (lazy imports, caches, locales) before timing
    list(pipeline.pipe(articles[:4]))

    best = {"spacy": float("inf"), "newsdesk": float("inf")}
    paired: list[float] = []
    for _ in range(args.rounds):
        start = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        spacy_time = time.process_time() - start
        best["spacy"] = min(best["spacy"], spacy_time)
        start = time.process_time()
        out = list(pipeline.pipe(articles))
        ours_time = time.process_time() - start
        best["newsdesk"] = min(best["newsdesk"], ours_time)
        paired.append(spacy_time / ours_time)
        assert all(isinstance(a, Article) for a in out)

    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"articles: {len(articles)}, words: {words:,}, stages: {', '.join(settings.stages)}, rounds: {args.rounds}")
    for name in ("spacy", "newsdesk"):
        print(f"{name:9} {words / best[name]:10,.0f} words/s  ({best[name]:.2f} CPU s best round)")
    print(
        f"ratio newsdesk/spacy: {best['spacy'] / best['newsdesk']:.2f} (best rounds), "
        f"{statistics.median(paired):.2f} (median of {len(paired)} paired rounds)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
