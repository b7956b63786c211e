"""Fusion blocks: only mentions in one block can be reports of one event.

A block is the PLOVER type, the set of countries taking part (source and target codes cut
to their country part) and the negated, hypothetical and habitual flags ("did not sign" is
never the same event as "signed"). The store keeps each mention's block key, so that new
documents re-fuse only the blocks they touch (incremental fusion).

It sits beside `types.py`, below both the store (which keeps the key) and fusion (which
compares within a block), so neither has to import the other for it.
"""

from __future__ import annotations

from dyad.types import EventMention

Block = tuple[str, frozenset[str], bool, bool, bool]


def block_of(m: EventMention) -> Block:
    countries = frozenset(code[:3] for code in m.source_codes + m.target_codes)
    return (m.plover, countries, m.negated, m.hypothetical, m.habitual)


def block_key(m: EventMention) -> str:
    """The block as text: 'AGREE|CHN,RUS|---' (flags n/h/b when set)."""
    plover, countries, negated, hypothetical, habitual = block_of(m)
    flags = "".join(f if on else "-" for f, on in (("n", negated), ("h", hypothetical),
                                                   ("b", habitual)))  # fmt: skip
    return f"{plover}|{','.join(sorted(countries))}|{flags}"
