"""Analysis on every core: batches of articles analysed in worker processes, in input order.

The per-article analysis (the spaCy parse and every stage) is CPU-bound and
independent from one article to the next, so it is what runs in parallel.
Reading, storing and placing stay in the calling process: the store sees one
writer doing exactly what it did with one core (one transaction per article,
in input order), so re-ingesting is still a no-op and a SIGKILL still loses
nothing.

How it runs:

* The input is cut into batches of ``settings.batch_size`` items (articles to
  analyse, plus Failures and already-stored articles that only pass through);
  the same batches are analysed in-process with ``jobs=1``, so the output of
  ``jobs=N`` is the output of ``jobs=1``, in the same order.
* Each worker builds one :class:`~newsdesk.analyze.Pipeline` and loads its
  spaCy model once, when it starts. Workers start from a *forkserver* (a
  clean process that has imported newsdesk and spaCy once), never by forking
  the caller: a web server's threads and open database connections stay where
  they are.
* At most ``2 × jobs`` batches are in flight, so a corpus of any size streams
  through in bounded memory, and the workers have work queued while the
  caller stores what came back.
* An input of one batch or less is analysed in-process: starting workers (one
  model each) would cost more than it saves.
* A worker that dies (killed, out of memory) takes its batch with it: those
  articles are analysed again one by one in fresh workers, and an article that
  kills its worker again becomes a Failure; the run goes on. Workers whose
  caller was killed exit by themselves (they watch it).
* A worker starts by importing the caller's main module (as every
  forkserver or spawned process does). A script that calls newsdesk at its
  top level, outside ``if __name__ == "__main__":``, would call it again in
  each worker; the worker stops there and the caller raises
  :class:`UnguardedMain`, one line that says what to change, instead of
  losing every article to workers that died.

spaCy's own ``nlp.pipe(n_process=…)`` parallelises the parse only and sends
whole documents back; here the stages run in the workers too and only the
finished (small, frozen) :class:`~newsdesk.model.Article` records travel.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from newsdesk.analyze import Pipeline
from newsdesk.model import Article, Failure
from newsdesk.settings import Settings

__all__ = ["UnguardedMain", "analyse", "cores", "jobs_for", "map_ordered"]

Item = Article | Failure
Task = Callable[[list[Article]], list[Item]]
T = TypeVar("T")
R = TypeVar("R")

_MAIN_RAN_AGAIN = 86
"""A worker's exit status when it stopped in the caller's main module, calling newsdesk again."""


class UnguardedMain(RuntimeError):
    """The workers could not start: the caller's script calls newsdesk at its top level, unguarded."""

    def __init__(self, script: str) -> None:
        super().__init__(
            f"{script}: newsdesk's worker processes import this script and it starts them again; "
            'put its code under `if __name__ == "__main__":` (or set jobs = 1)'
        )


def cores() -> int:
    """The cores this process may use (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def jobs_for(settings: Settings) -> int:
    """How many analysis processes ``settings`` asks for (``jobs = 0``: one per core)."""
    return settings.jobs if settings.jobs > 0 else cores()


# ---------------------------------------------------------------------------- in a worker

_pipeline: Pipeline | None = None
_startup_error: BaseException | None = None


def _start_worker(settings: Settings, caller: tuple[int, str | None]) -> None:
    """Worker initialiser: build the pipeline and load its model, once per worker."""
    global _pipeline, _startup_error
    _watch(caller)
    try:
        _pipeline = Pipeline(settings)
        _ = _pipeline.nlp
    except Exception as exc:  # raised again with the first task, so the caller gets the real error
        _startup_error = exc


def _identity(pid: int) -> tuple[int, str | None]:
    """A process id with its start time (Linux), so that a reused id is not mistaken for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return pid, None
    fields = stat.rsplit(")", 1)[1].split()
    return pid, fields[19] if len(fields) > 19 else None


