"""Counting independent sources: copies and one outlet's several reports count once.

Three outlets running the same wire copy are one source; an outlet that ran
the story twice (a first version and an update) is one source. So articles
are joined when one is a copy of another or when they share an outlet, and
each resulting group is one independent source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsdesk.model import Article

__all__ = ["independent_groups", "independent_sources"]


def independent_groups(articles: Iterable[Article], copy_of: Mapping[str, str | None]) -> dict[str, str]:
    """Article id → the id that stands for its independent source (copies and same-outlet joined)."""
    todo = list(articles)
    parent = {a.id: a.id for a in todo}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: str, y: str) -> None:
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    by_outlet: dict[str, str] = {}
    for a in todo:
        original = copy_of.get(a.id)
        if original is not None and original in parent:
            join(a.id, original)
        outlet = (a.outlet or "").strip().casefold()
        if outlet:
            join(a.id, by_outlet.setdefault(outlet, a.id))
    return {a.id: root(a.id) for a in todo}


def independent_sources(articles: Iterable[Article], copy_of: Mapping[str, str | None]) -> int:
    """How many independent sources ``articles`` are."""
    return len(set(independent_groups(articles, copy_of).values()))
