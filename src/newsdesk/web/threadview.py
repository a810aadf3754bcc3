"""What the threads page and a thread's page show, built from the desk's thread and story links.

A thread is the developing storyline above stories (:mod:`newsdesk.stories.threads`):
its page is a timeline of its stories, oldest first, each with the first
sentences of its sourced brief (every one citing its sentence) and what it
changed (:mod:`newsdesk.stories.threads_changes`: the people who speak for
the first time, the figures reported for the first time, the figures whose
value moved since an earlier story).
"""

from __future__ import annotations

from urllib.parse import quote

from newsdesk.model import Article, StoryLink
from newsdesk.store import Store
from newsdesk.stories.brief import Brief, brief_story
from newsdesk.stories.threads_changes import StoryChange, story_changes
from newsdesk.web.schemas import (
    BriefLine,
    Cite,
    Page,
    ThreadFigureMove,
    ThreadOut,
    ThreadRow,
    ThreadStory,
)
from newsdesk.web.views import article_href

__all__ = ["MAX_THREAD_STORIES", "thread_href", "thread_out", "thread_rows"]

MAX_THREAD_STORIES = 30
"""Stories shown on a thread's page: the latest this many (a storyline can run for months)."""
BRIEF_LINES = 3
"""Sentences of each story's brief shown on the thread's page (the story's own page has them all)."""


def thread_href(thread_id: str) -> str:
    """The page of a thread."""
    return "/threads/" + quote(thread_id, safe="")


def thread_rows(store: Store, *, limit: int, offset: int) -> Page[ThreadRow]:
    """The desk's threads, newest first (by their latest article), from the store's ``threads`` listing."""
    rows = store.threads(limit=limit + 1, offset=offset)
    items = [
        ThreadRow(
            id=r.id,
            title=r.title or r.id,
            n_stories=r.n_stories,
            n_articles=r.n_articles,
            n_outlets=r.n_outlets,
            first=r.first_published,
            last=r.last_published,
            href=thread_href(r.id),
        )
        for r in rows[:limit]
    ]
    return Page[ThreadRow](
        items=items, limit=limit, offset=offset, next_offset=offset + limit if len(rows) > limit else None
    )


def _dates(articles: list[Article]) -> tuple[str | None, str | None]:
    known = sorted(a.published for a in articles if a.published)
    return (known[0], known[-1]) if known else (None, None)


def _story(
    story_id: str, links: list[StoryLink], articles: list[Article], brief: Brief, change: StoryChange
) -> ThreadStory:
    by_id = {a.id: a for a in articles}
    first, last = _dates(articles)

    def cite(article_id: str, start: int, end: int) -> Cite:
        article = by_id.get(article_id)
        return Cite(
            article_id=article_id,
            outlet=article.outlet if article else None,
            start=start,
            end=end,
            href=article_href(article_id, (start, end)),
        )

    return ThreadStory(
        id=story_id,
        title=brief.headline or story_id,
        first=first,
        last=last,
        outlets=sorted({a.outlet for a in articles if a.outlet}),
        n_articles=len(links),
        brief=[
            BriefLine(
                text=line.text,
                sources=line.sources,
                cites=[cite(c.article_id, c.start, c.end) for c in line.citations],
            )
            for line in brief.sentences[:BRIEF_LINES]
        ],
        new_speakers=list(change.new_speakers),
        new_figures=list(change.new_figures),
        moved=[ThreadFigureMove(measure=m.measure, before=m.before, after=m.after) for m in change.moved],
        href="/stories/" + quote(story_id, safe=""),
    )


def thread_out(store: Store, thread_id: str) -> ThreadOut | None:
    """A thread's page (its JSON form), or None when no story is in a thread of that id."""
    story_ids = [link.story_id for link in store.thread_links(thread_id=thread_id)]
    stories = []
    for story_id in story_ids:
        links = store.story_links(story_id=story_id)
        if links:
            articles = sorted(
                store.articles([x.article_id for x in links]), key=lambda a: (a.published or "9999", a.id)
            )
            if articles:
                stories.append((story_id, links, articles))
    if not stories:
        return None
    stories.sort(key=lambda s: (_dates(s[2])[0] or "9999", s[0]))
    total = len(stories)
    shown = stories[-MAX_THREAD_STORIES:]
    # lexical similarity only, as on a story's page: no embedding model is loaded per page view
    briefs = [
        brief_story(sid, arts, {x.article_id: x.copy_of for x in links if x.copy_of}, embeddings=False)
        for sid, links, arts in shown
    ]
    changes = story_changes(briefs)
    every = [a for _, _, arts in stories for a in arts]
    first, last = _dates(every)
    founder = next((a for _, _, arts in stories for a in arts if a.id == thread_id), None)
    lead = founder or stories[0][2][0]
    return ThreadOut(
        id=thread_id,
        title=lead.title or lead.source,
        first=first,
        last=last,
        outlets=sorted({a.outlet for a in every if a.outlet}),
        n_stories=total,
        n_articles=sum(len(links) for _, links, _ in stories),
        stories=[
            _story(sid, links, arts, brief, change)
            for (sid, links, arts), brief, change in zip(shown, briefs, changes, strict=True)
        ],
    )
