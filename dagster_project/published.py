"""The published warehouse.

    dbt marts (gated: fact_gate, warehouse_gate), dbt BI models bi/<view> ─► published_warehouse
        checks of published_warehouse (read-only): published_counts_consistent,
        published_columns_described, published_example_queries

``published_warehouse`` writes a new file from the working DB and swaps it into
``$WAREHOUSE/council.duckdb`` atomically (``warehouse.publish.publish``): a copy of the last
published file with only the queued packs' rows replaced, or a whole new file after a full
refresh. A successful publish empties the queue. Its checks only read the published file
(read-only, like a BI tool), so the nightly schedule can run them alone.
"""

from collections.abc import Mapping
from typing import Any

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetKey,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)

from dagster_project.dbt_project import load_manifest, relation_by_key
from dagster_project.packs import RAW_KEY, WORK_DB_POOL, WORK_DB_TAGS
from dagster_project.resources import WarehouseResource, open_duckdb

PUBLISHED_KEY = AssetKey("published_warehouse")
PUBLISH_OWNERS = ["team:data-engineering"]
MART_SCHEMAS = ("marts", "dq", "bi")


def mart_keys(manifest: Mapping[str, Any] | None = None) -> list[AssetKey]:
    """dbt models published (marts and dq as marts, the BI models in bi); all models if there
    are none."""
    relations = relation_by_key(manifest if manifest is not None else load_manifest())
    marts = [k for k, (schema, _) in relations.items() if schema in MART_SCHEMAS]
    chosen = marts or list(relations)
    return sorted(chosen, key=lambda k: k.to_user_string())


MART_KEYS = mart_keys()


def _md_table(rows: Mapping[str, Any], left: str, right: str) -> str:
    lines = [f"| {left} | {right} |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in rows.items()]
    return "\n".join(lines)


@asset(
    key=PUBLISHED_KEY,
    deps=[*MART_KEYS, RAW_KEY],
    group_name="publish",
    owners=PUBLISH_OWNERS,
    kinds={"duckdb"},
    description="The BI warehouse $WAREHOUSE/council.duckdb: marts, BI views and provenance "
    "with a description on every column, built in a fresh file and swapped in atomically "
    "(readers never see a half-built warehouse, and are never locked out).",
    pool=WORK_DB_POOL,
    op_tags=WORK_DB_TAGS,
)
def published_warehouse(
    context: AssetExecutionContext, warehouse: WarehouseResource
) -> MaterializeResult:
    import datetime as dt
    import tempfile
    from pathlib import Path

    from dagster_project.planning import transform_fingerprint
    from dagster_project.transform import needs_full_refresh, per_pack_relations
    from expectations.alerts import send_new_findings_alert, snapshot_finding_ids
    from ingest import store
    from warehouse.publish import publish

    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with warehouse.connect() as con:
        full = (
            needs_full_refresh(con)
            or not con.execute("select count(*) from ops.transform_state").fetchone()[0]
        )
        changed = None if full else store.queued_packs(con)
        per_pack = per_pack_relations(con)
    with tempfile.TemporaryDirectory(dir=warehouse.warehouse_path) as scratch:
        # the findings already announced, kept before the swap (ids only, written by DuckDB)
        previous_findings = snapshot_finding_ids(
            warehouse.published_db, Path(scratch) / "published_finding_ids.parquet"
        )
        result = publish(
            warehouse.work_db,
            warehouse.warehouse_path,
            changed_packs=changed,
            per_pack=per_pack,
        )
        with warehouse.connect() as con:
            store.record_publish(con, transform_fingerprint(), started)
        # one data-quality alert: the findings that are new since the last publish
        findings_alert = send_new_findings_alert(
            previous_findings, result.path, warehouse.warehouse_path
        )
    context.log.info(
        f"published {result.path} ({result.bytes:,} bytes): {result.fact_count} facts, "
        f"{result.pack_count} packs in {result.seconds:.1f} s ("
        + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.stage_seconds.items())
        + ")"
    )
    if result.undocumented:
        context.log.warning(
            f"{len(result.undocumented)} published column(s) have no dbt description: "
            + ", ".join(result.undocumented[:20])
        )
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(result.path)),
            "bytes": result.bytes,
            "published_at": result.published_at,
            "facts": result.fact_count,
            "packs": result.pack_count,
            "facts_per_domain": MetadataValue.md(
                _md_table(result.facts_per_domain, "domain", "facts")
            ),
            "packs_per_council": MetadataValue.md(
                _md_table(result.packs_per_council, "council", "packs")
            ),
            "tables": MetadataValue.md(_md_table(result.tables, "table", "rows")),
            "views": ", ".join(result.views),
            "undocumented_columns": len(result.undocumented),
            "dagster/row_count": result.fact_count,
            "publish_seconds": result.seconds,
            "publish_stage_seconds": MetadataValue.json(result.stage_seconds),
            "packs_republished": "all" if changed is None else len(changed),
            "new_findings": findings_alert["finding_count"] if findings_alert else 0,
        }
    )


