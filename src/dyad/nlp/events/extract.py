"""Event mentions from the dependency parse, one sentence at a time.

1. Find triggers: verbs of the lexicon whose argument words match ("signed a contract"),
   event nouns carried by a support verb ("held talks", "the exercise took place"), and
   event nouns whose own modifiers name the actor ("the premier's visit", "EU sanctions").
   Verbs that only govern another event ("agreed to hold", "began to withdraw", "said")
   pass the event down to the governed clause and lend it their subject and flags.
2. Arguments: sources from the subject (with conjuncts; the "by" agent of a passive),
   targets from objects and "with"/"to"/"against"/"on"... phrases. Known actor mentions
   in those phrases count; a name the knowledge base does not know counts only as the
   head of the phrase, and stays unresolved (its text, no code). An event without a
   source in the text is dropped (PLOVER requires one).
3. Date: the dated timex attached to the trigger's clause, else the only one in the
   sentence. Location: a place in an "in"/"at" phrase of the trigger.
4. One event per sentence, type, source set and flags: repeated mentions merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dyad.nlp.events import args as A
from dyad.nlp.events import lexicon
from dyad.nlp.events.args import complements
from dyad.nlp.events.modality import Modality, is_purpose_clause, modality
from dyad.types import Actor, ActorMention, EventMention, Provenance, Timex

_DEMAND = lexicon.TriggerRule("must", "V", frozenset(), "100", "event")
_OBLIGATION_AUX = frozenset({"must", "should"})
# How many sentences back "the two sides"/"they" may look for the pair that acted together.
_PAIR_WINDOW = 3
_JOINT = frozenset({"joint", "combined", "bilateral", "multilateral", "multinational"})
# Exercises by one side alone are MOBILIZE, joint ones COOPERATE (manual, MOBILIZE).
_EXERCISE_CODE, _SOLO_EXERCISE_CODE = "062", "150"
_NOUN_SOURCE_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
# Speech verbs whose object can be the event itself: "X announced sanctions on Y".
_ANNOUNCE = frozenset({"announce", "declare", "unveil"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
_THINGS = frozenset(
    {
        "export",
        "import",
        "trade",
        "price",
        "economy",
        "growth",
        "market",
        "deal",
        "contract",
        "agreement",
        "policy",
        "move",
        "decision",
        "plan",
        "report",
        "statement",
        "relation",
        "relationship",
        "tie",
        "cooperation",
        "partnership",
        "pressure",
        "crisis",
        "situation",
        "development",
        "war",
        "effort",
        "step",
        "approach",
        "project",
        "pipeline",
        "supply",
        "demand",
    }
)
# Meetings and statements of intent or support happen somewhere without being aimed at it.
_NO_PLACE_TARGET = frozenset({"CONSULT", "AGREE", "SUPPORT"})
# Protest, repression and violence at home are aimed at the home country: CAMEO and PLOVER
# code "Algerians rioted in Algeria" DZA -> DZA, so a place of the source's own country is
# a target for these types (for the others, "Russia held a drill in Russia" has none).
_DOMESTIC = frozenset({"PROTEST", "COERCE", "ASSAULT"})
# Sectors of a state's own bodies: their protests are aimed elsewhere, not at home.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Prepositions on an object noun that name whom the action concerns.
_OBJECT_TARGET_PREPS = frozenset(
    {"with", "to", "against", "on", "from", "for", "into", "toward", "towards"}
)
# ("relations with X over their ties with Y": the ties are not what is acted upon; the
# objects of "over"/"of"/"upon" phrases are followed no further.)


@dataclass(slots=True)
class _Trigger:
    token: Token
    anchor: Token  # the clause verb whose subject, objects and flags apply
    rule: lexicon.TriggerRule
    noun: bool = False
    standalone: bool = False
    demand_clause: Token | None = None  # for "X said Y must ...": Y's clause


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


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


def _noun_rule(tok: Token) -> lexicon.TriggerRule | None:
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
    lemma = _lemma(verb)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            if lemma == "take" and child.lower_ == "place":
                candidates.extend(c for c in verb.children if c.dep_ == "nsubj")
                if verb.dep_ == "relcl":
                    candidates.append(verb.head)
                continue
            candidates.append(child)
            if lemma == "take" and child.lower_ == "part":
                candidates.extend(
                    o
                    for p in verb.children
                    if p.lower_ == "in"
                    for o in p.children
                    if o.dep_ == "pobj"
                )
        elif child.dep_ == "prep" and child.lower_ == "in" and lemma in ("participate", "engage"):
            candidates.extend(o for o in child.children if o.dep_ == "pobj")
    for cand in list(candidates):  # "ten days of war games"
        candidates.extend(
            o
            for p in cand.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        )
    for cand in candidates:
        near = [a for a in cand.children if a.dep_ in ("appos", "compound")]
        for tok in (cand, *near):
            if _noun_rule(tok) is not None:
                return tok
        if _is_light_noun(cand):
            for prep in cand.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        for tok in (obj, *[a for a in obj.children if a.dep_ == "appos"]):
                            if _noun_rule(tok) is not None:
                                return tok
    return None


def verb_trigger(verb: Token) -> _Trigger | None:
    """The trigger a verb contributes, if any (see module docstring, step 1)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    kind = lexicon.kind_of(verb.lemma_)
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
                return _Trigger(verb, verb, _DEMAND, demand_clause=clause)
    rule = lexicon.match(verb.lemma_, "V", complements(verb))
    if rule is not None:
        return _Trigger(verb, verb, rule)
    if kind in ("light", "aspect", "intent") or _lemma(verb) in _ANNOUNCE:
        noun = _event_noun_near(verb)
        if noun is not None:
            noun_rule = _noun_rule(noun)
            if noun_rule is not None:
                return _Trigger(noun, verb, noun_rule, noun=True)
    if kind == "aspect":
        purpose = _embedded_verb(verb, purpose=True)
        if purpose is not None and verb_trigger(purpose) is not None:
            return None
    return None


