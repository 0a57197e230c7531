"""Tables: every TAB run found, headers resolved, rows stitched, every cell on its line."""

import pytest

from ingest.text import clean_text

# Tables per pack, each checked against the pack catalogues (../shared/docs/packs): a table cut
# by page breaks counts once, tables stacked in one run (each under its own title) count apart.
TABLES_PER_PACK = {"000": 58, "001": 4, "002": 44, "004": 56}
WAITING_COLUMNS = [
    "",
    "Referrals waiting",
    "Number waiting over 18 weeks",
    "% waiting more than 18 weeks",
    "Max. wait (weeks)",
    "Ave. wait (weeks)",
]


def table_at(pack, line):
    (table,) = [t for t in pack.tables if t.first_line <= line <= t.last_line]
    return table


def row(table, label):
    cells = [c for c in table.cells if c.row_label == label and c.row_index >= 0]
    return {(c.col_index, c.part): c for c in cells}


@pytest.mark.parametrize("prefix", sorted(TABLES_PER_PACK))
def test_number_of_tables_per_pack(parsed_packs, prefix):
    assert len(parsed_packs[prefix].tables) == TABLES_PER_PACK[prefix]


def test_every_tab_line_is_inside_a_table(parsed_packs):
    for pack in parsed_packs.values():
        for number, line in enumerate(pack.text.lines, start=1):
            if "\t" in line:
                assert any(t.first_line <= number <= t.last_line for t in pack.tables), number


def test_every_cell_text_is_printed_on_its_line(parsed_packs):
    for pack in parsed_packs.values():
        for table in pack.tables:
            for cell in table.cells:
                assert cell.raw_text in pack.text.lines[cell.line_number - 1]


def test_waiting_list_table_at_line_514(parsed_packs):
    table = table_at(parsed_packs["002"], 514)
    assert table.column_names == WAITING_COLUMNS
    assert table.as_of_text == "Data as of the end of February 2022"
    assert "(date of inspection)" in table.caption
    slt = row(table, "Speech and Language Therapy")
    assert [slt[(c, 0)].clean_text for c in range(1, 6)] == ["650", "441", "68%", "91", "31"]
    assert {c.line_number for c in slt.values()} == {515}


def test_header_split_over_lines_520_to_523(parsed_packs):
    table = table_at(parsed_packs["002"], 520)
    assert table.first_line == 520 and table.header_last_line == 523
    assert table.column_names == WAITING_COLUMNS
    slt = row(table, "Speech and Language Therapy")
    assert slt[(3, 0)].clean_text == "60%" and slt[(3, 0)].line_number == 524


def test_caption_in_first_header_cell_is_split_off(parsed_packs):
    table = table_at(parsed_packs["002"], 548)
    assert table.column_names == WAITING_COLUMNS
    assert "Waiting lists for CDC" in table.caption
    assert table.as_of_text == "Data as of the end of December 2023"
    camhs_2023 = table_at(parsed_packs["002"], 605)
    assert camhs_2023.as_of_text == "Data as of the end of February 2023"
    assert row(camhs_2023, "CAMHS")[(1, 0)].clean_text == "263"


def test_not_known_cells_keep_their_text(parsed_packs):
    ndp = row(table_at(parsed_packs["002"], 570), "NDP")
    assert ndp[(4, 0)].clean_text == "Not known"


def test_complaints_table_at_line_1818(parsed_packs):
    table = table_at(parsed_packs["000"], 1818)
    assert table.first_line == 1818
    assert table.column_names[1:] == [
        "Quarter 1",
        "Quarter 2",
        "Quarter 3",
        "Quarter 4",
        "Year End Totals",
    ]
    commissioning = row(table, "Commissioning")
    cell = commissioning[(1, 0)]
    assert cell.raw_text == "9 (3U & 2 PU)"
    assert cell.column_name == "Quarter 1"
    assert cell.line_number == 1822


def test_comparison_row_broken_over_two_lines_is_stitched(parsed_packs):
    table = table_at(parsed_packs["000"], 1818)
    comparison = row(table, "Comparison Totals for 2013/14")
    assert comparison[(5, 0)].clean_text == "108" and comparison[(5, 0)].line_number == 1824
    assert comparison[(5, 1)].clean_text == "23U & 32PU" and comparison[(5, 1)].line_number == 1825
    assert table.n_body_rows == 7


