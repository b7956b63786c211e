"""Opening a store: read commands open it read-only and change nothing (not even the journal
mode); a file that is not a dyad store is a clear StoreError naming it, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.errors import SchemaTooNew, StoreError
from dyad.store.db import Store

DYAD = str(Path(sys.executable).with_name("dyad"))


def _store_in_rollback_mode(path: Path) -> None:
    with Store.open(path):
        pass
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()


def test_a_read_only_open_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _store_in_rollback_mode(path)
    before = path.read_bytes()
    with Store.open(path, read_only=True) as store:
        assert store.count_events() == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.execute("DELETE FROM documents")
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_read_commands_leave_the_store_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _store_in_rollback_mode(path)
    before = path.read_bytes()
    for command in (["events"], ["documents"], ["quotes"], ["figures"], ["chronology"]):
        done = subprocess.run([DYAD, *command, "--db", str(path)], capture_output=True,
                              text=True)  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("read_only", [True, False])
def test_a_file_that_is_not_a_store_is_named_in_a_clear_error(
    tmp_path: Path, read_only: bool
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="notes.db is not a dyad database"):
        Store.open(path, read_only=read_only)


def test_the_cli_reports_a_non_store_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("plain text\n" * 500, encoding="utf-8")
    env = dict(os.environ, COLUMNS="300")
    done = subprocess.run([DYAD, "events", "--db", str(path)], capture_output=True, text=True,
                          env=env)  # fmt: skip
    assert done.returncode == 2
    assert "[E300]" in done.stderr and "notes.db" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_older_store_is_upgraded_before_a_read(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path):
        pass
    db = sqlite3.connect(path)
    # 0005 rebuilds the sentence index keyed by rowid: a store from before it lacks its record
    db.execute("DELETE FROM _migrations WHERE name = '0005_sentence_index_rowids'")
    db.commit()
    db.close()
    with Store.open(path, read_only=True) as store:
        names = {r[0] for r in store.db.execute("SELECT name FROM _migrations")}
        assert "0005_sentence_index_rowids" in names
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.execute("DELETE FROM documents")  # upgraded, then opened read-only


def test_a_newer_store_is_refused_read_only_too(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path):
        pass
    db = sqlite3.connect(path)
    db.execute("INSERT INTO _migrations VALUES ('9999_future', '2030-01-01')")
    db.commit()
    db.close()
    with pytest.raises(SchemaTooNew):
        Store.open(path, read_only=True)
