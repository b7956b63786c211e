"""Timeline summarisation on Timeline17 (T17): dyad's chronology against journalists' timelines.

Data (``../shared/bench/chronology/README.md``): one folder per topic holding
``articles.jsonl.gz`` (``{"id", "published", "title", "text"}``), ``timelines.jsonl``
(``{"id", "entries": [{"date", "summary": [sentence, ...]}]}``) and ``topic.json``. `--data`
is the folder of topic folders (or one topic folder); `topics` picks some by name.

Per topic, the articles are streamed from the gzip, PTB conventions undone (`untokenize`),
and ingested with their given publication dates through the library's own path
(`dyad.app.ingest.ingest` reading a temporary JSONL manifest: boilerplate removal, the full
pipeline, the store, event fusion) into a SQLite store: a temporary one, or
``<store_dir>/<topic>.sqlite`` kept for reruns (ingest skips stored documents by hash).
`limit` keeps the first N articles of the topic (sorted by date: its first days only).

Per gold timeline (the task of the timeline-summarisation literature, news-tls, Gholipour
Ghalandari & Ifrim, ACL 2020): produce as many dates as the gold timeline has, within its
span (first..last gold date), and for each date round(mean gold sentences per date)
sentences (at least 1). The timeline is the product's: `dyad.app.chronology` loads the
candidate days and lead sentences of the store once per topic and `build` chooses the days
and writes the summaries (how: `dyad.chronology.timeline`); `signals` picks the candidate
days (``events``: dyad's fused events; ``events+timexes``: also every resolved day-precision
temporal expression). This module only loads gold, calls that and scores; per timeline its
result keeps the predicted dates and summaries and, with `store_dir`, the exact
`dyad chronology ...` command that prints the same timeline from the kept store.

Scores: `dyad.bench.tlsmetrics` (date F1, alignment-based ROUGE-1/2 F1 many-to-one with
date-content costs, concatenation ROUGE-1/2 F1); gold summaries are untokenized like the
articles so both sides tokenise alike. `rouge` picks the tokens: ``stemmed`` (default: stop
words out, Porter stems, closest to ROUGE-1.5.5 ``-m -s`` as news-tls scores) or ``plain``
(lowercased letter/digit runs only; ROUGE-1 runs much higher, on function words). ``mean``
averages P and R over timelines and takes F1 of the averages (news-tls). ``diagnostics`` per
timeline: gold dates, gold dates that are candidate days (``gold_with_event``: dyad has
evidence for them), candidate days in the span, chosen dates that are gold dates
(``chosen_in_gold``) and chosen dates within one day of one (``chosen_near_gold``).

`run` returns ``{"mean": {metric: F1}, "topics": {timeline id: {metric: F1}}, "diagnostics",
"timelines": {timeline id: {"dates": {day: [sentence, ...]}, "command": str | None}},
"ingest": {topic: {articles, added, known, failed, events, seconds}}, "signals", "rouge",
"seconds"}`` (metrics: ``date_f1``, ``ar1_f1``, ``ar2_f1``, ``concat_r1_f1``,
``concat_r2_f1``). Memory: the texts are streamed; per topic only the candidate days'
sentences and the articles' lead sentences are held.
"""

from __future__ import annotations

import json
import math
import shlex
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.app.chronology import (
    DEFAULT_SIGNALS,
    SIGNALS,
    TimelineAsk,
    build,
    evidence,
    lead_sentences,
)
from dyad.bench import tlsmetrics
from dyad.bench.pubdate import ARTICLES, iter_file, untokenize
from dyad.chronology.timeline import Day
from dyad.errors import BenchDataError

if TYPE_CHECKING:
    from spacy.language import Language

    from dyad.store.db import Store

TIMELINES = "timelines.jsonl"
ROUGE = ("stemmed", "plain")  # tlsmetrics.stemmed() / tlsmetrics.PLAIN


# -- data --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldTimeline:
    id: str
    entries: dict[date, tuple[str, ...]]  # date -> sentences (PTB-tokenized, as distributed)

    @property
    def first(self) -> date:
        return min(self.entries)

    @property
    def last(self) -> date:
        return max(self.entries)

    def sentences_per_date(self) -> int:
        """round(mean sentences per date), at least 1 (news-tls asks for this many)."""
        n = sum(len(s) for s in self.entries.values()) / max(1, len(self.entries))
        return max(1, math.floor(n + 0.5))


