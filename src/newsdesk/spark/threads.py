"""Threads across a Spark run: the stories' sketches added up on the workers, threaded on the driver.

The third stage of the cross-document step, after the copies
(:mod:`newsdesk.spark.dedupe`) and the stories (:mod:`newsdesk.spark.stories`).
A thread (:mod:`newsdesk.stories.threads`) compares stories, not articles, by
their sketches: the names, rare words, identifying numbers and named days of
their articles. So:

* the workers count each article's :func:`newsdesk.stories.threads.thread_features`
  and add the counts up by story (a sketch is small, whatever the story's size);
* the driver streams the sketches in order of first date and threads one
  window of ``thread_gap_days`` at a time, the previous window's stories held
  in their threads — what the desk does as stories arrive — so it holds two
  windows of sketches, never the corpus.

The result is the ``threads`` table: ``story_id``, ``thread_id``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsdesk.settings import Settings
from newsdesk.stories.features import Profile
from newsdesk.stories.threads import Sketch, find_threads, sketch_from_counts, thread_features

if TYPE_CHECKING:
    from pyspark import RDD

__all__ = ["THREADS_SCHEMA", "assign_threads", "story_sketches"]

THREADS_SCHEMA = "`story_id` string, `thread_id` string"
"""The ``threads`` table: which thread (developing storyline) each story is in, as the desk's ``thread_links``."""


def assign_threads(sketches: Iterable[Sketch], settings: Settings) -> dict[str, str]:
    """``{story_id: thread_id}`` for story sketches in order of first date (undated last), window by window.

    As :func:`assign_stories` does for articles: each window of
    ``thread_gap_days`` is threaded with the previous window's stories held in
    their threads (what the desk does as stories arrive), so the driver holds
    two windows of sketches. When a story joins two held threads, the later
    thread's id gives way everywhere. Undated stories are threaded last, with
    the last window's stories held.
    """
    thread: dict[str, str] = {}
    alias: dict[str, str] = {}
    previous: list[Sketch] = []

    def place(batch: list[Sketch]) -> None:
        nonlocal previous
        known = {s.story_id: thread[s.story_id] for s in previous}
        result = find_threads([*previous, *batch], settings, known=known, changed={s.story_id for s in batch})
        for story, old in known.items():
            if result[story] != old:
                alias[old] = result[story]
        thread.update(result)
        previous = batch

    window: list[Sketch] = []
    undated: list[Sketch] = []
    end: date | None = None
    for s in sketches:
        if s.first is None:
            undated.append(s)
            continue
        if end is not None and s.first >= end and window:
            place(window)
            window = []
        if not window:
            end = s.first + timedelta(days=max(1, settings.thread_gap_days))
        window.append(s)
    if window:
        place(window)
    if undated:
        place(undated)

    def final(t: str) -> str:
        while t in alias and alias[t] != t:
            t = alias[t]
        return t

    return {story: final(t) for story, t in thread.items()}


def story_sketches(
    originals: RDD[Profile], days: RDD[tuple[str, tuple[str, ...]]], story: Mapping[str, str]
) -> RDD[Sketch]:
    """The sketch of every story, its feature counts added up on the workers, in order of first date.

    ``days`` holds the calendar days each article names (articles naming none may be left out).
    """
    owner = originals.context.broadcast(dict(story))

    def parts(
        item: tuple[str, tuple[Profile, tuple[str, ...] | None]],
    ) -> tuple[str, tuple[dict[str, Counter[str]], int, str, str]]:
        prof, named = item[1]
        found = thread_features(prof, named or ())
        when = prof.published.isoformat() if prof.published else ""
        return owner.value[prof.id], ({f: Counter(v) for f, v in found.items()}, 1, when, when)

    def add(
        a: tuple[dict[str, Counter[str]], int, str, str], b: tuple[dict[str, Counter[str]], int, str, str]
    ) -> tuple[dict[str, Counter[str]], int, str, str]:
        counts = {f: a[0].get(f, Counter()) + b[0].get(f, Counter()) for f in {*a[0], *b[0]}}
        firsts = [x for x in (a[2], b[2]) if x]
        lasts = [x for x in (a[3], b[3]) if x]
        return counts, a[1] + b[1], min(firsts, default=""), max(lasts, default="")

    def build(item: tuple[str, tuple[dict[str, Counter[str]], int, str, str]]) -> Sketch:
        sid, (counts, n, first, last) = item
        return sketch_from_counts(
            sid, counts, n, date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None
        )

    keyed = originals.filter(lambda p: p.id in owner.value).map(lambda p: (p.id, p))
    return (
        keyed.leftOuterJoin(days)
        .map(parts)
        .reduceByKey(add)
        .map(build)
        .sortBy(lambda s: (s.first.isoformat() if s.first else "9999", s.story_id))
    )
