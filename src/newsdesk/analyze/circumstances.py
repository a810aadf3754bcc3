"""When, where, why and how of the main event, each a phrase of the article.

* **When** is a date expression of the event's clause or of a lead that tells
  the same event, else of the headline; else a date of the first sentences
  *tied* to the event — it qualifies the event's verb (first) or a headline
  word ("the *bombing* late Thursday"), or stands in a clause whose subject is
  the event's actor —; else the article's own date line (a full date within a
  week of publication, or one the page repeats); else a day of the week before
  publication; else the publication date itself (no phrase, only the value). A
  weekday the dates stage resolved forward, for a verb in the past tense, is
  taken as the one before.
* **Where** is a place phrase of the clause ("in Kessel, north Velmora"; after
  "at", "outside", … a named building counts), else a place named in the
  headline (also when the lead's clause was chosen), else of the lead's
  clause, else the first place of the first sentences that is not the
  dateline; a place is extended by the region that follows it ("Cleveland,
  Ohio"); a place that only begins a longer name ("the *Cleveland* Indians")
  is none.
* **Why** is a cause or purpose of the clause or the lead ("because …", "after
  …", "due to …", "over …", "for" + gerund after blaming, an infinitive of
  purpose, what a verb of blame names: "blamed the defeat *on the FBI's
  intervention*", "blamed *the decision to close the line* for …" — never the
  person blamed; in the headline, a cause the parse cut short runs on to the
  next break: "after *'overloading' in rough seas*"), else the headline's
  tail after "as", "after", …, else a cause
  the headline or the first eight sentences mark: "because", "due to", "in
  retaliation for", a motive of an act ("a *revenge attack*"), a verb of blame
  ("the delays *were blamed on* a shortage of drivers").
* **How** is a manner phrase ("by" + gerund, "with"/"using" + an instrument,
  "despite …", a manner adverb), else the act as a "when"/"after" clause tells
  it ("… were hurt when a bus *skidded and overturned*"; "as" only after a
  harm: "seven killed as a tram *derails*"), else the weapon of an attack ("a
  car *packed with explosives*"), else the act itself —
  the verb and its particles —, as the Giveme5W1H coders answer "how" when no
  manner phrase is given.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Token

from newsdesk.analyze.cameo import code_verb
from newsdesk.analyze.clauses import clause_subject, verb_group
from newsdesk.analyze.headline import BREAKS, SUBORDINATORS, content_words, stem
from newsdesk.analyze.names import is_country
from newsdesk.analyze.phrases import (
    act,
    cause_np,
    cause_tokens,
    contiguous,
    manner_candidates,
    np_span,
    strong_cause,
    with_object_preps,
)
from newsdesk.analyze.view import PLACE_LABELS, ArticleView, Clause
from newsdesk.model import DateRef, Phrase

__all__ = ["how", "when", "where", "why"]


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_DATE_SENTENCES = 16
_CAUSE_SENTENCES = 8
_MECHANISMS = frozenset({"when", "after"})
_STATES = frozenset({"be", "get", "become", "seem", "remain", "look", "feel"})
"""Verbs that state a condition ("are dead", "gets more gappy"), not an act that could answer how."""
_PLACE_SENTENCES = 5
_FINER_SENTENCES = 2
_MODIFIER = re.compile(r"-[a-z]{2,}")
_STRONG_CAUSES = frozenset({"because", "due", "owing", "retaliation", "revenge", "result", "response"})
_SCHEDULED = frozenset({"set", "due", "schedule", "plan", "expect", "slate"})
"""Headline words of what is to come: "talks *set* for Thursday"."""
_WEAK_DATES = frozenset({"now", "currently", "at present", "recently", "today", "this time", "nowadays"})
_CAUSE_PREPS = frozenset({"over", "amid", "amidst", "after", "following"})
_BLAME_VERBS = frozenset({"blame", "attribute", "criticise", "criticize"})
"""Verbs whose complement names a cause: "blamed the defeat on …", "criticised him for reopening …"."""
_MOTIVES = frozenset({"revenge", "retaliation", "retaliatory", "reprisal"})
_HARMS = frozenset(
    "kill killed injure injured hurt wound wounded die dead trap trapped strand stranded maim drown".split()
)
"""Words of a harm done to people: the act that caused it answers how ("… were hurt *when a bus overturned*")."""
_WEAPONS = frozenset(
    "explosive explosives bomb bombs gun guns rifle rifles pistol knife knives machete machetes grenade grenades "
    "rocket rockets missile missiles firearm firearms weapon weapons axe sword".split()
)
"""Weapons: "with" one of them is the instrument of an attack ("a car packed *with explosives*")."""
_ATTACK_WORDS = frozenset(
    "attack raid strike bombing bomb blast explosion assault ambush shooting gunfire airstrike offensive".split()
)
_FORCE = frozenset({"18", "19", "20"})
"""CAMEO roots of force: assault, fight, mass violence."""


def when(view: ArticleView, clause: Clause, lead: Clause | None, who: Phrase | None) -> Phrase | None:
    """The time of the main event: a date of its clause or the lead, a date of the first sentences
    tied to the event, the article's own date line, a date of the week before publication, else the
    publication date."""
    published = (view.article.published or "")[:10]
    stems = {_prefix(w) for w in content_words(view.title_tokens())} | {_prefix(clause.verb.lower_)}
    near: list[tuple[int, int]] = []
    for c in (clause, lead):
        if c is not None and (c is clause or _lead_tied(view, c, stems, who)):
            toks = list(c.verb.subtree)
            near.append((view.start(toks[0]), view.end(toks[-1])))
            near.append(view.sentence_of(c.verb))
    if view.title is not None:
        near.append(view.title)
    for n, (start, end) in enumerate(near):
        for ref in sorted(view.dates_in(start, end), key=lambda d: d.start):
            if _usable(ref) and (_precise(ref) or n == 0):
                return Phrase(ref.text, ref.start, ref.end, _value(view, ref, published))
    window = [d for s, e in view.body_bounds(_DATE_SENTENCES) for d in view.dates_in(s, e)]
    recent = [d for d in window if _usable(d) and _precise(d) and _recent(_value(view, d, published), published)]
    main = {_prefix(clause.verb.lower_), _prefix(clause.verb.lemma_)}
    for rank in (1, 2):
        for ref in recent:
            if _tied(view, ref, main if rank == 1 else stems, who if rank == 2 else None):
                return Phrase(ref.text, ref.start, ref.end, _value(view, ref, published))
    stamp = _own_date(view, published)
    if stamp is not None:
        return stamp
    if recent:
        ref = recent[0]
        return Phrase(ref.text, ref.start, ref.end, _value(view, ref, published))
    return Phrase(None, None, None, published) if published else None


def _own_date(view: ArticleView, published: str) -> Phrase | None:
    """The article's own date line: a full calendar date written in the text, within a week of the
    publication date (the closest first), or written more than once (a time stamp the page repeats)."""
    full = [
        d
        for d in view.article.dates
        if d.value and re.match(r"\d{4}-\d{2}-\d{2}", d.value) and re.search(r"\d{4}", d.text)
    ]
    counts: dict[str, int] = {}
    for d in full:
        counts[str(d.value)[:10]] = counts.get(str(d.value)[:10], 0) + 1
    best: tuple[int, int, DateRef] | None = None
    for ref in full:
        gap = _gap(ref.value, published) if published else 0
        if gap is None or gap > 7:
            if counts[str(ref.value)[:10]] < 2:
                continue
            gap = 8
        if best is None or (gap, ref.start) < best[:2]:
            best = (gap, ref.start, ref)
    if best is None:
        return None
    ref = best[2]
    return Phrase(ref.text, ref.start, ref.end, ref.value)


def _usable(ref: DateRef) -> bool:
    return bool(ref.value and ref.resolved and ref.text.lower() not in _WEAK_DATES)


def _governor(view: ArticleView, ref: DateRef) -> Token | None:
    key = (ref.start, ref.end)
    if key not in view.governors:
        view.governors[key] = _find_governor(view, ref)
    return view.governors[key]


def _find_governor(view: ArticleView, ref: DateRef) -> Token | None:
    """The word a date expression qualifies: the nearest noun or verb above it ("the bombing *late Thursday*")."""
    head = view.head_doc if view.in_head(ref.start) else None
    doc, offset = (head, view.head_offset) if head is not None else (view.doc, 0)
    span = doc.char_span(ref.start - offset, ref.end - offset, alignment_mode="expand")
    if span is None or not len(span):
        return None
    node = span.root
    for _ in range(4):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.pos_ in {"VERB", "NOUN", "PROPN", "AUX"}:
            return node
    return node


def _value(view: ArticleView, ref: DateRef, published: str) -> str | None:
    """The date's value, a weekday moved by a week when its clause's tense says the dates stage chose the
    wrong side of the publication date ("died on Sunday" is past, "talks set for Thursday" to come)."""
    gov = _governor(view, ref)
    if gov is None:
        return ref.value
    past = (
        gov.tag_ == "VBD"
        or any(c.tag_ == "VBD" for c in gov.children)
        or (gov.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in gov.children))
    )
    future = gov.lemma_.lower() in _SCHEDULED or any(
        c.dep_ == "aux" and (c.lower_ in {"will", "shall", "'ll"} or (c.lower_ == "to" and gov.head.i == gov.i))
        for c in gov.children
    )  # "talks set for Thursday", "will meet on Thursday", a headline's "Talks to resume Thursday"
    return _shift_weekday(ref, published, past=past, future=future and not past)


def _lead_tied(view: ArticleView, c: Clause, stems: set[str], who: Phrase | None) -> bool:
    """Whether a lead clause tells the headline's event (its verb echoes the headline, or its actor is the event's)."""
    if c.segment == 0 or not view.title:
        return True
    if _related(c.verb.lower_, stems) or _related(c.verb.lemma_, stems):
        return True
    doer = view.doer(c)
    return bool(who is not None and doer is not None and view.name_of(doer) == who.text)


def _tied(view: ArticleView, ref: DateRef, stems: set[str], who: Phrase | None) -> bool:
    """A date tied to the main event: it qualifies a word of ``stems`` (the event's verb, or the headline's
    words) or the verb above it does ("she protested the council's vote *on Wednesday*"), or it stands in a
    clause whose subject is the event's actor ("Okafor told donors *on Saturday*")."""
    gov = _governor(view, ref)
    if gov is None:
        return False
    verb = gov
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if any(_related(w.lower_, stems) for w in (gov, verb)):
        return True
    if who is None or who.text is None:
        return False
    subject = clause_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    name = view.name_of(subject) if subject is not None else None
    return name is not None and name == who.text


