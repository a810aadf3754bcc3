"""A page's headline: the title it gives, less its site's name, or the headline it shows.

A page's metadata title ("og:title", ``<title>``) often carries the site's
name ("Ferry fares to rise | Harbour Gazette", "Yahoo News - …"), and
sometimes a section or a tagline too. A segment is cut only when it *is* the
site's name, as the page states it (``og:site_name``, the outlet) or as its
address spells it ("wsvn.com" → "WSVN 7News"), never for its shape: " --
STOLEN!!!" ends a headline, it does not name a site. The headline the page
shows in its ``<h1>`` wins when it agrees with the metadata title: it is
one of the title's segments (the rest is the site), or the two share most of
their words (an edited headline, "Coronavirus: New York ramps up …" for "New
York ramps up …").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from newsdesk.sources.bylines import name_key

__all__ = ["choose_title", "cut_site_name", "site_keys"]

_SEPARATOR = re.compile(r"\s+(?:[|–—•·»:~/]|-{1,2}|::)\s+|:\s+")
_WORD = re.compile(r"\w+")
_HOST_PARTS = frozenset(
    {"www", "m", "mobile", "amp", "news", "com", "org", "net", "co", "uk", "de", "edu", "gov", "blog"}
)
_MIN_AGREEMENT = 0.5
"""Share of words (Dice) an h1 and the metadata title must share for the h1 to be taken as the headline."""


def site_keys(site_names: Iterable[str | None], url: str | None) -> set[str]:
    """The folded forms of a site's name: as stated, and the telling labels of its host name."""
    names = [n for n in site_names if n]
    keys = {name_key(n) for n in names if len(name_key(n)) >= 2}
    hosts = [url] if url else []
    hosts += [n for n in names if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", n)]  # a site named by its host
    for address in hosts:
        host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
        labels = [p for p in host.split(".") if p and p not in _HOST_PARTS and len(p) >= 3]
        keys.update(name_key(p) for p in labels)
        if labels:
            keys.add(name_key("".join(labels)))
    return {k for k in keys if k}


def _is_site(segment: str, keys: set[str]) -> bool:
    """A title segment that names the site: equal to one of its names, or the name plus a word or two
    ("WSVN 7News" for wsvn.com), or a host spelled out ("My Daily Magazine" for mydailymagazine.com)."""
    key = name_key(segment)
    if not key or len(segment.split()) > 8:
        return False
    for site in keys:
        if key == site:
            return True
        words = len(segment.split())
        longer = key.startswith(site) or key.endswith(site)
        if longer and ((words <= 3 and len(site) >= 4) or (words <= 5 and len(site) >= 8)):
            return True  # "WSVN 7News" (wsvn.com), "Gregory Szorc's Digital Home" (gregoryszorc.com)
        if len(key) >= 4 and site.startswith(key) and len(key) * 2 >= len(site):
            return True  # "Parco Nazionale" for "Parco Nazionale d'Abruzzo, Lazio e Molise"
    return False


def cut_site_name(title: str, keys: set[str]) -> str:
    """``title`` without the site's name at either end (and the tagline or section that follows it there)."""
    title = " ".join(title.split())
    if not keys:
        return title
    parts = _SEPARATOR.split(title)
    seps = _SEPARATOR.findall(title)
    if len(parts) < 2:
        return title
    # from the end: the last segment naming the site, and everything after it
    for i in range(len(parts) - 1, 0, -1):
        if _is_site(parts[i], keys):
            return _join(parts[:i], seps) or title
    for i in range(len(parts) - 1):
        if _is_site(parts[i], keys):
            return _join(parts[i + 1 :], seps[i + 1 :]) or title
    return title


def _join(parts: list[str], seps: list[str]) -> str:
    out = parts[0] if parts else ""
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _agreement(a: str, b: str) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def choose_title(
    meta_title: str | None, headlines: Iterable[Sequence[str]], keys: set[str], *, stated: bool = True
) -> str | None:
    """The article's title from its metadata title and the ``<h1>`` headlines the page shows.

    Args:
        meta_title: the page's own title (og:title, JSON-LD headline, else ``<title>``).
        headlines: each ``<h1>`` of the page as its pieces of text (a kicker, the headline, a subtitle).
        keys: the site's names (:func:`site_keys`).
        stated: the title comes from the page's metadata (og:title, JSON-LD);
            without it, a single ``<h1>`` that disagrees with the ``<title>`` wins, as in trafilatura.
    """
    cut = cut_site_name(meta_title, keys) if meta_title else None
    pieces = {
        cut_site_name(" ".join(" ".join(h).split()), keys): [" ".join(p.split()) for p in h if p.strip()]
        for h in headlines
    }
    shown = [h for h in pieces if 2 <= len(h) <= 300 and not _is_site(h, keys)]
    if not cut:
        return shown[0] if shown else None
    if not shown:
        return cut
    segments = _SEPARATOR.split(" ".join((meta_title or "").split()))
    longest = name_key(max(segments, key=len))
    for h in shown:
        if name_key(h) == name_key(cut):
            return h
        if name_key(h) == longest and len(segments) > 1:
            return h  # the title is this headline plus the site, a section or a tagline
    best = max(shown, key=lambda h: _agreement(h, cut))
    if len(pieces[best]) > 1 and any(name_key(p) == name_key(cut) for p in pieces[best]):
        return cut  # the h1 adds a kicker, a section label or a subtitle to the headline
    if _agreement(best, cut) >= _MIN_AGREEMENT:
        return best
    return shown[0] if not stated and len(shown) == 1 else cut
