"""Events: who did what to whom and when, each citing its sentence; quotes are statements."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk.analyze.events import find_events
from newsdesk.model import Event, Quote


def brief(e: Event) -> tuple[Any, ...]:
    return (e.actor, e.action, e.category, e.target, e.date, e.date_source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ana Ribeiro called on Rui Costa to end the strike on Thursday.",
            [("Ana Ribeiro", "call", "appeal/demand", "Rui Costa", "2019-11-21", "text")],
        ),
        (
            "The Lisbon union rejected the offer.",
            [("The Lisbon union", "reject", "reject", "the offer", "2019-11-22", "published")],
        ),
        (
            "Portugal and Spain postponed the drills on Sunday.",
            [("Portugal", "postpone", "postpone/cancel", "the drills", "2019-11-17", "text")],
        ),
        (
            "Officials met Ana Ribeiro in Porto.",
            [("Officials", "meet", "consult/meet/visit", "Ana Ribeiro", "2019-11-22", "published")],
        ),
    ],
)
def test_events_actor_action_target_date(analyse: Any, text: str, expected: list[tuple[Any, ...]]) -> None:
    article = analyse(text, published="2019-11-22")
    assert [brief(e) for e in article.events] == expected
    for e in article.events:
        assert article.text[e.sentence[0] : e.sentence[1]].strip()


@pytest.mark.parametrize(
    "text",
    [
        "He declined to confirm the figure.",  # no named actor, and a refusal to speak is no event here
        "Ana Ribeiro did not reject the offer.",  # what did not happen
        "The report was based on a transcript provided by the ministry.",  # a participle describing a noun
        "The sea was calm.",
    ],
)
def test_events_nothing_to_report(analyse: Any, text: str) -> None:
    assert analyse(text, published="2019-11-22").events == ()


def test_events_quotes_are_statements(analyse: Any, pipeline: Any) -> None:
    text = '"We will not move," Ana Ribeiro said on Monday.'
    article = analyse(text, published="2019-11-22")
    quote = Quote(
        text="We will not move,", start=1, end=18, kind="direct", speaker="Ana Ribeiro", cue="said", cue_span=(32, 36)
    )
    with_quote = find_events(article.copy_with(quotes=(quote,)), pipeline.nlp(text))
    statements = [e for e in with_quote.events if e.category == "statement"]
    assert [(e.actor, e.action, e.date) for e in statements] == [("Ana Ribeiro", "say", "2019-11-18")]
