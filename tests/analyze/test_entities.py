from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsdesk import Article, Pipeline, Settings
from newsdesk.analyze.entities import _Cluster, _Mention, _propagate
from newsdesk.analyze.names import demonym_place, is_acronym_of, is_country, name_key, name_tokens, split_title
from newsdesk.analyze.spans import cut, relabel, titled


def _parts(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in cut(text, start, end, label)]


Analyse = Callable[..., Article]


def names(article: Article, label: str | None = None) -> set[str]:
    return {e.name for e in article.entities if label is None or e.label == label}


def test_entities_one_canonical_name_per_person(analyse: Analyse) -> None:
    text = (
        "Ana Ribeiro, the transport minister, met union leaders on Monday. "
        "Ms Ribeiro said the offer stood. Later, Ribeiro's office confirmed the meeting. "
        "Transport Minister Ana Ribeiro will speak again on Friday."
    )
    article = analyse(text)
    people = [e for e in article.entities if e.label == "PERSON"]
    assert [e.name for e in people] == ["Ana Ribeiro"]
    surfaces = {text[s:e] for s, e in people[0].mentions}
    assert surfaces == {"Ana Ribeiro", "Ribeiro"}
    assert len(people[0].mentions) == 4


def test_entities_ranks_and_honorifics_are_stripped(analyse: Analyse) -> None:
    article = analyse(
        "General Mark Halden, chairman of the joint chiefs, arrived in Tokyo on Sunday. "
        "Gen Halden said the alliance was strong. Dr Mei Tanaka, a defence analyst, disagreed."
    )
    assert {"Mark Halden", "Mei Tanaka"} <= names(article, "PERSON")
    assert not any(n.startswith(("Gen", "General", "Dr")) for n in names(article))


def test_entities_surname_first_names_link_on_the_family_name(analyse: Analyse) -> None:
    article = analyse(
        "South Korea's defence minister, Jeong Kyeong-doo, met his US counterpart in Seoul. "
        "Mr Jeong said the talks were useful."
    )
    (jeong,) = [e for e in article.entities if e.label == "PERSON"]
    assert jeong.name == "Jeong Kyeong-doo"
    assert len(jeong.mentions) == 2


def test_entities_hyphenated_names_are_whole(analyse: Analyse) -> None:
    article = analyse("President Moon Jae-in met Japan's prime minister in Bangkok. Mr Moon smiled.")
    assert "Moon Jae-in" in names(article, "PERSON")


def test_entities_two_people_sharing_a_surname_stay_apart(analyse: Analyse) -> None:
    article = analyse(
        "Hillary Rodham met reporters in Ohio. Later, Tom Rodham, her brother, spoke in Iowa. "
        "Mr Rodham said the campaign was going well."
    )
    people = {e.name: e for e in article.entities if e.label == "PERSON"}
    assert {"Hillary Rodham", "Tom Rodham"} <= set(people)
    # "Mr Rodham" follows Tom Rodham: it is his mention
    last = article.text.rindex("Rodham")
    assert any(s == last for s, _ in people["Tom Rodham"].mentions)


def test_entities_places_known_by_several_names_are_one(analyse: Analyse) -> None:
    article = analyse(
        "The U.S. and Japan signed the pact. The United States will pay more, and the US Navy will dock in Yokosuka."
    )
    us = [e for e in article.entities if e.name == "United States"]
    assert len(us) == 1 and len(us[0].mentions) >= 2


def test_entities_offsets_slice_to_the_mention(analyse: Analyse) -> None:
    article = analyse("Rui Costa's union met Ana Ribeiro. Costa said talks would go on in Lisbon.")
    for entity in article.entities:
        for s, e in entity.mentions:
            surface = article.text[s:e]
            assert surface == surface.strip() and not surface.endswith(("'s", "’s"))
    assert "Rui Costa" in names(article, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Commuters crowded bus stops across the capital.",
        "He said it was cold. She agreed.",
        "The talks resume on Thursday, in March.",
    ],
)
def test_entities_nothing_found_where_there_are_no_names(analyse: Analyse, text: str) -> None:
    assert analyse(text).entities == ()


