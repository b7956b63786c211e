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
