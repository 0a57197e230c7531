"""The fact gate (expectations/fact_gate.py) and the warehouse gate (expectations/mart_gate.py)
over a copy of the session's dbt build of the bundled packs: clean marts pass; a fact that
breaks a rule fails its own pack only, naming the printed line; a rule whose column is missing
fails loudly instead of being skipped."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from warehouse import settings


@pytest.fixture()
def con(dbt_built, tmp_path):
    path = settings.work_db(tmp_path)
    path.parent.mkdir(parents=True)
    shutil.copy(dbt_built["db"], path)
    connection = duckdb.connect(str(path))
    yield connection
    connection.close()


def _pack(con, prefix: str) -> str:
    return con.execute(
        "select pack_id from raw.packs where file_name like ?", [f"{prefix}_%"]
    ).fetchone()[0]


def _packs(con) -> list[str]:
    return [r[0] for r in con.execute("select pack_id from raw.packs order by 1").fetchall()]


def _failed(result, pack_id) -> dict:
    return {f.expectation: f for f in result.by_pack[pack_id].failures}


def test_the_bundled_packs_pass_the_fact_gate(con):
    from expectations.fact_gate import validate_facts

    result = validate_facts(con, _packs(con))
    assert not result.errors
    assert result.failed_packs == []
    checks = result.by_pack[_pack(con, "000")].checks
    complaints = {c.expectation for c in checks if c.suite == "facts.fct_complaints"}
    assert complaints == {
        "fact_key_present",
        "pack_loaded",
        "line_printed",
        "value_printed_on_line",
        "measure_in_catalogue",
        "unit_matches_catalogue",
        "count_not_negative",
        "percent_0_to_100",
        "part_within_whole",
        "period_near_meeting",
    }
    assert all(c.success for c in checks)


@pytest.mark.parametrize("literal_packs", [16, 0], ids=["ids listed", "ids joined"])
def test_upheld_above_received_fails_only_its_own_pack(con, monkeypatch, literal_packs):
    """Pack 000 line 1819 prints '9 (1U & 2PU)': 30 upheld of 9 received breaks the rule,
    whether the gated packs' ids are listed in the SQL or joined (sql_rules.pack_scope)."""
    from expectations import sql_rules
    from expectations.fact_gate import validate_facts

    monkeypatch.setattr(sql_rules, "LITERAL_PACKS", literal_packs)

    pack = _pack(con, "000")
    # the fact as printed: 1 complaint upheld, adult social care, 2014/15 quarter 1, Blackpool
    printed = con.execute(
        "select value, service_text, period_id, reporting_council from marts.fct_complaints "
        "where pack_id = ? and source_line = 1819 and value_text = '9 (1U & 2PU)' "
        "and measure = 'complaints_upheld'",
        [pack],
    ).fetchall()
    assert printed == [(1.0, "Adult Social Care", "FY2014/15-Q1", "E06000009")]
    con.execute(
        "update marts.fct_complaints set value = 30 where pack_id = ? and source_line = 1819 "
        "and value_text = '9 (1U & 2PU)' and measure = 'complaints_upheld'",
        [pack],
    )
    result = validate_facts(con, _packs(con))
    assert result.failed_packs == [pack]
    failure = _failed(result, pack)["part_within_whole"]
    assert failure.unexpected_count == 1
    assert failure.sample[0]["line"] == 1819
    assert failure.sample[0]["context"]["value_text"] == "9 (1U & 2PU)"


@pytest.mark.parametrize(
    ("sql", "rule"),
    [
        (
            "update marts.fct_complaints set value = -1 where measure = 'complaints_received'",
            "count_not_negative",
        ),
        ("update marts.fct_placements set value = 150 where unit = 'percent'", "percent_0_to_100"),
        ("update marts.fct_complaints set value_text = '98765'", "value_printed_on_line"),
        ("update marts.fct_complaints set source_line = 999999", "line_printed"),
        ("update marts.fct_complaints set measure = 'complaints_invented'", "measure_in_catalogue"),
        ("update marts.fct_complaints set period_end = date '1990-03-31'", "period_near_meeting"),
        ("update marts.fct_decisions set decision_date = date '2090-01-01'", "period_near_meeting"),
    ],
)
def test_each_rule_catches_its_kind_of_fault(con, sql, rule):
    from expectations.fact_gate import validate_facts

    con.execute(sql)
    result = validate_facts(con, _packs(con))
    assert result.failed_packs, rule
    assert any(rule in _failed(result, p) for p in result.failed_packs)


