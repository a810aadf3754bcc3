"""Amounts: every figure of an article with its value, unit and what it counts.

"28,500 US troops" is 28500 of unit ``troops`` counting "US troops";
"roughly $5bn" is 5e9 ``USD``, approximate; "fivefold" is ×5 (unit
``times``); "15-20%" is a range of percentages; "three soldiers were killed"
is 3 ``soldiers``. Figures are found by their shape in the text (digits,
currency signs and codes, magnitudes, written numbers) and described with the
parse (what they count, whose figure it is).

Libraries: written numbers are read by ``number-parser``; quantulum3 and
price-parser were tried and read news money badly ("$5bn" as dollars per
barn-newton, "US$40 billion" split), so digits, currencies and magnitudes are
read here. Dates, years and clock times are left to the dates stage.

Not every number is a figure worth listing. A written number is listed when
it counts something new ("three soldiers were killed"), not when it points
back at things already named ("the two leaders", "both sides"), and never a
lone "one". Numbers inside names ("Boeing 737", "Flight 200"), ordinals and
durations ("for 33 years": a time, for the dates stage) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.analyze.nlp import doc_text
from newsdesk.analyze.timex import MONTHS, calendar_spans
from newsdesk.model import Amount, Article
from newsdesk.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CURRENCY_SIGNS", "CURRENCY_WORDS", "extract_amounts", "find_amounts", "read_amounts"]

CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "USD$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "NT$": "TWD",
    "£": "GBP",
    "GB£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
}
"""Currency signs (with their country prefixes) and the ISO code each stands for."""

CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "us dollar": "USD",
    "u.s. dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "rupee": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
    "swiss franc": "CHF",
    "franc": "CHF",
    "peso": "MXN",
    "rand": "ZAR",
    "lira": "TRY",
    "real": "BRL",
    "reais": "BRL",
    "riyal": "SAR",
    "dirham": "AED",
    "shekel": "ILS",
    "krone": "NOK",
    "kroner": "NOK",
    "krona": "SEK",
    "kronor": "SEK",
    "zloty": "PLN",
    "naira": "NGN",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
}
"""Currency names as written after a figure ("9.9 billion yuan"), singular, lower-case."""

_CODES = (
    "USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|CHF|CAD|AUD|NZD|HKD|SGD|BRL|RUB|ZAR|MXN|SEK|NOK|DKK|PLN|TRY|SAR|AED|ILS"
    "|TWD|THB|IDR|MYR|PHP|NGN|EGP|ARS|CLP|COP|PEN|CZK|HUF|UAH|PKR|BDT|VND"
)
_MAGNITUDES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_WORD_MAGNITUDE = r"(?:thousand|million|billion|trillion|bn|mn|mln|bln|tn|trn)"
_SHORT_MAGNITUDE = r"(?:m|k|b)"  # only after a currency: "$5m" (a bare "500m" may be metres)
_SIGN = r"(?:US|U\.S\.|USD|AU|A|CA|C|NZ|HK|S|R|NT)?\$|GB£|£|€|¥|₩|₹|₽|₺|₪"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_WRITTEN = rf"(?:{_NUMWORD}|a(?=\s+(?:{_SCALE}|dozen)))(?:(?:\s+and)?[\s-]+(?:{_NUMWORD}|{_SCALE}|dozen))*"
_CURRENCY_WORD = (
    r"(?:(?:US|U\.S\.|Australian|Canadian|Hong Kong|Singapore|New Zealand|Taiwan)\s+dollars?|dollars?|euros?"
    r"|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|won|rupees?|roubles?|rubles?|(?:Swiss\s+)?francs?|pesos?"
    r"|rand|lira|reais|riyals?|dirhams?|shekels?|kroner|krone|kronor|krona|zlotys?|naira|rupiah|ringgit|baht)"
)
_APPROX = (
    r"(?:about|around|roughly|some|nearly|almost|approximately|an\s+estimated|estimated|close\s+to|more\s+than"
    r"|over|under|fewer\s+than|less\s+than|at\s+least|at\s+most|up\s+to|as\s+(?:much|many|few|little)\s+as"
    r"|upwards\s+of|just\s+(?:over|under)|well\s+over|circa|c\.|~)"
)
_UNIT_SUFFIX = (
    r"(?:km|kms|cm|mm|mi|ft|kg|lb|lbs|oz|gb|mb|tb|kb|ghz|mhz|kw|mw|gw|kwh|mwh|gwh|mph|kph|km/h|bpd|mt|ha"
    r"|sq\s?km|inch|inches|ft|feet|metres?|meters?|kilometres?|kilometers?|miles?|tonnes?|tons?|litres?|liters?"
    r"|barrels?|acres?|hectares?|gallons?|degrees?|°[cf]?)"
)

_FIGURE = re.compile(
    rf"""
    (?P<cur>(?:{_SIGN})\s?|(?:{_CODES})\s?\$?\s?(?=\d))?
    (?P<neg>(?<=\s)[-−](?=\d))?
    (?P<num>{_NUM})
    (?:\s?(?P<mag>{_WORD_MAGNITUDE}\b|{_SHORT_MAGNITUDE}\b(?<=[mkb])(?=\W|$)))?
    (?:\s?(?P<sep>-|–|to|and)\s?(?P<cur2>{_SIGN})?(?P<num2>{_NUM})(?:\s?(?P<mag2>{_WORD_MAGNITUDE}\b|{_SHORT_MAGNITUDE}\b))?)?
    (?:
        (?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)(?P<pts>\s+percentage\s+points?)?
      | (?P<pts2>\s+percentage\s+points?\b)
      | [-\s]?(?P<fold>fold)\b
      | \s(?P<curword>{_CURRENCY_WORD})\b
      | \s?(?P<code>{_CODES})\b
      | (?:[ ]?|-)(?P<usfx>{_UNIT_SUFFIX})\b
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_WRITTEN_FIGURE = re.compile(
    rf"""
    \b(?P<words>{_WRITTEN})
    (?:
        (?P<pct>\s+per\s?cent\b|\s+percent\b)
      | [-\s]?(?P<fold>fold)\b
      | \s(?P<curword>{_CURRENCY_WORD})\b
    )?
    \b""",
    re.VERBOSE | re.IGNORECASE,
)
_PLURAL_ROUND = re.compile(
    r"\b(?P<words>dozens|scores|hundreds|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands|millions|billions)"
    r"\s+of\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?P<words>(?:(?:a|one)[-\s])?half|(?:a|one)[-\s](?:third|quarter|fifth|tenth)|two[-\s]thirds|three[-\s]quarters"
    r"|a\s+score)(?=\s+(?:of|a\s+percent(?:age\s+point)?|a\s+per\s?cent)\b)",
    re.IGNORECASE,
)
_FRACTION_VALUES = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_ROUND_VALUES = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "tens of thousands": 1e4,
    "hundreds of thousands": 1e5,
    "millions": 1e6,
    "billions": 1e9,
}
MONTH_WORDS = frozenset(MONTHS)
_ANAPHORIC = re.compile(
    r"\b(?:the|these|those|both|its|their|his|her|our|my|your|whose|which|every|each|first|last|other)\s+$", re.I
)
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks weekend weekends month months year years "
    "decade decades century centuries quarter quarters night nights term terms".split()
)
_NOT_COUNTABLE_AFTER_ONE = re.compile(r"^\s+(?:million|billion|trillion|thousand|hundred)\b", re.I)


