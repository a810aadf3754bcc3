"""Threads: the stories of one developing storyline, joined as they arrive.

A story is one event; a thread is the storyline above it: the attack, the
president's statement, the raids and the manhunt; the disappearance of a
plane, the search, the debris. Stories of one thread keep naming what the
first one named — the same rare names and places, the numbers that identify
the event (a flight number, 239 passengers, a death toll), the day it
happened ("13 November") — while two events of one *kind* (two earthquakes,
two check-ins to rehab, a coach fired one year and another the next) share
topic words and sometimes an actor, but not those specifics, and not the time.

So a story is summarised as a :class:`Sketch`: four families of features,
each weighted by how rare it is (``wordfreq``, as story profiles are) and by
the share of the story's articles that give it (what most of a story's
reports say is what identifies it):

* **names**: canonical people, organisations and places (people also by surname);
* **terms**: rare content words;
* **numbers**: the numbers that identify an event — never years (background)
  nor small counts, and round figures weigh less than exact ones;
* **days**: the calendar days the articles name (``--11-13``, "on Sunday").

Two stories are one thread when the weighted mean of the four cosines
reaches ``thread_threshold`` and, when both are dated, the later one starts
within ``thread_gap_days`` of the end of the earlier one (a storyline that
goes quiet for longer starts a new thread when it comes back). Links are made
best first and are transitive (a thread grows story by story), but two
threads already stored never merge and a stored story never leaves its
thread, so a desk's threads only grow. Candidate pairs come from blocking
keys (each story's most telling features), never from all pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newsdesk.model import Article, StoryLink
from newsdesk.settings import Settings
from newsdesk.stories.features import Profile, profile, rarity

__all__ = [
    "Sketch",
    "article_days",
    "candidate_pairs",
    "find_threads",
    "number_weight",
    "sketch",
    "sketch_from_counts",
    "sketch_stories",
    "thread_features",
    "thread_similarity",
]

_FAMILIES = ("names", "terms", "numbers", "days")
_WORD = re.compile(r"[^\W\d_]+")
_DAY = re.compile(r"^(?:\d{4})?-?-?(\d\d)-(\d\d)(?:T.*)?$")
_TERM_FLOOR = 3.0  # rarity below this ("said", "city") tells nothing about one storyline
_DAY_WEIGHT = 6.0  # a calendar day weighs as a rare word
_KEYS_NAMES = 6
_KEYS_TERMS = 6
_KEYS_NUMBERS = 2


def number_weight(number: str) -> float:
    """How much a number identifies one event (0 = not at all).

    Years (1900–2099) are background and small counts (under 10) are
    everywhere: 0. Otherwise the significant digits count: "200" or "5000"
    (round) 0.5, "47" or "1,500" 1.5, "239" or "28,500" 3.
    """
    plain = number.replace(",", "")
    digits = plain.replace(".", "")
    if not digits.isdigit():
        return 0.0
    value = float(plain)
    if value < 10 or ("." not in plain and len(plain) == 4 and 1900 <= value <= 2099):
        return 0.0
    significant = len(digits.strip("0"))
    return 0.5 if significant <= 1 else 1.5 if significant == 2 else 3.0


def _name_weight(key: str) -> float:
    words = _WORD.findall(key[2:])
    return max((rarity(w) for w in words), default=1.0)


def article_days(article: Article) -> frozenset[str]:
    """The calendar days an article names ("on 13 November", "on Sunday" resolved), as ``MM-DD``.

    The first reports name the day of the event (often as "on Sunday", resolved
    from the publication date); later ones name it back ("the November 2
    collapse"). Months, years and weeks are too coarse to tell events apart.
    """
    out = set()
    for ref in article.dates:
        match = _DAY.match(ref.value or "")
        if match:
            out.add(f"{match.group(1)}-{match.group(2)}")
    return frozenset(out)


def thread_features(prof: Profile, days: Iterable[str]) -> dict[str, frozenset[str]]:
    """What one article gives its story's sketch: its profile's names, rare terms and
    identifying numbers, and the days it names (:func:`article_days`)."""
    return {
        "names": frozenset(prof.names),
        "terms": frozenset(t for t in prof.terms if rarity(t) >= _TERM_FLOOR),
        "numbers": frozenset(n for n in prof.numbers if number_weight(n) > 0),
        "days": frozenset(days),
    }


def _weight(family: str, feature: str) -> float:
    if family == "names":
        return _name_weight(feature)
    if family == "terms":
        return rarity(feature)
    if family == "numbers":
        return number_weight(feature)
    return _DAY_WEIGHT


@dataclass(frozen=True)
class Sketch:
    """What a story is about, for threading: its features and its dates.

    Attributes:
        story_id: the story.
        first, last: its first and last publication dates (None when undated).
        articles: how many articles it was sketched from.
        names, terms, numbers, days: weighted features (each L2-normalised):
            rarity × the share of the story's articles that give the feature.
        keys: its most telling features, by which candidate stories are found.
    """

    story_id: str
    first: date | None
    last: date | None
    articles: int
    names: Mapping[str, float]
    terms: Mapping[str, float]
    numbers: Mapping[str, float]
    days: Mapping[str, float]
    keys: tuple[str, ...]


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {k: v / norm for k, v in weights.items()} if norm else {}


def _top(weights: Mapping[str, float], n: int) -> list[str]:
    return sorted(weights, key=lambda k: (-weights[k], k))[:n]


def sketch(story_id: str, articles: Sequence[Article], profiles: Sequence[Profile] | None = None) -> Sketch:
    """The sketch of one story from its (original) articles.

    Args:
        story_id: the story's id.
        articles: its articles (copies add nothing: leave them out).
        profiles: their story profiles, when already computed (else made here).
    """
    profs = list(profiles) if profiles is not None else [profile(a) for a in articles]
    counts: dict[str, Counter[str]] = {f: Counter() for f in _FAMILIES}
    for article, prof in zip(articles, profs, strict=True):
        for family, found in thread_features(prof, article_days(article)).items():
            counts[family].update(found)
    dates = sorted(p.published for p in profs if p.published is not None)
    return sketch_from_counts(
        story_id, counts, len(articles), dates[0] if dates else None, dates[-1] if dates else None
    )


def sketch_from_counts(
    story_id: str, counts: Mapping[str, Mapping[str, int]], articles: int, first: date | None, last: date | None
) -> Sketch:
    """A sketch from how many of a story's ``articles`` give each feature (by family, as
    :func:`thread_features` names them): what :func:`sketch` does, for callers that count
    elsewhere (Spark adds the counts up on its workers)."""
    n = max(1, articles)
    weighted = {
        family: _normalised({k: _weight(family, k) * c / n for k, c in counts.get(family, {}).items()})
        for family in _FAMILIES
    }
    keys = [
        *(f"n:{k}" for k in _top(weighted["names"], _KEYS_NAMES)),
        *(f"t:{k}" for k in _top(weighted["terms"], _KEYS_TERMS)),
        *(f"#:{k}" for k in _top(weighted["numbers"], _KEYS_NUMBERS)),
    ]
    return Sketch(
        story_id=story_id,
        first=first,
        last=last,
        articles=articles,
        names=weighted["names"],
        terms=weighted["terms"],
        numbers=weighted["numbers"],
        days=weighted["days"],
        keys=tuple(sorted(set(keys))),
    )


def sketch_stories(articles: Sequence[Article], links: Sequence[StoryLink]) -> list[Sketch]:
    """One sketch per story of ``links``, from its original articles among ``articles``.

    Copies add nothing a story's original does not say, so they are left out;
    a story of which only copies are at hand is sketched from them.
    """
    by_id = {a.id: a for a in articles}
    originals: dict[str, list[Article]] = defaultdict(list)
    copies: dict[str, list[Article]] = defaultdict(list)
    for link in links:
        article = by_id.get(link.article_id)
        if article is not None:
            (copies if link.copy_of else originals)[link.story_id].append(article)
    stories = dict.fromkeys(link.story_id for link in links)
    return [sketch(story, originals.get(story) or copies.get(story, [])) for story in stories]


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _gap_days(a: Sketch, b: Sketch) -> int | None:
    """Days between the end of the earlier story and the start of the later (0 when they overlap)."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return None
    return max(0, (b.first - a.last).days, (a.first - b.last).days)


