"""Source spans and speakers: who is quoted, resolved within the document.

The raw source span is kept as written ("he", "the senator", "Sen. Ted Cruz, R-Texas,");
`speaker` is the name it resolves to, read left to right through the document:
- a span holding a person's name gives that name, completed from an earlier full mention
  ("Cruz" after "Ted Cruz" is "Ted Cruz"), or the actor component's name for it;
- "he"/"she"/"him"/"her" is the last person named before it;
- a definite role noun ("the senator", "the minister") is the last person named with that
  role word next to the name ("Sen. Ted Cruz", "Ted Cruz, the senator from Texas").
Anything else (I, we, they, "officials") stays unresolved: never guessed. A resolved speaker
takes the actor code of the person the actor component found for that name (directly, or
through an earlier quote of the same speaker whose source held the actor mention).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.nlp.extensions import text_of
from dyad.nlp.quotes.affiliation import actor_of, kb_person
from dyad.nlp.quotes.found import Found
from dyad.types import ActorMention, Quote

Spans = tuple[tuple[int, int], ...]
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_DETERMINERS = frozenset({"the", "this", "that"})
_ROLE_DEPS = frozenset({"compound", "appos", "amod"})
_EDGE_SKIP = frozenset({"cc", "punct", "prep", "mark"})
_DASHES = frozenset({"—", "--", "–", "-"})
# a quantity's modifiers, inside PolNeAR's sources ("about half", "only 4 in 10", "at least")
_QUANTITY_ADVS = frozenset(
    {"at", "about", "nearly", "almost", "only", "just", "roughly", "some", "over", "around",
     "approximately", "least", "most"}
)  # fmt: skip
_FLOATING = frozenset({"both", "all", "each"})


class People:
    """The people a Doc names, in text order, with role words found next to them."""

    def __init__(self, doc: Doc, actors: Sequence[ActorMention] = ()) -> None:
        self.full: dict[str, str] = {}  # last word -> longest full name
        self.mentions: list[tuple[int, str, frozenset[str]]] = []  # char, name, role words
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            kb = kb_person(actors, ent.start_char, ent.end_char)
            name = kb.name if kb and kb.name else _strip_possessive(ent.text)
            words = name.split()
            if not words:
                continue
            if len(words) > 1 and len(name) > len(self.full.get(words[-1], "")):
                self.full[words[-1]] = name
            # a leader the knowledge base knows has its role from there: the parse can hang
            # a stranger's description on the name ("with Putin, a scholar at ... noted")
            roles = frozenset(kb.role.lower().split()) if kb and kb.role else None
            self.mentions.append((ent.start_char, name, roles or self._roles(ent.root)))
        self.starts = [m[0] for m in self.mentions]

    @staticmethod
    def _roles(root: Token) -> frozenset[str]:
        words = {c.lemma_.lower() for c in root.children
                 if c.dep_ in _ROLE_DEPS and c.pos_ == "NOUN"}  # fmt: skip
        for c in root.children:  # "Ted Cruz, the senator from Texas": the appositive's head
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                words.add(c.lemma_.lower())
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            words.add(root.head.lemma_.lower())
        for c in root.children:  # titles spaCy leaves outside the entity: "Sen.", "Gov."
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ != "PERSON":
                words.add(c.lower_.rstrip("."))
        return frozenset(words)

    def complete(self, name: str) -> str:
        words = name.split()
        if len(words) == 1:
            return self.full.get(words[0], name)
        return name

    def last_before(
        self, char: int, role: str | None = None, quoted: Spans = ()
    ) -> tuple[int, str] | None:
        """(position, name) of the last person named before `char` (with `role` next to the
        name), skipping names inside quotations: a speaker does not name himself in what he
        says ("'... the needs of Putin ...,' he adds" is not Putin speaking)."""
        k = bisect_left(self.starts, char)
        for pos, name, roles in reversed(self.mentions[:k]):
            if any(s <= pos < e for s, e in quoted):
                continue
            if role is None or role in roles:
                return pos, self.complete(name)
        return None


@dataclass(frozen=True, slots=True)
class _Said:
    """An earlier quote's source, for resolving "the scholar" and "he" after it."""

    start: int
    head: str  # lemma of the source's head noun ("scholar"), "" for names and pronouns
    singular: bool  # one person could be meant by "he"/"she"
    speaker: str  # the resolved speaker, else the source as written
    code: str | None


