"""A bulk load's batch of packs: promoted in one transaction (one INSERT per raw table for the
whole batch), with the rows, queue entries and file records that promoting its packs one by one
writes. Real bundled packs, real DuckDB files."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from types import SimpleNamespace

import duckdb
import pytest

from ingest import store
from ingest.frames import pack_frames
from ingest.load import pack_files
from ingest.parallel import default_workers
from ingest.parse import parse_pack
from ingest.schema import RAW_TABLES
from tests.conftest import PACKS, pack_path
from warehouse import settings


@pytest.fixture
def folder(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    for path in pack_files(PACKS):
        shutil.copy(path, packs / path.name)
    return packs


def open_db(tmp_path, name: str):
    return store.connect(settings.work_db(tmp_path / name))


def stage(con, path) -> str:
    """Parse a pack file and stage it as the pipeline's extract step does."""
    frames = pack_frames(parse_pack(path))
    pack = frames["packs"].row(0, named=True)
    store.stage_pack(con, frames)
    stat = path.stat()
    store.record_staged(con, path.name, pack["pack_id"], pack["sha256"], (stat.st_size, 1))
    return pack["pack_id"]


def contents(con) -> dict:
    """Everything a promotion writes, without its clock times."""
    tables = {
        f"{schema}.{table}": con.execute(
            f"SELECT * EXCLUDE (extracted_at) FROM {schema}.{table} ORDER BY ALL"
            if table == "packs"
            else f"SELECT * FROM {schema}.{table} ORDER BY ALL"
        ).fetchall()
        for schema in ("raw", "stage", "quarantine")
        for table in RAW_TABLES
    }
    tables["queue"] = con.execute(
        "SELECT pack_id, file_name, action, superseded_by FROM ops.publish_queue ORDER BY ALL"
    ).fetchall()
    tables["files"] = con.execute(
        "SELECT file_name, pack_id, sha256, status, message, parser_version, file_size "
        "FROM ops.pack_files ORDER BY ALL"
    ).fetchall()
    tables["log"] = con.execute(
        "SELECT file_name, pack_id, sha256, status, message FROM ops.load_log ORDER BY ALL"
    ).fetchall()
    return tables


def stage_batch(con, paths) -> list[str]:
    """Parse pack files and stage them in one transaction, as a bulk load's writer does."""
    frames = [pack_frames(parse_pack(path)) for path in paths]
    packs = [f["packs"].row(0, named=True) for f in frames]
    files = [
        (p.name, k["sha256"], (p.stat().st_size, 1)) for p, k in zip(paths, packs, strict=True)
    ]
    store.stage_packs(con, frames, files)
    return [k["pack_id"] for k in packs]


def test_a_batch_writes_what_pack_by_pack_promotion_writes(tmp_path, folder):
    one_by_one, batch = open_db(tmp_path, "one"), open_db(tmp_path, "batch")
    paths = pack_files(folder)
    ids = [stage(one_by_one, p) for p in paths]
    assert stage_batch(batch, paths) == ids
    staged = contents(one_by_one)
    assert {row[3] for row in staged["files"]} == {"staged"}
    assert sorted((row[0], row[2], row[6]) for row in staged["files"]) == sorted(
        (p.name, hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size) for p in paths
    )
    assert contents(batch) == staged  # the file records too: sha256, parser, size
    for pack_id, path in zip(ids, paths, strict=True):
        store.promote_pack(one_by_one, pack_id, path.name, keep_previous=True)
    store.promote_packs(batch, [(i, p.name) for i, p in zip(ids, paths, strict=True)])
    expected = contents(one_by_one)
    assert len(expected["raw.packs"]) == 4 and expected["stage.lines"] == []
    assert {row[2] for row in expected["queue"]} == {"load"}
    assert contents(batch) == expected


