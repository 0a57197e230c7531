"""BI-friendly views (schema ``bi``) over the published marts, and consistency checks.

``bi.fact_citations`` is materialized as a table (every fact with its printed line, read often).

Each view has a description and a description of every column: they become ``COMMENT ON``s
in the published file, which BI tools (Superset, Metabase, DBeaver, Tableau) show. The views
themselves are defined in ``warehouse/bi_views.py``.

The fact tables are ``marts.fct_<domain>`` (complaints, decisions, placements, waiting_times);
each row carries ``pack_id``, ``document_id`` and ``source_line``, which the citation view joins
to the provenance tables.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str | Callable[[Any], str]  # SQL, or a function of the connection returning it
    columns: dict[str, str] = field(default_factory=dict)
    requires: tuple[str, ...] = ()  # relations ("schema.table") the view reads
    dynamic_columns: Callable[[Any], dict[str, str]] | None = None  # generated columns' docs
    # stored as a table in the published file: the file never changes once published, so a
    # relation that is costly to compute per query (a join with every printed line) is computed
    # once, at publish time
    materialized: bool = False


VIEWS: dict[str, View] = {}

FACT_TABLE_PREFIX = "fct_"
ID_COLUMNS = ("fact_id", "decision_id")


def register(view: View) -> View:
    VIEWS[view.name] = view
    return view


def relations(con) -> set[str]:
    rows = con.execute(
        "SELECT schema_name || '.' || table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() "
        "UNION SELECT schema_name || '.' || view_name FROM duckdb_views() "
        "WHERE database_name = current_database() AND NOT internal"
    ).fetchall()
    return {r[0] for r in rows}


def columns(con, qualified: str) -> list[str]:
    schema, table = qualified.split(".", 1)
    return [
        r[0]
        for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
            "AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [schema, table],
        ).fetchall()
    ]


def fact_tables(con) -> dict[str, str]:
    """domain -> published fact table (marts.fct_<domain>), in domain order."""
    prefix = "marts." + FACT_TABLE_PREFIX
    tables = sorted(r for r in relations(con) if r.startswith(prefix))
    return {t.removeprefix(prefix): t for t in tables}


def fact_id_column(con, table: str) -> str | None:
    names = columns(con, table)
    for name in ID_COLUMNS:
        if name in names:
            return name
    return next((c for c in names if c.endswith("_id")), None)


def facts_per_domain(con) -> dict[str, int]:
    return {
        domain: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for domain, table in fact_tables(con).items()
    }


def view_sql(con) -> dict[str, str]:
    """name -> SQL of every registered view whose inputs exist (in the file `con` is on)."""
    present = relations(con)
    return {
        view.name: (view.sql(con) if callable(view.sql) else view.sql)
        for view in VIEWS.values()
        if all(r in present for r in view.requires)
    }


def sql_hash(sql: str) -> str:
    return hashlib.md5(sql.encode("utf-8")).hexdigest()


def create_views(con) -> list[str]:
    """Create every registered view whose inputs exist; returns "bi.<name>" of those created."""
    created = []
    for name, sql in view_sql(con).items():
        kind = "TABLE" if VIEWS[name].materialized else "VIEW"
        con.execute(f"CREATE {kind} bi.{name} AS {sql}")
        created.append(f"bi.{name}")
    return created


def view_column_description(con, view: str, column: str) -> str | None:
    spec = VIEWS.get(view)
    if spec is None:
        return None
    if column in spec.columns:
        return spec.columns[column]
    if spec.dynamic_columns is not None:
        return spec.dynamic_columns(con).get(column)
    return None


def build_info(con) -> dict[str, Any]:
    row = con.execute("SELECT * FROM provenance.build_info").fetchone()
    names = [d[0] for d in con.description]
    return dict(zip(names, row, strict=True)) if row else {}


def consistency_problems(con) -> list[str]:
    """What is wrong with one snapshot of the published file (empty list: nothing).

    Everything is read through one connection, so it is one snapshot: the fact counts must
    match what the build recorded, per domain and in total, and every fact must have a citation.
    """
    problems = []
    info = build_info(con)
    live = facts_per_domain(con)
    if not live:
        return ["no fact table was published"]
    recorded = json.loads(info.get("facts_per_domain") or "{}")
    if live != recorded:
        problems.append(f"facts per domain {live} differ from build_info {recorded}")
    if sum(live.values()) != info.get("fact_count"):
        problems.append(
            f"{sum(live.values())} facts in the fact tables, build_info says "
            f"{info.get('fact_count')}"
        )
    if "bi.fact_citations" in relations(con):
        cited = dict(
            con.execute("SELECT domain, count(*) FROM bi.fact_citations GROUP BY 1").fetchall()
        )
        if cited != {d: n for d, n in live.items() if n}:
            problems.append(f"citations per domain {cited} differ from facts {live}")
        missing = con.execute(
            "SELECT count(*) FROM bi.fact_citations WHERE line_text IS NULL"
        ).fetchone()[0]
        if missing:
            problems.append(f"{missing} facts cite a line that is not in provenance.lines")
    return problems


from warehouse import bi_views  # noqa: E402,F401  (registers the views)
