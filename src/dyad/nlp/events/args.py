"""Finding an event's arguments in the dependency parse: actors, location, date.

Actors come only from the actor component's mentions (``doc._.dyad_actors``) that overlap an
argument phrase. A mention whose actor is None (a name the knowledge base does not know)
becomes an argument only where the parse makes it the argument itself: the head of the
subject or object phrase, or a compound name on that head ("Hamas militants"); it is kept
unresolved, with its text, never given a code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from dyad.nlp.actors import kb as actors_kb
from dyad.types import Actor, ActorMention, Timex

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
OBJECTS = ("dobj", "dative", "iobj", "oprd")
TARGET_PREPS = frozenset(
    {"with", "to", "against", "on", "toward", "towards", "from", "into", "upon", "over", "of"}
)
SOURCE_PREPS = frozenset({"by", "between", "among"})
LOCATION_PREPS = frozenset({"in", "at"})
# Phrase parts that do not describe the argument itself: clauses and non-"of" modifiers.
_CUT_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis", "punct", "cc"}
)
# "the two leaders", "both sides", "they": see `group_anaphor`.
_GROUP_NOUNS = frozenset(
    {
        "leader",
        "country",
        "side",
        "state",
        "nation",
        "government",
        "head",
        "party",
        "president",
        "capital",
        "neighbour",
        "neighbor",
        "power",
        "partner",
        "ministry",
        "military",
        "army",
        "navy",
    }
)
_GROUP_PRONOUNS = frozenset({"they", "both"})


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
        part of ("Hamas militants" -> "Hamas"), else None."""
        for t in (tok, *[c for c in tok.children if c.dep_ == "compound"]):
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


def complements(tok: Token) -> set[str]:
    """Lemmas (and forms) of the words a lexicon row may require next to its trigger."""
    words: set[str] = set()

    def add(t: Token) -> None:
        words.update((t.lemma_.lower(), t.lower_))
        for c in t.children:
            if c.dep_ in ("compound", "amod", "appos", "conj"):
                words.update((c.lemma_.lower(), c.lower_))

    for child in tok.children:
        dep = child.dep_
        if dep in ("dobj", "dative", "attr", "oprd", "acomp", "nsubjpass", "prt", "iobj"):
            add(child)
            if dep == "dobj":
                words.add("+dobj")  # lets a row exclude transitive uses
            for of in child.children:  # "tons of food aid", "a mission of observers"
                if of.dep_ == "prep" and of.lower_ == "of":
                    for obj in of.children:
                        if obj.dep_ == "pobj":
                            add(obj)
        elif dep == "prep":
            words.add(child.lower_)
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    add(obj)
        elif dep == "advcl" and for_clause(child):  # "pushed for the US to back it"
            words.add("for")
        elif dep == "xcomp" or _is_purpose(child):
            add(child)
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                words.add("to")
            for obj in child.children:
                if obj.dep_ in ("dobj", "prt"):
                    add(obj)
        elif dep == "advmod" and child.lower_ == "where":  # "Rome, where she arrived"
            words.add("where")
        elif dep in ("compound", "amod") and tok.pos_ in ("NOUN", "PROPN"):
            add(child)
    return words


def for_clause(tok: Token) -> bool:
    """A clause introduced by "for" with its own subject: "pressed for Peru to pay",
    "pushing for the US support the plan" (the parser's advcl with mark "for")."""
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def _is_purpose(tok: Token) -> bool:
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def phrase(head: Token, preps: frozenset[str] = frozenset({"of", "by"})) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, with its "of" and "by" complements
    and conjuncts, without relative clauses, appositions or other prepositional phrases."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _CUT_DEPS:
                continue
            if child.dep_ == "prep" and child.lower_ not in preps:
                continue
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
            if known:
                mentions.extend(known)
            elif unresolved and (mention := index.unresolved_at(tok)) is not None:
                mentions.append(mention)
    return dedupe(mentions)


