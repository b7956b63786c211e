"""The code's structure as contracts: layers that import only downward, no import cycles
between sibling modules (import-linter, configured in pyproject.toml), no SQL outside the
store, and mypy --strict clean on the package."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "dyad"


def _tool(name: str) -> str:
    """The console script of the test environment (next to its python), else on PATH."""
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_import_contracts_hold() -> None:
    done = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


# A connection's execute called anywhere but in the store package.
_SQL_CALL = re.compile(r"\.(db|conn|connection)\.execute(many|script)?\(|sqlite3\.connect\(")


def test_no_sql_outside_the_store() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted(SRC.rglob("*.py"))
        if "store" not in path.relative_to(SRC).parts[:1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _SQL_CALL.search(line)
    ]
    assert not offenders, "SQL outside src/dyad/store/: " + ", ".join(offenders)


def test_mypy_strict_is_clean() -> None:
    """mypy --strict over src/dyad (the settings are in pyproject.toml's [tool.mypy])."""
    done = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Success: no issues found" in done.stdout
