"""A view of an article for its main event: its parses, offsets, entities and the roles of phrases.

The main event is read from three texts: the article's parse, and the parse
of its headline and lead on their own (:func:`newsdesk.analyze.headline.parse_head`),
whose offsets start where the title does. :class:`ArticleView` maps any token
of either to the article (its offset, the entity it names, the sentence it
stands in), says what question a dependent of a verb answers (:meth:`ArticleView.role`:
where, when, why or how) and who did what a clause says (:meth:`ArticleView.doer`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from newsdesk.analyze.cameo import Lexicon
from newsdesk.analyze.clauses import clause_subject
from newsdesk.analyze.headline import lead_end, title_span
from newsdesk.analyze.phrases import cause_phrase
from newsdesk.model import Article, DateRef, Entity, Phrase

__all__ = ["ACTOR_LABELS", "PLACE_LABELS", "ArticleView", "Clause", "entity_finder", "passive"]


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_PREPS = frozenset("in at near outside inside across throughout around on off beside".split())
"""Prepositions of where something happened ("from", "into" say where it came from or went)."""
_VENUE_PREPS = frozenset({"at", "outside", "inside", "near"})
_CAUSE_MARKS = frozenset({"because", "since", "as", "after", "following", "so"})
_CAUSE_PREPS = frozenset({"over", "amid", "amidst", "after", "following"})
_BLAME = frozenset("blame accuse praise thank criticise criticize fault punish sentence arrest jail fine sue".split())
_MANNER_PREPS = frozenset({"by", "with", "using", "via", "through", "despite"})
_NOT_MANNER = frozenset(
    "also already still later earlier now then again just only even yet reportedly allegedly currently recently "
    "finally eventually initially previously soon immediately really actually apparently".split()
)
_TIME_NOUNS = frozenset(
    "time times day days week weeks month months year years morning mornings afternoon evening evenings night "
    "nights hour hours minute minutes weekend weekends season decade decades century moment while".split()
)
"""Nouns of time: one standing as an adverb answers when ("they met *this week*")."""
_WEAK_DATES = frozenset({"now", "currently", "at present", "recently", "today", "this time", "nowadays"})
_PLACE_NOUNS = frozenset(
    "city town village capital province region state county district area street road avenue square station "
    "stop tunnel bridge airport port consulate embassy building tower stadium circuit track border coast "
    "island camp base hospital school market".split()
)
_ATTACKS = frozenset("attack raid strike bombing assault ambush shooting offensive airstrike operation".split())
_BODY_SENTENCES = 4


_FINDERS: dict[int, tuple[Article, Callable[[int, int], Entity | None]]] = {}


def entity_finder(article: Article) -> Callable[[int, int], Entity | None]:
    """``article.entity_at`` by bisection over the mentions, built once per article (the events stage asks
    thousands of times; the model's method scans every mention each time). Same answers: the first entity,
    in the article's order, with a mention overlapping ``[start, end)``."""
    held = _FINDERS.get(id(article))
    if held is not None and held[0] is article:
        return held[1]
    spans = sorted((s, e, n) for n, ent in enumerate(article.entities) for s, e in ent.mentions)
    starts = [s for s, _, _ in spans]
    longest = max((e - s for s, e, _ in spans), default=0)

    def at(start: int, end: int) -> Entity | None:
        hi = bisect.bisect_left(starts, end)
        lo = bisect.bisect_left(starts, start - longest)
        found = [n for s, e, n in spans[lo:hi] if start < e]
        return article.entities[min(found)] if found else None

    if len(_FINDERS) >= 8:
        _FINDERS.clear()  # the articles of one batch at most: the finder holds its article alive
    _FINDERS[id(article)] = (article, at)
    return at


def _finite_group(verb: Token, view: ArticleView) -> bool:
    """Whether a body verb has its own auxiliary before it, and so a subject of its own ("… *have* hit
    out"), and heads its clause (or hangs on the headline, where the parse ran the two together)."""
    heads = verb.dep_ not in {"conj", "xcomp", "advcl", "relcl", "acl", "pcomp"} or verb.head.idx < view.body_start
    return heads and any(c.dep_ in {"aux", "auxpass"} and c.i < verb.i and c.lower_ != "to" for c in verb.children)


def _nth_time(noun: Token) -> bool:
    """An occasion ("the first time", "the last time", "a third time"), which answers when."""
    return noun.lemma_.lower() == "time" and any(
        c.dep_ == "amod" and (c.lower_ in {"first", "last", "second", "third"} or c.tag_ == "JJS")
        for c in noun.children
    )


@dataclass
class Clause:
    """A candidate for the main event: a predicate, its subject, and where it stands.

    ``segment`` is 0 for the headline, 1 for the lead, then the body's
    sentences in order; ``shallow`` marks a headline predicate the parse
    missed; ``subordinate`` one after "as", "after", … in the headline.
    """

    verb: Token
    segment: int
    subject: Token | None
    reported: bool = False
    shallow: bool = False
    score: float = 0.0
    subordinate: bool = False


class ArticleView:
    """An article, its parses and lexicon, and the helpers that map tokens to the article's offsets."""

    def __init__(self, article: Article, doc: Doc, head_doc: Doc | None, lexicon: Lexicon) -> None:
        self.article = article
        self.doc = doc
        self.head_doc = head_doc
        self.lexicon = lexicon
        span = title_span(article)
        self.title = span
        self.head_offset = span[0] if span is not None else 0
        self.body_start = span[1] if span is not None else 0
        self.lead_end = lead_end(article, self.body_start) if span is not None else 0
        self.head_end = self.head_offset + len(head_doc.text) if head_doc is not None else (span[1] if span else 0)
        """Where the text the headline's parse covers ends (the title's end, or the lead's)."""
        self._sentences: list[list[Token]] | None = None
        self.governors: dict[tuple[int, int], Token | None] = {}
        """The word each date expression qualifies, once found (see ``circumstances``)."""

    def offset(self, token: Token) -> int:
        return self.head_offset if token.doc is self.head_doc else 0

    def start(self, token: Token) -> int:
        return int(token.idx) + self.offset(token)

    def end(self, token: Token) -> int:
        return self.start(token) + len(token.text)

    def entity(self, token: Token) -> Any:
        start = self.start(token)
        return entity_finder(self.article)(start, start + len(token.text))

    def name_of(self, token: Token) -> str | None:
        """The canonical name of the entity a token names, when the mention stays within the token's phrase
        (a headline's "Fans Are Outraged" taken for one name names no one as the subject "Fans")."""
        entity = self.entity(token)
        if entity is None:
            return None
        subtree = list(token.subtree)
        lo, hi = self.start(subtree[0]), self.end(subtree[-1])
        at = self.start(token)
        for s, e in entity.mentions:
            if s <= at < e and (s < lo or e > hi):
                return None
        return str(entity.name)

    def is_named_actor(self, token: Token) -> bool:
        """A person, organisation, place or group the entity stage found."""
        entity = self.entity(token)
        return entity is not None and entity.label in ACTOR_LABELS

    def agent(self, c: Clause) -> Token | None:
        """Who acted, only when the clause names them (a passive without its agent names no one)."""
        doer = self.doer(c)
        if doer is not None and c.subject is not None and doer.i == c.subject.i and passive(c):
            return None
        return doer

    def acts(self, token: Token) -> bool:
        """Whether a phrase names someone who can act: a named actor, or people or a body ("rail workers")."""
        if self.is_named_actor(token):
            return True
        nouns = [token, *(g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]
        return any(t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in self.lexicon.actor_nouns for t in nouns)

    def same_side(self, token: Token) -> Any:
        """A test for tokens on the same side of the headline/body line as ``token``."""
        side = self.in_title(token)
        return lambda t: self.in_title(t) == side

    def is_actor(self, token: Token) -> bool:
        """A named person, organisation, place or group (a proper noun, when the headline's names went unseen)."""
        entity = self.entity(token)
        return (entity is not None and entity.label in ACTOR_LABELS) or token.pos_ == "PROPN"

    def in_title(self, token: Token) -> bool:
        return self.title is not None and self.title[0] <= self.start(token) < self.title[1]

    def is_place(self, head: Token, *, venue: bool = False) -> bool:
        """Whether a noun phrase names a place: a place name, a place noun, or "city of …" (after "at",
        "outside", … a named building or body counts too)."""
        name = [head, *(c for c in head.children if c.dep_ in {"compound", "flat"})]
        proper = all(t.pos_ == "PROPN" for t in name)  # ("at the wet Kessel Grand Prix": the name, less adjectives)
        noun = head.lemma_.lower()
        if venue and (noun in _PLACE_NOUNS or noun[:-1] in _PLACE_NOUNS) and any(t.pos_ == "PROPN" for t in name):
            return True  # a named building or stop after "at", "outside", …: "outside Kessel Tower"
        labels = PLACE_LABELS | {"ORG", "EVENT"} if venue and proper else PLACE_LABELS
        heads = [head, *(c for c in head.children if c.dep_ in {"compound", "appos"})]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "near", "in"}):
            heads.extend(g for g in prep.children if g.dep_ == "pobj")
        for tok in heads:
            entity = self.entity(tok)
            if entity is not None and (entity.label in PLACE_LABELS or (entity.label in labels and tok.i == head.i)):
                return True
        return head.lemma_.lower() in _PLACE_NOUNS and any(
            (e := self.entity(t)) is not None and e.label in PLACE_LABELS for t in head.subtree
        )

    def is_dated(self, token: Token) -> bool:
        """Whether a token is part of a date expression the dates stage found."""
        start = self.start(token)
        return any(d.start <= start < d.end for d in self.article.dates)

    def dates_in(self, start: int, end: int) -> list[DateRef]:
        return [d for d in self.article.dates if start <= d.start and d.end <= end]

    def phrase(self, tokens: Iterable[Token], text: str | None = None) -> Phrase | None:
        """A phrase of the article from tokens of either parse, its text as the article writes it."""
        toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
        if toks and self.title is not None:  # a phrase never runs from the headline into the body, or back
            inside = self.in_title(toks[0])
            toks = [t for t in toks if self.in_title(t) == inside]
            if toks:
                first = toks[0].i
                toks = [t for n, t in enumerate(toks) if t.i == first + n]  # and has no gap where it was cut
        while toks and toks[0].is_punct and toks[0].text not in "\"“'‘(":
            toks.pop(0)
        while toks and toks[-1].is_punct and toks[-1].text not in "\"”'’)%":
            toks.pop()
        if toks and toks[0].text in {"'", "\u2018"} and not any(t.text in {"'", "\u2019"} for t in toks[1:]):
            toks.pop(0)  # (an opening single quote whose words the phrase cut: "'fell into an old mine shaft")
        if not toks:
            return None
        start = self.start(toks[0])
        end = self.end(toks[-1])
        shown = text if text is not None else self.words(toks)
        if shown.count('"') % 2 or shown.count("“") != shown.count("”"):
            shown = shown.strip("\"“”'‘’ ")
        return Phrase(shown, start, end) if shown else None

    def words(self, tokens: Iterable[Token]) -> str:
        """Tokens as the article writes them (a headline's parse is of its sentence-cased copy)."""
        out: list[str] = []
        last = None
        for tok in sorted(tokens, key=lambda t: t.i):
            if last is not None:
                out.append(last.whitespace_ if tok.i == last.i + 1 else " ")
            out.append(self.article.text[self.start(tok) : self.end(tok)])
            last = tok
        return " ".join("".join(out).split())

    def title_tokens(self) -> list[Token]:
        if self.title is None:
            return []
        if self.head_doc is None:
            span = self.doc.char_span(self.title[0], self.title[1], alignment_mode="expand")
            return [t for t in span if not t.is_space] if span is not None else []
        return [t for t in self.head_doc if self.start(t) < self.title[1] and not t.is_space]

    def body_sentences(self) -> list[list[Token]]:
        if self._sentences is not None:
            return self._sentences
        out: list[list[Token]] = []
        if self.head_doc is not None:
            lead = [t for t in self.head_doc if self.start(t) >= self.body_start and not t.is_space]
            if lead:
                out.append(lead)
        done = max(self.body_start, self.head_end)
        for s, e in self.article.sentences:
            if e <= done:
                continue
            s = max(s, done)
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            tokens = [t for t in span if t.idx >= s and not t.is_space]
            if tokens:
                out.append(tokens)
            if len(out) >= _BODY_SENTENCES:
                break
        self._sentences = out
        return out

    def subject_of(self, verb: Token) -> Token | None:
        """A verb's subject (:func:`clause_subject`), never a word of the headline for a verb of the body."""
        subject = clause_subject(verb)
        if subject is not None and verb.doc is self.doc and subject.idx < self.body_start <= verb.idx:
            return self._noun_before(verb)  # the parse ran the headline into the lead
        if subject is None and verb.doc is self.doc and verb.idx >= self.body_start and _finite_group(verb, self):
            return self._noun_before(verb)  # ("Fans of the bar have hit out": the parse hung "Fans" elsewhere)
        return subject

    def _noun_before(self, verb: Token) -> Token | None:
        """The noun right before a body verb and its auxiliaries ("… Three *passengers* were injured")."""
        i = verb.i - 1
        while i >= 0 and verb.doc[i].dep_ in {"aux", "auxpass", "neg", "advmod"} and verb.doc[i].idx >= self.body_start:
            i -= 1
        if i < 0 or verb.doc[i].idx < self.body_start:
            return None
        tok = verb.doc[i]
        if tok.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
            return None
        while (  # up to the head of its noun phrase: "the final *victims* of the crash" for "crash"
            tok.dep_ in {"pobj", "prep", "compound", "amod", "nmod", "poss"}
            and tok.head.i != tok.i
            and tok.head.idx >= self.body_start
            and tok.head.i < verb.i
        ):
            tok = tok.head
        return tok if tok.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} else None

    def sentence_of(self, token: Token) -> tuple[int, int]:
        """The article span of the sentence a token stands in (the headline, the lead, or a body sentence)."""
        if self.title is not None and self.title[0] <= self.start(token) < self.title[1]:
            return self.title
        if token.doc is self.head_doc and self.title is not None:
            lead = self.article.text[self.body_start : self.lead_end]
            return (self.body_start + len(lead) - len(lead.lstrip()), self.lead_end)
        for s, e in self.article.sentences:
            if s <= token.idx < e:
                return (max(s, self.body_start), e)
        return (token.idx, token.idx + len(token.text))

    def body_bounds(self, n: int) -> list[tuple[int, int]]:
        out = []
        for s, e in self.article.sentences:
            if e > self.body_start:
                out.append((max(s, self.body_start), e))
            if len(out) >= n:
                break
        return out

    def role(self, child: Token) -> str | None:
        """Which question a dependent of the verb answers, if one of where/when/why/how."""
        dep, word = child.dep_, child.lower_
        if dep == "tmod" or (dep in {"prep", "advmod", "npadvmod"} and self.dated(child)):
            return "when"
        if dep == "npadvmod" and child.lemma_.lower() in _TIME_NOUNS:
            return "when"  # ("this *week*", "each *morning*"; a misparsed "into an old *shaft*" is no time)
        if dep == "advcl":
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            if marks & _CAUSE_MARKS or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return "why"
            if marks & {"when", "while", "before", "until", "once"}:
                return "when"
            return "how" if child.tag_ == "VBG" and not marks else None
        if dep == "prep":
            objs = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
            if word == "for" and any(_nth_time(o) for o in objs):
                return "when"  # "for the first time in 108 years"
            if word in _CAUSE_PREPS or cause_phrase(child) is not None:
                return "why"
            if word == "for" and child.head.lemma_.lower() in _BLAME and any(g.dep_ == "pcomp" for g in objs):
                return "why"
            if word in _MANNER_PREPS and objs and not (word == "with" and self.named(objs)):
                return "how"
            if word in _PLACE_PREPS and objs and self.is_place(objs[0], venue=word in _VENUE_PREPS):
                return "where"
        if dep == "advmod" and word.endswith("ly") and word not in _NOT_MANNER and child.pos_ == "ADV":
            return "how"
        return None

    def dated(self, token: Token) -> bool:
        start = self.start(token)
        end = max(self.end(t) for t in token.subtree)
        return any(
            d.start < end and start < d.end and d.text.lower() not in _WEAK_DATES
            for d in self.dates_in(start - 1, end + 1)
        )

    def named(self, tokens: list[Token]) -> bool:
        return any(
            (e := self.entity(t)) is not None and e.label in {"PERSON", "ORG", "NORP"}
            for o in tokens
            for t in o.subtree
        )

    def doer(self, c: Clause) -> Token | None:
        """Who acted: the agent of a passive ("bombed … by rebels", "killed in a rebel raid"), else the subject."""
        verb = c.verb
        passive = any(ch.dep_ == "auxpass" for ch in verb.children) or (
            c.segment == 0 and verb.tag_ == "VBN" and c.subject is not None and c.subject.i < verb.i
        )
        if passive and not c.shallow:
            for child in verb.children:
                if child.dep_ == "agent":
                    agent = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if agent is not None:
                        return agent
            for tok in verb.subtree:
                if tok.lower_ == "by" and tok.dep_ in {"prep", "agent"} and tok.i > verb.i:
                    for obj in tok.children:
                        entity = self.entity(obj)
                        if obj.dep_ == "pobj" and entity is not None and entity.label in ACTOR_LABELS:
                            return obj
            for prep in (ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ in {"in", "during"}):
                for obj in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _ATTACKS):
                    for mod in obj.children:  # "killed in a rebel raid"
                        if mod.dep_ in {"compound", "amod", "poss"} and self.is_named_actor(mod):
                            return mod
        return c.subject

    def in_head(self, at: int) -> bool:
        return self.head_doc is not None and self.title is not None and self.title[0] <= at < self.head_end


def passive(c: Clause) -> bool:
    """A passive clause: with a passive auxiliary, or a headline's bare participle ("Seven killed")."""
    verb = c.verb
    if any(ch.dep_ == "auxpass" for ch in verb.children):
        return True
    return bool(verb.tag_ == "VBN" and not any(ch.dep_ == "aux" for ch in verb.children))
