"""The narrow interface every store implements.

Code outside ``newsdesk.store`` talks to :class:`Store` only, so a desk can
live in SQLite (the default), in memory (tests) or, later, in PostgreSQL.
The contract every backend honours:

* ``put`` of an article whose id is already stored is a no-op (``False``),
  unless ``replace=True``; either way the article is written whole or not at
  all, never half.
* ``get`` returns exactly what was put (``==`` holds).
* listings (``list``, ``stories``, ``search``) cost the size of the page asked
  for, not the size of the desk: each is an index range (a newest-first index,
  a maintained table of story summaries, a bounded window of search matches),
  so a page of a million-article desk answers as fast as one of a thousand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from newsdesk.model import Article, PersonLink, StoryLink, ThreadLink

__all__ = [
    "SEARCH_KINDS",
    "ArticleSummary",
    "SearchHit",
    "Store",
    "StorySummary",
    "ThreadSummary",
    "check_search_kind",
    "check_story_links",
]

PersonLinks = list[PersonLink]
StoryLinks = list[StoryLink]
StorySummaries = list["StorySummary"]
"""A list of links (an alias: inside a store class, ``list`` names the listing method)."""
ThreadLinks = list[ThreadLink]
ThreadSummaries = list["ThreadSummary"]


@dataclass(frozen=True)
class ArticleSummary:
    """One row of a listing: enough to show an article without loading its analysis."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    ingested_at: str
    n_entities: int
    n_quotes: int


@dataclass(frozen=True)
class ThreadSummary:
    """One row of the threads listing: a developing storyline, its size and its span.

    ``title`` is the title of the thread's founding article; the dates are
    the first and last publication dates of its articles (None when undated).
    """

    id: str
    title: str | None
    n_stories: int
    n_articles: int
    n_outlets: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True)
class StorySummary:
    """One row of the stories listing, kept by the store as articles join and leave the story.

    ``title`` is the lead article's title (or source): the earliest original
    (by date, then storing time, then id). ``outlets`` are sorted;
    ``first``/``last`` are the earliest and latest publication dates.
    ``version`` changes whenever an article joins or leaves the story, so
    whatever was computed from the story (its brief) is known to be stale.
    """

    id: str
    title: str
    outlets: tuple[str, ...]
    n_articles: int
    n_copies: int
    first: str | None
    last: str | None
    version: int


SEARCH_KINDS = ("article", "quote", "entity")
"""What :meth:`Store.search` looks through: article titles and texts, quotes (with speakers), entity names."""


def check_search_kind(kind: str | None) -> None:
    """Refuse a ``kind`` that :meth:`Store.search` does not know, naming the ones it does."""
    if kind is not None and kind not in SEARCH_KINDS:
        raise ValueError(f"No search kind {kind!r}. Available: {', '.join(SEARCH_KINDS)}")


def check_story_links(links: Iterable[StoryLink]) -> None:
    """Refuse a link that makes an article a copy of itself (its story would show it as its own original).

    Raises:
        ValueError: naming the first such article (nothing is written then).
    """
    for link in links:
        if link.copy_of is not None and link.copy_of == link.article_id:
            raise ValueError(f"story link of {link.article_id}: an article cannot be a copy of itself")


@dataclass(frozen=True)
class SearchHit:
    """One match of a full-text search.

    ``kind`` is one of :data:`SEARCH_KINDS`; ``index`` is the position of the
    quote or entity in its article (None for an article hit); ``label`` is the
    quote's speaker or the entity's name; ``start``/``end`` locate a quote in
    the article text. ``snippet`` is a short plain-text excerpt around the
    match (never markup: the caller escapes and highlights it).
    """

    kind: str
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    index: int | None = None
    label: str | None = None
    start: int | None = None
    end: int | None = None


