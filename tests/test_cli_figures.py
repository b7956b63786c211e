"""End to end through the CLI: articles written for this test are ingested, then `figures`
groups what they measure and flags the sources that disagree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

runner = CliRunner()

ARTICLES = {
    "deal-signed.txt": (
        "Gazprom and CNPC sign gas deal\n\n"
        "Gazprom signed a $400 billion contract with CNPC in Shanghai on May 21, 2014. "
        "Under the deal, Russia will supply 38 billion cubic meters of gas to China annually "
        "for 30 years.\n"
    ),
    "deal-analysis.txt": (
        "What the gas deal means\n\n"
        "Analysts said on May 23, 2014 that Gazprom had signed a $456 billion contract with "
        "CNPC, a 30-year agreement. Russia will supply up to 38 billion cubic meters of gas "
        "to China every year.\n"
    ),
    "border-drill.txt": (
        "Troops gather for exercise\n\n"
        "On May 22, 2014, India sent 10,000 troops to a joint exercise with Mongolia.\n"
    ),
}


def run(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("figures")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "figures.db"
    code, _, err = run("ingest", folder, "--db", path)
    assert code == 0, err
    return path


def groups(db: Path, *options: str) -> list[dict[str, object]]:
    code, out, err = run("figures", "--db", db, "--format", "json", *options)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def by_measured(rows: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(r["measured"]): r for r in rows}


def test_conflicting_contract_values_are_shown_side_by_side(db: Path) -> None:
    rows = by_measured(groups(db))
    value = rows["contract value"]
    assert value["status"] == "conflict" and value["conflict"] is True
    values = value["values"]
    assert isinstance(values, list)
    assert sorted(v["value"] for v in values) == [4e11, 4.56e11]
    titles = {v["title"] for v in values}
    assert titles == {"Gazprom and CNPC sign gas deal", "What the gas deal means"}
    for v in values:
        assert v["text"] in v["sentence"]["text"]
        assert v["sentence"]["text"] in (ARTICLES["deal-signed.txt"]
                                         + ARTICLES["deal-analysis.txt"])  # fmt: skip


def test_agreeing_values_and_qualified_ones(db: Path) -> None:
    rows = by_measured(groups(db))
    duration = rows["contract duration"]
    assert duration["status"] == "agree" and len(duration["values"]) == 2  # type: ignore[arg-type]
    gas = rows["annual gas volume"]
    assert gas["status"] == "agree"
    assert {v["qualifier"] for v in gas["values"]} == {None, "up to"}  # type: ignore[union-attr]
    assert rows["troops"]["values"][0]["value"] == 10000  # type: ignore[index]


def test_filters(db: Path) -> None:
    conflicts = groups(db, "--conflicts")
    assert [r["measured"] for r in conflicts] == ["contract value"]
    assert [r["measured"] for r in groups(db, "--actor", "IND")] == ["troops"]
    assert {r["measured"] for r in groups(db, "--search", "cubic meters")} >= {"annual gas volume"}
    assert groups(db, "--search", "no such words here") == []


def test_table_flags_the_conflict(db: Path) -> None:
    code, out, err = run("figures", "--db", db, "--conflicts")
    assert code == 0
    assert "CONFLICT" in out and "contract value" in out
    assert "1 groups, 1 in conflict" in err
