"""The working DuckDB database: stage a pack, read it back for its gate, promote or quarantine.

Every write that changes what the marts can see (`promote_pack`) is one transaction: a pack
whose bytes changed replaces its old rows at once, and a failure leaves the old rows in place.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from ingest.schema import RAW_TABLES, ensure_schemas


def connect(db_path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    db_path = Path(db_path)
    if read_only:
        return duckdb.connect(str(db_path), read_only=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path))
    ensure_schemas(con)
    return con


def stage_pack(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> str:
    """Replace this pack's rows in `stage.*` with the given frames. Returns the pack_id."""
    pack_id = frames["packs"]["pack_id"][0]
    with _transaction(con):
        _delete_pack(con, "stage", pack_id)
        for table, frame in frames.items():
            _insert(con, f"stage.{table}", frame)
    return pack_id


def staged_frames(con: duckdb.DuckDBPyConnection, pack_id: str) -> dict:
    """This pack's staged rows as pandas DataFrames, for the expectation gate."""
    return {
        table: con.execute(f"SELECT * FROM stage.{table} WHERE pack_id = ?", [pack_id]).df()
        for table in RAW_TABLES
    }


def staged_frames_many(con: duckdb.DuckDBPyConnection, pack_ids: list[str]) -> list[dict]:
    """`staged_frames` for several packs, one query per table (a bulk load's batch)."""
    by_table = {
        table: con.execute(
            f"SELECT * FROM stage.{table} WHERE list_contains(?, pack_id)", [pack_ids]
        ).df()
        for table in RAW_TABLES
    }
    split = {
        table: dict(tuple(frame.groupby("pack_id", sort=False)))
        for table, frame in by_table.items()
    }
    return [
        {
            table: split[table][pack_id].reset_index(drop=True)
            if pack_id in split[table]
            else by_table[table].iloc[0:0]
            for table in RAW_TABLES
        }
        for pack_id in pack_ids
    ]


def promote_pack(con: duckdb.DuckDBPyConnection, pack_id: str, file_name: str) -> None:
    """Move a staged pack into `raw.*` in one transaction, replacing what this file or these
    bytes loaded before."""
    previous = _pack_ids_of_file(con, file_name)
    with _transaction(con):
        for old in {*previous, pack_id}:
            _delete_pack(con, "raw", old)
            _delete_pack(con, "quarantine", old)
        for table in RAW_TABLES:
            con.execute(
                f"INSERT INTO raw.{table} SELECT * FROM stage.{table} WHERE pack_id = ?", [pack_id]
            )
        _delete_pack(con, "stage", pack_id)
        _record_file(con, file_name, pack_id, "promoted", None)


def quarantine_pack(
    con: duckdb.DuckDBPyConnection, pack_id: str, file_name: str, reason: str
) -> None:
    """Keep a pack that failed its gate where an engineer can inspect it; raw.* is untouched."""
    with _transaction(con):
        _delete_pack(con, "quarantine", pack_id)
        for table in RAW_TABLES:
            con.execute(
                f"INSERT INTO quarantine.{table} SELECT * FROM stage.{table} WHERE pack_id = ?",
                [pack_id],
            )
        _delete_pack(con, "stage", pack_id)
        _record_file(con, file_name, pack_id, "quarantined", reason)


def record_failure(con, file_name: str, sha256: str | None, status: str, message: str) -> None:
    """Log a file that could not be loaded (parse error, duplicate of another file)."""
    pack_id = sha256[:16] if sha256 else ""
    with _transaction(con):
        _record_file(con, file_name, pack_id, status, message, sha256=sha256 or "")


def known_file(con, file_name: str) -> tuple[str, str] | None:
    """(sha256, status) recorded for this file, if any."""
    row = con.execute(
        "SELECT sha256, status FROM ops.pack_files WHERE file_name = ?", [file_name]
    ).fetchone()
    return (row[0], row[1]) if row else None


def file_holding(con, sha256: str) -> str | None:
    """Another file already promoted with these exact bytes."""
    row = con.execute(
        "SELECT file_name FROM ops.pack_files WHERE sha256 = ? AND status = 'promoted'", [sha256]
    ).fetchone()
    return row[0] if row else None


def record_if_duplicate(con, file_name: str, sha256: str, holder: str | None = None) -> str | None:
    """The message, when another file already holds these bytes (promoted, or `holder`, one
    staged earlier in the same batch): this file is then recorded as its duplicate."""
    holder = file_holding(con, sha256) or holder
    if holder is None or holder == file_name:
        return None
    message = f"same bytes as {holder}, already loaded: nothing new to load"
    record_failure(con, file_name, sha256, "duplicate", message)
    return message


def _pack_ids_of_file(con, file_name: str) -> list[str]:
    rows = con.execute(
        "SELECT pack_id FROM ops.pack_files WHERE file_name = ? AND pack_id <> ''", [file_name]
    ).fetchall()
    return [r[0] for r in rows]


def _record_file(con, file_name, pack_id, status, message, sha256: str | None = None) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    if sha256 is None:
        row = con.execute(
            "SELECT sha256 FROM raw.packs WHERE pack_id = ? UNION ALL "
            "SELECT sha256 FROM quarantine.packs WHERE pack_id = ? LIMIT 1",
            [pack_id, pack_id],
        ).fetchone()
        sha256 = row[0] if row else ""
    con.execute("DELETE FROM ops.pack_files WHERE file_name = ?", [file_name])
    con.execute(
        "INSERT INTO ops.pack_files VALUES (?, ?, ?, ?, ?, ?)",
        [file_name, pack_id, sha256, status, message, now],
    )
    con.execute(
        "INSERT INTO ops.load_log VALUES (NULL, ?, ?, ?, ?, ?, ?)",
        [file_name, pack_id, sha256, status, message, now],
    )


def _delete_pack(con, schema: str, pack_id: str) -> None:
    """Delete a pack's rows from every table of a schema, if the schema holds it.

    A pack's rows land in all tables of a schema in one transaction, so its row in the small
    `packs` table says whether there is anything to delete: a first load of thousands of packs
    then never scans the big tables (a DELETE by pack_id scans them; doing that per new pack
    made first loads quadratic)."""
    held = con.execute(f"SELECT count(*) FROM {schema}.packs WHERE pack_id = ?", [pack_id])
    if held.fetchone()[0] == 0:
        return
    for table in RAW_TABLES:
        con.execute(f"DELETE FROM {schema}.{table} WHERE pack_id = ?", [pack_id])


def _insert(con, target: str, frame: pl.DataFrame) -> None:
    arrow = frame.to_arrow()  # noqa: F841 - referenced by name in the SQL below
    con.execute(f"INSERT INTO {target} BY NAME SELECT * FROM arrow")


class _transaction:
    """BEGIN/COMMIT around a block; ROLLBACK if it raises."""

    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type, exc, tb):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
