"""Draw the sentences of dyad's own labelled news check set (tests/data/news_check.jsonl).

A deterministic (seeded) stratified sample: one stratum per Timeline17 topic in
<shared>/bench/chronology/t17 and one for the China-Russia articles in <shared>/corpus.
In each stratum, EVENT_LIKE sentences are drawn from those naming a country or an
international organisation (dyad's own countries.tsv / igos.tsv names) *and* holding a word
of action from a short generic list, and OTHER sentences from the rest, so that about a
third of the set holds an event while plain sentences stay for measuring invented events.

Sentences: T17 texts are already one sentence per line, so a sentence is a line; corpus
files are split by a simple rule (end punctuation followed by a space and a capital, or a
line break). Each row carries only references (path relative to <shared>, article id,
character offsets in the article text, sha256 of the sentence) and empty label fields;
the article text is printed to stdout for the labeller, never written to the repository.

    python scripts/sample_news_check.py /work/shared > /tmp/news_check_unlabelled.jsonl
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

SEED = 16
EVENT_LIKE = 16
OTHER = 12
MIN_WORDS, MAX_WORDS = 8, 60
DATA = Path(__file__).resolve().parent.parent / "src" / "dyad" / "data"
ACTION = re.compile(
    r"\b(attack|bomb|strike|struck|kill|arrest|detain|sanction|impose|ban|protest|"
    r"demonstrat|meet|met|talks|visit|sign|agree|accus|condemn|criticiz|criticis|warn|threat|"
    r"demand|urge|call(?:ed|s)? (?:for|on)|reject|refus|deny|denied|withdr|retreat|"
    r"deploy|fire|fought|fight|clash|seiz|captur|expel|recogni|support|aid|help|"
    r"promis|pledg|offer|cooperat|negotiat|mediat|invest|deliver|suppl|exercise|"
    r"oppos|resign|block|close|cut|suspend|halt|evacuat|shell|raid)",
    re.IGNORECASE,
)
SPLIT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])|\n+")


def _names() -> re.Pattern[str]:
    names: set[str] = set()
    for file, cols in (("countries.tsv", (1, 2, 3)), ("igos.tsv", (1, 2))):
        rows = [r for r in (DATA / file).read_text("utf-8").splitlines() if not r.startswith("#")]
        for row in rows[1:]:
            cells = row.split("\t")
            for c in cols:
                if c < len(cells):
                    names.update(n for n in cells[c].split(";") if len(n) > 1)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def _t17(shared: Path, topic: Path) -> Iterator[tuple[str, str, str, int, int]]:
    rel = str(topic.relative_to(shared) / "articles.jsonl.gz")
    with gzip.open(topic / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            art = json.loads(line)
            text: str = art["text"]
            at = 0
            for part in text.split("\n"):
                if part.strip():
                    lead = len(part) - len(part.lstrip())
                    s = part.strip()
                    yield rel, art["id"], s, at + lead, at + lead + len(s)
                at += len(part) + 1


def _corpus(shared: Path) -> Iterator[tuple[str, str, str, int, int]]:
    for path in sorted((shared / "corpus").glob("*.txt")):
        text = path.read_text("utf-8")
        rel = str(path.relative_to(shared))
        at = 0
        for m in SPLIT.finditer(text + "\n"):
            s = text[at : m.start()]
            lead = len(s) - len(s.lstrip())
            if s.strip():
                yield rel, path.stem, s.strip(), at + lead, at + lead + len(s.strip())
            at = m.end()


def main(shared: Path) -> None:
    names = _names()
    rng = random.Random(SEED)
    topics = sorted((shared / "bench/chronology/t17").iterdir())
    strata = [(t.name, _t17(shared, t)) for t in topics]
    strata.append(("corpus", _corpus(shared)))
    for stratum, sentences in strata:
        likely, other = [], []
        for ref in sentences:
            if not MIN_WORDS <= len(ref[2].split()) <= MAX_WORDS:
                continue
            (likely if names.search(ref[2]) and ACTION.search(ref[2]) else other).append(ref)
        picked = rng.sample(likely, min(EVENT_LIKE, len(likely)))
        picked += rng.sample(other, min(OTHER, len(other)))
        for rel, art, s, start, end in sorted(picked):
            row = {
                "id": f"{stratum}:{hashlib.sha256(s.encode()).hexdigest()[:10]}",
                "stratum": stratum,
                "file": rel,
                "article": art,
                "start": start,
                "end": end,
                "sha256": hashlib.sha256(s.encode()).hexdigest(),
            }
            print(json.dumps(row), "\t", s)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
