"""The Store contract, run against every backend (a new backend adds itself to ``store``, in conftest.py)."""

from __future__ import annotations

import sqlite3
import typing
from pathlib import Path

import pytest

from newsdesk import (
    Article,
    Entity,
    MemoryStore,
    PersonLink,
    SQLiteStore,
    Store,
    StoryLink,
    ThreadLink,
    article_id,
    open_store,
)
from newsdesk.model import Mention
from newsdesk.store import sqlite as sqlite_store
from newsdesk.store.rows import child_rows
from newsdesk.store.sqlite import MIGRATIONS

from ..test_model import full_article


def other_article(text: str = "Another story about ferries.", published: str | None = "2024-03-06") -> Article:
    return Article(id=article_id(text), source="y.txt", text=text, outlet="Wire", published=published)


def test_store_put_then_get_gives_the_same_article(store: Store) -> None:
    article = full_article()
    assert store.put(article) is True
    assert store.get(article.id) == article
    assert article.id in store
    assert store.count() == 1


def test_store_keeps_the_document_a_speaker_spoke_through(store: Store) -> None:
    article = full_article()
    quote = article.quotes[0].copy_with(via=Mention("her statement", 0, 13))
    article = article.copy_with(quotes=(quote, article.quotes[0].copy_with(start=20)))
    store.put(article)
    assert store.get(article.id) == article


def test_store_second_put_is_a_no_op(store: Store) -> None:
    article = full_article()
    store.put(article)
    assert store.put(article.copy_with(title="Changed")) is False
    stored = store.get(article.id)
    assert stored is not None and stored.title == "Strike"
    assert store.count() == 1


def test_store_replace_overwrites(store: Store) -> None:
    article = full_article()
    store.put(article)
    assert store.put(article.copy_with(title="Changed", entities=()), replace=True) is True
    stored = store.get(article.id)
    assert stored is not None and stored.title == "Changed" and stored.entities == ()
    assert store.count() == 1


def test_store_missing_article(store: Store) -> None:
    assert store.get("0" * 16) is None
    assert "0" * 16 not in store


def test_store_list_is_newest_first_and_pages(store: Store) -> None:
    store.put(full_article())  # 2024-03-05
    store.put(other_article())  # 2024-03-06
    store.put(other_article("Undated story.", None))
    rows = store.list()
    assert [r.published for r in rows] == ["2024-03-06", "2024-03-05", None]
    assert rows[1].n_entities == 1 and rows[1].n_quotes == 1
    assert [r.id for r in store.list(limit=1, offset=1)] == [rows[1].id]
    assert [r.outlet for r in store.list(outlet="Wire")] == ["Wire", "Wire"]


def test_store_articles_yields_full_records(store: Store) -> None:
    a, b = full_article(), other_article()
    store.put(a)
    store.put(b)
    assert {x.id for x in store.articles()} == {a.id, b.id}
    assert list(store.articles([b.id, "missing"])) == [b]


def test_store_sqlite_failed_write_leaves_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "desk.db")
    bad = full_article().copy_with(entities=(Entity("X", "PERSON", ((0, 1),)), Entity(None, "ORG", ((2, 3),))))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.put(bad)
    assert store.count() == 0
    assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0
    store.close()


