"""The working DuckDB database: stage a pack, read it back for its gate, promote or quarantine.

Every write that changes what the marts can see (`promote_pack`) is one transaction: a pack
whose bytes changed replaces its old rows at once, and a failure leaves the old rows in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from ingest.schema import RAW_TABLES, ensure_schemas


def connect(db_path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    db_path = Path(db_path)
    if read_only:
        con = duckdb.connect(str(db_path), read_only=True)
        con.execute(f"SET memory_limit = '{memory_limit()}'")
        return con
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path))
    con.execute(f"SET memory_limit = '{memory_limit()}'")
    ensure_schemas(con)
    return con


def memory_limit() -> str:
    """DuckDB's memory limit for the pipeline's connections (it spills to disk beyond it):
    warehouse.settings.build_memory_limit, $COUNCIL_BUILD_MEMORY_LIMIT (dbt has its own)."""
    from warehouse import settings

    return settings.build_memory_limit()


def stage_pack(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> str:
    """Replace this pack's rows in `stage.*` with the given frames. Returns the pack_id."""
    pack_id = frames["packs"]["pack_id"][0]
    with _transaction(con):
        _delete_pack(con, "stage", pack_id)
        for table, frame in frames.items():
            _insert(con, f"stage.{table}", frame)
    return pack_id


def stage_packs(
    con: duckdb.DuckDBPyConnection,
    frames_list: list[dict[str, pl.DataFrame]],
    files: list[tuple[str, str, tuple[int, int]]],
) -> None:
    """`stage_pack` then `record_staged` for several packs in ONE transaction, each table's
    frames of all packs inserted at once: a bulk load's writer stages a chunk of packs per
    commit (each DuckDB commit waits for the disk, and each insert of a frame costs a few ms
    whatever its size). `files` is (file_name, sha256, stat) of each pack, in the same order."""
    if not frames_list:
        return
    ids = [frames["packs"]["pack_id"][0] for frames in frames_list]
    with _transaction(con):
        _delete_packs(con, "stage", ids)
        for table in frames_list[0]:
            parts = [frames[table] for frames in frames_list]
            _insert(con, f"stage.{table}", pl.concat(parts, how="vertical_relaxed"))
        _record_files(
            con,
            [
                (file_name, pack_id, "staged", None, sha256, None, stat)
                for pack_id, (file_name, sha256, stat) in zip(ids, files, strict=True)
            ],
        )


def staged_frames(con: duckdb.DuckDBPyConnection, pack_id: str) -> dict:
    """This pack's staged rows as pandas DataFrames, for the expectation gate."""
    return {
        table: con.execute(f"SELECT * FROM stage.{table} WHERE pack_id = ?", [pack_id]).df()
        for table in RAW_TABLES
    }


def staged_batch(con: duckdb.DuckDBPyConnection, pack_ids: list[str]) -> dict:
    """The staged rows of these packs as one pandas frame per table, for the pack gate of a
    bulk load's batch (`expectations.gate.validate_pack_batch`): each row tagged `_pack_key`,
    its pack's position in `pack_ids` (its first, if listed twice), rows ordered by it, a pack's
    rows in their staged order. One query per table, and no frame per pack to make and
    concatenate again. The packs are joined, not looked up in the list row by row (the lines of a
    200-pack batch: 1.3-1.8 s with `list_contains`, 0.5-0.7 s joined), and the rows come to
    pandas through Arrow (`_pandas_frame`)."""
    keys = (
        "SELECT pack_id, CAST(min(position) - 1 AS BIGINT) AS _pack_key "
        "FROM (SELECT unnest($ids) AS pack_id, generate_subscripts($ids, 1) AS position) "
        "GROUP BY pack_id"
    )
    return {
        table: _pandas_frame(
            con,
            con.sql(
                f"SELECT t.*, k._pack_key FROM stage.{table} t JOIN ({keys}) k USING (pack_id) "
                "ORDER BY k._pack_key, t.rowid",
                params={"ids": pack_ids},
            ),
        )
        for table in RAW_TABLES
    }


