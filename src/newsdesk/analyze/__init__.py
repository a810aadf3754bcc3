"""Per-article analysis: one spaCy parse, then a pipeline of stages over it.

Every stage has one contract: ``(article, doc, settings) -> article``. It
reads the immutable :class:`~newsdesk.model.Article` and the spaCy ``doc`` of
its text, and returns a new Article with its own field filled. A stage
declares the stages it needs; :class:`Pipeline` checks the order when it is
built, so a misconfigured pipeline fails at once with the valid options, not
halfway through a corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.analyze.amounts import find_amounts
from newsdesk.analyze.dates import find_dates
from newsdesk.analyze.entities import find_entities
from newsdesk.analyze.events import find_events
from newsdesk.analyze.headline import attach_heads
from newsdesk.analyze.nlp import ModelNotFound, load_model, parse
from newsdesk.analyze.quotes import find_quotes
from newsdesk.model import Article, Failure
from newsdesk.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["STAGES", "ModelNotFound", "Pipeline", "Stage", "sentence_spans"]

StageFunc = Callable[[Article, "Doc", Settings], Article]


@dataclass(frozen=True)
class Stage:
    """A named analysis step, what it needs before it, and the article field it fills."""

    name: str
    func: StageFunc
    provides: str
    requires: tuple[str, ...] = ()


STAGES: dict[str, Stage] = {
    "entities": Stage("entities", find_entities, provides="entities"),
    "quotes": Stage("quotes", find_quotes, provides="quotes", requires=("entities",)),
    "amounts": Stage("amounts", find_amounts, provides="amounts"),
    "dates": Stage("dates", find_dates, provides="dates"),
    "events": Stage("events", find_events, provides="events", requires=("entities", "dates")),
}
"""Every available stage, in the order they run by default."""


def sentence_spans(text: str, doc: Doc) -> tuple[tuple[int, int], ...]:
    """Sentence offsets from the parse, trimmed of surrounding whitespace, empty ones dropped."""
    spans = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return tuple(spans)


class Pipeline:
    """The configured stages, checked once, run over one article or many.

    Raises:
        ValueError: for an unknown stage or one listed before a stage it needs.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        seen: list[str] = []
        for name in self.settings.stages:
            stage = STAGES.get(name)
            if stage is None:
                raise ValueError(f"No stage {name!r}. Available: {', '.join(STAGES)}")
            missing = [r for r in stage.requires if r not in seen]
            if missing:
                raise ValueError(f"Stage {name!r} needs {', '.join(missing)} to run before it")
            seen.append(name)
        self.stages = tuple(STAGES[n] for n in self.settings.stages)
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use.

        Raises:
            ModelNotFound: when no configured model package is installed.
        """
        if self._nlp is None:
            self._nlp = load_model(self.settings.model)
        return self._nlp

    def run(self, article: Article, doc: Doc) -> Article:
        """Run the stages over an article whose text ``doc`` is the parse of."""
        article = article.copy_with(sentences=sentence_spans(article.text, doc))
        for stage in self.stages:
            article = stage.func(article, doc, self.settings)
        return article.copy_with(stages=("sentences", *(s.name for s in self.stages)))

    def __call__(self, article: Article) -> Article:
        """Analyse one article."""
        (doc,) = parse(self.nlp, [article.text], max_chars=self.settings.max_chars_analysed)
        self._heads([article], [doc])
        return self.run(article, doc)

    def _heads(self, articles: list[Article], docs: list[Doc]) -> None:
        """The headlines' own parses, in one batch, for the events stage (see ``analyze.headline``)."""
        if "events" in self.settings.stages:
            attach_heads(self.nlp, articles, docs, batch_size=self.settings.batch_size)

    def pipe(self, articles: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        """Analyse many articles in batches; Failures pass through, and an article whose
        analysis raises becomes a Failure instead of stopping the others."""
        batch: list[Article | Failure] = []
        for item in articles:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article | Failure]) -> Iterator[Article | Failure]:
        todo = [a for a in batch if isinstance(a, Article)]
        parsed = parse(
            self.nlp,
            [a.text for a in todo],
            max_chars=self.settings.max_chars_analysed,
            batch_size=self.settings.batch_size,
        )
        self._heads(todo, parsed)
        docs = iter(parsed)
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            doc = next(docs)
            try:
                yield self.run(item, doc)
            except Exception as exc:  # one article must not stop a corpus
                yield Failure(item.source, f"analysis failed ({type(exc).__name__}: {exc})")
