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
    # a noun of saying with a clause of its own: its possessor, its "by" phrase, or its verb's subject speaks
    (
        MAYOR + "The council doubted Ms Sandvik’s claim that the quarry was closed.",
        ("the quarry was closed", "Greta Sandvik"),
    ),
    (
        MAYOR + "Ms Sandvik has expressed concern that the ferry is too small.",
        ("the ferry is too small", "Greta Sandvik"),
    ),
    # a passive cue's "by" phrase is the source, its subject what was said
    (
        "The harbour plan has been endorsed by the Orrhavn Fishing Council.",
        ("The harbour plan", "Orrhavn Fishing Council"),
    ),
    # "more likely to say": the subject of the verb the adjective completes
    (
        "Orrhavn voters are more likely to say that the ferry is too slow.",
        ("the ferry is too slow", "Orrhavn voters"),
    ),
    # what someone wants or offers
    (MAYOR + "Ms Sandvik wants a second bridge for the island.", ("a second bridge for the island", "Greta Sandvik")),
    (MAYOR + "She offered no proof of the fraud.", ("no proof of the fraud", "Greta Sandvik")),
    # cues of reported speech only: what someone expressed, echoed, pointed to, saw as, pressed or settled on
    (MAYOR + "Ms Sandvik expressed support for the new harbour.", ("support for the new harbour", "Greta Sandvik")),
    (
        MAYOR + "Ms Sandvik echoed the fishermen's worries about the quarry.",
        ("the fishermen's worries about the quarry", "Greta Sandvik"),
    ),
    (MAYOR + "Ms Sandvik pointed to the rising cost of fuel.", ("the rising cost of fuel", "Greta Sandvik")),
    (
        MAYOR + "Ms Sandvik sees the bridge as a lifeline for the island.",
        ("the bridge as a lifeline for the island", "Greta Sandvik"),
    ),
    (MAYOR + "She encouraged the council to buy a second ferry.", ("to buy a second ferry", "Greta Sandvik")),
    (
        MAYOR + "Ms Sandvik decided to close the old ferry terminal.",
        ("to close the old ferry terminal", "Greta Sandvik"),
    ),
    # an "as" clause with a speech cue vouches for the clause it hangs on
    (
        "As the Orrhavn Post noted, the ferry company raised its fares twice last year.",
        ("the ferry company raised its fares twice last year", "Orrhavn Post"),
    ),
    (
        MAYOR + "The ferry company raised its fares twice, as Ms Sandvik pointed out on Monday.",
        ("The ferry company raised its fares twice", "Greta Sandvik"),
    ),
    # a stance on a thing is a position taken in words
    (MAYOR + "Ms Sandvik backed the toll increase.", ("the toll increase", "Greta Sandvik")),
    (MAYOR + "Ms Sandvik opposed the merger of the two schools.", ("the merger of the two schools", "Greta Sandvik")),
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
    "The claim that the quarry was closed spread fast.",  # a noun of saying with no one behind it
    "Greta Sandvik’s plan to build a bridge was costly.",  # a plan is an act, not something said
    "The claim that Greta Sandvik made was false.",  # a relative clause is not the claim's content
    "The bridge was built by the Orrhavn council.",  # a passive that is no cue
    "Greta Sandvik wants it.",  # a bare pronoun says nothing
    "The Orrhavn Ferry Company is offering cheaper tickets this winter.",  # a firm's goods are no position
    "Greta Sandvik is planning a move to the mainland.",  # a plan is an act, not something said
    "The Orrhavn Post has not been able to confirm the name of the buyer.",  # an ability is no act of saying
    "Greta Sandvik saw the ferry leave.",  # a thing seen, not a proposition
    "Greta Sandvik pushed the cart up the hill.",  # a stance verb in its bodily sense
    "Greta Sandvik saw the old lighthouse from the ferry.",
    "As Greta Sandvik left the harbour, the ferry company raised its fares.",  # an "as" of time
    "The fares rose, as the council expected.",  # an expectation is no report
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_reported_broader_cues_negatives(analyse: Analyse, text: str) -> None:
    assert _indirect(analyse(text)) == set()