def test_unlabelled_percent_line_joins_the_fraction_line_above(parsed_packs):
    table = table_at(parsed_packs["000"], 2379)
    social_care = row(table, "Children’s Social Care")
    assert social_care[(1, 0)].clean_text == "18/27"
    assert social_care[(1, 1)].clean_text == "66.67%"
    assert social_care[(1, 1)].line_number == social_care[(1, 0)].line_number + 1


def test_table_split_by_blank_line_is_joined(parsed_packs):
    table = table_at(parsed_packs["000"], 2678)
    assert (table.first_line, table.last_line) == (2678, 2682)
    assert table.n_body_rows == 3


def test_multi_row_header_with_group_labels(parsed_packs):
    table = table_at(parsed_packs["000"], 1677)
    assert table.column_names[1:] == [
        "Adult Services 2014/2015",
        "Adult Services 2013/2014",
        "Children’s Services 2014/2015",
        "Children’s Services 2013/2014",
    ]


def test_html_is_stripped_from_clean_text(parsed_packs):
    table = table_at(parsed_packs["000"], 764)
    numbers = [c for c in table.cells if c.column_name == "NUMBER" and c.row_index >= 0]
    assert numbers[0].raw_text == "<p>PH/41/2015</p>"
    assert numbers[0].clean_text == "PH/41/2015"
    assert numbers[0].line_number == 765


def test_dashboard_key_value_cells(parsed_packs):
    table = table_at(parsed_packs["002"], 672)
    assert table.layout == "key_value"
    assert table.caption.endswith("Paediatric Speech and Language Therapy - Blackpool CCG")
    assert "DASHBOARD - December 2023" in table.caption
    cells = {c.cell_key: c for c in table.cells}
    assert cells["Average wait"].clean_text == "Average wait: 26 weeks ↓"
    assert cells["Referrals waiting"].clean_text == "Referrals waiting 331 (↑35)"
    assert cells[">52 week wait"].line_number == 672


def test_as_of_in_header_wins_over_prose_above(parsed_packs):
    table = table_at(parsed_packs["001"], 130)
    assert table.as_of_text == "at 31 March 2017"
    assert row(table, "Liverpool")[(1, 0)].line_number == 135


def test_a_table_never_runs_on_into_the_next_document(parsed_packs):
    pack = parsed_packs["002"]
    forward_plan = table_at(pack, 459)
    assert forward_plan.last_line == 466  # the next report's `Report to:` block opens at 468
    report_header = table_at(pack, 468)
    assert report_header.first_line == 468
    assert pack.document_at(468).first_line == 468


def test_a_caption_is_never_taken_from_the_document_above(parsed_packs):
    pack = parsed_packs["000"]
    table = table_at(pack, 3296)
    assert table.caption == "RESILIENT COMMUNITIES SCRUTINY COMMITTEE WORKPLAN 2015/2016"
    assert "intentionally left blank" not in " ".join(t.caption or "" for t in pack.tables)


def cell(table, label, col, part=0):
    return row(table, label)[(col, part)]


def test_title_row_goes_to_the_caption_and_the_years_row_is_the_header(parsed_packs):
    pack = parsed_packs["004"]
    first, second = table_at(pack, 398), table_at(pack, 404)
    assert first is not second  # two stacked tables, each under its own title row
    assert first.column_names == ["", "2016-17", "2017/18"]
    assert second.column_names == ["", "2016-17", "2017-18"]
    assert second.caption == "Partnership Trust Adult Social Care Services"
    ombudsman = cell(second, "Local Government Ombudsman", 2)
    assert (ombudsman.clean_text, ombudsman.line_number) == ("8", 407)  # after the page break


def test_age_bands_head_their_columns(parsed_packs):
    table = table_at(parsed_packs["004"], 1849)
    assert table.header_first_line == 1848
    assert table.column_names[1:3] == ["0-4 years", "5-8 years"]
    assert cell(table, "Interim Care Order", 1).clean_text == "55"


def test_title_cell_over_a_two_column_header(parsed_packs):
    table = table_at(parsed_packs["004"], 1903)
    assert table.column_names == ["Reason", "Number"]
    assert table.caption.endswith(
        "Reasons for children and young people coming out of the care system 2017-2018"
    )
    assert cell(table, "Returned home", 1).line_number == 1903


