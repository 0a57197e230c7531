"""Transform: the dbt project as two asset groups with the fact gate between them.

    raw/pack ─► dbt_pack_models      staging views, seeds, and every pack-incremental model
                                   (intermediate/*, fct_*, dim_pack, ...): only the packs
                                   queued in ops.publish_queue are transformed
             check fact_gate        blocking expectations over each queued pack's facts alone:
                                   a pack that fails is quarantined with its rows and facts,
                                   the others go on
           ─► dbt_warehouse_models the cross-pack models once the gate is through: dimensions
                                   (small, rebuilt whole), and the pack-incremental models
                                   whose rows may compare two packs (models/cross_pack:
                                   int_dq_cross_pack_conflicts, dq_findings)
             check warehouse_gate   what only the whole warehouse can tell (unique keys across
                                   packs, facts joining their dimensions): stops the publish

Before dbt runs, files gone from the packs folder leave raw.* (their packs queued `remove`),
and a changed dbt project (a model, a seed row) makes the run a full refresh.
"""

import json
import time
from collections.abc import Iterator
from typing import Any

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    MetadataValue,
    multi_asset_check,
)
from dagster_dbt import DbtCliResource, dbt_assets

from dagster_project import alerting
from dagster_project.chunks import (
    SCOPE_VALUE,
    Chunk,
    chunk_args,
    clear_chunk,
    plan_chunks,
    write_chunk,
)
from dagster_project.dbt_project import (
    BI_VIEW_TESTS,
    PACK_MODELS,
    TRANSLATOR,
    load_manifest,
    run_dbt,
)
from dagster_project.packs import (
    WORK_DB_POOL,
    WORK_DB_TAGS,
    failure_rows,
    failures_markdown,
    quarantine_and_alert,
    record_gate_results_many,
)
from dagster_project.resources import WarehouseResource
from warehouse import settings

FACT_TABLES = (
    "fct_waiting_times",
    "fct_complaints",
    "fct_placements",
    "fct_decisions",
    "decision_items",
)
CHUNKS_RECORD = settings.TRANSFORM_CHUNKS_NAME
"""In $WAREHOUSE/build: each dbt invocation of the last pack step (packs, dbt's invocation id,
seconds)."""
FACT_KEYS = [AssetKey(["marts", name]) for name in FACT_TABLES]
"""The relations the fact gate validates, pack by pack (a quarantined pack's rows of these are
kept in quarantine.<table>)."""


# --------------------------------------------------------------------------- before dbt


def retire_removed_files(con, warehouse: WarehouseResource) -> list[str]:
    """Files whose rows the warehouse holds but that are gone from the packs folder: their
    rows leave raw.* and their packs are queued `remove`. Returns the files."""
    from dagster_project.resources import list_pack_files
    from ingest import store

    present = {p.name for p in list_pack_files(warehouse.packs_path)}
    held = {r[0] for r in con.execute("select distinct file_name from raw.packs").fetchall()}
    recorded = con.execute(
        "select file_name from ops.pack_files where status not in ('removed')"
    ).fetchall()
    gone = sorted((held | {r[0] for r in recorded}) - present)
    for name in gone:
        store.remove_file(con, name)
    return gone


def needs_full_refresh(con) -> bool:
    """Transform every pack again: the dbt project changed since the last publish (or a user
    asked for it with COUNCIL_FULL_REFRESH=1)."""
    import os

    from dagster_project.planning import (
        FULL_REFRESH_ENV,
        last_transform_fingerprint,
        transform_fingerprint,
    )

    if os.environ.get(FULL_REFRESH_ENV) == "1":
        return True
    last = last_transform_fingerprint(con)
    return last is not None and last != transform_fingerprint()


def _batch(con) -> list[str]:
    from ingest import store

    return store.queued_packs(con, ("load",))


@dbt_assets(
    manifest=load_manifest(),
    select=PACK_MODELS,
    # a pack model's relationships to a dimension are checked once the dimensions are rebuilt,
    # by the warehouse gate (expectations/mart_gate.py)
    exclude="test_name:relationships",
    dagster_dbt_translator=TRANSLATOR,
    name="dbt_pack_models",
    op_tags=WORK_DB_TAGS,
    pool=WORK_DB_POOL,
)
def dbt_pack_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
) -> Iterator[Any]:
    """``dbt build`` of the pack-incremental models for the packs queued (all of them on a
    full refresh), one dbt invocation per chunk of at most COUNCIL_TRANSFORM_CHUNK packs
    (dagster_project/chunks.py)."""
    from expectations import _gx

    _gx.make_validation_context_in_background()  # for the fact gate, while dbt runs
    with warehouse.connect() as con:
        removed = retire_removed_files(con, warehouse)
        full = needs_full_refresh(con)
        batch = _batch(con)
        chunks = plan_chunks(con, full=full, size=settings.transform_chunk_size())
    for name in removed:
        context.log.info(f"{name} is gone from the packs folder: its facts leave the warehouse")
    context.log.info(
        "full refresh: every pack is transformed again"
        if full
        else f"incremental: {len(batch)} pack(s) to transform, {len(removed)} file(s) removed"
    )
    if len(chunks) == 1:  # as before chunks: over the queue, or every pack on a full refresh
        started = time.perf_counter()
        invocation_id = yield from run_dbt(
            context, dbt, warehouse, ["build", *(["--full-refresh"] if full else [])]
        )
        seconds = time.perf_counter() - started
        _record_chunks(warehouse, [_chunk_record(chunks[0], invocation_id, seconds)])
        return
    yield from _run_chunks(context, dbt, warehouse, chunks, full=full)


