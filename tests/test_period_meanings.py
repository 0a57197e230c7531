"""Dates and month names are defined once (vars month_numbers, date_patterns and
two_digit_year_pivot in dbt/dbt_project.yml) and read alike by ingest (ingest.dates) and by dbt
(dbt/macros/periods.sql): the same phrase gives the same date on both sides.

dbt's side is the macros as dbt renders them (one `dbt compile --inline` for the module), run by
DuckDB; ingest's side is the Python the parser calls."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingest import dates
from tests.conftest import DBT, dbt_target, pack_path
from warehouse import settings

# meeting-date lines as the sample packs print them: (pack, line, date)
PACK_DATE_LINES = [
    ("000", 15, date(2015, 9, 17)),  # 'Thursday, 17 September 2015 at 6.00 pm'
    ("001", 3, date(2017, 4, 27)),  # 'Date of Meeting<TAB>27 April 2017'
    ("002", 15, date(2024, 1, 25)),  # 'Thursday, 25 January 2024 at 6.00 pm'
    ("004", 5, date(2018, 9, 3)),  # 'Monday, 3 September 2018'
]
# decision dates and document titles printed in the sample packs, and other councils' wordings
PHRASES = {
    "09.12.21": date(2021, 12, 9),
    "22.06.2023": date(2023, 6, 22),
    "9.11.2023": date(2023, 11, 9),
    "20/07/15": date(2015, 7, 20),
    "26/6/15": date(2015, 6, 26),
    "11 December 2023": date(2023, 12, 11),
    "MINUTES OF RESILIENT COMMUNITIES SCRUTINY COMMITTEE MEETING - THURSDAY, 2 JULY 2015": date(
        2015, 7, 2
    ),
    "Minutes of the Safe and Strong Communities Select Committee Meeting held on 10 July 2018": (
        date(2018, 7, 10)
    ),
    "17 th September 2015": date(2015, 9, 17),
    "3rd Sept. 2018": date(2018, 9, 3),
    "Tuesday 1st March, 2022": date(2022, 3, 1),
    "September 17, 2015": date(2015, 9, 17),
    "Cabinet, Oct 5th 2021": date(2021, 10, 5),
    "01/02/85": date(1985, 2, 1),  # a two-digit year from 70 on is 19xx
    "1.4.69": date(2069, 4, 1),
    "31/02/2015, deferred to 1 March 2015": date(2015, 3, 1),  # no 31 February: the next date
    "29 February 2023": None,
    "Work Plan 2023/2024": None,
    "BLACKPOOL HEALTH DATA DASHBOARD - December 2023": None,  # a month, no day
    "TBC": None,
}


# the project's macros each test module reads, as `select` lists over a column `phrase`
SELECT_LISTS = {
    "date": "phrase, {{ parse_uk_date('phrase') }}",
    "month": "phrase, {{ month_number('phrase') }}, '{{ month_alternation() }}'",
    "fy_quarter": "phrase, {{ fy_start_year('phrase') }}, {{ quarter_number('phrase') }}",
    "as_of": "phrase, {{ as_of_date('phrase') }}",
    "year_end": "phrase, {{ year_end_in_year('phrase', 'null::integer', \"date '2025-10-14'\") }}, "
    "{{ year_end_in_year('phrase', '2023', \"date '2025-10-14'\") }}",
    "to_date": "phrase, {{ to_date_start('phrase', \"date '2025-11-19'\") }}",
    "fy": "phrase, {{ fy_start_year('phrase') }}",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, str]:
    """Every select list of SELECT_LISTS as dbt renders it, from one `dbt compile --inline`
    (each dbt command costs seconds of start-up): the lists between marker comments."""
    tmp = tmp_path_factory.mktemp("period_macros")
    inline = "\n".join(f"/*<{name}>*/ {sql} /*</{name}>*/" for name, sql in SELECT_LISTS.items())
    settings.build_dir(tmp).mkdir(parents=True, exist_ok=True)  # dbt opens an empty work DB
    done = subprocess.run(
        [str(DBT), "compile", "--quiet", "--inline", inline, "--profiles-dir"]
        + [str(settings.DBT_PROFILES_DIR), "--target-path", str(dbt_target(tmp))],
        cwd=settings.DBT_PROJECT_DIR,
        env=settings.dbt_env(settings.work_db(tmp), DBT_LOG_PATH=str(tmp / "logs")),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    found = dict(re.findall(r"/\*<(\w+)>\*/(.*?)/\*</\1>\*/", done.stdout, re.DOTALL))
    assert set(found) == set(SELECT_LISTS), done.stdout[-3000:]
    return found


def dbt_values(rendered: dict[str, str], name: str, phrases: list[str]) -> list[tuple]:
    """`select <select list `name`> from (values <phrases>) t(phrase)` with the project's
    macros rendered by dbt (`rendered`), run in DuckDB; one row per phrase, in order."""
    values = ", ".join(f"({i}, '{p.replace(chr(39), chr(39) * 2)}')" for i, p in enumerate(phrases))
    sql = f"select {rendered[name]} from (values {values}) t(i, phrase) order by i"
    return duckdb.connect().execute(sql).fetchall()


@pytest.fixture(scope="module")
def dbt_dates(rendered):
    lines = [
        pack_path(prefix).read_text(encoding="utf-8").splitlines()[number - 1]
        for prefix, number, _ in PACK_DATE_LINES
    ]
    phrases = [*lines, *PHRASES]
    rows = dbt_values(rendered, "date", phrases)
    return dict(rows)


def ingest_date(text: str) -> date | None:
    parsed = dates.parse_date(text)
    return parsed[0] if parsed else None


@pytest.mark.parametrize(("prefix", "number", "expected"), PACK_DATE_LINES)
def test_a_meeting_date_line_is_one_date_in_ingest_and_dbt(dbt_dates, prefix, number, expected):
    line = pack_path(prefix).read_text(encoding="utf-8").splitlines()[number - 1]
    assert ingest_date(line) == expected
    assert dbt_dates[line] == expected


@pytest.mark.parametrize(("phrase", "expected"), PHRASES.items())
def test_ingest_and_dbt_read_the_same_date(dbt_dates, phrase, expected):
    assert ingest_date(phrase) == expected
    assert dbt_dates[phrase] == expected


def test_month_names_are_one_list(rendered):
    """Every month name of var month_numbers: the same number in dbt's month_number as in
    ingest.dates.MONTHS, and dbt's alternation is ingest's MONTH_NAMES."""
    names = list(dates.MONTHS)
    rows = dbt_values(rendered, "month", names)
    assert [(name, number) for name, number, _ in rows] == list(dates.MONTHS.items())
    assert {alternation for _, _, alternation in rows} == {dates.MONTH_NAMES}
    assert dates.MONTHS["sept"] == 9 and dates.MONTHS["may"] == 5 and len(set(names)) == 24


# fiscal years as tables head their columns and sentences name them: (printed, start year)
FISCAL_YEARS = [
    ("2014/15", 2014),  # pack 000's complaints tables
    ("2015/2016", 2015),
    ("2022-2023", 2022),  # pack 002's document titles
    ("FY2017-18", 2017),
    ("2015 – 2016", 2015),
    ("2014 to 2015", 2014),
    ("2014—15", 2014),
]
QUARTERS = [("Quarter 1", 1), ("Q3", 3), ("Qtr 2", 2), ("q4", 4)]


@pytest.fixture(scope="module")
def dbt_periods(rendered):
    phrases = [p for p, _ in FISCAL_YEARS] + [p for p, _ in QUARTERS]
    rows = dbt_values(rendered, "fy_quarter", phrases)
    return {phrase: (fy, quarter) for phrase, fy, quarter in rows}


@pytest.mark.parametrize(("printed", "start_year"), FISCAL_YEARS)
def test_a_fiscal_year_is_one_in_ingest_and_dbt(dbt_periods, printed, start_year):
    """Ingest finds it (a period cell heading a column; the period phrase of a sentence's
    figure), dbt reads its start year: one list of separators (var fiscal_year_separators)."""
    from ingest.cells import cell_kind
    from ingest.prose import prose_numbers

    assert cell_kind(printed) == "period"
    sentence = f"In {printed} there were 45 complaints received about adult services."
    (figure,) = [n for n in prose_numbers([sentence]) if n.number_text == "45"]
    assert figure.period_text is not None and printed in figure.period_text
    assert dbt_periods[printed] == (start_year, None)


@pytest.mark.parametrize(("printed", "number"), QUARTERS)
def test_a_quarter_is_one_in_ingest_and_dbt(dbt_periods, printed, number):
    """A quarter heading a column is that quarter for dbt; in a sentence ingest reads it as the
    figure's period phrase: one list of quarter words (var quarter_words)."""
    from ingest.prose import prose_numbers

    assert dbt_periods[printed] == (None, number)
    sentence = f"In {printed} there were 12 complaints received."
    (figure,) = [n for n in prose_numbers([sentence]) if n.number_text == "12"]
    assert figure.period_text == printed


