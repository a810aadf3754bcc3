"""What a search query means, shared by every backend so that they agree.

A user's query is plain words, never a query language: SQLite's FTS5 syntax
(``NEAR``, ``"``, ``*``, column filters) is not exposed, so no input can make
a search fail or reach past what it is meant to search. The words are folded
the way FTS5's ``unicode61`` tokenizer (``remove_diacritics 2``) folds them:
lower case, no diacritics, letters and digits only. Every word must match; the
last one also matches as a prefix when it has at least :data:`MIN_PREFIX` characters
(one letter would match a twentieth of the language, and expanding it takes a
desk of a million articles seconds).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "MAX_TERMS",
    "MIN_PREFIX",
    "SEARCH_WINDOW",
    "fold",
    "fts_query",
    "is_prefix",
    "matches",
    "query_terms",
    "snippet",
    "tokens",
]

MAX_TERMS = 16
"""Words of a query beyond this many are ignored (a search box is not a document)."""

SEARCH_WINDOW = 5_000
"""A search ranks at most this many matches, the most recently stored: a word found in half a
million things costs what a rarer one does (ranking every match grows with the desk)."""

MIN_PREFIX = 2
"""The shortest last word that also matches as a prefix ("in" finds "India"; "a" finds only "a")."""

_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without diacritics ("São" → "sao"), as the FTS5 tokenizer sees text."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _TOKEN.findall(fold(text))


def query_terms(query: str) -> list[str]:
    """The words a query searches for (at most :data:`MAX_TERMS`); empty when there are none."""
    return tokens(query)[:MAX_TERMS]


def is_prefix(terms: list[str], i: int) -> bool:
    """Whether ``terms[i]`` also matches longer words: the last term, when it is long enough."""
    return i == len(terms) - 1 and len(terms[i]) >= MIN_PREFIX


def fts_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression for ``terms``: each quoted (so never an operator), the last a prefix.

    Terms are letters and digits only (see :func:`tokens`), so quoting them
    needs no escaping; the expression is still passed as a bound parameter.
    """
    return " ".join(f'"{t}"' + ("*" if is_prefix(terms, i) else "") for i, t in enumerate(terms))


def matches(terms: list[str], fields: Iterable[str | None]) -> int:
    """How many times the terms occur in ``fields`` (0 when any term is missing).

    The in-memory equivalent of an FTS5 match: every term must occur as a
    word, the last one (when :func:`is_prefix`) as a word's prefix.
    """
    words = [w for f in fields if f for w in tokens(f)]
    total = 0
    for i, term in enumerate(terms):
        prefix = is_prefix(terms, i)
        found = sum(1 for w in words if (w.startswith(term) if prefix else w == term))
        if not found:
            return 0
        total += found
    return total


def snippet(text: str, terms: list[str], *, words: int = 16) -> str:
    """About ``words`` words of ``text`` around the first match, with "…" where it was cut."""
    spans = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]
    if not spans:
        return ""
    found = [(t, is_prefix(terms, j)) for j, t in enumerate(terms)]
    hit = next((i for i, (_, _, w) in enumerate(spans) if any(w == t or (p and w.startswith(t)) for t, p in found)), 0)
    first = max(0, hit - words // 2)
    last = min(len(spans), first + words) - 1
    first = max(0, min(first, last - words + 1))
    begin = spans[first][0] if first > 0 else 0
    end = spans[last][1] if last < len(spans) - 1 else len(text)
    excerpt = " ".join(text[begin:end].split())
    return ("…" if first > 0 else "") + excerpt + ("…" if last < len(spans) - 1 else "")