def test_store_sqlite_is_plain_tables_and_migrations_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    SQLiteStore(path).put(full_article())
    SQLiteStore(path).close()  # reopening does not migrate twice
    db = sqlite3.connect(path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "articles",
        "entities",
        "mentions",
        "quotes",
        "amounts",
        "dates",
        "events",
        "debris",
        "migrations",
    } <= tables
    assert db.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("SELECT name, label FROM entities").fetchall() == [("Ana Ribeiro", "PERSON")]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("spec", "kind"),
    [("desk.db", SQLiteStore), ("sqlite:///{tmp}/x.db", SQLiteStore), ("memory:", MemoryStore)],
)
def test_store_open_store_by_path_or_url(
    spec: str, kind: type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_store(spec.format(tmp=tmp_path))
    assert isinstance(store, kind)
    store.close()


def test_store_open_store_unknown_scheme() -> None:
    with pytest.raises(
        ValueError, match=r"No store backend for 'mongodb'\. Available: memory, postgres, postgresql, sqlite"
    ):
        open_store("mongodb://localhost/x")


# --------------------------------------------------------------------------- search


def searchable(store: Store) -> tuple[Article, Article]:
    a, b = full_article(), other_article('Rui Costa of São Bento said: "Ferries will sail." Nobody else spoke.')
    b = b.copy_with(
        title="Ferries",
        entities=(Entity("Rui Costa", "PERSON", ((0, 9),), ("Costa",)), Entity("São Bento", "GPE", ((13, 22),))),
        quotes=(full_article().quotes[0].copy_with(text="Ferries will sail.", start=30, end=48, speaker="Rui Costa"),),
    )
    store.put(a)
    store.put(b)
    return a, b


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ribeiro", {("entity", 0), ("quote", 0), ("article", 0)}),
        ("RIBEIRO door", {("quote", 0), ("article", 0)}),  # every word must match
        ("do", {("quote", 0), ("article", 0)}),  # the last word is a prefix
        ("d", set()),  # … from two letters: one letter is a word of its own
        ("door d", set()),
        ("do door", set()),  # only the last word is a prefix
        ("sao bento", {("entity", 1), ("article", 1)}),  # diacritics and case are ignored
        ("São", {("entity", 1), ("article", 1)}),
        ("costa", {("entity", 1), ("quote", 1), ("article", 1)}),  # a quote is found by its speaker
        ("lisbon herald", {("article", 0)}),  # an article by its outlet
        ("helena duarte", {("article", 0)}),  # … and its authors
        ("ferries sail", {("quote", 1), ("article", 1)}),
        ("nothing-like-this", set()),
        ("", set()),
        ("  … — ", set()),
    ],
)
def test_store_search_finds_articles_quotes_and_entities(store: Store, query: str, expected: set) -> None:
    articles = searchable(store)
    ids = [x.id for x in articles]
    hits = store.search(query)
    assert {(h.kind, ids.index(h.article_id)) for h in hits} == expected
    for hit in hits:
        assert hit.snippet and "\n" not in hit.snippet


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "door*",
        "NEAR(door open)",
        "text:door",
        "'; DROP TABLE articles; --",
        "door OR ferries",
        "^door",
        "a" * 5000,
        "\x00door",
    ],
)
def test_store_search_input_is_words_not_syntax(store: Store, query: str) -> None:
    searchable(store)
    store.search(query)  # never a syntax error
    assert store.count() == 2
    assert {h.kind for h in store.search("door OR ferries")} <= {"article", "quote"}
    assert store.search("door OR ferries") == []  # "or" is a word to find, not an operator


def test_store_search_hit_says_where_the_quote_is(store: Store) -> None:
    a, _ = searchable(store)
    (hit,) = store.search("door", kind="quote")
    assert (hit.article_id, hit.index, hit.label) == (a.id, 0, "Ana Ribeiro")
    assert hit.start is not None and hit.end is not None
    assert a.text[hit.start : hit.end] == "The door is open."
    assert (hit.title, hit.outlet, hit.published) == ("Strike", "Lisbon Herald", "2024-03-05")


def test_store_search_pages_and_filters_by_kind(store: Store) -> None:
    searchable(store)
    everything = store.search("costa")
    assert len(everything) == 3
    assert store.search("costa", limit=2) + store.search("costa", limit=2, offset=2) == everything
    assert [h.kind for h in store.search("costa", kind="entity")] == ["entity"]
    with pytest.raises(ValueError, match=r"No search kind 'people'. Available: article, quote, entity"):
        store.search("costa", kind="people")


