"""Jobs, the failure hook that alerts, and the asset selections they run.

* ``pack_job``     - one pack (partition): extract -> pack_gate -> promote. One run per pack.
* ``bulk_load_job`` - many packs in batches (a first load): the same steps and per-pack events.
* ``publish_job``  - dbt build (models + tests as checks) -> mart_gate -> published_warehouse
                     and its checks.
* ``nightly_check_job`` - only the checks of the published warehouse (read-only).

All run in process, one step at a time: the working DB has one writer.
"""

from dagster import (
    AssetSelection,
    HookContext,
    define_asset_job,
    failure_hook,
    in_process_executor,
    job,
)
from dagster._core.errors import DagsterAssetCheckFailedError

from dagster_project import alerting
from dagster_project.bulk import load_packs_in_bulk
from dagster_project.dbt_project import dbt_models
from dagster_project.packs import RAW_KEYS, STAGE_KEY
from dagster_project.published import PUBLISHED_KEY

PER_PACK_SELECTION = AssetSelection.assets(STAGE_KEY, *RAW_KEYS.values())
TRANSFORM_PUBLISH_SELECTION = AssetSelection.assets(dbt_models) | AssetSelection.assets(
    PUBLISHED_KEY
)
PUBLISHED_CHECKS_SELECTION = AssetSelection.checks_for_assets(PUBLISHED_KEY)


@failure_hook(required_resource_keys={"warehouse"}, name="alert_on_failure")
def alert_on_failure(context: HookContext) -> None:
    """Send a failed step to the alert channel (blocking checks already sent their own)."""
    error = context.op_exception
    if isinstance(error, DagsterAssetCheckFailedError):
        return
    run = context.instance.get_run_by_id(context.run_id)
    tags = run.tags if run else {}
    alerting.send(
        "step_failed",
        context.resources.warehouse.warehouse_path,
        job=context.job_name,
        run_id=context.run_id,
        step=context.step_key,
        partition=tags.get("dagster/partition"),
        message=f"{context.job_name} / {context.step_key}"
        + (f" [{tags['dagster/partition']}]" if tags.get("dagster/partition") else "")
        + f" failed: {str(error).strip()[:500] if error else 'unknown error'}",
        error_type=type(error).__name__ if error else None,
    )


pack_job = define_asset_job(
    "pack_job",
    selection=PER_PACK_SELECTION,
    description="Load one pack file (a partition): extract into stage.*, run its blocking "
    "gate, promote into raw.*. A failing gate quarantines the pack; nothing else is touched.",
    executor_def=in_process_executor,
    hooks={alert_on_failure},
    tags={"council/kind": "pack"},
)


@job(
    description="First load of many packs: extract -> pack gate -> promote in batches, every pack "
    "reported on its own partition of stage/pack, pack_gate and raw/*. `make warehouse` uses it "
    "when many packs need loading; pack_job stays the per-pack path.",
    executor_def=in_process_executor,
    hooks={alert_on_failure},
    tags={"council/kind": "bulk"},
)
def bulk_load_job():
    load_packs_in_bulk()


publish_job = define_asset_job(
    "publish_job",
    selection=TRANSFORM_PUBLISH_SELECTION,
    description="dbt build over the raw tables, the blocking mart gate, then publish "
    "council.duckdb atomically and check it.",
    executor_def=in_process_executor,
    hooks={alert_on_failure},
    tags={"council/kind": "publish"},
)

nightly_check_job = define_asset_job(
    "nightly_check_job",
    selection=PUBLISHED_CHECKS_SELECTION,
    description="Check the published warehouse read-only: counts, citations, descriptions, "
    "example queries.",
    executor_def=in_process_executor,
    hooks={alert_on_failure},
    tags={"council/kind": "nightly_check"},
)
