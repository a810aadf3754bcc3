"""Invariants every analysed article must satisfy, checked by tests, fuzzing and the CLI's --check.

Stand-off annotations are only trustworthy if their offsets are: every span lies inside
the text and slices to the string the record reports.
"""

from __future__ import annotations

from newsdesk.model import Article

__all__ = ["offset_problems"]


def _span_ok(text: str, start: int, end: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


def offset_problems(article: Article) -> list[str]:
    """Every broken offset of ``article``, described; empty when all is well."""
    text, problems = article.text, []

    def span(what: str, start: int, end: int, expected: str | None = None) -> None:
        if not _span_ok(text, start, end):
            problems.append(f"{what}: [{start}, {end}) outside the text (length {len(text)})")
        elif expected is not None and text[start:end] != expected:
            problems.append(f"{what}: text[{start}:{end}] is {text[start:end]!r}, not {expected!r}")

    for i, (s, e) in enumerate(article.sentences):
        span(f"sentence {i}", s, e)
    for entity in article.entities:
        for s, e in entity.mentions:
            span(f"entity {entity.name!r}", s, e)
    for i, q in enumerate(article.quotes):
        span(f"quote {i}", q.start, q.end, q.text)
        if q.speaker_mention is not None:
            m = q.speaker_mention
            span(f"quote {i} speaker", m.start, m.end, m.text)
        if q.cue_span is not None:
            span(f"quote {i} cue", *q.cue_span)
        if q.via is not None:
            span(f"quote {i} via", q.via.start, q.via.end, q.via.text)
    for i, a in enumerate(article.amounts):
        span(f"amount {i}", a.start, a.end, a.text)
    for i, d in enumerate(article.dates):
        span(f"date {i}", d.start, d.end, d.text)
    for i, ev in enumerate(article.events):
        span(f"event {i} sentence", *ev.sentence)
        if ev.trigger is not None:
            span(f"event {i} trigger", *ev.trigger)
    return problems
