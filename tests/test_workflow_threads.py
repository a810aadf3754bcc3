"""Threads on ingest: stories join the desk's threads as they arrive; threads grow, never split."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import Article, MemoryStore, Pipeline, Settings, SQLiteStore, Store, StoryLink, ThreadLink, read, workflow
from newsdesk.stories.features import profile
from newsdesk.workflow import place_in_threads, run

from .stories.conftest import ARTICLES, THREADS, dams  # noqa: F401  (the analysed fixture articles)

ONE_CORE = Settings(jobs=1)
STORYLINE = ("sallow-dam-burst", "lowland-dam-burst", "sallow-dam-inquiry", "sallow-dam-resignation")


@pytest.fixture(params=["memory", "sqlite"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "desk.db")


def threads_by_name(store: Store) -> dict[str, str]:
    """Each stored article's thread, by file name without extension."""
    story = {link.article_id: link.story_id for link in store.story_links()}
    thread = {link.story_id: link.thread_id for link in store.thread_links()}
    return {Path(a.source).stem: thread[story[a.id]] for a in store.articles() if story.get(a.id) in thread}


def test_workflow_threads_a_storyline_arriving_day_by_day_is_one_thread(desk: Store, pipeline: Pipeline) -> None:
    for name in (*STORYLINE, "tirren-dam-burst"):  # one run per article, in date order
        run(read([THREADS / f"{name}.txt"]), desk, ONE_CORE, pipeline=pipeline)
    thread = threads_by_name(desk)
    assert len(thread) == 5
    assert len({thread[name] for name in STORYLINE}) == 1
    assert thread["tirren-dam-burst"] != thread["sallow-dam-burst"]
    assert len(desk.threads()) == 2


def test_workflow_threads_rerun_changes_nothing(desk: Store, pipeline: Pipeline) -> None:
    run(read([THREADS]), desk, ONE_CORE, pipeline=pipeline)
    before = desk.thread_links()
    ids = [a.id for a in desk.articles()]
    again = place_in_threads(desk, ids, ONE_CORE)
    assert desk.thread_links() == before
    assert {link.story_id for link in again} == {link.story_id for link in desk.story_links()}


def test_workflow_threads_same_actors_months_later_are_another_thread(desk: Store, pipeline: Pipeline) -> None:
    run(read([ARTICLES]), desk, ONE_CORE, pipeline=pipeline)
    thread = threads_by_name(desk)
    assert thread["northern-courier-varga-drill"] != thread["northern-courier-varga"]  # five months on
    assert thread["harbour-times-ferry"] != thread["northern-courier-varga"]


def test_workflow_threads_a_new_story_joins_two_stored_threads(desk: Store, dams: dict[str, Article]) -> None:  # noqa: F811
    burst, inquiry, resignation = dams["sallow-dam-burst"], dams["sallow-dam-inquiry"], dams["sallow-dam-resignation"]
    other = dams["tirren-dam-burst"]
    for a in (burst, inquiry, resignation, other):
        desk.put(a)
    # stored as an older rule left them: the burst and the resignation in two threads, an unrelated
    # story in the resignation's thread; the inquiry arrives as a story of its own
    desk.put_story_links([StoryLink(a.id, a.id, None, profile(a).keys) for a in (burst, resignation, other, inquiry)])
    desk.put_thread_links(
        [
            ThreadLink(burst.id, burst.id),
            ThreadLink(resignation.id, resignation.id),
            ThreadLink(other.id, resignation.id),
        ]
    )
    (link,) = place_in_threads(desk, [inquiry.id], ONE_CORE)
    assert link == ThreadLink(inquiry.id, burst.id)  # the earliest stored thread keeps its id
    assert {x.story_id: x.thread_id for x in desk.thread_links()} == {
        s: burst.id for s in (burst.id, inquiry.id, resignation.id, other.id)
    }  # the joined thread moved whole: threads grow, never split


@pytest.mark.parametrize(
    ("per_story", "expected"),
    [
        (1, {"s-three"}),  # the story sharing the most keys
        (2, {"s-three", "s-two"}),
        (5, {"s-three", "s-two", "s-one"}),
        (0, set()),
    ],
)
def test_workflow_threads_candidates_are_the_stories_sharing_most_keys(
    per_story: int, expected: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workflow, "THREAD_CANDIDATES_PER_STORY", per_story)
    new = [StoryLink("n1", "new", keys=("a", "b")), StoryLink("n2", "new", keys=("c",))]
    neighbours = [
        StoryLink("x1", "s-one", keys=("a", "z")),
        StoryLink("x2", "s-two", keys=("a", "b")),
        StoryLink("x3", "s-three", keys=("a",)),
        StoryLink("x4", "s-three", keys=("b", "c")),
        StoryLink("x5", "s-other", keys=("z",)),  # shares no key with the new story: never a candidate
        StoryLink("n1", "new", keys=("a", "b")),  # the changed story itself is not its own candidate
    ]
    assert workflow._thread_candidates(new, neighbours) == expected
