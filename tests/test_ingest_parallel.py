"""Parsing in worker processes (ingest.parallel): the same frames as parsing in this process,
in the order given, and a file that cannot be read comes back as its error among the others."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import polars as pl
import pytest

from ingest.frames import pack_frames
from ingest.parallel import ParserPool, parse_file, parse_files
from ingest.parse import parse_pack
from tests.conftest import pack_path

BUNDLED = ["000", "001", "002", "004"]


def _without_clock(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    return {t: f.drop("extracted_at") if t == "packs" else f for t, f in frames.items()}


@pytest.fixture(scope="module")
def serial_frames():
    return {p: _without_clock(pack_frames(parse_pack(pack_path(p)))) for p in BUNDLED}


@pytest.fixture
def mixed_folder(tmp_path) -> list[Path]:
    """Good packs with bad files between them: empty, binary, gone before it is read."""
    tmp_path = tmp_path / "packs"
    tmp_path.mkdir()
    paths = []
    for prefix in BUNDLED:
        paths.append(tmp_path / pack_path(prefix).name)
        shutil.copy(pack_path(prefix), paths[-1])
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    return [
        paths[0],
        tmp_path / "empty.txt",
        paths[1],
        tmp_path / "binary.txt",
        tmp_path / "gone.txt",
        paths[2],
        paths[3],
    ]


def test_workers_give_the_frames_of_serial_parsing(serial_frames):
    paths = [pack_path(p) for p in BUNDLED]
    results = list(parse_files(paths, workers=2))
    assert [r.file_name for r in results] == [p.name for p in paths]
    for prefix, result in zip(BUNDLED, results, strict=True):
        assert result.error is None
        frames = _without_clock(result.frames)
        assert frames.keys() == serial_frames[prefix].keys()
        for table, frame in frames.items():
            assert frame.schema == serial_frames[prefix][table].schema, (prefix, table)
            assert frame.equals(serial_frames[prefix][table]), (prefix, table)
    # a printed line and a cell of pack 002 came through the process boundary as printed
    lines = results[2].frames["lines"]
    assert (
        lines.filter(pl.col("line_number") == 605)["text"].item() == "CAMHS\t263\t88\t33%\t47\t14"
    )
    assert results[2].sha256 == results[2].frames["packs"]["sha256"].item()


def test_bad_files_come_back_as_their_errors_in_order(mixed_folder):
    results = list(parse_files(mixed_folder, workers=2, ahead=2))
    assert [r.file_name for r in results] == [p.name for p in mixed_folder]
    errors = {r.file_name: r.error for r in results if r.error}
    assert set(errors) == {"empty.txt", "binary.txt", "gone.txt"}
    assert errors["empty.txt"].problem == "the file is empty"
    assert "binary" in errors["binary.txt"].problem
    assert errors["gone.txt"].problem.startswith("cannot be read")
    assert all(e.file_name == name for name, e in errors.items())
    assert results[4].sha256 is None  # never read
    good = [r for r in results if not r.error]
    assert [r.frames["packs"]["file_name"].item() for r in good] == [
        pack_path(p).name for p in BUNDLED
    ]


def test_one_worker_parses_in_this_process_with_the_same_results(mixed_folder):
    pooled = list(parse_files(mixed_folder[:3], workers=2))
    serial = list(parse_files(mixed_folder[:3], workers=1))
    assert [(r.file_name, r.sha256, bool(r.error)) for r in serial] == [
        (r.file_name, r.sha256, bool(r.error)) for r in pooled
    ]
    assert _without_clock(serial[0].frames)["tables"].equals(
        _without_clock(pooled[0].frames)["tables"]
    )


def die_on_killer(path: str) -> tuple:
    """A worker that dies (as one killed for memory would) on the file named `killer.txt`."""
    if Path(path).name == "killer.txt":
        os._exit(1)
    return parse_file(path)


def test_a_dying_worker_loses_only_its_own_pack(tmp_path):
    small = tmp_path / "small.txt"
    shutil.copy(pack_path("001"), small)
    (tmp_path / "killer.txt").write_text("Report to:\tX\n", encoding="utf-8")
    paths = [small, tmp_path / "killer.txt", small, small]
    with ParserPool(workers=2, ahead=2, work=die_on_killer) as pool:
        results = list(pool.parse(paths))
    assert [r.file_name for r in results] == [p.name for p in paths]
    assert [bool(r.error) for r in results] == [False, True, False, False]
    assert "died" in results[1].error.problem
    assert results[3].frames["tables"].height == 4  # pack 001 prints four tables


def test_a_pack_in_flight_beside_the_killer_each_time_is_not_blamed(tmp_path):
    """The race behind a flaky run. The pool's first worker takes the killer, which dies before
    the second worker has started: the pack after it is lost with the pool each time the two
    are in flight together. The death is blamed on the pack whose worker dies when it is
    parsed alone; the other parses."""
    small = tmp_path / "small.txt"
    shutil.copy(pack_path("001"), small)
    (tmp_path / "killer.txt").write_text("Report to:\tX\n", encoding="utf-8")
    with ParserPool(workers=2, ahead=2, work=die_on_killer) as pool:
        results = list(pool.parse([tmp_path / "killer.txt", small]))
    assert "died" in results[0].error.problem
    assert results[1].error is None
    assert results[1].frames["tables"].height == 4  # pack 001 prints four tables


def test_a_pack_submitted_after_a_worker_died_is_parsed_by_a_fresh_pool(tmp_path):
    """The race behind a flaky run: a worker dies while the pool is being filled, and the next
    submit finds the pool broken. That pack never started: it is parsed by the fresh pool and
    not counted as lost (nor blamed for the death)."""
    from concurrent.futures.process import BrokenProcessPool

    small = tmp_path / "small.txt"
    shutil.copy(pack_path("001"), small)
    killer = tmp_path / "killer.txt"
    killer.write_text("Report to:\tX\n", encoding="utf-8")
    with ParserPool(workers=2, ahead=2, work=die_on_killer) as pool:
        assert isinstance(pool._submit(killer).exception(timeout=60), BrokenProcessPool)
        unstarted = pool._submit(small)  # the pool is broken now: no exception raised here
        assert isinstance(unstarted.exception(), BrokenProcessPool)
        (result,) = list(pool.parse([small]))
    assert result.error is None
    assert result.frames["tables"].height == 4  # pack 001 prints four tables


def test_cli_with_workers_loads_what_serial_loading_loads(mixed_folder, tmp_path):
    """`python -m ingest.cli --workers 2` against one process: the same raw rows and the same
    errors recorded, the bad files refused by name."""
    from ingest import store
    from ingest.cli import main
    from tests.test_ingest_load import snapshot

    folder = mixed_folder[0].parent
    assert main(["--packs", str(folder), "--db", str(tmp_path / "serial.duckdb")]) == 1
    pooled_db = tmp_path / "pooled.duckdb"
    assert main(["--packs", str(folder), "--db", str(pooled_db), "--workers", "2"]) == 1
    logs = []
    for name in ("serial.duckdb", "pooled.duckdb"):
        con = store.connect(tmp_path / name)
        logs.append(
            (
                snapshot(con),
                con.execute(
                    "SELECT file_name, status, message FROM ops.pack_files ORDER BY ALL"
                ).fetchall(),
            )
        )
        con.close()
    assert logs[0] == logs[1]
    files = logs[1][1]
    assert ("empty.txt", "error", "empty.txt: the file is empty") in files
    assert [f for f, status, _ in files if status == "promoted"] == [
        pack_path(p).name for p in BUNDLED
    ]


def parse_and_log(path: str) -> tuple:
    """A worker that notes each pack it starts and its own process id (in `started.log` beside
    the pack), then parses it."""
    with (Path(path).parent / "started.log").open("a", encoding="utf-8") as log:
        log.write(f"{Path(path).name} {os.getpid()}\n")
    return parse_file(path)


def _started(folder: Path) -> list[tuple[str, str]]:
    lines = (folder / "started.log").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines]


def test_no_more_packs_are_parsed_ahead_than_asked(tmp_path):
    """Bounded memory: with `ahead=2`, a caller that has taken one result has let at most two
    packs start; the rest start only as results are taken, and all come back in order."""
    paths = []
    for index in range(6):
        paths.append(tmp_path / f"pack{index}.txt")
        shutil.copy(pack_path("001"), paths[-1])
    with ParserPool(workers=2, ahead=2, work=parse_and_log) as pool:
        results = pool.parse(paths)
        first = next(results)
        started_before = _started(tmp_path)
        rest = list(results)
    assert len(started_before) <= 2
    assert [r.file_name for r in [first, *rest]] == [p.name for p in paths]
    assert sorted(name for name, _ in _started(tmp_path)) == sorted(p.name for p in paths)


def test_one_pool_parses_batch_after_batch_with_the_same_workers(tmp_path):
    """A load of several batches keeps its workers: starting interpreters costs seconds."""
    paths = []
    for index in range(4):
        paths.append(tmp_path / f"pack{index}.txt")
        shutil.copy(pack_path("001"), paths[-1])
    with ParserPool(workers=2, work=parse_and_log) as pool:
        first = [r.file_name for r in pool.parse(paths[:2])]
        second = [r.file_name for r in pool.parse(paths[2:])]
    assert (first, second) == (["pack0.txt", "pack1.txt"], ["pack2.txt", "pack3.txt"])
    assert len({pid for _, pid in _started(tmp_path)}) <= 2  # no new workers for batch two


def test_files_prefetched_for_the_next_batch_are_parsed_before_it_asks(tmp_path):
    """A load's next run: its files start parsing as soon as `prefetch` names them, and
    `parse` then hands back those results, in order, without parsing any file twice."""
    paths = []
    for index, prefix in enumerate(["001", "002", "004"]):
        paths.append(tmp_path / f"pack{index}_{pack_path(prefix).name}")
        shutil.copy(pack_path(prefix), paths[-1])
    with ParserPool(workers=2, work=parse_and_log) as pool:
        pool.prefetch(paths)
        deadline = time.monotonic() + 60
        while len(_started(tmp_path) if (tmp_path / "started.log").exists() else []) < 2:
            assert time.monotonic() < deadline, "prefetch started no parse"
            time.sleep(0.05)
        results = list(pool.parse(paths))
    assert [r.file_name for r in results] == [p.name for p in paths]
    assert all(r.error is None for r in results)
    assert sorted(name for name, _ in _started(tmp_path)) == sorted(p.name for p in paths)
    for path, result in zip(paths, results, strict=True):
        serial = _without_clock(pack_frames(parse_pack(path)))
        frames = _without_clock(result.frames)
        assert all(frames[t].equals(serial[t]) for t in serial), path.name


def parse_then_log(path: str) -> tuple:
    """A worker that notes each pack once it has read and parsed it (in `parsed.log`)."""
    result = parse_file(path)
    with (Path(path).parent / "parsed.log").open("a", encoding="utf-8") as log:
        log.write(f"{Path(path).name}\n")
    return result


def test_a_file_changed_after_its_prefetch_is_parsed_again(tmp_path):
    """The result of a prefetch is never paired with a later state of its file: a pack edited
    (or replaced) after the workers read it is read again when the run asks for it."""
    path = tmp_path / "pack.txt"
    shutil.copy(pack_path("001"), path)
    with ParserPool(workers=2, work=parse_then_log) as pool:
        pool.prefetch([path])
        deadline = time.monotonic() + 60
        while not (tmp_path / "parsed.log").exists():  # the old bytes have been read
            assert time.monotonic() < deadline, "prefetch parsed nothing"
            time.sleep(0.05)
        replaced = pack_path("002").read_bytes()
        path.write_bytes(replaced)
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))
        (result,) = list(pool.parse([path]))
    assert result.error is None
    assert result.sha256 == hashlib.sha256(replaced).hexdigest()
    assert (tmp_path / "parsed.log").read_text(encoding="utf-8").split() == ["pack.txt"] * 2