def test_entities_acronym_in_brackets_after_a_name(analyse: Analyse) -> None:
    article = analyse(
        "The North Atlantic Treaty Organization (NATO) met in Brussels. NATO leaders agreed to spend more."
    )
    orgs = [e for e in article.entities if e.label == "ORG"]
    assert len(orgs) == 1 and orgs[0].name == "North Atlantic Treaty Organization"


@pytest.mark.parametrize(
    ("name", "title", "rest"),
    [
        ("Gen Mark Milley", "Gen", "Mark Milley"),
        ("Transport Minister Ana Ribeiro", "Transport Minister", "Ana Ribeiro"),
        ("Mark Milley", "", "Mark Milley"),
        ("General", "", "General"),
    ],
)
def test_entities_split_title(name: str, title: str, rest: str) -> None:
    assert split_title(name) == (title, rest)


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("NATO", "North Atlantic Treaty Organization", True),
        ("GSOMIA", "General Security of Military Information Agreement", True),
        ("EU", "European Union", True),
        ("SFT", "Rail Workers' Union", False),
        ("Nato", "North Atlantic Treaty Organization", False),
    ],
)
def test_entities_is_acronym_of(short: str, long: str, expected: bool) -> None:
    assert is_acronym_of(short, long) is expected


def test_entities_name_key_folds_spelling() -> None:
    assert name_key("Moon Jae-in") == name_key("Moon Jae in") == "moon jae in"
    assert name_key("José Álvarez's") == "jose alvarez"


def test_entities_pipeline_rejects_unknown_stage() -> None:
    with pytest.raises(ValueError, match=r"No stage 'nope'\. Available: entities"):
        Pipeline(Settings(stages=("entities", "nope")))


@pytest.mark.parametrize(
    "text",
    [
        "Troops from the US arrived in Seoul on Monday.",
        "The U.S. will send more ships, officials in Manila said.",
        "Talks between the UK and Norway ended without a deal.",
    ],
)
def test_entities_country_abbreviation_is_a_place_not_a_pronoun(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert any(e.label == "GPE" and e.name in {"United States", "United Kingdom"} for e in article.entities)


def test_entities_lowercase_us_is_a_pronoun(analyse: Analyse) -> None:
    assert "United States" not in names(analyse("Give us the money, said the workers in Porto."))


def _mention(text: str, label: str, at: int = 0) -> _Mention:
    return _Mention(at, at + len(text), text, label, name_tokens(text))


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # full names decide: a surname the model calls ORG stays a person's
        ([("Mark Halden", "PERSON"), ("Halden", "ORG"), ("Halden", "ORG"), ("Halden", "ORG")], "PERSON"),
        # a company the model once calls a person stays a company
        ([("Brandt Grumwald", "ORG"), ("Brandt Grumwald", "ORG"), ("Brandt Grumwald", "PERSON")], "ORG"),
        # single words only: any other label wins over PERSON
        ([("Skyjet", "PERSON"), ("Skyjet", "PERSON"), ("Skyjet", "ORG")], "ORG"),
        ([("Toulouse", "PERSON"), ("Toulouse", "GPE")], "GPE"),
        # single words the model always calls a person are one
        ([("Obama", "PERSON"), ("Obama", "PERSON")], "PERSON"),
        # a tie among full names: the person
        ([("Lena Varga", "PERSON"), ("Lena Varga", "ORG")], "PERSON"),
    ],
)
def test_entities_cluster_label_vote(mentions: list[tuple[str, str]], expected: str) -> None:
    cluster = _Cluster([_mention(text, label, i * 20) for i, (text, label) in enumerate(mentions)])
    assert cluster.label() == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Indonesia", True), ("United States", True), ("U.S.", True), ("western africa", True), ("Henderson", False)],
)
def test_entities_is_country(name: str, expected: bool) -> None:
    assert is_country(name) is expected


