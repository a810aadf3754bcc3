"""``amounts._tokens_at`` finds by bisection exactly the tokens a walk over the document finds."""

from __future__ import annotations

from typing import Any

from newsdesk import Pipeline
from newsdesk.analyze.amounts import _tokens_at

TEXT = "The strike cost €180 million on Tuesday,  and 28,500 US troops left.\n\nAbout 5% fewer   trains ran."


def walk(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if t.idx < end and start < t.idx + len(t.text)]


def test_amounts_tokens_at_matches_a_full_walk(pipeline: Pipeline) -> None:
    (doc,) = pipeline.nlp.pipe([TEXT])
    for start in range(len(TEXT) + 1):
        for end in range(start, min(len(TEXT), start + 25) + 1):
            assert [t.i for t in _tokens_at(doc, start, end)] == [t.i for t in walk(doc, start, end)], (start, end)
    assert _tokens_at(None, 0, 5) == []
