"""ingest/prose.py: numbers printed in sentences, read from real pack lines and from other
councils' wordings (synthetic sentences), with the identifiers that must never be facts."""

from __future__ import annotations

import pytest

from ingest.prose import prose_numbers


def _kept(lines: list[str]):
    return [m for m in prose_numbers(lines) if m.skip_reason is None]


def _by_text(lines: list[str]):
    return {m.number_text: m for m in prose_numbers(lines)}


@pytest.fixture(scope="module")
def pack000(parsed_packs):
    return parsed_packs["000"]


def _at(pack, line: int):
    """The mentions printed on a line, by number text (the first of repeated ones)."""
    found: dict = {}
    for m in pack.prose:
        if m.line_number == line:
            found.setdefault(m.number_text, m)
    return found


def test_real_sentence_counts_words_and_changes(pack000):
    # 000 line 1777: 'Adult Services received 91 complaints over the year - a decrease of 17 ...'
    found = _at(pack000, 1777)
    assert found["91"].value == 91 and found["91"].role == "level"
    assert found["91"].after_text.startswith("complaints over the year")
    assert found["17"].role == "change" and found["17"].direction == "down"
    assert found["49.45%"].unit_cue == "percent" and found["49.45%"].value == 49.45
    assert found["18"].skip_reason == "age"  # 'adults (18+)'
    # line 1781: a number written in words, read with text2num
    words = _at(pack000, 1781)["Three hundred and sixty seven"]
    assert words.value == 367 and words.number_form == "words"


def test_real_sentence_from_to_and_fraction(pack000):
    # 000 line 1689: 'increased by more than a third ... has reduced from 40 to only 25'
    found = _at(pack000, 1689)
    third = found["a third"]
    assert third.number_form == "fraction" and third.value == 33.33
    assert third.qualifier == "over" and third.role == "change" and third.direction == "up"
    assert found["40"].role == "from"
    assert found["25"].role == "to" and found["25"].comparison_value == 40
    assert found["25"].direction == "down"
    assert found["5.4"].skip_reason == "paragraph_number"


def test_sentence_joined_over_a_page_break(parsed_packs):
    # 002 lines 1433 / 1435: '...which has increased from **51%**' <blank> 'to **55%**.'
    found = {m.number_text: m for m in parsed_packs["002"].prose if m.line_number in (1433, 1435)}
    assert found["55%"].line_number == 1435 and found["55%"].sentence_first_line == 1433
    assert found["55%"].role == "to" and found["55%"].comparison_value == 51


def test_a_lone_from_compares_only_after_a_change_word(parsed_packs, pack000):
    # 002 line 1433: '... is currently at **66%** up from **62%** percent in the last 12 months'
    stability = _at(parsed_packs["002"], 1433)
    assert stability["62%"].role == "from" and stability["66%"].comparison_value == 62
    # 000 line 2484: '... 10 LGO enquiries lodged ... from 5 different complainants': a source
    enquiries = _at(pack000, 2484)
    assert enquiries["10"].comparison_value is None and enquiries["10"].comparison_text is None


def test_as_at_day_month_period_phrase(pack000):
    # 000 line 2891: 'As at Friday 28 August there were 438 children and young people in our care.'
    m = _at(pack000, 2891)["438"]
    assert m.period_text == "As at Friday 28 August"
    assert m.after_text.startswith("children and young people in our care")


def test_an_event_s_date_bounds_a_figure_it_does_not_date(parsed_packs):
    # 002 line 563: 'Prior to the SEND inspection in February 2022, the service had just undertaken
    # a waiting list initiative which saw the waiting time for first consultant appointment improve
    # from an average of 130 weeks to 26 weeks.'
    found = _at(parsed_packs["002"], 563)
    clause = "Prior to the SEND inspection in February 2022"
    assert found["26 weeks"].period_text == clause
    assert found["26 weeks"].comparison_value == 130
    assert found["130 weeks"].period_text == clause


