"""Decisions whole: resolutions with every item, executive decisions with their decision text,
recommendations with their subject, decisions written in sentences - on the bundled sample packs
(read through the shared dbt build) and on small synthetic layouts of other councils
(tests/decision_layouts, built here by the same ingest and dbt)."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.conftest import pack_path


def pack_id(con, prefix: str) -> str:
    return con.execute(
        "select pack_id from raw.packs where file_name = ?", [pack_path(prefix).name]
    ).fetchone()[0]


def decision_at(con, pack: str, line: int, kind: str | None = None) -> dict:
    """The one decision whose text starts on `line` of the pack (file name or sample prefix)."""
    pid = pack_id(con, pack) if len(pack) == 3 else layout_pack_id(con, pack)
    rows = con.execute(
        "select * from marts.fct_decisions where pack_id = ? and source_line = ?"
        + (" and kind = ?" if kind else ""),
        [pid, line] + ([kind] if kind else []),
    )
    names = [d[0] for d in rows.description]
    found = [dict(zip(names, r, strict=True)) for r in rows.fetchall()]
    assert len(found) == 1, found
    return found[0]


def items_of(con, decision_id: str) -> list[tuple]:
    return con.execute(
        "select item_label, item_label_printed, item_text, source_line, source_last_line "
        "from marts.decision_items where decision_id = ? order by item_seq",
        [decision_id],
    ).fetchall()


def decisions_between(con, pid: str, first: int, last: int) -> list[tuple]:
    return con.execute(
        "select source_line, kind from marts.fct_decisions where pack_id = ? "
        "and source_line between ? and ? order by source_line",
        [pid, first, last],
    ).fetchall()


# --------------------------------------------------------------------------- sample packs: minutes


def test_resolved_that_with_lettered_items_keeps_every_item(marts_con):
    """004 minute 14: 'RESOLVED – That:' alone on line 143, items '- a)' .. '- d)' on 145-148."""
    d = decision_at(marts_con, "004", 143)
    assert d["kind"] == "resolution"
    assert (d["source_last_line"], d["n_items"], d["minute_number"]) == (148, 4, "14")
    assert d["subject"].startswith("Child Sexual Exploitation (CSE) in Staffordshire")
    assert d["decision_maker"] == "Safe and Strong Communities Select Committee"
    assert d["decision_date"] == date(2018, 7, 10)
    assert d["decision_text"].startswith("RESOLVED – That: a) the Select Committee be updated")
    assert d["decision_text"].endswith("these details shared with the Select Committee.")
    items = items_of(marts_con, d["decision_id"])
    assert [(i[0], i[1], i[3]) for i in items] == [
        ("a", "a)", 145),
        ("b", "b)", 146),
        ("c", "c)", 147),
        ("d", "d)", 148),
    ]
    assert (
        items[2][2]
        == "the good work of the licensing authorities in Staffordshire be applauded; and,"
    )


def test_committee_agreed_with_numbered_list(marts_con):
    """000, 2 July 2015 minute 10: 'The Committee agreed:' (331) over items 1.-4. (333-336)."""
    d = decision_at(marts_con, "000", 331)
    assert (d["kind"], d["source_last_line"], d["n_items"]) == ("resolution", 336, 4)
    assert (d["minute_number"], d["subject"]) == ("10", "CHILDRENS SERVICES IMPROVEMENT REPORT")
    assert d["decision_date"] == date(2015, 7, 2)
    items = items_of(marts_con, d["decision_id"])
    assert [i[0] for i in items] == ["1", "2", "3", "4"]
    assert items[2][2:4] == (
        "To receive a performance update in relation to the priority to reduce the number of "
        "children in the Pupil Referral Unit.",
        335,
    )


def test_committee_agreed_over_one_that_paragraph(marts_con):
    """002 minute 7: 'The Committee agreed:' (163), its text 'That Ms Algie ...' (165)."""
    d = decision_at(marts_con, "002", 163)
    assert (d["kind"], d["source_last_line"], d["n_items"]) == ("resolution", 165, 0)
    assert d["decision_text"] == (
        "The Committee agreed: That Ms Algie provide case studies demonstrating the work of "
        "Better Start following the meeting."
    )
    assert d["subject"] == "BLACKPOOL BETTER START ANNUAL UPDATE"


def test_decision_in_a_sentence(marts_con):
    """000 line 253: 'The Committee agreed to request that an update on the living wage ...'."""
    d = decision_at(marts_con, "000", 253)
    assert (d["kind"], d["minute_number"]) == ("resolution", "8")
    assert d["decision_text"] == (
        "The Committee agreed to request that an update on the living wage project be presented "
        "to the next meeting of the Committee."
    )
    # printed in capitals in the minutes' title, written as a name
    assert d["decision_maker"] == "Resilient Communities Scrutiny Committee"


def test_call_in_resolution_names_the_decision_it_is_about(marts_con):
    """000, 30 July 2015 (line 464): the call-in of PH41/2015 is about that decision."""
    d = decision_at(marts_con, "000", 464)
    assert (d["reference"], d["related_reference"]) == (None, "PH/41/2015")
    assert (d["subject"], d["decision_date"]) == ("CALL-IN REQUEST", date(2015, 7, 30))


def test_noting_a_report_is_noted_discussion_is_not_a_decision(marts_con):
    pid = pack_id(marts_con, "002")
    assert decisions_between(marts_con, pid, 145, 152) == [(147, "noted"), (151, "noted")]
    # 'Members noted the impact of the pandemic ...' (190) and 'It was noted that ...' (186)
    assert decisions_between(marts_con, pid, 180, 206) == []
    pid = pack_id(marts_con, "000")
    # 'The Committee noted that two providers were currently suspended ...' (270),
    # 'Members noted an aspiration ...' (249)
    assert decisions_between(marts_con, pid, 249, 250) == []
    assert decisions_between(marts_con, pid, 270, 281) == []
    assert decision_at(marts_con, "000", 365)["kind"] == "noted"  # date of the next meeting


def test_minutes_yield_the_decisions_they_record(marts_con):
    """Every decision of the three sets of minutes, and nothing else (discussion, attendance,
    declarations): the resolutions, agreements and notings the pack catalogue lists."""
    expected = {
        "000": [
            (146, "noted"),  # minutes of the last Health Scrutiny Committee noted
            (156, "resolution"),
            (166, "resolution"),
            (186, "resolution"),  # The Committee agreed: 1. 2.
            (215, "resolution"),
            (253, "resolution"),
            (282, "resolution"),
            (331, "resolution"),  # The Committee agreed: 1. - 4.
            (344, "resolution"),
            (356, "resolution"),
            (365, "noted"),  # date of the next meeting
            (464, "resolution"),  # 30 July: the call-in
        ],
        "002": [
            (128, "resolution"),
            (136, "resolution"),
            (147, "noted"),
            (151, "noted"),
            (163, "resolution"),
            (207, "resolution"),
            (228, "resolution"),
            (232, "noted"),
            (236, "noted"),
        ],
        "004": [(95, "resolution"), (109, "resolution"), (143, "resolution")]
        + [(154, "resolution"), (158, "resolution"), (168, "resolution")],
    }
    for prefix, decisions in expected.items():
        found = marts_con.execute(
            "select f.source_line, f.kind from marts.fct_decisions f "
            "join marts.dim_document d using (document_id) "
            "where f.pack_id = ? and d.kind = 'minutes' order by f.source_line",
            [pack_id(marts_con, prefix)],
        ).fetchall()
        assert found == decisions, prefix


# --------------------------------------------------------------------------- sample packs: tables


def test_executive_decision_keeps_title_decision_items_and_description(marts_con):
    """002 Appendix 4(a), line 337: EX48/2023 - title, three numbered decisions, description."""
    d = decision_at(marts_con, "002", 337)
    assert (d["kind"], d["reference"], d["reference_printed"]) == (
        "executive_decision",
        "EX/48/2023",
        "EX48/2023",
    )
    assert d["title"] == d["subject"] == "EXPANSION OF HIGHFURLONG SPECIAL SCHOOL PHASE TWO"
    assert d["decision_text"].startswith("1. To agree that Appendix 5a to the Executive report")
    assert d["decision_text"].endswith(
        "3. To approve the budget of £1.99 million for phase two of this scheme."
    )
    assert d["description"].startswith("A planning application had been approved")
    assert (
        d["decision_maker"]
        == "Councillor Kath Benson, Cabinet Member for Young People and Aspiration"
    )
    assert d["decision_date"] == date(2023, 12, 11)
    items = items_of(marts_con, d["decision_id"])
    assert [(i[0], i[3]) for i in items] == [("1", 337), ("2", 337), ("3", 337)]
    assert items[2][2] == "To approve the budget of £1.99 million for phase two of this scheme."


def test_underlined_title_and_inline_numbered_decisions(marts_con):
    """000 Appendix 4a, line 765: '<u>LOCAL AUTHORITY NURSERY REVIEW</u>', then '1. 2. 3.'."""
    d = decision_at(marts_con, "000", 765)
    assert (d["reference"], d["title"], d["n_items"]) == (
        "PH/41/2015",
        "LOCAL AUTHORITY NURSERY REVIEW",
        3,
    )
    items = items_of(marts_con, d["decision_id"])
    assert items[1][2].startswith("To work with service users to determine an alternative method")
    one = decision_at(marts_con, "000", 766)
    assert (
        one["decision_text"] == "To accept the changes outlined in the review."
        and one["n_items"] == 0
    )


def test_recommendation_tracker_row(marts_con):
    """002 Appendix 10(b), line 2183: recommendation 7 of 9.11.2023 with its target and officer."""
    d = decision_at(marts_con, "002", 2183)
    assert d["kind"] == "recommendation"
    assert d["decision_text"] == (
        "That Ms Algie provide case studies demonstrating the work of Better Start following "
        "the meeting."
    )
    assert (d["decision_date"], d["target_date"], d["officer"]) == (
        date(2023, 11, 9),
        date(2024, 11, 30),
        "Annette Algie",
    )
    assert d["progress"] == "Case studies circulated by email as requested."
    # lines 2176-2177, recommendations 2 and 3: 'TBC' in the officer's place names no one; the
    # printed targets 'April 2024' and 'January 2024' still read
    tbc = [decision_at(marts_con, "002", line) for line in (2176, 2177)]
    assert [(d["officer"], d["target_date"]) for d in tbc] == [
        (None, date(2024, 4, 1)),
        (None, date(2024, 1, 1)),
    ]


def test_tracker_rows_name_the_minuted_decision_they_repeat(marts_con):
    """002: the recommendations tracker (Appendix 10(b)) prints again, row by row, what the
    minutes of 9 November 2023 in the same pack resolved. Row 11 (2189) is the resolution at 228
    word for word; row 7 (2183) the text under 'The Committee agreed:' (163); rows 8-10 (2184,
    2185, 2188, its curly quotes aside) items 1-3 of 'The Committee agreed:' (207). Each names
    the minuted decision, so that counting the rows where repeats_decision_id is null counts
    every decision once. Rows dated by meetings whose minutes the pack does not hold link
    nothing, and no other decision of the sample packs is linked."""
    pid = pack_id(marts_con, "002")
    tracker = decision_at(marts_con, "002", 2189)
    minuted = decision_at(marts_con, "002", 228)
    text = (
        "The Committee agreed to receive a written response on the child death data for Blackpool."
    )
    assert tracker["decision_text"] == minuted["decision_text"] == text
    assert tracker["repeats_decision_id"] == minuted["decision_id"]
    assert (minuted["pack_id"], minuted["kind"], minuted["repeats_decision_id"]) == (
        pid,
        "resolution",
        None,
    )
    for row, minute in ((2183, 163), (2184, 207), (2185, 207), (2188, 207)):
        repeats = decision_at(marts_con, "002", row)["repeats_decision_id"]
        assert repeats == decision_at(marts_con, "002", minute)["decision_id"], row
    # 21.09.2023 (2181: 'To contribute to the development of the new early help strategy'):
    # not in these minutes, so not a repeat
    unlinked = decision_at(marts_con, "002", 2181)
    assert (unlinked["decision_date"], unlinked["repeats_decision_id"]) == (date(2023, 9, 21), None)
    linked = marts_con.execute(
        "select p.file_name[:3], f.source_line from marts.fct_decisions f "
        "join marts.dim_pack p using (pack_id) where f.repeats_decision_id is not null "
        "order by 1, 2"
    ).fetchall()
    assert linked == [("002", line) for line in (2183, 2184, 2185, 2188, 2189)]
    # 9 November 2023: 9 decisions minuted (128 ... 236) and 5 tracker rows, 9 decisions
    counts = marts_con.execute(
        "select count(*), count(*) filter (where repeats_decision_id is null) "
        "from marts.fct_decisions where pack_id = ? and decision_date = '2023-11-09'",
        [pid],
    ).fetchone()
    assert counts == (14, 9)


def test_forward_plan_item_is_not_decided_yet(marts_con):
    """002 Appendix 5(a), line 444: a matter for decision, anticipated January 2024."""
    d = decision_at(marts_con, "002", 444)
    assert (d["kind"], d["reference"], d["decision_text"]) == ("forward_plan_item", "16/2023", None)
    assert (
        d["title"] == "The Blackpool Children, Young People and Families Strategic Partnership Plan"
    )
    assert (d["anticipated_month"], d["decision_maker"]) == (date(2024, 1, 1), "Executive")


# --------------------------------------------------------------------------- sample packs: reports


def test_report_recommendations_under_their_heading(marts_con):
    """000 Item 13: '2.0 Recommendations:' (3197) over 2.1-2.3; '3.0 Reasons ...' is not one."""
    d = decision_at(marts_con, "000", 3199)
    assert (d["kind"], d["source_last_line"], d["subject"]) == (
        "recommendation",
        3203,
        "SCRUTINY WORKPLAN",
    )
    items = items_of(marts_con, d["decision_id"])
    assert [(i[0], i[3]) for i in items] == [("2.1", 3199), ("2.2", 3201), ("2.3", 3203)]
    assert (
        items[1][2] == "To determine whether to establish the Pupil Referral Unit Scrutiny Panel."
    )


def test_a_committee_being_asked_to_consider_is_a_recommendation(marts_con):
    """004 line 189, under 'What is the Select Committee being asked to do and why?': '2. The
    Select Committee is being asked to consider the Quarterly Performance Update ...' is the
    report's recommendation; 000 line 22, 'Members are asked to declare any interests ...', an
    agenda's instruction, is none."""
    d = decision_at(marts_con, "004", 189)
    assert d["kind"] == "recommendation"
    assert d["decision_text"].startswith(
        "2. The Select Committee is being asked to consider the Quarterly Performance Update"
    )
    pid = pack_id(marts_con, "000")
    assert marts_con.execute(
        "select count(*) from marts.fct_decisions where pack_id = ? and source_line = 22", [pid]
    ).fetchone() == (0,)


