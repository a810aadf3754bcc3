"""Body extraction from HTML, variant by variant, on both extraction gold sets (the ablation table).

    .venv/bin/python bench/html_ablation.py [--gold-root DIR] [--only NAME ...] [--halves]

For each variant, reads every page of ``extraction/aeb`` and
``extraction/trafilatura-en`` (under ``../shared/eval`` by default), scores the
bodies with the kit's ``score_extraction.py`` and prints one row: extraction F1
on each set, the title / author / date accuracy on trafilatura-en (newsdesk
variants only), and the share of pages that took trafilatura's full cascade.
With ``--halves``, each figure is followed by the same figure on each half of
the set ("train" and "dev": the pages split by the CRC-32 of their file name),
so that a change is judged on both halves, never on a whole set alone.

Variants:

* ``trafilatura``: plain ``trafilatura.extract(html)``, its defaults (comments included);
* ``trafilatura-nocomments``: the same with ``include_comments=False`` (the kit's baseline);
* ``fast``: newsdesk's reader with trafilatura's fast mode only (the reader before issue 16);
* ``full``: newsdesk's reader with trafilatura's full cascade on every page;
* ``fallback``: fast mode, the full cascade where the fast body looks wrong (``sources.body.doubtful``);
* ``fallback+headline``: and the headline repeated on the body's first line removed;
* ``fallback+notices``: ``fallback`` with the notices at the body's edges removed;
* ``newsdesk``: both (the reader as shipped).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_ROOT = ROOT.parent / "shared" / "eval" / "extraction"
SETS = {"aeb": "aeb/html/*.html.gz", "trafilatura-en": "trafilatura-en/html/*.gz"}


GOLD_FILES = {"aeb": "ground-truth.json", "trafilatura-en": "evaldata.json"}


def page_name(path: str) -> str:
    """A page's name as the scorer matches it (no folder, no ``.gz``/``.html``)."""
    name = Path(path).name
    for ext in (".gz", ".html", ".htm"):
        name = name.removesuffix(ext)
    return name


def half(path: str) -> str:
    """Which half of its set a page is in: "train" or "dev", by the CRC-32 of its name."""
    return "dev" if zlib.crc32(page_name(path).encode()) % 2 else "train"


def half_gold(gold: Path, which: str, into: Path) -> Path:
    """A copy of ``gold``'s gold file holding only the pages of half ``which`` (in folder ``into``)."""
    file = GOLD_FILES[gold.name]
    entries = json.loads((gold / file).read_text(encoding="utf-8"))
    if gold.name == "aeb":
        kept = {key: value for key, value in entries.items() if half(key) == which}
    else:
        kept = {key: value for key, value in entries.items() if half(value["file"]) == which}
    into.mkdir(parents=True, exist_ok=True)
    (into / file).write_text(json.dumps(kept), encoding="utf-8")
    return into


def score(gold: Path, records: list[dict[str, Any]], scorer: Path) -> dict[str, Any]:
    """The scorer's figures for ``records`` (its ``--json`` output)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    try:
        done = subprocess.run(
            [sys.executable, str(scorer), str(gold), fh.name, "--json", "--bootstrap", "0"],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(fh.name).unlink()
    figures: dict[str, Any] = json.loads(done.stdout[: done.stdout.rindex("}") + 1])
    return figures


def plain(pages: list[Path], **options: Any) -> Iterator[dict[str, Any]]:
    """Bodies from ``trafilatura.extract`` with ``options``."""
    import trafilatura

    for page in pages:
        yield {"source": str(page), "text": trafilatura.extract(gzip.decompress(page.read_bytes()), **options) or ""}


@contextlib.contextmanager
def reader_variant(name: str) -> Iterator[list[str]]:
    """newsdesk's reader patched into variant ``name``; yields the list that collects fallback reasons."""
    from newsdesk.sources import html

    reasons: list[str] = []
    saved_doubtful, saved_trim = html.doubtful, html.trim_edges
    check: Callable[[str], str | None] = {
        "fast": lambda text: None,
        "full": lambda text: "always",
    }.get(name, saved_doubtful)

    def counted(text: str) -> str | None:
        reason = check(text)
        if reason:
            reasons.append(reason)
        return reason

    def trim(text: str, titles: Any = ()) -> Any:
        if name in ("fast", "full", "fallback"):
            return text, []
        if name == "fallback+notices":
            return saved_trim(text, (), notices=True)
        return saved_trim(text, titles, notices=name != "fallback+headline")

    html.doubtful, html.trim_edges = counted, trim  # type: ignore[assignment]
    try:
        yield reasons
    finally:
        html.doubtful, html.trim_edges = saved_doubtful, saved_trim  # type: ignore[assignment]


def newsdesk_records(pages: list[Path]) -> Iterator[dict[str, Any]]:
    """What the scorer reads from newsdesk's reader for ``pages``."""
    from newsdesk import Article, read

    for item in read(pages):
        if isinstance(item, Article):
            yield {
                "source": item.source,
                "text": item.text,
                "title": item.title,
                "authors": list(item.authors),
                "published": item.published,
            }


def figure(runs: list[dict[str, Any]], key: str) -> str:
    """One figure of the whole set, then of its halves where they were scored: "0.969 (0.969 / 0.968)"."""
    whole, *halves = (f"{run[key]:.3f}" for run in runs)
    return f"{whole} ({' / '.join(halves)})" if halves else whole


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold-root", type=Path, default=GOLD_ROOT)
    parser.add_argument("--only", nargs="*", help="variants to run (default: all)")
    parser.add_argument("--halves", action="store_true", help="also score each half of each set (train / dev)")
    args = parser.parse_args()
    pages = {name: sorted(args.gold_root.glob(pattern)) for name, pattern in SETS.items()}
    if not all(pages.values()):
        print(f"extraction sets not found under {args.gold_root}", file=sys.stderr)
        return 1
    variants = ["trafilatura", "trafilatura-nocomments", "fast", "full", "fallback"]
    variants += ["fallback+headline", "fallback+notices", "newsdesk"]
    scorer = args.gold_root.parent / "score_extraction.py"
    if args.halves:
        print("each figure: the whole set (its train half / its dev half)")
    print("| variant | aeb F1 | trafilatura-en F1 | title / author / date | full cascade on |")
    print("|---|---:|---:|---|---:|")
    for variant in args.only or variants:
        row, share, meta = [], [], "–"
        for set_name, set_pages in pages.items():
            gold = args.gold_root / set_name
            if variant.startswith("trafilatura"):
                records = list(plain(set_pages, include_comments=variant == "trafilatura"))
            else:
                with reader_variant(variant) as reasons:
                    records = list(newsdesk_records(set_pages))
                share.append(f"{len(reasons)}/{len(set_pages)}")
            runs = [score(gold, records, scorer)]
            if args.halves:
                with tempfile.TemporaryDirectory() as folder:
                    for which in ("train", "dev"):
                        kept = [r for r in records if half(r["source"]) == which]
                        runs.append(score(half_gold(gold, which, Path(folder) / which / set_name), kept, scorer))
            row.append(figure(runs, "f1"))
            if set_name == "trafilatura-en" and not variant.startswith("trafilatura"):
                meta = " / ".join(figure(runs, k) for k in ("title_acc", "author_acc", "date_acc"))
        print(f"| {variant} | {row[0]} | {row[1]} | {meta} | {' + '.join(share) or '–'} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
