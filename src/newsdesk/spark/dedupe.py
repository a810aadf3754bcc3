"""Copies across a whole corpus (the same wire story run by many outlets), with Spark ML's MinHash LSH.

The first stage of the cross-document step: the part that needs every pair of
a corpus, done without comparing all pairs. It decides as the local path
does (:mod:`newsdesk.stories.dedupe`): the same word 5-shingles (the same
tokeniser, run in the workers), candidates from an LSH index at Jaccard 0.3,
and a pair is a copy when its Jaccard similarity reaches
``Settings.duplicate_threshold`` or when the shorter text is mostly (80%)
contained in the longer one. Spark's :class:`~pyspark.ml.feature.MinHashLSH`
proposes the candidates (``approxSimilarityJoin``) and measures their exact
Jaccard on the hashed shingle sets.

Confirmed pairs are few (copies, not the corpus), so they are collected and
grouped on the driver: each group's *original* is its earliest article (by
date, then id), as in the local path. :func:`copy_groups` returns
``{copy_id: original_id}``; the job writes it as the ``duplicates`` table
(``article_id``, ``duplicate_of``, ``similarity`` to the article it was
matched with).

The LSH index ORs ``hash_tables`` single MinHash functions (Spark's design),
so unrelated articles sharing a few shingles are sometimes proposed and then
rejected by the exact measure: more tables find more truncated copies, fewer
tables propose fewer false candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsdesk.settings import Settings
from newsdesk.stories.dedupe import _CONTAINMENT, _LSH_THRESHOLD, SHINGLE, _shingles

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["copy_groups", "copy_pairs", "shingle_set"]


def shingle_set(text: str | None) -> list[str]:
    """The distinct word 5-shingles of a text, as the local path makes them."""
    return sorted({s.decode() for s in _shingles(text or "")})


def copy_pairs(
    articles: DataFrame,
    settings: Settings | None = None,
    *,
    hash_tables: int = 8,
    features: int = 1 << 22,
    seed: int = 20240305,
) -> DataFrame:
    """Confirmed copy pairs ``(a, b, a_published, b_published, similarity)``, ``a < b``.

    Args:
        articles: a DataFrame with ``id``, ``text`` and ``published`` (the ``articles`` table).
    """
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.sql import functions as fn
    from pyspark.sql.types import ArrayType, StringType

    settings = settings or Settings()
    shingles = fn.udf(shingle_set, ArrayType(StringType()), useArrow=False)  # no pyarrow needed
    frame = articles.select("id", fn.coalesce("published", fn.lit("9999")).alias("published"), "text")
    frame = frame.withColumn("shingles", shingles("text")).drop("text")
    frame = frame.where(fn.size("shingles") > 0).withColumn("n", fn.size("shingles"))
    hashed = HashingTF(inputCol="shingles", outputCol="features", numFeatures=features, binary=True)
    frame = hashed.transform(frame).select("id", "published", "n", "features")
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=hash_tables, seed=seed).fit(frame)
    joined = model.approxSimilarityJoin(frame, frame, 1.0 - _LSH_THRESHOLD, distCol="distance")
    pairs = joined.where(fn.col("datasetA.id") < fn.col("datasetB.id")).select(
        fn.col("datasetA.id").alias("a"),
        fn.col("datasetB.id").alias("b"),
        fn.col("datasetA.published").alias("a_published"),
        fn.col("datasetB.published").alias("b_published"),
        fn.col("datasetA.n").alias("na"),
        fn.col("datasetB.n").alias("nb"),
        (fn.lit(1.0) - fn.col("distance")).alias("similarity"),
    )
    # the local rule: similar enough, or the shorter mostly inside the longer (|A ∩ B| from J)
    shared = fn.col("similarity") / (fn.lit(1.0) + fn.col("similarity")) * (fn.col("na") + fn.col("nb"))
    shorter = fn.least("na", "nb")
    is_copy = (fn.col("similarity") >= settings.duplicate_threshold) | (
        (shared / shorter >= _CONTAINMENT) & (shorter >= 4 * SHINGLE)
    )
    return pairs.where(is_copy).select("a", "b", "a_published", "b_published", "similarity")


def copy_groups(pairs: Iterable[tuple[str, str, str, str, float]]) -> tuple[dict[str, str], dict[str, float]]:
    """``({copy: original}, {copy: similarity})`` from confirmed pairs, grouped as connected components.

    A group's original is its earliest member (publication date, then id);
    the similarity is that of the pair that matched a copy with its original,
    or its best pair when the two met only through other copies.
    """
    parent: dict[str, str] = {}
    order: dict[str, tuple[str, str]] = {}
    best: dict[tuple[str, str], float] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, a_published, b_published, jaccard in pairs:
        for node, published in ((a, a_published), (b, b_published)):
            parent.setdefault(node, node)
            order[node] = (published or "9999", node)
        best[(a, b)] = best[(b, a)] = float(jaccard)
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=order.__getitem__)
            parent[second] = first
    original = {node: root(node) for node in parent if root(node) != node}
    similarity: dict[str, float] = {}
    for node, orig in original.items():
        direct = best.get((node, orig))
        similarity[node] = direct if direct is not None else max(s for (x, _), s in best.items() if x == node)
    return original, similarity
