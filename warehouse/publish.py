"""Publish the BI warehouse: build a fresh file from the working DB, then swap it in atomically.

    publish(work_db, warehouse_dir) -> PublishResult

1. A new DuckDB file is written next to the published one (``.council.duckdb.<pid>.tmp``): the
   marts and dq tables (schema ``marts``), the provenance a citation needs (schema
   ``provenance``: packs, documents, tables, lines, pack files, build info) and the BI models
   (schema ``bi``: dbt's views, from their SQL, see ``warehouse/bi_models.py``), with a comment
   on every table, view and column.
2. The file is checked (every view answers, every column has a description), checkpointed,
   closed and fsynced.
3. ``os.replace`` moves it over ``council.duckdb`` and the folder is fsynced.

Why this is safe for readers: ``os.replace`` swaps the directory entry in one step. A reader
that already has the old file open keeps reading the old inode (a consistent snapshot) until it
closes; a reader that opens the path afterwards gets the new file whole. No reader ever sees a
half-built file, and the pipeline never opens the published file for writing, so it never holds
a lock that would shut a BI tool out. A crash at any point before the replace leaves the
previous ``council.duckdb`` untouched (the stale temp file is removed by the next publish).

Nothing from stage/raw/staging/intermediate/ops is published except the provenance copies.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ingest.raw_contract import PUBLISHED_TABLES
from ingest.store import memory_limit
from warehouse import (
    bi,
    bi_models,
    bi_scope,
    descriptions,
    published_extras,
    row_sync,
    settings,
)
from warehouse.changed_keys import ChangedKeys

PUBLISHED_NAME = settings.PUBLISHED_NAME
PUBLISHED_SCHEMAS = ("marts", "bi", "provenance")
MART_SOURCE_SCHEMAS = ("marts", "dq")
"""Schemas of the working DB whose tables are published into ``marts``."""

PROVENANCE_TABLES: dict[str, tuple[str, str]] = {
    name: tuple(spec["source"]) for name, spec in PUBLISHED_TABLES.items()
}
"""Published provenance table -> its (schema, table) in the working DB."""

STORAGE_VERSION = "v1.0.0"
"""Written in the oldest storage format the features need, so older DuckDB builds in BI
drivers (Metabase, DBeaver, ODBC) can still read the file."""

FAULT_ENV = "COUNCIL_FAULT_POINT"
"""Tests set this to a point name below to kill the process there (crash-safety tests)."""


class PublishError(RuntimeError):
    """The new warehouse could not be built or failed its checks; nothing was replaced."""


class Stages(dict):
    """Seconds spent in each stage of a publish (``PublishResult.stage_seconds``)."""

    @contextlib.contextmanager
    def timed(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = round(self.get(name, 0.0) + time.perf_counter() - started, 3)


@dataclass
class PublishResult:
    path: Path
    published_at: str
    bytes: int
    tables: dict[str, int] = field(default_factory=dict)  # "schema.table" -> rows
    views: list[str] = field(default_factory=list)
    facts_per_domain: dict[str, int] = field(default_factory=dict)
    packs_per_council: dict[str, int] = field(default_factory=dict)
    fact_count: int = 0
    pack_count: int = 0
    undocumented: list[str] = field(default_factory=list)  # columns described only generically
    seconds: float = 0.0
    extras: dict[str, Any] = field(default_factory=dict)  # Parquet, catalogue (published_extras)
    replaced_published_at: str | None = None  # of the file an incremental publish updated
    stage_seconds: dict[str, float] = field(default_factory=dict)  # where the time went

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def published_path(warehouse_dir: Path | str) -> Path:
    return settings.published_db(warehouse_dir)


def publish(
    work_db: Path | str,
    warehouse_dir: Path | str,
    *,
    changed_packs: Sequence[str] | None = None,
    per_pack: Iterable[tuple[str, str]] = (),
) -> PublishResult:
    """Build the BI warehouse from ``work_db`` and atomically replace ``council.duckdb``.

    With ``changed_packs`` (the packs loaded, replaced or removed since the last publish) and
    ``per_pack`` (the work-DB relations whose rows belong to one pack each), the new file is a
    copy of the published one with only those packs' rows replaced and the cross-pack tables
    rebuilt: what a full build would write, in a fraction of the time. Without them, or when
    the published file's tables do not match the working DB's (a model changed), the file is
    built whole."""
    started = time.perf_counter()
    work_db = Path(work_db).resolve()
    warehouse_dir = Path(warehouse_dir).resolve()
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    if not work_db.exists():
        raise PublishError(f"no working database at {work_db}: build it first")
    target = published_path(warehouse_dir)
    _fault("publish:start")
    remove_stale_temp_files(warehouse_dir)
    tmp = warehouse_dir / f".{PUBLISHED_NAME}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    stages = Stages()
    try:
        result = None
        if changed_packs is not None and target.exists():
            result = _update(work_db, target, tmp, list(changed_packs), set(per_pack), stages)
        if result is None:
            _remove(tmp)
            with stages.timed("build whole file"):
                result = _build(work_db, tmp)
        _fault("publish:after_temp_written")
        with stages.timed("flush to disk and swap"):
            _fsync(tmp)
            os.replace(tmp, target)
            _fsync_dir(warehouse_dir)
    except BaseException:
        _remove(tmp)
        raise
    _fault("publish:after_replace")
    reuse = None
    if changed_packs is not None and result.replaced_published_at is not None:
        reuse = published_extras.Reuse(list(changed_packs), result.replaced_published_at)
    with stages.timed("parquet and catalogue"):
        result.extras = published_extras.write_extras(
            work_db, target, warehouse_dir, whole=changed_packs is None, reuse=reuse
        )
    result.stage_seconds = dict(stages)
    result.path = target
    result.bytes = target.stat().st_size
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def remove_stale_temp_files(warehouse_dir: Path) -> list[Path]:
    """Temp files of publishes that crashed (their process is gone)."""
    removed = []
    for path in warehouse_dir.glob(f".{PUBLISHED_NAME}.*.tmp*"):
        match = re.match(rf"\.{re.escape(PUBLISHED_NAME)}\.(\d+)\.", path.name)
        if match and _pid_alive(int(match.group(1))) and int(match.group(1)) != os.getpid():
            continue
        _remove(path)
        removed.append(path)
    return removed


# --------------------------------------------------------------------------- building


def _published_relations(con) -> dict[str, tuple[str, str]]:
    """ "schema.table" in the published file -> its (schema, table) in the working DB."""
    published: dict[str, tuple[str, str]] = {}
    models = descriptions.dbt_model_relations()
    for source_schema in MART_SOURCE_SCHEMAS:
        for name in _relations(con, "work", source_schema):
            if (source_schema, name) not in models:
                continue  # dbt's store_failures tables, a model since removed: not for BI
            target_name = name if name not in {n for _, n in published.values()} else None
            target_name = target_name or f"{source_schema}_{name}"
            published[f"marts.{target_name}"] = (source_schema, name)
    for name, source in PROVENANCE_TABLES.items():
        if _relation_exists(con, "work", *source):
            published[f"provenance.{name}"] = source
    return published


def _build(work_db: Path, tmp: Path) -> PublishResult:
    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit = '{memory_limit()}'")
    try:
        con.execute(f"ATTACH '{_sql_path(tmp)}' AS pub (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute(f"ATTACH '{_sql_path(work_db)}' AS work (READ_ONLY)")
        catalog = descriptions.Catalog.from_work_db(con, "work")
        con.execute("USE pub")
        for schema in PUBLISHED_SCHEMAS:
            con.execute(f"CREATE SCHEMA {schema}")
        published = _published_relations(con)

        tables: dict[str, int] = {}
        for qualified, (schema, name) in published.items():
            if not _relation_exists(con, "work", schema, name):
                continue
            con.execute(f"CREATE TABLE {qualified} AS SELECT * FROM work.{schema}.{name}")
            tables[qualified] = con.execute(f"SELECT count(*) FROM {qualified}").fetchone()[0]

        _write_build_info(con, tables)
        tables["provenance.build_info"] = 1
        models = bi_models.bi_models(con, "work")
        for model in models:
            bi_models.create(con, model, "work")
        views = [model.qualified for model in models]
        _record_view_hashes(con, models)
        con.execute("DETACH work")

        undocumented = _comment_everything(con, published, catalog)
        _check_published(con, views)
        result = _summarise(con, tables, views, undocumented)
        con.execute("CHECKPOINT pub")
        con.execute("USE memory")
        con.execute("DETACH pub")
        return result
    finally:
        con.close()


class _NotIncremental(Exception):
    """The published file cannot be updated in place: build it whole."""


PACK_PROVENANCE = {("raw", "packs"), ("raw", "documents"), ("raw", "tables"), ("raw", "lines")}

MARTS_KEYED_BY: dict[str, str] = {"marts.dq_findings": "figure_key"}
"""Published cross-pack tables whose every row is either one pack's own (its ``pack_id``, no
key: a pack's finding depends on that pack alone) or computed from the printings of one value of
a key the pack rows carry (a conflict between two packs' printings of one ``figure_key``). An
incremental publish replaces the keyless rows of the changed packs and the rows of the keys
they print, before or after (as dbt's incremental run of the model does), not the whole
table."""


def _update(
    work_db: Path,
    target: Path,
    tmp: Path,
    changed: list[str],
    per_pack: set[tuple[str, str]],
    stages: Stages,
) -> PublishResult | None:
    """A copy of the published file with the changed packs' rows replaced, the cross-pack
    tables and the views rebuilt; None when the copy's tables differ from the working DB's."""
    with stages.timed("copy published file"):
        shutil.copyfile(target, tmp)
    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit = '{memory_limit()}'")
    try:
        con.execute(f"ATTACH '{_sql_path(tmp)}' AS pub")
        con.execute(f"ATTACH '{_sql_path(work_db)}' AS work (READ_ONLY)")
        catalog = descriptions.Catalog.from_work_db(con, "work")
        published = _published_relations(con)
        _same_tables_or_raise(con, published)
        con.execute("USE pub")
        previous = _view_hashes(con)
        models = bi_models.bi_models(con, "work")
        keyed_by = {m.name: bi_models.KEYED_BY.get(m.name) for m in models}
        keyed_by = {name: key for name, key in keyed_by.items() if key is not None}
        keyed_by |= {name: key for name, key in MARTS_KEYED_BY.items() if name in published}
        keys = _changed_keys(con, published, per_pack, changed, keyed_by)  # before rows change
        sources = _scope_keyed_models(con, models, keys, changed)  # before: it writes the scopes
        con.execute("BEGIN TRANSACTION")
        with stages.timed("replace rows of the changed packs"):
            tables = _replace_rows(con, published, per_pack | PACK_PROVENANCE, changed, keys)
        replaced_at = con.execute("SELECT published_at FROM provenance.build_info").fetchone()
        con.execute("DROP TABLE provenance.build_info")
        _write_build_info(con, tables)
        tables["provenance.build_info"] = 1
        with stages.timed("refresh BI models"):
            views, recreated = _refresh_views(con, changed, previous, models, keys, sources)
        _record_view_hashes(con, models)
        con.execute("COMMIT")
        for model in models:
            bi_scope.drop_scope(con, model)
        con.execute("DETACH work")
        relations = {*recreated, "provenance.build_info"}
        undocumented = _comment_everything(con, published, catalog, only=relations)
        _check_published(con, _views_to_probe(models, recreated))
        result = _summarise(con, tables, views, undocumented)
        result.replaced_published_at = replaced_at[0].isoformat() if replaced_at else None
        with stages.timed("checkpoint"):
            con.execute("CHECKPOINT pub")
        con.execute("USE memory")
        con.execute("DETACH pub")
        return result
    except _NotIncremental:
        return None
    finally:
        con.close()


def _replace_rows(
    con,
    published: Mapping[str, tuple[str, str]],
    per_pack: set[tuple[str, str]],
    changed: list[str],
    keys: Mapping[str, ChangedKeys],
) -> dict[str, int]:
    """In each published table, from the working DB: the changed packs' rows (a per-pack
    relation), those and the rows of the keys they print (``MARTS_KEYED_BY``), or all rows (one
    across packs: refilled whole, the table and its comments stay). Returns each one's rows."""
    tables: dict[str, int] = {}
    for qualified, (schema, name) in published.items():
        source = f"work.{schema}.{name}"
        if (schema, name) in per_pack:
            _copy_rows(con, qualified, source, _of_changed_packs(changed))
        elif qualified in MARTS_KEYED_BY and qualified in keys:
            where = keys[qualified].where(_ident(MARTS_KEYED_BY[qualified]), changed)
            _copy_keyed_rows(con, qualified, source, where)
        else:
            _copy_rows(con, qualified, source, None)
        tables[qualified] = con.execute(f"SELECT count(*) FROM {qualified}").fetchone()[0]
    return tables


def _of_changed_packs(changed: list[str]) -> tuple[str, dict[str, Any]]:
    """The condition (and its parameters) selecting the rows of the changed packs."""
    return "list_contains($changed, pack_id)", {"changed": changed}


def _copy_rows(con, qualified: str, source: str, rows: tuple[str, dict] | None) -> None:
    """Replace the rows of ``qualified`` that ``rows`` (a condition and its parameters) selects
    with those of ``source`` it selects; all of them when ``rows`` is None."""
    where, parameters = rows if rows is not None else ("true", {})
    con.execute(f"DELETE FROM {qualified} WHERE {where}", parameters)
    con.execute(f"INSERT INTO {qualified} SELECT * FROM {source} WHERE {where}", parameters)


def _copy_keyed_rows(con, qualified: str, source: str, rows: tuple[str, dict]) -> None:
    """``_copy_rows`` for the rows of the changed keys, most of which come out as they were: in
    a table of more than one row group only the rows that differ are replaced
    (``row_sync.py``: replacing them all makes DuckDB's checkpoint write the table again)."""
    if row_sync.worth_syncing(con, qualified):
        row_sync.sync_rows(con, qualified, source, *rows)
    else:
        _copy_rows(con, qualified, source, rows)


def _same_tables_or_raise(con, published: Mapping[str, tuple[str, str]]) -> None:
    """The copy must hold exactly the tables the working DB would publish, column for column."""
    columns = {
        (db, schema, table): cols
        for db, schema, table, cols in con.execute(
            "SELECT database_name, schema_name, table_name, "
            "list(column_name || ' ' || data_type ORDER BY column_index) FROM duckdb_columns() "
            "WHERE database_name IN ('pub', 'work') GROUP BY ALL"
        ).fetchall()
    }
    have = {
        f"{schema}.{table}"
        for db, schema, table in columns
        if db == "pub" and schema in ("marts", "provenance")
    } - {"provenance.build_info"}
    have &= {
        f"{s}.{t}"
        for s, t in con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'pub'"
        ).fetchall()
    }
    if have != set(published):
        raise _NotIncremental(f"tables differ: {sorted(have ^ set(published))}")
    for qualified, (schema, name) in published.items():
        if columns.get(("pub", *qualified.split("."))) != columns.get(("work", schema, name)):
            raise _NotIncremental(f"{qualified} changed its columns")


