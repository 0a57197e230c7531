"""Shared fixtures: the real bundled sample packs, and one dbt build of them; the test layouts
(small packs of councils not among the samples), and one dbt build and publish of them all."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dagster_project.testing import (
    completed_process,
    completed_process_record,
    once_per_test_run,
)
from warehouse import dbt_cli, settings

REPO = Path(__file__).resolve().parents[1]
PACKS = REPO / "data" / "packs"
# each folder's packs are read by its own test module; they are built together, once
LAYOUT_FOLDERS = tuple(
    REPO / folder
    for folder in (
        "tests/data/meaning_layouts",
        "tests/data/audit_layouts",
        "tests/data/audit3_layouts",
        "tests/decision_layouts",
    )
)


def pack_path(prefix: str) -> Path:
    """The bundled pack whose file name starts with `prefix` (e.g. '002')."""
    matches = sorted(PACKS.glob(f"{prefix}*.txt"))
    assert len(matches) == 1, f"expected one bundled pack starting {prefix!r}, found {matches}"
    return matches[0]


@pytest.fixture(scope="session")
def parsed_packs():
    from ingest.parse import parse_pack

    return {prefix: parse_pack(pack_path(prefix)) for prefix in ("000", "001", "002", "004")}


# --------------------------------------------------------------------------- one dbt build
# The bundled packs loaded with the ingest CLI into a temporary work DB, then `dbt build` and
# `dbt docs generate` with their own target path: shared by every test module that reads marts.

DBT_DIR = REPO / "dbt"
DBT = Path(dbt_cli.executable())  # the project's dbt (council-dbt), as the pipeline runs it


def dbt_target(folder: Path) -> Path:
    """`folder`/target, holding the parse state ``make install`` made: the first dbt command
    there parses only what changed since, not the whole project (warehouse/dbt_cli.py)."""
    target = folder / "target"
    dbt_cli.seed_parse_state(target)
    return target


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=DBT_DIR, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def dbt_built(tmp_path_factory):
    """Made once per test run, whichever xdist worker asks first (once_per_test_run)."""
    record = once_per_test_run(tmp_path_factory, "dbt_marts", _make_dbt_built)
    tmp = Path(record["folder"])
    return {
        "db": settings.work_db(tmp),
        "build": completed_process(record["build"]),
        "docs": completed_process(record["docs"]),
        "target": tmp / "target",
    }


def load_and_build(
    packs: Path, tmp: Path, *dbt_args: str
) -> tuple[Path, subprocess.CompletedProcess]:
    """The packs of `packs` loaded by the ingest CLI into a work DB under `tmp`, then ``dbt
    build`` (with `dbt_args`) over it, as the pipeline runs them: the work DB and dbt's run. A
    failure of either asserts with its output."""
    db = settings.work_db(tmp)
    load = subprocess.run(
        [sys.executable, "-m", "ingest.cli", "--packs", str(packs), "--db", str(db)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert load.returncode == 0, load.stdout + load.stderr
    build = _run([str(DBT), "build", *_dbt_options(tmp), *dbt_args], _dbt_env(db, tmp))
    assert build.returncode == 0, build.stdout[-6000:] + build.stderr[-3000:]
    return db, build


def _dbt_options(tmp: Path) -> list[str]:
    return ["--profiles-dir", str(DBT_DIR), "--target-path", str(dbt_target(tmp))]


def _dbt_env(db: Path, tmp: Path) -> dict[str, str]:
    return settings.dbt_env(db, DBT_LOG_PATH=str(tmp / "logs"))


def _make_dbt_built(tmp: Path) -> dict:
    db, build = load_and_build(PACKS, tmp)
    docs = _run([str(DBT), "docs", "generate", *_dbt_options(tmp)], _dbt_env(db, tmp))
    return {
        "folder": str(tmp),
        "build": completed_process_record(build),
        "docs": completed_process_record(docs),
    }


@pytest.fixture(scope="session")
def layouts_built(tmp_path_factory):
    """Every test layout loaded, built by dbt and published into one warehouse, once per test
    run: the work DB and the published file. Each layout names its own council and meeting, so
    a module reads its own packs by file name."""
    record = once_per_test_run(tmp_path_factory, "layouts", _make_layouts_built)
    tmp = Path(record["folder"])
    return {"db": settings.work_db(tmp), "published": settings.published_db(tmp / "published")}


def _make_layouts_built(tmp: Path) -> dict:
    from warehouse.publish import publish

    packs = tmp / "packs"
    packs.mkdir()
    for folder in LAYOUT_FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            assert not (packs / path.name).exists(), f"two layouts named {path.name}"
            shutil.copy(path, packs / path.name)
    db, _ = load_and_build(packs, tmp)
    publish(db, tmp / "published")
    return {"folder": str(tmp)}


@pytest.fixture(scope="session")
def marts_con(dbt_built):
    connection = duckdb.connect(str(dbt_built["db"]), read_only=True)
    yield connection
    connection.close()


def pytest_unconfigure(config):
    """After the summary is printed: DuckDB's bindings (nanobind) print reference-leak reports
    to stderr as the interpreter shuts down; they say nothing about the tests (the same quiet
    exit as `make warehouse`, dagster_project.build.quiet_exit)."""
    _silence_stderr()
    # pytest's own clean-ups (capture teardown) run after this hook and may put the original
    # stderr back: silence it again at interpreter exit, before the bindings' reports
    atexit.register(_silence_stderr)


def _silence_stderr() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
