"""The GKG-like table: read back with pandas as a GKG file is read, and field by field on hand-made articles."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from newsdesk import Amount, Article, Event, MemoryStore
from newsdesk.export import export_desk
from newsdesk.export.gkg import COLUMNS, FILENAME, gkg_row

from .desk import ferry, fill, sequel, undated


def read_gkg(path: Path) -> pd.DataFrame:
    """A GKG file as GDELT's users read one: tab-separated, no header, no quoting."""
    return pd.read_csv(
        path, sep="\t", header=None, names=list(COLUMNS), dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE
    )


def test_gkg_file_has_one_line_per_article_in_27_columns(tmp_path: Path) -> None:
    store = MemoryStore()
    stored = fill(store)
    report = export_desk(store, tmp_path / "out", "gkg")
    path = tmp_path / "out" / FILENAME
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [len(line.split("\t")) for line in lines] == [27, 27, 27]
    frame = read_gkg(path)
    assert list(frame["GKGRECORDID"]) == [a.id for a in stored]
    assert report.rows == {"gkg": 3}
    for row, article in zip(frame.to_dict("records"), stored, strict=True):
        quotes = [b.split("|") for b in row["V2.1QUOTATIONS"].split("#") if b]
        assert [(int(o), int(n)) for o, n, _, _ in quotes] == [(q.start, q.end - q.start) for q in article.quotes]
        for (offset, length, _, text), quote in zip(quotes, article.quotes, strict=True):
            assert article.text[int(offset) : int(offset) + int(length)] == quote.text
            assert text == " ".join(quote.text.replace("#", " ").replace("|", " ").split())
        persons = [e.name for e in article.entities if e.label == "PERSON"]
        assert [p for p in row["V1PERSONS"].split(";") if p] == persons
        names = [b.rsplit(",", 1) for b in row["V2.1ALLNAMES"].split(";") if b]
        assert all(article.text[int(at) :].startswith(name) for name, at in names)
        amounts = [b.split(",") for b in row["V2.1AMOUNTS"].split(";") if b]
        assert [(float(v), int(at)) for v, _, at in amounts] == [(a.value, a.start) for a in article.amounts]


def _field(article: Article, column: str) -> str:
    return gkg_row(article)[COLUMNS.index(column)]


F = ferry()
QUOTE = F.quotes[0]
CREW, MONEY = F.amounts
TUESDAY, MARCH = F.dates


