"""Paths and settings are spelled in one module, warehouse/settings.py, and everything reads it:
the Makefile, the dbt profile, the Dagster resources, the CLIs and the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import yaml

from tests.conftest import PACKS
from warehouse import settings

REPO = Path(__file__).resolve().parents[1]
# what is code or configuration (the docs describe the layout to people and may spell it)
CODE_SUFFIXES = {".py", ".sql", ".yml", ".yaml", ".toml", ".cfg", ".ini", ".sh"}
NOT_CODE = {".venv", "target", "data", "results", ".git", "dbt_packages", "__pycache__"}


def code_files() -> list[Path]:
    files = [REPO / "Makefile"]
    for path in REPO.rglob("*"):
        if NOT_CODE.intersection(path.relative_to(REPO).parts):
            continue
        if path.is_file() and path.suffix in CODE_SUFFIXES:
            files.append(path)
    return files


def spelled_in(needle: str) -> list[str]:
    """Code files spelling `needle`, but this test (it spells the layout it checks)."""
    return sorted(
        str(path.relative_to(REPO))
        for path in code_files()
        if needle in path.read_text(encoding="utf-8", errors="replace")
        and path != Path(__file__).resolve()
    )


def test_only_the_settings_module_spells_the_work_db_and_the_memory_default():
    assert len(code_files()) > 100  # the scan sees the project
    assert spelled_in(settings.WORK_DB_NAME) == ["warehouse/settings.py"]
    assert spelled_in(f'"{settings.DEFAULT_MEMORY_LIMIT}"') == ["warehouse/settings.py"]
    assert spelled_in(f'"{settings.DEFAULT_BUILD_MEMORY_LIMIT}"') == ["warehouse/settings.py"]


def test_paths_of_a_warehouse_folder(tmp_path):
    assert settings.work_db(tmp_path) == tmp_path / "build" / "work.duckdb"
    assert settings.published_db(tmp_path) == tmp_path / "council.duckdb"
    assert settings.dagster_home(tmp_path, env={}) == tmp_path / "dagster_home"
    assert settings.dagster_home(tmp_path, env={"DAGSTER_HOME": "/x/home"}) == Path("/x/home")
    # relative folders from env vars are read from the repository root, absolute ones as given
    assert settings.warehouse_dir(env={}) == REPO / "warehouse"
    assert settings.warehouse_dir(env={"WAREHOUSE_DIR": str(tmp_path)}) == tmp_path
    assert settings.packs_dir(env={"PACKS_DIR": "elsewhere/packs"}) == REPO / "elsewhere/packs"
    assert settings.memory_limit(env={}) == "1500MB"
    assert settings.memory_limit(env={"COUNCIL_DUCKDB_MEMORY_LIMIT": "3GB"}) == "3GB"
    # the build process's own connections have a limit of their own, lower than dbt's
    assert settings.build_memory_limit(env={}) == "1200MB"
    assert settings.build_memory_limit(env={"COUNCIL_DUCKDB_MEMORY_LIMIT": "3GB"}) == "1200MB"
    assert settings.build_memory_limit(env={"COUNCIL_BUILD_MEMORY_LIMIT": "2GB"}) == "2GB"


def test_the_build_process_connections_use_the_build_limit(tmp_path, monkeypatch):
    from ingest import store

    monkeypatch.setenv("COUNCIL_BUILD_MEMORY_LIMIT", "700MB")
    monkeypatch.setenv("COUNCIL_DUCKDB_MEMORY_LIMIT", "3GB")
    con = store.connect(tmp_path / "work.duckdb")
    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        con.close()
    assert limit == "667.5 MiB"  # DuckDB prints 700 MB in MiB


def test_dbt_env_carries_what_the_profile_reads(tmp_path):
    env = settings.dbt_env(settings.work_db(tmp_path), DBT_LOG_PATH="/tmp/logs")
    profile = (settings.DBT_PROFILES_DIR / "profiles.yml").read_text(encoding="utf-8")
    output = yaml.safe_load(profile)["council_papers"]["outputs"]["work"]
    # the profile names the env vars and spells no path or default of its own
    assert output["path"] == "{{ env_var('" + settings.DBT_DUCKDB_PATH_ENV + "') }}"
    memory_limit = output["settings"]["memory_limit"]
    assert memory_limit == "{{ env_var('" + settings.MEMORY_LIMIT_ENV + "') }}"
    assert env[settings.DBT_DUCKDB_PATH_ENV] == str(tmp_path / "build" / "work.duckdb")
    assert env[settings.MEMORY_LIMIT_ENV] == settings.memory_limit()
    assert env["DBT_LOG_PATH"] == "/tmp/logs"


def test_the_makefile_reads_the_settings_with_the_plain_system_python(tmp_path):
    # stdlib only: `python -S` (no site-packages) imports it, as make does before any install
    done = subprocess.run(
        [sys.executable, "-S", "-m", "warehouse.settings", "work-db", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == str(tmp_path / "build" / "work.duckdb")
    dry = subprocess.run(
        ["make", "-n", "clean", "ui", f"WAREHOUSE={tmp_path}", f"PYTHON={sys.executable}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    ).stdout
    assert f"rm -rf {tmp_path}/build {tmp_path}/council.duckdb" in dry
    assert f'DAGSTER_HOME="{tmp_path}/dagster_home"' in dry


def test_dagster_resource_and_cli_defaults_come_from_the_settings(monkeypatch, tmp_path):
    from dagster_project.resources import WarehouseResource

    monkeypatch.setenv(settings.WAREHOUSE_DIR_ENV, str(tmp_path))
    monkeypatch.setenv(settings.PACKS_DIR_ENV, str(tmp_path / "packs"))
    resource = WarehouseResource()
    assert resource.work_db == settings.work_db(tmp_path)
    assert resource.published_db == settings.published_db(tmp_path)
    assert resource.packs_path == tmp_path / "packs"
    # the ingest CLI with no --packs / --db: the env's packs folder into the env's work DB
    packs = tmp_path / "packs"
    packs.mkdir()
    smallest = min(PACKS.glob("*.txt"), key=lambda p: p.stat().st_size)
    shutil.copy(smallest, packs / smallest.name)
    env = {**os.environ, settings.WAREHOUSE_DIR_ENV: str(tmp_path)}
    env[settings.PACKS_DIR_ENV] = str(packs)
    done = subprocess.run(
        [sys.executable, "-m", "ingest.cli"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert smallest.name in done.stdout
    con = duckdb.connect(str(settings.work_db(tmp_path)), read_only=True)
    assert con.execute("select file_name from raw.packs").fetchall() == [(smallest.name,)]
    con.close()
