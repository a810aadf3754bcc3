"""newsdesk: a sourced record of the story from a pile of news reports.

The public API::

    import newsdesk
    for article in newsdesk.extract(["examples/"]):
        print(article.outlet, [e.name for e in article.entities])

    store = newsdesk.open_store("newsdesk.db")
    report = newsdesk.ingest(["examples/"], store)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from newsdesk.analyze import STAGES, ModelNotFound, Pipeline
from newsdesk.export import export_desk
from newsdesk.extras import MissingExtra
from newsdesk.ingest import Report, brief, extract, ingest
from newsdesk.model import (
    Amount,
    Article,
    DateRef,
    Debris,
    Entity,
    Event,
    Failure,
    MainEvent,
    Mention,
    PersonLink,
    Phrase,
    Quote,
    StoryLink,
    ThreadLink,
    article_id,
    from_dict,
    to_dict,
)
from newsdesk.settings import Settings
from newsdesk.sources import read
from newsdesk.store import ArticleSummary, MemoryStore, SearchHit, SQLiteStore, Store, ThreadSummary, open_store

try:
    __version__ = version("newsdesk")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "STAGES",
    "Amount",
    "Article",
    "ArticleSummary",
    "DateRef",
    "Debris",
    "Entity",
    "Event",
    "Failure",
    "MainEvent",
    "MemoryStore",
    "Mention",
    "MissingExtra",
    "ModelNotFound",
    "PersonLink",
    "Phrase",
    "Pipeline",
    "Quote",
    "Report",
    "SQLiteStore",
    "SearchHit",
    "Settings",
    "Store",
    "StoryLink",
    "ThreadLink",
    "ThreadSummary",
    "__version__",
    "article_id",
    "brief",
    "export_desk",
    "extract",
    "from_dict",
    "ingest",
    "open_store",
    "read",
    "to_dict",
]
