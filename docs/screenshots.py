"""Take the README's screenshots: the example articles in a fresh desk, served, shot in headless Chromium.

    .venv/bin/python docs/screenshots.py            # writes docs/story-page.png and docs/article-page.png

Needs Debian's chromium (/usr/bin/chromium), as the browser tests do.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdesk import ingest, open_store  # noqa: E402
from tests.web.browser import chromium, running_server  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-shots-"))
    desk = folder / "desk.db"
    store = open_store(desk)
    ids: list[str] = []
    os.chdir(ROOT)  # sources read "examples/…", as after `newsdesk ingest examples/`
    ingest(["examples/"], store, on_item=lambda item, _: ids.append(item.id) if hasattr(item, "id") else None)
    links = list(store.story_links(article_ids=ids))  # the ingest placed them in stories
    story = max({link.story_id for link in links}, key=lambda s: sum(link.story_id == s for link in links))
    members = list(store.articles([link.article_id for link in links if link.story_id == story]))
    lead = max(members, key=lambda a: (len(a.quotes), a.published or ""))
    store.close()
    with running_server(desk, folder / "uploads") as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 2200}, device_scale_factor=1)
        page.goto(f"{url}/stories/{story}")
        page.wait_for_timeout(500)
        page.screenshot(path=str(ROOT / "docs" / "story-page.png"))
        quote = next(q for q in lead.quotes if q.kind == "direct")
        page.set_viewport_size({"width": 1280, "height": 1100})
        page.goto(f"{url}/articles/{lead.id}?hl={quote.start}-{quote.end}")
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / "article-page.png"))
    print("wrote docs/story-page.png and docs/article-page.png")


if __name__ == "__main__":
    main()