@dataclass
class _Found:
    start: int
    end: int
    value: float
    unit: str | None = None
    high: float | None = None
    approximate: bool = False
    written: bool = False


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _written_value(words: str) -> float | None:
    from number_parser import parse_number  # deferred: only needed when a text has written numbers

    phrase = re.sub(r"^a\s+", "one ", words.strip().lower())
    if phrase in {"dozen", "one dozen"}:
        return 12.0
    value = parse_number(phrase)
    return float(value) if value is not None else None


def _currency(sign: str | None, word: str | None, code: str | None) -> str | None:
    if sign:
        key = re.sub(r"\s+", "", sign)
        if key in CURRENCY_SIGNS:
            return CURRENCY_SIGNS[key]
        if key.rstrip("$").upper() in _CODES.split("|"):
            return "CNY" if key.rstrip("$").upper() == "RMB" else key.rstrip("$").upper()
        return CURRENCY_SIGNS.get(key[-1])
    if code:
        return "CNY" if code.upper() == "RMB" else code.upper()
    if word:
        w = re.sub(r"\s+", " ", word.lower())
        if w.endswith("dollars") or w.endswith("dollar"):
            if w.startswith(("australian",)):
                return "AUD"
            if w.startswith(("canadian",)):
                return "CAD"
            if w.startswith("hong kong"):
                return "HKD"
            if w.startswith("singapore"):
                return "SGD"
            if w.startswith("new zealand"):
                return "NZD"
            if w.startswith("taiwan"):
                return "TWD"
            return "USD"
        for form in (w, w[:-1] if w.endswith("s") else w):
            if form in CURRENCY_WORDS:
                return CURRENCY_WORDS[form]
    return None


