"""The metadata newsdesk keeps from a page — title, authors, URL, site name, date — and nothing else.

trafilatura's ``extract_metadata`` also collects categories, tags and the
licence, which newsdesk never uses and which cost about an eighth of the time
of reading a page (``bench/RESULTS.md``). This module runs trafilatura's
extractors for the fields newsdesk keeps, on the tree the body extraction then
uses (one parse of the page, each field extracted once), and newsdesk's own
rules over them: the page's headlines for the title, its bylines for the
authors, its structured dates for the date.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from newsdesk.sources.author_markup import markup_author
from newsdesk.sources.bylines import (
    Authors,
    choose_authors,
    in_comments,
    page_bylines,
    post_author_comments,
    site_owner,
)

__all__ = ["PageMeta", "page_metadata"]

_MAX_FIELD = 10_000


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself; ``None`` where it says nothing."""

    title: str | None = None
    authors: Authors = field(default_factory=Authors)
    url: str | None = None
    sitename: str | None = None
    date: str | None = None
    headlines: tuple[str, ...] = ()
    """Every headline the page states (meta titles, the <title>, its h1s), to recognise the headline in the body."""
    shown: tuple[tuple[str, ...], ...] = ()
    """Each ``<h1>`` of the page as its pieces of text: the headline it shows its readers (or a logo)."""
    stated: bool = False
    """The title is the page's metadata title (og:title, JSON-LD), not its ``<title>``."""


def _trim(value: str | None) -> str | None:
    """trafilatura's own clean-up of a metadata string: length cap, entities, spaces."""
    from trafilatura.utils import line_processing

    if not value:
        return None
    if len(value) > _MAX_FIELD:
        value = value[: _MAX_FIELD - 1] + "…"
    trimmed: str | None = line_processing(unescape(value))
    return trimmed or None


def page_metadata(tree: Any, url: str | None = None) -> PageMeta:
    """Title, authors, URL, site name and date of a parsed page (an lxml tree).

    Authors: the people named by the page's metadata (meta tags, JSON-LD), else
    by the first byline it shows ("By …", "Posted by …"), else by trafilatura's
    guess from the markup (its ``extract_author``, outside comments), else by
    the post author's own comments or a site named after its owner, cleaned
    (:mod:`newsdesk.sources.bylines`).

    The date comes from htmldate with trafilatura's default (extensive)
    search, which is markedly more accurate than the quick one on the
    trafilatura gold set, checked against the page's own markup
    (:func:`~newsdesk.sources.html_dates.page_date`: not the last-modified
    day, not a related link's date; the time and zone where the page gives them).
    """
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    from newsdesk.sources.html_dates import page_date

    meta = examine_meta(tree)
    one_word = None
    if meta.author and " " not in meta.author:  # as trafilatura: a one-word meta author is most often a user name
        one_word, meta.author = meta.author, None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader has bugs of its own; meta tags stand
        meta = extract_meta_json(tree, meta)
    shown = tuple(_pieces(h) for h in tree.iter("h1"))[:10]
    stated = meta.title is not None
    title = meta.title or extract_title(tree)  # trafilatura's order: a single h1, a title element, <title>
    page_url = meta.url or extract_url(tree, url)
    date_params = set_date_params(True)
    date_params["url"] = page_url
    date = page_date(tree, find_date(tree, **date_params))
    sitename = meta.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif page_url and (match := META_URL.match(page_url)):
        sitename = match[1]
    sitename = _trim(sitename)

    def author_sources() -> Iterator[list[tuple[str, bool]]]:
        """Where authors are named, most trusted first; each computed only when the ones before name nobody."""
        if meta.author:
            yield [(meta.author, True)]
        elif one_word:
            yield [(one_word, False)]  # names no person, but may name an agency ("Reuters") or the site
        yield from page_bylines(tree)
        if guessed := markup_author(tree, skip=in_comments):  # trafilatura's extract_author, outside comments
            yield [(guessed, True)]
        yield from post_author_comments(tree)
        yield from site_owner([*tree.xpath("//head/title/text()")[:1], *([meta.sitename] if meta.sitename else [])])

    authors = choose_authors(author_sources(), site=sitename)
    return PageMeta(
        _trim(title), authors, _trim(page_url), sitename, _trim(date), _headlines(tree, title, shown), shown, stated
    )


def _pieces(element: Any) -> tuple[str, ...]:
    """The texts of an element's own text and of each of its children (a kicker, a headline, a subtitle)."""
    found = [element.text or ""]
    for child in element:
        found += [child.text_content() if isinstance(child.tag, str) else "", child.tail or ""]
    return tuple(t for t in found if t.strip())


def _headlines(tree: Any, title: str | None, shown: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    found = [title] if title else []
    found += tree.xpath("//head/title/text()")[:1]
    found += tree.xpath('//meta[@property="og:title" or @name="twitter:title"]/@content')[:2]
    found += [" ".join(h) for h in shown[:3]]
    return tuple(dict.fromkeys(t for t in (" ".join(str(f).split()) for f in found) if t))
