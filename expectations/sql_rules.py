"""Expectations written where the data is: SQL over the working DuckDB database, run through
Great Expectations as suites built in code.

A `Rule` is a boolean SQL expression over one row `f` of a relation (true: the rule holds;
null: it does not apply to this row). A `Relation` lists the rules that apply to it and how to
name a row (its key, its pack, its printed line). A gate validates several relations at once:

1. every column a rule reads must exist: a missing column fails that rule loudly
   (`column(s) ... missing`), it is never skipped;
2. DuckDB evaluates every rule on every row of the packs being gated (one boolean column per
   rule) and keeps the rows where some rule is false: each relation is read once, for every
   pack gated, into a temporary table of its failing rows; the rows that pass are only counted
   (`GateOutcome.rows_checked`);
3. GX validates the gate's suite over the failing rows of every relation, stacked (a column
   `relation` says whose row it is): for every rule,
   `ExpectColumnValuesToNotBeInSet(column=<rule>, value_set=[False])` (nulls: not applicable);
4. the failures are split by relation and pack, each with a sample of offending rows and their
   printed lines (ordered by pack, line and key); each relation reports as its own suite
   (`<gate>.<relation>`).

GX validates the failing rows in chunks of about ROWS_PER_CHUNK of them, a pack whole, so
memory stays bounded whatever breaks; in a normal run that is one validation. What never
happens is turning millions of passing rows into a pandas frame that GX hashes and scans (the
warehouse gate: `marts.dq_findings` holds millions of rows). A chunk used to be 200,000 rows of
any kind, each relation and its joins to raw.lines read again for each: at 10,000 packs, 27
times over. GX is imported on first use only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from expectations.gate import SAMPLE_SIZE, Failure, _json_safe

ROWS_PER_CHUNK = 200_000
"""About how many failing rows one GX validation reads (packs are never split across chunks)."""


@dataclass(frozen=True)
class Rule:
    name: str
    note: str
    sql: str
    """Boolean SQL over `f` (the row) and the relation's joins; `{table}` is the relation,
    `{chunk}` a predicate true for the packs being validated (`pack_id {chunk}`)."""
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
    """Extra joins the rules read (aliases other than `f`); `{chunk}` in them, as in a rule's
    SQL, is a predicate true for the packs being validated (`pack_scope`)."""
    sample_columns: tuple[str, ...] = ()
    """Columns (or `alias.column` expressions) shown beside an offending row."""
    pack: str | None = "pack_id"
    """The column naming a row's pack; None for relations of no pack (dimensions from seeds)."""

    @property
    def name(self) -> str:
        return self.table.split(".")[-1]


@dataclass
class GateOutcome:
    """A gate's verdict: per pack, every rule's outcome (each relation its own suite); and the
    failures of the gate itself (a rule that cannot run: nobody's pack's fault)."""

    checks: dict[str | None, list[Failure]] = field(default_factory=dict)
    errors: list[Failure] = field(default_factory=list)
    validation_results: list[Any] = field(default_factory=list)
    rows_checked: dict[str, int] = field(default_factory=dict)
    """Rows in scope per relation whose rules ran (GX sees only those that fail one)."""


def columns_of(con: Any, table: str) -> set[str] | None:
    """The columns of a relation, or None if it does not exist."""
    schema, name = table.split(".")
    rows = con.execute(
        "select column_name from duckdb_columns() where schema_name = ? and table_name = ?",
        [schema, name],
    ).fetchall()
    return {r[0] for r in rows} or None


def columns_by_table(con: Any, tables: Iterable[str]) -> dict[str, set[str]]:
    """The columns of each of these relations that exists (one catalogue query)."""
    wanted = sorted(set(tables))
    rows = con.execute(
        "select schema_name || '.' || table_name, column_name from duckdb_columns() "
        "where list_contains(?, schema_name || '.' || table_name)",
        [wanted],
    ).fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return found


def runnable_rules(
    con: Any, relation: Relation, suite: str, present: set[str] | None = None
) -> tuple[list[Rule], list[Failure]]:
    """Rules whose columns all exist, and a blocking failure for every other rule (and for the
    relation itself when it is missing). `present`: its columns, if already read."""
    present = present or columns_of(con, relation.table)
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


LITERAL_PACKS = 16
"""Up to this many packs, `pack_scope` lists them (`in ('a', 'b')`: DuckDB skips the row
groups of other packs); beyond, it joins them (a hash semi-join: a long list of constants is
compared row by row, several times slower on a chunk of hundreds of packs)."""


