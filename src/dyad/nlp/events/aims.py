"""Targets named outside a clause's objects (see docs/events.md, "Arguments"): the one a
demand is made of, whoever must comply with a threat, the other side of talks in whose course
something was done, the accused of a complaint (not its forum); and who is never a target
(a source, or a state's own country in cooperation it promises)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyad.nlp.events import lexicon
from dyad.nlp.events import words as W
from dyad.types import ActorMention

# Cooperation a state's own people or bodies promise or give to that state ("the president
# promised to democratize Serbia") is no event between states: its own country is no target.
_SELF_SERVING = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID"})


def not_self(
    targets: Sequence[ActorMention], sources: Sequence[ActorMention], plover: str
) -> list[ActorMention]:
    """Targets that are not a source, and for cooperation (`_SELF_SERVING`) not the
    sources' own country ("Kostunica promised to democratize Serbia" has no target)."""
    keys = {m.key for m in sources}
    own = {m.actor.code[:3] for m in sources if m.actor is not None}
    return [
        m
        for m in targets
        if m.key not in keys
        and not (
            plover in _SELF_SERVING
            and m.actor is not None
            and m.actor.kind == "country"
            and m.actor.code in own
        )
    ]


def accused(heads: list[Token], verb: Token) -> list[Token]:
    """An accusation's target is the accused: when a complaint names what it is about
    ("complained to the UN over Israeli raids"), whom it is addressed to is its forum."""
    forum = set(W.prep_objects(verb, ("to",)))
    about = [h for h in [*heads, *W.prep_objects(verb, ("about",))] if h not in forum]
    named = any(h.head.lower_ in ("over", "about", "against") for h in about)
    return about if forum and named else heads


# Prepositions that place an act in the course of talks: "after talks with X".
_COURSE_PREPS = ("after", "following", "during", "in")


def counterparts(verb: Token) -> list[Token]:
    """The other side of talks in the course of which an act was done: "called off a strike
    after deliberations with the government", "agreed during talks with X"."""
    verbs = [verb]
    while verbs[-1].dep_ == "xcomp":  # "agreed in talks with X to reopen"
        verbs.append(verbs[-1].head)
    return [
        party
        for v in verbs
        for talks in W.prep_objects(v, _COURSE_PREPS)
        if any(r.plover == "CONSULT" for r in _noun_codes(talks))
        for party in W.prep_objects(talks, ("with",))
    ]


def _noun_codes(noun: Token) -> list[lexicon.CodeInfo]:
    return [lexicon.code_info(r.cameo) for r in lexicon.rules_for(W.lemma(noun), "N") if r.cameo]


def demanded_of(nouns: Sequence[Token]) -> list[Token]:
    """Whom a demand is made of, when a noun states it in a clause of its own: "insisted
    on its demands that Burundi's government grant more rights", "repeated its call that
    the president resign" (the clause's subject)."""
    return [
        subj
        for noun in nouns
        if noun.pos_ == "NOUN"
        for clause in noun.children
        if clause.dep_ == "acl"
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        for subj in clause.children
        if subj.dep_ in ("nsubj", "nsubjpass")
    ]


def condition_subjects(clauses: Sequence[Token]) -> list[Token]:
    """Who must comply for a threat to be called off: the subject of its "unless" clause
    ("threatened to strike unless Israel rescinded the law": Israel)."""
    return [
        subj
        for clause in clauses
        for cond in clause.children
        if cond.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "unless" for m in cond.children)
        for subj in cond.children
        if subj.dep_ in ("nsubj", "nsubjpass")
    ]


# What is pressed on someone who refuses anyway: "refused to resign despite pressure from X".
_PRESSURE_NOUNS = frozenset(
    "pressure call demand appeal request plea urging protest objection ultimatum".split()
)


def pressed_by(clauses: Sequence[Token]) -> list[Token]:
    """Who pressed for what a refusal turns down, when a "despite" phrase names them
    ("declined to resign despite growing pressure from the commission", "despite X's
    appeals, Y refused"): the rejection is aimed at them."""
    out: list[Token] = []
    for clause in clauses:
        for prep in clause.children:
            if prep.dep_ != "prep" or prep.lower_ != "despite":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or W.lemma(noun) not in _PRESSURE_NOUNS:
                    continue
                for pressing in (noun, *noun.conjuncts):
                    out.extend(c for c in pressing.children if c.dep_ == "poss")
                    out.extend(W.prep_objects(pressing, ("from", "by")))
    return out


# Nouns of breaking away: "independence from X" names whom it is won from.
_SECESSION_NOUNS = frozenset("independence secession separation autonomy".split())


# Clauses below a protest that say something else: "on the day the country celebrates its
# independence from X", "Kosovo, which Serbia says has no independence from it".
_OTHER_CLAUSES = frozenset({"relcl", "acl", "ccomp", "parataxis", "appos"})


def broken_away_from(verb: Token) -> list[Token]:
    """Whom a protest for breaking away is aimed at: X in "independence from X" when the
    protest demands it: the object of a verb in the protest's own clauses ("demanding
    independence from Iraq") or of "for"/"on" ("a referendum on independence from X");
    not a date ("decades after independence from X") or another clause's words."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        stack.extend(c for c in tok.children if c.dep_ not in _OTHER_CLAUSES)
        if tok.pos_ != "NOUN" or W.lemma(tok) not in _SECESSION_NOUNS:
            continue
        demanded = tok.dep_ == "dobj" or (
            tok.dep_ == "pobj" and tok.head.lower_ in ("for", "on")
        )
        if not demanded:
            continue
        out.extend(W.prep_objects(tok, ("from",)))
        if tok.dep_ == "dobj":  # "demanding independence from X", "from" on the verb
            out.extend(W.prep_objects(tok.head, ("from",)))
    return out
