"""The event log keeps each database's connection open (dagster_project/event_log_storage.py):
the same files, read back by Dagster's own storage in another process, with no more open
databases than it keeps."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from dagster import (
    AssetKey,
    BackfillPolicy,
    DagsterEventType,
    DagsterInstance,
    StaticPartitionsDefinition,
    asset,
    materialize,
)

from dagster_project.event_log_storage import SHARDS_KEPT, PooledSqliteEventLogStorage
from dagster_project.home import DAGSTER_YAML, WRITTEN_BY, ensure_dagster_home

READ_WITH_DAGSTERS_OWN = """
import json, sys
from dagster import AssetKey, EventRecordsFilter, DagsterEventType
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
storage = SqliteEventLogStorage(sys.argv[1])
records = storage.get_event_records(
    EventRecordsFilter(DagsterEventType.ASSET_MATERIALIZATION, asset_key=AssetKey("numbers"))
)
print(json.dumps(sorted({r.run_id for r in records})))
"""


@asset
def numbers() -> list[int]:
    return [1, 2, 3]


@asset(
    partitions_def=StaticPartitionsDefinition(["a", "b", "c", "d"]),
    backfill_policy=BackfillPolicy.single_run(),
)
def letters(context) -> None:
    context.log.info(f"partitions {context.partition_keys}")


RANGE_A_TO_D = {
    "dagster/asset_partition_range_start": "a",
    "dagster/asset_partition_range_end": "d",
}


def _materialisations(instance, key: AssetKey, run_id: str | None = None) -> list:
    records = instance.fetch_materializations(key, limit=1000).records
    return [r for r in records if run_id is None or r.run_id == run_id]


@pytest.fixture
def instance(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    ensure_dagster_home(home)
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with DagsterInstance.get() as inst:
        yield inst


def test_runs_write_through_open_connections_that_dagsters_own_storage_reads(instance):
    storage = instance.event_log_storage
    assert isinstance(storage, PooledSqliteEventLogStorage)
    run_ids = []
    for _ in range(SHARDS_KEPT + 3):
        result = materialize([numbers], instance=instance)
        assert result.success
        run_ids.append(result.run_id)
    # one open database per shard used last, the oldest runs' closed
    assert len(storage._engines) == SHARDS_KEPT
    assert run_ids[0] not in storage._engines and run_ids[-1] in storage._engines
    # another process, with Dagster's default storage, reads every run's materialisation while
    # this one still holds its connections open
    out = subprocess.run(
        [sys.executable, "-c", READ_WITH_DAGSTERS_OWN, storage._base_dir],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == sorted(run_ids)
    events = instance.all_logs(run_ids[0])
    assert any(e.dagster_event and e.dagster_event.is_step_materialization for e in events)
    latest = instance.get_latest_materialization_event(AssetKey("numbers"))
    assert latest is not None and latest.run_id == run_ids[-1]


def test_a_dagster_yaml_this_project_wrote_is_brought_up_to_date_and_a_foreign_one_kept(tmp_path):
    ours, foreign = tmp_path / "ours", tmp_path / "foreign"
    ours.mkdir()
    foreign.mkdir()
    (ours / "dagster.yaml").write_text(f"{WRITTEN_BY} an older version\ntelemetry: {{}}\n")
    (foreign / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    assert ensure_dagster_home(ours).read_text() == DAGSTER_YAML
    assert ensure_dagster_home(foreign).read_text() == "telemetry:\n  enabled: false\n"


def test_a_run_over_many_partitions_stores_its_materialisations_as_one_batch(instance, monkeypatch):
    from dagster_project.home import EVENT_BATCH_ENV

    monkeypatch.setenv(*next(iter(EVENT_BATCH_ENV.items())))
    result = materialize([letters], instance=instance, tags=RANGE_A_TO_D)
    assert result.success
    stored = _materialisations(instance, AssetKey("letters"), result.run_id)
    assert sorted(r.partition_key for r in stored) == ["a", "b", "c", "d"]
    assert instance.get_materialized_partitions(AssetKey("letters")) == {"a", "b", "c", "d"}


def test_a_batch_is_kept_whole_or_not_at_all(instance):
    storage = instance.event_log_storage
    result = materialize([letters], instance=instance, tags=RANGE_A_TO_D)
    entries = [
        e
        for e in instance.all_logs(result.run_id)
        if e.dagster_event and e.dagster_event.event_type == DagsterEventType.ASSET_MATERIALIZATION
    ]
    assert len(entries) == 4
    again = [e._replace(run_id="batched-run") for e in entries]
    with pytest.raises(Exception, match="event"):
        storage.store_event_batch([*again[:3], "not an event"])
    assert _materialisations(instance, AssetKey("letters"), "batched-run") == []
    storage.store_event_batch(again)
    stored = _materialisations(instance, AssetKey("letters"), "batched-run")
    assert sorted(r.partition_key for r in stored) == ["a", "b", "c", "d"]
    assert len(instance.all_logs("batched-run")) == 4
