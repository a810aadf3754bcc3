"""Entities: people, organisations and places, one canonical name per real entity.

spaCy's named-entity recogniser gives spans; this stage turns them into
entities the way a reader would: "Mark Esper", "Mr Esper" and "Esper" are one
person called Mark Esper; "Gen Milley" is Mark Milley; "U.S." and "the
United States" are one place. It also repairs spans the model cuts badly
(honorifics, possessives, names split at a hyphen) and finds later mentions
of a name that the model missed.

Everything is stand-off: an entity holds ``(start, end)`` offsets into the
article text, and its name is always one of the forms used in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsdesk.analyze.cues import load_lexicon
from newsdesk.analyze.names import HONORIFICS, canonical_place, is_acronym_of, is_country, name_tokens, split_title
from newsdesk.model import Article, Entity
from newsdesk.settings import Settings

__all__ = ["KEPT_LABELS", "find_entities"]

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})

_NOT_NAMES = frozenset(
    """
    i he she it we they you me him her us them his hers its our their mine yours this that these
    those who whom whose which what there here today tomorrow yesterday january february march april
    may june july august september october november december monday tuesday wednesday thursday
    friday saturday sunday mr mrs ms dr gen sen rep
    """.split()
)


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    tokens: list[str]
    titled: bool = False  # after "Mr", "Ms", "Dr": a person whatever else the model said


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def tokens(self) -> set[str]:
        return {t for m in self.mentions for t in m.tokens}

    def longest(self) -> _Mention:
        counts = Counter(m.text for m in self.mentions)
        return max(self.mentions, key=lambda m: (len(m.tokens), counts[m.text], -m.start))

    def label(self) -> str:
        """The label most of its mentions were given, the full names' votes first.

        A surname alone is often tagged ORG or GPE by the model ("Papermaster
        said"), so the multi-word mentions decide when there are any. A cluster
        of single words only is a person only if the model never called it
        anything else: news introduces people by their full name, and a lone
        word the model hesitates over ("Ryanair", "Toulouse") is a company or a
        place far more often than a person named once without a given name.
        A name the article gives a personal title ("Ms Ilves") is a person.
        """
        if any(m.titled for m in self.mentions):
            return "PERSON"
        multi = [m.label for m in self.mentions if len(m.tokens) >= 2]
        votes = Counter(multi or [m.label for m in self.mentions])
        if not multi and len(votes) > 1:
            votes.pop("PERSON", None)
        top = max(votes.values())
        tied = [m.label for m in self.mentions if votes.get(m.label) == top]
        return "PERSON" if "PERSON" in tied else tied[0]


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Repair a span: whole words, no leading "the", no possessive, no title on a person."""
    while end < len(text):  # whole words, across inner hyphens: "Moon Jae-" + "in"
        here, before = text[end], text[end - 1]
        after = text[end + 1] if end + 1 < len(text) else " "
        if (here.isalnum() and (before.isalnum() or before == "-")) or (
            here == "-" and before.isalnum() and after.isalnum()
        ):
            end += 1
        else:
            break
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    span = text[start:end]
    if m := re.search(r"(?:['’]s|['’])$", span):
        end -= len(m.group())
    while end > start and text[end - 1] in " \t\n,;:!?)(\"“”‘’'-–—":
        end -= 1
    while start < end and text[start] in " \t\n,;:!?)(\"“”‘’'-–—":
        start += 1
    if re.match(r"(?i)the\s", text[start:end]):
        start += 4
        while start < end and text[start].isspace():
            start += 1
    if label == "PERSON":
        title, rest = split_title(text[start:end])
        if title:
            start = end - len(rest)
    if "\n\n" in text[start:end]:
        return None
    return (start, end) if end > start else None


def _is_name(surface: str, tokens: list[str]) -> bool:
    """A span worth keeping: capitalised, not a pronoun or date word, not only title words."""
    if not any(c.isupper() for c in surface) or not any(c.isalpha() for c in surface):
        return False
    if surface.isupper() and canonical_place(surface):
        return True  # "US", "U.S.", "UK": a country, not the pronoun or a title word
    if all(t in HONORIFICS for t in tokens):  # "Defense" in "US Defense Secretary …"
        return False
    return surface.lower().rstrip(".") not in _NOT_NAMES


def _common_noun_opener(ent: Any) -> bool:
    """A lone capitalised common noun that opens a sentence ("Commuters crowded …") is no name."""
    return len(ent) == 1 and ent[0].is_sent_start and ent[0].tag_ in {"NN", "NNS"}


# Titles that only ever stand before a person's name: after one, a span is a person.
_PERSONAL_TITLE = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+"
_AFTER_TITLE = re.compile(_PERSONAL_TITLE + "$")
_OPENS_WITH_TITLE = re.compile(_PERSONAL_TITLE + r"\w")
# Where the model runs two names together: "CLEVELAND - Donald Trump", "Crane, Kibbe".
_NAME_BREAK = re.compile(r"\s*,\s+|\s+[-–—]{1,2}\s+|\s*\n\s*")


@cache
def _headline_verbs() -> frozenset[str]:
    """Present-tense speech verbs that close a headline's name span: "Obama Says", "Mayor Warns"."""
    lexicon = load_lexicon()
    return frozenset(
        form
        for form, lemma in lexicon.forms.items()
        if form.endswith("s") and form != lemma and "speech" in lexicon.of(lemma)
    )


def _titled(text: str, start: int, end: int) -> bool:
    """A span after (or opening with) "Mr", "Ms", "Dr" names a person, whatever the model said."""
    return bool(_AFTER_TITLE.search(text[max(0, start - 12) : start]) or _OPENS_WITH_TITLE.match(text, start, end))


def _parts(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """A person span cut into the names it runs together, less a trailing headline verb.

    A dateline in capitals before a dash ("CLEVELAND - ") is no part of the
    name, nor is a lone ordinary word, and "Obama Says" in a headline is Obama.
    """
    if label != "PERSON":
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    at = start
    for brk in _NAME_BREAK.finditer(text, start, end):
        parts.append((at, brk.start()))
        at = brk.end()
    parts.append((at, end))
    kept = []
    for s, e in parts:
        words = text[s:e].split()
        if len(parts) > 1 and (text[s:e].isupper() or _ordinary_word(text, words)):
            continue
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower() in _headline_verbs():
            e = s + text[s:e].rstrip().rfind(" ")
        if e > s:
            kept.append((s, e))
    return kept


def _ordinary_word(text: str, words: list[str]) -> bool:
    """A lone word cut from a longer span ("Weak" of "Weak - Rubio") that the article also writes in
    lower case is an ordinary word, not a name."""
    return len(words) == 1 and re.search(rf"(?<![\w-]){re.escape(words[0].lower())}(?![\w-])", text) is not None


def _mentions_from_doc(text: str, doc: Any) -> list[_Mention]:
    out: dict[tuple[int, int], _Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        titled = _titled(text, ent.start_char, ent.end_char)
        label = "PERSON" if titled else ent.label_
        for start, end in _parts(text, ent.start_char, ent.end_char, label):
            span = _trim(text, start, end, label)
            if span is None:
                continue
            surface = text[span[0] : span[1]]
            tokens = name_tokens(surface)
            if not tokens or not _is_name(surface, tokens) or _common_noun_opener(ent):
                continue
            out.setdefault(span, _Mention(span[0], span[1], surface, label, tokens, titled))
    return sorted(out.values(), key=lambda m: m.start)


def _propagate(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Add unannotated occurrences of names the model found elsewhere in the article.

    A single word that also occurs in lower case in the article ("May", "Bush")
    is not propagated: it may be an ordinary word there.
    """
    taken = [(m.start, m.end) for m in mentions]
    lowered_words = set(re.findall(r"\b[a-z][a-z'-]+\b", text))
    extra: list[_Mention] = []
    forms = {m.text: m for m in mentions}
    for surface, model in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        if len(surface) < 3 or (" " not in surface and surface.lower() in lowered_words):
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            s, e = hit.span()
            if any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            extra.append(_Mention(s, e, surface, model.label, model.tokens))
    return sorted(mentions + extra, key=lambda m: m.start)


def _place_key(m: _Mention) -> str | None:
    return canonical_place(m.text) if m.label in {"GPE", "LOC", "ORG"} else None


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    # 1. places known by several names, then full (multi-word) names, longest first
    for m in mentions:
        if key := _place_key(m):
            by_key.setdefault("place:" + key, _Cluster()).mentions.append(m)
    for cl in by_key.values():
        clusters.append(cl)
    rest = [m for m in mentions if not _place_key(m)]
    multi = sorted((m for m in rest if len(m.tokens) >= 2), key=lambda m: (-len(m.tokens), m.start))
    for m in multi:
        key = " ".join(m.tokens)
        if key in by_key:
            by_key[key].mentions.append(m)
            continue
        home = next(
            (
                c
                for c in clusters
                if c.tokens and set(m.tokens) <= c.tokens and m.tokens[-1] in {t.tokens[-1] for t in c.mentions}
            ),
            None,
        )
        if home is None:
            home = _Cluster()
            clusters.append(home)
        home.mentions.append(m)
        by_key[key] = home
    # 2. single words: a surname, a given name, an acronym, or a name of its own
    for m in sorted((m for m in rest if len(m.tokens) == 1), key=lambda m: m.start):
        home = _home_for_single(m, clusters)
        if home is None:
            home = by_key.get(m.tokens[0])
        if home is None:
            home = _Cluster()
            clusters.append(home)
            by_key[m.tokens[0]] = home
        home.mentions.append(m)
    return [c for c in clusters if c.mentions]


def _home_for_single(m: _Mention, clusters: list[_Cluster]) -> _Cluster | None:
    word = m.tokens[0]
    if m.label == "ORG":  # "Ford" after "the Ford Motor Company" is the company, not William Clay Ford
        for c in clusters:
            if c.label() == "ORG" and any(len(x.tokens) >= 2 and x.tokens[0] == word for x in c.mentions):
                return c
    persons = [c for c in clusters if c.label() == "PERSON"]
    place = m.label in {"GPE", "LOC"} and (canonical_place(m.text) or is_country(m.text))
    if m.label in {"PERSON", "ORG", "NORP"} or (m.label in {"GPE", "LOC"} and not place):
        for position in (-1, 0):  # surname first ("Mr Esper"), then given-name-first cultures ("Mr Jeong")
            if position == 0 and m.label != "PERSON":
                break
            found = [c for c in persons if any(len(x.tokens) >= 2 and x.tokens[position] == word for x in c.mentions)]
            if found:
                return min(found, key=lambda c: _distance(c, m.start))
    if m.label in {"ORG", "GPE", "LOC", "FAC"}:
        for c in clusters:
            if any(len(x.tokens) >= 2 and is_acronym_of(m.text, x.text) for x in c.mentions):
                return c
    return None


def _distance(cluster: _Cluster, at: int) -> tuple[int, int]:
    """Prefer the cluster mentioned most recently before ``at``, else the nearest after it."""
    before = [at - x.start for x in cluster.mentions if x.start <= at]
    if before:
        return (0, min(before))
    return (1, min(x.start - at for x in cluster.mentions))


def _canonical(cluster: _Cluster) -> str:
    for m in cluster.mentions:
        if key := _place_key(m):
            return key
    return cluster.longest().text


def find_entities(article: Article, doc: Any, settings: Settings | None = None) -> Article:
    """The entity stage: fill ``article.entities`` from the parse ``doc`` of ``article.text``."""
    text = article.text
    mentions = _propagate(text, _mentions_from_doc(text, doc))
    entities = []
    for cluster in _cluster(mentions):
        spans = tuple(sorted({(m.start, m.end) for m in cluster.mentions}))
        name = _canonical(cluster)
        aliases = tuple(sorted({m.text for m in cluster.mentions} - {name}))
        entities.append(Entity(name=name, label=cluster.label(), mentions=spans, aliases=aliases))
    entities.sort(key=lambda e: (e.mentions[0][0], e.name))
    return article.copy_with(entities=tuple(entities))