def test_inquiry_recommend_sentences(marts_con):
    """004 Edge of Care report: eleven **RECOMMEND(S)** sentences, two of them on line 1691."""
    pid = pack_id(marts_con, "004")
    rows = marts_con.execute(
        "select source_line, decision_text, subject from marts.fct_decisions "
        "where pack_id = ? and source_line between 1683 and 1760 and kind = 'recommendation' "
        "order by source_line, decision_text",
        [pid],
    ).fetchall()
    assert len(rows) == 11
    assert [r[0] for r in rows].count(1691) == 2
    one_front_door = next(r for r in rows if r[0] == 1701)
    assert one_front_door[1] == (
        "This inquiry RECOMMENDS that the One Front Door project is rolled out swiftly "
        "throughout Staffordshire to ensure from the outset that we have a holistic view of "
        "family circumstances."
    )
    assert one_front_door[2] == "Welfare, housing and debt"


def test_every_decision_and_item_is_printed_where_it_says(dbt_built):
    """The dbt tests decision_text_printed on fct_decisions and decision_items ran and passed."""
    out = dbt_built["build"].stdout
    for name in ("decision_text_printed_fct_decisions", "decision_text_printed_decision_items"):
        assert any(name in line and "PASS" in line for line in out.splitlines()), name


# --------------------------------------------------------------------------- synthetic layouts


