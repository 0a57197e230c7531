"""A table's header: which rows head it, and one resolved name per column."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.captions import phrases
from ingest.cells import VALUE_KINDS, is_value
from ingest.dates import QUARTER
from ingest.rows import Row, starts_lowercase, trim
from ingest.stitching import opens_a_part_column

COLUMN_HEADING_MAX_CHARS = 60
COLUMN_HEADING_MAX_WORDS = 8
HEADER_CELL_MAX_CHARS = 150  # over a table of values a heading may be a question, not a page


MAX_TITLE_ROWS = 3


def title_rows(rows: list[Row]) -> list[Row]:
    """First rows holding only a title (`SCC Adult Social Care Services<TAB><TAB>`, or a section
    title and its description) above a header row: they belong to the caption, and the header
    is the row under them."""
    count = 0
    while count < min(MAX_TITLE_ROWS, len(rows) - 2) and rows[count].is_title():
        count += 1
        if count_header_rows(rows[count:]):
            return rows[:count]
    return []


def leading_titles(rows: list[Row]) -> list[Row]:
    """The title rows a table opens with: over its header, or one over a table with no header
    (unless more such rows follow: then it is the first section row, like the others)."""
    titles = title_rows(rows)
    if titles or len(rows) < 3 or not rows[0].is_title():
        return titles
    if any(r.is_title() for r in rows[1:]) or count_header_rows(rows):
        return []
    return rows[:1]


def title_row(rows: list[Row]) -> bool:
    return bool(title_rows(rows))


def header_rows(rows: list[Row]) -> list[Row]:
    """The header rows of a run, under its title rows if it has any."""
    start = len(title_rows(rows))
    return rows[start : start + count_header_rows(rows[start:])]


def count_header_rows(rows: list[Row]) -> int:
    if len(rows) < 2 or not _first_row_is_header(rows):
        return 0
    count = 1
    while count < len(rows) - 1 and _continues_header(rows[count], rows[count + 1 :], rows[:count]):
        count += 1
    return count


def _first_row_is_header(rows: list[Row]) -> bool:
    first = rows[0].clean
    if first[0].endswith(":"):
        return False  # a form: `Report to:<TAB>COMMITTEE`
    if _numbered_like_the_rows_below(rows):
        return False  # `13.0<TAB>Financial considerations:` over `14.0<TAB>...`
    if any(len(c) > HEADER_CELL_MAX_CHARS for c in first):
        return False
    if _dates_over_headings(rows) or _over_a_line_of_years(rows):
        return True
    if _years_only(rows[0]) and any(r.has_values for r in rows[1:]):
        return True  # `<TAB>2023<TAB>2024` over labelled rows of figures
    if _periods_beside_a_heading(rows):
        return True
    if rows[0].has_body_cells or any(
        starts_lowercase(c) and not opens_a_part_column(c) for c in first[1:]
    ):
        return False  # values, or words going on from a row above a page break
    body_values = any(r.has_body_cells for r in rows[1:])
    if body_values:
        named = [c for c in first[1:] if c]
        return len(named) > 1 or bool(named) and _reads_as_headings(named)  # not one sentence
    heads = [c for c in first if c]
    if len(heads) < 2 or not _reads_as_headings(heads):
        return False
    body = [c for r in rows[1:] for c in r.clean if c]
    head_length = sum(map(len, heads)) / len(heads)
    body_length = sum(map(len, body)) / max(1, len(body))
    return body_length >= 1.3 * head_length


def _dates_over_headings(rows: list[Row]) -> bool:
    """`\t31 March 2023\t\t31 December 2023\t` over `Placement type\tNo.\t%\tNo.\t%`: dates
    with their day are body cells, except as group labels over a line of headings (no row
    label, no value, and the line below heads the label column under them); or the label
    column's heading beside the dates (`Placement type\t31 March 2025\t\t30 June 2025`) over
    a line of headings that leaves it empty (`\tNo.\t%\tNo.\t%`)."""
    first = rows[0]
    if first.has_values or "date" not in first.kinds[1:] or len(rows) < 3:
        return False
    if first.clean[0] and (rows[1].clean[0] or any(ch.isdigit() for ch in first.clean[0])):
        return False
    return _continues_header(rows[1], rows[2:], rows[:1])


def _periods_beside_a_heading(rows: list[Row]) -> bool:
    """`Waiting list<TAB>31 Aug 2024<TAB>31 Mar 2025`, `Activity<TAB>2023/24<TAB>2025/26 to
    date (Apr-Aug)` or `<TAB>31 Mar 2025<TAB>30 Jun 2025` (no heading) over labelled rows of
    figures that print no date or period themselves: a heading over the label column and each
    column's period. Dates with their day are body cells elsewhere (a decisions table dates
    every row)."""
    first = rows[0]
    if not (
        periods_only(first)
        or _one_period_beside_a_label(first)
        or _unlabelled_periods(first)
        or _periods_then_headings(first)
        or _periods_each_with_a_heading(first)
    ):
        return False
    body = [r for r in rows[1:] if not periods_only(r)]  # another section's heading aside
    return any(r.has_values for r in body) and not any(
        _PERIOD_KINDS.intersection(r.kinds[1:]) for r in body
    )


def _filled_cells_after_label(row: Row) -> list[tuple[str, str]]:
    """(text, kind) of each cell after the label that is not empty."""
    return [(c, k) for c, k in zip(row.clean[1:], row.kinds[1:], strict=False) if c]


def periods_only(row: Row) -> bool:
    """A label of words, and two cells or more after it that are each a date, a period or a
    fiscal year followed by words (`2025/26 to date (Apr-Aug)`)."""
    label = row.clean[0]
    cells = _filled_cells_after_label(row)
    if not label or any(ch.isdigit() for ch in label) or len(cells) < 2:
        return False
    return all(_is_period_cell(c, k) for c, k in cells)


def _one_period_beside_a_label(row: Row) -> bool:
    """A label of words and one date or period after it (`Waiting list<TAB>31st December
    2025`): the label column's heading and the one column's day."""
    label = row.clean[0]
    cells = _filled_cells_after_label(row)
    if not label or any(ch.isdigit() for ch in label) or len(cells) != 1:
        return False
    return _is_period_cell(*cells[0])


def _periods_then_headings(row: Row) -> bool:
    """A label of words, two periods or more, then fewer cells of words after them
    (`Placement type<TAB>31 Mar 2025<TAB>30 Jun 2025<TAB>% of total (Dec)`, `...<TAB>Target`):
    the periods' columns and a heading or two of columns read beside them."""
    label = row.clean[0]
    cells = _filled_cells_after_label(row)
    if not label or any(ch.isdigit() for ch in label):
        return False
    periods = 0
    while periods < len(cells) and _is_period_cell(*cells[periods]):
        periods += 1
    rest = cells[periods:]
    return periods >= 2 and 0 < len(rest) < periods and all(k == "text" for _, k in rest)


