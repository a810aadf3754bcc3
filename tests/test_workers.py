"""Analysis in worker processes: the same output as one core, in input order, whatever happens to a worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk import Article, Failure, ModelNotFound, Pipeline, Settings, read, to_dict
from newsdesk.cli import main
from newsdesk.workers import analyse, analyse_batch, cores, jobs_for, map_ordered

from .conftest import EXAMPLES, make_article
from .stories.conftest import ARTICLES

POISON = "This text kills the worker that analyses it."

HAND_WRITTEN = [
    "Harbour pilots in the fictional port of Velmora voted on Tuesday to strike from 1 June.",
    'Mayor Ilse Brandt said: "The ferries will run." She met the pilots\' union on Wednesday.',
    "The council approved a €4.5 million repair of the Velmora sea wall, about 12% more than planned.",
    "",  # nothing to analyse: passes through as it is
    '"We are not moving," said Tomas Reyes, who leads the pilots. About 300 pilots are members.',
    "A short note with no names at all.",
]


def dicts(items: list[Article | Failure]) -> list[dict[str, object] | tuple[str, str]]:
    return [to_dict(i) if isinstance(i, Article) else (i.source, i.reason) for i in items]


def hand_written() -> list[Article | Failure]:
    items: list[Article | Failure] = [make_article(t, outlet="Velmora Post") for t in HAND_WRITTEN if t]
    items.insert(3, Failure("bad.jsonl#4", "invalid JSON (Expecting value)"))
    return items


def killer(batch: list[Article]) -> list[Article | Failure]:
    """A worker's task that dies, as a worker killed by the system would, on the poisoned article."""
    if any(a.text == POISON for a in batch):
        os._exit(1)
    return analyse_batch(batch)


@pytest.mark.parametrize("batch_size", [1, 16])
def test_workers_two_jobs_equal_one_on_hand_written_inputs(batch_size: int, pipeline: Pipeline) -> None:
    settings = Settings(batch_size=batch_size)
    one = list(analyse(hand_written(), settings.copy_with(jobs=1), pipeline=pipeline))
    two = list(analyse(hand_written(), settings.copy_with(jobs=2)))
    assert dicts(two) == dicts(one)
    assert [i.source for i in two] == [i.source for i in hand_written()]  # input order
    assert all(i.stages for i in two if isinstance(i, Article))


def test_workers_two_jobs_equal_one_on_the_fixture_articles_with_skips(pipeline: Pipeline) -> None:
    settings = Settings(batch_size=2)
    items = list(read([ARTICLES, EXAMPLES]))

    def skip(a: Article) -> bool:
        return "varga" in a.source

    one = list(analyse(items, settings.copy_with(jobs=1), skip=skip, pipeline=pipeline))
    two = list(analyse(items, settings.copy_with(jobs=2), skip=skip))
    assert dicts(two) == dicts(one)
    skipped = [i for i in two if isinstance(i, Article) and not i.stages]
    assert len(skipped) == 5 and all("varga" in a.source for a in skipped)  # passed through, not analysed


def test_workers_cli_jobs_2_output_equals_jobs_1(tmp_path: Path) -> None:
    config = tmp_path / "small-batches.toml"
    config.write_text("batch_size = 1\n")  # five batches: the workers do run
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        args = ["extract", str(EXAMPLES), "--format", "jsonl", "--config", str(config), "--jobs", jobs]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        outputs.append([json.loads(line) for line in result.stdout.splitlines()])
    assert len(outputs[0]) == 5 and outputs[1] == outputs[0]


