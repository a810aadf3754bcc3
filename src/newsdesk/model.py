"""The data model every stage reads and extends.

All records are frozen dataclasses so that an analysed article can be cached,
compared with ``==``, stored and shipped between processes (Spark) without
surprises. Annotations are *stand-off*: they hold character offsets into
``Article.text`` (the cleaned body) and never copies of mutable state.

A stage takes an :class:`Article` and returns a new one, built with
:func:`dataclasses.replace` (``article.copy_with(quotes=...)``).

Serialisation lives here too (:func:`to_dict` / :func:`from_dict`): the JSON
form is the public output format described by ``schema/article.schema.json``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Self, TypeVar

__all__ = [
    "Amount",
    "Article",
    "DateRef",
    "Debris",
    "Entity",
    "Event",
    "Failure",
    "MainEvent",
    "Mention",
    "PersonLink",
    "Phrase",
    "Quote",
    "StoryLink",
    "ThreadLink",
    "article_id",
    "from_dict",
    "to_dict",
]

QuoteKind = Literal["direct", "partial", "indirect"]

Span = tuple[int, int]


class _Record:
    """Mixin giving every record an httpx-style ``copy_with``."""

    def copy_with(self, **changes: Any) -> Self:
        """A copy of this record with ``changes`` applied (records are immutable)."""
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


@dataclass(frozen=True)
class Mention(_Record):
    """A piece of text at ``[start, end)`` of the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity(_Record):
    """One real-world entity of an article, with all the places it is named.

    ``name`` is the canonical name (the fullest form used in the article,
    honorifics stripped); ``label`` is a spaCy-style label (PERSON, ORG, GPE,
    LOC, FAC, NORP, EVENT, WORK_OF_ART, PRODUCT); ``mentions`` are ``(start, end)``
    offsets, sorted.
    """

    name: str
    label: str
    mentions: tuple[Span, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote(_Record):
    """Something a source said, with who said it and where.

    ``text`` excludes the quotation marks; ``start``/``end`` delimit it.
    ``speaker`` is the canonical entity name or, for unnamed sources, their
    description ("a senior official"); ``None`` when it cannot be found.
    ``via`` is the document the speaker spoke through, when the article names
    one ("her statement said", "the report found", "said in a statement").
    """

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    speaker_mention: Mention | None = None
    cue: str | None = None
    cue_span: Span | None = None
    via: Mention | None = None


@dataclass(frozen=True)
class Amount(_Record):
    """A figure: its value, unit and what it counts.

    ``unit`` is an ISO currency code for money ("USD"), ``%`` for percentages,
    ``times`` for multipliers, or the counted noun ("troops").
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    counts: str | None = None
    approximate: bool = False
    high: float | None = None
    context: str | None = None


@dataclass(frozen=True)
class DateRef(_Record):
    """A time expression and what it resolves to.

    ``value`` is ISO-like and as precise as the text allows (``2019``,
    ``2019-11``, ``2019-11-21``, ``2019-W47``, ``2019-11-21T00:00``);
    ``resolved`` is False when it is only relative (no publication date).
    """

    text: str
    start: int
    end: int
    value: str | None = None
    resolved: bool = False
    relative_to: str | None = None


@dataclass(frozen=True)
class Event(_Record):
    """Who did what to whom, when; always citing its sentence.

    ``cameo`` is the event's CAMEO code ("036", "1723"), ``cameo_label`` what
    the code means and ``category`` the label of its root ("consult",
    "coerce"); ``summary`` is a short clause saying what happened ("Rail
    workers went on strike over pay"), made from the parse.
    """

    actor: str | None
    action: str
    category: str
    sentence: Span
    target: str | None = None
    date: str | None = None
    date_source: str | None = None
    trigger: Span | None = None
    summary: str | None = None
    cameo: str | None = None
    cameo_label: str | None = None


@dataclass(frozen=True)
class Phrase(_Record):
    """A phrase of the article answering one question about its main event, at ``[start, end)``.

    For ``who``, ``text`` is the canonical name of the entity named there when
    there is one. For ``when``, ``value`` is the resolved date (ISO, as
    precise as the text allows); a ``when`` with no ``text`` and no span is
    the publication date, taken because the text gives no time.
    """

    text: str | None
    start: int | None = None
    end: int | None = None
    value: str | None = None


@dataclass(frozen=True)
class MainEvent(_Record):
    """What the article is about: who did what, when, where, why and how, citing its sentence.

    ``summary`` says it in one clause; ``date``/``date_source`` place it on a
    timeline as :class:`Event` does (``text`` or ``published``); ``trigger``
    is its verb (an :class:`Event` with the same trigger is this event); the
    CAMEO fields are set when the lexicon codes that verb.
    """

    sentence: Span
    summary: str | None = None
    trigger: Span | None = None
    who: Phrase | None = None
    what: Phrase | None = None
    when: Phrase | None = None
    where: Phrase | None = None
    why: Phrase | None = None
    how: Phrase | None = None
    date: str | None = None
    date_source: str | None = None
    category: str | None = None
    cameo: str | None = None
    cameo_label: str | None = None


@dataclass(frozen=True)
class Debris(_Record):
    """A piece of scraping debris removed from the raw text, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article(_Record):
    """A cleaned article and everything newsdesk found in it.

    ``raw`` metadata (outlet, title, …) comes from the reader; the tuples of
    annotations are filled by the analysis stages and stay empty until then.
    """

    id: str
    source: str
    text: str
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    language: str | None = None
    input_format: str | None = None
    debris: tuple[Debris, ...] = ()
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DateRef, ...] = ()
    events: tuple[Event, ...] = ()
    main_event: MainEvent | None = None
    stages: tuple[str, ...] = field(default=(), compare=False)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps ``[start, end)``, if any."""
        for entity in self.entities:
            for s, e in entity.mentions:
                if s < end and start < e:
                    return entity
        return None


@dataclass(frozen=True)
class StoryLink(_Record):
    """Where one article sits among the stories of a desk.

    ``story_id`` names the story (the id of its founding article);
    ``copy_of`` is the article this one is a near-duplicate of (the same wire
    copy, a light edit), None for an original; ``keys`` are the telling
    features by which later articles find it as a neighbour.
    """

    article_id: str
    story_id: str
    copy_of: str | None = None
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonLink(_Record):
    """Which desk person one article's named person is (one person, one page across the desk).

    ``name`` is the article's canonical name of the person (one of its entity
    names); ``person`` the desk's name for them, shared by every article that
    names them; ``key`` the surname under which other articles find them;
    ``roles`` the titles and descriptions this article gives them.
    """

    article_id: str
    name: str
    person: str
    key: str
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThreadLink(_Record):
    """Which thread — the developing storyline above stories — one story of a desk is in.

    ``thread_id`` names the thread (the id of its founding story).
    """

    story_id: str
    thread_id: str


@dataclass(frozen=True)
class Failure(_Record):
    """An input that could not be read: which file (and record) and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


