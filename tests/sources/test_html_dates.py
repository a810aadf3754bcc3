from __future__ import annotations

import json

import pytest

from newsdesk.sources.html import article_from_html
from newsdesk.sources.html_dates import iso_timestamp, labelled_date, page_date, shown_date

BODY = "".join(
    f"<p>{s}</p>"
    for s in [
        "The island's last sardine cannery closed its doors on Friday after a hundred and twelve years of work,"
        " leaving sixty people without a job just before the winter season begins in earnest.",
        "The owners said the price of fish had doubled in five years while the price of a tin had not moved at all,"
        " and that no buyer had come forward during the eighteen months the plant was up for sale.",
        "The mayor promised to find the workers places at the new fish market, which opens on the old quay next"
        " spring, and to keep the cannery's brick hall as a museum of the town's fishing past.",
    ]
)


def _page(head: str = "", header: str = "", aside: str = "") -> str:
    return (
        f"<html><head><title>Last cannery closes</title>{head}</head><body>"
        f"<article><h1>Last cannery closes</h1>{header}{BODY}</article>{aside}</body></html>"
    )


def _tree(html: str) -> object:
    from trafilatura.utils import load_html

    return load_html(html)


def _ld(**fields: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00"),
        ("2024-03-05T10:00:00.000Z", "2024-03-05T10:00:00+00:00"),
        ("2024-03-05T22:40:12+01:00", "2024-03-05T22:40:12+01:00"),
        ("2024-03-05 08:15", "2024-03-05T08:15:00"),
        ("2024-03-05T00:00:00Z", None),  # a date written as a timestamp
        ("2024-03-05", None),
        ("March 5, 2024 10:00", None),
        ("2024-13-05T10:00:00Z", None),
        ("", None),
    ],
)
def test_html_dates_iso_timestamp(value: str, expected: str | None) -> None:
    assert iso_timestamp(value) == expected


@pytest.mark.parametrize(
    ("html", "found", "expected"),
    [
        # the published timestamp on htmldate's day: kept with its time and zone
        (_page('<meta property="article:published_time" content="2024-03-05T10:20:00+01:00">'), "2024-03-05",
         "2024-03-05T10:20:00+01:00"),
        # htmldate's day is the page's last modification: the earlier published date wins
        (_page(_ld(datePublished="2024-03-05T10:20:00Z", dateModified="2024-03-09T16:00:00Z")), "2024-03-09",
         "2024-03-05T10:20:00+00:00"),
        # a modified date that is not htmldate's day changes nothing
        (_page(_ld(datePublished="2024-03-05T10:20:00Z", dateModified="2024-03-09T16:00:00Z")), "2024-03-05",
         "2024-03-05T10:20:00+00:00"),
        # a UTC timestamp on another day than the page's own date is not forced on it
        (_page('<meta property="article:published_time" content="2024-03-06T02:25:00Z">'), "2024-03-05", "2024-03-05"),
        # a visible, labelled publication date beats a date from a related link
        (_page(header='<p class="date">Written: 2024-03-05 15:03</p>',
               aside='<aside><p>Published: 2024-03-01</p></aside>'), "2024-03-01", "2024-03-05"),
        # no date from htmldate: the page's structured date
        (_page(_ld(datePublished="2024-03-05")), None, "2024-03-05"),
        (_page(), None, None),
        (_page(), "2024-03-05", "2024-03-05"),
    ],
)  # fmt: skip
def test_html_dates_page_date(html: str, found: str | None, expected: str | None) -> None:
    assert page_date(_tree(html), found) == expected


@pytest.mark.parametrize(
    ("header", "aside", "expected"),
    [
        ('<p class="date">Published Nov 8, 2023</p>', "", "2023-11-08"),
        ("<div>Posted on 8 November 2023 by Ann Lee</div>", "", "2023-11-08"),
        ('<span class="meta">Published: 10:00am, 20 Jan, 2020</span>', "", "2020-01-20"),
        # labels of something else, or in related links, lists, comments
        ('<p class="date">Updated Nov 9, 2023</p>', "", None),
        ("", '<ul><li>Published Nov 1, 2023</li></ul>', None),
        ("", '<div class="comments"><p>Posted on Nov 2, 2023</p></div>', None),
        ("", '<a href="/older">Published Nov 3, 2023</a>', None),
        ('<p>Published weekly since the war.</p>', "", None),
    ],
)  # fmt: skip
def test_html_dates_labelled_date(header: str, aside: str, expected: str | None) -> None:
    assert labelled_date(_tree(_page(header=header, aside=aside))) == expected


def test_html_dates_reader_keeps_time_and_zone() -> None:
    head = _ld(datePublished="2024-03-05T10:20:00+01:00", dateModified="2024-03-07T09:00:00+01:00")
    article = article_from_html("page.html", _page(head))
    assert article.published == "2024-03-05T10:20:00+01:00"