@pytest.fixture(scope="module")
def layouts_con(layouts_built):
    """The synthetic layouts loaded by the ingest CLI and built by `dbt build`, with every other
    test layout (conftest)."""
    connection = duckdb.connect(str(layouts_built["db"]), read_only=True)
    yield connection
    connection.close()


def decisions_in(con, layout: str, *columns: str) -> list[tuple]:
    """The named columns of a layout's decisions, in the order they are printed."""
    return con.execute(
        f"select {', '.join(columns)} from marts.fct_decisions where pack_id = ? "
        "order by source_line",
        [layout_pack_id(con, layout)],
    ).fetchall()


def layout_pack_id(con, file_name: str) -> str:
    return con.execute("select pack_id from raw.packs where file_name = ?", [file_name]).fetchone()[
        0
    ]


def test_layout_resolved_alone_with_bracketed_items_over_a_page_break(layouts_con):
    d = decision_at(layouts_con, "borough_minutes.txt", 22)
    assert (d["kind"], d["minute_number"], d["subject"]) == (
        "resolution",
        "46/23",
        "Library Service Review",
    )
    assert d["decision_maker"] == "Communities Overview and Scrutiny Committee"
    assert d["decision_date"] == date(2024, 3, 12)
    items = items_of(layouts_con, d["decision_id"])
    assert [(i[1], i[3], i[4]) for i in items] == [
        ("(a)", 24, 24),
        ("(b)", 25, 29),
        ("(c)", 30, 30),
    ]
    # the page break and the running header inside item (b) are not part of it
    assert items[1][2] == (
        "that the Cabinet be asked to keep Eastgate Library open on Saturdays until the "
        "consultation on opening hours has closed; and"
    )


def test_layout_roman_items_and_discussion_left_out(layouts_con):
    d = decision_at(layouts_con, "borough_minutes.txt", 38)
    assert [i[0] for i in items_of(layouts_con, d["decision_id"])] == ["i", "ii"]
    pid = layout_pack_id(layouts_con, "borough_minutes.txt")
    # 'Members noted that visitor numbers ...' and 'It was noted that the mobile library ...'
    assert decisions_between(layouts_con, pid, 1, 21) == []
    assert decisions_between(layouts_con, pid, 42, 53) == [(47, "resolution"), (51, "noted")]


def test_layout_agreed_list_decision_and_sentences(layouts_con):
    pid = layout_pack_id(layouts_con, "cabinet_minutes.txt")
    assert decisions_between(layouts_con, pid, 1, 56) == [
        (11, "resolution"),  # The minutes of the meeting ... were approved
        (17, "resolution"),  # AGREED: 1. 2. 3.
        (25, "resolution"),  # DECISION: That ...
        (29, "resolution"),  # The Cabinet agreed to ... (two lines)
        (34, "resolution"),  # RESOLVED: / That ...
        (40, "resolution"),  # RESOLVED – That (1) ...; and (2) ...
        (44, "noted"),  # The Cabinet noted the quarterly performance report. ('noted that' is not)
        (50, "resolution"),  # RESOLVED – That: (a) (b) [(i) (ii)] (c)
    ]
    agreed = decision_at(layouts_con, "cabinet_minutes.txt", 17)
    assert [i[0] for i in items_of(layouts_con, agreed["decision_id"])] == ["1", "2", "3"]
    assert (agreed["decision_maker"], agreed["subject"]) == ("Cabinet", "Leisure Centre Contract")
    wrapped = decision_at(layouts_con, "cabinet_minutes.txt", 29)
    assert wrapped["source_last_line"] == 30
    assert wrapped["decision_text"].endswith("to the twelve groups listed in the report.")
    body = decision_at(layouts_con, "cabinet_minutes.txt", 34)
    assert (
        body["decision_text"] == "RESOLVED: That the revised Housing Allocations Policy be adopted."
    )
    inline = decision_at(layouts_con, "cabinet_minutes.txt", 40)
    items = items_of(layouts_con, inline["decision_id"])
    assert [(i[1], i[3]) for i in items] == [("(1)", 40), ("(2)", 40)]
    assert (
        items[1][2]
        == "the Section 151 Officer be authorised to make technical changes to the scheme."
    )


def test_layout_recommendations_table_keeps_its_subject_column(layouts_con):
    pid = layout_pack_id(layouts_con, "library_review.txt")
    rows = layouts_con.execute(
        "select subject, decision_text, response, decision_date from marts.fct_decisions "
        "where pack_id = ? and source_table_id is not null and kind = 'recommendation' "
        "and source_line < 30 order by source_line",
        [pid],
    ).fetchall()
    assert rows == [
        (
            "Eastgate Library",
            "Keep the library open on Saturdays until the consultation closes",
            "Accepted",
            date(2024, 3, 12),
        ),
        (
            "Northfield Library",
            "Move the library into the new community hub",
            "Rejected: the hub lease is not yet agreed",
            date(2024, 3, 12),
        ),
        (
            "Mobile Library",
            "Replace the mobile library vehicle",
            "Accepted in part",
            date(2024, 3, 12),
        ),
    ]


def test_layout_recommendations_named_down_an_unheaded_first_column(layouts_con):
    """Appendix C: the libraries are the row labels, under an empty header cell."""
    pid = layout_pack_id(layouts_con, "library_review.txt")
    rows = layouts_con.execute(
        "select source_line, subject, decision_text, response from marts.fct_decisions "
        "where pack_id = ? and source_line > 30 order by source_line",
        [pid],
    ).fetchall()
    assert rows == [
        (32, "Westmere Central Library", "Open a café in the ground floor reading room", "Agreed"),
        (33, "Harbour Road Library", "Install self-service kiosks", "Under review"),
    ]


def test_numbered_rows_are_no_subject(marts_con):
    """002's tracker numbers its rows 1-11 under an empty header: a number is not a subject."""
    pid = pack_id(marts_con, "002")
    subjects = marts_con.execute(
        "select distinct subject from marts.fct_decisions where pack_id = ? "
        "and source_line between 2175 and 2189",
        [pid],
    ).fetchall()
    assert subjects == [(None,)]


def test_layout_executive_decision_cell_with_title_and_lettered_items(layouts_con):
    d = decision_at(layouts_con, "library_review.txt", 26)
    assert (d["kind"], d["reference"], d["title"]) == (
        "executive_decision",
        "LIB/7/2024",
        "LIBRARY OPENING HOURS",
    )
    assert (d["decision_maker"], d["decision_date"]) == (
        "Cabinet Member for Communities",
        date(2024, 3, 26),
    )
    assert [(i[0], i[2]) for i in items_of(layouts_con, d["decision_id"])] == [
        ("a", "To keep Eastgate Library open on Saturdays."),
        ("b", "To consult on opening hours at all libraries."),
    ]


def test_layout_recommendations_heading_over_bullets(layouts_con):
    d = decision_at(layouts_con, "library_review.txt", 13)
    assert (d["kind"], d["source_last_line"]) == ("recommendation", 14)
    assert d["subject"] == "LIBRARY SERVICE REVIEW: RESPONSE TO SCRUTINY RECOMMENDATIONS"
    assert [(i[0], i[2]) for i in items_of(layouts_con, d["decision_id"])] == [
        (None, "To accept the recommendations set out in Appendix A."),
        (None, "To note the executive decisions taken on the library service."),
    ]


