"""What the outlets of one story agree on, and where they differ.

Within a story this finds:

* **speakers across articles** — "Esper" in one outlet and "Mark Esper" in
  another are one person (same surname, compatible first names; the fullest
  form wins), so their quotes are counted together;
* **the same utterance** quoted by several outlets, and how each quoted it:
  ``verbatim`` (the same words), ``truncated`` (a contiguous part of the
  fuller quote) or ``paraphrased`` (most of its content words, in other
  words: reported speech, or a loose rendering);
* **the same figure** reported equally or differently (12,500 vs 12,000
  troops; $2bn vs $1.8bn), grouped by unit and what is counted, with
  disagreements between independent sources flagged;
* how many **independent sources** back each of these: a copy of a wire
  story and a second report from the same outlet add nothing
  (:mod:`newsdesk.stories.sources`).

Everything keeps its provenance: article id and character offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsdesk.analyze.quotes import inside_reported
from newsdesk.model import Amount, Article, Quote
from newsdesk.stories.sources import independent_groups

__all__ = [
    "Corroboration",
    "FigureGroup",
    "FigureReport",
    "QuoteGroup",
    "QuoteReport",
    "corroborate",
    "merge_speakers",
    "quote_relation",
]

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FUNCTION = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its this that these those "
    "we i you he she they our their his her my your us them have has had will would could should can not no do "
    "does did so if than then there here who which what".split()
)
_PARAPHRASE = 0.5
"""Dice overlap of content words from which a report is a paraphrase (a few shared words in a long quote are not)."""
_FIGURE_RATIO = 1.35
"""Two values of one unit this close (larger / smaller) are taken for one figure reported differently."""


def _tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return _TOKEN.findall(folded)


def _content(tokens: Sequence[str]) -> set[str]:
    return {t for t in tokens if t not in _FUNCTION and len(t) > 1}


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    if n == 0 or n > len(longer):
        return False
    first = shorter[0]
    return any(longer[i] == first and list(longer[i : i + n]) == list(shorter) for i in range(len(longer) - n + 1))


def quote_relation(main: str, report: str) -> str | None:
    """How ``report`` renders the utterance ``main``, or None when it is another utterance.

    ``verbatim``: the same words, or ``main``'s words whole inside a longer
    report (reported speech that quotes them); ``truncated``: a contiguous
    part of ``main``; ``paraphrased``: most of its content words, reworded.
    """
    tm, tr = _tokens(main), _tokens(report)
    if not tm or not tr:
        return None
    if tm == tr or (_contains(tr, tm) and len(_content(tm)) >= 2):
        return "verbatim"
    if _contains(tm, tr) and len(_content(tr)) >= 2:
        return "truncated"
    cm, cr = _content(tm), _content(tr)
    shared = cm & cr
    if len(shared) >= 3 and 2 * len(shared) >= _PARAPHRASE * (len(cm) + len(cr)):
        return "paraphrased"
    return None


# --------------------------------------------------------------------------- speakers


def _name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s.]+", name.strip()) if p]


def _compatible(a: list[str], b: list[str]) -> bool:
    """Same surname, and given names that do not clash ("Mark" ~ "M" ~ absent)."""
    if a[-1].casefold() != b[-1].casefold():
        return False
    for x, y in zip(a[:-1], b[:-1], strict=False):
        x, y = x.casefold(), y.casefold()
        if x != y and not (x[0] == y[0] and (len(x) == 1 or len(y) == 1)):
            return False
    return True


def merge_speakers(names: Iterable[str]) -> dict[str, str]:
    """Each person name mapped to the fullest compatible name among ``names``.

    "Esper", "Mark Esper" and "Mr Esper"-free canonical forms merge; a bare
    surname joins a full name only when exactly one full name fits it, so two
    Kims stay apart. Descriptions ("a senior official") keep their own form.
    """
    unique = sorted(set(names), key=lambda n: (-len(_name_parts(n)), -len(n), n))
    canon: dict[str, str] = {}
    fullest: list[list[str]] = []
    for name in unique:
        parts = _name_parts(name)
        if not parts or not parts[-1][:1].isupper():
            canon[name] = name
            continue
        fits = [f for f in fullest if _compatible(f, parts)]
        if len(fits) == 1 or (fits and len(parts) > 1):
            canon[name] = " ".join(fits[0])
        else:
            canon[name] = name
            fullest.append(parts)
    return canon


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class QuoteReport:
    """One outlet's rendering of an utterance: which article, where, and how it renders it."""

    article_id: str
    outlet: str | None
    index: int
    start: int
    end: int
    text: str
    kind: str
    relation: str


@dataclass(frozen=True)
class QuoteGroup:
    """One utterance and every report of it; ``text`` is its fullest direct form."""

    speaker: str | None
    text: str
    reports: tuple[QuoteReport, ...]
    sources: int


@dataclass(frozen=True)
class FigureReport:
    """One outlet's figure, with the sentence that gives it."""

    article_id: str
    outlet: str | None
    start: int
    end: int
    text: str
    value: float
    approximate: bool
    sentence: tuple[int, int]


@dataclass(frozen=True)
class FigureGroup:
    """One quantity (a unit and what it counts) as the story's articles report it."""

    unit: str | None
    counts: str | None
    reports: tuple[FigureReport, ...]
    sources: int
    values: tuple[float, ...]

    @property
    def disagrees(self) -> bool:
        """Whether independent sources give different values."""
        return self.sources > 1 and len(self.values) > 1


