"""The per-article analysis of a corpus on Apache Spark, written as Parquet tables.

The job has the shape of the local path (:func:`newsdesk.extract`) and runs
the same functions, so both give the same articles (a test checks it):

1. **read** — one task per input file. A WARC is walked record by record
   (:func:`~newsdesk.sources.warc.warc_pages`: cheap, yields raw pages);
   any other file goes through :func:`newsdesk.sources.read`.
2. **repartition** — a crawl comes as a few huge WARC files, so the pages
   are spread over ``partitions`` before the expensive work.
3. **analyse** — ``mapPartitions``: one :class:`~newsdesk.analyze.Pipeline`
   per partition (the spaCy model loads once per Python worker, which Spark
   reuses across tasks), HTML extraction of WARC pages, then the stages.
4. **write** — the results are persisted once, kept once per article id
   (a page crawled twice is one article, as in a desk: the copy with the
   smallest ``source`` wins) and split into one Parquet dataset per table
   (:mod:`newsdesk.tables`), plus ``failures``.
5. **cross-document** — copies across the whole corpus with Spark ML's
   MinHash LSH (:mod:`newsdesk.spark.dedupe`, ``duplicates``), then stories
   with the local path's clustering, one date window at a time on the driver
   (:mod:`newsdesk.spark.stories`, ``stories``).

Inputs are local (or mounted) paths, read by the workers where they are; a
URL with a scheme Hadoop knows (``hdfs://``, ``s3a://``, ``file://``) is read
with ``binaryFiles`` instead, one whole file per task.
"""

from __future__ import annotations

import io
import os
import resource
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.analyze import Pipeline
from newsdesk.model import Article, Failure
from newsdesk.settings import Settings
from newsdesk.sources import expand, read, read_bytes, with_defaults
from newsdesk.sources.warc import Page, extract_page, is_warc_file, warc_pages
from newsdesk.tables import TABLES, failure_row, schema, table_rows

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

__all__ = ["SparkReport", "local_session", "run"]

Unit = str | tuple[str, bytes]
"""What one read task gets: a local path, or a (URI, bytes) pair from ``binaryFiles``."""


@dataclass
class SparkReport:
    """What a run wrote: rows per table, and the peak memory of a Python worker."""

    output: str
    rows: dict[str, int] = field(default_factory=dict)
    peak_worker_rss_mb: float = 0.0

    def summary(self) -> str:
        """One line: "3 articles, 12 entities, …, 2 failures → OUTPUT"."""
        counts = ", ".join(f"{n} {table}" for table, n in self.rows.items())
        return f"{counts} → {self.output}"


def local_session(master: str = "local[*]", *, app: str = "newsdesk", memory: str = "2g") -> SparkSession:
    """A Spark session on this machine, quiet and bound to loopback, with workers on this Python.

    ``spark-submit`` users get their session from ``SparkSession.builder.getOrCreate()``
    instead (see :mod:`newsdesk.spark.submit`).
    """
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers must see newsdesk and its model
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", memory)
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _is_uri(text: str) -> bool:
    scheme = text.split("://", 1)[0] if "://" in text else ""
    return bool(scheme) and scheme.isalnum() and len(scheme) > 1


def read_unit(unit: Unit, settings: Settings) -> Iterator[Page | Article | Failure]:
    """Step 1 for one input: raw pages of a WARC, articles (or failures) of anything else."""
    if isinstance(unit, str):
        if is_warc_file(unit):
            try:
                with Path(unit).open("rb") as fh:
                    yield from warc_pages(unit, fh, settings)
            except OSError as exc:
                yield Failure(unit, f"cannot read ({exc.strerror or exc})")
        else:
            yield from read([unit], settings)
        return
    name, data = unit
    if _head(data).startswith(b"WARC/"):
        yield from warc_pages(name, io.BytesIO(data), settings)
    elif len(data) > settings.max_bytes:
        yield Failure(name, f"larger than the {settings.max_bytes:,}-byte limit")
    else:
        yield from read_bytes(name, data, settings)


def _head(data: bytes) -> bytes:
    """The first bytes of ``data``, inflated when it is gzip (enough to tell a WARC)."""
    if data[:2] != b"\x1f\x8b":
        return data[:8]
    try:
        return zlib.decompressobj(wbits=31).decompress(data[:65536], 8)
    except zlib.error:
        return b""


def analyse_partition(items: Iterable[Page | Article | Failure], settings: Settings) -> Iterator[Any]:
    """Step 3 for one partition: analysed Articles and Failures, then the worker's peak RSS in MB."""
    pipeline = Pipeline(settings)  # the model loads on first use, once per worker process

    def articles() -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Page):
                item = extract_page(item)
                if isinstance(item, Article):
                    item = with_defaults(item, settings)
            yield item

    yield from pipeline.pipe(articles())
    yield resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _first_source(a: Article, b: Article) -> Article:
    """Of two copies of one article (same id), the one read from the smallest source: repeatable."""
    return a if a.source <= b.source else b


