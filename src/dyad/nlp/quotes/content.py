"""Turning token sets into content spans, and reading quotations onto the tokens of a Doc."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from dyad.nlp.quotes.marks import Quotation

QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "'", "‘", "’"})
Spans = list[tuple[int, int]]


class QuoteIndex:
    """The quotations of a Doc and, for each token, the quotation it lies inside (or -1)."""

    def __init__(self, doc: Doc, text: str, quotations: list[Quotation]) -> None:
        self.text = text
        self.starts = [t.idx for t in doc]
        self.quotations = quotations
        self.inside = [-1] * len(doc)
        self.touch = [-1] * len(doc)  # the quotation a token belongs to, marks included
        self.quoted = bytearray(len(text))  # 1 for characters inside quotation marks
        for q in quotations:
            for s, e in q.pieces:
                self.quoted[s + 1 : e - 1] = b"\x01" * max(0, e - s - 2)
        k = 0
        for tok in doc:
            while k < len(quotations) and quotations[k].end <= tok.idx:
                k += 1
            if k < len(quotations):
                q = quotations[k]
                if q.start <= tok.idx < q.end and any(s <= tok.idx < e for s, e in q.pieces):
                    self.touch[tok.i] = k
                    if q.contains(tok.idx):
                        self.inside[tok.i] = k

    def of_tokens(self, tokens: Iterable[Token]) -> set[int]:
        return {self.touch[t.i] for t in tokens if self.touch[t.i] >= 0}


def _trim(tok: Token) -> bool:
    return tok.is_space or (tok.is_punct and tok.text not in QUOTE_MARKS)


def runs(doc: Doc, ids: Iterable[int]) -> Spans:
    """Character spans of the contiguous runs of token indices `ids`, with punctuation other
    than quotation marks trimmed at the edges of each run."""
    spans: Spans = []
    run: list[int] = []
    for i in sorted(set(ids)) + [-2]:
        if run and i != run[-1] + 1:
            while run and _trim(doc[run[0]]):
                run.pop(0)
            while run and _trim(doc[run[-1]]):
                run.pop()
            if run:
                spans.append((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])))
            run = []
        run.append(i)
    return spans


def merge(spans: Iterable[tuple[int, int]], text: str) -> Spans:
    """Sorted spans with overlapping or whitespace-separated neighbours joined."""
    out: Spans = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def with_quotations(spans: Spans, index: QuoteIndex, text: str) -> tuple[Spans, set[int]]:
    """`spans` widened to whole quotations they overlap; also the quotations' indices."""
    used: set[int] = set()
    extra: Spans = []
    for k, q in enumerate(index.quotations):
        for p in q.pieces:
            if any(s < p[1] - 1 and p[0] + 1 < e for s, e in spans):
                used.add(k)
                break
    for k in used:
        extra.extend(index.quotations[k].pieces)
    return merge([*spans, *extra], text), used


def kind_of(spans: Spans, index: QuoteIndex, text: str) -> str:
    """direct: every word inside quotation marks; mixed: some; indirect: none."""
    quoted = unquoted = 0
    for s, e in spans:
        for pos in range(s, e):
            if not text[pos].isalnum():
                continue
            if index.quoted[pos]:
                quoted += 1
            else:
                unquoted += 1
    if quoted and not unquoted:
        return "direct"
    return "mixed" if quoted else "indirect"
