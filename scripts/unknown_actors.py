"""Which names does the actor stage leave unresolved in a news collection?

Runs the pipeline over a random sample of articles from JSONL files (one object per line with
a "text" field, gzip allowed) and prints each unresolved actor name with the number of its
mentions and of the articles naming it, most widespread first. It is how the knowledge base's
"added from news coverage" rows were chosen (organisations.tsv): the organisations among the
names that three or more sampled articles use.

    python scripts/unknown_actors.py ../shared/bench/chronology/t17/*/articles.jsonl.gz \
        --per-file 80 --seed 5 --min-docs 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from dyad.nlp import extensions
from dyad.nlp.pipeline import cached_pipeline


def _texts(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    texts = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                texts.append(json.loads(line).get("text") or "")
            except (json.JSONDecodeError, AttributeError) as err:
                reason = f"not a JSON object with a 'text' field ({err})"
                raise SystemExit(f"{path}:{n}: {reason}") from None
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--per-file", type=int, default=80)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--min-docs", type=int, default=3)
    parser.add_argument("--max-chars", type=int, default=20000)
    args = parser.parse_args()
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    nlp = cached_pipeline(None)
    extensions.register()
    mentions: Counter[str] = Counter()
    docs: defaultdict[str, set[tuple[int, int]]] = defaultdict(set)
    for f, path in enumerate(args.files):
        texts = _texts(path)
        random.seed(args.seed)
        for i, text in enumerate(random.sample(texts, min(args.per_file, len(texts)))):
            doc = nlp.make_doc(text[: args.max_chars])
            doc._.dyad_doc_id = f"{path.name}:{i}"
            doc._.dyad_published = None
            for mention in nlp(doc)._.dyad_actors:
                if mention.actor is None:
                    mentions[mention.text] += 1
                    docs[mention.text].add((f, i))
    ranked = sorted(docs, key=lambda name: (-len(docs[name]), -mentions[name], name))
    for name in ranked:
        if len(docs[name]) >= args.min_docs:
            print(f"{len(docs[name])}\t{mentions[name]}\t{name}")


if __name__ == "__main__":
    main()
