"""The dbt project (dbt/) built over the real bundled packs: marts hold the facts the packs print.

One session fixture parses every bundled pack into a temporary work DB with the ingest CLI,
then runs `dbt build` (and `dbt docs generate`) through the dbt CLI with its own target path.
Packs are identified by file name, never by pack_id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DBT_DIR = REPO / "dbt"
PACKS = REPO / "data" / "packs"


@pytest.fixture(scope="session")
def built(dbt_built):
    return dbt_built


@pytest.fixture(scope="session")
def con(marts_con):
    return marts_con


def pack_id(con, prefix: str) -> str:
    rows = con.execute(
        "select pack_id from marts.dim_pack where file_name like ?", [f"{prefix}_%"]
    ).fetchall()
    assert len(rows) == 1, rows
    return rows[0][0]


def one(con, sql: str, params: list) -> tuple:
    rows = con.execute(sql, params).fetchall()
    assert len(rows) == 1, (sql, params, rows)
    return rows[0]


def values(con, table: str, where: str, params: list) -> dict[str, float]:
    rows = con.execute(f"select measure, value from marts.{table} where {where}", params).fetchall()
    out: dict[str, float] = {}
    for measure, value in rows:
        assert measure not in out, (measure, rows)
        out[measure] = value
    return out


# --------------------------------------------------------------------------- the build


def test_dbt_build_passes_with_warnings_stored(built):
    out = built["build"].stdout
    assert "ERROR=0" in out
    assert "WARN=" in out and "WARN=0 " not in out  # the real packs break consistency checks


def test_dbt_docs_generate_works(built):
    assert built["docs"].returncode == 0, built["docs"].stdout[-3000:]
    assert (built["target"] / "catalog.json").exists()


def test_every_mart_column_is_described(built):
    import json

    manifest = json.loads((built["target"] / "manifest.json").read_text())
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or node["schema"] != "marts":
            continue
        assert node["description"], node["name"]
        for column in node["columns"].values():
            assert column["description"], (node["name"], column["name"])


def test_marts_exist(con):
    for table in [
        "dim_pack",
        "dim_council",
        "dim_committee",
        "dim_meeting",
        "dim_document",
        "dim_service",
        "dim_period",
        "dim_measure",
        "fct_waiting_times",
        "fct_complaints",
        "fct_decisions",
        "fct_placements",
        "dq_findings",
    ]:
        assert con.execute(f"select count(*) from marts.{table}").fetchone()[0] > 0, table


# --------------------------------------------------------------------------- waiting times


def test_camhs_february_2023(con):
    got = values(
        con,
        "fct_waiting_times",
        "pack_id = ? and service_code = 'camhs' and as_of_date = date '2023-02-28'",
        [pack_id(con, "002")],
    )
    assert got == {
        "referrals_waiting": 263,
        "waiting_over_18_weeks": 88,
        "pct_waiting_over_18_weeks": 33,
        "max_wait_weeks": 47,
        "avg_wait_weeks": 14,
    }
    lines = con.execute(
        "select distinct source_line from marts.fct_waiting_times where pack_id = ? "
        "and service_code = 'camhs' and as_of_date = date '2023-02-28'",
        [pack_id(con, "002")],
    ).fetchall()
    assert lines == [(605,)]


def test_not_known_is_null_with_text_kept(con):
    rows = con.execute(
        "select value, value_text from marts.fct_waiting_times where pack_id = ? "
        "and service_code = 'camhs' and as_of_date = date '2022-02-28' "
        "and measure = 'max_wait_weeks'",
        [pack_id(con, "002")],
    ).fetchall()
    assert rows == [(None, "Not known")]


def test_dashboard_december_2023_speech_and_language(con):
    pid = pack_id(con, "002")
    got = values(
        con,
        "fct_waiting_times",
        "pack_id = ? and source_line = 672 and as_of_date = date '2023-12-31'",
        [pid],
    )
    assert got["avg_wait_weeks"] == 26
    assert got["max_wait_weeks"] == 69
    assert got["waiting_over_52_weeks"] == 41
    assert got["referrals_waiting"] == 331
    assert got["referrals_waiting_change"] == 35
    services = con.execute(
        "select distinct service_code, unit from marts.fct_waiting_times "
        "where pack_id = ? and source_line = 672 and measure = 'avg_wait_weeks'",
        [pid],
    ).fetchall()
    assert services == [("speech_language_therapy", "weeks")]
    trend = one(
        con,
        "select trend from marts.fct_waiting_times where pack_id = ? and source_line = 672 "
        "and measure = 'avg_wait_weeks'",
        [pid],
    )
    assert trend == ("down",)


def test_a_change_printed_in_brackets_gives_its_figure_a_trend(con):
    """002 line 672 'Referrals waiting 331 (↑35)': 331 went up, by +35; line 680 'Referrals
    waiting 31 (↓2)': 31 went down, by -2. No arrow follows the figure itself."""
    pid = pack_id(con, "002")
    got = con.execute(
        "select source_line, measure, value, trend from marts.fct_waiting_times "
        "where pack_id = ? and source_line in (672, 680) and measure like 'referrals_waiting%' "
        "order by source_line, measure",
        [pid],
    ).fetchall()
    assert got == [
        (672, "referrals_waiting", 331, "up"),
        (672, "referrals_waiting_change", 35, "up"),
        (680, "referrals_waiting", 31, "down"),
        (680, "referrals_waiting_change", -2, "down"),
    ]


