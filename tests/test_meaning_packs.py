"""What the numbers of the bundled sample packs mean: measure, period, subject and value type read
beside the printed line, the data-quality findings they hold (and the false alarms they must not
raise), one conformed figure per printing in the BI views, and the review tool.

Uses the session dbt build of the bundled packs (conftest: marts_con) and one publish of it.
Packs are named by their file name; every expected value is read from the pack's printed line.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from warehouse import sample_facts, settings


@pytest.fixture(scope="module")
def published(dbt_built, tmp_path_factory):
    from warehouse.publish import publish

    folder = tmp_path_factory.mktemp("meaning_published")
    publish(private_work_db(dbt_built, folder), folder)
    connection = duckdb.connect(str(settings.published_db(folder)), read_only=True)
    yield connection
    connection.close()


def private_work_db(dbt_built, folder):
    """A copy of the shared working DB to publish from: the publish runs `dbt docs generate` on
    it, which opens it for writing, and would lock out the other worker's readers of the shared
    one (each of them opens it read-only)."""
    copy = settings.work_db(folder / "work_copy")
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(dbt_built["db"], copy)
    return copy


def rows(con, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def facts(con, table: str, pack: str, line: int) -> list[dict]:
    return rows(
        con,
        f"select f.* from marts.{table} f join marts.dim_pack p using (pack_id) "
        "where p.file_name like ? and f.source_line = ? order by f.column_name, f.measure",
        [f"{pack}_%", line],
    )


def the_figure(con, where: str) -> dict:
    """The one row of bi.figures matching `where` (a figure printed several times is one row)."""
    got = rows(con, f"select * from bi.figures where {where}")
    assert len(got) == 1, got
    return got[0]


def by_column(found: list[dict]) -> dict[str, dict]:
    out = {f["column_name"]: f for f in found}
    assert len(out) == len(found), found
    return out


# --------------------------------------------------------------------------- measures


def test_recommendations_and_learning_actions_are_remedies(marts_con):
    """004 line 762: 'Total | 22 | 1 | 1 | 5 | 1 | 30*' of the South Division remedies table."""
    got = by_column(facts(marts_con, "fct_complaints", "004", 762))
    assert {f["measure"] for f in got.values()} == {"complaint_remedies"}
    assert got["Total"]["value"] == 30
    assert got["Integrated Locality Care Team"]["service_code"] == "integrated_locality_care"
    withdrawn = facts(marts_con, "fct_complaints", "004", 759)  # 'Complaint withdrawn | 1 | ...'
    assert {(f["measure"], f["breakdown"]) for f in withdrawn} == {
        ("complaint_remedies", "Complaint withdrawn")
    }


def test_408_enquiries_redirected_are_enquiries_not_complaints(marts_con):
    total = facts(marts_con, "fct_complaints", "004", 900)  # 'Total | 313 | 408'
    assert {(f["period_id"], f["measure"], f["value"]) for f in total} == {
        ("FY2016/17", "enquiries", 313),
        ("FY2017/18", "enquiries", 408),
    }
    mp = facts(marts_con, "fct_complaints", "004", 896)  # "MP Enquiry's (Adult Social Care)"
    assert {(f["measure"], f["breakdown"]) for f in mp} == {
        ("enquiries", "MP Enquiry's (Adult Social Care)")
    }
    received_408 = marts_con.execute(
        "select count(*) from marts.fct_complaints where measure = 'complaints_received' "
        "and value = 408"
    ).fetchone()[0]
    assert received_408 == 0


def test_an_outcome_total_counts_concluded_complaints_not_received(marts_con):
    """004: the South outcomes total '30*' (line 745; 3 still open) beside 33 received (734)."""
    outcomes = by_column(facts(marts_con, "fct_complaints", "004", 745))
    assert (outcomes["Total"]["measure"], outcomes["Total"]["value"]) == (
        "complaints_concluded",
        30,
    )
    nature = by_column(facts(marts_con, "fct_complaints", "004", 734))
    assert (nature["Total"]["measure"], nature["Total"]["value"]) == ("complaints_received", 33)
    assert outcomes["Total"]["segment"] == "nhs_partnership_trust,south"  # caption above inherited


def test_unnamed_indicators_are_unclassified(marts_con):
    """002 line 1823, 'Referral Rate per 10,000', is not a placements measure."""
    kept = rows(
        marts_con,
        "select u.* from marts.dq_unclassified_values u join marts.dim_pack p using (pack_id) "
        "where p.file_name like '002_%' and u.source_line = 1823",
    )
    assert {r["value"] for r in kept} == {833, 825, 798, 810, 800}
    assert facts(marts_con, "fct_placements", "002", 1823) == []


# --------------------------------------------------------------------------- periods, value types


def test_subject_to_a_plan_in_2017_is_calendar_year_2017(marts_con):
    """004 line 1849 under 'previously subject to a Child Protection Plan in 2017' (line 1840)."""
    got = by_column(facts(marts_con, "fct_placements", "004", 1849))
    assert {f["period_id"] for f in got.values()} == {"CY2017"}
    assert {f["period_source"] for f in got.values()} == {"lead_in"}
    assert (got["0-4 years"]["value"], got["0-4 years"]["age_band"]) == (55, "0-4 years")
    assert got["Total"]["age_band"] is None and got["Total"]["value"] == 107
    assert got["Total"]["is_total"] and not got["0-4 years"]["is_total"]
    assert {f["breakdown"] for f in got.values()} == {"Interim Care Order"}
    totals = by_column(facts(marts_con, "fct_placements", "004", 1854))
    assert all(f["is_total"] for f in totals.values())
    assert (totals["5-8 years"]["value"], totals["5-8 years"]["breakdown"]) == (36, None)


def test_a_total_column_beside_its_parts_is_a_total(marts_con):
    """004 line 724 of the South Division nature table: 'Case Management | 11 | - | 2 | - | - | 13';
    its parts, summed down the table (lines 723-733), give the printed total of line 734: 33."""
    got = by_column(facts(marts_con, "fct_complaints", "004", 724))
    assert (got["Total"]["value"], got["Total"]["is_total"]) == (13, True)
    assert {
        (f["measure"], f["period_id"], f["service_area"], f["segment"], f["stage"])
        for f in got.values()
    } == {("complaints_received", "FY2017/18", "adult", "nhs_partnership_trust,south", "1")}
    team = got["Integrated Locality Care Team"]
    assert (team["value"], team["is_total"]) == (11, False)
    table = team["source_table_id"]
    parts = marts_con.execute(
        "select sum(value) from marts.fct_complaints where source_table_id = ? and not is_total",
        [table],
    ).fetchone()[0]
    printed = by_column(facts(marts_con, "fct_complaints", "004", 734))["Total"]["value"]
    assert parts == printed == 33


def test_a_figure_restated_on_its_line_is_one_fact(marts_con):
    """000 line 1777: 'Adult Services received 91 complaints over the year ... Of the 91
    complaints received 19 were upheld in their entirety with a further 26 partially upheld.'"""
    got = facts(marts_con, "fct_complaints", "000", 1777)
    received = [
        f for f in got if (f["measure"], f["value_type"]) == ("complaints_received", "actual")
    ]
    assert [(f["value"], f["service_area"], f["period_id"]) for f in received] == [
        (91, "adult", "FY2014/15")
    ]
    assert received[0]["number_text"] == "91" and received[0]["source_kind"] == "prose"
    by_measure = {f["measure"]: f["value"] for f in got if f["value_type"] == "actual"}
    assert (by_measure["complaints_upheld"], by_measure["complaints_partially_upheld"]) == (19, 26)
    # 000 line 2223: '... 57 MP Enquiries and 8 Councillor Enquiries ... the 8 Councillor
    # Enquiries being spread across Quarters 2, 3 & 4'
    councillors = [
        f
        for f in facts(marts_con, "fct_complaints", "000", 2223)
        if f["measure"] == "councillor_enquiries"
    ]
    assert [f["value"] for f in councillors] == [8]