def load_timelines(path: Path) -> list[GoldTimeline]:
    """Read a ``timelines.jsonl``; BenchDataError names the file and line of a bad record."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchDataError(str(path), f"cannot read: {exc}") from exc
    out: list[GoldTimeline] = []
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            entries: dict[date, tuple[str, ...]] = {}
            for e in rec["entries"]:
                day = date.fromisoformat(e["date"])
                summary = e["summary"]
                if not isinstance(summary, list) or not all(isinstance(s, str) for s in summary):
                    raise TypeError("`summary` must be a list of strings")
                if day in entries:
                    raise ValueError(f"date {day} twice")
                entries[day] = tuple(summary)
            if not entries:
                raise ValueError("no entries")
            out.append(GoldTimeline(str(rec["id"]), entries))
        except (ValueError, KeyError, TypeError) as exc:
            raise BenchDataError(str(path), f"line {no}: malformed record ({exc})") from exc
    if not out:
        raise BenchDataError(str(path), "no records")
    return out


def topic_dirs(path: Path, topics: Sequence[str] | None = None) -> list[Path]:
    """The topic folders under `path` (or `path` itself if it is one), optionally by name."""
    path = Path(path)
    if not path.is_dir():
        raise BenchDataError(str(path), "no such folder")
    found = [path] if (path / TIMELINES).is_file() else sorted(
        p for p in path.iterdir() if (p / TIMELINES).is_file()
    )  # fmt: skip
    if not found:
        raise BenchDataError(str(path), f"no topic folder (with {TIMELINES}) here")
    if topics:
        by_name = {p.name: p for p in found}
        missing = [t for t in topics if t not in by_name]
        if missing:
            raise BenchDataError(str(path), f"no topic {', '.join(missing)}; "
                                 f"have {', '.join(by_name)}")  # fmt: skip
        found = [by_name[t] for t in topics]
    for p in found:
        if not (p / ARTICLES).is_file():
            raise BenchDataError(str(p), f"no {ARTICLES}")
    return found


# -- ingest ------------------------------------------------------------------------------


def write_manifest(articles: Path, manifest: Path, limit: int | None = None) -> int:
    """Stream `articles` into a JSONL manifest of untokenized texts with their given dates."""
    n = 0
    with manifest.open("w", encoding="utf-8") as out:
        for a in iter_file(articles, limit):
            row = {"id": a.id, "published": a.published.isoformat(), "text": untokenize(a.text)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def ingest_topic(
    folder: Path, store: Store, nlp: Language, model: str, limit: int | None = None,
    batch: int = 32,
) -> dict[str, Any]:  # fmt: skip
    """Ingest a topic's articles into `store` the way `dyad ingest` does (see the docstring)."""
    from dyad.app.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="dyad-t17-") as tmp:
        manifest = Path(tmp) / f"{folder.name}.jsonl"
        n = write_manifest(folder / ARTICLES, manifest, limit)
        result = ingest([manifest], store, nlp, model, batch_size=batch)
    return {"articles": n, "added": result.added, "known": result.known,
            "failed": len(result.errors), "events": result.events,
            "seconds": round(result.seconds, 1)}  # fmt: skip


# -- the product's timeline ----------------------------------------------------------------


def ask_for(gold: GoldTimeline, signals: str = DEFAULT_SIGNALS) -> TimelineAsk:
    """The task of `gold`: as many dates as it has, within its span, with round(mean gold
    sentences per date) sentences each."""
    return TimelineAsk(len(gold.entries), gold.sentences_per_date(), gold.first, gold.last,
                       signals=signals)  # fmt: skip


def predict(
    days: Mapping[date, Day], gold: GoldTimeline, leads: Mapping[date, Sequence[str]] | None = None,
    signals: str = DEFAULT_SIGNALS,
) -> dict[date, list[str]]:  # fmt: skip
    """The product's timeline (`dyad.app.chronology.build`) for the task of `gold`."""
    return {t.day: list(t.summary) for t in build(days, leads or {}, ask_for(gold, signals))}


