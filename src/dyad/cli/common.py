"""What every command shares: consoles, option types, the error wrapper, store opening and
option parsing."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from dyad import settings
from dyad.errors import DyadError, StoreError
from dyad.report.chronology import EventFilter
from dyad.store.db import Store

# No Rich markup by default: titles, paths, quotes and summaries come from articles, and an
# article must not be able to style or link the terminal. Our own styled messages ask for
# markup explicitly and escape the data in them.
out = Console(markup=False)
err = Console(stderr=True, markup=False)

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[Path, typer.Option("--db", help=settings.DB.help, envvar=settings.DB.env)]
ModelOption = Annotated[
    str, typer.Option("--model", help=settings.MODEL.help, envvar=settings.MODEL.env)
]
ActorOption = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        help="Actor code or prefix (RUS, CHNGOV, IGO...); repeatable: with two, both take part.",
    ),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Keep events that end on or after this ISO date.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Keep events that start on or before this ISO date.")
]


class TableJson(StrEnum):
    table = "table"
    json = "json"


class EventFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ChronologyFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"


class DaySignals(StrEnum):
    events = "events"
    events_timexes = "events+timexes"
    events_timexes_published = "events+timexes+published"


class RougeTokens(StrEnum):
    stemmed = "stemmed"
    plain = "plain"


def handles_errors(fn: F) -> F:
    """Turn a DyadError into a one-line message on stderr and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DyadError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}", markup=True, highlight=False)
            raise typer.Exit(2) from exc

    return wrapper  # type: ignore[return-value]


@contextmanager
def open_store(db: Path, create: bool = False, write: bool = False) -> Iterator[Store]:
    """The store at `db`, read-only unless the command writes (`write`, or `create` for
    ingest, the only command that creates one: a command that reads a mistyped path would
    otherwise print an empty result and leave an empty database behind)."""
    if not create and not db.exists():
        raise StoreError(f"{db}: no such database; run 'dyad ingest ... --db {db}' first")
    store = Store.open(db, read_only=not (create or write))
    try:
        yield store
    finally:
        store.close()


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option
        ) from None


def event_filter(actor: list[str] | None, since: str | None, until: str | None) -> EventFilter:
    since_day, until_day = parse_date(since, "--since"), parse_date(until, "--until")
    return EventFilter(tuple(actor or ()), since_day, until_day)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
