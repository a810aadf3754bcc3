"""The evaluation gate: newsdesk's figures on the shared kit must not fall below their pinned floors.

Every set with floors in ``evaluation/floors.toml`` is one test; it skips when
``../shared/eval`` (or the set) is absent, and sets marked ``slow`` run only with
``--runslow``. The floor logic itself is tested without the kit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evaluation.floors import FLOORS_FILE, Bound, check, load_floors
from evaluation.run import Result, kit_path, run_set
from evaluation.sets import SETS

FLOORS = load_floors()
_RESULTS: dict[str, Result] = {}


def _gate_params() -> list[Any]:
    return [
        pytest.param(name, bounds, id=name, marks=[pytest.mark.eval, *([pytest.mark.slow] if slow else [])])
        for name, (slow, bounds) in FLOORS.items()
    ]


@pytest.mark.parametrize(("name", "bounds"), _gate_params())
def test_evaluation_gate(name: str, bounds: list[Bound]) -> None:
    kit = kit_path()
    eval_set = SETS[name]
    if not eval_set.present(kit):
        pytest.skip(f"{name} is not in {kit}")
    if name not in _RESULTS:
        _RESULTS[name] = run_set(eval_set, kit)
    problems = check(_RESULTS[name].figures, bounds)
    assert not problems, f"{name}: " + "; ".join(problems)


def test_evaluation_floors_name_known_sets() -> None:
    assert set(FLOORS) <= set(SETS), f"floors.toml names unknown sets: {set(FLOORS) - set(SETS)}"
    assert all(bounds for _, bounds in FLOORS.values())


@pytest.mark.parametrize(
    ("bound", "value", "expected"),
    [
        (Bound("f1", min=0.9), 0.95, None),
        (Bound("f1", min=0.9), 0.9, None),
        (Bound("f1", min=0.9), 0.85, "f1 0.850 < floor 0.9"),
        (Bound("scare", max=0), 0, None),
        (Bound("scare", max=0), 2, "scare 2.000 > ceiling 0"),
        (Bound("f1", min=0.5, max=0.7), 0.8, "f1 0.800 > ceiling 0.7"),
        (Bound("f1", min=0.9), None, "f1 is None, not a number"),
        (Bound("f1", min=0.9), True, "f1 is True, not a number"),
    ],
)
def test_evaluation_bound_breach(bound: Bound, value: Any, expected: str | None) -> None:
    assert bound.breach(value) == expected


def test_evaluation_check_reports_missing_figures() -> None:
    bounds = [Bound("f1", min=0.9), Bound("recall", min=0.5)]
    assert check({"f1": 0.95}, bounds) == ["recall missing from the scorer's output"]
    assert check({"f1": 0.95, "recall": 0.6}, bounds) == []


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[dev]\nf1 = 0.9\n", "[dev] f1 must be"),
        ("[dev]\nf1 = { floor = 0.9 }\n", "[dev] f1 must be"),
        ("dev = 3\n", "[dev] must be a table"),
    ],
)
def test_evaluation_floors_malformed(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "floors.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_floors(path)


def test_evaluation_floors_file_parses() -> None:
    floors = load_floors(FLOORS_FILE)
    slow, bounds = floors["dev"]
    assert not slow and any(b.figure == "attributed_f1" for b in bounds)