def test_a_stage_named_in_words_by_a_row_label(marts_con, published):
    """004 line 398 under 'SCC Adult Social Care Services' (2016-17, 2017/18): 'Local
    Investigation | 115 | 160'; Local Investigation is the procedure's first stage, as the
    prose cues read it ('Stage 1 – Local Investigation – Breakdown', line 412)."""
    got = by_column(facts(marts_con, "fct_complaints", "004", 398))
    assert {
        (f["measure"], f["period_id"], f["service_area"], f["value"], f["stage"], f["breakdown"])
        for f in got.values()
    } == {
        ("complaints_received", "FY2016/17", "adult", 115, "1", None),
        ("complaints_received", "FY2017/18", "adult", 160, "1", None),
    }
    year = rows(
        published,
        "select received, printed_at from bi.complaints_by_service_area_year "
        "where reporting_council = 'E10000028' and service_area = 'adult' "
        "and fiscal_year = '2016/17' and segment is null",
    )
    assert year == [{"received": 115, "printed_at": ["004_2e7dbfc588d445a2.txt line 398"]}]


def test_a_year_total_beside_its_quarters_is_the_years_figure(marts_con):
    """000 line 1794: 'Adult Social Care | 69 | 61 | 49 | 69 | 248' under 'Quarter 1' ...
    'Year End Totals': 248 is the year's own figure (FY2014/15), not a total of its period."""
    got = by_column(facts(marts_con, "fct_complaints", "000", 1794))
    year = got["Year End Totals"]
    assert (year["value"], year["period_id"], year["is_total"]) == (248, "FY2014/15", False)
    assert got["Quarter 1"]["period_id"] == "FY2014/15-Q1"


