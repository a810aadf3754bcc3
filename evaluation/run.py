"""Running a set: newsdesk's output for its inputs, then the kit's scorer over it.

The scorers are the kit's own scripts, run as they are documented
(``python3 score.py GOLD SYSTEM.jsonl --json``), so a figure printed here is
the figure anyone gets from the kit's README commands.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluation.sets import PRODUCERS, EvalSet
from newsdesk import Settings

__all__ = ["DEFAULT_KIT", "Result", "kit_path", "run_set", "score_file"]

DEFAULT_KIT = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
"""The kit beside the repository (``../shared/eval``), as the helpers' checkouts have it."""


def kit_path(given: str | Path | None = None) -> Path:
    """The evaluation kit: ``given``, else ``$NEWSDESK_EVAL``, else ``../shared/eval``."""
    return Path(given or os.environ.get("NEWSDESK_EVAL") or DEFAULT_KIT)


@dataclass
class Result:
    """The figures of one set (scorer keys, variants prefixed ``variant.``) and how long it took."""

    name: str
    figures: dict[str, Any] = field(default_factory=dict)
    produce_s: float = 0.0
    score_s: float = 0.0
    articles: int = 0


def score_file(kit: Path, eval_set: EvalSet, system: Path, *extra: str) -> dict[str, Any]:
    """Run the set's scorer over a system JSON Lines file and return its figures.

    Raises:
        RuntimeError: when the scorer fails or prints no JSON (with its stderr).
    """
    cmd = [sys.executable, str(kit / eval_set.scorer), str(kit / eval_set.gold), str(system), "--json", *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    out = done.stdout
    start, end = out.find("{"), out.rfind("}")
    if done.returncode != 0 or start < 0 or end < start:
        raise RuntimeError(f"{eval_set.scorer} failed on {eval_set.name}: {done.stderr.strip() or out.strip()}")
    figures: dict[str, Any] = json.loads(out[start : end + 1])
    return figures


def run_set(
    eval_set: EvalSet,
    kit: Path,
    settings: Settings | None = None,
    *,
    keep: Path | None = None,
    limit: int | None = None,
) -> Result:
    """Produce newsdesk's output for one set and score it.

    Args:
        keep: write the system output here (else a temporary file, removed after scoring).
        limit: only the first ``limit`` inputs (a quick look; figures are then not comparable).
    """
    settings = settings or Settings()
    paths = eval_set.input_paths(kit)[:limit] if limit else eval_set.input_paths(kit)
    if not paths:
        raise FileNotFoundError(f"{eval_set.name}: no inputs match {kit / eval_set.inputs}")
    producer = PRODUCERS[eval_set.producer]
    result = Result(eval_set.name)
    with tempfile.TemporaryDirectory(prefix="newsdesk-eval-") as tmp:
        system = keep or Path(tmp) / f"{eval_set.name}.jsonl"
        started = time.perf_counter()
        with system.open("w", encoding="utf-8") as out:
            for record in producer(paths, settings):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                result.articles += 1
        result.produce_s = time.perf_counter() - started
        started = time.perf_counter()
        result.figures = score_file(kit, eval_set, system)
        for prefix, args in eval_set.variants.items():
            for key, value in score_file(kit, eval_set, system, *args).items():
                result.figures[f"{prefix}.{key}"] = value
        result.score_s = time.perf_counter() - started
    return result
