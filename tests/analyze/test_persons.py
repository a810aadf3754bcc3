"""Words about people: sex from given names, nouns that name people and titles."""

from __future__ import annotations

import pytest

from newsdesk.analyze.persons import TITLE_NOUNS, given_name_gender, person_noun


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hillary Clinton", "f"),
        ("Donald Trump", "m"),
        ("Mr. Mark Esper", "m"),
        ("Chris Smith", None),  # used for both sexes: left to an honorific
        ("Trump", None),  # a surname alone says nothing
        ("", None),
    ],
)
def test_persons_given_name_gender(name: str, expected: str | None) -> None:
    assert given_name_gender(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("spokeswoman", True),
        ("manager", True),
        ("economist", True),
        ("official", True),
        ("report", False),
        ("letter", False),
        ("assessment", False),
        ("poll", False),
    ],
)
def test_persons_person_noun(word: str, expected: bool) -> None:
    assert person_noun(word) is expected


def test_persons_titles_are_person_nouns() -> None:
    assert all(person_noun(t) for t in TITLE_NOUNS)
