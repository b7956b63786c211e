"""Turn core types into plain JSON-able values and back.

One generic codec for every frozen dataclass in `dyad.types`, driven by the type hints, so
the store, the exports and (later) the web app agree on one representation.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_plain(value: Any) -> Any:
    """Dataclasses become dicts, dates ISO strings, tuples lists; other values pass through."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(tp: Any, data: Any) -> Any:
    """Rebuild a value of type `tp` from what `to_plain` produced."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return from_plain(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return tuple(from_plain(item, v) for v in data)
    if origin is typing.Literal:
        return data
    if tp is date:
        return date.fromisoformat(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp) if f.init}
        return tp(**{k: from_plain(hints[k], v) for k, v in data.items() if k in names})
    return data


def loads(cls: type[T], text: str) -> T:
    result: T = from_plain(cls, json.loads(text))
    return result
