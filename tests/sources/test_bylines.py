from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk.sources.bylines import choose_authors, clean_names, name_key, page_bylines
from newsdesk.sources.html import article_from_html

BODY = "".join(
    f"<p>{s}</p>"
    for s in [
        "The ferry company said on Monday that the night crossing to the islands would stop at the end of the"
        " month, after forty years, because too few passengers used it in the winter.",
        "Islanders said the decision left them with no way to reach the hospital on the mainland after dark,"
        " and the council asked the company to keep at least one crossing a week.",
        "The company said it would talk to the council, but that the night boat had lost money every winter"
        " for the past six years and that its crew was needed on the busier day routes.",
    ]
)


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("By Ann Lee", ["Ann Lee"]),
        ("ANN LEE", ["Ann Lee"]),
        ("Ann Lee, Staff Writer", ["Ann Lee"]),
        ("Ann Lee, PhD", ["Ann Lee"]),
        ("Ann Lee and Bo Park", ["Ann Lee", "Bo Park"]),
        ("Ann Lee; Bo Park & Cy Diaz", ["Ann Lee", "Bo Park", "Cy Diaz"]),
        ("By Ann Lee Thursday, March 5, 2024", ["Ann Lee"]),
        ("Ann Lee March 5", ["Ann Lee"]),
        ("Ann Lee March", ["Ann Lee"]),  # a month glued on
        ("Ann Lee says", ["Ann Lee"]),
        ("Ann Lee (ann.lee@harbour.example)", ["Ann Lee"]),
        ("Ann Lee @annlee", ["Ann Lee"]),
        ("View all posts by Ann Lee", ["Ann Lee"]),
        ("Written by: Ann Lee", ["Ann Lee"]),
        ("Ann Lee For The Sunday Herald", ["Ann Lee"]),
        ("Ann Lee - Ferry desk", ["Ann Lee"]),
        ("Maria de la Cruz", ["Maria de la Cruz"]),
        ("Mobasir hassan", ["Mobasir hassan"]),  # metadata may write a surname in lower case
        # not people
        ("Username", []),
        ("No Author", []),
        ("Staff", []),
        ("Metro Desk Staff Report", []),
        ("The Local", []),
        ("Reuters", []),
        ("March 5, 2024", []),
        ("", []),
    ],
)
def test_bylines_clean_names(raw: str, people: list[str]) -> None:
    assert list(clean_names(raw).people) == people


@pytest.mark.parametrize(
    ("raw", "site", "people", "agencies", "others"),
    [
        ("Ann Lee, Reuters", None, ["Ann Lee"], ["Reuters"], []),
        ("Associated Press", None, [], ["Associated Press"], []),
        ("AFP / Harbour Gazette", "Harbour Gazette", [], ["AFP"], ["Harbour Gazette"]),
        ("Harbour Gazette", "Harbour Gazette", [], [], ["Harbour Gazette"]),
        ("Ann Lee Harbour Gazette Staff", "Harbour Gazette", ["Ann Lee"], [], []),
    ],
)
def test_bylines_agencies_and_the_site_are_not_people(
    raw: str, site: str | None, people: list[str], agencies: list[str], others: list[str]
) -> None:
    cleaned = clean_names(raw, site=site)
    assert (list(cleaned.people), list(cleaned.agencies), list(cleaned.others)) == (people, agencies, others)


@pytest.mark.parametrize(
    ("raw", "single", "people"),
    [
        ("Benni", True, ["Benni"]),  # how some sites sign, in their metadata
        ("Benni", False, []),
        ("By June", False, []),  # "By June, prices had doubled"
        ("By continuing to use this site you accept cookies", False, []),
    ],
)
def test_bylines_one_word_names_only_where_trusted(raw: str, single: bool, people: list[str]) -> None:
    assert list(clean_names(raw, single=single).people) == people


def test_bylines_name_key_folds_case_and_accents() -> None:
    assert name_key("José  LÓPEZ") == name_key("Jose Lopez") == "joselopez"
    assert name_key("Ann Lee") != name_key("Ann Leigh")


@pytest.mark.parametrize(
    ("sources", "people"),
    [
        ([[("Ann Lee", True)], [("By Bo Park", False)]], ("Ann Lee",)),  # the first source that names someone
        ([[("Username", True)], [("By Bo Park", False)]], ("Bo Park",)),
        ([[("Todd", True)], [("By Todd Bates", False)]], ("Todd Bates",)),  # a one-word name completed
        ([[("Ela", True)], [("By Michaela Vais", False)]], ("Ela",)),  # not by a name that merely contains it
        ([[("José López; JOSE LOPEZ; Ann Lee", True)]], ("José López", "Ann Lee")),  # one entry per person
        ([[("No Author", True)], []], ()),
    ],
)
def test_bylines_choose_authors(sources: list[list[tuple[str, bool]]], people: tuple[str, ...]) -> None:
    assert choose_authors(sources).people == people


def test_bylines_choose_authors_sets_agencies_and_the_site_apart() -> None:
    chosen = choose_authors([[("Reuters", True)], [("Harbour Gazette", True)]], site="Harbour Gazette")
    assert (chosen.people, chosen.agency, chosen.organisation) == ((), "Reuters", "Harbour Gazette")


