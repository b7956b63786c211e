"""The docs tell the truth: README commands exist, every command has help, CI runs the
README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from dyad.cli import app

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, object]:
    group = typer.main.get_group(app)
    names: dict[str, object] = {}
    for name, cmd in group.commands.items():
        names[name] = cmd
        for sub, subcmd in getattr(cmd, "commands", {}).items():
            names[f"{name} {sub}"] = subcmd
    return names


def test_every_command_has_help() -> None:
    for name, cmd in _commands().items():
        assert getattr(cmd, "help", None), f"dyad {name} has no help text"
        result = CliRunner().invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, name


def test_readme_commands_exist() -> None:
    known = _commands()
    code = "\n".join(re.findall(r"```(?:bash|sh)?\n(.*?)```", README, re.S))
    code += " ".join(re.findall(r"`(dyad [^`]+)`", README))
    used = re.findall(r"\bdyad ((?:bench )?[a-z]+)\b", code)
    assert used, "the README shows dyad commands"
    for name in used:
        assert name in known, f"README uses `dyad {name}`, which does not exist"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", README, re.S)
    setup, tests = blocks[0].strip().splitlines()[-1], blocks[1].strip().splitlines()[-1]
    assert "pip install" in setup and "dyad ingest samples" in setup
    assert "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci
