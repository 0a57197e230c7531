"""Parse many pack files in worker processes, for one writer in this process.

    for result in parse_files(paths, workers=2):
        if result.error:   ...record result.error (a PackError: file name and problem)
        else:              ...stage result.frames (what `pack_frames` returns)

`ParserPool` keeps the workers for a whole load of several batches, and can start on the next
batch's files early (`prefetch`) while the caller is busy with other work. Results come back in the
order of `paths`, each as soon as it and every one before it is
ready, with at most a few packs per worker parsed ahead: memory stays bounded however many
files are given, and the writer (DuckDB allows one) stages one pack while the workers parse
the next ones. The frames cross the process boundary as Arrow IPC (stream) bytes.

A pack that cannot be read comes back as its `PackError`; so does one whose parse raised
anything else (a parser bug on one pack stops that pack, not the load), and one whose worker
process died while parsing it alone. The pool itself survives all three.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ingest.errors import PackError

PACKS_AHEAD_PER_WORKER = 2  # parsed packs waiting for the writer, at most, per worker
PREFETCH_BYTES = 32 * 1024 * 1024
"""At most this many bytes of files are parsed ahead by `ParserPool.prefetch` (their frames
wait in the caller's memory: some four times as much)."""


@dataclass(frozen=True)
class ParsedFile:
    """One pack file, parsed: its frames, or the error that refused it."""

    path: Path
    sha256: str | None  # None when the file could not be read at all
    frames: dict[str, pl.DataFrame] | None
    error: PackError | None

    @property
    def file_name(self) -> str:
        return self.path.name


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def parse_files(
    paths: Iterable[Path | str], workers: int | None = None, ahead: int | None = None
) -> Iterator[ParsedFile]:
    """Parse `paths` with `workers` processes (default: the cores), yielding a `ParsedFile` per
    path in the same order. `ahead` bounds the packs parsed but not yet taken (default: two per
    worker). One worker, or a single path, parses in this process: no pool to start. A load of
    several batches should keep one `ParserPool` instead: starting workers costs seconds."""
    paths = [Path(p) for p in paths]
    with ParserPool(1 if len(paths) <= 1 else workers, ahead) as pool:
        yield from pool.parse(paths)


class ParserPool:
    """Worker processes kept for a whole load (`with ParserPool() as pool:`), each call of
    `parse(paths)` yielding its packs in order. The workers start on the first call that needs
    them (each a fresh interpreter importing polars and the caller's main module: about a
    second or two) and stop at `close()`; a worker that dies is replaced."""

    def __init__(self, workers: int | None = None, ahead: int | None = None, work=None) -> None:
        self.workers = workers or default_workers()
        self.ahead = max(self.workers, ahead or self.workers * PACKS_AHEAD_PER_WORKER)
        self.work = work or parse_file  # (a test passes one that makes its worker die)
        self._executor: ProcessPoolExecutor | None = None
        self._prefetched: dict[str, tuple[tuple[int, int] | None, Future]] = {}

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._prefetched.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def prefetch(self, paths: Iterable[Path | str], max_bytes: int = PREFETCH_BYTES) -> None:
        """Start parsing the first of these files now (up to `max_bytes` of them), for a later
        `parse` that asks for them: a load's next run, parsed while this one's gate and
        promotion keep the caller on one core. Their results wait in this process until `parse`
        takes them; one whose file changed since (its size or mtime) is parsed again; one never
        asked for goes at `close()`. One worker parses nothing ahead."""
        if self.workers <= 1:
            return
        budget = max_bytes
        for path in map(Path, paths):
            stat = _stat(path)  # before the bytes are read: see _take_prefetched
            if stat is None or stat[0] > budget:
                return
            budget -= stat[0]
            key = _key(path)
            if key not in self._prefetched:
                self._prefetched[key] = (stat, self._submit(path))

    def _take_prefetched(self, path: Path) -> Future | None:
        """The parse `prefetch` started for this file, if the file's stat is still the one taken
        before its bytes were read: a result is never paired with a later state of the file."""
        entry = self._prefetched.pop(_key(path), None)
        if entry is None:
            return None
        stat, future = entry
        if stat is None or stat != _stat(path):
            future.cancel()
            return None
        return future

    def parse(self, paths: Iterable[Path | str]) -> Iterator[ParsedFile]:
        paths = [Path(p) for p in paths]
        if self.workers <= 1:
            for path in paths:
                yield _from_wire(path, self.work(str(path)))
            return
        next_index = 0
        in_flight: deque[tuple[int, Future]] = deque()
        try:
            while in_flight or next_index < len(paths):
                while next_index < len(paths) and len(in_flight) < self.ahead:
                    path = paths[next_index]
                    started = self._take_prefetched(path) or self._submit(path)
                    in_flight.append((next_index, started))
                    next_index += 1
                index, future = in_flight.popleft()
                try:
                    wire = future.result()
                except BrokenProcessPool:
                    # a worker died (killed, out of memory): every pack in flight is lost
                    self._restart()
                    waiting = [(index, future), *in_flight]
                    in_flight = deque(
                        (i, f if _succeeded(f) else self._parse_alone(paths[i])) for i, f in waiting
                    )
                    continue
                yield _from_wire(paths[index], wire)
        finally:
            for _, future in in_flight:
                future.cancel()  # the caller stopped early: packs not started are dropped

    def _submit(self, path: Path) -> Future:
        if self._executor is None:
            self._executor = _new_pool(self.workers)
        try:
            return self._executor.submit(self.work, str(path))
        except BrokenProcessPool as error:
            # a worker died since the last submit: this pack is lost with the pool, like the
            # packs in flight, and parsed again alone (`_parse_alone`) like them
            future: Future = Future()
            future.set_exception(error)
            return future

    def _restart(self) -> None:
        self._prefetched.clear()  # lost with the pool: parsed again when asked for
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = _new_pool(self.workers)

    def _parse_alone(self, path: Path) -> Future:
        """A pack lost with a dead worker is parsed again with nothing else in flight. Only
        then is a death its own: the pack that was merely beside the killer parses, and one
        whose worker dies again, alone, comes back as its error. (Counting deaths instead
        blamed an innocent pack that happened to be in flight beside the killer twice.)"""
        future = self._submit(path)
        try:
            future.result()
        except BrokenProcessPool:
            self._restart()
            future = Future()
            future.set_result((None, None, (path.name, "its parser process died while reading it")))
        return future


def parse_file(path: str) -> tuple:
    """Worker side: read, hash, parse one pack; its frames as Arrow IPC bytes, or its problem.

    Returns plain values (picklable whatever the error): (sha256, {table: ipc bytes}, None) or
    (sha256 or None, None, (file name, problem))."""
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack_bytes

    name = Path(path).name
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return None, None, (name, f"cannot be read ({error.strerror})")
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        frames = pack_frames(parse_pack_bytes(name, data))
    except PackError as error:
        return sha256, None, (error.file_name, error.problem)
    except Exception as error:  # noqa: BLE001 - one pack's parser failure must not end the load
        return sha256, None, (name, f"the parser failed on it ({type(error).__name__}: {error})")
    return sha256, {table: _to_ipc(frame) for table, frame in frames.items()}, None


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """Fresh interpreters (`spawn`): forking a process that holds DuckDB connections and the
    threads of Dagster can deadlock a child. A pool whose workers cannot even start (this
    program cannot be imported again in a child) is an error of the set-up, raised here,
    not a death blamed on the packs."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        pool.submit(_ready).result()
    except BrokenProcessPool as error:
        pool.shutdown(wait=False, cancel_futures=True)
        raise RuntimeError(f"parser worker processes cannot start: {error}") from error
    return pool


def _key(path: Path) -> str:
    return os.fspath(path.absolute())


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _ready() -> bool:
    return True


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _from_wire(path: Path, wire: tuple) -> ParsedFile:
    sha256, ipc, problem = wire
    if problem is not None:
        return ParsedFile(path, sha256, None, PackError(*problem))
    return ParsedFile(path, sha256, {table: _from_ipc(data) for table, data in ipc.items()}, None)


def _to_ipc(frame: pl.DataFrame) -> bytes:
    """Arrow IPC, stream format: written and read several times faster than the file format
    (no footer to build and seek), which nothing here needs."""
    buffer = io.BytesIO()
    frame.write_ipc_stream(buffer, compression="uncompressed")
    return buffer.getvalue()


def _from_ipc(data: bytes) -> pl.DataFrame:
    return pl.read_ipc_stream(data)
