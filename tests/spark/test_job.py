"""The Spark job in local mode, on a small corpus the tests write: it must agree with the local path.

One Spark run (module-scoped) over WARC, WARC.gz, JSON Lines, text, HTML and a
broken file; the tests then read its tables. Skipped where Java or PySpark is
missing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsdesk import Article, Failure, extract
from newsdesk.cli import main

from ..conftest import EXAMPLES
from ..sources.warc_files import PAGES, write_warc
from ..stories.conftest import ARTICLES as STORY_ARTICLES

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

COPY_TEXT = (EXAMPLES / "lisbon-herald-rail-strike.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from newsdesk.spark import local_session

    session = local_session("local[2]", memory="1g")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_warc(root / "crawl.warc.gz")
    write_warc(root / "plain.warc", gzip=False, extra=False)
    shutil.copy(EXAMPLES / "atlantic-wire-rail-strike.txt", root)
    shutil.copy(EXAMPLES / "euro-daily-rail-strike.html", root)
    # a near copy of an example article, republished elsewhere a day later, and a bad line
    copy = COPY_TEXT.replace("Lisbon Herald", "Coimbra Courier").rstrip() + "\nCopyright Coimbra Courier.\n"
    records = [
        {"text": COPY_TEXT, "url": "https://lisbon-herald.example/strike", "published": "2024-03-05"},
        {"text": copy, "url": "https://coimbra-courier.example/strike", "published": "2024-03-06"},
    ]
    lines = [json.dumps(r) for r in records]
    (root / "feed.jsonl").write_text(lines[0] + "\n{not json\n" + lines[1] + "\n", encoding="utf-8")
    (root / "broken.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copytree(STORY_ARTICLES, root / "stories")  # one event told by three outlets, a copy, months later
    return root


@pytest.fixture(scope="module")
def run(spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from newsdesk.spark import run as run_job

    output = tmp_path_factory.mktemp("spark") / "out"
    report = run_job(spark, [str(corpus)], str(output), partitions=3)
    return output, report


def test_job_agrees_with_the_local_path(spark: Any, corpus: Path, run: tuple[Path, Any]) -> None:
    from newsdesk.spark import load_articles, load_failures

    output, _ = run
    local = list(extract([corpus]))
    expected: dict[str, Article] = {}
    for a in local:  # one per id, the copy with the smallest source (the WARC pages are read twice)
        if isinstance(a, Article) and (a.id not in expected or a.source < expected[a.id].source):
            expected[a.id] = a
    got = [a for a in load_articles(spark, str(output))]
    assert len(got) == len(expected) == 3 + 1 + 1 + 2 + 6
    got_by_id = {a.id: a for a in got}
    assert set(got_by_id) == set(expected)
    for aid, article in expected.items():
        assert got_by_id[aid] == article and got_by_id[aid].source == article.source
        assert got_by_id[aid].stages == article.stages
    failures = {(f.source, f.reason) for f in local if isinstance(f, Failure)}
    assert {(f.source, f.reason) for f in load_failures(spark, str(output))} == failures
    assert len(failures) == 4  # image, redirect, bad JSON line, binary file


def test_job_writes_one_dataset_per_table(spark: Any, run: tuple[Path, Any]) -> None:
    output, report = run
    tables = ("articles", "entities", "quotes", "amounts", "dates", "events", "failures", "duplicates", "stories")
    for table in (*tables, "threads"):
        assert (output / table / "_SUCCESS").exists(), table
        assert list((output / table).glob("*.parquet")), table
    assert report.rows["articles"] == 13 and report.rows["failures"] == 4
    entities = spark.read.parquet(str(output / "entities"))
    assert set(entities.columns) >= {"article_id", "idx", "name", "label", "mentions", "aliases"}
    names = {r["name"] for r in entities.where("label = 'PERSON'").collect()}
    assert "Marta Quintela" in names
    urls = {r["url"] for r in spark.read.parquet(str(output / "articles")).select("url").collect()}
    assert set(PAGES) <= urls
    assert report.peak_worker_rss_mb > 50


def test_job_finds_the_republished_copy(spark: Any, run: tuple[Path, Any]) -> None:
    output, _ = run
    articles = {r["url"]: r["id"] for r in spark.read.parquet(str(output / "articles")).collect()}
    rows = [r.asDict() for r in spark.read.parquet(str(output / "duplicates")).collect()]
    original, copy = (
        articles["https://lisbon-herald.example/strike"],
        articles["https://coimbra-courier.example/strike"],
    )
    pairs = {(r["article_id"], r["duplicate_of"]) for r in rows}
    assert (copy, original) in pairs
    assert all(0 < r["similarity"] <= 1 for r in rows)
    assert not any(r["article_id"] == r["duplicate_of"] for r in rows)
    assert original not in {r["article_id"] for r in rows}


def test_job_stories_agree_with_the_local_path(spark: Any, corpus: Path, run: tuple[Path, Any]) -> None:
    from newsdesk.stories import find_stories

    output, _ = run
    unique: dict[str, Article] = {}
    for a in extract([corpus]):
        if isinstance(a, Article) and (a.id not in unique or a.source < unique[a.id].source):
            unique[a.id] = a
    local = {link.article_id: link for link in find_stories(sorted(unique.values(), key=lambda a: a.source))}
    rows = {r["article_id"]: r for r in spark.read.parquet(str(output / "stories")).collect()}
    assert set(rows) == set(local)
    assert {aid: r["copy_of"] for aid, r in rows.items()} == {aid: link.copy_of for aid, link in local.items()}

    def partition(story: dict[str, str]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for aid, sid in story.items():
            groups.setdefault(sid, set()).add(aid)
        return {frozenset(g) for g in groups.values()}

    assert partition({aid: r["story_id"] for aid, r in rows.items()}) == partition(
        {aid: link.story_id for aid, link in local.items()}
    )
    by_name = {Path(a.source).stem: a.id for a in unique.values() if "/stories/" in a.source}
    same_event = {rows[by_name[n]]["story_id"] for n in ("northern-courier-varga", "harbour-times-varga")}
    assert len(same_event) == 1
    assert rows[by_name["northern-courier-varga-drill"]]["story_id"] not in same_event  # months later


def test_job_cli_runs_and_refuses_to_overwrite(spark: Any, corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    output = tmp_path / "out"
    source = str(EXAMPLES / "atlantic-wire-rail-strike.txt")
    args = ["spark", source, str(output), "--master", "local[2]", "--no-dedupe", "--partitions", "1"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "newsdesk: 1 articles, " in first.stderr and str(output) in first.stderr
    assert spark.read.parquet(str(output / "articles")).count() == 1  # the session the CLI found is still up
    again = runner.invoke(main, args)
    assert again.exit_code == 1
    assert again.output.startswith("Error: Spark could not run the job: ") and "already exists" in again.output


def test_job_spark_submit_entry_point(spark: Any, tmp_path: Path) -> None:
    from newsdesk.spark import submit

    output = tmp_path / "out"
    source = str(EXAMPLES / "porto-news-republished.jsonl")
    assert submit.main([source, str(output), "--no-dedupe", "--partitions", "1"]) == 0
    assert spark.read.parquet(str(output / "articles")).count() >= 1
    with pytest.raises(SystemExit):
        submit.main([str(output)])


def test_job_reads_hadoop_uris_with_binary_files(spark: Any, corpus: Path, tmp_path: Path) -> None:
    from newsdesk.spark import load_articles, load_failures
    from newsdesk.spark import run as run_job

    output = tmp_path / "out"
    inputs = [f"file://{corpus / 'crawl.warc.gz'}", f"file://{corpus / 'feed.jsonl'}"]
    report = run_job(spark, inputs, str(output), partitions=2, dedupe=False)
    assert report.rows["articles"] == 3 + 2
    articles = list(load_articles(spark, str(output)))
    assert {a.url for a in articles} >= set(PAGES)
    assert all(a.source.startswith("file:") and "#" in a.source for a in articles)
    reasons = sorted(f.reason for f in load_failures(spark, str(output)))
    assert reasons[0].startswith("HTTP 301 response") and any("invalid JSON" in r for r in reasons)


def test_job_reads_a_desk_export_as_its_own_tables(spark: Any, run: tuple[Path, Any], tmp_path: Path) -> None:
    """``newsdesk export --format parquet`` writes the schemas of this job's output: Spark reads one as the other."""
    from newsdesk import MemoryStore
    from newsdesk.export import export_desk
    from newsdesk.spark import load_articles

    from ..export.desk import fill

    store = MemoryStore()
    stored = fill(store)
    export_desk(store, tmp_path / "export", "parquet")
    output, _ = run
    for table in ("articles", "entities", "quotes", "amounts", "dates", "events", "stories"):
        ours = spark.read.parquet(str(tmp_path / "export" / table)).schema
        assert ours == spark.read.parquet(f"{output}/{table}").schema, table
    assert sorted(load_articles(spark, str(tmp_path / "export")), key=lambda a: a.id) == sorted(
        stored, key=lambda a: a.id
    )