def pack_scope(chunk: Sequence[str] | None) -> str:
    """What `{chunk}` stands for in a rule or a join: a predicate on a pack id column, true for
    the packs of the chunk (every pack: None). The ids are written into the SQL, not bound, so
    that DuckDB filters raw.lines to them before joining it, rather than hashing every pack's
    lines for each chunk."""
    if chunk is None:
        return "is not null"
    if not chunk:
        return "in (select null::varchar where false)"
    ids = ", ".join("'" + p.replace("'", "''") + "'" for p in chunk)
    return f"in ({ids})" if len(chunk) <= LITERAL_PACKS else f"in (select unnest([{ids}]))"


def frame_sql(
    relation: Relation, rules: Sequence[Rule], scope: str, present: set[str] | None = None
) -> str:
    """The rows a suite validates: the relation's name, index columns, samples (those present)
    and one boolean column per rule, for the rows where a rule is false (each rule evaluated on
    every row in scope, once; null: not applicable). `scope`: `pack_scope`."""
    pack = f"f.{relation.pack}" if relation.pack else "null::varchar"
    index = [
        f"'{relation.name}' as relation",
        f"{pack} as pack_id",
        f"f.{relation.key}::varchar as row_key",
        f"{'f.' + relation.line if relation.line else 'null'}::bigint as line",
    ]
    samples = [
        f"{_sample_expr(c)} as {_sample_name(c)}"
        for c in relation.sample_columns
        if present is None or "." in c or c in present
    ]
    checks = [
        f"({rule.sql.format(table=relation.table, chunk=scope)}) as {rule.name}" for rule in rules
    ]
    sql = f"select {', '.join(index + samples + checks)} {_from(relation, scope)}"
    holds = " and ".join(f"coalesce({rule.name}, true)" for rule in rules)
    return f"select * from ({sql}) where not ({holds})"


def _from_only(relation: Relation, scope: str) -> str:
    """The relation's rows a gate's rules run on, without its joins: they only look up one row
    each (a fact's pack, its printed line, its measure), so the rows are as many."""
    return f"from {relation.table} f where {_where(relation, scope)}"


def _from(relation: Relation, scope: str) -> str:
    joins = relation.joins.format(chunk=scope)
    return f"from {relation.table} f {joins} where {_where(relation, scope)}"


def _where(relation: Relation, scope: str) -> str:
    return f"f.{relation.pack} {scope}" if relation.pack else "true"


def validate_relations(
    con: Any,
    gate: str,
    relations: Sequence[Relation],
    suite_of: dict[str, str],
    pack_ids: Sequence[str] | None,
) -> GateOutcome:
    """Run the rules of every relation over the rows of these packs (every pack when None);
    GX validates the rows that break a rule (module docstring). Relations without a pack column
    are validated whole, once.

    Two relations may be one table checked twice (marts.dim_pack: its references for the packs
    gated, its key whole): each keeps its own rules."""
    outcome = GateOutcome()
    live: list[Live] = []
    columns = columns_by_table(con, (r.table for r in relations))
    for relation in relations:
        present = columns.get(relation.table)
        rules, errors = runnable_rules(con, relation, suite_of[relation.name], present)
        outcome.errors.extend(errors)
        if rules:
            live.append(Live(relation, rules, present or set()))
    for pack_id in pack_ids or []:
        outcome.checks[pack_id] = []
    with FailingRows(con, outcome, live, pack_ids) as failing:
        # one GX validation per chunk over the stacked failing rows of every relation; a
        # relation of no pack is validated once, whole, with the first chunk
        for index, chunk in enumerate(failing.chunks()):
            frames = [
                failing.frame(item, chunk)
                for item in live
                if item.relation.pack is not None or index == 0
            ]
            if not frames:
                continue
            result = _validate_stack(gate, [item.rules for item in live], frames)
            outcome.validation_results.append(result)
            _split(outcome, result, live, suite_of, chunk, first=index == 0)
    return outcome


@dataclass(frozen=True)
class Live:
    """A relation a gate can validate: its runnable rules and the columns it has."""

    relation: Relation
    rules: list[Rule]
    present: set[str]

    @property
    def label(self) -> str:
        """The relation as `rows_checked` names it (a relation of no pack: `<name> (whole)`)."""
        name = self.relation.name
        return name if self.relation.pack else f"{name} (whole)"