def test_an_earlier_years_comparison_totals_row_is_a_total(marts_con):
    """000 lines 2266-2271, complaints by service area: 'Children's Social Care | 27 | 31 | 27 |
    23 | 108' ... 'TOTALS | 31 | 36 | 32 | 26 | 125', then 'Comparison Totals 2013/2014 | 35 |
    35 | 29 | 35 | 134'. The comparison row adds up the service areas of 2013/14: a total of
    its own year (is_total and is_comparison), not one more service area to add up."""
    comparison = by_column(facts(marts_con, "fct_complaints", "000", 2271))
    assert {c: (f["value"], f["period_id"]) for c, f in comparison.items()} == {
        "Quarter 1": (35, "FY2013/14-Q1"),
        "Quarter 2": (35, "FY2013/14-Q2"),
        "Quarter 3": (29, "FY2013/14-Q3"),
        "Quarter 4": (35, "FY2013/14-Q4"),
        "Year End Totals": (134, "FY2013/14"),
    }
    assert all(f["is_total"] and f["is_comparison"] for f in comparison.values())
    social_care = by_column(facts(marts_con, "fct_complaints", "000", 2266))
    assert (social_care["Quarter 1"]["value"], social_care["Quarter 1"]["is_total"]) == (27, False)
    assert not any(f["is_comparison"] for f in social_care.values())


def test_baseline_target_and_actual_of_one_indicator(marts_con):
    """002 line 1831: '184/10,000 | 184/10,000 Actual 186/10,000 | 180/10,000 | 175/10,000'."""
    got = rows(
        marts_con,
        "select f.value_type, f.value, f.period_id from marts.fct_placements f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '002_%' "
        "and f.source_line = 1831 order by f.period_id, f.value_type",
    )
    assert [(r["value_type"], r["value"], r["period_id"]) for r in got] == [
        ("baseline", 184, "D2023-04-30"),
        ("actual", 186, "D2023-10-31"),
        ("target", 184, "D2023-10-31"),
        ("target", 180, "D2024-03-31"),
        ("target", 175, "D2024-10-31"),
    ]