def test_store_search_follows_replace(store: Store) -> None:
    a, _ = searchable(store)
    store.put(a.copy_with(quotes=(), entities=(), title="Renamed"), replace=True)
    assert {h.kind for h in store.search("ribeiro")} == {"article"}
    assert store.search("renamed")[0].title == "Renamed"
    assert store.search("strike")[0].title == "Renamed"


def test_store_list_by_entity_includes_speakers(store: Store) -> None:
    a, b = searchable(store)
    assert [r.id for r in store.list(entity="Ana Ribeiro")] == [a.id]
    assert [r.id for r in store.list(entity="São Bento")] == [b.id]
    assert store.list(entity="Ribeiro") == []  # canonical names only
    only_speaker = b.copy_with(entities=())
    store.put(only_speaker, replace=True)
    assert [r.id for r in store.list(entity="Rui Costa")] == [b.id]


def before_events(a: Article) -> Article:
    """An article as a desk older than the events migration holds it (no event summaries or codes, no main event)."""
    events = tuple(e.copy_with(summary=None, cameo=None, cameo_label=None) for e in a.events)
    return a.copy_with(events=events, main_event=None)


def rows_before_via(a: Article) -> dict[str, list[tuple[object, ...]]]:
    """An article's rows as a desk older than migration 5 holds them (quotes without `via`, events without
    the columns of the events migration, no main_events table)."""
    rows = child_rows(before_events(a))
    rows["quotes"] = [r[:-3] for r in rows["quotes"]]
    rows["events"] = [r[:-3] for r in rows["events"]]
    rows.pop("main_events", None)
    return rows


def test_store_sqlite_search_index_is_backfilled_by_the_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"

    with monkeypatch.context() as m:
        m.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:1])  # a desk made before search existed
        m.setattr(sqlite_store, "child_rows", rows_before_via)
        old = SQLiteStore(path)
        old.put(full_article())
        old.close()
    again = SQLiteStore(path)
    assert {h.kind for h in again.search("ribeiro")} == {"article", "quote", "entity"}
    again.close()


def test_store_sqlite_prefix_index_migration_keeps_an_old_desks_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:-3])  # a desk made before the prefix indexes
        old = SQLiteStore(path)
        searchable(old)
        before = {q: old.search(q) for q in ("ribeiro", "do", "sao be", "ferries")}
        old.close()
    again = SQLiteStore(path)
    (schema,) = again.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()
    assert "prefix='2 3 4'" in schema
    assert {q: again.search(q) for q in before} == before
    assert all(before.values())
    new = other_article("Ribbons were cut at the door.")
    again.put(new)
    assert [h.article_id for h in again.search("ribb")] == [new.id]  # the triggers feed the new index
    again.close()


def test_store_sqlite_datasette_migration_keeps_an_old_desk_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    article = before_events(full_article())
    with monkeypatch.context() as m:
        m.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:3])  # a desk made before the Datasette tables
        m.setattr(sqlite_store, "child_rows", rows_before_via)
        old = SQLiteStore(path)
        old.put(article)
        old.put(other_article())
        before = old.conn.execute("SELECT * FROM mentions ORDER BY rowid").fetchall()
        old.close()
    again = SQLiteStore(path)
    db = again.conn
    assert [tuple(r) for r in db.execute("SELECT * FROM mentions ORDER BY rowid")] == [tuple(r) for r in before]
    assert again.get(article.id) == article
    keys = {(r["table"], r["from"]) for r in db.execute("PRAGMA foreign_key_list(mentions)")}
    assert ("articles", "article_id") in keys and ("entities", "entity_idx") in keys
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    found = db.execute(
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH 'ferries'"
    )
    assert [r[0] for r in found] == [other_article().id]  # backfilled
    assert db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'door'").fetchone()[0] == 1
    again.close()