def test_layout_sub_items_stay_with_their_item(layouts_con):
    """'(i)' '(ii)' under '(b)' are part of item b; the list goes on at '(c)'."""
    d = decision_at(layouts_con, "cabinet_minutes.txt", 50)
    items = items_of(layouts_con, d["decision_id"])
    assert [(i[0], i[3], i[4]) for i in items] == [("a", 52, 52), ("b", 53, 55), ("c", 56, 56)]
    assert items[1][2] == (
        "the following be consulted on the draft plan: (i) the town and parish councils; "
        "(ii) the neighbouring authorities; and"
    )


def test_layout_numbered_paragraphs_and_lettered_minute_references(layouts_con):
    found = decisions_in(
        layouts_con,
        "board_minutes.txt",
        "source_line",
        "kind",
        "minute_number",
        "subject",
        "decision_maker",
        "decision_date",
    )
    board, day = "Health and Wellbeing Board", date(2024, 6, 4)
    # 'Apologies were received' (9) and 'The Board noted that 12 pharmacies ...' (24) are not
    assert found == [
        (15, "resolution", "HWB/2/24", "Better Care Fund Plan 2024/25", board, day),
        (19, "resolution", "HWB/3/24", "Pharmaceutical Needs Assessment", board, day),
        (28, "resolution", "HWB/4/24", "Joint Health and Wellbeing Strategy", board, day),
        (36, "resolution", "HWB/5/24", "Home Care Rates 2024/25", board, day),
        # a numbered paragraph's 'The Board RESOLVED to ...' (the number was in the way)
        (52, "resolution", "HWB/6/24", "Young People's Forum", board, day),
    ]
    agreed = decision_at(layouts_con, "board_minutes.txt", 19)
    assert [(i[1], i[3]) for i in items_of(layouts_con, agreed["decision_id"])] == [
        ("(a)", 21),
        ("(b)", 22),
    ]
    decision = decision_at(layouts_con, "board_minutes.txt", 28)
    assert decision["decision_text"] == (
        "Decision: That the refreshed Joint Health and Wellbeing Strategy be adopted."
    )


def test_layout_items_indented_by_a_tab_under_resolved_unanimously(layouts_con):
    """`5.2<TAB>RESOLVED UNANIMOUSLY: That the ... Board:-` over `<TAB>(a)<TAB>approves ...`: the
    lettered items are the resolution's, not rows of a table."""
    decision = decision_at(layouts_con, "board_minutes.txt", 36)
    assert decision["kind"] == "resolution"
    items = items_of(layouts_con, decision["decision_id"])
    assert [(i[1], i[3], i[4]) for i in items] == [
        ("(a)", 38, 38),
        ("(b)", 40, 40),
        ("(c)", 42, 42),
    ]
    assert items[0][2] == (
        "approves an increase of 6.2% to the hourly rate paid to framework home care providers "
        "from 1 July 2024;"
    )
    assert "£1,200 to each provider" in items[1][2]
    pid = layout_pack_id(layouts_con, "board_minutes.txt")
    tables = layouts_con.execute(
        "select count(*) from raw.tables where pack_id = ? and first_line between 36 and 42", [pid]
    ).fetchone()
    assert tables == (0,)


def test_layout_report_recommended_that_over_numbered_items(layouts_con):
    """A report's 'It is recommended that Cabinet:' over three numbered items, the second short
    and ending '; and' (no heading), and a one-sentence 'It is therefore recommended that ...';
    'It is recommended within the fostering procedures, that ...' recommends nothing."""
    pid = layout_pack_id(layouts_con, "cover_report.txt")
    assert decisions_between(layouts_con, pid, 1, 25) == [
        (10, "recommendation"),
        (24, "recommendation"),
    ]
    listed = decision_at(layouts_con, "cover_report.txt", 10)
    items = items_of(layouts_con, listed["decision_id"])
    assert [(i[1], i[3]) for i in items] == [("1.", 12), ("2.", 13), ("3.", 14)]
    assert items[1][2] == "Approves a target of 30 new fostering households for 2024/25; and"
    assert items[2][2] == "Approves a recruitment campaign at a cost of up to £95,000 in 2024/25."
    alone = decision_at(layouts_con, "cover_report.txt", 24)
    assert alone["decision_text"] == (
        "It is therefore recommended that Cabinet notes the progress of the sufficiency plan."
    )


def test_layout_minutes_dated_below_their_title_with_minutes_numbered_in_two_cells(layouts_con):
    """'Minutes of the Cabinet' over '7 October 2025 at 4.00 pm' in the pack of 4 November: its
    resolutions are of 7 October (they had no date), and each takes the minute printed
    '5<TAB>Minutes of Previous Meeting' above it (the date line was minute '7', 'October 2025 at
    4.00 pm'); '8<TAB>Public Forum' records no decision."""
    found = decisions_in(
        layouts_con,
        "dated_minutes.txt",
        "source_line",
        "kind",
        "minute_number",
        "subject",
        "decision_date",
    )
    day = date(2025, 10, 7)
    assert found[:2] == [
        (22, "resolution", "5", "Minutes of Previous Meeting", day),
        (26, "resolution", "7", "Acquisition of Homes for Temporary Accommodation", day),
    ]
    assert decision_at(layouts_con, "dated_minutes.txt", 22)["decision_maker"] == "Cabinet"
    agreed = decision_at(layouts_con, "dated_minutes.txt", 26)
    assert [(i[1], i[3]) for i in items_of(layouts_con, agreed["decision_id"])] == [
        ("(a)", 27),
        ("(b)", 28),
    ]


def test_layout_a_record_of_decision_block_says_who_decided_when(layouts_con):
    """dated_minutes.txt lines 41-49: a Record of Decision's key-value block (`Title:`, `Decision
    taken by:`, `Date of decision:`) over `Decision:` and its numbered items gives the decision
    its maker, date, title and reference (they were empty)."""
    d = decision_at(layouts_con, "dated_minutes.txt", 47)
    assert (d["kind"], d["decision_maker"], d["decision_date"]) == (
        "resolution",
        "Cabinet Member for Communities",
        date(2025, 10, 14),
    )
    assert (d["title"], d["reference_printed"]) == ("Library Opening Hours", "ED 2025/112")
    assert [i[3] for i in items_of(layouts_con, d["decision_id"])] == [48, 49]


def test_layout_minutes_name_who_met_from_their_title_or_the_banner_above_it(layouts_con):
    """banner_minutes.txt: 'At a meeting of the AUDIT COMMITTEE held on THURSDAY, 25TH SEPTEMBER,
    2025' names the body (written as a name: 'Audit Committee') and date of the resolutions
    under its 'MINUTES' line (that line opened second minutes, undated and with no body);
    'Minutes of the Meeting Held on Monday 6 October 2025' names none, so the banner 'Fostering
    Panel' above it is who resolved (was 'Meeting')."""
    found = decisions_in(
        layouts_con, "banner_minutes.txt", "source_line", "kind", "decision_maker", "decision_date"
    )
    audit, panel = "Audit Committee", "Fostering Panel"
    assert found == [
        (27, "resolution", audit, date(2025, 9, 25)),
        (31, "resolution", audit, date(2025, 9, 25)),
        (46, "resolution", panel, date(2025, 10, 6)),
    ]


