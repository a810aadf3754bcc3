from __future__ import annotations

import pytest

from newsdesk import Article, Quote, article_id
from newsdesk.stories import find_stories
from newsdesk.stories.corroborate import corroborate, merge_speakers, quote_relation

WEALTHY = "Estavia is a wealthy country and it should pay a fairer share of the cost of its own defence"


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (WEALTHY, "verbatim"),
        ("Estavia is a wealthy country, and it should pay a fairer share of the cost of its own defence.", "verbatim"),
        ("should pay a fairer share", "truncated"),
        (f"she said that {WEALTHY}", "verbatim"),  # reported speech that quotes the words whole
        ("Estavia was a wealthy country and should pay a fairer share of the cost of its defence", "paraphrased"),
        ("the share", None),  # too little to be the same utterance
        ("We will sit down and work through the details of the defence pact", None),
        ("Nobody wants to strike", None),
    ],
)
def test_corroborate_quote_relation(report: str, expected: str | None) -> None:
    assert quote_relation(WEALTHY, report) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Esper", "Mark Esper"], {"Esper": "Mark Esper", "Mark Esper": "Mark Esper"}),
        (["Mark Esper", "M. Esper"], {"Mark Esper": "Mark Esper", "M. Esper": "Mark Esper"}),
        (
            ["Kim", "Kim Jong-un", "Kim Yo-jong"],
            {"Kim": "Kim", "Kim Jong-un": "Kim Jong-un", "Kim Yo-jong": "Kim Yo-jong"},
        ),
        (["Mark Esper", "Tom Esper"], {"Mark Esper": "Mark Esper", "Tom Esper": "Tom Esper"}),
        (["a senior official", "Varga"], {"a senior official": "a senior official", "Varga": "Varga"}),
    ],
)
def test_corroborate_merge_speakers(names: list[str], expected: dict[str, str]) -> None:
    assert merge_speakers(names) == expected


def test_corroborate_fixture_story(varga: dict[str, Article]) -> None:
    names = ("northern-courier-varga", "harbour-times-varga", "capital-post-varga", "valley-gazette-varga-copy")
    story = [varga[n] for n in names]
    links = find_stories(story)
    c = corroborate(story, {link.article_id: link.copy_of for link in links})
    assert c.sources(a.id for a in story) == 3  # the Valley Gazette runs the Northern Courier copy
    outlet = {a.id: a.outlet for a in story}
    wealthy = next(g for g in c.quotes if "wealthy" in g.text)
    assert wealthy.speaker == "Lena Varga" and wealthy.sources == 3
    assert {(outlet[r.article_id], r.relation) for r in wealthy.reports} == {
        ("Northern Courier", "verbatim"),
        ("Harbour Times", "truncated"),
        ("Capital Post", "paraphrased"),
    }
    for report in wealthy.reports:  # every report points at its own words
        article = next(a for a in story if a.id == report.article_id)
        assert article.text[report.start : report.end] == report.text
    troops = next(f for f in c.figures if f.counts == "troops")
    assert troops.values == (12000.0, 12500.0) and troops.disagrees and troops.sources == 3
    money = [f for f in c.figures if f.unit == "USD"]
    assert [(f.values, f.disagrees) for f in money] == [((1.8e9, 2e9), True), ((4.5e8,), False)]
    assert all(r.article_id != varga["valley-gazette-varga-copy"].id for f in c.figures for r in f.reports)


def test_corroborate_partial_quote_inside_reported_speech_is_one_entry() -> None:
    text = "Ana Lind said the alliance was “iron clad” and would hold."
    report = Quote("the alliance was “iron clad” and would hold", 14, 57, "indirect", "Ana Lind", cue="said")
    partial = Quote("iron clad", 32, 41, "partial", "Ana Lind", cue="said")
    article = Article(id=article_id(text), source="a.txt", text=text, quotes=(report, partial))
    (group,) = corroborate([article]).quotes
    assert group.text == report.text and [r.kind for r in group.reports] == ["indirect"]
