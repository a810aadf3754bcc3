"""The driver-side halves of the cross-document step, without Spark: copy groups and story windows."""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk import Settings
from newsdesk.spark.dedupe import copy_groups, shingle_set
from newsdesk.spark.stories import assign_stories, story_rows
from newsdesk.stories.features import Profile


@pytest.mark.parametrize(
    ("pairs", "original"),
    [
        ([], {}),
        ([("b", "c", "2024-03-06", "2024-03-05", 0.9)], {"b": "c"}),  # the earlier one is the original
        ([("a", "b", "2024-03-05", "2024-03-05", 0.9)], {"b": "a"}),  # same day: the smaller id
        ([("a", "b", None, "2024-03-05", 0.9)], {"a": "b"}),  # undated articles are never the original of dated ones
        (  # a chain is one group with one original
            [("a", "b", "2024-03-05", "2024-03-06", 0.9), ("b", "c", "2024-03-06", "2024-03-07", 0.8)],
            {"b": "a", "c": "a"},
        ),
    ],
)
def test_cross_document_copy_groups(pairs: list, original: dict[str, str]) -> None:
    found, similarity = copy_groups(pairs)
    assert found == original
    assert set(similarity) == set(original)


def test_cross_document_copy_similarity_is_the_pair_with_the_original() -> None:
    _, similarity = copy_groups(
        [("a", "b", "2024-03-05", "2024-03-06", 0.9), ("b", "c", "2024-03-06", "2024-03-07", 0.8)]
    )
    assert similarity == {"b": 0.9, "c": 0.8}  # c never met a: its best pair


def test_cross_document_shingles_are_the_local_ones() -> None:
    assert shingle_set("One two three four five six") == ["one two three four five", "two three four five six"]
    assert shingle_set("Too short") == ["too short"]
    assert shingle_set("") == [] and shingle_set(None) == []


def prof(pid: str, published: date | None, words: dict[str, float], keys: tuple[str, ...]) -> Profile:
    return Profile(id=pid, outlet=None, published=published, terms=words, names={}, numbers={}, keys=keys)


def test_cross_document_stories_run_across_windows_and_end_at_the_gap() -> None:
    settings = Settings(story_window_days=10)
    words = {"velmora": 0.8, "varga": 0.6}
    profiles = [
        prof("a", date(2024, 3, 1), words, ("t:velmora",)),
        prof("b", date(2024, 3, 9), words, ("t:velmora",)),
        prof("c", date(2024, 3, 12), words, ("t:velmora",)),  # next window, joins a's story
        prof("d", date(2024, 9, 1), words, ("t:velmora",)),  # months later: a story of its own
    ]
    story = assign_stories(profiles, settings)
    assert story == {"a": "a", "b": "a", "c": "a", "d": "d"}


def test_cross_document_undated_articles_join_their_neighbours() -> None:
    words = {"velmora": 0.8, "varga": 0.6}
    dated = [prof("a", date(2024, 3, 1), words, ("t:velmora",)), prof("b", date(2024, 3, 2), {"ferry": 1.0}, ())]
    undated = prof("u", None, words, ("t:velmora",))
    asked: list[set[str]] = []

    def neighbours(keys: set[str]) -> list[Profile]:
        asked.append(keys)
        return [p for p in dated if keys & set(p.keys)]

    assert assign_stories([*dated, undated], Settings(), neighbours) == {"a": "a", "b": "b", "u": "a"}
    assert asked == [{"t:velmora"}]


def test_cross_document_copies_take_their_originals_story() -> None:
    rows = list(story_rows({"a": "s1", "x": "s2"}, {"b": "a", "c": "b"}))
    assert {r["article_id"]: (r["story_id"], r["copy_of"]) for r in rows} == {
        "a": ("s1", None),
        "x": ("s2", None),
        "b": ("s1", "a"),
        "c": ("s1", "b"),
    }