def test_layout_minute_titles_with_a_full_stop_and_items_a_blank_line_apart(layouts_con):
    """scrutiny_minutes.txt: '15.<TAB>Speech and Language Therapy – Update.' heads its minute
    though its title ends with a full stop (the resolutions took the heading above the minutes);
    '(i)<TAB>THAT the report be noted; and' a blank line above '(ii)<TAB>THAT ...' is an item of
    the resolution (it was a table, so (i) was lost); 'The minutes ... were taken as read,
    confirmed and signed' is a resolution; '9.<TAB>The Panel is asked to:' opens the report's
    recommendations (it was a table, so none was read)."""
    found = decisions_in(
        layouts_con,
        "scrutiny_minutes.txt",
        "source_line",
        "kind",
        "minute_number",
        "subject",
        "decision_date",
    )
    day = date(2025, 10, 7)
    assert found == [
        (17, "resolution", "14", "Minutes", day),
        (23, "resolution", "15", "Speech and Language Therapy – Update", day),
        # '16.<TAB>No items of urgent business were raised.' is a sentence, no minute's title
        (31, "resolution", "15", "Speech and Language Therapy – Update", day),
        (43, "recommendation", None, "THERAPY WAITING TIMES: RECOVERY PLAN", None),
    ]
    resolved = decision_at(layouts_con, "scrutiny_minutes.txt", 23)
    assert [(i[1], i[3]) for i in items_of(layouts_con, resolved["decision_id"])] == [
        ("(i)", 25),
        ("(ii)", 27),
    ]
    asked = decision_at(layouts_con, "scrutiny_minutes.txt", 43)
    assert [(i[1], i[3]) for i in items_of(layouts_con, asked["decision_id"])] == [
        ("a)", 45),
        ("b)", 46),
    ]


def test_layout_a_body_asked_to_is_a_recommendation(layouts_con):
    """'Cabinet is asked to:' over two numbered items, and 'Recommendation: The Board is asked to
    agree ...' alone, are a report's recommendations (they were not read)."""
    listed = decision_at(layouts_con, "cover_report.txt", 28)
    assert listed["kind"] == "recommendation"
    items = items_of(layouts_con, listed["decision_id"])
    assert [(i[1], i[3]) for i in items] == [("1.", 30), ("2.", 31)]
    assert items[1][2] == "Approve a budget virement of £1.5m from the corporate contingency."
    alone = decision_at(layouts_con, "cover_report.txt", 33)
    assert (alone["kind"], alone["decision_text"]) == (
        "recommendation",
        "Recommendation: The Board is asked to agree the Forward Work Programme.",
    )


def test_layout_action_log_rows_repeat_the_minutes_word_for_word_only(layouts_con):
    """action_log.txt: a tracker row repeats a decision of the minutes of the meeting it dates
    when it prints one of its items (39), or its text after the opener 'RESOLVED –' (41) or 'The
    Committee agreed' (42), case, punctuation and markup aside. A row printing only part of an
    item (40), a row not in the minutes (43) and a row of the same words dated by another
    meeting (44) are no repeats."""
    found = layouts_con.execute(
        "select f.source_line, m.source_line from marts.fct_decisions f "
        "left join marts.fct_decisions m on m.decision_id = f.repeats_decision_id "
        "where f.pack_id = ? and f.source_table_id is not null order by f.source_line",
        [layout_pack_id(layouts_con, "action_log.txt")],
    ).fetchall()
    assert found == [(39, 11), (40, None), (41, 18), (42, 22), (43, None), (44, None)]


def test_layout_a_cabinet_committee_and_a_cabinet_member_decide(layouts_con):
    """'The Cabinet Committee is asked to NOTE ... and ENDORSE ...' is a recommendation and 'The
    Cabinet Member for Integrated Children's Services agreed to:' over (a) and (b) a resolution
    of two items (neither was read: 'Cabinet Committee' and 'Cabinet Member' were no bodies the
    decision openers named); 'The Committee discussed ...' is no decision."""
    got = decisions_in(layouts_con, "cabinet_member_decision.txt", "source_line", "kind", "n_items")
    assert got == [(13, "recommendation", 0), (17, "resolution", 2)]
    d = decision_at(layouts_con, "cabinet_member_decision.txt", 17)
    assert [i[0] for i in items_of(layouts_con, d["decision_id"])] == ["a", "b"]


def test_layout_a_decision_whose_opener_names_its_member_is_that_members(layouts_con):
    """'The Cabinet Member for Integrated Children's Services agreed to:' in a Cabinet Committee's
    pack: the member took the decision (it had no decision maker); the Cabinet Committee 'is
    asked to' decide nothing, and its recommendation names no maker."""
    assert decisions_in(
        layouts_con, "cabinet_member_decision.txt", "source_line", "decision_maker"
    ) == [(13, None), (17, "Cabinet Member for Integrated Children's Services")]


def test_layout_a_committee_whose_name_has_a_comma_decides(layouts_con):
    """'MINUTES of a meeting of the Children's, Young People and Education Cabinet Committee held
    in the Council Chamber, ... on Tuesday, 8 July 2025': the committee's whole name made the
    decision (it was cut at its comma: "Children's")."""
    assert decisions_in(
        layouts_con, "comma_committee_minutes.txt", "kind", "decision_maker", "decision_date"
    ) == [
        ("resolution", "Children's, Young People and Education Cabinet Committee", date(2025, 7, 8))
    ]


def test_layout_a_minute_titled_by_a_decision_reference(layouts_con):
    """'16.<TAB>25/00071 - Contract for Children's Therapy Services' over 'RESOLVED that the
    decision proposed to be taken by the Cabinet Member ... be endorsed': minute 16's
    resolution (it was minute 15's: a title opening with a digit was no minute heading), about
    decision 25/00071 (its related reference)."""
    assert decisions_in(
        layouts_con, "reference_minutes.txt", "source_line", "minute_number", "related_reference"
    ) == [(11, "15", None), (17, "16", "25/00071"), (21, "17", None)]


def test_layout_minutes_titled_alone_under_the_packs_heading_are_its_meetings(layouts_con):
    """A pack headed 'Westbury Borough Council / Cabinet / Wednesday, 15 October 2025 at 7.00 pm'
    then 'MINUTES': each resolution is the Cabinet's, of 15 October 2025 (they had no maker and
    no date: the title names neither). 'DECISION' over (i) and (ii) is one resolution of two
    items; the reasons and the options rejected are no decisions. 'This item was deferred to the
    meeting on 12 November 2025' is the Cabinet's resolution to defer it, its status 'deferred'
    (as 'RESOLVED – That this item be deferred ...' is; it was no decision)."""
    columns = ("minute_number", "decision_maker", "decision_date", "n_items", "status")
    assert decisions_in(layouts_con, "own_minutes.txt", *columns) == [
        ("3", "Cabinet", date(2025, 10, 15), 0, None),
        ("4", "Cabinet", date(2025, 10, 15), 2, None),
        ("5", "Cabinet", date(2025, 10, 15), 0, None),
        ("6", "Cabinet", date(2025, 10, 15), 0, "deferred"),
        ("7", "Cabinet", date(2025, 10, 15), 0, None),
    ]


def test_layout_a_record_of_decisions_block_by_block(layouts_con):
    """decision_notice.txt: 'Decision No.<TAB>EX/41/2025' ... 'Decision<TAB>To allocate the
    Homelessness Prevention Grant ...' ... 'Date of decision<TAB>3 November 2025' is an executive
    decision of that reference, subject and date (nothing was read: its keys have no colon and
    no sentence states the decision); 'Decision No.: EX/42/2025' ... 'Decision taken by:
    Executive' ... 'Decision: That the fees and charges ... be approved.' is the Executive's
    decision EX/42/2025 of 3 November 2025 on 'Fees and charges 2026/27' (the decision inside
    the block had none of them), an executive decision like the first (it was a resolution), and
    its text ends on its own line (it ran on over 'Reason:' and 'Call-in expiry:')."""
    columns = ("source_line", "kind", "reference", "subject", "decision_maker", "decision_date")
    assert decisions_in(layouts_con, "decision_notice.txt", *columns) == [
        (
            11,
            "executive_decision",
            "EX/41/2025",
            "Homelessness Prevention Grant allocation 2025/26",
            None,
            date(2025, 11, 3),
        ),
        (
            20,
            "executive_decision",
            "EX/42/2025",
            "Fees and charges 2026/27",
            "Executive",
            date(2025, 11, 3),
        ),
    ]
    assert decisions_in(layouts_con, "decision_notice.txt", "source_last_line")[1] == (20,)


