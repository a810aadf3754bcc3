"""Hand-written articles for the web tests (fictional events), with their annotations built by hand.

Two outlets report a ferry strike in the fictional port of Valmora; a third
article is hostile: every field carries markup, script and ``javascript:``
links that must render as inert text.
"""

from __future__ import annotations

from newsdesk import Amount, Article, DateRef, Debris, Entity, Event, Mention, Quote, Store, article_id
from newsdesk.model import StoryLink, ThreadLink


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """The ``nth`` occurrence of ``part`` in ``text`` as ``(start, end)``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans by full stops (the fixtures are written so that this is right)."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            while text[start] in " \n":
                start += 1
            spans.append((start, i + 1))
            start = i + 1
    return tuple(spans)


def quote(text: str, said: str, speaker: str, mention: str, cue: str, nth: int = 0) -> Quote:
    """A direct quote; ``nth`` picks which occurrence of the speaker's mention (and the cue after it) is meant."""
    s, e = at(text, said)
    ms, me = at(text, mention, nth)
    cs = text.index(cue, min(me, e))
    ce = cs + len(cue)
    return Quote(said, s, e, "direct", speaker, Mention(mention, ms, me), cue, (cs, ce))


REPORTED = "The strike will cost the port €2 million a day"
"""The harbour article's reported speech (no quotation marks in the article, none on the desk)."""


def reported(text: str, said: str, speaker: str, mention: str, cue: str, nth: int = 0) -> Quote:
    """Reported speech, as :func:`quote` builds a direct quote."""
    return quote(text, said, speaker, mention, cue, nth).copy_with(kind="indirect")


def entity(text: str, name: str, label: str, *forms: str) -> Entity:
    """Every occurrence of each form (longest forms first; a shorter one inside a longer one is not counted)."""
    spans: list[tuple[int, int]] = []
    for form in sorted(forms or (name,), key=len, reverse=True):
        for n in range(text.count(form)):
            s, e = at(text, form, n)
            if not any(a <= s and e <= b for a, b in spans):
                spans.append((s, e))
    return Entity(name, label, tuple(sorted(spans)), tuple(f for f in forms if f != name))


def sentence_of(text: str, part: str) -> tuple[int, int]:
    """The sentence holding ``part``."""
    s, _ = at(text, part)
    return next(span for span in sentences(text) if span[0] <= s < span[1])


HARBOUR_TEXT = (
    "Ferry crews in Valmora walked out on Monday, stranding about 4,000 passengers.\n\n"
    'Harbour Minister Lena Okafor said the offer was final. "We have put 6% on the table," Ms Okafor said.\n\n'
    'Union leader Piet Varga rejected it. "Six percent is an insult," Varga said. '
    "The strike will cost the port €2 million a day, the Valmora Port Authority said."
)

COAST_TEXT = (
    "Valmora's ferries stood idle on Monday as crews struck over pay, leaving 3,500 passengers stranded.\n\n"
    '"Six percent is an insult," said Piet Varga, who leads the crews\' union.\n\n'
    'Lena Okafor, the harbour minister, said: "The door is open." Talks resume on Thursday.'
)

HOSTILE_TEXT = (
    "<script>window.__pwned = 1; alert('script')</script> Breaking news.\n\n"
    '<img src=x onerror="window.__pwned = 2"> Mallory Vex said: "<svg onload=window.__pwned=3>hello</svg>". '
    'Read more at javascript:window.__pwned=4 and <a href="javascript:window.__pwned=5">this link</a>. '
    '"><iframe src="javascript:window.__pwned=6"></iframe> {{ 7*7 }} ${7*7} </textarea></title>'
)


