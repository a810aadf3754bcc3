"""Figures of a story side by side, with the disagreements between outlets flagged.

Amounts are grouped by what they measure: the unit and the counted noun
("troops", "passengers"; folded, singular and plural alike), or the unit alone
for money and percentages. A story often holds several figures of one unit
that are different facts (a 4% offer and a 9% demand), so within a unit the
values are cut into figures where they lie far apart (more than 25%): two
outlets that give one fact differently give close values ("28,500 vs 28,000
troops", "€170m vs €180m"). A figure whose outlets give values that differ by
more than rounding is a disagreement, and the page shows each value with the
outlets that report it. Ranges compare by their low end and high end both.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from newsdesk.model import Amount, Article
from newsdesk.store.search import tokens

__all__ = ["FigureGroup", "FigureValue", "figures"]

TOLERANCE = 0.005
"""Values within 0.5% of each other are the same value (rounding in the text)."""

SAME_FACT = 1.25
"""Values of one measure within this ratio of each other are taken as one fact reported (perhaps differently)."""


@dataclass
class FigureValue:
    """One value of a figure and where it is reported."""

    value: float
    high: float | None
    text: str
    outlets: list[str] = field(default_factory=list)
    cites: list[tuple[str, int, int]] = field(default_factory=list)  # (article id, start, end)


@dataclass
class FigureGroup:
    """A quantity the story reports, and the values outlets give it."""

    measure: str
    unit: str | None
    values: list[FigureValue]

    @property
    def disagree(self) -> bool:
        """Two values, not both from one outlet only (one outlet may give two numbers for two things)."""
        return len(self.values) > 1 and len(self.outlets) > 1

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(o for v in self.values for o in v.outlets))


def _measure(amount: Amount) -> str:
    words = tokens(amount.counts or "")
    if not words:
        return ""
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return last


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)


def figures(articles: list[Article]) -> list[FigureGroup]:
    """The story's figures grouped by what they measure; groups with a disagreement first."""
    by_measure: dict[tuple[str, str | None], list[tuple[Amount, Article]]] = defaultdict(list)
    for article in articles:
        for amount in article.amounts:
            measure = _measure(amount)
            if measure or amount.unit:  # a bare number ("two") says nothing to compare
                by_measure[(measure, amount.unit)].append((amount, article))
    out: list[FigureGroup] = []
    for (measure, unit), found in by_measure.items():
        found.sort(key=lambda item: item[0].value)
        runs: list[list[tuple[Amount, Article]]] = []
        for item in found:
            if runs and item[0].value <= runs[-1][-1][0].value * SAME_FACT + 1e-9:
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            values: list[FigureValue] = []
            for amount, article in run:
                high = amount.high or amount.value
                same = next(
                    (v for v in values if _close(v.value, amount.value) and _close(v.high or v.value, high)), None
                )
                if same is None:
                    same = FigureValue(amount.value, amount.high, amount.text)
                    values.append(same)
                outlet = article.outlet or "unknown outlet"
                if outlet not in same.outlets:
                    same.outlets.append(outlet)
                same.cites.append((article.id, amount.start, amount.end))
            values.sort(key=lambda v: (-len(v.outlets), v.value))
            out.append(FigureGroup(measure or (unit or ""), unit, values))
    return sorted(out, key=lambda g: (not g.disagree, -len(g.outlets), g.measure, g.values[0].value))