def thread_similarity(a: Sketch, b: Sketch, settings: Settings) -> float:
    """How surely two stories belong to one storyline, in [0, 1] (0 beyond the time gap).

    Both halves of the evidence must be there: the same actors and subject
    (the weighted mean of the names and terms cosines) and the same specifics
    (the better of the numbers and days cosines); the score is their geometric
    mean. Shared actors alone are two events of one kind about them (a coach
    fired, then his successor); shared numbers or days alone are coincidence.
    With both specifics weights at 0 the score is the names-and-terms mean.
    """
    gap = _gap_days(a, b)
    if gap is not None and gap > settings.thread_gap_days:
        return 0.0
    wn, wt = settings.thread_weight_names, settings.thread_weight_terms
    if wn + wt <= 0:
        return 0.0
    actors = (wn * _cosine(a.names, b.names) + wt * _cosine(a.terms, b.terms)) / (wn + wt)
    w_numbers, w_days = settings.thread_weight_numbers, settings.thread_weight_days
    if w_numbers <= 0 and w_days <= 0:
        return actors
    specifics = max(w_numbers * _cosine(a.numbers, b.numbers), w_days * _cosine(a.days, b.days))
    return math.sqrt(actors * min(1.0, specifics))


def _date_key(s: Sketch) -> tuple[str, str]:
    return (s.first.isoformat() if s.first else "9999", s.story_id)


