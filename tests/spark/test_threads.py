"""The Spark job's threading on the driver (no Spark needed): windows of ``thread_gap_days``."""

from __future__ import annotations

from datetime import date, timedelta

from newsdesk import Settings
from newsdesk.spark.threads import assign_threads
from newsdesk.stories.threads import Sketch


def _sketch(sid: str, day: int | None, name: str = "p:lena varga", word: str = "estavia") -> Sketch:
    when = None if day is None else date(2025, 1, 1) + timedelta(days=day)
    return Sketch(sid, when, when, 1, {name: 1.0}, {word: 1.0}, {"12500": 1.0}, {}, ("t:key",))


def test_threads_assign_windows_hold_the_previous_threads() -> None:
    # a storyline every 20 days runs on across windows; one 140 days later starts again
    sketches = [_sketch(s, d) for s, d in (("a", 0), ("b", 20), ("c", 40), ("d", 60), ("late", 200), ("undated", None))]
    thread = assign_threads(sketches, Settings())
    assert {thread[s] for s in "abcd"} == {"a"}
    assert thread["late"] == "late" and thread["undated"] == "late"  # undated: with the last window held


def test_threads_assign_keeps_apart_what_shares_nothing() -> None:
    sketches = [_sketch("a", 0), _sketch("other", 5, name="p:arno kessel", word="quillmoor"), _sketch("b", 10)]
    thread = assign_threads(sketches, Settings())
    assert thread == {"a": "a", "b": "a", "other": "other"}
