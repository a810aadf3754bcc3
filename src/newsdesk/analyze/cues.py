"""Cues of attribution: the reporting-verb lexicon and the syntax around a cue.

A cue is the word that says someone said something: "said", "told
reporters", "warned", "according to", and, in the broad sense political
reporting uses, "criticized X for", "the poll found", "he figures that". The
lexicon ships as a data file (``newsdesk/data/reporting_verbs.txt``) so it can
be read and extended without touching code; each verb carries a class that
says which kinds of quotation it may introduce (see the file's header).

The helpers here work on spaCy tokens: whether a token is a cue, who its
subject is (through conjunctions, participles and relative clauses, as in
"…, adding that" or "Figueroa, who said"), and which words make up a mention.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "CLASSES",
    "Lexicon",
    "across_paragraphs",
    "cue_classes",
    "load_lexicon",
    "mention_bounds",
    "particles",
    "passive_participle",
    "reporting_conjunct",
    "subject_of",
]

CLASSES = ("speech", "stance", "evidence", "belief", "intent")
"""Cue classes from most to least speech-like."""


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_INHERITS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "ccomp", "parataxis", "pcomp"})
_ABILITY = frozenset({"able", "unable"})
_NOT_IN_MENTION = frozenset({"relcl", "appos", "acl", "advmod", "parataxis", "advcl", "ccomp"})


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs by lemma: their classes, particles, flags and inflected forms."""

    classes: dict[str, frozenset[str]]
    hearer: frozenset[str]
    clause_only: frozenset[str]
    forms: dict[str, str]  # inflected form -> lemma, for verbs the tagger takes for nouns
    indirect_only: frozenset[str] = frozenset()  # cues of reported speech only, never of a direct quote

    def of(self, lemma: str) -> frozenset[str]:
        return self.classes.get(lemma, frozenset())


def _regular_forms(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    raw = resources.files("newsdesk").joinpath("data/reporting_verbs.txt").read_text(encoding="utf-8")
    classes: dict[str, set[str]] = {}
    hearer: set[str] = set()
    clause_only: set[str] = set()
    forms: dict[str, str] = {}
    indirect_only: set[str] = set()
    for line in raw.splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        lemma, cls, *rest = words
        if cls not in CLASSES:
            raise ValueError(f"reporting_verbs.txt: unknown class {cls!r} for {lemma!r}; known: {', '.join(CLASSES)}")
        classes.setdefault(lemma, set()).add(cls)
        verb = lemma.split("_")[0]
        if "+indirect" in rest:
            indirect_only.add(lemma)  # its forms stay out of the form table the direct-quote and headline rules read
        else:
            for form in _regular_forms(verb) | {w for w in rest if not w.startswith("+")}:
                forms.setdefault(form, verb)
        if "+hearer" in rest:
            hearer.add(lemma)
        if "+clause" in rest:
            clause_only.add(lemma)
    return Lexicon(
        {k: frozenset(v) for k, v in classes.items()},
        frozenset(hearer),
        frozenset(clause_only),
        forms,
        frozenset(indirect_only),
    )


def _lemma(token: Token, lexicon: Lexicon) -> str:
    if token.pos_ in {"VERB", "AUX"}:
        lemma = str(token.lemma_).lower()
        if lemma not in lexicon.classes and token.lower_ in lexicon.forms:
            return lexicon.forms[token.lower_]  # "hoping" -> "hop", "rated" -> "rat": the lemmatizer's slips
        return lemma
    # "Viguerie notes." — the tagger may take a reporting verb after a name for a noun
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "ROOT" and token.lower_ in lexicon.forms:
        return lexicon.forms[token.lower_]
    return ""


def cue_classes(token: Token, lexicon: Lexicon | None = None, *, reported: bool = False) -> frozenset[str]:
    """The classes of a reporting verb (empty for any other token); phrasal verbs need their particle.

    Verbs flagged ``+indirect`` ("expressed support for", "sees it as", "persuaded him to") count only
    with ``reported=True``: they report what someone said or thought, but a quotation next to them is not
    theirs ("“We see a way out,” she said").
    """
    lexicon = lexicon or load_lexicon()
    lemma = _lemma(token, lexicon)
    if not lemma:
        return frozenset()
    found: set[str] = set()
    for key in (lemma, *(f"{lemma}_{particle.lower_}" for particle in particles(token))):
        if reported or key not in lexicon.indirect_only:
            found |= lexicon.of(key)
    return frozenset(found)


def particles(verb: Token) -> list[Token]:
    """The particles and prepositions that make a phrasal verb of ``verb``: after it, with no object between
    and not a time ("called for a vote", "called on Friday for a vote", but not "called her lawyer on Monday"
    nor "called on Friday")."""
    children = list(verb.children)
    objects = [c.i for c in children if c.dep_ in {"dobj", "dative"}]
    return [
        c
        for c in children
        if c.dep_ in {"prt", "prep"}
        and c.i > verb.i
        and not any(verb.i < o < c.i for o in objects)
        and not any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in c.children)
    ]


