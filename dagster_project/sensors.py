"""Sensors and the schedule.

* ``packs_folder_sensor`` watches PACKS_DIR. A new file adds a partition (its name) and requests
  its ``pack_job`` run; a file whose sha256 changed requests a re-run of its partition; a removed
  file is reported (log, alert, observation on ``pack_file``), never deleted from the warehouse.
  What is "already loaded" comes from ops.pack_files in the working DB (opened read-only; if the
  pipeline holds it, the cursor is used), plus the cursor of what this sensor already requested.
* ``publish_after_packs_sensor`` requests ``publish_job`` once new raw rows have landed and no
  pack run is still queued or running (so a batch of 50 new packs publishes once).
* ``alert_on_run_failure`` sends failed runs that no step reported (e.g. a crashed run worker).
* ``nightly_warehouse_check`` runs the published-warehouse checks every night at 02:00.
"""

import json
import os
from pathlib import Path
from typing import Any

import duckdb
from dagster import (
    AssetObservation,
    DagsterRunStatus,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunFailureSensorContext,
    RunRequest,
    RunsFilter,
    ScheduleDefinition,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    run_failure_sensor,
    sensor,
)

from dagster_project import alerting
from dagster_project.jobs import nightly_check_job, pack_job, publish_job
from dagster_project.packs import PACK_FILE_KEY, RAW_KEYS, packs_partitions
from dagster_project.resources import (
    WarehouseResource,
    file_sha256,
    is_lock_error,
    list_pack_files,
)

SENSOR_INTERVAL_SECONDS = 30


def loaded_files(work_db: Path) -> dict[str, str] | None:
    """file_name -> sha256 recorded in ops.pack_files; {} if no DB yet; None if it is locked."""
    if not work_db.exists():
        return {}
    try:
        con = duckdb.connect(str(work_db), read_only=True)
    except duckdb.Error as error:
        if is_lock_error(error):
            return None
        raise
    try:
        exists = con.execute(
            "select count(*) from duckdb_tables() where schema_name = 'ops' "
            "and table_name = 'pack_files'"
        ).fetchone()[0]
        if not exists:
            return {}
        return dict(con.execute("select file_name, sha256 from ops.pack_files").fetchall())
    finally:
        con.close()


def _load_cursor(raw: str | None) -> dict[str, Any]:
    cursor = json.loads(raw) if raw else {}
    cursor.setdefault("requested", {})  # file -> sha256 this sensor requested a run for
    cursor.setdefault("stat", {})  # file -> [size, mtime_ns, sha256]: skip re-hashing
    cursor.setdefault("removed", [])  # files already reported as removed
    cursor.setdefault("seq", 0)  # run requests made so far (makes every run key unique)
    return cursor


def scan_folder(packs_dir: Path, stat_cache: dict[str, list]) -> dict[str, str]:
    """file_name -> sha256 of every pack file, re-hashing only files whose size/mtime moved."""
    current: dict[str, str] = {}
    for path in list_pack_files(packs_dir):
        st = path.stat()
        cached = stat_cache.get(path.name)
        if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
            current[path.name] = cached[2]
            continue
        sha = file_sha256(path)
        stat_cache[path.name] = [st.st_size, st.st_mtime_ns, sha]
        current[path.name] = sha
    for name in list(stat_cache):
        if name not in current:
            del stat_cache[name]
    return current


def plan_pack_runs(
    current: dict[str, str],
    loaded: dict[str, str],
    requested: dict[str, str],
) -> list[tuple[str, str, str]]:
    """(file, sha256, reason) for every file that is new or changed and not yet requested."""
    plan = []
    for name, sha in sorted(current.items()):
        if loaded.get(name) == sha or requested.get(name) == sha:
            continue
        reason = "changed" if (name in loaded or name in requested) else "new"
        plan.append((name, sha, reason))
    return plan


