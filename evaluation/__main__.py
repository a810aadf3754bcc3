"""``python -m evaluation``: run newsdesk over the shared kit's sets and print the scorers' figures.

Examples::

    python -m evaluation                      # every set present in ../shared/eval
    python -m evaluation dev polnear-dev      # some sets
    python -m evaluation --quick --check      # the gated sets without the slow ones; exit 1 below a floor
    python -m evaluation polnear-dev --keep /tmp/out   # keep newsdesk's output (one .jsonl per set)
    python -m evaluation --list
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from evaluation.floors import check, load_floors
from evaluation.run import Result, kit_path, run_set
from evaluation.sets import SETS


def _format(result: Result, headline: str, bounded: set[str]) -> str:
    lines = [
        f"== {result.name}: {result.articles} records, newsdesk {result.produce_s:.1f}s, scorer {result.score_s:.1f}s",
        f"   {headline:34} {result.figures.get(headline, float('nan')):.3f}  (headline)",
    ]
    for key, value in result.figures.items():
        if key == headline or value is None or isinstance(value, dict | list):
            continue
        if "." in key and result.figures.get(key.split(".", 1)[1]) == value and key not in bounded:
            continue  # a variant's figure that is the same as the plain one
        mark = "  (gated)" if key in bounded else ""
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        lines.append(f"   {key:34} {shown}{mark}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", help=f"sets to run (default: all present): {', '.join(SETS)}")
    parser.add_argument("--kit", help="the evaluation kit (default: $NEWSDESK_EVAL or ../shared/eval)")
    parser.add_argument("--quick", action="store_true", help="leave out the sets floors.toml marks slow")
    parser.add_argument("--check", action="store_true", help="compare with floors.toml; exit 1 on a breach")
    parser.add_argument("--keep", metavar="DIR", help="keep newsdesk's output, one SET.jsonl per set")
    parser.add_argument("--limit", type=int, help="only the first N inputs of each set (a quick look)")
    parser.add_argument("--json", action="store_true", help="print all figures as one JSON object")
    parser.add_argument("--list", action="store_true", help="list the sets and whether they are present")
    args = parser.parse_args(argv)

    kit = kit_path(args.kit)
    floors = load_floors()
    if args.list:
        for s in SETS.values():
            where = "present" if s.present(kit) else "absent"
            print(f"{s.name:16} {where:8} {s.description}")
        return 0
    unknown = [n for n in args.sets if n not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; available: {', '.join(SETS)}")
    names = args.sets or [n for n, s in SETS.items() if s.present(kit)]
    if args.quick:
        names = [n for n in names if not floors.get(n, (False, []))[0]]
    if not names:
        print(f"no evaluation set found in {kit}", file=sys.stderr)
        return 1
    everything: dict[str, Any] = {}
    breaches: list[str] = []
    for name in names:
        eval_set = SETS[name]
        if not eval_set.present(kit):
            print(f"== {name}: not in {kit}, skipped", file=sys.stderr)
            continue
        keep = Path(args.keep) / f"{name}.jsonl" if args.keep else None
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
        result = run_set(eval_set, kit, keep=keep, limit=args.limit)
        bounds = floors.get(name, (False, []))[1]
        everything[name] = result.figures
        if not args.json:
            print(_format(result, eval_set.headline, {b.figure for b in bounds}), flush=True)
        if args.check:
            breaches += [f"{name}: {why}" for why in check(result.figures, bounds)]
    if args.json:
        print(json.dumps(everything, indent=1))
    for line in breaches:
        print(f"BELOW FLOOR {line}", file=sys.stderr)
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
