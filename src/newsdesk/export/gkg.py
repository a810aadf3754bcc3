"""A GDELT-GKG-like table: one tab-separated line per article, in GKG 2.1's 27 columns.

GDELT's Global Knowledge Graph describes each news document in one line of
tab-separated fields, each a list in its own small syntax (blocks separated
by ``;`` with fields separated by ``#`` or ``,``; quotations in ``#``-separated
blocks of ``|``-separated fields). Tools written for GKG files index the
columns by position, so this file has all 27 columns in GKG's order and no
header; what newsdesk does not produce (themes, tone, GCAM dimensions other
than the word count, images, translation, geocoding) is left empty. The
column mapping is documented in the README ("GKG export").

Offsets are exact character offsets into ``articles.text`` (GKG's are
approximate offsets into its own copy of the document). A value never holds
the separators of its field, a tab or a line break: they become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from newsdesk.model import Amount, Article, Event, StoryLink, ThreadLink

__all__ = ["COLUMNS", "FILENAME", "GkgSink", "gkg_row"]

FILENAME = "newsdesk.gkg.csv"
"""The file ``--format gkg`` writes (GDELT names its files ``*.gkg.csv`` although they hold tabs)."""

COLUMNS: tuple[str, ...] = (
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
"""GKG 2.1's columns, in order (the file has no header: pass these as the names)."""

WEB, CITATION_ONLY = 1, 2
"""GKG source collections: a document on the web (its URL identifies it), or known by a citation only."""

LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})

_SPACE = re.compile(r"\s+")
_CURRENCY = re.compile(r"[A-Z]{3}")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")


def _clean(text: str | None, *separators: str) -> str:
    """``text`` on one line without the given separators (each becomes a space)."""
    text = text or ""
    for sep in separators:
        text = text.replace(sep, " ")
    return _SPACE.sub(" ", text).strip()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _is_count(amount: Amount) -> bool:
    """Whether a figure counts things (troops, passengers), as GKG's Counts do, rather than money or a ratio."""
    unit = amount.unit or ""
    return bool(amount.counts) and not _CURRENCY.fullmatch(unit) and unit not in ("%", "times")


def _count_type(article: Article, amount: Amount) -> str:
    """The category of the nearest event of the figure's sentence (``MILITARY_ACTION``), else empty.

    Statements are skipped: a reporting verb says nothing about what is counted.
    """
    sentence = next((s for s in article.sentences if s[0] <= amount.start < s[1]), None)
    if sentence is None:
        return ""

    def distance(ev: Event) -> int:
        at = ev.trigger[0] if ev.trigger else ev.sentence[0]
        return abs(at - amount.start)

    events = [ev for ev in article.events if ev.sentence == sentence and ev.category != "statement"]
    if not events:
        return ""
    return re.sub(r"[^A-Z0-9]+", "_", min(events, key=distance).category.upper()).strip("_")


def _counts(article: Article, *, offsets: bool) -> str:
    blocks = []
    for amount in article.amounts:
        if not _is_count(amount):
            continue
        fields = [_count_type(article, amount), _number(amount.value), _clean(amount.counts, "#", ";"), *[""] * 7]
        if offsets:
            fields.append(str(amount.start))
        blocks.append("#".join(fields))
    return ";".join(blocks)


def _mentions(article: Article, labels: Iterable[str] | None) -> list[tuple[int, str, str]]:
    """``(offset, name, label)`` of every mention of the entities with ``labels`` (all when None), in text order."""
    wanted = None if labels is None else set(labels)
    return sorted(
        (start, e.name, e.label)
        for e in article.entities
        if wanted is None or e.label in wanted
        for start, _ in e.mentions
    )


def _names(article: Article, labels: Iterable[str]) -> str:
    return ";".join(dict.fromkeys(_clean(e.name, ";") for e in article.entities if e.label in set(labels)))


def _enhanced_names(article: Article, labels: Iterable[str] | None) -> str:
    return ";".join(f"{_clean(name, ',', ';')},{start}" for start, name, _ in _mentions(article, labels))


def _locations(article: Article) -> str:
    names = dict.fromkeys(_clean(e.name, "#", ";") for e in article.entities if e.label in LOCATION_LABELS)
    return ";".join("#".join(["", name, *[""] * 5]) for name in names)


