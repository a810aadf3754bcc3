"""A synthetic news desk, made here (never copied): analysed articles with their story links, fast.

What a year or three of a newsroom's desk holds, at the sizes the web and
the placement must keep up with (100k, 1M articles): events reported by 1-12
outlets over a few days (half of them by one only), a share of the later
reports wire copies run verbatim, cut short or with a line added; about
``per_day`` articles a day, in date order, as a desk fills. Each article is an
analysed record, as ``newsdesk ingest`` would store it: sentences, entities
(recurring people, organisations and places drawn with a Zipf law, so a few
are in tens of thousands of articles, plus each event's own new names), direct
quotes with their speakers, figures with units, dates, events, debris. Text is
common English words with the event's rare words, names and figures mixed in
(about 200 words an article).

Each event's story link is known by construction (its founding article, the
copies' originals); the blocking keys are the articles' own
(:func:`newsdesk.stories.features.profile`), so new articles find stored
neighbours exactly as in a real desk.

    from desk_corpus import Corpus
    for article, link in Corpus(seed=1).articles(10_000): ...
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsdesk.model import Amount, Article, DateRef, Debris, Entity, Event, Mention, Quote, StoryLink, article_id

__all__ = ["Corpus", "EventCast"]

_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ren",
    "sto",
    "var",
    "del",
    "qui",
    "bra",
    "nes",
    "tol",
    "zen",
    "por",
    "gha",
    "lis",
    "um",
)
_ORG_KINDS = ("Ministry", "Party", "Union", "Council", "Bank", "Group", "Authority", "Institute", "Corp", "Agency")
_OUTLET_KINDS = ("Times", "Post", "Herald", "Wire", "News", "Gazette", "Daily", "Tribune", "Observer", "Press")
_UNITS = (("USD", "$", " million", 1e6), ("EUR", "€", " billion", 1e9), ("%", "", "%", 1.0), (None, "", " people", 1.0))
_ACTIONS = (  # lemma, past tense, category
    ("meet", "met", "consult/meet/visit"),
    ("reject", "rejected", "reject"),
    ("agree", "agreed with", "agree"),
    ("demand", "demanded of", "appeal/demand"),
    ("protest", "protested against", "protest"),
    ("postpone", "postponed talks with", "postpone/cancel"),
    ("threaten", "threatened", "threaten"),
    ("announce", "announced a plan with", "statement"),
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _word(rnd: random.Random, low: int = 3, high: int = 5) -> str:
    return "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(low, high)))


class _Zipf:
    """Draws indexes 0..n-1 with probability ~ 1 / (rank + 10): a few very common, a long tail."""

    def __init__(self, n: int) -> None:
        self.cumulative = list(itertools.accumulate(1.0 / (r + 10) for r in range(n)))

    def draw(self, rnd: random.Random) -> int:
        return bisect.bisect(self.cumulative, rnd.random() * self.cumulative[-1])


@dataclass
class EventCast:
    """Who and what one event is about: shared by every report of it."""

    day: date
    people: list[str]
    orgs: list[str]
    place: str
    rare: list[str]
    topic: list[str]
    figures: list[tuple[str, float, str | None, str]]  # text, value, unit, what it counts
    action: tuple[str, str, str]


@dataclass
class _Text:
    """A text built piece by piece, with the offsets of what was put in it."""

    parts: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        return start, self.size

    def text(self) -> str:
        return "".join(self.parts)


class Corpus:
    """The deterministic generator (same seed, same desk)."""

    def __init__(self, seed: int = 1, *, per_day: int = 1000, start: date = date(2023, 1, 1)) -> None:
        from wordfreq import top_n_list

        self.rnd = random.Random(seed)
        rnd = self.rnd
        self.per_day = per_day
        self.start = start
        self.common = [w for w in top_n_list("en", 6000) if w.isalpha() and len(w) > 2][:5000]
        self.people = [f"{_word(rnd, 2, 3).title()} {_word(rnd).title()}" for _ in range(40_000)]
        self.orgs = [f"{_word(rnd).title()} {rnd.choice(_ORG_KINDS)}" for _ in range(8_000)]
        self.places = [_word(rnd).title() for _ in range(3_000)]
        self.outlets = [f"{_word(rnd, 2, 3).title()} {rnd.choice(_OUTLET_KINDS)}" for _ in range(400)]
        self.zipf_people, self.zipf_orgs = _Zipf(len(self.people)), _Zipf(len(self.orgs))
        self.zipf_places, self.zipf_outlets = _Zipf(len(self.places)), _Zipf(len(self.outlets))
        self.zipf_words = _Zipf(len(self.common))
        self.serial = 0

    # ---------------------------------------------------------------- events and reports

    def cast(self, day: date) -> EventCast:
        """A new event on ``day``."""
        rnd = self.rnd
        people = [self.people[self.zipf_people.draw(rnd)] for _ in range(rnd.randint(1, 2))]
        people += [f"{_word(rnd, 2, 3).title()} {_word(rnd).title()}" for _ in range(rnd.randint(0, 2))]
        figures = []
        for _ in range(3):
            unit, sign, suffix, scale = rnd.choice(_UNITS)
            n = rnd.randint(2, 900)
            counts = None if unit else rnd.choice(["people", "workers", "homes", "troops"])
            text = f"{sign}{n}{suffix}" if unit else f"{n:,} {counts}"
            figures.append((text, n * scale if unit not in ("%",) else float(n), unit, counts or ""))
        return EventCast(
            day=day,
            people=list(dict.fromkeys(people)),
            orgs=list(dict.fromkeys(self.orgs[self.zipf_orgs.draw(rnd)] for _ in range(rnd.randint(1, 2)))),
            place=self.places[self.zipf_places.draw(rnd)],
            rare=[_word(rnd, 3, 4) for _ in range(rnd.randint(6, 10))],
            topic=[self.common[self.zipf_words.draw(rnd)] for _ in range(20)],
            figures=figures,
            action=rnd.choice(_ACTIONS),
        )

    def report(self, cast: EventCast, published: date | None, outlet: str) -> Article:
        """One outlet's own report of an event: ~200 words, analysed."""
        rnd = self.rnd
        self.serial += 1
        t = _Text()
        sentences: list[tuple[int, int]] = []
        mentions: dict[str, list[tuple[int, int]]] = {}
        labels: dict[str, str] = {}
        quotes: list[Quote] = []
        amounts: list[Amount] = []
        dates: list[DateRef] = []
        events: list[Event] = []

        def name(n: str, label: str) -> None:
            mentions.setdefault(n, []).append(t.add(n))
            labels[n] = label

        def words(k: int, first: bool = False) -> None:
            picked = [rnd.choice(cast.topic) if rnd.random() < 0.4 else rnd.choice(self.common) for _ in range(k)]
            picked[rnd.randrange(k)] = rnd.choice(cast.rare)
            if first:
                picked[0] = picked[0].capitalize()
            t.add(" ".join(picked))

        lead_person = cast.people[0]
        for i in range(rnd.randint(8, 16)):
            start = t.size
            if i and rnd.random() < 0.25:  # a quote: "…," said Name.
                said_start = t.add("\u201c")[1]
                words(rnd.randint(10, 18), first=True)
                said_end = t.size
                t.add(",\u201d ")
                cue = t.add("said")
                t.add(" ")
                speaker = rnd.choice(cast.people)
                ms = t.size
                name(speaker, "PERSON")
                t.add(".")
                quotes.append(
                    Quote(
                        "",  # the words, once the text is whole
                        said_start,
                        said_end,
                        "direct",
                        speaker,
                        Mention(speaker, ms, ms + len(speaker)),
                        "said",
                        cue,
                    )
                )
                sentences.append((start, t.size))
                events.append(Event(speaker, "say", "statement", (start, t.size), None, None, "published", cue))
            else:
                named = i == 0 or rnd.random() < 0.45
                if named:
                    name(lead_person if i == 0 else rnd.choice(cast.people), "PERSON")
                    t.add(" ")
                    if i == 0:
                        trigger = t.add(cast.action[1])
                        t.add(" ")
                        target = rnd.choice(cast.orgs)
                        name(target, "ORG")
                        t.add(" in ")
                        name(cast.place, "GPE")
                        t.add(" ")
                        events.append(
                            Event(
                                lead_person,
                                cast.action[0],
                                cast.action[2],
                                (start, 0),
                                target,
                                None,
                                "published",
                                trigger,
                            )
                        )
                words(rnd.randint(9, 16), first=not named)
                if rnd.random() < 0.3:
                    text, value, unit, counts = rnd.choice(cast.figures)
                    t.add(" ")
                    s, e = t.add(text)
                    amounts.append(Amount(text, s, e, value, unit, counts or None, False))
                if rnd.random() < 0.2:
                    t.add(" ")
                    name(rnd.choice(cast.orgs), "ORG")
                if rnd.random() < 0.15 and published is not None:
                    back = rnd.randint(0, 6)
                    day = published - timedelta(days=back)
                    t.add(" on ")
                    s, e = t.add(_WEEKDAYS[day.weekday()])
                    dates.append(DateRef(t.parts[-1], s, e, day.isoformat(), True, "published"))
                if rnd.random() < 0.3:
                    t.add(" in ")
                    name(cast.place, "GPE")
                t.add(".")
                sentences.append((start, t.size))
                if events and events[-1].sentence == (start, 0):
                    events[-1] = events[-1].copy_with(sentence=(start, t.size))
            t.add(" ")
        text = t.text().rstrip()
        quotes = [q.copy_with(text=text[q.start : q.end]) for q in quotes]
        entities = tuple(Entity(n, labels[n], tuple(spans)) for n, spans in mentions.items())
        title_words = [cast.place, rnd.choice(cast.rare), *rnd.sample(cast.topic, 4), lead_person.split()[-1]]
        rnd.shuffle(title_words)
        title = " ".join(title_words).capitalize()
        return Article(
            id=article_id(text, outlet=outlet),
            source=f"synthetic/{self.serial}.json",
            text=text,
            outlet=outlet,
            title=title,
            authors=(f"{_word(rnd, 2, 2).title()} {_word(rnd, 2, 3).title()}",),
            published=published.isoformat() if published else None,
            language="en",
            input_format="jsonl",
            debris=(Debris("Share this article", "page furniture"),) if rnd.random() < 0.5 else (),
            sentences=tuple(sentences),
            entities=entities,
            quotes=tuple(quotes),
            amounts=tuple(amounts),
            dates=tuple(dates),
            events=tuple(events),
            stages=("sentences", "entities", "quotes", "amounts", "dates", "events"),
        )

    def copy(self, original: Article, outlet: str, published: str | None) -> Article:
        """Another outlet runs a wire report: verbatim, cut short, or with a line added (offsets kept)."""
        rnd = self.rnd
        self.serial += 1
        text, kept = original.text, original.sentences
        how = rnd.random()
        if how < 0.25 and len(kept) > 4:  # cut short: the first two thirds
            kept = kept[: max(3, len(kept) * 2 // 3)]
            text = text[: kept[-1][1]]
        elif how < 0.5:
            text = text + " More follows."
        end = len(text)

        def inside(span: tuple[int, int]) -> bool:
            return span[1] <= end

        return original.copy_with(
            id=article_id(text, outlet=outlet),
            source=f"synthetic/{self.serial}.json",
            text=text,
            outlet=outlet,
            published=published,
            sentences=kept,
            entities=tuple(
                e.copy_with(mentions=m) for e in original.entities if (m := tuple(s for s in e.mentions if inside(s)))
            ),
            quotes=tuple(q for q in original.quotes if q.end <= end),
            amounts=tuple(a for a in original.amounts if a.end <= end),
            dates=tuple(d for d in original.dates if d.end <= end),
            events=tuple(e for e in original.events if e.sentence[1] <= end),
        )

    def outlet(self) -> str:
        return self.outlets[self.zipf_outlets.draw(self.rnd)]

    def event(self, cast: EventCast, size: int) -> list[tuple[Article, StoryLink]]:
        """The reports of one event and their links (the story is its earliest original)."""
        rnd = self.rnd
        reports: list[Article] = []
        copy_of: dict[str, str | None] = {}
        wire: Article | None = None
        for k in range(size):
            undated = rnd.random() < 0.01
            day = None if undated else cast.day + timedelta(days=rnd.randint(0, 3) if k else 0)
            outlet = self.outlet()
            if wire is not None and rnd.random() < 0.3:
                a = self.copy(wire, outlet, day.isoformat() if day else None)
                original: str | None = wire.id
            else:
                a = self.report(cast, day, outlet)
                original = None
                wire = wire or a
            if a.id not in copy_of:  # the wire's own outlet running it verbatim again is the same article
                copy_of[a.id] = original
                reports.append(a)
        originals = [a for a in reports if copy_of[a.id] is None]
        story = min(originals, key=lambda a: (a.published or "9999", a.id)).id
        return [(a, StoryLink(a.id, story, copy_of[a.id])) for a in reports]

    def articles(self, n: int) -> Iterator[tuple[Article, StoryLink]]:
        """``n`` articles with their links (keys not yet filled), day by day, each event's reports together."""
        rnd = self.rnd
        made = 0
        day = self.start
        while made < n:
            today = 0
            while today < self.per_day and made < n:
                size = 1 if rnd.random() < 0.5 else rnd.randint(2, 12)
                for item in self.event(self.cast(day), min(size, n - made)):
                    yield item
                    made += 1
                    today += 1
            day += timedelta(days=1)
        self.end = day