def _periods_each_with_a_heading(row: Row) -> bool:
    """A label of words, then two periods or more, each with a short heading of words after it
    (`Placement type<TAB>31/03/2025<TAB>%<TAB>31/12/2025<TAB>%`): each period's column and the
    column read beside it."""
    label = row.clean[0]
    cells = _filled_cells_after_label(row)
    if not label or any(ch.isdigit() for ch in label):
        return False
    periods = [i for i, (c, k) in enumerate(cells) if _is_period_cell(c, k)]
    headings = [i for i in range(len(cells)) if i not in periods]
    return (
        len(periods) >= 2
        and bool(headings)
        and all(
            cells[i][1] == "text"
            and len(cells[i][0]) <= SHORT_HEADING_MAX_CHARS
            and i - 1 in periods
            for i in headings
        )
    )


def _is_period_cell(cell: str, kind: str) -> bool:
    return (
        kind in _PERIOD_KINDS
        or bool(_OPENS_WITH_FISCAL_YEAR.match(cell))
        or bool(_OPENS_WITH_QUARTER_OF_A_YEAR.match(cell))
    )


def _unlabelled_periods(row: Row) -> bool:
    """No label, and two cells or more that are each a date or a period (`<TAB>31 Mar 2025<TAB>30
    Jun 2025`), or a fiscal year followed by words (`<TAB>2024/25 (full year)<TAB>2025/26 (Apr -
    Sep)`)."""
    cells = _filled_cells_after_label(row)
    return not row.clean[0] and len(cells) >= 2 and all(_is_period_cell(c, k) for c, k in cells)