def _digit_figures(text: str) -> Iterator[_Found]:
    pos = 0
    while m := _FIGURE.search(text, pos):
        s, e = m.span()
        pos = max(e, s + 1)
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "/#"):
            continue  # "A380", "F-35", "No.#3", a path
        glued = e < len(text) and (text[e].isalnum() or (text[e : e + 2][:1] == "/" and text[e + 1 : e + 2].isdigit()))
        if glued and not (m.group("usfx") or m.group("mag")):
            continue  # "737s", "5th", "7/8"
        low = _number(m.group("num")) * (-1 if m.group("neg") else 1)
        mag = (m.group("mag") or "").lower()
        cur_sign, cur_word, code = m.group("cur"), m.group("curword"), m.group("code")
        if mag in {"m", "k", "b"} and not (cur_sign or cur_word or code):
            continue
        low *= _MAGNITUDES.get(mag, 1.0)
        high = None
        if m.group("sep") == "and" and not re.search(r"\bbetween\s+\S*$", text[max(0, s - 12) : s + 1]):
            e = m.end("mag") if m.group("mag") else m.end("num")  # "$4.6 billion and 9.9 billion yuan": two
            pos = e
            yield _Found(s, e, low, _currency(cur_sign, None, None))
            continue
        if m.group("num2"):
            mag2 = (m.group("mag2") or mag).lower()
            high = _number(m.group("num2")) * _MAGNITUDES.get(mag2, 1.0)
            if not mag and mag2:
                low *= _MAGNITUDES.get(mag2, 1.0)
            cur_sign = cur_sign or m.group("cur2")
            if high <= low:  # "52-35" is a score, "10-4" a vote: keep the first figure only
                e = m.end("num")
                high = None
        unit: str | None = None
        if m.group("pct"):
            unit = "percentage points" if m.group("pts") else "%"
        elif m.group("pts2"):
            unit = "percentage points"
        elif m.group("fold"):
            unit = "times"
        elif currency := _currency(cur_sign, cur_word, code):
            unit = currency
        elif m.group("usfx"):
            unit = m.group("usfx").lower()
        yield _Found(s, e, low, unit, high)


def _written_figures(text: str) -> Iterator[_Found]:
    for m in _WRITTEN_FIGURE.finditer(text):
        words = m.group("words")
        value = _written_value(words)
        if value is None:
            continue
        if value == 1 and not m.group("fold"):
            continue  # "one" is a pronoun or an article far more often than a figure
        unit = None
        if m.group("pct"):
            unit = "%"
        elif m.group("fold"):
            unit = "times"
        elif m.group("curword"):
            unit = _currency(None, m.group("curword"), None)
        yield _Found(m.start(), m.end(), value, unit, written=not (unit or re.search(r"[mb]illion", words, re.I)))
    for m in _FRACTION.finditer(text):
        words = re.sub(r"[-\s]+", " ", m.group("words").lower())
        after = text[m.end() : m.end() + 24].lower()
        if words == "a score":
            yield _Found(m.start(), m.end(), 20.0, written=True)
            continue
        value = _FRACTION_VALUES[words.split()[-1].rstrip("s")] * (
            2 if "two" in words else 3 if "three" in words else 1
        )
        share = re.match(r"\s+a\s+(?:percentage\s+point|percent|per\s?cent)", after)
        if share:  # "half a percent" is 0.5 %
            unit = "percentage points" if "point" in share.group() else "%"
            yield _Found(m.start(), m.end() + len(share.group()), value, unit)
        else:  # "about half of those cuts"
            yield _Found(m.start(), m.end(), value, "fraction")
    for m in _PLURAL_ROUND.finditer(text):
        value = _ROUND_VALUES[re.sub(r"\s+", " ", m.group("words").lower())]
        yield _Found(m.start(), m.end("words"), value, approximate=True, written=True)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _tokens_at(doc: Doc | None, start: int, end: int) -> list[Token]:
    """The tokens whose text overlaps ``[start, end)``, found by bisection (token ends only grow),
    not by walking the whole document for every figure."""
    if doc is None:
        return []
    lo, hi = 0, len(doc)
    while lo < hi:  # the first token that ends after ``start``
        mid = (lo + hi) // 2
        token = doc[mid]
        if token.idx + len(token.text) <= start:
            lo = mid + 1
        else:
            hi = mid
    found = []
    for i in range(lo, len(doc)):
        token = doc[i]
        if token.idx >= end:
            break
        if start < token.idx + len(token.text):
            found.append(token)
    return found


