"""The timeline: the events of a set of articles laid out in the order they happened.

Event time and reporting time are kept apart: an entry's ``when`` is the date
of the event (from the text, or the publication date when the text gives
none, which ``date_source`` says), and ``reported`` is when the article was
published. Every entry cites its article (id, source, outlet) and the
sentence it comes from, so a reader can check each line, and reads as a
sentence: its ``summary`` ("Rail workers went on strike over pay").

:func:`build_timeline` lays out every event, each article's main event
(``main``) among them. :func:`select_timeline` keeps the ones that matter for
a story, as the brief and the desk show it: the main events of its articles
first, then dated actions; statements are quotes, not timeline entries, and
an event told by several articles is one entry.

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

__all__ = [
    "OTHER",
    "STATEMENT",
    "TimelineEntry",
    "build_timeline",
    "render_timeline",
    "select_timeline",
    "sort_key",
]

STATEMENT = "make public statement"
"""The CAMEO root of statements: quotes, not timeline entries."""
OTHER = "other"
"""The category of a main event the CAMEO lexicon does not code (an accident, a result)."""


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
    summary: str | None = None
    cameo: str | None = None
    cameo_label: str | None = None
    main: bool = False

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
    """Every event of ``articles`` and each one's main event, in event-date order, then by reporting date
    and place in the article. An event that is its article's main event (the same verb) is one entry."""
    entries = []
    for article in articles:
        main = article.main_event
        main_trigger = main.trigger if main is not None else None
        if main is not None and main.summary:
            entries.append(
                TimelineEntry(
                    when=main.date,
                    date_source=main.date_source,
                    reported=article.published,
                    actor=main.who.text if main.who else None,
                    action=main.what.text if main.what and main.what.text else "",
                    category=main.category or OTHER,
                    target=None,
                    article_id=article.id,
                    source=article.source,
                    outlet=article.outlet,
                    sentence=main.sentence,
                    sentence_text=_sentence_text(article, main.sentence),
                    summary=main.summary,
                    cameo=main.cameo,
                    cameo_label=main.cameo_label,
                    main=True,
                )
            )
        for event in article.events:
            if main_trigger is not None and event.trigger == main_trigger:
                continue
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
                    summary=event.summary,
                    cameo=event.cameo,
                    cameo_label=event.cameo_label,
                )
            )
    entries.sort(key=lambda e: (sort_key(e.when), sort_key(e.reported), e.source, e.sentence, not e.main))
    return entries


def _told(e: TimelineEntry) -> str:
    return " ".join((e.summary or f"{e.actor} {e.action} {e.target or ''}").casefold().split())


def select_timeline(
    entries: Iterable[TimelineEntry], *, limit: int | None = None, once: bool = True
) -> list[TimelineEntry]:
    """The entries that matter, in event-date order: main events first, then dated actions, each told once.

    Statements (the CAMEO root "make public statement": what someone said) are
    left out, and so are entries without a summary or a date. With ``limit``,
    main events are kept before actions; with ``once=False`` an event told by
    several articles keeps an entry for each (to list who reports it).
    """
    entries = list(entries)
    chosen: list[TimelineEntry] = []
    seen: set[tuple[str | None, str]] = set()
    for wanted in (True, False):
        for e in entries:
            if e.main is not wanted or not e.when or not e.summary or e.category == STATEMENT:
                continue
            key = (e.when[:10], _told(e))
            if once and key in seen:
                continue
            seen.add(key)
            chosen.append(e)
    if limit is not None:
        chosen = chosen[:limit]
    order = {id(e): n for n, e in enumerate(entries)}
    return sorted(chosen, key=lambda e: order[id(e)])


def render_timeline(entries: Iterable[TimelineEntry]) -> str:
    """The timeline as text: one line per event (its summary), with its citation underneath."""
    lines = []
    for e in entries:
        when = e.when or "undated"
        mark = "" if e.date_source == "text" else " (published)" if e.date_source == "published" else ""
        told = e.summary or " ".join(x for x in (e.actor, e.action, e.target) if x)
        code = f"{e.category}" + (f" {e.cameo}" if e.cameo else "")
        star = "* " if e.main else ""
        lines.append(f"{when}{mark}  {star}{told}  [{code}]")
        cite = f"{e.outlet or e.source} {e.reported or ''}".strip()
        lines.append(f"    {cite} · {e.article_id} @{e.sentence[0]}-{e.sentence[1]}: {e.sentence_text[:160]}")
    return "\n".join(lines)
