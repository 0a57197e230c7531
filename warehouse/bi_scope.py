"""A keyed BI model computed over the rows of some keys only: what an incremental publish
copies into a table-published model (``bi.figures``, ``bi.facts``).

    scope_model(con, model, key, keys, changed) -> "<scope>.bi.<name>"

The publish replaces the rows of the keys the changed packs print (warehouse/changed_keys.py).
Read from the model's view in the working DB, DuckDB computed every row of the model before
keeping those: ``bi.figures`` reads its printings twice, so DuckDB materialises all of them
(458,000 at 1,000 packs) and aggregates them whole; a filter on the model's output does not
reach its inputs. A keyed model computes the rows of one key from its inputs' rows of that key
alone, and a keyless row from its own pack (``bi_models.KEYED_BY``). So the same SQL over
inputs cut down to those rows gives the same rows for them, from a few thousand printings.

The scope is an in-memory database attached to the publish's connection. It holds the keys and
packs (two small tables), the model's view, created there from the SQL the working DB holds (it
names its inputs without a database, so it reads the scope's), and a view of each input: of the
input's rows of those keys when it is a table holding the key column (and ``pack_id`` when
keyless rows are selected by pack), else of the whole input. Views, not copies: however many
keys a publish changes, nothing is held in memory that the model's view did not hold. The
publish still copies with its own condition, so a row outside it is never copied. Create the
scope before the publish's transaction (one transaction writes one database) and
``drop_scope`` it after.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from warehouse import bi_models, changed_keys
from warehouse.changed_keys import ChangedKeys

SCOPE_PREFIX = "council_scope_"


def scope_name(model: bi_models.BiModel) -> str:
    return f"{SCOPE_PREFIX}{model.name}"


def scope_model(
    con,
    model: bi_models.BiModel,
    key: str,
    keys: ChangedKeys,
    changed: Sequence[str] | None,
    catalog: str = "work",
) -> str | None:
    """Attach the model's scope and return the relation of its rows there; None when the
    manifest names no input of the model, or not every relation its SQL reads (the publish then
    reads the working DB's view).

    The rows kept of each input holding ``key`` are those the publish computes again
    (``changed_keys.condition``); ``changed``, the changed packs, is given when they are
    selected by ``pack_id`` (the input then needs one)."""
    if not model.inputs:
        return None
    scope = scope_name(model)
    drop_scope(con, model)
    con.execute(f"ATTACH ':memory:' AS {scope}")
    key_table, pack_table = f"{scope}.main.scope_keys", f"{scope}.main.scope_packs"
    con.execute(f"CREATE TABLE {key_table} AS SELECT unnest($values) AS k", {"values": keys.values})
    con.execute(
        f"CREATE TABLE {pack_table} AS SELECT unnest($packs::VARCHAR[]) AS p",
        {"packs": list(changed or [])},
    )
    condition = changed_keys.condition(
        '"' + key.replace('"', '""') + '"',
        f"(SELECT k FROM {key_table})",
        f"(SELECT p FROM {pack_table})" if changed is not None else None,
        with_null=str(bool(keys.with_null)).upper(),
    )
    needs = {key, "pack_id"} if changed is not None else {key}
    relations = _relations_with_columns(con, catalog)
    for schema, name in model.inputs:
        if (schema, name) not in relations:
            continue  # an input the working DB does not hold: the view does not read it
        columns, is_table = relations[(schema, name)]
        where = f" WHERE {condition}" if is_table and needs <= columns else ""
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {scope}.{schema}")
        con.execute(
            f"CREATE VIEW {scope}.{schema}.{name} AS SELECT * FROM {catalog}.{schema}.{name}{where}"
        )
    try:
        _create_view_in(con, scope, model)
    except duckdb.Error:  # it reads a relation the manifest does not name: read the working DB
        drop_scope(con, model)
        return None
    return f"{scope}.{bi_models.SCHEMA}.{model.name}"


def drop_scope(con, model: bi_models.BiModel) -> None:
    scope = scope_name(model)
    attached = con.execute("SELECT database_name FROM duckdb_databases()").fetchall()
    if (scope,) in attached:
        con.execute(f"DETACH {scope}")


def _relations_with_columns(con, catalog: str) -> dict[tuple[str, str], tuple[set[str], bool]]:
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
