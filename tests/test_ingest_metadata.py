"""Meeting metadata of every bundled pack, read from the text only."""

from datetime import date

import pytest

from ingest.metadata import extract_metadata
from ingest.reader import decode_pack
from tests.conftest import pack_path

EXPECTED = {
    "000": dict(
        council="Blackpool Council",
        council_method="printed",
        committee="RESILIENT COMMUNITIES SCRUTINY COMMITTEE",
        meeting_date=date(2015, 9, 17),
        meeting_date_line=15,
        meeting_time="18:00",
        venue="Committee Room A, Town Hall, Blackpool",
    ),
    "001": dict(
        council="Blackpool Council",
        council_method="inferred_from_text",
        committee="RESILIENT COMMUNITIES SCRUTINY COMMITTEE",
        meeting_date=date(2017, 4, 27),
        meeting_date_line=3,
        meeting_time=None,
        venue=None,
    ),
    "002": dict(
        council="Blackpool Council",
        council_method="printed",
        committee="CHILDREN AND YOUNG PEOPLE'S SCRUTINY COMMITTEE",
        meeting_date=date(2024, 1, 25),
        meeting_date_line=15,
        meeting_time="18:00",
        venue="Committee Room A, Town Hall, Blackpool",
    ),
    "004": dict(
        council="Staffordshire County Council",
        council_method="inferred_from_text",
        committee="Safe and Strong Communities Select Committee",
        meeting_date=date(2018, 9, 3),
        meeting_date_line=5,
        meeting_time="10:00",
        venue="Oak Room, County Buildings, Stafford",
    ),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_metadata_of_every_bundled_pack(parsed_packs, prefix):
    meta = parsed_packs[prefix].metadata
    for field, value in EXPECTED[prefix].items():
        assert getattr(meta, field) == value, field


def test_inferred_council_records_how_sure_it_is(parsed_packs):
    meta = parsed_packs["001"].metadata
    assert 0.5 < meta.council_confidence < 1.0
    assert "Blackpool Council" in parsed_packs["001"].text.lines[meta.council_line - 1]


@pytest.mark.parametrize(
    "council",
    [
        "Blackburn with Darwen Borough Council",
        "City of Wolverhampton Council",
        "Stockton-on-Tees Borough Council",
        "Kingston upon Hull City Council",
    ],
)
def test_council_names_with_small_words_are_inferred_whole(council):
    """Pack 001 never prints its council on a front sheet: with another council's name in its
    text, the whole name is inferred, not its last words."""
    data = pack_path("001").read_text(encoding="utf-8").replace("Blackpool Council", council)
    meta = extract_metadata(decode_pack("x.txt", data.encode()).lines)
    assert meta.council == council
    assert meta.council_method == "inferred_from_text"
    assert meta.council_line == 57


def test_missing_fields_are_null_with_a_reason(parsed_packs):
    meta = parsed_packs["001"].metadata
    assert meta.venue is None and "venue" in meta.missing_reasons
    assert "council" not in meta.missing_reasons


def test_bulleted_key_value_header_is_read():
    text = (
        "- Meeting: Children's Services Scrutiny Panel\n- Date/Time: 14 March 2022, 2.30 pm\n"
        "- Venue: Council Chamber, Civic Centre\n\nExample Borough Council\n\nA\tB\n1\t2\n"
    )
    meta = extract_metadata(decode_pack("x.txt", text.encode()).lines)
    assert meta.committee == "Children's Services Scrutiny Panel"
    assert meta.meeting_date == date(2022, 3, 14)
    assert meta.meeting_time == "14:30"
    assert meta.venue == "Council Chamber, Civic Centre"
    assert meta.council == "Example Borough Council"


def test_no_metadata_gives_nulls_with_reasons_not_guesses():
    meta = extract_metadata(["Some heading", "", "a\tb", "1\t2"])
    assert meta.council is None and meta.committee is None and meta.meeting_date is None
    assert set(meta.missing_reasons) >= {"council", "committee", "meeting_date"}


@pytest.mark.parametrize(
    "title, committee, day",
    [
        (
            "MINUTES OF THE MEETING OF THE CABINET HELD ON 14 NOVEMBER 2023",
            "CABINET",
            date(2023, 11, 14),
        ),
        (
            "Minutes of the Health Scrutiny Committee held on Tuesday 1st March, 2022",
            "Health Scrutiny Committee",
            date(2022, 3, 1),
        ),
    ],
)
def test_a_pack_opening_with_its_minutes_names_committee_and_date(title, committee, day):
    """No front sheet: the minutes' title gives the committee and the meeting date."""
    meta = extract_metadata(["", title, "", "Present: Councillor A Brown (Chair)"])
    assert (meta.committee, meta.meeting_date, meta.meeting_date_line) == (committee, day, 2)


@pytest.mark.parametrize(
    "line, council",
    [
        ("DARLINGTON BOROUGH COUNCIL", "Darlington Borough Council"),
        ("KINGSTON UPON HULL CITY COUNCIL", "Kingston upon Hull City Council"),
        ("MEETING OF THE COUNCIL", None),  # no place: not a council's name
    ],
)
def test_a_council_printed_in_capitals_is_read_as_its_name(line, council):
    meta = extract_metadata(["", line, "", "CABINET", "", "Monday, 11 March 2024 at 2.00 pm"])
    assert meta.council == council


def test_a_front_sheet_date_printed_as_a_field_dates_the_meeting():
    """`Date: Monday, 11th March, 2024` under the committee is the meeting; the date the agenda
    was published, printed lower down under the officer's name, is not."""
    lines = [
        "DARLINGTON BOROUGH COUNCIL",
        "",
        "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE",
        "",
        "Date: Monday, 11th March, 2024",
        "Time: 10.00 am",
        "Venue: Council Chamber, Town Hall, Darlington, DL1 5QT",
        "",
        "AGENDA",
        "",
        "1. Apologies",
        "",
        "Luke Swinhoe",
        "Assistant Director Law and Governance",
        "",
        "Friday, 1 March 2024",
    ]
    meta = extract_metadata(lines)
    assert (meta.meeting_date, meta.meeting_date_line) == (date(2024, 3, 11), 5)
    assert (meta.committee, meta.committee_line) == (
        "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE",
        3,
    )
    assert meta.meeting_time == "10:00"
    assert meta.venue == "Council Chamber, Town Hall, Darlington, DL1 5QT"


def test_a_venue_after_a_dash_on_the_date_line_is_read():
    lines = [
        "NOTICE OF MEETING",
        "",
        "Children and Young People's Scrutiny Panel",
        "",
        "Thursday, 14th March, 2024, 7.00 pm - George Meehan House, 294 High Road, Wood Green, "
        "N22 8JZ (watch the live meeting here)",
    ]
    meta = extract_metadata(lines)
    assert meta.meeting_time == "19:00"
    assert meta.venue == "George Meehan House, 294 High Road, Wood Green, N22 8JZ"


def test_a_council_never_named_is_read_from_its_officers_email_domain():
    """'the Council' only: the gov.uk domain most addresses share names it, recorded as inferred;
    two domains as common name nothing."""
    lines = [
        "Children and Young People's Scrutiny Panel",
        "Thursday, 14th March, 2024, 7.00 pm",
        "",
        "Contact: Email: a.clerk@haringey.gov.uk",
        "",
        "The Council's Constitution applies.",
        "Lead Officer: B Officer, b.officer@haringey.gov.uk",
        "Partner: c.d@enfield.gov.uk",
    ]
    meta = extract_metadata(lines)
    assert (meta.council, meta.council_line) == ("Haringey", 4)
    assert meta.council_method == "inferred_from_email_domain"
    assert 0.5 <= meta.council_confidence < 1.0
    tied = extract_metadata([*lines, "Partner: e.f@enfield.gov.uk"])  # two and two
    assert tied.council is None and "council" in tied.missing_reasons


def test_a_council_printing_one_officers_address_is_read_from_it():
    """A front sheet under `County Hall / Topsham Road / Exeter` with one gov.uk address and no
    council name (probe AM am2): the address names it."""
    lines = [
        "County Hall",
        "Topsham Road",
        "Exeter",
        "",
        "Date: 13 January 2026",
        "Contact: Gary Sherwood, gary.sherwood@devon.gov.uk",
        "",
        "HEALTH AND ADULT CARE SCRUTINY COMMITTEE",
        "Thursday, 22 January 2026 at 10.30 am",
    ]
    meta = extract_metadata(lines)
    assert (meta.council, meta.council_line, meta.council_method) == (
        "Devon",
        6,
        "inferred_from_email_domain",
    )


def test_an_email_domain_with_an_ending_after_the_place_names_the_place():
    """`hannah.goodwin@surreycc.gov.uk` in a pack printing `Surrey` but never `Surrey County
    Council` (probe AO ao2): the domain names Surrey, not a place `Surreycc` no register knows;
    a domain whose shorter form the pack never prints stays whole."""
    lines = [
        "CHILDREN, FAMILIES, LIFELONG LEARNING AND CULTURE SELECT COMMITTEE",
        "DATE:\tTHURSDAY, 12 MARCH 2026",
        "",
        "Children in Surrey wait longest for an ADHD assessment.",
        "Report contact: Hannah Goodwin, hannah.goodwin@surreycc.gov.uk",
    ]
    meta = extract_metadata(lines)
    assert (meta.council, meta.council_line) == ("Surrey", 5)
    assert meta.council_method == "inferred_from_email_domain"
    elsewhere = extract_metadata([lines[0], lines[1], lines[4]])
    assert elsewhere.council == "Surreycc"


def test_a_council_named_without_council_past_the_front_sheet_is_read():
    """`THE LONDON BOROUGH OF CAMDEN` over the minutes (line 43) and `LONDON BOROUGH OF
    CAMDEN<TAB>WARDS: All` over each report (probe AM am3): a form of the council's name with
    no 'Council' in it, printed past the front sheet's lines, names it."""
    lines = ["Public Document Pack", "", "Children, Schools and Families Scrutiny Committee"]
    lines += ["", "Date:\tMonday, 2 March 2026", "Time:\t6.30 pm"] + [""] * 40
    lines += ["THE LONDON BOROUGH OF CAMDEN", "", "At a meeting of the committee ..."]
    lines += [
        "",
        "LONDON BOROUGH OF CAMDEN\tWARDS: All",
        "",
        "LONDON BOROUGH OF CAMDEN\tWARDS: All",
    ]
    meta = extract_metadata(lines)
    assert (meta.council, meta.council_line, meta.council_method) == (
        "London Borough of Camden",
        47,
        "inferred_from_text",
    )


def test_a_meeting_announced_in_a_sentence_gives_committee_date_time_and_venue():
    lines = [
        "DEVON COUNTY COUNCIL",
        "",
        "CHILDREN'S SCRUTINY COMMITTEE",
        "",
        "A meeting of the Children's Scrutiny Committee is to be held on Monday, 10 June 2024 "
        "at 10.30 am in the Daw Room, County Hall, Topsham Road, Exeter, EX2 4QD.",
    ]
    meta = extract_metadata(lines)
    assert (meta.meeting_date, meta.meeting_date_line) == (date(2024, 6, 10), 5)
    assert meta.meeting_time == "10:30"
    assert meta.committee == "Children's Scrutiny Committee"
    assert meta.venue == "the Daw Room, County Hall, Topsham Road, Exeter, EX2 4QD"


def test_a_meeting_field_above_the_date_field_names_the_committee_without_its_key():
    lines = [
        "Wigan Council",
        "",
        "Meeting: Children and Young People Scrutiny Committee",
        "Date: Tuesday, 14 May 2024",
        "Time: 6.00 pm",
        "Venue: Committee Room 1, Town Hall",
    ]
    meta = extract_metadata(lines)
    assert meta.committee == "Children and Young People Scrutiny Committee"
    assert (meta.meeting_date, meta.meeting_time) == (date(2024, 5, 14), "18:00")


def test_a_venue_printed_above_the_date_is_read():
    lines = [
        "**LEEDS CITY COUNCIL**",
        "",
        "**SCRUTINY BOARD (CHILDREN AND FAMILIES)**",
        "",
        "**Meeting to be held in Civic Hall, Leeds, LS1 1UR on**",
        "**Wednesday, 17th July, 2024 at 10.30 am**",
    ]
    meta = extract_metadata(lines)
    assert (meta.meeting_date, meta.meeting_time) == (date(2024, 7, 17), "10:30")
    assert (meta.venue, meta.venue_line) == ("Civic Hall, Leeds, LS1 1UR", 5)
    assert meta.committee == "SCRUTINY BOARD (CHILDREN AND FAMILIES)"


def test_a_summons_names_the_meeting_not_the_date_it_was_issued():
    lines = [
        "Bristol City Council",
        "",
        "Dear Member",
        "",
        "People Scrutiny Commission",
        "",
        "You are summoned to attend a meeting of the People Scrutiny Commission to be held on "
        "Monday, 3rd February 2025 at 5.00 pm in the Writing Room, City Hall, Bristol, BS1 5TR.",
        "",
        "Issued by: Democratic Services",
        "Date: Friday, 24 January 2025",
    ]
    meta = extract_metadata(lines)
    assert (meta.meeting_date, meta.meeting_time) == (date(2025, 2, 3), "17:00")
    assert meta.committee == "People Scrutiny Commission"
    assert meta.venue == "the Writing Room, City Hall, Bristol, BS1 5TR"


def test_a_minutes_title_whose_date_cannot_be_read_gives_no_date_and_no_error():
    meta = extract_metadata(["MINUTES OF THE CABINET, 2024", "", "Present: Councillor A Brown"])
    assert meta.meeting_date is None and "meeting_date" in meta.missing_reasons


def test_a_council_printed_without_the_word_council():
    """`Royal Borough of Greenwich`, `LONDON BOROUGH OF HACKNEY` on a front sheet: the council, as
    printed (forms of seed council_name_forms); `City of Wolverhampton Council` too."""
    for printed, name in (
        ("Royal Borough of Greenwich", "Royal Borough of Greenwich"),
        ("LONDON BOROUGH OF HACKNEY", "London Borough of Hackney"),
        ("City of Wolverhampton Council", "City of Wolverhampton Council"),
    ):
        meta = extract_metadata([printed, "", "Cabinet", "", "Tuesday, 5 November 2024 at 7.00 pm"])
        assert (meta.council, meta.council_method, meta.council_line) == (name, "printed", 1)


def test_a_date_and_time_field_under_the_committee():
    """`Date & time:<TAB>Tuesday, 25 November 2025 at 2.00 pm` under `**CABINET**`: the date, time
    and committee (the committee was missing), the `Place:` field the venue."""
    meta = extract_metadata(
        [
            "**SURREY COUNTY COUNCIL**",
            "",
            "**CABINET**",
            "",
            "Date & time:\tTuesday, 25 November 2025 at 2.00 pm",
            "Place:\tCouncil Chamber, Woodhatch Place, Reigate",
        ]
    )
    assert (meta.meeting_date, meta.meeting_time) == (date(2025, 11, 25), "14:00")
    assert (meta.committee, meta.committee_line) == ("CABINET", 3)
    assert meta.venue == "Council Chamber, Woodhatch Place, Reigate"


def test_a_meeting_held_on_line_under_a_record_of_decisions_title():
    """`Meeting held on Tuesday, 9 September 2025 at 2.00 pm` under `Cabinet` / `Record of
    Executive Decisions`: the date and time, and the committee is the body, not the document's
    title (a pack without a committee is quarantined)."""
    meta = extract_metadata(
        [
            "South Kesteven District Council",
            "",
            "Cabinet",
            "",
            "Record of Executive Decisions",
            "",
            "Meeting held on Tuesday, 9 September 2025 at 2.00 pm",
            "Council Chamber, Council Offices, St Peter's Hill, Grantham NG31 6PZ",
        ]
    )
    assert (meta.meeting_date, meta.meeting_time, meta.meeting_date_line) == (
        date(2025, 9, 9),
        "14:00",
        7,
    )
    assert (meta.committee, meta.committee_line) == ("Cabinet", 3)
    assert meta.venue_line == 8


def test_a_time_printed_before_the_date_under_field_names_on_their_own_lines():
    """`Time and Date` / `10.30 am on Thursday, 4th December, 2025` / `Place` / venue, then the
    agenda and a signature over the agenda's publication date: the meeting is the date after the
    time (it was the publication date, and the committee the signature line)."""
    meta = extract_metadata(
        [
            "Scrutiny Co-ordination Committee",
            "",
            "Time and Date",
            "10.30 am on Thursday, 4th December, 2025",
            "",
            "Place",
            "Diamond Room 1 - Council House",
            "",
            "1.\tApologies",
            "",
            "A Person, Director of Law and Governance, Council House, Anytown",
            "",
            "Wednesday, 26 November 2025",
        ]
    )
    assert (meta.meeting_date, meta.meeting_time, meta.meeting_date_line) == (
        date(2025, 12, 4),
        "10:30",
        4,
    )
    assert (meta.committee, meta.committee_line) == ("Scrutiny Co-ordination Committee", 1)
    assert (meta.venue, meta.venue_line) == ("Diamond Room 1 - Council House", 7)


def test_a_record_of_decisions_names_its_meeting_in_the_past_tense():
    """`Decisions taken at the meeting of the Executive held on Tuesday, 2 December 2025 at 7.00 pm
    in the Council Chamber, Town Hall`: committee, date, time and venue (all were missing, so
    every decision of the pack had no meeting date)."""
    meta = extract_metadata(
        [
            "Anytown Borough Council",
            "",
            "EXECUTIVE",
            "",
            "RECORD OF DECISIONS",
            "",
            "Decisions taken at the meeting of the Executive held on Tuesday, 2 December 2025 at "
            "7.00 pm in the Council Chamber, Town Hall.",
            "",
            "Date of publication: Thursday, 4 December 2025",
        ]
    )
    assert (meta.committee, meta.meeting_date, meta.meeting_time) == (
        "Executive",
        date(2025, 12, 2),
        "19:00",
    )
    assert meta.venue == "the Council Chamber, Town Hall"


def test_time_date_and_venue_printed_as_the_cells_of_one_row():
    """`10:30<TAB>Thursday, 12 March 2026<TAB>Council Chamber, County Hall, Chelmsford, CM1 1QH`
    under the committee (an Essex front sheet): date, time and venue (all three were missing);
    `Date:<TAB>...` is a field, read as before."""
    meta = extract_metadata(
        [
            "Essex County Council",
            "",
            "People and Families Policy and Scrutiny Committee",
            "",
            "10:30\tThursday, 12 March 2026\tCouncil Chamber, County Hall, Chelmsford, CM1 1QH",
            "",
            "Quorum: 4",
        ]
    )
    assert (meta.committee, meta.meeting_date, meta.meeting_time, meta.meeting_date_line) == (
        "People and Families Policy and Scrutiny Committee",
        date(2026, 3, 12),
        "10:30",
        5,
    )
    assert meta.venue == "Council Chamber, County Hall, Chelmsford, CM1 1QH"
    field = extract_metadata(["Cabinet", "", "Date:\tWednesday 11 March 2026", "Time:\t2.00 pm"])
    assert (field.meeting_date, field.meeting_time) == (date(2026, 3, 11), "14:00")


def test_a_date_and_time_key_in_a_cell_of_its_own_and_a_time_after_the_venue():
    """`Date & time<TAB>Wednesday, 4 March 2026 at 10.00 am` / `Place<TAB>Council Chamber, ...`
    (keys with no colon: the committee above was never read, nor the venue); `Venue:<TAB>...`
    then `Time:<TAB>2:00 pm` (the time after the venue was never read)."""
    surrey = extract_metadata(
        [
            "SURREY COUNTY COUNCIL",
            "",
            "ADULTS AND HEALTH SELECT COMMITTEE",
            "",
            "Date & time\tWednesday, 4 March 2026 at 10.00 am",
            "Place\tCouncil Chamber, Woodhatch Place, Reigate, RH2 8EF",
        ]
    )
    assert (surrey.committee, surrey.meeting_date, surrey.meeting_time, surrey.venue) == (
        "ADULTS AND HEALTH SELECT COMMITTEE",
        date(2026, 3, 4),
        "10:00",
        "Council Chamber, Woodhatch Place, Reigate, RH2 8EF",
    )
    suffolk = extract_metadata(
        [
            "Suffolk County Council",
            "",
            "Corporate Parenting Board",
            "",
            "Date:\tThursday, 26 February 2026",
            "Venue:\tElisabeth Room, Endeavour House, Ipswich, IP1 2BX",
            "Time:\t2:00 pm",
        ]
    )
    assert (suffolk.meeting_date, suffolk.meeting_time, suffolk.venue) == (
        date(2026, 2, 26),
        "14:00",
        "Elisabeth Room, Endeavour House, Ipswich, IP1 2BX",
    )


def test_a_venue_under_its_key_above_the_date_is_no_committee():
    """`Meeting Venue:` alone over `Sparkenhoe Committee Room, County Hall, ...` above the date
    (a Leicestershire front sheet): the venue, and the committee the line above them (the venue
    was the committee: it names a `Committee Room`)."""
    meta = extract_metadata(
        [
            "Leicestershire County Council",
            "",
            "CHILDREN AND FAMILIES OVERVIEW AND SCRUTINY COMMITTEE",
            "",
            "Meeting Venue:",
            "Sparkenhoe Committee Room, County Hall, Glenfield, Leicestershire, LE3 8RA",
            "",
            "Monday, 19 January 2026",
            "2.00 pm",
        ]
    )
    assert (meta.committee, meta.meeting_date, meta.meeting_time, meta.venue) == (
        "CHILDREN AND FAMILIES OVERVIEW AND SCRUTINY COMMITTEE",
        date(2026, 1, 19),
        "14:00",
        "Sparkenhoe Committee Room, County Hall, Glenfield, Leicestershire, LE3 8RA",
    )


def test_a_time_then_the_venue_on_one_line_and_a_venue_with_a_dash_after_its_time():
    """`10.00 AM COUNCIL CHAMBER, COUNTY HALL, LEWES` under the date (an East Sussex front
    sheet): the time and the venue apart (the time was lost inside the venue); `... at 10.30 am
    in Committee Room 'C' - The Duke of Lancaster Room, County Hall, Preston` keeps the venue
    whole (it was cut at its dash)."""
    lewes = extract_metadata(
        [
            "PEOPLE SCRUTINY COMMITTEE",
            "",
            "THURSDAY, 12 MARCH 2026",
            "",
            "10.00 AM COUNCIL CHAMBER, COUNTY HALL, LEWES",
        ]
    )
    assert (lewes.meeting_date, lewes.meeting_time, lewes.venue) == (
        date(2026, 3, 12),
        "10:00",
        "COUNCIL CHAMBER, COUNTY HALL, LEWES",
    )
    preston = extract_metadata(
        [
            "Children, Families and Skills Scrutiny Committee",
            "",
            "Tuesday, 27th January, 2026 at 10.30 am in Committee Room 'C' - The Duke of Lancaster"
            " Room, County Hall, Preston",
        ]
    )
    assert (preston.meeting_time, preston.venue) == (
        "10:30",
        "Committee Room 'C' - The Duke of Lancaster Room, County Hall, Preston",
    )


def test_a_venue_going_on_in_second_cells_and_the_time_under_it():
    """`Venue:<TAB>Elisabeth Room` over `<TAB>Endeavour House`, `<TAB>8 Russell Road` and
    `<TAB>Ipswich IP1 2BX`, then `Time:<TAB>10:00 am` (a Suffolk-like front sheet): the venue was
    its first line only and the time was lost (four lines below the date); the address is one
    venue and the time is read."""
    meta = extract_metadata(
        [
            "Suffolk County Council",
            "",
            "Scrutiny Committee",
            "",
            "Date:\tThursday, 29 January 2026",
            "",
            "Venue:\tElisabeth Room",
            "\tEndeavour House",
            "\t8 Russell Road",
            "\tIpswich IP1 2BX",
            "",
            "Time:\t10:00 am",
        ]
    )
    assert (meta.meeting_date, meta.meeting_time, meta.venue, meta.venue_line) == (
        date(2026, 1, 29),
        "10:00",
        "Elisabeth Room, Endeavour House, 8 Russell Road, Ipswich IP1 2BX",
        7,
    )


def test_a_date_field_without_its_weekday_over_time_and_place_fields():
    """An Islington-like front sheet (probe AO ao3): the committee alone, a blank line, then
    `Date:<TAB>3 February 2026` over `Time:` and `Place:` fields, under the sender's address
    and a `Despatched:` field. A letter's own `Date:` over `Email:` dates no meeting."""
    sender = ["Islington", "", "Town Hall", "", "Enquiries to:\tZoe Crane"]
    sender += ["E-mail:\tdemocracy@islington.gov.uk", "Despatched:\t26 January 2026", ""]
    meeting = ["Children and Young People Scrutiny Committee", "", "Date:\t3 February 2026"]
    meeting += ["Time:\t7.00 pm", "Place:\tCommittee Room 5, Town Hall, Upper Street, N1 2UD"]
    meta = extract_metadata(sender + meeting)
    assert (meta.meeting_date, meta.meeting_date_line) == (date(2026, 2, 3), 11)
    assert meta.meeting_time == "19:00"
    assert meta.committee == "Children and Young People Scrutiny Committee"
    assert meta.committee_line == 9
    assert meta.venue == "Committee Room 5, Town Hall, Upper Street, N1 2UD"
    letter = ["Date:\t14th January 2026", "Email:\tdemocracy@islington.gov.uk", ""]
    assert extract_metadata(letter + meeting).meeting_date == date(2026, 2, 3)


def test_a_notice_of_a_meeting_names_its_committee_after_its_words():
    """An Oxfordshire-like front sheet (probe AP ap2): `To: Members of the People Overview &
    Scrutiny Committee` over `Notice of a Meeting of the People Overview & Scrutiny Committee`
    over the date. The committee is the name after those words, not the addressee line."""
    lines = ["To: Members of the People Overview & Scrutiny Committee", ""]
    lines += ["Notice of a Meeting of the People Overview & Scrutiny Committee", ""]
    lines += ["Thursday, 5 March 2026 at 10.00 am", "", "Room 2&3 - County Hall, New Road, Oxford"]
    meta = extract_metadata(lines)
    assert (meta.committee, meta.committee_line) == ("People Overview & Scrutiny Committee", 3)
    assert extract_metadata(lines[:2] + lines[4:]).committee == (
        "People Overview & Scrutiny Committee"
    )


def test_a_sentence_summoning_the_members_is_no_committee_name():
    """A Hackney-like front sheet (probe AP ap3): the committee alone, then `All Members of the
    ... Commission are requested to attend the meeting of the Commission to be held as follows`
    right above the date: the committee is the line above the sentence."""
    lines = ["Hackney", "", "Children and Young People Scrutiny Commission", ""]
    lines += [
        "All Members of the Children and Young People Scrutiny Commission are requested to "
        "attend the meeting of the Commission to be held as follows",
        "",
        "Monday, 9 February 2026",
        "7.00 pm",
    ]
    meta = extract_metadata(lines)
    assert (meta.committee, meta.committee_line) == (
        "Children and Young People Scrutiny Commission",
        3,
    )
    assert meta.meeting_time == "19:00"


def test_a_letterhead_printing_its_place_over_its_kind_of_council_names_it():
    """Probe AQ aq1: `Lincolnshire` over `COUNTY COUNCIL` on the front sheet is the printed
    council, and a district's row of figures in an appendix (`City of Lincoln<TAB>147<TAB>151`)
    names no council of the pack's own; a place over a line `Council` alone (a meeting of the
    full Council) is no name."""
    lines = ["Public Document Pack", "", "Lincolnshire", "COUNTY COUNCIL", "Working for a better"]
    lines += ["", "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE", "Friday, 23 January 2026"]
    meta = extract_metadata(lines)
    assert (meta.council, meta.council_line, meta.council_method) == (
        "Lincolnshire County Council",
        3,
        "printed",
    )
    appendix = ["Children in care by district", "District\t30 Sep 2024\t30 Sep 2025"]
    appendix += ["Boston\t83\t88", "City of Lincoln\t147\t149", "Lincolnshire\t719\t742"]
    unprinted = ["Public Document Pack", "", "Lincolnshire", "Working for a better future"]
    unprinted += ["Friday, 23 January 2026", "Contact: a.clerk@lincolnshire.gov.uk"] + appendix
    assert extract_metadata(unprinted).council == "Lincolnshire"
    meeting = extract_metadata(["Public Document Pack", "Agenda", "Council", "Contact: x"])
    assert meeting.council is None
