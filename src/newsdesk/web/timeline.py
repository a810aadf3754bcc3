"""The timeline of a story: what happened on which day, each point citing its sentence.

Points come from three places, most telling first: the events the analysis
found (actor, action, target, with a date), sentences that name a day the
analysis resolved (``DateRef`` with a full date), and the publication of each
article. Only days count (``2024-03-05``; a bare month or year cannot be
placed on a day axis). One sentence carried by several outlets (copies of
one wire story) is one point listing them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.model import Article

__all__ = ["TimelinePoint", "timeline"]

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass
class TimelinePoint:
    """One dated thing; ``lane`` groups points on the plot (an event category, "said to happen", "published")."""

    date: str
    lane: str
    label: str
    article_id: str
    span: tuple[int, int] | None
    outlets: list[str] = field(default_factory=list)


def _day(value: str | None) -> str | None:
    m = _DAY.match(value or "")
    return m.group(1) if m else None


def _sentence(article: Article, start: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in article.sentences if s <= start < e), None)


def _short(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def timeline(articles: list[Article]) -> list[TimelinePoint]:
    """Every dated point of ``articles``, by date (then lane), copies merged."""
    points: dict[tuple[str, str, str], TimelinePoint] = {}

    def add(date: str, lane: str, label: str, article: Article, span: tuple[int, int] | None) -> None:
        key = (date, lane, " ".join(label.lower().split()))
        point = points.setdefault(key, TimelinePoint(date, lane, label, article.id, span))
        outlet = article.outlet or "unknown outlet"
        if outlet not in point.outlets:
            point.outlets.append(outlet)

    for article in articles:
        covered: set[tuple[int, int]] = set()
        for event in article.events:
            day = _day(event.date)
            if day is None:
                continue
            what = " ".join(x for x in (event.actor, event.action, event.target) if x)
            add(day, event.category, what, article, event.sentence)
            covered.add(event.sentence)
        for date in article.dates:
            day = _day(date.value)
            sentence = _sentence(article, date.start)
            if day is None or sentence is None or sentence in covered:
                continue
            covered.add(sentence)
            add(day, "said to happen", _short(article.text[sentence[0] : sentence[1]]), article, sentence)
        day = _day(article.published)
        if day is not None:
            add(day, "published", article.title or article.source, article, None)
    lanes = {"published": 2, "said to happen": 1}
    return sorted(points.values(), key=lambda p: (p.date, lanes.get(p.lane, 0), p.lane, p.label))