def _run_chunks(context, dbt, warehouse: WarehouseResource, chunks: list[Chunk], *, full: bool):
    """dbt over each chunk in turn; the events of the last one (row counts over every chunk's
    rows) are the step's. ops.transform_chunk is emptied afterwards, whatever happened."""
    records = []
    try:
        for index, chunk in enumerate(chunks):
            with warehouse.connect() as con:
                write_chunk(con, chunk)
            last = index == len(chunks) - 1
            context.log.info(
                f"chunk {index + 1} of {len(chunks)}: {len(chunk.loads)} pack(s) to transform"
            )
            started = time.perf_counter()
            invocation_id = yield from run_dbt(
                context,
                dbt,
                warehouse,
                chunk_args(["build"], index, len(chunks), full=full),
                extra_env={settings.TRANSFORM_SCOPE_ENV: SCOPE_VALUE},
                emit=last,
            )
            records.append(_chunk_record(chunk, invocation_id, time.perf_counter() - started))
    finally:
        with warehouse.connect() as con:
            clear_chunk(con)
        _record_chunks(warehouse, records)


def _chunk_record(chunk: Chunk, invocation_id: str | None, seconds: float) -> dict[str, Any]:
    return {
        "packs": len(chunk.loads),
        "removed_packs": len(chunk.removes),
        "dbt_invocation_id": invocation_id,
        "seconds": round(seconds, 2),
    }


def _record_chunks(warehouse: WarehouseResource, records: list[dict[str, Any]]) -> None:
    """$WAREHOUSE/build/transform_chunks.json: the dbt invocations of the last pack step."""
    path = warehouse.warehouse_path / "build" / CHUNKS_RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")


@dbt_assets(
    manifest=load_manifest(),
    exclude=PACK_MODELS,
    dagster_dbt_translator=TRANSLATOR,
    name="dbt_warehouse_models",
    op_tags=WORK_DB_TAGS,
    pool=WORK_DB_POOL,
)
def dbt_warehouse_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
) -> Iterator[Any]:
    """``dbt build`` of the cross-pack models (dimensions, dq_findings), after the fact gate.

    A full refresh of the pack models is one of these too: the incremental models of
    models/cross_pack are then computed again from every pack, not only the queued ones."""
    from dagster_project.planning import last_transform_fingerprint

    with warehouse.connect() as con:
        full = needs_full_refresh(con)
        first = last_transform_fingerprint(con) is None
    args = ["build", "--full-refresh"] if full else ["build"]
    if not (full or first):
        args += ["--exclude", f"tag:{BI_VIEW_TESTS}"]  # see dbt_project.yml data_tests
    yield from run_dbt(context, dbt, warehouse, args)


# --------------------------------------------------------------------------- the fact gate


def per_pack_relations(con) -> list[tuple[str, str]]:
    """(schema, table) of every pack model (PACK_MODELS) in the working DB: its rows belong to
    one pack each. The models of models/cross_pack (rows that follow a figure across packs,
    and dq_findings which holds them) are not: the publish refills them whole."""
    manifest = load_manifest()
    relations = []
    for node in manifest.get("nodes", {}).values():
        if node.get("resource_type") == "model" and _is_pack_model(node):
            relations.append((node["schema"], node.get("alias") or node["name"]))
    existing = set(con.execute("select schema_name, table_name from duckdb_tables()").fetchall())
    return sorted(r for r in relations if r in existing and _has_column(con, *r, "pack_id"))


def _has_column(con, schema: str, table: str, column: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from duckdb_columns() where schema_name = ? and table_name = ? "
            "and column_name = ?",
            [schema, table, column],
        ).fetchone()[0]
    )


