"""Copies of one text: the same wire story run by several outlets, a lightly edited update.

Three outlets running the same Yonhap copy are one source, not three, so
corroboration must know which articles are copies. Comparing every pair of
texts grows with the square of the corpus; instead each text gets a MinHash
signature of its word 5-shingles and locality-sensitive hashing proposes only
the articles likely to share most shingles: signatures are cut into bands, and
two articles are candidates when any band is equal. A candidate is confirmed
when the estimated Jaccard similarity reaches the threshold, or when one text
is (estimated to be) mostly contained in the other: an outlet that ran the
first half of the wire copy ran the wire copy.

The MinHash permutations and the banding (37 bands of 3 rows for Jaccard 0.3)
are datasketch's (``MinHash(num_perm=128, seed=1)``, ``MinHashLSH``), and so are
the signatures, value for value; but the permutations are drawn once, not for
every text, and the bands of a batch are matched by sorting them rather than
held in an index with a dict entry per band per article: less memory (the
peak of ``bench/stories_scale.py`` at 100,000 articles went from 2,439 to
1,574 MiB with the same copies, ``bench/RESULTS.md``). The signature itself is
datasketch's ``affine32`` scheme written out in numpy (the first four bytes of
each shingle's SHA-1, MurmurHash3's finaliser, ``a * h + b`` modulo 2**32, the
minimum per permutation): the digests of a text are joined and read as one
array instead of being unpacked one call at a time, a quarter less time per
signature, and a test holds the values equal to ``MinHash.update_batch``'s.

Copies form groups (connected components); each group's *original* is its
earliest article (by date, then by id), and :attr:`Copies.original` maps
every article to it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsdesk.model import Article
from newsdesk.workers import map_ordered

__all__ = ["Copies", "find_copies", "signature"]

SHINGLE = 5
NUM_PERM = 128
_WORD = re.compile(r"\w+")
_CONTAINMENT = 0.8
"""Estimated share of the shorter text found in the longer one that also makes a copy."""
_LSH_THRESHOLD = 0.3
"""The banding's own threshold: lower than the confirmation's, so truncated copies are still proposed."""

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations  # drawn once, not per text
_BANDS = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=NUM_PERM)
_B, _R = _BANDS.b, _BANDS.r
del _BANDS
_A, _PLUS = (np.asarray(p, dtype=np.uint32) for p in _PERMUTATIONS)
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
"""MurmurHash3's 32-bit finaliser, which datasketch's ``affine32`` scheme applies before the permutations."""
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Copies:
    """Which articles are copies of which.

    Attributes:
        original: every article id mapped to its group's original (itself when it has no copy).
        similarity: for each copy, its estimated Jaccard similarity to the original.
    """

    original: Mapping[str, str]
    similarity: Mapping[str, float] = field(default_factory=dict)

    def groups(self) -> dict[str, list[str]]:
        """Original id → the ids of its group (the original first)."""
        out: dict[str, list[str]] = {}
        for aid, orig in self.original.items():
            out.setdefault(orig, [orig])
            if aid != orig:
                out[orig].append(aid)
        return out

    def copy_of(self, article_id: str) -> str | None:
        """The original this article copies, or None when it is an original."""
        orig = self.original.get(article_id)
        return None if orig is None or orig == article_id else orig


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _shingles(text: str) -> list[bytes]:
    """The word 5-shingles of a text as strings (what Spark's MinHash hashes; the local path hashes the same)."""
    words = _words(text)
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> tuple[np.ndarray, int]:
    """The MinHash signature (128 values) of a text's word 5-shingles, and how many distinct shingles it has."""
    shingles = list(dict.fromkeys(_shingles(text)))
    if not shingles:
        return _EMPTY.copy(), 0
    sha1 = hashlib.sha1
    # datasketch's sha1_hash32: the first 4 of each digest's 20 bytes, little-endian
    hashed = np.frombuffer(b"".join([sha1(s).digest() for s in shingles]), dtype="<u4")[::5]
    s1, m1, s2, m2, s3 = _FMIX
    hashed = hashed ^ (hashed >> s1)
    hashed *= m1  # uint32 products wrap: arithmetic modulo 2**32, as datasketch's
    hashed ^= hashed >> s2
    hashed *= m2
    hashed ^= hashed >> s3
    permuted = hashed[:, None] * _A
    permuted += _PLUS
    return permuted.min(axis=0), len(shingles)


def _candidates(sigs: np.ndarray) -> set[tuple[int, int]]:
    """Row pairs ``(i, j)``, ``i < j``, whose signatures are equal on at least one band."""
    pairs: set[tuple[int, int]] = set()
    if len(sigs) < 2:
        return pairs
    for band in range(_B):
        rows = sigs[:, band * _R : (band + 1) * _R]
        key = np.zeros(len(sigs), dtype=np.uint64)
        for r in range(_R):
            key = key * _MIX + rows[:, r]
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        same = np.flatnonzero(ordered[1:] == ordered[:-1])
        if not len(same):
            continue
        # runs of equal keys: consecutive positions in ``same`` belong to one run
        breaks = np.flatnonzero(np.diff(same) != 1) + 1
        for run in np.split(same, breaks):
            members = sorted(order[run[0] : run[-1] + 2].tolist())
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    pairs.add((i, j))
    return pairs


def _signatures(texts: list[str]) -> list[tuple[np.ndarray, int]]:
    return [signature(text) for text in texts]


def find_copies(articles: Iterable[Article], *, threshold: float = 0.6, jobs: int = 1) -> Copies:
    """Group near-duplicate articles (MinHash and banding, never all pairs).

    Args:
        articles: analysed or raw articles (only ``text``, ``id`` and ``published`` are read).
        threshold: estimated Jaccard similarity of word 5-shingles from which two texts are copies.
        jobs: processes that compute the signatures (a whole corpus: :func:`newsdesk.workers.map_ordered`);
            the copies are the same with any number.
    """
    order: dict[str, tuple[str, str]] = {}
    rows: list[np.ndarray] = []
    sizes: list[int] = []

    def texts() -> Iterator[str]:
        for article in articles:
            if article.id not in order:
                order[article.id] = (article.published or "9999", article.id)
                yield article.text

    for sig, size in map_ordered(_signatures, texts(), jobs):
        rows.append(sig)
        sizes.append(size)
    ids = list(order)
    if not ids:
        return Copies({}, {})
    sigs = np.vstack(rows).astype(np.uint32)  # values are below 2**32
    n = np.asarray(sizes, dtype=np.float64)
    hashed = np.flatnonzero(n > 0)  # a text without words is nobody's copy
    parent = list(range(len(ids)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = sorted(_candidates(sigs[hashed]))
    if pairs:
        left = hashed[np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))]
        right = hashed[np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))]
        jaccard = np.count_nonzero(sigs[left] == sigs[right], axis=1) / NUM_PERM
        shared = jaccard / (1.0 + jaccard) * (n[left] + n[right])  # |A ∩ B| from J = |A ∩ B| / |A ∪ B|
        smaller = np.minimum(n[left], n[right])
        copy = (jaccard >= threshold) | ((shared / smaller >= _CONTAINMENT) & (smaller >= 4 * SHINGLE))
        for i, j in zip(left[copy].tolist(), right[copy].tolist(), strict=True):
            ra, rb = root(i), root(j)
            if ra != rb:
                first, later = sorted((ra, rb), key=lambda x: order[ids[x]])
                parent[later] = first
    members: dict[int, list[int]] = {}
    for x in range(len(ids)):
        members.setdefault(root(x), []).append(x)
    final: dict[str, str] = {}
    similarity: dict[str, float] = {}
    for group in members.values():
        first = min(group, key=lambda x: order[ids[x]])
        for x in group:
            final[ids[x]] = ids[first]
            if x != first:
                similarity[ids[x]] = float(np.count_nonzero(sigs[x] == sigs[first]) / NUM_PERM)
    return Copies(final, similarity)
