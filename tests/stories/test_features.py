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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quake of 2013 killed 28,500 people.", {"2013", "28500"}),
        ("A 6.1 magnitude shock, then 3 more.", {"6.1", "3"}),
        ("It ended in 1999.", {"1999"}),  # the sentence's full stop is not part of the number
        ("3", {"3"}),  # alone, at both ends of the text
        ("Flight MH17 and the A380 left gate B12.", set()),  # digits inside words are not numbers
        ("Version 2.5.1 and the ratio 1.2,3 and x7 and 4x", {"2.5.1", "1.23"}),  # thousands commas dropped
        ("room_12 and .5 and ,7", set()),  # after an underscore, a point or a comma: not a number
        ("Between 10 and 20, about 15.", {"10", "20", "15"}),
        ("No numbers here.", set()),
    ],
)
def test_features_numbers_are_whole_numbers_only(text: str, expected: set[str]) -> None:
    from newsdesk.model import Article
    from newsdesk.stories.features import _numbers

    assert set(_numbers(Article(id="a", source="a.txt", text=text))) == expected


def test_features_profiles_with_two_jobs_equal_one() -> None:
    """Over more than one chunk the profiles are made in workers: the same profiles, in the same order."""
    import random

    from newsdesk.model import Article, Entity
    from newsdesk.stories.features import profile, profiles

    rnd = random.Random(5)
    words = "harbour pilots Velmora strike ferry council repair 2025 4.5 million Brandt said the of and".split()
    articles = []
    for n in range(2100):
        text = " ".join(rnd.choices(words, k=rnd.randint(0, 60)))
        entities = (Entity("Ilse Brandt", "PERSON", ((0, 11),)),) if n % 3 == 0 else ()
        articles.append(Article(id=f"a{n}", source=f"{n}.txt", text=text, outlet="Velmora Post", entities=entities))
    made = list(profiles(articles, jobs=2))
    assert made == [profile(a) for a in articles]
    assert [list(p.terms.items()) for p in made] == [list(profile(a).terms.items()) for a in articles]  # same order
