"""The store the web tests browse: the repo's sample corpus plus one hostile article whose
text carries markup that must never run, ingested once per test process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

SAMPLES = Path(__file__).parents[1] / "samples"
HOSTILE = (
    "Ministers of China and India met in Beijing\n\n"
    "The foreign ministers of China and India met in Beijing on 3 March 2021 to discuss the "
    "border. <script>window.__dyad_pwned = 1;</script> India said it would send a delegation "
    'to China. <img src=x onerror="window.__dyad_pwned = 2"> China welcomed the visit.\n'
)
_built: dict[str, Path] = {}


def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ingested store (built on the first call of the process)."""
    if "db" not in _built:
        from dyad.cli import app

        folder = tmp_path_factory.mktemp("webcorpus")
        for p in SAMPLES.iterdir():
            if p.name != "README.md":
                shutil.copy(p, folder / p.name)
        (folder / "hostile-markup.txt").write_text(HOSTILE, encoding="utf-8")
        db = tmp_path_factory.mktemp("webstore") / "web.db"
        result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
        assert result.exit_code == 0, result.stderr
        _built["db"] = db
    return _built["db"]
