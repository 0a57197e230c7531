"""The fact gate: blocking expectations over one pack's facts, before they join the published
marts. One parameterised suite per rule set (`RULE_SETS`); which fact tables get which
rule set is in their contract (contracts/marts/*.yml, `gates: fact_gate`).

    result_by_pack, errors = validate_facts(con, pack_ids)

A pack that fails is quarantined by the caller (dagster_project/transform.py) with its rows and
facts; every other pack still publishes. `errors` are failures of the gate itself (a rule whose
column is missing, a fact table that does not exist): they are nobody's pack's fault and stop
the publish.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from expectations import contract_params
from expectations.gate import Failure, GateResult
from expectations.sql_rules import Relation, Rule, validate_relations

SUITE_PREFIX = "facts"

PACK_JOINS = (
    "left join (select * from raw.packs where pack_id {chunk}) p on p.pack_id = f.pack_id "
    "left join (select * from raw.lines where pack_id {chunk}) l "
    "on l.pack_id = f.pack_id and l.line_number = f.source_line"
)
"""Each fact's pack and printed line, read for the packs being validated only (`{chunk}`)."""
MEASURE_JOIN = " left join reference.measure_catalogue mc on mc.measure = f.measure"

# ---------------------------------------------------------------- rules every fact table has


def key_present(key: str) -> Rule:
    note = f"Every fact has its key ({key})."
    return Rule("fact_key_present", note, f"f.{key} is not null", (key,))


PACK_LOADED = Rule(
    "pack_loaded",
    "The fact's pack is in raw.packs: every fact cites a pack the warehouse holds.",
    "p.pack_id is not null",
    ("pack_id",),
)
LINE_PRINTED = Rule(
    "line_printed",
    "The fact cites a printed line of its pack (raw.lines): a user can check it.",
    "f.source_line is not null and l.line_number is not null",
    ("source_line",),
)


def date_near_meeting(date_sql: str, columns: tuple[str, ...], days_after: int) -> Rule:
    return Rule(
        "period_near_meeting",
        f"The fact's period or date lies between 10 years before and {days_after} days after "
        "the meeting its pack was published for.",
        f"case when {date_sql} is null or p.meeting_date is null then null else "
        f"{date_sql} between p.meeting_date - interval 10 year "
        f"and p.meeting_date + interval {days_after} day end",
        columns,
    )


# ---------------------------------------------------------------- rules of numeric facts

CLEAN_LINE = (
    "regexp_replace(replace(replace(replace(replace(regexp_replace(l.text, '<[^>]*>', '', 'g'), "
    "'&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&amp;', '&'), '\\s+', ' ', 'g')"
)
PROSE = "f.source_kind = 'prose'"
_WHOLES_OF_ROW = (
    "select bool_and(f.value <= w.value) from {table} w join reference.measure_parts mp "
    "on mp.whole_measure = w.measure and mp.part_measure = f.measure where w.pack_id = f.pack_id "
    "and w.pack_id {chunk} and w.source_table_id = f.source_table_id and "
    "w.source_line = f.source_line and w.period_id = f.period_id and "
    "w.value_type is not distinct from f.value_type and w.value is not null"
)
"""Whether a part is within every whole printed in its row and period (null: there is none)."""
_ONE_WHOLE_IN_ROW = (
    " and not exists (select 1 from {table} o where o.pack_id = w.pack_id and "
    "o.source_table_id = w.source_table_id and o.source_line = w.source_line and "
    "o.period_id = w.period_id and o.measure = w.measure and "
    "o.value_type is not distinct from w.value_type and o.fact_id <> w.fact_id)"
)
"""Across a row, a measure printed twice or more in one period is no one whole there: its cells
are parts by outcome (`Advice given | Not upheld | Upheld | Total` across a year's row of the
Ombudsman's decisions, each but Upheld read as its decisions). The whole in the part's own cell
('9 (1U & 2PU)') is one whatever the row prints beside it."""


