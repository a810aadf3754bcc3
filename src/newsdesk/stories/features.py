"""What the story clustering compares: one :class:`Profile` per article.

Event identity lives in names, places, numbers and dates more than in topic
words ("earthquake", "rehab"), so a profile keeps them apart and weighs every
feature by how rare it is in English at large (``wordfreq``'s Zipf scale),
not by how rare it is in the batch at hand. A background weight needs no
corpus statistics, so a profile can be computed for one article on its own,
the same today as next month: that is what lets new articles join stored
stories without re-weighing (or re-clustering) what is already there.

The lead (title and first sentences) counts double: news writing states the
event there, and later paragraphs drift into background shared with other
events of the same kind.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import mul

from newsdesk.model import Article

__all__ = ["Profile", "cosine", "profile", "profiles", "rarity"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A number not inside a word or another number: "2013", "28,500", "6.1", "3". The digit comes first
# and the look-behind after it (no letter, digit, point or comma before that digit), so the scan jumps
# from digit to digit instead of testing the look-behind at every character: a quarter of the time.
_NUMBER = re.compile(r"\d(?:(?<![\w.,]\d)[\d,.]*\d(?!\w)|(?<![\w.,]\d)(?![\w.,]))")
# Who and where, not of what kind: nationalities and groups (NORP: "French", "Malaysian", "Democrats")
# are the setting that both of two like events share (two actions of one country's navy against
# pirates), so they are left to the words (ECB+ 0.941 -> 0.944, neither half lower); events, works and
# products are named too unevenly ("the Oscars", "81st Academy Awards") to add anything measurable.
# People and organisations share one kind, "a" (actors): the model labels one name a person in one
# article and an organisation in the next ("Bettie Page" is PERSON in one obituary, ORG in nine
# others), and two different actors with one name in one story are rare. Places stay apart: a town
# is not the person it is named after (sharing them too lost on ECB+'s odd half).
_NAME_LABELS = {"PERSON": "a", "ORG": "a", "GPE": "g", "LOC": "g", "FAC": "g"}
_LEAD_SENTENCES = 3
_LEAD_WEIGHT = 2.0
_TOP_TERMS = 8
_TOP_NAMES = 8
_MAX_TERMS = 400


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "according", "year", "years", "people", "time"}


_UNSEEN = 8.0  # the rarity of a word wordfreq does not list (Zipf frequency 0)
_LISTED: dict[str, float] = {}  # rarity of the words wordfreq lists: bounded by its list, not by the corpus


@lru_cache(maxsize=1)
def _frequencies() -> Mapping[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def rarity(word: str) -> float:
    """How telling a (lowercase) word is: 8 minus its Zipf frequency, at least 0.5.

    "the" (Zipf 7.7) weighs 0.5, "earthquake" (4.0) 4, "Comeaux" (unseen) 8.

    Looked up once per word wordfreq lists (a few hundred thousand at most, whatever the number of
    articles). A plain word it does not list (lower-case ASCII letters, which wordfreq reads as
    themselves) is unseen without asking: names, rare and invented words grow with the corpus, and
    kept in a bounded cache they pushed out the words read again later (threads over 100,000
    articles asked wordfreq again for each story's words, 1.7 times the time per article of 10,000).
    """
    value = _LISTED.get(word)
    if value is not None:
        return value
    if word in _frequencies():
        value = _LISTED[word] = _zipf_rarity(word)
        return value
    if word.isascii() and word.isalpha() and word.islower():
        return _UNSEEN
    return _other_rarity(word)


def _zipf_rarity(word: str) -> float:
    from wordfreq import zipf_frequency

    return max(0.5, 8.0 - zipf_frequency(word, "en"))


_other_rarity = lru_cache(maxsize=50_000)(_zipf_rarity)  # words with capitals, accents or apostrophes


@dataclass(frozen=True)
class Profile:
    """The comparable part of one article, every vector L2-normalised.

    Attributes:
        id: the article id.
        outlet: its outlet (lowercase), for counting independent sources.
        published: its publication date, when known.
        terms: content words, lead counted double, weighted by rarity.
        names: canonical entity names (and person surnames), keyed ``a:`` for people and
            organisations, ``g:`` for places.
        numbers: the numbers it gives ("28,500", "2013", "6.1").
        keys: a few of its most telling features, for blocking (who might be
            about the same event is looked up by these, never by all pairs).
        vector: a sentence embedding of the lead, when embeddings are on.
    """

    id: str
    outlet: str | None
    published: date | None
    terms: Mapping[str, float]
    names: Mapping[str, float]
    numbers: Mapping[str, float]
    keys: tuple[str, ...]
    vector: tuple[float, ...] | None = field(default=None, compare=False)


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    values = weights.values()
    norm = math.sqrt(sum(map(mul, values, values)))
    return {k: v / norm for k, v in weights.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)  # the terms that are not 0, in the same order


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _terms(article: Article) -> dict[str, float]:
    stop = _stop_words()
    counts: dict[str, float] = defaultdict(float)
    spans = article.sentences or ((0, len(article.text)),)
    if article.title and not article.text.startswith(article.title):
        for word in _WORD.findall(article.title):
            low = word.lower()
            if len(low) > 1 and low not in stop:
                counts[low] += _LEAD_WEIGHT
    for i, (start, end) in enumerate(spans):
        weight = _LEAD_WEIGHT if i < _LEAD_SENTENCES else 1.0
        for word in _WORD.findall(article.text, start, end):
            low = word.lower()
            if len(low) > 1 and low not in stop:
                counts[low] += weight
    weights = {w: (1.0 + math.log(c)) * rarity(w) for w, c in counts.items()}
    if len(weights) > _MAX_TERMS:  # the tail weighs little and costs time and memory on every comparison
        weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_TERMS])
    return _normalised({sys.intern(w): v for w, v in weights.items()})


def _name_rarity(name: str) -> float:
    words = _WORD.findall(name.lower())
    return max((rarity(w) for w in words), default=1.0)


def _names(article: Article) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for entity in article.entities:
        kind = _NAME_LABELS.get(entity.label)
        if kind is None:
            continue
        name = entity.name.lower()
        counts[f"{kind}:{name}"] += len(entity.mentions)
        if entity.label == "PERSON" and " " in name:  # "Esper" in one outlet is "Mark Esper" in another
            counts[f"a:{name.rsplit(' ', 1)[1]}"] += len(entity.mentions)
    return _normalised({k: (1.0 + math.log(c)) * _name_rarity(k[2:]) for k, c in counts.items()})


def _number_weight(number: str) -> float:
    """Longer numbers are rarer: "2013" or "28500" tell more than "3"."""
    digits = sum(ch.isdigit() for ch in number)
    return min(4.0, 0.5 + digits * 0.75)


def _numbers(article: Article) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for match in _NUMBER.finditer(article.text):
        value = match.group().replace(",", "").rstrip(".")
        counts[value] += 1
    return _normalised({n: (1.0 + math.log(c)) * _number_weight(n) for n, c in counts.items()})


def profile(article: Article, vector: tuple[float, ...] | None = None) -> Profile:
    """The profile of one analysed article (its entities are used when present)."""
    terms = _terms(article)
    names = _names(article)
    top_terms = sorted(terms, key=lambda k: (-terms[k], k))[:_TOP_TERMS]
    top_names = sorted(names, key=lambda k: (-names[k], k))[:_TOP_NAMES]
    keys = tuple(sorted({*(f"n:{k}" for k in top_names), *(f"t:{k}" for k in top_terms)}))
    return Profile(
        id=article.id,
        outlet=(article.outlet or "").strip().lower() or None,
        published=_date(article.published),
        terms=terms,
        names=names,
        numbers=_numbers(article),
        keys=keys,
        vector=vector,
    )


def _profiles(articles: list[Article]) -> list[Profile]:
    return [profile(article) for article in articles]


def profiles(articles: Iterable[Article], jobs: int = 1) -> Iterator[Profile]:
    """The profile of each article, in order, on ``jobs`` processes (a whole corpus); the same with any number."""
    from newsdesk.workers import map_ordered

    return map_ordered(_profiles, articles, jobs)