def where(view: ArticleView, clause: Clause, others: list[Clause]) -> Phrase | None:
    """Where it happened: a place phrase of the clause, a place of the headline, else the first place of
    the first sentences that is no dateline; a country yields to a place within it the lead names."""
    found = _where(view, clause, others)
    if found is not None and found.text is not None and is_country(found.text):
        return _finer_place(view, found) or found
    return found


def _finer_place(view: ArticleView, country: Phrase) -> Phrase | None:
    """The first place of the first sentences that is no country and no dateline ("Afghanistan" ->
    the city the lead says it happened in): a reader names the town, not the country."""
    places = sorted(
        ((m, en) for en in view.article.entities if en.label in PLACE_LABELS for m in en.mentions),
        key=lambda x: x[0][0],
    )
    for s, e in view.body_bounds(_FINER_SENTENCES):
        for (ms, me), en in places:
            text = view.article.text
            name = text[ms:me]
            if not s <= ms < e or is_country(en.name) or is_country(name) or _MODIFIER.search(name + text[me : me + 3]):
                continue  # (a modifier, "US-based", "Paris-born", names no place where it happened)
            if _dateline(view.article.text, s, ms, me) or _name_start(view, ms, me):
                continue
            return _place_mention(view, ms, me, places)
    return None


def _where(view: ArticleView, clause: Clause, others: list[Clause]) -> Phrase | None:
    places = sorted(
        ((m, en) for en in view.article.entities if en.label in PLACE_LABELS for m in en.mentions),
        key=lambda x: x[0][0],
    )
    clauses = (clause, *others)
    for c in clauses:
        found = _place_phrase(view, c)
        if found is not None:
            return found
        if c.segment == 0 and (found := _title_place(view, places)) is not None:
            return found
    if all(c.segment > 0 for c in clauses) and (found := _title_place(view, places)) is not None:
        return found  # (a headline with no clause of its own still names the place: "Storm chaos: Kessel flooded")
    for s, e in view.body_bounds(_PLACE_SENTENCES):
        first = True
        for (ms, me), _ in places:
            if not s <= ms < e:
                continue
            if first and _dateline(view.article.text, s, ms, me):
                first = False
                continue
            if _name_start(view, ms, me):
                continue
            return _place_mention(view, ms, me, places)
    return None


