"""Timeline: events of several articles in event-date order, event time apart from reporting time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import main
from newsdesk.model import Article, Event, MainEvent, Phrase
from newsdesk.stories.timeline import build_timeline, render_timeline, select_timeline, sort_key


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
        (
            Event(
                "Ana Ribeiro", "meet", "consult", (0, 26), date="2019-11-22", date_source="published",
                summary="Ana Ribeiro met Rui Costa", cameo="040", cameo_label="consult",
            ),
        ),
    )  # fmt: skip
    entries = build_timeline([earlier_report, later_report])
    assert [(e.when, e.reported, e.article_id, e.sentence_text) for e in entries] == [
        ("2019-11-18", "2019-11-25", "b", "Talks failed."),
        ("2019-11-22", "2019-11-22", "a", "Ana Ribeiro met Rui Costa."),
    ]
    text = render_timeline(entries)
    assert "2019-11-22 (published)  Ana Ribeiro met Rui Costa  [consult 040]" in text and "a @0-26" in text
    assert "→" not in text


def test_timeline_cli_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Ana Ribeiro called on Rui Costa to end the strike on Thursday.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["timeline", str(tmp_path), "--published", "2019-11-22", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["when"], r["actor"], r["category"], r["cameo"], r["reported"], r["main"]) for r in rows] == [
        ("2019-11-21", "Ana Ribeiro", "appeal", "025", "2019-11-22", True)
    ]
    assert rows[0]["summary"] == "Ana Ribeiro called on Rui Costa to end the strike"


def _story() -> list[Article]:
    text = "Dock workers struck in Velmora. Ana Ribeiro said talks would resume. Police arrested two men."
    said = Event(
        "Ana Ribeiro",
        "say",
        "make public statement",
        (32, 68),
        date="2019-11-21",
        date_source="text",
        summary="Ana Ribeiro said talks would resume",
        cameo="010",
        trigger=(44, 48),
    )
    arrest = Event(
        "Police",
        "arrest",
        "coerce",
        (69, 94),
        date="2019-11-21",
        date_source="text",
        summary="Police arrested two men",
        cameo="173",
        trigger=(76, 84),
    )
    strike = Event(
        "Dock workers",
        "strike",
        "protest",
        (0, 31),
        date="2019-11-20",
        date_source="text",
        summary="Dock workers struck in Velmora",
        cameo="143",
        trigger=(13, 19),
    )
    main = MainEvent(
        (0, 31),
        "Dock workers struck in Velmora",
        (13, 19),
        who=Phrase("Dock workers", 0, 12),
        date="2019-11-20",
        date_source="text",
        category="protest",
        cameo="143",
    )
    a = Article(
        id="a", source="a.txt", text=text, published="2019-11-22", events=(strike, said, arrest), main_event=main
    )
    copy = Article(
        id="b",
        source="b.txt",
        text=text,
        published="2019-11-22",
        outlet="Wire",
        events=(strike, said, arrest),
        main_event=main,
    )
    undated = Article(
        id="c", source="c.txt", text=text, events=(arrest.copy_with(date=None, summary="Police arrested two men"),)
    )
    return [a, copy, undated]  # fmt: skip


def test_timeline_select_main_events_first_no_statements_told_once() -> None:
    entries = build_timeline(_story())
    assert sum(1 for e in entries if e.main) == 2 and len(entries) == 7  # main events replace their own verb's event
    chosen = select_timeline(entries)
    assert [(e.when, e.summary, e.main) for e in chosen] == [
        ("2019-11-20", "Dock workers struck in Velmora", True),
        ("2019-11-21", "Police arrested two men", False),
    ]
    assert [e.summary for e in select_timeline(entries, limit=1)] == ["Dock workers struck in Velmora"]


def test_timeline_cli_keeps_what_matters_unless_all(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Dock workers struck in Velmora on Thursday. Ana Ribeiro said on Thursday that talks would resume. "
        "Police arrested two men on Friday.\n",
        encoding="utf-8",
    )
    args = ["timeline", str(tmp_path), "--published", "2019-11-23", "--format", "jsonl"]
    shown = [json.loads(line) for line in CliRunner().invoke(main, args).stdout.splitlines()]
    every = [json.loads(line) for line in CliRunner().invoke(main, [*args, "--all"]).stdout.splitlines()]
    assert "make public statement" in {r["category"] for r in every}
    assert "make public statement" not in {r["category"] for r in shown}
    assert {r["summary"] for r in shown} < {r["summary"] for r in every}
    assert any(r["main"] for r in shown)
