"""The one resource every asset uses: where the packs, the working DB and the warehouse live.

The working DuckDB database has ONE writer, the pipeline. Every step opens it, writes and
closes it again (``with warehouse.connect() as con: ...``): nothing holds a connection across
steps, so dbt (a subprocess) and the next step can open it. A step that finds the file locked by
another process (a second run started by hand, a reader left open) waits a little and retries
instead of failing at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
from dagster import ConfigurableResource
from pydantic import Field

from warehouse import settings

REPO_ROOT = settings.REPO_ROOT
PACK_SUFFIXES = (".txt",)

LOCK_RETRY_SECONDS = 60.0


def default_warehouse_dir() -> str:
    return str(settings.warehouse_dir())


def default_packs_dir() -> str:
    return str(settings.packs_dir())


def is_lock_error(error: BaseException) -> bool:
    text = str(error).lower()
    return "lock" in text and ("conflicting" in text or "could not set lock" in text)


def open_duckdb(
    path: Path | str, *, read_only: bool = False, wait_seconds: float = LOCK_RETRY_SECONDS
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, retrying while another process holds its lock."""
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:  # IOException on a lock held by another process
            if not is_lock_error(error) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
            continue
        # without a limit DuckDB may cache up to 80% of RAM: reading a large file
        # read-only (the publish, the Parquet export) would hold gigabytes
        con.execute(f"SET memory_limit = '{settings.build_memory_limit()}'")
        return con


def file_sha256(path: Path) -> str:
    """sha256 of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def list_pack_files(packs_dir: Path | str) -> list[Path]:
    """Pack files in the folder, sorted by name (the partition keys)."""
    folder = Path(packs_dir)
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in PACK_SUFFIXES and not p.name.startswith(".")
    )


class WarehouseResource(ConfigurableResource):
    """Paths of the pipeline, from env WAREHOUSE_DIR / PACKS_DIR (relative to the repo root)."""

    warehouse_dir: str = Field(
        default_factory=default_warehouse_dir,
        description="Folder of the published warehouse, the working DB and the reports.",
    )
    packs_dir: str = Field(
        default_factory=default_packs_dir,
        description="Folder the pack files are read from (one partition per file).",
    )

    @property
    def warehouse_path(self) -> Path:
        return Path(self.warehouse_dir)

    @property
    def packs_path(self) -> Path:
        return Path(self.packs_dir)

    @property
    def work_db(self) -> Path:
        return settings.work_db(self.warehouse_path)

    @property
    def published_db(self) -> Path:
        return settings.published_db(self.warehouse_path)

    @property
    def quarantine_dir(self) -> Path:
        return self.warehouse_path / "quarantine"

    @property
    def data_docs_dir(self) -> Path:
        return self.warehouse_path / "data_docs"

    def pack_path(self, file_name: str) -> Path:
        return self.packs_path / file_name

    @contextlib.contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open the working DB for one step, and close it when the step is done with it.

        Writable opens go through ``ingest.store.connect`` (which creates the raw-layer schemas).
        """
        if read_only:
            con = open_duckdb(self.work_db, read_only=True)
        else:
            self.work_db.parent.mkdir(parents=True, exist_ok=True)
            from ingest import store

            deadline = time.monotonic() + LOCK_RETRY_SECONDS
            while True:
                try:
                    con = store.connect(self.work_db)
                    break
                except duckdb.Error as error:
                    if not is_lock_error(error) or time.monotonic() >= deadline:
                        raise
                    time.sleep(0.2)
        try:
            yield con
        finally:
            con.close()
