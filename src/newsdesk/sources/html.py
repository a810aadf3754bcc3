"""HTML pages: body and metadata with trafilatura, then the same debris rules as text.

trafilatura finds the article body — its fast mode, its full cascade where the
fast body looks wrong (:mod:`newsdesk.sources.body`) — and, on the same parsed
tree, the metadata newsdesk keeps (:mod:`newsdesk.sources.html_meta`: htmldate
the date, checked by :mod:`~newsdesk.sources.html_dates`; the authors cleaned
by :mod:`~newsdesk.sources.bylines`; the title by :mod:`~newsdesk.sources.titles`).
What comes out still can carry lines such as "READ MORE: …" inside the body;
the text cleaner removes those, and the headline and notices at the body's
edges go too.
"""

from __future__ import annotations

import copy
from datetime import date
from functools import lru_cache
from typing import Any

from newsdesk.model import Article, article_id
from newsdesk.sources.body import doubtful, trim_edges
from newsdesk.sources.bylines import signed_off
from newsdesk.sources.debris import clean_text
from newsdesk.sources.detect import ReadError
from newsdesk.sources.html_meta import PageMeta, page_metadata
from newsdesk.sources.meta import Meta
from newsdesk.sources.titles import choose_title, site_keys

__all__ = ["article_from_html", "extract_body"]


def _title(page: PageMeta, outlet: str | None, url: str | None) -> str | None:
    keys = site_keys([outlet, page.sitename], url)
    return choose_title(page.title, page.shown, keys, stated=page.stated)


def _organisation(page: PageMeta) -> tuple[str, ...]:
    """The organisation a page names as its author (a foundation's own blog), when it names no person."""
    return (page.authors.organisation,) if page.authors.organisation else ()


@lru_cache(maxsize=2)
def _base_options(day: str, fast: bool) -> Any:
    """trafilatura's options object, built once a day (it reads its config file and today's date)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=fast, comments=False)


def _options(url: str | None, *, fast: bool) -> Any:
    options = copy.copy(_base_options(date.today().isoformat(), fast))
    options.url = options.source = url
    return options


def _text(doc: Any) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def extract_body(tree: Any, url: str | None) -> tuple[Any, str | None]:
    """trafilatura's document for a parsed page, and why the fast body was doubted (None when it was not).

    Fast mode first (trafilatura's own extractor, without the readability and
    jusText comparison); where its body looks wrong (:func:`~newsdesk.sources.body.doubtful`),
    trafilatura's full cascade decides. Comments are never part of the article.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(tree, options=_options(url, fast=True))
    reason = doubtful(_text(doc))
    if reason is not None:
        full = trafilatura.bare_extraction(tree, options=_options(url, fast=False))
        if _text(full).strip():
            doc = full
    return doc, reason


def article_from_html(source: str, html: str | bytes, meta: Meta | None = None) -> Article:
    """An :class:`Article` from an HTML page.

    Raises:
        ReadError: when trafilatura finds no article text in the page.
    """
    from trafilatura.utils import load_html  # deferred: only HTML inputs pay for the import

    meta = meta or Meta()
    try:
        tree = load_html(html)
        if tree is None:
            raise ReadError("no HTML document in the page")
        page = page_metadata(tree, meta.url)
        doc, _ = extract_body(tree, meta.url or page.url)
    except ReadError:
        raise
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise ReadError(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise ReadError("no article text found in the HTML page")
    known_date = meta.published or page.date
    cleaned = clean_text(body, scraped=False, find_date=known_date is None)  # a date is not looked for twice
    text, edges = trim_edges(cleaned.text, page.headlines)
    if not text.strip():
        raise ReadError("no article text found in the HTML page (only page debris)")
    outlet = meta.outlet or page.sitename or cleaned.outlet or page.authors.agency
    published = known_date or cleaned.published
    url = meta.url or page.url
    return Article(
        id=article_id(text, url, outlet),
        source=source,
        text=text,
        outlet=outlet,
        title=meta.title or _title(page, outlet, url),
        authors=meta.authors or page.authors.people or cleaned.authors or signed_off(text) or _organisation(page),
        published=published,
        url=url,
        language=getattr(doc, "language", None),
        input_format="html",
        debris=(*cleaned.debris, *edges),
    )
