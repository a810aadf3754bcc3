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
from functools import cache
from importlib import resources
from typing import Any

from newsdesk.analyze.cues import cue_classes, mention_bounds
from newsdesk.analyze.names import HONORIFICS, name_tokens, split_title
from newsdesk.model import Article, Entity, Mention

__all__ = ["Speaker", "Speakers", "given_name_gender"]

Token = Any

_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_THEY = frozenset({"they", "them", "their", "themselves"})
_IT = frozenset({"it", "its", "itself"})
_MALE_WORDS = frozenset(
    "mr mister sir lord king prince spokesman congressman chairman businessman husband father son brother "
    "boyfriend uncle nephew grandfather actor".split()
)
_FEMALE_WORDS = frozenset(
    "mrs ms miss madam dame lady queen princess spokeswoman congresswoman chairwoman businesswoman wife "
    "mother daughter sister girlfriend aunt niece grandmother actress".split()
)
_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
_LOOKBACK_SENTENCES = 6
_NOT_PEOPLE = frozenset(
    """
    report poll study survey statement article campaign committee group company government administration
    agency department ministry court newspaper paper website site ad video document memo letter book analysis
    review research audit filing complaint lawsuit plan proposal bill law release story editorial network
    channel party union board council team office firm bank organization organisation association data
    letter paper order number center centre chapter matter computer corner border quarter
    """.split()
)


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
            if plain in _MALE_WORDS:
                votes["m"] += 1
            elif plain in _FEMALE_WORDS:
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
                    if tok.lower_ in _MALE_WORDS:
                        person.nouns["m"] += 1
                    elif tok.lower_ in _FEMALE_WORDS:
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
            return self._by_surname(head) or _proper_run(head)
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
        if determiners != ["the"] or head.tag_ not in {"NN", "NNP"} or head.lower_ not in _TITLE_NOUNS:
            return None
        if any(c.dep_ == "prep" or c.lower_ in {"other", "new", "former"} for c in head.children):
            return None
        inside = self.entity_at(mention.start, head.idx)
        if inside is not None and inside.name in self._people:
            return None
        word = "she" if head.lower_ in _FEMALE_WORDS else "he" if head.lower_ in _MALE_WORDS else "person"
        found = self._previous_subject(head, word)
        person = self._people.get(found) if found else None
        titles = person.roles & _TITLE_NOUNS if person else set()
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
            named = entity is not None or subjects[0].pos_ == "PROPN" or _appos_named(subjects[0])
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
        if not (speaks or _person_like(tok)):
            return None
        gender = _honorific_gender(tok) or given_name_gender(_proper_run(tok))
        if (word in _HE and gender == "f") or (word in _SHE and gender == "m"):
            return None
        return self._by_surname(tok) or _proper_run(tok)

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
            if tok.pos_ == "NOUN" and speaks and tok.tag_ == "NN" and _person_noun(tok.lower_):
                if (word in _HE and tok.lower_ in _FEMALE_WORDS) or (word in _SHE and tok.lower_ in _MALE_WORDS):
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


@cache
def _given_names() -> dict[str, str]:
    raw = resources.files("newsdesk").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    pairs = (line.split() for line in raw.splitlines() if line.strip() and not line.startswith("#"))
    return {name: sex for sex, name in pairs}


def given_name_gender(name: str) -> str | None:
    """Sex ("m" or "f") when the first word of ``name`` is a given name of one sex ("Hillary Clinton" → "f")."""
    words = [w for w in name_tokens(split_title(name)[1]) if w not in HONORIFICS]
    return _given_names().get(words[0]) if len(words) >= 2 else None


def _honorific_gender(tok: Token) -> str | None:
    """ "m" or "f" when an honorific stands right before the name ("Ms Ilves")."""
    doc = tok.doc
    a = tok.i
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ == "compound":
        a -= 1
    for t in doc[max(0, a - 1) : tok.i]:
        word = t.lower_.rstrip(".")
        if word in _MALE_WORDS:
            return "m"
        if word in _FEMALE_WORDS:
            return "f"
    return None


_PERSON_NOUNS = frozenset(
    """
    official aide spokesman spokeswoman spokesperson secretary minister chief head boss president chair
    director senator governor mayor judge attorney adviser advisor analyst expert source officer commander
    general colonel captain sergeant agent candidate nominee lawmaker congressman congresswoman representative
    leader member host anchor correspondent reporter columnist author editor economist strategist pollster
    consultant professor scientist researcher doctor nurse student teacher parent mother father wife husband
    son daughter woman man resident voter supporter critic activist protester witness victim owner founder
    executive manager employee worker envoy ambassador diplomat negotiator prosecutor detective investigator
    sheriff commissioner administrator superintendent counterpart colleague friend neighbor neighbour partner
    """.split()
)


_TITLE_NOUNS = frozenset(
    """
    chief head secretary minister president premier chancellor senator congressman congresswoman
    representative governor mayor nominee candidate leader chairman chairwoman director general commander
    admiral ambassador envoy businessman businesswoman billionaire mogul tycoon host anchor justice judge
    prosecutor lawmaker frontrunner front-runner incumbent challenger king queen prince pope premier
    """.split()
)


def _appos_named(tok: Token) -> bool:
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)


def _person_noun(word: str) -> bool:
    """A common noun for a person ("the campaign manager", "the spokeswoman"), not a thing that talks."""
    if word in _NOT_PEOPLE:
        return False
    return word in _PERSON_NOUNS or word.endswith(("ist", "ian", "man", "woman", "person", "er", "or"))


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


def _person_like(tok: Token) -> bool:
    """A proper-noun subject that can be a person: a name of two words or more, or one with an honorific."""
    run = _proper_run(tok)
    return len(run.split()) >= 2 or _honorific_gender(tok) is not None


def _proper_run(head: Token) -> str:
    """The run of proper nouns a name is made of ("Geoff Garin"), without titles."""
    doc = head.doc
    a = head.i
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ == "compound":
        a -= 1
    words = [w for w in (t.text.lstrip("-–—―") for t in doc[a : head.i + 1]) if w]
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)