def _counted(doc: Doc | None, found: _Found, text: str) -> tuple[str | None, str | None]:
    """(unit, counts): the noun a figure counts, from the parse ("28,500 US troops" → troops, "US troops")."""
    toks = _tokens_at(doc, found.start, found.end)
    if not toks or doc is None:
        return None, None
    last = toks[-1]
    for tok in reversed(toks):
        head = tok.head
        attached = tok.dep_ in {"nummod", "quantmod", "compound", "amod", "npadvmod", "nmod"} and head.idx >= found.end
        if attached and head.pos_ in {"NOUN", "PROPN"} and head.i - last.i <= 6:
            return head.text.lower(), text[found.end : head.idx + len(head.text)].strip(" -")
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        if objects:
            obj = objects[0]
            return obj.text.lower(), text[nxt.idx + 3 : obj.idx + len(obj.text)].strip()
    return None, None


_NAME_WORD_BEFORE = re.compile(r"(?:\b(?:No|Nos|no|version|Version|v)\.?|#|['’]|[A-Za-z]-)\s?$")


def _name_numbers(text: str, found: list[_Found], doc: Doc | None) -> set[str]:
    """Numbers the article uses as names: "Boeing 737", "iPhone 4", "No. 1", "DC-9", "version 10.4".

    A number right after a proper noun (or "No.", "version", a letter and a
    hyphen) is part of a name; once "Boeing 787" is seen, "the 787" and
    "Boeing's 787" elsewhere in the article are the aircraft too.
    """
    names = set()
    for f in found:
        surface = text[f.start : f.end]
        if f.written or (f.unit and f.high is None) or "," in surface or not surface[:1].isdigit():
            continue
        first = re.match(r"[\d.]+", surface)
        assert first is not None
        if _NAME_WORD_BEFORE.search(text[max(0, f.start - 12) : f.start]):
            names.add(first.group())
            continue
        before = [t for t in _tokens_at(doc, max(0, f.start - 30), f.start) if not t.is_space]
        if not before or before[-1].idx + len(before[-1].text) < f.start - 1:
            continue
        word = before[-1]
        if word.lower_ == "'s" and len(before) >= 2:  # "Boeing's 787": a name unless it counts a noun
            after = _tokens_at(doc, f.end + 1, f.end + 2)
            if after and after[0].pos_ == "NOUN":
                continue
            word = before[-2]
        proper = word.pos_ == "PROPN" or any(c.isupper() for c in word.text[1:])
        proper = proper or (word.text[:1].isupper() and word.pos_ == "NOUN")  # "Flight 200", "Chapter 11"
        if proper and word.lower_.rstrip(".") not in MONTH_WORDS and word.ent_type_ not in {"DATE", "TIME"}:
            names.add(first.group())
    return names


def _context(doc: Doc, found: _Found) -> str | None:
    """The subject of the clause that holds a figure: whose figure it is."""
    toks = _tokens_at(doc, found.start, found.end)
    if not toks:
        return None
    node = toks[0]
    for _ in range(12):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in {t.i for t in toks}]
        if subjects:
            subj = subjects[0]
            words = list(subj.subtree)
            if len(words) > 10:
                words = [w for w in words if w.i >= subj.i - 4 and w.i <= subj.i]
            if all(w.pos_ == "PRON" and w.lower_ in {"it", "this", "that", "which", "who"} for w in words):
                return None
            return str(doc[words[0].i : words[-1].i + 1].text)
        if node.head is node:
            break
        node = node.head
    return None