NUMERIC_RULES = (
    Rule(
        "value_printed_on_line",
        "The value's printed text is on the line it cites: a table cell as printed (or with HTML "
        "stripped); for a figure in a sentence, the number as printed.",
        f"case when {PROSE} then coalesce(strpos({CLEAN_LINE}, f.number_text) > 0, false) "
        "when f.value_text is null then null else coalesce(strpos(l.text, f.value_text) > 0 "
        f"or strpos({CLEAN_LINE}, trim(regexp_replace(f.value_text, '\\s+', ' ', 'g'))) > 0, "
        "false) end",
        ("value_text", "source_line", "source_kind", "number_text"),
    ),
    Rule(
        "measure_in_catalogue",
        "The measure is one of the catalogue (seed measure_catalogue).",
        "case when f.measure is null then null else mc.measure is not null end",
        ("measure",),
    ),
    Rule(
        "unit_matches_catalogue",
        "The unit is the catalogue's unit for the measure (a change printed in a sentence may be "
        "a relative one: percent_change).",
        "case when mc.measure is null then null else mc.unit = f.unit or "
        "(f.value_type = 'change' and f.unit = 'percent_change') end",
        ("measure", "unit", "value_type"),
    ),
    Rule(
        "count_not_negative",
        "A count is never negative (signed changes excepted: *_change measures, value_type "
        "change).",
        "case when f.unit = 'count' and f.value is not null and f.value_type <> 'change' "
        "and f.measure not like '%\\_change' escape '\\' then f.value >= 0 end",
        ("unit", "value", "measure", "value_type"),
    ),
    Rule(
        "percent_0_to_100",
        "A percentage lies within 0 to 100 (a change of one, in points, may be negative).",
        "case when f.unit = 'percent' and f.value is not null and f.value_type <> 'change' "
        "then f.value between 0 and 100 end",
        ("unit", "value", "value_type"),
    ),
    Rule(
        "part_within_whole",
        "A part never exceeds its whole printed in the same row and period (upheld <= "
        "received; seed measure_parts); a part printed in the cell of its whole ('658 (197 "
        "upheld)') is compared with that whole only, and a measure printed twice in the row and "
        "period is no one whole of it.",
        "case when f.value is null or not exists (select 1 from reference.measure_parts mp "
        "where mp.part_measure = f.measure) then null else coalesce("
        f"({_WHOLES_OF_ROW} and w.value_text = f.value_text), "
        f"({_WHOLES_OF_ROW}{_ONE_WHOLE_IN_ROW}), true) end",
        (
            "value",
            "value_text",
            "measure",
            "source_table_id",
            "source_line",
            "period_id",
            "value_type",
        ),
    ),
)

FACT_DATE = "coalesce(f.period_end, f.as_of_date)"


def numeric_fact_table(name: str) -> Relation:
    return Relation(
        table=f"marts.{name}",
        key="fact_id",
        rules=(
            key_present("fact_id"),
            PACK_LOADED,
            LINE_PRINTED,
            *NUMERIC_RULES,
            date_near_meeting(FACT_DATE, ("period_end", "as_of_date"), 400),
        ),
        joins=PACK_JOINS + MEASURE_JOIN,
        sample_columns=("measure", "value", "value_text", "period_id", "l.text"),
    )


def decisions_table(name: str) -> Relation:
    return Relation(
        table=f"marts.{name}",
        key="decision_id",
        rules=(
            key_present("decision_id"),
            PACK_LOADED,
            LINE_PRINTED,
            # a forward plan looks up to three years ahead
            date_near_meeting("f.decision_date", ("decision_date",), 1100),
        ),
        joins=PACK_JOINS,
        sample_columns=("kind", "decision_date", "l.text"),
    )


def decision_items_table(name: str) -> Relation:
    return Relation(
        table=f"marts.{name}",
        key="decision_item_id",
        rules=(
            key_present("decision_item_id"),
            PACK_LOADED,
            LINE_PRINTED,
            Rule(
                "item_text_present",
                "Every item of a decision has its printed text.",
                "f.item_text is not null and trim(f.item_text) <> ''",
                ("item_text",),
            ),
            Rule(
                "item_joins_its_decision",
                "Every item belongs to a decision of the same pack in fct_decisions.",
                "exists (select 1 from marts.fct_decisions d where d.decision_id = f.decision_id "
                "and d.pack_id = f.pack_id and d.pack_id {chunk})",
                ("decision_id",),
            ),
        ),
        joins=PACK_JOINS,
        sample_columns=("decision_id", "item_label", "l.text"),
    )