def test_value_type_and_period_source_mean_the_same_everywhere(marts_con):
    for table in ("fct_complaints", "fct_placements", "fct_waiting_times"):
        types = {
            r[0]
            for r in marts_con.execute(f"select distinct value_type from marts.{table}").fetchall()
        }
        # change: a signed change printed in a sentence ('a decrease of 17'), prose facts only
        assert types <= {"actual", "target", "baseline", "forecast", "change"}, table
        changes = marts_con.execute(
            f"select count(*) from marts.{table} where value_type = 'change' "
            "and source_kind <> 'prose'"
        ).fetchone()[0]
        assert changes == 0, table
        sources = marts_con.execute(
            f"select count(*) from marts.{table} where period_source is null"
        ).fetchone()[0]
        assert sources == 0, table


def test_one_rule_for_dashes_nil_and_na(marts_con):
    dash_count = facts(marts_con, "fct_complaints", "004", 653)  # '- | 1 | 1 | - | ...'
    moorlands = by_column(dash_count)["North Moorlands"]
    assert (moorlands["value"], moorlands["value_status"]) == (0, "zero_token")
    dash_percent = by_column(facts(marts_con, "fct_complaints", "004", 1214))  # '2017/18 ... - - -'
    withdrawn = dash_percent["Complaint Withdrawn"]
    assert (withdrawn["value"], withdrawn["value_status"]) == (None, "null_token")
    na_count = facts(marts_con, "fct_complaints", "000", 1821)  # 'N/A | N/A | 1 (0U & 0PU) | ...'
    na = [f for f in na_count if f["value_text"] == "N/A"]
    assert {(f["value"], f["value_status"]) for f in na} == {(None, "null_token")}


# --------------------------------------------------------------------------- subjects


def test_a_theme_row_is_not_taken_for_the_service_column(marts_con):
    """004 line 674 'Hospital discharge | - | - | 1 | - | 1' of 'Nature - North'."""
    got = by_column(facts(marts_con, "fct_complaints", "004", 674))
    assert {f["theme"] for f in got.values()} == {"Hospital discharge"}
    assert got["Hospital Discharge Team"]["service_code"] == "hospital_discharge"
    assert got["Integrated Locality Care Team"]["service_code"] == "integrated_locality_care"


def test_districts_under_north_and_south(marts_con):
    """004 line 652: 'Integrated Locality Care Team | 6 | 4 | 10 | ...' under District Service."""
    got = by_column(facts(marts_con, "fct_complaints", "004", 652))
    moorlands = got["North Moorlands"]
    assert (moorlands["value"], moorlands["district"], moorlands["segment"]) == (
        6,
        "Moorlands",
        "nhs_partnership_trust,north",
    )
    assert got["South Stafford"]["district"] == "Stafford" and got["South Stafford"]["value"] == 10
    assert got["Total"]["district"] is None and got["Total"]["value"] == 33
    stafford = facts(marts_con, "fct_complaints", "004", 423)  # ' | <i>Stafford</i> | 11'
    assert [(f["district"], f["service_text"], f["value"]) for f in stafford] == [
        ("Stafford", "Independent Futures", 11)
    ]


def test_comparator_councils_belong_to_childrens_services(marts_con):
    got = rows(
        marts_con,
        "select distinct f.service_area from marts.fct_placements f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '001_%'",
    )
    assert got == [{"service_area": "children"}]


def test_no_two_facts_of_one_table_share_a_full_key(marts_con):
    for table in ("fct_complaints", "fct_placements", "fct_waiting_times"):
        dupes = marts_con.execute(
            f"select source_table_id, figure_key, measure_text, count(*) from marts.{table} "
            "where source_kind = 'table' group by all having count(*) > 1"
        ).fetchall()
        assert dupes == [], (table, dupes[:3])


# --------------------------------------------------------------------------- findings

