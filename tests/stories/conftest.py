"""The multi-outlet fixture articles (fictional events, written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import Article, Failure, Pipeline, read

ARTICLES = Path(__file__).parent / "articles"
THREADS = Path(__file__).parent / "threads"


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


@pytest.fixture(scope="session")
def dams(pipeline: Pipeline) -> dict[str, Article]:
    """A developing storyline and another event of its kind, analysed, by file name without extension.

    ``sallow-dam-burst`` and ``lowland-dam-burst`` report the Marrow Creek dam
    bursting over Orvala (2 November); ``sallow-dam-inquiry`` (6 November) is
    the prosecutor's inquiry and ``sallow-dam-resignation`` (12 November) the
    operator's chief quitting: one thread. ``tirren-dam-burst`` (20 November)
    is another dam burst, elsewhere, with other people: another thread.
    """
    out = {}
    for item in pipeline.pipe(read([THREADS])):
        assert not isinstance(item, Failure), item
        out[Path(item.source).stem] = item
    return out
