"""HTML pages: body and metadata with trafilatura, then the same debris rules as text.

newsdesk does not extract HTML itself: trafilatura finds the article body
(and htmldate, through it, the date). What comes out still can carry lines
such as "READ MORE: …" inside the body; the text cleaner removes those.
"""

from __future__ import annotations

import re

from newsdesk.model import Article, article_id
from newsdesk.sources.dates import parse_date
from newsdesk.sources.debris import clean_text, split_names
from newsdesk.sources.detect import ReadError
from newsdesk.sources.meta import Meta

__all__ = ["article_from_html", "clean_title"]

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—•·»:]|-{1,2})\s+")


def clean_title(title: str | None, outlet: str | None) -> str | None:
    """A page title without the site name it so often carries ("Story - Site")."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        site = (outlet or "").lower()
        last, first = parts[-1].strip().lower(), parts[0].strip().lower()
        if site and (last == site or last in site or site in last):
            title = title[: title.lower().rfind(last)].rstrip(" |–—•·»:-")
        elif site and (first == site or site in first):
            title = title[len(parts[0]) :].lstrip(" |–—•·»:-")
        elif len(parts[-1].split()) <= 3 and len(parts[0].split()) >= 4:
            # "Long headline words | Short Site" with no known site name
            title = title[: title.rfind(parts[-1])].rstrip(" |–—•·»:-")
    return title or None


def _authors(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    names: list[str] = []
    for part in re.split(r"\s*;\s*", raw):
        part = re.sub(r"^(?i:by)\s+", "", part.strip())
        found = split_names(part) or ([part] if 1 <= len(part.split()) <= 4 else [])
        names.extend(n for n in found if n not in names)
    return tuple(names)


def article_from_html(source: str, html: str | bytes, meta: Meta | None = None) -> Article:
    """An :class:`Article` from an HTML page.

    Raises:
        ReadError: when trafilatura finds no article text in the page.
    """
    import trafilatura  # deferred: only HTML inputs pay for the import

    meta = meta or Meta()
    try:
        doc = trafilatura.bare_extraction(html, url=meta.url, with_metadata=True)
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise ReadError(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise ReadError("no article text found in the HTML page")
    cleaned = clean_text(body, scraped=False)
    if not cleaned.text.strip():
        raise ReadError("no article text found in the HTML page (only page debris)")
    outlet = meta.outlet or getattr(doc, "sitename", None) or cleaned.outlet
    date = getattr(doc, "date", None)
    published = meta.published or (parse_date(date) if date else None) or cleaned.published
    url = meta.url or getattr(doc, "url", None)
    return Article(
        id=article_id(cleaned.text, url, outlet),
        source=source,
        text=cleaned.text,
        outlet=outlet,
        title=meta.title or clean_title(getattr(doc, "title", None), outlet),
        authors=meta.authors or _authors(getattr(doc, "author", None)) or cleaned.authors,
        published=published,
        url=url,
        language=getattr(doc, "language", None),
        input_format="html",
        debris=cleaned.debris,
    )