def command(store_path: Path, ask: TimelineAsk) -> str:
    """The `dyad chronology` command that prints the timeline `ask` asks for of a store."""
    parts = ["dyad", "chronology", "--db", shlex.quote(str(store_path.resolve())),
             "--dates", str(ask.dates), "--per-date", str(ask.per_date)]  # fmt: skip
    if ask.since:
        parts += ["--since", ask.since.isoformat()]
    if ask.until:
        parts += ["--until", ask.until.isoformat()]
    if ask.query:
        parts += ["--query", shlex.quote(ask.query)]
    return " ".join([*parts, "--signals", ask.signals, "--format", "json"])


def diagnostics(
    days: Mapping[date, Day], gold: GoldTimeline, pred: Iterable[date]
) -> dict[str, int]:
    gold_days = set(gold.entries)
    chosen = set(pred)
    return {
        "gold_dates": len(gold_days),
        "gold_with_event": len(gold_days & set(days)),
        "candidates_in_span": sum(gold.first <= d <= gold.last for d in days),
        "chosen": len(chosen),
        "chosen_in_gold": len(chosen & gold_days),
        "chosen_near_gold": sum(any(abs((c - g).days) <= 1 for g in gold_days) for c in chosen),
    }


def gold_for_scoring(gold: GoldTimeline) -> dict[date, list[str]]:
    return {d: [untokenize(s) for s in sents] for d, sents in gold.entries.items()}


# -- run -----------------------------------------------------------------------------------


def run(
    path: Path,
    topics: Sequence[str] | None = None,
    limit: int | None = None,
    model: str | None = None,
    batch: int = 32,
    store_dir: Path | None = None,
    signals: str = DEFAULT_SIGNALS,
    rouge: str = "stemmed",
) -> dict[str, Any]:
    """Ingest each topic, predict a timeline per gold timeline and score it (see the
    module docstring); `store_dir` keeps the per-topic stores for reruns."""
    from dyad.nlp.pipeline import build_pipeline
    from dyad.settings import MODEL
    from dyad.store.db import Store

    if signals not in SIGNALS:
        raise ValueError(f"signals must be one of {', '.join(SIGNALS)}, not {signals!r}")
    if rouge not in ROUGE:
        raise ValueError(f"rouge must be one of {', '.join(ROUGE)}, not {rouge!r}")
    tok = tlsmetrics.stemmed() if rouge == "stemmed" else tlsmetrics.PLAIN

    folders = topic_dirs(Path(path), topics)
    golds = {f.name: load_timelines(f / TIMELINES) for f in folders}
    model_name = model or MODEL.value()
    nlp = build_pipeline(model_name)
    started = time.perf_counter()
    results: dict[str, dict[str, tlsmetrics.PRF]] = {}
    diag: dict[str, dict[str, int]] = {}
    ingested: dict[str, Any] = {}
    timelines: dict[str, dict[str, Any]] = {}
    with ExitStack() as stack:
        if store_dir is None:
            where = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dyad-t17-db-")))
        else:
            where = Path(store_dir)
            where.mkdir(parents=True, exist_ok=True)
        for folder in folders:
            suffix = f"-{limit}" if limit is not None else ""
            store_path = where / f"{folder.name}{suffix}.sqlite"
            with Store.open(store_path) as store:
                ingested[folder.name] = ingest_topic(folder, store, nlp, model_name, limit, batch)
                days = evidence(store, signals)
                leads = lead_sentences(store)
            for gold in golds[folder.name]:
                ask = ask_for(gold, signals)
                pred = predict(days, gold, leads, signals)
                results[gold.id] = tlsmetrics.evaluate(pred, gold_for_scoring(gold), tok)
                diag[gold.id] = diagnostics(days, gold, pred)
                timelines[gold.id] = {
                    "dates": {d.isoformat(): s for d, s in sorted(pred.items())},
                    "command": command(store_path, ask) if store_dir is not None else None,
                }
    seconds = time.perf_counter() - started
    return {
        "mean": tlsmetrics.f1s(tlsmetrics.mean(list(results.values()))),
        "topics": {k: tlsmetrics.f1s(v) for k, v in results.items()},
        "diagnostics": diag,
        "timelines": timelines,
        "ingest": ingested,
        "signals": signals,
        "rouge": rouge,
        "seconds": round(seconds, 1),
    }
