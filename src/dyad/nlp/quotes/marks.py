"""Quotation spans found from the quotation marks of a text, at character level.

News text mixes conventions: curly marks (“ ”), straight marks ("), and doubled apostrophes
or backquotes (`` ''), sometimes mixed within one quotation (''... "). Curly and backquoted
opening marks open, the curly closing mark closes, and the straight/doubled ones toggle.
A quotation never runs across a paragraph (a blank line or line break), except in the
newspaper convention for a quotation of several paragraphs: a paragraph that ends inside the
quotation without a closing mark, followed by a paragraph that opens with a mark, continues
it. Single quotation marks are ignored: ’ is mostly an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"``|''|[“”\"]")
_PARAGRAPH = re.compile(r"[^\n]+")
OPENERS = frozenset({"“", "``"})
CLOSERS = frozenset({"”"})


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: its span including the marks, and its paragraph pieces (several when
    the quotation runs over paragraphs)."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]

    def contains(self, pos: int) -> bool:
        """Whether character `pos` lies strictly inside the marks of one of the pieces."""
        return any(s < pos < e - 1 for s, e in self.pieces)


def _in_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed quotations of one paragraph and the start of an unclosed one (or None)."""
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, start, end):
        mark = m.group()
        if open_at is None:
            if mark not in CLOSERS:
                open_at = m.start()
        elif mark not in OPENERS:
            found.append((open_at, m.end()))
            open_at = None
        else:  # a second opener: the first had no partner
            open_at = m.start()
    return found, open_at


def find_quotations(text: str) -> list[Quotation]:
    """The quotations of `text`, in text order."""
    out: list[Quotation] = []
    pending: list[tuple[int, int]] = []  # pieces of a quotation running over paragraphs
    for para in _PARAGRAPH.finditer(text):
        start, end = para.start(), para.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        stripped = text[start:end].lstrip()
        lead = start + len(text[start:end]) - len(stripped)
        opens = bool(stripped) and (stripped[0] in '“"' or stripped.startswith(("``", "''")))
        if pending and not opens:
            pending = []  # the running quotation ended without a mark: drop it
        found, open_at = _in_paragraph(text, start, end)
        if pending and found and found[0][0] == lead:
            # the first closed quotation ends the running one
            first = found.pop(0)
            pieces = (*pending, first)
            out.append(Quotation(pieces[0][0], first[1], pieces))
            pending = []
        elif pending and not found and open_at == lead:
            pending.append((lead, end))
            continue
        elif pending:
            pending = []
        out.extend(Quotation(s, e, ((s, e),)) for s, e in found)
        if open_at is not None:
            pending = [(open_at, end)]
    return sorted(out, key=lambda q: q.start)
