"""What the pages are built from: an article's entity headings, an entity's one kind and its place."""

from __future__ import annotations

import pytest

from newsdesk import Article, Entity, MemoryStore, article_id
from newsdesk.web.views import article_view, entity_view

from .desk import entity

TEXT = (
    "Chinese fishing crews reached Port Halden, on the Varna Coast, on Monday. "
    "The Halden Lighthouse was closed, Ana Ribeiro of the Coast Guild said. China protested."
)


def _article(text: str, *entities: Entity, published: str = "2031-05-12") -> Article:
    return Article(id=article_id(text), source="t.txt", text=text, published=published, entities=entities)


def test_views_article_places_are_one_heading() -> None:
    a = _article(
        TEXT,
        entity(TEXT, "Chinese", "NORP"),
        entity(TEXT, "Port Halden", "GPE"),
        entity(TEXT, "Varna Coast", "LOC"),
        entity(TEXT, "Halden Lighthouse", "FAC"),
        entity(TEXT, "Ana Ribeiro", "PERSON"),
        entity(TEXT, "Coast Guild", "ORG"),
        entity(TEXT, "China", "GPE"),
    )
    groups = article_view(a).entity_groups
    assert list(groups) == ["People", "Organisations", "Places", "Groups"]
    assert {name for name, *_ in groups["Places"]} == {"Port Halden", "Varna Coast", "Halden Lighthouse", "China"}
    assert {label for *_, label in groups["Places"]} == {"GPE", "LOC", "FAC"}  # each keeps its own mark


@pytest.mark.parametrize(("name", "label", "place"), [("Chinese", "NORP", "China"), ("Coast Guild", "ORG", None)])
def test_views_a_nationality_links_to_its_place(name: str, label: str, place: str | None) -> None:
    store = MemoryStore()
    store.put(_article(TEXT, entity(TEXT, name, label)))
    view = entity_view(store, name, limit=10, offset=0)
    assert view is not None and view.place == place and view.label == label


def test_views_an_entity_has_one_label_the_desk_gives_it_most() -> None:
    store = MemoryStore()
    texts = [f"The White House said on day {n} that talks would go on." for n in range(3)]
    for n, text in enumerate(texts):
        store.put(_article(text, entity(text, "White House", "FAC" if n == 0 else "ORG")))
    view = entity_view(store, "White House", limit=10, offset=0)
    assert view is not None and view.label == "ORG" and view.labels == ["ORG", "FAC"]
