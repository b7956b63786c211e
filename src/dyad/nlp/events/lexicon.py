"""The event lexicon: CAMEO codes with their PLOVER reading, and our trigger rules.

Three packaged tables feed it (see docs/events.md for sources and the decisions taken on
their known quirks):

- ``cameo2plover.tsv``: CAMEO code -> PLOVER event, mode, context (PLOVER project table);
- ``goldstein.tsv``: CAMEO code -> Goldstein conflict-cooperation score (GDELT's table);
- ``cameo_verbs.tsv``: our own trigger rules, lemma (+ argument words) -> CAMEO code.

Everything an event carries besides its trigger and arguments (PLOVER type, mode, context,
quad class, Goldstein score) is derived here from the CAMEO code, so the lexicon only ever
names CAMEO codes and the two official tables stay the single source of the rest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Where the PLOVER project's own table disagrees with the current manual, the manual wins
# (decisions documented in docs/events.md).
# Lifting a curfew or a state of emergency is CONCEDE in the manual (a verbal concession even
# when it has material effects), RETREAT in the table.
_EVENT_OVERRIDES = {
    "163": ("SANCTION", "discontinue"),
    "0813": ("CONCEDE", ""),
    "0814": ("CONCEDE", ""),
}
_MODE_FIXES = {
    "assassinate": "targeted",
    "ban": "restrict",
    "political": "restrict",
    "ease": None,
    "return": None,
    "pro_autocracy": None,
    "massacre": "targeted",
    "cleansing": None,
}
_CODE_MODE_FIXES = {"1712": "destroy", "195": "aerial"}
_CONTEXT_FIXES = {"democracy": "pro_democracy", "humanitarian": "human_security"}

# Past forms of lexicon verbs that the small model misreads in ordinary sentences: "The US
# unfroze Iranian assets" comes out as an adjective with lemma "unfroze", "forgave" and
# "retook" as verbs with their own form as lemma. Verbs are looked up by this table before
# their lemma (`args.verb_lemma`); checked at load to name lexicon verbs only.
IRREGULAR_FORMS = {
    "unfroze": "unfreeze",
    "unfrozen": "unfreeze",
    "forgave": "forgive",
    "forgiven": "forgive",
    "retook": "retake",
    "retaken": "retake",
    "slain": "slay",
    "withheld": "withhold",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
}

# Trigger kinds: what a lexicon row does besides (or instead of) naming an event.
KINDS = ("event", "intent", "aspect", "report", "light", "negator", "exclude")


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """Everything derived from one CAMEO code."""

    cameo: str
    plover: str
    mode: str | None
    context: str | None
    quad_class: int
    goldstein: float
    description: str


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One row of cameo_verbs.tsv.

    `args` are the row's alternatives, of which one must appear among the trigger's
    complements (object, particle, prepositional objects, appositions, compounds); an
    alternative joining words with ``+`` needs all of them ("off+talks": the particle and
    the object of "called off the talks"). Empty means "no argument needed". `cameo` is
    empty for rows that only have a grammatical role (`kind` other than ``event``).
    """

    lemma: str
    pos: str
    args: frozenset[str]
    cameo: str
    kind: str
    needs: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs", tuple(_words_of(alt) for alt in sorted(self.args)))

    def meets(self, complements: set[str]) -> bool:
        """Does one of the row's alternatives occur among `complements`?"""
        return not self.needs or any(need <= complements for need in self.needs)

    @property
    def specificity(self) -> int:
        """Words its most demanding alternative needs (0 for a row without args)."""
        return max((len(need) for need in self.needs), default=0)


