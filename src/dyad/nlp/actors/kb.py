"""The actor knowledge base: countries, IGOs, named people with dated terms, organisations,
role terms and blocking place names, read from the packaged TSV files in ``dyad/data``.

Why a plain-data KB: actor resolution must be auditable (every code traces to a row with a
named source) and editable without touching code. The component builds its PhraseMatchers
from the alias tables here; the temporal and events stages use the lookups.

Public lookups on the object returned by ``load_kb()`` (cached, one per process):

- ``kb.country(code) -> Country | None``: an ISO alpha-3 (or ``SUN``) country row.
- ``kb.igo(code) -> Igo | None``: an IGO row (``IGOUNO``...).
- ``kb.region(code) -> Igo | None``: a regional grouping (``WST`` the West, ``EUR`` Europe).
- ``kb.country_of_place(text) -> str | None``: the country of a place name: country names,
  capitals and seats ("Moscow", "the Kremlin") and major cities ("Shanghai") -> ``RUS``...
- ``kb.people_named(name) -> tuple[Person, ...]``: every person with that exact alias
  ("Putin", "Vladimir Putin", "Xi Jingping"); several for ambiguous surnames.
- ``kb.terms(person) -> tuple[Term, ...]``: their terms of office (role, country, sector,
  start, end; end None = still in office), oldest first.
- ``kb.term_on(person, day) -> Term | None``: the term held on `day` (the highest office
  when several overlap, e.g. Putin's acting presidency and premiership).
- ``kb.holders(country, role, day) -> tuple[Person, ...]``: who held `role` in `country`
  on `day` ("the Chinese president" on 2014-05-20 -> Xi Jinping).
- ``kb.organisation_named(alias) -> Organisation | None`` and ``kb.role(term) -> Role | None``.
"""

from __future__ import annotations

import calendar
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from dyad.errors import KnowledgeBaseError

# Offices ranked for "which term counts" when a person holds several at once.
_RANK = (
    "monarch",
    "supreme leader",
    "president",
    "acting president",
    "general secretary",
    "prime minister",
    "vice president",
)


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    seats: tuple[str, ...]
    prefixes: tuple[str, ...]
    leader: str | None


@dataclass(frozen=True, slots=True)
class Igo:
    code: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    """One term of office. `country` is an ISO code or an IGO code (``IGOUNO``)."""

    country: str
    role: str
    sector: str | None
    start: date
    end: date | None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    term: str
    sector: str | None
    role: str
    kind: str
    title: bool


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(";") if p.strip())


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """Rows of a packaged TSV, skipping '#' comment lines; errors name the file."""
    try:
        text = resources.files("dyad").joinpath("data", filename).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise KnowledgeBaseError(f"actor data file {filename} is missing: {exc}") from exc
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeBaseError(f"{filename}: data row {number} has the wrong column count")
        yield row


# Words after a region's name that say what kind of unit it is: "Borno State", "Helmand
# province", "Kursk Oblast" are looked up without them when not found with them.
_ADMIN_WORDS = frozenset(
    "state province region oblast krai governorate prefecture district county".split()
)


def _plain(name: str) -> str:
    """A place name for lookup: whitespace runs (any kind) as one space, no leading article."""
    words = name.split()
    if len(words) > 1 and words[0] in ("the", "The"):
        words = words[1:]
    return " ".join(words)


def _day(value: str, *, end: bool, where: str) -> date:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; a partial date covers its whole period."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    except (ValueError, IndexError) as exc:
        raise KnowledgeBaseError(f"{where}: bad date {value!r}") from exc