def _name_start(view: ArticleView, start: int, end: int) -> bool:
    """Whether a place mention only begins a longer name ("Kessel Formula One Grand Prix", "Paris
    Saint-Germain"): the name is of a race, a club or a paper, not of where something happened."""
    span = view.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(view.doc):
        return False
    last, after = span[-1], view.doc[span.end]
    return (
        last.dep_ == "compound"
        and last.head.i > last.i
        and (last.head.pos_ == "PROPN" or last.head.text[:1].isupper())
        and after.is_alpha
        and after.text[:1].isupper()
    )


def _title_place(view: ArticleView, places: list[Any]) -> Phrase | None:
    """The first place the headline names."""
    if view.title is None:
        return None
    for (ms, me), _ in places:
        if view.title[0] <= ms < view.title[1]:
            return _place_mention(view, ms, me, places)
    return None


def _place_mention(view: ArticleView, start: int, end: int, places: list[Any]) -> Phrase:
    """A place name, with the region that follows it ("Kessel, Velmora", "Port Alden, north Ostmark")."""
    text = view.article.text
    for (ms, me), _ in places:
        if ms > end and re.fullmatch(
            r",\s*(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?", text[end:ms], re.I
        ):
            return Phrase(text[start:me], start, me)
    return Phrase(text[start:end], start, end)


