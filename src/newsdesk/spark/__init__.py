"""newsdesk on Apache Spark: the per-article analysis of a big corpus, as Parquet tables.

``newsdesk spark INPUT… OUTPUT`` (or ``spark-submit`` of
:mod:`newsdesk.spark.submit`) runs :func:`run`; :func:`load_articles` reads
the tables back as :class:`~newsdesk.model.Article` records. PySpark is
imported only here, so the rest of newsdesk never needs it.
"""

from __future__ import annotations

from newsdesk.spark.job import SparkReport, local_session, run
from newsdesk.spark.load import load_articles, load_failures

__all__ = ["SparkReport", "load_articles", "load_failures", "local_session", "run"]
