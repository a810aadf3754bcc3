"""Quotes: who said what, with the words quoted and the speech reported.

The stage finds three kinds of quotation (``Quote.kind``):

- ``direct``: a quoted passage with its cue before (``Esper said: "…"``), after
  (``"…," he said``), in the middle (``"A," he said. "B."`` is two quotes by
  one speaker), or none of its own when it goes on from the quote before it
  (the next quoted paragraph, or a quote that runs over several paragraphs,
  which gives one quote per paragraph);
- ``partial``: quoted words inside the reporter's sentence, attributed through
  the reporting verb the sentence hangs on (``Mr Esper said it was "crucial"``,
  ``Gen Milley called the alliance "rock solid"``);
- ``indirect``: reported speech without quotation marks (see
  :mod:`newsdesk.analyze.reported`).

Quoted words that no reporting verb governs are not quotes: scare quotes
("wartime "comfort women""), a characterisation ("as a "rift""), titles of
books, films and ads. Speakers are resolved by :mod:`newsdesk.analyze.speakers`.
Everything here is a pure function of the article and its parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.analyze.cues import Lexicon, cue_classes, load_lexicon, passive_participle, subject_of
from newsdesk.analyze.nlp import doc_text
from newsdesk.analyze.persons import person_noun
from newsdesk.analyze.quotemarks import Quoted, find_quoted
from newsdesk.analyze.reported import reported_speech
from newsdesk.analyze.speakers import Speaker, Speakers
from newsdesk.model import Article, Entity, Quote
from newsdesk.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_quotes", "find_quotes", "inside_reported"]


_END = frozenset(".!?")
_NP_INTERNAL = frozenset({"relcl", "acl", "amod", "compound", "appos", "aux", "auxpass", "poss", "nmod"})
_PATH_DEPS = frozenset(
    {
        "ccomp", "xcomp", "acomp", "attr", "oprd", "dobj", "pobj", "amod", "compound", "npadvmod", "conj",
        "advcl", "acl", "relcl", "nmod", "appos", "dative", "pcomp", "advmod", "punct", "nummod", "neg", "det",
    }
)  # fmt: skip
_DIRECT_CLASSES = frozenset({"speech", "stance"})
_PARTIAL_CLASSES = frozenset({"speech", "stance", "belief"})


@dataclass
class _Found:
    """A quoted passage and what attributes it."""

    quoted: Quoted
    kind: str
    cue: Token | None = None
    subject: Token | None = None
    cue_text: str | None = None
    speaker: Speaker | None = None
    cue_span: tuple[int, int] | None = None


_NICKNAME = re.compile(r"\b[A-Z][\w.'-]*[ \t]+([\"“‘])[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?([\"”’])(?=[ \t]+[A-Z])")


class _Tokens:
    """Character offsets to tokens, for one parse, and where its quotations are."""

    def __init__(self, doc: Doc, text: str, quoted: Sequence[Quoted] = ()) -> None:
        self.doc = doc
        self.text = text  # Doc.text re-joins every token: read it once
        self.starts = [t.idx for t in doc]
        self.quoted = sorted((q.open, q.close or q.end) for q in quoted)
        self._opens = [a for a, _ in self.quoted]
        # the marks around a nickname inside a name (Marcia "Cia" Price): part of the name, no quotation
        self.nickname_marks = {m.start(g) for m in _NICKNAME.finditer(text) for g in (1, 2)}

    def in_quote(self, pos: int) -> bool:
        """Is ``pos`` inside a quoted passage (marks included)?"""
        i = bisect.bisect_right(self._opens, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def is_mark(self, tok: Token) -> bool:
        """A quotation mark that opens or closes a quotation (not one around a nickname)."""
        return bool(tok.is_quote) and tok.idx not in self.nickname_marks

    def first_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def covering(self, start: int, end: int) -> list[Token]:
        return list(self.doc[self.first_at(start) : self.first_at(end)])


def _is_end(tok: Token) -> bool:
    return tok.text in _END or "\n" in tok.text


def _after_cue(q: Quoted, toks: _Tokens, lexicon: Lexicon) -> _Found | None:
    """``"…," he said`` / ``"…," said Esper`` / ``"…," according to X``."""
    if q.close is None:
        return None
    doc = toks.doc
    i = toks.first_at(q.close)
    while i < len(doc) and (
        doc[i].text in {",", "—", "–", "-", "--", "―"} or (doc[i].is_space and "\n" not in doc[i].text)
    ):
        i += 1
    if i >= len(doc) or _is_end(doc[i]) or toks.is_mark(doc[i]):
        return _signed_below(q, toks)
    if _named_thing(q, toks):
        return None
    window = []
    for tok in doc[i : i + 30]:
        if _is_end(tok) or toks.is_mark(tok) or tok.text == ";":
            break
        if not tok.is_space and not tok.is_quote:
            window.append(tok)
    if len(window) >= 2 and window[0].lower_ == "according" and window[1].lower_ == "to":
        return _according(q, window)
    if window and (window[0].tag_ in {"WRB", "WDT", "WP", "IN", "CC"} or window[0].pos_ in {"SCONJ", "CCONJ"}):
        return None  # "… on "Harbour Tonight," where she defended …": the sentence goes on
    loose = toks.text[q.end - 1] in ",?!…—–-"
    verbs = [t for t in window if t.dep_ not in _NP_INTERNAL and (t.pos_ in {"VERB", "AUX"} or cue_classes(t, lexicon))]
    cues = [t for t in verbs if cue_classes(t, lexicon) & _DIRECT_CLASSES][:1]
    if loose:
        cues += [t for t in verbs[:1] if t.pos_ == "VERB" and t not in cues]
    for tok in cues:
        subject = _subject(tok, q, toks) or _adjacent_subject(tok, window)
        if subject is None:
            continue
        lead = {t.i for t in subject.subtree}
        if any(t.i not in lead and not _nominal(t) for t in window if t.i < tok.i):
            continue  # "… as a "rift" between Seoul and Washington, saying …": not a cue of the quote
        return _Found(q, "direct", tok, subject)
    return _dash_source(q, window, toks.text)


_NAMING = frozenset({"titled", "entitled", "called", "named", "dubbed"})


def _named_thing(q: Quoted, toks: _Tokens) -> bool:
    """Quoted words right after a preposition, a possessive or a naming word (``on CBS's "Face the Nation,"
    Ryan said``, ``the spot, titled "Arrogant,"``) name a thing in the sentence: they are no quotation,
    whatever verb follows them."""
    j = toks.first_at(q.open) - 1
    while j >= 0 and toks.doc[j].is_space and "\n" not in toks.doc[j].text:
        j -= 1
    if j < 0:
        return False
    tok = toks.doc[j]
    return tok.dep_ in {"prep", "case"} or tok.tag_ == "POS" or tok.lower_ in _NAMING


def _adjacent_subject(cue: Token, window: list[Token]) -> Token | None:
    """The name next to a cue the parser gave no subject: ``Conway notes``, ``said Robin Maynard, half joking``.

    Words between the quotation and the cue are its subject; with none, the cue
    comes first and the name follows it.
    """
    before = [t for t in window if t.i < cue.i]
    while before and before[-1].is_punct:
        before.pop()  # "…," Flynn, a top Trump surrogate, said
    if before:
        if not _noun_like(before[-1]):
            return None
        within = {t.i for t in before}
        roots = [t for t in before if _noun_like(t) and t.head.i not in within]  # the phrase's head: "Flynn"
        return roots[0] if len(roots) == 1 else [t for t in before if _noun_like(t)][-1]
    run = []
    for tok in (t for t in window if t.i > cue.i):
        if tok.pos_ not in {"DET", "PROPN", "NOUN", "ADJ"} and tok.text != ".":
            break
        run.append(tok)
    names = [t for t in run if t.pos_ in {"PROPN", "NOUN"}]
    return names[-1] if names else None


_SIGNATURE = re.compile(r"[ \t]*\n+[ \t]*[-–—―][ \t]*(?=[A-Z])")


def _subject(cue: Token, q: Quoted, toks: _Tokens) -> Token | None:
    """The cue's subject, when it stands outside every quotation: words inside quotation marks (the title
    of a show, another quote) are never who speaks, whatever the parse hangs on the cue."""
    subject = subject_of(cue, outside=(q.open, q.close or q.end))
    return None if subject is None or toks.in_quote(subject.idx) else subject


def _signed_below(q: Quoted, toks: _Tokens) -> _Found | None:
    """A quotation signed on the line below: ``"Great speech…"`` / ``-President Obama, tweeting``."""
    if q.close is None:
        return None
    sign = _SIGNATURE.match(toks.text, q.close)
    if sign is None:
        return None
    names: list[Token] = []
    for tok in toks.doc[toks.first_at(sign.end()) :]:
        if tok.pos_ != "PROPN" and not (names and tok.text == "."):
            break
        names.append(tok)
    proper = [t for t in names if t.pos_ == "PROPN"]
    return _Found(q, "direct", None, proper[-1]) if proper else None


def _noun_like(tok: Token) -> bool:
    """A noun or pronoun, or a proper name the tagger gave another part of speech ("DeBoer said" as AUX)."""
    return bool(tok.pos_ in {"PROPN", "NOUN", "PRON"} or tok.tag_ in {"NNP", "NNPS"})


def _nominal(tok: Token) -> bool:
    """A word that can belong to a speaker's name or description, whatever the parser made of it."""
    return bool(
        tok.is_punct
        or tok.dep_ in {"advmod", "neg"}
        or tok.pos_ in {"NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"}
        or tok.text[:1].isupper()
    )