def _changed_keys(
    con,
    published: Mapping[str, tuple[str, str]],
    per_pack: set[tuple[str, str]],
    changed: list[str],
    wanted: Mapping[str, str],
) -> dict[str, ChangedKeys]:
    """name -> the values of its key column (``wanted``: a BI model's ``bi_models.KEYED_BY``,
    a mart's ``MARTS_KEYED_BY``) that the changed packs' rows hold, in the published copy
    (before) or in the working DB (after)."""
    if not wanted:
        return {}
    having = {
        (db, schema, table, column)
        for db, schema, table, column in con.execute(
            "SELECT database_name, schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE database_name IN ('pub', 'work') AND list_contains(?, column_name)",
            [sorted(set(wanted.values()))],
        ).fetchall()
    }
    keys: dict[str, ChangedKeys] = {}
    for name_keyed, column in wanted.items():
        selects = []
        for qualified, (schema, name) in published.items():
            pub_schema, pub_name = qualified.split(".")
            if (schema, name) not in per_pack:
                continue
            for db, s, t in (("pub", pub_schema, pub_name), ("work", schema, name)):
                if (db, s, t, column) in having:
                    selects.append(
                        f"SELECT {_ident(column)} AS k FROM {db}.{s}.{t} "
                        "WHERE list_contains($changed, pack_id)"
                    )
        if selects:
            values, with_null = con.execute(
                f"SELECT coalesce(list(DISTINCT k) FILTER (WHERE k IS NOT NULL), []), "
                f"coalesce(bool_or(k IS NULL), false) FROM ({' UNION ALL '.join(selects)})",
                {"changed": changed},
            ).fetchone()
            keys[name_keyed] = ChangedKeys(values, with_null)
    return keys


