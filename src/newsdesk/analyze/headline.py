"""Headlines: where the title stands in the text, its own parse, and its predicates.

A headline is no sentence of the body: the parser runs it into the lead, and
it is often written in Title Case, which the tagger reads as a run of proper
nouns. :func:`parse_head` parses the headline and the lead on their own, the
headline in sentence case (:func:`sentence_case`), with a sentence boundary
between them. Headline grammar drops words ("Three hurt as bus overturns"),
so :func:`title_predicates` also reads what the parse misses: a word of the
headline that the body uses as a verb ("Mara Quill *protests* outside …",
"… *protested* the council's vote") is a predicate, its subject the name right
before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsdesk.model import Article

__all__ = [
    "BREAKS",
    "HEAD_KEY",
    "STOP_WORDS",
    "SUBORDINATORS",
    "attach_heads",
    "content_words",
    "lead_end",
    "left_span",
    "needs_own_parse",
    "parse_head",
    "sentence_case",
    "stem",
    "title_predicates",
    "title_span",
]


SUBORDINATORS = frozenset("as after because while since amid following despite before when until whereas".split())
"""Words after which a headline's clause is subordinate ("… *as* Donald is elected")."""
BREAKS = frozenset(
    "as after because while since amid following despite before when until whereas but - – — : ; | ... ,".split()
)
"""Words and marks where a headline's predicate ends ("… meets Varga *as* talks resume")."""
STOP_WORDS = frozenset(
    "the a an of in at on to for and or by with from as is are was were be been has have had it its his her their "
    "this that after over into says say said will would could new more than not no".split()
)


def content_words(tokens: Iterable[Token]) -> set[str]:
    """The content words of a run of tokens, as lemmas (for the overlap of a sentence with the headline)."""
    return {
        t.lemma_.lower()
        for t in tokens
        if t.is_alpha and len(t.text) > 2 and t.lower_ not in STOP_WORDS and t.lemma_.lower() not in STOP_WORDS
    }


def title_span(article: Article) -> tuple[int, int] | None:
    """Where the title stands in the text, when the text opens with it."""
    title = (article.title or "").strip()
    if not title:
        return None
    at = article.text.find(title, 0, 400 + len(title))
    return (at, at + len(title)) if at >= 0 else None


def sentence_case(title: str, body: str) -> str:
    """A Title Case or upper-case headline in sentence case, of the same length.

    A word keeps its capitals where the body writes it so after a sentence's
    first word ("Velmora", "NATO"); other words are lower-cased. A headline in
    ordinary case comes back as it is.
    """
    words = list(re.finditer(r"[^\W\d_](?:[\w.-]|['’](?=\w))*", title))
    if not words:
        return title
    capped = [m for m in words if m.group()[0].isupper()]
    shouting = [m for m in words if len(m.group()) > 1 and m.group().isupper()]
    if len(capped) < 0.6 * len(words) and not shouting:
        return title
    known = {w.rstrip(".") for w in re.findall(r"(?<=[\w,;:] )[^\W\d_][\w'’.-]*", body) if w[0].isupper()}
    out = list(title)
    for i, m in enumerate(words):
        word = m.group()
        if word in known or word == "I":
            continue
        if word.isupper() and len(word) > 1 and word.capitalize() in known:
            new = word.capitalize()
        elif i == 0 and not word.isupper():
            continue
        elif word[0].isupper() and (len(capped) >= 0.6 * len(words) or word.isupper()):
            new = word.lower()
        else:
            continue
        if len(new) == len(word):
            out[m.start() : m.end()] = new
    return "".join(out)


def lead_end(article: Article, body_start: int) -> int:
    """The end of the body's first sentence (the parse may have run the title into it)."""
    for _, end in article.sentences:
        if end > body_start and article.text[body_start:end].strip():
            return end
    return len(article.text)


HEAD_KEY = "newsdesk.headline"
"""Where :func:`attach_heads` leaves the headline's parse: ``doc.user_data[HEAD_KEY]``."""


