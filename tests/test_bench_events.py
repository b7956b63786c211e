"""The event benchmark: the scorer on hand-made cases, the loader's errors, and the gate
against the floors in tests/bench_baseline.json (key "events") when ../shared is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.bench import events as bench
from dyad.errors import BenchDataError
from dyad.types import Actor, ActorMention

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "bench" / "events" / "plover_gsr_dev.jsonl"
BASELINE = ROOT / "tests" / "bench_baseline.json"

P = bench.Prediction


def _gold(event, source, target, text="s"):
    return bench.GoldRecord(f"id-{event}", text, event, tuple(source), tuple(target))


def test_pick_prefers_the_gold_type_then_the_first():
    gold = _gold("ASSAULT", ["ISR"], ["PSE"])
    first, second = P("ACCUSE", ("ISR",), ()), P("ASSAULT", ("ISR",), ("PSE",))
    assert bench.pick(gold, [first, second]) is second
    assert bench.pick(_gold("REJECT", [], []), [first, second]) is first
    assert bench.pick(gold, []) is None


def test_score_by_hand():
    cases = [
        (_gold("AGREE", ["USA", "JOR"], []), [P("AGREE", ("USA",), ())]),
        (_gold("ASSAULT", ["ISR"], ["PSE"]),
         [P("ACCUSE", ("ISR",), ()), P("ASSAULT", ("ISR",), ("PSE",))]),
        (_gold("REJECT", ["SRB"], ["AUS"]), [P("ACCUSE", ("SRB",), ("AUS",))]),
        (_gold("PROTEST", ["DZA"], ["DZA"]), []),
    ]
    result = bench.score((g, bench.pick(g, preds)) for g, preds in cases)
    assert result["records"] == 4
    assert result["type_accuracy"] == 0.5
    # source: tp 3 (USA, ISR, SRB), fp 0, fn 2 (JOR, DZA)
    assert result["source"] == {"p": 1.0, "r": 0.6, "f1": 0.75}
    # target: tp 2 (PSE, AUS), fn 1 (DZA)
    assert result["target"] == {"p": 1.0, "r": 0.6667, "f1": 0.8}
    # per-type F1: AGREE 1, ASSAULT 1, REJECT 0, PROTEST 0, ACCUSE 0 (predicted only)
    assert result["type_macro_f1"] == 0.4
    assert result["no_event"] == 1
    assert result["confusion"]["REJECT"] == {"ACCUSE": 1}
    assert result["confusion"]["PROTEST"] == {"NONE": 1}


def test_codes_compare_at_country_level():
    gold = _gold("SANCTION", ["USA"], ["IGO"])
    result = bench.score([(gold, P("SANCTION", ("USA",), ("IGO",)))])
    assert result["target"]["f1"] == 1.0
    assert bench.country("RUSGOV") == "RUS" and bench.country("IGOUNO") == "IGO"


def _write(tmp_path, text):
    path = tmp_path / "gold.jsonl"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("content", [
    "",
    "{not json\n",
    '["a list"]\n',
    '{"text": "x", "source": [], "target": []}\n',
    '{"text": "x", "event": "AGREE", "source": "USA", "target": []}\n',
])
def test_malformed_files_raise(tmp_path, content):
    with pytest.raises(BenchDataError):
        bench.load(_write(tmp_path, content))


def test_missing_file_raises(tmp_path):
    with pytest.raises(BenchDataError):
        bench.load(tmp_path / "absent.jsonl")


def test_load_reads_records(tmp_path):
    row = {"id": "r1", "text": "Peru praised Chile.", "event": "SUPPORT",
           "source": ["PER"], "target": ["CHL"]}
    records = bench.load(_write(tmp_path, json.dumps(row) + "\n"))
    assert records == [bench.GoldRecord("r1", "Peru praised Chile.", "SUPPORT", ("PER",),
                                        ("CHL",), ("",), ("",))]


def test_load_keeps_the_gold_actor_texts(tmp_path):
    row = {"id": "r1", "text": "Peru praised Chile.", "event": "SUPPORT",
           "source": ["PER"], "target": ["CHL"], "source_text": ["Peru"], "target_text": [None]}
    (record,) = bench.load(_write(tmp_path, json.dumps(row) + "\n"))
    assert record.source_text == ("Peru",) and record.target_text == ("",)


def test_gold_actor_classes():
    text = "Gunmen from the Zarvan Front and Peruvian troops attacked Chile, Lima said."
    def at(words, code):
        start = text.index(words)
        actor = Actor(code, "country") if code else None
        return ActorMention(start, start + len(words), words, actor)
    actors = [at("Zarvan Front", None), at("Peruvian troops", "PERMIL"), at("Lima", "PERGOV")]
    def cls(code, words):
        return bench.gold_actor_class(text, code, words, actors)
    assert cls("PER", "Peruvian troops") == "right_country"
    assert cls("BOL", "Peruvian troops") == "other_code"
    assert cls("ZAR", "the Zarvan Front") == "unresolved"
    assert cls("CHL", "Chile") == "not_an_actor"
    assert cls("CHL", "") == "no_text"
    assert cls("CHL", "Santiago") == "no_text"  # the gold's text is not in the sentence
    record = bench.GoldRecord("r", text, "ASSAULT", ("PER", "ZAR"), ("CHL",),
                              ("Peruvian troops", "Zarvan Front"), ("Chile",))
    counts = bench.gold_actors([record], {text: actors})
    assert counts["source"]["right_country"] == 1 and counts["source"]["unresolved"] == 1
    assert counts["target"]["not_an_actor"] == 1


@pytest.mark.skipif(not GOLD.exists(), reason="../shared benchmark data not present")
def test_gate_events_floor():
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["events"]
    result = bench.run(GOLD)
    assert result["records"] == floors["records"]
    assert result["type_accuracy"] >= floors["type_accuracy"]
    assert result["type_macro_f1"] >= floors["type_macro_f1"]
    assert result["source"]["f1"] >= floors["source_f1"]
    assert result["target"]["f1"] >= floors["target_f1"]
