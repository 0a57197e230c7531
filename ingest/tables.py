"""Find every table in a pack: runs of TAB-separated lines, with caption, resolved header,
stitched rows and the line of every cell.

The steps, each in its own module:
1. runs.find_runs         consecutive lines holding a TAB; markdown rules (`--\t---`) dropped;
                          a running footer or a page's TAB-printed banner is no table;
2. runs.merge_runs        the parts of a table cut by page breaks, a repeated header or a
                          section heading joined; never across a document start;
3. runs.split_stacked     tables stacked in one run (each under its own title) cut apart;
4. rows.detect_layout     `grid`, or `key_value` when the cells carry their own labels
                          (`Average wait: 26 weeks ↓`);
5. headers                the title row, the header rows (joined per column), a caption printed
                          in the first header cell moved to the caption;
6. stitching.stitch_rows  a label or a cell broken over two lines joined into one logical row,
                          each part keeping its own line;
7. captions               the heading or caption lines just above, and any as-of phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.captions import CaptionFinder, find_as_of
from ingest.cells import VALUE_KINDS, cell_kind
from ingest.dates import QUARTER
from ingest.headers import (
    caption_in_first_header_cell,
    count_header_rows,
    leading_titles,
    resolve_columns,
)
from ingest.rows import Row, detect_layout, tabs, trim
from ingest.runs import (
    drop_page_banners,
    drop_running_footers,
    find_runs,
    floor_line,
    merge_runs,
    split_stacked,
)
from ingest.stitching import stitch_rows


@dataclass(slots=True)
class TableCell:
    row_index: int
    col_index: int
    part: int
    row_label: str | None
    column_name: str | None
    cell_key: str | None
    raw_text: str
    clean_text: str
    line_number: int


@dataclass
class Table:
    first_line: int
    last_line: int
    layout: str
    caption: str | None
    caption_first_line: int | None
    as_of_text: str | None
    header_first_line: int | None
    header_last_line: int | None
    column_names: list[str]
    n_header_rows: int
    n_body_rows: int
    cells: list[TableCell] = field(default_factory=list)


def find_tables(
    lines: list[str], document_starts: Sequence[int] = (), cleaned: list[str] | None = None
) -> list[Table]:
    """Every table of a pack. `document_starts` (first lines of its documents) are walls: a
    table never runs on across one, and a caption is never looked for above one. `cleaned`
    is `clean_text` of every line, if worked out already."""
    starts = sorted(document_starts)
    runs = drop_page_banners(drop_running_footers(find_runs(lines)), lines)
    runs = split_stacked(merge_runs(runs, lines, starts))
    captions = CaptionFinder(lines, cleaned)
    tables: list[Table] = []
    above: tuple[str | None, int | None] = (None, None)
    for run in runs:
        if not run.get("stacked"):
            above = captions.find(run["first"], floor_line(starts, run["first"]))
        tables.append(build_table(run, above))
    return tables


def build_table(run: dict, above: tuple[str | None, int | None]) -> Table:
    """One table from its run of rows; `above` is the caption printed above it (a stacked
    table shares the caption of the table it is stacked under)."""
    rows: list[Row] = _without_indents(_with_label_column(run["rows"]))
    layout = detect_layout(rows)
    titles = leading_titles(rows) if layout == "grid" else []
    rows = rows[len(titles) :]
    n_header = 0 if layout == "key_value" else count_header_rows(rows)
    header_rows, body_rows = rows[:n_header], rows[n_header:]
    columns = resolve_columns(header_rows, tabs(rows))
    caption, caption_line = above
    own_titles = [title.label for title in titles]
    header_caption = caption_in_first_header_cell(
        header_rows, body_rows, stacked=run.get("stacked", False)
    )
    if header_caption:
        columns[0] = ""
        own_titles.append(header_caption)
    if own_titles:
        caption = " / ".join([*([caption] if caption else []), *own_titles])
        caption_line = caption_line or ([*titles, *header_rows][0]).line
    table = Table(
        first_line=run["first"],
        last_line=run["last"],
        layout=layout,
        caption=caption,
        caption_first_line=caption_line,
        as_of_text=find_as_of(caption, columns),
        header_first_line=header_rows[0].line if header_rows else None,
        header_last_line=header_rows[-1].line if header_rows else None,
        column_names=columns,
        n_header_rows=n_header,
        n_body_rows=0,
    )
    table.cells.extend(_header_cells(header_rows, columns))
    logical = stitch_rows(body_rows, len(columns)) if layout == "grid" else [[r] for r in body_rows]
    table.n_body_rows = len(logical)
    table.cells.extend(_body_cells(logical, columns, layout))
    return table


def _with_label_column(rows: list[Row]) -> list[Row]:
    """The rows with an empty label cell first when the table prints none: a header of periods
    from its first cell on (`Q1<TAB>Q2<TAB>Q3<TAB>Q4<TAB>Total`) over rows of figures from
    theirs (`79<TAB>88<TAB>91<TAB>83<TAB>341`). Read as they are, Q1's figure would label the
    row and be lost."""
    if len(rows) < 2 or not all(_is_period_heading(cell) for cell in rows[0].clean[:2]):
        return rows
    if not all(
        row.kinds[0] in VALUE_KINDS and len(row.clean) == len(rows[0].clean) for row in rows[1:]
    ):
        return rows
    return [Row(row.line, ["", *row.raw], ["", *row.clean]) for row in rows]


def _without_indents(rows: list[Row]) -> list[Row]:
    """The rows with an indent taken out: a row printed one cell to the right of the others, its
    label after an empty first cell (`<TAB>of which autism<TAB>6,412<TAB>...`), one cell wider
    than every row with a label of its own. Read as it is, its label would fall under the first
    column's header and each figure under the next column's."""
    labelled = [len(trim(row.clean)) for row in rows if row.clean[0]]
    if not labelled:
        return rows
    widest = max(labelled)
    return [
        Row(row.line, row.raw[1:], row.clean[1:]) if _is_indented(row, widest) else row
        for row in rows
    ]


def _is_indented(row: Row, widest: int) -> bool:
    return (
        len(row.clean) > 2
        and not row.clean[0]
        and bool(row.clean[1])
        and row.kinds[1] not in VALUE_KINDS
        and len(trim(row.clean)) == widest + 1
    )


def _is_period_heading(cell: str) -> bool:
    return cell_kind(cell) in ("period", "month") or _OPENS_WITH_A_QUARTER.match(cell) is not None


_OPENS_WITH_A_QUARTER = re.compile(rf"^\s*{QUARTER}\s*[1-4]\b", re.IGNORECASE)


def _header_cells(header_rows: list[Row], columns: list[str]) -> list[TableCell]:
    cells = []
    for part, row in enumerate(header_rows):
        for col, raw in enumerate(row.raw):
            if raw.strip():
                cells.append(
                    TableCell(
                        -1, col, part, None, columns[col], None, raw, row.clean[col], row.line
                    )
                )
    return cells


def _body_cells(logical: list[list[Row]], columns: list[str], layout: str) -> list[TableCell]:
    key_value = layout == "key_value"
    widest = max((len(row.raw) for group in logical for row in group), default=0)
    names = [name or None for name in columns] + [None] * (widest - len(columns))
    no_keys = [None] * widest
    cells = []
    for row_index, group in enumerate(logical):
        label = None if key_value else (" ".join(r.clean[0] for r in group if r.clean[0]) or None)
        for part, row in enumerate(group):
            keys, clean, line = row.inline_keys if key_value else no_keys, row.clean, row.line
            cells.extend(
                TableCell(row_index, col, part, label, names[col], keys[col], raw, clean[col], line)
                for col, raw in enumerate(row.raw)
                if raw.strip()
            )
    return cells
