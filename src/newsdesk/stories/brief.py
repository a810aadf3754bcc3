"""The sourced brief of a story: what an analyst would write on a first pass, extractively.

Every line of a brief is a sentence (or a quote, or a figure) of a source,
with the article id and character offsets it came from; nothing is
generated, so nothing is invented. For one story the brief has:

* a **headline**: the title of the story's most central article;
* **5–10 sentences** chosen for centrality and coverage. Sentences of
  different articles that state the same fact are grouped first (rarity-weighted
  word overlap, plus sentence embeddings when available); a fact scores by
  how central it is to the story, how many independent sources report it,
  and whether it is a lead sentence. Selection is greedy with a redundancy
  penalty (maximal marginal relevance) and a bonus for figures and names not
  yet covered, so the brief does not say the same thing twice and does not
  leave out the numbers. Each sentence cites every article that reports it
  and says how many independent sources that is;
* the **key quotes** by speaker, the **figures** (disagreements flagged) and
  the **timeline**, from :mod:`~newsdesk.stories.corroborate` and
  :mod:`~newsdesk.stories.timeline`;
* the **articles**, each with outlet, title, date, people, quotes and figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsdesk.model import Article, StoryLink
from newsdesk.stories.corroborate import Corroboration, FigureGroup, QuoteGroup, corroborate
from newsdesk.stories.features import rarity
from newsdesk.stories.timeline import TimelineEntry, build_timeline, select_timeline

__all__ = ["ArticleNote", "Brief", "BriefSentence", "Citation", "brief_stories", "brief_story"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUOTE_CHARS = re.compile(r"[\"“”]")
_MIN_WORDS, _MAX_WORDS = 6, 70
_DANGLING = re.compile(r"(?:He|She|They|It|This|That|These|Those|But|And|Also)\b")
_SAME_FACT = 0.45
"""Lexical cosine from which two sentences of different articles state the same fact."""
_SAME_FACT_EMBEDDED = 0.72
_REDUNDANT = 0.5
_MAX_TIMELINE = 12


@dataclass(frozen=True)
class Citation:
    """Where a line of the brief comes from: an article and the offsets of its sentence."""

    article_id: str
    outlet: str | None
    source: str
    start: int
    end: int
    copy: bool = False


@dataclass(frozen=True)
class BriefSentence:
    """One extractive sentence: its text (from the first citation), who reports it, and how independently."""

    text: str
    citations: tuple[Citation, ...]
    sources: int


@dataclass(frozen=True)
class ArticleNote:
    """One article of the story, as a reader would want it listed."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    authors: tuple[str, ...]
    copy_of: str | None
    people: tuple[str, ...]
    quotes: tuple[tuple[str | None, str, str], ...]
    figures: tuple[str, ...]


@dataclass(frozen=True)
class Brief:
    """The brief of one story."""

    story_id: str
    headline: str
    headline_article: str | None
    sentences: tuple[BriefSentence, ...]
    quotes: tuple[QuoteGroup, ...]
    key_quotes: tuple[QuoteGroup, ...]
    figures: tuple[FigureGroup, ...]
    timeline: tuple[TimelineEntry, ...]
    articles: tuple[ArticleNote, ...]
    sources: int
    first_published: str | None
    last_published: str | None


# --------------------------------------------------------------------------- sentences


@dataclass
class _Sentence:
    article: Article
    position: int
    start: int
    end: int
    text: str


_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{2,40},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?\s*(?:--|—|–|-)\s+"
)
"""A dateline opening the first sentence ("VELMORA, Oct 14 (Courier) -- "): not part of the fact."""


def _trimmed(article: Article, start: int, end: int) -> int:
    """Where a sentence's own words begin: after a title line glued to it, and after a dateline."""
    title = article.title or ""
    head = article.text[start:end]
    if title and head.startswith(title) and len(head) > len(title) + 1 and head[len(title)] in "\n\r ":
        start += len(title)
        while start < end and article.text[start].isspace():
            start += 1
    if m := _DATELINE.match(article.text, start, end):
        start = m.end()
    while start < end and (article.text[start].isspace() or article.text[start] in "\"”’'"):
        start += 1  # a closing quotation mark the sentence splitter left to this sentence
    return start


def _candidates(article: Article) -> list[_Sentence]:
    out = []
    title = " ".join((article.title or "").split())
    for position, (first, end) in enumerate(article.sentences):
        start = _trimmed(article, first, end)
        text = " ".join(article.text[start:end].split())
        words = _WORD.findall(text)
        if not _MIN_WORDS <= len(words) <= _MAX_WORDS or text.endswith("?") or text == title:
            continue
        if _quoted_share(article, start, end) > 0.5:
            continue  # quotes have their own section
        out.append(_Sentence(article, position, start, end, text))
    return out