def test_layout_a_record_of_decisions_holding_several_blocks_in_one_table(layouts_con):
    """record_of_decisions.txt: 'Members present:' and 'Officers present:' then two blocks
    printed in two cells without a blank row between tables ('Decision No.<TAB>CAB/301' ...,
    'Decision No.<TAB>CAB/302' ...): one decision each (one table of both read as one record
    gave CAB/302 the first block's subject and lost CAB/301). CAB/302's decision goes on over the
    rows below it with no key ('<TAB>1. Noted ...', '<TAB>2. Approved ...'): two items, printed
    on lines 20 to 22."""
    columns = ("source_line", "source_last_line", "reference", "subject", "n_items")
    assert decisions_in(layouts_con, "record_of_decisions.txt", *columns)[:2] == [
        (15, 15, "CAB/301", "Minutes of the meeting held on 2 October 2025", 0),
        (20, 22, "CAB/302", "Revenue Budget Monitoring – Quarter 2 2025/26", 2),
    ]


def test_layout_records_printed_as_lines_one_after_another(layouts_con):
    """record_of_decisions.txt, three records printed as 'Key: value' lines a blank line apart:
    each is its own (they were read as one block, the last record taking the middle one's
    decision). CAB/303's decision ends at its item (b), not over 'Reason:' and 'Alternative
    options considered:'; 'CAB/304 (Exempt)' is reference CAB/304 (it had none); CAB/305's
    'Deferred to the meeting of Cabinet on 4 December 2025' is recorded with status 'deferred'.
    All are the Cabinet's executive decisions of 6 November 2025 (the pack's date was printed
    after 'Meeting held on', under a 'Record of Executive Decisions' title: the pack was
    quarantined, with no committee)."""
    columns = ("source_line", "source_last_line", "kind", "reference", "status", "decision_maker")
    assert decisions_in(layouts_con, "record_of_decisions.txt", *columns)[2:] == [
        (30, 32, "executive_decision", "CAB/303", None, "Cabinet"),
        (40, 40, "executive_decision", "CAB/304", None, "Cabinet"),
        (46, 46, "executive_decision", "CAB/305", "deferred", "Cabinet"),
    ]
    pack = layouts_con.execute(
        "select committee, meeting_date from marts.dim_pack where file_name = ?",
        ["record_of_decisions.txt"],
    ).fetchone()
    assert pack == ("Cabinet", date(2025, 11, 6))


def test_layout_minutes_under_a_banner_of_their_own_and_a_body_named_under_resolved(layouts_con):
    """panel_minutes.txt: minutes titled 'Minutes' under the banner 'Health and Care Overview
    and Scrutiny Panel' / 'Wednesday, 8 October 2025, 10.00 am, Shire Hall, Dunmere' (in the
    pack of a later meeting): that panel decided, on 8 October 2025 (they had no maker and no
    date). 'RESOLVED:' then 'The Panel:' over '(1)' and '(2)', and 'Resolved:' then 'That the
    Panel' over '(a)' and '(b)': one resolution of two items each (they were none, or the words
    'Resolved: That the Panel' alone: the body's name stood between the lead-in and its list)."""
    columns = ("minute_number", "decision_maker", "decision_date", "n_items")
    panel = "Health and Care Overview and Scrutiny Panel"
    assert decisions_in(layouts_con, "panel_minutes.txt", *columns) == [
        ("301", panel, date(2025, 10, 8), 0),
        ("302", panel, date(2025, 10, 8), 2),
        ("303", panel, date(2025, 10, 8), 2),
    ]


def test_layout_a_task_group_recommends_that_cabinet_over_numbered_items(layouts_con):
    """task_group_report.txt: '2.<TAB>The Task Group recommends that Cabinet:' over '1.<TAB>Keeps
    ...', '2.<TAB>Publishes ...', '3.<TAB>Reports back ...': one recommendation of three items,
    lines 17 to 23 (none was read: the numbered lead-in was taken for a table row)."""
    columns = ("source_line", "source_last_line", "kind", "n_items")
    assert decisions_in(layouts_con, "task_group_report.txt", *columns) == [
        (17, 23, "recommendation", 3)
    ]


def test_layout_an_item_cut_by_a_page_and_an_item_indented_onto_a_second_line(layouts_con):
    """executive_minutes.txt: item 3 of 'The Executive RESOLVED to:' stops at '... any variation
    to it that is' (line 26) and goes on after 'Page 4' with 'needed to complete the scheme within
    budget.' (line 30); '(b)<TAB>authorises ... after consulting the Portfolio' (line 37) goes on
    over '<TAB>Holder for Finance, to change the grant amounts during the winter.' (line 38). Both
    items keep their last words (they ended at the page break and at the indented line)."""
    pid = layout_pack_id(layouts_con, "executive_minutes.txt")
    first, second = layouts_con.execute(
        "select decision_id from marts.fct_decisions where pack_id = ? and kind = 'resolution' "
        "order by source_line",
        [pid],
    ).fetchall()
    last_item = items_of(layouts_con, first[0])[-1]
    assert last_item[1:] == (
        "3.",
        "Delegate to the Director of Place, after consulting the Portfolio Holder for Leisure, the "
        "award of the works contract and any variation to it that is needed to complete the "
        "scheme within budget.",
        26,
        30,
    )
    assert items_of(layouts_con, second[0])[-1][1:] == (
        "(b)",
        "authorises the Head of Revenues, after consulting the Portfolio Holder for Finance, to "
        "change the grant amounts during the winter.",
        37,
        38,
    )


def test_layout_a_forward_plan_whose_headings_wrap_onto_a_second_line(layouts_con):
    """executive_minutes.txt: a forward plan headed 'Ref | Matter for decision | Decision | Date
    of | Key' over '| | maker | decision | decision': the second line ends the headings, so each
    item has its decision maker and anticipated date (the maker was read as the decision's text
    and the date was lost, the second line taken for a row)."""
    columns = ("source_line", "kind", "reference", "decision_maker", "anticipated_text", "title")
    assert decisions_in(layouts_con, "executive_minutes.txt", *columns)[2:] == [
        (
            46,
            "forward_plan_item",
            "FP/26/012",
            "Executive",
            "9 April 2026",
            "Parking charges review",
        ),
        (
            47,
            "forward_plan_item",
            "FP/26/015",
            "Portfolio Holder for Housing and Health",
            "May 2026",
            "Home adaptations grant policy",
        ),
        (
            49,
            "forward_plan_item",
            "FP/26/019",
            "Executive",
            "11 June 2026",
            "Town centre masterplan",
        ),
    ]


def test_fields_printed_after_each_decision_are_that_decisions(layouts_con):
    """decisions_then_fields.txt: each item prints 'The Executive RESOLVED ...', its reasons, then
    'Decision maker:' / 'Date of decision:'. Each decision takes the fields printed after it (the
    fields of item 5 went to item 6's decision, item 6's to item 7's), and the meeting is the one
    the record's opening sentence names."""
    columns = ("source_line", "decision_maker", "decision_date", "meeting_date")
    assert decisions_in(layouts_con, "decisions_then_fields.txt", *columns) == [
        (16, "Executive", date(2025, 12, 9), date(2025, 12, 9)),
        (
            31,
            "Executive (on the advice of the Schools Forum)",
            date(2025, 12, 9),
            date(2025, 12, 9),
        ),
        (
            44,
            "Executive (recommendation to County Council on 12 February 2026)",
            date(2025, 12, 9),
            date(2025, 12, 9),
        ),
    ]


