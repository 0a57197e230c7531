"""The title and the officer of one document, read from its own lines.

An agenda front sheet has a fixed title; minutes take their printed title (with the date when it
wrapped onto the next line). A report or appendix takes the first line past its header furniture
(key/value lines, stamps, committee banners), joined with the lines the title wrapped onto, and
the officer from a `Lead Officer:`-style key or, failing that, from its first contact block.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from ingest.boundaries import Boundaries, load_boundaries, text_below
from ingest.dates import parse_date, starts_with_weekday_date
from ingest.keyvalue import split_key_value
from ingest.text import clean_text
from ingest.value_tokens import is_no_value

TITLE_MAX_CHARS = 200
TITLE_LOOKAHEAD = 40  # lines read from a document's start for its title and officer
TITLE_WRAP_MAX_LINES = 4  # a printed title wraps over at most this many lines
TITLE_WRAP_MAX_CHARS = 90  # a longer line is prose, not a wrapped title line
CONTACT_LOOKAHEAD = 4  # non-blank lines read after a contact heading
ENDS_SENTENCE = re.compile(r"[.:;!?]$")
_ENDS_WITH_YEAR = re.compile(r"\d{4}\W*$")


def title_and_officer(lines, cleaned, first, last, kind, rules: Boundaries):
    """(title, officer) of the document on lines `first`..`last` (0-based, inclusive)."""
    if kind == "agenda":
        return "Agenda front sheet", None
    if kind == "minutes":
        # the `Minutes of ...` line, else the banner that opened them (committee, then date),
        # else their first line
        start = next(
            (i for i in range(first, last + 1) if rules.minutes_title.search(cleaned[i])),
            next(
                (i for i in range(first, last + 1) if rules.heads_minutes_banner(cleaned, i)),
                next((i for i in range(first, last + 1) if _has_text(cleaned[i], rules)), first),
            ),
        )
        title = _with_banner_above(minutes_title(cleaned, start), cleaned, first, start, rules)
        return _with_dated_field(title, lines, start, last), None
    title, officer = _printed_title_and_officer(lines, cleaned, first, last, kind, rules)
    if kind == "report":
        title = _title_key_in_header(lines, cleaned, first, last, rules) or title
        officer = officer or _officer_key_in_header(lines, first, last, rules)
    return title, officer


TITLE_KEY_LOOKAHEAD = 8  # non-blank header lines of a report searched for a `Subject:` key


def _title_key_in_header(lines, cleaned, first, last, rules: Boundaries) -> str | None:
    """The value of a title key (`Subject:`, `Report title:`) among a report's first header
    lines, below lines that are not furniture (`SURREY COUNTY COUNCIL` / `CABINET` / `DATE:` /
    `SUBJECT:<TAB>ANNUAL COMPLAINTS PERFORMANCE REPORT 2024/25`). The header ends at its first
    sentence."""
    seen = 0
    for index in range(first, min(last + 1, first + TITLE_LOOKAHEAD)):
        text = cleaned[index]
        if not text:
            continue
        seen += 1
        if seen > TITLE_KEY_LOOKAHEAD:
            return None
        if (
            rules.header_key_alone.match(text)
            and text.lower().rstrip(":").strip() in rules.title_keys
        ):
            # `Subject:` alone, its value on the next line with text (Bradford)
            value = text_below(cleaned, index, past_blank=True)
            if value and not rules.header_key_alone.match(value):
                return value[:TITLE_MAX_CHARS]
        if ENDS_SENTENCE.search(text) and "\t" not in lines[index]:
            return None
        pair = split_key_value(lines[index])
        if pair and pair[0] in rules.title_keys and pair[1]:
            return pair[1][:TITLE_MAX_CHARS]
    return None


_BARE_ITEM_NUMBER = re.compile(r"^\d{1,3}[a-z]?\.?$")


def is_bare_item_number(text: str) -> bool:
    """An item's number alone on its line (`3` under `Agenda Item No.`), or a page's under a
    blank page: the stamp's, never a title or the content a document opens with."""
    return bool(_BARE_ITEM_NUMBER.match(text))


def _has_text(text: str, rules: Boundaries) -> bool:
    """A line with text that is not an item stamp (`Agenda Item 5`)."""
    return bool(text) and not any(p.search(text) for p in rules.item_stamps)


MINUTES_DATE_KEYS = ("date", "date of meeting", "meeting date")
DATE_LINE_MAX_CHARS = 40  # a date and a time, no sentence
MINUTES_DATE_LOOKAHEAD = 6  # lines below an undated minutes title read for its `Date` field


