"""Per-document analysis on a Dask cluster: the same function as in one process, on workers.

The client reads and identifies articles, sends them to the workers in batches of
`batch_size` and keeps at most `in_flight` batches there, so its memory stays flat however
large the corpus; results come back in submission order, and the caller stores them (one
writer, in document order, as in one process). Each worker process loads the spaCy pipeline
once (`cached_pipeline`, a per-process cache) and reuses it for every batch it is given. A
document whose analysis fails is reported with its path, exactly as in one process
(`analyse_isolated` runs on the worker).

`local_cluster(n)` starts N single-threaded worker processes on this machine; `connect(address)`
uses a running cluster (`dask scheduler`, `dask worker ADDRESS`), whose workers must have dyad
and the same spaCy model installed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING

from dyad.app.ingest import Analyser, analyse_isolated
from dyad.errors import InputError
from dyad.nlp.pipeline import cached_pipeline
from dyad.types import Analysis, Document

if TYPE_CHECKING:
    from distributed import Client, Future

Result = tuple[list[tuple[Document, Analysis]], list[InputError]]


def analyse_batch(batch: list[Document], model: str, batch_size: int) -> Result:
    """Run on a worker: analyse one batch with that worker's pipeline for `model`."""
    errors: list[InputError] = []
    pairs = list(analyse_isolated(cached_pipeline(model), iter(batch), batch_size, errors))
    return pairs, errors


def dask_analyser(
    client: Client, model: str, batch_size: int = 32, in_flight: int | None = None
) -> Analyser:
    """An `Analyser` that runs batches on `client`'s workers, at most `in_flight` at a time
    (default: two per worker thread, so that no worker waits for the next batch)."""
    if in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        in_flight = 2 * threads

    def run(
        documents: Iterator[Document], errors: list[InputError]
    ) -> Iterator[tuple[Document, Analysis]]:
        pending: deque[Future[Result]] = deque()
        it = iter(documents)
        while True:
            while len(pending) < in_flight and (batch := list(islice(it, batch_size))):
                pending.append(client.submit(analyse_batch, batch, model, batch_size, pure=False))
            if not pending:
                return
            pairs, failed = pending.popleft().result()
            errors.extend(failed)
            yield from pairs

    return run


@contextmanager
def local_cluster(workers: int) -> Iterator[Client]:
    """A client of a new cluster of `workers` single-threaded worker processes here (no
    dashboard: nothing listens beyond what the workers need, on 127.0.0.1)."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the running cluster whose scheduler is at `address` (tcp://host:port)."""
    from distributed import Client

    with Client(address) as client:
        yield client