def _pandas_frame(con: duckdb.DuckDBPyConnection, relation: duckdb.DuckDBPyRelation):
    """The relation's rows as the pandas frame `.df()` gives, through Arrow where that gives the
    same frame: five times faster for text (the lines of 200 packs: 1.0 -> 0.2 s). Arrow would
    make a date column, or an integer column holding nulls, something else than `.df()` does
    (objects, floats), and an empty text column typed where `.df()` leaves it untyped: such a
    relation is converted by DuckDB from the Arrow table."""
    import pyarrow as pa

    rows = relation.to_arrow_table()
    if rows.num_rows == 0 or any(
        pa.types.is_temporal(column.type)
        or (pa.types.is_integer(column.type) and rows.column(column.name).null_count)
        for column in rows.schema
    ):
        return con.from_arrow(rows).df()
    return rows.to_pandas()


def promote_pack(
    con: duckdb.DuckDBPyConnection,
    pack_id: str,
    file_name: str,
    *,
    keep_previous: bool = False,
    parser_version: str | None = None,
) -> list[str]:
    """Move a staged pack into `raw.*` in one transaction and queue it for the marts.

    Older versions of the same file are either replaced at once (queued `remove`) or, with
    `keep_previous` (the pipeline, whose fact gate decides later), kept in `raw.*` and queued
    `supersede`: they leave when this version passes its fact gate (`retire_superseded`) and
    stay if it is quarantined. Returns the pack ids of the older versions."""
    previous = [old for old in pack_ids_of_file(con, file_name) if old != pack_id]
    rejected = con.execute(
        "SELECT pack_id FROM quarantine.packs WHERE file_name = ?", [file_name]
    ).fetchall()
    with _transaction(con):
        _delete_pack(con, "raw", pack_id)  # the same bytes parsed again (a parser upgrade)
        for (old,) in {*rejected, (pack_id,)}:
            _delete_pack(con, "quarantine", old)
        for old in previous:
            if keep_previous:
                _queue(con, old, file_name, "supersede", superseded_by=pack_id)
            else:
                _delete_pack(con, "raw", old)
                _queue(con, old, file_name, "remove")
        for table in RAW_TABLES:
            con.execute(
                f"INSERT INTO raw.{table} SELECT * FROM stage.{table} WHERE pack_id = ?", [pack_id]
            )
        _queue(con, pack_id, file_name, "load")
        _delete_pack(con, "stage", pack_id)
        _record_file(con, file_name, pack_id, "promoted", None, parser_version=parser_version)
    return previous


def promote_packs(
    con: duckdb.DuckDBPyConnection,
    packs: list[tuple[str, str]],
    *,
    keep_previous: bool = False,
) -> dict[str, dict[str, int]]:
    """`promote_pack` for a batch of staged packs, (pack_id, file_name) each, in ONE transaction:
    one INSERT and one DELETE per table for the whole batch instead of one per pack (each of
    those scans the stage tables, which hold the whole batch: per pack, promoting a batch of
    100 scanned them 1,200 times). The rows, queue entries and file records are those
    `promote_pack` writes pack by pack.

    Returns each pack's row count per raw table, counted in `stage.*` before the move. A
    failure rolls the whole batch back: every pack stays staged, none half promoted (the
    packs' data was gated already: what fails here is the database, not a pack)."""
    ids = [pack_id for pack_id, _ in packs]
    if len(set(ids)) != len(ids):
        raise ValueError("a pack id twice in one promotion batch")
    counts = staged_row_counts(con, ids)
    _promote_batch(con, packs, keep_previous=keep_previous)
    return counts


def staged_row_counts(con, pack_ids: list[str]) -> dict[str, dict[str, int]]:
    """{pack_id: {raw table: rows staged}} for these packs (0 where a table has none)."""
    counts = {pack_id: dict.fromkeys(RAW_TABLES, 0) for pack_id in pack_ids}
    for table in RAW_TABLES:
        rows = con.execute(
            f"SELECT pack_id, count(*) FROM stage.{table} WHERE list_contains(?, pack_id) "
            "GROUP BY pack_id",
            [pack_ids],
        ).fetchall()
        for pack_id, count in rows:
            counts[pack_id][table] = count
    return counts


