"""Entities: people, organisations, places, groups, events and works, one canonical name per real entity.

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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsdesk.analyze.names import canonical_place, demonym_place, is_acronym_of, is_country, name_tokens
from newsdesk.analyze.nlp import doc_text
from newsdesk.analyze.persons import ORGANISATION_NOUNS, given_name_gender
from newsdesk.analyze.spans import (
    KEPT_LABELS,
    ORGANISATION_WORDS,
    common_noun_opener,
    cut,
    is_name,
    relabel,
    titled,
    trim,
)
from newsdesk.model import Article, Entity
from newsdesk.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["KEPT_LABELS", "extract_entities", "find_entities"]


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    tokens: list[str]
    titled: bool = False  # after "Mr", "Ms", "Dr": a person whatever else the model said
    quoted: bool = False  # in quotation marks, as a title is: “In Search of Della Marsh.”


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


def _mentions_from_doc(text: str, doc: Doc) -> list[_Mention]:
    out: dict[tuple[int, int], _Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS or common_noun_opener(ent):
            continue
        is_titled = titled(text, ent.start_char, ent.end_char)
        for start, end, label in cut(text, ent.start_char, ent.end_char, "PERSON" if is_titled else ent.label_):
            span = trim(text, start, end, label)
            found = span and relabel(text, span[0], span[1], label)
            if not found:
                continue
            start, end, label = found
            surface = text[start:end]
            tokens = name_tokens(surface)
            if tokens and is_name(surface, tokens):
                out.setdefault(
                    (start, end), _Mention(start, end, surface, label, tokens, is_titled, _quoted(text, start, end))
                )
    return sorted(out.values(), key=lambda m: m.start)


_OPENING_QUOTE = frozenset("\"“‘'«")
_CLOSING_QUOTE = re.compile(r"[.,!?]?[\"”’'»]")
_LOWER_WORD = re.compile(r"\s[a-z]+\s")  # "In Search of Della Marsh", "Life of a Singer"


def _quoted(text: str, start: int, end: int) -> bool:
    """The span is the whole of a quotation ("“In Search of Della Marsh.”"), as titles are written."""
    return start > 0 and text[start - 1] in _OPENING_QUOTE and _CLOSING_QUOTE.match(text, end) is not None


def _propagate(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Add unannotated occurrences of names the model found elsewhere in the article.

    A single word that also occurs in lower case in the article ("May", "Bush")
    is not propagated: it may be an ordinary word there.
    """
    taken = [(m.start, m.end) for m in mentions]
    lowered_words = Counter(re.findall(r"\b[a-z][a-z'-]+\b", text))
    extra: list[_Mention] = []
    forms = {m.text: m for m in mentions}
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(m.text, Counter())[m.label] += 1
    for surface, model in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        top = max(votes[surface].values())
        label = model.label if votes[surface][model.label] == top else votes[surface].most_common(1)[0][0]
        # (the label most of the model's mentions of it have; on a tie, its last mention's)
        if len(surface) < 3 or (" " not in surface and not _name_more_than_word(text, surface, lowered_words)):
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            s, e = hit.span()
            if any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            extra.append(_Mention(s, e, surface, label, model.tokens, quoted=_quoted(text, s, e)))
    return sorted(mentions + extra, key=lambda m: m.start)


def _name_more_than_word(text: str, surface: str, lowered_words: Counter[str]) -> bool:
    """Whether a single word is the article's name more than its ordinary word: never written in lower
    case, or capitalised within sentences at least three times as often ("Velmocola" against a tweet's
    "#velmocola"; "May" against "may" is not)."""
    lower = lowered_words.get(surface.lower(), 0)
    if not lower:
        return True
    within = len(re.findall(rf"(?<=[a-z,] ){re.escape(surface)}(?![\w-])", text))
    return within >= 3 * lower


# After a name, words that only a person's name takes: "Marsh herself", "Marsh, who was living …".
_REFLEXIVE = re.compile(r"[ \t]+(?:him|her)self\b")
_WHO = re.compile(r",?[ \t]+who\b")
_PROMOTED = frozenset({"ORG", "GPE", "LOC", "NORP"})


