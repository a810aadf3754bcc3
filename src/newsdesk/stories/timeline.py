"""The timeline: the events of a set of articles laid out in the order they happened.

Event time and reporting time are kept apart: an entry's ``when`` is the date
of the event (from the text, or the publication date when the text gives
none, which ``date_source`` says), and ``reported`` is when the article was
published. Every entry cites its article (id, source, outlet) and the
sentence it comes from, so a reader can check each line.

Dates of different precision sort together by the first day they cover
("2019" before "2019-11" before "2019-11-21"; an ISO week by its Monday);
events without a date go last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from newsdesk.model import Article

__all__ = ["TimelineEntry", "build_timeline", "render_timeline", "sort_key"]


@dataclass(frozen=True)
class TimelineEntry:
    """One event on the timeline, with where it was reported."""

    when: str | None
    date_source: str | None
    reported: str | None
    actor: str | None
    action: str
    category: str
    target: str | None
    article_id: str
    source: str
    outlet: str | None
    sentence: tuple[int, int]
    sentence_text: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the entry."""
        data = asdict(self)
        data["sentence"] = list(self.sentence)
        return data


def sort_key(value: str | None) -> tuple[int, str]:
    """A sortable form of an ISO-like date of any precision (``2019``, ``2019-11``, ``2019-W47``, ``2019-Q3``)."""
    if not value:
        return (1, "")
    if m := re.match(r"^(\d{4})-W(\d{2})", value):
        try:
            return (0, date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat() + value[8:])
        except ValueError:
            return (0, value)
    if m := re.match(r"^(\d{4})-Q([1-4])", value):
        return (0, f"{m[1]}-{3 * int(m[2]) - 2:02d}")
    if m := re.match(r"^(\d{3})X", value):
        return (0, m[1] + "0")
    return (0, value)


def _sentence_text(article: Article, span: tuple[int, int]) -> str:
    return " ".join(article.text[span[0] : span[1]].split())


def build_timeline(articles: Iterable[Article]) -> list[TimelineEntry]:
    """Every event of ``articles``, in event-date order, then by reporting date and place in the article."""
    entries = []
    for article in articles:
        for event in article.events:
            entries.append(
                TimelineEntry(
                    when=event.date,
                    date_source=event.date_source,
                    reported=article.published,
                    actor=event.actor,
                    action=event.action,
                    category=event.category,
                    target=event.target,
                    article_id=article.id,
                    source=article.source,
                    outlet=article.outlet,
                    sentence=event.sentence,
                    sentence_text=_sentence_text(article, event.sentence),
                )
            )
    entries.sort(key=lambda e: (sort_key(e.when), sort_key(e.reported), e.source, e.sentence))
    return entries


def render_timeline(entries: Iterable[TimelineEntry]) -> str:
    """The timeline as text: one line per event, with its citation underneath."""
    lines = []
    for e in entries:
        when = e.when or "undated"
        mark = "" if e.date_source == "text" else " (published)" if e.date_source == "published" else ""
        who = e.actor or "?"
        what = f"{who} {e.action}" + (f" → {e.target}" if e.target else "") + f"  [{e.category}]"
        lines.append(f"{when}{mark}  {what}")
        cite = f"{e.outlet or e.source} {e.reported or ''}".strip()
        lines.append(f"    {cite} · {e.article_id} @{e.sentence[0]}-{e.sentence[1]}: {e.sentence_text[:160]}")
    return "\n".join(lines)
