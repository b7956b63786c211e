"""`Found`, a quote under construction: written by the finder (`extract.py`), read by the
speaker resolver (`speaker.py`). It has a module of its own so that neither of the two has
to import the other for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Found:
    """A quote under construction (internal: Quote is built at the end)."""

    cue_tok: Token
    cue: tuple[int, int]
    source: Token | None
    content: list[tuple[int, int]] = field(default_factory=list)
    quotations: set[int] = field(default_factory=set)
    frame: str = "clause"
    kind: str = "indirect"
    source_span: tuple[int, int] | None = None  # a source found without the parse