def test_entities_company_word_is_not_the_founder_surname(analyse: Analyse) -> None:
    text = (
        "The Halvorsen Shipping Company will cut 3,000 jobs, its chairman, Erik Halvorsen, said on Monday. "
        "Halvorsen will close 14 yards by 2012."
    )
    article = analyse(text)
    company = next(e for e in article.entities if e.name == "Halvorsen Shipping Company")
    assert text.rindex("Halvorsen") in {s for s, _ in company.mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LISBON - Ana Ribeiro", ["Ana Ribeiro"]),  # a dateline run into the name
        ("LISBON -- Ana Ribeiro", ["Ana Ribeiro"]),
        ("Crane, Kibbe", ["Crane", "Kibbe"]),  # two people listed together
        ("Obama Says", ["Obama"]),  # a headline's verb
        ("Ribeiro Warns", ["Ribeiro"]),
        ("Edward Said", ["Edward Said"]),  # a surname that is a past tense stays
        ("Ana Ribeiro", ["Ana Ribeiro"]),
        ("Mark Halden-Price", ["Mark Halden-Price"]),  # no spaces: a hyphenated name, not a break
    ],
)
def test_entities_person_spans_are_cut_into_names(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in _parts(text, 0, len(text), "PERSON")] == expected


def test_entities_only_person_spans_are_cut() -> None:
    text = "Smith, Jones and Partners"
    assert _parts(text, 0, len(text), "ORG") == [(0, len(text))]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Ms Ilves said no.", "Ilves", True),
        ("Dr. Okafor agreed.", "Okafor", True),
        ("Mr Halden spoke.", "Mr Halden", True),
        ("The Ilves group said no.", "Ilves", False),  # no title: the model's label stands
        ("Minister Ilves said no.", "Ilves", False),  # a rank may stand before an office
    ],
)
def test_entities_a_personal_title_makes_a_person(text: str, span: str, expected: bool) -> None:
    start = text.index(span)
    assert titled(text, start, start + len(span)) is expected


def test_entities_a_titled_surname_is_a_person_in_the_whole_article() -> None:
    cluster = _Cluster(
        [
            _Mention(0, 5, "Ilves", "ORG", ["ilves"]),
            _Mention(20, 25, "Ilves", "PERSON", ["ilves"], titled=True),
        ]
    )
    assert cluster.label() == "PERSON"


def test_entities_a_lone_ordinary_word_cut_from_a_span_is_dropped() -> None:
    text = "Weak - Ribeiro. The offer was weak."
    assert [text[s:e] for s, e in _parts(text, 0, 14, "PERSON")] == ["Ribeiro"]


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        # bylines and datelines in capitals run into a name
        ("By Mark Hosenball WASHINGTON", "PERSON", [("Mark Hosenball", "PERSON")]),
        ("TRUMP Donald Trump", "PERSON", [("Donald Trump", "PERSON")]),
        # photo credits and gallery counters
        ("Carl Court/Getty Images", "PERSON", [("Carl Court", "PERSON"), ("Getty Images", "ORG")]),
        ("Getty 5/19 Andy Murray", "PERSON", [("Getty", "ORG"), ("Andy Murray", "PERSON")]),
        ("Clinton Getty Images", "PERSON", [("Clinton", "PERSON"), ("Getty Images", "ORG")]),
        ("London Reuters", "ORG", [("London", "ORG"), ("Reuters", "ORG")]),
        ("Lagos, Nigeria AP", "GPE", [("Lagos, Nigeria", "GPE"), ("AP", "ORG")]),
        (
            "Brazilian Grand Prix\nLewis Hamilton",
            "EVENT",
            [("Brazilian Grand Prix", "EVENT"), ("Lewis Hamilton", "EVENT")],
        ),
        # negatives: names that hold capitals, slashes or agency-like words stay whole
        ("CBS News", "ORG", [("CBS News", "ORG")]),
        ("AC/DC", "ORG", [("AC/DC", "ORG")]),
        ("Apollo Press Group", "ORG", [("Apollo Press Group", "ORG")]),
        ("DONALD TRUMP", "PERSON", [("DONALD TRUMP", "PERSON")]),
    ],
)
def test_entities_captions_bylines_and_datelines_are_cut_from_names(
    text: str, label: str, expected: list[tuple[str, str]]
) -> None:
    start = text.index("Mark") if text.startswith("By ") else 0
    assert [(text[s:e], lab) for s, e, lab in cut(text, start, len(text), label)] == expected


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        (
            "Lewis Hamilton won the Brazilian Grand Prix.",
            "Brazilian Grand Prix",
            "WORK_OF_ART",
            ("Brazilian Grand Prix", "EVENT"),
        ),
        ("They met at the Paris Air Show.", "Paris Air Show", "FAC", ("Paris Air Show", "EVENT")),
        ("Saturn Corporation closed.", "Saturn Corporation", "PERSON", ("Saturn Corporation", "ORG")),
        ("We saw the Beatles play.", "Beatles", "PERSON", ("Beatles", "ORG")),
        ("The Airbus A380 landed.", "Airbus", "ORG", ("Airbus A380", "PRODUCT")),
        ("A Boeing 737-800 landed.", "Boeing", "ORG", ("Boeing 737-800", "PRODUCT")),
        ("Air France Flight 447 crashed.", "Air France Flight 447", "ORG", ("Air France", "ORG")),
        ("Steve Jobs 1955-2011 was mourned.", "Steve Jobs 1955-2011", "PERSON", ("Steve Jobs", "PERSON")),
        ("North Koreans fled south.", "North Koreans", "LOC", ("North Koreans", "NORP")),
        ("Canadian officials met.", "Canadian", "ORG", ("Canadian", "NORP")),
        ("They flew to Canada.", "Canada", "GPE", ("Canada", "GPE")),  # the place itself stays a place
        # negatives
        ("We saw the Obamas and Barack Obama.", "Obamas", "PERSON", ("Obamas", "PERSON")),  # one of them named
        ("Airbus 2018 results were strong.", "Airbus", "ORG", ("Airbus", "ORG")),  # a year is no model
        ("Ryanair said 25 planes were late.", "Ryanair", "ORG", ("Ryanair", "ORG")),
        ("Ana Ribeiro spoke.", "Ana Ribeiro", "PERSON", ("Ana Ribeiro", "PERSON")),
        ("The Cup Noodle Company grew.", "Cup Noodle Company", "ORG", ("Cup Noodle Company", "ORG")),
    ],
)
def test_entities_a_name_form_says_its_kind(text: str, span: str, label: str, expected: tuple[str, str]) -> None:
    start = text.index(span)
    found = relabel(text, start, start + len(span), label)
    assert found is not None and (text[found[0] : found[1]], found[2]) == expected


