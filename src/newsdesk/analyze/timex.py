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
    ("numeric", re.compile(r"(?<![\w/.-])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)?\d\d)(?![\w/.-])")),
    # Thursday, November 21, 2019 / Nov. 21 / November 21st
    (
        "month_day",
        re.compile(
            rf"(?:{_WEEKDAY},?\s+)?\b{_MONTH}\s+{_DAY}(?![\d:])(?:(?:,\s*|\s+){_YEAR})?(?![\w-])",
        ),
    ),
    # 21 November 2019 / 21st of November
    (
        "day_month",
        re.compile(rf"(?:{_WEEKDAY},?\s+)?\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR})?(?![\w-])"),
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
    r"(?<![\w$£€¥.,-])(?P<year>1[5-9]\d\d|20\d\d)(?P<decade>s|'s)?(?![\w%]|[.,]\d|\s?(?:%|per\s?cent|percent))"
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
    return _merge([*_explicit(text), *_years(text), *_clocks(text)])
