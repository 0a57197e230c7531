"""Parsing of dates and times as councils print them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

DBT_PROJECT_FILE = Path(__file__).resolve().parents[1] / "dbt" / "dbt_project.yml"


def _month_numbers(path: Path = DBT_PROJECT_FILE) -> dict[str, int]:
    """Month names and abbreviations -> month number: the one list, the dbt project's var
    `month_numbers`, which dbt's period macros read too (dbt/macros/periods.sql)."""
    months = yaml.safe_load(path.read_text(encoding="utf-8"))["vars"]["month_numbers"]
    return {str(name).lower(): int(number) for name, number in months.items()}


MONTHS = _month_numbers()
WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# every month name and abbreviation, longest first: the one pattern ingest matches months by
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

LONG_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s*(?:st|nd|rd|th)?\s+(?P<month>{MONTH_NAMES})\.?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
US_LONG_DATE = re.compile(
    rf"\b(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b")
WEEKDAY_DATE_LINE = re.compile(rf"^\W*{WEEKDAYS}\b,?\s+\S", re.IGNORECASE)
TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b",
    re.IGNORECASE,
)


def parse_date(text: str) -> tuple[date, str] | None:
    """First date in `text` and the substring it was read from.

    Handles `Thursday, 17 September 2015`, `17 th September 2015`, `3rd September 2018`,
    `September 17, 2015`, `20/07/15` and `17.09.2015` (day first, as in England).
    """
    for pattern in (LONG_DATE, US_LONG_DATE, NUMERIC_DATE):
        match = pattern.search(text)
        if match:
            parsed = _to_date(match)
            if parsed:
                return parsed, match.group(0)
    return None


def _to_date(match: re.Match) -> date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    year = int(match.group("year"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, int(match.group("day")))
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
