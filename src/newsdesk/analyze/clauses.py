"""Clauses of a parse: whether a verb reports something that happened, and a short sentence saying it.

An event is read from one verb of the spaCy parse. Two questions are asked of
it here, both as pure functions over the parsed tokens:

* **Did it happen, by its actor?** :func:`modality` says no for a negated verb
  ("did not attack"), a hypothetical one (a modal — could, would, might, may,
  should, must, can —, an "if"/"unless" clause, a question) and one reported as
  a rumour ("reportedly", "allegedly", "is said to have", what someone
  believes, suspects or denies). What someone *threatens*, *urges* or *plans*
  is not an event of its own either: it is the content of the threat, the
  appeal or the plan (:func:`is_complement`).
* **How would a reader say it?** :func:`summary` builds a short clause from
  the parse: the subject (a canonical name where the entity stage found one),
  the verb with its auxiliaries, negation and particles, its object, and the
  complements that carry the meaning ("on strike", "over pay", "to resolve
  their differences"), dropping relative clauses, appositions, dates and
  asides, at most ``max_words`` words.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Token

__all__ = [
    "Namer",
    "clause_subject",
    "is_complement",
    "modality",
    "noun_phrase",
    "past_dateline",
    "past_tense",
    "questions",
    "render",
    "summary",
    "verb_group",
]

Namer = Callable[[Token], str | None]
"""The canonical name of the entity a token names, or None."""

_MODALS = frozenset("could would might may should must can cannot ought".split())
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
_RUMOUR_ADVERBS = frozenset(
    "reportedly allegedly purportedly supposedly apparently rumouredly rumoredly seemingly ostensibly".split()
)
_RUMOUR_PASSIVES = frozenset(
    "say believe think report rumour rumor allege understand suppose claim suspect expect".split()
)
"""'X is said/believed/rumoured to have …': the event is hearsay."""
_NOT_ASSERTED = frozenset(
    "rumour rumor speculate allege suspect believe think guess assume wonder doubt deny imagine suggest".split()
)
"""Verbs whose clause is not asserted as fact ("denied that it attacked", "suspect he fled")."""
_DIRECTIVE = frozenset(
    "demand urge ask request insist order propose suggest recommend want hope expect plan call require".split()
)
"""Verbs whose clause is what someone wants to happen, not what happened ("demanded that Norland withdraw")."""
_ASPECTUAL = frozenset("begin start continue resume keep manage go proceed finish stop cease".split())
"""'began to shell', 'managed to escape': the governed verb did happen."""

_NP_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "quantmod", "nmod", "case", "predet", "nounmod"})
_PARTITIVES = frozenset(
    "dozen dozens hundreds thousands millions tens scores group number some many most several few all none "
    "one two three four five six seven eight nine ten part members member leader leaders head".split()
)
_KEEP_ADVERBS = frozenset("together back away apart aside again home abroad".split())
_PARTICLES = frozenset("out off up down in over away back on".split())
"""Adverbs right after a verb that the parser may leave as advmod: "walked out"."""
_KEEP_PUNCT = frozenset({"-", "%", "&", "/", "'", "’", "–"})


def _chain(verb: Token) -> Iterable[Token]:
    """The verb and the verbs its clause hangs from, up to the sentence root."""
    node = verb
    for _ in range(8):
        yield node
        if node.head.i == node.i or node.dep_ not in {"conj", "xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp"}:
            return
        node = node.head


_ASKED: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def questions(doc: Doc) -> Any:
    """For each token of a doc, whether its sentence is a question (read from the doc's arrays, once per doc:
    the events and the main event both ask)."""
    found = _ASKED.get(doc)
    if found is not None:
        return found
    import numpy as np

    if not len(doc):
        return np.zeros(0, dtype=bool)
    arr = doc.to_array(["ORTH", "SENT_START"])
    sentence = np.cumsum(arr[:, 1] == 1)
    asked = np.unique(sentence[arr[:, 0] == doc.vocab.strings["?"]])
    found = _ASKED[doc] = np.isin(sentence, asked)
    return found


_MODALITY: weakref.WeakKeyDictionary[Any, dict[int, str | None]] = weakref.WeakKeyDictionary()


def modality(verb: Token, *, asked: Any = None) -> str | None:
    """Why ``verb`` is no event of its actor (``negated``, ``hypothetical``, ``rumour``), or None when it is one.

    ``asked`` is :func:`questions` of the verb's doc, when the caller has it (else it is computed). The
    answer is read once per verb of a doc (the events, their quotes and the main event all ask).
    """
    doc = verb.doc
    if asked is not None and asked is not _ASKED.get(doc):
        return _modality(verb, asked)  # (someone else's answer to "is it a question": not the doc's own)
    known = _MODALITY.get(doc)
    if known is None:
        known = _MODALITY[doc] = {}
    i = verb.i
    if i not in known:
        known[i] = _modality(verb, asked)
    return known[i]


def _modality(verb: Token, asked: Any) -> str | None:
    kids = [(c, c.dep_, c.lower_) for c in verb.children]  # each child's labels read once: they cost
    if any(d == "neg" or w in {"never", "no longer"} for _, d, w in kids):
        return "negated"
    own_aux = [w for _, d, w in kids if d in {"aux", "auxpass"}]
    if verb.dep_ == "conj" and not own_aux and not any(d.startswith("nsubj") for _, d, _ in kids):
        above = [(c.dep_, c.lower_) for c in verb.head.children]
        own_aux = [w for d, w in above if d in {"aux", "auxpass"}]  # "could attack and destroy"
        if any(d == "neg" for d, _ in above):
            return "negated"
    if any(w in _MODALS for w in own_aux):
        return "hypothetical"
    if (asked if asked is not None else questions(verb.doc))[verb.i]:
        return "hypothetical"
    for node in _chain(verb):
        node_kids = kids if node.i == verb.i else [(c, c.dep_, c.lower_) for c in node.children]
        if any(d == "mark" and w in _CONDITIONS for _, d, w in node_kids):
            return "hypothetical"
        if node.i == verb.i and any(
            d == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
            for c, d, _ in node_kids
        ):
            return "hypothetical"  # "if the minister does not move, we will strike"
        if any(d == "advmod" and w in _RUMOUR_ADVERBS for _, d, w in node_kids):
            return "rumour"
        head = node.head
        dep = node.dep_
        if node.i != head.i and dep in {"xcomp", "ccomp"}:
            lemma = head.lemma_.lower()
            if lemma in _NOT_ASSERTED or (
                lemma in _RUMOUR_PASSIVES and any(c.dep_ == "auxpass" for c in head.children)
            ):
                return "rumour"
            if dep == "ccomp" and lemma in _DIRECTIVE:
                return "hypothetical"
        if dep in {"acl", "relcl"} and head.lemma_.lower() in {"rumour", "rumor", "speculation", "allegation"}:
            return "rumour"
    return None


def is_complement(verb: Token) -> bool:
    """An infinitive or other complement that is the content of another verb ("urged them *to talk*")."""
    if verb.dep_ == "xcomp":
        return verb.head.lemma_.lower() not in _ASPECTUAL
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in {"acl", "relcl", "advcl"}


def clause_subject(verb: Token, *, doer: bool = False) -> Token | None:
    """The subject of a verb, or that of the verb it is joined to ("… and pledged to work together").

    With ``doer``, the one who acted: the agent of a passive ("bombed by the
    rebels"), and None for a passive without one ("the driver was arrested").
    """
    node = verb
    for _ in range(4):
        if doer and any(c.dep_ == "auxpass" for c in node.children):
            for child in node.children:
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
            return None
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if subjects:
            return past_dateline(min(subjects, key=lambda c: abs(c.i - node.i)))
        if node.head.i == node.i or node.dep_ not in {"conj", "xcomp", "advcl"}:
            return None
        if node.dep_ == "advcl" and node.tag_ != "VBG":
            return None
        node = node.head
    return None


_DASHES = frozenset({"--", "—", "–", "-", "---"})


def past_dateline(subject: Token) -> Token:
    """The real subject when the parser took a dateline for it.

    "LISBON, March 5 -- Thousands of rail workers went on strike": the parser
    makes "LISBON" the subject and "Thousands" its apposition, after the dash
    that ends the dateline.
    """
    dashes = [c.i for c in subject.children if c.text in _DASHES and c.i > subject.i]
    if not dashes:
        return subject
    after = [c for c in subject.children if c.dep_ in {"appos", "conj", "npadvmod"} and c.i > dashes[0]]
    return after[0] if after and after[0].pos_ in {"NOUN", "PROPN", "PRON", "NUM"} else subject


def render(tokens: Iterable[Token]) -> str:
    """Tokens as text, in document order, with the spacing they had where they were adjacent."""
    out: list[str] = []
    last = None
    for tok in sorted(tokens, key=lambda t: t.i):
        if last is not None:
            out.append(last.whitespace_ if tok.i == last.i + 1 else " ")
        out.append(tok.text)
        last = tok
    return " ".join("".join(out).split())


def _np_tokens(head: Token, depth: int = 0) -> list[Token]:
    keep = [head]
    for child in head.children:
        dep = child.dep_
        if dep in _NP_DEPS:
            keep.extend(t for t in child.subtree if not _is_dropped_punct(t))
        elif dep == "advmod" and head.pos_ == "NUM":
            keep.extend(child.subtree)  # "at least seven"
        elif dep == "prep" and child.lower_ == "of" and depth < 1:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                keep.append(child)
                keep.extend(_np_tokens(objs[0], depth + 1))
        elif (dep in {"cc", "conj"} or _listed(head, child)) and depth < 2:
            keep.extend(_np_tokens(child, depth + 1) if dep != "cc" else [child])
            if dep == "appos":  # the list's comma
                keep.extend(t for t in head.children if t.text == "," and head.i < t.i < child.i)
    return keep


def _is_dropped_punct(tok: Token) -> bool:
    return bool(tok.is_punct and tok.text not in _KEEP_PUNCT) or tok.is_space


def _conjuncts(head: Token) -> list[Token]:
    """The heads of a coordination; a name "in apposition" that starts a list ("Kimi Raikkonen, *Marcus
    Ericsson* and Felipe Massa crash out", as the parser reads a list of three) is one of them."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" or _listed(head, child):
            out.extend(_conjuncts(child))
    return out


def _listed(head: Token, child: Token) -> bool:
    """A name the parser put in apposition that heads the rest of a list ("A, *B* and C")."""
    return (
        child.dep_ == "appos" and child.pos_ == head.pos_ == "PROPN" and any(g.dep_ == "conj" for g in child.children)
    )


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def noun_phrase(
    head: Token,
    *,
    name_of: Namer | None = None,
    max_words: int = 7,
    within: Callable[[Token], bool] | None = None,
) -> str:
    """A noun phrase named by its head, trimmed: no relative clauses, appositions or asides.

    Conjoined names come out as their canonical names ("Norland and Ostmark");
    a phrase longer than ``max_words`` loses its "of" phrase, then its
    farthest modifiers. ``within`` keeps only the tokens it accepts (a phrase
    of the body the parser ran into the headline keeps to the body).
    """
    if name_of is not None:
        heads = _conjuncts(head)
        names = [name_of(h) for h in heads]
        if all(names):
            return _join_names([str(n) for n in names])
        if names[0] and len(heads) == 1:
            return str(names[0])
    tokens = sorted((t for t in _np_tokens(head) if not _is_dropped_punct(t) or t.text == ","), key=lambda t: t.i)
    if within is not None:
        tokens = [t for t in tokens if within(t)]
    while tokens and tokens[-1].text == ",":
        tokens.pop()
    if len(tokens) > max_words:
        listed = [c for c in head.children if c.dep_ in {"cc", "conj"} or _listed(head, c)]
        conj = {t.i for c in listed for t in c.subtree} | {t.i for t in tokens if t.text == "," and t.i > head.i}
        tokens = [t for t in tokens if t.i <= head.i or t.i in conj]
        tokens = tokens[-max_words:] if len(tokens) > max_words else tokens
        while tokens and (tokens[0].dep_ in {"case", "cc"} or tokens[0].is_punct or _glued_to_cut(tokens)):
            tokens = tokens[1:]
    text = render(t for t in tokens if t.text != "," or _before_conj(t))
    return text


def _glued_to_cut(tokens: list[Token]) -> bool:
    """Whether the first kept token is the tail of a word the trim cut ("title-*deciding*")."""
    first = tokens[0]
    if first.i == 0:
        return False
    before = first.doc[first.i - 1]
    return not before.whitespace_ and (before.text in {"-", "\u2013", "/"} or before.text.isalnum())


def _before_conj(comma: Token) -> bool:
    nxt = comma.nbor(1) if comma.i + 1 < len(comma.doc) else None
    return bool(nxt is not None and nxt.dep_ in {"conj", "compound", "amod", "nummod"} and nxt.i > comma.i)


_PAST = {
    "be": "was", "have": "had", "do": "did", "say": "said", "tell": "told", "meet": "met", "fight": "fought",
    "strike": "struck", "shoot": "shot", "give": "gave", "take": "took", "hold": "held", "send": "sent",
    "leave": "left", "go": "went", "beat": "beat", "bring": "brought", "break": "broke", "lead": "led",
    "set": "set", "cut": "cut", "put": "put", "spend": "spent", "lay": "laid", "pay": "paid", "sell": "sold",
    "buy": "bought", "win": "won", "lose": "lost", "throw": "threw", "steal": "stole", "rise": "rose",
    "fall": "fell", "fly": "flew", "freeze": "froze", "forgive": "forgave", "seek": "sought",
    "withdraw": "withdrew", "overrun": "overran", "blow": "blew", "shut": "shut", "hit": "hit", "quit": "quit",
    "feed": "fed", "begin": "began", "run": "ran", "stand": "stood", "speak": "spoke", "write": "wrote",
    "drive": "drove", "choose": "chose", "know": "knew", "think": "thought", "keep": "kept", "make": "made",
    "find": "found", "come": "came", "get": "got", "see": "saw", "draw": "drew", "grow": "grew",
    "swear": "swore", "wage": "waged", "hang": "hung", "build": "built", "sink": "sank", "flee": "fled",
    "stick": "stuck", "bid": "bid", "spread": "spread", "let": "let", "deal": "dealt", "mean": "meant",
}  # fmt: skip
"""Irregular past tenses, for a participle that stands alone as an event ("…, rejecting the offer")."""


def past_tense(lemma: str) -> str:
    """The simple past of a verb lemma ("reject" → "rejected", "strike" → "struck")."""
    lemma = lemma.lower()
    if lemma in _PAST:
        return _PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if (
        len(lemma) > 2
        and lemma[-1] in "bdgmnprt"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
        and len(lemma) <= 4
    ):
        return lemma + lemma[-1] + "ed"  # "ban" → "banned", "stop" → "stopped"
    return lemma + "ed"


def verb_group(verb: Token) -> list[Token]:
    """The verb with its auxiliaries and negation before it and its particles: "has not called off"."""
    out = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i]
    if (
        not out
        and verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    ):
        out = [
            c for c in verb.head.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.head.i
        ]  # "were killed and injured"
    out.append(verb)
    out.extend(c for c in verb.children if c.dep_ == "prt")
    return out


def _is_time(tok: Token, skip: Callable[[Token], bool]) -> bool:
    return skip(tok)


def _complement(child: Token, *, name_of: Namer | None, skip: Callable[[Token], bool], depth: int) -> str | None:
    dep = child.dep_
    if dep in {"dobj", "dative", "attr", "oprd"} and child.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"}:
        if _is_time(child, skip):
            return None
        return noun_phrase(child, name_of=name_of, max_words=8)
    if dep == "acomp":
        return render([t for t in child.subtree if not _is_dropped_punct(t)][:4])
    if dep in {"prep", "agent"}:
        objs = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        if not objs or _is_time(objs[0], skip):
            return None
        obj = objs[0]
        if obj.dep_ == "pcomp" and obj.pos_ in {"VERB", "AUX"}:
            inner = _predicate(obj, name_of=name_of, skip=skip, depth=depth + 1, max_parts=1)
            return f"{child.text} {inner}"
        if child.lower_ == "as" and _clause_read_as_phrase(obj):
            return None  # "arrested as seven killed …": a clause the parse read as "as" + a name
        return f"{child.text} {noun_phrase(obj, name_of=name_of, max_words=5)}"
    if dep == "advmod" and (
        child.lemma_.lower() in _KEEP_ADVERBS or (child.i == child.head.i + 1 and child.lower_ in _PARTICLES)
    ):
        return str(child.text)
    if dep in {"advmod", "advcl"} and child.pos_ == "ADJ" and child.i == child.head.i + 1 and not list(child.children):
        return str(child.text)  # a state the parse took for a modifier: "stood *idle*"
    if dep in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"} and depth < 2:
        if dep == "ccomp":
            inner_subject = clause_subject(child)
            if inner_subject is None or inner_subject.head.i != child.i:
                return None
            subject = noun_phrase(inner_subject, name_of=name_of, max_words=5)
            return f"{subject} {_predicate(child, name_of=name_of, skip=skip, depth=depth + 1, max_parts=2)}"
        return _predicate(child, name_of=name_of, skip=skip, depth=depth + 1, max_parts=2)
    return None


def _clause_read_as_phrase(obj: Token) -> bool:
    """Whether the object of "as" is the subject of a clause the parse cut ("as *seven* killed …",
    "as *Kessel Grand Prix* riddled by …"): a number or a name with a participle of its own."""
    return obj.pos_ in {"PROPN", "NUM"} and any(g.dep_ == "acl" and g.pos_ == "VERB" for g in obj.children)


def _finite(verb: Token, depth: int) -> str:
    """The verb group as text; a participle standing alone as the main clause is put in the past tense."""
    group = [t for t in verb_group(verb) if not t.is_punct]  # (a quote mark the parse took for an auxiliary)
    if (
        depth == 0
        and len(group) == 1 + sum(1 for c in verb.children if c.dep_ == "prt")
        and verb.tag_
        in {
            "VBG",
            "VBN",
            "VB",
        }
    ):
        return " ".join([past_tense(verb.lemma_), *(c.text for c in verb.children if c.dep_ == "prt")])
    return render(group)


def _predicate(
    verb: Token, *, name_of: Namer | None, skip: Callable[[Token], bool], depth: int = 0, max_parts: int = 3
) -> str:
    """The verb group and the complements that carry its meaning, in their order."""
    parts: list[tuple[float, str]] = [(verb.i, _finite(verb, depth))]
    taken = 0
    own_subject = any(c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP", "WP$"} for c in verb.children)
    no_object = not any(c.dep_ in {"dobj", "nsubjpass", "ccomp", "xcomp"} for c in verb.children)
    if verb.dep_ == "relcl" and depth == 0 and own_subject and no_object and verb.head.pos_ in {"NOUN", "PROPN"}:
        parts.append(
            (verb.i + 0.5, noun_phrase(verb.head, name_of=name_of, max_words=5))
        )  # "a figure the ministry disputed"
    for child in sorted(verb.children, key=lambda c: c.i):
        if taken >= max_parts:
            break
        if child.dep_ in {"xcomp", "ccomp"} and child.i < verb.i:
            continue
        text = _complement(child, name_of=name_of, skip=skip, depth=depth)
        if text:
            parts.append((child.i, text))
            taken += 1
    return " ".join(t for _, t in sorted(parts))


def _trim(words: list[str], max_words: int) -> list[str]:
    if len(words) <= max_words:
        return words
    cut = words[:max_words]
    while cut and cut[-1].lower() in {"the", "a", "an", "of", "to", "and", "or", "on", "in", "for", "with", "his",
                                      "her", "their", "its", "at", "by", "from", "as", "that"}:  # fmt: skip
        cut.pop()
    return cut


def summary(
    verb: Token,
    *,
    subject: str | None = None,
    name_of: Namer | None = None,
    skip: Callable[[Token], bool] | None = None,
    max_words: int = 20,
) -> str | None:
    """A short clause saying what ``verb`` reports: "Rail workers went on strike over pay".

    Args:
        verb: the event's verb in the parse.
        subject: the actor's name to use (else the clause's subject, named as ``name_of`` says).
        name_of: the canonical name of the entity a token names, for subject and objects.
        skip: tokens to leave out with their phrase (the event's date, already on the timeline).
        max_words: the summary is cut at a phrase boundary near this length.

    Returns:
        None when the clause has no subject to name (a fragment is no summary).
    """
    skip = skip or (lambda _tok: False)
    if subject is None:
        head = clause_subject(verb)
        if head is None:
            return None
        subject = noun_phrase(head, name_of=name_of, max_words=6)
    if not subject:
        return None
    words = f"{subject} {_predicate(verb, name_of=name_of, skip=skip)}".split()
    words = _trim(words, max_words)
    text = " ".join(words)
    return text[:1].upper() + text[1:]