def _promote_batch(con, packs: list[tuple[str, str]], *, keep_previous: bool) -> None:
    ids = [pack_id for pack_id, _ in packs]
    files = [file_name for _, file_name in packs]
    versions = con.execute(
        "SELECT file_name, pack_id FROM raw.packs WHERE list_contains(?, file_name) "
        "ORDER BY extracted_at",
        [files],
    ).fetchall()
    rejected = con.execute(
        "SELECT DISTINCT pack_id FROM quarantine.packs WHERE list_contains(?, file_name)", [files]
    ).fetchall()
    with _transaction(con):
        _delete_packs(con, "raw", ids)  # the same bytes parsed again (a parser upgrade)
        _delete_packs(con, "quarantine", [*{r[0] for r in rejected}, *ids])
        for pack_id, file_name in packs:
            for name, old in versions:
                if name != file_name or old == pack_id:
                    continue
                if keep_previous:
                    _queue(con, old, file_name, "supersede", superseded_by=pack_id)
                else:
                    _delete_pack(con, "raw", old)
                    _queue(con, old, file_name, "remove")
        for table in RAW_TABLES:
            con.execute(
                f"INSERT INTO raw.{table} SELECT * FROM stage.{table} "
                "WHERE list_contains(?, pack_id)",
                [ids],
            )
        for pack_id, file_name in packs:
            _queue(con, pack_id, file_name, "load")
        _delete_packs(con, "stage", ids)
        _record_files(
            con,
            [
                (file_name, pack_id, "promoted", None, None, None, None)
                for pack_id, file_name in packs
            ],
        )


def quarantine_pack(
    con: duckdb.DuckDBPyConnection,
    pack_id: str,
    file_name: str,
    reason: str,
    *,
    schema: str = "stage",
    parser_version: str | None = None,
) -> None:
    """Keep a pack that failed a gate where an engineer can inspect it.

    From `stage` (the pack gate) `raw.*` is untouched. From `raw` (the fact gate, after
    promotion) its rows leave `raw.*`, the older version of its file it was to supersede stays,
    and its pack id is queued `remove` so no mart keeps rows of it."""
    with _transaction(con):
        _delete_pack(con, "quarantine", pack_id)
        for table in RAW_TABLES:
            con.execute(
                f"INSERT INTO quarantine.{table} SELECT * FROM {schema}.{table} WHERE pack_id = ?",
                [pack_id],
            )
        _delete_pack(con, schema, pack_id)
        if schema == "raw":
            con.execute(
                "DELETE FROM ops.publish_queue WHERE pack_id = ? AND action = 'load' "
                "OR superseded_by = ?",
                [pack_id, pack_id],
            )
            _queue(con, pack_id, file_name, "remove")
        _record_file(con, file_name, pack_id, "quarantined", reason, parser_version=parser_version)


def retire_superseded(con: duckdb.DuckDBPyConnection, pack_ids: Sequence[str]) -> list[str]:
    """The older versions these packs superseded leave `raw.*` (the packs passed their fact
    gate); they are queued `remove`. Returns their pack ids. One query finds them for every
    pack: a bulk load's fact gate does not ask once a pack."""
    if not pack_ids:
        return []
    rows = con.execute(
        "SELECT DISTINCT pack_id, file_name FROM ops.publish_queue "
        "WHERE action = 'supersede' AND list_contains(?, superseded_by) ORDER BY pack_id",
        [list(pack_ids)],
    ).fetchall()
    if not rows:
        return []
    with _transaction(con):
        for old, file_name in rows:
            _delete_pack(con, "raw", old)
            con.execute(
                "DELETE FROM ops.publish_queue WHERE pack_id = ? AND action = 'supersede'", [old]
            )
            _queue(con, old, file_name, "remove")
    return [old for old, _ in rows]


def remove_file(con: duckdb.DuckDBPyConnection, file_name: str) -> list[str]:
    """A file gone from the packs folder: every version of it leaves `raw.*` and
    `quarantine.*`, its packs are queued `remove`, and the file is recorded as removed.
    Returns the pack ids removed from `raw.*`."""
    removed = pack_ids_of_file(con, file_name)
    quarantined = [
        r[0]
        for r in con.execute(
            "SELECT pack_id FROM quarantine.packs WHERE file_name = ?", [file_name]
        ).fetchall()
    ]
    recorded = con.execute(
        "SELECT pack_id FROM ops.pack_files WHERE file_name = ?", [file_name]
    ).fetchone()
    with _transaction(con):
        for pack_id in removed:
            _delete_pack(con, "raw", pack_id)
        for pack_id in removed or [recorded[0] if recorded else ""]:
            # queued even when nothing of it was in raw.*: the published file still lists the
            # file until the next publish, which must happen even if this one is interrupted
            _queue(con, pack_id, file_name, "remove")
        for pack_id in quarantined:
            _delete_pack(con, "quarantine", pack_id)
        con.execute(
            "UPDATE ops.pack_files SET status = 'removed', updated_at = ?, "
            "message = 'file no longer in the packs folder' WHERE file_name = ?",
            [_now(), file_name],
        )
        _log(con, file_name, removed[0] if removed else None, None, "removed", None)
    return removed