def _with_banner_above(title: str, cleaned, first: int, start: int, rules: Boundaries) -> str:
    """`Corporate Parenting Board` over `Minutes of the Meeting Held on ...`: a title naming no
    body is put after the committee banner printed above it, so the minutes name who met."""
    if not rules.minutes_title_without_body.search(title):
        return title
    above = next((i for i in range(start - 1, first - 1, -1) if cleaned[i]), None)
    if above is None or not rules.names_a_body(cleaned[above]):
        return title
    return f"{cleaned[above]} – {title}"[:TITLE_MAX_CHARS]


def _with_dated_field(title: str, lines, start: int, last: int) -> str:
    """`minutes` over `Meeting<TAB>X` / `Date<TAB>Monday 30 September 2024`: the title with the
    date of its `Date` field, so the minutes and their resolutions are dated."""
    if _ENDS_WITH_YEAR.search(title) or parse_date(title):
        return title
    for index in range(start + 1, min(last, start + MINUTES_DATE_LOOKAHEAD) + 1):
        pair = split_key_value(lines[index])
        if pair and pair[0] in MINUTES_DATE_KEYS and parse_date(pair[1]):
            return f"{title} - {pair[1]}"[:TITLE_MAX_CHARS]
    return title


def _printed_title_and_officer(lines, cleaned, first, last, kind, rules: Boundaries):
    """A report's or appendix's first line past its header, and an officer key before it."""
    officer = None
    title = None
    for index in range(first, min(last + 1, first + TITLE_LOOKAHEAD)):
        text = cleaned[index]
        if not text or any(p.search(text) for p in rules.item_stamps) or is_bare_item_number(text):
            continue
        pair = split_key_value(lines[index])
        if pair and pair[0] in rules.officer_keys and officer is None:
            officer = pair[1].rstrip(".")
            continue
        if kind == "report" and pair and pair[0] in rules.title_keys and pair[1]:
            title = pair[1][:TITLE_MAX_CHARS]
            break
        if kind == "report" and (named := rules.item_title_line.match(cell_text(lines[index]))):
            title = named["title"][:TITLE_MAX_CHARS]
            break
        if kind == "report" and _is_header_line(lines, cleaned, index, rules):
            continue
        if kind == "report" and first > 0 and _in_banner_block(cleaned, index, last, rules):
            continue  # a report's banner over its title (a front sheet's names the pack)
        key_above = _key_alone_above(cleaned, index, first, rules)
        if kind == "report" and key_above in rules.title_keys:
            title = _wrapped_title(lines, cleaned, index, last)
            break
        if kind == "report" and key_above is not None:
            continue  # the value of a header key printed alone on the line above
        if kind == "appendix" and "\t" in lines[index]:
            title = _caption_row(lines[index])  # a table's title row, or no printed title
            break
        title = _wrapped_title(lines, cleaned, index, last)
        break
    return title, officer


def cell_text(line: str) -> str:
    """The first cell of a line, cleaned (`Item 4 - <title>` without the `4` beside it)."""
    return clean_text(line.split("\t")[0])


def _in_banner_block(cleaned, index: int, last: int, rules: Boundaries) -> bool:
    """A banner line beside another (the council, the body, the date): the banner over a
    report's title. A body's or council's name alone is a title ('Annual Report of the
    Fostering Panel' over '1.1 The Fostering Panel approved ...')."""
    if not rules.is_report_banner_line(cleaned[index]):
        return False
    if rules.banner_date.match(cleaned[index]) or _is_date_line(cleaned[index]):
        return True
    below = next((i for i in range(index + 1, min(last, index + 3) + 1) if cleaned[i]), None)
    above = next((i for i in range(index - 1, max(index - 3, 0) - 1, -1) if cleaned[i]), None)
    return any(i is not None and rules.is_report_banner_line(cleaned[i]) for i in (below, above))


def _officer_key_in_header(lines, first: int, last: int, rules: Boundaries) -> str | None:
    """The value of the first officer key (`Contact officer:`, `Officer Contact Details<TAB>...`)
    among a report's first lines, wherever its header prints it (below its title field, too)."""
    for index in range(first, min(last + 1, first + TITLE_LOOKAHEAD)):
        pair = _officer_pair(lines[index], rules)
        if pair and pair[1]:
            return _name_and_title(pair[1])
    return None


