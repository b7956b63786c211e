"""Incremental fusion gives the events of a full fusion; old stores get their blocks."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from dyad import codec
from dyad.app.fusion import fuse_store
from dyad.app.ingest import ingest
from dyad.fusion_blocks import block_key
from dyad.nlp.pipeline import cached_pipeline
from dyad.store.db import Store
from dyad.store.migrations import MIGRATIONS, migrate
from dyad.store.tx import transaction
from dyad.types import EventMention

SAMPLES = Path(__file__).parents[1] / "samples"


def _events(store: Store) -> set[tuple[str, tuple[str, ...]]]:
    return {(e.event_id, tuple(sorted(m.doc_id for m in e.mentions))) for e in store.events()}


def _halves(tmp_path: Path) -> tuple[list[Path], list[Path]]:
    """The sample corpus cut in two: every other manifest row (paths made absolute) and
    every other file the manifest does not list, so reports of one event land in both."""
    rows = [json.loads(line) for line in (SAMPLES / "manifest.jsonl").read_text().splitlines()]
    listed = {r["path"] for r in rows}
    files = sorted(p for p in SAMPLES.iterdir()
                   if p.suffix in (".txt", ".html", ".pdf") and p.name not in listed)  # fmt: skip
    halves: list[list[Path]] = []
    for k in (0, 1):
        path = tmp_path / f"half{k}.jsonl"
        path.write_text("".join(json.dumps(dict(r, path=str(SAMPLES / r["path"]))) + "\n"
                                for r in rows[k::2]))  # fmt: skip
        halves.append([path, *files[k::2]])
    # one event told by two outlets, one in each half, so that the second run must fuse
    # across runs (the sample corpus itself need not contain such a pair)
    for k, (day, text) in enumerate(_TWO_REPORTS):
        report = tmp_path / f"report{k}.jsonl"
        report.write_text(json.dumps({"id": f"r{k}", "published": day, "text": text}) + "\n")
        halves[k].append(report)
    return halves[0], halves[1]


_TWO_REPORTS = (
    (
        "2019-06-05",
        "Peru and Chile signed a fishing agreement in Lima on 4 June 2019, "
        "ending a long dispute over the anchovy catch.",
    ),
    (
        "2019-06-06",
        "Chile and Peru signed a fishing agreement on 4 June 2019 in Lima, "
        "officials said, after years of talks on the anchovy catch.",
    ),
)


def test_adding_documents_in_two_runs_gives_the_events_of_one(tmp_path: Path) -> None:
    first, second = _halves(tmp_path)
    nlp = cached_pipeline()
    with Store.open(tmp_path / "two.db") as two:
        ingest(first, two, nlp, "m", allow_outside=True)
        ingest(second, two, nlp, "m", allow_outside=True)
        incremental = _events(two)
        assert fuse_store(two) == len(incremental)  # a full fusion of the same mentions
        assert _events(two) == incremental
    with Store.open(tmp_path / "one.db") as one:
        ingest(first + second, one, nlp, "m", allow_outside=True)
        assert _events(one) == incremental
    assert any(len(set(docs)) > 1 for _, docs in incremental)  # fusion across documents


def test_migration_fills_the_blocks_of_stored_mentions(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        ingest(sorted(SAMPLES.glob("*.txt"))[:2], store, cached_pipeline(), "m")
    db = sqlite3.connect(path, isolation_level=None)
    with transaction(db):  # make it a store from before 0004
        db.execute("DROP INDEX event_mentions_block")
        db.execute("ALTER TABLE event_mentions DROP COLUMN block")
        db.execute("DELETE FROM _migrations WHERE name = '0004_mention_blocks'")
    assert migrate(db) == ["0004_mention_blocks"]
    rows = db.execute("SELECT block, data FROM event_mentions").fetchall()
    assert rows and all(b == block_key(codec.loads(EventMention, d)) for b, d in rows)
    db.close()
    assert "0004_mention_blocks" in [name for name, _ in MIGRATIONS]


def test_migration_keys_the_sentence_index_by_sentence(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        ingest(sorted(SAMPLES.glob("*.txt"))[:2], store, cached_pipeline(), "m")
    db = sqlite3.connect(path, isolation_level=None)
    with transaction(db):  # an index written before 0005: rows numbered on their own
        rows = db.execute("SELECT text, doc_id, start, end FROM sentences_fts").fetchall()
        db.execute("DELETE FROM sentences_fts")
        db.executemany("INSERT INTO sentences_fts (rowid, text, doc_id, start, end) "
                       "VALUES (?, ?, ?, ?, ?)",
                       [(10_000 + k, *row) for k, row in enumerate(rows)])  # fmt: skip
        db.execute("DELETE FROM _migrations WHERE name = '0005_sentence_index_rowids'")
    assert migrate(db) == ["0005_sentence_index_rowids"]
    joined = db.execute(
        "SELECT f.text, d.text, s.start, s.end FROM sentences s "
        "JOIN sentences_fts f ON f.rowid = s.rowid JOIN documents d ON d.doc_id = s.doc_id"
    ).fetchall()
    assert len(joined) == len(rows) and all(t == text[a:b] for t, text, a, b in joined)
    db.close()