def pack_ids_of_file(con, file_name: str) -> list[str]:
    """Pack ids `raw.*` holds for this file (more than one while a new version awaits its
    fact gate)."""
    rows = con.execute(
        "SELECT pack_id FROM raw.packs WHERE file_name = ? ORDER BY extracted_at", [file_name]
    ).fetchall()
    return [r[0] for r in rows]


def queued_packs(con, actions: tuple[str, ...] = ("load", "remove", "supersede")) -> list[str]:
    """Distinct pack ids waiting in `ops.publish_queue` with one of these actions."""
    rows = con.execute(
        "SELECT DISTINCT pack_id FROM ops.publish_queue WHERE list_contains(?, action) "
        "ORDER BY pack_id",
        [list(actions)],
    ).fetchall()
    return [r[0] for r in rows]


def record_publish(con, fingerprint: str, started: datetime) -> int:
    """A publish that started at `started` succeeded: forget the queue entries it handled and
    remember the dbt project it transformed with. Returns the queue entries cleared."""
    with _transaction(con):
        cleared = clear_queue(con, started)
        con.execute("DELETE FROM ops.transform_state")
        con.execute("INSERT INTO ops.transform_state VALUES (?, ?)", [fingerprint, _now()])
    return cleared


def clear_queue(con, before: datetime) -> int:
    """Forget queue entries a successful publish has handled (queued before it started);
    `supersede` entries wait for their successor's fact gate."""
    return con.execute(
        "DELETE FROM ops.publish_queue WHERE queued_at <= ? AND action <> 'supersede'", [before]
    ).fetchone()[0]


def _queue(con, pack_id: str, file_name: str | None, action: str, **extra) -> None:
    con.execute(
        "INSERT INTO ops.publish_queue (pack_id, file_name, action, superseded_by, queued_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [pack_id, file_name, action, extra.get("superseded_by"), _now()],
    )


def record_failure(
    con,
    file_name: str,
    sha256: str | None,
    status: str,
    message: str,
    stat: tuple[int, int] | None = None,
    parser_version: str | None = None,
) -> None:
    """Log a file that could not be loaded (parse error, duplicate of another file); a file
    refused by a parser is read again by a newer one (its version is recorded)."""
    pack_id = sha256[:16] if sha256 else ""
    with _transaction(con):
        _record_file(
            con,
            file_name,
            pack_id,
            status,
            message,
            sha256=sha256 or "",
            stat=stat,
            parser_version=parser_version,
        )


def record_staged(con, file_name: str, pack_id: str, sha256: str, stat: tuple[int, int]) -> None:
    """A file read and staged, waiting for its gate; `stat` is what it had when read."""
    with _transaction(con):
        _record_file(con, file_name, pack_id, "staged", None, sha256=sha256, stat=stat)


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


def promoted_files(con) -> dict[str, str]:
    """{sha256: file} of every promoted file: `file_holding` for a whole batch."""
    return dict(
        con.execute(
            "SELECT sha256, file_name FROM ops.pack_files WHERE status = 'promoted'"
        ).fetchall()
    )


def record_if_duplicate(
    con, file_name: str, sha256: str, holder: str | None = None, stat=None
) -> str | None:
    """The message, when another file already holds these bytes (promoted, or `holder`, one
    staged earlier in the same batch): this file is then recorded as its duplicate."""
    holder = file_holding(con, sha256) or holder
    if holder is None or holder == file_name:
        return None
    message = f"same bytes as {holder}, already loaded: nothing new to load"
    record_failure(con, file_name, sha256, "duplicate", message, stat=stat)
    return message


def _record_file(
    con,
    file_name,
    pack_id,
    status,
    message,
    sha256: str | None = None,
    parser_version=None,
    stat: tuple[int, int] | None = None,
) -> None:
    """One row per file in ops.pack_files (its latest outcome) and a line in ops.load_log.

    `sha256` None: the one recorded for the pack (raw, quarantine or stage). `stat` is the
    (size, mtime_ns) the file had when read; without it, the stat recorded for the same bytes
    before is kept."""
    _record_files(con, [(file_name, pack_id, status, message, sha256, parser_version, stat)])


