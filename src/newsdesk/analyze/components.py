"""spaCy components: newsdesk's extractors on anyone's English pipeline.

::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsdesk_entities")
    nlp.add_pipe("newsdesk_quotes")
    nlp.add_pipe("newsdesk_dates", config={"published": "2024-03-05"})
    doc = nlp(text)
    for q in doc._.quotes:
        print(q.speaker, q.cue, q.span)

The factories are registered through the ``spacy_factories`` entry point of
the package (so ``add_pipe`` and ``spacy.load`` of a saved pipeline find them
without an import), and by importing this module. Each component calls the
same extractor function as the newsdesk :class:`~newsdesk.analyze.Pipeline`
stage of its name (``extract_entities``, ``extract_amounts``, …): one
implementation. Results are kept on the doc as plain data (see
:mod:`newsdesk.analyze.docdata`), so they survive ``nlp.pipe(n_process=2)``.

What a component needs and what it adds are declared to spaCy
(``requires``/``assigns``, shown by ``nlp.analyze_pipes()``); a component
whose newsdesk input is missing (``newsdesk_quotes`` without
``newsdesk_entities`` before it) stops with an error that says which
component to add.

The publication date, which anchors relative dates ("on Thursday") and dates
the events whose clause names no date, is taken from ``doc._.published`` when
set, else from the ``published`` keyword of the call (``nlp.pipe(texts,
component_cfg={"newsdesk_dates": {"published": …}})``), else from the
component's config (``add_pipe(..., config={"published": …})``). The headline,
when the text opens with it, is ``doc._.title`` (or the ``title`` keyword of
the call): ``newsdesk_quotes`` then reads it as the Pipeline does (its
capitalised words are no sign of a title there, and its "Source: …" form is
reported speech).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.analyze.amounts import extract_amounts
from newsdesk.analyze.dates import extract_dates, publication_date
from newsdesk.analyze.docdata import Field, amounts_of, dates_of, entities_of, events_of, kept, put, quotes_of, records
from newsdesk.analyze.entities import extract_entities
from newsdesk.analyze.events import extract_events
from newsdesk.analyze.quotes import extract_quotes

__all__ = [
    "FACTORIES",
    "AmountsComponent",
    "DatesComponent",
    "EntitiesComponent",
    "EventsComponent",
    "QuotesComponent",
]

_EXTENSIONS = {
    "entities": entities_of,
    "quotes": quotes_of,
    "amounts": amounts_of,
    "dates": dates_of,
    "events": events_of,
}


def _register_extensions() -> None:
    """The ``Doc`` extensions: ``doc._.published`` and ``doc._.title`` (set by the user) and the getters over
    the kept records.

    Raises:
        ValueError: when another package holds one of the names.
    """
    for settable in ("published", "title"):
        if not Doc.has_extension(settable):
            Doc.set_extension(settable, default=None)
    for name, getter in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)
        elif Doc.get_extension(name)[2] is not getter:
            raise ValueError(f"doc._.{name} is already registered by another package; newsdesk's components need it")


_register_extensions()


def _published(doc: Doc, *choices: str | date | None) -> date | None:
    """The publication date for this doc: ``doc._.published``, else the first of ``choices`` given.

    Raises:
        ValueError: for a given date that is no ISO date.
    """
    for raw in (doc._.published, *choices):
        if raw is None or raw == "":
            continue
        day = publication_date(raw)
        if day is None:
            raise ValueError(f"publication date {raw!r} is no ISO date (YYYY-MM-DD)")
        return day
    return None


_MAKERS: dict[Field, str] = {"entities": "newsdesk_entities", "dates": "newsdesk_dates", "quotes": "newsdesk_quotes"}


def _needs(doc: Doc, name: str, *fields: Field) -> None:
    """Stop, saying which component to add, when a newsdesk component before this one has not run.

    Raises:
        ValueError: naming the missing component and where to add it.
    """
    for field in fields:
        if not kept(doc, field):
            maker = _MAKERS[field]
            raise ValueError(
                f"{name} needs doc._.{field}, which {maker} sets: add it before, "
                f"nlp.add_pipe({maker!r}, before={name!r})"
            )


class EntitiesComponent:
    """``newsdesk_entities``: ``doc._.entities``, one per real entity, with its canonical name."""

    def __init__(self, name: str = "newsdesk_entities") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        put(doc, "entities", extract_entities(doc))
        return doc


class AmountsComponent:
    """``newsdesk_amounts``: ``doc._.amounts``, every figure with its value, unit and what it counts."""

    def __init__(self, name: str = "newsdesk_amounts") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        put(doc, "amounts", extract_amounts(doc))
        return doc


class DatesComponent:
    """``newsdesk_dates``: ``doc._.dates``, every time expression resolved against the publication date.

    Raises:
        ValueError: at construction, for a configured ``published`` that is no ISO date.
    """

    def __init__(self, name: str = "newsdesk_dates", *, published: str | None = None) -> None:
        self.name = name
        self.published = published
        if published and publication_date(published) is None:
            raise ValueError(f"{name}: published {published!r} is no ISO date (YYYY-MM-DD)")

    def __call__(self, doc: Doc, *, published: str | None = None) -> Doc:
        put(doc, "dates", extract_dates(doc, published=_published(doc, published, self.published)))
        return doc


class QuotesComponent:
    """``newsdesk_quotes``: ``doc._.quotes``, who said what — quoted and reported — with cues and canonical speakers.

    Needs ``newsdesk_entities`` before it (speakers are named by the entities). The headline the text opens
    with, if any, is ``doc._.title``, else the ``title`` keyword of the call.
    """

    def __init__(self, name: str = "newsdesk_quotes") -> None:
        self.name = name

    def __call__(self, doc: Doc, *, title: str | None = None) -> Doc:
        _needs(doc, self.name, "entities")
        title = doc._.title or title
        put(doc, "quotes", extract_quotes(doc, entities=records(doc, "entities").entities, title=title))
        return doc


class EventsComponent:
    """``newsdesk_events``: ``doc._.events``, who did what to whom and when, CAMEO-coded, each citing its sentence.

    Needs ``newsdesk_entities`` and ``newsdesk_dates`` before it (actors are
    named by the entities, events dated by the dates); the quotes of
    ``newsdesk_quotes``, when it ran before, are statements. An event whose
    clause names no date gets the publication date (as ``newsdesk_dates``
    takes it).

    Raises:
        ValueError: at construction, for a configured ``published`` that is no ISO date.
    """

    def __init__(self, name: str = "newsdesk_events", *, published: str | None = None) -> None:
        self.name = name
        self.published = published
        if published and publication_date(published) is None:
            raise ValueError(f"{name}: published {published!r} is no ISO date (YYYY-MM-DD)")

    def __call__(self, doc: Doc, *, published: str | None = None) -> Doc:
        _needs(doc, self.name, "entities", "dates")
        found = records(doc, "entities", "dates", "quotes")
        day = _published(doc, published, self.published)
        events, _ = extract_events(  # the main event reads the headline first, which a Doc does not have
            doc,
            published=day.isoformat() if day else None,
            entities=found.entities,
            dates=found.dates,
            quotes=found.quotes,
        )
        put(doc, "events", events)
        return doc


_PARSE = ["token.dep", "token.head", "token.tag", "token.lemma"]


@Language.factory("newsdesk_entities", requires=["doc.ents", "token.tag"], assigns=["doc._.entities"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """The ``newsdesk_entities`` factory."""
    return EntitiesComponent(name)


@Language.factory("newsdesk_amounts", requires=[*_PARSE, "token.ent_type"], assigns=["doc._.amounts"])
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    """The ``newsdesk_amounts`` factory."""
    return AmountsComponent(name)


@Language.factory(
    "newsdesk_dates", requires=[*_PARSE, "doc.sents"], assigns=["doc._.dates"], default_config={"published": None}
)
def make_dates(nlp: Language, name: str, published: str | None) -> DatesComponent:
    """The ``newsdesk_dates`` factory; ``published`` (ISO date) anchors relative dates for every doc."""
    return DatesComponent(name, published=published)


@Language.factory(
    "newsdesk_quotes", requires=["doc._.entities", *_PARSE, "token.ent_type", "doc.sents"], assigns=["doc._.quotes"]
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """The ``newsdesk_quotes`` factory."""
    return QuotesComponent(name)


@Language.factory(
    "newsdesk_events",
    requires=["doc._.entities", "doc._.dates", *_PARSE, "doc.sents"],  # token.pos: from the tags
    assigns=["doc._.events"],
    default_config={"published": None},
)
def make_events(nlp: Language, name: str, published: str | None) -> EventsComponent:
    """The ``newsdesk_events`` factory; ``published`` (ISO date) dates the events whose clause names no date."""
    return EventsComponent(name, published=published)


FACTORIES = ("newsdesk_entities", "newsdesk_quotes", "newsdesk_amounts", "newsdesk_dates", "newsdesk_events")
"""The component names newsdesk registers with spaCy (and declares as ``spacy_factories`` entry points)."""