def _place_phrase(view: ArticleView, c: Clause) -> Phrase | None:
    """A place phrase of the clause: a preposition of the verb or its object, or in a headline's predicate."""
    candidates = with_object_preps(c.verb)
    if c.segment == 0:
        candidates += [t for t in c.verb.doc[c.verb.i :] if view.in_title(t) and t.dep_ == "prep"]
    for child in candidates:
        if child.dep_ == "prep" and view.role(child) == "where":
            obj = next(g for g in child.children if g.dep_ in {"pobj", "pcomp"})
            return view.phrase(np_span(obj))
    return None


def why(view: ArticleView, clause: Clause, others: list[Clause]) -> Phrase | None:
    """The cause or purpose: of the clause, then of the lead, then a headline's "after …" tail, then a
    cause marker ("because", "due to", "in retaliation for") in the first sentences."""
    for c in (clause, *others):
        for child in with_object_preps(c.verb):
            if view.role(child) == "why":
                tokens = cause_tokens(child)
                if c.segment == 0 and len(tokens) < 3 and view.in_title(child):
                    tokens = _rest_of_title(view, child) or tokens  # ("after 'overloading' in rough seas")
                found = view.phrase(tokens)
                if found is not None:
                    return found
        blamed = _blamed(view, c.verb)
        if blamed:
            return view.phrase(blamed)
    tail = _title_tail(view, SUBORDINATORS | _CAUSE_PREPS)
    if tail is not None:
        return tail
    for tokens in (view.title_tokens(), *_first_sentences(view, _CAUSE_SENTENCES)):
        for tok in tokens:
            cause = _marked_cause(view, tok)
            if cause:
                return view.phrase(cause)
    return None


def _first_sentences(view: ArticleView, n: int) -> list[list[Token]]:
    """The tokens of the body's first ``n`` sentences (the lead as its own parse reads it)."""
    out = list(view.body_sentences()[:n])
    done = max((view.end(t) for t in out[-1]), default=0) if out else 0
    for s, e in view.body_bounds(n):
        if len(out) >= n:
            break
        if e <= done:
            continue
        span = view.doc.char_span(max(s, done), e, alignment_mode="expand")
        tokens = [t for t in span or () if not t.is_space and t.idx >= done]
        if tokens:
            out.append(tokens)
    return out


def _marked_cause(view: ArticleView, tok: Token) -> list[Token]:
    """The cause a word of the first sentences marks: "because …", "due to …", "a *revenge* attack", or the
    cause a verb of blame names ("blamed the defeat *on the FBI's intervention*")."""
    word = tok.lower_
    if word in _MOTIVES and tok.dep_ in {"compound", "amod", "nmod"} and tok.head.pos_ == "NOUN":
        return _motive(tok)
    if word in _STRONG_CAUSES:
        return strong_cause(tok)
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _BLAME_VERBS:
        return _blamed(view, tok)
    return []


