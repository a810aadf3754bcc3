"""The desk as tables: the JSON form of an article split one table per record kind.

``articles`` holds one row per article (its metadata, text, sentences,
debris); ``entities``, ``quotes``, ``amounts``, ``dates`` and ``events`` hold
one row per record, keyed by ``article_id`` and ``idx`` (its position in the
article), with exactly the fields of :func:`newsdesk.model.to_dict`. Spans
stay stand-off: ``[start, end]`` arrays into ``articles.text``. ``stories``
holds one row per article placed in a story (a
:class:`~newsdesk.model.StoryLink` without its blocking keys), ``threads``
one row per story placed in a thread (a :class:`~newsdesk.model.ThreadLink`),
and ``mentions`` is the flat form of ``entities.mentions`` (one row per mention)
for tools that read no arrays.

These are the tables of a Spark run (:mod:`newsdesk.spark`) and of
``newsdesk export`` (:mod:`newsdesk.export`), so both describe them once,
here, without importing Spark or Arrow. The column types are *derived* from
the model's dataclasses (:func:`column_type`): a field a stage adds to
:mod:`newsdesk.model` (optional, with a default) appears in every table
without touching this module; a type the mapping does not know fails at
once, naming the field. :func:`article_from_rows` is the way back, used to
check that the tables hold the articles whole.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from newsdesk import model
from newsdesk.model import Article, Failure, StoryLink, ThreadLink, from_dict, to_dict

__all__ = [
    "CHILD_TABLES",
    "EXPORT_TABLES",
    "TABLES",
    "ColumnType",
    "article_from_rows",
    "column_type",
    "columns",
    "failure_row",
    "mention_rows",
    "schema",
    "spark_type",
    "story_row",
    "table_rows",
    "thread_row",
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
"""The per-article datasets a Spark run writes, one folder each under OUTPUT (plus ``failures``)."""

EXPORT_TABLES: tuple[str, ...] = (
    "articles",
    "entities",
    "mentions",
    "quotes",
    "amounts",
    "dates",
    "events",
    "stories",
    "threads",
)
"""What ``newsdesk export`` writes: :data:`TABLES`, the flat mentions, the stories and the threads."""

_STORY_SKIP = ("keys",)  # the blocking keys are the desk's index, not data


@dataclass(frozen=True)
class ColumnType:
    """The type of a column: a scalar, an ``array`` of one type, or a ``struct`` of named fields.

    Every column is nullable. ``int`` is 32-bit (character offsets), ``double``
    64-bit, as in Spark SQL.
    """

    kind: typing.Literal["string", "int", "double", "boolean", "array", "struct"]
    element: ColumnType | None = None
    fields: tuple[tuple[str, ColumnType], ...] = ()

    @property
    def nested(self) -> bool:
        """Whether values are lists or records (a flat format writes them as JSON)."""
        return self.kind in ("array", "struct")

    def ddl(self) -> str:
        """The Spark SQL (DDL) spelling: ``string``, ``array<int>``, ``struct<`a`: string>``."""
        if self.kind == "array":
            assert self.element is not None
            return f"array<{self.element.ddl()}>"
        if self.kind == "struct":
            return f"struct<{', '.join(f'`{n}`: {t.ddl()}' for n, t in self.fields)}>"
        return self.kind


_SCALARS: dict[Any, ColumnType] = {
    str: ColumnType("string"),
    int: ColumnType("int"),
    float: ColumnType("double"),
    bool: ColumnType("boolean"),
}
_STRING, _INT = _SCALARS[str], _SCALARS[int]


def column_type(hint: Any, where: str = "") -> ColumnType:
    """The column type of a model field's type hint.

    ``X | None`` is X (every column is nullable); a tuple of X is an array of
    X (so a span is an array of int); a record is a struct of its fields; a
    ``Literal`` of strings is a string.

    Raises:
        TypeError: for a type with no mapping, naming the field.
    """
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return column_type(inner[0], where)
    elif origin is typing.Literal and all(isinstance(a, str) for a in args):
        return _STRING
    elif origin is tuple and args:
        element = args[0]
        if (len(args) == 2 and args[1] is Ellipsis) or all(a == element for a in args):
            return ColumnType("array", element=column_type(element, where))
    elif hint in _SCALARS:
        return _SCALARS[hint]
    elif dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return ColumnType("struct", fields=tuple(_fields(hint)))
    raise TypeError(f"newsdesk.tables has no column type for {where or 'a field'}: {hint!r}")


def spark_type(hint: Any, where: str = "") -> str:
    """The Spark SQL type (DDL) of a model field's type hint (see :func:`column_type`)."""
    return column_type(hint, where).ddl()


