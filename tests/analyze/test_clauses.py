"""Clauses: whether a verb reports what happened, and a short sentence saying it."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk.analyze.clauses import clause_subject, modality, noun_phrase, past_tense, summary


def _verb(pipeline: Any, sentence: str, word: str) -> Any:
    return next(t for t in pipeline.nlp(sentence) if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("The army shelled the town.", "shelled", None),
        ("The army did not shell the town.", "shell", "negated"),
        ("The army never shelled the town.", "shelled", "negated"),
        ("The army could shell the town.", "shell", "hypothetical"),
        ("If talks fail, the union will strike.", "strike", "hypothetical"),
        ("If talks fail, the union will strike.", "fail", "hypothetical"),
        ("Will the union strike?", "strike", "hypothetical"),
        ("The army reportedly shelled the town.", "shelled", "rumour"),
        ("The army allegedly shelled the town.", "shelled", "rumour"),
        ("The rebels are said to have attacked the convoy.", "attacked", "rumour"),
        ("Officials denied that troops fired on protesters.", "fired", "rumour"),
        ("Police said the driver was arrested.", "arrested", None),  # reported, not rumoured
        ("Velmora demanded that Norland withdraw its troops.", "withdraw", "hypothetical"),  # wanted, not done
        ("The union will strike on Monday.", "strike", None),  # announced, not hypothetical
    ],
)
def test_clauses_modality(pipeline: Any, sentence: str, verb: str, expected: str | None) -> None:
    assert modality(_verb(pipeline, sentence, verb)) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Rail workers went on strike over pay on Tuesday.", "went", "Rail workers went on strike over pay"),
        (
            "Okafor called on Norland and Ostmark to resolve their differences.",
            "called",
            "Okafor called on Norland and Ostmark to resolve their differences",
        ),
        ("The union, which represents 12,000 drivers, rejected a 4% pay offer.", "rejected",
         "The union rejected a 4% pay offer"),
        ("The union has not called off the strike.", "called", "The union has not called off the strike"),
        ("At least seven people were killed and dozens were injured.", "injured", "Dozens were injured"),
        ("The strike cost the operator €180 million, a figure the ministry disputed.", "disputed",
         "The ministry disputed a figure"),
        ("LISBON, March 5 -- Thousands of rail workers went on strike.", "went",
         "Thousands of rail workers went on strike"),
        ("Kessel's trams stood idle for a second day on Wednesday as the strike went on.", "stood",
         "Kessel's trams stood idle"),  # the state the verb reports is kept
        ("Police arrived quickly at the scene.", "arrived", "Police arrived at the scene"),  # a manner is not
        # a clause the parse read as "as" + a name or number is left out; "as" + a role stays
        ("Three drivers crashed out as Kessel Grand Prix riddled by red flags", "crashed", "Three drivers crashed out"),
        ("Driver arrested as seven killed in tram crash", "arrested", "Driver arrested"),
        ("She worked as a nurse in Kessel.", "worked", "She worked as a nurse"),
    ],
)  # fmt: skip
def test_clauses_summary(pipeline: Any, sentence: str, verb: str, expected: str) -> None:
    doc = pipeline.nlp(sentence)
    token = next(t for t in doc if t.text == verb)
    dates = {t.i for t in doc if t.ent_type_ == "DATE"}
    assert summary(token, skip=lambda t: t.i in dates) == expected


def test_clauses_summary_names_and_drops_asides(pipeline: Any) -> None:
    doc = pipeline.nlp(
        "The minister, who had spent the whole night in talks with union leaders from three provinces, finally "
        "accepted a proposal drafted by the mediators from the regional council of the northern districts."
    )
    verb = next(t for t in doc if t.text == "accepted")
    told = summary(verb, name_of=lambda t: "Ana Ribeiro" if t.text == "minister" else None, max_words=12)
    assert told == "Ana Ribeiro accepted a proposal"  # no relative clause, aside or participle phrase


def test_clauses_summary_needs_a_subject(pipeline: Any) -> None:
    verb = next(t for t in pipeline.nlp("Halting most trains across the country.") if t.text == "Halting")
    assert summary(verb) is None


def test_clauses_subject_through_conjunction_and_agent(pipeline: Any) -> None:
    doc = pipeline.nlp("The depot was bombed by the rebels and the leaders met and pledged to work together.")
    bombed = next(t for t in doc if t.text == "bombed")
    pledged = next(t for t in doc if t.text == "pledged")
    assert clause_subject(bombed, doer=True).text == "rebels"
    assert clause_subject(bombed).text == "depot"
    assert clause_subject(pledged).text == "leaders"


@pytest.mark.parametrize(
    ("lemma", "past"),
    [("reject", "rejected"), ("strike", "struck"), ("ban", "banned"), ("carry", "carried"), ("agree", "agreed"),
     ("say", "said"), ("visit", "visited")],
)  # fmt: skip
def test_clauses_past_tense(lemma: str, past: str) -> None:
    assert past_tense(lemma) == past


def test_clauses_modality_of_a_question_told_by_the_caller(pipeline: Any) -> None:
    import numpy as np

    verb = _verb(pipeline, "The army shelled the town.", "shelled")
    assert modality(verb) is None
    asked = np.ones(len(verb.doc), dtype=bool)  # the caller says the sentence is a question
    assert modality(verb, asked=asked) == "hypothetical"
    assert modality(verb) is None


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        (  # a trim that would cut a hyphenated word in two drops its tail too
            "The potentially title-deciding Kessel Formula One Grand Prix was halted on Sunday.",
            "Prix",
            "Kessel Formula One Grand Prix",
        ),
        ("The long-awaited report on the Kessel ferry fire was published.", "report", "The long-awaited report"),
    ],
)
def test_clauses_noun_phrase_keeps_words_whole(pipeline: Any, sentence: str, word: str, expected: str) -> None:
    head = next(t for t in pipeline.nlp(sentence) if t.text == word)
    assert noun_phrase(head, max_words=6) == expected