def _motive(word: Token) -> list[Token]:
    """A motive that qualifies an act: "a *'revenge' attack*" (as "revenge attack": the scare quotes are the
    writer's, not part of the cause), "a *retaliatory strike*"."""
    head = word.head
    return [t for t in head.doc[word.i : head.i + 1] if not t.is_punct and (t.head.i == head.i or t.i == head.i)]


def _blamed(view: ArticleView, verb: Token) -> list[Token]:
    """What a verb of blame names as the cause: "blamed the loss *on X*", "blamed *X* for the loss", "was
    blamed *on X*", "criticised Y *for reopening the inquiry*" — unless it is someone ("blamed it on
    Comey" says who is blamed, not why)."""
    lemma = verb.lemma_.lower()
    if lemma not in _BLAME_VERBS:
        return []
    preps = [p for p in with_object_preps(verb) if p.dep_ == "prep"]
    for prep in preps:
        objs = [g for g in prep.children if g.dep_ in {"pobj", "pcomp"}]
        if not objs:
            continue
        obj = objs[0]
        if prep.lower_ == ("to" if lemma == "attribute" else "on") and not _someone(view, obj):
            return _cause_with_aim(obj)
        if prep.lower_ == "for" and obj.dep_ == "pcomp" and obj.pos_ == "VERB":
            return _cause_with_aim(obj)
    blamed = [d for d in verb.children if d.dep_ == "dobj"]
    if lemma == "blame" and blamed and not _someone(view, blamed[0]):
        effect = [p for p in blamed[0].subtree if p.dep_ == "prep" and p.lower_ == "for"]
        effect += [p for p in preps if p.lower_ == "for" and p.head.i == verb.i]
        if effect:  # "blamed the decision to close the line *for her defeat*" (wherever the parser hung it)
            return [t for t in _cause_with_aim(blamed[0]) if t.i < min(p.i for p in effect)]
    return []


def _someone(view: ArticleView, head: Token) -> bool:
    """A person or body ("James Comey", "the FBI director", "him"), not a thing or an act."""
    if head.pos_ == "PRON":
        return True
    names = [head, *(c for c in head.children if c.dep_ == "compound")]
    return any(view.is_named_actor(t) for t in names) or head.lemma_.lower() in view.lexicon.actor_nouns


def _cause_with_aim(head: Token) -> list[Token]:
    """A cause noun phrase with the purpose it names ("the decision *to revive the inquiry*")."""
    keep = cause_np(head) if head.pos_ == "VERB" else np_span(head)
    for child in head.children:
        if child.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            keep = [*keep, *child.subtree]
    return contiguous(head, keep)


def _title_tail(view: ArticleView, words: frozenset[str]) -> Phrase | None:
    """What follows a connective in the headline, up to the next break ("… *as* Alden ends its 40-year wait")."""
    tokens = view.title_tokens()
    for n, tok in enumerate(tokens):
        if n and tok.lower_ in words and n + 1 < len(tokens):
            rest = _rest_of_title(view, tok)
            if rest:
                return view.phrase(rest)
    return None


def _rest_of_title(view: ArticleView, connective: Token) -> list[Token]:
    """The headline's words after a connective up to the next break, when two or more: a headline's
    parse often breaks its last phrase apart, and the phrase runs on to the break all the same."""
    rest: list[Token] = []
    for t in (t for t in view.title_tokens() if t.i > connective.i):
        if t.lower_ in BREAKS and rest and (t.lower_ not in {"-", "\u2013"} or t.whitespace_):
            break  # (a hyphen within a word, "108-year", is no break)
        rest.append(t)
    return rest if len(rest) >= 2 else []


