"""Finding an event's arguments in the dependency parse: actors, location, date.

Actors come only from the actor component's mentions (``doc._.dyad_actors``) that overlap an
argument phrase. A mention whose actor is None (a name the knowledge base does not know)
becomes an argument only where the parse makes it the argument itself: the head of the
subject or object phrase, a compound name on that head ("Hamas militants"), or the body a
member noun belongs to ("members of the Zarvan Council"); it is kept unresolved, with its
text, never given a code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from dyad.nlp.events import words as W
from dyad.types import ActorMention, Timex

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
OBJECTS = ("dobj", "dative", "iobj", "oprd")
TARGET_PREPS = frozenset(
    {"with", "to", "against", "on", "toward", "towards", "from", "into", "upon", "over", "of"}
)
SOURCE_PREPS = frozenset({"by", "between", "among"})
# Phrases naming the parties a third side stands between ("mediated between X and Y").
PARTY_PREPS = frozenset({"between", "among"})
LOCATION_PREPS = frozenset({"in", "at"})
# Phrase parts that do not describe the argument itself: clauses and non-"of" modifiers.
_CUT_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis", "punct", "cc"}
)


class ActorIndex:
    """The actor mentions of one Doc, findable by token."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention] | None) -> None:
        self.doc = doc
        self.by_token: dict[int, list[ActorMention]] = {}
        self.spans: list[tuple[ActorMention, int, int]] = []
        for mention in mentions or ():
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            self.spans.append((mention, span.start, span.end))
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, []).append(mention)

    def known_in(self, tokens: Iterable[Token]) -> list[ActorMention]:
        """Known (resolved) mentions touching `tokens`, in text order, one per mention."""
        found: dict[int, ActorMention] = {}
        for tok in tokens:
            for mention in self.by_token.get(tok.i, ()):
                if mention.actor is not None:
                    found.setdefault(mention.start, mention)
        return [found[k] for k in sorted(found)]

    def unresolved_at(self, tok: Token) -> ActorMention | None:
        """The unresolved mention `tok` is part of, else one a compound name on `tok` is
        part of ("Hamas militants" -> "Hamas"; "Zarvan Association (ZA) officials", which
        the parser attaches as "nmod"), else None."""
        for t in (tok, *[c for c in tok.children if c.dep_ in ("compound", "nmod")]):
            for mention in self.by_token.get(t.i, ()):
                if mention.actor is None:
                    return mention
        return None

    def people_between(self, start: int, end: int) -> list[ActorMention]:
        """Mentions of people starting between character offsets `start` and `end`: known
        persons, and unresolved names spaCy tags as a PERSON."""
        seen: dict[int, ActorMention] = {}
        for mention, s, e in self.spans:
            if not start <= mention.start < end:
                continue
            actor = mention.actor
            if actor is None:
                person = any(t.ent_type_ == "PERSON" for t in self.doc[s:e])
            else:
                person = actor.kind == "person"
            if person:
                seen.setdefault(mention.start, mention)
        return [seen[k] for k in sorted(seen)]

    def known_between(self, start: int, end: int) -> list[ActorMention]:
        """Known mentions starting between character offsets `start` and `end`."""
        seen: dict[int, ActorMention] = {}
        for mention, _s, _e in self.spans:
            if start <= mention.start < end and mention.actor is not None:
                seen.setdefault(mention.start, mention)
        return [seen[k] for k in sorted(seen)]


# Nouns that name someone by their relation to another: "Israel's ally", "a neighbour of
# China", "the Kremlin's critics" are not Israel, China or the Kremlin.
RELATIONAL_NOUNS = frozenset(
    "ally neighbour neighbor rival enemy foe adversary opponent proxy critic".split()
)


def phrase(head: Token, preps: frozenset[str] = frozenset({"of", "by"})) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, with its "of" and "by" complements
    and conjuncts, without relative clauses, appositions or other prepositional phrases,
    and without the other party of a relational noun (`RELATIONAL_NOUNS`)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        relational = tok.pos_ == "NOUN" and W.lemma(tok) in RELATIONAL_NOUNS
        for child in tok.children:
            if child.dep_ in _CUT_DEPS:
                continue
            if child.dep_ == "prep" and (child.lower_ not in preps or relational):
                continue
            if relational and child.dep_ == "poss":
                continue  # "Israel's ally" ("NATO allies" are NATO's members)
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


# A subject's "from" phrase names whom it belongs to: "doctors from two American groups".
SUBJECT_PREPS = frozenset({"of", "by", "from"})


