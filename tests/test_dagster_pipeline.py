"""End to end, in process: every bundled pack plus a corrupted and an unreadable one.

The good packs load and publish; the corrupted pack fails its own partition at its blocking
gate (quarantined, reported, alerted); the unreadable one fails at extract; nothing else is
affected.
"""

from __future__ import annotations

import subprocess

import duckdb
import pytest

from dagster_project.testing import (
    BINARY_NAME,
    CORRUPTED_NAME,
    bundled_pack_files,
    dagster_instance,
    read_alerts,
    shared_build,
)

DOMAINS = ("complaints", "decisions", "placements", "waiting_times")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    built = shared_build(tmp_path_factory)
    result: subprocess.CompletedProcess = built["result"]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return built


@pytest.fixture(scope="module")
def instance(build):
    with dagster_instance(build["warehouse"]) as inst:
        yield inst


def test_the_console_shows_progress_and_a_summary(build):
    out = build["result"].stdout
    total = len(bundled_pack_files()) + 2
    assert f"[1/{total}]" in out and f"[{total}/{total}]" in out
    assert "extract / gate / promote" in out
    assert "Summary" in out
    assert "quarantined" in out and CORRUPTED_NAME in out
    assert "council.duckdb" in out


def test_good_packs_load_bad_ones_fail_alone(build):
    summary = build["summary"]
    assert sorted(summary["packs_loaded"]) == sorted(p.name for p in bundled_pack_files())
    assert summary["packs_quarantined"] == [CORRUPTED_NAME]
    assert summary["packs_failed"] == [BINARY_NAME]
    assert summary["published"] is True


def test_the_marts_hold_facts_for_every_domain(build):
    con = duckdb.connect(str(build["warehouse"] / "council.duckdb"), read_only=True)
    try:
        for domain in DOMAINS:
            count = con.execute(f"select count(*) from marts.fct_{domain}").fetchone()[0]
            assert count > 0, domain
        packs = {r[0] for r in con.execute("select file_name from provenance.packs").fetchall()}
        statuses = dict(
            con.execute("select file_name, status from provenance.pack_files").fetchall()
        )
    finally:
        con.close()
    assert packs == {p.name for p in bundled_pack_files()}
    assert statuses[CORRUPTED_NAME] == "quarantined"
    assert statuses[BINARY_NAME] == "error"


def test_the_corrupted_partition_failed_at_its_blocking_gate(build, instance):
    from dagster import AssetKey, DagsterRunStatus, RunsFilter

    runs = instance.get_runs(filters=RunsFilter(job_name="pack_job"))
    by_partition = {r.tags.get("dagster/partition"): r for r in runs}
    assert by_partition[CORRUPTED_NAME].status == DagsterRunStatus.FAILURE
    assert by_partition[BINARY_NAME].status == DagsterRunStatus.FAILURE
    for path in bundled_pack_files():
        assert by_partition[path.name].status == DagsterRunStatus.SUCCESS, path.name

    # the gate's evaluation carries the failing expectation and its sample
    gate_events = [
        rec.dagster_event
        for rec in instance.all_logs(by_partition[CORRUPTED_NAME].run_id)
        if rec.dagster_event and rec.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    assert len(gate_events) == 1
    evaluation = gate_events[0].asset_check_evaluation_data
    assert evaluation.check_name == "pack_gate" and not evaluation.passed
    metadata = evaluation.metadata
    assert metadata["blocking_failures"].value >= 1
    assert "meeting_date_not_too_old" in metadata["failures"].value
    assert "quarantine_report" in metadata

    # promotion never ran for it: raw/packs has no materialisation of that partition
    materialized = instance.get_materialized_partitions(AssetKey(["raw", "packs"]))
    assert CORRUPTED_NAME not in materialized
    assert {p.name for p in bundled_pack_files()} <= set(materialized)


def test_the_quarantined_pack_is_kept_reported_and_alerted(build):
    warehouse = build["warehouse"]
    report = warehouse / "quarantine" / f"{CORRUPTED_NAME}.json"
    assert report.exists()
    con = duckdb.connect(str(warehouse / "build" / "work.duckdb"), read_only=True)
    try:
        in_quarantine = con.execute(
            "select count(*) from quarantine.packs where file_name = ?", [CORRUPTED_NAME]
        ).fetchone()[0]
        in_raw = con.execute(
            "select count(*) from raw.packs where file_name = ?", [CORRUPTED_NAME]
        ).fetchone()[0]
    finally:
        con.close()
    assert (in_quarantine, in_raw) == (1, 0)
    alerts = read_alerts(warehouse)
    kinds = {(a["kind"], a.get("file_name") or a.get("partition")) for a in alerts}
    assert ("pack_quarantined", CORRUPTED_NAME) in kinds
    assert ("step_failed", BINARY_NAME) in kinds


def test_the_published_warehouse_carries_metadata(build, instance):
    from dagster import AssetKey

    event = instance.get_latest_materialization_event(AssetKey("published_warehouse"))
    metadata = event.asset_materialization.metadata
    assert metadata["path"].value.endswith("council.duckdb")
    assert metadata["facts"].value > 0
    for domain in DOMAINS:
        assert domain in metadata["facts_per_domain"].value
    assert "Blackpool" in metadata["packs_per_council"].value
