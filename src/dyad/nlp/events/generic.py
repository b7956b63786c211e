"""Actors named by what they are, not by name: "rebels killed five soldiers", "Muslim
hackers defaced Danish web sites", "a human rights group protested", "prisoners rioted".

The actor stage codes such a phrase only when it names a country ("Malian rebels",
"protesters in Egypt"). Without one, the event used to be dropped for want of a source.
The phrase is now the event's source as an unresolved actor: its words are kept, and it
gets no code, as for a name the knowledge base does not know. This needs a coded target
("gunmen attacked a convoy" names no country on either side: it can enter no pair of
states and stays out). Only the subject of a trigger qualifies, and only a phrase that
plainly names people outside the state:
- a role noun of the knowledge base (`data/roles.tsv`) whose sector is not a state body
  (rebels, militants, protesters, workers, students, a rights group, a newspaper);
  "officials" or "the army" without a country are left alone, since they stand for a
  state the text named before, which dyad does not guess; so are commentators
  ("analysts agree that ...") and "people" at large;
- or one of the nouns below, for people the sector table has no entry for;
- or an ethnic group ("ethnic Albanians"), which the actor stage does not code as a state.
A definite phrase ("the rebels") points back to someone named before and is left alone,
as are the group anaphora of `anaphora.is_group_anaphor` ("the two sides").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyad.nlp.actors.kb import load_kb
from dyad.nlp.events import args as A
from dyad.nlp.events.anaphora import is_group_anaphor
from dyad.nlp.events.sectors import STATE_SECTORS
from dyad.nlp.events.words import lemma
from dyad.types import Actor, ActorMention

# A state's own bodies and business: without a country, not an actor.
_NOT_GENERIC_SECTORS = STATE_SECTORS | {"BUS"}
# Roles whose holders comment on events rather than act in them, and people at large: "analysts
# agree that ...", "people want ..." are no actors of an event.
_NOT_ACTORS = frozenset(
    "analyst expert scholar academic professor researcher journalist editor people public".split()
)
# People and bodies outside the sector table.
PEOPLE_NOUNS = frozenset(
    "prisoner inmate settler hacker elder islamist tribesman "
    "fighter crowd mob group association organisation organization movement coalition "
    "gunman attacker assailant sniper kidnapper abductor hijacker".split()
)
# Determiners and possessives pointing back to someone named before.
_POINTING_BACK = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
_LEFT_DEPS = frozenset({"amod", "compound", "nmod"})


def _people(head: Token) -> bool:
    ethnic = any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in head.children)
    if ethnic and (head.ent_type_ == "NORP" or head.tag_ in ("NNP", "NNPS")):
        return True  # an ethnic group: "ethnic Albanians" are not Albania (see actors.md)
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    word = lemma(head)
    if word in PEOPLE_NOUNS:
        return True
    compound = " ".join([*(c.lower_ for c in head.lefts if c.dep_ == "compound"), head.lower_])
    kb = load_kb()
    for term in (compound, head.lower_, word):
        role = kb.role(term)
        if role is not None:
            return (
                role.sector not in _NOT_GENERIC_SECTORS
                and role.kind != "country"
                and role.role not in _NOT_ACTORS
            )
    return False


def generic_sources(
    heads: list[Token], verb: Token, targets: Sequence[ActorMention]
) -> list[ActorMention]:
    """`generic_actor` of each subject head of `verb` that is the active subject of its verb
    or the "by" agent of a passive, and of its conjuncts ("rebels and militias fought").
    Not the antecedent of a relative clause ("an organisation that helps ..." describes
    it). None when the event has no coded target among `targets`."""
    if not any(m.actor is not None for m in targets):
        return []
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return []  # a bare participle is passive: "activists arrested in X" were arrested
    out: list[ActorMention] = []
    for head in heads:
        if head.dep_ != "nsubj" and head.head.dep_ != "agent":
            continue
        if any(v.dep_ == "relcl" and v.head.i == head.i for v in (verb, *verb.ancestors)):
            continue
        out.extend(m for t in A.with_conjuncts(head) if (m := generic_actor(t)) is not None)
    return A.dedupe(out)


def generic_actor(head: Token, *, definite: bool = False) -> ActorMention | None:
    """An unresolved mention for a subject `head` that names people by what they are, with
    the words on its left and its "of" phrase ("Ibo traditional elders", "group of Yoruba
    leaders"); None for anything else. A definite phrase counts only with `definite`."""
    if not _people(head) or is_group_anaphor(head):
        return None
    pointing = any(c.dep_ in ("det", "poss") and c.lower_ in _POINTING_BACK for c in head.children)
    if pointing and not definite:
        return None
    left = [c for c in head.lefts if c.dep_ in _LEFT_DEPS]
    start = min([head.i, *(min(t.i for t in c.subtree) for c in left)])
    end = head.i + 1
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            end = max(t.i for t in prep.subtree) + 1
    span = head.doc[start:end]
    return ActorMention(span.start_char, span.end_char, span.text, None)


def home_people(heads: Sequence[Token], sources: Sequence[ActorMention]) -> list[ActorMention]:
    """People named by what they are whom one country's police act upon are that country's
    people, as police serve at home (the actor stage reads "police in X" as X's): "Egyptian
    police opened fire to disperse demonstrators" -> EGY. The words stay theirs; the
    actor is the country, with no sector guessed. Not for armed forces, which often act
    abroad."""
    police = [
        m.actor.country
        for m in sources
        if m.actor is not None and (m.actor.sector or m.actor.code[3:6]) == "COP"
    ]
    if not police or len(police) != len(sources) or len(set(police)) != 1 or not police[0]:
        return []  # only when every source is one country's police
    country = police[0]
    home = Actor(country, "group", country=country)
    out = []
    for head in A.of_chain(heads):  # "arrested dozens of demonstrators"
        mention = generic_actor(head, definite=True)
        if mention is not None:
            out.append(ActorMention(mention.start, mention.end, mention.text, home))
    return A.dedupe(out)
