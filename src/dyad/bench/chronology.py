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
sentences (at least 1).

Candidate days (`signals`):
- ``events`` (default): dyad's fused events as the chronology shows them (dated; not
  negated, hypothetical or habitual; planned ones included). An event counts for one day: a
  day-precision event for its day, an explicit range ("May 20-26") for its first day; vaguer
  dates (a week, a month, a year) name no day and are left out. Its evidence: the documents
  and sentences of its mentions.
- ``events+timexes``: also every day-precision temporal expression dyad resolved (stage 3b),
  whether or not an event was attached to it, with the sentence holding it.
A day's score is the number of distinct documents giving evidence for it (ties: more
mentions, then the earlier day). A day's summary is drawn from its evidence sentences plus
the first `LEAD` sentences of the articles published on that day or the next (news reports
an event the same day or the day after; news-tls's DATEWISE also takes sentences published
on the date): ranked by cosine similarity (content words: our ROUGE tokens minus spaCy's
English stop words) to the centroid of that pool, taken greedily, skipping a sentence whose
content words are more than half those of one already taken.

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
"ingest": {topic: {articles, added, known, failed, events, seconds}}, "signals", "rouge",
"seconds"}`` (metrics: ``date_f1``, ``ar1_f1``, ``ar2_f1``, ``concat_r1_f1``,
``concat_r2_f1``). Memory: the texts are streamed; per topic only the candidate days'
sentences and the articles' lead sentences are held.
"""

from __future__ import annotations

import json
import math
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.bench import tlsmetrics
from dyad.bench.pubdate import ARTICLES, iter_file, untokenize
from dyad.errors import BenchDataError
from dyad.types import Event

if TYPE_CHECKING:
    from spacy.language import Language

    from dyad.store.db import Store

TIMELINES = "timelines.jsonl"
LEAD = 5  # first sentences of an article that join the summary pool of its day and the day before
DUPLICATE_SHARE = 0.5  # a sentence whose content words are over half a chosen one's is skipped

_CONTENT: tlsmetrics.Tokenizer | None = None


def _content() -> tlsmetrics.Tokenizer:
    """Our ROUGE tokens minus spaCy's English stop words (not stemmed)."""
    global _CONTENT
    if _CONTENT is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        _CONTENT = tlsmetrics.Tokenizer(frozenset(STOP_WORDS))
    return _CONTENT


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


# -- date selection and summaries ---------------------------------------------------------


@dataclass(slots=True)
class Day:
    """What dyad's events say about one day."""

    day: date
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
    sentences: dict[str, None] = field(default_factory=dict)  # ordered set

    @property
    def score(self) -> tuple[int, int]:
        return (len(self.docs), self.mentions)


def event_day(e: Event) -> date | None:
    """The day an event counts for: a day-precision event's day, an explicit range's first
    day; None for undated, negated, hypothetical or habitual events and vaguer dates."""
    if e.when is None or e.negated or e.hypothetical or e.habitual:
        return None
    if e.when.start == e.when.end or e.when.precision == "range":
        return e.when.start
    return None


def days_of(events: Iterable[Event]) -> dict[date, Day]:
    """Per day: the documents and mentions of its events and their distinct sentences."""
    days: dict[date, Day] = {}
    for e in events:
        d = event_day(e)
        if d is None:
            continue
        day = days.setdefault(d, Day(d))
        for m in e.mentions:
            day.docs.add(m.doc_id)
            day.mentions += 1
            day.sentences[" ".join(m.sentence.text.split())] = None
    return days


_TIMEX_SENTENCES = """
SELECT t.doc_id, t.range_start, substr(d.text, s.start + 1, s.end - s.start)
FROM timexes t
JOIN sentences s ON s.doc_id = t.doc_id AND s.start <= t.start AND t.start < s.end
JOIN documents d ON d.doc_id = t.doc_id
WHERE t.range_start IS NOT NULL AND t.range_start = t.range_end
"""


def timex_days(store: Store) -> dict[date, Day]:
    """Per day: the documents with a day-precision timex on it and the sentences holding one."""
    days: dict[date, Day] = {}
    for doc_id, value, sentence in store.db.execute(_TIMEX_SENTENCES):
        d = date.fromisoformat(value)
        day = days.setdefault(d, Day(d))
        day.docs.add(doc_id)
        day.mentions += 1
        day.sentences[" ".join(sentence.split())] = None
    return days


_LEAD_SENTENCES = """
SELECT d.published, substr(d.text, s.start + 1, s.end - s.start)
FROM sentences s JOIN documents d ON d.doc_id = s.doc_id
WHERE s.idx < ? AND d.published IS NOT NULL
ORDER BY d.published, d.doc_id, s.idx
"""