@sensor(
    name="packs_folder_sensor",
    job=pack_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="Watches the packs folder: new file -> new partition + run; changed sha256 -> "
    "re-run; removed file -> reported (the warehouse keeps its rows).",
)
def packs_folder_sensor(context: SensorEvaluationContext, warehouse: WarehouseResource):
    cursor = _load_cursor(context.cursor)
    loaded = loaded_files(warehouse.work_db)
    if loaded is None:
        if not cursor["requested"]:
            return SkipReason("the working DB is busy (a load is running): next tick")
        loaded = {}
    current = scan_folder(warehouse.packs_path, cursor["stat"])
    requested: dict[str, str] = cursor["requested"]

    existing = set(context.instance.get_dynamic_partitions(packs_partitions.name))
    new_partitions = sorted(name for name in current if name not in existing)

    run_requests = []
    events: list[AssetObservation] = []
    for name, sha, reason in plan_pack_runs(current, loaded, requested):
        cursor["seq"] += 1
        run_requests.append(
            RunRequest(
                partition_key=name,
                run_key=f"{name}@{sha[:16]}#{cursor['seq']}",
                tags={"council/pack_sha256": sha, "council/reason": reason},
            )
        )
        requested[name] = sha
        events.append(
            AssetObservation(
                asset_key=PACK_FILE_KEY,
                partition=name,
                metadata={"sha256": sha, "pack_id": sha[:16], "change": reason},
            )
        )

    removed_before = set(cursor["removed"])
    gone = sorted((set(loaded) | set(requested)) - set(current))
    for name in gone:
        if name in removed_before:
            continue
        context.log.warning(
            f"pack file {name} was removed from {warehouse.packs_path}; its rows stay in the "
            "warehouse. Delete its partition and rows deliberately if it must go."
        )
        alerting.send(
            "pack_file_removed",
            warehouse.warehouse_path,
            severity="warning",
            file_name=name,
            message=f"{name} is no longer in the packs folder; the warehouse still holds what "
            "was loaded from it",
        )
        if name in existing:
            events.append(
                AssetObservation(
                    asset_key=PACK_FILE_KEY,
                    partition=name,
                    metadata={"change": "removed", "still_in_warehouse": name in loaded},
                )
            )
    cursor["removed"] = sorted(set(gone))
    for name in list(requested):
        if name not in current and name not in loaded:
            del requested[name]

    return SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=(
            [packs_partitions.build_add_request(new_partitions)] if new_partitions else []
        ),
        asset_events=events,
        cursor=json.dumps(cursor, sort_keys=True),
    )


ACTIVE_STATUSES = [
    DagsterRunStatus.QUEUED,
    DagsterRunStatus.NOT_STARTED,
    DagsterRunStatus.STARTING,
    DagsterRunStatus.STARTED,
]


@sensor(
    name="publish_after_packs_sensor",
    job=publish_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="Once new packs have been promoted into raw.* and no pack run is pending, "
    "rebuild the marts with dbt and publish the warehouse.",
)
def publish_after_packs_sensor(context: SensorEvaluationContext):
    records = context.instance.fetch_materializations(RAW_KEYS["packs"], limit=1).records
    if not records:
        return SkipReason("no pack has been promoted yet")
    latest = records[0].storage_id
    seen = int(context.cursor or 0)
    if latest <= seen:
        return SkipReason("nothing new since the last publish")
    pending = context.instance.get_runs(
        filters=RunsFilter(job_name=pack_job.name, statuses=ACTIVE_STATUSES), limit=1
    )
    if pending:
        return SkipReason("waiting for the pack runs still queued or running")
    publishing = context.instance.get_runs(
        filters=RunsFilter(job_name=publish_job.name, statuses=ACTIVE_STATUSES), limit=1
    )
    if publishing:
        return SkipReason("a publish run is already queued or running")
    return SensorResult(
        run_requests=[RunRequest(run_key=f"raw@{latest}", tags={"council/raw_event": str(latest)})],
        cursor=str(latest),
    )


@run_failure_sensor(
    name="alert_on_run_failure",
    default_status=DefaultSensorStatus.RUNNING,
    description="Failed runs whose failure no step reported (run worker crash, launch failure) "
    "go to the alert channel; failed steps and checks alert by themselves.",
)
def alert_on_run_failure(context: RunFailureSensorContext) -> None:
    if context.get_step_failure_events():
        return  # the failure hook or the blocking check already sent an alert
    run = context.dagster_run
    alerting.send(
        "run_failed",
        os.environ.get("WAREHOUSE_DIR") or WarehouseResource().warehouse_dir,
        job=run.job_name,
        run_id=run.run_id,
        partition=run.tags.get("dagster/partition"),
        message=f"run {run.run_id} of {run.job_name} failed: "
        f"{context.failure_event.message or 'no step failed'}",
    )


nightly_warehouse_check = ScheduleDefinition(
    name="nightly_warehouse_check",
    job=nightly_check_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/London",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Every night at 02:00: check the published warehouse read-only (counts, "
    "citations, descriptions, example queries).",
)