def _units(spark: SparkSession, inputs: Sequence[str]) -> tuple[RDD[Unit], int]:
    """The read units as an RDD (one per file), and how many there are."""
    sc = spark.sparkContext
    local: list[Unit] = []
    rdds: list[RDD[Unit]] = []
    for item in inputs:
        if _is_uri(item):
            rdds.append(sc.binaryFiles(item))
            continue
        for path in expand([item]):
            local.append(str(path) if not isinstance(path, Failure) else f"\0{path.source}\0{path.reason}")
    count = len(local) + len(rdds)
    if local:
        rdds.insert(0, sc.parallelize(local, max(1, min(len(local), sc.defaultParallelism * 4))))
    if not rdds:
        return sc.emptyRDD(), 0
    return (rdds[0] if len(rdds) == 1 else sc.union(rdds)), count


def _read(unit: Unit, settings: Settings) -> Iterator[Page | Article | Failure]:
    if isinstance(unit, str) and unit.startswith("\0"):  # a path expand() already refused
        _, source, reason = unit.split("\0", 2)
        yield Failure(source, reason)
        return
    yield from read_unit(unit, settings)


def run(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    settings: Settings | None = None,
    *,
    partitions: int | None = None,
    dedupe: bool = True,
    overwrite: bool = False,
) -> SparkReport:
    """Analyse every input on Spark and write the tables under ``output``.

    Args:
        partitions: analysis partitions (default: 4 per core Spark has).
        dedupe: also do the cross-document step (``duplicates/`` and ``stories/``).
        overwrite: replace an existing ``output`` (else Spark refuses it).
    """
    from pyspark import StorageLevel

    settings = settings or Settings()
    units, _ = _units(spark, inputs)
    sc = spark.sparkContext
    n = partitions or max(1, sc.defaultParallelism * 4)
    analysed = (
        units.flatMap(lambda unit: _read(unit, settings))
        .repartition(n)
        .mapPartitions(lambda items: analyse_partition(items, settings))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    # one row per article id, as in a desk: a page crawled twice (same text, same URL) is one article
    articles = (
        analysed.filter(lambda item: isinstance(item, Article))
        .keyBy(lambda article: article.id)
        .reduceByKey(_first_source)
        .values()
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    rows = articles.flatMap(table_rows).union(
        analysed.filter(lambda item: isinstance(item, Failure)).map(lambda f: ("failures", failure_row(f)))
    )
    mode = "overwrite" if overwrite else "errorifexists"
    base = output.rstrip("/")
    report = SparkReport(output)
    profiles = None
    days = None
    try:
        for table in (*TABLES, "failures"):
            selected = rows.filter(lambda pair, t=table: pair[0] == t).values()  # type: ignore[misc]
            frame = spark.createDataFrame(selected, schema=schema(table), verifySchema=False)
            frame.write.mode(mode).parquet(f"{base}/{table}")
        rss = analysed.filter(lambda item: isinstance(item, float)).collect()
        report.peak_worker_rss_mb = round(max(rss, default=0.0), 1)
        if dedupe:  # the story profiles are made while the analysed articles are at hand
            from newsdesk.stories.features import profile
            from newsdesk.stories.threads import article_days

            profiles = articles.map(profile).persist(StorageLevel.MEMORY_AND_DISK)
            profiles.count()
            days = articles.map(lambda a: (a.id, tuple(sorted(article_days(a))))).filter(lambda r: bool(r[1]))
            days = days.persist(StorageLevel.MEMORY_AND_DISK)
            days.count()
    finally:
        articles.unpersist()
        analysed.unpersist()
    for table in (*TABLES, "failures"):
        report.rows[table] = spark.read.parquet(f"{base}/{table}").count()
    if dedupe and profiles is not None and days is not None:
        try:
            _cross_document(spark, profiles, days, base, settings, mode)
        finally:
            profiles.unpersist()
            days.unpersist()
        for table in ("duplicates", "stories", "threads"):
            report.rows[table] = spark.read.parquet(f"{base}/{table}").count()
    return report


DUPLICATES_SCHEMA = "`article_id` string, `duplicate_of` string, `similarity` double"


def _cross_document(
    spark: SparkSession, profiles: RDD[Any], days: RDD[Any], base: str, settings: Settings, mode: str
) -> None:
    """Copies over the whole corpus (in Spark), then stories and threads window by window (on the driver)."""
    from newsdesk.spark.dedupe import copy_groups, copy_pairs
    from newsdesk.spark.stories import (
        STORIES_SCHEMA,
        assign_stories,
        keyed_neighbours,
        sorted_originals,
        story_rows,
    )
    from newsdesk.spark.threads import THREADS_SCHEMA, assign_threads, story_sketches

    pairs = copy_pairs(spark.read.parquet(f"{base}/articles"), settings).collect()
    original, similarity = copy_groups((r.a, r.b, r.a_published, r.b_published, r.similarity) for r in pairs)
    duplicates = [(aid, orig, round(similarity[aid], 4)) for aid, orig in sorted(original.items())]
    spark.createDataFrame(duplicates, schema=DUPLICATES_SCHEMA).write.mode(mode).parquet(f"{base}/duplicates")
    originals = sorted_originals(profiles, frozenset(original))
    story = assign_stories(originals.toLocalIterator(), settings, keyed_neighbours(originals))
    frame = spark.createDataFrame(list(story_rows(story, original)), schema=STORIES_SCHEMA)
    frame.write.mode(mode).parquet(f"{base}/stories")
    thread = assign_threads(story_sketches(originals, days, story).toLocalIterator(), settings)
    threads = spark.createDataFrame(sorted(thread.items()), schema=THREADS_SCHEMA)
    threads.write.mode(mode).parquet(f"{base}/threads")