_NAME_PARTICLES = frozenset({"de", "van", "von", "da", "del", "la", "le", "bin", "al", "di", "du"})


def _dash_source(q: Quoted, window: list[Token], text: str) -> _Found | None:
    """``"…" ― Jorge Falcon``: a name after a dash, as under a pull quote."""
    if not window or not re.search(r"[―—–]", text[q.close or q.end : window[0].idx]):
        return None
    words = [t for t in window if not t.is_punct]
    if not words or not any(t.pos_ == "PROPN" for t in words):
        return None
    if not all(t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES for t in words):
        return None
    return _Found(q, "direct", None, words[-1], cue_text=None)


def _according(q: Quoted, window: list[Token]) -> _Found | None:
    """``according to X``: X is the noun phrase after "to"."""
    if len(window) < 3:
        return None
    head = window[2]
    last = window[-1].i
    while head.head is not head and window[1].i < head.head.i <= last:
        head = head.head
    return _Found(q, "direct", window[0], head, cue_text="according to")


def _lead_end(q: Quoted, toks: _Tokens) -> int:
    """Index of the last token before a quotation that may belong to its lead-in.

    A quotation that opens its paragraph takes its lead from the paragraph
    before when that one ends with a colon (``Caddell continued:`` / the quote),
    skipping lines of punctuation alone that some sites put between paragraphs.
    """
    text = toks.text
    j = toks.first_at(q.open) - 1
    line = text.rfind("\n", 0, q.open) + 1
    if line == 0 or text[line : q.open].strip():
        return j
    before = text[:line].rstrip()
    while True:
        cut = before.rfind("\n") + 1
        if cut == 0 or re.search(r"\w|:$", before[cut:]):
            break
        before = before[:cut].rstrip()
    return toks.first_at(len(before) - 1) if before.endswith(":") else j


