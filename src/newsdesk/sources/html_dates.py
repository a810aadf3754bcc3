"""A page's publication date: the day it was published, with the time and zone where the page gives them.

htmldate (trafilatura's date finder, in its extensive search for the original
date) is right on most pages, but it has two known ways of going wrong that a
page's own markup can catch:

* it returns the day the page was last **modified** when the page states
  both ("datePublished" and "dateModified"): where its day is one of the
  page's modified dates and the page names an earlier published date, the
  published date wins;
* it returns a date from a **related link** when the article's own date sits
  in a visible label ("Written: 2023-11-07", "Published Nov 8, 2023"): a
  labelled publication date outside links, lists, asides and comments wins.

The time and zone come from the page's structured data (JSON-LD, meta tags,
``<time>``) when one of its published timestamps falls on the chosen day, as
the page wrote it (never converted: a UTC timestamp of 02:25 on the 25th for
an article the page dates the 24th would move its day).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from lxml import etree

from newsdesk.sources.dates import parse_date
from newsdesk.sources.regions import in_region

__all__ = ["iso_timestamp", "page_date"]

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "pubdate",
    "og:pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "pub_date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "citation_publication_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "modified_time",
    "datemodified",
    "last-modified",
    "lastmod",
    "dc.date.modified",
    "dcterms.modified",
    "revision_date",
)
_LABEL = re.compile(
    r"^\W*(?:published|posted|written|created|first\s+published|publication\s+date|date\s+published)"
    r"(?:\s+on)?\s*[:|-]?\s*(?P<when>.{6,60}?)\s*$",
    re.IGNORECASE,
)
# Where a labelled date belongs to something else: related stories, comments, menus, footers.
_ELSEWHERE = re.compile(r"comment|related|sidebar|widget|footer|recommend|popular|trending|more-|promo", re.IGNORECASE)
_LD_SCRIPTS = etree.XPath('//script[@type="application/ld+json"]/text()')
_METAS = etree.XPath("//meta[@content]")
_TIMES = etree.XPath("//time[@datetime]")
# Text nodes that may hold a label, found by XPath's own string test (a regular expression per node is slow).
_LABEL_NODES = etree.XPath(
    "//body//text()[not(parent::script or parent::style) and ("
    + " or ".join(f"contains(., '{w}')" for w in ("ublish", "osted", "ritten", "reated", "UBLISH", "OSTED", "RITTEN"))
    + ")]"
)
_SKIP_TAGS = frozenset({"a", "aside", "nav", "footer", "li", "script", "style", "head", "title", "noscript", "option"})


def iso_timestamp(value: str) -> str | None:
    """``YYYY-MM-DDTHH:MM:SS[±HH:MM]`` for an ISO 8601 timestamp that holds a time, else None.

    A time of exactly midnight is taken for a date written as a timestamp
    ("2019-06-17T00:00:00Z"), not a time the page gives.
    """
    value = value.strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value):
        return None
    try:
        stamp = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    if (stamp.hour, stamp.minute, stamp.second) == (0, 0, 0):
        return None
    return stamp.replace(microsecond=0).isoformat()


def _day(value: str) -> str | None:
    return parse_date(value[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()) else parse_date(value)


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, article-like types first, in document order otherwise."""
    found: list[dict[str, Any]] = []
    for script in _LD_SCRIPTS(tree):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if isinstance(v, dict | list) and k != "itemListElement")

    def articlelike(item: dict[str, Any]) -> bool:
        kind = item.get("@type")
        kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        return re.search(r"Article|Posting|Report", kinds) is not None

    yield from sorted(found, key=lambda item: not articlelike(item))


def _metas(tree: Any) -> dict[str, str]:
    """The page's meta tags by (lower-cased) property, name or itemprop, the first of each."""
    found: dict[str, str] = {}
    for meta in _METAS(tree):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        found.setdefault(name, meta.get("content"))
    return found


def _times(tree: Any) -> dict[str, list[str]]:
    """The ``datetime`` of the page's ``<time>`` elements by what they say they are (itemprop, "pubdate")."""
    found: dict[str, list[str]] = {}
    for element in _TIMES(tree):
        kind = element.get("itemprop") or ("datePublished" if element.get("pubdate") is not None else "")
        found.setdefault(kind, []).append(element.get("datetime"))
    return found


def _stated(
    ld: list[dict[str, Any]], metas: dict[str, str], times: dict[str, list[str]], names: tuple[str, ...], key: str
) -> list[str]:
    """The page's structured values for a date field (JSON-LD, meta tags, ``<time itemprop>``), in that order."""
    values = [v for item in ld if isinstance(v := item.get(key), str)]
    values += [metas[n] for n in names if n in metas]
    values += times.get(key, [])
    return [v.strip() for v in values if v and v.strip()]


def _elsewhere(element: Any) -> bool:
    """Inside a link, a list, comments or related stories (looked for up to the article, main or body)."""
    return in_region(element, _ELSEWHERE, tags=_SKIP_TAGS)


def labelled_date(tree: Any) -> str | None:
    """The first visible "Published: …" / "Posted on …" / "Written: …" date outside links, lists and comments."""
    for node in _LABEL_NODES(tree):
        element = node.getparent()
        if element is not None and node.is_tail:
            element = element.getparent()
        for _ in range(3):  # from the label's element up to the one that also holds the date
            if element is None or not isinstance(element.tag, str):
                break
            text = " ".join(" ".join(element.itertext()).split())
            if len(text) > 120:
                break
            if match := _LABEL.match(text):
                when = re.split(r"\s+(?:by|\||·|–|—)\s+", match["when"])[0]
                if (day := parse_date(when)) and not _elsewhere(element):
                    return day
                if day:
                    break  # the label and its date, but in a link, a list or comments
            element = element.getparent()
    return None


def page_date(tree: Any, found: str | None) -> str | None:
    """The publication date of a page, given the day htmldate ``found`` (None when it found none).

    Returns ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM:SS[±HH:MM]`` when a structured
    published timestamp of the page falls on that day.
    """
    ld, metas, times = list(_json_ld(tree)), _metas(tree), _times(tree)
    published = _stated(ld, metas, times, _PUBLISHED_META, "datePublished")
    published_days = [d for d in map(_day, published) if d]
    # htmldate's day confirmed by the page's structured data needs no visible label (and saves the search)
    day = found if found and found in published_days else labelled_date(tree)
    if day is None and found:
        modified = {d for d in map(_day, _stated(ld, metas, times, _MODIFIED_META, "dateModified")) if d}
        earlier = [d for d in published_days if d < found]
        day = earlier[0] if found in modified and earlier and found not in published_days else found
    day = day or (published_days[0] if published_days else None)
    if day is None:
        return None
    for value in published:
        if (stamp := iso_timestamp(value)) and stamp[:10] == day:
            return stamp
    return day
