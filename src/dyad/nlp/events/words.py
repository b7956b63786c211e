"""The words next to a trigger that a lexicon row may require (`complements`), and the lemma
a token has as a verb (`verb_lemma`). See docs/events.md, "Data files"."""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.events import lexicon

# Adverbs the parser gives where a phrasal verb has its particle: "stepped down", "backed
# off" (advmod, not prt).
_PARTICLE_ADVERBS = frozenset({"down", "up", "out", "off", "away", "back", "aside"})
# Prepositions heading a second one: "pulled out of the treaty" (prep "out" -> prep "of").
COMPOUND_PREPS = frozenset({"out"})


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def verb_lemma(tok: Token) -> str | None:
    """The lemma of `tok` read as a verb, None when it is no verb. Irregular forms the small
    model gets wrong are looked up by their form first (``lexicon.IRREGULAR_FORMS``:
    "unfroze", which it tags as an adjective with lemma "unfroze"); such a form counts as a
    verb under any tag when it has a subject or an object. A lemma that lost its final "e"
    to a noun of the same spelling ("staged" -> "stag") gets it back when only the "e" form
    is in the lexicon."""
    fixed = lexicon.IRREGULAR_FORMS.get(tok.lower_)
    if fixed is not None and (
        tok.pos_ in ("VERB", "AUX")
        or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children)
    ):
        return fixed
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    word = lemma(tok)
    if (
        not lexicon.rules_for(word, "V")
        and tok.lower_ in (word + "ed", word + "ing")
        and lexicon.rules_for(word + "e", "V")
    ):
        return word + "e"  # the model's "staged" -> "stag", "waging" -> "wag", "raped" -> "rap"
    return word


def complements(tok: Token) -> set[str]:
    """Lemmas (and forms) of the words a lexicon row may require next to its trigger."""
    words: set[str] = set()

    def add(t: Token) -> None:
        words.update((t.lemma_.lower(), t.lower_))
        for c in t.children:
            if c.dep_ in ("compound", "amod", "appos", "conj"):
                words.update((c.lemma_.lower(), c.lower_))
            elif c.dep_ == "neg":  # "found not guilty"
                words.add("not")

    def add_prep(prep: Token) -> None:
        words.add(prep.lower_)
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp"):
                add(obj)
            elif obj.dep_ == "prep" and prep.lower_ in COMPOUND_PREPS:  # "out of the treaty"
                add_prep(obj)

    for child in tok.children:
        dep = child.dep_
        if dep in ("dobj", "dative", "attr", "oprd", "acomp", "nsubjpass", "prt", "iobj"):
            add(child)
            if dep == "dobj":
                words.add("+dobj")  # lets a row exclude transitive uses
            for of in child.children:  # "tons of food aid", "a mission of observers"
                if of.dep_ != "prep":
                    continue
                if of.lower_ == "of":
                    for obj in of.children:
                        if obj.dep_ == "pobj":
                            add(obj)
                elif of.lower_ in ("between", "among"):  # "hosted talks between X and Y"
                    words.add("between")
        elif dep == "prep":
            add_prep(child)
        elif dep == "advmod" and child.lower_ in _PARTICLE_ADVERBS and child.i > tok.i:
            words.add(child.lower_)  # "stepped down": the parser's advmod for a particle
        elif dep == "ccomp" and child.pos_ == "ADJ":  # "found the minister guilty"
            add(child)
        elif dep == "advcl" and for_clause(child):  # "pushed for the US to back it"
            words.add("for")
        elif dep == "xcomp" or _is_purpose(child) or _noun_infinitive(tok, child):
            add(child)
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                words.add("to")
            for obj in child.children:
                if obj.dep_ in ("dobj", "prt"):
                    add(obj)
        elif dep == "advmod" and child.lower_ == "where":  # "Rome, where she arrived"
            words.add("where")
        elif dep in ("compound", "amod") and tok.pos_ in ("NOUN", "PROPN"):
            add(child)
    return words


def _noun_infinitive(noun: Token, child: Token) -> bool:
    """The infinitive completing an event noun: "refusal to comment"."""
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and child.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    )


def for_clause(tok: Token) -> bool:
    """A clause introduced by "for" with its own subject: "pressed for Peru to pay",
    "pushing for the US support the plan" (the parser's advcl with mark "for")."""
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def _is_purpose(tok: Token) -> bool:
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def prep_objects(tok: Token, preps: frozenset[str] | set[str] | tuple[str, ...]) -> list[Token]:
    """The objects of `tok`'s prepositional phrases headed by one of `preps` ("the
    withdrawal of forces from Y" -> for "from": Y)."""
    return [
        o
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in preps
        for o in p.children
        if o.dep_ == "pobj"
    ]


# "with the help of X", "with X's backing": X helps the source; it is not acted upon.
_HELP_NOUNS = frozenset(
    "help support assistance backing aid cooperation participation approval consent "
    "blessing".split()
)


def helps(obj: Token) -> bool:
    """`obj` is the help in "with X's help", "with the backing of X": no target."""
    return obj.head.lower_ == "with" and lemma(obj) in _HELP_NOUNS
