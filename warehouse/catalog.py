"""The data catalogue published beside the warehouse: ``$WAREHOUSE/catalog/``.

    publish_catalog(work_db, warehouse_dir) -> Path of catalog/index.html

``dbt docs generate --static`` over the working DB: every model, seed and source with its
description and columns (from the dbt yml files), their tests, and the lineage from the raw
tables to the BI views (dbt models, dbt/models/bi). ``index.html`` is dbt's
static page, manifest and catalogue embedded in it, so it opens from disk, offline;
``manifest.json`` and ``catalog.json`` sit beside it for tools. ``make docs`` serves or opens
it. Built in a temp folder and swapped in (the old catalogue is removed after the rename).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

from warehouse import dbt_cli, settings

DBT_DIR = settings.DBT_PROJECT_DIR
CATALOG_DIR = "catalog"
FILES = {"static_index.html": "index.html", "manifest.json": "manifest.json"}
TIMEOUT = 600


class CatalogError(RuntimeError):
    """dbt docs generate failed; the previous catalogue is left in place."""


def catalog_dir(warehouse_dir: Path | str) -> Path:
    return Path(warehouse_dir) / CATALOG_DIR


def publish_catalog(work_db: Path | str, warehouse_dir: Path | str) -> Path:
    warehouse_dir = Path(warehouse_dir).resolve()
    build_target = settings.dbt_target_dir(warehouse_dir)
    tmp = warehouse_dir / f".{CATALOG_DIR}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    target = tmp / "target"
    try:
        target.mkdir(parents=True)
        # the pipeline's `dbt build` left its manifest: only the catalogue queries run then
        reuse = (build_target / "manifest.json").exists()
        if reuse:
            shutil.copy(build_target / "manifest.json", target / "manifest.json")
        # and its parse state: the project's dbt then parses only what changed since (nothing),
        # not the whole project (seconds)
        if (build_target / dbt_cli.PARSE_STATE).exists():
            shutil.copy(build_target / dbt_cli.PARSE_STATE, target / dbt_cli.PARSE_STATE)
        _generate(Path(work_db), target, compile_first=not reuse)
        for source, name in {**FILES, "catalog.json": "catalog.json"}.items():
            shutil.copy(target / source, tmp / name)
        shutil.rmtree(target)
        _swap(tmp, catalog_dir(warehouse_dir))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return catalog_dir(warehouse_dir) / "index.html"


def _generate(work_db: Path, target: Path, *, compile_first: bool) -> None:
    args = [
        # the project's dbt (the parse state copied is its own), forked by the build's warm dbt
        # server while one is up: no process importing dbt again
        dbt_cli.warm_executable(),
        "docs",
        "generate",
        "--static",
        "--profiles-dir",
        str(settings.DBT_PROFILES_DIR),
    ]
    args += ["--target-path", str(target)] + ([] if compile_first else ["--no-compile"])
    env = settings.dbt_env(work_db, DBT_LOG_PATH=str(target / "logs"))
    done = subprocess.run(
        args, cwd=DBT_DIR, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    if done.returncode != 0 or not (target / "static_index.html").exists():
        raise CatalogError(f"dbt docs generate failed: {(done.stdout + done.stderr)[-2000:]}")


def _swap(new: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.old")
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)
