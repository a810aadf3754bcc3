from __future__ import annotations

from newsdesk import Article, DateRef, Event, article_id
from newsdesk.web.timeline import timeline

TEXT = "Crews struck on Monday. Talks resume on Thursday. Pay rose in 2030."


def article(outlet: str, published: str | None, *, events: bool = True) -> Article:
    t = TEXT
    return Article(
        id=article_id(t, outlet=outlet),
        source=f"{outlet}.txt",
        text=t,
        outlet=outlet,
        title=f"{outlet} story",
        published=published,
        sentences=((0, 23), (24, 49), (50, 67)),
        dates=(
            DateRef("Monday", 16, 22, "2031-05-12", True),
            DateRef("Thursday", 40, 48, "2031-05-15", True),
            DateRef("2030", 62, 66, "2030", True),  # a year cannot be placed on a day
        ),
        events=(Event("Crews", "struck", "strike", (0, 23), date="2031-05-12"),) if events else (),
    )


def test_timeline_orders_events_dated_sentences_and_publications() -> None:
    points = timeline([article("Harbour Times", "2031-05-12")])
    assert [(p.date, p.lane, p.label) for p in points] == [
        ("2031-05-12", "strike", "Crews struck"),  # the event, not its sentence again
        ("2031-05-12", "published", "Harbour Times story"),
        ("2031-05-15", "said to happen", "Talks resume on Thursday."),
    ]
    assert points[0].span == (0, 23) and points[1].span is None


def test_timeline_merges_one_sentence_carried_by_several_outlets() -> None:
    points = timeline([article("Harbour Times", "2031-05-12"), article("Coast Wire", None, events=False)])
    talks = [p for p in points if p.label == "Talks resume on Thursday."]
    assert len(talks) == 1 and talks[0].outlets == ["Harbour Times", "Coast Wire"]
    monday = [p for p in points if p.date == "2031-05-12" and p.lane != "published"]
    assert {p.lane for p in monday} == {"strike", "said to happen"}  # Coast Wire has no event, only the date


def test_timeline_nothing_dated() -> None:
    a = article("Harbour Times", None, events=False).copy_with(dates=())
    assert timeline([a]) == []
