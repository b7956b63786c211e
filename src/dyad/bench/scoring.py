"""Shared scoring arithmetic of the benchmarks."""

from __future__ import annotations


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 from true positives and the predicted and gold totals (each 0
    when undefined), rounded to four places."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
