"""Analysis on Dask workers stores exactly what one process stores; failures stay isolated;
a cluster started as separate `dask scheduler` / `dask worker` processes works the same."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad import codec
from dyad.app.distributed import connect, dask_analyser, local_cluster
from dyad.app.ingest import ingest
from dyad.nlp.pipeline import cached_pipeline
from dyad.settings import MODEL
from dyad.store.db import Store

SAMPLES = Path(__file__).parents[1] / "samples"


def _content(store: Store) -> tuple[object, ...]:
    """Everything stored that does not depend on when it was stored."""
    docs = [
        (d.doc_id, d.path, d.title, d.published, store.document(d.doc_id) == d)
        for d in store.documents()
    ]
    events = [codec.dumps(e) for e in store.events()]
    rows = store.db.execute("SELECT rowid, doc_id, idx FROM sentences ORDER BY rowid").fetchall()
    return docs, events, [tuple(r) for r in rows]


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, ...]:
    with Store.open(tmp_path_factory.mktemp("one") / "one.db") as store:
        ingest([SAMPLES], store, cached_pipeline(), MODEL.default, batch_size=4)
        return _content(store)


def test_two_worker_processes_store_what_one_process_stores(
    tmp_path: Path, one_process: tuple[object, ...]
) -> None:
    with local_cluster(2) as client, Store.open(tmp_path / "two.db") as store:
        analyser = dask_analyser(client, MODEL.default, batch_size=4, in_flight=3)
        result = ingest([SAMPLES], store, None, MODEL.default, analyser=analyser)
        assert result.ok and result.added == 14
        assert _content(store) == one_process
        again = ingest([SAMPLES], store, None, MODEL.default, analyser=analyser)
        assert (again.added, again.known) == (0, 14)  # re-running stores nothing new


def test_a_document_failing_on_a_worker_is_reported_and_the_rest_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster

    from dyad.app import ingest as app_ingest

    real = app_ingest.analyse

    def analyse(nlp, documents, batch_size=32):  # type: ignore[no-untyped-def]
        documents = list(documents)
        if any("Galwan valley clash" in (d.title or "") for d in documents):
            raise ValueError("a stage failed on this text")
        yield from real(nlp, documents, batch_size)

    monkeypatch.setattr(app_ingest, "analyse", analyse)
    # workers in threads of this process, so that the patched stage is the one they run
    with (
        LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
        Store.open(tmp_path / "s.db") as store,
    ):
        result = ingest(
            [SAMPLES], store, None, MODEL.default, analyser=dask_analyser(client, MODEL.default, 4)
        )
    failed = [e for e in result.errors if "analysis failed" in e.reason]
    assert len(failed) == 1 and failed[0].path.endswith("manifest.jsonl:5")
    assert result.added == 13


DASK = Path(sys.executable).with_name("dask")


@pytest.mark.skipif(not DASK.exists(), reason="the dask command is not installed beside python")
def test_an_existing_cluster_of_separate_processes(
    tmp_path: Path, one_process: tuple[object, ...]
) -> None:
    dask = str(DASK)
    port_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(port_file)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not port_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        import json

        address = json.loads(port_file.read_text())["address"]
        worker = subprocess.Popen(
            [dask, "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        with connect(address) as client, Store.open(tmp_path / "c.db") as store:
            client.wait_for_workers(1, timeout=60)
            analyser = dask_analyser(client, MODEL.default, batch_size=4)
            result = ingest([SAMPLES], store, None, MODEL.default, analyser=analyser)
            assert result.ok and _content(store) == one_process
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
