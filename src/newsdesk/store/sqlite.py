"""The default store: one SQLite file of plain tables.

A user can open the desk with ``sqlite3``, pandas or Datasette: one table per
kind of record (``articles``, ``entities``, ``mentions``, ``quotes``,
``amounts``, ``dates``, ``events``, ``debris``), keyed by ``article_id`` and
the record's position. Schema changes are recorded migrations.

Every article is written in one transaction, so a crash never leaves half an
article; WAL mode lets readers (the web app, the CLI) work while an ingest
writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsdesk.model import Article, PersonLink, StoryLink, ThreadLink
from newsdesk.store import search as search_module
from newsdesk.store.base import (
    ArticleSummary,
    SearchHit,
    StorySummary,
    ThreadSummary,
    check_search_kind,
    check_story_links,
)
from newsdesk.store.rows import (
    ARTICLE_COLUMNS,
    LOADED_TABLES,
    STORY_MEMBERS,
    THREAD_SUMMARY,
    article_from_rows,
    article_row,
    child_rows,
    now,
    story_from_row,
    story_row,
    summarise,
)
from newsdesk.store.search import fts_query, query_terms, snippet

__all__ = ["MIGRATIONS", "SQLiteStore"]

PersonLinks = list[PersonLink]
StoryLinks = list[StoryLink]
ThreadLinks = list[ThreadLink]
ThreadSummaries = list[ThreadSummary]
StorySummaries = list["StorySummary"]
StoryClauses = list[str]
"""A list of links (an alias: inside a store class, ``list`` names the listing method)."""

MIGRATIONS: list[tuple[str, str]] = [
    (
        "articles and their annotations",
        """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',      -- JSON list of names
        published TEXT,                           -- ISO date
        language TEXT,
        input_format TEXT,
        text TEXT NOT NULL,
        sentences TEXT NOT NULL DEFAULT '[]',    -- JSON list of [start, end]
        stages TEXT NOT NULL DEFAULT '[]',       -- JSON list of stage names that ran
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL,
        entity_idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        FOREIGN KEY (article_id, entity_idx) REFERENCES entities(article_id, idx) ON DELETE CASCADE
    );
    CREATE INDEX mentions_article ON mentions(article_id, entity_idx);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        speaker_mention TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE amounts (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value REAL NOT NULL,
        unit TEXT,
        counts TEXT,
        approximate INTEGER NOT NULL DEFAULT 0,
        high REAL,
        context TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE dates (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value TEXT,
        resolved INTEGER NOT NULL DEFAULT 0,
        relative_to TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        category TEXT NOT NULL,
        target TEXT,
        date TEXT,
        date_source TEXT,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        trigger_start INTEGER,
        trigger_end INTEGER,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE debris (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    """,
    ),
    (
        "full-text search over articles, quotes and entities (FTS5)",
        """
    -- One row per searchable thing; kept in step with the tables above by triggers, so
    -- every writer (put, replace, delete, a future backfill) keeps the index right.
    CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        kind TEXT NOT NULL,                       -- article | quote | entity
        idx INTEGER,                              -- the quote's or entity's position
        body TEXT NOT NULL,                       -- what the snippet is cut from
        extra TEXT NOT NULL DEFAULT ''            -- also searched: outlet/authors, speaker, aliases
    );
    CREATE INDEX search_docs_article ON search_docs(article_id);
    CREATE VIRTUAL TABLE search_fts USING fts5(
        body, extra, content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_fts(rowid, body, extra) VALUES (new.id, new.body, new.extra);
    END;
    CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, body, extra) VALUES ('delete', old.id, old.body, old.extra);
    END;
    CREATE TRIGGER search_articles_insert AFTER INSERT ON articles BEGIN
        INSERT INTO search_docs(article_id, kind, body, extra) VALUES (
            new.id, 'article', coalesce(new.title, '') || char(10) || new.text,
            coalesce(new.outlet, '') || ' ' || new.authors);
    END;
    CREATE TRIGGER search_articles_delete AFTER DELETE ON articles BEGIN
        DELETE FROM search_docs WHERE article_id = old.id;
    END;
    CREATE TRIGGER search_quotes_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO search_docs(article_id, kind, idx, body, extra)
        VALUES (new.article_id, 'quote', new.idx, new.text, coalesce(new.speaker, ''));
    END;
    CREATE TRIGGER search_quotes_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM search_docs WHERE article_id = old.article_id AND kind = 'quote' AND idx = old.idx;
    END;
    CREATE TRIGGER search_entities_insert AFTER INSERT ON entities BEGIN
        INSERT INTO search_docs(article_id, kind, idx, body, extra)
        VALUES (new.article_id, 'entity', new.idx, new.name, new.aliases);
    END;
    CREATE TRIGGER search_entities_delete AFTER DELETE ON entities BEGIN
        DELETE FROM search_docs WHERE article_id = old.article_id AND kind = 'entity' AND idx = old.idx;
    END;
    -- what was stored before this migration
    INSERT INTO search_docs(article_id, kind, body, extra)
        SELECT id, 'article', coalesce(title, '') || char(10) || text, coalesce(outlet, '') || ' ' || authors
        FROM articles;
    INSERT INTO search_docs(article_id, kind, idx, body, extra)
        SELECT article_id, 'quote', idx, text, coalesce(speaker, '') FROM quotes;
    INSERT INTO search_docs(article_id, kind, idx, body, extra)
        SELECT article_id, 'entity', idx, name, aliases FROM entities;
    """,
    ),
    (
        "stories: which story each article is in, and the keys that find its neighbours",
        """
    CREATE TABLE story_links (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,                   -- the id of the story's founding article
        copy_of TEXT,                             -- the article this one is a near-duplicate of
        linked_at TEXT NOT NULL,
        link_order INTEGER NOT NULL               -- the most recent neighbours first
    );
    CREATE INDEX story_links_story ON story_links(story_id);
    CREATE TABLE story_keys (
        key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
    );
    CREATE INDEX story_keys_article ON story_keys(article_id);
    CREATE VIEW stories AS
        SELECT l.story_id AS id, count(*) AS n_articles,
               count(*) - count(l.copy_of) AS n_originals,
               count(DISTINCT a.outlet) AS n_outlets,
               min(a.published) AS first_published, max(a.published) AS last_published,
               (SELECT title FROM articles WHERE id = l.story_id) AS title
        FROM story_links l JOIN articles a ON a.id = l.article_id
        GROUP BY l.story_id;
    """,
    ),
    (
        "Datasette: search tables over articles and quotes, and mentions linked to their article",
        """
    -- Datasette's search box searches a table through a full-text table that declares it as its content
    -- (content="…", double-quoted: Datasette looks for exactly that), rowid for rowid; kept by triggers.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content="articles", tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, speaker, content="quotes", tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
    END;
    CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
    END;
    INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
    -- A mention's key to its entity is compound, which Datasette does not follow: a key of its own to the
    -- article links it. SQLite adds no foreign key to a table in place, so the table is copied.
    CREATE TABLE mentions_linked (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        FOREIGN KEY (article_id, entity_idx) REFERENCES entities(article_id, idx) ON DELETE CASCADE
    );
    INSERT INTO mentions_linked (article_id, entity_idx, start, "end")
        SELECT article_id, entity_idx, start, "end" FROM mentions ORDER BY rowid;
    DROP TABLE mentions;
    ALTER TABLE mentions_linked RENAME TO mentions;
    CREATE INDEX mentions_article ON mentions(article_id, entity_idx);
    """,
    ),
    (
        "quotes: the document a speaker spoke through (via)",
        """
    ALTER TABLE quotes ADD COLUMN via TEXT;
    ALTER TABLE quotes ADD COLUMN via_start INTEGER;
    ALTER TABLE quotes ADD COLUMN via_end INTEGER;
    """,
    ),
    (
        "people: which desk person each article's named person is (one person, one page)",
        """
    CREATE TABLE person_links (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL,                       -- the article's canonical name of the person
        person TEXT NOT NULL,                     -- the desk's name for them
        key TEXT NOT NULL,                        -- the surname that finds them
        roles TEXT NOT NULL DEFAULT '[]',         -- JSON list: the roles the article gives them
        linked_order INTEGER NOT NULL,            -- the most recent first
        PRIMARY KEY (article_id, name)
    );
    CREATE INDEX person_links_key ON person_links(key, linked_order);
    CREATE INDEX person_links_person ON person_links(person);
    """,
    ),
    (
        "threads: which thread (developing storyline) each story is in",
        """
    CREATE TABLE thread_links (
        story_id TEXT PRIMARY KEY,                -- a story_links.story_id
        thread_id TEXT NOT NULL,                  -- the id of the thread's founding story
        linked_at TEXT NOT NULL
    );
    CREATE INDEX thread_links_thread ON thread_links(thread_id);
    CREATE VIEW threads AS
        SELECT t.thread_id AS id, count(DISTINCT t.story_id) AS n_stories, count(*) AS n_articles,
               count(DISTINCT a.outlet) AS n_outlets,
               min(a.published) AS first_published, max(a.published) AS last_published,
               (SELECT title FROM articles WHERE id = t.thread_id) AS title
        FROM thread_links t
        JOIN story_links l ON l.story_id = t.story_id
        JOIN articles a ON a.id = l.article_id
        GROUP BY t.thread_id;
    """,
    ),
    (
        "events: summaries and CAMEO codes; each article's main event (who, what, when, where, why, how)",
        """
    ALTER TABLE events ADD COLUMN summary TEXT;
    ALTER TABLE events ADD COLUMN cameo TEXT;              -- CAMEO event code ("036", "1723")
    ALTER TABLE events ADD COLUMN cameo_label TEXT;
    CREATE INDEX events_cameo ON events(cameo);
    CREATE TABLE main_events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,                     -- always 0: one main event per article
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        summary TEXT,
        trigger_start INTEGER,                    -- the event's verb
        trigger_end INTEGER,
        date TEXT,
        date_source TEXT,                         -- text | published
        category TEXT,
        cameo TEXT,
        cameo_label TEXT,
        who_text TEXT, who_start INTEGER, who_end INTEGER,
        what_text TEXT, what_start INTEGER, what_end INTEGER,
        when_text TEXT, when_start INTEGER, when_end INTEGER, when_value TEXT,
        where_text TEXT, where_start INTEGER, where_end INTEGER,
        why_text TEXT, why_start INTEGER, why_end INTEGER,
        how_text TEXT, how_start INTEGER, how_end INTEGER,
        PRIMARY KEY (article_id, idx)
    );
    """,
    ),
    (
        "stories listed from a kept summary table; briefs kept until their story changes",
        """
    -- The stories view grouped every link of the desk per request; the store now keeps one row
    -- per story, rewritten (in Python: newsdesk.store.rows.summarise) whenever links change.
    DROP VIEW stories;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,                      -- the id of the story's founding article
        title TEXT NOT NULL,                      -- the lead article's title (or source): its earliest original
        outlets TEXT NOT NULL DEFAULT '[]',       -- JSON list of its outlets, sorted
        n_articles INTEGER NOT NULL,
        n_originals INTEGER NOT NULL,             -- articles that copy no other
        n_outlets INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        version INTEGER NOT NULL,                 -- moves on whenever an article joins or leaves
        updated_at TEXT NOT NULL
    );
    CREATE INDEX stories_newest ON stories(coalesce(last_published, ''), coalesce(first_published, ''), id);
    CREATE TABLE story_briefs (
        story_id TEXT NOT NULL,
        key TEXT NOT NULL,                        -- what was kept (e.g. the web page's JSON, by format)
        version INTEGER NOT NULL,                 -- the story's version it was computed from
        body TEXT NOT NULL,
        made_at TEXT NOT NULL,
        PRIMARY KEY (story_id, key)
    );
    -- what was linked before this migration
    INSERT INTO stories
        SELECT l.story_id,
               (SELECT coalesce(nullif(a2.title, ''), a2.source)
                 FROM story_links l2 JOIN articles a2 ON a2.id = l2.article_id
                 WHERE l2.story_id = l.story_id
                 ORDER BY coalesce(l2.copy_of, '') <> '', coalesce(nullif(a2.published, ''), '9999'), a2.ingested_at,
                          a2.id
                 LIMIT 1),
               (SELECT json_group_array(o) FROM (
                   SELECT DISTINCT a3.outlet AS o FROM story_links l3 JOIN articles a3 ON a3.id = l3.article_id
                   WHERE l3.story_id = l.story_id AND coalesce(a3.outlet, '') <> '' ORDER BY o)),
               count(*), sum(coalesce(l.copy_of, '') = ''),
               count(DISTINCT nullif(a.outlet, '')),
               min(nullif(a.published, '')), max(nullif(a.published, '')), 1,
               strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
        FROM story_links l JOIN articles a ON a.id = l.article_id
        GROUP BY l.story_id;
    """,
    ),
    (
        "listings newest first by index: articles, an outlet's, an entity's",
        """
    -- Newest first is coalesce(published, '') DESC, ingested_at DESC, id DESC everywhere: with these
    -- indexes a page is a range of an index, never a sort of the desk.
    CREATE INDEX articles_newest ON articles(coalesce(published, ''), ingested_at, id);
    CREATE INDEX articles_outlet_newest ON articles(outlet, coalesce(published, ''), ingested_at, id);
    DROP INDEX articles_outlet;
    -- One row per (name, article) for every entity's canonical name, quote speaker and desk person, kept by
    -- triggers: a row goes when the last of the things that put it there goes.
    CREATE TABLE entity_articles (
        name TEXT NOT NULL,
        published TEXT NOT NULL,                  -- coalesce(articles.published, '')
        ingested_at TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (name, published, ingested_at, article_id)
    ) WITHOUT ROWID;
    CREATE TRIGGER entity_articles_entities AFTER INSERT ON entities WHEN new.name IS NOT NULL BEGIN
        INSERT OR IGNORE INTO entity_articles
            SELECT new.name, coalesce(a.published, ''), a.ingested_at, a.id
            FROM articles a WHERE a.id = new.article_id;
    END;
    CREATE TRIGGER entity_articles_entities_gone AFTER DELETE ON entities WHEN old.name IS NOT NULL BEGIN
        DELETE FROM entity_articles
        WHERE (name, published, ingested_at, article_id) IN
              (SELECT old.name, coalesce(a.published, ''), a.ingested_at, a.id
               FROM articles a WHERE a.id = old.article_id)
          AND NOT EXISTS (SELECT 1 FROM entities WHERE article_id = old.article_id AND name = old.name)
          AND NOT EXISTS (SELECT 1 FROM quotes WHERE article_id = old.article_id AND speaker = old.name)
          AND NOT EXISTS (SELECT 1 FROM person_links WHERE article_id = old.article_id AND person = old.name);
    END;
    INSERT OR IGNORE INTO entity_articles
        SELECT t.name, coalesce(a.published, ''), a.ingested_at, a.id
        FROM entities t JOIN articles a ON a.id = t.article_id WHERE t.name IS NOT NULL;
    CREATE TRIGGER entity_articles_quotes AFTER INSERT ON quotes WHEN new.speaker IS NOT NULL BEGIN
        INSERT OR IGNORE INTO entity_articles
            SELECT new.speaker, coalesce(a.published, ''), a.ingested_at, a.id
            FROM articles a WHERE a.id = new.article_id;
    END;
    CREATE TRIGGER entity_articles_quotes_gone AFTER DELETE ON quotes WHEN old.speaker IS NOT NULL BEGIN
        DELETE FROM entity_articles
        WHERE (name, published, ingested_at, article_id) IN
              (SELECT old.speaker, coalesce(a.published, ''), a.ingested_at, a.id
               FROM articles a WHERE a.id = old.article_id)
          AND NOT EXISTS (SELECT 1 FROM entities WHERE article_id = old.article_id AND name = old.speaker)
          AND NOT EXISTS (SELECT 1 FROM quotes WHERE article_id = old.article_id AND speaker = old.speaker)
          AND NOT EXISTS (SELECT 1 FROM person_links WHERE article_id = old.article_id AND person = old.speaker);
    END;
    INSERT OR IGNORE INTO entity_articles
        SELECT t.speaker, coalesce(a.published, ''), a.ingested_at, a.id
        FROM quotes t JOIN articles a ON a.id = t.article_id WHERE t.speaker IS NOT NULL;
    CREATE TRIGGER entity_articles_person_links AFTER INSERT ON person_links WHEN new.person IS NOT NULL BEGIN
        INSERT OR IGNORE INTO entity_articles
            SELECT new.person, coalesce(a.published, ''), a.ingested_at, a.id
            FROM articles a WHERE a.id = new.article_id;
    END;
    CREATE TRIGGER entity_articles_person_links_gone AFTER DELETE ON person_links WHEN old.person IS NOT NULL BEGIN
        DELETE FROM entity_articles
        WHERE (name, published, ingested_at, article_id) IN
              (SELECT old.person, coalesce(a.published, ''), a.ingested_at, a.id
               FROM articles a WHERE a.id = old.article_id)
          AND NOT EXISTS (SELECT 1 FROM entities WHERE article_id = old.article_id AND name = old.person)
          AND NOT EXISTS (SELECT 1 FROM quotes WHERE article_id = old.article_id AND speaker = old.person)
          AND NOT EXISTS (SELECT 1 FROM person_links WHERE article_id = old.article_id AND person = old.person);
    END;
    INSERT OR IGNORE INTO entity_articles
        SELECT t.person, coalesce(a.published, ''), a.ingested_at, a.id
        FROM person_links t JOIN articles a ON a.id = t.article_id WHERE t.person IS NOT NULL;
    """,
    ),
    (
        "search ranks its hits by date from an index of the articles' dates",
        """
    -- Ranking a search's window of hits reads each hit's article date: from this covering index
    -- (small, dense) rather than from the articles' rows (their text makes them many pages).
    CREATE INDEX articles_id_published ON articles(id, published);
    """,
    ),
    (
        "search keeps prefix indexes of two, three and four letters",
        """
    -- A search's last word is also a prefix ("in" finds "India"). Without a prefix index FTS5
    -- merges the lists of every word that starts so ("in": a hundred words, four million rows
    -- at a million articles, most of a second). With one it reads one list, newest first, and
    -- stops at the window. The commonest words have four letters or fewer ("said", "with"):
    -- a longer prefix starts fewer and rarer words, and stays cheap without an index.
    -- The index is rebuilt from search_docs (minutes at a million articles, once).
    DROP TABLE search_fts;
    CREATE VIRTUAL TABLE search_fts USING fts5(
        body, extra, content='search_docs', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
    );
    INSERT INTO search_fts(search_fts) VALUES ('rebuild');
    """,
    ),
    (
        "a key's newest articles read from an index in the order links were written",
        """
    -- A story link rewrites its article's keys as it is written, so within a key the rows'
    -- order is the links' order: the newest holders of a key are the last entries of this
    -- index (a common key at a million articles no longer sorts all its holders by link).
    CREATE INDEX story_keys_newest ON story_keys(key);
    """,
    ),
    (
        "threads listed from a kept summary table",
        """
    -- The threads view adds up every link and article of every thread: listing threads read the
    -- whole desk (seconds at a million articles). Each thread's summary is kept here instead,
    -- rewritten when one of its stories changes or a story joins or leaves it.
    CREATE TABLE thread_summaries (
        id TEXT PRIMARY KEY,                      -- the thread's id (its founding story's)
        title TEXT,
        n_stories INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT
    );
    CREATE INDEX thread_summaries_newest ON thread_summaries(last_published IS NULL, last_published DESC, id);
    INSERT INTO thread_summaries
        SELECT id, title, n_stories, n_articles, n_outlets, first_published, last_published FROM threads;
    """,
    ),
]
"""(description, SQL) in order; applied once each and recorded in ``migrations``."""

_CHILD_TABLES = (
    "person_links",
    "story_keys",
    "story_links",
    "mentions",
    "entities",
    "quotes",
    "amounts",
    "dates",
    "events",
    "main_events",
    "debris",
)


class SQLiteStore:
    """A desk in one SQLite file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path = "newsdesk.db", *, timeout: float = 30.0) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if self.path != ":memory:":
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        if not self._up_to_date():
            self._migrate()

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A transaction that nests (SAVEPOINT inside an open one) and rolls back on error."""
        if self.conn.in_transaction:
            name = f"sp_{id(object())}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _up_to_date(self) -> bool:
        """Whether every migration is applied, asked without a write lock (readers never need one)."""
        try:
            row = self.conn.execute("SELECT count(*), max(version) FROM migrations").fetchone()
        except sqlite3.OperationalError:  # no migrations table yet: a new desk
            return False
        return bool(row[0] == len(MIGRATIONS) and row[1] == len(MIGRATIONS))

    def _migrate(self) -> None:
        with self.transaction() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in db.execute("SELECT version FROM migrations")}
            for version, (name, sql) in enumerate(MIGRATIONS, 1):
                if version in done:
                    continue
                for statement in _statements(sql):
                    db.execute(statement)
                db.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, name, now()))

    # ------------------------------------------------------------------ writing

    def put(self, article: Article, *, replace: bool = False) -> bool:
        with self.transaction() as db:
            exists = db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
            if exists and not replace:
                return False
            if exists:
                self._delete(db, article.id)
            self._insert(db, article)
        return True

    def delete(self, article_id: str) -> bool:
        """Remove an article and its annotations; False when it was not stored."""
        with self.transaction() as db:
            return self._delete(db, article_id)

    @classmethod
    def _delete(cls, db: sqlite3.Connection, article_id: str) -> bool:
        """Remove an article, its annotations and its story link (its story's summary follows)."""
        story = db.execute("SELECT story_id FROM story_links WHERE article_id = ?", (article_id,)).fetchone()
        for table in _CHILD_TABLES:
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        gone = db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0
        if story is not None:
            cls._refresh_stories(db, [story[0]])
        return gone

    @staticmethod
    def _insert(db: sqlite3.Connection, a: Article) -> None:
        db.execute(f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({','.join('?' * 13)})", article_row(a))
        for table, rows in child_rows(a).items():
            if rows:
                db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)

    # ------------------------------------------------------------------ reading

    def __contains__(self, article_id: object) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: str) -> Article | None:
        return next(self.articles([article_id]), None)

    def articles(self, ids: Iterable[str] | None = None, *, batch: int = 200) -> Iterator[Article]:
        """Stored articles in full, loaded ``batch`` at a time (children in one query per table)."""
        if ids is None:  # the whole desk, in storing order, never all in memory at once
            last = 0
            while rows := self.conn.execute(
                "SELECT rowid, * FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall():
                last = rows[-1][0]
                yield from self._load([r["id"] for r in rows], {r["id"]: r for r in rows})
            return
        wanted = list(ids)
        for start in range(0, len(wanted), batch):
            chunk = wanted[start : start + batch]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk).fetchall()
            yield from self._load(chunk, {r["id"]: r for r in rows})

    def article_ids(
        self, *, published_since: str | None = None, id_prefix: str | None = None, page: int = 1000
    ) -> Iterator[str]:
        last = 0
        while True:
            rows = self.conn.execute(
                """SELECT rowid, id FROM articles
                   WHERE rowid > ?1 AND (?2 IS NULL OR published >= ?2)
                     AND (?3 IS NULL OR substr(id, 1, length(?3)) = ?3)
                   ORDER BY rowid LIMIT ?4""",
                (last, published_since, id_prefix, int(page)),
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield from (r[1] for r in rows)

    def _load(self, order: list[str], rows: dict[str, sqlite3.Row]) -> Iterator[Article]:
        """Articles of ``order`` that have a row, with their children read in one query per table."""
        found = list(rows)
        marks = ",".join("?" * len(found))
        children: dict[str, dict[str, list[sqlite3.Row]]] = {}
        for table in LOADED_TABLES:
            sort = 'entity_idx, start, "end"' if table == "mentions" else "idx"
            grouped: dict[str, list[sqlite3.Row]] = {}
            if found:
                for row in self.conn.execute(
                    f"SELECT * FROM {table} WHERE article_id IN ({marks}) ORDER BY article_id, {sort}", found
                ):
                    grouped.setdefault(row["article_id"], []).append(row)
            children[table] = grouped
        for aid in order:
            if aid in rows:
                yield article_from_rows(rows[aid], {t: c.get(aid, []) for t, c in children.items()})

    def search(self, query: str, *, limit: int = 20, offset: int = 0, kind: str | None = None) -> list[SearchHit]:
        check_search_kind(kind)
        terms = query_terms(query)
        if not terms:
            return []
        # the newest matches first (FTS5 walks its index in rowid order and stops at the window),
        # then only those are ranked, on what ranking needs alone (the article's date from a covering
        # index, never its row); the page's hits are then joined to their article, quote or entity
        # and their snippet is cut
        rows = self.conn.execute(
            """WITH hits AS (
                   SELECT d.id, d.kind, d.article_id, d.idx, search_fts.rank AS rank
                   FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
                   WHERE search_fts MATCH ? AND (? IS NULL OR d.kind = ?)
                   ORDER BY search_fts.rowid DESC LIMIT ?),
               page AS (
                   SELECT h.id, h.kind, h.article_id, h.idx, h.rank,
                          CASE h.kind WHEN 'article' THEN 0 WHEN 'quote' THEN 1 ELSE 2 END AS kind_order,
                          coalesce(a.published, '') AS newest
                   FROM hits h JOIN articles a INDEXED BY articles_id_published ON a.id = h.article_id
                   ORDER BY h.rank, kind_order, newest DESC, h.id DESC
                   LIMIT ? OFFSET ?)
               SELECT p.kind, p.article_id, a.title, a.outlet, a.published, p.idx, d.body, q.speaker, e.name,
                      q.start, q."end"
               FROM page p
               JOIN search_docs d ON d.id = p.id
               JOIN articles a ON a.id = p.article_id
               LEFT JOIN quotes q ON p.kind = 'quote' AND q.article_id = p.article_id AND q.idx = p.idx
               LEFT JOIN entities e ON p.kind = 'entity' AND e.article_id = p.article_id AND e.idx = p.idx
               ORDER BY p.rank, p.kind_order, p.newest DESC, p.id DESC""",
            (fts_query(terms), kind, kind, search_module.SEARCH_WINDOW, int(limit), int(offset)),
        ).fetchall()
        return [
            SearchHit(
                kind=r["kind"],
                article_id=r["article_id"],
                title=r["title"],
                outlet=r["outlet"],
                published=r["published"],
                snippet=snippet(r["body"], terms),
                index=r["idx"],
                label=r["speaker"] if r["kind"] == "quote" else r["name"],
                start=r["start"],
                end=r["end"],
            )
            for r in rows
        ]

    def list(
        self, *, limit: int = 50, offset: int = 0, outlet: str | None = None, entity: str | None = None
    ) -> list[ArticleSummary]:
        params: list[Any] = []
        if entity is not None:  # a range of entity_articles, newest first, joined to the page's articles
            source = "entity_articles n JOIN articles a ON a.id = n.article_id WHERE n.name = ?"
            order = "n.published DESC, n.ingested_at DESC, n.article_id DESC"
            params.append(entity)
            if outlet is not None:
                source += " AND a.outlet = ?"
                params.append(outlet)
        else:  # a range of articles_newest (or articles_outlet_newest)
            source = "articles a" + (" WHERE a.outlet = ?" if outlet is not None else "")
            order = "coalesce(a.published, '') DESC, a.ingested_at DESC, a.id DESC"
            params += [outlet] if outlet is not None else []
        rows = self.conn.execute(
            f"""SELECT a.id, a.source, a.outlet, a.title, a.published, a.ingested_at,
                   (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS n_entities,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes
                FROM {source}
                ORDER BY {order}
                LIMIT ? OFFSET ?""",
            [*params, int(limit), int(offset)],
        ).fetchall()
        return [ArticleSummary(*tuple(r)) for r in rows]

    # ------------------------------------------------------------------ stories

    def put_story_links(self, links: Iterable[StoryLink]) -> None:
        todo = list(links)
        check_story_links(todo)
        with self.transaction() as db:
            missing = [
                link.article_id
                for link in todo
                if db.execute("SELECT 1 FROM articles WHERE id = ?", (link.article_id,)).fetchone() is None
            ]
            if missing:
                raise KeyError(f"not stored: {', '.join(missing[:5])}")
            seq = int(db.execute("SELECT coalesce(max(link_order), 0) FROM story_links").fetchone()[0])
            touched: set[str] = set()
            for n, link in enumerate(todo, seq + 1):
                old = db.execute("SELECT story_id FROM story_links WHERE article_id = ?", (link.article_id,)).fetchone()
                touched.update([link.story_id, *(old or ())])
                db.execute("DELETE FROM story_keys WHERE article_id = ?", (link.article_id,))
                db.execute(
                    "INSERT OR REPLACE INTO story_links VALUES (?,?,?,?,?)",
                    (link.article_id, link.story_id, link.copy_of, now(), n),
                )
                db.executemany(
                    "INSERT OR IGNORE INTO story_keys VALUES (?,?)", [(k, link.article_id) for k in link.keys]
                )
            self._refresh_stories(db, touched)

    @staticmethod
    def _refresh_stories(db: sqlite3.Connection, story_ids: Iterable[str]) -> None:
        """Rewrite the summaries of stories whose members changed, and drop what was kept for them."""
        for story_id in sorted(set(story_ids)):
            members = db.execute(STORY_MEMBERS.format("?"), (story_id,)).fetchall()
            old = db.execute("SELECT version FROM stories WHERE id = ?", (story_id,)).fetchone()
            summary = summarise(story_id, members, (old[0] if old else 0) + 1)
            db.execute("DELETE FROM story_briefs WHERE story_id = ?", (story_id,))
            if summary is None:
                db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            else:
                db.execute(f"INSERT OR REPLACE INTO stories VALUES ({','.join('?' * 10)})", story_row(summary))
        SQLiteStore._refresh_threads(db, SQLiteStore._threads_of(db, story_ids))

    @staticmethod
    def _threads_of(db: sqlite3.Connection, story_ids: Iterable[str]) -> set[str]:
        """The threads the given stories are in now."""
        stories = sorted(set(story_ids))
        threads: set[str] = set()
        for start in range(0, len(stories), 500):
            chunk = stories[start : start + 500]
            marks = ",".join("?" * len(chunk))
            threads.update(
                r[0] for r in db.execute(f"SELECT thread_id FROM thread_links WHERE story_id IN ({marks})", chunk)
            )
        return threads

    @staticmethod
    def _refresh_threads(db: sqlite3.Connection, thread_ids: Iterable[str]) -> None:
        """Rewrite the kept summaries of threads whose stories changed (a thread left empty loses its row)."""
        for thread_id in sorted(set(thread_ids)):
            db.execute("DELETE FROM thread_summaries WHERE id = ?", (thread_id,))
            db.execute(THREAD_SUMMARY.format("?"), (thread_id,))

    def _links(self, where: str, params: Sequence[Any]) -> StoryLinks:
        rows = self.conn.execute(
            f"SELECT l.article_id, l.story_id, l.copy_of, (SELECT json_group_array(key) FROM"
            f" (SELECT key FROM story_keys k WHERE k.article_id = l.article_id ORDER BY key)) AS keys"
            f" FROM story_links l {where} ORDER BY l.story_id, l.article_id",
            params,
        ).fetchall()
        return [StoryLink(r[0], r[1], r[2], tuple(json.loads(r[3]))) for r in rows]

    def story_links(self, *, story_id: str | None = None, article_ids: Iterable[str] | None = None) -> StoryLinks:
        clauses: StoryClauses = []
        params: StoryClauses = []
        if story_id is not None:
            clauses.append("l.story_id = ?")
            params.append(story_id)
        if article_ids is not None:
            ids = list(article_ids)
            clauses.append(f"l.article_id IN ({','.join('?' * len(ids))})" if ids else "0")
            params += ids
        return self._links(("WHERE " + " AND ".join(clauses)) if clauses else "", params)

    def story_neighbours(self, keys: Iterable[str], *, per_key: int = 200) -> StoryLinks:
        found: set[str] = set()
        for key in dict.fromkeys(keys):
            found.update(
                r[0]
                for r in self.conn.execute(
                    # rows of a key in the order their links were written (put_story_links rewrites them)
                    "SELECT article_id FROM story_keys INDEXED BY story_keys_newest WHERE key = ?"
                    " ORDER BY rowid DESC LIMIT ?",
                    (key, int(per_key)),
                )
            )
        links: StoryLinks = []
        ids = sorted(found)
        for start in range(0, len(ids), 500):
            links += self.story_links(article_ids=ids[start : start + 500])
        return sorted(links, key=lambda link: (link.story_id, link.article_id))

    def story_key_counts(self, keys: Iterable[str], *, at_most: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        for key in dict.fromkeys(keys):
            n = self.conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM story_keys WHERE key = ? LIMIT ?)", (key, int(at_most))
            ).fetchone()[0]
            if n:
                counts[key] = int(n)
        return counts

    # ------------------------------------------------------------------ people

    def put_person_links(self, links: Iterable[PersonLink]) -> None:
        todo = list(links)
        with self.transaction() as db:
            missing = [
                link.article_id
                for link in todo
                if db.execute("SELECT 1 FROM articles WHERE id = ?", (link.article_id,)).fetchone() is None
            ]
            if missing:
                raise KeyError(f"not stored: {', '.join(missing[:5])}")
            seq = int(db.execute("SELECT coalesce(max(linked_order), 0) FROM person_links").fetchone()[0])
            # deleted first, not replaced: a REPLACE fires no delete trigger, and entity_articles keeps by those
            db.executemany(
                "DELETE FROM person_links WHERE article_id = ? AND name = ?", [(x.article_id, x.name) for x in todo]
            )
            db.executemany(
                "INSERT OR REPLACE INTO person_links VALUES (?,?,?,?,?,?)",
                [
                    (link.article_id, link.name, link.person, link.key, json.dumps(list(link.roles)), n)
                    for n, link in enumerate(todo, seq + 1)
                ],
            )

    def person_links(
        self,
        *,
        keys: Iterable[str] | None = None,
        article_ids: Iterable[str] | None = None,
        person: str | None = None,
        per_key: int = 1000,
    ) -> PersonLinks:
        clauses: StoryClauses = []
        params: list[Any] = []
        if person is not None:
            clauses.append("person = ?")
            params.append(person)
        if article_ids is not None:
            ids = list(dict.fromkeys(article_ids))
            clauses.append("article_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(ids))
        where = " AND ".join(clauses) or "1"
        if keys is None:
            rows = self.conn.execute(f"SELECT * FROM person_links WHERE {where}", params).fetchall()
        else:
            rows = []
            for key in dict.fromkeys(keys):
                rows += self.conn.execute(
                    f"SELECT * FROM person_links WHERE key = ? AND {where} ORDER BY linked_order DESC LIMIT ?",
                    [key, *params, int(per_key)],
                ).fetchall()
        found = [
            PersonLink(r["article_id"], r["name"], r["person"], r["key"], tuple(json.loads(r["roles"]))) for r in rows
        ]
        return sorted(found, key=lambda link: (link.article_id, link.name))

    # ------------------------------------------------------------------ threads

    def put_thread_links(self, links: Iterable[ThreadLink]) -> None:
        todo = list(links)
        with self.transaction() as db:
            stories = sorted({link.story_id for link in todo})
            present: set[str] = set()
            for start in range(0, len(stories), 500):
                chunk = stories[start : start + 500]
                marks = ",".join("?" * len(chunk))
                present.update(
                    r[0]
                    for r in db.execute(f"SELECT DISTINCT story_id FROM story_links WHERE story_id IN ({marks})", chunk)
                )
            missing = [s for s in stories if s not in present]
            if missing:
                raise KeyError(f"no stored article in story: {', '.join(missing[:5])}")
            touched = {link.thread_id for link in todo} | self._threads_of(db, stories)  # and those they leave
            db.executemany(
                "INSERT OR REPLACE INTO thread_links VALUES (?,?,?)",
                [(link.story_id, link.thread_id, now()) for link in todo],
            )
            self._refresh_threads(db, touched)

    def thread_links(self, *, thread_id: str | None = None, story_ids: Iterable[str] | None = None) -> ThreadLinks:
        if story_ids is not None:
            wanted = sorted(set(story_ids))
            found: ThreadLinks = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows = self.conn.execute(
                    f"SELECT story_id, thread_id FROM thread_links WHERE story_id IN ({','.join('?' * len(chunk))})"
                    " AND (? IS NULL OR thread_id = ?)",
                    [*chunk, thread_id, thread_id],
                ).fetchall()
                found += [ThreadLink(r[0], r[1]) for r in rows]
            return sorted(found, key=lambda link: (link.thread_id, link.story_id))
        rows = self.conn.execute(
            "SELECT story_id, thread_id FROM thread_links WHERE (? IS NULL OR thread_id = ?)"
            " ORDER BY thread_id, story_id",
            (thread_id, thread_id),
        ).fetchall()
        return [ThreadLink(r[0], r[1]) for r in rows]

    def threads(self, *, limit: int = 50, offset: int = 0) -> ThreadSummaries:
        rows = self.conn.execute(
            """SELECT id, title, n_stories, n_articles, n_outlets, first_published, last_published
               FROM thread_summaries
               ORDER BY last_published IS NULL, last_published DESC, id LIMIT ? OFFSET ?""",
            (int(limit), int(offset)),
        ).fetchall()
        return [ThreadSummary(*tuple(r)) for r in rows]

    def stories(self, *, limit: int = 50, offset: int = 0) -> StorySummaries:
        rows = self.conn.execute(
            "SELECT * FROM stories ORDER BY coalesce(last_published, '') DESC, coalesce(first_published, '') DESC,"
            " id DESC LIMIT ? OFFSET ?",
            (int(limit), int(offset)),
        ).fetchall()
        return [story_from_row(r) for r in rows]

    def story(self, story_id: str) -> StorySummary | None:
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        return story_from_row(row) if row is not None else None

    def story_brief(self, story_id: str, key: str) -> str | None:
        row = self.conn.execute(
            "SELECT b.body FROM story_briefs b JOIN stories s ON s.id = b.story_id AND s.version = b.version"
            " WHERE b.story_id = ? AND b.key = ?",
            (story_id, key),
        ).fetchone()
        return None if row is None else str(row[0])

    def put_story_brief(self, story_id: str, version: int, key: str, body: str, *, wait: float = 0.05) -> bool:
        """See :meth:`Store.put_story_brief`; ``wait`` is how long to wait for another writer's lock (seconds)."""
        outer = self.conn.in_transaction
        if not outer:
            self.conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        try:
            with self.transaction() as db:
                return (
                    db.execute(
                        "INSERT OR REPLACE INTO story_briefs SELECT ?, ?, ?, ?, ?"
                        " WHERE EXISTS (SELECT 1 FROM stories WHERE id = ? AND version = ?)",
                        (story_id, key, int(version), body, now(), story_id, int(version)),
                    ).rowcount
                    > 0
                )
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return False  # a writer holds the desk: the brief is kept another time
            raise
        finally:
            if not outer:
                self.conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    def close(self) -> None:
        self.conn.close()


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements.

    Pieces between semicolons are joined until SQLite calls them a complete
    statement, so a ``CREATE TRIGGER … BEGIN …; END`` stays whole.
    """
    parts = []
    pending = ""
    for chunk in sql.split(";"):
        pending += chunk + ";"
        if not sqlite3.complete_statement(pending):
            continue
        lines = [ln for ln in pending.splitlines() if ln.strip() and not ln.strip().startswith("--")]
        if lines and "".join(lines).strip() != ";":
            parts.append(pending.strip().removesuffix(";"))
        pending = ""
    return parts