_PERIOD_KINDS = frozenset({"date", "period"})
SHORT_HEADING_MAX_CHARS = 12  # `%`, `No.`, `% of total`: a heading read beside a period's column
_OPENS_WITH_FISCAL_YEAR = re.compile(r"^(?:19|20)\d{2}\s*[/–-]\s*\d{2}(?:\d{2})?\b")
# `Q1 2025/26 (30 June 2025)`, `Quarter 3 2025/26`: a quarter and its year, words after them
_OPENS_WITH_QUARTER_OF_A_YEAR = re.compile(
    rf"^{QUARTER}\s*[1-4]\s+(?:19|20)\d{{2}}\s*[/–-]\s*\d{{2}}(?:\d{{2}})?\b", re.IGNORECASE
)


def _over_a_line_of_years(rows: list[Row]) -> bool:
    """`Placement type<TAB>31 March<TAB>31 March ...` over `<TAB>2020<TAB>2021 ...`: a day
    and month (or any heading) over each column, its year on the line below; the first row's
    cells are no values then, and the years are no figures."""
    if len(rows) < 3 or not rows[0].clean[0] or not _years_only(rows[1]):
        return False
    heads = [c for c in rows[0].clean[1:] if c]
    return len(heads) >= 2 and not any(ch.isdigit() for ch in rows[0].clean[0])


def _years_only(row: Row) -> bool:
    """No row label, and two or more cells that are each a year (`2020`) or a fiscal year."""
    cells = [c for c in row.clean[1:] if c]
    return not row.clean[0] and len(cells) >= 2 and all(_YEAR.match(c) for c in cells)


_YEAR = re.compile(r"^(?:19|20)\d{2}(?:\s*[/–-]\s*(?:19|20)?\d{2})?$")


def _numbered_like_the_rows_below(rows: list[Row]) -> bool:
    """The first row's label is a number printed the same way as labels below it (`13.0`,
    `14.0`): a numbered item, not a heading."""
    shape = rows[0].label_shape
    if shape is None:
        return False
    return any(r.label_shape == shape for r in rows[1:])


def _reads_as_headings(cells: list[str]) -> bool:
    """Over a table of words only, headings are told by being short."""
    return not any(
        len(c) > COLUMN_HEADING_MAX_CHARS or len(c.split()) > COLUMN_HEADING_MAX_WORDS
        for c in cells
    )


def _continues_header(row: Row, below: list[Row], above: list[Row]) -> bool:
    """A second header line: no values, values further down, and either no row label or the
    first heading of the label column under group labels that span its columns (`\t2023/24`
    over `Measure\tJan\tFeb\tMar`)."""
    cells = row.clean
    if _years_only(row) and any(r.has_values for r in below):
        return True  # the years under day-and-month headings (`_over_a_line_of_years`)
    if _dates_under_headings(row, above) and any(r.has_values for r in below):
        return (
            True  # `<TAB>31 Mar 2024<TAB>31 Mar 2025<TAB>(2024)` under `Indicator<TAB>Surrey ...`
        )
    if _years_under_headings(row, above) and any(r.has_values for r in below):
        return True  # `<TAB>Outturn<TAB>2025/26<TAB>neighbours (2024)` under `Indicator<TAB>...`
    if _wrapped_headings(row, above):
        return True
    if _periods_under_group_headings(row, above) and any(r.has_values for r in below):
        return True  # `Placement type<TAB>2024/25<TAB>2025/26` under `<TAB>Q4<TAB>Q1`
    if not any(cells[1:]) or _has_bare_values(row):
        return False
    if cells[0] and not _heads_label_column_under_groups(row, above):
        return False
    return any(r.has_values for r in below)


WRAPPED_HEADING_MAX_WORDS = 3


def _wrapped_headings(row: Row, above: list[Row]) -> bool:
    """`<TAB><TAB>maker<TAB>decision<TAB>decision` under `Ref<TAB>Matter for decision<TAB>
    Decision<TAB>Date of<TAB>Key`: the ends of headings wrapped onto a second line, in a table of
    words (a forward plan) where no value below tells header from body. Two or more short cells
    opening in lower case, each under a heading, and no row label."""
    cells = row.clean
    if cells[0] or not above or row.has_values:
        return False
    heads = above[-1].clean
    named = [(i, c) for i, c in enumerate(cells) if c]
    return len(named) >= 2 and all(
        _wraps_heading_above(c, heads[i] if i < len(heads) else "") for i, c in named
    )


