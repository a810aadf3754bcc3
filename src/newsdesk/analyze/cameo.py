"""CAMEO codes for event verbs, from a lexicon of verb patterns shipped as a data file.

CAMEO (the codebook GDELT uses) sorts political events into 20 root
categories — make a statement, appeal, express intent to cooperate, consult,
…, fight, use unconventional mass violence — and finer codes under them
("036" express intent to meet or negotiate, "112" accuse, "172" impose
administrative sanctions, "190" use conventional military force). The patterns
that signal each code are in ``newsdesk/data/cameo.toml`` (its header says how
a pattern is written), so they can be read and extended without touching code.

:func:`code_verb` reads one verb of a parse: the lemma, its particles and
prepositions, the nouns it governs and its infinitive complement make its
*signature*; the most specific pattern contained in the signature gives the
code. A verb of intent, appeal, demand, threat or refusal whose own pattern
says nothing finer takes its code from what it governs: "pledged to send
troops" is an intent to give military aid (033 by composition, since "send
troops" is 154), "urged them to negotiate" an appeal to negotiate (026).

Whether the verb is an event at all (not negated, hypothetical or a rumour)
is decided by :mod:`newsdesk.analyze.clauses`, before the lexicon is asked.
"""

from __future__ import annotations

import tomllib
import weakref
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

__all__ = ["Code", "Lexicon", "code_verb", "load_lexicon", "signature"]


@dataclass(frozen=True)
class Code:
    """A CAMEO code with its label and the label of its root category."""

    code: str
    label: str
    root: str
    root_label: str


@dataclass(frozen=True)
class Lexicon:
    """The CAMEO codes, their labels and the patterns that signal them, indexed by verb lemma."""

    roots: dict[str, str]
    labels: dict[str, str]
    actor_nouns: frozenset[str]
    patterns: dict[str, tuple[tuple[tuple[frozenset[str], ...], str], ...]]
    """verb lemma -> ((alternatives of each further word, code), ...), most specific first."""

    @property
    def lemma_hashes(self) -> Any:
        """The spaCy string hashes of every lemma that may get a code, sorted (to pick verbs from a doc's arrays)."""
        import numpy as np
        from spacy.strings import StringStore

        store = StringStore()
        return np.array(sorted(store.add(w) for w in (*self.patterns, *_GOVERNING)), dtype=np.uint64)

    def may_code(self, lemma: str) -> bool:
        """Whether a verb lemma can get a code at all (a pattern names it, or it governs what it codes)."""
        return lemma in self.patterns or lemma in _GOVERNING

    def code(self, code: str) -> Code:
        """The :class:`Code` of a code string ("036")."""
        return Code(code, self.labels[code], code[:2], self.roots[code[:2]])


def _parse(raw: str, source: str) -> Lexicon:
    data = tomllib.loads(raw)
    roots = {str(k): str(v) for k, v in data["roots"].items()}
    if sorted(roots) != [f"{i:02d}" for i in range(1, 21)]:
        raise ValueError(f"{source}: [roots] must list the 20 CAMEO roots 01..20")
    labels: dict[str, str] = {}
    found: dict[str, list[tuple[int, int, tuple[frozenset[str], ...], str]]] = {}
    seen: dict[str, str] = {}
    order = 0
    for code, entry in data["codes"].items():
        if code[:2] not in roots or not code.isdigit() or len(code) not in (3, 4):
            raise ValueError(f"{source}: code {code!r} is not a CAMEO code under one of the 20 roots")
        labels[code] = str(entry["label"])
        for pattern in entry.get("patterns", []):
            words = str(pattern).split()
            if not words:
                raise ValueError(f"{source}: empty pattern under {code}")
            if pattern in seen:
                raise ValueError(f"{source}: pattern {pattern!r} is under both {seen[pattern]} and {code}")
            seen[pattern] = code
            rest = tuple(frozenset(w.split("|")) for w in words[1:])
            for lemma in words[0].split("|"):
                found.setdefault(lemma, []).append((-len(rest), order, rest, code))
            order += 1
    missing = sorted(set(roots) - {c[:2] for c in labels})
    if missing:
        raise ValueError(f"{source}: no codes under root(s) {', '.join(missing)}")
    patterns = {lemma: tuple((rest, code) for _, _, rest, code in sorted(items)) for lemma, items in found.items()}
    actors = frozenset(str(n) for n in data.get("actors", {}).get("nouns", []))
    return Lexicon(roots, labels, actors, patterns)