@dataclass(frozen=True)
class Corroboration:
    """The corroboration of one story."""

    speakers: Mapping[str, str]
    quotes: tuple[QuoteGroup, ...]
    figures: tuple[FigureGroup, ...]
    source_of: Mapping[str, str]

    def sources(self, article_ids: Iterable[str]) -> int:
        """How many independent sources these articles are."""
        return len({self.source_of.get(a, a) for a in article_ids})


# --------------------------------------------------------------------------- grouping


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.root(i)].append(i)
        return list(out.values())


def _quote_groups(
    articles: Sequence[Article], speakers: Mapping[str, str], source_of: Mapping[str, str]
) -> list[QuoteGroup]:
    items: list[tuple[Article, int, Quote, str | None]] = []
    for a in articles:
        folded = inside_reported(a.quotes)  # shown once, inside the report that holds it
        for i, q in enumerate(a.quotes):
            if _tokens(q.text) and i not in folded:
                items.append((a, i, q, speakers.get(q.speaker, q.speaker) if q.speaker else None))
    by_speaker: dict[str | None, list[int]] = defaultdict(list)
    for n, (_, _, _, who) in enumerate(items):
        by_speaker[who].append(n)
    union = _Union(len(items))
    for who, members in by_speaker.items():
        if who is None:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if items[i][0].id != items[j][0].id and quote_relation(items[i][2].text, items[j][2].text):
                    union.join(i, j)
    groups = []
    for members in union.groups():
        reps = [items[m] for m in members]
        quoting = {r[0].id for r in reps if r[2].kind != "indirect"}
        # an article's reported speech that carries the words it also quotes is one report, the quote
        reps = [r for r in reps if r[2].kind != "indirect" or r[0].id not in quoting]
        direct = [r for r in reps if r[2].kind != "indirect"] or reps
        main = max(direct, key=lambda r: (len(_tokens(r[2].text)), r[0].published or "", r[0].id))
        reports = tuple(
            QuoteReport(
                a.id,
                a.outlet,
                i,
                q.start,
                q.end,
                q.text,
                q.kind,
                "verbatim" if (a, i) == (main[0], main[1]) else (quote_relation(main[2].text, q.text) or "paraphrased"),
            )
            for a, i, q, _ in sorted(reps, key=lambda r: (r[0].published or "", r[0].id, r[1]))
        )
        groups.append(QuoteGroup(main[3], main[2].text, reports, len({source_of.get(r.article_id) for r in reports})))
    groups.sort(key=lambda g: (-g.sources, -len(g.reports), g.reports[0].article_id, g.reports[0].start))
    return groups


def _sentence_of(article: Article, start: int) -> tuple[int, int]:
    for s, e in article.sentences:
        if s <= start < e:
            return (s, e)
    return (start, start)


def _counted(amount: Amount) -> str | None:
    """The head noun a figure counts ("US troops" → "troops"), or None."""
    if not amount.counts:
        return None
    words = _tokens(amount.counts)
    return words[-1] if words else None


def _figure_groups(articles: Sequence[Article], source_of: Mapping[str, str]) -> list[FigureGroup]:
    by_kind: dict[tuple[str | None, str | None], list[FigureReport]] = defaultdict(list)
    for a in articles:
        seen: set[tuple[float, str | None]] = set()
        for m in a.amounts:
            kind = (m.unit, _counted(m) if m.unit not in (None, "%", "times") and not _is_currency(m.unit) else None)
            if (m.value, kind[0]) in seen:
                continue  # the same figure twice in one article is one report
            seen.add((m.value, kind[0]))
            by_kind[kind].append(
                FigureReport(a.id, a.outlet, m.start, m.end, m.text, m.value, m.approximate, _sentence_of(a, m.start))
            )
    groups = []
    for (unit, counts), reports in by_kind.items():
        reports.sort(key=lambda r: r.value)
        run: list[FigureReport] = []
        for r in reports:
            if run and not _close(run[-1].value, r.value):
                groups.append(_figure_group(unit, counts, run, source_of))
                run = []
            run.append(r)
        if run:
            groups.append(_figure_group(unit, counts, run, source_of))
    groups.sort(key=lambda g: (-g.sources, -len(g.reports), g.reports[0].article_id, g.reports[0].start))
    return groups


def _is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit or "") == 3 and (unit or "").isupper()


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    if a <= 0 or b <= 0:
        return False
    return max(a, b) / min(a, b) <= _FIGURE_RATIO


def _figure_group(
    unit: str | None, counts: str | None, reports: list[FigureReport], source_of: Mapping[str, str]
) -> FigureGroup:
    ordered = sorted(reports, key=lambda r: (r.article_id, r.start))
    by_source: dict[str, set[float]] = defaultdict(set)
    for r in ordered:
        by_source[source_of.get(r.article_id, r.article_id)].add(r.value)
    values = tuple(sorted({v for vs in by_source.values() for v in vs}))
    return FigureGroup(unit, counts, tuple(ordered), len(by_source), values)


def corroborate(articles: Sequence[Article], copy_of: Mapping[str, str | None] | None = None) -> Corroboration:
    """Speakers, quotes and figures of one story, matched across its articles.

    Args:
        articles: the story's articles (copies included: they count, but not as sources).
        copy_of: for each copy, the article it copies (from the story links).
    """
    copy_of = copy_of or {}
    source_of = independent_groups(articles, copy_of)
    names = [q.speaker for a in articles for q in a.quotes if q.speaker]
    names += [e.name for a in articles for e in a.entities if e.label == "PERSON"]
    speakers = merge_speakers(names)
    originals = [a for a in articles if not copy_of.get(a.id)]
    return Corroboration(
        speakers=speakers,
        quotes=tuple(_quote_groups(originals, speakers, source_of)),
        figures=tuple(_figure_groups(originals, source_of)),
        source_of=source_of,
    )
