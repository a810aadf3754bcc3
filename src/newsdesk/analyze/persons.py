"""Words about people: what says a person's sex, what nouns name a person or a title, how a name runs.

Shared knowledge for resolving speakers (:mod:`newsdesk.analyze.speakers`): the
sex an honorific or a gendered role gives ("Ms", "spokeswoman"), the packaged
list of given names (``newsdesk/data/given_names.txt``) for when nothing else
does, the common nouns that name a person ("the campaign manager") rather than
a thing that talks ("the report"), and the titles a person is called by ("the
senator", "the Pentagon chief").
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from newsdesk.analyze.names import HONORIFICS, name_tokens, split_title

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "DOCUMENT_NOUNS",
    "FEMALE_WORDS",
    "GENERIC_PERSONS",
    "MALE_WORDS",
    "NOT_PEOPLE",
    "ORGANISATION_NOUNS",
    "PERSON_NOUNS",
    "TITLE_NOUNS",
    "appos_named",
    "given_name_gender",
    "honorific_gender",
    "person_like",
    "person_noun",
    "proper_run",
]


MALE_WORDS = frozenset(
    "mr mister sir lord king prince spokesman congressman chairman businessman husband father son brother "
    "boyfriend uncle nephew grandfather actor".split()
)

FEMALE_WORDS = frozenset(
    "mrs ms miss madam dame lady queen princess spokeswoman congresswoman chairwoman businesswoman wife "
    "mother daughter sister girlfriend aunt niece grandmother actress".split()
)

NOT_PEOPLE = frozenset(
    """
    report poll study survey statement article campaign committee group company government administration
    agency department ministry court newspaper paper website site ad video document memo letter book analysis
    review research audit filing complaint lawsuit plan proposal bill law release story editorial network
    channel party union board council team office firm bank organization organisation association data
    order number center centre chapter matter computer corner border quarter
    """.split()
)


@cache
def _given_names() -> dict[str, str]:
    raw = resources.files("newsdesk").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    pairs = (line.split() for line in raw.splitlines() if line.strip() and not line.startswith("#"))
    return {name: sex for sex, name in pairs}


def given_name_gender(name: str) -> str | None:
    """Sex ("m" or "f") when the first word of ``name`` is a given name of one sex ("Hillary Clinton" → "f")."""
    words = [w for w in name_tokens(split_title(name)[1]) if w not in HONORIFICS]
    return _given_names().get(words[0]) if len(words) >= 2 else None


def honorific_gender(tok: Token) -> str | None:
    """Sex ("m" or "f") when an honorific stands right before the name ("Ms Ilves")."""
    doc = tok.doc
    a = tok.i
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ == "compound":
        a -= 1
    for t in doc[max(0, a - 1) : tok.i]:
        word = t.lower_.rstrip(".")
        if word in MALE_WORDS:
            return "m"
        if word in FEMALE_WORDS:
            return "f"
    return None


PERSON_NOUNS = frozenset(
    """
    official aide spokesman spokeswoman spokesperson secretary minister chief head boss president chair
    director senator governor mayor judge attorney adviser advisor analyst expert source officer commander
    general colonel captain sergeant agent candidate nominee lawmaker congressman congresswoman representative
    leader member host anchor correspondent reporter columnist author editor economist strategist pollster
    consultant professor scientist researcher doctor nurse student teacher parent mother father wife husband
    son daughter woman man resident voter supporter critic activist protester witness victim owner founder
    executive manager employee worker envoy ambassador diplomat negotiator prosecutor detective investigator
    sheriff commissioner administrator superintendent counterpart colleague friend neighbor neighbour partner
    """.split()
)


TITLE_NOUNS = frozenset(
    """
    chief head secretary minister president premier chancellor senator congressman congresswoman
    representative governor mayor nominee candidate leader chairman chairwoman director general commander
    admiral ambassador envoy businessman businesswoman billionaire mogul tycoon host anchor justice judge
    prosecutor lawmaker frontrunner front-runner incumbent challenger king queen prince pope premier
    """.split()
)


DOCUMENT_NOUNS = frozenset(
    """
    statement report release letter memo memorandum document paper study survey poll filing complaint lawsuit
    suit post tweet email e-mail blog website analysis review audit notice ruling judgment judgement brief
    affidavit transcript bulletin advisory editorial column op-ed announcement message note petition
    submission application indictment decision
    """.split()
)
"""Documents a source speaks through: "her statement said" is her, "the report said" its publisher."""

ORGANISATION_NOUNS = frozenset(
    """
    company firm agency team club utility department ministry government union board bank organization
    organisation association council committee network newspaper broadcaster publisher outlet campaign party
    administration office commission court regulator airline carrier retailer manufacturer automaker insurer
    league police service institute university college school hospital charity foundation coalition authority
    railway railroad operator developer startup business corporation conglomerate group chain franchise
    province city municipality township county state district embassy consulate military army navy
    """.split()
)
"""Nouns that name an organisation ("the company said" is the company the article named)."""

GENERIC_PERSONS = frozenset("man woman person boy girl child kid people guy lady gentleman".split())
"""Person nouns too general to stand for someone already named ("the man said" may be anyone)."""


def appos_named(tok: Token) -> bool:
    """A noun named by its apposition ("the minister, Jens Holm")."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)


def person_noun(word: str) -> bool:
    """A common noun for a person ("the campaign manager", "the spokeswoman"), not a thing that talks."""
    if word in NOT_PEOPLE:
        return False
    if word in PERSON_NOUNS or word in TITLE_NOUNS:
        return True
    return word.endswith(("ist", "ian", "man", "woman", "person", "er", "or"))


def person_like(tok: Token) -> bool:
    """A proper-noun subject that can be a person: a name of two words or more, or one with an honorific."""
    run = proper_run(tok)
    return len(run.split()) >= 2 or honorific_gender(tok) is not None


def proper_run(head: Token) -> str:
    """The run of proper nouns a name is made of ("Geoff Garin"), without titles."""
    doc = head.doc
    a = head.i
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ == "compound":
        a -= 1
    words = [w for w in (t.text.lstrip("-–—―") for t in doc[a : head.i + 1]) if w]
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)
