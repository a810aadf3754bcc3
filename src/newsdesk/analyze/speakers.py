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
from typing import TYPE_CHECKING

from newsdesk.analyze.cues import cue_classes, mention_bounds, subject_of
from newsdesk.analyze.names import HONORIFICS, name_tokens, split_title
from newsdesk.analyze.persons import (
    DOCUMENT_NOUNS,
    FEMALE_WORDS,
    GENERIC_PERSONS,
    MALE_WORDS,
    NOT_PEOPLE,
    ORGANISATION_NOUNS,
    TITLE_NOUNS,
    appos_named,
    given_name_gender,
    honorific_gender,
    person_like,
    person_noun,
    proper_run,
)
from newsdesk.model import Article, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Speaker", "Speakers"]


_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_THEY = frozenset({"they", "them", "their", "themselves"})
_IT = frozenset({"it", "its", "itself"})
_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
_LOOKBACK_SENTENCES = 6
_PLACE_BODIES = frozenset({"government", "city", "province", "state", "municipality", "township", "county"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the canonical name (or description), the mention it came from, and the
    document it spoke through ("her statement said" is her, via "her statement")."""

    name: str | None
    mention: Mention | None
    via: Mention | None = None


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

    def __init__(self, article: Article, doc: Doc, quoted: Sequence[tuple[int, int]]) -> None:
        self.text = article.text
        self.doc = doc
        self._quoted = sorted(quoted)
        self._quoted_starts = [a for a, _ in self._quoted]
        spans = sorted((s, e, ent) for ent in article.entities for s, e in ent.mentions)
        self._spans = spans
        self._span_starts = [s for s, _, _ in spans]
        self._people: dict[str, _Person] = {}
        self._sentences: list[Span] | None = None
        self._sentence_starts: list[int] = []
        self._pronouns: dict[int, str | None] = {}  # resolved pronouns by token index (chains reuse them)
        self._last_back = 0  # how many narrative sentences back the last search found its referent
        not_people = _place_taken_for_person(article.entities)
        for s, e, ent in spans:
            if (ent.label in _PERSON_LABELS and ent.name not in not_people) or self._titled(s, e) or _named(ent):
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

    def resolve(self, head: Token, cue: Token | None = None) -> Speaker:
        """The speaker named by the mention headed by ``head`` (a cue's subject); ``cue`` the reporting
        word, whose "in a statement" names the document spoken through."""
        mention = self._mention(head)
        via = self._document_of(cue)
        if (
            head.lower_ in DOCUMENT_NOUNS
            and head.pos_ in {"NOUN", "PROPN"}
            and self.entity_at(head.idx, head.idx + 1) is None
        ):
            via = mention  # "the report said": the report is how its owner speaks, whether or not it has one
            owner = self._owner(head)
            if owner is not None:
                return Speaker(owner, mention, via)
        name = self._appos_name(head) or self._name(head, mention)
        if name is not None and name in self._people:
            name = split_title(name)[1]  # "Ms Ilves" when the model took her for an organisation
        return Speaker(name, mention, via)

    def labelled(self, start: int, end: int) -> Speaker:
        """The speaker of a transcript line labelled ``text[start:end]`` ("PENCE:", "Q:"): the person of that
        surname the article names, else the label itself."""
        label = self.text[start:end]
        key = name_tokens(label)
        people = (p.entity.name for p in self._people.values() if key and key[-1] in name_tokens(p.entity.name))
        name = next(people, None)
        return Speaker(name or label, Mention(label, start, end))

    def _mention(self, head: Token) -> Mention:
        a, b = mention_bounds(head)
        start, end = self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1])
        while start < end - 1 and not (self.text[start].isalnum() or self.text[start] in "@#"):
            start += 1  # "-President Obama" signing a quotation
        return Mention(self.text[start:end], start, end)

    def _appos_name(self, head: Token) -> str | None:
        """``Wise's dad, Darrin, says`` / ``Director of research, Kevin Haley, said``: the name in apposition."""
        if head.pos_ == "PROPN" or self.entity_at(head.idx, head.idx + len(head)) is not None:
            return None
        for child in head.children:
            if child.dep_ != "appos" or child.i < head.i:
                continue
            names = [child, *(c for c in child.children if c.dep_ == "conj" and c.tag_ in {"NNP", "NNPS"})]
            if len(names) > 1:  # "Stella's owners, Tore Sohlberg and Lehla Abreder"
                a, b = mention_bounds(child)[0], mention_bounds(names[-1])[1]
                return str(self.doc[a:b].text)
            entity = self.entity_at(child.idx, child.idx + len(child))
            if entity is not None and (entity.name in self._people or entity.label == "ORG"):
                return entity.name
            if child.tag_ in {"NNP", "NNPS"} and child.text[:1].isupper():  # "Wise's dad, Darrin" (taken for a place)
                return self._by_surname(child) or (entity.name if entity is not None else proper_run(child))
        return None

    def _name(self, head: Token, mention: Mention) -> str | None:
        word = head.lower_
        if head.pos_ == "PRON" or word in _HE | _SHE | _THEY | _IT:
            return self._antecedent(head)
        entity = self.entity_at(head.idx, head.idx + len(head))
        if entity is not None:
            return entity.name
        role = self._by_role(head, mention) or self._by_recent_person(head, mention) or self._by_organisation(head)
        if role is not None:
            return role
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            return self._by_surname(head) or proper_run(head)
        named = self._named_inside(mention)
        if named is not None:
            return named
        if head.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}:
            return mention.text
        return None

    def _named_inside(self, mention: Mention) -> str | None:
        """A mention whose last words are a person's name ("Carolina coach Rod Brind'Amour") is that person."""
        entity = self.entity_at(mention.end - 1, mention.end)
        if entity is None or entity.name not in self._people:
            return None
        return entity.name if any(mention.start <= s and e == mention.end for s, e in entity.mentions) else None

    # ------------------------------------------------------------------ documents and organisations

    def _document_of(self, cue: Token | None) -> Mention | None:
        """The document a cue says the words came in: "said in a statement", "wrote in a blog post"."""
        if cue is None:
            return None
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "via", "through"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lower_ in DOCUMENT_NOUNS:
                        return self._mention(obj)
        return None

    def _owner(self, head: Token, depth: int = 0) -> str | None:
        """Who speaks through a document: its possessor ("her statement"), its author ("a report by the
        railway"), a name in its description ("a document on Canadian Pacific's website"), or, for a
        document named again ("the report said"), the owner of the last document the article mentioned."""
        if depth > 2:
            return None
        own = self._direct_owner(head, depth)
        if own is not None:
            return own
        determiners = [c.lower_ for c in head.children if c.dep_ == "det"]
        if determiners[:1] in (["a"], ["an"], ["another"], ["one"], ["some"]):
            return None  # "a document says": a new document, its owner is not an earlier one's
        return self._earlier_owner(head, depth)

    def _direct_owner(self, head: Token, depth: int) -> str | None:
        for child in head.children:
            if child.dep_ == "poss":
                return self._owner_name(child, depth)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
                objects = [o for o in child.children if o.dep_ == "pobj"]
                if objects and not (child.lower_ == "of" and objects[0].pos_ != "PROPN"):
                    return self._owner_name(objects[0], depth)
        todo = [c for c in head.children if c.dep_ in {"acl", "prep", "compound", "nmod"}]
        while todo:
            tok = todo.pop()
            entity = self.entity_at(tok.idx, tok.idx + len(tok))
            if entity is not None and (entity.label == "ORG" or entity.name in self._people):
                return entity.name
            todo.extend(c for c in tok.children if c.dep_ not in {"relcl", "appos", "conj", "advcl"})
        return None

    def _owner_name(self, tok: Token, depth: int) -> str | None:
        if tok.lower_ in DOCUMENT_NOUNS and tok.pos_ == "NOUN":
            return self._owner(tok, depth + 1)
        if tok.pos_ == "PRON" and tok.lower_ in {"my", "our", "your"}:
            return None
        if tok.pos_ == "PRON":
            return self._antecedent(tok)
        name = self._name(tok, self._mention(tok))
        return name

    def _earlier_owner(self, head: Token, depth: int) -> str | None:
        """The owner of the document this one names again: the latest earlier mention of the same kind of
        document, else of any document, that has an owner or a source that spoke in it."""
        earlier = [
            t
            for t in self.doc[max(0, head.i - 600) : head.i]
            if t.lower_ in DOCUMENT_NOUNS and t.pos_ == "NOUN" and not self.in_quote(t.idx)
        ]
        for same in (True, False):
            for tok in reversed(earlier):
                if (tok.lemma_ == head.lemma_) != same:
                    continue
                owner = self._speaker_in(tok, depth) or self._direct_owner(tok, depth)
                if owner is not None:
                    return owner
        return None

    def _speaker_in(self, doc_tok: Token, depth: int) -> str | None:
        """``Schultz stated in the company's blog post`` / ``the railway released a report``: the subject
        of the verb a document hangs on is who speaks through it."""
        verb = doc_tok.head.head if doc_tok.dep_ == "pobj" and doc_tok.head.lower_ == "in" else doc_tok.head
        if doc_tok.dep_ not in {"pobj", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
            return None
        subject = subject_of(verb)
        if subject is None or subject.lower_ in DOCUMENT_NOUNS:
            return None
        return self._owner_name(subject, depth)

    def _by_organisation(self, head: Token) -> str | None:
        """``the company said``: the organisation the article named last, subjects first."""
        if head.lower_ not in ORGANISATION_NOUNS or head.tag_ != "NN":
            return None
        determiners = [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}]
        if determiners != ["the"] or any(c.lower_ in {"other", "new", "former", "another"} for c in head.children):
            return None
        labels = {"ORG", "GPE"} if head.lower_ in _PLACE_BODIES else {"ORG"}
        sentences = self._sentence_list()
        index = max(0, bisect.bisect_right(self._sentence_starts, head.i) - 1)
        for back in range(min(index + 1, _LOOKBACK_SENTENCES + 1)):
            sent = sentences[index - back]
            stop = head.i if back == 0 else sent.end
            found: list[tuple[int, str]] = []
            for tok in sent[: stop - sent.start]:
                if self.in_quote(tok.idx) or tok.dep_ == "compound":
                    continue
                entity = self.entity_at(tok.idx, tok.idx + len(tok))
                if entity is not None and entity.label in labels and entity.name not in self._people:
                    found.append((0 if tok.dep_ in {"nsubj", "nsubjpass"} else 1, entity.name))
            if found:
                return min(found, key=lambda f: f[0])[1]
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
        if head.tag_ not in {"NN", "NNP"} or not head.is_lower or head.lower_ in ORGANISATION_NOUNS | DOCUMENT_NOUNS:
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
        if pronoun.i in self._pronouns:
            return self._pronouns[pronoun.i]
        self._pronouns[pronoun.i] = None  # a chain never loops back to itself
        person = word in _HE | _SHE
        found = self._search(pronoun, word, person, _LOOKBACK_SENTENCES)
        if person and (found is None or (self._last_back >= 1 and self._passing(found, pronoun))):
            found = self._most_present(pronoun, word) or found
        self._pronouns[pronoun.i] = found
        return found

    def _most_present(self, anchor: Token, word: str) -> str | None:
        """A pronoun with no referent nearby is the person the passage is about: of the people named before
        it who may be ``word``, the one the article names most (a feature's interviewee, the speaker of the
        paragraphs around), when one stands out."""
        counts: list[tuple[int, int, str]] = []
        for person in self._people.values():
            if (word in _HE and person.gender == "f") or (word in _SHE and person.gender == "m"):
                continue
            before = [s for s, _ in person.entity.mentions if s < anchor.idx and not self.in_quote(s)]
            if before:
                counts.append((len(before), max(before), person.entity.name))
        counts.sort(reverse=True)
        if not counts or (len(counts) > 1 and counts[1][0] * 2 > counts[0][0]):
            return None
        return counts[0][2]

    def _by_recent_person(self, head: Token, mention: Mention) -> str | None:
        """A title or an epithet as speaker: "the Pentagon chief said" right after a sentence about Mark
        Esper, "the lanky, bespectacled professor said" after one about Guenther Schuh. A description the
        article never gave anyone is the person the sentences before were about, when that was a named person.

        Titles (chief, secretary, senator, nominee, …) and described nouns ("the rookie defenceman", "the
        affable proprietor"), never a bare "the man" or "the aide"; never when the mention names another
        person ("the Trump campaign chief") or sets itself apart ("the other senator").
        """
        determiners = [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}]
        if determiners != ["the"] or head.tag_ not in {"NN", "NNP"}:
            return None
        if any(c.dep_ == "prep" or c.lower_ in {"other", "new", "former", "same"} for c in head.children):
            return None
        word = head.lower_
        described = any(c.dep_ in {"amod", "compound", "nmod"} and c.i < head.i for c in head.children)
        title = word in TITLE_NOUNS
        if not title and not (described and head.is_lower and _may_be_person(word)):
            return None
        inside = self.entity_at(mention.start, head.idx)
        if inside is not None and inside.name in self._people:
            return None
        gender = "she" if word in FEMALE_WORDS else "he" if word in MALE_WORDS else "person"
        found = self._previous_subject(head, gender, 1 if title else 2)
        person = self._people.get(found) if found else None
        titles = person.roles & TITLE_NOUNS if person else set()
        if title and titles and word not in titles | {"chief", "head", "leader", "boss"}:
            return None  # the article calls that person something else ("secretary", not "senator")
        return found

    def _previous_subject(self, anchor: Token, word: str, sentences_back: int = 1) -> str | None:
        """The named person who is the subject of the last narrative sentences before ``anchor``'s (its main
        subject first, then those of its clauses)."""
        sentences = self._sentence_list()
        index = max(0, bisect.bisect_right(self._sentence_starts, anchor.i) - 1)
        seen = 0
        for back in range(1, index + 1):
            sent = sentences[index - back]
            narrative = [t for t in sent if t.is_alpha and not self.in_quote(t.idx)]
            if not narrative:
                continue
            seen += 1
            subjects = [t for t in narrative if t.dep_ in {"nsubj", "nsubjpass"}]
            subjects.sort(key=lambda t: t.head.dep_ != "ROOT")
            if seen > 1:
                subjects = subjects[:1]
            for subject in subjects if sentences_back > 1 else subjects[:1]:
                if subject.pos_ == "PRON" and subject.lower_ in _HE | _SHE:
                    found = (
                        self._antecedent(subject) if word == "person" or _same_pronoun(subject.lower_, word) else None
                    )
                    named = True
                else:
                    found = self._referent(subject, word, True)
                    entity = self.entity_at(subject.idx, subject.idx + len(subject))
                    named = entity is not None or subject.pos_ == "PROPN" or appos_named(subject)
                if found is not None and named:
                    return found
            if seen >= sentences_back:
                return None
        return None

    def _sentence_list(self) -> list[Span]:
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
                subject = tok.dep_ in {"nsubj", "nsubjpass"}
                if back == 0 and not subject and tok.dep_ in _OBJECT_DEPS:
                    continue  # "Asked what he would tell Mayor John Tory, he said": an object is not the speaker
                if want_person and tok.pos_ == "PRON" and _same_pronoun(tok.lower_, word) and (subject or back > 0):
                    found = self._antecedent(tok)  # "He said …. He added": a chain of one person
                else:
                    found = self._referent(tok, word, want_person, near=back <= 1)
                if found is None:
                    continue
                (subjects if subject else others).append(found)
            self._last_back = narrative
            if subjects:  # in the pronoun's own sentence the nearest, before it the main one
                return subjects[-1] if back == 0 else subjects[0]
            if others and (back == 0 or want_person):
                return others[-1] if back == 0 else others[0]
            narrative += told
        return None

    def _passing(self, name: str, anchor: Token) -> bool:
        """A person named once before ``anchor`` (a photo caption, a passing mention): no match for the
        passage's subject when the pronoun is sentences away from them."""
        person = self._people.get(name)
        return person is not None and sum(s < anchor.idx for s, _ in person.entity.mentions) <= 1

    def _unlisted_person(self, tok: Token, word: str, *, speaks: bool, near: bool = False) -> str | None:
        """A proper-noun subject the entity model missed (or mislabelled) as a referent."""
        if proper_run(tok).lower() in TITLE_NOUNS:
            return None  # "Director, security response at Symantec, Kevin Haley": a title, not a name
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None  # "the West", "the Kremlin": a place or a body, not a person
        if not (speaks or near or person_like(tok) or self._by_surname(tok)):
            return None
        gender = honorific_gender(tok) or given_name_gender(proper_run(tok))
        if (word in _HE and gender == "f") or (word in _SHE and gender == "m"):
            return None
        return self._by_surname(tok) or proper_run(tok)

    def _referent(self, tok: Token, word: str, want_person: bool, *, near: bool = False) -> str | None:
        """What ``tok`` (a mention head) can be the referent of pronoun ``word``, if anything; ``near``: in the
        pronoun's sentence or the one before, where a lone name the entity stage missed still counts."""
        if tok.dep_ == "compound" or tok.pos_ == "PRON":
            return None
        entity = self.entity_at(tok.idx, tok.idx + len(tok))
        subject = tok.dep_ in {"nsubj", "nsubjpass"}
        if want_person and (entity is None or entity.name not in self._people) and subject:
            # "The minister of the economy, Mr. Guajardo Villarreal, argues …": the apposition names the subject
            named = self._appos_name(tok) if tok.pos_ in {"NOUN", "PROPN"} else None
            if named is not None and named in self._people:
                entity = self._people[named].entity
        if want_person and entity is None and tok.pos_ == "PROPN" and not subject:
            known = self._by_surname(tok)  # "For Espinos, who …, he is": a person the entity stage named elsewhere
            entity = self._people[known].entity if known in self._people else None
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
                return self._unlisted_person(tok, word, speaks=speaks, near=near and not tok.is_upper)
            if tok.pos_ == "PROPN" and speaks and entity is not None and _titled_name(entity.name):
                return _after_title(entity.name)  # "Hereditary Chief Na'moks said", taken for an organisation
            if tok.pos_ == "NOUN" and tok.tag_ == "NN" and person_noun(tok.lower_):
                if (word in _HE and tok.lower_ in FEMALE_WORDS) or (word in _SHE and tok.lower_ in MALE_WORDS):
                    return None
                mention = self._mention(tok)  # "the mayor brought it up again": the role the article gave
                return self._by_role(tok, mention) or (mention.text if speaks else None)
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
            return self._appos_name(tok) or str(self.doc[a:b].text)
        return None


def _named(entity: Entity) -> bool:
    """A person's name the model labelled otherwise ("Caleb Jones" as an organisation): two words or more, the
    first a given name, the last not a word that ends the names of organisations and places ("Lincoln Center")."""
    if entity.label in _PERSON_LABELS or entity.label not in {"ORG", "GPE", "LOC", "FAC"}:
        return False
    words = entity.name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or given_name_gender(entity.name) is None:
        return False
    return words[-1].lower() not in ORGANISATION_NOUNS | _PLACE_WORDS


_PLACE_WORDS = frozenset(
    """
    center centre street avenue road square park river lake falls valley island islands mountain mountains bay
    hall tower bridge station airport stadium arena church hotel house inc corp co ltd llc group times post news
    """.split()
)


def _place_taken_for_person(entities: Sequence[Entity]) -> frozenset[str]:
    """One-word "people" that open the name of an organisation or a place the article names ("Edmonton", as in
    "Edmonton Oilers"): a town or a team taken for a person, not someone who speaks."""
    firsts = {e.name.split()[0] for e in entities if e.label in {"ORG", "GPE", "LOC", "FAC"} and " " in e.name}
    return frozenset(e.name for e in entities if e.label in _PERSON_LABELS and " " not in e.name and e.name in firsts)


def _titled_name(name: str) -> bool:
    """A name that carries a personal title before its last word ("Hereditary Chief Na'moks")."""
    words = name.split()
    return len(words) >= 2 and any(w.lower().rstrip(".") in TITLE_NOUNS | HONORIFICS for w in words[:-1])


def _after_title(name: str) -> str:
    """The name after its last title word: "Wet'suwet'en Hereditary Chief Na'moks" → "Na'moks"."""
    words = name.split()
    last = max(i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLE_NOUNS | HONORIFICS)
    return " ".join(words[last + 1 :])


def _may_be_person(word: str) -> bool:
    """A noun that, as the subject of a reporting verb, is someone ("maverick", "proprietor"), not a body
    or a document (those have their own rules) nor a word for just anyone ("man")."""
    return not (word in NOT_PEOPLE or word in ORGANISATION_NOUNS or word in DOCUMENT_NOUNS or word in GENERIC_PERSONS)


_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "oprd", "attr"})


def _same_pronoun(a: str, b: str) -> bool:
    """Two pronouns of one person: "he" … "his", "she" … "her"."""
    return (a in _HE and b in _HE) or (a in _SHE and b in _SHE)


def _sentences(doc: Doc) -> list[Span]:
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


def _token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
