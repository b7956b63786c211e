"""End to end through the CLI, with the real spaCy pipeline and real fixture files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parents[1] / "samples"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    for name in (
        "good_article.txt",
        "latin1_article.txt",
        "empty.txt",
        "binary.txt",
        "truncated.pdf",
    ):
        shutil.copy(DATA / name, folder / name)
    return folder


def test_bad_input_is_reported_and_the_rest_is_stored(bad_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    code, _, err = run("ingest", bad_folder, "--db", db)
    assert code == 1
    for bad in ("empty.txt", "binary.txt", "truncated.pdf"):
        assert bad in err
    code, out, _ = run("documents", "--db", db, "--format", "json")
    assert code == 0
    docs = json.loads(out)
    assert sorted(Path(d["path"]).name for d in docs) == ["good_article.txt", "latin1_article.txt"]
    # The Latin-1 file was decoded, not mangled.
    code, out, _ = run("events", "--db", db, "--format", "json")
    assert code == 0
    # Re-running stores nothing new and keeps what is there.
    code, _, err = run("ingest", bad_folder, "--db", db)
    assert code == 1 and "0 added" in err
    code, out, _ = run("documents", "--db", db, "--format", "json")
    assert len(json.loads(out)) == 2


def test_latin1_text_reads_correctly(bad_folder: Path, tmp_path: Path) -> None:
    from dyad.store.db import Store

    db = tmp_path / "t.db"
    run("ingest", bad_folder / "latin1_article.txt", "--db", db)
    with Store.open(db) as store:
        (doc,) = list(store.documents())
    raw = (DATA / "latin1_article.txt").read_bytes().decode("cp1252")
    headline, body = raw.split("\n", 1)
    assert doc.title == headline.strip()
    assert " ".join(body.split())[:150] in " ".join(doc.text.split())
    assert "Zürich" in doc.text and "\ufffd" not in doc.text


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("samples") / "samples.db"
    code, _, err = run("ingest", SAMPLES, "--db", db)
    assert code == 0, err
    return db


def test_sample_corpus_gives_a_sourced_chronology(sample_db: Path) -> None:
    code, out, _ = run("chronology", "--db", sample_db, "--format", "json")
    assert code == 0
    entries = json.loads(out)
    assert entries, "the sample corpus yields dated events"
    starts = [e["start"] for e in entries]
    assert starts == sorted(starts)
    from dyad.store.db import Store

    with Store.open(sample_db) as store:
        texts = {d.doc_id: d.text for d in store.documents()}
    for e in entries:
        assert {"start", "end", "summary", "type", "actors", "sources"} <= e.keys()
        assert e["start"] <= e["end"]
        for s in e["sources"]:
            assert {"doc_id", "title", "start", "end", "text"} <= s.keys()
            # Provenance: the offsets point at exactly the quoted sentence.
            assert texts[s["doc_id"]][s["start"] : s["end"]] == s["text"]


def test_filters_and_formats(sample_db: Path) -> None:
    code, out, _ = run(
        "chronology", "--db", sample_db, "--format", "json", "--actor", "IND", "--actor", "CHN"
    )
    assert code == 0
    for e in json.loads(out):
        assert any(a.startswith("IND") for a in e["actors"])
        assert any(a.startswith("CHN") for a in e["actors"])
    code, out, _ = run("events", "--db", sample_db, "--format", "csv", "--since", "2020-01-01")
    assert code == 0 and out.startswith("event_id,")
    import csv
    import io

    for row in csv.DictReader(io.StringIO(out)):
        assert row["end"] >= "2020-01-01"
    code, out, _ = run("chronology", "--db", sample_db, "--format", "md")
    assert code == 0 and out.startswith("- **")
    code, _, err = run("events", "--db", sample_db, "--since", "May 2014")
    assert code == 2 and "ISO date" in err


def test_report_is_self_contained_and_escaped(sample_db: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "r.html"
    code, _, _ = run("report", "--db", sample_db, "--out", out_file)
    assert code == 0
    html = out_file.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.split("<body>")[0]
    assert 'href="#s-' in html and 'id="s-' in html
    assert 'id="quotes"' in html and "This is a test of nerves on both sides" in html
    assert 'id="figures"' in html and "No figures." not in html
    # Every link target exists in the page.
    import re

    ids = set(re.findall(r'id="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in ids


def test_article_markup_is_escaped_in_the_report(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "On May 3, 2019, India and China signed a trade agreement in Beijing.\n\n"
        "A reader wrote <script>alert('x')</script> & <b>bold</b> in the comments.\n",
        encoding="utf-8",
    )
    db, out_file = tmp_path / "e.db", tmp_path / "e.html"
    assert run("ingest", article, "--db", db)[0] == 0
    assert run("report", "--db", db, "--out", out_file)[0] == 0
    html = out_file.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html


def test_unknown_model_is_a_clean_error(tmp_path: Path) -> None:
    code, _, err = run(
        "ingest",
        DATA / "good_article.txt",
        "--db",
        tmp_path / "x.db",
        "--model",
        "no_such_pipeline",
    )
    assert code == 2 and "no_such_pipeline" in err and "Traceback" not in err


def test_quotes_by_speaker_actor_and_words(sample_db: Path) -> None:
    code, out, _ = run("quotes", "--db", sample_db, "--speaker", "kavita", "--format", "json")
    assert code == 0
    (rao,) = json.loads(out)
    assert rao["speaker"] == "Kavita Rao" and rao["cue"] == "said" and rao["kind"] == "direct"
    from dyad.store.db import Store

    with Store.open(sample_db) as store:
        doc = store.document(rao["doc_id"])
    assert doc is not None
    s = rao["sentence"]
    assert doc.text[s["start"] : s["end"]] == s["text"]  # provenance: the sentence itself
    for start, end in rao["content"]:
        assert s["start"] <= start < end <= s["end"]
    code, out, _ = run("quotes", "--db", sample_db, "--actor", "IND", "--format", "json")
    indian = json.loads(out)
    assert indian and all(q["actor"].startswith("IND") for q in indian)
    assert "Narendra Modi" in {q["speaker"] for q in indian}
    code, out, _ = run("quotes", "--db", sample_db, "--search", "nerves", "--format", "json")
    assert [q["speaker"] for q in json.loads(out)] == ["Kavita Rao"]
    code, out, _ = run("quotes", "--db", sample_db, "--search", 'a "bad" query*')
    assert code == 0  # user words are a phrase, never FTS syntax
    code, out, _ = run("quotes", "--db", sample_db, "--speaker", "Kavita")
    assert code == 0 and "Kavita Rao" in out and "nerves" in out


def test_chronology_max_and_type(sample_db: Path) -> None:
    code, out, _ = run("chronology", "--db", sample_db, "--format", "json")
    everything = json.loads(out)
    code, out, _ = run("chronology", "--db", sample_db, "--max", "3", "--format", "json")
    assert code == 0
    top = json.loads(out)
    assert len(top) == 3 and [e["start"] for e in top] == sorted(e["start"] for e in top)
    cut = sorted(e["salience"] for e in everything)[-3]
    assert all(e["salience"] >= cut for e in top)
    code, out, _ = run("chronology", "--db", sample_db, "--type", "consult", "--format", "json")
    consult = json.loads(out)
    assert consult and all("CONSULT" in e["type"].split(" / ") for e in consult)


def test_a_quote_carries_its_dates_and_the_events_it_reports(tmp_path: Path) -> None:
    article = tmp_path / "lavrov.txt"
    article.write_text(
        "Moscow and Beijing sign energy deal\n\n"
        "Foreign Minister Sergei Lavrov said that Russia and China signed a gas agreement in "
        "Shanghai on May 21, 2014. Officials gave no further details.\n",
        encoding="utf-8",
    )
    db = tmp_path / "q.db"
    assert run("ingest", article, "--db", db)[0] == 0
    code, out, _ = run("quotes", "--db", db, "--speaker", "Lavrov", "--format", "json")
    (quote,) = json.loads(out)
    assert quote["dates"] == ["2014-05-21"]
    assert [e["start"] for e in quote["events"]] == ["2014-05-21"]
    code, out, _ = run("events", "--db", db, "--format", "json")
    signing = next(e for e in json.loads(out) if e["event_id"] == quote["events"][0]["event_id"])
    assert signing["cameo"] == "057"  # sign a formal agreement


def test_reading_a_missing_database_is_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for command in ("documents", "events", "chronology", "quotes", "figures"):
        code, _, err = run(command, "--db", missing)
        assert code == 2 and "no such database" in " ".join(err.split()), command
    assert not missing.exists()