@pytest.mark.parametrize(
    "sentence, number, period",
    [
        # other councils' wordings: an event's clause, and the phrases that stay a figure's own
        (
            "Ahead of the Ofsted visit in March 2023, 45 children were waiting.",
            "45",
            "Ahead of the Ofsted visit in March 2023",
        ),
        ("In March 2023, prior to the review, 45 children were waiting.", "45", "March 2023"),
        (
            "Before the restructure in May 2021, 60 complaints were open.",
            "60",
            "Before the restructure in May 2021",
        ),
        ("As at 31 March 2023 there were 45 children waiting.", "45", "As at 31 March 2023"),
    ],
)
def test_period_phrase_of_an_event_clause(sentence, number, period):
    m = _by_text([sentence])[number]
    assert m.period_text == period


@pytest.mark.parametrize(
    "sentence, number, reason",
    [
        ("Please see page 12 of the report for the 44 complaints received.", "12", "label"),
        ("5.1.8 To date the Council has not received any complaints.", "5.1", "paragraph_number"),
        ("Contact Jo on (01785) 276148 about the 20 complaints.", "01785", "phone"),
        ("Dates 12/01/2024 and 3 complaints.", "12", "date_or_reference"),
        ("The meeting started at 6.00 pm with 9 complaints to review.", "6.00", "time"),
        ("In 2019 the service received 40 compliments.", "2019", "year"),
        ("Placements for young people aged 16 were reviewed.", "16", "age"),
        ("Section 20 of the Children Act covered 12 children in care.", "20", "label"),
        ("On 28 August there were 500 children in care.", "28", "date"),
    ],
)
def test_identifiers_are_never_quantities(sentence, number, reason):
    found = _by_text([sentence])
    assert found[number].skip_reason == reason


@pytest.mark.parametrize(
    "sentence, number, value, qualifier, unit",
    [
        ("Well over 100 children were waiting at the end of March.", "100", 100, "over", None),
        ("Approximately 60 children were placed with family.", "60", 60, "about", None),
        ("Fewer than 20 people were placed in residential care.", "20", 20, "under", None),
        ("Between 50-60 children were placed at home.", "50-60", 50, "between", None),
        ("The average wait is 26 weeks for a first appointment.", "26 weeks", 26, None, "weeks"),
        ("The council paid £7,200 in complaint remedies.", "£7,200", 7200, None, "gbp"),
        ("Funding of £4.5million was agreed for fostering.", "£4.5million", 4_500_000, None, "gbp"),
        ("The LAC rate was 58.9 per 10,000 children.", "58.9 per 10,000", 58.9, None, "per_10000"),
        (
            "Almost sixty five percent of complaints were answered in time.",
            "sixty five percent",
            65,
            "almost",
            "percent",
        ),
        ("Two thirds of complaints were about charges.", "Two thirds", 66.67, None, "percent"),
    ],
)
def test_bounds_units_and_number_words_of_other_wordings(sentence, number, value, qualifier, unit):
    m = _by_text([sentence])[number]
    assert m.skip_reason is None
    assert m.value == pytest.approx(value)
    assert m.qualifier == qualifier
    assert m.unit_cue == unit
    if qualifier == "between":
        assert m.value_high == 60


def test_changes_in_other_wordings():
    found = _by_text(["Referrals rose by 12% while waits fell from 30 weeks to 22 weeks."])
    assert found["12%"].role == "change" and found["12%"].direction == "up"
    assert found["30 weeks"].role == "from"
    later = found["22 weeks"]
    assert later.role == "to" and later.comparison_value == 30 and later.direction == "down"
    pct = _by_text(["There was a 39% increase in complaints this year."])["39%"]
    assert pct.role == "change" and pct.direction == "up"


