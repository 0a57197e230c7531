"""Prose facts in the marts (source_kind = 'prose') and the prose-against-table findings, on the
real sample packs (one shared dbt build: conftest dbt_built / marts_con)."""

from __future__ import annotations

PACK_000 = "000_afcc9b490f65a2f9.txt"


def _facts(con, table: str, file_name: str, line: int):
    return con.execute(
        f"""select f.measure, f.value, f.unit, f.value_type, f.period_id, f.value_qualifier,
                   f.comparison_value, f.value_text
            from marts.{table} f join marts.dim_pack p using (pack_id)
            where p.file_name = ? and f.source_line = ? and f.source_kind = 'prose'
            order by f.measure, f.value""",
        [file_name, line],
    ).fetchall()


def test_prose_complaints_with_measure_period_and_change(marts_con):
    # 000 line 1689: 'For Children's Services ... has reduced from 40 to only 25'
    rows = _facts(marts_con, "fct_complaints", PACK_000, 1689)
    by_measure = {r[0]: r for r in rows}
    upheld = by_measure["complaints_upheld_or_partially_upheld"]
    assert upheld[1] == 25 and upheld[4] == "FY2014/15" and upheld[6] == 40
    change = by_measure["complaints_received"]  # 'increased by more than a third'
    assert change[2] == "percent_change" and change[3] == "change" and change[5] == "over"
    assert round(change[1], 2) == 33.33


def test_prose_counts_and_signed_changes(marts_con):
    # 000 line 1777: 'Adult Services received 91 complaints over the year - a decrease of 17'
    rows = _facts(marts_con, "fct_complaints", PACK_000, 1777)
    assert ("complaints_received", 91.0, "count", "actual", "FY2014/15") in [r[:5] for r in rows]
    assert ("complaints_received", -17.0, "count", "change") in [r[:4] for r in rows]
    assert ("complaints_upheld", 19.0) in [r[:2] for r in rows]
    assert ("complaints_partially_upheld", 26.0) in [r[:2] for r in rows]


def test_prose_placements_as_at_a_day_without_year(marts_con):
    # 000 line 2891: 'As at Friday 28 August there were 438 children and young people in our care.'
    rows = _facts(marts_con, "fct_placements", PACK_000, 2891)
    assert [r[:5] for r in rows] == [("cla_count", 438.0, "count", "actual", "D2015-08-28")]
    assert rows[0][7].startswith("As at Friday 28 August there were 438")


def test_table_facts_are_source_kind_table(marts_con):
    kinds = dict(
        marts_con.execute(
            "select source_kind, count(*) from marts.fct_complaints group by 1"
        ).fetchall()
    )
    assert kinds["table"] > kinds["prose"] > 0


def test_prose_against_table_findings_name_both_lines(marts_con):
    rows = marts_con.execute(
        """select check_name, source_lines, expected_value, observed_value
           from marts.dq_findings f join marts.dim_pack p using (pack_id)
           where p.file_name = ? and check_name like 'prose%' order by source_lines""",
        [PACK_000],
    ).fetchall()
    # the cover report's 25 upheld-or-partially against Appendix 9b's 9U & 19PU (line 2281)
    assert ("prose_figure_disagrees_with_table", "1689,2281", 28.0, 25.0) in rows
    # 'a set off 12 standard themes' (line 1929) over the theme table of 11 (line 1935)
    assert ("prose_count_disagrees_with_table_rows", "1929,1935", 11.0, 12.0) in rows


def test_a_bare_from_is_not_a_comparison(marts_con):
    # 000 line 2484: 'For this reporting period there has been 10 LGO enquiries lodged for
    # Children's Services; all falling under Children's Social Care from 5 different complainants.'
    rows = _facts(marts_con, "fct_complaints", PACK_000, 2484)
    assert [r[:7] for r in rows] == [
        ("ombudsman_enquiries", 10.0, "count", "actual", "FY2014/15", None, None)
    ]


PACK_002 = "002_584beb4c97a436e5.txt"
PACK_004 = "004_2e7dbfc588d445a2.txt"


