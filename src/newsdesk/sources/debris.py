"""Removing scraping debris from article text, and reading what it tells.

Scraped text carries the page around the article: related links ("READ ALSO
…"), social prompts ("Follow … on Twitter: @…"), navigation ("Back To Top"),
share and subscribe lines (also share buttons a scrape ran into a paragraph:
"Click to share on Twitter (Opens in new window)"), and agency tags ("… in
their court. (Reuters)").
Each rule here is general (a shape of line, never a string from one site) and
returns what it learned: the outlet, the authors, a title, a publication date.

The cleaner works line by line and keeps the layout of what it keeps, so the
cleaned text still reads like the article and paragraph breaks survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.model import Debris
from newsdesk.sources.dates import parse_date

__all__ = ["Cleaned", "clean_text", "split_names"]

_SOCIAL = r"(?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|tiktok|youtube)"

# Whole lines that are page furniture rather than article text.
_FURNITURE = re.compile(
    r"""^(?:
        back\ to\ (?:top|home|search\ results)
      | (?:skip\ to\ (?:main\ )?content)
      | advertisement | sponsored(?:\ content)? | promoted
      | (?:share|tweet|email|print|save|comment|comments)(?:\ (?:this|the))?(?:\ (?:article|story|page|post))?
            (?:\ (?:on|via|by)\ \w+)?
      | share\ (?:on|via)\ .{1,40}
      | (?:\d+\ )?comments?
      | (?:sign\ up|subscribe|register|log\ ?in)\b.{0,80}
      | (?:get|receive)\ (?:our|the)\ .{0,40}newsletter.{0,60}
      | newsletter.{0,60}
      | (?:all\ rights\ reserved.*)
      | (?:copyright|©|\(c\))\ .{0,100}
      | (?:click|tap)\ (?:here|to)\b.{0,80}
      | (?:continue|keep)\ reading.{0,40}
      | read\ (?:the\ )?(?:rest|full\ (?:story|article|report)|more)\b.{0,40}
      | (?:photo|image|picture|video|file\ photo|graphic)(?:\ credit)?\s*[:|].{0,120}
      | (?:listen\ to\ (?:this\ )?article).{0,40}
      | (?:\d+\ )?min(?:ute)?s?\ read
      | \S+@\S+\.\w+
      | @\w+(?:[,\s]+(?:and\ )?@\w+)*
      | [-–—=_*•·|]{3,}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A related-links line: an all-caps lead ("READ ALSO", "RELATED:", "MORE:") and a headline.
# A line that is only a link: debris in scraped text; in an extracted HTML body, the author's link.
_BARE_LINK = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)

_RELATED = re.compile(
    r"^(?:(?:ALSO\ )?READ(?:\ ALSO|\ MORE)?|SEE\ ALSO|RELATED(?:\ (?:STORY|STORIES|ARTICLES?|COVERAGE))?|MORE"
    r"|RECOMMENDED|WATCH|LISTEN|TRENDING|MOST\ READ|TOP\ STORIES|EDITOR'?S\ PICKS?)"
    r"(?:\s*[:|»>-]\s*|\s{2,}|\s+(?=[A-Z‘'\"“]))\S.*$|"
    r"^(?:Also\ read|Read\ also|Read\ more|See\ also|Related(?:\ stories|\ articles?)?|Recommended)\s*[:|»>-]\s*\S.*$",
    re.VERBOSE,
)