def _enhanced_locations(article: Article) -> str:
    return ";".join(
        "#".join(["", _clean(name, "#", ";"), *[""] * 6, str(start)])
        for start, name, _ in _mentions(article, LOCATION_LABELS)
    )


def _dates(article: Article) -> str:
    """``resolution#month#day#year#offset``: 1 a year, 2 a month of a year, 3 a day of a year."""
    blocks = []
    for d in article.dates:
        m = _ISO_DATE.fullmatch(d.value or "")
        if m is None:
            continue  # a week, a season, an unresolved date: GKG has no form for it
        year, month, day = m[1], m[2] or "0", m[3] or "0"
        resolution = 3 if m[3] else 2 if m[2] else 1
        blocks.append(f"{resolution}#{int(month)}#{int(day)}#{int(year)}#{d.start}")
    return ";".join(blocks)


def _quotations(article: Article) -> str:
    """``offset|length|verb|quote`` per quote, the blocks separated by ``#``."""
    return "#".join(
        f"{q.start}|{q.end - q.start}|{_clean(q.cue, '|', '#')}|{_clean(q.text, '|', '#')}" for q in article.quotes
    )


def _amounts(article: Article) -> str:
    """``amount,object,offset`` per figure; the object is what it counts, else its unit."""
    return ";".join(f"{_number(a.value)},{_clean(a.counts or a.unit, ',', ';')},{a.start}" for a in article.amounts)


def _date(published: str | None) -> str:
    digits = re.sub(r"\D", "", (published or "")[:19])
    return digits.ljust(14, "0") if len(digits) >= 8 else ""


def _extras(article: Article) -> str:
    parts = []
    if article.title:
        parts.append(f"<PAGE_TITLE>{escape(_clean(article.title), quote=False)}</PAGE_TITLE>")
    if article.authors:
        parts.append(f"<PAGE_AUTHORS>{escape(_clean(';'.join(article.authors)), quote=False)}</PAGE_AUTHORS>")
    main = article.main_event
    if main is not None and main.summary:
        code = f' cameo="{main.cameo}"' if main.cameo else ""
        parts.append(f"<MAIN_EVENT{code}>{escape(_clean(main.summary), quote=False)}</MAIN_EVENT>")
    codes = dict.fromkeys(e.cameo for e in article.events if e.cameo)  # GDELT's events carry CAMEO codes
    if codes:
        parts.append(f"<CAMEO>{';'.join(codes)}</CAMEO>")
    return "".join(parts)


def gkg_row(article: Article) -> list[str]:
    """The GKG fields of one article, in :data:`COLUMNS` order."""
    fields = {
        "GKGRECORDID": article.id,
        "V2.1DATE": _date(article.published),
        "V2SOURCECOLLECTIONIDENTIFIER": str(WEB if article.url else CITATION_ONLY),
        "V2SOURCECOMMONNAME": _clean(article.outlet),
        "V2DOCUMENTIDENTIFIER": _clean(article.url or article.source),
        "V1COUNTS": _counts(article, offsets=False),
        "V2.1COUNTS": _counts(article, offsets=True),
        "V1LOCATIONS": _locations(article),
        "V2ENHANCEDLOCATIONS": _enhanced_locations(article),
        "V1PERSONS": _names(article, ("PERSON",)),
        "V2ENHANCEDPERSONS": _enhanced_names(article, ("PERSON",)),
        "V1ORGANIZATIONS": _names(article, ("ORG",)),
        "V2ENHANCEDORGANIZATIONS": _enhanced_names(article, ("ORG",)),
        "V2.1ENHANCEDDATES": _dates(article),
        "V2GCAM": f"wc:{len(article.text.split())}",
        "V2.1QUOTATIONS": _quotations(article),
        "V2.1ALLNAMES": _enhanced_names(article, None),
        "V2.1AMOUNTS": _amounts(article),
        "V2EXTRASXML": _extras(article),
    }
    return [fields.get(column, "") for column in COLUMNS]


class GkgSink:
    """``newsdesk.gkg.csv``: one line per article, tab-separated, no header."""

    def __init__(self, folder: Path) -> None:
        self.file = (folder / FILENAME).open("w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(
        self, articles: Sequence[Article], links: Sequence[StoryLink], threads: Sequence[ThreadLink] = ()
    ) -> None:
        for article in articles:
            self.file.write("\t".join(gkg_row(article)) + "\n")
            self.count += 1

    def close(self) -> dict[str, int]:
        self.file.close()
        return {"gkg": self.count}
