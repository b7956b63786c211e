"""The FastAPI application: HTML pages and their JSON mirror under /api/.

Every request opens nothing new: one read-only connection per app (SQLite serialises it).
All article text reaches the page through Jinja2 autoescape; a Content-Security-Policy header
forbids inline script, so the little JavaScript there is lives in static files.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from dyad import codec
from dyad.errors import BadSearch, WebError
from dyad.store import browse
from dyad.store.browse import EventQuery
from dyad.types import Event

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

Limit = Annotated[int, Query(ge=1, le=browse.MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=browse.MAX_OFFSET)]
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _plotly_dir() -> Path:
    """plotly's own bundled JavaScript, served from the installed package (never copied)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        raise WebError("the plotly package is not installed; /trends needs its bundled JS")
    return Path(spec.origin).parent / "package_data"


def paragraph_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around text[start:end], split into before / the span / after."""
    p0 = text.rfind("\n\n", 0, start)
    p0 = 0 if p0 < 0 else p0 + 2
    p1 = text.find("\n\n", end)
    p1 = len(text) if p1 < 0 else p1
    return text[p0:start], text[start:end], text[end:p1]


def pieces(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut into plain runs and non-overlapping highlighted spans (first wins)."""
    out: list[dict[str, Any]] = []
    at = 0
    for s in spans:
        if s["start"] is None or s["start"] < at or s["end"] <= s["start"]:
            continue
        if s["start"] > at:
            out.append({"text": text[at : s["start"]], "span": None})
        out.append({"text": text[s["start"] : s["end"]], "span": s})
        at = s["end"]
    if at < len(text):
        out.append({"text": text[at:], "span": None})
    return out


def event_item(e: Event) -> dict[str, Any]:
    return {
        "id": e.event_id,
        "type": e.plover,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "sources": list(e.sources),
        "targets": list(e.targets),
        "start": e.when.start.isoformat() if e.when else None,
        "end": e.when.end.isoformat() if e.when else None,
        "summary": e.summary,
        "planned": e.future,
        "negated": e.negated,
        "documents": len({m.doc_id for m in e.mentions}),
    }


Filters = dict[str, Any]


def filters(
    actor: Annotated[list[str] | None, Query()] = None,
    pair: str | None = None,
    type: str | None = None,
    quad: Annotated[int | None, Query(ge=1, le=4)] = None,
    context: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    status: str | None = None,
    text: str | None = None,
) -> Filters:
    return dict(
        actor=actor,
        pair=pair,
        type=type,
        quad=quad,
        context=context,
        since=since,
        until=until,
        outlet=outlet,
        status=status,
        text=text,
    )


F = Annotated[Filters, Depends(filters)]


