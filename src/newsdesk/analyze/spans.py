"""Name spans as the model gives them, repaired: cut apart, trimmed and labelled by their own form.

The named-entity model reads a news page as running prose, so it runs names
into whatever stands next to them on the page: a dateline ("Mark Hosenball
WASHINGTON"), a photo credit ("Carl Court/Getty Images", "Clinton Getty
Images"), a gallery counter ("Getty 5/19 Andy Murray"), a shouted headline
word ("TRUMP Donald Trump"). This module cuts such spans into the names they
hold, trims each to whole words without titles, articles or possessives, and
relabels a span whose own words say what it is: "Saturn Corporation" is a
company, "Brazilian Grand Prix" an event, "the Beatles" a group and not a
person, "Airbus A380" a product; "UTC" after a clock time is no name at all.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from newsdesk.analyze.cues import load_lexicon
from newsdesk.analyze.names import HONORIFICS, canonical_place, demonym_place, is_country, split_title

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["KEPT_LABELS", "ORGANISATION_WORDS", "cut", "is_name", "titled", "trim"]

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART"})
"""The model's labels newsdesk keeps (its PRODUCT, LAW, LANGUAGE and figures are left out)."""

_NOT_NAMES = frozenset(
    """
    i he she it we they you me him her us them his hers its our their mine yours this that these
    those who whom whose which what there here today tomorrow yesterday january february march april
    may june july august september october november december monday tuesday wednesday thursday
    friday saturday sunday mr mrs ms dr gen sen rep
    """.split()
)

# News and photo agencies, whose credits captions run into the names beside them.
_AGENCIES = frozenset(
    name.strip()
    for name in """
    getty|getty images|reuters|ap|afp|epa|pa|pa images|pa wire|rex|rex features|shutterstock|alamy|
    associated press|press association|canadian press|the canadian press|xinhua|yonhap|kyodo|dpa|ansa|efe|
    anadolu|tass|upi|aap|sipa|zuma|nurphoto|sopa images|lightrocket|corbis|istock
    """.split("|")
)
# Clock-time zones: "14:00 UTC" names no organisation.
_TIME_ZONES = frozenset(
    "utc gmt est edt cst cdt mst mdt pst pdt cet cest bst jst kst aest aedt ist hkt sgt wib msk".split()
)
# The last word of a name that makes it an event, whatever the model said: "Brazilian Grand Prix".
_EVENT_WORDS = frozenset(
    """
    prix cup games olympics paralympics championship championships series festival summit conference
    war election elections marathon tournament awards expo show biennale olympiad jubilee
    """.split()
)
# The last word of a name that makes it an organisation and never a person: "Saturn Corporation".
ORGANISATION_WORDS = frozenset(
    """
    corp corporation inc incorporated ltd limited llc llp plc co company gmbh ag airlines airways aircraft
    motors bancorp holdings industries technologies university college institute foundation ministry
    agency commission committee council association party
    """.split()
)
_ROMAN = re.compile(r"^(?:[IVX]+|\d{4})$")  # "World War II", "World Cup 2018"
# A model number after a maker's name: "Airbus A380", "Boeing 737-800", "A400M"; never a year.
_MODEL = re.compile(r"[ \t]+((?:[A-Z]{1,3}-?)?\d{2,4}[A-Z]{0,3}(?:-\d{1,4})?)\b")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?!\d)")  # "2018", "1955-2011"

# Where the model runs two names together in any span: a line break, a slash, a gallery counter.
_ANY_BREAK = re.compile(r"\s*\n\s*|\s+\d+\s*(?:/|of)\s*\d+\s+|\s*/\s*")
# ... and in a person's span also a comma or a dash: "CLEVELAND - Donald Trump", "Crane, Kibbe".
_PERSON_BREAK = re.compile(r"\s*,\s+|\s+[-–—]{1,2}\s+")
# ... and in any span but a work's or an event's a colon: "Della Marsh: Life" is a name and a book's
# subtitle run together, while "Star Wars: The Last Jedi" is one title.
_SUBTITLE_BREAK = re.compile(r"\s*:\s+")
_TITLE_LABELS = frozenset({"WORK_OF_ART", "EVENT"})
_NAME_BREAKS = re.compile(f"{_ANY_BREAK.pattern}|{_SUBTITLE_BREAK.pattern}")
_PERSON_BREAKS = re.compile(f"{_ANY_BREAK.pattern}|{_PERSON_BREAK.pattern}|{_SUBTITLE_BREAK.pattern}")
_CAPS_WORD = re.compile(r"[A-Z]{3,}")  # a word in capitals: a dateline or a shouted headline word

# Titles that only ever stand before a person's name: after one, a span is a person.
_PERSONAL_TITLE = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+"
_AFTER_TITLE = re.compile(_PERSONAL_TITLE + "$")
_OPENS_WITH_TITLE = re.compile(_PERSONAL_TITLE + r"\w")