# As-of phrases (vars as_of_date, as_of_phrases, dated_title): ingest finds them (a table's
# as_of_text), dbt dates them (as_of_date). (text, as-of date; "undated" when it marks a
# snapshot without a date; None when it is no as-of phrase)
AS_OF_PHRASES = [
    ("002", 511, date(2022, 2, 28)),  # 'Data as of the end of February 2022'
    ("001", 129, date(2017, 3, 31)),  # 'LAC per 10,000 Population (at 31 March 2017)'
    ("004", 1948, date(2017, 12, 31)),  # 'As at December 2017 in Staffordshire there were:'
    ("002", 667, date(2023, 12, 31)),  # 'BLACKPOOL HEALTH DATA DASHBOARD - December 2023'
    ("000", 2191, None),  # 'April 2014 - March 2015': a period, not a snapshot
]
OTHER_AS_OF_WORDINGS = {
    "Children in care as at 31st March 2019": date(2019, 3, 31),
    "Waiting list at the end of Sept 2021": date(2021, 9, 30),
    "Caseload as of 5 April 2016": date(2016, 4, 5),
    "Performance Report / CAMHS SCORECARD - Oct 2022": date(2022, 10, 31),
    "Ofsted judgement (date of inspection)": "undated",
    "Referrals received in March 2017": None,
    "Quarter 3 2019/20": None,
}


