"""Noun and adjective cues: "his claim that …", "voiced doubt that …", "are sure that …".

A noun of the lexicon with the ``noun`` frame is a cue when a complement clause opened by
"that" hangs on it (PolNeAR train: such nouns are cues in at least 45% of these uses, against
a third for nouns with a "that"-clause in general: "the fact that" is not an attribution).
The source is the noun's possessor ("his", "Mr. X's"), else the subject of the verb the noun
is the object of ("Mr. X expressed confidence that …"); the content is the "that"-clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.quotes.grammar import complement

_CLAUSE_DEPS = frozenset({"acl", "ccomp", "appos"})


def noun_content(noun: Token) -> set[int]:
    """The token indices of the "that"-clause on `noun` (or adjective), or an empty set."""
    for child in noun.children:
        if (
            child.i > noun.i
            and child.dep_ in _CLAUSE_DEPS
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
        ):
            return complement(child, noun)
    return set()


def noun_source(noun: Token) -> Token | None:
    """The possessor of `noun`, or the subject of the verb it is the object of."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if noun.dep_ == "dobj":
        for child in noun.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def adjective_stance(adj: Token) -> tuple[Token, set[int]] | None:
    """'Officials are confident that …': an adjective complement of a copula with a
    "that"-clause and a subject other than "it" (PolNeAR train: annotated about half the
    time); gives the subject and the clause."""
    if adj.dep_ != "acomp" or adj.head.i == adj.i:
        return None
    subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ == "it":
        return None
    ids = noun_content(adj)
    return (subj, ids) if ids else None
