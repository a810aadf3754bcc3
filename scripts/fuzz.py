"""Fuzz every entry point with generated inputs and report: inputs tried, crashes, broken offsets.

usage: python scripts/fuzz.py [--examples 10000] [--only NAME ...]

Uses hypothesis to generate inputs (structured news-like text as well as arbitrary bytes and
unicode). An entry point fails when an exception escapes it or when an analysed article has an
offset that does not lie inside its text or does not slice to the reported string.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk import Article, Failure, Pipeline, Settings, article_id
from newsdesk.checks import offset_problems
from newsdesk.sources import read_bytes
from newsdesk.sources.debris import clean_text

NEWS = st.sampled_from(
    [
        "Mark Halden, the defence secretary, said on Thursday that talks would resume.",
        "“We are ready,” he said. “The door is open.”",
        '"We will see," she said.',
        "'Maybe,' said Costa.",
        "According to the ministry, 28,500 troops are based there.",
        "It rose fivefold to roughly $5bn.",
        "Prices rose 4.5% in 2019, up from 3 percent.",
        "The next day, officials met in Seoul.",
        "READ ALSO  Something",
        "Follow Ann Lee on Twitter: @annlee",
        "(Reuters)",
        "Mr Jeong declined to confirm it.",
        "the so-called “comfort women”",
        "“unclosed quote",
        "”backwards“",
        "— he said —",
        "…",
        "''",
        "``",
        "on midnight Friday",
        "next week",
        "by the end of the year",
        "between 3 and 5 million people",
    ]
)
TEXT = st.lists(st.one_of(NEWS, st.text(max_size=60)), min_size=1, max_size=12).map(
    lambda parts: " ".join(parts) if len(parts) % 2 else "\n\n".join(parts)
)


def entry_points(pipeline: Pipeline) -> dict[str, tuple[Any, Callable[[Any], list[str]]]]:
    def read_any(data: bytes) -> list[str]:
        out = []
        for item in read_bytes("fuzz.bin", data):
            if not isinstance(item, Article | Failure):
                out.append(f"read_bytes yielded {type(item).__name__}")
        return out

    def read_shaped(pair: tuple[str, str]) -> list[str]:
        doc, shape = pair
        raw = doc.encode("utf-8", "surrogatepass")
        data = {
            "html": b"<html><body><p>" + raw + b"</p></body></html>",
            "jsonl": json.dumps({"text": doc}).encode() + b"\n",
            "gzip": gzip.compress(raw),
        }.get(shape, raw)
        problems = []
        for item in read_bytes("fuzz." + shape, data):
            if isinstance(item, Article):
                problems += offset_problems(pipeline(item))
        return problems

    def clean(doc: str) -> list[str]:
        cleaned = clean_text(doc)
        return [] if cleaned.title is None or cleaned.title in cleaned.text else ["title not in text"]

    def stage(run: Pipeline) -> Callable[[str], list[str]]:
        """One stage (with what it needs) as an entry point; the spaCy model is loaded once for all."""

        def check(doc: str) -> list[str]:
            return offset_problems(run(Article(id=article_id(doc), source="fuzz", text=doc, published="2019-11-15")))

        return check

    def only(*names: str) -> Pipeline:
        return Pipeline(pipeline.settings.copy_with(stages=names))

    return {
        "read_bytes": (st.binary(max_size=3000), read_any),
        "read_shaped": (st.tuples(TEXT, st.sampled_from(["txt", "html", "jsonl", "gzip"])), read_shaped),
        "clean_text": (TEXT, clean),
        "quotes": (TEXT, stage(only("entities", "quotes"))),
        "amounts": (TEXT, stage(only("amounts"))),
        "dates": (TEXT, stage(only("dates"))),
        "analyse": (TEXT, stage(pipeline)),
    }


def fuzz(name: str, strategy: Any, check: Callable[[Any], list[str]], examples: int) -> dict[str, Any]:
    tally: dict[str, Any] = {"entry_point": name, "inputs": 0, "crashes": 0, "offset_errors": 0, "first": None}

    @settings(
        max_examples=examples, deadline=None, database=None, derandomize=False, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def body(value: Any) -> None:
        tally["inputs"] += 1
        try:
            problems = check(value)
        except Exception:
            tally["crashes"] += 1
            tally["first"] = tally["first"] or (repr(value)[:300], traceback.format_exc(limit=3))
            return
        if problems:
            tally["offset_errors"] += 1
            tally["first"] = tally["first"] or (repr(value)[:300], problems[:3])

    start = time.perf_counter()
    body()
    tally["seconds"] = round(time.perf_counter() - start, 1)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    pipeline = Pipeline(Settings())
    failed = False
    for name, (strategy, check) in entry_points(pipeline).items():
        if args.only and name not in args.only:
            continue
        tally = fuzz(name, strategy, check, args.examples)
        failed |= bool(tally["crashes"] or tally["offset_errors"])
        print(json.dumps(tally), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
