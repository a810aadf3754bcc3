"""The evaluation sets newsdesk is measured on, and how to run each.

A set names its inputs and gold inside the shared evaluation kit
(``../shared/eval``), the producer that turns the inputs into newsdesk's
JSON Lines output, and the kit's scorer that reads it. Adding a set is one
entry in :data:`SETS` (and, to gate it, its floors in ``floors.toml``)::

    SETS["meantime"] = EvalSet(
        name="meantime",
        inputs="entities/meantime/articles/*.txt",
        scorer="score_entities.py",
        gold="entities/meantime/gold.jsonl",
        headline="entities_f1",
    )

A producer is a function ``(input paths, settings) -> JSON records``;
:data:`PRODUCERS` holds ``extract`` (read and analyse, as ``newsdesk extract``)
and ``read`` (the readers only, for sets that score the cleaned text and
metadata). A stage that needs another command (``newsdesk stories``) registers
its own producer there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk import Article, Settings, extract, read, to_dict

__all__ = ["PRODUCERS", "SETS", "EvalSet", "Producer"]

Producer = Callable[[list[Path], Settings], Iterable[dict[str, Any]]]


def _records(items: Iterable[object]) -> Iterator[dict[str, Any]]:
    for item in items:
        if isinstance(item, Article):
            yield to_dict(item)


def produce_extract(paths: list[Path], settings: Settings) -> Iterator[dict[str, Any]]:
    """What ``newsdesk extract --format jsonl`` prints for these inputs."""
    return _records(extract(paths, settings))


def produce_read(paths: list[Path], settings: Settings) -> Iterator[dict[str, Any]]:
    """The readers' output only (cleaned text and metadata, no analysis): fast, for extraction sets."""
    return _records(read(paths, settings))


def produce_stories(paths: list[Path], settings: Settings) -> Iterator[dict[str, Any]]:
    """What ``newsdesk stories --format jsonl --db memory:`` prints: ``{"source", "story", "copy_of"}``."""
    from newsdesk.stories import find_stories

    articles = [a for a in extract(paths, settings) if isinstance(a, Article)]
    links = {link.article_id: link for link in find_stories(articles, settings)}
    for a in articles:
        yield {"source": a.source, "story": links[a.id].story_id, "copy_of": links[a.id].copy_of}


def produce_threads(paths: list[Path], settings: Settings) -> Iterator[dict[str, Any]]:
    """Stories, and the threads above them: ``{"source", "story", "thread", "copy_of"}`` per article."""
    from newsdesk.stories import find_stories
    from newsdesk.stories.threads import find_threads, sketch_stories

    articles = [a for a in extract(paths, settings) if isinstance(a, Article)]
    links = {link.article_id: link for link in find_stories(articles, settings)}
    thread = find_threads(sketch_stories(articles, list(links.values())), settings)
    for a in articles:
        link = links[a.id]
        yield {"source": a.source, "story": link.story_id, "thread": thread[link.story_id], "copy_of": link.copy_of}


PRODUCERS: dict[str, Producer] = {
    "extract": produce_extract,
    "read": produce_read,
    "stories": produce_stories,
    "threads": produce_threads,
}


@dataclass(frozen=True)
class EvalSet:
    """One gold set of the shared kit and how newsdesk is scored on it.

    Attributes:
        name: what the CLI and ``floors.toml`` call the set.
        inputs: glob of the input files, relative to the kit.
        scorer: the kit's scorer script (run as ``python3 SCORER GOLD SYSTEM --json``).
        gold: the scorer's first argument (a file or a folder), relative to the kit.
        headline: the figure printed first and summarised.
        producer: a key of :data:`PRODUCERS`.
        variants: extra scorer runs, by prefix: ``{"canonical": ("--canonical",)}`` adds
            ``canonical.attributed_f1`` and the like to the figures.
        description: one line for ``python -m evaluation --list``.
    """

    name: str
    inputs: str
    scorer: str
    gold: str
    headline: str
    producer: str = "extract"
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description: str = ""

    def present(self, kit: Path) -> bool:
        """Are this set's gold and scorer in the kit?"""
        return (kit / self.gold).exists() and (kit / self.scorer).exists()

    def input_paths(self, kit: Path) -> list[Path]:
        return sorted(kit.glob(self.inputs))


SETS: dict[str, EvalSet] = {
    s.name: s
    for s in (
        EvalSet(
            name="dev",
            inputs="dev/articles/*.txt",
            scorer="score.py",
            gold="dev/gold.json",
            headline="attributed_f1",
            variants={"canonical": ("--canonical",)},
            description="2 scraped articles: quotes, speakers, metadata, boilerplate, people",
        ),
        EvalSet(
            name="polnear-dev",
            inputs="quotes/polnear-dev/articles/*.txt",
            scorer="score.py",
            gold="quotes/polnear-dev/gold.jsonl",
            headline="attributed_f1",
            description="84 US political articles: direct and reported speech with sources",
        ),
        EvalSet(
            name="polnear-train",
            inputs="quotes/polnear-train/articles/*.txt",
            scorer="score.py",
            gold="quotes/polnear-train/gold.jsonl",
            headline="attributed_f1",
            description="840 US political articles (PolNeAR train split)",
        ),
        EvalSet(
            name="ggt-dev",
            inputs="quotes/ggt-dev/articles/*.txt",
            scorer="score.py",
            gold="quotes/ggt-dev/gold.jsonl",
            headline="canonical.attributed_f1",
            variants={"canonical": ("--canonical",)},
            description="49 Canadian news articles (Gender Gap Tracker): quotes with canonical speaker names",
        ),
        EvalSet(
            name="aeb",
            inputs="extraction/aeb/html/*.html.gz",
            scorer="score_extraction.py",
            gold="extraction/aeb",
            headline="f1",
            producer="read",
            description="181 HTML pages: article body extraction (Zyte benchmark metric)",
        ),
        EvalSet(
            name="trafilatura-en",
            inputs="extraction/trafilatura-en/html/*.gz",
            scorer="score_extraction.py",
            gold="extraction/trafilatura-en",
            headline="f1",
            producer="read",
            description="179 HTML pages: must/must-not snippets, title, author, date",
        ),
        EvalSet(
            name="meantime",
            inputs="entities/meantime/articles/*.txt",
            scorer="score_entities.py",
            gold="entities/meantime/gold.jsonl",
            headline="entity_f1",
            description="120 Wikinews articles: named entities, dates (normalised values), amounts",
        ),
        EvalSet(
            name="ecbplus",
            inputs="stories/ecbplus/articles/*.txt",
            scorer="score_stories.py",
            gold="stories/ecbplus/gold.jsonl",
            headline="b3_f1",
            producer="threads",
            variants={"thread": ("--field", "thread")},
            description="772 articles, 66 stories (two similar events per topic): stories, and threads that"
            " must not join the two events, B-cubed",
        ),
        EvalSet(
            name="wikiref-events",
            inputs="stories/wikiref-events/articles/*.txt",
            scorer="score_stories.py",
            gold="stories/wikiref-events/gold.jsonl",
            headline="thread.b3_f1",
            producer="threads",
            variants={"thread": ("--field", "thread")},
            description="75 articles on two long-running events (Paris attacks, MH370): one thread each",
        ),
        EvalSet(
            name="giveme5w1h-dev",
            inputs="events/giveme5w1h-dev/articles/*.jsonl",
            scorer="score_events.py",
            gold="events/giveme5w1h-dev/gold.jsonl",
            headline="main_event_f1",
            description="48 news articles (2016): each one's main event, who/what/when/where/why/how",
        ),
    )
}
"""Every known set, by name."""