def _before_cue(q: Quoted, toks: _Tokens, lexicon: Lexicon, floor: int) -> _Found | None:
    """``Esper said: "…"`` / ``He adds, "…"`` / ``Esper told reporters in Vietnam: "…"`` /
    ``Caddell continued:`` at the end of the paragraph before / ``Martell is more blunt: "…"``."""
    doc = toks.doc
    last = _lead_end(q, toks)
    if last >= 0:
        floor = max(floor, toks.text.rfind("\n", 0, doc[last].idx) + 1)
    j = last
    lead = []
    while j >= 0 and doc[j].idx >= floor:
        tok = doc[j]
        if (_is_end(tok) and tok.i != last) or toks.is_mark(tok):
            break
        if not tok.is_quote:
            lead.append(tok)
        j -= 1
    lead.reverse()
    while lead and (lead[-1].is_punct or lead[-1].is_space or lead[-1].lower_ == "that"):
        lead.pop()
    if not lead:
        return None
    mark_before = doc[last] if last >= 0 else None
    named = all(t.pos_ in {"PROPN", "NOUN"} and t.text[:1].isupper() for t in lead)
    if len(lead) <= 4 and named and mark_before is not None and mark_before.text == ":":
        return _Found(q, "direct", None, lead[-1])  # "Bush: "The mission is …""
    introduced = mark_before is not None and mark_before.text in {":", ","}
    for k in range(len(lead) - 1, -1, -1):
        tok = lead[k]
        classes = cue_classes(tok, lexicon)
        if classes & _DIRECT_CLASSES:
            if not (introduced or k == len(lead) - 1 or _governs(tok, q, toks)):
                return None
            if any(_is_clause(t) for t in lead[k + 1 :]):
                return None
            if passive_participle(tok):
                return None
            subject = _subject(tok, q, toks) or _inverted_subject(lead[k + 1 :])
            if subject is None and subject_of(tok, outside=(q.open, q.close or q.end)) is None:
                return None
            return _Found(q, "direct", tok, subject)  # a subject inside quotation marks: the speaker goes on
        if _is_clause(tok):
            break
    if mark_before is not None and mark_before.text == ":":
        return _colon_subject(q, lead)
    return None