def dedupe(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    """One mention per actor (code, or words of an unresolved one), first one kept."""
    out: dict[str, ActorMention] = {}
    for mention in mentions:
        out.setdefault(mention.key, mention)
    return list(out.values())


def person_antecedent(index: ActorIndex, pronoun: Token) -> list[ActorMention]:
    """ "he"/"she": the nearest person mentioned before it in its sentence or the one
    before (known, or an unresolved name spaCy tags as a PERSON, which stays unresolved);
    none when there is none."""
    sent = pronoun.sent
    start = sent.start_char
    if sent.start > 0:
        start = pronoun.doc[sent.start - 1].sent.start_char
    people = index.people_between(start, pronoun.idx)
    return people[-1:] if people else []


def is_group_anaphor(head: Token) -> bool:
    """Is `head` a plural reference to a pair mentioned just before ("the two leaders",
    "both countries", "both sides", "they")?"""
    if head.lower_ in _GROUP_PRONOUNS:
        return True
    if head.lemma_.lower() not in _GROUP_NOUNS:
        return False
    return any(c.lower_ in ("two", "both") for c in head.children)


def group_anaphor(
    index: ActorIndex, sent: Span, head: Token, recent_pair: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    """The pair a group anaphor (`head`) in `sent` refers to. First the pair that acted
    together in a recent event ("Peru and Chile agreed ... The two sides promised");
    else, for a noun ("the two leaders", not "they"), the known actors of the sentence
    just before, when they belong to exactly two countries (or organisations); else none.
    Deliberately narrow: a wrong resolution puts an event on the wrong dyad."""
    if recent_pair:
        return list(recent_pair)
    doc = sent.doc
    if sent.start == 0 or head.pos_ == "PRON":
        return []
    previous = doc[sent.start - 1].sent
    mentions = index.known_between(previous.start_char, previous.end_char)
    firsts: dict[str, ActorMention] = {}
    for mention in mentions:
        if mention.actor is not None:
            firsts.setdefault(mention.actor.code[:3], mention)
    return list(firsts.values()) if len(firsts) == 2 else []


_PLACE_PREPS = frozenset({"in", "inside", "throughout", "across"})
# Nouns whose own "in" phrase says where the action was aimed: "fired at targets in X",
# "evacuate settlements in X", "strengthened its forces in X".
_PLACE_CARRIERS = ("dobj", "nsubjpass", "pobj")
# Prepositions of the trigger whose object can carry such a place ("at targets in X").
_PLACE_CARRIER_PREPS = frozenset({"at", "from", "to", "into", "on", "against"})


def place_heads(anchors: Iterable[Token]) -> list[Token]:
    """Objects of "in"/"inside"/"throughout" phrases on the trigger and its clause verb, and
    the noun a "where" clause describes ("Rome, where she arrived"); then, further down, the
    same phrases on the trigger's objects and on the objects of its "at"/"from"/"to"...
    phrases ("fired at targets in Jericho", "outlawed an organisation in X"): what is acted
    upon there is the place's. Nearest first."""
    heads: list[Token] = []
    carriers: list[Token] = []
    for anchor in anchors:
        if anchor.dep_ == "relcl" and any(c.lower_ == "where" for c in anchor.children):
            heads.append(anchor.head)
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                heads.extend(o for o in child.children if o.dep_ == "pobj")
            elif child.dep_ in _PLACE_CARRIERS:
                carriers.append(child)
            elif child.dep_ == "prep" and child.lower_ in _PLACE_CARRIER_PREPS:
                carriers.extend(o for o in child.children if o.dep_ == "pobj")
    for carrier in of_chain(carriers):
        for prep in carrier.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                heads.extend(o for o in prep.children if o.dep_ == "pobj")
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
        stack.extend(
            o
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        )
    return out


def place_country_mentions(index: ActorIndex, heads: Iterable[Token]) -> list[ActorMention]:
    """The known actors of place phrases; for a named place with no actor mention (a city,
    a region), its country, when the knowledge base can tell (``country_of_place``)."""
    found: list[ActorMention] = []
    for head in heads:
        tokens = [t for h in with_conjuncts(head) for t in phrase(h)]
        known = index.known_in(tokens)
        if known:
            found.extend(known)
            continue
        found.extend(_place_countries(tokens))
    return dedupe(found)


def _place_countries(tokens: Sequence[Token]) -> list[ActorMention]:
    kb = actors_kb.load_kb()  # the actors stage owns the knowledge base
    lookup = getattr(kb, "country_of_place", None)
    if lookup is None:  # added by the actors stage; absent in older knowledge bases
        return []
    out: list[ActorMention] = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in seen or not (tok.pos_ == "PROPN" or tok.ent_type_ in _PLACE_ENTS):
            continue
        # the named entity around it, else its run of proper nouns: the small models often
        # tag a city as a person or an organisation, so the knowledge base decides
        span = _name_span(tok)
        seen.update(range(span.start, span.end))
        code = _country_code(lookup(span.text))
        if code is None and span[0].lower_ == "the":
            code = _country_code(lookup(span[1:].text))
        if code is not None:
            out.append(
                ActorMention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    Actor(code, "country", country=code, name=span.text),
                )
            )
    return out


_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _name_span(tok: Token) -> Span:
    """The named entity `tok` is part of, else its run of adjacent proper nouns."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return ent
    start = end = tok.i
    while start > tok.sent.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 1 < tok.sent.end and doc[end + 1].pos_ == "PROPN":
        end += 1
    return doc[start : end + 1]


def _country_code(found: object) -> str | None:
    """`country_of_place` may answer with a code or with a country record."""
    if found is None:
        return None
    if isinstance(found, str):
        return found or None
    code = getattr(found, "code", None)
    return code if isinstance(code, str) else None


def location_of(anchors: Iterable[Token]) -> str | None:
    """The place named by an "in"/"at" phrase on the trigger or its clause verb."""
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
                    return ent.text if ent is not None else obj.text
    return None


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
