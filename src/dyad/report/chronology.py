"""Select events and shape them for the surfaces: event rows, chronology entries, documents.

Plain dicts with stable keys are what the CLI (table/JSON/CSV/Markdown) and the HTML report
render; every item carries the provenance (doc id, offsets, sentence) behind it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from dyad.chronology.clause import after_its_reports, event_clause
from dyad.chronology.filters import EventFilter as EventFilter
from dyad.chronology.filters import members_of as members_of
from dyad.chronology.timeline import TimelineDate
from dyad.report.ranking import keep_top, salience
from dyad.store.chronology import titles as stored_titles
from dyad.store.db import Store
from dyad.types import Document, Event, EventMention


def source_ref(m: EventMention, titles: dict[str, str | None]) -> dict[str, Any]:
    return {
        "doc_id": m.doc_id,
        "title": titles.get(m.doc_id),
        "start": m.sentence.start,
        "end": m.sentence.end,
        "text": m.sentence.text,
    }


def titles_of(store: Store) -> dict[str, str | None]:
    """Each document's title, or its file name when it has none."""
    return dict(stored_titles(store))


def chronology(
    store: Store, flt: EventFilter, max_events: int | None = None
) -> list[dict[str, Any]]:
    """One entry per dated event, oldest first (the `max_events` most salient ones)."""
    entries = chronology_of(store.events(), titles_of(store), flt, max_events)
    docs = {s["doc_id"] for e in entries for s in e["sources"]}
    published = {d: p.value for d, p in store.publication_dates(docs).items()}
    for entry in entries:  # dated after every report of it: it had not happened yet
        reports = [published.get(s["doc_id"]) for s in entry["sources"]]
        if not entry["planned"] and after_its_reports(D(entry["start"]), reports):
            entry["planned"] = True
            entry["planned_reason"] = "dated after every report of it"
    return entries


def event_rows(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Every event (dated or not) with its codes, date and every supporting mention."""
    return event_rows_of(store.events(), titles_of(store), flt)


def chronology_of(
    events: Iterable[Event],
    titles: dict[str, str | None],
    flt: EventFilter,
    max_events: int | None = None,
) -> list[dict[str, Any]]:
    """Dated events as chronology lines, oldest first. With `max_events`, only the most
    salient (`report.ranking`). Events told by the same sentence on the same date (one
    sentence coded as two actions) share one line, with both types."""
    dated = EventFilter(flt.actors, flt.since, flt.until, dated_only=True, types=flt.types)
    kept = [e for e in events if dated.accepts(e)]
    if max_events is not None:
        top = keep_top(kept, max_events, flt.actors)
        kept = [e for e in kept if e.event_id in top]
    kept.sort(key=lambda e: (e.when.start, e.when.end, e.event_id))  # type: ignore[union-attr]
    entries: list[dict[str, Any]] = []
    by_line: dict[tuple[str, str, str], dict[str, Any]] = {}
    for e in kept:
        assert e.when is not None
        line = (e.when.start.isoformat(), e.when.end.isoformat(), e.summary)
        if line in by_line:
            _merge(by_line[line], e, titles)
            continue
        entry = {
            "event_id": e.event_id,
            "start": line[0],
            "end": line[1],
            "date_value": e.when.value,
            "precision": e.when.precision,
            "summary": event_clause(e.mentions[0]) if e.mentions else e.summary,
            "sentence": e.summary,
            "type": e.plover,
            "cameo": e.cameo,
            "planned": e.future,
            "planned_reason": "told as planned" if e.future else None,
            "actors": list(e.actors),
            "members": {k: list(v) for k, v in members_of(e).items()},
            "unresolved": list(_unresolved(e)),
            "salience": salience(e, flt.actors),
            "sources": [],
        }
        _merge(entry, e, titles)
        by_line[line] = entry
        entries.append(entry)
    return entries


D = date.fromisoformat


def _merge(entry: dict[str, Any], e: Event, titles: dict[str, str | None]) -> None:
    """Add an event's type, actors and sources (one per document) to a chronology line."""
    if e.plover not in entry["type"].split(" / "):
        entry["type"] += f" / {e.plover}"
    entry["actors"] += [a for a in e.actors if a not in entry["actors"]]
    entry["members"].update({k: list(v) for k, v in members_of(e).items()})
    entry["unresolved"] += [a for a in _unresolved(e) if a not in entry["unresolved"]]
    seen = {s["doc_id"] for s in entry["sources"]}
    for m in e.mentions:  # one source line per document, its best mention first
        if m.doc_id not in seen:
            seen.add(m.doc_id)
            entry["sources"].append(source_ref(m, titles))


def _unresolved(e: Event) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e.unresolved_sources + e.unresolved_targets))