_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def _colon_subject(q: Quoted, lead: list[Token]) -> _Found | None:
    """``Martell, the addictions doctor, is more blunt: "…"``: a clause about a person, closed by a colon,
    introduces what that person says. Only a person (a name, a personal pronoun, a person noun) speaks
    this way; ``The rules are simple: "…"`` has no speaker."""
    verbs = [t for t in lead if t.pos_ in {"VERB", "AUX"} and any(c.dep_ == "nsubj" for c in t.children)]
    if not verbs:
        return None
    subject = next(c for c in verbs[-1].children if c.dep_ == "nsubj")
    if subject.lower_ in _SPEAKING_PRONOUNS or subject.tag_ in {"NNP", "NNPS"} or person_noun(subject.lower_):
        return _Found(q, "direct", None, subject)
    return None


def _inverted_subject(after: list[Token]) -> Token | None:
    """``Said Ellis: "…"``: a cue before its subject, which is all that stands between it and the quote."""
    words = [t for t in after if not t.is_punct]
    if not words or not all(t.pos_ in {"PROPN", "NOUN", "DET", "ADJ"} for t in words):
        return None
    nouns = [t for t in words if t.pos_ in {"PROPN", "NOUN"}]
    return nouns[-1] if nouns else None


def _governs(cue: Token, q: Quoted, toks: _Tokens) -> bool:
    """Does the parse hang the quoted words straight off the cue (as its object or clause)?"""
    inside = toks.covering(q.start, q.end)
    span = {t.i for t in inside}
    return any(t.head.i == cue.i and t.dep_ in {"ccomp", "dobj", "xcomp", "parataxis"} for t in inside if t.i in span)


def _is_clause(tok: Token) -> bool:
    """A verb heading a clause of its own (not the cue's own dependents such as "told reporters")."""
    return tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass", "amod", "acl", "relcl", "prt"}


def _embedded(q: Quoted, toks: _Tokens, lexicon: Lexicon) -> _Found | None:
    """A partial quote: walk up from the quoted words to the reporting verb the sentence hangs on."""
    inside = toks.covering(q.start, q.end)
    if not inside:
        return None
    span = {t.i for t in inside}
    node = next((t for t in inside if t.head.i not in span or t.head is t), inside[0])
    low = toks.text.rfind("\n", 0, q.open) + 1
    high = toks.text.find("\n", q.end)
    high = len(toks.text) if high < 0 else high
    for _ in range(8):
        parent = node.head
        if not low <= parent.idx < high:
            return None  # the parser joined paragraphs: a cue is never in another paragraph
        if parent is node or (node.dep_ not in _PATH_DEPS and node.dep_ != "prep"):
            return None
        if node.dep_ == "prep" and parent.pos_ in {"NOUN", "PROPN", "PRON"}:
            return None  # "the characterization of the situation as a "rift""
        if node.dep_ == "pobj" and parent.head.pos_ in {"NOUN", "PROPN"} and parent.dep_ == "prep":
            return None
        if cue_classes(parent, lexicon) & _PARTIAL_CLASSES and (
            parent.idx < q.open or node.dep_ in {"ccomp", "oprd", "dobj"}
        ):
            subject = _subject(parent, q, toks)
            if subject is not None:
                return _Found(q, "partial", parent, subject)
        node = parent
    return None


