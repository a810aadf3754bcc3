"""A desk in PostgreSQL, for several people (or workers) writing to one store.

The same plain tables as the SQLite desk (``articles``, ``entities``,
``mentions``, ``quotes``, ``amounts``, ``dates``, ``events``, ``debris``,
``migrations``), so a query written for one works on the other, and the same
:class:`~newsdesk.store.base.Store` contract, checked by the same tests.

Migrations follow the SQLite design: :data:`MIGRATIONS` is an append-only
list of ``(name, sql)``; version *n* of this list is version *n* of
``newsdesk.store.sqlite.MIGRATIONS`` (a test checks that the names agree),
so a helper who adds a table to the SQLite desk adds its PostgreSQL version
here, at the same position. Migrations run in one transaction under an
advisory lock, so two processes opening a new desk at once do not race.

Writes are safe with many writers: ``put`` inserts the article row with
``ON CONFLICT DO NOTHING`` first, so of two workers storing the same article
exactly one writes it, and each article is one transaction.

Search has the semantics of :mod:`newsdesk.store.search` (plain words, every
word must match, the last one of two letters or more as a prefix, case and
diacritics folded): the words are folded by the same Python code and indexed
as a ``tsvector`` of the ``simple`` configuration, with a GIN index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
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
    entity_names,
    now,
    story_from_row,
    story_row,
    summarise,
)
from newsdesk.store.search import is_prefix, query_terms, snippet, tokens

__all__ = ["MIGRATIONS", "PostgresStore"]

PersonLinks = list[PersonLink]
StoryLinks = list[StoryLink]
ThreadLinks = list[ThreadLink]
ThreadSummaries = list[ThreadSummary]
StorySummaries = list["StorySummary"]
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
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        language TEXT,
        input_format TEXT,
        text TEXT NOT NULL,
        sentences TEXT NOT NULL DEFAULT '[]',
        stages TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL,
        seq BIGSERIAL                             -- insertion order (SQLite's rowid)
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
        value DOUBLE PRECISION NOT NULL,
        unit TEXT,
        counts TEXT,
        approximate INTEGER NOT NULL DEFAULT 0,
        high DOUBLE PRECISION,
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
    -- The PostgreSQL version of SQLite's FTS5 index: one row per searchable thing, written by
    -- put() with words folded in Python (newsdesk.store.search), so both backends match alike.
    CREATE TABLE search_docs (
        id BIGSERIAL PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,                       -- article | quote | entity
        idx INTEGER,                              -- the quote's or entity's position
        body TEXT NOT NULL,                       -- what the snippet is cut from
        extra TEXT NOT NULL DEFAULT '',           -- also searched: outlet/authors, speaker, aliases
        words TSVECTOR NOT NULL
    );
    CREATE INDEX search_docs_article ON search_docs(article_id);
    CREATE INDEX search_docs_words ON search_docs USING GIN (words);
    """,
    ),
    (
        "stories: which story each article is in, and the keys that find its neighbours",
        """
    CREATE TABLE story_links (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        copy_of TEXT,
        linked_at TEXT NOT NULL,
        link_order BIGINT NOT NULL
    );
    CREATE INDEX story_links_story ON story_links(story_id);
    CREATE SEQUENCE story_links_seq;
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
    -- Datasette reads SQLite only (PostgreSQL's search is search_docs); the foreign key keeps both desks alike
    ALTER TABLE mentions ADD FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE;
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
        name TEXT NOT NULL,
        person TEXT NOT NULL,
        key TEXT NOT NULL,
        roles TEXT NOT NULL DEFAULT '[]',
        linked_order BIGINT NOT NULL,
        PRIMARY KEY (article_id, name)
    );
    CREATE INDEX person_links_key ON person_links(key, linked_order);
    CREATE INDEX person_links_person ON person_links(person);
    CREATE SEQUENCE person_links_seq;
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
    DROP VIEW stories;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        outlets TEXT NOT NULL DEFAULT '[]',
        n_articles INTEGER NOT NULL,
        n_originals INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        version BIGINT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX stories_newest ON stories ((coalesce(last_published, '')), (coalesce(first_published, '')), id);
    CREATE TABLE story_briefs (
        story_id TEXT NOT NULL,
        key TEXT NOT NULL,
        version BIGINT NOT NULL,
        body TEXT NOT NULL,
        made_at TEXT NOT NULL,
        PRIMARY KEY (story_id, key)
    );
    INSERT INTO stories
        SELECT l.story_id,
               (SELECT coalesce(nullif(a2.title, ''), a2.source)
                 FROM story_links l2 JOIN articles a2 ON a2.id = l2.article_id
                 WHERE l2.story_id = l.story_id
                 ORDER BY coalesce(l2.copy_of, '') <> '', coalesce(nullif(a2.published, ''), '9999') COLLATE "C",
                          a2.ingested_at COLLATE "C", a2.id COLLATE "C"
                 LIMIT 1),
               coalesce((SELECT json_agg(o ORDER BY o COLLATE "C")::text FROM (
                   SELECT DISTINCT a3.outlet AS o FROM story_links l3 JOIN articles a3 ON a3.id = l3.article_id
                   WHERE l3.story_id = l.story_id AND coalesce(a3.outlet, '') <> '') AS outlets), '[]'),
               count(*), count(*) FILTER (WHERE coalesce(l.copy_of, '') = ''),
               count(DISTINCT nullif(a.outlet, '')),
               min(nullif(a.published, '') COLLATE "C"), max(nullif(a.published, '') COLLATE "C"), 1,
               to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')
        FROM story_links l JOIN articles a ON a.id = l.article_id
        GROUP BY l.story_id;
    """,
    ),
    (
        "listings newest first by index: articles, an outlet's, an entity's",
        """
    CREATE INDEX articles_newest ON articles ((coalesce(published, '')), ingested_at, id);
    CREATE INDEX articles_outlet_newest ON articles (outlet, (coalesce(published, '')), ingested_at, id);
    DROP INDEX articles_outlet;
    -- kept by PostgresStore.put (in Python, as search_docs); rows go with their article
    CREATE TABLE entity_articles (
        name TEXT NOT NULL,
        published TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (name, published, ingested_at, article_id)
    );
    CREATE INDEX entity_articles_article ON entity_articles(article_id);
    INSERT INTO entity_articles
        SELECT e.name, coalesce(a.published, ''), a.ingested_at, a.id
        FROM entities e JOIN articles a ON a.id = e.article_id
        UNION
        SELECT q.speaker, coalesce(a.published, ''), a.ingested_at, a.id
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.speaker IS NOT NULL
        UNION
        SELECT p.person, coalesce(a.published, ''), a.ingested_at, a.id
        FROM person_links p JOIN articles a ON a.id = p.article_id;
    """,
    ),
    (
        "search ranks its hits by date from an index of the articles' dates",
        """
    -- Ranking a search's window of hits reads each hit's article date: from this covering index
    -- (an index-only scan) rather than from the articles' rows.
    CREATE INDEX articles_id_published ON articles (id) INCLUDE (published);
    """,
    ),
    (
        "search keeps prefix indexes of two, three and four letters",
        """
    -- SQLite's full-text index needed prefix indexes for a search's last word. The GIN index of
    -- the search words already reads a prefix ('in':*) as one range of its sorted words, so
    -- PostgreSQL has nothing to add: this version only keeps the two lists in step.
    SELECT 1;
    """,
    ),
    (
        "a key's newest articles read from an index in the order links were written",
        """
    -- SQLite reads a key's newest holders from its rows' order. PostgreSQL's rows have no such
    -- order: it keeps reading them through story_keys' primary key and story_links' link_order,
    -- and this version only keeps the two lists in step.
    SELECT 1;
    """,
    ),
    (
        "threads listed from a kept summary table",
        """
    -- As on SQLite: each thread's summary is kept, rewritten when one of its stories changes or
    -- a story joins or leaves it, so listing threads never adds up the whole desk.
    CREATE TABLE thread_summaries (
        id TEXT PRIMARY KEY,
        title TEXT,
        n_stories INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT
    );
    CREATE INDEX thread_summaries_newest ON thread_summaries (last_published DESC NULLS LAST, id);
    INSERT INTO thread_summaries
        SELECT id, title, n_stories, n_articles, n_outlets, first_published, last_published FROM threads;
    """,
    ),
]
"""(description, SQL) in order, version *n* matching version *n* of the SQLite list."""

