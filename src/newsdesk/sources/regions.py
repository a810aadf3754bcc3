"""Where on a page an element stands: inside the article, or in the page's furniture around it.

The byline and date readers both ask the same question of a matched element (is it in comments,
related links, a footer, navigation?) with their own lists of tags and class/id words; the walk up
the tree, which stops at the article, lives here once.
"""

from __future__ import annotations

import re
from typing import Any

# The walk stops here: an element below these is in the article (or the page's body), not around it.
_ARTICLE_TAGS = frozenset({"article", "main", "body", "html"})


def in_region(element: Any, pattern: re.Pattern[str], *, tags: frozenset[str] = frozenset()) -> bool:
    """Whether an lxml element sits, below the article, main or body, in one of ``tags`` or in an
    element whose class or id matches ``pattern`` (the element itself included)."""
    for node in (element, *element.iterancestors()):
        if node.tag in tags:
            return True
        if node.tag in _ARTICLE_TAGS:
            return False
        if pattern.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False
