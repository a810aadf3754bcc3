"""Listings that cost a page, not the desk: story summaries, kept briefs, an entity's articles, the search window.

Run against every backend (the ``store`` fixture); the SQLite cases also read
the query plans, to show each listing is a range of an index (nothing sorted).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk import Article, Entity, MemoryStore, Quote, SQLiteStore, Store, StoryLink, article_id
from newsdesk.model import PersonLink
from newsdesk.store import search as search_module
from newsdesk.store import sqlite as sqlite_store
from newsdesk.store.base import StorySummary

BEFORE = [name for name, _ in sqlite_store.MIGRATIONS].index(
    "stories listed from a kept summary table; briefs kept until their story changes"
)
"""How many migrations a desk made before the story summaries and the entity listing had."""


def report(
    n: int,
    published: str | None,
    outlet: str | None = "Herald",
    *,
    title: str | None = None,
    names: tuple[str, ...] = (),
    speaker: str | None = None,
) -> Article:
    text = f"Report {n} on the harbour strike."
    return Article(
        id=article_id(text),
        source=f"{n}.txt",
        text=text,
        outlet=outlet,
        title=title,
        published=published,
        entities=tuple(Entity(name, "PERSON", ((0, 6),)) for name in names),
        quotes=(Quote("on the harbour", 9, 23, "direct", speaker),) if speaker else (),
    )


def put_all(store: Store, *articles: Article) -> list[str]:
    for a in articles:
        store.put(a)
    return [a.id for a in articles]


@pytest.fixture
def desk(store: Store) -> tuple[Store, dict[str, str]]:
    """Three stories: a strike (an original, a copy dated earlier, an untitled report), a later one, an undated one."""
    first = report(1, "2024-03-05", "Herald", title="First")
    copy = report(2, "2024-03-04", "Wire", title="Copy")
    untitled = report(3, "2024-03-06", "Gazette")
    later = report(4, "2024-03-10", "Wire", title="Later")
    undated = report(5, None, None)
    put_all(store, first, copy, untitled, later, undated)
    store.put_story_links(
        [
            StoryLink(first.id, first.id),
            StoryLink(copy.id, first.id, first.id),
            StoryLink(untitled.id, first.id),
            StoryLink(later.id, later.id),
            StoryLink(undated.id, undated.id),
        ]
    )
    ids = {"first": first.id, "copy": copy.id, "untitled": untitled.id, "later": later.id, "undated": undated.id}
    return store, ids


def test_store_stories_are_summaries_newest_first(desk: tuple[Store, dict[str, str]]) -> None:
    store, ids = desk
    listed = store.stories()
    assert [s.id for s in listed] == [ids["later"], ids["first"], ids["undated"]]  # by latest date, undated last
    strike = store.story(ids["first"])
    assert strike == StorySummary(
        id=ids["first"],
        title="First",  # the earliest original leads, not the copy dated before it
        outlets=("Gazette", "Herald", "Wire"),
        n_articles=3,
        n_copies=1,
        first="2024-03-04",
        last="2024-03-06",
        version=strike.version if strike else 0,
    )
    assert store.story(ids["undated"]) == StorySummary(ids["undated"], "5.txt", (), 1, 0, None, None, 1)
    assert [s.id for s in store.stories(limit=1, offset=1)] == [ids["first"]]
    assert store.stories(offset=3) == []
    assert store.story("0" * 16) is None


def test_store_story_summary_follows_its_members(desk: tuple[Store, dict[str, str]]) -> None:
    store, ids = desk
    before = store.story(ids["first"])
    assert before is not None
    store.put_story_links([StoryLink(ids["untitled"], ids["later"])])  # moves to the later story
    strike, later = store.story(ids["first"]), store.story(ids["later"])
    assert strike is not None and later is not None
    assert (strike.n_articles, strike.outlets, strike.last) == (2, ("Herald", "Wire"), "2024-03-05")
    assert (later.n_articles, later.outlets, later.first) == (2, ("Gazette", "Wire"), "2024-03-06")
    assert strike.version > before.version
    store.put(report(1, "2024-03-05", "Herald", title="First, corrected"), replace=True)  # drops its link
    strike = store.story(ids["first"])
    assert strike is not None and (strike.title, strike.n_articles) == ("Copy", 1)  # a story of a copy only
    store.put_story_links([StoryLink(ids["copy"], ids["later"])])
    assert store.story(ids["first"]) is None  # no article left in it
    assert ids["first"] not in {s.id for s in store.stories()}


def test_store_story_brief_is_kept_until_the_story_changes(desk: tuple[Store, dict[str, str]]) -> None:
    store, ids = desk
    strike, later = store.story(ids["first"]), store.story(ids["later"])
    assert strike is not None and later is not None
    assert store.story_brief(ids["first"], "page") is None
    assert store.put_story_brief(ids["first"], strike.version, "page", '{"brief": 1}') is True
    assert store.put_story_brief(ids["later"], later.version, "page", '{"brief": 2}') is True
    assert store.story_brief(ids["first"], "page") == '{"brief": 1}'
    assert store.story_brief(ids["first"], "markdown") is None  # kept by key
    assert store.put_story_brief(ids["first"], strike.version - 1, "page", "stale") is False
    assert store.story_brief(ids["first"], "page") == '{"brief": 1}'
    store.put_story_links([StoryLink(ids["undated"], ids["first"])])  # an article joins: the brief is stale
    assert store.story_brief(ids["first"], "page") is None
    assert store.put_story_brief(ids["first"], strike.version, "page", "computed before it joined") is False
    assert store.story_brief(ids["first"], "page") is None
    assert store.story_brief(ids["later"], "page") == '{"brief": 2}'  # another story keeps its own
    now = store.story(ids["first"])
    assert now is not None and store.put_story_brief(ids["first"], now.version, "page", "fresh") is True
    assert store.story_brief(ids["first"], "page") == "fresh"
    assert store.put_story_brief("0" * 16, 1, "page", "no such story") is False


def test_store_entity_listing_is_newest_first_and_follows_replace(store: Store) -> None:
    a = report(1, "2024-03-05", "Herald", names=("Ana Ribeiro",))
    b = report(2, "2024-03-07", "Wire", names=("Rui Costa",), speaker="Ana Ribeiro")  # quotes her only
    c = report(3, None, "Herald", names=("Ana Ribeiro", "Rui Costa"))
    d = report(4, "2024-03-06", "Wire", names=("Rui Costa",))
    put_all(store, a, b, c, d)
    assert [r.id for r in store.list(entity="Ana Ribeiro")] == [b.id, a.id, c.id]
    assert [r.id for r in store.list(entity="Ana Ribeiro", limit=1, offset=1)] == [a.id]
    assert [r.id for r in store.list(entity="Ana Ribeiro", outlet="Herald")] == [a.id, c.id]
    assert [r.id for r in store.list(entity="Rui Costa")] == [b.id, d.id, c.id]
    assert [r.n_entities for r in store.list(entity="Rui Costa")] == [1, 1, 2]
    store.put(b.copy_with(quotes=(), entities=()), replace=True)
    assert [r.id for r in store.list(entity="Ana Ribeiro")] == [a.id, c.id]
    assert [r.id for r in store.list(entity="Rui Costa")] == [d.id, c.id]
    assert [r.id for r in store.list(outlet="Wire")] == [b.id, d.id]


def test_store_entity_listing_follows_person_links(store: Store) -> None:
    a = report(1, "2024-03-05", names=("Ana Ribeiro",))
    b = report(2, "2024-03-07", names=("A. Ribeiro",))  # the same person, named otherwise
    c = report(3, "2024-03-06", names=("Ana Ribeiro", "A. Ribeiro"))
    put_all(store, a, b, c)
    assert [r.id for r in store.list(entity="Ana Ribeiro")] == [c.id, a.id]
    store.put_person_links([PersonLink(b.id, "A. Ribeiro", "Ana Ribeiro", "ribeiro")])
    store.put_person_links([PersonLink(c.id, "A. Ribeiro", "Ana Ribeiro", "ribeiro")])
    assert [r.id for r in store.list(entity="Ana Ribeiro")] == [b.id, c.id, a.id]
    store.put_person_links([PersonLink(b.id, "A. Ribeiro", "Abel Ribeiro", "ribeiro")])  # linked again, elsewhere
    store.put_person_links([PersonLink(c.id, "A. Ribeiro", "Abel Ribeiro", "ribeiro")])
    assert [r.id for r in store.list(entity="Ana Ribeiro")] == [c.id, a.id]  # c still names her itself
    assert [r.id for r in store.list(entity="Abel Ribeiro")] == [b.id, c.id]
    store.put(c.copy_with(entities=()), replace=True)  # drops its person links too
    assert [r.id for r in store.list(entity="Ana Ribeiro")] == [a.id]
    assert [r.id for r in store.list(entity="Abel Ribeiro")] == [b.id]


def test_store_search_ranks_only_the_newest_matches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = put_all(store, *(report(n, "2024-03-05") for n in range(4)))
    assert {h.article_id for h in store.search("harbour")} == set(ids)
    monkeypatch.setattr(search_module, "SEARCH_WINDOW", 2)
    assert {h.article_id for h in store.search("harbour")} == set(ids[2:])
    assert {h.article_id for h in store.search("harbour", limit=1, offset=1)} <= set(ids[2:])
    quoted = report(9, "2024-03-01", speaker="Ana Ribeiro")  # stored last: its article and quote are the newest
    store.put(quoted)
    assert {(h.kind, h.article_id) for h in store.search("harbour")} == {("article", quoted.id), ("quote", quoted.id)}
    assert {h.article_id for h in store.search("harbour", kind="article")} == {ids[3], quoted.id}


# ---------------------------------------------------------------------------- SQLite: plans and migration


def _plans(store: SQLiteStore, call: object) -> list[str]:
    """The query plan of every SELECT a store call runs."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        assert callable(call)
        call()
    finally:
        store.conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            rows = store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
            plans.append(" | ".join(r[3] for r in rows))
    return plans


