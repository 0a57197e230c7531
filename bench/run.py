"""The benchmark: parse throughput beside a DuckDB baseline, full and incremental builds,
peak memory and BI query latency, written as JSON and printed as a table.

    python -m bench.run --n 1000 --seed 7       (make bench N=1000)
    python -m bench.run --n 200 --parse-only     (parse throughput only, one core and a pool)

Every timing is measured in this run, next to its baseline, so ratios stay comparable across
noisy machines. Nothing here asserts a time: tests run it at a tiny N to prove it works.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from bench.generate import generate_corpus
from bench.memory import TreeMemorySampler
from ingest.frames import pack_frames
from ingest.parallel import default_workers, parse_files
from ingest.parse import parse_pack_bytes
from warehouse import settings

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
QUERIES = REPO / "warehouse" / "queries"


def measure_parse(paths: list[Path]) -> dict:
    """Single-process parse (ingest + frames) against DuckDB reading the same bytes as lines."""
    blobs = [(p.name, p.read_bytes()) for p in paths]
    megabytes = sum(len(b) for _, b in blobs) / 1e6
    started = time.perf_counter()
    for name, data in blobs:
        pack_frames(parse_pack_bytes(name, data))
    parse_seconds = time.perf_counter() - started
    baseline_seconds = _duckdb_read_lines(paths)
    return {
        "packs": len(paths),
        "megabytes": round(megabytes, 3),
        "parse_seconds": round(parse_seconds, 3),
        "parse_mb_per_s": round(megabytes / parse_seconds, 2),
        "parse_packs_per_s": round(len(paths) / parse_seconds, 1),
        "baseline_duckdb_read_lines_seconds": round(baseline_seconds, 3),
        "baseline_mb_per_s": round(megabytes / baseline_seconds, 2),
        "parse_vs_baseline_ratio": round(parse_seconds / baseline_seconds, 2),
    }


def measure_parse_pool(paths: list[Path], workers: int | None = None) -> dict:
    """The same parse in worker processes (`ingest.parallel`), frames handed back to this
    process, beside the same baseline; files are read by the workers, inside the time."""
    workers = workers or default_workers()
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    started = time.perf_counter()
    for result in parse_files(paths, workers=workers):
        if result.error:
            raise result.error
    seconds = time.perf_counter() - started
    baseline_seconds = _duckdb_read_lines(paths)
    return {
        "workers": workers,
        "packs": len(paths),
        "parse_seconds": round(seconds, 3),
        "parse_mb_per_s": round(megabytes / seconds, 2),
        "baseline_mb_per_s": round(megabytes / baseline_seconds, 2),
        "parse_vs_baseline_ratio": round(seconds / baseline_seconds, 2),
    }


def _duckdb_read_lines(paths: list[Path]) -> float:
    con = duckdb.connect()
    files = [str(p) for p in paths]
    started = time.perf_counter()
    con.execute(
        "SELECT count(*), sum(length(line)) FROM read_csv(?, columns={'line': 'VARCHAR'}, "
        "delim=chr(1), quote='', escape='', header=false, auto_detect=false, "
        "strict_mode=false, null_padding=true)",
        [files],
    ).fetchall()
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def run_build(packs: Path, warehouse: Path, extra_env: dict | None = None) -> dict:
    """`make warehouse`'s command in a child process: wall time, exit code, peak RSS, the time
    per stage and what it loaded (from the build's summary.json)."""
    from dagster_project.testing import build_command, build_env

    env = build_env(warehouse, extra_env)
    load_before = os.getloadavg()[0]
    cpu_before = _children_cpu_seconds()
    started = time.perf_counter()
    with (
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
    ):
        process = subprocess.Popen(
            build_command(packs, warehouse), cwd=REPO, env=env, stdout=out, stderr=err, text=True
        )
        with TreeMemorySampler(process.pid) as sampler:
            returncode = process.wait()
        err.seek(0)
        stderr = err.read()
    seconds = time.perf_counter() - started
    result = {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(_children_cpu_seconds() - cpu_before, 2),
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "exit_code": returncode,
        "peak_rss_mb": sampler.peak_mb,
        "peak_pss_mb": sampler.peak_pss_mb,
        "largest_process_rss_mb": sampler.largest_process_mb,
        "largest_process": sampler.largest_process,
        "stages": _stage_timings(warehouse),
        "loaded": _loaded(warehouse),
    }
    if returncode != 0:
        result["stderr_tail"] = stderr[-2000:]
    return result


def _children_cpu_seconds() -> float:
    """User + system CPU of every finished child process tree (getrusage): what a build costs
    whatever else the machine runs, beside its wall time, which depends on the load."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _loaded(warehouse: Path) -> dict:
    summary = warehouse / "summary.json"
    if not summary.exists():
        return {}
    data = json.loads(summary.read_text())
    return {
        "packs_loaded": len(data.get("packs_loaded", [])),
        "packs_unchanged": len(data.get("packs_unchanged", [])),
        "packs_quarantined": len(data.get("packs_quarantined", [])),
        "packs_failed": len(data.get("packs_failed", [])),
        "facts_per_domain": data.get("facts_per_domain"),
    }


def _fresh(warehouse: Path) -> Path:
    """A full build starts from nothing: an earlier run's warehouse would make it incremental."""
    if warehouse.exists():
        shutil.rmtree(warehouse)
    warehouse.mkdir(parents=True)
    return warehouse


def _stage_timings(warehouse: Path) -> dict:
    summary = warehouse / "summary.json"
    if not summary.exists():
        return {}
    data = json.loads(summary.read_text())
    return data.get("stage_seconds") or data.get("timings") or {}


def measure_queries(db: Path, repeats: int = 5) -> dict:
    if not db.exists():
        return {}
    timings = {}
    for sql_file in sorted(QUERIES.glob("*.sql")):
        sql = sql_file.read_text(encoding="utf-8")
        runs = []
        for _ in range(repeats):
            con = duckdb.connect(str(db), read_only=True)
            started = time.perf_counter()
            con.execute(sql).fetchall()
            runs.append(time.perf_counter() - started)
            con.close()
        timings[sql_file.stem] = round(statistics.median(runs) * 1000, 1)
    return timings


def benchmark(
    n: int,
    seed: int,
    workdir: Path,
    parse_only: bool = False,
    parse_sample: int = 300,
    bundled_build: bool = True,
    checkpoint: Callable[[dict], None] | None = None,
) -> dict:
    """Parse throughput is measured on the first `parse_sample` packs of the corpus (a 10,000
    pack corpus is 2 GB: parsing it twice more would only repeat the same rate).
    `bundled_build=False` leaves out the build of the bundled packs (the tests build those
    already). `checkpoint` is called with the results so far after every phase, so a long run
    that is stopped keeps what it measured."""
    checkpoint = checkpoint or (lambda _results: None)
    corpus = workdir / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    paths = generate_corpus(corpus, n, seed)
    bundled = sorted((REPO / "data" / "packs").glob("*.txt"))
    results: dict = {
        "date": date.today().isoformat(),
        "n": n,
        "seed": seed,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "corpus_megabytes": round(sum(p.stat().st_size for p in paths) / 1e6, 1),
        "parse": measure_parse(paths[:parse_sample]),
        "parse_pool": measure_parse_pool(paths[:parse_sample]),
    }
    checkpoint(results)
    if parse_only:
        return results
    if bundled_build:
        results["build_bundled"] = run_build(
            REPO / "data" / "packs", _fresh(workdir / "wh_bundled")
        )
        checkpoint(results)
    results["build_synthetic"] = run_build(corpus, _fresh(workdir / "wh_synthetic"))
    checkpoint(results)
    shutil.copy(generate_corpus(workdir / "one", 1, seed + 1)[0], corpus / "zz_incremental.txt")
    results["incremental_one_pack"] = run_build(corpus, workdir / "wh_synthetic")
    checkpoint(results)
    results["query_median_ms"] = measure_queries(settings.published_db(workdir / "wh_synthetic"))
    results["bundled_packs"] = len(bundled)
    return results


def print_table(results: dict) -> None:
    parse, pool = results["parse"], results["parse_pool"]
    rows = [
        ("packs", results["n"]),
        ("parse MB/s (1 core)", parse["parse_mb_per_s"]),
        ("baseline DuckDB read lines MB/s", parse["baseline_mb_per_s"]),
        ("parse / baseline time", parse["parse_vs_baseline_ratio"]),
        (f"parse MB/s ({pool['workers']} worker processes)", pool["parse_mb_per_s"]),
    ]
    if "build_synthetic" not in results:  # --parse-only
        _print_rows(rows)
        return
    if "build_bundled" in results:
        rows.append(("full build, bundled packs (s)", results["build_bundled"]["seconds"]))
    rows += [
        (f"full build, {results['n']} packs (s)", results["build_synthetic"]["seconds"]),
        ("add one pack (s)", results["incremental_one_pack"]["seconds"]),
        (
            f"full build, {results['n']} packs (CPU s)",
            results["build_synthetic"].get("cpu_seconds"),
        ),
        ("add one pack (CPU s)", results["incremental_one_pack"].get("cpu_seconds")),
        ("peak RSS, all build processes (MB)", results["build_synthetic"]["peak_rss_mb"]),
        ("peak PSS, all build processes (MB)", results["build_synthetic"].get("peak_pss_mb")),
    ]
    rows += [
        (f"  {results['n']}-pack build: {stage} (s)", seconds)
        for stage, seconds in results["build_synthetic"].get("stages", {}).items()
    ]
    rows += [(f"query {k} median (ms)", v) for k, v in results["query_median_ms"].items()]
    _print_rows(rows)


def _print_rows(rows: list[tuple[str, object]]) -> None:
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the warehouse build.")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=REPO / "bench" / "corpus")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--parse-only", action="store_true", help="measure parsing only (no warehouse builds)"
    )
    parser.add_argument(
        "--parse-sample", type=int, default=300, help="packs the parse throughput is measured on"
    )
    parser.add_argument(
        "--no-bundled", action="store_true", help="leave out the build of the bundled packs"
    )
    args = parser.parse_args()
    suffix = "-parse" if args.parse_only else ""
    out = args.out or RESULTS / f"{date.today().isoformat()}-{args.n}{suffix}.json"
    out.parent.mkdir(parents=True, exist_ok=True)

    def write(results: dict) -> None:
        out.write_text(json.dumps(results, indent=2))

    results = benchmark(
        args.n,
        args.seed,
        args.workdir,
        parse_only=args.parse_only,
        parse_sample=args.parse_sample,
        bundled_build=not args.no_bundled,
        checkpoint=write,
    )
    write(results)
    print_table(results)
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