def test_job_threads_agree_with_the_local_path(spark: Any, corpus: Path, run: tuple[Path, Any]) -> None:
    from newsdesk.stories import find_stories
    from newsdesk.stories.threads import find_threads, sketch_stories

    output, _ = run
    unique: dict[str, Article] = {}
    for a in extract([corpus]):
        if isinstance(a, Article) and (a.id not in unique or a.source < unique[a.id].source):
            unique[a.id] = a
    articles = sorted(unique.values(), key=lambda a: a.source)
    links = find_stories(articles)
    local = find_threads(sketch_stories(articles, links))
    stories = {r["article_id"]: r["story_id"] for r in spark.read.parquet(str(output / "stories")).collect()}
    threads = {r["story_id"]: r["thread_id"] for r in spark.read.parquet(str(output / "threads")).collect()}
    assert set(threads) == set(stories.values())  # every story has its thread

    def partition(thread_of: dict[str, str]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for aid, tid in thread_of.items():
            groups.setdefault(tid, set()).add(aid)
        return {frozenset(g) for g in groups.values()}

    spark_threads = {aid: threads[sid] for aid, sid in stories.items()}
    local_threads = {link.article_id: local[link.story_id] for link in links}
    assert partition(spark_threads) == partition(local_threads)
    by_name = {Path(a.source).stem: a.id for a in unique.values() if "/stories/" in a.source}
    varga = spark_threads[by_name["northern-courier-varga"]]
    assert spark_threads[by_name["northern-courier-varga-drill"]] != varga  # months later: another thread