def _as_of_cases() -> dict[str, object]:
    lines = {
        pack_path(prefix).read_text(encoding="utf-8").splitlines()[number - 1].strip(): expected
        for prefix, number, expected in AS_OF_PHRASES
    }
    return {**lines, **OTHER_AS_OF_WORDINGS}


@pytest.fixture(scope="module")
def dbt_as_of(rendered):
    cases = _as_of_cases()
    rows = dbt_values(rendered, "as_of", list(cases))
    return dict(rows)


@pytest.mark.parametrize(("phrase", "expected"), _as_of_cases().items())
def test_an_as_of_phrase_is_found_by_ingest_and_dated_by_dbt(dbt_as_of, phrase, expected):
    from ingest.captions import find_as_of

    found = find_as_of(phrase, [])
    assert (found is not None) == (expected is not None), found
    assert dbt_as_of[phrase] == (expected if isinstance(expected, date) else None)


def test_a_table_heading_with_an_as_of_phrase_gets_its_date(marts_con):
    """Pack 002 line 548: the waiting-list table's first column heading says 'Data as of the
    end of December 2023'; ingest keeps the phrase, dbt dates the snapshot 2023-12-31."""
    as_of_text, as_of_date = marts_con.execute(
        "SELECT t.as_of_text, min(f.as_of_date) FROM marts.fct_waiting_times f "
        "JOIN raw.tables t ON t.pack_id = f.pack_id AND t.table_id = f.source_table_id "
        "JOIN raw.packs p ON p.pack_id = f.pack_id "
        "WHERE p.file_name LIKE '002_%' AND t.first_line = 548 GROUP BY ALL"
    ).fetchone()
    assert as_of_text == "Data as of the end of December 2023"
    assert as_of_date == date(2023, 12, 31)


# a year's end printed without its date: ingest prose.yml periods and dbt var year_end_phrase
YEAR_END_WORDINGS = [
    "At year end",
    "At the year-end",
    "At the financial year end",
    "At the end of the year",
    "At the end of the financial year",
]


def test_a_year_end_is_one_in_ingest_and_dbt(rendered):
    """Each wording of a year's end is the period phrase ingest gives a sentence's figure, and dbt
    dates that phrase: 31 March closing the document's fiscal year, else the last one on or
    before the meeting. 'By the end of the year' looks ahead as often as back: its figure's
    phrase is 'the year' alone, no year end."""
    from ingest.prose import prose_numbers

    phrases = []
    for wording in [*YEAR_END_WORDINGS, "By the end of the year"]:
        (figure,) = prose_numbers([f"{wording} there were 612 children in care."])
        phrases.append(figure.period_text or wording)
    assert phrases[:-1] == YEAR_END_WORDINGS
    rows = dbt_values(rendered, "year_end", phrases)
    assert rows[:-1] == [(p, date(2025, 3, 31), date(2024, 3, 31)) for p in YEAR_END_WORDINGS]
    assert rows[-1] == ("the year", None, None)  # the year itself ('this year'), no year end


