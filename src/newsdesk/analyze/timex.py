"""Finding time expressions: the grammar the dates stage resolves, and amounts avoid.

A time expression is found by shape, never by a guess at its value: month
names with a day or a year ("Nov. 21", "21 November 2019", "November 2019"),
numeric dates ("2019-11-21", "21/11/2019"), clock times ("18:00 UTC",
"6:40 p.m."), years ("in 2015", "the 1990s"), weekdays ("on Thursday",
"midnight Friday"), and the relative words of news writing ("yesterday",
"next week", "the end of the year", "the next day", "three days later").

Each match is a :class:`Timex`: its span, its kind and the parts the grammar
read (day, month, year, weekday, offset…). Turning a Timex into a calendar
value is the dates stage's job (``newsdesk.analyze.dates``), because it needs
the publication date and the tense of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["MONTHS", "WEEKDAYS", "Timex", "calendar_spans", "find_timexes"]

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}

_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = (
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_CLOCK = (
    r"(?P<clock>(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:a\.m\.|p\.m\.|am|pm)(?![\w]))?"
    r"|(?:1[0-2]|0?[1-9])\.[0-5]\d\s?(?:a\.m\.|p\.m\.|am|pm)(?![\w])"
    r"|(?:1[0-2]|0?[1-9])\s?(?:a\.m\.|p\.m\.|am|pm)(?![\w])|midnight|noon|midday"
    r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s?(?:UTC|GMT|hours|hrs|local time)\b))"
    r"(?:\s?(?:\(?(?:UTC|GMT|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|KST|JST|IST)(?:\s?[+-]\s?\d{1,2})?\)?))?"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 2019-11-21, 2019/11/21
    ("iso", re.compile(r"(?<![\w/-])(?P<year>1[5-9]\d\d|20\d\d)[-/](?P<mnum>[01]?\d)[-/](?P<day>[0-3]?\d)(?![\w/-])")),
    # 21/11/2019, 7/8/07 (day first outside the US is the reader's problem: we keep what the text says)
    ("numeric", re.compile(r"(?<![\w/.-])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)?\d\d)(?![\w/-]|\.\d)")),
    # Thursday, November 21, 2019 / Nov. 21 / November 21st
    (
        "month_day",
        re.compile(
            rf"(?:{_WEEKDAY},?[ \t]+)?\b{_MONTH}\s+{_DAY}(?![\d:])(?:(?:,\s*|\s+){_YEAR})?(?![\w-])",
        ),
    ),
    # 21 November 2019 / 21st of November
    (
        "day_month",
        re.compile(rf"(?:{_WEEKDAY},?[ \t]+)?\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR})?(?![\w-])"),
    ),
    # November 2019 / mid-November / early 2009 / late November
    (
        "month_year",
        re.compile(
            rf"\b(?:(?P<edge>early|mid|late)[- ])?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?\b(?!\s+[0-3]?\d\b)(?!-)",
        ),
    ),
]


@dataclass(frozen=True)
class Timex:
    """A time expression found in a text, with the parts its grammar read."""

    start: int
    end: int
    text: str
    kind: str
    parts: dict[str, str] = field(default_factory=dict, compare=False)


def _explicit(text: str) -> Iterator[Timex]:
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            parts = {k: v for k, v in m.groupdict().items() if v}
            if kind == "month_year" and m.group("month") == "May" and not (m.group("year") or m.group("edge")):
                # "May" alone is a modal verb far more often than the month
                before = text[max(0, m.start() - 12) : m.start()].lower()
                if not re.search(r"\b(?:in|since|until|till|by|from|of|early|late|last|next|this)\s+$", before):
                    continue
            if kind == "month_year" and m.group("month").endswith(".") and not m.group("year"):
                continue  # "Dec." alone
            yield Timex(m.start(), m.end(), m.group(), kind, parts)


_YEAR_ONLY = re.compile(
    r"(?P<lead>\b(?:in|since|until|till|by|from|of|during|before|after|through|for|early|late|mid-?|end of|start of)\s+"
    r"(?:the\s+)?)?"
    r"(?<![\w$£€¥.,])(?<![\dA-Z]-)(?P<year>1[5-9]\d\d|20\d\d)(?P<decade>s|'s)?(?![\w%]|[.,]\d|\s?(?:%|per\s?cent|percent))"
)

_CLOCK_RE = re.compile(rf"(?<![\w:.]){_CLOCK}")


def _years(text: str) -> Iterator[Timex]:
    for m in _YEAR_ONLY.finditer(text):
        s = m.start("year")
        after = text[m.end() : m.end() + 20]
        # "2000 people", "1500 troops": a count, not a year (unless introduced as one)
        if not m.group("lead") and re.match(r"\s+(?:[a-z]+s|people|more|new|of)\b", after):
            continue
        kind = "decade" if m.group("decade") else "year"
        yield Timex(s, m.end(), text[s : m.end()], kind, {"year": m.group("year")})


def _clocks(text: str) -> Iterator[Timex]:
    for m in _CLOCK_RE.finditer(text):
        yield Timex(m.start(), m.end(), m.group(), "clock", {"clock": m.group("clock")})


_UNIT = r"(?P<unit>day|week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)"
_COUNT = (
    r"(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+few|several|a\s+couple\s+of)"
)
_RELATIVE: list[tuple[str, re.Pattern[str]]] = [
    (
        "deictic",
        re.compile(
            r"\b(?:(?P<edge>earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)"
            r"|last\s+night)(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"(?:\b(?P<mod>last|next|this|coming|past)\s+)?(?:\b(?P<clock>midnight|noon|midday)\s+(?:on\s+)?)?"
            rf"\b{_WEEKDAY}(?:\s+{_PART})?(?:\s+(?P<clock2>midnight|noon))?\b"
        ),
    ),
    (
        "edge_unit",
        re.compile(
            r"\b(?:the\s+)?(?P<edge>end|beginning|start|middle|close|rest|turn)\s+of\s+"
            r"(?:the\s+|this\s+|(?P<mod>last|next|the\s+current|the\s+coming)\s+)?"
            r"(?P<unit>week|month|year|quarter|decade|century)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "rel_unit",
        re.compile(
            r"\b(?:(?P<edge>early|late|mid|earlier|later)[- ])?"
            rf"(?P<mod>last|next|this|coming|past|previous|following|current)\s+{_UNIT}\b",
            re.IGNORECASE,
        ),
    ),
    ("ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}s?\s+(?P<dir>ago|earlier|later|before|after)\b", re.IGNORECASE)),
    (
        "anaphoric",
        re.compile(
            r"\b(?:(?P<edge>later|earlier)\s+)?(?:(?P<next>the\s+(?:next|following)\s+(?P<unit>day|morning|week|month|year))"
            r"|(?P<prev>the\s+(?:day|week|month|year)\s+before|the\s+previous\s+(?P<unit2>day|week|month|year)"
            r"|the\s+(?:day|night)\s+after(?!\s+\w+ing\b))|(?P<same>(?:that|the\s+same)\s+(?:day|morning|evening|night|week)))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "the_day",
        re.compile(
            r"\b(?:end|ended|ending|ends|finish|finished|finishing|close|closed|closing|for|in|during|on|of)\s+"
            r"(?P<x>the\s+(?:trading\s+)?day)\b(?!\s+(?:before|when|that|of|he|she|they|it|we)\b)"
            r"(?!\s+after\s+(?!\w+ing\b))",
            re.IGNORECASE,
        ),
    ),
    ("weekend", re.compile(r"\b(?:during|over|at|on|for)\s+(?P<x>the\s+weekend)\b", re.IGNORECASE)),
    ("season", re.compile(r"(?<![\w-])(?P<unit>spring|summer|autumn|winter)(?![\w-])", re.IGNORECASE)),
    (
        "present",
        re.compile(r"\b(?:now|currently|at\s+present|at\s+the\s+moment|nowadays|presently)\b(?!-)", re.IGNORECASE),
    ),
    (
        "past_ref",
        re.compile(r"\b(?:recently|in\s+recent\s+(?:years|months|weeks|days|times|history))\b", re.IGNORECASE),
    ),
    (
        "future_ref",
        re.compile(r"\b(?:in|for)\s+(?P<x>the\s+(?:near|long|short|medium)\s+term|the\s+(?:near\s+)?future)\b", re.I),
    ),
    ("past_ref", re.compile(r"\b(?:of|in)\s+(?P<x>the\s+past)\b(?!\s+\w+\s+(?:days|weeks|months|years))", re.I)),
    ("short_decade", re.compile(r"\bthe\s+(?P<x>(?P<dd>[1-9]0)s)(?:\s+and\s+(?:the\s+)?[1-9]0s)?\b")),
    ("short_year", re.compile(r"(?<![\w'’])['’](?P<yy>\d\d)(?P<decade>s)?\b")),
    (
        "quarter",
        re.compile(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter"
            rf"(?:\s+of\s+(?:{_YEAR}|(?P<mod>this|last|next)\s+year))?\b",
            re.IGNORECASE,
        ),
    ),
]


def _relative(text: str) -> Iterator[Timex]:
    for kind, pattern in _RELATIVE:
        for m in pattern.finditer(text):
            parts = {k: v for k, v in m.groupdict().items() if v}
            start, end = m.span("x") if "x" in parts else m.span()
            yield Timex(start, end, text[start:end], kind, parts)


def _merge(found: list[Timex]) -> list[Timex]:
    """Longest first; a match inside an earlier, longer one is dropped."""
    kept: list[Timex] = []
    for t in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        if not any(t.start < k.end and k.start < t.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def calendar_spans(text: str) -> list[tuple[int, int]]:
    """Spans of explicit dates, years and clock times: numbers there are not amounts."""
    return [(t.start, t.end) for t in _merge([*_explicit(text), *_years(text), *_clocks(text)])]


def find_timexes(text: str) -> list[Timex]:
    """Every time expression of ``text`` the grammar knows, without overlaps, in text order."""
    return _merge([*_explicit(text), *_years(text), *_clocks(text), *_relative(text)])
