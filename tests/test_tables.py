"""The desk's tables (Spark output and exports): schemas derived from the model, and rows."""

from __future__ import annotations

import typing

import pytest

from newsdesk import StoryLink
from newsdesk.tables import (
    EXPORT_TABLES,
    TABLES,
    article_from_rows,
    columns,
    mention_rows,
    schema,
    spark_type,
    story_row,
    table_rows,
)

from .test_model import full_article


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
    with pytest.raises(TypeError, match=r"no column type for Thing\.field"):
        spark_type(hint, "Thing.field")


def test_tables_every_export_table_has_columns_and_a_schema() -> None:
    for table in EXPORT_TABLES:
        names = [name for name, _ in columns(table)]
        assert len(names) == len(set(names)), table
        assert schema(table).startswith(f"`{names[0]}` ")


def test_tables_unknown_table_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"No table 'people'\. Available: articles, entities, .*, threads, failures"):
        columns("people")


def test_tables_a_new_model_field_appears_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from newsdesk import model, tables

    @dataclasses.dataclass(frozen=True)
    class Quote(model.Quote):
        via: str | None = None
        tags: tuple[str, ...] = ()

    monkeypatch.setitem(tables.CHILD_TABLES, "quotes", Quote)
    added = columns("quotes")[-2:]
    assert [(name, kind.ddl()) for name, kind in added] == [("via", "string"), ("tags", "array<string>")]
    assert schema("quotes").endswith("`via` string, `tags` array<string>")


@pytest.mark.parametrize(
    ("link", "row"),
    [
        (StoryLink("a1", "s1", None, ("k1", "k2")), {"article_id": "a1", "story_id": "s1", "copy_of": None}),
        (StoryLink("a2", "s1", "a1"), {"article_id": "a2", "story_id": "s1", "copy_of": "a1"}),
    ],
)
def test_tables_story_row_leaves_the_keys_out(link: StoryLink, row: dict[str, typing.Any]) -> None:
    assert story_row(link) == row
    assert list(row) == [name for name, _ in columns("stories")]


def test_tables_mention_rows_are_the_entities_mentions() -> None:
    article = full_article()
    assert list(mention_rows(article)) == [{"article_id": article.id, "entity_idx": 0, "start": 0, "end": 11}]
    assert list(mention_rows(article.copy_with(entities=()))) == []
