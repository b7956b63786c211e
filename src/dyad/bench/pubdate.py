"""Publication-date inference on dated news articles whose date is hidden (Timeline17).

Data: ``articles.jsonl.gz`` (or ``.jsonl``) files, one ``{"id", "published": "YYYY-MM-DD",
"title", "text"}`` object per line (``../shared/bench/chronology/README.md``). `--data` is one
such file or a folder: then every ``articles.jsonl.gz`` below it (one per topic), in sorted
order. Files are streamed line by line; `limit` keeps the first N articles of each file (the
files are sorted by date, so a limited run covers each topic's first days only).

Each text goes through the ingest path an analyst's manifest row takes (boilerplate removal,
`to_document`) with no date, then through the real pipeline (actors, then temporal; events
are left out, they do not feed the date). T17 texts are PTB-tokenized; `untokenize` undoes
the conventions (``-LRB-``, doubled quotes, spaces before punctuation) first, so the score
measures dyad on text as articles are written, not on tokenizer artefacts. An article that
is all boilerplate never reaches the pipeline; it is counted in ``skipped`` only.

Metrics (``error`` = inferred minus true date, in days; "share" = share of ``docs``):
- ``docs``: articles scored; ``dated``: share given a value (the rest say "unknown");
- ``exact``, ``within_1``, ``within_7``, ``within_30``: share of ALL docs with
  |error| <= 0, 1, 7, 30 days (undated docs count as wrong);
- ``bounded``: share whose window has both ends; ``in_window``: among those, the share
  whose window [earliest, latest] holds the true date (is the stated window honest?);
- ``median_abs_error_days``: median |error| over dated docs (None when none is dated);
- ``confidence_right`` / ``confidence_wrong``: mean confidence of dated docs within 7 days
  / off by more than 7 days (undated docs have confidence 0 by definition and are left out):
  calibrated confidence puts the first clearly above the second;
- ``seconds``: the pipeline over all docs (loading the model not included);
- ``by_file``: docs, within_7 and median error per file (topic).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from dyad.errors import BenchDataError, EmptyInput
from dyad.types import Document, PublicationDate

if TYPE_CHECKING:
    from spacy.language import Language

ARTICLES = "articles.jsonl.gz"
_TOLERANCES = {"exact": 0, "within_1": 1, "within_7": 7, "within_30": 30}
RIGHT_DAYS = 7  # "right" for the confidence means: within a week

# PTB conventions -> plain text. Order matters: brackets and quotes before spacing.
_PTB_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{",
               "-RCB-": "}", r"\/": "/", r"\*": "*"}  # fmt: skip
_OPEN_QUOTE = re.compile(r"``\s*")
_CLOSE_QUOTE = re.compile(r"\s*''")
_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:?!%)\]}]|'(?:s|re|ve|ll|d|m)\b|n't\b)", re.IGNORECASE)
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")


@dataclass(frozen=True, slots=True)
class Article:
    """One benchmark article: its true date, which the pipeline never sees."""

    id: str
    published: date
    text: str
    source: str  # the file it came from, for per-topic figures


def untokenize(text: str) -> str:
    """Undo PTB tokenization line by line ("Obama 's `` plan '' -LRB- 2011 -RRB- ." ->
    "Obama's "plan" (2011).") so the pipeline sees text as written."""
    lines = []
    for line in text.split("\n"):
        for token, plain in _PTB_TOKENS.items():
            line = line.replace(token, plain)
        line = _CLOSE_QUOTE.sub('"', _OPEN_QUOTE.sub('"', line))
        line = _NO_SPACE_AFTER.sub("", _NO_SPACE_BEFORE.sub("", line))
        lines.append(line.rstrip())
    return "\n".join(lines)


def data_files(path: Path) -> list[Path]:
    """The article files `path` names: itself, or every articles.jsonl.gz below a folder."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.rglob(ARTICLES))
        if not files:
            raise BenchDataError(str(path), f"no {ARTICLES} under this folder")
        return files
    if not path.is_file():
        raise BenchDataError(str(path), "no such file or folder")
    return [path]


