"""Documents: agenda, minutes, reports and appendices, with title, officer and lines."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ANNUAL_REVIEW_HEADER = [
    "Report to:\tEXAMPLE SCRUTINY COMMITTEE",
    "Date of Meeting\t1 February 2024",
    "",
    "ANNUAL REVIEW",
    "",
]
"""A report's header block: lines 1-5 of the made-up reports below."""


def _doc_at(pack, line):
    return pack.document_at(line)


def test_every_line_belongs_to_exactly_one_document(parsed_packs):
    for pack in parsed_packs.values():
        docs = pack.documents
        assert docs[0].first_line == 1
        assert docs[-1].last_line == len(pack.text.lines)
        for before, after in zip(docs, docs[1:], strict=False):
            assert after.first_line == before.last_line + 1


def test_pack_000_reports_minutes_and_appendices(parsed_packs):
    pack = parsed_packs["000"]
    assert _doc_at(pack, 20).kind == "agenda"
    minutes = _doc_at(pack, 200)
    assert minutes.kind == "minutes" and minutes.title.endswith("2 JULY 2015")
    assert _doc_at(pack, 400).title.endswith("30 JULY 2015")
    report = _doc_at(pack, 1700)
    assert report.kind == "report" and report.first_line == 1637
    assert report.title.startswith("CUSTOMER RELATIONS TEAM ANNUAL REPORTS")
    assert report.officer.startswith("Delyth Curtis, Director of People")
    clinical = _doc_at(pack, 900)
    assert clinical.title == "BLACKPOOL CLINICAL COMMISSIONING GROUP: NEW MODELS OF CARE"
    forward_plan = _doc_at(pack, 677)
    assert forward_plan.kind == "appendix"
    assert forward_plan.title == "EXECUTIVE FORWARD PLAN - SUMMARY OF KEY DECISIONS"


def test_running_minutes_headers_do_not_open_documents(parsed_packs):
    pack = parsed_packs["000"]
    minutes = [d for d in pack.documents if d.kind == "minutes"]
    assert len(minutes) == 2  # 2 July and 30 July, despite 10 repeated page headers


def test_single_report_pack_is_one_report(parsed_packs):
    (doc,) = parsed_packs["001"].documents
    assert doc.kind == "report"
    assert doc.title == "CHILDREN'S SERVICES UPDATE REPORT"
    assert doc.officer == "Diane Booth, Director of Childrens Services"


def test_report_opened_without_report_to_block(parsed_packs):
    report = _doc_at(parsed_packs["004"], 200)
    assert report.kind == "report" and report.first_line == 172
    assert report.title == "Quarterly Performance Update against Safeguarding Adults' Indicators"


def test_dashboard_appendix_after_blank_page(parsed_packs):
    doc = _doc_at(parsed_packs["002"], 672)
    assert doc.kind == "appendix"
    assert doc.title == "BLACKPOOL HEALTH DATA DASHBOARD - December 2023"


def test_staffordshire_banner_work_programme_and_exempt_item_open_documents(parsed_packs):
    pack = parsed_packs["004"]
    edge_of_care = _doc_at(pack, 1600)
    assert edge_of_care.kind == "report" and edge_of_care.first_line == 1579
    assert edge_of_care.title == "Edge of Care Inquiry Final Report"  # banner skipped, lines joined
    assert _doc_at(pack, 1578).first_line == 963  # the appendix before it ends there
    work_programme = _doc_at(pack, 2200)
    assert work_programme.kind == "report" and work_programme.first_line == 2176
    assert work_programme.title == "WORK PROGRAMME"
    exempt = _doc_at(pack, 2288)
    assert exempt.kind == "report" and exempt.first_line == 2284
    assert exempt.title.startswith("Not for publication by virtue of paragraph(s) 7 of Part 1")
    assert exempt.last_line == len(pack.text.lines)


def test_one_line_banner_stays_in_its_report_header(parsed_packs):
    pack = parsed_packs["004"]
    assert _doc_at(pack, 175).first_line == 172  # `... Committee - 3rd September 2018`
    assert _doc_at(pack, 266).first_line == 263


def test_officer_from_contact_blocks(parsed_packs):
    pack = parsed_packs["004"]
    assert _doc_at(pack, 200).officer.startswith("Jo Sutherland")
    assert _doc_at(pack, 270).officer.startswith("Kate Bullivant")
    assert _doc_at(pack, 930).officer.startswith("Kate Bullivant")
    assert _doc_at(pack, 1600).officer == "Helen Phillips, Scrutiny and Support Officer"
    report_author = _doc_at(pack, 1000)  # `Report Author:` / `Elaine Hemming - ...`
    assert report_author.officer.startswith("Elaine Hemming")


def test_appendix_after_appendices_background_papers_section(parsed_packs):
    pack = parsed_packs["004"]
    for cover_first, appendix_first in ((263, 301), (924, 963), (1579, 1634)):
        cover = _doc_at(pack, cover_first)
        assert cover.kind == "report" and cover.last_line == appendix_first - 1
        assert _doc_at(pack, appendix_first).kind == "appendix"
    final_report = _doc_at(pack, 1634)
    assert final_report.title.startswith("Safe & Strong Communities Select Committee Inquiry")
    assert final_report.last_line == 2175


