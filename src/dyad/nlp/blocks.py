"""Split a text into blocks (paragraphs, headings) that are parsed separately.

The statistical parser of the small English pipeline runs a heading into the first sentence
of the next paragraph ("Cooperation in Asia\\n\\nChina and Russia agreed ...": the heading
becomes that sentence's subject), and presetting sentence starts makes it split oddly
elsewhere. So each block is parsed on its own and the parsed blocks are joined back into one
`Doc` whose text is exactly the original (offsets stay valid).

A block ends at a blank line, and at a single line break that ends a sentence or a
heading-like short line; a mid-sentence hard wrap (a long line without final punctuation)
does not end a block.
"""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]*\n+|[^\n]+$")
_SENTENCE_END = frozenset(".!?:;\"'”’)")
_CONTINUES = frozenset("a an the of to in on at by for with from and or but as than that".split())
HEADING_MAX_WORDS = 14


def _heading(content: str, next_line: str) -> bool:
    """A short line that does not run on: it does not end in a function word and the next
    line starts like a new sentence."""
    words = content.split()
    starts_sentence = next_line[:1].isupper() or next_line[:1] in ('"', "“", "‘", "'")
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and words[-1].lower() not in _CONTINUES
        and starts_sentence
    )


def blocks(text: str) -> list[str]:
    """Pieces of `text` whose concatenation is `text`, each ending at a block break."""
    lines = [m.group() for m in _LINE.finditer(text)]
    pieces: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        current += line
        if not line.endswith("\n"):
            continue
        content = line.rstrip()
        next_line = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
        blank = line.endswith("\n\n")
        ends_sentence = bool(content) and content[-1] in _SENTENCE_END
        if blank or ends_sentence or _heading(content, next_line):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces
