"""Event triggers: which words of a sentence name an event, and which clause carries it.

Verbs of the lexicon whose argument words match ("signed a contract"), event nouns carried
by a support verb ("held talks", "the exercise took place"), and event nouns whose own
modifiers name the actor ("the premier's visit", "EU sanctions"). Verbs that only govern
another event ("agreed to hold", "began to withdraw", "said") pass the event down to the
governed clause and lend it their subject and flags (`Trigger.anchor`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.nlp.events import args as A
from dyad.nlp.events import lexicon
from dyad.nlp.events import words as W
from dyad.nlp.events.modality import is_purpose_clause
from dyad.nlp.events.words import COMPOUND_PREPS, complements, lemma, verb_lemma

_DEMAND = lexicon.TriggerRule("must", "V", frozenset(), "100", "event")
_OBLIGATION_AUX = frozenset({"must", "should"})
# Speech verbs whose object can be the event itself: "X announced sanctions on Y".
_ANNOUNCE = frozenset({"announce", "declare", "unveil"})


@dataclass(slots=True)
class Trigger:
    token: Token
    anchor: Token  # the clause verb whose subject, objects and flags apply
    rule: lexicon.TriggerRule
    noun: bool = False
    standalone: bool = False
    demand_clause: Token | None = None  # for "X said Y must ...": Y's clause


# Verbs of going somewhere: an event noun in their "for" phrase is what the subject went
# there to do ("flew to Moscow for talks", "returned to Geneva for negotiations").
_MOTION = frozenset("come go return travel fly head sail gather assemble converge leave".split())


def _embedded_verb(verb: Token, *, purpose: bool) -> Token | None:
    """The verb of an infinitive complement ("agreed to hold"); with `purpose`, also of a
    purpose clause ("joined together to veto")."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return child
        if child.dep_ == "acomp":  # "is willing to", "is committed to"
            inner = _embedded_verb(child, purpose=False)
            if inner is not None:
                return inner
        if child.dep_ == "prep" and child.lower_ == "to":  # "committed to opening"
            for obj in child.children:
                if obj.dep_ == "pcomp" and obj.pos_ == "VERB":
                    return obj
        if purpose and is_purpose_clause(child):
            return child
    return None


def noun_rule(tok: Token) -> lexicon.TriggerRule | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return lexicon.match(tok.lemma_, "N", complements(tok)) or lexicon.match(
        tok.lower_, "N", complements(tok)
    )


def _is_light_noun(tok: Token) -> bool:
    return any(r.kind == "light" for r in lexicon.rules_for(tok.lemma_, "N"))


def _event_noun_near(verb: Token) -> Token | None:
    """The event noun a support verb carries: its object (or passive subject), an
    apposition of it, the noun after a light noun ("the start of X"), the subject of
    "take place", or the object of "take part in"/"participate in"."""
    candidates: list[Token] = []
    verb_word = lemma(verb)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            if verb_word == "take" and child.lower_ == "place":
                candidates.extend(c for c in verb.children if c.dep_ == "nsubj")
                if verb.dep_ == "relcl":
                    candidates.append(verb.head)
                continue
            candidates.append(child)
            if verb_word == "take" and child.lower_ == "part":
                candidates.extend(
                    o
                    for p in verb.children
                    if p.lower_ == "in"
                    for o in p.children
                    if o.dep_ == "pobj"
                )
        elif (
            child.dep_ == "prep" and child.lower_ == "in" and verb_word in ("participate", "engage")
        ):
            candidates.extend(o for o in child.children if o.dep_ == "pobj")
    for cand in list(candidates):  # "ten days of war games"
        candidates.extend(W.prep_objects(cand, ("of",)))
    for cand in candidates:
        near = [a for a in cand.children if a.dep_ in ("appos", "compound")]
        for tok in (cand, *near):
            if noun_rule(tok) is not None:
                return tok
        if _is_light_noun(cand):
            for prep in cand.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        for tok in (obj, *[a for a in obj.children if a.dep_ == "appos"]):
                            if noun_rule(tok) is not None:
                                return tok
    return None


