"""Fit the cue model for verbs outside the lexicon (src/dyad/data/quote_cue_model.tsv).

Uses the PolNeAR *train* split only (the dev split is the benchmark and is never read here):

    pip install -e ".[build]"
    python scripts/train_quote_cues.py --data ../shared/bench/quotes/polnear_train.jsonl.gz \
        --out src/dyad/data/quote_cue_model.tsv

1. Parse every train document as the pipeline does (``--cache FILE.spacy`` keeps the parse).
2. Examples: each verb the quote stage would judge with the model (outside quotation marks,
   outside the lexicon, not a modifier, with a frame that gives it a content); the label is
   whether an annotated cue overlaps it.
3. Fit an L2 logistic regression on the first three quarters of the documents, then run the
   whole quote stage on the last quarter at thresholds 0.30-0.80 and keep the one with the
   best sum of content overlap F1 and source exact F1 (the issue's two targets).
4. Refit on all train documents and write the weights (features seen in fewer than
   ``--min-count`` examples are dropped) with the chosen threshold.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import DocBin

from dyad.bench.quotes import as_attribution, load, parse, score
from dyad.errors import BenchDataError
from dyad.nlp import extensions
from dyad.nlp.pipeline import load_spacy
from dyad.nlp.quotes.content import QuoteIndex
from dyad.nlp.quotes.extract import extract_quotes
from dyad.nlp.quotes.learned import Model, features, open_candidate, open_frame
from dyad.nlp.quotes.marks import find_quotations

THRESHOLDS = [round(0.30 + 0.05 * k, 2) for k in range(11)]


def examples(doc, gold) -> tuple[list[list[str]], list[int]]:
    """Feature lists and labels of the verbs of one document the model would judge."""
    text = doc.text
    index = QuoteIndex(doc, text, find_quotations(text))
    spans = [(s, e) for a in gold.attributions for s, e in a.cue]
    xs, ys = [], []
    for tok in doc:
        if index.inside[tok.i] >= 0 or tok.lower_ == "according" or not open_candidate(tok):
            continue
        frame = open_frame(tok)
        if not frame:
            continue
        a, b = tok.idx, tok.idx + len(tok)
        xs.append(features(tok, frame))
        ys.append(int(any(s < b and a < e for s, e in spans)))
    return xs, ys


def fit(xs: list[list[str]], ys: list[int], c: float, min_count: int) -> Model:
    counts = Counter(f for x in xs for f in set(x))
    rows = [{f: 1.0 for f in x if counts[f] >= min_count} for x in xs]
    vec = DictVectorizer()
    matrix = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(matrix, ys)
    names = vec.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-3}
    return Model(weights, float(clf.intercept_[0]), 0.5)


def pipeline_scores(golds, docs, model: Model) -> dict:
    results = []
    for gold, doc in zip(golds, docs, strict=True):
        doc._.dyad_doc_id = gold.doc_id
        pred = [as_attribution(q) for q in extract_quotes(doc, model)]
        results.append((gold.text, gold.attributions, pred))
    return score(results)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cache", type=Path, help="a .spacy file keeping the parsed documents")
    ap.add_argument("--model", default=None, help="spaCy pipeline")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    if "dev" in args.data.name:
        sys.exit("refusing to train on a dev split")
    try:
        golds = load(args.data)
    except BenchDataError as exc:
        sys.exit(str(exc))
    nlp = load_spacy(args.model)
    extensions.register()
    if args.cache and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        docs = parse(nlp, [g.text for g in golds])
        if args.cache:
            bin_ = DocBin(store_user_data=False)
            for d in docs:
                bin_.add(d)
            bin_.to_disk(args.cache)
    if len(docs) != len(golds):
        sys.exit(f"{args.cache}: {len(docs)} parsed documents for {len(golds)} records")
    per_doc = [examples(d, g) for d, g in zip(docs, golds, strict=True)]
    cut = len(docs) * 3 // 4
    xs = [x for xd, _ in per_doc[:cut] for x in xd]
    ys = [y for _, yd in per_doc[:cut] for y in yd]
    print(f"examples: {len(xs)} in documents 0-{cut - 1} ({sum(ys)} cues)")
    held = fit(xs, ys, args.c, args.min_count)
    never = Model({}, -50.0, 0.5)
    base = pipeline_scores(golds[cut:], docs[cut:], never)
    best = (-1.0, 0.5)
    print(f"held-out documents {cut}-{len(docs) - 1}")
    print("threshold  content_overlap_f1  source_exact_f1  predicted")
    line = "{:>9}  {:>18.4f}  {:>15.4f}  {:>9}"
    print(line.format("none", base["content"]["overlap"]["f1"], base["source"]["exact"]["f1"],
                      base["predicted"]))  # fmt: skip
    for t in THRESHOLDS:
        s = pipeline_scores(golds[cut:], docs[cut:], Model(held.weights, held.bias, t))
        cf, sf = s["content"]["overlap"]["f1"], s["source"]["exact"]["f1"]
        print(line.format(t, cf, sf, s["predicted"]))
        if cf + sf > best[0]:
            best = (cf + sf, t)
    threshold = best[1]
    xs = [x for xd, _ in per_doc for x in xd]
    ys = [y for _, yd in per_doc for y in yd]
    final = fit(xs, ys, args.c, args.min_count)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# dyad quote cue model: logistic weights for verbs outside quote_cues.tsv\n"
            "# (dyad/nlp/quotes/learned.py). Fitted by scripts/train_quote_cues.py on the\n"
            f"# PolNeAR train split only ({args.data.name}, {len(docs)} documents,\n"
            f"# {len(xs)} verbs, {sum(ys)} annotated cues), C={args.c}, features seen in\n"
            f"# at least {args.min_count} examples; threshold chosen on train documents\n"
            f"# {cut}-{len(docs) - 1} held out of a fit on the others.\n"
        )
        fh.write(f"__bias__\t{final.bias:.4f}\n__threshold__\t{threshold}\n")
        for name, w in sorted(final.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
            fh.write(f"{name}\t{w:.4f}\n")
    print(f"threshold {threshold}; {len(final.weights)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
