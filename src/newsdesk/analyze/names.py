"""Name forms: honorifics and ranks, possessives, aliases, acronyms.

Shared by the entity stage (one canonical name per entity in an article) and
by later stages that resolve names across articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

__all__ = [
    "GPE_ALIASES",
    "HONORIFICS",
    "canonical_place",
    "demonym_place",
    "is_acronym_of",
    "is_country",
    "name_key",
    "name_tokens",
    "split_title",
]

# Words that precede a name without being part of it (lower-cased, no dot).
HONORIFICS: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam mme mlle herr sr sra gen general lt
    lieutenant col colonel maj major capt captain cmdr commander adm admiral sgt sergeant cpl
    corporal pvt private brig brigadier marshal field air vice rear president vice-president vp
    premier chancellor minister secretary sec ambassador envoy sen senator rep representative
    congressman congresswoman gov governor mayor judge justice chief chairman chairwoman chair
    director deputy speaker king queen prince princess emperor pope cardinal bishop archbishop rev
    reverend father sister brother rabbi imam sheikh prime foreign defence defense finance interior
    trade state attorney former late acting then incoming outgoing interim u.s. us
    transport transportation health education economy economic environment energy agriculture
    justice labour labor culture home treasury commerce industry housing science security
    homeland veterans
    """.split()
)

GPE_ALIASES: dict[str, str] = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "the united states": "United States",
    "the us": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "s. korea": "South Korea",
    "south korea": "South Korea",
    "republic of korea": "South Korea",
    "rok": "South Korea",
    "n. korea": "North Korea",
    "north korea": "North Korea",
    "dprk": "North Korea",
    "uae": "United Arab Emirates",
    "u.a.e.": "United Arab Emirates",
    "prc": "China",
    "people's republic of china": "China",
    "eu": "European Union",
    "e.u.": "European Union",
    "un": "United Nations",
    "u.n.": "United Nations",
}

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def _plain(word: str) -> str:
    return word.lower().rstrip(".")


def split_title(name: str) -> tuple[str, str]:
    """("Gen", "Mark Milley") for "Gen Mark Milley": leading honorifics and ranks, then the name.

    The last word is never taken as a title, so "General" alone stays a name
    and the caller can drop it.
    """
    words = name.split()
    i = 0
    while i < len(words) - 1 and _plain(words[i]) in HONORIFICS:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def name_tokens(name: str) -> list[str]:
    """Comparable tokens of a name: lower-cased, accents folded, initials and suffixes dropped."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _POSSESSIVE.sub("", folded.strip())
    tokens = [_EDGE.sub("", t).lower() for t in folded.replace("-", " - ").split()]
    return [
        t
        for t in tokens
        if t and t != "-" and not (len(t) == 1 and t.isalpha()) and t not in {"jr", "sr", "ii", "iii", "iv"}
    ]


def name_key(name: str) -> str:
    """A key under which spellings of one name meet ("Jae-in" and "Jae in" alike)."""
    return " ".join(name_tokens(name))


def canonical_place(name: str) -> str | None:
    """The usual name of a country or union known by several ("U.S." → "United States")."""
    return GPE_ALIASES.get(name.lower().strip())


def is_acronym_of(short: str, long: str) -> bool:
    """True when ``short`` ("GSOMIA", "NATO") is the initials of ``long``'s capitalised words."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 10 and letters.isupper() and letters.isalpha()):
        return False
    words = [w for w in re.split(r"[\s-]+", long) if w]
    if len(words) < 2:
        return False
    caps = "".join(w[0] for w in words if w[0].isupper())
    every = "".join(w[0].upper() for w in words if w.lower() not in {"of", "the", "and", "for", "on", "in"})
    initials = "".join(w[0].upper() for w in words)
    return letters in (caps, every, initials)


@cache
def _country_names() -> frozenset[str]:
    """English names of countries and regions, from the CLDR data that babel ships."""
    from babel import Locale

    return frozenset(name.lower() for name in Locale("en").territories.values())


def is_country(name: str) -> bool:
    """True for the English name of a country or world region ("Indonesia", "Western Africa")."""
    return name.strip().lower() in _country_names() or canonical_place(name) is not None