def how(view: ArticleView, clause: Clause, others: list[Clause]) -> Phrase | None:
    """The manner: "despite …" anywhere in the clause, "by" + gerund, "with"/"using" + an instrument, a
    manner adverb of the clause's own verb with the act it qualifies ("*narrowly avoids crash*"), in the
    clause or the lead's; else the act as a "when"/"after" clause tells it ("… were hurt when a bus
    *skidded and overturned*"), or an "as" clause after a harm, the lead's first (a full sentence, where a
    headline's parse often reads its verb as a noun), then the headline's ("Five dead after bus
    *overturns*"); else the weapon of an attack the first sentences name ("a car *packed with
    explosives*"); else the act itself, its verb and particles ("blames", "staged") — the lead's, when the
    clause only states a condition ("Toblerone *gets* more gappy": the lead's "widened").

    The last follows the convention of the Giveme5W1H coders, who answer "how" with the verb that
    carries the manner when no manner phrase is given. A bare adverb of the lead ("formally released")
    qualifies the lead's act, not the event's, and is passed over.
    """
    for c in (clause, *others):
        for tok in c.verb.subtree:  # "managed to avoid a crash *despite spinning his car*"
            objs = [g for g in tok.children if g.dep_ in {"pobj", "pcomp"}] if tok.lower_ == "despite" else []
            if objs and tok.dep_ == "prep":
                return view.phrase(tok.subtree)
        for child in manner_candidates(c.verb):
            if view.role(child) != "how":
                continue
            if child.dep_ == "prep":
                objs = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
                return view.phrase([t for o in objs for t in np_span(o)])
            if child.dep_ == "advmod":
                if c is clause:
                    return view.phrase(_named_act(child.head, [child]))
                continue
            return view.phrase(np_span(child))
    for c in (*others, clause):  # (the lead's full sentence before the headline's)
        mechanism = _mechanism(view, c.verb)
        if mechanism:
            return view.phrase(mechanism)
    mechanism = _title_mechanism(view)
    if mechanism:
        return view.phrase(mechanism)
    weapon = _weapon(view)
    if weapon:
        return view.phrase(weapon)
    verb = clause.verb
    if verb.lemma_.lower() in _STATES:
        verb = next((c.verb for c in others if c.verb.lemma_.lower() not in _STATES), verb)
    return view.phrase([t for t in verb_group(verb) if t.dep_ not in {"aux", "auxpass"}])


def _mechanism(view: ArticleView, verb: Token) -> list[Token]:
    """The act a "when"/"after" clause of a clause tells ("… were hurt *when a bus overturned*", "came under fire
    after it *increased the price*"); an "as" clause only for a harm ("seven were killed as the tram *derailed*":
    "as" alone is as often a time or a cause)."""
    for v in (verb, *(g for g in verb.children if g.dep_ in {"conj", "acomp"})):
        if v is not verb and v.dep_ == "conj" and clause_subject(v) is not None:
            continue  # ("… released the names, and one woman killed when …": another clause, with its own subject)
        harm = v.lemma_.lower() in _HARMS or any(g.dep_ == "acomp" and g.lemma_.lower() in _HARMS for g in v.children)
        for child in v.children:
            if child.dep_ != "advcl" or child.pos_ != "VERB" or _reports(view, child):
                continue
            heads = [child, *(g for g in child.children if g.dep_ == "conj")]  # "when it skidded and overturned"
            marks = {m.lower_ for h in heads for m in h.children if m.dep_ in {"mark", "advmod"}}
            if marks & _MECHANISMS or ("as" in marks and harm):
                return act(child)
    return []


def _title_mechanism(view: ArticleView) -> list[Token]:
    """A headline's harm and the act after "when", "after" or "as" that caused it ("Five dead after bus
    *overturns*"): the last word before the next break or preposition that the body uses as a verb (a
    headline's parse often reads "overturns" as a noun)."""
    tokens = view.title_tokens()
    body_verbs = {
        w for s in view.body_sentences() for t in s if t.pos_ == "VERB" for w in (t.lemma_.lower(), stem(t.lower_))
    }
    for n, tok in enumerate(tokens):
        if not n or tok.lower_ not in _MECHANISMS | {"as"}:
            continue
        if not any(t.lemma_.lower() in _HARMS or t.lower_ in _HARMS for t in tokens[:n]):
            continue
        tail: list[Token] = []
        for t in tokens[n + 1 :]:
            if t.lower_ in BREAKS or t.pos_ == "ADP":
                break
            tail.append(t)
        acts = [t for t in tail if t.pos_ in {"NOUN", "VERB"} and {t.lemma_.lower(), stem(t.lower_)} & body_verbs]
        if acts and acts[-1].i > tail[0].i:  # (a subject before the act: "bus overturns")
            return [acts[-1]]
    return []


