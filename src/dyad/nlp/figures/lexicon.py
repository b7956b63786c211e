"""The figure lexicons (``dyad/data/figure_units.tsv``, ``dyad/data/figure_things.tsv``).

Units: the words that give a figure its unit ("cubic meters" -> m3) with the factor that
normalises it ("bcm" -> 1e9 m3). Things: the lemmas that tell what a figure of a given unit
kind measures ("contract" + money -> contract value; "troop" + count -> troops), with how many
days apart two reports may be and still speak of the same thing (used by fusion).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.datafiles import read_data
from dyad.errors import KnowledgeBaseError

UNITS_FILE = "figure_units.tsv"
THINGS_FILE = "figure_things.tsv"
KINDS = frozenset({"money", "volume", "mass", "oil", "length", "percent", "duration", "count"})
DEFAULT_WINDOW = 365


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    unit: str
    kind: str
    factor: float


@dataclass(frozen=True, slots=True)
class Thing:
    word: str
    kind: str
    key: str
    unit: str | None
    window: int


def _rows(name: str, width: int) -> list[tuple[int, list[str]]]:
    """The data rows of a TSV file (comments and the header skipped), each with its line."""
    text = read_data(name)
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != width or not all(cols):
            raise KnowledgeBaseError(f"{name} line {no}: expected {width} tab-separated columns")
        rows.append((no, cols))
    if not rows:
        raise KnowledgeBaseError(f"{name}: no rows")
    return rows


@lru_cache(maxsize=8)
def units(name: str = UNITS_FILE) -> dict[str, Unit]:
    """Unit surfaces (lower case) -> Unit; KnowledgeBaseError when the file is malformed."""
    out: dict[str, Unit] = {}
    for no, (surface, unit, kind, factor) in _rows(name, 4):
        if kind not in KINDS:
            raise KnowledgeBaseError(f"{name} line {no}: unknown kind {kind!r}")
        try:
            out[surface.lower()] = Unit(surface.lower(), unit, kind, float(factor))
        except ValueError as exc:
            raise KnowledgeBaseError(f"{name} line {no}: bad factor {factor!r}") from exc
    return out


@lru_cache(maxsize=8)
def things(name: str = THINGS_FILE) -> dict[tuple[str, str], Thing]:
    """(word, unit kind) -> Thing; KnowledgeBaseError when the file is malformed."""
    out: dict[tuple[str, str], Thing] = {}
    for no, (word, kinds, key, unit, window) in _rows(name, 5):
        try:
            days = int(window)
        except ValueError as exc:
            raise KnowledgeBaseError(f"{name} line {no}: bad window {window!r}") from exc
        for kind in kinds.split(","):
            if kind not in KINDS:
                raise KnowledgeBaseError(f"{name} line {no}: unknown kind {kind!r}")
            if kind == "count" and unit == "-":
                raise KnowledgeBaseError(f"{name} line {no}: a count needs its unit")
            thing = Thing(word.lower(), kind, key, None if unit == "-" else unit, days)
            out.setdefault((word.lower(), kind), thing)
    return out


@lru_cache(maxsize=1)
def windows() -> dict[str, int]:
    """Measured-thing key -> days within which two reports can give the same thing."""
    out: dict[str, int] = {}
    for thing in things().values():
        out[thing.key] = max(out.get(thing.key, 0), thing.window)
    return out


def window_of(key: str) -> int:
    """The window of a key, derived keys included ("annual gas volume" -> "gas volume")."""
    table = windows()
    if key in table:
        return table[key]
    for base, days in table.items():
        if base in key:
            return days
    for base, days in table.items():
        if key.split()[0] == base.split()[0]:
            return days
    return DEFAULT_WINDOW