def test_part_of_whole_gives_the_predicate_to_the_part():
    # 'N of the M <noun> <predicate>': the predicate belongs to N, only the noun to M
    found = _by_text(["Thirty of the 80 complaints were resolved within timescale."])
    assert found["Thirty"].after_text.startswith("complaints were resolved within timescale")
    assert found["80"].after_text == "complaints"


def test_running_headers_and_tables_are_not_prose():
    header = "Customer Relations Team - Annual Report 2015"
    lines = [header, "Services received 12 complaints.", "", header, "Total\t12\t13", "", header]
    kept = _kept(lines)
    assert [m.number_text for m in kept] == ["12"]
    assert kept[0].line_number == 2


def test_references_glued_to_letters_are_not_read():
    # 'PH41/2015', 'S136': a number glued to letters is part of a reference
    assert [
        m.number_text for m in _kept(["Complaint PH41/2015 under S136 was called in by 3 members."])
    ] == ["3"]


def test_of_two_period_phrases_as_near_a_figure_the_one_after_it_is_its_own():
    """'from 342 in March 2023 to 198 in March 2024': 198 is March 2024's (the phrase before it
    is 342's), and is compared with 342 of March 2023."""
    from ingest.prose import prose_numbers

    sentence = (
        "The number of people waiting for an occupational therapy assessment fell from 342 in "
        "March 2023 to 198 in March 2024."
    )
    got = [
        (n.number_text, n.role, n.period_text, n.comparison_value, n.comparison_period_text)
        for n in prose_numbers([sentence])
        if n.skip_reason is None
    ]
    assert got == [
        ("342", "from", "March 2023", None, None),
        ("198", "to", "March 2024", 342.0, "March 2023"),
    ]


def test_a_period_printed_right_after_a_figure_is_not_a_later_figures():
    """'compared with 24 in Quarter 2, and 28 children ceased ...': Quarter 2 is the 24's; the
    28 has no period of its own (the dbt models date it). A phrase with no number ('in the
    year') still speaks for the sentence's later figures."""
    sentence = (
        "19 children became looked after during Quarter 3, compared with 24 in Quarter 2, and "
        "28 children ceased to be looked after."
    )
    got = {n.number_text: n.period_text for n in prose_numbers([sentence]) if not n.skip_reason}
    assert got["24"] == "Quarter 2"
    assert got["28"] is None
    whole = (
        "While complaints increased by more than a third in the year, those upheld reduced "
        "from 40 to 25."
    )
    periods = {n.number_text: n.period_text for n in prose_numbers([whole]) if not n.skip_reason}
    assert periods["40"] == periods["25"] == "the year"


@pytest.mark.parametrize(
    "line",
    [
        "7 Complaints and compliments from children looked after",
        "9 CHILDREN'S AND ADULTS COMPLAINTS ANNUAL REPORTS (Pages 71 - 112)",
    ],
)
def test_the_number_of_a_section_title_is_no_figure(line):
    first = prose_numbers([line])[0]
    assert (first.number_text, first.skip_reason) == (line.split()[0], "paragraph_number")


def test_a_sentence_opening_with_a_count_still_counts():
    first = prose_numbers(["12 complaints were received in 2023/24."])[0]
    assert (first.value, first.skip_reason) == (12, None)


def test_a_figure_in_brackets_after_a_period_is_that_periods():
    """'an increase of 7% on 2022/23 (470)': 470 is 2022/23's, not the year of the sentence."""
    sentence = "In 2023/24 the Council received 505 complaints, an increase of 7% on 2022/23 (470)."
    got = {n.number_text: n.period_text for n in prose_numbers([sentence]) if not n.skip_reason}
    assert (got["505"], got["470"]) == ("In 2023/24", "2022/23")