def test_ragged_continuation_after_a_page_break_stays_in_the_table(parsed_packs):
    table = table_at(parsed_packs["004"], 1466)
    assert table.last_line == 1504
    school = [c for c in table.cells if c.line_number == 1503]
    assert school and school[0].row_label == "School Transport Team" and school[0].part == 1
    assert cell(table, "TOTAL", 2).clean_text == "30"


def test_dates_are_not_keys_and_a_chronology_is_one_table(parsed_packs):
    table = table_at(parsed_packs["004"], 1995)
    assert (table.first_line, table.last_line, table.layout) == (1993, 2007, "grid")
    assert table.column_names == ["Date", "Development"]
    assert cell(table, "April 2016", 0).line_number == 2001


def test_label_broken_over_a_page_break_is_stitched(parsed_packs):
    table = table_at(parsed_packs["004"], 443)
    label = "Customer Feedback and Complaints Team"
    assert cell(table, label, 0).line_number == 443
    assert cell(table, label, 0, part=1).line_number == 446
    assert cell(table, label, 2).clean_text == "1"


def test_cells_broken_mid_phrase_over_a_page_break_are_stitched(parsed_packs):
    table = table_at(parsed_packs["004"], 804)
    (index,) = {c.row_index for c in table.cells if c.line_number == 804}
    parts = {(c.col_index, c.part): c for c in table.cells if c.row_index == index}
    assert parts[(0, 0)].row_label == "Couples Financial Re-assessment"
    assert parts[(1, 0)].clean_text == "Complaint about non-"
    assert parts[(1, 1)].clean_text.startswith("residential care charges")


def test_table_goes_on_across_page_breaks_and_section_headings(parsed_packs):
    pack = parsed_packs["002"]
    plan = table_at(pack, 1637)
    assert (plan.first_line, plan.last_line) == (1637, 1787)
    assert plan.column_names[1] == "What are we going to do?"
    completed = [c for c in plan.cells if c.line_number == 1762]  # one sentence: not a header
    assert completed and completed[0].row_index >= 0
    assert cell(plan, "2. Early help and supporting families", 0).line_number == 1661
    early_help = row(plan, "2.3")
    assert early_help[(1, 1)].clean_text == "part of the new local CSAP arrangements (see 1.4)"
    assert early_help[(1, 1)].line_number == 1677


def test_header_repeated_after_a_page_break_is_dropped(parsed_packs):
    glossary = table_at(parsed_packs["002"], 1238)
    assert glossary.last_line == 1274
    assert not row(glossary, "Term")  # printed again at 1253 and 1269: not a body row
    assert cell(glossary, "Graduated approach", 0).line_number == 1254


def test_stacked_tables_each_under_their_own_heading(parsed_packs):
    pack = parsed_packs["004"]
    tables = [table_at(pack, line) for line in (1167, 1171, 1178)]
    assert len({id(t) for t in tables}) == 3
    assert all(t.column_names == ["", "Q1", "Q2", "Q3", "Q4", "TOTAL"] for t in tables)
    assert tables[1].caption.endswith("/ Looked after Children and Disability Services")
    assert "The following tables provide a further breakdown" in tables[1].caption
    disability = cell(tables[1], "Disability Services", 2)
    assert (disability.clean_text, disability.line_number) == ("4", 1172)


def test_a_dated_line_under_a_dated_line_is_a_new_row(parsed_packs):
    table = table_at(parsed_packs["002"], 1802)
    assert row(table, "7.4")
    assert all(c.line_number != 1803 for c in row(table, "7.4").values())


def test_numbered_first_row_is_a_body_row_not_a_header(parsed_packs):
    table = table_at(parsed_packs["001"], 254)
    assert table.n_header_rows == 0
    assert cell(table, "13.0", 1).clean_text == "Financial considerations:"
    assert cell(table, "13.0", 1).line_number == 254


def test_title_row_over_a_table_without_header_is_its_caption(parsed_packs):
    table = table_at(parsed_packs["004"], 2141)
    assert table.caption.endswith("Glossary")
    assert not row(table, "Glossary")


def test_bulleted_sub_rows_stay_rows_of_their_own(parsed_packs):
    table = table_at(parsed_packs["000"], 1680)
    upheld = cell(table, "- of which upheld", 1)
    assert (upheld.clean_text, upheld.line_number) == ("19", 1680)
    assert cell(table, "Complaints", 1).clean_text == "91"


def test_two_rows_of_figures_are_never_stitched(parsed_packs):
    table = table_at(parsed_packs["004"], 673)
    assert cell(table, "Standard of", 1).clean_text == "1"  # its words are lost in the pack
    assert cell(table, "Hospital discharge", 3).line_number == 674