def _approximate(text: str, found: _Found) -> bool:
    before = text[max(0, found.start - 24) : found.start]
    return found.approximate or bool(re.search(rf"\b{_APPROX}\s*$", before, re.IGNORECASE))


def _worth_listing(doc: Doc | None, found: _Found, text: str, unit: str | None) -> bool:
    """Written numbers count something new; durations and ages-as-durations are times, not figures."""
    if unit in _TIME_UNITS and found.unit is None:
        after = text[found.end : found.end + 40]
        return bool(re.match(r"\s*[\w-]+\s+of\b", after))  # "75 hours of video" is a quantity of video
    if text[found.end : found.end + 1] == "-" and re.match(
        r"-(?:year|month|week|day|hour|minute)s?\b", text[found.end :]
    ):
        return False  # "a 41-year history", "fifty-year"
    if not found.written:
        return True
    before = text[max(0, found.start - 20) : found.start]
    if text[found.start].isupper() and not re.search(r"(?:^|[.!?:;\n]\s*|[“\"(]\s*)$", before):
        return False  # capitalised mid-sentence: a name ("the Big Three", "the Ford Five Hundred")
    if _ANAPHORIC.search(before):
        return False  # "the two leaders", "both sides", "its three plants"
    if unit is not None or re.match(r"\s+of\s", text[found.end : found.end + 4]):
        return True
    # a count standing for what it counts: "will appoint six", "a crew of six", "eight short of the 60"
    toks = _tokens_at(doc, found.start, found.end)
    return bool(toks) and toks[-1].dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "npadvmod"}


def read_amounts(text: str, doc: Doc | None = None) -> list[Amount]:
    """Every figure of ``text`` worth listing; ``doc`` (its spaCy parse) adds what they count and whose they are.

    Without a parse, written numbers are not listed (whether they count
    something cannot be told) and ``counts``/``context`` stay empty.
    """
    masked = calendar_spans(text)
    found: list[_Found] = []
    for f in sorted([*_digit_figures(text), *_written_figures(text)], key=lambda f: (f.start, -(f.end - f.start))):
        if _overlaps((f.start, f.end), masked) and (f.unit is None or not (f.unit.isupper() or f.unit == "%")):
            continue
        if any(f.start < g.end and g.start < f.end for g in found):
            continue
        found.append(f)
    name_numbers = _name_numbers(text, found, doc)
    amounts = []
    for f in found:
        unit, counts = f.unit, None
        lead = re.match(r"[\d.]+", text[f.start : f.end])
        if (lead and lead.group() in name_numbers and not f.unit) or re.match(r"\.\d", text[f.end : f.end + 2]):
            continue  # a name or a version ("Boeing 787", "1.1.1")
        counted_unit, counted = _counted(doc, f, text)
        if unit is None:
            unit, counts = counted_unit, counted
        elif unit not in {"%", "times", "percentage points"} and counted and not unit.isupper():
            counts = counted
        if doc is None and f.written:
            continue
        if not _worth_listing(doc, f, text, counted_unit if unit is None or unit == counted_unit else unit):
            continue
        amounts.append(
            Amount(
                text=text[f.start : f.end],
                start=f.start,
                end=f.end,
                value=f.value,
                unit=unit,
                counts=counts,
                approximate=_approximate(text, f),
                high=f.high,
                context=_context(doc, f) if doc is not None else None,
            )
        )
    return amounts


def extract_amounts(doc: Doc) -> tuple[Amount, ...]:
    """Every figure of a parsed text worth listing, with what it counts and whose it is.

    The one implementation behind the amounts stage and the spaCy component
    ``newsdesk_amounts``: a pure function of the parse, offsets into ``doc.text``.
    """
    return tuple(read_amounts(doc_text(doc), doc))


def find_amounts(article: Article, doc: Doc, settings: Settings | None = None) -> Article:
    """The amounts stage: fill ``article.amounts`` from the parse ``doc`` of ``article.text``."""
    return article.copy_with(amounts=extract_amounts(doc))
