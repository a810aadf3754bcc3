"""What the stories page and a story's page show, built from the desk's story links.

A story is the set of stored articles that :mod:`newsdesk.stories` placed in
it (``Store.story_links``). Its page gathers, over those articles: the
sourced brief and the corroboration behind it (:mod:`newsdesk.stories.brief`,
:mod:`newsdesk.stories.corroborate`: speakers merged across outlets, each
utterance with every outlet's rendering of it, verbatim, truncated or
paraphrased, and the figures with disagreements between independent sources),
shown here by speaker; the timeline (:mod:`newsdesk.web.timeline`); a
coverage table (which outlet reports which of those facts); and the entity
graph (:mod:`newsdesk.web.graph`). Every fact keeps a citation: an article id and
the character span of its sentence.

At a million articles neither page may read the desk per request: the
listing is a range of the summaries the store keeps (``Store.stories``), and
a story's page — brief, corroboration, timeline, coverage, graph — is
computed once per version of the story and kept by the store
(``Store.story_brief``) until an article joins or leaves it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache

import newsdesk
from newsdesk.model import Article
from newsdesk.store import Store
from newsdesk.stories.brief import Brief, brief_story
from newsdesk.stories.corroborate import FigureGroup, QuoteGroup
from newsdesk.web.graph import Graph, cooccurrence
from newsdesk.web.schemas import (
    ArticleRow,
    BriefLine,
    Cite,
    GraphEdge,
    GraphNode,
    Page,
    StoryArticle,
    StoryCarrier,
    StoryCoverage,
    StoryEvent,
    StoryFigure,
    StoryFigureValue,
    StoryGraph,
    StoryOut,
    StoryQuote,
    StoryRow,
    StorySpeaker,
)
from newsdesk.web.timeline import TimelineRow, timeline
from newsdesk.web.views import article_href, entity_href

__all__ = ["CoverageRow", "StoryView", "story_json", "story_out", "story_rows", "story_view"]


def _range(dates: list[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def story_rows(store: Store, *, limit: int, offset: int) -> Page[StoryRow]:
    """The desk's stories, newest first (by their latest article), with outlets, size and date range."""
    rows = [
        StoryRow(
            id=s.id,
            title=s.title,
            outlets=list(s.outlets),
            n_articles=s.n_articles,
            n_copies=s.n_copies,
            first=s.first,
            last=s.last,
            href=f"/stories/{s.id}",
        )
        for s in store.stories(limit=limit + 1, offset=offset)
    ]
    more = len(rows) > limit
    return Page[StoryRow](items=rows[:limit], limit=limit, offset=offset, next_offset=offset + limit if more else None)


MAX_COVERAGE = 40
"""Coverage rows shown: every fact reported by two outlets or more, then single-outlet facts up to this many."""


@dataclass
class CoverageRow:
    """A fact of the story and, per outlet, the citation that reports it (absent: that outlet does not)."""

    kind: str
    fact: str
    cites: dict[str, tuple[str, int, int]] = field(default_factory=dict)


@dataclass
class StoryView:
    """Everything a story's page shows."""

    id: str
    title: str
    articles: list[ArticleRow]
    copy_of: dict[str, str]
    outlets: list[str]
    sources: int
    first: str | None
    last: str | None
    timeline: list[TimelineRow]
    coverage: list[CoverageRow]
    graph: Graph
    brief: Brief
    by_id: dict[str, Article] = field(default_factory=dict)


def by_speaker(groups: tuple[QuoteGroup, ...]) -> list[tuple[str, list[QuoteGroup]]]:
    """Attributed utterances grouped by (merged) speaker; speakers in order of their best-supported quote."""
    speakers: dict[str, list[QuoteGroup]] = {}
    for group in groups:
        if group.speaker:
            speakers.setdefault(group.speaker, []).append(group)
    return list(speakers.items())


def values_of(group: FigureGroup) -> list[tuple[float, list[tuple[str, str | None, int, int, str]]]]:
    """A figure's distinct values, each with its reports ``(article id, outlet, start, end, text)``."""
    values: dict[float, list[tuple[str, str | None, int, int, str]]] = {}
    for r in group.reports:
        values.setdefault(r.value, []).append((r.article_id, r.outlet, r.start, r.end, r.text))
    return sorted(values.items(), key=lambda item: (-len(item[1]), item[0]))