def _check(lexicon: Lexicon, source: str) -> Lexicon:
    missing = sorted({c for table in _COMPOSED.values() for c in table.values()} - set(lexicon.labels))
    if missing:
        raise ValueError(f"{source}: codes {', '.join(missing)} are composed by newsdesk but not in the file")
    return lexicon


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read once per process).

    Raises:
        ValueError: naming the file and the problem, when the file is malformed.
    """
    raw = resources.files("newsdesk").joinpath("data/cameo.toml").read_text(encoding="utf-8")
    return _check(_parse(raw, "cameo.toml"), "cameo.toml")


_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "dative", "acomp", "pobj"})
_MARK_DEPS = frozenset({"prt", "prep", "agent", "advmod", "dative"})


def _noun_words(token: Token) -> set[str]:
    """The lemma of a noun and of the nouns that qualify it ("hunger strike", "state of emergency")."""
    words = {token.lemma_.lower()}
    for child in token.children:
        if child.dep_ in {"compound", "amod"}:
            words.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            words.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return words


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _complements(verb: Token) -> list[Token]:
    """The infinitive clauses a verb governs: its own ("agreed to meet") or its object's ("urged X to talk")."""
    out = [c for c in verb.children if c.dep_ in {"xcomp", "advcl", "ccomp"} and _infinitive(c)]
    for child in verb.children:
        if child.dep_ in {"dobj", "pobj"} or child.dep_ == "prep":
            for g in (child, *(g for g in child.children if g.dep_ == "pobj")):
                out.extend(c for c in g.children if c.dep_ in {"acl", "relcl", "xcomp"} and _infinitive(c))
    return out


def _own_words(verb: Token) -> set[str]:
    words: set[str] = set()
    for child in verb.children:
        dep = child.dep_
        if dep in _MARK_DEPS:
            words.add(child.lower_)
            if dep == "advmod":
                words.add(child.lemma_.lower())
        if dep in _OBJECT_DEPS:
            words |= _noun_words(child)
            words |= {g.lower_ for g in child.children if g.dep_ == "prep"}  # "accused the mayor *of* …"
        if dep in {"prep", "agent", "dative"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    words |= _noun_words(obj)
                elif obj.dep_ == "pcomp":
                    words.add(obj.lemma_.lower())
    return words


def signature(verb: Token) -> set[str]:
    """The words a pattern may name: particles, prepositions, governed nouns, and "to" + an infinitive."""
    words = _own_words(verb)
    for comp in _complements(verb):
        words |= {"to", comp.lemma_.lower()} | _own_words(comp)
    return words


def _best(lemma: str, words: set[str], lexicon: Lexicon) -> tuple[int, str] | None:
    for rest, code in lexicon.patterns.get(lemma, ()):
        if all(alternatives & words for alternatives in rest):
            return len(rest), code
    return None


_INTENT = frozenset("pledge promise vow plan intend want hope aim prepare decide agree offer expect commit".split())
_APPEAL = frozenset("urge call ask appeal press request plead implore encourage invite".split())
_DEMAND = frozenset("demand order insist instruct".split())
_THREAT = frozenset("threaten warn".split())
_REFUSE = frozenset("refuse reject decline".split())

_COMPOSED: dict[frozenset[str], dict[str, str]] = {
    _INTENT: {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "16": "131", "17": "132",
              "18": "138", "19": "138", "20": "138"},
    _APPEAL: {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"},
    _DEMAND: {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"},
    _THREAT: {"14": "133", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138"},
    _REFUSE: {"04": "125", "05": "121", "06": "121", "07": "122", "08": "124"},
}  # fmt: skip
"""A governing verb's class -> (root of what it governs -> code): "vowed to attack" is a threat (138)."""
_GOVERNING = frozenset().union(*_COMPOSED)


def _composed(lemma: str, verb: Token, lexicon: Lexicon) -> str | None:
    for verbs, by_root in _COMPOSED.items():
        if lemma not in verbs:
            continue
        for comp in _complements(verb):
            inner = _best(comp.lemma_.lower(), _own_words(comp), lexicon)
            if inner is not None and (code := by_root.get(inner[1][:2])):
                return code
    return None


_CODED: weakref.WeakKeyDictionary[Any, dict[int, tuple[Lexicon, Code | None]]] = weakref.WeakKeyDictionary()


def code_verb(verb: Token, *, lexicon: Lexicon | None = None) -> Code | None:
    """The CAMEO code of a verb, or None when no pattern of the lexicon names it.

    A pattern of two words or more ("call on to resolve") beats a code composed
    from the governed verb, which beats a bare verb pattern ("call on"). The
    code is read once per verb of a doc and lexicon (the events, their quotes
    and the main event all ask).
    """
    lexicon = lexicon or load_lexicon()
    doc = verb.doc
    known = _CODED.get(doc)
    if known is None:
        known = _CODED[doc] = {}
    held = known.get(verb.i)
    if held is None or held[0] is not lexicon:
        held = known[verb.i] = (lexicon, _code_verb(verb, lexicon))
    return held[1]


def _code_verb(verb: Token, lexicon: Lexicon) -> Code | None:
    lemma = verb.lemma_.lower()
    if not lexicon.may_code(lemma):
        return None  # most verbs: no pattern, no need to read the parse around them
    best = _best(lemma, signature(verb), lexicon)
    if best is not None and best[0] >= 2:
        return lexicon.code(best[1])
    composed = _composed(lemma, verb, lexicon)
    if composed is not None:
        return lexicon.code(composed)
    return lexicon.code(best[1]) if best is not None else None
