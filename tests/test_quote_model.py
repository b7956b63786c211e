"""The learned test for verbs outside the cue lexicon (dyad/nlp/quotes/learned.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.bench.quotes import parse
from dyad.errors import KnowledgeBaseError
from dyad.nlp.quotes.extract import extract_quotes
from dyad.nlp.quotes.learned import Model, features, model, open_frame, parse_model
from dyad.nlp.quotes.lexicon import cues
from stagekit import bare_nlp

SENTENCE = "The senator bristled at the remark about her record."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return bare_nlp()


def _verb(nlp: Language, text: str, lemma: str):
    doc = parse(nlp, [text])[0]
    doc._.dyad_doc_id = "t1"
    return doc, next(t for t in doc if t.lemma_.lower() == lemma)


def test_features_describe_the_verb_its_frame_and_its_subject(nlp: Language) -> None:
    _, verb = _verb(nlp, SENTENCE, "bristle")
    assert verb.lemma_.lower() not in cues()
    frame = open_frame(verb)
    assert frame == "prep"
    feats = features(verb, frame)
    assert "lemma=bristle" in feats and "next=at" in feats and "frame=prep" in feats
    assert any(f.startswith("subj=") and f != "subj=none" for f in feats)


def test_the_model_decides_whether_an_open_verb_is_a_cue(nlp: Language) -> None:
    doc, _ = _verb(nlp, SENTENCE, "bristle")
    always = Model({"lemma=bristle": 10.0}, 0.0, 0.5)
    never = Model({"lemma=bristle": -10.0}, 0.0, 0.5)
    found = extract_quotes(doc, always)
    assert [(q.cue, q.source) for q in found] == [("bristled at", "The senator")]
    assert [doc.text[s:e] for s, e in found[0].content] == ["the remark about her record"]
    assert extract_quotes(doc, never) == []


def test_threshold_is_the_cut(nlp: Language) -> None:
    m = Model({"a": 1.0}, -1.0, 0.5)
    assert m.probability(["a"]) == pytest.approx(0.5)
    assert m.probability(["b"]) < 0.5


def test_shipped_model_reads_and_admits_a_stance_verb(nlp: Language) -> None:
    shipped = model()
    assert 0.0 < shipped.threshold < 1.0 and len(shipped.weights) > 100
    text = "Mr. Blackwood maintains that the treaty was never ratified."
    doc = parse(nlp, [text])[0]
    doc._.dyad_doc_id = "t1"
    found = extract_quotes(doc)
    assert [q.cue for q in found] == ["maintains"]


@pytest.mark.parametrize(
    "text",
    ["lemma=x\t0.5\n__threshold__\t0.5\n", "__bias__\t1\n__threshold__\tx\n", "oops\n"],
)
def test_malformed_weight_tables_are_refused(text: str) -> None:
    with pytest.raises(KnowledgeBaseError):
        parse_model(text)


def test_the_component_is_configured_the_spacy_way(nlp: Language, tmp_path) -> None:
    """`default_config` shows the settings; a config turns the learned cues off, points the
    lexicon at a file of the user's, or moves the threshold."""
    from dyad.nlp import extensions
    from dyad.nlp.quotes.component import QuotesComponent
    from stagekit import bare_nlp as fresh

    extensions.register()
    text = "Mr. Blackwood maintains that the treaty was never ratified."
    doc = parse(nlp, [text])[0]
    doc._.dyad_doc_id = "t1"

    pipe = fresh()
    pipe.add_pipe("dyad_quotes")
    assert pipe.config["components"]["dyad_quotes"]["learned_cues"] is True
    assert [q.cue for q in pipe.get_pipe("dyad_quotes")(doc)._.dyad_quotes] == ["maintains"]

    assert QuotesComponent(nlp, "q", learned_cues=False)(doc)._.dyad_quotes == []
    assert QuotesComponent(nlp, "q", cue_threshold=1.0)(doc)._.dyad_quotes == []
    own = tmp_path / "cues.tsv"
    own.write_text("cue\tframes\nmaintain\tclause\n", encoding="utf-8")
    mine = QuotesComponent(nlp, "q", cue_lexicon=str(own), learned_cues=False)(doc)
    assert [q.cue for q in mine._.dyad_quotes] == ["maintains"]
    with pytest.raises(KnowledgeBaseError, match="nowhere.tsv"):
        QuotesComponent(nlp, "q", cue_lexicon=str(tmp_path / "nowhere.tsv"))