def _coverage(brief: Brief, events: list[TimelineRow], articles: dict[str, Article]) -> list[CoverageRow]:
    rows: list[CoverageRow] = []

    def outlet(article_id: str) -> str:
        found = articles.get(article_id)
        return (found.outlet if found else None) or "unknown outlet"

    for speaker, groups in by_speaker(brief.quotes):
        for said in groups:
            direct = any(r.kind != "indirect" for r in said.reports)
            shown = f"“{said.text}”" if direct else f"{said.text} (reported)"
            row = CoverageRow("quote", f"{speaker}: {shown}")
            for r in said.reports:
                row.cites.setdefault(outlet(r.article_id), (r.article_id, r.start, r.end))
            rows.append(row)
    for figure in brief.figures:
        for _, reports in values_of(figure):
            article_id, _, start, end, text = reports[0]
            counted = figure.counts and figure.counts not in text
            row = CoverageRow("figure", text + (f" {figure.counts}" if counted else ""))
            for article_id, _, start, end, _ in reports:
                row.cites.setdefault(outlet(article_id), (article_id, start, end))
            rows.append(row)
    for event in events:
        if event.lane == "published" or event.span is None or event.when is None:
            continue
        row = CoverageRow("event", f"{event.when or 'undated'}: {event.label}")
        for name in event.outlets:
            row.cites.setdefault(name, (event.article_id, *event.span))
        rows.append(row)
    rows.sort(key=lambda r: -len(r.cites))  # stable: quotes, figures, events in their own order among equals
    shared = [r for r in rows if len(r.cites) > 1]
    return shared + rows[len(shared) : len(shared) + max(0, MAX_COVERAGE - len(shared))]


def story_view(store: Store, story_id: str) -> StoryView | None:
    """A story's page, or None when no article is in a story of that id."""
    links = store.story_links(story_id=story_id)
    if not links:
        return None
    articles = list(store.articles([link.article_id for link in links]))
    articles.sort(key=lambda a: (a.published or "9999", a.outlet or "", a.id))
    copy_of = {link.article_id: link.copy_of for link in links if link.copy_of}
    by_id = {a.id: a for a in articles}
    rows = [
        ArticleRow(
            id=a.id, source=a.source, outlet=a.outlet, title=a.title, published=a.published, ingested_at="",
            n_entities=len(a.entities), n_quotes=len(a.quotes),
        )
        for a in articles
    ]  # fmt: skip
    originals = [a for a in articles if a.id not in copy_of] or articles
    lead = originals[0]
    first, last = _range([a.published for a in articles])
    events = timeline(articles)
    # lexical similarity only: loading a sentence-embedding model per page view would make it slow
    brief = brief_story(story_id, articles, copy_of, embeddings=False)
    return StoryView(
        id=story_id,
        title=lead.title or lead.source,
        articles=rows,
        copy_of={k: v for k, v in copy_of.items() if v is not None},
        outlets=sorted({a.outlet for a in articles if a.outlet}),
        sources=brief.sources,
        first=first,
        last=last,
        timeline=events,
        coverage=_coverage(brief, events, by_id),
        graph=cooccurrence(articles),
        brief=brief,
        by_id=by_id,
    )


@cache
def _brief_key() -> str:
    """What a kept story page is keyed by: the page's JSON shape and newsdesk's version (a new shape is a miss)."""
    shape = json.dumps(StoryOut.model_json_schema(), sort_keys=True).encode()
    return f"web-story/{newsdesk.__version__}/{hashlib.sha256(shape).hexdigest()[:16]}"


def story_json(store: Store, story_id: str, *, category: str | None = None) -> str | None:
    """The story's JSON form (:func:`story_out`), computed once per version of the story; None for no story.

    The summary's version is read before the story's articles, so a page
    computed while an article joins is kept under the old version and never
    served. The whole page is kept; ``category`` filters its timeline as
    ``story_out(view, category=...)`` does.
    """
    summary = store.story(story_id)
    if summary is None:
        return None
    key = _brief_key()
    body = store.story_brief(story_id, key)
    if body is None:
        view = story_view(store, story_id)
        if view is None:
            return None
        body = story_out(view).model_dump_json()
        store.put_story_brief(story_id, summary.version, key, body)
    return body if category is None else only_category(body, category)


