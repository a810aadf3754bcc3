"""Events: who did what to whom, and when, each citing its sentence.

An event is read from the parse: a verb from a small lexicon of news actions,
grouped in categories in the spirit of GDELT's CAMEO roots (appeal/demand,
statement, consult/meet/visit, agree, reject, threaten, military action,
postpone/cancel, …), its subject as the actor and its object (or the
entity after "on", "with", "to", "against") as the target. The actor and the
target are canonical entity names when the entity stage found them there;
an event whose actor is neither an entity nor a named description is left
out — a small, honest set rather than every verb.

Quotes are statements: when the quotes stage has filled ``article.quotes``,
each quote with a speaker is a ``statement`` event citing the quote's
sentence, and statement verbs in those sentences are not counted twice.

The date is the date expression of the event's clause (``date_source`` =
``"text"``), else the publication date (``"published"``), else none.
"""

from __future__ import annotations

import re
from typing import Any

from newsdesk.model import Article, DateRef, Event
from newsdesk.settings import Settings

__all__ = ["CATEGORIES", "find_events"]

CATEGORIES: dict[str, frozenset[str]] = {
    "appeal/demand": frozenset("appeal urge demand request call press plead petition".split()),
    "statement": frozenset("say state announce declare claim tell confirm stress insist warn report add note".split()),
    "consult/meet/visit": frozenset("meet visit discuss consult negotiate renegotiate host talk travel".split()),
    "agree": frozenset("agree sign approve accept endorse settle ratify back support".split()),
    "reject": frozenset("reject refuse decline deny dismiss veto oppose snub rebuke criticise criticize".split()),
    "threaten": frozenset("threaten".split()),
    "military action": frozenset("attack strike bomb kill invade shell shoot fire deploy launch raid".split()),
    "postpone/cancel": frozenset("postpone delay cancel suspend halt terminate scrap".split()),
    "coerce": frozenset("sanction impose ban restrict arrest expel seize block".split()),
    "aid/cooperate": frozenset("pay fund give provide offer pledge donate contribute cooperate".split()),
    "protest": frozenset("protest demonstrate march boycott".split()),
}
"""Event categories and the verb lemmas that signal them."""

_CATEGORY_OF = {lemma: category for category, lemmas in CATEGORIES.items() for lemma in lemmas}
_TARGET_PREPS = frozenset({"on", "with", "to", "against", "from", "at", "over"})
_PRONOUNS = frozenset("i me we us you he him she her it they them this that who which what".split())


def _sentence_of(article: Article, at: int) -> tuple[int, int] | None:
    for span in article.sentences:
        if span[0] <= at < span[1]:
            return span
    return None


def _phrase(article: Article, doc: Any, token: Any) -> str | None:
    """The canonical entity a noun phrase names, else the phrase itself when it describes someone."""
    words = [t for t in token.subtree if t.dep_ not in {"punct", "relcl", "acl"} or t.i == token.i]
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    entity = article.entity_at(token.idx, token.idx + len(token.text))
    for appos in (c for c in token.children if c.dep_ == "appos" and entity is None):
        entity = article.entity_at(appos.idx, appos.idx + len(appos.text))  # "its leader, Rui Costa,"
    if entity is None and token.pos_ == "PROPN":
        entity = article.entity_at(start, end)
    if entity is not None:
        return entity.name
    if token.lower_ in _PRONOUNS or token.pos_ == "PRON":
        return None
    text = article.text[start:end].strip()
    if len(text.split()) > 8 or "\n" in text:
        return None
    return text if token.pos_ in {"NOUN", "PROPN"} else None


def _actor(article: Article, doc: Any, verb: Any) -> str | None:
    node = verb
    for _ in range(3):  # "X has called on …", "X, who …, urged": climb conjunctions and xcomps
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        agents = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return _phrase(article, doc, agents[0])
        if subjects and subjects[0].dep_ == "nsubj":
            return _phrase(article, doc, subjects[0])
        if node.dep_ not in {"conj", "xcomp"} or node.head is node:
            break
        node = node.head
    return None


