from __future__ import annotations

import pytest

from newsdesk.sources.body import doubtful, is_notice, measure, trim_edges
from newsdesk.sources.html import article_from_html, extract_body

HEAD = "Old ferry terminal to close"
ARTICLE = [
    "The harbour authority of Port Ellis voted on Tuesday to close the old ferry terminal by the end of the year,"
    " ending ninety years of crossings from the north quay.",
    "Passengers will use the new terminal on the south side of the bay, which opened in March and can handle"
    " ships twice the size of the present ferries.",
    "The authority's chair, Mara Quinn, said the old building needed repairs that would cost more than the new"
    " terminal had, and that the quay would become a public park.",
    "Shopkeepers near the north quay said they feared losing trade once the ferries moved, and asked the"
    " council for help with rents during the change.",
    "The council said it would publish a plan for the quay in the spring after a public consultation.",
]
POLICY = [
    "Comments are moderated. Please keep your comments civil and on topic; we may remove comments that break"
    " our community guidelines.",
    "Your comment may take a few minutes to appear. Please do not post the same comment twice, and do not"
    " share personal details of others.",
    "By posting a comment you agree to our terms of use and privacy policy.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Comments are moderated and may take a while to appear.",
        "Loading... please wait",
        "Sign up for our morning newsletter and get the day's news in your inbox.",
        "This video is not available in your country.",
        "Please enable JavaScript to see the comments.",
        "If you are already a subscriber, log in here.",
        "We want to hear what you think. Submit a letter to the editor.",
        "Port Ellis Post Newsletter",
        "Advertisement",
        "Like this story? Share it with a friend!",
        "Never miss a story: download our free app.",
        "This article is the copyrighted property of the Port Ellis Post and may not be republished.",
    ],
)
def test_body_is_notice(line: str) -> None:
    assert is_notice(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council will subscribe to the new bond issue, the treasurer said.",
        "“We will never sell your personal data to advertisers,” the chief executive told reporters on Monday.",
        "Cookies and cakes were sold at the fair to raise money for the school roof.",
        "Our reporters visited the harbour on Monday.",
        "Newspaper subscriptions fell by a third last year, the survey found.",
        "Loaders at the quay walked out on Friday over pay.",
        "",
    ],
)
def test_body_is_not_notice(line: str) -> None:
    assert not is_notice(line)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("\n".join(ARTICLE), None),
        ("\n".join(ARTICLE[:2]), "short"),  # a teaser
        ("Loading... please wait", "short"),
        ("\n".join(POLICY * 4), "notice"),  # a comment policy, however long
        ("\n".join(f"{w} news" for w in ("Local", "World", "Sport", "Business", "Weather") * 12), "no prose"),
    ],
)
def test_body_doubtful(body: str, reason: str | None) -> None:
    assert doubtful(body) == reason


def test_body_measure_counts_prose_and_notices() -> None:
    shape = measure("\n".join([ARTICLE[0], POLICY[2], "Menu"]))
    assert shape.prose == len(ARTICLE[0])
    assert shape.notice == len(POLICY[2])
    assert shape.chars == len(ARTICLE[0]) + len(POLICY[2]) + len("Menu")


@pytest.mark.parametrize(
    ("lines", "titles", "kept", "reasons"),
    [
        # the headline repeated on the first line goes, and a notice after the article
        ([HEAD, *ARTICLE, POLICY[2]], [HEAD], ARTICLE, ["headline", "notice"]),
        # the page title starts with the headline (the site name follows)
        ([HEAD, *ARTICLE], [f"{HEAD} | Port Ellis Post"], ARTICLE, ["headline"]),
        # notices before the first paragraph
        (["Sign up for our newsletter", "Advertisement", *ARTICLE], [], ARTICLE, ["notice", "notice"]),
        # a notice between paragraphs stays
        ([ARTICLE[0], POLICY[2], *ARTICLE[1:]], [], [ARTICLE[0], POLICY[2], *ARTICLE[1:]], []),
        # a first line that is not the headline stays
        (ARTICLE, ["Council approves budget"], ARTICLE, []),
        # notices that are most of the page are its subject
        ([ARTICLE[0], *POLICY], [], [ARTICLE[0], *POLICY], []),
    ],
)
def test_body_trim_edges(lines: list[str], titles: list[str], kept: list[str], reasons: list[str]) -> None:
    text, debris = trim_edges("\n\n".join(lines), titles)
    assert text == "\n\n".join(kept)
    assert [d.reason for d in debris] == reasons


def _page(article_tag: str) -> str:
    article = "".join(f"<p>{p}</p>" for p in ARTICLE)
    policy = "".join(f"<p>{p}</p>" for p in POLICY)
    return (
        "<html><head><title>Old ferry terminal to close | Port Ellis Post</title></head><body>"
        f'<{article_tag} class="story-x">{article}</{article_tag}>'
        f'<div class="entry-content">{policy}</div></body></html>'
    )


@pytest.mark.parametrize("tag", ["div", "section"])
def test_body_fallback_finds_the_article_behind_a_comment_policy(tag: str) -> None:
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    page = _page(tag)
    fast = bare_extraction(load_html(page), fast=True, include_comments=False)
    assert fast is not None and "Comments are moderated" in fast.text and "harbour" not in fast.text
    doc, reason = extract_body(load_html(page), None)
    assert reason == "short" and "The harbour authority of Port Ellis voted" in doc.text
    article = article_from_html("page.html", page)
    assert article.text.startswith(ARTICLE[0]) and "Comments are moderated" not in article.text
    assert "By posting a comment" not in article.text


def test_body_fast_body_that_reads_well_is_kept() -> None:
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLE * 2) + "</article></body></html>"
    from trafilatura.utils import load_html

    doc, reason = extract_body(load_html(page), None)
    assert reason is None and doc.text.startswith(ARTICLE[0])