def only_category(body: str, category: str) -> str:
    """A kept page with only the timeline's events of ``category`` (and the publications), as :func:`story_out`."""
    page = StoryOut.model_validate_json(body)
    shown = [e for e in page.timeline if e.lane in {category, "published"}]
    return page.model_copy(update={"timeline": shown, "category": category}).model_dump_json()


def _cite(view: StoryView, article_id: str, start: int, end: int) -> Cite:
    article = view.by_id.get(article_id)
    return Cite(
        article_id=article_id,
        outlet=article.outlet if article else None,
        start=start,
        end=end,
        href=article_href(article_id, (start, end)),
    )


def story_out(view: StoryView, *, category: str | None = None) -> StoryOut:
    """The story's JSON form (what its page renders); ``category`` keeps only the timeline's events of it."""
    categories = sorted({r.lane for r in view.timeline if r.lane != "published"})
    shown = [r for r in view.timeline if category is None or r.lane in {category, "published"}]
    return StoryOut(
        id=view.id,
        title=view.title,
        headline=view.brief.headline or view.title,
        brief=[
            BriefLine(text=line.text, sources=line.sources,
                      cites=[_cite(view, c.article_id, c.start, c.end) for c in line.citations])
            for line in view.brief.sentences
        ],
        outlets=view.outlets,
        sources=view.sources,
        first=view.first,
        last=view.last,
        articles=[StoryArticle(**r.model_dump(), copy_of=view.copy_of.get(r.id)) for r in view.articles],
        timeline=[
            StoryEvent(
                when=r.when, day=r.day, lane=r.lane, label=r.label, sentence=r.sentence, date_source=r.date_source,
                outlets=r.outlets, cite=_cite(view, r.article_id, *r.span) if r.span else None, main=r.main,
                cameo=r.cameo, cameo_label=r.cameo_label,
            )
            for r in shown
        ],
        categories=categories,
        category=category,
        quotes=[
            StorySpeaker(
                speaker=speaker,
                outlets=list(dict.fromkeys(r.outlet or "unknown outlet" for g in groups for r in g.reports)),
                quotes=[
                    StoryQuote(
                        text=g.text, sources=g.sources, direct=any(r.kind != "indirect" for r in g.reports),
                        outlets=list(dict.fromkeys(r.outlet or "unknown outlet" for r in g.reports)),
                        carriers=[
                            StoryCarrier(**_cite(view, r.article_id, r.start, r.end).model_dump(), kind=r.kind,
                                         relation=r.relation)
                            for r in g.reports
                        ],
                    )
                    for g in groups
                ],
            )
            for speaker, groups in by_speaker(view.brief.quotes)
        ],
        figures=[
            StoryFigure(
                measure=g.counts or g.unit or "", unit=g.unit, disagree=g.disagrees, sources=g.sources,
                values=[
                    StoryFigureValue(value=value, text=reports[0][4],
                                     outlets=list(dict.fromkeys(r[1] or "unknown outlet" for r in reports)),
                                     cites=[_cite(view, r[0], r[2], r[3]) for r in reports])
                    for value, reports in values_of(g)
                ],
            )
            for g in sorted(view.brief.figures, key=lambda g: not g.disagrees)
        ],
        coverage=[
            StoryCoverage(kind=r.kind, fact=r.fact, outlets={o: _cite(view, *c) for o, c in r.cites.items()})  # type: ignore[arg-type]
            for r in view.coverage
        ],
        graph=StoryGraph(
            nodes=[GraphNode(name=n.name, label=n.label, articles=n.articles, x=n.x, y=n.y, href=entity_href(n.name))
                   for n in view.graph.nodes],
            edges=[GraphEdge(a=e.a, b=e.b, weight=e.weight) for e in view.graph.edges],
        ),
    )  # fmt: skip
