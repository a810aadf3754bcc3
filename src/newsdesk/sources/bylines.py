"""An article's authors: clean person names from a page's metadata, its byline and the text's byline lines.

What pages and extractors offer as "author" is often not a name: "Username",
"No Author", "Staff Writer", "By Ann Lee Thursday", "Adam Aaronson PhillyVoice
Staff", "Grant Tinsley, PhD", "Rob Picheta, CNN", a comment's "Art Edwards
says", the site's own name, a news agency. :func:`clean_names` turns one such
string into the people it names; :func:`page_bylines` finds the byline a page
shows its readers ("By Ann Lee", "Posted by Bo Park", "Written by: …") outside
comments, related links and footers (a bare "by" is trusted with a one-word
name only when the markup marks that name as the author's); :func:`choose_authors`
takes the first source that names a person, one entry per person (case and
accents aside), and sets agencies, the site's own name and its address apart.
Where a page names its author nowhere else, blogs' own conventions are read:
the post author's comments (:func:`post_author_comments`), a site named after
its owner (:func:`site_owner`), a signature closing the text (:func:`signed_off`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from newsdesk.sources.dates import parse_date
from newsdesk.sources.regions import in_region

__all__ = [
    "Authors",
    "choose_authors",
    "clean_names",
    "in_comments",
    "name_key",
    "page_bylines",
    "post_author_comments",
    "signed_off",
    "site_owner",
]

AGENCIES = frozenset(
    {
        "afp", "agence france presse", "agence france-presse", "ap", "associated press", "the associated press",
        "reuters", "thomson reuters", "dpa", "deutsche presse-agentur", "efe", "ansa", "xinhua", "yonhap",
        "kyodo", "kyodo news", "jiji", "jiji press", "pti", "press trust of india", "ians", "ani", "upi",
        "united press international", "tass", "itar-tass", "ria novosti", "anadolu", "anadolu agency", "aap",
        "australian associated press", "pa", "pa media", "press association", "the canadian press", "cp",
        "bernama", "antara", "sapa", "kna", "apa", "agencies", "wires", "wire services", "news agencies",
        "staff and agencies", "news service", "news services",
    }
)  # fmt: skip
"""News agencies and wire credits, lower-case: an outlet's source, never a person."""

_NOT_A_NAME = frozenset(
    {
        "username", "user", "admin", "administrator", "name", "author", "authors", "no author", "unknown",
        "anonymous", "guest", "staff", "editor", "editors", "webmaster", "team", "desk", "redaktion", "redaction",
        "newsroom", "contributor", "contributors", "none", "null", "n/a", "by", "posted", "written",
    }
)  # fmt: skip
# Words that say what someone does, not who they are: cut from the end of a name.
_ROLE = re.compile(
    r"(?:\s+|^)(?:senior\s+|chief\s+|staff\s+|associate\s+|deputy\s+|managing\s+|contributing\s+|special\s+|"
    r"political\s+|business\s+|sports?\s+|news\s+|digital\s+|online\s+|guest\s+|freelance\s+)*"
    r"(?:staff|writer|reporter|correspondent|editor|contributor|columnist|journalist|producer|photographer|"
    r"intern|analyst|critic|blogger|report|reports|team|desk|bureau)s?$",
    re.IGNORECASE,
)
_DEGREE = re.compile(
    r"(?:,?\s+|^)(?:ph\.?\s?d|m\.?\s?d|r\.?\s?d|msc|m\.?\s?sc|mba|jd|rn|dds|dvm|mph|bsc|ma|ba|cpa|esq|frcp)\.?$",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:(?:view|see|read)\s+(?:all\s+|more\s+)?(?:posts|articles|stories)\s+(?:by|from)|"
    r"more\s+(?:articles|stories|posts)\s+(?:by|from)|(?:a\s+)?(?:story|article|post|text|words|photos?|reporting|"
    r"posted|written|published|compiled|filed|reported)\s+by|by|author(?:s|ed\s+by)?|autor(?:in)?|von|par|por)"
    r"\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
# The end of a name: what follows it in a byline (a date, a time, "says", an affiliation, "Updated").
_AFTER_NAME = re.compile(
    r"\s+(?:[-–—|·]|\d|(?:says|said|writes|wrote|on|at|for|from|via|in|updated|published|posted|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d|$)).*$",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:;|\||/|,|&|\band\b|\bund\b|\bwith\b)\s*", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?:^|\s)@\w+")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
