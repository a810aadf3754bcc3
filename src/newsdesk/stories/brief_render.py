"""A brief as Markdown (for a terminal or a file), HTML (a page of its own) or JSON (for programs).

Every line that comes from a source keeps its citation: the outlet and
``[article-id start–end]``, the character offsets of the sentence (or quote,
or figure) in the article's cleaned text, so a reader can check each line.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Sequence
from typing import Any

from newsdesk.stories.brief import Brief, Citation
from newsdesk.stories.corroborate import FigureGroup, QuoteGroup

__all__ = ["brief_dict", "briefs_html", "briefs_json", "briefs_markdown"]


def _cite(c: Citation) -> str:
    outlet = c.outlet or "unknown outlet"
    copy = ", copy" if c.copy else ""
    return f"{outlet} [{c.article_id[:8]} {c.start}–{c.end}{copy}]"


def _number(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:g}bn"
    if value >= 1e6 and value % 1e4 == 0:
        return f"{value / 1e6:g}m"
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def _sources(n: int) -> str:
    return f"{n} independent source{'s' * (n != 1)}"


def _key_quotes(brief: Brief) -> list[tuple[str, list[QuoteGroup]]]:
    """The brief's key quotes, by speaker (in the order the brief chose them)."""
    by_speaker: dict[str, list[QuoteGroup]] = {}
    for g in brief.key_quotes:
        by_speaker.setdefault(str(g.speaker), []).append(g)
    return list(by_speaker.items())


def _figure_line(f: FigureGroup) -> tuple[str, bool]:
    what = f.counts or f.unit or "figure"
    by_value: dict[float, list[str]] = {}
    for r in f.reports:
        by_value.setdefault(r.value, []).append(
            f"{r.text} — {r.outlet or 'unknown'} [{r.article_id[:8]} {r.start}–{r.end}]"
        )
    parts = ["; ".join(v) for _, v in sorted(by_value.items())]
    return f"{what}: " + " vs ".join(parts), f.disagrees


# --------------------------------------------------------------------------- Markdown


def _markdown(brief: Brief) -> str:
    lines = [f"# {brief.headline}", ""]
    span = " – ".join(dict.fromkeys(x for x in (brief.first_published, brief.last_published) if x)) or "undated"
    n = len(brief.articles)
    lines.append(f"*story {brief.story_id[:8]} · {n} article{'s' * (n != 1)} · {_sources(brief.sources)} · {span}*")
    lines += ["", "## What the reports say", ""]
    for i, s in enumerate(brief.sentences, 1):
        cites = "; ".join(_cite(c) for c in s.citations)
        lines.append(f"{i}. {s.text}  ")
        lines.append(f"   — {cites} · **{_sources(s.sources)}**")
    quotes = _key_quotes(brief)
    if quotes:
        lines += ["", "## Key quotes", ""]
        for who, groups in quotes:
            lines.append(f"**{who}**")
            lines.append("")
            for g in groups:
                how = "; ".join(
                    f"{r.outlet or 'unknown'} ({r.relation}) [{r.article_id[:8]} {r.start}–{r.end}]" for r in g.reports
                )
                lines.append(f"- “{g.text}” — {how} · {_sources(g.sources)}")
            lines.append("")
    if brief.figures:
        lines += ["## Figures", ""]
        for f in brief.figures:
            text, differs = _figure_line(f)
            flag = " **⚠ sources differ**" if differs else ""
            alone = " (one source)" if f.sources == 1 else ""
            lines.append(f"- {text}{alone}{flag}")
        lines.append("")
    if brief.timeline:
        lines += ["## Timeline", ""]
        for e in brief.timeline:
            what = f"**{e.summary}**" if e.main else str(e.summary)
            lines.append(
                f"- {e.when} — {what} ({e.category}) — {e.outlet or 'unknown'} "
                f"[{e.article_id[:8]} {e.sentence[0]}–{e.sentence[1]}]"
            )
        lines.append("")
    lines += ["## Articles", ""]
    for a in brief.articles:
        head = " · ".join((a.outlet or "unknown outlet", a.published or "undated"))
        lines.append(f"### {head} — {a.title or '(untitled)'}")
        meta = [f"id {a.id}", f"source {a.source}"]
        if a.authors:
            meta.append("by " + ", ".join(a.authors))
        if a.copy_of:
            meta.append(f"copy of {a.copy_of[:8]}")
        lines.append("*" + " · ".join(meta) + "*  ")
        if a.people:
            lines.append("People: " + ", ".join(a.people) + "  ")
        for speaker, kind, text in a.quotes[:6]:
            lines.append(f"- {speaker or 'unattributed'} ({kind}): “{text}”")
        if a.figures:
            lines.append("Figures: " + "; ".join(a.figures))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def briefs_markdown(briefs: Sequence[Brief]) -> str:
    """All briefs as one Markdown document."""
    return "\n---\n\n".join(_markdown(b) for b in briefs)