def create_app(db_path: str | Path) -> FastAPI:
    db = browse.open_readonly(db_path)
    lock = threading.Lock()
    env = Environment(
        loader=PackageLoader("dyad.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.globals["quad_names"] = QUAD_NAMES
    app = FastAPI(title="dyad", description="Sourced events between states, read-only.")
    app.mount("/static", StaticFiles(packages=[("dyad.web", "static")]), name="static")
    app.mount("/plotly", StaticFiles(directory=_plotly_dir()), name="plotly")

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        if not request.url.path.startswith("/docs"):  # Swagger UI loads its own CDN assets
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @contextmanager
    def conn() -> Iterator[sqlite3.Connection]:
        with lock:
            yield db

    def page(name: str, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx))

    def event_query(
        actor: list[str] | None,
        pair: str | None,
        type: str | None,
        quad: int | None,
        context: str | None,
        since: date | None,
        until: date | None,
        outlet: str | None,
        status: str | None,
        text: str | None,
    ) -> EventQuery:
        actors = [a for a in (actor or []) if a]
        if pair:
            actors += [p for p in pair.replace("-", " ").split() if p]
        if status not in (None, "", "planned", "negated"):
            raise HTTPException(422, "status must be 'planned' or 'negated'")
        return EventQuery(
            actors=tuple(actors),
            plover=type or None,
            quad_class=quad,
            context=context or None,
            since=since.isoformat() if since else None,
            until=until.isoformat() if until else None,
            outlet=outlet or None,
            status=status or None,
            text=text or None,
        )

    def qs(f: Filters, **extra: Any) -> str:
        from urllib.parse import urlencode

        items = [(k, v) for k, v in f.items() if v not in (None, "", []) and k != "actor"]
        items += [("actor", a) for a in (f.get("actor") or [])]
        items += [(k, v) for k, v in extra.items()]
        return urlencode(items)

    # -- pages ---------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        with conn() as c:
            ov = browse.overview(c)
            latest = browse.list_events(c, EventQuery(), limit=10)
            conflicts = browse.conflicting_figures(c)
        return page(
            "overview.html", ov=ov, latest=[event_item(e) for e in latest], conflicts=conflicts
        )

    @app.get("/events", response_class=HTMLResponse)
    def events_page(f: F, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
        q = event_query(**f)
        with conn() as c:
            total = browse.count_events(c, q)
            items = [event_item(e) for e in browse.list_events(c, q, limit, offset)]
            outs = browse.outlets(c)
        nxt = qs(f, limit=limit, offset=offset + limit) if offset + limit < total else None
        prev = qs(f, limit=limit, offset=max(0, offset - limit)) if offset else None
        return page(
            "events.html",
            f=f,
            total=total,
            items=items,
            outlets=outs,
            next=nxt,
            prev=prev,
            offset=offset,
        )

    def event_detail(c: sqlite3.Connection, event_id: str) -> dict[str, Any]:
        e = browse.event(c, event_id)
        if e is None:
            raise HTTPException(404, f"no event {event_id}")
        doc_ids = [m.doc_id for m in e.mentions]
        titles = browse.titles(c, doc_ids)
        mentions = []
        texts: dict[str, str] = {}
        for m in e.mentions:
            if m.doc_id not in texts:
                d = browse.document(c, m.doc_id)
                texts[m.doc_id] = d.text if d else ""
            before, sent, after = paragraph_of(texts[m.doc_id], m.sentence.start, m.sentence.end)
            mentions.append(
                {
                    "m": m,
                    "title": titles.get(m.doc_id),
                    "before": before,
                    "sentence": sent,
                    "after": after,
                }
            )
        return {
            "e": e,
            "item": event_item(e),
            "mentions": mentions,
            "quotes": browse.quotes_of_documents(c, doc_ids),
            "figures": browse.figures_of_documents(c, doc_ids),
        }

    @app.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(event_id: str) -> HTMLResponse:
        with conn() as c:
            return page("event.html", **event_detail(c, event_id))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document_page(doc_id: str) -> HTMLResponse:
        with conn() as c:
            d = browse.document(c, doc_id)
            if d is None:
                raise HTTPException(404, f"no document {doc_id}")
            spans = browse.document_spans(c, doc_id)
        return page("document.html", d=d, pieces=pieces(d.text, spans), n_spans=len(spans))

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes_page(
        speaker: str | None = None, actor: str | None = None, limit: Limit = 50, offset: Offset = 0
    ) -> HTMLResponse:
        with conn() as c:
            total, items = browse.list_quotes(c, speaker, actor, limit, offset)
        return page(
            "quotes.html", total=total, items=items, speaker=speaker or "", actor=actor or ""
        )

    @app.get("/figures", response_class=HTMLResponse)
    def figures_page(limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
        with conn() as c:
            groups = [
                (k, u, n, browse.figures_of(c, k, u, 20))
                for k, u, n in browse.figure_keys(c, limit, offset)
            ]
        return page("figures.html", groups=groups)

    @app.get("/chronology", response_class=HTMLResponse)
    def chronology_page(f: F) -> HTMLResponse:
        q = event_query(**f)
        with conn() as c:
            items = [event_item(e) for e in browse.chronology_events(c, q)]
        return page("chronology.html", f=f, items=items)

    @app.get("/trends", response_class=HTMLResponse)
    def trends_page(f: F) -> HTMLResponse:
        q = event_query(**f)
        with conn() as c:
            rows = browse.trends(c, q)
        return page("trends.html", f=f, rows=rows, base=qs(f))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = "") -> HTMLResponse:
        error = None
        hits: list[browse.Hit] = []
        if q.strip():
            try:
                with conn() as c:
                    hits = browse.search(c, q)
            except BadSearch as exc:
                error = exc.message
        return page("search.html", q=q, hits=hits, error=error)

    # -- JSON API -----------------------------------------------------------------------

    @app.get("/api/events")
    def api_events(f: F, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        q = event_query(**f)
        with conn() as c:
            return {
                "total": browse.count_events(c, q),
                "items": [event_item(e) for e in browse.list_events(c, q, limit, offset)],
            }

    @app.get("/api/events/{event_id}")
    def api_event(event_id: str) -> dict[str, Any]:
        with conn() as c:
            e = browse.event(c, event_id)
        if e is None:
            raise HTTPException(404, f"no event {event_id}")
        return dict(event_item(e), mentions=codec.to_plain(e.mentions))

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: str) -> dict[str, Any]:
        with conn() as c:
            d = browse.document(c, doc_id)
            if d is None:
                raise HTTPException(404, f"no document {doc_id}")
            spans = browse.document_spans(c, doc_id)
        return {
            "id": d.doc_id,
            "title": d.title,
            "outlet": d.outlet,
            "url": d.url,
            "text": d.text,
            "spans": spans,
        }

    @app.get("/api/quotes")
    def api_quotes(
        speaker: str | None = None, actor: str | None = None, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        with conn() as c:
            total, items = browse.list_quotes(c, speaker, actor, limit, offset)
        return {"total": total, "items": [dict(codec.to_plain(q)) for q in items]}

    @app.get("/api/figures")
    def api_figures(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with conn() as c:
            keys = browse.figure_keys(c, limit, offset)
            items = [
                {
                    "key": k,
                    "unit": u,
                    "count": n,
                    "values": [f.value for f in browse.figures_of(c, k, u, 20)],
                }
                for k, u, n in keys
            ]
        return {"total": len(items), "items": items}

    @app.get("/api/trends")
    def api_trends(f: F) -> dict[str, Any]:
        with conn() as c:
            rows = browse.trends(c, event_query(**f))
        return {"total": len(rows), "items": rows}

    @app.get("/api/search")
    def api_search(q: Annotated[str, Query(min_length=1)]) -> dict[str, Any]:
        try:
            with conn() as c:
                hits = browse.search(c, q)
        except BadSearch as exc:
            raise HTTPException(422, exc.message) from exc
        return {"total": len(hits), "items": [codec.to_plain(h) for h in hits]}

    return app
