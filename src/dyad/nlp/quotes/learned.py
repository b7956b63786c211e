"""A learned test for verbs outside the cue lexicon: is this verb an attribution cue?

PolNeAR annotates as attributions far more than reporting verbs: stances, plans, criticism,
support ("voters rebuffed the offer", "she spoke about the cancellation"). The lexicon
(lexicon.py) holds the verbs frequent enough to count; the long tail of rare ones is judged
here by a logistic model over what the parse says of the verb: its lemma, the complement
that would be its content (clause, object, open complement, preposition), what kind of
subject it has (a person, a pronoun, an organisation, a thing), tense, negation, modality.
Lemma features carry what the train split says of a verb; the others let a verb never seen
in training be judged by its frame and its subject.

The weights (``dyad/data/quote_cue_model.tsv``) were fitted on the PolNeAR train split only
by ``scripts/train_quote_cues.py``, which also chose the threshold on held-out train
documents; the file names its origin. No model is downloaded: the weights are plain data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dyad.datafiles import read_data
from dyad.errors import KnowledgeBaseError
from dyad.nlp.quotes.grammar import content_tokens
from dyad.nlp.quotes.lexicon import Cue, cues

FILE = "quote_cue_model.tsv"
_PERSON_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "me", "us", "him",
                              "her", "them"})  # fmt: skip
_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must"})
OPEN_FRAMES = ("clause", "object", "xcomp", "prep")


def open_candidate(tok: Token, lexicon: dict[str, Cue] | None = None) -> bool:
    """A token the model judges: a verb outside the cue lexicon (default: the packaged one)
    that does not modify a noun (the caller has already skipped quotations and "according
    to")."""
    return (
        tok.pos_ == "VERB"
        and tok.dep_ not in ("amod", "compound")
        and tok.lemma_.lower() not in (cues() if lexicon is None else lexicon)
    )


def open_cue(verb: Token) -> Cue:
    """The lexicon entry a verb outside the lexicon is read with: any frame, clause first."""
    return Cue(verb.lemma_.lower(), OPEN_FRAMES)


def open_frame(verb: Token) -> str:
    """The frame that gives `verb` a content when read as a cue ("" when none does)."""
    return content_tokens(verb, open_cue(verb))[1]


def _subject_kind(verb: Token) -> tuple[str, str]:
    """What kind of subject `verb` has (as the source of an attribution would be), and its
    lemma; ("none", "") when it has none of its own."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.pos_ == "PRON":
                kind = "person" if child.lower_ in _PERSON_PRONOUNS else "pron"
            elif child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                kind = child.ent_type_.lower()
            elif child.pos_ == "PROPN":
                kind = "propn"
            else:
                kind = "plural" if child.tag_ == "NNS" else "noun"
            passive = "pass" if child.dep_ == "nsubjpass" else ""
            return kind + passive, child.lemma_.lower()
    if verb.dep_ == "acl":
        return "acl", verb.head.lemma_.lower()
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp"):
        return "climb", ""
    return "none", ""


def features(verb: Token, frame: str) -> list[str]:
    """The named features of `verb`, given the frame that gave it a content ("" if none)."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    subj, subj_lemma = _subject_kind(verb)
    out = [
        f"lemma={lemma}",
        f"frame={frame}",
        f"lemma|frame={lemma}|{frame}",
        f"tag={verb.tag_}",
        f"dep={verb.dep_}",
        f"subj={subj}",
        f"subj|frame={subj}|{frame}",
        f"subjlemma={subj_lemma}",
    ]
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.head.i == verb.i and nxt.dep_ in ("prep", "prt"):
        out.append(f"next={nxt.lower_}")
        out.append(f"lemma|next={lemma}|{nxt.lower_}")
    for child in kids:
        if child.dep_ == "ccomp" and child.i > verb.i:
            that = any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
            out.append("ccomp_that" if that else "ccomp")
        elif child.dep_ == "dobj":
            kind = child.ent_type_.lower() or child.pos_.lower()
            out.append(f"dobj={kind}")
            out.append(f"dobjlemma={child.lemma_.lower()}")
        elif child.dep_ == "neg":
            out.append("neg")
        elif child.dep_ == "aux" and child.lower_ in _MODALS:
            out.append("modal")
        elif child.dep_ == "aux" and child.lower_ == "to":
            out.append("infinitive")
        elif child.dep_ == "dative":
            out.append("dative")
    return out


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))

    def is_cue(self, verb: Token, frame: str) -> bool:
        return self.probability(features(verb, frame)) >= self.threshold


def parse_model(text: str, name: str = FILE) -> Model:
    """Read the weight table (``feature<TAB>weight``; ``__bias__`` and ``__threshold__``
    rows; ``#`` comments); KnowledgeBaseError when malformed."""
    weights: dict[str, float] = {}
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rsplit("\t", 1)
        try:
            if len(cols) != 2:
                raise ValueError("expected feature<TAB>weight")
            weights[cols[0]] = float(cols[1])
        except ValueError as exc:
            raise KnowledgeBaseError(f"{name} line {no}: {exc}") from exc
    if "__bias__" not in weights or "__threshold__" not in weights:
        raise KnowledgeBaseError(f"{name}: no __bias__ or __threshold__ row")
    bias, threshold = weights.pop("__bias__"), weights.pop("__threshold__")
    return Model(weights, bias, threshold)


@lru_cache(maxsize=4)
def model(name: str = FILE) -> Model:
    """The shipped model, or the weight table in the file `name` (cached)."""
    return parse_model(read_data(name), name)