_WS = re.compile(r"\s+")


def article_id(text: str, url: str | None = None, outlet: str | None = None) -> str:
    """A stable content hash: the same article read twice gets the same id.

    The text is NFC-normalised and whitespace-collapsed first, so that a
    re-scrape that only differs in line breaks is the same article. The URL
    (or, lacking one, the outlet) is part of the key: the same wire copy run
    by two outlets is two articles, which the story stage marks as one source.
    """
    norm = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    key = "\x1f".join((url or "", "" if url else (outlet or "").lower(), norm))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- JSON form

_T = TypeVar("_T")


def _mention_dict(m: Mention | None) -> dict[str, Any] | None:
    return None if m is None else {"text": m.text, "start": m.start, "end": m.end}


_WS_QUESTIONS = ("who", "what", "when", "where", "why", "how")


def _main_event_dict(ev: MainEvent | None) -> dict[str, Any] | None:
    if ev is None:
        return None
    data = dataclasses.asdict(ev)
    data["sentence"] = list(ev.sentence)
    data["trigger"] = list(ev.trigger) if ev.trigger else None
    return data


def _main_event(data: Mapping[str, Any] | None) -> MainEvent | None:
    if not data:
        return None
    phrases = {w: _build(Phrase, data[w]) if data.get(w) else None for w in _WS_QUESTIONS}
    return _build(MainEvent, data, sentence=_span(data["sentence"]), trigger=_span(data.get("trigger")), **phrases)


def to_dict(article: Article) -> dict[str, Any]:
    """The JSON form of an article (see ``schema/article.schema.json``)."""
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "language": article.language,
        "input_format": article.input_format,
        "text": article.text,
        "sentences": [list(s) for s in article.sentences],
        "entities": [
            {"name": e.name, "label": e.label, "mentions": [list(m) for m in e.mentions], "aliases": list(e.aliases)}
            for e in article.entities
        ],
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_mention": _mention_dict(q.speaker_mention),
                "cue": q.cue,
                "cue_span": list(q.cue_span) if q.cue_span else None,
                "via": _mention_dict(q.via),
            }
            for q in article.quotes
        ],
        "amounts": [dataclasses.asdict(a) for a in article.amounts],
        "dates": [dataclasses.asdict(d) for d in article.dates],
        "events": [
            {
                **dataclasses.asdict(ev),
                "sentence": list(ev.sentence),
                "trigger": list(ev.trigger) if ev.trigger else None,
            }
            for ev in article.events
        ],
        "main_event": _main_event_dict(article.main_event),
        "debris": [{"text": d.text, "reason": d.reason} for d in article.debris],
        "stages": list(article.stages),
    }


def _span(value: Iterable[int] | None) -> Span | None:
    if value is None:
        return None
    a, b = value
    return (int(a), int(b))


def _build(cls: type[_T], data: Mapping[str, Any], **override: Any) -> _T:
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: v for k, v in data.items() if k in names}
    kwargs.update(override)
    return cls(**kwargs)


def from_dict(data: Mapping[str, Any]) -> Article:
    """Rebuild an :class:`Article` from :func:`to_dict` output (unknown keys are ignored)."""
    entities = tuple(
        Entity(
            name=e["name"],
            label=e["label"],
            mentions=tuple((int(a), int(b)) for a, b in e.get("mentions", [])),
            aliases=tuple(e.get("aliases", ())),
        )
        for e in data.get("entities", [])
    )
    quotes = tuple(
        _build(
            Quote,
            q,
            speaker_mention=Mention(**q["speaker_mention"]) if q.get("speaker_mention") else None,
            cue_span=_span(q.get("cue_span")),
            via=Mention(**q["via"]) if q.get("via") else None,
        )
        for q in data.get("quotes", [])
    )
    events = tuple(
        _build(Event, ev, sentence=_span(ev["sentence"]), trigger=_span(ev.get("trigger")))
        for ev in data.get("events", [])
    )
    return _build(
        Article,
        data,
        authors=tuple(data.get("authors") or ()),
        debris=tuple(Debris(**d) for d in data.get("debris", [])),
        sentences=tuple((int(a), int(b)) for a, b in data.get("sentences", [])),
        entities=entities,
        quotes=quotes,
        amounts=tuple(_build(Amount, a) for a in data.get("amounts", [])),
        dates=tuple(_build(DateRef, d) for d in data.get("dates", [])),
        events=events,
        main_event=_main_event(data.get("main_event")),
        stages=tuple(data.get("stages", ())),
    )
