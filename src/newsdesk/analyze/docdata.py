"""newsdesk's records on a spaCy ``Doc``: kept as plain data, read back with ``Span``s.

The spaCy components (:mod:`newsdesk.analyze.components`) leave what they
find in ``doc.user_data``, in the records' JSON form (the public output format,
:func:`newsdesk.model.to_dict`): plain lists and dicts, which ``Doc.to_bytes``
serialises, so the results survive ``nlp.pipe(..., n_process=2)``, ``DocBin``
and pickling, as spaCy requires of extension values. The ``Doc`` extensions
(``doc._.entities``, ``doc._.quotes``, …) are getters over that data that give
each record with the ``Span``s of the doc it points at: a quote's words, cue,
speaker mention; an entity's mentions; an amount's or a date's text.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from newsdesk.model import Amount, Article, DateRef, Entity, Event, Quote, from_dict, to_dict

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "KEY",
    "DocAmount",
    "DocDate",
    "DocEntity",
    "DocEvent",
    "DocQuote",
    "amounts_of",
    "dates_of",
    "entities_of",
    "events_of",
    "kept",
    "put",
    "quotes_of",
    "records",
]

Field = Literal["entities", "quotes", "amounts", "dates", "events"]

KEY = "newsdesk."
"""The prefix of newsdesk's keys in ``doc.user_data`` (``"newsdesk.quotes"`` holds the quotes)."""

_BARE = Article(id="", source="", text="")


_DECODED: weakref.WeakKeyDictionary[Doc, dict[str, tuple[object, tuple[Any, ...]]]] = weakref.WeakKeyDictionary()
"""Per doc and field, the kept data and its records: in one process, a component reads what the one
before it kept without decoding it again (the data object itself, by identity, says it is unchanged)."""


def put(doc: Doc, field: Field, found: tuple[Any, ...]) -> None:
    """Keep one kind of record on the doc, in its JSON form (``found`` are records of ``field``'s kind)."""
    data = to_dict(_BARE.copy_with(**{field: found}))[field]
    doc.user_data[KEY + field] = data
    _DECODED.setdefault(doc, {})[field] = (data, tuple(found))


def _decoded(doc: Doc, field: Field) -> tuple[Any, ...]:
    data = doc.user_data[KEY + field]
    known = _DECODED.get(doc, {}).get(field)
    if known is not None and known[0] is data:
        return known[1]
    found: tuple[Any, ...] = getattr(from_dict({"id": "", "source": "", "text": "", field: data}), field)
    _DECODED.setdefault(doc, {})[field] = (data, found)
    return found


def records(doc: Doc, *fields: Field) -> Article:
    """The records of ``fields`` kept on the doc, as a text-less :class:`Article` (a kind not
    kept stays empty: :func:`kept` tells an empty kind from one no component filled)."""
    return _BARE.copy_with(**{field: _decoded(doc, field) for field in fields if kept(doc, field)})


def kept(doc: Doc, field: Field) -> bool:
    """Has a newsdesk component filled ``field`` on this doc?"""
    return KEY + field in doc.user_data


def _span(doc: Doc, start: int, end: int) -> Span:
    """The tokens that hold ``[start, end)`` (widened to whole tokens; empty where no token is)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        return span
    i = next((t.i for t in doc if t.idx >= start), len(doc))
    return doc[i:i]


@dataclass(frozen=True)
class DocEntity:
    """An entity on a doc: its canonical name and label, and every ``Span`` that names it."""

    record: Entity
    mentions: tuple[Span, ...]

    @property
    def name(self) -> str:
        """The canonical name (the fullest form the text uses)."""
        return self.record.name

    @property
    def label(self) -> str:
        """A spaCy-style label: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, WORK_OF_ART."""
        return self.record.label


@dataclass(frozen=True)
class DocQuote:
    """A quote on a doc: the quoted words, the cue, who said it (the canonical speaker and the
    ``Span`` that names them there) and the document they spoke through, as ``Span``s."""

    record: Quote
    span: Span
    cue: Span | None
    speaker_mention: Span | None
    via: Span | None

    @property
    def speaker(self) -> str | None:
        """The canonical speaker: an entity's name, or the description of an unnamed source."""
        return self.record.speaker

    @property
    def kind(self) -> str:
        """``direct``, ``partial`` or ``indirect`` (reported speech)."""
        return self.record.kind


