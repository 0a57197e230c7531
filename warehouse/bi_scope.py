"""A keyed BI model computed over the rows of some keys only: what an incremental publish
copies into a table-published model (``bi.figures``, ``bi.facts``).

    scope_model(con, model, key, condition, catalog="work") -> "<scope>.bi.<name>"

The publish replaces the rows of the keys the changed packs print (``ChangedKeys.where``). Read
from the model's view in the working DB, DuckDB computed every row of the model before keeping
those: ``bi.figures`` reads its printings twice, so DuckDB materialises all of them (458,000 at
1,000 packs) and aggregates them whole; a filter on the model's output does not reach its
inputs. A keyed model computes the rows of one key from its inputs' rows of that key alone, and
a keyless row from its own pack (``bi_models.KEYED_BY``). So the same SQL over inputs cut down
to the rows the condition selects gives the same rows for those keys, from a few thousand
printings.

The scope is an in-memory database attached to the publish's connection: the model's view,
created there from the SQL the working DB holds (it names its inputs without a database, so it
reads the scope's), and each input: a table of the input's selected rows when the input is a
table holding the condition's columns, else a view of the whole input. The publish still copies
with the condition, so a row outside it is never copied. Create the scope before the publish's
transaction (one transaction writes one database) and ``drop_scope`` it after.
"""

from __future__ import annotations

from typing import Any

from warehouse import bi_models

SCOPE_PREFIX = "council_scope_"


def scope_name(model: bi_models.BiModel) -> str:
    return f"{SCOPE_PREFIX}{model.name}"


def scope_model(
    con,
    model: bi_models.BiModel,
    needs: set[str],
    condition: tuple[str, dict[str, Any]],
    catalog: str = "work",
) -> str | None:
    """Attach the model's scope and return the relation of its rows there; None when the
    manifest names no input of the model (the publish then reads the working DB's view).

    ``needs``: the columns ``condition`` reads; an input table having them all is cut down to
    the rows the condition selects, any other input is seen whole."""
    if not model.inputs:
        return None
    scope = scope_name(model)
    drop_scope(con, model)
    con.execute(f"ATTACH ':memory:' AS {scope}")
    tables = _tables_with_columns(con, catalog)
    for schema, name in model.inputs:
        if (schema, name) not in tables:
            continue  # an input the working DB does not hold: the view does not read it
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {scope}.{schema}")
        source = f"{catalog}.{schema}.{name}"
        columns, is_table = tables[(schema, name)]
        if is_table and needs <= columns:
            where, parameters = condition
            con.execute(
                f"CREATE TABLE {scope}.{schema}.{name} AS SELECT * FROM {source} WHERE {where}",
                parameters,
            )
        else:
            con.execute(f"CREATE VIEW {scope}.{schema}.{name} AS SELECT * FROM {source}")
    _create_view_in(con, scope, model)
    return f"{scope}.{bi_models.SCHEMA}.{model.name}"


def drop_scope(con, model: bi_models.BiModel) -> None:
    scope = scope_name(model)
    attached = con.execute("SELECT database_name FROM duckdb_databases()").fetchall()
    if (scope,) in attached:
        con.execute(f"DETACH {scope}")


def _tables_with_columns(con, catalog: str) -> dict[tuple[str, str], tuple[set[str], bool]]:
    """(schema, name) -> (its columns, whether it is a table) of every relation of ``catalog``."""
    rows = con.execute(
        "SELECT c.schema_name, c.table_name, list(c.column_name), "
        "bool_or(t.table_name IS NOT NULL) FROM duckdb_columns() AS c "
        "LEFT JOIN duckdb_tables() AS t ON t.database_name = c.database_name "
        "AND t.schema_name = c.schema_name AND t.table_name = c.table_name "
        "WHERE c.database_name = ? GROUP BY ALL",
        [catalog],
    ).fetchall()
    return {(schema, name): (set(columns), is_table) for schema, name, columns, is_table in rows}


def _create_view_in(con, scope: str, model: bi_models.BiModel) -> None:
    """The model's view in the scope, from its SQL (``CREATE VIEW bi.<name> AS ...``)."""
    current = con.execute("SELECT current_database()").fetchone()[0]
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {scope}.{bi_models.SCHEMA}")
    con.execute(f"USE {scope}")
    try:
        con.execute(model.sql)
    finally:
        con.execute(f"USE {current}")