def _scope_keyed_models(
    con, models: list[bi_models.BiModel], keys: Mapping[str, ChangedKeys], changed: list[str]
) -> dict[str, str]:
    """name -> where to read the rows of the changed keys of each table-published keyed model
    the published file holds: the model computed over those keys' input rows alone
    (warehouse/bi_scope.py), not its view over every row of the working DB."""
    present = bi.relations(con)
    sources = {}
    for model in models:
        key = bi_models.KEYED_BY.get(model.name)
        wanted = model.published_as == "table" and model.name in keys
        if not wanted or model.qualified not in present:
            continue
        columns = bi.columns(con, model.qualified)
        if key not in columns:
            continue
        of_packs = changed if "pack_id" in columns else None
        source = bi_scope.scope_model(con, model, key, keys[model.name], of_packs)
        if source is not None:
            sources[model.name] = source
    return sources


def _refresh_views(
    con,
    changed: list[str],
    previous: dict[str, str],
    models: list[bi_models.BiModel],
    keys: Mapping[str, ChangedKeys],
    sources: Mapping[str, str] | None = None,
) -> tuple[list[str], list[str]]:
    """Bring the BI models up to date; returns (every one, those created anew).

    A model whose SQL is what it was (its hash in build_info) is kept, comments and all. One
    published as a table of one row per fact (fact_citations) has the changed packs' rows
    replaced; one keyed by a value the pack rows carry (figures, facts: ``bi_models.KEYED_BY``) has
    the rows of the changed packs' keys (``keys``) computed again, read from ``sources`` (the
    model over those keys' rows alone) where it names one; any other that spans packs
    is refilled whole. A model whose SQL changed (its pivot columns follow the data) is created
    again; one that is no model any more is dropped."""
    present = bi.relations(con)
    tables = {
        f"{schema}.{name}"
        for schema, name in con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() "
            "WHERE database_name = current_database()"
        ).fetchall()
    }
    views, recreated = [], []
    for model in models:
        qualified = model.qualified
        source = f"work.{qualified}"
        same = (
            qualified in present
            and previous.get(model.name) == model.sql_hash
            and (qualified in tables) == (model.published_as == "table")
        )
        columns = bi.columns(con, qualified) if same else []
        key = bi_models.KEYED_BY.get(model.name)
        if model.published_as == "table" and same and key in columns and model.name in keys:
            of_packs = changed if "pack_id" in columns else None
            source = (sources or {}).get(model.name, source)
            _copy_keyed_rows(con, qualified, source, keys[model.name].where(_ident(key), of_packs))
        elif model.published_as == "table" and same and key is None and "pack_id" in columns:
            _copy_rows(con, qualified, source, _of_changed_packs(changed))
        elif model.published_as == "table" and same:
            _copy_rows(con, qualified, source, None)
        elif not same:
            bi_models.create(con, model, "work", replace=True)
            recreated.append(qualified)
        views.append(qualified)
    for gone in sorted(r for r in present if r.startswith("bi.") and r not in views):
        bi_models.drop(con, gone)
    return views, recreated