@pytest.mark.parametrize(
    ("sentence", "earlier", "period"),
    [
        # probe AQ aq3: the year a change is measured from, after 'than in'
        (
            "The Council received 2,451 Stage 1 complaints in 2024/25, 6% more than in 2023/24 "
            "(2,312).",
            "2,312",
            "in 2023/24",
        ),
        # probe AQ aq2: the month-end a change is measured from
        (
            "2,024 children were waiting at 30 November 2025, 63 more than at the end of "
            "September (1,961).",
            "1,961",
            "at the end of September",
        ),
    ],
)
def test_a_figure_in_brackets_after_the_period_a_change_is_measured_from_is_that_periods(
    sentence, earlier, period
):
    """'6% more than in 2023/24 (2,312)': 2,312 was dated by the sentence's own year (and
    '(1,961)' after 'at the end of September' by its 30 November): each is the period it follows
    (prose.yml compared_year_period)."""
    got = {n.number_text: n.period_text for n in prose_numbers([sentence]) if not n.skip_reason}
    assert got[earlier] == period


def test_a_quarter_in_brackets_after_a_day_restates_it():
    """'At the end of September 2025 (Q2) there were 742 children in our care' (probe AQ aq1): the
    742 took the bracketed quarter, a span, so a stock was dated over Q2 and off its table's key.
    The quarter restates the day; after a year (`In 2024/25 (Q4)`) it still narrows it."""
    got = {
        n.number_text: n.period_text
        for n in prose_numbers(
            [
                "At the end of September 2025 (Q2) there were 742 children in our care.",
                "In 2024/25 (Q4) 12 complaints were received.",
            ]
        )
        if not n.skip_reason
    }
    assert (got["742"], got["12"]) == ("At the end of September 2025", "Q4")


def test_a_count_of_quarters_is_a_span_of_time_not_a_fraction():
    """'risen in each of the last five quarters' was read as a fraction (125%); 'the past two
    quarters' as 50%. Both are spans of time; 'Three quarters of complaints' stays 75%."""
    spans = prose_numbers(
        [
            "The number of complaints has risen in each of the last five quarters, by 41.",
            "In the past two quarters we received 14 complaints.",
        ]
    )
    got = {n.number_text: (n.value, n.skip_reason) for n in spans}
    assert got["five quarters"] == (None, "date")
    assert got["two quarters"] == (None, "date")
    assert got["41"] == (41, None)
    share = prose_numbers(["Three quarters of complaints were resolved at Stage 1."])[0]
    assert (share.number_text, share.value, share.unit_cue) == ("Three quarters", 75, "percent")


def test_a_number_after_the_quarter_beyond_four_is_a_count_not_a_quarters_label():
    """'During the quarter 31 children entered care' was read as 'quarter 31', a label (prose.yml
    label_number_limits: a quarter is 1 to 4); 'In Quarter 3 there were 12 complaints' keeps its
    label."""
    read = {
        m.number_text: m.skip_reason
        for m in prose_numbers(
            [
                "Children in care",
                "",
                "During the quarter 31 children entered care, against 36 the quarter before.",
                "",
                "In Quarter 3 there were 12 complaints about care homes.",
            ]
        )
    }
    assert read == {"31": None, "36": None, "3": "label", "12": None}


def test_the_later_numbers_of_a_run_after_a_plural_label_are_labels():
    """`in Quarters 1 and 2 of 2025/26` (probe AP ap1 L316): the `2` was read as a figure and
    published as 2 complaints received; both quarter numbers are labels, as `Quarter 2` is."""
    got = _by_text(["", "The Trust received 226 complaints in Quarters 1 and 2 of 2025/26.", ""])
    assert (got["1"].skip_reason, got["2"].skip_reason) == ("label", "label")
    assert got["226"].skip_reason is None
    got = _by_text(["", "In Quarters 1 and 2, 45 complaints were received, as pages 3 to 5 show."])
    assert [got[t].skip_reason for t in ("1", "2", "45", "3", "5")] == [
        "label",
        "label",
        None,
        "label",
        "label",
    ]
    got = _by_text(
        ["", "In Quarter 3, 45 complaints were escalated to Stage 2 and three to a panel."]
    )
    assert (got["45"].skip_reason, got["three"].skip_reason) == (None, None)
