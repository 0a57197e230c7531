"""End to end: every bundled pack plus a corrupted and an unreadable one, loaded in one
multi-pack run over their partitions (the assets' BackfillPolicy), then published.

The good packs load and publish; the corrupted pack fails its own partition at its blocking
gate (quarantined, reported, alerted); the unreadable one is refused at extract; nothing else
is affected.
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
from warehouse import settings

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
    assert f"[load 1/1] 000_afcc9b490f65a2f9.txt .. 009_binary.txt ({total} packs):" in out
    assert "extract / gate / promote" in out
    assert "fact gate" in out and "warehouse gate" in out
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
    con = duckdb.connect(str(settings.published_db(build["warehouse"])), read_only=True)
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


def test_one_run_loaded_every_partition_and_the_corrupted_one_failed_its_gate(build, instance):
    from dagster import AssetKey, DagsterRunStatus, RunsFilter

    (run,) = instance.get_runs(filters=RunsFilter(job_name="load_packs_job"))
    assert run.status == DagsterRunStatus.SUCCESS  # one bad pack does not fail the others
    assert run.tags["dagster/asset_partition_range_start"] == "000_afcc9b490f65a2f9.txt"
    assert run.tags["dagster/asset_partition_range_end"] == BINARY_NAME

    # each pack's gate verdict on its own partition, with the failing expectation
    evaluations = {
        e.asset_check_evaluation_data.partition: e.asset_check_evaluation_data
        for e in (rec.dagster_event for rec in instance.all_logs(run.run_id))
        if e is not None
        and e.event_type_value == "ASSET_CHECK_EVALUATION"
        and e.asset_check_evaluation_data.partition
    }
    assert not evaluations[CORRUPTED_NAME].passed
    metadata = evaluations[CORRUPTED_NAME].metadata
    assert metadata["blocking_failures"].value >= 1
    assert "meeting_date_not_too_old" in metadata["failures"].value
    assert not evaluations[BINARY_NAME].passed  # refused before its gate
    assert all(evaluations[p.name].passed for p in bundled_pack_files())

    # promotion never ran for them: raw/pack has no materialisation of those partitions
    materialized = instance.get_materialized_partitions(AssetKey(["raw", "pack"]))
    assert materialized == {p.name for p in bundled_pack_files()}


def test_the_quarantined_pack_is_kept_reported_and_alerted(build):
    warehouse = build["warehouse"]
    report = warehouse / "quarantine" / f"{CORRUPTED_NAME}.json"
    assert report.exists()
    con = duckdb.connect(str(settings.work_db(warehouse)), read_only=True)
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
    assert ("pack_unreadable", BINARY_NAME) in kinds


def test_the_published_warehouse_carries_metadata(build, instance):
    from dagster import AssetKey

    event = instance.get_latest_materialization_event(AssetKey("published_warehouse"))
    metadata = event.asset_materialization.metadata
    assert metadata["path"].value.endswith("council.duckdb")
    assert metadata["facts"].value > 0
    for domain in DOMAINS:
        assert domain in metadata["facts_per_domain"].value
    assert "Blackpool" in metadata["packs_per_council"].value
