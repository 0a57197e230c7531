"""Kinds of error the issue 12 audit found in published facts (docs/audit/2026-11-30-facts.md),
each tested on the bundled sample packs and on small layouts of another council's wording
(tests/data/audit_layouts, an invented council):

* a caption that names a complaints procedure to say its figures are outside it ('In addition
  to ... Statutory Complaints, ... 408 enquiries') names no procedure; a row or column naming
  one ('Corporate Complaints Procedure') does; a caption naming both names neither;
* a table counting a cohort its introducing sentences define ('children ... previously subject
  to a Child Protection Plan ... became Looked After') keeps the cohort (segment), and its
  measure comes from those sentences, not from a header word such as 'Looked After Legal
  Status' (which alone is left unclassified);
* the only value column of a table, headed with the table's own measure ('Number of Duty
  Matters'), breaks nothing down;
* a case list whose only number is its TOTAL row's count is a text table: a 'Not Applicable' in
  it is no value, and the column the count is printed under is no breakdown.
"""

from __future__ import annotations

import duckdb
import pytest


@pytest.fixture(scope="module")
def layouts(layouts_built):
    """The audit layouts, built by dbt with every other test layout (conftest)."""
    connection = duckdb.connect(str(layouts_built["db"]), read_only=True)
    yield connection
    connection.close()