def test_appendix_after_closing_background_papers_section(parsed_packs):
    pack = parsed_packs["002"]
    report = _doc_at(pack, 1300)
    assert report.first_line == 1276 and report.last_line == 1347  # `14.1 None.` at 1346
    progress = _doc_at(pack, 1348)
    assert progress.kind == "appendix" and progress.first_line == 1348
    assert progress.title == "Report on progress made in Blackpool Children's Social Care 2022-2023"
    pack = parsed_packs["000"]
    for first, last, title in (
        (764, 770, None),  # 4a: an untitled table straight after `13.1 None.`
        (935, 1538, "Fylde Coast Vanguard"),  # 7(a), after `13. None`
        (1742, 2188, "Customer Relations Team"),  # 9a
        (3115, 3186, "Child Sexual Exploitation Operational Action Plan"),  # 12a
    ):
        appendix = _doc_at(pack, first)
        assert (appendix.kind, appendix.first_line, appendix.last_line) == (
            "appendix",
            first,
            last,
        )
        assert appendix.title == title


def test_minutes_background_papers_lines_do_not_open_documents(parsed_packs):
    minutes = _doc_at(parsed_packs["000"], 160)  # `Background Papers: None.` at 158
    assert minutes.kind == "minutes" and (minutes.first_line, minutes.last_line) == (93, 380)


def test_listed_appendices_printed_back_to_back_are_split(parsed_packs):
    pack = parsed_packs["000"]
    children = _doc_at(pack, 2189)  # Appendix 9b, named like its `List of Appendices` entry
    assert children.kind == "appendix" and children.first_line == 2189
    assert children.title == "Customer Relations Team Children's Services Annual Report"
    checklist = _doc_at(pack, 3307)  # Appendix 13 (b)
    assert checklist.kind == "appendix" and checklist.first_line == 3307
    assert checklist.title == "SCRUTINY SELECTION CHECKLIST"
    assert _doc_at(pack, 3294).last_line == 3306
    pack = parsed_packs["002"]
    workplan = _doc_at(pack, 2150)  # Appendix 10(a): its title is the table's one-cell row
    assert (workplan.first_line, workplan.last_line) == (2148, 2173)
    assert workplan.title == "Children and Young People's Scrutiny Committee - Work Plan 2023/2024"
    tracker = _doc_at(pack, 2180)  # Appendix 10(b): another table layout, no printed title
    assert tracker.kind == "appendix" and tracker.first_line == 2174 and tracker.title is None
    assert _doc_at(pack, 2193).first_line == 2193  # Appendix 10(c) after a blank page


def test_appendices_a_report_lists_once_are_not_split(parsed_packs):
    pack = parsed_packs["000"]
    vanguard = [d for d in pack.documents if 935 <= d.first_line <= 1538]
    assert len(vanguard) == 1  # its own `Appendix 1 - ...` sections stay inside it
    assert len([d for d in parsed_packs["004"].documents if d.kind == "appendix"]) == 3


def test_wrapped_upper_case_title_lines_are_joined(parsed_packs):
    doc = _doc_at(parsed_packs["002"], 434)
    assert doc.kind == "appendix" and doc.first_line == 434
    assert doc.title == (
        "APPENDIX 5(A) EXECUTIVE FORWARD PLAN - SUMMARY OF KEY DECISIONS JANUARY 2024 TO APRIL 2024"
    )


def test_appendices_of_each_pack(parsed_packs):
    """First lines of every appendix, as the pack catalogues list them."""
    expected = {
        "000": [671, 764, 935, 1742, 2189, 3115, 3294, 3307],
        "001": [],
        "002": [334, 434, 667, 918, 1348, 1521, 2148, 2174, 2193],
        "004": [301, 963, 1634],
    }
    for prefix, firsts in expected.items():
        documents = parsed_packs[prefix].documents
        assert [d.first_line for d in documents if d.kind == "appendix"] == firsts, prefix


def test_boundaries_prefilter_is_anchored():
    """Every marker is anchored, so the combined test runs at the line start only (fast)."""
    from ingest.documents import load_boundaries

    rules = load_boundaries()
    assert rules.any_marker is not None and rules.any_marker.__name__ == "match"
    assert rules.line_markers("13.0 Background papers:") == ("closing",)
    assert rules.is_banner("Prosperous Staffordshire Select Committee", "3 September 2018")
    assert not rules.is_banner("Safe and Strong Communities Select Committee", "")


def test_closing_section_that_goes_on_opens_the_appendix_after_it():
    """Background papers listed over several paragraphs, then a contact block: the appendix
    opens at the first paragraph that continues neither."""
    from ingest.documents import split_documents

    lines = [
        *ANNUAL_REVIEW_HEADER,
        "13.0 Background papers:",
        "",
        "13.1 Report to the Executive, 2 June 2023.",
        "",
        "13.2 Minutes of the Board, 3 May 2023.",
        "",
        "Contact Officer",
        "",
        "Name: Jane Doe",
        "Job Title: Head of Scrutiny",
        "",
        "Annual Review of Scrutiny 2023",
        "",
        "1. Introduction",
    ]
    report, appendix = split_documents(lines)
    assert (report.kind, report.title, report.last_line) == ("report", "ANNUAL REVIEW", 16)
    assert report.officer == "Jane Doe, Head of Scrutiny"
    assert (appendix.kind, appendix.first_line) == ("appendix", 17)
    assert appendix.title == "Annual Review of Scrutiny 2023"


