"""Datasette's view of a SQLite desk: what ``metadata.json`` says about its tables.

Datasette (https://datasette.io) opens any SQLite file; what it finds by
itself in a desk, measured with Datasette 0.65, is:

* **links**: every single-column foreign key. Each child table's
  ``article_id`` references ``articles(id)``, so a quote, entity, figure,
  date, event or mention links to its article, labelled with the article's
  ``title`` (``mentions`` gained that key in the migration that added the
  search tables; a compound key such as a mention's entity is not followed).
  ``story_links.story_id`` and ``copy_of`` name articles too but are no
  foreign keys: an enforced key would stop a story's founding article from
  being replaced.
* **search**: a table's search box works when a full-text table declares it
  as its content (``content="quotes"``): ``articles_fts`` (title, text) and
  ``quotes_fts`` (text, speaker), kept by triggers. ``search_fts`` serves
  :meth:`~newsdesk.store.sqlite.SQLiteStore.search` (every kind in one
  ranked index) and is hidden.

:func:`metadata` adds what it cannot guess: descriptions of the tables and
columns, the label of each table's rows, default facets and sort orders,
the search tables stated explicitly, and the desk's own bookkeeping hidden.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SEARCH_TABLES", "metadata"]

SEARCH_TABLES = {"articles": "articles_fts", "quotes": "quotes_fts"}
"""Each searchable table and the FTS5 table over it (rowid for rowid)."""

_SPAN = "character offset into the article's text"

_TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "description": "One row per article: its metadata and cleaned text. Search looks in titles and texts.",
        "label_column": "title",
        "sort_desc": "published",
        "facets": ["outlet", "input_format"],
        "columns": {
            "id": "stable content hash of the text with its URL (or outlet)",
            "published": "publication date (ISO)",
            "text": "the cleaned article: every span of the other tables points into it",
            "authors": "JSON list of names",
            "sentences": "JSON list of [start, end] spans",
            "stages": "JSON list of the analysis stages that ran",
        },
    },
    "quotes": {
        "description": "Who said what: one row per quote, linking to its article. Search looks in quotes and speakers.",
        "facets": ["speaker", "kind"],
        "columns": {
            "text": "what was said, without the quotation marks",
            "start": _SPAN,
            "end": _SPAN,
            "kind": "direct, partial or indirect",
            "speaker": "canonical name, or the description of an unnamed source",
            "speaker_mention": "how the article names the speaker here",
            "cue": "the verb that introduces the quote",
        },
    },
    "entities": {
        "description": "People, organisations and places, one row per entity of an article.",
        "label_column": "name",
        "facets": ["label"],
        "columns": {
            "label": "a spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, …",
            "aliases": "JSON list of other names",
        },
    },
    "mentions": {
        "description": "Where each entity is named: one row per mention (entity_idx is the entity's idx).",
        "columns": {"start": _SPAN, "end": _SPAN},
    },
    "amounts": {
        "description": "Figures: value, unit and what they count.",
        "facets": ["unit"],
        "columns": {"unit": "ISO currency code, %, times, or the counted noun", "counts": "what the figure counts"},
    },
    "dates": {
        "description": "Time expressions and what they resolve to.",
        "columns": {"value": "ISO-like, as precise as the text allows", "resolved": "1 when absolute"},
    },
    "events": {
        "description": "Who did what to whom, when; each citing its sentence.",
        "facets": ["category"],
    },
    "debris": {"description": "Scraping debris removed from the raw text, and why.", "facets": ["reason"]},
    "story_links": {
        "description": "Which story each article is in (story_id is the id of the story's founding article).",
        "facets": ["story_id"],
    },
    "stories": {"description": "One row per story: articles, outlets, first and last date, title."},
    "thread_links": {
        "description": "Which thread (developing storyline) each story is in"
        " (thread_id is the id of the thread's founding story).",
        "facets": ["thread_id"],
    },
    "threads": {"description": "One row per thread: stories, articles, outlets, first and last date, title."},
    "person_links": {
        "description": "Which desk person each article's named person is (one person, one page across the desk),"
        " with the roles the article gave them.",
        "facets": ["person"],
    },
}

_HIDDEN = ("search_docs", "story_keys", "migrations")


def metadata(database: str) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for a desk that Datasette names ``database`` (its file name without ``.db``).

    Datasette keys table settings by database name, so the name must be the
    one the desk's file gives (``newsdesk`` for ``newsdesk.db``).
    """
    tables: dict[str, dict[str, Any]] = {name: dict(settings) for name, settings in _TABLES.items()}
    for table, fts in SEARCH_TABLES.items():
        tables[table].update(fts_table=fts, fts_pk="rowid")
    tables.update({name: {"hidden": True} for name in _HIDDEN})
    return {
        "title": "newsdesk",
        "description": "A newsdesk desk: articles and what was found in them, every fact citing its article.",
        "databases": {database: {"tables": tables}},
    }
