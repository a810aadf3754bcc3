"""Reported speech beyond the plain "X said Y": the broader cues and their negatives (fictional texts)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk import Article

Analyse = Callable[..., Article]

MAYOR = "Greta Sandvik, the mayor of Orrhavn, spoke on Tuesday. "


def _indirect(article: Article) -> set[tuple[str, str | None]]:
    return {(q.text, q.speaker) for q in article.quotes if q.kind == "indirect"}


FOUND = [
    # a clause that only opens with quoted words is reported speech, its "that" with it
    (
        MAYOR + "Ms Sandvik said that “the ferry will run again” once the ice has gone.",
        ("that “the ferry will run again” once the ice has gone", "Greta Sandvik"),
    ),
    # what a speech verb was about
    (MAYOR + "Ms Sandvik complained about the noise from the quarry.", ("the noise from the quarry", "Greta Sandvik")),
    (
        MAYOR + "Ms Sandvik warned against a second toll on the bridge.",
        ("a second toll on the bridge", "Greta Sandvik"),
    ),
    # "it" speaking for an organisation or a document
    (
        "The Orrhavn Fishing Council met on Monday. It says the quotas were set too low.",
        ("the quotas were set too low", "Orrhavn Fishing Council"),
    ),
    # a judgement of a person, in words
    (
        MAYOR + "Ms Sandvik accused Tomas Brenner of hiding the budget.",
        ("Tomas Brenner of hiding the budget", "Greta Sandvik"),
    ),
    # the lemmatizer's slip ("hoping" -> "hop") does not hide a cue
    (MAYOR + "Ms Sandvik is hoping the bridge will open in May.", ("the bridge will open in May", "Greta Sandvik")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_reported_broader_cues(analyse: Analyse, text: str, expected: tuple[str, str]) -> None:
    assert expected in _indirect(analyse(text))


NOT_FOUND = [
    "Greta Sandvik writes about food and gardens for the Orrhavn Post.",  # a writer's beat, not what was said
    "Greta Sandvik spoke on condition of anonymity.",  # "on" is no topic
    "The council supported Tomas Brenner in the vote.",  # backing a person is no speech
    "It seems that the ferry will run again.",  # "it" with no source behind it
    "It was announced on Monday.",  # a passive "it"
    "Greta Sandvik rejected the report on Monday.",  # the content of "rejected" is a thing
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_reported_broader_cues_negatives(analyse: Analyse, text: str) -> None:
    assert _indirect(analyse(text)) == set()
