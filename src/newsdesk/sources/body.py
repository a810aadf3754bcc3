"""Judging an extracted page body: does it read like an article, and what furniture sits at its edges.

trafilatura's fast mode finds the article on most pages at half the cost of
its full cascade, but on some pages it settles on the wrong block: a comment
policy, a video notice, a "Loading… please wait" line, a menu. Those bodies
have a shape of their own: short, made of notices addressed to the reader
rather than of sentences about the world, or made of lines that are not
sentences at all. :func:`doubtful` names that shape, so that the reader runs
trafilatura's full cascade (readability, jusText) only where the fast body
looks wrong.

:func:`trim_edges` removes what a right body still often carries at its top
and bottom: the headline repeated as the first line (the article keeps its
title apart) and notices ("Sign up for our newsletter", "Comments are
moderated") before the first and after the last line of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.model import Debris

__all__ = ["BodyShape", "doubtful", "is_notice", "measure", "trim_edges"]

MIN_WORDS = 100
"""Fewer words than this and a fast body is checked against the full cascade (a short news item still
has a hundred words; a notice or a teaser rarely does)."""

# Phrases of page mechanics: a line holding one is a notice whoever it addresses.
_PAGE_MECHANICS = re.compile(
    r"""\b(?:
        loading\b\W*(?:\.\.\.|…|please) | please\ wait | (?:enable|turn\ on|activate|allow)\ (?:javascript|js|cookies)\b
      | (?:up)?date\ your\ browser | (?:browser|device)\ (?:is\ )?not\ supported
      | (?:this|the)\ (?:video|player|content|page|feature|media|story)
        \ (?:is|was|has\ been|requires|cannot|can\W?t|could\ not)
        \ (?:not\ |no\ longer\ |currently\ )?(?:available|unavailable|loaded|supported|played|removed|expired)
      | comments?\ (?:are|is|will\ be|may\ be)\ (?:moderated|closed|reviewed|pre-?moderated)
      | comment(?:ing)?\ (?:policy|guidelines)
      | community\ (?:guidelines|standards) | all\ rights\ reserved | copyrighted\ (?:property|material)
      | may\ not\ be\ (?:reproduced|republished|copied|redistributed|rewritten) | written\ permission
      | (?:page|article|story)\ (?:not\ found|does\ not\ exist) | something\ went\ wrong | try\ again\ later
      | (?:click|tap)\ here | thanks?\ (?:you\ )?for\ (?:reading|visiting|watching|subscribing|signing\ up)
    )""",
    re.VERBOSE,
)
# What a notice speaks of (the reader's account, the site's business): a notice when it addresses the reader.
_NOTICE_CUE = re.compile(
    r"""\b(?:
        javascript\b | your\ (?:browser|inbox|subscription|account|email\ address)\b
      | comments?\b | (?:leave|post|add|submit)\ (?:a|your)\ (?:reply|letter) | join\ the\ (?:conversation|discussion)
      | letters?\ to\ the\ editor | subscrib(?:e|ers?|ing)\b | sign(?:ing)?\ (?:up|in)\b | log(?:ging)?\ ?(?:in|out)\b
      | newsletters?\b | (?:free|premium)\ (?:trial|account|access)\b | create\ an?\ (?:free\ )?account
      | cookies?\b | privacy\ (?:policy|notice|settings|statement) | terms\ (?:of|and)\ (?:use|service|conditions)
      | personal\ data\b | advertis(?:ement|ers?)\b | sponsored\b | affiliate\b | commission\b
      | (?:follow|like|find)\ us\b | share\ (?:this|it)\b | download\ (?:our|the)\ (?:\w+\ )?apps?\b
    )""",
    re.VERBOSE,
)
# Both, for the one scan that most lines (which hold neither) need; the patterns match lower-cased text.
_ANY_CUE = re.compile(f"{_PAGE_MECHANICS.pattern}|{_NOTICE_CUE.pattern}", re.VERBOSE)
# Addressed to the reader: second person, "please", the site speaking as "we"/"our", or an imperative opening.
_TO_READER = re.compile(
    r"\b(?:you|your|yours|please|we|our|us)\b|^(?:\W*)(?:subscribe|sign|log|get|join|follow|download|click|tap|"
    r"register|share|like|submit|never\ miss|don'?t\ miss|stay|keep|listen|watch|read|support|become|enable)\b",
    re.IGNORECASE | re.VERBOSE,
)
# Words of reported speech or quotation: a line that quotes someone is article text, whatever it mentions.
_QUOTED = re.compile(r"[“\"][^”\"]{25,}[”\"]")
_SENTENCE_END = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class BodyShape:
    """What a body is made of, in characters (and its words)."""

    words: int
    chars: int
    prose: int
    """Characters of prose lines (sentences, or long runs of words) that are not notices."""
    notice: int
    """Characters of notice lines."""


def is_notice(line: str) -> bool:
    """A line that speaks to the reader about the page or the site rather than about the news.

    A line about the page's mechanics ("Loading… please wait", "Comments
    are moderated", "This video is no longer available"), a short label
    ("Harbour Gazette Newsletter", "Advertisement"), or a line about the
    reader's account or the site's business that addresses the reader ("Sign
    up to get our best stories", "If you are a subscriber, log in"). A line
    that quotes someone at length is never a notice.
    """
    line = line.strip()
    return _is_notice(line, len(_WORD.findall(line)))


def _is_notice(line: str, words: int) -> bool:
    if not line or words > 60:
        return False
    low = line.lower()
    if not _ANY_CUE.search(low) or _QUOTED.search(line):
        return False
    if _PAGE_MECHANICS.search(low):
        return True
    return words <= 6 or _TO_READER.search(line) is not None


def measure(text: str) -> BodyShape:
    """The shape of a body: how much of it is prose, how much notices."""
    prose = notice = chars = total_words = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        words = len(_WORD.findall(line))
        total_words += words
        chars += len(line)
        if _is_notice(line, words):
            notice += len(line)
        elif (words >= 8 and _SENTENCE_END.search(line) is not None) or words >= 20:
            prose += len(line)
    return BodyShape(total_words, chars, prose, notice)


def doubtful(text: str) -> str | None:
    """Why a body may not be the article ("short", "notice", "no prose"), or None when it reads like one."""
    shape = measure(text)
    if shape.words < MIN_WORDS:
        return "short"
    if shape.notice * 2 >= shape.chars:
        return "notice"
    if shape.prose * 3 < shape.chars:
        return "no prose"
    return None


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _is_headline(line: str, titles: Iterable[str]) -> bool:
    """The line repeats one of the page's titles (its headline, or the headline the page title begins with)."""
    key = _key(line)
    if len(key) < 8:
        return False
    return any(key == t or (len(key) >= 20 and t.startswith(key + " ")) for t in titles)


def trim_edges(text: str, titles: Iterable[str] = (), *, notices: bool = True) -> tuple[str, list[Debris]]:
    """``text`` without the headline repeated at its top and (with ``notices``) the notices at its edges.

    Notices are removed only as runs at the very top or bottom (a notice-like
    line between two paragraphs of the article stays), and only while they
    make up less than a third of the body: on a page about a privacy policy,
    the policy is the article.
    """
    keys = {k for k in (_key(t) for t in titles) if k}
    lines = text.split("\n")
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(content) < 2:
        return text, []
    dropped: dict[int, str] = {}
    first = 0
    if keys and _is_headline(lines[content[0]], keys):
        dropped[content[0]] = "headline"
        first = 1
    top = first
    while notices and top < len(content) - 1 and is_notice(lines[content[top]]):
        top += 1
    bottom = len(content)
    while notices and bottom - 1 > top and is_notice(lines[content[bottom - 1]]):
        bottom -= 1
    edges = [content[i] for i in (*range(first, top), *range(bottom, len(content)))]
    total = sum(len(lines[i].strip()) for i in content)
    if sum(len(lines[i].strip()) for i in edges) * 3 < total:
        dropped.update((i, "notice") for i in edges)
    if not dropped:
        return text, []
    kept = [ln for i, ln in enumerate(lines) if i not in dropped]
    trimmed = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return trimmed, [Debris(lines[i].strip(), reason) for i, reason in sorted(dropped.items())]
