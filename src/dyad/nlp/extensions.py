"""The custom attributes dyad's spaCy components read and write on a `Doc`.

Set by the caller before the pipeline runs:
- ``doc._.dyad_doc_id`` (str): the document id, copied into every provenance record.
- ``doc._.dyad_published`` (PublicationDate | None): the given or metadata date, if any.

Written by the components (in pipeline order):
- ``dyad_actors`` -> ``doc._.dyad_actors``: list[ActorMention]
- ``dyad_temporal`` -> ``doc._.dyad_timexes``: list[Timex]; and ``doc._.dyad_published``
  when it was None (an inferred PublicationDate).
- ``dyad_figures`` -> ``doc._.dyad_figures``: list[Figure] (reads ``doc._.dyad_timexes`` and
  ``doc._.dyad_actors`` when set)
- ``dyad_events`` -> ``doc._.dyad_events``: list[EventMention] (reads ``doc._.dyad_figures``
  when set: the figures of each trigger's clause)
- ``dyad_quotes`` -> ``doc._.dyad_quotes``: list[Quote] (reads ``doc._.dyad_actors`` and
  ``doc._.dyad_events`` when set)
"""

from __future__ import annotations

from spacy.tokens import Doc

_DOC_EXTENSIONS = (
    "dyad_doc_id",
    "dyad_published",
    "dyad_actors",
    "dyad_timexes",
    "dyad_events",
    "dyad_quotes",
    "dyad_figures",
)


def register() -> None:
    """Register the extensions (idempotent)."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def text_of(doc: Doc) -> str:
    """The Doc's text, read once: `Doc.text` joins every token anew on each access, which made
    per-figure and per-quote look-ups cost a pass over the whole document each."""
    text = doc.user_data.get("dyad_text")
    if text is None:
        text = doc.user_data["dyad_text"] = doc.text
    return str(text)
