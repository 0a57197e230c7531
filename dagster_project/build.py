"""``make warehouse``: load every pack in the folder, transform, gate and publish, in process.

    python -m dagster_project.build --packs data/packs --warehouse warehouse

1. every pack file becomes a partition of "packs" (its file name); files already promoted with
   the same sha256 and parser version are skipped without a run;
2. the rest load: each as its own ``pack_job`` run (extract / gate / promote), or, when more
   than ``--bulk-threshold`` need loading, in one ``bulk_load_job`` run in batches (same steps,
   same per-partition events). A bad pack fails or is quarantined alone; the others go on;
3. ``publish_job`` runs dbt build, the blocking mart gate and the atomic publish;
4. a summary is printed (and written to $WAREHOUSE/summary.json, with seconds per stage).

Runs are recorded in $DAGSTER_HOME (default $WAREHOUSE/dagster_home), so ``make ui`` shows
them. Exit code 0 when the warehouse was published (even if some packs were quarantined or
failed, which the summary says), 1 when it was not.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import logging
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from dagster_project.bulk import DEFAULT_BATCH_SIZE, DEFAULT_BULK_THRESHOLD

REPO_ROOT = Path(__file__).resolve().parent.parent


def _absolute(path: str) -> Path:
    p = Path(path).expanduser()
    return (p if p.is_absolute() else Path.cwd() / p).resolve()


def _configure_environment(packs: Path, warehouse: Path) -> None:
    """Set the env the definitions read, before importing them."""
    os.environ["PACKS_DIR"] = str(packs)
    os.environ["WAREHOUSE_DIR"] = str(warehouse)
    os.environ.setdefault("DAGSTER_HOME", str(warehouse / "dagster_home"))
    from dagster_project.home import ensure_dagster_home

    ensure_dagster_home(os.environ["DAGSTER_HOME"])
    os.environ["DBT_DUCKDB_PATH"] = str(warehouse / "build" / "work.duckdb")
    os.environ.setdefault("COUNCIL_DBT_LOG", "file")  # dbt's chatter to build/dbt_output.log
    warnings.filterwarnings("ignore", category=UserWarning, module="dagster")
    # "blocking check emitted no result": dbt tests that did not run (see the run in the UI)
    logging.getLogger("dagster._core.execution.plan.active").setLevel(logging.ERROR)
    try:
        from dagster import BetaWarning, PreviewWarning

        warnings.filterwarnings("ignore", category=PreviewWarning)
        warnings.filterwarnings("ignore", category=BetaWarning)
    except ImportError:  # pragma: no cover
        pass


def _quiet_run_config(prefix: str) -> dict[str, Any]:
    return {"loggers": {"progress": {"config": {"prefix": prefix}}}}


def _check_evaluations(result) -> list[tuple[str, bool, str | None]]:
    evaluations = []
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            data = event.asset_check_evaluation_data
            severity = getattr(data, "severity", None)
            evaluations.append(
                (
                    f"{data.asset_key.to_user_string()}:{data.check_name}",
                    bool(data.passed),
                    severity.value if severity is not None else None,
                )
            )
    return evaluations


def step_seconds(result) -> dict[str, float]:
    """Seconds spent in each successful step of a run, by step key (e.g. ``stage__pack``)."""
    seconds: dict[str, float] = {}
    for event in result.all_events:
        if event.event_type_value == "STEP_SUCCESS":
            duration = event.event_specific_data.duration_ms / 1000
            seconds[event.step_key] = seconds.get(event.step_key, 0.0) + duration
    return seconds


def stage_seconds(packs: list[dict], publish: dict) -> dict[str, float]:
    """Total seconds per step over the whole build: where a build spends its time."""
    totals: dict[str, float] = {}
    for timings in [p.get("steps", {}) for p in packs] + [publish.get("steps", {})]:
        for step, seconds in timings.items():
            totals[step] = totals.get(step, 0.0) + seconds
    return {step: round(seconds, 2) for step, seconds in sorted(totals.items())}


def _step_failures(result) -> list[str]:
    failures = []
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            error = event.step_failure_data.error
            while error is not None and error.cause is not None:  # the user's error, not
                error = error.cause  # Dagster's wrapper around it
            message = error.message.strip().splitlines()[0] if error else "failed"
            failures.append(f"{event.step_key}: {message}")
    return failures


TRIGGER_TAG = "council/trigger"
TRIGGER = "make warehouse"


@contextlib.contextmanager
def build_lock(warehouse_dir: Path):
    """One ``make warehouse`` at a time per warehouse (the working DB has one writer)."""
    path = warehouse_dir / "build" / ".build.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit(f"another build is running on {warehouse_dir}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def fail_abandoned_runs(instance, out=sys.stdout) -> list[str]:
    """Runs of an earlier ``make warehouse`` that was killed still look in progress and hold
    their concurrency slots: mark them failed and free the slots. Safe under ``build_lock``
    (no other build can be running); runs launched by the UI/daemon are left alone."""
    from dagster import DagsterRunStatus, RunsFilter

    stale = instance.get_runs(
        filters=RunsFilter(
            tags={TRIGGER_TAG: TRIGGER},
            statuses=[
                DagsterRunStatus.STARTED,
                DagsterRunStatus.STARTING,
                DagsterRunStatus.NOT_STARTED,
                DagsterRunStatus.CANCELING,
            ],
        )
    )
    for run in stale:
        instance.report_run_failed(run, "abandoned: the build that ran it was killed")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
    if stale:
        out.write(f"Marked {len(stale)} run(s) of a killed earlier build as failed\n")
    return [run.run_id for run in stale]


def promoted_files(work_db: Path) -> dict[str, str]:
    """file name -> sha256 of every file already promoted by the current parser version.

    Those files need no run: their rows in raw.* are what a new run would write. A file whose
    bytes changed, a quarantined or failed one, or any file after a parser upgrade runs again.
    """
    if not work_db.exists():
        return {}
    from ingest.parse import PARSER_VERSION
    from ingest.store import connect

    con = connect(work_db)
    try:
        rows = con.execute(
            "select f.file_name, f.sha256 from ops.pack_files f join raw.packs p using (pack_id) "
            "where f.status = 'promoted' and p.parser_version = ?",
            [PARSER_VERSION],
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def run_packs(
    defs,
    instance,
    pack_files: list[Path],
    work_db: Path,
    *,
    bulk_threshold: int = DEFAULT_BULK_THRESHOLD,
    batch_size: int = DEFAULT_BATCH_SIZE,
    out=sys.stdout,
) -> list[dict]:
    """Load every new or changed pack: one run per pack, or one bulk run when there are more
    than ``bulk_threshold`` of them. Returns one outcome per file in the folder."""
    from dagster_project.packs import PACKS_PARTITION

    existing = set(instance.get_dynamic_partitions(PACKS_PARTITION))
    new = [p.name for p in pack_files if p.name not in existing]
    if new:
        instance.add_dynamic_partitions(PACKS_PARTITION, new)
    from dagster_project.resources import file_sha256

    loaded = promoted_files(work_db)
    changed = [p for p in pack_files if loaded.get(p.name) != file_sha256(p)]
    unchanged = len(pack_files) - len(changed)
    if unchanged:
        out.write(f"{unchanged} of {len(pack_files)} pack(s) unchanged since loaded: skipped\n")
    if len(changed) > bulk_threshold:
        outcomes = run_bulk(defs, instance, changed, batch_size, out)
    else:
        outcomes = run_each_pack(defs, instance, changed, out)
    by_name = {o["file"]: o for o in outcomes}
    return [by_name.get(p.name) or _unchanged_outcome(p.name) for p in pack_files]


def run_bulk(defs, instance, pack_files: list[Path], batch_size: int, out=sys.stdout) -> list[dict]:
    """Many packs to load: one ``bulk_load_job`` run, batch by batch."""
    started = time.perf_counter()
    prefix = f"[bulk] {len(pack_files)} packs, batches of {batch_size}:"
    out.write(prefix + "\n")
    out.flush()
    file_names = [p.name for p in pack_files]
    result = defs.resolve_job_def("bulk_load_job").execute_in_process(
        instance=instance,
        raise_on_error=False,
        run_config={
            "ops": {
                "load_packs_in_bulk": {
                    "config": {"file_names": file_names, "batch_size": batch_size}
                }
            },
            **_quiet_run_config("[bulk]"),
        },
        tags={TRIGGER_TAG: TRIGGER},
    )
    seconds = time.perf_counter() - started
    if result.success:
        outcomes = result.output_for_node("load_packs_in_bulk")
    else:
        errors = _step_failures(result)
        outcomes = [
            {"file": n, "status": "failed", "run_id": result.run_id, "checks": [], "errors": errors}
            for n in file_names
        ]
    for outcome in outcomes:
        outcome["seconds"] = round(seconds / max(len(outcomes), 1), 3)
    if outcomes:
        outcomes[0]["steps"] = step_seconds(result)
    counts = {
        s: sum(o["status"] == s for o in outcomes) for s in ("loaded", "quarantined", "failed")
    }
    out.write(f"{prefix} → {counts} ({seconds:.1f}s)\n")
    out.flush()
    return outcomes


def run_each_pack(defs, instance, pack_files: list[Path], out=sys.stdout) -> list[dict]:
    """A few packs to load: one ``pack_job`` run per pack (a partition each)."""
    job = defs.resolve_job_def("pack_job")
    outcomes = []
    total = len(pack_files)
    for index, path in enumerate(pack_files, start=1):
        started = time.perf_counter()
        prefix = f"[{index}/{total}] {path.name}:"
        out.write(prefix)
        out.flush()
        try:
            result = job.execute_in_process(
                partition_key=path.name,
                instance=instance,
                raise_on_error=False,
                run_config=_quiet_run_config(prefix),
                tags={TRIGGER_TAG: TRIGGER},
            )
            checks = _check_evaluations(result)
            gate_failed = any(not passed for name, passed, _ in checks if "pack_gate" in name)
            if result.success:
                status = "loaded"
            elif gate_failed:
                status = "quarantined"
            else:
                status = "failed"
            outcome = {
                "file": path.name,
                "status": status,
                "run_id": result.run_id,
                "checks": checks,
                "errors": [] if result.success else _step_failures(result),
                "steps": step_seconds(result),
            }
        except Exception as error:  # one bad pack must never stop the others
            outcome = {
                "file": path.name,
                "status": "failed",
                "run_id": None,
                "checks": [],
                "errors": [f"{type(error).__name__}: {error}"],
            }
        seconds = time.perf_counter() - started
        outcome["seconds"] = round(seconds, 2)
        note = {"loaded": "ok", "quarantined": "QUARANTINED", "failed": "FAILED"}[outcome["status"]]
        out.write(f"  → {note} ({seconds:.1f}s)\n")
        for line in outcome["errors"][:2]:
            out.write(f"      {line[:200]}\n")
        out.flush()
        outcomes.append(outcome)
    return outcomes


def _unchanged_outcome(file_name: str) -> dict:
    return {
        "file": file_name,
        "status": "unchanged",
        "run_id": None,
        "checks": [],
        "errors": [],
        "seconds": 0.0,
    }


def run_publish(defs, instance, out=sys.stdout) -> dict:
    job = defs.resolve_job_def("publish_job")
    started = time.perf_counter()
    out.write("[transform & publish]")
    out.flush()
    try:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config=_quiet_run_config("[transform & publish]"),
            tags={TRIGGER_TAG: TRIGGER},
        )
    except Exception as error:
        out.write(f"  → FAILED: {type(error).__name__}: {error}\n")
        return {"success": False, "published": False, "checks": [], "errors": [str(error)]}
    published = any(
        e.event_type_value == "ASSET_MATERIALIZATION"
        and e.asset_key is not None
        and e.asset_key.to_user_string() == "published_warehouse"
        for e in result.all_events
    )
    seconds = time.perf_counter() - started
    out.write(f"  → {'ok' if published else 'NOT PUBLISHED'} ({seconds:.1f}s)\n")
    errors = _step_failures(result)
    for line in errors[:5]:
        out.write(f"      {line[:300]}\n")
    out.flush()
    return {
        "success": result.success,
        "published": published,
        "run_id": result.run_id,
        "checks": _check_evaluations(result),
        "errors": errors,
        "seconds": round(seconds, 2),
        "steps": step_seconds(result),
    }


def _warehouse_facts(warehouse_dir: Path) -> dict[str, Any]:
    from warehouse import bi
    from warehouse.publish import published_path

    path = published_path(warehouse_dir)
    if not path.exists():
        return {}
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        info = bi.build_info(con)
        tables = json.loads(info.get("table_rows") or "{}")
        return {
            "published_at": str(info.get("published_at")),
            "facts": info.get("fact_count"),
            "facts_per_domain": json.loads(info.get("facts_per_domain") or "{}"),
            "tables": tables,
            "bytes": path.stat().st_size,
        }
    finally:
        con.close()


def _warnings_found(work_db: Path) -> int:
    import duckdb

    from dagster_project.resources import open_duckdb

    if not work_db.exists():
        return 0
    try:
        con = open_duckdb(work_db, read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute(
            "select count(*) from ops.gate_results where severity = 'warning' and not success"
        ).fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def summarise(
    packs: list[dict], publish: dict, warehouse_dir: Path, work_db: Path
) -> dict[str, Any]:
    checks = [c for p in packs for c in p["checks"]] + publish.get("checks", [])
    failed_checks = [name for name, passed, sev in checks if not passed and sev != "WARN"]
    warned_checks = [name for name, passed, sev in checks if not passed and sev == "WARN"]
    docs = warehouse_dir / "data_docs" / "index.html"
    return {
        "packs_total": len(packs),
        "packs_loaded": [p["file"] for p in packs if p["status"] == "loaded"],
        "packs_unchanged": [p["file"] for p in packs if p["status"] == "unchanged"],
        "packs_quarantined": [p["file"] for p in packs if p["status"] == "quarantined"],
        "packs_failed": [p["file"] for p in packs if p["status"] == "failed"],
        "published": publish.get("published", False),
        "checks_passed": len(checks) - len(failed_checks) - len(warned_checks),
        "checks_failed": failed_checks,
        "checks_warned": warned_checks,
        "warnings_found": _warnings_found(work_db),
        "warehouse": str(warehouse_dir / "council.duckdb"),
        "data_docs": str(docs) if docs.exists() else None,
        "quarantine_reports": str(warehouse_dir / "quarantine"),
        "alerts": str(warehouse_dir / "alerts.jsonl"),
        **_warehouse_facts(warehouse_dir),
        "stage_seconds": stage_seconds(packs, publish),
        "packs": packs,
        "publish": publish,
    }


def print_summary(summary: dict[str, Any], out=sys.stdout) -> None:
    w = out.write
    w("\n" + "=" * 72 + "\n")
    w("Summary\n")
    w(
        f"  packs: {summary['packs_total']} in folder, {len(summary['packs_loaded'])} loaded, "
        f"{len(summary['packs_unchanged'])} unchanged, "
        f"{len(summary['packs_quarantined'])} quarantined, {len(summary['packs_failed'])} failed\n"
    )
    for name in summary["packs_quarantined"]:
        w(f"    quarantined: {name}  (report: {summary['quarantine_reports']}/{name}.json)\n")
    for name in summary["packs_failed"]:
        errors = next(p["errors"] for p in summary["packs"] if p["file"] == name)
        w(f"    failed:      {name}  {errors[0][:150] if errors else ''}\n")
    if summary.get("tables"):
        w(f"  tables: {len(summary['tables'])} published\n")
        for table, rows in summary["tables"].items():
            w(f"    {table:<40} {rows:>10,} rows\n")
    if summary.get("facts_per_domain"):
        w(f"  facts: {summary.get('facts', 0):,}\n")
        for domain, count in summary["facts_per_domain"].items():
            w(f"    {domain:<40} {count:>10,}\n")
    w(
        f"  checks: {summary['checks_passed']} passed, {len(summary['checks_failed'])} failed, "
        f"{len(summary['checks_warned'])} warned; gate warnings found: "
        f"{summary['warnings_found']}\n"
    )
    for name in summary["checks_failed"][:20]:
        w(f"    failed check: {name}\n")
    for name in summary["checks_warned"][:20]:
        w(f"    warning:      {name}\n")
    if summary["published"]:
        w(f"  warehouse: {summary['warehouse']} (published {summary.get('published_at')})\n")
    else:
        w(
            f"  warehouse: NOT published this run; {summary['warehouse']} still holds the last "
            "good build (if any)\n"
        )
    w(f"  data docs: {summary['data_docs'] or '(not built)'}\n")
    if summary["packs_quarantined"] or summary["packs_failed"]:
        w(
            "  NOTE: the warehouse was built without the quarantined/failed packs above; fix "
            "them and run again (alerts: " + summary["alerts"] + ")\n"
        )
    w("=" * 72 + "\n")
    out.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packs", default=os.environ.get("PACKS_DIR", "data/packs"))
    parser.add_argument("--warehouse", default=os.environ.get("WAREHOUSE_DIR", "warehouse"))
    parser.add_argument(
        "--bulk-threshold",
        type=int,
        default=DEFAULT_BULK_THRESHOLD,
        help="more new or changed packs than this load in one bulk_load_job run, in batches "
        f"(default {DEFAULT_BULK_THRESHOLD}); fewer run pack_job once per pack",
    )
    parser.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="packs per bulk batch"
    )
    args = parser.parse_args(argv)
    packs_dir = _absolute(args.packs)
    warehouse_dir = _absolute(args.warehouse)
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    _configure_environment(packs_dir, warehouse_dir)

    from dagster_project.dbt_project import refresh_manifest_if_stale

    if refresh_manifest_if_stale():
        print("dbt project changed since the last parse: manifest refreshed")
    from dagster import DagsterInstance

    from dagster_project.definitions import defs
    from dagster_project.resources import list_pack_files

    pack_files = list_pack_files(packs_dir)
    print(f"Building the warehouse in {warehouse_dir} from {len(pack_files)} pack(s)")
    print(f"Packs folder: {packs_dir}")
    print(f"Dagster runs are recorded in {os.environ['DAGSTER_HOME']} (make ui to browse them)")
    if not pack_files:
        print("No pack files found: nothing to do.")
    started = time.perf_counter()
    with build_lock(warehouse_dir), DagsterInstance.get() as instance:
        fail_abandoned_runs(instance)
        packs = run_packs(
            defs,
            instance,
            pack_files,
            warehouse_dir / "build" / "work.duckdb",
            bulk_threshold=args.bulk_threshold,
            batch_size=args.batch_size,
        )
        publish = run_publish(defs, instance)
    summary = summarise(packs, publish, warehouse_dir, warehouse_dir / "build" / "work.duckdb")
    summary["seconds"] = round(time.perf_counter() - started, 1)
    (warehouse_dir / "summary.json").write_text(
        json.dumps(summary, indent=2, default=str), encoding="utf-8"
    )
    print_summary(summary)
    return 0 if summary["published"] else 1


if __name__ == "__main__":
    sys.exit(main())