TRUE_FINDINGS = {
    # the cover report's Children's figures against Appendix 9b
    ("000", "same_figure_printed_with_different_values", "1679,2271,2283,2389,2416"),
    ("000", "same_figure_printed_with_different_values", "1680,2281,2414"),
    ("000", "same_figure_printed_with_different_values", "1681,2281,2414"),
    ("000", "same_figure_printed_with_different_values", "1683,2331"),
    ("000", "same_figure_printed_with_different_values", "1683,2333"),
    # '39' upheld or partially upheld in 2012/13 beside '16U & 14PU'
    ("000", "combined_upheld_equals_parts", "1827,1949"),
    # 'Comparison Totals 2013/2014': quarters 13U / 24PU against 15U & 25PU
    ("000", "quarters_sum_to_year_total", "2283"),
    ("004", "quarters_sum_to_year_total", "1154"),
    # 'Complaint Withdrawn' 2015/16: 7% in the outcomes table, 5% in the timescales table
    ("004", "same_figure_printed_with_different_values", "1212,1225"),
    # corporate complaints by area against the quarters of the 130
    ("004", "breakdown_tables_sum_to_whole", "1331,1343,1346,1354,1362"),
    # outcome percentages of 2016/17 add up to 111%
    ("004", "shares_sum_to_100", "1408"),
    # response times of 2017/18 add up to 98% with nothing above the table saying why (info);
    # lines 1214 and 1420-1422 add up to less too, but their captions say cases are left out
    ("004", "shares_sum_to_100", "1227"),
    # '12 standard themes' (line 1929) over a theme table of 11 rows (1935)
    ("000", "prose_count_disagrees_with_table_rows", "1929,1935"),
    # 'upheld either in whole or partially has reduced from 40 to only 25' (line 1689) against
    # Appendix 9b's 9U and 19PU (28) for the same year, printed twice
    ("000", "prose_figure_disagrees_with_table", "1689,2281"),
    ("000", "prose_figure_disagrees_with_table", "1689,2414"),
}


def test_findings_are_the_true_inconsistencies_of_the_packs(marts_con):
    got = rows(
        marts_con,
        "select p.file_name, f.check_name, f.source_lines, f.severity from marts.dq_findings f "
        "join marts.dim_pack p using (pack_id)",
    )
    assert {(r["file_name"][:3], r["check_name"], r["source_lines"]) for r in got} == TRUE_FINDINGS
    info = {r["source_lines"] for r in got if r["severity"] == "info"}
    assert info == {"1227"}


def test_the_old_false_alarms_are_gone(marts_con):
    lines = {
        r[0] for r in marts_con.execute("select source_lines from marts.dq_findings").fetchall()
    }
    # learning actions compared with complaints; a theme taken for a service; enquiries rows
    assert not lines & {"734,762", "674", "728", "893,899,900", "754,755,756,757,758,760,761,762"}


def test_every_finding_has_a_unique_id_severity_and_its_printed_lines(marts_con):
    got = rows(marts_con, "select * from marts.dq_findings")
    assert len({f["finding_id"] for f in got}) == len(got)
    for finding in got:
        assert finding["severity"] in {"error", "warning", "info"}
        numbers = [int(n) for n in finding["source_lines"].split(",")]
        assert [int(p.split(":")[0].removeprefix("line ")) for p in finding["printed_lines"]] == (
            numbers
        )
    cover = next(f for f in got if f["source_lines"] == "1683,2331")
    assert cover["printed_lines"][0].startswith("line 1683: Compliments | 367 | 350 | 17 | 25")


# --------------------------------------------------------------------------- BI views


def test_waiting_list_snapshot_merges_table_and_dashboard(published):
    got = rows(
        published,
        "select * from bi.waiting_list_snapshots where service_code = 'speech_language_therapy' "
        "and as_of_date = date '2023-12-31'",
    )
    assert len(got) == 1
    row = got[0]
    assert (row["referrals_waiting"], row["waiting_over_18_weeks"], row["avg_wait_weeks"]) == (
        331,
        198,
        26,
    )
    assert row["waiting_over_52_weeks"] == 41  # printed on the dashboard only
    assert row["printings_agree"] is True
    assert {"002_584beb4c97a436e5.txt line 524", "002_584beb4c97a436e5.txt line 672"} <= set(
        row["printed_at"]
    )


