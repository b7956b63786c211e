"""Is an event said to have happened? Negation, future, hypothetical and reported speech.

A trigger's clause is read together with the clauses that govern it through infinitive
complements ("agreed to hold"), purpose clauses and coordination, up to the first speech
verb ("X said ..."), which makes the event reported rather than asserted by the writer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyad.nlp.events import lexicon
from dyad.nlp.events.words import complements, for_clause, verb_lemma

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "can", "should", "must", "ca"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Verbs that make what they govern wished-for, not done: "wants to visit".
_WISH = frozenset({"want", "hope", "wish", "like", "need", "consider", "mull"})
# "is set to", "is due to", "is likely to": the governed event is announced, not done.
_FUTURE_ADJ = frozenset(
    {
        "set",
        "due",
        "likely",
        "expected",
        "poised",
        "about",
        "ready",
        "willing",
        "prepared",
        "determined",
        "eager",
        "committed",
    }
)
_FUTURE_NOUN_MODS = frozenset(
    {"upcoming", "planned", "next", "future", "forthcoming", "proposed", "scheduled"}
)
_HYPOTHETICAL_NOUN_MODS = frozenset({"possible", "potential", "hypothetical", "eventual"})


@dataclass(slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    reporter: Token | None = None  # the speech verb the event is reported under
    embedded: bool = False  # content of another speech act ("accused X of attacking")


def is_purpose_clause(tok: Token) -> bool:
    """An infinitive adverbial clause without its own subject: "went to Moscow to meet"."""
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def _clause_flags(node: Token, state: Modality, *, under_report: bool) -> None:
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" or (word == "never" and child.dep_ == "advmod"):
            state.negated = True
        elif child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            if word in _FUTURE_AUX:
                state.future = True
            elif word == "would":
                if under_report:
                    state.future = True
                else:
                    state.hypothetical = True
            elif word in _HYPOTHETICAL_AUX:
                state.hypothetical = True
        elif child.dep_ == "mark" and word in _CONDITIONAL_MARKS:
            state.hypothetical = True
        elif (
            child.dep_ == "advmod"
            and word == "longer"
            and any(g.lower_ == "no" for g in child.children)
        ):
            state.negated = True


def _speech_act(verb: Token) -> bool:
    """A verb coded as an event itself, which makes what it governs its content rather
    than a separate event ("threatened to cut", "accused X of attacking")."""
    word = verb_lemma(verb) or verb.lemma_
    if lexicon.kind_of(word) in ("intent", "aspect", "negator", "report", "light"):
        return False
    return lexicon.match(word, "V", complements(verb)) is not None


def _has_report_above(tok: Token) -> bool:
    node = tok
    while node.dep_ not in ("ROOT",) and node.head != node:
        if node.dep_ in ("ccomp", "parataxis") and lexicon.kind_of(node.head.lemma_) == "report":
            return True
        node = node.head
    return False


def modality(trigger: Token, anchor: Token) -> Modality:
    """Flags for the event whose trigger is `trigger` in the clause of verb `anchor`."""
    state = Modality()
    under_report = _has_report_above(anchor)
    if trigger != anchor:
        for mod in trigger.children:
            if mod.lower_ in _FUTURE_NOUN_MODS:
                state.future = True
            elif mod.lower_ in _HYPOTHETICAL_NOUN_MODS:
                state.hypothetical = True
    node = anchor
    first = True
    while True:
        kind = lexicon.kind_of(node.lemma_)
        if not first:
            if kind == "intent":
                state.future = True
            elif kind == "negator":
                state.negated = True
            if node.lemma_.lower() in _WISH:
                state.hypothetical = True
        if node.lower_ in _FUTURE_ADJ and (
            node.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in node.children)
        ):  # "is due to", "was expected to" (the parser's passive verb)
            state.future = True
        if (
            node.lemma_.lower() == "go"
            and any(c.dep_ == "xcomp" for c in node.children)
            and not first
        ):
            state.future = True
        _clause_flags(node, state, under_report=under_report)
        head = node.head
        if head == node:
            break
        if node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            state.hypothetical = True  # "the need to reject", "an attempt to punish"
            break
        if (node.dep_ in ("xcomp", "acomp") or for_clause(node)) and _speech_act(head):
            state.embedded = True  # "refused to deploy", "urged X to support"
            break
        if node.dep_ == "xcomp" and head.lemma_.lower() == "have" and head.tag_ != "VBD":
            # "has to step down": an obligation, like "must" ("had to" tells what was done)
            state.hypothetical = True
        if node.dep_ in ("xcomp", "conj", "acomp") or is_purpose_clause(node):
            node, first = head, False
            continue
        if node.dep_ in ("ccomp", "parataxis"):
            head_kind = lexicon.kind_of(head.lemma_)
            if head_kind == "report":
                state.reporter = head
                if any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in node.children):
                    state.embedded = True  # "X said Y must ...": coded as X's demand
            elif _speech_act(head):
                state.embedded = True
            elif head.lemma_.lower() in _WISH:
                state.hypothetical = True
            elif node.dep_ == "ccomp" and head.pos_ == "VERB":
                # "X will allow Y to invest": the governing clause's tense and polarity
                # carry over; its own lexicon kind does not ("allow" plans nothing)
                node, first = head, True
                continue
            break
        if node.dep_ == "pcomp" and head.dep_ == "prep":
            verb = head.head
            if lexicon.kind_of(verb.lemma_) in ("intent", "aspect") or verb.pos_ == "ADJ":
                node, first = verb, False  # "committed to opening"
                continue
            if _speech_act(verb):
                state.embedded = True  # "accused X of attacking"
            break
        break
    return state