# --------------------------------------------------------------------------- HTML

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem;margin-bottom:.2rem} .meta,.cite{color:#666;font-size:.85rem}
.differ{color:#b00020;font-weight:600} article.story{border-bottom:1px solid #ddd;padding-bottom:1.5rem}
li{margin:.3rem 0}
"""


def _html_one(brief: Brief) -> str:
    e = html.escape
    out = [f'<article class="story" id="story-{e(brief.story_id)}">', f"<h1>{e(brief.headline)}</h1>"]
    span = " – ".join(dict.fromkeys(x for x in (brief.first_published, brief.last_published) if x)) or "undated"
    out.append(f'<p class="meta">{len(brief.articles)} articles · {e(_sources(brief.sources))} · {e(span)}</p>')
    out.append("<h2>What the reports say</h2><ol>")
    for s in brief.sentences:
        cites = "; ".join(e(_cite(c)) for c in s.citations)
        out.append(f'<li>{e(s.text)}<br><span class="cite">{cites} · {e(_sources(s.sources))}</span></li>')
    out.append("</ol>")
    quotes = _key_quotes(brief)
    if quotes:
        out.append("<h2>Key quotes</h2>")
        for who, groups in quotes:
            out.append(f"<h3>{e(who)}</h3><ul>")
            for g in groups:
                how = "; ".join(f"{r.outlet or 'unknown'} ({r.relation})" for r in g.reports)
                out.append(f'<li>“{e(g.text)}” <span class="cite">{e(how)} · {e(_sources(g.sources))}</span></li>')
            out.append("</ul>")
    if brief.figures:
        out.append("<h2>Figures</h2><ul>")
        for f in brief.figures:
            text, differs = _figure_line(f)
            flag = ' <span class="differ">sources differ</span>' if differs else ""
            out.append(f"<li>{e(text)}{flag}</li>")
        out.append("</ul>")
    if brief.timeline:
        out.append("<h2>Timeline</h2><ul>")
        for t in brief.timeline:
            what = f"<b>{e(t.summary or '')}</b>" if t.main else e(t.summary or "")
            out.append(
                f'<li>{e(t.when or "")} — {what} <span class="cite">{e(t.category)} · {e(t.outlet or "")}</span></li>'
            )
        out.append("</ul>")
    out.append("<h2>Articles</h2><ul>")
    for a in brief.articles:
        head = " · ".join((a.outlet or "unknown outlet", a.published or "undated"))
        people = f"<br>People: {e(', '.join(a.people))}" if a.people else ""
        out.append(
            f'<li><b>{e(head)}</b> — {e(a.title or "(untitled)")} <span class="cite">{e(a.id)}</span>{people}</li>'
        )
    out.append("</ul></article>")
    return "\n".join(out)


def briefs_html(briefs: Sequence[Brief]) -> str:
    """All briefs as one self-contained HTML page (no scripts, no external assets)."""
    body = "\n".join(_html_one(b) for b in briefs)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>newsdesk brief</title><style>{_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


# --------------------------------------------------------------------------- JSON


def brief_dict(brief: Brief) -> dict[str, Any]:
    """The JSON form of a brief (figure groups carry their ``disagrees`` flag)."""
    data = dataclasses.asdict(brief)
    for f, raw in zip(data["figures"], brief.figures, strict=True):
        f["disagrees"] = raw.disagrees
    return data


def briefs_json(briefs: Sequence[Brief]) -> str:
    """All briefs as a JSON list."""
    return json.dumps([brief_dict(b) for b in briefs], ensure_ascii=False, indent=1)
