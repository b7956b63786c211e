"""Colon attributions: 'Graham: Trump's Rhetoric Destroying GOP's Chance' (the title line),
and the speaker labels of transcripts in the body ('TAPPER: Do you think …').

News titles attribute with a colon: a short name before it (no verb) is the source, the colon
the cue, the rest of the line the content. In the body, a colon after a short phrase is more
often a label ("Update:", "Photos:", "Q:"), so a body line counts only when its label is a
person's name or a capitalised surname of three letters or more and at least
`MIN_LABEL_CONTENT_WORDS` words follow (PolNeAR train: section headers such as "Clinton: Keep
it" and delegate counts "Sanders: 1,501." are not attributions; "Q:"/"A:" are annotated too
rarely to count).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

MAX_SOURCE_TOKENS = 6
MAX_LABEL_TOKENS = 3
MIN_LABEL_CONTENT_WORDS = 4
_NOT_SOURCES = frozenset({"update", "photos", "video", "watch", "exclusive", "breaking", "live",
                          "analysis", "opinion", "editorial", "editor's note", "note",
                          "correction", "previously", "email", "related", "source", "sources",
                          "read more", "short reads", "advertisement"})  # fmt: skip


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
    colon = None
    for t in doc:
        if t.idx >= line_end:
            break
        if t.text == ":":
            colon = t
            break
    if colon is None or colon.i == 0:
        return None
    before = [t for t in doc[: colon.i] if not t.is_space]
    if not before or len(before) > MAX_SOURCE_TOKENS:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(t.pos_ == "PROPN" for t in before):
        return None
    start = before[0].idx
    end = before[-1].idx + len(before[-1])
    if text[start:end].lower().replace("’", "'") in _NOT_SOURCES:
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


def label_quotes(doc: Doc, text: str) -> list[Headline]:
    """Transcript lines of the body: 'NAME: what they said' (see the module docstring)."""
    out: list[Headline] = []
    line_start = text.find("\n")
    while 0 <= line_start < len(text):
        nxt = text.find("\n", line_start + 1)
        end = len(text) if nxt < 0 else nxt
        item = _label_line(doc, text, line_start + 1, end)
        if item is not None:
            out.append(item)
        line_start = nxt
    return out


def _label_line(doc: Doc, text: str, start: int, end: int) -> Headline | None:
    colon = text.find(":", start, min(end, start + 40))
    if colon < 0:
        return None
    label = text[start:colon].strip().lstrip("\"“'").strip()
    words = label.split()
    if (
        not words
        or len(words) > MAX_LABEL_TOKENS
        or label.lower().replace("’", "'") in _NOT_SOURCES
    ):
        return None
    rest = text[colon + 1 : end].strip()
    if len(rest.split()) < MIN_LABEL_CONTENT_WORDS or rest[:1].isdigit():
        return None
    upper = all(w.isupper() and w.isalpha() for w in words) and len(label) >= 3
    span = doc.char_span(start, colon, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    person = any(t.ent_type_ == "PERSON" for t in span) and not any(
        t.pos_ in ("VERB", "AUX") for t in span
    )
    if not (upper or person):
        return None
    colon_tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if colon_tok is None:
        return None
    s_start = text.index(words[0], start)
    c_start = text.index(rest[:1], colon + 1)
    c_end = c_start + len(rest)
    return Headline(colon_tok[0], (colon, colon + 1), (s_start, s_start + len(label)),
                    [(c_start, c_end)])  # fmt: skip