def test_complaints_view_reports_figures_for_whole_service_areas(published):
    got = rows(
        published,
        "select * from bi.complaints_by_service_area_year where reporting_council = "
        "'E06000009' order by service_area, fiscal_year",
    )
    adult = next(r for r in got if r["service_area"] == "adult" and r["fiscal_year"] == "2014/15")
    assert (adult["received"], adult["upheld"], adult["partially_upheld"]) == (91, 19, 26)
    children = next(
        r for r in got if r["service_area"] == "children" and r["fiscal_year"] == "2013/14"
    )
    assert children["printings_agree"] is False  # 90 on the cover, 134 in Appendix 9b
    enquiries = published.execute(
        "select count(*) from bi.complaints_by_service_area_year where received = 408"
    ).fetchone()[0]
    assert enquiries == 0


def test_one_figure_printed_twice_in_one_table_is_one_figure(published):
    """002 lines 1826 and 1843 print the interim-care-order indicator twice with one value."""
    got = the_figure(published, "measure = 'ico_over_26_weeks_pct' and value_type = 'actual'")
    assert (got["value"], got["printings"], got["printings_agree"]) == (43, 2, True)
    assert got["printed_at"] == [
        "002_584beb4c97a436e5.txt line 1826",
        "002_584beb4c97a436e5.txt line 1843",
    ]


def test_one_figure_printed_rounded_and_to_two_decimals_agrees(published):
    """000 prints the share of complaints answered within timescales as '53%' on the cover
    (line 1682) and as '52.75% 48/91' in Appendix 9b's total row (1907); '65%' (1682) and
    '64.8%' (2387) likewise: one figure each, its value the more precise printing."""
    got = rows(
        published,
        "select value, printed_values, printings_agree from bi.figures "
        "where measure = 'complaints_in_timescale_pct' "
        "and list_contains(printed_at, '000_afcc9b490f65a2f9.txt line 1682') "
        "and len(printed_values) > 1 order by value",
    )
    assert [(g["value"], g["printed_values"], g["printings_agree"]) for g in got] == [
        (52.75, [52.75, 53.0], True),
        (64.8, [64.8, 65.0], True),
    ]


def test_one_service_in_a_report_table_and_on_the_dashboard_is_one_figure(published):
    """002 line 549, 'Blenheim Child Development Centre | 204 | 137 | 67% | 59 | 28' under
    'Waiting lists for CDC ... end of December 2023', and line 698 of the dashboard block
    'Blenheim - Blackpool CCG': '... Referrals waiting 204 (↓2)' print one figure."""
    got = the_figure(
        published,
        "measure = 'referrals_waiting' and service_code = 'child_development_centre' "
        "and period_id = 'D2023-12-31'",
    )
    assert (got["value"], got["printings"], got["printings_agree"]) == (204, 2, True)
    assert got["printed_at"] == [
        "002_584beb4c97a436e5.txt line 549",
        "002_584beb4c97a436e5.txt line 698",
    ]


def test_a_unit_named_like_its_division_is_not_the_division(marts_con):
    """004 line 1167: 'Specialist Safeguarding Units | 3 | 8 | 8 | 8 | 27' under 'Specialist
    Safeguarding, Targeted Services and Youth Offending Service', whose TOTAL row (1169) is 28."""
    unit = by_column(facts(marts_con, "fct_complaints", "004", 1167))["TOTAL"]
    division = by_column(facts(marts_con, "fct_complaints", "004", 1169))["TOTAL"]
    assert (unit["value"], division["value"]) == (27, 28)
    assert {(f["measure"], f["period_id"]) for f in (unit, division)} == {
        ("complaints_received", "FY2017/18")
    }
    assert unit["service_code"] == division["service_code"] == "specialist_safeguarding"
    assert unit["figure_key"] != division["figure_key"]


