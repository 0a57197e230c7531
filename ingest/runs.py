"""Runs of TAB lines, and which of them are one table.

A table is cut by page breaks (blank lines, a single-space line, a `Page 12` stamp, its header
printed again, a section heading between its parts) and several tables can be stacked in one run
(`Partnership and Development\\tQ1\\tQ2...` heading each). `merge_runs` joins the parts of one
table; `split_stacked` cuts a run where a stacked table begins.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.boundaries import load_boundaries
from ingest.captions import continues_caption
from ingest.cells import is_separator_row
from ingest.dates import parse_date
from ingest.headers import (
    count_header_rows,
    header_rows,
    periods_only,
    same_cells,
    similar_header,
    stacked_table_test,
    title_row,
)
from ingest.rows import Row, detect_layout, starts_lowercase, tabs, width
from ingest.stitching import dangles, names_a_service
from ingest.text import clean_cells, clean_text, is_blank, is_page_stamp

MAX_BLANK_GAP = 3  # blank lines a table may be interrupted by
MAX_PART_GAP_LINES = 6  # all lines between two parts of a table, section headings included
MAX_GAP_HEADINGS = 2
SECTION_HEADING_MAX_CHARS = 80
_NOT_A_HEADING_END = re.compile(r"[:;,]$")


def floor_line(starts: list[int], line: int) -> int:
    """The first line of the document holding `line` (1 when there is none)."""
    index = bisect_right(starts, line)
    return starts[index - 1] if index else 1


def find_runs(lines: list[str]) -> list[dict]:
    runs: list[dict] = []
    current: dict | None = None
    for index, line in enumerate(lines):
        if "\t" not in line:
            if current is not None and _label_wrapped_below(current["rows"], line):
                current["last"] = index + 1
                current["rows"].append(Row(index + 1, [line], clean_cells([line], line)))
            else:
                current = None
            continue
        if current is None:
            current = {"first": index + 1, "last": index + 1, "rows": []}
            runs.append(current)
        current["last"] = index + 1
        raw = line.split("\t")
        if not is_separator_row(raw):
            current["rows"].append(Row(index + 1, raw, clean_cells(raw, line)))
    return runs


WRAPPED_LABEL_MAX_CHARS = 60


def _label_wrapped_below(rows: list[Row], line: str) -> bool:
    """`CLA under 16 looked after 2.5 years or more, in same<TAB>71.2%<TAB>...` over `placement
    for 2+ years (%)` with no TAB: the end of the row's label, wrapped onto a line of its own
    (short, opening in lower case, right under a labelled row of figures)."""
    text = line.strip()
    if not rows or not text or len(text) > WRAPPED_LABEL_MAX_CHARS or not starts_lowercase(text):
        return False
    last = rows[-1]
    return last.has_values and bool(last.label) and not last.label.endswith(".")


def drop_running_footers(runs: list[dict]) -> list[dict]:
    """Runs that are a report's running footer, not a table: one line of a title and its page
    number (`ACS Annual Complaints and Compliments Report 2024/25<TAB>4`, `...<TAB>Page 37`),
    printed on two pages or more with the same title and a page number that grows."""
    pages: dict[str, list[int]] = {}
    for run in runs:
        footer = _footer_title_and_page(run)
        if footer is not None:
            pages.setdefault(footer[0], []).append(footer[1])
    furniture = {
        title
        for title, numbers in pages.items()
        if len(numbers) > 1 and all(a < b for a, b in zip(numbers, numbers[1:], strict=False))
    }
    return [run for run in runs if (_footer_title_and_page(run) or ("",))[0] not in furniture]


def drop_page_banners(runs: list[dict], lines: list[str]) -> list[dict]:
    """Runs that are a page's running header or footer printed with a TAB, not a table: one
    line of words and dates, no figure, printed the same on two pages or more and by a `Page 12`
    stamp at least once (`Children in Care Performance Report – Quarter 2 2025/26<TAB>Corporate
    Parenting Board – 19 November 2025`)."""
    printed: dict[str, list[int]] = {}
    for run in runs:
        if len(run["rows"]) == 1 and not run["rows"][0].has_values:
            printed.setdefault(lines[run["first"] - 1].strip(), []).append(run["first"] - 1)
    banners = {
        text
        for text, indexes in printed.items()
        if len(indexes) > 1
        and any(_by_page_stamp(lines, i) or _near_page_stamp(lines, i) for i in indexes)
    }
    return [
        _without_banner(run, lines, banners) for run in runs if not _is_banner(run, lines, banners)
    ]


def _is_banner(run: dict, lines: list[str], banners: set[str]) -> bool:
    return len(run["rows"]) == 1 and lines[run["first"] - 1].strip() in banners


def _without_banner(run: dict, lines: list[str], banners: set[str]) -> dict:
    """A run opening with a banner printed right above the rest of a table (`HOSC/41/25<TAB>
    Health Overview ... Committee – 5 November 2025` over `<TAB>874<TAB>881 ...`, no blank line
    between): the table's rows without it."""
    if lines[run["first"] - 1].strip() not in banners:
        return run
    rows = [row for row in run["rows"] if row.line != run["first"]]
    return {**run, "first": rows[0].line, "rows": rows} if rows else run


