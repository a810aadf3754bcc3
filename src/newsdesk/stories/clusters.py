"""Stories: articles about the same event, found without comparing all pairs.

Three steps, each growing near-linearly with the number of articles:

1. **Blocking.** Every profile has a few telling keys (its rarest names and
   words). Two articles are compared only when they share a key, within the
   time window when both are dated; a key shared by more than
   ``story_block_cap`` articles is too common to block on and is skipped
   (so "United States" never makes a block of everything).
2. **Neighbours.** Each article keeps its ``story_neighbours`` most similar
   candidates whose similarity reaches ``story_min_similarity``: a sparse
   graph with at most *k* edges per article.
3. **Average linkage on that graph.** Clusters merge, best first, while the
   mean similarity between their members is at least ``story_threshold``; a
   pair with no edge counts as 0. The sparsity is what keeps two stories of
   the same kind apart: articles about the Lohan check-in are one another's
   neighbours, so the Reid check-in, similar in topic but never a nearest
   neighbour, shares too few edges with them to merge.

The similarity of two articles mixes four signals (weights in
:class:`~newsdesk.settings.Settings`, their value measured in the README):
rare words, canonical names, numbers, and — when embeddings are on — the
cosine of their lead embeddings.

Incremental: stories already stored enter as fixed clusters. New articles
may join them or form new stories, but two stored stories never merge and a
stored article never moves, so adding articles never reclusters the desk.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsdesk.settings import Settings
from newsdesk.stories.features import Profile, cosine

__all__ = ["candidate_pairs", "cluster", "cluster_by_window", "neighbour_graph", "similarity"]


@dataclass(frozen=True)
class _Weights:
    terms: float
    names: float
    numbers: float
    vector: float


def _weights(settings: Settings) -> _Weights:
    return _Weights(
        settings.story_weight_terms,
        settings.story_weight_names,
        settings.story_weight_numbers,
        settings.story_weight_vector,
    )


def similarity(a: Profile, b: Profile, settings: Settings) -> float:
    """How alike two articles are, in [0, 1]: a weighted mean of the signals both have.

    Beyond ``story_window_days`` apart (both dated) two articles are never
    the same story; within it, the similarity fades slowly with the gap.

    Names count only when both articles name someone or somewhere: a short
    report whose names the model missed (or that names none) is not less
    alike for it, while two articles naming different people are. Numbers
    still count when one side has none: an article without the toll, the
    score or the year is less likely the same report (dropping them too
    lost on ECB+, both halves).
    """
    gap = _gap_days(a, b)
    if gap is not None and gap > settings.story_window_days:
        return 0.0
    w = _weights(settings)
    total = w.terms * cosine(a.terms, b.terms) + w.numbers * cosine(a.numbers, b.numbers)
    norm = w.terms + w.numbers
    if a.names and b.names:
        total += w.names * cosine(a.names, b.names)
        norm += w.names
    if w.vector and a.vector is not None and b.vector is not None:
        total += w.vector * max(0.0, sum(x * y for x, y in zip(a.vector, b.vector, strict=True)))
        norm += w.vector
    value = total / norm if norm else 0.0
    if gap is not None and settings.story_fade_days:
        value *= 1.0 / (1.0 + gap / settings.story_fade_days)
    return value


def _gap_days(a: Profile, b: Profile) -> int | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).days)


def candidate_pairs(
    profiles: Sequence[Profile],
    settings: Settings,
    *,
    sizes: Mapping[str, int] | None = None,
    placed: Collection[int] = (),
) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share a blocking key.

    A key held by more than ``story_block_cap`` articles is skipped; within a
    key, articles are taken in date order and each is paired with the next
    ``story_block_span`` only, so no key costs more than a fixed number of
    pairs per article, however common it is. ``sizes`` gives how many
    articles hold a key in all, when not all of them are among ``profiles``
    (a desk loads only the stored articles a new one can be paired with).
    Two ``placed`` articles (indexes of articles in stored stories) are never
    paired: stored stories never merge, so what counts is how each new
    article compares with them, and a desk of stored articles is not
    compared with itself again at every placement.
    """
    sizes = sizes or {}
    placed = set(placed)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in p.keys:
            postings[key].append(i)
    pairs: set[tuple[int, int]] = set()
    cap, span = settings.story_block_cap, settings.story_block_span

    def pair(i: int, j: int) -> None:
        if i not in placed or j not in placed:
            pairs.add((i, j) if i < j else (j, i))

    for key, members in postings.items():
        if len(members) < 2 or max(len(members), sizes.get(key, 0)) > cap:
            continue
        # dated articles: in date order, each with the next few inside the window
        dated = sorted((m for m in members if profiles[m].published), key=lambda m: (_date_key(profiles[m]), m))
        for x, i in enumerate(dated):
            for j in dated[x + 1 : x + 1 + span]:
                gap = _gap_days(profiles[i], profiles[j])
                if gap is not None and gap > settings.story_window_days:
                    break  # date order: the rest are further still
                pair(i, j)
        # undated articles have no time to go by: each meets its neighbours in input order
        for x, i in enumerate(members):
            if profiles[i].published is None:
                for j in members[max(0, x - span) : x + 1 + span]:
                    if j != i:
                        pair(i, j)
    return pairs


def neighbour_graph(
    profiles: Sequence[Profile], pairs: Iterable[tuple[int, int]], settings: Settings
) -> dict[tuple[int, int], float]:
    """The sparse graph: each article's ``story_neighbours`` best candidates above the floor."""
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    k = settings.story_neighbours
    floor = settings.story_min_similarity
    for i, j in pairs:
        s = similarity(profiles[i], profiles[j], settings)
        if s < floor:
            continue
        for a, b in ((i, j), (j, i)):
            heap = best[a]
            if len(heap) < k:
                heapq.heappush(heap, (s, b))
            elif s > heap[0][0]:
                heapq.heapreplace(heap, (s, b))
    edges: dict[tuple[int, int], float] = {}
    for i, heap in best.items():
        for s, j in heap:
            edges[(i, j) if i < j else (j, i)] = s
    return edges


