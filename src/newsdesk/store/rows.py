"""An article as rows of the desk's plain tables, and back: one mapping for every SQL backend.

The SQLite and PostgreSQL desks keep their own DDL (each dialect's migrations
are its own history), but their tables have the same columns in the same
order, so what goes into a row and how a row becomes an
:class:`~newsdesk.model.Article` again is written once, here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from newsdesk.model import Amount, Article, DateRef, Debris, Entity, Event, MainEvent, Mention, Phrase, Quote
from newsdesk.store.base import StorySummary

__all__ = [
    "ARTICLE_COLUMNS",
    "LOADED_TABLES",
    "STORY_MEMBERS",
    "THREAD_SUMMARY",
    "article_from_rows",
    "article_row",
    "child_rows",
    "entity_names",
    "now",
    "story_from_row",
    "story_row",
    "summarise",
]

ARTICLE_COLUMNS = (
    "id, source, url, outlet, title, authors, published, language, input_format, text, sentences, stages, ingested_at"
)
"""The ``articles`` columns :func:`article_row` fills, in its order (a backend may add its own)."""

LOADED_TABLES = ("entities", "mentions", "quotes", "amounts", "dates", "events", "main_events", "debris")
"""The child tables an article is loaded from, each with ``article_id`` and all its columns filled."""


STORY_MEMBERS = (
    "SELECT l.article_id, l.copy_of, a.outlet, a.title, a.source, a.published, a.ingested_at"
    " FROM story_links l JOIN articles a ON a.id = l.article_id WHERE l.story_id = {}"
)
"""What :func:`summarise` reads of a story's members (format in the backend's placeholder)."""

THREAD_SUMMARY = (
    "INSERT INTO thread_summaries"
    " SELECT t.thread_id, (SELECT title FROM articles WHERE id = t.thread_id),"
    " count(DISTINCT t.story_id), count(*), count(DISTINCT a.outlet), min(a.published), max(a.published)"
    " FROM thread_links t JOIN story_links l ON l.story_id = t.story_id JOIN articles a ON a.id = l.article_id"
    " WHERE t.thread_id = {} GROUP BY t.thread_id"
)
"""Writes one thread's kept summary, as the ``threads`` view adds it up (format in the backend's placeholder)."""


class Row(Protocol):
    """A result row read by column name (a ``sqlite3.Row``, a psycopg dict row)."""

    def __getitem__(self, key: str, /) -> Any: ...


def now() -> str:
    """The time stamp of a write (UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def article_row(a: Article) -> tuple[Any, ...]:
    """The ``articles`` row of ``a``, in :data:`ARTICLE_COLUMNS` order, stamped now."""
    return (
        a.id,
        a.source,
        a.url,
        a.outlet,
        a.title,
        json.dumps(list(a.authors)),
        a.published,
        a.language,
        a.input_format,
        a.text,
        json.dumps([list(s) for s in a.sentences]),
        json.dumps(list(a.stages)),
        now(),
    )


def child_rows(a: Article) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every child table for ``a``, each row all of its table's columns in order.

    Entities come before mentions (a mention's foreign key names its entity).
    """
    return {
        "entities": [(a.id, i, e.name, e.label, json.dumps(list(e.aliases))) for i, e in enumerate(a.entities)],
        "mentions": [(a.id, i, s, t) for i, e in enumerate(a.entities) for s, t in e.mentions],
        "quotes": [
            (
                a.id,
                i,
                q.text,
                q.start,
                q.end,
                q.kind,
                q.speaker,
                q.speaker_mention.text if q.speaker_mention else None,
                q.speaker_mention.start if q.speaker_mention else None,
                q.speaker_mention.end if q.speaker_mention else None,
                q.cue,
                *(q.cue_span or (None, None)),
                q.via.text if q.via else None,
                q.via.start if q.via else None,
                q.via.end if q.via else None,
            )
            for i, q in enumerate(a.quotes)
        ],
        "amounts": [
            (a.id, i, m.text, m.start, m.end, m.value, m.unit, m.counts, int(m.approximate), m.high, m.context)
            for i, m in enumerate(a.amounts)
        ],
        "dates": [
            (a.id, i, d.text, d.start, d.end, d.value, int(d.resolved), d.relative_to) for i, d in enumerate(a.dates)
        ],
        "events": [
            (
                a.id,
                i,
                ev.actor,
                ev.action,
                ev.category,
                ev.target,
                ev.date,
                ev.date_source,
                *ev.sentence,
                *(ev.trigger or (None, None)),
                ev.summary,
                ev.cameo,
                ev.cameo_label,
            )
            for i, ev in enumerate(a.events)
        ],
        "main_events": [_main_event_row(a.id, a.main_event)] if a.main_event is not None else [],
        "debris": [(a.id, i, d.text, d.reason) for i, d in enumerate(a.debris)],
    }


_QUESTIONS = ("who", "what", "when", "where", "why", "how")


def _main_event_row(article_id: str, ev: MainEvent) -> tuple[Any, ...]:
    """The ``main_events`` row: the event's fields, then text, start, end of each W (and when's value)."""
    phrases: list[Any] = []
    for w in _QUESTIONS:
        p: Phrase | None = getattr(ev, w)
        phrases += [p.text, p.start, p.end] if p is not None else [None, None, None]
        if w == "when":
            phrases.append(p.value if p is not None else None)
    head = (ev.summary, *(ev.trigger or (None, None)), ev.date, ev.date_source, ev.category, ev.cameo, ev.cameo_label)
    return (article_id, 0, *ev.sentence, *head, *phrases)


def _main_event(rows: Sequence[Row]) -> MainEvent | None:
    if not rows:
        return None
    r = rows[0]
    phrases: dict[str, Phrase | None] = {}
    for w in _QUESTIONS:
        value = r["when_value"] if w == "when" else None
        present = r[f"{w}_text"] is not None or r[f"{w}_start"] is not None or value is not None
        phrases[w] = Phrase(r[f"{w}_text"], r[f"{w}_start"], r[f"{w}_end"], value) if present else None
    return MainEvent(
        sentence=(r["sentence_start"], r["sentence_end"]),
        summary=r["summary"],
        trigger=(r["trigger_start"], r["trigger_end"]) if r["trigger_start"] is not None else None,
        date=r["date"],
        date_source=r["date_source"],
        category=r["category"],
        cameo=r["cameo"],
        cameo_label=r["cameo_label"],
        **phrases,
    )


def article_from_rows(row: Row, children: Mapping[str, Sequence[Row]]) -> Article:
    """An Article from its ``articles`` row and the rows of its child tables.

    ``children`` holds, for each of :data:`LOADED_TABLES`, the article's rows
    in order (``idx``; mentions by entity, start, end).
    """
    spans: dict[int, list[tuple[int, int]]] = {}
    for m in children["mentions"]:
        spans.setdefault(m["entity_idx"], []).append((m["start"], m["end"]))
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        outlet=row["outlet"],
        title=row["title"],
        authors=tuple(json.loads(row["authors"])),
        published=row["published"],
        url=row["url"],
        language=row["language"],
        input_format=row["input_format"],
        debris=tuple(Debris(d["text"], d["reason"]) for d in children["debris"]),
        sentences=tuple((int(s), int(e)) for s, e in json.loads(row["sentences"])),
        entities=tuple(
            Entity(e["name"], e["label"], tuple(spans.get(e["idx"], ())), tuple(json.loads(e["aliases"])))
            for e in children["entities"]
        ),
        quotes=tuple(
            Quote(
                q["text"],
                q["start"],
                q["end"],
                q["kind"],
                q["speaker"],
                Mention(q["speaker_mention"], q["speaker_start"], q["speaker_end"])
                if q["speaker_mention"] is not None
                else None,
                q["cue"],
                (q["cue_start"], q["cue_end"]) if q["cue_start"] is not None else None,
                Mention(q["via"], q["via_start"], q["via_end"]) if q["via"] is not None else None,
            )
            for q in children["quotes"]
        ),
        amounts=tuple(
            Amount(
                m["text"],
                m["start"],
                m["end"],
                m["value"],
                m["unit"],
                m["counts"],
                bool(m["approximate"]),
                m["high"],
                m["context"],
            )
            for m in children["amounts"]
        ),
        dates=tuple(
            DateRef(d["text"], d["start"], d["end"], d["value"], bool(d["resolved"]), d["relative_to"])
            for d in children["dates"]
        ),
        events=tuple(
            Event(
                ev["actor"],
                ev["action"],
                ev["category"],
                (ev["sentence_start"], ev["sentence_end"]),
                ev["target"],
                ev["date"],
                ev["date_source"],
                (ev["trigger_start"], ev["trigger_end"]) if ev["trigger_start"] is not None else None,
                ev["summary"],
                ev["cameo"],
                ev["cameo_label"],
            )
            for ev in children["events"]
        ),
        main_event=_main_event(children.get("main_events", ())),
        stages=tuple(json.loads(row["stages"])),
    )


def entity_names(a: Article) -> list[str]:
    """The names an entity listing finds ``a`` by: its entities' canonical names and its quotes' speakers."""
    return list(dict.fromkeys([e.name for e in a.entities] + [q.speaker for q in a.quotes if q.speaker]))


def summarise(story_id: str, members: Sequence[Row], version: int) -> StorySummary | None:
    """A story's summary from its members' rows (:data:`STORY_MEMBERS`); None for a story with none.

    The lead (whose title names the story) is the earliest original, by
    date, then storing time, then id; a story of copies only is led by its
    earliest copy.
    """
    if not members:
        return None
    originals = [m for m in members if not m["copy_of"]] or list(members)
    lead = min(originals, key=lambda m: (m["published"] or "9999", m["ingested_at"], m["article_id"]))
    dates = sorted(m["published"] for m in members if m["published"])
    return StorySummary(
        id=story_id,
        title=lead["title"] or lead["source"],
        outlets=tuple(sorted({m["outlet"] for m in members if m["outlet"]})),
        n_articles=len(members),
        n_copies=sum(1 for m in members if m["copy_of"]),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        version=version,
    )


def story_row(s: StorySummary) -> tuple[Any, ...]:
    """The ``stories`` row of a summary, in column order, stamped now."""
    return (
        s.id,
        s.title,
        json.dumps(list(s.outlets), ensure_ascii=False),
        s.n_articles,
        s.n_articles - s.n_copies,
        len(s.outlets),
        s.first,
        s.last,
        s.version,
        now(),
    )


def story_from_row(row: Row) -> StorySummary:
    """A summary from its ``stories`` row."""
    return StorySummary(
        id=row["id"],
        title=row["title"],
        outlets=tuple(json.loads(row["outlets"])),
        n_articles=int(row["n_articles"]),
        n_copies=int(row["n_articles"]) - int(row["n_originals"]),
        first=row["first_published"],
        last=row["last_published"],
        version=int(row["version"]),
    )