def test_a_narrower_labelled_block_after_a_blank_line_is_a_table_of_its_own():
    from ingest.tables import find_tables

    lines = [
        "Service\tReceived\tUpheld\tPartly upheld",
        "Adults\t12\t3\t4",
        "Children\t9\t1\t2",
        "",
        "Contact officer\tJane Smith",
        "Telephone\t01234 567890",
    ]
    tables = find_tables(lines)
    assert [(t.first_line, t.last_line) for t in tables] == [(1, 3), (5, 6)]


def test_the_rest_of_a_broken_row_after_a_page_break_stays_in_the_table():
    from ingest.tables import find_tables

    lines = [
        "Ref\tAction\tLead\tDue date\tProgress",
        "1.1\tReview the team model\tHead of Service\t30 Apr 2023\tComplete, and the",
        "",
        "\t\t\t\tnew model is in place",
    ]
    (table,) = find_tables(lines)
    progress = [c for c in table.cells if c.column_name == "Progress" and c.row_index == 0]
    assert [(c.part, c.line_number) for c in progress] == [(0, 2), (1, 4)]


def test_a_labelled_header_line_under_group_labels_is_part_of_the_header():
    """`\t2023/24` over `Measure\tJan\tFeb\tMar\tTotal`: the lower line heads the label column
    and the months; the year spans them (tests/data/meaning_layouts/205, lines 28-29)."""
    from ingest.tables import find_tables

    lines = [
        "\t2023/24",
        "Measure\tJan\tFeb\tMar\tTotal",
        "Complaints received\t10\t12\t9\t31",
        "Upheld\t3\t4\t2\t9",
    ]
    (table,) = find_tables(lines)
    assert (table.header_first_line, table.header_last_line) == (1, 2)
    received = [c for c in table.cells if c.row_label == "Complaints received"]
    assert [(c.column_name, c.clean_text) for c in received if c.col_index > 0] == [
        ("2023/24 Jan", "10"),
        ("2023/24 Feb", "12"),
        ("2023/24 Mar", "9"),
        ("2023/24 Total", "31"),
    ]


def test_a_labelled_row_under_a_complete_header_stays_a_row():
    """`\tQ1\tQ2` names every column: `Adults\tGreen\tAmber` below it is a row, not a header."""
    from ingest.tables import find_tables

    lines = ["\tQ1\tQ2", "Adults\tGreen\tAmber", "Children\t5\t6"]
    (table,) = find_tables(lines)
    assert table.header_last_line == 1


def test_dates_over_number_and_percent_columns_are_group_labels():
    """A date with its day is a body cell, except as a group label over a line of headings
    (tests/data/meaning_layouts/210, lines 23-24); `(2022/23)` under `England` is a year."""
    from ingest.tables import find_tables

    lines = [
        "\t31 March 2023\t\t31 December 2023\t",
        "Placement type\tNo.\t%\tNo.\t%",
        "Foster placements\t169\t61.0%\t163\t60.8%",
        "",
        "",
        "",
        "",
        "Ref\tIndicator\t2023/24\t\tEngland",
        "\t\tQ2\tQ3\t(2022/23)",
        "CSC 010\tRate per 10,000\t119.5\t117.3\t71",
    ]
    dated, kpis = find_tables(lines)
    assert (dated.header_first_line, dated.header_last_line) == (1, 2)
    assert dated.column_names == [
        "Placement type",
        "31 March 2023 No.",
        "31 March 2023 %",
        "31 December 2023 No.",
        "31 December 2023 %",
    ]
    assert (kpis.header_first_line, kpis.header_last_line) == (8, 9)
    assert kpis.column_names[2:] == ["2023/24 Q2", "2023/24 Q3", "England (2022/23)"]


def test_a_reports_running_footer_with_its_page_number_is_no_table():
    """`ACS Annual Complaints and Compliments Report 2024/25<TAB>2` on one page and `<TAB>3` on
    the next: the report's running footer (its page numbers were read as complaints), not a
    one-row table; a real table between them stays."""
    from ingest.tables import find_tables

    footer = "ACS Annual Complaints and Compliments Report 2024/25\t{}"
    lines = [
        "Complaints by quarter",
        "Quarter\tReceived",
        "Q1\t71",
        "Q2\t80",
        "",
        footer.format(2),
        "",
        "Page 10",
        "",
        "Some text.",
        "",
        footer.format(3),
    ]
    tables = find_tables(lines)
    assert [(t.first_line, t.last_line) for t in tables] == [(2, 4)]


