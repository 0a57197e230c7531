"""Numbered paragraphs printed `1.1<TAB>sentence` are read as text, rows of tables are not
(ingest/paragraphs.py); the pack's lines stay as printed."""

from __future__ import annotations

import pytest

from ingest.paragraphs import bare_number_labels, is_numbered_paragraph, paragraph_view
from ingest.parse import parse_pack_bytes


@pytest.mark.parametrize(
    ("line", "is_paragraph"),
    [
        ("1.1\tAt 31 March 2024 there were 596 children in care to the council.", True),
        ("(ii)\tRequests a further report on placement sufficiency to its next meeting.", True),
        ("123\tRESOLVED:- That Cabinet:-", True),
        ("2.1\tThat the Committee:", True),
        ("13.0\tFinancial considerations:", False),  # a template heading, no lead-in
        ("1\tReview the policy", False),  # a numbered action of a table
        ("4\tTimely Analytical and Comprehensive Assessments\t48%\t60%", False),
        ("Total\tAt 31 March 2024 there were 596 children in care to the council.", False),
        ("\t(b)\tapproves a one-off payment of £750 to each household approved for 5 years", True),
        ("\t\t(iv)\tasks officers to report back on the outcome of the consultation", True),
        ("\tTotal\t12\t14", False),  # a row under an empty first cell
        ("\t(c)\t15%", False),
        ("•\tThe longest wait for a neurodevelopmental assessment was 104 weeks.", True),
        ("•\tTotal\t12", False),
        # a decision's word in a cell of its own, over what was decided or its items' lead-in
        ("RESOLVED:\tThat the minutes of the meeting held on 9 July 2025 be approved.", True),
        ("RESOLVED:\tThat:", True),
        # ... and its first item's label in a cell of its own before it (the items after it print
        # '\t(ii)\tThat ...'); not a table's row of a label, a number and words
        ("RESOLVED -\t(i)\tThat the fees set out in appendix 1 be approved.", True),
        ("RESOLVED -\t(i)\tThe fees\t12", False),
        ("Total\t(i)\tThat the fees set out in appendix 1 be approved.", False),
        # an action plan's row: what management agreed to do, no decision
        ("Agreed:\tManagement will review the procedure by March 2026.", False),
        ("Decision:\tThat the report be noted.", False),  # a record's key: its table reads it
        # a sentence as long as one by its figures (it was a table row, its figures never read)
        ("6.1\tServices received 2,146 compliments in 2024/25, up from 1,987 in 2023/24.", True),
        ("6.1\tTotal 2,146 1,987 2024/25 2023/24 123 456 789", False),  # no sentence
    ],
)
def test_what_is_a_numbered_paragraph(line, is_paragraph):
    assert is_numbered_paragraph(line) is is_paragraph


def test_the_view_changes_only_numbered_paragraphs_and_keeps_line_numbers():
    lines = ["Intro", "1.1\tThe number of children in care rose to 596 over the year.", "A\t1\t2"]
    view = paragraph_view(lines)
    assert view == [
        "Intro",
        "1.1 The number of children in care rose to 596 over the year.",
        "A\t1\t2",
    ]
    assert lines[1].count("\t") == 1  # the printed lines are untouched
    assert paragraph_view(["A\t1\t2"]) == ["A\t1\t2"]
    # an item indented by a TAB is read without it: no TAB is left to make it a table row
    indented = "\t(a)\tapproves an increase of 4.5% to the weekly allowances paid to carers;"
    assert paragraph_view([indented]) == [
        "(a) approves an increase of 4.5% to the weekly allowances paid to carers;"
    ]


