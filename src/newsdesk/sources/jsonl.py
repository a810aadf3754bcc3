"""JSON Lines: one article per line, ``text`` or ``html`` plus optional metadata.

A file holding one JSON array of such records, or a single record, is read
the same way. A bad line is reported with its line number; the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsdesk.model import Article, Failure
from newsdesk.sources.detect import ReadError
from newsdesk.sources.html import article_from_html
from newsdesk.sources.meta import Meta
from newsdesk.sources.text import article_from_text

__all__ = ["read_jsonl"]


def _records(text: str) -> Iterator[tuple[int, Any | ReadError]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield 1, ReadError(f"invalid JSON ({exc.msg} at line {exc.lineno})")
            return
        yield from enumerate(data if isinstance(data, list) else [data], 1)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, ReadError(f"invalid JSON ({exc.msg})")


def record_to_article(source: str, record: Any) -> Article:
    """One JSON record to an :class:`Article`.

    Raises:
        ReadError: when the record is not an object or holds no text.
    """
    if not isinstance(record, dict):
        raise ReadError(f"expected a JSON object, got {type(record).__name__}")
    meta = Meta.from_record(record)
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        return article_from_html(source, html, meta)
    if isinstance(text, str) and text.strip():
        return article_from_text(source, text, meta, input_format="jsonl")
    raise ReadError('no "text" or "html" field with content')


def read_jsonl(name: str, text: str) -> Iterator[Article | Failure]:
    """Articles from a JSON Lines (or JSON array) file; ``source`` is ``name#LINE``
    unless a record names its own ``source``."""
    for lineno, record in _records(text):
        where = f"{name}#{lineno}"
        if isinstance(record, ReadError):
            yield Failure(where, str(record))
            continue
        own = record.get("source") if isinstance(record, dict) else None
        try:
            yield record_to_article(own if isinstance(own, str) and own else where, record)
        except ReadError as exc:
            yield Failure(where, str(exc))