def test_every_service_alias_pattern_compiles_for_the_table_reader():
    """The table reader joins a row label cut by a page when its parts name a service of seed
    service_aliases (ingest.stitching); the seed is written for DuckDB's RE2, so every pattern must
    compile in Python too, or one broken row would stop every pack's parse."""
    from ingest.stitching import _service_patterns, names_a_service

    assert len(_service_patterns()) >= 10
    assert names_a_service("Occupational Therapy") and not names_a_service("Therapy")


def _continued_table_lines(label_above: str, continued: str) -> list[str]:
    return [
        label_above,
        "Service\t31 January 2025\t31 January 2026",
        "CAMHS\t1,302\t1,184",
        "Speech and Language Therapy\t871\t926",
        "",
        "Page 6",
        "",
        continued,
        "Service\t31 January 2025\t31 January 2026",
        "Occupational Therapy\t455\t488",
        "Physiotherapy\t236\t214",
    ]


def test_a_continued_caption_joins_the_parts_of_the_table_it_names():
    """'Table 4 (continued)' over the rest of 'Table 4: ...' after a page break, its header printed
    again: one table of four rows (tests/data/meaning_layouts/271); a caption continuing another
    table ('Table 5 (continued)') joins nothing."""
    from ingest.tables import find_tables

    (table,) = find_tables(
        _continued_table_lines("Table 4: Children waiting", "Table 4 (continued)")
    )
    assert (table.first_line, table.last_line, table.n_body_rows) == (2, 11, 4)
    assert table.caption == "Table 4: Children waiting"
    parts = find_tables(_continued_table_lines("Table 4: Children waiting", "Table 5 (continued)"))
    assert [(t.first_line, t.last_line) for t in parts] == [(2, 4), (9, 11)]


def test_a_first_line_of_dates_with_no_label_heads_its_table():
    """`<TAB>31 Mar 2025<TAB>30 Jun 2025` over labelled rows of figures: the header (it was a row
    of values; tests/data/meaning_layouts/273); a first line of figures with no label is not."""
    from ingest.tables import find_tables

    rows = [
        "Placed more than 20 miles from home\t262\t270",
        "Placed outside the district\t432\t437",
    ]
    (dated,) = find_tables(["\t31 Mar 2025\t30 Jun 2025", *rows])
    assert (dated.n_header_rows, dated.column_names) == (1, ["", "31 Mar 2025", "30 Jun 2025"])
    (figures,) = find_tables(["\t101\t102", *rows])
    assert figures.n_header_rows == 0


def test_dates_then_a_heading_of_words_head_their_table():
    """`Placement type<TAB>31 Mar 2025<TAB>30 Jun 2025<TAB>% of total` over labelled rows of
    figures: the header, the share's column named beside the dates' (tests/data/meaning_layouts
    /288; the line was a row of values). Words as many as the dates are no such header, nor is a
    line of dates over rows that print dates themselves."""
    from ingest.tables import find_tables

    rows = ["Foster care\t531\t524\t24%", "Residential\t187\t183\t8%"]
    (shares,) = find_tables(["Placement type\t31 Mar 2025\t30 Jun 2025\t% of total", *rows])
    assert (shares.n_header_rows, shares.column_names[-1]) == (1, "% of total")
    (wordy,) = find_tables(["Placement type\t31 Mar 2025\tTarget\tRAG", *rows])
    assert wordy.n_header_rows == 0
    dated_rows = ["Foster care\t531\t1 Apr 2025\tOpen", "Residential\t187\t2 Apr 2025\tOpen"]
    (decisions,) = find_tables(["Case\t31 Mar 2025\t30 Jun 2025\tStatus", *dated_rows])
    assert decisions.n_header_rows == 0


def test_a_superscript_is_part_of_what_it_follows():
    """A footnote's mark `104<sup>1</sup>` is the printed `104¹` (a number and its mark), an
    ordinal's `1<sup>st</sup>` its `1st`; other tags still part words."""
    assert clean_text("104<sup>1</sup>") == "104¹"
    assert clean_text("1<sup>st</sup> April 2025") == "1st April 2025"
    assert clean_text("Connected persons<br>(family and friends carers)") == (
        "Connected persons (family and friends carers)"
    )