@pytest.mark.parametrize(
    "stamp",
    [
        "2024-03-05T23:30:00-05:00",  # late evening west of Greenwich: the 6th in UTC, the 5th on the page
        "2024-03-06T02:30:00+09:00",  # early morning east of it: the 5th in UTC, the 6th on the page
        "2024-03-05T23:30:00+00:00",
    ],
)
def test_html_dates_reader_keeps_the_pages_own_day(stamp: str) -> None:
    article = article_from_html("page.html", _page(f'<meta property="article:published_time" content="{stamp}">'))
    assert article.published == stamp  # never moved to another day by a conversion to UTC


# A refreshed article: first published in 2016, re-dated when it was rewritten in 2019.
_REFRESHED = _ld(datePublished="2016-08-29T21:54:39Z", dateModified="2019-05-06T09:00:00Z")
_FIRST = "2016-08-29T21:54:39+00:00"


@pytest.mark.parametrize(
    ("head", "header", "aside", "expected"),
    [
        # the page shows its readers only the "Updated" day: that day, with its timestamp
        (_REFRESHED, '<p class="timestamp">Updated May 06, 2019</p>', "", "2019-05-06T09:00:00+00:00"),
        (_REFRESHED, "<div><span>Last updated</span> <b>6 May 2019</b></div>", "", "2019-05-06T09:00:00+00:00"),
        # a label, then a time and zones, then the day; no timestamp of the page on that day
        (_ld(datePublished="2016-08-29T21:54:39Z"), "<p>Updated 2010 GMT (0410 HKT) May 6, 2019</p>", "",
         "2019-05-06"),
        # no label, but one of the page's own days, where the published day is shown nowhere
        (_REFRESHED, '<span class="date">Monday, 6 May 2019</span>', "", "2019-05-06T09:00:00+00:00"),
        # the page shows both days: the first publication stands
        (_REFRESHED, "<p>Published August 29, 2016</p><p>Updated May 06, 2019</p>", "", _FIRST),
        (_REFRESHED, "<p>Posted 29/08/2016 · Updated 06/05/2019</p>", "", _FIRST),
        (_REFRESHED, '<time datetime="2016-08-29T21:54:39Z">4 years ago</time> <p>Updated May 06, 2019</p>', "",
         _FIRST),
        # the "Updated" day of something else: related stories, an aside, comments
        (_REFRESHED, "", "<aside><p>Updated May 06, 2019</p></aside>", _FIRST),
        (_REFRESHED, "", '<div class="related-posts"><p>Updated May 06, 2019</p></div>', _FIRST),
        (_REFRESHED, "", '<div id="comments"><p>Updated May 06, 2019</p></div>', _FIRST),
        # two updated days, a day that is not the page's own, a date in the prose, none at all
        (_REFRESHED, "<p>Updated May 06, 2019</p><p>Updated June 1, 2019</p>", "", _FIRST),
        (_REFRESHED, "<p>The hall reopens on 20 January 2020</p>", "", _FIRST),
        (_REFRESHED, "<p>Updated May 06, 2019, when the town council finally agreed to keep the old brick"
         " hall of the cannery as a museum.</p>", "", _FIRST),
        (_REFRESHED, "", "", _FIRST),
    ],
)  # fmt: skip
def test_html_dates_page_date_as_the_page_shows_it(head: str, header: str, aside: str, expected: str) -> None:
    assert page_date(_tree(_page(head, header, aside)), "2016-08-29") == expected


@pytest.mark.parametrize(
    ("header", "own", "expected"),
    [
        ("<p>Updated 25/06/2019</p>", (), "2019-06-25"),
        ("<p>Updated 2019/06/25</p>", (), "2019-06-25"),
        ("<p>Modified: 25th June 2019</p>", (), "2019-06-25"),
        ("<p>Last updated on Jun. 25, 2019 at 9:40</p>", (), "2019-06-25"),
        ("<p>25 June 2019</p>", ("2019-06-25",), "2019-06-25"),
        # day and month either way round: the page's locale would decide, so no day is sure
        ("<p>Updated 05/06/2019</p>", (), None),
        # no label and not the page's own day; no such day; hidden; in the page's footer
        ("<p>25 June 2019</p>", (), None),
        ("<p>Updated June 31, 2019</p>", (), None),
        ("<script>var shown = 'Updated June 25, 2019';</script>", (), None),
        ("<footer><p>Updated June 25, 2019</p></footer>", (), None),
        # the given day is shown too, on the same line or without its year
        ("<p>Published 14 January 2019. Updated June 25, 2019</p>", (), None),
        ("<p>Jan 14 (updated June 25, 2019)</p>", (), None),
    ],
)  # fmt: skip
def test_html_dates_shown_date(header: str, own: tuple[str, ...], expected: str | None) -> None:
    assert shown_date(_tree(_page(header=header)), "2019-01-14", set(own), []) == expected


def test_html_dates_reader_takes_the_day_a_refreshed_page_shows() -> None:
    article = article_from_html("page.html", _page(_REFRESHED, '<p class="timestamp">Updated May 06, 2019</p>'))
    assert article.published == "2019-05-06T09:00:00+00:00"
