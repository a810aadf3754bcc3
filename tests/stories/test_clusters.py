from __future__ import annotations

from datetime import date

import pytest

from newsdesk import Article, Settings
from newsdesk.stories import find_stories
from newsdesk.stories.clusters import _average_linkage, candidate_pairs, cluster, similarity
from newsdesk.stories.features import Profile, profile

SAME_EVENT = ("northern-courier-varga", "harbour-times-varga", "capital-post-varga", "valley-gazette-varga-copy")


def prof(pid: str, keys: tuple[str, ...], terms: dict[str, float], published: date | None = None) -> Profile:
    return Profile(pid, None, published, terms, {}, {}, keys)


def test_clusters_fixture_stories(varga: dict[str, Article]) -> None:
    links = {link.article_id: link for link in find_stories(list(varga.values()))}
    story = {name: links[a.id].story_id for name, a in varga.items()}
    assert len({story[name] for name in SAME_EVENT}) == 1
    assert story["northern-courier-varga-drill"] != story["northern-courier-varga"]  # same actors, months later
    assert story["harbour-times-ferry"] not in {story[n] for n in varga if n != "harbour-times-ferry"}
    assert links[varga["valley-gazette-varga-copy"].id].copy_of == varga["northern-courier-varga"].id
    assert [name for name in varga if links[varga[name].id].copy_of] == ["valley-gazette-varga-copy"]


def test_clusters_profile_keeps_names_numbers_and_keys(varga: dict[str, Article]) -> None:
    p = profile(varga["northern-courier-varga"])
    assert "a:lena varga" in p.names and "a:varga" in p.names
    assert {"12500", "28"} <= set(p.numbers)  # troops, and the date of the next talks
    assert any(k.startswith("n:") for k in p.keys) and any(k.startswith("t:") for k in p.keys)
    assert p.published == date(2025, 10, 14) and p.outlet == "northern courier"


@pytest.mark.parametrize(
    ("gap_days", "linked"),
    [(0, True), (10, True), (59, True), (61, False), (200, False)],
)
def test_clusters_similarity_ends_at_the_window(gap_days: int, linked: bool) -> None:
    terms = {"varga": 0.8, "estavia": 0.6}
    a = prof("a", (), terms, date(2025, 1, 1))
    b = prof("b", (), terms, date.fromordinal(date(2025, 1, 1).toordinal() + gap_days))
    assert (similarity(a, b, Settings()) > 0) is linked
    undated = prof("c", (), terms)
    s = Settings()  # no names on either side: words and numbers only
    words_only = s.story_weight_terms / (s.story_weight_terms + s.story_weight_numbers)
    assert similarity(a, undated, s) == pytest.approx(words_only)


def test_clusters_blocking_skips_keys_shared_by_too_many() -> None:
    profiles = [prof(str(i), ("t:common", f"t:pair{i // 2}"), {}) for i in range(6)]
    assert candidate_pairs(profiles, Settings(story_block_cap=5)) == {(0, 1), (2, 3), (4, 5)}
    assert len(candidate_pairs(profiles, Settings(story_block_cap=6, story_block_span=1))) == 5  # a chain
    assert len(candidate_pairs(profiles, Settings(story_block_cap=6))) == 15


def test_clusters_average_linkage_counts_missing_edges_as_zero() -> None:
    # a triangle 0-1-2 and a pendant 3 linked to 2 only: the mean from {0,1,2} to 3 is 0.9 / 3
    edges = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (2, 3): 0.9}
    merged = _average_linkage([[0], [1], [2], [3]], [False] * 4, edges, 0.5)
    assert sorted(sorted(c) for c in merged) == [[0, 1, 2], [3]]
    merged = _average_linkage([[0], [1], [2], [3]], [False] * 4, edges, 0.25)
    assert sorted(sorted(c) for c in merged) == [[0, 1, 2, 3]]


def test_clusters_fixed_stories_never_merge() -> None:
    edges = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.9}
    merged = _average_linkage([[0], [1], [2]], [True, True, False], edges, 0.1)
    assert sorted(sorted(c) for c in merged) in ([[0, 2], [1]], [[0], [1, 2]])


