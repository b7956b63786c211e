"""Finding the figures of a parsed Doc and tying each to what it measures.

Candidates are spaCy's MONEY, QUANTITY, PERCENT and CARDINAL entities, and durations (DATE
entities and DURATION timexes such as "30 years", "30-year"). Left out: dates and years,
ordinals, numbers inside names ("Su-35", "G20"), page, article and phone numbers, vague
amounts ("thousands").

What is kept (the rule we chose, see `dyad.nlp.figures`):
- a figure whose measured thing the lexicon knows;
- a figure with a unit of its own (money, volume, mass, barrels, length, percent) whose thing
  the text does not tell, with key "unknown": its number and unit are still facts;
- never a bare count or a duration whose thing is unknown ("two countries", "for the past
  ten years"): without a thing such numbers say nothing an analyst can use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dyad.nlp.extensions import text_of
from dyad.nlp.figures import context, things
from dyad.nlp.figures.lexicon import THINGS_FILE, UNITS_FILE, units
from dyad.nlp.figures.numbers import Reading, qualifier_before, read
from dyad.types import ActorMention, Figure, Provenance, Timex

LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
UNIT_KINDS = frozenset({"money", "volume", "mass", "oil", "length", "percent"})
NUMBER_NOUNS = frozenset(
    {"page", "p.", "pp.", "tel", "tel.", "phone", "no.", "number", "article", "chapter",
     "section", "paragraph", "resolution", "flight", "route", "room", "item", "point",
     "line", "volume", "issue", "vol.", "figure", "table", "episode", "part"}
)  # fmt: skip
UNIT_REACH = 25  # characters after an entity where its unit may be
JOINERS = frozenset({"and", "or", "to", ",", "-", "–", "and/or"})


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    reading: Reading
    label: str


def _candidates(doc: Doc, timexes: Sequence[Timex], units_file: str) -> Iterator[_Candidate]:
    spans: list[tuple[int, int, str]] = [
        (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS | {"DATE"}
    ]
    spans += [(t.start, t.end, "DURATION") for t in timexes if t.type == "DURATION"]
    seen: set[tuple[int, int]] = set()
    for lo, hi, label in sorted(spans):
        # Read a little past the entity: spaCy often leaves the unit out ("up to 5 million").
        for r in read(text_of(doc)[lo : hi + UNIT_REACH], units_file):
            start, end = lo + r.start, lo + r.end
            if start >= hi:
                break
            if label in ("DATE", "DURATION") and r.kind != "duration":
                continue
            if (start, end) in seen or any(s <= start < e for s, e in seen):
                continue
            seen.add((start, end))
            yield _Candidate(start, end, r, label)


def _skipped(doc: Doc, c: _Candidate, dates: Sequence[tuple[int, int]]) -> bool:
    text = text_of(doc)
    before = text[max(0, c.start - 2) : c.start]
    if before.endswith("-") and before[:1].isalpha():
        return True  # a model name: Su-35, J-10
    if c.end < len(text) and text[c.end].isalpha() and c.reading.unit is None:
        return True  # glued to letters: 20th, 3D
    if c.reading.kind != "duration" and any(s < c.end and c.start < e for s, e in dates):
        return True  # part of a date ("May 20, 2014")
    v = c.reading.value
    if c.reading.unit is None and v.is_integer() and 1000 <= v <= 2100 and c.end - c.start == 4:
        return True  # a year
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return True
    if span.start == span.sent.start and span.end < len(doc) and doc[span.end].is_punct:
        return True  # an enumerator: "One, ...", "Two."
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    return prev.lower_ in NUMBER_NOUNS or prev.lower_ == "#"


def _sentence(span: Span, doc_id: str) -> Provenance:
    sent = span.sent
    return Provenance(doc_id, sent.start_char, sent.end_char, sent.text)


def _base(key: str) -> str:
    for tail in (" volume", " value"):
        if key.endswith(tail):
            return key[: -len(tail)]
    return key


@dataclass(slots=True)
class _Resolved:
    key: str
    thing: str
    unit: str
    token: Token | None


def _resolve(root: Token, span: Span, r: Reading, things_file: str) -> _Resolved | None:
    kind = r.kind or "count"
    if kind == "percent":
        change = things.change_verb(root)
        if change is not None:
            _, gov = things.governor(root)
            base = things.base_thing(gov, "money", things_file) or things.base_thing(
                gov, "volume", things_file
            )
            if base is not None:
                return _Resolved(f"{_base(base.thing.key)} {change}", base.words, "%",
                                 base.token)  # fmt: skip
        found = things.measured(root, span, "percent", things_file)
        if found is not None:
            return _Resolved(found.thing.key, found.words, "%", found.token)
        share = things.share_of(root, span)
        if share is not None:
            words = things.words_of(share)
            return _Resolved(f"share of {words.lower()}", words, "%", share)
        return None
    found = things.measured(root, span, kind, things_file)
    if found is None and kind == "length" and span.end < len(span.doc):
        after = span.doc[span.end]
        if after.lower_ in ("from", "away", "off"):  # "370km from the islands"
            obj = next((c for c in after.children if c.dep_ == "pobj"), None)
            words = f"{after.text} {things.words_of(obj)}" if obj is not None else after.text
            return _Resolved("distance", words, r.unit or "km", None)
    if found is None:
        return None
    unit = found.thing.unit if kind == "count" else r.unit
    if unit is None:
        return None
    return _Resolved(found.thing.key, found.words, unit, found.token)


def _same_kind(r: Reading, like: Figure, units_file: str) -> bool:
    """A figure may take the thing of the figure it is listed with when both are counts or
    both have the same unit."""
    if r.unit is None:
        return like.unit not in {u.unit for u in units(units_file).values()}
    return r.unit == like.unit


def _joined(doc: Doc, prev: Figure | None, span: Span) -> bool:
    """True when the figure follows `prev` in a list or range ("$55 billion and $25 billion",
    "2 percent to 3 percent"): it may share prev's thing."""
    if prev is None or prev.end > span.start_char:
        return False
    between = [w.strip(",").lower() for w in text_of(doc)[prev.end : span.start_char].split()]
    dates = [w for w in between if w in context.YEAR_PREPS or w.isdigit()]
    words = [w for w in between if w and w not in dates]
    return len(words) <= 2 and len(dates) <= 2 and all(w in JOINERS for w in words)