class FailingRows:
    """Each relation read once, for every pack gated, into a temporary table of the rows where
    a rule is false; the rows in scope counted per pack."""

    def __init__(self, con: Any, outcome: GateOutcome, live: list[Live], pack_ids) -> None:
        self.con, self.outcome, self.live, self.pack_ids = con, outcome, live, pack_ids
        self.tables: dict[str, str] = {}
        self.failing: dict[str, int] = {}  # pack -> its failing rows over every relation
        self.packs: set[str] = set(pack_ids or [])

    def __enter__(self) -> FailingRows:
        try:
            for index, item in enumerate(self.live):
                self._read(item, f"_gate_failing_{index}")
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        for table in self.tables.values():
            self.con.execute(f"drop table if exists {table}")

    def _read(self, item: Live, table: str) -> None:
        relation = item.relation
        scope = pack_scope(self.pack_ids if relation.pack else None)
        sql = frame_sql(relation, item.rules, scope, item.present)
        (failing,) = self.con.execute(
            f"create or replace temporary table {table} as {sql}"
        ).fetchone()
        self.tables[item.label] = table
        pack = f"f.{relation.pack}" if relation.pack else "null"
        counted = self.con.execute(
            f"select {pack}, count(*) {_from_only(relation, scope)} group by 1"
        ).fetchall()
        rows = self.outcome.rows_checked
        rows[item.label] = rows.get(item.label, 0) + sum(count for _, count in counted)
        if relation.pack is None:
            return
        self.packs.update(pack_id for pack_id, _ in counted)
        if failing:
            sql = f"select pack_id, count(*) from {table} group by 1"
            for pack_id, count in self.con.execute(sql).fetchall():
                self.failing[pack_id] = self.failing.get(pack_id, 0) + count

    def chunks(self) -> list[list[str]]:
        """Every pack gated, in chunks of about ROWS_PER_CHUNK failing rows (a pack whole)."""
        chunks: list[list[str]] = []
        chunk: list[str] = []
        size = 0
        for pack_id in sorted(self.packs):
            count = self.failing.get(pack_id, 0)
            if chunk and size + count > ROWS_PER_CHUNK:
                chunks.append(chunk)
                chunk, size = [], 0
            chunk.append(pack_id)
            size += count
        return [*chunks, chunk] if chunk else [[]]

    def frame(self, item: Live, chunk: list[str]) -> Any:
        table = self.tables[item.label]
        where = f"pack_id {pack_scope(chunk)}" if item.relation.pack else "true"
        order = "pack_id, line, row_key"  # the same samples whatever the chunks
        return self.con.execute(f"select * from {table} where {where} order by {order}").df()


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


def unique_rules(runnable: dict[Any, list[Rule]] | Iterable[list[Rule]]) -> list[Rule]:
    """The gate's rules by name, once each (relations share rules such as fact_key_present)."""
    rules: dict[str, Rule] = {}
    groups = runnable.values() if isinstance(runnable, dict) else runnable
    for relation_rules in groups:
        for rule in relation_rules:
            rules.setdefault(rule.name, rule)
    return list(rules.values())


def _validate_stack(gate: str, runnable: list[list[Rule]], frames: list[Any]) -> Any:
    import pandas as pd

    from expectations import _gx

    batch_definition = _gx.batch_definition(gate)  # creates the GX context first
    frame = pd.concat(frames, ignore_index=True, sort=False) if len(frames) > 1 else frames[0]
    rules = unique_rules(runnable)
    for rule in rules:  # GX reads object columns of booleans; None / NaN are not applicable
        if rule.name not in frame:
            frame[rule.name] = None
        frame[rule.name] = frame[rule.name].astype(object)
    index_columns = [c for c in frame.columns if c not in {r.name for r in rules}]
    batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(
        build_suite(gate, rules),
        result_format={
            "result_format": "COMPLETE",
            "unexpected_index_column_names": index_columns,
            "include_unexpected_rows": False,
            "return_unexpected_index_query": False,
        },
    )


def _split(outcome, result, live: list[Live], suite_of, chunk, *, first: bool) -> None:
    """Each (relation, rule) of the stack as one outcome per pack of the chunk."""
    by_name = {r.expectation_config.meta.get("name"): r for r in result.results}
    for item in live:
        relation = item.relation
        packs: list[str | None] = [None] if relation.pack is None else list(chunk)
        if relation.pack is None and not first:
            continue
        suite = suite_of[relation.name]
        for rule in item.rules:
            exp_result = by_name.get(rule.name)
            error = _exception(exp_result) if exp_result is not None else "not evaluated"
            if error:
                outcome.errors.append(_error(suite, rule.name, rule.note, error, rule.severity))
                continue
            rows = (exp_result.result or {}).get("unexpected_index_list") or []
            by_pack: dict[str | None, list[dict]] = {}
            for row in rows:
                if row.get("relation") == relation.name:
                    key = row.get("pack_id") if relation.pack is not None else None
                    by_pack.setdefault(key, []).append(row)
            for pack_id in packs:
                failing = by_pack.get(pack_id, [])
                outcome.checks.setdefault(pack_id, []).append(
                    Failure(
                        suite=suite,
                        expectation=rule.name,
                        column=rule.name,
                        severity=rule.severity,
                        note=rule.note,
                        unexpected_count=len(failing),
                        sample=[_sample_row(r, relation) for r in failing[:SAMPLE_SIZE]],
                        expectation_type="expect_column_values_to_not_be_in_set",
                        success=not failing,
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