def _quoted_share(article: Article, start: int, end: int) -> float:
    inside = 0
    for q in article.quotes:
        if q.kind != "indirect":
            inside += max(0, min(end, q.end) - max(start, q.start))
    if not inside:  # quotes the quote stage missed: text between quotation marks
        marks = [m.start() for m in _QUOTE_CHARS.finditer(article.text, start, end)]
        inside = sum(b - a for a, b in zip(marks[::2], marks[1::2], strict=False))
    return inside / max(1, end - start)


def _stem(word: str) -> str:
    """A crude suffix stripper, enough for "postponed" to meet "postpone" and "postponing"."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit rows of word weights: rarity in English times rarity among these sentences.

    The second factor matters for centrality: in a story about Esper, "Esper"
    is in every other sentence and says nothing about which sentence matters.
    """
    vocab: dict[str, int] = {}
    rows: list[dict[int, float]] = []
    for text in texts:
        counts: dict[int, float] = {}
        for word in _WORD.findall(text.casefold()):
            if len(word) < 2:
                continue
            weight = rarity(word) if not word.isdigit() else 6.0
            if weight <= 2.0:
                continue  # function words
            col = vocab.setdefault(_stem(word), len(vocab))
            counts[col] = counts.get(col, 0.0) + weight
        rows.append(counts)
    matrix = np.zeros((len(texts), max(1, len(vocab))), dtype=np.float32)
    for i, counts in enumerate(rows):
        for col, value in counts.items():
            matrix[i, col] = value
    df = (matrix > 0).sum(axis=0)
    matrix *= 1.0 + np.log(max(1, len(texts)) / np.maximum(df, 1))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: np.ndarray = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return unit


def _embedded(texts: Sequence[str]) -> np.ndarray | None:
    try:
        from newsdesk.stories.embed import embed

        return np.array(embed(texts), dtype=np.float32)
    except Exception:  # no model: the lexical similarity alone
        return None


def _fact_groups(sents: list[_Sentence], sim: np.ndarray, same: float, source_of: Mapping[str, str]) -> list[int]:
    """Each sentence's group: linked to its best match in every other source, when close enough."""
    parent = list(range(len(sents)))
    articles = [{s.article.id} for s in sents]  # a group holds at most one sentence per article

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: list[dict[str, tuple[float, int]]] = []
    for i, s in enumerate(sents):
        mine: dict[str, tuple[float, int]] = {}
        for j, t in enumerate(sents):
            src = source_of[t.article.id]
            if src == source_of[s.article.id] or sim[i, j] < same:
                continue
            if src not in mine or sim[i, j] > mine[src][0]:
                mine[src] = (float(sim[i, j]), j)
        best.append(mine)
    pairs = []
    for i, mine in enumerate(best):
        for value, j in mine.values():
            back = best[j].get(source_of[sents[i].article.id])
            if back is not None and back[1] == i and i < j:  # each other's best match only
                pairs.append((value, i, j))
    for _, i, j in sorted(pairs, reverse=True):
        ri, rj = root(i), root(j)
        if ri != rj and not articles[ri] & articles[rj]:
            keep, gone = min(ri, rj), max(ri, rj)
            parent[gone] = keep
            articles[keep] |= articles[gone]
    return [root(i) for i in range(len(sents))]


def _sentence_count(n_sources: int) -> int:
    return min(10, max(5, 2 + 3 * n_sources))


def _select(
    sents: list[_Sentence], sim: np.ndarray, group: list[int], support: dict[int, int], n_sources: int
) -> list[int]:
    n = len(sents)
    others = np.array([[sents[i].article.id != sents[j].article.id for j in range(n)] for i in range(n)])
    cross = np.where(others, sim, 0.0)
    centrality = cross.sum(axis=1) / max(1, others.sum(axis=1).max())
    within = sim.sum(axis=1) / n
    centrality = centrality + within if n_sources > 1 else within
    if centrality.max() > 0:
        centrality = centrality / centrality.max()
    max_support = max(support.values(), default=1)
    base = [
        float(centrality[i])
        + 0.35 * (support[group[i]] - 1) / max(1, max_support - 1)
        + (0.3 if sents[i].position == 0 else 0.2 if sents[i].position < 3 else 0.1 if sents[i].position < 5 else 0.0)
        for i in range(n)
    ]
    for i, s in enumerate(sents):
        if _DANGLING.match(s.text):
            base[i] -= 0.25  # "He said …" reads badly out of its article
    features = [_covered(s) for s in sents]
    chosen: list[int] = []
    used_groups: set[int] = set()
    covered: set[str] = set()
    for _ in range(min(_sentence_count(n_sources), len({*group}))):
        best, best_score = -1, -math.inf
        for i in range(n):
            if group[i] in used_groups:
                continue
            redundancy = max((float(sim[i, j]) for j in chosen), default=0.0)
            new = features[i] - covered
            figures = sum(1 for f in new if f.startswith("#"))
            dates = sum(1 for f in new if f.startswith("@"))
            names = len(new) - figures - dates
            score = base[i] - 0.7 * redundancy + 0.2 * min(2, figures) + 0.1 * min(2, dates) + 0.05 * min(3, names)
            if redundancy >= _REDUNDANT + 0.3:
                continue
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        chosen.append(best)
        used_groups.add(group[best])
        covered |= features[best]
    return chosen