@pytest.mark.parametrize(
    ("table", "query", "after_replace"),
    [
        ("articles_fts", "ferryboat", 0),
        ("articles_fts", "walkout", 1),
        ("quotes_fts", "door", 0),
        ("quotes_fts", "window", 1),
    ],
)
def test_store_sqlite_datasette_search_tables_follow_replace_and_delete(
    tmp_path: Path, table: str, query: str, after_replace: int
) -> None:
    store = SQLiteStore(tmp_path / "desk.db")
    article = full_article().copy_with(title="Ferryboat")
    store.put(article)
    quote = article.quotes[0].copy_with(text="The window is open.")
    store.put(article.copy_with(title="Walkout", quotes=(quote,)), replace=True)

    def hits() -> int:
        sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
        return int(store.conn.execute(sql, (query,)).fetchone()[0])

    assert hits() == after_replace
    store.delete(article.id)
    assert hits() == 0
    assert store.conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')") is not None
    store.close()


# ---------------------------------------------------------------------------- stories


def _three(store: Store) -> tuple[Article, Article, Article]:
    a, b, c = full_article(), other_article(), other_article("Ferry strike ends in Porto.", "2024-03-07")
    for x in (a, b, c):
        store.put(x)
    return a, b, c


def test_store_story_links_round_trip(store: Store) -> None:
    a, b, c = _three(store)
    store.put_story_links(
        [
            StoryLink(a.id, a.id, None, ("n:p:ana ribeiro", "t:strike")),
            StoryLink(b.id, a.id, a.id, ("t:strike",)),
            StoryLink(c.id, c.id, None, ()),
        ]
    )
    assert store.story_links(story_id=a.id) == sorted(
        [StoryLink(a.id, a.id, None, ("n:p:ana ribeiro", "t:strike")), StoryLink(b.id, a.id, a.id, ("t:strike",))],
        key=lambda link: link.article_id,
    )
    assert [link.article_id for link in store.story_links(article_ids=[c.id, "missing"])] == [c.id]
    assert len(store.story_links()) == 3
    assert store.story_links(article_ids=[]) == []


def test_store_story_link_moves_and_replaces_keys(store: Store) -> None:
    a, b, _ = _three(store)
    store.put_story_links([StoryLink(b.id, b.id, None, ("t:ferry", "t:old"))])
    store.put_story_links([StoryLink(b.id, a.id, None, ("t:ferry",))])
    assert store.story_links(article_ids=[b.id]) == [StoryLink(b.id, a.id, None, ("t:ferry",))]
    assert store.story_neighbours(["t:old"]) == []


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(["t:strike"], {"a", "b"}), (["n:p:ana ribeiro", "t:nothing"], {"a"}), (["t:nothing"], set()), ([], set())],
)
def test_store_story_neighbours_by_key(store: Store, keys: list[str], expected: set[str]) -> None:
    a, b, c = _three(store)
    store.put_story_links(
        [
            StoryLink(a.id, a.id, None, ("n:p:ana ribeiro", "t:strike")),
            StoryLink(b.id, a.id, None, ("t:strike",)),
            StoryLink(c.id, c.id, None, ("t:porto",)),
        ]
    )
    names = {a.id: "a", b.id: "b", c.id: "c"}
    assert {names[link.article_id] for link in store.story_neighbours(keys)} == expected


def test_store_story_neighbours_are_capped_most_recent_first(store: Store) -> None:
    a, b, c = _three(store)
    for x in (a, b, c):  # linked one after the other: c is the most recent
        store.put_story_links([StoryLink(x.id, x.id, None, ("t:common",))])
    assert [link.article_id for link in store.story_neighbours(["t:common"], per_key=1)] == [c.id]
    store.put_story_links([StoryLink(a.id, c.id, None, ("t:common",))])  # a relinked: now the most recent
    assert [link.article_id for link in store.story_neighbours(["t:common"], per_key=1)] == [a.id]
    assert {link.article_id for link in store.story_neighbours(["t:common"], per_key=2)} == {a.id, c.id}


