"""Reported speech: what a source said, believed or found, without quotation marks.

``Mr Esper said the two sides had discussed exercises``, ``diplomats warned the
talks did not mean …``, ``a news report earlier said that …``, ``…, according to
show insiders``, and beyond speech verbs, in the broad sense political
reporting uses: ``the poll found that …``, ``Clinton blasted him for not
paying income tax``, ``he figures that …``, ``Trump vowed to …``.

The content is a complement of a cue in the lexicon
(:mod:`newsdesk.analyze.cues`), chosen by the cue's class: a clause ("said
that …") for every class, a to-clause for promises and plans, a direct object
for speech, stance, evidence and intent verbs whose object is what was said ("outlined
his plan"), never for those whose object is the person addressed ("told
reporters"), the topic of a speech verb with no object ("complained about
his mic"), and a judging verb's person ("accused Clinton of …", not
"supported Clinton"), what someone wants or offers. Beyond verbs: a noun of
saying with a clause of its own ("Trump's claim that …", "expressed concern
that …"), and a passive cue's "by" phrase ("endorsed by dozens of papers").
Content that opens inside quotation marks is left to the
direct-quote rules unless a "that" opens it ("tweeted that, “For those …”");
content that only carries quoted words is reported speech with partial quotes
in it. An attribution told inside another's content is part of that report,
not one of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdesk.analyze.cues import (
    Lexicon,
    across_paragraphs,
    cue_classes,
    particles,
    passive_participle,
    reporting_conjunct,
    subject_of,
)
from newsdesk.analyze.persons import DOCUMENT_NOUNS
from newsdesk.analyze.quotemarks import Quoted
from newsdesk.analyze.speakers import Speaker, Speakers
from newsdesk.model import Article, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["reported_speech"]


_OBJECT_CLASSES = frozenset({"speech", "stance", "evidence"})
_CLAUSE_CLASSES = frozenset({"speech", "stance", "evidence", "belief", "intent"})
_TO_CLAUSE_CLASSES = frozenset({"intent"})
_OBJECT_PREPS = frozenset({"for", "over", "as", "about", "against", "on", "of"})
_REASON_PREPS = frozenset({"for", "as", "over", "about", "against"})
_TOPIC_PREPS = frozenset({"about", "of", "against"})
_TOPIC_ONLY = frozenset({"write"})
"""Speech verbs whose "about" is a beat, not what was said ("she writes about style and culture")."""
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_JUDGE_PERSONS = frozenset(
    """
    accuse charge criticize criticise praise congratulate challenge ridicule slam denounce condemn brand attack
    blame chide rebuke scold mock lambaste blast fault berate endorse
    """.split()
)
"""Judging verbs whose person object is judged in words ("accused Clinton"), unlike "supported Clinton"."""
_NOT_SOURCES = frozenset({"it", "there", "this", "that", "what", "which", "who"})


def _that_before(run: Sequence[Token], span: tuple[int, int]) -> int | None:
    """Start of the complementizer "that" the content opens with ("said that …"), if it has one."""
    for t in run:
        if t.idx >= span[0]:
            return None
        if t.lower_ == "that" and t.dep_ == "mark":
            return int(t.idx)
    return None


def _span(tokens: Sequence[Token], text: str) -> tuple[int, int] | None:
    """Character span of a token run, trimmed of edge punctuation and a leading "that"."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space or (toks[0].lower_ == "that" and toks[0].dep_ == "mark")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks = toks[:-1]  # "promised to build the bridge and": the parser may leave the next clause's "and"
    if len(toks) < 2:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    unbalanced = text.count("“", start, end) > text.count("”", start, end) or text.count('"', start, end) % 2 == 1
    if unbalanced and end < len(text) and text[end] in '”"':
        end += 1  # keep the closing mark of a partial quote the content ends with
    return start, end


_CONCESSIVE = frozenset({"although", "though", "despite", "notwithstanding", "whereas", "while", "even"})