def _covered(s: _Sentence) -> set[str]:
    """The figures and names a sentence gives (what coverage counts)."""
    out = {f"#{a.value}" for a in s.article.amounts if s.start <= a.start < s.end}
    out |= {f"@{d.value or d.text.casefold()}" for d in s.article.dates if s.start <= d.start < s.end}
    for e in s.article.entities:
        if any(s.start <= a < s.end for a, _ in e.mentions):
            out.add(e.name)
    return out


def _citations(sents: list[_Sentence], members: list[int], copies: Mapping[str, list[Article]]) -> list[Citation]:
    cites = []
    for m in members:
        s = sents[m]
        a = s.article
        cites.append(Citation(a.id, a.outlet, a.source, s.start, s.end))
        for copy in copies.get(a.id, []):
            at = copy.text.find(a.text[s.start : s.end])
            if at >= 0:
                cites.append(Citation(copy.id, copy.outlet, copy.source, at, at + s.end - s.start, copy=True))
    return cites


# --------------------------------------------------------------------------- the brief


def _note(a: Article, copy_of: str | None, speakers: Mapping[str, str]) -> ArticleNote:
    people = sorted((e for e in a.entities if e.label == "PERSON"), key=lambda e: (-len(e.mentions), e.name))
    quotes = tuple(
        (speakers.get(q.speaker, q.speaker) if q.speaker else None, q.kind, q.text)
        for q in a.quotes
        if q.kind != "indirect"
    )
    figures = tuple(
        dict.fromkeys(m.text + (f" {m.counts}" if m.counts and m.counts not in m.text else "") for m in a.amounts)
    )
    return ArticleNote(
        a.id,
        a.source,
        a.outlet,
        a.title,
        a.published,
        a.authors,
        copy_of,
        tuple(e.name for e in people),
        quotes,
        figures,
    )


def _headline(originals: Sequence[Article], vocab_texts: Sequence[str]) -> Article | None:
    """The article whose title is closest to the centre of the story's sentences."""
    titled = [a for a in originals if a.title]
    if not titled:
        return None
    vectors = _vectors([*vocab_texts, *(a.title or "" for a in titled)])
    body, titles = vectors[: len(vocab_texts)], vectors[len(vocab_texts) :]
    centroid = body.mean(axis=0) if len(body) else np.zeros(vectors.shape[1])
    scores = titles @ centroid
    return titled[int(np.argmax(scores))]


_MAX_QUOTES, _MAX_PER_SPEAKER = 8, 3


def _key_quotes(groups: Sequence[QuoteGroup], story_sentences: Sequence[str]) -> list[QuoteGroup]:
    """The quotes worth reading: said in the speaker's own words, on the story's subject, widely reported.

    A quote scores by how many independent sources carry it, how close its
    words are to the story's sentences (not an aside), and whether it is a
    full direct quote of some length. At most three per speaker; speakers
    come in the order of their best quote.
    """
    candidates = [
        g
        for g in groups
        if g.speaker and any(r.kind != "indirect" for r in g.reports) and len(_WORD.findall(g.text)) >= 3
    ]
    if not candidates:
        return []
    vectors = _vectors([*story_sentences, *(g.text for g in candidates)])
    body, quotes = vectors[: len(story_sentences)], vectors[len(story_sentences) :]
    centre = body.mean(axis=0) if len(body) else np.zeros(vectors.shape[1])
    closeness = quotes @ centre
    if closeness.max() > 0:
        closeness = closeness / closeness.max()
    scored = []
    for g, close in zip(candidates, closeness, strict=True):
        words = len(_WORD.findall(g.text))
        direct = any(r.kind == "direct" for r in g.reports)
        score = 0.5 * (g.sources - 1) + float(close) + 0.4 * direct + 0.2 * min(1.0, words / 12) - 0.3 * (words > 60)
        scored.append((score, g))
    chosen: list[QuoteGroup] = []
    used: set[tuple[str, str]] = set()  # (speaker, article): the next pick prefers another article
    while scored and len(chosen) < _MAX_QUOTES:
        best = max(
            range(len(scored)),
            key=lambda i: (
                scored[i][0] - 0.4 * ((str(scored[i][1].speaker), scored[i][1].reports[0].article_id) in used)
            ),
        )
        _, g = scored.pop(best)
        if sum(1 for c in chosen if c.speaker == g.speaker) < _MAX_PER_SPEAKER:
            chosen.append(g)
            used.add((str(g.speaker), g.reports[0].article_id))
    order = {str(g.speaker): i for i, g in reversed(list(enumerate(chosen)))}
    return sorted(chosen, key=lambda g: order[str(g.speaker)])


