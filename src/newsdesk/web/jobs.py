"""Ingests started from the web: one worker thread, progress a page can poll.

An upload is saved to the desk's upload folder first (so the stored
``source`` names a file that exists), then ingested by :func:`newsdesk.ingest`
(read → analyse → store → place in the desk's stories, as ``newsdesk ingest``
does) in a background thread, one job at a time: the analysis of a job
already runs on every core (``settings.jobs`` worker processes). The page
polls the job for progress.
"""

from __future__ import annotations

import queue
import re
import secrets
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from newsdesk.ingest import ingest
from newsdesk.model import Article, Failure
from newsdesk.web.desk import Desk

__all__ = ["Job", "JobState", "Jobs", "safe_filename"]

JobState = Literal["queued", "running", "done", "failed"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, fallback: str = "upload.txt") -> str:
    """A file name that is safe to create: no folders, no dots in front, plain characters.

    >>> safe_filename("../../etc/passwd")
    'passwd'
    """
    base = unicodedata.normalize("NFKD", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = _UNSAFE.sub("_", base.encode("ascii", "ignore").decode()).strip("._")[:100]
    return base or fallback


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Job:
    """One ingest from the web and how far it has got."""

    id: str
    files: list[str]
    state: JobState = "queued"
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    error: str | None = None
    created_at: str = field(default_factory=_now)
    finished_at: str | None = None
    folder: Path | None = None

    @property
    def processed(self) -> int:
        return self.read + len(self.failures)


class Jobs:
    """The queue of web ingests and the recent ones' progress (the last ``keep``)."""

    def __init__(self, desk: Desk, *, keep: int = 200) -> None:
        self.desk = desk
        self.keep = keep
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._worker: threading.Thread | None = None

    # ------------------------------------------------------------------ submitting

    def submit(self, files: list[tuple[str, bytes]]) -> Job:
        """Save ``(name, content)`` pairs to a new upload folder and queue their ingest."""
        job_id = secrets.token_hex(8)
        folder = self.desk.uploads / f"{datetime.now(UTC):%Y%m%d-%H%M%S}-{job_id}"
        folder.mkdir(parents=True, exist_ok=True)
        names: list[str] = []
        for n, (name, content) in enumerate(files, 1):
            safe = safe_filename(name)
            if safe in names:
                stem, dot, ext = safe.rpartition(".")
                safe = f"{stem}-{n}.{ext}" if dot else f"{safe}-{n}"
            (folder / safe).write_bytes(content)
            names.append(safe)
        job = Job(job_id, names, folder=folder)
        with self._lock:
            self._jobs[job_id] = job
            while len(self._jobs) > self.keep:
                self._jobs.popitem(last=False)
        self._start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self, limit: int = 20) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))[:limit]

    # ------------------------------------------------------------------ working

    def _start(self) -> None:
        with self._lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="newsdesk-ingest", daemon=True)
                self._worker.start()

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            self._run(job)
            self._queue.task_done()

    def _run(self, job: Job) -> None:
        assert job.folder is not None
        job.state = "running"

        def tick(item: Article | Failure, new: bool) -> None:
            with self._lock:
                if isinstance(item, Failure):
                    job.failures.append(Failure(Path(item.source).name, item.reason))
                    return
                job.read += 1
                job.stored += new
                job.skipped += not new
                if item.id not in job.articles:
                    job.articles.append(item.id)

        try:
            store = self.desk.store()
            ingest([job.folder / name for name in job.files], store, self.desk.settings, on_item=tick)
        except Exception as exc:  # the worker must survive a job that fails (no model, a full disk)
            job.error = f"{type(exc).__name__}: {exc}"
            job.state = "failed"
        else:
            job.state = "done"
        job.finished_at = _now()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued job is finished (tests and shutdown); False on timeout."""
        done = threading.Event()

        def join() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=join, daemon=True).start()
        return done.wait(timeout)

    def close(self) -> None:
        """Let the worker finish the job in hand and stop."""
        if self._worker is not None and self._worker.is_alive():
            self._queue.put(None)
            self._worker.join(timeout=60)
