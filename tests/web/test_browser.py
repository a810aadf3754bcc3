"""The web app in a real browser: headless Chromium against the real server (see ``browser.py``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from newsdesk import SQLiteStore

from .browser import CHROMIUM, chromium, running_server
from .desk import HOSTILE_NAME, REPORTED, coast, fill, harbour, hostile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("NEWSDESK_REQUIRE_BROWSER"),
        reason="needs Debian's chromium (.ci/run installs it, and sets NEWSDESK_REQUIRE_BROWSER: CI never skips)",
    ),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    fill(SQLiteStore(folder / "desk.db")).close()
    with running_server(folder / "desk.db", folder / "uploads") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


class Watched:
    """A page whose script errors, dialogs and off-site requests are recorded."""

    def __init__(self, page: Any, base_url: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.offsite: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

        def route(r: Any) -> None:
            if r.request.url.startswith(base_url) or r.request.url.startswith("data:"):
                r.continue_()
            else:
                self.offsite.append(r.request.url)
                r.abort()

        page.route("**/*", route)

    def clean(self) -> None:
        assert self.errors == [] and self.dialogs == [] and self.offsite == []


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), base_url)
    yield watched
    context.close()


def test_browser_stories_page_opens_a_story(page: Watched) -> None:
    p = page.page
    p.goto("/")
    assert p.locator("table.stories tbody tr").count() == 2
    p.get_by_role("link", name=harbour().title).click()
    p.wait_for_url(f"**/stories/{harbour().id}")
    assert p.locator("h1").inner_text() == harbour().title
    assert "2 articles from 2 outlets (Coast Wire, Harbour Times)" in p.locator("main").inner_text()
    p.locator("#timeline-chart").wait_for()
    assert p.evaluate("Chart.getChart('timeline-chart').data.datasets.length") >= 2  # the plot was drawn
    figure = p.locator("table.figures tr.disagree")
    assert figure.count() == 1 and "outlets disagree" in figure.inner_text().lower()  # 4,000 vs 3,500 passengers
    assert p.locator("svg.graph circle").count() >= 3
    page.clean()


def test_browser_readme_recipe_ingest_then_serve_shows_stories(browser: Any, tmp_path: Path) -> None:
    """`newsdesk ingest examples/ && newsdesk serve`: the stories are there without a second command."""
    from click.testing import CliRunner

    from newsdesk.cli import main

    from ..conftest import EXAMPLES

    ingested = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "desk.db")])
    assert ingested.exit_code == 0, ingested.output
    with running_server(tmp_path / "desk.db", tmp_path / "uploads") as url:
        context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 900})
        watched = Watched(context.new_page(), url)
        p = watched.page
        p.goto("/")
        rows = p.locator("table.stories tbody tr")
        assert rows.count() == 2 and "No stories yet" not in p.locator("main").inner_text()
        assert "Rail strike halts Portugal's trains" in rows.first.inner_text()
        rows.first.get_by_role("link").first.click()
        p.wait_for_url("**/stories/*")
        assert "4 articles from 4 outlets" in p.locator("main").inner_text()
        watched.clean()
        context.close()


def test_browser_story_citation_leads_to_the_highlighted_sentence(page: Watched) -> None:
    p = page.page
    p.goto(f"/stories/{harbour().id}")
    c = coast()
    block = p.locator(".speaker-block", has_text="Lena Okafor")
    block.get_by_role("link", name="Coast Wire").click()
    p.wait_for_url(f"**/articles/{c.id}?hl=*#hl")
    assert p.locator("#text .cite").inner_text() == "The door is open."
    assert p.evaluate("document.querySelector('#text .cite').getBoundingClientRect().top") < 900
    page.clean()


def test_browser_brief_citation_leads_to_its_sentence(page: Watched) -> None:
    p = page.page
    p.goto(f"/stories/{harbour().id}")
    line = p.locator("ol.brief li").first
    said = " ".join(line.locator(".brief-text").inner_text().split())
    line.locator("a.cite-link").first.click()
    p.wait_for_url("**/articles/*?hl=*#hl")
    assert " ".join("".join(p.locator("#text .cite").all_inner_texts()).split()) == said
    page.clean()


def test_browser_articles_page_opens_an_article(page: Watched) -> None:
    p = page.page
    p.goto("/articles")
    assert p.locator("table.rows tbody tr").count() == 3
    p.get_by_role("link", name=harbour().title).click()
    p.wait_for_url(f"**/articles/{harbour().id}")
    assert p.locator("h1").inner_text() == harbour().title
    assert p.locator("#text a.ent-PERSON").first.inner_text() == "Lena Okafor"
    p.get_by_text("2 pieces of scraping debris").click()  # the removed debris, on request
    assert p.get_by_text("Share on Facebook").is_visible()
    page.clean()


def _no_marks(text: str) -> None:
    assert REPORTED in text
    assert not any(mark in text for mark in '“”"«»'), text  # reported speech is never put in quotation marks


def test_browser_reported_speech_is_never_in_quotation_marks(page: Watched) -> None:
    """Reported speech reads as what it is, on the article, story and entity pages alike."""
    p = page.page
    p.goto(f"/articles/{harbour().id}")
    marked = p.locator("#text .quote.reported")  # one span, cut where a figure inside it is marked
    _no_marks("".join(marked.all_inner_texts()))
    before = p.evaluate("getComputedStyle(document.querySelector('#text .quote.reported'), '::before').content")
    assert before in ("none", "normal", "")  # no mark drawn by the style sheet either
    p.goto(f"/stories/{harbour().id}")
    (item,) = [li for li in p.locator("#quotes li").all() if REPORTED in li.inner_text()]
    assert item.locator("blockquote").count() == 0
    _no_marks(item.locator("p.reported").inner_text())
    p.goto("/entities/" + quote("Valmora Port Authority"))
    entry = p.locator("ul.quotes li").first
    assert entry.locator("blockquote").count() == 0
    _no_marks(entry.locator("p.reported").inner_text())
    assert entry.locator("p.reported .cue").inner_text() == "said"
    entry.get_by_role("link", name="Harbour Times, 2031-05-12").click()  # it links to its sentence
    p.wait_for_url(f"**/articles/{harbour().id}?hl=*#hl")
    assert "".join(p.locator("#text .cite").all_inner_texts()) == REPORTED
    page.clean()


def test_browser_citation_leads_to_the_highlighted_sentence(page: Watched) -> None:
    p = page.page
    p.goto("/entities/" + quote("Lena Okafor"))
    c = coast()
    p.locator(f'a[href^="/articles/{c.id}?hl="]').first.click()
    p.wait_for_url(f"**/articles/{c.id}?hl=*#hl")
    cited = p.locator("#text .cite")
    assert cited.inner_text() == "The door is open."
    assert cited.is_visible()
    assert p.evaluate("document.querySelector('#text .cite').getBoundingClientRect().top") < 900
    page.clean()


def test_browser_search_finds_a_quote_and_opens_it(page: Watched) -> None:
    p = page.page
    p.goto("/")
    box = p.get_by_role("searchbox", name="Search")
    box.fill("insult")
    box.press("Enter")
    p.wait_for_url("**/search?q=insult*")
    hits = p.locator("li.hit-quote")
    assert hits.count() == 2
    hits.first.locator("a.hit-link").click()
    p.wait_for_url("**/articles/*?hl=*")
    assert p.locator("#text .cite").inner_text() == "Six percent is an insult,"
    page.clean()


def test_browser_upload_shows_progress_and_the_new_article(page: Watched) -> None:
    p = page.page
    p.goto("/upload")
    p.get_by_label("Outlet").fill("Korvik Post")
    p.get_by_label("Title").fill("Korvik trams stop for a day")
    p.get_by_label("Article text").fill(
        "Tram drivers in the fictional city of Korvik stopped work on Friday.\n\n"
        'Transport chief Anna Lind said: "We will meet the union next week."'
    )
    p.get_by_role("button", name="Ingest").click()
    p.wait_for_url("**/jobs/*")
    p.locator("#job-state", has_text="done").wait_for(timeout=120_000)  # updated by polling, no reload
    assert "1 article read: 1 stored" in p.locator("#job-counts").inner_text()
    p.locator("#job-articles a").first.click()
    assert p.locator("h1").inner_text() == "Korvik trams stop for a day"
    assert p.locator("#text a.ent-PERSON", has_text="Anna Lind").count() == 1
    page.clean()


HOSTILE_PATHS = [
    "/",
    f"/stories/{hostile().id}",
    "/threads",
    f"/threads/{hostile().id}",
    f"/articles/{hostile().id}",
    f"/articles/{hostile().id}?hl=0-40",
    "/entities/" + quote(HOSTILE_NAME, safe=""),
    "/search?q=pwned",
    "/search?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_browser_hostile_article_runs_no_script(page: Watched, path: str) -> None:
    p = page.page
    p.goto(path)
    for link in p.locator("#text a, #text span:not(.anchor), main a, svg.graph circle").all()[:30]:
        link.hover()  # an injected onmouseover would fire here
    p.wait_for_timeout(200)
    assert p.evaluate("typeof window.__pwned") == "undefined"
    assert p.locator("#text script, #text img, #text svg, #text iframe").count() == 0
    page.clean()


def test_browser_hostile_upload_runs_no_script(page: Watched, tmp_path: Path) -> None:
    hostile_html = tmp_path / "hostile.html"
    hostile_html.write_text(
        "<html><head><title>Harmless <script>window.__pwned=20</script></title></head><body><article>"
        "<h1>Port news</h1><p>Harbour pilots in the fictional town of Brask met on Tuesday to discuss pay.</p>"
        "<p>The pilots said the talks went well &lt;script&gt;window.__pwned=21&lt;/script&gt; and would go on.</p>"
        '<p><img src=x onerror="window.__pwned=22"><a href="javascript:window.__pwned=23">more</a></p>'
        "<script>window.__pwned=24</script></article></body></html>"
    )
    p = page.page
    p.goto("/upload")
    p.get_by_label("Files").set_input_files(str(hostile_html))
    p.get_by_role("button", name="Ingest").click()
    p.locator("#job-state", has_text="done").wait_for(timeout=120_000)
    p.locator("#job-articles a").first.click()
    assert "<script>window.__pwned=21</script>" in p.locator("#text").inner_text()
    assert p.evaluate("typeof window.__pwned") == "undefined"
    page.clean()


def test_browser_docs_work_offline(page: Watched) -> None:
    p = page.page
    p.goto("/docs")
    p.locator(".opblock-summary-path", has_text="/api/search").first.wait_for(timeout=30_000)
    assert p.locator(".opblock").count() >= 8
    page.clean()


def test_browser_thread_page_shows_a_storyline_and_what_changed(browser: Any, tmp_path: Path, pipeline: Any) -> None:
    """A dam burst, the inquiry, the chief's resignation: one thread of three stories, as a timeline."""
    from newsdesk import StoryLink, ThreadLink, read

    from ..stories.conftest import THREADS

    names = ("sallow-dam-burst", "sallow-dam-inquiry", "sallow-dam-resignation")
    store = SQLiteStore(tmp_path / "desk.db")
    articles = {Path(a.source).stem: a for a in pipeline.pipe(read([THREADS / f"{n}.txt" for n in names]))}
    for a in articles.values():
        store.put(a)
    store.put_story_links([StoryLink(a.id, a.id) for a in articles.values()])  # three stories
    first = articles["sallow-dam-burst"].id
    store.put_thread_links([ThreadLink(a.id, first) for a in articles.values()])
    store.close()
    with running_server(tmp_path / "desk.db", tmp_path / "uploads") as url:
        context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 900})
        watched = Watched(context.new_page(), url)
        p = watched.page
        p.goto("/threads")
        rows = p.locator("table.threads tbody tr")
        assert rows.count() == 1 and "3" in rows.first.inner_text()
        rows.first.get_by_role("link").click()
        p.wait_for_url(f"**/threads/{first}")
        stories = p.locator("li.thread-story")
        assert stories.count() == 3
        assert "Marrow Creek" in stories.nth(0).locator("h2").inner_text()  # oldest first
        assert "Anton Reeve" in stories.nth(1).locator("dl.changes").inner_text()  # a new speaker
        assert "37 → 41" in stories.nth(2).locator("dl.changes").inner_text()  # the toll moved
        stories.nth(1).locator("a.cite-link").first.click()  # a brief sentence leads to its article
        p.wait_for_url("**/articles/*?hl=*#hl")
        watched.clean()
        context.close()
