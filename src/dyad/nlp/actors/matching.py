"""Find the KB's names and role terms in a Doc: the raw "atoms" the component composes.

Why two PhraseMatchers: proper names (countries, capitals, IGOs, people, organisations,
blocking place names) are matched on ORTH so that "US" never matches the pronoun "us" and
"China" never matches porcelain; role terms ("president", "defence ministry") are common
nouns written in any case, so they are matched on LOWER. Names glued to other words by a
hyphen or slash inside one token ("U.S.-backed", "Russian-") are looked up piece by piece
in a dict, never by looping regexes over the KB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from dyad.nlp.actors.kb import KnowledgeBase

# Kinds of name atoms, in the order that wins when two match exactly the same tokens.
PRIORITY = ("place", "org", "igo", "person", "country", "region", "seat", "adjective",
            "prefix")
_PIECES = re.compile(r"[^-/\u2013]+")
# "Soviet-era", "Moscow-based", "Russian-made": the country qualifies a thing, it does not act.
SKIP_SUFFIX = frozenset(
    {"era", "based", "style", "born", "like", "type", "made", "built", "speaking", "language"}
)
# "pro-Russian", "anti-American", "post-Soviet": the mention is not the country acting.
SKIP_PREFIX = frozenset({"pro", "anti", "post", "pre", "non", "ex", "pan", "neo", "former"})


@dataclass(frozen=True, slots=True)
class Atom:
    """A KB name found in the text. `key` is a country/IGO code, an org name or a person
    alias; `start`/`end` are token indices (end exclusive); `char` overrides the character
    span for a piece of a hyphenated token."""

    start: int
    end: int
    kind: str
    key: str
    char: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class RoleMatch:
    start: int
    end: int
    term: str
    plural: bool


def _plural(term: str) -> str:
    """English plural of the last word of a role term (officials, secretaries, spokesmen);
    plurals name groups ("Chinese companies", "Russian officials")."""
    head, _, last = term.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _strip_article(alias: str) -> str:
    for article in ("the ", "The "):
        if alias.startswith(article) and len(alias) > len(article) + 2:
            return alias[len(article) :]
    return alias


class Matchers:
    """Both matchers for one Language's vocab, plus the piece dict for hyphenated tokens."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.pieces: dict[str, tuple[str, str]] = {}
        entries: dict[str, set[str]] = {}

        def add(kind: str, key: str, alias: str) -> None:
            entries.setdefault(f"{kind}|{key}", set()).add(_strip_article(alias))

        for c in kb.countries.values():
            for kind, aliases in (
                ("country", c.aliases),
                ("adjective", c.adjectives),
                ("seat", c.seats),
                ("prefix", c.prefixes),
            ):
                for alias in aliases:
                    add(kind, c.code, alias)
                    self.pieces.setdefault(alias, (kind, c.code))
        for igo in kb.igos.values():
            for alias in igo.aliases:
                add("igo", igo.code, alias)
        for region in kb.regions.values():
            for alias in region.aliases:  # "the West" keeps its article: "West" alone is not it
                entries.setdefault(f"region|{region.code}", set()).add(alias)
        for org in kb.organisations:
            for alias in org.aliases:
                add("org", org.name, alias)
        for person in kb.people.values():
            for alias in person.aliases:
                add("person", alias, alias)
        for place in kb.places:
            add("place", place, place)
        tokenizer = nlp.tokenizer
        for label, names in entries.items():
            self.names.add(label, [tokenizer(a) for a in sorted(names)])
        for term, role in kb.roles.items():
            self.roles.add(f"role|{term}", [tokenizer(term)])
            if role.kind in ("person", "organisation"):
                self.roles.add(f"plural|{term}", [tokenizer(_plural(term))])

    def atoms(self, doc: Doc) -> list[Atom]:
        """Every name match (overlapping; the component chooses) plus hyphen pieces."""
        vocab = doc.vocab.strings
        found = []
        for match_id, start, end in self.names(doc):
            kind, key = vocab[match_id].split("|", 1)
            found.append(Atom(start, end, kind, key))
        found.extend(self._across_spaces(doc))
        for token in doc:
            text = token.text
            if len(text) < 3 or not any(ch in text for ch in "-/\u2013"):
                continue
            pieces = list(_PIECES.finditer(text))
            for n, piece in enumerate(pieces):
                hit = self.pieces.get(piece.group())
                after = pieces[n + 1].group().lower() if n + 1 < len(pieces) else ""
                before = pieces[n - 1].group().lower() if n else ""
                if after in SKIP_SUFFIX or before in SKIP_PREFIX:
                    continue
                if hit is not None and piece.group() != text:
                    at = token.idx + piece.start()
                    found.append(
                        Atom(token.i, token.i + 1, hit[0], hit[1], (at, at + len(piece.group())))
                    )
        return found

    def _across_spaces(self, doc: Doc) -> list[Atom]:
        """Names split by an odd space inside a line ("Xi\u2009Jinping"): spaCy keeps each
        non-ASCII space as its own token, so the names are matched again on a copy without
        those tokens and mapped back. Costs nothing on text without such spaces."""
        odd = {t.i for t in doc if t.is_space and "\n" not in t.text and 0 < t.i < len(doc) - 1}
        if not odd:
            return []
        keep = [t.i for t in doc if t.i not in odd]
        squeezed = Doc(doc.vocab, words=[doc[i].text for i in keep])
        vocab = doc.vocab.strings
        out = []
        for match_id, start, end in self.names(squeezed):
            first, last = keep[start], keep[end - 1] + 1
            if last - first != end - start:  # only the matches that crossed a removed space
                kind, key = vocab[match_id].split("|", 1)
                out.append(Atom(first, last, kind, key))
        return out

    def role_matches(self, doc: Doc) -> list[RoleMatch]:
        """Role terms, longest first at each position, non-overlapping."""
        vocab = doc.vocab.strings
        raw = []
        for match_id, start, end in self.roles(doc):
            kind, term = vocab[match_id].split("|", 1)
            raw.append(RoleMatch(start, end, term, kind == "plural"))
        raw.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[RoleMatch] = []
        taken: set[int] = set()
        for m in sorted(raw, key=lambda m: -(m.end - m.start)):
            if not taken.intersection(range(m.start, m.end)):
                chosen.append(m)
                taken.update(range(m.start, m.end))
        return sorted(chosen, key=lambda m: m.start)
