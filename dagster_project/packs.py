"""Per-pack assets, partitioned by pack file name (dynamic partitions "packs").

    pack_file (external: the file in the packs folder)
      └─► stage/pack   extract: parse the file, write its rows to stage.*          [ingest]
            ├─ check pack_gate (blocking): the pack expectation suite; on failure the
            │  pack is moved to quarantine.*, its report written and an alert sent
            └─► raw/packs, raw/documents, raw/tables, raw/table_cells, raw/lines,
                raw/prose_numbers
                promote: stage.* -> raw.* in one transaction                  [gates]

The partition key is the file name (stable while its bytes change); ``pack_id`` (first 16 hex
of sha256) is the content identity stored in every row.
"""

import json
import time
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    DynamicPartitionsDefinition,
    Failure,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
    multi_asset,
)

from dagster_project import alerting
from dagster_project.resources import WarehouseResource, file_sha256

PACKS_PARTITION = "packs"
packs_partitions = DynamicPartitionsDefinition(name=PACKS_PARTITION)

RAW_TABLES = ("packs", "documents", "tables", "table_cells", "lines", "prose_numbers")
PACK_FILE_KEY = AssetKey("pack_file")
STAGE_KEY = AssetKey(["stage", "pack"])
RAW_KEYS = {table: AssetKey(["raw", table]) for table in RAW_TABLES}

INGEST_OWNERS = ["team:data-engineering"]
WORK_DB_POOL = "council_work_db"
WORK_DB_TAGS = {"council/work_db": "writer"}

RAW_DESCRIPTIONS = {
    "packs": "One row per pack that passed its gate: council, committee, meeting date, venue, "
    "with the printed line each came from.",
    "documents": "Documents of each promoted pack (agenda, minutes, reports, appendices) with "
    "their line ranges.",
    "tables": "Tables found in each promoted pack: caption, as-of text, header lines, layout.",
    "table_cells": "Every cell of every table, with its row label, column name and line.",
    "lines": "Every printed line of each promoted pack: what citations point at.",
    "prose_numbers": "Every number printed in a sentence, with its sentence, line, qualifier, unit "
    "cue and role in a change; identifiers (pages, dates, references) marked skipped.",
}

pack_file = AssetSpec(
    key=PACK_FILE_KEY,
    description="A pack file in the packs folder (PACKS_DIR). One partition per file name; the "
    "sensor `packs_folder_sensor` adds partitions and records each file's sha256.",
    group_name="ingest",
    partitions_def=packs_partitions,
    owners=INGEST_OWNERS,
    kinds={"file"},
)


# --------------------------------------------------------------------------- ops tables


def tag_load_log(con, file_name: str, run_id: str | None) -> None:
    """ingest.store logs loads without a run id: attach this run's id to the new log rows."""
    if run_id:
        con.execute(
            "update ops.load_log set run_id = ? where file_name = ? and run_id is null",
            [run_id, file_name],
        )


def staged_pack(con, file_name: str) -> tuple[str, str] | None:
    """(pack_id, sha256) of the pack staged from this file, the newest if several."""
    row = con.execute(
        "select pack_id, sha256 from stage.packs where file_name = ? "
        "order by extracted_at desc limit 1",
        [file_name],
    ).fetchone()
    return (row[0], row[1]) if row else None


def _frame_rows(frames: Mapping[str, Any]) -> dict[str, int]:
    return {name: len(frame) for name, frame in frames.items()}


def _first_row(frame) -> dict[str, Any]:
    if frame is None or len(frame) == 0:
        return {}
    if hasattr(frame, "row"):  # polars
        return frame.row(0, named=True)
    return frame.iloc[0].to_dict()  # pandas


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


# --------------------------------------------------------------------------- extract


