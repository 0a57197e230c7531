"""The warehouse gate (expectations/mart_gate.py) after it stopped handing every row to GX:
DuckDB still evaluates every rule on every row in scope (the packs just transformed, and the
whole of each relation of no pack scope), and GX gets only the rows that break a rule. A
violation that involves a gated pack and a pack that is not gated, or a row of a whole relation
that no gated pack wrote, is still caught, blocking, and named. Over a copy of the session's
dbt build of the bundled packs."""

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


def _failure(result, suite: str, expectation: str):
    found = [f for f in result.failures if (f.suite, f.expectation) == (suite, expectation)]
    assert found, f"{suite} {expectation} did not fail: {[f.expectation for f in result.failures]}"
    return found[0]


def test_a_key_of_a_gated_pack_duplicating_a_pack_not_gated_fails_and_names_the_gated_pack(con):
    from expectations.mart_gate import failing_packs, validate_warehouse

    old, new = _pack(con, "000"), _pack(con, "002")
    assert validate_warehouse(con, [new]).passed
    fact_id = con.execute(
        "select fact_id from marts.fct_complaints where pack_id = ? order by fact_id limit 1",
        [old],
    ).fetchone()[0]
    # the pack being published brings a fact whose key a published pack already holds
    con.execute(
        "insert into marts.fct_complaints select * replace (? as pack_id) "
        "from marts.fct_complaints where fact_id = ?",
        [new, fact_id],
    )
    result = validate_warehouse(con, [new])
    assert not result.passed
    failure = _failure(result, "warehouse.fct_complaints", "fact_key_unique")
    assert failure.severity == "blocking"
    assert failure.unexpected_count == 1  # only the gated pack's rows are in scope
    assert [s["key"] for s in failure.sample] == [fact_id]
    assert failing_packs(result) == [new]


def test_a_row_of_a_whole_relation_no_gated_pack_wrote_is_still_checked(con):
    from expectations.mart_gate import validate_warehouse

    gated = _pack(con, "002")
    finding_id, pack_id = con.execute(
        "select finding_id, pack_id from marts.dq_findings where pack_id <> ? "
        "order by finding_id limit 1",
        [gated],
    ).fetchone()
    con.execute("update marts.dq_findings set severity = null where finding_id = ?", [finding_id])
    result = validate_warehouse(con, [gated])
    assert not result.passed
    failure = _failure(result, "warehouse.dq_findings", "finding_severity_present")
    assert failure.unexpected_count == 1 and failure.sample[0]["key"] == finding_id
    total = con.execute("select count(*) from marts.dq_findings").fetchone()[0]
    assert result.subject["rows_checked"]["dq_findings (whole)"] == total


def test_a_duplicate_or_missing_dimension_key_fails_whichever_pack_was_gated(con):
    from expectations.mart_gate import validate_warehouse

    gated = _pack(con, "002")
    con.execute("insert into marts.dim_council select * from marts.dim_council limit 1")
    (council,) = con.execute(
        "select council_id from marts.dim_council group by 1 having count(*) > 1"
    ).fetchone()
    con.execute(
        "update marts.dim_measure set measure_code = null where measure_code = "
        "(select min(measure_code) from marts.dim_measure)"
    )
    result = validate_warehouse(con, [gated])
    duplicate = _failure(result, "warehouse.dim_council", "dimension_key_unique")
    assert duplicate.unexpected_count == 2 and {s["key"] for s in duplicate.sample} == {council}
    # a null key is neither present nor unique (as the correlated count always said)
    assert _failure(result, "warehouse.dim_measure", "dimension_key_present").unexpected_count == 1
    assert _failure(result, "warehouse.dim_measure", "dimension_key_unique").unexpected_count == 1
    assert not result.passed


def test_the_references_of_the_gated_packs_dim_pack_rows_are_checked(con):
    """marts.dim_pack is two relations of the gate (its references for the gated packs, its
    key whole): each keeps its own rules."""
    from expectations.mart_gate import failing_packs, validate_warehouse

    gated = _pack(con, "002")
    con.execute("update marts.dim_pack set council_id = 'E99999999' where pack_id = ?", [gated])
    result = validate_warehouse(con, [gated])
    assert not result.passed
    failure = _failure(result, "warehouse.dim_pack", "council_id_in_dim_council")
    assert failure.unexpected_count == 1 and failure.sample[0]["key"] == gated
    assert failing_packs(result) == [gated]
    names = {c.expectation for c in result.checks if c.suite == "warehouse.dim_pack"}
    assert names == {
        "council_id_in_dim_council",
        "committee_id_in_dim_committee",
        "meeting_id_in_dim_meeting",
        "dimension_key_present",
        "dimension_key_unique",
    }


def test_gx_validates_only_the_rows_that_break_a_rule(con):
    from expectations.mart_gate import validate_warehouse

    gated = con.execute(  # a pack with complaints facts
        "select pack_id from marts.fct_complaints group by 1 order by count(*) desc limit 1"
    ).fetchone()[0]
    clean = validate_warehouse(con, [gated])
    assert clean.passed
    validation = clean.validation_results["warehouse"]
    failing = sum(c.unexpected_count or 0 for c in clean.checks if not c.success)
    # the frame GX saw: the failing rows only (dq_findings key warnings, if any), not every row
    assert {r.result["element_count"] for r in validation.results} == {failing}
    rows = clean.subject["rows_checked"]
    complaints = con.execute(
        "select count(*) from marts.fct_complaints where pack_id = ?", [gated]
    ).fetchone()[0]
    assert rows["fct_complaints"] == complaints > 0
    assert (
        rows["dim_council (whole)"]
        == con.execute("select count(*) from marts.dim_council").fetchone()[0]
    )


def test_a_missing_column_fails_the_warehouse_gate_loudly(con):
    from expectations.mart_gate import validate_warehouse

    con.execute("alter table marts.dq_findings drop column severity")
    result = validate_warehouse(con, [_pack(con, "002")])
    error = _failure(result, "warehouse.dq_findings", "finding_severity_present")
    assert error.severity == "blocking" and "severity missing from marts.dq_findings" in error.error
    assert not result.passed
