"""Shared fixtures: one spaCy pipeline per session, hand-built articles, the eval kit when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import Article, Pipeline, Settings, article_id

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EVAL = ROOT.parent / "shared" / "eval"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False, help="run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def make_article(text: str, **meta: object) -> Article:
    """An unanalysed article around ``text``, as a reader would give it."""
    return Article(id=article_id(text), source="test.txt", text=text, **meta)  # type: ignore[arg-type]


@pytest.fixture
def analyse(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    """Analyse a hand-written text: ``analyse("Mr Esper said …")``."""

    def run(text: str, **meta: object) -> Article:
        return pipeline(make_article(text, **meta))

    return run


@pytest.fixture
def eval_dir() -> Path:
    """The shared evaluation kit; tests using it skip cleanly when it is absent."""
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is not present")
    return EVAL
