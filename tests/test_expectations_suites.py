"""The suites are reviewed files: well-formed GX 1.x suites, every expectation named, with a
severity and a note, and every derived column documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SUITES = REPO / "expectations" / "suites"
SUITE_FILES = sorted(SUITES.glob("*.json"))


def test_one_suite_per_raw_table_and_rules_for_every_mart():
    from expectations import fact_gate, mart_gate
    from ingest.schema import RAW_TABLES

    names = {p.stem for p in SUITE_FILES}
    assert {f"pack_{table}" for table in RAW_TABLES} <= names
    assert not [n for n in names if n.startswith("marts_")]  # the marts' rules live in code
    marts = {
        p.stem
        for p in (REPO / "dbt" / "models").glob("*/*.sql")
        if p.stem.startswith(("fct_", "dim_")) or p.stem == "dq_findings"
    }
    covered = {r.name for r in (*fact_gate.RELATIONS, *mart_gate.RELATIONS)}
    assert not marts - covered, f"marts without rules: {sorted(marts - covered)}"
    fact_tables = {r.name for r in fact_gate.RELATIONS}
    assert fact_tables == {
        *(f"fct_{d}" for d in ("waiting_times", "complaints", "placements", "decisions")),
        "decision_items",
    }


def test_the_fact_rules_are_one_definition_for_the_four_fact_tables():
    from expectations import fact_gate

    numeric = [r for r in fact_gate.RELATIONS if r.key == "fact_id"]
    assert len(numeric) == 3
    names = [[rule.name for rule in r.rules] for r in numeric]
    assert names[0] == names[1] == names[2]
    assert {"count_not_negative", "part_within_whole", "percent_0_to_100"} <= set(names[0])
    for relation in (r for r in fact_gate.RELATIONS if r.name.startswith("fct_")):
        assert {"fact_key_present", "line_printed", "period_near_meeting"} <= {
            rule.name for rule in relation.rules
        }


@pytest.mark.parametrize("path", SUITE_FILES, ids=lambda p: p.stem)
def test_suite_file_is_reviewable(path):
    spec = json.loads(path.read_text(encoding="utf-8"))
    assert spec["name"] == path.stem
    assert spec["meta"]["description"]
    names = [e["meta"]["name"] for e in spec["expectations"]]
    assert len(names) == len(set(names)), "expectation names must be unique within a suite"
    for exp in spec["expectations"]:
        meta = exp["meta"]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", meta["name"])
        assert meta["severity"] in ("blocking", "warning")
        assert exp["severity"] == {"blocking": "critical", "warning": "warning"}[meta["severity"]]
        assert len(meta["note"]) > 10, f"{meta['name']}: say what it protects"
    assert any(e["meta"]["severity"] == "blocking" for e in spec["expectations"])


@pytest.mark.parametrize("path", SUITE_FILES, ids=lambda p: p.stem)
def test_suite_loads_into_gx(path):
    from expectations import _gx

    suite = _gx.build_suite(path.stem)
    assert len(suite.expectations) == len(_gx.suite_spec(path.stem)["expectations"])
    for expectation in suite.expectations:
        assert expectation.notes  # the note is shown in Data Docs


@pytest.mark.parametrize("path", [p for p in SUITE_FILES if p.stem.startswith("pack_")])
def test_pack_suite_columns_are_schema_or_documented_derived(path):
    from ingest.raw_contract import RAW_COLUMNS

    spec = json.loads(path.read_text(encoding="utf-8"))
    table = spec["meta"]["table"]
    schema = set(RAW_COLUMNS[table])
    derived = set(spec["meta"].get("derived_columns", {}))
    for exp in spec["expectations"]:
        kwargs = exp["kwargs"]
        columns = [kwargs.get("column"), kwargs.get("column_A"), kwargs.get("column_B")]
        columns += kwargs.get("column_list", [])
        columns += [exp["meta"].get("line_column")] + exp["meta"].get("sample_columns", [])
        for column in filter(None, columns):
            assert column in schema | derived, f"{exp['meta']['name']}: {column} undocumented"
