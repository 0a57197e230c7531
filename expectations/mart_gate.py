"""The warehouse gate: what only the whole warehouse can tell, checked before publishing.

A pack's own facts pass the fact gate (expectations/fact_gate.py) before they get here. What
is left is truly cross-pack: a dimension's keys are unique, a fact's key is unique across every
pack, and every fact of the packs just transformed joins the dimensions it names. Rules are SQL
over the working DB run through GX suites built in code (expectations/sql_rules.py); a failure
names the packs its rows come from. Which relations, keys and references are checked is in
the mart contracts (contracts/marts/*.yml, `gates: warehouse_gate`, `references`).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from expectations import contract_params
from expectations.gate import Failure, GateResult
from expectations.sql_rules import Relation, Rule, merge_by_rule, validate_relations

SUITE_PREFIX = "warehouse"


def key_rules(
    key: str, what: str, severity: str = "blocking", *, whole: bool = False
) -> tuple[Rule, ...]:
    """A key is present and unique across every row of its table (every pack).

    The uniqueness SQL depends on how many rows are checked, not on what it means: for the rows
    of a few packs, a count of each key's rows (DuckDB joins only those keys); for a whole
    relation, the keys held once, grouped in one pass (a null key is never unique either way).
    """
    present = f"Every row has its key ({key})."
    if whole:
        unique = (
            f"coalesce(f.{key} in (select w.{key} from {{table}} w group by w.{key} "
            f"having count(*) = 1), false)"
        )
    else:
        unique = f"(select count(*) from {{table}} w where w.{key} = f.{key}) = 1"
    return (
        Rule(f"{what}_key_present", present, f"f.{key} is not null", (key,), severity),
        Rule(
            f"{what}_key_unique",
            f"No two rows share a key ({key}), across every pack.",
            unique,
            (key,),
            severity,
        ),
    )


def joins(column: str, dimension: str, dim_key: str) -> Rule:
    return Rule(
        f"{column}_in_{dimension}",
        f"The {column} a fact names is a row of marts.{dimension}.",
        f"case when f.{column} is null then null else exists (select 1 from marts.{dimension} d "
        f"where d.{dim_key} = f.{column}) end",
        (column,),
    )


NAMED_RULES = {
    "finding_severity_present": Rule(
        "finding_severity_present",
        "Every finding has a severity.",
        "f.severity is not null",
        ("severity",),
    ),
}
"""Rules a contract names beside its key and references (`warehouse_gate: rules: [...]`)."""


def relation(params: dict) -> Relation:
    """A relation of the warehouse gate from its contract's parameters
    (expectations/contract_params.py WAREHOUSE_GATE)."""
    rules: list[Rule] = []
    if params["key_rules"]:
        whole = params["scope"] == "whole"
        rules += key_rules(params["key"], params["key_rules"], params["key_severity"], whole=whole)
    rules += [joins(column, dim, dim_key) for column, dim, dim_key in params["references"]]
    rules += [NAMED_RULES[name] for name in params["rules"]]
    return Relation(
        params["table"],
        params["key"],
        tuple(rules),
        line=params["line"],
        pack=params["pack"],
        sample_columns=params["sample_columns"],
    )


FACT_RELATIONS: tuple[Relation, ...] = tuple(
    relation(p) for p in contract_params.WAREHOUSE_GATE if p["scope"] == "packs"
)
"""Fact tables: checked for the packs just transformed (their keys against every pack)."""

WHOLE_RELATIONS: tuple[Relation, ...] = tuple(
    relation(p) for p in contract_params.WAREHOUSE_GATE if p["scope"] == "whole"
)
"""Small cross-pack relations: checked whole."""
RELATIONS = (*FACT_RELATIONS, *WHOLE_RELATIONS)


def suite_name(relation: Relation) -> str:
    return f"{SUITE_PREFIX}.{relation.name}"


def validate_warehouse(con: Any, pack_ids: Sequence[str] | None) -> GateResult:
    """Validate the cross-pack rules; facts only for `pack_ids` (every pack when None)."""
    started = time.perf_counter()
    suites = {r.name: suite_name(r) for r in RELATIONS}
    outcome = validate_relations(con, SUITE_PREFIX, RELATIONS, suites, pack_ids)
    checks: list[Failure] = [*outcome.errors, *merge_by_rule(outcome.checks.values())]
    results: dict[str, Any] = {}
    if outcome.validation_results:
        results[SUITE_PREFIX] = outcome.validation_results[-1]
    failures = [c for c in checks if not c.success]
    return GateResult(
        gate="warehouse",
        subject={
            "schema": "marts",
            "packs_gated": len(pack_ids) if pack_ids else "all",
            "rows_checked": outcome.rows_checked,
        },
        passed=not any(f.severity == "blocking" for f in failures),
        failures=failures,
        checks=checks,
        suites=sorted({c.suite for c in checks}),
        run_id=uuid.uuid4().hex[:12],
        validated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        duration_s=time.perf_counter() - started,
        validation_results=results,
    )


def failing_packs(result: GateResult) -> list[str]:
    """The packs whose rows a warehouse-gate failure names."""
    packs = {
        (item.get("context") or {}).get("pack_id")
        for failure in result.failures
        for item in failure.sample
    }
    return sorted(p for p in packs if p)
