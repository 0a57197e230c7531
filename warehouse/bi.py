"""What the published ``bi`` schema and the fact tables hold, and consistency checks of one
published file: the fact tables per domain, the build's own record (provenance.build_info) and
whether the two agree with bi.fact_citations.

The BI views themselves are dbt models (dbt/models/bi), published by ``warehouse/publish.py``
through ``warehouse/bi_models.py``.

The fact tables are ``marts.fct_<domain>`` (complaints, decisions, placements, waiting_times);
each row carries ``pack_id``, ``document_id`` and ``source_line``, which the citation view joins
to the provenance tables.
"""

from __future__ import annotations

import json
from typing import Any

FACT_TABLE_PREFIX = "fct_"
ID_COLUMNS = ("fact_id", "decision_id")


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
