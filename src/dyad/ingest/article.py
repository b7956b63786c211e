"""`RawArticle`: what a reader produces from one file or manifest row, before it becomes a
`dyad.types.Document` (ids and publication-date records come in `ingest.identity`, NLP in
`app.ingest`).

Why a separate module: every reader (text, HTML, PDF, manifest) builds these, and
`readers` imports the readers; keeping the type here avoids an import cycle.
`dyad.ingest.readers` re-exports it, which is where callers should import it from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read. `text` is the body with boilerplate removed, paragraphs separated
    by a blank line ("\\n\\n"); a headline recognised at the top is moved to `title` and is
    not part of `text` (every later offset points into `text`)."""

    text: str
    path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: Literal["given", "metadata"] | None = None
    external_id: str | None = None
