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
order they run; :func:`place_in_stories` is the first, :func:`place_people` (one
person, one page across the desk) the second. A step above stories
(threads of stories, say) is a function of the same shape appended to
:data:`PLACERS` after it: for each chunk it runs once the chunk's story links
are stored, so it reads them with ``store.story_links(article_ids=…)``.
A placer must be idempotent and must place articles that were stored earlier
but never placed: articles already stored are passed to the placers again, so
that a run killed between storing and placing is healed by running it again.
``stories=False`` (``--no-stories``) runs none: records only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newsdesk.analyze import Pipeline
from newsdesk.extras import require_for
from newsdesk.model import Article, Failure, PersonLink, StoryLink
from newsdesk.settings import Settings
from newsdesk.store import Store
from newsdesk.stories.assign import find_stories
from newsdesk.stories.features import profile
from newsdesk.stories.people import person_links, resolve
from newsdesk.workers import analyse

__all__ = ["PLACERS", "PLACE_EVERY", "Placer", "Report", "place", "place_in_stories", "place_people", "run"]

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
    """
    settings = settings or Settings()
    ids = list(dict.fromkeys(article_ids))
    existing = {link.article_id: link for link in store.story_links(article_ids=ids)}
    todo = list(store.articles([i for i in ids if i not in existing]))
    if todo:
        keys = {k for a in todo for k in profile(a).keys}
        known = [link for link in store.story_neighbours(sorted(keys)) if link.article_id not in existing]
        neighbours = list(store.articles([link.article_id for link in known]))
        new = find_stories(todo, settings, neighbours=neighbours, known=known)
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


PLACERS: tuple[Placer, ...] = (place_in_stories, place_people)
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