# A site's address given as author ("przepisy.pl", "example.com"): an organisation, not a person.
_DOMAIN = re.compile(r"^[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,12}$")
_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "le", "la", "bin", "al", "el", "y"}
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’.][^\W\d_]*)*\.?$")
# A byline the page shows: its label, then the name(s).
_AUTHOR_WORD = r"(?:authors?|autor(?:in|es)?|auteur(?:e|s)?|autore|autori)"
"""'Author' in English, German, Spanish, Portuguese, French and Italian: before a colon, a strong label."""
_STRONG_LABEL = re.compile(
    rf"^(?:posted|written|words|reported|story)\s+by\b|^{_AUTHOR_WORD}\s*:|^(?:posted|published)\s+on\b", re.I
)
_ELSEWHERE = re.compile(r"comment|related|footer|recommend|popular|promo|newsletter|respond|reply", re.I)
_COMMENTS = re.compile(r"comment", re.I)
_LABEL_RE = (
    rf"^[\s|·•:–—-]*(?:(?:(?:posted|written|words|reported|story)\s+)?by\b|{_AUTHOR_WORD}\s*:|"
    r"(?:posted|published)\s+on\b.{0,40}?\bby\b)"
)
_LABEL_TEXT = etree.XPath(
    "//body//text()[not(parent::script or parent::style) and ("
    + " or ".join(f"contains(., '{w}')" for w in ("by", "By", "BY", "uthor", "UTHOR", "Autor", "Auteur"))
    + ")]"
)  # XPath's own string test, then _LABEL_RE in Python: a regular expression per text node in XPath is slow
_LABEL_AT_START = re.compile(_LABEL_RE, re.I)
_LABEL_START = re.compile(
    rf"(?:(?:posted|written|words|reported|story)\s+)?by\b|{_AUTHOR_WORD}\s*:|(?:posted|published)\s+on\b", re.I
)
_POSTED_BEFORE = re.compile(r"\b(?:posted|published|written)\b", re.I)
# "Posted on 21 September 2020 by Ann Lee": the date goes, the label stays strong.
_DATED_LABEL = re.compile(r"^(?:posted|published)\s+on\b.{0,40}?\bby\s+", re.I)
_SKIP_TAGS = frozenset({"aside", "nav", "footer", "script", "style", "head", "option", "button", "form"})
# How markup says "this is the author's name": rel/itemprop author, an hCard name ("fn"), a link to a profile.
_AUTHOR_CLASS = re.compile(r"author|^fn$|^byline__?name$", re.I)
_PROFILE_LINK = re.compile(
    r"/(?:authors?|profiles?|users?|u|members?|people|writers?|contributors?|journalists?)/[^/?#]+/?(?:[?#]|$)", re.I
)
_POST_AUTHOR_COMMENTS = etree.XPath("//*[contains(@class, 'bypostauthor')]")