_MIGRATION_LOCK = 0x6E657773  # "news": the advisory lock that serialises migrations
_MAX_WORD_BYTES = 2047
"""PostgreSQL indexes no longer word (``to_tsvector`` skips it; a tsquery refuses it)."""
_INDEXED_CHARS = 400_000
"""Folded text beyond this is indexed as distinct words only (a tsvector holds at most 1 MB)."""


def _words_sql(text: str) -> tuple[str, Any]:
    """A tsvector expression and its parameter for the folded words of ``text``."""
    folded = tokens(text)
    joined = " ".join(folded)
    if len(joined) <= _INDEXED_CHARS:
        return "to_tsvector('simple', %s)", joined
    return "array_to_tsvector(%s::text[])", sorted({w for w in folded if len(w.encode()) < _MAX_WORD_BYTES})


def _tsquery(terms: Sequence[str]) -> str:
    """A tsquery for folded ``terms`` (letters and digits only, so quoting needs no escaping)."""
    return " & ".join(f"'{t}'" + (":*" if is_prefix(list(terms), i) else "") for i, t in enumerate(terms))


class PostgresStore:
    """A desk in a PostgreSQL database (``postgresql://user:password@host:port/dbname``).

    Args:
        url: a libpq connection string or URL. Tables go to the first schema
            of the ``search_path`` (``?options=-csearch_path%3Dmydesk`` picks one).
        schema: a schema to create (if needed) and use, overriding the URL's.
    """

    def __init__(self, url: str, *, schema: str | None = None, connect_timeout: int = 10) -> None:
        import psycopg
        from psycopg.rows import dict_row

        self.url = url
        self.conn: psycopg.Connection[dict[str, Any]] = psycopg.connect(
            url, autocommit=True, row_factory=dict_row, connect_timeout=connect_timeout
        )
        try:
            self._migrate(schema)
        except BaseException:
            self.conn.close()
            raise

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A transaction (a savepoint inside an open one) that rolls back on error."""
        with self.conn.transaction():
            yield self.conn

    def _migrate(self, schema: str | None) -> None:
        with self.transaction() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            if schema is not None:  # under the lock: CREATE SCHEMA IF NOT EXISTS itself can race
                from psycopg import sql

                db.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
                db.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
            db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL)"
            )
            done = {row["version"] for row in db.execute("SELECT version FROM migrations")}
            for version, (name, script) in enumerate(MIGRATIONS, 1):
                if version not in done:
                    db.execute(script)
                    db.execute("INSERT INTO migrations VALUES (%s, %s, %s)", (version, name, now()))

    # ------------------------------------------------------------------ writing

    def put(self, article: Article, *, replace: bool = False) -> bool:
        with self.transaction() as db:
            if replace:
                self._delete(db, article.id)
            row = article_row(article)
            inserted = db.execute(
                f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({','.join(['%s'] * 13)})"
                " ON CONFLICT (id) DO NOTHING",
                row,
            ).rowcount
            if not inserted:
                return False
            self._insert_children(db, article, row[-1])
        return True

    def delete(self, article_id: str) -> bool:
        """Remove an article and its annotations; False when it was not stored."""
        with self.transaction() as db:
            return self._delete(db, article_id)

    @classmethod
    def _delete(cls, db: Any, article_id: str) -> bool:
        """Remove an article with everything keyed by it (cascades); its story's summary follows."""
        story = db.execute("SELECT story_id FROM story_links WHERE article_id = %s", (article_id,)).fetchone()
        gone = bool(db.execute("DELETE FROM articles WHERE id = %s", (article_id,)).rowcount)
        if story is not None:
            cls._refresh_stories(db, [story["story_id"]])
        return gone

    @staticmethod
    def _insert_children(db: Any, a: Article, ingested_at: str) -> None:
        cur = db.cursor()
        for table, rows in child_rows(a).items():
            if rows:
                cur.executemany(f"INSERT INTO {table} VALUES ({','.join(['%s'] * len(rows[0]))})", rows)
        cur.executemany(
            "INSERT INTO entity_articles VALUES (%s,%s,%s,%s) ON CONFLICT DO NOTHING",
            [(name, a.published or "", ingested_at, a.id) for name in entity_names(a)],
        )
        # in the SQLite desk's order (its triggers): the article, its entities, its quotes
        docs: list[tuple[str, int | None, str, str]] = [
            ("article", None, f"{a.title or ''}\n{a.text}", f"{a.outlet or ''} {json.dumps(list(a.authors))}")
        ]
        docs += [("entity", i, e.name, json.dumps(list(e.aliases))) for i, e in enumerate(a.entities)]
        docs += [("quote", i, q.text, q.speaker or "") for i, q in enumerate(a.quotes)]
        for kind, idx, body, extra in docs:
            expr, words = _words_sql(f"{body}\n{extra}")
            cur.execute(
                f"INSERT INTO search_docs (article_id, kind, idx, body, extra, words) VALUES (%s,%s,%s,%s,%s,{expr})",
                (a.id, kind, idx, body, extra, words),
            )

    # ------------------------------------------------------------------ reading

    def __contains__(self, article_id: object) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone() is not None

    def count(self) -> int:
        row = self.conn.execute("SELECT count(*) AS n FROM articles").fetchone()
        return int(row["n"]) if row else 0

    def get(self, article_id: str) -> Article | None:
        return next(self.articles([article_id]), None)

    def articles(self, ids: Iterable[str] | None = None, *, batch: int = 200) -> Iterator[Article]:
        """Stored articles in full, loaded ``batch`` at a time (children in one query per table)."""
        if ids is None:
            wanted: list[str] = [r["id"] for r in self.conn.execute("SELECT id FROM articles ORDER BY seq")]
        else:
            wanted = list(ids)
        for start in range(0, len(wanted), batch):
            chunk = wanted[start : start + batch]
            rows = {r["id"]: r for r in self.conn.execute("SELECT * FROM articles WHERE id = ANY(%s)", (chunk,))}
            children = {table: self._children(table, list(rows)) for table in LOADED_TABLES}
            for aid in chunk:
                if aid in rows:
                    yield article_from_rows(rows[aid], {t: c.get(aid, []) for t, c in children.items()})

    def article_ids(
        self, *, published_since: str | None = None, id_prefix: str | None = None, page: int = 1000
    ) -> Iterator[str]:
        last = 0
        while True:
            rows = self.conn.execute(
                """SELECT seq, id FROM articles
                   WHERE seq > %(last)s AND (%(since)s::text IS NULL OR published >= %(since)s::text)
                     AND (%(prefix)s::text IS NULL OR left(id, length(%(prefix)s::text)) = %(prefix)s::text)
                   ORDER BY seq LIMIT %(page)s""",
                {"last": last, "since": published_since, "prefix": id_prefix, "page": int(page)},
            ).fetchall()
            if not rows:
                return
            last = rows[-1]["seq"]
            yield from (r["id"] for r in rows)

    def _children(self, table: str, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        order = 'entity_idx, start, "end"' if table == "mentions" else "idx"
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in self.conn.execute(
            f"SELECT * FROM {table} WHERE article_id = ANY(%s) ORDER BY article_id, {order}",
            (ids,),
        ):
            grouped.setdefault(row["article_id"], []).append(row)
        return grouped

    def search(self, query: str, *, limit: int = 20, offset: int = 0, kind: str | None = None) -> list[SearchHit]:
        check_search_kind(kind)
        terms = query_terms(query)
        if not terms or any(len(t.encode()) >= _MAX_WORD_BYTES for t in terms):
            return []  # no word that long is ever indexed, so nothing can match every term
        # the newest matches (by id) first, then only those are ranked, on what ranking needs alone
        # (their words, and their article's date from a covering index); the page's hits are then
        # joined to their article, quote or entity, and their snippet is cut
        rows = self.conn.execute(
            """WITH hits AS (
                   SELECT id, kind, article_id, idx, words FROM search_docs
                   WHERE words @@ %(q)s::tsquery AND (%(kind)s::text IS NULL OR kind = %(kind)s::text)
                   ORDER BY id DESC LIMIT %(window)s),
               page AS (
                   SELECT h.id, h.kind, h.article_id, h.idx, ts_rank(h.words, %(q)s::tsquery) AS rank,
                          CASE h.kind WHEN 'article' THEN 0 WHEN 'quote' THEN 1 ELSE 2 END AS kind_order,
                          coalesce(a.published, '') AS newest
                   FROM hits h JOIN articles a ON a.id = h.article_id
                   ORDER BY rank DESC, kind_order, newest DESC, h.id DESC
                   LIMIT %(limit)s OFFSET %(offset)s)
               SELECT p.kind, p.article_id, p.idx, d.body, a.title, a.outlet, a.published,
                      q.speaker, q.start, q."end", e.name
               FROM page p
               JOIN search_docs d ON d.id = p.id
               JOIN articles a ON a.id = p.article_id
               LEFT JOIN quotes q ON p.kind = 'quote' AND q.article_id = p.article_id AND q.idx = p.idx
               LEFT JOIN entities e ON p.kind = 'entity' AND e.article_id = p.article_id AND e.idx = p.idx
               ORDER BY p.rank DESC, p.kind_order, p.newest DESC, p.id DESC""",
            {
                "q": _tsquery(terms),
                "kind": kind,
                "window": search_module.SEARCH_WINDOW,
                "limit": int(limit),
                "offset": int(offset),
            },
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
        outlet_clause = " AND a.outlet = %(outlet)s" if outlet is not None else ""
        if entity is not None:  # a range of entity_articles, newest first
            source = "entity_articles n JOIN articles a ON a.id = n.article_id WHERE n.name = %(entity)s"
            source += outlet_clause
            order = "n.published DESC, n.ingested_at DESC, n.article_id DESC"
        else:  # a range of articles_newest (or articles_outlet_newest)
            source = "articles a WHERE TRUE" + outlet_clause
            order = "coalesce(a.published, '') DESC, a.ingested_at DESC, a.id DESC"
        rows = self.conn.execute(
            f"""SELECT a.id, a.source, a.outlet, a.title, a.published, a.ingested_at,
                   (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS n_entities,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes
               FROM {source}
               ORDER BY {order}
               LIMIT %(limit)s OFFSET %(offset)s""",
            {"outlet": outlet, "entity": entity, "limit": int(limit), "offset": int(offset)},
        ).fetchall()
        return [
            ArticleSummary(
                r["id"],
                r["source"],
                r["outlet"],
                r["title"],
                r["published"],
                r["ingested_at"],
                int(r["n_entities"]),
                int(r["n_quotes"]),
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ stories

    def put_story_links(self, links: Iterable[StoryLink]) -> None:
        todo = list(links)
        check_story_links(todo)
        with self.transaction() as db:
            ids = [link.article_id for link in todo]
            present = {r["id"] for r in db.execute("SELECT id FROM articles WHERE id = ANY(%s)", (ids,))}
            missing = [i for i in ids if i not in present]
            if missing:
                raise KeyError(f"not stored: {', '.join(missing[:5])}")
            old = {
                r["article_id"]: r["story_id"]
                for r in db.execute("SELECT article_id, story_id FROM story_links WHERE article_id = ANY(%s)", (ids,))
            }
            cur = db.cursor()
            for link in todo:
                cur.execute("DELETE FROM story_keys WHERE article_id = %s", (link.article_id,))
                cur.execute(
                    "INSERT INTO story_links VALUES (%s,%s,%s,%s,nextval('story_links_seq'))"
                    " ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id,"
                    " copy_of = EXCLUDED.copy_of, linked_at = EXCLUDED.linked_at, link_order = EXCLUDED.link_order",
                    (link.article_id, link.story_id, link.copy_of, now()),
                )
                cur.executemany(
                    "INSERT INTO story_keys VALUES (%s,%s) ON CONFLICT DO NOTHING",
                    [(k, link.article_id) for k in dict.fromkeys(link.keys)],
                )
            self._refresh_stories(db, {link.story_id for link in todo} | set(old.values()))

    @staticmethod
    def _refresh_stories(db: Any, story_ids: Iterable[str]) -> None:
        """Rewrite the summaries of stories whose members changed, and drop what was kept for them."""
        for story_id in sorted(set(story_ids)):
            members = db.execute(STORY_MEMBERS.format("%s"), (story_id,)).fetchall()
            old = db.execute("SELECT version FROM stories WHERE id = %s FOR UPDATE", (story_id,)).fetchone()
            summary = summarise(story_id, members, (old["version"] if old else 0) + 1)
            db.execute("DELETE FROM story_briefs WHERE story_id = %s", (story_id,))
            if summary is None:
                db.execute("DELETE FROM stories WHERE id = %s", (story_id,))
            else:
                db.execute(
                    f"INSERT INTO stories VALUES ({','.join(['%s'] * 10)}) ON CONFLICT (id) DO UPDATE SET"
                    " title = EXCLUDED.title, outlets = EXCLUDED.outlets, n_articles = EXCLUDED.n_articles,"
                    " n_originals = EXCLUDED.n_originals, n_outlets = EXCLUDED.n_outlets,"
                    " first_published = EXCLUDED.first_published, last_published = EXCLUDED.last_published,"
                    " version = EXCLUDED.version, updated_at = EXCLUDED.updated_at",
                    story_row(summary),
                )
        stories = sorted(set(story_ids))
        threads = {
            r["thread_id"]
            for r in db.execute("SELECT thread_id FROM thread_links WHERE story_id = ANY(%s)", (stories,))
        }
        PostgresStore._refresh_threads(db, threads)

    @staticmethod
    def _refresh_threads(db: Any, thread_ids: Iterable[str]) -> None:
        """Rewrite the kept summaries of threads whose stories changed (a thread left empty loses its row)."""
        for thread_id in sorted(set(thread_ids)):
            db.execute("DELETE FROM thread_summaries WHERE id = %s", (thread_id,))
            db.execute(THREAD_SUMMARY.format("%s"), (thread_id,))

    def story_links(self, *, story_id: str | None = None, article_ids: Iterable[str] | None = None) -> StoryLinks:
        ids = None if article_ids is None else list(article_ids)
        rows = self.conn.execute(
            """SELECT l.article_id, l.story_id, l.copy_of,
                      coalesce((SELECT array_agg(k.key ORDER BY k.key) FROM story_keys k
                                WHERE k.article_id = l.article_id), '{}') AS keys
               FROM story_links l
               WHERE (%(story)s::text IS NULL OR l.story_id = %(story)s::text)
                 AND (%(ids)s::text[] IS NULL OR l.article_id = ANY(%(ids)s::text[]))
               ORDER BY l.story_id, l.article_id""",
            {"story": story_id, "ids": ids},
        ).fetchall()
        return [StoryLink(r["article_id"], r["story_id"], r["copy_of"], tuple(r["keys"])) for r in rows]

    def story_neighbours(self, keys: Iterable[str], *, per_key: int = 200) -> StoryLinks:
        found: set[str] = set()
        for key in dict.fromkeys(keys):
            found.update(
                r["article_id"]
                for r in self.conn.execute(
                    "SELECT k.article_id FROM story_keys k JOIN story_links l ON l.article_id = k.article_id"
                    " WHERE k.key = %s ORDER BY l.link_order DESC LIMIT %s",
                    (key, int(per_key)),
                )
            )
        return self.story_links(article_ids=sorted(found)) if found else []

    def story_key_counts(self, keys: Iterable[str], *, at_most: int) -> dict[str, int]:
        rows = self.conn.execute(
            """SELECT w.key, (SELECT count(*) FROM (SELECT 1 FROM story_keys k WHERE k.key = w.key
                                                   LIMIT %(at_most)s) AS held) AS n
               FROM unnest(%(keys)s::text[]) AS w(key)""",
            {"keys": list(dict.fromkeys(keys)), "at_most": int(at_most)},
        ).fetchall()
        return {r["key"]: int(r["n"]) for r in rows if r["n"]}

    # ------------------------------------------------------------------ people

    def put_person_links(self, links: Iterable[PersonLink]) -> None:
        todo = list(links)
        with self.transaction() as db:
            ids = list({link.article_id for link in todo})
            present = {r["id"] for r in db.execute("SELECT id FROM articles WHERE id = ANY(%s)", (ids,))}
            missing = [link.article_id for link in todo if link.article_id not in present]
            if missing:
                raise KeyError(f"not stored: {', '.join(missing[:5])}")
            before = {
                (r["article_id"], r["name"]): r["person"]
                for r in db.execute(
                    "SELECT article_id, name, person FROM person_links WHERE article_id = ANY(%s)", (ids,)
                )
            }
            db.cursor().executemany(
                "INSERT INTO person_links VALUES (%s,%s,%s,%s,%s,nextval('person_links_seq'))"
                " ON CONFLICT (article_id, name) DO UPDATE SET person = EXCLUDED.person, key = EXCLUDED.key,"
                " roles = EXCLUDED.roles, linked_order = EXCLUDED.linked_order",
                [(link.article_id, link.name, link.person, link.key, json.dumps(list(link.roles))) for link in todo],
            )
            # entity_articles: the new person lists the article; an old one that nothing else names no longer does
            gone = {(aid, person) for (aid, _), person in before.items()}
            db.cursor().executemany(
                "INSERT INTO entity_articles SELECT %s, coalesce(published, ''), ingested_at, id FROM articles"
                " WHERE id = %s ON CONFLICT DO NOTHING",
                [(link.person, link.article_id) for link in todo],
            )
            db.cursor().executemany(
                """DELETE FROM entity_articles n WHERE n.name = %(p)s AND n.article_id = %(a)s
                   AND NOT EXISTS (SELECT 1 FROM entities WHERE article_id = %(a)s AND name = %(p)s)
                   AND NOT EXISTS (SELECT 1 FROM quotes WHERE article_id = %(a)s AND speaker = %(p)s)
                   AND NOT EXISTS (SELECT 1 FROM person_links WHERE article_id = %(a)s AND person = %(p)s)""",
                [{"a": aid, "p": person} for aid, person in gone],
            )

    def person_links(
        self,
        *,
        keys: Iterable[str] | None = None,
        article_ids: Iterable[str] | None = None,
        person: str | None = None,
        per_key: int = 1000,
    ) -> PersonLinks:
        args = {
            "person": person,
            "ids": None if article_ids is None else list(dict.fromkeys(article_ids)),
            "per_key": int(per_key),
        }
        where = (
            "(%(person)s::text IS NULL OR person = %(person)s::text)"
            " AND (%(ids)s::text[] IS NULL OR article_id = ANY(%(ids)s::text[]))"
        )
        if keys is None:
            rows = self.conn.execute(f"SELECT * FROM person_links WHERE {where}", args).fetchall()
        else:
            rows = []
            for key in dict.fromkeys(keys):
                rows += self.conn.execute(
                    f"SELECT * FROM person_links WHERE key = %(key)s AND {where}"
                    " ORDER BY linked_order DESC LIMIT %(per_key)s",
                    {**args, "key": key},
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
            present = {
                r["story_id"]
                for r in db.execute("SELECT DISTINCT story_id FROM story_links WHERE story_id = ANY(%s)", (stories,))
            }
            missing = [s for s in stories if s not in present]
            if missing:
                raise KeyError(f"no stored article in story: {', '.join(missing[:5])}")
            touched = {link.thread_id for link in todo}  # and the threads these stories leave
            touched.update(
                r["thread_id"]
                for r in db.execute("SELECT thread_id FROM thread_links WHERE story_id = ANY(%s)", (stories,))
            )
            db.cursor().executemany(
                "INSERT INTO thread_links VALUES (%s,%s,%s) ON CONFLICT (story_id) DO UPDATE"
                " SET thread_id = EXCLUDED.thread_id, linked_at = EXCLUDED.linked_at",
                [(link.story_id, link.thread_id, now()) for link in todo],
            )
            self._refresh_threads(db, touched)

    def thread_links(self, *, thread_id: str | None = None, story_ids: Iterable[str] | None = None) -> ThreadLinks:
        ids = None if story_ids is None else list(story_ids)
        rows = self.conn.execute(
            """SELECT story_id, thread_id FROM thread_links
               WHERE (%(thread)s::text IS NULL OR thread_id = %(thread)s::text)
                 AND (%(ids)s::text[] IS NULL OR story_id = ANY(%(ids)s::text[]))
               ORDER BY thread_id, story_id""",
            {"thread": thread_id, "ids": ids},
        ).fetchall()
        return [ThreadLink(r["story_id"], r["thread_id"]) for r in rows]

    def threads(self, *, limit: int = 50, offset: int = 0) -> ThreadSummaries:
        rows = self.conn.execute(
            """SELECT id, title, n_stories, n_articles, n_outlets, first_published, last_published
               FROM thread_summaries
               ORDER BY last_published DESC NULLS LAST, id LIMIT %s OFFSET %s""",
            (int(limit), int(offset)),
        ).fetchall()
        return [
            ThreadSummary(
                r["id"],
                r["title"],
                r["n_stories"],
                r["n_articles"],
                r["n_outlets"],
                r["first_published"],
                r["last_published"],
            )
            for r in rows
        ]

    def stories(self, *, limit: int = 50, offset: int = 0) -> StorySummaries:
        rows = self.conn.execute(
            "SELECT * FROM stories ORDER BY coalesce(last_published, '') DESC, coalesce(first_published, '') DESC,"
            " id DESC LIMIT %s OFFSET %s",
            (int(limit), int(offset)),
        ).fetchall()
        return [story_from_row(r) for r in rows]

    def story(self, story_id: str) -> StorySummary | None:
        row = self.conn.execute("SELECT * FROM stories WHERE id = %s", (story_id,)).fetchone()
        return story_from_row(row) if row is not None else None

    def story_brief(self, story_id: str, key: str) -> str | None:
        row = self.conn.execute(
            "SELECT b.body FROM story_briefs b JOIN stories s ON s.id = b.story_id AND s.version = b.version"
            " WHERE b.story_id = %s AND b.key = %s",
            (story_id, key),
        ).fetchone()
        return None if row is None else str(row["body"])

    def put_story_brief(self, story_id: str, version: int, key: str, body: str, *, wait: float = 0.05) -> bool:
        """See :meth:`Store.put_story_brief`; ``wait`` is how long to wait for another writer's lock (seconds)."""
        import psycopg

        try:
            with self.transaction() as db:
                db.execute(f"SET LOCAL lock_timeout = {int(wait * 1000)}")
                return bool(
                    db.execute(
                        "INSERT INTO story_briefs SELECT %(s)s, %(k)s, %(v)s, %(b)s, %(t)s"
                        " WHERE EXISTS (SELECT 1 FROM stories WHERE id = %(s)s AND version = %(v)s)"
                        " ON CONFLICT (story_id, key) DO UPDATE SET version = EXCLUDED.version,"
                        " body = EXCLUDED.body, made_at = EXCLUDED.made_at",
                        {"s": story_id, "k": key, "v": int(version), "b": body, "t": now()},
                    ).rowcount
                )
        except psycopg.errors.LockNotAvailable:
            return False  # a writer holds the story: the brief is kept another time

    def close(self) -> None:
        self.conn.close()
