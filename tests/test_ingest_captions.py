"""Captions and as-of phrases of real tables in the sample packs, and the rules behind them."""

import pytest

from ingest.captions import CaptionFinder, find_as_of, line_kind, phrases


def table_at(pack, line):
    (table,) = [t for t in pack.tables if t.first_line <= line <= t.last_line]
    return table


def caption_at(parsed_packs, prefix, line):
    return table_at(parsed_packs[prefix], line).caption


def test_running_page_header_is_not_a_caption(parsed_packs):
    assert caption_at(parsed_packs, "000", 1756) == "Contents"
    assert caption_at(parsed_packs, "000", 2201) == "Contents"
    assert caption_at(parsed_packs, "000", 2265) == (
        "The breakdown of the complaints by service area for the year is shown in the "
        "following table:"
    )
    captions = " ".join(t.caption or "" for t in parsed_packs["000"].tables)
    assert "Customer Relations Team" not in captions


def test_prose_paragraph_above_the_introducing_line_is_left_out(parsed_packs):
    assert caption_at(parsed_packs, "000", 1677) == (
        "- 5.2 The number of contacts dealt with during the course of 2014/15 by each "
        "Department, together with comparatives from the previous year, can be summarised "
        "as follows:"
    )
    assert caption_at(parsed_packs, "000", 1859) == (
        "The table below demonstrates the levels of compliments received by Adult Services "
        "split by Service."
    )
    assert caption_at(parsed_packs, "002", 998) == (
        "Membership of the SEND Partnership Board is detailed in the following table."
    )


def test_bullet_list_is_not_a_caption(parsed_packs):
    assert caption_at(parsed_packs, "000", 2013) == (
        "The following table shows the annual breakdown of MP Enquiries received by "
        "Adult Services:-"
    )
    # under a list of FOI exemptions: the section heading above it
    assert caption_at(parsed_packs, "000", 2051) == "11. Freedom of Information Requests"
    assert caption_at(parsed_packs, "001", 254) is None  # `- 12.1 None` template answers
    assert not caption_at(parsed_packs, "004", 1848).startswith("- ")


def test_paragraph_just_above_is_left_out_but_its_section_heading_kept(parsed_packs):
    cdc = table_at(parsed_packs["002"], 548)
    assert cdc.caption.startswith("7.2 Blenheim Child Development Centre (CDC) / ")
    assert "Blenheim is not a formerly commissioned service" not in cdc.caption
    assert cdc.as_of_text == "Data as of the end of December 2023"
    camhs = table_at(parsed_packs["002"], 601)
    assert camhs.caption.startswith("7.4 Child and Adolescent Mental Health Services (CAMHS)")
    assert "9% increase in referrals" not in camhs.caption
    assert "The review continues" not in (caption_at(parsed_packs, "001", 238) or "")


def test_agenda_attribution_and_names_list_are_not_captions(parsed_packs):
    assert caption_at(parsed_packs, "004", 55) == "Committee Membership"
    assert caption_at(parsed_packs, "004", 2205) == "Calendar of Committee Meetings 2018-2019"


def test_reading_list_entry_is_not_a_caption(parsed_packs):
    assert "Building Resilient Families" not in (caption_at(parsed_packs, "004", 2141) or "")


def test_commentary_on_the_table_above_is_not_the_next_caption(parsed_packs):
    assert caption_at(parsed_packs, "004", 682) is None  # `10 complaints ... 47% ...` at 680
    assert caption_at(parsed_packs, "004", 740) is None  # `12% of complaints ...` at 738
    ndp = table_at(parsed_packs["002"], 574)
    assert "NOTE:" not in ndp.caption
    assert ndp.as_of_text == "Data as of the end of December 2023"


def test_one_sentence_introducing_the_table_is_kept_after_commentary(parsed_packs):
    assert caption_at(parsed_packs, "000", 2277) == (
        "Further analysis of the complaints shows how many complaints where “Upheld” or "
        "“Partially upheld”."
    )


def test_section_heading_above_a_long_sentence_is_kept(parsed_packs):
    performance = table_at(parsed_packs["004"], 236)
    assert performance.caption == (
        "Safeguarding Adults Performance / 8. The summary below highlights the progress that "
        "the Council is making in relation to Safeguarding plans, reviews and outcomes at "
        "June 2018."
    )
    assert performance.caption_first_line == 232
    assert caption_at(parsed_packs, "004", 420) == (
        "Stage 1 – Local Investigation – Breakdown / 160 complaints were recorded under "
        "Stage 1 – Local Investigation during 2017/18."
    )
    assert caption_at(parsed_packs, "004", 396).startswith("Comparison with Preceding Year")
    assert caption_at(parsed_packs, "004", 693).startswith(
        "Recommendations and Learning Actions – North Division / The information below"
    )
    assert caption_at(parsed_packs, "004", 800).startswith(
        "Stage 2 - Local Government and Social Care Ombudsman Complaints"
    )
    assert caption_at(parsed_packs, "004", 862).startswith("Compliments")
    assert caption_at(parsed_packs, "004", 1123).startswith("Duty Matters / The below table")