def _average_linkage(
    clusters: list[list[int]], fixed: list[bool], edges: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Merge clusters while the mean member similarity (absent edges = 0) reaches ``threshold``.

    Two fixed clusters never merge. Each cluster keeps the summed edge
    weights to its neighbours, so a merge costs the size of the smaller
    neighbour table (the graph is sparse), not the number of clusters.
    """
    owner: dict[int, int] = {}
    for c, members in enumerate(clusters):
        for m in members:
            owner[m] = c
    links: list[dict[int, float]] = [defaultdict(float) for _ in clusters]
    for (i, j), w in edges.items():
        a, b = owner[i], owner[j]
        if a != b:
            links[a][b] += w
            links[b][a] += w
    size = [len(m) for m in clusters]
    alive = [True] * len(clusters)
    version = [0] * len(clusters)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        if fixed[a] and fixed[b]:
            return
        mean = links[a][b] / (size[a] * size[b])
        if mean >= threshold:
            heapq.heappush(heap, (-mean, a, b, version[a], version[b]))

    for a, table in enumerate(links):
        for b in table:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        if len(links[a]) < len(links[b]):
            a, b = b, a  # fold the smaller table into the larger
        alive[b] = False
        clusters[a].extend(clusters[b])
        clusters[b] = []
        size[a] += size[b]
        fixed[a] = fixed[a] or fixed[b]
        del links[a][b]
        for c, w in links[b].items():
            if c == a:
                continue
            links[a][c] += w
            links[c][a] = links[c].get(a, 0.0) + w
            del links[c][b]
        links[b] = {}
        version[a] += 1
        for c in links[a]:
            push(a, c) if a < c else push(c, a)
    return [m for m, ok in zip(clusters, alive, strict=True) if ok and m]


def cluster(
    profiles: Sequence[Profile],
    settings: Settings,
    *,
    known: Mapping[str, str] | None = None,
    sizes: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """Story ids for every profile: ``{article_id: story_id}``.

    Args:
        profiles: the articles to place, and the stored neighbours they may join.
        known: story ids already stored (``article_id -> story_id``); those
            stories stay as they are and keep their ids.
        sizes: how many articles hold each blocking key in all (see :func:`candidate_pairs`).

    A new story's id is the id of its earliest article (by date, then id).
    """
    known = known or {}
    index = {p.id: i for i, p in enumerate(profiles)}
    groups: dict[str, list[int]] = defaultdict(list)
    clusters: list[list[int]] = []
    fixed: list[bool] = []
    for p in profiles:
        story = known.get(p.id)
        if story is not None:
            groups[story].append(index[p.id])
    for members in groups.values():
        clusters.append(members)
        fixed.append(True)
    for p in profiles:
        if p.id not in known:
            clusters.append([index[p.id]])
            fixed.append(False)
    placed = [index[p.id] for p in profiles if p.id in known]
    edges = neighbour_graph(profiles, candidate_pairs(profiles, settings, sizes=sizes, placed=placed), settings)
    result: dict[str, str] = {}
    for members in _average_linkage(clusters, fixed, edges, settings.story_threshold):
        ids = [profiles[m].id for m in members]
        stored = [known[i] for i in ids if i in known]
        if stored:
            story = stored[0]
        else:
            first = min(members, key=lambda m: (_date_key(profiles[m]), profiles[m].id))
            story = profiles[first].id
        for i in ids:
            result[i] = story
    return result


def _windows(profiles: Iterable[Profile], days: int, undated: list[Profile]) -> Iterator[list[Profile]]:
    """Date-sorted profiles cut into consecutive windows of ``days``; the undated ones go to ``undated``."""
    current: list[Profile] = []
    end: date | None = None
    for p in profiles:
        if p.published is None:
            undated.append(p)
            continue
        if end is not None and p.published >= end:
            yield current
            current = []
        if not current:
            end = p.published + timedelta(days=max(1, days))
        current.append(p)
    if current:
        yield current


def cluster_by_window(
    profiles: Iterable[Profile],
    settings: Settings,
    neighbours: Callable[[set[str]], list[Profile]] | None = None,
) -> dict[str, str]:
    """``{article_id: story_id}`` for date-sorted original profiles, one window at a time.

    Two dated articles further apart than ``story_window_days`` are never one
    story, so each window of that many days is clustered with the window
    before it held fixed in its stories (as a desk places new articles), and
    only two windows of profiles are ever held: a corpus of any size streams
    through (the Spark job's driver and ``bench/stories_scale.py`` do).

    Undated articles (no window holds them) are clustered last, with the
    dated articles that share a blocking key with them — ``neighbours(keys)``
    finds those — held in their stories, as the desk places a new article.
    """
    story: dict[str, str] = {}
    previous: list[Profile] = []
    undated: list[Profile] = []
    for window in _windows(profiles, settings.story_window_days, undated):
        result = cluster([*previous, *window], settings, known={p.id: story[p.id] for p in previous})
        for p in window:
            story[p.id] = result[p.id]
        previous = window
    if undated:
        context = neighbours({k for p in undated for k in p.keys}) if neighbours is not None else []
        context = [p for p in context if p.id in story]
        result = cluster([*context, *undated], settings, known={p.id: story[p.id] for p in context})
        for p in undated:
            story[p.id] = result[p.id]
    return story


def _date_key(p: Profile) -> str:
    """Dated articles first, oldest first."""
    return p.published.isoformat() if p.published else "9999"
