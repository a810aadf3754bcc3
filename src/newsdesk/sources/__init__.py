"""Readers: from the files a user has to clean :class:`~newsdesk.model.Article` records.

:func:`read` takes paths (files, folders read recursively, ``-`` for stdin),
decides what each input is by content as well as by name, and yields an
Article per article found or a :class:`~newsdesk.model.Failure` naming the
file (and record) and the reason. One bad input never stops the others.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsdesk.model import Article, Failure
from newsdesk.settings import Settings
from newsdesk.sources.detect import Kind, ReadError, decode, inflate, sniff
from newsdesk.sources.feed import read_feed
from newsdesk.sources.html import article_from_html
from newsdesk.sources.jsonl import read_jsonl
from newsdesk.sources.text import article_from_text
from newsdesk.sources.warc import is_warc_file, read_warc

__all__ = ["READERS", "ReadError", "expand", "read", "read_bytes", "with_defaults"]

Reader = Callable[[str, bytes, Settings], Iterator[Article | Failure]]


def _text_reader(name: str, data: bytes, settings: Settings) -> Iterator[Article | Failure]:
    yield article_from_text(name, decode(data))


def _html_reader(name: str, data: bytes, settings: Settings) -> Iterator[Article | Failure]:
    if not data.strip():
        raise ReadError("empty HTML page")
    yield article_from_html(name, data)


def _jsonl_reader(name: str, data: bytes, settings: Settings) -> Iterator[Article | Failure]:
    yield from read_jsonl(name, decode(data))


def _warc_reader(name: str, data: bytes, settings: Settings) -> Iterator[Article | Failure]:
    yield from read_warc(name, io.BytesIO(data), settings)


def _feed_reader(name: str, data: bytes, settings: Settings) -> Iterator[Article | Failure]:
    yield from read_feed(name, data)


READERS: dict[Kind, Reader] = {
    "text": _text_reader,
    "html": _html_reader,
    "jsonl": _jsonl_reader,
    "warc": _warc_reader,
    "feed": _feed_reader,
}
"""One reader per input kind (:func:`read` streams WARC files instead of loading them whole)."""


def expand(inputs: Iterable[str | Path]) -> Iterator[str | Path | Failure]:
    """Paths of the files to read: folders recursively (hidden entries skipped), in order."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    yield child
        elif path.is_file():
            yield path
        elif path.exists():
            yield Failure(str(item), "not a regular file")
        else:
            yield Failure(str(item), "no such file or folder")


def read_bytes(name: str, data: bytes, settings: Settings | None = None) -> Iterator[Article | Failure]:
    """Articles from the bytes of one input called ``name``."""
    settings = settings or Settings()
    try:
        if not data.strip():
            raise ReadError("empty input")
        raw = data
        if data[:2] == b"\x1f\x8b":
            data = inflate(data, settings.max_bytes)
            if not data.strip():
                raise ReadError("empty input (after gunzip)")
        kind = sniff(name, data)
        if kind == "warc":  # warcio inflates per record, so offsets are those of the file as given
            data = raw
        reader = READERS.get(kind)
        if reader is None:
            raise ReadError(
                f"{kind} input needs a reader that is not installed; available: {', '.join(sorted(READERS))}"
            )
        for item in reader(name, data, settings):
            yield with_defaults(item, settings) if isinstance(item, Article) else item
    except ReadError as exc:
        yield Failure(name, str(exc))
    except RecursionError:
        yield Failure(name, "input nested too deeply to parse")
    except Exception as exc:  # one broken input must never stop a batch
        yield Failure(name, f"unexpected {type(exc).__name__}: {exc}")


def with_defaults(article: Article, settings: Settings) -> Article:
    """The article with the settings' ``published`` and ``outlet`` where it has none."""
    if (settings.published and not article.published) or (settings.outlet and not article.outlet):
        return article.copy_with(
            published=article.published or settings.published, outlet=article.outlet or settings.outlet
        )
    return article


def read(inputs: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Article | Failure]:
    """Read every input; yield Articles and Failures in input order."""
    settings = settings or Settings()
    for path in expand(inputs):
        if isinstance(path, Failure):
            yield path
            continue
        name = "<stdin>" if path == "-" else str(path)
        if path != "-" and is_warc_file(path):
            yield from _read_warc_file(name, Path(path), settings)
            continue
        try:
            if path == "-":
                data = sys.stdin.buffer.read(settings.max_bytes + 1)
            else:
                with Path(path).open("rb") as fh:
                    data = fh.read(settings.max_bytes + 1)
        except OSError as exc:
            yield Failure(name, f"cannot read ({exc.strerror or exc})")
            continue
        if len(data) > settings.max_bytes:
            yield Failure(name, f"larger than the {settings.max_bytes:,}-byte limit")
            continue
        yield from read_bytes(name, data, settings)


def _read_warc_file(name: str, path: Path, settings: Settings) -> Iterator[Article | Failure]:
    """A WARC file record by record: no size limit on the file, only on each record."""
    try:
        with path.open("rb") as fh:
            for item in read_warc(name, fh, settings):
                yield with_defaults(item, settings) if isinstance(item, Article) else item
    except OSError as exc:
        yield Failure(name, f"cannot read ({exc.strerror or exc})")