def _open(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _article(line: str, source: str) -> Article:
    """One record; ValueError/KeyError/TypeError when it is not one."""
    rec = json.loads(line)
    if not isinstance(rec, dict):
        raise TypeError("not a JSON object")
    text, published = rec["text"], rec["published"]
    if not isinstance(text, str) or not isinstance(published, str):
        raise TypeError("`text` and `published` must be strings")
    return Article(str(rec.get("id", "")), date.fromisoformat(published), text, source)


def iter_file(path: Path, limit: int | None = None) -> Iterator[Article]:
    """Stream the first `limit` articles of one file; BenchDataError names file and line."""
    count, number = 0, 0
    try:
        with _open(path) as lines:
            for number, line in enumerate(lines, 1):
                if limit is not None and count >= limit:
                    return
                if not line.strip():
                    continue
                try:
                    article = _article(line, path.parent.name or path.name)
                except (ValueError, KeyError, TypeError) as exc:
                    raise BenchDataError(str(path), f"line {number}: malformed record "
                                         f"({type(exc).__name__}: {exc})") from exc  # fmt: skip
                count += 1
                yield article
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise BenchDataError(str(path), f"cannot read after line {number}: {exc}") from exc
    if count == 0:
        raise BenchDataError(str(path), "no records")


def load(path: Path, limit: int | None = None) -> Iterator[Article]:
    """Stream the articles of `path` (file or folder), at most `limit` per file."""
    for file in data_files(path):
        yield from iter_file(file, limit)


def error_days(true: date, pub: PublicationDate) -> int | None:
    """Inferred minus true date in days; None when no date was inferred."""
    return None if pub.value is None else (pub.value - true).days


def _share(n: int, of: int) -> float:
    return round(n / of, 4) if of else 0.0


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def score(pairs: Iterable[tuple[date, PublicationDate]]) -> dict[str, Any]:
    """The metrics of the module docstring over (true date, inferred date) pairs."""
    n = 0
    errors: list[int] = []
    hits = dict.fromkeys(_TOLERANCES, 0)
    bounded = in_window = 0
    right_conf: list[float] = []
    wrong_conf: list[float] = []
    for true, pub in pairs:
        n += 1
        if pub.earliest is not None and pub.latest is not None:
            bounded += 1
            in_window += pub.earliest <= true <= pub.latest
        err = error_days(true, pub)
        if err is None:
            continue
        errors.append(abs(err))
        for key, days in _TOLERANCES.items():
            hits[key] += abs(err) <= days
        (right_conf if abs(err) <= RIGHT_DAYS else wrong_conf).append(pub.confidence)
    return {
        "docs": n,
        "dated": _share(len(errors), n),
        **{key: _share(hits[key], n) for key in _TOLERANCES},
        "bounded": _share(bounded, n),
        "in_window": _share(in_window, bounded),
        "median_abs_error_days": statistics.median(errors) if errors else None,
        "confidence_right": _mean(right_conf),
        "confidence_wrong": _mean(wrong_conf),
    }


def to_document(article: Article) -> Document | None:
    """The undated Document ingest would make of the article's text; None if all boilerplate."""
    from dyad.ingest.identity import to_document as ingest_document
    from dyad.ingest.textfile import article_from_text

    try:
        raw = article_from_text(untokenize(article.text), article.id)
    except EmptyInput:
        return None
    return ingest_document(raw)


def pipeline(model: str | None = None) -> Language:
    """dyad's pipeline without the events stage (events do not feed the date)."""
    from dyad.nlp.pipeline import build_pipeline

    nlp = build_pipeline(model)
    if "dyad_events" in nlp.pipe_names:
        nlp.remove_pipe("dyad_events")
    return nlp


def predictions(
    nlp: Language, articles: Iterable[Article], batch: int = 16
) -> Iterator[tuple[Article, PublicationDate | None]]:
    """Each article with the date dyad infers for its hidden-date text, lazily.

    None stands for an article ingest drops as all boilerplate (it never reaches the
    pipeline); such articles come out a little ahead of their neighbours in the batch.
    """
    from dyad.nlp.pipeline import analyse

    pending: dict[int, tuple[Document, Article]] = {}  # holding the Document keeps its id unique
    dropped: list[Article] = []

    def documents() -> Iterator[Document]:
        for article in articles:
            document = to_document(article)
            if document is None:
                dropped.append(article)
            else:
                pending[id(document)] = (document, article)
                yield document

    for document, analysis in analyse(nlp, documents(), batch):
        while dropped:
            yield dropped.pop(0), None
        yield pending.pop(id(document))[1], analysis.published
    while dropped:
        yield dropped.pop(0), None


Row = tuple[str, date, PublicationDate]  # file (topic), true date, inferred date


def _by_file(rows: list[Row]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for source in dict.fromkeys(r[0] for r in rows):
        s = score((true, pub) for src, true, pub in rows if src == source)
        out[source] = {k: s[k] for k in ("docs", "within_7", "median_abs_error_days")}
    return out


def run(
    path: Path, limit: int | None = None, model: str | None = None, batch: int = 16
) -> dict[str, Any]:
    """Infer the date of every article of `path` (see the module docstring) and score it.

    Only each article's file, true date and inferred date are kept, not its text.
    """
    articles = load(Path(path), limit)
    nlp = pipeline(model)
    rows: list[Row] = []
    skipped = 0
    started = time.perf_counter()
    for article, pub in predictions(nlp, articles, batch):
        if pub is None:
            skipped += 1
        else:
            rows.append((article.source, article.published, pub))
    seconds = time.perf_counter() - started
    out = score((true, pub) for _, true, pub in rows)
    out.update(skipped=skipped, seconds=round(seconds, 3), by_file=_by_file(rows))
    return out
