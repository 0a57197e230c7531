"""Reading the contracts: tables and columns, with shared columns resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONTRACTS_DIR = Path(__file__).resolve().parent

CONSTRAINT_KEYS = ("not_null", "not_null_where", "unique", "accepted_values", "tests")
"""Column keys that become dbt data tests (mart tables) or NOT NULL / PRIMARY KEY (raw DDL)."""

GATE_CHECKS = (
    "not_null",
    "unique",
    "json",
    "accepted_values",
    "pattern",
    "between",
    "length_between",
)
"""What a pack-gate check (`pack_gate:` of a raw column) may say about the column's values:
not null, unique, JSON, one of `accepted_values`, matching `pattern` (a regex), `between` /
`length_between` ({min_value, max_value}, either may be left out)."""

SEVERITIES = ("blocking", "warning")


@dataclass(frozen=True)
class GateCheck:
    """One expectation of the pack gate on one raw column: what the column may hold, with the
    name alerts give it, its severity and what it protects."""

    check: str
    """One of GATE_CHECKS."""
    value: Any
    """True (not_null, unique, json), the accepted values, the regex, or {min_value, max_value}."""
    name: str
    note: str
    severity: str = "blocking"
    line_column: str | None = None
    """The column holding the printed line an offending value was read from (alerts show it)."""
    sample_columns: tuple[str, ...] = ()
    """Other columns shown beside an offending value."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """DuckDB type, as DuckDB names it (VARCHAR, INTEGER, VARCHAR[] ...)."""
    description: str | None = None
    shared: str | None = None
    """Name of the shared column (contracts/columns.yml) whose description this one uses."""
    not_null: bool = False
    not_null_where: str | None = None
    unique: bool = False
    primary_key: bool = False
    accepted_values: tuple[str, ...] | None = None
    tests: tuple[Any, ...] = ()
    """Other dbt data tests, in dbt's own syntax."""
    references: str | None = None
    """`dim_table.key_column` every non-null value must name (the warehouse gate checks it)."""
    added_later: bool = False
    """Added to an existing table after its first release: the DDL adds it with ALTER TABLE."""
    pack_gate: tuple[GateCheck, ...] = ()
    """Raw columns: what the pack gate checks about the column's values, before promotion."""


@dataclass(frozen=True)
class Table:
    name: str
    layer: str
    """raw, ops, marts, bi or provenance."""
    description: str | None
    columns: tuple[Column, ...]
    published_as: str | None = None
    published_description: str | None = None
    dbt_source: bool = False
    tests: tuple[Any, ...] = ()
    key: str | None = None
    """The column naming a row (the gates' row key)."""
    gates: dict = field(default_factory=dict)
    """Which gate rules apply: `fact_gate` (a rule set of expectations/fact_gate.py) and
    `warehouse_gate` (relations of expectations/mart_gate.py)."""
    config: dict = field(default_factory=dict)
    """The dbt model's own config, in dbt's syntax (BI models: alias, meta.published_as)."""
    generated_columns: dict = field(default_factory=dict)
    """Columns that follow the data (a pivot's one column per measure), so not listed under
    columns: `measures_of_domain` (their names are that domain's measure codes in dim_measure),
    `after` (the listed column they follow) and `type`. The model comments them itself."""
    view_of: str | None = None
    """A provenance model: the raw table it selects every column of (its columns are that
    table's, defined in contracts/raw.yml only)."""

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass(frozen=True)
class Contracts:
    raw: tuple[Table, ...]
    raw_schemas: tuple[str, ...]
    ops: tuple[Table, ...]
    marts: tuple[Table, ...]
    shared: dict[str, Column]
    bi: tuple[Table, ...] = ()
    provenance: tuple[Table, ...] = ()
    source_descriptions: dict[str, str] = field(default_factory=dict)
    """dbt source name (raw, ops) -> its description."""

    def shared_in_use(self) -> dict[str, Column]:
        used = {c.shared for t in (*self.marts, *self.bi) for c in t.columns if c.shared}
        return {name: col for name, col in self.shared.items() if name in used}


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def _column(name: str, spec: dict, shared: dict[str, Column] | None = None) -> Column:
    spec = dict(spec or {})
    base: dict[str, Any] = {}
    use = spec.pop("shared", None)
    if use:
        doc = name if use is True else use
        if shared is None or doc not in shared:
            raise ValueError(f"column {name}: no shared column {doc!r} in contracts/columns.yml")
        base = {k: v for k, v in shared[doc].__dict__.items() if k != "name"}
        base["shared"] = doc
    unknown = set(spec) - set(Column.__dataclass_fields__)
    if unknown:
        raise ValueError(f"column {name}: unknown keys {sorted(unknown)}")
    merged = {**base, **spec}
    if "type" not in merged:
        raise ValueError(f"column {name}: no type")
    if merged.get("accepted_values") is not None:
        merged["accepted_values"] = tuple(merged["accepted_values"])
    merged["pack_gate"] = tuple(
        c if isinstance(c, GateCheck) else _gate_check(name, c)
        for c in merged.get("pack_gate") or ()
    )
    merged["tests"] = tuple(merged.get("tests") or ())
    return Column(name=name, **merged)


