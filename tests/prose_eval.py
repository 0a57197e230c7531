"""Scoring of the prose facts against the evaluation set tests/data/prose_eval.yml (see its
header): recall = entries found / entries; precision = prose facts matching an entry / prose
facts. Used by tests/test_prose_eval.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EVAL_FILE = Path(__file__).parent / "data" / "prose_eval.yml"
FACT_TABLES = ("fct_complaints", "fct_waiting_times", "fct_placements")
PART_COLUMNS = ("theme", "segment", "procedure", "stage", "breakdown", "district")


@dataclass(frozen=True)
class Fact:
    pack: str
    line: int
    measure: str
    value: float
    value_type: str
    period: str
    area: str | None
    part: str | None  # the theme, segment, procedure, stage... it is about (' | ' between several)
    text: str


@dataclass
class Score:
    total: int
    found: int
    facts: int
    correct: int
    missed: list[dict] = field(default_factory=list)
    wrong: list[Fact] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.facts if self.facts else 0.0


def load_entries() -> list[dict]:
    return yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))


def load_facts(con) -> list[Fact]:
    """Every prose fact of the fact tables, with its pack's file-name prefix."""
    return [
        Fact(*row)
        for table in FACT_TABLES
        for row in con.execute(_facts_sql(con, table)).fetchall()
    ]


def _facts_sql(con, table: str) -> str:
    columns = {
        name
        for (name,) in con.execute(
            "select column_name from information_schema.columns"
            " where table_schema = 'marts' and table_name = ?",
            [table],
        ).fetchall()
    }
    # every part the fact names, joined: a share of a theme within a team names both
    part = [f"f.{c}" for c in PART_COLUMNS if c in columns]
    part_sql = f"nullif(concat_ws(' | ', {', '.join(part)}), '')" if part else "null"
    return f"""select substr(p.file_name, 1, 3), f.source_line, f.measure, f.value, f.value_type,
                      f.period_id, f.service_area, {part_sql}, f.number_text
               from marts.{table} f join marts.dim_pack p using (pack_id)
               where f.source_kind = 'prose'"""


def _matches(fact: Fact, entry: dict) -> bool:
    if (
        fact.pack != entry["pack"]
        or fact.line != entry["line"]
        or fact.measure != entry["measure"]
        or abs(fact.value - float(entry["value"])) > 0.01
        or fact.value_type != entry.get("type", "actual")
        or fact.period != entry["period"]
        or fact.area != entry.get("area")
    ):
        return False
    part = entry.get("part")
    if part is None:
        return fact.part is None
    return fact.part is not None and any(_names(p, part) for p in fact.part.split(" | "))


def _names(printed: str, part: str) -> bool:
    a, b = _norm(printed), _norm(part)
    return a in b or b in a


def _norm(text: str) -> str:
    """Letters and digits only: 'Staff Attitude/ Treatment' reads as 'Staff Attitude/Treatment'."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def score(facts: list[Fact], entries: list[dict] | None = None) -> Score:
    entries = load_entries() if entries is None else entries
    found = [e for e in entries if any(_matches(f, e) for f in facts)]
    wrong = [f for f in facts if not any(_matches(f, e) for e in entries)]
    return Score(
        total=len(entries),
        found=len(found),
        facts=len(facts),
        correct=len(facts) - len(wrong),
        missed=[e for e in entries if e not in found],
        wrong=wrong,
    )