# a flow counted to date with no year (ingest prose.yml periods, dbt var to_date_phrases):
# (wording, the day dbt counts it from for a report of 19 November 2025)
TO_DATE_WORDINGS = [
    ("Since April", date(2025, 4, 1)),
    ("Since the start of April", date(2025, 4, 1)),
    ("Since December", date(2024, 12, 1)),  # the last December before the report
    ("Since the start of the financial year", date(2025, 4, 1)),
    ("In the year to date", date(2025, 4, 1)),
    ("Year-to-date", date(2025, 4, 1)),
    ("So far this year", date(2025, 4, 1)),
]


def test_a_span_to_date_is_one_in_ingest_and_dbt(rendered):
    """Each wording of a count to date is the period phrase ingest gives the sentence's figure,
    and dbt counts it from the day listed; 'since April 2024' is April 2024's own phrase, no
    span to date."""
    from ingest.prose import prose_numbers

    phrases = []
    for wording, _ in [*TO_DATE_WORDINGS, ("Since April 2024", None)]:
        (figure,) = [
            n
            for n in prose_numbers([f"{wording}, 87 children have entered care."])
            if n.number_text == "87"
        ]
        phrases.append(figure.period_text)
    assert phrases == [w for w, _ in TO_DATE_WORDINGS] + ["April 2024"]
    got = dbt_values(rendered, "to_date", phrases)
    assert got == [*TO_DATE_WORDINGS, ("April 2024", None)]


# fiscal years printed as their months (var fiscal_year_span): (printed, start year)
FISCAL_YEAR_SPANS = [
    ("April 2014 - March 2015", 2014),  # pack 000 line 2191
    ("April 2014- March 2015", 2014),  # pack 000 line 1746
    ("1 April 2014 to 31 March 2015", 2014),  # pack 000 line 2217
    ("Apr 2019 – Mar 2020", 2019),
    ("April 2014 - March 2016", None),  # two years: no fiscal year
]


@pytest.fixture(scope="module")
def dbt_spans(rendered):
    phrases = [p for p, _ in FISCAL_YEAR_SPANS]
    rows = dbt_values(rendered, "fy", phrases)
    return dict(rows)


@pytest.mark.parametrize(("printed", "start_year"), FISCAL_YEAR_SPANS)
def test_a_fiscal_year_span_is_one_in_ingest_and_dbt(dbt_spans, printed, start_year):
    """Ingest reads the span as a sentence figure's period phrase, dbt its start year."""
    from ingest.prose import prose_numbers

    sentence = f"Between {printed} the council received 45 complaints about adult services."
    (figure,) = [n for n in prose_numbers([sentence]) if n.number_text == "45"]
    assert figure.period_text == printed
    assert dbt_spans[printed] == start_year


def test_month_and_day_names_are_spelled_out_in_one_place_only():
    """No rule file, module or model lists month (or weekday) names of its own (as `jan|feb|mar` or
    `january|february`): they all take them from var month_numbers ({month}, MONTH_NAMES,
    MONTH_ABBREVIATIONS, month_names_re)."""
    import re as regex

    repo = Path(__file__).resolve().parents[1]
    listed = regex.compile(r"\b(?:jan|january)\|(?:feb|february)\b", regex.IGNORECASE)
    files = [
        *repo.glob("ingest/*.py"),
        *repo.glob("ingest/*.yml"),
        *repo.glob("dbt/macros/*.sql"),
        *repo.glob("dbt/models/**/*.sql"),
        *repo.glob("dbt/seeds/*.csv"),
        *repo.glob("expectations/**/*.py"),
    ]
    offenders = [str(f.relative_to(repo)) for f in files if listed.search(f.read_text("utf-8"))]
    assert offenders == []
    # days of the week: ingest.dates.WEEKDAYS ({weekday} in rule files) is the one list
    weekdays = regex.compile(r"\bmon(?:day)?\|tues", regex.IGNORECASE)
    offenders = [
        str(f.relative_to(repo))
        for f in files
        if f.name != "dates.py" and weekdays.search(f.read_text("utf-8"))
    ]
    assert offenders == []
