"""The pack gate in a worker process that imports Great Expectations before it is needed.

Importing GX and making its contexts takes some 3.5-4.5 s of one core, and the pack gate is
the first thing of a build that needs it: in `make warehouse` that import was a third of adding
one pack. ``with gate_worker.started(warehouse_dir):`` (dagster_project/build.py, from the
build's first moment) spawns one worker process that imports GX and makes its contexts at
once, while the build imports Dagster, plans and parses; the pack gate then hands each load's
staged rows to the worker (`validate_pack_batch`) and gets the results back, the GX results
already kept for Data Docs there; a bulk load's large batches are validated in the build's
process instead (WORKER_MAX_PACKS). `stop()` (once the loads are done, or at once when there is
nothing to load) lets the worker go without waiting for it, so its memory is not held through
dbt and the publish.

Without a worker (a run launched from `make ui`, the tests' direct calls), or if it dies or
fails, the gate runs in the calling process, as `expectations.gate.validate_pack_batch`: the
same expectations over the same rows, the same results.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from expectations import _gx, gate

log = logging.getLogger(__name__)

WORKER_MAX_PACKS = 20
"""Batches of at most this many packs go to the worker. A batch crosses the pipe pickled (its
frames' text column by column, some 7 ms a pack: 7 s over a 1,000-pack build's five batches of
200), which a few packs repay many times and a bulk load's batches do not: those are validated
in the build's process, GX imported in a thread while their packs parse (`prepare_load`)."""

_worker: tuple[BaseProcess, Connection] | None = None


@contextmanager
def started(warehouse_dir: str | Path) -> Iterator[None]:
    """Run the pack gate in a warm worker process for the block, or until `stop()`."""
    global _worker
    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe()
    process = context.Process(
        target=_serve, args=(there, str(warehouse_dir)), name="pack-gate", daemon=True
    )
    process.start()
    there.close()  # the worker's end: a worker that dies is then an EOFError here
    _worker = (process, here)
    try:
        yield
    finally:
        stop()


def stop() -> None:
    """Let the worker go: it exits once it has read this (a daemon: never left behind)."""
    global _worker
    if _worker is None:
        return
    process, connection = _worker
    _worker = None
    try:
        connection.send(None)
    except OSError:
        process.kill()
    connection.close()


def prepare_load(packs: int) -> None:
    """A load of this many packs is starting: when its batches will be validated in this
    process (no worker, or more packs than WORKER_MAX_PACKS), import GX in a thread while they
    parse, not after."""
    if _worker is None or packs > WORKER_MAX_PACKS:
        _gx.make_validation_context_in_background()


def validate_pack_batch(
    batch: dict[str, Any],
    count: int,
    *,
    warehouse_dir: str | Path | None = None,
    file_names: list[str | None] | None = None,
) -> list[gate.GateResult]:
    """`expectations.gate.validate_pack_batch`, in the warm worker when one is running."""
    kwargs = {"warehouse_dir": warehouse_dir, "file_names": file_names}
    if _worker is not None and 0 < count <= WORKER_MAX_PACKS:
        try:
            _worker[1].send((batch, count, kwargs))
            validated, results = _worker[1].recv()
        except (OSError, EOFError) as error:
            validated, results = False, f"the worker process died ({error!r})"
            stop()
        if validated:
            return results
        log.warning("the pack gate's worker could not validate (%s): validating here", results)
    return gate.validate_pack_batch(batch, count, **kwargs)


def _serve(connection: Connection, warehouse_dir: str) -> None:
    """In the worker: import GX and make the contexts, then validate each batch it is sent."""
    try:
        _gx.validation_context()
        _gx.docs_context(warehouse_dir)
    except Exception:  # the first batch reports it (and is validated in the build's process)
        pass
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        try:
            connection.send((True, _validate_in_worker(*message)))
        except Exception as error:
            connection.send((False, f"{type(error).__name__}: {error}"))


def _validate_in_worker(batch: dict[str, Any], count: int, kwargs: dict) -> list:
    """Validate, keep the GX results for Data Docs here (validate_pack_batch does, given the
    warehouse folder), and send back the results without GX's objects."""
    results = gate.validate_pack_batch(batch, count, **kwargs)
    for result in results:
        result.validation_results = {}
    gate.release_gate_memory()
    return results
