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
   source in the text is dropped, except violence told by its weapon: the actors named
   on the attack are its sources ("a NATO missile attack killed"), and when none is
   named the event is kept with no source ("a roadside bomb killed", `unidentified`).
3. Date: the dated timex attached to the trigger's clause, else the only one in the
   sentence. Location: a place in an "in"/"at" phrase of the trigger.
4. One event per sentence, type, source set and flags: repeated mentions merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyad.nlp.events import args as A
from dyad.nlp.events import lexicon
from dyad.nlp.events.figures import figure_spans, figures_of
from dyad.nlp.events.generic import generic_sources
from dyad.nlp.events.modality import Modality, modality
from dyad.nlp.events.places import location_of
from dyad.nlp.events.roles import arguments, pronoun_subject, subject_heads
from dyad.nlp.events.triggers import Trigger, sentence_triggers
from dyad.nlp.events.unidentified import attack_sources, unidentified_perpetrator
from dyad.nlp.events.words import lemma
from dyad.types import ActorMention, EventMention, Provenance, Timex

# How many sentences back "the two sides"/"they" may look for the pair that acted together.
_PAIR_WINDOW = 3
_JOINT = frozenset({"joint", "combined", "bilateral", "multilateral", "multinational"})
# Exercises by one side alone are MOBILIZE, joint ones COOPERATE (manual, MOBILIZE); the
# same for every trigger of 062 (military training, patrols): "trained its pilots" is 150.
_EXERCISE_CODE, _SOLO_EXERCISE_CODE = "062", "150"


def _definite(noun: Token) -> bool:
    """ "the exercise", "this visit": a noun pointing back to one already named."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _lone_meeting(trig: Trigger, sources: list[ActorMention], targets: list[ActorMention]) -> bool:
    """A meeting needs two parties: "the cabinet met" is no CONSULT between actors."""
    if lexicon.code_info(trig.rule.cameo).plover != "CONSULT" or targets:
        return False
    return len({m.actor.code[:3] for m in sources if m.actor is not None}) < 2


def _code_for(trig: Trigger, sources: list[ActorMention], targets: list[ActorMention]) -> str:
    code = trig.rule.cameo
    if code == _EXERCISE_CODE:
        parties = {m.actor.code[:3] for m in (*sources, *targets) if m.actor is not None}
        joint = any(c.lower_ in _JOINT for c in trig.token.children)
        if len(parties) < 2 and not joint:
            return _SOLO_EXERCISE_CODE
    return code


def _event(
    doc_id: str,
    sent: Span,
    trig: Trigger,
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
        location=location_of(
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
            figures=first.figures + tuple(f for f in event.figures if f not in first.figures),
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


def _habitual(trig: Trigger, sets: Sequence[Span]) -> bool:
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
    """All event mentions of a processed Doc (needs dyad_actors; dyad_timexes and
    dyad_figures optional)."""
    doc_id = doc._.dyad_doc_id or ""
    index = A.ActorIndex(doc, doc._.dyad_actors)
    dated = A.timex_tokens(doc, doc._.dyad_timexes)
    sets = _set_spans(doc)
    numbers = figure_spans(doc, doc._.dyad_figures)
    events: list[EventMention] = []
    last_of: dict[str, EventMention] = {}  # event noun lemma -> its last coded mention
    pair: tuple[ActorMention, ...] = ()  # the last two countries that acted together
    pair_age = 0
    for sent in doc.sents:
        pair_age += 1
        if pair_age > _PAIR_WINDOW:
            pair = ()
        found: list[EventMention] = []
        for trig in sentence_triggers(sent):
            mood = modality(trig.token, trig.anchor)
            if mood.embedded:
                continue
            sources, targets = arguments(index, trig, sent, pair)
            earlier = last_of.get(lemma(trig.token)) if trig.noun else None
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
                heads, _ = subject_heads(mood.reporter)
                said_by = A.actors_of(index, heads, unresolved=True)
                if not said_by:  # "militants said they ..."
                    said_by = generic_sources(heads, mood.reporter, targets)
                reporter = said_by[0] if said_by else None
                if not sources and said_by and pronoun_subject(trig):
                    sources = said_by  # "X said it would ...": "it" is X
            if not sources and targets:
                sources = attack_sources(index, trig)  # "a NATO missile attack killed"
            if not sources and not (targets and unidentified_perpetrator(trig)):
                continue
            if _lone_meeting(trig, sources, targets):
                continue
            when = A.date_of(sent, dated, [trig.token, trig.anchor])
            event = _event(doc_id, sent, trig, sources, targets, mood, reporter, when)
            if _habitual(trig, sets):
                event = replace(event, habitual=True)
            if numbers:
                event = replace(event, figures=figures_of(trig, sent, numbers))
            found.append(event)
            if trig.noun:
                last_of[lemma(trig.token)] = event
            if len({c[:3] for c in event.source_codes}) == 2:
                pair, pair_age = event.sources, 0
        events.extend(_merge(found))
    return events
