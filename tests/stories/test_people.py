"""One person, one page across the desk: cross-article resolution of people, on hand-written articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import Article, Entity, MemoryStore, PersonLink, Pipeline, Settings, article_id, read
from newsdesk.stories.people import resolve, roles_of
from newsdesk.web.views import entity_view
from newsdesk.workflow import place_people, run


def _link(article: str, name: str) -> PersonLink:
    return PersonLink(article, name, name, name.split()[-1].lower())


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # full names that are one spelling apart meet (the fuller form names the page); a bare
        # surname with no evidence (no story, no shared people or role) stays its own
        (
            [("a", "Mark Halden"), ("b", "Mark T. Halden"), ("c", "Halden")],
            {"a": "Mark T. Halden", "b": "Mark T. Halden", "c": "Halden"},
        ),
        # a shorter full name joins the only longer one that holds it
        ([("a", "Mark Halden"), ("b", "Mark Peter Halden")], {"a": "Mark Peter Halden", "b": "Mark Peter Halden"}),
        # two people sharing a surname stay two; a bare surname between them stays its own
        (
            [("a", "Mark Halden"), ("b", "Lisa Halden"), ("c", "Halden")],
            {"a": "Mark Halden", "b": "Lisa Halden", "c": "Halden"},
        ),
        # no full name on the desk: the surname is a person of its own
        ([("a", "Halden"), ("b", "Halden")], {"a": "Halden", "b": "Halden"}),
        # accents and case do not make two people
        ([("a", "José Álvarez"), ("b", "Jose Alvarez")], {"a": "José Álvarez", "b": "José Álvarez"}),
    ],
)
def test_people_resolve_rules(names: list[tuple[str, str]], expected: dict[str, str]) -> None:
    links = [PersonLink(a, n, n, n.split()[-1].lower().replace("á", "a")) for a, n in names]
    found = {link.article_id: link.person for link in resolve(links)}
    assert found == expected


def test_people_bare_surname_joins_the_only_full_name_with_evidence() -> None:
    links = [_link("a", "Mark Halden"), _link("b", "Halden"), _link("c", "Halden")]
    links[0] = links[0].copy_with(roles=("Defense Secretary",))
    links[2] = links[2].copy_with(roles=("defense secretary",))
    found = {
        link.article_id: link.person
        for link in resolve(links, cooccurring={"a": {"Mark Halden", "Ana Ribeiro"}, "b": {"Halden", "Ana Ribeiro"}})
    }
    assert found == {"a": "Mark Halden", "b": "Mark Halden", "c": "Mark Halden"}  # company kept; a role


def test_people_bare_surname_joins_by_story_then_by_company() -> None:
    links = [_link("a", "Mark Halden"), _link("b", "Lisa Halden"), _link("c", "Halden"), _link("d", "Halden")]
    found = {
        link.article_id: link.person
        for link in resolve(
            links,
            stories={"a": "s1", "b": "s2", "c": "s2"},
            cooccurring={"a": {"Mark Halden", "Ana Ribeiro"}, "b": {"Lisa Halden"}, "d": {"Halden", "Ana Ribeiro"}},
        )
    }
    assert found["c"] == "Lisa Halden"  # the same story
    assert found["d"] == "Mark Halden"  # named beside the same other person


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Defense Secretary Mark Halden arrived in Tokyo.", "Mark Halden", ("Defense Secretary",)),
        ("Mark Halden, the US defence secretary, arrived.", "Mark Halden", ("US defence secretary",)),
        ("Transport Minister Ana Ribeiro spoke. Ms Ribeiro left.", "Ana Ribeiro", ("Transport Minister",)),
        # negatives: an honorific, a clause, a place are no roles
        ("Mr Mark Halden arrived.", "Mark Halden", ()),
        ("Mark Halden, who leads the talks, arrived.", "Mark Halden", ()),
        ("In Lisbon Mark Halden, 54, arrived.", "Mark Halden", ()),
        ("Ferry Talks End In Deadlock. President Mark Halden spoke.", "Mark Halden", ("President",)),
        ("U.S. Defense Secretary Mark Halden spoke.", "Mark Halden", ("U.S. Defense Secretary",)),
    ],
)
def test_people_roles_the_article_gives(text: str, name: str, expected: tuple[str, ...]) -> None:
    start = text.index(name)
    entity = Entity(name, "PERSON", ((start, start + len(name)),))
    assert roles_of(Article(id="x", source="x", text=text), entity) == expected


def _article(text: str, outlet: str, published: str, *people: str) -> Article:
    entities = []
    for name in people:
        at = text.index(name)
        entities.append(Entity(name, "PERSON", ((at, at + len(name)),)))
    return Article(id=article_id(text), source=f"{outlet}.txt", text=text, outlet=outlet, published=published,
                   entities=tuple(entities))  # fmt: skip


def test_people_one_page_across_the_desk_whatever_the_order() -> None:
    store = MemoryStore()
    bare = _article(
        "Halden said the talks with Ana Ribeiro were useful.", "Coast Wire", "2031-05-13", "Halden", "Ana Ribeiro"
    )
    full = _article(
        "Defense Secretary Mark Halden flew to Oslo to meet Ana Ribeiro.",
        "Harbour Times",
        "2031-05-12",
        "Mark Halden",
        "Ana Ribeiro",
    )
    racing = _article("Halden won the race at Monza.", "Motor Sport", "2031-05-14", "Halden")
    other = _article("Lisa Halden, a chemist, won a prize in Bergen.", "Science Daily", "2031-04-01", "Lisa Halden")
    for article in (bare, full, racing):  # the bare surname arrives first
        store.put(article)
        place_people(store, [article.id])
    view = entity_view(store, "Mark Halden", limit=10, offset=0)
    assert view is not None
    assert {row.id for row in view.articles.items} == {bare.id, full.id}  # not the racing "Halden"
    assert "Halden" in view.aliases and view.outlets == ["Coast Wire", "Harbour Times"]
    assert [(r.role, r.published) for r in view.roles] == [("Defense Secretary", "2031-05-12")]
    by_surname = entity_view(store, "Halden", limit=10, offset=0)  # not every "Halden" is him: its own page
    assert by_surname is not None and by_surname.name == "Halden"
    # a second Halden on the desk: the bare surname still goes with the one it is named beside
    store.put(other)
    place_people(store, [other.id])
    assert {row.id for row in store.list(entity="Mark Halden")} == {full.id, bare.id}
    assert {row.id for row in store.list(entity="Lisa Halden")} == {other.id}
    lisa = entity_view(store, "Lisa", limit=10, offset=0)
    assert lisa is None


def test_people_an_article_name_linked_to_one_person_shows_that_person() -> None:
    store = MemoryStore()
    bare = _article("Halden met Ana Ribeiro in Oslo.", "Coast Wire", "2031-05-13", "Halden", "Ana Ribeiro")
    full = _article(
        "Mark Halden met Ana Ribeiro in Bergen.", "Harbour Times", "2031-05-12", "Mark Halden", "Ana Ribeiro"
    )
    for article in (full, bare):
        store.put(article)
        place_people(store, [article.id])
    view = entity_view(store, "Halden", limit=10, offset=0)
    assert view is not None and view.name == "Mark Halden" and len(view.articles.items) == 2


def test_people_every_way_in_links_people(pipeline: Pipeline, tmp_path: Path) -> None:
    texts = {
        "a.txt": "Defense Secretary Mark Halden flew to Oslo on Monday to meet Ana Ribeiro, the transport minister.",
        "b.txt": "Mr Halden told Ana Ribeiro on Tuesday that the ferry deal was close.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = MemoryStore()
    run(read([tmp_path]), store, Settings(jobs=1), pipeline=pipeline)
    people = {(Path(a.source).name, link.name): link.person
              for a in store.articles() for link in store.person_links(article_ids=[a.id])}  # fmt: skip
    assert people[("a.txt", "Mark Halden")] == "Mark Halden"
    assert people[("b.txt", "Halden")] == "Mark Halden"  # beside the same Ana Ribeiro