def verb_trigger(verb: Token) -> Trigger | None:
    """The trigger a verb contributes, if any (see module docstring, step 1)."""
    word = verb_lemma(verb)
    if word is None:
        return None
    kind = lexicon.kind_of(word)
    passing = kind in ("intent", "aspect", "negator")
    embedded = _embedded_verb(verb, purpose=False) if passing else None
    if embedded is not None and verb_trigger(embedded) is not None:
        return None
    if kind == "negator":
        return None
    if kind == "report":
        for clause in verb.children:
            if (
                clause.dep_ == "ccomp"
                and any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in clause.children)
                and not any(
                    c.dep_ == "nsubj" and c.lower_ in ("we", "i", "you") for c in clause.children
                )
            ):  # "we should": no demand on another
                return Trigger(verb, verb, _DEMAND, demand_clause=clause)
    rule = lexicon.match(word, "V", complements(verb))
    if rule is not None:
        return Trigger(verb, verb, rule)
    if kind in ("light", "aspect", "intent") or word in _ANNOUNCE:
        noun = _event_noun_near(verb)
        if noun is not None:
            carried = noun_rule(noun)
            if carried is not None:
                return Trigger(noun, verb, carried, noun=True)
    if word in _MOTION:  # "negotiators return to Geneva for talks"
        for obj in W.prep_objects(verb, ("for",)):
            carried = noun_rule(obj)
            if carried is not None:
                return Trigger(obj, verb, carried, noun=True)
    if kind == "aspect":
        purpose = _embedded_verb(verb, purpose=True)
        if purpose is not None and verb_trigger(purpose) is not None:
            return None
    return None


def target_heads(tok: Token) -> list[Token]:
    """Objects of `tok` and of its target prepositions ("with", "to", "against"...)."""
    heads: list[Token] = []
    for child in tok.children:
        if child.dep_ == "dative" and child.pos_ == "ADP" and not list(child.children):
            heads.extend(_stranded(child))  # "granted asylum to" + a misparsed clause
        elif child.dep_ in ("dobj", "dative", "iobj") or (child.dep_ == "nsubjpass"):
            if not _afterthought(child):
                heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in A.TARGET_PREPS:
            objects = [o for o in child.children if o.dep_ == "pobj"] or _stranded(child)
            heads.extend(o for o in objects if not W.helps(o))
        elif child.dep_ == "prep" and child.lower_ in COMPOUND_PREPS:  # "out of Syria"
            heads.extend(W.prep_objects(child, A.TARGET_PREPS))
    return heads + _shifted_objects(tok)


def _stranded(prep: Token) -> list[Token]:
    """The object of a preposition the parser left without one, having made it the subject
    of the participle after it: "granted asylum to five officers holed up in ..." parsed as
    "officers holed up" (a clause). The subject whose phrase starts right after the
    preposition is its object."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return []
    return [
        t
        for t in doc[prep.i + 1 : prep.sent.end]
        if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == prep.i + 1 and t.head.i > t.i
    ][:1]


def _shifted_objects(verb: Token) -> list[Token]:
    """An object placed after an "as" complement, which the parser hangs inside it:
    "denounced as a crime Y's treatment of Z" (a second object of "as", or an apposition
    without a comma to its first), "criticised as reckless Y's decision" (the object of
    "as reckless"). Only for a verb with no object."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            complements = [o for o in child.children if o.dep_ == "pobj"]
            out.extend(complements[1:])
            out.extend(
                a
                for o in complements[:1]
                for a in o.children
                if a.dep_ == "appos" and not any(t.is_punct for t in a.doc[o.i : a.left_edge.i])
            )
        elif (
            child.dep_ == "advcl"
            and child.pos_ in ("ADJ", "NOUN")  # "as reckless", not "as nations deliberate"
            and any(g.lower_ == "as" and g.dep_ in ("advmod", "mark") for g in child.children)
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
        ):
            out.extend(o for o in child.children if o.dep_ == "dobj")
    return out


def _afterthought(obj: Token) -> bool:
    """A second direct object after a comma is a phrase the parser hung on the verb, not
    what the verb acts upon: in "held talks with Y on Tuesday, the first delegation to
    visit Z", the delegation is the subject described again."""
    verb = obj.head
    earlier = [c for c in verb.children if c.dep_ == "dobj" and c.i < obj.i]
    if obj.dep_ != "dobj" or not earlier:
        return False
    return any(t.text == "," for t in verb.doc[earlier[-1].i : obj.left_edge.i])


def sentence_triggers(sent: Span) -> list[Trigger]:
    found: list[Trigger] = []
    consumed: set[int] = set()
    for tok in sent:
        trig = verb_trigger(tok)
        if trig is None:
            continue
        found.append(trig)
        consumed.add(trig.token.i)
        consumed.update(h.i for h in target_heads(tok))
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        rule = noun_rule(tok)
        if rule is not None:
            anchor = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok)
            found.append(Trigger(tok, anchor, rule, noun=True, standalone=True))
    return sorted(found, key=lambda t: t.token.i)