def _alive(caller: tuple[int, str | None]) -> bool:
    pid, started = caller
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process now holds the id
        return False
    if started is None:
        return True
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z" and fields[19] == started


def _watch(caller: tuple[int, str | None], every: float = 0.5) -> None:
    """Exit when the process that asked for this worker is gone (killed: nobody will read the results).

    The caller, not the parent: a worker's parent is the forkserver, which
    outlives a killed caller for as long as its workers do.
    """

    def watch() -> None:
        while _alive(caller):
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="newsdesk-caller-watch", daemon=True).start()


def analyse_batch(articles: list[Article]) -> list[Item]:
    """Analyse one batch in this worker (the task sent to workers)."""
    if _startup_error is not None:
        raise _startup_error
    assert _pipeline is not None, "a worker's pipeline is built by its initialiser"
    return list(_pipeline.pipe(articles))


def _stop_if_starting_a_worker() -> None:
    """Stop a worker process that is still importing the caller's main module (a script without a guard).

    Multiprocessing marks a process that is importing its parent's main module
    (``_inheriting``, what its own "bootstrapping phase" check reads); analysis
    asked for then comes from the script's top level, run again in the worker.
    The exit status tells the caller why the worker stopped.
    """
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        sys.stderr.flush()
        os._exit(_MAIN_RAN_AGAIN)


# ---------------------------------------------------------------------------- in the caller


def _context() -> multiprocessing.context.BaseContext:
    """Workers from a forkserver (never a fork of the caller, its threads and connections), else spawned."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["newsdesk.workers"])  # imports (spaCy included) once, not per worker
    return context


@dataclass
class _Batch:
    items: list[tuple[Item, bool]]  # each item, and whether it is to be analysed
    future: Future[list[Item]] | None = None
    generation: int = 0

    @property
    def todo(self) -> list[Article]:
        return [item for item, go in self.items if go and isinstance(item, Article)]

    def merged(self, analysed: Iterable[Item]) -> Iterator[Item]:
        results = iter(analysed)
        for item, go in self.items:
            yield next(results) if go else item


def _batches(items: Iterable[Item], size: int, skip: Callable[[Article], bool] | None) -> Iterator[_Batch]:
    batch: list[tuple[Item, bool]] = []
    for item in items:
        go = isinstance(item, Article) and not (skip is not None and skip(item))
        batch.append((item, go))
        if len(batch) >= size:
            yield _Batch(batch)
            batch = []
    if batch:
        yield _Batch(batch)


class _Workers:
    """A pool of analysis processes that survives the death of one of them."""

    def __init__(self, settings: Settings, jobs: int, task: Task) -> None:
        self.settings = settings
        self.jobs = jobs
        self.task = task
        self.generation = 0
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(self.settings, _identity(os.getpid())),
        )

    def submit(self, batch: _Batch) -> None:
        todo = batch.todo
        if todo:
            try:
                batch.future = self._pool.submit(self.task, todo)
            except BrokenProcessPool:  # a worker died since the last batch was sent
                self._restart(self.generation)
                batch.future = self._pool.submit(self.task, todo)
            batch.generation = self.generation

    def results(self, batch: _Batch) -> Iterator[Item]:
        """The batch, analysed, in order (blocks until its worker is done)."""
        if batch.future is None:
            yield from batch.merged([])
            return
        try:
            analysed = batch.future.result()
        except BrokenProcessPool:
            self._restart(batch.generation)
            analysed = [self._alone(article) for article in batch.todo]
        yield from batch.merged(analysed)

    def _alone(self, article: Article) -> Item:
        """One article of a batch whose worker died, analysed by itself in a fresh worker."""
        generation = self.generation
        try:
            (result,) = self._pool.submit(self.task, [article]).result()
        except BrokenProcessPool:
            self._restart(generation)
            return Failure(article.source, "analysis failed (its worker process died)")
        return result

    def _restart(self, generation: int) -> None:
        if generation == self.generation:  # the first to see this pool broken replaces it
            self._raise_if_main_ran_again()
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            self.generation += 1

    def _raise_if_main_ran_again(self) -> None:
        """Raise :class:`UnguardedMain` when a worker of this (broken) pool stopped in the caller's script."""
        processes = getattr(self._pool, "_processes", None) or {}  # the pool's workers (the stdlib's own record)
        if any(p.exitcode == _MAIN_RAN_AGAIN for p in list(processes.values())):
            main = sys.modules.get("__main__")
            raise UnguardedMain(str(getattr(main, "__file__", None) or "the main module")) from None

    def close(self, *, finished: bool) -> None:
        self._pool.shutdown(wait=finished, cancel_futures=not finished)