class KnowledgeBase:
    """All actor tables with the lookups the stages need (see the module docstring)."""

    def __init__(self) -> None:
        self.roles = {
            r["term"].lower(): Role(
                r["term"].lower(), r["sector"] or None, r["role"], r["kind"], r["title"] == "1"
            )
            for r in _rows("roles.tsv")
        }
        self.countries: dict[str, Country] = {}
        for r in _rows("countries.tsv"):
            self.countries[r["code"]] = Country(
                r["code"],
                r["name"],
                _split(r["aliases"]),
                _split(r["adjectives"]),
                _split(r["seats"]),
                _split(r["prefixes"]),
                self._canonical(r["leader"]) or None,
            )
        groupings = [Igo(r["code"], r["name"], _split(r["aliases"])) for r in _rows("igos.tsv")]
        self.igos = {g.code: g for g in groupings if g.code.startswith("IGO")}
        # Regional groupings ("the West" -> WST): groups of states, not organisations.
        self.regions = {g.code: g for g in groupings if not g.code.startswith("IGO")}
        self.organisations = [
            Organisation(
                r["name"], _split(r["aliases"]), r["country"], r["sector"], _split(r["cues"])
            )
            for r in _rows("organisations.tsv")
        ]
        sectors = {r.sector for r in self.roles.values() if r.sector}
        for org in self.organisations:
            if org.country not in self.countries or org.sector not in sectors:
                raise KnowledgeBaseError(
                    f"organisations.tsv: {org.name}: unknown country or sector "
                    f"{org.country!r} {org.sector!r}"
                )
        place_rows = list(_rows("places.tsv"))
        self.places = tuple(r["name"] for r in place_rows if not r["country"])
        self._place_country: dict[str, str] = {}
        for r in place_rows:
            if r["country"] and r["country"] not in self.countries:
                raise KnowledgeBaseError(f"places.tsv: {r['name']}: unknown country")
        for country in self.countries.values():  # names and seats first, cities after
            for name in (*country.aliases, *country.seats):
                self._place_country.setdefault(_plain(name), country.code)
        for r in place_rows:
            if r["country"]:
                self._place_country.setdefault(_plain(r["name"]), r["country"])
        for r in _rows("regions.tsv"):  # "Darfur", "Northern Ireland", "Xinjiang"
            if r["country"] not in self.countries:
                raise KnowledgeBaseError(f"regions.tsv: {r['name']}: unknown country")
            self._place_country.setdefault(_plain(r["name"]), r["country"])
        self._load_people()
        self._orgs_by_alias = {a: o for o in self.organisations for a in o.aliases}
        self._add_world_places()
        for code, row in self.countries.items():
            if row.leader is None and any(
                t.country == code for ts in self._terms.values() for t in ts
            ):
                raise KnowledgeBaseError(f"countries.tsv: {code} has people but no leader role")

    def _add_world_places(self) -> None:
        """Cities of the world (world_places.tsv, GeoNames) after the curated names, except
        a name that is also a known person's or organisation's ("Obama" is a town in
        Japan, "Clinton" one in the US)."""
        names = {w for alias in self._by_alias for w in (alias, alias.split()[-1])}
        names.update(self._orgs_by_alias)
        for r in _rows("world_places.tsv"):
            if r["country"] not in self.countries:
                raise KnowledgeBaseError(f"world_places.tsv: {r['name']}: unknown country")
            if r["name"] not in names:
                self._place_country.setdefault(_plain(r["name"]), r["country"])

    def _canonical(self, term: str) -> str:
        """The canonical role of a role term ("king", "emir" -> "monarch", "taoiseach" ->
        "prime minister"), as people.tsv names offices; the term itself when unknown."""
        role = self.roles.get(term.lower())
        return role.role if role is not None else term

    def _load_people(self) -> None:
        aliases: dict[str, list[str]] = {}
        terms: dict[str, list[Term]] = {}
        for r in _rows("people.tsv"):
            where = f"people.tsv: {r['name']}"
            if r["country"] not in self.countries and r["country"] not in self.igos:
                raise KnowledgeBaseError(f"{where}: unknown country {r['country']!r}")
            names = aliases.setdefault(r["name"], [r["name"]])
            names += [a for a in _split(r["aliases"]) if a not in names]
            start = _day(r["start"], end=False, where=where)
            end = _day(r["end"], end=True, where=where) if r["end"] else None
            terms.setdefault(r["name"], []).append(
                Term(r["country"], r["role"], r["sector"] or None, start, end)
            )
        self.people = {n: Person(n, tuple(a)) for n, a in aliases.items()}
        self._terms = {n: tuple(sorted(ts, key=lambda t: t.start)) for n, ts in terms.items()}
        self._by_alias: dict[str, list[Person]] = {}
        for person in self.people.values():
            for alias in person.aliases:
                self._by_alias.setdefault(alias, []).append(person)

    # -- lookups -------------------------------------------------------------------------

    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def igo(self, code: str) -> Igo | None:
        return self.igos.get(code)

    def country_of_place(self, text: str) -> str | None:
        """The country a place name lies in: a country's own name, its capital or seat of
        power ("Moscow", "the Kremlin"), a major city listed in places.tsv ("Shanghai"), a
        region inside one country (regions.tsv: "Darfur", "Xinjiang"; "Borno State" is looked
        up as "Borno" when not listed as such), or any city of 15,000 people or more
        (world_places.tsv: "Samarra"); None when unknown.
        Whitespace and a leading "the" do not matter. For the events stage ("arrived in
        Moscow" is a visit to RUS, although "in Moscow" is not an actor) and for a group
        named after the place it lives in ("Darfur rebels", compose.py)."""
        name = _plain(text)
        found = self._place_country.get(name)
        words = name.split()
        if found is None and len(words) > 1 and words[-1].lower() in _ADMIN_WORDS:
            found = self._place_country.get(" ".join(words[:-1]))  # "Borno State" -> Borno
        return found

    def region(self, code: str) -> Igo | None:
        """A regional grouping row (``WST`` the West, ``EUR`` Europe...), or None."""
        return self.regions.get(code)

    def people_named(self, name: str) -> tuple[Person, ...]:
        return tuple(self._by_alias.get(name, ()))

    def terms(self, person: Person) -> tuple[Term, ...]:
        return self._terms.get(person.name, ())

    def term_on(self, person: Person, day: date) -> Term | None:
        held = [t for t in self.terms(person) if t.holds_on(day)]
        held.sort(key=lambda t: _RANK.index(t.role) if t.role in _RANK else len(_RANK))
        return held[0] if held else None

    def holders(self, country: str, role: str, day: date) -> tuple[Person, ...]:
        return tuple(
            p
            for p in self.people.values()
            if any(
                t.country == country and t.role == role and t.holds_on(day) for t in self.terms(p)
            )
        )

    def organisation_named(self, alias: str) -> Organisation | None:
        return self._orgs_by_alias.get(alias)

    def role(self, term: str) -> Role | None:
        return self.roles.get(term.lower())


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base, read once per process."""
    return KnowledgeBase()
