"""The packs-folder sensor: new and changed files request their partitions, removed files are
reported, a busy working DB skips the tick."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from dagster import (
    AddDynamicPartitionsRequest,
    DagsterInstance,
    SkipReason,
    build_sensor_context,
)

from dagster_project.packs import PACKS_PARTITION
from dagster_project.resources import WarehouseResource
from dagster_project.sensors import packs_folder_sensor, plan_pack_runs

REPO = Path(__file__).resolve().parents[1]
BUNDLED = sorted((REPO / "data" / "packs").glob("*.txt"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record_loaded(work_db: Path, files: dict[str, str]) -> None:
    """What the pipeline would have written to ops.pack_files after loading these files."""
    from ingest.store import connect

    con = connect(work_db)
    try:
        for name, sha in files.items():
            con.execute(
                "insert into ops.pack_files values (?, ?, ?, 'promoted', null, ?)",
                [name, sha[:16], sha, datetime(2024, 1, 1)],
            )
    finally:
        con.close()


@pytest.fixture
def setup(tmp_path):
    packs = tmp_path / "packs"
    warehouse = tmp_path / "warehouse"
    packs.mkdir()
    (warehouse / "build").mkdir(parents=True)
    unchanged, changed, new = BUNDLED[0], BUNDLED[1], BUNDLED[2]
    for path in (unchanged, changed, new):
        shutil.copy(path, packs / path.name)
    # the changed pack: loaded before with other bytes
    _record_loaded(
        warehouse / "build" / "work.duckdb",
        {unchanged.name: _sha(unchanged), changed.name: "0" * 64},
    )
    (packs / changed.name).write_bytes(changed.read_bytes() + b"\nAn appended line.\n")
    resource = WarehouseResource(warehouse_dir=str(warehouse), packs_dir=str(packs))
    instance = DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(PACKS_PARTITION, [unchanged.name, changed.name])
    return {
        "packs": packs,
        "warehouse": warehouse,
        "resource": resource,
        "instance": instance,
        "unchanged": unchanged.name,
        "changed": changed.name,
        "new": new.name,
    }


def _tick(setup, cursor=None):
    context = build_sensor_context(
        instance=setup["instance"],
        cursor=cursor,
        resources={"warehouse": setup["resource"]},
    )
    return packs_folder_sensor(context)


def test_requests_exactly_the_new_and_the_changed_pack(setup):
    result = _tick(setup)
    requested = sorted(r.partition_key for r in result.run_requests)
    assert requested == sorted([setup["new"], setup["changed"]])
    reasons = {r.partition_key: r.tags["council/reason"] for r in result.run_requests}
    assert reasons == {setup["new"]: "new", setup["changed"]: "changed"}
    for request in result.run_requests:
        assert request.tags["council/pack_sha256"] == _sha(setup["packs"] / request.partition_key)
    # only the new file needs a new partition
    adds = [
        r for r in result.dynamic_partitions_requests if isinstance(r, AddDynamicPartitionsRequest)
    ]
    assert [key for r in adds for key in r.partition_keys] == [setup["new"]]
    assert {e.partition for e in result.asset_events} == {setup["new"], setup["changed"]}


def test_a_second_tick_requests_nothing_more(setup):
    first = _tick(setup)
    setup["instance"].add_dynamic_partitions(PACKS_PARTITION, [setup["new"]])
    second = _tick(setup, cursor=first.cursor)
    assert not second.run_requests


def test_changing_a_file_again_requests_it_again(setup):
    first = _tick(setup)
    setup["instance"].add_dynamic_partitions(PACKS_PARTITION, [setup["new"]])
    path = setup["packs"] / setup["new"]
    path.write_bytes(path.read_bytes() + b"\nAnother line.\n")
    second = _tick(setup, cursor=first.cursor)
    assert [r.partition_key for r in second.run_requests] == [setup["new"]]
    assert second.run_requests[0].run_key != first.run_requests[0].run_key


def test_a_removed_file_is_reported_not_deleted(setup):
    first = _tick(setup)
    (setup["packs"] / setup["unchanged"]).unlink()
    second = _tick(setup, cursor=first.cursor)
    assert not second.run_requests
    assert not [
        r
        for r in second.dynamic_partitions_requests
        if not isinstance(r, AddDynamicPartitionsRequest)
    ]
    alerts = [
        json.loads(line)
        for line in (setup["warehouse"] / "alerts.jsonl").read_text().splitlines()
        if line.strip()
    ]
    removed = [a for a in alerts if a.get("kind") == "pack_file_removed"]
    assert [a["file_name"] for a in removed] == [setup["unchanged"]]
    # the rows it loaded are still recorded
    con = duckdb.connect(str(setup["warehouse"] / "build" / "work.duckdb"), read_only=True)
    try:
        names = {r[0] for r in con.execute("select file_name from ops.pack_files").fetchall()}
    finally:
        con.close()
    assert setup["unchanged"] in names
    # reported once, not at every tick
    third = _tick(setup, cursor=second.cursor)
    assert not third.run_requests
    alerts_after = (setup["warehouse"] / "alerts.jsonl").read_text().count("pack_file_removed")
    assert alerts_after == 1


def test_a_busy_working_db_skips_the_first_tick(setup):

    # another process holds the working DB for writing (the pipeline mid-load)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
            " sys.stdin.read()",
            str(setup["warehouse"] / "build" / "work.duckdb"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        result = _tick(setup)
        assert isinstance(result, SkipReason)
        assert "busy" in result.skip_message
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # once the pipeline lets go, the next tick goes ahead
    assert {r.partition_key for r in _tick(setup).run_requests} == {setup["new"], setup["changed"]}


def test_plan_pack_runs_is_pure():
    current = {"a.txt": "1" * 64, "b.txt": "2" * 64, "c.txt": "3" * 64}
    loaded = {"a.txt": "1" * 64, "b.txt": "9" * 64}
    assert plan_pack_runs(current, loaded, {}) == [
        ("b.txt", "2" * 64, "changed"),
        ("c.txt", "3" * 64, "new"),
    ]
    assert plan_pack_runs(current, loaded, {"c.txt": "3" * 64}) == [("b.txt", "2" * 64, "changed")]