def source_range(found: Found, cue_ids: set[int]) -> tuple[int, int] | None:
    """Character span of the source phrase: the source token's subtree, cut at the cue, the
    content, a line break and any clause holding another cue with a clause of its own ("Mr.
    Leenders, who estimated that …"; "who supports Mr. X" stays, as in PolNeAR), trimmed of
    punctuation, conjunctions, focus adverbs ("even", but not "about" in "about half"),
    floating quantifiers ("both") and a dateline ("WASHINGTON —", "RENO, Nev. (AP) —") at
    its edges."""
    if found.source_span is not None:
        return found.source_span
    tok = found.source
    if tok is None or _in_content(tok, found):
        return None
    doc = tok.doc
    ids = {t.i for t in tok.subtree}
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl") and any(c.i in cue_ids for c in t.subtree):
            ids -= {c.i for c in t.subtree}
    ids.discard(found.cue_tok.i)
    lo = hi = tok.i
    while lo - 1 in ids and not _in_content(doc[lo - 1], found) and "\n" not in doc[lo - 1].text:
        lo -= 1
    while hi + 1 in ids and not _in_content(doc[hi + 1], found) and "\n" not in doc[hi + 1].text:
        hi += 1
    for k in range(lo, tok.i):  # a dateline: "WASHINGTON — Sen. …", "RENO, Nev. (AP) — …"
        if doc[k].text in _DASHES and _dateline(doc[lo:k]):
            lo = k + 1
    while lo < tok.i and _edge_skip(doc[lo]):
        lo += 1
    while hi > tok.i and (doc[hi].dep_ in _EDGE_SKIP or doc[hi].is_punct
                          or doc[hi].lower_ in _FLOATING):  # fmt: skip
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _dateline(before: Span) -> bool:
    """Words before a dash that make a dateline: all capitals, or closed by the agency in
    brackets ("RENO, Nev. (AP)", "Dec 29 (Reuters)")."""
    if all(t.is_upper or t.is_punct for t in before):
        return True
    return len(before) > 1 and before[-1].text == ")"


def _edge_skip(tok: Token) -> bool:
    """A word left off the start of a source: punctuation, a conjunction, a focus adverb
    ("even Republicans"), but not a quantity's modifier ("about half", "at least a third"):
    PolNeAR keeps those."""
    if tok.is_punct or tok.dep_ in ("cc", "mark"):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    if tok.dep_ == "prep":
        return not (tok.lower_ == "at" and nxt.lower_ in ("least", "most"))
    if tok.dep_ == "advmod" and tok.pos_ == "ADV":
        return tok.lower_ not in _QUANTITY_ADVS
    return False


def _in_content(tok: Token, found: Found) -> bool:
    return any(s <= tok.idx < e for s, e in found.content)


