"""Headline attributions: 'Graham: Trump's Rhetoric Destroying GOP's Chance' (the title line).

News titles attribute with a colon: a short name before it (no verb) is the source, the colon
the cue, the rest of the line the content. Only the document's first line is read: in the
body, a colon after a short phrase is more often a label ("Update:", "Photos:").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

MAX_SOURCE_TOKENS = 6
_NOT_SOURCES = frozenset({"update", "photos", "video", "watch", "exclusive", "breaking", "live",
                          "analysis", "opinion", "editorial", "editor's note", "note"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Headline:
    cue_tok: Token
    cue: tuple[int, int]
    source: tuple[int, int]
    content: list[tuple[int, int]]


def headline_quote(doc: Doc) -> Headline | None:
    """The attribution of the first line, when it reads 'Name: content'."""
    text = doc.text
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = next((t for t in doc if t.idx < line_end and t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    before = [t for t in doc[: colon.i] if not t.is_space]
    if not before or len(before) > MAX_SOURCE_TOKENS:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(t.pos_ == "PROPN" for t in before):
        return None
    start = before[0].idx
    end = before[-1].idx + len(before[-1])
    if text[start:end].lower() in _NOT_SOURCES:
        return None
    c_start = colon.idx + 1
    c_end = line_end
    while c_start < c_end and text[c_start].isspace():
        c_start += 1
    while c_end > c_start and (text[c_end - 1].isspace() or text[c_end - 1] in ".,;"):
        c_end -= 1
    if c_end <= c_start:
        return None
    return Headline(colon, (colon.idx, colon.idx + 1), (start, end), [(c_start, c_end)])
