"""`dyad reanalyse`: a store analysed by an older version gets the current analysis, in
place, with given publication dates kept, failures isolated, and nothing duplicated."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.app.ingest import ingest
from dyad.app.reanalyse import reanalyse
from dyad.nlp.pipeline import analyse, cached_pipeline
from dyad.store.db import Store
from dyad.store.tx import transaction

SAMPLES = Path(__file__).parents[1] / "samples"
_TABLES = ("sentences", "sentences_fts", "timexes", "actor_mentions", "event_mentions",
           "quotes", "quotes_fts", "figures", "events", "documents")  # fmt: skip


def _counts(store: Store) -> dict[str, int]:
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}  # noqa: S608


def _snapshot(store: Store) -> tuple[object, ...]:
    events = sorted((e.event_id, e.plover, e.sources, e.targets) for e in store.events())
    dates = sorted(store.publication_dates().items())
    return _counts(store), events, dates


@pytest.fixture()
def store(tmp_path: Path):
    with Store.open(tmp_path / "s.db") as s:
        ingest([SAMPLES], s, cached_pipeline(), "m")
        yield s


def test_an_old_analysis_is_replaced_by_the_current_one(store: Store) -> None:
    fresh = _snapshot(store)
    with transaction(store.db) as db:  # what a store written before quotes and figures holds
        db.execute("DELETE FROM quotes_fts")
        db.execute("DELETE FROM quotes")
        db.execute("DELETE FROM figures")
        db.execute("DELETE FROM actor_mentions WHERE rowid % 2 = 0")
    assert store.count_quotes() == 0
    result = reanalyse(store, cached_pipeline(), "m2")
    assert result.done == store.count_documents() and not result.errors
    assert _snapshot(store) == fresh
    assert {r[0] for r in store.db.execute("SELECT DISTINCT model FROM documents")} == {"m2"}
    reanalyse(store, cached_pipeline(), "m2")  # again: nothing is duplicated
    assert _snapshot(store) == fresh


def test_a_document_whose_analysis_fails_keeps_its_old_one(store: Store, monkeypatch) -> None:
    from dyad.app import ingest as run

    before = _snapshot(store)
    victim = sorted(r[0] for r in store.db.execute("SELECT doc_id FROM documents"))[0]
    real = run.analyse

    def analyse(nlp, documents, batch_size=32):
        documents = list(documents)
        if any(d.doc_id == victim for d in documents):
            raise ValueError("a stage failed on this text")
        yield from real(nlp, documents, batch_size)

    monkeypatch.setattr(run, "analyse", analyse)
    result = reanalyse(store, cached_pipeline(), "m2")
    assert [e.path for e in result.errors] == [store.document(victim).path or victim]
    assert result.done == store.count_documents() - 1
    assert _snapshot(store) == before  # the others re-analysed to the same result
    models = dict(store.db.execute("SELECT doc_id, model FROM documents").fetchall())
    assert models.pop(victim) == "m" and set(models.values()) == {"m2"}


def test_ids_are_read_page_by_page_in_order(store: Store) -> None:
    every = sorted(r[0] for r in store.db.execute("SELECT doc_id FROM documents"))
    assert len(every) > 3 and list(store.document_ids(page=3)) == every


def test_an_interrupted_run_is_repaired_by_the_next_ingest(store: Store, tmp_path: Path) -> None:
    from dyad.store.reanalysis import replace_analysis

    for k, text in enumerate((
        "Peru and Chile signed a fishing agreement in Lima on 4 June 2019.",
        "Chile and Peru signed a fishing agreement on 4 June 2019, officials said in Lima.",
    )):  # fmt: skip
        (tmp_path / f"r{k}.txt").write_text(text)
        ingest([tmp_path / f"r{k}.txt"], store, cached_pipeline(), "m")
    fresh = _snapshot(store)
    assert any(len(e.doc_ids) == 2 for e in store.events())  # one event, two reports
    stored = next(d for d in store.documents() if d.path and d.path.endswith("r0.txt"))
    [(document, analysis)] = list(analyse(cached_pipeline(), [stored]))
    replace_analysis(store, document, analysis, "m")  # ... and the run stops before fusing
    dangling = store.db.execute(
        "SELECT count(*) FROM event_mentions WHERE event_id IS NOT NULL "
        "AND event_id NOT IN (SELECT event_id FROM events)"
    ).fetchone()[0]
    assert dangling == 0  # the other report's mention waits, unfused, for the next fusion
    extra = tmp_path / "extra.txt"
    extra.write_text("Bolivia and Brazil held talks in La Paz on 9 June 2019.")
    ingest([extra], store, cached_pipeline(), "m")
    events = sorted((e.event_id, e.plover, e.sources, e.targets) for e in store.events())
    assert set(fresh[1]) <= set(events)  # every earlier event is back, fused as before
