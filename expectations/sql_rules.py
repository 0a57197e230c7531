"""Expectations written where the data is: SQL over the working DuckDB database, run through
Great Expectations as suites built in code.

A `Rule` is a boolean SQL expression over one row `f` of a relation (true: the rule holds;
null: it does not apply to this row). A `Relation` lists the rules that apply to it and how to
name a row (its key, its pack, its printed line). For each relation the gate:

1. checks that every column a rule reads exists: a missing column fails that rule loudly
   (`column_missing`), it is never skipped;
2. selects the rows of the packs being gated, one boolean column per rule, computed by DuckDB;
3. validates that frame with a GX suite built from the same rules
   (`ExpectColumnValuesToNotBeInSet(column=<rule>, value_set=[False])`, nulls not applicable);
4. splits the failures by pack, each with a sample of offending rows and their lines.

Frames are validated in chunks of packs so that memory stays bounded on a first load of
thousands of packs. GX is imported on first use only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from expectations.gate import SAMPLE_SIZE, Failure, _json_safe

ROWS_PER_CHUNK = 200_000
"""About how many rows one GX validation reads (packs are never split across chunks)."""


@dataclass(frozen=True)
class Rule:
    name: str
    note: str
    sql: str
    """Boolean SQL over `f` (the row) and the relation's joins; `{table}` is the relation."""
    columns: tuple[str, ...]
    """Columns of the relation the SQL reads: each must exist."""
    severity: str = "blocking"


@dataclass(frozen=True)
class Relation:
    table: str
    """Schema-qualified relation, e.g. ``marts.fct_complaints``."""
    key: str
    rules: tuple[Rule, ...]
    line: str | None = "source_line"
    joins: str = ""
    """Extra joins the rules read (aliases other than `f`)."""
    sample_columns: tuple[str, ...] = ()
    """Columns (or `alias.column` expressions) shown beside an offending row."""
    pack: str | None = "pack_id"
    """The column naming a row's pack; None for relations of no pack (dimensions from seeds)."""

    @property
    def name(self) -> str:
        return self.table.split(".")[-1]


@dataclass
class RelationOutcome:
    """One relation's verdict: failures per pack, and failures of the gate itself."""

    checks: dict[str, list[Failure]] = field(default_factory=dict)  # pack_id -> outcomes
    errors: list[Failure] = field(default_factory=list)  # could not evaluate: not a pack's fault
    validation_results: list[Any] = field(default_factory=list)


def columns_of(con: Any, table: str) -> set[str] | None:
    """The columns of a relation, or None if it does not exist."""
    schema, name = table.split(".")
    rows = con.execute(
        "select column_name from duckdb_columns() where schema_name = ? and table_name = ?",
        [schema, name],
    ).fetchall()
    return {r[0] for r in rows} or None


def runnable_rules(con: Any, relation: Relation, suite: str) -> tuple[list[Rule], list[Failure]]:
    """Rules whose columns all exist, and a blocking failure for every other rule (and for the
    relation itself when it is missing)."""
    present = columns_of(con, relation.table)
    if present is None:
        note = f"{relation.table} exists and can be validated."
        return [], [_error(suite, "relation_exists", note, f"{relation.table} does not exist")]
    needed = {relation.key, *([relation.line] if relation.line else [])}
    needed |= {relation.pack} if relation.pack else set()
    runnable, errors = [], []
    for rule in relation.rules:
        missing = sorted(c for c in {*rule.columns, *needed} if c not in present)
        if missing:
            message = f"column(s) {', '.join(missing)} missing from {relation.table}"
            errors.append(_error(suite, rule.name, rule.note, message, rule.severity))
        else:
            runnable.append(rule)
    return runnable, errors


def frame_sql(
    relation: Relation, rules: Sequence[Rule], pack_filter: str, present: set[str] | None = None
) -> str:
    """The rows a suite validates: index columns, samples (those present) and one boolean
    column per rule."""
    pack = f"f.{relation.pack}" if relation.pack else "null::varchar"
    index = [f"{pack} as pack_id", f"f.{relation.key} as row_key"]
    if relation.line:
        index.append(f"f.{relation.line} as line")
    samples = [
        f"{_sample_expr(c)} as {_sample_name(c)}"
        for c in relation.sample_columns
        if present is None or "." in c or c in present
    ]
    checks = [f"({rule.sql.format(table=relation.table)}) as {rule.name}" for rule in rules]
    return (
        f"select {', '.join(index + samples + checks)} from {relation.table} f "
        f"{relation.joins} where {pack_filter}"
    )


def pack_chunks(
    con: Any, table: str, pack: str, pack_ids: Sequence[str] | None
) -> Iterable[list[str]]:
    """Groups of packs of about ROWS_PER_CHUNK rows of `table` (all packs when None)."""
    if pack_ids is None:
        rows = con.execute(f"select {pack}, count(*) from {table} group by 1 order by 1")
    else:
        rows = con.execute(
            f"select {pack}, count(*) from {table} where list_contains(?, {pack}) "
            "group by 1 order by 1",
            [list(pack_ids)],
        )
    chunk: list[str] = []
    size = 0
    for pack_id, count in rows.fetchall():
        if chunk and size + count > ROWS_PER_CHUNK:
            yield chunk
            chunk, size = [], 0
        chunk.append(pack_id)
        size += count
    if chunk:
        yield chunk


