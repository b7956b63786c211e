"""What the dependency parse says about one cue verb: its content tokens and its source.

Boundaries follow what PolNeAR annotates (read off its train split): the content of
reported speech includes the complementizer "that" but not the sentence's final full stop; a
clause conjoined to the complement that is really the reporting verb's own second predicate
("said X would rebound and praised Y") is left out, as is a non-restrictive relative clause
closing the content (", which …"): the writer's addition, not the speaker's words. The
content of an object frame runs on over the complements that finish it ("accused X of Y",
"called him a liar", "referred to them as friends").
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.quotes.lexicon import Cue

_CLIMB = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep"})
_OBJECT_TAIL_DEPS = frozenset({"oprd", "xcomp", "ccomp", "advcl"})
_OBJECT_TAIL_PREPS = frozenset({"as", "of", "for", "over", "about"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def source_token(verb: Token) -> Token | None:
    """The subject of `verb` (or the agent of a passive), else the subject of the verb a
    participle, infinitive or conjunct depends on ("…, adding that …")."""
    head = verb
    for _ in range(5):
        for child in head.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if any(c.dep_ == "nsubjpass" for c in head.children):
            return None
        if head.dep_ not in _CLIMB or head.head.i == head.i:
            return None
        head = head.head
    return None


def _complement(child: Token, verb: Token) -> set[int]:
    """The subtree of a complement clause, without a conjunct that belongs to the verb, and
    without a closing non-restrictive relative clause."""
    ids = subtree_ids(child)
    for conj in child.children:
        if (conj.dep_ == "conj" and conj.tag_ in _FINITE and conj.tag_ == verb.tag_
                and conj.tag_ != child.tag_
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)):  # fmt: skip
            ids -= subtree_ids(conj)
            ids -= {c.i for c in child.children if c.dep_ == "cc" and c.i < conj.i}
    last = max(ids)
    for tok in child.subtree:
        if tok.dep_ in ("relcl", "appos") and tok.i > child.i:
            sub = subtree_ids(tok)
            first = min(sub)
            doc = tok.doc
            closing = max(sub) >= last - 1 and first > 0 and doc[first - 1].text == ","
            if closing and (tok.dep_ == "appos" or doc[first].lower_ in ("which", "who")):
                ids -= sub
    return ids


def _object(verb: Token, dobj: Token) -> set[int]:
    ids = subtree_ids(dobj)
    for child in verb.children:
        if child.i <= dobj.i:
            continue
        if child.dep_ in _OBJECT_TAIL_DEPS or (
            child.dep_ == "prep" and child.lower_ in _OBJECT_TAIL_PREPS
        ):
            ids |= subtree_ids(child)
    return ids


def content_tokens(verb: Token, cue: Cue) -> tuple[set[int], str]:
    """Token indices of the content the grammar gives `verb`, and the frame that gave it."""
    for frame in cue.frames:
        if frame in ("clause", "ccomp"):
            ids: set[int] = set()
            for child in verb.children:
                if child.dep_ == "ccomp" or (
                    child.dep_ == "parataxis" and child.i > verb.i
                    and any(t.text == ":" for t in verb.doc[verb.i : child.i])
                ):  # fmt: skip
                    ids |= _complement(child, verb)
            if ids:
                return ids, frame
            if verb.dep_ == "parataxis" and verb.head.i < verb.i:
                # "The plan is dead, he said.": the clause before the cue
                own = subtree_ids(verb)
                ids = {t.i for t in verb.head.subtree if t.i < verb.i and t.i not in own}
                if ids:
                    return ids, frame
        elif frame == "object":
            for child in verb.children:
                if child.dep_ == "dobj":
                    return _object(verb, child), frame
        elif frame == "xcomp":
            for child in verb.children:
                if child.dep_ == "xcomp":
                    return subtree_ids(child), frame
        elif frame == "prep":
            for child in verb.children:
                if child.dep_ == "prep" and child.i == verb.i + 1:
                    objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                    if objs:
                        ids = subtree_ids(objs[0])
                        for tail in verb.children:
                            if tail.i > child.i and tail.dep_ == "prep" and tail.lower_ == "as":
                                ids |= subtree_ids(tail)
                        return ids, frame
    return set(), ""
