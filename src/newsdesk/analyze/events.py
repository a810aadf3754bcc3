"""Events: who did what to whom, and when, each CAMEO-coded, summarised and citing its sentence.

An event is read from one verb of the parse. The verb must be coded by the
CAMEO lexicon (:mod:`newsdesk.analyze.cameo`: "went on strike" is 143,
"called on … to resolve" 027), must report something that happened by its
actor (:func:`newsdesk.analyze.clauses.modality`: not negated, hypothetical or
a rumour, and not the mere content of a threat, appeal or plan), and must
have an actor: its subject (the agent of a passive), named canonically when
the entity stage found the entity there, else a noun for people or bodies
that act ("rail workers", "the union"). Each event carries a ``summary``, a
short clause made from the parse ("Rail workers went on strike over pay").

Quotes are statements: each quote with a speaker is an event citing the
quote's sentence, coded by its cue ("said" 010, "urged" 020), and statement
verbs in those sentences are not counted twice.

The date is the date expression of the event's clause (``date_source`` =
``"text"``), else the publication date (``"published"``), else none.

The same stage finds the article's main event (:mod:`newsdesk.analyze.mainevent`).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsdesk.analyze.cameo import Code, Lexicon, code_verb, load_lexicon
from newsdesk.analyze.clauses import (
    Namer,
    clause_subject,
    is_complement,
    modality,
    noun_phrase,
    questions,
    render,
    summary,
    verb_group,
)
from newsdesk.analyze.headline import HEAD_KEY, parse_head, title_span
from newsdesk.analyze.mainevent import find_main_event
from newsdesk.analyze.nlp import doc_text
from newsdesk.analyze.view import entity_finder
from newsdesk.model import Article, DateRef, Entity, Event, MainEvent, Quote
from newsdesk.settings import Settings

__all__ = ["article_events", "extract_events", "find_events", "namer"]

_TARGET_PREPS = frozenset({"on", "with", "to", "against", "from", "at", "over"})
_PRONOUNS = frozenset("i me we us you he him she her it they them this that who which what".split())
_STATEMENT_ROOT = "01"
_FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
"""Roots of material force: a verb the quotes stage reads as a cue of speech is not one of them."""


def namer(article: Article, *, offset: int = 0) -> Namer:
    """The canonical name of the entity a token of the parse names (``offset``: where the parsed text starts)."""

    entity_at = entity_finder(article)

    def name_of(token: Token) -> str | None:
        start = token.idx + offset
        entity = entity_at(start, start + len(token.text))
        return entity.name if entity is not None else None

    return name_of


def _sentence_of(article: Article, at: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(article.sentences, (at, math.inf)) - 1  # sentences are sorted and do not overlap
    if i >= 0 and article.sentences[i][0] <= at < article.sentences[i][1]:
        return article.sentences[i]
    return None


def _actor(article: Article, token: Token, lexicon: Lexicon) -> str | None:
    """The canonical entity a noun phrase names, else the phrase when it names people or a body that acts."""
    entity_at = entity_finder(article)
    entity = entity_at(token.idx, token.idx + len(token.text))
    for appos in (c for c in token.children if c.dep_ == "appos" and entity is None):
        entity = entity_at(appos.idx, appos.idx + len(appos.text))  # "its leader, Rui Costa,"
    if entity is not None:
        return noun_phrase(token, name_of=namer(article)) if _conjoined(token) else entity.name
    if token.lower_ in _PRONOUNS or token.pos_ == "PRON":
        return None
    if token.pos_ == "PROPN" or (token.pos_ in {"NOUN", "NUM"} and _acting_noun(token, lexicon)):
        text = noun_phrase(token, name_of=namer(article), max_words=8)
        return text if text and "\n" not in text else None
    return None


def _acting_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun for people or a body that acts, also through a partitive ("thousands *of workers*")."""
    if token.lemma_.lower() in lexicon.actor_nouns:
        return True
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(g.dep_ == "pobj" and g.lemma_.lower() in lexicon.actor_nouns for g in prep.children):
            return True
    return False


