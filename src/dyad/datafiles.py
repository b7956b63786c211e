"""Reading the data files shipped in ``dyad/data/``."""

from __future__ import annotations

from importlib import resources

from dyad.errors import KnowledgeBaseError


def read_data(name: str) -> str:
    """The text of ``dyad/data/<name>``; KnowledgeBaseError naming the file when it cannot
    be read."""
    try:
        return resources.files("dyad.data").joinpath(name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        raise KnowledgeBaseError(f"{name}: cannot read ({exc})") from exc
