"""Amounts: (text, expected) tables over hand-written sentences, with cases where nothing is a figure."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk import Pipeline
from newsdesk.analyze.amounts import read_amounts
from newsdesk.model import Amount


def amounts(pipeline: Pipeline, text: str) -> list[Amount]:
    return read_amounts(text, pipeline.nlp(text))


def brief(a: Amount) -> tuple[Any, ...]:
    return (a.text, a.value, a.unit, a.high, a.approximate)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oslo keeps 28,500 US troops in the north.", [("28,500", 28500, "troops", None, False)]),
        ("The ministry wants roughly $5bn from the fund.", [("$5bn", 5e9, "USD", None, True)]),
        ("Lisbon must boost its payment fivefold.", [("fivefold", 5, "times", None, False)]),
        ("Porto asked for a fivefold increase in fees.", [("fivefold", 5, "times", None, False)]),
        ("Fares rose 12% last year.", [("12%", 12, "%", None, False)]),
        ("Turnout fell 2.5 percentage points.", [("2.5 percentage points", 2.5, "percentage points", None, False)]),
        ("Union members want a rise of 15-20%.", [("15-20%", 15, "%", 20, False)]),
        (
            "The fund will give between €12 million and €20 million to the port.",
            [("€12 million and €20 million", 12e6, "EUR", 20e6, False)],
        ),
        ("The line cost 9.9 billion yuan to build.", [("9.9 billion yuan", 9.9e9, "CNY", None, False)]),
        ("The bank lent £3.2m to the club.", [("£3.2m", 3.2e6, "GBP", None, False)]),
        ("Shares worth A$ 40 million changed hands.", [("A$ 40 million", 40e6, "AUD", None, False)]),
        ("The deal is worth USD 7 billion.", [("USD 7 billion", 7e9, "USD", None, False)]),
        ("Three soldiers were killed near the border.", [("Three", 3, "soldiers", None, False)]),
        ("The ferry carried some 400 passengers.", [("400", 400, "passengers", None, True)]),
        ("Thousands of pages were copied.", [("Thousands", 1000, "pages", None, True)]),
        ("Prices rose half a percent in May.", [("half a percent", 0.5, "%", None, False)]),
        ("The index closed at -366.94 points.", [("-366.94", -366.94, "points", None, False)]),
        ("The cable runs 500km under the sea.", [("500km", 500, "km", None, False)]),
        ("The board will appoint six.", [("six", 6, None, None, False)]),
        ("A dozen ministers resigned.", [("A dozen", 12, "ministers", None, False)]),
    ],
)
def test_amounts_value_unit_range(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert [brief(a) for a in amounts(pipeline, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Talks between the two leaders resumed.",  # anaphoric: points back at people already named
        "Both sides agreed to meet again.",
        "One official said the plan was fair.",  # "one" is rarely a figure
        "The 2015 settlement was renounced within months.",  # a year
        "The strike began on November 21, 2019 at 18:00 UTC.",  # a date and a time
        "The airline ordered more Boeing 737 jets.",  # a number inside a name
        "Flight 200 landed safely in Jakarta.",
        "She has led the union for 33 years.",  # a duration is a time, for the dates stage
        "The company marked its 41-year history.",
        "He finished 5th in the race.",  # an ordinal
        "Version 10.4 of the software shipped.",
        "The Big Three carmakers asked for help.",  # a capitalised written number is a name
        "",
    ],
)
def test_amounts_nothing_worth_listing(pipeline: Pipeline, text: str) -> None:
    assert amounts(pipeline, text) == []


def test_amounts_counts_and_context(pipeline: Pipeline) -> None:
    (troops,) = amounts(pipeline, "The alliance keeps 28,500 US troops in the south.")
    assert (troops.counts, troops.context) == ("US troops", "The alliance")


def test_amounts_two_figures_joined_by_and_stay_two(pipeline: Pipeline) -> None:
    found = amounts(pipeline, "The carrier paid $4.6 billion and 9.9 billion yuan for the jets.")
    assert [(a.text, a.unit) for a in found] == [("$4.6 billion", "USD"), ("9.9 billion yuan", "CNY")]


def test_amounts_name_number_seen_once_is_a_name_everywhere(pipeline: Pipeline) -> None:
    text = "Skyjet flies the Boeing 787 to Lima. The 787 seats 290 people."
    assert [a.text for a in amounts(pipeline, text)] == ["290"]


def test_amounts_offsets_slice_to_the_figure(pipeline: Pipeline) -> None:
    text = "Officials said 1,200 homes and about €3m in crops were lost, a threefold rise."
    for a in amounts(pipeline, text):
        assert text[a.start : a.end] == a.text


def test_amounts_without_a_parse_lists_digits_only() -> None:
    assert [a.text for a in read_amounts("Three ships and 40 boats sailed.")] == ["40"]


def test_amounts_stage_fills_the_article(analyse: Any) -> None:
    article = analyse("The port handled 1,200 ships in March.")
    assert [a.value for a in article.amounts] == [1200]