def subject_of(verb: Token, depth: int = 0, *, outside: tuple[int, int] | None = None) -> Token | None:
    """The subject of a cue: its own, else that of the verb it hangs off.

    "He said, adding that …" gives "He" for "adding"; "Figueroa, who said …"
    gives "Figueroa" for "said"; "Esper declined to confirm …" gives "Esper"
    for "confirm". Of several subjects the nearest wins; one inside ``outside``
    (the quotation's own characters, which the parser sometimes hangs on the
    cue) never does.
    """
    subjects = [
        c
        for c in verb.children
        if c.dep_ in _SUBJECT_DEPS
        and not (outside is not None and outside[0] <= c.idx < outside[1])
        and not across_paragraphs(c, verb)
    ]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    seen = _seen_saying(verb)
    if seen is not None and not (outside is not None and outside[0] <= seen.idx < outside[1]):
        return seen
    if depth >= 3 or verb.head.i == verb.i:
        return None
    outer = reporting_conjunct(verb)
    if outer is not None:
        return subject_of(outer, depth + 1, outside=outside)
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return verb.head
    if verb.dep_ in _INHERITS_SUBJECT and verb.head.pos_ in {"VERB", "AUX"}:
        return subject_of(verb.head, depth + 1, outside=outside)
    adjective = verb.head
    likely = adjective.dep_ == "acomp" and adjective.lower_ not in _ABILITY  # "able to confirm" is no act of saying
    if verb.dep_ == "xcomp" and likely and adjective.head.pos_ in {"VERB", "AUX"}:
        return subject_of(adjective.head, depth + 1, outside=outside)  # "voters are more likely to say …"
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.pos_ in {"VERB", "AUX"}:
        return subject_of(prep.head, depth + 1, outside=outside)  # "responded by saying …", "began by saying …"
    return None


def _seen_saying(verb: Token) -> Token | None:
    """``footage of Hillary Clinton asking, "…"``, ``heard him saying``: a participle right after a name or a
    personal pronoun that is an object has that object for its subject, not the subject of the main verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"xcomp", "acl", "advcl"} or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ not in {"pobj", "dobj"}:
        return None
    if before.pos_ == "PROPN" or before.lower_ in {"him", "her", "them"}:
        return before
    return None


def reporting_conjunct(verb: Token) -> Token | None:
    """``He says he respects her and calls her "a friend"``: a reporting verb the parser set into the content
    of another cue as a conjunct, though it is the source's own second act. Returns that other cue.

    The conjunct has no subject of its own and is finite (``calls``, ``has championed``, ``did not suggest``),
    so it does not share the content's subject the way ``would cut taxes and raise revenue`` does.
    """
    clause = verb.head
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"} or clause.dep_ != "ccomp":
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or not cue_classes(verb) or not cue_classes(clause.head):
        return None
    finite = verb.tag_ in {"VBZ", "VBD"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    return clause.head if finite else None


def across_paragraphs(a: Token, b: Token) -> bool:
    """Are two tokens in different paragraphs? (The parser may run a heading into the next paragraph.)"""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return any("\n" in t.text for t in lo.doc[lo.i + 1 : hi.i])


def passive_participle(tok: Token) -> bool:
    """ "Asked whether …, Esper said": a bare passive participle; the sentence's subject was asked, not asking."""
    return bool(tok.tag_ == "VBN" and tok.dep_ in {"advcl", "acl"} and not any(c.dep_ == "aux" for c in tok.children))


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the mention headed by ``head``.

    The noun phrase with its determiners, modifiers and "of"/"for"/"by"/"in"
    phrases ("a spokesman for the Pentagon"), without appositions and relative
    clauses ("Mark Esper, the secretary, who …" gives "Mark Esper").
    """
    keep = {head.i}
    todo = [head]
    while todo:
        token = todo.pop()
        for child in token.children:
            if child.dep_ in _NOT_IN_MENTION:
                continue
            if child.dep_ == "conj" and token is not head:
                continue
            keep.add(child.i)
            todo.append(child)
    doc = head.doc
    start, end = head.i, head.i + 1
    while start - 1 in keep and "\n" not in doc[start - 1].text:
        start -= 1
    while end in keep and "\n" not in doc[end].text:
        end += 1
    while start < head.i and (doc[start].is_punct or doc[start].lower_ in {"and", "or"}):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"and", "or"}):
        end -= 1
    return start, end