def test_bylines_choose_authors_stops_at_the_first_full_name() -> None:
    def sources() -> Iterator[list[tuple[str, bool]]]:
        yield [("Ann Lee", True)]
        raise AssertionError("a later source was computed")

    assert choose_authors(sources()).people == ("Ann Lee",)


def _tree(html: str) -> object:
    from trafilatura.utils import load_html

    return load_html(html)


@pytest.mark.parametrize(
    ("byline", "found"),
    [
        ('<p class="byline">By Ann Lee</p>', [("By Ann Lee", False)]),
        ('<p class="byline">| By <a href="/ann">Ann Lee</a> | 5 March</p>', [("By Ann Lee | 5 March", False)]),
        ("<div><p><strong>By</strong></p><p>Ann Lee</p></div>", [("By Ann Lee", False)]),  # label and name apart
        ('<div>Posted on 5 March 2024 by <a href="/u/annl">annl</a></div>', [("by annl", True)]),
        ("<div>Written by: Ann Lee</div>", [("Written by: Ann Lee", True)]),
        # not the article's byline
        ('<div class="comments"><p>By Bo Park</p></div>', []),
        ("<aside><p>By Bo Park</p></aside>", []),
        ("<footer><p>By Bo Park</p></footer>", []),
        ("<p>Nobody was hurt, the coastguard said.</p>", []),
    ],
)  # fmt: skip
def test_bylines_page_bylines(byline: str, found: list[tuple[str, bool]]) -> None:
    html = f"<html><body><article><h1>Night ferry to stop</h1>{byline}{BODY}</article></body></html>"
    assert [item for group in page_bylines(_tree(html)) for item in group] == found


@pytest.mark.parametrize(
    ("head", "byline", "authors", "outlet"),
    [
        ('<meta name="author" content="Username">', '<p class="byline">By Ann Lee</p>', ("Ann Lee",), None),
        ('<meta name="author" content="ANN LEE">', '<p class="byline">By Ann Lee</p>', ("Ann Lee",), None),
        ('<meta name="author" content="Ann Lee, Staff Writer">', "", ("Ann Lee",), None),
        ('<meta name="author" content="Reuters">', "", (), "Reuters"),
        ("", '<p class="byline">By Ann Lee, Reuters</p>', ("Ann Lee",), None),
        ("", '<div class="comment"><p>By Bo Park</p></div>', (), None),
    ],
)  # fmt: skip
def test_bylines_reader_authors(head: str, byline: str, authors: tuple[str, ...], outlet: str | None) -> None:
    html = (
        f"<html><head><title>Night ferry to stop</title>{head}</head><body><article><h1>Night ferry to stop</h1>"
        f"{byline}{BODY}</article></body></html>"
    )
    article = article_from_html("page.html", html)
    assert article.authors == authors
    if outlet:
        assert article.outlet == outlet


@pytest.mark.parametrize(
    "markup",
    [
        '<span class="author">Ann Lee</span>',
        '<a rel="author" href="/ann">Ann Lee</a><div class="author-name">Bo Park</div>',
        '<div class="comments"><span class="author">Bo Park</span></div><p class="byline">Ann Lee</p>',
        '<div class="post-author">Ann Lee <time>5 March</time></div>',
        '<figure><span class="author">Photo: Bo Park</span></figure>',
        '<h4 id="authorbox">Ann Lee</h4><div class="writer">Bo Park</div>',
        '<span itemprop="author"><span itemprop="name">Ann Lee</span></span>',
        '<div class="sidebar"><span class="author">Bo Park</span></div>',
        "<p>No author here.</p>",
        '<div class="box"><rel>me</rel> Ann Lee</div>',
        '<section class="related"><author>Bo Park</author></section><div data-component="Byline">Ann Lee</div>',
    ],
)
def test_bylines_markup_author_is_trafilaturas_extract_author(markup: str) -> None:
    from trafilatura.metadata import extract_author

    from newsdesk.sources.author_markup import markup_author

    html = f"<html><body><article><h1>Night ferry to stop</h1>{markup}{BODY}</article></body></html>"
    assert markup_author(_tree(html)) == extract_author(_tree(html))


@pytest.mark.parametrize(
    ("byline", "found"),
    [
        # a bare "by", then a name the markup marks as the author's: taken, however short
        ('<p>by <span class="author vcard fn">quill</span> on 4 March 2024</p>', [("quill", True)]),
        ('<div><span>by</span><h3><a href="/profile/1424">delta77</a></h3></div>', [("delta77", True)]),
        ('<p>By <a rel="author" href="/ann">Ann Lee</a> | 5 March</p>', [("Ann Lee", True)]),
        ("<p>Autorin: Ann Lee</p>", [("Autorin: Ann Lee", True)]),  # "Author:" in other languages
        ('<p class="author">Autor: <a href="/profil/25">ferry.example</a></p>', [("Autor: ferry.example", True)]),
        # not marked: a bare "by" stays weak
        ('<p>By <a href="/topics/june">June</a>, fares had doubled.</p>', [("By June , fares had doubled.", False)]),
        ('<p>by <span class="highlight">quill</span> on 4 March 2024</p>', [("by quill on 4 March 2024", False)]),
    ],
)  # fmt: skip
def test_bylines_page_bylines_marked_names(byline: str, found: list[tuple[str, bool]]) -> None:
    html = f"<html><body><article><h1>Night ferry to stop</h1>{byline}{BODY}</article></body></html>"
    assert [item for group in page_bylines(_tree(html)) for item in group] == found