def _target(article: Article, doc: Any, verb: Any) -> str | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} and verb.lemma_ not in CATEGORIES["statement"]:
            found = _phrase(article, doc, child)
            if found:
                return found
        if child.dep_ in {"prep", "prt"} and child.lower_ in _TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and (found := _phrase(article, doc, obj)):
                    return found
    return None


def _date_for(article: Article, doc: Any, verb: Any, sentence: tuple[int, int]) -> tuple[str | None, str | None]:
    """The date of the verb's clause, else the publication date."""
    inside = [d for d in article.dates if sentence[0] <= d.start < sentence[1] and d.value and d.resolved]
    if inside:
        subtree = {t.i for t in verb.subtree}
        own = [d for d in inside if any(t.i in subtree for t in _tokens(doc, d))]
        if own:
            best = min(own, key=lambda d: abs(d.start - verb.idx))
            return best.value, "text"
    if article.published:
        return article.published[:10], "published"
    return None, None


def _tokens(doc: Any, ref: DateRef) -> list[Any]:
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _quote_events(article: Article, doc: Any) -> list[Event]:
    """Quotes with a speaker are events: a statement, or what their cue verb says ("called on" → appeal)."""
    events = []
    for q in article.quotes:
        if not q.speaker:
            continue
        verb = None
        if q.cue_span:
            span = doc.char_span(q.cue_span[0], q.cue_span[1], alignment_mode="expand")
            verb = span.root if span is not None and len(span) else None
        if verb is not None and any(c.dep_ == "neg" for c in verb.children):
            continue  # "did not say"
        sentence = _sentence_of(article, q.cue_span[0] if q.cue_span else q.start) or (q.start, q.end)
        lemma = verb.lemma_.lower() if verb is not None else (q.cue or "say").lower()
        if verb is not None:
            date, source = _date_for(article, doc, verb, sentence)
        else:
            date, source = (article.published[:10], "published") if article.published else (None, None)
        events.append(
            Event(
                actor=q.speaker,
                action=lemma,
                category=_CATEGORY_OF.get(lemma, "statement"),
                sentence=sentence,
                target=_target(article, doc, verb) if verb is not None else None,
                date=date,
                date_source=source,
                trigger=q.cue_span,
            )
        )
    return events


def find_events(article: Article, doc: Any, settings: Settings | None = None) -> Article:
    """The events stage: fill ``article.events`` from the parse, the entities, the dates and the quotes."""
    events = _quote_events(article, doc)
    quoted = {e.sentence for e in events if e.category == "statement"}
    cued = {e.trigger for e in events}
    for verb in doc:
        if (
            verb.pos_ != "VERB"
            or verb.dep_ in {"amod", "acl"}
            or (verb.dep_ in {"advcl", "pcomp"} and verb.tag_ == "VBG")
        ):
            continue  # participles describing a noun ("a transcript provided by …") are no events
        category = _CATEGORY_OF.get(verb.lemma_.lower())
        if category is None:
            continue
        if verb.lemma_ == "call" and not any(c.lower_ in {"on", "for"} for c in verb.children):
            continue  # "called the alliance rock solid" is no appeal
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "did not say", "declined to confirm" — what did not happen is no event
        sentence = _sentence_of(article, verb.idx)
        if sentence is None or (category == "statement" and sentence in quoted):
            continue
        if (verb.idx, verb.idx + len(verb.text)) in cued:
            continue  # already an event through its quote
        actor = _actor(article, doc, verb)
        if actor is None:
            continue
        date, source = _date_for(article, doc, verb, sentence)
        events.append(
            Event(
                actor=actor,
                action=verb.lemma_.lower(),
                category=category,
                sentence=sentence,
                target=_target(article, doc, verb),
                date=date,
                date_source=source,
                trigger=(verb.idx, verb.idx + len(verb.text)),
            )
        )
    events.sort(key=lambda e: (e.sentence[0], e.trigger or e.sentence))
    return article.copy_with(events=tuple(_dedupe(events)))


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for e in events:
        key = (e.actor, e.action, e.sentence, e.target)
        if key not in seen and not re.fullmatch(r"\W*", e.action):
            seen.add(key)
            out.append(e)
    return out
