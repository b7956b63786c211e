"""A document's identity: the id is a hash of its text, so re-ingesting stores nothing new,
and its publication-date record as the reader found it (given, from metadata, or unknown)."""

from __future__ import annotations

import hashlib
import unicodedata

from dyad.ingest.readers import RawArticle
from dyad.types import Document, PublicationDate


def content_id(text: str) -> str:
    """The document id: a hash of the NFC-normalised text with whitespace runs folded."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


# No-break and other fixed-width spaces become plain spaces (one code point for one, so no
# offset moves): spaCy keeps them as tokens of their own, which breaks multi-word names.
_ODD_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u202f"})


def to_document(raw: RawArticle) -> Document:
    if raw.published is not None:
        given = raw.published_source == "given"
        published = PublicationDate(
            value=raw.published,
            source="given" if given else "metadata",
            confidence=1.0 if given else 0.9,
            reason="given in the manifest" if given else "read from the page's metadata",
            earliest=raw.published,
            latest=raw.published,
        )
    else:
        published = PublicationDate(None, "unknown", 0.0, "no date given")
    text = raw.text.translate(_ODD_SPACES)
    return Document(
        doc_id=content_id(text),
        text=text,
        path=raw.path,
        title=raw.title,
        outlet=raw.outlet,
        url=raw.url,
        published=published,
        external_id=raw.external_id,
    )