_FOLLOW = re.compile(
    rf"^follow\s+(?P<who>.+?)\s+on\s+{_SOCIAL}\b(?:\s+(?:and|or)\s+{_SOCIAL})*[\s:,]*(?P<handles>@.*)?$",
    re.IGNORECASE,
)
_VIA = re.compile(r"^(?i:via\s+|sources?:\s*)(?P<outlet>[A-Z][\w&.'’ -]{1,60}?)\.?\s*$")
_FIRST_APPEARED = re.compile(
    r"^(?:this\s+(?:article|story|piece)\s+(?:was\s+)?(?:first|originally)\s+(?:appeared|published|ran)"
    r"|(?:first|originally)\s+(?:appeared|published))\s+(?:in|on|at|by)\s+(?P<outlet>[A-Z][\w&.'’ -]{1,60}?)"
    r"(?:\s+on\s+.{1,40})?\.?\s*$",
    re.IGNORECASE,
)
_COPYRIGHT_OUTLET = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(?P<outlet>[A-Z][\w&.'’ -]{1,60}?)"
    r"(?:[.,]\s*all rights reserved.*)?\.?\s*$",
    re.IGNORECASE,
)
# Share buttons whose link titles a scrape ran into the paragraph: "Click to share on Twitter (Opens in new window)".
_SHARE_BUTTONS = re.compile(
    r"(?:\b(?:click|tap)\s+to\s+(?:share|email|print|tweet|pin|save)\b[^()\n]{0,60}?"
    r"\(opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)[ \t]*)+",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+(?P<who>[A-Z][^\n]{2,120}?)\s*$", re.IGNORECASE)
_DATED = re.compile(
    r"^(?:published|updated|posted|last\s+(?:updated|modified)|first\s+published)(?:\s+on)?\s*[:|-]?\s*(?P<when>.{4,60})$",
    re.IGNORECASE,
)
# "(Yonhap)" / "(Reuters)" closing a paragraph after its final punctuation: an agency tag.
_AGENCY = r"(?P<agency>[A-Z][A-Za-z&.’'-]{1,20}(?: [A-Z][A-Za-z&.’'-]{0,20}){0,2})"
_AGENCY_TAIL = re.compile(rf"(?<=[.!?\"”’'])\s*\({_AGENCY}\)\s*$")
# "SEOUL, Nov. 22 (Yonhap) -- " opening a paragraph: a dateline with an agency tag.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'’-]{1,40}?(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?)\s*"
    rf"\({_AGENCY}\)\s*(?:--|—|–|-|:)\s*"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|le|la|bin|al|el)$")


@dataclass(frozen=True)
class Cleaned:
    """What cleaning a scraped text gives: the text and what the debris told."""

    text: str
    debris: tuple[Debris, ...] = ()
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    title: str | None = None
    published: str | None = None
    places: tuple[str, ...] = field(default=())


def split_names(run: str) -> list[str]:
    """Person names from a run such as "Ann Lee, Bo Park and Cy Diaz" (others dropped)."""
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bwith\b)\s*", run.strip().rstrip(".:"))
    names = []
    for part in parts:
        words = part.split()
        if 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) and words[0][0].isupper():
            names.append(" ".join(words))
    return names


def _is_title(line: str, following: str) -> bool:
    """A heading: a short single line above the body, not a sentence of it."""
    words = line.split()
    if not 2 <= len(words) <= 25 or not following.strip() or len(line) > 200:
        return False
    if line.endswith((":", ",", ";")):
        return False
    capitalised = sum(w[:1].isupper() for w in words if w[:1].isalpha())
    alpha = sum(1 for w in words if w[:1].isalpha())
    title_case = alpha > 0 and capitalised / alpha >= 0.6
    ends_sentence = line.rstrip("\"”’'").endswith((".", "!", "?"))
    return title_case or not ends_sentence


def _line_debris(line: str, *, links: bool) -> tuple[str, dict[str, object]] | None:
    """Classify one stripped line: (reason, facts) when it is debris, else None."""
    if links and _BARE_LINK.match(line):
        return "bare link", {}
    if m := _FOLLOW.match(line):
        return "social prompt", {"authors": split_names(m.group("who"))}
    if m := _FIRST_APPEARED.match(line):
        return "source note", {"outlet": m.group("outlet").strip()}
    if (m := _VIA.match(line)) and len(line.split()) <= 8:
        return "source note", {"outlet": m.group("outlet").strip()}
    if _RELATED.match(line):
        return "related link", {}
    if (m := _DATED.match(line)) and (when := parse_date(m.group("when"))):
        return "timestamp", {"published": when}
    if (m := _BYLINE.match(line)) and (names := split_names(m.group("who"))):
        return "byline", {"authors": names}
    if (m := _COPYRIGHT_OUTLET.match(line)) and len(line.split()) <= 12:
        return "copyright", {"outlet": m.group("outlet").strip()}
    if _FURNITURE.match(line):
        return "page furniture", {}
    return None