# --------------------------------------------------------------------------- complaints


def test_adult_complaints_2014_15_total(con):
    got = values(
        con,
        "fct_complaints",
        "pack_id = ? and source_line = 1823 and fiscal_year = '2014/15' and fiscal_quarter is null",
        [pack_id(con, "000")],
    )
    assert got == {
        "complaints_received": 91,
        "complaints_upheld": 19,
        "complaints_partially_upheld": 26,
    }
    area, total = one(
        con,
        "select service_area, is_total from marts.fct_complaints where pack_id = ? "
        "and source_line = 1823 and fiscal_quarter is null and measure = 'complaints_received'",
        [pack_id(con, "000")],
    )
    assert (area, total) == ("adult", True)


def test_commissioning_quarter_1(con):
    got = values(
        con,
        "fct_complaints",
        "pack_id = ? and source_line = 1822 and fiscal_quarter = 1 "
        "and service_code = 'commissioning'",
        [pack_id(con, "000")],
    )
    assert got == {
        "complaints_received": 9,
        "complaints_upheld": 3,
        "complaints_partially_upheld": 2,
    }
    start, end = one(
        con,
        "select distinct period_start, period_end from marts.fct_complaints where pack_id = ? "
        "and source_line = 1822 and fiscal_quarter = 1",
        [pack_id(con, "000")],
    )
    assert (str(start), str(end)) == ("2014-04-01", "2014-06-30")


def test_comparison_row_is_a_fact_for_its_own_year(con):
    got = values(
        con,
        "fct_complaints",
        "pack_id = ? and is_comparison and fiscal_year = '2013/14' and fiscal_quarter is null "
        "and source_table_id = (select source_table_id from marts.fct_complaints "
        "where pack_id = ? and source_line = 1823 limit 1)",
        [pack_id(con, "000"), pack_id(con, "000")],
    )
    assert got == {
        "complaints_received": 108,
        "complaints_upheld": 23,
        "complaints_partially_upheld": 32,
    }


def test_upheld_codes_with_bracketed_total(con):
    # '3U & 4PU [31]': upheld 3, partially upheld 4, received 31
    rows = con.execute(
        "select measure, value from marts.fct_complaints where pack_id = ? "
        "and value_text = '3U & 4PU [31]' order by measure",
        [pack_id(con, "000")],
    ).fetchall()
    assert rows == [
        ("complaints_partially_upheld", 4),
        ("complaints_received", 31),
        ("complaints_upheld", 3),
    ]


def test_stage_2_investigations_by_service_are_complaints_not_placements(con):
    """004 lines 1265-1266, under 'The table below shows the Stage 2 Investigations that took
    place in respect of the services within Families First': 'Looked after Children and
    Disability Services | 4' is a service's stage 2 investigations (2017/18), not children."""
    rows = con.execute(
        "select source_line, measure, value, stage, period_id, service_code "
        "from marts.fct_complaints where pack_id = ? and source_line in (1265, 1266) "
        "order by source_line",
        [pack_id(con, "004")],
    ).fetchall()
    assert rows == [
        (1265, "stage2_investigations", 4, "2", "FY2017/18", "lac_disability"),
        (1266, "stage2_investigations", 1, "2", "FY2017/18", "specialist_safeguarding"),
    ]
    placements = con.execute(
        "select count(*) from marts.fct_placements where pack_id = ? "
        "and source_line in (1265, 1266)",
        [pack_id(con, "004")],
    ).fetchone()
    assert placements == (0,)