def _aside(tok: Token) -> bool:
    """A trailing clause that is the reporter's, not the source's: "…, despite suggestions that …",
    "…, though she acknowledged …"."""
    if tok.dep_ == "prep":
        return tok.lower_ in _CONCESSIVE
    if tok.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in tok.children) or any(
            c.dep_ == "advmod" and c.lower_ == "even" for c in tok.children
        )
    return False


def _subtree_run(doc: Doc, nodes: Sequence[Token]) -> tuple[int, int]:
    """Tokens covered by the nodes' subtrees, less a trailing concessive aside of the last node."""
    start = min(n.left_edge.i for n in nodes)
    last = max(nodes, key=lambda n: n.right_edge.i)
    asides = [c for c in last.rights if _aside(c)]
    if asides:
        end = asides[0].left_edge.i
        kept = [n for n in nodes if n is not last]
        end = max([end, *(n.right_edge.i + 1 for n in kept)])
        if end > start:
            return start, end
    return start, max(n.right_edge.i for n in nodes) + 1


def _second_infinitive(doc: Doc, end: int, cue: Token) -> int:
    """``promising to meet and in some cases exceed his goals``: a bare verb after "and" that the parser hung
    higher up is the to-clause's second verb (the cue, finite or a participle, is not coordinated with a bare
    verb). Returns the content's new end."""
    if end >= len(doc) or doc[end].dep_ != "cc" or doc[end].lower_ not in {"and", "or"}:
        return end
    for tok in doc[end + 1 : min(len(doc), end + 6)]:
        if tok.pos_ in {"VERB", "AUX"}:
            bare = tok.tag_ in {"VB", "VBP"} and tok.dep_ == "conj" and cue.tag_ not in {"VB", "VBP"}
            if bare and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) and tok.head.i <= cue.i:
                return int(tok.right_edge.i) + 1
            return end
        if tok.is_punct:
            return end
    return end


def _small_clause(clause: Token) -> bool:
    """A bare infinitive with no complementizer, auxiliary or "to" ("saw the ferry leave")."""
    return clause.tag_ == "VB" and not any(c.dep_ in {"mark", "aux", "auxpass"} for c in clause.children)


