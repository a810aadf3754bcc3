"""Timeline: events of several articles in event-date order, event time apart from reporting time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import main
from newsdesk.model import Article, Event
from newsdesk.stories.timeline import build_timeline, render_timeline, sort_key


def _article(aid: str, published: str, events: tuple[Event, ...]) -> Article:
    return Article(
        id=aid, source=f"{aid}.txt", text="Ana Ribeiro met Rui Costa. Talks failed.", published=published, events=events
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2019-11-21", "2019", "2019-11"], ["2019", "2019-11", "2019-11-21"]),
        (["2019-W47", "2019-11-17"], ["2019-11-17", "2019-W47"]),  # week 47 of 2019 begins on the 18th
        (["2019-Q4", "2019-09-30"], ["2019-09-30", "2019-Q4"]),
        ([None, "2018"], ["2018", None]),  # undated events go last
    ],
)
def test_timeline_sort_key_orders_mixed_precision(values: list[str | None], expected: list[str | None]) -> None:
    assert sorted(values, key=sort_key) == expected


def test_timeline_orders_by_event_date_and_keeps_reporting_date() -> None:
    later_report = _article(
        "b", "2019-11-25", (Event("Rui Costa", "reject", "reject", (27, 40), date="2019-11-18", date_source="text"),)
    )
    earlier_report = _article(
        "a",
        "2019-11-22",
        (Event("Ana Ribeiro", "meet", "consult/meet/visit", (0, 26), date="2019-11-22", date_source="published"),),
    )
    entries = build_timeline([earlier_report, later_report])
    assert [(e.when, e.reported, e.article_id, e.sentence_text) for e in entries] == [
        ("2019-11-18", "2019-11-25", "b", "Talks failed."),
        ("2019-11-22", "2019-11-22", "a", "Ana Ribeiro met Rui Costa."),
    ]
    text = render_timeline(entries)
    assert "2019-11-22 (published)  Ana Ribeiro meet" in text and "a @0-26" in text


def test_timeline_cli_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Ana Ribeiro called on Rui Costa to end the strike on Thursday.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["timeline", str(tmp_path), "--published", "2019-11-22", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["when"], r["actor"], r["category"], r["reported"]) for r in rows] == [
        ("2019-11-21", "Ana Ribeiro", "appeal/demand", "2019-11-22")
    ]
