from __future__ import annotations

from newsdesk import Article, Entity, article_id
from newsdesk.web.graph import cooccurrence


def article(text: str, *entities: tuple[str, str]) -> Article:
    ents = []
    for name, label in entities:
        spans = []
        start = text.find(name)
        while start != -1:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
        ents.append(Entity(name, label, tuple(spans)))
    sentences, start = [], 0
    for part in text.split(". "):
        sentences.append((start, start + len(part)))
        start += len(part) + 2
    return Article(id=article_id(text), source="t.txt", text=text, sentences=tuple(sentences), entities=tuple(ents))


def test_graph_links_entities_named_in_one_sentence() -> None:
    a = article("Okafor met Varga in Valmora. Brask stayed out", ("Okafor", "PERSON"), ("Varga", "PERSON"),
                ("Valmora", "GPE"), ("Brask", "GPE"))  # fmt: skip
    b = article("Okafor spoke. Varga left Brask", ("Okafor", "PERSON"), ("Varga", "PERSON"), ("Brask", "GPE"))
    graph = cooccurrence([a, b])
    assert {(e.a, e.b, e.weight) for e in graph.edges} == {
        ("Okafor", "Valmora", 1),
        ("Okafor", "Varga", 1),
        ("Valmora", "Varga", 1),
        ("Brask", "Varga", 1),
    }
    assert [(n.name, n.articles) for n in graph.nodes] == [("Brask", 2), ("Okafor", 2), ("Varga", 2), ("Valmora", 1)]
    for node in graph.nodes:
        assert 0.0 <= node.x <= 1.0 and 0.0 <= node.y <= 1.0
    assert cooccurrence([a, b]) == graph  # the same story always draws the same way


def test_graph_keeps_the_most_covered_entities() -> None:
    names = [(f"Name{i}", "PERSON") for i in range(20)]
    a = article(" ".join(n for n, _ in names), *names)
    b = article("Name3 and Name7", ("Name3", "PERSON"), ("Name7", "PERSON"))
    graph = cooccurrence([a, b], max_nodes=5)
    assert len(graph.nodes) == 5
    assert {"Name3", "Name7"} <= {n.name for n in graph.nodes}
    assert all(e.a in {n.name for n in graph.nodes} and e.b in {n.name for n in graph.nodes} for e in graph.edges)


def test_graph_empty_and_single() -> None:
    assert cooccurrence([]).nodes == []
    one = cooccurrence([article("Okafor spoke", ("Okafor", "PERSON"))])
    assert [(n.x, n.y) for n in one.nodes] == [(0.5, 0.5)] and one.edges == []