def test_children_looked_after_has_one_row_per_figure(published):
    dupes = published.execute(
        "select council, measure, value_type, age_band, breakdown, period_type, period_date, "
        "count(*) from bi.children_looked_after group by all having count(*) > 1"
    ).fetchall()
    assert dupes == []
    kinds = {
        r[0]
        for r in published.execute("select value_type from bi.children_looked_after").fetchall()
    }
    assert kinds == {"actual", "target", "baseline"}


# --------------------------------------------------------------------------- review tool


def test_sample_facts_prints_each_fact_beside_its_line(published):
    picked = sample_facts.sample(published, 9, seed=3)
    assert len(picked) == 9
    assert {f["domain"] for f in picked} == {
        "complaints",
        "decisions",
        "placements",
        "waiting_times",
    }
    assert sample_facts.sample(published, 9, seed=3) == picked  # the same sample for the same seed
    measures = sample_facts.measure_descriptions(published)
    for index, fact in enumerate(picked, 1):
        line = published.execute(
            "select text from provenance.lines where pack_id = ? and line_number = ?",
            [fact["pack_id"], fact["source_line"]],
        ).fetchone()[0]
        assert fact["line_text"] == line
        text = sample_facts.render(fact, index, len(picked), measures)
        assert f"line {fact['source_line']}: " in text
        if "measure" in fact:
            assert fact["measure"] in text and "period" in text and "value_type" in text


def test_sample_facts_command_line(published, dbt_built, tmp_path, capsys):
    from warehouse.publish import publish

    publish(private_work_db(dbt_built, tmp_path), tmp_path)
    assert sample_facts.main(["--db", str(settings.published_db(tmp_path)), "--n", "4"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n[") + out.startswith("[") == 4
    assert "4 fact(s) from" in out
    assert sample_facts.main(["--warehouse", str(tmp_path / "missing")]) == 2


def test_services_printed_under_a_group_or_by_their_kind(marts_con):
    """004 Adult Social Care complaints by team: 'Care Commissioning;' leads its two teams (lines
    439-440: 22 and 2), so they are commissioning's; 'Domiciliary Home Care Agency (external
    providers) | 3' (441) and the compliments of 'Day Service Provider' in Lichfield (865: 2)
    name services of their own kind (seed service_aliases)."""
    got = {
        line: [
            (f["service_code"], f["value"]) for f in facts(marts_con, "fct_complaints", "004", line)
        ]
        for line in (439, 440, 441, 865)
    }
    assert got == {
        439: [("commissioning", 22.0)],
        440: [("commissioning", 2.0)],
        441: [("domiciliary_care", 3.0)],
        865: [("day_services", 2.0)],
    }


def test_the_total_row_of_natures_of_complaint_shares_is_no_share(marts_con):
    """004 lines 1186-1191, Specialist Safeguarding's natures of complaint in percent: 'Case
    Management | 82%' is a share of its complaints in 2017/18; 'TOTAL | 100%' is the whole they
    share out (var share_of_total_measures), kept unclassified with that reason."""
    got = [
        (f["measure"], f["value"], f["period_id"], f["service_code"], f["theme"])
        for f in facts(marts_con, "fct_complaints", "004", 1187)
    ]
    assert got == [
        ("complaints_share_pct", 82, "FY2017/18", "specialist_safeguarding", "Case Management")
    ]
    assert facts(marts_con, "fct_complaints", "004", 1191) == []
    left = rows(
        marts_con,
        "select u.value, u.reason from marts.dq_unclassified_values u join marts.dim_pack p "
        "using (pack_id) where p.file_name like '004_%' and u.source_line = 1191",
    )
    assert [(r["value"], r["reason"][:40]) for r in left] == [
        (100, "the total row of a column of shares: 100")
    ]