def _officer_pair(line: str, rules: Boundaries) -> tuple[str, str] | None:
    """(key, value) of a line whose key names the report's officer (boundaries.yml
    officer_keys), also of a row with more cells after the officer's (`CONTACT OFFICER:<TAB>Karen
    Doyle, Head of Service<TAB>TEL. NO. 0161 206 3379`), else None."""
    pair = split_key_value(line)
    if pair is None and line.count("\t") >= 2:
        cells = [clean_text(cell) for cell in line.split("\t") if cell.strip()]
        pair = (cells[0].rstrip(":").strip().lower(), cells[1]) if len(cells) >= 3 else None
    return pair if pair and pair[0] in rules.officer_keys else None


_CONTACT_DETAIL = re.compile(
    r",\s*(?:[^,]*@|(?:tel(?:ephone)?|phone|mobile)\b|\+?\d[\d ]{6,}).*$", re.I
)


def _name_and_title(officer: str) -> str | None:
    """An officer's name and title, less the e-mail and telephone printed after them."""
    return _CONTACT_DETAIL.sub("", officer).rstrip(". ") or None


def officer_key_in_document(lines, first: int, last: int, rules: Boundaries) -> str | None:
    """The first officer key anywhere in a report (`Contact Officer:<TAB>Gareth Pryce, Head of
    Quality and Improvement, gareth.pryce@..., 07787 241309` at its end), else its sentence naming
    who wrote it (`This report was written by ..., who can be contacted on ...`): the name and title
    without the e-mail and telephone after them."""
    for index in range(first, last + 1):
        pair = _officer_pair(lines[index], rules)
        if pair and pair[1][:1].isalpha():
            return _name_and_title(pair[1])
    for index in range(first, last + 1):
        if sentence := rules.officer_sentence.match(clean_text(lines[index])):
            return _name_and_title(sentence.group("officer"))
    return None


def _caption_row(line: str) -> str | None:
    """`Work Plan 2023/2024<TAB>`: a table row with one filled cell is the table's title."""
    cells = [cell for cell in line.split("\t") if cell.strip()]
    return clean_text(cells[0])[:TITLE_MAX_CHARS] if len(cells) == 1 else None


def _wrapped_title(lines, cleaned, index: int, last: int) -> str:
    """The title line joined with the lines it wrapped onto: the rest of its paragraph when
    short lines, and upper-case lines after one blank line when the title is upper-case
    (`... SUMMARY OF KEY` / `DECISIONS` / `JANUARY 2024 TO APRIL 2024`)."""
    parts = [cleaned[index]]
    while len(parts) < TITLE_WRAP_MAX_LINES and not ENDS_SENTENCE.search(parts[-1]):
        nxt = index + 1 if index + 1 <= last and cleaned[index + 1] else index + 2
        if nxt > last or not _continues_title(lines[nxt], cleaned[nxt], parts, nxt - index):
            break
        parts.append(cleaned[nxt])
        index = nxt
    return " ".join(parts)[:TITLE_MAX_CHARS]


def _continues_title(line: str, text: str, parts: list[str], gap: int) -> bool:
    if not text or "\t" in line or len(text) > TITLE_WRAP_MAX_CHARS or text[0].isdigit():
        return False
    if _is_header_field(line):
        return False  # `Key decision: Yes` under the title is the header's, not the title's
    if load_boundaries().report_author_line.match(text) or text.endswith(":"):
        return False  # `Report of the Director of ...` says who reports; `DECISION NO:` is a key
    if gap == 1:
        return len(parts[-1]) <= TITLE_WRAP_MAX_CHARS
    return parts[-1].isupper() and text.isupper()


def _is_header_field(line: str) -> bool:
    """A `Key: value` line whose key is a report header's (boundaries.yml header_keys, title_keys,
    report_header_keys)."""
    pair = split_key_value(line)
    if pair is None:
        return False
    return pair[0] in load_boundaries().header_field_keys


def _is_header_line(lines, cleaned, index: int, rules: Boundaries) -> bool:
    """Report header furniture before the title: key/value lines, a no-value token (the `N/A`
    under a `Local Members' Interest` line: seed value_tokens), and a banner naming the
    committee and the meeting date."""
    line, text = lines[index], cleaned[index]
    if "\t" in line:
        return True
    pair = split_key_value(line)
    known = rules.report_header_keys + rules.officer_keys + rules.header_keys
    if pair and pair[0] in known:
        return True
    if any(p.search(text) for p in rules.report_start_lines) or is_no_value(text):
        return True
    if rules.header_key_alone.match(text) or any(
        p.search(text) for p in rules.report_furniture_lines
    ):
        return True
    if any(opens.match(text) or confirmed.search(text) for opens, confirmed in rules.report_blocks):
        return True
    following = text_below(cleaned, index, past_blank=True)
    if rules.banner_date.match(text) or rules.is_banner(text, following):
        return True
    if rules.bare_banner_name.match(text) and rules.banner_date.match(following):
        return True  # `CABINET` / `` / `17 March 2026` over a report's title
    return bool(parse_date(text)) and len(text) < 120 and " - " in text