def titled(text: str, start: int, end: int) -> bool:
    """A span after (or opening with) "Mr", "Ms", "Dr" names a person, whatever the model said."""
    return bool(_AFTER_TITLE.search(text[max(0, start - 12) : start]) or _OPENS_WITH_TITLE.match(text, start, end))


@cache
def _headline_verbs() -> frozenset[str]:
    """Present-tense speech verbs that close a headline's name span: "Obama Says", "Mayor Warns"."""
    lexicon = load_lexicon()
    return frozenset(
        form
        for form, lemma in lexicon.forms.items()
        if form.endswith("s") and form != lemma and "speech" in lexicon.of(lemma)
    )


def _ordinary_word(text: str, words: list[str]) -> bool:
    """A lone word cut from a longer span ("Weak" of "Weak - Rubio") that the article also writes in
    lower case is an ordinary word, not a name."""
    return len(words) == 1 and re.search(rf"(?<![\w-]){re.escape(words[0].lower())}(?![\w-])", text) is not None


def _breaks(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks, slashes and gallery counters (a person's also at commas and
    dashes, any name's but a title's at a colon); a slash between two words in capitals ("AC/DC") is kept."""
    pattern = _PERSON_BREAKS if label == "PERSON" else _ANY_BREAK if label in _TITLE_LABELS else _NAME_BREAKS
    parts: list[tuple[int, int]] = []
    at = start
    for brk in pattern.finditer(text, start, end):
        if "/" in brk.group() and not re.search(r"\d", brk.group()):
            left = re.findall(r"\w+$", text[at : brk.start()])
            right = re.findall(r"^\w+", text[brk.end() : end])
            if left and right and left[0].isupper() and right[0].isupper():
                continue
        parts.append((at, brk.start()))
        at = brk.end()
    parts.append((at, end))
    return [(s, e) for s, e in parts if e > s]


def _agency_cut(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """A span whose first or last words are a news agency ("Clinton Getty Images", "London Reuters")
    cut into the name and the agency's credit (flagged True)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    if len(words) < 2 or " ".join(text[start:end].lower().split()) in _AGENCIES:
        return [(start, end, " ".join(text[start:end].lower().split()) in _AGENCIES)]
    for n in (3, 2, 1):
        if n >= len(words):
            continue
        head = text[start + words[0][0] : start + words[n - 1][1]]
        if head.lower() in _AGENCIES:
            return [(start, start + words[n - 1][1], True), *_agency_cut(text, start + words[n][0], end)]
        tail = text[start + words[-n][0] : start + words[-1][1]]
        if tail.lower() in _AGENCIES:
            return [*_agency_cut(text, start, start + words[-n - 1][1]), (start + words[-n][0], end, True)]
    return [(start, end, False)]


def _case_cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span mixing words in capitals with ordinary ones ("Mark Hosenball WASHINGTON", "TRUMP Donald
    Trump") cut where the case changes."""
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]
    caps = [bool(_CAPS_WORD.fullmatch(text[s:e].strip(".,:;'’"))) for s, e in words]
    if all(caps) or not any(caps):
        return [(start, end)]
    parts = []
    run = 0
    for i in range(1, len(words) + 1):
        if i == len(words) or caps[i] != caps[run]:
            parts.append((words[run][0], words[i - 1][1]))
            run = i
    return parts


def cut(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The names a model span ``[start, end)`` holds, each with its label.

    The span is cut at line breaks, slashes and gallery counters, a news
    agency's credit is cut off (an organisation of its own), and, outside
    organisations' names (which hold acronyms: "CBS News"), words in capitals
    are cut from ordinary ones. A piece in capitals or a lone ordinary word
    cut from a longer span is dropped (a dateline, a shouted word), and a
    headline's speech verb is cut off a person ("Obama Says" is Obama).
    """
    pieces: list[tuple[int, int, bool]] = []
    for s, e in _breaks(text, start, end, label):
        pieces += _agency_cut(text, s, e)
    out: list[tuple[int, int, str]] = []
    for s, e, agency in pieces:
        if agency:
            out.append((s, e, "ORG"))
            continue
        parts = _case_cut(text, s, e) if label != "ORG" else [(s, e)]
        many = len(pieces) > 1 or len(parts) > 1
        for ps, pe in parts:
            words = text[ps:pe].split()
            if many and (text[ps:pe].isupper() or _ordinary_word(text, words)):
                continue
            if (
                label == "PERSON"
                and len(words) >= 2
                and words[-1][:1].isupper()
                and words[-1].lower() in _headline_verbs()
            ):
                pe = ps + text[ps:pe].rstrip().rfind(" ")
            if pe > ps:
                out.append((ps, pe, label))
    return out


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Repair a span: whole words, no leading "the", no possessive, no title on a person."""
    while end < len(text):  # whole words, across inner hyphens: "Moon Jae-" + "in"
        here, before = text[end], text[end - 1]
        after = text[end + 1] if end + 1 < len(text) else " "
        if (here.isalnum() and (before.isalnum() or before == "-")) or (
            here == "-" and before.isalnum() and after.isalnum()
        ):
            end += 1
        else:
            break
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    span = text[start:end]
    if span.count("(") != span.count(")"):  # "Facebook (Opens in new window": the name before the bracket
        open_at, close_at = span.find("("), span.rfind(")")
        if open_at >= 0 and (close_at < 0 or open_at > close_at):
            end = start + open_at
        elif close_at >= 0:
            start += close_at + 1
        span = text[start:end]
    if m := re.search(r"(?:['’]s|['’])$", span):
        end -= len(m.group())
    while end > start and text[end - 1] in " \t\n,;:!?)(\"“”‘’'-–—":
        end -= 1
    while start < end and text[start] in " \t\n,;:!?)(\"“”‘’'-–—":
        start += 1
    if re.match(r"(?i)the\s", text[start:end]):
        start += 4
        while start < end and text[start].isspace():
            start += 1
    if label == "PERSON":
        title, rest = split_title(text[start:end])
        if title:
            start = end - len(rest)
    if "\n\n" in text[start:end]:
        return None
    return (start, end) if end > start else None


def is_name(surface: str, tokens: list[str]) -> bool:
    """A span worth keeping: capitalised, not a pronoun or date word, not only title words."""
    if not any(c.isupper() for c in surface) or not any(c.isalpha() for c in surface):
        return False
    if surface.isupper() and canonical_place(surface):
        return True  # "US", "U.S.", "UK": a country, not the pronoun or a title word
    if all(t in HONORIFICS for t in tokens):  # "Defense" in "US Defense Secretary …"
        return False
    return surface.lower().rstrip(".") not in _NOT_NAMES


def common_noun_opener(ent: Span) -> bool:
    """A lone capitalised common noun that opens a sentence ("Commuters crowded …") is no name."""
    return len(ent) == 1 and bool(ent[0].is_sent_start) and ent[0].tag_ in {"NN", "NNS"}


def relabel(text: str, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """The span and label a name's own form gives it, or None when it is no name.

    A time zone is none; a nationality the model took for a place is a
    nationality ("North Koreans"); a maker's name before a model number is a product
    (the span takes the number in); a name ending in an event word is an
    event, one ending in a company or institution word an organisation; a
    person's span after "the" ending in a plural ("the Beatles") is a group,
    unless the article also names one of them ("the Obamas").
    """
    surface = text[start:end]
    words = surface.split()
    if surface.lower() in _TIME_ZONES:
        return None
    if label in {"GPE", "LOC", "ORG"} and not is_country(surface) and demonym_place(surface):
        return (start, end, "NORP")  # "North Koreans", "Canadian": people of a place, not the place
    if label in {"ORG", "PERSON"} and len(words) >= 3 and words[-2].lower() == "flight":
        end = start + surface.rindex(words[-2])  # "Air France Flight 447": the airline
        return relabel(text, start, start + len(text[start:end].rstrip()), "ORG")
    if label == "PERSON" and len(words) >= 2 and re.search(r"\d", words[-1]):  # "Steve Jobs 1955-2011"
        return relabel(text, start, start + len(surface[: surface.rindex(words[-1])].rstrip()), label)
    if label in {"ORG", "PERSON", "NORP"}:
        model = _MODEL.match(text, end)
        if model and not _YEAR.match(model.group(1)) and not text[model.end() : model.end() + 1].isalnum():
            return (start, model.end(), "PRODUCT")
        if _MODEL.fullmatch(" " + words[-1]) and len(words) >= 2 and not _YEAR.match(words[-1]):
            return (start, end, "PRODUCT")
    plain = [w.lower().strip(".,") for w in words]
    while len(plain) > 1 and _ROMAN.match(words[len(plain) - 1]):
        plain.pop()
    if len(words) >= 2 and plain[-1] in _EVENT_WORDS and label != "EVENT":
        return (start, end, "EVENT")
    if len(words) >= 2 and plain[-1] in ORGANISATION_WORDS and label in {"PERSON", "GPE", "LOC", "NORP"}:
        return (start, end, "ORG")
    if label == "PERSON" and _after_the(text, start) and re.search(r"[a-z]s$", words[-1]):
        singular = words[-1][:-1]
        if not re.search(rf"\b{re.escape(singular)}\b", text):
            return (start, end, "ORG")
    return (start, end, label)


def _after_the(text: str, start: int) -> bool:
    return bool(re.search(r"\b[Tt]he\s+$", text[max(0, start - 5) : start]))
