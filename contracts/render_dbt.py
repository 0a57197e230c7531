"""dbt YAML generated from the contracts: the sources (raw, ops), the mart, BI and provenance
models' yml and the doc blocks of the columns shared by several tables."""

from __future__ import annotations

from typing import Any

import yaml

from contracts.model import Column, Contracts, Table


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no anchors or aliases (each test's values written out)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, width=100, allow_unicode=True)


def data_tests(column: Column) -> list:
    tests: list = []
    if column.unique:
        tests.append("unique")
    if column.not_null:
        tests.append("not_null")
    if column.not_null_where:
        tests.append({"not_null": {"config": {"where": column.not_null_where}}})
    if column.accepted_values is not None:
        values = list(column.accepted_values)
        tests.append({"accepted_values": {"arguments": {"values": values}}})
    return tests + list(column.tests)


def _column(column: Column, with_tests: bool) -> dict:
    entry: dict[str, Any] = {"name": column.name, "data_type": column.type.lower()}
    if column.shared:
        entry["description"] = f"{{{{ doc('{column.shared}') }}}}"
    elif column.description:
        entry["description"] = column.description
    tests = data_tests(column) if with_tests else []
    if tests:
        entry["data_tests"] = tests
    return entry


def _source_table(table: Table) -> dict:
    entry: dict[str, Any] = {"name": table.name}
    if table.description:
        entry["description"] = table.description
    # a raw table's NOT NULL is the DDL's to enforce; its keys' uniqueness is tested here
    entry["columns"] = [_raw_column(c) for c in table.columns]
    return entry


def _raw_column(column: Column) -> dict:
    entry = _column(column, with_tests=False)
    if column.unique:
        entry["data_tests"] = ["unique"]
    return entry


def sources_yml(contracts: Contracts) -> dict:
    layers = {"raw": contracts.raw, "ops": [t for t in contracts.ops if t.dbt_source]}
    return {
        "version": 2,
        "sources": [
            {
                "name": name,
                "description": contracts.source_descriptions[name],
                "schema": name,
                "tables": [_source_table(t) for t in tables],
            }
            for name, tables in layers.items()
        ],
    }


def model_yml(table: Table) -> dict:
    entry: dict[str, Any] = {"name": table.name, "description": table.description}
    if table.config:
        entry["config"] = table.config
    entry["columns"] = [_column(c, with_tests=True) for c in table.columns]
    if table.tests:
        entry["data_tests"] = list(table.tests)
    return entry


def marts_yml(contracts: Contracts) -> dict:
    return {"version": 2, "models": [model_yml(t) for t in contracts.marts]}


def bi_yml(contracts: Contracts) -> dict:
    return {"version": 2, "models": [model_yml(t) for t in contracts.bi]}


def provenance_yml(contracts: Contracts) -> dict:
    """The provenance models: name, description and config; their columns are described at
    the raw source they select from."""
    models = [
        {"name": t.name, "description": t.description, "config": t.config}
        for t in contracts.provenance
    ]
    return {"version": 2, "models": models}


def doc_blocks(contracts: Contracts) -> str:
    """One `{% docs %}` block per shared column, used as `{{ doc('<name>') }}`."""
    blocks = [
        f"{{% docs {name} %}}{column.description}{{% enddocs %}}"
        for name, column in contracts.shared_in_use().items()
    ]
    return "\n\n".join(blocks) + "\n"
