"""The Parquet tables' schemas and rows, without starting Spark."""

from __future__ import annotations

import typing

import pytest

from newsdesk.spark.tables import TABLES, article_from_rows, schema, spark_type, table_rows

from ..test_model import full_article


def test_tables_rows_fit_their_schemas() -> None:
    for table, row in table_rows(full_article()):
        columns = [c.split("` ", 1)[0].strip("` ") for c in schema(table).split(", `")]
        assert set(row) <= set(columns), table


def test_tables_rows_round_trip_to_the_article() -> None:
    article = full_article()
    rows: dict[str, list[dict[str, typing.Any]]] = {t: [] for t in TABLES}
    for table, row in table_rows(article):
        rows[table].append(row)
    (main,) = rows.pop("articles")
    assert article_from_rows(main, {t: list(reversed(r)) for t, r in rows.items()}) == article


@pytest.mark.parametrize(
    ("hint", "expected"),
    [
        (str, "string"),
        (int | None, "int"),
        (float, "double"),
        (bool, "boolean"),
        (tuple[int, int], "array<int>"),
        (tuple[tuple[int, int], ...], "array<array<int>>"),
        (tuple[str, ...], "array<string>"),
        (typing.Literal["direct", "partial"], "string"),
    ],
)
def test_tables_spark_type(hint: object, expected: str) -> None:
    assert spark_type(hint) == expected


@pytest.mark.parametrize("hint", [dict[str, int], list[str], int | str, tuple[int, str], bytes])
def test_tables_spark_type_refuses_what_it_cannot_store(hint: object) -> None:
    with pytest.raises(TypeError, match=r"no Parquet type for Thing\.field"):
        spark_type(hint, "Thing.field")