def drop_pack_rows(con, pack_ids: list[str], relations, *, keep_facts: bool) -> None:
    """Take these packs' rows out of every pack-incremental model; with `keep_facts`, the
    rows of the fact tables are kept in quarantine.<table> for inspection."""
    if not pack_ids:
        return
    con.execute("begin transaction")
    try:
        for schema, table in relations:
            if keep_facts and table in FACT_TABLES:
                _keep_in_quarantine(con, schema, table, pack_ids)
            con.execute(f"delete from {schema}.{table} where list_contains(?, pack_id)", [pack_ids])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def _keep_in_quarantine(con, schema: str, table: str, pack_ids: list[str]) -> None:
    target = f"quarantine.{table}"
    source_columns = [
        r[0]
        for r in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
            "order by column_index",
            [schema, table],
        ).fetchall()
    ]
    target_columns = [
        r[0]
        for r in con.execute(
            "select column_name from duckdb_columns() where schema_name = 'quarantine' "
            "and table_name = ? order by column_index",
            [table],
        ).fetchall()
    ]
    if target_columns != source_columns:  # the model changed: start the table afresh
        con.execute(f"create or replace table {target} as select * from {schema}.{table} limit 0")
    con.execute(f"delete from {target} where list_contains(?, pack_id)", [pack_ids])
    con.execute(
        f"insert into {target} select * from {schema}.{table} where list_contains(?, pack_id)",
        [pack_ids],
    )


def _files_of(con, pack_ids: list[str]) -> dict[str, dict]:
    rows = con.execute(
        "select pack_id, file_name, sha256 from raw.packs where list_contains(?, pack_id)",
        [pack_ids],
    ).fetchall()
    return {pack_id: {"file_name": name, "sha256": sha} for pack_id, name, sha in rows}


def run_fact_gate(context, warehouse: WarehouseResource) -> dict[str, Any]:
    """Validate the queued packs' facts; quarantine the packs that fail (their rows and facts
    leave raw.* and the marts), retire the older versions the others replace. Returns what
    happened: {"gated", "quarantined", "errors", "retired"}."""
    from expectations.fact_gate import validate_facts
    from expectations.gate import release_gate_memory
    from ingest import store

    with warehouse.connect() as con:
        batch = _batch(con)
        files = _files_of(con, batch)
        result = validate_facts(con, batch, files=files)
        relations = per_pack_relations(con)
        quarantined = []
        for pack_id in result.failed_packs:
            gate = result.by_pack[pack_id]
            subject = files.get(pack_id, {})
            rows = failure_rows(gate.failures)
            quarantine_and_alert(
                context.run.run_id,
                warehouse,
                con,
                subject.get("file_name", pack_id),
                (pack_id, subject.get("sha256")),
                gate,
                rows,
                gate="fact",
            )
            quarantined.append(subject.get("file_name", pack_id))
        drop_pack_rows(con, result.failed_packs, relations, keep_facts=True)
        passed = [p for p in batch if p not in result.failed_packs]
        retired = store.retire_superseded(con, passed)
        drop_pack_rows(con, retired, relations, keep_facts=False)
        record_gate_results_many(
            con, [(gate, pack_id) for pack_id, gate in result.by_pack.items()], gates=("facts.",)
        )
    _keep_docs(context, warehouse, result)
    release_gate_memory()
    return {
        "gated": len(batch),
        "quarantined": quarantined,
        "retired": retired,
        "errors": failure_rows(result.errors),
        "seconds": round(result.seconds, 2),
    }


def _keep_docs(context, warehouse, result) -> None:
    if not result.by_pack and not result.errors:
        return  # nothing was gated this run: the last validation stays the latest
    try:
        from expectations import docs

        docs.keep_results(result.overall(), warehouse.warehouse_path)
    except Exception as error:  # Data Docs are a report: never fail the gate over them
        context.log.warning(f"Data Docs results not kept: {error}")


@multi_asset_check(
    name="fact_gate",
    specs=[
        AssetCheckSpec(
            name="fact_gate",
            asset=key,
            blocking=True,
            additional_deps=[k for k in FACT_KEYS if k != key],
            description="Blocking expectations over each queued pack's facts alone "
            "(expectations/fact_gate.py): counts never negative, parts within their whole, "
            "percentages within 0-100, periods near the meeting, every fact on a printed line. "
            "A pack that fails is quarantined with its rows and facts; the others publish.",
        )
        for key in FACT_KEYS
    ],
    pool=WORK_DB_POOL,
    op_tags=WORK_DB_TAGS,
)
def fact_gate(context: AssetCheckExecutionContext, warehouse: WarehouseResource):
    outcome = run_fact_gate(context, warehouse)
    errors = outcome["errors"]
    if errors:
        alerting.send(
            "fact_gate_failed",
            warehouse.warehouse_path,
            run_id=context.run.run_id,
            message="the fact gate could not be evaluated (a rule's column or a fact table is "
            "missing): the warehouse was NOT published; BI keeps the last published file",
            failures=errors[:20],
        )
    for key in FACT_KEYS:
        yield AssetCheckResult(
            asset_key=key,
            check_name="fact_gate",
            passed=not errors and not outcome["quarantined"],
            # a quarantined pack has left the marts: the rest may publish; a gate that could
            # not run stops the publish
            severity=AssetCheckSeverity.ERROR if errors else AssetCheckSeverity.WARN,
            description=_gate_description(outcome),
            metadata={
                "packs_gated": outcome["gated"],
                "quarantined": MetadataValue.json(outcome["quarantined"]),
                "older_versions_retired": len(outcome["retired"]),
                "errors": MetadataValue.md(failures_markdown(errors)),
                "seconds": outcome["seconds"],
            },
        )


