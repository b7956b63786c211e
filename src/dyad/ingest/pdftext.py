"""PDF files: text extraction with pypdf, page furniture removed, lines re-flowed.

Why: PDF text comes out as typeset lines: hard-wrapped, with words hyphenated at line ends
and page numbers between pages. We join the pages, drop lines that are only page numbers,
and let `paragraphs.to_paragraphs` re-flow wrapped lines and undo line-end hyphens.
Damaged files are refused with a reason an analyst can act on: a truncated download (no
end-of-file marker), a file that is not a PDF at all, an encrypted one, or a scan with no
text layer (which needs OCR, which we do not do). Text is taken in pypdf's layout mode,
which keeps paragraph gaps as blank lines; multi-column layouts are not untangled.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from dyad.errors import BrokenPdf, EmptyInput
from dyad.ingest.article import RawArticle
from dyad.ingest.paragraphs import FULL_LINE_SHARE, wrap_width
from dyad.ingest.textfile import article_from_text

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
# A complete PDF ends with %%EOF; allow trailing whitespace or junk in the last kilobyte.
_EOF_WINDOW = 1024


def _page_text(page: PageObject) -> str:
    """Layout mode keeps the vertical gaps between paragraphs as blank lines, which is what
    tells paragraphs apart in wrapped text; plain mode is the fallback for pages whose
    fonts layout mode cannot measure."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except (PyPdfError, ValueError, KeyError, TypeError, ZeroDivisionError):
        return page.extract_text() or ""


def _page_break(before: str, page: str) -> str:
    """Paragraph break between pages only when the last line of the earlier page is short
    (a paragraph's last line); a full-width last line means the paragraph runs on, which
    is the common case (a page rarely ends exactly with a paragraph)."""
    last = before.rstrip().rsplit("\n", 1)[-1]
    width = wrap_width(before.split("\n") + page.split("\n"))
    if width is None:
        return "\n\n" if last.endswith((".", "!", "?", '"', "\u201d")) else "\n"
    return "\n\n" if len(last) < FULL_LINE_SHARE * width else "\n"


def _check_envelope(data: bytes, name: str) -> None:
    if not data.strip():
        raise EmptyInput(name, "the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise BrokenPdf(name, "not a PDF: no %PDF- header at the start of the file")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise BrokenPdf(name, "truncated: the file ends before the PDF end-of-file marker "
                        "(an incomplete download or copy?)")


def extract_pdf_text(path: Path) -> tuple[str, str | None]:
    """The text of every page (page-number lines removed, pages joined by a line break, or
    a blank line when a paragraph ends with the page) and the title in the PDF's metadata."""
    name = str(path)
    data = path.read_bytes()
    _check_envelope(data, name)
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)  # pypdf logs recoverable damage; we report it
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise BrokenPdf(name, "encrypted: cannot read the text without the password")
        pages = [_page_text(page) for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise BrokenPdf(name, f"corrupt PDF: {exc}") from exc
    finally:
        pypdf_logger.setLevel(level)
    if not pages:
        raise BrokenPdf(name, "the PDF has no pages")
    kept = [
        "\n".join(line.strip() for line in page.split("\n") if not _PAGE_NUMBER.match(line))
        .strip("\n")
        for page in pages
    ]
    text = ""
    for page in (page for page in kept if page.strip()):
        text = f"{text}{_page_break(text, page)}{page}" if text else page
    if not text.strip():
        raise BrokenPdf(name, f"no extractable text in {len(pages)} page(s): a scanned image? "
                        "OCR it first")
    return text, title.strip() if isinstance(title, str) and title.strip() else None


def read_pdf(path: Path) -> RawArticle:
    """Read one .pdf file."""
    text, title = extract_pdf_text(path)
    return article_from_text(text, str(path), title)