# Adjectives and nouns of nationality that no spelling rule derives from the place's name.
_IRREGULAR_DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan",
    "american": "United States",
    "brit": "United Kingdom",
    "british": "United Kingdom",
    "briton": "United Kingdom",
    "burmese": "Myanmar",
    "catalan": "Catalonia",
    "congolese": "Congo",
    "cypriot": "Cyprus",
    "czech": "Czech Republic",
    "dane": "Denmark",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "dutchman": "Netherlands",
    "emirati": "United Arab Emirates",
    "english": "England",
    "filipina": "Philippines",
    "filipino": "Philippines",
    "finn": "Finland",
    "finnish": "Finland",
    "french": "France",
    "frenchman": "France",
    "greek": "Greece",
    "icelandic": "Iceland",
    "irish": "Ireland",
    "ivorian": "Côte d’Ivoire",
    "kiwi": "New Zealand",
    "norwegian": "Norway",
    "panamanian": "Panama",
    "pole": "Poland",
    "polish": "Poland",
    "saudi": "Saudi Arabia",
    "scot": "Scotland",
    "scots": "Scotland",
    "scottish": "Scotland",
    "slovak": "Slovakia",
    "spaniard": "Spain",
    "spanish": "Spain",
    "swede": "Sweden",
    "swiss": "Switzerland",
    "thai": "Thailand",
    "turk": "Turkey",
    "turkish": "Turkey",
    "welsh": "Wales",
}
# The endings English adds to a place's name (or its stem) to name its people: Chin-ese, Canad-ian, Iraq-i.
_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "ese", "i", "ish", "ic", "er", "ite", "ine", "iot")
# Places people are named after that are not countries in CLDR's list.
_MORE_PLACES = ("England", "Scotland", "Wales", "Palestine", "Kurdistan", "Tibet", "Catalonia", "Quebec", "Congo")


@cache
def _demonym_stems() -> dict[str, list[str]]:
    """Stem → places: "canad" → ["Canada"], from every country, region and union name."""
    from babel import Locale

    return _stems_of((*Locale("en").territories.values(), *_MORE_PLACES))


def _stems_of(places: tuple[str, ...]) -> dict[str, list[str]]:
    stems: dict[str, list[str]] = {}
    for place in places:
        plain = re.sub(r"\s*\(.*\)", "", place)
        if not re.fullmatch(r"[A-Za-z][A-Za-z ]+", plain):
            continue
        low = plain.lower()
        forms = {low, low[:-1]}  # Japan-ese, Chin-ese
        ends = ("ia", "ium", "um", "land", "and", "istan", "stan", "en", "on", "y")
        forms.update(low[: -len(end)] for end in ends if low.endswith(end))
        for form in forms:
            if len(form) >= 3:
                stems.setdefault(form, []).append(plain)
    return stems


def demonym_place(word: str, places: Iterable[str] = ()) -> str | None:
    """The place whose people or things ``word`` names ("Chinese" → "China", "Americans" → "United States").

    CLDR's country and region names (shipped with babel) with English's
    demonym endings, plus the irregular ones; a plural is read as its singular.
    ``places`` adds names to read it against (an article's own places:
    "Albertans" → "Alberta"). None when ``word`` names no place's people
    ("Democrats", "Schmidt").
    """
    low = " ".join(word.lower().split())
    extra = tuple(places)
    for form in (low, low[:-1] if low.endswith("s") and not low.endswith("ss") else None):
        if not form:
            continue
        if form in _IRREGULAR_DEMONYMS:
            return _IRREGULAR_DEMONYMS[form]
        stems = _demonym_stems() if not extra else _stems_of(extra)
        found = [
            (len(form) - len(end), place)
            for end in ("", *_DEMONYM_ENDINGS)
            if form.endswith(end)
            for place in stems.get(form[: len(form) - len(end)] if end else form, [])
            if end or place.lower() == form + "y"  # "German" from "Germany", never "Roman" from "Romania"
        ]
        if found:
            best = max(n for n, _ in found)
            places = sorted({p for n, p in found if n == best})
            if len(places) == 1:
                return canonical_place(places[0]) or places[0]
    return None