def actors_of(
    index: ActorIndex,
    heads: Iterable[Token],
    preps: frozenset[str] = frozenset({"of", "by"}),
    *,
    unresolved: bool = False,
) -> list[ActorMention]:
    """The known actors of each head's phrase; with `unresolved`, a head whose phrase names
    no known actor but which is itself an unknown name gives that unresolved mention."""
    mentions: list[ActorMention] = []
    for head in heads:
        for tok in with_conjuncts(head):
            known = index.known_in(phrase(tok, preps))
            if not known and tok.pos_ == "PROPN" and index.unresolved_at(tok) is None:
                # "Kenzo Oshima, the UN relief coordinator, ...": an unmarked name is the
                # actor its apposition heads (the appositive's head word only: not "X, a
                # neighbour of Y")
                known = index.known_in(c for c in tok.children if c.dep_ == "appos")
            if known:
                mentions.extend(known)
            elif unresolved and (mention := _unresolved_of(index, tok)) is not None:
                mentions.append(mention)
    return dedupe(mentions)


# Heads that stand for the body in their "of" phrase: "members of the Association of ...".
_MEMBER_NOUNS = frozenset(
    "member official leader representative delegate delegation head chief spokesman "
    "spokeswoman spokesperson".split()
)


def _unresolved_of(index: ActorIndex, tok: Token) -> ActorMention | None:
    """The unresolved mention `tok` is or names in a compound ("Hamas militants"), or, for a
    member noun, the unknown body of its "of" phrase ("members of the Zarvan Council")."""
    mention = index.unresolved_at(tok)
    if mention is None and W.lemma(tok) in _MEMBER_NOUNS:
        for obj in W.prep_objects(tok, ("of",)):
            mention = index.unresolved_at(obj)
            if mention is not None:
                break
    return mention


def dedupe(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    """One mention per actor, first one kept: per person for named people ("Putin and
    Lavrov" are two, though both RUSGOV), else per code, or per words of an unresolved one."""
    out: dict[str, ActorMention] = {}
    for mention in mentions:
        actor = mention.actor
        name = actor.name if actor is not None and actor.kind == "person" else None
        out.setdefault(f"{mention.key}/{name}" if name else mention.key, mention)
    return list(out.values())


def mediated_parties(trigger: Token, anchor: Token) -> list[Token]:
    """The parties a mediation stands between: the objects of "between"/"among" phrases on
    the trigger, its clause verb, the verb's object and the noun the trigger modifies
    ("mediated between X and Y", "brokered a truce between X and Y", "hosted talks between
    X and Y", "launched a mediation effort between X and Y")."""
    carriers = [trigger, anchor]
    carriers += [c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ in ("compound", "amod", "nmod"):
        carriers.append(trigger.head)
    heads: list[Token] = []
    seen: set[int] = set()
    for carrier in carriers:
        if carrier.i in seen:
            continue
        seen.add(carrier.i)
        heads.extend(W.prep_objects(carrier, PARTY_PREPS))
    return heads


def of_chain(heads: Iterable[Token]) -> list[Token]:
    """`heads` and the nouns their "of" phrases lead to ("part of a programme of aid")."""
    out: list[Token] = []
    stack = list(heads)
    while stack:
        tok = stack.pop(0)
        if tok in out:
            continue
        out.append(tok)
        stack.extend(W.prep_objects(tok, ("of",)))
    return out


def timex_tokens(doc: Doc, timexes: Sequence[Timex] | None) -> list[tuple[Timex, Span]]:
    """Dated timexes (those with a calendar range) with their token spans."""
    out = []
    for timex in timexes or ():
        if timex.range is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            out.append((timex, span))
    return out


def clause_verb(tok: Token) -> Token | None:
    """The nearest verb (or event noun's verb) above `tok`."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def date_of(
    sent: Span, dated: Sequence[tuple[Timex, Span]], anchors: Sequence[Token]
) -> Timex | None:
    """The timex attached to the trigger (its clause verb is one of `anchors`, or it sits
    under a trigger noun), else the only dated timex of the sentence, else None."""
    inside = [(t, s) for t, s in dated if sent.start <= s.start and s.end <= sent.end]
    anchor_ids = {a.i for a in anchors}
    for timex, span in inside:
        root = span.root
        verb = clause_verb(root)
        if verb is not None and verb.i in anchor_ids:
            return timex
        if any(a.i in anchor_ids for a in root.ancestors if a.pos_ in ("NOUN", "PROPN")):
            return timex
    if len(inside) == 1:
        # the only date, unless it belongs to another clause below the trigger's own
        # ("agreed that in 2030 Peru will supply": 2030 dates the supply)
        verb = clause_verb(inside[0][1].root)
        above = {a.i for anchor in anchors for a in (anchor, *anchor.ancestors)}
        if verb is None or verb.i in above:
            return inside[0][0]
    return None
