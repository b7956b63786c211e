"""The quote-attribution scorer on hand-made cases (scores worked out by hand), the loader's
errors, and run() end to end on a tiny file of our own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dyad.bench.quotes import Attribution, _Words, load, normalise, pair, prf, run, score
from dyad.errors import BenchDataError

TEXT = 'Smith said that taxes will rise. "We are ready," Jones said.'


def at(word: str, nth: int = 0) -> tuple[int, int]:
    """The span of the nth occurrence of `word` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return (start, start + len(word))


GOLD = [
    Attribution((at("Smith"),), (at("said"),), (at("that taxes will rise"),)),
    Attribution((at("Jones"),), (at("said", 1),), (at('"We are ready,"'),)),
]
PRED = [
    # source and cue right; content misses "that" and adds the full stop
    Attribution((at("Smith"),), (at("said"),), (at("taxes will rise."),)),
    # no source; content without the quotation marks: equal once trimmed
    Attribution((), (at("said", 1),), (at("We are ready"),)),
    # spurious: its content overlaps gold 2, but the prediction above shares gold 2's cue
    Attribution((), (at("ready"),), (at("We"),)),
]


def test_normalise_trims_punctuation_and_merges_fragments() -> None:
    text = '"A plan," he said, "is needed."'
    whole = normalise(text, ((0, 9), (19, 31)))
    assert whole == frozenset({(1, 7), (20, 29)})  # "A plan" and "is needed"
    assert normalise("x  “yes.”  y", ((3, 9),)) == frozenset({(4, 7)})
    # fragments separated only by punctuation or space become one
    assert normalise("ab, cd", ((0, 2), (4, 6))) == frozenset({(0, 6)})


def test_pairing_prefers_the_shared_cue() -> None:
    assert pair(GOLD, PRED, _Words(TEXT)) == [(0, 0), (1, 1)]


def test_score_by_hand() -> None:
    s = score([(TEXT, GOLD, PRED)])
    assert (s["gold"], s["predicted"]) == (2, 3)
    # source: 1 prediction with a source, 2 gold with one; the pair (Smith) matches
    assert s["source"]["exact"] == prf(1, 1, 2) == {"p": 1.0, "r": 0.5, "f1": 0.6667}
    assert s["source"]["overlap"] == {"p": 1.0, "r": 0.5, "f1": 0.6667}  # words 1/1, 1/2
    # cue: both pairs match exactly; 3 predicted
    assert s["cue"]["exact"] == {"p": 0.6667, "r": 1.0, "f1": 0.8}
    assert s["cue"]["overlap"] == {"p": 0.6667, "r": 1.0, "f1": 0.8}
    # content exact: only the quotation (once trimmed); 1/3 and 1/2
    assert s["content"]["exact"] == {"p": 0.3333, "r": 0.5, "f1": 0.4}
    # content words: gold 4 + 3 = 7, predicted 3 + 3 + 1 = 7, shared 3 + 3 = 6
    assert s["content"]["overlap"] == {"p": 0.8571, "r": 0.8571, "f1": 0.8571}


def test_score_of_nothing_is_zero() -> None:
    s = score([(TEXT, GOLD, [])])
    assert s["content"]["overlap"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def _record(text: str, attributions: list[dict]) -> str:
    return json.dumps({"id": "d", "text": text, "attributions": attributions})


def test_loader_names_file_and_line(tmp_path: Path) -> None:
    good = _record("He said no.", [{"source": [[0, 2]], "cue": [[3, 7]], "content": [[8, 10]]}])
    bad = _record("He said no.", [{"source": [], "cue": [[3, 7]], "content": [[8, 99]]}])
    path = tmp_path / "q.jsonl"
    path.write_text(good + "\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(BenchDataError) as err:
        load(path)
    assert str(path) in str(err.value) and "line 2" in str(err.value)
    path.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(BenchDataError, match="line 2"):
        load(path)
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(BenchDataError, match="no records"):
        load(path)


def test_loader_reads_gzip(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl.gz"
    rec = _record("He said no.", [{"source": [], "cue": [[3, 7]], "content": [[8, 10]]}])
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(rec + "\n")
    (doc,) = load(path)
    assert doc.attributions[0].source == () and doc.attributions[0].cue == ((3, 7),)


def test_run_end_to_end(tmp_path: Path) -> None:
    text = 'The minister said that the talks had failed. "We will try again," she added.'
    s, c = text.index("said"), text.index("that")
    att = [{"source": [[0, 12]], "cue": [[s, s + 4]], "content": [[c, text.index(".")]]}]
    path = tmp_path / "q.jsonl"
    path.write_text(_record(text, att) + "\n" + _record("No quotes here.", []) + "\n")
    out = run(path, limit=1)
    assert out["docs"] == 1 and out["gold"] == 1
    assert out["source"]["exact"]["r"] == 1.0  # type: ignore[index]
    assert out["content"]["exact"]["r"] == 1.0  # type: ignore[index]
    assert set(out) >= {"source", "cue", "content", "seconds", "predicted"}


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "quotes"
BASELINE = Path(__file__).with_name("bench_baseline.json")


@pytest.mark.skipif(not (SHARED / "polnear_dev.jsonl").is_file(), reason="../shared absent")
def test_polnear_dev_floor() -> None:
    floor = json.loads(BASELINE.read_text())["quotes"]
    got = run(SHARED / "polnear_dev.jsonl", limit=floor["limit"])
    assert got["docs"] == floor["limit"]
    for role, match, key in (("source", "exact", "source_exact_f1"),
                             ("content", "overlap", "content_overlap_f1"),
                             ("cue", "exact", "cue_exact_f1")):  # fmt: skip
        assert got[role][match]["f1"] >= floor[key] - floor["margin"], (role, match)  # type: ignore[index]
