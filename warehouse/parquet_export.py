"""The published warehouse as Parquet, for engines that outgrow one DuckDB file.

    export_parquet(published_db, warehouse_dir) -> manifest (dict)

Writes ``$WAREHOUSE/parquet/`` from the published ``council.duckdb`` (read-only):

* ``marts/fct_<domain>/council=<GSS>/fy=<2017-18>/*.parquet``: the fact tables,
  hive-partitioned by reporting council and the fiscal year their period falls in (``fy``:
  the fact's ``fiscal_year``, else the fiscal year of its as-of, period-end, decision or
  meeting date; ``unknown`` when it has none). Read with hive partitioning, the partition
  columns ``council`` and ``fy`` come back beside the table's own columns;
* ``marts/<table>.parquet``: dimensions and every other mart, one file each;
* ``bi/<view>.parquet``: the BI views and tables, one file each;
* ``manifest.json``: every table with its path, row count, columns and types, partitioning,
  and the ``published_at`` of the DuckDB file it was written from.

DuckDB, polars (``scan_parquet(..., hive_partitioning=True)``), Spark, Trino / Hive and
BigQuery external tables read the folder as it is.

Swapped in atomically like ``council.duckdb``: each export is a new folder under
``parquet_versions/`` and ``parquet`` is a symbolic link moved onto it with one ``os.replace``,
so a reader resolves either the old export or the new one, whole. The previous export is kept
(a reader may still be scanning it); older ones are removed.

After an incremental publish (``Reuse``: the packs it changed, and the ``published_at`` of the
file it replaced) a fact table's partitions that hold no row of a changed pack, before or
after, are hard links to the previous export's files (the same bytes, never written again); only
the partitions a changed pack is in are written. That needs the previous export to be the one
of the replaced file (its manifest's ``source_published_at``); otherwise everything is written.
Exported files are never modified in place, so a shared inode is safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import urllib.parse
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse import settings

PARQUET_LINK = "parquet"
VERSIONS_DIR = "parquet_versions"
MANIFEST = "manifest.json"
EXPORTED_SCHEMAS = ("marts", "bi")
FACT_PREFIX = "fct_"
PARTITION_COLUMNS = ("council", "fy")
KEEP_VERSIONS = 2
DATE_COLUMNS = ("as_of_date", "period_end", "decision_date", "meeting_date")
"""Dates a fact's fiscal year is read from when it has no fiscal_year, first present wins."""


@dataclass(frozen=True)
class Reuse:
    """What an incremental publish changed: the export may keep the rest of the previous one."""

    changed_packs: Sequence[str]
    replaced_published_at: str | None  # build_info.published_at of the file it replaced


def parquet_dir(warehouse_dir: Path | str) -> Path:
    return Path(warehouse_dir) / PARQUET_LINK


def export_parquet(
    published_db: Path | str, warehouse_dir: Path | str, reuse: Reuse | None = None
) -> dict[str, Any]:
    """Write every mart and BI relation of ``published_db`` as Parquet and swap it in; with
    ``reuse``, the fact partitions no changed pack is in are linked from the previous export."""
    warehouse_dir = Path(warehouse_dir).resolve()
    versions = warehouse_dir / VERSIONS_DIR
    versions.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = versions / stamp
    tmp = versions / f".{stamp}.{uuid.uuid4().hex[:8]}.tmp"
    previous = _reusable_export(warehouse_dir, reuse)
    try:
        manifest = _write(Path(published_db), tmp, previous, reuse)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap_link(warehouse_dir / PARQUET_LINK, Path(VERSIONS_DIR) / stamp)
    _remove_old_versions(versions, keep=target)
    return manifest


# --------------------------------------------------------------------------- writing


def _reusable_export(warehouse_dir: Path, reuse: Reuse | None) -> Path | None:
    """The previous export's folder, when it was written from the file ``reuse`` replaced."""
    if reuse is None or reuse.replaced_published_at is None:
        return None
    link = warehouse_dir / PARQUET_LINK
    try:
        folder = link.resolve(strict=True)
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return folder if manifest.get("source_published_at") == reuse.replaced_published_at else None