def clean_text(raw: str, *, scraped: bool = True, find_date: bool = True) -> Cleaned:
    """Remove scraping debris from ``raw`` and collect the metadata it carried.

    Args:
        raw: the scraped text, any line endings.
        scraped: the text is a scrape of its own, not the body an HTML
            extractor found: take a heading line above the body as the title,
            and drop lines that are only a link.
        find_date: look for a publication date on a line of its own near the
            top (the caller that already knows the date skips that cost).
    """
    lines = _unbreak(raw.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    kept: list[str] = []
    debris: list[Debris] = []
    outlets: list[str] = []
    authors: list[str] = []
    published: str | None = None
    for line in lines:
        buttons = [m.group(0).strip() for m in _SHARE_BUTTONS.finditer(line)]
        if buttons:
            debris.extend(Debris(b, "share buttons") for b in buttons)
            line = re.sub(r"(?<=\S) {2,}(?=\S)", " ", _SHARE_BUTTONS.sub(" ", line))
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        found = _line_debris(stripped, links=scraped)
        if found is None:
            kept.append(line.rstrip())
            continue
        reason, facts = found
        debris.append(Debris(stripped, reason))
        if isinstance(outlet := facts.get("outlet"), str):
            outlets.append(outlet)
        if isinstance(names := facts.get("authors"), list):
            authors.extend(n for n in names if n not in authors)
        if isinstance(when := facts.get("published"), str):
            published = published or when
    kept, agency_outlets = _strip_agency_tags(kept, debris)
    outlets.extend(agency_outlets)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    title = None
    if scraped:
        text, title, masthead = _headings(text, debris)
        if masthead:
            outlets.insert(0, masthead)
    if find_date:
        published = published or _date_line(text)
    return Cleaned(
        text=text,
        debris=tuple(debris),
        outlet=outlets[0] if outlets else None,
        authors=tuple(authors),
        title=title,
        published=published,
    )


def _is_masthead(line: str) -> bool:
    """A site name on a line of its own: a few capitalised words, no punctuation to speak of."""
    words = line.split()
    capitalised = all(w[:1].isupper() or w in {"of", "the", "and", "&"} for w in words)
    return 1 <= len(words) <= 5 and capitalised and not re.search(r"[.:;,!?\"“”]$", line)


def _headings(text: str, debris: list[Debris]) -> tuple[str, str | None, str | None]:
    """(text, title, masthead): a heading line above the body is the title; a site name
    above the heading (two heading lines, the first a masthead) is the outlet and is removed."""
    lines = text.split("\n")
    heads = [i for i, ln in enumerate(lines) if ln.strip()][:3]
    if len(heads) < 2:
        return text, None, None
    first, second = lines[heads[0]].strip(), lines[heads[1]].strip()
    rest_after = "\n".join(lines[heads[1] + 1 :])
    if _is_masthead(first) and _is_title(second, rest_after) and len(second.split()) > len(first.split()):
        debris.append(Debris(first, "masthead"))
        remaining = "\n".join(lines[heads[0] + 1 :]).lstrip("\n")
        return remaining, second, first
    if _is_title(first, "\n".join(lines[heads[0] + 1 :])):
        return text, first, None
    return text, None, None


def _unbreak(text: str) -> str:
    """Re-join words that a line break split at a hyphen ("Moon Jae-" / "in")."""
    return re.sub(r"(?<=\w-)\n(?=[a-z]{1,12}\b)", "", text)


def _strip_agency_tags(lines: list[str], debris: list[Debris]) -> tuple[list[str], list[str]]:
    """Drop "(Agency)" tags that close a paragraph or sit in its dateline, keeping the sentence."""
    agencies: list[str] = []
    out = []
    for line in lines:
        if m := _AGENCY_TAIL.search(line):
            agencies.append(m.group("agency").strip())
            debris.append(Debris(line[m.start() :].strip(), "agency tag"))
            line = line[: m.start()].rstrip()
        if m := _DATELINE.match(line.lstrip()):
            indent = len(line) - len(line.lstrip())
            agencies.append(m.group("agency").strip())
            tag = f"({m.group('agency')})"
            debris.append(Debris(tag, "agency tag"))
            head = line[indent : indent + m.end()]
            line = line[:indent] + head.replace(tag, "").replace("  ", " ") + line[indent + m.end() :]
        out.append(line)
    return out, agencies


def _date_line(text: str) -> str | None:
    """A publication date from a line near the top that holds only a date."""
    for line in text.split("\n")[:6]:
        stripped = line.strip()
        # only a date: no more than a weekday, a month and a time zone in words
        short_words = len(re.findall(r"[A-Za-z]{3,}", stripped)) <= 3
        if 4 <= len(stripped) <= 40 and short_words and re.search(r"\d{4}", stripped):
            when = parse_date(stripped)
            if when:
                return when
    return None
