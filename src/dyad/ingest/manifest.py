"""Manifests (.jsonl, .csv): one article per row, with metadata given by whoever collected it.

Row keys/columns: ``text`` (the article itself) or ``path`` (a file, relative to the
manifest's folder, read with the ordinary readers), and optionally ``id``, ``url``,
``title``, ``outlet``, ``published`` (an ISO date, YYYY-MM-DD: recorded as "given").
A row's own values win over what the file says (a manifest title beats a headline found
in the text). Every row is independent: a malformed row (bad JSON, neither text nor path,
a bad date, a missing file) yields a `ManifestError` naming "manifest:line" and the
reason, and the next row is read. Rows are streamed, never loaded all at once.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from dyad.errors import InputError, ManifestError
from dyad.ingest.article import RawArticle
from dyad.ingest.textfile import article_from_text

MANIFEST_SUFFIXES = (".jsonl", ".csv")
FIELDS = ("text", "path", "id", "url", "title", "outlet", "published")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

FileReader = Callable[[Path], RawArticle]
Row = tuple[int, dict[str, object] | ManifestError]


def _jsonl_rows(path: Path) -> Iterator[Row]:
    name = str(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{name}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError:
                yield number, ManifestError(where, "the line is not UTF-8")
                continue
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, ManifestError(where, f"bad JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(row, dict):
                yield number, ManifestError(where, "a row must be a JSON object")
                continue
            yield number, row


def _csv_rows(path: Path) -> Iterator[Row]:
    name = str(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip().lower() for h in next(reader, [])]
            if not {"text", "path"} & set(header):
                yield 1, ManifestError(f"{name}:1", "the header has neither a `text` nor a "
                                       "`path` column")
                return
            start = reader.line_num + 1
            for cells in reader:
                number, start = start, reader.line_num + 1
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    yield number, ManifestError(
                        f"{name}:{number}", f"{len(cells)} cells for {len(header)} columns"
                    )
                    continue
                yield number, {k: v for k, v in zip(header, cells, strict=True) if v != ""}
        except (csv.Error, UnicodeDecodeError) as exc:
            yield reader.line_num, ManifestError(f"{name}:{reader.line_num}",
                                                 f"unreadable CSV from here on: {exc}")


def rows(path: Path) -> Iterator[Row]:
    """(line number, row dict or ManifestError) for each non-blank row of a manifest."""
    return _jsonl_rows(path) if path.suffix.lower() == ".jsonl" else _csv_rows(path)


def referenced_paths(path: Path) -> set[Path]:
    """The resolved files a manifest's `path` rows point to (for the folder walk's rule
    that such files are read through the manifest only)."""
    found: set[Path] = set()
    for _, row in rows(path):
        if isinstance(row, dict) and isinstance(row.get("path"), str) and row["path"]:
            found.add((path.parent / str(row["path"])).resolve())
    return found


def _text_field(row: dict[str, object], key: str, where: str) -> str | None:
    value = row.get(key)
    if value is None or value == "":
        return None
    if key == "id" and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ManifestError(where, f"`{key}` must be a string, got {type(value).__name__}")
    return value.strip() or None


def _published(row: dict[str, object], where: str) -> date | None:
    value = _text_field(row, "published", where)
    if value is None:
        return None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ManifestError(where, f"`published` must be an ISO date YYYY-MM-DD, "
                            f"got {value!r}") from None


def article_from_row(
    row: dict[str, object],
    manifest: Path,
    number: int,
    read_file: FileReader,
    allow_outside: bool = False,
) -> RawArticle:
    """One row -> RawArticle; raises ManifestError (or the file reader's InputError)."""
    where = f"{manifest}:{number}"
    text = _text_field(row, "text", where)
    relative = _text_field(row, "path", where)
    published = _published(row, where)
    title = _text_field(row, "title", where)
    if text is not None:
        article = article_from_text(text, where, title)
    elif relative is not None:
        target = manifest.parent / relative
        if not allow_outside and not target.resolve().is_relative_to(manifest.parent.resolve()):
            raise ManifestError(
                where,
                f"`path` {relative!r} points outside the manifest's folder "
                f"({manifest.parent}); pass --allow-outside to read it",
            )
        if not target.is_file():
            raise ManifestError(where, f"referenced file {str(target)!r} does not exist")
        try:
            article = read_file(target)
        except InputError as exc:
            raise type(exc)(where, f"{exc.path}: {exc.reason}") from exc
    else:
        raise ManifestError(where, "the row has neither `text` nor `path`")
    return dataclasses.replace(
        article,
        path=where,
        title=title or article.title,
        outlet=_text_field(row, "outlet", where) or article.outlet,
        url=_text_field(row, "url", where) or article.url,
        published=published or article.published,
        published_source="given" if published else article.published_source,
        external_id=_text_field(row, "id", where),
    )


def iter_manifest(
    manifest: Path, read_file: FileReader, allow_outside: bool = False
) -> Iterator[RawArticle | InputError]:
    """Stream a manifest's articles, one RawArticle or InputError per row."""
    for number, row in rows(manifest):
        if isinstance(row, ManifestError):
            yield row
            continue
        try:
            yield article_from_row(row, manifest, number, read_file, allow_outside)
        except InputError as exc:
            yield exc