@dataclass(frozen=True)
class DocAmount:
    """A figure on a doc: its ``Span``, value and unit."""

    record: Amount
    span: Span

    @property
    def value(self) -> float:
        """The value (the low end of a range)."""
        return self.record.value

    @property
    def unit(self) -> str | None:
        """An ISO currency code, ``%``, ``times`` or the counted noun."""
        return self.record.unit


@dataclass(frozen=True)
class DocDate:
    """A time expression on a doc: its ``Span`` and the calendar value it resolves to."""

    record: DateRef
    span: Span

    @property
    def value(self) -> str | None:
        """ISO-like, as precise as the text allows ("2019", "2019-11-21", "2019-W47")."""
        return self.record.value


@dataclass(frozen=True)
class DocEvent:
    """An event on a doc: who did what to whom, its sentence and its trigger as ``Span``s."""

    record: Event
    sentence: Span
    trigger: Span | None

    @property
    def actor(self) -> str | None:
        """Who acted: an entity's canonical name, or a noun for people or bodies ("rail workers")."""
        return self.record.actor

    @property
    def summary(self) -> str | None:
        """What happened, as a short clause ("Rail workers went on strike over pay")."""
        return self.record.summary

    @property
    def cameo(self) -> str | None:
        """The CAMEO code ("143"); ``category`` of the record is its root's label."""
        return self.record.cameo

    @property
    def date(self) -> str | None:
        """When: the date of the event's clause, else the publication date (``record.date_source`` says which)."""
        return self.record.date


def entities_of(doc: Doc) -> tuple[DocEntity, ...] | None:
    """``doc._.entities``: None until ``newsdesk_entities`` has run."""
    if not kept(doc, "entities"):
        return None
    found = records(doc, "entities").entities
    return tuple(DocEntity(e, tuple(_span(doc, s, t) for s, t in e.mentions)) for e in found)


def quotes_of(doc: Doc) -> tuple[DocQuote, ...] | None:
    """``doc._.quotes``: None until ``newsdesk_quotes`` has run."""
    if not kept(doc, "quotes"):
        return None
    out = []
    for q in records(doc, "quotes").quotes:
        mention, via = q.speaker_mention, q.via
        out.append(
            DocQuote(
                q,
                _span(doc, q.start, q.end),
                cue=_span(doc, *q.cue_span) if q.cue_span else None,
                speaker_mention=_span(doc, mention.start, mention.end) if mention else None,
                via=_span(doc, via.start, via.end) if via else None,
            )
        )
    return tuple(out)


def amounts_of(doc: Doc) -> tuple[DocAmount, ...] | None:
    """``doc._.amounts``: None until ``newsdesk_amounts`` has run."""
    if not kept(doc, "amounts"):
        return None
    return tuple(DocAmount(a, _span(doc, a.start, a.end)) for a in records(doc, "amounts").amounts)


def dates_of(doc: Doc) -> tuple[DocDate, ...] | None:
    """``doc._.dates``: None until ``newsdesk_dates`` has run."""
    if not kept(doc, "dates"):
        return None
    return tuple(DocDate(d, _span(doc, d.start, d.end)) for d in records(doc, "dates").dates)


def events_of(doc: Doc) -> tuple[DocEvent, ...] | None:
    """``doc._.events``: None until ``newsdesk_events`` has run."""
    if not kept(doc, "events"):
        return None
    return tuple(
        DocEvent(e, _span(doc, *e.sentence), _span(doc, *e.trigger) if e.trigger else None)
        for e in records(doc, "events").events
    )
