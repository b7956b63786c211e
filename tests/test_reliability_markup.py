"""Error messages carrying data (file names, reasons) are printed literally, not as Rich markup."""

from __future__ import annotations

import pytest
import typer

from dyad.cli import common
from dyad.errors import StoreError


def test_error_message_markup_is_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    @common.handles_errors
    def boom() -> None:
        raise StoreError("cannot open [bold red]evil[/bold red].db")

    with pytest.raises(typer.Exit):
        boom()
    out = capsys.readouterr().err
    assert "[bold red]evil[/bold red].db" in out


def test_article_titles_print_literally_in_tables(tmp_path) -> None:
    """A title written as Rich markup neither styles nor links the terminal: it prints as is."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    title = "[bold red]Styled[/bold red] [link=http://evil.example]click[/link]"
    manifest = tmp_path / "m.jsonl"
    row = {"text": "Russia and China signed a gas deal on Tuesday.", "title": title}
    manifest.write_text(json.dumps(row) + "\n", encoding="utf-8")
    dyad = [str(Path(sys.executable).with_name("dyad"))]
    env = dict(os.environ, COLUMNS="400", TERM="xterm-256color")
    db = str(tmp_path / "m.db")
    subprocess.run([*dyad, "ingest", str(manifest), "--db", db], check=True, env=env,
                   capture_output=True)  # fmt: skip
    shown = subprocess.run([*dyad, "documents", "--db", db], check=True, env=env,
                           capture_output=True, text=True).stdout  # fmt: skip
    assert title in shown