def _write(
    published_db: Path, out: Path, previous: Path | None = None, reuse: Reuse | None = None
) -> dict[str, Any]:
    con = duckdb.connect(str(published_db), read_only=True)
    con.execute(f"SET memory_limit = '{settings.build_memory_limit()}'")  # not 80% of RAM as cache
    try:
        tables = {}
        for schema, name in _relations(con):
            qualified = f"{schema}.{name}"
            if schema == "marts" and name.startswith(FACT_PREFIX):
                old = previous / schema / name if previous is not None else None
                changed = reuse.changed_packs if reuse is not None else ()
                tables[qualified] = _write_partitioned(
                    con, qualified, out / schema / name, old, changed
                )
            else:
                tables[qualified] = _write_single(con, qualified, out / schema / f"{name}.parquet")
        manifest = {
            "format": "parquet",
            "published_at": _published_at(con),
            "source_published_at": _published_at(con, exact=True),
            "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "source": str(published_db),
            "read_with": {
                "duckdb": "SELECT * FROM read_parquet('parquet/marts/fct_complaints/**/*.parquet',"
                " hive_partitioning = true)",
                "polars": "pl.scan_parquet('parquet/marts/fct_complaints/**/*.parquet', "
                "hive_partitioning=True)",
            },
            "tables": tables,
        }
    finally:
        con.close()
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _relations(con) -> list[tuple[str, str]]:
    placeholders = ", ".join("?" for _ in EXPORTED_SCHEMAS)
    rows = con.execute(
        f"SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name IN ({placeholders})"
        f" UNION SELECT schema_name, view_name FROM duckdb_views() "
        f"WHERE NOT internal AND schema_name IN ({placeholders}) ORDER BY 1, 2",
        [*EXPORTED_SCHEMAS, *EXPORTED_SCHEMAS],
    ).fetchall()
    return [(s, t) for s, t in rows]


def _columns(con, qualified: str) -> list[dict[str, str]]:
    schema, name = qualified.split(".", 1)
    rows = con.execute(
        "SELECT column_name, data_type, comment FROM duckdb_columns() "
        "WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, name],
    ).fetchall()
    return [{"name": c, "type": t, "description": d or ""} for c, t, d in rows]