def _is_title(q: Quoted, text: str, *, speech_comma: bool) -> bool:
    """Capitalised words and no question or exclamation: a title or a name ("Face the Nation.").

    A comma closing the words is a sign of speech only next to a cue (``"Absolutely," he said``,
    ``he says, "Don't you do it,"``); elsewhere American style sets it inside the marks after a
    title too (``appeared on "Last Week Tonight," where …``).
    """
    text = text[q.start : q.end].rstrip(" .")
    words = re.findall(r"[\w’']+", text)
    ending = {"!", "?", ":", ";"} | ({","} if speech_comma else set())
    if not words or len(words) > 10 or text[-1:] in ending:
        return False
    content = [w for w in words if len(w) > 3 or w[0].isupper()]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _goes_on(previous: _Found, q: Quoted, toks: _Tokens) -> bool:
    """Does ``q`` finish a quotation its cue interrupted (``"A?" Graham asked. "Neither do I."``)?

    So when the words between the two are the cue clause of the quotation before (its cue after it), in one
    paragraph, closed by a full stop, comma or colon, and ``q`` stands as speech: it begins a sentence (or
    goes on after a comma) and ends one. Short and capitalised words count here ("We're America."), which
    elsewhere could be a title.
    """
    text = toks.text
    close, cue = previous.quoted.close, previous.cue
    if close is None or cue is None or not close <= cue.idx < q.open:
        return False
    between = "".join(c for i, c in enumerate(text[close : q.open], close) if i not in toks.nickname_marks)
    if "\n" in between or _MARKS.search(between) or not re.search(r"[.,:]\s*$", between):
        return False
    words = text[q.start : q.end]
    opens = words[:1].isupper() or words[:1].isdigit() or between.rstrip().endswith(",")
    after = text[q.close :] if q.close is not None else "\n"
    ends = words.rstrip()[-1:] in {".", "!", "?", "…"} or re.match(r"[ \t]*(?:\n|$)", after) is not None
    return bool(opens and ends)


_MARKS = re.compile(r"``|''|[\"“”„«»]")


def _is_full(q: Quoted, toks: _Tokens) -> bool:
    """A quotation that stands as a sentence of its own: several words, a verb, at a sentence start."""
    inside = toks.covering(q.start, q.end)
    if len([t for t in inside if t.is_alpha]) < 4 or not any(t.pos_ in {"VERB", "AUX"} for t in inside):
        return False
    i = q.open - 1
    while i >= 0 and toks.text[i] in " \t":
        i -= 1
    return i < 0 or toks.text[i] in "\n.!?:”\"'"


def extract_quotes(doc: Doc, *, entities: Sequence[Entity] = (), title: str | None = None) -> tuple[Quote, ...]:
    """The quotes of a parsed text — quoted passages and reported speech — with their cues and speakers.

    The one implementation behind the quote stage and the spaCy component
    ``newsdesk_quotes``: a pure function of the parse and the text's
    ``entities`` (what :func:`~newsdesk.analyze.entities.extract_entities`
    gives), by which speakers get their canonical names. ``title``: the
    headline when the text opens with it, whose "Source: claim" form is
    reported speech with no verb ("Poll: …").
    """
    article = Article(id="", source="", text=doc_text(doc), entities=tuple(entities), title=title)
    text = article.text
    lexicon = load_lexicon()
    quoted = find_quoted(text)
    toks = _Tokens(doc, text, quoted)
    speakers = Speakers(article, doc, [(q.open, q.close or q.end) for q in quoted])
    headline = len(title) if title and text.startswith(title) else 0
    found: list[_Found | None] = []
    floor = 0
    previous: _Found | None = None
    for q in quoted:
        item = _after_cue(q, toks, lexicon)
        speech_comma = item is not None and item.cue is not None
        going_on = item is None and previous is not None and _goes_on(previous, q, toks)
        if going_on and previous is not None:  # "A?" Graham asked. "Neither do I.": the second half of one quote
            item = _Found(q, "direct", previous.cue, previous.subject, previous.cue_text, cue_span=previous.cue_span)
        if item is None:
            item = _before_cue(q, toks, lexicon, floor)
            speech_comma = item is not None and item.cue is not None and text[: q.open].rstrip()[-1:] in {",", ":"}
        if item is None:
            item = _embedded(q, toks, lexicon)
        if item is None and _is_full(q, toks):
            item = _Found(q, "direct")
        titled = q.open < headline and item is not None and item.kind == "direct" and item.subject is not None
        if item is not None and not (going_on or titled) and _is_title(q, text, speech_comma=speech_comma):
            item = None  # "Face the Nation", "The Apprentice": named things, even after "said on" (a headline
            # capitalises every word: there a quotation with its source is no title)
        found.append(item)
        previous = item or previous
        floor = q.close or q.end
    kept = [f for f in found if f is not None]
    for item in kept:
        if item.subject is not None:
            item.speaker = speakers.resolve(item.subject, item.cue)
    reported = reported_speech(article, doc, quoted, speakers, lexicon)
    _inherit(kept, reported, toks, speakers)
    quotes = [piece for item in kept for piece in _quotes(item, toks, speakers)]
    quotes.extend(reported)
    quotes.sort(key=lambda q: (q.start, q.end))
    return tuple(quotes)


