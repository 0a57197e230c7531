"""Where things live and how the pipeline is tuned: the one place that spells a path or a setting.

Every other part reads it: the Makefile (``python -m warehouse.settings NAME``, with the system
Python: this module imports the standard library only), the dbt profile (through the env vars
``dbt_env`` sets, ``env_var('DBT_DUCKDB_PATH')``), the Dagster resources, the CLIs and the tests.

Layout of a warehouse folder (``$WAREHOUSE_DIR``, default ``warehouse/``)::

    build/work.duckdb     the working database (stage, raw, ops, dbt's schemas)
    council.duckdb        the published warehouse, read-only for BI
    dagster_home/         DAGSTER_HOME of ``make warehouse`` and ``make ui``
    quarantine/           reports of quarantined packs
    data_docs/            the data-quality page

Relative folders given by env vars are read from the repository root.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# env var names
WAREHOUSE_DIR_ENV = "WAREHOUSE_DIR"
PACKS_DIR_ENV = "PACKS_DIR"
DAGSTER_HOME_ENV = "DAGSTER_HOME"
DBT_DUCKDB_PATH_ENV = "DBT_DUCKDB_PATH"  # read by dbt/profiles.yml
MEMORY_LIMIT_ENV = "COUNCIL_DUCKDB_MEMORY_LIMIT"  # dbt's DuckDB: read by dbt/profiles.yml
BUILD_MEMORY_LIMIT_ENV = "COUNCIL_BUILD_MEMORY_LIMIT"  # DuckDB inside the build process
TRANSFORM_CHUNK_ENV = "COUNCIL_TRANSFORM_CHUNK"  # packs per dbt invocation of the pack step
# set (to `chunk`) for dbt while one chunk of the pack step runs: read by dbt/macros/incremental.sql
TRANSFORM_SCOPE_ENV = "COUNCIL_TRANSFORM_SCOPE"

# defaults (relative to the repository root)
DEFAULT_WAREHOUSE_DIR = "warehouse"
DEFAULT_PACKS_DIR = "data/packs"
DEFAULT_MEMORY_LIMIT = "1500MB"  # dbt's DuckDB spills to disk beyond it
# the build process's own connections (loads, gates, publish, Parquet): it holds some 0.6-0.75 GB
# of its own (Dagster, Great Expectations, pandas, polars) beside DuckDB, so a lower limit keeps
# the process under 2 GB. A full publish of 10,000 packs ran in 1,200 MB; 1,000 MB ran out.
DEFAULT_BUILD_MEMORY_LIMIT = "1200MB"
# dbt's pack step transforms at most this many packs per invocation (dagster_project/chunks.py):
# one invocation over 10,000 packs ran DuckDB out of memory in window-function models; 1,000
# packs ran within DEFAULT_MEMORY_LIMIT. Each chunk costs a dbt start and its per-model overhead:
# at 10,000 packs, 10 chunks of 1,000 took 571 s where 20 of 500 took 604-632 s, at the same
# peak memory (bench/README.md).
DEFAULT_TRANSFORM_CHUNK = 1000

# inside a warehouse folder
WORK_DB_NAME = "work.duckdb"
BUILD_DIR_NAME = "build"
PUBLISHED_NAME = "council.duckdb"
DAGSTER_HOME_NAME = "dagster_home"
TRANSFORM_CHUNKS_NAME = "transform_chunks.json"  # in build/: the last pack step's dbt invocations

# the dbt project; its profile (profiles.yml) sits beside dbt_project.yml
DBT_PROJECT_DIR = REPO_ROOT / "dbt"
DBT_TARGET_NAME = "dbt_target"
DBT_PROFILES_DIR = DBT_PROJECT_DIR


def _from_env(name: str, default: str, env: Mapping[str, str] | None = None) -> Path:
    value = (os.environ if env is None else env).get(name) or default
    path = Path(value)
    return path if path.is_absolute() else REPO_ROOT / path


def warehouse_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$WAREHOUSE_DIR``, default ``warehouse/`` in the repository."""
    return _from_env(WAREHOUSE_DIR_ENV, DEFAULT_WAREHOUSE_DIR, env)


