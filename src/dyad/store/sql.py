"""Small SQL helpers the store modules share."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date


def with_keys(db: sqlite3.Connection, name: str, keys: Iterable[str]) -> None:
    """Fill the temporary one-column table `name` with `keys` (for IN (SELECT key ...)), so
    any number of keys fits one query."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (key TEXT PRIMARY KEY)")
    db.execute(f"DELETE FROM {name}")
    db.executemany(f"INSERT OR IGNORE INTO {name} (key) VALUES (?)", ((k,) for k in keys))


def like_escape(text: str) -> str:
    """`text` with LIKE's wildcards escaped (use with ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def iso(d: date | None) -> str | None:
    """A date as stored (ISO 8601), or NULL."""
    return d.isoformat() if d else None