@pytest.mark.parametrize("zone", ["UTC", "GMT", "EST"])
def test_entities_a_time_zone_is_no_name(zone: str) -> None:
    text = f"It landed at 14:00 {zone}."
    start = text.index(zone)
    assert relabel(text, start, start + len(zone), "ORG") is None


@pytest.mark.parametrize(
    ("word", "place"),
    [
        ("Chinese", "China"),
        ("Canadians", "Canada"),
        ("British", "United Kingdom"),
        ("Americans", "United States"),
        ("South Korean", "South Korea"),
        ("Afghan", "Afghanistan"),
        ("Iraqi", "Iraq"),
        ("Lebanese", "Lebanon"),
        ("German", "Germany"),
        ("Belgian", "Belgium"),
        # negatives: groups of no place, surnames, places themselves
        ("Democrats", None),
        ("Roman", None),
        ("Schmidt", None),
        ("China", None),
        ("Western", None),
    ],
)
def test_entities_demonym_place(word: str, place: str | None) -> None:
    assert demonym_place(word) == place


def test_entities_demonym_place_reads_the_article_places() -> None:
    assert demonym_place("Albertans") is None
    assert demonym_place("Albertans", ["Alberta", "Ottawa"]) == "Alberta"


def test_entities_nationalities_and_events_are_kept(analyse: Analyse) -> None:
    article = analyse(
        "Chinese and British officials met in Beijing on Monday. Lewis Hamilton won the Brazilian Grand Prix. "
        "Americans were not invited."
    )
    kinds = {e.name: e.label for e in article.entities}
    assert kinds.get("Chinese") == "NORP" and kinds.get("British") == "NORP"
    assert kinds.get("Brazilian Grand Prix") == "EVENT"
    assert "Americans" in kinds and kinds["Americans"] == "NORP"


