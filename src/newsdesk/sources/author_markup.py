"""trafilatura's author guess from a page's markup (``extract_author``), without its copy of the page.

trafilatura 2.3 finds an author by three XPath selectors (``AUTHOR_XPATHS``:
``rel="author"``, ``class="author-name"``, ``itemprop="author"``, "byline"
classes …) on a copy of the page from which comments, sidebars, dates and
figures (``AUTHOR_DISCARD_XPATHS``) were deleted. Its selectors test
attributes with regular expressions, which lxml runs by calling back into
Python for every element; on a news page that is a tenth of the reader's
time. :func:`markup_author` applies the same tests in one walk through the
page and returns the same string (``tests/sources/test_bylines.py`` compares
the two).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["markup_author"]

_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)|"
    r"print|category|meta-date|meta-reviewer"
)
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_AUTHOR_CLASS_1 = re.compile(r"author-?name|AuthorName|authorName")
_AUTHOR_ID_2 = re.compile(r"author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS_2 = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_DISCARD_TAGS = frozenset({"a", "div", "section", "span", "time", "figure"})
_TAGS_0 = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_TAGS_1 = frozenset({"a", "div", "h3", "h4", "p", "span"})
_AUTHOR_ID_3 = re.compile(r"[Aa]uthor")
_AUTHOR_CLASS_3 = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")


def _discarded(element: Any, tag: str) -> bool:
    if tag not in _DISCARD_TAGS:
        return False
    if tag in ("time", "figure"):
        return True
    if tag not in ("a", "div", "section", "span"):
        return False
    cls, ident = element.get("class"), element.get("id")
    return (
        ident == "comments"
        or cls in ("comments", "title", "date")
        or (ident is not None and _DISCARD_ID.search(ident) is not None)
        or (cls is not None and _DISCARD_CLASS.search(cls) is not None)
        or "Figure" in (element.get("data-component") or "")
    )


def _selector(element: Any, tag: str, rel_me: set[Any]) -> int | None:
    """Which of trafilatura's three author selectors (0, 1, 2) first matches ``element``, if any.

    ``rel_me``: the elements with a ``<rel>`` child reading "me" (the first selector's ``rel='me'``).
    """
    if tag == "author" or (tag in _TAGS_0 and element in rel_me):
        return 0
    attrib = element.attrib
    if not attrib:
        return None
    cls, ident, prop = attrib.get("class"), attrib.get("id"), attrib.get("itemprop") or ""
    if tag in _TAGS_0 and (
        attrib.get("rel") == "author"
        or ident == "author"
        or cls == "author"
        or prop == "author name"
        or attrib.get("data-testid") in ("AuthorCard", "AuthorURL")
        or (cls is not None and _AUTHOR_CLASS_1.search(cls) is not None)
    ):
        return 0
    if tag in _TAGS_1 and (
        cls in ("byline", "username", "byl", "BBL")
        or "author" in prop
        or (ident is not None and _AUTHOR_ID_2.search(ident) is not None)
        or (cls is not None and _AUTHOR_CLASS_2.search(cls) is not None)
    ):
        return 1
    if (
        "Byline" in (attrib.get("data-component") or "")
        or "author" in prop
        or (ident is not None and _AUTHOR_ID_3.search(ident) is not None)
        or (cls is not None and _AUTHOR_CLASS_3.search(cls) is not None)
    ):
        return 2
    return None


def markup_author(tree: Any, *, skip: Callable[[Any], bool] | None = None) -> str | None:
    """What trafilatura's ``extract_author`` returns for ``tree``, without copying the page.

    Its selectors in its order: the first match of the most specific selector
    whose text (less the discarded parts: comments, sidebars, dates, figures)
    is 3 to 119 characters long, normalised by trafilatura's ``normalize_authors``.

    Args:
        tree: the parsed page.
        skip: matches to pass over as well. trafilatura discards comment
            lists by a few class names only; a "Recent comments" widget
            (``class="recentcomments"``) slips through, and its commenter
            becomes the author. ``None`` gives trafilatura's own answer.
    """
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim

    matches: list[list[Any]] = [[], [], []]
    discard: set[Any] = set()  # the discarded elements; what lies below them goes with them
    rel_me = {rel.getparent() for rel in tree.iter("rel") if rel.text_content() == "me"}
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if _discarded(element, tag):
            discard.add(element)
        elif (which := _selector(element, tag, rel_me)) is not None:
            matches[which].append(element)
    for found in matches:
        for element in found:
            if any(a in discard for a in element.iterancestors()) or (skip is not None and skip(element)):
                continue
            text = trim(" ".join(_texts_outside(element, discard)))
            if text and 2 < len(text) < 120:
                author: str | None = normalize_authors(None, text)
                return author
    return None


def _texts_outside(element: Any, discard: set[Any]) -> Iterator[str]:
    """``element.itertext()``, less the text of discarded descendants (their tails stay, as in trafilatura)."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child not in discard:
            yield from _texts_outside(child, discard)
        if child.tail:
            yield child.tail
