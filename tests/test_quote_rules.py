"""The attribution rules added for issue 6, each on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.bench.quotes import parse
from dyad.nlp.quotes.extents import same_paragraph, without_dateline
from dyad.nlp.quotes.lexicon import cues
from dyad.types import Quote
from stagekit import bare_nlp, quotes


@pytest.fixture(scope="module")
def nlp() -> Language:
    return bare_nlp()


def one(nlp: Language, text: str, cue: str) -> Quote:
    found = [q for q in quotes(nlp, text) if q.cue == cue]
    assert len(found) == 1, [q.cue for q in quotes(nlp, text)]
    return found[0]


def contents(q: Quote, text: str) -> list[str]:
    return [text[s:e] for s, e in q.content]


def test_cue_takes_its_auxiliaries_and_adverbs(nlp: Language) -> None:
    text = "The minister has also said that the talks will resume in May."
    q = one(nlp, text, "has also said")
    assert contents(q, text) == ["that the talks will resume in May"]
    assert q.source == "The minister"


def test_cue_takes_its_particle(nlp: Language) -> None:
    text = "The senator pointed out that the vote had been very close."
    q = one(nlp, text, "pointed out")
    assert contents(q, text) == ["that the vote had been very close"]


def test_belief_verb_from_the_second_lexicon_pass(nlp: Language) -> None:
    assert "believe" in cues() and "discuss" in cues()
    text = "Many diplomats believe that the sanctions will fail."
    q = one(nlp, text, "believe")
    assert q.source == "Many diplomats"
    assert contents(q, text) == ["that the sanctions will fail"]


def test_verb_outside_the_lexicon_with_a_that_clause(nlp: Language) -> None:
    assert "maintain" not in cues()
    text = "The ambassador maintains that the border remains secure."
    q = one(nlp, text, "maintains")
    assert q.source == "The ambassador"
    assert contents(q, text) == ["that the border remains secure"]


def test_consequence_verbs_are_not_stances(nlp: Language) -> None:
    text = "The new rules mean that exporters pay more."
    assert quotes(nlp, text) == []


def test_passive_cue_reports_its_subject(nlp: Language) -> None:
    text = "The agreement is expected to collapse within a week."
    q = one(nlp, text, "is expected")
    assert contents(q, text) == ["The agreement", "to collapse within a week"]
    assert q.source is None


def test_passive_cue_with_an_agent(nlp: Language) -> None:
    text = "The new tariff was criticized by the opposition."
    q = one(nlp, text, "was criticized")
    assert q.source == "the opposition"
    assert contents(q, text) == ["The new tariff"]


def test_object_content_keeps_its_prepositional_phrases(nlp: Language) -> None:
    text = "The president announced new sanctions at a summit in Brussels."
    q = one(nlp, text, "announced")
    assert contents(q, text) == ["new sanctions at a summit in Brussels"]


def test_said_with_a_pro_form_object(nlp: Language) -> None:
    text = "Asked whether the embassy would close, the spokesman said no."
    q = one(nlp, text, "said")
    assert contents(q, text) == ["no"] and q.source == "the spokesman"
    text = "Most of the delegates think so."
    q = one(nlp, text, "think")
    assert contents(q, text) == ["so"] and q.source == "Most of the delegates"


def test_parenthetical_cue_in_mid_sentence(nlp: Language) -> None:
    text = "The treaty, the foreign minister said, is no longer binding."
    q = one(nlp, text, "said")
    assert q.source == "the foreign minister"
    assert contents(q, text) == ["The treaty", "is no longer binding"]


def test_as_clause_cue(nlp: Language) -> None:
    text = "As the agency reported, exports fell by ten percent last year."
    q = one(nlp, text, "reported")
    assert q.source == "the agency"
    assert contents(q, text) == ["exports fell by ten percent last year"]


def test_noun_cue_with_a_that_clause(nlp: Language) -> None:
    text = "His claim that the treaty was void angered the neighbours."
    q = one(nlp, text, "claim")
    assert q.source == "His"
    assert contents(q, text) == ["that the treaty was void"]


def test_noun_without_a_cue_lemma_is_not_a_cue(nlp: Language) -> None:
    text = "The fact that the treaty was void angered the neighbours."
    assert quotes(nlp, text) == []


def test_transcript_speaker_label(nlp: Language) -> None:
    text = "Interview with the envoy\n\nHARMON: We have never agreed to those terms at all.\n"
    q = one(nlp, text, ":")
    assert q.source == "HARMON"
    assert contents(q, text) == ["We have never agreed to those terms at all."]


def test_labels_and_short_headers_are_not_transcripts(nlp: Language) -> None:
    text = "Results\n\nUPDATE: The count was corrected on Monday evening.\nHarmon: 1,204.\n"
    assert [q for q in quotes(nlp, text) if q.cue == ":"] == []


def test_nested_attribution_comes_out_once(nlp: Language) -> None:
    text = "Officials say they expect the talks to fail."
    (q,) = quotes(nlp, text)
    assert q.cue == "say" and contents(q, text) == ["they expect the talks to fail"]


def test_object_content_without_closing_relative_clause_or_time(nlp: Language) -> None:
    text = "The minister praised the new agreement, which took two years to negotiate."
    q = one(nlp, text, "praised")
    assert contents(q, text) == ["the new agreement"]
    text = "The president announced new sanctions on Monday."
    q = one(nlp, text, "announced")
    assert contents(q, text) == ["new sanctions"]


def test_mixed_quote_continued_by_the_next_quotation(nlp: Language) -> None:
    text = 'He said the plan was "dead on arrival." "Nobody in the chamber will vote for it."'
    (q,) = quotes(nlp, text)
    assert q.kind == "mixed" and q.text.endswith('vote for it."')


def test_indirect_content_stays_in_its_paragraph(nlp: Language) -> None:
    doc = parse(nlp, ["Talks resume\nThe envoy said the truce holds."])[0]
    said = next(t for t in doc if t.text == "said")
    kept = same_paragraph(doc, said, set(range(len(doc))))
    assert min(kept) == next(t.i for t in doc if t.text == "The")
    doc = parse(nlp, ["The envoy said the truce\nstill holds."])[0]
    said = next(t for t in doc if t.text == "said")
    assert same_paragraph(doc, said, set(range(len(doc)))) == set(range(len(doc)))


def test_verb_of_appearance_has_no_source(nlp: Language) -> None:
    text = "The ceasefire seems to be holding in the north."
    q = one(nlp, text, "seems")
    assert q.source is None
    assert contents(q, text) == ["The ceasefire", "to be holding in the north"]
    assert [
        x for x in quotes(nlp, "The envoy appeared at the summit.") if x.cue == "appeared"
    ] == []


def test_adjective_of_stance_with_a_that_clause(nlp: Language) -> None:
    text = "European officials are confident that the deal will survive."
    q = one(nlp, text, "are confident")
    assert q.source == "European officials"
    assert contents(q, text) == ["that the deal will survive"]
    assert quotes(nlp, "It is clear that the deal will survive.") == []


def test_according_to_covers_the_whole_coordination(nlp: Language) -> None:
    text = "Turnout rose, and the incumbent won easily, according to the electoral commission."
    q = one(nlp, text, "according to")
    assert q.source == "the electoral commission"
    assert contents(q, text)[0].startswith("Turnout rose")


def test_participle_after_an_object_is_its_own_attribution(nlp: Language) -> None:
    text = "The minister praised the agreement, saying it would bring lasting peace."
    q = one(nlp, text, "praised")
    assert contents(q, text) == ["the agreement"]
    q = one(nlp, text, "saying")
    assert q.source == "The minister" and contents(q, text) == ["it would bring lasting peace"]


def test_prepositional_cue_keeps_the_infinitive_after_its_object(nlp: Language) -> None:
    text = "The envoy called on both sides to stop the fighting."
    q = one(nlp, text, "called on")
    assert contents(q, text) == ["both sides to stop the fighting"]


def test_content_leaves_out_the_dateline(nlp: Language) -> None:
    doc = parse(nlp, ["LYON, France, May 4 (Reuters) — Exports are falling fast."])[0]
    kept = without_dateline(doc, set(range(len(doc))))
    assert min(kept) == next(t.i for t in doc if t.text == "Exports")
    doc = parse(nlp, ["Exports — mostly cars — are falling fast."])[0]
    assert without_dateline(doc, set(range(len(doc)))) == set(range(len(doc)))


def test_imperatives_and_bare_participles_report_nobody(nlp: Language) -> None:
    text = (
        "See my earlier column on the pipeline. The navies held a drill aimed at deterring "
        "submarines. Officials said the drill was a success."
    )
    found = quotes(nlp, text)
    assert [q.cue for q in found] == ["said"]


def test_a_speaker_known_by_role_speaks_for_the_body_of_the_role() -> None:
    from dyad.nlp.pipeline import cached_pipeline

    nlp = cached_pipeline()
    text = (
        "Ivan Petrenko, chair of the State Duma's defence committee, said the drills would "
        "continue. He added that costs would rise. A researcher in Moscow said prices would fall."
    )
    doc = nlp.make_doc(text)
    doc._.dyad_doc_id = "t1"
    doc._.dyad_published = None
    found = {q.source: q for q in nlp(doc)._.dyad_quotes}
    petrenko = found["Ivan Petrenko, chair of the State Duma's defence committee"]
    assert petrenko.actor_code == "RUSLEG"
    assert found["He"].actor_code == "RUSLEG"  # the same speaker
    assert found["A researcher in Moscow"].actor_code is None  # a place is no affiliation
    critic = "Oleg Varin, a fierce critic of the Kremlin, said the vote was rigged."
    doc = nlp.make_doc(critic)
    doc._.dyad_doc_id = "t2"
    doc._.dyad_published = None
    [quote] = nlp(doc)._.dyad_quotes
    assert quote.actor_code is None  # a critic does not speak for what he criticises


# issue 6, second round: source spans as PolNeAR draws them (train split)


def test_source_keeps_a_quantity_modifier(nlp: Language) -> None:
    text = "About half of the delegates said the vote should be postponed."
    q = one(nlp, text, "said")
    assert q.source == "About half of the delegates"


def test_source_keeps_at_least(nlp: Language) -> None:
    text = "At least three senators said they would oppose the treaty."
    q = one(nlp, text, "said")
    assert q.source == "At least three senators"


def test_source_leaves_out_an_agency_dateline(nlp: Language) -> None:
    text = (
        "RIGA, Latvia (Reuters) - Latvian Prime Minister Anna Ozola said on Tuesday"
        " that the talks would resume."
    )
    q = one(nlp, text, "said")
    assert q.source == "Latvian Prime Minister Anna Ozola"


def test_source_keeps_a_reflexive(nlp: Language) -> None:
    text = "The president himself said the deal was close."
    q = one(nlp, text, "said")
    assert q.source == "The president himself"


def test_source_keeps_a_relative_clause_with_an_object_cue(nlp: Language) -> None:
    text = "Anna Lund, a senator who supports the treaty, said the vote would be close."
    q = one(nlp, text, "said")
    assert q.source == "Anna Lund, a senator who supports the treaty"


def test_participle_on_a_noun_takes_the_noun_as_source(nlp: Language) -> None:
    text = "Protesters demanding new elections gathered outside the parliament on Monday."
    q = one(nlp, text, "demanding")
    assert q.source == "Protesters"


def test_fronted_past_participle_has_no_source(nlp: Language) -> None:
    text = "Asked whether the sanctions would work, the minister said they would change nothing."
    q = one(nlp, text, "Asked")
    assert q.source is None
    assert one(nlp, text, "said").source == "the minister"
