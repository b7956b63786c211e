"""The web app's routes through FastAPI's TestClient, on a store ingested from samples/."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyad.errors import BadSearch, StoreError
from dyad.store import browse
from webkit import web_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return web_db(tmp_path_factory)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    from dyad.web.app import create_app

    return TestClient(create_app(db))


def first_event(client: TestClient) -> dict[str, object]:
    items = client.get("/api/events", params={"limit": 1}).json()["items"]
    assert items
    return items[0]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/events",
        "/quotes",
        "/figures",
        "/chronology",
        "/trends",
        "/search?q=border",
        "/docs",
        "/openapi.json",
    ],
)
def test_every_page_answers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text
    if not path.startswith(("/docs", "/openapi")):
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert (
            "unsafe-inline"
            not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]
        )
        assert "<script>" not in r.text  # no inline script: every script has a src


def test_overview_shows_counts_and_pairs(client: TestClient) -> None:
    r = client.get("/")
    total = client.get("/api/events").json()["total"]
    assert f"{total} events" in r.text
    assert "/events?pair=" in r.text


def test_api_events_shape_and_paging(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 3}).json()
    assert body["total"] > 3 and len(body["items"]) == 3
    assert {"id", "type", "quad_class", "start", "summary"} <= body["items"][0].keys()
    page2 = client.get("/api/events", params={"limit": 3, "offset": 3}).json()["items"]
    assert not {i["id"] for i in body["items"]} & {i["id"] for i in page2}


def test_event_filters_narrow(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    e = first_event(client)
    by_type = client.get("/api/events", params={"type": e["type"]}).json()
    assert 0 < by_type["total"] <= total
    assert all(i["type"] == e["type"] for i in by_type["items"])
    by_quad = client.get("/api/events", params={"quad": e["quad_class"]}).json()
    assert all(i["quad_class"] == e["quad_class"] for i in by_quad["items"])
    ind = client.get("/api/events", params={"actor": "IND", "limit": 200}).json()
    assert ind["total"] and all(
        any(a.startswith("IND") for a in i["sources"] + i["targets"]) for i in ind["items"]
    )
    pair = client.get("/api/events", params={"pair": "CHN-IND"}).json()
    assert pair["total"] <= ind["total"]
    dated = client.get(
        "/api/events", params={"since": "2020-06-01", "until": "2020-06-30", "limit": 200}
    ).json()
    for i in dated["items"]:
        assert i["end"] >= "2020-06-01" and i["start"] <= "2020-06-30"
    none = client.get("/api/events", params={"text": "zzzz-no-such-words"}).json()
    assert none == {"total": 0, "items": []}
    planned = client.get("/api/events", params={"status": "planned", "limit": 200}).json()
    assert all(i["planned"] for i in planned["items"])
    page = client.get("/events", params={"type": e["type"]})
    assert page.status_code == 200 and f"{by_type['total']} events" in page.text


def test_bad_parameters_are_422(client: TestClient) -> None:
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"quad": 9}).status_code == 422
    assert client.get("/events", params={"since": "yesterday"}).status_code == 422
    r = client.get("/api/events", params={"status": "maybe"})
    assert r.status_code == 422 and "planned" in r.text


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/events/nope").status_code == 404
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/api/events/nope").status_code == 404


def test_event_page_highlights_every_supporting_sentence(client: TestClient) -> None:
    e = first_event(client)
    detail = client.get(f"/api/events/{e['id']}").json()
    html = client.get(f"/events/{e['id']}").text
    marks = re.findall(r'<mark class="supporting">(.*?)</mark>', html, re.S)
    assert len(marks) == len(detail["mentions"])
    from html import unescape

    for m, mention in zip(marks, detail["mentions"], strict=True):
        assert unescape(m) == mention["sentence"]["text"]
    assert f"/documents/{detail['mentions'][0]['doc_id']}" in html


def test_document_page_links_spans_to_events(client: TestClient) -> None:
    e = first_event(client)
    doc_id = client.get(f"/api/events/{e['id']}").json()["mentions"][0]["doc_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["spans"]
    for s in doc["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(doc["text"])
    html = client.get(f"/documents/{doc_id}").text
    assert f'href="/events/{e["id"]}"' in html
    assert 'class="span s-actor"' in html


def test_article_markup_is_escaped(client: TestClient, db: Path) -> None:
    con = sqlite3.connect(db)
    doc_id = con.execute("SELECT doc_id FROM documents WHERE text LIKE '%<script>%'").fetchone()[0]
    con.close()
    html = client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;" in html and "<script>window" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html


def test_search_finds_sentences_and_fails_cleanly(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "border"}).json()
    assert body["total"] and any("border" in h["text"].lower() for h in body["items"])
    for bad in ['"unbalanced', "AND", "border AND", "NEAR("]:
        r = client.get("/search", params={"q": bad})
        assert r.status_code == 200
        assert 'class="error"' in r.text
        assert client.get("/api/search", params={"q": bad}).status_code == 422


def test_quotes_and_figures_pages(client: TestClient) -> None:
    quotes = client.get("/api/quotes").json()
    assert quotes["total"] and client.get("/quotes").text.count("/documents/") >= 1
    speaker = quotes["items"][0]["speaker"]
    if speaker:
        sub = client.get("/api/quotes", params={"speaker": speaker}).json()
        assert sub["total"] >= 1 and all(speaker in q["speaker"] for q in sub["items"])
    figs = client.get("/api/figures").json()
    assert figs["total"]
    assert "figgroup" in client.get("/figures").text


def test_chronology_and_trends(client: TestClient) -> None:
    html = client.get("/chronology").text
    starts = re.findall(r"<li><time>(\d{4}-\d\d-\d\d)", html)
    assert starts and starts == sorted(starts)
    trends = client.get("/api/trends").json()["items"]
    assert trends and all(sum(t["quad"].values()) == t["total"] for t in trends)
    assert all(-10 <= t["goldstein"] <= 10 for t in trends)
    page = client.get("/trends")
    assert "/plotly/plotly.min.js" in page.text
    assert client.get("/plotly/plotly.min.js").status_code == 200
    month = trends[0]
    behind = client.get("/api/events", params={"since": month["since"], "until": month["until"]})
    assert behind.json()["total"] >= month["total"]


def test_store_is_read_only(db: Path) -> None:
    con = browse.open_readonly(db)
    with pytest.raises(sqlite3.OperationalError):
        con.execute("DELETE FROM events")
    with pytest.raises(BadSearch):
        browse.search(con, '"open')
    con.close()


def test_missing_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        browse.open_readonly(tmp_path / "none.db")
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError):
        browse.open_readonly(tmp_path / "junk.db")


def test_serve_binds_locally_and_warns_otherwise() -> None:
    from dyad.cli.serve import is_local

    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.4")