def name_key(name: str) -> str:
    """A name folded for comparison: case, accents and punctuation aside ("José  LÓPEZ" = "Jose Lopez")."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if c.isalnum())


def _proper_case(name: str) -> str:
    """ALL-CAPS names in ordinary case ("ADAM AARONSON" → "Adam Aaronson"); others as written."""
    if not name.isupper() or len(name) <= 3:
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), name.lower())


@dataclass(frozen=True)
class Cleaned:
    """What one author string names: people, agencies, and organisations (the site itself, say)."""

    people: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    others: tuple[str, ...] = ()


def clean_names(raw: str, *, single: bool = True, site: str | None = None) -> Cleaned:
    """The people an author string names, and the agencies and organisations it names instead.

    Args:
        raw: what a page or an extractor gives as author ("By Ann Lee and Bo
            Park, Staff Writers", "Rob Picheta, CNN").
        single: accept a one-word name ("Benni", "delta201" are how some
            sites sign); off for a byline found in running text, where "By
            June" is not a person.
        site: the site's name, which is an organisation and never an author.
    """
    text = _URL.sub(" ", _EMAIL.sub(" ", raw))
    text = _HANDLE.sub(" ", text.replace("\u00a0", " "))
    text = " ".join(text.split())
    if site and name_key(text) == name_key(site):
        return Cleaned(others=(text,))
    people: list[str] = []
    agencies: list[str] = []
    others: list[str] = []
    for part in _SPLIT.split(_LABEL.sub("", text)):
        name = _clean_part(part, site)
        if not name:
            continue
        key = name.casefold().removeprefix("the ").strip(" .")
        if key in AGENCIES or name.casefold() in AGENCIES:
            agencies.append(name)
        elif (site and name_key(name) == name_key(site)) or _DOMAIN.match(name):
            others.append(name)
        elif _is_name(name, single=single):
            people.append(_proper_case(name))
    return Cleaned(tuple(people), tuple(agencies), tuple(others))


def _clean_part(part: str, site: str | None) -> str:
    part = _LABEL.sub("", part.strip(" .:-–—()[]\"'“”"))
    part = re.sub(r"\([^)]*\)", " ", part)
    part = _AFTER_NAME.sub("", part).strip(" .,:-–—")
    if site and len(part) > len(site) + 1 and part.casefold().endswith(" " + site.casefold()):
        part = part[: -len(site) - 1]  # "Adam Aaronson PhillyVoice (Staff)": the site after the name
    before = part
    for pattern in (_DEGREE, _ROLE):
        while (cut := pattern.sub("", part).strip(" ,.-–")) != part:
            part = cut
        if site and part.casefold().endswith(" " + site.casefold()):
            part = part[: -len(site) - 1]
    if part != before and len(part.split()) == 1 and _ROLE.search(before):
        return ""  # "HLNF Staff Report", "Metro Desk": what is left of a credit is not a person
    return " ".join(part.split())


def _is_name(name: str, *, single: bool) -> bool:
    """A person's name: one to five words, no month or weekday, no digits in a multi-word name.

    A one-word name counts only from metadata or after a strong label. Names
    from metadata may have lower-case words ("Mobasir hassan"); a byline's must
    be capitalised (particles such as "de" and "van" aside), which keeps "By
    continuing to use this site" out.
    """
    words = name.split()
    if not 1 <= len(words) <= 5 or name.casefold() in _NOT_A_NAME or len(name) > 60:
        return False
    if any(_MONTHS.match(w.strip(".,")) for w in words) or not any(c.isalpha() for c in name):
        return False
    if len(words) == 1:
        return single and len(name) >= 2 and not name.isdigit()
    if words[0].casefold() == "the" or not all(_NAME_WORD.match(w) for w in words) or not words[0][0].isupper():
        return False
    return single or all(w[0].isupper() or w in _PARTICLES for w in words)


def in_comments(element: Any) -> bool:
    """Inside a comment or a list of comments ("Recent comments" widgets too), up to the article, main or body."""
    return in_region(element, _COMMENTS)


def _elsewhere(element: Any) -> bool:
    """Inside comments, related links, a footer, an aside or navigation (up to the article, main or body)."""
    return in_region(element, _ELSEWHERE, tags=_SKIP_TAGS)


def page_bylines(tree: Any) -> Iterator[list[tuple[str, bool]]]:
    """The bylines a page shows its readers, in page order, each as [(text, whether one word can be a name)].

    "By" alone is a weak label ("By June, prices had doubled"); "Posted by",
    "Written by", "Posted on <date> by", "Author:" are strong ones, after
    which a one-word name is taken. Bylines inside comments, related links,
    asides, navigation and footers are not the article's. A label alone in
    its element ("By" in one cell, the name in the next) is read on in the
    text of its container.
    """
    seen: set[str] = set()
    for node in _LABEL_TEXT(tree):
        if not _LABEL_AT_START.match(node):
            continue
        match = _LABEL_START.search(str(node))
        element = node.getparent()
        if match is None or element is None or not isinstance(element.tag, str) or _elsewhere(element):
            continue
        label = " ".join(str(node)[match.start() :].split())
        for _ in range(5):  # climb from the label to the element that also holds the name
            text = " ".join(" ".join(element.itertext()).split())
            start = text.find(label)
            if start < 0 or len(text) > 300:
                break
            byline = text[start : start + 160]
            if len(rest := _LABEL.sub("", _DATED_LABEL.sub("by ", byline))) > 1:
                # "Posted on <date>" in the element before a bare "by" makes it a strong label too
                strong = _STRONG_LABEL.match(byline) or _POSTED_BEFORE.search(text[max(0, start - 60) : start])
                if byline not in seen:
                    seen.add(byline)
                    marked = None if strong else _marked_name(element, rest)
                    yield [(marked, True)] if marked else [(_DATED_LABEL.sub("by ", byline), strong is not None)]
                break
            element = element.getparent()
            if element is None or not isinstance(element.tag, str):
                break


def _marked(element: Any) -> bool:
    """Does the markup call this element an author's name (rel or itemprop author, an hCard ``fn``, a profile link)?"""
    if "author" in (element.get("rel") or "").lower() or "author" in (element.get("itemprop") or "").lower():
        return True
    if any(_AUTHOR_CLASS.search(c) for c in (element.get("class") or "").split()):
        return True
    return element.tag == "a" and _PROFILE_LINK.search(element.get("href") or "") is not None


def _marked_name(container: Any, rest: str) -> str | None:
    """The name right after a bare "by" when the markup says it is an author's ("by <span class="fn">oz</span>").

    "By" alone is a weak label, after which one word is not taken for a name
    ("By June, …"); a name the page marks up as its author's is, however short.
    """
    for element in container.iter():
        if not isinstance(element.tag, str) or not _marked(element):
            continue
        name = " ".join(element.text_content().split())
        if name and rest.startswith(name) and not rest[len(name) : len(name) + 1].isalnum():
            return name
    return None


def post_author_comments(tree: Any) -> Iterator[list[tuple[str, bool]]]:
    """The name the post's author signs comments with, from WordPress's ``bypostauthor`` class.

    WordPress marks a comment written by the author of the post it is under
    (``<li class="comment bypostauthor">``); the name in it (the hCard ``fn``,
    else the ``comment-author`` element) names the post's author on blogs that
    state it nowhere else. A last resort: it is a user name as often as not.
    """
    marked = [c for c in _POST_AUTHOR_COMMENTS(tree) if "bypostauthor" in c.get("class", "").split()]
    for comment in marked[:1]:
        for mark in ("fn", "comment-author"):
            for element in comment.iter():
                classes = (element.get("class") or "").split() if isinstance(element.tag, str) else []
                if mark in classes and (name := " ".join(element.text_content().split())):
                    yield [(name, True)]
                    return


# "Gregory Szorc's Digital Home", "Ann Lee's Blog": a personal site named after its owner.
_OWNED_SITE = re.compile(
    r"^(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3})['’]s\s+(?:[\w-]+\s+){0,2}"
    r"(?i:blog|home|homepage|home\s+page|site|website|web\s+site|weblog|journal|notebook|notes|corner|diary)$"
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—»:·-]+|::)\s+")
# Short lines a page ends with that are not a signature (share buttons, labels).
_NOT_SIGNATURE = frozenset(
    {"share", "tweet", "print", "email", "advertisement", "comments", "tags", "related", "updated", "published",
     "posted", "source", "sources", "photo", "image", "video", "edited", "top", "home", "menu", "next", "previous"}
)  # fmt: skip