def _view_hashes(con) -> dict[str, str]:
    """The SQL hash of every BI model when the file was published (build_info); none for a file
    published before they were recorded (its models are then all created again)."""
    if "view_sql_hashes" not in bi.columns(con, "provenance.build_info"):
        return {}
    row = con.execute("SELECT view_sql_hashes FROM provenance.build_info").fetchone()
    return json.loads(row[0]) if row and row[0] else {}


def _record_view_hashes(con, models: list[bi_models.BiModel]) -> None:
    hashes = {model.name: model.sql_hash for model in models}
    con.execute("UPDATE provenance.build_info SET view_sql_hashes = ?", [json.dumps(hashes)])


def _relations(con, catalog: str, schema: str) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? "
        "UNION SELECT view_name FROM duckdb_views() WHERE database_name = ? AND schema_name = ? "
        "AND NOT internal ORDER BY 1",
        [catalog, schema, catalog, schema],
    ).fetchall()
    return [r[0] for r in rows]


def _relation_exists(con, catalog: str, schema: str, name: str) -> bool:
    return name in _relations(con, catalog, schema)


def _write_build_info(con, tables: Mapping[str, int]) -> None:
    per_domain = bi.facts_per_domain(con)
    status = {}
    if "provenance.pack_files" in tables:
        status = dict(
            con.execute(
                "SELECT status, count(*) FROM provenance.pack_files GROUP BY 1 ORDER BY 1"
            ).fetchall()
        )
    con.execute(
        """
        CREATE TABLE provenance.build_info AS SELECT
            ?::TIMESTAMP AS published_at,
            ?::VARCHAR[] AS fact_tables,
            ?::BIGINT AS fact_count,
            ?::JSON AS facts_per_domain,
            ?::BIGINT AS pack_count,
            ?::JSON AS pack_files_by_status,
            ?::JSON AS table_rows,
            NULL::JSON AS view_sql_hashes
        """,
        [
            dt.datetime.now(dt.UTC).replace(tzinfo=None),
            list(bi.fact_tables(con).values()),
            sum(per_domain.values()),
            json.dumps(per_domain),
            tables.get("provenance.packs", 0),
            json.dumps(status),
            json.dumps(dict(tables)),
        ],
    )


