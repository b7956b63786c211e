"""What a figure measures, read from the parse around it.

The candidates are looked at in order, and the first word the lexicon knows for the
figure's unit kind gives the thing:
1. the noun the figure modifies ("a $400 billion contract", "10,000 troops", "30-year deal");
2. its "of" complement ("38 billion cubic meters of gas", "23% of China's consumption");
3. what governs it: the noun "worth" describes ("the deal is worth $400 billion"), a noun
   ("trade volume, currently at $90 billion"), or a verb ("supply ... for 30 years"), then
   that verb's object and its subject (a pronoun subject is read through a coordinated
   clause or the previous sentence's subject: "trade grew, and it jumped by 11%");
4. a counted noun a few words on ("24 advanced, multirole Su-35 fighters"), or a known noun
   right after the figure ("2 percent to 3 percent loss").
Nothing else is tried: a thing is never guessed from the topic of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.nlp.figures.lexicon import THINGS_FILE, Thing, things

NOUNS = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod", "npadvmod"})
QUANTITY_NOUNS = frozenset({"total", "sum", "amount", "value", "figure", "tune"})
PRONOUNS = frozenset({"it", "this", "that", "which"})
CHANGE_UP = frozenset({"grow", "jump", "rise", "increase", "climb", "surge", "soar", "expand"})
CHANGE_DOWN = frozenset({"fall", "drop", "decline", "shrink", "plunge", "slump", "decrease"})


@dataclass(frozen=True, slots=True)
class Found:
    """The thing a figure measures: the lexicon entry, the token, the words as written."""

    thing: Thing
    token: Token
    words: str
    how: str


def governor(root: Token) -> tuple[Token | None, Token | None]:
    """(preposition, governing token) of a figure's root token: "to $100 billion" under
    "increase" gives (to, increase), even when the parser hangs "to" on another preposition;
    a direct object gives (None, verb); a figure listed after another takes its governor."""
    tok = root
    if tok.dep_ == "conj" and tok.head.like_num:
        return governor(tok.head)
    if tok.dep_ == "conj" and tok.head.pos_ == "ADP" or tok.dep_ == "pobj":
        prep = tok.head
    elif tok.dep_ == "ROOT":
        return None, None
    else:
        return None, tok.head
    gov = prep.head
    for _ in range(3):
        if gov.pos_ != "ADP" or gov.dep_ == "ROOT":
            break
        gov = gov.head
    return prep, gov


def _compound(tok: Token) -> str:
    """'compound lemma' of a noun ("trade volume", "natural gas"), or its lemma."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
    lemma = tok.lemma_.lower()
    return f"{mods[0].lemma_.lower()} {lemma}" if mods else lemma


def _phrasal(tok: Token) -> str:
    prt = [c for c in tok.children if c.dep_ == "prt"]
    return f"{tok.lemma_.lower()} {prt[0].lower_}" if prt else tok.lemma_.lower()


def words_of(tok: Token, skip: Span | None = None) -> str:
    """The noun with its compounds and adjectives as written ("natural gas", "gas contract"),
    leaving out the figure itself (`skip`)."""
    if tok.pos_ not in NOUNS:
        return _phrasal(tok) if tok.pos_ == "VERB" else tok.text
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ != "NUM"]
    start = min([c.left_edge.i for c in left] + [tok.i])
    words = [t for t in tok.doc[start : tok.i + 1] if t.pos_ not in ("NUM", "DET", "PUNCT")]
    words = [t for t in words if not t.like_num and (skip is None or t not in skip)]
    return " ".join(t.text for t in words) or tok.text


