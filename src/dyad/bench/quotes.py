"""Score the quote-attribution stage on PolNeAR-style JSONL (``polnear_dev.jsonl``).

Schema (one document per line): ``{"id", "text", "attributions": [{"source", "cue",
"content"}]}``, each role a list of ``[start, end]`` character spans (end exclusive); ``cue``
and ``content`` are never empty, ``source`` is ``[]`` when the text names no source. A
gzip-compressed file (``.gz``) is read transparently.

Pairing. In each document, predicted and gold attributions are paired one to one, greedily:
candidate pairs are those whose cues or contents share at least one word token (see below);
they are taken in order of most cue characters in common, then most content characters in
common (then text order), each attribution used at most once. Unpaired items are false
positives (predicted) or misses (gold).

Exact match, per role. Each fragment is trimmed of whitespace and punctuation at both edges
(any Unicode ``P*`` character, which covers quotation marks, the final full stop, a trailing
comma, and the ``''`` quote of some sources; symbols such as ``$`` are kept); empty fragments
are dropped; fragments whose gap holds only whitespace or punctuation are merged (so a quote
annotated per paragraph equals the same quote given as one span). A paired role counts when
both sets of trimmed spans are non-empty and equal. Precision divides by the predictions whose
role is non-empty, recall by the gold attributions whose role is non-empty (for ``source``
this leaves out the attributions without a source on either side).

Token overlap, per role (PARC/citron style, but over paired attributions only). The words of
the text are the runs of ``\\w`` characters; a role covers a word when one of its spans shares
a character with it. Precision = words covered by both members of a pair, summed over pairs,
divided by the words covered by all predictions; recall = the same sum divided by the words
covered by all gold attributions.

Timing: ``seconds`` (spaCy parse + our stage), ``spacy_seconds`` (the bare spaCy pipeline,
parsing block by block as `dyad.nlp.pipeline.analyse` does) and ``quotes_seconds`` (our stage
alone).
"""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from dyad.bench.scoring import prf
from dyad.errors import BenchDataError
from dyad.types import Quote

if TYPE_CHECKING:
    from spacy.language import Language

Spans = tuple[tuple[int, int], ...]
ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution (gold or predicted): each role as sorted character spans."""

    source: Spans
    cue: Spans
    content: Spans


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    attributions: tuple[Attribution, ...]


def _is_trim(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def normalise(text: str, spans: Spans) -> frozenset[tuple[int, int]]:
    """The trimmed, merged spans that exact matching compares (see the module docstring)."""
    trimmed: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        while s < e and _is_trim(text[s]):
            s += 1
        while e > s and _is_trim(text[e - 1]):
            e -= 1
        if s >= e:
            continue
        if trimmed and all(_is_trim(ch) for ch in text[trimmed[-1][1] : s]):
            trimmed[-1] = (trimmed[-1][0], max(e, trimmed[-1][1]))
        else:
            trimmed.append((s, e))
    return frozenset(trimmed)


class _Words:
    """The word tokens of one text, findable by character span."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in _WORD.finditer(text)]
        self.ends = [m.end() for m in _WORD.finditer(text)]

    def covered(self, spans: Spans) -> frozenset[int]:
        out: set[int] = set()
        for s, e in spans:
            # words with start < e and end > s
            lo = bisect_right(self.ends, s)
            hi = bisect_left(self.starts, e)
            out.update(range(lo, hi))
        return frozenset(out)


