"""Find temporal expressions in raw text with a set of regexes (fast: no per-token Python).

Each pattern runs only inside windows around its keywords (`windows.py`, same matches as a
full scan at a fraction of the cost) and yields a `Mention`: a span, a kind and the named groups it matched. Candidates
overlapping a longer one are dropped (the longest reading wins, so "May 20-26" beats
"May 20"). Normalisation (values, ranges) happens in `normalise.py`, which needs the anchor
date; recognition does not, so publication-date inference can reuse these mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.nlp.temporal.lexicon import (
    DAY,
    MONTH,
    MONTH_FULL,
    NUMBER,
    UNIT,
    UNIT_SG,
    VAGUE,
    WEEKDAY,
    YEAR,
)
from dyad.nlp.temporal.windows import finditer, key_of, keyed, windows


@dataclass(slots=True)
class Mention:
    """A recognised temporal expression before normalisation."""

    start: int
    end: int
    text: str
    kind: str
    g: dict[str, str | None] = field(default_factory=dict)


_MOD = (
    r"(?P<mod>(?i:(?:the\s+)?(?:very\s+)?(?:early|late|mid)(?:-|\s+)"
    r"|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close)\s+of\s+(?:the\s+)?))?"
)
_REL = r"(?P<rel>this|last|next|past|coming|previous|current|following)"
_ATOM = rf"(?:{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?|{MONTH}(?:,?\s+{YEAR})?|{DAY}(?:,?\s+{YEAR})?|{YEAR})"  # noqa: E501
# "May 20 last year", "20 April of next year": the year told relative to the anchor
_YREL = r"\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+year\b"
_SEP = r"\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\band\b)\s*"
_COUNT_NOUNS = (
    r"people|persons|workers|employees|jobs|units|vehicles|cars|points|troops|soldiers|km"
    r"|kilometers|kilometres|miles|metres|meters|tons|tonnes|barrels|shares|members|dollars"
    r"|euros|yuan|rubles|roubles|feet|residents|students|cases|deaths|aircraft|planes|ships"
    r"|tanks|missiles|votes|seats|stores|dealers|plants|acres|hectares"
)
_ZONE = r"(?:\s*\(?\s*(?P<zone>UTC|GMT|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|JST|MSK)(?:\s*(?P<off>[+-]\s*\d{1,2}))?\s*\)?)"  # noqa: E501

_I = re.IGNORECASE
_PATTERNS: list[tuple[str, str, int]] = [
    (
        "iso",
        rf"(?<![\w/-])(?P<y>{YEAR[:-8]})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])",
        0,
    ),  # noqa: E501
    (
        "numeric",
        r"(?<![\w/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\w/])",
        0,
    ),  # noqa: E501
    ("range", rf"(?:(?P<pre>(?i:from|between))\s+)?(?P<a>{_ATOM}){_SEP}(?P<b>{_ATOM})", 0),
    ("range", rf"(?P<a>{DAY})\s*(?:-|–)\s*(?P<b>{DAY}\s+{MONTH}(?:,?\s+{YEAR})?)", 0),
    ("date", rf"{_MOD}(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR})|{_YREL})?", 0),
    (
        "date",
        rf"{_MOD}(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR})|{_YREL})?",
        0,
    ),  # noqa: E501
    ("date", rf"{_MOD}(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))", 0),  # noqa: E501
    ("date", rf"{_MOD}(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<mon>{MONTH_FULL})", 0),
    (
        "date",
        rf"{_MOD}(?:(?P<fy>(?i:fiscal(?:\s+year)?))\s+)?(?<![\w$€£/#.,])(?P<y>{YEAR})(?![.,]\d)(?!\s*(?:%|percent|per cent))(?!\s+(?:{_COUNT_NOUNS})\b)",
        0,
    ),  # noqa: E501
    (
        "decade",
        rf"{_MOD}(?:the\s+)?(?:(?P<c>1[0-9]|20)(?P<d>\d)0s|['’](?P<d2>\d)0s|(?:(?<=the )|(?<=0s and )|(?<=0s or ))(?P<d3>[2-9])0s)(?!\w)",
        0,
    ),  # noqa: E501
    (
        "century",
        rf"{_MOD}(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century",
        _I,
    ),  # noqa: E501
    (
        "quarter",
        rf"(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<yrel>this|last|next|the)\s+year))?",
        _I,
    ),  # noqa: E501
    ("quarter", rf"\bQ(?P<q>[1-4])\s+(?P<y>{YEAR})", 0),
    (
        "half",
        rf"(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|(?P<yrel>this|last|next|the)\s+year)",
        _I,
    ),  # noqa: E501
    (
        "season",
        rf"{_MOD}(?:(?P<rel>this|last|next|past|coming)\s+)?\b(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
        _I,
    ),  # noqa: E501
    (
        "day",
        r"\b(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
        _I,
    ),  # noqa: E501
    ("day", r"\b(?P<adv>earlier|later)\s+(?P<w>today)\b", _I),
    ("day", r"\b(?P<w>this)\s+(?P<part>morning|afternoon|evening)\b", _I),
    (
        "rel",
        rf"{_MOD}(?:(?P<adv>earlier|later|early|late)\s+)?(?:(?P<the>the)\s+)?{_REL}\s+(?P<unit>week(?:end)?|month|year|quarter|decade|century)\b",
        _I,
    ),  # noqa: E501
    (
        "rel",
        rf"{_MOD}(?P<the>the)\s+(?P<unit>year|month|week)\s+(?P<rel>before|previous|earlier)\b",
        _I,
    ),  # noqa: E501
    (
        "rel",
        r"(?P<mod>(?i:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close)\s+of\s+))(?P<the>the)\s+(?P<unit>year|month|week)\b",
        _I,
    ),  # noqa: E501
    ("rel", r"\b(?P<the>the)\s+(?P<unit>weekend)\b", _I),
    (
        "ago",
        rf"(?:(?P<approx>almost|nearly|about|around|some|just|only|over|more than)\s+)?\b(?P<n>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|from now|hence)\b",
        _I,
    ),  # noqa: E501
    (
        "weekday",
        rf"(?:\b(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
        0,
    ),  # noqa: E501
    (
        "anaphor",
        r"(?:\b(?P<adv>later|earlier)\s+(?:on\s+)?)?\b(?:(?:the|that)\s+)?(?P<which>same|next|following|previous|preceding)\s+day\b",
        _I,
    ),  # noqa: E501
    ("anaphor", r"\b(?:later\s+|earlier\s+)?(?P<which>that)\s+day\b", _I),
    ("anaphor", r"\bthe\s+day\s+(?P<which>before|after)\b(?!\s+\w+ing\b)", _I),
    (
        "anaphor",
        r"\b(?:(?:late|later|earlier|early)\s+in|(?:at\s+)?the\s+(?:start|end|beginning|close|rest|remainder)\s+of)\s+the\s+day\b",
        _I,
    ),  # noqa: E501
    (
        "same",
        r"\b(?:the\s+)?same\s+(?P<unit>period|month|quarter|week|day|time)\s+(?:of\s+)?(?:last\s+year|(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior|preceding|last)\s+year|the\s+year\s+before)\b",
        _I,
    ),  # noqa: E501
    (
        "weekofmonth",
        rf"\b(?:the\s+)?(?P<o>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONTH_FULL})(?:,?\s+(?P<y>{YEAR}))?",
        0,
    ),  # noqa: E501
    (
        "anaphor",
        r"\bthe\s+day\b(?!\s+(?:of|when|that|in|on|which|for|is|was|will|he|she|they|it|we)\b)(?!['’]s)",
        _I,
    ),  # noqa: E501
    ("anaphor", r"\b(?:that|the\s+same)\s+(?P<part>morning|afternoon|evening|night)\b", _I),
    (
        "ref",
        r"\b(?P<v>now|currently|presently|nowadays|at present|these days|for the time being|recently|lately|more recently|recent(?:\s+(?:years|months|weeks|days|times|history))?|current|soon|very soon|shortly|in future|the (?:near |distant )?future|the (?:near|short|medium|long|longer)[- ]term|in the coming (?:days|weeks|months|years)|in the past|the past(?!\s+(?:\d|"
        + NUMBER[3:-1]
        + r"|several|few|many|"
        + UNIT
        + r")\b))\b(?!-)",
        _I,
    ),  # noqa: E501
    ("set", rf"\b(?:every|each|per)\s+(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT})\b", _I),
    ("set", rf"\bevery\s+(?P<mon>{MONTH_FULL}|{WEEKDAY})", 0),
    (
        "set",
        r"\b(?P<adv>annually|yearly|monthly|weekly|daily|hourly|quarterly|biannually|nightly|annual)\b",
        _I,
    ),  # noqa: E501
    (
        "set",
        rf"\b(?P<times>\d+(?:\s*[-–]\s*\d+)?\s+times|once|twice|thrice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each)\s+(?P<unit>{UNIT_SG})\b",
        _I,
    ),  # noqa: E501
    ("set", r"(?:(?<=\d )|(?<=illion )|(?<=\d% ))(?:a|per)\s+(?P<unit>day|week|month|year)\b", _I),  # noqa: E501
    (
        "duration",
        rf"(?:\b(?P<approx>almost|nearly|about|around|approximately|roughly|over|just|only|some|up to)\s+)?(?:\b(?P<the>the)\s+(?P<dir>past|last|next|coming|previous|first|following|final)\s+)?\b(?P<n>{NUMBER}|{VAGUE})(?:\s+|-)(?:(?:straight|consecutive|successive|full|trading|business|working|calendar)\s+)?(?P<unit>{UNIT})(?:[- ](?P<long>long|old))?\b",
        _I,
    ),  # noqa: E501
    (
        "duration",
        rf"\b(?P<n>{NUMBER})(?=\s*(?:-|–|\bto\b|\band\b|\bor\b)\s*(?:{NUMBER})(?:\s+|-)(?:(?:straight|consecutive|successive|full)\s+)?(?P<unit>{UNIT})\b)",
        _I,
    ),  # noqa: E501  the first number of "60 to 90 days", "two or three weeks"
    ("duration", rf"\b(?P<unit>{UNIT_SG})-long\b", _I),
    ("duration", r"\b(?P<vague>decades|years|months|weeks)-long\b", _I),
    ("duration", r"\b(?P<over>over the|in recent)\s+(?P<vague>years|decades|months|weeks)\b", _I),  # noqa: E501
    (
        "duration",
        r"(?:(?<=\bfor )|(?<=\bin )|(?<=\bwithin )|(?<=\bjust ))(?P<vague>years|decades|months|weeks|hours|minutes)\b(?!\s+(?:of|ago|before|after|later|earlier)\b)",
        _I,
    ),  # noqa: E501
    (
        "time",
        rf"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)?{_ZONE}?(?:\s*,?\s*(?P<anchor>today|yesterday|tomorrow|{WEEKDAY}))?",
        0,
    ),  # noqa: E501
    ("time", rf"(?<![\d:.,])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d){_ZONE}", 0),
    ("time", r"\b(?P<noon>noon|midnight)\b", _I),
    (
        "part",
        r"(?:(?<=\bin the )|(?<=\bduring the )|(?<=\bin ))(?P<part>morning|afternoon|evening)\b",
        _I,
    ),  # noqa: E501
]


def _compile(rx: str, flags: int) -> re.Pattern[str]:
    """Compile with a leading word-boundary guard when the pattern opens on a word: the
    regex engine then skips most positions at once (the stage must stay cheap)."""
    if rx.startswith(("{", "(?P<mod>", "(?:(?P<", "(?:\\b", "(?P<a>")) or rx.startswith(_MOD):
        rx = r"\b" + rx if not rx.startswith("\\b") else rx
    return re.compile(rx, flags)


_COMPILED = [(kind, _compile(rx, flags), key_of(kind, rx)) for kind, rx, flags in _PATTERNS]

_MAY_CUE = re.compile(
    r"(?i:\b(?:in|of|since|until|till|by|from|to|through|during|early|late|mid|last|next|this|"
    r"before|after|between|and|or|on|as of)\s*-?)\s*$"
)
_NUMBER_CUE = re.compile(r"(?i:\b(?:no\.|number|flight|model|route))\s*$")
_ATOM_RX = re.compile(
    rf"(?:(?P<mon>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH})|"
    rf"(?P<mon3>{MONTH})|(?P<d3>{DAY}))?(?:,?\s*(?P<y>{YEAR}))?"
)


def parse_atom(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of one side of a range ("August 24", "29, 2014", "2009")."""
    from dyad.nlp.temporal.lexicon import month_number

    m = _ATOM_RX.fullmatch(text.strip())
    if m is None:
        return None, None, None
    mon = m["mon"] or m["mon2"] or m["mon3"]
    day = m["d"] or m["d2"] or m["d3"]
    return (
        int(m["y"]) if m["y"] else None,
        month_number(mon) if mon else None,
        int(re.sub(r"\D", "", day)) if day else None,
    )


