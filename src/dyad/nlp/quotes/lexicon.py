"""The cue lexicon (``dyad/data/quote_cues.tsv``): reporting verbs and phrases.

Each row is a verb lemma (or a phrase such as "according to") with the grammatical
relations its content may take, in order of preference:
- ``clause``: a complement clause or a quotation ("said that ...", "said: “...”");
- ``ccomp``: a complement clause only (verbs that report only with one: "found that …");
- ``object``: a direct object ("criticized the plan");
- ``xcomp``: an open complement ("wants to leave", "urged him to leave");
- ``prep``: the object of a preposition ("talked about the plan");
- ``phrase``: a prepositional phrase naming the source ("according to X, ...");
- ``noun``: the lemma is also a cue as a noun with a "that"-clause ("the claim that ...");
- ``raise``: a verb of appearance whose subject and complement are the content, with no
  source ("The deal seems to be collapsing").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.datafiles import read_data
from dyad.errors import KnowledgeBaseError

FRAMES = frozenset({"clause", "ccomp", "object", "xcomp", "prep", "phrase", "noun", "raise"})
FILE = "quote_cues.tsv"


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    frames: tuple[str, ...]


@lru_cache(maxsize=4)
def cues(name: str = FILE) -> dict[str, Cue]:
    """Verb lemmas and phrases (lower case) -> their Cue, from the packaged lexicon or the
    file `name`; KnowledgeBaseError when malformed."""
    text = read_data(name)
    out: dict[str, Cue] = {}
    header_seen = False
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(cols) < 2:
            raise KnowledgeBaseError(f"{name} line {no}: expected cue<TAB>frames")
        frames = tuple(f.strip() for f in cols[1].split(",") if f.strip())
        if not frames or not set(frames) <= FRAMES:
            raise KnowledgeBaseError(f"{name} line {no}: unknown frame in {cols[1]!r}")
        lemma = cols[0].strip().lower()
        out[lemma] = Cue(lemma, frames)
    if not out:
        raise KnowledgeBaseError(f"{name}: no cues")
    return out
