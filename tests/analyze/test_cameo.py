"""CAMEO codes: the lexicon covers the 20 roots; each verb gets the most specific code its pattern names."""

from __future__ import annotations

from typing import Any

import pytest

from newsdesk.analyze.cameo import _COMPOSED, _parse, code_verb, load_lexicon

# (sentence, expected code of its event): one table per root, in the codebook's order.
ROOTS: dict[str, list[tuple[str, str]]] = {
    "01": [
        ("The ministry announced a new timetable.", "010"),
        ("The mayor warned of long delays.", "012"),
        ("The premier welcomed the decision.", "013"),
        ("The rebels claimed responsibility for the blast.", "015"),
        ("The company denied any wrongdoing.", "016"),
    ],
    "02": [
        ("The mayor appealed for calm.", "020"),
        ("The charity appealed for aid.", "023"),
        ("The opposition called for elections.", "024"),
        ("The envoy urged both sides to negotiate.", "026"),
        ("Okafor called on Norland and Ostmark to resolve their differences.", "027"),
    ],
    "03": [
        ("The two leaders pledged to work together.", "030"),
        ("Norland pledged to send troops to the region.", "033"),
        ("The rebels agreed to meet the envoy.", "036"),
        ("The minister offered to mediate between the parties.", "039"),
    ],
    "04": [
        ("The ministers discussed the border dispute.", "040"),
        ("The president visited Velmora last week.", "042"),
        ("Velmora hosted the summit.", "043"),
        ("The unions negotiated a new contract.", "046"),
    ],
    "05": [
        ("The council praised the rescue teams.", "051"),
        ("The minister defended the decision.", "052"),
        ("The company apologised to its customers.", "055"),
        ("The two countries signed a trade agreement.", "057"),
    ],
    "06": [
        ("Norland invested in the new port.", "061"),
        ("The agencies shared intelligence on the smugglers.", "064"),
    ],
    "07": [
        ("The charity helped the flood victims.", "070"),
        ("The government paid compensation to the families.", "071"),
        ("Rescuers evacuated the village.", "073"),
        ("Norland granted asylum to the dissident.", "075"),
    ],
    "08": [
        ("The minister resigned on Friday.", "080"),
        ("The junta released the journalists.", "084"),
        ("The army declared a ceasefire.", "0871"),
    ],
    "09": [
        ("Police investigated the crash.", "091"),
        ("The committee examined the accounts.", "090"),
    ],
    "10": [
        ("The union demanded a 9% rise.", "100"),
        ("Velmora demanded that Norland support the resolution.", "100"),
        ("The envoy demanded support for the resolution.", "102"),
        ("Protesters demanded the release of the prisoners.", "105"),
    ],
    "11": [
        ("The bishop condemned the attack.", "111"),
        ("Okafor blamed her defeat on the mayor.", "112"),
        ("The prosecutor accused the mayor of corruption.", "1121"),
        ("The residents sued the council.", "115"),
    ],
    "12": [
        ("The union rejected the offer.", "124"),
        ("The senator vetoed the bill.", "129"),
        ("The council refused to meet the protesters.", "125"),
    ],
    "13": [
        ("The general threatened the rebels.", "130"),
        ("Norland threatened to impose sanctions on Velmora.", "1312"),
        ("The rebels threatened to attack the capital.", "138"),
    ],
    "14": [
        ("Thousands of students marched through the capital.", "141"),
        ("Rail workers went on strike over pay.", "143"),
        ("The prisoners went on hunger strike.", "142"),
    ],
    "15": [
        ("The navy deployed warships to the strait.", "154"),
    ],
    "16": [
        ("Norland recalled its ambassador.", "161"),
        ("The European Union imposed sanctions on the regime.", "163"),
        ("Velmora withdrew from the treaty.", "166"),
    ],
    "17": [
        ("Police arrested the driver.", "173"),
        ("The authorities imposed a curfew on the city.", "1723"),
        ("The government banned the rally.", "172"),
        ("Norland deported the journalists.", "174"),
    ],
    "18": [
        ("Gunmen kidnapped two aid workers.", "181"),
        ("A suicide bomber attacked the checkpoint.", "180"),
        ("The gang killed a shopkeeper.", "1823"),
    ],
    "19": [
        ("The army shelled the town.", "194"),
        ("Troops opened fire on the crowd.", "193"),
        ("The rebels occupied the airport.", "192"),
        ("Government forces fought the insurgents.", "190"),
    ],
    "20": [
        ("The militia massacred the villagers.", "202"),
        ("The militia slaughtered the villagers.", "200"),
        ("The regime used chemical weapons against the town.", "2041"),
    ],
}