def attach_heads(nlp: Language, articles: list[Article], docs: list[Doc], *, batch_size: int = 16) -> None:
    """Parse the headlines of a batch of articles in one go and attach each to its article's doc.

    The events stage reads the parse from ``doc.user_data[HEAD_KEY]`` (and
    parses the headline itself when it is not there); parsing a batch of
    headlines together costs a fraction of parsing them one by one.
    """
    todo = [(n, title_span(a)) for n, a in enumerate(articles)]
    todo = [(n, span) for n, span in todo if span is not None]
    texts = [
        sentence_case(articles[n].text[span[0] : span[1]], articles[n].text[span[1] :]) for n, span in todo if span
    ]
    disabled = [p for p in ("ner",) if p in nlp.pipe_names]
    for (n, _), head in zip(todo, nlp.pipe(texts, batch_size=batch_size, disable=disabled), strict=True):
        docs[n].user_data[HEAD_KEY] = head


def needs_own_parse(article: Article) -> bool:
    """Whether the headline must be parsed on its own: written in Title Case or in capitals."""
    span = title_span(article)
    if span is None:
        return False
    title = article.text[span[0] : span[1]]
    return sentence_case(title, article.text[span[1] :]) != title


def parse_head(nlp: Language, article: Article, *, lead: bool = True) -> Doc | None:
    """The headline (and, with ``lead``, the lead) parsed on their own, the headline in sentence case.

    The text is ``article.text`` from the title to the end of the lead, so a
    token's offset plus where the title starts is its offset in the article.
    Returns None when the text does not open with the title.
    """
    span = title_span(article)
    if span is None:
        return None
    end = lead_end(article, span[1]) if lead else span[1]
    title = sentence_case(article.text[span[0] : span[1]], article.text[span[1] :])
    text = title + article.text[span[1] : end]
    doc = nlp.make_doc(text)
    boundary = len(title)
    for tok in doc:
        if tok.i == 0:
            tok.is_sent_start = True
        elif tok.idx >= boundary and not tok.is_space:
            tok.is_sent_start = True  # the lead is no continuation of the headline
            break
    for name, proc in nlp.pipeline:
        if name != "ner":
            doc = proc(doc)
    return doc


def title_predicates(
    tokens: list[Token],
    body_verbs: set[str],
    is_actor: Callable[[Token], bool],
    event_verbs: frozenset[str] = frozenset(),
) -> Iterator[tuple[Token, Token | None, bool]]:
    """Predicates of a headline: (predicate, subject, shallow).

    A headline's parse is often wrong ("Mara Quill protests outside …" tags
    "protests" a noun), so besides what the parse says (a verb, or any word
    the parser gave a subject), a word of the headline that the body uses as a
    verb ("protests" / "protested"), or one of ``event_verbs`` ("Dock workers
    strike …"), is a predicate when the noun phrase just before it names an
    actor (``is_actor``); that phrase is its subject.
    """
    if not tokens:
        return
    first = tokens[0].i
    for tok in tokens:
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if after is not None and after.text == ":":
            continue  # "China well rescue: …" is a label, not a clause
        subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i]
        if subjects:
            yield tok, subjects[-1], False
        elif tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i < tok.i:
            yield tok, tok.head, False  # "Three hurt as bus overturns": a headline's passive
        elif (
            tok.i > first
            and tok.pos_ in {"NOUN", "ADJ", "VERB"}
            and (body_verbs & {tok.lemma_.lower(), stem(tok.lower_)} or tok.lemma_.lower() in event_verbs)
        ):
            left = _left_phrase(tok)
            if left is not None and is_actor(left):
                yield tok, left, True


def stem(word: str) -> str:
    """A crude stem, to match a headline's verb with the body's ("stages" and "staged", "protests" and "protested")."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def left_span(tok: Token) -> list[Token]:
    """The noun phrase right before a token, as tokens ("Lena Okafor and Piet Varga" before "lead")."""
    doc = tok.doc
    i = tok.i - 1
    out = []
    while i >= 0 and (
        doc[i].pos_ in {"PROPN", "NOUN", "NUM", "ADJ", "DET", "CCONJ", "PART"} or doc[i].text in {",", "'s"}
    ):
        out.append(doc[i])
        i -= 1
    return sorted(out, key=lambda t: t.i)


def _left_phrase(tok: Token) -> Token | None:
    """The head of the noun phrase right before a token (a headline's subject, when the parse missed it)."""
    doc = tok.doc
    i = tok.i - 1
    head = None
    while i >= 0 and (
        doc[i].pos_ in {"PROPN", "NOUN", "NUM", "ADJ", "DET", "CCONJ", "PART"} or doc[i].text in {",", "'s"}
    ):
        if doc[i].pos_ in {"PROPN", "NOUN", "NUM"} and head is None:
            head = doc[i]
        i -= 1
    return head
