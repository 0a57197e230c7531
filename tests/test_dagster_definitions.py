"""The Dagster definitions load, and the asset graph is one lineage from pack file to mart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import AssetKey, DynamicPartitionsDefinition

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def defs():
    from dagster_project.definitions import defs

    return defs


@pytest.fixture(scope="module")
def graph(defs):
    return defs.resolve_asset_graph()


@pytest.fixture(scope="module")
def manifest():
    from dagster_project.dbt_project import MANIFEST_PATH

    return json.loads(MANIFEST_PATH.read_text())


def test_definitions_validate_from_the_command_line(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("dagster")),
            "definitions",
            "validate",
            "-m",
            "dagster_project.definitions",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_per_pack_assets_are_partitioned_by_pack_file(graph):
    for key in [
        AssetKey("pack_file"),
        AssetKey(["stage", "pack"]),
        AssetKey(["raw", "pack"]),
    ]:
        node = graph.get(key)
        assert isinstance(node.partitions_def, DynamicPartitionsDefinition), key
        assert node.partitions_def.name == "packs"
    assert graph.get(AssetKey("published_warehouse")).partitions_def is None


def test_pack_assets_load_up_to_200_packs_per_run_in_a_backfill(graph):
    from dagster._core.definitions.backfill_policy import BackfillPolicyType

    for key in [AssetKey(["stage", "pack"]), AssetKey(["raw", "pack"])]:
        policy = graph.get(key).backfill_policy
        assert policy.policy_type == BackfillPolicyType.MULTI_RUN, key
        assert policy.max_partitions_per_run == 200


def test_every_dbt_model_is_an_asset_and_sources_are_the_raw_tables(graph, manifest):
    from dagster_project.dbt_project import TRANSLATOR

    keys = graph.get_all_asset_keys()
    for unique_id, node in manifest["nodes"].items():
        if node["resource_type"] != "model":
            continue
        key = TRANSLATOR.get_asset_key(node)
        assert key in keys, unique_id
        assert graph.get(key).partitions_def is None
        for parent in node["depends_on"]["nodes"]:
            if parent.startswith("source."):
                source = manifest["sources"][parent]
                assert source["schema"] == "raw", parent
                assert AssetKey(["raw", "pack"]) in graph.get(key).parent_keys, (unique_id, parent)
    # one lineage: from the file to the published warehouse
    upstream = graph.upstream_key_iterator(AssetKey("published_warehouse"))
    assert AssetKey("pack_file") in set(upstream)


def test_gates_are_blocking_asset_checks_and_dbt_tests_are_checks(graph, manifest):
    from dagster_project.dbt_project import TRANSLATOR

    checks = {(c.asset_key, c.name): c for c in graph.asset_check_keys}
    assert (AssetKey(["stage", "pack"]), "pack_gate") in checks
    fact_gates = {k for k, name in checks if name == "fact_gate"}
    assert fact_gates == {
        *(
            AssetKey(["marts", f"fct_{d}"])
            for d in ("waiting_times", "complaints", "placements", "decisions")
        ),
        AssetKey(["marts", "decision_items"]),
    }
    warehouse_gates = {k for k, name in checks if name == "warehouse_gate"}
    assert AssetKey(["marts", "dim_council"]) in warehouse_gates
    assert AssetKey(["marts", "dq_findings"]) in warehouse_gates
    for key, name in [
        (AssetKey(["stage", "pack"]), "pack_gate"),
        (AssetKey(["marts", "fct_complaints"]), "fact_gate"),
        (AssetKey(["marts", "dim_council"]), "warehouse_gate"),
    ]:
        spec = graph.get_check_spec(checks[(key, name)])
        assert spec.blocking, (key, name)
    # the cross-pack models wait for the fact gate: they are downstream of every fact table
    fact_tables = {k for k in fact_gates if k.path[-1].startswith("fct_")}
    for key in warehouse_gates:
        upstream = set(graph.upstream_key_iterator(key))
        assert fact_tables <= upstream, key
    tests = [
        n
        for n in manifest["nodes"].values()
        if n["resource_type"] == "test"
        and n.get("attached_node") in manifest["nodes"]
        # relationships to a dimension: the warehouse gate checks them once dims are rebuilt
        and n["test_metadata"]["name"] != "relationships"
    ]
    check_names = {name for _, name in checks}
    for test in tests:
        model = manifest["nodes"][test["attached_node"]]
        if model["resource_type"] != "model":
            continue
        assert test["name"] in check_names, test["unique_id"]
        assert (TRANSLATOR.get_asset_key(model), test["name"]) in checks


def test_assets_have_groups_owners_and_descriptions(graph):
    groups = {graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert {"ingest", "gates", "transform", "publish"} <= groups
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        assert node.owners, key


def test_jobs_sensors_and_schedule(defs):
    assert defs.resolve_job_def("load_packs_job").partitions_def.name == "packs"
    assert defs.resolve_job_def("publish_job").partitions_def is None
    sensors = {s.name for s in defs.sensors}
    assert {"packs_folder_sensor", "publish_sensor", "alert_on_run_failure"} <= sensors
    assert defs.resolve_schedule_def("nightly_catch_up").job_name == "publish_job"
    schedule = defs.resolve_schedule_def("nightly_warehouse_check")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.job_name == "nightly_check_job"
