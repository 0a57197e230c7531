"""The pack step in chunks (issue 11: memory bounded whatever the number of packs).

`dbt_pack_models` runs dbt once per chunk of at most COUNCIL_TRANSFORM_CHUNK packs
(dagster_project/chunks.py). On the session's build of the bundled packs (the default chunk
size: one invocation), an incremental build in chunks of one pack that adds two packs and
removes another publishes the rows of a build of that folder from empty in chunks of three. (A
full refresh of a built warehouse runs the chunks of a first build: the first with
--full-refresh, which the project's materialization turns into one `create or replace` whether
or not the table exists.)
The step records each dbt invocation (build/transform_chunks.json, with dbt's invocation id).
"""

from __future__ import annotations

import json

import duckdb
import pytest

from dagster_project.chunks import Chunk, chunk_args, plan_chunks, write_chunk
from dagster_project.testing import (
    copy_warehouse,
    make_packs_folder,
    read_summary,
    run_build,
    shared_build,
)
from dagster_project.transform import CHUNKS_RECORD
from ingest.raw_contract import OPS_DDL
from warehouse import settings
from warehouse.compare import compare_warehouses

CHUNK_ENV = settings.TRANSFORM_CHUNK_ENV

# --------------------------------------------------------------------------- planning


def test_the_chunk_size_is_a_setting():
    assert settings.transform_chunk_size(env={}) == settings.DEFAULT_TRANSFORM_CHUNK == 1000
    assert settings.transform_chunk_size(env={CHUNK_ENV: "2"}) == 2


@pytest.fixture
def queue_db():
    con = duckdb.connect()
    con.execute(OPS_DDL)
    con.execute("create schema raw; create table raw.packs (pack_id varchar)")
    for pack in ("p3", "p1", "p2"):
        con.execute("insert into raw.packs (pack_id) values (?)", [pack])
    queued = [("p2", "load"), ("p1", "load"), ("p3", "load"), ("gone", "remove")]
    for i, (pack, action) in enumerate(queued):
        con.execute(
            "insert into ops.publish_queue (pack_id, action, queued_at) "
            "values (?, ?, timestamp '2026-11-30 12:00:00' + to_seconds(?))",
            [pack, action, i],
        )
    yield con
    con.close()


def test_an_incremental_run_chunks_the_queued_packs_and_removes_in_the_first(queue_db):
    chunks = plan_chunks(queue_db, full=False, size=2)
    assert chunks == [Chunk(["p2", "p1"], ["gone"]), Chunk(["p3"], [])]


def test_a_full_refresh_chunks_every_raw_pack(queue_db):
    chunks = plan_chunks(queue_db, full=True, size=1)
    assert chunks == [Chunk(["p3"]), Chunk(["p1"]), Chunk(["p2"])]


def test_chunks_are_as_even_as_may_be(queue_db):
    queue_db.execute("insert into raw.packs select 'q' || range from range(7)")
    assert [len(c.loads) for c in plan_chunks(queue_db, full=True, size=4)] == [4, 3, 3]
    assert [len(c.loads) for c in plan_chunks(queue_db, full=True, size=3)] == [3, 3, 2, 2]
    assert [len(c.loads) for c in plan_chunks(queue_db, full=True, size=10)] == [10]


def test_a_run_with_nothing_queued_is_one_chunk(queue_db):
    queue_db.execute("delete from ops.publish_queue")
    assert plan_chunks(queue_db, full=False, size=2) == [Chunk([], [])]


def test_the_chunk_table_holds_one_chunk(queue_db):
    write_chunk(queue_db, Chunk(["p2", "p1"], ["gone"]))
    write_chunk(queue_db, Chunk(["p3"]))
    assert queue_db.execute("select * from ops.transform_chunk").fetchall() == [("p3", "load")]


def test_only_the_last_chunk_runs_the_tests_and_only_the_first_refreshes():
    assert chunk_args(["build"], 0, 3, full=True) == [
        "build",
        "--full-refresh",
        "--exclude-resource-type",
        "test",
        "--exclude-resource-type",
        "unit_test",
    ]
    assert chunk_args(["build"], 1, 3, full=True) == [
        "build",
        "--exclude-resource-type",
        "test",
        "--exclude-resource-type",
        "unit_test",
        "--exclude-resource-type",
        "seed",
    ]
    assert chunk_args(["build"], 2, 3, full=True) == ["build"]


