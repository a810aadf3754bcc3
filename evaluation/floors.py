"""Pinned floors: the figures a change must not make worse (``floors.toml``).

As trafilatura's ``tests/eval_gate.py`` does, the figures measured today are
written down, a little below where they stand, and the CI gate fails when one
drops under its floor (or, for counts of mistakes, rises above its ceiling).
Raise a floor when a change raises its figure; never lower one to let a change
through without saying why in the commit.

``floors.toml`` holds one table per set; each key is a scorer figure (a variant
figure is quoted, ``"canonical.attributed_f1"``) and each value a bound::

    [dev]
    attributed_f1 = { min = 0.95 }
    scare_quotes_reported = { max = 0 }

A set may say ``slow = true``: the pytest gate then runs it only with
``--runslow``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FLOORS_FILE", "Bound", "check", "load_floors"]

FLOORS_FILE = Path(__file__).with_name("floors.toml")


@dataclass(frozen=True)
class Bound:
    """``min <= figure <= max`` for one figure of one set (either side may be open)."""

    figure: str
    min: float | None = None
    max: float | None = None

    def breach(self, value: Any) -> str | None:
        """Why ``value`` breaks this bound, or None when it holds."""
        if not isinstance(value, int | float) or isinstance(value, bool):
            return f"{self.figure} is {value!r}, not a number"
        if self.min is not None and value < self.min:
            return f"{self.figure} {value:.3f} < floor {self.min}"
        if self.max is not None and value > self.max:
            return f"{self.figure} {value:.3f} > ceiling {self.max}"
        return None


def load_floors(path: Path = FLOORS_FILE) -> dict[str, tuple[bool, list[Bound]]]:
    """The bounds per set, and whether the set is slow.

    Raises:
        ValueError: naming the file, set and key of a malformed bound.
    """
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[bool, list[Bound]]] = {}
    for name, table in data.items():
        if not isinstance(table, Mapping):
            raise ValueError(f"{path}: [{name}] must be a table")
        bounds = []
        for figure, spec in table.items():
            if figure == "slow":
                continue
            if not isinstance(spec, Mapping) or not set(spec) <= {"min", "max"} or not spec:
                raise ValueError(f"{path}: [{name}] {figure} must be {{ min = X }} and/or {{ max = Y }}")
            bounds.append(Bound(figure, spec.get("min"), spec.get("max")))
        out[name] = (bool(table.get("slow", False)), bounds)
    return out


def check(figures: Mapping[str, Any], bounds: list[Bound]) -> list[str]:
    """Every breach of ``bounds`` by ``figures`` (empty when all hold); a missing figure is a breach."""
    problems = []
    for bound in bounds:
        if bound.figure not in figures:
            problems.append(f"{bound.figure} missing from the scorer's output")
            continue
        why = bound.breach(figures[bound.figure])
        if why:
            problems.append(why)
    return problems
