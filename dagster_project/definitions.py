"""The Dagster definitions of the council-papers warehouse (``dagster dev -m
dagster_project.definitions``; ``make ui``).

Asset graph, one lineage from pack file to published warehouse::

    ingest     pack_file ─► stage/pack  (partitioned by pack file name; check pack_gate, blocking)
    gates      raw/pack (the raw tables of each promoted pack, the dbt sources; partitioned,
               up to 200 packs per run in a backfill)
    transform  dbt pack models: staging/* ─► intermediate/* ─► marts/fct_* (incremental: the
               queued packs; check fact_gate, blocking) ─► dbt warehouse models: marts/dim_*,
               dq_findings (check warehouse_gate, blocking)
    publish    published_warehouse  ($WAREHOUSE/council.duckdb; read-only checks)

Importing this module only loads the dbt manifest prepared at set-up; nothing is parsed or
connected to.
"""

from __future__ import annotations

from dagster import Definitions

from dagster_project.dbt_project import dbt_resource
from dagster_project.jobs import load_packs_job, nightly_check_job, publish_job
from dagster_project.packs import pack_file, pack_gate, promote_pack, stage_pack
from dagster_project.progress import progress_logger
from dagster_project.published import PUBLISHED_CHECKS, published_warehouse
from dagster_project.resources import WarehouseResource
from dagster_project.sensors import (
    alert_on_run_failure,
    nightly_catch_up,
    nightly_warehouse_check,
    packs_folder_sensor,
    publish_sensor,
)
from dagster_project.transform import (
    dbt_pack_models,
    dbt_warehouse_models,
    fact_gate,
    warehouse_gate,
)

defs = Definitions(
    assets=[
        pack_file,
        stage_pack,
        promote_pack,
        dbt_pack_models,
        dbt_warehouse_models,
        published_warehouse,
    ],
    asset_checks=[pack_gate, fact_gate, warehouse_gate, *PUBLISHED_CHECKS],
    jobs=[load_packs_job, publish_job, nightly_check_job],
    sensors=[packs_folder_sensor, publish_sensor, alert_on_run_failure],
    schedules=[nightly_catch_up, nightly_warehouse_check],
    resources={"warehouse": WarehouseResource(), "dbt": dbt_resource()},
    loggers={"progress": progress_logger},
)
