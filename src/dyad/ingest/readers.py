"""Read articles from files and folders: .txt, .html/.htm, .pdf and .jsonl/.csv manifests.

`iter_articles` is the one entry point. It never raises for bad input: a file or manifest
row that cannot be read becomes an `InputError` (naming the file, or "manifest:line") in
the stream and the batch goes on. It streams: folders are walked lazily and each file is
read only when its turn comes.

Rules, and why:
- Folders are walked recursively in sorted order (reproducible runs and stable ids order).
- Hidden files and folders (name starting with ".") and files named README* (any
  extension) are skipped silently when walking a folder: they are repository furniture
  (a corpus folder's README is not an article). A file named explicitly is always read.
- Any other extension (.docx, .png, .md ...) yields `UnsupportedFormat`, so an analyst
  sees what was not ingested rather than losing it silently.
- A manifest owns the files it references: when a folder holds a manifest, the files its
  `path` rows point to (anywhere below that folder) are read through the manifest only,
  with its metadata, and not a second time by the folder walk. Files named explicitly
  on the command line are read even when some manifest references them.
- Extensions are matched case-insensitively.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from dyad.errors import InputError, UnsupportedFormat
from dyad.ingest.article import RawArticle
from dyad.ingest.htmlpage import read_html
from dyad.ingest.manifest import MANIFEST_SUFFIXES, iter_manifest, referenced_paths
from dyad.ingest.pdftext import read_pdf
from dyad.ingest.textfile import read_text

__all__ = ["RawArticle", "iter_articles", "read_file", "SUPPORTED_SUFFIXES"]

_READERS: dict[str, Callable[[Path], RawArticle]] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}
SUPPORTED_SUFFIXES = (*_READERS, *MANIFEST_SUFFIXES)


def read_file(path: Path) -> RawArticle:
    """Read one article file (not a manifest); raises an InputError subclass if it cannot."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(
            str(path),
            f"unsupported file type {path.suffix or '(none)'!r}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    try:
        return reader(path)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file: {exc.strerror or exc}") from exc


def _read_one(path: Path, allow_outside: bool) -> Iterator[RawArticle | InputError]:
    if path.suffix.lower() in MANIFEST_SUFFIXES:
        try:
            yield from iter_manifest(path, read_file, allow_outside)
        except OSError as exc:
            yield InputError(str(path), f"cannot read the manifest: {exc.strerror or exc}")
        return
    try:
        yield read_file(path)
    except InputError as exc:
        yield exc


def _skipped(path: Path) -> bool:
    return path.name.startswith(".") or path.name.upper().startswith("README")


def _walk(
    folder: Path, owned: frozenset[Path], allow_outside: bool
) -> Iterator[RawArticle | InputError]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot list the folder: {exc.strerror or exc}")
        return
    entries = [e for e in entries if not _skipped(e)]
    manifests = [e for e in entries if e.is_file() and e.suffix.lower() in MANIFEST_SUFFIXES]
    if manifests:
        found: set[Path] = set(owned)
        for manifest in manifests:
            try:
                found |= referenced_paths(manifest)
            except OSError:
                continue  # reported when the manifest itself is read
        owned = frozenset(found)
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry, owned, allow_outside)
        elif entry.is_file() and entry.resolve() not in owned:
            yield from _read_one(entry, allow_outside)


def iter_articles(
    paths: Sequence[Path], *, allow_outside: bool = False
) -> Iterator[RawArticle | InputError]:
    """Walk files and folders and yield one RawArticle per article or one InputError per file
    or manifest row that cannot be read (see the module docstring for the rules). A manifest
    row's `path` must stay inside the manifest's folder unless `allow_outside`."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path, frozenset(), allow_outside)
        elif path.is_file():
            yield from _read_one(path, allow_outside)
        else:
            yield InputError(str(path), "no such file or folder")