def site_owner(titles: Iterable[str]) -> Iterator[list[tuple[str, bool]]]:
    """The person a personal site is named after, from its titles ("Ann Lee's Blog | A post").

    A segment of the page's title or site name that is a capitalised name of
    two to four words with "'s" and a word for a site (blog, home, journal,
    notes …) names the site's owner, who writes its posts. "Mercurial's
    Journey" (one word, no site word) and "the Economist's blog" (lower case)
    are not.
    """
    for title in titles:
        for segment in _TITLE_SEPARATOR.split(" ".join(title.split())):
            if match := _OWNED_SITE.match(segment):
                yield [(match["name"], True)]
                return


def signed_off(text: str) -> tuple[str, ...]:
    """The name an article is signed with at its end: a name on a line of its own, then a date line.

    Personal sites and letters end "…Thanks for reading!\\nBenni\\n10 September
    2017". Only that shape counts: the name's line (one to three capitalised
    words, no label, not a button such as "Share") right before a last line
    that is a full date. "Berlin, 10 September 2017" on one line is a place
    and a date, and a date alone signs nothing.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 3 or not parse_date(lines[-1]):
        return ()
    name = lines[-2]
    words = name.split()
    if not 1 <= len(words) <= 3 or len(name) > 40 or name.casefold() in _NOT_SIGNATURE:
        return ()
    if not all(_NAME_WORD.match(w) and w[0].isupper() for w in words):
        return ()
    return clean_names(name, single=True).people


@dataclass(frozen=True)
class Authors:
    """The authors chosen for an article, and what was set apart."""

    people: tuple[str, ...] = ()
    agency: str | None = None
    """A news agency named where an author was expected (an outlet, not a person)."""
    organisation: str | None = None
    """The site or another organisation named as author, for want of a person."""


def _word_keys(name: str) -> set[str]:
    return {name_key(word) for word in name.split()}


def choose_authors(sources: Iterable[Iterable[tuple[str, bool]]], site: str | None = None) -> Authors:
    """The people of the first source that names one, one entry per person.

    ``sources`` are, in order of trust, groups of (author string, whether a
    one-word name counts): a page's metadata, each byline it shows, an
    extractor's guess, the text's byline lines. Give them lazily: the search
    stops at the first source that names a person in full. A later source that
    spells out a one-word name ("Todd" → "Todd Bates") completes it.
    """
    people: list[str] = []
    agency = organisation = None
    for source in sources:
        found: list[str] = []
        for raw, single in source:
            cleaned = clean_names(raw, single=single, site=site)
            found += cleaned.people
            agency = agency or next(iter(cleaned.agencies), None)
            organisation = organisation or next(iter(cleaned.others), None)
        if not people:
            people = found
        elif all(len(p.split()) == 1 for p in people):
            fuller = [f for f in found if len(f.split()) > 1 and {name_key(p) for p in people} & _word_keys(f)]
            people = fuller or people
        if people and not all(len(p.split()) == 1 for p in people):
            break
    unique: dict[str, str] = {}
    for person in people:
        unique.setdefault(name_key(person), person)
    return Authors(tuple(unique.values()), agency, organisation)