def find_quotes(article: Article, doc: Doc, settings: Settings | None = None) -> Article:
    """The quote stage: fill ``article.quotes`` from the parse ``doc`` of ``article.text`` and its entities."""
    return article.copy_with(quotes=extract_quotes(doc, entities=article.entities, title=article.title))


_SEPARATOR_LINE = re.compile(r"(?m)^[^\w\n]+$")


def paragraph_breaks(text: str) -> int:
    """How many paragraph breaks a stretch of text holds; a line of punctuation alone (the " ." some
    sites put between paragraphs) is no paragraph."""
    return len(re.findall(r"\n\s*", _SEPARATOR_LINE.sub("", text)))


@dataclass(frozen=True)
class _Anchor:
    """An attribution a later quotation with no cue of its own may go on from."""

    end: int
    speaker: Speaker
    cue_text: str | None
    cue_span: tuple[int, int] | None


def _inherit(items: list[_Found], reported: list[Quote], toks: _Tokens, speakers: Speakers) -> None:
    """Quotes with no cue of their own go on from the last attribution before them, a quote or reported
    speech of the same or the previous paragraph (``Stubbs said the plan was sound.`` / ``"This is remote."``);
    else they are the words of the person the sentence before them is about (``But early on, he lost
    patients. "When somebody dies, you remember."``); else, in a feature with one voice, of that voice."""
    text = toks.text
    anchors = [
        _Anchor(
            max(q.end, q.cue_span[1] if q.cue_span else 0),
            Speaker(q.speaker, q.speaker_mention, q.via),
            q.cue,
            q.cue_span,
        )
        for q in reported
        if q.speaker is not None and q.cue_span is not None and _speechlike(toks, q.cue_span[0])
    ]
    anchors.sort(key=lambda a: a.end)
    ends = [a.end for a in anchors]
    previous: _Anchor | None = None
    for item in items:
        q = item.quoted
        if item.speaker is None and item.subject is None:
            k = bisect.bisect_right(ends, q.open) - 1
            candidates = [a for a in (previous, anchors[k] if k >= 0 else None) if a is not None and a.end <= q.open]
            source = max(candidates, key=lambda a: a.end) if candidates else None
            between = text[source.end : q.open] if source is not None else ""
            if source is not None and paragraph_breaks(between) <= 1 and len(between) < 600:
                item.speaker = source.speaker
                item.cue_text, item.cue_span = source.cue_text, source.cue_span
            else:
                subject = _sentence_subject(q, toks)
                if subject is not None:
                    item.subject = subject
                    item.speaker = speakers.resolve(subject)
                    if item.speaker.name is None:
                        item.speaker = None
        if item.speaker is not None and item.speaker.name is not None:
            cue_span = item.cue_span or (None if item.cue is None else (item.cue.idx, item.cue.idx + len(item.cue)))
            cue_text = item.cue_text or (None if item.cue is None else item.cue.text)
            previous = _Anchor(q.close or q.end, item.speaker, cue_text, cue_span)
    _one_voice(items)


def _speechlike(toks: _Tokens, pos: int) -> bool:
    """Does the cue at ``pos`` report words (said, argued, found, according to), not a plan or a belief?"""
    i = toks.first_at(pos)
    if i >= len(toks.doc):
        return False
    tok = toks.doc[i]
    return tok.lower_ == "according" or bool(cue_classes(tok) & {"speech", "stance", "evidence"})


