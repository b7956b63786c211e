"""An event's sources and targets in the dependency parse (see docs/events.md).

Sources come from the subject (with conjuncts; the "by" agent of a passive), from the
modifiers of an event noun ("the premier's visit"), or from group anaphora and pronouns;
targets from objects and "with"/"to"/"against"/"on"... phrases, the objects' own phrases,
the content clause of a speech act, and, for some types, the place where it happened.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from dyad.nlp.events import aims as AIM
from dyad.nlp.events import args as A
from dyad.nlp.events import lexicon
from dyad.nlp.events import places as P
from dyad.nlp.events import words as W
from dyad.nlp.events.anaphora import group_anaphor, is_group_anaphor, person_antecedent
from dyad.nlp.events.generic import generic_sources, home_people
from dyad.nlp.events.modality import is_purpose_clause
from dyad.nlp.events.protest import local_protesters, protest_targets
from dyad.nlp.events.triggers import Trigger, noun_rule, target_heads, verb_trigger
from dyad.nlp.events.words import lemma
from dyad.types import ActorMention

_NOUN_SOURCE_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
_THINGS = frozenset(
    "export import trade price economy growth market deal contract agreement policy "
    "move decision plan report statement relation relationship tie cooperation "
    "partnership pressure crisis situation development war effort step approach "
    "project pipeline supply demand".split()
)
# Participles read as adjectives of their subject's own stance: "is committed/determined/
# prepared/resolved to": the subject is the one who acts, not the one acted upon.
_STANCE_PARTICIPLES = frozenset({"commit", "determine", "prepare", "resolve", "dedicate"})
# Mediation (CAMEO 045) and the intent to mediate (039): the mediator is the source, the
# parties it stands between are the targets (`args.mediated_parties`).
_MEDIATION = frozenset({"039", "045"})
# Meetings and statements of intent or support happen somewhere without being aimed at it.
_NO_PLACE_TARGET = frozenset({"CONSULT", "AGREE", "SUPPORT"})
# Protest, repression and violence at home are aimed at the home country: CAMEO and PLOVER
# code "Algerians rioted in Algeria" DZA -> DZA, so a place of the source's own country is
# a target for these types (for the others, "Russia held a drill in Russia" has none).
_DOMESTIC = frozenset({"PROTEST", "COERCE", "ASSAULT"})
# Prepositions on an object noun that name whom the action concerns.
_OBJECT_TARGET_PREPS = frozenset(
    {"with", "to", "against", "on", "from", "for", "into", "toward", "towards"}
)
# What a measure bears on ("a ban on arms sales to Y", "restrictions on the export of
# technology to Y", "tariffs on imports from Y"): where that flow goes or comes from is a
# target too, unless the flow is someone's ("sanctions against its gas exports to the EU"
# are aimed at the exporter, not the EU).
_RESTRICTED_PREPS = ("on", "against")
_FLOW_PREPS = ("to", "from", "into")
# Nouns of a move made by their "of" party or possessor. In a demand for such a move that
# party is the one asked, and where it moves from is only a place: "demanded the withdrawal
# of Serbian forces from Bosnia" is made of Serbia (in "the withdrawal of forces from Y"
# that is done, Y is a target).
_MOVES = frozenset("withdrawal pullout departure exit retreat removal".split())
# Bodies stationed somewhere: what is done to "the peacekeeping force in Y" or "the mission
# in Y" concerns Y, for every type (the place of the act itself counts only for some).
_STATIONED = frozenset(
    "force troops mission peacekeeper contingent garrison deployment presence".split()
)
# ("relations with X over their ties with Y": the ties are not what is acted upon; the
# objects of "over"/"of"/"upon" phrases are followed no further.)


def subject_heads(verb: Token) -> tuple[list[Token], bool]:
    """(subject heads, passive?) of `verb`, inherited from governing clauses when the
    clause has none of its own ("agreed to hold", "met and signed", "went to meet")."""
    node = verb
    while True:
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            passive = any(c.dep_ == "nsubjpass" for c in subjects) or any(
                c.dep_ == "auxpass" for c in node.children
            )
            heads = []
            for subj in subjects:
                if subj.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                    heads.append(node.head)
                else:
                    heads.append(subj)
            if passive and node == verb:  # "is scheduled to visit": Peru is the visitor
                agents = [
                    o
                    for a in node.children
                    if a.dep_ == "agent"
                    for o in a.children
                    if o.dep_ == "pobj"
                ]
                if not agents and lemma(verb) in _STANCE_PARTICIPLES:
                    return heads, False  # "Vietnam is committed to opening": Vietnam commits
                return agents, True
            return heads, False
        if node.dep_ in ("xcomp", "conj", "acomp") or is_purpose_clause(node):
            node = node.head
            continue
        if node.dep_ == "relcl":
            return [node.head], False
        return _stranded_subject(node), False


def _stranded_subject(verb: Token) -> list[Token]:
    """The subject the small parser strands after a leading phrase: in "With the backing of
    senior leaders, Gazprom and CNPC signed ...", it attaches "Gazprom" as a conjunct of
    "leaders". When a verb has no subject, a conjunct standing between the last comma before
    the verb and the verb, whose head lies before that comma, is taken as the subject."""
    commas = [t.i for t in verb.sent if t.i < verb.i and t.text == ","]
    if not commas:
        return []
    after = commas[-1] + 1
    return [
        t
        for t in verb.doc[after : verb.i]
        if t.dep_ == "conj" and t.head.i < after and t.pos_ in ("PROPN", "NOUN")
    ][:1]


def pronoun_subject(trig: Trigger) -> bool:
    heads, passive = subject_heads(trig.anchor)
    return not passive and any(h.lower_ in _PRONOUNS for h in heads)


def noun_sources(
    index: A.ActorIndex, noun: Token, *, mediation: bool = False
) -> list[ActorMention]:
    """Actors named inside an event noun's phrase: "the premier's visit", "a Franco-German
    exercise", "talks between X and Y", "an attack by X". For a mediation the parties
    between which it stands are not its sources (`args.mediated_parties`)."""
    heads = [c for c in noun.children if c.dep_ in _NOUN_SOURCE_DEPS]
    preps = A.SOURCE_PREPS - A.PARTY_PREPS if mediation else A.SOURCE_PREPS
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            heads.extend(o for o in prep.children if o.dep_ == "pobj")
    return A.actors_of(index, heads)


def arguments(
    index: A.ActorIndex, trig: Trigger, sent: Span, recent_pair: Sequence[ActorMention] = ()
) -> tuple[list[ActorMention], list[ActorMention]]:
    mediation = trig.rule.cameo in _MEDIATION
    info = lexicon.code_info(trig.rule.cameo)
    aimed: list[Token] = []
    if trig.standalone:
        sources = noun_sources(index, trig.token, mediation=mediation)
        targets = A.actors_of(index, target_heads(trig.token))
    else:
        heads, _passive = subject_heads(trig.anchor)
        heads = [h for h in heads if not _inanimate(h)]
        sources = A.actors_of(index, heads, A.SUBJECT_PREPS, unresolved=True)
        group = [h for h in heads if is_group_anaphor(h)]
        if not sources and group:
            sources = group_anaphor(index, sent, group[0], recent_pair)
        if not sources:
            for head in heads:
                if head.lower_ in ("he", "she"):
                    sources = person_antecedent(index, head)
        if trig.noun:
            inner = noun_sources(index, trig.token, mediation=mediation)
            sources = inner or sources
        aimed = target_heads(trig.anchor)
        if trig.noun:
            aimed += target_heads(trig.token)
        if info.mode == "visit":
            aimed = [h for h in aimed if not _companion(h, trig.anchor)]
        aimed += _object_prep_targets(aimed, trig.token, asked=info.plover == "REQUEST")
        aimed += _content_targets(trig)
        if info.plover == "REQUEST":
            aimed += AIM.demanded_of([trig.token, *aimed])
        if trig.demand_clause is not None:
            aimed = [c for c in trig.demand_clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if info.plover == "ACCUSE":
            aimed = AIM.accused(aimed, trig.anchor)
        targets = A.actors_of(index, [h for h in aimed if h.i != trig.token.i], unresolved=True)
    if mediation:
        parties = A.actors_of(index, A.mediated_parties(trig.token, trig.anchor), unresolved=True)
        party_keys = {m.key for m in parties}
        sources = [m for m in sources if m.key not in party_keys]
        targets = A.dedupe([*parties, *targets])
    source_codes = {m.actor.code for m in sources if m.actor is not None}
    targets = AIM.not_self(targets, sources, info.plover)
    if info.plover == "REJECT" and not trig.standalone and not any(
        m.actor is not None for m in targets
    ):  # "refused to resign despite pressure from X", when the refusal names no one else
        pressing = AIM.pressed_by([trig.anchor, *_governed_clauses(trig)])
        targets = A.dedupe([*targets, *A.actors_of(index, pressing)])
    placed: list[ActorMention] = []  # targets that are the place where it happened
    coded = any(m.actor is not None for m in targets)
    if not coded and (info.mode == "visit" or info.plover not in _NO_PLACE_TARGET):
        # "lifted the curfew in Montenegro": the place's actor is the one affected
        anchors = [trig.token, trig.anchor, *_governed_clauses(trig)]
        places = P.place_country_mentions(index, P.place_heads(anchors))
        if info.mode == "visit":  # "arrived in Moscow", "traveled to Shanghai"
            places += P.place_country_mentions(index, _destinations(trig))
        own = set() if info.plover in _DOMESTIC else {c[:3] for c in source_codes}
        placed = A.dedupe(
            m
            for m in places
            if m.actor is not None
            and m.actor.code[:3] not in own
            and m.actor.code not in source_codes
        )
        # "dispatched inspectors to <an unknown facility> in central Iran": the unknown
        # target stays, the place gives the country
        targets = A.dedupe([*targets, *placed])
    if info.plover == "PROTEST" and not trig.standalone:  # "demanding independence from X"
        targets = A.dedupe([*targets, *A.actors_of(index, AIM.broken_away_from(trig.anchor))])
    if not targets and info.plover == "PROTEST":
        targets = protest_targets(index, trig, sources)
    if not trig.standalone and not any(m.actor is not None for m in targets):
        # "called off the strike after talks with the government": the other side
        other = A.actors_of(index, AIM.counterparts(trig.anchor))
        targets = A.dedupe([*targets, *AIM.not_self(other, sources, info.plover)])
    if info.plover in _DOMESTIC and not any(m.actor is not None for m in targets):
        targets = A.dedupe([*targets, *home_people(aimed, sources)])  # police on "demonstrators"
    if not sources and not trig.standalone:
        # "rebels killed five Nigerian soldiers": people named by what they are, when the
        # event has a coded party to tie it to (`generic`)
        sources = generic_sources(subject_heads(trig.anchor)[0], trig.anchor, targets)
        if info.plover == "PROTEST" and placed:  # "prisoners rioted at a jail in Dili"
            sources = local_protesters(sources, placed)
    return sources, targets


def _companion(head: Token, verb: Token) -> bool:
    """Who comes along on a visit to a named place: "visited Haiti with Oxfam" (the place
    is the object), not "met with X"."""
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "with"
        and prep.head == verb
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _destinations(trig: Trigger) -> list[Token]:
    """Where a visit goes: the object of "to"/"in"/"at" on the trigger or its verb, and
    the direct object of "visit"/"tour"."""
    heads: list[Token] = []
    for tok in (trig.token, trig.anchor):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "in", "at"):
                heads.extend(o for o in child.children if o.dep_ == "pobj")
            elif child.dep_ == "dobj":
                heads.append(child)
    return heads


def _object_prep_targets(
    heads: Sequence[Token], trigger: Token, *, asked: bool = False
) -> list[Token]:
    """Targets inside the objects' own phrases, following their "of" chain: "signed a
    contract with Y", "imposed sanctions on Y", "suspended part of the aid programme for
    Y", "the withdrawal of forces from Y"; the parties of an event noun: "ended talks
    between X and Y"; where a restricted flow goes: "a ban on arms sales to Y". In a demand
    (`asked`), not where a demanded move of someone's goes from (`_MOVES`)."""
    nouns = [
        h
        for h in heads
        if (h.pos_ in ("NOUN", "PROPN") or h.dep_ == "dobj")  # "evacuated the wounded from"
        and h.i != trigger.i
        and (h.dep_ != "pobj" or _from_phrase(h.head))
    ]
    if trigger.pos_ in ("NOUN", "PROPN"):
        nouns += W.prep_objects(trigger, ("of",))
    out: list[Token] = []
    chain = A.of_chain(nouns)
    for noun in chain:
        found = [o for o in W.prep_objects(noun, _OBJECT_TARGET_PREPS) if not W.helps(o)]
        if asked and _someones_move(noun):  # not the place a demanded move leaves
            found = [o for o in found if not (o.head.lower_ == "from" and _a_place(o))]
        out.extend(found)
        if _event_noun(noun):  # "ended mediation efforts between X and Y"
            out.extend(W.prep_objects(noun, A.PARTY_PREPS))
        for flow in W.prep_objects(noun, _RESTRICTED_PREPS):  # "a ban on arms sales to Peru"
            if not any(c.dep_ == "poss" for c in flow.children):  # not "on its exports to"
                out.extend(W.prep_objects(flow, _FLOW_PREPS))
    return out + _stationed_in([*chain, *out])


