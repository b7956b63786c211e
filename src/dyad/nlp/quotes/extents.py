"""The extent of a cue and of a content read off the parse, as PolNeAR marks them (read off
its train split): a cue takes the auxiliaries, negation and adverbs right before the verb and
its particle; an indirect content stays within the cue's paragraph and leaves out a
dateline."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_CUE_LEFT = frozenset({"aux", "auxpass", "neg", "advmod"})


def cue_span(verb: Token, frame: str) -> tuple[int, int]:
    """The cue verb with the auxiliaries, negation and adverbs right before it ("has also
    said", "did not deny"), its particle ("pointed out") and the preposition of a prep
    frame ("talked about"), as PolNeAR marks cues."""
    doc = verb.doc
    start = verb
    while start.i > 0:
        prev = doc[start.i - 1]
        if prev.head.i != verb.i or prev.dep_ not in _CUE_LEFT or prev.tag_ == "WRB":
            break
        start = prev
    end_tok = verb
    if verb.i + 1 < len(doc) and (
        frame == "prep" or (doc[verb.i + 1].dep_ == "prt" and doc[verb.i + 1].head.i == verb.i)
    ):
        end_tok = doc[verb.i + 1]
    return start.idx, end_tok.idx + len(end_tok)


def same_paragraph(doc: Doc, verb: Token, ids: set[int]) -> set[int]:
    """The content tokens on the cue's side of any line break (a parse can run a sentence
    over a paragraph break; quotations running over paragraphs are added later). A break
    before a lower-case word is a wrapped line, not a paragraph."""
    if not ids:
        return ids
    lo, hi = min(ids), max(ids)
    for i in range(verb.i - 1, lo - 1, -1):
        if _line_break(doc, i):
            ids = {k for k in ids if k > i}
            break
    for i in range(verb.i, hi):
        if _line_break(doc, i):
            ids = {k for k in ids if k <= i}
            break
    return ids


def _line_break(doc: Doc, i: int) -> bool:
    if "\n" not in doc[i].text_with_ws:
        return False
    nxt = i + 1
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    return nxt >= len(doc) or not doc[nxt].is_lower


_DASHES = frozenset({"—", "--", "–"})
_DATELINE_MAX = 12  # tokens of "CAMBRIDGE, Mass., Dec. 11 (UPI) —"


def without_dateline(doc: Doc, ids: set[int]) -> set[int]:
    """Content tokens without a dateline opening them ("LOS ANGELES, Feb. 2 (UPI) — …"):
    names, numbers and punctuation up to a dash at the start of a paragraph."""
    if not ids:
        return ids
    first = min(ids)
    if first > 0 and "\n" not in doc[first - 1].text_with_ws and not doc[first - 1].is_space:
        return ids
    for tok in doc[first : first + _DATELINE_MAX]:
        if tok.text in _DASHES:
            return {k for k in ids if k > tok.i} if tok.i > first else ids
        if not (tok.pos_ in ("PROPN", "NUM") or tok.is_punct or tok.is_upper):
            return ids
    return ids
