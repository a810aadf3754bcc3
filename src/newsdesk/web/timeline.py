"""The timeline of a story for its page: the plot's points and the table's rows.

The events and their order come from :func:`newsdesk.stories.build_timeline`
and :func:`newsdesk.stories.select_timeline` (the articles' main events, then
dated actions, statements left out; event time and reporting time kept apart,
each entry citing its sentence), each row labelled with its summary.
Here they are shaped for a page: one event carried by several outlets (copies
of one wire story, or the same fact told twice) is one row listing them all,
and the plot gets a point per event that is dated to a day (a bare month or
year cannot sit on a day axis; it stays in the table) plus one per
publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.model import Article
from newsdesk.stories import build_timeline, select_timeline

__all__ = ["TimelineRow", "timeline"]

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass
class TimelineRow:
    """One event (or publication) and the outlets that report it.

    ``when`` is as precise as the text allows; ``day`` is set when it names a
    day (the plot shows those). ``lane`` is the event's category (its CAMEO
    root), or "published". ``span`` is the cited sentence of the first
    article; ``main`` marks an article's main event.
    """

    when: str | None
    day: str | None
    lane: str
    label: str
    article_id: str
    span: tuple[int, int] | None
    sentence: str = ""
    date_source: str | None = None
    outlets: list[str] = field(default_factory=list)
    main: bool = False
    cameo: str | None = None
    cameo_label: str | None = None


def _day(value: str | None) -> str | None:
    m = _DAY.match(value or "")
    return m.group(1) if m else None


def timeline(articles: list[Article]) -> list[TimelineRow]:
    """The story's events in the order they happened, copies merged, then its publications."""
    rows: dict[tuple[str | None, str, str], TimelineRow] = {}
    for entry in select_timeline(build_timeline(articles), once=False):
        label = entry.summary or " ".join(x for x in (entry.actor, entry.action, entry.target) if x)
        key = (entry.when, entry.category, " ".join(label.lower().split()))
        row = rows.setdefault(
            key,
            TimelineRow(entry.when, _day(entry.when), entry.category, label, entry.article_id, entry.sentence,
                        entry.sentence_text, entry.date_source, main=entry.main, cameo=entry.cameo,
                        cameo_label=entry.cameo_label),
        )  # fmt: skip
        row.main = row.main or entry.main
        outlet = entry.outlet or "unknown outlet"
        if outlet not in row.outlets:
            row.outlets.append(outlet)
    published: list[TimelineRow] = []
    for article in articles:
        if article.published:
            title = article.title or article.source
            published.append(
                TimelineRow(article.published, _day(article.published), "published", title, article.id, None,
                            outlets=[article.outlet or "unknown outlet"])
            )  # fmt: skip
    published.sort(key=lambda r: (r.when or "", r.outlets))
    return [*rows.values(), *published]
