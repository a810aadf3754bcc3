"""Deciding what an input is, from its bytes as much as from its name.

A ``.txt`` that holds HTML is read as HTML; a file without an extension that
holds JSON Lines is read as JSON Lines. Compressed input is inflated with a
hard bound so that a small gzip bomb cannot fill memory.
"""

from __future__ import annotations

import re
import zlib
from typing import Literal

__all__ = ["Kind", "ReadError", "decode", "inflate", "sniff"]

Kind = Literal["text", "html", "jsonl", "warc", "feed"]

_EXT: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--|<article|<div|<p[\s>])", re.I)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.I | re.S)


class ReadError(Exception):
    """An input that cannot be read; the message says why in one line."""


def inflate(data: bytes, limit: int) -> bytes:
    """Gunzip ``data`` (all members), refusing output beyond ``limit`` bytes."""
    out = bytearray()
    while data:
        engine = zlib.decompressobj(wbits=31)
        try:
            out += engine.decompress(data, limit + 1 - len(out))
        except zlib.error as exc:
            raise ReadError(f"corrupt gzip data ({exc})") from None
        if len(out) > limit or engine.unconsumed_tail:
            raise ReadError(f"gzip data inflates beyond the {limit:,}-byte limit")
        if not engine.eof:
            raise ReadError("truncated gzip data")
        data = engine.unused_data.lstrip(b"\x00")
    return bytes(out)


def _looks_binary(data: bytes) -> bool:
    """Binary data: many NULs or other control bytes (a stray NUL in text is not enough)."""
    sample = data[:4096]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 10)


def decode(data: bytes) -> str:
    """Text from bytes: UTF-16 or UTF-8 by BOM, UTF-8, else the best-guess charset; NULs dropped.

    Raises:
        ReadError: for binary data or bytes no text encoding explains.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").replace("\x00", "")
        except UnicodeDecodeError:
            raise ReadError("undecodable UTF-16 bytes") from None
    if _looks_binary(data):
        raise ReadError("binary data, not text")
    try:
        return data.decode("utf-8-sig").replace("\x00", "")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise ReadError("binary data, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None or best.chaos > 0.25:
        raise ReadError("undecodable bytes: neither UTF-8 nor a recognisable encoding")
    return data.decode(best.encoding, errors="replace").replace("\x00", "")


def sniff(name: str, data: bytes) -> Kind:
    """The kind of an input: by content first, by extension when content is ambiguous."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"WARC/"):
        return "warc"
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(b"{") and (b'"text"' in data[:20000] or b'"html"' in data[:20000]):
        return "jsonl"
    lower = name.lower().removesuffix(".gz")
    for ext, kind in _EXT.items():
        if lower.endswith(ext):
            if kind == "html" and b"<" not in head:
                return "text"
            return kind
    if re.search(rb"<(?:p|div|br|h1|article)[\s>/]", data[:20000], re.I):
        return "html"
    return "text"
