"""The figures stated in an event's clause: "signed a $400 billion contract", "sent 2,000
troops". Read from ``doc._.dyad_figures`` (the figures stage runs before this one); each
event mention keeps the provenance of its figures, the figures themselves live in their own
table."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from dyad.nlp.events.args import clause_verb
from dyad.nlp.events.triggers import Trigger
from dyad.types import Figure, Provenance


def figure_spans(doc: Doc, figures: Sequence[Figure] | None) -> list[tuple[Figure, Span]]:
    """The figures with their token spans."""
    out = []
    for figure in figures or ():
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        if span is not None:
            out.append((figure, span))
    return out


def figures_of(
    trig: Trigger, sent: Span, spans: Sequence[tuple[Figure, Span]]
) -> tuple[Provenance, ...]:
    """Figures of the trigger's clause: their nearest verb (past participles that modify a
    noun: "a deal valued at $400bn") is the trigger's clause verb or the trigger, or they sit
    inside an event noun's phrase ("a $400bn deal")."""
    own = {trig.anchor.i, trig.token.i}
    noun = trig.token if trig.noun else None
    found = []
    for figure, span in spans:
        if not (sent.start <= span.start and span.end <= sent.end):
            continue
        root = span.root
        verb = clause_verb(root)
        while verb is not None and verb.dep_ == "acl":  # "a deal valued at $400bn"
            verb = clause_verb(verb)
        inside_noun = noun is not None and any(a.i == noun.i for a in root.ancestors)
        if inside_noun or (verb is not None and verb.i in own):
            found.append(Provenance(figure.doc_id, figure.start, figure.end, figure.text))
    return tuple(found)
