"""What needs loading and publishing: decided here, once, for `make warehouse`, the sensors
and the schedule.

    plan = plan_work(packs_dir, work_db, published_db)
    plan.to_load        files new, changed, or read by an older parser
    plan.removed        files gone from the folder whose rows the warehouse still holds
    plan.publish_needed anything the published warehouse does not show yet

A file is loaded again only when its bytes or the parser changed since its last attempt,
whatever that attempt's outcome: a quarantined file is not retried (nor re-alerted) until it
changes, unless `retry_quarantined` is asked for. Files are hashed only when their size or
modification time moved since they were recorded.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from dagster import AssetKey

from dagster_project.resources import file_sha256, is_lock_error, list_pack_files

FULL_REFRESH_ENV = "COUNCIL_FULL_REFRESH"
"""Set to 1 to transform every pack again (the same rows as the incremental runs made)."""
HANDLED = ("promoted", "quarantined", "duplicate", "error")
"""Statuses of a file whose current bytes were already dealt with."""


@dataclass(frozen=True)
class PackFile:
    name: str
    sha256: str
    size: int
    mtime_ns: int


@dataclass
class Plan:
    files: list[PackFile] = field(default_factory=list)
    to_load: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # file -> new | changed | parser
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    queued: int = 0  # packs waiting in ops.publish_queue
    published: bool = False
    transform_changed: bool = False  # the dbt project changed since the last publish
    full_refresh_asked: bool = False  # COUNCIL_FULL_REFRESH=1 (make warehouse --full-refresh)

    @property
    def transforms_every_pack(self) -> bool:
        """The publish transforms every pack again: the first one, a changed dbt project, or
        a full refresh asked for."""
        return not self.published or self.transform_changed or self.full_refresh_asked

    @property
    def publish_needed(self) -> bool:
        return bool(self.to_load or self.removed or self.queued or self.transforms_every_pack)

    def describe(self) -> str:
        parts = [f"{len(self.files)} file(s)", f"{len(self.to_load)} to load"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        if self.queued:
            parts.append(f"{self.queued} pack(s) waiting to publish")
        if self.transform_changed:
            parts.append("dbt project changed: full refresh")
        elif self.full_refresh_asked:
            parts.append("full refresh asked for")
        return ", ".join(parts)


def publish_selection(plan: Plan, job_keys: Iterable[AssetKey]) -> list[AssetKey] | None:
    """The assets of publish_job (`job_keys`) this plan's publish builds: all (None) when it
    transforms every pack, otherwise all but the dbt nodes that change only with the dbt
    project (dbt_project.project_only_keys: seeds, views), which the last publish made and
    which would be made the same again (some 0.1 s of dbt's time each)."""
    if plan.transforms_every_pack:
        return None
    from dagster_project.dbt_project import project_only_keys

    unchanged = project_only_keys()
    return sorted(
        (key for key in job_keys if key not in unchanged),
        key=lambda key: key.to_user_string(),
    )


@dataclass(frozen=True)
class Recorded:
    sha256: str
    status: str
    parser_version: str | None
    size: int | None
    mtime_ns: int | None


def plan_work(
    packs_dir: Path | str,
    work_db: Path | str,
    published_db: Path | str,
    *,
    retry_quarantined: bool = False,
) -> Plan | None:
    """The plan, or None when the working DB is locked by a running load (try again)."""
    from ingest.parse import PARSER_VERSION

    try:
        with _read_only(Path(work_db)) as con:
            recorded = recorded_files(con)
            holders = files_in_raw(con)
            queued = queued_count(con)
            fingerprint = last_transform_fingerprint(con)
    except duckdb.Error as error:
        if is_lock_error(error):
            return None
        raise
    plan = Plan(queued=queued, published=Path(published_db).exists())
    plan.transform_changed = fingerprint is not None and fingerprint != transform_fingerprint()
    plan.full_refresh_asked = os.environ.get(FULL_REFRESH_ENV) == "1"
    for path in list_pack_files(packs_dir):
        pack = scan_file(path, recorded.get(path.name))
        plan.files.append(pack)
        reason = load_reason(pack, recorded.get(path.name), PARSER_VERSION, retry_quarantined)
        if reason:
            plan.to_load.append(pack.name)
            plan.reasons[pack.name] = reason
        else:
            plan.unchanged.append(pack.name)
    present = {pack.name for pack in plan.files}
    gone = {name for name, rec in recorded.items() if rec.status != "removed"} | holders
    plan.removed = sorted(gone - present)
    return plan


def scan_file(path: Path, recorded: Recorded | None) -> PackFile:
    """A file's identity; its recorded sha256 is reused while size and mtime are unchanged."""
    st = path.stat()
    if recorded and recorded.size == st.st_size and recorded.mtime_ns == st.st_mtime_ns:
        return PackFile(path.name, recorded.sha256, st.st_size, st.st_mtime_ns)
    return PackFile(path.name, file_sha256(path), st.st_size, st.st_mtime_ns)


def load_reason(
    pack: PackFile, recorded: Recorded | None, parser_version: str, retry_quarantined: bool
) -> str | None:
    """Why this file must be loaded now, or None."""
    if recorded is None or recorded.status == "removed":
        return "new"
    if recorded.sha256 != pack.sha256:
        return "changed"
    if recorded.status not in HANDLED:
        return "retry"
    if recorded.status == "quarantined" and retry_quarantined:
        return "retry"
    # a file the last parser loaded, quarantined or refused is read again by a newer one
    if (
        recorded.status in ("promoted", "quarantined", "error")
        and recorded.parser_version != parser_version
    ):
        return "parser"
    return None


def recorded_files(con) -> dict[str, Recorded]:
    if not _has_table(con, "ops", "pack_files"):
        return {}
    columns = {r[0] for r in con.execute("describe ops.pack_files").fetchall()}
    extra = (
        "parser_version, file_size, file_mtime_ns"
        if "file_mtime_ns" in columns
        else "null, null, null"
    )
    rows = con.execute(f"select file_name, sha256, status, {extra} from ops.pack_files")
    return {row[0]: Recorded(*row[1:]) for row in rows.fetchall()}


def files_in_raw(con) -> set[str]:
    """Files `raw.*` holds rows of."""
    if not _has_table(con, "raw", "packs"):
        return set()
    return {r[0] for r in con.execute("select distinct file_name from raw.packs").fetchall()}


def queued_count(con) -> int:
    if not _has_table(con, "ops", "publish_queue"):
        return 0
    sql = "select count(distinct pack_id) from ops.publish_queue where action <> 'supersede'"
    return con.execute(sql).fetchone()[0]


def last_transform_fingerprint(con) -> str | None:
    if not _has_table(con, "ops", "transform_state"):
        return None
    row = con.execute(
        "select fingerprint from ops.transform_state order by published_at desc limit 1"
    ).fetchone()
    return row[0] if row else None


def transform_fingerprint() -> str:
    """A hash of everything that decides what dbt makes of the raw rows (models, macros,
    seeds, project file): when it changes, every pack must be transformed again."""
    import hashlib

    from warehouse.settings import DBT_PROJECT_DIR

    root = DBT_PROJECT_DIR
    digest = hashlib.sha256()
    paths = [root / "dbt_project.yml"]
    for folder in ("models", "macros", "seeds"):
        paths += sorted(p for p in (root / folder).rglob("*") if p.is_file())
    for path in paths:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_ranges(
    partitions: Sequence[str], to_load: Sequence[str], max_per_run: int
) -> list[tuple[str, str]]:
    """Runs over contiguous partition ranges covering exactly the files to load, at most
    `max_per_run` partitions each (the assets' BackfillPolicy), in partition order."""
    wanted = set(to_load)
    ranges: list[tuple[str, str]] = []
    run: list[str] = []
    for key in partitions:
        if key in wanted and len(run) < max_per_run:
            run.append(key)
            continue
        if run:
            ranges.append((run[0], run[-1]))
        run = [key] if key in wanted else []
    if run:
        ranges.append((run[0], run[-1]))
    return ranges


@contextlib.contextmanager
def _read_only(work_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    if not work_db.exists():
        con = duckdb.connect(":memory:")
    else:
        con = duckdb.connect(str(work_db), read_only=True)
    try:
        yield con
    finally:
        con.close()


def _has_table(con, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )
