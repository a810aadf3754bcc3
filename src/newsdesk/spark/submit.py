"""The ``spark-submit`` entry point: the same job as ``newsdesk spark``, on any cluster.

::

    spark-submit --master yarn \\
        "$(python -c 'import newsdesk.spark.submit as m; print(m.__file__)')" INPUT… OUTPUT

newsdesk, its dependencies and its model package must be importable by the
Python of every worker (install them there, or ship a packed virtual
environment with ``--archives`` and point ``PYSPARK_PYTHON`` into it); the
session comes from spark-submit's configuration, never from this file.
"""

from __future__ import annotations

import argparse
import sys

from newsdesk.settings import Settings

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Parse ``INPUT… OUTPUT [--partitions N] [--no-dedupe] [--overwrite] [--config FILE]`` and run."""
    from pyspark.sql import SparkSession

    from newsdesk.spark.job import run

    parser = argparse.ArgumentParser(prog="newsdesk.spark.submit", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", metavar="INPUT… OUTPUT")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--no-dedupe", action="store_true")
    parser.add_argument("--overwrite", action="store_true")
    parser.add_argument("--config", help="TOML file of settings")
    args = parser.parse_args(argv)
    if len(args.paths) < 2:
        parser.error("give at least one INPUT and the OUTPUT folder")
    settings = Settings.from_toml(args.config) if args.config else Settings()
    spark = SparkSession.builder.appName("newsdesk").getOrCreate()
    report = run(
        spark,
        args.paths[:-1],
        args.paths[-1],
        settings,
        partitions=args.partitions,
        dedupe=not args.no_dedupe,
        overwrite=args.overwrite,
    )
    print(f"newsdesk: {report.summary()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
