"""Dates: (text, expected) tables of time expressions resolved against a publication date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsdesk import Pipeline
from newsdesk.analyze.dates import read_dates
from newsdesk.analyze.timex import find_timexes

# Friday 22 November 2019
FRIDAY = date(2019, 11, 22)


def values(pipeline: Pipeline, text: str, published: date | None = FRIDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in read_dates(text, published, pipeline.nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister spoke on Thursday.", [("Thursday", "2019-11-21")]),
        ("The minister spoke on Friday.", [("Friday", "2019-11-22")]),  # publication day itself
        ("The minister will speak on Thursday.", [("Thursday", "2019-11-28")]),  # future tense
        ("Talks resume on Monday.", [("Monday", "2019-11-25")]),  # present tense: a scheduled event
        ("The pact expires at midnight Friday.", [("midnight Friday", "2019-11-22T00:00")]),
        ("The markets stay closed until Tuesday.", [("Tuesday", "2019-11-26")]),
        ("Officials met last Friday.", [("last Friday", "2019-11-15")]),
        ("The vote is next week.", [("next week", "2019-W48")]),
        ("Prices rose this week.", [("this week", "2019-W47")]),
        ("Sales fell last month.", [("last month", "2019-10")]),
        ("A deal is due by the end of the year.", [("the end of the year", "2019")]),
        ("The treaty was signed in 2015.", [("2015", "2015")]),
        ("The strike began on November 21, 2019.", [("November 21, 2019", "2019-11-21")]),
        ("The strike began on 3 March.", [("3 March", "2019-03-03")]),
        ("The court sat on Dec. 2.", [("Dec. 2", "2018-12-02")]),  # past tense, later in the year: last year's
        ("The court will sit on Jan. 15.", [("Jan. 15", "2020-01-15")]),  # future tense, early in the year: next year's
        ("Exports fell in October.", [("October", "2019-10")]),
        ("The plant opened in March 2008.", [("March 2008", "2008-03")]),
        ("Yesterday the union voted.", [("Yesterday", "2019-11-21")]),
        ("The port reopens tomorrow.", [("tomorrow", "2019-11-23")]),
        ("He resigned three days ago.", [("three days ago", "2019-11-19")]),
        ("Profits rose in the third quarter of 2018.", [("the third quarter of 2018", "2018-Q3")]),
        ("Cars of the 1990s were boxy.", [("1990s", "199X")]),
        ("The file is dated 2019-11-02.", [("2019-11-02", "2019-11-02")]),
        ("The plane landed at 18:00 UTC on Tuesday.", [("18:00 UTC", "2019-11-19T18:00"), ("Tuesday", "2019-11-19")]),
    ],
)
def test_dates_resolved_against_publication(pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(pipeline, text) == expected


def test_dates_the_next_day_counts_from_the_event_just_mentioned(pipeline: Pipeline) -> None:
    text = "The allies postponed the drills on Sunday. The next day, Pyongyang dismissed the move."
    refs = read_dates(text, FRIDAY, pipeline.nlp(text))
    assert [(d.text, d.value, d.relative_to) for d in refs] == [
        ("Sunday", "2019-11-17", "published"),
        ("The next day", "2019-11-18", "Sunday"),
    ]


def test_dates_without_publication_date_stay_relative(pipeline: Pipeline) -> None:
    text = "Talks began on Thursday and end on November 30. The deal dates from 2015."
    refs = read_dates(text, None, pipeline.nlp(text))
    assert [(d.text, d.value, d.resolved) for d in refs] == [
        ("Thursday", None, False),
        ("November 30", "--11-30", False),
        ("2015", "2015", True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It may rain, officials said.",  # the modal verb, not the month
        "The airline flies 2000 passengers a day.",  # a count, not a year
        "He bought a Boeing 787 last year for $200 million.".replace(" last year", ""),
        "The index rose 16.03 points.",  # not a clock time
        "The now-cancelled deal was costly.",
        "",
    ],
)
def test_dates_nothing_found(pipeline: Pipeline, text: str) -> None:
    assert values(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("on Nov. 22, 2019 and 21 November", ["month_day", "day_month"]),
        ("in mid-2011, later this year", ["year", "rel_unit"]),
        ("7/8/07 and 2019-11-21", ["numeric", "iso"]),
        ("ending the day at 8,017", ["the_day"]),
    ],
)
def test_dates_grammar_kinds(text: str, kinds: list[str]) -> None:
    assert [t.kind for t in find_timexes(text)] == kinds


def test_dates_stage_uses_the_article_publication_date(analyse: Any) -> None:
    article = analyse("The union voted on Thursday.", published="2019-11-22")
    assert [(d.text, d.value, d.resolved) for d in article.dates] == [("Thursday", "2019-11-21", True)]
