"""Who a cue's subject is: from the mention to the article's canonical entity name.

A quote's subject is rarely the full name: it is "he", "Mr Jeong", "the
secretary", "his South Korean counterpart", "the Republican nominee". No
coreference model runs offline, so this module resolves mentions the way a
careful reader of news does, with what the article itself says:

- a mention that is (or is headed by) a name found by the entity stage is that
  entity ("Mr Jeong" is "Jeong Kyeong-doo");
- a personal pronoun is the most recent compatible person before it, subjects
  first, never someone named inside a quotation, and never one of the other
  sex when an honorific or a gendered role says which ("Ms", "spokeswoman");
- a definite role ("the secretary", "his counterpart") is the person the
  article gave that role, by apposition ("Mark Esper, the US defence
  secretary") or title ("Defense Secretary Mark Esper");
- an unnamed source keeps its description ("a senior Pyongyang official").

When none of these applies the speaker is None rather than a guess.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsdesk.analyze.cues import cue_classes, mention_bounds
from newsdesk.analyze.names import HONORIFICS, name_tokens, split_title
from newsdesk.analyze.persons import (
    FEMALE_WORDS,
    MALE_WORDS,
    TITLE_NOUNS,
    appos_named,
    given_name_gender,
    honorific_gender,
    person_like,
    person_noun,
    proper_run,
)
from newsdesk.model import Article, Entity, Mention

__all__ = ["Speaker", "Speakers"]

Token = Any

_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_THEY = frozenset({"they", "them", "their", "themselves"})
_IT = frozenset({"it", "its", "itself"})
_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
_LOOKBACK_SENTENCES = 6


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the canonical name (or description) and the mention it came from."""

    name: str | None
    mention: Mention | None


@dataclass
class _Person:
    entity: Entity
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    titles: Counter[str] = field(default_factory=Counter)  # "m"/"f" votes of honorifics (Mr, Ms)
    nouns: Counter[str] = field(default_factory=Counter)  # votes of gendered roles (spokeswoman, husband)

    def decide_gender(self) -> None:
        """Honorifics first, then the given name, then gendered roles: a role may belong to a
        relative the entity stage merged in ("whose husband, Ty Woods")."""
        for votes in (self.titles, None, self.nouns):
            if votes is None:
                self.gender = given_name_gender(self.entity.name)
            elif votes:
                self.gender = votes.most_common(1)[0][0]
            if self.gender:
                return