def _content(cue: Token, classes: frozenset[str], lexicon: Lexicon) -> tuple[int, int] | None:
    """Token range of what the cue reports, or None when it reports nothing we can delimit."""
    doc = cue.doc
    children = [c for c in cue.children if not across_paragraphs(c, cue)]  # the parser may run on into the next
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if clauses and classes & _CLAUSE_CLASSES:
        clause = clauses[-1]
        if "speech" not in classes and _small_clause(clause):
            return None  # "saw the ferry leave", "heard her sing": a thing seen, not a proposition
        first = next(iter(clause.children), None)
        if any(c.dep_ == "neg" for c in children) and first is not None and first.lower_ in {"whether", "if"}:
            return None  # "did not say whether …" reports nothing
        objects = [c for c in children if c.dep_ == "dobj" and cue.i < c.i < clause.i]
        if objects and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children):
            return _subtree_run(doc, [*objects, clause])  # "warned the talks did not mean …": a misparsed subject
        start, end = _subtree_run(doc, [clause])
        own = [c for c in clause.children if c.dep_ == "conj" and _same(reporting_conjunct(c), cue)]
        if own:  # "says he respects her and calls her …": the second act is the source's, not part of what was said
            end = min(end, own[0].left_edge.i)
            while end > start and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
                end -= 1
        return start, end
    suffixes = ("", *(f"_{p.lower_}" for p in particles(cue)))
    hearer = any(f"{cue.lemma_}{suffix}" in lexicon.hearer for suffix in suffixes)
    to_clauses = [c for c in children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
    if to_clauses and (classes & _TO_CLAUSE_CLASSES or hearer):
        clause = to_clauses[-1]
        if cue_classes(clause, lexicon, reported=True):
            return None  # "declined to confirm that …": the inner verb reports it
        start, end = _subtree_run(doc, [clause])
        return start, _second_infinitive(doc, end, cue)
    if "speech" in classes and cue.lemma_ not in _TOPIC_ONLY and not any(c.dep_ == "dobj" for c in children):
        # "complained about his mic", "warned against potential hackers": what the speech was about
        topics = [c for c in children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i > cue.i]
        about = [g for c in topics[:1] for g in c.children if g.dep_ in {"pobj", "pcomp"}]
        if about:
            return _subtree_run(doc, about)
    if hearer or cue.lemma_ in lexicon.clause_only or not (classes & _OBJECT_CLASSES or _person_wants(cue)):
        return None
    parts = [c for c in children if c.dep_ in {"dobj", "oprd"} and c.i > cue.i]
    parts += [c for c in children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and c.i > cue.i and parts]
    phrasal = [p for p in particles(cue) if f"{cue.lemma_}_{p.lower_}" in lexicon.classes]
    if not parts and phrasal:
        parts = [*phrasal[0].children, *(c for c in children if c.dep_ == "xcomp")]
    if not parts or all(p.pos_ == "PRON" and p.n_lefts + p.n_rights == 0 for p in parts):
        return None
    noun = _noun_cue(parts[0]) if parts[0].dep_ == "dobj" else None
    if noun is not None and _same(subject_of(cue), noun[1]):
        return None  # "expressed concern that …": the noun's own clause is what the same source said
    # "called the citation a ploy", "criticized the union for …": a judgement of the object is what was said
    reasons = [p for p in parts if p.dep_ == "oprd" or (p.dep_ == "prep" and p.lower_ in _REASON_PREPS)]
    if parts[0].dep_ == "dobj" and not reasons and not _proposition(parts[0], classes):
        return None  # "Esper rejected the report": the content of "rejected" is a thing, not what was said
    return _subtree_run(doc, parts)


_WANTS = frozenset({"want", "offer", "seek"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})


def _person_wants(cue: Token) -> bool:
    """``Democrats want policies that …``, ``Trump offered no proof``: what a person wants or offers is their
    position; what a firm or a thing offers is goods ("Tesla is offering sports car-like performance")."""
    if cue.lemma_ not in _WANTS:
        return False
    subject = subject_of(cue)
    return subject is not None and (subject.ent_type_ in {"PERSON", "NORP"} or subject.lower_ in _PERSONAL)


_LITERAL_STANCES = frozenset(
    "see push press tie link paint frame target compare liken call thank welcome credit".split()
)
"""Stance verbs with a bodily sense or a person for object ("called his lawyer", "thanked the dockers"); their
object is a stance only when it is something said."""

_PROPOSITIONS = frozenset(
    """
    remark comment claim allegation accusation charge idea notion plan proposal policy position view stance
    decision agenda argument call demand warning promise pledge threat offer request suggestion theory message
    question concern criticism case point need conclusion assessment finding belief opinion account version
    """.split()
)
"""Nouns that stand for something said or thought ("rejected the claim", "cited concerns")."""


def _proposition(obj: Token, classes: frozenset[str]) -> bool:
    """Is a cue's direct object something said (a claim, remarks, a clause), not a thing or a person?

    A document ("rejected the report"), a name or a pronoun is a thing the source acted on; a judging
    verb ("supported", "backed", "targeted") reports speech only when its object is an utterance
    ("backed the proposal", "criticized the remarks"). An object with a clause of its own ("remarks
    Trump had made", "the claim that …") says what was said.
    """
    if any(c.dep_ in {"acl", "relcl", "ccomp"} for c in obj.children):
        return True
    if obj.head.lemma_ in _JUDGE_PERSONS and (obj.pos_ == "PROPN" or obj.ent_type_ in _NAMED):
        return True  # "accused Clinton", "praised Ana Lind": a judgement of someone, in words
    if obj.lower_ in DOCUMENT_NOUNS or obj.pos_ in {"PRON", "PROPN"} or obj.ent_type_:
        return False
    if "stance" in classes and not classes & {"speech", "evidence"}:
        # "backed the toll increase", "opposed the merger": a stance on a thing, in words; a verb with a
        # bodily sense ("saw the ferry", "pushed the cart") only on something said
        literal = obj.head.lemma_ in _LITERAL_STANCES
        return obj.lemma_.lower() in _PROPOSITIONS or (obj.pos_ == "NOUN" and not literal)
    return True


def _parenthetical(cue: Token, classes: frozenset[str]) -> bool:
    """``The museum, Mr. Bush said, celebrated his heroes`` / ``…, Graham said, since …``: a speech cue set
    into the clause it reports (the parser hangs it off that clause's verb), subject of its own, no object."""
    if cue.dep_ != "parataxis" or not classes & {"speech", "stance", "evidence", "belief"}:
        return False
    if cue.head.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in cue.children):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)