def test_footnote_of_the_block_above_is_not_a_caption(parsed_packs):
    for line, service in [(698, "Blenheim"), (733, "Neurodevelopmental pathway")]:
        caption = caption_at(parsed_packs, "002", line)
        assert caption.endswith(f"{service} - Blackpool CCG")
        assert "Referrals waiting are defined" not in caption


def test_wrapped_title_and_period_of_a_forward_plan(parsed_packs):
    assert caption_at(parsed_packs, "002", 442) == (
        "APPENDIX 5(A) EXECUTIVE FORWARD PLAN - SUMMARY OF KEY / DECISIONS / "
        "JANUARY 2024 TO APRIL 2024 / * Denotes New Item"
    )
    assert caption_at(parsed_packs, "000", 677) == (
        "EXECUTIVE FORWARD PLAN - SUMMARY OF KEY DECISIONS / (OCTOBER 2015 to JANUARY 2016) / "
        "* Denotes New Item"
    )


def test_dated_dashboard_title_dates_every_table_under_it(parsed_packs):
    pack = parsed_packs["002"]
    dashboard = [t for t in pack.tables if 667 <= t.first_line <= 734]
    assert len(dashboard) == 8
    assert all(t.layout == "key_value" for t in dashboard)
    assert {t.as_of_text for t in dashboard} == {"BLACKPOOL HEALTH DATA DASHBOARD - December 2023"}
    assert table_at(pack, 680).caption == (
        "BLACKPOOL HEALTH DATA DASHBOARD - December 2023 / Physiotherapy - Blackpool CCG"
    )
    assert table_at(pack, 680).caption_first_line == 667


def test_as_of_phrases_kept_working(parsed_packs):
    inspection = table_at(parsed_packs["002"], 514)
    assert inspection.as_of_text == "Data as of the end of February 2022"
    assert "(date of inspection)" in inspection.caption
    assert table_at(parsed_packs["001"], 130).as_of_text == "at 31 March 2017"
    assert table_at(parsed_packs["004"], 236).as_of_text == "at June 2018"


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Outcomes at June 2018.", "at June 2018"),
        ("Position as at 24 March 2017", "as at 24 March 2017"),
        (
            "Waiting lists / Data as of the end of February 2022",
            "Data as of the end of February 2022",
        ),
        (
            "PERFORMANCE DASHBOARD - March 2020 / Physiotherapy",
            "PERFORMANCE DASHBOARD - March 2020",
        ),
        ("April 2014 - March 2015 / Contents", None),  # a period, not a dated title
        ("The review is due to conclude at the beginning of May 2017.", None),
    ],
)
def test_find_as_of(caption, expected):
    assert find_as_of(caption, ["", "Quarter 1"]) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("3.6 Programme Aims", "heading"),
        ("(OCTOBER 2015 to JANUARY 2016)", "heading"),
        ("The following table shows the levels of comments received by service area:-", "intro"),
        ("The chart below provides a breakdown by quarter.", "intro"),
        ("* Denotes New Item", "legend"),
        ("U – Upheld; PU – Partially Upheld*", "legend"),
        (
            "* Referrals waiting are defined as referrals at month end awaiting first contact",
            "footnote",
        ),
        ("NOTE: This was the data following an extensive waiting list initiative", "footnote"),
        ("Report of the Cabinet Member for Children and Young People", "attribution"),
        ("<https://www.example.gov.uk/model.pdf>", "reference"),
        ("- Police Protection Powers (12)", "bullet"),
        ("13.1 None.", "filler"),
        ("No", "filler"),
        ("Adult Social Care received 86% of the total enquiries.", "prose"),
    ],
)
def test_line_kind(text, kind):
    assert line_kind(text, phrases()) == kind


def test_running_header_is_told_from_a_heading_each_report_repeats():
    page = ["Annual Report – Adults", "", "Some text.", ""] + [""] * 16
    report = ["5.0 Background Information", ""] + ["Text of the report."] * 98
    finder = CaptionFinder(page * 6 + report * 6)
    assert "Annual Report – Adults" in finder.running_headers
    assert "5.0 Background Information" not in finder.running_headers


def test_caption_never_reaches_above_the_floor():
    lines = ["Earlier heading", "", "Next document title", "", "Col A\tCol B", "x\t1"]
    assert CaptionFinder(lines).find(5, floor=3) == ("Next document title", 3)
    assert CaptionFinder(lines).find(5, floor=5) == (None, None)
