"""The command line (`dyad ...`): `commands.py` holds the commands that read and write a store,
`bench.py` the `dyad bench ...` group, `common.py` what they share."""

from dyad.cli.commands import app, main

__all__ = ["app", "main"]
