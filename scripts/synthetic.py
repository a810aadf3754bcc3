"""Synthetic news articles for robustness scripts and benchmarks (generated, never copied).

Each article is built from templates with varied people, places, figures and dates, so
that every article is distinct and has names, quotes and numbers to analyse.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

FIRST = ["Ana", "Rui", "Maria", "Tomas", "Helena", "Jonas", "Ines", "Pedro", "Clara", "Marek", "Lena", "Omar"]
LAST = ["Ribeiro", "Costa", "Santos", "Lima", "Duarte", "Weiss", "Nunes", "Pires", "Novak", "Haddad", "Berg"]
PLACES = ["Lisbon", "Porto", "Madrid", "Warsaw", "Oslo", "Vienna", "Dublin", "Athens", "Riga", "Tallinn"]
ORGS = [
    "the Transport Ministry",
    "the Rail Workers' Union",
    "the Port Authority",
    "the Finance Ministry",
    "the Farmers' Association",
    "the City Council",
]
TOPICS = ["a pay dispute", "the new budget", "a port expansion", "flood repairs", "a fare increase", "a water shortage"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OUTLETS = ["Harbour Gazette", "Atlantic Wire", "Euro Daily", "Porto News", "Northern Post"]


def article(i: int, rng: random.Random) -> dict[str, object]:
    """One synthetic article as a JSON Lines record."""
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, org, topic = rng.choice(PLACES), rng.choice(ORGS), rng.choice(TOPICS)
    n, pct, day = rng.randint(100, 90_000), rng.randint(2, 19), rng.choice(DAYS)
    text = (
        f"{who}, who leads {org} in {place}, said on {day} that talks on {topic} would resume next week.\n\n"
        f"About {n:,} people are affected, and officials want a {pct}% increase, according to {org}.\n\n"
        f'"We are ready to talk, not to surrender," {who.split()[1]} said. "The door is open."\n\n'
        f"{other}, a spokesperson for the opposition, said the plan was unaffordable. "
        f"Story number {i} of the series, filed from {place}."
    )
    return {
        "url": f"https://news.example/{i}",
        "outlet": rng.choice(OUTLETS),
        "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "title": f"Talks on {topic} in {place} to resume ({i})",
        "text": text,
    }


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` synthetic articles to ``path`` as JSON Lines."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(article(i, rng)) + "\n")
    return path
