from __future__ import annotations

import dataclasses
import json

import pytest

from newsdesk import (
    Amount,
    Article,
    DateRef,
    Debris,
    Entity,
    Event,
    MainEvent,
    Mention,
    Phrase,
    Quote,
    article_id,
    from_dict,
    to_dict,
)


def full_article() -> Article:
    text = 'Ana Ribeiro said: "The door is open." The strike cost €180 million on Tuesday.'
    return Article(
        id=article_id(text),
        source="x.txt",
        text=text,
        outlet="Lisbon Herald",
        title="Strike",
        authors=("Helena Duarte",),
        published="2024-03-05",
        debris=(Debris("Share this article", "page furniture"),),
        sentences=((0, 37), (38, 79)),
        entities=(Entity("Ana Ribeiro", "PERSON", ((0, 11),), ("Ribeiro",)),),
        quotes=(
            Quote(
                "The door is open.", 19, 36, "direct", "Ana Ribeiro", Mention("Ana Ribeiro", 0, 11), "said", (12, 16)
            ),
        ),
        amounts=(Amount("€180 million", 55, 67, 180e6, "EUR", approximate=False),),
        dates=(DateRef("Tuesday", 71, 78, "2024-03-05", True, "published"),),
        events=(
            Event(
                "Ana Ribeiro",
                "say",
                "make public statement",
                (0, 37),
                trigger=(12, 16),
                summary="Ana Ribeiro said: “The door is open”",
                cameo="010",
                cameo_label="make statement",
            ),
        ),
        main_event=MainEvent(
            sentence=(38, 79),
            summary="The strike cost €180 million",
            who=Phrase("The strike", 38, 48),
            what=Phrase("cost €180 million", 49, 67),
            when=Phrase("Tuesday", 71, 78, "2024-03-05"),
            date="2024-03-05",
            date_source="text",
        ),
        stages=("entities",),
    )


def test_model_round_trips_through_json() -> None:
    article = full_article()
    again = from_dict(json.loads(json.dumps(to_dict(article))))
    assert again == article
    assert again.stages == article.stages


def test_model_quote_via_round_trips_and_may_be_absent() -> None:
    article = full_article()
    quote = article.quotes[0].copy_with(via=Mention("Ana Ribeiro", 0, 11))
    article = article.copy_with(quotes=(quote,))
    data = to_dict(article)
    assert data["quotes"][0]["via"] == {"text": "Ana Ribeiro", "start": 0, "end": 11}
    assert from_dict(json.loads(json.dumps(data))) == article
    del data["quotes"][0]["via"]  # output written before the field existed still reads
    assert from_dict(data).quotes[0].via is None


def test_model_records_are_immutable() -> None:
    article = full_article()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]
    changed = article.copy_with(title="Other")
    assert changed.title == "Other" and article.title == "Strike"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("A text.\n\nMore.",), ("A text. More.",), True),  # whitespace does not change identity
        (("A text.",), ("A text!",), False),
        (("A text.", "https://a.example/x"), ("A text.", "https://b.example/x"), False),
        (("A text.", None, "Outlet A"), ("A text.", None, "Outlet B"), False),
        (("A text.", None, "Outlet A"), ("A text.", None, "outlet a"), True),
    ],
)
def test_model_article_id_is_a_stable_content_hash(a: tuple, b: tuple, same: bool) -> None:
    assert (article_id(*a) == article_id(*b)) is same
    assert len(article_id(*a)) == 16


def test_model_entity_at_finds_the_mention() -> None:
    article = full_article()
    assert article.entity_at(3, 5) is not None
    assert article.entity_at(40, 45) is None