def test_a_header_naming_a_year_to_a_day_in_figures_is_the_header():
    """`Indicator | Islington 2023/24 | ... | 12 months to 30.9.25 | England 2024/25` over rows
    of percentages (probe AO ao3 L176): `12 months to 30.9.25` read as a figure (it opens with
    one) made the line a row of the body, so no column had a name. It is a period: the line is
    the header."""
    from ingest.tables import find_tables

    lines = [
        "Indicator\tCamden 2023/24\tCamden 2024/25\t12 months to 30.9.25\tEngland 2024/25",
        "3 or more placements during the year\t9%\t11%\t10%\t10%",
        "Same placement for 2+ years\t71%\t68%\t70%\t71%",
    ]
    (table,) = find_tables(lines)
    assert table.n_header_rows == 1
    assert table.column_names[1:] == [
        "Camden 2023/24",
        "Camden 2024/25",
        "12 months to 30.9.25",
        "England 2024/25",
    ]


def test_a_header_naming_a_threshold_beside_its_months_is_the_header():
    """`Service | Mar 2025 | ... | Dec 2025 | 18-week standard met (Dec)` over rows of counts
    (probe AP ap1 L193): the threshold's name opens with a number (`18-week`), was read as a
    figure, and the line was a row of the body, every month's list dated by the heading. It is
    words: the line is the header."""
    from ingest.tables import find_tables

    lines = [
        "Service\tMar 2025\tJun 2025\tSep 2025\tDec 2025\t18-week standard met (Dec)",
        "Speech and language therapy\t3,412\t3,588\t3,702\t3,655\t41%",
        "Occupational therapy\t1,286\t1,347\t1,402\t1,438\t36%",
    ]
    (table,) = find_tables(lines)
    assert table.n_header_rows == 1
    assert table.column_names[1:] == [
        "Mar 2025",
        "Jun 2025",
        "Sep 2025",
        "Dec 2025",
        "18-week standard met (Dec)",
    ]


def test_a_second_header_line_of_distance_bands_and_dated_units_is_header():
    """Probe AP: `Placement type<TAB><TAB>Under 20 miles<TAB>20 miles or more<TAB>` under
    `<TAB>In Hackney<TAB>Outside Hackney<TAB><TAB>Total`, and `Placement type<TAB>No.<TAB>%<TAB>31
    March 2025 (%)` under `<TAB>Birmingham Children's Trust<TAB><TAB>England`: `20 miles or
    more` and `31 March 2025 (%)` open with a number and were read as figures, so each second
    line was a row of the body and no column was named by it. Both are header lines."""
    from ingest.tables import find_tables

    lines = [
        "\tIn Hackney\tOutside Hackney\t\tTotal",
        "Placement type\t\tUnder 20 miles\t20 miles or more\t",
        "Foster placement - in-house carers\t24\t41\t12\t77",
        "Placed with parents\t9\tc\tc\t13",
    ]
    (table,) = find_tables(lines)
    assert table.n_header_rows == 2
    assert table.column_names == [
        "Placement type",
        "In Hackney",
        "Outside Hackney Under 20 miles",
        "Outside Hackney 20 miles or more",
        "Total",
    ]
    lines = [
        "\tBirmingham Children's Trust\t\tEngland",
        "Placement type\tNo.\t%\t31 March 2025 (%)",
        "Placed for adoption\t38\t2%\t2%",
        "Placed with parents\t142\t7%\t7%",
    ]
    (table,) = find_tables(lines)
    assert table.n_header_rows == 2
    assert table.column_names[-1] == "England 31 March 2025 (%)"


def test_a_key_to_the_codes_under_a_table_is_no_part_of_the_total_label():
    """`Total<TAB>40<TAB>15` over `c = fewer than 5; included in the total.` (probe AP ap1
    L340-341): the key, opening in lower case, was read as the rest of the `Total` label, whose
    facts were then about `Total c = fewer than 5; ...`. The key is a line of its own."""
    from ingest.tables import find_tables

    lines = [
        "Service\tReceived\tUpheld",
        "Leaving care\t16\t5",
        "Fostering and adoption\tc\tc",
        "Total\t40\t15",
        "c = fewer than 5; included in the total.",
    ]
    (table,) = find_tables(lines)
    labels = [c.row_label for c in table.cells if c.col_index == 0 and c.row_index >= 0]
    assert "Total" in labels
    assert not any(label.startswith("Total c") for label in labels)
