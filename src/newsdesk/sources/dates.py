"""Parsing an explicit publication date into ISO form.

Only *absolute* dates are read here (metadata fields, "Published: …" lines,
date lines); resolving relative expressions in the body is the dates stage.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

__all__ = ["parse_date"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """``YYYY-MM-DD`` for a string holding a full calendar date, else None.

    Year, month and day must all be in the text: "Nov. 22" alone is not a
    publication date, because guessing the year would invent a fact.
    """
    text = text.strip()
    if not text or len(text) > 80:
        return None
    if m := _ISO.match(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    year = re.search(r"\b\d{4}\b", text)
    if year is None or not re.search(r"\d", text[: year.start()] + text[year.end() :]):
        return None  # a year alone, or no digits for the day
    import dateparser  # deferred: importing dateparser costs half a second

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if not isinstance(parsed, datetime) or not 1900 <= parsed.year <= 2100:
        return None
    return parsed.date().isoformat()
