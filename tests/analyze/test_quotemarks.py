"""Pairing quotation marks from the characters alone."""

from __future__ import annotations

import pytest

from newsdesk.analyze.quotemarks import find_quoted


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We’ll see,” he said. “Like I said, it is done.”", ["We’ll see,", "Like I said, it is done."]),
        ('"We will not go back," she said.', ["We will not go back,"]),
        ("''It is over,'' the mayor said, ''and we won.''", ["It is over,", "and we won."]),
        ("``It is over,'' the mayor said.", ["It is over,"]),
        ("She called it ‘a disgrace’ on Monday.", ["a disgrace"]),
        ("He said 'never' twice.", ["never"]),
        ("The workers' union said ‘no deal’ today.", ["no deal"]),
        ("« Nous restons », a-t-il dit.", ["Nous restons"]),
        (
            "“The first paragraph goes on\n\n“and ends here,” she said.",
            ["The first paragraph goes on\n\n“and ends here,"],
        ),
        ("“An unclosed quote\n\nA plain paragraph.", ["An unclosed quote"]),
        ("“A typo,“ he said, “closes too.”", ["A typo,", "closes too."]),
        # nothing quoted: apostrophes, elisions, possessives, inches
        ("It's the ’90s and the Smiths’ car is red.", []),
        ("Rock ’n’ roll never died, the players’ union said.", []),
        ("No quotation marks at all.", []),
        ("", []),
    ],
)
def test_quotemarks_finds_passages(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_quotemarks_nested_single_quotes_stay_inside() -> None:
    text = "“He told me, ‘Go home,’ and I did,” she said."
    assert contents(text) == ["He told me, ‘Go home,’ and I did,"]


def test_quotemarks_offsets_and_marks() -> None:
    text = 'Ana said: "Stay calm." Then she left.'
    (q,) = find_quoted(text)
    assert text[q.open] == '"' and q.close is not None and text[q.close - 1] == '"'
    assert text[q.start : q.end] == "Stay calm."
    assert q.double


def test_quotemarks_unclosed_has_no_close() -> None:
    (q,) = find_quoted("“It never closes")
    assert q.close is None