def _footer_title_and_page(run: dict) -> tuple[str, int] | None:
    """(title, page) of a one-line run printing a title of some length and a page number."""
    if len(run["rows"]) != 1:
        return None
    cells = [cell for cell in run["rows"][0].clean if cell]
    if len(cells) != 2 or len(cells[0]) < 20:
        return None
    page = _FOOTER_PAGE.match(cells[1])
    return (cells[0].lower(), int(page.group(1))) if page else None


_FOOTER_PAGE = re.compile(r"^(?:page\s+)?(\d{1,3})(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
"""A footer's page number: `4`, `Page 37` or `Page 5 of 48` (`CAMHS and Children's Therapies:
Waiting Times<TAB>Page 37`)."""


def merge_runs(runs: list[dict], lines: list[str], starts: list[int] = ()) -> list[dict]:
    """Join runs that are parts of one table; never across a document start."""
    merged: list[dict] = []
    for run in runs:
        previous = merged[-1] if merged else None
        crosses = previous and floor_line(starts, previous["last"]) != floor_line(
            starts, run["first"]
        )
        if previous and not crosses and _join(previous, run, lines):
            continue
        merged.append(run)
    return merged


def _join(previous: dict, run: dict, lines: list[str]) -> bool:
    """Append `run` to `previous` when it goes on with the same table; say whether it did."""
    if not previous["rows"] or not run["rows"]:
        return False
    gap = range(previous["last"], run["first"] - 1)  # 0-based indexes of the lines between
    # a TAB line between two runs is a run dropped as page furniture (a running footer, a banner)
    headings = [
        i
        for i in gap
        if not is_blank(lines[i])
        and not is_page_stamp(lines[i])
        and "\t" not in lines[i]
        and not _by_page_stamp(lines, i)
        and not _running_head(lines, i)
    ]
    headings += [i for i in gap if _label_cut_by_page(lines, i, run["rows"])]
    # 'Table 4 (continued)' over the next part says the table goes on: no heading between parts
    above = lines[max(0, previous["first"] - 1 - MAX_PART_GAP_LINES) : previous["first"] - 1]
    headings = sorted(i for i in headings if not continues_caption(lines[i], above))
    blanks = sum(1 for i in gap if is_blank(lines[i]))
    if blanks > MAX_BLANK_GAP or len(gap) > MAX_PART_GAP_LINES:
        return False
    header = header_rows(previous["rows"])
    rows = _without_repeated_header(run["rows"], header)
    if len(rows) < len(run["rows"]):  # the header again: only a repeated caption may be between
        if any(not _repeats_caption(lines, i, previous["first"]) for i in headings):
            return False
        headings = []
    elif not _goes_on(previous["rows"], rows, header):
        return False
    if headings and (
        count_header_rows(rows) or not _section_headings(lines, headings, previous["rows"], rows)
    ):
        return False  # a heading over a header of its own: the caption of a new table
    previous["rows"].extend(_heading_rows(lines, headings))
    previous["rows"].extend(rows)
    previous["last"] = run["last"]
    return True


_ENDS_WITH_PAGE_NUMBER = re.compile(r"(?:^|[-–|,]\s*|\s)page\s+\d+(?:\s+of\s+\d+)?$", re.IGNORECASE)


def _by_page_stamp(lines: list[str], index: int) -> bool:
    """A page's running header or footer: a line ending with its page number (`... - 10 June
    2024 - Page 34`), or printed right above or below a `Page 10` stamp (`Wigan Council -
    Children and Young People Scrutiny Committee - 14 May 2024`)."""
    if _ENDS_WITH_PAGE_NUMBER.search(lines[index].strip()):
        return True
    return any(
        0 <= other < len(lines) and is_page_stamp(lines[other]) for other in (index - 1, index + 1)
    )


def _label_cut_by_page(lines: list[str], index: int, rows: list[Row]) -> bool:
    """`Occupational` printed by a `Page 7` stamp, the next part of the table opening
    `Therapy<TAB>561 ...`: not page furniture but the first words of that row's label, when the
    two name a service (seed service_aliases) and the second alone does not."""
    text = lines[index].strip()
    if not text or "\t" in lines[index] or is_page_stamp(lines[index]) or len(text) > 40:
        return False
    if not rows or not _by_page_stamp(lines, index):
        return False
    if not rows[0].label:
        # `Occupational Therapy` right under the part above, the page break, then `<TAB>874<TAB>
        # 881 ...`: the label of the figures (a running footer stands further from the rows)
        return (
            rows[0].has_values
            and index > 0
            and "\t" in lines[index - 1]
            and not _NOT_A_HEADING_END.search(text)
        )
    label = rows[0].label
    return names_a_service(f"{text} {label}") and not names_a_service(label)


def _running_head(lines: list[str], index: int) -> bool:
    """A page's running head or foot one blank line from its `Page 16` stamp: a line printed by
    another page's stamp too (the report's title over every page), not one broken off mid-phrase
    (`Supported accommodation for young people aged` above the stamp, its row's first words). A
    section's heading printed once by a stamp, or elsewhere only in the prose, stays."""
    text = lines[index].strip()
    if not _near_page_stamp(lines, index) or dangles(text):
        return False
    if _titled_with_a_date(text):
        return True
    return any(
        other != index and line.strip() == text and _near_page_stamp(lines, other)
        for other, line in enumerate(lines)
    )


_TITLE_BEFORE_A_DATE = re.compile(r"^[^\t0-9]*[A-Za-z][^\t0-9]*\s[-–—|]\s*$")


def _titled_with_a_date(text: str) -> bool:
    """`Health Scrutiny Committee – 23 February 2026`: a body's name, a dash and a whole date at the
    end, the head a page prints of its meeting, even where only one page break shows it."""
    found = parse_date(text)
    if not found or not text.endswith(found[1]):
        return False
    before = text[: len(text) - len(found[1])]
    if not _TITLE_BEFORE_A_DATE.match(before):
        return False
    # the words name a body ('Health Scrutiny Committee'), not what a table counts ('Number of
    # children looked after – 31 March 2025' is the next table's caption)
    name = before.strip().rstrip("-–—|").strip()
    rules = load_boundaries()
    return rules.names_a_body(name) or bool(rules.bare_banner_name.match(name))


def _near_page_stamp(lines: list[str], index: int) -> bool:
    """A `Page 10` stamp right above or below the line, or one blank line away."""
    for step in (-1, 1):
        for other in (index + step, index + 2 * step):
            if not 0 <= other < len(lines):
                break
            if is_page_stamp(lines[other]):
                return True
            if not is_blank(lines[other]):
                break
    return False


def _without_repeated_header(rows: list[Row], header: list[Row]) -> list[Row]:
    """The run minus the table's header printed again at its top (after a page break)."""
    count = 0
    while count < min(len(header), len(rows)) and same_cells(header[count], rows[count]):
        count += 1
    return rows[count:] if count == len(header) and count < len(rows) else rows


def _goes_on(previous: list[Row], rows: list[Row], header: list[Row]) -> bool:
    """`rows` carry on the table above: the same layout, no columns beyond its own, no title, and
    not the header of another table of its kind; a narrower part is printed with the same TABs
    or opens with an unlabelled row (the rest of a row broken by the page break), and has no
    header of its own."""
    if detect_layout(previous) == "key_value" or detect_layout(rows) == "key_value":
        return False
    if width(rows) > tabs(previous) or title_row(rows):
        return False
    if header and similar_header(header[-1], rows[0]):
        return False  # the same kind of table again (a new as-of, a new area)
    if width(rows) == width(previous):
        return True
    # narrower: printed with the same TABs, or the rest of a row broken by the page break
    same_tabs = tabs(rows) == tabs(previous)
    broken_row = not rows[0].label or starts_lowercase(rows[0].label)
    return (same_tabs or broken_row) and not count_header_rows(rows)


def _repeats_caption(lines: list[str], index: int, first_line: int) -> bool:
    """A heading printed again over the table's continuation (`Glossary of Terms`)."""
    text = lines[index].strip()
    above = lines[max(0, first_line - 1 - MAX_PART_GAP_LINES) : first_line - 1]
    return any(line.strip() == text for line in above)


def _section_headings(lines: list[str], headings: list[int], previous, rows) -> bool:
    """Short heading lines between two parts printed with the very same TAB layout
    (`2. Early help and supporting families` between the rows of an action plan)."""
    if len(headings) > MAX_GAP_HEADINGS or count_header_rows(rows):
        return False  # a heading over a header of its own: the caption of a new table
    if tabs(rows) != tabs(previous):
        return False
    texts = [lines[i].strip() for i in headings]
    return all(
        len(t) <= SECTION_HEADING_MAX_CHARS and not _NOT_A_HEADING_END.search(t) for t in texts
    )


def _heading_rows(lines: list[str], headings: list[int]) -> list[Row]:
    """Section headings kept in the table as label-only rows, on their own lines."""
    return [Row(i + 1, [lines[i]], [clean_text(lines[i])]) for i in headings]


def _opens_titled_table(rows: list[Row], i: int) -> bool:
    """Row `i` opens the title rows of a table stacked under the one above (tested on the row
    first: most rows are not titles, and the rest of the run is only sliced for those)."""
    return rows[i].is_title() and not rows[i - 1].is_title() and title_row(rows[i:])


def split_stacked(runs: list[dict]) -> list[dict]:
    """Cut a run where a stacked table begins: its header printed again under a new first cell,
    or a title row over a header of its own."""
    result = []
    for run in runs:
        result.extend(_split_run(run))
    return result


def _split_run(run: dict) -> list[dict]:
    rows = run["rows"]
    header = header_rows(rows)
    start = rows.index(header[-1]) + 1 if header else 0
    heads_stacked = stacked_table_test(header)
    periods_header = bool(header) and periods_only(header[0])
    cuts = [
        i
        for i in range(start + 1, len(rows))
        if heads_stacked(rows[i])
        or _opens_titled_table(rows, i)
        or (periods_header and periods_only(rows[i]))  # `Activity<TAB>2023/24<TAB>2024/25`
    ]
    if not cuts:
        return [run]
    parts = []
    for begin, end in zip([0, *cuts], [*cuts, len(rows)], strict=True):
        part_rows = rows[begin:end]
        first = run["first"] if begin == 0 else part_rows[0].line
        last = run["last"] if end == len(rows) else rows[end].line - 1
        parts.append({"first": first, "last": last, "rows": part_rows, "stacked": begin > 0})
    return parts