def _dates_under_headings(row: Row, above: list[Row]) -> bool:
    """No row label, and every cell a date with its day or a year alone or in brackets, under a
    header line that names the label column: the date of each column's heading. A heading's
    last word wrapped onto the line is one of its cells (`<TAB>31 Mar 2025<TAB>2025/26<TAB>
    neighbours<TAB>(2024)` under `Indicator<TAB>Herefordshire<TAB>Target<TAB>Statistical<TAB>
    England`)."""
    cells = [(i, c, k) for i, (c, k) in enumerate(zip(row.clean, row.kinds, strict=False)) if c]
    if row.clean[0] or len(cells) < 2 or not above or not above[-1].clean[0]:
        return False
    heads = above[-1].clean
    return any(k == "date" for _, _, k in cells) and all(
        kind == "date"
        or _YEAR.match(cell.strip("()"))
        or _wraps_heading_above(cell, heads[i] if i < len(heads) else "")
        for i, cell, kind in cells
    )


def _years_under_headings(row: Row, above: list[Row]) -> bool:
    """No row label, and cells that are each a year or a fiscal year (alone or in brackets) or a
    heading's last words (`neighbours (2024)`, `Outturn`), two or more of them years, each under
    a heading of a header line that names the label column: the year of each column's heading
    (`<TAB>Outturn<TAB>2025/26<TAB>2025/26<TAB>neighbours (2024)<TAB>(2024)` under `Indicator
    <TAB>2024/25<TAB>Q1<TAB>Q2<TAB>Statistical<TAB>England`). A body row prints figures."""
    cells = [(i, c) for i, c in enumerate(row.clean) if c]
    if row.clean[0] or len(cells) < 2 or not above or not above[-1].clean[0]:
        return False
    heads = above[-1].clean
    years = [c for _, c in cells if _heading_year(c)]
    return len(years) >= 2 and all(
        i < len(heads) and heads[i] and (_heading_year(c) or _heading_words(c)) for i, c in cells
    )


def _heading_year(cell: str) -> bool:
    """A fiscal year (`2025/26`) or a year in brackets (`(2024)`): a bare four-digit number may
    be a figure."""
    return bool(_YEAR.match(cell.strip("()"))) and (
        cell.startswith("(") or not cell.strip().isdigit()
    )


_BRACKETED_YEAR_AT_END = re.compile(r"\s*\((?:19|20)\d{2}(?:\s*[/–-]\s*(?:19|20)?\d{2})?\)$")


def _heading_words(cell: str) -> bool:
    """A few words and no figure (but a year in brackets at the end): a heading's words."""
    words = _BRACKETED_YEAR_AT_END.sub("", cell).split()
    return 0 < len(words) <= WRAPPED_HEADING_MAX_WORDS and not any(
        ch.isdigit() for w in words for ch in w
    )


def _wraps_heading_above(cell: str, heading: str) -> bool:
    """A heading's last words printed on the next line: short, in lower case, under a
    heading."""
    return (
        bool(heading) and starts_lowercase(cell) and len(cell.split()) <= WRAPPED_HEADING_MAX_WORDS
    )


def _periods_under_group_headings(row: Row, above: list[Row]) -> bool:
    """`Placement type<TAB>2024/25<TAB>2025/26<TAB>2025/26<TAB>Q4 to Q2` under `<TAB>Q4<TAB>Q1
    <TAB>Q2<TAB>Change`: the label column's heading, and the year (or the day: `31 Mar 2025`) of
    each quarter over it (a heading of words may stand beside them), under a header line naming
    every column it fills and not the label column."""
    if not above or above[-1].clean[0] or row.has_values:
        return False
    label = row.clean[0]
    if not label or any(ch.isdigit() for ch in label):
        return False
    heads = above[-1].clean
    cells = [
        (i, c, k) for i, (c, k) in enumerate(zip(row.clean, row.kinds, strict=False)) if c and i
    ]
    periods = [
        c for _, c, k in cells if k == "date" or _YEAR.match(c) or _OPENS_WITH_FISCAL_YEAR.match(c)
    ]
    return len(periods) >= 2 and all(i < len(heads) and heads[i] for i, _, _ in cells)


def _has_bare_values(row: Row) -> bool:
    """A value after the label, other than a heading's words that open with a number (`20
    working days` under `Responded within`, beside other headings)."""
    kinds = row.kinds[1:]
    cells = row.clean[1:]
    worded = [
        kind in VALUE_KINDS and sum(ch.isalpha() for ch in cell) >= 4
        for kind, cell in zip(kinds, cells, strict=False)
    ]
    if any(worded) and not row.clean[0] and "text" in kinds:
        return any(kind in VALUE_KINDS and not w for kind, w in zip(kinds, worded, strict=False))
    return row.has_values