def test_a_batch_reports_each_packs_rows(tmp_path, folder):
    con = open_db(tmp_path, "wh")
    paths = pack_files(folder)
    ids = [stage(con, p) for p in paths]
    counts = store.promote_packs(con, [(i, p.name) for i, p in zip(ids, paths, strict=True)])
    for table in RAW_TABLES:
        held = dict(con.execute(f"SELECT pack_id, count(*) FROM raw.{table} GROUP BY 1").fetchall())
        assert {i: counts[i][table] for i in ids} == {i: held.get(i, 0) for i in ids}
    camhs = pack_path("002")
    lines = len(camhs.read_text(encoding="utf-8").splitlines())
    assert counts[ids[paths.index(folder / camhs.name)]]["lines"] == lines


@pytest.mark.parametrize("keep_previous", [True, False])
def test_a_new_version_in_a_batch_replaces_or_supersedes_the_old(tmp_path, folder, keep_previous):
    con = open_db(tmp_path, "wh")
    changed, other = folder / pack_path("001").name, folder / pack_path("000").name
    old = stage(con, changed)
    store.promote_packs(con, [(old, changed.name)])
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Blackpool\t163", "Blackpool\t164")
    )
    batch = [(stage(con, changed), changed.name), (stage(con, other), other.name)]
    new = batch[0][0]
    store.promote_packs(con, batch, keep_previous=keep_previous)
    held = {r[0] for r in con.execute("SELECT pack_id FROM raw.packs").fetchall()}
    queued = con.execute(
        "SELECT action, superseded_by FROM ops.publish_queue WHERE pack_id = ?", [old]
    ).fetchall()
    if keep_previous:  # the old version stays until the new one passes its fact gate
        assert held == {old, new, batch[1][0]}
        assert ("supersede", new) in queued
    else:
        assert held == {new, batch[1][0]}
        assert ("remove", None) in queued


def test_a_failed_batch_promotes_none_of_its_packs(tmp_path, folder):
    con = open_db(tmp_path, "wh")
    paths = pack_files(folder)
    ids = [stage(con, p) for p in paths]
    con.execute(f"DROP TABLE raw.{list(RAW_TABLES)[-1]}")  # the batch's last INSERT fails
    with pytest.raises(duckdb.Error):
        store.promote_packs(con, [(i, p.name) for i, p in zip(ids, paths, strict=True)])
    assert con.execute("SELECT count(*) FROM raw.packs").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM raw.lines").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM stage.packs").fetchone()[0] == 4
    assert con.execute("SELECT count(*) FROM ops.publish_queue").fetchone()[0] == 0


def verdicts(results) -> list[dict]:
    """What a gate decided about each pack, without run ids and clock times."""
    return [
        {
            "subject": r.subject,
            "passed": r.passed,
            "checks": [c.to_dict() for c in r.checks],
        }
        for r in results
    ]


def test_the_gate_of_a_staged_batch_is_the_gate_of_each_pack(tmp_path, folder):
    from expectations.gate import validate_pack_batch, validate_packs

    con = open_db(tmp_path, "wh")
    paths = pack_files(folder)
    ids = [stage(con, p) for p in paths]
    broken = ids[2]  # one pack's cells printed on lines the pack does not have
    con.execute(
        "UPDATE stage.table_cells SET line_number = 99999 WHERE pack_id = ? AND row_index = 0",
        [broken],
    )
    names = [p.name for p in paths]
    one_by_one = validate_packs([store.staged_frames(con, i) for i in ids], file_names=names)
    batch = validate_pack_batch(store.staged_batch(con, ids), len(ids), file_names=names)
    assert verdicts(batch) == verdicts(one_by_one)
    assert [r.passed for r in batch] == [True, True, False, True]
    failed = [f for f in batch[2].failures if f.severity == "blocking"]
    assert failed and all(f.unexpected_count for f in failed)
    assert {s.get("line") for f in failed for s in f.sample if "line" in s} == {99999}
    assert batch[2].subject["pack_id"] == broken and batch[2].subject["file_name"] == names[2]