def test_a_figure_dated_only_by_an_earlier_event_is_not_a_fact(marts_con):
    # 002 line 563: 'Prior to the SEND inspection in February 2022, the service had just undertaken
    # a waiting list initiative which saw the waiting time ... improve from an average of 130 weeks
    # to 26 weeks.' The inspection bounds the figures' time; it is not their date.
    assert _facts(marts_con, "fct_waiting_times", PACK_002, 563) == []
    # the numbers stay in raw.prose_numbers (traceable), with the clause that bounds them
    rows = marts_con.execute(
        """select n.number_text, n.period_text from raw.prose_numbers n join raw.packs p
           using (pack_id) where p.file_name = ? and n.line_number = 563 and n.role = 'to'""",
        [PACK_002],
    ).fetchall()
    assert rows == [("26 weeks", "Prior to the SEND inspection in February 2022")]


def test_a_sentence_total_its_bracketed_parts_add_up_to(marts_con):
    # 004 line 378: '... received 208 complaints that have been directed for Local Investigation
    # (160 County Council and 48 Partnership Trust).'
    rows = marts_con.execute(
        """select f.value, f.is_total, f.segment, f.measure, f.period_id, f.stage
           from marts.fct_complaints f join marts.dim_pack p using (pack_id)
           where p.file_name = ? and f.source_line = 378 and f.source_kind = 'prose'
           order by f.value""",
        [PACK_004],
    ).fetchall()
    assert rows == [
        (48.0, None, "nhs_partnership_trust", "complaints_received", "FY2017/18", "1"),
        (160.0, None, None, "complaints_received", "FY2017/18", "1"),
        (208.0, True, None, "complaints_received", "FY2017/18", "1"),
    ]
    # 000 line 1777: '91 complaints over the year' has no bracketed parts: not a total
    total = marts_con.execute(
        """select f.is_total from marts.fct_complaints f join marts.dim_pack p using (pack_id)
           where p.file_name = ? and f.source_line = 1777 and f.value = 91""",
        [PACK_000],
    ).fetchall()
    assert total == [(None,)]


def test_two_years_called_a_calendar_year_are_not_a_fiscal_year(marts_con):
    # 004 line 1864: '405 children or young people had entered care during the 2017-2018
    # calendar year (as at end of February 2018)': not FY2017/18, and no other period is given
    assert [f for f in _facts(marts_con, "fct_placements", PACK_004, 1864) if f[1] == 405] == []
    rows = marts_con.execute(
        """select n.period_text from raw.prose_numbers n join raw.packs p using (pack_id)
           where p.file_name = ? and n.line_number = 1864 and n.number_text like '405%'""",
        [PACK_004],
    ).fetchall()
    assert rows == [("during the 2017-2018 calendar year",)]
    # 004 line 1897: '315 children left care during 2017-2018' is still the fiscal year
    left = _facts(marts_con, "fct_placements", PACK_004, 1897)
    assert [(f[1], f[4]) for f in left] == [(315.0, "FY2017/18")]


def test_a_bracketed_figure_after_the_period_a_change_is_from_is_its_comparison(marts_con):
    # 004 line 1856: '... the number of Looked After Children was 1102, an 11% increase from the
    # previous year (993).' 993 is the previous year's figure: 1102's comparison, not a fact of
    # its own (nor a label, as 'year (993)' once read)
    got = [(f[1], f[2], f[4], f[6]) for f in _facts(marts_con, "fct_placements", PACK_004, 1856)]
    assert got == [
        (11.0, "percent_change", "D2018-03-31", None),
        (1102.0, "count", "D2018-03-31", 993.0),
    ]


def test_complaints_about_a_service_are_complaints_received(marts_con):
    # 004 line 910: 'A total of 14 complaints about private sector domiciliary care agencies
    # were received directly by the Complaints Service during 2017/2018.'
    rows = _facts(marts_con, "fct_complaints", PACK_004, 910)
    assert [r[:5] for r in rows] == [("complaints_received", 14.0, "count", "actual", "FY2017/18")]
    subject = marts_con.execute(
        """select f.service_area, f.service_code from marts.fct_complaints f
           join marts.dim_pack p using (pack_id)
           where p.file_name = ? and f.source_line = 910 and f.source_kind = 'prose'""",
        [PACK_004],
    ).fetchall()
    assert subject == [("adult", "domiciliary_care")]
