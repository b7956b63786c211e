"""Turn raw extracted text into paragraphs: re-flow hard-wrapped lines, undo line-end hyphens.

Why: plain-text scrapes come in two shapes. Some put one paragraph per line (a line break is
a paragraph break); others, and every PDF, hard-wrap paragraphs at a fixed width (a line
break is usually just a space). Sentence splitting and event extraction need whole
paragraphs, so we decide which shape a text has from its line lengths and re-flow only
when it is hard-wrapped. The stored text then uses one convention: paragraphs separated
by a blank line ("\\n\\n"), no line breaks inside a paragraph.
"""

from __future__ import annotations

import re

PARAGRAPH_SEPARATOR = "\n\n"

# A line whose length is at least this share of the wrap width was wrapped by the
# typesetter; a shorter one ended its paragraph.
FULL_LINE_SHARE = 0.7
# Hard-wrapped text is wrapped at a width no wider than this (typical: 60-100 columns).
_MAX_WRAP_WIDTH = 110
# A next word "fits" when the line plus the word stays under this share of the width;
# wrapped text may have at most this share of full lines after which the next word fits.
_FIT_SLACK = 0.9
_MAX_FITTING_SHARE = 0.2
_SENTENCE_END = (".", "!", "?", ":", '"', "\u201d")
_BLANK_RUN = re.compile(r"\n[ \t\u00a0]*\n\s*")
_LINE_END_HYPHEN = re.compile(r"([A-Za-z\u00c0-\u024f]+)-$")
_LEADING_WORD = re.compile(r"^([a-z\u00df-\u024f]+)")


def normalise_newlines(text: str) -> str:
    """CRLF/CR -> LF, form feeds (page breaks) -> LF, and no trailing spaces on lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when lines are whole paragraphs.

    The candidate width is the 80th percentile of non-empty line lengths: in wrapped text
    most lines sit just under the wrap width; in one-paragraph-per-line text that
    percentile is a long paragraph, far wider than any typesetter's line. Short texts of
    short lines can still look wrapped, so we also check the typesetter's invariant: after
    a full line, the next line's first word would not have fitted on it. One-line
    paragraphs break that invariant most of the time.
    """
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 3:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.8))]
    if width > _MAX_WRAP_WIDTH or width < 20:
        return None
    full = sum(1 for n in lengths if n >= FULL_LINE_SHARE * width)
    if full * 2 < len(lengths):
        return None
    pairs = fitting = 0
    for line, following in zip(lines, lines[1:], strict=False):
        words = following.split()
        if not words or len(line) < FULL_LINE_SHARE * width:
            continue
        pairs += 1
        # proportional fonts make character counts approximate: allow some slack
        if len(line.rstrip()) + 1 + len(words[0]) < _FIT_SLACK * width:
            fitting += 1
    return width if fitting <= _MAX_FITTING_SHARE * pairs else None


def _joins(line: str, following: str, width: int | None, blocks: bool) -> bool:
    """Whether the break between `line` and `following` is a wrap rather than a paragraph end.

    `blocks` says blank lines reliably separate the paragraphs (wrapped text laid out with
    blank lines between paragraphs, as pypdf's layout mode gives): then a line break
    inside a block is a wrap unless a short unpunctuated line, such as a heading, is
    followed by a capitalised line.
    """
    starts_lower = bool(_LEADING_WORD.match(following.lstrip()))
    ends_sentence = line.rstrip().endswith(_SENTENCE_END)
    short = width is not None and len(line.rstrip()) < FULL_LINE_SHARE * width
    if blocks:
        return starts_lower or ends_sentence or not short
    if width is None:
        # One paragraph per line; only an obvious mid-sentence break is joined.
        return starts_lower and not ends_sentence and line.rstrip().endswith(("-", ","))
    if starts_lower and not ends_sentence:
        return True
    return not short


def _join_pair(left: str, right: str, whole: str) -> str:
    """Join two wrapped lines, removing a line-end hyphen when it only split a word.

    A line-end hyphen is kept when the text elsewhere spells the word with a hyphen
    ("long-term"); otherwise it is taken as typesetting and removed ("nego-tiations").
    """
    left = left.rstrip()
    right = right.strip()
    hyphen = _LINE_END_HYPHEN.search(left)
    word = _LEADING_WORD.match(right)
    if hyphen and word:
        head, tail = hyphen.group(1), word.group(1)
        if f"{head}-{tail}".lower() in whole.lower():  # the break itself reads "head-\ntail"
            return f"{left}{right}"
        return f"{left[:-1]}{right}"
    return f"{left} {right}"


def to_paragraphs(text: str, reflow: bool = True) -> list[str]:
    """Split `text` into paragraphs (blank lines always separate; single line breaks are
    joined when the text is hard-wrapped). Whitespace inside a paragraph is folded.

    `reflow=False` is for sources known to put one paragraph per line (HTML extraction).
    """
    text = normalise_newlines(text)
    width = wrap_width(text.split("\n")) if reflow else None
    blocks = [lines for block in _BLANK_RUN.split(text)
              if (lines := [line for line in block.split("\n") if line.strip()])]
    line_count = sum(len(lines) for lines in blocks)
    by_blocks = width is not None and len(blocks) >= 2 and line_count >= 2 * len(blocks)
    paragraphs: list[str] = []
    for lines in blocks:
        current = previous = lines[0]
        for line in lines[1:]:
            if _joins(previous, line, width, by_blocks):
                current = _join_pair(current, line, text)
            else:
                paragraphs.append(current)
                current = line
            previous = line
        paragraphs.append(current)
    return [" ".join(p.split()) for p in paragraphs if p.strip()]


def join_paragraphs(paragraphs: list[str]) -> str:
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p)
