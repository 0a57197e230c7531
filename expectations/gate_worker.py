"""The pack gate in a worker process that imports Great Expectations before it is needed.

Importing GX and making its context takes some 3.5-4.5 s of one core, and the pack gate is the
first thing of a build that needs it: in `make warehouse` that import was a third of loading one
pack. ``with gate_worker.started(warehouse_dir):`` (dagster_project/build.py, around the load
runs) spawns one worker process that imports GX and makes its contexts at once, while this
process starts the load run and parses and stages its packs; the pack gate then hands each
load's staged rows to the worker (`validate_pack_batch`) and gets the results back, the GX
results already kept for Data Docs there. Leaving the block stops the worker, so its memory is
not held through dbt and the publish.

Without a worker (a run launched from `make ui`, the tests' direct calls) or if the worker dies,
the gate runs in the calling process, as `expectations.gate.validate_pack_batch`: the same
expectations over the same rows, the same results.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from expectations import gate

log = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None
_warmed: Future | None = None


@contextmanager
def started(warehouse_dir: str | Path) -> Iterator[None]:
    """Run the pack gate in a warm worker process for the block (see the module's docstring)."""
    global _pool, _warmed
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    _pool, _warmed = pool, pool.submit(_warm, str(warehouse_dir))
    try:
        yield
    finally:
        _pool = _warmed = None
        pool.shutdown(wait=True, cancel_futures=True)


def validate_pack_batch(
    batch: dict[str, Any],
    count: int,
    *,
    warehouse_dir: str | Path | None = None,
    file_names: list[str | None] | None = None,
) -> list[gate.GateResult]:
    """`expectations.gate.validate_pack_batch`, in the warm worker when one is running."""
    kwargs = {"warehouse_dir": warehouse_dir, "file_names": file_names}
    pool = _pool
    if pool is not None and count:
        try:
            return pool.submit(_validate_in_worker, batch, count, kwargs).result()
        except BrokenProcessPool as error:
            log.warning("the pack gate's worker process died (%s): validating here", error)
    return gate.validate_pack_batch(batch, count, **kwargs)


def _warm(warehouse_dir: str) -> None:
    """In the worker: import GX and make the contexts the gate validates and keeps results in."""
    from expectations import _gx

    _gx.validation_context()
    _gx.docs_context(warehouse_dir)


def _validate_in_worker(batch: dict[str, Any], count: int, kwargs: dict) -> list:
    """In the worker: validate, keep the GX results for Data Docs here (validate_pack_batch does,
    given the warehouse folder), and send back the results without GX's objects."""
    results = gate.validate_pack_batch(batch, count, **kwargs)
    for result in results:
        result.validation_results = {}
    gate.release_gate_memory()
    return results