@pytest.mark.parametrize(
    ("at_most", "expected"), [(10, {"t:common": 3, "t:rare": 1}), (2, {"t:common": 2, "t:rare": 1})]
)
def test_store_story_key_counts_are_bounded(store: Store, at_most: int, expected: dict[str, int]) -> None:
    a, b, c = _three(store)
    store.put_story_links(
        [StoryLink(a.id, a.id, None, ("t:common", "t:rare")), StoryLink(b.id, b.id, None, ("t:common",))]
    )
    store.put_story_links([StoryLink(c.id, c.id, None, ("t:common",))])
    assert store.story_key_counts(["t:common", "t:rare", "t:none"], at_most=at_most) == expected
    store.put_story_links([StoryLink(b.id, b.id, None, ("t:other",))])  # b's keys are replaced
    assert store.story_key_counts(["t:common"], at_most=at_most) == {"t:common": min(2, at_most)}
    assert store.story_key_counts([], at_most=at_most) == {}


def test_store_story_links_need_stored_articles(store: Store) -> None:
    a, _, _ = _three(store)
    with pytest.raises(KeyError, match="not stored: ffff"):
        store.put_story_links([StoryLink(a.id, a.id), StoryLink("ffff", "ffff")])
    assert store.story_links() == []


@pytest.mark.parametrize(
    ("link_of", "accepted"),
    [
        (lambda a, b: StoryLink(b.id, a.id, b.id), False),  # a copy of itself
        (lambda a, b: StoryLink(a.id, a.id, a.id), False),  # … even as its story's founder
        (lambda a, b: StoryLink(b.id, a.id, a.id), True),  # a copy of another article
        (lambda a, b: StoryLink(b.id, a.id, None), True),  # an original
    ],
)
def test_store_story_links_refuse_a_copy_of_itself(store: Store, link_of: typing.Any, accepted: bool) -> None:
    a, b, _ = _three(store)
    store.put_story_links([StoryLink(a.id, a.id)])
    batch = [StoryLink(a.id, a.id, None, ("t:kept",)), link_of(a, b)]
    if accepted:
        store.put_story_links(batch)
        assert store.story_links(article_ids=[batch[1].article_id]) == [batch[1]]
    else:
        with pytest.raises(ValueError, match=r"^story link of [0-9a-f]+: an article cannot be a copy of itself$"):
            store.put_story_links(batch)
        assert store.story_links() == [StoryLink(a.id, a.id)]  # nothing of the batch was written


def test_store_replacing_an_article_drops_its_story_link(store: Store) -> None:
    a, b, _ = _three(store)
    store.put_story_links([StoryLink(a.id, a.id, None, ("t:x",)), StoryLink(b.id, a.id)])
    store.put(a.copy_with(title="Changed"), replace=True)
    assert [link.article_id for link in store.story_links()] == [b.id]
    assert store.story_neighbours(["t:x"]) == []


def _threaded(store: Store) -> tuple[Article, Article, Article]:
    a, b, c = _three(store)  # a 2024-03-05 (full_article), b 2024-03-06, c 2024-03-07
    store.put_story_links([StoryLink(a.id, a.id), StoryLink(b.id, b.id), StoryLink(c.id, c.id)])
    return a, b, c


def test_store_thread_links_round_trip_and_move(store: Store) -> None:
    a, b, c = _threaded(store)
    store.put_thread_links([ThreadLink(a.id, a.id), ThreadLink(b.id, a.id), ThreadLink(c.id, c.id)])
    assert store.thread_links(thread_id=a.id) == sorted(
        [ThreadLink(a.id, a.id), ThreadLink(b.id, a.id)], key=lambda link: link.story_id
    )
    assert store.thread_links(story_ids=[c.id, "missing"]) == [ThreadLink(c.id, c.id)]
    assert len(store.thread_links()) == 3 and store.thread_links(story_ids=[]) == []
    store.put_thread_links([ThreadLink(c.id, a.id)])  # a story is in one thread at a time
    assert store.thread_links(story_ids=[c.id]) == [ThreadLink(c.id, a.id)]
    assert {link.thread_id for link in store.thread_links()} == {a.id}


