"""Who appears with whom: a small entity co-occurrence graph, laid out on the server.

Two entities are linked when one sentence names both (in a story every
entity shares an *article* with every other, so articles would draw a
hairball). The graph keeps the most-covered entities only — it is a picture
for a person, not an analysis — and is laid out here with a few hundred
steps of a Fruchterman–Reingold spring layout, seeded on a circle so that the
same story always draws the same way, with a little gravity so that a name
that shares no sentence stays in the picture. The page draws it as inline SVG with
presentation attributes only (no script, no inline style).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from newsdesk.model import Article

__all__ = ["Edge", "Graph", "Node", "cooccurrence"]

GRAPH_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


@dataclass(frozen=True)
class Node:
    """An entity: how many articles name it, and where it is drawn (0–1 on both axes)."""

    name: str
    label: str
    articles: int
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    """Two entities named in the same sentence, ``weight`` times across the articles."""

    a: str
    b: str
    weight: int


@dataclass(frozen=True)
class Graph:
    nodes: list[Node]
    edges: list[Edge]

    def position(self, name: str) -> tuple[float, float]:
        node = next(n for n in self.nodes if n.name == name)
        return node.x, node.y


def _sentence_of(article: Article, start: int) -> int:
    for i, (s, e) in enumerate(article.sentences):
        if s <= start < e:
            return i
    return -1 - start  # no sentence known: the mention stands alone


def cooccurrence(articles: Iterable[Article], *, max_nodes: int = 14) -> Graph:
    """The co-occurrence graph of the ``max_nodes`` entities named in the most articles."""
    coverage: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    for article in articles:
        in_sentence: dict[int, set[str]] = {}
        for entity in article.entities:
            if entity.label not in GRAPH_LABELS:
                continue
            coverage[entity.name] += 1
            mentions[entity.name] += len(entity.mentions)
            labels.setdefault(entity.name, Counter())[entity.label] += 1
            for start, _ in entity.mentions:
                in_sentence.setdefault(_sentence_of(article, start), set()).add(entity.name)
        for names in in_sentence.values():
            for a, b in combinations(sorted(names), 2):
                pairs[(a, b)] += 1
    kept = sorted(coverage, key=lambda n: (-coverage[n], -mentions[n], n))[:max_nodes]
    keep = set(kept)
    edges = [Edge(a, b, w) for (a, b), w in sorted(pairs.items()) if a in keep and b in keep]
    positions = _layout(kept, [(e.a, e.b) for e in edges])
    nodes = [Node(name, labels[name].most_common(1)[0][0], coverage[name], *positions[name]) for name in kept]
    return Graph(nodes, edges)


def _layout(names: list[str], links: list[tuple[str, str]], *, steps: int = 300) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold in the unit square, from a circle (deterministic), then fitted to [0.08, 0.92]."""
    n = len(names)
    if n == 0:
        return {}
    if n == 1:
        return {names[0]: (0.5, 0.5)}
    pos = {name: [0.5 + 0.4 * math.cos(2 * math.pi * i / n), 0.5 + 0.4 * math.sin(2 * math.pi * i / n)]
           for i, name in enumerate(names)}  # fmt: skip
    k = 0.8 * math.sqrt(1.0 / n)
    gravity = 2.0 * k
    temperature = 0.1
    for _ in range(steps):
        shift = {name: [0.0, 0.0] for name in names}
        for a, b in combinations(names, 2):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(math.hypot(dx, dy), 1e-4)
            push = k * k / dist
            shift[a][0] += dx / dist * push
            shift[a][1] += dy / dist * push
            shift[b][0] -= dx / dist * push
            shift[b][1] -= dy / dist * push
        for a, b in links:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(math.hypot(dx, dy), 1e-4)
            pull = dist * dist / k
            shift[a][0] -= dx / dist * pull
            shift[a][1] -= dy / dist * pull
            shift[b][0] += dx / dist * pull
            shift[b][1] += dy / dist * pull
        for name in names:  # gravity: keeps a node named with nobody from drifting to the edge
            shift[name][0] -= (pos[name][0] - 0.5) * gravity
            shift[name][1] -= (pos[name][1] - 0.5) * gravity
        for name in names:
            dx, dy = shift[name]
            length = max(math.hypot(dx, dy), 1e-9)
            pos[name][0] += dx / length * min(length, temperature)
            pos[name][1] += dy / length * min(length, temperature)
        temperature *= 0.985
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]

    def fit(value: float, low: float, high: float) -> float:
        return 0.5 if high - low < 1e-9 else 0.08 + 0.84 * (value - low) / (high - low)

    return {name: (fit(p[0], min(xs), max(xs)), fit(p[1], min(ys), max(ys))) for name, p in pos.items()}
