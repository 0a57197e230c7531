"""The benchmark tooling at a tiny N: bench/generate.py writes the same bytes for the same seed,
and packs that parse and pass the pack gate; bench/run.py measures parse throughput and writes
its results JSON.

No time is asserted here: timings belong to the benchmark, not to a test. The warehouse builds
bench/run.py starts take over a minute each: `main` is run once with the build stood in for (to
check its JSON), and `benchmark` once for real at N=4.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import run
from bench.generate import COMMITTEES, generate_corpus
from ingest.parse import parse_pack

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "data" / "packs").glob("*.txt"))
N = 3
SEED = 7
PARSE_KEYS = {
    "packs",
    "megabytes",
    "parse_seconds",
    "parse_mb_per_s",
    "parse_packs_per_s",
    "baseline_duckdb_read_lines_seconds",
    "baseline_mb_per_s",
    "parse_vs_baseline_ratio",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return generate_corpus(tmp_path_factory.mktemp("corpus"), N, SEED)


@pytest.fixture(scope="module")
def parsed(corpus):
    return [parse_pack(path) for path in corpus]


def _files(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(paths)]


def _seed_councils() -> set[str]:
    with (REPO / "dbt" / "seeds" / "council_aliases.csv").open(encoding="utf-8") as handle:
        return {row["council_name"] for row in csv.DictReader(handle)}


def test_same_seed_writes_the_same_bytes(corpus, tmp_path):
    """Run again through the command line, in another process with another hash seed."""
    out = tmp_path / "again"
    subprocess.run(
        [sys.executable, "-m", "bench.generate", "--n", str(N), "--seed", str(SEED)]
        + ["--out", str(out)],
        cwd=REPO,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=True,
        capture_output=True,
    )
    assert len(corpus) == N
    assert _files(list(out.glob("*.txt"))) == _files(corpus)


def test_other_seed_writes_other_bytes(corpus, tmp_path):
    other = generate_corpus(tmp_path / "other", N, SEED + 1)
    assert len(other) == N
    assert [data for _, data in _files(other)] != [data for _, data in _files(corpus)]


def test_generated_packs_parse_like_their_samples(parsed):
    councils = _seed_councils()
    for index, pack in enumerate(parsed):
        sample = parse_pack(SAMPLES[index % len(SAMPLES)])
        meta = pack.metadata
        assert meta.meeting_date is not None, pack.file_name
        # the date moves by whole weeks, so the meeting keeps its weekday
        assert meta.meeting_date.weekday() == sample.metadata.meeting_date.weekday()
        assert meta.committee in COMMITTEES
        if meta.council_method == "printed":
            assert meta.council in councils
        else:
            # a council inferred from the text can lose leading words the mention pattern does
            # not take: "Blackburn with Darwen Borough Council" is read as "Darwen Borough
            # Council", "City of Wolverhampton Council" as "Wolverhampton Council"
            assert meta.council and any(name.endswith(meta.council) for name in councils)
        assert pack.tables and len(pack.tables) == len(sample.tables)
        assert len(pack.text.lines) == len(sample.text.lines)


def test_generated_packs_pass_the_pack_gate(parsed):
    from expectations.gate import validate_pack
    from ingest import store
    from ingest.frames import pack_frames

    con = store.connect(":memory:")
    try:
        for pack in parsed:
            pack_id = store.stage_pack(con, pack_frames(pack))
            result = validate_pack(store.staged_frames(con, pack_id))
            failures = [f.to_dict() for f in result.blocking]
            assert result.passed, json.dumps(failures, default=str)[:3000]
            assert result.subject["file_name"] == pack.file_name
    finally:
        con.close()


def test_measure_parse_reports_every_number(corpus):
    result = json.loads(json.dumps(run.measure_parse(corpus)))
    assert set(result) == PARSE_KEYS
    assert result["packs"] == N
    assert result["megabytes"] == round(sum(p.stat().st_size for p in corpus) / 1e6, 3)
    for key in PARSE_KEYS - {"parse_seconds", "baseline_duckdb_read_lines_seconds"}:
        assert result[key] > 0, key
    # seconds are rounded to the millisecond: a fast machine may print 0.0
    assert result["parse_seconds"] >= 0 and result["baseline_duckdb_read_lines_seconds"] >= 0


def test_parse_only_measures_one_core_and_the_pool(tmp_path, monkeypatch, capsys):
    out = tmp_path / "parse.json"
    argv = ["bench.run", "--n", "2", "--seed", "5", "--workdir", str(tmp_path), "--out", str(out)]
    monkeypatch.setattr(sys, "argv", [*argv, "--parse-only"])
    run.main()
    results = json.loads(out.read_text())
    assert set(results["parse"]) == PARSE_KEYS and results["parse"]["packs"] == 2
    assert results["parse_pool"]["packs"] == 2 and results["parse_pool"]["workers"] >= 1
    assert "build_synthetic" not in results
    assert "worker processes" in capsys.readouterr().out


def test_main_writes_results_json(tmp_path, monkeypatch, capsys):
    """`python -m bench.run` end to end, each warehouse build replaced by a stand-in that
    records which packs it was given and answers like `run_build`."""
    builds = []

    def build(packs: Path, warehouse: Path, extra_env: dict | None = None) -> dict:
        builds.append((packs, warehouse, sorted(p.name for p in packs.glob("*.txt"))))
        return {"seconds": 1.0, "exit_code": 0, "peak_rss_mb": 100.0, "stages": {}}

    work, out = tmp_path / "work", tmp_path / "results.json"
    monkeypatch.setattr(run, "run_build", build)
    monkeypatch.setattr(
        sys,
        "argv",
        ["bench.run", "--n", "2", "--seed", "5", "--workdir", str(work), "--out", str(out)],
    )
    run.main()

    results = json.loads(out.read_text())
    assert set(results) == {
        "date",
        "n",
        "seed",
        "machine",
        "corpus_megabytes",
        "parse",
        "parse_pool",
        "build_bundled",
        "build_synthetic",
        "incremental_one_pack",
        "query_median_ms",
        "bundled_packs",
    }
    assert (results["n"], results["seed"]) == (2, 5)
    assert set(results["parse"]) == PARSE_KEYS and results["parse"]["packs"] == 2
    assert results["parse_pool"]["packs"] == 2 and results["parse_pool"]["parse_mb_per_s"] > 0
    assert results["bundled_packs"] == len(SAMPLES)
    assert results["build_synthetic"]["peak_rss_mb"] == 100.0
    assert results["query_median_ms"] == {}  # no warehouse was built to query
    bundled, full, incremental = builds
    assert bundled[0] == REPO / "data" / "packs" and bundled[1] == work / "wh_bundled"
    assert full[0] == incremental[0] == work / "corpus"
    assert full[1] == incremental[1] == work / "wh_synthetic"
    assert full[2] == ["synthetic_5_00000.txt", "synthetic_5_00001.txt"]
    assert incremental[2] == [*full[2], "zz_incremental.txt"]
    assert f"written to {out}" in capsys.readouterr().out


def test_the_benchmark_runs_for_real_at_tiny_n(tmp_path):
    """`bench.run.benchmark` end to end with real builds, at N=4 (one pack per sample): every
    build publishes, the synthetic packs yield facts in all four domains, the incremental build
    loads only the added pack, and every example query is timed. No time is asserted. (The
    bundled packs' build is left out: the shared build of the suite is that one.)"""
    phases = []
    results = run.benchmark(
        4, SEED, tmp_path, bundled_build=False, checkpoint=lambda r: phases.append(sorted(r))
    )
    assert "build_bundled" not in results
    # what was measured is handed over after each phase (a long run stopped keeps it)
    assert [("build_synthetic" in p, "incremental_one_pack" in p) for p in phases] == [
        (False, False),
        (True, False),
        (True, True),
    ]
    for build in ("build_synthetic", "incremental_one_pack"):
        assert results[build]["exit_code"] == 0, results[build].get("stderr_tail")
        assert results[build]["stages"]  # seconds per stage, from the build's summary
    synthetic = results["build_synthetic"]["loaded"]
    assert (synthetic["packs_loaded"], synthetic["packs_quarantined"]) == (4, 0)
    assert set(synthetic["facts_per_domain"]) == {
        "complaints",
        "decisions",
        "placements",
        "waiting_times",
    }
    assert all(count > 0 for count in synthetic["facts_per_domain"].values())
    incremental = results["incremental_one_pack"]["loaded"]
    assert (incremental["packs_loaded"], incremental["packs_unchanged"]) == (1, 4)
    queries = {path.stem for path in (REPO / "warehouse" / "queries").glob("*.sql")}
    assert set(results["query_median_ms"]) == queries
    assert results["build_synthetic"]["peak_rss_mb"] > 0
    # dbt, GX and Dagster in child processes: seconds of CPU, counted whatever the machine's load
    assert results["build_synthetic"]["cpu_seconds"] > 5


def test_peak_memory_counts_every_process_of_the_build():
    """The build is several processes; its peak is their sum, grandchildren included: here a
    child holding 100 MB whose own child holds 150 MB at the same time."""
    from bench.memory import TreeMemorySampler

    grandchild = "import time; x = bytearray(150_000_000); time.sleep(1.5)"
    child = (
        "import subprocess, sys, time; x = bytearray(100_000_000); "
        f"subprocess.run([sys.executable, '-c', {grandchild!r}])"
    )
    process = subprocess.Popen([sys.executable, "-c", child])
    with TreeMemorySampler(process.pid, interval=0.05) as sampler:
        assert process.wait() == 0
    assert sampler.peak_mb >= 250 * 1e6 / 2**20 * 0.95
    # the largest single process is the grandchild, named by its command line
    assert 150 * 1e6 / 2**20 * 0.95 <= sampler.largest_process_mb < sampler.peak_mb
    assert "bytearray(150_000_000)" in sampler.largest_process


def test_pages_a_fork_shares_with_its_parent_count_once_in_the_summed_pss():
    """A parent holding 200 MB forks a child that only reads it: the summed resident sets
    count the 200 MB twice, the summed PSS once (dbt commands fork from the warm dbt server)."""
    from bench.memory import TreeMemorySampler

    script = (
        "import os, time; x = bytearray(200_000_000); pid = os.fork(); time.sleep(1.5); "
        "x[0]; os._exit(0) if pid == 0 else os.waitpid(pid, 0)"
    )
    process = subprocess.Popen([sys.executable, "-c", script])
    with TreeMemorySampler(process.pid, interval=0.05) as sampler:
        assert process.wait() == 0
    megabytes = 200 * 1e6 / 2**20
    assert sampler.peak_mb >= 2 * megabytes * 0.95
    assert megabytes * 0.95 <= sampler.peak_pss_mb < 1.3 * megabytes