def _comment_everything(
    con,
    published: Mapping[str, tuple[str, str]],
    catalog: descriptions.Catalog,
    only: set[str] | None = None,
) -> list[str]:
    """COMMENT ON every table, view and column (or only those of the relations in `only`);
    returns the columns only described generically. One transaction: each statement alone
    would be a commit of its own (hundreds of write-ahead-log flushes)."""
    con.execute("BEGIN TRANSACTION")
    try:
        undocumented = _comment(con, published, catalog, only)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return undocumented


def _comment(
    con,
    published: Mapping[str, tuple[str, str]],
    catalog: descriptions.Catalog,
    only: set[str] | None,
) -> list[str]:
    undocumented: list[str] = []
    columns = [
        (s, t, c)
        for s, t, c in con.execute(
            "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = 'pub' ORDER BY schema_name, table_name, column_index"
        ).fetchall()
        if only is None or f"{s}.{t}" in only
    ]
    relations = sorted({(s, t) for s, t, _ in columns})
    kinds = {
        (s, t): "VIEW"
        for s, t in con.execute(
            "SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = 'pub'"
        ).fetchall()
    }
    for schema, table in relations:
        source = _described_as(published, schema, table)
        text = catalog.table(source) if source else None
        text = text or descriptions.published_table(schema, table)
        kind = kinds.get((schema, table), "TABLE")
        con.execute(f"COMMENT ON {kind} {schema}.{table} IS {_lit(text)}")
    for schema, table, column in columns:
        source = _described_as(published, schema, table)
        text = catalog.column(source, column) if source else None
        text = text or descriptions.published_column(schema, table, column)
        if not text:
            undocumented.append(f"{schema}.{table}.{column}")
            text = descriptions.generic_column(column)
        con.execute(f"COMMENT ON COLUMN {schema}.{table}.{_ident(column)} IS {_lit(text)}")
    return undocumented


