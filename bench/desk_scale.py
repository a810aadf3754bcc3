"""Desks of 100k and 1M synthetic articles: build one, load its pages and API, place new articles into it.

The desk is analysed records written straight to the store (``bench/desk_corpus.py``: entities,
quotes, figures, dates, events, story links and keys), in big transactions on one connection;
the analysis itself is not in these figures (see ``bench/analysis_throughput.py``).

    # build (SQLite file or PostgreSQL URL); resumes where a killed build stopped
    nice python bench/desk_scale.py build --articles 1000000 --db /tmp/desk-1m.db
    # the same desk in PostgreSQL, copied from the SQLite one (COPY; build writes one article at a time)
    python bench/desk_scale.py copy --source /tmp/desk-100k.db --db postgresql://…?options=-csearch_path%3Ddesk
    # every page and API endpoint under load from 4 clients (add --writer: articles placed meanwhile)
    python bench/desk_scale.py load --db /tmp/desk-1m.db --seconds 120 --clients 4
    # people and threads over a built desk, batch by batch in stored order, as ingest places them
    python bench/desk_scale.py settle --db /tmp/desk-1m.db
    # put and place 1,000 new articles (rolled back afterwards unless --keep): CPU time and peak memory
    python bench/desk_scale.py place --db /tmp/desk-1m.db --articles 1000

Each command prints one JSON object (``load`` also a table). Times are wall and CPU seconds of
the process that does the work (the server's, for ``load``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "scripts")]

from desk_corpus import Corpus, EventCast  # noqa: E402

from newsdesk.model import Article, StoryLink  # noqa: E402
from newsdesk.store import Store, open_store  # noqa: E402
from newsdesk.stories.features import profile  # noqa: E402


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rows(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    """Rows of a read query on either SQL backend (``?`` placeholders)."""
    conn: Any = getattr(store, "conn")  # noqa: B009 (the benchmark reads the desk's tables directly)
    if type(store).__name__ == "PostgresStore":
        return [tuple(r.values()) for r in conn.execute(sql.replace("?", "%s"), params)]
    return [tuple(r) for r in conn.execute(sql, params)]


def _write(store: Store, batch: list[tuple[Article, StoryLink]]) -> None:
    """One transaction: the articles, then their links with their blocking keys."""
    links = [link.copy_with(keys=profile(a).keys) for a, link in batch]
    with store.transaction():  # type: ignore[attr-defined]
        for a, _ in batch:
            store.put(a)
        store.put_story_links(links)


# ------------------------------------------------------------------------------------------ build


def build(db: str, n: int, per_day: int, seed: int, chunk: int) -> dict[str, Any]:
    store = open_store(db)
    if hasattr(store, "conn") and type(store).__name__ == "SQLiteStore":
        store.conn.execute("PRAGMA cache_size = -1000000")  # 1 GB of page cache while writing
    done = store.count()
    corpus = Corpus(seed, per_day=per_day)
    cpu0, t0 = time.process_time(), time.perf_counter()
    batch: list[tuple[Article, StoryLink]] = []
    for i, item in enumerate(corpus.articles(n)):
        if i < done:  # a resumed build: these were written (whole chunks) before
            continue
        batch.append(item)
        if len(batch) >= chunk:
            _write(store, batch)
            batch = []
            if (i + 1) % (chunk * 25) == 0:
                rate = (i + 1 - done) / (time.perf_counter() - t0)
                print(f"{i + 1:,} articles, {rate:.0f}/s", file=sys.stderr, flush=True)
    if batch:
        _write(store, batch)
    result = {
        "db": db,
        "articles": store.count(),
        "stories": _rows(store, "SELECT count(*) FROM stories")[0][0],
        "written_now": n - done,
        "wall_s": round(time.perf_counter() - t0, 1),
        "cpu_s": round(time.process_time() - cpu0, 1),
        "peak_rss_mib": round(_rss_mib()),
        "last_day": str(corpus.end),
    }
    if "://" not in db:
        result["file_gib"] = round(sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*")) / 2**30, 2)
    store.close()
    return result


_COPIED = (  # PostgreSQL's tables in the order their foreign keys need; search_docs comes apart
    "articles", "entities", "mentions", "quotes", "amounts", "dates", "events", "main_events", "debris",
    "story_links", "story_keys", "stories", "entity_articles",
)  # fmt: skip


def copy(source: str, db: str) -> dict[str, Any]:
    """Copy a built SQLite desk into an empty PostgreSQL desk with COPY: the rows ``PostgresStore.put`` writes.

    The same articles, links and keys as the SQLite desk, written in a fraction of the time ``build``
    takes (PostgreSQL's own work is in its server): the search documents are SQLite's, their words
    folded as ``PostgresStore.put`` folds them (``newsdesk.store.search.tokens``) and made a tsvector
    by the server; sequences move on past the copied rows.
    """
    import sqlite3

    from newsdesk.store.search import tokens

    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    store = open_store(db)
    conn: Any = getattr(store, "conn")  # noqa: B009 (the benchmark writes the desk's tables directly)
    if store.count():
        raise SystemExit(f"{db}: not empty ({store.count()} articles); copy goes into an empty desk only")
    cpu0, t0 = time.process_time(), time.perf_counter()
    counts: dict[str, int] = {}
    with conn.transaction():
        for table in _COPIED:
            names = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            columns = ", ".join(f'"{c}"' for c in names)
            keyed = src.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            order = "" if "WITHOUT ROWID" in keyed.upper() else " ORDER BY rowid"  # in the order written
            n = 0
            with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as out:
                for row in src.execute(f"SELECT {columns} FROM {table}{order}"):
                    out.write_row(row)
                    n += 1
            counts[table] = n
        conn.execute(
            "CREATE TEMP TABLE docs (id BIGINT, article_id TEXT, kind TEXT, idx INTEGER, body TEXT, extra TEXT, "
            "folded TEXT) ON COMMIT DROP"
        )
        n = 0
        with conn.cursor().copy("COPY docs FROM STDIN") as out:
            for row in src.execute("SELECT id, article_id, kind, idx, body, extra FROM search_docs ORDER BY id"):
                out.write_row((*row, " ".join(tokens(f"{row[4]}\n{row[5]}"))))
                n += 1
        conn.execute(
            "INSERT INTO search_docs (id, article_id, kind, idx, body, extra, words) "
            "SELECT id, article_id, kind, idx, body, extra, to_tsvector('simple', folded) FROM docs"
        )
        counts["search_docs"] = n
        for table, column, sequence in (
            ("search_docs", "id", "pg_get_serial_sequence('search_docs', 'id')"),
            ("articles", "seq", "pg_get_serial_sequence('articles', 'seq')"),
            ("story_links", "link_order", "'story_links_seq'"),
        ):
            conn.execute(f"SELECT setval({sequence}, (SELECT coalesce(max({column}), 0) + 1 FROM {table}), false)")
    conn.execute("ANALYZE")
    result = {
        "db": db,
        "source": source,
        "rows": counts,
        "wall_s": round(time.perf_counter() - t0, 1),
        "cpu_s": round(time.process_time() - cpu0, 1),
        "peak_rss_mib": round(_rss_mib()),
    }
    store.close()
    return result


# ------------------------------------------------------------------------------------------ place


def _follow_up(corpus: Corpus, stored: Article, day: date) -> Article:
    """A later report of a stored article's event: its people, places and rare words, in new sentences."""
    names = {e.label: [] for e in stored.entities}  # type: dict[str, list[str]]
    for e in stored.entities:
        names[e.label].append(e.name)
    common = set(corpus.common)
    words = [w.strip(".,“”").lower() for w in stored.text.split()]
    rare = sorted({w for w in words if w.isalpha() and w not in common}) or ["update"]
    topic = [w for w in words if w in common][:20] or corpus.common[:20]
    cast = EventCast(
        day=day,
        people=names.get("PERSON") or [corpus.people[0]],
        orgs=names.get("ORG") or [corpus.orgs[0]],
        place=(names.get("GPE") or [corpus.places[0]])[0],
        rare=rare,
        topic=topic,
        figures=[(a.text, a.value, a.unit, a.counts or "") for a in stored.amounts] or corpus.cast(day).figures,
        action=("announce", "announced a plan with", "statement"),
    )
    return corpus.report(cast, day, corpus.outlet())


def new_articles(store: Store, n: int, seed: int) -> list[Article]:
    """``n`` articles for the desk's next days: 60% new events, 30% follow-ups and 10% copies of recent ones."""
    rnd = random.Random(seed)
    latest = store.list(limit=1)[0].published or "2025-01-01"
    today = date.fromisoformat(latest[:10])
    corpus = Corpus(seed, per_day=1000, start=today)
    recent = [s.id for s in store.list(limit=3000)]
    out: list[Article] = []
    while len(out) < n:
        roll = rnd.random()
        day = today + timedelta(days=rnd.randint(0, 2))
        if roll < 0.4 and recent:
            stored = store.get(rnd.choice(recent))
            assert stored is not None
            out.append(
                _follow_up(corpus, stored, day) if roll < 0.3 else corpus.copy(stored, corpus.outlet(), day.isoformat())
            )
        else:
            size = 1 if rnd.random() < 0.5 else rnd.randint(2, 6)
            out += [a for a, _ in corpus.event(corpus.cast(day), min(size, n - len(out)))]
    return out[:n]


class _Rollback(Exception):
    pass


def settle(db: str, batch: int, limit: int | None) -> dict[str, Any]:
    """Place a built desk's articles in people and threads, as ingest does after their stories.

    ``build`` writes story links straight to the store; ingest would also have run the placers
    after stories (``newsdesk.workflow.PLACERS``) on each batch. This runs them on the stored
    articles in stored order, a batch at a time, and resumes after the last batch with threads;
    ``limit`` stops after that many articles (a part of a big desk, for its thread pages).
    """
    from newsdesk.workflow import place_in_threads, place_people

    store = open_store(db)
    ids = list(store.article_ids())
    done_stories = {link.story_id for link in store.thread_links()}
    start = 0
    while start < len(ids):  # resume: skip whole batches whose stories all have threads
        chunk = ids[start : start + batch]
        if not {link.story_id for link in store.story_links(article_ids=chunk)} <= done_stories:
            break
        start += batch
    cpu = {"people": 0.0, "threads": 0.0}
    t0 = time.perf_counter()
    end = len(ids) if limit is None else min(len(ids), start + limit)
    for i in range(start, end, batch):
        chunk = ids[i : min(i + batch, end)]
        c0 = time.process_time()
        place_people(store, chunk)
        c1 = time.process_time()
        place_in_threads(store, chunk)
        cpu["people"] += c1 - c0
        cpu["threads"] += time.process_time() - c1
        if (i // batch) % 25 == 24:
            print(f"{i + batch:,} articles, {cpu}", file=sys.stderr, flush=True)
    result = {
        "db": db,
        "articles": len(ids),
        "settled_now": end - start,
        "settled": end,
        "threads": _rows(store, "SELECT count(DISTINCT thread_id) FROM thread_links")[0][0],
        "wall_s": round(time.perf_counter() - t0, 1),
        "people_cpu_s": round(cpu["people"], 1),
        "threads_cpu_s": round(cpu["threads"], 1),
        "peak_rss_mib": round(_rss_mib()),
    }
    store.close()
    return result


def place(db: str, n: int, batch: int, keep: bool, seed: int, repeat: bool) -> dict[str, Any]:
    from newsdesk.workflow import place_in_stories, place_in_threads, place_people

    store = open_store(db)
    base_rss = _rss_mib()
    result: dict[str, Any] = {"db": db, "desk_articles": store.count(), "articles": n, "batch": batch}
    rounds = 0
    while True:
        articles = new_articles(store, n, seed + rounds)
        result["generated_rss_mib"] = round(_rss_mib())
        cpu0, t0 = time.process_time(), time.perf_counter()
        put_cpu = place_cpu = people_cpu = threads_cpu = 0.0
        links: list[StoryLink] = []
        try:
            with store.transaction():  # type: ignore[attr-defined]
                for start in range(0, n, batch):
                    chunk = articles[start : start + batch]
                    c0 = time.process_time()
                    with store.transaction():  # type: ignore[attr-defined]
                        stored = [a.id for a in chunk if store.put(a)]
                    c1 = time.process_time()
                    links += place_in_stories(store, stored)
                    c2 = time.process_time()
                    place_people(store, stored)
                    c3 = time.process_time()
                    place_in_threads(store, stored)
                    put_cpu += c1 - c0
                    place_cpu += c2 - c1
                    people_cpu += c3 - c2
                    threads_cpu += time.process_time() - c3
                if not keep:
                    raise _Rollback
        except _Rollback:
            pass
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        stories = {link.story_id for link in links}
        joined = sum(1 for link in links if link.story_id != link.article_id)
        result.update(
            {
                "wall_s": round(wall, 1),
                "cpu_s": round(cpu, 1),
                "put_cpu_s": round(put_cpu, 1),
                "place_cpu_s": round(place_cpu, 1),
                "people_cpu_s": round(people_cpu, 1),
                "threads_cpu_s": round(threads_cpu, 1),
                "placed": len(links),
                "joined_another_article": joined,
                "stories_touched": len(stories),
                "base_rss_mib": round(base_rss),
                "peak_rss_mib": round(_rss_mib()),
                "kept": keep,
            }
        )
        rounds += 1
        if not repeat:
            break
        print(json.dumps(result), flush=True)
    store.close()
    return result


# ------------------------------------------------------------------------------------------ load


def _targets(store: Store, rnd: random.Random, samples: int) -> dict[str, list[str]]:
    """Paths to request, by endpoint: random stories (by article), articles, entities (by mention), words."""
    ids = [r[0] for r in _rows(store, f"SELECT id FROM articles ORDER BY random() LIMIT {samples}")]
    marks = ",".join("?" * len(ids))
    stories = list(
        dict.fromkeys(
            r[0] for r in _rows(store, f"SELECT story_id FROM story_links WHERE article_id IN ({marks})", tuple(ids))
        )
    )
    names = [r[0] for r in _rows(store, f"SELECT name FROM entities WHERE article_id IN ({marks})", tuple(ids))]
    outlets = list({r[0] for r in _rows(store, f"SELECT outlet FROM articles WHERE id IN ({marks})", tuple(ids))})
    texts = [r[0] for r in _rows(store, f"SELECT text FROM articles WHERE id IN ({marks[:99]})", tuple(ids[:50]))]
    words = [w.strip(".,“”").lower() for t in texts for w in t.split()]
    common = ["first", "companies", "law", "army", "government", "said"]
    queries = (
        common
        + rnd.sample(words, 40)
        + rnd.sample(names, 20)
        + [f"{a} {b}" for a, b in zip(rnd.sample(words, 10), rnd.sample(words, 10), strict=True)]
    )
    offset = lambda: rnd.randrange(0, 1000, 20)  # noqa: E731
    entity = lambda: quote(rnd.choice(names), safe="")  # noqa: E731
    # random threads (a desk settled in part has them for some of its stories only)
    some_threads = f"SELECT DISTINCT thread_id FROM thread_links ORDER BY random() LIMIT {samples // 6}"
    threads = [r[0] for r in _rows(store, some_threads)]
    by_thread = {  # a desk built without `settle` has no threads: their endpoints are then left out
        "page /threads": [f"/threads?offset={offset()}" for _ in range(50)],
        "api /api/threads": [f"/api/threads?limit=20&offset={offset()}" for _ in range(50)],
        "page /threads/{id}": [f"/threads/{t}" for t in threads],
        "api /api/threads/{id}": [f"/api/threads/{t}" for t in threads],
    }
    return {
        "page /": [f"/?offset={offset()}" for _ in range(50)],
        "api /api/stories": [f"/api/stories?limit=20&offset={offset()}" for _ in range(50)],
        "page /stories/{id}": [f"/stories/{s}" for s in stories],
        "api /api/stories/{id}": [f"/api/stories/{s}" for s in stories],
        "page /articles/{id}": [f"/articles/{a}" for a in ids],
        "api /api/articles/{id}": [f"/api/articles/{a}" for a in ids],
        "page /entities/{name}": [f"/entities/{entity()}" for _ in range(100)],
        "api /api/entities/{name}": [f"/api/entities/{entity()}?limit=20" for _ in range(100)],
        "page /search": [f"/search?q={quote(q)}" for q in queries],
        "api /api/search": [f"/api/search?q={quote(q)}&limit=20" for q in queries],
        "page /articles": [f"/articles?offset={offset()}" for _ in range(50)],
        "api /api/articles": [f"/api/articles?limit=20&offset={offset()}" for _ in range(50)]
        + [f"/api/articles?limit=20&outlet={quote(o)}" for o in outlets[:25]]
        + [f"/api/articles?limit=20&entity={entity()}" for _ in range(25)],
        "api /api": ["/api"],
        **(by_thread if threads else {}),
    }


def _pct(values: list[float], q: float) -> float:
    """The ``q`` quantile of seconds, in milliseconds."""
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(db: str, seconds: float, clients: int, writer: bool, samples: int, seed: int) -> dict[str, Any]:
    from load_test import free_port, get, wait_up

    rnd = random.Random(seed)
    store = open_store(db)
    targets = _targets(store, rnd, samples)
    articles_before = store.count()
    store.close()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent / "src"), os.environ.get("PYTHONPATH", "")])}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    writing = None
    try:
        wait_up(port, server, seconds=120)
        if writer:
            writing = subprocess.Popen(
                [sys.executable, __file__, "place", "--db", db, "--articles", "200", "--batch", "50", "--keep",
                 "--repeat", "--seed", str(seed + 7)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
            )  # fmt: skip
        # one request at a time first: each endpoint's latency and server CPU alone (a story's first
        # view computes its page; the API call after it reads what was kept)
        sequential: dict[str, dict[str, float]] = {}
        for kind, paths in targets.items():
            walls, cpu_before = [], _cpu_s(server.pid)
            picked = paths[:20]
            for path in picked:
                t0 = time.perf_counter()
                status, _ = get(port, path, timeout=120)
                walls.append(time.perf_counter() - t0)
                if status != 200:
                    raise RuntimeError(f"{status} {path}")
            sequential[kind] = {
                "n": len(picked),
                "p50_ms": _pct(walls, 0.5),
                "p95_ms": _pct(walls, 0.95),
                "cpu_ms": round(1000 * (_cpu_s(server.pid) - cpu_before) / len(picked), 1),
            }
        cpu0 = _cpu_s(server.pid)
        kinds = list(targets)
        latencies: dict[str, list[float]] = defaultdict(list)
        cold: list[float] = []
        seen_story: set[str] = set()
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def client(k: int) -> None:
            local = random.Random(seed * 100 + k)
            i = k
            while time.monotonic() < stop:
                kind = kinds[i % len(kinds)]
                i += 1
                path = local.choice(targets[kind])
                t0 = time.perf_counter()
                try:
                    status, _ = get(port, path, timeout=120)
                    problem = None if status == 200 else f"{status} {path}"
                except Exception as exc:  # a failure is a figure to report, not a crash
                    problem = f"{type(exc).__name__} {path}"
                spent = time.perf_counter() - t0
                with lock:
                    latencies[kind].append(spent)
                    if "/stories/" in path:
                        story = path.rsplit("/", 1)[1]
                        if story not in seen_story:
                            seen_story.add(story)
                            cold.append(spent)
                    if problem:
                        errors.append(problem)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        server_cpu = _cpu_s(server.pid) - cpu0
    finally:
        for proc in (writing, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=60)

    everything = [v for vs in latencies.values() for v in vs]
    after = open_store(db)
    result = {
        "db": db,
        "articles": articles_before,
        "articles_after": after.count(),
        "seconds": seconds,
        "clients": clients,
        "writer": writer,
        "requests": len(everything),
        "requests_per_s": round(len(everything) / seconds, 1),
        "server_cpu_s": round(server_cpu, 1),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "p50_ms": _pct(everything, 0.5),
        "p95_ms": _pct(everything, 0.95),
        "story_first_view": {"n": len(cold), "p50_ms": _pct(cold, 0.5), "p95_ms": _pct(cold, 0.95)},
        "alone": sequential,
        "endpoints": {
            k: {"n": len(v), "p50_ms": _pct(v, 0.5), "p95_ms": _pct(v, 0.95), "max_ms": _pct(v, 1.0)}
            for k, v in latencies.items()
        },
    }
    after.close()
    return result


def table(result: dict[str, Any]) -> str:
    """The figures as a Markdown table: one request at a time, then under load."""
    lines = [
        "| endpoint | alone: p50 ms | p95 ms | server CPU ms | under load: requests | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, r in result["endpoints"].items():
        a = result["alone"][kind]
        name = f"`{kind.split(' ', 1)[1]}` ({kind.split()[0]})"
        lines.append(
            f"| {name} | {a['p50_ms']} | {a['p95_ms']} | {a['cpu_ms']} "
            f"| {r['n']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write a synthetic desk")
    b.add_argument("--articles", type=int, required=True)
    b.add_argument("--per-day", type=int, default=1000)
    b.add_argument("--chunk", type=int, default=2000, help="articles per transaction")
    c = sub.add_parser("copy", help="copy a built SQLite desk (--source) into an empty PostgreSQL desk")
    c.add_argument("--source", required=True, help="the SQLite desk file")
    st = sub.add_parser("settle", help="place a built desk's articles in people and threads, as ingest does")
    st.add_argument("--batch", type=int, default=1000, help="articles placed at a time")
    st.add_argument("--limit", type=int, help="stop after this many articles (it resumes)")
    p = sub.add_parser("place", help="put and place new articles (rolled back unless --keep)")
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--batch", type=int, default=1000, help="articles placed at a time")
    p.add_argument("--keep", action="store_true")
    p.add_argument("--repeat", action="store_true", help="go on until stopped (the writer of `load --writer`)")
    ld = sub.add_parser("load", help="every page and endpoint under load")
    ld.add_argument("--seconds", type=float, default=60)
    ld.add_argument("--clients", type=int, default=4)
    ld.add_argument("--writer", action="store_true", help="place articles into the desk meanwhile")
    ld.add_argument("--samples", type=int, default=300, help="random articles the targets are drawn from")
    for sp in (b, c, st, p, ld):
        sp.add_argument("--db", required=True)
        sp.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.command == "build":
        out = build(args.db, args.articles, args.per_day, args.seed, args.chunk)
    elif args.command == "copy":
        out = copy(args.source, args.db)
    elif args.command == "settle":
        out = settle(args.db, args.batch, args.limit)
    elif args.command == "place":
        out = place(args.db, args.articles, args.batch, args.keep, args.seed, args.repeat)
    else:
        out = load(args.db, args.seconds, args.clients, args.writer, args.samples, args.seed)
        print(table(out))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