def lookup(tok: Token, kind: str, things_file: str = THINGS_FILE) -> Thing | None:
    table = things(things_file)
    for word in (_phrasal(tok), _compound(tok), tok.lemma_.lower(), tok.lower_):
        if (found := table.get((word, kind))) is not None:
            return found
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, read through pronouns: a coordinated clause's subject ("trade
    grew, and it jumped"), or the subject of the previous sentence."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None and verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") and verb.head != verb:
        if verb.dep_ != "conj":
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.i < verb.i:
                subj = obj  # "see it hitting $100 billion"
        if subj is None:
            return subject_of(verb.head)
    if subj is None or subj.lower_ not in PRONOUNS:
        return subj
    if verb.dep_ == "conj":
        return subject_of(verb.head)
    sent = verb.doc[verb.sent.start].sent
    if sent.start == 0:
        return None
    prev = verb.doc[sent.start - 1].sent
    return next((t for t in prev if t.dep_ in SUBJECTS and t.lower_ not in PRONOUNS), None)


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _worth_nouns(worth: Token) -> Iterator[Token]:
    """What "worth" describes: the noun it hangs on or the subject of its verb, climbing a
    few heads when the parser attached it to a nearer noun ("deals signed during the past six
    months worth $700 billion")."""
    tok = worth.head
    for _ in range(5):
        if tok.pos_ in NOUNS:
            yield tok
        elif tok.pos_ in ("AUX", "VERB") and (subj := subject_of(tok)) is not None:
            yield subj
        if tok.dep_ == "ROOT":
            return
        tok = tok.head


def _verb_chain(verb: Token) -> Iterator[Token]:
    """The verbs a clause hangs from ("amounts to total": total, amounts, put...)."""
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or tok.head.pos_ != "VERB":
            return
        tok = tok.head
        yield tok


def candidates(root: Token, span: Span) -> Iterator[tuple[Token, str]]:
    """Tokens that may name what the figure measures, best first, with how each was found."""
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ in NOUNS and root.head not in span:
        yield root.head, "head"
    for tok in span:
        if (obj := _of_object(tok)) is not None:
            yield obj, "of"
    _, gov = governor(root)
    while gov is not None and gov.lemma_ in QUANTITY_NOUNS and gov.head != gov:
        yield gov, "governor"
        gov = gov.head if gov.head.pos_ != "ADP" else gov.head.head
    if gov is not None:
        if gov.lower_ == "worth":
            for noun in _worth_nouns(gov):
                yield noun, "worth"
        elif gov.pos_ in NOUNS:
            yield gov, "governor"
        elif gov.pos_ in ("VERB", "AUX", "ADJ"):
            yield gov, "verb"
            for child in gov.children:
                if child.dep_ == "dobj" and child != root and child.pos_ in NOUNS:
                    yield child, "object"
                    if (obj := _of_object(child)) is not None:
                        yield obj, "object"
            subj = subject_of(gov)
            if subj is not None:
                yield subj, "subject"
                if (obj := _of_object(subj)) is not None:
                    yield obj, "subject"
            for verb in _verb_chain(gov):
                yield verb, "verb"
    doc = root.doc
    end = min(span.end + 8, root.sent.end)
    if span.end < end and doc[span.end].is_punct:
        return
    for tok in doc[span.end : end]:
        if tok.pos_ in ("VERB", "AUX", "DET") or tok.dep_ == "prep" and tok.lower_ != "of":
            break
        if tok.pos_ in NOUNS:
            yield tok, "after"


def measured(root: Token, span: Span, kind: str, things_file: str = THINGS_FILE) -> Found | None:
    """The first candidate the lexicon knows for a figure of unit `kind`, or None."""
    for tok, how in candidates(root, span):
        if how == "after" and kind != "count" and tok.i > span.end + 3:
            continue
        if (thing := lookup(tok, kind, things_file)) is not None:
            return Found(thing, tok, words_of(tok, span), how)
    return None


def share_of(root: Token, span: Span) -> Token | None:
    """The noun a percentage is a share of ("23% of China's gas consumption")."""
    for tok in span:
        if (obj := _of_object(tok)) is not None and obj.pos_ in NOUNS:
            return obj
    return None


def change_verb(root: Token) -> str | None:
    """ "growth" or "decline" when the figure is the size of a change ("jumped by 11%")."""
    prep, gov = governor(root)
    if gov is None or gov.pos_ != "VERB":
        return None
    if prep is not None and prep.lower_ != "by":
        return None
    if gov.lemma_ in CHANGE_UP:
        return "growth"
    if gov.lemma_ in CHANGE_DOWN:
        return "decline"
    return None


def base_thing(gov: Token | None, kind: str, things_file: str = THINGS_FILE) -> Found | None:
    """The thing that grew or fell: the subject of the change verb."""
    if gov is None:
        return None
    subj = subject_of(gov)
    if subj is None:
        return None
    for tok in (subj, _of_object(subj)):
        if tok is not None and (thing := lookup(tok, kind, things_file)) is not None:
            return Found(thing, tok, words_of(tok), "subject")
    return None
