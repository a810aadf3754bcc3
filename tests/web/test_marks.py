from __future__ import annotations

import pytest

from newsdesk.web.marks import Mark, pieces, speaker_colours


def m(start: int, end: int, css: str, anchor: str | None = None) -> Mark:
    return Mark(start, end, css, css, anchor=anchor)


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([], [("Ana said hi.", "")]),
        ([m(0, 3, "ent")], [("Ana", "ent"), (" said hi.", "")]),
        # a mark inside another: the outer is cut around it, each piece carries both classes
        ([m(0, 12, "quote"), m(4, 8, "amt")], [("Ana ", "quote"), ("said", "quote amt"), (" hi.", "quote")]),
        # overlapping marks that do not nest
        ([m(0, 8, "a"), m(4, 12, "b")], [("Ana ", "a"), ("said", "a b"), (" hi.", "b")]),
        # marks outside the text or empty are ignored
        ([m(5, 5, "x"), m(-1, 3, "y"), m(10, 99, "z")], [("Ana said hi.", "")]),
    ],
)
def test_marks_pieces_cover_the_text_exactly(marks: list[Mark], expected: list[tuple[str, str]]) -> None:
    text = "Ana said hi."
    got = pieces(text, marks)
    assert [(p.text, p.css) for p in got] == expected
    assert "".join(p.text for p in got) == text


def test_marks_anchor_sits_where_its_mark_starts() -> None:
    got = pieces("Ana said hi.", [m(4, 8, "quote", anchor="q0"), m(0, 12, "cite", anchor="hl")])
    assert [(p.text, p.anchors) for p in got] == [("Ana ", ["hl"]), ("said", ["q0"]), (" hi.", [])]


def test_marks_speaker_colours_are_stable_and_cycle() -> None:
    colours = speaker_colours(["B", None, "A", "B", *[f"s{i}" for i in range(8)]])
    assert colours["B"] == "sp-0" and colours["A"] == "sp-1"
    assert colours["s6"] == "sp-0"  # the ninth speaker reuses the first colour
    assert None not in colours
