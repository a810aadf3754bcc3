from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from newsdesk.stories.features import rarity


@pytest.mark.parametrize(
    "word",
    [
        "the",  # listed, common: the floor of 0.5
        "earthquake",  # listed
        "comeaux",  # a plain word wordfreq does not list: unseen without asking it
        "zqxvbrelk",
        "ferrant",
        "brandt's",  # an apostrophe: asked of wordfreq, which splits it
        "don't",
        "zürich",  # accents: wordfreq normalises them
        "café",
        "Earthquake",  # a capital: wordfreq folds it
        "ÉCOLE",
        "x",
    ],
)
def test_features_rarity_is_eight_minus_wordfreqs_zipf_frequency(word: str) -> None:
    expected = max(0.5, 8.0 - zipf_frequency(word, "en"))
    assert rarity(word) == expected
    assert rarity(word) == expected  # the second answer (from what is kept) is the same


def test_features_unlisted_plain_words_are_not_kept() -> None:
    from newsdesk.stories.features import _LISTED

    rarity("vorquelintra")
    rarity("earthquake")
    assert "vorquelintra" not in _LISTED
    assert "earthquake" in _LISTED
