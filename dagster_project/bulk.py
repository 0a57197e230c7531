"""A first load of many packs in one run, reported pack by pack in the asset graph.

``pack_job`` pays one Dagster run and one Great Expectations run per pack (1-2 s each): right
for this week's few packs, slow for a first load of thousands. ``bulk_load_job`` does the same
extract -> gate -> promote for a list of pack files in batches: it parses a batch, validates it
with one GX run per suite (``expectations.gate.validate_packs``, same verdicts as pack by pack),
quarantines the packs that fail and promotes the rest. For every pack it logs the events
``pack_job`` would: a ``stage/pack`` materialization, a ``pack_gate`` check evaluation and the
``raw/*`` materializations, each on that pack's partition, so the UI shows per-pack status and
lineage whichever job loaded it. One bad pack is still quarantined (or refused) alone.
"""

import time
from collections.abc import Iterator
from typing import Any

from dagster import (
    AssetCheckEvaluation,
    AssetCheckSeverity,
    AssetMaterialization,
    Config,
    OpExecutionContext,
    op,
)

from dagster_project.packs import (
    RAW_KEYS,
    RAW_TABLES,
    STAGE_KEY,
    WORK_DB_POOL,
    WORK_DB_TAGS,
    _record_unreadable,
    blocking_reason,
    failure_rows,
    gate_metadata,
    quarantine_and_alert,
    record_gate_results,
    tag_load_log,
)
from dagster_project.resources import WarehouseResource

DEFAULT_BATCH_SIZE = 100
DEFAULT_BULK_THRESHOLD = 20  # more packs to load than this: one bulk run instead of one each


class BulkLoadConfig(Config):
    file_names: list[str]
    batch_size: int = DEFAULT_BATCH_SIZE


def batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), max(size, 1)):
        yield items[start : start + max(size, 1)]


def _outcome(file_name: str, status: str, run_id: str, **extra: Any) -> dict[str, Any]:
    return {"file": file_name, "status": status, "run_id": run_id, "checks": [], "errors": []} | (
        extra
    )


def _extract(context, warehouse, con, file_name: str, batch_files: dict[str, str]):
    """Parse and stage one pack: (pack_id, sha256, frames), or an outcome if it was refused.

    ``batch_files`` maps the sha256 of every pack staged so far in this batch to its file: the
    same bytes twice in one batch load once, as in one run per pack."""
    from ingest import store
    from ingest.errors import PackError
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack

    run_id = context.run.run_id
    path = warehouse.pack_path(file_name)
    try:
        frames = pack_frames(parse_pack(path))
    except (PackError, OSError) as error:
        problem = getattr(error, "problem", None) or str(error)
        _record_unreadable(context, warehouse, file_name, path, problem)
        return _outcome(file_name, "failed", run_id, errors=[f"extract: {problem}"])
    pack = frames["packs"].row(0, named=True)
    message = store.record_if_duplicate(
        con, file_name, pack["sha256"], holder=batch_files.get(pack["sha256"])
    )
    if message:
        tag_load_log(con, file_name, run_id)
        return _outcome(file_name, "failed", run_id, errors=[f"extract: {message}"])
    store.stage_pack(con, frames)
    batch_files[pack["sha256"]] = file_name
    context.log_event(
        AssetMaterialization(
            asset_key=STAGE_KEY,
            partition=file_name,
            metadata={
                "pack_id": pack["pack_id"],
                "sha256": pack["sha256"],
                "council": str(pack.get("council")),
                "meeting_date": str(pack.get("meeting_date")),
                "dagster/row_count": sum(frame.height for frame in frames.values()),
                "loaded_by": "bulk_load_job",
            },
        )
    )
    return pack["pack_id"], pack["sha256"], frames


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


def _promote(context, warehouse, con, file_name: str, pack_id: str) -> None:
    from ingest import store

    store.promote_pack(con, pack_id, file_name)
    (warehouse.quarantine_dir / f"{file_name}.json").unlink(missing_ok=True)
    for table in RAW_TABLES:
        context.log_event(
            AssetMaterialization(
                asset_key=RAW_KEYS[table],
                partition=file_name,
                metadata={"pack_id": pack_id, "loaded_by": "bulk_load_job"},
            )
        )


def load_batch(context, warehouse: WarehouseResource, file_names: list[str]) -> list[dict]:
    """Extract, gate and promote (or quarantine) one batch of pack files."""
    from expectations.gate import validate_packs
    from ingest import store

    run_id = context.run.run_id
    outcomes: dict[str, dict] = {}
    staged: dict[str, tuple[str, str]] = {}
    batch_files: dict[str, str] = {}
    with warehouse.connect() as con:
        for file_name in file_names:
            try:
                extracted = _extract(context, warehouse, con, file_name, batch_files)
            except Exception as error:  # one pack's failure must not stop the batch
                context.log.exception(f"extracting {file_name} failed")
                message = f"extract: {type(error).__name__}: {error}"
                extracted = _outcome(file_name, "failed", run_id, errors=[message])
            if isinstance(extracted, dict):
                outcomes[file_name] = extracted
            else:
                staged[file_name] = extracted[:2]
        names = list(staged)
        results = validate_packs(
            store.staged_frames_many(con, [staged[name][0] for name in names]),
            warehouse_dir=warehouse.warehouse_path,
            file_names=names,
        )
        for file_name, result in zip(names, results, strict=True):
            pack_id, sha256 = staged[file_name]
            rows = failure_rows(result.failures)
            record_gate_results(con, result, pack_id=pack_id)
            context.log_event(_gate_evaluation(file_name, pack_id, result, rows))
            check = [("stage/pack:pack_gate", bool(result.passed), "ERROR")]
            if result.passed:
                _promote(context, warehouse, con, file_name, pack_id)
                outcomes[file_name] = _outcome(file_name, "loaded", run_id, checks=check)
            else:
                reason = quarantine_and_alert(
                    run_id, warehouse, con, file_name, (pack_id, sha256), result, rows
                )
                outcomes[file_name] = _outcome(
                    file_name, "quarantined", run_id, checks=check, errors=[reason]
                )
            tag_load_log(con, file_name, run_id)
    return [outcomes[name] for name in file_names]


@op(
    description="Extract, gate and promote many pack files in batches (dagster_project/bulk.py).",
    tags=WORK_DB_TAGS,
    pool=WORK_DB_POOL,
)
def load_packs_in_bulk(
    context: OpExecutionContext, config: BulkLoadConfig, warehouse: WarehouseResource
) -> list[dict]:
    outcomes: list[dict] = []
    total = len(config.file_names)
    for batch in batches(config.file_names, config.batch_size):
        started = time.perf_counter()
        outcomes.extend(load_batch(context, warehouse, batch))
        seconds = time.perf_counter() - started
        context.log.info(f"bulk load: {len(outcomes)}/{total} packs ({seconds:.1f}s this batch)")
    return outcomes