_NAME_WORD = re.compile(r"\b([A-Z][a-z]+)\s$")
_NOT_NAMES = frozenset(
    """The This That These Those Its Their His Her Our Last Next Every Each
    In By Since Until Till From Through To Of Before After During Around About Early Late
    Mid Fiscal Year Spring Summer Autumn Fall Winter Christmas Easter And Or Between Circa Since
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)


def _in_name(before: str) -> bool:
    """A bare year right after a capitalised word that is not a month, season or
    preposition is part of a name ("Peace Mission 2014", "Vision 2030")."""
    m = _NAME_WORD.search(before)
    return m is not None and m.group(1) not in _NOT_NAMES


def _valid(kind: str, m: re.Match[str], text: str) -> bool:
    """Reject readings the regex alone cannot rule out (cheap checks on few matches)."""
    g = m.groupdict()
    before = text[max(0, m.start() - 14) : m.start()]
    if kind == "range":
        (ya, ma, da), (yb, mb, db) = parse_atom(g["a"]), parse_atom(g["b"])
        if ma is None and mb is None and (ya is None or yb is None):
            return False  # "2 to 3", "May 5 and 2015" has no calendar meaning as a range
        if re.match(r"\s*:\d", text[m.end() :]):
            return False  # "January 25, 2011 - 16:00 ET": the end is a clock time
        if ma is not None and mb is None and da and db and db < da and yb is None:
            return False  # "May 25-16" is no range
        if (da is None) != (db is None) and not (ma is not None and mb is None and da):
            return ma is not None and mb is not None
        if ya is None and yb is None and ma is None:
            return False
        sep_and = " and " in m.group(0) and not g.get("pre")
        if sep_and and (da is None or db is None):
            return False  # "March and May" is a list unless introduced by "between"
        return g.get("pre") is not None or da is not None or db is not None or "-" in m.group(0)
    if kind == "date":
        mon = g.get("mon")
        bare_may = mon == "May" and not (g.get("d") or g.get("y") or g.get("yrel"))
        if bare_may and not (g.get("mod") or g.get("rel") or _MAY_CUE.search(before)):
            return False  # "may" the modal verb
        if g.get("y") and not mon and not g.get("mod") and before.endswith("-"):
            return False  # "Joint Sea-2014" names an exercise, not a year
        if g.get("y") and not mon and not g.get("mod") and _in_name(before):
            return False  # "Peace Mission 2014", "Vision 2030", "Euro 2012": a name
        return not (g.get("y") and not mon and _NUMBER_CUE.search(before))
    if kind == "season":
        if g["s"].lower() == "fall" and not (g.get("rel") or g.get("y")):
            return False
        return not re.search(r"\b[A-Z][a-z]+\s+$", before) or bool(g.get("rel"))
    if kind == "time":
        return bool(
            g.get("zone")
            or g.get("ampm")
            or g.get("noon")
            or (g.get("min") and g.get("anchor"))
            or (g.get("min") and re.search(r"(?i:\bat\s*)$", before))
        )  # noqa: E501
    if kind == "duration":
        n = (g.get("n") or "").lower()
        unit = (g.get("unit") or "").lower()
        if unit.startswith("second") and n in ("a", "an"):
            return False
        sequence = re.search(r"(?i:consecutive|straight|successive)", m.group(0))
        if unit.startswith("quarter") and not sequence and re.match(
            r"\s*,?\s*of\b(?!\s+an?\s+(?:century|hour))", text[m.end() :]
        ):
            return False  # "a quarter of its dealers" is a fraction
        if n in ("some", "many") and g.get("dir") is None and g.get("approx") is None:
            return unit.endswith("s") and n != "some"
        if n == "one" and unit == "day" and not g.get("long"):
            return not re.match(r"\s*,", text[m.end() :])
    if kind == "anaphor" and g.get("which") is None and m.group(0).lower().startswith("the day"):
        return not re.search(r"(?i:\b(?:of|one|every|each|a|per)\s*)$", before)
    return True


def recognise(text: str, windowed: bool = True) -> list[Mention]:
    """All temporal expressions in `text`, longest-first without overlaps, sorted by start.

    `windowed=False` scans the whole text with every pattern (the reference the keyword
    windows are tested against).
    """
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    low, keys = keyed(text)
    for prio, (kind, rx, key) in enumerate(_COMPILED):
        if key not in spans:
            spans[key] = windows(low, keys[key]) if windowed else [(0, len(text))]
        for m in finditer(rx, text, spans[key]):
            s, e = m.span()
            while e > s and text[e - 1] in " ,\t\n":
                e -= 1
            if e <= s or not _valid(kind, m, text):
                continue
            cands.append((s, e, prio, kind, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for s, e, _prio, kind, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(Mention(s, e, text[s:e], kind, m.groupdict()))
    out.sort(key=lambda x: (x.start, x.end))
    return out
