"""Timeline-summarisation metrics (Martschat & Markert, EACL 2017; as news-tls reports them).

A timeline is a mapping date -> list of sentences. All metrics compare one predicted timeline
with one gold timeline and give precision, recall and F1 (F1 = 2PR / (P + R), 0 when P + R
is 0; P or R is 0 when its denominator is 0).

Tokens (`Tokenizer`): the text is lowercased and cut into maximal runs of letters and
digits (``[^\\W_]+``, Unicode-aware); everything else (punctuation, hyphens, apostrophes)
separates tokens. Two settings:
- ``PLAIN``: nothing more (no stemming, no stop words);
- ``stemmed()`` (the benchmark's default): stop words are dropped (spaCy's English list, 326
  words), then each token is Porter-stemmed (Porter 1980, as SQLite's FTS5 ``porter``
  tokenizer implements it). This is the closest we get to ROUGE-1.5.5 as tilse and news-tls
  call it (``-m`` Porter stemming, ``-s`` stop words), whose stop list is SMART's 571 words;
  stop words are removed before n-grams are formed, as ROUGE does.

ROUGE-N counts of a candidate text C against a reference text R (`rouge_counts`):
``hits = sum over n-grams g of min(count_C(g), count_R(g))``, ``p_count = |n-grams of C|``,
``r_count = |n-grams of R|``. n-grams are taken within one sentence (a bigram never spans
two sentences), as ROUGE does with one sentence per line.

- ``date_f1``: P = |pred dates & gold dates| / |pred dates|, R = ... / |gold dates|.
- ``concat``: every summary of a timeline concatenated (date order), ROUGE-N of the two
  concatenations: P = hits / p_count, R = hits / r_count.
- ``align`` (tilse's ``align_date_content_costs_many_to_one``, "align+ m:1" in the paper):
  each predicted date d is aligned to the gold date g minimising
  ``cost(d, g) = (1 - 1 / (|d - g| + 1)) * (1 - sim(d, g))``, where sim is the ROUGE-1 F1 of
  the two days' summaries (our tokens; tilse's approximation splits on whitespace only);
  ties go to the earliest gold date. Many predicted dates may share one gold date.
  ``P = sum_d w(d, g(d)) * hits(d, g(d)) / sum_d p_count(d)`` with
  ``w(d, g) = 1 / (|d - g| + 1)`` (days). Recall aligns the other way: each gold date g to
  the predicted date d minimising the same cost, and
  ``R = sum_g w(g, d(g)) * hits(d(g), g) / sum_g r_count(g)``. An exact date match has cost
  0 whatever the content, so it always wins.

Averages over several timelines (`mean`) follow news-tls: P and R are averaged, and F1 is
computed from the two averages (not the mean of the F1s).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dyad.store.stemmer import PorterStemmer

Timeline = Mapping[date, Sequence[str]]

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class PRF:
    p: float
    r: float

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass(frozen=True)
class Tokenizer:
    """How texts become ROUGE tokens (see the module docstring)."""

    stop: frozenset[str] = frozenset()
    stem: Callable[[str], str] | None = field(default=None, compare=False)

    def __call__(self, text: str) -> list[str]:
        toks = [t for t in _TOKEN.findall(text.lower()) if t not in self.stop]
        return [self.stem(t) for t in toks] if self.stem else toks


PLAIN = Tokenizer()


def stemmed() -> Tokenizer:
    """Stop words removed (spaCy's English list), then Porter stems."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return Tokenizer(frozenset(STOP_WORDS), PorterStemmer())


def tokens(text: str, tok: Tokenizer = PLAIN) -> list[str]:
    return tok(text)


def ngrams(sentences: Iterable[str], n: int, tok: Tokenizer = PLAIN) -> Counter[tuple[str, ...]]:
    """The n-grams of each sentence (none across sentence boundaries), counted."""
    out: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        toks = tok(sentence)
        out.update(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return out


@dataclass(frozen=True, slots=True)
class Counts:
    """ROUGE-N counts of one candidate against one reference."""

    hits: int
    p_count: int
    r_count: int


def rouge_counts(
    candidate: Sequence[str], reference: Sequence[str], n: int, tok: Tokenizer = PLAIN
) -> Counts:
    c, r = ngrams(candidate, n, tok), ngrams(reference, n, tok)
    hits = sum(min(k, r[g]) for g, k in c.items())
    return Counts(hits, sum(c.values()), sum(r.values()))


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def date_prf(pred: Iterable[date], gold: Iterable[date]) -> PRF:
    p, g = set(pred), set(gold)
    return PRF(_ratio(len(p & g), len(p)), _ratio(len(p & g), len(g)))


def _concat(tl: Timeline) -> list[str]:
    return [s for d in sorted(tl) for s in tl[d]]


def concat_prf(pred: Timeline, gold: Timeline, n: int, tok: Tokenizer = PLAIN) -> PRF:
    c = rouge_counts(_concat(pred), _concat(gold), n, tok)
    return PRF(_ratio(c.hits, c.p_count), _ratio(c.hits, c.r_count))


def date_weight(a: date, b: date) -> float:
    """1 / (|a - b| in days + 1): 1 on the same day, 1/2 a day apart, ..."""
    return 1 / (abs((a - b).days) + 1)


def align(
    sources: Sequence[date],
    targets: Sequence[date],
    similarity: Mapping[tuple[date, date], float],
) -> dict[date, date]:
    """Many-to-one: each source date to the target date of least
    ``(1 - date_weight) * (1 - similarity)``; ties to the earliest target. `similarity` is
    keyed (source, target)."""
    out: dict[date, date] = {}
    ordered = sorted(targets)
    for s in sources:
        if ordered:
            out[s] = min(
                ordered,
                key=lambda t: (1 - date_weight(s, t)) * (1 - similarity.get((s, t), 0.0)),
            )
    return out


def align_prf(pred: Timeline, gold: Timeline, n: int, tok: Tokenizer = PLAIN) -> PRF:
    """Alignment-based ROUGE-N (many-to-one, date-content costs): see the module docstring."""
    pairs = {(d, g): (rouge_counts(pred[d], gold[g], n, tok)) for d in pred for g in gold}
    if n == 1:
        uni = pairs
    else:
        uni = {(d, g): rouge_counts(pred[d], gold[g], 1, tok) for d in pred for g in gold}
    sim = {k: PRF(_ratio(c.hits, c.p_count), _ratio(c.hits, c.r_count)).f1 for k, c in uni.items()}
    forward = align(list(pred), list(gold), sim)
    backward = align(list(gold), list(pred), {(g, d): v for (d, g), v in sim.items()})
    p_num = sum(date_weight(d, g) * pairs[(d, g)].hits for d, g in forward.items())
    p_den = sum(sum(ngrams(pred[d], n, tok).values()) for d in pred)
    r_num = sum(date_weight(g, d) * pairs[(d, g)].hits for g, d in backward.items())
    r_den = sum(sum(ngrams(gold[g], n, tok).values()) for g in gold)
    return PRF(_ratio(p_num, p_den), _ratio(r_num, r_den))


KEYS = ("date_f1", "ar1_f1", "ar2_f1", "concat_r1_f1", "concat_r2_f1")


def evaluate(pred: Timeline, gold: Timeline, tok: Tokenizer = PLAIN) -> dict[str, PRF]:
    """Every metric of the module docstring for one predicted timeline against one gold."""
    return {
        "date_f1": date_prf(pred, gold),
        "ar1_f1": align_prf(pred, gold, 1, tok),
        "ar2_f1": align_prf(pred, gold, 2, tok),
        "concat_r1_f1": concat_prf(pred, gold, 1, tok),
        "concat_r2_f1": concat_prf(pred, gold, 2, tok),
    }


def mean(results: Sequence[Mapping[str, PRF]]) -> dict[str, PRF]:
    """news-tls averaging: mean P and mean R per metric (F1 then comes from those)."""
    if not results:
        return {k: PRF(0.0, 0.0) for k in KEYS}
    keys = results[0].keys()
    return {
        k: PRF(sum(r[k].p for r in results) / len(results),
               sum(r[k].r for r in results) / len(results))
        for k in keys
    }  # fmt: skip


def f1s(result: Mapping[str, PRF], digits: int = 4) -> dict[str, float]:
    return {k: round(v.f1, digits) for k, v in result.items()}