def extract_figures(
    doc: Doc, units_file: str = UNITS_FILE, things_file: str = THINGS_FILE
) -> list[Figure]:
    """The figures of a parsed Doc (reads ``doc._.dyad_doc_id``, ``doc._.dyad_timexes`` and
    ``doc._.dyad_actors`` when set), with the unit and thing lexicons of those files."""
    files = (units_file, things_file)
    doc_id = doc._.dyad_doc_id or ""
    timexes: Sequence[Timex] = doc._.dyad_timexes or ()
    mentions = doc._.dyad_actors or ()
    dates = [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME")]
    dated = context.dated_timexes(doc, timexes)
    out: list[Figure] = []
    for c in _candidates(doc, timexes, units_file):
        if _skipped(doc, c, dates):
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            continue
        fig = _figure(doc, doc_id, c, span, dated, mentions, files)
        prev = out[-1] if out else None
        joined = prev is not None and _joined(doc, prev, span)
        if joined and prev and prev.key != "unknown" and (fig is None or fig.key == "unknown"):
            fig = _figure(doc, doc_id, c, span, dated, mentions, files, like=prev) or fig
        if fig is not None:
            if joined and prev and prev.key == "unknown" != fig.key and fig.unit == prev.unit:
                out[-1] = _like(prev, fig)  # "2 percent to 3 percent loss"
            out.append(fig)
    return out


def _like(fig: Figure, model: Figure) -> Figure:
    """`fig` measuring what `model` measures (a figure listed with it)."""
    return replace(fig, key=model.key, thing=model.thing, period=fig.period or model.period,
                   target=model.target if fig.year is None else fig.target or model.target,
                   year=fig.year if fig.year is not None else model.year,
                   actors=fig.actors or model.actors)  # fmt: skip


def _figure(
    doc: Doc,
    doc_id: str,
    c: _Candidate,
    span: Span,
    dated: dict[int, Timex],
    mentions: Sequence[ActorMention],
    files: tuple[str, str],
    like: Figure | None = None,
) -> Figure | None:
    r = c.reading
    root = span.root
    resolved = _resolve(root, span, r, files[1])
    if resolved is None and like is not None and _same_kind(r, like, files[0]):
        resolved = _Resolved(like.key, like.thing, like.unit, None)
    if resolved is None:
        if r.kind not in UNIT_KINDS or r.unit is None:
            return None
        resolved = _Resolved("unknown", "", r.unit, None)
    start, end = c.start, c.end
    qualifier = None
    lead = text_of(doc)[max(span.sent.start_char, start - 30) : start]
    if (q := qualifier_before(lead)) is not None:
        qualifier, n = q
        start -= n
    prep, gov = things.governor(root)
    period = None if r.kind == "duration" else context.period_of(span, gov, resolved.token)
    year, by = context.year_of(span, gov, dated)
    target = context.is_target(root, prep, gov, year, by)
    key = resolved.key
    if like is not None and resolved.token is None:
        target = target or like.target
        period = period or like.period
    elif key != "unknown" and r.kind != "duration":
        if target:
            key = f"{_base(key)} target"
        elif period == "P1Y" and not key.startswith("annual"):
            key = f"annual {key}"
        elif period == "P1D":
            key = f"daily {key}"
        tok = resolved.token
        if r.kind == "money" and tok is not None and tok.tag_ == "NNS" and key.endswith("value"):
            key = f"total {key}"  # "two gas deals worth a total of $700 billion"
    actors = context.actors_of(span, gov, mentions)
    if not actors and resolved.token is not None and resolved.token.sent != span.sent:
        actors = context.actors_of(resolved.token.sent, None, mentions)  # "it" of the last one
    return Figure(
        doc_id=doc_id,
        start=start,
        end=end,
        text=text_of(doc)[start:end],
        value=r.value,
        unit=resolved.unit,
        key=key,
        thing=resolved.thing,
        sentence=_sentence(span, doc_id),
        period=period,
        qualifier=qualifier,
        actors=actors,
        year=year,
        target=target,
    )
