"""What kind of thing a printed cell holds; used to find headers and broken rows."""

from __future__ import annotations

import re
import string

from ingest.dates import FY_SEPARATOR, MONTH_NAMES
from ingest.value_tokens import is_no_value

_NUMBER = r"[-+−]?[£$€]?\d[\d,]*(?:\.\d+)?"
COUNT = re.compile(r"^[-+−]?\d[\d,]*$")
DECIMAL = re.compile(r"^[-+−]?[£$€]?\d[\d,]*\.\d+\s*[mk]?$|^[£$€]\d")
PERCENT = re.compile(rf"^{_NUMBER}\s*%$")
FRACTION = re.compile(r"^\d+\s*/\s*\d+$")
# `2016/17`, `FY 2016-17`, `2015 – 2016`, `2014 to 2015` (a fiscal year as dbt reads one)
PERIOD = re.compile(
    rf"^(?:fy\s*)?(?:19|20)\d{{2}}\s*{FY_SEPARATOR}\s*(?:19|20)?\d{{2}}$", re.IGNORECASE
)
# `2023/24 total`, `2022/23 Outturn`: a year heading a column, with the word that says of what
PERIOD_WITH_WORDS = re.compile(
    rf"^(?:fy\s*)?(?:19|20)\d{{2}}\s*{FY_SEPARATOR}\s*(?:19|20)?\d{{2}}"
    r"\s+[A-Za-z][A-Za-z ]{0,20}$",
    re.IGNORECASE,
)
# `12 months to 30.9.25`, `Rolling 12 months to Sep 25`, `Year ending 31 March 2025`: a year (or
# months) to a day or month, a column's period, not a figure of 12 months
SPAN_TO_A_DAY = re.compile(
    r"^(?:rolling\s+)?(?:(?:\d{1,2}|twelve|six|three)\s+months?|year)\s+(?:to|ending|ended)\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?[\s./-]*)?(?:[A-Za-z]{3,9}\.?|\d{1,2})[\s./-]*(?:19|20)?\d{2}$",
    re.IGNORECASE,
)
# `31/03/2023`, `1/4/24`, `31.03.25`: a date printed in figures (day first); with dots, only a
# day and month of two digits each (`1.4.24` may number a paragraph)
NUMERIC_DATE = re.compile(
    r"^(?:\d{1,2}/\d{1,2}/|(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.)(?:\d{2}|(?:19|20)\d{2})$"
)
_MONTH = rf"(?:{MONTH_NAMES})\.?"
_MONTH_START = re.compile(_MONTH + r"\s", re.IGNORECASE)
# `April 2016`, `30 Apr 2023`, `13 – 14 Jul 2023`, `19th October 2015`: a date, not a key and value
DATE = re.compile(
    rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?\s+)?)?{_MONTH}\s+(?:19|20)\d{{2}}$",
    re.IGNORECASE,
)
# `31 March 2025 (%)`, `30 Sep 2025 (No.)`: a date naming its column's unit, a heading's words
DATE_WITH_UNIT = re.compile(
    rf"^(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:19|20)\d{{2}}\s*\([^)]{{1,12}}\)$",
    re.IGNORECASE,
)
# `31 Mar 25`, `30th September 25`: a day and month with a two-digit year
DATE_SHORT_YEAR = re.compile(rf"^\d{{1,2}}(?:st|nd|rd|th)?\s*{_MONTH}\s+\d{{2}}$", re.IGNORECASE)
# `0-4 years`, `17 years`, `16+ years`: an age band, printed as a column heading
AGE_BAND = re.compile(r"^\d+\s*(?:[-–]\s*\d+|\+)?\s*(?:years?|yrs)(?:\s+old)?$", re.IGNORECASE)
# `0-6 weeks`, `52+ weeks`, `13 - 18 wks`: a band of waits heading a column (a wait alone, `26
# weeks`, is a value)
DURATION_BAND = re.compile(
    r"^\d+\s*(?:[-–]\s*\d+|\+)\s*(?:weeks?|wks?|months?|days?)$", re.IGNORECASE
)
# `1-4`, `10-15`, `16+` under `Age band`: a range, never a figure (no value reads as one)
BARE_RANGE = re.compile(r"^\d{1,2}\s*[-–]\s*\d{1,2}$|^\d{1,2}\+$")
STARTS_WITH_NUMBER = re.compile(r"^[(\[]?[-+−]?[£$€]?\d")
# `18-week standard met (Dec)`, `52-week waits`, `20-day target`: a threshold's name heading a
# column (a number joined to its unit by a hyphen), words, not a figure
# ... or a distance band's (`20 miles or more`, `10 miles and over`)
THRESHOLD_NAME = re.compile(
    r"^\d+-(?:weeks?|wks?|days?|months?|years?|hours?)\b"
    r"|^\d+\+?\s*(?:miles?|km|kilometres?)\s+(?:or|and)\s+(?:more|over|above|less|under|below)\b",
    re.IGNORECASE,
)
CODED = re.compile(r"^\d*\s*(?:\d+\s*P?U\b)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
KEY_FIRST_CHARS = frozenset("<>≥≤" + string.ascii_letters)  # as INLINE_KEY_VALUE's key
SEPARATOR = re.compile(r"^:?-{2,}:?$")
INLINE_KEY_VALUE = re.compile(
    r"^(?P<key>(?:[<>≥≤]\s*\d+\s*)?[A-Za-z][^:\d]*?)\s*:?\s+(?P<value>[-+−]?[£]?\d.*)$"
)


_WORD_START_KINDS = frozenset("fF")  # `FY 2016/17` is a period


def cell_kind(text: str) -> str:
    """empty | period | date | month | band | count | decimal | percent | fraction | coded |
    placeholder | value | text.

    Periods, months and age bands head columns; a date with its day (`30 Apr 2023`) is body."""
    if not text:
        return "empty"
    first = text[0]
    if first.isalpha() and first not in _WORD_START_KINDS:
        return _word_kind(text)
    if text.isdigit() and text.isascii():
        return "count"  # digits only: no period, date or band has no other character
    if PERIOD.match(text) or first == "(" and text[-1] == ")" and PERIOD.match(text[1:-1]):
        return "period"  # `(2022/23)` under `England`: the year of a comparator's figures
    if PERIOD_WITH_WORDS.match(text) or SPAN_TO_A_DAY.match(text):
        return "period"
    if NUMERIC_DATE.match(text):
        return "date"
    if DATE.match(text):
        return "date" if text[:1].isdigit() else "month"
    if DATE_SHORT_YEAR.match(text):
        return "date"
    if AGE_BAND.match(text) or BARE_RANGE.match(text) or DURATION_BAND.match(text):
        return "band"
    for kind, pattern in (
        ("count", COUNT),
        ("percent", PERCENT),
        ("decimal", DECIMAL),
        ("fraction", FRACTION),
    ):
        if pattern.match(text):
            return kind
    if is_no_value(text):
        return "placeholder"  # '-', 'N/A': the one list of no-value tokens (seed value_tokens)
    if CODED.match(text):
        return "coded"
    if THRESHOLD_NAME.match(text) or DATE_WITH_UNIT.match(text):
        return "text"
    if STARTS_WITH_NUMBER.match(text):
        return "value"
    return "text"


def _word_kind(text: str) -> str:
    """The kind of a cell opening with a letter (not `f`, as `FY 2016/17` does): a month, a
    placeholder (a no-value token: `n/a`, `nil`, `not known`, `Not Applicable`) or text. Every
    other kind opens with a digit, a sign, a currency or a bracket, so their patterns are not
    tried."""
    if (len(text) <= 12 or _MONTH_START.match(text)) and DATE.match(text):
        return "month"  # a month is short, or opens with the month's name
    if is_no_value(text):
        return "placeholder"
    return "text"


VALUE_KINDS = {"count", "decimal", "percent", "fraction", "coded", "placeholder", "value"}


def is_value(text: str) -> bool:
    return cell_kind(text) in VALUE_KINDS


def is_separator_row(cells: list[str]) -> bool:
    """A markdown table rule such as `--\\t-----\\t---`: every filled cell a rule, and one at least.

    Stops at the first filled cell that is not a rule, usually a row's label."""
    filled = False
    for cell in cells:
        text = cell.strip()
        if not text:
            continue
        if not SEPARATOR.match(text):
            return False
        filled = True
    return filled


def split_inline_key(text: str) -> tuple[str, str] | None:
    """`Average wait: 26 weeks ↓` -> (`Average wait`, `26 weeks ↓`)."""
    if text[:1] not in KEY_FIRST_CHARS:
        return None  # quick tests that spare the slow pattern: how a key and a value start
    digit = _DIGIT.search(text)
    if not digit:
        return None
    if DATE.match(text):
        return None  # `April 2016` is a date, not the key `April` and the value 2016
    if text[0] in _ASCII_LETTERS:
        return _letter_key_pair(text, digit.start())
    match = INLINE_KEY_VALUE.match(text)
    if not match:
        return None
    return match.group("key").strip(), match.group("value").strip()


_ASCII_LETTERS = frozenset(string.ascii_letters)
_SIGNS = ("-", "+", "−")


def _letter_key_pair(text: str, first_digit: int) -> tuple[str, str] | None:
    r"""`INLINE_KEY_VALUE.match` of a text opening with a letter, read without the pattern,
    whose lazy key is tried at every character of long cells. Its key holds no digit, so the
    value opens at the text's first digit (after an optional sign and `£`); between them the
    key and `\s*:?\s+`."""
    value_start = first_digit
    if text[value_start - 1 : value_start] == "£":
        value_start -= 1
    if text[value_start - 1 : value_start] in _SIGNS:
        value_start -= 1
    if not text[value_start - 1 : value_start].isspace():
        return None  # the value follows white space
    key = text[:value_start].rstrip()
    key = key.removesuffix(":")
    if ":" in key:
        return None  # a key holds no colon
    return key.strip(), text[value_start:].strip()