def test_clusters_new_story_is_named_by_its_earliest_article() -> None:
    terms = {"varga": 1.0}
    profiles = [prof("b", ("t:varga",), terms, date(2025, 1, 2)), prof("a", ("t:varga",), terms, date(2025, 1, 3))]
    assert cluster(profiles, Settings()) == {"a": "b", "b": "b"}


def test_clusters_blocking_pairs_undated_articles_too() -> None:
    dated = [prof(str(i), ("t:key",), {}, date(2025, 1, 1 + i)) for i in range(3)]
    far = prof("far", ("t:key",), {}, date(2025, 6, 1))
    undated = prof("undated", ("t:key",), {})
    pairs = candidate_pairs([*dated, far, undated], Settings())
    assert {(0, 4), (1, 4), (2, 4), (3, 4)} <= pairs  # the undated one meets everyone
    assert (0, 3) not in pairs and (0, 1) in pairs  # dated ones meet inside the window only


@pytest.mark.parametrize(
    ("name", "label", "names"),
    [
        ("Lena Varga", "PERSON", {"a:lena varga", "a:varga"}),
        ("Estavian Navy", "ORG", {"a:estavian navy"}),
        ("Varga", "ORG", {"a:varga"}),  # the surname the model took for an organisation
        ("Port Halden", "GPE", {"g:port halden"}),
        ("Sallow Dam", "FAC", {"g:sallow dam"}),
        ("Estavian", "NORP", set()),  # a nationality is the setting two like events share
        ("Halden Marathon", "EVENT", set()),
        ("Tides of Halden", "WORK_OF_ART", set()),
    ],
)
def test_clusters_profile_names_are_who_and_where(name: str, label: str, names: set[str]) -> None:
    from newsdesk.model import Entity

    text = f"{name} was in the news on Monday."
    article = Article(id="a", source="a.txt", text=text, entities=(Entity(name, label, ((0, len(name)),)),))
    assert set(profile(article).names) == names


def _named(name: str, label: str) -> Profile:
    from newsdesk.model import Entity

    text = f"{name} was in the news on Monday."
    return profile(Article(id=label, source="a.txt", text=text, entities=(Entity(name, label, ((0, len(name)),)),)))


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        (("Lena Varga", "PERSON"), ("Lena Varga", "ORG"), True),  # one actor, labelled two ways
        (("Lena Varga", "PERSON"), ("Varga", "ORG"), True),  # her surname alone, as an organisation
        (("Halden Works", "ORG"), ("Halden Works", "PERSON"), True),
        (("Port Halden", "GPE"), ("Port Halden", "PERSON"), False),  # a place is not a person named after it
        (("Port Halden", "GPE"), ("Port Halden", "LOC"), True),
        (("Lena Varga", "PERSON"), ("Mira Varga", "PERSON"), True),  # the surname (as before)
        (("Halden Works", "ORG"), ("Works", "ORG"), False),  # an organisation has no surname
        (("Lena Varga", "PERSON"), ("Lena Brenner", "PERSON"), False),  # a given name alone is not kept
    ],
)
def test_clusters_profile_names_agree_across_labels(
    first: tuple[str, str], second: tuple[str, str], shared: bool
) -> None:
    assert bool(set(_named(*first).names) & set(_named(*second).names)) is shared


@pytest.mark.parametrize(
    ("names_a", "names_b", "expected"),
    [
        # words alike (cosine 1), no numbers on either side
        ({}, {}, 0.5 / 0.67),  # neither names anyone: words and numbers only
        ({"a:varga": 1.0}, {}, 0.5 / 0.67),  # the model found no name in one: not evidence against
        ({"a:varga": 1.0}, {"a:varga": 1.0}, (0.5 + 0.33) / 1.0),
        ({"a:varga": 1.0}, {"a:brenner": 1.0}, 0.5 / 1.0),  # different people: names count against
    ],
)
def test_clusters_similarity_counts_names_only_when_both_have_them(
    names_a: dict[str, float], names_b: dict[str, float], expected: float
) -> None:
    terms = {"varga": 0.8, "estavia": 0.6}
    a = Profile("a", None, None, terms, names_a, {}, ())
    b = Profile("b", None, None, terms, names_b, {}, ())
    assert similarity(a, b, Settings()) == pytest.approx(expected)