def test_workers_a_dying_worker_costs_only_its_article(pipeline: Pipeline) -> None:
    items = hand_written()
    items.insert(2, make_article(POISON))
    settings = Settings(batch_size=2, jobs=2)
    results = list(analyse(items, settings, task=killer))
    assert [i.source for i in results] == [i.source for i in items]
    failed = [i for i in results if isinstance(i, Failure)]
    assert [f.reason for f in failed] == ["analysis failed (its worker process died)", "invalid JSON (Expecting value)"]
    others = [i for i in items if not (isinstance(i, Article) and i.text == POISON)]
    expected = list(analyse(others, settings.copy_with(jobs=1), pipeline=pipeline))
    kept = [i for i in results if not (isinstance(i, Failure) and "worker" in i.reason)]
    assert dicts(kept) == dicts(expected)


def test_workers_missing_model_is_the_clear_error() -> None:
    settings = Settings(model=("no_such_model_package",), batch_size=1, jobs=2)
    with pytest.raises(ModelNotFound, match="no_such_model_package"):
        list(analyse([make_article(t) for t in HAND_WRITTEN if t], settings))


@pytest.mark.parametrize(("jobs", "expected"), [(1, 1), (3, 3), (0, None)])
def test_workers_jobs_setting(jobs: int, expected: int | None) -> None:
    assert jobs_for(Settings(jobs=jobs)) == (expected or cores())
    assert cores() >= 1


def test_workers_cli_refuses_negative_jobs() -> None:
    result = CliRunner().invoke(main, ["extract", str(EXAMPLES), "--jobs", "-1"])
    assert result.exit_code == 2 and "--jobs" in result.output


UNGUARDED = """
import sys
import newsdesk
from newsdesk.settings import Settings
from newsdesk.workers import analyse

def echo(batch):
    return batch

def run():
    return list(analyse(newsdesk.read(sys.argv[1:]), settings, task=echo))

settings = Settings(jobs=2, batch_size=1)
{call}
"""


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # a script that calls newsdesk at its top level: every worker would run it again
        ("items = list(newsdesk.extract(sys.argv[1:], settings))", "UnguardedMain"),
        ("items = run()", "UnguardedMain"),
        # the same calls under the guard: the workers import the script and go on to their work
        ('if __name__ == "__main__":\n    print(len(run()))', "2"),
    ],
)
def test_workers_script_without_main_guard_is_a_clear_error(tmp_path: Path, call: str, expected: str) -> None:
    script = tmp_path / "script.py"
    script.write_text(UNGUARDED.format(call=call))
    inputs = []
    for n, text in enumerate(HAND_WRITTEN[:2]):
        inputs.append(tmp_path / f"report{n}.txt")
        inputs[-1].write_text(text)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, str(script), *map(str, inputs)], capture_output=True, text=True, env=env, timeout=600
    )
    if expected == "UnguardedMain":
        assert done.returncode == 1
        last = done.stderr.strip().splitlines()[-1]
        assert last == (
            f"newsdesk.workers.UnguardedMain: {script}: newsdesk's worker processes import this script and it "
            'starts them again; put its code under `if __name__ == "__main__":` (or set jobs = 1)'
        )
        assert done.stderr.count("Traceback") == 1  # the caller's error only: the workers stopped quietly
    else:
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == expected


def squares_and_pid(numbers: list[int]) -> list[tuple[int, int]]:
    """A task for map_ordered: each number's square, and which process made it."""
    return [(n * n, os.getpid()) for n in numbers]


@pytest.mark.parametrize(
    ("count", "jobs", "chunk", "in_workers"),
    [
        (0, 2, 3, False),
        (3, 2, 3, False),  # one chunk: in this process
        (7, 1, 3, False),  # one job: in this process
        (7, 2, 3, True),
        (50, 2, 1, True),  # more chunks than the 2 x jobs in flight
        (50, 3, 7, True),
    ],
)
def test_workers_map_ordered_keeps_input_order(count: int, jobs: int, chunk: int, in_workers: bool) -> None:
    results = list(map_ordered(squares_and_pid, range(count), jobs, chunk=chunk))
    assert [square for square, _ in results] == [n * n for n in range(count)]
    assert any(pid != os.getpid() for _, pid in results) is in_workers
