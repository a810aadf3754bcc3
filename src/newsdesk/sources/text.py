"""Plain-text articles: clean the debris, keep the body, read the metadata."""

from __future__ import annotations

from newsdesk.model import Article, article_id
from newsdesk.sources.debris import clean_text
from newsdesk.sources.detect import ReadError
from newsdesk.sources.meta import Meta

__all__ = ["article_from_text"]


def article_from_text(source: str, raw: str, meta: Meta | None = None, *, input_format: str = "text") -> Article:
    """An :class:`Article` from scraped plain text.

    Metadata given by the caller (``meta``, from a JSONL record or the command
    line) wins over what the debris tells.

    Raises:
        ReadError: when nothing is left once the debris is gone.
    """
    meta = meta or Meta()
    cleaned = clean_text(raw.replace("\x00", ""))
    if not cleaned.text.strip():
        raise ReadError("no article text (empty, or only page debris)")
    outlet = meta.outlet or cleaned.outlet
    return Article(
        id=article_id(cleaned.text, meta.url, outlet),
        source=source,
        text=cleaned.text,
        outlet=outlet,
        title=meta.title or cleaned.title,
        authors=meta.authors or cleaned.authors,
        published=meta.published or cleaned.published,
        url=meta.url,
        input_format=input_format,
        debris=cleaned.debris,
    )