def _weapon(view: ArticleView) -> list[Token]:
    """The weapon of an attack as the first sentences name it: "a car *packed with explosives*", "*armed with
    knives*" (the participle and its "with"), or "with a rifle" (the weapon) — in a sentence that tells of an
    attack, or in any of them when the headline does ("a man armed with a knife was arrested" alone is no attack)."""
    title = view.title_tokens()
    attacked = _attack(view, title)
    for tokens in (title, *view.body_sentences()):
        if not (attacked or _attack(view, tokens)):
            continue
        for prep in tokens:
            if prep.lower_ != "with" or prep.dep_ != "prep":
                continue
            objs = [g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _WEAPONS]
            if not objs:
                continue
            head = prep.head
            if head.tag_ == "VBN" or head.lower_ in {"laden", "loaded", "armed", "packed", "rigged"}:
                return contiguous(head, [head, prep, *np_span(objs[0])])
            return np_span(objs[0])
    return []


def _attack(view: ArticleView, tokens: list[Token]) -> bool:
    """Whether words tell of an attack: an attack or a harm ("raid", "bombing", "killed"), or a verb the
    CAMEO lexicon codes as force (18-20: "attacked", "bombed")."""
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma in _ATTACK_WORDS or lemma in _HARMS or tok.lower_ in _HARMS:
            return True
        if tok.pos_ == "VERB" and (code := code_verb(tok, lexicon=view.lexicon)) is not None and code.root in _FORCE:
            return True
    return False


def _named_act(verb: Token, extra: list[Token]) -> list[Token]:
    """The act named in few words: the verb, its particles and the head of its object, with ``extra``."""
    keep = [*extra, *(t for t in verb_group(verb) if t.dep_ not in {"aux", "auxpass"})]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        keep += [t for t in obj.subtree if t.i <= obj.i and t.dep_ != "det"]
    return contiguous(verb, keep)


def _reports(view: ArticleView, verb: Token) -> bool:
    """A verb of saying ("…, police said"): it tells who reports, not how it happened."""
    code = code_verb(verb, lexicon=view.lexicon)
    return code is not None and code.root == "01"


def _dateline(text: str, sentence_start: int, start: int, end: int) -> bool:
    """A place that opens the body as its dateline ("LONDON —", "WASHINGTON, Nov 6 (Reuters) -")."""
    before = text[sentence_start:start]
    if before.strip(' \n"“(') and not re.fullmatch(r"[\s\W]*(?:[A-Z][\w.]*\s+){0,6}", before):
        return False
    after = text[end : end + 40]
    return bool(re.match(r"\s*(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?\s*)?(?:\([^)]{0,30}\)\s*)?(?:--|—|–|-|:)", after))


def _precise(ref: DateRef) -> bool:
    return bool(ref.value and re.match(r"\d{4}-\d{2}-\d{2}", ref.value))


def _gap(value: str | None, published: str) -> int | None:
    """Days between a date and the publication date (None when either is not a day)."""
    if not value or not published:
        return None
    try:
        return abs((date.fromisoformat(value[:10]) - date.fromisoformat(published[:10])).days)
    except ValueError:
        return None


def _recent(value: str | None, published: str) -> bool:
    """A day of the week before publication (or any day, when the publication date is unknown)."""
    if not published:
        return True
    gap = _gap(value, published)
    return gap is not None and gap <= 7 and str(value)[:10] <= published


def _prefix(word: str) -> str:
    """The first five letters of a word: "collided" and "collision" share them."""
    return word.lower()[:5]


def _related(word: str, prefixes: set[str]) -> bool:
    """Whether a word shares its first letters (five, or four for a short word) with one of ``prefixes``."""
    word = word.lower()
    return any(len(p) >= 4 and len(word) >= 4 and word[: min(5, len(p))] == p[: min(5, len(word))] for p in prefixes)


def _shift_weekday(ref: DateRef, published: str, *, past: bool, future: bool) -> str | None:
    """A weekday resolved after the publication date, for a past-tense verb, is the one before; one resolved
    before it, for a verb of what is to come, the one after."""
    value = ref.value
    if not value or not published or not _WEEKDAY.search(ref.text):
        return value
    if past and value[:10] > published:
        step = -7
    elif future and value[:10] < published:
        step = 7
    else:
        return value
    try:
        day = date.fromisoformat(value[:10]) + timedelta(days=step)
    except ValueError:
        return value
    return day.isoformat() + value[10:]