_FILE_RECORD_SCHEMA = {
    "ordinal": pl.Int64,
    "file_name": pl.String,
    "pack_id": pl.String,
    "status": pl.String,
    "message": pl.String,
    "sha256": pl.String,
    "parser_version": pl.String,
    "has_stat": pl.Boolean,
    "file_size": pl.Int64,
    "file_mtime_ns": pl.Int64,
}


def _record_files(con, records: Sequence[tuple]) -> None:
    """`_record_file` for many files, each record (file_name, pack_id, status, message, sha256,
    parser_version, stat): four SQL statements for a whole batch, not five a file (5 ms a file,
    so seconds of a 1,000-pack load)."""
    if not records:
        return
    from ingest.parse import PARSER_VERSION

    rows = [
        (i, f, p, st, m, sha, PARSER_VERSION if version is None else version, stat is not None)
        + tuple(stat or (None, None))
        for i, (f, p, st, m, sha, version, stat) in enumerate(records)
    ]
    given = pl.DataFrame(rows, schema=_FILE_RECORD_SCHEMA, orient="row").to_arrow()
    con.register("_files_to_record", given)
    try:
        resolved = con.sql(_RESOLVE_FILE_RECORDS).to_arrow_table()
    finally:
        con.unregister("_files_to_record")
    con.register("_files_recorded", resolved)
    try:
        con.execute(
            "DELETE FROM ops.pack_files WHERE file_name IN (SELECT file_name FROM _files_recorded)"
        )
        con.execute(
            "INSERT INTO ops.pack_files (file_name, pack_id, sha256, status, message, updated_at, "
            "parser_version, file_size, file_mtime_ns) SELECT file_name, pack_id, sha256, status, "
            "message, $now, parser_version, file_size, file_mtime_ns FROM _files_recorded "
            # a file recorded twice keeps its last outcome, as one record after the other would
            "QUALIFY ordinal = max(ordinal) OVER (PARTITION BY file_name) ORDER BY ordinal",
            {"now": _now()},
        )
        con.execute(
            "INSERT INTO ops.load_log SELECT NULL, file_name, pack_id, sha256, status, message, "
            "$now FROM _files_recorded ORDER BY ordinal",
            {"now": _now()},
        )
    finally:
        con.unregister("_files_recorded")


_RESOLVE_FILE_RECORDS = """
WITH held AS (  -- the sha256 of each pack, wherever its rows are
    SELECT pack_id, any_value(sha256) AS sha256 FROM (
        SELECT pack_id, sha256 FROM raw.packs UNION ALL
        SELECT pack_id, sha256 FROM quarantine.packs UNION ALL
        SELECT pack_id, sha256 FROM stage.packs
    ) WHERE pack_id IN (SELECT pack_id FROM _files_to_record WHERE sha256 IS NULL)
    GROUP BY pack_id
), given AS (
    SELECT g.* REPLACE (coalesce(g.sha256, h.sha256, '') AS sha256)
    FROM _files_to_record g LEFT JOIN held h USING (pack_id)
)
SELECT g.ordinal, g.file_name, g.pack_id, g.status, g.message, g.sha256, g.parser_version,
       CASE WHEN g.has_stat THEN g.file_size ELSE f.file_size END AS file_size,
       CASE WHEN g.has_stat THEN g.file_mtime_ns ELSE f.file_mtime_ns END AS file_mtime_ns
FROM given g
LEFT JOIN ops.pack_files f ON f.file_name = g.file_name AND f.sha256 = g.sha256
ORDER BY g.ordinal
"""


def _log(con, file_name, pack_id, sha256, status, message) -> None:
    con.execute(
        "INSERT INTO ops.load_log VALUES (NULL, ?, ?, ?, ?, ?, ?)",
        [file_name, pack_id, sha256, status, message, _now()],
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


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


def _delete_packs(con, schema: str, pack_ids: list[str]) -> None:
    """`_delete_pack` for many packs: one DELETE per table, only if the schema holds any."""
    held = con.execute(
        f"SELECT list(pack_id) FROM {schema}.packs WHERE list_contains(?, pack_id)",
        [list(pack_ids)],
    ).fetchone()[0]
    if not held:
        return
    for table in RAW_TABLES:
        con.execute(f"DELETE FROM {schema}.{table} WHERE list_contains(?, pack_id)", [held])


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