def test_an_officer_contact_block_and_its_accessibility_note_close_the_report():
    """`Officer Contact` / `If you have any questions ... get in touch with:` / `Officer name:
    ...` after the background papers, then `If you need this report in large print ...`: the
    report's closing section and its officer, not an appendix (tests/data probe of a Norfolk-like
    pack: the block was an appendix titled `Officer Contact`, the report had no officer)."""
    from ingest.documents import split_documents

    lines = [
        *ANNUAL_REVIEW_HEADER,
        "13.0 Background papers:",
        "",
        "13.1 Report to the Executive, 2 June 2023.",
        "",
        "Officer Contact",
        "If you have any questions about matters in this paper, please get in touch with:",
        "Officer name: Joel Hethersett, Assistant Director, Corporate Parenting",
        "Telephone no.: 01603 223871",
        "",
        "If you need this report in large print or another language please call 0344 800 8020.",
    ]
    (report,) = split_documents(lines)
    assert (report.kind, report.title, report.last_line) == ("report", "ANNUAL REVIEW", len(lines))
    assert report.officer == "Joel Hethersett, Assistant Director, Corporate Parenting"


def test_appendices_listed_over_several_paragraphs_open_after_the_list():
    from ingest.documents import split_documents

    lines = [
        "Local Members' Interest",
        "N/A",
        "",
        "Example Select Committee - 4 March 2024",
        "",
        "Budget Monitoring",
        "",
        "Appendices/Background papers",
        "",
        "Appendix A - Budget Summary",
        "",
        "Appendix B - Savings Plan",
        "",
        "BUDGET SUMMARY",
        "",
        "Figures for the year.",
    ]
    report, appendix = split_documents(lines)
    assert (report.title, report.last_line) == ("Budget Monitoring", 13)
    assert (appendix.kind, appendix.first_line, appendix.title) == (
        "appendix",
        14,
        "BUDGET SUMMARY",
    )


def _minutes_then(report_lines: list[str]) -> list:
    from ingest.documents import split_documents

    minutes = [
        "Minutes of the Meeting of the Cabinet held on Thursday, 11 July 2024",
        "",
        "Present:",
        "County Councillor A Smith (Chair)",
        "",
        "Resolved: That the report be noted.",
        "",
    ]
    return split_documents(minutes + report_lines)


def test_a_report_to_and_meeting_line_open_a_report_inside_minutes():
    """'Report to the Cabinet' over 'Meeting to be held on ...' (a Lancashire-like report printed
    after the minutes): a report of its own, titled past its header lines."""
    docs = _minutes_then(
        [
            "Report to the Cabinet",
            "Meeting to be held on Thursday, 12 September 2024",
            "",
            "Report of the Director of Children's Services",
            "",
            "Part I",
            "",
            "Electoral Division affected:",
            "(All Divisions);",
            "",
            "Children's Social Care Annual Complaints Report 2023/24",
            "",
            "Brief Summary",
        ]
    )
    assert [(d.kind, d.first_line) for d in docs] == [("minutes", 1), ("report", 8)]
    assert docs[1].title == "Children's Social Care Annual Complaints Report 2023/24"


def test_an_item_block_opens_a_report_titled_by_its_report_title_key():
    """'Item No. | Classification: | Date: | Meeting Name:' (Southwark-like), tabbed or one key
    per line: a report, titled by its 'Report title:' key."""
    tabbed = [
        "Item No.\tClassification:\tDate:\tMeeting Name:",
        "4.\tOpen\t12 September 2024\tCabinet",
        "Report title:\tAdult Social Care Complaints Report 2023/24",
        "From:\tStrategic Director of Adult Social Care",
        "",
        "RECOMMENDATIONS",
    ]
    one_per_line = [
        "Item No.",
        "4.",
        "Classification:",
        "Open",
        "Report title:",
        "Annual Report",
        "",
    ]
    for lines, title in (
        (tabbed, "Adult Social Care Complaints Report 2023/24"),
        (one_per_line, "Annual Report"),
    ):
        docs = _minutes_then(lines)
        assert [(d.kind, d.first_line) for d in docs] == [("minutes", 1), ("report", 8)]
        assert docs[1].title == title


def test_an_item_number_without_its_block_opens_nothing():
    docs = _minutes_then(
        ["Item No. 5 was deferred to the next meeting.", "", "The meeting ended at 4pm."]
    )
    assert [d.kind for d in docs] == ["minutes"]


def test_minutes_titled_alone_take_the_date_of_their_date_field():
    """`minutes` over `Meeting<TAB>...` / `Date<TAB>Monday 30 September 2024`, then a report
    opened by `Report to <committee>` over its meeting's date."""
    from ingest.documents import split_documents

    lines = [
        "minutes",
        "",
        "Meeting\tCHILDREN AND FAMILIES SELECT COMMITTEE",
        "Date\tMonday 30 September 2024 (commencing at 10.30 am)",
        "",
        "RESOLVED: 2024/027",
        "",
        "Report to Children and Families Select Committee",
        "",
        "9 December 2024",
        "",
        "PERFORMANCE REPORTING (QUARTER 2 2024/25)",
    ]
    minutes, report = split_documents(lines)
    assert (minutes.kind, minutes.title) == (
        "minutes",
        "minutes - Monday 30 September 2024 (commencing at 10.30 am)",
    )
    assert (report.kind, report.first_line, report.title) == (
        "report",
        8,
        "PERFORMANCE REPORTING (QUARTER 2 2024/25)",
    )


