"""What each page shows, built from the Store: shared by the JSON API and the HTML pages.

A page and its JSON endpoint call the same function here, so "JSON for
everything the pages show" holds by construction. Nothing here writes HTML:
the templates do, escaping every string.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from newsdesk.analyze.names import demonym_place
from newsdesk.analyze.quotes import inside_reported
from newsdesk.model import Article
from newsdesk.store import Store
from newsdesk.stories.people import person_key
from newsdesk.web.jobs import Job
from newsdesk.web.marks import Piece, article_marks, pieces, speaker_colours
from newsdesk.web.schemas import (
    ArticleRow,
    EntityEventRow,
    EntityQuoteRow,
    EntityRoleRow,
    EntityView,
    FailureRow,
    Hit,
    JobView,
    Page,
)

__all__ = [
    "ArticleView",
    "article_href",
    "article_rows",
    "article_view",
    "entity_href",
    "entity_view",
    "job_view",
    "safe_url",
    "search_hits",
]


def entity_href(name: str) -> str:
    """The page of an entity (names are path-quoted: a name may hold "/" or "?")."""
    return "/entities/" + quote(name, safe="")


def article_href(article_id: str, span: tuple[int, int] | None = None, anchor: str | None = None) -> str:
    """The page of an article; ``span`` highlights (and scrolls to) those characters."""
    href = "/articles/" + quote(article_id, safe="")
    if span is not None:
        return f"{href}?hl={span[0]}-{span[1]}#hl"
    return href + (f"#{anchor}" if anchor else "")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain web address, else None: an article's URL never becomes a
    ``javascript:``/``data:`` link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "\x00\r\n\t "):
        return url.strip()
    return None


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """``items`` was fetched with ``limit + 1``: the extra one says whether there is a next page."""
    more = len(items) > limit
    return {"items": items[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def article_rows(
    store: Store, *, limit: int, offset: int, outlet: str | None = None, entity: str | None = None
) -> Page[ArticleRow]:
    """Stored articles, newest first."""
    rows = store.list(limit=limit + 1, offset=offset, outlet=outlet, entity=entity)
    return Page[ArticleRow](**_page([ArticleRow(**r.__dict__) for r in rows], limit, offset))


def _hit_href(kind: str, article_id: str, label: str | None, start: int | None, end: int | None) -> str:
    if kind == "entity" and label:
        return entity_href(label)
    if kind == "quote" and start is not None and end is not None:
        return article_href(article_id, (start, end))
    return article_href(article_id)


def search_hits(store: Store, query: str, *, kind: str | None, limit: int, offset: int) -> Page[Hit]:
    """Full-text search results, best first.

    Raises:
        ValueError: for an unknown ``kind``.
    """
    hits = store.search(query, limit=limit + 1, offset=offset, kind=kind)
    items = [Hit(**h.__dict__, href=_hit_href(h.kind, h.article_id, h.label, h.start, h.end)) for h in hits]
    return Page[Hit](**_page(items, limit, offset))


def entity_view(store: Store, name: str, *, limit: int, offset: int) -> EntityView | None:
    """Everything the desk holds about one entity (by canonical name); None when no article names it.

    An article's name for a person that the desk links to one person ("Esper")
    shows that person's page ("Mark Esper").
    """
    name = _desk_person(store, name)
    page = article_rows(store, limit=limit, offset=offset, entity=name)
    if not page.items and offset == 0:
        return None
    labels: Counter[str] = Counter()
    aliases: dict[str, None] = {}
    outlets: dict[str, None] = {}
    mentions = 0
    quotes: list[EntityQuoteRow] = []
    events: list[EntityEventRow] = []
    roles: list[EntityRoleRow] = []
    ids = [row.id for row in page.items]
    local: dict[str, set[str]] = {}  # article id -> the names it calls this desk person by
    for link in store.person_links(person=name, article_ids=ids):
        local.setdefault(link.article_id, set()).add(link.name)
        roles += [EntityRoleRow(article_id=link.article_id, outlet=None, published=None, name=link.name, role=r)
                  for r in link.roles]  # fmt: skip
    story_of = {link.article_id: link.story_id for link in store.story_links(article_ids=ids)}
    story_ids = list(dict.fromkeys(story_of[i] for i in ids if i in story_of))
    stories = {sid: summary.title if (summary := store.story(sid)) else sid for sid in story_ids}
    for article in store.articles(ids):
        where: dict[str, Any] = {
            "article_id": article.id,
            "story_id": story_of.get(article.id),
            "outlet": article.outlet,
            "published": article.published,
        }
        if article.outlet:
            outlets[article.outlet] = None
        names = {name} | local.get(article.id, set())
        for role in roles:
            if role.article_id == article.id:
                role.outlet, role.published = article.outlet, article.published
        for entity in article.entities:
            if entity.name in names:
                labels[entity.label] += 1
                mentions += len(entity.mentions)
                aliases.update(dict.fromkeys(a for a in (entity.name, *entity.aliases) if a != name))
        folded = inside_reported(article.quotes)  # a partial quote shows inside its reported speech
        for i, q in enumerate(article.quotes):
            if q.speaker in names and i not in folded:
                quotes.append(
                    EntityQuoteRow(**where, title=article.title, index=i, text=q.text, kind=q.kind, cue=q.cue,
                                   start=q.start, end=q.end, via=q.via.text if q.via else None)
                )  # fmt: skip
        for ev in article.events:
            if ev.actor in names or ev.target in names:
                s, e = ev.sentence
                events.append(
                    EntityEventRow(**where, actor=ev.actor, action=ev.action, category=ev.category, target=ev.target,
                                   date=ev.date, sentence=article.text[s:e], start=s, end=e)
                )  # fmt: skip
    events.sort(key=lambda ev: ev.date or ev.published or "")
    ranked = [label for label, _ in labels.most_common()]
    return EntityView(
        name=name,
        label=ranked[0] if ranked else None,
        labels=ranked,
        place=demonym_place(name) if ranked[:1] == ["NORP"] else None,
        aliases=list(aliases),
        outlets=list(outlets),
        mentions=mentions,
        articles=page,
        stories=stories,
        quotes=quotes,
        events=events,
        roles=sorted(roles, key=lambda r: (r.published or "", r.article_id)),
    )


def _desk_person(store: Store, name: str) -> str:
    """The one desk person every article that calls someone ``name`` links them to, else ``name``."""
    key = person_key(name)
    persons = {link.person for link in store.person_links(keys=[key]) if link.name == name} if key else set()
    return persons.pop() if len(persons) == 1 else name


@dataclass
class ArticleView:
    """An article ready for its page: the pieces of marked-up text and the lists beside it."""

    article: Article
    pieces: list[Piece]
    colours: dict[str, str]
    url: str | None
    highlight: tuple[int, int] | None
    entity_groups: dict[str, list[tuple[str, str, int, str]]]
    speakers: list[tuple[str, str, int]]


# The headings of an article's entities, in order, and the labels each gathers (places are one heading).
ENTITY_HEADINGS: dict[str, tuple[str, ...]] = {
    "People": ("PERSON",),
    "Organisations": ("ORG",),
    "Places": ("GPE", "LOC", "FAC"),
    "Groups": ("NORP",),
    "Events": ("EVENT",),
    "Works": ("WORK_OF_ART",),
    "Products": ("PRODUCT",),
}
_HEADING_OF = {label: heading for heading, labels in ENTITY_HEADINGS.items() for label in labels}


def article_view(
    article: Article, *, highlight: tuple[int, int] | None = None, people: Mapping[str, str] | None = None
) -> ArticleView:
    """The article's text cut into marked pieces, its entities grouped and its speakers coloured.

    ``people`` maps the article's names of people to their desk persons (see
    :meth:`Store.person_links`): "Esper" links to Mark Esper's page.
    """
    if highlight is not None and not (0 <= highlight[0] < highlight[1] <= len(article.text)):
        highlight = None
    colours = speaker_colours(q.speaker for q in article.quotes)
    people = people or {}
    hrefs = {e.name: entity_href(people.get(e.name, e.name)) for e in article.entities}
    marks = article_marks(article, entity_href=hrefs, colours=colours, highlight=highlight)
    groups: dict[str, list[tuple[str, str, int, str]]] = {}
    for entity in sorted(article.entities, key=lambda e: (-len(e.mentions), e.name)):
        heading = _HEADING_OF.get(entity.label, entity.label)
        groups.setdefault(heading, []).append((entity.name, hrefs[entity.name], len(entity.mentions), entity.label))
    ordered = {heading: groups[heading] for heading in sorted(groups, key=_heading_rank)}
    said = Counter(q.speaker for q in article.quotes if q.speaker)
    speakers = [(s, colours[s], n) for s, n in said.items()]
    return ArticleView(
        article, pieces(article.text, marks), colours, safe_url(article.url), highlight, ordered, speakers
    )


def _heading_rank(heading: str) -> int:
    order = list(ENTITY_HEADINGS)
    return order.index(heading) if heading in order else len(order)


def job_view(job: Job) -> JobView:
    """A web ingest's progress, as the upload page polls it."""
    return JobView(
        id=job.id,
        state=job.state,
        files=list(job.files),
        processed=job.processed,
        read=job.read,
        stored=job.stored,
        skipped=job.skipped,
        failed=len(job.failures),
        failures=[FailureRow(source=f.source, reason=f.reason) for f in job.failures],
        articles=list(job.articles),
        error=job.error,
        created_at=job.created_at,
        finished_at=job.finished_at,
        href=f"/api/jobs/{job.id}",
    )
