"""``make warehouse``: bring the published warehouse up to date with the packs folder.

    python -m dagster_project.build --packs data/packs --warehouse warehouse

1. ``planning.plan_work`` decides what to do, as the sensors do: the files to load (new,
   changed, read by an older parser), the files removed, whether a publish is needed;
   meanwhile a warm dbt server imports dbt in a child process, and parses the project for a new
   warehouse folder: the build's dbt commands fork from it (dbt_warmup.py, dbt_server.py); and
   the pack gate's worker imports Great Expectations (expectations/gate_worker.py);
2. the files to load run as ``load_packs_job`` over contiguous partition ranges of up to 200
   packs a run (the assets' BackfillPolicy: what a backfill in the UI launches): parse in worker
   processes, pack gate, promote. A bad pack is refused or quarantined alone;
3. ``publish_job`` transforms the queued packs (dbt, incremental), gates each pack's facts
   (quarantining failures), rebuilds the cross-pack models, gates the warehouse and publishes;
4. a summary is printed (and written to $WAREHOUSE/summary.json, with seconds per stage).

Runs are recorded in $DAGSTER_HOME (default $WAREHOUSE/dagster_home), so ``make ui`` shows
them. Exit code 0 when the published warehouse is up to date (even if some packs were
quarantined or refused, which the summary says), 1 when it is not: then one last line says
what failed and where to look.
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

from warehouse import settings

REPO_ROOT = Path(__file__).resolve().parent.parent
TRIGGER_TAG = "council/trigger"
TRIGGER = "make warehouse"


def _absolute(path: str) -> Path:
    p = Path(path).expanduser()
    return (p if p.is_absolute() else Path.cwd() / p).resolve()


def _configure_environment(packs: Path, warehouse: Path) -> None:
    """Set the env the definitions read, before importing them."""
    os.environ[settings.PACKS_DIR_ENV] = str(packs)
    os.environ[settings.WAREHOUSE_DIR_ENV] = str(warehouse)
    os.environ[settings.DAGSTER_HOME_ENV] = str(settings.dagster_home(warehouse))
    from dagster_project.home import EVENT_BATCH_ENV, ensure_dagster_home

    ensure_dagster_home(os.environ[settings.DAGSTER_HOME_ENV])
    for name, value in EVENT_BATCH_ENV.items():
        os.environ.setdefault(name, value)
    from dagster_project.run_storage import fast_run_storage

    fast_run_storage()
    os.environ.update(settings.dbt_env(settings.work_db(warehouse)))
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


def check_evaluations(result) -> list[tuple[str, bool, str | None]]:
    """(asset:check, passed, severity) of every check evaluated in a run."""
    evaluations = []
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            data = event.asset_check_evaluation_data
            severity = getattr(data, "severity", None)
            name = f"{data.asset_key.to_user_string()}:{data.check_name}"
            if data.partition:
                name += f"[{data.partition}]"
            evaluations.append((name, bool(data.passed), severity.value if severity else None))
    return evaluations


def step_seconds(result) -> dict[str, float]:
    """Seconds spent in each successful step of a run, by step key (e.g. ``stage__pack``)."""
    seconds: dict[str, float] = {}
    for event in result.all_events:
        if event.event_type_value == "STEP_SUCCESS":
            duration = event.event_specific_data.duration_ms / 1000
            seconds[event.step_key] = seconds.get(event.step_key, 0.0) + duration
    return seconds


def step_failures(result) -> list[str]:
    failures = []
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            error = event.step_failure_data.error
            while error is not None and error.cause is not None:  # the user's error, not
                error = error.cause  # Dagster's wrapper around it
            message = error.message.strip().splitlines()[0] if error else "failed"
            failures.append(f"{event.step_key}: {message}")
    return failures


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


def _execute(defs, instance, job_name: str, prefix: str, out, **kwargs) -> dict[str, Any]:
    """Run a job in process, printing its steps on one line; its outcome."""
    started = time.perf_counter()
    out.write(prefix)
    out.flush()
    try:
        result = defs.resolve_job_def(job_name).execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config=_quiet_run_config(prefix),
            **kwargs,
        )
    except Exception as error:  # one run's crash must not stop the build's report
        out.write(f"  → FAILED: {type(error).__name__}: {error}\n")
        return {"success": False, "errors": [f"{type(error).__name__}: {error}"], "checks": []}
    seconds = time.perf_counter() - started
    outcome = {
        "success": result.success,
        "run_id": result.run_id,
        "checks": check_evaluations(result),
        "errors": step_failures(result),
        "steps": step_seconds(result),
        "seconds": round(seconds, 2),
        "events": result,
    }
    return outcome


def run_loads(defs, instance, plan, out=sys.stdout, packs_dir=None) -> list[dict[str, Any]]:
    """Load the plan's files: one ``load_packs_job`` run per contiguous partition range. With
    `packs_dir`, each run's extract step starts parsing the next run's files once it has
    parsed its own (`packs.expect_next_load`)."""
    from dagster_project.packs import MAX_PACKS_PER_RUN, PACKS_PARTITION, expect_next_load
    from dagster_project.planning import load_ranges
    from dagster_project.sensors import range_tags

    names = [pack.name for pack in plan.files]
    existing = instance.get_dynamic_partitions(PACKS_PARTITION)
    new = [name for name in names if name not in set(existing)]
    if new:
        instance.add_dynamic_partitions(PACKS_PARTITION, new)
    order = [*existing, *new]
    ranges = load_ranges(order, plan.to_load, MAX_PACKS_PER_RUN)
    runs = []
    for index, (first, last) in enumerate(ranges, start=1):
        count = order.index(last) - order.index(first) + 1
        what = first if first == last else f"{first} .. {last} ({count} packs)"
        prefix = f"[load {index}/{len(ranges)}] {what}:"
        if packs_dir is not None:
            upcoming = ranges[index] if index < len(ranges) else None
            expect_next_load(
                [packs_dir / name for name in _range_files(order, *upcoming)] if upcoming else []
            )
        outcome = _execute(
            defs,
            instance,
            "load_packs_job",
            prefix,
            out,
            tags={**range_tags(first, last), TRIGGER_TAG: TRIGGER},
        )
        outcome["files"] = _range_files(order, first, last)
        runs.append(outcome)
        _print_outcome(out, outcome)
    if packs_dir is not None:
        expect_next_load([])
    return runs


def _range_files(order: list[str], first: str, last: str) -> list[str]:
    return order[order.index(first) : order.index(last) + 1]


def release_load_memory() -> None:
    """After the load runs: stop the parser workers, which would otherwise keep their memory
    (about 150 MB at 200 packs) through dbt and the publish."""
    from dagster_project.packs import close_parser_pool

    close_parser_pool()


def run_publish(defs, instance, plan=None, out=sys.stdout) -> dict[str, Any]:
    from dagster_project.jobs import PUBLISH_KEYS
    from dagster_project.planning import publish_selection

    selection = publish_selection(plan, PUBLISH_KEYS) if plan is not None else None
    outcome = _execute(
        defs,
        instance,
        "publish_job",
        "[transform & publish]",
        out,
        tags={TRIGGER_TAG: TRIGGER},
        **({"asset_selection": selection} if selection else {}),
    )
    result = outcome.pop("events", None)
    outcome["published"] = result is not None and any(
        e.event_type_value == "ASSET_MATERIALIZATION"
        and e.asset_key is not None
        and e.asset_key.to_user_string() == "published_warehouse"
        for e in result.all_events
    )
    _print_outcome(out, outcome, ok="ok" if outcome["published"] else "NOT PUBLISHED")
    return outcome


def _print_outcome(out, outcome: dict, ok: str | None = None) -> None:
    outcome.pop("events", None)
    note = ok or ("ok" if outcome["success"] else "FAILED")
    out.write(f"  → {note} ({outcome.get('seconds', 0):.1f}s)\n")
    for line in outcome["errors"][:3]:
        out.write(f"      {line[:300]}\n")
    out.flush()


# --------------------------------------------------------------------------- summary


def file_outcomes(work_db: Path, plan) -> dict[str, dict[str, Any]]:
    """What became of every file of the plan, read back from ops.pack_files (one truth)."""
    from dagster_project.resources import open_duckdb

    recorded: dict[str, tuple] = {}
    if work_db.exists():
        con = open_duckdb(work_db, read_only=True)
        try:
            rows = con.execute("select file_name, status, message from ops.pack_files")
            recorded = {r[0]: r[1:] for r in rows.fetchall()}
        finally:
            con.close()
    outcomes = {}
    for pack in plan.files:
        status, message = recorded.get(pack.name, ("not loaded", None))
        if pack.name in plan.unchanged:
            state = "unchanged"
        else:
            state = {"promoted": "loaded", "quarantined": "quarantined"}.get(status, "failed")
        outcomes[pack.name] = {"file": pack.name, "status": state, "message": message}
    for name in plan.removed:
        outcomes[name] = {"file": name, "status": "removed", "message": "gone from the folder"}
    return outcomes


def _warehouse_facts(warehouse_dir: Path) -> dict[str, Any]:
    import duckdb

    from warehouse import bi
    from warehouse.publish import published_path

    path = published_path(warehouse_dir)
    if not path.exists():
        return {}
    con = duckdb.connect(str(path), read_only=True)
    try:
        info = bi.build_info(con)
        return {
            "published_at": str(info.get("published_at")),
            "facts": info.get("fact_count"),
            "facts_per_domain": json.loads(info.get("facts_per_domain") or "{}"),
            "tables": json.loads(info.get("table_rows") or "{}"),
            "bytes": path.stat().st_size,
        }
    finally:
        con.close()


def stage_seconds(runs: list[dict]) -> dict[str, float]:
    """Total seconds per step over the whole build: where a build spends its time."""
    totals: dict[str, float] = {}
    for run in runs:
        for step, seconds in run.get("steps", {}).items():
            totals[step] = totals.get(step, 0.0) + seconds
    return {step: round(seconds, 2) for step, seconds in sorted(totals.items())}


def summarise(plan, loads, publish, warehouse_dir: Path) -> dict[str, Any]:
    work_db = settings.work_db(warehouse_dir)
    files = file_outcomes(work_db, plan)
    checks = [c for run in [*loads, publish] for c in run.get("checks", [])]
    failed = [n for n, passed, sev in checks if not passed and sev != "WARN"]
    warned = [n for n, passed, sev in checks if not passed and sev == "WARN"]
    by_status = {
        status: [f for f, o in files.items() if o["status"] == status]
        for status in ("loaded", "unchanged", "quarantined", "failed", "removed")
    }
    docs = warehouse_dir / "data_docs" / "index.html"
    return {
        "packs_total": len(plan.files),
        **{f"packs_{status}": names for status, names in by_status.items()},
        "published": publish.get("published", False),
        "up_to_date": publish.get("published", False) or not publish.get("ran", True),
        "checks_passed": len(checks) - len(failed) - len(warned),
        "checks_failed": failed,
        "checks_warned": warned,
        "warehouse": str(settings.published_db(warehouse_dir)),
        "data_docs": str(docs) if docs.exists() else None,
        "quarantine_reports": str(warehouse_dir / "quarantine"),
        "alerts": str(warehouse_dir / "alerts.jsonl"),
        **_warehouse_facts(warehouse_dir),
        "stage_seconds": stage_seconds([*loads, publish]),
        "files": list(files.values()),
        "loads": loads,
        "publish": publish,
    }


def print_summary(summary: dict[str, Any], out=sys.stdout) -> None:
    w = out.write
    w("\n" + "=" * 72 + "\nSummary\n")
    w(
        f"  packs: {summary['packs_total']} in folder, {len(summary['packs_loaded'])} loaded, "
        f"{len(summary['packs_unchanged'])} unchanged, "
        f"{len(summary['packs_quarantined'])} quarantined, {len(summary['packs_failed'])} "
        f"failed, {len(summary['packs_removed'])} removed\n"
    )
    messages = {f["file"]: f.get("message") or "" for f in summary["files"]}
    for name in summary["packs_quarantined"]:
        w(f"    quarantined: {name}  ({messages[name][:100]}; report: ")
        w(f"{summary['quarantine_reports']}/{name}.json)\n")
    for name in summary["packs_failed"]:
        w(f"    failed:      {name}  {messages[name][:150]}\n")
    for name in summary["packs_removed"]:
        w(f"    removed:     {name}  (its facts left the warehouse)\n")
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
        f"{len(summary['checks_warned'])} warned\n"
    )
    for name in summary["checks_failed"][:20]:
        w(f"    failed check: {name}\n")
    for name in summary["checks_warned"][:20]:
        w(f"    warning:      {name}\n")
    if summary["published"]:
        w(f"  warehouse: {summary['warehouse']} (published {summary.get('published_at')})\n")
    elif summary["up_to_date"]:
        w(f"  warehouse: {summary['warehouse']} is up to date: nothing to publish\n")
    else:
        w(
            f"  warehouse: NOT published this run; {summary['warehouse']} still holds the last "
            "good build (if any)\n"
        )
    w(f"  data docs: {summary['data_docs'] or '(not built)'}\n")
    w(f"  alerts:    {summary['alerts']}\n")
    w("=" * 72 + "\n")
    out.flush()


def failure_line(summary: dict[str, Any], warehouse_dir: Path) -> str:
    """One line: what failed and where to look."""
    errors = summary["publish"].get("errors") or ["the publish did not complete"]
    log = settings.dbt_target_dir(warehouse_dir) / "dbt.log"
    return (
        f"BUILD FAILED: {errors[0][:240]} (see {summary['alerts']}, the run in `make ui`, "
        f"and {log})"
    )


def build(args) -> int:
    packs_dir = _absolute(args.packs)
    warehouse_dir = _absolute(args.warehouse)
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    _configure_environment(packs_dir, warehouse_dir)
    from dagster_project.dbt_warmup import warm_dbt_beside
    from expectations import gate_worker

    # dbt imports (and parses a new warehouse's project), and the pack gate's worker imports
    # Great Expectations, while this process imports Dagster, plans and loads
    with (
        build_lock(warehouse_dir),
        gate_worker.started(warehouse_dir),
        warm_dbt_beside(warehouse_dir),
    ):
        return _build_locked(args, packs_dir, warehouse_dir)


def _build_locked(args, packs_dir: Path, warehouse_dir: Path) -> int:
    from dagster_project.dbt_project import refresh_manifest_if_stale
    from expectations import gate_worker

    if refresh_manifest_if_stale():
        print("dbt project changed since the last parse: manifest refreshed")
    from dagster import DagsterInstance

    from dagster_project.definitions import defs
    from dagster_project.planning import plan_work
    from warehouse.publish import published_path

    work_db = settings.work_db(warehouse_dir)
    print(f"Building the warehouse in {warehouse_dir}")
    print(f"Packs folder: {packs_dir}")
    print(f"Dagster runs are recorded in {os.environ['DAGSTER_HOME']} (make ui to browse them)")
    started = time.perf_counter()
    with DagsterInstance.get() as instance:
        fail_abandoned_runs(instance)
        plan = plan_work(
            packs_dir,
            work_db,
            published_path(warehouse_dir),
            retry_quarantined=args.retry_quarantined,
        )
        if plan is None:
            print(
                "BUILD FAILED: the working DB is locked by another process (a Dagster run "
                "launched from `make ui`?); wait for it to finish and run again"
            )
            return 1
        print(f"Plan: {plan.describe()}")
        if not plan.to_load:
            gate_worker.stop()
        loads = run_loads(defs, instance, plan, packs_dir=packs_dir)
        gate_worker.stop()
        release_load_memory()
        publish: dict[str, Any] = {"ran": False, "published": False, "errors": []}
        if plan.publish_needed or loads:
            publish = run_publish(defs, instance, plan)
        else:
            print("[transform & publish] nothing changed: the published warehouse is up to date")
    summary = summarise(plan, loads, publish, warehouse_dir)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    (warehouse_dir / "summary.json").write_text(
        json.dumps(summary, indent=2, default=str), encoding="utf-8"
    )
    print_summary(summary)
    if not summary["up_to_date"]:
        print(failure_line(summary, warehouse_dir))
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packs", default=str(settings.packs_dir()))
    parser.add_argument("--warehouse", default=str(settings.warehouse_dir()))
    parser.add_argument(
        "--full-refresh",
        action="store_true",
        help="transform and publish every pack again (the same rows an incremental build "
        "makes; COUNCIL_FULL_REFRESH=1 does the same)",
    )
    parser.add_argument(
        "--retry-quarantined",
        action="store_true",
        help="load quarantined files again although their bytes did not change (after the "
        "expectations were corrected, say)",
    )
    args = parser.parse_args(argv)
    if args.full_refresh:
        os.environ["COUNCIL_FULL_REFRESH"] = "1"
    try:
        return build(args)
    except SystemExit:
        raise
    except BaseException as error:  # noqa: BLE001 - one line, the traceback in a file
        log = _absolute(args.warehouse) / "build" / "build_error.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        import traceback

        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(f"BUILD FAILED: {type(error).__name__}: {str(error)[:200]} (traceback: {log})")
        return 1


def quiet_exit(code: int) -> None:
    """Exit once everything is said, without tearing the interpreter down.

    The libraries' exit handlers run (worker pools, logging, file locks); then the process ends
    without destroying every object of Dagster, Great Expectations, dbt's manifest and polars,
    which took some 1.5 s after the summary, and during which DuckDB's bindings (nanobind)
    print reference-leak reports to stderr. Every file and database the build wrote is closed
    by then (with blocks): nothing waits on that teardown."""
    import atexit

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    quiet_exit(main())
