"""An in-memory store: the reference implementation of the Store contract, for tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from newsdesk.model import Article, PersonLink, StoryLink, ThreadLink
from newsdesk.store import search as search_module
from newsdesk.store.base import (
    SEARCH_KINDS,
    ArticleSummary,
    SearchHit,
    StorySummary,
    ThreadSummary,
    check_search_kind,
    check_story_links,
)
from newsdesk.store.rows import summarise
from newsdesk.store.search import matches, query_terms, snippet

__all__ = ["MemoryStore"]

PersonLinks = list[PersonLink]
StoryLinks = list[StoryLink]
StorySummaries = list["StorySummary"]
"""A list of links (an alias: inside a store class, ``list`` names the listing method)."""
ThreadLinks = list[ThreadLink]
ThreadSummaries = list[ThreadSummary]


class MemoryStore:
    """Articles in a dict; nothing survives the process."""

    def __init__(self) -> None:
        self._articles: dict[str, tuple[Article, str]] = {}
        self._links: dict[str, StoryLink] = {}
        self._linked: dict[str, int] = {}  # article id -> link order (for "most recent first")
        self._clock = 0
        self._people: dict[tuple[str, str], tuple[PersonLink, int]] = {}  # (article, name) -> link, order
        self._threads: dict[str, str] = {}  # story id -> thread id
        self._stories: dict[str, StorySummary] = {}
        self._briefs: dict[tuple[str, str], tuple[int, str]] = {}

    def put(self, article: Article, *, replace: bool = False) -> bool:
        if article.id in self._articles and not replace:
            return False
        new = article.id not in self._articles
        if not new:  # as in SQL: replacing an article drops its story and person links (and is stored anew, last)
            self._people = {k: v for k, v in self._people.items() if k[0] != article.id}
            old = self._links.pop(article.id, None)
            del self._articles[article.id]
            if old is not None:
                self._refresh([old.story_id])
        self._articles[article.id] = (article, datetime.now(UTC).isoformat(timespec="seconds"))
        return new or replace

    def get(self, article_id: str) -> Article | None:
        found = self._articles.get(article_id)
        return found[0] if found else None

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def count(self) -> int:
        return len(self._articles)

    def search(self, query: str, *, limit: int = 20, offset: int = 0, kind: str | None = None) -> list[SearchHit]:
        check_search_kind(kind)
        terms = query_terms(query)
        if not terms:
            return []
        scored: list[tuple[int, str, SearchHit]] = []
        window = search_module.SEARCH_WINDOW

        def add(score: int, a: Article, kind_: str, text: str, **where: object) -> None:
            if score and kind in (None, kind_) and len(scored) < window:
                hit = SearchHit(kind_, a.id, a.title, a.outlet, a.published, snippet(text, terms), **where)  # type: ignore[arg-type]
                scored.append((score, a.published or "", hit))

        # the newest matches first, as the SQL desks index them: an article, its entities, its quotes
        for a, _ in reversed(self._articles.values()):
            for i, q in reversed(list(enumerate(a.quotes))):
                add(
                    matches(terms, (q.text, q.speaker)),
                    a,
                    "quote",
                    q.text,
                    index=i,
                    label=q.speaker,
                    start=q.start,
                    end=q.end,
                )
            for i, e in reversed(list(enumerate(a.entities))):
                add(matches(terms, (e.name, " ".join(e.aliases))), a, "entity", e.name, index=i, label=e.name)
            body = f"{a.title or ''}\n{a.text}"
            add(matches(terms, (body, a.outlet, " ".join(a.authors))), a, "article", body)
        scored.sort(key=lambda s: s[1], reverse=True)  # newest first among equals (the sort is stable)
        scored.sort(key=lambda s: (-s[0], _KIND_ORDER[s[2].kind]))
        return [hit for _, _, hit in scored[offset : offset + limit]]

    def list(
        self, *, limit: int = 50, offset: int = 0, outlet: str | None = None, entity: str | None = None
    ) -> list[ArticleSummary]:
        linked = {aid for (aid, _), (link, _) in self._people.items() if link.person == entity}
        rows = [
            ArticleSummary(a.id, a.source, a.outlet, a.title, a.published, at, len(a.entities), len(a.quotes))
            for a, at in self._articles.values()
            if (outlet is None or a.outlet == outlet) and (entity is None or _names(a, entity) or a.id in linked)
        ]
        rows.sort(key=lambda r: (r.published or "", r.ingested_at, r.id), reverse=True)
        return rows[offset : offset + limit]

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        keys = list(self._articles) if ids is None else list(ids)
        for key in keys:
            if key in self._articles:
                yield self._articles[key][0]

    def article_ids(self, *, published_since: str | None = None, id_prefix: str | None = None) -> Iterator[str]:
        for key, (article, _) in list(self._articles.items()):
            if id_prefix is not None and not key.startswith(id_prefix):
                continue
            if published_since is not None and (article.published is None or article.published < published_since):
                continue
            yield key

    def put_story_links(self, links: Iterable[StoryLink]) -> None:
        todo = list(links)
        check_story_links(todo)
        missing = [link.article_id for link in todo if link.article_id not in self._articles]
        if missing:
            raise KeyError(f"not stored: {', '.join(missing[:5])}")
        touched: set[str] = set()
        for link in todo:
            self._clock += 1
            old = self._links.get(link.article_id)
            touched.update([link.story_id, *([old.story_id] if old else [])])
            self._links[link.article_id] = link
            self._linked[link.article_id] = self._clock
        self._refresh(touched)

    def _refresh(self, story_ids: Iterable[str]) -> None:
        for story_id in set(story_ids):
            members = [
                {
                    "article_id": link.article_id,
                    "copy_of": link.copy_of,
                    "outlet": self._articles[link.article_id][0].outlet,
                    "title": self._articles[link.article_id][0].title,
                    "source": self._articles[link.article_id][0].source,
                    "published": self._articles[link.article_id][0].published,
                    "ingested_at": self._articles[link.article_id][1],
                }
                for link in self._links.values()
                if link.story_id == story_id
            ]
            old = self._stories.pop(story_id, None)
            summary = summarise(story_id, members, (old.version if old else 0) + 1)
            if summary is not None:
                self._stories[story_id] = summary
            for key in [k for k in self._briefs if k[0] == story_id]:
                del self._briefs[key]

    def stories(self, *, limit: int = 50, offset: int = 0) -> StorySummaries:
        rows = sorted(self._stories.values(), key=lambda s: (s.last or "", s.first or "", s.id), reverse=True)
        return rows[offset : offset + limit]

    def story(self, story_id: str) -> StorySummary | None:
        return self._stories.get(story_id)

    def story_brief(self, story_id: str, key: str) -> str | None:
        kept = self._briefs.get((story_id, key))
        current = self._stories.get(story_id)
        return kept[1] if kept and current and current.version == kept[0] else None

    def put_story_brief(self, story_id: str, version: int, key: str, body: str) -> bool:
        current = self._stories.get(story_id)
        if current is None or current.version != version:
            return False
        self._briefs[(story_id, key)] = (version, body)
        return True

    def story_links(self, *, story_id: str | None = None, article_ids: Iterable[str] | None = None) -> StoryLinks:
        wanted = None if article_ids is None else set(article_ids)
        found = [
            link
            for link in self._links.values()
            if (story_id is None or link.story_id == story_id) and (wanted is None or link.article_id in wanted)
        ]
        return sorted(found, key=lambda link: (link.story_id, link.article_id))

    def story_neighbours(self, keys: Iterable[str], *, per_key: int = 200) -> StoryLinks:
        found: dict[str, StoryLink] = {}
        for key in dict.fromkeys(keys):
            having = [link for link in self._links.values() if key in link.keys]
            having.sort(key=lambda link: -self._linked[link.article_id])
            for link in having[:per_key]:
                found[link.article_id] = link
        return sorted(found.values(), key=lambda link: (link.story_id, link.article_id))

    def story_key_counts(self, keys: Iterable[str], *, at_most: int) -> dict[str, int]:
        wanted = dict.fromkeys(keys)
        counts: dict[str, int] = {}
        for link in self._links.values():
            for key in set(link.keys):
                if key in wanted:
                    counts[key] = min(at_most, counts.get(key, 0) + 1)
        return counts

    def put_person_links(self, links: Iterable[PersonLink]) -> None:
        todo = list(links)
        missing = [link.article_id for link in todo if link.article_id not in self._articles]
        if missing:
            raise KeyError(f"not stored: {', '.join(missing[:5])}")
        for link in todo:
            self._clock += 1
            self._people[(link.article_id, link.name)] = (link, self._clock)

    def person_links(
        self,
        *,
        keys: Iterable[str] | None = None,
        article_ids: Iterable[str] | None = None,
        person: str | None = None,
        per_key: int = 1000,
    ) -> PersonLinks:
        rows = sorted(self._people.values(), key=lambda row: -row[1])
        if keys is not None:
            wanted = set(keys)
            taken: dict[str, int] = {}
            kept = []
            for link, order in rows:
                if link.key in wanted and taken.get(link.key, 0) < per_key:
                    taken[link.key] = taken.get(link.key, 0) + 1
                    kept.append((link, order))
            rows = kept
        if article_ids is not None:
            ids = set(article_ids)
            rows = [row for row in rows if row[0].article_id in ids]
        found = [link for link, _ in rows if person is None or link.person == person]
        return sorted(found, key=lambda link: (link.article_id, link.name))

    def put_thread_links(self, links: Iterable[ThreadLink]) -> None:
        todo = list(links)
        stories = {link.story_id for link in self._links.values()}
        missing = [link.story_id for link in todo if link.story_id not in stories]
        if missing:
            raise KeyError(f"no stored article in story: {', '.join(missing[:5])}")
        for link in todo:
            self._threads[link.story_id] = link.thread_id

    def thread_links(self, *, thread_id: str | None = None, story_ids: Iterable[str] | None = None) -> ThreadLinks:
        wanted = None if story_ids is None else set(story_ids)
        found = [
            ThreadLink(story, thread)
            for story, thread in self._threads.items()
            if (thread_id is None or thread == thread_id) and (wanted is None or story in wanted)
        ]
        return sorted(found, key=lambda link: (link.thread_id, link.story_id))

    def threads(self, *, limit: int = 50, offset: int = 0) -> ThreadSummaries:
        members: dict[str, list[Article]] = {}
        stories: dict[str, set[str]] = {}
        for link in self._links.values():
            thread = self._threads.get(link.story_id)
            if thread is not None:
                members.setdefault(thread, []).append(self._articles[link.article_id][0])
                stories.setdefault(thread, set()).add(link.story_id)
        rows: ThreadSummaries = []
        for thread, articles in members.items():
            dates = sorted(a.published for a in articles if a.published)
            founder = self._articles.get(thread)
            rows.append(
                ThreadSummary(
                    id=thread,
                    title=founder[0].title if founder else None,
                    n_stories=len(stories[thread]),
                    n_articles=len(articles),
                    n_outlets=len({a.outlet for a in articles if a.outlet is not None}),
                    first_published=dates[0] if dates else None,
                    last_published=dates[-1] if dates else None,
                )
            )
        rows.sort(key=lambda r: r.id)
        rows.sort(key=lambda r: r.last_published or "", reverse=True)  # stable: ids stay in order
        rows.sort(key=lambda r: r.last_published is None)
        return rows[offset : offset + limit]

    def close(self) -> None:
        self._articles.clear()
        self._links.clear()
        self._people.clear()
        self._threads.clear()
        self._stories.clear()
        self._briefs.clear()


_KIND_ORDER = {kind: i for i, kind in enumerate(SEARCH_KINDS)}


def _names(article: Article, name: str) -> bool:
    """Whether ``article`` names the entity ``name`` or quotes it."""
    return any(e.name == name for e in article.entities) or any(q.speaker == name for q in article.quotes)
