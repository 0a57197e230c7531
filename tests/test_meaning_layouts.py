"""What a number means, on small layouts of other councils (tests/data/meaning_layouts): each
pack prints one kind of thing the way a council not among the samples might - a remedies table
whose rows say 'Complaint withdrawn', enquiries passed elsewhere, an outcome breakdown, a theme
named like a service, sub-tables titled by their service, a period in the sentence above a table,
targets beside actuals, comparator councils, an undated table, an unnamed indicator - and the
inconsistencies each kind of check must find (and nothing else).

The packs are built with the other test layouts, once per test run (conftest's layouts_built:
ingest, dbt build and a publish, for the BI views); each test reads its own packs by file name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def con(layouts_built):
    connection = duckdb.connect(str(layouts_built["db"]), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def pub(layouts_built):
    connection = duckdb.connect(str(layouts_built["published"]), read_only=True)
    yield connection
    connection.close()


def rows(con, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def facts(con, table: str, pack: str, line: int) -> list[dict]:
    order = "f.measure" if table == "fct_waiting_times" else "f.column_name, f.measure"
    return rows(
        con,
        f"select f.* from marts.{table} f join marts.dim_pack p using (pack_id) "
        f"where p.file_name like ? and f.source_line = ? order by {order}",
        [f"{pack}%", line],
    )


def measured_facts_of(con, pack: str) -> list[tuple[str, dict]]:
    """(fact table, fact) of every complaints, waiting-times and placements fact of a pack."""
    return [
        (t, f)
        for t in ("fct_complaints", "fct_waiting_times", "fct_placements")
        for f in rows(
            con,
            f"select f.* from marts.{t} f join marts.dim_pack p using (pack_id) "
            "where p.file_name like ?",
            [f"{pack}%"],
        )
    ]


def unclassified(con, pack: str, line: int) -> list[dict]:
    """The values of a pack's line left in dq_unclassified_values, by value."""
    return rows(
        con,
        "select u.* from marts.dq_unclassified_values u join marts.dim_pack p using (pack_id) "
        "where p.file_name like ? and u.source_line = ? order by u.value, u.column_name",
        [f"{pack}%", line],
    )


def fields_on(con, table: str, pack: str, line: int, *fields: str) -> set[tuple]:
    """The named fields of each fact of `table` printed on a pack's line, as a set of tuples."""
    return {tuple(f[name] for name in fields) for f in facts(con, table, pack, line)}


def subjects_on(con, table: str, pack: str, line: int) -> set[tuple]:
    """(service area, service code) of the facts of `table` printed on a pack's line: whose
    figures they are (none and none: the whole council's)."""
    code = "f.service_code" if table == "fct_waiting_times" else "null"
    got = rows(
        con,
        f"select distinct f.service_area, {code} as service_code from marts.{table} f "
        "join marts.dim_pack p using (pack_id) where p.file_name like ? and f.source_line = ?",
        [f"{pack}%", line],
    )
    return {(r["service_area"], r["service_code"]) for r in got}


def documents_of(con, pack: str) -> list[dict]:
    """The documents of a pack, in their order: kind, title, first and last line."""
    return rows(
        con,
        "select d.kind, d.title, d.first_line, d.last_line from marts.dim_document d "
        "join marts.dim_pack p using (pack_id) where p.file_name like ? order by d.seq",
        [f"{pack}%"],
    )


def decisions_of(con, pack: str, *fields: str) -> list[tuple]:
    """(source line, kind) of each decision of a pack, by line; or (source line, *fields)."""
    fields = fields or ("kind",)
    got = rows(
        con,
        "select f.* from marts.fct_decisions f join marts.dim_pack p "
        "using (pack_id) where p.file_name like ? order by f.source_line",
        [f"{pack}%"],
    )
    return [(d["source_line"], *(d[name] for name in fields)) for d in got]


def measured(con, table: str, pack: str, line: int) -> list[tuple]:
    """(measure, value, period_id) of each fact printed on a line, in `facts`' order."""
    return [(f["measure"], f["value"], f["period_id"]) for f in facts(con, table, pack, line)]


# --------------------------------------------------------------------------- what a table counts


def test_a_remedies_table_counts_remedies_even_in_a_complaint_withdrawn_row(con):
    """'Remedies arising from complaints': the row 'Complaint withdrawn' is a kind of remedy."""
    got = facts(con, "fct_complaints", "201", 50)
    assert {f["measure"] for f in got} == {"complaint_remedies"}
    by_column = {f["column_name"]: f for f in got}
    assert by_column["Hospital Discharge Team"]["value"] == 1
    assert by_column["Hospital Discharge Team"]["service_code"] == "hospital_discharge"
    assert by_column["Brokerage Service"]["value_text"] == "-"
    assert all(f["breakdown"] == "Complaint withdrawn" for f in got)
    assert all(f["period_id"] == "FY2017/18" and f["period_source"] == "caption" for f in got)
    total = facts(con, "fct_complaints", "201", 52)
    assert [(f["measure"], f["value"]) for f in total if f["column_name"] == "Total"] == [
        ("complaint_remedies", 10)
    ]


def test_a_table_of_enquiries_passed_elsewhere_counts_enquiries(con):
    """Rows saying 'Housing complaints' or 'MP enquiries' are kinds of enquiry in that table."""
    lines = {59: "Complaint about a health service (passed to the NHS)", 60: "MP enquiries"}
    for line, label in lines.items():
        got = facts(con, "fct_complaints", "201", line)
        assert {(f["measure"], f["breakdown"]) for f in got} == {("enquiries", label)}
    total = {f["period_id"]: f["value"] for f in facts(con, "fct_complaints", "201", 62)}
    assert total == {"FY2016/17": 62, "FY2017/18": 96}
    assert {f["measure"] for f in facts(con, "fct_complaints", "201", 62)} == {"enquiries"}


def test_the_total_of_an_outcome_breakdown_counts_concluded_complaints(con):
    got = {
        f["column_name"]: (f["measure"], f["value"])
        for f in facts(con, "fct_complaints", "201", 42)
    }
    assert got["Total"] == ("complaints_concluded", 14)
    partly = facts(con, "fct_complaints", "201", 40)
    assert {f["measure"] for f in partly} == {"complaints_partially_upheld"}  # 'Partly upheld'


def test_a_responded_column_counts_concluded_complaints_not_received_ones(con):
    """'Responded' over a service's outcomes (Haringey's layout): complaints that reached an
    outcome, of which the 'Upheld No.' are upheld; none of them is a complaint received."""
    got = {
        f["column_name"]: (f["measure"], f["value"])
        for f in facts(con, "fct_complaints", "209", 27)
    }
    assert got["Responded"] == ("complaints_concluded", 58)
    assert got["Upheld No."] == ("complaints_upheld", 12)
    assert got["Upheld %"] == ("complaints_upheld_pct", 21)
    total = facts(con, "fct_complaints", "209", 29)
    assert [(f["measure"], f["value"]) for f in total if f["column_name"] == "Responded"] == [
        ("complaints_concluded", 80)
    ]
    received = rows(
        con,
        "select count(*) as n from marts.fct_complaints f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '209%' and f.measure = 'complaints_received' "
        "and f.source_line between 27 and 29",
    )
    assert received == [{"n": 0}]


def test_a_complaints_teams_staffing_table_counts_no_complaints(con):
    """'Complaints and feedback team resourcing', FTE by team: posts, not complaints."""
    for line in (38, 39, 40):
        assert facts(con, "fct_complaints", "209", line) == []


def test_a_percent_of_total_column_is_each_themes_share(con):
    got = {(f["measure"], f["value"], f["theme"]) for f in facts(con, "fct_complaints", "209", 45)}
    assert got == {
        ("complaints_received", 52, "Communication"),
        ("complaints_share_pct", 26, "Communication"),
    }


def test_children_who_became_or_ceased_to_be_looked_after_are_flows_not_the_count(con):
    """'In Quarter 3 of 2023/24, 19 children became looked after and 28 children ceased to be
    looked after': children starting and ceasing care in that quarter, never a count of children
    looked after (the quarter was lost, so they were the whole year's)."""
    got = {
        (f["measure"], f["value"], f["period_id"])
        for f in facts(con, "fct_placements", "210", 41)
        if f["source_kind"] == "prose"
    }
    assert got == {
        ("children_starting_care", 19, "FY2023/24-Q3"),
        ("children_ceasing_care", 28, "FY2023/24-Q3"),
    }


def test_a_leaving_care_service_for_young_adults_is_childrens_social_care(con):
    got = {f["service_area"] for f in facts(con, "fct_complaints", "209", 53)}
    assert got == {"children"}


def test_counts_with_their_upheld_in_brackets_one_measure_per_column(con):
    """'19 (6 upheld)' under 'Stage 2 investigations': 19 investigations, 6 upheld at stage 2;
    the 'LGSCO final decisions' column counts the Ombudsman's decisions, not stage 2 ones (the
    caption names two stages, so neither is the column's)."""
    got = {
        (f["measure"], f["value"], f["stage"], f["period_id"])
        for f in facts(con, "fct_complaints", "209", 60)
    }
    assert got == {
        ("stage2_investigations", 19, "2", "FY2022/23"),
        ("complaints_upheld", 6, "2", "FY2022/23"),
        ("stage3_review_panels", 2, "3", "FY2022/23"),
        ("complaints_upheld", 0, "3", "FY2022/23"),
        ("ombudsman_findings", 11, None, "FY2022/23"),
    }


def test_each_clause_of_a_sentence_about_two_services_keeps_its_service(con):
    """'... speech and language therapy fell from 412 ... to 379 ...; however, the occupational
    therapy waiting list rose by 39': the 39 is occupational therapy's."""
    got = {
        (f["value"], f["value_type"], f["service_code"])
        for f in facts(con, "fct_waiting_times", "210", 43)
    }
    assert got == {
        (412, "actual", "speech_language_therapy"),
        (379, "actual", "speech_language_therapy"),
        (39, "change", "occupational_therapy"),
    }


def _by_line(con, table: str, pack: str, line: int) -> set[tuple]:
    return {
        (f["measure"], f["period_id"], f["value_type"], f["value"])
        for f in facts(con, table, pack, line)
    }


def test_numeric_dates_and_a_split_comparator_heading_in_a_two_line_header(con):
    """'Leeds' over '31/03/2023' and '31/03/2024'; 'Statistical' over 'neighbours' is a
    comparator still; 'Rate per 10,000 children under 18' is the rate."""
    assert _by_line(con, "fct_placements", "211", 15) == {
        ("cla_count", "D2023-03-31", "actual", 1312),
        ("cla_count", "D2024-03-31", "actual", 1287),
    }
    assert {f["value"] for f in facts(con, "fct_placements", "211", 16)} == {78, 76}


def test_a_table_of_measures_by_row_under_a_children_looked_after_caption(con):
    """Rows naming a rate and the flows into and out of care are those measures, not counts of
    children looked after (a rate or a flow is no part of a stock). The stocks of 'Q1 2023/24'
    ... columns are as at each quarter's end; the flows are counted over the quarter."""
    ends = ("2023-06-30", "2023-09-30", "2023-12-31", "2024-03-31")
    assert _by_line(con, "fct_placements", "211", 21) == {
        ("cla_rate_per_10000", f"D{end}", "actual", v)
        for end, v in zip(ends, (77.4, 77.1, 76.7, 76.5), strict=True)
    }
    assert {f["measure"] for f in facts(con, "fct_placements", "211", 22)} == {
        "children_starting_care"
    }
    assert {f["period_id"] for f in facts(con, "fct_placements", "211", 22)} == {
        f"FY2023/24-Q{q}" for q in (1, 2, 3, 4)
    }
    assert {f["measure"] for f in facts(con, "fct_placements", "211", 23)} == {
        "children_ceasing_care"
    }


def test_a_caption_naming_two_measures_leaves_each_row_its_own(con):
    """'Entering and leaving care' over 'Started ...' and 'Ceased ...' rows; '2023/24 total' and
    '2022/23 total' head columns (a year with a word is a heading, not a value)."""
    ceased = _by_line(con, "fct_placements", "211", 30)
    assert {m for m, *_ in ceased} == {"children_ceasing_care"}
    assert {(p, v) for _, p, _, v in ceased} == {
        ("FY2023/24-Q1", 111),
        ("FY2023/24-Q2", 106),
        ("FY2023/24-Q3", 97),
        ("FY2023/24-Q4", 112),
        ("FY2023/24", 426),
        ("FY2022/23", 418),
    }


def test_a_change_column_is_a_change_at_the_tables_date(con):
    """'Change since 31/03/2023': -21 and +3 are changes to 31 March 2024 (the caption's date),
    and the paragraph closing the section above (about children starting care) names nothing
    here."""
    assert _by_line(con, "fct_placements", "211", 39) == {
        ("cla_count", "D2024-03-31", "actual", 612),
        ("cla_count", "D2024-03-31", "change", -21),
    }
    assert ("cla_count", "D2024-03-31", "change", 3) in _by_line(con, "fct_placements", "211", 40)


def test_money_rows_and_a_regions_average_are_not_facts_open_complaints_are_ongoing(con):
    assert facts(con, "fct_complaints", "211", 50) == []
    assert {f["value"] for f in facts(con, "fct_complaints", "211", 51)} == {9, 13}
    assert _by_line(con, "fct_complaints", "211", 46) == {
        ("complaints_ongoing", "FY2023/24", "actual", 19)
    }


def test_a_second_header_line_of_words_opening_with_a_number_is_header(con):
    """'Responded within' over '20 working days' (and 'Upheld or' over 'partially upheld')."""
    got = {f["measure"]: f["value"] for f in facts(con, "fct_complaints", "211", 56)}
    assert got == {
        "complaints_received": 198,
        "complaints_upheld_or_partially_upheld": 96,
        "complaints_in_timescale": 141,
    }


def test_children_looked_after_waiting_for_an_assessment_are_on_a_waiting_list(con):
    assert facts(con, "fct_placements", "211", 59) == []
    got = facts(con, "fct_waiting_times", "211", 59)
    assert [(f["measure"], f["value"], f["period_id"]) for f in got] == [
        ("referrals_waiting", 37, "D2024-06-30")
    ]


def test_a_table_goes_on_after_a_page_footer_and_its_header_printed_again(con):
    """The page's footer and number between two parts of a monthly waiting list: March is the
    same table's, of the service its caption names."""
    got = facts(con, "fct_waiting_times", "211", 70)
    assert {(f["measure"], f["value"], f["period_id"], f["service_code"]) for f in got} == {
        ("referrals_waiting", 398, "D2024-03-31", "community_paediatrics"),
        ("max_wait_weeks", 55, "D2024-03-31", "community_paediatrics"),
    }


def test_rows_naming_measures_take_the_service_of_the_caption(con):
    got = facts(con, "fct_waiting_times", "211", 74)
    assert {(f["measure"], f["value"], f["service_code"]) for f in got} == {
        ("referrals_waiting", 955, "community_paediatrics"),
        ("referrals_waiting", 987, "community_paediatrics"),
    }


def test_three_or_more_placements_is_short_term_stability_not_placement_stability(con):
    """'9% of children had three or more placements ... and 71% ... in the same placement for
    at least 2 years': two national measures (and England's 10% none)."""
    got = {(f["measure"], f["value"]) for f in facts(con, "fct_placements", "211", 77)}
    assert got == {("cla_three_or_more_placements_pct", 9), ("placement_stability_pct", 71)}


def test_age_bands_heading_the_columns_of_a_count(con):
    """'Age band | Under 1 | 1-4 | ... | Total' over 'Number': bare ranges head columns."""
    got = {
        (f["age_band"], f["value"], f["is_total"]) for f in facts(con, "fct_placements", "211", 81)
    }
    assert got == {
        ("Under 1", 62, False),
        ("1-4", 171, False),
        ("5-9", 233, False),
        ("10-15", 498, False),
        ("16-17", 323, False),
        (None, 1287, True),
    }


def test_a_table_goes_on_after_a_footer_ending_with_the_page_number(con):
    got = facts(con, "fct_complaints", "211", 90)
    assert [(f["measure"], f["value"], f["stage"], f["period_id"]) for f in got] == [
        ("complaints_received", 42, "1", "FY2023/24")
    ]


def test_a_sentence_naming_no_period_goes_on_in_the_one_before_it(con):
    got = {
        (f["measure"], f["value"], f["period_id"], f["service_code"])
        for f in facts(con, "fct_waiting_times", "211", 92)
    }
    assert got == {
        ("referrals_waiting", 1046, "D2024-03-31", "camhs"),
        ("avg_wait_weeks", 17, "D2024-03-31", "camhs"),
        ("max_wait_weeks", 58, "D2024-03-31", "camhs"),
    }


def test_minutes_printed_under_their_committee_and_date_date_their_resolutions(con):
    """'CHILDREN'S SCRUTINY COMMITTEE' / '18 March 2024' / 'Present:' opens minutes (no
    'Minutes of' title), as does a banner with a blank line before its date; each resolution is
    dated by its minutes. The front sheet's sentence dates the pack's meeting."""
    got = rows(
        con,
        "select d.source_line, d.kind, d.decision_date from marts.fct_decisions d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '212%' order by 1",
    )
    assert [(r["source_line"], r["kind"], str(r["decision_date"])) for r in got] == [
        (21, "resolution", "2024-03-18"),
        (25, "resolution", "2024-03-18"),
        (35, "resolution", "2024-06-19"),
    ]
    meeting = rows(
        con,
        "select m.meeting_date from marts.dim_pack p join marts.dim_meeting m using (meeting_id) "
        "where p.file_name like '212%'",
    )
    assert [str(r["meeting_date"]) for r in meeting] == ["2024-06-10"]


def test_other_councils_wordings_of_waiting_and_placement_measures(con):
    """'Children waiting', 'Over 18 weeks', '% over 18 weeks'; '% placed in foster care',
    '% care leavers aged 19-21 in EET' (seed measure_patterns)."""
    waits = {(f["measure"], f["value"]) for f in facts(con, "fct_waiting_times", "211", 96)}
    assert waits == {
        ("referrals_waiting", 640),
        ("waiting_over_18_weeks", 212),
        ("pct_waiting_over_18_weeks", 33),
    }
    assert [(f["measure"], f["value"]) for f in facts(con, "fct_placements", "211", 100)] == [
        ("cla_foster_pct", 70)
    ]
    assert [(f["measure"], f["value"]) for f in facts(con, "fct_placements", "211", 101)] == [
        ("care_leavers_eet_pct", 57)
    ]


def test_counts_with_their_share_in_brackets_and_footnote_marks(con):
    """'98 (23%)' is 98 upheld and, its share, the percentage upheld (the row's label read as a
    percentage; it was unclassified); '448¹' is 448; 'Actual (Q2)' and 'Previous (Q1)' are
    quarters of the caption's year: children looked after as at their ends."""
    assert _by_line(con, "fct_complaints", "211", 105) == {
        ("complaints_upheld", "FY2023/24", "actual", 98),
        ("complaints_upheld_pct", "FY2023/24", "actual", 23),
    }
    assert _by_line(con, "fct_complaints", "211", 106) == {
        ("complaints_not_upheld", "FY2023/24", "actual", 161),
        ("complaints_not_upheld_pct", "FY2023/24", "actual", 38),
    }
    assert _by_line(con, "fct_placements", "211", 110) == {
        ("cla_count", "D2024-06-30", "actual", 452),
        ("cla_count", "D2024-09-30", "actual", 448),
    }


def test_a_children_looked_after_column_is_not_the_sentence_above(con):
    """'171 children left care' in the paragraph above names nothing of a table whose column
    says 'Children looked after'; 'The Ombudsman upheld 8 complaints' are complaints it upheld."""
    assert [(f["measure"], f["value"]) for f in facts(con, "fct_placements", "211", 116)] == [
        ("cla_count", 54)
    ]
    assert [(f["measure"], f["value"]) for f in facts(con, "fct_complaints", "211", 118)] == [
        ("ombudsman_upheld", 8)
    ]


def test_a_part_printed_in_its_wholes_cell_is_gated_against_that_whole(layouts_built):
    """'658 (197 upheld) | 37 (22 upheld)': 197 upheld is within its own cell's 658, not
    measured against the LGO column's 37 of the same row (that had quarantined a good pack). The
    LGO column counts complaints taken to the Ombudsman (37), its 22 upheld left unclassified."""
    from expectations.fact_gate import validate_facts

    connection = duckdb.connect(str(layouts_built["db"]), read_only=True)
    try:
        (pack,) = connection.execute(
            "select pack_id from raw.packs where file_name like '209%'"
        ).fetchone()
        upheld = connection.execute(
            "select value, stage from marts.fct_complaints where pack_id = ? "
            "and source_line = 64 and measure = 'complaints_upheld' order by value",
            [pack],
        ).fetchall()
        assert upheld == [(197, "1")]
        lgo = connection.execute(
            "select measure, value from marts.fct_complaints where pack_id = ? "
            "and source_line = 64 and column_name = 'LGO'",
            [pack],
        ).fetchall()
        assert lgo == [("ombudsman_enquiries", 37)]
        result = validate_facts(connection, [pack])
    finally:
        connection.close()
    assert not result.errors and result.failed_packs == []


def test_a_council_named_only_by_its_email_domain(con):
    """The layout says 'the Council' only; its officers write from @haringey.gov.uk."""
    got = rows(
        con,
        "select p.council_id, m.meeting_date, m.venue from marts.dim_pack p "
        "join marts.dim_meeting m using (meeting_id) where p.file_name like '209%'",
    )
    assert [(r["council_id"], str(r["meeting_date"])) for r in got] == [("E09000014", "2024-03-14")]
    assert got[0]["venue"] == "Civic Centre, High Road, Wood Green, N22 8LE"
    assert {f["reporting_council"] for f in facts(con, "fct_complaints", "209", 27)} == {
        "E09000014"
    }


def test_dates_over_no_and_percent_columns_date_each_pair(con):
    """`\t31 March 2023\t\t31 December 2023\t` over `Placement type\tNo.\t%\tNo.\t%`."""
    got = {
        (f["period_id"], f["value"])
        for f in facts(con, "fct_placements", "210", 25)
        if f["measure"] == "cla_count"
    }
    assert got == {("D2023-03-31", 169), ("D2023-12-31", 163)}
    total = {
        (f["period_id"], f["value"])
        for f in facts(con, "fct_placements", "210", 28)
        if f["measure"] == "cla_count"
    }
    assert total == {("D2023-03-31", 277), ("D2023-12-31", 268)}


def test_quarters_under_a_year_and_comparator_columns(con):
    """'Q2 | Q3' under '2023/24' are quarters of that year (a rate of children looked after is as
    at the quarter's end, and at the year's end in a year's column); the 'Statistical neighbours
    (2022/23)' and 'England (2022/23)' columns are not Darlington's figures: unclassified."""
    got = {
        (f["period_id"], f["value_type"], f["value"])
        for f in facts(con, "fct_placements", "210", 36)
    }
    assert got == {
        ("D2023-03-31", "actual", 121.2),
        ("D2023-09-30", "actual", 119.5),
        ("D2023-12-31", "actual", 117.3),
        ("D2024-03-31", "target", 115.0),
    }
    assert {f["measure"] for f in facts(con, "fct_placements", "210", 36)} == {"cla_rate_per_10000"}
    comparators = rows(
        con,
        "select u.column_name, u.value, u.reason from marts.dq_unclassified_values u "
        "join marts.dim_pack p using (pack_id) where p.file_name like '210%' "
        "and u.source_line = 37 order by u.value",
    )
    assert [(r["column_name"], r["value"]) for r in comparators] == [
        ("England (2022/23)", 87),
        ("Statistical neighbours (2022/23)", 88),
    ]
    assert all(r["reason"].startswith("a comparator's figure") for r in comparators)


def test_a_front_sheet_date_field_is_the_meeting_not_the_publication_date(con):
    got = rows(
        con,
        "select p.council_id, m.meeting_date, c.committee_name from marts.dim_pack p "
        "join marts.dim_meeting m using (meeting_id) join marts.dim_committee c "
        "on c.committee_id = m.committee_id where p.file_name like '210%'",
    )
    assert [(r["council_id"], str(r["meeting_date"])) for r in got] == [("E06000005", "2024-03-11")]
    assert got[0]["committee_name"].lower() == "children and young people scrutiny committee"


def test_a_number_no_word_names_is_unclassified_not_a_fact(con):
    """'Looked after children health checks' names no measure of the catalogue."""
    kept = rows(
        con,
        "select u.source_line, u.value, u.domain from marts.dq_unclassified_values u "
        "join marts.dim_pack p using (pack_id) where p.file_name like '202%' order by 1",
    )
    assert [(r["source_line"], r["value"], r["domain"]) for r in kept] == [
        (42, 180, "placements"),
        (43, 150, "placements"),
    ]
    assert facts(con, "fct_placements", "202", 42) == []


def test_a_value_printed_with_its_own_unit_takes_only_a_measure_of_that_unit(con):
    """'12 days' under 'Complaint response times' is not a count of complaints received."""
    kept = rows(
        con,
        "select u.source_line, u.value, u.value_text from marts.dq_unclassified_values u "
        "join marts.dim_pack p using (pack_id) where p.file_name like '201%' order by 1",
    )
    assert [(r["source_line"], r["value"], r["value_text"]) for r in kept] == [
        (89, 12, "12 days"),
        (90, 9, "9 days"),
    ]
    assert facts(con, "fct_complaints", "201", 89) == []


# --------------------------------------------------------------------------- periods from the text


def test_a_calendar_year_from_the_sentence_introducing_the_table(con):
    got = facts(con, "fct_placements", "202", 15)
    assert [(f["measure"], f["value"], f["age_band"], f["period_id"]) for f in got] == [
        ("children_starting_care", 30, "5 to 9", "CY2019")
    ]
    assert got[0]["period_type"] == "calendar_year"
    assert (str(got[0]["period_start"]), str(got[0]["period_end"])) == ("2019-01-01", "2019-12-31")
    bands = [facts(con, "fct_placements", "202", line)[0]["age_band"] for line in (14, 17)]
    assert bands == ["Under 5", "16 and over"]


def test_a_stock_takes_the_date_its_caption_prints(con):
    got = facts(con, "fct_placements", "202", 22)
    assert [(f["measure"], f["value"], f["breakdown"]) for f in got] == [
        ("cla_count", 210, "Foster care")
    ]
    assert (str(got[0]["as_of_date"]), got[0]["period_source"]) == ("2020-03-31", "as_of_text")


def test_targets_and_actuals_of_one_year_are_told_apart(con):
    got = {f["value_type"]: f for f in facts(con, "fct_placements", "202", 29)}
    assert {k: (f["measure"], f["value"], f["period_id"]) for k, f in got.items()} == {
        "target": ("cla_rate_per_10000", 95, "D2020-03-31"),
        "actual": ("cla_rate_per_10000", 102, "D2020-03-31"),
    }
    # a rate (a stock) printed for 2019/20 is as at its end, from the column (not the as-of
    # heading above)
    assert got["actual"]["period_source"] == "column+year_end"


def test_an_undated_table_uses_the_meeting_date_and_says_so(con, pub):
    got = facts(con, "fct_placements", "202", 56)
    assert [(f["measure"], f["value"], f["breakdown"]) for f in got] == [
        ("cla_count", 150, "Care order")
    ]
    assert (got[0]["period_type"], got[0]["period_source"]) == ("meeting_date", "meeting_date")
    assert str(got[0]["as_of_date"]) == "2020-07-08"
    flagged = pub.execute(
        "select distinct dated_by_meeting from bi.children_looked_after "
        "where breakdown = 'Care order'"
    ).fetchall()
    assert flagged == [(True,)]


def test_a_waiting_list_by_month_is_at_each_months_end(con):
    """205: rows 'Apr-23' ... 'Jul 2023' under a caption naming the service."""
    got = {
        line: [
            (f["measure"], f["value"], f["period_id"])
            for f in facts(con, "fct_waiting_times", "205", line)
        ]
        for line in (13, 16)
    }
    assert got == {
        13: [
            ("max_wait_weeks", 41, "D2023-04-30"),
            ("referrals_waiting", 412, "D2023-04-30"),
            ("waiting_over_18_weeks", 88, "D2023-04-30"),
        ],
        16: [
            ("max_wait_weeks", 47, "D2023-07-31"),
            ("referrals_waiting", 463, "D2023-07-31"),
            ("waiting_over_18_weeks", 110, "D2023-07-31"),
        ],
    }
    first = facts(con, "fct_waiting_times", "205", 13)[0]
    assert (first["period_type"], first["period_source"]) == ("as_of", "row_label")
    assert (first["service_code"], first["service_text"]) == (
        "speech_language_therapy",
        "Speech and language therapy waiting list",
    )


def test_complaints_by_month_are_counted_over_each_month(con):
    """205:22 'Adult Social Care | 14 | 17 | 12' under 'Apr-23 | May-23 | Jun-23'."""
    got = facts(con, "fct_complaints", "205", 22)
    assert [(f["column_name"], f["value"], f["period_id"], f["period_type"]) for f in got] == [
        ("Apr-23", 14, "M2023-04", "month"),
        ("Jun-23", 12, "M2023-06", "month"),
        ("May-23", 17, "M2023-05", "month"),
    ]
    may = got[2]
    assert (str(may["period_start"]), str(may["period_end"])) == ("2023-05-01", "2023-05-31")
    assert {f["service_code"] for f in got} == {"adult_social_care"}


def test_a_months_name_under_a_fiscal_year_is_that_years_month(con):
    """205:28-30: '2023/24' over 'Measure | Jan | Feb | Mar | Total': January of 2023/24 is
    January 2024; the total is the year's."""
    got = {f["column_name"]: f for f in facts(con, "fct_complaints", "205", 30)}
    assert {c: (f["measure"], f["value"], f["period_id"]) for c, f in got.items()} == {
        "2023/24 Jan": ("complaints_received", 10, "M2024-01"),
        "2023/24 Feb": ("complaints_received", 12, "M2024-02"),
        "2023/24 Mar": ("complaints_received", 9, "M2024-03"),
        "2023/24 Total": ("complaints_received", 31, "FY2023/24"),
    }


def test_a_date_printed_as_a_row_label_dates_its_stock(con):
    """205:35-36 '31/03/2022 | 612', '31 March 2023 | 640' under 'Children looked after'."""
    got = [
        (f["measure"], f["value"], f["period_id"])
        for line in (35, 36)
        for f in facts(con, "fct_placements", "205", line)
    ]
    assert got == [("cla_count", 612, "D2022-03-31"), ("cla_count", 640, "D2023-03-31")]


def test_a_quarter_of_a_fiscal_year_printed_with_two_digit_years(con):
    """205:46 under 'Q1 22/23 ... Q4 22/23' (a report of 2024): the quarters of 2022/23."""
    got = facts(con, "fct_complaints", "205", 46)
    assert [(f["column_name"], f["value"], f["period_id"]) for f in got] == [
        ("Q1 22/23", 30, "FY2022/23-Q1"),
        ("Q2 22/23", 35, "FY2022/23-Q2"),
        ("Q3 22/23", 38, "FY2022/23-Q3"),
        ("Q4 22/23", 32, "FY2022/23-Q4"),
    ]


def test_another_tables_caption_is_no_heading_of_this_one(con):
    """205:38-40 'Table 5: Staffing' follows two complaints tables' captions: its FTEs are not
    complaints (and 'Children looked after' above it is table 4's, not table 5's subject)."""
    assert all(
        facts(con, table, "205", 40) == []
        for table in ("fct_complaints", "fct_placements", "fct_waiting_times")
    )
    unclassified = rows(
        con,
        "select u.value from marts.dq_unclassified_values u join marts.dim_pack p using (pack_id) "
        "where p.file_name like '205%' and u.source_line = 40 order by u.value",
    )
    assert [r["value"] for r in unclassified] in ([], [40.0, 41.5])


def test_the_period_opening_a_sentence_dates_each_of_its_figures(con):
    """206:7 'At 31 March 2024 there were 412 children in care ..., a rate of 71 per 10,000'."""
    got = facts(con, "fct_placements", "206", 7)
    assert [(f["measure"], f["value"], f["period_id"]) for f in got] == [
        ("cla_count", 412, "D2024-03-31"),
        ("cla_rate_per_10000", 71, "D2024-03-31"),
    ]


def test_a_rate_in_the_paragraph_above_a_table_of_numbers_is_not_its_measure(con):
    """206:12-18 'Children looked after by placement type at 31 March 2024 | Number | %' under
    the paragraph of 206:7: counts of children by placement, not rates; the '%' column is each
    row's share of the total, and the total's 100% is no fact."""
    foster = facts(con, "fct_placements", "206", 13)
    assert [(f["measure"], f["value"], f["breakdown"], f["period_id"]) for f in foster] == [
        ("cla_share_pct", 44, "Foster care - in house", "D2024-03-31"),
        ("cla_count", 180, "Foster care - in house", "D2024-03-31"),
    ]
    total = facts(con, "fct_placements", "206", 18)
    assert [(f["measure"], f["value"], f["is_total"]) for f in total] == [("cla_count", 412, True)]
    shares = rows(
        con,
        "select u.value_text from marts.dq_unclassified_values u join marts.dim_pack p "
        "using (pack_id) where p.file_name like '206%' and u.source_line = 18",
    )
    assert [r["value_text"] for r in shares] == ["100%"]


def test_a_budget_row_named_children_in_care_is_no_count_of_them(con):
    """206:31 'Children in Care and Placements | 38,420 | 42,115' in a budget table (£000s): the
    caption words that make 'Children looked after by placement type' a count of children are
    read in a caption only, never in a row label."""
    assert facts(con, "fct_placements", "206", 31) == []


def test_number_waiting_is_the_waiting_list_and_a_median_wait_is_a_median(con):
    """206:24 'Community Paediatrics | 650 | 21 | 402' under 'Number waiting | Median wait
    (weeks) | Waiting over 18 weeks': 21 is the median wait (it was left unclassified before the
    catalogue had a median; a table of no median measure gave it its caption's waiting list)."""
    got = facts(con, "fct_waiting_times", "206", 24)
    assert [(f["measure"], f["value"], f["service_code"]) for f in got] == [
        ("median_wait_weeks", 21, "community_paediatrics"),
        ("referrals_waiting", 650, "community_paediatrics"),
        ("waiting_over_18_weeks", 402, "community_paediatrics"),
    ]
    assert unclassified(con, "206", 24) == []


def test_the_100_percent_of_an_outcome_total_row_counts_nothing(con):
    """207:25 'Total | 547 | 100%' under 'Outcome | Number | %': 547 concluded complaints; the
    100% is no count of them and stays unclassified."""
    got = facts(con, "fct_complaints", "207", 25)
    assert [(f["measure"], f["value"], f["value_text"]) for f in got] == [
        ("complaints_concluded", 547, "547")
    ]
    share = rows(
        con,
        "select u.value_text from marts.dq_unclassified_values u join marts.dim_pack p "
        "using (pack_id) where p.file_name like '207%' and u.source_line = 25",
    )
    assert [r["value_text"] for r in share] == ["100%"]
    upheld = facts(con, "fct_complaints", "207", 21)
    assert [(f["measure"], f["value"]) for f in upheld] == [
        ("complaints_upheld_pct", 26),
        ("complaints_upheld", 140),
    ]


def test_sentences_of_another_councils_annual_report(con):
    """208: 'received 214 complaints about adult social care in 2023/24, compared with 187 in
    2022/23' (l.7: 187 is 214's comparison, and the complaints received in 2022/23); 'The ...
    Ombudsman made decisions on 12 complaints' (l.11: the Ombudsman's decisions, not complaints
    received); 'The number of people waiting for an occupational therapy assessment fell from
    342 in March 2023 to 198 in March 2024' (l.13: each figure at its own date); money and staff
    (l.15) are no facts."""
    by_value = {f["value"]: f for f in facts(con, "fct_complaints", "208", 7)}
    assert sorted(by_value) == [187, 214]
    received = by_value[214]
    assert (received["measure"], received["value"], received["period_id"]) == (
        "complaints_received",
        214,
        "FY2023/24",
    )
    earlier = by_value[187]
    assert (earlier["measure"], earlier["period_id"], earlier["measure_source"]) == (
        "complaints_received",
        "FY2022/23",
        "series",
    )
    assert (received["comparison_value"], received["comparison_period_id"]) == (187, "FY2022/23")
    # a council of the register that the aliases seed does not list: prose facts resolve it as
    # the pack's tables do
    assert received["reporting_council"] == "E06000005"  # Darlington
    assert [(f["measure"], f["value"]) for f in facts(con, "fct_complaints", "208", 11)] == [
        ("ombudsman_findings", 12)
    ]
    waiting = sorted(
        (f["value"], f["measure"], f["period_id"], f["service_code"])
        for f in facts(con, "fct_waiting_times", "208", 13)
    )
    assert waiting == [
        (198, "referrals_waiting", "D2024-03-31", "occupational_therapy"),
        (342, "referrals_waiting", "D2023-03-31", "occupational_therapy"),
    ]
    assert all(
        facts(con, table, "208", 15) == []
        for table in ("fct_complaints", "fct_placements", "fct_waiting_times")
    )


# --------------------------------------------------------------------------- subjects kept whole


def test_a_theme_named_like_a_service_stays_a_theme(con):
    """'Hospital discharge' is a row of 'Nature of complaint' in a table of service columns."""
    got = {f["column_name"]: f for f in facts(con, "fct_complaints", "201", 31)}
    assert {c: (f["theme"], f["service_code"]) for c, f in got.items()} == {
        "Brokerage Service": ("Hospital discharge", "brokerage"),
        "Hospital Discharge Team": ("Hospital discharge", "hospital_discharge"),
        "Total": ("Hospital discharge", None),
    }


def test_sub_table_rows_are_teams_of_the_service_in_its_title(con):
    team = facts(con, "fct_complaints", "201", 21)
    assert {(f["service_code"], f["service_text"]) for f in team} == {
        ("hospital_discharge", "Discharge coordinators")
    }
    total = [f for f in facts(con, "fct_complaints", "201", 23) if f["column_name"] == "Total"]
    assert [(f["service_text"], f["value"], f["period_id"]) for f in total] == [
        ("Hospital Discharge Team", 24, "FY2017/18")
    ]


def test_comparator_councils_are_the_subject_in_childrens_services(con):
    got = rows(
        con,
        "select c.council_name, f.value, f.service_area, f.subject_council_source "
        "from marts.fct_placements f join marts.dim_council c on c.council_id = f.subject_council "
        "join marts.dim_pack p on p.pack_id = f.pack_id "
        "where p.file_name like '202%' and f.source_line between 35 and 37 order by f.source_line",
    )
    assert [(r["council_name"], r["value"], r["service_area"]) for r in got] == [
        ("Blackpool Borough Council", 184, "children"),
        ("Lancashire County Council", 93, "children"),
        ("Liverpool City Council", 120, "children"),
    ]
    assert {r["subject_council_source"] for r in got} == {"row_label"}


def test_no_two_facts_of_one_table_share_a_full_key(con):
    for table in ("fct_complaints", "fct_placements", "fct_waiting_times"):
        dupes = con.execute(
            f"select source_table_id, figure_key, measure_text, count(*) from marts.{table} "
            "where source_kind = 'table' group by all having count(*) > 1"
        ).fetchall()
        assert dupes == [], table


# --------------------------------------------------------------------------- findings


def test_each_kind_of_inconsistency_is_found_and_nothing_else(con):
    """Also none for the response times adding up to 90% under 'These figures exclude
    complaints that remain open' (seed share_gap_notes)."""
    got = rows(
        con,
        "select p.file_name, f.check_name, f.severity, f.source_lines from marts.dq_findings f "
        "join marts.dim_pack p using (pack_id) order by 1, 2, 4",
    )
    # the councils of these layouts are made up: each pack's council name is a finding too
    layouts = {path.name[:3] for path in (REPO / "tests/data/meaning_layouts").glob("*.txt")}
    got = [r for r in got if r["file_name"][:3] in layouts]  # this module's packs
    unknown = {
        r["file_name"][:3]
        for r in got
        if r["check_name"] in ("council_name_unknown", "council_name_not_found")
    }
    assert unknown == layouts - _real_councils(con)
    got = [r for r in got if not r["check_name"].startswith("council_name_")]
    assert [
        (r["file_name"][:3], r["check_name"], r["severity"], r["source_lines"]) for r in got
    ] == [
        ("201", "breakdown_tables_sum_to_whole", "warning", "14,23,26"),
        ("201", "combined_upheld_equals_parts", "warning", "72"),
        ("201", "percentage_matches_counts", "warning", "67"),
        ("201", "shares_sum_to_100", "warning", "77"),
        ("202", "same_figure_differs_between_packs", "error", "22"),
        ("202", "same_figure_differs_between_packs", "error", "24"),
        ("204", "same_figure_printed_with_different_values", "error", "12,18"),
        # 211: the rate of 76 (31/03/2024) beside 76.5 (at the end of Q4) is one figure printed
        # whole and to one decimal, no finding
        # community paediatrics' children waiting at 31 March 2024: March's 398 in the month-end
        # list against 987 in Table 8's 'Total waiting' row at the end of Q4 (a row naming only
        # its caption's measure is the whole, no part of it)
        ("211", "same_figure_printed_with_different_values", "error", "70,74"),
        # quarter rows of 6, 4, 5, 3 under a 'Total' of 20 (the Q1-Q4 rows of its Table 1 add up)
        ("213", "detail_rows_sum_to_total_row", "warning", "28,29,30,31,32"),
        # 'In total, 1,486 children were waiting for speech and language therapy' against its
        # Table 1's 1,468 (the 398 both print agree; '84 for SLT' is a part of another count)
        ("232", "prose_figure_disagrees_with_table", "warning", "25,30"),
        # 'Not upheld 35 27 38 33 132': the quarters add up to 133
        ("242", "quarters_sum_to_year_total", "warning", "23"),
        # compliments by service adding up to 261 under a total of '267*' (its footnote: 6 more
        # received by the Chief Executive's office)
        ("256", "detail_rows_sum_to_total_row", "warning", "50,51,52"),
        # the summary's 'CAMHS waiting list fell to 2,318 at the end of January 2026' against
        # Table 1's January 2,381
        ("275", "prose_figure_disagrees_with_table", "warning", "16,27"),
        # (305's quadrants add up: West's 91 past a page's stamp is read as West's, so the waits
        # over 18 weeks, 123 + 98 + 129 + 91, make their Total of 441)
        # 'The Council received 2,164 compliments from residents in 2024/25' against its table's
        # Total of 2,146 (the complaints' 1,240, printed alike, agree)
        ("308", "prose_figure_disagrees_with_table", "warning", "22,29"),
        # '... speech and language therapy waiting list stood at 616' against its table's 611
        # (the eating disorders service's 21 after a sentence on CAMHS is checked against nothing)
        ("369", "prose_figure_disagrees_with_table", "warning", "16,20"),
        # 'Q1 2025/26 | Q2 2025/26 | 2025/26 year to date': 118 + 104 is 222, the year so far 212
        ("374", "quarters_sum_to_year_total", "warning", "16"),
        # 'At the end of November 2025, 1,468 people were awaiting a Care Act assessment' against
        # its table's total of 1,486
        ("376", "prose_figure_disagrees_with_table", "warning", "14,22"),
        # the Ombudsman's decisions of 2024/25, 6 + 4 + 3 upheld + 1, are 14, not the 15 printed
        # (those of 2023/24 add up with their upheld row; the enquiries received are none)
        ("384", "detail_rows_sum_to_total_row", "warning", "17,18,20,21"),
        # DoLS applications awaiting assessment at the end of December 2025: 2,318 in the table
        # by month, 2,381 in the table by quarter
        ("389", "same_figure_printed_with_different_values", "error", "16,22"),
        # Brackenby's county row after its districts: 131 + 118 = 249 at 31 December, not 259
        ("404", "detail_rows_sum_to_total_row", "warning", "16,17,18"),
        # 'Fostering Service | 7 | 3 | 5 | 1': 3 upheld + 5 partly + 1 not upheld of 7 received
        ("418", "outcomes_exceed_received", "warning", "17"),
        # 'At 30 September 2025 there were 316 looked after children' against its table's 361
        ("419", "prose_figure_disagrees_with_table", "warning", "14,19"),
    ]


def _real_councils(con) -> set[str]:
    """The layouts whose council name resolved to a council of the register."""
    return {
        r[0][:3]
        for r in con.execute(
            "select file_name from marts.dim_pack where council_id <> 'unknown'"
        ).fetchall()
    }


def test_findings_name_their_printed_lines_and_are_unique(con):
    ids = [r[0] for r in con.execute("select finding_id from marts.dq_findings").fetchall()]
    assert len(ids) == len(set(ids)) > 0
    finding = rows(
        con,
        "select f.* from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '204%' "
        "and f.check_name = 'same_figure_printed_with_different_values'",
    )[0]
    assert finding["printed_lines"][0].startswith("line 12: Referrals waiting")
    assert "Referrals waiting 41" in finding["printed_lines"][1]
    assert "40" in finding["detail"] and "41" in finding["detail"]
    across = rows(
        con,
        "select f.*, r.file_name as related from marts.dq_findings f "
        "join marts.dim_pack r on r.pack_id = f.related_pack_id where f.source_lines = '22'",
    )[0]
    assert across["related"].startswith("203") and across["related_source_lines"] == "22"
    assert across["related_printed_lines"] == ["line 22: Foster care | 212"]


# --------------------------------------------------------------------------- one conformed figure


def test_a_table_and_a_dashboard_are_one_waiting_list_snapshot(pub):
    got = rows(
        pub,
        "select * from bi.waiting_list_snapshots where service_code = 'physiotherapy' "
        "and reporting_council = 'unknown' and year(as_of_date) = 2021",
    )
    assert len(got) == 1
    row = got[0]
    assert str(row["as_of_date"]) == "2021-09-30"
    assert row["max_wait_weeks"] == 30 and row["avg_wait_weeks"] == 12
    assert row["referrals_waiting"] in (40, 41) and row["printings_agree"] is False
    printings = pub.execute(
        "select value, first_printing from bi.facts where measure = 'referrals_waiting' "
        "and figure_key = (select figure_key from bi.facts where measure = 'referrals_waiting' "
        "and period_id = 'D2021-09-30' and value = 41) order by value"
    ).fetchall()
    assert printings == [(40, True), (41, False)]
    assert set(row["printed_at"]) == {
        "204_northumbria_waiting.txt line 12",
        "204_northumbria_waiting.txt line 13",
        "204_northumbria_waiting.txt line 18",
    }


def test_a_change_in_brackets_is_classified_only_beside_referrals_waiting(con):
    """204 line 18: '>18 week wait 25 (↓4)' and 'Referrals waiting 41 (↑3)'. The +3 is the
    printed change of referrals waiting; no word names what the -4 beside another measure
    counts, so it is no fact. Both figures take the trend their change gives."""
    got = set(
        con.execute(
            "select f.measure, f.value, f.trend from marts.fct_waiting_times f "
            "join marts.dim_pack p using (pack_id) "
            "where p.file_name like '204%' and f.source_line = 18"
        ).fetchall()
    )
    assert ("waiting_over_18_weeks", 25, "down") in got
    assert ("referrals_waiting", 41, "up") in got
    assert ("referrals_waiting_change", 3, "up") in got
    assert not [f for f in got if f[1] == -4]


def test_a_reissued_pack_does_not_double_children_looked_after(pub):
    got = rows(
        pub,
        "select * from bi.children_looked_after where council_name = 'Blackpool Borough Council'",
    )
    assert len(got) == 1
    assert (got[0]["value"], got[0]["printings"], got[0]["printings_agree"]) == (184, 2, True)
    corrected = rows(
        pub,
        "select * from bi.children_looked_after where breakdown = 'Foster care' and exists ("
        "select 1 from marts.dim_pack p where p.file_name like '202%' "
        "and list_contains(pack_ids, p.pack_id))",
    )
    assert len(corrected) == 1
    assert corrected[0]["printed_values"] == [210, 212] and corrected[0]["printings_agree"] is False
    kinds = pub.execute(
        "select value_type, value from bi.children_looked_after "
        "where measure = 'care_leavers_eet_pct' and council = 'unknown' and exists ("
        "select 1 from marts.dim_pack p where p.file_name like '202%' "
        "and list_contains(pack_ids, p.pack_id)) order by value_type"
    ).fetchall()
    assert kinds == [("actual", 55), ("target", 60)]


# ------------------------------------------------- 213: quarter rows, withheld numbers, themes


def test_quarter_rows_under_year_columns_are_that_years_quarters(con):
    """'Q1 (Apr-Jun)' ... 'Q4 (Jan-Mar)' rows under '2023/24 | 2022/23' columns: each value is
    its year's quarter (it was the whole year's: a quarter's complaints read as the year's); the
    'Total' row is the year."""
    got = {
        (f["period_id"], f["value"], f["period_source"])
        for f in facts(con, "fct_complaints", "213", 14)
    }
    assert got == {
        ("FY2023/24-Q1", 41, "row_label+column"),
        ("FY2022/23-Q1", 38, "row_label+column"),
    }
    assert {(f["period_id"], f["value"]) for f in facts(con, "fct_complaints", "213", 17)} == {
        ("FY2023/24-Q4", 44),
        ("FY2022/23-Q4", 39),
    }
    assert {(f["period_id"], f["value"]) for f in facts(con, "fct_complaints", "213", 18)} == {
        ("FY2023/24", 151),
        ("FY2022/23", 150),
    }
    assert all(f["breakdown"] is None for f in facts(con, "fct_complaints", "213", 15))


def test_a_withheld_small_number_is_no_figure_and_its_rows_dash_no_zero(con):
    """'Highways | <5 | -': the received count is withheld (null, suppressed, its text kept);
    the upheld dash in the same row is no zero. 'Highways' is no social care service: no
    service area (the committee's 'Children' does not hold for it)."""
    got = {
        (f["measure"], f["value"], f["value_text"], f["value_status"], f["service_area"])
        for f in facts(con, "fct_complaints", "213", 23)
    }
    assert got == {
        ("complaints_received", None, "<5", "suppressed", None),
        ("complaints_upheld", None, "-", "null_token", None),
    }


def test_a_received_column_beside_upheld_names_its_measure_not_a_breakdown(con):
    got = {
        (f["measure"], f["value"], f["breakdown"], f["service_area"])
        for f in facts(con, "fct_complaints", "213", 22)
    }
    assert got == {
        ("complaints_received", 23, None, "adult"),
        ("complaints_upheld", 9, None, "adult"),
    }


def test_complaints_about_a_subject_in_a_sentence_take_it_as_their_theme(con):
    """'14 complaints about cancelled contact sessions led to ...': complaints about that theme
    (they were read as the year's complaints received, with no theme); 'The Ombudsman upheld 8
    complaints about children's services' names a service, not a theme (211 line 118)."""
    assert {
        (f["measure"], f["value"], f["theme"]) for f in facts(con, "fct_complaints", "213", 37)
    } == {("complaints_received", 14, "cancelled contact sessions")}
    assert {(f["value"], f["theme"]) for f in facts(con, "fct_complaints", "213", 38)} == {
        (62, "poor communication")
    }
    assert {
        (f["measure"], f["value"], f["theme"]) for f in facts(con, "fct_complaints", "211", 118)
    } == {("ombudsman_upheld", 8, None)}


def test_a_waiting_list_header_printed_over_two_lines(con):
    """'Waiting' over 'list' beside 'Over 18' over 'weeks': the number on the list and the
    number waiting over 18 weeks (the first was unclassified)."""
    got = {
        (f["measure"], f["value"], f["service_text"])
        for f in facts(con, "fct_waiting_times", "213", 47)
    }
    assert got == {
        ("referrals_waiting", 212, "Speech and Language Therapy"),
        ("waiting_over_18_weeks", 35, "Speech and Language Therapy"),
    }


# ------------------------------------------------- 214: reports printed after the minutes


def test_reports_printed_after_the_minutes_are_reports_of_their_own(con):
    """Minutes, then a report opening 'Report to the Cabinet' / 'Meeting to be held on ...',
    then one opening 'Item No. | Classification: | Date: | Meeting Name:' (both were swallowed
    by the minutes, their tables' figures put in the minutes): three documents, each report
    titled from its own header."""
    docs = rows(
        con,
        "select d.kind, d.title, d.first_line, d.last_line from marts.dim_document d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '214%' order by d.first_line",
    )
    assert [(d["kind"], d["first_line"], d["last_line"]) for d in docs] == [
        ("agenda", 1, 13),
        ("minutes", 14, 26),
        ("report", 27, 54),
        ("report", 55, 67),
    ]
    assert [d["title"] for d in docs[2:]] == [
        "Children's Social Care Annual Complaints Report 2023/24",
        "Adult Social Care Complaints Report 2023/24",
    ]
    in_report = rows(
        con,
        "select f.measure, f.value, d.title from marts.fct_complaints f "
        "join marts.dim_document d using (document_id) "
        "join marts.dim_pack p on p.pack_id = f.pack_id "
        "where p.file_name like '214%' and f.source_line = 67 order by f.measure",
    )
    assert [(r["measure"], r["value"], r["title"]) for r in in_report] == [
        ("complaints_received", 140, "Adult Social Care Complaints Report 2023/24"),
        ("complaints_upheld", 33, "Adult Social Care Complaints Report 2023/24"),
    ]


def test_the_minutes_resolution_keeps_the_minutes_date(con):
    got = rows(
        con,
        "select d.kind, d.decision_date from marts.fct_decisions d "
        "join marts.dim_pack p using (pack_id) "
        "where p.file_name like '214%' and d.source_line = 25",
    )
    assert [(r["kind"], str(r["decision_date"])) for r in got] == [("resolution", "2024-07-11")]


def test_a_row_that_is_only_a_stage_is_that_stage_not_a_breakdown(con):
    got = {
        (f["measure"], f["value"], f["stage"], f["breakdown"])
        for f in facts(con, "fct_complaints", "214", 53)
    }
    assert got == {("complaints_received", 18, "2", None), ("complaints_upheld", 6, "2", None)}


# ------------------------------------------------- 215: prose comparators, themes in brackets


def test_a_councils_rate_beside_its_comparators_in_a_sentence(con):
    """'the rate of children looked after was 58 per 10,000, against 68 in our statistical
    neighbours and 71 in England': 58 is the council's rate at 31 March 2024 (it was not read);
    68 and 71 are the comparators' and no fact, nor 58's comparison value."""
    got = rows(
        con,
        "select f.measure, f.value, f.period_id, f.comparison_value from marts.fct_placements f "
        "join marts.dim_pack p using (pack_id) "
        "where p.file_name like '215%' and f.source_line = 12",
    )
    assert got == [
        {
            "measure": "cla_rate_per_10000",
            "value": 58,
            "period_id": "D2024-03-31",
            "comparison_value": None,
        }
    ]


def test_the_themes_of_upheld_complaints_in_brackets(con):
    """'In 2023/24 the themes of upheld complaints were communication (47 complaints), delay
    (29) and quality of service (18)': upheld complaints of 2023/24 by theme (they were read as
    complaints received, with no theme, dated by the meeting)."""
    got = {
        (f["measure"], f["value"], f["theme"], f["period_id"])
        for f in facts(con, "fct_complaints", "215", 18)
    }
    assert got == {
        ("complaints_upheld", 47, "communication", "FY2023/24"),
        ("complaints_upheld", 29, "delay", "FY2023/24"),
        ("complaints_upheld", 18, "quality of service", "FY2023/24"),
    }


def test_a_list_of_outcomes_for_children_leaving_care_is_not_guessed(con):
    """'93 returned home, 21 were adopted and 71 moved to independent living': no measure of
    the catalogue counts these; none is made a fact."""
    for table in ("fct_placements", "fct_complaints", "fct_waiting_times"):
        assert facts(con, table, "215", 14) == []


# ------------------------------------------------- 216: a 'Waiting' column, a label on two lines


def test_a_column_headed_waiting_beside_over_18_weeks(con):
    """'Service | Waiting | Over 18 weeks' under a paragraph dating the table 'at the end of March
    2024': the number waiting (it was unclassified) and those over 18 weeks, for the service
    whose name wraps onto a second line ('Speech and' / 'Language Therapy')."""
    got = {
        (f["measure"], f["value"], f["period_id"], f["service_code"])
        for f in facts(con, "fct_waiting_times", "216", 15)
    }
    assert got == {
        ("referrals_waiting", 240, "D2024-03-31", "speech_language_therapy"),
        ("waiting_over_18_weeks", 31, "D2024-03-31", "speech_language_therapy"),
    }
    assert facts(con, "fct_waiting_times", "216", 16) == []
    longest = facts(con, "fct_waiting_times", "216", 20)
    assert [(f["measure"], f["value"], f["service_code"]) for f in longest] == [
        ("max_wait_weeks", 46, "speech_language_therapy")
    ]


# ------------------------------------------------- 217: numbered paragraphs printed with a TAB


def test_a_numbered_paragraph_printed_with_a_tab_is_read_as_a_sentence(con):
    """'1.1<TAB>At 31 March 2024 there were 596 children in care ..., a rate of 57 per 10,000':
    a sentence (it was a two-cell table row whose figures were never read)."""
    got = {
        (f["measure"], f["value"], f["period_id"], f["source_kind"])
        for f in facts(con, "fct_placements", "217", 24)
    }
    assert got == {
        ("cla_count", 596, "D2024-03-31", "prose"),
        ("cla_rate_per_10000", 57, "D2024-03-31", "prose"),
    }


def test_a_minute_numbered_resolution_printed_with_a_tab_is_a_resolution(con):
    """'14<TAB>RESOLVED:- That the Committee:-' with its items '(i)<TAB>Notes ...': the
    resolution of the minuted meeting (13 November 2024), not the pack's."""
    got = rows(
        con,
        "select d.kind, d.decision_date, d.decision_text from marts.fct_decisions d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '217%'",
    )
    assert [(r["kind"], str(r["decision_date"])) for r in got] == [("resolution", "2024-11-13")]
    assert "Notes the performance of children's social care" in got[0]["decision_text"]


# ------------------------------------------------- 218: a report's own block, headings, years


def test_minutes_opened_at_a_meeting_of_and_a_report_opened_by_its_keys(con):
    """'AT A MEETING of the ... Committee ... on Tuesday, 17 September 2024.' opens minutes (their
    resolution is dated by them); 'Report' over 'Committee: / Date: / Title:' opens a report
    titled by its 'Title:' key (both were one document with the front sheet's title)."""
    docs = rows(
        con,
        "select d.kind, d.title, d.first_line from marts.dim_document d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '218%' order by d.first_line",
    )
    assert [(d["kind"], d["first_line"]) for d in docs][1:] == [("minutes", 10), ("report", 21)]
    assert docs[2]["title"] == "Adults' Health and Care Complaints Annual Report 2023/24"
    resolution = rows(
        con,
        "select d.decision_date from marts.fct_decisions d join marts.dim_pack p using (pack_id) "
        "where p.file_name like '218%'",
    )
    assert [str(r["decision_date"]) for r in resolution] == ["2024-09-17"]


def test_a_heading_comparing_with_an_earlier_year_does_not_date_the_tables_below(con):
    """Tables under 'Comparison with 2022/23' and then 'Outcomes' are the report's 2023/24 (they
    were dated 2022/23 by the comparison heading)."""
    got = set(measured(con, "fct_complaints", "218", 36))
    assert got == {("complaints_upheld", 96, "FY2023/24")}


def test_days_and_months_over_a_line_of_years_head_the_columns(con):
    """'31 March | 31 March' over '| 2023 | 2024': children in care at each 31 March (the years
    were read as a row of figures and the figures dated by the meeting)."""
    got = {(f["value"], f["period_id"]) for f in facts(con, "fct_placements", "218", 43)}
    assert got == {(221, "D2023-03-31"), (226, "D2024-03-31")}
    years = rows(
        con,
        "select f.value from marts.fct_placements f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '218%' and f.value in (2023, 2024)",
    )
    assert years == []


def test_upheld_under_an_ombudsman_caption_is_the_ombudsmans_finding(con):
    """'Ombudsman decisions by service': 'Detailed investigations' and 'Not upheld' are the
    Ombudsman's findings, 'Upheld' the complaints it upheld and 'Upheld %' its uphold rate (they
    were its enquiries and the council's upheld rate; seed label_measures_in_context)."""
    got = {(f["measure"], f["value"]) for f in facts(con, "fct_complaints", "218", 50)}
    assert got == {
        ("ombudsman_findings", 13),
        ("ombudsman_upheld", 10),
        ("ombudsman_findings", 3),
        ("ombudsman_upheld_pct", 77),
    }
    assert unclassified(con, "218", 50) == []


def test_a_placement_type_column_naming_childrens_homes_is_a_breakdown(con):
    """'In-house foster care | Residential<br>children's homes | Total': the homes column is
    one placement type (its words name children's services, but no other column names another
    service area: it splits nothing by area); it was read as all children looked after."""
    got = {(f["breakdown"], f["value"]) for f in facts(con, "fct_placements", "218", 54)}
    assert got == {
        ("In-house foster care", 318),
        ("Residential children's homes", 121),
        (None, 439),
    }


def test_an_average_wait_in_working_days_is_no_wait_in_weeks(con):
    """'Average wait to allocation (working days)': 11 days (it was stored as 11 weeks)."""
    got = {
        (f["measure"], f["value"], f["unit"]) for f in facts(con, "fct_waiting_times", "218", 58)
    }
    assert ("avg_wait_days", 11, "days") in got
    assert not any(m == "avg_wait_weeks" for m, _, _ in got)


def test_year_columns_under_a_caption_dated_by_day_and_month(con):
    """'... placed outside the county at 31 March' over '| 2023 | 2024': each column is that 31
    March (both had taken one date from elsewhere)."""
    got = {(f["value"], f["period_id"]) for f in facts(con, "fct_placements", "218", 62)}
    assert got == {(97, "D2023-03-31"), (104, "D2024-03-31")}


# ------------------------------------------------- 219: a forward plan, decisions still to be taken


def test_a_forward_plans_dates_are_when_decisions_are_expected_not_taken(con):
    """Under 'FORWARD WORK PLAN - CABINET DECISIONS DUE ...' a row's 'Date' is when the decision
    is expected (anticipated_month), never a decision date; the 'RECORD OF EXECUTIVE DECISIONS
    TAKEN' table below it, in the same document, holds decisions taken on their dates."""
    got = rows(
        con,
        "select d.source_line, d.kind, d.decision_date, d.anticipated_month, d.anticipated_text "
        "from marts.fct_decisions d join marts.dim_pack p using (pack_id) "
        "where p.file_name like '219%' order by d.source_line",
    )
    assert [
        (r["source_line"], r["kind"], str(r["decision_date"]), str(r["anticipated_month"]))
        for r in got
    ] == [
        (13, "forward_plan_item", "None", "2025-01-01"),
        (14, "forward_plan_item", "None", "2025-02-01"),
        (19, "executive_decision", "2024-11-15", "None"),
        (20, "executive_decision", "2024-11-27", "None"),
    ]
    assert [r["anticipated_text"] for r in got[:2]] == ["14 January 2025", "February 2025"]


def test_a_table_whose_own_words_name_no_domain_is_listed_unclassified(con):
    """'Comparison with 2022/23' over 'Service area | 2022/23 | 2023/24 | % change' in a complaints
    report: only the document's title names complaints, so no measure is guessed; each of its
    numbers is an unclassified value (it was dropped without a trace)."""
    got = rows(
        con,
        "select u.source_line, u.value_text, u.domain, u.column_name, u.reason "
        "from marts.dq_unclassified_values u join marts.dim_pack p using (pack_id) "
        "where p.file_name like '219%' order by u.source_line, u.source_table_id, u.value_id",
    )
    assert sorted((r["source_line"], r["value_text"]) for r in got) == [
        (44, "+12.5%"),
        (44, "176"),
        (44, "198"),
        (45, "+16.4%"),
        (45, "55"),
        (45, "64"),
        (46, "+13.4%"),
        (46, "231"),
        (46, "262"),
    ]
    assert {r["domain"] for r in got} == {"complaints"}
    assert all("name no subject of this warehouse" in r["reason"] for r in got)
    table_facts = rows(
        con,
        "select f.source_line from marts.fct_complaints f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '219%' and f.source_line between 43 and 47",
    )
    assert table_facts == []


def test_a_change_over_a_span_of_months_is_dated_by_the_month_it_runs_to(con):
    """'Change Apr-24 to Jul-24' beside 'Apr-24 | Jul-24': -127 is a change to the end of July
    2024 (it was dated by the meeting's year)."""
    got = {
        (f["value"], f["value_type"], f["period_id"])
        for f in facts(con, "fct_waiting_times", "219", 58)
    }
    assert got == {
        (1951.0, "actual", "D2024-04-30"),
        (1824.0, "actual", "D2024-07-31"),
        (-127.0, "change", "D2024-07-31"),
    }


def test_a_row_of_withheld_numbers_is_a_row_not_a_heading(con):
    """'Sensory Impairment | * | *' (figures withheld) is a row of two suppressed facts, not a
    sub-heading over the rows below it (the lone '*' was stripped as a footnote mark)."""
    got = rows(
        con,
        "select f.source_line, f.measure, f.value, f.value_text, f.value_status, f.service_text "
        "from marts.fct_complaints f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '219%' and f.source_line in (33, 34) order by 1, 2",
    )
    assert [
        (
            r["source_line"],
            r["measure"],
            r["value"],
            r["value_text"],
            r["value_status"],
            r["service_text"],
        )
        for r in got
    ] == [
        (33, "complaints_received", None, "*", "suppressed", "Sensory Impairment"),
        (33, "complaints_upheld", None, "*", "suppressed", "Sensory Impairment"),
        (34, "complaints_received", 64.0, "64", "printed", "Learning Disability"),
        (34, "complaints_upheld", 12.0, "12", "printed", "Learning Disability"),
    ]


def test_a_change_on_an_earlier_year_is_the_later_years_change(con):
    """'During 2023/24 ... 1,126 compliments, an increase of 8% on 2022/23 (1,042)': the 8% is
    2023/24's change compared with 2022/23 (it was dated 2022/23), and 1,042 is 2022/23's."""
    got = {
        (f["number_text"], f["value_type"], f["period_id"], f["comparison_period_id"])
        for f in facts(con, "fct_complaints", "219", 39)
    }
    assert got == {
        ("1,126", "actual", "FY2023/24", None),
        ("8%", "change", "FY2023/24", "FY2022/23"),
        ("1,042", "actual", "FY2022/23", None),
    }


# ------------------------------------------------- 220: a council-wide complaints table


def test_a_council_wide_table_of_services_takes_no_area_from_a_heading_above(con):
    """Rows 'Adult Social Care', 'Children's Social Care', 'Education and SEND', 'Highways and
    Transport' name services of both areas: a council-wide table, so the heading 'Adult social
    care complaints' above it is no row's area (every other row and the total were 'adult')."""
    got = {
        (r["source_line"], r["service_area"])
        for r in rows(
            con,
            "select f.source_line, f.service_area from marts.fct_complaints f "
            "join marts.dim_pack p using (pack_id) where p.file_name like '220%' "
            "and f.column_name = '2024/25'",
        )
    }
    assert got == {(29, "adult"), (30, "children"), (31, None), (32, None), (33, None)}


def test_an_ombudsman_column_in_a_table_of_complaints_received_counts_its_decisions(con):
    """'LGSCO decisions 2024/25' beside '2023/24 | 2024/25' under 'Complaints received by service
    area': '9 (2 upheld)' is 9 Ombudsman decisions (it was 9 complaints received and 2 upheld);
    the 2 upheld are left unclassified, as in any Ombudsman column."""
    got = [(f["measure"], f["value"]) for f in facts(con, "fct_complaints", "220", 32)]
    assert sorted(got) == [
        ("complaints_received", 702.0),
        ("complaints_received", 745.0),
        ("ombudsman_findings", 9.0),
    ]
    left = rows(
        con,
        "select u.value from marts.dq_unclassified_values u join marts.dim_pack p using (pack_id) "
        "where p.file_name like '220%' and u.source_line = 32",
    )
    assert [r["value"] for r in left] == [2.0]


def test_a_services_name_in_the_top_left_cell_tells_two_tables_of_one_caption_apart(con):
    """'CAMHS – Core' and 'CAMHS – Neurodevelopmental' head two tables of measure rows under one
    caption 'Appendix 1 – CAMHS waiting times': each row takes its table's service (both were the
    caption's CAMHS, one figure printed twice with different values); the second is the
    neurodevelopmental pathway (seed service_aliases)."""
    got = {
        (f["value"], f["service_code"], f["service_text"])
        for line in (45, 49)
        for f in facts(con, "fct_waiting_times", "220", line)
        if f["period_id"] == "D2025-09-30"
    }
    assert got == {
        (1482.0, "camhs", "CAMHS – Core"),
        (3404.0, "neurodevelopmental_pathway", "CAMHS – Neurodevelopmental"),
    }
    findings = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '220%'",
    )
    assert [r["check_name"] for r in findings if not r["check_name"].startswith("council")] == []


# ------------------------------------------------- 221: a scorecard of several subjects


def test_a_scorecards_rows_are_each_read_in_their_own_subject(con):
    """A 'Key performance indicators' table mixing complaints, CAMHS waits and children in care:
    each row is its own measure (they were all complaints received, after the sentence above);
    '27 wks' is 27 weeks; a '-' target sets no target (it was a target of 0) and 'n/a' beside 'Red'
    under 'RAG' is no figure."""
    got = {
        (t, f["source_line"], f["measure"], f["value"], f["value_type"], f["period_id"])
        for t, f in measured_facts_of(con, "221")
    }
    assert got == {
        ("fct_complaints", 19, "complaints_received", 88, "actual", "FY2024/25-Q4"),
        ("fct_complaints", 19, "complaints_received", 96, "actual", "FY2025/26-Q1"),
        ("fct_complaints", 19, "complaints_received", None, "target", "FY2025/26"),
        ("fct_complaints", 20, "complaints_in_timescale_pct", 74, "actual", "FY2024/25-Q4"),
        ("fct_complaints", 20, "complaints_in_timescale_pct", 71, "actual", "FY2025/26-Q1"),
        ("fct_complaints", 20, "complaints_in_timescale_pct", 85, "target", "FY2025/26"),
        ("fct_waiting_times", 21, "referrals_waiting", 1386, "actual", "D2025-03-31"),
        ("fct_waiting_times", 21, "referrals_waiting", 1412, "actual", "D2025-06-30"),
        ("fct_waiting_times", 21, "referrals_waiting", None, "target", "FY2025/26"),
        ("fct_waiting_times", 22, "avg_wait_weeks", 25, "actual", "D2025-03-31"),
        ("fct_waiting_times", 22, "avg_wait_weeks", 27, "actual", "D2025-06-30"),
        ("fct_waiting_times", 22, "avg_wait_weeks", 18, "target", "FY2025/26"),
        ("fct_placements", 23, "cla_count", 708, "actual", "D2025-03-31"),
        ("fct_placements", 23, "cla_count", 718, "actual", "D2025-06-30"),
        ("fct_placements", 23, "cla_count", 650, "target", "FY2025/26"),
        ("fct_waiting_times", 24, "avg_wait_weeks", 17, "actual", "D2025-03-31"),
        ("fct_waiting_times", 24, "avg_wait_weeks", 15, "actual", "D2025-06-30"),
        ("fct_waiting_times", 24, "avg_wait_weeks", 13, "target", "FY2025/26"),
    }


def test_a_scorecards_row_naming_its_service_and_measure_is_that_services(con):
    """'CAMHS - referrals waiting (end of quarter)', 'Children's OT - average wait ...': the row
    names its service as well as its measure, so its figures are that service's (they had no
    service); the other rows name none."""
    got = {(f["source_line"], f.get("service_code")) for _, f in measured_facts_of(con, "221")}
    assert got == {
        (19, None),
        (20, None),
        (21, "camhs"),
        (22, "camhs"),
        (23, None),
        (24, "occupational_therapy"),
    }


# ------------------------------------------------- 222: quarterly indicators with an outturn


def test_quarterly_indicators_beside_a_years_outturn_rates_and_comparator_rows(con):
    """'Rate per 10,000 (0-17)' beside a 'RAG' column is the rate (it was children in care: the
    row's 'Red' spoilt the label); 'Rate per 10,000 - England' / '- statistical neighbours' are
    comparators' rows (unclassified, no council fact, their dashes no zeros); a stock in the
    '2023/24 outturn' column is as at 31 March 2024, a flow there is the year's."""
    got = {
        (f["source_line"], f["measure"], f["value"], f["period_id"], f["period_source"])
        for f in rows(
            con,
            "select f.* from marts.fct_placements f join marts.dim_pack p using (pack_id) "
            "where p.file_name like '222%' and f.value_type = 'actual' "
            "and f.column_name = '2023/24 outturn'",
        )
    }
    assert got == {
        (9, "cla_count", 689, "D2024-03-31", "column+year_end"),
        (10, "cla_rate_per_10000", 57.4, "D2024-03-31", "column+year_end"),
        (11, "children_starting_care", 262, "FY2023/24", "column"),
    }
    comparators = rows(
        con,
        "select u.source_line, u.value_text, u.reason from marts.dq_unclassified_values u "
        "join marts.dim_pack p using (pack_id) where p.file_name like '222%' "
        "and u.source_line between 12 and 13 order by 1, 2",
    )
    assert {(r["source_line"], r["value_text"]) for r in comparators} == {
        (12, "88.6"),
        (12, "-"),
        (13, "71"),
        (13, "-"),
    }
    assert all(r["reason"].startswith("a comparator's figure") for r in comparators)
    council_rows = rows(
        con,
        "select f.source_line from marts.fct_placements f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '222%' and f.source_line between 12 and 13",
    )
    assert council_rows == []


def test_age_bands_under_a_group_label_keep_their_band(con):
    """'5-9 | 10-15 | 16+' under a group label 'Age at 31 March 2025': each column's band (the
    columns were named 'Age at 31 March 2025 5-9' and lost it, so 61 read like the row's 247)."""
    got = {(f["value"], f["age_band"]) for f in facts(con, "fct_placements", "222", 18)}
    assert got == {
        (9, "Under 1"),
        (38, "1-4"),
        (61, "5-9"),
        (98, "10-15"),
        (41, "16+"),
        (247, None),
    }


def test_a_percentage_in_a_column_of_changes_is_no_percentage_measure(con):
    """'Change on 2023/24 | -18%' beside 'LGSCO upheld | 10 | 11 | 9': the change of the row's
    count, not a percentage upheld of -18% (which quarantined a good pack at the fact gate):
    unclassified, and the counts keep their years; under 'Measure' the row is the Ombudsman's
    upheld complaints (it was complaints received)."""
    got = set(measured(con, "fct_complaints", "222", 23))
    assert got == {
        ("ombudsman_upheld", 10, "FY2022/23"),
        ("ombudsman_upheld", 11, "FY2023/24"),
        ("ombudsman_upheld", 9, "FY2024/25"),
    }
    left = rows(
        con,
        "select u.value_text from marts.dq_unclassified_values u join marts.dim_pack p "
        "using (pack_id) where p.file_name like '222%' and u.source_line in (22, 23) order by 1",
    )
    assert [r["value_text"] for r in left] == ["+8%", "-18%"]


def test_a_caption_ending_with_its_date_dates_the_table(con):
    """'Appendix 2 – Long waits by service, 30 September 2025': its waits are as at that date
    (they were dated by the meeting)."""
    got = {
        (f["measure"], f["value"], f["period_id"])
        for f in facts(con, "fct_waiting_times", "222", 28)
    }
    assert got == {
        ("waiting_over_52_weeks", 86, "D2025-09-30"),
        ("waiting_over_78_weeks", 0, "D2025-09-30"),
    }


# ------------------------------------------------- 223: bullets and sentences of a summary


def test_bullets_with_bracketed_comparisons_take_the_summarys_year(con):
    """Under '2. Summary of 2024/25': '• 286 complaints received (2023/24: 265), an increase of
    8%' and '• 445 compliments received (2023/24: 433)'. A bullet is no heading (its 2023/24 had
    dated 445), the 8% is 286's change (it was 265's: 2023/24), and each bracketed figure is
    2023/24's; 'across all six services was 9,293 at the end of August' reads 9,293 (it read six)
    at 31 August 2025 (a month's end with no year: the last before the meeting)."""
    got = {
        (f["source_line"], f["number_text"], f["value_type"], f["period_id"])
        for t in ("fct_complaints", "fct_waiting_times")
        for f in rows(
            con,
            f"select f.* from marts.{t} f join marts.dim_pack p using (pack_id) "
            "where p.file_name like '223%'",
        )
    }
    assert got == {
        (11, "286", "actual", "FY2024/25"),
        (11, "265", "actual", "FY2023/24"),
        (11, "8%", "change", "FY2024/25"),
        (12, "445", "actual", "FY2024/25"),
        (12, "433", "actual", "FY2023/24"),
        (14, "9,293", "actual", "D2025-08-31"),
    }


def test_a_caption_counting_children_placed_far_from_home_names_its_measure(con):
    """'Children placed more than 20 miles from home by placement type, 31 March 2025': 12 are
    children placed that far in in-house foster care (they read as children in care), and '% of
    placed over 20 miles' is each row's share of the 150 (not 8% of in-house foster children)."""
    got = set(measured(con, "fct_placements", "222", 33))
    assert got == {
        ("cla_placed_over_20_miles", 12, "D2025-03-31"),
        ("cla_share_pct", 8, "D2025-03-31"),
    }


def test_a_decision_heading_over_the_minutes_decision(con):
    """'**Decision**' alone over 'To approve as a correct record ...' or 'The Committee notes the
    report and agrees ...' (Manchester-style minutes): resolutions dated by the minuted meeting
    (none was read)."""
    got = rows(
        con,
        "select d.source_line, d.kind, d.decision_date, d.decision_text from marts.fct_decisions d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '223%' order by 1",
    )
    assert [(r["source_line"], r["kind"], str(r["decision_date"])) for r in got] == [
        (24, "resolution", "2025-10-08"),
        (30, "resolution", "2025-10-08"),
    ]
    assert got[1]["decision_text"].endswith("agrees the work programme.")


def test_a_count_with_a_named_group_of_it_in_brackets(con):
    """'56 (19 UASC)': 56 children in care (the cell was dropped); the 19 unaccompanied asylum
    seekers among them have no measure of their own: unclassified."""
    got = [(f["measure"], f["value"]) for f in facts(con, "fct_placements", "222", 38)]
    assert got == [("cla_count", 56)]
    left = rows(
        con,
        "select u.value, u.component from marts.dq_unclassified_values u join marts.dim_pack p "
        "using (pack_id) where p.file_name like '222%' and u.source_line = 38",
    )
    assert [(r["value"], r["component"]) for r in left] == [(19, "subgroup")]


def test_upheld_in_full_or_in_part_and_the_ombudsmans_uphold_rate(con):
    """'the Council concluded 240 adult social care complaints' are complaints concluded (unread
    before: words of a service area stood before 'complaints'); '41% were upheld in full or in
    part' and '46% of complaints were upheld or partly upheld' are the combined measure; '67%'
    of 'the complaints the Ombudsman investigated' is the Ombudsman's uphold rate, not the
    council's own (the 80% of similar authorities is no fact)."""
    got = rows(
        con,
        "select f.source_line, f.measure, f.value, f.period_id from marts.fct_complaints f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '224%' order by 1",
    )
    assert [(r["source_line"], r["measure"], r["value"], r["period_id"]) for r in got] == [
        (11, "complaints_concluded", 240, "FY2024/25"),
        (13, "complaints_upheld_or_partially_upheld_pct", 41, "FY2024/25"),
        (15, "complaints_upheld_or_partially_upheld_pct", 46, "FY2023/24"),
        (19, "ombudsman_enquiries", 12, "FY2024/25"),
        (21, "ombudsman_upheld_pct", 67, "FY2024/25"),
    ]


def test_the_total_row_of_a_column_of_shares_is_no_share(con):
    """'Total | 150 | 100%' under '% of placed over 20 miles': 150 children, and a 100% that is
    the whole the shares are of (var share_of_total_measures), kept unclassified with that
    reason."""
    got = [(f["measure"], f["value"]) for f in facts(con, "fct_placements", "222", 34)]
    assert got == [("cla_placed_over_20_miles", 150)]
    left = rows(
        con,
        "select u.value, u.reason from marts.dq_unclassified_values u join marts.dim_pack p "
        "using (pack_id) where p.file_name like '222%' and u.source_line = 34",
    )
    assert [(r["value"], r["reason"][:40]) for r in left] == [
        (100, "the total row of a column of shares: 100")
    ]


def test_at_year_end_is_the_31_march_closing_the_reports_year(con):
    """'Headlines:' over bullets printed '•<TAB>sentence' (they were a table of no subject, their
    figures lost): read as sentences. 'At year end there were 612 looked after children' in a
    2024/25 annual report presented in October 2025 is as at 31 March 2025."""
    got = measured(con, "fct_placements", "225", 11)
    assert ("cla_count", 612, "D2025-03-31") in got
    assert all(period != "D2025-10-14" for _, _, period in got)
    flows = set(measured(con, "fct_placements", "225", 12))
    assert flows == {
        ("children_starting_care", 231, "FY2024/25"),
        ("children_ceasing_care", 206, "FY2024/25"),
    }


def test_a_number_of_the_next_one_is_a_part_of_it_not_the_whole_again(con):
    """'... accounted for 41 of the 612 looked after children at year end': 41 is a group of the
    612 (it was stored as 41 children in care); the 612 is the count, as at 31 March 2025."""
    got = measured(con, "fct_placements", "225", 14)
    assert got == [("cla_count", 612, "D2025-03-31")]


def test_the_service_a_sentence_names_beats_the_one_named_before_it(con):
    """'... 310 children were waiting for a first appointment with CAMHS' after a paragraph naming
    speech and language therapy is CAMHS's (it was speech and language therapy's)."""
    got = [
        (f["measure"], f["value"], f["period_id"], f["service_code"])
        for f in facts(con, "fct_waiting_times", "225", 20)
    ]
    assert got == [("referrals_waiting", 310, "D2025-09-30", "camhs")]


def services_on(con, pack: str, line: int) -> set[tuple]:
    """(measure, value, period_id, service_code) of each waiting-times fact printed on a line."""
    return {
        (f["measure"], f["value"], f["period_id"], f["service_code"])
        for f in facts(con, "fct_waiting_times", pack, line)
    }


def test_a_pathway_column_names_services_even_in_brackets(con):
    """Under a 'Pathway' label header the rows are services: 'Getting Help (Core CYPMHS)' is CAMHS
    (CYPMHS is its later name, printed in the bracket), 'Neurodevelopmental (ND) assessment' the
    neurodevelopmental pathway; a pathway no alias names keeps its printed words, and a bracket
    noting what a row takes in ('(incl. CAMHS crisis line)') names no service (the rows had
    no service at all, so six pathways' figures of one month were one figure)."""
    assert services_on(con, "226", 14) == {
        ("referrals_waiting", 1204, "D2025-06-30", "camhs"),
        ("referrals_waiting", 1187, "D2025-07-31", "camhs"),
        ("referrals_waiting", 1163, "D2025-08-31", "camhs"),
    }
    assert {s for *_, s in services_on(con, "226", 16)} == {"neurodevelopmental_pathway"}
    eating = facts(con, "fct_waiting_times", "226", 17)
    assert {(f["value"], f["service_code"], f["service_text"]) for f in eating} == {
        (52, None, "Eating Disorders"),
        (49, None, "Eating Disorders"),
        (55, None, "Eating Disorders"),
    }
    # a bracket noting what the row takes in names no service of the row's own
    access = facts(con, "fct_waiting_times", "226", 18)
    assert {(f["value"], f["service_code"]) for f in access} == {(14, None), (18, None), (11, None)}


def test_camhs_neurodevelopmental_is_the_pathway_not_core_camhs(con):
    """'CAMHS – Neurodevelopmental' beside 'CAMHS – Core' is the neurodevelopmental pathway: the
    two September lists (1,151 and 4,288) are two figures, not two printings of CAMHS's."""
    assert services_on(con, "226", 24) == {
        ("referrals_waiting", 1151, "D2025-09-30", "camhs"),
        ("max_wait_weeks", 61, "D2025-09-30", "camhs"),
    }
    assert services_on(con, "226", 25) == {
        ("referrals_waiting", 4288, "D2025-09-30", "neurodevelopmental_pathway"),
        ("max_wait_weeks", 97, "D2025-09-30", "neurodevelopmental_pathway"),
    }


def test_a_pathway_and_its_parent_services_total_are_two_snapshots(pub):
    """226 line 14 ('Getting Help (Core CYPMHS)', 1,204) and line 19 ('Total waiting', 5,659, the
    CYPMHS of the report's title) share the code camhs: they are two rows of the waiting-list
    snapshots of 30 June 2025, each with its own printing (one row of the larger, before)."""
    got = rows(
        pub,
        "select service_as_printed, referrals_waiting, printed_at "
        "from bi.waiting_list_snapshots where service_code = 'camhs' "
        "and as_of_date = date '2025-06-30' "
        "and (list_contains(printed_at, ?) or list_contains(printed_at, ?)) "
        "order by referrals_waiting",
        ["226_norfolk_pathways.txt line 14", "226_norfolk_pathways.txt line 19"],
    )
    assert [(r["service_as_printed"], r["referrals_waiting"], r["printed_at"]) for r in got] == [
        ("Getting Help (Core CYPMHS)", 1204, ["226_norfolk_pathways.txt line 14"]),
        (None, 5659, ["226_norfolk_pathways.txt line 19"]),
    ]


# ---------------------------------------------- 227: a flow counted since April, to the report


def test_a_flow_since_april_is_counted_from_april_to_the_report(con):
    """'Since April, 87 children have entered care and 79 children have left care' in the
    'Children in Care Performance Report, Quarter 2 2025/26' to the meeting of 19 November 2025:
    both flows over 1 April to the end of the report's quarter, 30 September 2025 (period type
    to_date, a row of dim_period), not stocks at the meeting's date (nor, as before, to the
    meeting)."""
    got = rows(
        con,
        "select f.measure, f.value, f.period_id, f.period_type, f.period_start, f.period_end, "
        "f.fiscal_year from marts.fct_placements f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '227%' and f.source_line = 9 order by f.measure",
    )
    span = ("R2025-04-01/2025-09-30", "to_date", date(2025, 4, 1), date(2025, 9, 30), "2025/26")
    assert [tuple(r.values()) for r in got] == [
        ("children_ceasing_care", 79, *span),
        ("children_starting_care", 87, *span),
    ]
    (period,) = rows(con, "select * from marts.dim_period where period_id = ?", [span[0]])
    assert (period["period_type"], period["period_start"], period["period_end"]) == span[1:4]


def test_a_stock_since_april_is_the_stock_now_and_a_year_to_date_count_is_to_date(con):
    """'... has risen since April to 1,142' is the count at the meeting (a stock); 'In the year to
    date, 41 complaints have been received' counts from 1 April 2025 to the end of the report's
    quarter; 'During 2024/25, 190 children entered care' keeps its fiscal year."""
    assert measured(con, "fct_placements", "227", 11) == [("cla_count", 1142, "D2025-11-19")]
    assert measured(con, "fct_complaints", "227", 13) == [
        ("complaints_received", 41, "R2025-04-01/2025-09-30")
    ]
    assert measured(con, "fct_placements", "227", 15) == [
        ("children_starting_care", 190, "FY2024/25")
    ]


# ------------------------ 228: dates over No. / % pairs, across a page and its running banner


def test_the_council_is_the_one_its_officers_mail_domain_names(con):
    """The pack names the 'In Care Council' (children in care's own council) three times and
    Norfolk County Council once, and its officers write from norfolk.gov.uk: it is Norfolk's."""
    (pack,) = rows(con, "select council_id from marts.dim_pack where file_name like '228%'")
    assert pack["council_id"] == "E10000020"


def test_dates_over_count_and_share_pairs_date_each_count_across_a_page_break(con):
    """`Placement type | 31 March 2025 | | 30 June 2025 |` over `| No. | % | No. | %` is the
    header (it was two rows of the body); the rows after `Page 4` and the banner printed on each
    page (`Children in Care Performance Report | Corporate Parenting Board – ...`) go on with
    the table, so 'Placed with parents' 38 is the count at 30 June 2025, and the '%' beside it
    its share of that date's total."""
    assert sorted(measured(con, "fct_placements", "228", 35)) == [
        ("cla_count", 369, "D2025-06-30"),
        ("cla_count", 372, "D2025-03-31"),
        ("cla_share_pct", 32.5, "D2025-06-30"),
        ("cla_share_pct", 32.8, "D2025-03-31"),
    ]
    assert sorted(measured(con, "fct_placements", "228", 42)) == [
        ("cla_count", 38, "D2025-06-30"),
        ("cla_count", 41, "D2025-03-31"),
        ("cla_share_pct", 3.3, "D2025-06-30"),
        ("cla_share_pct", 3.6, "D2025-03-31"),
    ]
    # the three rows shown are 72.4% of all children in care: the total row's share is a fact
    total = facts(con, "fct_placements", "228", 43)
    assert {(f["value"], f["period_id"], f["is_total"]) for f in total} == {
        (821, "D2025-03-31", True),
        (821, "D2025-06-30", True),
        (72.4, "D2025-03-31", True),
        (72.2, "D2025-06-30", True),
    }


# ------------------- 229: a quarter in the caption, answered in time, a table of measures by row


def test_a_caption_naming_a_quarter_with_its_year_dates_the_table_by_that_quarter(con):
    """'Stage 1 complaints by directorate, Quarter 2 2025/26' over columns that print no period:
    the quarter's figures (they were the whole year's); 'Responded in time' and '% in time' are
    the complaints answered within timescale (the count was 'concluded')."""
    got = {
        (f["measure"], f["value"], f["period_id"]) for f in facts(con, "fct_complaints", "229", 11)
    }
    assert got == {
        ("complaints_received", 74, "FY2025/26-Q2"),
        ("complaints_in_timescale", 52, "FY2025/26-Q2"),
        ("complaints_in_timescale_pct", 70, "FY2025/26-Q2"),
        ("complaints_upheld", 18, "FY2025/26-Q2"),
        ("complaints_partially_upheld", 21, "FY2025/26-Q2"),
        ("complaints_not_upheld", 31, "FY2025/26-Q2"),
    }


def test_rows_under_a_measure_header_name_their_own_measures(con):
    """Under 'Measure | 2022/23 | ...' each row names its measure, though the caption names the
    Ombudsman ('Complaints and Ombudsman cases'): complaints received and compliments are the
    council's (they were Ombudsman enquiries), 'LGSCO uphold rate' the Ombudsman's uphold rate;
    'answered on time' in the sentence above names no row's measure, so the Housing
    Ombudsman's maladministration rate is left unclassified (it was complaints answered in
    time)."""
    assert sorted(measured(con, "fct_complaints", "229", 19)) == [
        ("complaints_received", 6388, "FY2022/23"),
        ("complaints_received", 6941, "FY2023/24"),
        ("complaints_received", 7206, "FY2024/25"),
    ]
    assert {m for m, *_ in measured(con, "fct_complaints", "229", 20)} == {"compliments_received"}
    assert {m for m, *_ in measured(con, "fct_complaints", "229", 22)} == {"ombudsman_upheld_pct"}
    assert measured(con, "fct_complaints", "229", 23) == []
    assert [r["value"] for r in unclassified(con, "229", 23)] == [57, 63, 71]


def test_care_leavers_owed_a_leaving_care_duty_are_no_children_leaving_care(con):
    """'... care leavers to whom the Council owes a leaving care duty' over a table of care
    leavers by age: no children ceasing care (203 and 412 were), but care leavers (the
    catalogue's care_leavers_count, 30 September 2025, by age group); the count 'In touch' beside
    them names no count measure and is left unclassified."""
    assert measured(con, "fct_placements", "228", 50) == [
        ("care_leavers_count", 203, "D2025-09-30")
    ]
    assert measured(con, "fct_placements", "228", 51) == [
        ("care_leavers_count", 412, "D2025-09-30")
    ]
    assert [r["value"] for r in unclassified(con, "228", 50)] == [197]


def test_shorthand_stability_rows_and_a_caption_of_children_entering_care(con):
    """'3+ placements in last 12 months (%)' and 'Same placement for 2+ years (%)' name the two
    stability measures ('2+ years' is how long, no age band); 'Children entering care in Quarter 2
    2025/26 by age group' is a table of children starting care in that quarter (it had no
    domain, so its figures were lost)."""
    assert sorted(measured(con, "fct_placements", "228", 55)) == [
        ("cla_three_or_more_placements_pct", 9.4, "D2025-09-30"),
        ("cla_three_or_more_placements_pct", 9.8, "D2025-06-30"),
    ]
    stability = facts(con, "fct_placements", "228", 56)
    assert {(f["measure"], f["value"], f["age_band"]) for f in stability} == {
        ("placement_stability_pct", 69, None),
        ("placement_stability_pct", 70, None),
    }
    entering = facts(con, "fct_placements", "228", 60)
    assert [(f["measure"], f["value"], f["period_id"], f["age_band"]) for f in entering] == [
        ("children_starting_care", 14, "FY2025/26-Q2", "Under 1")
    ]


def test_dates_under_the_columns_names_date_each_column(con):
    """`Indicator | Norfolk | Norfolk | England` over `| 31 Mar 2024 | 31 Mar 2025 | (2024)`: the
    second line is the header's (it was a row of the body), so 63 and 64 are the rates at 31
    March 2024 and 2025, and England's 70 a comparator."""
    assert sorted(measured(con, "fct_placements", "228", 67)) == [
        ("cla_rate_per_10000", 63, "D2024-03-31"),
        ("cla_rate_per_10000", 64, "D2025-03-31"),
    ]
    left = unclassified(con, "228", 67)
    assert [(r["value"], r["column_name"]) for r in left] == [(70, "England (2024)")]


def test_a_rate_after_the_count_and_a_share_in_brackets_after_it(con):
    """'1,137 children in care at 30 June 2025, a rate of 64 per 10,000 children': the count and
    the rate (the rate was not read); '107 children (9.4%) had had three or more placements':
    9.4% is the share with three or more placements at 30 September 2025 (it was not read)."""
    assert sorted(measured(con, "fct_placements", "227", 17)) == [
        ("cla_count", 1137, "D2025-06-30"),
        ("cla_rate_per_10000", 64, "D2025-06-30"),
    ]
    assert measured(con, "fct_placements", "227", 19) == [
        ("cla_three_or_more_placements_pct", 9.4, "D2025-09-30")
    ]


def test_a_quarter_without_its_year_is_the_latest_one_ended_by_the_meeting(con):
    """'The Council received 392 Stage 1 complaints in Quarter 2, compared with 371 in Quarter
    1', in a report to the meeting of 4 November 2025 naming no year: Quarter 2 and Quarter 1 of
    2025/26 (392 was dated by the meeting: 'Quarter 2' stood too far from it to be read)."""
    assert measured(con, "fct_complaints", "229", 25) == [
        ("complaints_received", 392, "FY2025/26-Q2")
    ]


def test_left_beside_entered_care_and_the_same_months_of_last_year(con):
    """'Since April, 52 children have come into care and 49 have left': 49 children left care over
    the same span (it was not read). 'In the same six months of 2024/25, 61 children came into
    care and 58 left': part of 2024/25, not the year, and no period the warehouse has: no fact
    (61 was the whole year's; 'six months' is part of the phrase, no figure)."""
    assert sorted(measured(con, "fct_placements", "227", 21)) == [
        ("children_ceasing_care", 49, "R2025-04-01/2025-09-30"),
        ("children_starting_care", 52, "R2025-04-01/2025-09-30"),
    ]


def test_a_net_increase_is_no_change_of_the_flow_before_it(con):
    """'During 2024/25, 255 children entered care and 236 left care, a net increase of 19': 236
    children left care; 19 is the net of the two flows, no change in the children leaving care
    (it would have been, once 'left care' was read)."""
    assert sorted(measured(con, "fct_placements", "227", 23)) == [
        ("children_ceasing_care", 236, "FY2024/25"),
        ("children_starting_care", 255, "FY2024/25"),
    ]


def test_children_placed_far_from_home_and_care_leavers_in_sentences(con):
    """'193 children (16.9%) were living more than 20 miles from home': the count and the share
    (20 is the distance the measure names, no figure); 'We were in touch with 94% of our care
    leavers aged 19 to 21 at 30 September 2025. 55% were in education, employment or training
    (EET), and 90% were in suitable accommodation': the three care-leaver shares (none was
    read; 21 is an age)."""
    assert {m for m, *_ in measured(con, "fct_placements", "227", 25)} == {
        "cla_placed_over_20_miles",
        "cla_placed_over_20_miles_pct",
    }
    assert sorted(measured(con, "fct_placements", "227", 27)) == [
        ("care_leavers_eet_pct", 55, "D2025-09-30"),
        ("care_leavers_in_touch_pct", 94, "D2025-09-30"),
        ("care_leavers_suitable_accommodation_pct", 90, "D2025-09-30"),
    ]


def test_a_numbered_heading_printed_in_two_cells_dates_the_text_below_it(con):
    """'4.<TAB>Ombudsman annual reviews 2024/25' heads the sentence below it: 'The Ombudsman
    investigated 23 complaints' is of 2024/25 (it took 2022/23, the first year of the table
    caption 'Complaints and Ombudsman cases, 2022/23 to 2024/25' above)."""
    got = measured(con, "fct_complaints", "229", 29)
    assert ("ombudsman_enquiries", 23, "FY2024/25") in got
    assert all(period == "FY2024/25" for *_, period in got)


def test_a_month_over_its_columns_a_median_wait_and_dates_beside_a_heading(con):
    """230_derby_therapy_months.txt: 'Median wait (weeks)' is a median (it took the table's
    'number waiting'); a month printed over 'Waiting | Over 18 wks' dates both columns at its end
    (they were the report's year, both 'waiting'); 'Waiting list' beside three dates over rows of
    figures is the header (the dates were one row, every figure dated by the heading), and
    'Activity' beside years below it opens a table of its own (its rows no waiting list)."""
    pack = "230_derby"
    assert services_on(con, pack, 15) == {
        ("median_wait_weeks", 17, "D2025-06-30", "speech_language_therapy"),
        ("median_wait_weeks", 19, "D2025-09-30", "speech_language_therapy"),
    }
    assert services_on(con, pack, 22) == {
        ("referrals_waiting", 614, "D2025-10-31", "occupational_therapy"),
        ("waiting_over_18_weeks", 201, "D2025-10-31", "occupational_therapy"),
        ("referrals_waiting", 630, "D2025-11-30", "occupational_therapy"),
        ("waiting_over_18_weeks", 214, "D2025-11-30", "occupational_therapy"),
    }
    assert {(m, v, p) for m, v, p, _ in services_on(con, pack, 28)} == {
        ("referrals_waiting", 2104, "D2024-09-30"),
        ("referrals_waiting", 2251, "D2025-03-31"),
        ("referrals_waiting", 2390, "D2025-09-30"),
    }
    assert {(m, v, p) for m, v, p, _ in services_on(con, pack, 29)} == {
        ("waiting_over_52_weeks", 512, "D2024-09-30"),
        ("waiting_over_52_weeks", 577, "D2025-03-31"),
        ("waiting_over_52_weeks", 640, "D2025-09-30"),
    }
    assert services_on(con, pack, 32) == set()
    activity = rows(
        con,
        "select t.first_line, t.n_header_rows, t.column_names from raw.tables t "
        "join raw.packs p using (pack_id) where p.file_name like ? and t.last_line = 32",
        [f"{pack}%"],
    )
    assert activity == [
        {
            "first_line": 31,
            "n_header_rows": 1,
            "column_names": ["", "2023/24", "2024/25", "2025/26 to date (Apr-Sep)"],
        }
    ]


def test_an_ombudsmans_decisions_fault_found_and_uphold_rate_and_two_ombudsmen_apart(con):
    """231_islington_ombudsman.txt: 'Decisions | Fault found | Uphold rate' under an Ombudsman
    caption are its findings, upheld complaints and uphold rate (they were Ombudsman enquiries,
    the rate unclassified); 'Housing Ombudsman determinations' and 'LGSCO detailed
    investigations decided', two rows naming one measure, keep their labels apart (they were one
    figure, printed twice with different values); a column 'Completed' counts concluded
    complaints (it took the caption's received)."""
    pack = "231_islington"

    def read(line):
        return fields_on(
            con, "fct_complaints", pack, line, "measure", "value", "period_id", "breakdown"
        )

    assert read(13) == {
        ("ombudsman_findings", v, p, "Housing Ombudsman determinations")
        for v, p in ((29, "FY2022/23"), (41, "FY2023/24"), (47, "FY2024/25"))
    }
    assert read(14) == {
        ("ombudsman_findings", v, p, "LGSCO detailed investigations decided")
        for v, p in ((18, "FY2022/23"), (15, "FY2023/24"), (21, "FY2024/25"))
    }
    assert read(19) == {
        ("ombudsman_findings", 47, "FY2024/25", "Housing Ombudsman / Decisions"),
        ("ombudsman_upheld", 36, "FY2024/25", "Housing Ombudsman / Fault found"),
        ("ombudsman_upheld_pct", 77, "FY2024/25", "Housing Ombudsman"),
    }
    assert {(m, v, s) for m, v, _, s in services_stage(con, pack, 26)} == {
        ("complaints_received", 88, "1"),
        ("complaints_concluded", 85, "1"),
        ("complaints_upheld", 21, "1"),
    }


def services_stage(con, pack: str, line: int) -> list[tuple]:
    """(measure, value, period_id, stage) of each complaints fact printed on a line."""
    return [
        (f["measure"], f["value"], f["period_id"], f["stage"])
        for f in facts(con, "fct_complaints", pack, line)
    ]


def test_a_table_of_wait_bands_by_month_under_a_service_caption(con):
    """230_derby_therapy_months.txt lines 41-48: 'Month end | 0-6 weeks | ... | 52+ weeks | Total'
    is a header (a band of waits is a heading, not a value: the tables had none and were one);
    its band columns put 'Table A2: Physiotherapy' among waiting times; '52+ weeks' is the number
    waiting over 52 weeks at each month end; the officer's 'Email:' line above the page break is
    no part of the caption. The other bands and the total name no measure the caption or
    headers say: unclassified."""
    pack = "230_derby"
    tables = rows(
        con,
        "select t.first_line, t.caption, t.n_header_rows, t.column_names[5] as band "
        "from raw.tables t join raw.packs p using (pack_id) "
        "where p.file_name like ? and t.first_line >= 41 order by 1",
        [f"{pack}%"],
    )
    assert tables == [
        {
            "first_line": 42,
            "caption": "Appendix A / Table A1: Occupational therapy",
            "n_header_rows": 1,
            "band": "52+ weeks",
        },
        {
            "first_line": 47,
            "caption": "Table A2: Physiotherapy",
            "n_header_rows": 1,
            "band": "52+ weeks",
        },
    ]
    assert services_on(con, pack, 43) == {
        ("waiting_over_52_weeks", 66, "D2025-10-31", "occupational_therapy")
    }
    assert services_on(con, pack, 48) == {
        ("waiting_over_52_weeks", 6, "D2025-10-31", "physiotherapy")
    }
    assert [u["value"] for u in unclassified(con, pack, 48)] == [21, 60, 101, 188]


def test_a_numbered_section_heading_closes_the_service_of_the_prose_above(con):
    """231_islington_ombudsman.txt lines 29-35: '9. COMPLIMENTS' opens a section of its own, so
    'The council received 1,204 compliments' below it takes no service from the children's
    complaints above the heading (it took 'children'); the sentence under the children's
    heading keeps its service."""
    pack = "231_islington"
    [compliments] = facts(con, "fct_complaints", pack, 35)
    assert (compliments["measure"], compliments["value"]) == ("compliments_received", 1204)
    assert compliments["service_area"] is None
    received = {f["measure"]: f for f in facts(con, "fct_complaints", pack, 31)}
    assert received["complaints_received"]["value"] == 88
    assert received["complaints_received"]["service_area"] == "children"


def test_therapy_waiting_lists_told_in_numbered_paragraphs(con):
    """232_leicestershire_therapy_prose.txt: a report told in numbered paragraphs. '(84 for SLT
    and 138 for OT)' are each their own service's waiting list, and their whole (222) is neither
    (all three took the title's 'Therapy Services' as a part and were dropped); 'young people
    had waited more than 18 weeks', 'the longest wait for an occupational therapy assessment was
    94 weeks' and '633 young people waiting for a physiotherapy assessment' name their measures;
    '2.5<TAB>Of these, 180 ...' one blank line below 2.4 is a paragraph (it was a table), and its
    180 is physiotherapy's, at the end of June 2024 as the sentence before it. Line 25's 1,486
    disagrees with its table's 1,468: test_each_kind_of_inconsistency_is_found_and_nothing_else."""
    pack = "232_leicestershire"

    def read(line):
        return fields_on(
            con, "fct_waiting_times", pack, line, "measure", "value", "service_code", "period_id"
        )

    june = "D2024-06-30"
    assert read(15) == {
        ("referrals_waiting", 222, None, june),
        ("referrals_waiting", 84, "speech_language_therapy", june),
        ("referrals_waiting", 138, "occupational_therapy", june),
    }
    assert read(17) == {("max_wait_weeks", 94, "occupational_therapy", "D2024-09-03")}
    assert read(19) == {("waiting_over_18_weeks", 398, "speech_language_therapy", june)}
    assert read(21) == {("referrals_waiting", 633, "physiotherapy", june)}
    assert read(23) == {("waiting_over_78_weeks", 180, "physiotherapy", june)}
    assert read(25) == {("referrals_waiting", 1486, "speech_language_therapy", june)}


def test_figures_of_an_area_of_several_councils_are_not_the_reporting_councils(con):
    """232_leicestershire_therapy_prose.txt lines 33-39: 'Across Leicester, Leicestershire and
    Rutland, 2,950 children were waiting' and a table captioned 'LLR-wide' (seed shared_areas)
    are the three councils' together (subject_council 'several'), not Leicestershire's; the
    county's own figures above keep it. The shared 2,950 is not compared with the county's
    table (no finding for it)."""
    pack = "232_leicestershire"
    subjects = {
        line: fields_on(
            con,
            "fct_waiting_times",
            pack,
            line,
            "value",
            "subject_council",
            "subject_council_source",
        )
        for line in (21, 33, 38, 39)
    }
    assert subjects == {
        21: {(633, "E10000018", "reporting_council")},
        33: {(2950, "several", "shared_area")},
        38: {(1210, "several", "shared_area")},
        39: {(640, "several", "shared_area")},
    }
    [area] = rows(con, "select council_name from marts.dim_council where council_id = 'several'")
    assert area["council_name"] == "Several councils (a shared area)"


def test_upheld_by_the_council_a_service_that_received_and_a_bracketed_last_year(con):
    """233_camden_complaints_prose.txt: 'The council upheld 1,210 stage 1 complaints' counts upheld
    complaints (it was read as received); 'Housing Repairs received 1,946' is that service's
    part of the council's complaints, not a second council-wide count; 'the number received in
    2023/24 (3,611)' is the number received that year; '..., compared with 1,388 in 2023/24' is
    1,210's comparison and the complaints upheld in 2023/24, stage 1 too."""
    pack = "233_camden"

    def read(line):
        return fields_on(
            con, "fct_complaints", pack, line, "measure", "value", "segment", "period_id"
        )

    assert read(11) == {
        ("complaints_received", 3402, None, "FY2024/25"),
        ("complaints_received", 3611, None, "FY2023/24"),
    }
    assert read(13) == {("complaints_received", 1946, "Housing Repairs", "FY2024/25")}
    upheld, earlier = sorted(facts(con, "fct_complaints", pack, 15), key=lambda f: f["value"])
    assert (upheld["measure"], upheld["value"], upheld["period_id"]) == (
        "complaints_upheld",
        1210,
        "FY2024/25",
    )
    assert (upheld["comparison_value"], upheld["comparison_period_id"]) == (1388, "FY2023/24")
    assert (earlier["measure"], earlier["value"], earlier["period_id"], earlier["stage"]) == (
        "complaints_upheld",
        1388,
        "FY2023/24",
        "1",
    )


def test_a_count_and_its_bracketed_share_take_the_date_printed_after_them(con):
    """234_hertfordshire_placements_prose.txt: '193 children (16.9%) were living more than 20
    miles from home at 30 September 2025' is read (its paragraph names no other placements word)
    and both the count and its share in brackets are at 30 September 2025 (the bracket kept the
    date from both: they took the meeting's); the Children in Care Council's 11 meetings and 23
    young people are no children in care."""
    pack = "234_hertfordshire"
    assert {
        (f["measure"], f["value"], f["period_id"]) for f in facts(con, "fct_placements", pack, 11)
    } == {
        ("cla_placed_over_20_miles", 193, "D2025-09-30"),
        ("cla_placed_over_20_miles_pct", 16.9, "D2025-09-30"),
    }
    assert facts(con, "fct_placements", pack, 15) == []


def test_a_series_of_tables_by_weeks_waited_under_one_appendix_heading(con):
    """235_leicestershire_appendix_series.txt: three tables with one header ('Month end | 0-6
    weeks | ... | 52+ weeks | Total') under 'Appendix A: Children's therapy waiting lists by weeks
    waited'. Each Total is its service's waiting list: Table A1's from the heading above it,
    Tables A2 and A3's from the series (they were unclassified), their measure_text the words
    that named it; a band of waits ('0-6 weeks') is a part of the list no measure names:
    unclassified (it was the whole list, four values of one figure); '52+ weeks' is waits over
    52 weeks."""
    pack = "235_leicestershire"
    for line, service, total, over_52 in (
        (11, "speech_language_therapy", 820, 40),
        (16, "occupational_therapy", 370, 20),
        (21, "physiotherapy", 118, 3),
    ):
        assert services_on(con, pack, line) == {
            ("referrals_waiting", total, "D2024-04-30", service),
            ("waiting_over_52_weeks", over_52, "D2024-04-30", service),
        }
    [a2_total] = [
        f for f in facts(con, "fct_waiting_times", pack, 16) if f["measure"] == "referrals_waiting"
    ]
    assert "waiting lists by weeks waited" in a2_total["measure_text"]
    assert sorted(u["value"] for u in unclassified(con, pack, 16)) == [90, 120, 140]


def test_a_sentence_naming_two_services_gives_a_figure_the_one_its_own_words_name(con):
    """236_leicestershire_two_services.txt: '412 children were waiting for speech and language
    therapy and 198 for occupational therapy': 412 is speech and language therapy's (its own
    words name it); '150 children were waiting for occupational therapy or physiotherapy
    assessments' is neither service's (it took one of the two)."""
    pack = "236_leicestershire"
    assert ("referrals_waiting", 412, "D2024-06-30", "speech_language_therapy") in services_on(
        con, pack, 11
    )
    assert services_on(con, pack, 13) == {("referrals_waiting", 150, "D2024-06-30", None)}


def test_a_figure_counted_for_another_service_takes_the_measure_of_the_figure_before(con):
    """236_leicestershire_two_services.txt: '... 412 children were waiting for speech and
    language therapy and 198 for occupational therapy': 198 children were waiting for
    occupational therapy, at the end of June 2024 (198 was not read). 'In occupational therapy
    87 children had waited over 18 weeks, and 45 in physiotherapy': 45 waited over 18 weeks for
    physiotherapy. A clause with a number of its own ('and 61 for more than 52 weeks') is no
    service's figure: 61 does not take the waiting list. 'Of the children waiting, 240 had
    waited more than 18 weeks', after paragraphs naming three therapies, is none of them (it
    took speech and language therapy, one of the three, by their order)."""
    pack = "236_leicestershire"
    assert services_on(con, pack, 11) == {
        ("referrals_waiting", 412, "D2024-06-30", "speech_language_therapy"),
        ("referrals_waiting", 198, "D2024-06-30", "occupational_therapy"),
    }
    assert {f["measure_source"] for f in facts(con, "fct_waiting_times", pack, 11)} == {
        "sentence",
        "elliptical",
    }
    on_15 = services_on(con, pack, 15)
    assert ("waiting_over_18_weeks", 240, "D2024-09-03", None) in on_15
    assert not any(value == 61 for _, value, *_ in on_15)
    assert services_on(con, pack, 17) == {
        ("waiting_over_18_weeks", 87, "D2024-09-03", "occupational_therapy"),
        ("waiting_over_18_weeks", 45, "D2024-09-03", "physiotherapy"),
    }


# ------------------------------------------------- 237: a complaints summary in numbered paragraphs


def test_a_numbered_section_heading_passes_no_caption_to_the_table_below_it(con):
    """237_sefton_complaints_summary.txt: '2.<TAB>Complaints by service area' (a heading, read as
    a one-row table) stands between paragraph 1.5 on the Ombudsman and the table of outcomes by
    service: the table's 'Upheld' column counts the council's own upheld complaints (it took
    the Ombudsman's from 1.5, the caption the heading had passed on: ombudsman_upheld 21)."""
    got = {
        f["column_name"]: (f["measure"], f["value"])
        for f in facts(con, "fct_complaints", "237", 24)
    }
    assert got == {
        "Received": ("complaints_received", 142),
        "Upheld": ("complaints_upheld", 21),
        "Partially upheld": ("complaints_partially_upheld", 30),
        "Not upheld": ("complaints_not_upheld", 91),
    }


def test_the_ombudsmans_decisions_and_those_upheld_of_which_clause(con):
    """'The Local Government and Social Care Ombudsman made decisions on 19 complaints, of which
    7 were upheld': 19 Ombudsman decisions and 7 upheld by the Ombudsman (neither was read:
    'of which' made both parts of a group, and 7 read as the council's upheld complaints)."""
    assert sorted(measured(con, "fct_complaints", "237", 19)) == [
        ("ombudsman_findings", 19, "FY2024/25"),
        ("ombudsman_upheld", 7, "FY2024/25"),
    ]


def test_a_count_with_its_share_in_brackets_takes_the_words_after_the_bracket(con):
    """'Of the 312 complaints, 128 (41%) were upheld or partially upheld': 128 upheld or
    partially upheld, and 41% of them (128's words were the bracket, so neither was read)."""
    assert sorted(measured(con, "fct_complaints", "237", 13)) == [
        ("complaints_received", 312, "FY2024/25"),
        ("complaints_upheld_or_partially_upheld", 128, "FY2024/25"),
        ("complaints_upheld_or_partially_upheld_pct", 41, "FY2024/25"),
    ]


def test_the_average_time_taken_to_respond_to_a_complaint(con):
    """'The average time to respond to a complaint was 24 working days, against a target of 20
    working days' and a row 'Average response time (working days)': the days taken to respond
    (neither was read; the catalogue had only the timescale allowed, a target); 20 is the
    average's target."""
    assert fields_on(con, "fct_complaints", "237", 15, "measure", "value", "value_type") == {
        ("complaints_avg_response_days", 24, "actual"),
        ("complaints_avg_response_days", 20, "target"),
    }
    assert sorted(measured(con, "fct_complaints", "237", 34)) == [
        ("complaints_avg_response_days", 22, "FY2023/24"),
        ("complaints_avg_response_days", 24, "FY2024/25"),
    ]


# --------------------------------------------------- 238: a waiting list by month, then sentences


def test_a_change_since_a_date_is_of_the_figures_date_and_of_these_follows_it(con):
    """238_kent_cypmhs_months.txt: 'At the end of September 2025, 4,512 children and young
    people were waiting for a first appointment, a reduction of 300 since April 2025': the
    change is counted from April 2025 to September's figure, so it is of 30 September 2025 (it
    was dated April 2025, its comparison period). 'Of these, 612 had waited more than 52 weeks'
    is of 30 September 2025 too (it took the meeting's date); the table prints 612 for
    September on line 23."""
    assert sorted(measured(con, "fct_waiting_times", "238", 25)) == [
        ("referrals_waiting", -300, "D2025-09-30"),
        ("referrals_waiting", 4512, "D2025-09-30"),
    ]
    assert measured(con, "fct_waiting_times", "238", 27) == [
        ("waiting_over_52_weeks", 612, "D2025-09-30")
    ]
    assert ("waiting_over_52_weeks", 612, "D2025-09-30") in measured(
        con, "fct_waiting_times", "238", 23
    )


def test_waited_longer_than_and_the_longest_wait_before_a_date(con):
    """239_kent_therapy_sentences.txt: '2,254 children were waiting for speech and language
    therapy, of whom 788 had waited longer than 18 weeks': 788 waited over 18 weeks ('longer
    than' bounded no number, so '18 weeks' cut 788's words and 788 was not read). 'The longest
    wait for a first occupational therapy assessment at the end of June 2025 was 61 weeks': the
    longest wait, 61 weeks (a date between the wait and its figure left it unread)."""
    assert sorted(services_on(con, "239", 11)) == [
        ("referrals_waiting", 2254, "D2025-06-30", "speech_language_therapy"),
        ("waiting_over_18_weeks", 788, "D2025-06-30", "speech_language_therapy"),
    ]
    assert services_on(con, "239", 13) == {
        ("max_wait_weeks", 61, "D2025-06-30", "occupational_therapy")
    }


def test_the_share_seen_within_18_weeks_is_a_measure_of_its_own(con):
    """238_kent_cypmhs_months.txt: the row '% seen within 18 weeks' (44% to 49%, April to
    September 2025) is the share of those seen who were seen in time, each month's: not the
    share still waiting over 18 weeks (it was unclassified)."""
    got = measured(con, "fct_waiting_times", "238", 22)
    assert {m for m, *_ in got} == {"pct_seen_within_18_weeks"}
    assert sorted((period, value) for _, value, period in got) == [
        ("M2025-04", 44),
        ("M2025-05", 45),
        ("M2025-06", 46),
        ("M2025-07", 47),
        ("M2025-08", 48),
        ("M2025-09", 49),
    ]


def test_a_change_and_the_level_it_reached(con):
    """239_kent_therapy_sentences.txt: 'The neurodevelopmental pathway waiting list rose by 335
    between April and June 2025, to 10,177 children': the list at the end of June is 10,177 and
    335 its change (neither was read: the list was named only before the change). 'The speech
    and language therapy waiting list fell by 40 to 1,210 at the end of September 2025, and the
    number removed from the waiting list in the quarter was 96': 1,210 and -40, and 96 is no
    waiting list. 'Complaints received by children's services increased by 12 in 2024/25,
    bringing the total to 300': 300 received in 2024/25, 12 its change."""
    assert services_on(con, "239", 15) == {
        ("referrals_waiting", 10177, "D2025-06-30", "neurodevelopmental_pathway"),
        ("referrals_waiting", 335, "D2025-06-30", "neurodevelopmental_pathway"),
    }
    assert fields_on(con, "fct_waiting_times", "239", 17, "measure", "value", "value_type") == {
        ("referrals_waiting", 1210, "actual"),
        ("referrals_waiting", -40, "change"),
    }
    assert fields_on(
        con, "fct_complaints", "239", 21, "measure", "value", "value_type", "period_id"
    ) == {
        ("complaints_received", 300, "actual", "FY2024/25"),
        ("complaints_received", 12, "change", "FY2024/25"),
    }


def test_a_record_of_decision_printed_as_key_lines_without_tabs(con):
    """238_kent_cypmhs_months.txt: a Record of Decision printed 'Decision taken by: Cabinet Member
    for Integrated Children's Services', 'Date of decision: 14 November 2025', 'Decision
    reference: 25/00091' (one line each, no TAB) over 'The Cabinet Member agreed to:' (line 39):
    that decision is the member's, of that date and reference (it had none of them)."""
    got = rows(
        con,
        "select f.decision_maker, f.decision_date, f.reference from marts.fct_decisions f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '238%' "
        "and f.source_line = 39",
    )
    assert got == [
        {
            "decision_maker": "Cabinet Member for Integrated Children's Services",
            "decision_date": date(2025, 11, 14),
            "reference": "25/00091",
        }
    ]


def test_a_count_over_a_threshold_from_one_date_to_a_dated_heading(con):
    """240_wiltshire_wait_bands.txt: 'The number of children waiting more than 52 weeks has risen
    from 602 in March 2025 to 751' below 'Table 1: Children waiting by length of wait, 30 September
    2025': 602 waited over 52 weeks at the end of March 2025, and 751 (the table's total, line 22)
    at 30 September 2025, the date of the caption right above (neither was read: the words before
    602 hold a number; 751 was then dated by the meeting, 12 November 2025)."""
    got = fields_on(
        con, "fct_waiting_times", "240", 24, "measure", "value", "period_id", "period_source"
    )
    assert got == {
        ("waiting_over_52_weeks", 602, "D2025-03-31", "sentence"),
        ("waiting_over_52_weeks", 751, "D2025-09-30", "heading"),
    }
    assert ("waiting_over_52_weeks", 751, "D2025-09-30") in measured(
        con, "fct_waiting_times", "240", 22
    )


def test_a_table_of_wait_bands_counts_only_what_its_columns_name(con):
    """240_wiltshire_wait_bands.txt line 18: 'Speech and Language Therapy 1,432 802 517 113 56.0%
    16': 1,432 waiting, 113 over 52 weeks and a median wait of 16 weeks, at 30 September 2025;
    the bands '0-18 weeks' and '18-52 weeks' and the share '% within 18 weeks' (of those waiting,
    no measure here) are left unclassified, not guessed."""
    assert set(measured(con, "fct_waiting_times", "240", 18)) == {
        ("referrals_waiting", 1432, "D2025-09-30"),
        ("waiting_over_52_weeks", 113, "D2025-09-30"),
        ("median_wait_weeks", 16, "D2025-09-30"),
    }
    assert sorted(u["value"] for u in unclassified(con, "240", 18)) == [56.0, 517, 802]


def test_a_rate_before_a_bracketed_england_figure_is_the_councils(con):
    """241_derbyshire_placements_quarter.txt line 15: 'At 30 September 2025 there were 1,012
    children in care, a rate of 63 per 10,000 children (England 70)': 63 is the council's rate
    at 30 September 2025 (it was read as a comparator: 'England' opens the bracket after it, which
    holds 70), and England's 70 is no fact of the council's."""
    assert set(measured(con, "fct_placements", "241", 15)) == {
        ("cla_count", 1012, "D2025-09-30"),
        ("cla_rate_per_10000", 63, "D2025-09-30"),
    }


def test_a_share_then_its_count_in_brackets(con):
    """241_derbyshire_placements_quarter.txt line 28: 'Placements more than 20 miles from home: 18%
    (182 children), compared with 17% at 30 June 2025': 18% of children in care are placed more
    than 20 miles from home and 182 is their count (measure_source share_count); neither was
    read. 17% is the share at 30 June 2025 (the earlier figure of 18%'s comparison). Line 34,
    '9 (1U & 2PU) were unaccompanied asylum-seeking children', counts no measure here and gives
    no fact."""
    assert fields_on(con, "fct_placements", "241", 28, "measure", "value", "measure_source") == {
        ("cla_placed_over_20_miles_pct", 18, "sentence"),
        ("cla_placed_over_20_miles", 182, "share_count"),
        ("cla_placed_over_20_miles_pct", 17, "series"),
    }
    assert ("cla_placed_over_20_miles_pct", 17, "D2025-06-30") in measured(
        con, "fct_placements", "241", 28
    )
    assert not facts(con, "fct_placements", "241", 34)


def test_a_share_in_brackets_a_further_part_and_the_ombudsmans_upheld_of_these(con):
    """242_lincolnshire_adult_complaints.txt. Line 11: 'Of the 287 complaints received, 96 (33%)
    were upheld and a further 58 were partly upheld': 96 upheld and their share, 33%, and 58
    partly upheld (33% and 58 were not read: a bracket before 'were upheld', and 'partly').
    Line 40: 'The Ombudsman made final decisions on 21 complaints about Adult Care in 2024/25. Of
    these, 12 were upheld, and in 10 of the upheld cases ...': 12 of the Ombudsman's 21 decisions
    were upheld (it was taken for part of an unnamed group and dropped); 10 stays unread."""
    got = set(measured(con, "fct_complaints", "242", 11))
    assert {
        ("complaints_upheld", 96, "FY2024/25"),
        ("complaints_upheld_pct", 33, "FY2024/25"),
        ("complaints_partially_upheld", 58, "FY2024/25"),
    } <= got
    assert set(measured(con, "fct_complaints", "242", 40)) == {
        ("ombudsman_findings", 21, "FY2024/25"),
        ("ombudsman_upheld", 12, "FY2024/25"),
    }


def test_the_share_responded_to_within_a_number_of_days_and_its_target(con):
    """242_lincolnshire_adult_complaints.txt line 44: '78% of complaints were responded to within
    20 working days (target 85%)': 78% in time, against a target of 85% (neither was read: the
    words after 78% end at the next figure, '20 working days')."""
    got = fields_on(con, "fct_complaints", "242", 44, "measure", "value", "value_type")
    assert got == {
        ("complaints_in_timescale_pct", 78, "actual"),
        ("complaints_in_timescale_pct", 85, "target"),
    }


def test_a_scorecard_of_quarters_with_targets_rag_and_direction(con):
    """243_essex_scorecard.txt: a scorecard row per indicator, a Target column, four quarters of
    2024/25, then RAG and direction of travel. 'Rate of children looked after per 10,000 70 62.1
    62.9 63.8 64.5 Green ↑': the rate at each quarter's end and its target, 70; '% complaints
    responded to within timescale 90% 81% 84% 79% 88%': each quarter's share in time and the
    target; RAG and arrows are no figures."""
    assert set(measured(con, "fct_placements", "243", 17)) == {
        ("cla_rate_per_10000", 62.1, "D2024-06-30"),
        ("cla_rate_per_10000", 62.9, "D2024-09-30"),
        ("cla_rate_per_10000", 63.8, "D2024-12-31"),
        ("cla_rate_per_10000", 64.5, "D2025-03-31"),
        ("cla_rate_per_10000", 70, "D2025-06-12"),
    }
    got = fields_on(con, "fct_complaints", "243", 22, "value", "value_type", "period_id")
    assert got == {
        (90, "target", "D2025-06-12"),
        (81, "actual", "FY2024/25-Q1"),
        (84, "actual", "FY2024/25-Q2"),
        (79, "actual", "FY2024/25-Q3"),
        (88, "actual", "FY2024/25-Q4"),
    }
    assert {f["measure"] for f in facts(con, "fct_complaints", "243", 22)} == {
        "complaints_in_timescale_pct"
    }


def test_the_timeliness_of_complaint_responses_and_its_target_in_a_sentence(con):
    """243_essex_scorecard.txt line 28: 'Timeliness of complaint responses improved to 88% in
    Quarter 4, although it remains below the 90% target': 88% in time in Q4 2024/25 and a target
    of 90% (neither was read), the quarter's target (layout 264's rule: a figure with no date of
    its own after its sentence's dated figure; it was dated by the meeting)."""
    got = fields_on(con, "fct_complaints", "243", 28, "measure", "value", "value_type", "period_id")
    assert got == {
        ("complaints_in_timescale_pct", 88, "actual", "FY2024/25-Q4"),
        ("complaints_in_timescale_pct", 90, "target", "FY2024/25-Q4"),
    }


def test_the_remainder_withdrawn_and_an_average_against_its_target(con):
    """244_norfolk_feedback_summary.txt. Line 11: '... 170 (42%) were not upheld; the remaining
    18 were withdrawn': 18 withdrawn (unread: 'were' stood before 'withdrawn'). Line 17: 'The
    average time to respond to a Stage 1 complaint was 14 working days, against a target of 10
    working days': the stage 1 average, 14, and its target, 10 (neither was read: 'Stage 1' put
    a digit in the words before 14)."""
    assert ("complaints_withdrawn", 18, "FY2024/25") in measured(con, "fct_complaints", "244", 11)
    got = fields_on(con, "fct_complaints", "244", 17, "measure", "value", "value_type", "stage")
    assert got == {
        ("complaints_avg_response_days", 14, "actual", "1"),
        ("complaints_avg_response_days", 10, "target", "1"),
    }


def test_shares_in_foster_and_residential_care_of_the_children_of_the_sentence_before(con):
    """244_norfolk_feedback_summary.txt line 23: 'Of the 1,163 children, 812 (70%) were in foster
    care and 96 (8%) were in residential care', after '... fell from 1,198 at 31 March 2024 to
    1,163 at 31 March 2025': 70% in foster care and 8% in residential care, at 31 March 2025, the
    date of the 1,163 they are shares of (nothing was read). The counts 812 and 96 have no
    measure here (the catalogue counts no children by placement in sentences) and stay unread."""
    assert set(measured(con, "fct_placements", "244", 23)) == {
        ("cla_foster_pct", 70, "D2025-03-31"),
        ("cla_residential_pct", 8, "D2025-03-31"),
    }


def test_a_percentage_change_and_a_level_reached_over_the_quarter(con):
    """245_surrey_reached_levels.txt. Line 11: 'The CAMHS waiting list rose by 12% to 1,204
    children at the end of October 2025': 1,204 waiting and a 12% rise, at 31 October 2025.
    Line 13: 'The occupational therapy waiting list fell by 86 over the quarter, reaching 541 at
    30 September 2025': 541 waiting and a fall of 86, both at 30 September 2025 (541 was not read
    and -86 was dated by the meeting). Lines 15 and 17 ('The waiting list was reviewed in
    September and 45 families were contacted', 'was 3 months shorter than a year ago') give no
    waiting list."""
    got = fields_on(con, "fct_waiting_times", "245", 11, "value", "unit", "value_type", "period_id")
    assert got == {
        (1204, "count", "actual", "D2025-10-31"),
        (12, "percent_change", "change", "D2025-10-31"),
    }
    assert services_on(con, "245", 13) == {
        ("referrals_waiting", 541, "D2025-09-30", "occupational_therapy"),
        ("referrals_waiting", -86, "D2025-09-30", "occupational_therapy"),
    }
    assert not facts(con, "fct_waiting_times", "245", 15)
    assert not facts(con, "fct_waiting_times", "245", 17)


def test_an_outcome_table_whose_total_counts_complaints_concluded_and_an_average_column(con):
    """246_cheshire_east_adult_outcomes.txt, Table 1 'Outcome of complaints concluded in
    2024/25', headed over two lines ('Outcome' / 'Upheld ... Total', 'Average' / 'response
    (days)'). Line 20, Care at home: 112 in the 'Total' column counts the complaints concluded,
    and 16.4 is the average response in days (both were read as complaints received, so the
    averages broke the upheld-within-received gate and the whole pack was quarantined)."""
    got = fields_on(con, "fct_complaints", "246", 20, "measure", "value", "column_name")
    assert got == {
        ("complaints_upheld", 44, "Outcome Upheld"),
        ("complaints_partially_upheld", 30, "Outcome Partially upheld"),
        ("complaints_not_upheld", 38, "Outcome Not upheld"),
        ("complaints_concluded", 112, "Outcome Total"),
        ("complaints_avg_response_days", 16.4, "Average response (days)"),
    }


def test_complaints_answered_within_a_printed_number_of_days_and_their_share(con):
    """246_cheshire_east_adult_outcomes.txt line 28, Q2 of 'Complaints responded to by quarter':
    74 responded to, 60 'Within 20 working days', '% within 20 days' 81%, an average of 17.0
    working days (60 was read as complaints received, 17.0 too, and 81% not at all)."""
    assert set(measured(con, "fct_complaints", "246", 28)) == {
        ("complaints_concluded", 74, "FY2024/25-Q2"),
        ("complaints_in_timescale", 60, "FY2024/25-Q2"),
        ("complaints_in_timescale_pct", 81, "FY2024/25-Q2"),
        ("complaints_avg_response_days", 17.0, "FY2024/25-Q2"),
    }


def test_the_ombudsmans_outcomes_in_the_sentence_after_its_decisions_and_its_uphold_rate(con):
    """246_cheshire_east_adult_outcomes.txt. Line 35: 'The LGSCO made decisions on 23 ...
    complaints in 2024/25. Of these, 8 were closed after initial enquiries and 6 were not
    upheld': 8 and 6 are the Ombudsman's findings (6 was read as complaints the council did not
    uphold). Line 37: 'The Ombudsman upheld 71% of the complaints it investigated in detail':
    its uphold rate, not the council's."""
    got = fields_on(con, "fct_complaints", "246", 35, "measure", "value", "breakdown")
    assert got == {
        ("ombudsman_findings", 23, None),
        ("ombudsman_findings", 8, "were closed after initial enquiries"),
        ("ombudsman_findings", 6, "were not upheld"),
    }
    assert measured(con, "fct_complaints", "246", 37) == [("ombudsman_upheld_pct", 71, "FY2024/25")]


def test_a_mixed_remainder_is_unread_and_bracketed_counts_in_a_themes_sentence_take_the_theme(
    con,
):
    """246_cheshire_east_adult_outcomes.txt. Line 11: 'The remaining 52 were withdrawn or were
    still being investigated': a mixed group, no count of withdrawn complaints. Line 13: 'The
    most common themes were communication (74 complaints), charging (52) and quality of care
    (49)': each count is of its theme (they were three counts of complaints received with no
    theme)."""
    assert "complaints_withdrawn" not in {
        m for m, _, _ in measured(con, "fct_complaints", "246", 11)
    }
    got = fields_on(con, "fct_complaints", "246", 13, "measure", "value", "theme")
    assert got == {
        ("complaints_received", 74, "communication"),
        ("complaints_received", 52, "charging"),
        ("complaints_received", 49, "quality of care"),
    }


def test_a_caption_naming_starting_and_ceasing_care_leaves_each_row_its_own(con):
    """247_hertfordshire_placement_types.txt, 'Table 1: Children starting and ceasing to be
    looked after, 2024/25': line 19 counts children starting (it was read as ceasing, the only
    measure the caption was found to name), line 20 children ceasing."""
    assert {m for m, _, _ in measured(con, "fct_placements", "247", 19)} == {
        "children_starting_care"
    }
    assert ("children_starting_care", 309, "FY2024/25") in measured(
        con, "fct_placements", "247", 19
    )
    assert ("children_ceasing_care", 279, "FY2024/25") in measured(con, "fct_placements", "247", 20)


def test_a_rate_restating_the_count_before_and_the_number_ceasing_care_in_a_sentence(con):
    """247_hertfordshire_placement_types.txt. Line 11: 'At 31 March 2025 there were 1,046
    children looked after ..., compared with 1,018 at 31 March 2024. This is a rate of 39 per
    10,000 children, below the England rate of 70': 39 is the council's rate at 31 March 2025
    (it was taken for England's, as the words up to 70 named England); 70 is England's and
    unread. Line 13: 'The number of children ceasing to be looked after was 281 over the year':
    281 children ceasing care in 2024/25."""
    got = set(measured(con, "fct_placements", "247", 11))
    assert ("cla_rate_per_10000", 39, "D2025-03-31") in got
    assert 70 not in {v for _, v, _ in got}
    assert measured(con, "fct_placements", "247", 13) == [
        ("children_ceasing_care", 281, "FY2024/25")
    ]


def test_a_placement_type_table_under_its_heading_and_a_row_broken_by_a_page(con):
    """247_hertfordshire_placement_types.txt, '3. Placement types' / 'Table 2: Children looked
    after by placement type' (all unclassified: the caption was read with its heading before
    it). Line 27: 419 children in in-house foster care at 31 March 2025. Line 34: the row
    'Semi-independent / supported accommodation (16-17' / 'year olds)' broken by a page: its
    placement type is the breakdown (it had none, only its age band), and the rows add up to
    the total (no finding: line 34's figures were left out of the sum). The '%' columns are each
    row's share of its date's total (seed measure_patterns, a column headed '%' alone)."""
    got = fields_on(con, "fct_placements", "247", 27, "measure", "value", "period_id", "breakdown")
    assert ("cla_count", 419, "D2025-03-31", "Foster care - in-house") in got
    assert ("cla_share_pct", 40.1, "D2025-03-31", "Foster care - in-house") in got
    got = fields_on(con, "fct_placements", "247", 34, "measure", "value", "breakdown", "age_band")
    label = "Semi-independent / supported accommodation (16-17 year olds)"
    assert got == {
        ("cla_count", 82, label, "16-17 year olds"),
        ("cla_count", 88, label, "16-17 year olds"),
        ("cla_share_pct", 8.1, label, "16-17 year olds"),
        ("cla_share_pct", 8.4, label, "16-17 year olds"),
    }
    assert unclassified(con, "247", 27) == []


def test_a_percentage_change_after_a_comparison_is_of_the_figure_compared(con):
    """246_cheshire_east_adult_outcomes.txt line 11: '342 complaints in 2024/25, compared with
    318 in 2023/24, an increase of 8%': the 8% rise is of 2024/25, the year of 342 (it was dated
    2023/24, the year of 318, the figure printed just before it)."""
    got = fields_on(con, "fct_complaints", "246", 11, "value", "value_type", "unit", "period_id")
    assert (8, "change", "percent_change", "FY2024/25") in got
    assert (318, "actual", "count", "FY2023/24") in got


def test_a_month_printed_without_its_year_and_a_service_named_before_the_verb(con):
    """248_devon_waits_by_month.txt line 11: 'The median wait for a first speech and language
    therapy appointment was 19 weeks in September': 19 weeks, speech and language therapy, at
    30 September 2025, the last September by the meeting (it was unread: the service's words
    stood between 'median wait' and the figure; and 'in September' was no period, so it would
    have been dated by the meeting)."""
    assert services_on(con, "248", 11) == {
        ("median_wait_weeks", 19, "D2025-09-30", "speech_language_therapy")
    }


def test_tables_by_month_captioned_number_waiting_and_waiting_over_18_weeks(con):
    """248_devon_waits_by_month.txt: 'Table 1: Number waiting by month, 2025/26' and 'Table 2:
    Waiting over 18 weeks by month, 2025/26', a month per column (the first table was in no
    domain, the second's figures unclassified). Line 17: speech and language therapy waiting,
    1,127 at 30 September 2025; line 23: physiotherapy, 61 waiting over 18 weeks at 30 June."""
    assert ("referrals_waiting", 1127, "D2025-09-30", "speech_language_therapy") in services_on(
        con, "248", 17
    )
    assert ("waiting_over_18_weeks", 61, "D2025-06-30", "physiotherapy") in services_on(
        con, "248", 23
    )


def test_a_service_named_only_to_compare_is_not_the_sentences(con):
    """248_devon_waits_by_month.txt line 13: 'Physiotherapy waits are shorter than for speech and
    language therapy: 381 children were waiting at the end of September, of whom 50 had waited
    over 18 weeks': both are physiotherapy's, at 30 September 2025 (the sentence named two
    services, so 50 had none and read as the whole list's; 381 was unread, 'at the end of'
    following 'were waiting')."""
    assert services_on(con, "248", 13) == {
        ("referrals_waiting", 381, "D2025-09-30", "physiotherapy"),
        ("waiting_over_18_weeks", 50, "D2025-09-30", "physiotherapy"),
    }


def test_a_legend_explains_a_coded_part_and_a_report_opened_by_who_reports(con):
    """249_salford_feedback_outcomes.txt. 'ITEM 2' / 'CUSTOMER FEEDBACK ANNUAL REPORT 2024/25' /
    'Report of the Assistant Director, Customer Services' opens a report (it stayed part of the
    agenda). Line 24: 'Place<TAB>27 (4U)<TAB>14 ...' under 'Upheld': 27 upheld; the 4U is a
    subset its legend explains and stays unclassified (it was a second upheld count for the
    same row). Line 28: '(4U) = four complaints upheld after a second review.' is a legend: no
    fact (it was four upheld complaints)."""
    got = fields_on(con, "fct_complaints", "249", 24, "measure", "value")
    assert ("complaints_upheld", 27) in got and ("complaints_upheld", 4) not in got
    assert {u["value"] for u in unclassified(con, "249", 24)} == {4}
    assert not facts(con, "fct_complaints", "249", 28)
    title = con.execute(
        "select d.title from marts.dim_document d join marts.dim_pack p using (pack_id) "
        "where p.file_name like '249%' and 20 between d.first_line and d.last_line"
    ).fetchone()
    assert title == ("CUSTOMER FEEDBACK ANNUAL REPORT 2024/25",)


def test_responses_within_timescale_and_the_average_days_to_respond(con):
    """249_salford_feedback_outcomes.txt, 'Table 2: Responses within timescale' (in no domain:
    nothing but the title named complaints). Line 32: 'Responded within 10 working days' 74% in
    2024/25; line 33: 'Average days to respond' 11.6 days."""
    assert ("complaints_in_timescale_pct", 74, "FY2024/25") in measured(
        con, "fct_complaints", "249", 32
    )
    assert ("complaints_avg_response_days", 11.6, "FY2024/25") in measured(
        con, "fct_complaints", "249", 33
    )


def test_upheld_cases_in_a_sentence_about_the_ombudsman_are_its_own(con):
    """249_salford_feedback_outcomes.txt line 37: 'The Ombudsman upheld 7 complaints about the
    council in 2024/25 and was satisfied with its compliance with the recommendations in all 7
    upheld cases': both 7s count complaints the Ombudsman upheld (the first was its findings,
    the second the council's own upheld complaints)."""
    assert measured(con, "fct_complaints", "249", 37) == [
        ("ombudsman_upheld", 7, "FY2024/25"),
        ("ombudsman_upheld", 7, "FY2024/25"),
    ]


def test_a_table_of_complaints_decided_by_the_ombudsman_counts_its_decisions(con):
    """249_salford_feedback_outcomes.txt, 'Table 3: Complaints decided by the LGSCO, by
    directorate'. Line 41: Place, 11 complaints the Ombudsman decided in 2024/25 (they were read
    as its enquiries, the measure of any Ombudsman caption)."""
    assert ("ombudsman_findings", 11, "FY2024/25") in measured(con, "fct_complaints", "249", 41)
    assert {m for m, _, _ in measured(con, "fct_complaints", "249", 43)} == {"ombudsman_findings"}


def test_a_service_name_cut_by_a_page_stamp_is_one_row_label(con):
    """248_devon_waits_by_month.txt lines 24-28: 'Occupational' right above a 'Page 3' stamp,
    then 'Therapy<TAB>140<TAB>133 ...': one row, occupational therapy, 122 waiting over 18 weeks at
    30 September 2025 (the first word was dropped as page furniture, and the row had no
    service)."""
    assert services_on(con, "248", 28) >= {
        ("waiting_over_18_weeks", 122, "D2025-09-30", "occupational_therapy")
    }


def test_an_ombudsman_referral_back_for_local_resolution_is_of_no_stage(con):
    """249_salford_feedback_outcomes.txt line 50: 'Referred back for local resolution<TAB>3' in a
    table of the Ombudsman's decisions: a decision it made, of no stage of the council's
    procedure (it was read as stage 1: 'local resolution' names the first stage)."""
    got = fields_on(con, "fct_complaints", "249", 50, "value", "stage")
    assert got == {(3, None)}


def test_the_earlier_figure_after_down_from_with_its_own_month(con):
    """248_devon_waits_by_month.txt line 30: '455 children had waited over 18 weeks for speech
    and language therapy, down from 497 in June 2025': 497 is a fact of 30 June 2025 as well
    (an earlier figure was one only after 'compared with', 'and' and the like)."""
    assert services_on(con, "248", 30) == {
        ("waiting_over_18_weeks", 455, "D2025-09-30", "speech_language_therapy"),
        ("waiting_over_18_weeks", 497, "D2025-06-30", "speech_language_therapy"),
    }


def test_starters_and_leavers_rows_and_a_care_leavers_table_by_its_rows(con):
    """250_sunderland_quarter_flows.txt. Under 'Children looked after, quarter end', line 13
    'Starters in quarter' counts children starting care in each quarter and line 14 'Leavers in
    quarter' those ceasing (both were read as children looked after at quarter end, the
    caption's stock). Lines 18-20 under 'Care leavers aged 19-21': 93% in touch, 55% in
    education, employment or training, 88% in suitable accommodation (all were unclassified:
    the rows do not say 'care leavers'); the counts beside them stay unclassified."""
    assert ("children_starting_care", 47, "FY2024/25-Q3") in measured(
        con, "fct_placements", "250", 13
    )
    assert {m for m, _, _ in measured(con, "fct_placements", "250", 14)} == {
        "children_ceasing_care"
    }
    assert measured(con, "fct_placements", "250", 18) == [
        ("care_leavers_in_touch_pct", 93, "D2024-12-31")
    ]
    assert measured(con, "fct_placements", "250", 19)[0][:2] == ("care_leavers_eet_pct", 55)
    assert measured(con, "fct_placements", "250", 20)[0][:2] == (
        "care_leavers_suitable_accommodation_pct",
        88,
    )
    assert {u["value"] for u in unclassified(con, "250", 18)} == {214}


def test_a_placement_type_caption_and_its_percent_column(con):
    """251_ashdown_placement_types.txt. 'Table 3: Placement type at 30 September 2025' never
    says 'children looked after': its 'Number' column counts the children in each placement type
    and its '%' column is each row's share of the total (both were unclassified), line 18
    'Foster care (own carers)' 164 and 45%. Line 21 'Residential homes (own<TAB>23' leaves its
    bracket open over 'Residential homes (private / outside' / 'Page 5' / 'Ashdown)<TAB>31' (line
    26): two rows with their own labels (both took the two labels joined, a figure printed twice
    with different values), so the rows add up to the 'Total' of 367 with no finding."""
    assert sorted(measured(con, "fct_placements", "251", 18)) == [
        ("cla_count", 164, "D2025-09-30"),
        ("cla_share_pct", 45, "D2025-09-30"),
    ]
    assert fields_on(con, "fct_placements", "251", 21, "row_label", "value") == {
        ("Residential homes (own", 23),
        ("Residential homes (own", 6),
    }
    assert fields_on(con, "fct_placements", "251", 26, "breakdown", "value") == {
        ("Residential homes (private / outside Ashdown)", 31),
        ("Residential homes (private / outside Ashdown)", 8),
    }
    assert [u["value"] for u in unclassified(con, "251", 28)] == [100]
    findings = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '251%' and f.check_name not like 'council_name_%'",
    )
    assert findings == []


def test_a_row_label_wrapped_onto_a_line_without_figures(con):
    """251_ashdown_placement_types.txt line 37: 'Children looked after 2.5 years or more, living
    in the same<TAB>67.5%<TAB>69%' over 'placement for 2+ years (%)' (line 38, no TAB): one label,
    so 67.5% is the long-term stability of placements (it was unclassified, its label cut off);
    England's 69% stays unclassified."""
    assert fields_on(con, "fct_placements", "251", 37, "measure", "value", "row_label") == {
        (
            "placement_stability_pct",
            67.5,
            "Children looked after 2.5 years or more, living in the same placement for 2+ "
            "years (%)",
        )
    }
    assert [u["value"] for u in unclassified(con, "251", 37)] == [69]


def test_an_adults_placement_type_table_counts_no_children(con):
    """251_ashdown_placement_types.txt lines 44-47: 'Table 5: Placement type at 31 March 2025
    (adults aged 65 and over)' over 'Residential care', 'Nursing care', 'Supported living',
    'Home care packages': adults' care settings (seed domain_patterns), not children looked
    after; its counts stay unclassified."""
    assert all(facts(con, "fct_placements", "251", line) == [] for line in range(44, 48))
    assert [u["value"] for u in unclassified(con, "251", 44)] == [212]


def test_the_first_months_of_a_year_are_no_whole_year(con):
    """251_ashdown_placement_types.txt line 30: 'In the first six months of 2025/26, 64 children
    started to be looked after and 52 ceased to be looked after': flows from 1 April to 30
    September 2025 (they were dated the whole year 2025/26)."""
    got = fields_on(
        con, "fct_placements", "251", 30, "measure", "value", "period_id", "period_type"
    )
    assert got == {
        ("children_starting_care", 64, "R2025-04-01/2025-09-30", "to_date"),
        ("children_ceasing_care", 52, "R2025-04-01/2025-09-30", "to_date"),
    }


def test_a_percent_waiting_under_18_weeks_column_is_no_share_over_18_weeks(con):
    """252_thornbury_therapy_waits.txt line 41: a column headed '% waiting' / 'under 18 weeks'
    is the share of the list waiting less than 18 weeks: CAMHS 52% (it was read as the share
    waiting over 18 weeks, the opposite figure)."""
    assert fields_on(con, "fct_waiting_times", "252", 41, "measure", "value", "period_id") == {
        ("median_wait_weeks", 21, "D2025-10-31"),
        ("pct_waiting_under_18_weeks", 52, "D2025-10-31"),
    }


def test_a_label_before_a_page_break_and_a_banner_over_the_rest_of_the_table(con):
    """252_thornbury_therapy_waits.txt lines 29-34: 'Occupational Therapy' (line 29), 'Page 9',
    the running banner 'HSC/7/25<TAB>Health Scrutiny Committee – 18 November 2025' printed right
    above '<TAB>640<TAB>631 ...' (line 32): the banner no longer takes the rest of the table with
    it (occupational therapy, physiotherapy and the total were lost), and 'Occupational Therapy'
    labels line 32's figures."""
    assert fields_on(con, "fct_waiting_times", "252", 32, "service_code", "value", "period_id") == {
        ("occupational_therapy", 640, "D2025-07-31"),
        ("occupational_therapy", 631, "D2025-08-31"),
        ("occupational_therapy", 622, "D2025-09-30"),
        ("occupational_therapy", 610, "D2025-10-31"),
    }
    assert ("physiotherapy", 330) in fields_on(
        con, "fct_waiting_times", "252", 33, "service_code", "value"
    )
    assert (None, 3051, "D2025-10-31") in fields_on(
        con, "fct_waiting_times", "252", 34, "service_code", "value", "period_id"
    )


def test_services_listed_after_a_dated_figure_share_its_date(con):
    """252_thornbury_therapy_waits.txt line 16: '2,180 children were waiting at 31 October 2025:
    1,240 for speech and language therapy, 610 for occupational therapy and 330 for
    physiotherapy': 610 and 330 are at 31 October 2025 as well (they were dated by the meeting,
    18 November 2025), and 1,240 after the colon is speech and language therapy's (it was unread:
    a colon did not open such a clause, and the 'and' inside the service's name ended it)."""
    got = fields_on(con, "fct_waiting_times", "252", 16, "service_code", "value", "period_id")
    assert got == {
        (None, 2180, "D2025-10-31"),
        ("speech_language_therapy", 1240, "D2025-10-31"),
        ("occupational_therapy", 610, "D2025-10-31"),
        ("physiotherapy", 330, "D2025-10-31"),
    }


def test_ewmhs_is_the_childrens_mental_health_service(con):
    """252_thornbury_therapy_waits.txt line 52: '871 children and young people were waiting for
    a first EWMHS appointment, of whom 96 had waited more than 52 weeks': EWMHS (the Emotional
    Wellbeing and Mental Health Service, Essex's name for CAMHS) is CAMHS in seed
    service_aliases, so both figures are CAMHS's (they had no service)."""
    assert fields_on(con, "fct_waiting_times", "252", 52, "measure", "value", "service_code") == {
        ("referrals_waiting", 871, "camhs"),
        ("waiting_over_52_weeks", 96, "camhs"),
    }


def test_a_meeting_dated_after_its_time_under_a_time_and_date_field(con):
    """253_kingsmere_complaint_stages.txt: `Time and Date` / `10.00 am on Wednesday, 3rd
    December, 2025` (line 6) under `Scrutiny Board (People)`: the meeting's date, time and
    committee (they were the agenda's publication date, line 20, and the signature line above
    it)."""
    got = rows(
        con,
        "select m.meeting_date, m.meeting_time, m.venue, c.committee_name from marts.dim_pack p "
        "join marts.dim_meeting m using (meeting_id) "
        "join marts.dim_committee c on c.committee_id = m.committee_id "
        "where p.file_name like '253%'",
    )
    assert got == [
        {
            "meeting_date": date(2025, 12, 3),
            "meeting_time": "10:00",
            "venue": "Committee Room 1 - Civic Centre",
            "committee_name": "Scrutiny Board (People)",
        }
    ]


def test_number_words_for_complaints_progressed_to_stage_2_and_a_stage_3_panel(con):
    """253 line 34: 'Nine complaints progressed to Stage 2 in 2024/25 and two to a Stage 3 review
    panel': 9 Stage 2 investigations and 2 Stage 3 review panels (both were unread)."""
    assert fields_on(con, "fct_complaints", "253", 34, "measure", "value", "period_id") == {
        ("stage2_investigations", 9, "FY2024/25"),
        ("stage3_review_panels", 2, "FY2024/25"),
    }


def test_a_similar_authorities_average_after_a_comma_is_no_fact_of_the_council(con):
    """253 lines 42-43: 'Uphold rate 67%' is the Ombudsman's uphold rate for the council;
    'Average uphold rate, similar authorities 79%' is a benchmarking group's (seed
    comparator_labels), kept unclassified (it was published as the council's own rate)."""
    assert fields_on(con, "fct_complaints", "253", 42, "measure", "value") == {
        ("ombudsman_upheld_pct", 67)
    }
    assert fields_on(con, "fct_complaints", "253", 43, "measure", "value") == set()
    left = unclassified(con, "253", 43)
    assert [(u["value"], u["reason"].startswith("a comparator's figure")) for u in left] == [
        (79, True)
    ]


def test_a_median_wait_with_a_month_between_the_wait_and_its_figure(con):
    """252 line 54: 'The median wait for a first appointment with the EWMHS in October 2025 was
    21 weeks, and the longest wait was 88 weeks': the median (unread: the month's digits stood
    between the words and the figure; Table 2 prints the same 21 on line 41, so no finding) and
    the longest wait, both CAMHS's."""
    got = fields_on(con, "fct_waiting_times", "252", 54, "measure", "value", "service_code")
    assert got == {("median_wait_weeks", 21, "camhs"), ("max_wait_weeks", 88, "camhs")}


def test_complaints_made_through_an_advocacy_service_are_a_part_no_measure_names(con):
    """253 line 49: 'Young people in care were helped to make 12 complaints through the
    independent advocacy service in 2024/25': a part of the complaints received (seed
    prose_subject_cues), not the council's complaints received (it was published as such)."""
    assert fields_on(con, "fct_complaints", "253", 49, "measure", "value") == set()


def test_the_ombudsman_letter_counts_its_decisions_by_how_it_decided(con):
    """253 lines 53-57, the Ombudsman's annual review letter's table: 'Complaints and enquiries
    decided' (14) and, of those, 'Referred back for local resolution' (5), 'Closed after initial
    enquiries' (3) and 'Detailed investigations' (6) are its decisions (ombudsman_findings, each
    by its row; 14 and 5 were read as enquiries it received); 'Average uphold rate for similar
    authorities' is a benchmarking group's (unclassified, it was the council's own rate)."""
    got = set()
    for line in range(53, 58):
        found = fields_on(con, "fct_complaints", "253", line, "measure", "value", "breakdown")
        got |= {(line, *f) for f in found}
    assert got == {
        (53, "ombudsman_findings", 14, "Complaints and enquiries decided"),
        (54, "ombudsman_findings", 5, "Referred back for local resolution"),
        (55, "ombudsman_findings", 3, "Closed after initial enquiries"),
        (56, "ombudsman_findings", 6, "Detailed investigations"),
    }
    assert [u["value"] for u in unclassified(con, "253", 57)] == [81]


def test_a_percentage_in_brackets_beside_a_count_answered_in_time(con):
    """253 line 67: 'Answered within 20 working days<TAB>30 (68%)<TAB>41 (80%)': the counts
    answered in time and, in brackets, the percentage answered in time (seed component_measures;
    68 and 80 were unclassified), each of its year's column."""
    got = fields_on(con, "fct_complaints", "253", 67, "measure", "value", "period_id")
    assert got == {
        ("complaints_in_timescale", 30, "FY2023/24"),
        ("complaints_in_timescale", 41, "FY2024/25"),
        ("complaints_in_timescale_pct", 68, "FY2023/24"),
        ("complaints_in_timescale_pct", 80, "FY2024/25"),
    }


def test_a_column_headed_percent_beside_counts_by_subject_is_each_rows_share(con):
    """253 lines 70-74: 'Subject<TAB>Number<TAB>%': each subject's count and its share of the
    table's total (complaints_share_pct; the shares were unclassified); the total row's 100% is
    no figure of its own."""
    got = fields_on(con, "fct_complaints", "253", 71, "measure", "value", "breakdown")
    assert got == {
        ("complaints_received", 21, "Contact with social workers"),
        ("complaints_share_pct", 40, "Contact with social workers"),
    }
    assert fields_on(con, "fct_complaints", "253", 74, "measure", "value") == {
        ("complaints_received", 52)
    }
    assert [
        u["reason"].startswith("the total row of a column of shares")
        for u in unclassified(con, "253", 74)
    ] == [True]


def test_a_second_service_before_its_figure_with_the_verb_left_out(con):
    """253 line 78: "Children's social care received 64 compliments in 2024/25, and adult social
    care 121.": 121 is adult social care's compliments of the same year (it was unread), and
    each figure has the service area its own words name (the sentence names two)."""
    got = fields_on(
        con, "fct_complaints", "253", 78, "measure", "value", "period_id", "service_area"
    )
    assert got == {
        ("compliments_received", 64, "FY2024/25", "children"),
        ("compliments_received", 121, "FY2024/25", "adult"),
    }


def test_the_number_in_care_rising_by_the_difference_of_two_flows(con):
    """251 line 51: '140 children started to be looked after and 118 ceased to be looked after,
    so the number in care went up by 22': 22 is the change in the number of children looked after
    (it was read as a change in the children ceasing care, the figure before it)."""
    got = fields_on(con, "fct_placements", "251", 51, "measure", "value", "value_type")
    assert got == {
        ("children_starting_care", 140, "actual"),
        ("children_ceasing_care", 118, "actual"),
        ("cla_count", 22, "change"),
    }


def test_a_row_naming_only_the_captions_measure_is_the_whole_not_a_part(con):
    """251 lines 54-56: under 'Children looked after, quarter by quarter', the row 'Children
    looked after at quarter end' is the number of children looked after at each quarter's end
    (no breakdown: it was a part named by the row, so no headline figure), and 'Unaccompanied
    asylum-seeking children' is a part of them (its row is its breakdown)."""
    got = fields_on(con, "fct_placements", "251", 55, "measure", "value", "period_id", "breakdown")
    assert got == {
        ("cla_count", 402, "D2024-06-30", None),
        ("cla_count", 410, "D2024-09-30", None),
        ("cla_count", 415, "D2024-12-31", None),
        ("cla_count", 420, "D2025-03-31", None),
    }
    part = fields_on(con, "fct_placements", "251", 56, "value", "breakdown")
    assert (27, "Unaccompanied asylum-seeking children") in part


def test_a_quarter_column_printing_its_last_month_counts_flows_over_the_quarter(con):
    """251 lines 58-63: columns headed '2024/25' / 'Q3' / 'Dec 2024' (the year spanning two
    quarters): children starting to be looked after in each quarter are the quarter's
    (FY2024/25-Q3 ...; they were December's, March's and June's alone), and children looked
    after at the quarter's end are at its last day."""
    starting = fields_on(con, "fct_placements", "251", 63, "measure", "value", "period_id")
    assert starting == {
        ("children_starting_care", 33, "FY2024/25-Q3"),
        ("children_starting_care", 36, "FY2024/25-Q4"),
        ("children_starting_care", 30, "FY2025/26-Q1"),
    }
    looked_after = fields_on(con, "fct_placements", "251", 62, "value", "period_id")
    assert looked_after == {(415, "D2024-12-31"), (420, "D2025-03-31"), (426, "D2025-06-30")}


def test_an_age_band_of_two_ages_joined_by_and(con):
    """251 line 71: '16 and 17<TAB>32' in a table of children starting to be looked after by age:
    the age band '16 and 17' (it was a breakdown named by the row), like '10 to 15' above it."""
    got = fields_on(con, "fct_placements", "251", 71, "measure", "value", "age_band", "breakdown")
    assert got == {("children_starting_care", 32, "16 and 17", None)}


def test_a_percent_column_beside_counts_of_another_family_is_no_share_of_children_looked_after(
    con,
):
    """251 lines 66-72: 'Age | Number | %' under 'Children starting to be looked after in 2024/25,
    by age': each '%' is the age band's share of the children who started to be looked after,
    not of all children looked after (cla_share_pct, as it was read): no catalogue measure, so
    unclassified. A '%' beside counts of children looked after (Table 3) stays their share."""
    assert fields_on(con, "fct_placements", "251", 71, "measure", "value") == {
        ("children_starting_care", 32)
    }
    assert [u["value"] for u in unclassified(con, "251", 71)] == [23]
    shares = fields_on(con, "fct_placements", "251", 20, "measure", "value", "breakdown")
    assert ("cla_share_pct", 14, "Kinship carers") in shares


def test_flows_during_the_quarter_are_the_quarter_the_title_names(con):
    """254 line 27, under the title 'Looked After Children Quarterly Performance – Q3 2025/26':
    'Forty-one children started to be looked after during the quarter and thirty-six left care'
    are flows of the third quarter of 2025/26 (they were dated to the whole year)."""
    got = fields_on(con, "fct_placements", "254", 27, "measure", "value", "period_id")
    assert got == {
        ("children_starting_care", 41, "FY2025/26-Q3"),
        ("children_ceasing_care", 36, "FY2025/26-Q3"),
    }


def test_during_the_quarter_under_a_title_naming_no_quarter_is_unplaced(con):
    """254 line 51, in 'Annual Report of the Fostering Service 2024/25': '28 children started
    to be looked after during the quarter' names no quarter the report gives: no fact (it would
    have been the whole year's)."""
    assert fields_on(con, "fct_placements", "254", 51, "measure", "value") == set()


def test_a_part_of_a_group_named_before_its_figure_is_no_count_of_the_group(con):
    """254 line 38: 'Of the children placed more than 20 miles from home, 31 are placed with
    family and friends carers' (after a paragraph number) and line 28: 'Nineteen of the
    forty-one children who started to be looked after this quarter were aged 16 or 17' are
    parts no measure names: neither the count placed over 20 miles nor the children starting
    care (both were published as such)."""
    assert fields_on(con, "fct_placements", "254", 38, "measure", "value") == set()
    assert fields_on(con, "fct_placements", "254", 28, "measure", "value") == set()


def test_a_share_printed_beside_a_count_is_the_percentage_its_row_names(con):
    """254 lines 34-36, 'count (share%)' cells: 'placed more than 20 miles from home 95 (12.1%)'
    is the count and the percentage placed so; 'three or more placements ... 60 (7.5%)' the
    percentage (the catalogue has no count of it: 60 stays unclassified); 'Care leavers we are
    not in touch with 9 (3%)' those not in touch, never the share in touch. England's column is
    a comparator's."""
    got = set()
    for line in (34, 35, 36):
        got |= fields_on(con, "fct_placements", "254", line, "measure", "value", "period_id")
    assert got == {
        ("cla_placed_over_20_miles", 95, "D2025-12-31"),
        ("cla_placed_over_20_miles_pct", 12.1, "D2025-12-31"),
        ("cla_three_or_more_placements_pct", 7.5, "D2025-12-31"),
        ("care_leavers_not_in_touch", 9, "D2025-12-31"),
        ("care_leavers_not_in_touch_pct", 3, "D2025-12-31"),
    }
    assert [u["value"] for u in unclassified(con, "254", 35)] == [10, 60]


def test_a_share_in_brackets_of_children_with_three_or_more_placement_moves(con):
    """254 line 39: '58 children (7.3%) had three or more placement moves in the 12 months to 31
    December 2025': the percentage with three or more placements (the words were 'placement
    moves', not 'placements': unread), as at the day the twelve months run to ('three or more'
    is the measure's threshold: it took the period phrase). The catalogue has no count of them:
    58 is no fact."""
    got = fields_on(con, "fct_placements", "254", 39, "measure", "value", "period_id")
    assert got == {("cla_three_or_more_placements_pct", 7.3, "D2025-12-31")}


def test_the_group_before_of_which_is_the_last_figure_not_a_stage_number(con):
    """254 line 52: 'In 2024/25 the fostering service received 27 Stage 1 complaints, of which 9
    were upheld, and 14 compliments': the group 'of which' counts from is 27 (it was read as the
    1 of 'Stage 1', so every figure was a part of a group of one and none was published); the
    stage is the complaints', not the compliments'."""
    got = fields_on(con, "fct_complaints", "254", 52, "measure", "value", "period_id", "stage")
    assert got == {
        ("complaints_received", 27, "FY2024/25", "1"),
        ("complaints_upheld", 9, "FY2024/25", "1"),
        ("compliments_received", 14, "FY2024/25", None),
    }


def test_a_figure_at_the_end_of_a_numbered_quarter(con):
    """254 lines 53-54, in the annual report of 2024/25: 'At the end of Quarter 3 there were
    1,018 children looked after' is as at 31 December 2024; 'By the end of Q3 the service had
    received 46 complaints' is counted from 1 April to then (both were dated to the meeting or
    the whole year)."""
    assert fields_on(con, "fct_placements", "254", 53, "measure", "value", "period_id") == {
        ("cla_count", 1018, "D2024-12-31")
    }
    assert fields_on(con, "fct_complaints", "254", 54, "measure", "value", "period_id") == {
        ("complaints_received", 46, "R2024-04-01/2024-12-31")
    }


def test_a_row_of_a_table_of_measures_naming_none_of_ours_is_no_caption_figure(con):
    """255 line 30, under 'Table 1: Paediatric therapies waiting list' with rows headed
    'Measure': 'Referrals accepted' counts referrals received (no catalogue measure), not the
    waiting list the caption names (it was published as the list at each month's end); the row
    below, 'Children waiting for first appointment', is the list."""
    assert fields_on(con, "fct_waiting_times", "255", 30, "measure", "value") == set()
    assert [u["value"] for u in unclassified(con, "255", 30)] == [188, 197, 215, 231, 240, 262]
    got = fields_on(con, "fct_waiting_times", "255", 31, "measure", "value", "period_id")
    assert ("referrals_waiting", 948, "D2025-12-31") in got and len(got) == 6


def test_a_service_printed_once_for_the_rows_under_it(con):
    """255 lines 38-41, 'Service | Indicator | Q2 2025/26 | Q3 2025/26': the blank service cell
    of the '% seen within 18 weeks' rows is the service above (they were published for no
    service, three conflicting figures of one quarter)."""
    got = set()
    for line in (38, 39, 40, 41):
        got |= fields_on(
            con, "fct_waiting_times", "255", line, "measure", "value", "service_code", "period_id"
        )
    assert got == {
        ("referrals_waiting", 512, "speech_language_therapy", "D2025-09-30"),
        ("referrals_waiting", 498, "speech_language_therapy", "D2025-12-31"),
        ("pct_seen_within_18_weeks", 63, "speech_language_therapy", "FY2025/26-Q2"),
        ("pct_seen_within_18_weeks", 66, "speech_language_therapy", "FY2025/26-Q3"),
        ("referrals_waiting", 287, "occupational_therapy", "D2025-09-30"),
        ("referrals_waiting", 301, "occupational_therapy", "D2025-12-31"),
        ("pct_seen_within_18_weeks", 48, "occupational_therapy", "FY2025/26-Q2"),
        ("pct_seen_within_18_weeks", 45, "occupational_therapy", "FY2025/26-Q3"),
    }


def test_district_rows_and_a_rate_column_of_a_waiting_list(con):
    """255 lines 47-50, 'Children waiting for autism assessment by district': each district's
    list is the caption's list in that district (they were left unclassified, as parts the
    waiting-times facts had no column for), and the 'Rate per 1,000 children' column no count
    (all were once published as the county's waiting list); the row naming the council itself
    ('Hartsmere') is the county's list, of no district."""
    fields = ("measure", "value", "service_code", "district", "period_id")
    for line, district, value in (
        (47, "Northgate", 214),
        (48, "Easton", 187),
        (49, "Westbury", 163),
    ):
        assert fields_on(con, "fct_waiting_times", "255", line, *fields) == {
            ("referrals_waiting", value, "autism_assessment", district, "D2025-12-31")
        }
        left = unclassified(con, "255", line)
        assert [u["column_name"] for u in left] == ["Rate per 1,000 children aged 0-17"]
        # kept with the texts around it, as every unclassified value is
        assert left[0]["caption_text"].startswith("Table 3: Children waiting for autism assessment")
    assert fields_on(con, "fct_waiting_times", "255", 50, *fields) == {
        ("referrals_waiting", 564, "autism_assessment", None, "D2025-12-31")
    }
    assert [u["value"] for u in unclassified(con, "255", 50)] == [18.3]


def test_an_of_which_row_of_a_waiting_list_is_a_part(con):
    """255 line 55: 'of which autism assessment' under 'Children waiting over 52 weeks' is a
    part (of one service) the waiting-times facts cannot carry: unclassified (it was published
    as the whole waiting list)."""
    assert fields_on(con, "fct_waiting_times", "255", 55, "measure", "value") == set()
    reasons = {u["reason"] for u in unclassified(con, "255", 55)}
    assert reasons == {
        "a part of the row above (of which autism assessment): the waiting-times facts have no "
        "column for it"
    }


def test_age_bands_in_brackets_and_a_quarter_over_its_columns(con):
    """255 lines 60-61: 'Autism assessment (under 5s)' and 'Autism and ADHD assessment (5 to
    18)' are the autism assessment (a part of the neurodevelopmental pathway) for the under 5s
    and the pathway for the 5 to 18s (the same service twice, with no age band, and no service
    at all); '% seen within 18 weeks' under 'Seen in Q3 2025/26' is
    the quarter's (it was unclassified) and the median under it as at the quarter's end (it
    was the year's end)."""
    got = fields_on(
        con,
        "fct_waiting_times",
        "255",
        60,
        "measure",
        "value",
        "service_code",
        "age_band",
        "period_id",
    )
    assert got == {
        ("referrals_waiting", 236, "autism_assessment", "under 5s", "D2025-12-31"),
        ("max_wait_weeks", 61, "autism_assessment", "under 5s", "D2025-12-31"),
        ("pct_seen_within_18_weeks", 28, "autism_assessment", "under 5s", "FY2025/26-Q3"),
        ("median_wait_weeks", 35, "autism_assessment", "under 5s", "D2025-12-31"),
    }
    got = {(f["age_band"], f["service_code"]) for f in facts(con, "fct_waiting_times", "255", 61)}
    assert got == {("5 to 18", "neurodevelopmental_pathway")}


def test_complaints_of_a_service_area_and_those_answered_within_the_timescale(con):
    """256 lines 27-28: '268 adult social care complaints' are complaints received (unread:
    'adult social care' stood between the number and 'complaints'); 'within the 20 working day
    timescale for 188 complaints' are those answered in time, not complaints received (the 20
    is the timescale's threshold)."""
    assert fields_on(con, "fct_complaints", "256", 27, "measure", "value", "period_id") == {
        ("complaints_received", 268, "FY2024/25")
    }
    assert fields_on(con, "fct_complaints", "256", 28, "measure", "value", "period_id") == {
        ("complaints_in_timescale", 188, "FY2024/25")
    }


def test_a_row_of_complaints_answered_over_the_timescale(con):
    """256 line 35: 'Over 20 working days | 81 (30%)' under 'Response times for complaints
    closed' is those answered late and their percentage (it was 81 complaints closed)."""
    assert fields_on(con, "fct_complaints", "256", 35, "measure", "value") == {
        ("complaints_over_timescale", 81),
        ("complaints_over_timescale_pct", 30),
    }


def test_an_ombudsman_table_with_rows_headed_measure(con):
    """256 lines 42-44, 'LGSCO decisions' with rows headed 'Measure': 'Total decisions' are the
    Ombudsman's decisions (they were enquiries it received), 'Upheld' those it upheld (they
    were the council's upheld complaints), and the cases it found already remedied by the
    council a kind of its decisions, by their row (they were the council's complaint
    remedies)."""
    assert fields_on(con, "fct_complaints", "256", 42, "measure", "value", "period_id") == {
        ("ombudsman_findings", 12, "FY2023/24"),
        ("ombudsman_findings", 14, "FY2024/25"),
    }
    assert fields_on(con, "fct_complaints", "256", 43, "measure", "value", "period_id") == {
        ("ombudsman_upheld", 4, "FY2023/24"),
        ("ombudsman_upheld", 5, "FY2024/25"),
    }
    remedied = "Council had provided a satisfactory remedy before the LGSCO became involved"
    assert fields_on(con, "fct_complaints", "256", 44, "measure", "value", "breakdown") == {
        ("ombudsman_findings", 1, remedied),
        ("ombudsman_findings", 2, remedied),
    }


def test_a_footnote_counting_a_part_of_a_total_is_no_fact(con):
    """256 line 54: '* Includes 6 compliments received by the Chief Executive's office.' notes
    a part of the total above it (it was published as the service's compliments received)."""
    assert fields_on(con, "fct_complaints", "256", 54, "measure", "value") == set()
    assert fields_on(con, "fct_complaints", "256", 52, "measure", "value") == {
        ("compliments_received", 267)
    }


def test_an_appendix_paragraph_numbered_with_a_letter_and_a_quarter_by_its_ordinal(con):
    """256 lines 56-57: `A1.<TAB>Adult social care received 17 Stage 2 complaints in 2024/25,
    compared with 12 in 2023/24.` is a paragraph, not a two-cell table row (its figures were
    lost); 'In the first quarter of 2025/26 the council received 71 ... complaints' is the
    first quarter's."""
    got = fields_on(con, "fct_complaints", "256", 56, "measure", "value", "period_id", "stage")
    assert got == {
        ("complaints_received", 17, "FY2024/25", "2"),
        ("complaints_received", 12, "FY2023/24", "2"),
    }
    assert fields_on(con, "fct_complaints", "256", 57, "measure", "value", "period_id") == {
        ("complaints_received", 71, "FY2025/26-Q1")
    }


def test_a_stock_in_a_report_that_states_the_day_its_figures_are_at(con):
    """255 lines 64-65: 'The figures in this report are at 31 December 2025 unless stated.' dates
    'The average wait ... in speech and language therapy was 17 weeks' (it was the meeting's day,
    20 January 2026)."""
    got = fields_on(
        con,
        "fct_waiting_times",
        "255",
        65,
        "measure",
        "value",
        "service_code",
        "period_id",
        "period_source",
    )
    assert got == {
        ("avg_wait_weeks", 17, "speech_language_therapy", "D2025-12-31", "document_statement")
    }


def test_a_flow_to_the_end_of_the_second_quarter_counts_from_the_first_of_april(con):
    """256 line 58, in the annual report of 2024/25: 'By the end of Quarter 2 the council had
    received 140 ... complaints' is counted from 1 April 2024 to 30 September 2024 (a quarter's
    end less its months would start on 31 March)."""
    assert fields_on(con, "fct_complaints", "256", 58, "measure", "value", "period_id") == {
        ("complaints_received", 140, "R2024-04-01/2024-09-30")
    }


def test_a_stock_at_the_end_of_the_quarter_its_title_names(con):
    """254 line 65, under 'Children Looked After – Quarter 2 2025/26 Update': 'At the end of the
    quarter, 1,046 children were looked after' is as at 30 September 2025, the quarter's last day
    (the phrase was dropped for a stock, which then took the meeting's day)."""
    assert fields_on(con, "fct_placements", "254", 65, "measure", "value", "period_id") == {
        ("cla_count", 1046, "D2025-09-30")
    }


def test_a_row_referred_to_the_ombudsman_among_rows_of_measures_counts_its_enquiries(con):
    """257 line 31: 'Referred to the Ombudsman | 14 | 18 | 21' in a table whose rows are all
    measures (no label header; years across) counts the Ombudsman's enquiries, each year its
    own; it was complaints received (the caption's measure). Line 35: '21 complaints about adult
    social care services were referred to the Local Government and Social Care Ombudsman' is
    the same count, not complaints received (the words before 'Ombudsman' ran past the
    pattern's 40 characters)."""
    assert measured(con, "fct_complaints", "257", 31) == [
        ("ombudsman_enquiries", 14.0, "FY2022/23"),
        ("ombudsman_enquiries", 18.0, "FY2023/24"),
        ("ombudsman_enquiries", 21.0, "FY2024/25"),
    ]
    # the council's adult social care, as printed under its title (no service of its own)
    assert fields_on(
        con, "fct_complaints", "257", 31, "service_area", "service_code", "source_kind"
    ) == {("adult", None, "table")}
    assert measured(con, "fct_complaints", "257", 35) == [
        ("ombudsman_enquiries", 21.0, "FY2024/25")
    ]
    # the rows above keep their own measures: the caption's is the first row's
    assert fields_on(con, "fct_complaints", "257", 28, "measure", "value") == {
        ("complaints_received", 241.0),
        ("complaints_received", 266.0),
        ("complaints_received", 297.0),
    }


def test_children_in_care_a_sentence_describes_are_no_count_of_children_in_care(con):
    """258 line 25: '11 children in care were subject to a fixed-term suspension' counts the
    children suspended, not the children in care (it was cla_count = 11); line 23's '286
    children in care, an increase of four' still is."""
    assert measured_facts_of(con, "258_") == [
        (table, f) for table, f in measured_facts_of(con, "258_") if f["source_line"] != 25
    ]
    assert fields_on(con, "fct_placements", "258", 23, "measure", "value", "period_id") >= {
        ("cla_count", 286.0, "D2025-09-30")
    }


def test_a_table_of_indicators_takes_no_measure_from_the_paragraph_above(con):
    """258 line 37: 'Dental check up to date (%)' in a table headed 'Indicator' under a caption
    naming no measure ('Key indicators') is none of ours: unclassified, not the percentage
    placed more than 20 miles from home that the paragraph above the caption names; line 36,
    which names that measure, keeps it."""
    assert facts(con, "fct_placements", "258", 37) == []
    assert [(u["value"], u["column_name"]) for u in unclassified(con, "258", 37)] == [
        (84.0, "30 Jun 2025"),
        (87.0, "30 Sep 2025"),
    ]
    assert measured(con, "fct_placements", "258", 36) == [
        ("cla_placed_over_20_miles_pct", 8.1, "D2025-06-30"),
        ("cla_placed_over_20_miles_pct", 8.4, "D2025-09-30"),
    ]


def test_a_running_footer_printing_page_and_number_in_a_cell_does_not_cut_a_table(con):
    """258 line 50: 'Sep-25 | 398 | 19.8', printed after 'Children in Care Performance
    Report<TAB>Page 5' and the header again, is the CAMHS list of Table 2 (the footer, read as a
    one-row table, made the rest a table of its own with no caption and no service)."""
    assert fields_on(con, "fct_waiting_times", "258", 50, "measure", "value", "service_code") == {
        ("referrals_waiting", 398.0, "camhs"),
        ("avg_wait_weeks", 19.8, "camhs"),
    }


def test_each_quarters_year_on_the_header_line_below_dates_it(con):
    """258 lines 58-61: '<TAB>Q4<TAB>Q1<TAB>Q2' over 'Placement type<TAB>2024/25<TAB>2025/26
    <TAB>2025/26' is one header: Q4 is 31 March 2025 (it was 31 March 2026, after the meeting,
    the year taken from the report's title; the years' line was a row of no figures)."""
    assert measured(con, "fct_placements", "258", 60) == [
        ("cla_count", 174.0, "D2025-06-30"),
        ("cla_count", 176.0, "D2025-09-30"),
        ("cla_count", 171.0, "D2025-03-31"),
    ]
    assert fields_on(con, "fct_placements", "258", 60, "breakdown", "service_area") == {
        ("Foster carers", "children")
    }


def test_a_header_line_of_dates_with_a_wrapped_word_dates_and_names_each_column(con):
    """258 lines 65-67: '<TAB>31 Mar 2025<TAB>30 Sep 2025<TAB>2025/26<TAB>neighbours<TAB>(2024)'
    under 'Indicator<TAB>Fenbridge<TAB>Fenbridge<TAB>Target<TAB>Statistical<TAB>England' heads
    the table: each figure has its date, the target its year, and 'Statistical neighbours' is a
    comparator (the line was ignored for its wrapped word: every figure was dated 2025/26 and
    the statistical neighbours' 91% published as the council's own)."""
    assert measured(con, "fct_placements", "258", 67) == [
        ("care_leavers_in_touch_pct", 93.0, "D2025-09-30"),
        ("care_leavers_in_touch_pct", 90.0, "D2025-03-31"),
        ("care_leavers_in_touch_pct", 95.0, "D2026-03-31"),
    ]
    assert [(u["value"], u["column_name"]) for u in unclassified(con, "258", 67)] == [
        (91.0, "Statistical neighbours"),
        (92.0, "England (2024)"),
    ]


def test_during_the_quarter_a_count_of_children_is_no_quarters_number(con):
    """258 line 69: 'During the quarter 29 children entered care and 24 ceased to be looked
    after' under a title naming Quarter 2 2025/26: 29 children started to be looked after in
    that quarter (29 was read as 'quarter 29', a label, and dropped)."""
    assert fields_on(con, "fct_placements", "258", 69, "measure", "value", "period_id") == {
        ("children_starting_care", 29.0, "FY2025/26-Q2"),
        ("children_ceasing_care", 24.0, "FY2025/26-Q2"),
    }


def test_complaints_none_of_which_were_referred_are_no_ombudsman_enquiries(con):
    """257 line 37: '6 complaints were withdrawn ..., none of which were referred to the
    Ombudsman' are no Ombudsman enquiries (the referral is not what happened to them; a
    pattern allowing 80 characters before 'referred to the' took them)."""
    published = fields_on(con, "fct_complaints", "257", 37, "measure", "value")
    assert ("ombudsman_enquiries", 6.0) not in published


def test_children_in_care_which_is_a_rate_are_the_count(con):
    """258 line 71: 'the 286 children in care which is a rate of 58 per 10,000' counts the
    children in care (the words after 'in care' say what the figure is, not a group of them)."""
    assert ("cla_count", 286.0) in fields_on(con, "fct_placements", "258", 71, "measure", "value")


def test_an_ordinal_quarter_with_no_year_is_a_quarter_of_the_reports_year(con):
    """257 line 39: 'Performance dipped in the third quarter, when 52% of complaints were
    responded to within 20 working days' in the Annual Report 2024/25 is October to December
    2024 (it was the whole year 2024/25: 'the third quarter' was no period phrase without 'of
    <year>')."""
    assert measured(con, "fct_complaints", "257", 39) == [
        ("complaints_in_timescale_pct", 52.0, "FY2024/25-Q3")
    ]


def test_a_figure_in_brackets_after_a_compared_service_is_that_services(con):
    """258 line 73: 'the average wait for occupational therapy was 24 weeks, longer than for
    speech and language therapy (19 weeks)': 24 weeks is occupational therapy's and 19 speech
    and language therapy's (19 was occupational therapy's too, a conflicting figure)."""
    assert fields_on(
        con, "fct_waiting_times", "258", 73, "measure", "value", "period_id", "service_code"
    ) == {
        ("avg_wait_weeks", 24.0, "D2025-09-30", "occupational_therapy"),
        ("avg_wait_weeks", 19.0, "D2025-09-30", "speech_language_therapy"),
    }


def test_a_change_over_a_span_of_quarters_is_dated_by_the_spans_end(con):
    """258 lines 77-80: a 'Change' column headed 'Q4 to Q2' beside Q4 2024/25 and Q2 2025/26:
    '+8' is the change to 30 September 2025 (it was dated by Q4 of the report's year, 31 March
    2026, after the meeting)."""
    assert fields_on(con, "fct_placements", "258", 79, "value", "value_type", "period_id") == {
        (150.0, "actual", "D2025-03-31"),
        (158.0, "actual", "D2025-09-30"),
        (8.0, "change", "D2025-09-30"),
    }


# ------------------------------- 259: 'Of these' under a waiting list, paragraphs numbered 1., 2.


def test_of_these_after_a_waiting_list_is_its_longest_waits_of_its_date(con):
    """259 lines 19-21: '2.<TAB>At 30 September 2025, 398 children were waiting for speech and
    language therapy, ...' then '3.<TAB>Of these, 61 had waited more than 52 weeks': 61 waited
    over 52 weeks, at 30 September 2025, for speech and language therapy (it was no fact: read
    as a part of a group the sentence does not name, the paragraph's number '3.' between the
    two sentences hid the waiting list before it). Lines 25-27 the same for occupational therapy."""
    assert services_on(con, "259", 21) == {
        ("waiting_over_52_weeks", 61.0, "D2025-09-30", "speech_language_therapy")
    }
    assert services_on(con, "259", 27) == {
        ("waiting_over_52_weeks", 14.0, "D2025-09-30", "occupational_therapy")
    }


def test_a_change_since_the_peak_in_a_month_is_of_the_figures_date(con):
    """259 line 19: '398 children were waiting ..., a reduction of 17 since the peak in August
    2025': the fall of 17 is from August to 30 September 2025, the list's date (it was dated
    August 2025); line 25: 'an increase of 9 since the low in June 2025' likewise."""
    fields = ("measure", "value", "value_type", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "259", 19, *fields) == {
        ("referrals_waiting", 398.0, "actual", "D2025-09-30", "speech_language_therapy"),
        ("referrals_waiting", -17.0, "change", "D2025-09-30", "speech_language_therapy"),
    }
    assert fields_on(con, "fct_waiting_times", "259", 25, *fields) == {
        ("referrals_waiting", 212.0, "actual", "D2025-09-30", "occupational_therapy"),
        ("referrals_waiting", 9.0, "change", "D2025-09-30", "occupational_therapy"),
    }


# --------------------------------------- 260: complaints by time taken, in bands of working days


def test_time_bands_are_not_read_as_answered_in_time_or_late(con):
    """260 lines 16-18: 'Responded | Within 10 working days | Within 20 working days | Over 20
    working days': which of the two is the timescale the table does not say, so neither 64 nor
    98 is 'answered in time' (both were, two values for one year) and 22 is not 'late'; they are
    unclassified with that reason. The responded column stays complaints concluded."""
    assert fields_on(
        con, "fct_complaints", "260", 17, "measure", "value", "period_id", "service_code", "stage"
    ) == {("complaints_concluded", 120.0, "FY2024/25", "adult_social_care", "1")}
    reasons = {(r["column_name"], r["value"]): r["reason"] for r in unclassified(con, "260", 17)}
    assert set(reasons) == {
        ("Within 10 working days", 64.0),
        ("Within 20 working days", 98.0),
        ("Over 20 working days", 22.0),
    }
    assert all("time bands" in reason for reason in reasons.values())


def test_one_timescale_beside_its_late_column_is_still_read(con):
    """260 line 22: 'Within 20 working days | Over 20 working days' print one time: answered in
    time and late, as before."""
    assert fields_on(
        con, "fct_complaints", "260", 22, "measure", "value", "period_id", "service_code", "stage"
    ) == {
        ("complaints_concluded", 120.0, "FY2024/25", "adult_social_care", "1"),
        ("complaints_in_timescale", 98.0, "FY2024/25", "adult_social_care", "1"),
        ("complaints_over_timescale", 22.0, "FY2024/25", "adult_social_care", "1"),
    }


def test_a_band_of_working_days_heading_a_row_is_no_part_of_the_captions_measure(con):
    """260 lines 27-29: rows 'Within 20 working days', '21 to 40 working days', 'Over 40 working
    days' under 'Stage 2 complaints by time taken to respond': no fact ('21 to 40' was 6 and 4
    complaints received; 'Over 40' complaints answered late)."""
    for line in (27, 28, 29):
        assert measured(con, "fct_complaints", "260", line) == []
    assert [(r["row_label"], r["value"]) for r in unclassified(con, "260", 28)] == [
        ("21 to 40 working days", 4.0),
        ("21 to 40 working days", 6.0),
    ]
    for line in (27, 29):
        assert {r["column_name"] for r in unclassified(con, "260", line)} == {"2023/24", "2024/25"}
        assert all("time bands" in r["reason"] for r in unclassified(con, "260", line))


# ------------------------------------ 261: a row label broken by a page's stamp and running head


SUPPORTED_16_17 = "Supported accommodation for young people aged 16 and 17"


def test_a_row_label_broken_across_a_page_is_one_label(con):
    """261 lines 17-23: 'Supported accommodation for young people aged', then 'Page 16' and the
    report's title printed over the next page (as over page 15, line 9), then '16 and 17<TAB>12
    <TAB>14': one row, the children in care in supported accommodation aged 16 and 17 (the
    figures had the label '16 and 17', the running head was a row of its own)."""
    assert fields_on(
        con, "fct_placements", "261", 23, "measure", "value", "period_id", "breakdown"
    ) == {
        ("cla_count", 12.0, "D2025-06-30", SUPPORTED_16_17),
        ("cla_count", 14.0, "D2025-09-30", SUPPORTED_16_17),
    }


def test_a_short_numbered_sentence_alone_is_read_as_prose(con):
    """260 line 13: '1.<TAB>The Council received 305 Stage 1 complaints in 2024/25.', a numbered
    sentence of six words with no table next to it: 305 Stage 1 complaints received in 2024/25
    (it was a one-row table of two cells, its figure read by no one)."""
    fields = ("measure", "value", "period_id", "stage", "service_area", "reporting_council")
    got = fields_on(con, "fct_complaints", "260", 13, *fields)
    assert got == {("complaints_received", 305.0, "FY2024/25", "1", None, "unknown")}


def test_each_stages_own_timescale_is_no_band(con):
    """260 lines 33-34: 'Stage 1 complaints responded to within 10 working days | 180' and
    'Stage 2 ... within 20 working days | 12': two stages, each with its timescale, not bands of
    one: both are answered in time."""
    assert fields_on(con, "fct_complaints", "260", 33, "measure", "value", "stage") == {
        ("complaints_in_timescale", 180.0, "1")
    }
    assert fields_on(con, "fct_complaints", "260", 34, "measure", "value", "stage") == {
        ("complaints_in_timescale", 12.0, "2")
    }


# ------------------------------ 262: a caption of two measures; figures expected after the meeting


YEAR_TO_SEPTEMBER_2025 = "R2025-04-01/2025-09-30"


def test_a_row_naming_neither_of_a_captions_two_measures_is_unclassified(con):
    """262 lines 13-18: under 'Children starting and ceasing to be looked after', 'of whom
    unaccompanied asylum-seeking children' and 'Net change' name neither measure: unclassified
    with that reason (both were children ceasing care); the starting and ceasing rows keep
    theirs."""
    assert fields_on(con, "fct_placements", "262", 15, "measure", "value", "period_id") == {
        ("children_starting_care", 44.0, "FY2025/26-Q1"),
        ("children_starting_care", 41.0, "FY2025/26-Q2"),
        ("children_starting_care", 85.0, YEAR_TO_SEPTEMBER_2025),
    }
    assert fields_on(con, "fct_placements", "262", 17, "measure", "value", "period_id") == {
        ("children_ceasing_care", 39.0, "FY2025/26-Q1"),
        ("children_ceasing_care", 29.0, "FY2025/26-Q2"),
        ("children_ceasing_care", 68.0, YEAR_TO_SEPTEMBER_2025),
    }
    for line, values in ((16, [9.0, 12.0, 21.0]), (18, [5.0, 12.0, 17.0])):
        assert measured(con, "fct_placements", "262", line) == []
        got = unclassified(con, "262", line)
        assert [r["value"] for r in got] == values
        assert all("caption names several measures" in r["reason"] for r in got)


def test_a_year_to_date_column_is_counted_to_the_tables_latest_quarter(con):
    """262 lines 14-17: a '2025/26 year to date' column beside Q1 and Q2 2025/26: 85 children
    started care from 1 April to 30 September 2025, the end of the table's latest quarter (it was
    the whole year 2025/26, as if the year had ended)."""
    got = [
        f
        for f in facts(con, "fct_placements", "262", 15)
        if f["column_name"] == "2025/26 year to date"
    ]
    fields = ("value", "period_type", "period_start", "period_end", "fiscal_year")
    assert [tuple(str(f[name]) for name in fields) for f in got] == [
        ("85.0", "to_date", "2025-04-01", "2025-09-30", "2025/26")
    ]


def test_a_figure_expected_after_the_meeting_is_a_forecast_not_an_actual(con):
    """262 lines 22-26 (meeting 18 November 2025): 164 waited over 18 weeks at 30 September 2025
    (an actual); 'the provider expects the number ... to fall below 120 by March 2026' is a
    forecast of 31 March 2026 (it was an actual, after the meeting); 'there will be 140 children
    waiting ... at 31 January 2026' says neither forecast nor target: no fact (it was an actual
    at the meeting's date, its date taken by 'over 18 weeks')."""
    fields = ("measure", "value", "value_type", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "262", 22, *fields) == {
        ("waiting_over_18_weeks", 164.0, "actual", "D2025-09-30", "speech_language_therapy")
    }
    assert fields_on(con, "fct_waiting_times", "262", 24, *fields) == {
        ("waiting_over_18_weeks", 120.0, "forecast", "D2026-03-31", "speech_language_therapy")
    }
    assert measured(con, "fct_waiting_times", "262", 26) == []


def test_a_figure_aimed_for_after_the_meeting_is_a_target(con):
    """262 line 28: 'The Council aims to have no more than 90 children waiting over 18 weeks for
    occupational therapy at 31 March 2026': a target of 31 March 2026 (it was an actual at the
    meeting's date: 'over 18 weeks' took the date from 90)."""
    assert fields_on(
        con, "fct_waiting_times", "262", 28, "measure", "value", "value_type", "period_id"
    ) == {("waiting_over_18_weeks", 90.0, "target", "D2026-03-31")}


# ------------------------------- 263: the Ombudsman's decisions by service, with a Total


def test_a_total_column_beside_services_of_two_areas_is_the_councils(con):
    """263 lines 25-29: 'Decision | Adult Social Care | Children's Services | Other | Total' under
    a section after one about children's complaints: the Total and Other columns take no area
    from the words around the table (both were the children's, so the Total's 9 upheld and the
    Children's Services' 3 were one figure printed twice: four false errors); the services'
    columns keep theirs."""
    got = fields_on(con, "fct_complaints", "263", 26, "column_name", "value", "service_area")
    assert got == {
        ("Adult Social Care", 5.0, "adult"),
        ("Children's Services", 3.0, "children"),
        ("Other", 1.0, None),
        ("Total", 9.0, None),
    }
    assert {m for m, *_ in measured(con, "fct_complaints", "263", 26)} == {"ombudsman_upheld"}
    findings = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '263%' and f.check_name not like 'council_name_%'",
    )
    assert findings == []


# ------------------------------- 264: a figure dated by another clause or sentence


def test_a_figure_after_a_semicolon_takes_its_sentences_date_not_the_compared_ones(con):
    """264 line 19: '184 children were waiting for physiotherapy at 31 October 2025, down from 209
    at 30 June 2025; 37 had waited more than 18 weeks and the longest wait was 58 weeks': 37 and
    58 are at 31 October 2025, the date of the sentence's own figure (both were dated by the
    meeting, 9 December 2025); 209 keeps its own date."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "264", 19, *fields) == {
        ("referrals_waiting", 184.0, "D2025-10-31", "physiotherapy"),
        ("referrals_waiting", 209.0, "D2025-06-30", "physiotherapy"),
        ("waiting_over_18_weeks", 37.0, "D2025-10-31", "physiotherapy"),
        ("max_wait_weeks", 58.0, "D2025-10-31", "physiotherapy"),
    }


def test_of_those_waiting_takes_the_date_of_the_list_before_not_of_its_comparison(con):
    """264 line 21: 'Of those waiting, 12 had waited more than 52 weeks' after the sentence above:
    at 31 October 2025 (the sentence before names two dates, but 30 June 2025 is only that of
    the figure compared with: it was dated by the meeting)."""
    assert fields_on(
        con, "fct_waiting_times", "264", 21, "measure", "value", "period_id", "service_code"
    ) == {("waiting_over_52_weeks", 12.0, "D2025-10-31", "physiotherapy")}


def test_a_figure_compared_with_after_it_gives_it_no_date(con):
    """264 lines 25-27 under 'Complaints received in 2025/26': '96 complaints, an increase of 11
    on the 85 received in 2024/25' and 'Sixty-one percent ..., which compares well with the 52%
    achieved in 2024/25': 96, 11 and 61% are of 2025/26 (the heading's year), 52% of 2024/25;
    all of children's social care."""
    fields = ("measure", "value", "value_type", "period_id", "service_area")
    assert fields_on(con, "fct_complaints", "264", 25, *fields) == {
        ("complaints_received", 96.0, "actual", "FY2025/26", "children"),
        ("complaints_received", 11.0, "change", "FY2025/26", "children"),
    }
    assert fields_on(con, "fct_complaints", "264", 27, *fields) == {
        ("complaints_in_timescale_pct", 61.0, "actual", "FY2025/26", "children"),
        ("complaints_in_timescale_pct", 52.0, "actual", "FY2024/25", "children"),
    }


# ------------------------------- 265: year columns with a change column; comparators on two lines


def test_a_change_column_beside_year_columns_is_the_change_to_the_latest_year(con):
    """265 lines 18-21: 'Change on last year' beside '2023/24 | 2024/25 | 2025/26': -12 is the
    change to 2025/26 (it was dated 2023/24, the first year of the caption's '2023/24 to
    2025/26'), with where its period was read."""
    fields = ("column_name", "value", "value_type", "period_id", "period_source")
    assert fields_on(con, "fct_complaints", "265", 19, *fields) == {
        ("2023/24", 187.0, "actual", "FY2023/24", "column"),
        ("2024/25", 172.0, "actual", "FY2024/25", "column"),
        ("2025/26", 160.0, "actual", "FY2025/26", "column"),
        ("Change on last year", -12.0, "change", "FY2025/26", "latest_column"),
    }


def test_mp_and_councillor_enquiries_together_are_neither_alone(con):
    """265 line 21: 'MP and Councillor enquiries | 64 | 71 | 58': enquiries of both kinds counted
    together (they were MP enquiries alone)."""
    assert {m for m, *_ in measured(con, "fct_complaints", "265", 21)} == {"member_enquiries"}


def test_a_second_header_line_of_years_and_wrapped_words_heads_the_table(con):
    """265 lines 26-28: 'Indicator | 2024/25 | Q1 | Q2 | Statistical | England' over '<TAB>Outturn
    | 2025/26 | 2025/26 | neighbours (2024) | (2024)': the second line heads the columns (it was
    a row of the table, so the statistical neighbours' 69% was published as the council's own,
    and the quarters' years were unclassified values); the comparators' figures are
    unclassified with that reason."""
    fields = ("column_name", "measure", "value", "period_id", "service_area")
    assert fields_on(con, "fct_complaints", "265", 28, *fields) == {
        ("2024/25 Outturn", "complaints_in_timescale_pct", 72.0, "FY2024/25", "adult"),
        ("Q1 2025/26", "complaints_in_timescale_pct", 74.0, "FY2025/26-Q1", "adult"),
        ("Q2 2025/26", "complaints_in_timescale_pct", 75.0, "FY2025/26-Q2", "adult"),
    }
    got = {(r["column_name"], r["value"]) for r in unclassified(con, "265", 28)}
    assert got == {("Statistical neighbours (2024)", 69.0), ("England (2024)", 70.0)}
    assert all("comparator" in r["reason"] for r in unclassified(con, "265", 28))
    assert unclassified(con, "265", 27) == []


def test_the_ombudsmans_decisions_add_up_to_their_total_row(con):
    """265 lines 33-39 under 'LGSCO decisions on adult social care complaints': 'Incomplete or
    invalid' is a decision by outcome like 'Not upheld' (it was an Ombudsman enquiry), 'Total
    decisions' is the total row (it was one more outcome, counted twice by a sum), and no
    finding says the rows do not add up: 'Upheld' (the Ombudsman's upheld complaints) and
    'Advice given' (left as its enquiries: a council's word for enquiries too) are read as
    other measures, and all the rows together make the total, 7 + 3 + 1 + 8 + 1 = 20."""
    fields = ("column_name", "measure", "value", "breakdown", "is_total")
    assert fields_on(con, "fct_complaints", "265", 38, *fields) == {
        ("2024/25", "ombudsman_findings", 2.0, "Incomplete or invalid", False),
        ("2025/26", "ombudsman_findings", 1.0, "Incomplete or invalid", False),
    }
    assert fields_on(con, "fct_complaints", "265", 39, *fields) == {
        ("2024/25", "ombudsman_findings", 21.0, None, True),
        ("2025/26", "ombudsman_findings", 20.0, None, True),
    }
    assert fields_on(con, "fct_complaints", "265", 34, "measure", "value") == {
        ("ombudsman_upheld", 5.0),
        ("ombudsman_upheld", 7.0),
    }
    findings = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '265%' and f.check_name not like 'council_name_%'",
    )
    assert findings == []


# ------------------------------- 266: a report after the minutes, under a banner spaced out


def test_a_report_after_the_minutes_under_a_spaced_banner_is_its_own_document(con):
    """266 lines 33-37: after the minutes of 17 March 2026 and a page stamp, `CABINET`, a blank
    line and `14 April 2026` open the report `Children's Waiting Times` (it was read as part
    of the minutes)."""
    docs = documents_of(con, "266")
    assert [(d["kind"], d["title"]) for d in docs] == [
        ("agenda", "Agenda front sheet"),
        ("minutes", "MINUTES of the meeting held on Tuesday, 17 March 2026 commencing at 2.00 pm"),
        ("report", "Children's Waiting Times"),
    ]
    assert docs[2]["first_line"] == 35


def test_the_reports_undated_figures_are_not_dated_by_the_minutes(con):
    """266 lines 51 and 53: 'The average wait for an autism assessment is now 68 weeks' in the
    report is of the meeting, 14 April 2026 (it was of 17 March 2026, the minuted meeting's
    date, as the minutes' title dated it)."""
    fields = ("measure", "value", "period_id", "period_source")
    assert fields_on(con, "fct_waiting_times", "266", 51, *fields) == {
        ("avg_wait_weeks", 68.0, "D2026-04-14", "meeting_date")
    }
    assert fields_on(con, "fct_waiting_times", "266", 53, *fields) == {
        ("max_wait_weeks", 71.0, "D2026-04-14", "meeting_date")
    }


def test_recommended_to_over_lettered_items_is_a_recommendation(con):
    """266 lines 45-47: '1.<TAB>The Cabinet is RECOMMENDED to' over 'a)<TAB>note ...' and
    'b)<TAB>agree a one-off contribution of £250,000 ...': one recommendation of the report with
    its two items (none was read: no colon ended the lead-in)."""
    got = rows(
        con,
        "select d.kind, d.subject, d.n_items, d.source_line from marts.fct_decisions d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '266%' "
        "and d.kind = 'recommendation'",
    )
    assert got == [
        {
            "kind": "recommendation",
            "subject": "Children's Waiting Times",
            "n_items": 2,
            "source_line": 45,
        }
    ]
    items = rows(
        con,
        "select i.item_label, i.item_text from marts.decision_items i "
        "join marts.fct_decisions d using (decision_id) "
        "join marts.dim_pack p on p.pack_id = d.pack_id "
        "where p.file_name like '266%' order by i.item_seq",
    )
    assert [i["item_label"] for i in items] == ["a", "b"]
    assert items[1]["item_text"].startswith("agree a one-off contribution of £250,000")


def test_a_period_right_after_a_figure_compared_with_is_that_figures_not_the_next(con):
    """264 line 31: 'In the 12 months to 31 October 2025, 8% of children in care had three or more
    placements, down from 10% at the end of 2024/25, and 69% of children in care for two and a
    half years or more had been in the same placement for at least two years': 69% is long-term
    placement stability at 31 October 2025 (it was the share with three or more placements, of
    2024/25: 'at the end of 2024/25' is 10%'s, and 'children in care for' named no measure)."""
    assert fields_on(con, "fct_placements", "264", 31, "measure", "value", "period_id") == {
        ("cla_three_or_more_placements_pct", 8.0, "D2025-10-31"),
        ("cla_three_or_more_placements_pct", 10.0, "FY2024/25"),
        ("placement_stability_pct", 69.0, "D2025-10-31"),
    }


# ------------------------------- 267: rules of 264-266 where they must not fire


def test_a_flow_takes_no_date_from_a_stock_before_it_in_its_sentence(con):
    """267 line 44: '412 children were in care at 31 March 2025; 96 children started to be looked
    after': 96 entries to care are of the report's year, 2024/25, not at 31 March 2025 (a flow
    is counted over a period; 264's rule takes a date from figures of its own kind only)."""
    assert fields_on(con, "fct_placements", "267", 44, "measure", "value", "period_id") == {
        ("cla_count", 412.0, "D2025-03-31"),
        ("children_starting_care", 96.0, "FY2024/25"),
    }


def test_a_change_column_is_not_dated_by_a_target_column_after_it(con):
    """267 line 50: 'Measure | 2023/24 | 2024/25 | Change | 2025/26 target': the change is to
    2024/25, the latest year of actual figures left of it, not the target's year."""
    fields = ("column_name", "measure", "value", "value_type", "period_id", "service_area")
    assert fields_on(con, "fct_complaints", "267", 50, *fields) == {
        ("2023/24", "complaints_received", 210.0, "actual", "FY2023/24", "children"),
        ("2024/25", "complaints_received", 190.0, "actual", "FY2024/25", "children"),
        ("Change", "complaints_received", -20.0, "change", "FY2024/25", "children"),
        ("2025/26 target", "complaints_received", 180.0, "target", "FY2025/26", "children"),
    }


def test_a_one_row_table_of_the_ombudsmans_decisions_passes_the_fact_gate(con):
    """267 lines 54-56: 'Year | Advice given | Closed after initial enquiries | Not upheld |
    Upheld | Total' over '2024/25 | 0 | 9 | 3 | 7 | 19': Upheld (7) exceeds Not upheld (3), a
    decision by outcome read as the Ombudsman's decisions in the same row. A measure printed
    twice in the row and period is no one whole there: the fact gate passes the pack (with the
    Ombudsman's upheld complaints a part of its decisions, seed measure_parts, and no such rule,
    it was quarantined)."""
    from expectations.fact_gate import validate_facts

    got = fields_on(con, "fct_complaints", "267", 56, "measure", "value")
    assert {("ombudsman_upheld", 7.0), ("ombudsman_findings", 3.0)} <= got
    pack_id = con.execute(
        "select pack_id from marts.dim_pack where file_name like '267%'"
    ).fetchone()[0]
    result = validate_facts(con, [pack_id])
    assert not result.errors
    failures = [(f.expectation, f.sample) for f in result.by_pack[pack_id].failures]
    assert failures == []


def test_a_cabinet_heading_inside_minutes_and_a_wrapped_instruction_open_nothing(con):
    """267: 'CABINET – 17 MARCH 2026' heading a minute (line 26) opens no report inside the
    minutes, and 'Members are asked to' / 'declare any disclosable pecuniary interests ...' on
    the agenda (lines 11-12) is no recommendation."""
    docs = documents_of(con, "267")
    assert [(d["kind"], d["first_line"]) for d in docs] == [
        ("agenda", 1),
        ("minutes", 20),
        ("report", 36),
    ]
    assert decisions_of(con, "267") == [
        (28, "noted"),
        (32, "resolution"),
        (60, "recommendation"),
    ]


# ------------------------------- 268: a clause about a compared year; a ratio of two counts


def test_a_figure_in_a_when_clause_after_a_compared_year_is_of_that_year(con):
    """268 line 15: 'Complaints fell by 8% compared with 2024/25, when 191 complaints were
    recorded': 191 complaints were received in 2024/25 (it was of 2025/26, the report's year,
    beside the 176 printed for it); the fall of 8% stays a change to 2025/26."""
    fields = ("measure", "value", "value_type", "period_id", "service_area")
    assert fields_on(con, "fct_complaints", "268", 15, *fields) == {
        ("complaints_received", 176.0, "actual", "FY2025/26", "adult"),
        ("complaints_received", 191.0, "actual", "FY2024/25", "adult"),
        ("complaints_received", -8.0, "change", "FY2025/26", "adult"),
    }


def test_a_fraction_of_a_count_is_no_count(con):
    """268 line 17: 'for every complaint received the service received 1.5 compliments': a ratio,
    not 1.5 compliments received (it was published as such)."""
    assert measured(con, "fct_complaints", "268", 17) == []


def test_a_period_in_the_clause_after_so_is_not_the_figures_before_it(con):
    """268 line 19: 'In 2024/25 the corresponding figures were 38 upheld and 55 partly upheld, so a
    greater proportion ... were found to be at least partly justified this year': 55 is of
    2024/25 like 38 (it took 'this year', 2025/26, from the clause after ', so')."""
    fields = ("measure", "value", "period_id", "service_area")
    assert fields_on(con, "fct_complaints", "268", 19, *fields) == {
        ("complaints_upheld", 38.0, "FY2024/25", "adult"),
        ("complaints_partially_upheld", 55.0, "FY2024/25", "adult"),
    }


def test_waited_more_than_a_year_is_a_wait_over_52_weeks(con):
    """266 line 55: 'At 31 March 2026, 96 children had waited more than a year for an autism
    assessment': 96 waiting over 52 weeks (no measure was read: only '52 weeks' named it), of
    the autism assessment."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "266", 55, *fields) == {
        ("waiting_over_52_weeks", 96.0, "D2026-03-31", "autism_assessment")
    }


# ------------------------------- 269: outcome sentences; the Ombudsman's remedies; answered in time


def test_the_outcomes_of_the_complaints_closed_are_parts_of_them(con):
    """269 line 15: 'Of the 170 complaints closed during the year, 41 (24%) were upheld and 52 (31%)
    were partly upheld; the other 77 (45%) were not upheld': 170 complaints concluded, the whole
    the outcomes are parts of (the outcomes were dropped as parts of a group no measure named)."""
    fields = ("measure", "value", "period_id", "service_area")
    assert fields_on(con, "fct_complaints", "269", 15, *fields) == {
        ("complaints_received", 212.0, "FY2025/26", None),
        ("complaints_concluded", 170.0, "FY2025/26", None),
        ("complaints_upheld", 41.0, "FY2025/26", None),
        ("complaints_upheld_pct", 24.0, "FY2025/26", None),
        ("complaints_partially_upheld", 52.0, "FY2025/26", None),
        ("complaints_partially_upheld_pct", 31.0, "FY2025/26", None),
        ("complaints_not_upheld", 77.0, "FY2025/26", None),
        ("complaints_not_upheld_pct", 45.0, "FY2025/26", None),
    }


def test_outcomes_of_a_group_of_some_complaints_are_no_council_figures(con):
    """269 line 17: 'Of the 64 complaints closed about highways, 15 were upheld. Of the 85
    complaints received about delays, 19 were upheld. Of the 9 complaints, 4 were upheld': the
    groups are some of the complaints (or one named before, never printed), so 15, 19 and 4 are
    not the council's upheld complaints; the 85 about delays are received, of that theme."""
    fields = ("measure", "value", "theme")
    assert fields_on(con, "fct_complaints", "269", 17, *fields) == {
        ("complaints_received", 85.0, "delays")
    }


def test_complaints_still_under_investigation_are_ongoing(con):
    """269 line 19: 'A further 12 complaints were still under investigation at 31 March 2026'."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "269", 19, *fields) == {
        ("complaints_ongoing", 12.0, "D2026-03-31")
    }
    assert subjects_on(con, "fct_complaints", "269", 19) == {(None, None)}  # the council's


def test_compliance_with_the_ombudsmans_recommendations_is_no_response_time(con):
    """269 lines 23 and 31: '... complied with all of the Ombudsman's recommendations within the
    agreed timescales (100% compliance)' and a row 'Compliance with recommendations' under the
    Ombudsman's caption: ombudsman_compliance_pct (the 100% was the council's share of complaints
    answered in time); 'Complaints and enquiries received' under that caption are the Ombudsman's
    (they were the council's own enquiries)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "269", 23, *fields) == {
        ("ombudsman_findings", 14.0, "FY2025/26"),
        ("ombudsman_compliance_pct", 100.0, "FY2025/26"),
    }
    assert fields_on(con, "fct_complaints", "269", 31, *fields) == {
        ("ombudsman_compliance_pct", 100.0, "FY2024/25"),
        ("ombudsman_compliance_pct", 83.0, "FY2025/26"),
    }
    assert fields_on(con, "fct_complaints", "269", 28, *fields) == {
        ("ombudsman_enquiries", 18.0, "FY2024/25"),
        ("ombudsman_enquiries", 21.0, "FY2025/26"),
    }
    for line in (23, 28, 31):  # the council's, as its Ombudsman letter prints them
        assert subjects_on(con, "fct_complaints", "269", line) == {(None, None)}


def test_the_share_of_complaints_responded_to_in_time(con):
    """269 line 33: 'The Council responded to 88% of Stage 1 complaints within 10 working days'
    (no fact was read: the verb is before the figure and the time after its complaints)."""
    fields = ("measure", "value", "value_type", "stage")
    assert fields_on(con, "fct_complaints", "269", 33, *fields) == {
        ("complaints_in_timescale_pct", 88.0, "actual", "1")
    }
    assert subjects_on(con, "fct_complaints", "269", 33) == {(None, None)}


def test_an_outcome_group_label_over_upheld_is_no_count_of_complaints_closed(con):
    """269 lines 36-38: 'Outcome of complaints closed' printed over 'Upheld | Partly upheld | Not
    upheld': the 41 under 'Upheld' are upheld complaints (they were complaints closed)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "269", 38, *fields) == {
        ("complaints_upheld", 41.0, "FY2025/26"),
        ("complaints_partially_upheld", 52.0, "FY2025/26"),
        ("complaints_not_upheld", 77.0, "FY2025/26"),
    }
    assert subjects_on(con, "fct_complaints", "269", 38) == {(None, None)}


# ------------------------------- 270: a run of months ending in a year


def test_a_flow_over_the_months_of_a_quarter_is_of_that_quarter(con):
    """270 lines 15 and 19: 'Between July and September 2025, 38 children came into care and 41
    ceased to be looked after'; '61 complaints ... between October and December 2025': the fiscal
    quarters 2025/26 Q2 and Q3 (each was dated as a day, the last of its last month)."""
    fields = ("measure", "value", "period_id", "period_source")
    assert fields_on(con, "fct_placements", "270", 15, *fields) == {
        ("children_starting_care", 38.0, "FY2025/26-Q2", "sentence"),
        ("children_ceasing_care", 41.0, "FY2025/26-Q2", "sentence"),
    }
    assert fields_on(con, "fct_complaints", "270", 19, *fields) == {
        ("complaints_received", 61.0, "FY2025/26-Q3", "sentence")
    }
    # children's services: the report on children in care
    assert subjects_on(con, "fct_placements", "270", 15) == {("children", None)}
    assert subjects_on(con, "fct_complaints", "270", 19) == {("children", None)}


def test_a_flow_over_other_months_is_counted_over_their_days(con):
    """270 lines 17 and 21: 'From April to September 2025, 74 children started to be looked
    after'; 'Between August and October 2025, 12 children left care. Between November and January
    2026, 27 children came into care': each counted from its first month's first day to its last
    month's last day (November is of 2025)."""
    fields = ("measure", "value", "period_id", "period_start", "period_end")
    assert fields_on(con, "fct_placements", "270", 17, *fields) == {
        (
            "children_starting_care",
            74.0,
            "R2025-04-01/2025-09-30",
            date(2025, 4, 1),
            date(2025, 9, 30),
        )
    }
    assert fields_on(con, "fct_placements", "270", 21, *fields) == {
        (
            "children_ceasing_care",
            12.0,
            "R2025-08-01/2025-10-31",
            date(2025, 8, 1),
            date(2025, 10, 31),
        ),
        (
            "children_starting_care",
            27.0,
            "R2025-11-01/2026-01-31",
            date(2025, 11, 1),
            date(2026, 1, 31),
        ),
    }
    for line in (17, 21):
        assert subjects_on(con, "fct_placements", "270", line) == {("children", None)}


def test_a_run_of_months_from_april_to_march_is_the_fiscal_year(con):
    """270 line 25: 'From April to March 2026, 140 children came into care' is the fiscal year
    2025/26, not a span of days."""
    assert fields_on(con, "fct_placements", "270", 25, "measure", "value", "period_id") == {
        ("children_starting_care", 140.0, "FY2025/26")
    }
    assert subjects_on(con, "fct_placements", "270", 25) == {("children", None)}


def test_a_stock_over_a_run_of_months_is_as_at_its_last(con):
    """270 line 23: 'Between July and September 2025 the number of children in care fell to 512':
    512 at the end of September (a stock is not counted over months)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "270", 23, *fields) == {
        ("cla_count", 512.0, "D2025-09-30")
    }
    assert subjects_on(con, "fct_placements", "270", 23) == {("children", None)}


# ------------------------------- 271: a table continued after a page break


def test_a_part_under_a_bare_continued_caption_is_of_the_table_above(con):
    """271 lines 24-28: 'Table 3 (continued)' over the rest of 'Table 3: Children waiting compared
    with last year' after a page break: its rows are the same table's, children waiting by
    service (they were a table of their own with no measure, every figure unclassified)."""
    fields = ("measure", "value", "period_id", "service_code", "source_table_id")
    got = fields_on(con, "fct_waiting_times", "271", 26, *fields)
    above = fields_on(con, "fct_waiting_times", "271", 19, "source_table_id")
    assert {row[:4] for row in got} == {
        ("referrals_waiting", 455.0, "D2025-01-31", "occupational_therapy"),
        ("referrals_waiting", 488.0, "D2026-01-31", "occupational_therapy"),
    }
    assert {(row[4],) for row in got} == above


def test_a_continued_tables_total_adds_up_both_parts(con):
    """271 lines 30-41: 'Table 4 (continued): Children in care by placement type' is the rest of
    Table 4, so its Total (383, 364) is checked against all four rows, which add up (the two
    rows after the break alone were found short of it)."""
    assert fields_on(con, "fct_placements", "271", 41, "measure", "value", "is_total") == {
        ("cla_count", 383.0, True),
        ("cla_count", 364.0, True),
    }
    findings = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '271%' and f.check_name not like 'council_name_%'",
    )
    assert findings == []


# ------------------------------- 272: a section's service ends at the next section; the Ombudsmen


def test_a_tables_service_ends_with_its_numbered_section(con):
    """272: '1. Children's social care statutory complaints' over 'Table 1: Children's social
    care statutory complaints', then '2. Local Government and Social Care Ombudsman': the
    Ombudsman's decisions (lines 28-31) are about the whole council, not children's services
    (the caption naming children carried its service into the next sections)."""
    fields = ("measure", "value", "period_id", "service_area")
    assert fields_on(con, "fct_complaints", "272", 19, *fields) == {
        ("complaints_received", 156.0, "FY2024/25", "children"),
        ("complaints_received", 142.0, "FY2025/26", "children"),
    }
    assert fields_on(con, "fct_complaints", "272", 28, *fields) == {
        ("ombudsman_upheld", 25.0, "FY2024/25", None),
        ("ombudsman_upheld", 26.0, "FY2025/26", None),
    }


def test_the_housing_ombudsmans_determinations_are_its_findings(con):
    """272 lines 35-40: under 'Table 3: Housing Ombudsman determinations' each row is a kind of
    finding ('Maladministration', 'Service failure') and 'Total findings' their total (they were
    the Ombudsman's enquiries, the total a breakdown beside them)."""
    fields = ("measure", "value", "period_id", "service_area", "breakdown", "is_total")
    assert fields_on(con, "fct_complaints", "272", 37, *fields) == {
        ("ombudsman_findings", 29.0, "FY2024/25", None, "Maladministration", False),
        ("ombudsman_findings", 35.0, "FY2025/26", None, "Maladministration", False),
    }
    assert fields_on(con, "fct_complaints", "272", 40, *fields) == {
        ("ombudsman_findings", 44.0, "FY2024/25", None, None, True),
        ("ombudsman_findings", 51.0, "FY2025/26", None, None, True),
    }


# ------------------------------- 273: a header of dates with no label; a change on a named year;
# a suppression note; 'Waiting at month end'


def test_a_first_line_of_dates_with_no_label_heads_its_table(con):
    """273 lines 17-20: '<TAB>31 Mar 2025<TAB>30 Jun 2025 ...' over 'Placed more than 20 miles
    from home' heads the table (it was a row of values, the columns unnamed and the table lost
    without trace); the row the prose names takes the measure, the row it names as another
    number ('Placed outside the district') is unclassified, not more of it."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "273", 19, *fields) == {
        ("cla_placed_over_20_miles", 262.0, "D2025-03-31"),
        ("cla_placed_over_20_miles", 270.0, "D2025-06-30"),
        ("cla_placed_over_20_miles", 283.0, "D2025-09-30"),
        ("cla_placed_over_20_miles", 286.0, "D2025-12-31"),
    }
    assert fields_on(con, "fct_placements", "273", 20, *fields) == set()
    unclassified = rows(
        con,
        "select u.value_text from marts.dq_unclassified_values u join marts.dim_pack p "
        "using (pack_id) where p.file_name like '273%' and u.source_line = 20 order by 1",
    )
    assert [u["value_text"] for u in unclassified] == ["432", "437", "456", "476"]
    assert subjects_on(con, "fct_placements", "273", 19) == {("children", None)}


def test_waiting_at_month_end_is_the_waiting_list(con):
    """273 lines 25-27: 'Waiting at' over 'month end' beside 'Referrals received': the number on
    the list at each month's end (it was unclassified); the referrals stay unclassified."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "273", 27, *fields) == {
        ("referrals_waiting", 868.0, "D2025-10-31")
    }
    assert [r["value"] for r in unclassified(con, "273", 27)] == [212]
    assert subjects_on(con, "fct_waiting_times", "273", 27) == {("children", "camhs")}


def test_a_change_on_a_named_year_is_a_change_to_the_latest_year(con):
    """273 line 34: '-12' under 'Change on 2024/25' right of '2023/24 | 2024/25 | 2025/26' is the
    change to 2025/26 from 2024/25 (it was dated 2024/25, the year it is counted from)."""
    fields = ("measure", "value", "value_type", "period_id")
    got = fields_on(con, "fct_complaints", "273", 34, *fields)
    assert {row for row in got if row[2] == "change"} == {
        ("complaints_received", -12.0, "change", "FY2025/26")
    }
    # the row "Children's Services": the directorate's complaints
    assert subjects_on(con, "fct_complaints", "273", 34) == {("children", None)}


def test_a_suppression_note_is_no_figure(con):
    """273 line 37: '* Fewer than five complaints; figure suppressed.' explains the '*' on line 36:
    no complaints received '<5' (it was published as one, council-wide)."""
    assert fields_on(con, "fct_complaints", "273", 37, "measure", "value_text") == set()


# ------------------------------- 274: a report after the minutes, opened by who reports where


def test_report_of_an_officer_to_a_meeting_opens_a_report_after_the_minutes(con):
    """274 lines 21-39: 'Report of the Chief Executive of ... to the meeting of the Corporate
    Parenting Panel to be held on 10 February 2026' after the minutes opens a report, titled by
    its 'Subject:' printed alone over the title (it was part of the minutes); its
    '2. RECOMMENDATIONS' / '2.1 That the Panel notes ...' is a recommendation."""
    documents = documents_of(con, "274")
    assert [(d["kind"], d["first_line"]) for d in documents][-2:] == [
        ("minutes", 7),
        ("report", 21),
    ]
    assert documents[-1]["title"] == (
        "Children Looked After and Care Leavers Performance Report – Quarter 3 2025/26"
    )
    assert decisions_of(con, "274") == [(13, "resolution"), (39, "recommendation")]


def test_a_report_stating_the_position_it_sets_out_dates_its_stocks(con):
    """274 line 35: 'The Trust remains in touch with 94% of care leavers' in a report that 'sets
    out the position ... at 31 December 2025': at that day (it was dated by the minuted meeting,
    4 November 2025)."""
    fields = ("measure", "value", "period_id", "period_source")
    assert fields_on(con, "fct_placements", "274", 35, *fields) == {
        ("care_leavers_in_touch_pct", 94.0, "D2025-12-31", "document_statement")
    }
    assert subjects_on(con, "fct_placements", "274", 35) == {("children", None)}


# ------------------------------- 275: a table's lead-in ends at a heading; thresholds; care leavers


def test_a_summary_above_another_heading_names_no_column_of_the_table(con):
    """275 lines 23-27: the executive summary's 'children waiting for CAMHS treatment' above the
    heading 'CAMHS' and its paragraph 'Table 1 shows referrals, caseload and waits' gave the
    table's unnamed columns ('Referrals received', 'Caseload') the waiting list: they are
    unclassified; the 'Waiting list' column is the list, '% waiting over 52 weeks' the share
    waiting over a year (it was the 18-week share)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "275", 27, *fields) == {
        ("referrals_waiting", 2381.0, "D2026-01-31"),
        ("waiting_over_52_weeks_pct", 3.8, "D2026-01-31"),
    }
    assert sorted(r["value"] for r in unclassified(con, "275", 27)) == [447, 7120]
    assert subjects_on(con, "fct_waiting_times", "275", 27) == {("children", "camhs")}


def test_a_captioned_tables_share_column_takes_no_measure_from_the_prose_above(con):
    """275 lines 33-39: 'Table 2: Children in care by age' over 'Wessex | England' / 'Number | %
    | %' under a paragraph on the share 'placed more than 20 miles from home': the caption names
    the counts; the council's '%' column takes no measure from the paragraph (it was the share
    placed more than 20 miles from home) and is unclassified, as England's comparator is."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "275", 36, *fields) == {
        ("cla_count", 131.0, "D2026-01-31")
    }
    assert sorted(r["value_text"] for r in unclassified(con, "275", 36)) == ["15.6%", "18%"]
    assert subjects_on(con, "fct_placements", "275", 36) == {("children", None)}


def test_care_leavers_receiving_a_service_are_no_children_in_care(con):
    """275 line 43: 'Number of care leavers aged 17-21 receiving a service' is care leavers
    (care_leavers_count), not children in care (it was unclassified)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "275", 43, *fields) == {
        ("care_leavers_count", 611.0, "D2026-01-31")
    }
    assert subjects_on(con, "fct_placements", "275", 43) == {("children", None)}


# ------------------------------- 276: rules that must not fire (the review of 269-275)


def test_a_report_of_line_without_its_meeting_opens_no_report_inside_minutes(con):
    """276 lines 13-17: 'Report of the Strategic Director (Document "B")' over a resolution 'That
    an update be presented to the meeting of the Panel to be held on 12 May 2026': the minutes go
    on (a report opens only where its own line names the meeting it goes to), the resolution is
    theirs."""
    documents = documents_of(con, "276")
    assert [(d["kind"], d["first_line"], d["last_line"]) for d in documents][-1] == (
        "minutes",
        7,
        29,
    )
    assert decisions_of(con, "276") == [(15, "resolution")]


def test_a_sentence_of_the_text_saying_small_figures_are_suppressed_keeps_its_figure(con):
    """276 line 21: 'The Council received 212 complaints in 2024/25; figures under 5 are
    suppressed.' is no note under a table: 212 complaints received."""
    assert fields_on(con, "fct_complaints", "276", 21, "measure", "value", "period_id") == {
        ("complaints_received", 212.0, "FY2024/25")
    }


def test_total_closed_within_timescale_and_a_panels_recommendations_are_what_they_say(con):
    """276 lines 26-27: 'Total closed within timescale' is no total of the rows above it (a part of
    them, answered in time); 'Compliance with Stage 2 panel recommendations' is no compliance
    with the Ombudsman's (unclassified)."""
    fields = ("measure", "value", "is_total")
    assert fields_on(con, "fct_complaints", "276", 26, *fields) == {
        ("complaints_in_timescale", 150.0, False)
    }
    assert fields_on(con, "fct_complaints", "276", 27, *fields) == set()
    assert [r["value_text"] for r in unclassified(con, "276", 27)] == ["90%"]


# ------------------------------- 277: the autism and the ADHD assessment lists, side by side


def test_an_autism_and_an_adhd_column_group_are_two_services(con):
    """277 lines 17-21: 'Autism assessment' and 'ADHD assessment' over 'Children waiting |
    Longest wait (weeks)' each: the columns under each are that assessment's list, each its own
    service (both were the neurodevelopmental pathway, and the two lists of one quarter end were
    found to be the same figure printed with different values)."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "277", 21, *fields) == {
        ("referrals_waiting", 1302.0, "D2026-03-31", "autism_assessment"),
        ("max_wait_weeks", 91.0, "D2026-03-31", "autism_assessment"),
        ("referrals_waiting", 1987.0, "D2026-03-31", "adhd_assessment"),
        ("max_wait_weeks", 112.0, "D2026-03-31", "adhd_assessment"),
    }
    assert subjects_on(con, "fct_waiting_times", "277", 20) == {
        ("children", "autism_assessment"),
        ("children", "adhd_assessment"),
    }


def test_each_assessment_is_one_subject_across_tables_and_prose(con):
    """277 lines 21, 23 and 27-29: the autism list at 31 March 2026 in the quarters' table, the
    sentence ('1,302 children were waiting for an autism assessment and 1,987 for an ADHD
    assessment') and the summary table's row is one figure (one key, 1,302), the ADHD list
    another; a clinic for both conditions is the pathway itself. dim_service names the pathway
    as both assessments' parent."""
    fields = ("measure", "value", "service_code")
    assert fields_on(con, "fct_waiting_times", "277", 23, *fields) == {
        ("referrals_waiting", 1302.0, "autism_assessment"),
        ("referrals_waiting", 1987.0, "adhd_assessment"),
    }
    keys = rows(
        con,
        "select f.service_code, count(distinct f.figure_key) as keys, "
        "list(distinct f.value) as values from marts.fct_waiting_times f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '277%' "
        "and f.source_kind = 'table' and f.measure = 'referrals_waiting' "
        "and f.value_type = 'actual' and f.period_id = 'D2026-03-31' group by 1 order by 1",
    )
    assert [(k["service_code"], k["keys"], k["values"]) for k in keys] == [
        ("adhd_assessment", 1, [1987.0]),
        ("autism_assessment", 1, [1302.0]),
        ("neurodevelopmental_pathway", 1, [215.0]),
    ]
    parents = rows(
        con,
        "select service_code, parent_service_code from marts.dim_service "
        "where parent_service_code is not null order by 1",
    )
    assert [(p["service_code"], p["parent_service_code"]) for p in parents] == [
        ("adhd_assessment", "neurodevelopmental_pathway"),
        ("autism_assessment", "neurodevelopmental_pathway"),
    ]


# ------------------------------- 278: a scorecard's timescales; children in the care of a council


def test_timescales_of_visits_and_conferences_are_no_complaints_answered_in_time(con):
    """278 lines 19-21: '% of statutory visits completed within timescale' and '% of child
    protection conferences held in timescale' in a corporate parenting scorecard time no
    complaint (both were complaints answered in time): unclassified; the row of complaints
    'responded to within timescale' beside them still is."""
    for line in (19, 20):
        assert fields_on(con, "fct_complaints", "278", line, "measure", "value") == set()
        assert len(unclassified(con, "278", line)) == 3
    assert fields_on(con, "fct_complaints", "278", 21, "measure", "value", "period_id") == {
        ("complaints_in_timescale_pct", 80.0, "FY2025/26-Q3"),
        ("complaints_in_timescale_pct", 85.7, "FY2025/26-Q4"),
        ("complaints_in_timescale_pct", 90.0, "FY2025/26"),
    }
    # the complaints of looked after children, in a corporate parenting scorecard
    assert subjects_on(con, "fct_complaints", "278", 21) == {("children", None)}


def test_children_in_the_care_of_the_council_and_a_change_after_a_comparison(con):
    """278 line 12: 'At 31 March 2026, 512 children were in the care of Kestrel Bay Council' is
    the number in care (the paragraph was not read: no word of a domain); 'The number of
    children in care has fallen by 12 since March 2025' after a sentence comparing the rate
    with England's at 31 March 2025 is a change to 31 March 2026 (it was at England's date)."""
    fields = ("measure", "value", "value_type", "period_id")
    assert fields_on(con, "fct_placements", "278", 12, *fields) == {
        ("cla_count", 512.0, "actual", "D2026-03-31"),
        ("cla_count", -12.0, "change", "D2026-03-31"),
    }
    assert subjects_on(con, "fct_placements", "278", 12) == {("children", None)}


def test_an_all_ages_row_is_the_total_of_the_age_bands(con):
    """278 line 30: 'All ages' under the age bands is their total (it was a breakdown named 'All
    ages' beside them)."""
    fields = ("measure", "value", "period_id", "is_total", "breakdown", "age_band")
    assert fields_on(con, "fct_placements", "278", 30, *fields) == {
        ("cla_count", 512.0, "D2026-03-31", True, None, None)
    }
    assert subjects_on(con, "fct_placements", "278", 30) == {("children", None)}


# ------------------------------- 279: headline bullets of a year; upheld by the Ombudsman


def test_a_bullet_after_a_change_on_a_compared_year_is_of_the_reports_year(con):
    """279 lines 12-13: '318 compliments were received, up 4% on the previous year' after '204
    complaints were received, down 6% on 2024/25 (217)' is of 2025/26, the report's year (it
    took 2024/25, the year the bullet before compares with, from the figure printed after it);
    217 is 2024/25's."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "279", 13, *fields) == {
        ("compliments_received", 318.0, "FY2025/26")
    }
    assert fields_on(con, "fct_complaints", "279", 12, *fields) == {
        ("complaints_received", 204.0, "FY2025/26"),
        ("complaints_received", 217.0, "FY2024/25"),
    }
    # a district council's complaints: the whole council's, no service area
    for line in (12, 13):
        assert subjects_on(con, "fct_complaints", "279", line) == {(None, None)}


def test_complaints_upheld_by_the_ombudsman_are_the_ombudsmans_upheld(con):
    """279 line 14: '7 complaints were upheld by the Local Government and Social Care
    Ombudsman' are the complaints the Ombudsman upheld (they were complaints referred to it)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "279", 14, *fields) == {
        ("ombudsman_upheld", 7.0, "FY2025/26")
    }
    assert subjects_on(con, "fct_complaints", "279", 14) == {(None, None)}


def test_a_change_in_waiting_list_column_is_the_lists_change(con):
    """277 lines 32-34: 'Change in waiting list since April 2025' beside 'Waiting list', under a
    caption naming no measure ('Summary of assessment waits'): the change in each list (it was
    unclassified: no measure named), of each assessment, to the caption's date."""
    fields = ("measure", "value", "value_type", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "277", 33, *fields) == {
        ("referrals_waiting", 1302.0, "actual", "D2026-03-31", "autism_assessment"),
        ("referrals_waiting", 118.0, "change", "D2026-03-31", "autism_assessment"),
    }
    assert fields_on(con, "fct_waiting_times", "277", 34, *fields) == {
        ("referrals_waiting", 1987.0, "actual", "D2026-03-31", "adhd_assessment"),
        ("referrals_waiting", -40.0, "change", "D2026-03-31", "adhd_assessment"),
    }
    assert unclassified(con, "277", 33) == []


# ------------------------------- 280: an agenda's item numbers; representations; care reviews


def test_an_agenda_items_number_is_no_count_of_what_it_names(con):
    """280 line 11: '3<TAB>Adult Social Care Complaints and Representations Annual Report 2025/26
    (Pages 7 - 30)' on the agenda names the report of item 3: no fact (it was 3 complaints
    received), nor an unclassified value."""
    assert fields_on(con, "fct_complaints", "280", 11, "measure", "value") == set()
    assert unclassified(con, "280", 11) == []


def test_the_rows_of_representations_are_what_each_names(con):
    """280 lines 21-27, 'Table 4: Other representations received' under the heading
    'Compliments and other representations': 'Enquiries from MPs' and 'Enquiries from county
    councillors' are those enquiries (both were enquiries of every kind); 'Concerns resolved
    informally' is no compliment (it took the heading's measure): unclassified."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "280", 24, *fields) == {
        ("compliments_received", 1210.0, "FY2024/25"),
        ("compliments_received", 1305.0, "FY2025/26"),
    }
    assert fields_on(con, "fct_complaints", "280", 25, *fields) == {
        ("mp_enquiries", 61.0, "FY2024/25"),
        ("mp_enquiries", 58.0, "FY2025/26"),
    }
    assert fields_on(con, "fct_complaints", "280", 26, *fields) == {
        ("councillor_enquiries", 77.0, "FY2024/25"),
        ("councillor_enquiries", 83.0, "FY2025/26"),
    }
    assert fields_on(con, "fct_complaints", "280", 27, *fields) == set()
    assert sorted(u["value"] for u in unclassified(con, "280", 27)) == [212.0, 240.0]
    assert subjects_on(con, "fct_complaints", "280", 25) == {("adult", None)}


def test_care_reviews_held_on_time_are_no_complaints_answered_on_time(con):
    """280 lines 33-34: '% of care reviews held on time' is unclassified (it was complaints
    answered in time); '% of complaints responded to on time' beside it still is."""
    assert fields_on(con, "fct_complaints", "280", 33, "measure", "value") == set()
    assert len(unclassified(con, "280", 33)) == 2
    assert fields_on(con, "fct_complaints", "280", 34, "measure", "value", "period_id") == {
        ("complaints_in_timescale_pct", 72.0, "FY2025/26-Q3"),
        ("complaints_in_timescale_pct", 76.0, "FY2025/26-Q4"),
    }
    assert subjects_on(con, "fct_complaints", "280", 34) == {("adult", None)}


# ------------------------------- 281: an area of councils named with 'and'; a council's quarter


def test_a_list_of_councils_whose_names_hold_and_is_an_area_of_several(con):
    """281 line 12: 'Across Shropshire, Telford and Wrekin and Herefordshire, the three boards
    reported a combined neurodevelopmental waiting list of 3,210 children' is the three
    councils' list, not the reporting council's ('Telford and Wrekin' was split at its 'and',
    'Across Shropshire' matched no name), of the neurodevelopmental pathway (it had none)."""
    fields = ("measure", "value", "period_id", "subject_council", "service_code")
    assert fields_on(con, "fct_waiting_times", "281", 12, *fields) == {
        ("referrals_waiting", 3210.0, "D2025-12-31", "several", "neurodevelopmental_pathway")
    }


def test_a_row_named_neurodevelopmental_is_the_pathway(con):
    """281 line 17: a row 'Neurodevelopmental' beside 'Speech and language therapy' is the
    neurodevelopmental pathway (it had no service)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "281", 17, *fields) == {
        ("referrals_waiting", 1106.0, "D2026-01-31"),
        ("max_wait_weeks", 121.0, "D2026-01-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "281", 17) == {
        ("children", "neurodevelopmental_pathway")
    }


def test_a_column_of_the_councils_name_and_a_quarter_is_that_quarter(con):
    """281 lines 21-24: 'Marchfield Q2 2025/26' beside 'England 2024/25': the council's figures
    at the end of the second quarter, 30 September 2025 (they were at the year's end)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "281", 23, *fields) == {
        ("care_leavers_in_touch_pct", 95.0, "D2025-09-30")
    }
    assert fields_on(con, "fct_placements", "281", 24, *fields) == {
        ("care_leavers_eet_pct", 58.0, "D2025-09-30")
    }
    assert subjects_on(con, "fct_placements", "281", 23) == {("children", None)}


def test_the_average_time_to_respond_after_a_sentence_dating_the_year(con):
    """281 line 27: 'The average time to respond was 17 working days, compared with 21 in
    2023/24' after 'The service received 164 complaints in 2024/25': 17 days is the average
    response time (it was not read: no 'to' after 'respond') of 2024/25 (21's year is what it
    is compared with, not its own)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "281", 27, *fields) == {
        ("complaints_received", 164.0, "FY2024/25"),
        ("complaints_avg_response_days", 17.0, "FY2024/25"),
    }
    # a report of the Director of Children's Services
    assert subjects_on(con, "fct_complaints", "281", 27) == {("children", None)}


def test_a_caption_of_the_share_waiting_over_18_weeks_over_service_columns(con):
    """281 lines 29-32: 'Table 3: Percentage of children waiting more than 18 weeks' over 'Month
    end | SLT | OT | Physio | ND': each cell is that service's share waiting over 18 weeks at
    the month's end (all were unclassified: no measure named); 'Physio' is physiotherapy and
    'ND' the neurodevelopmental pathway."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "281", 32, *fields) == {
        ("pct_waiting_over_18_weeks", 42.0, "D2026-01-31", "speech_language_therapy"),
        ("pct_waiting_over_18_weeks", 50.0, "D2026-01-31", "occupational_therapy"),
        ("pct_waiting_over_18_weeks", 10.0, "D2026-01-31", "physiotherapy"),
        ("pct_waiting_over_18_weeks", 73.0, "D2026-01-31", "neurodevelopmental_pathway"),
    }
    assert unclassified(con, "281", 32) == []


# ------------------------------- 282: the quarter of the year; a list that stood at a figure


def test_children_of_the_second_quarter_of_the_year(con):
    """282 line 12: 'In the second quarter of the year 97 children became looked after and 84
    ceased to be looked after': 97 children started and 84 ceased to be looked after in the
    report's second quarter, 2025/26 Q2 (97 was read as the label of 'year 97', and 84 was of
    the whole year)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "282", 12, *fields) == {
        ("children_starting_care", 97.0, "FY2025/26-Q2"),
        ("children_ceasing_care", 84.0, "FY2025/26-Q2"),
    }
    assert subjects_on(con, "fct_placements", "282", 12) == {("children", None)}


def test_a_list_that_stood_at_a_figure_and_those_waiting_over_18_weeks_with_it(con):
    """282 line 16: 'The neurodevelopmental list stood at 1,516 at the end of September 2025,
    with 1,249 children and young people (82%) waiting over 18 weeks': the pathway's list (it
    was not read) and those waiting over 18 weeks, both at 30 September 2025 (1,249 was of the
    meeting's date, and of no service)."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "282", 16, *fields) == {
        ("referrals_waiting", 1516.0, "D2025-09-30", "neurodevelopmental_pathway"),
        ("waiting_over_18_weeks", 1249.0, "D2025-09-30", "neurodevelopmental_pathway"),
    }


# ------------------------------- 212: minutes titled by their body's banner over the date


def test_minutes_under_their_bodys_banner_and_date_are_that_bodys(con):
    """212 lines 13-35: minutes titled by the banner of their body over the meeting's date
    ('CHILDREN'S SCRUTINY COMMITTEE' / '18 March 2024', 'SCRUTINY BOARD (CHILDREN AND
    FAMILIES)' / 'WEDNESDAY, 19TH JUNE, 2024'): each resolution is that body's (they had no
    maker), its name as written, the words in brackets too."""
    got = decisions_of(con, "212", "kind", "decision_maker", "decision_date")
    assert got == [
        (21, "resolution", "Children's Scrutiny Committee", date(2024, 3, 18)),
        (25, "resolution", "Children's Scrutiny Committee", date(2024, 3, 18)),
        (35, "resolution", "Scrutiny Board (Children and Families)", date(2024, 6, 19)),
    ]


def test_a_flow_since_a_printed_day_is_counted_from_it(con):
    """282 line 13: 'Since 1 April 2025, 188 children have entered care': from 1 April 2025 to
    the report's date (it was the one day 1 April 2025)."""
    fields = ("measure", "value", "period_id", "period_type")
    assert fields_on(con, "fct_placements", "282", 13, *fields) == {
        ("children_starting_care", 188.0, "R2025-04-01/2026-01-14", "to_date")
    }
    assert subjects_on(con, "fct_placements", "282", 13) == {("children", None)}


# ------------------------------- 283: rules that must not fire (the review of 277-282)
# Each of these was wrong on some commit of the session before the review's fixes: they guard
# the rules above against reading too much.


def test_one_council_after_in_is_no_area_of_several(con):
    """283 line 12: 'In Somerset, 600 children were in care at 31 March 2025': one council's
    figure (a name two councils have borne counts once; 'In' says no area spans it)."""
    assert fields_on(con, "fct_placements", "283", 12, "measure", "value", "subject_council") == {
        ("cla_count", 600.0, "unknown")
    }


def test_a_date_before_a_bracketed_rate_is_the_sentences_own(con):
    """283 line 13: 'There were 412 children looked after on 31 March 2026 (a rate of 71 per
    10,000)': 31 March 2026 is the figure's date, no year compared with."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "283", 13, *fields) == {
        ("cla_count", 412.0, "D2026-03-31")
    }
    assert subjects_on(con, "fct_placements", "283", 13) == {("children", None)}


def test_children_in_the_care_of_another_authority_are_no_children_in_care(con):
    """283 line 14: 'A further 12 children in the care of another local authority were placed
    in Rowanford': other councils' children, no count of the council's own."""
    assert fields_on(con, "fct_placements", "283", 14, "measure", "value") == set()


def test_stage_rows_under_a_heading_beside_complaints_received_keep_its_measure(con):
    """283 lines 21-23: 'Stage 1' and 'Stage 2' under 'Complaints received', beneath the heading
    'Complaints': complaints received at each stage (no row names another measure)."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_complaints", "283", 22, *fields) == {
        ("complaints_received", 290.0, "FY2024/25", "1"),
        ("complaints_received", 262.0, "FY2025/26", "1"),
    }
    assert fields_on(con, "fct_complaints", "283", 23, *fields) == {
        ("complaints_received", 30.0, "FY2024/25", "2"),
        ("complaints_received", 24.0, "FY2025/26", "2"),
    }
    assert subjects_on(con, "fct_complaints", "283", 22) == {("children", None)}


def test_a_count_printed_before_a_tab_and_words_in_lower_case_is_a_count(con):
    """283 line 25: '45<TAB>complaints were about communication ...': 45 complaints, no
    paragraph's number."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "283", 25, *fields) == {
        ("complaints_received", 45.0, "FY2025/26")
    }
    assert subjects_on(con, "fct_complaints", "283", 25) == {("children", None)}


# ------------------------------- 284: rows of a service and its measure after a dash


def test_rows_naming_a_service_and_its_measure_after_a_dash_keep_the_service(con):
    """284 lines 14-18: 'Occupational therapy – number waiting' under 'Therapy waiting times'
    and a lead-in on the number of children waiting: each row is its service's list at each
    month's end (the table was of no domain; where one was found, the measure came from the
    lead-in and the service was lost: five lists of one subject)."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "284", 17, *fields) == {
        ("referrals_waiting", 199.0, "D2025-11-30", "occupational_therapy"),
        ("referrals_waiting", 190.0, "D2025-12-31", "occupational_therapy"),
        ("referrals_waiting", 184.0, "D2026-01-31", "occupational_therapy"),
    }
    assert subjects_on(con, "fct_waiting_times", "284", 18) == {("children", "physiotherapy")}
    assert subjects_on(con, "fct_waiting_times", "284", 16) == {
        ("children", "speech_language_therapy")
    }


# ------------------------------- 285: outcome codes with commas in a cell


def test_a_cell_of_complaints_with_upheld_and_partly_upheld_after_a_comma(con):
    """285 line 16: 'Care Management | 228 (31U, 62PU) | 14 (2U, 5PU)' under 'Stage 1 | Stage
    2': complaints received, upheld and partly upheld at each stage (the cells were dropped
    without a trace: the shape of '9 (1U & 2PU)' took no comma)."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_complaints", "285", 16, *fields) == {
        ("complaints_received", 228.0, "FY2024/25", "1"),
        ("complaints_upheld", 31.0, "FY2024/25", "1"),
        ("complaints_partially_upheld", 62.0, "FY2024/25", "1"),
        ("complaints_received", 14.0, "FY2024/25", "2"),
        ("complaints_upheld", 2.0, "FY2024/25", "2"),
        ("complaints_partially_upheld", 5.0, "FY2024/25", "2"),
    }
    assert subjects_on(con, "fct_complaints", "285", 16) == {("adult", None)}


# ------------------------------- 286: a minute of four digits, its paragraphs indented by TABs


def test_a_minute_numbered_in_four_digits_with_paragraphs_indented_by_tabs(con):
    """286 lines 11-17: 'CHILDREN'S TRUST – QUARTER 3 PERFORMANCE' over '1402<TAB>The Cabinet
    Member ... introduced the report ...', '<TAB>Councillor Hunt asked ...', '<TAB>RESOLVED
    (UNANIMOUSLY):-' and its items '(i)' and '(ii)': one resolution of the Cabinet with two
    items (none was read: the lines were rows of a two-cell table)."""
    fields = ("kind", "subject", "decision_maker", "decision_date", "n_items")
    assert decisions_of(con, "286", *fields) == [
        (
            15,
            "resolution",
            "CHILDREN'S TRUST – QUARTER 3 PERFORMANCE",
            "Cabinet",
            date(2026, 2, 10),
            2,
        )
    ]


# ------------------------------- 287: a row naming nothing beside rows naming their measures


def test_a_row_naming_nothing_takes_no_measure_from_the_title_above(con):
    """287 lines 24-28: 'Longest response (working days)' under 'Responded to within 20 working
    days' and 'Average working days to respond', in the 'Complaints and Compliments Annual
    Report': no measure of the catalogue, unclassified (it was compliments received, from the
    title above the table); the rows naming theirs keep them."""
    assert fields_on(con, "fct_complaints", "287", 28, "measure", "value") == set()
    assert sorted(u["value"] for u in unclassified(con, "287", 28)) == [88.0, 97.0, 131.0]
    assert fields_on(con, "fct_complaints", "287", 27, "measure", "value", "period_id") == {
        ("complaints_avg_response_days", 24.0, "FY2022/23"),
        ("complaints_avg_response_days", 22.0, "FY2023/24"),
        ("complaints_avg_response_days", 19.0, "FY2024/25"),
    }
    assert subjects_on(con, "fct_complaints", "287", 27) == {("adult", None)}


# ------------------------------- 288: dates, then a column of shares of the total


def test_dates_then_a_share_column_head_a_lettered_table_of_children_in_care(con):
    """288 lines 26-31: 'Table B: Children looked after by placement type' over 'Placement | 31 Mar
    2025 | 30 Sep 2025 | 31 Dec 2025 | % of total': children looked after at each date, and each
    placement's share of the total at the latest date (203 of 496 is 41%). Every cell was
    unclassified: a header of dates ending in words was no header, and a table lettered 'Table B'
    named no measure."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "288", 27, *fields) == {
        ("cla_count", 214.0, "D2025-03-31"),
        ("cla_count", 209.0, "D2025-09-30"),
        ("cla_count", 203.0, "D2025-12-31"),
        ("cla_share_pct", 41.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "288", 27) == {("children", None)}
    assert fields_on(con, "fct_placements", "288", 31, *fields, "is_total") == {
        ("cla_count", 502.0, "D2025-03-31", True),
        ("cla_count", 499.0, "D2025-09-30", True),
        ("cla_count", 496.0, "D2025-12-31", True),
    }
    assert [u["value_text"] for u in unclassified(con, "288", 31)] == ["100%"]


# ------------------------------- 289: a report under its banner, a table broken by a page head


def test_a_report_under_its_banner_after_an_item_stamp_with_its_number(con):
    """289 lines 14-21: 'Agenda Item No. 2' over 'WRENBURY COUNTY COUNCIL' / 'AUDIT COMMITTEE' /
    'TUESDAY, 24 MARCH 2026 AT 10.00AM', the title and 'Report of the Director of Resources': a
    report, titled by its title, with its author (the stamp was not one with 'No.', and the
    banner's lines hid the `Report of` line: the front sheet ran on over the report)."""
    assert [
        (d["kind"], d["title"], d["first_line"], d["last_line"]) for d in documents_of(con, "289")
    ] == [
        ("agenda", "Agenda front sheet", 1, 13),
        ("report", "ANNUAL COMPLAINTS AND COMPLIMENTS REPORT 2024/25", 14, 54),
    ]


def test_a_table_goes_on_past_a_page_head_naming_the_meeting(con):
    """289 lines 33-44: 'Table 1: Stage 1 complaints received by department' cut by 'Page 7' and
    'Audit Committee – 24 March 2026' (printed once), its header printed again: one table whose
    'Total' adds up all four departments (the page head was the caption of a second table, whose
    two rows were found not to add up to the total)."""
    tables = {
        f["source_table_id"]
        for line in (35, 36, 42, 43, 44)
        for f in facts(con, "fct_complaints", "289", line)
    }
    assert len(tables) == 1
    assert fields_on(
        con, "fct_complaints", "289", 44, "measure", "value", "period_id", "is_total"
    ) == {
        ("complaints_received", 2274.0, "FY2023/24", True),
        ("complaints_received", 2421.0, "FY2024/25", True),
    }
    assert fields_on(con, "fct_complaints", "289", 42, "measure", "value", "period_id") == {
        ("complaints_received", 1006.0, "FY2023/24"),
        ("complaints_received", 1093.0, "FY2024/25"),
    }


def test_a_row_of_all_departments_is_the_total_of_the_departments_above(con):
    """289 line 50: 'All departments | 75% | 79%' under two departments' shares answered within 20
    working days: the whole council's, a total (it was a third department)."""
    fields = ("measure", "value", "period_id", "is_total")
    assert fields_on(con, "fct_complaints", "289", 50, *fields) == {
        ("complaints_in_timescale_pct", 75.0, "FY2023/24", True),
        ("complaints_in_timescale_pct", 79.0, "FY2024/25", True),
    }
    assert subjects_on(con, "fct_complaints", "289", 50) == {(None, None)}


# ------------------------------- 290: waits past a threshold, and what the prose before says


def test_a_row_waiting_past_a_threshold_is_no_list_of_its_own(con):
    """290 lines 31-32: 'Waiting over 104 weeks' under 'Table 1: Neurodevelopmental assessment
    waiting list' counts those waiting over two years (it was a second waiting list, of a service
    named 'Waiting over 104 weeks'); 'Waiting over 26 weeks', a threshold the catalogue has no
    measure for, is left unclassified rather than read as the list."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "290", 32, *fields) == {
        ("waiting_over_104_weeks", 388.0, "D2025-09-30"),
        ("waiting_over_104_weeks", 441.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "290", 32) == {
        ("children", "neurodevelopmental_pathway")
    }
    assert fields_on(con, "fct_waiting_times", "290", 31, *fields) == set()
    assert [u["value_text"] for u in unclassified(con, "290", 31)] == ["1,902", "1,988"]


def test_people_awaiting_an_assessment_in_an_adult_report_are_adults_waiting(con):
    """290 lines 46-48: 'There were 1,204 people awaiting a Care Act assessment at 31 January
    2026' (not read: 'awaiting') in 'Adult Social Care: Assessment Waiting List', after a
    children's report whose last sentence names children's services: adults waiting, not
    children; 'The number waiting for an occupational therapy assessment ... was 486 at 31
    January 2026, and the longest wait was 38 weeks': both at that date (486 was not read, and
    38 was dated by the meeting)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "290", 46, *fields) == {
        ("referrals_waiting", 1204.0, "D2026-01-31")
    }
    # the Care Act assessment's own list (seed service_aliases)
    assert subjects_on(con, "fct_waiting_times", "290", 46) == {("adult", "care_act_assessment")}
    assert fields_on(con, "fct_waiting_times", "290", 48, *fields) == {
        ("referrals_waiting", 486.0, "D2026-01-31"),
        ("max_wait_weeks", 38.0, "D2026-01-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "290", 48) == {("adult", "occupational_therapy")}


def test_an_area_named_in_passing_or_by_a_part_is_not_the_whole_figures(con):
    """290 lines 60 and 64: 'At Stage 2, 55 of the 114 complaints determined were upheld' after
    '... investigations for children's social care', and 'The Ombudsman upheld 14 complaints, of
    which 3 concerned Children's Services. The Council complied with the Ombudsman's
    recommendations in 100% of cases.': the council's figures, of no service area (they were
    children's; 14 and 100% were not read)."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_complaints", "290", 60, *fields) == {
        ("complaints_concluded", 114.0, "FY2024/25", "2"),
        ("complaints_upheld_or_partially_upheld", 55.0, "FY2024/25", "2"),
    }
    assert fields_on(con, "fct_complaints", "290", 64, *fields) == {
        ("ombudsman_upheld", 14.0, "FY2024/25", None),
        ("ombudsman_compliance_pct", 100.0, "FY2024/25", None),
    }
    for line in (60, 64):
        assert subjects_on(con, "fct_complaints", "290", line) == {(None, None)}


def test_the_same_period_of_an_earlier_year_is_the_same_span_a_year_before(con):
    """290 line 74: 'Since April 2025, 263 children have entered care, compared with 231 in the
    same period of 2024/25': 263 from 1 April 2025 to the meeting, compared with the same span a
    year before (it was the whole of 2024/25)."""
    fields = ("measure", "value", "period_id", "comparison_value", "comparison_period_id")
    assert fields_on(con, "fct_placements", "290", 74, *fields) == {
        (
            "children_starting_care",
            263.0,
            "R2025-04-01/2026-02-23",
            231.0,
            "R2024-04-01/2025-02-23",
        )
    }


# ------------------------------- 291: a distance table under a lead-in, sentences of each kind


def test_rows_naming_nothing_beside_distance_rows_take_no_measure_from_the_lead_in(con):
    """291 lines 14-20: 'Table 2: Placement distance from home' under a lead-in on the address
    children lived at 'when they came into care': 'Placed over 20 miles' and '% placed over 20
    miles' are theirs, at each quarter's end; 'Placed within 20 miles' and 'Not recorded' are
    the children looked after in those bands, by the caption (they were children starting care
    in each quarter, from the lead-in, then unclassified until a caption naming the distance of
    placements counted the children placed: seed measure_patterns)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "291", 18, *fields) == {
        ("cla_placed_over_20_miles", 238.0, "D2025-06-30"),
        ("cla_placed_over_20_miles", 241.0, "D2025-09-30"),
        ("cla_placed_over_20_miles", 245.0, "D2025-12-31"),
    }
    assert fields_on(con, "fct_placements", "291", 20, *fields) == {
        ("cla_placed_over_20_miles_pct", 21.5, "D2025-06-30"),
        ("cla_placed_over_20_miles_pct", 21.4, "D2025-09-30"),
        ("cla_placed_over_20_miles_pct", 21.5, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "291", 18) == {("children", None)}
    assert fields_on(
        con, "fct_placements", "291", 19, "measure", "value", "period_id", "breakdown"
    ) == {
        ("cla_count", 66.0, "D2025-06-30", "Not recorded"),
        ("cla_count", 73.0, "D2025-09-30", "Not recorded"),
        ("cla_count", 74.0, "D2025-12-31", "Not recorded"),
    }
    assert unclassified(con, "291", 17) == []


def test_sentences_of_stability_care_leavers_and_waits_are_read(con):
    """291 lines 24-32: '68% had lived in the same placement for at least two years' (dated by
    the meeting: the sentence prints no date), 'supporting 694 care leavers aged 18 to 25 at the
    end of December 2025', 'The speech and language therapy waiting list rose again, to 1,521
    children in December 2025', 'CAMHS had 1,061 children and young people waiting at 31
    December 2025. The longest CAMHS wait has reached 55 weeks.': none of them was read."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "291", 24, *fields) == {
        ("placement_stability_pct", 68.0, "D2026-03-18")
    }
    assert fields_on(con, "fct_placements", "291", 26, *fields) == {
        ("care_leavers_count", 694.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_waiting_times", "291", 30, *fields) == {
        ("referrals_waiting", 1521.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_waiting_times", "291", 30) == {
        ("children", "speech_language_therapy")
    }
    assert fields_on(con, "fct_waiting_times", "291", 32, *fields) == {
        ("referrals_waiting", 1061.0, "D2025-12-31"),
        ("max_wait_weeks", 55.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "291", 32) == {("children", "camhs")}


def test_sentences_of_complaint_outcomes_and_response_times_are_read(con):
    """291 line 36: 'In 2024/25, 44% of Stage 1 complaints that were determined were upheld or
    partly upheld. The average response time for a Children's Services Stage 1 complaint was 26
    working days.': neither was read (too many words between the figure and 'upheld', and
    between 'response time' and 'Stage 1')."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_complaints", "291", 36, *fields) == {
        ("complaints_upheld_or_partially_upheld_pct", 44.0, "FY2024/25", "1"),
        ("complaints_avg_response_days", 26.0, "FY2024/25", "1"),
    }
    assert subjects_on(con, "fct_complaints", "291", 36) == {("children", None)}


def test_care_leavers_a_sentence_says_something_of_are_no_count_of_care_leavers(con):
    """291 line 40: '14 care leavers were living in bed and breakfast accommodation': some of
    them, not the care leavers the council supports (rule that must not fire)."""
    assert fields_on(con, "fct_placements", "291", 40, "measure", "value") == set()


# ------------------------------- 292: deferrals, and a banner above minutes dated in their title


def test_deferrals_are_resolutions_whose_status_says_deferred(con):
    """292 lines 23-36: minutes under 'People and Communities Select Committee' (printed above
    'Minutes of the Meeting Held on Wednesday 21 January 2026 ...', by the page stamp): 'The
    Select Committee RESOLVED to note ...' is that committee's, that day (it had no maker);
    'Consideration of this item was deferred to the meeting on 18 March 2026', 'DEFERRED:' over
    'That consideration of the Risk Management Update be deferred ...' and 'Resolved – that the
    item be deferred ...' are its resolutions to defer (the first two were missed, the third a
    resolution with no status)."""
    fields = ("kind", "status", "decision_maker", "decision_date")
    committee, day = "People and Communities Select Committee", date(2026, 1, 21)
    assert decisions_of(con, "292", *fields) == [
        (23, "resolution", None, committee, day),
        (27, "resolution", "deferred", committee, day),
        (31, "resolution", "deferred", committee, day),
        (36, "resolution", "deferred", committee, day),
    ]


# ------------------------------- 293: columns of a change and of other activity


def test_columns_of_a_change_and_of_other_activity_take_no_measure_from_the_caption(con):
    """293 lines 24-27: 'Table 1: Children's therapies waiting list at 31 January 2026' over
    'Service | Waiting list | Waiting over 18 weeks | Change in waiting list over 18 weeks | Seen
    year to date': the list and its long waits are theirs; the change in the long waits and the
    children seen are none of the catalogue's measures, unclassified (both were the waiting
    list: -14 children waiting, and 1,208)."""
    fields = ("measure", "value", "value_type", "period_id")
    assert fields_on(con, "fct_waiting_times", "293", 25, *fields) == {
        ("referrals_waiting", 412.0, "actual", "D2026-01-31"),
        ("waiting_over_18_weeks", 96.0, "actual", "D2026-01-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "293", 25) == {
        ("children", "speech_language_therapy")
    }
    assert sorted(u["value_text"] for u in unclassified(con, "293", 25)) == ["-14", "1,208"]


def test_a_committee_printed_in_capitals_is_named_as_it_is_written(con):
    """289 line 3: 'AUDIT COMMITTEE' on the front sheet: the committee 'Audit Committee', as its
    decisions name their maker (it was 'AUDIT COMMITTEE' in dim_committee)."""
    got = rows(
        con,
        "select c.committee_name from marts.dim_pack p join marts.dim_meeting m using (meeting_id) "
        "join marts.dim_committee c on c.committee_id = m.committee_id where p.file_name like ?",
        ["289%"],
    )
    assert [r["committee_name"] for r in got] == ["Audit Committee"]


# ------------------------------- 294: the Ombudsman's detailed investigations, money over cases


def test_upheld_among_the_ombudsmans_detailed_investigations_is_the_ombudsmans(con):
    """294 lines 15-17: 'Of the 55 decisions, 22 were detailed investigations, and 18 of these
    were upheld: an uphold rate of 82%' is the Ombudsman's (18 was the council's own upheld
    complaints; 82% was not read), of the year the letter before names ('for the year ending 31
    March 2025': 2024/25, they were dated that day); 'payments totalling £18,750 across 9
    complaints' counts the cases paid, no measure (9 was complaints received). The 55 decisions
    are the Ombudsman's too, as line 13 prints them."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "294", 15, *fields) == {
        ("ombudsman_findings", 55.0, "FY2024/25"),
        ("ombudsman_upheld", 18.0, "FY2024/25"),
        ("ombudsman_upheld_pct", 82.0, "FY2024/25"),
    }
    assert subjects_on(con, "fct_complaints", "294", 15) == {("adult", None)}
    assert fields_on(con, "fct_complaints", "294", 17, *fields) == set()


def test_issues_raised_in_complaints_are_issues_not_complaints(con):
    """294 lines 21-29: 'Table 4: Issues raised in complaints, 2024/25 (a complaint may raise more
    than one issue)': each issue's count and their total are issues (measure complaint_issues),
    not complaints received ('Total issues', 507, was a breakdown of the complaints received)."""
    fields = ("measure", "value", "period_id", "is_total", "breakdown")
    assert fields_on(con, "fct_complaints", "294", 23, *fields) == {
        ("complaint_issues", 131.0, "FY2024/25", False, "Quality of care or service")
    }
    assert fields_on(con, "fct_complaints", "294", 29, *fields) == {
        ("complaint_issues", 507.0, "FY2024/25", True, None)
    }
    assert subjects_on(con, "fct_complaints", "294", 29) == {("adult", None)}


def test_adults_waiting_for_an_assessment_are_the_adults_list(con):
    """293 line 31: 'There were 622 adults waiting for an autism assessment at 31 January 2026':
    the adults' autism assessment list (not read: 'adults' was no noun of those waiting)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "293", 31, *fields) == {
        ("referrals_waiting", 622.0, "D2026-01-31")
    }
    assert subjects_on(con, "fct_waiting_times", "293", 31) == {("adult", "autism_assessment")}


# ------------------------------- 295-298: rules of this session that must not fire (a review's)


def test_resolutions_withdrawing_or_deferring_a_part_keep_no_status(con):
    """295: 'That the Tree Management Policy (2019) be withdrawn and replaced ...', '... noting
    that item 6 was withdrawn', '... be approved, and that consideration of the car parking
    charges be deferred ...', 'the proposed library savings were not taken forward' decide
    something: no status; 'This item was deferred from the meeting held on 14 January 2026'
    notes where an item came from: no decision of its own."""
    assert decisions_of(con, "295", "kind", "status", "minute_number") == [
        (26, "resolution", None, "41"),
        (30, "resolution", None, "42"),
        (34, "resolution", None, "43"),
        (40, "resolution", None, "44"),
        (44, "resolution", None, "45"),
    ]


def test_the_top_band_of_a_wait_and_shares_of_months_keep_their_readings(con):
    """296 line 29: 'Waiting over 26 weeks' among 'Waiting under 18 weeks' and 'Waiting 18 to 26
    weeks' is a band of the list, as they are: a part of it (unclassified, as bands under a
    heading are, layout 339; it was published as a whole list), and the bands add up to the
    total; lines 78-80: '% of total' beside months of complaints received is no share at the
    last month's end (dated by the meeting, as before)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "296", 29, *fields) == set()
    assert [u["value"] for u in unclassified(con, "296", 29)] == [150.0]
    assert fields_on(con, "fct_waiting_times", "296", 30, *fields) == {
        ("referrals_waiting", 750.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_complaints", "296", 78, *fields) >= {
        ("complaints_share_pct", 30.0, "D2026-03-17")
    }
    assert findings_of(con, "296") == []


def test_sentences_of_subsets_and_other_waits_count_no_list(con):
    """297: 'the number awaiting a decision from the Ombudsman was 6', 'The number waiting over
    a year was 45', '42 care leavers at university, and 35 care leavers on Staying Put
    arrangements' count no waiting list and no care leavers supported; 'compared with 198 in the
    same period of 2023/24' is that span two years before."""
    assert fields_on(con, "fct_waiting_times", "297", 27, "measure", "value") == set()
    assert fields_on(con, "fct_waiting_times", "297", 61, "measure", "value") == set()
    assert fields_on(con, "fct_placements", "297", 41, "measure", "value") == {
        ("care_leavers_count", 310.0)
    }
    assert fields_on(
        con, "fct_placements", "297", 43, "value", "comparison_value", "comparison_period_id"
    ) == {(263.0, 198.0, "R2023-04-01/2024-03-19")}


def test_a_dated_caption_by_a_page_stamp_opens_a_table_of_its_own(con):
    """298 lines 21-36: 'Number of children looked after – 31 December 2025' and, by 'Page 4',
    'Number of children looked after – 31 March 2025' over the same header: two tables (they
    were one, the second caption taken for a running page head), each of its caption's date."""
    tables = {
        line: {f["source_table_id"] for f in facts(con, "fct_placements", "298", line)}
        | {u["source_table_id"] for u in unclassified(con, "298", line)}
        for line in (23, 32)
    }
    assert len(tables[23]) == len(tables[32]) == 1 and tables[23] != tables[32]
    # each dated by its caption's date after the dash (both were the meeting's, and a false
    # 'same figure printed with different values')
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "298", 23, *fields) == {
        ("cla_count", 612.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_placements", "298", 32, *fields) == {
        ("cla_count", 598.0, "D2025-03-31")
    }


def test_a_running_footer_above_minutes_names_no_maker(con):
    """299 lines 20-30: 'Cabinet' printed over 'Page 5' (the page's footer), then 'Minutes of the
    Meeting held on Tuesday 3 February 2026' of a body they never name: the resolution has no
    maker (it was the Cabinet's, read from the footer as a banner)."""
    assert decisions_of(con, "299", "kind", "decision_maker", "decision_date", "minute_number") == [
        (30, "resolution", None, date(2026, 2, 3), "12")
    ]


# ------------------------------- 300: outcomes still open, and what the Ombudsman decided


def test_outcomes_still_being_investigated_and_the_ombudsmans_decided_complaints(con):
    """300 lines 19 and 24: 'Still being investigated | 17 | 8%' among outcomes is the complaints
    still open (they were complaints received and a share of them); 'the Ombudsman's annual
    review letter for 2024/25 reported that it had decided 42 complaints' is the Ombudsman's
    decided cases (it was 42 complaints received)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "300", 19, *fields) == {
        ("complaints_ongoing", 17.0, "FY2024/25"),
        ("complaints_ongoing_pct", 8.0, "FY2024/25"),
    }
    assert fields_on(con, "fct_complaints", "300", 24, *fields) == {
        ("ombudsman_findings", 42.0, "FY2024/25")
    }
    assert subjects_on(con, "fct_complaints", "300", 24) == {("adult", None)}


def test_an_outcome_total_counting_cases_still_open_is_the_complaints_received(con):
    """300 line 20: 'Total | 214 | 100%' under outcomes that include 'Withdrawn' and 'Still being
    investigated' counts every complaint of the year, open ones too: the complaints received (it
    was published as 214 complaints concluded, beside outcomes adding up to 186)."""
    fields = ("measure", "value", "period_id", "is_total")
    assert fields_on(con, "fct_complaints", "300", 20, *fields) == {
        ("complaints_received", 214.0, "FY2024/25", True)
    }
    assert subjects_on(con, "fct_complaints", "300", 20) == {("adult", None)}


# ------------------------------------------- 304: a caption naming a run of days or months


def test_a_caption_naming_a_run_of_days_dates_its_table(con):
    """304 lines 19-25: 'Table 2: Adult social care complaints by outcome, 1 April to 31 December
    2025' dates its counts over those days (they were dated 31 January 2026, the as-at day of the
    heading of section 1 above); its Total beside a row still being investigated counts the
    complaints received (it was complaints concluded)."""
    span = "R2025-04-01/2025-12-31"
    fields = ("measure", "value", "period_id", "fiscal_year", "period_source")
    assert fields_on(con, "fct_complaints", "304", 21, *fields) == {
        ("complaints_upheld", 36.0, span, "2025/26", "caption")
    }
    assert fields_on(con, "fct_complaints", "304", 24, *fields) == {
        ("complaints_ongoing", 19.0, span, "2025/26", "caption")
    }
    assert fields_on(con, "fct_complaints", "304", 25, *fields, "is_total") == {
        ("complaints_received", 198.0, span, "2025/26", "caption", True)
    }
    for line in range(21, 26):
        assert subjects_on(con, "fct_complaints", "304", line) == {("adult", None)}, line


def test_a_sentence_between_two_days_counts_over_them(con):
    """304 line 17: 'Between 1 April and 31 December 2025 the service received 198 complaints, of
    which 87 were upheld or partly upheld': both counted over those days (they were dated its last
    day, 31 December 2025)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "304", 17, *fields) == {
        ("complaints_received", 198.0, "R2025-04-01/2025-12-31"),
        ("complaints_upheld_or_partially_upheld", 87.0, "R2025-04-01/2025-12-31"),
    }
    assert subjects_on(con, "fct_complaints", "304", 17) == {("adult", None)}


def test_a_caption_naming_a_quarters_months_is_that_quarter(con):
    """304 lines 31-33: 'Table 3: Compliments received, October to December 2025' is the third
    quarter of 2025/26 (its counts were dated 31 January 2026, by the heading of section 1)."""
    fields = ("measure", "value", "period_id", "service_text")
    assert fields_on(con, "fct_complaints", "304", 31, *fields) == {
        ("compliments_received", 22.0, "FY2025/26-Q3", "Reablement")
    }
    assert fields_on(con, "fct_complaints", "304", 33, *fields, "is_total") == {
        ("compliments_received", 37.0, "FY2025/26-Q3", None, True)
    }
    assert subjects_on(con, "fct_complaints", "304", 33) == {("adult", None)}


# --------------------------- 305: quadrants under a two-row header, a dash in a row of shares


def test_a_second_header_row_saying_of_which_over_18_weeks_is_that_part(con):
    """305 lines 14-22: 'Waiting list' over 'Number | Of which over 18 weeks': the Total's 441
    are those waiting over 18 weeks (they were unclassified, or the list itself when a sentence
    introduced the table)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "305", 22, *fields) == {
        ("referrals_waiting", 1018.0, "D2026-01-31"),
        ("waiting_over_18_weeks", 441.0, "D2026-01-31"),
        ("avg_wait_weeks", 17.0, "D2026-01-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "305", 22) == {("children", None)}


def test_a_quadrants_figures_are_the_quadrants_not_the_countys(con):
    """305 lines 16-22: rows under 'Quadrant' are parts of the county's area ('North East' too,
    though a region has that name): each quadrant's list, with its quadrant as district (241 was
    once the county's waiting list; North East's a comparator's; then all were left unclassified).
    West's row is broken by 'Page 15 of 62' and its rest, `<TAB>91<TAB>14`, lost its columns: 91
    and 14 are West's over 18 weeks and average wait (they were a row of no label, its 91 under
    'Number'). The Total is the county's, of no quadrant."""
    fields = ("measure", "value", "district", "period_id")
    quadrants = {
        16: ("North East", 266, 123, 19),
        17: ("Mid", 241, 98, 16),
        18: ("South", 280, 129, 20),
    }
    for line, (quadrant, waiting, over_18, average) in quadrants.items():
        assert fields_on(con, "fct_waiting_times", "305", line, *fields) == {
            ("referrals_waiting", waiting, quadrant, "D2026-01-31"),
            ("waiting_over_18_weeks", over_18, quadrant, "D2026-01-31"),
            ("avg_wait_weeks", average, quadrant, "D2026-01-31"),
        }
        assert unclassified(con, "305", line) == []
    assert fields_on(con, "fct_waiting_times", "305", 19, *fields) == {
        ("referrals_waiting", 231, "West", "D2026-01-31")
    }
    assert fields_on(con, "fct_waiting_times", "305", 21, *fields) == {
        ("waiting_over_18_weeks", 91, "West", "D2026-01-31"),
        ("avg_wait_weeks", 14, "West", "D2026-01-31"),
    }
    assert fields_on(con, "fct_waiting_times", "305", 22, *fields) == {
        ("referrals_waiting", 1018, None, "D2026-01-31"),
        ("waiting_over_18_weeks", 441, None, "D2026-01-31"),
        ("avg_wait_weeks", 17, None, "D2026-01-31"),
    }


def test_a_dash_in_a_row_of_shares_is_a_missing_share(con):
    """305 line 31: 'Care leavers aged 19-21 in touch (%) | 94% | – | 95%' under a caption of
    children looked after, its column mostly counts: the dash is the share not yet available (it
    was published as 0 children looked after)."""
    fields = ("measure", "value", "value_status", "period_id")
    assert fields_on(con, "fct_placements", "305", 31, *fields) == {
        ("care_leavers_in_touch_pct", 94.0, "printed", "D2025-06-30"),
        ("care_leavers_in_touch_pct", None, "null_token", "D2025-09-30"),
        ("care_leavers_in_touch_pct", 95.0, "printed", "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "305", 31) == {("children", None)}


# ------------------------- 306: outcomes by directorate, the Ombudsman's letter for a year


def test_the_total_column_of_outcomes_counts_complaints_concluded(con):
    """306 lines 12-19: 'Table 2: Outcome of Stage 1 complaints by directorate, 2024/25' with
    'Upheld | Partly upheld | Not upheld | Total': each Total counts the complaints given an
    outcome, as does '... the 1,410 Stage 1 complaints that had been responded to by 31 March
    2025' (all were complaints received, and the Total row was then the same figure as the
    themes table's 151: a false error)."""
    fields = ("measure", "value", "period_id", "column_name")
    assert fields_on(con, "fct_complaints", "306", 19, *fields) == {
        ("complaints_upheld", 383.0, "FY2024/25", "Upheld"),
        ("complaints_partially_upheld", 292.0, "FY2024/25", "Partly upheld"),
        ("complaints_not_upheld", 735.0, "FY2024/25", "Not upheld"),
        ("complaints_concluded", 1410.0, "FY2024/25", "Total"),
    }
    assert subjects_on(con, "fct_complaints", "306", 19) == {(None, None)}  # the whole council's
    assert ("complaints_concluded", 206.0, "FY2024/25", "Total") in fields_on(
        con, "fct_complaints", "306", 16, *fields
    )
    assert fields_on(con, "fct_complaints", "306", 12, "measure", "value") == {
        ("complaints_concluded", 1410.0)
    }
    # a sentence on 'the nature and outcome of complaints' leaves the themes' totals received
    assert fields_on(con, "fct_complaints", "306", 27, "measure", "value") == {
        ("complaints_received", 71.0),
        ("complaints_received", 80.0),
        ("complaints_received", 151.0),
    }


def test_the_ombudsmans_letter_for_the_year_ending_31_march_counts_its_complaints(con):
    """306 line 30: 'The Ombudsman's annual review letter for the year ending 31 March 2025
    recorded 187 complaints and enquiries about Hallamby City Council': the Ombudsman's enquiries
    over 2024/25 (it was the council's complaints received on 31 March 2025)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "306", 30, *fields) == {
        ("ombudsman_enquiries", 187.0, "FY2024/25")
    }
    assert subjects_on(con, "fct_complaints", "306", 30) == {(None, None)}
    # 'The Ombudsman's annual letter reported 97 decisions on complaints about the Council in
    # 2024/25': the cases it decided, not the enquiries it received
    assert ("ombudsman_findings", 97.0, "FY2024/25") in fields_on(
        con, "fct_complaints", "306", 31, *fields
    )
    assert ("ombudsman_enquiries", 97.0, "FY2024/25") not in fields_on(
        con, "fct_complaints", "306", 31, *fields
    )


# ------------------------------ 307: short numbered paragraphs of figures, a report's own day


def test_a_short_numbered_paragraph_of_figures_is_read_as_a_sentence(con):
    """307 lines 16-17: '6.<TAB>COMPLIMENTS' over '6.1<TAB>Services received 146 compliments in
    2024/25, up from 137 in 2023/24.': a paragraph (it and its heading were a table of one row,
    so neither figure was read)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "307", 17, *fields) == {
        ("compliments_received", 146.0, "FY2024/25"),
        ("compliments_received", 137.0, "FY2023/24"),
    }
    # the report is the children's services' (its title), so are its compliments
    assert subjects_on(con, "fct_complaints", "307", 17) == {("children", None)}


def test_a_report_setting_out_its_performance_at_a_day_dates_its_figures(con):
    """307 lines 11-14: 'This report sets out the performance of ... at the end of Quarter 3
    2025/26 (31 December 2025), compared with ...' dates '95% of care leavers' in touch at that
    day (it was dated by the meeting)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "307", 14, *fields) == {
        ("care_leavers_in_touch_pct", 95.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_placements", "307", 14) == {("children", None)}


# ----------------------------------------- 308: a council-wide figure printed twice, differently


def test_a_council_wide_sentence_is_checked_against_its_tables_total(con):
    """308 lines 22 and 29: 'The Council received 2,164 compliments from residents in 2024/25'
    against Table 2's 'Total | 2,146' is a finding (a sentence with no service area was never
    compared); its 1,240 complaints, the same as Table 1's Total, are none."""
    got = rows(
        con,
        "select f.source_lines, f.measure, f.period_id, f.expected_value from marts.dq_findings f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '308%' "
        "and f.check_name = 'prose_figure_disagrees_with_table'",
    )
    assert [tuple(r.values()) for r in got] == [
        ("22,29", "compliments_received", "FY2024/25", 2146.0)
    ]
    assert fields_on(con, "fct_complaints", "308", 22, "measure", "value", "period_id") == {
        ("compliments_received", 2164.0, "FY2024/25")
    }
    assert subjects_on(con, "fct_complaints", "308", 22) == {(None, None)}


# ----------------------------- 309: a column of another quantity beside the caption's measure


def test_a_column_naming_no_measure_beside_the_captions_is_no_part_of_it(con):
    """309 lines 12-21: 'Referrals received' beside 'Waiting list at month end' under 'Mental
    health referrals and waiting list', and 'Out of county' beside 'More than 20 miles from home'
    under 'Children placed out of county and more than 20 miles from home': the caption's measure
    is the named column's, the other column's figures are unclassified (they were published as
    the waiting list and the children placed over 20 miles: six false errors)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "309", 14, *fields) == {
        ("referrals_waiting", 14437.0, "D2025-12-31"),
        ("max_wait_weeks", 146.0, "D2025-12-31"),
    }
    assert [u["value"] for u in unclassified(con, "309", 14)] == [1676.0]
    assert subjects_on(con, "fct_waiting_times", "309", 14) == {("children", None)}
    assert fields_on(con, "fct_placements", "309", 21, *fields) == {
        ("cla_placed_over_20_miles", 132.0, "D2025-12-31")
    }
    assert [u["value"] for u in unclassified(con, "309", 21)] == [112.0]
    assert subjects_on(con, "fct_placements", "309", 21) == {("children", None)}
    findings = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '309%' and f.check_name not like 'council_name%'",
    )
    assert findings == []


def test_the_ombudsmans_decisions_table_and_its_letters_uphold_rate(con):
    """306 lines 32-39: 'Table 3: Decisions made by the Local Government and Social Care
    Ombudsman' counts its decisions, 'Advice given' and the Total among them (they were its
    enquiries, so the Total never met its parts); 'The Ombudsman's annual review letter ...
    shows that it upheld 74% ...' is the Ombudsman's uphold rate (it was the council's)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "306", 38, *fields) == {
        ("ombudsman_findings", 2.0, "FY2024/25")
    }
    assert fields_on(con, "fct_complaints", "306", 39, *fields) == {
        ("ombudsman_findings", 37.0, "FY2024/25")
    }
    assert subjects_on(con, "fct_complaints", "306", 39) == {(None, None)}
    assert fields_on(con, "fct_complaints", "306", 32, *fields) == {
        ("ombudsman_upheld_pct", 74.0, "FY2024/25")
    }


def test_residents_awaiting_an_assessment_are_the_waiting_list(con):
    """304 line 40: 'The Director reported that 1,142 residents were awaiting a Care Act
    assessment at the end of February 2026': the adults' waiting list (residents were not counted
    among those who wait; probe Z's Surrey minutes printed it so)."""
    assert fields_on(con, "fct_waiting_times", "304", 40, "measure", "value", "period_id") == {
        ("referrals_waiting", 1142.0, "D2026-02-28")
    }
    assert subjects_on(con, "fct_waiting_times", "304", 40) == {("adult", "care_act_assessment")}


# ------------------------------- 310: a footnote's mark in a cell, groups of a cell's count


def test_a_cells_footnote_mark_in_html_is_no_number_of_its_own(con):
    """310 line 14: `Children's homes<TAB>104<sup>1</sup><TAB>15%` is 104 children in care on 31
    December 2025 (it was cleaned to `104 1`, a value of no shape, so the cell was dropped and
    the placement types seemed not to add up to their Total of 710)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "310", 14, *fields) == {
        ("cla_count", 104.0, "D2025-12-31"),
        ("cla_share_pct", 15.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "310", 14) == {("children", None)}
    assert ("cla_count", 710.0, "D2025-12-31") in fields_on(
        con, "fct_placements", "310", 17, *fields
    )
    breakdowns = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '310%' and f.check_name not like 'council_name%'",
    )
    assert breakdowns == []


def test_a_cells_count_with_groups_in_brackets_is_kept_with_each_group(con):
    """310 lines 23 and 29: `284<br>(incl. 12 post-16)` under `Number waiting` by quadrant and
    `39 (4 custody & 7 B&B)` beside `Not in suitable accommodation` were no value of any shape,
    so dropped without trace; each count and each of its groups is now kept (the quadrant's
    list, its group unclassified; and a count of no measure the catalogue names)."""
    fields = ("measure", "value", "value_text", "district", "service_code")
    assert fields_on(con, "fct_waiting_times", "310", 23, *fields) == {
        ("referrals_waiting", 284.0, "284 (incl. 12 post-16)", "South", "autism_assessment")
    }
    south = {(u["component"], u["value"], u["value_text"]) for u in unclassified(con, "310", 23)}
    assert south == {("subgroup", 12.0, "284 (incl. 12 post-16)")}
    # the quadrants add up to their Total: 266 + 284 = 550, the children waiting
    assert fields_on(con, "fct_waiting_times", "310", 24, "measure", "value", "period_id") == {
        ("referrals_waiting", 550.0, "D2026-01-31")
    }
    # (the caption's service: the Total of a table whose rows name none is the caption's list)
    assert subjects_on(con, "fct_waiting_times", "310", 24) == {("children", "autism_assessment")}
    unsuitable = {(u["component"], u["value"]) for u in unclassified(con, "310", 29)}
    assert unsuitable == {("value", 39.0), ("subgroup", 4.0), ("subgroup_2", 7.0)}


# ------------------------------------- 311: a remedy named 'Change to ...', a table's source line


def test_a_category_named_change_to_something_is_no_change(con):
    """311 line 17: 'Change to policy or procedure<TAB>21<TAB>27' under 'Remedies arising from
    upheld and partly upheld complaints' is a remedy of its own, printed as it was (it was read
    as a change column: value type 'change' and no breakdown, so the rows lost a part)."""
    fields = ("measure", "value", "period_id", "value_type", "breakdown")
    assert fields_on(con, "fct_complaints", "311", 17, *fields) == {
        ("complaint_remedies", 21.0, "FY2023/24", "actual", "Change to policy or procedure"),
        ("complaint_remedies", 27.0, "FY2024/25", "actual", "Change to policy or procedure"),
    }
    assert subjects_on(con, "fct_complaints", "311", 17) == {(None, None)}


def test_a_tables_source_line_is_no_heading_of_the_text_after_it(con):
    """311 lines 27-29: 'Source: Tyneholm and District Partnership NHS Foundation Trust, ...'
    under the waiting list's table is no heading: the sentence after it is the council's, not a
    partner trust's section, and its 4,280 children waiting is published (it was dropped)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "311", 29, *fields) == {
        ("referrals_waiting", 4280.0, "D2026-01-31"),
        ("referrals_waiting", 4902.0, "D2025-10-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "311", 29) == {("children", None)}


def test_a_body_approving_a_count_of_things_records_no_decision(con):
    """311 line 33: '3.1<TAB>The Council approved 31 new fostering households in 2024-25' in a
    report is a figure of the fostering service, no decision (it was published as a resolution
    of the Cabinet): the pack records no decision at all."""
    got = rows(
        con,
        "select d.source_line, d.kind from marts.fct_decisions d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '311%'",
    )
    assert got == []


# ------------------------------------------ 312: a fall from a level over the same period


def test_a_level_a_fall_is_counted_from_takes_no_period_of_the_sentence_before(con):
    """312 line 13: '... was 11 weeks in January 2026, compared with 14 weeks in July 2025. The
    longest wait has fallen from 61 weeks to 52 weeks over the same period.': 52 weeks is the
    longest wait in January 2026, and 61 weeks, where it fell from, is its comparison with no day
    (61 was published as the longest wait in January 2026 too, beside 52)."""
    assert fields_on(con, "fct_waiting_times", "312", 13, "measure", "value", "period_id") == {
        ("avg_wait_weeks", 11.0, "D2026-01-31"),
        ("avg_wait_weeks", 14.0, "D2025-07-31"),
        ("max_wait_weeks", 52.0, "D2026-01-31"),
    }
    fields = ("value", "comparison_value", "comparison_period_id")
    assert fields_on(con, "fct_waiting_times", "312", 13, *fields) >= {(52.0, 61.0, None)}
    assert subjects_on(con, "fct_waiting_times", "312", 13) == {("children", None)}


# --------------------------------------------------- 313: quarter labels over each quarter's day


def test_the_day_under_each_quarters_label_dates_its_column(con):
    """313 lines 16-18: '<TAB>Q4<TAB>Q1<TAB>Q2<TAB>Q3' over 'Placement type<TAB>31 Mar 2025<TAB>30
    Jun 2025 ...': the second line heads the columns too, so Q4's 402 children are at 31 March
    2025 (the line was read as a row of no figures, and Q4 taken as the report year's: 31 March
    2026, a year late)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "313", 18, *fields) == {
        ("cla_count", 402.0, "D2025-03-31"),
        ("cla_count", 398.0, "D2025-06-30"),
        ("cla_count", 391.0, "D2025-09-30"),
        ("cla_count", 386.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "313", 18) == {("children", None)}
    assert ("cla_count", 552.0, "D2025-03-31") in fields_on(
        con, "fct_placements", "313", 21, *fields
    )


# ----------------------------- 314: a council named only in a table's column, 'Of which:' rows


def test_a_council_named_only_in_a_tables_column_is_not_the_packs(con):
    """314 line 29: 'Decision<TAB>Adult Social Care<TAB>All Council' is the only 'Council' the
    pack prints: the pack's council is not found, rather than 'Decision Adult Social Care All
    Council' (read as printed on the front sheet), and a finding says so (a pack naming no
    council had none)."""
    got = rows(
        con,
        "select council, council_resolution from marts.dim_pack where file_name like '314%'",
    )
    assert got == [{"council": None, "council_resolution": "not_found"}]
    findings = rows(
        con,
        "select f.check_name, f.source_lines from marts.dq_findings f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '314%'",
    )
    assert findings == [{"check_name": "council_name_not_found", "source_lines": None}]


def test_of_which_rows_are_parts_of_the_row_above_not_of_the_total(con):
    """314 lines 13-16: 'Adult Social Care and Health | 1,412' over 'Of which: Reablement | 633'
    and 'Of which: Shared Lives | 47' under 'Total compliments | 1,412': the rows add up without
    their parts, so no finding (two said the rows add up to 2,092 against 1,412)."""
    fields = ("measure", "value", "period_id", "breakdown")
    assert fields_on(con, "fct_complaints", "314", 14, *fields) == {
        ("compliments_received", 633.0, "FY2023/24", "Of which: Reablement"),
        ("compliments_received", 598.0, "FY2024/25", "Of which: Reablement"),
    }
    assert subjects_on(con, "fct_complaints", "314", 14) == {("adult", None)}


def test_complaints_responded_to_in_over_a_timescale_are_late(con):
    """314 line 23: 'Responded to in over 20 working days | 156 | 146' are the complaints answered
    late (they were read as complaints concluded, and their 146 as disagreeing with a total)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "314", 23, *fields) == {
        ("complaints_over_timescale", 156.0, "FY2023/24"),
        ("complaints_over_timescale", 146.0, "FY2024/25"),
    }
    assert subjects_on(con, "fct_complaints", "314", 23) == {("adult", None)}


def test_a_recommendation_slash_s_heading_leads_recommendations(con):
    """314 lines 33-37: 'RECOMMENDATION/S' over '1)<TAB>That the Committee considers ...' and
    '2)<TAB>That a further report ...': a recommendation of two items (none was read)."""
    got = rows(
        con,
        "select d.source_line, d.kind, d.n_items from marts.fct_decisions d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '314%'",
    )
    assert got == [{"source_line": 35, "kind": "recommendation", "n_items": 2}]


# ------------------------------------ 315: wordings of waits, complaints and care the seeds lacked


def test_sentences_of_waits_in_wordings_of_their_own(con):
    """315 lines 13-15: 'Waits over 104 weeks stood at 21 at 31 December 2025, compared with 35
    at 30 September 2025', '71% of children and young people referred to the service were seen
    within 18 weeks' and '940 children were waiting ..., the longest of them for 97 weeks' (none
    of these figures but the 940 was read)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "315", 13, *fields) == {
        ("waiting_over_104_weeks", 21.0, "D2025-12-31"),
        ("waiting_over_104_weeks", 35.0, "D2025-09-30"),
    }
    assert fields_on(con, "fct_waiting_times", "315", 14, *fields) == {
        ("pct_seen_within_18_weeks", 71.0, "FY2024/25")
    }
    assert fields_on(con, "fct_waiting_times", "315", 15, *fields) == {
        ("referrals_waiting", 940.0, "D2025-12-31"),
        ("max_wait_weeks", 97.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "315", 13) == {("children", None)}
    assert subjects_on(con, "fct_waiting_times", "315", 15) == {("children", "autism_assessment")}


def test_sentences_of_complaints_in_wordings_of_their_own(con):
    """315 lines 19-21: '1,530 complaints across all of its services', 'Of the complaints the
    Ombudsman investigated in 2024/25, it upheld 68% (17 of 25)' (the Ombudsman's: it was
    published as the council's uphold rate) and '64 enquiries from councillors'."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "315", 19, *fields) == {
        ("complaints_received", 1530.0, "FY2024/25")
    }
    assert fields_on(con, "fct_complaints", "315", 20, *fields) == {
        ("ombudsman_upheld_pct", 68.0, "FY2024/25"),
        ("ombudsman_upheld", 17.0, "FY2024/25"),
    }
    assert fields_on(con, "fct_complaints", "315", 21, *fields) == {
        ("councillor_enquiries", 64.0, "FY2024/25")
    }
    for line in (19, 20, 21):
        assert subjects_on(con, "fct_complaints", "315", line) == {("children", None)}, line


def test_sentences_of_children_in_care_in_wordings_of_their_own(con):
    """315 lines 25-29: 'The proportion of children looked after living in foster care was 69%
    at 31 December 2025' and 'the Council was not in touch with 18 of its care leavers aged 19 to
    21' (neither was read)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "315", 25, *fields) == {
        ("cla_foster_pct", 69.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_placements", "315", 26, *fields) == {
        ("care_leavers_not_in_touch", 18.0, "D2025-12-31")
    }
    # 'In Quarter 3 2025/26, 37 children started to be looked after': that quarter's (the
    # quarter was lost, so the whole year's)
    assert fields_on(con, "fct_placements", "315", 27, *fields) == {
        ("children_starting_care", 37.0, "FY2025/26-Q3")
    }
    # '41 children started ... and 38 ceased ..., compared with 29 starting in Quarter 3 of
    # 2024/25': the 29 says what it counts ('starting'), so it is not taken as the ceasing
    # figure's earlier value (it would have been, once its quarter was read)
    assert fields_on(con, "fct_placements", "315", 28, *fields) == {
        ("children_starting_care", 41.0, "FY2025/26-Q3"),
        ("children_ceasing_care", 38.0, "FY2025/26-Q3"),
    }
    # '52 children ceased ..., compared with 47 in Quarter 3 of 2024/25': both quarters, the 47
    # the 52's comparison of that quarter (it was the whole year, or none)
    compared = ("measure", "value", "period_id", "comparison_value", "comparison_period_id")
    assert fields_on(con, "fct_placements", "315", 29, *compared) == {
        ("children_ceasing_care", 52.0, "FY2025/26-Q3", 47.0, "FY2024/25-Q3"),
        ("children_ceasing_care", 47.0, "FY2024/25-Q3", None, None),
    }
    for line in (25, 26, 27, 28, 29):
        assert subjects_on(con, "fct_placements", "315", line) == {("children", None)}, line


# ---------------------- 316: a notice of meeting, a region with its year, an executive member


def test_a_meeting_to_be_held_on_a_day_dates_the_pack(con):
    """316 line 7: 'Meeting to be held on Thursday 5 March 2026 at 10.00 am in the Oak Room, Civic
    Centre, Hambleford' is the meeting (it was taken from the minutes' 4 December 2025 below)."""
    got = rows(
        con,
        "select m.meeting_date, m.meeting_time from marts.dim_meeting m "
        "join marts.dim_pack p using (meeting_id) where p.file_name like '316%'",
    )
    assert got == [{"meeting_date": date(2026, 3, 5), "meeting_time": "10:00"}]


def test_a_regions_column_with_its_year_is_a_comparator(con):
    """316 lines 28-30: 'Yorkshire and Humber 2024/25' beside the council's column is the region's
    (its 92% was published as the council's care leavers in touch at 31 March 2025)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "316", 30, *fields) == {
        ("care_leavers_in_touch_pct", 93.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_placements", "316", 30) == {("children", None)}
    region = [u for u in unclassified(con, "316", 30) if u["column_name"].startswith("Yorkshire")]
    assert [(u["value"], u["reason"][:21]) for u in region] == [(92.0, "a comparator's figure")]


def test_a_row_of_children_starting_care_counts_them(con):
    """316 line 34: 'Children starting care | 31 | 28 | 35' are children starting to be looked
    after each quarter (they were read as children ceasing care, the row below's measure)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "316", 34, *fields) == {
        ("children_starting_care", 31.0, "FY2025/26-Q1"),
        ("children_starting_care", 28.0, "FY2025/26-Q2"),
        ("children_starting_care", 35.0, "FY2025/26-Q3"),
    }
    assert subjects_on(con, "fct_placements", "316", 34) == {("children", None)}


def test_resolved_with_a_comma_a_deferral_agreed_and_an_executive_members_record(con):
    """316 lines 13, 17 and 43-47: 'RESOLVED, that the minutes ... be confirmed' is a resolution
    (none was read), 'The Panel agreed to defer consideration of ...' is deferred (no status), and
    a Record of Executive Decision's 'Executive Member:' names who decided (no maker)."""
    got = rows(
        con,
        "select d.source_line, d.kind, d.status, d.decision_maker, d.reference "
        "from marts.fct_decisions d join marts.dim_pack p using (pack_id) "
        "where p.file_name like '316%' order by d.source_line",
    )
    assert [tuple(r.values()) for r in got] == [
        (13, "resolution", None, "Corporate Parenting Panel", None),
        (17, "resolution", "deferred", "Corporate Parenting Panel", None),
        (
            47,
            "executive_decision",
            None,
            "Councillor Ann Priestley, Executive Member for Children and Families",
            "CS/2026/007",
        ),
    ]


# --------------------------------------- 317: a column of another threshold under a lead-in


def test_a_column_of_a_threshold_the_catalogue_lacks_is_no_part_of_the_lead_ins_measure(con):
    """317 lines 10-18: '... children waiting for an assessment decision ...' over 'Waiting |
    Waiting over 6 weeks | % over 6 weeks': the lead-in's waiting list is the 'Waiting' column's;
    the six-week column names a threshold of no catalogue measure, so its figures are left
    unclassified (they were published as the waiting list too: four false findings)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "317", 15, *fields) == {
        ("referrals_waiting", 286.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_waiting_times", "317", 18, *fields) == {
        ("referrals_waiting", 915.0, "D2025-12-31")
    }
    # (no service area: the seeds name none for SEND assessments, and the report no other)
    assert subjects_on(con, "fct_waiting_times", "317", 18) == {(None, None)}
    assert [u["value"] for u in unclassified(con, "317", 15)] == [39.2, 112.0]
    findings = rows(
        con,
        "select f.check_name from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '317%' and f.check_name not like 'council_name%'",
    )
    assert findings == []


def test_the_ombudsmans_letter_that_records_complaints_counts_its_enquiries(con):
    """311 line 37: '... Ombudsman's annual review letter for the year ending 31 March 2025
    records 58 complaints and enquiries received about the council': the Ombudsman's (they were
    the council's complaints received: 'recorded' was read, 'records' not)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "311", 37, *fields) == {
        ("ombudsman_enquiries", 58.0, "FY2024/25")
    }
    assert subjects_on(con, "fct_complaints", "311", 37) == {(None, None)}


# ------------------------------------- 318: a year-to-date column under a quarters' caption


def test_a_year_to_date_column_under_a_caption_of_quarters_counts_from_the_years_start(con):
    """318 lines 11-15: 'YTD' beside 'Q1 | Q2 | Q3' under 'Complaints received by directorate,
    Q1-Q3 2025/26' counts from 1 April 2025 to the end of Q3 (it took the caption's Q3, so 340
    and 122 were one figure's two values)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "318", 13, *fields) == {
        ("complaints_received", 101.0, "FY2025/26-Q1"),
        ("complaints_received", 117.0, "FY2025/26-Q2"),
        ("complaints_received", 122.0, "FY2025/26-Q3"),
        ("complaints_received", 340.0, "R2025-04-01/2025-12-31"),
    }
    assert subjects_on(con, "fct_complaints", "318", 13) == {("adult", None)}
    assert ("complaints_received", 598.0, "R2025-04-01/2025-12-31") in fields_on(
        con, "fct_complaints", "318", 15, *fields
    )


# -------------------------- 319: the Ombudsman's decisions, an All Council column, stage columns


def findings_of(con, pack: str) -> list[tuple]:
    """(check, source lines) of a pack's findings, less the register's council notes."""
    got = rows(
        con,
        "select f.check_name, f.source_lines from marts.dq_findings f "
        "join marts.dim_pack p using (pack_id) where p.file_name like ? "
        "and f.check_name not like 'council_name%' order by 1, 2",
        [f"{pack}%"],
    )
    return [(r["check_name"], r["source_lines"]) for r in got]


def test_the_ombudsmans_decisions_by_kind_and_their_total_are_its_findings(con):
    """319 lines 24-30: under 'Table 2 - Ombudsman decisions, 2024/25' the rows 'Advice given'
    and 'Total' count the Ombudsman's decisions, as 'Not upheld' and 'Closed after initial
    enquiries' do (they were its enquiries: a total of 17 decisions read as 17 enquiries)."""
    fields = ("measure", "value", "period_id", "is_total")
    assert fields_on(con, "fct_complaints", "319", 28, *fields) == {
        ("ombudsman_findings", 2.0, "FY2024/25", False),
        ("ombudsman_findings", 4.0, "FY2024/25", False),
    }
    assert fields_on(con, "fct_complaints", "319", 30, *fields) == {
        ("ombudsman_findings", 7.0, "FY2024/25", True),
        ("ombudsman_findings", 17.0, "FY2024/25", True),
    }


def test_an_all_council_column_is_the_whole_councils_not_the_services_beside_it(con):
    """319 line 26: 'Upheld | 3 | 7' under 'Decision | Adult Social Care | All Council': 7 is the
    whole council's, of no service area (it took adult social care's, the column beside it,
    with 'All Council' as its breakdown)."""
    got = rows(
        con,
        "select f.value, f.service_area, f.breakdown from marts.fct_complaints f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '319%' "
        "and f.source_line = 26 order by f.value",
    )
    assert got == [
        {"value": 3.0, "service_area": "adult", "breakdown": "Upheld"},
        {"value": 7.0, "service_area": None, "breakdown": "Upheld"},
    ]


def test_the_housing_ombudsmans_determinations_are_apart_from_the_lgscos_decisions(con):
    """319 lines 35-39: 'Table 3: Housing Ombudsman determinations' totals 7 findings in 2024/25,
    as the LGSCO's decisions for adult social care do (line 30): they carry the segment
    housing_ombudsman, so neither is a printing of the other."""
    fields = ("measure", "value", "period_id", "segment", "is_total")
    assert fields_on(con, "fct_complaints", "319", 39, *fields) == {
        ("ombudsman_findings", 7.0, "FY2024/25", "housing_ombudsman", True)
    }
    assert fields_on(con, "fct_complaints", "319", 37, "segment", "breakdown") == {
        ("housing_ombudsman", "Maladministration")
    }


def test_the_lgsco_letter_without_a_possessive_counts_its_enquiries_and_decisions(con):
    """319 line 22: 'The LGSCO annual review letter for 2024/25 recorded 19 complaints and
    enquiries received about the council and 17 decisions made': 19 of the Ombudsman's
    enquiries and 17 of its decisions (19 was the council's complaints received, 17 not read)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "319", 22, *fields) == {
        ("ombudsman_enquiries", 19.0, "FY2024/25"),
        ("ombudsman_findings", 17.0, "FY2024/25"),
    }


def test_a_percentage_in_time_is_checked_against_its_own_stages_received(con):
    """319 lines 15-19: 'Stage 1 | Received | Responded in time (%)' beside 'Stage 2 | Received':
    '660 (81%)' is 660 of stage 1's 811, so no finding (three said 660 / 37 = 1783.78%, stage
    2's received); the figures keep their stage."""
    fields = ("measure", "value", "stage")
    assert fields_on(con, "fct_complaints", "319", 18, *fields) == {
        ("complaints_received", 811.0, "1"),
        ("complaints_in_timescale", 660.0, "1"),
        ("complaints_in_timescale_pct", 81.0, "1"),
        ("complaints_received", 37.0, "2"),
        ("complaints_upheld", 14.0, "2"),
    }
    assert [f for f in findings_of(con, "319") if f[0] == "percentage_matches_counts"] == []


def test_a_sub_team_and_age_bands_after_a_dash_are_figures_of_their_own(con):
    """319 lines 43-49: 'Community CAMHS' and 'Learning disabilities (CAMHS LD team)' are two
    rows of one table, both CAMHS: two figures, not one printed twice (three false findings);
    'Autism assessment - under 5s' and '... - 5 to 18' are the age bands of autism assessment
    (they had none, so 212 and 1,380 were one figure's two values)."""
    fields = ("measure", "value", "service_code", "age_band")
    assert fields_on(con, "fct_waiting_times", "319", 47, *fields) == {
        ("referrals_waiting", 212.0, "autism_assessment", "under 5s"),
        ("median_wait_weeks", 36.0, "autism_assessment", "under 5s"),
    }
    assert ("referrals_waiting", 1380.0, "autism_assessment", "5 to 18") in fields_on(
        con, "fct_waiting_times", "319", 48, *fields
    )
    assert ("referrals_waiting", 58.0, "camhs", None) in fields_on(
        con, "fct_waiting_times", "319", 46, *fields
    )
    assert findings_of(con, "319") == []


def test_all_care_leavers_with_their_ages_and_three_plus_placement_moves(con):
    """319 lines 53-56: 'All care leavers (18-25)' counts the care leavers of that age band, and
    'Children with 3+ placement moves in last 12 months' is short-term stability, each at the
    end of its quarter (both were unclassified: 'All' and the bracketed ages, '3+ ... moves')."""
    fields = ("measure", "value", "period_id", "age_band")
    assert fields_on(con, "fct_placements", "319", 55, *fields) == {
        ("care_leavers_count", 1210.0, "D2025-09-30", "18-25"),
        ("care_leavers_count", 1236.0, "D2025-12-31", "18-25"),
    }
    assert fields_on(con, "fct_placements", "319", 56, *fields) == {
        ("cla_three_or_more_placements_pct", 9.8, "D2025-09-30", None),
        ("cla_three_or_more_placements_pct", 10.1, "D2025-12-31", None),
    }


# -------------------- 320: meeting fields, a contact block over a report, decisions in a report


def test_meeting_date_time_and_venue_fields_give_the_meeting(con):
    """320 lines 5-11: 'Meeting date: Thursday, 5 February 2026', 'Meeting time: 4.00 pm',
    'Meeting venue: Committee Room 2, ...' (the time and venue were not read)."""
    got = rows(
        con,
        "select m.meeting_date, m.meeting_time, m.venue from marts.dim_meeting m "
        "join marts.dim_pack p on list_contains(m.pack_ids, p.pack_id) "
        "where p.file_name like '320%'",
    )
    assert got == [
        {
            "meeting_date": date(2026, 2, 5),
            "meeting_time": "16:00",
            "venue": "Committee Room 2, Civic Centre, Market Street",
        }
    ]


def test_a_contact_block_under_a_stamp_stands_over_its_report(con):
    """320 lines 19-29: 'Agenda Item 3', then 'Report author: ...' and 'Tel: ...' over the
    report's title and its 'Report of:' / 'Report to:' fields: one report, titled by its title
    (the contact lines opened an appendix titled 'Tel: 01632 960 118', the report after it
    titled by a footnote). The record of decision after the next page stamp (line 48) is a
    document of its own, titled by its 'Subject:'."""
    assert documents_of(con, "320") == [
        {"kind": "agenda", "title": "Agenda front sheet", "first_line": 1, "last_line": 20},
        {
            "kind": "report",
            "title": "Complaints and Waiting Times Update",
            "first_line": 21,
            "last_line": 47,
        },
        {
            "kind": "report",
            "title": "Short breaks for disabled children",
            "first_line": 48,
            "last_line": 58,
        },
    ]


def test_a_footnote_mark_opening_a_line_is_no_count(con):
    """320 line 36: '<sup>2</sup> Complaints about the council's housing company are excluded.'
    is a footnote: its mark is no figure (it was 2 complaints received)."""
    assert fields_on(con, "fct_complaints", "320", 36, "measure", "value") == set()
    assert fields_on(con, "fct_complaints", "320", 35, "measure", "value") == {
        ("complaints_received", 318.0)
    }


def test_decisions_an_extract_of_minutes_numbered_recommendations_and_a_members_record(con):
    """320: '2.1 Minute 34/25 - Home to School Transport: RESOLVED that ...' (line 39) is a
    resolution; 'the Commission AGREED the following recommendations:' over 'R1. That ...' and
    'R2. That ...' (line 42) is a recommendation of two items; 'As Cabinet Member for Children's
    Services, I agree to:' over 'a) APPROVE ...' and 'b) DELEGATE ...' (line 53) is a
    resolution of two items, taken by that member (none of them was read)."""
    assert decisions_of(con, "320", "kind", "n_items", "decision_maker") == [
        (39, "resolution", 0, None),
        (42, "recommendation", 2, None),
        (53, "resolution", 2, "Cabinet Member for Children's Services"),
    ]


# -------- 321: a meeting under its headings' row, themes upheld or partly, an Ombudsman quote


def test_a_meeting_printed_under_a_row_of_headings(con):
    """321 lines 3-6: 'Date & time | Place | Contact | Chief Executive' over the meeting's cells:
    the committee is the line above (it was the row of headings, 'Chief Executive' naming a
    body), and the venue the 'Place' cell (it had none)."""
    got = rows(
        con,
        "select c.committee_name, m.meeting_date, m.meeting_time, m.venue from marts.dim_meeting m "
        "join marts.dim_committee c using (committee_id) "
        "join marts.dim_pack p on list_contains(m.pack_ids, p.pack_id) "
        "where p.file_name like '321%'",
    )
    assert got == [
        {
            "committee_name": "Resources and Performance Select Committee",
            "meeting_date": date(2026, 2, 19),
            "meeting_time": "10:30",
            "venue": "Council Chamber, County Offices, Fenwick Road, Ashcombe",
        }
    ]


def test_the_total_of_themes_of_upheld_and_partly_upheld_complaints_counts_them(con):
    """321 lines 24-28: 'Main themes of upheld and partly upheld complaints' over 'Upheld |
    Partly upheld | Total': the Total column counts the complaints upheld in whole or in part
    (167 = 71 + 96), not the complaints received (it was; and 286, a false 'same figure' beside
    the 842 received of line 22)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "321", 26, *fields) == {
        ("complaints_upheld", 71.0, "FY2024/25"),
        ("complaints_partially_upheld", 96.0, "FY2024/25"),
        ("complaints_upheld_or_partially_upheld", 167.0, "FY2024/25"),
    }
    assert ("complaints_upheld_or_partially_upheld", 286.0, "FY2024/25") in fields_on(
        con, "fct_complaints", "321", 28, *fields
    )


def test_similar_authorities_in_brackets_and_the_ombudsmans_we_upheld(con):
    """321 lines 35 and 37: 'Average upheld rate (similar authorities) | 81% | 84%' is a
    comparator's (it was the Ombudsman's rate for the council); the letter's own words 'we
    upheld 82% of complaints we investigated' are the Ombudsman's uphold rate (it was the
    council's)."""
    assert fields_on(con, "fct_complaints", "321", 35, "measure", "value") == set()
    assert {u["value"] for u in unclassified(con, "321", 35)} == {81.0, 84.0}
    assert fields_on(con, "fct_complaints", "321", 37, "measure", "value", "period_id") == {
        ("ombudsman_upheld_pct", 82.0, "FY2024/25")
    }


def test_an_age_band_in_years_and_over_and_a_footnote_letter(con):
    """321 lines 43 and 48: '16 years and over' is an age band (it was a breakdown);
    'Residential children's home - external<sup>a</sup>' is the placement type without its
    footnote's letter (it read 'externala')."""
    fields = ("measure", "value", "age_band", "breakdown")
    assert fields_on(con, "fct_placements", "321", 43, *fields) == {
        ("cla_count", 176.0, "16 years and over", None)
    }
    assert fields_on(con, "fct_placements", "321", 48, *fields) == {
        ("cla_count", 58.0, None, "Residential children's home - external")
    }


# ------------- 322: a summons, documents told by their page stamps, a record of decision's keys


def test_a_summons_sentence_is_not_the_committee(con):
    """322 lines 5-7: 'All Members of the Children and Young People Scrutiny Commission are
    requested to attend ...:' stands between the committee's name and the date: the committee
    is the name (it was the sentence)."""
    got = rows(
        con,
        "select c.committee_name from marts.dim_meeting m "
        "join marts.dim_committee c using (committee_id) "
        "join marts.dim_pack p on list_contains(m.pack_ids, p.pack_id) "
        "where p.file_name like '322%'",
    )
    assert got == [{"committee_name": "Children and Young People Scrutiny Commission"}]


def test_titles_by_page_stamps_open_their_documents(con):
    """322: minutes under a 'SCRUTINY COMMISSION' banner (line 21), a report's title over
    'Report of the Director ...' by a page stamp (lines 28, 42), 'EXTRACT FROM THE MINUTES OF
    CABINET, 19 January 2026' (line 58) and a record of decision (line 64) open their own
    documents (all ran on in the minutes of the meeting before, dated by it)."""
    assert [(d["kind"], d["title"], d["first_line"]) for d in documents_of(con, "322")] == [
        ("agenda", "Agenda front sheet", 1),
        ("minutes", "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMISSION 11 February 2026", 19),
        ("report", "CHILDREN'S MENTAL HEALTH: ACCESS AND WAITING TIMES", 28),
        ("report", "CHILDREN'S SOCIAL CARE: QUARTER 3 2025/26 PERFORMANCE", 42),
        ("minutes", "EXTRACT FROM THE MINUTES OF CABINET, 19 January 2026", 58),
        ("report", "WENDLEBURY COUNCIL - PROPOSED RECORD OF DECISION", 64),
    ]


def test_a_cabinet_extracts_resolution_is_cabinets_of_its_day(con):
    """322 line 60: under 'EXTRACT FROM THE MINUTES OF CABINET, 19 January 2026' the
    resolution is Cabinet's of 19 January 2026 (it was the scrutiny commission's, of its
    meeting of 11 February)."""
    assert decisions_of(con, "322", "decision_maker", "decision_date")[1] == (
        60,
        "Cabinet",
        date(2026, 1, 19),
    )


def test_a_record_of_decision_with_its_keys_over_their_values(con):
    """322 lines 64-77: 'DECISION NO:' over '26/00014' and 'Title of Decision: Short breaks
    framework' give the member's decision its reference and title (the keys over their values
    were not read)."""
    got = rows(
        con,
        "select f.source_line, f.kind, f.reference, f.title, f.n_items from marts.fct_decisions f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '322%' "
        "and f.source_line = 75",
    )
    assert got == [
        {
            "source_line": 75,
            "kind": "resolution",
            "reference": "26/00014",
            "title": "Short breaks framework",
            "n_items": 2,
        }
    ]


def test_complaints_by_service_rows_of_care_services_stay_complaints(con):
    """322 lines 49-54: 'Complaints by service area' whose rows name 'Corporate Parenting
    (looked after children)' and 'Leaving Care': complaints received by stage (the table was
    read as children in care: 'Leaving Care' children ceasing care, the rest unclassified)."""
    fields = ("measure", "value", "stage", "period_id")
    assert fields_on(con, "fct_complaints", "322", 53, *fields) == {
        ("complaints_received", 9.0, "1", "FY2025/26-Q3"),
        ("complaints_received", 1.0, "2", "FY2025/26-Q3"),
    }
    assert fields_on(con, "fct_placements", "322", 53, "measure", "value") == set()


def test_a_list_named_between_on_the_and_waiting_list_and_a_bare_change_column(con):
    """322 lines 32 and 36-37: '1,874 children and young people on the Wendlebury
    neurodevelopmental waiting list, down from 2,104 in September 2025' are the list at the end
    of December and September (neither was read); '-143' in a bare 'Change' column right of
    'Sep 2025 | Dec 2025' is the change to 31 December 2025 (it took no date of its own), of the
    row's autism pathway."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "322", 32, *fields) == {
        ("referrals_waiting", 1874.0, "D2025-12-31", "neurodevelopmental_pathway"),
        ("referrals_waiting", 2104.0, "D2025-09-30", "neurodevelopmental_pathway"),
    }
    assert ("referrals_waiting", -143.0, "D2025-12-31", "autism_assessment") in fields_on(
        con, "fct_waiting_times", "322", 37, *fields
    )


# ------------------- 323: a select committee's resolution, a forward plan, a provisional figure


def test_a_select_committees_resolution_with_roman_items_and_minutes_agreed(con):
    """323 lines 15-23: 'RESOLVED:' over 'The minutes were agreed as a true record of the
    meeting.' is a resolution (it was missed), and 'RESOLVED:' / 'The Select Committee:' /
    'i.<TAB>Notes ...' / 'ii.<TAB>Recommends ...' one of two items (the second item was a table
    row, the lead-in no body: the decision had one item)."""
    assert decisions_of(con, "323", "kind", "n_items")[:2] == [
        (17, "resolution", 0),
        (20, "resolution", 2),
    ]


def test_a_forward_plans_references_makers_and_bracketed_asides(con):
    """323 lines 28-31: 'AH S412' is the item's reference (a code and a number apart were read
    as none); 'Cabinet<br>Council' names two makers one after the other (it read 'Cabinet
    Council'); '... day centre<br>(statutory consultation)' is one text (its bracketed aside
    was the text, the rest a title)."""
    got = rows(
        con,
        "select f.source_line, f.reference, f.decision_maker, f.title, f.decision_text "
        "from marts.fct_decisions f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '323%' and f.kind = 'forward_plan_item' order by f.source_line",
    )
    assert [(r["source_line"], r["reference"], r["decision_maker"]) for r in got] == [
        (29, "AH S412", "Cabinet"),
        (30, "AH S418", "Cabinet Member for Adult Social Care"),
        (31, "AH S421", "Cabinet / Council"),
    ]
    assert (got[1]["title"], got[1]["decision_text"]) == (
        None,
        "Closure of the Elm Road day centre (statutory consultation)",
    )


def test_a_figure_marked_provisional_keeps_its_value(con):
    """323 line 38: '15<br>(provisional)' under 'Median wait (weeks)' is a median of 15 weeks at
    the end of December (the cell was no value at all)."""
    assert fields_on(con, "fct_waiting_times", "323", 38, "measure", "value", "period_id") == {
        ("referrals_waiting", 642.0, "D2025-12-31"),
        ("median_wait_weeks", 15.0, "D2025-12-31"),
    }


# --------------- 324: a report of keys over their values, upheld fully or partly, a decision notice


def test_report_to_alone_over_its_committee_opens_a_report(con):
    """324: 'Report to:' alone over 'People Scrutiny Committee', then 'Title:' over the title
    (line 25), a body's 'WORK PROGRAMME' (line 54) and a 'DECISION NOTICE' (line 67) each open
    a document (all ran on in the minutes before them)."""
    assert [(d["kind"], d["title"], d["first_line"]) for d in documents_of(con, "324")] == [
        ("agenda", "Agenda front sheet", 1),
        (
            "minutes",
            "Minutes of the Meeting held on Thursday, 15 January 2026 at 10.00 am in the Council "
            "Chamber, County Hall",
            16,
        ),
        ("report", "Adult Social Care Complaints and Compliments Annual Report 2024/25", 25),
        ("report", "PEOPLE SCRUTINY COMMITTEE - WORK PROGRAMME", 54),
        ("report", "Proposed changes to Family Hub opening hours", 67),
    ]


def test_minutes_titled_by_their_meeting_alone_and_a_decision_notice(con):
    """324 lines 16-21 and 67-79: 'Minutes of the Meeting held on Thursday, 15 January 2026 ...'
    name no body, nor does a banner: the resolution is of that day with no maker (none is
    guessed, as layout 299 says); the Lead Member's notice, a document of its own now, keeps its
    own maker and day."""
    assert decisions_of(con, "324", "decision_maker", "decision_date") == [
        (21, None, date(2026, 1, 15)),
        (79, "Lead Member for Children and Families", date(2026, 2, 23)),
    ]


def test_complaints_upheld_fully_or_partly_and_a_comparator_without_a_separator(con):
    """324 lines 39 and 45: 'Complaints upheld (fully or partly)' counts those upheld in whole
    or in part (it was the upheld alone); 'Average uphold rate similar authorities' is a
    comparator's (it was the Ombudsman's rate for the council). Line 34's 'The Department
    received 503 complaints' names no part of the service (it was a breakdown 'The
    Department')."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "324", 39, *fields) == {
        ("complaints_upheld_or_partially_upheld", 221.0, "FY2023/24"),
        ("complaints_upheld_or_partially_upheld", 262.0, "FY2024/25"),
    }
    assert fields_on(con, "fct_complaints", "324", 45, *fields) == set()
    assert {u["value"] for u in unclassified(con, "324", 45)} == {73.0, 85.0}
    assert fields_on(con, "fct_complaints", "324", 34, "measure", "value", "breakdown") == {
        ("complaints_received", 503.0, None)
    }


def test_a_lead_figure_that_is_its_upheld_and_partly_upheld_parts_together(con):
    """324 lines 48-50: under 'Upheld<br>(U = upheld, PU = partly upheld)' (a column counting
    both), '61 (22U & 39PU)' is 61 complaints upheld in whole or in part, 22 upheld and 39 partly
    upheld (61 was the partly upheld, the legend's last words naming the column, and 39 no
    fact); '9 (1U & 8PU)' likewise."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "324", 50, *fields) == {
        ("complaints_received", 118.0, "FY2024/25"),
        ("complaints_upheld_or_partially_upheld", 61.0, "FY2024/25"),
        ("complaints_upheld", 22.0, "FY2024/25"),
        ("complaints_partially_upheld", 39.0, "FY2024/25"),
    }
    assert subjects_on(con, "fct_complaints", "324", 50) == {("adult", None)}


# ------------------------- 325: a report header of keys alone, pathways with their age bands


def test_a_report_header_of_keys_alone_over_their_values(con):
    """325 lines 15-22: 'DECISION-MAKER:' / body / 'SUBJECT:' / title / 'DATE OF DECISION:' /
    date / 'REPORT OF:' / officer is one report's header, the report titled by its subject
    (all ran on in the front sheet)."""
    assert [(d["kind"], d["title"], d["first_line"]) for d in documents_of(con, "325")] == [
        ("agenda", "Agenda front sheet", 1),
        ("report", "CHILDREN'S NEURODEVELOPMENTAL WAITING TIMES", 15),
    ]


def test_autism_and_adhd_rows_with_their_age_bands_name_their_pathways(con):
    """325 lines 28-30: 'Autism (ASD) - under 5s' and 'ADHD - 5 to 11' are the autism and ADHD
    pathways of those ages (they had no service and no age band: one figure's three values)."""
    fields = ("measure", "value", "service_code", "age_band")
    assert fields_on(con, "fct_waiting_times", "325", 28, *fields) == {
        ("referrals_waiting", 426.0, "autism_assessment", "under 5s"),
        ("max_wait_weeks", 81.0, "autism_assessment", "under 5s"),
    }
    assert ("referrals_waiting", 804.0, "adhd_assessment", "5 to 11") in fields_on(
        con, "fct_waiting_times", "325", 30, *fields
    )


# ------------- 326: a decision record, a decisions tracker and a work programme by page stamps


def test_a_decision_record_a_tracker_and_a_work_programme_open_their_documents(con):
    """326: a report's title over 'Report of the Director ...' straight after the front sheet
    (line 16), 'CABINET MEMBER DECISION RECORD' (line 24, titled by its 'Subject:'), 'TRACKING
    DECISIONS' (line 37) and 'Work Programme 2025/26' (line 46), each by a page stamp, open
    documents of their own (all ran on in the front sheet)."""
    assert [(d["kind"], d["title"], d["first_line"]) for d in documents_of(con, "326")] == [
        ("agenda", "Agenda front sheet", 1),
        ("report", "CHILDREN LOOKED AFTER UPDATE: QUARTER 3 2025/26", 16),
        ("report", "Award of contract for supported accommodation", 24),
        ("report", "TRACKING DECISIONS", 37),
        ("report", "Work Programme 2025/26", 46),
    ]


# --------------- 327: bands of waits in a text column, reports opened by banners and blocks


def test_bands_of_waits_in_a_text_column_are_parts_of_the_list(con):
    """327 lines 28-31: 'Service | Weeks waited | Sep-25 | Dec-25' with rows 'Speech and
    language therapy | 0-18 weeks', '| 19-52 weeks', '| Total': only the total is the waiting
    list (each band was published as the list too: three values of one figure, two false
    findings); the bands are left for dq_unclassified_values."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "327", 29, *fields) == set()
    assert fields_on(con, "fct_waiting_times", "327", 31, *fields) == {
        ("referrals_waiting", 713.0, "D2025-09-30", "speech_language_therapy"),
        ("referrals_waiting", 665.0, "D2025-12-31", "speech_language_therapy"),
    }
    assert {u["value"] for u in unclassified(con, "327", 29)} == {402.0, 377.0}


def test_a_banner_over_report_of_and_a_report_to_block_open_reports(con):
    """327: 'HEALTH SCRUTINY PANEL' / '29 JANUARY 2026' by a page stamp, over the title and
    'Report of:' (line 15), and 'Report to Health Scrutiny Panel' over 'Date:' and 'Title:'
    (line 35), open reports titled by their titles (the first opened at 'Report of:', titled
    '1. Purpose of report'; the second ran on in it)."""
    assert [(d["kind"], d["title"], d["first_line"]) for d in documents_of(con, "327")] == [
        ("agenda", "Agenda front sheet", 1),
        ("report", "CHILDREN'S THERAPY SERVICES WAITING TIMES", 15),
        ("report", "Children in Care - Quarter 3 2025/26", 35),
    ]


def test_a_scorecard_of_reference_codes_and_children_in_care_in_abbreviations(con):
    """328 lines 13-16: 'Ref | Indicator | Q2 2025/26 | Q3 2025/26 | Target' with rows 'CSC9 |
    Children looked after (number)', 'CSC10 | Rate of CLA per 10,000 children 0-17', 'CSC12 |
    CLA in foster placements (%)' and 'CSC13 | Children in care 2.5 years+, same placement 2
    years+ (%)': the reference code is no part of the label, '(number)' ends a count, CLA is
    children looked after and '2 years+' is placement stability (the count and the foster share
    were left unclassified)."""
    fields = ("measure", "value", "value_type", "period_id")
    assert fields_on(con, "fct_placements", "328", 13, *fields) == {
        ("cla_count", 531.0, "actual", "D2025-09-30"),
        ("cla_count", 544.0, "actual", "D2025-12-31"),
    }
    assert fields_on(con, "fct_placements", "328", 14, *fields) == {
        ("cla_rate_per_10000", 44.3, "actual", "D2025-09-30"),
        ("cla_rate_per_10000", 45.3, "actual", "D2025-12-31"),
    }
    assert {f[:3] for f in fields_on(con, "fct_placements", "328", 15, *fields)} == {
        ("cla_foster_pct", 63.0, "actual"),
        ("cla_foster_pct", 62.0, "actual"),
        ("cla_foster_pct", 70.0, "target"),
    }
    assert {f[:3] for f in fields_on(con, "fct_placements", "328", 16, *fields)} == {
        ("placement_stability_pct", 68.0, "actual"),
        ("placement_stability_pct", 71.0, "actual"),
        ("placement_stability_pct", 70.0, "target"),
    }
    # a children's services scorecard: every figure is children's social care's
    for line in (13, 14, 15, 16):
        assert subjects_on(con, "fct_placements", "328", line) == {("children", None)}, line


def test_a_caption_under_its_paragraph_number_names_its_measure(con):
    """329 lines 15-23: '3.5 Children in care by age band at 31 December 2025:' over 'Age band |
    Number | %' and 'Under 1 | 21 | (4%)' ... 'Total | 468 | (100%)': the paragraph number is no
    part of the caption, so the children in care are counted, by age band, at 31 December 2025
    (every figure was left unclassified)."""
    fields = ("measure", "value", "period_id", "age_band")
    assert fields_on(con, "fct_placements", "329", 18, *fields) == {
        ("cla_count", 21.0, "D2025-12-31", "Under 1")
    }
    assert fields_on(con, "fct_placements", "329", 21, *fields) == {
        ("cla_count", 179.0, "D2025-12-31", "10-15")
    }
    assert fields_on(con, "fct_placements", "329", 23, *fields) == {
        ("cla_count", 468.0, "D2025-12-31", None)
    }
    for line in (18, 21, 23):
        assert subjects_on(con, "fct_placements", "329", line) == {("children", None)}, line


def test_contacts_received_in_a_childrens_scorecard_are_no_complaints_feedback(con):
    """330 lines 13-16: a scorecard with rows 'CS1 | Contacts received (number)', 'CS8 | Children
    looked after (number)' and 'CS9 | Complaints received - children's social care (number)':
    the contacts are those of children's social care's front door, no feedback (they were
    published as feedback_total, the umbrella a caption of 'contacts dealt with' names), and are
    left unclassified; the complaints and the children in care are still read."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "330", 13, *fields) == set()
    assert {u["value"] for u in unclassified(con, "330", 13)} == {5420.0, 5611.0, 5377.0}
    cla = fields_on(con, "fct_placements", "330", 15, *fields)
    assert ("cla_count", 415.0, "D2025-12-31") in cla
    assert ("complaints_received", 57.0, "FY2025/26-Q3") in fields_on(
        con, "fct_complaints", "330", 16, *fields
    )
    assert subjects_on(con, "fct_complaints", "330", 16) == {("children", None)}


def test_a_year_to_date_row_under_rows_of_quarters_runs_to_the_latest_quarter(con):
    """331 lines 17-20: rows 'Q1 2025/26' ... 'Q3 2025/26' of complaints by stage, then 'Year to
    date | 152 | 15 | 4': the year so far, 1 April to 31 December 2025, the end of the table's
    latest quarter (it was dated as the whole year 2025/26, as if the year were over)."""
    fields = ("measure", "stage", "value", "period_id", "period_type")
    assert fields_on(con, "fct_complaints", "331", 20, *fields) == {
        ("complaints_received", "1", 152.0, "R2025-04-01/2025-12-31", "to_date"),
        ("complaints_received", "2", 15.0, "R2025-04-01/2025-12-31", "to_date"),
        ("complaints_received", "3", 4.0, "R2025-04-01/2025-12-31", "to_date"),
    }
    assert ("complaints_received", "1", 57.0, "FY2025/26-Q3", "fiscal_quarter") in fields_on(
        con, "fct_complaints", "331", 19, *fields
    )
    # complaints received by Children's Services (the report's purpose)
    assert subjects_on(con, "fct_complaints", "331", 20) == {("children", None)}


def test_an_agendas_entries_on_interests_and_minutes_are_no_decision_nor_minutes(con):
    """332 lines 17 and 21: the agenda's 'Members are asked to consider any Pecuniary Interests
    ... they may have to declare' was published as a recommendation, and its entry 'Minutes of
    the meeting of the Corporate Parenting Panel held on 18 November 2025, as circulated, to be
    confirmed ...' opened a minutes document of its own (titled by that sentence) before the
    minutes themselves. The agenda runs to its blank page; the minutes open under their stamp."""
    assert [(d["kind"], d["first_line"]) for d in documents_of(con, "332")] == [
        ("agenda", 1),
        ("minutes", 27),
        ("report", 44),
    ]
    assert [line for line, _ in decisions_of(con, "332")] == [36, 40, 58]


def test_a_minute_heading_ending_with_a_full_stop_heads_its_resolution(con):
    """332 lines 35-40: '23. Minutes.' and '24. Children in Care Update.' each over its
    RESOLVED: the resolutions are minutes 23 and 24 of those titles (their subject was the
    minutes' title, their number none), made by the panel on the minutes' day."""
    assert decisions_of(con, "332", "kind", "minute_number", "subject", "decision_date") == [
        (36, "resolution", "23", "Minutes", date(2025, 11, 18)),
        (40, "resolution", "24", "Children in Care Update", date(2025, 11, 18)),
        (58, "recommendation", None, "CHILDREN IN CARE UPDATE - QUARTER 3 2025/26", None),
    ]
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "332", 53, *fields) == {
        ("cla_count", 418.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_placements", "332", 53) == {("children", None)}


def test_children_in_care_in_a_setting_named_in_a_sentence_are_no_count_of_all(con):
    """333 lines 16-19: 'The number of children looked after in residential placements was 41'
    and 'There were 41 children in care in residential settings and 228 children in care living
    with foster carers' were each published as the number of all children in care (41 and 228
    beside the 356 of the sentences around them): words naming where they live make them a part
    (seed prose_measure_patterns, unless_pattern), left unread. The whole, '356 children in our
    care, of whom 41 ...' and 'The total number of children looked after was 356', is still read."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "333", 16, *fields) == {
        ("cla_count", 356.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_placements", "333", 17, *fields) == set()
    assert fields_on(con, "fct_placements", "333", 18, *fields) == set()
    assert fields_on(con, "fct_placements", "333", 19, *fields) == {
        ("cla_count", 356.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_placements", "333", 19) == {("children", None)}


def test_waits_printed_in_days_are_days_and_each_row_keeps_its_own_day(con):
    """334 lines 19-29: 'Median wait (days)' and 'Longest wait (days)' columns were published
    as weeks (23 days as 23 weeks); they are median_wait_days and max_wait_days now. The row
    '30 Sept 2025' was dated 31 December 2025, the end of the quarter the report's title names
    ('... - QUARTER 3 2025/26'): a row printing its own day is of that day."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "334", 21, *fields) == {
        ("referrals_waiting", 1108.0, "D2025-09-30"),
        ("median_wait_days", 26.0, "D2025-09-30"),
        ("referrals_waiting", 917.0, "D2025-09-30"),
        ("median_wait_days", 51.0, "D2025-09-30"),
    }
    assert ("median_wait_days", 47.0, "D2025-12-31") in fields_on(
        con, "fct_waiting_times", "334", 22, *fields
    )
    # each group's service: the Care Act assessment's (seed service_aliases) and OT's
    assert fields_on(con, "fct_waiting_times", "334", 22, "service_code", "measure", "value") == {
        ("care_act_assessment", "referrals_waiting", 1036.0),
        ("care_act_assessment", "median_wait_days", 23.0),
        ("occupational_therapy", "referrals_waiting", 842.0),
        ("occupational_therapy", "median_wait_days", 47.0),
    }
    assert ("max_wait_days", 131.0, "D2025-12-31") in fields_on(
        con, "fct_waiting_times", "334", 29, *fields
    )


def test_activity_rows_of_a_waiting_list_table_are_no_waiting_list(con):
    """334 lines 35-38: 'Adult autism: referrals received' and '... assessments completed'
    beside '... number waiting at quarter end' under a caption naming the waiting list were
    each published as the number waiting (six false figures); they count the service's activity
    (var waiting_list_activity_row), left unclassified. The number waiting is still read."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "334", 36, *fields) == set()
    assert fields_on(con, "fct_waiting_times", "334", 37, *fields) == set()
    assert {u["value"] for u in unclassified(con, "334", 36)} == {112.0, 127.0, 105.0}
    assert {u["value"] for u in unclassified(con, "334", 37)} == {48.0, 54.0, 61.0}
    assert fields_on(con, "fct_waiting_times", "334", 38, *fields) == {
        ("referrals_waiting", 698.0, "D2025-06-30"),
        ("referrals_waiting", 771.0, "D2025-09-30"),
        ("referrals_waiting", 815.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "334", 38) == {("adult", "autism_assessment")}


def test_quarter_headings_with_their_day_in_brackets_head_their_columns(con):
    """334 lines 44-45: 'Measure | 31 March 2025 | Q1 2025/26 (30 June 2025) | ... | Target' was
    no header (a quarter heading a column was no period to ingest), so every figure of the row
    was dated by the report's title, 31 December 2025, and the target was an actual figure."""
    got = fields_on(
        con, "fct_waiting_times", "334", 45, "measure", "value", "period_id", "value_type"
    )
    assert got == {
        ("referrals_waiting", 1089.0, "D2025-03-31", "actual"),
        ("referrals_waiting", 1004.0, "D2025-06-30", "actual"),
        ("referrals_waiting", 917.0, "D2025-09-30", "actual"),
        ("referrals_waiting", 842.0, "D2025-12-31", "actual"),
        ("referrals_waiting", 800.0, "D2025-12-31", "target"),
    }
    assert subjects_on(con, "fct_waiting_times", "334", 45) == {("adult", "occupational_therapy")}


def test_stock_columns_printing_no_day_beside_dated_ones_are_at_the_latest(con):
    """335 lines 27-30: 'Waiting list 30 Jun 2025 | 30 Sep 2025 | Waiting over 18 weeks Number |
    Median wait (weeks) | Longest wait (weeks)': the columns printing no day of their own were
    dated by the meeting (2 December 2025); they are the table's latest day, 30 September 2025."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "335", 29, *fields) == {
        ("referrals_waiting", 1104.0, "D2025-06-30"),
        ("referrals_waiting", 1162.0, "D2025-09-30"),
        ("waiting_over_18_weeks", 611.0, "D2025-09-30"),
        ("median_wait_weeks", 20.0, "D2025-09-30"),
        ("max_wait_weeks", 71.0, "D2025-09-30"),
    }
    assert subjects_on(con, "fct_waiting_times", "335", 29) == {
        ("children", "speech_language_therapy")
    }


def test_an_agenda_items_number_is_no_count_and_the_ombudsman_named_in_brackets(con):
    """335 lines 15 and 41: the agenda's '6 Children Looked After and Care Leavers - Quarterly
    Update Q2 2025/26 (Pages 31 - 40)' was 6 children in care; 'The Local Government and Social
    Care Ombudsman (LGSCO) made final decisions on 8 complaints ..., of which 5 were upheld' was
    8 complaints received and 5 upheld by the council (the bracketed name hid the Ombudsman)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "335", 15, *fields) == set()
    assert fields_on(con, "fct_complaints", "335", 41, *fields) == {
        ("ombudsman_findings", 8.0, "FY2024/25"),
        ("ombudsman_upheld", 5.0, "FY2024/25"),
    }
    assert subjects_on(con, "fct_complaints", "335", 41) == {("children", None)}


def test_complaints_by_childrens_teams_are_complaints_not_children_in_care(con):
    """336 lines 29-36: 'Table 2: Stage 1 complaints by service area' with rows 'Children in
    Care', 'Fostering and Adoption', 'Leaving Care': the three rows' words (the placements
    domain's) outweighed the caption, so 38 and 47 complaints were children in care and 15 and
    16 children leaving care. A table's own caption naming complaints now outweighs three rows
    of another domain's words (seed domain_patterns, own_caption)."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_placements", "336", 32, "measure") == set()
    assert fields_on(con, "fct_placements", "336", 34, "measure") == set()
    assert fields_on(con, "fct_complaints", "336", 32, *fields) == {
        ("complaints_received", 38.0, "FY2023/24", "1"),
        ("complaints_received", 47.0, "FY2024/25", "1"),
    }
    assert fields_on(con, "fct_complaints", "336", 36, *fields) == {
        ("complaints_received", 72.0, "FY2023/24", "1"),
        ("complaints_received", 84.0, "FY2024/25", "1"),
    }
    assert subjects_on(con, "fct_complaints", "336", 34) == {("children", None)}


def test_a_captions_stage_is_a_complaints_not_compliments_or_the_ombudsmans(con):
    """337 lines 15-28: 'Stage 1 complaints and compliments received by directorate' gave the
    compliments stage 1, and 'Stage 2 reviews and Ombudsman' gave the Ombudsman's enquiries and
    decisions stage 2: a caption's stage is only a complaint's (var stage_families)."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_complaints", "337", 19, *fields) == {
        ("complaints_received", 41.0, "FY2025/26-Q1", "1"),
        ("complaints_received", 39.0, "FY2025/26-Q2", "1"),
        ("compliments_received", 57.0, "FY2025/26-Q1", None),
        ("compliments_received", 66.0, "FY2025/26-Q2", None),
    }
    assert subjects_on(con, "fct_complaints", "337", 19) == {("adult", None)}
    assert fields_on(con, "fct_complaints", "337", 26, *fields) == {
        ("stage2_investigations", 12.0, "FY2025/26-Q1", "2"),
        ("stage2_investigations", 15.0, "FY2025/26-Q2", "2"),
    }
    assert fields_on(con, "fct_complaints", "337", 28, *fields) == {
        ("ombudsman_findings", 7.0, "FY2025/26-Q1", None),
        ("ombudsman_findings", 9.0, "FY2025/26-Q2", None),
    }


def test_a_table_titled_by_unaccompanied_children_counts_them_only(con):
    """338 lines 15-24: 'Table 2: Unaccompanied asylum-seeking children (UASC)' over 'New UASC
    entering care in quarter | 6 | 9' was all children starting care (false conflicts with the
    41 and 38 of Table 1): it is the UASC segment now (seed segment_patterns). Table 1, 'Children
    looked after (including UASC)', is all children and takes no segment."""
    fields = ("measure", "value", "period_id", "segment")
    assert fields_on(con, "fct_placements", "338", 24, *fields) == {
        ("children_starting_care", 6.0, "FY2025/26-Q2", "uasc"),
        ("children_starting_care", 9.0, "FY2025/26-Q3", "uasc"),
    }
    assert fields_on(con, "fct_placements", "338", 19, *fields) == {
        ("children_starting_care", 41.0, "FY2025/26-Q2", None),
        ("children_starting_care", 38.0, "FY2025/26-Q3", None),
    }
    assert subjects_on(con, "fct_placements", "338", 24) == {("children", None)}


def test_bands_of_waits_under_a_heading_naming_the_list_are_its_parts(con):
    """339 lines 15-20: 'Waiting for assessment' over 'Under 52 weeks | 52-104 weeks | Over 104
    weeks': each band was published as the whole waiting list beside the 'Number waiting' (three
    false figures a row). The bands are parts of the list (unclassified); 'Over 104 weeks' is
    the number waiting over 104 weeks."""
    fields = ("measure", "value", "period_id", "age_band")
    assert fields_on(con, "fct_waiting_times", "339", 19, *fields) == {
        ("referrals_waiting", 2904.0, "D2026-01-31", "5 to 18"),
        ("waiting_over_104_weeks", 714.0, "D2026-01-31", "5 to 18"),
        ("max_wait_weeks", 149.0, "D2026-01-31", "5 to 18"),
    }
    assert subjects_on(con, "fct_waiting_times", "339", 19) == {("children", "autism_assessment")}
    assert {u["value"] for u in unclassified(con, "339", 20)} == {917.0, 846.0}


def test_a_council_looking_after_children_counts_children_in_care(con):
    """338 line 26: 'At 31 December 2025 Calderbrook was looking after 519 children, up from 512
    at 30 September 2025': the paragraph was never read ('looking after' was no word of the
    domains, prose.yml domain_words); it is the number of children in care at each day."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "338", 26, *fields) == {
        ("cla_count", 519.0, "D2025-12-31"),
        ("cla_count", 512.0, "D2025-09-30"),
    }
    assert subjects_on(con, "fct_placements", "338", 26) == {("children", None)}


def test_a_stock_in_a_year_to_date_column_is_the_year_so_far(con):
    """338 line 31: 'Care leavers in suitable accommodation (%) | 88% | 89% | 89%' under 'Q2
    2025/26 | Q3 2025/26 | YTD 2025/26': the year-to-date figure of a stock was dated 31 March
    2026, the end of a year not yet over; it is the year so far, 1 April to the end of the
    table's latest quarter, as a flow's is."""
    fields = ("measure", "value", "period_id", "column_name")
    assert fields_on(con, "fct_placements", "338", 31, *fields) == {
        ("care_leavers_suitable_accommodation_pct", 88.0, "D2025-09-30", "Q2 2025/26"),
        ("care_leavers_suitable_accommodation_pct", 89.0, "D2025-12-31", "Q3 2025/26"),
        ("care_leavers_suitable_accommodation_pct", 89.0, "R2025-04-01/2025-12-31", "YTD 2025/26"),
    }
    assert subjects_on(con, "fct_placements", "338", 31) == {("children", None)}


def test_a_column_of_referrals_received_is_no_waiting_list(con):
    """334 lines 51-55: 'Referrals (Apr-Dec 2025)' beside 'Waiting for first appointment' in a
    table of CAMHS pathways under a lead-in naming those waiting: 1,102 referrals over nine
    months were published as 1,102 waiting (var waiting_list_activity_column); they are left
    unclassified, and the number waiting is read."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "334", 53, *fields) == {
        ("referrals_waiting", 48.0, "D2025-12-31"),
        ("waiting_over_18_weeks", 0.0, "D2025-12-31"),
        ("avg_wait_weeks", 2.0, "D2025-12-31"),
    }
    # a pathway among pathways no alias names is its own words, not CAMHS's whole list (341)
    assert subjects_on(con, "fct_waiting_times", "334", 53) == {("children", None)}
    assert [u["value"] for u in unclassified(con, "334", 53)] == [1102.0]


def test_an_agendas_words_on_its_items_are_no_recommendations(con):
    """340 lines 12, 15 and 28: the agenda's 'Cabinet is asked to approve as a correct record the
    minutes ...' and 'The Sub-Committee is asked to review the performance information ...' were
    published as recommendations beside the report's own; only the report's is one."""
    assert decisions_of(con, "340", "kind", "subject") == [
        (28, "recommendation", "ADULT SOCIAL CARE WAITING TIMES")
    ]
    assert [(d["kind"], d["first_line"]) for d in documents_of(con, "340")] == [
        ("agenda", 1),
        ("report", 19),
    ]


def test_a_flow_under_a_days_column_counts_the_quarter_or_year_it_names(con):
    """338 lines 35-37: 'Children starting to be looked after in quarter' and 'Children who
    ceased to be looked after (year / year to date)' under '31 March 2025 | 30 September 2025 |
    31 December 2025' were each dated on the day, as if a count of children starting care were
    a stock; they count the quarter, or the year (so far), that day ends (var
    flow_period_words)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "338", 36, *fields) == {
        ("children_starting_care", 44.0, "FY2024/25-Q4"),
        ("children_starting_care", 41.0, "FY2025/26-Q2"),
        ("children_starting_care", 38.0, "FY2025/26-Q3"),
    }
    assert fields_on(con, "fct_placements", "338", 37, *fields) == {
        ("children_ceasing_care", 160.0, "FY2024/25"),
        ("children_ceasing_care", 82.0, "R2025-04-01/2025-09-30"),
        ("children_ceasing_care", 119.0, "R2025-04-01/2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "338", 37) == {("children", None)}


def test_an_adoption_timescale_row_and_a_health_assessment_sentence(con):
    """338 lines 42 and 48: 'Average days from entering care to adoptive placement | 438 | 442'
    was children starting care (its words 'entering care'); it is the adoption timescale in
    days. '91% of children in care for 12 months or more had an up to date health assessment',
    after a paragraph on children in the same placement for two years, was placement
    stability (the paragraph before it met the wording's sentence test); it is none of ours."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "338", 42, *fields) == {
        ("adoption_timescale_days", 438.0, "FY2025/26-Q2"),
        ("adoption_timescale_days", 442.0, "FY2025/26-Q3"),
    }
    assert subjects_on(con, "fct_placements", "338", 42) == {("children", None)}
    assert fields_on(con, "fct_placements", "338", 48, *fields) == set()


def test_timeliness_rows_under_member_enquiries_are_no_complaints(con):
    """337 lines 30-35: under 'Table 3: Member Enquiries', 'Responded to within 10 working days'
    was more enquiries received and '% within 10 working days' the complaints' timeliness (the
    council's complaints answered in time): they are the enquiries' own, no measure of ours
    (seed label_measures_in_context), left unclassified; so is 'Average response time (working
    days)' on line 36 (it was the complaints' response time: a label of another unit than the
    caption's kept its own measure, whatever the seed said). 'Received' counts the enquiries."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "337", 33, *fields) == {
        ("enquiries", 2804.0, "FY2023/24"),
        ("enquiries", 3116.0, "FY2024/25"),
    }
    # enquiries to the whole council, of no service area (the caption and rows name none)
    assert subjects_on(con, "fct_complaints", "337", 33) == {(None, None)}
    assert fields_on(con, "fct_complaints", "337", 34, *fields) == set()
    assert fields_on(con, "fct_complaints", "337", 35, *fields) == set()
    assert {u["value"] for u in unclassified(con, "337", 35)} == {79.0, 77.0}
    assert fields_on(con, "fct_complaints", "337", 36, *fields) == set()
    assert {u["value"] for u in unclassified(con, "337", 36)} == {9.1, 8.4}


def test_rows_of_teams_or_pathways_under_a_waiting_list_are_not_the_whole_list(con):
    """341 lines 19-30: 'Team | Waiting for OT assessment' over 'East Locality', 'West Locality',
    'Sensory Team' and a 'Total', and 'CAMHS pathway' over 'Anxiety and low mood', 'Self-harm':
    each team's and pathway's figure was published under the service the column or header names
    (163, 118 and 27 beside 308, all occupational therapy's whole list). A team or pathway no
    alias names is its own printed words (no service code, its area kept); the totals are the
    services' lists."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "341", 20, *fields) == {
        ("referrals_waiting", 163.0, "D2026-01-31"),
        ("median_wait_days", 41.0, "D2026-01-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "341", 20) == {("adult", None)}
    assert {f["service_text"] for f in facts(con, "fct_waiting_times", "341", 20)} == {
        "East Locality"
    }
    assert subjects_on(con, "fct_waiting_times", "341", 29) == {("children", None)}
    assert fields_on(con, "fct_waiting_times", "341", 23, *fields) == {
        ("referrals_waiting", 308.0, "D2026-01-31")
    }
    assert subjects_on(con, "fct_waiting_times", "341", 23) == {("adult", "occupational_therapy")}
    assert fields_on(con, "fct_waiting_times", "341", 30, *fields) == {
        ("referrals_waiting", 180.0, "D2026-01-31"),
        ("max_wait_weeks", 38.0, "D2026-01-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "341", 30) == {("children", "camhs")}


def test_rows_of_priorities_are_parts_of_the_list_and_its_total_is_the_captions(con):
    """341 lines 34-39: 'People waiting for a Care Act assessment by priority' over 'Priority A
    (urgent) | 12', 'Priority B | 85', 'Priority C | 240', 'Total | 337': each priority was
    published as a whole waiting list of no service, and the Total took no service either. The
    priorities are parts of the list (unclassified, the waiting-times facts have no column for
    a priority); the Total is the Care Act assessment list."""
    fields = ("measure", "value", "period_id")
    for line in (36, 37, 38):
        assert fields_on(con, "fct_waiting_times", "341", line, *fields) == set()
    urgent = unclassified(con, "341", 36)
    assert [(u["value"], u["column_name"]) for u in urgent] == [(12.0, "Number waiting")]
    assert "part of the list (Priority A (urgent))" in urgent[0]["reason"]
    assert fields_on(con, "fct_waiting_times", "341", 39, *fields) == {
        ("referrals_waiting", 337.0, "D2026-01-31")
    }
    assert subjects_on(con, "fct_waiting_times", "341", 39) == {("adult", "care_act_assessment")}


def test_autism_and_adhd_rows_with_an_age_before_a_colon_are_their_own_lists(con):
    """342 lines 20-22: 'Autism 5-11: number waiting at month end', 'ADHD 12-17: ...' and 'Under
    5s autism: ...' under a neurodevelopmental pathway's caption were each the pathway's whole
    list, with no age (three different figures of one list and month). Each is its own service's
    list, for its age band."""
    fields = ("measure", "value", "period_id", "service_code", "age_band")
    assert fields_on(con, "fct_waiting_times", "342", 20, *fields) == {
        ("referrals_waiting", 1204.0, "D2025-10-31", "autism_assessment", "5-11"),
        ("referrals_waiting", 1236.0, "D2025-11-30", "autism_assessment", "5-11"),
        ("referrals_waiting", 1251.0, "D2025-12-31", "autism_assessment", "5-11"),
    }
    assert ("referrals_waiting", 719.0, "D2025-12-31", "adhd_assessment", "12-17") in fields_on(
        con, "fct_waiting_times", "342", 21, *fields
    )
    assert ("referrals_waiting", 221.0, "D2025-12-31", "autism_assessment", "Under 5s") in (
        fields_on(con, "fct_waiting_times", "342", 22, *fields)
    )
    assert subjects_on(con, "fct_waiting_times", "342", 22) == {("children", "autism_assessment")}


def test_a_directorates_own_table_totals_the_directorate_not_the_council(con):
    """343 lines 25-31: 'Table 2: Resources Directorate - stage 1 complaints by service' over its
    services and 'Total | 40 | 15': the Total was the council's stage 1 complaints (two false
    findings against the council's 120 and 36 on line 23). Its figures are the directorate's
    (breakdown), and its Total the same figure as the directorate's row of Table 1 (line 21).
    Line 36: '80%' in time beside 'Responded 110' and 'Responded in time 88' is of those
    responded to: no finding that 88 of the 120 received is 73%."""
    fields = ("measure", "value", "period_id", "breakdown", "is_total")
    assert fields_on(con, "fct_complaints", "343", 31, *fields) == {
        ("complaints_received", 40.0, "FY2025/26-Q3", "Resources Directorate", True),
        ("complaints_upheld", 15.0, "FY2025/26-Q3", "Resources Directorate", True),
    }
    assert ("complaints_received", 22.0, "FY2025/26-Q3", "Resources Directorate", False) in (
        fields_on(con, "fct_complaints", "343", 28, *fields)
    )
    assert ("complaints_received", 120.0, "FY2025/26-Q3", None, True) in fields_on(
        con, "fct_complaints", "343", 23, *fields
    )
    keys = rows(
        con,
        "select distinct f.source_line, f.figure_key from marts.fct_complaints f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '343%' "
        "and f.measure = 'complaints_received' and f.source_line in (21, 31)",
    )
    assert len({k["figure_key"] for k in keys}) == 1 and len(keys) == 2
    assert findings_of(con, "343") == []
    assert ("complaints_in_timescale_pct", 80.0, "FY2025/26-Q3", None, False) in fields_on(
        con, "fct_complaints", "343", 36, *fields
    )


def test_children_in_our_care_are_children_in_care_and_a_rate_row_keeps_its_rate(con):
    """344 lines 15-21: 'Number of children in our care' was no count of children in care (the
    wording read 'children in care' only; the table was of no domain), and a row naming the rate
    ('Children in our care per 10,000 children') under a lead-in naming 'a rate of 74 per 10,000
    children' lost it: the lead-in's rate was taken only by figures printed as rates."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "344", 20, *fields) == {
        ("cla_count", 312.0, "D2025-03-31"),
        ("cla_count", 327.0, "D2025-12-31"),
    }
    assert fields_on(con, "fct_placements", "344", 21, *fields) == {
        ("cla_rate_per_10000", 71.0, "D2025-03-31"),
        ("cla_rate_per_10000", 74.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "344", 21) == {("children", None)}


def test_a_flow_in_the_months_to_a_day_is_counted_over_those_months(con):
    """344 line 23: 'In the six months to 31 December 2025, 41 children came into care and 36
    children left care': the flows were dated on the day (as at 31 December 2025); they are
    counted over the six months to it, as 'in the 12 months to ...' is over the year."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "344", 23, *fields) == {
        ("children_starting_care", 41.0, "R2025-07-01/2025-12-31"),
        ("children_ceasing_care", 36.0, "R2025-07-01/2025-12-31"),
    }


def test_an_age_band_in_a_caption_is_its_figures(con):
    """250 line 18 and 281 line 23: 'In touch with the local authority' under 'Table 2: Care
    leavers aged 19-21, December 2024' (and 'Care leavers aged 19 to 21') took no age band: the
    caption's (or the label header's) band is the figures' when their row and column print none."""
    fields = ("measure", "value", "period_id", "age_band")
    assert fields_on(con, "fct_placements", "250", 18, *fields) == {
        ("care_leavers_in_touch_pct", 93.0, "D2024-12-31", "19-21")
    }
    assert fields_on(con, "fct_placements", "281", 23, *fields) == {
        ("care_leavers_in_touch_pct", 95.0, "D2025-09-30", "19 to 21")
    }


def test_dated_columns_each_with_a_share_beside_them_head_their_table(con):
    """345 lines 17-22: 'Placement | 30/09/2025 | % | 31/12/2025 | %' was no header (the dates
    were read as a row of figures): both days' counts were dated by the meeting (five false
    findings of one figure printed twice) and the shares were unclassified. Each count is of its
    day and each share of the day before it."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "345", 19, *fields) == {
        ("cla_count", 61.0, "D2025-09-30"),
        ("cla_count", 66.0, "D2025-12-31"),
        ("cla_share_pct", 11.0, "D2025-09-30"),
        ("cla_share_pct", 12.0, "D2025-12-31"),
    }
    assert fields_on(con, "fct_placements", "345", 22, *fields) == {
        ("cla_count", 566.0, "D2025-09-30"),
        ("cla_count", 568.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "345", 19) == {("children", None)}
    assert findings_of(con, "345") == []


def test_unlabelled_year_columns_with_a_bracket_head_their_table(con):
    """345 lines 26-27: '<TAB>2024/25 (full year)<TAB>2025/26 (Apr - Dec)' over 'Children who
    started to be looked after | 214 | 163' was no header: both counts were dated by the meeting
    (a false finding of one figure printed twice). The full year's column is that year's; the
    other counts April to December of its year (it was the whole year)."""
    assert fields_on(con, "fct_placements", "345", 27, "measure", "value", "period_id") == {
        ("children_starting_care", 214.0, "FY2024/25"),
        ("children_starting_care", 163.0, "R2025-04-01/2025-12-31"),
    }


def test_dates_with_dots_under_a_group_label_date_their_columns(con):
    """346 lines 22-26: 'Service | Children waiting at quarter end' over '| 31.03.25 | 30.06.25 |
    30.09.25 | 31.12.25': a date printed with dots was read as a figure, so the second row was
    no header; the first quarter's counts were dated by the meeting and the other three
    unclassified. Each count is of its column's day."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "346", 24, *fields) == {
        ("referrals_waiting", 802.0, "D2025-03-31"),
        ("referrals_waiting", 845.0, "D2025-06-30"),
        ("referrals_waiting", 861.0, "D2025-09-30"),
        ("referrals_waiting", 874.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "346", 24) == {
        ("children", "speech_language_therapy")
    }
    assert ("referrals_waiting", 1276.0, "D2025-12-31") in fields_on(
        con, "fct_waiting_times", "346", 26, *fields
    )
    assert findings_of(con, "346") == []


def test_recommendations_opening_with_the_committees_full_name_are_read(con):
    """346 lines 15-18: 'The Children, Young People and Families Overview and Scrutiny Committee
    is asked to:' over (a) and (b) was no recommendation (a committee's name of more than four
    words, or with a comma, opened none)."""
    assert decisions_of(con, "346", "kind", "source_last_line", "n_items") == [
        (15, "recommendation", 18, 2)
    ]


def test_flows_in_quarter_under_month_columns_count_the_quarter(con):
    """347 lines 15-18: 'Started to be looked after in quarter' under '| Jun 2025 | Sep 2025 |
    Dec 2025' was counted over each month (M2025-06): the row says it counts the quarter that
    month ends. The stock above it stays at the month's end."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "347", 17, *fields) == {
        ("children_starting_care", 44.0, "FY2025/26-Q1"),
        ("children_starting_care", 39.0, "FY2025/26-Q2"),
        ("children_starting_care", 35.0, "FY2025/26-Q3"),
    }
    assert ("children_ceasing_care", 44.0, "FY2025/26-Q3") in fields_on(
        con, "fct_placements", "347", 18, *fields
    )
    assert ("cla_count", 509.0, "D2025-12-31") in fields_on(
        con, "fct_placements", "347", 16, *fields
    )
    assert subjects_on(con, "fct_placements", "347", 17) == {("children", None)}


def test_a_years_column_naming_its_months_from_april_counts_them(con):
    """348 lines 14-18: '2025/26 (April to September)' beside '2024/25 (full year)' was the whole
    fiscal year 2025/26: it is April to September 2025. 'Not investigated / premature' was
    counted as enquiries received (two different figures of one measure in a column); it is the
    Ombudsman's decisions, as 'premature' alone was."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "348", 16, *fields) == {
        ("ombudsman_enquiries", 46.0, "FY2024/25"),
        ("ombudsman_enquiries", 25.0, "R2025-04-01/2025-09-30"),
    }
    assert fields_on(con, "fct_complaints", "348", 18, *fields) == {
        ("ombudsman_findings", 29.0, "FY2024/25"),
        ("ombudsman_findings", 17.0, "R2025-04-01/2025-09-30"),
    }
    assert subjects_on(con, "fct_complaints", "348", 18) == {("adult", None)}
    assert findings_of(con, "348") == []


def test_a_half_year_reports_figures_count_its_first_six_months(con):
    """349 lines 11-21: under 'Adult Social Care Complaints: Half-Year Report 2025/26' a sentence
    printing no period ('The council received 118 complaints ...') was counted over the whole
    fiscal year: a report of the year's first half counts April to September."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "349", 19, *fields) == {
        ("complaints_received", 118.0, "R2025-04-01/2025-09-30"),
        ("complaints_upheld_or_partially_upheld", 41.0, "R2025-04-01/2025-09-30"),
    }
    assert fields_on(con, "fct_complaints", "349", 21, *fields) == {
        ("complaints_in_timescale_pct", 62.0, "R2025-04-01/2025-09-30")
    }
    assert subjects_on(con, "fct_complaints", "349", 19) == {("adult", None)}


def test_an_of_which_row_naming_a_cohort_is_that_cohorts(con):
    """350 lines 15-17: 'of which UASC' under 'Children in care' was a count of all children in
    care by its printed words (summing the rows gave 708 children for 651): it counts the
    unaccompanied asylum-seeking cohort, a part of the row above."""
    fields = ("measure", "value", "period_id", "segment")
    assert fields_on(con, "fct_placements", "350", 17, *fields) == {
        ("cla_count", 52.0, "D2025-09-30", "uasc"),
        ("cla_count", 57.0, "D2025-12-31", "uasc"),
    }
    assert fields_on(con, "fct_placements", "350", 16, *fields) == {
        ("cla_count", 644.0, "D2025-09-30", None),
        ("cla_count", 651.0, "D2025-12-31", None),
    }
    assert subjects_on(con, "fct_placements", "350", 17) == {("children", None)}


def test_the_age_profile_of_children_looked_after_counts_them_by_age(con):
    """351 lines 13-21: 'The age profile of children looked after at 31 December 2025 is shown
    below.' over 'Age group | Boys | Girls | All' left every figure unclassified (no measure
    named), and 'Aged 1-4' was no age band: each is the children looked after of its band."""
    fields = ("measure", "value", "period_id", "age_band")
    assert fields_on(con, "fct_placements", "351", 17, *fields) == {
        ("cla_count", 40.0, "D2025-12-31", "1-4"),
        ("cla_count", 35.0, "D2025-12-31", "1-4"),
        ("cla_count", 75.0, "D2025-12-31", "1-4"),
    }
    assert ("cla_count", 620.0, "D2025-12-31", None) in fields_on(
        con, "fct_placements", "351", 21, *fields
    )
    assert subjects_on(con, "fct_placements", "351", 17) == {("children", None)}
    assert unclassified(con, "351", 16) == []


def test_the_year_to_date_of_a_quarters_report_ends_with_its_quarter(con):
    """352 line 15: '187 complaints have been received in the year to date' under 'ADULT SOCIAL
    CARE COMPLAINTS - QUARTER 3 2025/26' ran to the meeting (25 February 2026): the report's year
    so far ends with its quarter, 31 December 2025."""
    assert fields_on(con, "fct_complaints", "352", 15, "measure", "value", "period_id") == {
        ("complaints_received", 64.0, "FY2025/26-Q3"),
        ("complaints_received", 187.0, "R2025-04-01/2025-12-31"),
    }
    assert subjects_on(con, "fct_complaints", "352", 15) == {("adult", None)}


def test_a_councils_quarter_printed_with_no_year_is_the_reports_years(con):
    """353 lines 13-15: 'Ashdown Q2 | Ashdown Q3 | England 2024/25' over care leavers' shares:
    both quarters' shares were dated by the report's quarter end (two different figures for one
    day); 'Ashdown Q2' is the second quarter of the report's year, 2025/26."""
    fields = ("measure", "value", "period_id", "age_band")
    assert fields_on(con, "fct_placements", "353", 14, *fields) == {
        ("care_leavers_in_touch_pct", 94.0, "D2025-09-30", "19-21"),
        ("care_leavers_in_touch_pct", 93.0, "D2025-12-31", "19-21"),
    }
    assert subjects_on(con, "fct_placements", "353", 14) == {("children", None)}


def test_a_sentence_after_an_of_these_sentence_keeps_the_day_before_it(con):
    """354 line 13: 'At 31 December 2025 there were 402 children in care. Of these, 38 were ...
    The rate of children in care is 61 per 10,000 children aged 0-17.': the rate was dated by
    the meeting (the 'Of these' sentence between names no day); it is at 31 December 2025."""
    assert fields_on(con, "fct_placements", "354", 13, "measure", "value", "period_id") == {
        ("cla_count", 402.0, "D2025-12-31"),
        ("cla_rate_per_10000", 61.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_placements", "354", 13) == {("children", None)}


def test_as_at_dates_and_short_year_dates_head_their_columns(con):
    """355: 'Service | As at 31/03/25 | As at 30/09/25 | As at 31/12/25' (lines 14-17) dated
    every count by the meeting; 'Placement type | 31 Mar 25 | | 30 Sep 25 |' over '| No. | % |
    No. | %' (lines 21-27) was no header (a two-digit year after a month's name was no date):
    both days' counts took one day, and each count of a placement printed twice was a false
    finding. Each count is of its column's day."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "355", 16, *fields) == {
        ("referrals_waiting", 640.0, "D2025-03-31"),
        ("referrals_waiting", 702.0, "D2025-09-30"),
        ("referrals_waiting", 688.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "355", 16) == {
        ("children", "speech_language_therapy")
    }
    assert fields_on(con, "fct_placements", "355", 24, *fields) == {
        ("cla_count", 311.0, "D2025-03-31"),
        ("cla_count", 318.0, "D2025-09-30"),
    }
    assert ("cla_count", 449.0, "D2025-09-30") in fields_on(
        con, "fct_placements", "355", 27, *fields
    )
    assert findings_of(con, "355") == []


def test_a_rows_stage_cell_gives_its_figures_that_stage(con):
    """356 lines 13-15: 'Service | Stage | Closed | Upheld | ...' over 'Children's social care |
    Stage 1 | 52 | 9 ...' and '... | Stage 2 | 6 | 1 ...': the stage cell was not read, so the
    two rows' figures collided (false findings of one figure printed twice); and '% upheld
    (incl. partly)' is the share upheld in full or in part, not upheld alone."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_complaints", "356", 16, *fields) == {
        ("complaints_concluded", 6.0, "R2025-04-01/2025-12-31", "2"),
        ("complaints_upheld", 1.0, "R2025-04-01/2025-12-31", "2"),
        ("complaints_partially_upheld", 2.0, "R2025-04-01/2025-12-31", "2"),
        ("complaints_not_upheld", 3.0, "R2025-04-01/2025-12-31", "2"),
        ("complaints_upheld_or_partially_upheld_pct", 50.0, "R2025-04-01/2025-12-31", "2"),
    }
    assert ("complaints_concluded", 52.0, "R2025-04-01/2025-12-31", "1") in fields_on(
        con, "fct_complaints", "356", 15, *fields
    )
    assert subjects_on(con, "fct_complaints", "356", 15) == {("children", None)}
    assert findings_of(con, "356") == []


def test_a_numbered_lead_in_ending_with_a_colon_dates_the_table_under_it(con):
    """357 lines 13-20: '3.2<TAB>Placement profile at 31 December 2025:' was read as a one-row
    table, so the table under it had no lead-in and its counts took the report's year; the
    numbered line introduces the table: its counts are at 31 December 2025."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "357", 17, *fields) == {
        ("cla_count", 488.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_placements", "357", 20, *fields) == {
        ("cla_count", 663.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_placements", "357", 17) == {("children", None)}


def test_the_first_three_quarters_of_a_year_count_april_to_december(con):
    """358: 'Complaints: Quarters 1 to 3 2025-26' (line 6). '204 complaints were received across
    the three services in the first three quarters of 2025-26' (line 12) took no period ('three
    services' stood between the figure and its phrase) and so the year; 'In the first three
    quarters of the year ...' (line 14) and a column '2025-26 (Q1-Q3)' (lines 17-20) were the
    whole year: each counts April to December 2025."""
    span = "R2025-04-01/2025-12-31"
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "358", 12, *fields) == {
        ("complaints_received", 204.0, span)
    }
    assert fields_on(con, "fct_complaints", "358", 14, *fields) == {
        ("compliments_received", 98.0, span),
        ("ombudsman_findings", 13.0, span),
    }
    assert fields_on(con, "fct_complaints", "358", 18, *fields) == {
        ("ombudsman_findings", 11.0, "FY2024/25"),
        ("ombudsman_findings", 8.0, span),
    }
    assert subjects_on(con, "fct_complaints", "358", 12) == {("children", None)}


def test_adults_age_bands_under_an_age_header_are_their_rows_breakdown(con):
    """359 lines 14-18: 'Age band | Received' over '18-64 | 71', '65-84 | 88', '85 and over |
    40': '85 and over' was read as an age band, which complaints have no column for, so its row
    was published with nothing telling it from the total; each band is its row's breakdown."""
    fields = ("measure", "value", "period_id", "breakdown")
    assert fields_on(con, "fct_complaints", "359", 17, *fields) == {
        ("complaints_received", 40.0, "FY2024/25", "85 and over")
    }
    assert fields_on(con, "fct_complaints", "359", 15, *fields) == {
        ("complaints_received", 71.0, "FY2024/25", "18-64")
    }
    assert subjects_on(con, "fct_complaints", "359", 17) == {("adult", None)}
    assert findings_of(con, "359") == []


def test_a_non_statutory_row_is_the_corporate_procedures(con):
    """360 line 16: 'Corporate (non-statutory) complaints about children's services' was read as
    the statutory procedure's (the word inside 'non-statutory'): it is the corporate one's."""
    fields = ("measure", "value", "period_id", "procedure")
    assert fields_on(con, "fct_complaints", "360", 16, *fields) == {
        ("complaints_received", 44.0, "FY2022/23", "corporate"),
        ("complaints_received", 39.0, "FY2023/24", "corporate"),
        ("complaints_received", 47.0, "FY2024/25", "corporate"),
    }
    assert subjects_on(con, "fct_complaints", "360", 16) == {("children", None)}


def test_a_meeting_to_be_held_at_a_place_on_a_day_and_headings_inside_minutes(con):
    """361: 'Meeting to be held in the Council Chamber, ... on Tuesday, 17th March, 2026 at 5.30
    p.m.' (line 9) gave no meeting date; inside the minutes, 'Minutes of the last meeting of the
    Committee held on 13th January, 2026' (line 25) opened other minutes (the committee read as
    'last meeting of the Committee', its resolution dated 13 January) and 'Annual Work Programme
    2025/26' (line 29) a report (its resolution with no date): both are headings of minutes of
    the meeting of 10 February 2026."""
    (pack,) = rows(
        con, "select committee, meeting_date from marts.dim_pack where file_name like '361%'"
    )
    assert (pack["committee"], pack["meeting_date"]) == (
        "ADULTS AND HEALTH SCRUTINY COMMITTEE",
        date(2026, 3, 17),
    )
    assert [d["kind"] for d in documents_of(con, "361")] == ["agenda", "minutes"]
    assert decisions_of(con, "361", "kind", "decision_date") == [
        (27, "resolution", date(2026, 2, 10)),
        (31, "resolution", date(2026, 2, 10)),
    ]


def test_an_over_band_beside_bands_is_a_part_and_a_lone_date_heads_its_column(con):
    """362: 'Over 26 weeks' beside '0-4 weeks | 5-12 weeks | 13-26 weeks' (lines 18-19) was
    published as the whole waiting list (78 beside the 420 of table 1; in probe AL two such
    figures were false findings of one figure printed twice): like the bands beside it, it
    counts a part of the list no measure names. 'Waiting list | 31st December 2025' over one
    row (lines 14-15) was no header: its 420 was dated by the meeting."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "362", 19, *fields) == {
        ("median_wait_days", 69.0, "D2025-12-31")
    }
    assert [u["column_name"] for u in unclassified(con, "362", 19)] == [
        "Over 26 weeks",
        "0-4 weeks",
        "13-26 weeks",
        "5-12 weeks",
    ]
    assert fields_on(con, "fct_waiting_times", "362", 15, *fields) == {
        ("referrals_waiting", 420.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_waiting_times", "362", 15) == {("adult", "occupational_therapy")}
    assert findings_of(con, "362") == []


def test_a_total_over_a_row_left_unclassified_is_not_checked(con):
    """363 lines 14-18: the first row, 'Care Act assessment (new referrals)', was left
    unclassified (its 'new referrals' read as a count of referrals made), and the other rows'
    sum (1,235) was said not to make the Total (1,523), a false finding. New referrals in
    brackets qualify the list (var waiting_list_activity_row): the row is the Care Act
    assessment list, 'Review of care and support plan (overdue)' the reviews overdue (seed
    service_aliases), and the rows add up to the Total, which is still published."""
    fields = ("measure", "value", "period_id", "service_code")
    assert findings_of(con, "363") == []
    assert unclassified(con, "363", 15) == []
    assert fields_on(con, "fct_waiting_times", "363", 15, *fields) == {
        ("referrals_waiting", 288.0, "D2025-09-30", "care_act_assessment"),
        ("referrals_waiting", 251.0, "D2025-12-31", "care_act_assessment"),
    }
    assert ("referrals_waiting", 790.0, "D2025-12-31", "care_review") in fields_on(
        con, "fct_waiting_times", "363", 17, *fields
    )
    assert fields_on(con, "fct_waiting_times", "363", 18, "measure", "value", "period_id") == {
        ("referrals_waiting", 1523.0, "D2025-09-30"),
        ("referrals_waiting", 1418.0, "D2025-12-31"),
    }
    assert subjects_on(con, "fct_waiting_times", "363", 18) == {("adult", None)}


def test_a_stage_figure_is_checked_against_its_stages_row_not_a_corporate_one(con):
    """364: '164 Stage 1 complaints' (line 13) was checked against the row of corporate
    complaints (line 18: 57, a false finding) and never against the row of Stage 1 complaints
    (line 17); a figure of one stage is checked against that stage's figures, and agrees."""
    assert findings_of(con, "364") == []
    assert fields_on(con, "fct_complaints", "364", 13, "measure", "value", "period_id") == {
        ("complaints_received", 164.0, "FY2024/25"),
        ("complaints_received", 151.0, "FY2023/24"),
    }
    assert subjects_on(con, "fct_complaints", "364", 13) == {("children", None)}


def test_a_committee_named_with_its_remit_banners_a_report(con):
    """365 lines 14-27: under 'Agenda Item 2', 'Wexcombe Council' / 'Scrutiny Committee -
    Children and Families' / '4 March 2026' (a committee's name with its remit after a dash) over
    the title and 'Lead Member:' lines opened no report: the pack was two agendas and the
    report's recommendation was missed. It is a report, titled by its title line."""
    assert [(d["kind"], d["title"]) for d in documents_of(con, "365")] == [
        ("agenda", "Agenda front sheet"),
        ("report", "Children in Care - Quarterly Update Q3 2025/26"),
    ]
    assert decisions_of(con, "365", "kind", "subject") == [
        (27, "recommendation", "Children in Care - Quarterly Update Q3 2025/26")
    ]


def test_an_open_agenda_heads_a_front_sheet(con):
    """366 lines 1-13: a front sheet headed 'Open Agenda' listing its 'Order of Business' was a
    report titled 'Open Agenda': it is the agenda's front sheet."""
    assert [(d["kind"], d["title"]) for d in documents_of(con, "366")] == [
        ("agenda", "Agenda front sheet"),
        ("report", "CHILDREN'S THERAPIES WAITING TIMES"),
    ]


def test_a_count_of_care_leavers_marked_number_is_their_count(con):
    """367 line 15: 'Care leavers aged 19-21 (number) | 241 | 247' was unclassified (a label
    ending '(number)' named no measure): the care leavers of that age at each quarter's end."""
    fields = ("measure", "value", "period_id", "age_band")
    assert fields_on(con, "fct_placements", "367", 15, *fields) == {
        ("care_leavers_count", 241.0, "D2025-06-30", "19-21"),
        ("care_leavers_count", 247.0, "D2025-09-30", "19-21"),
    }
    assert subjects_on(con, "fct_placements", "367", 15) == {("children", None)}


def test_a_row_naming_the_uasc_cohort_is_that_cohorts(con):
    """368 lines 13-16: 'Unaccompanied asylum-seeking children (UASC) in care at end of quarter'
    under 'Children in care at end of quarter' was a second count of all children in care (48
    beside 702 for one day); the row names its cohort: the UASC segment of the children in
    care."""
    fields = ("measure", "value", "period_id", "segment")
    assert fields_on(con, "fct_placements", "368", 16, *fields) == {
        ("cla_count", 48.0, "D2025-09-30", "uasc"),
        ("cla_count", 51.0, "D2025-12-31", "uasc"),
    }
    assert ("cla_count", 695.0, "D2025-12-31", None) in fields_on(
        con, "fct_placements", "368", 15, *fields
    )
    assert subjects_on(con, "fct_placements", "368", 16) == {("children", None)}


def test_a_figure_whose_sentence_names_no_service_is_not_checked_against_one(con):
    """369 lines 13-20: '21 young people were waiting for treatment from the community eating
    disorders service', after a sentence on CAMHS, was checked against CAMHS's whole list (402:
    a false finding): a figure is checked against a service's tables only when its own sentence
    names the service, as '... speech and language therapy waiting list stood at 616' does (the
    table prints 611: a finding)."""
    assert findings_of(con, "369") == [("prose_figure_disagrees_with_table", "16,20")]
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "369", 18, *fields) == {
        ("referrals_waiting", 21.0, "D2025-12-31")
    }
    assert subjects_on(con, "fct_waiting_times", "369", 20) == {
        ("children", "speech_language_therapy")
    }


def test_a_service_named_before_a_sentence_is_not_one_of_another_area(con):
    """370 lines 14-16: 'Of the 94 children's social care complaints received in 2024/25, 7
    escalated to Stage 2', after a paragraph on complaints about home care, was home care's (an
    adult service) and at Stage 2 (the 7's stage): it is children's social care's, of no one
    service and no stage."""
    fields = ("measure", "value", "period_id", "service_area", "service_code", "stage")
    assert fields_on(con, "fct_complaints", "370", 16, *fields) == {
        ("complaints_received", 94.0, "FY2024/25", "children", None, None)
    }


def test_a_numbered_point_does_not_take_the_service_of_the_points_before(con):
    """370 lines 18-20: '4.2 83% of complaints were responded to within 20 working days', after
    '4.1 Complaints about home care made up 61 of ...': the point is about all complaints, not
    home care's."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_complaints", "370", 20, *fields) == {
        ("complaints_in_timescale_pct", 83.0, "FY2024/25", None)
    }


def test_a_whole_is_not_of_the_service_only_its_parts_clause_names(con):
    """370 line 22: '312 compliments were recorded in 2024/25, 64 of them about the fostering
    service': 312 is not the fostering service's."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_complaints", "370", 22, *fields) == {
        ("compliments_received", 312.0, "FY2024/25", None)
    }


def test_the_service_a_report_is_about_is_the_services_of_its_sentences(con):
    """370 lines 26-32: '1.2 In 2024/25 the service received 19 complaints' in 'ANNUAL REPORT OF
    THE FOSTERING SERVICE 2024/25', after a point naming the fostering households and the
    adoption service: the fostering service's, the one service its document's title names."""
    fields = ("measure", "value", "period_id", "service_area", "service_code")
    assert fields_on(con, "fct_complaints", "370", 32, *fields) == {
        ("complaints_received", 19.0, "FY2024/25", "children", "fostering_service")
    }


def test_a_count_of_items_beside_another_is_not_checked_against_the_tables_rows(con):
    """371 lines 14-21: 'three locality teams - North, South and West - alongside a borough-wide
    eating disorder service' over a table of four rows: not a count of its rows (var
    items_besides_words); it was a false finding."""
    assert findings_of(con, "371") == []


def test_a_tables_caption_naming_a_wait_outweighs_a_complaints_heading_above(con):
    """371 lines 9-21: 'Table 1: Children waiting by CAMHS team at 31 December 2025' under the
    heading 'CAMHS AND SOCIAL CARE COMPLAINTS UPDATE': the teams' waiting lists, not complaints
    received."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_waiting_times", "371", 18, *fields) == {
        ("referrals_waiting", 212.0, "D2025-12-31")
    }
    assert fields_on(con, "fct_complaints", "371", 18, *fields) == set()


def test_a_numbered_points_area_is_named_in_that_point(con):
    """371 lines 23-25: '6.3 Adult social care statutory complaints: 44 complaints were received
    in Q2 2025/26. 73% were responded to within the timescale ...', after '6.2 In Q2 2025/26, 16
    children's social care complaints ...': 73% is adult social care's. Neither is of the unit
    the table's caption above names ('CAMHS team'): a caption heads no section of prose."""
    fields = ("measure", "value", "period_id", "service_area", "segment")
    assert fields_on(con, "fct_complaints", "371", 25, *fields) == {
        ("complaints_received", 44.0, "FY2025/26-Q2", "adult", None),
        ("complaints_in_timescale_pct", 73.0, "FY2025/26-Q2", "adult", None),
    }
    assert fields_on(con, "fct_complaints", "371", 23, *fields) == {
        ("complaints_received", 16.0, "FY2025/26-Q2", "children", None)
    }


def test_a_caption_naming_the_children_outweighs_a_sentence_above_it(con):
    """372 lines 14-23: 'Table 3: Looked after children by age and gender at 31 March 2025' under
    a paragraph saying '... 14% more than 20 miles from Fernleigh': the children in care by age
    band and gender, not children placed more than 20 miles from home (whose five age bands
    made five false findings of one figure printed with four values). Its header's last cell,
    'of whom UASC', opens in lower case: a heading still, not words going on past a page break
    (the columns had no names)."""
    fields = ("measure", "value", "period_id", "age_band", "column_name")
    assert fields_on(con, "fct_placements", "372", 18, *fields) == {
        ("cla_count", 9.0, "D2025-03-31", "Under 5", "Female"),
        ("cla_count", 11.0, "D2025-03-31", "Under 5", "Male"),
        ("cla_count", 20.0, "D2025-03-31", "Under 5", "Total"),
        ("cla_count", 0.0, "D2025-03-31", "Under 5", "of whom UASC"),
    }
    assert findings_of(con, "372") == []


def test_a_bracket_inside_a_services_name_does_not_hide_it(con):
    """373 line 18: 'CAMHS - Autism (ASD) assessment' was CAMHS's (the label was read up to its
    bracket, 'CAMHS - Autism'): the autism assessment's list, as 'CAMHS - Neurodevelopmental
    (ADHD) assessment' on line 17 is the neurodevelopmental pathway's."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "373", 18, *fields) == {
        ("referrals_waiting", 1637.0, "D2025-12-31", "autism_assessment"),
        ("median_wait_weeks", 58.0, "D2025-12-31", "autism_assessment"),
    }
    assert ("referrals_waiting", 2214.0, "D2025-12-31", "neurodevelopmental_pathway") in fields_on(
        con, "fct_waiting_times", "373", 17, *fields
    )


def test_the_first_quarters_add_up_to_the_year_so_far_printed_beside_them(con):
    """374 lines 15-17: 'Q1 2025/26 | Q2 2025/26 | 2025/26 year to date' over '118 | 104 | 212':
    the quarters were checked only against a whole year's total, so the year so far (1 April to
    30 September), 10 short of its quarters, went unseen; the ceased row's 127 + 117 = 244 is
    no finding. The column 'Same period 2024/25' beside them is April to September 2024 (var
    same_span_words), not the whole of 2024/25."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "374", 16, *fields) == {
        ("children_starting_care", 118.0, "FY2025/26-Q1"),
        ("children_starting_care", 104.0, "FY2025/26-Q2"),
        ("children_starting_care", 212.0, "R2025-04-01/2025-09-30"),
        ("children_starting_care", 239.0, "R2024-04-01/2024-09-30"),
    }
    assert findings_of(con, "374") == [("quarters_sum_to_year_total", "16")]


def test_responses_outside_the_timescale_and_all_responses_under_a_timeliness_caption(con):
    """375 lines 14-22, under 'Table 3: Responses within timescale': 'Responded outside the
    agreed timescale' (48, 16%) was complaints concluded and a share; 'Total responses' (300) was
    complaints answered in time. They are the complaints answered late and every complaint
    answered."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "375", 21, *fields) == {
        ("complaints_over_timescale", 48.0, "FY2023/24"),
        ("complaints_over_timescale", 38.0, "FY2024/25"),
        ("complaints_over_timescale_pct", 16.0, "FY2023/24"),
        ("complaints_over_timescale_pct", 12.0, "FY2024/25"),
    }
    assert {
        (f["measure"], f["value"])
        for f in facts(con, "fct_complaints", "375", 22)
        if f["column_name"].endswith("Number")
    } == {("complaints_concluded", 300.0), ("complaints_concluded", 317.0)}


def test_a_table_printing_no_label_column_keeps_its_first_figure(con):
    """375 lines 24-26: 'Q1 | Q2 | Q3 | Q4 | Total' over '79 | 88 | 91 | 83 | 341': the 79 was
    read as the row's label (the other quarters a breakdown '79' of it) and lost; it is the
    first quarter's."""
    fields = ("measure", "value", "period_id", "breakdown")
    assert fields_on(con, "fct_complaints", "375", 26, *fields) == {
        ("complaints_received", 79.0, "FY2024/25-Q1", None),
        ("complaints_received", 88.0, "FY2024/25-Q2", None),
        ("complaints_received", 91.0, "FY2024/25-Q3", None),
        ("complaints_received", 83.0, "FY2024/25-Q4", None),
        ("complaints_received", 341.0, "FY2024/25", None),
    }


def test_complaints_and_enquiries_the_ombudsman_received_under_its_decisions(con):
    """375 lines 28-31, 'Table 5: LGSCO decisions on Exmoor adult social care': 'Complaints and
    enquiries received' (64, 71) were the Ombudsman's findings, beside 'Detailed
    investigations' (22, 27): they are what it received, its enquiries."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "375", 30, *fields) == {
        ("ombudsman_enquiries", 64.0, "FY2023/24"),
        ("ombudsman_enquiries", 71.0, "FY2024/25"),
    }
    assert fields_on(con, "fct_complaints", "375", 31, *fields) == {
        ("ombudsman_findings", 22.0, "FY2023/24"),
        ("ombudsman_findings", 27.0, "FY2024/25"),
    }


def test_a_caption_of_people_awaiting_an_assessment_is_a_waiting_list(con):
    """376 lines 14-22: 'Table 1: People awaiting a Care Act assessment, by locality' was no
    table of any domain (its figures unclassified), so the sentence above it, 1,468 awaiting at
    the end of November 2025, was checked against nothing: the table's total, 1,486, is the
    waiting list (seeds domain_patterns, measure_patterns), and they disagree."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "376", 22, *fields) == {
        ("referrals_waiting", 1702.0, "D2025-03-31", "care_act_assessment"),
        ("referrals_waiting", 1486.0, "D2025-11-30", "care_act_assessment"),
    }
    assert findings_of(con, "376") == [("prose_figure_disagrees_with_table", "14,22")]


def test_the_figure_is_of_the_measure_named_last_before_it(con):
    """377 line 14: '... 118 children had been waiting more than 18 weeks for a first CAMHS
    appointment; at the end of December 2025 the figure was 62': 62 was read as the whole
    waiting list (the measure the sentence before names); it is the number waiting more than 18
    weeks, named last before it, in its own sentence (seed prose_antecedents)."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "377", 14, *fields) == {
        ("waiting_over_18_weeks", 118.0, "D2024-12-31", "camhs"),
        ("waiting_over_18_weeks", 62.0, "D2025-12-31", "camhs"),
    }


def test_a_count_with_a_bare_figure_in_brackets_keeps_its_count(con):
    """375 lines 33-37, 'Table 6: Stage 1 complaints by service, 2024/25 (2023/24 in brackets)':
    a cell '19 (16)' had no shape and its row's complaints received were lost; 19 is the
    count, and 16, whose meaning only the caption's note gives, is listed unclassified."""
    fields = ("measure", "value", "period_id", "stage")
    assert fields_on(con, "fct_complaints", "375", 35, *fields) == {
        ("complaints_received", 19.0, "FY2024/25", "1"),
        ("complaints_upheld_or_partially_upheld", 7.0, "FY2024/25", "1"),
    }
    assert [u["value"] for u in unclassified(con, "375", 35)] == [16]


def test_a_figure_printing_no_period_is_dated_as_the_table_printing_it(con):
    """378 lines 14-28: 'The median wait for speech and language therapy is 23 weeks' printed no
    period and was dated by the meeting (4 February 2026); Table 1 of its report prints the same
    23 for the same service at 30 November 2025, and so it is. A figure no table prints (12
    weeks for audiology), or one two tables print at two dates (physiotherapy's 9 weeks, in June
    and November), keeps the meeting's date."""
    fields = ("measure", "value", "period_id", "period_source", "service_code")
    table = "same_figure_in_table"
    assert fields_on(con, "fct_waiting_times", "378", 22, *fields) == {
        ("median_wait_weeks", 23.0, "D2025-11-30", table, "speech_language_therapy"),
        ("max_wait_weeks", 58.0, "D2025-11-30", table, "occupational_therapy"),
        ("median_wait_weeks", 12.0, "D2026-02-04", "meeting_date", "hearing"),
    }
    assert fields_on(con, "fct_waiting_times", "378", 28, *fields) == {
        ("median_wait_weeks", 9.0, "D2026-02-04", "meeting_date", "physiotherapy"),
    }


def test_a_pathway_row_naming_its_list_after_a_dash_is_that_list(con):
    """379 lines 14-18: rows 'Neurodevelopmental - ADHD' and 'Neurodevelopmental pathway: autism
    (ASD)' (the pathway first, then the list it holds) had no service: they are the ADHD and
    the autism assessment lists (seed service_aliases)."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "379", 17, *fields) == {
        ("referrals_waiting", 1214.0, "D2025-11-30", "adhd_assessment"),
        ("median_wait_weeks", 66.0, "D2025-11-30", "adhd_assessment"),
    }
    assert fields_on(con, "fct_waiting_times", "379", 18, *fields) == {
        ("referrals_waiting", 388.0, "D2025-11-30", "autism_assessment"),
        ("median_wait_weeks", 29.0, "D2025-11-30", "autism_assessment"),
    }


def test_a_column_of_those_waiting_for_treatment_is_not_the_waiting_list(con):
    """380 lines 14-19: under 'Waiting | Waiting' over '(first appointment) | (treatment)', the
    treatment column (97, 64, 161) took the caption's measure and was published as the list
    awaiting a first appointment, beside it under the same key: it is a second wait the
    catalogue has no measure for, listed unclassified (var treatment_wait_column)."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "380", 17, *fields) == {
        ("referrals_waiting", 322.0, "D2026-01-31", "camhs"),
        ("median_wait_weeks", 11.0, "D2026-01-31", "camhs"),
    }
    assert [(u["value"], u["column_name"]) for u in unclassified(con, "380", 19)] == [
        (161, "Waiting (treatment)")
    ]


def test_rows_of_other_adult_waiting_lists_are_lists_of_their_own(con):
    """381 lines 14-20, 'People waiting at month end': rows 'Carers' assessment', 'Financial
    assessment', 'Reviews overdue' and 'DoLS applications awaiting assessment' named no known
    service, so the table's rows were read as parts of one list and all fifteen figures left
    unclassified: each row is a list of its own (seed service_aliases)."""
    fields = ("measure", "value", "period_id", "service_code")
    expected = {
        16: ("referrals_waiting", 1126.0, "D2025-12-31", "care_act_assessment"),
        17: ("referrals_waiting", 254.0, "D2025-12-31", "carers_assessment"),
        18: ("referrals_waiting", 340.0, "D2025-12-31", "financial_assessment"),
        19: ("referrals_waiting", 3389.0, "D2025-12-31", "care_review"),
        20: ("referrals_waiting", 2318.0, "D2025-12-31", "dols_assessment"),
    }
    for line, fact in expected.items():
        assert fact in fields_on(con, "fct_waiting_times", "381", line, *fields)
        assert len(fields_on(con, "fct_waiting_times", "381", line, *fields)) == 3
    assert subjects_on(con, "fct_waiting_times", "381", 20) == {("adult", "dols_assessment")}


def test_months_to_a_month_printed_with_no_year(con):
    """382 lines 14-16: 'In the nine months to December, 64 children started to be looked after'
    and '8.4% ... in the twelve months to November' were dated by the meeting (3 February 2026):
    the flows are counted from April 2025 to the end of December 2025, the share is at the end
    of November 2025 (the latest such month by the report's date)."""
    fields = ("measure", "value", "period_id", "period_source")
    assert fields_on(con, "fct_placements", "382", 14, *fields) == {
        ("children_starting_care", 64.0, "R2025-04-01/2025-12-31", "sentence"),
        ("children_ceasing_care", 71.0, "R2025-04-01/2025-12-31", "sentence"),
    }
    assert fields_on(con, "fct_placements", "382", 16, *fields) == {
        ("cla_three_or_more_placements_pct", 8.4, "D2025-11-30", "sentence"),
    }


def test_a_row_of_the_year_to_date_is_the_year_so_far(con):
    """383 lines 14-19: a row '2025/26 to date (Apr-Dec)' under the quarters' rows was read as
    the whole year 2025/26; it counts from April to the end of the table's latest quarter
    (var year_to_date_label)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "383", 19, *fields) == {
        ("children_starting_care", 116.0, "R2025-04-01/2025-12-31"),
        ("children_ceasing_care", 117.0, "R2025-04-01/2025-12-31"),
    }
    assert ("children_starting_care", 39.0, "FY2025/26-Q3") in fields_on(
        con, "fct_placements", "383", 18, *fields
    )


def test_the_ombudsmans_decisions_add_up_with_their_upheld_row(con):
    """384 lines 14-21, 'Ombudsman decisions': the decisions of 2023/24 (5 + 3 + 2 upheld + 2 =
    12) were found not to add up to their total of 12, the upheld row being read as a measure
    of its own and the enquiries received (12) not a decision: a measure's rows with the rows
    of its parts (seed measure_parts) make the total too. 2024/25's 15 against 14 is still
    found, saying what the parts add up to."""
    found = rows(
        con,
        "select f.period_id, f.detail from marts.dq_findings f join marts.dim_pack p using "
        "(pack_id) where p.file_name like '384%' and f.check_name = 'detail_rows_sum_to_total_row'",
    )
    assert [(f["period_id"], "14 with the rows of its parts" in f["detail"]) for f in found] == [
        ("FY2024/25", True)
    ]


def test_a_banner_with_a_comma_and_a_lead_members_line_are_no_report_titles(con):
    """385 lines 11-31: a report under `Scrutiny Committee, 29 January 2026` (its committee and
    date, with a comma) was titled by that line, and one under `Lead Member - Cabinet Member for
    Children and Schools (...)` by the member's line: they are titled by the lines below them."""
    titles = [(d["title"], d["first_line"]) for d in documents_of(con, "385")[1:]]
    assert titles == [
        ("Adult Social Care: People Waiting for Assessments", 11),
        ("Children Looked After: Quarter 3 Performance Report", 23),
    ]


def test_a_contact_officers_key_and_a_line_of_contact_details_name_the_officer(con):
    """385 lines 20-21 and 35: `Contact details` over `Tom Reed, Scrutiny Officer; Email: ...;
    Telephone: ...`, and `Contact Officer(s):<TAB>Jane Ellis` in a report's header, named no
    officer: the first line's name and title, and the key's value, do."""
    officers = rows(
        con,
        "select d.officer from marts.dim_document d join marts.dim_pack p using (pack_id) "
        "where p.file_name like '385%' and d.kind = 'report' and d.seq > 1 order by d.seq",
    )
    assert [d["officer"] for d in officers] == ["Tom Reed, Scrutiny Officer", "Jane Ellis"]


def test_a_caption_of_the_distance_of_placements_counts_the_children_placed(con):
    """386 lines 14-21: under 'Table 4: Distance of placement from home, 31 December 2025' the
    Total (1,216) took the measure of the sentence above it ('... when they came into care':
    children starting care) and the bands' counts (498, 522) were unclassified: they are the
    children looked after placed in each band, and their total (seed measure_patterns)."""
    fields = ("measure", "value", "period_id", "breakdown")
    assert fields_on(con, "fct_placements", "386", 18, *fields) >= {
        ("cla_count", 498.0, "D2025-12-31", "Inside the Calderbrook boundary")
    }
    assert fields_on(con, "fct_placements", "386", 21, *fields) == {
        ("cla_count", 1216.0, "D2025-12-31", None)
    }
    assert ("cla_placed_over_20_miles", 196.0, "D2025-12-31", None) in fields_on(
        con, "fct_placements", "386", 20, *fields
    )


def test_a_median_wait_printed_in_days_in_a_sentence(con):
    """387 line 14: 'The median wait for an occupational therapy assessment was 41 days at 31
    December 2025 (December 2024: 58 days)' was no fact (the sentence patterns of a median wait
    named the measure in weeks, whose unit a figure in days is not): both are median waits in
    days (seed prose_measure_patterns)."""
    fields = ("measure", "value", "unit", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "387", 14, *fields) == {
        ("median_wait_days", 41.0, "days", "D2025-12-31", "occupational_therapy"),
        ("median_wait_days", 58.0, "days", "D2024-12-31", "occupational_therapy"),
    }


def test_children_who_are_placed_more_than_20_miles_away(con):
    """388 line 14: '58 children (17%) are placed more than 20 miles from their home address'
    was no fact (the sentence patterns wanted 'were' or 'was'): the children placed over 20 miles
    from home and their share; the London average beside them is none."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "388", 14, *fields) == {
        ("cla_placed_over_20_miles", 58.0, "D2025-12-31"),
        ("cla_placed_over_20_miles_pct", 17.0, "D2025-12-31"),
    }


def test_a_row_awaiting_assessment_in_a_table_of_dols_applications(con):
    """389 lines 18-23, 'Table 3: DoLS applications, 2025/26 by quarter': the table had no
    domain, so 'Awaiting assessment at end of quarter' (2,381 at the end of Q3) was lost and the
    2,318 printed for the same list and day in Table 2 was checked against nothing. A row opening
    'Awaiting assessment' is a waiting list (seeds domain_patterns, measure_patterns); the rows of
    applications received and completed, and 'High priority awaiting allocation' (a part), stay
    unclassified."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "389", 22, *fields) == {
        ("referrals_waiting", 2509.0, "D2025-06-30", "dols_assessment"),
        ("referrals_waiting", 2419.0, "D2025-09-30", "dols_assessment"),
        ("referrals_waiting", 2381.0, "D2025-12-31", "dols_assessment"),
    }
    for line in (20, 23):
        assert fields_on(con, "fct_waiting_times", "389", line, *fields) == set()
        assert len(unclassified(con, "389", line)) == 3


def test_an_earlier_figure_restated_in_brackets_is_not_the_sentences(con):
    """390 line 14: 'there were 642 looked after children ..., a rate of 71 per 10,000 ...,
    against 668 (74 per 10,000) at the same point last year': the 74 in brackets restates the
    earlier 668 and was published as the rate at 30 September 2025 beside the 71. A figure in
    brackets right after a compared figure is compared too (role from): no fact of its own."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "390", 14, *fields) == {
        ("cla_count", 642.0, "D2025-09-30"),
        ("cla_rate_per_10000", 71.0, "D2025-09-30"),
    }
    assert subjects_on(con, "fct_placements", "390", 14) == {("children", None)}


def test_a_rate_after_children_who_were_looked_after(con):
    """391 lines 14 and 16: '415 children were looked after by the council, a rate of 58 per
    10,000' and '402 children are in our care, a rate of 56 per 10,000': the counts were read
    but not the rates, whose sentence pattern wanted the noun phrase 'children looked after' or
    'children in care' (seed prose_measure_patterns)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "391", 14, *fields) == {
        ("cla_count", 415.0, "D2025-03-31"),
        ("cla_rate_per_10000", 58.0, "D2025-03-31"),
    }
    assert fields_on(con, "fct_placements", "391", 16, *fields) == {
        ("cla_count", 402.0, "D2025-09-30"),
        ("cla_rate_per_10000", 56.0, "D2025-09-30"),
    }


def test_a_report_opening_with_its_author_over_its_title(con):
    """392 lines 10-42: each report opens `Report author:` / `Tel:` over its title, `Date:`,
    `Report of:` and `Report to:` (as Leeds prints them). The reports opened at `Report of:`, so
    each was titled by its first heading (`Brief summary`) and its author and title fell into
    the document before: they open at the author's line, titled by the line under it."""
    officers = rows(
        con,
        "select d.title, d.officer, d.first_line, d.last_line from marts.dim_document d "
        "join marts.dim_pack p using (pack_id) where p.file_name like '392%' and d.seq > 1 "
        "order by d.seq",
    )
    assert [tuple(d.values()) for d in officers] == [
        (
            "Adult Social Care: Assessment and Review Waiting Lists, Quarter 3 2025/26",
            "Priya Natt",
            10,
            28,
        ),
        ("Adult Social Care Complaints: Half-Year Update 2025/26", "Owen Greaves", 29, 42),
    ]


def test_a_localitys_list_is_a_figure_of_its_own_not_the_councils_snapshot(pub):
    """376 lines 18-22: each locality's list of people awaiting a Care Act assessment is a
    figure of its own (bi.figures, its locality as district); the waiting-list snapshot of the
    council at 30 November 2025 is one row, the council's whole list (the table's total), not a
    row per locality."""
    snapshots = rows(
        pub,
        "select as_of_date, referrals_waiting, printings_agree from bi.waiting_list_snapshots "
        "where service_code = 'care_act_assessment' "
        "and array_to_string(printed_at, ',') like '%376_dartmoor%' order by as_of_date",
    )
    assert [(str(r["as_of_date"]), r["printings_agree"]) for r in snapshots] == [
        ("2025-03-31", True),
        ("2025-11-30", True),
    ]
    assert [r["referrals_waiting"] for r in snapshots] == [1702, 1486]
    localities = pub.execute(
        "select district, value from bi.figures where measure = 'referrals_waiting' "
        "and period_id = 'D2025-11-30' and district is not null "
        "and array_to_string(printed_at, ',') like '%376_dartmoor%' order by district"
    ).fetchall()
    assert localities == [("Eastern", 391), ("Northern", 348), ("Southern", 344), ("Western", 403)]


def test_an_indented_row_is_read_under_its_own_columns(con):
    """393 line 17: `<TAB>of which under 5s<TAB>486<TAB>502<TAB>519<TAB>+33`, printed one cell
    to the right of the other rows, was read with its label under `Nov 2025` and each figure
    under the next column: 486 published as December's list, 519 as a change, and false findings
    (one figure printed twice, rows not adding to the total). Without its indent its figures
    fall under their own months, a part of the row above (unclassified), and nothing is found."""
    assert fields_on(con, "fct_waiting_times", "393", 17, "measure", "value") == set()
    assert {(u["column_name"], u["value"]) for u in unclassified(con, "393", 17)} == {
        ("Nov 2025", 486.0),
        ("Dec 2025", 502.0),
        ("Jan 2026", 519.0),
        ("Change since Nov", 33.0),
    }
    fields = ("measure", "value", "value_type", "service_code", "period_id")
    assert fields_on(con, "fct_waiting_times", "393", 16, *fields) == {
        ("referrals_waiting", 1204.0, "actual", "speech_language_therapy", "D2025-11-30"),
        ("referrals_waiting", 1231.0, "actual", "speech_language_therapy", "D2025-12-31"),
        ("referrals_waiting", 1262.0, "actual", "speech_language_therapy", "D2026-01-31"),
        ("referrals_waiting", 58.0, "change", "speech_language_therapy", "D2026-01-31"),
    }
    assert findings_of(con, "393") == []


def test_a_first_half_year_column_and_a_mid_year_report(con):
    """394, 'Adult Social Care Complaints: Mid-Year Report 2025/26': columns `Received H1
    2024/25` and `H1 25/26` were read as the whole fiscal years (or as the title's year), and
    the `Upheld` / `Not upheld` columns, printing no period, as the title's whole year; so was
    a sentence's `in H1 2025/26`. A first half is the year's April to September; a flow of a
    report titled by a part of its year is counted over that part."""
    h1_2024, h1_2025 = "R2024-04-01/2024-09-30", "R2025-04-01/2025-09-30"
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "394", 16, *fields) == {
        ("complaints_received", 71.0, h1_2024),
        ("complaints_received", 83.0, h1_2025),
        ("complaints_upheld", 22.0, h1_2025),
        ("complaints_not_upheld", 49.0, h1_2025),
    }
    assert fields_on(con, "fct_complaints", "394", 21, *fields) == {
        ("complaints_received", 40.0, h1_2024),
        ("complaints_received", 47.0, h1_2025),
    }
    # line 25, 'received 83 Stage 1 complaints in H1 2025/26, compared with 71 in H1 2024/25'
    assert fields_on(con, "fct_complaints", "394", 25, *fields, "comparison_period_id") == {
        ("complaints_received", 83.0, h1_2025, h1_2024),
        ("complaints_received", 71.0, h1_2024, None),
    }


def test_a_caption_dated_in_figures(con):
    """395 lines 14-24: captions ending `, 30.09.25` and `, 31/10/2025` (a day printed in
    figures) dated nothing, so the stocks under them took the fiscal year of the report's title
    (`QUARTER 2 2025/26`); they are at those days."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "395", 18, *fields) == {
        ("cla_count", 508.0, "D2025-09-30")
    }
    assert fields_on(con, "fct_waiting_times", "395", 24, *fields) == {
        ("referrals_waiting", 463.0, "D2025-10-31")
    }


def test_a_caption_naming_a_count_and_its_rate(con):
    """396 lines 14-25: under 'Children in our care and rate per 10,000' the rows `Number` (688,
    701) and `Of which UASC` were published as rates per 10,000, the caption's stronger measure:
    only the row naming a rate is one, the others are left unclassified. And a caption 'Children
    in our care by age band' (`in our care`) names the children counted: its rows are counts."""
    fields = ("measure", "value", "period_id")
    for line in (16, 18):
        assert fields_on(con, "fct_placements", "396", line, *fields) == set()
        assert len(unclassified(con, "396", line)) == 2
    assert fields_on(con, "fct_placements", "396", 17, *fields) == {
        ("cla_rate_per_10000", 82.0, "D2025-06-30"),
        ("cla_rate_per_10000", 84.0, "D2025-09-30"),
    }
    assert fields_on(con, "fct_placements", "396", 22, *fields, "age_band") == {
        ("cla_count", 118.0, "D2025-09-30", "Under 5")
    }
    assert fields_on(con, "fct_placements", "396", 25, *fields) == {
        ("cla_count", 701.0, "D2025-09-30")
    }


def test_a_column_of_the_months_from_april(con):
    """397 lines 15-18: a column `Apr-Nov 2025` beside `2024-25` was read by its last month, as
    if its counts were a stock at 30 November 2025: they are counted over the fiscal year so
    far, 1 April to 30 November 2025."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_complaints", "397", 16, *fields) == {
        ("ombudsman_findings", 64.0, "FY2024/25"),
        ("ombudsman_findings", 49.0, "R2025-04-01/2025-11-30"),
    }
    assert fields_on(con, "fct_complaints", "397", 17, *fields) == {
        ("ombudsman_upheld", 38.0, "FY2024/25"),
        ("ombudsman_upheld", 27.0, "R2025-04-01/2025-11-30"),
    }


def test_a_notes_threshold_is_no_count(con):
    """398 line 20: `* Fewer than 4 complaints; counted in the total.` under a table whose
    Fostering row prints `*` was published as 4 complaints received in 2024/25: a note's bound
    explains the table's mark, it counts nothing (the suppressed cell stays a fact without a
    value)."""
    assert facts(con, "fct_complaints", "398", 20) == []
    assert fields_on(con, "fct_complaints", "398", 17, "measure", "value_status") == {
        ("complaints_received", "suppressed")
    }


def test_a_dash_for_a_quarter_not_yet_over_is_no_zero(con):
    """399 lines 16-17: a meeting of 19 February 2026 prints `-` under Q4 for 2024/25 and for
    2025/26. The first is a quarter with none (0); the second a quarter not over by the meeting,
    whose dash was published as 0 complaints: it is not yet known (null)."""
    fields = ("measure", "value", "value_status", "period_id")
    assert ("complaints_received", 0.0, "zero_token", "FY2024/25-Q4") in fields_on(
        con, "fct_complaints", "399", 16, *fields
    )
    q4 = [f for f in facts(con, "fct_complaints", "399", 17) if f["period_id"] == "FY2025/26-Q4"]
    assert [(f["measure"], f["value"], f["value_status"]) for f in q4] == [
        ("complaints_received", None, "null_token")
    ]


def test_a_change_printed_with_a_typographic_minus(con):
    """400 line 16: `Change` column printing `−12` (U+2212, not a hyphen) was no value of any
    shape, so the fall in the list was dropped without trace; it is a change of -12."""
    fields = ("measure", "value", "value_type", "value_text", "period_id")
    assert fields_on(con, "fct_waiting_times", "400", 16, *fields) == {
        ("referrals_waiting", 412.0, "actual", "412", "D2025-12-31"),
        ("referrals_waiting", 400.0, "actual", "400", "D2026-01-31"),
        ("referrals_waiting", -12.0, "change", "−12", "D2026-01-31"),
    }


def test_a_rolling_year_column_and_a_month_in_brackets(con):
    """401: a column `Rolling year to Dec 2025` beside quarters was dated by the report's year
    (2025/26), as if children entering care over January to December 2025 had entered in the
    fiscal year; a flow there is counted over its twelve months. Columns `R12M to Sep 25` and
    `R12M to Dec 25` were both dated by the title's quarter: a stock there is at the day each
    ends. A column `% of total (Dec 25)` was dated by the report's year: it is at 31 December.
    (`Children who stopped being looked after` was no measure: it is children ceasing care.)"""
    fields = ("measure", "value", "period_id", "period_source")
    assert fields_on(con, "fct_placements", "401", 16, *fields) == {
        ("children_starting_care", 61.0, "FY2025/26-Q2", "column+column"),
        ("children_starting_care", 58.0, "FY2025/26-Q3", "column+column"),
        ("children_starting_care", 247.0, "R2025-01-01/2025-12-31", "column"),
    }
    assert ("children_ceasing_care", 239.0, "R2025-01-01/2025-12-31", "column") in fields_on(
        con, "fct_placements", "401", 17, *fields
    )
    assert fields_on(con, "fct_placements", "401", 21, *fields) == {
        ("cla_three_or_more_placements_pct", 10.4, "D2025-09-30", "column"),
        ("cla_three_or_more_placements_pct", 9.8, "D2025-12-31", "column"),
    }
    assert ("cla_share_pct", 78.0, "D2025-12-31", "column") in fields_on(
        con, "fct_placements", "401", 25, *fields
    )


def test_a_reports_stated_day_dates_its_undated_stocks(con):
    """402: a report saying `Unless otherwise stated, all figures are as at 31st December 2025`
    (the day after its words) and one saying `The data in this report is as at 30/11/2025 (end
    of month) unless stated` (a date in figures): their undated tables' stocks, a stock `now 44`
    and a level reached `over the last year` were dated by the meeting (27 January 2026); they
    are at the day each report states."""
    fields = ("measure", "value", "period_id", "period_source")
    assert fields_on(con, "fct_placements", "402", 24, *fields) == {
        ("cla_count", 201.0, "D2025-12-31", "document_statement"),
        ("cla_share_pct", 67.0, "D2025-12-31", "document_statement"),
    }
    assert fields_on(con, "fct_placements", "402", 29, *fields) == {
        ("cla_placed_over_20_miles", 44.0, "D2025-12-31", "document_statement")
    }
    assert fields_on(con, "fct_waiting_times", "402", 43, *fields) == {
        ("median_wait_weeks", 45.0, "D2025-11-30", "document_statement")
    }
    assert fields_on(con, "fct_waiting_times", "402", 47, *fields, "age_band") == {
        ("referrals_waiting", 412.0, "D2025-11-30", "document_statement", "Under 11")
    }


def test_an_age_band_row_is_the_list_of_its_captions_service(con):
    """402 lines 47-48 (and 395 lines 22-23): rows `Under 11` / `11 to 17` under `Children
    waiting for an ADHD assessment` were published with no service, as a row naming an age band
    was not one inheriting the caption's service: each is that age's part of the ADHD list."""
    fields = ("measure", "value", "age_band", "service_code")
    assert fields_on(con, "fct_waiting_times", "402", 47, *fields) == {
        ("referrals_waiting", 412.0, "Under 11", "adhd_assessment")
    }
    assert fields_on(con, "fct_waiting_times", "402", 48, *fields) == {
        ("referrals_waiting", 530.0, "11 to 17", "adhd_assessment")
    }


def test_children_we_care_for_and_rows_started_and_ceased(con):
    """403: a council calling its looked-after children `children we care for`. The table
    `Placements of children we care for` took its measure from the sentence above it (`96 of
    them are more than 20 miles from their home address`), so every count, 365 in all, was
    published as placed more than 20 miles away: they are children in care by placement. Rows
    `Started` / `Ceased` under `Children starting and ceasing to be cared for` were not
    published (and quarters `Q1 FY25/26`, `YTD FY25/26` not read)."""
    fields = ("measure", "value", "period_id")
    assert fields_on(con, "fct_placements", "403", 27, *fields, "column_name") == {
        ("cla_count", 365.0, "D2025-12-31", "Number"),
        ("cla_count", 279.0, "D2025-12-31", "In county"),
        ("cla_count", 86.0, "D2025-12-31", "Out of county"),
    }
    assert fields_on(con, "fct_placements", "403", 18, *fields) == {
        ("children_starting_care", 188.0, "FY2024/25"),
        ("children_starting_care", 47.0, "FY2025/26-Q1"),
        ("children_starting_care", 45.0, "FY2025/26-Q2"),
        ("children_starting_care", 48.0, "FY2025/26-Q3"),
        ("children_starting_care", 140.0, "R2025-04-01/2025-12-31"),
    }
    assert ("children_ceasing_care", 52.0, "FY2025/26-Q1") in fields_on(
        con, "fct_placements", "403", 19, *fields
    )


def test_a_year_to_date_sentence_takes_its_tables_span(con):
    """403 line 14: `In the year to date 140 children came into care and 151 left care` was
    counted from 1 April 2025 to the meeting (12 March 2026); the report's table prints the same
    140 and 151 in its `YTD FY25/26` column, to 31 December 2025: that span."""
    assert fields_on(con, "fct_placements", "403", 14, "measure", "value", "period_id") == {
        ("children_starting_care", 140.0, "R2025-04-01/2025-12-31"),
        ("children_ceasing_care", 151.0, "R2025-04-01/2025-12-31"),
    }


def test_districts_under_their_county_and_bands_of_a_wait(con):
    """404: a column `Waiting 28+ days` beside the month-end lists was published as the whole
    list (70 and 131 on one key for Northfold, 31 December); `Median days waited` as weeks; rows
    `Under 4` / `4 to 12` / `Over 12` under `Weeks waiting` as age bands; and the county row
    `Brackenby` after its districts was no total, so its 259 against districts adding to 249 was
    never checked. The band and threshold counts are parts of the list no measure names."""
    fields = ("measure", "value", "period_id", "district")
    assert fields_on(con, "fct_waiting_times", "404", 16, *fields) == {
        ("referrals_waiting", 140.0, "D2025-09-30", "Northfold"),
        ("referrals_waiting", 131.0, "D2025-12-31", "Northfold"),
        ("median_wait_days", 33.0, "D2025-12-31", "Northfold"),
    }
    assert {u["value_text"] for u in unclassified(con, "404", 16)} == {"70"}
    assert facts(con, "fct_waiting_times", "404", 22) == []
    assert fields_on(con, "fct_waiting_times", "404", 25, "measure", "value", "service_code") == {
        ("referrals_waiting", 193.0, "occupational_therapy")
    }
    (finding,) = rows(
        con,
        "select f.detail from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '404%' and f.check_name = 'detail_rows_sum_to_total_row'",
    )
    assert "add up to 249 but the total row says 259" in finding["detail"]


def test_a_responded_column_naming_its_upheld_parts_in_brackets(con):
    """405: `40 (9U & 12PU)` under `Responded to (upheld & partly upheld)` was published as 40
    complaints upheld or partly upheld (and the total 51 so too), with a false finding that 9 +
    12 is not 40: the bracket in the header is the cell's, the 40 are those responded to. The
    upheld and partly upheld parts are the council's; the lead figure and the column's total are
    left unclassified."""
    fields = ("measure", "value")
    assert fields_on(con, "fct_complaints", "405", 16, *fields) == {
        ("complaints_received", 44.0),
        ("complaints_upheld", 9.0),
        ("complaints_partially_upheld", 12.0),
    }
    assert fields_on(con, "fct_complaints", "405", 18, *fields) == {("complaints_received", 56.0)}
    assert {u["value"] for u in unclassified(con, "405", 18)} == {51.0}
    assert not rows(
        con,
        "select 1 from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '405%' and f.check_name = 'combined_upheld_equals_parts'",
    )


def test_a_row_of_statistical_codes_is_a_row_of_its_own(con):
    """406 line 17: `Fostering and adoption<TAB>c<TAB>c` (the statistics code `c`, a figure
    withheld) under `Leaving care<TAB>16<TAB>5` was read as the rest of that row's label, so
    Leaving care's 16 and 5 were published for `Leaving care Fostering and adoption` and the
    suppressed row was lost: it is a row of its own, its figures suppressed."""
    fields = ("measure", "value", "value_status", "service_text")
    assert fields_on(con, "fct_complaints", "406", 16, *fields) == {
        ("complaints_received", 16.0, "printed", "Leaving care"),
        ("complaints_upheld", 5.0, "printed", "Leaving care"),
    }
    assert fields_on(con, "fct_complaints", "406", 17, *fields) == {
        ("complaints_received", None, "suppressed", "Fostering and adoption"),
        ("complaints_upheld", None, "suppressed", "Fostering and adoption"),
    }


def test_an_ombudsman_row_among_the_stages_of_the_councils_complaints(con):
    """207 line 15: `Local Government and Social Care Ombudsman<TAB>23<TAB>19` under `Complaints
    by stage` (rows `Stage 1`, `Stage 2`) was published as 23 and 19 complaints received by the
    council: a row naming the Ombudsman counts the cases that went to it."""
    assert fields_on(con, "fct_complaints", "207", 15, "measure", "value", "period_id") == {
        ("ombudsman_enquiries", 23.0, "FY2022/23"),
        ("ombudsman_enquiries", 19.0, "FY2023/24"),
    }


def test_a_kind_of_councils_column_with_its_year_is_a_comparator(con):
    """407: a column `Core Cities 2024/25` beside the council's own was published as the
    council's figures at 31 March 2025 (`Core Cities (median)` was held back, the year after the
    name was not): it is a comparator, as `England 2024/25` is."""
    assert fields_on(con, "fct_placements", "407", 16, "measure", "value", "column_name") == {
        ("care_leavers_in_touch_pct", 94.0, "Harbridge")
    }
    assert {u["value"] for u in unclassified(con, "407", 16)} == {92.0, 93.0}


def test_lac_by_placement_type_under_group_headings(con):
    """408: `LAC by placement type and location, 30/09/25` over `In Pellbury | Outside Pellbury
    | | Total` and a second header line `Placement type | | Under 20 miles | 20 miles or more`
    (its cells opening with a number were read as figures): every count was left unclassified,
    no measure named. They are children in care by placement type at 30 September 2025, those
    `20 miles or more` away counted as placed over 20 miles."""
    fields = ("measure", "value", "period_id", "column_name")
    assert fields_on(con, "fct_placements", "408", 17, *fields) == {
        ("cla_count", 31.0, "D2025-09-30", "In Pellbury"),
        ("cla_count", 40.0, "D2025-09-30", "Outside Pellbury Under 20 miles"),
        ("cla_placed_over_20_miles", 11.0, "D2025-09-30", "Outside Pellbury 20 miles or more"),
        ("cla_count", 82.0, "D2025-09-30", "Total"),
    }


def test_a_caption_dated_at_a_months_end_in_words(con):
    """409: `Speech and language therapy waiting list, end November 2025` under a heading
    `Update for the Commission, January 2026`: the caption's `end November 2025` was not read
    as its date, so the list was dated by the heading's month (31 January 2026); it is at 30
    November 2025."""
    assert fields_on(con, "fct_waiting_times", "409", 18, "measure", "value", "period_id") == {
        ("referrals_waiting", 520.0, "D2025-11-30")
    }


def test_a_note_saying_a_dash_is_not_applicable(con):
    """410 lines 17-18: `-` under `Statutory` for Youth Justice, under a note `- = not applicable
    (corporate procedure only)`, was published as 0 statutory complaints: the note says the
    dash is no count at all (null, as `N/A`)."""
    fields = ("value", "value_status")
    got = {
        f["column_name"]: (f["value"], f["value_status"])
        for f in facts(con, "fct_complaints", "410", 17)
    }
    assert got["Statutory"] == (None, "null_token")
    assert got["Corporate"] == (4.0, "printed")
    assert fields_on(con, "fct_complaints", "410", 18, *fields, "column_name") >= {
        (None, "null_token", "Corporate")
    }


def test_a_percentage_of_those_responded_to_is_no_share_of_those_received(con):
    """411 lines 16-17: `40 (83%)` under `Responded in time*`, its note `* % of complaints
    responded to in the period`: 40 of the 48 responded to (12 upheld + 36 not) is 83%; the
    check compared it with the 60 received (66.67%) and gave a false finding. The note says
    what the percentage is of: no finding."""
    assert ("complaints_in_timescale_pct", 83.0) in fields_on(
        con, "fct_complaints", "411", 16, "measure", "value"
    )
    assert not rows(
        con,
        "select 1 from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '411%' and f.check_name = 'percentage_matches_counts'",
    )


def test_a_service_the_report_names_once_by_a_name_of_its_own(con):
    """412 line 15 defines `Harrowden Minds Matter (HMM), the borough's mental health service for
    children and young people`: the table whose caption names HMM (lines 20-21) and the sentence
    naming it (line 22) are CAMHS's, each age band and month its own. `In Harrowden, the CAMHS
    single point of access team` (line 23) names no service of its own: `In` opens a clause."""
    assert fields_on(
        con,
        "fct_waiting_times",
        "412",
        20,
        "measure",
        "value",
        "as_of_date",
        "service_code",
        "age_band",
    ) == {
        ("referrals_waiting", 214, date(2025, 10, 31), "camhs", "Under 12"),
        ("referrals_waiting", 226, date(2025, 11, 30), "camhs", "Under 12"),
        ("referrals_waiting", 231, date(2025, 12, 31), "camhs", "Under 12"),
    }
    assert fields_on(con, "fct_waiting_times", "412", 21, "value", "service_code", "age_band") == {
        (388, "camhs", "12 to 17"),
        (402, "camhs", "12 to 17"),
        (415, "camhs", "12 to 17"),
    }
    assert fields_on(
        con, "fct_waiting_times", "412", 22, "measure", "value", "as_of_date", "service_code"
    ) == {("referrals_waiting", 646, date(2025, 12, 31), "camhs")}
    named = rows(
        con,
        "select n.service_name, n.name_letters, n.service_code, n.defined_line "
        "from intermediate.int_pack_service_names n join marts.dim_pack p using (pack_id) "
        "where p.file_name like '412%'",
    )
    assert named == [
        {
            "service_name": "Harrowden Minds Matter",
            "name_letters": "HMM",
            "service_code": "camhs",
            "defined_line": 15,
        }
    ]


def test_a_caption_naming_the_outcomes_only_in_brackets_does_not_make_the_lead_figure_upheld(
    con,
):
    """413 lines 16-18 under `Complaints received by stage, with outcome (upheld / partially
    upheld)`: `118 (14U & 30PU)` prints the complaints received with their outcomes in brackets
    (probe AQ aq2). The 14 and 30 are Stage 1's upheld and partially upheld for 2023/24; the
    118, and the Total row's 125 and 135, are no upheld counts (left unclassified), and no
    finding says 118 is not 14 + 30."""
    assert fields_on(
        con, "fct_complaints", "413", 16, "measure", "value", "stage", "period_id"
    ) == {
        ("complaints_upheld", 14, "1", "FY2023/24"),
        ("complaints_partially_upheld", 30, "1", "FY2023/24"),
        ("complaints_upheld", 19, "1", "FY2024/25"),
        ("complaints_partially_upheld", 33, "1", "FY2024/25"),
    }
    assert [u["value"] for u in unclassified(con, "413", 16)] == [118, 126]
    assert [u["value"] for u in unclassified(con, "413", 18)] == [125, 135]
    assert not facts(con, "fct_complaints", "413", 18)
    assert not rows(
        con,
        "select 1 from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '413%' and f.check_name <> 'council_name_unknown'",
    )


def test_enquiries_answered_in_time_under_a_caption_of_mp_enquiries_are_no_complaints(con):
    """414 lines 14-17: under `Member and MP enquiries received`, `% answered within 10 working
    days` was published as the complaints' timeliness (probe AQ aq3). It is the enquiries' own
    share answered in time, no measure of ours (seed label_measures_in_context): unclassified.
    The MP enquiries stay MPs' enquiries; their `Q1` and `Q2`, printing no year, are the quarters
    of the caption's run of months (2025/26), not both the run's last day."""
    assert fields_on(con, "fct_complaints", "414", 16, "measure", "value", "period_id") == {
        ("mp_enquiries", 84, "FY2025/26-Q1"),
        ("mp_enquiries", 91, "FY2025/26-Q2"),
        ("mp_enquiries", 175, "R2025-04-01/2025-09-30"),
    }
    assert fields_on(con, "fct_complaints", "414", 17, "measure", "value") == set()
    assert [u["value"] for u in unclassified(con, "414", 17)] == [78, 81, 83]


def test_a_regions_column_with_a_short_year_is_a_comparator(con):
    """415 line 16: `London 24/25` beside the council's quarters was published as the council's
    own (probe AQ aq3: the region's name was a comparator before a four-digit year only), and so
    was `North East London`, a part of London (an NHS area; probe AP ap3). Both are comparators,
    unclassified; the council's quarters are its own."""
    assert fields_on(con, "fct_placements", "415", 16, "measure", "value", "period_id") == {
        ("care_leavers_in_touch_pct", 90.0, "D2025-06-30"),
        ("care_leavers_in_touch_pct", 93.0, "D2025-09-30"),
    }
    assert {u["value"] for u in unclassified(con, "415", 16)} == {91.0, 89.0}


def test_a_quarter_column_printing_its_last_day_in_brackets_is_at_that_day(con):
    """416 lines 18-20: `Q2 25/26 (30 Sep)` beside `Nov-25` under `No. of children waiting`, below
    a sentence about 30 November 2025 (probe AQ aq2): the quarter's figures were dated by the
    sentence, 30 November, two lists on one day. They are at the quarter's end, 30 September 2025;
    the November column stays November's."""
    fields = ("measure", "value", "as_of_date", "service_code")
    assert fields_on(con, "fct_waiting_times", "416", 19, *fields) == {
        ("referrals_waiting", 1184, date(2025, 9, 30), "speech_language_therapy"),
        ("referrals_waiting", 1226, date(2025, 11, 30), "speech_language_therapy"),
    }
    assert fields_on(con, "fct_waiting_times", "416", 20, *fields) == {
        ("referrals_waiting", 563, date(2025, 9, 30), "occupational_therapy"),
        ("referrals_waiting", 591, date(2025, 11, 30), "occupational_therapy"),
    }


def test_a_caption_naming_the_share_seen_within_18_weeks_gives_its_rows_the_measure(con):
    """417 lines 14-17: `Percentage of children seen within 18 weeks of referral, by quarter` over
    rows of services, under a title naming no wait, was dropped whole (probe AQ aq2: the measure's
    wording was read in a row's or column's label only, and no domain in it), so a planted 104%
    in such a table was never checked (the fact gate's percentages within 0-100). Each cell is
    the service's share seen within 18 weeks in its quarter of 2025/26."""
    fields = ("measure", "value", "period_id", "service_code")
    assert fields_on(con, "fct_waiting_times", "417", 16, *fields) == {
        ("pct_seen_within_18_weeks", 63.0, "FY2025/26-Q1", "speech_language_therapy"),
        ("pct_seen_within_18_weeks", 66.0, "FY2025/26-Q2", "speech_language_therapy"),
    }
    assert fields_on(con, "fct_waiting_times", "417", 17, *fields) == {
        ("pct_seen_within_18_weeks", 94.0, "FY2025/26-Q1", "physiotherapy"),
        ("pct_seen_within_18_weeks", 96.0, "FY2025/26-Q2", "physiotherapy"),
    }


def test_outcomes_exceeding_the_complaints_received_in_their_row_are_a_finding(con):
    """418 line 17 (probe AQ aq1's planted P1): `Fostering Service | 7 | 3 | 5 | 1` under `Received
    | Upheld | Partly upheld | Not upheld`. Each outcome is within the 7 received (the fact gate's
    rule), their sum is not: a finding naming the line, the outcomes and the period; the row above
    (6 + 9 + 14 of 31) and the total (9 + 14 + 15 of 38) are none."""
    got = rows(
        con,
        "select f.source_lines, f.expected_value, f.observed_value, f.period_id, f.detail "
        "from marts.dq_findings f join marts.dim_pack p using (pack_id) "
        "where p.file_name like '418%' and f.check_name = 'outcomes_exceed_received'",
    )
    assert got == [
        {
            "source_lines": "17",
            "expected_value": 9.0,
            "observed_value": 7.0,
            "period_id": "R2025-04-01/2025-09-30",
            "detail": "The outcomes printed on line 17 (upheld 3 + partially upheld 5 + not upheld "
            "1 = 9) exceed the 7 complaints it prints as received, R2025-04-01/2025-09-30",
        }
    ]


def test_a_sentences_count_of_children_in_care_is_checked_against_its_table(con):
    """419 (probe AQ aq3's planted P3, probe AP ap3's P3): `At 30 September 2025 there were 316
    looked after children` (line 14) names no service, so it was compared with nothing, and the
    table's 361 at the same day (line 19) disagreed unseen. The count of children looked after is
    the council's whole by its own words (var whole_council_measures): a finding. `88 children
    started to be in care and 74 stopped being in care` (line 15) were read as children looked
    after (AP ap1): they are the children starting and ceasing care over April-September."""
    assert fields_on(con, "fct_placements", "419", 14, "measure", "value", "period_id") == {
        ("cla_count", 316.0, "D2025-09-30"),
        ("cla_rate_per_10000", 42.0, "D2025-09-30"),
    }
    assert fields_on(con, "fct_placements", "419", 15, "measure", "value", "period_id") == {
        ("children_starting_care", 88.0, "R2025-04-01/2025-09-30"),
        ("children_ceasing_care", 74.0, "R2025-04-01/2025-09-30"),
    }
    for line in (14, 15):  # the children's services of the report's title
        assert subjects_on(con, "fct_placements", "419", line) == {("children", None)}
    got = rows(
        con,
        "select f.expected_value, f.observed_value, f.period_id from marts.dq_findings f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '419%' "
        "and f.check_name = 'prose_figure_disagrees_with_table'",
    )
    assert got == [{"expected_value": 361.0, "observed_value": 316.0, "period_id": "D2025-09-30"}]


def test_the_total_of_teams_of_the_captions_service_is_that_service(con):
    """420 line 18: `All teams` under `CAMHS (core) waiting list by locality team`, below rows
    `CAMHS Kelsworth North` and `CAMHS Kelsworth South` (probe AQ aq1): the total took no service
    (its rows name one, so the caption's was not given to it). Its rows name none but the
    caption's: it is CAMHS's whole list."""
    fields = ("measure", "value", "as_of_date", "service_code")
    assert fields_on(con, "fct_waiting_times", "420", 18, *fields) == {
        ("referrals_waiting", 358.0, date(2025, 11, 30), "camhs"),
        ("median_wait_weeks", 10.0, date(2025, 11, 30), "camhs"),
    }


def test_a_report_covers_item_number_is_no_count(con):
    """421 line 15: `Item Number:<TAB>5` on a complaints report's cover (probe AQ aq3) was
    published as 5 complaints received in 2024/25. It is the agenda item's number (var
    document_furniture_label): no fact, left unclassified; the table below keeps its complaints
    received by stage."""
    assert fields_on(con, "fct_complaints", "421", 15, "measure", "value") == set()
    assert [u["value"] for u in unclassified(con, "421", 15)] == [5.0]
    assert fields_on(con, "fct_complaints", "421", 19, "measure", "value", "stage") == {
        ("complaints_received", 2451.0, "1")
    }
    assert fields_on(con, "fct_complaints", "421", 19, "period_id") == {("FY2024/25",)}
    assert subjects_on(con, "fct_complaints", "421", 19) == {(None, None)}


def test_average_working_days_to_conclude_beside_stage_rows_are_days(con):
    """422 lines 16-17 (probe AQ aq1): under `Average working days to conclude`, Stage 2's 61 was
    published as 61 independent investigations and Stage 3's `-` as 0 review panels (the row's
    stage measure beat a column naming none of ours). The column names the average time taken
    (seed measure_patterns): 61 days, and the dash no zero."""
    fields = ("measure", "value", "value_status", "stage")
    assert fields_on(con, "fct_complaints", "422", 16, *fields) == {
        ("complaints_independent_investigations", 8.0, "printed", "2"),
        ("complaints_avg_response_days", 61.0, "printed", "2"),
    }
    assert fields_on(con, "fct_complaints", "422", 17, *fields) == {
        ("stage3_review_panels", 1.0, "printed", "3"),
        ("complaints_avg_response_days", None, "null_token", "3"),
    }
    for line in (16, 17):  # the caption's half year, the report's children's services
        assert fields_on(con, "fct_complaints", "422", line, "period_id") == {
            ("R2025-04-01/2025-09-30",)
        }
        assert subjects_on(con, "fct_complaints", "422", line) == {("children", None)}


def test_a_count_with_its_share_in_brackets_after_a_stage_label_is_upheld(con):
    """423 line 13 (probe AQ aq3): `812 Stage 1 complaints (45%) were upheld or partly upheld in
    2024/25` was published as 812 complaints received. The bracketed 45% is 812's own share and
    stands aside from its words although `Stage 1` prints a number between them (a label's, no
    figure): 812 complaints upheld or partly upheld at Stage 1 in 2024/25, beside the rate."""
    fields = ("measure", "value", "fiscal_year", "stage")
    assert fields_on(con, "fct_complaints", "423", 13, *fields) == {
        ("complaints_upheld_or_partially_upheld", 812.0, "2024/25", "1"),
        ("complaints_upheld_or_partially_upheld_pct", 45.0, "2024/25", "1"),
        ("complaints_upheld_or_partially_upheld_pct", 41.0, "2023/24", "1"),
    }
    assert fields_on(con, "fct_complaints", "423", 11, *fields) == {
        ("complaints_received", 1820.0, "2024/25", "1")
    }
    assert subjects_on(con, "fct_complaints", "423", 13) == {(None, None)}


def test_a_month_after_the_from_figure_is_its_own_not_the_to_figures(con):
    """424 line 16 (probe AQ aq2): `fell from a peak of 612 in August to 530` dated 530 at 31
    August (the month printed right before it) and left 612 out. August is printed after the
    'from' figure: 612's month. 530 is of the day the document states its data at (30 November,
    as Table 1's Nov-25 prints it), and 612 is August's."""
    fields = ("measure", "value", "as_of_date", "service_code")
    assert fields_on(con, "fct_waiting_times", "424", 16, *fields) == {
        ("referrals_waiting", 352.0, date(2025, 11, 30), "camhs"),
        ("referrals_waiting", 612.0, date(2025, 8, 31), "camhs"),
        ("referrals_waiting", 530.0, date(2025, 11, 30), "camhs"),
    }


def test_a_change_than_the_peak_in_a_month_is_of_the_figure_it_changes(con):
    """425 line 11 (probe AQ aq1): `At the end of November 2025, 588 ... were waiting ..., 39
    fewer than the peak in September (627)` dated the change at September. `than the peak in
    September` is the period the change is compared with (prose.yml comparison_before_period):
    the change is of 588's day, 30 November, and 627 in brackets after it is September's."""
    fields = ("measure", "value", "value_type", "as_of_date", "service_code")
    assert fields_on(con, "fct_waiting_times", "425", 11, *fields) == {
        ("referrals_waiting", 588.0, "actual", date(2025, 11, 30), "camhs"),
        ("referrals_waiting", -39.0, "change", date(2025, 11, 30), "camhs"),
        ("referrals_waiting", 627.0, "actual", date(2025, 9, 30), "camhs"),
    }
