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

The day chosen so is then held against the dates the page **shows** its
readers. A page that shows the chosen day (or no date at all) keeps it. A page
that never shows it, but shows one other day of its own (labelled "Updated",
or one of its structured dates), presents the article as of that day: sites
that refresh evergreen articles (recipes, how-tos) re-date them with an
"Updated May 6, 2019" line and keep the first ``datePublished`` in their
markup only. The shown day is the page's date for its readers, not a hidden
last-modified stamp; a page that shows both its first and its updated day
keeps the first.

The time and zone come from the page's structured data (JSON-LD, meta tags,
``<time>``) when one of its published timestamps falls on the chosen day, as
the page wrote it (never converted: a UTC timestamp of 02:25 on the 25th for
an article the page dates the 24th would move its day).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from lxml import etree

from newsdesk.sources.dates import parse_date
from newsdesk.sources.regions import in_region

__all__ = ["iso_timestamp", "page_date", "shown_date"]

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
# The page's texts that may hold a year (XPath's own string test: a regular expression per node is slow).
_YEAR_NODES = etree.XPath("//body//text()[contains(., '19') or contains(., '20')]")
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "textarea", "option", "template"})
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# A date as pages show it: "6 January 2020", "Mar 12, 2020", "2020-03-12", "12.03.2020", "2020/03/12";
# the day and month alone ("Mar 12") too, for the test whether the page shows a given day.
_SHOWN = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<m1>{_MONTH}),?(?:\s+(?P<y1>\d{{4}})\b)?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b,?(?:\s+(?P<y2>\d{{4}})\b)?"
    r"|(?P<y3>\d{4})(?P<s3>[-/])(?P<m3>\d{2})(?P=s3)(?P<d3>\d{2})\b"
    r"|(?P<a4>\d{1,2})(?P<s4>[./-])(?P<b4>\d{1,2})(?P=s4)(?P<y4>\d{4})\b)",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b|\b(?:updated|modified)(?:\s+(?:on|at))?\W*$", re.I)
# Where a shown date belongs to the page around the article, not to it.
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer"})


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


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _readings(match: re.Match[str]) -> tuple[frozenset[str], str | None]:
    """What a shown date may mean, and the one day it surely is.

    The readings are ``YYYY-MM-DD`` days (both orders of a numeric "03.01.2020",
    since the page's locale decides), or ``MM-DD`` for a date shown without its
    year; the sure day is None for those two, which only tell whether a page
    shows a given day.
    """
    g = match.groupdict()
    if g["y3"]:
        day = _valid(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        return frozenset([day] if day else []), day
    if g["y4"]:
        a, b, year = int(g["a4"]), int(g["b4"]), int(g["y4"])
        days = frozenset(d for d in (_valid(year, b, a), _valid(year, a, b)) if d)
        return days, next(iter(days)) if len(days) == 1 else None
    shown_day, name, shown_year = (g["d1"], g["m1"], g["y1"]) if g["m1"] else (g["d2"], g["m2"], g["y2"])
    month = _MONTHS.index(name[:3].lower()) + 1
    if shown_year is None:
        return frozenset([f"{month:02d}-{int(shown_day):02d}"]), None
    day = _valid(int(shown_year), month, int(shown_day))
    return frozenset([day] if day else []), day


def _label(text: str, match: re.Match[str], owner: Any) -> str:
    """The words just before a shown date: in its own text, else in the elements that hold it."""
    before = text[: match.start()]
    element = owner
    for _ in range(2):  # "<span>Updated</span> <time>Mar 12, 2020</time>": the label is a sibling's
        if re.search(r"[^\W\d]", before) or element is None:
            break
        whole = " ".join(" ".join(element.itertext()).split())
        at = whole.find(match[0])
        before = whole[:at] if at >= 0 else ""
        element = element.getparent()
    return before[-40:]


def shown_date(tree: Any, day: str, own: set[str], times: list[str]) -> str | None:
    """The one other day a page shows its readers where it never shows ``day`` (None: ``day`` stands).

    ``day`` is shown when a short visible text holding a year, or a ``<time>``
    element, holds it (anywhere: the test only guards against a change; a day
    shown without its year, "Mar 12", counts where its text also holds a year). Another
    day counts when it is shown outside the page's furniture (asides, menus,
    footers, comments, related stories) and is labelled "Updated" / "Last
    modified" or is one of the page's own dates (``own``: its structured
    published and modified days, htmldate's day). Two such days, or none, leave
    ``day`` alone.
    """
    if any(_day(value) == day for value in times):
        return None
    found: set[str] = set()
    for node in _YEAR_NODES(tree):
        owner = node.getparent()
        if owner is not None and node.is_tail:
            owner = owner.getparent()
        text = " ".join(node.split())
        if owner is None or owner.tag in _HIDDEN_TAGS or len(text) > 100:
            continue  # not shown, or a date in the prose rather than the page's own
        for match in _SHOWN.finditer(text):
            days, sure = _readings(match)
            if day in days or day[5:] in days:
                return None
            if sure is None or sure in found or in_region(owner, _ELSEWHERE, tags=_FURNITURE_TAGS):
                continue
            if sure in own or _UPDATED.search(_label(text, match, owner)):
                found.add(sure)
    return next(iter(found)) if len(found) == 1 else None


def page_date(tree: Any, found: str | None) -> str | None:
    """The publication date of a page, given the day htmldate ``found`` (None when it found none).

    Returns ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM:SS[±HH:MM]`` when a structured
    timestamp of the page falls on that day (a published one; a modified one
    too when the day is the updated day the page shows).
    """
    ld, metas, times = list(_json_ld(tree)), _metas(tree), _times(tree)
    published = _stated(ld, metas, times, _PUBLISHED_META, "datePublished")
    published_days = [d for d in map(_day, published) if d]
    modified = _stated(ld, metas, times, _MODIFIED_META, "dateModified")
    modified_days = {d for d in map(_day, modified) if d}
    # htmldate's day confirmed by the page's structured data needs no visible label (and saves the search)
    day = found if found and found in published_days else labelled_date(tree)
    if day is None and found:
        earlier = [d for d in published_days if d < found]
        day = earlier[0] if found in modified_days and earlier and found not in published_days else found
    day = day or (published_days[0] if published_days else None)
    if day is None:
        return None
    stamps = published
    own = {*published_days, *modified_days, *([found] if found else [])}
    if shown := shown_date(tree, day, own, [value for values in times.values() for value in values]):
        day, stamps = shown, [*published, *modified]
    for value in stamps:
        if (stamp := iso_timestamp(value)) and stamp[:10] == day:
            return stamp
    return day