def _conjoined(token: Token) -> bool:
    return any(c.dep_ == "conj" for c in token.children)


def _target(article: Article, verb: Token, statement: bool) -> str | None:
    name_of = namer(article)
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} and not statement and child.pos_ in {"NOUN", "PROPN"}:
            return noun_phrase(child, name_of=name_of, max_words=6)
        if child.dep_ in {"prep", "prt"} and child.lower_ in _TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"} and not _is_date(article, obj):
                    return noun_phrase(obj, name_of=name_of, max_words=6)
    return None


def _is_date(article: Article, token: Token) -> bool:
    return any(d.start <= token.idx < d.end for d in article.dates)


def _date_for(article: Article, doc: Doc, verb: Token, sentence: tuple[int, int]) -> tuple[str | None, str | None]:
    """The date of the verb's clause, else the publication date."""
    inside = [d for d in article.dates if sentence[0] <= d.start < sentence[1] and d.value and d.resolved]
    if inside:
        own = [d for d in inside if any(t.i == verb.i or verb.is_ancestor(t) for t in _tokens(doc, d))]
        if own:
            best = min(own, key=lambda d: abs(d.start - verb.idx))
            return best.value, "text"
    if article.published:
        return article.published[:10], "published"
    return None, None


def _tokens(doc: Doc, ref: DateRef) -> list[Token]:
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _quote_summary(article: Article, q: Quote, verb: Token | None, statement: bool) -> str:
    """A quote as a sentence: reported speech and stance verbs from the parse ("Their union rejected a pay
    rise"), a direct quote with its words ("Ana Ribeiro told reporters: “The door is open”")."""
    speaker = str(q.speaker)
    if verb is not None and verb.lemma_.lower() == "accord":
        verb = None  # "according to the ministry"
    if verb is not None and verb.pos_ in {"VERB", "AUX"}:
        if q.kind == "indirect" or not statement:
            found = summary(verb, subject=speaker, name_of=namer(article), skip=lambda t: _is_date(article, t))
            if found:
                return found
        hearer = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.pos_ in {"NOUN", "PROPN"}]
        said = render(verb_group(verb))
        if hearer and not q.start <= hearer[0].idx < q.end:
            said += " " + noun_phrase(hearer[0], name_of=namer(article), max_words=4)
    else:
        said = ""
    words = q.text.strip().strip("\"“”'‘’ ,.").split()
    content = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    if not said:
        return f"According to {speaker}: “{content}”"
    text = f"{speaker} {said}: “{content}”"
    return text[:1].upper() + text[1:]