def validate_relation(
    con: Any, relation: Relation, suite_name: str, pack_ids: Sequence[str] | None
) -> RelationOutcome:
    """Run a relation's rules over the rows of these packs (every pack when None)."""
    outcome = RelationOutcome()
    rules, outcome.errors = runnable_rules(con, relation, suite_name)
    present = columns_of(con, relation.table) or set()
    gated = list(pack_ids) if pack_ids is not None else None
    for pack_id in gated or []:
        outcome.checks[pack_id] = []
    if not rules:
        return outcome
    if relation.pack is None:  # one frame, its failures under the pack id None
        chunks: Iterable[list] = [[None]]
    else:
        chunks = pack_chunks(con, relation.table, relation.pack, gated)
    for chunk in chunks:
        if relation.pack is None:
            frame = con.execute(frame_sql(relation, rules, "true", present)).df()
        else:
            where = f"list_contains(?, f.{relation.pack})"
            frame = con.execute(frame_sql(relation, rules, where, present), [chunk]).df()
        result = _validate_frame(suite_name, relation, rules, frame, outcome)
        for pack_id in chunk:
            outcome.checks.setdefault(pack_id, [])
        _split_by_pack(suite_name, relation, rules, result, chunk, outcome)
    return outcome


# --------------------------------------------------------------------------- GX


def build_suite(suite_name: str, rules: Sequence[Rule]) -> Any:
    """A GX suite from rules: each rule's column must hold no False (null: not applicable)."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    from expectations._gx import SEVERITIES

    expectations = [
        gxe.ExpectColumnValuesToNotBeInSet(
            column=rule.name,
            value_set=[False],
            severity=SEVERITIES[rule.severity],
            notes=f"[{rule.severity}] {rule.note}",
            meta={"name": rule.name, "severity": rule.severity, "note": rule.note},
        )
        for rule in rules
    ]
    return gx.ExpectationSuite(name=suite_name, expectations=expectations)


def _validate_frame(suite_name, relation, rules, frame, outcome) -> Any:
    from expectations import _gx

    batch_definition = _gx.batch_definition(suite_name)  # creates the GX context first
    for rule in rules:  # GX reads object columns of booleans; pandas keeps None as missing
        frame[rule.name] = frame[rule.name].astype(object)
    suite = build_suite(suite_name, rules)
    index_columns = ["pack_id", "row_key", *(["line"] if relation.line else [])]
    index_columns += [_sample_name(c) for c in relation.sample_columns if _sample_name(c) in frame]
    batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(
        suite,
        result_format={
            "result_format": "COMPLETE",
            "unexpected_index_column_names": index_columns,
            "include_unexpected_rows": False,
            "return_unexpected_index_query": False,
        },
    )
    outcome.validation_results.append(result)
    return result


def _split_by_pack(suite_name, relation, rules, result, chunk, outcome) -> None:
    by_name = {r.expectation_config.meta.get("name"): r for r in result.results}
    for rule in rules:
        exp_result = by_name.get(rule.name)
        rows = (exp_result.result or {}).get("unexpected_index_list") or [] if exp_result else []
        error = _exception(exp_result) if exp_result is not None else "not evaluated"
        if error:
            outcome.errors.append(_error(suite_name, rule.name, rule.note, error, rule.severity))
            continue
        failing: dict[str, list[dict]] = {}
        for row in rows:
            failing.setdefault(row.get("pack_id"), []).append(row)
        for pack_id in chunk:
            mine = failing.get(pack_id, [])
            outcome.checks[pack_id].append(
                Failure(
                    suite=suite_name,
                    expectation=rule.name,
                    column=rule.name,
                    severity=rule.severity,
                    note=rule.note,
                    unexpected_count=len(mine),
                    sample=[_sample_row(row, relation) for row in mine[:SAMPLE_SIZE]],
                    expectation_type="expect_column_values_to_not_be_in_set",
                    success=not mine,
                )
            )


def _sample_row(row: dict, relation: Relation) -> dict:
    item: dict[str, Any] = {"key": row.get("row_key")}
    if relation.line:
        item["line"] = row.get("line")
    context = {
        _sample_name(c): row[_sample_name(c)]
        for c in relation.sample_columns
        if _sample_name(c) in row
    }
    context["pack_id"] = row.get("pack_id")
    item["context"] = context
    return _json_safe(item)


def _exception(exp_result: Any) -> str | None:
    info = exp_result.exception_info or {}
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message"))
    return None


def _error(suite, name, note, message, severity="blocking") -> Failure:
    return Failure(
        suite=suite,
        expectation=name,
        column=None,
        severity=severity,
        note=note,
        unexpected_count=None,
        sample=[{"error": message}],
        expectation_type="sql_rule",
        success=False,
        error=message,
    )


def _sample_expr(column: str) -> str:
    return column if "." in column else f"f.{column}"


def _sample_name(column: str) -> str:
    return column.replace(".", "_")


def merge_by_rule(per_pack: Iterable[list[Failure]]) -> list[Failure]:
    """One outcome per rule across packs: counts added, samples from every failing pack."""
    merged: dict[tuple[str, str], Failure] = {}
    for failures in per_pack:
        for failure in failures:
            key = (failure.suite, failure.expectation)
            if key not in merged:
                merged[key] = Failure(**{**failure.to_dict(), "sample": list(failure.sample)})
                continue
            into = merged[key]
            into.unexpected_count = (into.unexpected_count or 0) + (failure.unexpected_count or 0)
            into.sample = (into.sample + failure.sample)[:10]
            into.success = into.success and failure.success
    return list(merged.values())
