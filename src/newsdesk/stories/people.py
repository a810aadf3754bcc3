"""One person, one page across the desk: the people articles name, resolved to desk persons.

Within an article the entity stage already gives one canonical name per person
("Defense Secretary Mark Esper", "Mr Esper" and "Esper" are ``Mark Esper``).
Across articles the same person is named differently again: one outlet says
"Mark Esper", another only "Esper". This module links each article's person
to one desk person, by general rules:

* full names meet when their comparable tokens are equal ("Mark T. Esper" is
  "Mark Esper": initials, accents and case do not count), or when a shorter
  one's words are all in the only longer one with its first and last word
  ("Mark Esper" in "Mark Thomas Esper");
* a bare surname ("Esper") joins a full name only when one full name with that
  surname fits, with evidence: the only one in the same story, else the only
  one whose articles name the same other people or give the same role;
  otherwise it stays a person of its own (a lone "McLaren" in a motor-racing
  report is not Malcolm McLaren, though he is the only McLaren on the desk);
* two different full names that share a surname are two people.

Links are found by surname (the blocking key), never by reading the whole
desk, and are re-resolved whenever an article adds a name under that key, so
the order articles arrive in does not matter (the store side is
:func:`newsdesk.workflow.place_people`). Each link keeps the roles the
article gave the person ("Defense Secretary", "the US defence secretary").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsdesk.analyze.names import HONORIFICS
from newsdesk.analyze.persons import PERSON_NOUNS, TITLE_NOUNS
from newsdesk.model import Article, Entity, PersonLink

__all__ = ["person_key", "person_links", "resolve", "roles_of"]

_PERSONAL = frozenset("mr mrs ms miss mx dr sir dame lord lady madam mme mlle herr sr sra former late".split())
_ROLE_HEADS = (PERSON_NOUNS | TITLE_NOUNS | HONORIFICS) - _PERSONAL - {"us", "u.s.", "state", "foreign", "vice"}
_ROLE_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
_APPOSITION = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?([^,.;:()\"“”\n]{3,80}?)\s*(?=[,.;]|$)")


def roles_of(article: Article, entity: Entity) -> tuple[str, ...]:
    """The roles ``article`` gives the person ``entity``: a title before a mention ("Defense
    Secretary Mark Esper") or an apposition after one ("Mark Esper, the US defence secretary,")."""
    text = article.text
    found: dict[str, None] = {}
    for start, end in entity.mentions:
        words = re.findall(r"\S+", text[max(0, start - 80) : start])
        run: list[str] = []
        for word in reversed(words):
            plain = word.lower().rstrip(".,")
            if not _ROLE_WORD.fullmatch(word) or plain in _PERSONAL or plain in {"the", "a", "an"}:
                break
            if (
                re.search(r"[.!?][’'\"”]*$", word)
                and plain not in HONORIFICS
                and not re.fullmatch(r"(?:[A-Z]\.)+", word)
            ):
                break  # the end of the sentence before: "… Holiday. President Obama"
            if not (word[0].isupper() or plain in _ROLE_HEADS):
                break
            run.insert(0, word)
        while run and run[-1].lower().rstrip(".") not in _ROLE_HEADS:
            run.pop()  # "Ford Motor Company chief Ana" … the run must end in a role word
        while run and run[0].lower().rstrip(".") in _PERSONAL:
            run.pop(0)
        if run:
            found[" ".join(run)] = None
        after = _APPOSITION.match(text, end)
        if after:
            phrase = after.group(1)
            head = phrase.split()[-1].lower().rstrip(".")
            if head in _ROLE_HEADS and not re.match(r"(?i)(?:who|which|whose|that|said|says)\b", phrase):
                found[phrase] = None
    return tuple(found)


# Lower-case words that belong inside a name ("Ursula von der Leyen", "Bashar al-Assad").
_PARTICLES = frozenset("de del della der di da dos du la le van von ten ter al el bin bint ibn y".split())


def _tokens(name: str) -> tuple[str, ...]:
    """A name's comparable words: case and accents folded, split at spaces only ("Jay-Z"
    is one word, not "Jay"), initials with a dot dropped ("Mark T. Esper"), and cut before a
    lower-case word that is no particle ("Felipe Nasr of Sauber" is Felipe Nasr)."""
    words: list[str] = []
    for word in name.split():
        if word[:1].islower() and word.split("-")[0].lower() not in _PARTICLES and words:
            break
        if re.fullmatch(r"[A-Za-z]\.", word):
            continue
        folded = unicodedata.normalize("NFKD", re.sub(r"['’]s$", "", word))
        folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
        folded = "-".join(re.findall(r"\w+", folded))
        if folded and folded not in {"jr", "sr", "ii", "iii", "iv"}:
            words.append(folded)
    return tuple(words)


def person_key(name: str) -> str | None:
    """The surname under which the desk files a person's name ("Mark T. Esper" → "esper")."""
    tokens = _tokens(name)
    return tokens[-1] if tokens else None


def person_links(article: Article) -> list[PersonLink]:
    """One unresolved link per person ``article`` names (``person`` is still the article's name)."""
    links = []
    for entity in article.entities:
        tokens = _tokens(entity.name)
        if entity.label == "PERSON" and tokens:
            links.append(PersonLink(article.id, entity.name, entity.name, tokens[-1], roles_of(article, entity)))
    return links


def resolve(
    links: Iterable[PersonLink],
    *,
    stories: dict[str, str] | None = None,
    cooccurring: dict[str, set[str]] | None = None,
) -> list[PersonLink]:
    """``links`` (of one or more surname keys) with ``person`` set by the rules of this module.

    Args:
        stories: article id → story id, for the articles the desk has placed.
        cooccurring: article id → the names of the people it names (its context).
    """
    stories = stories or {}
    cooccurring = cooccurring or {}
    by_key: dict[str, list[PersonLink]] = defaultdict(list)
    for link in links:
        by_key[link.key].append(link)
    out: list[PersonLink] = []
    for group in by_key.values():
        out += _resolve_key(group, stories, cooccurring)
    return out


def _resolve_key(
    group: list[PersonLink], stories: dict[str, str], cooccurring: dict[str, set[str]]
) -> list[PersonLink]:
    full: dict[tuple[str, ...], list[PersonLink]] = defaultdict(list)
    bare: list[PersonLink] = []
    for link in group:
        tokens = _tokens(link.name)
        (full[tokens] if len(tokens) >= 2 else bare).append(link)
    # a shorter full name joins the only longer one holding its words, first and last alike
    for short in sorted(full, key=len):
        longer = [
            t for t in full if len(t) > len(short) and t[0] == short[0] and t[-1] == short[-1] and set(short) <= set(t)
        ]
        if len(longer) == 1 and short in full:
            full[longer[0]] += full.pop(short)
    people = {tokens: _desk_name(members) for tokens, members in full.items()}
    out = [link.copy_with(person=people[tokens]) for tokens, members in full.items() for link in members]
    for link in bare:
        home = _home(link, full, stories, cooccurring)
        out.append(link.copy_with(person=people[home] if home else link.name))
    return out


def _desk_name(members: list[PersonLink]) -> str:
    """The form most articles use, then the longest (so one spelling names the page)."""
    counts = Counter(link.name for link in members)
    return max(counts, key=lambda name: (len({m.article_id for m in members if m.name == name}), len(name), name))


def _home(
    link: PersonLink,
    full: dict[tuple[str, ...], list[PersonLink]],
    stories: dict[str, str],
    cooccurring: dict[str, set[str]],
) -> tuple[str, ...] | None:
    """The one full name a bare surname can be, and only with evidence: the only one in the same
    story, else the only one whose articles name the same other people or give the same role (a
    lone "McLaren" in a motor-racing report is not Malcolm McLaren, the only McLaren on the desk)."""
    candidates = list(full)
    if not candidates:
        return None
    story = stories.get(link.article_id)
    if story is not None:
        same = [t for t in candidates if any(stories.get(m.article_id) == story for m in full[t])]
        if len(same) == 1:
            return same[0]
    context = cooccurring.get(link.article_id, set()) - {link.name}
    roles = {r.lower() for r in link.roles}
    scores = {
        t: len(
            context & set().union(*(cooccurring.get(m.article_id, set()) for m in full[t])) - {m.name for m in full[t]}
        )
        + len(roles & {r.lower() for m in full[t] for r in m.roles})
        for t in candidates
    }
    best = max(scores.values())
    winners = [t for t, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
