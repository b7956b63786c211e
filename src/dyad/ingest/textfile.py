"""Plain-text files: decoding, the body/headline split, and the shared text clean-up.

Why these rules:
- Encoding: UTF-8 is tried first because it is by far the most common and a strict UTF-8
  decode almost never succeeds by accident on other encodings; only then is
  charset-normalizer asked to detect one, ties between equally clean candidates going
  to the more common encoding (a cp1252/Latin-1 file reads "café", "€").
- Binary files (NUL bytes, or more than `MAX_CONTROL_SHARE` of control characters after
  decoding) are refused rather than fed to the NLP as noise.
- Headline: scraped text often starts with the headline on its own line. If the first
  paragraph (after boilerplate removal) is a short single line with no sentence-final
  punctuation and more text follows, it becomes the title and is left out of the body;
  the stored text is the body alone, so offsets stay simple. Sub-headings further down
  are kept in the body.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from dyad.errors import BinaryInput, EmptyInput, UndecodableInput
from dyad.ingest.article import RawArticle
from dyad.ingest.boilerplate import clean_paragraphs
from dyad.ingest.paragraphs import join_paragraphs, to_paragraphs

log = logging.getLogger(__name__)

MAX_CONTROL_SHARE = 0.01
MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 160
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}
# A headline may end in "?" ("Can the truce hold?"), not in these.
_SENTENCE_END = (".", "!", ",", ";", ":", "-", "\u2026", '."', ".\u201d", "?\u201d")
_CHAOS_TIE = 0.01
# A UTF-8 file with more invalid bytes than this is read as a legacy code page instead.
_MAX_MENDED = 64
# Legacy encodings in rough order of how often news text is found in them.
_COMMON_ENCODINGS = (
    "cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251", "iso8859_2", "koi8_r",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp1253", "cp1254", "cp1256",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a text file's bytes; raises EmptyInput, BinaryInput or UndecodableInput."""
    if not data.strip():
        raise EmptyInput(path, "the file is empty or holds only whitespace")
    text = _decode(data, path)
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if controls > MAX_CONTROL_SHARE * len(text):
        raise BinaryInput(path, f"{controls} control characters in {len(text)}: not a text file")
    if not text.strip():
        raise EmptyInput(path, "the file holds only whitespace")
    return text


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UndecodableInput(path, f"has a {encoding} mark but is not {encoding}: "
                                       f"{exc.reason}") from exc
    if b"\x00" in data:
        raise BinaryInput(path, "contains NUL bytes: not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mended = _utf8_mended(data)
    if mended is not None:
        text, bad = mended
        shown = ", ".join(str(b) for b in bad[:10]) + (" ..." if len(bad) > 10 else "")
        log.warning("%s: %d byte(s) that are not UTF-8 replaced by U+FFFD, at byte offset(s) %s",
                    path, len(bad), shown)  # fmt: skip
        return text
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UndecodableInput(path, "not UTF-8 and no other text encoding fits")
    # On short texts several single-byte code pages decode equally cleanly (cp1252 and
    # cp775 both accept "Z\xfcrich"); break such ties by how common the encoding is.
    tied = {m.encoding: m for m in matches if m.chaos <= best.chaos + _CHAOS_TIE}
    for encoding in _COMMON_ENCODINGS:
        if encoding in tied:
            return str(tied[encoding])
    return str(best)


def _utf8_mended(data: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 with its few invalid bytes replaced, when that explains the file better than a
    legacy code page: the valid multi-byte UTF-8 characters outnumber the invalid bytes (a
    stray byte in a UTF-8 file, not a cp1252 file, which has no multi-byte sequences and
    whose every accented letter is invalid UTF-8). Returns the text and the byte offsets of
    what was replaced, or None (then a legacy code page is chosen)."""
    parts: list[str] = []
    bad: list[int] = []
    pos = 0
    while True:
        try:
            parts.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            if len(bad) >= _MAX_MENDED:
                return None  # too many: a legacy encoding, not a damaged UTF-8 file
            parts.append(data[pos : pos + exc.start].decode("utf-8"))
            parts.append("\ufffd")
            bad.append(pos + exc.start)
            pos += exc.end
    text = "".join(parts)
    multibyte = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return (text, bad) if multibyte > len(bad) else None


def is_headline(paragraph: str) -> bool:
    """A short line without sentence-final punctuation, such as a news headline."""
    words = paragraph.split()
    return (
        2 <= len(words) <= MAX_HEADLINE_WORDS
        and len(paragraph) <= MAX_HEADLINE_CHARS
        and not paragraph.rstrip().endswith(_SENTENCE_END)
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def body_and_title(
    text: str, title: str | None = None, reflow: bool = True
) -> tuple[str, str | None]:
    """Paragraphs, boilerplate removed, headline split off: returns (body, title).

    With a `title` already known (HTML metadata, a manifest), a first paragraph repeating it
    is dropped; otherwise a headline-like first paragraph becomes the title.
    """
    paragraphs = clean_paragraphs(to_paragraphs(text, reflow))
    if len(paragraphs) > 1:
        if title is not None and _same(paragraphs[0], title):
            paragraphs = paragraphs[1:]
        elif title is None and is_headline(paragraphs[0]):
            title, paragraphs = paragraphs[0], paragraphs[1:]
    return join_paragraphs(paragraphs), title


def article_from_text(text: str, path: str, title: str | None = None) -> RawArticle:
    """Build a RawArticle from already-decoded text; EmptyInput if no body is left."""
    body, title = body_and_title(text, title)
    if not body.strip():
        raise EmptyInput(path, "no article text left after removing site boilerplate")
    return RawArticle(text=body, path=path, title=title)


def read_text(path: Path) -> RawArticle:
    """Read one .txt file."""
    name = str(path)
    return article_from_text(decode_bytes(path.read_bytes(), name), name)
