"""scripts/polnear_agreement.py on a tiny PolNeAR-shaped tree written for the test."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "polnear_agreement.py"
spec = importlib.util.spec_from_file_location("polnear_agreement", SCRIPT)
agreement = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement)

TEXT = "The mayor said the bridge would reopen in May."
# source "The mayor" 0-9, cue "said" 10-14, content 15-45
ANN_A = ("T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\n"
         "T3\tContent 15 45\tthe bridge would reopen in May\nT4\tAttribution 10 14\tsaid\n"
         "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT5\tDiscard 0 3\tThe\n")  # fmt: skip
ANN_B = ("T1\tSource 4 9\tmayor\nT2\tCue 10 14\tsaid\n"
         "T3\tContent 15 25;32 45\tthe bridge reopen in May\nT4\tAttribution 10 14\tsaid\n"
         "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
         "E2\tAttribution-no-source:T4 Cue:T2\n")  # fmt: skip


def _tree(root: Path) -> None:
    (root / "data/dev/text").mkdir(parents=True)
    (root / "data/dev/attributions").mkdir(parents=True)
    (root / "data/dev/text/doc1.txt").write_text(TEXT)
    (root / "data/dev/text/doc2.txt").write_text(TEXT)  # one annotator: not counted
    (root / "data/dev/attributions/doc1_a1.ann").write_text(ANN_A)
    (root / "data/dev/attributions/doc1_b2.ann").write_text(ANN_B)
    (root / "data/dev/attributions/doc2_a1.ann").write_text(ANN_A)


def test_read_ann_follows_the_benchmark_conversion():
    (att,) = agreement.read_ann(ANN_B)  # E2 has no content: dropped
    assert att.source == ((4, 9),) and att.cue == ((10, 14),)
    assert att.content == ((15, 25), (32, 45))


def test_agreement_scores_every_ordered_pair(tmp_path):
    _tree(tmp_path)
    docs = agreement.multi_annotated(tmp_path)
    assert list(docs) == ["doc1"]
    result = agreement.agreement(docs)
    assert result["documents"] == 1 and result["pairs"] == 2
    assert result["cue"]["exact"]["f1"] == 1.0
    assert result["source"]["exact"]["f1"] == 0.0  # "The mayor" vs "mayor"
    assert 0.0 < result["content"]["overlap"]["f1"] < 1.0  # "would" is in one only
