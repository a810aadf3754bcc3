from __future__ import annotations

import pytest

from newsdesk.sources.debris import clean_text, split_names

BODY = "The council approved the budget on Monday, officials said."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("READ ALSO  Harbour tolls to rise next year", "related link"),
        ("READ MORE: Why the mayor quit", "related link"),
        ("Related: Five things to know about the vote", "related link"),
        ("SEE ALSO: Council minutes", "related link"),
        ("Follow Ann Lee and Bo Park on Twitter: @annlee, @bopark", "social prompt"),
        ("Follow us on Facebook", "social prompt"),
        ("Back To Top", "page furniture"),
        ("Share this article", "page furniture"),
        ("Share on WhatsApp", "page furniture"),
        ("Advertisement", "page furniture"),
        ("Sign up for our morning briefing", "page furniture"),
        ("Click here to subscribe", "page furniture"),
        ("Read the rest here.", "page furniture"),
        ("© 2021 Harbour Gazette. All rights reserved.", "copyright"),
        ("Via Harbour Gazette", "source note"),
        ("This article first appeared on Harbour Gazette.", "source note"),
        ("By Ann Lee", "byline"),
        ("Published: 5 March 2024", "timestamp"),
        ("@annlee", "page furniture"),
        ("https://example.com/x", "bare link"),
        ("------", "page furniture"),
    ],
)
def test_debris_removes_whole_lines(line: str, reason: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}\n\nThe vote passed 7-2.")
    assert line.strip() not in cleaned.text
    assert BODY in cleaned.text and "The vote passed 7-2." in cleaned.text
    assert [d.reason for d in cleaned.debris] == [reason]


@pytest.mark.parametrize(
    "line",
    [
        # sentences that merely start like debris lines stay
        "Read more carefully, the report says the budget rose 4%.",
        "Follow-up talks are due on Friday, the mayor said.",
        "Sharing the cost of the bridge was never discussed, she said.",
        "By the end of the year, the council will have spent €2 million.",
        "Back to top form after injury, the striker scored twice.",
        "Related parties must declare their interests, the rules say.",
        "The company said it would follow the regulator's advice on Twitter use.",
        "Via Appia Nuova was closed to traffic after the flood, police said.",
        "Click to share on the forum, the mayor told residents, and the page opens in a new window.",
    ],
)
def test_debris_keeps_body_sentences(line: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}")
    assert line in cleaned.text
    assert cleaned.debris == ()


def test_debris_reads_outlet_and_authors_from_what_it_removes() -> None:
    cleaned = clean_text(
        "Via Harbour Gazette\n\nThe mayor resigned on Monday.\n\n"
        "Follow Ann Lee, Bo Park and Cy Diaz on Twitter: @annlee, @bopark and @cydiaz"
    )
    assert cleaned.outlet == "Harbour Gazette"
    assert cleaned.authors == ("Ann Lee", "Bo Park", "Cy Diaz")
    assert cleaned.text == "The mayor resigned on Monday."
    assert cleaned.title is None


def test_debris_agency_tag_keeps_the_sentence_it_ends() -> None:
    cleaned = clean_text('The talks ended.\n\n"We will see," he said. (Harbour Wire)')
    assert cleaned.text.endswith('"We will see," he said.')
    assert cleaned.outlet == "Harbour Wire"
    assert "(Harbour Wire)" not in cleaned.text


def test_debris_dateline_agency_tag_is_removed_and_read() -> None:
    cleaned = clean_text("VALLETTA, June 3 (Harbour Wire) -- Malta's port reopened on Sunday.")
    assert cleaned.outlet == "Harbour Wire"
    assert "(Harbour Wire)" not in cleaned.text
    assert "Malta's port reopened on Sunday." in cleaned.text


@pytest.mark.parametrize(
    "text",
    [
        "The minister (Labour) voted against.",  # a party in brackets mid-sentence is no tag
        "Prices rose (see chart).",  # lower-case aside
        "The result was announced (You can read it here.)",
    ],
)
def test_debris_parenthesised_text_that_is_not_an_agency_tag_stays(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.outlet is None


@pytest.mark.parametrize(
    ("raw", "title", "outlet"),
    [
        (
            "Harbour Gazette\n\nMayor quits after budget row\n\nThe mayor resigned on Monday.",
            "Mayor quits after budget row",
            "Harbour Gazette",
        ),
        ("Mayor quits after budget row\n\nThe mayor resigned on Monday.", "Mayor quits after budget row", None),
        ("Mayor Quits After Budget Row.\n\nThe mayor resigned on Monday.", "Mayor Quits After Budget Row.", None),
        ("The mayor resigned on Monday after a row over the budget.\n\nShe denied wrongdoing.", None, None),
        ("The mayor resigned.", None, None),
    ],
)
def test_debris_title_and_masthead(raw: str, title: str | None, outlet: str | None) -> None:
    cleaned = clean_text(raw)
    assert cleaned.title == title
    assert cleaned.outlet == outlet
    if outlet:
        assert outlet not in cleaned.text


def test_debris_reads_a_date_line_and_keeps_it() -> None:
    cleaned = clean_text("Mayor quits\nMarch 5, 2024\nThe mayor resigned on Monday.")
    assert cleaned.published == "2024-03-05"
    assert "March 5, 2024" in cleaned.text


def test_debris_rejoins_names_broken_at_a_hyphen() -> None:
    cleaned = clean_text("The talks between Kim and Moon Jae-\nin ended.")
    assert "Moon Jae-in ended." in cleaned.text


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("Ann Lee, Bo Park and Cy Diaz", ["Ann Lee", "Bo Park", "Cy Diaz"]),
        ("Ann Lee & Bo Park", ["Ann Lee", "Bo Park"]),
        ("us", []),
        ("the Harbour Gazette team", []),
        ("Maria de la Cruz", ["Maria de la Cruz"]),
    ],
)
def test_debris_split_names(run: str, names: list[str]) -> None:
    assert split_names(run) == names


def test_debris_share_buttons_run_into_a_paragraph_are_removed() -> None:
    buttons = "Click to share on Twitter (Opens in new window) Click to email this to a friend (Opens in new window)"
    cleaned = clean_text(f"{BODY}\n\nThe mayor told reporters {buttons} THE council voted 7-2 on Monday.")
    assert "The mayor told reporters THE council voted 7-2 on Monday." in cleaned.text
    assert [d.reason for d in cleaned.debris] == ["share buttons"]
    assert "Opens in new window" in cleaned.debris[0].text