def _timeline(articles: Sequence[Article]) -> list[TimelineEntry]:
    """The articles' main events, then their dated actions (not statements), each told once."""
    return select_timeline(build_timeline(articles), limit=_MAX_TIMELINE)


def brief_story(
    story_id: str,
    articles: Sequence[Article],
    copy_of: Mapping[str, str | None] | None = None,
    *,
    embeddings: bool = True,
) -> Brief:
    """The brief of one story from its articles (copies included, marked by ``copy_of``)."""
    copy_of = dict(copy_of or {})
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    corro: Corroboration = corroborate(ordered, copy_of)
    originals = [a for a in ordered if not copy_of.get(a.id)]
    copies: dict[str, list[Article]] = {}
    for a in ordered:
        if copy_of.get(a.id):
            copies.setdefault(str(copy_of[a.id]), []).append(a)
    n_sources = corro.sources(a.id for a in ordered)
    sents = [s for a in originals for s in _candidates(a)]
    chosen_sentences: list[BriefSentence] = []
    if sents:
        texts = [s.text for s in sents]
        sim = _vectors(texts)
        sim = sim @ sim.T
        same = _SAME_FACT
        if embeddings and (vectors := _embedded(texts)) is not None:
            sim = (sim + vectors @ vectors.T) / 2.0
            same = (_SAME_FACT + _SAME_FACT_EMBEDDED) / 2.0
        group = _fact_groups(sents, sim, same, corro.source_of)
        members: dict[int, list[int]] = {}
        for i, g in enumerate(group):
            members.setdefault(g, []).append(i)
        support = {g: corro.sources(sents[m].article.id for m in ms) for g, ms in members.items()}
        for i in _select(sents, sim, group, support, n_sources):
            ms = sorted(members[group[i]], key=lambda m: (m != i, sents[m].article.published or "9999"))
            chosen_sentences.append(
                BriefSentence(sents[i].text, tuple(_citations(sents, ms, copies)), support[group[i]])
            )
    top = _headline(originals, [s.text for s in sents])
    headline_article: str | None
    if top is not None:
        headline, headline_article = top.title or "", top.id
    elif chosen_sentences:
        headline, headline_article = chosen_sentences[0].text, chosen_sentences[0].citations[0].article_id
    else:
        headline, headline_article = (ordered[0].text[:100], ordered[0].id) if ordered else ("", None)
    dated = [a.published for a in ordered if a.published]
    timeline = _timeline(originals)
    return Brief(
        story_id=story_id,
        headline=headline,
        headline_article=headline_article,
        sentences=tuple(chosen_sentences),
        quotes=corro.quotes,
        key_quotes=tuple(_key_quotes(corro.quotes, [s.text for s in sents])),
        figures=corro.figures,
        timeline=tuple(timeline),
        articles=tuple(_note(a, copy_of.get(a.id), corro.speakers) for a in ordered),
        sources=n_sources,
        first_published=min(dated) if dated else None,
        last_published=max(dated) if dated else None,
    )


def brief_stories(articles: Sequence[Article], links: Sequence[StoryLink], *, embeddings: bool = False) -> list[Brief]:
    """One brief per story of ``articles`` (placed by ``links``), the most widely reported story first."""
    story_of = {link.article_id: link for link in links}
    members: dict[str, list[Article]] = {}
    for a in articles:
        link = story_of.get(a.id)
        members.setdefault(link.story_id if link else a.id, []).append(a)
    copy_of = {aid: link.copy_of for aid, link in story_of.items()}
    briefs = [brief_story(sid, arts, copy_of, embeddings=embeddings) for sid, arts in members.items()]
    briefs.sort(key=lambda b: (-b.sources, -len(b.articles), b.first_published or "9999", b.story_id))
    return briefs