def _as_clause(cue: Token, classes: frozenset[str]) -> bool:
    """``As the Times noted, Clinton raised …``, ``…, as her supporters point out``: a speech cue in an "as"
    clause of its own, with a subject and nothing it reports, vouches for the clause it hangs on."""
    if cue.dep_ != "advcl" or cue.head.pos_ not in {"VERB", "AUX"} or not classes & {"speech", "evidence"}:
        return False
    kids = list(cue.children)
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) or any(c.dep_ in _REPORTS for c in kids):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in kids)


_REPORTS = frozenset({"dobj", "ccomp", "xcomp"})


def _around(cue: Token) -> tuple[int, int]:
    """The clause an "as" cue hangs on, less the "as" clause itself (before or after it)."""
    start, end = _subtree_run(cue.doc, [cue.head])
    left, right = cue.left_edge.i, cue.right_edge.i + 1
    if left <= start:
        return right, end
    return start, min(end, left)


def _same(a: Token | None, b: Token) -> bool:
    """The same token? (spaCy makes a new Token object on every access, so ``is`` never holds.)"""
    return a is not None and a.i == b.i


def _it_source(subject: Token, classes: frozenset[str]) -> bool:
    """``It says the campaign violated …``, ``it backed Clinton``: "it" as the active subject of a speech,
    stance or evidence verb is an organisation or a document that speaks (never "it seems", "it is said")."""
    return subject.lower_ == "it" and subject.dep_ == "nsubj" and bool(classes & {"speech", "evidence", "stance"})


def _relative(subject: Token) -> Token | None:
    """The noun a relative pronoun subject stands for ("listeners who said", "a report which found"), if it is one."""
    clause = subject.head
    if subject.tag_ not in {"WP", "WDT"} or clause.dep_ != "relcl" or clause.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    return clause.head


_SAYING_NOUNS = frozenset(
    """
    claim allegation accusation charge assertion insistence argument contention suggestion warning promise pledge
    vow threat determination notion theory agreement acknowledgment acknowledgement admission concern fear hope
    belief view conviction suspicion doubt expectation prediction conclusion finding announcement statement
    message emphasis eagerness reluctance refusal demand call assurance complaint criticism insinuation speculation
    """.split()
)
"""Nouns of saying and thinking whose complement clause is what was said: "Trump's claim that …", "his
determination to act alone", "warnings from his attorney that …"."""

_LIGHT_DEPS = frozenset({"dobj", "attr"})


