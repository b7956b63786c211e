"""What the clause says around a figure: its rate period, its year, whether it is a target,
and the actors that take part.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dyad.types import ActorMention, Timex

PERIOD_ADVERBS = {"annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "monthly": "P1M",
                  "weekly": "P1W"}  # fmt: skip
PERIOD_NOUNS = {"year": "P1Y", "annum": "P1Y", "day": "P1D", "month": "P1M", "week": "P1W"}
PERIOD_DETS = frozenset({"a", "an", "per", "each", "every"})
PERIOD_ADJECTIVES = {"annual": "P1Y", "yearly": "P1Y", "daily": "P1D", "monthly": "P1M"}
TARGET_VERBS = frozenset(
    {"increase", "raise", "boost", "bring", "double", "triple", "lift", "expand", "grow",
     "reach", "hit", "top", "push", "take"}
)  # fmt: skip
NOW = frozenset({"currently", "now", "today", "presently"})
YEAR_PREPS = frozenset({"by", "in", "until", "till", "from", "since", "before", "through"})
FIGURE_ENTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
_STOP = frozenset({";", ":", "(", ")", "—", "–"})


def _after(span: Span, limit: int = 6) -> Span:
    """Up to `limit` tokens after the figure, stopping at a clause boundary."""
    doc = span.doc
    end = span.end
    stop = min(span.end + limit, span.sent.end)
    while end < stop and doc[end].text not in _STOP and doc[end].pos_ not in ("VERB", "AUX"):
        if doc[end].ent_type_ in FIGURE_ENTS or doc[end].text in ("$", "€", "£"):
            break  # the next figure's words are its own
        end += 1
    return doc[span.end : end]


def period_of(span: Span, gov: Token | None, thing: Token | None) -> str | None:
    """The rate period ("annually", "a year", "per day", "annual trade") as TIMEX3, or None."""
    near = list(_after(span))
    if gov is not None:
        near += [c for c in gov.children if c.dep_ in ("advmod", "npadvmod") and c not in span]
    for tok in near:
        if tok.lower_ in PERIOD_ADVERBS:
            return PERIOD_ADVERBS[tok.lower_]
        lemma = tok.lemma_.lower()
        if lemma in PERIOD_NOUNS and tok.i > 0 and tok.doc[tok.i - 1].lower_ in PERIOD_DETS:
            return PERIOD_NOUNS[lemma]
    for owner in (thing, span.root.head if span.root.dep_ == "nummod" else None):
        if owner is None:
            continue
        for child in owner.children:
            if child.dep_ == "amod" and child.lower_ in PERIOD_ADJECTIVES:
                return PERIOD_ADJECTIVES[child.lower_]
    return None


def _year(t: Timex) -> int | None:
    if t.type != "DATE" or t.range is None or t.range.start.year != t.range.end.year:
        return None
    return t.range.start.year


def dated_timexes(doc: Doc, timexes: Sequence[Timex] | None) -> dict[int, Timex]:
    """Token index of each DATE timex's first token -> the timex (one calendar year at most)."""
    out: dict[int, Timex] = {}
    for t in timexes or ():
        if _year(t) is None:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            out[span.start] = t
    return out


def year_of(span: Span, gov: Token | None, dated: dict[int, Timex]) -> tuple[int | None, bool]:
    """(year, by): the year attached right after the figure ("$100 billion by 2015", "from
    $88 billion the previous year"), else the nearest dated expression of its clause;
    `by` is True for "by YEAR" (a deadline)."""
    for tok in _after(span):
        if tok.i in dated and (
            tok.i == span.end
            or tok.doc[tok.i - 1].lower_ in YEAR_PREPS
            or tok.doc[tok.i - 1].lower_ in ("the", "this", "last", "next")
        ):
            by = tok.doc[tok.i - 1].lower_ == "by"
            return _year(dated[tok.i]), by
        if tok.lower_ in YEAR_PREPS and tok.i + 1 in dated:
            return _year(dated[tok.i + 1]), tok.lower_ == "by"
    if gov is None:
        return None, False
    doc = span.doc
    if any(t.lower_ in NOW for t in doc[max(span.sent.start, span.start - 3) : span.start]):
        return None, False  # "currently at $90 billion": today's value, not the clause's year
    clause = range(gov.left_edge.i, gov.right_edge.i + 1)
    found = [i for i in dated if i in clause and not span.start <= i < span.end]
    years = {_year(dated[i]) for i in found}
    if len(years) != 1:
        return None, False  # none, or several years in the clause: which one is unclear
    i = found[0]
    return _year(dated[i]), i > 0 and doc[i - 1].lower_ == "by"


def is_target(root: Token, prep: Token | None, gov: Token | None, year: int | None,
              by: bool) -> bool:  # fmt: skip
    """A figure to reach: "by YEAR", or raised/brought "to" it (or "reach"/"hit" it) with a
    year, in a clause that is not in the past tense."""
    if by:
        return True
    if gov is None or year is None or gov.lemma_ not in TARGET_VERBS:
        return False
    if gov.tag_ == "VBD":
        return False
    return (prep is not None and prep.lower_ == "to") or root.dep_ == "dobj"


def actors_of(
    span: Span, gov: Token | None, mentions: Sequence[ActorMention] | None
) -> tuple[str, ...]:
    """Codes of the known actors of the figure's clause, else of its sentence."""
    known = [m for m in mentions or () if m.actor is not None]
    if not known:
        return ()
    sent = span.sent
    ranges = []
    verb = gov
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        verb = verb.head  # a figure inside a noun phrase: the clause of its verb
    if verb is not None:
        ranges.append((verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)))
    ranges.append((sent.start_char, sent.end_char))
    for lo, hi in ranges:
        codes = [m.actor.code for m in known if m.actor and lo <= m.start and m.end <= hi]
        if codes:
            return tuple(dict.fromkeys(codes))
    return ()
