"""Phrases of a parse: runs of tokens for a noun phrase, a cause, an act, and the dependents to search.

Small pure functions over spaCy tokens, shared by the main-event questions
(:mod:`newsdesk.analyze.mainevent`, :mod:`newsdesk.analyze.circumstances`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.analyze.clauses import verb_group

__all__ = [
    "CAUSE_PHRASES",
    "act",
    "cause_np",
    "cause_phrase",
    "cause_tokens",
    "clip",
    "contiguous",
    "manner_candidates",
    "np_span",
    "strong_cause",
    "with_object_preps",
]


CAUSE_PHRASES = (
    ("because", "of"),
    ("due", "to"),
    ("owing", "to"),
    ("thanks", "to"),
    ("as", "a", "result", "of"),
    ("in", "retaliation", "for"),
    ("in", "revenge", "for"),
    ("in", "protest", "at"),
    ("in", "protest", "against"),
    ("in", "protest", "over"),
    ("in", "response", "to"),
)


_CAUSE_WORDS = frozenset(w for phrase in CAUSE_PHRASES for w in phrase)


def with_object_preps(verb: Token) -> list[Token]:
    """The verb's dependents, then the prepositions of its object ("attacks the depot *in Port Alden*")."""
    out = sorted(verb.children, key=lambda t: t.i)
    for child in list(out):
        if child.dep_ in {"dobj", "nsubjpass", "attr"}:
            out.extend(g for g in child.children if g.dep_ == "prep")
    return out


def manner_candidates(verb: Token) -> list[Token]:
    """The dependents of a verb, of its object, and of the verbs it governs ("managed to avoid … *despite* …")."""
    out = with_object_preps(verb)
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and child.pos_ == "VERB":
            out.extend(with_object_preps(child))
    return out


def contiguous(head: Token, tokens: list[Token]) -> list[Token]:
    """The run of ``tokens`` around ``head`` without gaps."""
    ids = {t.i for t in tokens}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def np_span(head: Token) -> list[Token]:
    tokens = [t for t in head.subtree if not any(a.dep_ in {"relcl", "acl"} and a.i != head.i for a in _path(t, head))]
    return contiguous(head, tokens)[:12]


def _path(token: Token, top: Token) -> list[Token]:
    out = []
    node = token
    while node.i != top.i and node.head.i != node.i:
        out.append(node)
        node = node.head
    return out


def clip(verb: Token, tokens: list[Token], n: int) -> list[Token]:
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    tokens = [t for t in tokens if not t.is_space]
    if len(tokens) <= n:
        return tokens
    return [t for t in tokens if t.i <= verb.i or t.i - verb.i <= n - 1][:n]


def cause_phrase(prep: Token) -> tuple[str, ...] | None:
    """The multi-word cause connective a preposition belongs to ("due to", "in retaliation for")."""
    if prep.lower_ not in _CAUSE_WORDS:
        return None
    doc = prep.doc
    for phrase in CAUSE_PHRASES:
        for k in range(len(phrase)):
            start = prep.i - k
            if start < 0 or start + len(phrase) > len(doc) or phrase[k] != prep.lower_:
                continue
            if all(doc[start + n].lower_ == word for n, word in enumerate(phrase)):
                return phrase
    return None


def cause_tokens(child: Token) -> list[Token]:
    """The cause a dependent states, without its connective, and without the time and place around it."""
    if child.dep_ == "advcl":
        tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.head.i == child.i)]
        return contiguous(child, tokens)
    objs = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
    if objs:
        obj = objs[0]
        for g in obj.children:
            if (
                g.dep_ == "prep"
                and g.i == obj.i + 1
                and obj.lower_ in {"retaliation", "revenge", "protest", "response"}
            ):
                inner = [x for x in g.children if x.dep_ in {"pobj", "pcomp"}]
                if inner:
                    return cause_np(inner[0])
        return cause_np(obj)
    return list(child.subtree)


def cause_np(head: Token) -> list[Token]:
    """A cause phrase: a noun phrase with its "of"/"for" complements, or a gerund with its object."""
    keep = [head]
    for child in head.children:
        if child.dep_ in {"cc", "conj", "relcl", "acl", "appos", "punct", "advcl"}:
            continue
        if child.dep_ == "prep" and child.lower_ not in {"of", "for", "over", "against", "to", "on", "with"}:
            continue
        keep.extend(child.subtree)
    return contiguous(head, keep)


def act(verb: Token) -> list[Token]:
    """An action as a clause tells it: the verb, the verbs joined to it, their particles and objects."""
    keep: list[Token] = []
    for v in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")):
        keep.extend(t for t in verb_group(v) if t.dep_ != "aux" or t.i > v.i - 2)
        keep.extend(c for c in v.children if c.dep_ == "cc")
        for obj in (c for c in v.children if c.dep_ in {"dobj", "attr"}):
            keep.extend(cause_np(obj))
    return sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)


def strong_cause(tok: Token) -> list[Token]:
    """The cause after a strong marker: "because …", "due to …", "in retaliation for …"."""
    if tok.lower_ == "because" and tok.dep_ == "mark":
        return [t for t in tok.head.subtree if t.i > tok.i]
    if tok.dep_ in {"prep", "amod", "advmod", "pobj", "mark", "case", "pcomp"}:
        prep = tok if tok.dep_ == "prep" else tok.head
        for node in (tok, prep):
            for g in node.children:
                if g.dep_ == "pobj":
                    return cause_np(g)
                if g.dep_ == "prep":
                    inner = [x for x in g.children if x.dep_ in {"pobj", "pcomp"}]
                    if inner:
                        return cause_np(inner[0])
    return []
