"""Per-pack assets, partitioned by pack file name (dynamic partitions "packs").

    pack_file (external: the file in the packs folder)
      └─► stage/pack   extract: parse the files, write their rows to stage.*        [ingest]
            ├─ check pack_gate (blocking): the pack expectation suites; a pack that fails
            │  is moved to quarantine.*, its report written and an alert sent
            └─► raw/pack   promote: stage.* -> raw.* (packs, documents, tables, table_cells,
                           lines, prose_numbers), one transaction per run      [gates]

A run covers one partition (a pack dropped in the folder) or a range of them: the assets carry
a `BackfillPolicy` of up to MAX_PACKS_PER_RUN partitions per run, so a backfill of thousands of
packs (from the UI, the sensor or `make warehouse`) runs as a few multi-pack runs. Within a run
the files are parsed in worker processes while this process alone writes the working DB; one
unreadable or failing pack is refused or quarantined alone, the others go on.

The partition key is the file name (stable while its bytes change); ``pack_id`` (first 16 hex
of sha256) is the content identity stored in every row.
"""

import json
import time
import warnings
from collections.abc import Sequence
from typing import Any

from dagster import (
    AssetCheckEvaluation,
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetKey,
    AssetMaterialization,
    AssetSpec,
    BackfillPolicy,
    DynamicPartitionsDefinition,
    Failure,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
    multi_asset,
)

from dagster_project import alerting
from dagster_project.resources import WarehouseResource
from ingest.raw_contract import RAW_DESCRIPTIONS, RAW_TABLES

PACKS_PARTITION = "packs"
packs_partitions = DynamicPartitionsDefinition(name=PACKS_PARTITION)
MAX_PACKS_PER_RUN = 200
"""Half as many load runs as 100 a run (50 for 10,000 packs). Measured at 10,000 packs
(bench/README.md): loads 703 s against 665 and 718 s at 100 a run, the pack gate's time
unchanged (it follows the packs, not the runs); the build process held some 0.15 GB more
through dbt (one run each)."""
PACK_BACKFILL_POLICY = BackfillPolicy.multi_run(max_partitions_per_run=MAX_PACKS_PER_RUN)

PACK_FILE_KEY = AssetKey("pack_file")
STAGE_KEY = AssetKey(["stage", "pack"])
RAW_KEY = AssetKey(["raw", "pack"])

INGEST_OWNERS = ["team:data-engineering"]
WORK_DB_POOL = "council_work_db"
WORK_DB_TAGS = {"council/work_db": "writer"}


