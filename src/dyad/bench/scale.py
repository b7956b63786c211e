"""Scale-out on Dask, measured in one run: the same articles ingested with 1, 2 (, 4 ...)
worker processes, and with more copies of them, each into a fresh store.

The articles (any inputs `dyad ingest` reads, the first `limit` readable ones) are written
once to a JSONL manifest in the work folder, `repeat` copies of each: copy r > 0 has a line
"(Copy r.)" appended, so its content id differs and it is analysed and stored as a new
document, while its events, quotes and figures are those of the original. Each
configuration (worker count, copies) then runs the real ingest path (`app.ingest.ingest`
through `dask_analyser` on a fresh `local_cluster`) into its own store, timed from the first
article read to the end of fusion; cluster start-up and the one pipeline load per worker are
timed apart (`startup_seconds`), since a long-running cluster pays them once.

Per configuration: articles/s, speed-up against one worker on the same articles, the
client's peak resident memory during the ingest (sampled), each worker's peak (its
process's `ru_maxrss`; the cluster is new, so that is this run's), and a digest of the
store (document ids with their publication dates, and every fused event), which must be the
same for every worker count on the same articles. `spacy_docs_per_second` is bare spaCy
(dyad's components disabled) in this process on the same articles, so `per_worker_ratio`
(bare spaCy's articles/s over one worker's share of the cluster's) shows what a worker costs
beyond the parser. Memory growth compares the smallest and largest copy count at the same
worker count.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from dyad import codec
from dyad.app.distributed import dask_analyser, local_cluster
from dyad.app.ingest import ingest
from dyad.errors import BenchDataError, InputError
from dyad.ingest.readers import iter_articles
from dyad.nlp.pipeline import COMPONENTS, build_pipeline, cached_pipeline
from dyad.store.db import Store


def write_manifest(paths: Sequence[Path], limit: int, repeat: int, out: Path) -> int:
    """Write `repeat` copies of the first `limit` readable articles to `out` (JSONL),
    reading the inputs once per copy (streamed: no copy is held in memory)."""
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            articles = (a for a in iter_articles(paths) if not isinstance(a, InputError))
            for k, article in enumerate(islice(articles, limit)):
                text = article.text if copy == 0 else f"{article.text}\n\n(Copy {copy}.)"
                row: dict[str, object] = {"id": f"{article.external_id or k}~{copy}",
                                          "text": text, "title": article.title,
                                          "outlet": article.outlet, "url": article.url}  # fmt: skip
                if article.published is not None:
                    row["published"] = article.published.isoformat()
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
    if not written:
        raise BenchDataError(", ".join(map(str, paths)), "no readable articles")
    return written


def store_digest(store: Store) -> str:
    """A hash of what an ingest produced: document ids and publication dates, and every
    fused event, in the store's own (deterministic) order."""
    h = hashlib.sha256()
    for document in store.documents():
        h.update(f"{document.doc_id}\t{codec.dumps(document.published)}\n".encode())
    for event in store.events():
        h.update((codec.dumps(event) + "\n").encode())
    return h.hexdigest()[:16]


@contextmanager
def _rss_sampler(interval: float = 0.1) -> Iterator[dict[str, float]]:
    """Sample this process's resident memory while the block runs; `peak_mb` at the end."""
    import psutil

    process = psutil.Process()
    seen = {"peak_mb": process.memory_info().rss / 2**20}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(interval):
            seen["peak_mb"] = max(seen["peak_mb"], process.memory_info().rss / 2**20)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join()
        seen["peak_mb"] = round(max(seen["peak_mb"], process.memory_info().rss / 2**20), 1)


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm(model: str) -> None:
    cached_pipeline(model)