def lead_sentences(store: Store, lead: int = LEAD) -> dict[date, list[str]]:
    """Per publication day: the first `lead` sentences of each article published that day."""
    out: dict[date, list[str]] = {}
    for published, sentence in store.db.execute(_LEAD_SENTENCES, (lead,)):
        out.setdefault(date.fromisoformat(published), []).append(" ".join(sentence.split()))
    return out


def merge_days(*sources: dict[date, Day]) -> dict[date, Day]:
    """The union of several sources' evidence per day (sentences in source order)."""
    out: dict[date, Day] = {}
    for source in sources:
        for d, day in source.items():
            into = out.setdefault(d, Day(d))
            into.docs |= day.docs
            into.mentions += day.mentions
            into.sentences.update(day.sentences)
    return out


SIGNALS = ("events", "events+timexes")
ROUGE = ("stemmed", "plain")  # tlsmetrics.stemmed() / tlsmetrics.PLAIN


def evidence(store: Store, signals: str = "events") -> dict[date, Day]:
    """The candidate days of a store for `signals` (see the module docstring)."""
    if signals not in SIGNALS:
        raise ValueError(f"signals must be one of {', '.join(SIGNALS)}, not {signals!r}")
    days = days_of(store.events())
    return merge_days(days, timex_days(store)) if signals == "events+timexes" else days


def rank_days(days: dict[date, Day], first: date, last: date, k: int) -> list[date]:
    """The k best-supported days in first..last (see `Day.score`; ties to the earlier day)."""
    inside = [d for d in days.values() if first <= d.day <= last]
    inside.sort(key=lambda d: (-d.score[0], -d.score[1], d.day))
    return sorted(d.day for d in inside[:k])


def _bag(sentence: str) -> Counter[str]:
    return Counter(_content()(sentence))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def summarise(sentences: Sequence[str], n: int) -> list[str]:
    """Up to n sentences closest to the centroid of all of them (see the module docstring)."""
    bags = [_bag(s) for s in sentences]
    centroid: Counter[str] = Counter()
    for b in bags:
        centroid.update(b)
    order = sorted(range(len(sentences)), key=lambda i: (-_cosine(bags[i], centroid), i))
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= n:
            break
        words = set(bags[i])
        if not words:
            continue
        if any(len(words & set(bags[j])) > DUPLICATE_SHARE * len(words) for j in chosen):
            continue
        chosen.append(i)
    return [sentences[i] for i in chosen]


def predict(
    days: dict[date, Day], gold: GoldTimeline, leads: Mapping[date, list[str]] | None = None
) -> dict[date, list[str]]:
    """dyad's timeline for the task of `gold`: as many dates, within its span; `leads` are
    the lead sentences by publication day (`lead_sentences`)."""
    chosen = rank_days(days, gold.first, gold.last, len(gold.entries))
    n = gold.sentences_per_date()
    leads = leads or {}
    out = {}
    for d in chosen:
        pool = dict.fromkeys([*days[d].sentences, *leads.get(d, ()),
                              *leads.get(d + timedelta(days=1), ())])  # fmt: skip
        out[d] = summarise(list(pool), n)
    return out


def diagnostics(days: dict[date, Day], gold: GoldTimeline, pred: Iterable[date]) -> dict[str, int]:
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
    signals: str = "events",
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
    with ExitStack() as stack:
        if store_dir is None:
            where = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dyad-t17-db-")))
        else:
            where = Path(store_dir)
            where.mkdir(parents=True, exist_ok=True)
        for folder in folders:
            suffix = f"-{limit}" if limit is not None else ""
            with Store.open(where / f"{folder.name}{suffix}.sqlite") as store:
                ingested[folder.name] = ingest_topic(folder, store, nlp, model_name, limit, batch)
                days = evidence(store, signals)
                leads = lead_sentences(store)
            for gold in golds[folder.name]:
                pred = predict(days, gold, leads)
                results[gold.id] = tlsmetrics.evaluate(pred, gold_for_scoring(gold), tok)
                diag[gold.id] = diagnostics(days, gold, pred)
    seconds = time.perf_counter() - started
    return {
        "mean": tlsmetrics.f1s(tlsmetrics.mean(list(results.values()))),
        "topics": {k: tlsmetrics.f1s(v) for k, v in results.items()},
        "diagnostics": diag,
        "ingest": ingested,
        "signals": signals,
        "rouge": rouge,
        "seconds": round(seconds, 1),
    }
