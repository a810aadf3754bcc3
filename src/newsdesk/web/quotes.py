"""Quotes of a story grouped by speaker, with the outlets that carry each.

One utterance is often quoted by several outlets, whole or cut short. Here a
quote joins another of the same speaker when its words (folded as search
folds them) are the same or a run inside the other's: the longest wording is
shown, and every outlet that carries it (whole or in part) is listed with a
link to its sentence. Paraphrase is not guessed at here; two wordings that
share no run of words stay two quotes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsdesk.model import Article
from newsdesk.store.search import tokens

__all__ = ["Carrier", "SaidQuote", "SpeakerQuotes", "quotes_by_speaker"]


@dataclass
class Carrier:
    """One article carrying a quote: where, and whether it has all of it."""

    article_id: str
    outlet: str | None
    start: int
    end: int
    kind: str
    whole: bool


@dataclass
class SaidQuote:
    """One utterance and everyone who carries it."""

    text: str
    kind: str
    carriers: list[Carrier] = field(default_factory=list)
    words: str = ""

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(c.outlet or "unknown outlet" for c in self.carriers))


@dataclass
class SpeakerQuotes:
    """A speaker's quotes across the story, most carried first."""

    speaker: str
    quotes: list[SaidQuote]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(o for q in self.quotes for o in q.outlets))


def _words(text: str) -> str:
    return " " + " ".join(tokens(text)) + " "


def quotes_by_speaker(articles: list[Article], *, unattributed: bool = False) -> list[SpeakerQuotes]:
    """Every attributed quote of ``articles``, grouped by speaker then by utterance.

    Speakers come in order of how many outlets quote them; quotes without a
    speaker are left out unless ``unattributed``.
    """
    said: dict[str, list[SaidQuote]] = {}
    for article in articles:
        for quote in article.quotes:
            speaker = quote.speaker or ("unattributed" if unattributed else None)
            if speaker is None or not quote.text.strip():
                continue
            words = _words(quote.text)
            if not words.strip():
                continue
            carrier = Carrier(article.id, article.outlet, quote.start, quote.end, quote.kind, True)
            groups = said.setdefault(speaker, [])
            home = next((g for g in groups if words in g.words or g.words in words), None)
            if home is None:
                groups.append(SaidQuote(quote.text, quote.kind, [carrier], words))
                continue
            if len(words) > len(home.words):  # a fuller wording: show it, the others carry part of it
                for c in home.carriers:
                    c.whole = False
                home.text, home.kind, home.words = quote.text, quote.kind, words
            else:
                carrier.whole = words == home.words
            home.carriers.append(carrier)
    outlets = Counter({s: len({c.outlet for q in qs for c in q.carriers}) for s, qs in said.items()})
    return [
        SpeakerQuotes(speaker, sorted(said[speaker], key=lambda q: (-len(q.outlets), q.text)))
        for speaker, _ in sorted(outlets.items(), key=lambda item: (-item[1], item[0]))
    ]