# --------------------------------------------------------------------------- published checks


def _open_published(warehouse: WarehouseResource):
    return open_duckdb(warehouse.published_db, read_only=True)


@asset_check(
    asset=PUBLISHED_KEY,
    name="published_counts_consistent",
    description="The published file answers, its fact counts match what was recorded at "
    "publish time (in total and per domain), and every fact has a citation.",
)
def published_counts_consistent(warehouse: WarehouseResource) -> AssetCheckResult:
    from warehouse import bi

    if not warehouse.published_db.exists():
        return AssetCheckResult(passed=False, description="nothing published yet")
    con = _open_published(warehouse)
    try:
        problems = bi.consistency_problems(con)
        info = bi.build_info(con)
    finally:
        con.close()
    return AssetCheckResult(
        passed=not problems,
        severity=AssetCheckSeverity.ERROR,
        description="; ".join(problems) if problems else "counts and citations consistent",
        metadata={
            "problems": len(problems),
            "facts": int(info.get("fact_count") or 0),
            "published_at": str(info.get("published_at")),
        },
    )


@asset_check(
    asset=PUBLISHED_KEY,
    name="published_columns_described",
    description="Every published table, view and column carries a description a BI tool shows; "
    "warns about columns described only generically (missing from the dbt docs).",
)
def published_columns_described(warehouse: WarehouseResource) -> AssetCheckResult:
    from warehouse.descriptions import generic_column

    if not warehouse.published_db.exists():
        return AssetCheckResult(passed=False, description="nothing published yet")
    con = _open_published(warehouse)
    try:
        rows = con.execute(
            "SELECT schema_name, table_name, column_name, comment FROM duckdb_columns() "
            "WHERE schema_name IN ('marts', 'bi', 'provenance')"
        ).fetchall()
    finally:
        con.close()
    missing = [f"{s}.{t}.{c}" for s, t, c, comment in rows if not (comment or "").strip()]
    generic = [f"{s}.{t}.{c}" for s, t, c, comment in rows if comment == generic_column(c)]
    return AssetCheckResult(
        passed=not missing and not generic,
        severity=AssetCheckSeverity.ERROR if missing else AssetCheckSeverity.WARN,
        metadata={
            "columns": len(rows),
            "without_description": len(missing),
            "generic_description": len(generic),
            "examples": ", ".join((missing + generic)[:20]) or "none",
        },
    )


@asset_check(
    asset=PUBLISHED_KEY,
    name="published_example_queries",
    description="Every example query in warehouse/queries/*.sql runs read-only against the "
    "published file and returns rows.",
)
def published_example_queries(warehouse: WarehouseResource) -> AssetCheckResult:
    from warehouse import queries

    if not warehouse.published_db.exists():
        return AssetCheckResult(passed=False, description="nothing published yet")
    results = queries.run_all(warehouse.published_db)
    failing = {name: r["error"] or "no rows" for name, r in results.items() if not r["ok"]}
    return AssetCheckResult(
        passed=not failing,
        severity=AssetCheckSeverity.WARN,
        description="; ".join(f"{k}: {v}" for k, v in failing.items()) or "all queries answer",
        metadata={
            "queries": len(results),
            "rows": MetadataValue.json({k: r["rows"] for k, r in results.items()}),
        },
    )


PUBLISHED_CHECKS = [
    published_counts_consistent,
    published_columns_described,
    published_example_queries,
]
