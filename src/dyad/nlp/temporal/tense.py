"""Say whether the clause around a character offset is past, present or future.

Partial dates and weekdays are resolved by tense ("On May 21 ... signed" in June means this
May; "will meet on Friday" means the coming Friday). Two readers share one contract,
`(offset) -> "past" | "present" | "future" | None`:
- `parse_tense(doc)`: the governing verb from the spaCy parse (tags VBD/VBN, auxiliaries
  "will"/"shall", "to" + VB under "scheduled/plan/expect/due/set"); only the few timexes
  that need a tense ask, so the cost is a handful of token look-ups.
- `text_tense(text)`: a regex fallback over the sentence, used when no parse is available.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

_FUTURE_HEADS = frozenset({"schedule", "plan", "expect", "due", "set", "intend", "aim",
                           "prepare", "hope", "propose", "go", "slate", "decide",
                           "agree", "pledge", "promise", "vow", "want", "seek"})  # fmt: skip
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MODAL_FUTURE = frozenset({"may", "should", "must", "can", "shall", "will", "'ll"})
_PAST_AUX = frozenset({"did", "had", "was", "were"})

_FUT_RX = re.compile(
    r"\b(?:will|shall|won't|'ll|going to|(?:is|are|was|were) (?:scheduled|due|set|expected|slated)"
    r" to|plans? to|intends? to|is to|are to)\b",
    re.IGNORECASE,
)
_PAST_RX = re.compile(
    r"\b(?:was|were|had|did|said|\w{3,}ed|began|became|came|went|took|met|held|made|gave|"
    r"signed|sent|told|saw|won|lost|fell|rose|left|led|spoke|wrote|began|brought|bought|sold"
    r"|paid|built|hit|set|put|cut)\b",
    re.IGNORECASE,
)
_SENT_RX = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


def text_tense(text: str) -> Callable[[int], str | None]:
    """Tense of the sentence holding an offset, from surface cues (future beats past)."""
    bounds = [(m.start(), m.end()) for m in _SENT_RX.finditer(text) if m.end() > m.start()]

    @lru_cache(maxsize=256)
    def tense(offset: int) -> str | None:
        for s, e in bounds:
            if s <= offset < e or (offset == e and e == len(text)):
                sent = text[s:e]
                if _FUT_RX.search(sent):
                    return "future"
                if _PAST_RX.search(sent):
                    return "past"
                return "present"
        return None

    return tense


def _verb_tense(verb: Any) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in aux}
    if lowers & _FUTURE_AUX or any(a.tag_ == "MD" and a.lower_ in ("will", "shall") for a in aux):
        return "future"
    if lowers & _MODAL_FUTURE:
        return "future"
    if lowers & {"would", "could", "might"}:
        return "present"
    if (
        verb.lemma_.lower() in _FUTURE_HEADS
        and verb.tag_ in ("VBN", "VBZ", "VBP", "VBG")
        and (
            lowers & {"be", "been", "is", "are", "was", "were", "has", "have"}
            or any(c.dep_ == "xcomp" for c in verb.children)
        )
    ):
        return "future"  # "is scheduled to", "has been scheduled", "plans to"
    if "to" in lowers:
        # spaCy makes a new Token object on each access: compare indices, never identity
        head = verb.head
        if head.i == verb.i:
            return None
        if head.lemma_.lower() in _FUTURE_HEADS or head.pos_ in ("NOUN", "PROPN"):
            return "future"  # "plans to meet", "an event to be held"
        return _verb_tense(head)
    if lowers & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and ({"has", "have"} & lowers):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and verb.head.i != verb.i:
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or lowers & {"is", "are", "am"}:
        if verb.lemma_ in ("be",) and any(c.dep_ == "xcomp" and c.tag_ == "VB"
                                          for c in verb.children):  # fmt: skip
            return "future"
        return "present"
    return None


def parse_tense(doc: Any) -> Callable[[int], str | None]:
    """Tense of the verb governing the token at an offset, from the spaCy parse."""
    text_fallback = text_tense(doc.text)

    @lru_cache(maxsize=256)
    def tense(offset: int) -> str | None:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return text_fallback(offset)
        tok = span[0]
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX"):
                t = _verb_tense(tok)
                if t is not None:
                    return t
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return text_fallback(offset)

    return tense
