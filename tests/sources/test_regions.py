"""Where on a page an element stands: the shared walk up to the article."""

from __future__ import annotations

import re

import lxml.html
import pytest

from newsdesk.sources.regions import in_region

_FURNITURE = re.compile(r"comment|related", re.I)
_TAGS = frozenset({"aside", "nav"})


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<html><body><div class="comments"><p id="x">Nice piece</p></div></body></html>', True),
        ('<html><body><aside><p id="x">Also read</p></aside></body></html>', True),
        ('<html><body><div id="related-links"><span><p id="x">More</p></span></div></body></html>', True),
        ('<html><body><p id="x" class="comment-body">Me too</p></body></html>', True),
        # the walk stops at the article: furniture around the article does not count
        ('<html><body><div class="comments"><article><p id="x">By Ana Lopes</p></article></div></body></html>', False),
        ('<html><body><main><p id="x">Published: 3 May 2024</p></main></body></html>', False),
        ('<html><body><div class="story"><p id="x">Text</p></div></body></html>', False),
    ],
)
def test_in_region_finds_page_furniture_below_the_article(page: str, expected: bool) -> None:
    element = lxml.html.fromstring(page).get_element_by_id("x")
    assert in_region(element, _FURNITURE, tags=_TAGS) is expected


def test_in_region_without_tags_reads_class_and_id_only() -> None:
    element = lxml.html.fromstring('<html><body><aside><p id="x">Also read</p></aside></body></html>')
    assert in_region(element.get_element_by_id("x"), _FURNITURE) is False