def _write_single(con, qualified: str, path: Path) -> dict[str, Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    # rows in no particular order (none is promised): DuckDB then writes the file with every
    # thread, not one (a 270 MB table of 10,000 packs in 2.0 s instead of 3.3)
    con.execute("SET preserve_insertion_order = false")
    try:
        con.execute(f"COPY (SELECT * FROM {qualified}) TO '{_sql_path(path)}' (FORMAT parquet)")
    finally:
        con.execute("RESET preserve_insertion_order")
    return {
        "path": str(path.relative_to(path.parents[1])),
        "rows": _parquet_rows(con, path),  # a view's count would compute the view again
        "columns": _columns(con, qualified),
        "partitioned_by": [],
    }


def _write_partitioned(
    con,
    qualified: str,
    folder: Path,
    previous: Path | None = None,
    changed_packs: Sequence[str] = (),
) -> dict[str, Any]:
    """The fact table hive-partitioned by (council, fy); with the ``previous`` export of it,
    only the partitions a changed pack is in are written, the others linked from there."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {c["name"] for c in _columns(con, qualified)}
    council = "reporting_council" if "reporting_council" in names else "NULL"
    partitioned = (
        f"SELECT *, coalesce({council}, 'unknown') AS council, "
        f"{_fiscal_year_expr(names)} AS fy FROM {qualified}"
    )
    if previous is not None and previous.is_dir() and "pack_id" in names:
        written = _partitions_of_packs(con, partitioned, previous, changed_packs)
        _copy_partitions(con, partitioned, folder, only=written)
        _link_partitions(previous, folder, keep_out=written)
        if _parquet_rows(con, folder) != _count(con, qualified):  # never publish a wrong set
            shutil.rmtree(folder)
            folder.mkdir(parents=True)
            _copy_partitions(con, partitioned, folder)
    else:
        _copy_partitions(con, partitioned, folder)
    columns = _columns(con, qualified)
    columns += [
        {"name": "council", "type": "VARCHAR", "description": "Partition: reporting council GSS"},
        {"name": "fy", "type": "VARCHAR", "description": "Partition: fiscal year, e.g. 2017-18"},
    ]
    return {
        "path": str(folder.relative_to(folder.parents[1])),
        "rows": _count(con, qualified),
        "columns": columns,
        "partitioned_by": list(PARTITION_COLUMNS),
        "files": sum(1 for _ in folder.rglob("*.parquet")),
    }


def _partitions_of_packs(con, partitioned: str, previous: Path, packs: Sequence[str]) -> list[str]:
    """'council/fy' of every partition holding a row of these packs, in the previous export
    (rows they had) or in the published file (rows they have)."""
    old = f"{_sql_path(previous)}/**/*.parquet"
    packs_literal = _list_literal(packs)
    rows = con.execute(
        f"SELECT DISTINCT council || '/' || fy FROM ({partitioned}) "
        f"WHERE list_contains({packs_literal}, pack_id) "
        f"UNION SELECT DISTINCT council || '/' || fy FROM read_parquet('{old}', "
        f"hive_partitioning = true, hive_types_autocast = false) "
        f"WHERE list_contains({packs_literal}, pack_id)"
    ).fetchall()
    return sorted(r[0] for r in rows)


def _copy_partitions(con, partitioned: str, folder: Path, only: Sequence[str] | None = None):
    """COPY the rows (of the partitions ``only``, 'council/fy') into hive partitions."""
    where = ""
    if only is not None:
        where = f" WHERE list_contains({_list_literal(only)}, council || '/' || fy)"
    con.execute(
        f"COPY (SELECT * FROM ({partitioned}){where}) "
        f"TO '{_sql_path(folder)}' (FORMAT parquet, PARTITION_BY (council, fy), "
        "OVERWRITE_OR_IGNORE)"
    )


def _link_partitions(previous: Path, folder: Path, keep_out: Sequence[str]) -> None:
    """Hard-link the files of the previous export's partitions that are not in ``keep_out``
    and were not written now (a partition folder is written or linked, never both)."""
    skip = set(keep_out)
    for council_dir in sorted(previous.glob("council=*")):
        for fy_dir in sorted(council_dir.glob("fy=*")):
            key = f"{_hive_value(council_dir.name)}/{_hive_value(fy_dir.name)}"
            into = folder / council_dir.name / fy_dir.name
            if key in skip or into.exists():
                continue
            into.mkdir(parents=True)
            for file in sorted(fy_dir.iterdir()):
                _link_or_copy(file, into / file.name)


def _hive_value(folder_name: str) -> str:
    return urllib.parse.unquote(folder_name.split("=", 1)[1])


def _parquet_rows(con, path: Path) -> int:
    """Rows of a Parquet file, or of every Parquet file under a folder (from their footers)."""
    if path.is_dir():
        if not any(path.rglob("*.parquet")):
            return 0
        path = path / "**" / "*.parquet"
    return int(con.execute(f"SELECT count(*) FROM read_parquet('{_sql_path(path)}')").fetchone()[0])


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def _list_literal(values: Sequence[str]) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]::VARCHAR[]"


def _fiscal_year_expr(columns: set[str]) -> str:
    """The fact's fiscal year as '2017-18' (hive paths cannot hold '2017/18'), else 'unknown'."""
    parts = []
    if "fiscal_year" in columns:
        parts.append("replace(fiscal_year::VARCHAR, '/', '-')")
    for name in DATE_COLUMNS:
        if name in columns:
            start = f"(year({name}) - CASE WHEN month({name}) < 4 THEN 1 ELSE 0 END)"
            parts.append(f"{start}::VARCHAR || '-' || lpad((({start} + 1) % 100)::VARCHAR, 2, '0')")
    parts.append("'unknown'")
    return "coalesce(" + ", ".join(parts) + ")"


def _count(con, qualified: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {qualified}").fetchone()[0])


def _published_at(con, *, exact: bool = False) -> str | None:
    with contextlib.suppress(duckdb.Error):
        row = con.execute("SELECT published_at FROM provenance.build_info").fetchone()
        if not row:
            return None
        return row[0].isoformat() if exact else row[0].isoformat(timespec="seconds")
    return None


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


# --------------------------------------------------------------------------- the atomic swap


def _swap_link(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` (relative) in one ``os.replace``."""
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a plain folder left by an older layout
    tmp_link = link.with_name(f".{link.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.link")
    os.symlink(target, tmp_link, target_is_directory=True)
    try:
        os.replace(tmp_link, link)
    except BaseException:
        tmp_link.unlink(missing_ok=True)
        raise


def _remove_old_versions(versions: Path, keep: Path) -> None:
    done = sorted(p for p in versions.iterdir() if not p.name.startswith("."))
    for old in done[: max(0, len(done) - KEEP_VERSIONS)]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in versions.glob(".*.tmp"):  # exports that crashed (one publisher at a time)
        shutil.rmtree(stale, ignore_errors=True)
