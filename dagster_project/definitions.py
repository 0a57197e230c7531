"""The Dagster definitions of the council-papers warehouse (``dagster dev -m
dagster_project.definitions``; ``make ui``).

Asset graph, one lineage from pack file to published warehouse::

    ingest     pack_file ─► stage/pack  (partitioned by pack file name; check pack_gate, blocking)
    gates      raw/packs, raw/documents, raw/tables, raw/table_cells, raw/lines, raw/prose_numbers
               (partitioned)
    transform  dbt: staging/* ─► intermediate/* ─► marts/*  (dbt tests as asset checks;
               mart_gate, blocking, on the fact mart)
    publish    published_warehouse  ($WAREHOUSE/council.duckdb; read-only checks)

Importing this module only loads the dbt manifest prepared at set-up; nothing is parsed or
connected to.
"""

from __future__ import annotations

from dagster import Definitions

from dagster_project.dbt_project import dbt_models, dbt_resource
from dagster_project.jobs import bulk_load_job, nightly_check_job, pack_job, publish_job
from dagster_project.packs import pack_file, pack_gate, promote_pack, stage_pack
from dagster_project.progress import progress_logger
from dagster_project.published import PUBLISHED_CHECKS, mart_gate, published_warehouse
from dagster_project.resources import WarehouseResource
from dagster_project.sensors import (
    alert_on_run_failure,
    nightly_warehouse_check,
    packs_folder_sensor,
    publish_after_packs_sensor,
)

defs = Definitions(
    assets=[pack_file, stage_pack, promote_pack, dbt_models, published_warehouse],
    asset_checks=[pack_gate, mart_gate, *PUBLISHED_CHECKS],
    jobs=[pack_job, bulk_load_job, publish_job, nightly_check_job],
    sensors=[packs_folder_sensor, publish_after_packs_sensor, alert_on_run_failure],
    schedules=[nightly_warehouse_check],
    resources={"warehouse": WarehouseResource(), "dbt": dbt_resource()},
    loggers={"progress": progress_logger},
)
