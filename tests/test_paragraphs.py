"""Blocks (paragraphs, headings) are parsed separately and joined without moving offsets."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.nlp.blocks import blocks
from dyad.nlp.pipeline import analyse, cached_pipeline
from dyad.types import Document


@pytest.fixture(scope="module")
def nlp() -> Language:
    return cached_pipeline()


def sentences(nlp: Language, text: str) -> list[str]:
    ((_, analysis),) = analyse(nlp, [Document("d", text, None)])
    return [text[s:e].strip() for s, e in analysis.sentences]


def test_blocks_keep_the_text_and_break_at_headings_and_blank_lines() -> None:
    text = "A Heading\nFirst line ends here.\nA wrapped line that goes on and on with the\n"
    text += "until it ends.\n\n\nLast paragraph"
    pieces = blocks(text)
    assert "".join(pieces) == text
    assert pieces[0] == "A Heading\n"
    assert pieces[1] == "First line ends here.\n"
    assert pieces[2].startswith("A wrapped") and pieces[2].endswith("ends.\n\n\n")


def test_heading_is_its_own_sentence(nlp: Language) -> None:
    text = "Cooperation on the Border\n\nIndia and China agreed to hold talks in Delhi."
    assert sentences(nlp, text) == [
        "Cooperation on the Border",
        "India and China agreed to hold talks in Delhi.",
    ]


def test_single_line_break_after_a_heading_or_a_sentence(nlp: Language) -> None:
    text = "From cold to warm\nThe two ministers met in Moscow.\nThey agreed on five points."
    assert sentences(nlp, text) == [
        "From cold to warm",
        "The two ministers met in Moscow.",
        "They agreed on five points.",
    ]


def test_offsets_point_into_the_original_text(nlp: Language) -> None:
    text = "Talks in Delhi\n\nOn May 3, 2019, India and China signed a trade agreement.\n"
    ((_, analysis),) = analyse(nlp, [Document("d", text, None)])
    for m in analysis.events:
        assert text[m.sentence.start : m.sentence.end] == m.sentence.text
        assert text[m.trigger_start : m.trigger_end] == m.trigger
    for a in analysis.actors:
        assert text[a.start : a.end] == a.text
