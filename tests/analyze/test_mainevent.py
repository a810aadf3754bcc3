"""The main event: who did what, when, where, why and how, from the headline and the lead."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk.analyze.headline import parse_head, sentence_case, title_span
from newsdesk.model import Article, MainEvent

FERRY = (
    "Velmora ferry crew strike over unpaid wages\n\n"
    "Crews of the Velmora Ferry Company went on strike on Monday after the company failed to pay two months "
    "of wages, stranding about 2,000 passengers in Port Alden. The strike was called by the Seafarers' Union "
    "because wages for September and October had not been paid."
)
SUMMIT = (
    "Norland and Ostmark agree to hold talks in Geneva\n\n"
    "GENEVA -- Foreign Minister Lena Okafor of Norland and her Ostmark counterpart Piet Varga agreed on Tuesday "
    "to hold talks on their border dispute in Geneva next month."
)
CRASH = (
    "Three hurt as bus overturns near Kessel\n\n"
    "Three passengers were injured near Kessel on Friday evening when the bus skidded and overturned."
)
RALLY = (
    "Singer Mara Quill Protests Outside City Hall\n\n"
    "Mara Quill protested outside Kessel City Hall on Saturday against the closure of the old opera house."
)


def _main(analyse: Any, text: str, published: str = "2024-03-06") -> tuple[Article, MainEvent]:
    title = text.split("\n\n")[0]
    article = analyse(text, published=published, title=title)
    assert article.main_event is not None
    return article, article.main_event


def _text(phrase: Any) -> str | None:
    return None if phrase is None else phrase.text


def test_mainevent_headline_clause(analyse: Any) -> None:
    article, main = _main(analyse, FERRY)
    assert _text(main.who) == "Velmora ferry crew"
    assert _text(main.what) == "strike"
    assert _text(main.why) == "unpaid wages"
    assert main.when is not None and main.when.text == "Monday" and main.when.value == "2024-03-04"
    assert _text(main.where) == "Port Alden"
    assert main.cameo == "143" and main.category == "protest"
    assert main.sentence == title_span(article)
    for phrase in (main.who, main.what, main.when, main.where, main.why):
        assert phrase is not None and phrase.start is not None and phrase.end is not None
        assert article.text[phrase.start : phrase.end].strip()


def test_mainevent_names_the_actors_and_skips_the_dateline(analyse: Any) -> None:
    _, main = _main(analyse, SUMMIT)
    assert _text(main.who) == "Norland and Ostmark"
    assert _text(main.what) == "agree to hold talks"
    assert _text(main.where) == "Geneva"
    assert main.when is not None and main.when.value == "2024-03-05"
    assert main.cameo == "036"


def test_mainevent_nominal_headline_takes_the_lead(analyse: Any) -> None:
    _, main = _main(analyse, CRASH, published="2024-03-09")
    assert _text(main.who) == "Three passengers"
    assert main.when is not None and main.when.value == "2024-03-08"
    assert _text(main.where) == "Kessel"
    assert _text(main.how) == "skidded and overturned"
    assert main.summary == "Three passengers were injured near Kessel"
    assert main.cameo is None and main.category is None  # an accident is no political event


def test_mainevent_title_case_headline(analyse: Any) -> None:
    _, main = _main(analyse, RALLY, published="2024-03-10")
    assert _text(main.who) == "Mara Quill"
    assert main.what is not None and main.what.text is not None and main.what.text.startswith("Protests")
    assert _text(main.where) == "Kessel City Hall"
    assert main.when is not None and main.when.value == "2024-03-09"


def test_mainevent_publication_date_when_the_text_gives_none(analyse: Any) -> None:
    _, main = _main(analyse, "Port of Alden reopens\n\nThe port of Alden reopened to ships after repairs.")
    assert main.when is not None and main.when.text is None and main.when.value == "2024-03-06"
    assert main.date_source == "published"


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Velmora Alters Rules of 2 Ports", "The council said Velmora ports would change.",
         "Velmora alters rules of 2 ports"),
        ("'I BLAME VARGA' Okafor Speaks", "Lena Okafor said she blamed Varga.", "'I blame Varga' Okafor speaks"),
        ("NATO Reviews Plans", "The NATO council said it reviewed plans.", "NATO reviews plans"),
        ("Police arrest driver after crash", "The driver was arrested.", "Police arrest driver after crash"),
        ("", "", ""),
    ],
)  # fmt: skip
def test_mainevent_sentence_case(title: str, body: str, expected: str) -> None:
    out = sentence_case(title, body)
    assert out == expected and len(out) == len(title)


def test_mainevent_no_title_in_text(analyse: Any, pipeline: Any) -> None:
    article = analyse("The council approved the budget on Monday.", published="2024-03-06", title="Budget passes")
    assert title_span(article) is None and parse_head(pipeline.nlp, article) is None
    assert article.main_event is not None and _text(article.main_event.who) == "The council"


def test_mainevent_none_without_a_clause(analyse: Any) -> None:
    assert analyse("Weather: sunny.", published="2024-03-06").main_event is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (  # the country of the headline yields to the town the lead names
            "Floods hit Portugal\n\nHeavy rain flooded the old centre of Coimbra on Monday, and the river rose.",
            "Coimbra",
        ),
        (  # a dateline is where the reporter is, not a finer place of the event
            "Floods hit Portugal\n\nCOIMBRA -- Heavy rain flooded farms across Portugal on Monday.",
            "Portugal",
        ),
        (  # a town is kept: nothing finer to look for
            "Storm hits Porto\n\nA storm flooded streets in Porto on Monday.",
            "Porto",
        ),
        (  # a venue's name after "at", with the adjective the headline gives it
            "Okafor wins at rainy Kessel Grand Prix\n\nLena Okafor won the race after a late crash.",
            "rainy Kessel Grand Prix",
        ),
        (  # a named building after "outside", however the model labelled its name
            "Singer stages protest outside Kessel Towers\n\nMara Quill staged a protest outside Kessel Towers "
            "after the vote.",
            "Kessel Towers",
        ),
        (  # the lead's clause wins, and the headline still names the place
            "Spain Grand Prix: race red-flagged after dramatic crash\n\n"
            "The rain-soaked Spanish Formula One Grand Prix was halted after 20 laps on Sunday following a crash.",
            "Spain",
        ),
    ],
)
def test_mainevent_where_names_the_town_not_the_country(analyse: Any, text: str, where: str) -> None:
    _, main = _main(analyse, text)
    assert _text(main.where) == where


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # a list of three names is who, however the parser hangs its second name
            "Reis, Varga and Okafor quit Kessel council\n\n"
            "Ana Reis, Piet Varga and Lena Okafor resigned from the Kessel council on Monday.",
            ["Reis", "Varga", "Okafor"],
        ),
        (  # negative: an apposition that is no list stays out
            "Lena Okafor, the mayor, quits Kessel council\n\nLena Okafor resigned from the council on Monday.",
            ["Okafor"],
        ),
    ],
)
def test_mainevent_who_lists_every_actor(analyse: Any, text: str, names: list[str]) -> None:
    _, main = _main(analyse, text)
    who = _text(main.who) or ""
    assert [n for n in ("Reis", "Varga", "Okafor", "mayor") if n in who] == names


@pytest.mark.parametrize(
    ("text", "who", "what"),
    [
        (  # a headline's relative clause: the one the pronoun stands for acted; a quote the phrase cuts is dropped
            "Mystery of the Velmoran boy who 'fell down a deep well' after massive rescue operation\n\n"
            "Some 80 diggers have been sent to the village to save the boy after his family said he had fallen "
            "into a well last week.",
            "the Velmoran boy",
            "fell down a deep well",
        ),
        (  # the lead's subject the parse hung on the headline is still its subject: the fans act
            "Velmocola bottle shape change sparks anger among fans\n\n"
            "Fans of the famous Velmocola bottle have hit out at the company's decision to change its shape.",
            "Fans of the famous Velmocola bottle",
            "sparks anger among fans",
        ),
        (  # a noun standing as an adverb is a time only when it names one: "a mile" stays in what
            "Hikers walked a mile in the rain\n\nThree hikers walked a mile in heavy rain near Kessel on Monday.",
            "Three hikers",
            "walked a mile in the rain",
        ),
    ],
)
def test_mainevent_headline_clause_read_whole(analyse: Any, text: str, who: str, what: str) -> None:
    _, main = _main(analyse, text)
    assert (_text(main.who), _text(main.what)) == (who, what)


@pytest.mark.parametrize(
    ("text", "w", "expected"),
    [
        (  # an organisation's statement the lead gives to the person who made it for the organisation
            "Interpol announces end of Kessel inquiry\n\n"
            "Interpol chief Ana Lind said on Sunday that the inquiry into the Kessel port had ended.",
            "who",
            "Ana Lind",
        ),
        (  # negative: an act of the organisation stays the organisation's, whoever speaks of it
            "Interpol arrests Kessel port boss\n\n"
            "Interpol chief Ana Lind said on Sunday that officers had arrested the head of the Kessel port.",
            "who",
            "Interpol",
        ),
        (  # "for the first time" answers when, not what
            "Kessel Rovers win cup for first time in 50 years\n\n"
            "Kessel Rovers won the cup on Saturday for the first time in 50 years.",
            "what",
            "win cup",
        ),
        (  # a headline verb the parse read as a noun keeps its object, less the place
            "Ana Lind stages protest outside Kessel Tower after Velmora vote\n\n"
            "The singer Ana Lind staged a protest outside Kessel Tower after the vote in Velmora.",
            "what",
            "stages protest",
        ),
    ],
)
def test_mainevent_answers(analyse: Any, text: str, w: str, expected: str) -> None:
    _, main = _main(analyse, text)
    assert _text(getattr(main, w)) == expected


def test_mainevent_summary_names_who_a_relative_pronoun_stands_for(analyse: Any) -> None:
    _, main = _main(
        analyse,
        "Mystery of the Velmoran boy who 'fell down a deep well' after massive rescue operation\n\n"
        "Some 80 diggers have been sent to the village to save the boy after his family said he had fallen "
        "into a well last week.",
    )
    assert main.summary is not None and main.summary.startswith("The Velmoran boy fell")
