"""The Jinja2 environment of the pages: autoescaping on for every template, and the filters they use.

Every string from an article reaches a page through a template with
autoescaping on; the filters here return plain strings (never ``Markup``), so
they are escaped too. Links built from article data go through
:func:`~newsdesk.web.views.safe_url` or the ``href`` helpers, which only make
``http(s)`` or same-site addresses.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newsdesk.web.views import article_href, entity_href

__all__ = ["templates"]

_env = Environment(
    loader=FileSystemLoader(Path(str(files("newsdesk.web").joinpath("templates")))),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals.update(article_href=article_href, entity_href=entity_href)
_env.filters["plural"] = lambda n, word, many=None: f"{n} {word if n == 1 else (many or word + 's')}"

templates = Jinja2Templates(env=_env)