def test_failing_rows_go_to_gx_in_chunks_with_the_verdicts_of_one_validation(con, monkeypatch):
    """DuckDB reads each fact table once for every pack gated; the rows that break a rule go to
    GX in chunks of about ROWS_PER_CHUNK of them, a pack whole. Chunked or not, every pack gets
    the same verdict, counts and samples (ordered by printed line), and every fact is counted
    once."""
    from expectations import sql_rules
    from expectations.fact_gate import SUITE_PREFIX, validate_facts

    received = (
        "measure = 'complaints_received' and unit = 'count' and value is not null "
        "and value_type <> 'change'"
    )
    broken = dict(
        con.execute(
            f"select pack_id, count(*) from marts.fct_complaints where {received} group by 1"
        ).fetchall()
    )
    assert len(broken) >= 2, broken
    pack = _pack(con, "000")
    # one of them as printed: line 1679 'Complaints 91 108 125 90', Adult Services 2014/2015
    printed = con.execute(
        f"select value, service_area, period_id, reporting_council from marts.fct_complaints "
        f"where pack_id = ? and source_line = 1679 and value_text = '91' and {received}",
        [pack],
    ).fetchall()
    assert printed == [(91.0, "adult", "FY2014/15", "E06000009")]
    con.execute(f"update marts.fct_complaints set value = -1 where {received}")
    whole = validate_facts(con, _packs(con))
    monkeypatch.setattr(sql_rules, "ROWS_PER_CHUNK", 1)
    chunked = validate_facts(con, _packs(con))
    assert len(whole.validation_results[SUITE_PREFIX]) == 1
    assert len(chunked.validation_results[SUITE_PREFIX]) >= len(broken)
    assert sorted(chunked.failed_packs) == sorted(broken) == sorted(whole.failed_packs)
    for pack_id, count in broken.items():
        failure = _failed(chunked, pack_id)["count_not_negative"]
        assert failure.unexpected_count == count
        lines = [row["line"] for row in failure.sample]
        assert lines == sorted(lines) and len(lines) == min(count, 5)
        assert failure.sample == _failed(whole, pack_id)["count_not_negative"].sample
    for pack_id in _packs(con):
        assert chunked.by_pack[pack_id].checks == whole.by_pack[pack_id].checks
    sample = _failed(chunked, pack)["count_not_negative"].sample
    assert sample[0]["line"] == 1679  # pack 000's first complaints received, in printed order


def test_only_the_packs_asked_for_are_gated(con):
    from expectations.fact_gate import validate_facts

    bad, good = _pack(con, "000"), _pack(con, "002")
    con.execute("update marts.fct_complaints set value = -5 where pack_id = ?", [bad])
    result = validate_facts(con, [good])
    assert list(result.by_pack) == [good] and result.failed_packs == []


def test_a_missing_column_fails_the_gate_it_is_never_skipped(con):
    from expectations.fact_gate import validate_facts

    con.execute("alter table marts.fct_complaints drop column value_text")
    result = validate_facts(con, _packs(con))
    errors = {(e.suite, e.expectation): e for e in result.errors}
    error = errors[("facts.fct_complaints", "value_printed_on_line")]
    assert error.severity == "blocking" and "value_text" in error.error
    assert "missing from marts.fct_complaints" in error.error


def test_the_warehouse_gate_passes_clean_marts_and_names_the_pack_of_a_broken_key(con):
    from expectations.mart_gate import failing_packs, validate_warehouse

    assert validate_warehouse(con, _packs(con)).passed
    pack = _pack(con, "004")
    con.execute(
        "insert into marts.fct_placements select * from marts.fct_placements "
        "where pack_id = ? limit 1",
        [pack],
    )
    result = validate_warehouse(con, _packs(con))
    assert not result.passed
    assert "fact_key_unique" in {f.expectation for f in result.blocking}
    assert failing_packs(result) == [pack]


def test_the_warehouse_gate_checks_facts_join_their_dimensions(con):
    from expectations.mart_gate import validate_warehouse

    con.execute("update marts.fct_complaints set reporting_council = 'E99999999'")
    result = validate_warehouse(con, _packs(con))
    assert "reporting_council_in_dim_council" in {f.expectation for f in result.blocking}
