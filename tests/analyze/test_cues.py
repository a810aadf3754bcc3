"""The reporting-verb lexicon and the syntax helpers around a cue."""

from __future__ import annotations

import pytest

from newsdesk.analyze.cues import (
    CLASSES,
    cue_classes,
    load_lexicon,
    mention_bounds,
    particles,
    reporting_conjunct,
    subject_of,
)
from newsdesk.analyze.nlp import load_model
from newsdesk.settings import Settings


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(Settings().model)


def test_cues_lexicon_loads_known_classes() -> None:
    lexicon = load_lexicon()
    assert "speech" in lexicon.of("say")
    assert "belief" in lexicon.of("figure")
    assert "evidence" in lexicon.of("show")
    assert "tell" in lexicon.hearer and "say" not in lexicon.hearer
    assert all(cls in CLASSES for classes in lexicon.classes.values() for cls in classes)


@pytest.mark.parametrize("text", ["She expressed support for the plan.", "She echoed the warning."])
def test_cues_indirect_only_verbs_cue_reported_speech_only(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    verb = nlp(text)[1]
    assert cue_classes(verb) == frozenset()  # never the cue of a direct quote
    assert "speech" in cue_classes(verb, reported=True)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("said", "say"), ("says", "say"), ("told", "tell"), ("notes", "note"), ("denies", "deny"), ("wrote", "write")],
)
def test_cues_lexicon_knows_inflected_forms(form: str, lemma: str) -> None:
    assert load_lexicon().forms[form] == lemma


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ana Lind said the port was closed.", "said", {"speech", "evidence"}),
        ("The union called for a strike.", "called", {"speech", "stance"}),
        ("He figures that the deal will hold.", "figures", {"belief"}),
        ("The ships left the port.", "left", set()),
        ("The said port was closed.", "port", set()),
    ],
)
def test_cues_classes_of_tokens(nlp, text: str, word: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert set(cue_classes(token)) == expected


@pytest.mark.parametrize(
    ("text", "cue", "subject"),
    [
        ("Ana Lind said the port was closed.", "said", "Lind"),
        ("He left early, adding that the port was closed.", "adding", "He"),
        ("Mr Halvorsen declined to confirm the offer.", "confirm", "Halvorsen"),
        ("It is the union that called the strike.", "called", "that"),
        ("The ad uses footage of Ana Lind asking, “Why is the port still closed?”", "asking", "Lind"),
        ("The union played a recording of Ana Lind saying the port would close.", "saying", "Lind"),
        ("Ana Lind thanked Marta Ilves, saying the port would reopen.", "saying", "Lind"),  # a comma between
        ("The ships left the port.", "left", "ships"),
    ],
)
def test_cues_subject_of(nlp, text: str, cue: str, subject: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == cue)
    found = subject_of(token)
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    ("text", "head", "mention"),
    [
        ("Mark Esper, the defence secretary, said so.", "Esper", "Mark Esper"),
        ("A spokesman for the harbour said so.", "spokesman", "A spokesman for the harbour"),
        ("The senator, who is running again, said so.", "senator", "The senator"),
    ],
)
def test_cues_mention_bounds(nlp, text: str, head: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == head)
    start, end = mention_bounds(token)
    assert doc[start:end].text == mention


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("The union called for a strike.", "called", ["for"]),
        ("The union called on Friday for a strike.", "called", ["for"]),
        ("The union called its lawyer on Monday.", "called", []),
        ("The union spoke of a strike.", "spoke", ["of"]),
    ],
)
def test_cues_particles(nlp, text: str, cue: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == cue)
    assert [p.text for p in particles(token)] == expected


@pytest.mark.parametrize(
    ("text", "cue", "outer"),
    [
        ('Ana Lind says she respects him and calls him "a friend".', "calls", "says"),
        ("Ana Lind says the union would cut costs and raise wages.", "raise", None),  # the content's own verbs
        ("Ana Lind said the port was closed.", "said", None),
    ],
)
def test_cues_reporting_conjunct(nlp, text: str, cue: str, outer: str | None) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == cue)
    found = reporting_conjunct(token)
    assert (found.text if found is not None else None) == outer
