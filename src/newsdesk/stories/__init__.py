"""Across articles: copies, stories, corroboration, the timeline and the sourced brief.

* :mod:`~newsdesk.stories.dedupe` finds copies of one text (MinHash LSH).
* :mod:`~newsdesk.stories.features` and :mod:`~newsdesk.stories.clusters`
  group articles about one event into a story, near-linearly.
* :mod:`~newsdesk.stories.assign` does both for new articles against known stories, incrementally
  (:func:`newsdesk.workflow.place_in_stories` fetches them from a desk).
* :mod:`~newsdesk.stories.threads` joins stories into threads (developing storylines).
* :mod:`~newsdesk.stories.timeline` orders a story's dated events and picks the ones that matter.
"""

from __future__ import annotations

from newsdesk.stories.assign import find_stories
from newsdesk.stories.dedupe import Copies, find_copies
from newsdesk.stories.timeline import TimelineEntry, build_timeline, render_timeline, select_timeline

__all__ = [
    "Copies",
    "TimelineEntry",
    "build_timeline",
    "find_copies",
    "find_stories",
    "render_timeline",
    "select_timeline",
]