def test_an_items_title_stops_before_the_header_field_under_it(layouts_con):
    """decisions_then_fields.txt: 'LIBRARY SERVICE STRATEGY 2026 TO 2030' over 'Key decision: Yes':
    each decision's subject is its item's title alone (the field was joined onto it)."""
    assert decisions_in(layouts_con, "decisions_then_fields.txt", "subject") == [
        ("LIBRARY SERVICE STRATEGY 2026 TO 2030",),
        ("SCHOOL TRANSPORT POLICY 2026/27",),
        ("HIGHWAYS CAPITAL PROGRAMME 2026/27",),
    ]


def test_a_numbered_recommendations_heading_in_two_cells_heads_its_list(layouts_con):
    """numbered_recommendations.txt: '2.<TAB>Recommendations' over '2.1<TAB>That the Committee
    comments ...' and '2.2<TAB>That the Committee asks ...': one recommendation of the two items,
    about the report (2.1 was lost, and 2.2 stood alone without its items)."""
    d = decision_at(layouts_con, "numbered_recommendations.txt", 12)
    assert (d["kind"], d["source_last_line"], d["subject"]) == (
        "recommendation",
        13,
        "Short Breaks for Disabled Children: Statement 2026",
    )
    assert [(i[1], i[3]) for i in items_of(layouts_con, d["decision_id"])] == [
        ("2.1", 12),
        ("2.2", 13),
    ]
    assert len(decisions_in(layouts_con, "numbered_recommendations.txt", "decision_id")) == 1


def test_lettered_minute_numbers_moved_and_seconded_noted_and_agreed_to_recommend(layouts_con):
    """lettered_minutes.txt: each minute numbered 'CAB 32/25<TAB>TITLE' heads its decision (the
    subject was the venue line above, the number missing); 'It was moved by Councillor Lund,
    seconded by Councillor Farrow, and RESOLVED that ...' is a resolution and 'Noted.' alone the
    Cabinet noting the report (both were missed); 'The Cabinet AGREED to recommend to the Council
    that ...' a recommendation, not the Cabinet's own resolution. The signature block's 'Date:'
    to fill in dates nothing."""
    got = [
        (*row[:4], str(row[4]))
        for row in decisions_in(
            layouts_con,
            "lettered_minutes.txt",
            "source_line",
            "kind",
            "minute_number",
            "subject",
            "decision_date",
        )
    ]
    assert got == [
        (17, "resolution", "CAB 32/25", "ADULT SOCIAL CARE CHARGING POLICY", "2025-10-14"),
        (25, "noted", "CAB 33/25", "QUARTERLY PERFORMANCE REPORT", "2025-10-14"),
        (29, "recommendation", "CAB 34/25", "CHILDREN'S SERVICES COMMISSIONING PLAN", "2025-10-14"),
    ]


def test_a_resolution_word_in_its_own_cell_and_a_that_the_panel_lead_in(layouts_con):
    """tabbed_resolutions.txt: 'RESOLVED:<TAB>That the minutes ... be approved ...' is a
    resolution (the line was a two-cell table row, and no decision), and so is 'RESOLVED:<TAB>
    That:' over its '(a)' '(b)' items; 'Resolved' / 'That the Panel:' / '1.<TAB>Welcomes ...'
    is one resolution of two items (the items were lost: the 'That the Panel:' paragraph stood
    between the lead-in and its list). 'Schedule<TAB>14 January 2026' stays a row. The minutes
    title '... Panel held at the Guildhall, Marshby on ...' names the panel (it was 'Fostering
    and Adoption Panel held at the Guildhall')."""
    committee = layouts_con.execute(
        "select committee from marts.dim_pack where file_name = 'tabbed_resolutions.txt'"
    ).fetchone()
    assert committee == ("Fostering and Adoption Panel",)
    got = decisions_in(
        layouts_con,
        "tabbed_resolutions.txt",
        "source_line",
        "source_last_line",
        "kind",
        "minute_number",
        "n_items",
        "decision_id",
    )
    assert [row[:5] for row in got] == [
        (9, 9, "resolution", "21", 0),
        (15, 19, "resolution", "22", 2),
        (25, 31, "resolution", "23", 2),
    ]
    assert [item[:2] + item[3:] for item in items_of(layouts_con, got[1][5])] == [
        ("a", "(a)", 17, 17),
        ("b", "(b)", 19, 19),
    ]
    assert items_of(layouts_con, got[2][5]) == [
        (
            "1",
            "1.",
            "Welcomes the continued use of the Adoption Support Fund for therapeutic support.",
            29,
            29,
        ),
        (
            "2",
            "2.",
            "Asks the Head of Adoption to report the outcome of the national review of the fund.",
            31,
            31,
        ),
    ]


def test_layout_minutes_under_a_one_word_banner(layouts_con):
    """one_word_banner_minutes.txt lines 18-40: `Agenda Item 2` over `NORTHBY COUNCIL` /
    `CABINET` / `Tuesday 24th February 2026` / `Present:` are minutes though no line says so: each
    resolution has its minute, subject, body and date (they were read as the agenda: no minute,
    subject `Agenda front sheet`, no body or date)."""
    found = decisions_in(
        layouts_con,
        "one_word_banner_minutes.txt",
        "source_line",
        "kind",
        "minute_number",
        "subject",
        "decision_maker",
        "decision_date",
        "n_items",
    )
    held = date(2026, 2, 24)
    assert found == [
        (34, "resolution", "61", "Minutes of Previous Meeting", "Cabinet", held, 0),
        (38, "resolution", "62", "Leisure Centres Contract", "Cabinet", held, 2),
    ]


def test_layout_minutes_numbered_by_letters_and_a_slash(layouts_con):
    """lettered_slash_minutes.txt: `HOSC/43<TAB>Dental Access` heads its minute (a body's
    letters, a slash, the number); its `It was RESOLVED that consideration of this item be
    deferred to the meeting on 20 May 2026` is a deferral (the resolutions had no minute and took
    the minutes' title as subject; the deferral's status was none)."""
    found = decisions_in(
        layouts_con,
        "lettered_slash_minutes.txt",
        "source_line",
        "minute_number",
        "subject",
        "status",
    )
    assert found == [
        (9, "HOSC/42", "Minutes", None),
        (12, "HOSC/43", "Dental Access", "deferred"),
        (15, "HOSC/44", "Work Programme", None),
    ]


def test_layout_minutes_numbered_by_letters_year_and_number(layouts_con):
    """three_part_minute_numbers.txt: `CYP/26/2<TAB>School Place Planning` heads its minute (it
    was none: a minute number's last part of one digit was not read)."""
    found = decisions_in(
        layouts_con,
        "three_part_minute_numbers.txt",
        "source_line",
        "minute_number",
        "subject",
        "decision_maker",
        "decision_date",
    )
    body, held = "Children and Young People Scrutiny Committee", date(2026, 1, 28)
    assert found == [
        (6, "CYP/26/1", "Minutes", body, held),
        (10, "CYP/26/2", "School Place Planning", body, held),
    ]


def test_layout_minutes_numbered_with_a_hyphen_or_a_star(layouts_con):
    """hyphen_numbered_minutes.txt: `CPP-14<TAB>Virtual School Annual Report 2024/25`;
    starred_minutes.txt: `* 62<TAB>Adult Social Care Performance`: each heads its minute (neither
    was read, so the resolutions had no minute and took the minutes' title as subject)."""
    assert decisions_in(
        layouts_con, "hyphen_numbered_minutes.txt", "source_line", "minute_number", "subject"
    ) == [
        (7, "CPP-13", "Minutes of the Previous Meeting"),
        (13, "CPP-14", "Virtual School Annual Report 2024/25"),
    ]
    assert decisions_in(
        layouts_con, "starred_minutes.txt", "source_line", "minute_number", "subject"
    ) == [(7, "61", "Minutes"), (11, "62", "Adult Social Care Performance")]