@pytest.mark.parametrize(
    ("text", "country", "absent"),
    [
        (
            "North Korea fired two missiles on Sunday. The North has tested weapons before, "
            "and the South said it would respond. South Korea's army was on alert.",
            {"North Korea": 2, "South Korea": 2},
            {"North", "South"},
        ),
        # no "North …" country named: "the North" is no entity
        ("The North was cold this winter, said Ana Ribeiro in Lisbon.", {}, {"North"}),
    ],
)
def test_entities_the_north_is_the_country_the_article_names(
    analyse: Analyse, text: str, country: dict[str, int], absent: set[str]
) -> None:
    article = analyse(text)
    found = {e.name: len(e.mentions) for e in article.entities}
    for name, n in country.items():
        assert found.get(name) == n, found
    assert not absent & set(found)


def test_entities_a_lone_word_in_capitals_is_no_person() -> None:
    from newsdesk.analyze.entities import _settle

    cluster = _Cluster([_Mention(0, 5, "MUMMY", "PERSON", ["mummy"])])
    named = _Cluster([_Mention(10, 17, "WALLACE", "PERSON", ["wallace"]), _mention("Chris Wallace", "PERSON", 30)])
    assert _settle("MUMMY …", [cluster, named]) == [named]


def test_entities_a_place_named_organisation_does_not_take_the_place(analyse: Analyse) -> None:
    article = analyse(
        "Patients were taken to Croydon University Hospital. Croydon police said the tram left Croydon at six."
    )
    assert all(e.label != "ORG" or e.name != "Croydon University Hospital" or len(e.mentions) == 1
               for e in article.entities)  # fmt: skip


def _mentions_in(text: str, spans: list[tuple[str, str]]) -> list[_Mention]:
    """Mentions of ``(surface, label)`` in the order they occur in ``text``, each after the one before."""
    out, at = [], 0
    for surface, label in spans:
        at = text.index(surface, at)
        out.append(_Mention(at, at + len(surface), surface, label, name_tokens(surface)))
        at += len(surface)
    return out


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "herself" and "who" after the name: the model's organisation is a person, lone first name too
        (
            "Della Marsh, the singer, died. Della herself never knew. Della, who sang, was shy.",
            [("Della Marsh", "ORG"), ("Della", "ORG"), ("Della", "GPE")],
            ["PERSON", "PERSON", "PERSON"],
        ),
        # a known given name and one "who"
        (
            "Hillary Quell, who ran the shop, left.",
            [("Hillary Quell", "ORG")],
            ["PERSON"],
        ),
        # one "who" alone is not enough: teams and bands are "who" too
        (
            "Harbor Lights, who lead the league, won. Harbor Lights played at home.",
            [("Harbor Lights", "ORG"), ("Harbor Lights", "ORG")],
            ["ORG", "ORG"],
        ),
        # a name ending in an organisation's word is no person's, whatever follows it
        (
            "Vantor Group, who said it itself, and Vantor Group, who knew.",
            [("Vantor Group", "ORG"), ("Vantor Group", "ORG")],
            ["ORG", "ORG"],
        ),
        # a lone word shared by two full names belongs to neither: its cues count for no one
        (
            "Della Marsh and Della Ruiz spoke. Della herself said so, and Della herself left.",
            [("Della Marsh", "ORG"), ("Della Ruiz", "ORG"), ("Della", "ORG"), ("Della", "ORG")],
            ["ORG", "ORG", "ORG", "ORG"],
        ),
        # a lone word with no full name: nothing to go on
        ("Skyjet itself, and Skyjet, who knew.", [("Skyjet", "ORG"), ("Skyjet", "ORG")], ["ORG", "ORG"]),
        # a country's name is never taken for a person's first or last word: its cues count for no one
        (
            "Jordan Vell spoke. Jordan herself was absent; Jordan, who hosts, declined.",
            [("Jordan Vell", "ORG"), ("Jordan", "GPE"), ("Jordan", "GPE")],
            ["ORG", "GPE", "GPE"],
        ),
    ],
)
def test_entities_a_name_the_article_treats_as_a_person_is_a_person(
    text: str, spans: list[tuple[str, str]], expected: list[str]
) -> None:
    from newsdesk.analyze.entities import _persons_by_evidence

    assert [m.label for m in _persons_by_evidence(text, _mentions_in(text, spans))] == expected


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # a title that holds a name is its own entity, and the name keeps its own form
        (
            [("Della Marsh", "PERSON"), ("In Search of Della Marsh", "WORK_OF_ART"), ("Della Marsh", "PERSON")],
            {("Della Marsh", "PERSON"), ("In Search of Della Marsh", "WORK_OF_ART")},
        ),
        # a "work" that is exactly a name the article uses is that name, mislabelled
        (
            [("Della Marsh", "PERSON"), ("Della Marsh", "WORK_OF_ART"), ("Marsh", "PERSON")],
            {("Della Marsh", "PERSON")},
        ),
        # what the model calls a work but reads as a name (no quotation marks, no word in lower case) is a name
        (
            [("Vantor Harbor Group", "WORK_OF_ART"), ("Harbor Group", "ORG"), ("Harbor Group", "ORG")],
            {("Vantor Harbor Group", "ORG")},
        ),
        # a title with no name in it is a work of its own as before
        (
            [("Della Marsh", "PERSON"), ("Blue Harbour", "WORK_OF_ART")],
            {("Della Marsh", "PERSON"), ("Blue Harbour", "WORK_OF_ART")},
        ),
    ],
)
def test_entities_a_title_of_a_work_is_not_a_name_of_the_person_in_it(
    spans: list[tuple[str, str]], expected: set[tuple[str, str]]
) -> None:
    from newsdesk.analyze.entities import _canonical, _cluster

    mentions = [_mention(surface, label, i * 40) for i, (surface, label) in enumerate(spans)]
    assert {(_canonical(c), c.label()) for c in _cluster(mentions)} == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Della Marsh: Life of a Singer", "ORG", ["Della Marsh", "Life of a Singer"]),  # a book's subtitle
        ("Della Marsh: Life", "PERSON", ["Della Marsh", "Life"]),
        ("Harbor Wars: The Return", "WORK_OF_ART", ["Harbor Wars: The Return"]),  # a title is one
        ("Tour de Vell: Stage Two", "EVENT", ["Tour de Vell: Stage Two"]),
        ("Vantor 10:30 Group", "ORG", ["Vantor 10:30 Group"]),  # no space after it: no break
    ],
)
def test_entities_a_colon_parts_a_name_from_a_subtitle(text: str, label: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in _parts(text, 0, len(text), label)] == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("She wrote “In Search of Della Marsh.” for the weekly.", "In Search of Della Marsh", True),
        ('a book, "Harbor Days", sold well', "Harbor Days", True),
        ("She wrote In Search of Della Marsh for the weekly.", "In Search of Della Marsh", False),
        ("“Della Marsh was here,” she said.", "Della Marsh", False),  # a quotation that holds a name
    ],
)
def test_entities_a_title_is_quoted_whole(text: str, span: str, expected: bool) -> None:
    from newsdesk.analyze.entities import _quoted

    start = text.index(span)
    assert _quoted(text, start, start + len(span)) is expected