def test_a_front_sheet_listing_items_with_pages_and_a_from_to_report_after_a_lettered_stamp():
    """A front sheet with no 'Agenda' heading lists its items with their pages (an agenda); after
    a blank page, the stamp 'Agenda Item C1' and a report opening 'From: / To: / Subject:' (Kent):
    one report from the stamp on, titled by its 'Subject:'."""
    from ingest.documents import split_documents

    lines = [
        "KENT COUNTY COUNCIL",
        "",
        "A4 Minutes of the meeting held on 9 July 2024 (Pages 1 - 6)",
        "C1 Children and Young People's Mental Health Service - Update (Pages 7 - 24)",
        "",
        "This page is intentionally left blank",
        "",
        "Agenda Item C1",
        "",
        "From:\tMrs S Dunmore, Cabinet Member for Integrated Children's Services",
        "To:\tChildren's and Young People's Services Cabinet Committee – 17 September 2024",
        "Subject:\tCYPMHS Performance Update, Quarter 1 2024/25",
        "Classification:\tUnrestricted",
        "",
        "1. Introduction",
    ]
    front, report = split_documents(lines)
    assert (front.kind, front.last_line) == ("agenda", 7)
    assert (report.kind, report.first_line, report.title) == (
        "report",
        8,
        "CYPMHS Performance Update, Quarter 1 2024/25",
    )


def test_a_report_opened_by_the_councils_name_over_its_subject_after_an_item_stamp():
    """'Item 6' alone is a stamp; 'SURREY COUNTY COUNCIL' / 'CABINET' / 'DATE:' / 'SUBJECT:' opens
    a report there, titled by its subject (the minutes before it swallowed it); 'Page 2' under a
    blank page opens nothing."""
    from ingest.documents import split_documents

    lines = [
        "**MINUTES** of the meeting of the **CABINET** held at 2.00 pm on 28 October 2025.",
        "",
        "171/25\tAPOLOGIES FOR ABSENCE",
        "",
        "This page is intentionally left blank",
        "",
        "Page 2",
        "",
        "Item 6",
        "",
        "**SURREY COUNTY COUNCIL**",
        "**CABINET**",
        "**DATE:**\t25 NOVEMBER 2025",
        "**REPORT OF CABINET MEMBER:**\tZara Kettleby, Cabinet Member for Customer and Communities",
        "**LEAD OFFICER:**\tMarcus Ibbotson, Director of Customer and Communities",
        "**SUBJECT:**\tANNUAL COMPLAINTS PERFORMANCE REPORT 2024/25",
        "",
        "**Purpose of the Report:**",
    ]
    minutes, report = split_documents(lines)
    assert (minutes.kind, minutes.last_line) == ("minutes", 8)
    assert (report.kind, report.first_line, report.title) == (
        "report",
        9,
        "ANNUAL COMPLAINTS PERFORMANCE REPORT 2024/25",
    )


def test_a_stamps_first_line_heads_the_minutes_or_report_below_it():
    """'Item 4' / 'Health Scrutiny Committee' / 'Minutes of the meeting held on ...' is one minutes
    document from the stamp, titled with the committee; 'Agenda Item 7' / 'Report to Policy
    Committee' / 'Report of:' one report; 'Agenda Item 5' / committee / 'Meeting held 18 June
    2025' / 'PRESENT:' are minutes."""
    from ingest.documents import split_documents

    lines = [
        "Agenda front sheet text.",
        "",
        "Item 4",
        "",
        "**Health Scrutiny Committee**",
        "",
        "**Minutes of the meeting held on Wednesday, 8 October 2025**",
        "",
        "**Present:**",
        "Councillor A (Chair)",
        "",
        "Agenda Item 5",
        "",
        "Education, Children and Families Policy Committee",
        "",
        "Meeting held 18 June 2025",
        "",
        "PRESENT:\tCouncillors A (Chair), B and C",
        "",
        "Agenda Item 7",
        "",
        "Report to Policy Committee",
        "",
        "Report of:\tDirector of Legal and Governance",
        "Report to:\tEducation, Children and Families Policy Committee",
        "Date of Decision:\t17 September 2025",
        "Subject:\tCommittee Work Programme",
    ]
    _, minutes, earlier, report = split_documents(lines)
    assert (minutes.kind, minutes.first_line, minutes.last_line) == ("minutes", 3, 11)
    # a title naming no body goes after the committee banner printed above it
    assert minutes.title == (
        "Health Scrutiny Committee – Minutes of the meeting held on Wednesday, 8 October 2025"
    )
    assert (earlier.kind, earlier.first_line) == ("minutes", 12)
    assert earlier.title.endswith("Meeting held 18 June 2025")
    assert (report.kind, report.first_line, report.title) == (
        "report",
        20,
        "Committee Work Programme",
    )


def test_a_line_reading_only_minutes_inside_minutes_opens_nothing():
    """'At a meeting of the ... COMMITTEE held on ...' opens minutes; the 'MINUTES' line over their
    first minute heads a part of them (it opened second minutes, undated). After a stamp,
    'MINUTES' alone still opens minutes."""
    from ingest.documents import split_documents

    lines = [
        "Agenda front sheet text.",
        "",
        "Agenda Item 5",
        "",
        "THE LONDON BOROUGH OF KESTON",
        "",
        "At a meeting of the AUDIT COMMITTEE held on THURSDAY, 25TH SEPTEMBER, 2025 at 7.00 pm",
        "",
        "MEMBERS OF THE COMMITTEE PRESENT",
        "",
        "Councillors A (Chair) and B",
        "",
        "MINUTES",
        "",
        "1.\tAPOLOGIES",
        "",
        "RESOLVED – THAT the report be noted.",
        "",
        "This page is intentionally left blank",
        "",
        "MINUTES",
        "",
        "1.\tAPOLOGIES",
    ]
    _, minutes, later = split_documents(lines)
    assert (minutes.kind, minutes.first_line, minutes.last_line) == ("minutes", 3, 20)
    assert minutes.title.startswith("At a meeting of the AUDIT COMMITTEE held on THURSDAY")
    assert (later.kind, later.first_line, later.title) == ("minutes", 21, "MINUTES")