def _subject_heads(verb: Token) -> tuple[list[Token], bool]:
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


def _target_heads(tok: Token) -> list[Token]:
    heads: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "iobj") or (child.dep_ == "nsubjpass"):
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in A.TARGET_PREPS:
            heads.extend(o for o in child.children if o.dep_ == "pobj")
    return heads


def _pronoun_subject(trig: _Trigger) -> bool:
    heads, passive = _subject_heads(trig.anchor)
    return not passive and any(h.lower_ in _PRONOUNS for h in heads)


def _noun_sources(index: A.ActorIndex, noun: Token) -> list[ActorMention]:
    """Actors named inside an event noun's phrase: "the premier's visit", "a Franco-German
    exercise", "talks between X and Y", "an attack by X"."""
    heads = [c for c in noun.children if c.dep_ in _NOUN_SOURCE_DEPS]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in A.SOURCE_PREPS:
            heads.extend(o for o in prep.children if o.dep_ == "pobj")
    return A.actors_of(index, heads)


def _sentence_triggers(sent: Span) -> list[_Trigger]:
    found: list[_Trigger] = []
    consumed: set[int] = set()
    for tok in sent:
        trig = verb_trigger(tok)
        if trig is None:
            continue
        found.append(trig)
        consumed.add(trig.token.i)
        consumed.update(h.i for h in _target_heads(tok))
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        rule = _noun_rule(tok)
        if rule is not None:
            anchor = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok)
            found.append(_Trigger(tok, anchor, rule, noun=True, standalone=True))
    return sorted(found, key=lambda t: t.token.i)


def _arguments(
    index: A.ActorIndex, trig: _Trigger, sent: Span, recent_pair: Sequence[ActorMention] = ()
) -> tuple[list[ActorMention], list[ActorMention]]:
    if trig.standalone:
        sources = _noun_sources(index, trig.token)
        targets = A.actors_of(index, _target_heads(trig.token))
    else:
        heads, _passive = _subject_heads(trig.anchor)
        heads = [h for h in heads if not _inanimate(h)]
        sources = A.actors_of(index, heads, A.SUBJECT_PREPS, unresolved=True)
        group = [h for h in heads if A.is_group_anaphor(h)]
        if not sources and group:
            sources = A.group_anaphor(index, sent, group[0], recent_pair)
        if not sources:
            for head in heads:
                if head.lower_ in ("he", "she"):
                    sources = A.person_antecedent(index, head)
        if trig.noun:
            inner = _noun_sources(index, trig.token)
            sources = inner or sources
        target_heads = _target_heads(trig.anchor)
        if trig.noun:
            target_heads += _target_heads(trig.token)
        target_heads += _object_prep_targets(target_heads, trig.token)
        target_heads += _content_targets(trig)
        if trig.demand_clause is not None:
            target_heads = [
                c for c in trig.demand_clause.children if c.dep_ in ("nsubj", "nsubjpass")
            ]
        targets = A.actors_of(
            index, [h for h in target_heads if h.i != trig.token.i], unresolved=True
        )
    source_codes = {m.actor.code for m in sources if m.actor is not None}
    source_keys = {m.key for m in sources}
    targets = [m for m in targets if m.key not in source_keys]
    info = lexicon.code_info(trig.rule.cameo)
    if not targets and (info.mode == "visit" or info.plover not in _NO_PLACE_TARGET):
        # "lifted the curfew in Montenegro": the place's actor is the one affected
        anchors = [trig.token, trig.anchor, *_governed_clauses(trig)]
        places = A.place_country_mentions(index, A.place_heads(anchors))
        if info.mode == "visit":  # "arrived in Moscow", "traveled to Shanghai"
            places += A.place_country_mentions(index, _destinations(trig))
        own = set() if info.plover in _DOMESTIC else {c[:3] for c in source_codes}
        targets = A.dedupe(
            m
            for m in places
            if m.actor is not None
            and m.actor.code[:3] not in own
            and m.actor.code not in source_codes
        )
    if not targets and info.plover == "PROTEST":
        targets = _home_authorities(sources)
    return sources, targets


