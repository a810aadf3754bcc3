"""Events: who did what to whom and when, CAMEO-coded and summarised, each citing its sentence."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk.analyze.events import find_events
from newsdesk.model import Event, Quote


def brief(e: Event) -> tuple[Any, ...]:
    return (e.actor, e.action, e.cameo, e.category, e.target, e.date, e.date_source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ana Ribeiro called on Rui Costa to end the strike on Thursday.",
            [("Ana Ribeiro", "call", "025", "appeal", "Rui Costa", "2019-11-21", "text")],
        ),
        (
            "The Lisbon union rejected the offer.",
            [("The Lisbon union", "reject", "124", "reject", "the offer", "2019-11-22", "published")],
        ),
        (
            "Portugal and Spain postponed the drills on Sunday.",
            [("Portugal and Spain", "postpone", "160", "reduce relations", "the drills", "2019-11-17", "text")],
        ),
        (
            "Officials met Ana Ribeiro in Porto.",
            [("Officials", "meet", "040", "consult", "Ana Ribeiro", "2019-11-22", "published")],
        ),
        (
            "Police arrested the driver on Wednesday.",
            [("Police", "arrest", "173", "coerce", "the driver", "2019-11-20", "text")],
        ),
    ],
)
def test_events_actor_action_code_target_date(analyse: Any, text: str, expected: list[tuple[Any, ...]]) -> None:
    article = analyse(text, published="2019-11-22")
    assert [brief(e) for e in article.events] == expected
    for e in article.events:
        assert article.text[e.sentence[0] : e.sentence[1]].strip()
        assert e.cameo_label and e.summary


@pytest.mark.parametrize(
    "text",
    [
        "He declined to confirm the figure.",  # no named actor, and a refusal to speak is no event here
        "Ana Ribeiro did not reject the offer.",  # what did not happen
        "The rebels could attack the capital.",  # what might happen
        "The army reportedly shelled the town.",  # a rumour is no event of the army
        "The report was based on a transcript provided by the ministry.",  # a participle describing a noun
        "Oil prices dropped sharply.",  # no actor: prices do not act
        "The sea was calm.",
    ],
)
def test_events_nothing_to_report(analyse: Any, text: str) -> None:
    assert analyse(text, published="2019-11-22").events == ()


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Rail workers went on strike over pay on Tuesday.", "Rail workers went on strike over pay"),
        (
            "Foreign Minister Lena Okafor called on Norland and Ostmark to resolve their differences.",
            "Lena Okafor called on Norland and Ostmark to resolve their differences",
        ),
        ("The union rejected a 4% pay offer.", "The union rejected a 4% pay offer"),
        ("The army has not withdrawn its troops, but the rebels attacked the base.", "The rebels attacked the base"),
    ],
)
def test_events_summary_is_a_short_clause(analyse: Any, text: str, summary: str) -> None:
    article = analyse(text, published="2019-11-22")
    assert [e.summary for e in article.events] == [summary]


def test_events_quotes_are_statements(analyse: Any, pipeline: Any) -> None:
    text = '"We will not move," Ana Ribeiro said on Monday.'
    article = analyse(text, published="2019-11-22")
    quote = Quote(
        text="We will not move,", start=1, end=18, kind="direct", speaker="Ana Ribeiro", cue="said", cue_span=(32, 36)
    )
    with_quote = find_events(article.copy_with(quotes=(quote,)), pipeline.nlp(text))
    statements = [e for e in with_quote.events if e.cameo == "010"]
    assert [(e.actor, e.action, e.date, e.category, e.summary) for e in statements] == [
        ("Ana Ribeiro", "say", "2019-11-18", "make public statement", "Ana Ribeiro said: “We will not move”")
    ]


def test_events_fill_the_main_event(analyse: Any) -> None:
    text = (
        "Dock workers strike in Velmora over pay cuts\n\n"
        "Hundreds of dock workers in Velmora walked out on Monday after the port authority cut their wages."
    )
    article = analyse(text, published="2019-11-22", title="Dock workers strike in Velmora over pay cuts")
    main = article.main_event
    assert main is not None
    assert main.who is not None and main.who.text == "Dock workers"
    assert main.what is not None and main.what.text == "strike"
    assert main.cameo == "143" and main.category == "protest"
    assert main.summary and main.summary.startswith("Dock workers strike")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Ferry crews walk out in Velhamar", "Ferry crews in Velhamar walked out on Monday over pay, the union said."),
        (None, "Mara Quill met the harbour board on Tuesday. She did not sign the deal."),
        (None, "The sea was calm."),  # no event; the main event is what the text says
    ],
)
def test_events_extract_events_is_the_stage_over_the_parse(
    pipeline: Any, analyse: Any, title: str | None, body: str
) -> None:
    from newsdesk.analyze.events import extract_events
    from newsdesk.analyze.nlp import parse

    text = f"{title}\n\n{body}" if title else body
    article = analyse(text, title=title, published="2024-03-06")
    (doc,) = parse(pipeline.nlp, [text], max_chars=10**6)
    events, main = extract_events(
        doc,
        title=title,
        published="2024-03-06",
        entities=article.entities,
        dates=article.dates,
        quotes=article.quotes,
        nlp=pipeline.nlp,
    )
    assert (events, main) == (article.events, article.main_event)
    if body == "The sea was calm.":
        assert events == () and main is not None and main.cameo is None


def test_events_entity_finder_answers_as_the_model() -> None:
    from newsdesk.analyze.view import entity_finder
    from newsdesk.model import Article, Entity

    text = "Mara Quill of the Velhamar Ferry Union met Quill's lawyer in Velhamar."
    entities = (
        Entity("Velhamar Ferry Union", "ORG", ((18, 38),)),
        Entity("Mara Quill", "PERSON", ((0, 10), (43, 48))),
        Entity("Velhamar", "GPE", ((18, 26), (59, 67))),  # nested in the union's name: the union comes first
    )
    article = Article(id="x", source="x", text=text, entities=entities)
    find = entity_finder(article)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 12) + 1):
            assert find(start, end) == article.entity_at(start, end), (start, end)
    assert find(60, 61) == entities[2] and find(19, 20) == entities[0] and find(11, 13) is None


@pytest.mark.parametrize(
    "text",
    [
        "The union called a strike, attacked the plan and met the minister. Workers protested and marched home.",
        "Nothing was said. The sea was calm and the boats stayed in port.",  # no coded verb
        "",
    ],
)
def test_events_coded_verbs_as_a_token_scan(pipeline: Any, text: str) -> None:
    from newsdesk.analyze.cameo import load_lexicon
    from newsdesk.analyze.events import _coded_verbs

    lexicon = load_lexicon()
    doc = pipeline.nlp(text)
    scanned = [t.i for t in doc if t.pos_ == "VERB" and t.lemma_ in set(lexicon.patterns) | _governing()]
    assert [t.i for t in _coded_verbs(doc, lexicon)] == scanned
    assert scanned or "strike" not in text


def _governing() -> set[str]:
    from newsdesk.analyze.cameo import _GOVERNING

    return set(_GOVERNING)