def packs_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$PACKS_DIR``, default ``data/packs/`` in the repository."""
    return _from_env(PACKS_DIR_ENV, DEFAULT_PACKS_DIR, env)


def build_dir(warehouse: Path | str) -> Path:
    return Path(warehouse) / BUILD_DIR_NAME


def work_db(warehouse: Path | str) -> Path:
    """The working database of a warehouse folder."""
    return build_dir(warehouse) / WORK_DB_NAME


def dbt_target_dir(warehouse: Path | str) -> Path:
    """Where the pipeline's dbt invocations for a warehouse folder write (and log): its
    manifest, run results and parse state."""
    return build_dir(warehouse) / DBT_TARGET_NAME


def published_db(warehouse: Path | str) -> Path:
    """The published warehouse file of a warehouse folder."""
    return Path(warehouse) / PUBLISHED_NAME


def dagster_home(warehouse: Path | str, env: Mapping[str, str] | None = None) -> Path:
    """``$DAGSTER_HOME`` when set, else ``dagster_home/`` in the warehouse folder."""
    value = (os.environ if env is None else env).get(DAGSTER_HOME_ENV)
    return Path(value) if value else Path(warehouse) / DAGSTER_HOME_NAME


def memory_limit(env: Mapping[str, str] | None = None) -> str:
    """DuckDB's memory limit in dbt (``$COUNCIL_DUCKDB_MEMORY_LIMIT``, through the profile)."""
    return (os.environ if env is None else env).get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT


def build_memory_limit(env: Mapping[str, str] | None = None) -> str:
    """DuckDB's memory limit for every connection the build process opens itself: the loads,
    the gates, the publish, the Parquet export (``$COUNCIL_BUILD_MEMORY_LIMIT``)."""
    value = (os.environ if env is None else env).get(BUILD_MEMORY_LIMIT_ENV)
    return value or DEFAULT_BUILD_MEMORY_LIMIT


def transform_chunk_size(env: Mapping[str, str] | None = None) -> int:
    """The most packs one dbt invocation of the pack step transforms
    (``$COUNCIL_TRANSFORM_CHUNK``)."""
    value = (os.environ if env is None else env).get(TRANSFORM_CHUNK_ENV)
    return int(value) if value else DEFAULT_TRANSFORM_CHUNK


def dbt_env(work_database: Path | str, **extra: str) -> dict[str, str]:
    """The environment a dbt command runs in: this process's, plus what dbt/profiles.yml reads
    (the working database and the memory limit) and any ``extra`` (DBT_LOG_PATH...)."""
    return {
        **os.environ,
        DBT_DUCKDB_PATH_ENV: str(work_database),
        MEMORY_LIMIT_ENV: memory_limit(),
        **extra,
    }


# ``python -m warehouse.settings NAME [WAREHOUSE]``: one value per call, for the Makefile
_VALUES = {
    "warehouse-dir": lambda args: DEFAULT_WAREHOUSE_DIR,
    "packs-dir": lambda args: DEFAULT_PACKS_DIR,
    "build-dir": lambda args: build_dir(args[0] if args else warehouse_dir()),
    "work-db": lambda args: work_db(Path(args[0]).resolve() if args else warehouse_dir()),
    "published-db": lambda args: published_db(args[0] if args else warehouse_dir()),
    "dagster-home": lambda args: dagster_home(Path(args[0]).resolve() if args else warehouse_dir()),
    "memory-limit": lambda args: memory_limit(),
    "build-memory-limit": lambda args: build_memory_limit(),
    "transform-chunk": lambda args: transform_chunk_size(),
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in _VALUES:
        print(f"usage: python -m warehouse.settings {{{'|'.join(_VALUES)}}} [WAREHOUSE]")
        return 2
    print(_VALUES[args[0]](args[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
