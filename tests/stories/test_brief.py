from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsdesk import Article, Settings, brief
from newsdesk.stories import find_stories
from newsdesk.stories.brief import Brief, brief_stories
from newsdesk.stories.brief_render import brief_dict, briefs_html, briefs_json, briefs_markdown

from .conftest import ARTICLES


@pytest.fixture(scope="module")
def briefs(varga: dict[str, Article]) -> list[Brief]:
    articles = list(varga.values())
    return brief_stories(articles, find_stories(articles))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def test_brief_one_per_story_most_reported_first(briefs: list[Brief]) -> None:
    assert [b.sources for b in briefs] == [3, 1, 1]
    main = briefs[0]
    assert main.headline in {
        "Norland presses Estavia to pay more for troops",
        "Varga demands bigger Estavian share of troop costs",
        "Norland minister says Estavia should pay fairer share of defence costs",
    }
    assert 5 <= len(main.sentences) <= 10
    assert len(main.articles) == 4 and main.first_published == "2025-10-14"


def test_brief_citations_point_at_the_right_sentences(briefs: list[Brief], varga: dict[str, Article]) -> None:
    by_id = {a.id: a for a in varga.values()}
    for b in briefs:
        for s in b.sentences:
            first = s.citations[0]
            article = by_id[first.article_id]
            assert _norm(article.text[first.start : first.end]) == s.text  # the sentence is the source's own
            for c in s.citations:
                cited = by_id[c.article_id]
                # inside one sentence of the cited article
                assert any(a <= c.start < c.end <= e for a, e in cited.sentences), (c, cited.source)
                said = cited.text[c.start : c.end]
                if c.copy:  # a copy carries the original's very sentence
                    assert _norm(said) == _norm(by_id[cited.id].text[c.start : c.end])
                    assert _norm(said) in {_norm(by_id[x.article_id].text[x.start : x.end]) for x in s.citations}
                else:  # another outlet stating the same fact: it shares its telling words
                    assert len(_words(said) & _words(s.text)) >= 2, (said, s.text)
            assert s.sources == len({by_id[c.article_id].outlet for c in s.citations if not c.copy})


def test_brief_corroborated_facts_cite_every_outlet(briefs: list[Brief], varga: dict[str, Article]) -> None:
    main = briefs[0]
    outlets = {a.id: a.outlet for a in varga.values()}
    troops = next(s for s in main.sentences if "12,500 troops" in s.text or "12,000" in s.text)
    assert {outlets[c.article_id] for c in troops.citations} == {
        "Northern Courier",
        "Valley Gazette",
        "Harbour Times",
        "Capital Post",
    }
    assert troops.sources == 3  # the Valley Gazette copy is not a fourth source
    single = [s for s in main.sentences if s.sources == 1]
    assert any("$1.8bn" in s.text for s in single)  # a fact only one outlet reports is still there, and marked


def test_brief_formats(briefs: list[Brief]) -> None:
    md = briefs_markdown(briefs)
    assert md.startswith("# ") and md.count("\n---\n") == 2
    assert "## What the reports say" in md and "## Key quotes" in md and "## Figures" in md and "## Articles" in md
    assert "**⚠ sources differ**" in md and "12,000 — Harbour Times" in md
    assert "Harbour Times (truncated)" in md and "Capital Post (paraphrased)" in md
    page = briefs_html(briefs)
    assert page.startswith("<!doctype html>") and page.count('<article class="story"') == 3
    assert "<script" not in page and 'class="differ"' in page
    data = json.loads(briefs_json(briefs))
    assert data[0]["story_id"] == briefs[0].story_id
    assert data[0]["sentences"][0]["citations"][0]["article_id"] == briefs[0].sentences[0].citations[0].article_id
    assert any(f["disagrees"] for f in brief_dict(briefs[0])["figures"])


def test_brief_html_escapes_the_sources(varga: dict[str, Article]) -> None:
    a = varga["harbour-times-ferry"]
    hostile = a.copy_with(title="<script>alert(1)</script> Ferry")
    page = briefs_html(brief_stories([hostile], find_stories([hostile])))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_brief_api_reads_stores_and_briefs(tmp_path: Path) -> None:
    from newsdesk import SQLiteStore

    store = SQLiteStore(tmp_path / "desk.db")
    briefs, report = brief([ARTICLES], store, Settings())
    assert report.read == 6 and report.failed == 0
    assert len(briefs) == 3 and store.count() == 6
    assert len(store.story_links()) == 6
    store.close()


@pytest.mark.eval
def test_brief_dev_articles_name_what_an_analyst_would(eval_dir: Path) -> None:
    (b,), _ = brief([eval_dir / "dev" / "articles"])
    text = " ".join(s.text for s in b.sentences)
    assert all(s.citations for s in b.sentences)
    for needle in ("called on South Korea to pay more", "28,500", "$5bn", "expire", "postpon", "North Korea"):
        assert needle in text, needle


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def test_brief_demo_timeline_reads_as_sentences(tmp_path: Path, pipeline: Any) -> None:
    """`make demo`'s timeline: every line a sentence (a subject and a finite verb), no arrows, no statements."""
    from newsdesk import MemoryStore
    from tests.conftest import EXAMPLES

    briefs, report = brief([EXAMPLES], MemoryStore(), Settings())
    assert report.failed == 0
    entries = [e for b in briefs for e in b.timeline]
    assert entries and any(e.main for e in entries)
    for e in entries:
        assert e.summary and e.category != "make public statement"
        doc = pipeline.nlp(e.summary)
        assert any(t.dep_ in {"nsubj", "nsubjpass"} for t in doc), e.summary
        assert any(t.tag_ in _FINITE for t in doc), e.summary
        assert len(e.summary.split()) <= 22, e.summary
    shown = briefs_markdown(briefs)
    lines = shown[shown.index("## Timeline") :].split("## Articles")[0].splitlines()
    assert lines and not any("→" in line for line in lines)