def analyse(
    items: Iterable[Item],
    settings: Settings,
    *,
    skip: Callable[[Article], bool] | None = None,
    pipeline: Pipeline | None = None,
    task: Task = analyse_batch,
) -> Iterator[Item]:
    """Analyse ``items`` on ``jobs_for(settings)`` cores; yield every item, in input order.

    Failures pass through, and so do articles ``skip`` says yes to (yielded
    unanalysed, with empty ``stages``: the ingest skips articles already
    stored). An article whose analysis raises becomes a Failure.

    Args:
        pipeline: the pipeline for in-process analysis (built from ``settings`` when
            needed); workers always build their own.
        task: what a worker runs on a batch (tests replace it to kill a worker).
    """
    _stop_if_starting_a_worker()
    jobs = jobs_for(settings)
    batches = _batches(items, settings.batch_size, skip)

    def local(batch: _Batch) -> Iterator[Item]:
        nonlocal pipeline
        if not batch.todo:
            return batch.merged([])
        pipeline = pipeline or Pipeline(settings)
        return batch.merged(pipeline.pipe(batch.todo))

    head = list(itertools.islice(batches, 2 if jobs > 1 else 1))
    if len(head) < 2:  # one core, or one batch: in-process
        for batch in itertools.chain(head, batches):
            yield from local(batch)
        return
    workers = _Workers(settings, jobs, task)
    finished = False
    try:
        pending: deque[_Batch] = deque()
        for batch in itertools.chain(head, batches):
            workers.submit(batch)
            pending.append(batch)
            while len(pending) > 2 * jobs or (pending and (pending[0].future is None or pending[0].future.done())):
                yield from workers.results(pending.popleft())
        while pending:
            yield from workers.results(pending.popleft())
        finished = True
    finally:
        workers.close(finished=finished)


def map_ordered(task: Callable[[list[T]], list[R]], items: Iterable[T], jobs: int, *, chunk: int = 1000) -> Iterator[R]:
    """``task`` over ``items`` cut into chunks, on ``jobs`` processes: its results, in input order.

    For per-item work that depends on the item alone (the MinHash signatures and
    story profiles of a whole-corpus pass), so the results are those of one
    process, in the same order. At most ``2 × jobs`` chunks are in flight, so a
    corpus of any size streams through in bounded memory. With ``jobs`` 1, or an
    input of one chunk or less, it runs in this process (starting workers would
    cost more than it saves). Workers start as :func:`analyse`'s do (from a
    forkserver; ``task`` is sent by name, so it is a module-level function) and
    exit when their caller is killed.
    """
    _stop_if_starting_a_worker()
    it = iter(items)
    chunks = iter(lambda: list(itertools.islice(it, chunk)), [])
    head = list(itertools.islice(chunks, 2 if jobs > 1 else 1))
    if len(head) < 2:
        for part in itertools.chain(head, chunks):
            yield from task(part)
        return
    with ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_watch, initargs=(_identity(os.getpid()),)
    ) as pool:
        pending: deque[Future[list[R]]] = deque()
        for part in itertools.chain(head, chunks):
            pending.append(pool.submit(task, part))
            while len(pending) > 2 * jobs or (pending and pending[0].done()):
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