def test_layout_a_bare_minutes_title_over_the_body_and_date(layouts_con):
    """bare_minutes_title.txt: `MINUTES` / `CORPORATE PARENTING BOARD` / `Tuesday 9 December 2025
    at 6.00 pm` name who resolved and when (the resolution had neither)."""
    assert decisions_in(
        layouts_con,
        "bare_minutes_title.txt",
        "source_line",
        "minute_number",
        "subject",
        "decision_maker",
        "decision_date",
    ) == [
        (12, "2", "CARE LEAVERS' HOUSING PROTOCOL", "Corporate Parenting Board", date(2025, 12, 9))
    ]


def test_layout_minutes_of_a_meeting_held_and_a_numbered_approval(layouts_con):
    """meeting_held_minutes.txt: `Strategy and Resources Policy Committee` / `Meeting held 18
    February 2026` name who resolved and when (neither was read), and `2.1<TAB>The minutes of
    the meeting ... were approved as a correct record.` is a resolution (a paragraph number kept
    it from being one)."""
    body, held = "Strategy and Resources Policy Committee", date(2026, 2, 18)
    assert decisions_in(
        layouts_con,
        "meeting_held_minutes.txt",
        "source_line",
        "kind",
        "minute_number",
        "decision_maker",
        "decision_date",
    ) == [(11, "resolution", "2", body, held), (14, "resolution", "3", body, held)]


def test_layout_decision_colon_the_board_agreed_and_a_board_asked_to(layouts_con):
    """decision_colon_minutes.txt: `Decision: The Board agreed:` over `a)` `b)` and `Decision: The
    Board agreed its Forward Work Programme.` are resolutions (none was read); `2.<TAB>The
    Corporate Parenting Board is asked to:` over `a)` `b)` is the report's recommendation (a body
    named by more words than one was no lead-in)."""
    found = decisions_in(
        layouts_con,
        "decision_colon_minutes.txt",
        "source_line",
        "kind",
        "minute_number",
        "n_items",
        "decision_maker",
    )
    board = "Corporate Parenting Board"
    assert found == [
        (7, "resolution", "21", 2, board),
        (12, "resolution", "22", 0, board),
        (22, "recommendation", None, 2, None),
    ]


def test_layout_resolutions_in_cells_under_a_council_and_meeting_banner(layouts_con):
    """resolutions_in_cells_under_a_banner.txt: `Agenda Item 2` over `WESTBURY METROPOLITAN
    BOROUGH COUNCIL` / `CABINET MEETING` / `Tuesday, 13 January 2026` / `PRESENT:<TAB>...` are
    minutes of the Cabinet (they were an appendix: no body or date); `C45<TAB>FEES AND CHARGES
    2026/27` heads its minute;
    `RESOLVED -<TAB>(i)<TAB>That ...` over `<TAB>(ii)<TAB>That ...` and `<TAB>(iii)<TAB>That ...`
    is one resolution of three items (it was none); `RESOLVED 2026/007` over `1) That ...` and
    `2) That ...` is one of two (it was none)."""
    found = decisions_in(
        layouts_con,
        "resolutions_in_cells_under_a_banner.txt",
        "source_line",
        "source_last_line",
        "kind",
        "minute_number",
        "subject",
        "decision_maker",
        "decision_date",
        "n_items",
    )
    held = date(2026, 1, 13)
    assert found == [
        (24, 28, "resolution", "C45", "FEES AND CHARGES 2026/27", "Cabinet", held, 3),
        (34, 38, "resolution", "C46", "SHORT BREAKS FOR CARERS", "Cabinet", held, 2),
    ]
    fees = layouts_con.execute(
        "select decision_id from marts.fct_decisions where pack_id = ? and source_line = 24",
        [layout_pack_id(layouts_con, "resolutions_in_cells_under_a_banner.txt")],
    ).fetchone()[0]
    assert items_of(layouts_con, fees) == [
        (
            "i",
            "(i)",
            "That the fees and charges set out in appendix 1 be approved from 1 April 2026.",
            24,
            24,
        ),
        (
            "ii",
            "(ii)",
            "That the Strategic Director, Resources be authorised to make minor changes to "
            "the charges.",
            26,
            26,
        ),
        ("iii", "(iii)", "That the charges be reviewed again in twelve months.", 28, 28),
    ]


def test_layout_a_recommendation_heading_numbered_with_a_bracket(layouts_con):
    """bracketed_number_recommendation_heading.txt: `1)<TAB>Recommendation` over `That the
    Committee:` and `(a)` / `(b)` is the report's recommendation of two items (none was read:
    a heading's number was `1.` or `1`, never `1)`)."""
    found = decisions_in(
        layouts_con,
        "bracketed_number_recommendation_heading.txt",
        "source_line",
        "source_last_line",
        "kind",
        "subject",
        "n_items",
    )
    assert found == [
        (18, 20, "recommendation", "Adult Social Care: People Waiting for Assessment and Review", 2)
    ]


def test_layout_a_committee_that_may_wish_to(layouts_con):
    """may_wish_to_recommendations.txt: `3.<TAB>The Committee may wish to:` under
    `Recommendations`, over `a)` and `b)`, is the report's recommendation of two items (none
    was read: the lead-in wanted `is asked to`); the objective above it, '... the Committee may
    wish to recommend to the Cabinet.', is none."""
    found = decisions_in(
        layouts_con,
        "may_wish_to_recommendations.txt",
        "source_line",
        "source_last_line",
        "kind",
        "subject",
        "n_items",
    )
    subject = "Adult Social Care: People Waiting for Assessments and Reviews"
    assert found == [(16, 18, "recommendation", subject, 2)]


def test_layout_one_numbered_item_leading_into_its_sub_items(layouts_con):
    """one_item_leading_into_its_sub_items.txt: `2.1<TAB>That the Corporate Parenting
    Committee:` alone under `2.0<TAB>Recommendation(s)`, over `(a)` and `(b)`, was a
    recommendation of one item, `2.1`: its two lettered items are the list's, `2.1` their
    lead-in."""
    found = decisions_in(
        layouts_con, "one_item_leading_into_its_sub_items.txt", "source_line", "kind", "n_items"
    )
    assert found == [(20, "recommendation", 2)]
    items = layouts_con.execute(
        "select item_label, source_line from marts.decision_items where pack_id = ? "
        "order by item_seq",
        [layout_pack_id(layouts_con, "one_item_leading_into_its_sub_items.txt")],
    ).fetchall()
    assert items == [("a", 21), ("b", 22)]


def test_layout_minute_bodies_indented_under_their_numbers(layouts_con):
    """indented_minute_bodies.txt: each minute's body printed one cell in (`22.<TAB>MINUTES`
    over `<TAB>Resolved that the minutes ... be approved ...`) was read as one-cell table rows,
    so no resolution of the minutes was published: each is its minute's resolution, the
    lettered items under `<TAB>Resolved that -` its items."""
    found = decisions_in(
        layouts_con,
        "indented_minute_bodies.txt",
        "source_line",
        "source_last_line",
        "kind",
        "minute_number",
        "n_items",
    )
    assert found == [
        (14, 14, "resolution", "22", 0),
        (19, 21, "resolution", "23", 2),
        (24, 24, "resolution", "24", 0),
    ]
    items = layouts_con.execute(
        "select item_label, item_text from marts.decision_items where pack_id = ? "
        "order by item_seq",
        [layout_pack_id(layouts_con, "indented_minute_bodies.txt")],
    ).fetchall()
    assert items == [
        ("a", "the report be noted;"),
        ("b", "a further report be submitted in March 2026."),
    ]