def test_percent_with_fraction(con):
    rows = con.execute(
        "select measure, value from marts.fct_complaints where pack_id = ? "
        "and value_text = '44.44% 4/9' order by measure",
        [pack_id(con, "000")],
    ).fetchall()
    assert rows == [
        ("complaints_in_timescale", 4),
        ("complaints_in_timescale_pct", 44.44),
        ("complaints_received", 9),
    ]


def test_na_is_null_with_its_text_kept(con):
    """One rule for tokens: N/A is 'not applicable' - null, in a count as in a percentage."""
    pid = pack_id(con, "000")
    # Business Support & Resources complaints: N/A, N/A, 1, 1 with a total of 2
    counts = con.execute(
        "select distinct value, value_status from marts.fct_complaints where pack_id = ? "
        "and source_line = 1821 and value_text = 'N/A'",
        [pid],
    ).fetchall()
    assert counts == [(None, "null_token")]
    # the same service's timescale percentages
    percentages = con.execute(
        "select distinct value, value_status from marts.fct_complaints where pack_id = ? "
        "and measure = 'complaints_in_timescale_pct' and value_text = 'N/A'",
        [pid],
    ).fetchall()
    assert percentages == [(None, "null_token")]


def test_no_complaints_in_pack_002(con):
    n = con.execute(
        "select count(*) from marts.fct_complaints where pack_id = ?", [pack_id(con, "002")]
    ).fetchone()[0]
    assert n == 0


# --------------------------------------------------------------------------- placements


def test_looked_after_rate_benchmark(con):
    pid = pack_id(con, "001")
    rows = dict(
        con.execute(
            "select c.short_name, f.value from marts.fct_placements f "
            "join marts.dim_council c on c.council_id = f.subject_council "
            "where f.pack_id = ? and f.measure = 'cla_rate_per_10000' "
            "and f.as_of_date = date '2017-03-31'",
            [pid],
        ).fetchall()
    )
    assert rows["Blackpool"] == 163
    assert rows["Liverpool"] == 115
    assert rows["Middlesbrough"] == 120
    lines = con.execute(
        "select min(source_line), max(source_line), count(distinct subject_council), "
        "min(unit), max(reporting_council) from marts.fct_placements "
        "where pack_id = ? and measure = 'cla_rate_per_10000' and source_kind = 'table'",
        [pid],
    ).fetchone()
    assert lines == (130, 135, 6, "rate_per_10000", "E06000009")


def test_children_ceasing_care_by_reason(con):
    total = con.execute(
        "select sum(value) from marts.fct_placements where pack_id = ? "
        "and measure = 'children_ceasing_care' and source_kind = 'table'",
        [pack_id(con, "004")],
    ).fetchone()[0]
    assert total == 315


def test_the_sentences_beside_those_tables_are_prose_facts(con):
    """001 l.127 'As at 24 March 2017, this figure is 527. This represents 163 per 10,000' and
    004 l.1897 (315 children ceased to be looked after in 2017/18) are facts of their own."""
    rate = con.execute(
        "select value, as_of_date::varchar, source_kind from marts.fct_placements "
        "where pack_id = ? and measure = 'cla_rate_per_10000' and source_line = 127",
        [pack_id(con, "001")],
    ).fetchall()
    assert rate == [(163, "2017-03-24", "prose")]
    ceased = con.execute(
        "select value, period_id, source_kind from marts.fct_placements where pack_id = ? "
        "and measure = 'children_ceasing_care' and source_line = 1897",
        [pack_id(con, "004")],
    ).fetchall()
    assert ceased == [(315, "FY2017/18", "prose")]