def _speaker(
    doc: Doc, start: int, end: int, people: People, quoted: Spans, said: list[_Said]
) -> _Said | str | None:
    """Who a source span names: a name, or an earlier quote's speaker (`_Said`) that a
    definite description or a pronoun refers back to, or None (never guessed)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    name = _person_in(span)
    if name is not None:
        return people.complete(name.removesuffix("'s").removesuffix("’s").strip())
    root = span.root
    if root.lower_ in _PRONOUNS:
        named = people.last_before(start, quoted=quoted)
        last = next((x for x in reversed(said) if x.singular), None)
        if last is not None and (named is None or last.start > named[0]):
            return last  # the speaker of the quote just before is the one spoken of
        return named[1] if named else None
    if root.pos_ == "NOUN" and any(t.lower_ in _DETERMINERS for t in span[:1]):
        role = root.lemma_.lower()
        same = next((x for x in reversed(said) if x.head == role), None)
        if same is not None:
            return same  # "a scholar at the CIIS noted ..." ... "The scholar argued ..."
        named = people.last_before(start, role=role, quoted=quoted)
        return named[1] if named else None
    return None


def _person_in(span: Span) -> str | None:
    """The text of the first PERSON entity lying wholly inside `span` (as `span.ents` would
    give it, without building the document's entity list on every call)."""
    doc = span.doc
    i = span.start
    while i < span.end:
        tok = doc[i]
        if tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= span.end:
                return doc[i:j].text
            return None
        i += 1
    return None


def _said(doc: Doc, start: int, end: int, speaker: str | None, code: str | None) -> _Said:
    span = doc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None else None
    head = root.lemma_.lower() if root is not None and root.pos_ == "NOUN" else ""
    singular = root is not None and root.tag_ in ("NN", "NNP") and (
        root.ent_type_ in ("PERSON", "") or speaker is not None)  # fmt: skip
    return _Said(start, head, singular, speaker or text_of(doc)[start:end], code)


def _strip_possessive(text: str) -> str:
    return text.removesuffix("'s").removesuffix("’s").strip()


def _person_codes(mentions: list[ActorMention]) -> dict[str, str]:
    """Actor codes of the people the actor component resolved, by knowledge-base name."""
    return {m.actor.name: m.actor.code for m in mentions
            if m.actor is not None and m.actor.kind == "person" and m.actor.name}  # fmt: skip


def to_quotes(doc: Doc, founds: list[Found]) -> list[Quote]:
    """Build the Quote values, with sources, speakers and actor codes."""
    mentions = list(doc._.dyad_actors or []) if doc.has_extension("dyad_actors") else []
    people = People(doc, mentions)
    doc_id = doc._.dyad_doc_id if doc.has_extension("dyad_doc_id") else None
    text = doc.text
    out = []
    cue_ids = {f.cue_tok.i for f in founds if f.frame in ("clause", "ccomp")}
    quoted = tuple(c for f in founds for c in f.content)
    codes = _person_codes(mentions)  # speaker name -> actor code, grown as quotes resolve
    said: list[_Said] = []
    for f in founds:
        rng = source_range(f, cue_ids)
        speaker = actor_code = None
        if rng is not None:
            who = _speaker(doc, rng[0], rng[1], people, quoted, said)
            if isinstance(who, _Said):
                speaker, actor_code = who.speaker, who.code
            else:
                speaker = who
            mention = actor_of(doc, mentions, rng[0], rng[1])
            if mention is not None and mention.actor is not None:
                actor_code = mention.actor.code
                name = mention.actor.name
                if (
                    mention.actor.kind == "person"
                    and name
                    and (speaker is None or (" " not in speaker and speaker in name))
                ):
                    speaker = name  # "Putin" -> the knowledge base's "Vladimir Putin"
            if speaker is not None and actor_code is not None:
                codes.setdefault(speaker, actor_code)
            elif speaker is not None and actor_code is None:
                actor_code = codes.get(speaker)  # "he says" after "says Alexei Pushkov, ..."
            said.append(_said(doc, rng[0], rng[1], speaker, actor_code))
        content = tuple(f.content)
        out.append(
            Quote(
                doc_id=doc_id or "",
                kind=f.kind,  # type: ignore[arg-type]
                content=content,
                text=" … ".join(text[s:e] for s, e in content),
                cue_start=f.cue[0],
                cue_end=f.cue[1],
                cue=text[f.cue[0] : f.cue[1]],
                source_start=rng[0] if rng else None,
                source_end=rng[1] if rng else None,
                source=text[rng[0] : rng[1]] if rng else None,
                speaker=speaker,
                actor_code=actor_code,
            )
        )
    return out