def _char_overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def pair(
    gold: Sequence[Attribution], pred: Sequence[Attribution], words: _Words
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, as the module docstring defines."""
    cands = []
    p_words = [(words.covered(p.cue), words.covered(p.content)) for p in pred]
    for gi, g in enumerate(gold):
        g_cue, g_content = words.covered(g.cue), words.covered(g.content)
        for pi, p in enumerate(pred):
            p_cue, p_content = p_words[pi]
            shares = g_cue & p_cue or g_content & p_content
            if shares:
                key = (-_char_overlap(g.cue, p.cue), -_char_overlap(g.content, p.content), gi, pi)
                cands.append((key, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _key, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def score(
    docs: Sequence[tuple[str, Sequence[Attribution], Sequence[Attribution]]],
) -> dict[str, Any]:
    """Exact and token-overlap P/R/F1 per role over (text, gold, predicted) triples."""
    counts = {r: {"tp": 0, "n_pred": 0, "n_gold": 0, "ov": 0, "w_pred": 0, "w_gold": 0}
              for r in ROLES}  # fmt: skip
    n_gold = n_pred = 0
    for text, gold, pred in docs:
        n_gold += len(gold)
        n_pred += len(pred)
        words = _Words(text)
        pairs = pair(gold, pred, words)
        for role in ROLES:
            c = counts[role]
            c["n_gold"] += sum(1 for g in gold if getattr(g, role))
            c["n_pred"] += sum(1 for p in pred if getattr(p, role))
            c["w_gold"] += sum(len(words.covered(getattr(g, role))) for g in gold)
            c["w_pred"] += sum(len(words.covered(getattr(p, role))) for p in pred)
            for gi, pi in pairs:
                g_spans, p_spans = getattr(gold[gi], role), getattr(pred[pi], role)
                g_norm = normalise(text, g_spans)
                if g_norm and g_norm == normalise(text, p_spans):
                    c["tp"] += 1
                c["ov"] += len(words.covered(g_spans) & words.covered(p_spans))
    out: dict[str, object] = {"gold": n_gold, "predicted": n_pred}
    for role in ROLES:
        c = counts[role]
        out[role] = {
            "exact": prf(c["tp"], c["n_pred"], c["n_gold"]),
            "overlap": prf(c["ov"], c["w_pred"], c["w_gold"]),
        }
    return out


def _spans(value: object, text: str, role: str) -> Spans:
    if not isinstance(value, list):
        raise ValueError(f"{role} is not a list of spans")
    out = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2):
            raise ValueError(f"{role} span {item!r} is not [start, end]")
        s, e = int(item[0]), int(item[1])
        if not 0 <= s < e <= len(text):
            raise ValueError(f"{role} span {s}-{e} lies outside the text")
        out.append((s, e))
    return tuple(sorted(out))


def _lines(path: Path) -> list[str]:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                return fh.read().splitlines()
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise BenchDataError(str(path), f"cannot read: {exc}") from exc


def load(path: Path) -> list[GoldDoc]:
    """Read a benchmark file; BenchDataError names the file and line of any bad record."""
    path = Path(path)
    docs: list[GoldDoc] = []
    for no, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            text = rec["text"]
            if not isinstance(text, str):
                raise ValueError("text is not a string")
            atts = []
            for a in rec["attributions"]:
                att = Attribution(_spans(a["source"], text, "source"),
                                  _spans(a["cue"], text, "cue"),
                                  _spans(a["content"], text, "content"))  # fmt: skip
                if not att.cue or not att.content:
                    raise ValueError("an attribution without cue or content")
                atts.append(att)
            docs.append(GoldDoc(str(rec.get("id", no)), text, tuple(atts)))
        except (ValueError, KeyError, TypeError) as exc:
            raise BenchDataError(str(path), f"line {no}: malformed record ({exc})") from exc
    if not docs:
        raise BenchDataError(str(path), "no records")
    return docs


def as_attribution(quote: Quote) -> Attribution:
    """A `Quote` reduced to the spans the scorer compares."""
    source: Spans = ()
    if quote.source_start is not None and quote.source_end is not None:
        source = ((quote.source_start, quote.source_end),)
    return Attribution(source, ((quote.cue_start, quote.cue_end),), tuple(quote.content))


def parse(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """Parse each text block by block and join the blocks, as the dyad pipeline does."""
    from dyad.nlp.blocks import blocks

    pieces = ((piece, k) for k, text in enumerate(texts) for piece in blocks(text))
    parsed: list[list[Doc]] = [[] for _ in texts]
    for piece_doc, k in nlp.pipe(pieces, as_tuples=True, batch_size=64):
        parsed[k].append(piece_doc)
    return [Doc.from_docs(p, ensure_whitespace=False) for p in parsed]


def run(path: Path, model: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Run the quote stage over the first `limit` documents of `path` and score it."""
    from dyad.nlp import extensions
    from dyad.nlp.pipeline import load_spacy
    from dyad.nlp.quotes.extract import extract_quotes

    docs = load(Path(path))
    if limit is not None:
        docs = docs[: max(0, limit)]
    nlp = load_spacy(model)
    extensions.register()
    t0 = time.perf_counter()
    parsed = parse(nlp, [d.text for d in docs])
    spacy_seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    results = []
    for d, doc in zip(docs, parsed, strict=True):
        doc._.dyad_doc_id = d.doc_id
        pred = [as_attribution(q) for q in extract_quotes(doc)]
        results.append((d.text, d.attributions, pred))
    quotes_seconds = time.perf_counter() - t1
    out: dict[str, object] = {"docs": len(docs)}
    out.update(score(results))
    out.update(
        seconds=round(spacy_seconds + quotes_seconds, 3),
        spacy_seconds=round(spacy_seconds, 3),
        quotes_seconds=round(quotes_seconds, 3),
    )
    return out
