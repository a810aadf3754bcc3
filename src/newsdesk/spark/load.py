"""Reading a Spark run's tables back as newsdesk records (for checks, and to fill a desk)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsdesk.model import Article, Failure
from newsdesk.tables import CHILD_TABLES, article_from_rows

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["load_articles", "load_failures"]


def load_articles(spark: SparkSession, output: str, ids: list[str] | None = None) -> Iterator[Article]:
    """The articles under ``output`` (those of ``ids``, or all), rebuilt from their tables.

    Everything is collected to the driver: meant for checks and for moving a
    modest corpus into a desk, not for a whole crawl.
    """
    from pyspark.sql import functions as fn

    base = output.rstrip("/")

    def frame(table: str) -> Any:
        df = spark.read.parquet(f"{base}/{table}")
        key = "id" if table == "articles" else "article_id"
        return df.where(fn.col(key).isin(ids)) if ids is not None else df

    children: dict[str, dict[str, list[dict[str, Any]]]] = {table: {} for table in CHILD_TABLES}
    for table in CHILD_TABLES:
        for row in frame(table).toLocalIterator():
            record = row.asDict(recursive=True)
            children[table].setdefault(record["article_id"], []).append(record)
    for row in frame("articles").toLocalIterator():
        record = row.asDict(recursive=True)
        yield article_from_rows(record, {t: children[t].get(record["id"], []) for t in CHILD_TABLES})


def load_failures(spark: SparkSession, output: str) -> list[Failure]:
    """The inputs and records the run could not read, with the reasons."""
    return [Failure(r["source"], r["reason"]) for r in spark.read.parquet(f"{output.rstrip('/')}/failures").collect()]
