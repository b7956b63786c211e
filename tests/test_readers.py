"""The ingest readers: every format, every error class, manifests and the folder walk."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from dyad.errors import (
    BinaryInput,
    BrokenPdf,
    EmptyInput,
    InputError,
    ManifestError,
    UndecodableInput,
    UnsupportedFormat,
)
from dyad.ingest.htmlpage import metadata_date, parse_metadata_date
from dyad.ingest.readers import RawArticle, iter_articles, read_file

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parent.parent / "samples"


def one(path: Path) -> RawArticle | InputError:
    items = list(iter_articles([path]))
    assert len(items) == 1, items
    return items[0]


def article(path: Path) -> RawArticle:
    item = one(path)
    assert isinstance(item, RawArticle), item
    return item


def error(path: Path, kind: type[InputError]) -> InputError:
    item = one(path)
    assert type(item) is kind, item
    assert item.path == str(path)
    assert str(path) in str(item)  # the message names the file
    return item


# -- plain text ------------------------------------------------------------------------


def test_txt_headline_becomes_title_and_boilerplate_goes() -> None:
    got = article(DATA / "good_article.txt")
    assert got.title == "Norway and Chile sign fisheries research pact"
    assert got.path == str(DATA / "good_article.txt")
    paragraphs = got.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The governments of Norway and Chile signed")
    assert "Valparaíso" in got.text
    # the news sense of "newsletter" stays, the signup prompt and widgets go
    assert paragraphs[-1].startswith("The ministry's weekly newsletter said")
    for junk in ("Loading", "Sign up", "Read more", "pact\n"):
        assert junk not in got.text
    assert got.published is None and got.published_source is None


def test_latin1_text_decodes() -> None:
    got = article(DATA / "latin1_article.txt")
    assert got.title == "Trade envoys meet in Zürich"
    for word in ("café", "Zürich", "€4.5 billion", "Genève"):
        assert word in got.text


def test_empty_and_whitespace_files() -> None:
    error(DATA / "empty.txt", EmptyInput)
    error(DATA / "whitespace.txt", EmptyInput)


def test_binary_file() -> None:
    assert "NUL" in error(DATA / "binary.txt", BinaryInput).reason


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(b"abc\x01\x02\x03\x04def\x05\x06\x07\x08 text" * 20)
    assert "control characters" in error(path, BinaryInput).reason


def test_only_boilerplate_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "widgets.txt"
    path.write_text("Loading...\nRead more\nSign up for our free newsletter\n", encoding="utf-8")
    assert "boilerplate" in error(path, EmptyInput).reason


def test_hard_wrapped_txt_is_reflowed(tmp_path: Path) -> None:
    body = (
        "Ministers from the coastal states met in the port city on Tuesday and agreed\n"
        "to share satellite data on illegal fishing, according to a statement issued\n"
        "after the talks by the host government.\n"
        "\n"
        "The statement said that a joint patrol would start in the spring and that the\n"
        "costs would be shared equally between the participating coast guards.\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(body, encoding="utf-8")
    got = article(path)
    assert got.title is None
    assert got.text.split("\n\n")[0].endswith("issued after the talks by the host government.")
    assert got.text.count("\n\n") == 1


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "broken16.txt"
    # a UTF-16 byte-order mark followed by an unpaired surrogate: no decoding exists
    path.write_bytes(b"\xff\xfeA\x00B\x00\x00\xd8")
    assert "utf-16" in error(path, UndecodableInput).reason


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffA short headline here\r\nThe envoy said so on Monday.\r\n".encode())
    got = article(path)
    assert got.title == "A short headline here"
    assert got.text == "The envoy said so on Monday."


# -- HTML ------------------------------------------------------------------------------


def test_html_article_and_metadata() -> None:
    got = article(DATA / "article.html")
    assert got.title == "Canada and Mexico open talks on rail freight corridor"
    assert got.outlet == "The Lakeside Herald"
    assert got.url == "https://lakesideherald.example/world/rail-corridor-talks"
    assert got.published == date(2021, 5, 18)
    assert got.published_source == "metadata"
    paragraphs = got.text.split("\n\n")
    assert len(paragraphs) == 4, paragraphs
    assert paragraphs[0].startswith("Transport ministers from Canada and Mexico")
    assert paragraphs[-1].endswith("before private operators would use it.")
    for junk in ("Politics", "Share on", "cookies", "newsletter", "All rights", "Privacy"):
        assert junk not in got.text


def test_html_date_in_text_only_is_not_metadata(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Envoys meet</title></head><body><article>"
        "<p>Published 3 March 2020. The envoys of the two states met in the capital on "
        "Monday and agreed to reopen the consulates that were closed last year.</p>"
        "<p>A second meeting is planned for the summer, an official said on Monday "
        "after the talks had ended.</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    got = article(path)
    assert got.published is None and got.published_source is None
    assert "reopen the consulates" in got.text


def test_html_json_ld_date_only() -> None:
    got = article(SAMPLES / "mamallapuram-xi-modi.html")
    assert got.published == date(2019, 10, 13)
    assert got.published_source == "metadata"


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.htm"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    error(path, EmptyInput)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-04-28T10:00:00+05:30", date(2018, 4, 28)),
        ("2018-04-28", date(2018, 4, 28)),
        ("2018/04/28 10:00", date(2018, 4, 28)),
        ("20180428", date(2018, 4, 28)),
        ("2018-02-30", None),
        ("April 28, 2018", None),
        ("", None),
    ],
)
def test_parse_metadata_date(value: str, expected: date | None) -> None:
    assert parse_metadata_date(value) == expected


def test_metadata_date_prefers_json_ld_then_meta() -> None:
    from lxml import html

    tree = html.fromstring(
        '<html><head><meta name="date" content="2001-01-01">'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
        '{"@type": "NewsArticle", "datePublished": "2019-06-09"}]}</script>'
        "</head><body><p>x</p></body></html>"
    )
    assert metadata_date(tree) == date(2019, 6, 9)
    tree = html.fromstring(
        '<html><head><meta name="date" content="2001-01-01"></head><body>'
        '<time itemprop="datePublished" datetime="2015-05-20">May 20</time></body></html>'
    )
    assert metadata_date(tree) == date(2015, 5, 20)


# -- PDF -------------------------------------------------------------------------------


def test_pdf_pages_joined_reflowed_dehyphenated() -> None:
    got = article(DATA / "article.pdf")
    assert got.title == "Border talks resume after a tense winter"
    paragraphs = got.text.split("\n\n")
    assert len(paragraphs) == 7, paragraphs
    assert all("\n" not in p for p in paragraphs)
    assert "Page 1" not in got.text and "Page 2" not in got.text
    # the generator hyphenated at least one long word at a line end; none is left
    assert "- " not in got.text.replace(" - ", "")
    assert "independent researchers" in got.text
    # a paragraph running across the page break is one paragraph
    assert any("both capitals. One of them said" in p for p in paragraphs)
    assert paragraphs[-1].endswith("after months of mutual suspicion.")


def test_truncated_pdf() -> None:
    assert "truncated" in error(DATA / "truncated.pdf", BrokenPdf).reason


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"<html>this is not a pdf</html>\n%%EOF\n")
    assert "not a PDF" in error(path, BrokenPdf).reason


def test_corrupt_pdf_body(tmp_path: Path) -> None:
    data = (DATA / "article.pdf").read_bytes()
    start = data.index(b"stream") + 10
    broken = data[:start] + b"\x00garbage" * 40 + data[start + 320 :]
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(broken)
    item = one(path)
    # pypdf recovers what it can; either the damage is reported or some text survives
    assert isinstance(item, BrokenPdf | RawArticle)
    if isinstance(item, BrokenPdf):
        assert item.path == str(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # an "image" of a page: no text
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert "no extractable text" in error(path, BrokenPdf).reason


# -- manifests -------------------------------------------------------------------------


def test_jsonl_manifest_rows() -> None:
    items = list(iter_articles([DATA / "manifest.jsonl"]))
    assert all(isinstance(i, RawArticle) for i in items), items
    first, second, third = items  # type: ignore[misc]
    name = str(DATA / "manifest.jsonl")
    assert first.path == f"{name}:1"  # the blank second line is skipped, numbers stay true
    assert (second.path, third.path) == (f"{name}:3", f"{name}:4")
    assert first.external_id == "m-1" and first.title == "Ports agree on dredging"
    assert first.outlet == "The Quay Review" and first.url == "https://quay.example/dredging"
    assert first.published == date(2022, 2, 11) and first.published_source == "given"
    assert first.text.count("\n\n") == 1
    # a path row keeps the file's headline as title and adds the row's metadata
    assert second.title == "Norway and Chile sign fisheries research pact"
    assert second.outlet == "The Harbour Gazette"
    assert second.published == date(2020, 11, 4) and second.published_source == "given"
    assert second.text == article(DATA / "good_article.txt").text
    # a row title wins; a numeric id becomes a string; the file's encoding is detected
    assert third.title == "Envoys in Zurich" and third.external_id == "3"
    assert "café" in third.text and third.published is None


def test_csv_manifest_rows() -> None:
    items = list(iter_articles([DATA / "manifest.csv"]))
    assert all(isinstance(i, RawArticle) for i in items), items
    first, second, third = items  # type: ignore[misc]
    name = str(DATA / "manifest.csv")
    assert [i.path for i in items] == [f"{name}:2", f"{name}:3", f"{name}:4"]
    assert first.text.endswith('"The talks were useful," a delegate told reporters.')
    assert first.published == date(2019, 7, 2) and first.published_source == "given"
    # the manifest's date wins over the page's metadata date; page metadata fills the rest
    assert second.published == date(2021, 5, 20) and second.published_source == "given"
    assert second.outlet == "The Lakeside Herald"
    assert second.title == "Canada and Mexico open talks on rail freight corridor"
    assert third.published is None and third.title == "No date here"
    assert "line break inside" in third.text


def test_bad_manifest_rows_are_reported_and_the_rest_goes_on() -> None:
    items = list(iter_articles([DATA / "bad_manifest.jsonl"]))
    name = str(DATA / "bad_manifest.jsonl")
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "RawArticle",
        "ManifestError",
        "ManifestError",
        "ManifestError",
        "ManifestError",
        "EmptyInput",
        "RawArticle",
    ]
    for number, item in enumerate(items, start=1):
        assert item.path == f"{name}:{number}"
    errors = [i for i in items if isinstance(i, InputError)]
    assert "bad JSON" in errors[0].reason
    assert "neither `text` nor `path`" in errors[1].reason
    assert "18/05/2021" in errors[2].reason
    assert "no_such_article.txt" in errors[3].reason and "does not exist" in errors[3].reason
    assert "empty.txt" in errors[4].reason  # names both the row and the file
    assert all(name in str(e) for e in errors)


def test_csv_without_text_or_path_column(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("id,title\n1,Something\n", encoding="utf-8")
    item = one(path)
    assert isinstance(item, ManifestError) and item.path == f"{path}:1"


# -- dispatch and folder walk ----------------------------------------------------------


def test_unsupported_format(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 not really a docx")
    assert ".docx" in error(path, UnsupportedFormat).reason
    with pytest.raises(UnsupportedFormat):
        read_file(path)


def test_missing_path() -> None:
    item = one(DATA / "does_not_exist.txt")
    assert type(item) is InputError and "no such file" in item.reason


def test_folder_walk_rules(tmp_path: Path) -> None:
    for name in ("good_article.txt", "latin1_article.txt", "empty.txt", "article.html"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "manifest.jsonl").write_text(
        '{"id": "x", "path": "good_article.txt", "published": "2020-01-02"}\n'
        '{"id": "y", "path": "sub/deep.txt"}\n',
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / "good_article.txt", tmp_path / "sub" / "deep.txt")
    shutil.copy(DATA / "latin1_article.txt", tmp_path / "sub" / "other.txt")
    (tmp_path / "README.md").write_text("# about this folder\n")
    (tmp_path / "README.txt").write_text("About this folder, not an article.\n")
    (tmp_path / ".hidden.txt").write_text("Hidden text, not an article.\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("Version control notes.\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")

    items = list(iter_articles([tmp_path]))
    paths = [i.path for i in items]
    assert paths == [
        str(tmp_path / "article.html"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "latin1_article.txt"),
        f"{tmp_path / 'manifest.jsonl'}:1",
        f"{tmp_path / 'manifest.jsonl'}:2",
        str(tmp_path / "photo.png"),
        str(tmp_path / "sub" / "other.txt"),
    ]
    kinds = [type(i).__name__ for i in items]
    assert kinds.count("RawArticle") == 5
    assert kinds[1] == "EmptyInput" and kinds[5] == "UnsupportedFormat"
    # a file named explicitly is read even if a manifest references it
    assert isinstance(one(tmp_path / "good_article.txt"), RawArticle)


def test_iter_articles_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A first article, said an official on Monday.\n")
    (tmp_path / "b.txt").write_text("A second article, said an official on Tuesday.\n")
    stream = iter_articles([tmp_path])
    first = next(stream)
    assert isinstance(first, RawArticle)
    (tmp_path / "b.txt").write_text("")  # not read yet: its turn has not come
    rest = list(stream)
    assert len(rest) == 1 and isinstance(rest[0], EmptyInput)


# -- the sample corpus -----------------------------------------------------------------


def test_sample_corpus_reads_cleanly() -> None:
    items = list(iter_articles([SAMPLES]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    assert 12 <= len(items) <= 16
    sources = [i.published_source for i in items if isinstance(i, RawArticle)]
    assert sources.count("given") == 5
    assert sources.count("metadata") == 3
    assert sources.count(None) == len(items) - 8
    suffixes = {Path(i.path.split(":")[0]).suffix for i in items}
    assert suffixes == {".html", ".pdf", ".jsonl", ".txt"}
    for item in items:
        assert isinstance(item, RawArticle)
        assert item.title, item.path
        assert 130 <= len(item.text.split()) <= 400, item.path


def test_generated_samples_are_up_to_date() -> None:
    """The committed HTML/PDF files are what scripts/make_samples.py produces now."""
    pytest.importorskip("fpdf")
    import importlib.util

    script = Path(__file__).parent.parent / "scripts" / "make_samples.py"
    spec = importlib.util.spec_from_file_location("make_samples", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for art in module.HTML_ARTICLES:
        expected = module.render_html(art).encode("utf-8")
        assert (SAMPLES / f"{art['slug']}.html").read_bytes() == expected
    for art in module.PDF_ARTICLES:
        expected = module.render_pdf(art["title"], art["paragraphs"])
        assert (SAMPLES / f"{art['slug']}.pdf").read_bytes() == expected


def test_manifest_paths_stay_inside_the_manifest_folder(tmp_path: Path) -> None:
    """A row naming a file outside the manifest's folder (`../x`, an absolute path) is
    reported with its line, unless the caller allows it."""
    from dyad.ingest.readers import iter_articles

    outside = tmp_path / "outside.txt"
    outside.write_text("Russia and China signed a treaty in Moscow on Monday.", encoding="utf-8")
    inner = tmp_path / "batch"
    inner.mkdir()
    (inner / "in.txt").write_text("China and India held talks in Delhi.", encoding="utf-8")
    manifest = inner / "m.jsonl"
    manifest.write_text(
        '{"path": "in.txt"}\n{"path": "../outside.txt"}\n'
        + json.dumps({"path": str(outside)}) + "\n",
        encoding="utf-8",
    )
    items = list(iter_articles([manifest]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.path for e in errors] == [f"{manifest}:2", f"{manifest}:3"]
    assert all("outside the manifest's folder" in e.reason for e in errors)
    allowed = list(iter_articles([manifest], allow_outside=True))
    assert not any(isinstance(i, InputError) for i in allowed) and len(allowed) == 3


def test_one_stray_byte_does_not_turn_a_utf8_file_into_a_code_page(caplog) -> None:
    """A UTF-8 file with one invalid byte keeps its UTF-8 characters; the byte is replaced and
    a warning names the file and the byte offset."""
    from dyad.ingest.textfile import decode_bytes

    good = "India\u2019s minister said \u201cChina will help\u201d on Monday.\n" * 10
    data = good.encode("utf-8")
    at = data.index(b"China", 100)  # a stray byte between two characters
    damaged = data[:at] + b"\xff" + data[at:]
    with caplog.at_level("WARNING", logger="dyad.ingest.textfile"):
        text = decode_bytes(damaged, "news.txt")
    assert text.replace("\ufffd", "", 1) == good
    assert "news.txt" in caplog.text and f"offset(s) {at}" in caplog.text


def test_a_legacy_code_page_file_is_still_read_as_one() -> None:
    from dyad.ingest.textfile import decode_bytes

    text = "Le ministre a d\xe9clar\xe9 que la Chine \xe9tait pr\xeate \xe0 aider. " * 5
    assert decode_bytes(text.encode("cp1252"), "fr.txt") == text