def _key_alone_above(cleaned, index: int, first: int, rules: Boundaries) -> str | None:
    """The header key printed alone on the line with text above `index`, its value on this one
    (`Electoral Division affected:` / `(All Divisions);`, `Item No.` / `4.`, `Report title:` /
    the title), or above the lines of a value this line goes on, lower-cased without its colon;
    None when there is no such key."""
    above = next((i for i in range(index - 1, first - 1, -1) if cleaned[i]), None)
    while above is not None:
        key = cleaned[above].lower().rstrip(":").strip()
        if key in rules.header_field_keys or rules.header_key_alone.match(cleaned[above]):
            return key
        # a value of several lines (`Name of Cabinet Member:` / two members, no blank line
        # between any of them): the key is above the first
        lines_on = above == index - 1 and above > first and cleaned[above - 1]
        index, above = above, (above - 1 if lines_on else None)
    return None


def contact_officer(lines, cleaned, contacts, first, last, rules: Boundaries) -> str | None:
    """The officer named by the document's first contact block (`Contact Officer`, `Report
    Author:`): a `Name:` (with its `Job Title:`), or a plain `Name, Title` line.

    `contacts` are the (sorted) indexes of every contact heading in the pack."""
    at = bisect_left(contacts, first)
    if at == len(contacts) or contacts[at] > last:
        return None
    lines_after = range(contacts[at] + 1, last + 1)
    # (an introduction ending in a colon, 'If you have any questions ... please get in touch
    # with:', names no one)
    following = list(
        islice((i for i in lines_after if cleaned[i] and cleaned[i][-1] != ":"), CONTACT_LOOKAHEAD)
    )
    if not following:
        return None
    pair = split_key_value(lines[following[0]])
    if pair is None:
        # (a line of contact details, 'Rachel Hackett, Scrutiny Officer; Email: ...; Telephone:
        # ...': the name and title before them)
        text = cleaned[following[0]].split(";")[0].strip()
        return text.rstrip(".") if text[:1].isalpha() else None
    if pair[0] not in rules.contact_name_keys:
        return None
    job = _job_title(lines, following[1:], rules)
    return f"{pair[1]}, {job}" if job else pair[1]


def _job_title(lines, indexes, rules: Boundaries) -> str | None:
    """The value of the first `Job Title:`-style line among `indexes`."""
    return next(
        (
            p[1]
            for i in indexes
            if (p := split_key_value(lines[i])) and p[0] in rules.contact_job_keys
        ),
        None,
    )


def minutes_title(cleaned: list[str], index: int) -> str:
    """The minutes title, joined with its next line when the date wrapped onto it."""
    title = cleaned[index]
    if not _ENDS_WITH_YEAR.search(title):
        # the date on the next line, or under a blank line (`SCRUTINY BOARD (...)` / `` /
        # `WEDNESDAY, 19TH JUNE, 2024`)
        # `Minutes of the Cabinet` / `` / `7 October 2025 at 4.00 pm`)
        below = [t for t in cleaned[index + 1 : index + 3] if t][:1]
        if below and (
            cleaned[index + 1] or _ENDS_WITH_YEAR.search(below[0]) or _is_date_line(below[0])
        ):
            title = f"{title} {below[0]}"
        # `MINUTES` / `CORPORATE PARENTING BOARD` / `Tuesday 2 December 2025 at 6.00 pm`: the
        # body's name and then the date under a bare title
        after = cleaned[index + 2] if index + 2 < len(cleaned) else ""
        bare = cleaned[index].strip(" :").lower() == "minutes"
        if bare and after and cleaned[index + 1] and starts_with_weekday_date(after):
            title = f"{title} {after}"
    return title[:TITLE_MAX_CHARS]


def _is_date_line(text: str) -> bool:
    """A short line giving a meeting's date, its time after it (`7 October 2025 at 4.00 pm`)."""
    return len(text) <= DATE_LINE_MAX_CHARS and parse_date(text) is not None and text[:1].isdigit()