def candidate_pairs(sketches: Sequence[Sketch], settings: Settings) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of stories that share a blocking key.

    As for stories: a key held by more than ``story_block_cap`` stories is
    skipped, and within a key each story meets the next ``story_block_span``
    in date order (undated ones: in input order), so a common key costs a
    bounded number of pairs per story.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sketches):
        for key in s.keys:
            postings[key].append(i)
    pairs: set[tuple[int, int]] = set()
    cap, span = settings.story_block_cap, settings.story_block_span
    for members in postings.values():
        if len(members) < 2 or len(members) > cap:
            continue
        ordered = sorted(members, key=lambda m: (_date_key(sketches[m])[0], m))
        for x, i in enumerate(ordered):
            for j in ordered[x + 1 : x + 1 + span]:
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def find_threads(
    sketches: Sequence[Sketch],
    settings: Settings | None = None,
    *,
    known: Mapping[str, str] | None = None,
    changed: Collection[str] | None = None,
) -> dict[str, str]:
    """Thread ids for every sketched story: ``{story_id: thread_id}``.

    Args:
        sketches: the stories to place, and the stored stories they may join.
        known: threads already stored (``story_id -> thread_id``). A stored
            story never leaves its thread; two stored threads become one only
            when a changed story links them (a thread grows, it never splits).
        changed: the stories that are new or gained articles since they were
            threaded; only pairs with at least one of them are compared (the
            others were compared when they changed). None: all of them.

    Pairs at least ``thread_threshold`` alike are linked best first (single
    linkage). A thread keeps the id of its earliest stored thread; a new
    thread's id is the id of its earliest story (by first date, then id).
    """
    settings = settings or Settings()
    known = known or {}
    index = {s.story_id: i for i, s in enumerate(sketches)}
    fresh = set(range(len(sketches))) if changed is None else {index[c] for c in changed if c in index}
    parent = list(range(len(sketches)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of: dict[str, int] = {}  # the stories of one stored thread start as one group
    for i, s in enumerate(sketches):
        thread = known.get(s.story_id)
        if thread is not None:
            parent[i] = root(first_of.setdefault(thread, i))
    scored = []
    for i, j in candidate_pairs(sketches, settings):
        if i not in fresh and j not in fresh:
            continue
        value = thread_similarity(sketches[i], sketches[j], settings)
        if value >= settings.thread_threshold:
            scored.append((-value, i, j))
    for _, i, j in sorted(scored):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b, key=lambda r: _date_key(sketches[r]))] = min(a, b, key=lambda r: _date_key(sketches[r]))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sketches)):
        groups[root(i)].append(i)
    result: dict[str, str] = {}
    for members in groups.values():
        ordered = sorted(members, key=lambda m: _date_key(sketches[m]))
        stored = [known[sketches[m].story_id] for m in ordered if sketches[m].story_id in known]
        thread = stored[0] if stored else sketches[ordered[0]].story_id
        for m in members:
            result[sketches[m].story_id] = thread
    return result
