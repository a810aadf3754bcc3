"""Stories across a Spark run, with the clustering of :mod:`newsdesk.stories`, window by window.

The second stage of the cross-document step (the first is the copies, in
:mod:`newsdesk.spark.dedupe`). Story clustering compares an article with the
articles of the weeks around it, not with the corpus: two dated articles
further apart than ``Settings.story_window_days`` are never one story. So:

* the workers compute each article's :func:`newsdesk.stories.features.profile`
  (names, rare words, numbers, blocking keys: small) while the analysed
  articles are at hand;
* the driver streams the profiles of the *originals* (copies join their
  original's story, as in the local path) in date order, and clusters one
  window of ``story_window_days`` at a time with
  :func:`newsdesk.stories.clusters.cluster`, the previous window's articles
  taking part with their stories held fixed — the incremental placement the
  desk uses (``newsdesk stories``), so stories run on across windows;
* undated articles are clustered last, with the dated articles that share a
  blocking key with them held in their stories (found by a Spark filter).

The driver holds two windows of profiles, never the corpus. The result is the
``stories`` table: ``article_id``, ``story_id`` (the id of the story's earliest
article), ``copy_of``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from newsdesk.stories.clusters import cluster_by_window
from newsdesk.stories.features import Profile
from newsdesk.tables import schema

if TYPE_CHECKING:
    from pyspark import RDD

assign_stories = cluster_by_window
"""The driver's clustering: :func:`newsdesk.stories.clusters.cluster_by_window` (the local path's too)."""

__all__ = ["STORIES_SCHEMA", "assign_stories", "keyed_neighbours", "sorted_originals", "story_rows"]

STORIES_SCHEMA = schema("stories")
"""The ``stories`` table: :func:`newsdesk.tables.story_row` of each link (a desk export has the same)."""


def story_rows(story: Mapping[str, str], copy_of: Mapping[str, str]) -> Iterator[dict[str, Any]]:
    """Rows of the ``stories`` table: originals with their story, copies with their original's."""
    for aid, sid in story.items():
        yield {"article_id": aid, "story_id": sid, "copy_of": None}
    for aid, original in copy_of.items():
        root = original
        while root in copy_of and copy_of[root] != root:
            root = copy_of[root]
        yield {"article_id": aid, "story_id": story.get(root, root), "copy_of": original}


def sorted_originals(profiles: RDD[Profile], copies: frozenset[str]) -> RDD[Profile]:
    """The profiles of the articles that copy nothing, in date order (undated last)."""
    skip = profiles.context.broadcast(copies)
    originals = profiles.filter(lambda p: p.id not in skip.value)
    return originals.sortBy(lambda p: (p.published.isoformat() if p.published else "9999", p.id))


def keyed_neighbours(originals: RDD[Profile]) -> Callable[[set[str]], list[Profile]]:
    """A lookup of the dated profiles that share any of some blocking keys (one Spark filter)."""

    def find(keys: set[str]) -> list[Profile]:
        wanted = originals.context.broadcast(frozenset(keys))
        return originals.filter(lambda p: p.published is not None and not wanted.value.isdisjoint(p.keys)).collect()

    return find
