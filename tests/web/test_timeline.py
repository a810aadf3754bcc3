from __future__ import annotations

from newsdesk import Article, Event, article_id
from newsdesk.web.timeline import timeline

TEXT = "Crews struck on Monday. Talks resume on Thursday. Pay rose in 2030."


def article(outlet: str, published: str | None, *, talks: bool = True) -> Article:
    events = [
        Event(
            "Crews",
            "strike",
            "protest",
            (0, 23),
            date="2031-05-12",
            date_source="text",
            summary="Crews struck",
            cameo="143",
        ),
        Event(
            "The minister",
            "say",
            "make public statement",
            (50, 67),
            date="2030",
            date_source="text",
            summary="The minister said pay rose",
        ),  # a statement: no timeline entry
        Event(
            "Pay board", "raise", "yield", (50, 67), target="Pay", date="2030", date_source="text", summary="Pay rose"
        ),
    ]
    if talks:
        events.append(
            Event(
                "Talks",
                "resume",
                "consult",
                (24, 49),
                date="2031-05-15",
                date_source="text",
                summary="Talks resume",
                cameo="040",
            )
        )
    return Article(
        id=article_id(TEXT, outlet=outlet),
        source=f"{outlet}.txt",
        text=TEXT,
        outlet=outlet,
        title=f"{outlet} story",
        published=published,
        sentences=((0, 23), (24, 49), (50, 67)),
        events=tuple(events),
    )


def test_timeline_events_in_order_then_publications() -> None:
    rows = timeline([article("Harbour Times", "2031-05-12")])
    assert [(r.when, r.day, r.lane, r.label) for r in rows] == [
        ("2030", None, "yield", "Pay rose"),  # a year stays in the table, off the day axis
        ("2031-05-12", "2031-05-12", "protest", "Crews struck"),
        ("2031-05-15", "2031-05-15", "consult", "Talks resume"),
        ("2031-05-12", "2031-05-12", "published", "Harbour Times story"),
    ]
    assert rows[1].span == (0, 23) and rows[1].sentence == "Crews struck on Monday."
    assert rows[3].span is None


def test_timeline_merges_one_event_carried_by_several_outlets() -> None:
    rows = timeline([article("Harbour Times", "2031-05-12"), article("Coast Wire", "2031-05-13", talks=False)])
    struck = [r for r in rows if r.lane == "protest"]
    assert len(struck) == 1 and struck[0].outlets == ["Harbour Times", "Coast Wire"]
    talks = [r for r in rows if r.lane == "consult"]
    assert talks[0].outlets == ["Harbour Times"]
    assert [r.outlets for r in rows if r.lane == "published"] == [["Harbour Times"], ["Coast Wire"]]


def test_timeline_nothing_dated() -> None:
    a = article("Harbour Times", None).copy_with(events=())
    assert timeline([a]) == []