def _fields(cls: type, skip: Iterable[str] = ()) -> list[tuple[str, ColumnType]]:
    hints = typing.get_type_hints(cls, vars(model))
    return [
        (f.name, column_type(hints[f.name], f"{cls.__name__}.{f.name}"))
        for f in dataclasses.fields(cls)
        if f.name not in skip
    ]


def columns(table: str) -> list[tuple[str, ColumnType]]:
    """The columns of ``table`` in order: one of :data:`EXPORT_TABLES`, or ``"failures"``.

    Raises:
        KeyError: for a table that does not exist, naming the ones that do.
    """
    if table == "articles":
        return _fields(Article, skip=CHILD_TABLES)
    if table in CHILD_TABLES:
        return [("article_id", _STRING), ("idx", _INT), *_fields(CHILD_TABLES[table])]
    if table == "mentions":
        return [("article_id", _STRING), ("entity_idx", _INT), ("start", _INT), ("end", _INT)]
    if table == "stories":
        return _fields(StoryLink, skip=_STORY_SKIP)
    if table == "threads":
        return _fields(ThreadLink)
    if table == "failures":
        return [("source", _STRING), ("reason", _STRING)]
    raise KeyError(f"No table {table!r}. Available: {', '.join((*EXPORT_TABLES, 'failures'))}")


def schema(table: str) -> str:
    """The DDL schema of ``table`` (what ``spark.createDataFrame`` takes)."""
    return ", ".join(f"`{name}` {kind.ddl()}" for name, kind in columns(table))


def table_rows(article: Article) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(table, row)`` for the article and each of its records (rows are JSON-form dicts)."""
    data = to_dict(article)
    yield "articles", {k: v for k, v in data.items() if k not in CHILD_TABLES}
    for table in CHILD_TABLES:
        for idx, record in enumerate(data[table]):
            yield table, {"article_id": article.id, "idx": idx, **record}


def mention_rows(article: Article) -> Iterator[dict[str, Any]]:
    """The ``mentions`` rows of an article: one per entity mention, by entity then position."""
    for idx, entity in enumerate(article.entities):
        for start, end in entity.mentions:
            yield {"article_id": article.id, "entity_idx": idx, "start": start, "end": end}


def story_row(link: StoryLink) -> dict[str, Any]:
    """The ``stories`` row of a link."""
    return {f.name: getattr(link, f.name) for f in dataclasses.fields(link) if f.name not in _STORY_SKIP}


def thread_row(link: ThreadLink) -> dict[str, Any]:
    """The ``threads`` row of a link: the story and the thread it is in."""
    return {f.name: getattr(link, f.name) for f in dataclasses.fields(link)}


def failure_row(failure: Failure) -> dict[str, Any]:
    return {"source": failure.source, "reason": failure.reason}


def article_from_rows(row: Mapping[str, Any], children: Mapping[str, Iterable[Mapping[str, Any]]]) -> Article:
    """The Article that :func:`table_rows` split: its ``articles`` row and its child rows by table."""
    data = dict(row)
    for table in CHILD_TABLES:
        records = sorted(children.get(table, ()), key=lambda r: int(r["idx"]))
        data[table] = [{k: v for k, v in r.items() if k not in ("article_id", "idx")} for r in records]
    return from_dict(data)
