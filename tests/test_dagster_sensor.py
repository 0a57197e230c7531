"""The sensors follow the plan (dagster_project/planning.py): new and changed files are requested
as multi-pack runs over partition ranges, a busy working DB skips the tick, and the publish
sensor starts a run only when the published warehouse is behind."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from dagster import (
    AddDynamicPartitionsRequest,
    DagsterInstance,
    RunRequest,
    SkipReason,
    build_schedule_context,
    build_sensor_context,
)
from dagster._core.storage.tags import (
    ASSET_PARTITION_RANGE_END_TAG,
    ASSET_PARTITION_RANGE_START_TAG,
)

from dagster_project.jobs import PUBLISH_KEYS
from dagster_project.packs import PACKS_PARTITION
from dagster_project.planning import Plan, load_ranges, publish_selection, transform_fingerprint
from dagster_project.resources import WarehouseResource
from dagster_project.sensors import nightly_catch_up, packs_folder_sensor, publish_sensor
from warehouse import settings

REPO = Path(__file__).resolve().parents[1]
BUNDLED = sorted((REPO / "data" / "packs").glob("*.txt"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record_loaded(work_db: Path, files: dict[str, str]) -> None:
    """What the pipeline would have written to ops.pack_files after loading these files."""
    from ingest.parse import PARSER_VERSION
    from ingest.store import connect

    con = connect(work_db)
    try:
        for name, sha in files.items():
            con.execute(
                "insert into ops.pack_files (file_name, pack_id, sha256, status, message, "
                "updated_at, parser_version) values (?, ?, ?, 'promoted', null, ?, ?)",
                [name, sha[:16], sha, datetime(2024, 1, 1), PARSER_VERSION],
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
        settings.work_db(warehouse),
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


def _tick(setup, cursor=None, sensor=packs_folder_sensor):
    context = build_sensor_context(
        instance=setup["instance"],
        cursor=cursor,
        resources={"warehouse": setup["resource"]},
    )
    return sensor(context)


def _range(request) -> tuple[str, str]:
    return (
        request.tags[ASSET_PARTITION_RANGE_START_TAG],
        request.tags[ASSET_PARTITION_RANGE_END_TAG],
    )


def test_one_range_run_covers_exactly_the_changed_and_the_new_pack(setup):
    result = _tick(setup)
    assert [_range(r) for r in result.run_requests] == [(setup["changed"], setup["new"])]
    adds = [
        r for r in result.dynamic_partitions_requests if isinstance(r, AddDynamicPartitionsRequest)
    ]
    assert [key for r in adds for key in r.partition_keys] == [setup["new"]]


def test_a_second_tick_requests_nothing_more(setup):
    first = _tick(setup)
    setup["instance"].add_dynamic_partitions(PACKS_PARTITION, [setup["new"]])
    second = _tick(setup, cursor=first.cursor)
    assert isinstance(second, SkipReason)


def test_changing_a_file_again_requests_it_again(setup):
    first = _tick(setup)
    setup["instance"].add_dynamic_partitions(PACKS_PARTITION, [setup["new"]])
    path = setup["packs"] / setup["new"]
    path.write_bytes(path.read_bytes() + b"\nAnother line.\n")
    second = _tick(setup, cursor=first.cursor)
    assert [_range(r) for r in second.run_requests] == [(setup["new"], setup["new"])]
    assert second.run_requests[0].run_key != first.run_requests[0].run_key


def test_a_busy_working_db_skips_the_tick(setup):
    # another process holds the working DB for writing (the pipeline mid-load)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
            " sys.stdin.read()",
            str(settings.work_db(setup["warehouse"])),
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
    assert len(_tick(setup).run_requests) == 1


def test_publish_waits_for_loads_then_runs_once_for_a_removed_file(setup):
    waiting = _tick(setup, sensor=publish_sensor)
    assert isinstance(waiting, SkipReason) and "waiting" in waiting.skip_message
    for name in (setup["changed"], setup["new"]):  # loaded since, with their current bytes
        (setup["packs"] / name).unlink()
    _record_loaded(settings.work_db(setup["warehouse"]), {})
    request = _tick(setup, sensor=publish_sensor)
    assert isinstance(request, RunRequest), request
    assert "removed" in request.tags["council/plan"]


def test_an_up_to_date_warehouse_starts_no_run(setup):
    from ingest.store import connect

    for name in (setup["changed"], setup["new"]):
        (setup["packs"] / name).unlink()
    con = connect(settings.work_db(setup["warehouse"]))
    con.execute("delete from ops.pack_files where file_name <> ?", [setup["unchanged"]])
    con.execute("insert into ops.transform_state values (?, now())", [transform_fingerprint()])
    con.close()
    (settings.published_db(setup["warehouse"])).write_bytes(b"")  # a published file exists
    assert isinstance(_tick(setup), SkipReason)
    skip = _tick(setup, sensor=publish_sensor)
    assert isinstance(skip, SkipReason) and "up to date" in skip.skip_message
    context = build_schedule_context(
        instance=setup["instance"], resources={"warehouse": setup["resource"]}
    )
    assert isinstance(nightly_catch_up(context), SkipReason)


def test_load_ranges_cover_exactly_the_files_to_load_in_runs_of_at_most_n():
    order = ["a", "b", "c", "d", "e", "f", "g"]
    assert load_ranges(order, ["b", "c", "d", "f"], 100) == [("b", "d"), ("f", "f")]
    assert load_ranges(order, order, 3) == [("a", "c"), ("d", "f"), ("g", "g")]
    assert load_ranges(order, [], 3) == []


def test_an_incremental_publish_leaves_out_the_seeds_and_the_views_no_test_reads():
    """What `make warehouse`, the sensor and the schedule publish: every asset of publish_job
    when every pack is transformed again; otherwise not the seeds and the views, which change
    only with the dbt project (a change to it is a full refresh)."""
    for plan in (
        Plan(published=False),
        Plan(published=True, transform_changed=True),
        Plan(published=True, full_refresh_asked=True),
    ):
        assert publish_selection(plan, PUBLISH_KEYS) is None
    selected = {
        key.to_user_string() for key in publish_selection(Plan(published=True), PUBLISH_KEYS)
    }
    everything = {key.to_user_string() for key in PUBLISH_KEYS}
    left_out = everything - selected
    for name in ("reference/council_aliases", "staging/stg_lines", "bi/facts", "provenance/lines"):
        assert name in left_out, name
    for name in ("marts/fct_complaints", "marts/dim_council", "published_warehouse"):
        assert name in selected, name
    # a view whose dbt test reports on the new rows (no_rows) is built so that the test runs
    assert "intermediate/int_dq_cross_pack_conflicts" in selected


def test_a_file_an_older_parser_refused_is_read_again_by_a_newer_one():
    """A pack the parser of its day could not read (a minutes pack without tables was once
    refused) is tried again when the parser changes, and only then."""
    from dagster_project.planning import PackFile, Recorded, load_reason

    pack = PackFile("minutes.txt", "ab" * 32, 120, 1)
    refused = Recorded("ab" * 32, "error", "1.3.7", 120, 1)
    assert load_reason(pack, refused, "1.3.10", retry_quarantined=False) == "parser"
    assert load_reason(pack, refused, "1.3.7", retry_quarantined=False) is None
    unrecorded = Recorded("ab" * 32, "error", None, 120, 1)  # refused before versions were kept
    assert load_reason(pack, unrecorded, "1.3.10", retry_quarantined=False) == "parser"
