"""`dyad serve`: the analyst's web app over a store, opened read-only."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from dyad import settings
from dyad.cli.common import DbOption, err, handles_errors
from dyad.errors import StoreError

LOCAL = {"localhost"}


def is_local(host: str) -> bool:
    if host in LOCAL:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@handles_errors
def serve(
    db: DbOption = Path(settings.DB.default),
    host: Annotated[
        str, typer.Option(help="Address to bind (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8765,
) -> None:
    """Serve the web app (pages, JSON API under /api/, OpenAPI at /docs) over a database."""
    import uvicorn

    from dyad.web.app import create_app

    if not db.exists():
        raise StoreError(f"{db}: no such database; run 'dyad ingest ... --db {db}' first")
    if not is_local(host):
        err.print(
            f"[yellow]warning:[/yellow] binding {host}: anyone who can reach this address can "
            "read the whole store (there is no login)",
            markup=True,
            highlight=False,
        )
    app = create_app(db)
    err.print(f"dyad serving {db} (read-only) on http://{host}:{port}/", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