def test_store_thread_links_need_a_stored_story(store: Store) -> None:
    a, _, _ = _threaded(store)
    with pytest.raises(KeyError, match="no stored article in story: ffff"):
        store.put_thread_links([ThreadLink(a.id, a.id), ThreadLink("ffff", a.id)])
    assert store.thread_links() == []


def test_store_threads_listing_newest_first_with_size_and_span(store: Store) -> None:
    a, b, c = _threaded(store)
    undated = other_article("A ferry story with no date.", None)
    store.put(undated)
    store.put_story_links([StoryLink(undated.id, undated.id)])
    store.put_thread_links(
        [ThreadLink(a.id, a.id), ThreadLink(b.id, a.id), ThreadLink(c.id, c.id), ThreadLink(undated.id, undated.id)]
    )
    rows = store.threads()
    assert [r.id for r in rows] == [c.id, a.id, undated.id]  # by latest article, undated last
    first = rows[1]
    assert (first.n_stories, first.n_articles, first.n_outlets) == (2, 2, 2)
    assert (first.first_published, first.last_published) == ("2024-03-05", "2024-03-06")
    assert first.title == "Strike" and rows[0].title is None
    assert [r.id for r in store.threads(limit=1, offset=1)] == [a.id]


def test_store_threads_follow_their_stories(store: Store) -> None:
    a, b, _ = _threaded(store)
    store.put_thread_links([ThreadLink(a.id, a.id), ThreadLink(b.id, a.id)])
    store.put(b.copy_with(title="Changed"), replace=True)  # replacing drops b's story link
    (row,) = store.threads()
    assert (row.n_stories, row.n_articles) == (1, 1)


def test_store_threads_listing_follows_moves_and_growth(store: Store) -> None:
    a, b, c = _threaded(store)
    store.put_thread_links([ThreadLink(a.id, a.id), ThreadLink(b.id, b.id), ThreadLink(c.id, c.id)])
    store.put_thread_links([ThreadLink(b.id, a.id)])  # b's story leaves its own thread for a's
    assert {(r.id, r.n_stories, r.n_articles) for r in store.threads()} == {(a.id, 2, 2), (c.id, 1, 1)}
    store.put_story_links([StoryLink(c.id, a.id)])  # c's article joins a's story: c's thread is left empty
    rows = store.threads()
    assert [(r.id, r.n_stories, r.n_articles, r.last_published) for r in rows] == [(a.id, 2, 3, "2024-03-07")]


def test_store_sqlite_threads_summaries_are_backfilled_by_the_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:-1])  # a desk made before kept thread summaries
        old = SQLiteStore(path)
        a, b, _ = _threaded(old)
        for story in (a.id, b.id):  # as the code of then wrote them (today's also keeps summaries)
            old.conn.execute("INSERT INTO thread_links VALUES (?, ?, '2024-03-08')", (story, a.id))
        before = old.conn.execute("SELECT * FROM threads").fetchall()
        old.close()
    again = SQLiteStore(path)
    assert [(r.id, r.n_stories, r.n_articles) for r in again.threads()] == [(a.id, 2, 2)]
    assert [tuple(r) for r in again.conn.execute("SELECT * FROM threads")] == [tuple(r) for r in before]
    again.close()


def test_store_sqlite_opens_and_reads_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    SQLiteStore(path).put(full_article())
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a writer holds the write lock
    writer.execute("UPDATE articles SET title = 'Being rewritten'")
    try:
        reader = SQLiteStore(path, timeout=0.1)  # opening a migrated desk takes no write lock
        assert [r.title for r in reader.list()] == ["Strike"]  # WAL: the last committed state
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


# ---------------------------------------------------------------------------- walking the desk


