"""The one workflow (read → analyse → store → place): stories wherever articles enter, placers, healing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import newsdesk.workflow
from newsdesk import Article, MemoryStore, Pipeline, Settings, SQLiteStore, Store, read
from newsdesk.ingest import brief, ingest
from newsdesk.workflow import PLACERS, place_in_stories, run

from .stories.conftest import ARTICLES, varga  # noqa: F401  (the analysed fixture articles)

ONE_CORE = Settings(jobs=1)
SAME_EVENT = ("northern-courier-varga", "harbour-times-varga", "capital-post-varga", "valley-gazette-varga-copy")


@pytest.fixture(params=["memory", "sqlite"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "desk.db")


def stories_by_name(store: Store) -> dict[str, str]:
    """Each stored article's story, by file name without extension."""
    story = {link.article_id: link.story_id for link in store.story_links()}
    return {Path(a.source).stem: story[a.id] for a in store.articles() if a.id in story}


def test_workflow_place_in_stories_joins_without_reclustering(desk: Store, varga: dict[str, Article]) -> None:  # noqa: F811
    first = [varga["northern-courier-varga"], varga["harbour-times-ferry"], varga["northern-courier-varga-drill"]]
    for a in first:
        desk.put(a)
    before = {link.article_id: link.story_id for link in place_in_stories(desk, [a.id for a in first])}
    later = [varga["harbour-times-varga"], varga["capital-post-varga"], varga["valley-gazette-varga-copy"]]
    for a in later:
        desk.put(a)
    links = place_in_stories(desk, [a.id for a in later])
    assert {link.story_id for link in links} == {before[varga["northern-courier-varga"].id]}
    assert {link.article_id: link.story_id for link in desk.story_links(article_ids=before)} == before
    copy = next(link for link in links if link.article_id == varga["valley-gazette-varga-copy"].id)
    assert copy.copy_of == varga["northern-courier-varga"].id
    again = place_in_stories(desk, [a.id for a in later])  # running twice changes nothing
    assert again == links


def test_workflow_ingest_places_articles_in_their_stories(desk: Store) -> None:
    report = ingest([ARTICLES], desk, ONE_CORE)
    assert (report.read, report.stored, report.failed) == (6, 6, 0)
    story = stories_by_name(desk)
    assert len(story) == 6
    assert len({story[name] for name in SAME_EVENT}) == 1
    assert story["northern-courier-varga-drill"] != story["harbour-times-varga"] != story["harbour-times-ferry"]


def test_workflow_no_stories_stores_records_only_and_a_rerun_places_them(desk: Store) -> None:
    first = ingest([ARTICLES], desk, ONE_CORE, stories=False)
    assert first.stored == 6 and list(desk.story_links()) == []
    again = ingest([ARTICLES], desk, ONE_CORE)  # nothing to store, but what was stored unplaced is placed
    assert (again.stored, again.skipped) == (0, 6)
    assert len(stories_by_name(desk)) == 6
    links = list(desk.story_links())
    ingest([ARTICLES], desk, ONE_CORE)
    assert list(desk.story_links()) == links  # and placing again changes nothing


def test_workflow_brief_covers_the_stories_of_its_inputs() -> None:
    store = MemoryStore()
    briefs, report = brief([ARTICLES / "harbour-times-varga.txt", ARTICLES / "capital-post-varga.txt"], store, ONE_CORE)
    assert report.stored == 2
    (only,) = briefs
    assert {a.id for a in only.articles} == {a.id for a in store.articles()}


class Recorder:
    """A placer that records what it was given, and the story links it could see then."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.linked: list[int] = []

    def __call__(self, store: Store, article_ids: Sequence[str], settings: Settings) -> None:
        self.calls.append(list(article_ids))
        self.linked.append(len(list(store.story_links(article_ids=article_ids))))


def test_workflow_placers_run_in_order_after_stories(pipeline: Pipeline) -> None:
    store, after = MemoryStore(), Recorder()
    run(read([ARTICLES]), store, ONE_CORE, placers=[*PLACERS, after], pipeline=pipeline)
    assert len(after.calls) == 1 and len(after.calls[0]) == 6
    assert after.linked == [6]  # a step after stories sees the links of the same articles


def test_workflow_places_every_chunk_and_at_the_end(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newsdesk.workflow, "PLACE_EVERY", 4)
    recorder = Recorder()
    report = run(read([ARTICLES]), MemoryStore(), ONE_CORE, placers=[recorder], pipeline=pipeline)
    assert report.read == 6
    assert [len(ids) for ids in recorder.calls] == [4, 2]


def test_workflow_no_placers_is_records_only(pipeline: Pipeline) -> None:
    store = MemoryStore()
    report = run(read([ARTICLES]), store, ONE_CORE, placers=(), pipeline=pipeline)
    assert report.stored == 6 and list(store.story_links()) == []


def test_workflow_one_bad_input_never_stops_the_rest(tmp_path: Path, pipeline: Pipeline) -> None:
    (tmp_path / "a-bad.jsonl").write_text('{"text": "A ferry strike began on Monday in Velmora."}\n{not json\n')
    (tmp_path / "b-empty.txt").write_text("")
    (tmp_path / "c-good.txt").write_text((ARTICLES / "harbour-times-ferry.txt").read_text())
    store = MemoryStore()
    seen: list[tuple[str, bool]] = []
    report = run(
        read([tmp_path]), store, ONE_CORE, pipeline=pipeline, on_item=lambda item, new: seen.append((item.source, new))
    )
    assert (report.read, report.stored, report.failed) == (2, 2, 2)
    assert [Path(source).name for source, _ in seen] == ["a-bad.jsonl#1", "a-bad.jsonl#2", "b-empty.txt", "c-good.txt"]
    assert len(list(store.story_links())) == 2
