"""The static report: one self-contained HTML file (no scripts, no network) with the
chronology, the event table, the attributed quotes, the figures, the document list and every
document's text, each sentence an anchor so that any claim links to the sentence behind it.
All article text is escaped."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from dyad import __version__
from dyad.report.chronology import (
    EventFilter,
    chronology_of,
    document_rows,
    event_rows_of,
    flags,
    titles_of,
)
from dyad.report.figures import figure_rows
from dyad.report.quotes import quote_rows
from dyad.store.db import Store


def anchor(doc_id: str, start: int) -> str:
    return f"s-{doc_id}-{start}"


def _pieces(text: str, sentences: list[tuple[int, int]], cited: set[int]) -> list[dict[str, Any]]:
    """Split a text into sentence spans and the gaps between them, in order."""
    pieces: list[dict[str, Any]] = []
    at = 0
    for start, end in sentences:
        if start > at:
            pieces.append({"sentence": False, "text": text[at:start]})
        pieces.append(
            {"sentence": True, "start": start, "text": text[start:end], "cited": start in cited}
        )
        at = end
    if at < len(text):
        pieces.append({"sentence": False, "text": text[at:]})
    return pieces


def render(store: Store, flt: EventFilter | None = None, title: str = "dyad report") -> str:
    flt = flt or EventFilter()
    all_events = list(store.events())  # decoded once for both tables
    titles = titles_of(store)
    events = event_rows_of(all_events, titles, flt)
    quotes = quote_rows(store)
    figures = figure_rows(store)
    cited: dict[str, set[int]] = {}
    for e in events:
        for m in e["mentions"]:
            cited.setdefault(m["doc_id"], set()).add(m["start"])
    for q in quotes:
        cited.setdefault(q["doc_id"], set()).add(q["sentence"]["start"])
    for g in figures:
        for v in g["values"]:
            cited.setdefault(v["doc_id"], set()).add(v["sentence"]["start"])
    documents = list(store.documents())
    texts = [
        {
            "doc_id": d.doc_id,
            "title": d.title,
            "path": d.path,
            "pieces": _pieces(d.text, store.sentences(d.doc_id), cited.get(d.doc_id, set())),
        }
        for d in documents
    ]
    env = Environment(
        loader=PackageLoader("dyad.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    template = env.get_template("report.html.j2")
    return template.render(
        title=title,
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        chronology=chronology_of(all_events, titles, flt),
        events=events,
        quotes=quotes,
        figures=figures,
        documents=document_rows(documents),
        texts=texts,
        anchor=anchor,
        flags=flags,
    )


def write_report(store: Store, out: Path, flt: EventFilter | None = None) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(store, flt), encoding="utf-8")
    return out
