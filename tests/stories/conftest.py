"""The multi-outlet fixture articles (fictional events, written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import Article, Failure, Pipeline, read

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="session")
def varga(pipeline: Pipeline) -> dict[str, Article]:
    """The fixture articles, analysed, by file name without extension.

    ``northern-courier-varga``, ``harbour-times-varga`` and ``capital-post-varga``
    report one event (Varga's demand in Velmora) independently;
    ``valley-gazette-varga-copy`` republishes the Northern Courier wire copy;
    ``northern-courier-varga-drill`` is the same actors five months later (another
    story); ``harbour-times-ferry`` is unrelated.
    """
    out = {}
    for item in pipeline.pipe(read([ARTICLES])):
        assert not isinstance(item, Failure), item
        out[Path(item.source).stem] = item
    return out
