"""Metadata an input brings along with its text (JSONL fields, HTML meta, flags)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsdesk.sources.dates import parse_date

__all__ = ["Meta"]


@dataclass(frozen=True)
class Meta:
    """Known metadata of an input; ``None`` / empty where unknown."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Meta:
        """Metadata from a JSON record, tolerating the usual spellings of each field."""

        def first(*keys: str) -> str | None:
            for key in keys:
                value = record.get(key)
                if isinstance(value, str) and value.strip():
                    return value.strip()
            return None

        raw_authors = record.get("authors", record.get("author"))
        if isinstance(raw_authors, str):
            authors = tuple(a.strip() for a in raw_authors.replace(";", ",").split(",") if a.strip())
        elif isinstance(raw_authors, list):
            authors = tuple(str(a).strip() for a in raw_authors if str(a).strip())
        else:
            authors = ()
        published = first("published", "date", "published_at", "pubdate")
        return cls(
            url=first("url", "link"),
            outlet=first("outlet", "source_name", "sitename", "site", "publisher"),
            title=first("title", "headline"),
            authors=authors,
            published=parse_date(published) if published else None,
        )

    def merged_over(self, other: Meta) -> Meta:
        """This metadata, with gaps filled from ``other``."""
        return Meta(
            url=self.url or other.url,
            outlet=self.outlet or other.outlet,
            title=self.title or other.title,
            authors=self.authors or other.authors,
            published=self.published or other.published,
        )
