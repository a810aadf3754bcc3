"""Dates: every time expression of an article, resolved against its publication date.

The grammar that finds time expressions is in :mod:`newsdesk.analyze.timex`;
this stage gives each one a calendar value, as precise as the text allows
(``2019``, ``2019-11``, ``2019-11-21``, ``2019-W47``, ``2019-11-21T18:00``),
the way a careful news reader would:

- a weekday ("on Thursday") is the most recent such day on or before
  publication, unless the sentence speaks of the future ("will meet on
  Thursday", "talks resume on Thursday"), then the next one on or after it;
- a month and day without a year ("Nov. 21") is in the publication year,
  moved a year back or forward when the tense says so and the date would
  otherwise be on the wrong side of publication;
- "this/next/last week|month|year" are counted from publication; "the end of
  the year" is the publication year;
- "the next day", "three days later", "that day" count from the date just
  mentioned before them (``relative_to`` names it), not from publication.

Without a publication date, only what the text fixes on its own is resolved
(explicit dates, years); the rest keeps its span with ``resolved=False``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsdesk.analyze.nlp import doc_text
from newsdesk.analyze.timex import MONTHS, WEEKDAYS, Timex, find_timexes
from newsdesk.model import Article, DateRef
from newsdesk.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_dates", "find_dates", "publication_date", "read_dates"]

_FUTURE_CUES = re.compile(
    r"\b(?:will|'ll|shall|would|going\s+to|due\s+to|set\s+to|scheduled|expected\s+to|plans?\s+to|planned|is\s+to|are\s+to"
    r"|to\s+be\s+held|upcoming|ahead\s+of|until|before)\b",
    re.IGNORECASE,
)
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def _is_future(doc: Doc | None, text: str, timex: Timex) -> bool:
    """Does the clause holding ``timex`` speak of the future?

    Cues: a future or conditional auxiliary ("will", "would"), "due/set/
    expected/plans to", or a present-tense main verb with a day ("talks resume
    on Thursday" — news writes scheduled events in the present).
    """
    if re.search(r"\b(?:until|till|by)\s+$", text[max(0, timex.start - 8) : timex.start]):
        return True  # "closed until Friday": the coming one
    if doc is None:
        window = text[max(0, timex.start - 80) : timex.start]
        return bool(_FUTURE_CUES.search(window.split(".")[-1]))
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span.sent
    verb = span.root
    for _ in range(6):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    verbs = [verb, *[c for c in verb.children if c.dep_ in {"aux", "auxpass"}]]
    if any(v.lower_ in {"will", "'ll", "shall", "would", "wo", "'d", "could", "may", "might", "can"} for v in verbs):
        return True
    if verb.tag_ in {"VBD", "VBN"} and not any(v.lower_ in {"will", "would"} for v in verbs):
        clause = text[sent.start_char : timex.start]
        return bool(re.search(r"\b(?:due|set|scheduled|expected|planned|plans|going)\s+to\b", clause[-60:]))
    if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ not in {"be", "have", "say"}:
        return True  # "talks resume on Thursday"
    head_text = text[max(sent.start_char, timex.start - 60) : timex.start]
    return bool(re.search(r"\b(?:due|set|scheduled|expected|plans?|going|is|are)\s+to\s+\w+\s+(?:\w+\s+)?$", head_text))


def _weekday(anchor: date, weekday: int, mod: str | None, future: bool) -> date:
    if mod in {"next", "coming"}:
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    if mod in {"last", "past"}:
        back = (anchor.weekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if mod == "this":
        return anchor + timedelta(days=weekday - anchor.weekday())
    if future:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _month_day(anchor: date, month: int, day: int, future: bool) -> date | None:
    try:
        guess = date(anchor.year, month, day)
    except ValueError:
        return None
    try:
        if not future and guess > anchor + timedelta(days=7):
            return date(anchor.year - 1, month, day)  # "December 11" in a January article, past tense
        if future and guess < anchor - timedelta(days=31):
            return date(anchor.year + 1, month, day)  # "January 15" in a December article, future tense
    except ValueError:
        return None
    return guess


def _count(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    if word in {"a few", "several", "a couple of"}:
        return None
    return _COUNTS.get(word)


def _unit_value(anchor: date, unit: str, offset: int) -> str | None:
    unit = unit.lower()
    if unit == "day":
        return (anchor + timedelta(days=offset)).isoformat()
    if unit in {"week", "weekend"}:
        value = _week(anchor + timedelta(weeks=offset))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        y, m = _shift_month(anchor, offset)
        return f"{y:04d}-{m:02d}"
    if unit == "year":
        return str(anchor.year + offset)
    if unit == "quarter":
        y, m = _shift_month(anchor, 3 * offset)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "decade":
        return f"{(anchor.year // 10 + offset):03d}X"
    if unit == "century":
        return f"{(anchor.year // 100 + offset):02d}XX"
    if unit in _SEASONS:
        return f"{anchor.year + offset}-{_SEASONS[unit]}"
    return None


_OFFSETS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0, "current": 0}


def _resolve(t: Timex, anchor: date | None, future: bool, previous: date | None) -> tuple[str | None, str | None]:
    """(value, what it was counted from: "published", an earlier expression, or None when absolute)."""
    p = t.parts
    if t.kind == "iso":
        return _safe_date(int(p["year"]), int(p["mnum"]), int(p["day"])), None
    if t.kind == "numeric":
        year = int(p["y"]) + (2000 if len(p["y"]) == 2 and int(p["y"]) < 50 else 1900 if len(p["y"]) == 2 else 0)
        a, b = int(p["a"]), int(p["b"])
        month, day = (a, b) if a <= 12 else (b, a)  # month first unless it cannot be
        return _safe_date(year, month, day), None
    if t.kind in {"month_day", "day_month"}:
        month, day = MONTHS[p["month"].lower().rstrip(".")], int(p["day"])
        if "year" in p:
            return _safe_date(int(p["year"]), month, day), None
        if anchor is None:
            return f"--{month:02d}-{day:02d}", None
        found = _month_day(anchor, month, day, future)
        return (found.isoformat() if found else None), "published"
    if t.kind == "month_year":
        month = MONTHS[p["month"].lower().rstrip(".")]
        if "year" in p:
            return f"{int(p['year']):04d}-{month:02d}", None
        if anchor is None:
            return f"--{month:02d}", None
        year = anchor.year
        if not future and month > anchor.month + 1:
            year -= 1
        elif future and month < anchor.month - 1:
            year += 1
        return f"{year:04d}-{month:02d}", "published"
    if t.kind == "year":
        return p["year"], None
    if t.kind == "decade":
        return p["year"][:3] + "X", None
    if t.kind == "quarter":
        q = 4 if p["ord"].lower() == "last" and "year" not in p and "mod" not in p else _QUARTERS.get(p["ord"].lower())
        if "year" in p:
            return f"{p['year']}-Q{q}", None
        if anchor is None:
            return None, None
        year = anchor.year + _OFFSETS.get(p.get("mod", "this").lower(), 0)
        if p["ord"].lower() == "last" and "mod" not in p:
            y, m = _shift_month(anchor, -3)
            return f"{y:04d}-Q{(m - 1) // 3 + 1}", "published"
        return f"{year}-Q{q}", "published"
    if t.kind == "short_year":
        yy = int(p["yy"])
        century = 2000 if anchor is not None and 2000 + yy <= anchor.year + 5 else 1900
        return (f"{(century + yy) // 10}X" if "decade" in p else str(century + yy)), None
    if t.kind in {"past_ref", "future_ref"}:
        return None, None  # "recently", "in the long term": a time, but no date to give
    if t.kind == "short_decade":
        return f"19{p['dd'][0]}X", None  # "the 70s": a decade of the last century
    if t.kind == "season":
        if anchor is None:
            return None, None
        return _unit_value(anchor, p["unit"], 0), "published"
    if t.kind == "the_day" and previous is not None:
        return previous.isoformat(), None
    base = previous if t.kind == "anaphoric" or (t.kind == "ago" and p["dir"].lower() != "ago") else anchor
    if base is None:
        return None, None
    relative_to = "published" if base is anchor and t.kind != "anaphoric" else None
    if t.kind in {"present", "the_day"}:
        return base.isoformat(), relative_to
    if t.kind == "weekend":
        saturday = _weekday(base, 5, None, future)
        return _week(saturday) + "-WE", relative_to
    if t.kind == "deictic":
        word = re.sub(r"\s+", " ", p["word"].lower())
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        return (base + timedelta(days=offset)).isoformat(), relative_to
    if t.kind == "weekday":
        mod = p.get("mod", "").lower() or None
        return _weekday(base, WEEKDAYS[p["weekday"].lower().rstrip(".")], mod, future).isoformat(), relative_to
    if t.kind == "rel_unit":
        return _unit_value(base, p["unit"], _OFFSETS[p["mod"].lower()]), relative_to
    if t.kind == "edge_unit":
        mod = (p.get("mod") or "this").lower().replace("the ", "")
        return _unit_value(base, p["unit"], _OFFSETS.get(mod, 0)), relative_to
    if t.kind == "ago":
        n = _count(p["count"])
        if n is None:
            return None, None
        sign = 1 if p["dir"].lower() in {"later", "after"} else -1
        unit = p["unit"].lower()
        if unit in {"day", "week"}:  # "a week ago" is a day: seven days back
            return (base + timedelta(days=sign * n * (7 if unit == "week" else 1))).isoformat(), relative_to
        return _unit_value(base, unit, sign * n), relative_to
    if t.kind == "anaphoric":
        if p.get("next"):
            return _unit_value(base, p["unit"].replace("morning", "day"), 1), None
        if p.get("prev"):
            unit = p.get("unit2", "day")
            if "after" in p["prev"].lower():
                return _unit_value(base, "day", 1), None
            return _unit_value(base, unit, -1), None
        return base.isoformat(), None
    return None, None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def publication_date(raw: str | date | None) -> date | None:
    """The day of a publication date as readers give it ("2024-03-05", "2024-03-05T09:30:00Z");
    None for none, or for one that is no ISO date (an article's metadata is not trusted to be)."""
    if raw is None or isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _clock(t: Timex, day: str | None) -> str | None:
    clock = t.parts.get("clock", "").lower()
    m = re.match(r"(\d{1,2})[:.]?(\d{2})?\s*(a\.m\.|p\.m\.|am|pm)?", clock)
    if clock in {"midnight", "noon", "midday"}:
        hh, mm = (0, 0) if clock == "midnight" else (12, 0)
    elif m:
        hh, mm = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) and m.group(3).startswith("p") and hh < 12:
            hh += 12
        if m.group(3) and m.group(3).startswith("a") and hh == 12:
            hh = 0
    else:
        return None
    if len(clock) == 4 and clock.isdigit():
        hh, mm = int(clock[:2]), int(clock[2:])
    return f"{day}T{hh:02d}:{mm:02d}" if day else f"T{hh:02d}:{mm:02d}"