def _speech(doc: Doc, q: Quote) -> bool:
    """Whether a quote says something (a clause), rather than naming a thing its cue acts on."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return span is None or any(t.pos_ in {"VERB", "AUX"} for t in span)


def _quote_events(article: Article, doc: Doc, lexicon: Lexicon, asked: Any) -> list[Event]:
    """Quotes with a speaker are events: a statement, or what their cue verb says ("urged" is an appeal)."""
    events = []
    for q in article.quotes:
        if not q.speaker:
            continue
        verb = None
        if q.cue_span:
            span = doc.char_span(q.cue_span[0], q.cue_span[1], alignment_mode="expand")
            verb = span.root if span is not None and len(span) else None
        if verb is not None and (modality(verb, asked=asked) is not None or is_complement(verb)):
            continue  # "did not say", "would say", "threatened *to attack*"
        sentence = _sentence_of(article, q.cue_span[0] if q.cue_span else q.start) or (q.start, q.end)
        lemma = verb.lemma_.lower() if verb is not None else (q.cue or "say").lower()
        if verb is not None:
            date, source = _date_for(article, doc, verb, sentence)
        else:
            date, source = (article.published[:10], "published") if article.published else (None, None)
        code = (code_verb(verb, lexicon=lexicon) if verb is not None else None) or lexicon.code("010")
        if code.root in _FORCE_ROOTS and _speech(doc, q):
            code = lexicon.code("111")  # a cue of speech: "attacked the plan as …" is criticism, not an assault
        events.append(
            Event(
                actor=q.speaker,
                action=lemma,
                category=code.root_label,
                sentence=sentence,
                target=_target(article, verb, code.root == _STATEMENT_ROOT) if verb is not None else None,
                date=date,
                date_source=source,
                trigger=q.cue_span,
                summary=_quote_summary(article, q, verb, code.root == _STATEMENT_ROOT),
                cameo=code.code,
                cameo_label=code.label,
            )
        )
    return events


def _candidate(verb: Token) -> bool:
    """A verb that can be an event: finite or an infinitive of what happened, not a participle describing a noun."""
    if verb.pos_ != "VERB" or verb.dep_ in {"amod", "acl"}:
        return False
    if (
        verb.dep_ in {"advcl", "pcomp", "conj"}
        and verb.tag_ == "VBG"
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    ):
        return False  # "…, halting most trains" describes the strike; it is no event of its own
    return not is_complement(verb)


_HASHES: dict[int, Any] = {}


def _coded_verbs(doc: Doc, lexicon: Lexicon) -> Iterator[Token]:
    """The verbs of a doc whose lemma the lexicon may code, picked from its arrays (not token by token)."""
    import numpy as np

    hashes = _HASHES.get(id(lexicon))
    if hashes is None:
        hashes = _HASHES.setdefault(id(lexicon), lexicon.lemma_hashes)
    if not len(doc) or not len(hashes):
        return
    arr = doc.to_array(["POS", "LEMMA"])
    rows = np.flatnonzero(arr[:, 0] == doc.vocab.strings["VERB"])
    lemmas = arr[rows, 1]
    at = np.minimum(np.searchsorted(hashes, lemmas), len(hashes) - 1)  # (the hashes are sorted: no np.isin,
    for i in rows[hashes[at] == lemmas]:  # which sorts both arrays each time)
        yield doc[int(i)]


def article_events(article: Article, doc: Doc, *, lexicon: Lexicon | None = None) -> tuple[Event, ...]:
    """The events of an article from its parse, entities, dates and quotes (see the module docstring)."""
    lexicon = lexicon or load_lexicon()
    asked = questions(doc)
    events = _quote_events(article, doc, lexicon, asked)
    quoted = {e.sentence for e in events if e.cameo and e.cameo[:2] == _STATEMENT_ROOT}
    cued = {e.trigger for e in events}
    name_of = namer(article)
    for verb in _coded_verbs(doc, lexicon):
        if not _candidate(verb) or (verb.idx, verb.idx + len(verb.text)) in cued:
            continue  # (the second: already an event through its quote)
        if modality(verb, asked=asked) is not None:
            continue
        doer = clause_subject(verb, doer=True)
        actor = _actor(article, doer, lexicon) if doer is not None else None
        if actor is None:
            continue  # (the cheap tests first: reading the patterns around a verb costs most)
        code: Code | None = code_verb(verb, lexicon=lexicon)
        if code is None:
            continue
        sentence = _sentence_of(article, verb.idx)
        if sentence is None or (code.root == _STATEMENT_ROOT and sentence in quoted):
            continue
        date, source = _date_for(article, doc, verb, sentence)
        skip = lambda t: _is_date(article, t)  # noqa: E731 - the date is the timeline's, not the summary's
        told = summary(verb, name_of=name_of, skip=skip) or summary(verb, subject=actor, name_of=name_of, skip=skip)
        events.append(
            Event(
                actor=actor,
                action=verb.lemma_.lower(),
                category=code.root_label,
                sentence=sentence,
                target=_target(article, verb, code.root == _STATEMENT_ROOT),
                date=date,
                date_source=source,
                trigger=(verb.idx, verb.idx + len(verb.text)),
                summary=told,
                cameo=code.code,
                cameo_label=code.label,
            )
        )
    events.sort(key=lambda e: (e.sentence[0], e.trigger or e.sentence))
    return tuple(_dedupe(events))


def extract_events(
    doc: Doc,
    *,
    title: str | None = None,
    published: str | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    entities: Sequence[Entity] = (),
    dates: Sequence[DateRef] = (),
    quotes: Sequence[Quote] = (),
    head_doc: Doc | None = None,
    nlp: Language | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[tuple[Event, ...], MainEvent | None]:
    """The events of a parsed text and its main event: the one implementation behind the events stage.

    A pure function of the parse and what the other extractors found in it
    (``entities``, ``dates``, ``quotes``: names, dated clauses and statements
    are read from them), so a spaCy component can call it as the stage does.
    Offsets are into ``doc.text``, which opens with ``title`` when the text
    has one (the headline is the main event's first candidate).

    Args:
        doc: the spaCy parse of the text.
        title: the headline, when the text opens with it.
        published: the publication date (``YYYY-MM-DD…``): the date of undated events.
        sentences: the text's sentence spans (default: the parse's sentences).
        entities: the text's entities, for canonical actors.
        dates: the text's resolved dates, for when each event happened.
        quotes: the text's quotes: each with a speaker is a statement event.
        head_doc: the headline parsed on its own (:func:`~newsdesk.analyze.headline.parse_head`); default:
            the parse :func:`~newsdesk.analyze.headline.attach_heads` left on ``doc``, else the headline
            parsed with ``nlp``, else the headline's tokens in ``doc`` (a Title Case headline reads worse).
        nlp: the spaCy pipeline that parsed ``doc``, to parse the headline with.
        lexicon: the CAMEO lexicon (default: the packaged one).
    """
    if sentences is None:
        from newsdesk.analyze import sentence_spans  # the package imports this module

        sentences = sentence_spans(doc_text(doc), doc)
    article = Article(
        id="",
        source="",
        text=doc_text(doc),
        title=title,
        published=published,
        sentences=tuple(sentences),
        entities=tuple(entities),
        dates=tuple(dates),
        quotes=tuple(quotes),
    )
    lexicon = lexicon or load_lexicon()
    if head_doc is None and title_span(article) is not None:
        head_doc = doc.user_data.get(HEAD_KEY)
        if head_doc is None and nlp is not None:
            head_doc = parse_head(nlp, article, lead=False)
    return article_events(article, doc, lexicon=lexicon), find_main_event(
        article, doc, head_doc=head_doc, lexicon=lexicon
    )


def find_events(article: Article, doc: Doc, settings: Settings | None = None) -> Article:
    """The events stage: fill ``article.events`` and ``article.main_event`` (:func:`extract_events`).

    The headline is parsed again on its own (it is no sentence of the body,
    and is often written in Title Case): :class:`~newsdesk.analyze.Pipeline`
    parses a batch's headlines together and leaves each parse in the doc's
    ``user_data`` (:func:`~newsdesk.analyze.headline.attach_heads`); called
    alone, the stage parses the headline itself with the configured pipeline.
    """
    settings = settings or Settings()
    head_doc = doc.user_data.get(HEAD_KEY) if title_span(article) is not None else None
    if head_doc is None and title_span(article) is not None:
        from newsdesk.analyze.nlp import load_model

        head_doc = parse_head(load_model(settings.model), article, lead=False)
    events, main = extract_events(
        doc,
        title=article.title,
        published=article.published,
        sentences=article.sentences,
        entities=article.entities,
        dates=article.dates,
        quotes=article.quotes,
        head_doc=head_doc,
    )
    return article.copy_with(events=events, main_event=main)


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for e in events:
        key = (e.actor, e.action, e.sentence, e.target)
        if key not in seen and not re.fullmatch(r"\W*", e.action):
            seen.add(key)
            out.append(e)
    return out
