"""A small desk written by hand for the export tests: every kind of record, and text that tests the formats.

The articles are fictional. Their strings carry what breaks careless
writers: commas, double quotes, tabs and line breaks, ``#``, ``|`` and ``;``
(GKG's separators), non-ASCII letters, empty and missing values.
"""

from __future__ import annotations

from newsdesk import (
    Amount,
    Article,
    DateRef,
    Debris,
    Entity,
    Event,
    Mention,
    Quote,
    Store,
    StoryLink,
    ThreadLink,
    article_id,
)

FERRY = (
    'Port Alvor, Tuesday. Marta Quint, head of the Ferry Union, said: "We will stop every boat, #1 | all of them." '
    "Some 1,200 crew walked out; the strike cost €3.5 million a day.\n"
    "The company's chief, Jonas Vale, said talks would resume on 12 March 2025."
)
SEQUEL = "Crews of the Ferry Union returned on Friday, said Marta Quint, after a 4% pay offer."
UNDATED = "A note with no date, no names and nothing to count."


def _find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def ferry() -> Article:
    t = FERRY
    quote = _find(t, "We will stop every boat, #1 | all of them.")
    crew = _find(t, "1,200 crew")
    money = _find(t, "€3.5 million")
    first, second = (0, t.index("\n")), (t.index("\n") + 1, len(t))
    return Article(
        id=article_id(t, "https://news.example/ferry"),
        source="ferry.html",
        text=t,
        outlet="The Harbour, Daily",
        title='Ferry strike: "every boat" stops',
        authors=("Rita Sol", "Ana\tTab"),
        published="2025-03-04",
        url="https://news.example/ferry",
        language="en",
        input_format="html",
        debris=(Debris("Share; this | story", "page furniture"),),
        sentences=(first, second),
        entities=(
            Entity("Marta Quint", "PERSON", (_find(t, "Marta Quint"),), ("Quint",)),
            Entity("Ferry Union", "ORG", (_find(t, "Ferry Union"),)),
            Entity("Port Alvor", "GPE", (_find(t, "Port Alvor"),)),
            Entity("Jonas Vale", "PERSON", (_find(t, "Jonas Vale"),)),
        ),
        quotes=(
            Quote(
                t[quote[0] : quote[1]],
                *quote,
                "direct",
                "Marta Quint",
                Mention("Marta Quint", *_find(t, "Marta Quint")),
                "said",
                _find(t, "said"),
            ),
            Quote(
                "talks would resume on 12 March 2025",
                *_find(t, "talks would resume on 12 March 2025"),
                "indirect",
                "Jonas Vale",
            ),
        ),
        amounts=(
            Amount(t[crew[0] : crew[1]], *crew, 1200.0, "crew", "crew", approximate=True),
            Amount(t[money[0] : money[1]], *money, 3.5e6, "EUR", context="a day"),
        ),
        dates=(
            DateRef("Tuesday", *_find(t, "Tuesday"), "2025-03-04", True, "published"),
            DateRef("12 March 2025", *_find(t, "12 March 2025"), "2025-03-12", True),
        ),
        events=(
            Event("Ferry Union", "walk out", "protest", first, trigger=_find(t, "walked out"), date="2025-03-04"),
            Event("Marta Quint", "say", "statement", first, trigger=_find(t, "said")),
        ),
        stages=("entities", "quotes"),
    )


def sequel() -> Article:
    t = SEQUEL
    return Article(
        id=article_id(t, None, "Wire"),
        source="sequel.txt",
        text=t,
        outlet="Wire",
        published="2025-03-07T08:15:00+00:00",
        sentences=((0, len(t)),),
        entities=(
            Entity("Marta Quint", "PERSON", (_find(t, "Marta Quint"),)),
            Entity("Ferry Union", "ORG", (_find(t, "Ferry Union"),)),
        ),
        amounts=(Amount("4%", *_find(t, "4%"), 4.0, "%"),),
        dates=(DateRef("Friday", *_find(t, "Friday"), "2025-W10", False),),
    )


def undated() -> Article:
    return Article(id=article_id(UNDATED, None, "Notes"), source="note.txt", text=UNDATED, outlet=None)


def fill(store: Store) -> list[Article]:
    """Put the three articles, the first two in one story (the sequel a follow-up) and that story in a
    thread (the note's story is in none), and return them."""
    articles = [ferry(), sequel(), undated()]
    for article in articles:
        store.put(article)
    a, b, c = articles
    store.put_story_links(
        [StoryLink(a.id, a.id, None, ("ferry",)), StoryLink(b.id, a.id, None, ("ferry",)), StoryLink(c.id, c.id)]
    )
    store.put_thread_links([ThreadLink(a.id, a.id)])
    return articles