def actor_labels(
    codes: Iterable[str],
    unresolved: Iterable[str] = (),
    members: dict[str, list[str]] | None = None,
) -> list[str]:
    """Actors for display: codes (a group with its members: "WST (USA IGOEUR ...)"), then
    the names the knowledge base does not know, marked "(?)" so that they are never read as
    coded."""
    members = members or {}
    coded = [f"{c} ({' '.join(members[c])})" if members.get(c) else c for c in codes]
    return [*coded, *(f"{name} (?)" for name in unresolved)]


def event_rows_of(
    events: Iterable[Event], titles: dict[str, str | None], flt: EventFilter
) -> list[dict[str, Any]]:
    return [_event_row(e, titles) for e in events if flt.accepts(e)]


def _event_row(e: Event, titles: dict[str, str | None]) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "type": e.plover,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "source": list(e.sources),
        "target": list(e.targets),
        "members": {k: list(v) for k, v in members_of(e).items()},
        "source_unresolved": list(e.unresolved_sources),
        "target_unresolved": list(e.unresolved_targets),
        "start": e.when.start.isoformat() if e.when else None,
        "end": e.when.end.isoformat() if e.when else None,
        "planned": e.future,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "habitual": e.habitual,
        "summary": e.summary,
        "mentions": [
            dict(
                source_ref(m, titles),
                trigger=m.trigger,
                figures=[f.text for f in m.figures],
                date_text=m.when_text,
                negated=m.negated,
                hypothetical=m.hypothetical,
            )
            for m in e.mentions
        ],
    }


def document_rows(documents: Iterable[Document]) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": d.doc_id,
            "path": d.path,
            "title": d.title,
            "outlet": d.outlet,
            "published": d.published.value.isoformat() if d.published.value else None,
            "published_source": d.published.source,
            "published_confidence": round(d.published.confidence, 2),
            "published_reason": d.published.reason,
            "published_earliest": (
                d.published.earliest.isoformat() if d.published.earliest else None
            ),
            "published_latest": d.published.latest.isoformat() if d.published.latest else None,
        }
        for d in documents
    ]


def flags(row: dict[str, Any]) -> str:
    """The flags that apply to an event row, comma-separated."""
    return ", ".join(k for k in ("planned", "negated", "hypothetical", "habitual") if row.get(k))


def date_label(start: str, end: str) -> str:
    return start if start == end else f"{start} – {end}"


def when_label(entry: dict[str, Any]) -> str:
    """A chronology line's date at its granularity: a day or an explicit range as dates, a
    vaguer date as the value it was read as, with its granularity ("2018 (year)",
    "2014-05 (month)"), never as the first day of its span."""
    precision = entry.get("precision", "day")
    if precision in ("day", "range") or not entry.get("date_value"):
        return date_label(entry["start"], entry["end"])
    return f"{entry['date_value']} ({precision})"


def markdown(entries: Sequence[dict[str, Any]]) -> str:
    """The chronology as a journal would print it: one dated line per event, with sources."""
    lines = []
    for e in entries:
        docs = "; ".join(s["title"] or s["doc_id"][:8] for s in e["sources"])
        planned = " (planned)" if e["planned"] else ""
        lines.append(f"- **{when_label(e)}** [{e['type']}{planned}] {e['summary']} — _{docs}_")
    return "\n".join(lines) + ("\n" if lines else "")


def timeline_row(d: TimelineDate) -> dict[str, Any]:
    """One date of a timeline (`dyad chronology --dates K`) as the JSON output shows it."""
    return {"date": d.day.isoformat(), "summary": list(d.summary), "documents": d.documents,
            "mentions": d.mentions}  # fmt: skip