RULE_SETS = {
    "numeric": numeric_fact_table,
    "decisions": decisions_table,
    "decision_items": decision_items_table,
}
"""The rule sets a mart contract can name (`gates: fact_gate: <name>`, contracts/marts/)."""


def _relation(params: dict) -> Relation:
    relation = RULE_SETS[params["rules"]](params["table"].split(".", 1)[1])
    if relation.key != params["key"]:
        raise ValueError(f"{params['table']}: contract key {params['key']} is not {relation.key}")
    return relation


FACT_TABLES: tuple[Relation, ...] = tuple(_relation(p) for p in contract_params.FACT_GATE)
"""The fact tables (and the items of decisions) whose contract names a fact-gate rule set
(contracts/marts/*.yml, generated into expectations/contract_params.py)."""
RELATIONS = FACT_TABLES


def suite_name(relation: Relation) -> str:
    return f"{SUITE_PREFIX}.{relation.name}"


@dataclass
class FactGateResult:
    """Per pack, a GateResult (gate 'facts'); and the gate's own errors (missing columns)."""

    by_pack: dict[str, GateResult]
    errors: list[Failure]
    validation_results: dict[str, list[Any]]
    seconds: float

    @property
    def failed_packs(self) -> list[str]:
        return sorted(p for p, r in self.by_pack.items() if not r.passed)

    def overall(self) -> GateResult:
        """The run as one result (every pack's outcomes merged rule by rule): what the
        data-quality page shows as each fact suite's latest validation."""
        from expectations.sql_rules import merge_by_rule

        checks = [*self.errors, *merge_by_rule(r.checks for r in self.by_pack.values())]
        failures = [c for c in checks if not c.success]
        files = sorted(
            str(r.subject.get("file_name") or r.subject["pack_id"]) for r in self.by_pack.values()
        )
        return GateResult(
            gate="facts",
            subject={"packs": len(self.by_pack), "files": files[:50]},
            passed=not any(f.severity == "blocking" for f in failures),
            failures=failures,
            checks=checks,
            suites=[suite_name(r) for r in FACT_TABLES],
            run_id=uuid.uuid4().hex[:12],
            validated_at=datetime.now(UTC).isoformat(timespec="seconds"),
            duration_s=self.seconds,
            validation_results={s: v[-1] for s, v in self.validation_results.items() if v},
        )


def validate_facts(
    con: Any, pack_ids: Sequence[str], *, files: dict[str, dict] | None = None
) -> FactGateResult:
    """Run the fact rules over the facts of these packs only. `files` maps pack_id to its
    subject (file_name, sha256) for the reports. DuckDB evaluates every rule on every fact of
    the packs; GX gets the facts that break one (sql_rules)."""
    started = time.perf_counter()
    if not pack_ids:
        return FactGateResult({}, [], {}, 0.0)
    suites = {r.name: suite_name(r) for r in FACT_TABLES}
    outcome = validate_relations(con, SUITE_PREFIX, FACT_TABLES, suites, pack_ids)
    checks: dict[str, list[Failure]] = {p: outcome.checks.get(p, []) for p in pack_ids}
    errors = outcome.errors
    results = {SUITE_PREFIX: outcome.validation_results}
    seconds = time.perf_counter() - started
    validated_at = datetime.now(UTC).isoformat(timespec="seconds")
    by_pack = {}
    for pack_id, pack_checks in checks.items():
        subject = {"pack_id": pack_id, **((files or {}).get(pack_id) or {})}
        failures = [c for c in pack_checks if not c.success]
        by_pack[pack_id] = GateResult(
            gate="facts",
            subject=subject,
            passed=not any(f.severity == "blocking" for f in failures),
            failures=failures,
            checks=pack_checks,
            suites=[suite_name(r) for r in FACT_TABLES],
            run_id=uuid.uuid4().hex[:12],
            validated_at=validated_at,
            duration_s=seconds / max(len(checks), 1),
        )
    return FactGateResult(by_pack, errors, results, seconds)