def _home_authorities(sources: Sequence[ActorMention]) -> list[ActorMention]:
    """A protest by people (not by a state body) that names no target and no foreign place
    is directed at their own country's authorities, as CAMEO and PLOVER code domestic
    protest ("Algerian farmers rioted" -> DZA -> DZA). The target keeps the source's
    span, at country level."""
    for mention in sources:
        actor = mention.actor
        if actor is None or actor.kind == "igo":
            continue
        country = actor.country or (actor.code[:3] if actor.kind == "country" else None)
        if country is None or (actor.sector or actor.code[3:6]) in _STATE_SECTORS:
            continue
        home = Actor(country, "country", country=country)
        return [ActorMention(mention.start, mention.end, mention.text, home)]
    return []


def _destinations(trig: _Trigger) -> list[Token]:
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


def _object_prep_targets(heads: Sequence[Token], trigger: Token) -> list[Token]:
    """Targets inside the objects' own phrases, following their "of" chain: "signed a
    contract with Y", "imposed sanctions on Y", "suspended part of the aid programme for
    Y", "the withdrawal of forces from Y"."""
    nouns = [
        h
        for h in heads
        if h.pos_ in ("NOUN", "PROPN")
        and h.i != trigger.i
        and (h.dep_ != "pobj" or h.head.lower_ in _OBJECT_TARGET_PREPS)
    ]
    if trigger.pos_ in ("NOUN", "PROPN"):
        nouns += [
            o
            for p in trigger.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
    out: list[Token] = []
    for noun in A.of_chain(nouns):
        out.extend(
            o
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ in _OBJECT_TARGET_PREPS
            for o in p.children
            if o.dep_ == "pobj"
        )
    return out


def _inanimate(head: Token) -> bool:
    """Subjects that cannot act: events ("the trip showed goodwill") and things ("rising
    prices threaten the plan"); their possessor is not the actor."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
        return False
    lemma = _lemma(head)
    return lemma in _THINGS or any(r.kind == "event" for r in lexicon.rules_for(lemma, "N"))


def _definite(noun: Token) -> bool:
    """ "the exercise", "this visit": a noun pointing back to one already named."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _lone_meeting(trig: _Trigger, sources: list[ActorMention], targets: list[ActorMention]) -> bool:
    """A meeting needs two parties: "the cabinet met" is no CONSULT between actors."""
    if lexicon.code_info(trig.rule.cameo).plover != "CONSULT" or targets:
        return False
    return len({m.actor.code[:3] for m in sources if m.actor is not None}) < 2


def _content_targets(trig: _Trigger) -> list[Token]:
    """Targets named in the clause a trigger governs: "threatened to cut off electricity
    to Y", "offered to hand over to Y", "demanded that Y ..." (its subject)."""
    heads: list[Token] = []
    verb = trig.anchor
    if trig.noun:
        return heads
    for child in _governed_clauses(trig):
        own = _target_heads(child)
        heads.extend(own)
        heads.extend(_object_prep_targets(own, trig.token))
    for child in verb.children:
        if (child.dep_ == "ccomp" or A.for_clause(child)) and quad_of(trig) == 3:
            heads.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
    return heads


def _governed_clauses(trig: _Trigger) -> list[Token]:
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


def _speech_act_trigger(trig: _Trigger) -> bool:
    """A trigger whose governed clause is its content, not a second event (modality marks
    that clause `embedded`): threats, demands, refusals, accusations..."""
    return trig.rule.kind == "event" and lexicon.kind_of(trig.anchor.lemma_) is None


def quad_of(trig: _Trigger) -> int:
    return lexicon.code_info(trig.rule.cameo).quad_class


def _code_for(trig: _Trigger, sources: list[ActorMention], targets: list[ActorMention]) -> str:
    code = trig.rule.cameo
    if code == _EXERCISE_CODE and trig.noun:
        parties = {m.actor.code[:3] for m in (*sources, *targets) if m.actor is not None}
        joint = any(c.lower_ in _JOINT for c in trig.token.children)
        if len(parties) < 2 and not joint:
            return _SOLO_EXERCISE_CODE
    return code


def _event(
    doc_id: str,
    sent: Span,
    trig: _Trigger,
    sources: list[ActorMention],
    targets: list[ActorMention],
    mood: Modality,
    reporter: ActorMention | None,
    when: Timex | None,
) -> EventMention:
    info = lexicon.code_info(_code_for(trig, sources, targets))
    tok = trig.token
    return EventMention(
        doc_id=doc_id,
        sentence=Provenance(doc_id, sent.start_char, sent.end_char, sent.text),
        trigger_start=tok.idx,
        trigger_end=tok.idx + len(tok.text),
        trigger=tok.text,
        plover=info.plover,
        cameo=info.cameo,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        mode=info.mode,
        context=info.context,
        sources=tuple(sources),
        targets=tuple(targets),
        when=when.range if when is not None else None,
        when_text=when.text if when is not None else None,
        location=A.location_of(
            [
                tok,
                trig.anchor,
                *[c for c in trig.anchor.children if c.dep_ in ("dobj", "nsubjpass")],
            ]
        ),
        negated=mood.negated,
        future=mood.future,
        hypothetical=mood.hypothetical,
        reported_by=reporter,
    )


def _merge(events: list[EventMention]) -> list[EventMention]:
    """One event per (type, source codes, flags) within a sentence; targets unite."""
    kept: dict[tuple[object, ...], EventMention] = {}
    for event in events:
        key = (
            event.plover,
            frozenset(m.key for m in event.sources),
            event.negated,
            event.future,
            event.hypothetical,
        )
        first = kept.get(key)
        if first is None:
            kept[key] = event
            continue
        keys = {m.key for m in first.targets}
        extra = tuple(m for m in event.targets if m.key not in keys)
        kept[key] = replace(
            first,
            targets=first.targets + extra,
            when=first.when or event.when,
            when_text=first.when_text or event.when_text,
            location=first.location or event.location,
        )
    return list(kept.values())


_HABITUAL_ADVERBS = frozenset(
    "usually regularly routinely often frequently continuously traditionally typically "
    "normally customarily habitually repeatedly annually yearly".split()
)


def _set_spans(doc: Doc) -> list[Span]:
    """Spans of SET timexes ("every October", "2-3 times a year", "annually")."""
    spans = []
    for timex in doc._.dyad_timexes or ():
        if timex.type == "SET":
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return spans


def _habitual(trig: _Trigger, sets: Sequence[Span]) -> bool:
    """A recurring practice, not one event: "officials usually meet every October", "the
    exercises take place twice a year". Marked by a habitual adverb on the trigger's clause
    or a SET expression in that clause (not one deeper down: "agreed to deliver gas
    annually" is one agreement)."""
    anchors = {trig.anchor.i, trig.token.i}
    if any(
        c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADVERBS
        for a in (trig.anchor, trig.token)
        for c in a.children
    ):
        return True
    for span in sets:
        verb = A.clause_verb(span.root)
        if verb is not None and verb.i in anchors:
            return True
    return False


def extract_events(doc: Doc) -> list[EventMention]:
    """All event mentions of a processed Doc (needs dyad_actors; dyad_timexes optional)."""
    doc_id = doc._.dyad_doc_id or ""
    index = A.ActorIndex(doc, doc._.dyad_actors)
    dated = A.timex_tokens(doc, doc._.dyad_timexes)
    sets = _set_spans(doc)
    events: list[EventMention] = []
    last_of: dict[str, EventMention] = {}  # event noun lemma -> its last coded mention
    pair: tuple[ActorMention, ...] = ()  # the last two countries that acted together
    pair_age = 0
    for sent in doc.sents:
        pair_age += 1
        if pair_age > _PAIR_WINDOW:
            pair = ()
        found: list[EventMention] = []
        for trig in _sentence_triggers(sent):
            mood = modality(trig.token, trig.anchor)
            if mood.embedded:
                continue
            sources, targets = _arguments(index, trig, sent, pair)
            earlier = last_of.get(_lemma(trig.token)) if trig.noun else None
            if (
                not sources
                and earlier is not None
                and not trig.standalone
                and _definite(trig.token)
            ):
                # "the drill took place in March": the drill named before
                sources, targets = list(earlier.sources), list(earlier.targets)
            reporter = None
            if mood.reporter is not None:
                heads, _ = _subject_heads(mood.reporter)
                said_by = A.actors_of(index, heads, unresolved=True)
                reporter = said_by[0] if said_by else None
                if not sources and said_by and _pronoun_subject(trig):
                    sources = said_by  # "X said it would ...": "it" is X
            if not sources or _lone_meeting(trig, sources, targets):
                continue
            when = A.date_of(sent, dated, [trig.token, trig.anchor])
            event = _event(doc_id, sent, trig, sources, targets, mood, reporter, when)
            if _habitual(trig, sets):
                event = replace(event, habitual=True)
            found.append(event)
            if trig.noun:
                last_of[_lemma(trig.token)] = event
            if len({c[:3] for c in event.source_codes}) == 2:
                pair, pair_age = event.sources, 0
        events.extend(_merge(found))
    return events
