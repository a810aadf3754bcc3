"""Readable renderings of an article for a person at a terminal.

Output is rich console markup: colour in a terminal, plain text when piped
(the CLI's console strips the markup there).
"""

from __future__ import annotations

from collections import Counter

from rich.markup import escape

from newsdesk.model import Article, StoryLink

__all__ = ["article_summary", "short", "story_listing"]

_GROUPS = (("People", ("PERSON",)), ("Organisations", ("ORG",)), ("Places", ("GPE", "LOC", "FAC")))


def short(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit - 1)
    return flat[: cut if cut > limit // 2 else limit - 1] + "…"


def article_summary(article: Article, *, max_items: int = 12) -> str:
    """Outlet, title, date, people, quotes with speakers, figures and dates of one article."""
    head = " · ".join(x for x in (article.outlet or "unknown outlet", article.published or "undated") if x)
    lines = [f"[bold cyan]━━ {escape(head)} ━━[/]"]
    lines.append(f"[bold]{escape(article.title or short(article.text, 100))}[/]")
    meta = [f"id {article.id}", f"source {article.source}"]
    if article.authors:
        meta.append("by " + ", ".join(article.authors))
    lines.append("[dim]" + escape("  ".join(meta)) + "[/]")
    for heading, labels in _GROUPS:
        ents = sorted((e for e in article.entities if e.label in labels), key=lambda e: -len(e.mentions))
        if ents:
            names = ", ".join(f"{e.name} ({len(e.mentions)})" for e in ents[:max_items])
            more = f" and {len(ents) - max_items} more" if len(ents) > max_items else ""
            lines.append(f"[green]{heading}:[/] {escape(names)}{more}")
    if article.quotes:
        lines.append("[green]Quotes:[/]")
        for q in article.quotes[:max_items]:
            who = q.speaker or (q.speaker_mention.text if q.speaker_mention else "unattributed")
            body = f"“{short(q.text)}”" if q.kind != "indirect" else short(q.text)
            lines.append(f"  [yellow]{escape(who)}[/] [dim]({q.kind})[/]: {escape(body)}")
        if len(article.quotes) > max_items:
            lines.append(f"  … and {len(article.quotes) - max_items} more")
    if article.amounts:
        lines.append(
            "[green]Figures:[/] "
            + escape(
                "; ".join(
                    f"{a.text}" + (f" ({a.counts})" if a.counts and a.counts not in a.text else "")
                    for a in article.amounts[:max_items]
                )
            )
        )
    if article.dates:
        lines.append(
            "[green]Dates:[/] " + escape("; ".join(f"{d.text} → {d.value or '?'}" for d in article.dates[:max_items]))
        )
    if article.debris:
        reasons = Counter(d.reason for d in article.debris)
        lines.append("[dim]" + escape("Removed: " + ", ".join(f"{n} {r}" for r, n in reasons.items())) + "[/]")
    return "\n".join(lines)


def story_listing(articles: list[Article], links: list[StoryLink]) -> str:
    """Stories, largest first: each with its articles (outlet, date, title) and which are copies."""
    from newsdesk.stories.sources import independent_sources

    by_id = {a.id: a for a in articles}
    stories: dict[str, list[StoryLink]] = {}
    for link in links:
        if link.article_id in by_id:
            stories.setdefault(link.story_id, []).append(link)
    blocks = []
    for story_id, members in sorted(stories.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        members.sort(key=lambda link: (by_id[link.article_id].published or "9999", link.article_id))
        first = by_id[members[0].article_id]
        n_sources = independent_sources(
            [by_id[m.article_id] for m in members], {m.article_id: m.copy_of for m in members}
        )
        head = f"story {story_id[:8]} · {len(members)} article{'s' * (len(members) != 1)} · {n_sources} independent"
        lines = [f"[bold cyan]━━ {escape(head)} ━━[/]", f"[bold]{escape(first.title or short(first.text, 100))}[/]"]
        for m in members:
            a = by_id[m.article_id]
            where = " · ".join((a.outlet or "unknown outlet", a.published or "undated"))
            copy = f" [dim](copy of {m.copy_of[:8]})[/]" if m.copy_of else ""
            lines.append(f"  {escape(where)}: {escape(a.title or short(a.text, 80))}{copy}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