def _sentence_subject(q: Quoted, toks: _Tokens) -> Token | None:
    """The person a quotation's paragraph is about just before it: the main subject of the narrative sentence
    right before the quotation, in its own paragraph, when that subject is a person (a name or he/she)."""
    doc, text = toks.doc, toks.text
    line = text.rfind("\n", 0, q.open) + 1
    if not text[line : q.open].strip():
        return None
    i = toks.first_at(q.open) - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct) and "\n" not in doc[i].text:
        i -= 1
    if i < 0 or doc[i].idx < line or doc[i].is_quote:
        return None
    sent = doc[i].sent
    roots = [t for t in sent if t.dep_ == "ROOT" and t.idx >= line]
    if not roots or roots[0].pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in roots[0].children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].dep_ == "nsubjpass":
        return None
    subject = subjects[0]
    if subject.lower_ in {"he", "she"} or subject.tag_ in {"NNP", "NNPS"}:
        return subject
    return None


def _one_voice(items: list[_Found]) -> None:
    """A feature's single interviewee, quoted again and again with no cue: when every attributed quotation
    of the article is one person's (three at least), the quotations with no speaker are theirs too."""
    named = [item.speaker.name for item in items if item.speaker is not None and item.speaker.name is not None]
    if len(named) < 3 or len(set(named)) != 1:
        return
    voice = next(item.speaker for item in items if item.speaker is not None and item.speaker.name is not None)
    for item in items:
        if item.speaker is None and item.subject is None:
            item.speaker = Speaker(voice.name, None)


_REOPEN = re.compile(r"\s*(?:``|''|[\"“”„«])?\s*")
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}):\s+(?=\S)")


def _quotes(item: _Found, toks: _Tokens, speakers: Speakers) -> list[Quote]:
    """The quotes of one attributed passage: one per paragraph, as a reader (and every annotation) counts
    them, each with the passage's speaker and cue.

    A quotation that runs over several paragraphs reopens each one with a mark; each paragraph is a quote
    of its own, so that every quote stays inside one paragraph and links to its own sentence. A paragraph
    that opens with a speaker's label in capitals (``PENCE: Well, …``, as in a quoted transcript) is that
    speaker's words, after the label.
    """
    text = toks.text
    q = item.quoted
    end = q.end
    while end > q.start and text[end - 1] in ", \u2014":
        end -= 1
    pieces = [(q.start, end)]
    if "\n" in text[q.start : end]:
        pieces = []
        for m in re.finditer(r"[^\n]+", text[q.start : end]):
            reopen = _REOPEN.match(m.group())
            start = q.start + m.start() + (reopen.end() if reopen else 0)
            stop = q.start + m.end()
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if re.search(r"\w", text[start:stop]):
                pieces.append((start, stop))
    out = []
    for start, stop in pieces:
        speaker = item.speaker
        label = _TRANSCRIPT_LABEL.match(text, start, stop) if len(pieces) > 1 else None
        if label is not None:
            speaker = speakers.labelled(label.start(1), label.end(1))
            start = label.end()
        out.append(_quote(item, text, start, stop, speaker))
    return out


def _quote(item: _Found, text: str, start: int, end: int, speaker: Speaker | None) -> Quote:
    cue = item.cue
    cue_span = item.cue_span or (None if cue is None else (cue.idx, cue.idx + len(cue)))
    cue_text = item.cue_text or (None if cue is None else cue.text)
    if item.cue_text == "according to" and cue is not None:
        cue_span = (cue.idx, cue.idx + len("according to"))
    speaker = speaker or Speaker(None, None)
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        kind="partial" if item.kind == "partial" else "direct",
        speaker=speaker.name,
        speaker_mention=speaker.mention,
        cue=cue_text,
        cue_span=cue_span,
        via=speaker.via,
    )


def inside_reported(quotes: Sequence[Quote]) -> set[int]:
    """Indices of the quotes a reader sees inside another one of the same speaker: a partial quote inside
    reported speech (``said the alliance was "iron clad"``) and reported speech inside a longer report.

    The desk shows each of these once, inside the report that holds it, never as entries of their own.
    """
    reported = [(q.start, q.end, q.speaker) for q in quotes if q.kind == "indirect"]
    return {
        i
        for i, q in enumerate(quotes)
        if q.kind != "direct"
        and any(
            s <= q.start and q.end <= e and (s, e) != (q.start, q.end) and who == q.speaker for s, e, who in reported
        )
    }