def _found(text: str, spans: list[tuple[str, str, int]]) -> list[_Mention]:
    """Model mentions: (surface, label, which occurrence of the surface in the text)."""
    out = []
    for surface, label, n in spans:
        start = [m.start() for m in re.finditer(re.escape(surface), text)][n]
        out.append(_Mention(start, start + len(surface), surface, label, surface.split()))
    return out


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        (  # a brand a tweet writes in lower case is still the article's name, with the label most mentions have
            "Velmocola shrinks its bottles\n\nFans were angry after Velmocola cut the size. They said Velmocola "
            "had misled them. One wrote: 'no more #velmocola for me'. Critics say Velmocola will lose.",
            [("Velmocola", "ORG", 1), ("Velmocola", "ORG", 2), ("Velmocola", "NORP", 3)],
            [(0, "ORG"), (1, "ORG"), (2, "ORG"), (3, "NORP")],
        ),
        (  # a word the article also uses as an ordinary word is not propagated
            "May spoke in May. Ministers may meet.\n\nThe talks may resume, and they may not.",
            [("May", "PERSON", 0)],
            [(0, "PERSON")],
        ),
    ],
)
def test_entities_propagate_names_with_the_label_most_mentions_have(
    text: str, found: list[tuple[str, str, int]], expected: list[tuple[int, str]]
) -> None:
    starts = [m.start() for m in re.finditer(re.escape(found[0][0]), text)]
    mentions = _propagate(text, _found(text, found))
    assert [(starts.index(m.start), m.label) for m in mentions] == expected
