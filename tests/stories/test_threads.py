from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdesk import Article, Pipeline, Settings, read
from newsdesk.model import DateRef, StoryLink
from newsdesk.stories import find_stories
from newsdesk.stories.threads import (
    Sketch,
    candidate_pairs,
    find_threads,
    number_weight,
    sketch,
    sketch_stories,
    thread_similarity,
)

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "articles"
SAME_STORYLINE = ("sallow-dam-burst", "lowland-dam-burst", "sallow-dam-inquiry", "sallow-dam-resignation")


def sk(
    sid: str,
    *,
    names: dict[str, float] | None = None,
    terms: dict[str, float] | None = None,
    numbers: dict[str, float] | None = None,
    days: dict[str, float] | None = None,
    first: date | None = None,
    last: date | None = None,
    keys: tuple[str, ...] = ("t:key",),
) -> Sketch:
    return Sketch(sid, first, last or first, 1, names or {}, terms or {}, numbers or {}, days or {}, keys)


@pytest.mark.parametrize(
    ("number", "weight"),
    [
        ("239", 3.0),
        ("28500", 3.0),
        ("1500", 1.5),
        ("47", 1.5),
        ("200", 0.5),
        ("5000", 0.5),
        ("2015", 0.0),  # a year is background
        ("1972", 0.0),
        ("2100", 1.5),  # not a year
        ("2150", 3.0),
        ("7", 0.0),  # small counts are everywhere
        ("6.5", 0.0),
        ("12.75", 3.0),
        ("abc", 0.0),
    ],
)
def test_threads_number_weight(number: str, weight: float) -> None:
    assert number_weight(number) == weight


ACTORS = {"p:lena varga": 0.8, "g:velmora": 0.6}
WORDS = {"estavia": 0.8, "garrison": 0.6}


@pytest.mark.parametrize(
    ("other", "linked"),
    [
        (sk("b", names=ACTORS, terms=WORDS, numbers={"12500": 1.0}), True),  # same actors, same figure
        (sk("b", names=ACTORS, terms=WORDS, days={"10-14": 1.0}), True),  # same actors, same day named
        (sk("b", names=ACTORS, terms=WORDS), False),  # same actors only: another event of theirs
        (sk("b", names={"p:tomas brenner": 1.0}, numbers={"12500": 1.0}, days={"10-14": 1.0}), False),  # coincidence
        (sk("b", terms={"ferry": 1.0}, numbers={"212": 1.0}), False),
    ],
)
def test_threads_similarity_needs_actors_and_specifics(other: Sketch, linked: bool) -> None:
    a = sk("a", names=ACTORS, terms=WORDS, numbers={"12500": 1.0}, days={"10-14": 1.0})
    assert (thread_similarity(a, other, Settings()) >= Settings().thread_threshold) is linked


@pytest.mark.parametrize(("gap", "linked"), [(0, True), (10, True), (30, True), (31, False), (150, False)])
def test_threads_similarity_ends_at_the_gap(gap: int, linked: bool) -> None:
    features = {"names": ACTORS, "terms": WORDS, "numbers": {"12500": 1.0}}
    a = sk("a", **features, first=date(2025, 10, 1), last=date(2025, 10, 14))  # type: ignore[arg-type]
    b = sk("b", **features, first=date.fromordinal(date(2025, 10, 14).toordinal() + gap))  # type: ignore[arg-type]
    assert (thread_similarity(a, b, Settings()) > 0) is linked
    assert thread_similarity(b, a, Settings()) == thread_similarity(a, b, Settings())
    undated = sk("c", **features)  # type: ignore[arg-type]
    assert thread_similarity(a, undated, Settings()) == pytest.approx(1.0)


def test_threads_names_and_words_alone_when_specifics_are_off() -> None:
    a, b = sk("a", names=ACTORS, terms=WORDS), sk("b", names=ACTORS, terms=WORDS)
    off = Settings(thread_weight_numbers=0.0, thread_weight_days=0.0)
    assert thread_similarity(a, b, off) == pytest.approx(1.0)
    assert thread_similarity(a, b, Settings()) == 0.0


def chain(*sids: str, key: str = "t:key") -> list[Sketch]:
    features = {"names": ACTORS, "terms": WORDS, "numbers": {"12500": 1.0}}
    return [sk(s, **features, keys=(key,)) for s in sids]  # type: ignore[arg-type]


def test_threads_new_stories_link_and_take_the_earliest_id() -> None:
    stories = [
        sk("b", names=ACTORS, terms=WORDS, numbers={"1": 1.0}, first=date(2025, 1, 3), keys=("t:key",)),
        sk("a", names=ACTORS, terms=WORDS, numbers={"1": 1.0}, first=date(2025, 1, 2), keys=("t:key",)),
        sk("z", terms={"ferry": 1.0}, keys=("t:ferry",)),
    ]
    assert find_threads(stories) == {"a": "a", "b": "a", "z": "z"}


