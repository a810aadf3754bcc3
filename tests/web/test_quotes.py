from __future__ import annotations

from newsdesk import Article, Quote, article_id
from newsdesk.web.quotes import quotes_by_speaker


def article(outlet: str, *quotes: tuple[str, str | None]) -> Article:
    text = " ".join(f'"{q}" said {s}.' for q, s in quotes)
    found, start = [], 0
    for q, s in quotes:
        i = text.index(q, start)
        found.append(Quote(q, i, i + len(q), "direct", s))
        start = i + len(q)
    return Article(id=article_id(text, outlet=outlet), source="t", text=text, outlet=outlet, quotes=tuple(found))


def test_quotes_one_utterance_carried_by_several_outlets() -> None:
    a = article("Harbour Times", ("Six percent is an insult to every crew.", "Varga"), ("The door is open.", "Okafor"))
    b = article("Coast Wire", ("six percent is an insult", "Varga"))
    c = article("Port Daily", ("Six percent is an insult to every crew.", "Varga"), ("We will strike again.", "Varga"))
    groups = quotes_by_speaker([a, b, c])
    assert [g.speaker for g in groups] == ["Varga", "Okafor"]  # the most quoted first
    insult, again = groups[0].quotes
    assert insult.text == "Six percent is an insult to every crew."
    assert insult.outlets == ["Harbour Times", "Coast Wire", "Port Daily"]
    assert [c.whole for c in insult.carriers] == [True, False, True]  # Coast Wire cut it short
    assert again.outlets == ["Port Daily"]


def test_quotes_a_fuller_wording_later_takes_over() -> None:
    short = article("Coast Wire", ("an insult", "Varga"))
    full = article("Harbour Times", ("It is an insult to us all", "Varga"))
    (group,) = quotes_by_speaker([short, full])
    (said,) = group.quotes
    assert said.text == "It is an insult to us all"
    assert [(c.outlet, c.whole) for c in said.carriers] == [("Coast Wire", False), ("Harbour Times", True)]


def test_quotes_different_speakers_and_unattributed_stay_apart() -> None:
    a = article("Harbour Times", ("We agree.", "Varga"), ("We agree.", "Okafor"), ("Nobody knows.", None))
    assert [g.speaker for g in quotes_by_speaker([a])] == ["Okafor", "Varga"]
    assert "unattributed" in [g.speaker for g in quotes_by_speaker([a], unattributed=True)]
