"""Event coding benchmark over PLOVER gold-standard sentences (``plover_gsr_dev.jsonl``).

Each record is one sentence with one gold event (PLOVER type, source and target codes);
records sharing a sentence are separate gold events. For each record we pick, among the
events dyad finds in that sentence, the one whose PLOVER label equals the gold type, else
the first one, else none ("NONE"). Predicted labels follow PLOVER's auxiliary-mode
reductions (`lexicon.plover_label`: "will visit" is AGREE). Actor codes are compared at
country level: the first three letters of our codes (``RUSGOV`` -> ``RUS``; ``IGOUNO`` ->
``IGO``, matching the gold's bare ``IGO``), as sets per record, micro-averaged.
Full definitions: docs/events.md.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.bench.scoring import prf
from dyad.errors import BenchDataError
from dyad.nlp.events.lexicon import plover_label
from dyad.types import ActorMention, EventMention

NONE = "NONE"


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    event: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    source_text: tuple[str, ...] = ()  # the gold's text of each actor ("" when inferred)
    target_text: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the scorer needs of one predicted event."""

    label: str
    source: tuple[str, ...]
    target: tuple[str, ...]


def load(path: Path) -> list[GoldRecord]:
    """Read the JSONL gold file; raises BenchDataError naming the line for bad input."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchDataError(str(path), f"cannot read: {exc}") from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BenchDataError(str(path), f"line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise BenchDataError(str(path), f"line {number}: not a JSON object")
        try:
            text, event = row["text"], row["event"]
            source, target = row.get("source") or [], row.get("target") or []
        except KeyError as exc:
            raise BenchDataError(str(path), f"line {number}: missing field {exc}") from exc
        if not (
            isinstance(text, str)
            and isinstance(event, str)
            and isinstance(source, list)
            and isinstance(target, list)
        ):
            raise BenchDataError(str(path), f"line {number}: wrong field types")
        records.append(
            GoldRecord(
                str(row.get("id", number)),
                text,
                event,
                tuple(map(str, source)),
                tuple(map(str, target)),
                _texts(row.get("source_text"), len(source)),
                _texts(row.get("target_text"), len(target)),
            )
        )
    if not records:
        raise BenchDataError(str(path), "no records")
    return records


def _texts(value: object, n: int) -> tuple[str, ...]:
    """The gold actor texts, one per code ("" where the gold gives none)."""
    items = [str(v or "") for v in value] if isinstance(value, list) else []
    return tuple((items + [""] * n)[:n])


ACTOR_CLASSES = ("right_country", "other_code", "unresolved", "not_an_actor", "no_text")


def gold_actor_class(text: str, code: str, actor_text: str, actors: Sequence[ActorMention]) -> str:
    """What the actor stage made of one gold actor: found with the gold's country, found
    with another code, found but unresolved, not found as an actor mention, or no text in
    the gold (the annotator inferred it)."""
    at = text.find(actor_text) if actor_text else -1
    if at < 0:
        return "no_text"
    end = at + len(actor_text)
    found = [m for m in actors if m.start < end and at < m.end]
    if not found:
        return "not_an_actor"
    if any(m.actor is not None and country(m.actor.code) == country(code) for m in found):
        return "right_country"
    if all(m.actor is None for m in found):
        return "unresolved"
    return "other_code"


def role_classes(g: GoldRecord, role: str, actors: Sequence[ActorMention]) -> list[str]:
    """`gold_actor_class` of each gold actor of `role` ("source" or "target") of `g`."""
    pairs = zip(getattr(g, role), getattr(g, f"{role}_text"), strict=True)
    return [gold_actor_class(g.text, code, actor_text, actors) for code, actor_text in pairs]


def gold_actors(
    records: Sequence[GoldRecord], actors: dict[str, Sequence[ActorMention]]
) -> dict[str, dict[str, int]]:
    """How many gold sources and targets the actor stage found, by `gold_actor_class`: an
    upper bound on what event coding can recover without guessing."""
    out: dict[str, dict[str, int]] = {}
    for role in ("source", "target"):
        counts = dict.fromkeys(ACTOR_CLASSES, 0)
        for g in records:
            for cls in role_classes(g, role, actors[g.text]):
                counts[cls] += 1
        out[role] = counts
    return out


def country(code: str) -> str:
    return code[:3].upper()


def to_prediction(event: EventMention) -> Prediction:
    return Prediction(
        plover_label(
            event.plover,
            future=event.future,
            negated=event.negated,
            hypothetical=event.hypothetical,
        ),
        tuple(country(c) for c in event.source_codes),
        tuple(country(c) for c in event.target_codes),
    )


def pick(gold: GoldRecord, predicted: Sequence[Prediction]) -> Prediction | None:
    """The predicted event of the gold's type if any, else the first, else None."""
    for pred in predicted:
        if pred.label == gold.event:
            return pred
    return predicted[0] if predicted else None


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    return prf(tp, tp + fp, tp + fn)


def score(pairs: Iterable[tuple[GoldRecord, Prediction | None]]) -> dict[str, object]:
    """Scores for (gold, matched prediction) pairs; see the module docstring."""
    confusion: dict[str, Counter[str]] = {}
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}
    n = correct = no_event = 0
    for gold, pred in pairs:
        n += 1
        label = pred.label if pred is not None else NONE
        no_event += pred is None
        correct += label == gold.event
        confusion.setdefault(gold.event, Counter())[label] += 1
        for role in ("source", "target"):
            gold_set = {country(c) for c in getattr(gold, role)}
            pred_set = set(getattr(pred, role)) if pred is not None else set()
            counts[role][0] += len(gold_set & pred_set)
            counts[role][1] += len(pred_set - gold_set)
            counts[role][2] += len(gold_set - pred_set)
    labels = sorted(set(confusion) | {p for row in confusion.values() for p in row} - {NONE})
    f1s = []
    for lab in labels:
        tp = confusion.get(lab, Counter())[lab]
        fp = sum(row[lab] for g, row in confusion.items() if g != lab)
        fn = sum(confusion.get(lab, Counter()).values()) - tp
        f1s.append(_prf(tp, fp, fn)["f1"])
    return {
        "records": n,
        "type_accuracy": round(correct / n, 4) if n else 0.0,
        "type_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "source": _prf(*counts["source"]),
        "target": _prf(*counts["target"]),
        "no_event": no_event,
        "confusion": {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())},
    }


def run(path: Path, model: str | None = None) -> dict[str, object]:
    """Run dyad's full pipeline over the gold sentences of `path` and score it."""
    from dyad.nlp import extensions
    from dyad.nlp.pipeline import cached_pipeline

    records = load(path)
    nlp = cached_pipeline(model)
    extensions.register()
    texts = list(dict.fromkeys(r.text for r in records))
    docs = []
    for number, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.dyad_doc_id = f"bench-{number}"
        doc._.dyad_published = None
        docs.append(doc)
    predicted: dict[str, list[Prediction]] = {}
    actors: dict[str, Sequence[ActorMention]] = {}
    for text, doc in zip(texts, nlp.pipe(docs), strict=True):
        predicted[text] = [to_prediction(e) for e in doc._.dyad_events or ()]
        actors[text] = tuple(doc._.dyad_actors or ())
    out = score((g, pick(g, predicted[g.text])) for g in records)
    out["gold_actors"] = gold_actors(records, actors)
    out["no_event_source_found"] = sum(
        1
        for g in records
        if not predicted[g.text] and "right_country" in role_classes(g, "source", actors[g.text])
    )
    return out