def test_a_staged_batch_holds_each_packs_rows_as_printed_and_typed_as_duckdb_gives_them(
    tmp_path, folder
):
    """`store.staged_batch` brings the rows through Arrow where that gives the frame `.df()`
    gives: every table's frame equals `.df()`'s of the same rows, dtypes too (the packs' dates,
    the tables' header lines that may be null), and a pack's lines come in printed order."""
    con = open_db(tmp_path, "wh")
    paths = pack_files(folder)
    ids = [stage(con, p) for p in paths]
    batch = store.staged_batch(con, ids)
    for table in RAW_TABLES:
        expected = con.execute(
            f"SELECT s.*, CAST(list_position(?, s.pack_id) - 1 AS BIGINT) AS _pack_key "
            f"FROM stage.{table} s ORDER BY _pack_key, s.rowid",
            [ids],
        ).df()
        assert batch[table].dtypes.to_dict() == expected.dtypes.to_dict(), table
        assert batch[table].equals(expected), table
    assert str(batch["packs"]["meeting_date"].dtype).startswith("datetime64")
    lines = batch["lines"][batch["lines"]["_pack_key"] == 2]
    data = paths[2].read_bytes()
    try:
        printed = data.decode("utf-8").replace("\r\n", "\n").split("\n")
    except UnicodeDecodeError:
        printed = data.decode("cp1252").replace("\r\n", "\n").split("\n")
    assert lines["line_number"].tolist() == list(range(1, len(lines) + 1))
    row = lines[lines["text"].str.contains("\t", regex=False)].iloc[0]
    assert row["has_tab"] and row["text"] == printed[row["line_number"] - 1]


@pytest.mark.skipif(default_workers() < 2, reason="one core: packs are parsed in process")
def test_the_parser_workers_stop_when_the_loads_are_done(folder):
    """`make warehouse` stops its parser workers before dbt and the publish run, so that
    they do not hold memory through them."""
    from dagster_project import packs
    from dagster_project.build import release_load_memory

    parsed = list(packs.parse_files(pack_files(folder)[:2]))
    assert [p.error for p in parsed] == [None, None]
    assert len(parser_workers()) == default_workers()
    release_load_memory()
    assert packs._PARSER_POOL is None
    assert parser_workers() == []


def parser_workers() -> list[int]:
    """Process ids of this process's children that are spawned multiprocessing workers."""
    from bench.memory import _command, tree_rss_by_process_kb

    children = set(tree_rss_by_process_kb(os.getpid())) - {os.getpid()}
    return [pid for pid in children if "spawn_main" in _command(pid)]


@pytest.mark.skipif(default_workers() < 2, reason="one core: packs are parsed in process")
def test_an_extract_step_starts_parsing_the_next_runs_files(tmp_path, folder, monkeypatch):
    """`make warehouse` tells each load run which files the next one will load: once the
    extract step has parsed its own, the workers start on those (while this process gates and
    promotes), and the next run's extract step stages them without parsing any file twice."""
    from dagster_project import packs
    from dagster_project.resources import WarehouseResource
    from ingest.parallel import ParserPool
    from tests.test_ingest_parallel import _started, parse_and_log

    names = sorted(p.name for p in pack_files(folder))
    first, second = names[:2], names[2:]
    pool = ParserPool(workers=2, work=parse_and_log)
    monkeypatch.setattr(packs, "_PARSER_POOL", pool)
    context = SimpleNamespace(run=SimpleNamespace(run_id="test-run"))
    warehouse = WarehouseResource(warehouse_dir=str(tmp_path / "wh"), packs_dir=str(folder))
    try:
        packs.expect_next_load([folder / name for name in second])
        assert sorted(packs.stage_files(context, warehouse, first)["staged"]) == first
        deadline = time.monotonic() + 60
        while {name for name, _ in _started(folder)} != set(names):
            assert time.monotonic() < deadline, "the next run's files were not started"
            time.sleep(0.05)
        staged = packs.stage_files(context, warehouse, second)["staged"]
    finally:
        pool.close()
    assert sorted(name for name, _ in _started(folder)) == names  # each parsed once
    for name in second:
        assert staged[name] == parse_pack(folder / name).pack_id