def _person_cues(text: str, m: _Mention) -> int:
    """How strongly the words around one mention say it is a person: a personal title or "herself" after
    it weigh 2, "who" after it 1 (a team or a band is "who" too)."""
    if m.titled or _REFLEXIVE.match(text, m.end):
        return 2
    return 1 if _WHO.match(text, m.end) else 0


def _persons_by_evidence(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """A full name the model labelled otherwise is a person's, with its lone first and last words, when
    the article treats it as a person.

    The model reads a name by its form and context, so a person it has not learnt ("Della Marsh") can
    be an organisation in one article and a place in the next sentence. A name of two or three
    capitalised words that ends in no organisation's or place's word, with its lone first or last word
    (when that word belongs to no other such name, and is no country), is one family; its mentions'
    cues (see :func:`_person_cues`) and a first word that is a known given name add up, and at 2 the
    whole family is a person's.
    """
    fulls = {
        " ".join(m.tokens): m.tokens
        for m in mentions
        if 2 <= len(m.tokens) <= 3
        and m.label in _PROMOTED | {"PERSON"}
        and all(w[:1].isupper() for w in m.text.split())
        and m.tokens[-1] not in ORGANISATION_NOUNS | ORGANISATION_WORDS
        and not is_country(m.text)
    }
    owners: dict[str, set[str]] = {}
    for key, tokens in fulls.items():
        for word in {tokens[0], tokens[-1]}:
            owners.setdefault(word, set()).add(key)
    family: dict[int, str] = {}
    for i, m in enumerate(mentions):
        key = " ".join(m.tokens)
        if key in fulls:
            family[i] = key
        elif len(m.tokens) == 1 and len(owners.get(key, ())) == 1 and not is_country(m.text):
            (family[i],) = owners[key]
    score = Counter({key: 1 for key in fulls if given_name_gender(key)})
    for i, key in family.items():
        score[key] += _person_cues(text, mentions[i])
    persons = {key for key, n in score.items() if n >= 2}
    return [
        replace(m, label="PERSON") if family.get(i) in persons and m.label in _PROMOTED else m
        for i, m in enumerate(mentions)
    ]


def _place_key(m: _Mention) -> str | None:
    if m.label == "NORP":  # "American" and "Americans" are one group: the people of one place
        place = demonym_place(m.text)
        return "people of " + place if place else None
    return canonical_place(m.text) if m.label in {"GPE", "LOC", "ORG"} else None


def _titles_of_works(mentions: list[_Mention]) -> tuple[list[_Cluster], list[_Mention]]:
    """Titles of works that are not also a name the article uses: one entity each, and the other mentions.

    A title holds names ("In Search of Della Marsh", a piece about her), so left among the names it
    would take the person in as the longest form of her name and give her its label. What the model
    calls a work is a title when it reads as one: in quotation marks, or with a word in lower case
    among its capitalised ones; "Vantor's Harbor Group" tagged as a work is a name. A "work" whose
    words are exactly a name used elsewhere ("Della Marsh" tagged as a work once) is that name
    mislabelled and stays with it.
    """
    plain = {" ".join(m.tokens) for m in mentions if m.label != "WORK_OF_ART"}
    works: dict[str, _Cluster] = {}
    rest = []
    for m in mentions:
        key = " ".join(m.tokens)
        if m.label == "WORK_OF_ART" and (m.quoted or _LOWER_WORD.search(m.text)) and key not in plain:
            works.setdefault(key, _Cluster()).mentions.append(m)
        else:
            rest.append(m)
    return list(works.values()), rest


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    works, mentions = _titles_of_works(mentions)
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
    places = {m.tokens[0] for m in rest if len(m.tokens) == 1 and m.label in {"GPE", "LOC"}}
    for m in sorted((m for m in rest if len(m.tokens) == 1), key=lambda m: m.start):
        home = _home_for_single(m, clusters, places)
        if home is None:
            home = by_key.get(m.tokens[0])
        if home is None:
            home = _Cluster()
            clusters.append(home)
            by_key[m.tokens[0]] = home
        home.mentions.append(m)
    return [c for c in clusters if c.mentions] + works


def _home_for_single(m: _Mention, clusters: list[_Cluster], places: set[str]) -> _Cluster | None:
    word = m.tokens[0]
    if m.label == "ORG" and word not in places:
        # "Ford" after "the Ford Motor Company" is the company, not William Clay Ford; but
        # "Croydon", a place elsewhere in the article, is not "Croydon University Hospital"
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
        if (key := _place_key(m)) and m.label != "NORP":
            return key
    return cluster.longest().text


# Words for people of one faith, party or origin that name no place's people ("Democrats", "Muslims").
_GROUP_WORDS = frozenset(
    """
    democrat democrats democratic republican republicans conservative conservatives liberal liberals tory
    tories socialist socialists communist communists muslim muslims christian christians catholic catholics
    protestant protestants jew jews jewish sunni sunnis shia shiite shiites hindu hindus sikh sikhs buddhist
    buddhists islamic islamist islamists evangelical evangelicals mormon mormons orthodox arab arabs latino
    latinos latina latinas hispanic hispanics indigenous aboriginal kurd kurds kurdish western westerners
    """.split()
)
_COMPASS = frozenset({"north", "south", "east", "west"})


def _is_group(m: _Mention, places: list[str]) -> bool:
    """A nationality or group word: the people of a place (the article's own places too:
    "Albertans" where it names Alberta), a faith, a party; a surname or brand the model
    called a nationality ("Schuh", "Tesla") is none."""
    return (
        len(m.tokens) >= 2
        or m.text.lower() in _GROUP_WORDS
        or demonym_place(m.text) is not None
        or demonym_place(m.text, places) is not None
    )


def _settle(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters the article's own words settle: nationalities kept only when they are groups, a
    word in capitals alone never a person (a headline's "MUMMY", a caption's label), and "the
    North"/"the South" the country the article names ("North Korea"), or nothing."""
    places = [c.longest().text for c in clusters if c.label() in {"GPE", "LOC"}]
    kept = []
    for c in clusters:
        label = c.label()
        if label == "NORP" and not any(_is_group(m, places) for m in c.mentions):
            continue
        single = all(len(m.tokens) == 1 for m in c.mentions)
        if label == "PERSON" and single and all(m.text.isupper() and not m.titled for m in c.mentions):
            continue
        if single and label != "PERSON" and c.mentions[0].tokens[0] in _COMPASS:
            _compass_country(text, c, clusters)
            continue
        kept.append(c)
    return kept


def _compass_country(text: str, cluster: _Cluster, clusters: list[_Cluster]) -> None:
    """Give "the North" (every such mention in the text) to the one country the article names
    "North …", if there is one; otherwise it is no entity."""
    word = cluster.mentions[0].tokens[0]
    homes = {
        id(c): c
        for c in clusters
        if c is not cluster
        and c.label() in {"GPE", "LOC"}
        and (name := _canonical(c)).lower().startswith(word + " ")
        and is_country(name)
    }
    if len(homes) != 1:
        return
    (home,) = homes.values()
    taken = {(m.start, m.end) for c in clusters for m in c.mentions if c is not cluster}
    for hit in re.finditer(rf"\b[Tt]he\s+({word.title()})\b(?![ \t]+[A-Z])", text):
        span = hit.span(1)
        if span not in taken:
            home.mentions.append(_Mention(span[0], span[1], hit.group(1), "GPE", [word]))


def extract_entities(doc: Doc) -> tuple[Entity, ...]:
    """The entities of a parsed text, one per real entity, each with its canonical name and every mention.

    The one implementation behind the entity stage and the spaCy component
    ``newsdesk_entities``: a pure function of the parse (its named entities),
    offsets into ``doc.text``.
    """
    text = doc_text(doc)
    mentions = _persons_by_evidence(text, _propagate(text, _mentions_from_doc(text, doc)))
    entities = []
    for cluster in _settle(text, _cluster(mentions)):
        spans = tuple(sorted({(m.start, m.end) for m in cluster.mentions}))
        name = _canonical(cluster)
        aliases = tuple(sorted({m.text for m in cluster.mentions} - {name}))
        entities.append(Entity(name=name, label=cluster.label(), mentions=spans, aliases=aliases))
    entities.sort(key=lambda e: (e.mentions[0][0], e.name))
    return tuple(entities)


def find_entities(article: Article, doc: Doc, settings: Settings | None = None) -> Article:
    """The entity stage: fill ``article.entities`` from the parse ``doc`` of ``article.text``."""
    return article.copy_with(entities=extract_entities(doc))