# --------------------------------------------------------------------------- builds


def _chunks_record(warehouse) -> list[dict]:
    return json.loads((settings.build_dir(warehouse) / CHUNKS_RECORD).read_text())


def _raw_pack_count(warehouse) -> int:
    con = duckdb.connect(str(settings.work_db(warehouse)), read_only=True)
    try:
        return con.execute("select count(*) from raw.packs").fetchone()[0]
    finally:
        con.close()


def _differences(old, new) -> list[str]:
    diffs, only_old, only_new = compare_warehouses(
        settings.published_db(old), settings.published_db(new)
    )
    return [d.describe() for d in diffs if not d.same] + only_old + only_new


CHANGED = ("new_001_b6da0de6cc3fbefc.txt", "new_002_584beb4c97a436e5.txt")
REMOVED = "004_2e7dbfc588d445a2.txt"
HISTORY = ("provenance.pack_files:", "provenance.build_info:")


@pytest.fixture(scope="module")
def chunked(tmp_path_factory):
    """The session's bundled build (default chunk size); on a copy of it, an incremental build
    in chunks of one pack that adds two packs (a reprint of 001 with one more line, a copy of
    002 with one more line) and removes 004; and that folder built from empty in chunks of three
    packs."""
    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-2000:]
    root = tmp_path_factory.mktemp("chunked")
    packs = make_packs_folder(root / "packs_changed", corrupted=True, binary=True)
    for name in CHANGED:
        original = packs / name.removeprefix("new_")
        (packs / name).write_bytes(original.read_bytes() + b"\nReprinted.\n")
    (packs / REMOVED).unlink()
    incremental = copy_warehouse(shared["warehouse"], root / "incremental")
    result = run_build(packs, incremental, extra_env={CHUNK_ENV: "1"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    from_scratch = root / "from_scratch"
    result = run_build(packs, from_scratch, extra_env={CHUNK_ENV: "3"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return {"shared": shared, "incremental": incremental, "from_scratch": from_scratch}


def test_the_default_build_transforms_in_one_invocation(chunked):
    record = _chunks_record(chunked["shared"]["warehouse"])
    assert len(record) == 1
    assert record[0]["packs"] == _raw_pack_count(chunked["shared"]["warehouse"]) == 4


def test_a_build_from_empty_invokes_dbt_once_per_chunk(chunked):
    record = _chunks_record(chunked["from_scratch"])
    assert [c["packs"] for c in record] == [3, 2]
    ids = [c["dbt_invocation_id"] for c in record]
    assert None not in ids and len(set(ids)) == 2
    con = duckdb.connect(str(settings.work_db(chunked["from_scratch"])), read_only=True)
    try:  # emptied after the step
        assert con.execute("select count(*) from ops.transform_chunk").fetchone()[0] == 0
    finally:
        con.close()


def test_an_incremental_build_in_chunks_loads_the_new_packs_and_removes_first(chunked):
    warehouse = chunked["incremental"]
    assert sorted(read_summary(warehouse)["packs_loaded"]) == list(CHANGED)
    record = _chunks_record(warehouse)
    assert [(c["packs"], c["removed_packs"]) for c in record] == [(1, 1), (1, 0)]
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        assert con.execute(
            "select status from provenance.pack_files where file_name = ?", [REMOVED]
        ).fetchall() == [("removed",)]
    finally:
        con.close()


def test_an_incremental_build_in_chunks_equals_a_build_from_scratch_in_other_chunks(chunked):
    """The same rows, whatever the chunks (one invocation, then chunks of one pack; chunks of
    three packs from empty), but for the history of the folder the incremental build keeps: the
    removed file's row in provenance.pack_files and its count in provenance.build_info."""
    differences = _differences(chunked["from_scratch"], chunked["incremental"])
    assert differences, "the histories differ"
    assert [d for d in differences if not d.startswith(HISTORY)] == []