def test_threads_stored_threads_keep_their_ids_and_never_split() -> None:
    stories = chain("s1", "s2", "new")
    # stored: s1 and s2 in one thread "t", though a rule change would no longer link them
    unrelated = sk("s2", terms={"ferry": 1.0}, keys=("t:other",))
    result = find_threads([stories[0], unrelated, stories[2]], known={"s1": "t", "s2": "t"}, changed={"new"})
    assert result == {"s1": "t", "s2": "t", "new": "t"}


def test_threads_two_stored_threads_join_only_through_a_changed_story() -> None:
    stories = chain("s1", "s2", "bridge")
    known = {"s1": "t1", "s2": "t2"}
    apart = find_threads(stories[:2], known=known, changed=set())
    assert apart == {"s1": "t1", "s2": "t2"}  # their pair was compared when they were placed
    joined = find_threads(stories, known=known, changed={"bridge"})
    assert len(set(joined.values())) == 1 and joined["bridge"] in {"t1", "t2"}


def test_threads_blocking_pairs_only_stories_sharing_a_key() -> None:
    stories = [*chain("a", "b", key="t:one"), *chain("c", key="t:two")]
    assert candidate_pairs(stories, Settings()) == {(0, 1)}
    assert find_threads(stories)["c"] == "c"
    capped = [*chain(*"abcdef", key="t:common")]
    assert len(candidate_pairs(capped, Settings(story_block_cap=5))) == 0
    assert len(candidate_pairs(capped, Settings(story_block_span=1))) == 5  # each meets the next only


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-11-02", "11-02"),
        ("--11-13", "11-13"),  # no year: still the day
        ("2025-11-09T21:40", "11-09"),
        ("2025-11", None),  # a month is too coarse
        ("2025", None),
        ("2025-W45", None),
        ("T21:40", None),
        (None, None),
    ],
)
def test_threads_days_are_calendar_days_only(value: str | None, day: str | None) -> None:
    article = Article(id="x", source="x.txt", text="x" * 20, dates=(DateRef("x", 0, 1, value),))
    assert set(sketch("x", [article]).days) == ({day} if day else set())


def test_threads_fixture_storyline_is_one_thread_the_other_dam_another(dams: dict[str, Article]) -> None:
    # each article as its own story: the thread rule alone must join the storyline
    sketches = [sketch(name, [a]) for name, a in dams.items()]
    thread = find_threads(sketches)
    assert len({thread[name] for name in SAME_STORYLINE}) == 1
    assert thread["tirren-dam-burst"] != thread["sallow-dam-burst"]  # a dam burst too, other people and place


def test_threads_fixture_storyline_months_later_is_a_new_thread(dams: dict[str, Article]) -> None:
    later = dams["sallow-dam-resignation"].copy_with(id="later", published="2026-05-12")
    sketches = [sketch("burst", [dams["sallow-dam-burst"]]), sketch("later", [later])]
    assert find_threads(sketches) == {"burst": "burst", "later": "later"}


def test_threads_sketch_stories_leave_copies_out(dams: dict[str, Article]) -> None:
    burst, lowland = dams["sallow-dam-burst"], dams["lowland-dam-burst"]
    links = [StoryLink(burst.id, "s"), StoryLink(lowland.id, "s", copy_of=burst.id)]
    (only,) = sketch_stories([burst, lowland], links)
    assert only.articles == 1 and only == sketch("s", [burst])
    (copies,) = sketch_stories([lowland], links[1:])  # only a copy at hand: sketched from it
    assert copies.articles == 1


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not here")
def test_threads_dev_seed_articles_are_one_thread(pipeline: Pipeline) -> None:
    # the FT on Esper in Seoul and Yonhap on Esper in Hanoi a week later
    articles = [a for a in pipeline.pipe(read([DEV])) if isinstance(a, Article)]
    assert len(articles) == 2
    links = find_stories(articles)
    thread = find_threads(sketch_stories(articles, links))
    assert len({thread[link.story_id] for link in links}) == 1
    # and the thread rule joins them on its own too, each article as its own story
    apart = find_threads([sketch(a.id, [a]) for a in articles])
    assert len(set(apart.values())) == 1


def test_threads_changes_new_speakers_new_and_moved_figures(dams: dict[str, Article]) -> None:
    from newsdesk.stories.brief import brief_story
    from newsdesk.stories.threads_changes import FigureMove, story_changes

    names = ("sallow-dam-burst", "sallow-dam-inquiry", "sallow-dam-resignation")
    briefs = [brief_story(n, [dams[n]], {}, embeddings=False) for n in names]
    first, inquiry, resignation = story_changes(briefs)
    assert "Petra Havel" in first.new_speakers and "214 homes" in first.new_figures
    assert inquiry.new_speakers == ("Anton Reeve",)  # Havel spoke before: not new
    assert FigureMove("people", "37", "41") in resignation.moved  # the toll rose
    assert resignation.new_speakers == ("Irena Moss",)
    assert not any(m.measure == "homes" for m in resignation.moved)  # 214 homes, as before
    assert story_changes([]) == []
