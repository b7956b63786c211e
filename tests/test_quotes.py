"""The quote stage on sentences written for these tests: each form of attribution."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.bench.quotes import parse
from dyad.nlp.quotes import QuotesComponent
from dyad.nlp.quotes.marks import find_quotations
from dyad.types import Quote
from stagekit import bare_nlp, quotes


@pytest.fixture(scope="module")
def nlp() -> Language:
    return bare_nlp()


def contents(q: Quote, text: str) -> list[str]:
    return [text[s:e] for s, e in q.content]


def test_direct_quote_before_the_cue(nlp: Language) -> None:
    text = '"We will not accept these terms," Lavrov said on Friday.'
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.cue == "said" and q.source == "Lavrov"
    assert contents(q, text) == ['"We will not accept these terms,"']
    assert q.doc_id == "t1" and text[q.cue_start : q.cue_end] == "said"


def test_direct_quote_with_inverted_cue(nlp: Language) -> None:
    text = '"The border will stay open," said Ursula Berger, the commissioner.'
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.source is not None and q.source.startswith("Ursula Berger")
    assert q.speaker == "Ursula Berger"


def test_colon_introduces_the_quote(nlp: Language) -> None:
    text = 'The prime minister said: "Our position has not changed."'
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.source == "The prime minister"
    assert contents(q, text) == ['"Our position has not changed."']


def test_quote_split_by_the_cue_and_continued(nlp: Language) -> None:
    text = ('"The talks were useful," said Anna Weber. "But nothing was signed. '
            'We will meet again in May."')  # fmt: skip
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.speaker == "Anna Weber"
    assert q.text.startswith('"The talks were useful,"') and q.text.endswith('in May."')
    assert len(q.content) == 2


def test_multi_sentence_quote(nlp: Language) -> None:
    text = ('Tomas Novak said: "The vote is over. The count is fair. '
            'Nobody should doubt it."\n\nThe weather was fine.')  # fmt: skip
    (q,) = quotes(nlp, text)
    assert contents(q, text) == ['"The vote is over. The count is fair. Nobody should doubt it."']


def test_indirect_speech_keeps_that(nlp: Language) -> None:
    text = "The ministry said that the exercises would end on Monday."
    (q,) = quotes(nlp, text)
    assert q.kind == "indirect" and q.source == "The ministry"
    assert contents(q, text) == ["that the exercises would end on Monday"]


def test_indirect_speech_without_that(nlp: Language) -> None:
    text = "Officials told reporters the convoy had crossed the border."
    (q,) = quotes(nlp, text)
    assert q.cue == "told" and q.source == "Officials"
    assert contents(q, text) == ["the convoy had crossed the border"]


def test_mixed_quote(nlp: Language) -> None:
    text = 'Ivanova said the sanctions were "a serious mistake" by Brussels.'
    (q,) = quotes(nlp, text)
    assert q.kind == "mixed"
    assert contents(q, text) == ['the sanctions were "a serious mistake" by Brussels']


def test_according_to(nlp: Language) -> None:
    text = "According to the state news agency, the talks will resume in June."
    (q,) = quotes(nlp, text)
    assert q.cue == "According to" and q.source == "the state news agency"
    assert contents(q, text) == ["the talks will resume in June"]


def test_pronoun_and_role_speakers_are_resolved(nlp: Language) -> None:
    text = ("Foreign Minister Karl Lindqvist arrived in Oslo on Monday.\n\n"
            "He said that the treaty was ready.\n\n"
            "The minister told reporters that it would be signed soon.")  # fmt: skip
    he, minister = quotes(nlp, text)
    assert (he.source, he.speaker) == ("He", "Karl Lindqvist")
    assert (minister.source, minister.speaker) == ("The minister", "Karl Lindqvist")


def test_unknown_speakers_are_not_guessed(nlp: Language) -> None:
    (q,) = quotes(nlp, "Analysts said the deal was unlikely to hold.")
    assert q.source == "Analysts" and q.speaker is None


def test_sentences_without_attribution_give_nothing(nlp: Language) -> None:
    text = ('The delegation arrived on Tuesday. The hall holds 300 people. '
            'The so-called "green corridor" opened last year.')  # fmt: skip
    assert quotes(nlp, text) == []


def test_cue_inside_a_quotation_is_not_a_quote_of_its_own(nlp: Language) -> None:
    text = '"I think the plan will fail," Hassan said.'
    (q,) = quotes(nlp, text)
    assert q.source == "Hassan"


def test_component_writes_the_extension(nlp: Language) -> None:
    doc = parse(nlp, ["Lena Fischer said the bridge would reopen."])[0]
    doc._.dyad_doc_id = "t2"
    doc = QuotesComponent(nlp, "dyad_quotes")(doc)
    assert [q.speaker for q in doc._.dyad_quotes] == ["Lena Fischer"]


def test_quotation_marks_conventions() -> None:
    text = "''Yes,'' he said. “No,” she said.\n\n“First paragraph.\n\n“Second.” End."
    spans = [(q.start, q.end) for q in find_quotations(text)]
    assert [text[s:e] for s, e in spans][:2] == ["''Yes,''", "“No,”"]
    last = find_quotations(text)[-1]
    assert len(last.pieces) == 2 and text[last.start : last.end].endswith("Second.”")


def test_he_after_a_quote_is_its_speaker_not_a_name_inside_a_quotation(nlp: Language) -> None:
    text = (
        'Marta Kovac, an analyst in Vienna, spoke first. "The deal suits Berlin," says a '
        'professor at the Danube Institute. "It also suits Kovac and her bank," he adds.'
    )
    got = quotes(nlp, text)
    last = got[-1]
    assert last.source == "he" and last.speaker == "a professor at the Danube Institute"


def test_the_description_refers_back_to_an_earlier_quote(nlp: Language) -> None:
    text = (
        "A senior diplomat in Brussels said that the summit would be postponed. "
        "The diplomat argued that nobody was ready for it."
    )
    first, second = quotes(nlp, text)
    assert second.source == "The diplomat"
    assert second.speaker == first.source == "A senior diplomat in Brussels"
