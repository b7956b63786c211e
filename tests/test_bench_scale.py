"""`dyad bench scale`: the runs it compares ingest the same articles, their outputs are
compared by a digest that sees a difference, and copies of an article are new documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.bench.scale import run, store_digest, summarise, write_manifest
from dyad.errors import BenchDataError
from dyad.ingest.identity import content_id
from dyad.settings import MODEL
from dyad.store.db import Store

SAMPLES = Path(__file__).parents[1] / "samples"


def test_copies_are_new_documents(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    assert write_manifest([SAMPLES], 3, 2, manifest) == 6
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert len({content_id(r["text"]) for r in rows}) == 6
    assert rows[3]["text"].startswith(rows[0]["text"]) and rows[3]["text"].endswith("(Copy 1.)")


def test_no_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with pytest.raises(BenchDataError):
        write_manifest([tmp_path / "in"], 5, 1, tmp_path / "m.jsonl")


def _row(copies: int, workers: int, rate: float, digest: str, client: float) -> dict[str, object]:
    return {"copies": copies, "workers": workers, "articles": 10 * copies,
            "articles_per_second": rate, "digest": digest, "client_peak_rss_mb": client,
            "worker_peak_rss_mb": [300.0 * copies] * workers}  # fmt: skip


def test_summary_speedup_identity_and_growth() -> None:
    s = summarise([_row(1, 1, 2.0, "a", 100.0), _row(1, 2, 3.6, "a", 110.0),
                   _row(10, 1, 2.0, "b", 120.0), _row(10, 2, 3.8, "b", 121.0)], 4.0)  # fmt: skip
    assert s["identical_outputs"] is True
    assert [r["speedup"] for r in s["runs"]] == [1.0, 1.8, 1.0, 1.9]
    assert s["runs"][1]["per_worker_ratio"] == round(4.0 / 1.8, 3)
    assert s["memory_growth"]["2"]["client_rss_ratio"] == 1.1
    assert s["memory_growth"]["1"]["worker_rss_ratio"] == 10.0
    differs = summarise([_row(1, 1, 2.0, "a", 1.0), _row(1, 2, 3.0, "c", 1.0)], 4.0)
    assert differs["identical_outputs"] is False


def test_digest_sees_a_changed_event(tmp_path: Path) -> None:
    from dyad.app.ingest import ingest
    from dyad.nlp.pipeline import cached_pipeline

    with Store.open(tmp_path / "s.db") as store:
        ingest([SAMPLES / "galwan-clash.txt"], store, cached_pipeline(), MODEL.default)
        before = store_digest(store)
        assert store_digest(store) == before
        events = list(store.events())
        assert events
        from dataclasses import replace

        store.replace_events([replace(events[0], plover="AID"), *events[1:]])
        assert store_digest(store) != before


def test_one_and_two_workers_give_the_same_store(tmp_path: Path) -> None:
    scores = run([SAMPLES], MODEL.default, limit=4, workers=[2, 1], repeats=[1],
                 batch_size=2, work_dir=tmp_path)  # fmt: skip
    assert [r["workers"] for r in scores["runs"]] == [1, 2]
    assert all(r["articles"] == 4 for r in scores["runs"])
    assert scores["identical_outputs"] is True
    assert scores["runs"][0]["speedup"] == 1.0
    assert all(r["client_peak_rss_mb"] > 0 and r["worker_peak_rss_mb"] for r in scores["runs"])
