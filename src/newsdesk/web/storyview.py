"""What the stories page and a story's page show, built from the desk's story links.

A story is the set of stored articles that :mod:`newsdesk.stories` placed in
it (``Store.story_links``). Its page gathers, over those articles: the
sourced brief (:func:`newsdesk.stories.brief.brief_story`), the
timeline (:mod:`newsdesk.web.timeline`), the quotes by speaker with the
outlets carrying each (:mod:`newsdesk.web.quotes`), the figures with
disagreements flagged (:mod:`newsdesk.web.figures`), a coverage table (which
outlet reports which of those facts) and the entity graph
(:mod:`newsdesk.web.graph`). Every fact keeps a citation: an article id and
the character span of its sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from newsdesk.model import Article, StoryLink
from newsdesk.store import Store
from newsdesk.stories.brief import Brief, brief_story
from newsdesk.stories.sources import independent_sources
from newsdesk.web.figures import FigureGroup, figures
from newsdesk.web.graph import Graph, cooccurrence
from newsdesk.web.quotes import SpeakerQuotes, quotes_by_speaker
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

__all__ = ["CoverageRow", "StoryView", "story_out", "story_rows", "story_view"]


def _range(dates: list[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def story_rows(store: Store, *, limit: int, offset: int) -> Page[StoryRow]:
    """The desk's stories, newest first (by their latest article), with outlets, size and date range.

    Reads every link and article summary of the desk once per call: fine for
    a desk of tens of thousands of articles, the scale a page is for.
    """
    by_story: dict[str, list[StoryLink]] = defaultdict(list)
    for link in store.story_links():
        by_story[link.story_id].append(link)
    if not by_story:
        return Page[StoryRow](items=[], limit=limit, offset=offset, next_offset=None)
    summaries = {s.id: s for s in store.list(limit=max(store.count(), 1))}
    rows = []
    for story_id, links in by_story.items():
        members = [summaries[link.article_id] for link in links if link.article_id in summaries]
        if not members:
            continue
        first, last = _range([m.published for m in members])
        originals = [m for m in members if not any(link.article_id == m.id and link.copy_of for link in links)]
        lead = min(originals or members, key=lambda m: (m.published or "9999", m.ingested_at, m.id))
        rows.append(
            StoryRow(
                id=story_id,
                title=lead.title or lead.source,
                outlets=sorted({m.outlet for m in members if m.outlet}),
                n_articles=len(members),
                n_copies=sum(1 for link in links if link.copy_of),
                first=first,
                last=last,
                href=f"/stories/{story_id}",
            )
        )
    rows.sort(key=lambda r: (r.last or "", r.first or "", r.id), reverse=True)
    more = len(rows) > offset + limit
    return Page[StoryRow](
        items=rows[offset : offset + limit], limit=limit, offset=offset, next_offset=offset + limit if more else None
    )


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
    quotes: list[SpeakerQuotes]
    figures: list[FigureGroup]
    coverage: list[CoverageRow]
    graph: Graph
    brief: Brief
    by_id: dict[str, Article] = field(default_factory=dict)


def _coverage(
    quotes: list[SpeakerQuotes], groups: list[FigureGroup], events: list[TimelineRow], articles: dict[str, Article]
) -> list[CoverageRow]:
    rows: list[CoverageRow] = []

    def outlet(article_id: str) -> str:
        return articles[article_id].outlet or "unknown outlet"

    for speaker in quotes:
        for said in speaker.quotes:
            shown = f"“{said.text}”" if said.kind != "indirect" else f"{said.text} (reported)"
            row = CoverageRow("quote", f"{speaker.speaker}: {shown}")
            for c in said.carriers:
                row.cites.setdefault(outlet(c.article_id), (c.article_id, c.start, c.end))
            rows.append(row)
    for group in groups:
        for value in group.values:
            counted = group.measure != (group.unit or "") and group.measure not in value.text
            row = CoverageRow("figure", value.text + (f" {group.measure}" if counted else ""))
            for article_id, start, end in value.cites:
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
    said = quotes_by_speaker(articles)
    told = figures(articles)
    events = timeline(articles)
    return StoryView(
        id=story_id,
        title=lead.title or lead.source,
        articles=rows,
        copy_of={k: v for k, v in copy_of.items() if v is not None},
        outlets=sorted({a.outlet for a in articles if a.outlet}),
        sources=independent_sources(articles, copy_of),
        first=first,
        last=last,
        timeline=events,
        quotes=said,
        figures=told,
        coverage=_coverage(said, told, events, by_id),
        graph=cooccurrence(articles),
        # lexical similarity only: loading a sentence-embedding model per page view would make it slow
        brief=brief_story(story_id, articles, copy_of, embeddings=False),
        by_id=by_id,
    )


def _cite(view: StoryView, article_id: str, start: int, end: int) -> Cite:
    article = view.by_id.get(article_id)
    return Cite(
        article_id=article_id,
        outlet=article.outlet if article else None,
        start=start,
        end=end,
        href=article_href(article_id, (start, end)),
    )


def story_out(view: StoryView) -> StoryOut:
    """The story's JSON form (what its page renders)."""
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
                outlets=r.outlets, cite=_cite(view, r.article_id, *r.span) if r.span else None,
            )
            for r in view.timeline
        ],
        quotes=[
            StorySpeaker(
                speaker=s.speaker,
                outlets=s.outlets,
                quotes=[
                    StoryQuote(
                        text=q.text, kind=q.kind, outlets=q.outlets,
                        carriers=[
                            StoryCarrier(**_cite(view, c.article_id, c.start, c.end).model_dump(), kind=c.kind,
                                         whole=c.whole)
                            for c in q.carriers
                        ],
                    )
                    for q in s.quotes
                ],
            )
            for s in view.quotes
        ],
        figures=[
            StoryFigure(
                measure=g.measure, unit=g.unit, disagree=g.disagree,
                values=[
                    StoryFigureValue(value=v.value, high=v.high, text=v.text, outlets=v.outlets,
                                     cites=[_cite(view, *c) for c in v.cites])
                    for v in g.values
                ],
            )
            for g in view.figures
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