def read_dates(text: str, published: date | None, doc: Doc | None = None) -> list[DateRef]:
    """Every time expression of ``text`` with its value, counted from ``published`` where it needs an anchor."""
    timexes = find_timexes(text)
    refs: list[DateRef] = []
    previous: tuple[date, str] | None = None
    for i, t in enumerate(timexes):
        future = _is_future(doc, text, t)
        if t.kind == "clock":
            near = [
                r for r in refs[-2:] if r.value and re.fullmatch(r"\d{4}-\d\d-\d\d", r.value) and t.start - r.end < 40
            ]
            day = near[-1].value if near else None
            if day is None:
                later = timexes[i + 1] if i + 1 < len(timexes) else None
                if later and later.start - t.end < 12:
                    later_value, _ = _resolve(later, published, future, previous[0] if previous else None)
                    day = later_value if later_value and len(later_value) == 10 else None
            day = day or (published.isoformat() if published else None)
            refs.append(DateRef(t.text, t.start, t.end, _clock(t, day), resolved=day is not None))
            continue
        value, relative_to = _resolve(t, published, future, previous[0] if previous else None)
        if t.kind == "the_day" and previous:
            relative_to = previous[1]
        if t.kind in {"anaphoric"} or (t.kind == "ago" and t.parts.get("dir", "").lower() != "ago"):
            relative_to = previous[1] if previous and value else None
        if t.kind == "weekday" and "clock" in t.parts and value:
            value = _clock(t, value) or value
        resolved = value is not None and not value.startswith(("--", "T"))
        refs.append(DateRef(t.text, t.start, t.end, value, resolved=resolved, relative_to=relative_to))
        if resolved and value and re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
            previous = (date.fromisoformat(value[:10]), t.text)
    return refs


def extract_dates(doc: Doc, *, published: str | date | None = None) -> tuple[DateRef, ...]:
    """Every time expression of a parsed text with its value, counted from ``published`` where it needs an anchor.

    The one implementation behind the dates stage and the spaCy component
    ``newsdesk_dates``: a pure function of the parse and the publication date
    (a ``date`` or an ISO string; one that is no date counts as none).
    """
    return tuple(read_dates(doc_text(doc), publication_date(published), doc))


def find_dates(article: Article, doc: Doc, settings: Settings | None = None) -> Article:
    """The dates stage: fill ``article.dates``, anchored on the publication date when there is one
    (the article's, else the one the settings assume)."""
    published = article.published or (settings.published if settings else None)
    return article.copy_with(dates=extract_dates(doc, published=published))
