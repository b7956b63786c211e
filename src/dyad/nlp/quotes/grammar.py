"""What the dependency parse says about one cue verb: its content tokens and its source.

Boundaries follow what PolNeAR annotates (read off its train split): the content of
reported speech includes the complementizer "that" but not the sentence's final full stop; a
clause conjoined to the complement that is really the reporting verb's own second predicate
("said X would rebound and praised Y") is left out, as is a non-restrictive relative clause
closing the content (", which …"): the writer's addition, not the speaker's words. The
content of an object frame runs on over the complements and prepositional phrases that finish
it ("accused X of Y", "called him a liar", "announced sanctions at a summit in Brussels"),
but not over a phrase of time or a participle clause after a comma ("praised X, saying …").
A passive cue reports its subject ("The deal is expected | to collapse"), a verb of
appearance its subject and complement with no source ("The deal seems | to be collapsing"),
and a cue set off by commas or opened by "as" the clause around it.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.quotes.lexicon import Cue

_CLIMB = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep"})
_OBJECT_TAIL_DEPS = frozenset({"oprd", "xcomp", "ccomp", "advcl"})
_OBJECT_TAIL_PREPS = frozenset({"as", "of", "for", "over", "about"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_RAISED_COMPLEMENTS = frozenset({"xcomp", "acomp", "oprd", "attr", "ccomp"})
_PRO_FORMS = frozenset({"so", "otherwise", "yes", "no"})


def _agentive(noun: Token) -> bool:
    """A noun that can be the one who speaks: a name, a pronoun, a plural ("voters"), or
    an organisation or a group, not a thing ("a statement saying …")."""
    if noun.pos_ in ("PROPN", "PRON") or noun.tag_ == "NNS":
        return True
    return noun.pos_ == "NOUN" and noun.ent_type_ in ("PERSON", "ORG", "NORP")


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
        if head.dep_ == "acl" and head.tag_ == "VBG" and _agentive(head.head):
            return head.head  # "a group backing Mr. X", "voters saying they …"
        if head.dep_ not in _CLIMB or head.head.i == head.i:
            return None
        head = head.head
    return None


def addressless(verb: Token) -> bool:
    """A cue verb that reports nobody: an imperative addressed to the reader ("See my
    article", "Note that ...": a bare verb heading its sentence with no subject) or a past
    participle modifying a phrase without an agent ("a drill aimed at the US")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        return False
    if verb.tag_ == "VB" and verb.dep_ == "ROOT":
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")


def passive_participle(verb: Token, source: Token) -> bool:
    """A past participle set before or after a clause ("Asked about the plan, she said …"):
    the clause's subject is the one the cue is done to, not its source."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and source.head.i != verb.i


def complement(child: Token, verb: Token) -> set[int]:
    """The subtree of a complement clause, without a conjunct that belongs to the verb, and
    without a closing non-restrictive relative clause."""
    ids = subtree_ids(child)
    for conj in child.children:
        if (conj.dep_ == "conj" and conj.tag_ in _FINITE and conj.tag_ == verb.tag_
                and conj.tag_ != child.tag_
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)):  # fmt: skip
            ids -= subtree_ids(conj)
            ids -= {c.i for c in child.children if c.dep_ == "cc" and c.i < conj.i}
    return _without_closing_aside(child, ids)


def _without_closing_aside(head: Token, ids: set[int]) -> set[int]:
    """`ids` without a non-restrictive relative clause or apposition that closes them
    (", which …", ", who …", ", a former aide"): the writer's addition."""
    last = max(ids)
    doc = head.doc
    for tok in doc[head.i + 1 : last + 1]:
        if tok.i in ids and tok.dep_ in ("relcl", "appos"):
            sub = subtree_ids(tok)
            first = min(sub)
            closing = max(sub) >= last - 1 and first > 0 and doc[first - 1].text in (",", "—")
            if closing and (tok.dep_ == "appos" or doc[first].lower_ in ("which", "who")):
                ids -= sub
    return ids


def _object(verb: Token, dobj: Token) -> set[int]:
    ids = subtree_ids(dobj)
    for child in verb.children:
        if child.i <= dobj.i:
            continue
        if child.dep_ == "advcl" and _after_comma(child):
            continue  # "praised X, saying …": the verb's own adjunct, often a cue itself
        if child.dep_ in _OBJECT_TAIL_DEPS or (child.dep_ == "prep" and not _when(child)):
            ids |= subtree_ids(child)
    return _without_closing_aside(dobj, ids)


def _after_comma(tok: Token) -> bool:
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text in (",", "—", "--", ";")


def _when(prep: Token) -> bool:
    """A prepositional phrase of time ("on Monday", "in early June"): the report's setting."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _passive(verb: Token, cue: Cue) -> set[int]:
    """A passive cue's content: its subject with what completes it ("The deal is expected
    to collapse", "Mr. X was criticized for the delay", "He is seen as a moderate"); a
    complement clause alone after an expletive subject ("it was reported that ...")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return set()
    tail: set[int] = set()
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "ccomp":
            tail |= complement(child, verb)
        elif child.dep_ in ("xcomp", "oprd") or (
            child.dep_ == "prep" and child.lower_ in _OBJECT_TAIL_PREPS
        ):
            tail |= subtree_ids(child)
    if subj.lower_ == "it":
        return tail
    if (
        not tail
        and "object" not in cue.frames
        and not any(c.dep_ == "agent" for c in verb.children)
    ):
        return set()
    return subtree_ids(subj) | tail


def _raised(verb: Token) -> set[int]:
    """'The deal seems | to be collapsing', 'Mr. X appeared | weak': the subject with the
    complement of a verb of appearance (the writer's judgement: no source)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    comp = [c for c in verb.children if c.i > verb.i and c.dep_ in _RAISED_COMPLEMENTS]
    if subj is None or not comp:
        return set()
    if subj.lower_ == "it":  # "it seems that …"
        return {i for c in comp if c.dep_ == "ccomp" for i in complement(c, verb)}
    return subtree_ids(subj) | {i for c in comp for i in subtree_ids(c)}


def _inserted(verb: Token) -> bool:
    """A cue clause inside or before the clause it reports: set off by commas in the middle
    ("The plan, he said, is dead": parataxis on the main verb after it), or opened by "as"
    ("As the Post reported, the plan is dead")."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("parataxis", "advcl"):
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.dep_ == "parataxis":
        return head.i > verb.i
    return any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)