def _heads_label_column_under_groups(row: Row, above: list[Row]) -> bool:
    """`row` names more columns than any header line above it, none of which named the label
    column: the lines above are group labels over its headings."""
    if not above or any(r.clean[0] for r in above):
        return False
    named = [c for c in row.clean[1:] if c]
    if not _reads_as_headings(row.clean):
        return False
    return len(named) > max(r.n_filled for r in above) or _names_columns_a_group_spans(
        row, above[-1]
    )


def _names_columns_a_group_spans(row: Row, group: Row) -> bool:
    """`Placement type<TAB><TAB>Under 20 miles<TAB>20 miles or more<TAB>` under `<TAB>In
    Hackney<TAB>Outside Hackney<TAB><TAB>Total`: a heading under an empty cell of the line above
    whose left neighbour is a group label spreading over it."""
    heads = group.clean
    return any(
        cell and i < len(heads) and not heads[i] and heads[i - 1]
        for i, cell in enumerate(row.clean)
        if i > 1
    )


def same_cells(a: Row, b: Row) -> bool:
    """The same line printed again (a header repeated after a page break)."""
    return [c.lower() for c in trim(a.clean)] == [c.lower() for c in trim(b.clean)]


def similar_header(header: Row, row: Row) -> bool:
    """`row` prints at least half the header's column headings (and no values): the header of
    another table of the same kind (`% waiting more` over a new as-of date)."""
    heads = [c.lower() for c in header.clean[1:] if c]
    cells = [c.lower() for c in row.clean[1:] if c]
    if not cells or not heads or any(is_value(c) for c in cells):
        return False
    alike = sum(1 for c in cells if any(c.startswith(h) or h.startswith(c) for h in heads))
    return alike / len(cells) >= 0.5


def heads_stacked_table(header: list[Row], row: Row) -> bool:
    """`row` repeats the header's column headings under a new first cell: the title of a stacked
    sub-table (`Partnership and Development\tQ1\tQ2\tQ3\tQ4\tTOTAL`)."""
    return stacked_table_test(header)(row)


def stacked_table_test(header: list[Row]) -> Callable[[Row], bool]:
    """`heads_stacked_table(header, row)` as a test of rows alone, the header's side worked
    out once: a run's rows are all tested against the same header."""
    if not header or not header[-1].clean[0]:
        return _never
    heads = [c.lower() for c in trim(header[-1].clean)]
    if len(heads) < 3:
        return _never
    first, rest = heads[0], heads[1:]

    def heads_stacked(row: Row) -> bool:
        if not row.clean[0]:
            return False
        cells = trim(row.clean)
        if len(cells) != len(heads) or cells[0].lower() == first:
            return False  # (lists of other lengths are never equal)
        return [c.lower() for c in cells[1:]] == rest

    return heads_stacked


def _never(row: Row) -> bool:
    return False


def resolve_columns(header_rows: list[Row], n_columns: int) -> list[str]:
    """Join header lines per column; a group label spanning empty cells fills them."""
    grid = [r.clean + [""] * (n_columns - len(r.clean)) for r in header_rows]
    if len(grid) >= 2:
        grid[0] = _fill_group_labels(grid)
    columns = []
    for col in range(n_columns):
        name = ""
        for row in grid:
            part = row[col]
            if part and not name.lower().endswith(part.lower()):
                name = f"{name} {part}".strip()
        columns.append(name)
    return columns


def _fill_group_labels(grid: list[list[str]]) -> list[str]:
    top = list(grid[0])
    for col in range(1, len(top)):
        lower_has_text = any(row[col] for row in grid[1:])
        if not top[col] and top[col - 1] and lower_has_text and col - 1 > 0:
            top[col] = top[col - 1]
    return top


def caption_in_first_header_cell(
    header_rows: list[Row], body_rows: list[Row], *, stacked: bool = False
) -> str | None:
    """`<i>Waiting lists (% waiting more than 18 weeks)</i> Data as of the end of December 2023`
    printed where the row-label column's heading would be; or the title of a stacked sub-table
    (`Partnership and Development\\tQ1\\tQ2...`)."""
    if not header_rows or not body_rows:
        return None
    first = header_rows[0].clean[0]
    if first and (
        stacked or phrases().as_of.search(first) or len(first) > COLUMN_HEADING_MAX_CHARS
    ):
        return first
    return None