def test_a_report_title_block_and_a_banner_with_a_colon_open_reports():
    """After a stamp, 'LONDON BOROUGH OF X<TAB>WARDS: All' over 'REPORT TITLE' / the title /
    'REPORT OF' is a report titled by its 'REPORT TITLE'; 'HEALTH OVERVIEW AND SCRUTINY
    COMMITTEE: 12 NOVEMBER 2025' is a committee-and-date banner opening a report titled by the
    line after it (both were appendices, one titled by the banner)."""
    from ingest.documents import split_documents

    lines = [
        "Agenda front sheet text.",
        "",
        "Agenda Item 6",
        "",
        "LONDON BOROUGH OF KESTON\tWARDS: All",
        "",
        "REPORT TITLE",
        "Annual Complaints Report 2024/25",
        "",
        "REPORT OF",
        "Executive Director Corporate Services",
        "",
        "FOR SUBMISSION TO\tDATE",
        "Audit Committee\t20 November 2025",
        "",
        "This page is intentionally left blank",
        "",
        "Agenda Item 8",
        "",
        "HEALTH OVERVIEW AND SCRUTINY COMMITTEE: 12 NOVEMBER 2025",
        "",
        "CHILDREN'S THERAPY SERVICES: WAITING TIMES",
        "",
        "Purpose of the Report",
    ]
    _, complaints, therapy = split_documents(lines)
    assert (complaints.kind, complaints.first_line, complaints.title) == (
        "report",
        3,
        "Annual Complaints Report 2024/25",
    )
    assert (therapy.kind, therapy.first_line, therapy.title) == (
        "report",
        18,
        "CHILDREN'S THERAPY SERVICES: WAITING TIMES",
    )


def test_an_appendix_heading_standing_alone_in_a_report_opens_the_appendix():
    """230_derby_therapy_months.txt: 'Appendix A' alone under the report's last page opens the
    appendix (it ran on as the report); a list of the report's appendices ('Appendices' /
    'Appendix A – Waiting times by month') opens nothing, nor does a sentence naming one. (An
    appendix's own appendices stay its parts: pack 000's 'Appendix A - Definitions'.)"""
    from ingest.documents import split_documents

    derby = (REPO / "tests/data/meaning_layouts/230_derby_therapy_months.txt").read_text()
    report, appendix = split_documents(derby.split("\n"))
    assert (report.kind, report.last_line) == ("report", 38)
    assert (appendix.kind, appendix.first_line, appendix.title) == ("appendix", 39, "Appendix A")

    lines = [
        *ANNUAL_REVIEW_HEADER,
        "1. Introduction",
        "",
        "1.1 Appendix A sets out the waiting times by month.",
        "",
        "Appendices",
        "",
        "Appendix A – Waiting times by month",
        "",
        "Appendix B – Complaints by service",
        "",
        "2. Findings",
    ]
    assert [d.kind for d in split_documents(lines)] == ["report"]


def test_a_report_key_alone_after_a_stamp_opens_a_report_titled_by_its_title_key():
    """'Agenda Item 4' / 'Report for:' alone / 'Cabinet' / 'Title of report:<TAB>Quarter 1 ...':
    a report titled by its title key (it was an appendix titled 'Report for:', and the
    recommendations under it had that for their subject)."""
    from ingest.documents import split_documents

    lines = [
        "Agenda front sheet text.",
        "",
        "Agenda Item 4",
        "",
        "Report for:",
        "Cabinet",
        "",
        "Date of meeting:\t14 October 2025",
        "Title of report:\tQuarter 1 Revenue Budget Monitoring 2025/26",
        "Key decision:\tNo",
        "",
        "1.\tSummary",
    ]
    _, report = split_documents(lines)
    assert (report.kind, report.first_line, report.title) == (
        "report",
        3,
        "Quarter 1 Revenue Budget Monitoring 2025/26",
    )


def test_a_report_to_field_under_other_fields_starts_the_report_at_them():
    """'Reference Number:' / 'Report title: ...' / 'Report to: ...' printed together under the
    last page of minutes: the report starts at the first field and its 'Report title:' titles it
    (it started at 'Report to:' and took the 'Enquiries to:' line for its title)."""
    from ingest.documents import split_documents

    lines = [
        "Minutes of the meeting of the Health Scrutiny Committee held on 2 October 2025",
        "",
        "1.\tApologies were received from Councillor A Brown.",
        "",
        "Chairman",
        "",
        "Page 4",
        "",
        "Reference Number: HSC/12/25",
        "Report title: Community Paediatrics Waiting Times",
        "Report to: Health Scrutiny Committee",
        "Report author: A Commissioner, Integrated Care Board",
        "Enquiries to: A Clerk, Democratic Services",
        "",
        "1.\tPurpose",
    ]
    documents = split_documents(lines)
    assert [(d.kind, d.first_line, d.title) for d in documents[1:]] == [
        ("report", 9, "Community Paediatrics Waiting Times")
    ]


