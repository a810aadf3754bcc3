"""The Parquet tables of a Spark run: the JSON form of an article, split one table per record kind.

``articles`` holds one row per article (its metadata, text, sentences,
debris); ``entities``, ``quotes``, ``amounts``, ``dates`` and ``events`` hold
one row per record, keyed by ``article_id`` and ``idx`` (its position in the
article), with exactly the fields of :func:`newsdesk.model.to_dict`. Spans
stay stand-off: ``[start, end]`` arrays into ``articles.text``.

The Spark schemas are *derived* from the model's dataclasses, so a field a
stage adds to :mod:`newsdesk.model` (optional, with a default) appears in the
tables without touching this module; a type the mapping does not know fails
at once, naming the field. :func:`article_from_rows` is the way back, used
to check that Spark and the local path agree.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsdesk import model
from newsdesk.model import Article, Failure, from_dict, to_dict

__all__ = [
    "CHILD_TABLES",
    "TABLES",
    "article_from_rows",
    "failure_row",
    "schema",
    "spark_type",
    "table_rows",
]

CHILD_TABLES: dict[str, type] = {
    "entities": model.Entity,
    "quotes": model.Quote,
    "amounts": model.Amount,
    "dates": model.DateRef,
    "events": model.Event,
}
"""Each annotation field of :class:`~newsdesk.model.Article` and the record type of its rows."""

TABLES: tuple[str, ...] = ("articles", *CHILD_TABLES)
"""The datasets a run writes, one folder each under OUTPUT (plus ``failures``)."""

_SCALARS = {str: "string", int: "int", float: "double", bool: "boolean"}


def spark_type(hint: Any, where: str = "") -> str:
    """The Spark SQL type (DDL) of a model field's type hint.

    ``X | None`` is X (every Spark column is nullable); a tuple of X is an
    ``array<X>`` (so a span is ``array<int>``); a record is a ``struct``.

    Raises:
        TypeError: for a type with no mapping, naming the field.
    """
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return spark_type(inner[0], where)
    elif origin is typing.Literal and all(isinstance(a, str) for a in args):
        return "string"
    elif origin is tuple and args:
        element = args[0]
        if (len(args) == 2 and args[1] is Ellipsis) or all(a == element for a in args):
            return f"array<{spark_type(element, where)}>"
    elif hint in _SCALARS:
        return _SCALARS[hint]
    elif dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return f"struct<{', '.join(f'`{n}`: {t}' for n, t in _fields(hint))}>"
    raise TypeError(f"newsdesk.spark has no Parquet type for {where or 'a field'}: {hint!r}")


def _fields(cls: type, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(cls, vars(model))
    return [
        (f.name, spark_type(hints[f.name], f"{cls.__name__}.{f.name}"))
        for f in dataclasses.fields(cls)
        if f.name not in skip
    ]


def schema(table: str) -> str:
    """The DDL schema of ``table`` (``"articles"``, ``"entities"``, …, or ``"failures"``)."""
    if table == "failures":
        return "`source` string, `reason` string"
    if table == "articles":
        columns = _fields(Article, skip=CHILD_TABLES)
    else:
        columns = [("article_id", "string"), ("idx", "int"), *_fields(CHILD_TABLES[table])]
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def table_rows(article: Article) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(table, row)`` for the article and each of its records (rows are JSON-form dicts)."""
    data = to_dict(article)
    yield "articles", {k: v for k, v in data.items() if k not in CHILD_TABLES}
    for table in CHILD_TABLES:
        for idx, record in enumerate(data[table]):
            yield table, {"article_id": article.id, "idx": idx, **record}


def failure_row(failure: Failure) -> dict[str, Any]:
    return {"source": failure.source, "reason": failure.reason}


def article_from_rows(row: Mapping[str, Any], children: Mapping[str, Iterable[Mapping[str, Any]]]) -> Article:
    """The Article that :func:`table_rows` split: its ``articles`` row and its child rows by table."""
    data = dict(row)
    for table in CHILD_TABLES:
        records = sorted(children.get(table, ()), key=lambda r: int(r["idx"]))
        data[table] = [{k: v for k, v in r.items() if k not in ("article_id", "idx")} for r in records]
    return from_dict(data)