pack_file = AssetSpec(
    key=PACK_FILE_KEY,
    description="A pack file in the packs folder (PACKS_DIR). One partition per file name; the "
    "sensor `packs_folder_sensor` adds partitions as files arrive.",
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


def tag_load_logs(con, file_names: Sequence[str], run_id: str | None) -> None:
    """`tag_load_log` for many files at once (one UPDATE)."""
    if run_id and file_names:
        con.execute(
            "update ops.load_log set run_id = ? "
            "where list_contains(?, file_name) and run_id is null",
            [run_id, list(file_names)],
        )


def staged_packs(con, file_names: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(pack_id, sha256) of the pack staged from each of these files (the newest, if one was
    staged twice), in one query: {file: (pack_id, sha256)} in the order of `file_names`; files
    with nothing staged (quarantined, refused) are left out."""
    rows = con.execute(
        "select file_name, arg_max(pack_id, extracted_at), arg_max(sha256, extracted_at) "
        "from stage.packs where list_contains(?, file_name) group by file_name",
        [list(file_names)],
    ).fetchall()
    found = {name: (pack_id, sha) for name, pack_id, sha in rows}
    return {name: found[name] for name in file_names if name in found}


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


# --------------------------------------------------------------------------- extract


_PARSER_POOL = None


def parser_pool():
    """One pool of parser processes for this process: `make warehouse` runs its load runs in
    process, one after another, and starting the workers costs seconds each time. Stopped when
    the process exits."""
    global _PARSER_POOL
    if _PARSER_POOL is None:
        import atexit

        from ingest.parallel import ParserPool

        _PARSER_POOL = ParserPool()
        atexit.register(_PARSER_POOL.close)
    return _PARSER_POOL


def close_parser_pool() -> None:
    """Stop this process's parser workers (after the last load run of a build: they would
    otherwise keep their memory through the transform and publish)."""
    global _PARSER_POOL
    if _PARSER_POOL is not None:
        _PARSER_POOL.close()
        _PARSER_POOL = None


_NEXT_LOAD: list = []


def expect_next_load(paths: Sequence) -> None:
    """The files the next load run of this process will parse (`make warehouse` runs its load
    runs one after another): the extract step starts parsing them once it has parsed its own,
    so the workers parse while this process gates and promotes. Empty: nothing to start."""
    _NEXT_LOAD[:] = list(paths)


def _prefetch_next_load() -> None:
    # one file is parsed in this process (parse_files): nothing to start early for it
    if len(_NEXT_LOAD) > 1:
        parser_pool().prefetch(_NEXT_LOAD)
    _NEXT_LOAD.clear()


def parse_files(paths: Sequence):
    """The files parsed in worker processes (in this process when there is only one)."""
    if len(paths) <= 1:
        from ingest.parallel import parse_files as parse_here

        return parse_here(paths, workers=1)
    return parser_pool().parse(paths)


STAGE_CHUNK_PACKS = 10
"""Packs staged per transaction by a multi-pack run's writer (see `store.stage_packs`)."""


def stage_files(context, warehouse: WarehouseResource, file_names: Sequence[str]) -> dict:
    """Parse these files in worker processes while this process stages them, a chunk of
    packs per transaction: {"staged": {file: pack_id}, "refused": {file: problem}}."""
    from expectations import gate_worker
    from ingest import store

    gate_worker.prepare_load(len(file_names))
    staged: dict[str, str] = {}
    refused: dict[str, str] = {}
    paths = []
    for name in file_names:
        path = warehouse.pack_path(name)
        if path.is_file():
            paths.append(path)
        else:
            refused[name] = f"no longer in {warehouse.packs_path}"
    stats = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in paths}
    by_sha: dict[str, str] = {}  # the same bytes twice in one run load once
    chunk: list = []  # (parsed file, its packs row) waiting to be staged
    with warehouse.connect() as con:
        promoted = store.promoted_files(con)  # sha256 -> file: asked once, not once a pack
        for parsed in parse_files(paths):
            name = parsed.file_name
            if parsed.error is not None:
                refused[name] = str(parsed.error.problem)
                _record_unreadable(context, warehouse, con, parsed, stats)
                tag_load_log(con, name, context.run.run_id)
                continue
            pack = parsed.frames["packs"].row(0, named=True)
            holder = promoted.get(pack["sha256"]) or by_sha.get(pack["sha256"])
            duplicate = holder not in (None, name) and store.record_if_duplicate(
                con, name, pack["sha256"], holder=holder, stat=stats[name]
            )
            if duplicate:
                refused[name] = f"{duplicate} (pack {pack['pack_id']}): remove one of the files"
                tag_load_log(con, name, context.run.run_id)
                continue
            chunk.append((parsed, pack))
            by_sha[pack["sha256"]] = name
            staged[name] = pack["pack_id"]
            if len(chunk) >= STAGE_CHUNK_PACKS:
                _stage_chunk(context, con, chunk, stats)
        _prefetch_next_load()  # every file of this run is parsed: the workers are free
        _stage_chunk(context, con, chunk, stats)
    return {"staged": staged, "refused": refused}


def _stage_chunk(context, con, chunk: list, stats: dict) -> None:
    """Stage the parsed packs waiting in `chunk` in one transaction, and empty it."""
    from ingest import store

    if not chunk:
        return
    files = [(parsed.file_name, pack["sha256"], stats[parsed.file_name]) for parsed, pack in chunk]
    store.stage_packs(con, [parsed.frames for parsed, _ in chunk], files)
    tag_load_logs(con, [name for name, _, _ in files], context.run.run_id)
    chunk.clear()


