"""Quotation marks: which marks pair up, and what text they enclose.

News text types quotations every way there is: curly “…” and ‘…’, straight
"…" and '…', the typewriter pair ``…'' and the NYT archive's ''…'', guillemets.
A straight mark says nothing about its direction, an apostrophe looks like a
closing single quote, and a quotation that runs over several paragraphs opens
each paragraph and closes only the last one. This module answers one question
from the characters alone, before any parse: where are the quoted passages?

The direction of a mark comes from its shape in context (an opening mark
follows a space and precedes a word; a closing one follows a word), its glyph
breaking ties, so a typo such as ``,“ he said`` still closes. Single quotes are
taken only outside double quotes and only when they pair up within their
paragraph, so apostrophes ("the players’ union", "’90s") stay apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quoted", "find_quoted"]

_DOUBLE_OPEN = frozenset("“„«")
_DOUBLE_CLOSE = frozenset("”»")
_SINGLE_OPEN = frozenset("‘‹")
_SINGLE_CLOSE = frozenset("’›")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:;,")  # what may precede an opening mark
_CLOSE_AFTER = frozenset(" \t\n)]}.,;:!?—–-…/")  # what may follow a closing mark
_ELISIONS = re.compile(r"(?i)(?:\d0s|em\b|tis\b|twas\b|n\b|til\b|cause\b)")
_MARK = re.compile(r"``|'''|''|[\"“”„«»‘’'‹›]")


@dataclass(frozen=True)
class Quoted:
    """A quoted passage: ``text[start:end]`` is what the marks enclose, trimmed of spaces.

    ``open`` is the offset of the opening mark; ``close`` the offset just past
    the closing mark, or None when the passage runs to the end of its paragraph
    unclosed. A passage that spans paragraphs (each opening with a mark) is one
    Quoted whose text holds the paragraph breaks and the re-opening marks.
    ``double`` is False for single quotation marks.
    """

    open: int
    start: int
    end: int
    close: int | None
    double: bool = True


@dataclass(frozen=True)
class _Mark:
    pos: int
    end: int
    double: bool
    can_open: bool
    can_close: bool


def _classify(text: str, pos: int, end: int) -> _Mark | None:
    glyph = text[pos:end]
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    open_shape = before.isspace() or before in _OPEN_BEFORE or before in _DOUBLE_OPEN or before in _SINGLE_OPEN
    open_shape = open_shape and not after.isspace()
    close_shape = not before.isspace() and (
        after.isspace() or after in _CLOSE_AFTER or after in _DOUBLE_CLOSE or after in _SINGLE_CLOSE
    )
    if glyph in {"«", "»"}:  # guillemets point their way, and French sets them off with spaces
        return _Mark(pos, end, True, glyph == "«", glyph == "»")
    if glyph in {'"', "''", "``"} or glyph in _DOUBLE_OPEN or glyph in _DOUBLE_CLOSE:
        if glyph == "``" or glyph in _DOUBLE_OPEN:
            can_open, can_close = not (close_shape and not open_shape), close_shape and not open_shape
        elif glyph in _DOUBLE_CLOSE:
            can_open, can_close = open_shape and not close_shape, not (open_shape and not close_shape)
        else:  # straight marks: the shape decides; neither shape lets the state decide
            can_open = open_shape or not close_shape
            can_close = close_shape or not open_shape
        return _Mark(pos, end, True, can_open, can_close)
    # single marks: stricter, an apostrophe is far more common than a quotation
    rest = text[end : end + 4]
    if open_shape and (glyph in _SINGLE_OPEN or glyph == "'" or glyph == "’") and not _ELISIONS.match(rest):
        return _Mark(pos, end, False, True, False)
    if close_shape and (before.isalnum() or before in ".,!?…"):
        return _Mark(pos, end, False, False, True)
    return None


def _marks(paragraph: str, offset: int, text: str) -> list[_Mark]:
    marks = []
    for m in _MARK.finditer(paragraph):
        pos, end = offset + m.start(), offset + m.end()
        glyph = m.group()
        if glyph == "'''":  # a single and a double mark run together: ''' at a close is ' + ''
            before = text[pos - 1] if pos > 0 else " "
            pos, end = (pos + 1, end) if not before.isspace() else (pos, end - 1)
        mark = _classify(text, pos, end)
        if mark is not None:
            marks.append(mark)
    return marks


def _pair_singles(marks: list[_Mark], text: str) -> list[Quoted]:
    """Single-quoted passages: an opener paired with the first fitting closer after it."""
    out: list[Quoted] = []
    i = 0
    while i < len(marks):
        opener = marks[i]
        if not opener.can_open:
            i += 1
            continue
        closer = None
        for j in range(i + 1, len(marks)):
            cand = marks[j]
            if not cand.can_close:
                continue
            # "the players’ union": s’ before a lower-case word is a possessive, look further
            if text[cand.pos - 1] == "s" and re.match(r"\s+[a-z]", text[cand.end : cand.end + 3]):
                continue
            closer = (j, cand)
            break
        if closer is None:
            i += 1
            continue
        j, cand = closer
        start, end = _trim(text, opener.end, cand.pos)
        if end > start:
            out.append(Quoted(opener.pos, start, end, cand.end, double=False))
        i = j + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted passage of ``text``, in order, with offsets that slice to its content.

    >>> [text[q.start:q.end] for q in find_quoted(text := '“We’ll see,” he said.')]
    ['We’ll see,']
    """
    out: list[Quoted] = []
    # a double quote still open at the end of a paragraph: (open mark, content start, paragraph end)
    pending: tuple[int, int, int] | None = None
    paragraphs = _paragraphs(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text[p_start:p_end], p_start, text)
        doubles = [m for m in marks if m.double]
        inside: tuple[int, int] | None = None
        if pending is not None:
            if doubles and doubles[0].can_open and not text[p_start : doubles[0].pos].strip():
                inside, doubles = (pending[0], pending[1]), doubles[1:]
            else:  # the paragraph does not go on quoting: the quote ended unclosed
                _add(out, text, pending[0], pending[1], pending[2], None)
            pending = None
        free: list[tuple[int, int]] = []  # stretches outside double quotes, where single quotes count
        cursor = p_start
        for mark in doubles:
            if inside is None and mark.can_open:
                free.append((cursor, mark.pos))
                inside = (mark.pos, mark.end)
            elif inside is not None and mark.can_close:
                _add(out, text, inside[0], inside[1], mark.pos, mark.end)
                inside, cursor = None, mark.end
        if inside is None:
            free.append((cursor, p_end))
        else:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and _OPENS_PARAGRAPH.match(text, following[0]):
                pending = (inside[0], inside[1], p_end)
            else:
                _add(out, text, inside[0], inside[1], p_end, None)
        for a, b in free:
            out.extend(_pair_singles([m for m in marks if not m.double and a <= m.pos < b], text))
    if pending is not None:
        _add(out, text, pending[0], pending[1], pending[2], None)
    return sorted(out, key=lambda q: q.start)


_OPENS_PARAGRAPH = re.compile(r"\s*(?:``|''|[\"“”„«])")


def _add(out: list[Quoted], text: str, mark: int, start: int, end: int, close: int | None) -> None:
    start, end = _trim(text, start, end)
    if end > start:
        out.append(Quoted(mark, start, end, close))
