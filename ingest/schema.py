"""DDL of the raw layer: what ingest writes for every pack.

The tables, their columns and types are defined once, in contracts/raw.yml and
contracts/ops.yml; the DDL comes from ingest/raw_contract.py, generated from them
(`make contracts`). The same tables exist in three schemas of the working database:

* ``stage``      - a pack just extracted, waiting for its expectation gate;
* ``raw``        - packs that passed their gate: the dbt sources read only these;
* ``quarantine`` - packs that failed a blocking expectation, kept for inspection.

``ops`` holds the load log and the file -> pack index.
"""

from ingest.raw_contract import OPS_DDL, RAW_ADDED_COLUMNS, RAW_DDL, RAW_SCHEMAS

RAW_TABLES: dict[str, str] = RAW_DDL
"""Raw table -> the column list of its CREATE TABLE (in contract order)."""

PACK_SCHEMAS = RAW_SCHEMAS


def create_table_sql(schema: str, table: str) -> str:
    return f"CREATE TABLE IF NOT EXISTS {schema}.{table} ({RAW_TABLES[table]})"


def ensure_schemas(con) -> None:
    """Create every raw-layer schema and table if missing (idempotent)."""
    for schema in PACK_SCHEMAS:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for table in RAW_TABLES:
            con.execute(create_table_sql(schema, table))
            for column in RAW_ADDED_COLUMNS[table]:
                con.execute(f"ALTER TABLE {schema}.{table} ADD COLUMN IF NOT EXISTS {column}")
    con.execute(OPS_DDL)