def test_a_cabinet_report_block_of_fields_each_over_its_value_is_a_report():
    """'Agenda Item 6' / 'Cabinet Report' / 'Cabinet<TAB>date' / 'Name of Cabinet Member:' over
    two members / 'Title:' over the title: a report titled by its 'Title:' field (it was an
    appendix titled 'Cabinet Report'; the second member's line was taken for a title too)."""
    from ingest.documents import split_documents

    lines = [
        "Agenda front sheet text.",
        "",
        "Agenda Item 6",
        "",
        "Cabinet Report",
        "",
        "Cabinet\t9 December 2025",
        "",
        "Name of Cabinet Member:",
        "Cabinet Member for Housing - Councillor A Brown",
        "Cabinet Member for Finance - Councillor B Green",
        "",
        "Ward(s) affected:",
        "All",
        "",
        "Title:",
        "Homelessness Prevention Strategy 2026-2029",
        "",
        "Is this a key decision?",
        "Yes",
    ]
    _, report = split_documents(lines)
    assert (report.kind, report.first_line, report.title) == (
        "report",
        3,
        "Homelessness Prevention Strategy 2026-2029",
    )


def test_a_stamp_over_the_committee_and_date_then_the_reports_fields_is_one_report():
    """'Agenda Item 7' / the committee's name / the meeting's date / 'Title<TAB>...' / 'Report
    of<TAB>...' / ... / 'Officer Contact Details<TAB>...': one report from the stamp, titled by its
    'Title' field, its officer the contact field printed under the title (the stamp and the
    banner were an appendix of their own, and no officer was read); 'Contact officer:' under
    'Report title:' likewise."""
    from ingest.documents import split_documents

    lines = [
        "Agenda front sheet text.",
        "",
        "Agenda Item 7",
        "",
        "Housing and Communities Scrutiny Panel",
        "",
        "4 November 2025",
        "",
        "Title\tTenant Complaints Annual Report 2024/25",
        "Report of\tDirector of Housing",
        "Wards\tAll",
        "Status\tPublic",
        "Officer Contact Details\tR Okafor, Complaints Manager",
        "",
        "Summary",
        "",
        "This report sets out the complaints received about the housing service in 2024/25.",
        "",
        "Agenda Item 8",
        "",
        "Report title:\tRepairs Performance",
        "Report by:\tHead of Repairs",
        "Contact officer:\tJ Mbeki, Repairs Performance Lead",
        "",
        "1.\tPURPOSE",
    ]
    _, first, second = split_documents(lines)
    assert (first.kind, first.first_line, first.title, first.officer) == (
        "report",
        3,
        "Tenant Complaints Annual Report 2024/25",
        "R Okafor, Complaints Manager",
    )
    assert (second.kind, second.first_line, second.title, second.officer) == (
        "report",
        19,
        "Repairs Performance",
        "J Mbeki, Repairs Performance Lead",
    )


def test_a_name_of_meeting_field_after_a_stamp_opens_a_report():
    """'Agenda Item 5' / 'Name of meeting:<TAB>Cabinet' / 'Date:<TAB>...' / 'Title of
    report:<TAB>...': a report titled by its 'Title of report:' field (it was an appendix with
    no title, so its recommendations had no subject)."""
    _, report = _minutes_then(
        [
            "Agenda Item 5",
            "",
            "Name of meeting:\tCabinet",
            "Date:\t13 January 2026",
            "Title of report:\tHome to School Transport Policy 2026/27",
            "",
            "Purpose of report: To seek approval for the policy.",
        ]
    )
    assert (report.kind, report.title) == ("report", "Home to School Transport Policy 2026/27")


def test_a_chairs_signature_block_and_a_report_to_field_with_its_date():
    """Minutes ending `CHAIR` / `CORPORATE PARENTING BOARD` / `Tuesday 3 March 2026` (the chair's
    signature block, which opened a report titled 'Page 6'), then `Agenda Item 3` over `Report
    to:<TAB>Corporate Parenting Board<TAB>3 March 2026` (three cells: it opened nothing, so the
    report was an untitled appendix) and `Contact for enquiries:<TAB>...` (its officer)."""
    docs = _minutes_then(
        [
            "The meeting ended at 7.52 pm",
            "",
            "CHAIR",
            "CORPORATE PARENTING BOARD",
            "Tuesday 3 March 2026",
            "",
            "Page 6",
            "",
            "Agenda Item 3",
            "",
            "Report to:\tCorporate Parenting Board\t3 March 2026",
            "Report title:\tChildren Looked After: Quarter 3 2025/26 Performance Report",
            "Contact for enquiries:\tKwame Osei, Head of Service",
            "",
            "REPORT SUMMARY",
            "This report sets out the performance of the service at the end of Quarter 3.",
        ]
    )
    assert [(d.kind, d.first_line) for d in docs] == [("minutes", 1), ("report", 16)]
    assert (docs[1].title, docs[1].officer) == (
        "Children Looked After: Quarter 3 2025/26 Performance Report",
        "Kwame Osei, Head of Service",
    )


