"""Porter stems as SQLite's FTS5 `porter` tokenizer makes them: the stems the store's full-text
index searches by, and (for ROUGE) the stemmer the chronology benchmark needs. SQL, so it lives in
the store."""

from __future__ import annotations

import sqlite3


class PorterStemmer:
    """Porter stems from SQLite's FTS5 ``porter`` tokenizer, one word at a time, cached."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:")
        self._db.execute("CREATE VIRTUAL TABLE w USING fts5(t, tokenize = 'porter unicode61')")
        self._db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(w, 'instance')")
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            self._db.execute("INSERT INTO w(rowid, t) VALUES (1, ?)", (word,))
            row = self._db.execute("SELECT term FROM v ORDER BY offset LIMIT 1").fetchone()
            self._db.execute("DELETE FROM w WHERE rowid = 1")
            stem = self._cache[word] = row[0] if row else word
        return stem