def _gate_check(column: str, spec: dict) -> GateCheck:
    spec = dict(spec)
    kinds = [k for k in GATE_CHECKS if k in spec]
    if len(kinds) != 1:
        raise ValueError(f"column {column}: a pack_gate check says one of {GATE_CHECKS}: {spec}")
    check = kinds[0]
    value = spec.pop(check)
    unknown = set(spec) - {"name", "note", "severity", "line_column", "sample_columns"}
    if unknown or not spec.get("name") or not spec.get("note"):
        raise ValueError(f"column {column}: a pack_gate check has a name, a note: {spec}")
    if check in ("not_null", "unique", "json") and value is not True:
        raise ValueError(f"column {column}: {check}: true, not {value!r}")
    if check == "accepted_values":
        value = tuple(value)
    if check == "pattern":
        re.compile(value)
    if check in ("between", "length_between") and (
        not value or set(value) - {"min_value", "max_value"}
    ):
        raise ValueError(f"column {column}: {check} takes min_value and/or max_value")
    if spec.get("severity", "blocking") not in SEVERITIES:
        raise ValueError(f"column {column}: {spec['name']}: severity is one of {SEVERITIES}")
    spec["sample_columns"] = tuple(spec.get("sample_columns") or ())
    return GateCheck(check=check, value=value, **spec)


def _check_gate_columns(table: str, layer: str, columns: tuple[Column, ...]) -> None:
    """Only raw columns are checked by the pack gate; the line and sample columns a check
    shows must be columns of the same table."""
    names = {c.name for c in columns}
    for column in columns:
        for check in column.pack_gate:
            if layer != "raw":
                raise ValueError(f"{table}.{column.name}: pack_gate is for raw tables only")
            shown = {check.line_column, *check.sample_columns} - {None}
            if shown - names:
                raise ValueError(
                    f"{table}.{column.name}: {check.name} shows unknown {shown - names}"
                )


def _check_added_later(table: str, columns: tuple[Column, ...]) -> None:
    """A column added to an existing table comes last and may be null: ALTER TABLE ... ADD
    COLUMN appends it, and old rows have no value for it."""
    flags = [c.added_later for c in columns]
    if True in flags and not all(flags[flags.index(True) :]):
        raise ValueError(f"{table}: added_later columns must come after all the others")
    for column in columns:
        if column.added_later and (column.not_null or column.primary_key):
            raise ValueError(f"{table}.{column.name}: an added_later column cannot be not_null")


def _table(name: str, layer: str, spec: dict, shared: dict[str, Column] | None = None) -> Table:
    published = spec.get("published") or {}
    columns = tuple(_column(c, s, shared) for c, s in spec["columns"].items())
    _check_added_later(name, columns)
    _check_gate_columns(name, layer, columns)
    generated = spec.get("generated_columns") or {}
    if generated and generated.get("after") not in {c.name for c in columns}:
        raise ValueError(f"{name}: generated_columns must follow (after:) one of its columns")
    return Table(
        name=name,
        layer=layer,
        description=spec.get("description"),
        columns=columns,
        published_as=published.get("as"),
        published_description=published.get("description"),
        dbt_source=bool(spec.get("dbt_source")),
        tests=tuple(spec.get("tests") or ()),
        key=spec.get("key"),
        gates=dict(spec.get("gates") or {}),
        config=dict(spec.get("config") or {}),
        generated_columns=dict(spec.get("generated_columns") or {}),
    )


def model_tables(folder: Path, layer: str, shared: dict[str, Column]) -> tuple[Table, ...]:
    """The contracts of one layer of dbt models, one file per model (`<folder>/<model>.yml`):
    the marts (contracts/marts/) and the BI models (contracts/bi/)."""
    tables = []
    for path in sorted(folder.glob("*.yml")):
        spec = _read(path)
        if spec.get("name", path.stem) != path.stem:
            raise ValueError(f"{path}: name {spec['name']!r} differs from the file name")
        tables.append(_table(path.stem, layer, spec, shared))
    return tuple(tables)


def provenance_tables(spec: dict, raw: tuple[Table, ...]) -> tuple[Table, ...]:
    """The provenance models (contracts/provenance.yml): each a view of one raw table, whose
    columns it takes."""
    by_name = {t.name: t for t in raw}
    tables = []
    for name, model in spec["models"].items():
        source = by_name.get(model["view_of"])
        if source is None:
            raise ValueError(f"{name}: view_of {model['view_of']!r} is no raw table")
        tables.append(
            Table(
                name=name,
                layer="provenance",
                description=model.get("description"),
                columns=source.columns,
                config=dict(model.get("config") or {}),
                view_of=source.name,
            )
        )
    return tuple(tables)


def load(root: Path = CONTRACTS_DIR) -> Contracts:
    raw = _read(root / "raw.yml")
    ops = _read(root / "ops.yml")
    shared_spec = _read(root / "columns.yml").get("columns", {})
    shared = {name: _column(name, spec) for name, spec in shared_spec.items()}
    raw_tables = tuple(_table(n, "raw", s) for n, s in raw["tables"].items())
    return Contracts(
        raw=raw_tables,
        raw_schemas=tuple(raw["schemas"]),
        ops=tuple(_table(n, "ops", s) for n, s in ops["tables"].items()),
        marts=model_tables(root / "marts", "marts", shared),
        shared=shared,
        bi=model_tables(root / "bi", "bi", shared),
        provenance=provenance_tables(_read(root / "provenance.yml"), raw_tables),
        source_descriptions={"raw": raw["source_description"], "ops": ops["source_description"]},
    )
