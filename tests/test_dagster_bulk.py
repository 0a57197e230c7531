"""The bulk path (many packs in one ``bulk_load_job`` run) builds the same warehouse as one
``pack_job`` run per pack, and reports every pack on its own partition.

The folder is the shared build's (bundled packs, a corrupted pack, a binary file) plus a
second copy of one bundled pack, built with ``--bulk-threshold 0`` so every pack goes through
the bulk job, in batches small enough that the copy shares a batch with its original.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dagster_project.testing import (
    BINARY_NAME,
    CORRUPTED_NAME,
    bundled_pack_files,
    dagster_instance,
    published_rows,
    read_alerts,
    read_summary,
    run_build,
    shared_build,
)

COPY_NAME = "zz_copy_of_002.txt"
FACT_TABLES = ("fct_waiting_times", "fct_complaints", "fct_decisions", "fct_placements")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-4000:]
    root = tmp_path_factory.mktemp("bulk")
    packs = Path(shutil.copytree(shared["packs"], root / "packs"))
    original = next(p for p in packs.iterdir() if p.name.startswith("002_"))
    shutil.copy(original, packs / COPY_NAME)
    warehouse = root / "warehouse"
    result = run_build(packs, warehouse, "--bulk-threshold", "0", "--batch-size", "8")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return {"per_pack": shared["warehouse"], "bulk": warehouse, "result": result}


def test_the_bulk_job_ran_and_sorted_the_packs_like_the_per_pack_path(builds):
    assert "[bulk]" in builds["result"].stdout
    summary = read_summary(builds["bulk"])
    assert sorted(summary["packs_loaded"]) == sorted(p.name for p in bundled_pack_files())
    assert summary["packs_quarantined"] == [CORRUPTED_NAME]
    assert sorted(summary["packs_failed"]) == sorted([BINARY_NAME, COPY_NAME])
    copy = next(p for p in summary["packs"] if p["file"] == COPY_NAME)
    assert "same bytes as 002_" in copy["errors"][0]  # loaded once, as the original
    assert "load_packs_in_bulk" in summary["stage_seconds"]


def test_bulk_and_per_pack_builds_publish_the_same_facts(builds):
    bulk = published_rows(builds["bulk"], FACT_TABLES)
    per_pack = published_rows(builds["per_pack"], FACT_TABLES)
    for table in FACT_TABLES:
        assert bulk[table], table
        assert bulk[table] == per_pack[table], table


def test_the_quarantined_pack_is_reported_and_alerted(builds):
    assert (builds["bulk"] / "quarantine" / f"{CORRUPTED_NAME}.json").exists()
    kinds = {(a["kind"], a.get("file_name")) for a in read_alerts(builds["bulk"])}
    assert ("pack_quarantined", CORRUPTED_NAME) in kinds
    assert ("pack_unreadable", BINARY_NAME) in kinds


def test_every_pack_is_reported_on_its_own_partition(builds):
    from dagster import AssetCheckKey, AssetKey

    with dagster_instance(builds["bulk"]) as instance:
        raw = instance.get_materialized_partitions(AssetKey(["raw", "table_cells"]))
        staged = instance.get_materialized_partitions(AssetKey(["stage", "pack"]))
        gate = AssetCheckKey(AssetKey(["stage", "pack"]), "pack_gate")
        records = instance.event_log_storage.get_asset_check_execution_history(gate, limit=50)
    bundled = {p.name for p in bundled_pack_files()}
    assert raw == bundled  # the corrupted pack was never promoted
    assert bundled | {CORRUPTED_NAME} <= staged
    outcomes = {record.partition: record.status.value for record in records}
    assert outcomes[CORRUPTED_NAME] == "FAILED"
    assert {outcomes[name] for name in bundled} == {"SUCCEEDED"}


def test_a_batch_whose_packs_were_all_refused_does_not_stop_the_run(tmp_path):
    """Batches of one: the binary file's batch stages nothing, and the run goes on."""
    packs = tmp_path / "packs"
    packs.mkdir()
    bundled = next(p for p in bundled_pack_files() if p.name.startswith("001_"))
    shutil.copy(bundled, packs / bundled.name)
    (packs / BINARY_NAME).write_bytes(bytes(range(256)) * 8)
    warehouse = tmp_path / "warehouse"
    result = run_build(packs, warehouse, "--bulk-threshold", "0", "--batch-size", "1")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    summary = read_summary(warehouse)
    assert summary["packs_loaded"] == [bundled.name]
    (binary,) = [p for p in summary["packs"] if p["file"] == BINARY_NAME]
    assert binary["status"] == "failed" and "IndexError" not in binary["errors"][0]
    assert published_rows(warehouse, ("dim_pack",))["dim_pack"]
