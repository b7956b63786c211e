"""Reading the data files shipped in ``dyad/data/``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dyad.errors import KnowledgeBaseError


def read_data(name: str) -> str:
    """The text of ``dyad/data/<name>``, or of the file `name` names when it is a path (a
    component's configuration may point at a file of the user's own, e.g. a larger cue
    lexicon); KnowledgeBaseError naming the file when it cannot be read."""
    try:
        if Path(name).name != name:
            return Path(name).read_text(encoding="utf-8")
        return resources.files("dyad.data").joinpath(name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{name}: cannot read ({exc})") from exc
