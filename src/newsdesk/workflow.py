"""One workflow for every way an article enters the desk: read → analyse → store → place.

``newsdesk ingest``, ``stories``, ``brief`` and ``watch``, the web desk's
uploads and :func:`newsdesk.ingest` all run :func:`run`, so an article that is
stored is placed in its story wherever it came from, and the rules below hold
everywhere:

* **read** is the caller's reader, consumed lazily (files and folders by
  :func:`newsdesk.read`; a feed's new items by :mod:`newsdesk.watch`);
* **analyse** runs in worker processes, one per core unless ``settings.jobs``
  says otherwise, in input order (:mod:`newsdesk.workers`); an article already
  stored is not analysed again (unless ``replace``);
* **store** is done here, in this process, one transaction per article, so
  re-ingesting is a no-op and a SIGKILL loses nothing;
* **place** runs the *placers* on the articles read, every
  :data:`PLACE_EVERY` articles and at the end of the run.

Placers: a placer is a function ``(store, article_ids, settings)`` that gives
stored articles their place across the desk. :data:`PLACERS` lists them in the
order they run: :func:`place_in_stories`, then :func:`place_people` (one person,
one page across the desk), then :func:`place_in_threads` (the step above
stories: for each chunk it runs once the chunk's story links are stored, so it
reads them with ``store.story_links(article_ids=…)``).
A placer must be idempotent and must place articles that were stored earlier
but never placed: articles already stored are passed to the placers again, so
that a run killed between storing and placing is healed by running it again.
``stories=False`` (``--no-stories``) runs none: records only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsdesk.analyze import Pipeline
from newsdesk.extras import require_for
from newsdesk.model import Article, Failure, PersonLink, StoryLink, ThreadLink
from newsdesk.settings import Settings
from newsdesk.store import Store
from newsdesk.stories.assign import find_stories
from newsdesk.stories.features import profile
from newsdesk.stories.people import person_links, resolve
from newsdesk.stories.threads import find_threads, sketch_stories
from newsdesk.workers import analyse

__all__ = [
    "PLACERS",
    "PLACE_EVERY",
    "Placer",
    "Report",
    "place",
    "place_in_stories",
    "place_in_threads",
    "place_people",
    "run",
]

Placer = Callable[[Store, Sequence[str], Settings], object]
"""Places stored articles (by id) across the desk; idempotent."""

PLACE_EVERY = 1000
"""Articles read between two placements: stories appear while a long ingest runs, and placing holds
this many articles (and their neighbours) in memory, never the whole run."""


@dataclass
class Report:
    """What a run did: counts and the failures with their reasons."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    storing: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        """One line for a person: "3 read, 2 stored, 1 already stored, 1 failed"."""
        parts = [f"{self.read} read"]
        if self.storing:
            parts += [f"{self.stored} stored", f"{self.skipped} already stored"]
        return ", ".join([*parts, f"{self.failed} failed"])

    def reasons(self) -> Counter[str]:
        """Failures counted by reason (file names left out)."""
        return Counter(f.reason for f in self.failures)


def place_in_stories(store: Store, article_ids: Sequence[str], settings: Settings | None = None) -> list[StoryLink]:
    """Give stored articles their stories, joining the stories already in ``store``.

    Looks up, by blocking key, the stored articles that could share a story
    with them (never the whole desk) and lets :func:`newsdesk.stories.find_stories`
    place the new ones with the stored stories held fixed. Articles that already
    have a link keep it. Returns the links of ``article_ids`` (in order), new and old.

    Only the stored articles a new one can be paired with are loaded: a key
    held by more than ``story_block_cap`` articles (stored and new) is never
    blocked on, and within a key a new article meets the ``story_block_span``
    nearest in date — the most recently placed, in a desk that fills as the
    news comes — so a batch costs the same in a desk of a million articles as
    in one of a thousand.
    """
    settings = settings or Settings()
    ids = list(dict.fromkeys(article_ids))
    existing = {link.article_id: link for link in store.story_links(article_ids=ids)}
    todo = list(store.articles([i for i in ids if i not in existing]))
    if todo:
        held = Counter(k for a in todo for k in set(profile(a).keys))
        cap = settings.story_block_cap
        stored = store.story_key_counts(held, at_most=cap + 1)
        sizes = {k: n + stored.get(k, 0) for k, n in held.items()}
        usable = sorted(k for k, n in sizes.items() if n <= cap)
        known = [
            link
            for link in store.story_neighbours(usable, per_key=settings.story_block_span)
            if link.article_id not in existing
        ]
        neighbours = list(store.articles([link.article_id for link in known]))
        new = find_stories(todo, settings, neighbours=neighbours, known=known, key_sizes=sizes)
        store.put_story_links(new)
        existing.update({link.article_id: link for link in new})
    return [existing[i] for i in ids if i in existing]


def place_people(store: Store, article_ids: Sequence[str], settings: Settings | None = None) -> list[PersonLink]:
    """Link the people named in stored articles to desk persons (one person, one page across the desk).

    The people already on the desk under the same surnames are re-resolved with
    them (:func:`newsdesk.stories.people.resolve`), so a full name that arrives
    after a bare surname still gathers it. Returns the links of ``article_ids``.
    """
    ids = list(dict.fromkeys(article_ids))
    fresh = [link for article in store.articles(ids) for link in person_links(article)]
    if not fresh:
        return []
    wanted = set(ids)
    stored = [link for link in store.person_links(keys={link.key for link in fresh}) if link.article_id not in wanted]
    involved = sorted({link.article_id for link in (*fresh, *stored)})
    stories = {s.article_id: s.story_id for s in store.story_links(article_ids=involved)}
    cooccurring: dict[str, set[str]] = {}
    for link in (*store.person_links(article_ids=involved), *fresh):
        cooccurring.setdefault(link.article_id, set()).add(link.name)
    resolved = resolve([*stored, *fresh], stories=stories, cooccurring=cooccurring)
    before = set(stored)
    store.put_person_links([link for link in resolved if link not in before])
    return [link for link in resolved if link.article_id in wanted]


THREAD_NEIGHBOURS_PER_KEY = 50
"""Stored articles looked up per blocking key when threading (the most recently linked first)."""
THREAD_CANDIDATES_PER_STORY = 5
"""Stored stories sketched per changed story when threading: those that share the most blocking keys."""
THREAD_SKETCH_ARTICLES = 40
"""At most this many articles of a stored story are read to sketch it (a long story says the same things)."""


def place_in_threads(store: Store, article_ids: Sequence[str], settings: Settings | None = None) -> list[ThreadLink]:
    """Give the stories of stored articles their threads, joining the threads already in ``store``.

    Runs after :func:`place_in_stories`. The stories of ``article_ids`` are the
    changed ones (new, or grown); the stored stories that share the most
    blocking keys with each of them are the candidates (never the whole desk,
    see :func:`_thread_candidates`), each sketched from at most
    :data:`THREAD_SKETCH_ARTICLES` of its articles.
    :func:`newsdesk.stories.threads.find_threads` links them with the stored
    threads held: a stored story never leaves its thread, and when a changed
    story links two stored threads, every story of the later one moves to the
    earlier (threads grow, never split). Running it twice changes nothing.
    Returns the thread links of the stories of ``article_ids``.
    """
    settings = settings or Settings()
    links = store.story_links(article_ids=list(dict.fromkeys(article_ids)))
    if not links:
        return []
    changed = {link.story_id for link in links}
    keys = sorted({k for link in links for k in link.keys})
    neighbours = store.story_neighbours(keys, per_key=THREAD_NEIGHBOURS_PER_KEY) if keys else []
    stories = sorted(changed | _thread_candidates(links, neighbours))
    members: list[StoryLink] = []
    for story in stories:
        members += store.story_links(story_id=story)[:THREAD_SKETCH_ARTICLES]
    articles = list(store.articles(sorted({link.article_id for link in members})))
    known = {link.story_id: link.thread_id for link in store.thread_links(story_ids=stories)}
    thread = find_threads(sketch_stories(articles, members), settings, known=known, changed=changed)
    moves = {s: t for s, t in thread.items() if known.get(s) != t}
    absorbed = {known[s]: t for s, t in moves.items() if s in known}  # a stored thread -> the one it joined
    for old, new in sorted(absorbed.items()):
        for link in store.thread_links(thread_id=old):  # its stories that were not loaded move too
            moves.setdefault(link.story_id, new)
    if moves:
        store.put_thread_links([ThreadLink(s, t) for s, t in sorted(moves.items())])
    return [ThreadLink(s, thread.get(s, known.get(s, s))) for s in sorted(changed)]


def _thread_candidates(links: Sequence[StoryLink], neighbours: Sequence[StoryLink]) -> set[str]:
    """The stored stories worth sketching for the changed stories of ``links``.

    Each changed story keeps the :data:`THREAD_CANDIDATES_PER_STORY` neighbour
    stories that share the most of its blocking keys (then by id, so a rerun
    loads the same): a story that shares one common word with it is rarely its
    storyline, and sketching every such story (thousands for a batch of 1,000
    articles in a big desk) cost minutes per batch.
    """
    keys_of: dict[str, set[str]] = defaultdict(set)
    for link in links:
        keys_of[link.story_id].update(link.keys)
    stories_of: dict[str, set[str]] = defaultdict(set)
    for link in neighbours:
        for key in link.keys:
            stories_of[key].add(link.story_id)
    chosen: set[str] = set()
    for story, keys in keys_of.items():
        shared = Counter(other for key in keys for other in stories_of.get(key, ()) if other != story)
        best = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:THREAD_CANDIDATES_PER_STORY]
        chosen.update(other for other, _ in best)
    return chosen


PLACERS: tuple[Placer, ...] = (place_in_stories, place_people, place_in_threads)
"""The placers a run uses by default, in order (see the module's docstring)."""


def place(
    store: Store, article_ids: Sequence[str], settings: Settings, placers: Sequence[Placer] | None = None
) -> None:
    """Run ``placers`` (default :data:`PLACERS`) on stored articles, in order."""
    for placer in PLACERS if placers is None else placers:
        placer(store, article_ids, settings)


def run(
    items: Iterable[Article | Failure],
    store: Store,
    settings: Settings | None = None,
    *,
    replace: bool = False,
    placers: Sequence[Placer] | None = None,
    pipeline: Pipeline | None = None,
    on_item: Callable[[Article | Failure, bool], None] | None = None,
) -> Report:
    """Analyse, store and place what a reader gives; one bad item never stops the rest.

    Args:
        items: what a reader yields (articles and Failures), consumed lazily.
        replace: re-analyse and overwrite articles already stored.
        placers: the placing steps (default :data:`PLACERS`; ``()`` stores records only).
        pipeline: a pipeline for in-process analysis (one is built when needed).
        on_item: called with each item and whether it was newly stored (progress),
            in input order, before the item is placed.

    Returns:
        The counts: ``read`` articles, ``stored`` anew, ``skipped`` (already
        stored), and the failures with their reasons.
    """
    settings = settings or Settings()
    require_for(settings)  # before any work: embeddings asked for without their extra
    report = Report(storing=True)
    skip = None if replace else (lambda a: a.id in store)
    unplaced: list[str] = []
    for item in analyse(items, settings, skip=skip, pipeline=pipeline):
        new = False
        if isinstance(item, Failure):
            report.failures.append(item)
        else:
            report.read += 1
            new = bool(item.stages) and store.put(item, replace=replace)
            report.stored += new
            report.skipped += not new
            unplaced.append(item.id)
        if on_item is not None:
            on_item(item, new)
        if len(unplaced) >= PLACE_EVERY:
            place(store, unplaced, settings, placers)
            unplaced.clear()
    if unplaced:
        place(store, unplaced, settings, placers)
    return report
