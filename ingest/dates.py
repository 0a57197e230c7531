"""Parsing of dates and times as councils print them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

DBT_PROJECT_FILE = Path(__file__).resolve().parents[1] / "dbt" / "dbt_project.yml"


@cache
def calendar_vars(path: Path = DBT_PROJECT_FILE) -> dict:
    """The dbt project's vars: the one definition of month names (`month_numbers`) and of how
    dates are printed (`date_patterns`, `two_digit_year_pivot`), which dbt's period macros
    (dbt/macros/periods.sql) read too."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["vars"]


MONTHS = {str(name).lower(): int(n) for name, n in calendar_vars()["month_numbers"].items()}
WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# every month name and abbreviation, longest first: the one pattern ingest matches months by
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))


@dataclass(frozen=True)
class DatePattern:
    """One way of printing a date: a pattern and what each of its groups holds."""

    regex: re.Pattern
    groups: tuple[str, ...]  # 'day', 'month', 'year' in the order the groups open


DATE_PATTERNS = tuple(
    DatePattern(
        re.compile(spec["pattern"].replace("{month}", MONTH_NAMES), re.IGNORECASE),
        tuple(spec["groups"]),
    )
    for spec in calendar_vars()["date_patterns"]
)
TWO_DIGIT_YEAR_PIVOT = int(calendar_vars()["two_digit_year_pivot"])
LONG_DATE = DATE_PATTERNS[0].regex  # `17 September 2015`

MONTH = f"(?:{MONTH_NAMES})"  # any month name, as one group
# the abbreviations among them (`Jan`, `Sept`: the start of a longer name), which take a dot
MONTH_ABBREVIATIONS = tuple(
    name for name in MONTHS if any(other.startswith(name) and other != name for other in MONTHS)
)
# what stands between a fiscal year's two years (`2014/15`, `2014 to 2015`), as one group
FY_SEPARATOR = f"(?:{'|'.join(calendar_vars()['fiscal_year_separators'])})"
# the words before a quarter's number (`Quarter 1`, `Qtr 2`, `Q3`), as one group
QUARTER = f"(?:{'|'.join(calendar_vars()['quarter_words'])})"
# a fiscal year printed as its months (`April 2014 - March 2015`): groups start and end year
FISCAL_YEAR_SPAN = calendar_vars()["fiscal_year_span"]


def as_of_phrase_patterns() -> list[str]:
    """The as-of phrases of var `as_of_phrases` (`Data as of the end of February 2022`,
    `at 31 March 2017`, `(date of inspection)`), {as_of_date} and {month} filled in."""
    shape = calendar_vars()["as_of_date"].replace("{month}", MONTH_NAMES)
    return [p.replace("{as_of_date}", shape) for p in calendar_vars()["as_of_phrases"]]


# `BLACKPOOL HEALTH DATA DASHBOARD - December 2023`: a page or document title dated by month
DATED_TITLE = re.compile(
    calendar_vars()["dated_title"]["pattern"].replace("{month}", MONTH_NAMES), re.IGNORECASE
)
DATED_TITLE_MAX_CHARS = int(calendar_vars()["dated_title"]["max_chars"])


def is_dated_title(text: str) -> bool:
    return (
        text[-4:].isdigit() and len(text) <= DATED_TITLE_MAX_CHARS and bool(DATED_TITLE.match(text))
    )


WEEKDAY_DATE_LINE = re.compile(rf"^\W*{WEEKDAYS}\b,?\s+\S", re.IGNORECASE)
TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b",
    re.IGNORECASE,
)


def parse_date(text: str) -> tuple[date, str] | None:
    """First date in `text` and the substring it was read from.

    Handles `Thursday, 17 September 2015`, `17 th September 2015`, `3rd September 2018`,
    `September 17, 2015`, `20/07/15` and `17.09.2015` (day first, as in England): the patterns
    of var `date_patterns`, in order, as dbt's `parse_uk_date` reads them.
    """
    for pattern in DATE_PATTERNS:
        match = pattern.regex.search(text)
        if match:
            parsed = _to_date(dict(zip(pattern.groups, match.groups(), strict=True)))
            if parsed:
                return parsed, match.group(0)
    return None


def _to_date(parts: dict[str, str]) -> date | None:
    month_text = parts["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    year = int(parts["year"])
    if year < 100:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    try:
        return date(year, month, int(parts["day"]))
    except ValueError:
        return None


def parse_time(text: str) -> str | None:
    """`6.00 pm` -> `18:00`; `10.00 am` -> `10:00`; `18:30` -> `18:30`."""
    match = TIME.search(text)
    if not match:
        return None
    if match.group("h24") is not None:
        return f"{int(match.group('h24')):02d}:{match.group('m24')}"
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    if hour > 12 or minute > 59:
        return None
    if match.group("ampm").lower().startswith("p") and hour != 12:
        hour += 12
    if match.group("ampm").lower().startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def starts_with_weekday_date(line: str) -> bool:
    return bool(WEEKDAY_DATE_LINE.match(line)) and parse_date(line) is not None