def _noun_cue(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """``Trump's claim that there were …``, ``the decision by the FBI to …``, ``Republicans have expressed
    concern that …``: a noun of saying with a that- or to-clause of its own; the content is the clause, the
    source the noun's possessor, its "by"/"from" phrase, or the subject of the verb it is the object of."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _SAYING_NOUNS:
        return None
    clauses = [c for c in tok.rights if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}]
    clause = next((c for c in clauses if _complement(c)), None)
    if clause is None:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None:
        agents = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} and c.i < clause.i]
        source = next((g for a in agents for g in a.children if g.dep_ == "pobj"), None)
    if source is None and tok.dep_ in _LIGHT_DEPS and tok.head.pos_ in {"VERB", "AUX"}:
        source = subject_of(tok.head)
    if source is None:
        return None
    return _subtree_run(tok.doc, [clause]), source


def _complement(clause: Token) -> bool:
    """A that-clause ("that the port was unsafe") or a to-clause ("to act alone"), not a relative clause."""
    kids = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return True
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)


def _by_agent(cue: Token, classes: frozenset[str]) -> tuple[tuple[int, int], Token] | None:
    """``Clinton has been endorsed by dozens of papers``, ``the issue was first reported by The Post``: a
    passive cue with a "by" agent reports its subject, and the agent is the source."""
    if not classes & {"speech", "stance", "evidence"}:
        return None
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i]
    agents = [g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not subjects or not agents or subjects[0].lower_ in _NOT_SOURCES:
        return None
    return _subtree_run(cue.doc, subjects[:1]), agents[0]


def _active_subject(cue: Token) -> Token | None:
    """The cue's subject, none for a bare passive participle ("Asked whether …, Esper said")."""
    return None if passive_participle(cue) else subject_of(cue)


def _according(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """``…, according to X`` / ``According to X, …``: the rest of the sentence, and X's head."""
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    sent = tok.sent
    source = doc[tok.i + 2]
    while source.head is not source and tok.i + 1 < source.head.i < sent.end and source.head.pos_ != "VERB":
        source = source.head
    phrase_end = max(source.right_edge.i + 1, tok.i + 3)
    before, after = (sent.start, tok.i), (phrase_end, sent.end)
    best = max((before, after), key=lambda r: r[1] - r[0])
    return best, source


def reported_speech(
    article: Article, doc: Doc, quoted: Sequence[Quoted], speakers: Speakers, lexicon: Lexicon
) -> list[Quote]:
    """Every reported-speech quote of one article (kind ``indirect``)."""
    text = article.text
    out: dict[tuple[int, int], Quote] = {}
    for tok in doc:
        aside = False
        classes: frozenset[str] = frozenset()
        subject: Token | None
        if speakers.in_quote(tok.idx):
            continue
        found = _according(tok)
        noun = None if found is not None else _noun_cue(tok)
        if found is not None:
            (a, b), subject = found
            cue_text, cue_span = "according to", (tok.idx, doc[tok.i + 1].idx + len(doc[tok.i + 1]))
        elif noun is not None:
            (a, b), subject = noun
            cue_text, cue_span = tok.text, (tok.idx, tok.idx + len(tok))
        else:
            classes = cue_classes(tok, lexicon, reported=True)
            if not classes:
                continue
            passive = _by_agent(tok, classes)
            rng: tuple[int, int] | None = passive[0] if passive is not None else _content(tok, classes, lexicon)
            aside = rng is None and _parenthetical(tok, classes)
            if aside:
                rng = _subtree_run(doc, [tok.head])
            elif rng is None and _as_clause(tok, classes):
                rng = _around(tok)
            subject = passive[1] if passive is not None else _active_subject(tok)
            if rng is None or subject is None:
                continue
            a, b = rng
            cue_text, cue_span = tok.text, (tok.idx, tok.idx + len(tok))
        relative = _relative(subject) if found is None and "speech" in classes else None
        if (subject.lower_ in _NOT_SOURCES and relative is None and not _it_source(subject, classes)) or (
            a <= subject.i < b and not aside
        ):
            continue
        low, high = text.rfind("\n", 0, cue_span[0]) + 1, text.find("\n", cue_span[0])
        high = len(text) if high < 0 else high
        run = [t for t in doc[a:b] if low <= t.idx < high]  # never beyond the cue's paragraph
        span = _span(run, text)
        if span is None:
            continue
        that = _that_before(run, span)
        if _opens_quoted(span, quoted):
            if that is None:
                continue
            span = (that, span[1])  # "tweeted that, “For those …”": a clause that only opens with quoted words
        speaker = speakers.resolve(relative or subject, None if found is not None or noun is not None else tok)
        if relative is not None:  # "listeners who said …": the listeners speak, through the words "who"
            speaker = Speaker(speaker.name, Mention(subject.text, subject.idx, subject.idx + len(subject)), speaker.via)
        out.setdefault(
            span,
            Quote(
                text=text[span[0] : span[1]],
                start=span[0],
                end=span[1],
                kind="indirect",
                speaker=speaker.name,
                speaker_mention=speaker.mention,
                cue=cue_text,
                cue_span=cue_span,
                via=speaker.via,
            ),
        )
    for quote in _headline(article, doc, quoted, speakers):
        out.setdefault((quote.start, quote.end), quote)
    return _outer_only(list(out.values()))


_HEADLINE_SOURCES = frozenset({"poll", "polls", "survey", "study", "report", "newspaper", "insiders", "sources"})
_SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _headline(article: Article, doc: Doc, quoted: Sequence[Quoted], speakers: Speakers) -> list[Quote]:
    """``Pat Caddell: Democrat voters worried …``, ``Poll: Clinton and Trump in dead heat``: a headline that
    names its source before a colon reports what the source said, with no verb at all.

    Only the article's own title line, and only when the part before the colon is a name (proper nouns that
    the entity stage labelled a person, organisation or place, a title such as "Dr." before it) or a poll,
    a survey, a study; never "The Latest:" nor "Stealth Over Health:".
    """
    title, text = article.title, article.text
    if not title or not text.startswith(title):
        return []
    colon = title.find(":")
    if colon <= 0 or colon > 60:
        return []
    source = [t for t in doc if t.idx < colon and not t.is_space]
    if not 1 <= len(source) <= 6 or source[0].lower_ in {"the", "a", "an"}:
        return []
    last = source[-1]
    entity = speakers.entity_at(last.idx, last.idx + len(last))
    named = all(t.pos_ == "PROPN" or t.is_punct for t in source) and entity is not None
    if not (named and entity is not None and entity.label in _SOURCE_LABELS) and last.lower_ not in _HEADLINE_SOURCES:
        return []
    span = _span([t for t in doc if colon < t.idx < len(title)], text)
    if span is None or _opens_quoted(span, quoted):
        return []
    speaker = speakers.resolve(last)
    return [
        Quote(
            text=text[span[0] : span[1]],
            start=span[0],
            end=span[1],
            kind="indirect",
            speaker=speaker.name,
            speaker_mention=speaker.mention,
            cue=":",
            cue_span=(colon, colon + 1),
        )
    ]


def _outer_only(quotes: list[Quote]) -> list[Quote]:
    """Drop an attribution told inside another's content: it is part of that report, whoever its source
    ("Stein said she plans to …", "Clinton said she thinks …", "Palmieri said Clinton will address …"). Gold
    sets count the outer report; an inner one on its own was right about one time in six on PolNeAR."""
    kept = []
    for q in quotes:
        assert q.cue_span is not None
        start, cue = q.start, q.cue_span[0]
        if not any(o is not q and o.start <= cue < o.end and o.start <= start and q.end <= o.end for o in quotes):
            kept.append(q)
    return kept


def _opens_quoted(span: tuple[int, int], quoted: Sequence[Quoted]) -> bool:
    """Does the content open inside quotation marks? Then it is a direct quote, left to the direct rules;
    reported speech that only carries quoted words ("said he had "very serious concerns"") stays."""
    start = span[0]
    return any(q.open <= start < (q.close or q.end) for q in quoted)
