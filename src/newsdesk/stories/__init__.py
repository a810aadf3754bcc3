"""Across articles: the timeline of a story (and, as they land, duplicates, clusters and briefs)."""

from __future__ import annotations

from newsdesk.stories.timeline import TimelineEntry, build_timeline, render_timeline

__all__ = ["TimelineEntry", "build_timeline", "render_timeline"]
