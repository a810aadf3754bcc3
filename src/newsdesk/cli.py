"""The ``newsdesk`` command: thin wrappers over the Python API.

Machine formats (``json``, ``jsonl``) go to stdout and nothing else does;
progress, errors and the closing summary go to stderr, so piped output stays
clean. Exit status: 0 when anything could be read, 1 when nothing could (or
with ``--strict``, 3 when any input failed), 2 for usage errors.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from newsdesk.analyze import ModelNotFound
from newsdesk.extras import MissingExtra, require_for
from newsdesk.ingest import Report, brief, extract, ingest
from newsdesk.model import Article, Failure, to_dict
from newsdesk.render import article_summary
from newsdesk.settings import Settings
from newsdesk.store import open_store

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class _Group(click.Group):
    """Turns the errors a user can cause (no model, an unusable desk file) into one clear line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ModelNotFound, MissingExtra) as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.DatabaseError as exc:
            raise click.ClickException(f"cannot use the desk: {exc}") from None
        except Exception as exc:
            if type(exc).__module__.split(".")[0] == "psycopg":  # a PostgreSQL desk (psycopg loads lazily)
                reason = " ".join(str(exc).split())
                raise click.ClickException(f"cannot use the desk: {reason}") from None
            raise


def _settings(config: str | None, published: str | None, outlet: str | None, jobs: int | None = None) -> Settings:
    try:
        settings = Settings.from_toml(config) if config else Settings()
    except (ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise click.ClickException(f"bad settings file: {exc}") from None
    if published:
        from newsdesk.sources.dates import parse_date

        iso = parse_date(published)
        if iso is None:
            raise click.BadParameter(f"{published!r} is not a full date (e.g. 2019-11-22)", param_hint="--published")
        settings = settings.copy_with(published=iso)
    if outlet:
        settings = settings.copy_with(outlet=outlet)
    if jobs is not None:
        settings = settings.copy_with(jobs=jobs)
    return settings


def jobs_option(func: F) -> F:
    """--jobs N: analysis processes (the ``jobs`` setting)."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(0),
        metavar="N",
        help="Analyse on N processes [default: the jobs setting, 0 = one per core]; the output is the same.",
    )(func)


def input_options(func: F) -> F:
    """FILES plus the options that say how to read and analyse them, and --strict."""
    func = click.option("--strict", is_flag=True, help="Exit 3 when any input failed.")(func)
    func = jobs_option(func)
    func = click.option("--outlet", help="Outlet to assume where an input names none.")(func)
    func = click.option(
        "--published", metavar="DATE", help="Publication date to assume where an input has none (YYYY-MM-DD)."
    )(func)
    func = click.option(
        "--config",
        type=click.Path(exists=True, dir_okay=False),
        help="TOML file of settings (see newsdesk.settings.Settings).",
    )(func)
    return click.argument("files", nargs=-1, required=True)(func)


def db_option(func: F) -> F:
    return click.option(
        "--db",
        default="newsdesk.db",
        show_default=True,
        envvar="NEWSDESK_DB",
        help="The desk: a SQLite file (or a store URL).",
    )(func)


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="text for people; json / jsonl for programs.",
    )


def _print_failure(failure: Failure) -> None:
    err.print(f"[red]newsdesk: error:[/] {failure}", markup=True, highlight=False)


def _emit(articles: Iterable[Article], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([to_dict(a) for a in articles], ensure_ascii=False, indent=1))
        return
    first = True
    for a in articles:
        if fmt == "jsonl":
            click.echo(json.dumps(to_dict(a), ensure_ascii=False))
        else:
            if not first:
                out.print()
            out.print(article_summary(a))
            first = False


def _finish(report: Report, *, strict: bool, quiet: bool = False) -> None:
    if not quiet:
        err.print(f"[dim]newsdesk: {report.summary()}[/]")
        for reason, n in report.reasons().most_common():
            err.print(f"[dim]  {n} × {reason}[/]")
    if report.read == 0:
        sys.exit(1)
    if strict and report.failed:
        sys.exit(3)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newsdesk")
def main() -> None:
    """newsdesk: a sourced record of the story from a pile of news reports.

    \b
    Inputs are files or folders of text, HTML (also .gz), JSON Lines, or - for stdin.
    Start with:  newsdesk brief examples/
    """


@main.command("extract")
@input_options
@format_option("text", "json", "jsonl")
def extract_cmd(
    files: tuple[str, ...],
    fmt: str,
    strict: bool,
    jobs: int | None,
    config: str | None,
    published: str | None,
    outlet: str | None,
) -> None:
    """Analyse articles and print them (nothing is stored).

    \b
    Examples:
      newsdesk extract article.txt
      newsdesk extract pages/ --format jsonl > articles.jsonl
      cat story.html | newsdesk extract - --published 2019-11-22
    """
    report = Report()
    done: list[Article] = []

    def articles() -> Iterable[Article]:
        for item in extract(files, _settings(config, published, outlet, jobs)):
            if isinstance(item, Failure):
                report.failures.append(item)
                _print_failure(item)
                continue
            report.read += 1
            if fmt == "json":
                done.append(item)
            else:
                yield item

    if fmt == "json":
        for _ in articles():
            pass
        _emit(done, fmt)
    else:
        _emit(articles(), fmt)
    _finish(report, strict=strict, quiet=fmt != "text" and not report.failed)


@main.command("timeline")
@input_options
@format_option("text", "json", "jsonl")
@click.option(
    "--all",
    "every",
    is_flag=True,
    help="Every event, statements and repeats too (default: the events that matter, as a story's timeline).",
)
def timeline_cmd(
    files: tuple[str, ...],
    fmt: str,
    strict: bool,
    jobs: int | None,
    config: str | None,
    published: str | None,
    outlet: str | None,
    every: bool,
) -> None:
    """Lay the events of a set of articles out in the order they happened.

    Each line gives the event date (or "(published)" when the text gives none
    and the publication date stands in), what happened as a short sentence
    with its CAMEO category and code (an article's main event marked "*"),
    and the article and sentence it comes from. Nothing is stored.

    As a story's timeline, it shows the events that matter: the articles'
    main events, then dated actions, each told once; what someone said is a
    quote, not an event of the timeline. --all lists every event.

    \b
    Examples:
      newsdesk timeline examples/
      newsdesk timeline reports/*.txt --published 2019-11-22 --format jsonl
      newsdesk timeline reports/ --all
    """
    from newsdesk.stories.timeline import build_timeline, render_timeline, select_timeline

    report = Report()
    articles: list[Article] = []
    for item in extract(files, _settings(config, published, outlet, jobs)):
        if isinstance(item, Failure):
            report.failures.append(item)
            _print_failure(item)
            continue
        report.read += 1
        articles.append(item)
    entries = build_timeline(articles)
    if not every:
        entries = select_timeline(entries)
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for e in entries:
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
    elif entries:
        click.echo(render_timeline(entries))
    _finish(report, strict=strict, quiet=fmt != "text" and not report.failed)


@contextmanager
def _progress(
    seen: list[str] | None = None, sources: list[tuple[str, str]] | None = None
) -> Iterator[Callable[[Article | Failure, bool], None]]:
    """The ``on_item`` callback of an ingest: prints failures, shows a spinner on a terminal;
    ``seen`` collects the ids of the articles read, ``sources`` every ``(source, id)`` read, in
    order (two files with one text are two entries)."""
    progress: Any = None
    task: Any = None
    known: set[str] = set()

    def tick(item: Article | Failure, new: bool) -> None:
        if isinstance(item, Failure):
            _print_failure(item)
        else:
            if seen is not None and item.id not in known:
                known.add(item.id)
                seen.append(item.id)
            if sources is not None:
                sources.append((item.source, item.id))
        if progress is not None:
            progress.update(task, advance=1, description=Path(item.source).name)

    if not err.is_terminal:
        yield tick
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    ) as bar:
        progress, task = bar, bar.add_task("reading…", total=None)
        yield tick


@main.command("ingest")
@input_options
@db_option
@click.option("--replace", is_flag=True, help="Re-analyse and overwrite articles already stored.")
@click.option("--no-stories", is_flag=True, help="Store the records only; do not place the articles in stories.")
def ingest_cmd(
    files: tuple[str, ...],
    db: str,
    replace: bool,
    no_stories: bool,
    strict: bool,
    jobs: int | None,
    config: str | None,
    published: str | None,
    outlet: str | None,
) -> None:
    """Analyse articles, store them in the desk and place them in its stories (re-ingesting is a no-op).

    \b
    Examples:
      newsdesk ingest examples/
      newsdesk ingest feed.jsonl --db desk.db --jobs 4
      newsdesk ingest pages/ --no-stories          # the records only
    """
    settings = _settings(config, published, outlet, jobs)
    store = open_store(db)
    try:
        with _progress() as tick:
            report = ingest(files, store, settings, replace=replace, stories=not no_stories, on_item=tick)
    finally:
        store.close()
    _finish(report, strict=strict)


@main.command("brief")
@input_options
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json"]),
    default="markdown",
    show_default=True,
    help="markdown (coloured on a terminal), html (a page of its own) or json.",
)
def brief_cmd(
    files: tuple[str, ...],
    db: str,
    fmt: str,
    strict: bool,
    jobs: int | None,
    config: str | None,
    published: str | None,
    outlet: str | None,
) -> None:
    """Store articles, group them into stories, and write the sourced brief of each story.

    A brief has a headline, 5–10 sentences of the sources (each citing its
    articles and saying how many independent outlets report it), the key
    quotes by speaker, the figures (disagreements flagged), the timeline,
    and the story's articles with their people, quotes and figures.

    \b
    Examples:
      newsdesk brief examples/
      newsdesk brief story1.txt story2.html --db desk.db
      newsdesk brief pages/ --format html > brief.html
    """
    from newsdesk.stories.brief_render import briefs_html, briefs_json, briefs_markdown

    settings = _settings(config, published, outlet, jobs)
    store = open_store(db)
    try:
        with _progress() as tick:
            briefs, report = brief(files, store, settings, on_item=tick)
    finally:
        store.close()
    if fmt == "json":
        click.echo(briefs_json(briefs))
    elif fmt == "html":
        click.echo(briefs_html(briefs), nl=False)
    elif out.is_terminal:
        from rich.markdown import Markdown

        out.print(Markdown(briefs_markdown(briefs)))
    else:
        click.echo(briefs_markdown(briefs), nl=False)
    _finish(report, strict=strict, quiet=fmt != "markdown" and not report.failed)


@main.command("stories")
@input_options
@db_option
@format_option("text", "jsonl", "json")
def stories_cmd(
    files: tuple[str, ...],
    db: str,
    fmt: str,
    strict: bool,
    jobs: int | None,
    config: str | None,
    published: str | None,
    outlet: str | None,
) -> None:
    """Store articles and group them into stories (one event each), joining the desk's stories.

    Copies of one text (the same wire story run by several outlets) are marked
    as copies, and stories join threads (developing storylines).
    jsonl prints {"source", "story", "thread", "id", "copy_of"} per input.

    \b
    Examples:
      newsdesk stories examples/
      newsdesk stories feeds/*.jsonl --format jsonl > stories.jsonl
      newsdesk stories pages/ --db memory:          # nothing kept
    """
    settings = _settings(config, published, outlet, jobs)
    ids: list[str] = []
    sources: list[tuple[str, str]] = []
    store = open_store(db)
    try:
        with _progress(seen=ids, sources=sources) as tick:
            report = ingest(files, store, settings, on_item=tick)  # stores and places
        links = {link.article_id: link for link in store.story_links(article_ids=ids)}
        threads = {t.story_id: t.thread_id for t in store.thread_links(story_ids={x.story_id for x in links.values()})}
        rows = [
            {
                "source": source,
                "story": links[aid].story_id,
                "thread": threads.get(links[aid].story_id),
                "id": aid,
                "copy_of": links[aid].copy_of,
            }
            for source, aid in sources
            if aid in links
        ]
        if fmt == "json":
            click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        elif fmt == "jsonl":
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False))
        else:
            from newsdesk.render import story_listing

            out.print(story_listing(list(store.articles(ids)), list(links.values())))
    finally:
        store.close()
    _finish(report, strict=strict, quiet=fmt != "text" and not report.failed)


@main.command("show")
@click.argument("article_id")
@db_option
@format_option("text", "json", "jsonl")
def show_cmd(article_id: str, db: str, fmt: str) -> None:
    """Print one stored article (by id, or a unique id prefix).

    \b
    Example:
      newsdesk show 3fa2c1d0 --format json
    """
    store = open_store(db)
    try:
        article = store.get(article_id)
        if article is None:
            matches = [s.id for s in store.list(limit=10_000_000) if s.id.startswith(article_id)]
            if len(matches) == 1:
                article = store.get(matches[0])
            elif len(matches) > 1:
                raise click.ClickException(f"id prefix {article_id!r} is ambiguous: {', '.join(matches[:5])}")
        if article is None:
            raise click.ClickException(f"no article {article_id!r} in {db}")
        if fmt == "json":
            click.echo(json.dumps(to_dict(article), ensure_ascii=False, indent=1))
        else:
            _emit([article], fmt)
    finally:
        store.close()


@main.command("list")
@db_option
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--outlet", help="Only this outlet.")
@format_option("text", "jsonl")
def list_cmd(db: str, limit: int, offset: int, outlet: str | None, fmt: str) -> None:
    """List stored articles, newest first.

    \b
    Examples:
      newsdesk list
      newsdesk list --outlet Yonhap --format jsonl
    """
    store = open_store(db)
    try:
        rows = store.list(limit=limit, offset=offset, outlet=outlet)
        for r in rows:
            if fmt == "jsonl":
                click.echo(json.dumps(r.__dict__, ensure_ascii=False))
            else:
                out.print(
                    f"{r.id}  {r.published or 'undated':10}  {(r.outlet or '-')[:18]:18}  {(r.title or r.source)[:70]}",
                    markup=False,
                )
        if fmt == "text":
            err.print(f"[dim]{len(rows)} of {store.count()} articles[/]")
    finally:
        store.close()


@main.command("threads")
@db_option
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@format_option("text", "jsonl")
def threads_cmd(db: str, limit: int, offset: int, fmt: str) -> None:
    """List the desk's threads (developing storylines: stories that follow one another), newest first.

    Articles join threads as they are stored (ingest, stories, watch, the web desk).

    \b
    Examples:
      newsdesk threads
      newsdesk threads --format jsonl --limit 200
    """
    store = open_store(db)
    try:
        rows = store.threads(limit=limit, offset=offset)
        for r in rows:
            if fmt == "jsonl":
                click.echo(json.dumps(dataclasses.asdict(r), ensure_ascii=False))
            else:
                span = f"{r.first_published or 'undated'} – {r.last_published or 'undated'}"
                out.print(
                    f"{r.id}  {span:23}  {r.n_stories:3} stories  {r.n_articles:4} articles  "
                    f"{r.n_outlets:3} outlets  {(r.title or '')[:60]}",
                    markup=False,
                )
        if fmt == "text":
            err.print(f"[dim]{len(rows)} threads[/]")
    finally:
        store.close()


@main.command("spark")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT…")
@click.argument("output")
@click.option("--master", default="local[*]", show_default=True, help="Spark master (local[N] uses N cores).")
@click.option("--partitions", type=click.IntRange(1), help="Analysis partitions [default: 4 per core].")
@click.option("--no-dedupe", is_flag=True, help="Skip the cross-document step (duplicates/, stories/).")
@click.option("--overwrite", is_flag=True, help="Replace OUTPUT if it exists.")
@click.option("--memory", default="2g", show_default=True, help="Spark driver memory (local mode: all of Spark).")
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="TOML file of settings (see newsdesk.settings)."
)
@click.option("--published", metavar="DATE", help="Publication date to assume where an input has none.")
@click.option("--outlet", help="Outlet to assume where an input names none.")
def spark_cmd(
    inputs: tuple[str, ...],
    output: str,
    master: str,
    partitions: int | None,
    no_dedupe: bool,
    overwrite: bool,
    memory: str,
    config: str | None,
    published: str | None,
    outlet: str | None,
) -> None:
    """Analyse a big corpus with Apache Spark; write Parquet tables under OUTPUT.

    INPUT is WARC / WARC.gz, JSON Lines, text or HTML files or folders (or hdfs://, s3a://,
    file:// URIs). OUTPUT gets one dataset per table: articles/ entities/ quotes/ amounts/
    dates/ events/ failures/ duplicates/ stories/. Needs Java 17+; on a cluster use spark-submit
    with newsdesk.spark.submit (see the README).

    \b
    Examples:
      newsdesk spark crawl/*.warc.gz out/
      newsdesk spark articles.jsonl out/ --master 'local[2]' --overwrite
    """
    settings = _settings(config, published, outlet)
    try:
        from newsdesk.spark import local_session, run
    except ImportError as exc:
        raise click.ClickException(f"Spark is not installed ({exc}): pip install 'newsdesk[spark]'") from None
    from pyspark.sql import SparkSession

    existing = SparkSession.getActiveSession()  # a session someone else started is left running
    spark = local_session(master, memory=memory)
    try:
        report = run(
            spark, list(inputs), output, settings, partitions=partitions, dedupe=not no_dedupe, overwrite=overwrite
        )
    except Exception as exc:
        if type(exc).__module__.startswith("pyspark"):
            reason = " ".join(str(exc).split())[:300]
            raise click.ClickException(f"Spark could not run the job: {reason}") from None
        raise
    finally:
        if existing is None:
            spark.stop()
    err.print(f"[dim]newsdesk: {report.summary()}[/]")
    if report.rows.get("articles", 0) == 0:
        sys.exit(1)


def _watch_state_path(db: str, state: str | None) -> str | None:
    """Where watch keeps the items it has seen: beside a SQLite desk, else in the current folder."""
    if state:
        return state
    if db.startswith("memory:"):
        return None
    if "://" in db and not db.startswith("sqlite:"):
        return "newsdesk-watch.json"
    return db.removeprefix("sqlite:///").removeprefix("sqlite://") + ".watch.json"


@main.command("watch")
@click.argument("feed")
@db_option
@click.option("--fetch", "fetch_pages", is_flag=True, help="Fetch the page behind each new item's link.")
@click.option(
    "--every", type=click.FloatRange(min=1), metavar="SECONDS", help="Read the feed again every SECONDS, until Ctrl-C."
)
@click.option(
    "--state",
    type=click.Path(dir_okay=False),
    help="JSON file of the items already seen [default: DB.watch.json beside a SQLite desk].",
)
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="TOML file of settings (see newsdesk.settings)."
)
@click.option("--published", metavar="DATE", help="Publication date to assume where an item has none.")
@click.option("--outlet", help="Outlet to assume where the feed names none.")
@click.option("--no-stories", is_flag=True, help="Store the records only; do not place the articles in stories.")
@jobs_option
def watch_cmd(
    feed: str,
    db: str,
    fetch_pages: bool,
    every: float | None,
    state: str | None,
    no_stories: bool,
    jobs: int | None,
    config: str | None,
    published: str | None,
    outlet: str | None,
) -> None:
    """Ingest the new items of an RSS/Atom feed (a file or a URL) and place them in stories; seen items are skipped.

    Only the feed URL you give is fetched, and with --fetch the page of each new item
    (feeds often carry only a summary); a feed file is read without any network.

    \b
    Examples:
      newsdesk watch gazette.xml
      newsdesk watch https://example.org/rss.xml --fetch --db desk.db
      newsdesk watch https://example.org/atom.xml --every 600
    """
    import time

    from newsdesk.sources.detect import ReadError
    from newsdesk.watch import SeenItems, watch_once

    settings = _settings(config, published, outlet, jobs)
    try:
        seen = SeenItems.load(_watch_state_path(db, state))
    except ReadError as exc:
        raise click.ClickException(str(exc)) from None
    store = open_store(db)

    def tick(item: Article | Failure, new: bool) -> None:
        if isinstance(item, Failure):
            _print_failure(item)

    total = Report(storing=True)
    try:
        while True:
            report = watch_once(
                feed, store, settings, seen=seen, fetch_pages=fetch_pages, stories=not no_stories, on_item=tick
            )
            total.read += report.read
            total.stored += report.stored
            total.skipped += report.skipped
            total.failures += report.failures
            if every is None:
                break
            err.print(f"[dim]newsdesk: {feed}: {report.summary()}[/]")
            time.sleep(every)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()
    if every is None and total.read == 0 and not total.failed:
        err.print(f"[dim]newsdesk: {total.summary()} (nothing new)[/]")
        return
    _finish(total, strict=False)


class _OneLineUsageError(click.ClickException):
    """A bad option, said in one line (exit 2) without click's usage banner."""

    exit_code = 2


def _desk_file(db: str) -> Path | None:
    """The file of a SQLite desk (None for a store URL such as ``postgresql://`` or ``memory:``)."""
    if db.startswith("memory:") or ("://" in db and not db.startswith("sqlite:")):
        return None
    return Path(db.removeprefix("sqlite:///").removeprefix("sqlite://"))


@main.command("export")
@click.argument("out", metavar="OUT/")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet", "jsonl", "gkg", "datasette"]),
    required=True,
    help="csv, jsonl or parquet: one file (parquet: folder) per table; gkg: a GDELT-GKG-like table; "
    "datasette: a SQLite desk and its metadata.json.",
)
@click.option("--story", metavar="ID", help="Only this story (its id, or a unique prefix).")
@click.option("--since", metavar="DATE", help="Only articles published on or after DATE (YYYY-MM-DD).")
@click.option("--overwrite", is_flag=True, help="Replace this format's files already in OUT/.")
def export_cmd(out: str, db: str, fmt: str, story: str | None, since: str | None, overwrite: bool) -> None:
    """Write the desk's tables as files for other tools (pandas, DuckDB, Spark, GDELT GKG readers, Datasette).

    Tables: articles, entities, mentions, quotes, amounts, dates, events, stories, threads, with
    the columns of the Spark output. The desk is read a batch at a time, so its size does not matter.

    \b
    Examples:
      newsdesk export out/ --format parquet
      newsdesk export out/ --format csv --story 4b67c667
      newsdesk export out/ --format gkg --since 2024-03-01
      newsdesk export site/ --format datasette && datasette site/newsdesk.db -m site/metadata.json
    """
    from newsdesk.export import ExportError, export_desk

    if since is not None:
        from newsdesk.sources.dates import parse_date

        iso = parse_date(since)
        if iso is None:
            raise _OneLineUsageError(f"--since: {since!r} is not a date (e.g. 2024-03-01)")
        since = iso
    path = _desk_file(db)
    if path is not None and not path.is_file():
        raise click.ClickException(f"no desk at {path}")
    store = open_store(db)
    try:
        report = export_desk(store, out, fmt, story=story, since=since, overwrite=overwrite)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    err.print(f"[dim]newsdesk: {report.summary()}[/]")
    if report.articles == 0:
        sys.exit(1)


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="TOML file of settings for web ingests.")
@jobs_option
def serve_cmd(db: str, host: str, port: int, config: str | None, jobs: int | None) -> None:
    """Serve the desk as web pages and a JSON API (docs at /docs, schema at /openapi.json).

    \b
    Examples:
      newsdesk serve
      newsdesk serve --db desk.db --port 8080
    """
    from newsdesk.web import serve

    settings = _settings(config, None, None, jobs)
    require_for(settings)  # else the web's ingests would fail one by one
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]newsdesk: serving on {host}: anyone who can reach it can read and add to the desk[/]")
    err.print(f"[dim]newsdesk: serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/[/]")
    serve(db, host=host, port=port, settings=settings)


if __name__ == "__main__":
    main()