@pytest.mark.parametrize(
    ("raw", "people", "others"),
    [
        ("ferry.example", [], ["ferry.example"]),  # a site's address is an organisation
        ("harbour-gazette.co.uk", [], ["harbour-gazette.co.uk"]),
        ("Ann Lee", ["Ann Lee"], []),
        ("J. R. Hart", ["J. R. Hart"], []),  # initials are not an address
        ("Ann.Lee", ["Ann.Lee"], []),
    ],
)
def test_bylines_site_addresses_are_not_people(raw: str, people: list[str], others: list[str]) -> None:
    cleaned = clean_names(raw)
    assert (list(cleaned.people), list(cleaned.others)) == (people, others)


RECENT_COMMENTS = (
    '<ul id="recentcomments"><li class="recentcomments"><span class="comment-author-link">'
    '<a class="url" href="https://bo.example">Bo Park</a></span> on <a href="/other">Harbour fees</a></li></ul>'
)


def test_bylines_markup_author_skips_a_recent_comments_widget() -> None:
    from newsdesk.sources.author_markup import markup_author
    from newsdesk.sources.bylines import in_comments

    html = f"<html><body><article><h1>Night ferry to stop</h1>{BODY}</article>{RECENT_COMMENTS}</body></html>"
    assert markup_author(_tree(html)) == "Bo Park"  # trafilatura's own guess: a commenter
    assert markup_author(_tree(html), skip=in_comments) is None


@pytest.mark.parametrize(
    ("comments", "authors"),
    [
        # WordPress marks the comments of the post's own author "bypostauthor"
        ('<ol class="commentlist"><li class="comment byuser bypostauthor"><div class="comment-author">'
         '<cite class="fn">annl</cite> says:</div><p>Thank you!</p></li></ol>', ("annl",)),
        ('<ol class="commentlist"><li class="comment bypostauthor"><div class="comment-author">Ann Lee</div>'
         "<p>Thank you!</p></li></ol>", ("Ann Lee",)),
        # another reader's comment names nobody; a commenter in a widget is not the author
        ('<ol class="commentlist"><li class="comment byuser"><cite class="fn">bopark</cite><p>Sad news.</p></li></ol>',
         ()),
        (RECENT_COMMENTS, ()),
    ],
)  # fmt: skip
def test_bylines_reader_authors_from_comments(comments: str, authors: tuple[str, ...]) -> None:
    html = (
        "<html><head><title>Night ferry to stop</title></head><body><article><h1>Night ferry to stop</h1>"
        f"{BODY}</article>{comments}</body></html>"
    )
    assert article_from_html("page.html", html).authors == authors


@pytest.mark.parametrize(
    ("title", "people"),
    [
        ("Mara Quint's Digital Home | Night ferry to stop", ("Mara Quint",)),
        ("Night ferry to stop – Ann Lee's Blog", ("Ann Lee",)),
        ("Ann Lee’s notes :: Night ferry to stop", ("Ann Lee",)),
        # not a site named after its owner
        ("Mercurial's Journey to Python 3", ()),
        ("Harbour's Blog | Night ferry to stop", ()),  # one word
        ("The Harbour Gazette's Blog", ()),
        ("Night ferry to stop | Harbour Gazette", ()),
        ("Ann Lee's ferry to stop", ()),  # no word for a site
    ],
)
def test_bylines_site_owner(title: str, people: tuple[str, ...]) -> None:
    from newsdesk.sources.bylines import site_owner

    assert choose_authors(site_owner([title])).people == people


LEAD = "The ferry company said the night crossing would stop.\n"


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (LEAD + "Thanks for reading, and so long.\nBenni\n10. September 2017", ("Benni",)),
        (LEAD + "Thanks for reading.\nAnn Lee\nMarch 5, 2024", ("Ann Lee",)),
        # not a signature
        (LEAD + "Thanks for reading.\nBerlin, 10 September 2017", ()),  # a place and a date on one line
        (LEAD + "Thanks for reading.\nShare\n10 September 2017", ()),  # a button
        (LEAD + "The council meets again on\n10 September 2017", ()),
        (LEAD + "Thanks for reading.\nAnn Lee", ()),  # no date after the name
        (LEAD + "Thanks for reading.\nBenni\nlast week", ()),
        ("Ann Lee\n10 September 2017", ()),  # nothing before: not an article's end
    ],
)
def test_bylines_signed_off(text: str, people: tuple[str, ...]) -> None:
    from newsdesk.sources.bylines import signed_off

    assert signed_off(text) == people