def _gate_description(outcome: dict) -> str | None:
    if outcome["errors"]:
        names = sorted({e["expectation"] for e in outcome["errors"]})
        return f"the gate could not run: {', '.join(names)}"
    if outcome["quarantined"]:
        return f"quarantined: {', '.join(outcome['quarantined'])}"
    return None


# --------------------------------------------------------------------------- warehouse gate


def warehouse_gate_keys() -> list[AssetKey]:
    """The cross-pack marts the warehouse gate reports on (those dbt_warehouse_models makes:
    every mart but the pack models, PACK_MODELS)."""
    manifest = load_manifest()
    keys = []
    for node in manifest.get("nodes", {}).values():
        if (
            node.get("resource_type") == "model"
            and node.get("schema") == "marts"
            and not _is_pack_model(node)
        ):
            keys.append(TRANSLATOR.get_asset_key(node))
    return sorted(keys, key=lambda k: k.to_user_string())


def _is_pack_model(node: dict) -> bool:
    """A mart of the pack step (PACK_MODELS: incremental and tagged pack_rows)."""
    config = node.get("config") or {}
    return config.get("materialized") == "incremental" and "pack_rows" in (node.get("tags") or [])


WAREHOUSE_GATE_KEYS = warehouse_gate_keys()


@multi_asset_check(
    name="warehouse_gate",
    specs=[
        AssetCheckSpec(
            name="warehouse_gate",
            asset=key,
            blocking=True,
            additional_deps=[*FACT_KEYS, *(k for k in WAREHOUSE_GATE_KEYS if k != key)],
            description="What only the whole warehouse can tell (expectations/mart_gate.py): "
            "keys unique across packs, dimension keys, and the facts just transformed joining "
            "their dimensions. Blocking: a failure stops the publish and names its packs.",
        )
        for key in WAREHOUSE_GATE_KEYS
    ],
    pool=WORK_DB_POOL,
    op_tags=WORK_DB_TAGS,
)
def warehouse_gate(context: AssetCheckExecutionContext, warehouse: WarehouseResource):
    from dagster_project.resources import open_duckdb
    from expectations.gate import release_gate_memory
    from expectations.mart_gate import failing_packs, validate_warehouse

    con = open_duckdb(warehouse.work_db, read_only=True)
    try:
        full = needs_full_refresh(con)
        batch = None if full else _batch(con)
        result = validate_warehouse(con, batch)
        files = _files_of(con, failing_packs(result))
    finally:
        con.close()
    rows = failure_rows(result.failures)
    blocking = [r for r in rows if r.get("severity") != "warning"]
    if not result.passed:
        names = sorted(f["file_name"] for f in files.values())
        alerting.send(
            "warehouse_gate_failed",
            warehouse.warehouse_path,
            run_id=context.run.run_id,
            message=f"the warehouse gate failed ({len(blocking)} blocking expectation(s)) on "
            f"rows of {', '.join(names) or 'no pack (dimensions, seeds)'}: the warehouse was "
            "NOT published; BI keeps the last published file",
            files=names,
            failures=blocking[:20],
        )
    _keep_warehouse_docs(context, warehouse, result)
    release_gate_memory()
    for key in WAREHOUSE_GATE_KEYS:
        yield AssetCheckResult(
            asset_key=key,
            check_name="warehouse_gate",
            passed=result.passed,
            severity=AssetCheckSeverity.ERROR,
            description=None if result.passed else f"{len(blocking)} blocking failure(s)",
            metadata={
                "expectations_evaluated": len(result.checks),
                "blocking_failures": len(blocking),
                "warnings": len(rows) - len(blocking),
                "failures": MetadataValue.md(failures_markdown(rows)),
                "packs_named": MetadataValue.json(sorted(files)),
            },
        )


def _keep_warehouse_docs(context, warehouse, result) -> None:
    try:
        from expectations import docs

        docs.keep_results(result, warehouse.warehouse_path)
        docs.build_data_docs(warehouse.warehouse_path)
    except Exception as error:  # Data Docs are a report: never fail the gate over them
        context.log.warning(f"Data Docs were not rebuilt: {error}")