@asset(
    key=STAGE_KEY,
    deps=[PACK_FILE_KEY],
    partitions_def=packs_partitions,
    backfill_policy=PACK_BACKFILL_POLICY,
    group_name="ingest",
    owners=INGEST_OWNERS,
    kinds={"python", "duckdb"},
    description="Extract: parse the pack files of the run's partitions (in worker processes) and "
    "write their rows to stage.* in the working DB, waiting for the pack gate. A file that "
    "cannot be read is refused alone, with an alert.",
    pool=WORK_DB_POOL,
    op_tags=WORK_DB_TAGS,
)
def stage_pack(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    started = time.perf_counter()
    files = list(context.partition_keys)
    outcome = stage_files(context, warehouse, files)
    staged, refused = outcome["staged"], outcome["refused"]
    for name, problem in refused.items():
        context.log.warning(f"{name}: {problem}")
    if not staged:
        problems = "; ".join(f"{n}: {p}" for n, p in refused.items())
        raise Failure(
            description=f"nothing could be staged: {problems}",
            metadata={"refused": MetadataValue.json(refused)},
            allow_retries=False,
        )
    return MaterializeResult(
        metadata={
            "files": len(files),
            "staged": len(staged),
            "refused": MetadataValue.json(refused),
            "pack_ids": MetadataValue.json(staged),
            "seconds": round(time.perf_counter() - started, 3),
        },
    )


def _record_unreadable(context, warehouse, con, parsed, stats) -> None:
    from ingest import store
    from ingest.parse import PARSER_VERSION

    file_name, sha, problem = parsed.file_name, parsed.sha256, str(parsed.error.problem)
    store.record_failure(
        con,
        file_name,
        sha,
        "error",
        problem,
        stat=stats.get(file_name),
        parser_version=PARSER_VERSION,
    )
    alerting.send(
        "pack_unreadable",
        warehouse.warehouse_path,
        file_name=file_name,
        pack_id=sha[:16] if sha else None,
        sha256=sha,
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
        cells = (row.get(k) for k in ("suite", "expectation", "severity", "unexpected_count"))
        cells = [*cells, row.get("sample"), row.get("note")]
        lines.append("| " + " | ".join(_md_cell(c if c is not None else "") for c in cells) + " |")
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


def record_gate_results_many(con, results: Sequence[tuple], *, gates: Sequence[str]) -> None:
    """Replace these packs' rows of these gates' suites in ops.gate_results, for many
    (result, pack_id) in one transaction: a bulk load's batch scans the table and commits once,
    not once a pack."""
    import pandas as pd

    rows = [
        tuple(
            (row.get("pack_id") or pack_id) if c == "pack_id" else row.get(c)
            for c in GATE_RESULT_COLUMNS
        )
        for result, pack_id in results
        for row in result.ops_rows()
    ]
    prefixes = [f"{g}%" for g in gates]
    con.execute("begin transaction")
    try:
        con.execute(
            "delete from ops.gate_results where list_contains(?, pack_id) "
            "and list_bool_or([suite like x for x in ?])",
            [[pack_id for _, pack_id in results], prefixes],
        )
        if rows:
            frame = pd.DataFrame(rows, columns=list(GATE_RESULT_COLUMNS))  # noqa: F841
            con.execute(
                f"insert into ops.gate_results ({', '.join(GATE_RESULT_COLUMNS)}) "
                "select * from frame"
            )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def gate_metadata(result, rows: list[dict[str, Any]]) -> dict[str, Any]:
    blocking = [r for r in rows if r.get("severity") != "warning"]
    warned = [r for r in rows if r.get("severity") == "warning"]
    metadata: dict[str, Any] = {
        "expectations_evaluated": len(getattr(result, "checks", []) or []),
        "blocking_failures": len(blocking),
        "warnings": len(warned),
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


def printed_lines(rows: list[dict[str, Any]], limit: int = 10) -> list[dict[str, Any]]:
    """The printed lines a gate's blocking failures point at: expectation, line, value."""
    lines = []
    for row in rows:
        if row.get("severity") == "warning":
            continue
        for item in row.get("sample") or []:
            if isinstance(item, dict) and item.get("line") is not None:
                context = item.get("context") or {}
                lines.append(
                    {
                        "expectation": row.get("expectation"),
                        "line": item.get("line"),
                        "value": item.get("value", context.get("value_text")),
                        "text": context.get("l_text") or context.get("source_text"),
                    }
                )
    return lines[:limit]


def quarantine_and_alert(
    run_id, warehouse, con, file_name, pack, result, rows, *, gate: str = "pack"
) -> str:
    """A pack that failed a gate: move it to quarantine.* (from stage.* for the pack gate,
    from raw.* for the fact gate), write its report to $WAREHOUSE/quarantine/<file>.json and
    send the alert naming the file, its sha256, the expectations and the printed lines.
    ``pack`` is (pack_id, sha256). Returns the reason recorded."""
    from expectations.gate import write_report
    from ingest import store

    pack_id, sha256 = pack
    blocking = [r for r in rows if r.get("severity") != "warning"]
    reason = f"{gate} gate: {blocking_reason(rows)}"
    schema = "stage" if gate == "pack" else "raw"
    store.quarantine_pack(con, pack_id, file_name, reason, schema=schema)
    report = write_report(result, warehouse.quarantine_dir / f"{file_name}.json")
    alerting.send(
        "pack_quarantined",
        warehouse.warehouse_path,
        gate=gate,
        file_name=file_name,
        pack_id=pack_id,
        sha256=sha256,
        run_id=run_id,
        message=f"{file_name} failed its {gate} gate and was quarantined: {blocking_reason(rows)}",
        expectations=sorted({str(r.get("expectation")) for r in blocking}),
        lines=printed_lines(rows),
        failures=blocking[:20],
        report=str(report),
    )
    return reason


def gate_staged_packs(context, warehouse: WarehouseResource, file_names: Sequence[str]) -> dict:
    """Validate every pack staged from these files in one GX run per suite; quarantine those
    that fail. Returns {file: (pack_id, result, rows)}."""
    from expectations.gate import release_gate_memory
    from expectations.gate_worker import validate_pack_batch
    from ingest import store

    outcomes: dict[str, tuple[str, Any, list]] = {}
    with warehouse.connect() as con:
        staged = staged_packs(con, file_names)
        names = list(staged)
        results = validate_pack_batch(
            store.staged_batch(con, [staged[n][0] for n in names]),
            len(names),
            warehouse_dir=warehouse.warehouse_path,
            file_names=names,
        )
        record_gate_results_many(
            con,
            [(result, staged[name][0]) for name, result in zip(names, results, strict=True)],
            gates=("pack_",),
        )
        for name, result in zip(names, results, strict=True):
            pack_id = staged[name][0]
            rows = failure_rows(result.failures)
            if not result.passed:
                quarantine_and_alert(
                    context.run.run_id, warehouse, con, name, staged[name], result, rows
                )
                tag_load_log(con, name, context.run.run_id)
            outcomes[name] = (pack_id, result, rows)
    release_gate_memory()
    return outcomes


def _pack_gate(context: AssetCheckExecutionContext, warehouse: WarehouseResource):
    files = list(context.partition_keys)
    outcomes = gate_staged_packs(context, warehouse, files)
    for name in files:
        report = warehouse.quarantine_dir / f"{name}.json"
        if name in outcomes and outcomes[name][1].passed:
            report.unlink(missing_ok=True)
    failed = sorted(n for n, (_, result, _) in outcomes.items() if not result.passed)
    passed = sorted(n for n, (_, result, _) in outcomes.items() if result.passed)
    if len(files) > 1:  # a multi-pack run: each pack's verdict on its own partition
        log = context.op_execution_context.log_event
        for name, (pack_id, result, rows) in outcomes.items():
            log(_gate_evaluation(name, pack_id, result, rows))
        for name in sorted(set(files) - set(outcomes)):
            log(_refused_evaluation(name))
    if len(files) == 1 and outcomes:
        pack_id, result, rows = outcomes[files[0]]
        metadata = {"file": files[0], "pack_id": pack_id, **gate_metadata(result, rows)}
    else:
        metadata = {"packs": len(outcomes), "passed": len(passed)}
    metadata["quarantined"] = MetadataValue.json(failed)
    if not outcomes:
        return AssetCheckResult(
            passed=False, description="nothing was staged: run the extract step first"
        )
    return AssetCheckResult(
        passed=not failed,
        # quarantined packs have left stage.*: the others may still be promoted
        severity=AssetCheckSeverity.WARN if passed else AssetCheckSeverity.ERROR,
        description=f"quarantined: {', '.join(failed)}" if failed else None,
        metadata=metadata,
    )


def _gate_evaluation(file_name: str, pack_id: str, result, rows) -> AssetCheckEvaluation:
    reason = None if result.passed else blocking_reason(rows)
    return AssetCheckEvaluation(
        asset_key=STAGE_KEY,
        check_name="pack_gate",
        passed=bool(result.passed),
        partition=file_name,
        severity=AssetCheckSeverity.ERROR,
        blocking=True,
        description=f"pack quarantined: {reason}" if reason else None,
        metadata={"file": file_name, "pack_id": pack_id, **gate_metadata(result, rows)},
    )


def _refused_evaluation(file_name: str) -> AssetCheckEvaluation:
    return AssetCheckEvaluation(
        asset_key=STAGE_KEY,
        check_name="pack_gate",
        passed=False,
        partition=file_name,
        severity=AssetCheckSeverity.ERROR,
        blocking=True,
        description="not gated: the file could not be read or duplicates another (see the "
        "extract step)",
    )


with warnings.catch_warnings():  # partitioned asset checks are a "preview" feature
    warnings.simplefilter("ignore")
    pack_gate = asset_check(
        asset=STAGE_KEY,
        name="pack_gate",
        blocking=True,
        partitions_def=packs_partitions,
        description="The pack expectation suites (expectations.gate.validate_pack_batch) over the "
        "staged rows of the run's packs, one GX run per suite. Blocking: a pack that fails is "
        "quarantined and never promoted into raw.*; in a multi-pack run the others go on.",
        pool=WORK_DB_POOL,
        op_tags=WORK_DB_TAGS,
    )(_pack_gate)


# --------------------------------------------------------------------------- promote


@multi_asset(
    name="promote_pack",
    specs=[
        AssetSpec(
            key=RAW_KEY,
            deps=[STAGE_KEY],
            description="The promoted raw tables of each pack, the dbt sources: "
            + " ".join(f"raw.{table}: {text}" for table, text in RAW_DESCRIPTIONS.items()),
            group_name="gates",
            owners=INGEST_OWNERS,
            kinds={"duckdb"},
            # materialized per pack promoted: a pack quarantined or refused in a multi-pack
            # run has no new raw/pack partition
            skippable=True,
        )
    ],
    partitions_def=packs_partitions,
    backfill_policy=PACK_BACKFILL_POLICY,
    description="Promote: move the run's gated packs from stage.* to raw.* in one "
    "transaction, and queue them for the marts. An older version of the same file stays until "
    "the new one passes its fact gate.",
    pool=WORK_DB_POOL,
    op_tags=WORK_DB_TAGS,
)
def promote_pack(context: AssetExecutionContext, warehouse: WarehouseResource):
    """A range run records an output's materialization for every partition of the range, so
    the raw/pack materializations are reported pack by pack, for the packs promoted only: one
    event per pack, with the row count of each raw table in its metadata."""
    from ingest import store

    with warehouse.connect() as con:
        promoted = {name: ids[0] for name, ids in staged_packs(con, context.partition_keys).items()}
        if not promoted:
            raise Failure("nothing staged to promote: run extract and pack_gate first")
        rows = store.promote_packs(
            con, [(pack_id, name) for name, pack_id in promoted.items()], keep_previous=True
        )
        tag_load_logs(con, list(promoted), context.run.run_id)
    for name, pack_id in promoted.items():
        counts = {f"rows/{table}": rows[pack_id][table] for table in RAW_TABLES}
        yield AssetMaterialization(
            asset_key=RAW_KEY,
            partition=name,
            metadata={"pack_id": pack_id, "dagster/row_count": counts["rows/lines"], **counts},
        )