@pytest.mark.parametrize(
    ("call", "index"),
    [
        (lambda s: s.list(limit=20), "articles_newest"),
        (lambda s: s.list(limit=20, offset=40, outlet="Wire"), "articles_outlet_newest"),
        (lambda s: s.list(limit=20, entity="Ana Ribeiro"), "SEARCH n USING PRIMARY KEY (name=?)"),  # entity_articles
        (lambda s: s.stories(limit=20), "stories_newest"),
    ],
)
def test_store_sqlite_listing_is_an_index_range(tmp_path: Path, call: object, index: str) -> None:
    store = SQLiteStore(tmp_path / "desk.db")
    put_all(store, report(1, "2024-03-05", "Wire", names=("Ana Ribeiro",)), report(2, None, "Wire"))
    (plan,) = _plans(store, lambda: call(store))  # type: ignore[operator]
    assert index in plan
    assert "TEMP B-TREE" not in plan  # no sort: the rows come in index order
    store.close()


def test_store_sqlite_migration_backfills_summaries_and_entity_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [
        report(1, "2024-03-05", "Herald", title="First", names=("Ana Ribeiro",)),
        report(2, "2024-03-04", "Wire", title="Copy", speaker="Ana Ribeiro"),
        report(3, None, ""),
    ]
    links = [
        StoryLink(articles[0].id, articles[0].id),
        StoryLink(articles[1].id, articles[0].id, articles[0].id),
        StoryLink(articles[2].id, articles[2].id),
    ]
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(sqlite_store, "MIGRATIONS", sqlite_store.MIGRATIONS[:BEFORE])  # a desk made before the summaries
        old = SQLiteStore(path)
        put_all(old, *articles)
        old.conn.executemany(  # as the store wrote links then
            "INSERT INTO story_links VALUES (?, ?, ?, '2024-03-05T00:00:00+00:00', ?)",
            [(link.article_id, link.story_id, link.copy_of, n) for n, link in enumerate(links)],
        )
        old.put_person_links([PersonLink(articles[2].id, "Someone", "Ana Ribeiro", "ribeiro")])
        old.close()
    migrated, reference = SQLiteStore(path), MemoryStore()
    put_all(reference, *articles)
    reference.put_story_links(links)
    assert migrated.stories() == reference.stories()
    assert [r.id for r in migrated.list(entity="Ana Ribeiro")] == [articles[0].id, articles[1].id, articles[2].id]
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    migrated.close()
