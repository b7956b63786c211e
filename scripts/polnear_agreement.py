"""How far apart PolNeAR's own annotators are, under dyad's quote scorer (the human ceiling).

PolNeAR had a few documents annotated by several annotators for its agreement study; the
benchmark files keep one annotator per document. This reads a clone of the PolNeAR
repository (github.com/networkdynamics/PolNeAR: ``data/<split>/text/<doc>.txt`` and
``data/<split>/attributions/<doc>_<annotator>.ann``), converts each brat file as
``../shared/bench/quotes/README.md`` describes, and scores every ordered pair of annotators
of a document (one as gold, the other as prediction) with `dyad.bench.quotes.score`, pooled:

    python scripts/polnear_agreement.py --polnear PATH/TO/PolNeAR [--dyad] [--json]

With ``--dyad``, dyad's quote stage is scored on the same documents against each annotator
in turn (pooled), so its figures compare with the humans' on equal terms.

Conversion: ``Attribution`` and ``Attribution-no-source`` events; the argument role decides
the slot (``Content2`` joins the content); a discontinuous span gives one pair per fragment;
events without cue or content are dropped; ``Discard``/``Discuss`` spans are ignored.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from dyad.bench.quotes import Attribution, score

EVENTS = frozenset({"Attribution", "Attribution-no-source"})
ROLES = ("source", "cue", "content")
_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)")


def read_ann(text: str) -> list[Attribution]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        if line.startswith("T"):
            m = _SPAN_LINE.match(line)
            if m:
                pairs = (p.split() for p in m.group(3).split(";"))
                spans[m.group(1)] = tuple((int(a), int(b)) for a, b in pairs)
        elif line.startswith("E"):
            parts = line.split("\t", 1)[1].split()
            if parts and parts[0].split(":", 1)[0] in EVENTS:
                events.append([tuple(p.split(":", 1)) for p in parts[1:]])  # type: ignore[misc]
    out = []
    for args in events:
        roles: dict[str, set[tuple[int, int]]] = {r: set() for r in ROLES}
        for role, tid in args:
            slot = role.rstrip("0123456789").lower()
            if slot in roles and tid in spans:
                roles[slot].update(spans[tid])
        if roles["cue"] and roles["content"]:
            out.append(Attribution(*(tuple(sorted(roles[r])) for r in ROLES)))
    return out


def multi_annotated(root: Path) -> dict[str, tuple[str, dict[str, list[Attribution]]]]:
    """Documents with two or more annotations: name -> (text, annotator -> attributions)."""
    docs: dict[str, tuple[str, dict[str, list[Attribution]]]] = {}
    for text_file in sorted(root.glob("data/*/text/*.txt")):
        folder = text_file.parent.parent / "attributions"
        anns = sorted(folder.glob(f"{text_file.stem}_*.ann"))
        if len(anns) < 2:
            continue
        text = text_file.read_text(encoding="utf-8")
        by = {a.stem[len(text_file.stem) + 1 :]: read_ann(a.read_text(encoding="utf-8"))
              for a in anns}  # fmt: skip
        docs[text_file.stem] = (text, by)
    return docs


def agreement(docs: dict[str, tuple[str, dict[str, list[Attribution]]]]) -> dict:
    triples = [(text, by[a], by[b]) for text, by in docs.values()
               for a, b in itertools.permutations(sorted(by), 2)]  # fmt: skip
    out = score(triples)
    annotators: dict[str, int] = defaultdict(int)
    for _, by in docs.values():
        for a in by:
            annotators[a] += 1
    out.update(documents=len(docs), pairs=len(triples), annotators=dict(sorted(annotators.items())))
    return out


def dyad_against_annotators(docs: dict[str, tuple[str, dict[str, list[Attribution]]]]) -> dict:
    """dyad's quotes on each document, scored against every annotator of it (pooled)."""
    from dyad.bench.quotes import as_attribution, parse
    from dyad.nlp import extensions
    from dyad.nlp.pipeline import load_spacy
    from dyad.nlp.quotes.extract import extract_quotes

    nlp = load_spacy(None)
    extensions.register()
    names = list(docs)
    parsed = parse(nlp, [docs[n][0] for n in names])
    triples = []
    for name, doc in zip(names, parsed, strict=True):
        doc._.dyad_doc_id = name
        pred = [as_attribution(q) for q in extract_quotes(doc)]
        text, by = docs[name]
        triples.extend((text, gold, pred) for gold in by.values())
    return score(triples)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, required=True, help="a clone of PolNeAR")
    ap.add_argument("--dyad", action="store_true", help="also score dyad against them")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    docs = multi_annotated(args.polnear)
    if not docs:
        sys.exit(f"{args.polnear}: no document with two or more annotations under data/*/")
    result = agreement(docs)
    if args.dyad:
        result["dyad"] = dyad_against_annotators(docs)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['documents']} documents, {result['pairs']} ordered annotator pairs")
    for who, scores in (("humans", result), ("dyad", result.get("dyad"))):
        for role in ROLES if scores else ():
            for match in ("exact", "overlap"):
                v = scores[role][match]
                print(f"{who:7} {role:8} {match:8} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
