from __future__ import annotations

import pytest

from newsdesk import Article, article_id
from newsdesk.stories.dedupe import find_copies

WIRE = (
    "The city council of Marrow voted on Monday to close the old harbour bridge to cars from next spring, "
    "after engineers found cracks in two of its four steel arches. Buses and bicycles will still be allowed "
    "to cross. Mayor Ines Calder said the decision was painful but unavoidable, and that repairs would take "
    "at least three years and cost about 40 million euros. Shop owners on the north bank said they feared "
    "losing customers, and asked the council for help with rents while the works go on."
)


def art(text: str, outlet: str, published: str | None = "2025-05-05") -> Article:
    return Article(
        id=article_id(text, outlet=outlet), source=f"{outlet}.txt", text=text, outlet=outlet, published=published
    )


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (WIRE, True),  # the same wire copy, another outlet
        (WIRE.replace("Monday", "Monday evening").replace("painful", "very painful") + " More to follow.", True),
        (WIRE[: len(WIRE) * 2 // 3], True),  # an outlet that ran the first two thirds
        ("Marrow's council closed the harbour bridge to cars. " * 3, False),  # the same event, other words
        ("The ferry to Lund was cancelled on Monday because of high winds and rain.", False),
    ],
)
def test_dedupe_copy_or_not(other: str, expected: bool) -> None:
    a, b = art(WIRE, "Wire", "2025-05-04"), art(other, "Gazette")
    copies = find_copies([a, b])
    assert (copies.copy_of(b.id) == a.id) is expected
    assert copies.copy_of(a.id) is None


def test_dedupe_groups_name_the_earliest_as_original() -> None:
    late, early, third = art(WIRE, "A", "2025-05-06"), art(WIRE, "B", "2025-05-04"), art(WIRE, "C", None)
    copies = find_copies([late, third, early])
    (group,) = copies.groups().values()
    assert group[0] == early.id and set(group) == {early.id, late.id, third.id}
    assert copies.original[late.id] == copies.original[third.id] == early.id
    assert copies.similarity[late.id] == pytest.approx(1.0)


def test_dedupe_short_and_empty_texts_are_not_copies_of_everything() -> None:
    a, b, c = art("Breaking.", "A"), art("Breaking.", "B"), art("", "C")
    copies = find_copies([a, b, c])
    assert copies.copy_of(c.id) is None
    assert copies.original[a.id] == copies.original[b.id]  # the same short text is still the same text


def test_dedupe_of_the_fixture_wire_copy(varga: dict[str, Article]) -> None:
    copies = find_copies(varga.values())
    copy = varga["valley-gazette-varga-copy"]
    assert copies.copy_of(copy.id) == varga["northern-courier-varga"].id
    others = [a for name, a in varga.items() if name != "valley-gazette-varga-copy"]
    assert all(copies.copy_of(a.id) is None for a in others)


def _texts(count: int) -> list[str]:
    """Texts of varied length and script, made from the wire copy's words (and a few others)."""
    import random

    rnd = random.Random(3)
    words = [*WIRE.split(), "Straße", "İzmir", "ﬁnal", "naïve", "東京", "café's", "2,500", "—"]
    return [" ".join(rnd.choices(words, k=rnd.randint(0, 120))) for _ in range(count)]


@pytest.mark.parametrize(
    "texts",
    [[""], ["one"], ["one two three four"], ["one two three four five"], [WIRE, WIRE + " " + WIRE], _texts(300)],
    ids=["empty", "one word", "four words", "one shingle", "repeated shingles", "300 mixed"],
)
def test_dedupe_signature_equals_datasketch_minhash(texts: list[str]) -> None:
    from datasketch import MinHash

    from newsdesk.stories.dedupe import NUM_PERM, _shingles, signature

    for text in texts:
        values, size = signature(text)
        expected = MinHash(num_perm=NUM_PERM, seed=1)  # the values copies are identified by
        shingles = set(_shingles(text))
        expected.update_batch(list(shingles))
        assert size == len(shingles)
        assert values.dtype == expected.hashvalues.dtype
        assert values.tolist() == expected.hashvalues.tolist(), text


def test_dedupe_copies_with_two_jobs_equal_one() -> None:
    """Over a corpus of more than one chunk the signatures are computed in workers: the same copies."""
    texts = _texts(1500)
    articles = [art(text, f"Outlet {n % 7}", f"2025-05-{1 + n % 28:02d}") for n, text in enumerate(texts)]
    articles += [art(WIRE, f"Wire {n}", f"2025-05-{1 + n % 28:02d}") for n in range(40)]
    one, two = find_copies(articles, jobs=1), find_copies(articles, jobs=2)
    assert one == two
    assert len(set(one.original.values())) < len(one.original)  # copies were found (the wire runs at least)