@pytest.mark.parametrize(
    ("article", "column", "expected"),
    [
        (F, "V2.1DATE", "20250304000000"),
        (sequel(), "V2.1DATE", "20250307081500"),
        (undated(), "V2.1DATE", ""),
        (F, "V2SOURCECOLLECTIONIDENTIFIER", "1"),  # on the web: the URL identifies it
        (sequel(), "V2SOURCECOLLECTIONIDENTIFIER", "2"),  # a file: known by its citation only
        (F, "V2DOCUMENTIDENTIFIER", "https://news.example/ferry"),
        (sequel(), "V2DOCUMENTIDENTIFIER", "sequel.txt"),
        (F, "V2SOURCECOMMONNAME", "The Harbour, Daily"),
        (F, "V1COUNTS", "PROTEST#1200#crew#######"),  # the sentence's event, not its reporting verb
        (F, "V2.1COUNTS", f"PROTEST#1200#crew########{CREW.start}"),
        (F.copy_with(events=F.events[1:]), "V1COUNTS", "#1200#crew#######"),  # only a statement: no type
        (sequel(), "V1COUNTS", ""),  # a percentage counts nothing
        (F, "V1PERSONS", "Marta Quint;Jonas Vale"),
        (F, "V1ORGANIZATIONS", "Ferry Union"),
        (F, "V1LOCATIONS", "#Port Alvor#####"),
        (F, "V2ENHANCEDLOCATIONS", "#Port Alvor#######0"),
        (F, "V2ENHANCEDPERSONS", f"Marta Quint,{F.text.index('Marta')};Jonas Vale,{F.text.index('Jonas')}"),
        (F, "V2.1ENHANCEDDATES", f"3#3#4#2025#{TUESDAY.start};3#3#12#2025#{MARCH.start}"),
        (sequel(), "V2.1ENHANCEDDATES", ""),  # an ISO week has no GKG form
        (
            F,
            "V2.1QUOTATIONS",
            f"{QUOTE.start}|{QUOTE.end - QUOTE.start}|said|We will stop every boat, 1 all of them."
            f"#{F.quotes[1].start}|{F.quotes[1].end - F.quotes[1].start}||talks would resume on 12 March 2025",
        ),
        (F, "V2.1AMOUNTS", f"1200,crew,{CREW.start};3500000,EUR,{MONEY.start}"),
        (sequel(), "V2.1AMOUNTS", f"4,%,{sequel().text.index('4%')}"),
        (F, "V2GCAM", f"wc:{len(F.text.split())}"),
        (
            F,
            "V2EXTRASXML",
            '<PAGE_TITLE>Ferry strike: "every boat" stops</PAGE_TITLE><PAGE_AUTHORS>Rita Sol;Ana Tab</PAGE_AUTHORS>',
        ),
        (undated(), "V2EXTRASXML", ""),
        (F, "V1THEMES", ""),  # newsdesk has no GKG themes, tone or images
        (F, "V1.5TONE", ""),
    ],
)
def test_gkg_field(article: Article, column: str, expected: str) -> None:
    assert _field(article, column) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Smith, Jones; Partners", "Smith Jones Partners,0"),
        ("Tab\tand\nline", "Tab and line,0"),
    ],
)
def test_gkg_names_never_hold_a_separator(name: str, expected: str) -> None:
    from newsdesk import Entity

    article = Article(id="x", source="x", text=name, entities=(Entity(name, "ORG", ((0, len(name)),)),))
    assert _field(article, "V2ENHANCEDORGANIZATIONS") == expected
    assert "\t" not in "".join(gkg_row(article)) and "\n" not in "".join(gkg_row(article))


@pytest.mark.parametrize(
    ("amount", "counted"),
    [
        (Amount("300 troops", 0, 10, 300.0, "troops", "troops"), True),
        (Amount("$5bn", 0, 4, 5e9, "USD", "aid"), False),  # money is an amount, not a count
        (Amount("15%", 0, 3, 15.0, "%"), False),
        (Amount("fivefold", 0, 8, 5.0, "times", "growth"), False),
        (Amount("12 km", 0, 5, 12.0, "km"), False),  # a measure counts nothing
    ],
)
def test_gkg_counts_are_the_figures_that_count_things(amount: Amount, counted: bool) -> None:
    text = "x" * 20
    article = Article(
        id="x",
        source="x",
        text=text,
        sentences=((0, 20),),
        amounts=(amount,),
        events=(Event("army", "attack", "military action", (0, 20), trigger=(11, 17)),),
    )
    assert bool(_field(article, "V1COUNTS")) is counted
    if counted:
        assert _field(article, "V1COUNTS").startswith("MILITARY_ACTION#300#troops#")


@pytest.mark.parametrize(
    ("events", "main", "expected"),
    [
        (
            (("143", "walk out"), ("010", "say"), ("143", "strike")),
            ("143", "Ferry crews walked out & stayed out"),
            '<MAIN_EVENT cameo="143">Ferry crews walked out &amp; stayed out</MAIN_EVENT><CAMEO>143;010</CAMEO>',
        ),
        (
            (("010", "say"),),
            (None, "The sea\\twas calm"),
            "<MAIN_EVENT>The sea was calm</MAIN_EVENT><CAMEO>010</CAMEO>",
        ),
        (((None, "say"),), None, ""),  # no code, no main event: nothing to add
    ],
)
def test_gkg_extras_carry_cameo_codes(
    events: tuple[tuple[str | None, str], ...], main: tuple[str | None, str] | None, expected: str
) -> None:
    from newsdesk.model import MainEvent

    article = Article(
        id="e",
        source="e.txt",
        text="Ferry crews walked out.",
        events=tuple(Event("Ferry crews", a, "protest", (0, 23), cameo=c) for c, a in events),
        main_event=MainEvent(sentence=(0, 23), summary=main[1].replace("\\t", "\t"), cameo=main[0]) if main else None,
    )
    assert _field(article, "V2EXTRASXML") == expected