def test_a_short_paragraph_next_in_sequence_one_blank_line_below_is_a_paragraph():
    """232_leicestershire_therapy_prose.txt lines 21-23: '2.5<TAB>Of these, 180 had been waiting
    over 78 weeks.' has too few words to be a paragraph alone, but it is the next paragraph of the
    list and ends a sentence; a section heading after a paragraph is not ('3.<TAB>Next steps',
    no full stop), nor a line numbered out of sequence."""
    long = "2.4\tThere were 633 young people waiting for a physiotherapy assessment in June 2024."
    short = "2.5\tOf these, 180 had been waiting over 78 weeks."
    assert paragraph_view([long, "", short])[2] == short.replace("\t", " ")
    heading = "3.\tNext steps"
    assert paragraph_view([long, "", heading])[2] == heading
    out_of_sequence = "2.7\tOf these, 180 had been waiting."
    assert paragraph_view([long, "", out_of_sequence])[2] == out_of_sequence


def test_a_numbered_paragraph_is_no_table_and_its_line_has_no_table_tab():
    text = (
        "Cornwall Council\n\n1.1\tAt 31 March 2024 there were 596 children in care, a rate of 57.\n"
    )
    pack = parse_pack_bytes("p.txt", text.encode())
    assert pack.tables == []
    assert [(n.line_number, n.number_text) for n in pack.prose if n.skip_reason is None] == [
        (3, "596"),
        (3, "57"),
    ]
    assert pack.text.lines[2].startswith("1.1\t")


def test_a_tab_indented_line_under_an_unfinished_numbered_paragraph_goes_on_it():
    """executive_minutes.txt lines 37-38: '(b)<TAB>authorises the Head of Revenues, after
    consulting the Portfolio' over '<TAB>Holder for Finance, to change the grant amounts during
    the winter.': the second line is the item's words, read as text (it was a one-cell table
    row). Under a paragraph that ends its sentence, or as a line of several cells, it stays."""
    item = "(b)\tauthorises the Head of Revenues, after consulting the Portfolio"
    going_on = "\tHolder for Finance, to change the grant amounts during the winter."
    assert paragraph_view([item, going_on]) == [
        "(b) authorises the Head of Revenues, after consulting the Portfolio",
        "Holder for Finance, to change the grant amounts during the winter.",
    ]
    finished = "(b)\tauthorises the Head of Revenues to change the grant amounts in the winter."
    assert paragraph_view([finished, going_on])[1] == going_on
    row = "\tHolder for Finance\t12\t14"
    assert paragraph_view([item, row])[1] == row


def test_a_paragraphs_bare_number_printed_before_a_tab_is_its_number_not_a_count():
    """An agenda item `6<TAB>Adult Social Care Complaints and Representations Annual Report
    2025-26 (Pages 9 - 32)` (read as 6 complaints received) and a report's `3<TAB>The Council
    received 212 complaints ...`: the view joins each to its number with a space, and the number
    is no quantity; a bullet's figure and a dotted number's paragraph keep what they were."""
    lines = [
        "Agenda",
        "6\tAdult Social Care Complaints and Representations Annual Report 2025-26 (Pages 9 - 32)",
        "",
        "3\tThe Council received 212 complaints in 2024/25, up from 190 the year before.",
        "",
        "\u2022\t46 complaints were received about home care services over the year.",
        "4.1\tThe Council received 77 compliments about its reablement service.",
    ]
    view = paragraph_view(lines)
    assert bare_number_labels(lines, view) == {2: "6", 4: "3"}
    assert bare_number_labels(lines[:1], paragraph_view(lines[:1])) == {}
    pack = parse_pack_bytes("p.txt", "\n".join(lines).encode())
    read = [(n.line_number, n.number_text) for n in pack.prose if n.skip_reason is None]
    assert read == [(4, "212"), (4, "190"), (6, "46"), (7, "77")]
    skipped = {(n.line_number, n.number_text): n.skip_reason for n in pack.prose}
    assert skipped[(2, "6")] == skipped[(4, "3")] == "paragraph_number"


def test_a_number_before_a_tab_and_words_in_lower_case_stays_a_count():
    """`45<TAB>complaints were about communication ...`: the words go on from the number, which
    counts them (the review of the rule above)."""
    lines = ["45\tcomplaints were about communication and the quality of information given."]
    assert bare_number_labels(lines, paragraph_view(lines)) == {}
    pack = parse_pack_bytes("p.txt", lines[0].encode())
    assert [(n.number_text, n.skip_reason) for n in pack.prose] == [("45", None)]