def _events(analyse: Any, sentence: str) -> list[tuple[str | None, str | None]]:
    return [(e.cameo, e.category) for e in analyse(sentence, published="2019-11-22").events]


@pytest.mark.parametrize(
    ("sentence", "code"), [pytest.param(s, c, id=f"{root}-{c}") for root, rows in ROOTS.items() for s, c in rows]
)
def test_cameo_codes_each_root(analyse: Any, sentence: str, code: str) -> None:
    lexicon = load_lexicon()
    found = _events(analyse, sentence)
    assert found == [(code, lexicon.roots[code[:2]])]


def test_cameo_tables_cover_the_twenty_roots() -> None:
    assert sorted(ROOTS) == [f"{i:02d}" for i in range(1, 21)]
    lexicon = load_lexicon()
    assert {c[:2] for c in lexicon.labels} == set(ROOTS)
    assert lexicon.code("036").label == "express intent to meet or negotiate"
    for by_root in _COMPOSED.values():  # every code a governing verb composes is in the file
        assert all(lexicon.code(code) for code in by_root.values())
    assert lexicon.code("112").root_label == "disapprove"


@pytest.mark.parametrize(
    "sentence",
    [
        "Police did not arrest the driver.",  # negated
        "The rebels never attacked the capital.",
        "The army could shell the town.",  # hypothetical
        "If the talks fail, the union will strike.",
        "Will the army shell the town?",
        "The army reportedly shelled the town.",  # reported as a rumour
        "The rebels are said to have attacked the convoy.",
        "Officials denied that troops had fired on protesters.",  # only the denial is an event
        "Rumours that the minister resigned spread quickly.",
        "The minister wants to meet the rebels.",  # a wish: coded as intent (036), not as a meeting
    ],
)
def test_cameo_no_event_of_the_actor(analyse: Any, sentence: str) -> None:
    codes = [code for code, _ in _events(analyse, sentence)]
    forbidden = {"173", "180", "194", "143", "080", "193", "040", "044"}
    assert not set(codes) & forbidden, codes


@pytest.mark.parametrize(
    ("sentence", "verb", "code"),
    [
        ("The union called the offer an insult.", "called", None),  # "call" alone is no appeal
        ("The union called a strike.", "called", "143"),
        ("The union called off the strike.", "called", "160"),
        ("The storm hit the coast.", "hit", None),
        ("The talks broke down.", "broke", None),
    ],
)
def test_cameo_code_of_one_verb(pipeline: Any, sentence: str, verb: str, code: str | None) -> None:
    doc = pipeline.nlp(sentence)
    token = next(t for t in doc if t.text == verb)
    found = code_verb(token)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[roots]\n"01" = "x"\n[codes]\n', "must list the 20 CAMEO roots"),
        (
            "[roots]\n" + "".join(f'"{i:02d}" = "r"\n' for i in range(1, 21)) + '[codes."999"]\nlabel = "x"\n',
            "is not a CAMEO code",
        ),
        (
            "[roots]\n"
            + "".join(f'"{i:02d}" = "r"\n' for i in range(1, 21))
            + "".join(f'[codes."{i:02d}0"]\nlabel = "x"\npatterns = ["verb{i}"]\n' for i in range(1, 21))
            + '[codes."011"]\nlabel = "y"\npatterns = ["verb1"]\n',
            "is under both",
        ),
    ],
)
def test_cameo_lexicon_malformed(toml: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _parse(toml, "test.toml")


def test_cameo_code_of_a_verb_is_the_lexicon_asked(pipeline: Any) -> None:
    raw = "[roots]\n" + "".join(f'"{i:02d}" = "r{i}"\n' for i in range(1, 21))
    raw += "".join(f'[codes."{i:02d}0"]\nlabel = "x{i}"\npatterns = ["verb{i}"]\n' for i in range(1, 21))
    own = _parse(raw.replace('"verb19"', '"attack"'), "test.toml")  # here "attack" is 190, not 18x
    token = next(t for t in pipeline.nlp("The rebels attacked the convoy.") if t.text == "attacked")
    packaged = code_verb(token)
    assert packaged is not None and packaged.root == "18"
    found = code_verb(token, lexicon=own)  # the same verb, asked again of another lexicon
    assert found is not None and (found.code, found.label) == ("190", "x19")
    assert code_verb(token) == packaged