def run_one(manifest: Path, db: Path, model: str, workers: int, batch_size: int) -> dict[str, Any]:
    """Ingest `manifest` into a new store `db` on a new cluster of `workers` processes."""
    t0 = time.perf_counter()
    with local_cluster(workers) as client:
        client.run(_warm, model)  # one pipeline load per worker, before the clock starts
        startup = time.perf_counter() - t0
        with Store.open(db) as store, _rss_sampler() as client_rss:
            result = ingest([manifest], store, None, model, batch_size=batch_size,
                            analyser=dask_analyser(client, model, batch_size))  # fmt: skip
        worker_mb = sorted(client.run(_worker_peak_mb).values())
    with Store.open(db, read_only=True) as store:
        digest = store_digest(store)
    if result.errors:
        raise BenchDataError(str(manifest), f"{len(result.errors)} articles failed: "
                             f"{result.errors[0].path}: {result.errors[0].reason}")  # fmt: skip
    return {
        "workers": workers,
        "articles": result.added,
        "events": result.events,
        "seconds": round(result.seconds, 2),
        "articles_per_second": round(result.added / result.seconds, 3),
        "startup_seconds": round(startup, 2),
        "client_peak_rss_mb": client_rss["peak_mb"],
        "worker_peak_rss_mb": [round(mb, 1) for mb in worker_mb],
        "digest": digest,
    }


def spacy_rate(manifest: Path, model: str, limit: int, batch_size: int) -> float:
    """Bare spaCy's articles/s in this process on the first `limit` articles of `manifest`."""
    nlp = build_pipeline(model)
    texts = [a.text for a in islice(iter_articles([manifest]), limit)
             if not isinstance(a, InputError)]  # fmt: skip
    with nlp.select_pipes(disable=[name for name, _ in COMPONENTS]):
        for _ in nlp.pipe(texts[:4]):  # warm up
            pass
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        seconds = time.perf_counter() - started
    return len(texts) / seconds


def run(
    paths: Sequence[Path],
    model: str,
    *,
    limit: int = 400,
    workers: Sequence[int] = (1, 2),
    repeats: Sequence[int] = (1,),
    batch_size: int = 16,
    work_dir: Path | None = None,
) -> dict[str, Any]:
    """Every (copies, workers) configuration in turn, smallest first; see the module text."""
    if not workers or min(workers) < 1 or not repeats or min(repeats) < 1:
        raise BenchDataError("options", "worker and copy counts must be 1 or more")
    workers, repeats = sorted(set(workers)), sorted(set(repeats))
    own_dir = work_dir is None
    folder = Path(tempfile.mkdtemp(prefix="dyad-scale-")) if work_dir is None else work_dir
    folder.mkdir(parents=True, exist_ok=True)
    try:
        runs: list[dict[str, Any]] = []
        for repeat in repeats:
            manifest = folder / f"articles-x{repeat}.jsonl"
            write_manifest(paths, limit, repeat, manifest)
            for n in workers:
                db = folder / f"store-x{repeat}-w{n}.db"
                db.unlink(missing_ok=True)
                runs.append({"copies": repeat, **run_one(manifest, db, model, n, batch_size)})
        base = folder / f"articles-x{repeats[0]}.jsonl"
        spacy = spacy_rate(base, model, limit, batch_size)
    finally:
        if own_dir:
            shutil.rmtree(folder, ignore_errors=True)
    return summarise(runs, spacy)


def summarise(runs: list[dict[str, Any]], spacy_docs_per_second: float) -> dict[str, Any]:
    """Speed-ups, identity of outputs and memory growth from the runs' rows."""
    one = {r["copies"]: r for r in runs if r["workers"] == min(x["workers"] for x in runs)}
    for r in runs:
        first = one[r["copies"]]
        r["speedup"] = round(r["articles_per_second"] / first["articles_per_second"], 3)
        per_worker = r["articles_per_second"] / r["workers"]
        r["per_worker_ratio"] = round(spacy_docs_per_second / per_worker, 3)
    identical = all(r["digest"] == one[r["copies"]]["digest"] for r in runs)
    growth: dict[str, Any] = {}
    copies = sorted({r["copies"] for r in runs})
    if len(copies) > 1:
        for n in sorted({r["workers"] for r in runs}):
            lo = next(r for r in runs if r["workers"] == n and r["copies"] == copies[0])
            hi = next(r for r in runs if r["workers"] == n and r["copies"] == copies[-1])
            growth[str(n)] = {
                "articles": [lo["articles"], hi["articles"]],
                "client_rss_ratio": round(hi["client_peak_rss_mb"] / lo["client_peak_rss_mb"], 3),
                "worker_rss_ratio": round(
                    max(hi["worker_peak_rss_mb"]) / max(lo["worker_peak_rss_mb"]), 3
                ),
            }
    return {
        "cores": os.cpu_count(),
        "spacy_docs_per_second": round(spacy_docs_per_second, 3),
        "identical_outputs": identical,
        "runs": runs,
        "memory_growth": growth,
    }
