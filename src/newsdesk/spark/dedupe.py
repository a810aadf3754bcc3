"""Near-duplicate articles across a whole corpus, with Spark ML's MinHash LSH.

The cross-document step at Spark scale is split in two (see the README,
"Spark"): this module is the part that needs every pair of a corpus —
finding the copies of one text (a wire story run by many outlets, a page
crawled twice under two URLs) — done without comparing all pairs: each
article becomes the set of its word shingles (``shingle`` consecutive folded
words), :class:`pyspark.ml.feature.MinHashLSH` hashes the sets so that only
articles sharing a bucket are compared, and ``approxSimilarityJoin`` keeps the
pairs whose Jaccard similarity is at least ``threshold``.

The result has one row per article that copies another: ``article_id``,
``duplicate_of`` (of its near-duplicates, the earliest published, then the
smallest id — the one a story would cite as the source), and the Jaccard
``similarity`` of that pair. Articles with fewer than ``shingle`` words are
left out (too short to call copies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["near_duplicates"]


def near_duplicates(
    articles: DataFrame,
    *,
    threshold: float = 0.7,
    shingle: int = 3,
    hash_tables: int = 8,
    features: int = 1 << 20,
    seed: int = 20240305,
) -> DataFrame:
    """``(article_id, duplicate_of, similarity)`` for each article that nearly copies an earlier one.

    Args:
        articles: a DataFrame with ``id``, ``text`` and ``published`` (the ``articles`` table).
        threshold: the least Jaccard similarity of shingle sets that counts as a copy.
        shingle: words per shingle.
        hash_tables: MinHash functions (more: fewer missed pairs, more work).
        features: size of the hashed shingle space.
        seed: the MinHash seed, so a run is repeatable.
    """
    from pyspark.ml.feature import HashingTF, MinHashLSH, NGram, RegexTokenizer
    from pyspark.sql import Window
    from pyspark.sql import functions as fn

    words = RegexTokenizer(inputCol="text", outputCol="words", pattern=r"[^\p{L}\p{N}]+", toLowercase=True)
    grams = NGram(n=shingle, inputCol="words", outputCol="shingles")
    hashed = HashingTF(inputCol="shingles", outputCol="features", numFeatures=features, binary=True)
    frame = articles.select("id", "text", fn.coalesce("published", fn.lit("9999")).alias("published"))
    frame = hashed.transform(grams.transform(words.transform(frame)))
    frame = frame.where(fn.size("shingles") > 0).select("id", "published", "features")
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=hash_tables, seed=seed).fit(frame)
    pairs = model.approxSimilarityJoin(frame, frame, 1.0 - threshold, distCol="distance").select(
        fn.col("datasetA.id").alias("a"),
        fn.col("datasetA.published").alias("a_published"),
        fn.col("datasetB.id").alias("b"),
        fn.col("datasetB.published").alias("b_published"),
        (fn.lit(1.0) - fn.col("distance")).alias("similarity"),
    )
    # keep (copy, original) pairs: the original is published earlier, or on the same day with a smaller id
    copies = pairs.where(
        (fn.col("b_published") < fn.col("a_published"))
        | ((fn.col("b_published") == fn.col("a_published")) & (fn.col("b") < fn.col("a")))
    )
    first = Window.partitionBy("a").orderBy("b_published", "b")
    return (
        copies.withColumn("rank", fn.row_number().over(first))
        .where(fn.col("rank") == 1)
        .select(
            fn.col("a").alias("article_id"),
            fn.col("b").alias("duplicate_of"),
            fn.round("similarity", 4).alias("similarity"),
        )
    )