def _words_of(alternative: str) -> frozenset[str]:
    """ "off+talks" -> {off, talks}; the pseudo-word "+dobj" keeps its leading "+"."""
    return frozenset(w for w in re.split(r"(?<=[^+])\+", alternative) if w)


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("dyad.data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header


def quad_class(cameo: str) -> int:
    """GDELT's quad class from the CAMEO root: 01-05 verbal cooperation, 06-08 material
    cooperation, 09-13 verbal conflict, 14-20 material conflict."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    return {row[0]: float(row[1]) for row in _data_lines("goldstein.tsv")}


@lru_cache(maxsize=1)
def code_table() -> dict[str, CodeInfo]:
    """CAMEO code -> CodeInfo for every code of cameo2plover.tsv."""
    scores = goldstein_table()
    table: dict[str, CodeInfo] = {}
    for row in _data_lines("cameo2plover.tsv"):
        row = row + [""] * (5 - len(row))
        code, plover, mode, context, description = (cell.strip() for cell in row[:5])
        if code in _EVENT_OVERRIDES:
            plover, mode = _EVENT_OVERRIDES[code]
        fixed_mode: str | None = _MODE_FIXES.get(mode, mode) if mode else None
        fixed_mode = _CODE_MODE_FIXES.get(code, fixed_mode)
        first_context = context.split(";")[0].strip() if context else ""
        fixed_context = _CONTEXT_FIXES.get(first_context, first_context) or None
        score = scores.get(code, scores.get(code[:3], scores.get(code[:2], 0.0)))
        table[code] = CodeInfo(
            code, plover, fixed_mode, fixed_context, quad_class(code), score, description
        )
    return table


def code_info(cameo: str) -> CodeInfo:
    """The CodeInfo of a CAMEO code. Raises KeyError for a code outside the table."""
    return code_table()[cameo]


@lru_cache(maxsize=1)
def trigger_rules() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """(lemma, pos) -> its rules: rows needing a combination of words first ("off+talks"),
    then rows with argument words, then bare rows; file order within each group.

    Checked at load: every CAMEO code named must exist in cameo2plover.tsv.
    """
    table = code_table()
    rules: dict[tuple[str, str], list[TriggerRule]] = defaultdict(list)
    for number, row in enumerate(_data_lines("cameo_verbs.tsv"), start=3):
        row = row + [""] * (5 - len(row))
        lemma, pos, args, cameo, kind = (cell.strip() for cell in row[:5])
        kind = kind or "event"
        if kind not in KINDS or pos not in ("V", "N") or not lemma:
            raise ValueError(f"cameo_verbs.tsv line {number}: bad row {row!r}")
        if kind == "event" and cameo not in table:
            raise ValueError(f"cameo_verbs.tsv line {number}: unknown CAMEO code {cameo!r}")
        words = frozenset(w.strip() for w in args.split("|") if w.strip())
        rules[(lemma, pos)].append(TriggerRule(lemma, pos, words, cameo, kind))
    unknown = {v for v in IRREGULAR_FORMS.values() if (v, "V") not in rules}
    if unknown:
        raise ValueError(f"IRREGULAR_FORMS names verbs outside cameo_verbs.tsv: {unknown}")
    return {key: tuple(sorted(val, key=lambda r: -r.specificity)) for key, val in rules.items()}


def rules_for(lemma: str, pos: str) -> tuple[TriggerRule, ...]:
    return trigger_rules().get((lemma.lower(), pos), ())


def kind_of(lemma: str) -> str | None:
    """The grammatical kind (intent, aspect, report, light, negator) of a verb, if any."""
    for rule in rules_for(lemma, "V"):
        if rule.kind not in ("event", "exclude"):
            return rule.kind
    return None


def match(lemma: str, pos: str, complements: set[str]) -> TriggerRule | None:
    """The first event rule of `lemma` whose argument words meet `complements`; None when
    none does or when an ``exclude`` row matches first."""
    for rule in rules_for(lemma, pos):
        if rule.kind not in ("event", "exclude"):
            continue
        if rule.meets(complements):
            return rule if rule.kind == "event" else None
    return None


# Announced cooperation of any kind is AGREE: the manual says so of CONSULT, SUPPORT,
# COOPERATE and AID, and cameo2plover maps every CAMEO "express intent to ..." code (03x,
# including 035x intent to yield, release, ease sanctions, de-escalate) to AGREE, so we
# apply it to CONCEDE and RETREAT too (docs/events.md).
_FUTURE_REDUCTION = {
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "AGREE",
    "CONCEDE": "AGREE",
}


_MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def plover_label(plover: str, *, future: bool, negated: bool, hypothetical: bool = False) -> str:
    """The PLOVER category a coder following the manual would output for an event we keep
    with its own type plus flags (dyad keeps "will hold an exercise" as COOPERATE+future so
    chronologies can show planned events; PLOVER codes it AGREE). Announced or conditional
    material conflict ("will impose", "may halt") is THREATEN, as the manual's auxiliary
    modes section says of ASSAULT + hypothetical. A refused cooperative action ("will not
    accept", "did not agree") is REJECT."""
    if negated:
        return "REJECT" if plover in _FUTURE_REDUCTION or plover == "AGREE" else plover
    if (future or hypothetical) and plover in _MATERIAL_CONFLICT:
        return "THREATEN"
    if future:
        return _FUTURE_REDUCTION.get(plover, plover)
    return plover