@runtime_checkable
class Store(Protocol):
    """Where analysed articles live."""

    def put(self, article: Article, *, replace: bool = False) -> bool:
        """Store an article; False when its id was already there (and nothing changed)."""
        ...

    def get(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        ...

    def __contains__(self, article_id: object) -> bool: ...

    def count(self) -> int:
        """How many articles are stored."""
        ...

    def search(self, query: str, *, limit: int = 20, offset: int = 0, kind: str | None = None) -> list[SearchHit]:
        """Full-text search over article titles and texts, quotes and entity names, best first.

        ``query`` is plain words, never a query language: every word must
        match, the last one also as a prefix when it has two letters or more
        (so a search box can search as the user types); case and diacritics
        are ignored. ``kind`` restricts the
        hits to one of :data:`SEARCH_KINDS`.

        At most the :data:`~newsdesk.store.search.SEARCH_WINDOW` most recently
        stored matches are ranked, so a common word costs the same in a desk
        of a million articles as in one of a thousand.

        Raises:
            ValueError: for a ``kind`` that is not one of :data:`SEARCH_KINDS`.
        """
        ...

    def list(
        self, *, limit: int = 50, offset: int = 0, outlet: str | None = None, entity: str | None = None
    ) -> list[ArticleSummary]:
        """Stored articles, newest first (by publication date, then ingest time).

        ``entity`` keeps the articles that name it (an entity's canonical name
        or a desk person's name, see :meth:`person_links`) or quote it (a
        quote's speaker).
        """
        ...

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles in full: those of ``ids``, or all of them."""
        ...

    def article_ids(self, *, published_since: str | None = None, id_prefix: str | None = None) -> Iterator[str]:
        """Ids of stored articles in the order they were stored, read a page at a time.

        For walking a whole desk (an export) without holding it: the ids come
        in pages, never all at once, and no read stays open between pages.
        ``published_since`` (an ISO date) keeps the articles published on or
        after it, leaving the undated out; ``id_prefix`` keeps the ids that
        start with it.
        """
        ...

    def put_story_links(self, links: Iterable[StoryLink]) -> None:
        """Record (or move) stored articles into stories, all in one transaction.

        An article is in one story at a time: a new link for it replaces the
        old one, keys included.

        The summaries of the stories they leave and join are brought up to
        date in the same transaction (see :meth:`stories`), and the briefs
        kept for those stories are dropped.

        Raises:
            KeyError: when an article is not stored (nothing is written then).
            ValueError: when a link makes an article a copy of itself (nothing is
                written then).
        """
        ...

    def story_links(self, *, story_id: str | None = None, article_ids: Iterable[str] | None = None) -> StoryLinks:
        """Links of one story, of some articles, or all of them (by story, then article)."""
        ...

    def story_neighbours(self, keys: Iterable[str], *, per_key: int = 200) -> StoryLinks:
        """Links of articles that share a blocking key with ``keys``.

        At most ``per_key`` articles per key, the most recently linked first,
        so a common key never loads the whole desk.
        """
        ...

    def story_key_counts(self, keys: Iterable[str], *, at_most: int) -> dict[str, int]:
        """How many stored articles hold each key, counted up to ``at_most`` (a common key costs no more).

        Keys no article holds are left out.
        """
        ...

    def put_person_links(self, links: Iterable[PersonLink]) -> None:
        """Record (or move) stored articles' people to desk persons, all in one transaction.

        A link is keyed by its article and the article's name for the person:
        a new link for the same pair replaces the old one. Replacing or
        deleting an article drops its links.

        Raises:
            KeyError: when an article is not stored (nothing is written then).
        """
        ...

    def person_links(
        self,
        *,
        keys: Iterable[str] | None = None,
        article_ids: Iterable[str] | None = None,
        person: str | None = None,
        per_key: int = 1000,
    ) -> PersonLinks:
        """Person links under some surname ``keys`` (at most ``per_key`` each, the most recent
        first), of some articles, or of one desk ``person``; ordered by article, then name."""

    def stories(self, *, limit: int = 50, offset: int = 0) -> StorySummaries:
        """The desk's stories, newest first (by latest, then earliest publication date, then id, all descending).

        Read from summaries the store keeps as links change, never from
        the links themselves.
        """
        ...

    def story(self, story_id: str) -> StorySummary | None:
        """One story's summary, or None when no article is in it."""
        ...

    def story_brief(self, story_id: str, key: str) -> str | None:
        """What was kept for a story under ``key`` (a brief, rendered), while the story is unchanged.

        None when nothing was kept, or when an article joined or left the
        story since (its version moved on).
        """
        ...

    def put_story_brief(self, story_id: str, version: int, key: str, body: str) -> bool:
        """Keep ``body`` for the story under ``key``, computed from the story at ``version``.

        Kept only while the story is still at ``version`` (a brief computed
        from a story that changed meanwhile is never served). A cache write
        never waits on another writer: False when it was not kept.
        """
        ...

    def put_thread_links(self, links: Iterable[ThreadLink]) -> None:
        """Record (or move) stories into threads, all in one transaction.

        A story is in one thread at a time: a new link for it replaces the old one.

        Raises:
            KeyError: when no stored article is in one of the stories (nothing is written then).
        """
        ...

    def thread_links(self, *, thread_id: str | None = None, story_ids: Iterable[str] | None = None) -> ThreadLinks:
        """Links of one thread, of some stories, or all of them (by thread, then story)."""
        ...

    def threads(self, *, limit: int = 50, offset: int = 0) -> ThreadSummaries:
        """Threads, newest first (by their latest article, undated ones last), with size and span."""
        ...

    def close(self) -> None:
        """Release the store's resources."""
        ...