@pytest.mark.parametrize(
    ("since", "prefix", "expected"),
    [
        (None, None, ["a", "b", "c", "undated"]),
        ("2024-03-06", None, ["b", "c"]),
        ("2024-03-06T12:00", None, ["c"]),  # a date with a time compares as ISO text does
        ("2030-01-01", None, []),
        (None, "same", ["a", "undated"]),
        ("2024-03-05", "same", ["a"]),
        (None, "nothing", []),
    ],
)
def test_store_article_ids_in_stored_order_by_date_and_prefix(
    store: Store, since: str | None, prefix: str | None, expected: list[str]
) -> None:
    names = {
        "a": Article(id="same-a", source="a", text="A.", published="2024-03-05"),
        "b": Article(id="other-b", source="b", text="B.", published="2024-03-06"),
        "c": Article(id="other-c", source="c", text="C.", published="2024-03-07T09:30:00+01:00"),
        "undated": Article(id="same-u", source="u", text="U."),
    }
    for article in names.values():
        store.put(article)
    by_id = {a.id: name for name, a in names.items()}
    assert [by_id[i] for i in store.article_ids(published_since=since, id_prefix=prefix)] == expected


def test_store_article_ids_come_in_pages(store: Store) -> None:
    ids = [f"{n:04d}" for n in range(7)]
    for i in ids:
        store.put(Article(id=i, source=i, text=f"Text {i}."))
    assert list(store.article_ids()) == ids
    if not isinstance(store, MemoryStore):  # the SQL backends read a page at a time; the seams must not show
        assert list(typing.cast(typing.Any, store).article_ids(page=3)) == ids


def test_store_person_links_round_trip_by_key_article_and_person(store: Store) -> None:
    a, b = full_article(), other_article()
    store.put(a)
    store.put(b)
    links = [
        PersonLink(a.id, "Ana Ribeiro", "Ana Ribeiro", "ribeiro", ("transport minister",)),
        PersonLink(b.id, "Ribeiro", "Ana Ribeiro", "ribeiro"),
        PersonLink(b.id, "Rui Costa", "Rui Costa", "costa"),
    ]
    store.put_person_links(links)
    assert store.person_links(keys=["ribeiro"]) == sorted(links[:2], key=lambda x: (x.article_id, x.name))
    assert store.person_links(article_ids=[b.id]) == [links[1], links[2]]
    assert {x.article_id for x in store.person_links(person="Ana Ribeiro")} == {a.id, b.id}
    assert store.person_links(keys=["nobody"]) == [] and store.person_links(article_ids=[]) == []
    # a linked article is listed under the desk person's name
    assert {row.id for row in store.list(entity="Ana Ribeiro")} == {a.id, b.id}


def test_store_person_link_moves_and_replacing_the_article_drops_it(store: Store) -> None:
    a = full_article()
    store.put(a)
    store.put_person_links([PersonLink(a.id, "Ribeiro", "Ribeiro", "ribeiro")])
    store.put_person_links([PersonLink(a.id, "Ribeiro", "Ana Ribeiro", "ribeiro", ("minister",))])
    assert store.person_links(keys=["ribeiro"]) == [
        PersonLink(a.id, "Ribeiro", "Ana Ribeiro", "ribeiro", ("minister",))
    ]
    store.put(a, replace=True)
    assert store.person_links(keys=["ribeiro"]) == []


def test_store_person_links_need_stored_articles_and_are_capped_per_key(store: Store) -> None:
    with pytest.raises(KeyError, match="not stored"):
        store.put_person_links([PersonLink("0" * 16, "Ribeiro", "Ribeiro", "ribeiro")])
    texts = [f"Report number {n} on the ferries." for n in range(4)]
    for text in texts:
        store.put(other_article(text))
    store.put_person_links([PersonLink(article_id(t), "Ribeiro", "Ribeiro", "ribeiro") for t in texts])
    recent = store.person_links(keys=["ribeiro"], per_key=2)
    assert {x.article_id for x in recent} == {article_id(t) for t in texts[2:]}  # the most recent first