def test_legal_status_by_age_band_keeps_its_band_and_line(con):
    """Pack 004 line 1848 heads its columns with age bands: each figure carries its band."""
    rows = dict(
        con.execute(
            "select column_name, value from marts.fct_placements where pack_id = ? "
            "and source_line = 1849 and row_label = 'Interim Care Order'",
            [pack_id(con, "004")],
        ).fetchall()
    )
    assert rows["0-4 years"] == 55 and rows["5-8 years"] == 21 and rows["Total"] == 107


# --------------------------------------------------------------------------- decisions


def test_decision_ph_41_2015(con):
    row = one(
        con,
        "select reference_printed, decision_date, decision_maker, source_line, kind, title "
        "from marts.fct_decisions where pack_id = ? and reference = 'PH/41/2015' "
        "and source_table_id is not null",
        [pack_id(con, "000")],
    )
    assert row[0] == "PH/41/2015"
    assert str(row[1]) == "2015-07-20"
    assert row[2] == "Cllr Jones"
    assert row[3] == 765
    assert row[4] == "executive_decision"
    assert row[5] == "LOCAL AUTHORITY NURSERY REVIEW"


def test_reference_normalised_with_printed_form_kept(con):
    row = one(
        con,
        "select reference, decision_date from marts.fct_decisions "
        "where pack_id = ? and reference_printed = 'EX47/2023'",
        [pack_id(con, "002")],
    )
    assert row[0] == "EX/47/2023"
    assert str(row[1]) == "2023-12-11"


def test_forward_plan_item_anticipated_month(con):
    row = one(
        con,
        "select kind, anticipated_month, decision_maker from marts.fct_decisions "
        "where pack_id = ? and reference = '12/2015'",
        [pack_id(con, "000")],
    )
    assert row[0] == "forward_plan_item"
    assert str(row[1]) == "2015-10-01"


def test_minutes_resolutions_loaded(con):
    n = con.execute(
        "select count(*) from marts.fct_decisions where pack_id = ? and kind = 'resolution'",
        [pack_id(con, "004")],
    ).fetchone()[0]
    assert n >= 5


# --------------------------------------------------------------------------- provenance, dq


def test_every_fact_has_pack_line_and_shows_its_value(con):
    for table in ["fct_waiting_times", "fct_complaints", "fct_placements"]:
        bad = con.execute(
            f"""
            select f.fact_id, f.value_text, l.text
            from marts.{table} f
            left join raw.lines l on l.pack_id = f.pack_id and l.line_number = f.source_line
            where f.pack_id is null or f.source_line is null or l.text is null
               -- a table value as printed; a figure in a sentence: its number on its line
               or strpos(regexp_replace(l.text, '<[^>]*>', '', 'g'),
                         case when f.source_kind = 'prose' then f.number_text
                              else f.value_text end) = 0
            """
        ).fetchall()
        assert bad == [], (table, bad[:5])


def test_fact_ids_are_stable_across_rebuilds(built, con):
    before = set(r[0] for r in con.execute("select fact_id from marts.fct_complaints").fetchall())
    assert len(before) == con.execute("select count(*) from marts.fct_complaints").fetchone()[0]


def test_dq_finding_pack_004_line_1154(con):
    row = one(
        con,
        "select expected_value, observed_value, severity, measure from marts.dq_findings "
        "where pack_id = ? and check_name = 'quarters_sum_to_year_total' and source_lines = '1154'",
        [pack_id(con, "004")],
    )
    assert row == (70, 71, "warning", "complaints_received")


def test_warn_test_failures_are_stored(con):
    stored = con.execute(
        "select table_name from information_schema.tables where table_schema = 'dq' "
        "and table_name like 'no_rows_int_dq_quarter_sums%'"
    ).fetchall()
    assert stored
    n = con.execute(
        f"select count(*) from dq.\"{stored[0][0]}\" where source_lines = '1154'"
    ).fetchone()[0]
    assert n == 1


def test_no_measure_mapping_names_a_council_or_pack():
    names = ["blackpool", "staffordshire", "middlesbrough", "afcc9b49", "584beb4c", "2e7dbfc5"]
    for sql in (DBT_DIR / "models").rglob("*.sql"):
        # code only: comments may quote the packs they were written from
        text = "\n".join(line.split("--")[0] for line in sql.read_text().lower().splitlines())
        for name in names:
            assert name not in text, (sql, name)
