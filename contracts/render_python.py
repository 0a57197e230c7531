"""Python modules generated from the contracts: the raw DDL and column lists, the polars
schemas, the pack gate's expectations on single raw columns, and the parameters of the fact and
warehouse gates."""

from __future__ import annotations

from contracts.model import Column, Contracts, GateCheck, Table

POLARS_TYPES = {
    "VARCHAR": "pl.String",
    "INTEGER": "pl.Int32",
    "BIGINT": "pl.Int64",
    "DOUBLE": "pl.Float64",
    "DATE": "pl.Date",
    "TIMESTAMP": 'pl.Datetime("us")',
    "BOOLEAN": "pl.Boolean",
}


def polars_type(duckdb_type: str) -> str:
    """The polars dtype (as code) ingest builds a column with, for its DuckDB type."""
    if duckdb_type.endswith("[]"):
        return f"pl.List({polars_type(duckdb_type[:-2])})"
    return POLARS_TYPES[duckdb_type]


def column_ddl(column: Column) -> str:
    ddl = f"{column.name} {column.type}"
    if column.primary_key:
        return ddl + " PRIMARY KEY"
    return ddl + (" NOT NULL" if column.not_null else "")


def table_ddl(table: Table) -> str:
    """The column list of CREATE TABLE (columns added later are left to ALTER TABLE)."""
    return ", ".join(column_ddl(c) for c in table.columns if not c.added_later)


def added_columns_ddl(schema: str, table: Table) -> list[str]:
    """ALTER TABLE statements adding the columns added after the table's first release (to a
    database created before them; a no-op otherwise)."""
    return [
        f"ALTER TABLE {schema}.{table.name} ADD COLUMN IF NOT EXISTS {column_ddl(c)};"
        for c in table.columns
        if c.added_later
    ]


def ops_ddl(contracts: Contracts) -> str:
    statements = ["CREATE SCHEMA IF NOT EXISTS ops;"]
    for table in contracts.ops:
        statements.append(f"CREATE TABLE IF NOT EXISTS ops.{table.name} ({table_ddl(table)});")
        statements += added_columns_ddl("ops", table)
    return "\n".join(statements) + "\n"


def _descriptions(table: Table) -> dict[str, str]:
    return {c.name: c.description for c in table.columns if c.description}


def _assign(target: str, value: object, doc: str | None = None) -> str:
    """`target = value` as Python (ruff formats it), with a docstring below when given."""
    text = f"{target} = {value!r}"
    return f'{text}\n"""{doc}"""' if doc else text


BOUNDS = "min_value and max_value"
"""The value of a range check is the mapping of GX's two bound arguments (either may be absent)."""

GATE_EXPECTATIONS = {
    "not_null": ("expect_column_values_to_not_be_null", None),
    "unique": ("expect_column_values_to_be_unique", None),
    "json": ("expect_column_values_to_be_json_parseable", None),
    "accepted_values": ("expect_column_values_to_be_in_set", "value_set"),
    "pattern": ("expect_column_values_to_match_regex", "regex"),
    "between": ("expect_column_values_to_be_between", BOUNDS),
    "length_between": ("expect_column_value_lengths_to_be_between", BOUNDS),
}
"""A pack-gate check (contracts.model.GATE_CHECKS) -> the GX 1.x expectation type, and the
argument its value goes to (None: it takes none)."""

GX_SEVERITY = {"blocking": "critical", "warning": "warning"}


def gate_expectation(column: str, check: GateCheck) -> dict:
    """One pack-gate check as an expectation of a GX 1.x suite file (expectations/suites)."""
    gx_type, argument = GATE_EXPECTATIONS[check.check]
    kwargs: dict = {"column": column}
    if argument == BOUNDS:
        kwargs.update(check.value)
    elif argument:
        kwargs[argument] = list(check.value) if argument == "value_set" else check.value
    meta: dict = {"name": check.name, "severity": check.severity, "note": check.note}
    if check.line_column:
        meta["line_column"] = check.line_column
    if check.sample_columns:
        meta["sample_columns"] = list(check.sample_columns)
    return {
        "type": gx_type,
        "kwargs": kwargs,
        "meta": meta,
        "severity": GX_SEVERITY[check.severity],
    }


def pack_gate_expectations(raw: tuple[Table, ...]) -> dict[str, tuple[dict, ...]]:
    return {
        t.name: tuple(gate_expectation(c.name, check) for c in t.columns for check in c.pack_gate)
        for t in raw
    }