class Speakers:
    """Resolves cue subjects of one article; built once per article, asked per quote."""

    def __init__(self, article: Article, doc: Any, quoted: Sequence[tuple[int, int]]) -> None:
        self.text = article.text
        self.doc = doc
        self._quoted = sorted(quoted)
        self._quoted_starts = [a for a, _ in self._quoted]
        spans = sorted((s, e, ent) for ent in article.entities for s, e in ent.mentions)
        self._spans = spans
        self._span_starts = [s for s, _, _ in spans]
        self._people: dict[str, _Person] = {}
        self._sentences: list[Any] | None = None
        self._sentence_starts: list[int] = []
        for s, e, ent in spans:
            if ent.label in _PERSON_LABELS or self._titled(s, e):
                person = self._people.setdefault(ent.name, _Person(ent))
                self._learn(person, s, e)
        for person in self._people.values():
            person.decide_gender()

    # ------------------------------------------------------------------ look-ups

    def in_quote(self, pos: int) -> bool:
        """Is ``pos`` inside a quoted passage (marks included)?"""
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``, if any."""
        i = bisect.bisect_left(self._span_starts, end)
        for j in range(i - 1, max(-1, i - 8), -1):
            s, e, ent = self._spans[j]
            if s < end and start < e:
                return ent
        return None

    def _titled(self, start: int, end: int) -> bool:
        """A mention with a personal honorific ("Ms Ilves") is a person, whatever label the model gave it."""
        words = re.findall(r"[A-Za-z]+", self.text[max(0, start - 6) : end])
        return any(w.lower() in {"mr", "mrs", "ms", "miss", "dr"} for w in words[:2])

    def _learn(self, person: _Person, start: int, end: int) -> None:
        """Gender and roles from the words around one mention of a person."""
        before = self.text[max(0, start - 60) : start]
        words = re.findall(r"[A-Za-z][A-Za-z.-]*", before)[-4:]
        for word in reversed(words):
            plain = word.lower().rstrip(".")
            votes = person.titles if word[0].isupper() else person.nouns
            if plain in MALE_WORDS:
                votes["m"] += 1
            elif plain in FEMALE_WORDS:
                votes["f"] += 1
            if plain not in HONORIFICS and not word[0].isupper():
                break
            person.roles.add(plain)
        head = _token_at(self.doc, end - 1)
        if head is None:
            return
        for node in [*(c for c in head.children if c.dep_ == "appos"), *([head.head] if head.dep_ == "appos" else [])]:
            a, b = mention_bounds(node)
            for tok in self.doc[a:b]:
                if tok.idx >= start and tok.idx < end:
                    continue
                if tok.pos_ in {"NOUN", "ADJ", "PROPN"}:
                    person.roles.add(tok.lower_)
                    if tok.lower_ in MALE_WORDS:
                        person.nouns["m"] += 1
                    elif tok.lower_ in FEMALE_WORDS:
                        person.nouns["f"] += 1

    # ------------------------------------------------------------------ resolution

    def resolve(self, head: Token) -> Speaker:
        """The speaker named by the mention headed by ``head`` (a cue's subject)."""
        a, b = mention_bounds(head)
        start, end = self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1])
        while start < end - 1 and not (self.text[start].isalnum() or self.text[start] in "@#"):
            start += 1  # "-President Obama" signing a quotation
        mention = Mention(self.text[start:end], start, end)
        name = self._name(head, mention)
        if name is not None and name in self._people:
            name = split_title(name)[1]  # "Ms Ilves" when the model took her for an organisation
        return Speaker(name, mention)

    def _name(self, head: Token, mention: Mention) -> str | None:
        word = head.lower_
        if head.pos_ == "PRON" or word in _HE | _SHE | _THEY | _IT:
            return self._antecedent(head)
        entity = self.entity_at(head.idx, head.idx + len(head))
        if entity is not None:
            return entity.name
        role = self._by_role(head, mention) or self._by_recent_person(head, mention)
        if role is not None:
            return role
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            return self._by_surname(head) or proper_run(head)
        if head.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}:
            return mention.text
        return None

    def _by_surname(self, head: Token) -> str | None:
        key = name_tokens(head.text)
        if not key:
            return None
        for person in self._people.values():
            if key[-1] in name_tokens(person.entity.name):
                return person.entity.name
        return None

    def _by_role(self, head: Token, mention: Mention) -> str | None:
        """A definite role ("the secretary", "his counterpart") given to exactly one person, or the latest."""
        if head.tag_ not in {"NN", "NNP"} or not head.is_lower:
            return None
        determiners = [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}]
        if not determiners or determiners[0] in {"a", "an", "another", "some", "one", "any", "no"}:
            return None
        role = head.lower_
        modifiers = {c.lower_ for c in head.children if c.dep_ in {"amod", "compound"}}
        best: tuple[int, int, str] | None = None
        for person in self._people.values():
            if role not in person.roles or not modifiers <= person.roles | {role}:
                continue
            last = max((s for s, _ in person.entity.mentions if s < mention.start), default=-1)
            if last < 0:
                continue
            score = (len(modifiers & person.roles), last, person.entity.name)
            best = max(best, score) if best else score
        return best[2] if best else None

    def _antecedent(self, pronoun: Token) -> str | None:
        """The most recent compatible referent before a pronoun: subjects of recent sentences first."""
        word = pronoun.lower_
        if word not in _HE | _SHE | _THEY | _IT:
            return None
        return self._search(pronoun, word, word in _HE | _SHE, _LOOKBACK_SENTENCES)

    def _by_recent_person(self, head: Token, mention: Mention) -> str | None:
        """A title as speaker ("the Pentagon chief said" right after a sentence about Mark Esper): a title the article
        never gave anyone is the person the sentence before was about, when that was a named person.

        Only titles (chief, secretary, senator, nominee, …), never "the man" or "the aide"; only the main
        subject of the sentence before; never when the mention names another person ("the Trump
        campaign chief") or sets itself apart ("the other senator").
        """
        determiners = [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}]
        if determiners != ["the"] or head.tag_ not in {"NN", "NNP"} or head.lower_ not in TITLE_NOUNS:
            return None
        if any(c.dep_ == "prep" or c.lower_ in {"other", "new", "former"} for c in head.children):
            return None
        inside = self.entity_at(mention.start, head.idx)
        if inside is not None and inside.name in self._people:
            return None
        word = "she" if head.lower_ in FEMALE_WORDS else "he" if head.lower_ in MALE_WORDS else "person"
        found = self._previous_subject(head, word)
        person = self._people.get(found) if found else None
        titles = person.roles & TITLE_NOUNS if person else set()
        if titles and head.lower_ not in titles | {"chief", "head", "leader", "boss"}:
            return None  # the article calls that person something else ("secretary", not "senator")
        return found

    def _previous_subject(self, anchor: Token, word: str) -> str | None:
        """The named person who is the main subject of the last narrative sentence before ``anchor``'s."""
        sentences = self._sentence_list()
        index = max(0, bisect.bisect_right(self._sentence_starts, anchor.i) - 1)
        for back in range(1, index + 1):
            sent = sentences[index - back]
            narrative = [t for t in sent if t.is_alpha and not self.in_quote(t.idx)]
            if not narrative:
                continue
            subjects = [t for t in narrative if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"]
            if not subjects:
                return None
            found = self._referent(subjects[0], word, True)
            entity = self.entity_at(subjects[0].idx, subjects[0].idx + len(subjects[0]))
            named = entity is not None or subjects[0].pos_ == "PROPN" or appos_named(subjects[0])
            return found if found is not None and named else None
        return None

    def _sentence_list(self) -> list[Any]:
        if self._sentences is None:
            self._sentences = _sentences(self.doc)
            self._sentence_starts = [sent.start for sent in self._sentences]
        return self._sentences

    def _search(self, anchor: Token, word: str, want_person: bool, limit: int) -> str | None:
        sentences = self._sentence_list()
        index = max(0, bisect.bisect_right(self._sentence_starts, anchor.i) - 1)
        narrative = 0  # sentences with words outside quotation marks: quoted ones do not use up the look-back
        for back in range(index + 1):
            if narrative >= limit:
                break
            sent = sentences[index - back]
            stop = anchor.i if back == 0 else sent.end
            subjects: list[str] = []
            others: list[str] = []
            told = False
            for tok in sent[: stop - sent.start]:
                if self.in_quote(tok.idx):
                    continue
                told = told or tok.is_alpha
                found = self._referent(tok, word, want_person)
                if found is None:
                    continue
                (subjects if tok.dep_ in {"nsubj", "nsubjpass"} else others).append(found)
            if subjects:  # in the pronoun's own sentence the nearest, before it the main one
                return subjects[-1] if back == 0 else subjects[0]
            if others and (back == 0 or want_person):
                return others[-1] if back == 0 else others[0]
            narrative += told
        return None

    def _unlisted_person(self, tok: Token, word: str, *, speaks: bool) -> str | None:
        """A proper-noun subject the entity model missed (or mislabelled) as a referent."""
        if not (speaks or person_like(tok)):
            return None
        gender = honorific_gender(tok) or given_name_gender(proper_run(tok))
        if (word in _HE and gender == "f") or (word in _SHE and gender == "m"):
            return None
        return self._by_surname(tok) or proper_run(tok)

    def _referent(self, tok: Token, word: str, want_person: bool) -> str | None:
        """What ``tok`` (a mention head) can be the referent of pronoun ``word``, if anything."""
        if tok.dep_ == "compound" or tok.pos_ == "PRON":
            return None
        entity = self.entity_at(tok.idx, tok.idx + len(tok))
        subject = tok.dep_ in {"nsubj", "nsubjpass"}
        if want_person and entity is None and subject and tok.pos_ == "NOUN":
            # "The minister of the economy, Mr. Guajardo Villarreal, argues …": the apposition names the subject
            named = [c for c in tok.children if c.dep_ == "appos"]
            entity = next((e for c in named if (e := self.entity_at(c.idx, c.idx + len(c))) is not None), None)
        if want_person:
            person = None if entity is None else self._people.get(entity.name)
            if person is not None:
                if (word in _HE and person.gender == "f") or (word in _SHE and person.gender == "m"):
                    return None
                return person.entity.name
            if not subject:
                return None
            speaks = "speech" in cue_classes(tok.head)  # whoever "said" is a source, named or not
            if tok.pos_ == "PROPN" and (entity is None or (speaks and entity.label in {"GPE", "LOC"})):
                return self._unlisted_person(tok, word, speaks=speaks)
            if tok.pos_ == "NOUN" and speaks and tok.tag_ == "NN" and person_noun(tok.lower_):
                if (word in _HE and tok.lower_ in FEMALE_WORDS) or (word in _SHE and tok.lower_ in MALE_WORDS):
                    return None
                a, b = mention_bounds(tok)  # "the campaign manager said he …"
                start, end = self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1])
                return self._by_role(tok, Mention(self.text[start:end], start, end)) or self.text[start:end]
            return None
        if tok.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        plural = tok.tag_ in {"NNS", "NNPS"}
        if entity is not None:
            if entity.label in _GROUP_LABELS and (plural or word in _IT or entity.label == "ORG"):
                return entity.name
            return None
        if tok.pos_ == "NOUN" and (plural == (word in _THEY)):
            a, b = mention_bounds(tok)
            return str(self.doc[a:b].text)
        return None


def _sentences(doc: Any) -> list[Any]:
    """The parser's sentences, also cut at line breaks: a sentence never runs over two paragraphs."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text and tok.i > start:
                out.append(doc[start : tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return out


def _token_at(doc: Any, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
