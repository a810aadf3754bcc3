"""What changed from one story of a thread to the next: new figures, new speakers, figures that moved.

A thread's page reads as a timeline of its stories; what a reader wants from
the second story on is what it adds: the people who speak for the first
time, the quantities reported for the first time, and the ones whose value
moved (a death toll rising from 37 to 41). Figures are compared by what they
count (the corroboration's ``counts``, else their unit) and speakers by the
names :func:`~newsdesk.stories.corroborate.merge_speakers` gives them across
the whole thread, so "Havel" in one story is "Petra Havel" in the next.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.stories.brief import Brief
from newsdesk.stories.corroborate import FigureGroup, merge_speakers

__all__ = ["FigureMove", "StoryChange", "story_changes"]


@dataclass(frozen=True)
class FigureMove:
    """A quantity whose value moved: ``before`` (the last story that gave it) and ``after``."""

    measure: str
    before: str
    after: str


@dataclass(frozen=True)
class StoryChange:
    """What one story adds to the stories of its thread before it (the first: what it establishes)."""

    story_id: str
    new_speakers: tuple[str, ...]
    new_figures: tuple[str, ...]
    moved: tuple[FigureMove, ...]


def _reported(group: FigureGroup) -> tuple[float, str]:
    """The value most reports give (ties: the first reported), with its text."""
    counts = Counter(r.value for r in group.reports)
    top = max(counts.values())
    report = next(r for r in group.reports if counts[r.value] == top)
    return report.value, report.text


def _shown(text: str, measure: str) -> str:
    return text if measure.lower() in text.lower() else f"{text} {measure}"


def story_changes(briefs: Sequence[Brief]) -> list[StoryChange]:
    """For each story of a thread, in the order given (time order), what it adds to the ones before.

    Figures that count nothing named are left out (a bare "41" cannot be
    compared); a figure given twice in one story is taken as its most
    reported value.
    """
    canon = merge_speakers(q.speaker for b in briefs for q in b.quotes if q.speaker)
    heard: set[str] = set()
    known: dict[str, tuple[float, str]] = {}
    out = []
    for brief in briefs:
        speakers = sorted({canon.get(q.speaker, q.speaker) for q in brief.quotes if q.speaker})
        new_figures: list[str] = []
        moved: list[FigureMove] = []
        this: dict[str, tuple[float, str]] = {}
        for group in brief.figures:
            measure = group.counts or group.unit
            if measure and measure not in this:
                this[measure] = _reported(group)
        for measure, (value, text) in this.items():
            if measure not in known:
                new_figures.append(_shown(text, measure))
            elif known[measure][0] != value:
                moved.append(FigureMove(measure, known[measure][1], text))
        out.append(
            StoryChange(
                story_id=brief.story_id,
                new_speakers=tuple(s for s in speakers if s not in heard),
                new_figures=tuple(new_figures),
                moved=tuple(moved),
            )
        )
        heard.update(speakers)
        known.update(this)
    return out