def raw_contract_module(contracts: Contracts) -> str:
    raw, ops = contracts.raw, contracts.ops
    published = {
        t.published_as.split(".", 1)[1]: {
            "source": (t.layer, t.name),
            "description": t.published_description,
        }
        for t in (*raw, *ops)
        if t.published_as
    }
    descriptions = {(t.layer, t.name): _descriptions(t) for t in (*raw, *ops)}
    parts = [
        '"""The raw and ops layers as ingest, the gates and publishing use them: DDL, column\n'
        'lists and descriptions."""',
        _assign(
            "RAW_SCHEMAS",
            contracts.raw_schemas,
            "Schemas holding every raw table: stage (extracted, waiting for its gate), raw\n"
            "(passed: the dbt sources) and quarantine (failed).",
        ),
        _assign("RAW_TABLES", tuple(t.name for t in raw)),
        _assign("RAW_COLUMNS: dict[str, tuple[str, ...]]", {t.name: t.column_names for t in raw}),
        _assign(
            "RAW_DDL: dict[str, str]",
            {t.name: table_ddl(t) for t in raw},
            "Column list of CREATE TABLE for each raw table.",
        ),
        _assign(
            "RAW_ADDED_COLUMNS: dict[str, tuple[str, ...]]",
            {t.name: tuple(column_ddl(c) for c in t.columns if c.added_later) for t in raw},
            "Columns added to a raw table after its first release: `ALTER TABLE ... ADD COLUMN IF\n"
            "NOT EXISTS` brings an older working database up to date.",
        ),
        _assign("RAW_DESCRIPTIONS: dict[str, str]", {t.name: t.description for t in raw}),
        _assign(
            "PACK_GATE_EXPECTATIONS: dict[str, tuple[dict, ...]]",
            pack_gate_expectations(raw),
            "Raw table -> the pack gate's expectations on its columns one at a time (`pack_gate:`\n"
            "of contracts/raw.yml), as GX 1.x suite JSON: expectations/_gx.py runs them before\n"
            "the suite file's own (expectations/suites/pack_<table>.json).",
        ),
        _assign("OPS_DDL", ops_ddl(contracts)),
        _assign(
            "COLUMN_DESCRIPTIONS: dict[tuple[str, str], dict[str, str]]",
            descriptions,
            "(schema, table) in the working DB -> column -> description.",
        ),
        _assign(
            "PUBLISHED_TABLES: dict[str, dict]",
            published,
            "Provenance table of the published warehouse -> its (schema, table) in the working\n"
            "DB and its description.",
        ),
    ]
    return "\n\n".join(parts) + "\n"


def raw_polars_module(contracts: Contracts) -> str:
    lines = [
        '"""Polars schemas of the raw tables: the frames ingest builds for one pack."""',
        "",
        "import polars as pl",
        "",
        "SCHEMAS: dict[str, dict[str, pl.DataType]] = {",
    ]
    for table in contracts.raw:
        lines.append(f"    {table.name!r}: {{")
        lines += [f"        {c.name!r}: {polars_type(c.type)}," for c in table.columns]
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _reference(column: Column) -> tuple[str, str, str]:
    dimension, key = column.references.split(".")
    return (column.name, dimension, key)


def _warehouse_relation(table: Table, spec: dict) -> dict:
    unknown = set(spec) - {
        "scope", "key_rules", "key_severity", "references", "line", "pack", "rules",
        "sample_columns",
    }  # fmt: skip
    if unknown or spec.get("scope") not in ("packs", "whole"):
        raise ValueError(f"{table.name}: bad warehouse_gate entry {spec}")
    whole = spec["scope"] == "whole"
    references = [_reference(c) for c in table.columns if c.references]
    return {
        "table": f"marts.{table.name}",
        "key": table.key,
        "scope": spec["scope"],
        "key_rules": spec.get("key_rules"),
        "key_severity": spec.get("key_severity", "blocking"),
        "references": tuple(references) if spec.get("references") else (),
        "line": spec.get("line", None if whole else "source_line"),
        "pack": spec.get("pack", None if whole else "pack_id"),
        "rules": tuple(spec.get("rules") or ()),
        "sample_columns": tuple(spec.get("sample_columns") or ()),
    }


def gate_params_module(contracts: Contracts) -> str:
    fact_gate = tuple(
        {"table": f"marts.{t.name}", "key": t.key, "rules": t.gates["fact_gate"]}
        for t in contracts.marts
        if t.gates.get("fact_gate")
    )
    relations = [
        _warehouse_relation(t, spec)
        for t in contracts.marts
        for spec in t.gates.get("warehouse_gate") or ()
    ]
    relations.sort(key=lambda r: r["scope"] == "whole")  # stable: contract order per scope
    parts = [
        '"""Which rules of the fact gate and the warehouse gate apply to which mart table."""',
        _assign(
            "FACT_GATE: tuple[dict, ...]",
            fact_gate,
            "Tables the fact gate checks per pack: `rules` names a rule set of\n"
            "expectations/fact_gate.py (RULE_SETS).",
        ),
        _assign(
            "WAREHOUSE_GATE: tuple[dict, ...]",
            tuple(relations),
            "Relations of the warehouse gate: scope packs (rows of the packs just transformed)\n"
            "or whole; key rules named `<key_rules>_key_present` / `_unique`; one rule per\n"
            "referenced dimension (`references`: column, dimension, its key); extra `rules` by\n"
            "name (expectations/mart_gate.py NAMED_RULES).",
        ),
    ]
    return "\n\n".join(parts) + "\n"
