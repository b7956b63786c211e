"""Event mentions from the dependency parse, one sentence at a time.

1. Find triggers: verbs of the lexicon whose argument words match ("signed a contract"),
   event nouns carried by a support verb ("held talks", "the exercise took place"), and
   event nouns whose own modifiers name the actor ("the premier's visit", "EU sanctions").
   Verbs that only govern another event ("agreed to hold", "began to withdraw", "said")
   pass the event down to the governed clause and lend it their subject and flags.
2. Arguments: sources from the subject (with conjuncts; the "by" agent of a passive),
   targets from objects and "with"/"to"/"against"/"on"... phrases; only known actor
   mentions count, and an event without a known source is dropped (PLOVER requires one).
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
from dyad.types import ActorMention, EventMention, Provenance, Timex

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
_THINGS = frozenset({"export", "import", "trade", "price", "economy", "growth", "market",
                     "deal", "contract", "agreement", "policy", "move", "decision", "plan",
                     "report", "statement", "relation", "relationship", "tie", "cooperation",
                     "partnership", "pressure", "crisis", "situation", "development", "war",
                     "effort", "step", "approach", "project", "pipeline", "supply", "demand"})
# Meetings and statements of intent or support happen somewhere without being aimed at it.
_NO_PLACE_TARGET = frozenset({"CONSULT", "AGREE", "SUPPORT"})


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
        tok.lower_, "N", complements(tok))


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
                candidates.extend(o for p in verb.children if p.lower_ == "in"
                                  for o in p.children if o.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "in" and lemma in (
                "participate", "engage"):
            candidates.extend(o for o in child.children if o.dep_ == "pobj")
    for cand in list(candidates):  # "ten days of war games"
        candidates.extend(o for p in cand.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj")
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
            if clause.dep_ == "ccomp" and any(
                    c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in clause.children
            ) and not any(c.dep_ == "nsubj" and c.lower_ in ("we", "i", "you")
                          for c in clause.children):  # "we should": no demand on another
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
                c.dep_ == "auxpass" for c in node.children)
            heads = []
            for subj in subjects:
                if subj.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                    heads.append(node.head)
                else:
                    heads.append(subj)
            if passive and node is verb:  # "is scheduled to visit": Peru is the visitor
                agents = [o for a in node.children if a.dep_ == "agent"
                          for o in a.children if o.dep_ == "pobj"]
                return agents, True
            return heads, False
        if node.dep_ in ("xcomp", "conj", "acomp") or is_purpose_clause(node):
            node = node.head
            continue
        if node.dep_ == "relcl":
            return [node.head], False
        return [], False


def _target_heads(tok: Token) -> list[Token]:
    heads: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "iobj") or (
                child.dep_ == "nsubjpass"):
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


def _arguments(index: A.ActorIndex, trig: _Trigger, sent: Span,
               recent_pair: Sequence[ActorMention] = ()
               ) -> tuple[list[ActorMention], list[ActorMention]]:
    if trig.standalone:
        sources = _noun_sources(index, trig.token)
        targets = A.actors_of(index, _target_heads(trig.token))
    else:
        heads, _passive = _subject_heads(trig.anchor)
        heads = [h for h in heads if not _inanimate(h)]
        sources = A.actors_of(index, heads, A.SUBJECT_PREPS)
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
        for head in list(target_heads):
            if head.pos_ in ("NOUN", "PROPN") and head.i != trig.token.i:
                target_heads.extend(o for p in head.children if p.dep_ == "prep"
                                    and p.lower_ in ("with", "to", "against", "on")
                                    for o in p.children if o.dep_ == "pobj")
        target_heads += _content_targets(trig)
        if trig.demand_clause is not None:
            target_heads = [c for c in trig.demand_clause.children
                            if c.dep_ in ("nsubj", "nsubjpass")]
        targets = A.actors_of(index, [h for h in target_heads if h.i != trig.token.i])
    source_codes = {m.actor.code for m in sources if m.actor is not None}
    targets = [m for m in targets if m.actor is not None and m.actor.code not in source_codes]
    info = lexicon.code_info(trig.rule.cameo)
    if not targets and (info.mode == "visit" or info.plover not in _NO_PLACE_TARGET):
        # "lifted the curfew in Montenegro": the place's actor is the one affected
        places = A.actors_of(index, A.place_heads([trig.token, trig.anchor]))
        targets = [m for m in places if m.actor is not None
                   and m.actor.code[:3] not in {c[:3] for c in source_codes}]
    return sources, targets


def _inanimate(head: Token) -> bool:
    """Subjects that cannot act: events ("the trip showed goodwill") and things ("rising
    prices threaten the plan"); their possessor is not the actor."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
        return False
    lemma = _lemma(head)
    return lemma in _THINGS or any(r.kind == "event" for r in lexicon.rules_for(lemma, "N"))


def _definite(noun: Token) -> bool:
    """"the exercise", "this visit": a noun pointing back to one already named."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _lone_meeting(trig: _Trigger, sources: list[ActorMention],
                  targets: list[ActorMention]) -> bool:
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
    for child in verb.children:
        if child.dep_ == "xcomp" or is_purpose_clause(child):
            if verb_trigger(child) is None:
                heads.extend(_target_heads(child))
        elif child.dep_ == "ccomp" and quad_of(trig) == 3:
            heads.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
    return heads


def quad_of(trig: _Trigger) -> int:
    return lexicon.code_info(trig.rule.cameo).quad_class


def _code_for(trig: _Trigger, sources: list[ActorMention],
              targets: list[ActorMention]) -> str:
    code = trig.rule.cameo
    if code == _EXERCISE_CODE and trig.noun:
        parties = {m.actor.code[:3] for m in (*sources, *targets) if m.actor is not None}
        joint = any(c.lower_ in _JOINT for c in trig.token.children)
        if len(parties) < 2 and not joint:
            return _SOLO_EXERCISE_CODE
    return code


def _event(doc_id: str, sent: Span, trig: _Trigger, sources: list[ActorMention],
           targets: list[ActorMention], mood: Modality, reporter: ActorMention | None,
           when: Timex | None) -> EventMention:
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
        location=A.location_of([tok, trig.anchor, *[
            c for c in trig.anchor.children if c.dep_ in ("dobj", "nsubjpass")]]),
        negated=mood.negated,
        future=mood.future,
        hypothetical=mood.hypothetical,
        reported_by=reporter,
    )


def _merge(events: list[EventMention]) -> list[EventMention]:
    """One event per (type, source codes, flags) within a sentence; targets unite."""
    kept: dict[tuple[object, ...], EventMention] = {}
    for event in events:
        key = (event.plover, frozenset(event.source_codes), event.negated, event.future,
               event.hypothetical)
        first = kept.get(key)
        if first is None:
            kept[key] = event
            continue
        codes = set(first.target_codes)
        extra = tuple(m for m in event.targets if m.actor is not None
                      and m.actor.code not in codes)
        kept[key] = replace(first, targets=first.targets + extra,
                            when=first.when or event.when,
                            when_text=first.when_text or event.when_text,
                            location=first.location or event.location)
    return list(kept.values())


def extract_events(doc: Doc) -> list[EventMention]:
    """All event mentions of a processed Doc (needs dyad_actors; dyad_timexes optional)."""
    doc_id = doc._.dyad_doc_id or ""
    index = A.ActorIndex(doc, doc._.dyad_actors)
    dated = A.timex_tokens(doc, doc._.dyad_timexes)
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
            if not sources and earlier is not None and not trig.standalone \
                    and _definite(trig.token):
                # "the drill took place in March": the drill named before
                sources, targets = list(earlier.sources), list(earlier.targets)
            reporter = None
            if mood.reporter is not None:
                heads, _ = _subject_heads(mood.reporter)
                said_by = A.actors_of(index, heads)
                reporter = said_by[0] if said_by else None
                if not sources and said_by and _pronoun_subject(trig):
                    sources = said_by  # "X said it would ...": "it" is X
            if not sources or _lone_meeting(trig, sources, targets):
                continue
            when = A.date_of(sent, dated, [trig.token, trig.anchor])
            event = _event(doc_id, sent, trig, sources, targets, mood, reporter, when)
            found.append(event)
            if trig.noun:
                last_of[_lemma(trig.token)] = event
            if len({c[:3] for c in event.source_codes}) == 2:
                pair, pair_age = event.sources, 0
        events.extend(_merge(found))
    return events
