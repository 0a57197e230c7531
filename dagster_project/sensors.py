"""Sensors and schedules. What needs loading or publishing is decided by
``dagster_project.planning.plan_work``, the same plan ``make warehouse`` follows.

* ``packs_folder_sensor`` watches PACKS_DIR: new files become partitions, and the files the plan
  says to load (new, changed, read by an older parser) are requested as runs of
  ``load_packs_job`` over contiguous partition ranges of up to 200 packs (the assets'
  BackfillPolicy).
* ``publish_sensor`` requests ``publish_job`` when the plan says the published warehouse is
  behind (packs queued, files removed, the dbt project changed) and no load is pending.
  An unchanged warehouse starts no run.
* ``alert_on_run_failure`` sends failed runs that no step reported (e.g. a crashed run worker).
* ``nightly_catch_up`` publishes at 01:30 whatever the sensors left behind (if anything);
  ``nightly_warehouse_check`` runs the published-warehouse checks every night at 02:00.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from dagster import (
    DagsterRunStatus,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunFailureSensorContext,
    RunRequest,
    RunsFilter,
    ScheduleDefinition,
    ScheduleEvaluationContext,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    run_failure_sensor,
    schedule,
    sensor,
)
from dagster._core.storage.tags import (
    ASSET_PARTITION_RANGE_END_TAG,
    ASSET_PARTITION_RANGE_START_TAG,
)

from dagster_project import alerting
from dagster_project.jobs import PUBLISH_KEYS, load_packs_job, nightly_check_job, publish_job
from dagster_project.packs import MAX_PACKS_PER_RUN, packs_partitions
from dagster_project.planning import Plan, load_ranges, plan_work, publish_selection
from dagster_project.resources import WarehouseResource

SENSOR_INTERVAL_SECONDS = 30
ACTIVE_STATUSES = [
    DagsterRunStatus.QUEUED,
    DagsterRunStatus.NOT_STARTED,
    DagsterRunStatus.STARTING,
    DagsterRunStatus.STARTED,
]


def current_plan(warehouse: WarehouseResource) -> Plan | None:
    return plan_work(warehouse.packs_path, warehouse.work_db, warehouse.published_db)


def range_tags(first: str, last: str) -> dict[str, str]:
    """The run tags of a multi-partition run over [first, last]."""
    return {ASSET_PARTITION_RANGE_START_TAG: first, ASSET_PARTITION_RANGE_END_TAG: last}


def _load_cursor(raw: str | None) -> dict[str, Any]:
    cursor = json.loads(raw) if raw else {}
    cursor.setdefault("requested", {})  # file -> sha256 this sensor requested a load for
    cursor.setdefault("seq", 0)  # run requests made so far (makes every run key unique)
    return cursor


def _runs_active(context, job_name: str) -> bool:
    filters = RunsFilter(job_name=job_name, statuses=ACTIVE_STATUSES)
    return bool(context.instance.get_runs(filters=filters, limit=1))


@sensor(
    name="packs_folder_sensor",
    job=load_packs_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="Watches the packs folder: a new or changed file is loaded (a partition each; "
    "many at once run as multi-pack runs of up to 200 partitions).",
)
def packs_folder_sensor(context: SensorEvaluationContext, warehouse: WarehouseResource):
    plan = current_plan(warehouse)
    if plan is None:
        return SkipReason("the working DB is busy (a run is writing it): next tick")
    cursor = _load_cursor(context.cursor)
    requested: dict[str, str] = cursor["requested"]
    sha = {pack.name: pack.sha256 for pack in plan.files}
    wanted = [name for name in plan.to_load if requested.get(name) != sha[name]]
    existing = context.instance.get_dynamic_partitions(packs_partitions.name)
    new_partitions = sorted(name for name in sha if name not in set(existing))
    order = [*existing, *new_partitions]
    run_requests = []
    for first, last in load_ranges(order, wanted, MAX_PACKS_PER_RUN):
        cursor["seq"] += 1
        run_requests.append(
            RunRequest(
                run_key=f"load:{first}..{last}#{cursor['seq']}", tags=range_tags(first, last)
            )
        )
    for name in wanted:
        requested[name] = sha[name]
    cursor["requested"] = {n: s for n, s in requested.items() if n in sha}
    if not run_requests and not new_partitions:
        return SkipReason(f"nothing new to load ({plan.describe()})")
    return SensorResult(
        run_requests=run_requests,
        dynamic_partitions_requests=(
            [packs_partitions.build_add_request(new_partitions)] if new_partitions else []
        ),
        cursor=json.dumps(cursor, sort_keys=True),
    )


def publish_request(plan: Plan | None, context) -> RunRequest | SkipReason:
    """A publish run when the plan says the warehouse is behind and nothing else is running."""
    if plan is None:
        return SkipReason("the working DB is busy (a run is writing it): next tick")
    if not plan.publish_needed:
        return SkipReason(f"the published warehouse is up to date ({plan.describe()})")
    if plan.to_load or _runs_active(context, load_packs_job.name):
        return SkipReason("waiting for the packs still to load")
    if _runs_active(context, publish_job.name):
        return SkipReason("a publish run is already queued or running")
    state = json.dumps([plan.queued, plan.removed, plan.transform_changed, plan.published])
    key = hashlib.sha256(state.encode()).hexdigest()[:16]
    # the same state is requested once: a publish that fails is not retried in a loop (its
    # failure alerts); anything new changes the state
    return RunRequest(
        run_key=f"publish:{key}",
        tags={"council/plan": plan.describe()},
        asset_selection=publish_selection(plan, PUBLISH_KEYS),
    )


@sensor(
    name="publish_sensor",
    job=publish_job,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="Publishes when packs were loaded or removed (or the dbt project changed) and "
    "no load is pending: the queued packs only. An unchanged warehouse starts no run.",
)
def publish_sensor(context: SensorEvaluationContext, warehouse: WarehouseResource):
    return publish_request(current_plan(warehouse), context)


@schedule(
    name="nightly_catch_up",
    job=publish_job,
    cron_schedule="30 1 * * *",
    execution_timezone="Europe/London",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Every night at 01:30: publish whatever the published warehouse is behind "
    "(with the sensors off, say); nothing when it is up to date.",
)
def nightly_catch_up(context: ScheduleEvaluationContext, warehouse: WarehouseResource):
    return publish_request(current_plan(warehouse), context)


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
        WarehouseResource().warehouse_dir,
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