def _stationed_in(nouns: Sequence[Token]) -> list[Token]:
    """Where a force or mission that is no one's named is stationed: "extended the mandate
    for the peacekeeping force in Y" -> Y; not "bombed Iranian forces in Iraq" or "expelled
    the Pakistani mission in New Delhi" (the force is someone's; the place is only where)."""
    out: list[Token] = []
    for noun in nouns:
        if lemma(noun) not in _STATIONED:
            continue
        owned = any(
            c.dep_ in ("poss", "amod", "compound", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
            for c in noun.children
        )
        if not owned:
            out.extend(W.prep_objects(noun, ("in",)))
    return out


def _someones_move(noun: Token) -> bool:
    """A move with its mover named: "the withdrawal of Serbian forces", "Russia's pullout"."""
    if lemma(noun) not in _MOVES:
        return False
    return any(c.dep_ == "poss" for c in noun.children) or bool(W.prep_objects(noun, ("of",)))


def _a_place(tok: Token) -> bool:
    """A named place ("from Bosnia"), not a body or a list ("from the Council of Europe",
    "from the blacklist")."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC")


def _event_noun(noun: Token) -> bool:
    """A noun naming an event, or modified by one ("mediation efforts"); "a football match
    between X and Y" is none: its parties are no one's targets."""
    return any(
        (rule := noun_rule(t)) is not None and rule.kind == "event"
        for t in (noun, *(c for c in noun.children if c.dep_ == "compound"))
    )


def _from_phrase(prep: Token) -> bool:
    """A preposition whose object's own phrases name targets; "out of" counts as "from"
    ("pulled out of the talks with Y")."""
    if prep.lower_ == "of" and prep.head.dep_ == "prep":
        return prep.head.lower_ in W.COMPOUND_PREPS
    return prep.lower_ in _OBJECT_TARGET_PREPS


def _inanimate(head: Token) -> bool:
    """Subjects that cannot act: events ("the trip showed goodwill") and things ("rising
    prices threaten the plan"); their possessor is not the actor."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
        return False
    word = lemma(head)
    return word in _THINGS or any(r.kind == "event" for r in lexicon.rules_for(word, "N"))


def _content_targets(trig: Trigger) -> list[Token]:
    """Targets named in the clause a trigger governs: "threatened to cut off electricity
    to Y", "offered to hand over to Y", "demanded that Y ..." (its subject)."""
    heads: list[Token] = []
    verb = trig.anchor
    if trig.noun:
        return heads
    for child in _governed_clauses(trig):
        own = target_heads(child)
        heads.extend(own)
        heads.extend(_object_prep_targets(own, trig.token))
    for child in verb.children:
        if (child.dep_ == "ccomp" or W.for_clause(child)) and quad_of(trig) == 3:
            heads.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
    if lexicon.code_info(trig.rule.cameo).plover == "THREATEN":
        heads.extend(AIM.condition_subjects([verb, *_governed_clauses(trig)]))
    return heads


def _governed_clauses(trig: Trigger) -> list[Token]:
    """The infinitive complements and purpose clauses of a verb trigger that are not coded
    on their own: the content of a speech act ("threatened to shell Y's towns", "refused
    to deploy troops in Y") or a verb outside the lexicon ("offered to hand over to Y").
    Their objects and places are the trigger's targets."""
    if trig.noun:
        return []
    out = []
    for child in trig.anchor.children:
        if child.dep_ != "xcomp" and not is_purpose_clause(child):
            continue
        # an xcomp under a speech act is its content; a purpose clause with a trigger of
        # its own is a second event ("demanded a meeting to discuss X": X is not demanded)
        content = child.dep_ == "xcomp" and _speech_act_trigger(trig)
        if content or verb_trigger(child) is None:
            out.append(child)
    return out


def _speech_act_trigger(trig: Trigger) -> bool:
    """A trigger whose governed clause is its content, not a second event (modality marks
    that clause `embedded`): threats, demands, refusals, accusations..."""
    word = W.verb_lemma(trig.anchor) or trig.anchor.lemma_
    return trig.rule.kind == "event" and lexicon.kind_of(word) is None


def quad_of(trig: Trigger) -> int:
    return lexicon.code_info(trig.rule.cameo).quad_class