@asset(
    key=STAGE_KEY,
    deps=[PACK_FILE_KEY],
    partitions_def=packs_partitions,
    group_name="ingest",
    owners=INGEST_OWNERS,
    kinds={"python", "duckdb"},
    description="Extract: parse one pack file (metadata, documents, tables, cells, lines) and "
    "write its rows to stage.* in the working DB, waiting for the pack gate.",
    pool=WORK_DB_POOL,
    op_tags=WORK_DB_TAGS,
)
def stage_pack(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    from ingest import store
    from ingest.errors import PackError
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack

    file_name = context.partition_key
    path = warehouse.pack_path(file_name)
    if not path.is_file():
        raise Failure(
            description=f"{file_name} is no longer in {warehouse.packs_path}; the warehouse keeps "
            "what was loaded from it. Delete the partition to forget it.",
            metadata={"file": str(path)},
            allow_retries=False,
        )
    started = time.perf_counter()
    try:
        parsed = parse_pack(path)
        frames = pack_frames(parsed)
    except PackError as error:
        _record_unreadable(context, warehouse, file_name, path, str(error.problem))
        raise Failure(
            description=f"{file_name} cannot be read as a pack: {error.problem}",
            metadata={"file": str(path), "problem": error.problem},
            allow_retries=False,
        ) from error
    parse_seconds = time.perf_counter() - started
    pack = _first_row(frames.get("packs"))
    with warehouse.connect() as con:
        duplicate = store.record_if_duplicate(con, file_name, pack["sha256"])
        if duplicate:
            tag_load_log(con, file_name, context.run.run_id)
        else:
            store.stage_pack(con, frames)
    if duplicate:
        raise Failure(
            description=f"{file_name}: {duplicate} (pack {pack['pack_id']}). Remove one of "
            "the two files.",
            metadata={"file": str(path), "duplicate": duplicate},
            allow_retries=False,
        )
    rows = _frame_rows(frames)
    context.log.info(f"extracted {file_name}: pack {pack.get('pack_id')}, rows {rows}")
    return MaterializeResult(
        metadata={
            "file": MetadataValue.path(str(path)),
            "pack_id": str(pack.get("pack_id")),
            "sha256": str(pack.get("sha256")),
            "council": str(pack.get("council")),
            "committee": str(pack.get("committee")),
            "meeting_date": str(pack.get("meeting_date")),
            "encoding": str(pack.get("encoding")),
            "line_count": int(pack.get("line_count") or 0),
            "rows": MetadataValue.json(rows),
            "dagster/row_count": sum(rows.values()),
            "parse_seconds": round(parse_seconds, 3),
        },
    )


def _record_unreadable(context, warehouse: WarehouseResource, file_name, path, problem) -> None:
    try:
        sha = file_sha256(Path(path))
    except OSError:
        sha = None
    try:
        from ingest import store

        with warehouse.connect() as con:
            store.record_failure(con, file_name, sha, "error", problem)
            tag_load_log(con, file_name, context.run.run_id)
    except Exception:  # the run fails anyway; the alert below still goes out
        context.log.exception("could not record the unreadable pack in ops.pack_files")
    alerting.send(
        "pack_unreadable",
        warehouse.warehouse_path,
        file_name=file_name,
        pack_id=sha[:16] if sha else None,
        message=f"{file_name} cannot be read as a pack: {problem}",
        run_id=context.run.run_id,
    )


# --------------------------------------------------------------------------- gate


def failure_rows(failures) -> list[dict[str, Any]]:
    """GateResult.failures as plain dicts (suite, expectation, severity, note, counts, sample)."""
    rows = []
    for failure in failures:
        row = failure.to_dict() if hasattr(failure, "to_dict") else dict(failure)
        rows.append(_json_safe(row))
    return rows


def _md_cell(value: Any, limit: int = 160) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failures_markdown(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "No failing expectation."
    lines = [
        "| suite | expectation | severity | unexpected | sample (value @ line) | note |",
        "|---|---|---|---:|---|---|",
    ]
    for row in rows:
        lines.append(
            "| "
            + " | ".join(
                _md_cell(row.get(k) if row.get(k) is not None else "")
                for k in ("suite", "expectation", "severity", "unexpected_count", "sample", "note")
            )
            + " |"
        )
    return "\n".join(lines)


GATE_RESULT_COLUMNS = (
    "pack_id",
    "file_name",
    "suite",
    "expectation",
    "severity",
    "success",
    "note",
    "unexpected_count",
    "sample",
    "validated_at",
)


def record_gate_results(con, result, *, pack_id: str | None) -> None:
    """Replace this pack's rows in ops.gate_results with every expectation just evaluated."""
    import pandas as pd

    rows = [
        tuple(
            (row.get("pack_id") or pack_id) if c == "pack_id" else row.get(c)
            for c in GATE_RESULT_COLUMNS
        )
        for row in result.ops_rows()
        if row is not None
    ]
    columns = ", ".join(GATE_RESULT_COLUMNS)
    con.execute("begin transaction")
    try:
        con.execute("delete from ops.gate_results where pack_id = ?", [pack_id])
        if rows:
            con.register("_gate_rows", pd.DataFrame(rows, columns=list(GATE_RESULT_COLUMNS)))
            try:
                con.execute(f"insert into ops.gate_results ({columns}) select * from _gate_rows")
            finally:
                con.unregister("_gate_rows")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def gate_metadata(result, rows: list[dict[str, Any]]) -> dict[str, Any]:
    blocking = [r for r in rows if r.get("severity") != "warning"]
    warnings = [r for r in rows if r.get("severity") == "warning"]
    metadata: dict[str, Any] = {
        "expectations_evaluated": len(getattr(result, "checks", []) or []),
        "blocking_failures": len(blocking),
        "warnings": len(warnings),
        "unexpected_values": sum(int(r.get("unexpected_count") or 0) for r in rows),
        "failures": MetadataValue.md(failures_markdown(rows)),
        "suites": ", ".join(getattr(result, "suites", []) or []),
    }
    if getattr(result, "data_docs", None):
        metadata["data_docs"] = MetadataValue.path(str(result.data_docs))
    return metadata


def blocking_reason(rows: list[dict[str, Any]]) -> str:
    """'N blocking expectation(s) failed: a, b' for a gate's failure rows."""
    blocking = [r for r in rows if r.get("severity") != "warning"]
    names = sorted({str(r.get("expectation")) for r in blocking})
    return f"{len(blocking)} blocking expectation(s) failed: " + ", ".join(names)


def quarantine_and_alert(run_id, warehouse, con, file_name, pack, result, rows) -> str:
    """A pack that failed its gate: move it to quarantine.*, write its report to
    $WAREHOUSE/quarantine/<file>.json and send the alert. ``pack`` is (pack_id, sha256).
    Returns the reason recorded."""
    from expectations.gate import write_report
    from ingest import store

    pack_id, sha256 = pack
    reason = blocking_reason(rows)
    store.quarantine_pack(con, pack_id, file_name, reason)
    report = write_report(result, warehouse.quarantine_dir / f"{file_name}.json")
    alerting.send(
        "pack_quarantined",
        warehouse.warehouse_path,
        file_name=file_name,
        pack_id=pack_id,
        sha256=sha256,
        run_id=run_id,
        message=f"{file_name} failed its pack gate and was quarantined: {reason}",
        failures=[r for r in rows if r.get("severity") != "warning"][:20],
        report=str(report),
    )
    return reason


def _pack_gate(context: AssetCheckExecutionContext, warehouse: WarehouseResource):
    from expectations.gate import validate_pack
    from ingest import store

    file_name = context.partition_key
    report_path = warehouse.quarantine_dir / f"{file_name}.json"
    with warehouse.connect() as con:
        staged = staged_pack(con, file_name)
        if staged is None:
            return AssetCheckResult(
                passed=False,
                severity=AssetCheckSeverity.ERROR,
                description=f"nothing staged for {file_name}: run the extract step first",
                metadata={"file": file_name},
            )
        pack_id, sha256 = staged
        result = validate_pack(
            store.staged_frames(con, pack_id),
            warehouse_dir=warehouse.warehouse_path,
            file_name=file_name,
        )
        rows = failure_rows(result.failures)
        record_gate_results(con, result, pack_id=pack_id)
        if not result.passed:
            reason = quarantine_and_alert(
                context.run.run_id, warehouse, con, file_name, (pack_id, sha256), result, rows
            )
            tag_load_log(con, file_name, context.run.run_id)
    metadata = {"file": file_name, "pack_id": pack_id, **gate_metadata(result, rows)}
    if result.passed:
        report_path.unlink(missing_ok=True)
        return AssetCheckResult(passed=True, metadata=metadata)

    metadata["quarantine_report"] = MetadataValue.path(str(report_path))
    return AssetCheckResult(
        passed=False,
        severity=AssetCheckSeverity.ERROR,
        description=f"pack quarantined: {reason}",
        metadata=metadata,
    )


with warnings.catch_warnings():  # partitioned asset checks are a "preview" feature
    warnings.simplefilter("ignore")
    pack_gate = asset_check(
        asset=STAGE_KEY,
        name="pack_gate",
        blocking=True,
        partitions_def=packs_partitions,
        description="The pack expectation suite (expectations.gate.validate_pack) over the "
        "staged rows. Blocking: a failure quarantines the pack and stops its promotion into "
        "raw.*.",
        pool=WORK_DB_POOL,
        op_tags=WORK_DB_TAGS,
    )(_pack_gate)


# --------------------------------------------------------------------------- promote


@multi_asset(
    name="promote_pack",
    specs=[
        AssetSpec(
            key=RAW_KEYS[table],
            deps=[STAGE_KEY],
            description=f"raw.{table}: {RAW_DESCRIPTIONS[table]} A dbt source.",
            group_name="gates",
            owners=INGEST_OWNERS,
            kinds={"duckdb"},
            skippable=False,
        )
        for table in RAW_TABLES
    ],
    partitions_def=packs_partitions,
    description="Promote: move a gated pack from stage.* to raw.* in one transaction, replacing "
    "whatever was loaded before from the same file.",
    pool=WORK_DB_POOL,
    op_tags=WORK_DB_TAGS,
)
def promote_pack(
    context: AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[MaterializeResult]:
    from ingest import store

    file_name = context.partition_key
    with warehouse.connect() as con:
        staged = staged_pack(con, file_name)
        if staged is None:
            raise Failure(f"nothing staged for {file_name}: run extract and pack_gate first")
        pack_id, _sha256 = staged
        store.promote_pack(con, pack_id, file_name)
        tag_load_log(con, file_name, context.run.run_id)
        counts = {}
        for table in RAW_TABLES:
            pack_rows, total_rows = con.execute(
                f"select count(*) filter (where pack_id = ?), count(*) from raw.{table}",
                [pack_id],
            ).fetchone()
            counts[table] = (pack_rows, total_rows)
    (warehouse.quarantine_dir / f"{file_name}.json").unlink(missing_ok=True)
    for table in RAW_TABLES:
        pack_rows, total_rows = counts[table]
        yield MaterializeResult(
            asset_key=RAW_KEYS[table],
            metadata={
                "pack_id": pack_id,
                "rows_from_this_pack": pack_rows,
                "rows_in_table": total_rows,
                "dagster/row_count": pack_rows,
            },
        )
