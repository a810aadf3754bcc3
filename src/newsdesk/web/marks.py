"""Stand-off annotations → flat pieces of text a template can mark up.

An article's annotations overlap (an entity inside a quote, a figure inside a
sentence being cited), and HTML elements must nest. Instead of building a
tree, the text is cut at every annotation boundary into pieces; each piece
knows every annotation covering it and becomes one element whose classes
combine them. The template escapes each piece's text: annotations only ever
add class names and attributes we choose, never markup from the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from newsdesk.model import Article

__all__ = ["PALETTE_SIZE", "Mark", "Piece", "article_marks", "pieces", "speaker_colours"]

PALETTE_SIZE = 8
"""Speakers are coloured ``sp-0`` … ``sp-7`` (``sp-x`` for an unattributed quote); the CSS defines them."""


@dataclass(frozen=True)
class Mark:
    """One annotation to show: where, how (CSS classes), what it says on hover, where it links."""

    start: int
    end: int
    kind: str
    css: str
    title: str | None = None
    href: str | None = None
    anchor: str | None = None


@dataclass
class Piece:
    """A run of text covered by the same marks; ``anchors`` are ids of marks that start here."""

    text: str
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(dict.fromkeys(c for m in self.marks for c in m.css.split()))

    @property
    def title(self) -> str | None:
        titles = [m.title for m in self.marks if m.title]
        return " · ".join(dict.fromkeys(titles)) or None

    @property
    def href(self) -> str | None:
        return next((m.href for m in self.marks if m.href), None)


def pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    """Cut ``text`` at every mark boundary; marks outside the text or empty are ignored."""
    usable = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -m.end),
    )
    cuts = sorted({0, len(text), *(m.start for m in usable), *(m.end for m in usable)})
    out = [Piece(text[a:b]) for a, b in pairwise(cuts)]
    for mark in usable:
        first, last = bisect_left(cuts, mark.start), bisect_left(cuts, mark.end)
        for i in range(first, last):
            out[i].marks.append(mark)
        if mark.anchor:
            out[first].anchors.append(mark.anchor)
    return out


def speaker_colours(speakers: Iterable[str | None]) -> dict[str, str]:
    """A stable colour class per speaker, in order of first appearance (cycling past the palette)."""
    colours: dict[str, str] = {}
    for speaker in speakers:
        if speaker is not None and speaker not in colours:
            colours[speaker] = f"sp-{len(colours) % PALETTE_SIZE}"
    return colours


def _amount_title(value: float, unit: str | None, counts: str | None, high: float | None) -> str:
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,}"
    if high is not None:
        shown += f"–{high:,.0f}" if high == int(high) else f"–{high:,}"
    return " ".join(x for x in (shown, unit, f"({counts})" if counts else None) if x)


def article_marks(
    article: Article,
    *,
    entity_href: dict[str, str],
    colours: dict[str, str],
    highlight: tuple[int, int] | None = None,
) -> list[Mark]:
    """Every annotation of ``article`` as a mark: entities (linked), quotes, figures, dates, a cited span."""
    marks: list[Mark] = []
    for entity in article.entities:
        for start, end in entity.mentions:
            marks.append(
                Mark(start, end, "entity", f"ent ent-{entity.label}", f"{entity.name} ({entity.label})",
                     entity_href.get(entity.name))
            )  # fmt: skip
    for i, quote in enumerate(article.quotes):
        colour = colours.get(quote.speaker or "", "sp-x")
        how = ", ".join(x for x in (quote.cue, f"via {quote.via.text}" if quote.via else None) if x)
        said = f"{quote.speaker or 'unattributed'}" + (f" ({how})" if how else "")
        kind = "quote reported" if quote.kind == "indirect" else "quote"  # reported speech: no marks of its own
        marks.append(Mark(quote.start, quote.end, "quote", f"{kind} {colour}", said, anchor=f"q{i}"))
        if quote.speaker_mention is not None:
            m = quote.speaker_mention
            marks.append(Mark(m.start, m.end, "speaker", f"speaker {colour}"))
    for i, amount in enumerate(article.amounts):
        title = _amount_title(amount.value, amount.unit, amount.counts, amount.high)
        marks.append(Mark(amount.start, amount.end, "amount", "amt", title, anchor=f"f{i}"))
    for date in article.dates:
        marks.append(Mark(date.start, date.end, "date", "date", date.value or "unresolved"))
    if highlight is not None:
        marks.append(Mark(highlight[0], highlight[1], "cite", "cite", anchor="hl"))
    return marks
