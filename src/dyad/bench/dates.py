"""Score the temporal stage TempEval-3 style on a JSONL file of dated, annotated texts.

Schema (one object per line): ``{"id", "dct": "YYYY-MM-DD", "text", "timexes": [{"start",
"end", "text", "type", "value"}]}``. Metrics, as TempEval-3 defined them:
- strict / relaxed extent P, R, F1 (exact span / any overlap, one-to-one pairing);
- type and value accuracy over relaxed-matched pairs;
- value F1: a prediction counts when it overlaps a gold timex and has its value.
Predictions are scored in their TIMEX3 view (`dyad.nlp.temporal.timex3`): a range is its two
ends, as TimeML annotates it.
Timing: ``seconds`` (our whole pipeline incl. spaCy), ``spacy_seconds`` (the bare spaCy
pipeline on the same texts in the same run) and ``temporal_seconds`` (our stage alone).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dyad.bench.scoring import prf
from dyad.errors import BenchDataError


@dataclass(frozen=True, slots=True)
class Span:
    """A gold or predicted timex reduced to what scoring needs."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    dct: date
    text: str
    timexes: tuple[Span, ...]


def match(gold: Sequence[Span], pred: Sequence[Span], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): exact spans, or overlapping ones.

    Relaxed pairing first pairs identical spans, then gives each remaining gold item (in
    order) the unpaired overlapping prediction with the largest overlap (earliest on ties).
    Pairing identical spans first matters where gold timexes nest ("from 2009 to 2011"
    holding "2009"): the inner gold item keeps the prediction that is exactly it.
    """
    exact: dict[tuple[int, int], list[int]] = {}
    for pi, p in enumerate(pred):
        exact.setdefault((p.start, p.end), []).append(pi)
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        free = [pi for pi in exact.get((g.start, g.end), []) if pi not in used]
        if free:
            used.add(free[0])
            pairs.append((gi, free[0]))
    if strict:
        return sorted(pairs)
    paired = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold):
        if gi in paired:
            continue
        best, best_ov = -1, 0
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov:
                best, best_ov = pi, ov
        if best >= 0:
            used.add(best)
            pairs.append((gi, best))
    return sorted(pairs)


def score(docs: Sequence[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, object]:
    """TempEval-3 metrics over (gold, predicted) span lists, one pair per document."""
    n_gold = sum(len(g) for g, _ in docs)
    n_pred = sum(len(p) for _, p in docs)
    strict_tp = relaxed_tp = type_ok = value_ok = 0
    for gold, pred in docs:
        strict_tp += len(match(gold, pred, strict=True))
        pairs = match(gold, pred, strict=False)
        relaxed_tp += len(pairs)
        type_ok += sum(gold[g].type == pred[p].type for g, p in pairs)
        value_ok += sum(gold[g].value == pred[p].value for g, p in pairs)
    value = prf(value_ok, n_pred, n_gold)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "strict": prf(strict_tp, n_pred, n_gold),
        "relaxed": prf(relaxed_tp, n_pred, n_gold),
        "type_accuracy": round(type_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "value_accuracy": round(value_ok / relaxed_tp, 4) if relaxed_tp else 0.0,
        "value_f1": value["f1"],
    }


def errors(doc: GoldDoc, pred: Sequence[Span]) -> list[dict[str, str]]:
    """The scorer's disagreements on one document, paired as `score` pairs them: gold
    timexes missed, predictions unpaired (spurious), and pairs whose type or value differ."""

    def show(x: Span) -> str:
        return f"{doc.text[x.start : x.end]!r} {x.type} {x.value}"

    out: list[dict[str, str]] = []
    pairs = match(doc.timexes, pred, strict=False)
    for gi, pi in pairs:
        g, p = doc.timexes[gi], pred[pi]
        if (g.type, g.value) != (p.type, p.value):
            out.append({"doc": doc.doc_id, "error": "wrong", "gold": show(g), "pred": show(p)})
    paired_g, paired_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    out += [{"doc": doc.doc_id, "error": "missed", "gold": show(g), "pred": ""}
            for gi, g in enumerate(doc.timexes) if gi not in paired_g]  # fmt: skip
    out += [{"doc": doc.doc_id, "error": "spurious", "gold": "", "pred": show(p)}
            for pi, p in enumerate(pred) if pi not in paired_p]  # fmt: skip
    return out


def load(path: Path) -> list[GoldDoc]:
    """Read a benchmark file; BenchDataError names the file and line of any bad record."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchDataError(str(path), f"cannot read: {exc}") from exc
    docs: list[GoldDoc] = []
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text = rec["text"]
            spans = []
            for t in rec.get("timexes") or []:
                s, e = int(t["start"]), int(t["end"])
                if not (0 <= s < e <= len(text)) or text[s:e] != t.get("text", text[s:e]):
                    raise ValueError(f"timex offsets {s}-{e} do not match its text")
                spans.append(Span(s, e, str(t["type"]), str(t["value"])))
            docs.append(GoldDoc(str(rec.get("id", no)), date.fromisoformat(rec["dct"]), text,
                                tuple(spans)))  # fmt: skip
        except (ValueError, KeyError, TypeError) as exc:
            raise BenchDataError(str(path), f"line {no}: malformed record ({exc})") from exc
    if not docs:
        raise BenchDataError(str(path), "no records")
    return docs


def run(path: Path, model: str | None = None, with_errors: bool = False) -> dict[str, object]:
    """Run our temporal stage on every text (with its dct) and score it against the gold;
    `with_errors` adds the list of disagreements (see `errors`) under "errors"."""
    from dyad.nlp import extensions
    from dyad.nlp.pipeline import load_spacy
    from dyad.nlp.temporal.component import TemporalComponent
    from dyad.nlp.temporal.timex3 import as_timex3
    from dyad.types import PublicationDate

    docs = load(Path(path))
    nlp = load_spacy(model)
    extensions.register()
    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts))
    spacy_seconds = time.perf_counter() - t0
    stage = TemporalComponent(nlp, "dyad_temporal")
    t1 = time.perf_counter()
    results = []
    for d, doc in zip(docs, parsed, strict=True):
        doc._.dyad_published = PublicationDate(d.dct, "given", 1.0, "benchmark dct")
        stage(doc)
        pred = [Span(x.start, x.end, x.type, x.value)
                for t in doc._.dyad_timexes for x in as_timex3(t)]  # fmt: skip
        results.append((d.timexes, pred))
    temporal_seconds = time.perf_counter() - t1
    out: dict[str, object] = {"docs": len(docs)}
    out.update(score(results))
    if with_errors:
        out["errors"] = [e for d, (_, pred) in zip(docs, results, strict=True)
                         for e in errors(d, pred)]  # fmt: skip
    out.update(
        seconds=round(spacy_seconds + temporal_seconds, 3),
        spacy_seconds=round(spacy_seconds, 3),
        temporal_seconds=round(temporal_seconds, 3),
    )
    return out
