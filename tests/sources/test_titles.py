from __future__ import annotations

import pytest

from newsdesk.sources.html import article_from_html
from newsdesk.sources.titles import choose_title, cut_site_name, site_keys

HEAD = "Ferry fares to rise"
BODY = "".join(
    f"<p>{s}</p>"
    for s in [
        "Ferry fares between the islands will rise by five per cent in May, the operator said on Monday, blaming"
        " the cost of fuel and of the new safety rules that came in last year.",
        "The operator carries about two million passengers a year and said a weekly pass for islanders would"
        " keep its price until the end of the summer.",
        "Passenger groups said the rise was the third in two years and called on the ministry to step in before"
        " the busy season starts in June.",
    ]
)


@pytest.mark.parametrize(
    ("title", "names", "url", "expected"),
    [
        (f"{HEAD} | Harbour Gazette", ["Harbour Gazette"], None, HEAD),
        (f"Harbour Gazette - {HEAD}", ["Harbour Gazette"], None, HEAD),
        (f"{HEAD} | News | Harbour Gazette", ["Harbour Gazette"], None, f"{HEAD} | News"),  # a section stays
        (f"{HEAD} - WXYZ 7News | Island News, Weather, Sports", [], "https://www.wxyz.com/news/fares", HEAD),
        (f"My Island Magazine: {HEAD}", [], "https://myislandmagazine.com/fares", HEAD),
        (f"{HEAD} | Harbour Gazette", ["harbourgazette.com"], None, HEAD),  # a site named by its host
        (f"Yahoo News - {HEAD} - Harbour edition", ["Yahoo News"], None, f"{HEAD} - Harbour edition"),
        # headline words are never cut for their shape
        ("Bank robbed in broad daylight -- STOLEN!!!", ["Harbour Gazette"], None,
         "Bank robbed in broad daylight -- STOLEN!!!"),
        (f"Yahoo News - {HEAD} | Small Town", [], None, f"Yahoo News - {HEAD} | Small Town"),
        (f"{HEAD}: what it means for you", ["Harbour Gazette"], None, f"{HEAD}: what it means for you"),
        (f"{HEAD} | Harbour Gazette", [], None, f"{HEAD} | Harbour Gazette"),  # no evidence of the site
        ("Harbour Gazette", ["Harbour Gazette"], None, "Harbour Gazette"),  # nothing left: kept whole
    ],
)  # fmt: skip
def test_titles_cut_site_name(title: str, names: list[str], url: str | None, expected: str) -> None:
    assert cut_site_name(title, site_keys(names, url)) == expected


@pytest.mark.parametrize(
    ("meta_title", "h1s", "stated", "expected"),
    [
        (f"{HEAD} | Harbour Gazette", [(HEAD,)], True, HEAD),
        (f"{HEAD} - Harbour Gazette", [(f"{HEAD} - Harbour Gazette",)], False, HEAD),  # the h1 names the site too
        # the page's edited headline, agreeing with its metadata title
        ("Ferry fares rise as fuel costs climb", [("Ferry fares to rise by 5% as fuel costs climb",)], True,
         "Ferry fares to rise by 5% as fuel costs climb"),
        # an h1 with a section label or a subtitle beside the headline
        (HEAD, [("Local News", HEAD)], True, HEAD),
        (HEAD, [(HEAD, "What the new prices mean for islanders")], True, HEAD),
        # an h1 that is a logo, a menu or another story's
        (HEAD, [("Harbour Gazette",)], True, HEAD),
        (HEAD, [("Weather",), ("Sport",)], True, HEAD),
        # no metadata title: a single h1 wins over a <title> that disagrees with it
        ("Home", [(HEAD,)], False, HEAD),
        ("Home", [(HEAD,)], True, "Home"),
        (None, [(HEAD,)], True, HEAD),
        (None, [], True, None),
    ],
)  # fmt: skip
def test_titles_choose_title(
    meta_title: str | None, h1s: list[tuple[str, ...]], stated: bool, expected: str | None
) -> None:
    assert choose_title(meta_title, h1s, site_keys(["Harbour Gazette"], None), stated=stated) == expected


@pytest.mark.parametrize(
    ("head", "h1", "expected"),
    [
        (f'<meta property="og:title" content="{HEAD} | Harbour Gazette">'
         '<meta property="og:site_name" content="Harbour Gazette">', f"<h1>{HEAD}</h1>", HEAD),
        (f'<meta property="og:title" content="{HEAD}">', f"<h1><span>{HEAD}</span> <small>In May</small></h1>", HEAD),
        (f"<title>{HEAD} -- STOLEN!!!</title>", "", f"{HEAD} -- STOLEN!!!"),
    ],
)  # fmt: skip
def test_titles_reader_title(head: str, h1: str, expected: str) -> None:
    html = f"<html><head>{head}</head><body><article>{h1}{BODY}</article></body></html>"
    assert article_from_html("page.html", html).title == expected
