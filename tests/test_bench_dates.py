"""The dates scorer on hand-made cases, and the floor gate on the shared benchmark."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dyad.bench.dates import GoldDoc, Span, errors, load, match, prf, score
from dyad.errors import BenchDataError

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "dates"
BASELINE = Path(__file__).with_name("bench_baseline.json")


def test_prf_by_hand() -> None:
    assert prf(2, 4, 5) == {"p": 0.5, "r": 0.4, "f1": 0.4444}
    assert prf(0, 0, 3) == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_match_strict_and_relaxed_one_to_one() -> None:
    gold = [Span(0, 6, "DATE", "2014-05-20"), Span(10, 20, "DURATION", "P3D")]
    pred = [Span(0, 6, "DATE", "x"), Span(12, 15, "DATE", "y"), Span(14, 18, "DATE", "z")]
    assert match(gold, pred, strict=True) == [(0, 0)]
    # gold 1 overlaps pred 1 (3 chars) and pred 2 (4 chars): the larger overlap wins
    assert match(gold, pred, strict=False) == [(0, 0), (1, 2)]


def test_match_pairs_identical_spans_first_when_gold_nests() -> None:
    # gold: DURATION "from 2009 to 2011" (0-17) holding DATEs "2009" (5-9) and "2011" (13-17)
    gold = [Span(0, 17, "DURATION", "P2Y"), Span(5, 9, "DATE", "2009"),
            Span(13, 17, "DATE", "2011")]  # fmt: skip
    pred = [Span(5, 9, "DATE", "2009"), Span(13, 17, "DATE", "2011")]
    assert match(gold, pred, strict=False) == [(1, 0), (2, 1)]
    assert score([(gold, pred)])["value_f1"] == 0.8  # 2 right of 2 predicted, 3 gold


def test_errors_list_missed_spurious_and_wrong() -> None:
    text = "On May 20 and for three days in 2014."
    doc = GoldDoc("d", date(2014, 6, 1), text, (Span(3, 9, "DATE", "2014-05-20"),
                  Span(18, 28, "DURATION", "P3D"), Span(32, 36, "DATE", "2014")))  # fmt: skip
    pred = [Span(3, 9, "DATE", "2014-05-20"), Span(18, 28, "DURATION", "P3W"),
            Span(14, 17, "DATE", "x")]  # fmt: skip
    got = errors(doc, pred)
    assert [(e["error"], e["gold"], e["pred"]) for e in got] == [
        ("wrong", "'three days' DURATION P3D", "'three days' DURATION P3W"),
        ("missed", "'2014' DATE 2014", ""),
        ("spurious", "", "'for' DATE x"),
    ]


def test_score_by_hand() -> None:
    # doc 1: gold A exact + right value, gold B overlapped with wrong type and value;
    # doc 2: one gold missed, one spurious prediction.
    doc1 = ([Span(0, 6, "DATE", "2014-05-20"), Span(10, 20, "DURATION", "P3D")],
            [Span(0, 6, "DATE", "2014-05-20"), Span(12, 20, "DATE", "2014")])
    doc2 = ([Span(0, 5, "DATE", "2013")], [Span(30, 35, "SET", "P1Y")])
    s = score([doc1, doc2])
    assert (s["gold"], s["predicted"]) == (3, 3)
    assert s["strict"] == {"p": 0.3333, "r": 0.3333, "f1": 0.3333}  # 1 exact of 3 and 3
    assert s["relaxed"] == {"p": 0.6667, "r": 0.6667, "f1": 0.6667}  # 2 overlaps
    assert s["type_accuracy"] == 0.5 and s["value_accuracy"] == 0.5  # 1 of 2 pairs
    assert s["value_f1"] == 0.3333  # 1 right value over 3 predicted and 3 gold


def test_malformed_file_names_file_and_line(tmp_path: Path) -> None:
    good = {"id": "a", "dct": "2014-06-10", "text": "On May 20 it rained.",
            "timexes": [{"start": 3, "end": 9, "text": "May 20", "type": "DATE",
                         "value": "2014-05-20"}]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(good) + "\n" + '{"id": "b", "text": "no dct"}\n')
    with pytest.raises(BenchDataError, match=r"bad\.jsonl: line 2"):
        load(path)
    bad_offsets = dict(good, timexes=[dict(good["timexes"][0], start=4)])
    path.write_text(json.dumps(bad_offsets) + "\n")
    with pytest.raises(BenchDataError, match="line 1"):
        load(path)
    path.write_text("{not json\n")
    with pytest.raises(BenchDataError):
        load(path)


@pytest.mark.skipif(not (SHARED / "meantime_en.jsonl").exists(), reason="../shared absent")
def test_meantime_floor() -> None:
    from dyad.bench.dates import run

    floor = json.loads(BASELINE.read_text())["dates"]
    got = run(SHARED / "meantime_en.jsonl")
    margin = floor.get("margin", 0.02)
    assert got["docs"] == floor["docs"]
    assert got["relaxed"]["f1"] >= floor["relaxed_f1"] - margin  # type: ignore[index]
    assert got["strict"]["f1"] >= floor["strict_f1"] - margin  # type: ignore[index]
    assert got["value_f1"] >= floor["value_f1"] - margin
    assert got["type_accuracy"] >= floor["type_accuracy"] - margin