def _described_as(
    published: Mapping[str, tuple[str, str]], schema: str, table: str
) -> tuple[str, str] | None:
    """The working-DB relation whose descriptions a published one takes: a BI model is the
    relation of the same name (its dbt model's yml, and the comments it writes itself)."""
    if schema == bi_models.SCHEMA:
        return (schema, table)
    return published.get(f"{schema}.{table}")


def _views_to_probe(models: list[bi_models.BiModel], recreated: list[str]) -> list[str]:
    """The BI models an incremental publish must run once: those created anew and those whose
    SQL reads one of them. Every other one kept its SQL over tables whose columns did not change
    (``_same_tables_or_raise``), so it binds as it did when it was last published; running it
    would compute it whole (a window over every fact of 10,000 packs, seconds) for one row."""
    names = {qualified.split(".", 1)[1] for qualified in recreated}
    return [
        model.qualified
        for model in models
        if model.name in names or any(re.search(rf"\b{re.escape(n)}\b", model.sql) for n in names)
    ]


def _check_published(con, views: Iterable[str]) -> None:
    for view in views:
        try:
            con.execute(f"SELECT * FROM {view} LIMIT 1").fetchall()
        except duckdb.Error as error:
            raise PublishError(f"view {view} does not answer: {error}") from error
    missing = con.execute(
        "SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE database_name = 'pub' AND (comment IS NULL OR trim(comment) = '')"
    ).fetchall()
    if missing:
        raise PublishError(f"columns without a description: {[m[0] for m in missing][:20]}")
    leaked = con.execute(
        "SELECT DISTINCT schema_name FROM duckdb_tables() WHERE database_name = 'pub' "
        "AND schema_name NOT IN ('marts', 'bi', 'provenance')"
    ).fetchall()
    if leaked:
        raise PublishError(f"unexpected schemas in the published file: {leaked}")


def _summarise(con, tables, views, undocumented) -> PublishResult:
    info = con.execute(
        "SELECT published_at, fact_count, facts_per_domain, pack_count FROM provenance.build_info"
    ).fetchone()
    councils: dict[str, int] = {}
    if "provenance.packs" in tables:
        councils = dict(
            con.execute(
                "SELECT coalesce(council, '(unknown)'), count(*) FROM provenance.packs "
                "GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        )
    return PublishResult(
        path=Path(),
        published_at=info[0].isoformat(timespec="seconds"),
        bytes=0,
        tables=dict(tables),
        views=list(views),
        facts_per_domain=json.loads(info[2]) if info[2] else {},
        packs_per_council=councils,
        fact_count=int(info[1] or 0),
        pack_count=int(info[3] or 0),
        undocumented=undocumented,
    )


# --------------------------------------------------------------------------- helpers


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fault(point: str) -> None:
    """Kill this process at a named point when a crash test asks for it."""
    wanted = os.environ.get(FAULT_ENV)
    if wanted == point:
        os.kill(os.getpid(), signal.SIGKILL)
    if wanted == point + ":raise":
        raise PublishError(f"fault injected at {point}")
