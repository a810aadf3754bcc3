"""The quote stage on hand-written news (fictional events): what is a quote, and who said it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk import Article, Quote
from newsdesk.analyze.quotes import inside_reported

Analyse = Callable[..., Article]

MINISTER = "Erik Halvorsen, the transport minister, arrived in Valmora on Tuesday. "

QUOTED = [
    # cue after the quote
    (
        "“We will reopen the port on Monday,” said Lena Moravec, the harbour commissioner.",
        {("direct", "We will reopen the port on Monday", "Lena Moravec")},
    ),
    # cue before, with a colon and an addressee
    (
        "Harbour commissioner Lena Moravec told reporters in Valmora: “The port will reopen.”",
        {("direct", "The port will reopen.", "Lena Moravec")},
    ),
    # cue in the middle: two quotes, one speaker, reached through an honorific
    (
        MINISTER + "“We’ll see,” Mr Halvorsen said. “The ball is in their court.”",
        {("direct", "We’ll see", "Erik Halvorsen"), ("direct", "The ball is in their court.", "Erik Halvorsen")},
    ),
    # a pronoun after a named subject
    (
        MINISTER + "“Nobody wants a long strike,” he said.",
        {("direct", "Nobody wants a long strike", "Erik Halvorsen")},
    ),
    # a role instead of the name
    (
        MINISTER + "“We will not pay more,” the minister said.",
        {("direct", "We will not pay more", "Erik Halvorsen")},
    ),
    # partial quotes inside reported speech
    (
        MINISTER + "Mr Halvorsen said it was “crucial” that the unions accepted a deal that “shared the burden”.",
        {("partial", "crucial", "Erik Halvorsen"), ("partial", "shared the burden", "Erik Halvorsen")},
    ),
    (
        MINISTER + "On Wednesday Mr Halvorsen called the agreement “rock solid”.",
        {("partial", "rock solid", "Erik Halvorsen")},
    ),
    # an unnamed source keeps its description
    (
        "A senior union official dismissed the offer as “not serious” and left the talks.",
        {("partial", "not serious", "A senior union official")},
    ),
    # a quoted paragraph with no cue goes on from the one before
    (
        "“The strike is over,” Ana Lind said.\n\n“Tomorrow the cranes will be running again and the ships will leave.”",
        {
            ("direct", "The strike is over", "Ana Lind"),
            ("direct", "Tomorrow the cranes will be running again and the ships will leave.", "Ana Lind"),
        },
    ),
    # … also across the lines of punctuation alone some sites put between paragraphs
    (
        "“The strike is over,” Ana Lind said.\n .\n“Tomorrow the cranes will be running again.”",
        {
            ("direct", "The strike is over", "Ana Lind"),
            ("direct", "Tomorrow the cranes will be running again.", "Ana Lind"),
        },
    ),
    # … and from reported speech in the paragraph before
    (
        "Jens Holm said the plan for the harbour was sound.\n\n“This is a remote place and we need the port.”",
        {("direct", "This is a remote place and we need the port.", "Jens Holm")},
    ),
    # … but not from a plan, which is no speech
    (
        "The crews plan to strike on Monday.\n\n“We are ready for a long fight.”",
        {("direct", "We are ready for a long fight.", None)},
    ),
    # a lead-in that ends the paragraph before with a colon
    (
        "Jens Holm continued:\n\n“The port will reopen next week.”",
        {("direct", "The port will reopen next week.", "Jens Holm")},
    ),
    # a clause about a person, closed by a colon, introduces what that person says; a thing says nothing
    (
        "Marta Ilves, the harbour doctor, is more blunt: “The rules are failing the crews.”",
        {("direct", "The rules are failing the crews.", "Marta Ilves")},
    ),
    ("The rule is simple: “Nobody may sail after dark.”", {("direct", "Nobody may sail after dark.", None)}),
    # a quotation with no cue after a sentence about a person is that person's; a passive subject is not
    (
        "Jens Holm has treated many sailors. But early on, he lost a patient. “When somebody dies, you remember it.”",
        {("direct", "When somebody dies, you remember it.", "Jens Holm")},
    ),
    # a feature's single voice, quoted again with no cue of its own
    (
        "“I grew up here,” Ana Lind said.\n\n“The sea is my life,” Ana Lind said.\n\nThe docks are quiet now. "
        "The boats are gone.\n\nIn winter the harbour freezes. The cranes stand still.\n\n"
        "“I will stay,” Ana Lind said.\n\nThe town has shrunk by half.\n\nFew shops remain.\n\n"
        "“Nobody leaves the sea for good.”",
        {
            ("direct", "I grew up here", "Ana Lind"),
            ("direct", "The sea is my life", "Ana Lind"),
            ("direct", "I will stay", "Ana Lind"),
            ("direct", "Nobody leaves the sea for good.", "Ana Lind"),
        },
    ),
    # a quote over two paragraphs (the first is left open): one quote per paragraph, one speaker
    (
        "Ana Lind read the statement aloud: “The union has voted to end the strike.\n\n“Work resumes at six.”",
        {
            ("direct", "The union has voted to end the strike.", "Ana Lind"),
            ("direct", "Work resumes at six.", "Ana Lind"),
        },
    ),
    (
        "“The union has voted to end the strike.\n\n“Work resumes at six,” Ana Lind said.",
        {
            ("direct", "The union has voted to end the strike.", "Ana Lind"),
            ("direct", "Work resumes at six", "Ana Lind"),
        },
    ),
    # a quoted transcript: each paragraph is the words of the speaker its label in capitals names
    (
        "Harbour commissioner Peter Holm spoke to the harbour radio on Monday. The transcript:\n\n"
        '"HOST: Will the port reopen?\n\n"HOLM: It will reopen on Friday, and the cranes will run again."',
        {
            ("direct", "Will the port reopen?", "HOST"),
            ("direct", "It will reopen on Friday, and the cranes will run again.", "Peter Holm"),
        },
    ),
    # … but a label is only a label in capitals
    (
        "Peter Holm read the notice aloud: “Note: the port is closed.\n\n“Work resumes at six.”",
        {("direct", "Note: the port is closed.", "Peter Holm"), ("direct", "Work resumes at six.", "Peter Holm")},
    ),
    # dashes and ellipses inside, straight and typewriter marks
    (
        'Ana Lind said: "That requires leadership -- from all of us ... and now."',
        {("direct", "That requires leadership -- from all of us ... and now.", "Ana Lind")},
    ),
    (
        "''It is done,'' said Ana Lind, ''and it is fair.''",
        {("direct", "It is done", "Ana Lind"), ("direct", "and it is fair.", "Ana Lind")},
    ),
    ("'We are ready,' Ana Lind said.", {("direct", "We are ready", "Ana Lind")}),
    # a name under a pull quote, or signing on the line below
    ("“The port is our life.” ― Marta Ilves", {("direct", "The port is our life.", "Marta Ilves")}),
    (
        "“The port is our life.”\n\n-Marta Ilves, writing on her blog.",
        {("direct", "The port is our life.", "Marta Ilves")},
    ),
    # "Name: quote", as in a list of positions
    (
        "Ilves: “We will sign today.” Berg: “We will not.”",
        {("direct", "We will sign today.", "Ilves"), ("direct", "We will not.", "Berg")},
    ),
    # a cue the tagger takes for a noun, and a subject after its cue
    ("“We are ready to sign,” Ilves notes.", {("direct", "We are ready to sign", "Ilves")}),
    (
        "“We are ready to sign,” said Marta Ilves, half joking.",
        {("direct", "We are ready to sign", "Marta Ilves")},
    ),
    # a quotation its cue interrupts goes on after the cue, however short or capitalised its second half
    (
        "“Does anybody know what the harbour plan is?” Ana Lind asked. “Neither do I.”",
        {
            ("direct", "Does anybody know what the harbour plan is?", "Ana Lind"),
            ("direct", "Neither do I.", "Ana Lind"),
        },
    ),
    (
        MINISTER + "“We are not a burden on this town,” the minister added. “We Are Valmora.”",
        {
            ("direct", "We are not a burden on this town", "Erik Halvorsen"),
            ("direct", "We Are Valmora.", "Erik Halvorsen"),
        },
    ),
    # … even when the cue clause ends with a clause about someone else
    (
        "“Our port is on the ballot,” Ana Lind said at a dinner in Valmora, where Jens Holm also spoke. "
        "“Our jobs are on the ballot.”",
        {("direct", "Our port is on the ballot", "Ana Lind"), ("direct", "Our jobs are on the ballot.", "Ana Lind")},
    ),
    # … but a title after the cue clause is no quotation
    ("“We will win,” Ana Lind said. “Harbour Tonight” aired the speech.", {("direct", "We will win", "Ana Lind")}),
    # words in quotation marks are never the speaker, whatever the parse says
    (
        "“The port is ready,” Jens Holm, a harbour pilot, said on Monday on Valmora Radio’s “Harbour and Friends.”",
        {("direct", "The port is ready", "Jens Holm")},
    ),
    # a nickname in quotation marks is part of the speaker's name
    (
        "The race is over. “This is a big year for the harbour!” Peter “Pip” Holm, the mayor’s nephew, shouted.",
        {("direct", "This is a big year for the harbour!", "Peter “Pip” Holm")},
    ),
    # a title after a preposition, a possessive or a naming word is no quotation, whatever verb follows it
    ("On Monday’s episode of “Harbour Tonight,” Ana Lind said the port would reopen.", set()),
    ("In an interview on Valmora Radio’s “Harbour Hour,” Ana Lind said the port would reopen.", set()),
    ("The union’s new spot, titled “Steady,” shows the cranes at dawn.", set()),
    # not quotes: scare quotes, characterisations, titles and names
    ("The mayor revived talk of wartime “comfort stations” in the old port.", set()),
    (
        "Ana Lind disagreed with the characterization of the talks as a “rift” between the unions, saying they agreed.",
        set(),
    ),
    ("Ana Lind appeared on “Morning Harbour” to defend the plan.", set()),
    ("Ana Lind appeared on “Harbour Tonight,” where she defended the plan.", set()),
    (
        "She repeatedly says, “Don’t you do it,” until the police arrive.",
        {("direct", "Don’t you do it", None)},
    ),
    ("The film “The Long Strike” opened on Friday in Valmora.", set()),
    ("Ana Lind said on “Face the Harbour.” that talks would resume.", set()),
    ("The so-called “peace dividend” never reached the docks.", set()),
]


def _direct(article: Article) -> set[tuple[str, str, str | None]]:
    return {(q.kind, q.text, q.speaker) for q in article.quotes if q.kind != "indirect"}


@pytest.mark.parametrize(("text", "expected"), QUOTED)
def test_quotes_direct_and_partial(analyse: Analyse, text: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert _direct(analyse(text)) == expected


REPORTED = [
    (
        MINISTER + "Mr Halvorsen said the port would reopen on Monday.",
        ("the port would reopen on Monday", "Erik Halvorsen"),
    ),
    (
        "Ana Lind told reporters that the union had rejected the offer.",
        ("the union had rejected the offer", "Ana Lind"),
    ),
    (
        MINISTER + "Mr Halvorsen declined to confirm the government had made a new offer.",
        ("the government had made a new offer", "Erik Halvorsen"),
    ),
    (
        "A news report earlier said that the government was preparing a new offer.",
        ("the government was preparing a new offer", "A news report"),
    ),
    (
        "The talks collapsed late on Friday, according to two people familiar with the negotiations.",
        ("The talks collapsed late on Friday", "two people familiar with the negotiations"),
    ),
    (
        "Diplomats warned the resumption of talks did not mean there was a solution.",
        ("the resumption of talks did not mean there was a solution", "Diplomats"),
    ),
    (
        MINISTER + "He criticized the union for walking out of the talks.",
        ("the union for walking out of the talks", "Erik Halvorsen"),
    ),
    (
        "A survey of dockers found that most wanted the strike to end.",
        ("most wanted the strike to end", "A survey of dockers"),
    ),
    (MINISTER + "He believes the deal will hold.", ("the deal will hold", "Erik Halvorsen")),
    # a cue set into the clause it reports
    (
        MINISTER + "The new ferries, Mr Halvorsen said, would arrive before the winter.",
        ("The new ferries, Mr Halvorsen said, would arrive before the winter", "Erik Halvorsen"),
    ),
    # a judging verb reports speech when its object is something said
    (
        MINISTER + "Mr Halvorsen rejected the union’s claim that the port was unsafe.",
        ("the union’s claim that the port was unsafe", "Erik Halvorsen"),
    ),
    (MINISTER + "Mr Halvorsen vowed to end the strike by Friday.", ("to end the strike by Friday", "Erik Halvorsen")),
    # a phrasal cue with a time between verb and particle
    (
        MINISTER + "Mr Halvorsen called on Friday for a new vote on the harbour plan.",
        ("a new vote on the harbour plan", "Erik Halvorsen"),
    ),
    (MINISTER + "Mr Halvorsen spoke of a new era for the port.", ("a new era for the port", "Erik Halvorsen")),
    # a cue under a preposition has the subject of the verb it hangs on
    ("Ana Lind responded by saying the port was safe.", ("the port was safe", "Ana Lind")),
    # a to-clause's second verb that the parser hung on the cue's head
    (
        MINISTER + "Mr Halvorsen has backed the plan, promising to meet and in some cases exceed the targets.",
        ("to meet and in some cases exceed the targets", "Erik Halvorsen"),
    ),
    # the next clause's "and" is not part of the content
    (
        MINISTER + "Mr Halvorsen promised to build the bridge and the union agreed.",
        ("to build the bridge", "Erik Halvorsen"),
    ),
    # a relative pronoun speaks for the noun it stands for
    ("The harbour master met dockers who said the cranes were unsafe.", ("the cranes were unsafe", "dockers")),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_quotes_reported_speech(analyse: Analyse, text: str, expected: tuple[str, str]) -> None:
    found = {(q.text, q.speaker) for q in analyse(text).quotes if q.kind == "indirect"}
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "Ana Lind did not say whether the strike would end.",  # negated, nothing reported
        "Asked whether the strike would end, the minister left.",  # the asker is not the subject
        "It seems that the strike will end.",  # no source
        "The ships left the port on Monday.",  # no cue
        "Mr Halvorsen rejected the report on Monday.",  # the content of "rejected" is a thing, not what was said
        "The union supported Erik Halvorsen in the vote.",  # a person is no proposition
        "Erik Halvorsen called his lawyer on Monday.",  # "on" with an object between is no phrasal cue
        "Ana Lind called on Friday.",  # a time is not whom a call is on
        "The gate that the dockers spoke of was closed.",  # a relative object, not speech reported
        "Ana Lind began the meeting by thanking the dockers.",  # a verb under a preposition that is no cue
    ],
)
def test_quotes_reported_speech_negatives(analyse: Analyse, text: str) -> None:
    assert [q for q in analyse(text).quotes if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            'Ana Lind says she respects the minister and calls him "a stubborn man" who will not listen.',
            {("she respects the minister", "says"), ('him "a stubborn man" who will not listen', "calls")},
            'she respects the minister and calls him "a stubborn man" who will not listen',
        ),
    ],
)
def test_quotes_reported_speech_second_act_is_the_sources(
    analyse: Analyse, text: str, expected: set[tuple[str, str]], not_expected: str
) -> None:
    found = {(q.text, q.cue) for q in analyse(text).quotes if q.kind == "indirect"}
    assert expected <= found
    assert not_expected not in {t for t, _ in found}


def test_quotes_offsets_slice_to_text(analyse: Analyse) -> None:
    text = "\n\n".join(t for t, _ in QUOTED) + "\n\n" + "\n\n".join(t for t, _ in REPORTED)
    article = analyse(text)
    assert article.quotes
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert article.text[m.start : m.end] == m.text
        if q.cue_span is not None:
            assert article.text[q.cue_span[0] : q.cue_span[1]].lower().startswith((q.cue or "").lower()[:4])


def test_quotes_mention_is_the_surface_form(analyse: Analyse) -> None:
    article = analyse(MINISTER + "“Nobody wants a long strike,” he said.")
    (quote,) = article.quotes
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "he"
    assert quote.cue == "said"


def test_quotes_stage_is_registered_after_entities(analyse: Analyse) -> None:
    article = analyse("“Yes,” Ana Lind said.")
    assert article.stages.index("quotes") > article.stages.index("entities")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same speaker's plan inside what she said is one report, hers
        (
            "Ana Lind said she plans to join the crews at the harbour.",
            [("she plans to join the crews at the harbour", "said")],
        ),
        # a belief inside someone's speech is no report of its own
        (
            "Ana Lind said the union thinks the port will reopen soon.",
            [("the union thinks the port will reopen soon", "said")],
        ),
        # … nor another source's speech inside it: one report, hers
        (
            "Ana Lind said the union announced that the port would reopen.",
            [("the union announced that the port would reopen", "said")],
        ),
    ],
)
def test_quotes_reported_speech_inside_reported_speech(analyse: Analyse, text: str, expected: list) -> None:
    found = [(q.text, q.cue) for q in analyse(text).quotes if q.kind == "indirect"]
    assert found == expected


def _q(kind: str, start: int, end: int, speaker: str | None = "Ana Lind") -> Quote:
    return Quote("x" * (end - start), start, end, kind, speaker)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("quotes", "expected"),
    [
        # "said the alliance was “iron clad”": the partial quote is shown inside the report, once
        ([_q("indirect", 0, 60), _q("partial", 40, 50)], {1}),
        # … and so is a shorter report inside it ("the alliance was “iron clad”")
        ([_q("indirect", 0, 60), _q("indirect", 30, 60), _q("partial", 40, 50)], {1, 2}),
        # another speaker's words, a direct quote, words outside the report: their own entries
        ([_q("indirect", 0, 60), _q("partial", 40, 50, "Jens Holm")], set()),
        ([_q("indirect", 0, 60), _q("direct", 40, 50)], set()),
        ([_q("indirect", 0, 30), _q("partial", 40, 50)], set()),
        ([_q("partial", 40, 50)], set()),
    ],
)
def test_quotes_inside_reported_is_shown_once(quotes: list[Quote], expected: set[int]) -> None:
    assert inside_reported(quotes) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ana Lind: Harbour Will Reopen by Spring.", [("Harbour Will Reopen by Spring", "Ana Lind")]),
        ("Poll: Most Dockers Back the Strike.", [("Most Dockers Back the Strike", "Poll")]),
        ("The Latest: Harbour Will Reopen by Spring.", []),  # no source before the colon
        ("Storm Over Valmora: Harbour Will Reopen by Spring.", []),  # a phrase, not a name
    ],
)
def test_quotes_headline_source_before_a_colon(
    analyse: Analyse, title: str, expected: list[tuple[str, str | None]]
) -> None:
    text = title + "\n\nAna Lind, the harbour master, spoke to dockers on Monday. A poll was published."
    article = analyse(text, title=title)
    assert [(q.text, q.speaker) for q in article.quotes if q.cue == ":"] == expected


def test_quotes_colon_outside_the_headline_is_no_source(analyse: Analyse) -> None:
    text = "Harbour news\n\nAna Lind: the harbour will reopen by spring.\n\nShe spoke on Monday."
    assert [q for q in analyse(text, title="Harbour news").quotes if q.cue == ":"] == []
