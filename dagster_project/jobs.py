"""Jobs, the failure hook that alerts, and the asset selections they run.

* ``load_packs_job`` - packs (partitions): extract -> pack_gate -> promote. One partition, or a
                       range of up to MAX_PACKS_PER_RUN (the assets' BackfillPolicy) per run.
* ``publish_job``    - removals, dbt pack models (the queued packs) -> fact_gate -> dbt
                       warehouse models -> warehouse_gate -> published_warehouse and its checks.
* ``nightly_check_job`` - only the checks of the published warehouse (read-only).

All run in process, one step at a time: the working DB has one writer.
"""

from dagster import (
    AssetSelection,
    HookContext,
    define_asset_job,
    failure_hook,
    in_process_executor,
)
from dagster._core.errors import DagsterAssetCheckFailedError

from dagster_project import alerting
from dagster_project.packs import RAW_KEY, STAGE_KEY
from dagster_project.published import PUBLISHED_KEY
from dagster_project.transform import dbt_pack_models, dbt_warehouse_models

PACK_SELECTION = AssetSelection.assets(STAGE_KEY, RAW_KEY)
PUBLISH_SELECTION = (
    AssetSelection.assets(dbt_pack_models)
    | AssetSelection.assets(dbt_warehouse_models)
    | AssetSelection.assets(PUBLISHED_KEY)
)
PUBLISH_KEYS = (*dbt_pack_models.keys, *dbt_warehouse_models.keys, PUBLISHED_KEY)
"""The assets of publish_job (PUBLISH_SELECTION), for a run that builds some of them."""
PUBLISHED_CHECKS_SELECTION = AssetSelection.checks_for_assets(PUBLISHED_KEY)


@failure_hook(required_resource_keys={"warehouse"}, name="alert_on_failure")
def alert_on_failure(context: HookContext) -> None:
    """Send a failed step to the alert channel (blocking checks already sent their own)."""
    error = context.op_exception
    if isinstance(error, DagsterAssetCheckFailedError):
        return
    run = context.instance.get_run_by_id(context.run_id)
    tags = run.tags if run else {}
    partition = tags.get("dagster/partition") or tags.get("dagster/asset_partition_range_start")
    alerting.send(
        "step_failed",
        context.resources.warehouse.warehouse_path,
        job=context.job_name,
        run_id=context.run_id,
        step=context.step_key,
        partition=partition,
        message=f"{context.job_name} / {context.step_key}"
        + (f" [{partition}]" if partition else "")
        + f" failed: {str(error).strip()[:500] if error else 'unknown error'}",
        error_type=type(error).__name__ if error else None,
    )


load_packs_job = define_asset_job(
    "load_packs_job",
    selection=PACK_SELECTION,
    description="Load pack files (partitions): extract into stage.*, run their blocking gate, "
    "promote into raw.* and queue them for the marts. A failing gate quarantines that pack "
    "alone. A backfill runs up to 200 packs per run.",
    executor_def=in_process_executor,
    hooks={alert_on_failure},
    tags={"council/kind": "load"},
)

publish_job = define_asset_job(
    "publish_job",
    selection=PUBLISH_SELECTION,
    description="Transform the queued packs with dbt, gate each pack's facts (quarantining "
    "failures), rebuild the cross-pack models, gate the warehouse, then publish "
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