def harbour() -> Article:
    t = HARBOUR_TEXT
    return Article(
        id=article_id(t, outlet="Harbour Times"),
        source="harbour.txt",
        text=t,
        outlet="Harbour Times",
        title="Valmora ferry crews strike over pay",
        authors=("Ines Marr",),
        published="2031-05-12",
        url="https://harbour-times.invalid/ferry-strike",
        input_format="text",
        debris=(Debris("Share on Facebook", "social prompt"), Debris("READ MORE: Port dues rise", "related link")),
        sentences=sentences(t),
        entities=(
            entity(t, "Lena Okafor", "PERSON", "Lena Okafor", "Okafor"),
            entity(t, "Piet Varga", "PERSON", "Piet Varga", "Varga"),
            entity(t, "Valmora Port Authority", "ORG"),
            Entity("Valmora", "GPE", (at(t, "Valmora"),)),
        ),
        quotes=(
            quote(t, "We have put 6% on the table,", "Lena Okafor", "Okafor", "said", nth=1),
            quote(t, "Six percent is an insult,", "Piet Varga", "Varga", "said", nth=1),
            reported(t, REPORTED, "Valmora Port Authority", "the Valmora Port Authority", "said"),
        ),
        amounts=(
            Amount("about 4,000 passengers", *at(t, "about 4,000 passengers"), 4000, "passengers", "passengers", True),
            Amount("6%", *at(t, "6%"), 6, "%"),
            Amount("€2 million", *at(t, "€2 million"), 2e6, "EUR"),
        ),
        dates=(DateRef("Monday", *at(t, "Monday"), "2031-05-12", True, "published"),),
        events=(
            Event(
                "Ferry crews",
                "walked out",
                "protest",
                sentence_of(t, "walked out"),
                date="2031-05-12",
                date_source="Monday",
                summary="Ferry crews walked out",
                cameo="143",
                cameo_label="conduct strike or boycott",
            ),
            Event(
                "Piet Varga",
                "rejected",
                "reject",
                sentence_of(t, "rejected"),
                target="Lena Okafor",
                date="2031-05-12",
                date_source="published",
                summary="Piet Varga rejected the offer",
                cameo="124",
                cameo_label="refuse to yield",
            ),
        ),
        stages=("sentences", "entities"),
    )


def coast() -> Article:
    t = COAST_TEXT
    return Article(
        id=article_id(t, outlet="Coast Wire"),
        source="coast.txt",
        text=t,
        outlet="Coast Wire",
        title="Ferries idle in Valmora as crews strike",
        published="2031-05-13",
        input_format="text",
        sentences=sentences(t),
        entities=(
            entity(t, "Piet Varga", "PERSON"),
            entity(t, "Lena Okafor", "PERSON"),
            Entity("Valmora", "GPE", (at(t, "Valmora"),)),
        ),
        quotes=(
            quote(t, "Six percent is an insult,", "Piet Varga", "Piet Varga", "said"),
            quote(t, "The door is open.", "Lena Okafor", "Lena Okafor", "said"),
        ),
        amounts=(Amount("3,500 passengers", *at(t, "3,500 passengers"), 3500, "passengers", "passengers"),),
        dates=(DateRef("Thursday", *at(t, "Thursday"), "2031-05-15", True, "published"),),
        stages=("sentences", "entities"),
    )


HOSTILE_NAME = '<b onmouseover="window.__pwned=7">Mallory</b> Vex'


def hostile() -> Article:
    t = HOSTILE_TEXT
    said = "<svg onload=window.__pwned=3>hello</svg>"
    return Article(
        id=article_id(t, outlet="<script>x</script>"),
        source='<img src=x onerror="window.__pwned=8">.txt',
        text=t,
        outlet='"><script>window.__pwned=9</script>',
        title="<script>window.__pwned=10</script><img src=x onerror=window.__pwned=11>",
        authors=('<svg/onload="window.__pwned=12">',),
        published="2031-05-14",
        url="javascript:window.__pwned=13",
        debris=(Debris("<script>window.__pwned=14</script>", '<img src=x onerror="window.__pwned=15">'),),
        sentences=sentences(t),
        entities=(Entity(HOSTILE_NAME, "PERSON", (at(t, "Mallory Vex"),), ("javascript:alert(1)",)),),
        quotes=(
            Quote(said, *at(t, said), "direct", HOSTILE_NAME, Mention("Mallory Vex", *at(t, "Mallory Vex")), "said"),
        ),
        amounts=(Amount("7*7", *at(t, "7*7"), 49, "<i>units</i>", '"><script>window.__pwned=16</script>'),),
        events=(
            Event(
                HOSTILE_NAME,
                "<script>",
                "<b>",
                sentences(t)[0],
                target="javascript:x",
                date="2031-05-14",
                date_source="published",
                summary=f"{HOSTILE_NAME} did <script>window.__pwned=17</script>",
            ),
        ),
        stages=("sentences", "entities"),
    )


def fixtures() -> list[Article]:
    return [harbour(), coast(), hostile()]


def story_links() -> list[StoryLink]:
    """The ferry strike is one story (two outlets); the hostile article is a story of its own."""
    ferry = harbour().id
    return [StoryLink(harbour().id, ferry), StoryLink(coast().id, ferry), StoryLink(hostile().id, hostile().id)]


def thread_links() -> list[ThreadLink]:
    """Each story is a thread of its own (a thread's page shows it as a one-story timeline)."""
    return [ThreadLink(harbour().id, harbour().id), ThreadLink(hostile().id, hostile().id)]


def fill(store: Store) -> Store:
    """Put the fixture articles, their stories and their threads in ``store``."""
    for article in fixtures():
        store.put(article)
    store.put_story_links(story_links())
    store.put_thread_links(thread_links())
    return store