def test_a_banner_at_the_top_of_a_page_over_purpose_of_report_opens_it():
    """`Page 14` / `ADULTS AND HEALTH SELECT COMMITTEE` / `4 MARCH 2026` / title / `Purpose of
    report:` (a report starting a new page): it opens there (a banner by a page stamp was read as a
    running head, so the report stayed in the minutes and took their date)."""
    docs = _minutes_then(
        [
            "Chairman",
            "",
            "Page 14",
            "",
            "ADULTS AND HEALTH SELECT COMMITTEE",
            "4 MARCH 2026",
            "",
            "MINDWORKS UPDATE",
            "",
            "Purpose of report:",
            "To update the Select Committee on waiting times.",
        ]
    )
    assert [(d.kind, d.first_line, d.title) for d in docs][1:] == [
        ("report", 12, "MINDWORKS UPDATE")
    ]


def test_a_bodys_name_at_the_top_of_a_page_over_a_report_title_field_opens_a_report():
    """`Page 10` / `Corporate Parenting Board` / `Report Title:<TAB>...` / `Meeting Date:<TAB>...`:
    a report (it stayed in the minutes before it)."""
    docs = _minutes_then(
        [
            "Chairman",
            "",
            "Page 10",
            "",
            "Corporate Parenting Board",
            "",
            "Report Title:\tChildren in Care Performance Report, Quarter 3 2025/26",
            "Meeting Date:\t26 February 2026",
            "Author:\tJames Thorne, Performance and Improvement Manager",
        ]
    )
    assert [(d.kind, d.first_line, d.title, d.officer) for d in docs][1:] == [
        (
            "report",
            12,
            "Children in Care Performance Report, Quarter 3 2025/26",
            "James Thorne, Performance and Improvement Manager",
        )
    ]


def test_an_item_stamp_with_its_number_on_the_line_below_opens_a_report():
    """`Agenda Item No.` over a blank line and `3` (the number printed on a line of its own),
    then the council's banner and the report's title: a report from the stamp, titled by its
    title (it stayed in the minutes before it, which dated its figures)."""
    docs = _minutes_then(
        [
            "Page 4",
            "",
            "Agenda Item No.",
            "",
            "3",
            "",
            "WARDLEIGH COUNTY COUNCIL",
            "",
            "CORPORATE PARENTING PANEL",
            "THURSDAY 12 MARCH 2026 AT 2.00PM",
            "",
            "CHILDREN LOOKED AFTER PERFORMANCE REPORT - QUARTER 3 2025/26",
            "",
            "Report of the Director of Children's Services",
        ]
    )
    assert [(d.kind, d.first_line, d.title) for d in docs][1:] == [
        ("report", 10, "CHILDREN LOOKED AFTER PERFORMANCE REPORT - QUARTER 3 2025/26")
    ]


def test_a_telephone_line_in_a_reports_header_is_no_title():
    """`Report to:` / `Tel:` over the report's title (a Leeds-like header): the title is the line
    after the telephone number (it was `Tel: 0113 378 8642`)."""
    docs = _minutes_then(
        [
            "Report to: Scrutiny Board (Children and Families)",
            "Tel: 0113 378 8642",
            "",
            "CAMHS and neurodevelopmental pathway waiting times - progress update",
            "",
            "Brief summary",
        ]
    )
    assert [(d.kind, d.first_line, d.title) for d in docs][1:] == [
        ("report", 8, "CAMHS and neurodevelopmental pathway waiting times - progress update")
    ]


def test_a_front_sheet_listing_items_with_their_pages_in_a_cell_is_an_agenda():
    """A Suffolk-like front sheet with no `Agenda` heading, its items printed `5.<TAB>Adult
    Social Care ...<TAB>Pages 13 - 32` (no brackets): it was a report titled by the committee's
    name; it is the agenda."""
    from ingest.documents import split_documents

    lines = [
        "Wendmoor County Council",
        "",
        "Scrutiny Committee",
        "",
        "Date:\tThursday, 29 January 2026",
        "",
        "Business to be taken in public",
        "",
        "1.\tApologies for Absence and Substitutions",
        "",
        "3.\tMinutes of the Previous Meeting\tPages 5 - 12",
        "",
        "5.\tAdult Social Care: People Waiting for Assessments\tPages 13 - 32",
        "",
        "7.\tForward Work Programme\tPages 51 - 54",
    ]
    (front,) = split_documents(lines)
    assert (front.kind, front.first_line, front.last_line) == ("agenda", 1, 15)


def test_an_item_cover_sheet_opens_its_report_titled_after_the_item_number():
    """A Hackney-like item cover sheet (probe AP ap3): `<committee><TAB>Item No` over the date
    and `Item 4 - <title><TAB>4`, then `Outline` and `Reporting Officers` over `Name - Title`.
    The agenda front sheet swallowed both reports; each cover opens its report, titled by the
    words after the item's number, its officer the first under `Reporting Officers`."""
    from ingest.documents import split_documents

    front = ["Hackney", "", "Agenda", "", "4\tBi-annual Report\t(Pages 7 - 44)", "", "Page 1", ""]
    cover = [
        "Children and Young People Scrutiny Commission\tItem No",
        "9th February 2026\t",
        "Item 4 - Hackney Children and Families Service: Bi-annual Report to Members\t4",
        "",
        "Outline",
        "The bi-annual report gives Members an overview of the service's performance.",
        "",
        "Reporting Officers",
        "Lorraine Kemp - Director of Children's Social Care",
        "",
        "Page 7",
        "",
        "1.1\tThis report covers the first six months of 2025/26.",
    ]
    docs = split_documents(front + cover)
    assert [(d.kind, d.first_line) for d in docs] == [("agenda", 1), ("report", 9)]
    report = docs[1]
    assert report.title == "Hackney Children and Families Service: Bi-annual Report to Members"
    assert report.officer == "Lorraine Kemp - Director of Children's Social Care"


