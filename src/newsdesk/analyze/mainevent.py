"""The main event of an article: who did what, when, where, why and how.

News is written top-down: the headline and the lead say what happened, the
rest adds detail. The main event is read from them, as a journalist's 5W1H:

1. **Which clause.** The headline (parsed on its own: a headline is no
   sentence of the body, and a Title Case one is put in sentence case first,
   a word keeping its capital only where the body writes it so) and the first
   sentences of the body give candidate clauses: each verb that heads a
   clause, and the content of a report ("police said the driver *was
   arrested*"). A candidate scores for its place (headline, lead, then less
   each sentence), for a named actor, and for agreeing with the other of
   headline and lead (the same verb or actor); it loses for a pronoun or
   missing subject, for a bare statement ("said") or a copula, and for a
   negated, hypothetical or rumoured verb. The best one is the main event.
2. **Who and what.** *Who* is the one who acted (the agent of a passive;
   for an organisation's statement, the person the lead says made it for the
   organisation), named canonically where the entity stage knows the
   entity; *what* is the
   verb with its object and the complements that carry its meaning, less the
   phrases that answer where, when, why or how.
3. **When** is a date expression of that clause, else of the headline or the
   lead's sentences (a day or a time first), else the publication date. A
   weekday the dates stage resolved forward, for a verb in the past tense, is
   taken as the one before ("Saturday" in a Sunday paper's "said on Saturday").
4. **Where** is a place phrase of the clause ("in Kessel, north Velmora"),
   else of the headline or lead, else the first place named in the first
   sentences that is not the dateline.
5. **Why** is a cause or purpose: a clause of "because", "after", "as", "since",
   a phrase of "due to", "over", "amid", "in retaliation for", a "for" + gerund
   after blaming or praising, an infinitive of purpose, the thing a verb of
   blame names ("blamed the loss *on X*") — in the clause, else in the
   headline, else a strong cause marker, a motive ("a revenge attack") or a
   verb of blame in the first sentences.
6. **How** is the manner: "by" + gerund, "with" or "using" + an instrument,
   "despite …", a manner adverb — in the clause, else in the headline or lead;
   else the act that caused a harm ("killed when a bus *overturned*"), the
   weapon of an attack, or the event's own verb.

Every answer is a phrase of the article with its span; the sentence of the
chosen clause is cited.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from newsdesk.analyze import circumstances
from newsdesk.analyze.cameo import Lexicon, code_verb, load_lexicon
from newsdesk.analyze.clauses import (
    clause_subject,
    is_complement,
    modality,
    noun_phrase,
    questions,
    summary,
    verb_group,
)
from newsdesk.analyze.headline import (
    BREAKS,
    STOP_WORDS,
    SUBORDINATORS,
    content_words,
    left_span,
    stem,
    title_predicates,
)
from newsdesk.analyze.phrases import clip, contiguous, with_object_preps
from newsdesk.analyze.view import ACTOR_LABELS, ArticleView, Clause, passive
from newsdesk.model import Article, MainEvent, Phrase

__all__ = ["find_main_event"]


_COPULAS = frozenset({"be", "have", "seem", "become", "remain"})
_SEGMENT_WEIGHT = (1.3, 0.9, 0.55, 0.4, 0.3)
_TITLE_FLOOR = 0.9
_NOT_WHAT = frozenset(
    "nsubj nsubjpass csubj agent punct cc conj mark parataxis appos aux auxpass neg prt relcl acl advmod "
    "npadvmod dep intj".split()
)
_RELATIVES = frozenset({"who", "which", "that"})
_PRONOUNS = frozenset("i me we us you he him she her it they them this that who which what".split())


def _heads(tokens: list[Token]) -> Iterator[tuple[Token, bool]]:
    """The predicates heading clauses of a sentence, and whether each is the content of a report."""
    if not tokens:
        return
    lo, hi = tokens[0].i, tokens[-1].i
    with_subject = {t.head.i for t in tokens if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i != t.i}
    for tok in tokens:
        has_subject = tok.i in with_subject  # (read from the subjects: a token's children cost more)
        root = tok.head.i == tok.i or not lo <= tok.head.i <= hi
        if not (has_subject or (root and tok.pos_ in {"VERB", "AUX"}) or (tok.dep_ == "conj" and tok.pos_ == "VERB")):
            continue
        if tok.pos_ not in {"VERB", "AUX"} and not has_subject:
            continue
        head = tok.head
        reported = tok.dep_ == "ccomp" and head.i != tok.i and head.pos_ in {"VERB", "AUX"}
        yield tok, reported


class _Reader(ArticleView):
    """The view, with the clauses of the headline and lead scored, and who and what read from them."""

    def __init__(self, article: Article, doc: Doc, head_doc: Doc | None, lexicon: Lexicon) -> None:
        super().__init__(article, doc, head_doc, lexicon)
        self._words: dict[tuple[int, int], set[str]] = {}
        self._questions: dict[int, Any] = {}

    def clauses(self) -> list[Clause]:
        title = self.title_tokens()
        body = self.body_sentences()
        body_verbs = {t.lemma_.lower() for s in body for t in s if t.pos_ == "VERB"}
        body_verbs |= {stem(t.lower_) for s in body for t in s if t.pos_ == "VERB"}
        words = content_words(title)
        out = []
        seen: set[int] = set()
        breaks = [t.i for t in title if t.lower_ in SUBORDINATORS]
        actor = lambda t: self.is_actor(t) or self.acts(t)  # noqa: E731
        event_verbs = frozenset(self.lexicon.patterns)
        for verb, subject, shallow in title_predicates(title, body_verbs, actor, event_verbs):
            if verb.i not in seen:
                seen.add(verb.i)
                low = subject.i if subject is not None else verb.i
                late = any(low > b for b in breaks)
                out.append(Clause(verb, 0, subject, shallow=shallow, subordinate=late))
        shallow_verbs = {c.verb.i for c in out if c.shallow}
        out = [c for c in out if c.shallow or c.subject is None or c.subject.i not in shallow_verbs]
        # ("Mara Quill stages protest": the parser's subject "stages" is the verb it mistook for a noun)
        for n, tokens in enumerate(body, 1):
            for verb, reported in _heads(tokens):
                out.append(Clause(verb, n, self.subject_of(verb), reported))
        for c in out:
            c.score = self.score(c, words, body_verbs)
        return out

    def _asked(self, doc: Doc) -> Any:
        found = self._questions.get(id(doc))
        if found is None:
            found = self._questions.setdefault(id(doc), questions(doc))
        return found

    def _sentence_words(self, segment: int) -> set[str]:
        """The content words of a body sentence (read once per sentence)."""
        key = (segment, 0)
        found = self._words.get(key)
        if found is None:
            found = self._words.setdefault(key, content_words(self.body_sentences()[segment - 1]))
        return found

    def score(self, c: Clause, title_words: set[str], body_verbs: set[str]) -> float:
        verb = c.verb
        score = _SEGMENT_WEIGHT[min(c.segment, len(_SEGMENT_WEIGHT) - 1)]
        subject = c.subject
        if subject is None:
            score -= 0.6
        elif subject.pos_ == "PRON":
            score -= 0.5
        else:
            entity = self.entity(subject)
            score += 0.3 if entity is not None and entity.label in ACTOR_LABELS else 0.1
        lemma = verb.lemma_.lower()
        code = code_verb(verb, lexicon=self.lexicon)
        if lemma in _COPULAS or verb.pos_ == "AUX":
            score -= 0.35
        if code is not None and code.root == "01" and not c.reported:
            score -= 0.5
        if modality(verb, asked=self._asked(verb.doc)) is not None:
            score -= 0.4
        if c.segment and (is_complement(verb) or verb.dep_ in {"advcl", "relcl", "acl", "pcomp"}):
            score -= 0.5
        if verb.tag_ == "VBG" and not any(ch.dep_ == "aux" for ch in verb.children):
            score -= 0.3
        if c.segment == 0:
            score += 0.3 if lemma in body_verbs else 0.0
            score -= 0.3 if c.shallow else 0.0
            score -= 0.5 if c.subordinate else 0.0
        elif title_words:
            shared = len(title_words & self._sentence_words(c.segment))
            score += 0.6 * min(1.0, shared / max(3, len(title_words) / 2))
        return score

    def who(self, clause: Clause, lead: Clause | None) -> Phrase | None:
        head = self.doer(clause)
        if (
            lead is not None
            and head is not None
            and self.entity(head) is None
            and not clause.shallow
            and stem(lead.verb.lower_) == stem(clause.verb.lower_)
        ):
            clause, lead = lead, clause  # "Seven killed …" / "At least seven people were killed …": the fuller one
        elif lead is not None and head is not None and not self.acts(head):
            lead_doer = self.doer(lead)
            if lead_doer is not None and self.acts(lead_doer):
                clause, lead = lead, clause  # "Shape change sparks anger" / "Fans have hit out": who acts
        elif lead is not None and head is not None and self._speaks_for(clause, head, lead):
            clause, lead = lead, clause  # "Agency declares …" / "Agency director Ana Lind said …": she spoke
        for c in (clause, lead):
            if c is None:
                continue
            head = self.doer(c)
            if head is not None and head.lower_ in _RELATIVES and c.verb.dep_ == "relcl":
                head = _antecedent(head)  # "the boy who fell down a well": the boy
            if head is None or head.pos_ == "PRON" or head.lower_ in _PRONOUNS:
                continue
            if c.shallow:
                left = left_span(c.verb)
                return self.phrase(left)
            text = noun_phrase(head, name_of=self.name_of, max_words=7, within=self.same_side(head))
            if c.segment == 0 and self.entity(head) is None and (named := self._named_by_head(head)):
                text = named
            tokens = [t for t in head.subtree if t.dep_ not in {"relcl", "acl", "appos"} or t.i == head.i]
            bounds = self.phrase(contiguous(head, tokens))
            if bounds is not None and text:
                return Phrase(text, bounds.start, bounds.end)
        return None

    def _speaks_for(self, clause: Clause, head: Token, lead: Clause) -> bool:
        """Whether the headline's statement by an organisation is the lead's statement by a person named
        with it ("Agency declares …" / "Agency director Ana Lind said …"): the person made it."""
        body = self.entity(head)
        code = code_verb(clause.verb, lexicon=self.lexicon)
        if clause.segment or body is None or body.label != "ORG" or code is None or code.root != "01":
            return False
        speaker = self.doer(lead)
        person = self.entity(speaker) if speaker is not None else None
        if speaker is None or person is None or person.label != "PERSON" or not lead.segment:
            return False
        lead_code = code_verb(lead.verb, lexicon=self.lexicon)
        return (
            lead_code is not None
            and lead_code.root == "01"
            and any(self.entity(t) is body for t in speaker.subtree if t.i != speaker.i)
        )

    def _named_by_head(self, head: Token) -> str | None:
        """The one person or organisation of the article whose name ends with a headline's bare noun ("Police")."""
        if not head.text[:1].isupper() or any(c.dep_ in {"compound", "amod", "poss"} for c in head.children):
            return None
        found = {
            e.name
            for e in self.article.entities
            if e.label in {"ORG", "PERSON"} and len(e.name.split()) > 1 and e.name.split()[-1].lower() == head.lower_
        }
        return found.pop() if len(found) == 1 else None

    def what(self, c: Clause) -> Phrase | None:
        """The predicate: the verb with its object and complements, less where/when/why/how and asides."""
        verb = c.verb
        if c.segment == 0:
            return self._headline_predicate(c)
        keep = list(verb_group(verb))
        for child in verb.children:
            dep = child.dep_
            if child.i < verb.i or dep in _NOT_WHAT or self.role(child) is not None:
                continue
            keep.extend(t for t in child.subtree if t.dep_ not in {"relcl", "appos", "acl"} or t.i == child.i)
        return self.phrase(clip(verb, keep, 12))

    def _headline_predicate(self, c: Clause) -> Phrase | None:
        """A headline's predicate: from its verb to the next break ("as", "after", ":"), less place and time."""
        verb = c.verb
        dropped: set[int] = set()
        governed = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        if c.shallow and verb.head.i > verb.i:
            governed.append(verb.head)  # ("stages protest outside …": the parse's root is the verb's object)
        for child in (d for v in governed for d in with_object_preps(v)):
            if child.i > verb.i and self.role(child) in {"where", "when", "why"}:
                dropped |= {t.i for t in child.subtree}
        keep = []
        for tok in verb.doc[verb.i :]:
            if not self.in_title(tok):
                break
            breaks = (
                tok.lower_ in BREAKS
                or (tok.dep_ == "mark" and tok.head.i != verb.i)
                or (tok.dep_ == "cc" and tok.head.i == verb.i)
            )
            if tok.i > verb.i and breaks and (tok.lower_ not in {"-", "–"} or tok.whitespace_):
                break
            if tok.i in dropped:
                continue
            keep.append(tok)
        while keep and (keep[-1].is_punct or keep[-1].lower_ in STOP_WORDS):
            keep.pop()
        pre = [t for t in verb.children if t.dep_ in {"aux", "auxpass", "neg"} and t.i < verb.i]
        if (
            c.subject is not None
            and c.subject.i < verb.i
            and (d := self.doer(c)) is not None
            and d.i == c.subject.i
            and passive(c)
        ):
            pre += list(contiguous(c.subject, list(c.subject.subtree)))  # "Seven killed": the victims are the news
        return self.phrase(clip(verb, pre + keep, 14))

    def nominal_title(self) -> Phrase | None:
        """A headline with no clause ("Three hurt after bus overturns near Kessel"): itself, less place and time."""
        tokens = self.title_tokens()
        if not tokens:
            return None
        dropped: set[int] = set()
        for tok in tokens:
            if tok.dep_ == "prep" and tok.i > tokens[0].i and self.role(tok) in {"where", "when"}:
                dropped |= {t.i for t in tok.subtree}
        keep = [t for t in tokens if t.i not in dropped]
        while keep and (keep[-1].is_punct or keep[-1].lower_ in STOP_WORDS):
            keep.pop()
        return self.phrase(keep)


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one right before it ("the *boy*, who …")."""
    i = pronoun.i - 1
    while i >= 0 and pronoun.doc[i].is_punct:
        i -= 1
    before = pronoun.doc[i] if i >= 0 else None
    return before if before is not None and before.pos_ in {"NOUN", "PROPN"} else None


def _told(reader: _Reader, c: Clause) -> str | None:
    """The clause as a sentence, without its dates (the timeline gives them). A headline's bare passive
    gets its subject and auxiliary back ("Seven killed" → "Seven were killed")."""
    subject = None
    verb = c.verb
    parsed = clause_subject(verb)
    if c.subject is not None and (parsed is None or parsed.i != c.subject.i):
        subject = noun_phrase(c.subject, name_of=reader.name_of, max_words=7, within=reader.same_side(c.subject))
    relative = c.subject is not None and c.subject.lower_ in _RELATIVES and verb.dep_ == "relcl"
    if relative and c.subject is not None and (antecedent := _antecedent(c.subject)) is not None:
        # "the boy who fell …": the boy fell
        subject = noun_phrase(antecedent, name_of=reader.name_of, max_words=7, within=reader.same_side(antecedent))
    if (
        c.segment == 0
        and c.subject is not None
        and verb.tag_ == "VBN"
        and not any(ch.dep_ in {"aux", "auxpass"} for ch in verb.children)
    ):
        subject = subject or noun_phrase(
            c.subject, name_of=reader.name_of, max_words=7, within=reader.same_side(c.subject)
        )
        plural = c.subject.tag_ in {"NNS", "NNPS"} or any(ch.dep_ == "conj" for ch in c.subject.children)
        subject += " were" if plural or c.subject.pos_ == "NUM" else " was"
    return summary(verb, subject=subject, name_of=reader.name_of, skip=reader.is_dated)


def find_main_event(
    article: Article, doc: Doc, *, head_doc: Doc | None = None, lexicon: Lexicon | None = None
) -> MainEvent | None:
    """The article's main event (see the module docstring), or None when no clause says what happened.

    Args:
        article: the article, its entities, dates and sentences already found.
        doc: the spaCy parse of ``article.text``.
        head_doc: the headline and lead parsed on their own (:func:`parse_head`), when the text opens with the title.
        lexicon: the CAMEO lexicon (the packaged one by default).
    """
    reader = _Reader(article, doc, head_doc, lexicon or load_lexicon())
    clauses = reader.clauses()
    if not clauses:
        return None
    titles = [c for c in clauses if c.segment == 0]
    bodies = [c for c in clauses if c.segment > 0]
    mains = [c for c in titles if not c.subordinate]
    top = max(mains, key=lambda c: c.score) if mains else None
    lead = max(bodies, key=lambda c: c.score) if bodies else None
    if top is not None and top.score < _TITLE_FLOOR:
        top = None  # a headline whose only "predicates" are misparses
    best = top or lead
    if best is None:
        return None
    other = lead if best is top else None
    others = [c for c in (other,) if c is not None]
    if top is not None:
        what = reader.what(top)
    elif reader.title is not None:
        what = reader.nominal_title()
    else:
        what = reader.what(best)
    who = reader.who(best, other)
    when = circumstances.when(reader, best, other, who)
    doer = reader.agent(best)
    code = code_verb(best.verb, lexicon=reader.lexicon) if doer is not None and reader.acts(doer) else None
    told = lead if (best.shallow or top is None) and lead is not None else best
    return MainEvent(
        sentence=reader.sentence_of(best.verb),
        summary=_told(reader, told),
        trigger=(reader.start(best.verb), reader.end(best.verb)),
        who=who,
        what=what,
        when=when,
        where=circumstances.where(reader, best, others),
        why=circumstances.why(reader, best, others),
        how=circumstances.how(reader, best, others),
        date=when.value if when is not None else None,
        date_source=("text" if when.text else "published") if when is not None else None,
        category=code.root_label if code else None,
        cameo=code.code if code else None,
        cameo_label=code.label if code else None,
    )