def facts(con, table: str, pack: str, line: int, **where) -> list[dict]:
    """The facts of `marts.<table>` printed on `line` of the pack whose file name starts with
    `pack`, optionally narrowed by column = value."""
    extra = "".join(f" and f.{column} = ?" for column in where)
    cursor = con.execute(
        f"select f.* from marts.{table} f join marts.dim_pack p using (pack_id) "
        f"where p.file_name like ? and f.source_line = ?{extra} order by f.column_name, f.measure",
        [f"{pack}%", line, *where.values()],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def one(con, table: str, pack: str, line: int, **where) -> dict:
    found = facts(con, table, pack, line, **where)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- procedures


def test_a_caption_putting_figures_outside_a_procedure_names_none(marts_con, layouts):
    # 004 l.889: 'In addition to the recording and administering of Statutory Complaints, ...
    # an additional 408 enquiries'; l.896 'MP Enquiry's (Adult Social Care) 135 135'
    mp = one(marts_con, "fct_complaints", "004", 896, column_name="2017/2018")
    assert (mp["value"], mp["measure"], mp["procedure"]) == (135, "enquiries", None)
    # the row that names a procedure keeps it: l.899 'Corporate Complaints Procedure 1 12'
    corporate = one(marts_con, "fct_complaints", "004", 899, column_name="2017/2018")
    assert (corporate["value"], corporate["procedure"]) == (12, "corporate")
    # a caption naming the procedure of its own figures still does: l.1156 '2017/18 ... 54'
    statutory = one(marts_con, "fct_complaints", "004", 1156, column_name="TOTAL")
    assert (statutory["value"], statutory["procedure"], statutory["stage"]) == (
        54,
        "statutory",
        "1",
    )
    # another wording: 'Besides statutory complaints, the team logged the following enquiries'
    housing = one(layouts, "fct_complaints", "301", 30, column_name="2018/19")
    assert (housing["value"], housing["procedure"]) == (21, None)
    moved = one(layouts, "fct_complaints", "301", 32, column_name="2018/19")
    assert (moved["value"], moved["procedure"]) == (6, "corporate")


def test_a_caption_naming_both_procedures_names_neither(layouts):
    # 'complaints received under the statutory and corporate procedures': figures of both
    both = facts(layouts, "fct_complaints", "301", 14)
    assert [f["value"] for f in both] == [11, 9, 14, 10, 44]
    assert {f["procedure"] for f in both} == {None}
    # 'the Stage 1 complaints dealt with under the corporate complaints procedure'
    corporate = one(layouts, "fct_complaints", "301", 23, column_name="Total")
    assert (corporate["value"], corporate["procedure"], corporate["stage"]) == (
        10,
        "corporate",
        "1",
    )


# --------------------------------------------------------------------------- cohorts


def test_a_cohort_the_introducing_sentence_defines_is_kept(marts_con, layouts):
    # 004 l.1840 '... (193) of all the children and young people who were previously subject to a
    # Child Protection Plan in 2017 became Looked After ...'; l.1854 'Total ... 193'
    total = one(marts_con, "fct_placements", "004", 1854, column_name="Total")
    assert (total["value"], total["measure"], total["segment"]) == (
        193,
        "children_starting_care",
        "after_child_protection_plan",
    )
    assert (total["measure_source"], total["period_id"], total["period_source"]) == (
        "lead_in",
        "CY2017",
        "lead_in",
    )
    police = one(marts_con, "fct_placements", "004", 1851, column_name="12-16 years")
    assert (police["value"], police["age_band"], police["segment"]) == (
        2,
        "12-16 years",
        "after_child_protection_plan",
    )
    # every child coming into care (l.1927 'Age range of children ... coming into the care
    # system 2017-2018'): no cohort
    under_five = one(marts_con, "fct_placements", "004", 1929)
    assert (under_five["value"], under_five["segment"]) == (145, None)
    # an age range printed like a year pair ('15-16', l.1932) is an age band, not 2015/16
    fifteen = one(marts_con, "fct_placements", "004", 1932)
    assert (fifteen["value"], fifteen["age_band"], fifteen["period_id"]) == (
        80,
        "15-16",
        "FY2017/18",
    )
    # another wording: '84 children started to be looked after having previously been on a
    # child protection plan', a paragraph the caption does not take
    section_20 = one(layouts, "fct_placements", "302", 15, column_name="11-17 years")
    assert (section_20["value"], section_20["measure"], section_20["segment"]) == (
        19,
        "children_starting_care",
        "after_child_protection_plan",
    )
    assert section_20["measure_source"] == "lead_in"


def test_a_legal_status_header_alone_does_not_say_starting_care(layouts):
    # 'Looked After Legal Status | Number' under 'the legal status of the children ... at
    # 31 March 2019': children in care at a date, not children starting care; no word names the
    # measure, so the values are kept unclassified
    assert facts(layouts, "fct_placements", "302", 23) == []
    unclassified = layouts.execute(
        "select u.value from marts.dq_unclassified_values u join marts.dim_pack p using (pack_id) "
        "where p.file_name like '302%' order by u.source_line"
    ).fetchall()
    assert unclassified == [(310,), (45,), (60,)]


# --------------------------------------------------------------------------- breakdowns


def test_the_only_value_column_named_for_the_measure_breaks_nothing_down(marts_con, layouts):
    # 004 l.1123 'Year | Number of Duty Matters', l.1124 '2015 – 2016 | 203'
    duty = one(marts_con, "fct_complaints", "004", 1124)
    assert (duty["value"], duty["measure"], duty["breakdown"]) == (203, "duty_matters", None)
    # another wording: 'Service | Number of Stage 3 Review Panels'
    panels = one(layouts, "fct_complaints", "301", 40)
    assert (panels["value"], panels["measure"], panels["service_text"], panels["breakdown"]) == (
        2,
        "stage3_review_panels",
        "Older people's services",
        None,
    )
    # a column header that is a category, not the measure, still breaks the figures down
    housing = one(layouts, "fct_complaints", "301", 30, column_name="2018/19")
    assert housing["breakdown"] == "Passed to a housing provider"


def test_a_case_lists_total_is_its_only_value(marts_con, layouts):
    # 004 l.1497 'Specialist Safeguarding Team | Refusal to Investigate | Not Applicable | Not
    # Applicable' in the ombudsman case list: no figure; its l.1504 'TOTAL | | 30' is the count
    assert facts(marts_con, "fct_complaints", "004", 1497) == []
    total = one(marts_con, "fct_complaints", "004", 1504)
    assert (total["value"], total["measure"], total["breakdown"]) == (
        30,
        "ombudsman_enquiries",
        None,
    )
    # another layout: 'Day services | Not investigated | N/A' and 'Total | | 2' under 'Remedy'
    assert facts(layouts, "fct_complaints", "301", 49) == []
    cases = one(layouts, "fct_complaints", "301", 50)
    assert (cases["value"], cases["measure"], cases["breakdown"]) == (
        2,
        "ombudsman_enquiries",
        None,
    )
