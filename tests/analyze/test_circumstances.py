"""Why and how of the main event: the cause and the manner as the article states them."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from newsdesk.analyze.circumstances import _name_start, _rest_of_title


def _why(analyse: Any, text: str) -> str | None:
    article = analyse(text, published="2024-03-06", title=text.split("\n\n")[0])
    main = article.main_event
    assert main is not None
    return None if main.why is None else main.why.text


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (  # "blame X on Y": Y is the cause
            "Mayor blames flood damage on broken drains\n\n"
            "Mayor Ana Reis blamed the flood damage in Kessel on broken drains.",
            "broken drains",
        ),
        (  # the headline blames someone: the lead's cause, a thing, is the answer
            "Okafor blames defeat on Varga\n\n"
            "Lena Okafor blamed her defeat in the council vote on interventions by the mayor's office.",
            "interventions by the mayor's office",
        ),
        (  # "blame Y for X": Y, with the aim it names
            "Okafor blames Varga for defeat\n\n"
            "Lena Okafor has blamed the council's decision to close the ferry line for her defeat on Sunday.",
            "the council's decision to close the ferry line",
        ),
        (  # "criticised … for" + gerund, a sentence after the lead
            "Okafor attacks council\n\n"
            "Lena Okafor spoke in Kessel on Monday. She criticised the council for closing the old library.",
            "closing the old library",
        ),
        (  # a passive "was blamed on"
            "New timetable upsets commuters\n\n"
            "Commuters in Port Alden were angry on Monday. The delays were blamed on a shortage of drivers.",
            "a shortage of drivers",
        ),
        (  # a motive that qualifies the act
            "Ferry sunk in revenge attack\n\nA ferry was sunk off Port Alden on Monday.",
            "revenge attack",
        ),
        (  # a strong cause marker in the fifth sentence of the body
            "Velmora ferries stop\n\n"
            "No ferry left Port Alden on Monday. Passengers waited. Some went home. Shops closed early. "
            "The company said the ferries stopped because of a fuel shortage.",
            "a fuel shortage",
        ),
        (  # negative: blaming a person names who is blamed, not why
            "Okafor blames Varga for defeat\n\nLena Okafor blamed Piet Varga for her defeat.",
            None,
        ),
        (  # negative: revenge as a thing taken is no motive of the act
            "Singer takes revenge on critics\n\nMara Quill released a new song on Monday.",
            None,
        ),
        (  # a headline's cause runs on to the next break, however its parse split it
            "Three killed as ferry sinks after 'overloading' in rough seas\n\n"
            "Three people died when a ferry sank off Kessel on Monday.",
            "'overloading' in rough seas",
        ),
        (  # a one-word cause is the whole of the headline's phrase
            "Mayor quits over expenses\n\nThe mayor of Kessel resigned on Monday over his expenses.",
            "expenses",
        ),
    ],
)
def test_circumstances_why(analyse: Any, text: str, why: str | None) -> None:
    assert _why(analyse, text) == why


def _how(analyse: Any, text: str) -> str | None:
    article = analyse(text, published="2024-03-06", title=text.split("\n\n")[0])
    main = article.main_event
    assert main is not None
    return None if main.how is None else main.how.text


@pytest.mark.parametrize(
    ("text", "how"),
    [
        (  # a manner adverb of the event's verb, with the act it qualifies
            "Ferry narrowly avoids collision with tanker\n\nThe Velmora ferry passed the tanker at Port Alden.",
            "narrowly avoids collision",
        ),
        (  # "despite …" in a clause the event's verb governs
            "Driver keeps calm in Kessel rally\n\n"
            "Rally driver Ana Reis kept calm as she managed to finish the race despite losing a wheel in the rain.",
            "despite losing a wheel in the rain",
        ),
        (  # the headline only states a condition: the lead's act
            "Kessel bridge gets wider\n\nEngineers widened the old bridge over the river in Kessel.",
            "widened",
        ),
        (  # the act as a "when" clause tells it
            "Three hurt as bus overturns near Kessel\n\n"
            "Three passengers were injured near Kessel on Friday evening when the bus skidded and overturned.",
            "skidded and overturned",
        ),
        (  # a harm and the act after "as" that caused it
            "Two hurt in Kessel tram crash\n\nTwo passengers were hurt in Kessel on Monday as the tram left the rails.",
            "left the rails",
        ),
        (  # the headline's act after its harm, when the lead tells none (the body uses "capsized" as a verb)
            "Four dead after ferry capsizes off Port Alden\n\n"
            "Four passengers died near Port Alden on Tuesday. The ferry capsized in a storm, the coastguard said.",
            "capsizes",
        ),
        (  # the weapon of an attack, as the first sentences name it
            "Gunmen attack Velmora embassy\n\n"
            "Gunmen attacked the Velmora embassy in Kessel on Monday. "
            "A van packed with explosives was driven into the gate.",
            "packed with explosives",
        ),
        (
            "Two guards hurt in museum attack\n\n"
            "Two guards were hurt in an attack at the Kessel museum on Sunday. "
            "The attacker was armed with a knife, police said.",
            "armed with a knife",
        ),
        (  # negative: "as" with no harm is a time or a cause, not how
            "Council approves budget as protesters gather outside\n\n"
            "The Kessel council approved the budget on Monday as protesters gathered outside the hall.",
            "approves",
        ),
        (  # negative: the headline's "as" follows no harm
            "Driver arrested as two hurt in Kessel\n\nA driver was arrested in Kessel on Monday. Two people were hurt.",
            "arrested",
        ),
        (  # negative: a knife where nothing tells of an attack
            "Man arrested at Kessel station\n\n"
            "Police arrested a man at Kessel station on Monday. The man was armed with a knife, police said.",
            "arrested",
        ),
        (  # negative: "with" a thing that is no weapon
            "Mayor opens bridge\n\n"
            "Mayor Ana Reis opened the new bridge in Kessel on Monday. The bridge was built with steel from Ostmark.",
            "opens",
        ),
        (  # negative: a bare adverb of the lead qualifies the lead's act, not the event's
            "Police identify crash victims\n\nPolice formally released the names of the three victims on Monday.",
            "identify",
        ),
        (  # negative: no manner phrase, no state: the event's own verb
            "Union rejects pay offer\n\nThe rail union rejected a 4% pay offer on Monday.",
            "rejects",
        ),
    ],
)
def test_circumstances_how(analyse: Any, text: str, how: str | None) -> None:
    assert _how(analyse, text) == how


@pytest.mark.parametrize(
    ("word", "n", "expected"),
    [
        ("Cleveland", 0, True),  # "the Cleveland Indians": a club, not a place
        ("Cleveland", 1, False),  # "Cleveland police": the place
        ("Kessel", 0, False),  # "in Kessel on Sunday"
    ],
)
def test_circumstances_place_that_begins_a_longer_name(pipeline: Any, word: str, n: int, expected: bool) -> None:
    doc = pipeline.nlp(
        "The Cleveland Indians called off the game in Kessel on Sunday, and Cleveland police closed the road."
    )
    tok = [t for t in doc if t.text == word][n]
    view = SimpleNamespace(doc=doc)
    assert _name_start(view, tok.idx, tok.idx + len(tok.text)) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Lind and Varga lead celebrations as Rovers end 50-year curse", "Rovers end 50-year curse"),  # no break
        ("Lind leads celebrations as Rovers win - and fans flood the streets", "Rovers win"),  # a spaced dash is
        ("Lind leads celebrations as champions", ""),  # one word is no phrase
    ],
)
def test_circumstances_rest_of_title_runs_to_the_next_break(pipeline: Any, title: str, expected: str) -> None:
    doc = pipeline.nlp(title)
    view = SimpleNamespace(title_tokens=lambda: list(doc))
    connective = next(t for t in doc if t.lower_ == "as")
    rest = _rest_of_title(view, connective)  # type: ignore[arg-type]
    assert (doc[rest[0].i : rest[-1].i + 1].text if rest else "") == expected
