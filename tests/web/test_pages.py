"""The HTML pages: what they show, their links, and that article strings are inert."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from .desk import HOSTILE_NAME, coast, harbour, hostile


class Tags(HTMLParser):
    """Every element and attribute of a page, as the browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


OUR_SCRIPTS = {"/static/app.js", "/static/story.js", "/static/vendor/chartjs/chart.umd.min.js"}


def assert_inert(html: str) -> None:
    """No script, handler, frame or javascript: link that the app did not write itself."""
    tags = parse(html)
    for tag, attrs in tags.elements:
        assert tag not in ("iframe", "img", "object", "embed", "b", "i"), (tag, attrs)
        assert tag != "svg" or attrs.get("class") == "graph", (tag, attrs)
        if tag == "script":
            assert attrs.get("src") in OUR_SCRIPTS or attrs.get("type") == "application/json", attrs
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action"):
                assert value is not None
                assert value.startswith(("/", "#", "https://", "http://", "data:,")), (tag, name, value)


def test_pages_home_lists_the_stories(client: TestClient) -> None:
    html = client.get("/").text
    assert f'<a class="story-link" href="/stories/{harbour().id}">{harbour().title}</a>' in html
    assert "2031-05-12 – 2031-05-13" in html and "Coast Wire, Harbour Times" in html


def test_pages_story_shows_its_parts(client: TestClient) -> None:
    h = harbour()
    html = client.get(f"/stories/{h.id}").text
    for section in ("timeline", "quotes", "figures", "coverage", "graph", "articles"):
        assert f'<section id="{section}">' in html
    assert '<canvas id="timeline-chart"' in html and '<script src="/static/vendor/chartjs/chart.umd.min.js">' in html
    assert 'class="flag"' in html  # 4,000 vs 3,500 passengers
    assert html.count("<circle ") >= 3
    q = h.quotes[1]
    assert f'href="/articles/{h.id}?hl={q.start}-{q.end}#hl"' in html
    assert client.get("/static/vendor/chartjs/chart.umd.min.js").status_code == 200


def test_pages_story_unknown(client: TestClient) -> None:
    response = client.get("/stories/0000000000000000", headers={"accept": "text/html"})
    assert response.status_code == 404 and "no story" in response.text


def test_pages_articles_list(client: TestClient) -> None:
    html = client.get("/articles").text
    for a in (harbour(), coast()):
        assert f'href="/articles/{a.id}"' in html
        assert a.title is not None and a.title in html
    assert "3 articles in the desk" in html


def test_pages_articles_by_outlet(client: TestClient) -> None:
    html = client.get("/articles", params={"outlet": "Coast Wire"}).text
    assert coast().id in html and harbour().id not in html


def test_pages_article_marks_entities_quotes_figures_and_dates(client: TestClient) -> None:
    a = harbour()
    html = client.get(f"/articles/{a.id}").text
    assert (
        '<a href="/entities/Lena%20Okafor" class="ent ent-PERSON" title="Lena Okafor (PERSON)">Lena Okafor</a>' in html
    )
    assert 'class="quote sp-0" title="Lena Okafor (said)">We have put ' in html
    assert 'class="quote sp-1" title="Piet Varga (said)">Six percent is an insult,</span>' in html
    assert 'amt" title="Valmora Port Authority (said) · 2,000,000 EUR">€2 million</span>' in html  # in reported speech
    assert 'class="quote reported sp-2" title="Valmora Port Authority (said)">The strike will cost the port ' in html
    assert 'class="date" title="2031-05-12">Monday</span>' in html
    assert '<span class="anchor" id="q1"></span>' in html
    assert "Share on Facebook" in html and "social prompt" in html  # the debris, inside <details>
    assert 'href="https://harbour-times.invalid/ferry-strike"' in html
    text = "".join(parse(html.split('<div class="text" id="text">', 1)[1].split("</div>", 1)[0]).text)
    assert text == a.text  # the marked-up text is the article's text, exactly


@pytest.mark.parametrize(("hl", "marked"), [("0-11", "Ferry crews"), ("5-3", None), ("0-99999", None), ("x", None)])
def test_pages_article_highlights_a_cited_span(client: TestClient, hl: str, marked: str | None) -> None:
    html = client.get(f"/articles/{harbour().id}", params={"hl": hl}).text
    if marked is None:
        assert 'id="hl"' not in html
    else:
        assert f'<span class="anchor" id="hl"></span><span class="cite">{marked}</span>' in html


def test_pages_article_unknown_is_an_error_page(client: TestClient) -> None:
    response = client.get("/articles/0000000000000000", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert "no article &#39;0000000000000000&#39;" in response.text and "<h1>404</h1>" in response.text


def test_pages_entity_lists_quotes_by_outlet(client: TestClient) -> None:
    html = client.get("/entities/Lena Okafor").text
    assert "We have put 6% on the table," in html and "The door is open." in html
    c = coast()
    q = c.quotes[1]
    assert f'href="/articles/{c.id}?hl={q.start}-{q.end}#hl"' in html


def test_pages_search(client: TestClient) -> None:
    html = client.get("/search", params={"q": "insult"}).text
    assert html.count('class="hit hit-quote"') == 2
    assert "Six percent is an insult," in html
    empty = client.get("/search", params={"q": "zebra"}).text
    assert "Nothing matches <q>zebra</q>" in empty
    assert "Nothing matches" not in client.get("/search").text


def test_pages_upload_form_and_job_page(client: TestClient) -> None:
    assert 'enctype="multipart/form-data"' in client.get("/upload").text
    response = client.post(
        "/upload",
        data={"text": "Korvik trams stopped on Friday, the city said.", "outlet": "Korvik Post"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/jobs/")
    assert client.app.state.jobs.wait(timeout=120)  # type: ignore[attr-defined]
    html = client.get(response.headers["location"]).text
    assert "state-done" in html and "1 article read: 1 stored" in html


HOSTILE_PAGES = [
    "/",
    f"/stories/{hostile().id}",
    "/articles",
    f"/articles/{hostile().id}",
    f"/articles/{hostile().id}?hl=0-20",
    "/entities/" + quote(HOSTILE_NAME, safe=""),
    "/search?q=pwned",
    "/search?q=mallory",
    "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
    "/articles?outlet=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
]


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_pages_hostile_strings_are_inert(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert_inert(response.text)


def test_pages_hostile_article_shows_its_strings_as_text(client: TestClient) -> None:
    html = client.get(f"/articles/{hostile().id}").text
    shown = "".join(parse(html).text)
    assert "<script>window.__pwned = 1; alert('script')</script>" in shown
    assert "javascript:window.__pwned=13" in shown  # the URL is shown, not linked
    assert "(not a web address)" in html
    assert '<img src=x onerror="window.__pwned=15">' in shown


def test_pages_story_timeline_filtered_by_category(client: TestClient) -> None:
    h = harbour()
    html = client.get(f"/stories/{h.id}").text
    assert "Ferry crews walked out" in html and "Piet Varga rejected the offer" in html
    assert '<a href="?category=reject">reject</a>' in html and "<b>all</b>" in html
    only = client.get(f"/stories/{h.id}", params={"category": "reject"}).text
    shown = only[only.index('<section id="timeline">') : only.index('<section id="quotes">')]
    assert "Piet Varga rejected the offer" in shown and "Ferry crews walked out" not in shown
    assert '<a href="?">all</a>' in shown and "<b>reject</b>" in shown