def test_an_officer_key_at_a_reports_end_names_its_officer():
    """Oxfordshire- and Liverpool-like reports (probes AP ap2, AO ao1) print `Contact
    Officer:<TAB>Gareth Pryce, Head of Quality and Improvement, gareth.pryce@..., 07787 241309`
    at their end, far below the header: the report had no officer. It is the name and title,
    without the e-mail and telephone."""
    from ingest.documents import split_documents

    lines = ["Agenda Item 6", "", "ADULT SOCIAL CARE: WAITING FOR ASSESSMENT", ""]
    lines += [f"{n}.\tParagraph {n} of the report." for n in range(1, 50)]
    lines += [
        "",
        "Contact Officer:\tGareth Pryce, Head of Quality and Improvement, "
        "gareth.pryce@oxfordshire.gov.uk, 07787 241309",
    ]
    (report,) = split_documents(lines)
    assert (report.kind, report.title) == ("report", "ADULT SOCIAL CARE: WAITING FOR ASSESSMENT")
    assert report.officer == "Gareth Pryce, Head of Quality and Improvement"


@pytest.mark.parametrize(
    ("officer_lines", "officer"),
    [
        # Salford-like (probe AQ aq2): the key's row goes on to a telephone cell
        (
            ["CONTACT OFFICER:\tKaren Doyle, Head of Children's Community Services\tTEL. NO. 0161"],
            "Karen Doyle, Head of Children's Community Services",
        ),
        # Ealing-like (aq3): `Report author and contact for queries:` at the report's end
        (
            ["Report author and contact for queries:\tOmar Haddad, Head of Service, 020 8825 5912"],
            "Omar Haddad, Head of Service",
        ),
        # Lincolnshire-like (aq1): a closing sentence naming who wrote the report
        (
            [
                "This report was written by Nicola Barker, Head of Corporate Parenting, who can be "
                "contacted on 01522 553716 or nicola.barker@lincolnshire.gov.uk."
            ],
            "Nicola Barker, Head of Corporate Parenting",
        ),
    ],
)
def test_other_councils_officer_lines_at_a_reports_end_name_its_officer(officer_lines, officer):
    """Three probe councils' ways of naming a report's officer at its end, each left NULL before
    (probe AQ: no officer on any of 17 reports): the name and title, without the telephone or
    e-mail; the closing sentence after `Background Papers` opens no appendix of its own."""
    from ingest.documents import split_documents

    lines = ["Agenda Item 6", "", "CHILDREN IN CARE: SUFFICIENCY UPDATE", ""]
    lines += [f"{n}.\tParagraph {n} of the report." for n in range(1, 30)]
    lines += ["", "6.\tBackground Papers", "", "None were used in the preparation of this report."]
    lines += ["", *officer_lines]
    (report,) = split_documents(lines)
    assert (report.kind, report.title) == ("report", "CHILDREN IN CARE: SUFFICIENCY UPDATE")
    assert report.officer == officer


def test_an_authors_key_in_a_reports_header_names_its_officer_without_contact_details():
    """Ealing-like (probe AQ aq3): `Responsible Officer(s)` (the director) over `Author(s)<TAB>Grace
    Adeleke, Complaints and Information Governance Manager, adelekeg@ealing.gov.uk`: the author,
    without the e-mail."""
    from ingest.documents import split_documents

    lines = ["Report for:\tOverview and Scrutiny Committee", "Title\tComplaints Annual Report"]
    lines += [
        "Responsible Officer(s)\tVikram Sethi, Assistant Director, Customer Experience",
        "Author(s)\tGrace Adeleke, Complaints and Information Governance Manager, "
        "adelekeg@ealing.gov.uk",
        "",
    ]
    lines += [f"{n}.\tParagraph {n} of the report." for n in range(1, 20)]
    (report,) = split_documents(lines)
    assert report.officer == "Grace Adeleke, Complaints and Information Governance Manager"


def test_a_banner_over_the_time_the_meeting_began_opens_its_minutes():
    """Salford-like (probe AQ aq2): `CHILDREN'S SERVICES SCRUTINY PANEL` / `Monday, 17 November
    2025` / `Meeting commenced:<TAB>1.00 pm` / `"<TAB>ended:<TAB>3.12 pm` / `PRESENT:` after an
    agenda item stamp were typed a report, so their resolutions had no date or minute number.
    The time the meeting began is the minutes' own line, as `PRESENT:` is."""
    from ingest.documents import split_documents

    lines = ["Children's Services Scrutiny Panel", "Monday, 19 January 2026", "", "Agenda"]
    lines += ["4.\tMinutes of the meeting held on 17 November 2025", "", "Page 1", ""]
    lines += ["Agenda Item 4", "", "CHILDREN'S SERVICES SCRUTINY PANEL", "", "Monday, 17 November"]
    lines += ["", "Meeting commenced:\t1.00 pm", '"\tended:\t3.12 pm', ""]
    lines += ["PRESENT:\tCouncillor Joanne Whitehead - in the Chair", "", "22.\tWELCOME", ""]
    lines += ["The Chair welcomed everyone to the meeting."]
    lines[12] = "Monday, 17 November 2025"
    minutes = split_documents(lines)[-1]
    assert (minutes.kind, minutes.first_line) == ("minutes", 9)
