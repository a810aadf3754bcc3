"""Copies of one text: the same wire story run by several outlets, a lightly edited update.

Three outlets running the same Yonhap copy are one source, not three, so
corroboration must know which articles are copies. Comparing every pair of
texts grows with the square of the corpus; instead each text gets a MinHash
signature of its word 5-shingles and a locality-sensitive hash index
(``datasketch.MinHashLSH``) returns only the articles likely to share most
shingles. A candidate is confirmed when the estimated Jaccard similarity
reaches the threshold, or when one text is (estimated to be) mostly
contained in the other: an outlet that ran the first half of the wire copy
ran the wire copy.

Copies form groups (connected components); each group's *original* is its
earliest article (by date, then by id), and :attr:`Copies.original` maps
every article to it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsdesk.model import Article

__all__ = ["Copies", "find_copies", "signature"]

SHINGLE = 5
NUM_PERM = 128
_WORD = re.compile(r"\w+")
_CONTAINMENT = 0.8
"""Estimated share of the shorter text found in the longer one that also makes a copy."""
_LSH_THRESHOLD = 0.3
"""The LSH index's own threshold: lower than the confirmation's, so truncated copies are still proposed."""


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


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> tuple[LeanMinHash, int]:
    """The MinHash signature of a text's word 5-shingles, and how many distinct shingles it has."""
    shingles = list(dict.fromkeys(_shingles(text)))
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    if shingles:
        mh.update_batch(shingles)
    return LeanMinHash(mh), len(shingles)


def _is_copy(a: tuple[LeanMinHash, int], b: tuple[LeanMinHash, int], threshold: float) -> tuple[bool, float]:
    (ma, na), (mb, nb) = a, b
    if not na or not nb:
        return False, 0.0
    jaccard = float(ma.jaccard(mb))
    if jaccard >= threshold:
        return True, jaccard
    shared = jaccard / (1.0 + jaccard) * (na + nb)  # |A ∩ B| from J = |A ∩ B| / |A ∪ B|
    return shared / min(na, nb) >= _CONTAINMENT and min(na, nb) >= 4 * SHINGLE, jaccard


def find_copies(articles: Iterable[Article], *, threshold: float = 0.6) -> Copies:
    """Group near-duplicate articles (MinHash LSH, never all pairs).

    Args:
        articles: analysed or raw articles (only ``text``, ``id`` and ``published`` are read).
        threshold: estimated Jaccard similarity of word 5-shingles from which two texts are copies.
    """
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=NUM_PERM)
    sigs: dict[str, tuple[LeanMinHash, int]] = {}
    order: dict[str, tuple[str, str]] = {}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for article in articles:
        if article.id in sigs:
            continue
        sig = signature(article.text)
        sigs[article.id] = sig
        order[article.id] = (article.published or "9999", article.id)
        parent[article.id] = article.id
        if sig[1]:
            for other in lsh.query(sig[0]):
                if _is_copy(sig, sigs[other], threshold)[0]:
                    ra, rb = root(article.id), root(other)
                    if ra != rb:
                        parent[max(ra, rb, key=order.__getitem__)] = min(ra, rb, key=order.__getitem__)
            lsh.insert(article.id, sig[0])
    members: dict[str, list[str]] = {}
    for aid in sigs:
        members.setdefault(root(aid), []).append(aid)
    final: dict[str, str] = {}
    for group in members.values():
        first = min(group, key=order.__getitem__)
        for aid in group:
            final[aid] = first
    similarity = {aid: float(sigs[aid][0].jaccard(sigs[orig][0])) for aid, orig in final.items() if aid != orig}
    return Copies(final, similarity)
