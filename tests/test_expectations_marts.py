"""The mart gate (expectations.gate.validate_marts) on small marts built over a real pack."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACK = REPO / "data" / "packs" / "004_2e7dbfc588d445a2.txt"

MARTS_SQL = """
create schema if not exists marts;
create schema if not exists reference;
create or replace table reference.measure_catalogue as
    select * from read_csv('{seed}', header = true, all_varchar = true);
create or replace table marts.dim_pack as select pack_id, sha256, meeting_date from raw.packs;
create or replace table marts.dim_council as select 'E10000028' as council_id;
create or replace table marts.dim_committee as select 'c1' as committee_id;
create or replace table marts.dim_meeting as select 'm1' as meeting_id;
create or replace table marts.dim_document as select document_id from raw.documents;
create or replace table marts.dim_measure as
    select measure as measure_code, unit from reference.measure_catalogue;
create or replace table marts.dim_period as
    select 'FY2017/18' as period_id, date '2017-04-01' as period_start,
           date '2018-03-31' as period_end;
create or replace table marts.dim_service as select 'asc' as service_code;
create or replace table cells as
    select c.*, row_number() over (order by c.table_id, c.row_index, c.col_index, c.part) as n
    from raw.table_cells c
    where c.row_index >= 0 and regexp_full_match(trim(c.raw_text), '[0-9]+');
create or replace table marts.fct_complaints as
    select md5(c.table_id || c.row_index || c.col_index || c.part) as fact_id, c.pack_id,
           null::varchar as document_id, c.table_id as source_table_id,
           c.line_number as source_line, 'complaints_received' as measure,
           trim(c.raw_text)::double as value, 'count' as unit, trim(c.raw_text) as value_text,
           'E10000028' as reporting_council, 'E10000028' as subject_council,
           'asc' as service_code, 'FY2017/18' as period_id,
           date '2017-04-01' as period_start, date '2018-03-31' as period_end,
           null::date as as_of_date
    from cells c where n <= 40;
create or replace table marts.fct_waiting_times as
    select * replace ('referrals_waiting' as measure) from marts.fct_complaints limit 5;
create or replace table marts.fct_placements as
    select * replace ('cla_foster_pct' as measure, 'percent' as unit)
    from marts.fct_complaints limit 5;
create or replace table marts.fct_decisions as
    select md5('d' || line_number) as decision_id, pack_id, null::varchar as document_id,
           line_number as source_line, 'executive_decision' as kind,
           (select meeting_date from raw.packs) - interval 30 day as decision_date,
           'm1' as meeting_id
    from raw.lines where length(text) > 20 limit 5;
create or replace table marts.decision_items as
    select md5(decision_id || '1') as decision_item_id, decision_id, pack_id, document_id,
           1 as item_seq, 'item text' as item_text, source_line, source_line as source_last_line
    from marts.fct_decisions;
create or replace table marts.dq_findings as
    select 'warning' as severity, pack_id, 'components_vs_totals' as check_name,
           '38/42/28/22 vs 38/43/29/20' as "values", [1294, 1300] as lines
    from raw.packs;
"""


@pytest.fixture()
def con():
    from ingest import store
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack

    connection = store.connect(":memory:")
    pack_id = store.stage_pack(connection, pack_frames(parse_pack(PACK)))
    store.promote_pack(connection, pack_id, PACK.name)
    seed = REPO / "dbt" / "seeds" / "measure_catalogue.csv"
    for statement in MARTS_SQL.replace("{seed}", str(seed)).split(";"):
        if statement.strip():
            connection.execute(statement)
    assert connection.execute("select count(*) from marts.fct_complaints").fetchone()[0] >= 10
    yield connection
    connection.close()


def _blocking(result) -> set[str]:
    return {f"{f.suite}.{f.expectation}" for f in result.blocking}


def test_clean_marts_pass_and_dq_warnings_are_reported(con):
    from expectations.gate import validate_marts

    result = validate_marts(con)
    assert result.passed, [f.to_dict() for f in result.blocking]
    warnings = {f"{f.suite}.{f.expectation}" for f in result.warnings}
    assert "marts_dq_findings.consistency_warnings" in warnings
    finding = next(f for f in result.warnings if f.expectation == "consistency_warnings")
    assert finding.unexpected_count == 1
    assert finding.sample[0]["context"]["check_name"] == "components_vs_totals"


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "update marts.fct_complaints set value = -1 where source_line = "
            "(select min(source_line) from marts.fct_complaints)",
            "marts_fct_complaints.counts_non_negative",
        ),
        (
            "update marts.fct_placements set value = 150",
            "marts_fct_placements.percent_0_to_100",
        ),
        (
            "update marts.fct_complaints set value_text = '98765'",
            "marts_fct_complaints.value_printed_on_source_line",
        ),
        (
            "update marts.fct_complaints set source_line = 999999",
            "marts_fct_complaints.source_line_exists",
        ),
        (
            "update marts.fct_complaints set measure = 'complaints_invented'",
            "marts_fct_complaints.measure_in_vocabulary",
        ),
        (
            "update marts.fct_complaints set unit = 'percent'",
            "marts_fct_complaints.unit_matches_vocabulary",
        ),
        (
            "insert into marts.fct_complaints select * from marts.fct_complaints limit 1",
            "marts_fct_complaints.key_unique",
        ),
        (
            "update marts.fct_complaints set reporting_council = 'E99999999'",
            "marts_fct_complaints.fact_joins_dimensions",
        ),
        (
            "update marts.fct_complaints set period_end = date '1990-01-01'",
            "marts_fct_complaints.date_near_meeting_date",
        ),
        (
            "update marts.fct_decisions set decision_date = date '2090-01-01'",
            "marts_fct_decisions.date_near_meeting_date",
        ),
        (
            "update marts.decision_items set decision_id = 'no such decision'",
            "marts_decision_items.item_joins_its_decision",
        ),
        ("drop table marts.fct_waiting_times", "marts_fct_waiting_times.mart_queryable"),
        ("drop table marts.dim_service", "marts_fct_complaints.fact_joins_dimensions"),
        (
            "insert into marts.dim_council select * from marts.dim_council",
            "marts_dim_council.key_unique",
        ),
    ],
)
def test_blocking_mart_expectations(con, sql, expected):
    from expectations.gate import validate_marts

    con.execute(sql)
    result = validate_marts(con)
    assert not result.passed
    assert expected in _blocking(result), _blocking(result)


def test_failure_sample_names_pack_and_line(con):
    from expectations.gate import validate_marts

    con.execute("update marts.fct_complaints set value_text = '98765'")
    result = validate_marts(con, suites=["marts_fct_complaints"])
    failure = next(f for f in result.blocking if f.expectation == "value_printed_on_source_line")
    item = failure.sample[0]
    assert isinstance(item["line"], int) and item["line"] > 0
    assert item["context"]["pack_id"] and item["context"]["value_text"] == "98765"
    assert "source_text" in item["context"]