def _fronted(verb: Token) -> bool:
    """'The plan is dead, he said.': the cue follows the clause it reports, after a comma
    (the parser hangs it as parataxis, or as an adverbial clause or a conjunct when the
    reported clause looks like the main one)."""
    head = verb.head
    if head.i >= verb.i or verb.dep_ not in ("parataxis", "advcl", "conj"):
        return False
    if verb.dep_ == "parataxis":
        return True
    left = verb.left_edge.i
    if left == 0 or verb.doc[left - 1].text not in (",", "--", "—"):
        return False
    kids = list(verb.children)
    return any(c.dep_ == "nsubj" for c in kids) and not any(
        c.dep_ in ("mark", "advmod") and c.i < verb.i for c in kids
    )


def content_tokens(verb: Token, cue: Cue) -> tuple[set[int], str]:
    """Token indices of the content the grammar gives `verb`, and the frame that gave it."""
    passive = _passive(verb, cue)
    if passive:
        return passive, "passive"
    for frame in cue.frames:
        if frame in ("clause", "ccomp"):
            ids: set[int] = set()
            for child in verb.children:
                if child.dep_ == "ccomp" or (
                    child.dep_ == "parataxis" and child.i > verb.i
                    and any(t.text == ":" for t in verb.doc[verb.i : child.i])
                ):  # fmt: skip
                    ids |= complement(child, verb)
            if ids:
                return ids, frame
            for child in verb.children:
                if child.dep_ == "xcomp" and child.i > verb.i and child.tag_ != "VB":
                    return subtree_ids(child), frame  # "said legalizing it could …": misparsed
                if child.i == verb.i + 1 and (child.dep_ == "intj" or child.lower_ in _PRO_FORMS):
                    return {child.i}, frame  # "said no", "thinks so"
            if _fronted(verb):
                # "The plan is dead, he said.": the clause before the cue
                own = subtree_ids(verb)
                ids = {t.i for t in verb.head.subtree if t.i < verb.i and t.i not in own}
                if ids:
                    return ids, frame
            if _inserted(verb):
                # "The plan, he said, is dead." / "As the Post reported, the plan is dead."
                own = subtree_ids(verb)
                sent = verb.sent
                ids = {t.i for t in verb.head.subtree
                       if t.i not in own and sent.start <= t.i < sent.end}  # fmt: skip
                if ids:
                    return ids, frame
        elif frame == "object":
            for child in verb.children:
                if child.dep_ == "dobj":
                    return _object(verb, child), frame
        elif frame == "raise":
            ids = _raised(verb)
            if ids:
                return ids, frame
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
                            if tail.i > child.i and (
                                (tail.dep_ == "prep" and tail.lower_ == "as")
                                or tail.dep_ in ("xcomp", "ccomp")  # "called on X to Y"
                            ):
                                ids |= subtree_ids(tail)
                        return ids, frame
    return set(), ""
