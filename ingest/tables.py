"""Find every table in a pack: runs of TAB-separated lines, with caption, resolved header,
stitched rows and the line of every cell.

The steps, each a small function:
1. `find_runs`      consecutive lines holding a TAB; markdown rules (`--\\t---`) dropped;
2. `merge_runs`     a run split by blank lines or a page break, continued with the same
                    columns and no new header, is one table;
3. `detect_layout`  `grid`, or `key_value` when the cells carry their own labels
                    (`Average wait: 26 weeks ↓`);
4. `split_header`   the header rows (several lines joined per column), a caption printed in
                    the first header cell moved to the caption;
5. `stitch_rows`    a label or a cell broken over two lines joined into one logical row, each
                    part keeping its own line;
6. `find_caption`   the heading or caption lines just above, and any as-of phrase.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from ingest.captions import AS_OF, PAGE_STAMP, CaptionFinder, find_as_of
from ingest.cells import cell_kind, is_separator_row, is_value, split_inline_key
from ingest.text import clean_text, is_blank

MAX_GAP_LINES = 3


@dataclass
class Row:
    """One physical line of a table.

    Each cell's inline key (`Average wait: 26 weeks` -> `Average wait`) is read once here:
    layout detection and the key_value cells both need it, for runs before and after merging.
    """

    line: int  # 1-based
    raw: list[str]
    clean: list[str]
    inline_keys: list[str | None] = field(init=False, repr=False)
    n_filled: int = field(init=False, repr=False)
    n_labelled: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        pairs = [split_inline_key(c) if c else None for c in self.clean]
        self.inline_keys = [pair[0] if pair else None for pair in pairs]
        self.n_filled = len(self.clean) - self.clean.count("")
        self.n_labelled = len(pairs) - pairs.count(None)


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


STITCHING_FILE = Path(__file__).with_name("stitching.yml")


@cache
def label_stubs(path: Path = STITCHING_FILE) -> frozenset[str]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(stub.lower() for stub in spec["label_stubs"])


def find_tables(lines: list[str], document_starts: Sequence[int] = ()) -> list[Table]:
    """Every table of a pack. `document_starts` (first lines of its documents) are walls: a
    table never runs on across one, and a caption is never looked for above one."""
    starts = sorted(document_starts)
    runs = merge_runs(find_runs(lines), lines, starts)
    captions = CaptionFinder(lines)
    return [build_table(run, captions, _floor(starts, run["first"])) for run in runs if run["rows"]]


def _floor(starts: list[int], line: int) -> int:
    """The first line of the document holding `line` (1 when there is none)."""
    index = bisect_right(starts, line)
    return starts[index - 1] if index else 1


def find_runs(lines: list[str]) -> list[dict]:
    runs: list[dict] = []
    current: dict | None = None
    for index, line in enumerate(lines):
        if "\t" not in line:
            current = None
            continue
        if current is None:
            current = {"first": index + 1, "last": index + 1, "rows": []}
            runs.append(current)
        current["last"] = index + 1
        raw = line.split("\t")
        if not is_separator_row(raw):
            current["rows"].append(Row(index + 1, raw, [clean_text(c) for c in raw]))
    return runs


def merge_runs(runs: list[dict], lines: list[str], starts: list[int] = ()) -> list[dict]:
    merged: list[dict] = []
    for run in runs:
        previous = merged[-1] if merged else None
        crosses = previous and _floor(starts, previous["last"]) != _floor(starts, run["first"])
        if previous and not crosses and _continues(previous, run, lines):
            previous["rows"].extend(run["rows"])
            previous["last"] = run["last"]
        else:
            merged.append(run)
    return merged


def _continues(previous: dict, run: dict, lines: list[str]) -> bool:
    """A table interrupted by blank lines or a page stamp, going on with the same columns."""
    gap = lines[previous["last"] : run["first"] - 1]
    if len(gap) > MAX_GAP_LINES or not all(is_blank(g) or PAGE_STAMP.match(g.strip()) for g in gap):
        return False
    if not previous["rows"] or not run["rows"]:
        return bool(previous["rows"] or run["rows"])
    if _width(previous["rows"]) != _width(run["rows"]):
        return False
    if detect_layout(previous["rows"]) == "key_value" or detect_layout(run["rows"]) == "key_value":
        return False
    return not _repeats_header(previous["rows"][0], run["rows"][0])


def _repeats_header(header: Row, first: Row) -> bool:
    """The next run opens with the same column headings: a new table, not a continuation."""
    heads = [c.lower() for c in header.clean[1:] if c]
    cells = [c.lower() for c in first.clean[1:] if c]
    if not cells or not heads:
        return False
    same = sum(1 for c in cells if c in heads)
    return same / len(cells) >= 0.5 and not any(is_value(c) for c in first.clean[1:])


def _width(rows: list[Row]) -> int:
    return max(len(_trim(r.clean)) for r in rows)


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end > 1 and not cells[end - 1]:
        end -= 1
    return cells[:end]


def detect_layout(rows: list[Row]) -> str:
    filled = sum(r.n_filled for r in rows)
    if filled < 3:
        return "grid"
    labelled = sum(r.n_labelled for r in rows)
    return "key_value" if labelled / filled >= 0.6 else "grid"


def build_table(run: dict, captions: CaptionFinder, floor: int = 1) -> Table:
    rows: list[Row] = run["rows"]
    layout = detect_layout(rows)
    width = max(len(r.raw) for r in rows)
    n_header = 0 if layout == "key_value" else count_header_rows(rows)
    header_rows, body_rows = rows[:n_header], rows[n_header:]
    columns = resolve_columns(header_rows, width)
    caption, caption_line = captions.find(run["first"], floor)
    header_caption = _caption_in_first_header_cell(header_rows, body_rows)
    if header_caption:
        columns[0] = ""
        caption = f"{caption} / {header_caption}" if caption else header_caption
        caption_line = caption_line or header_rows[0].line
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
    logical = stitch_rows(body_rows) if layout == "grid" else [[r] for r in body_rows]
    table.n_body_rows = len(logical)
    table.cells.extend(_body_cells(logical, columns, layout))
    return table


def count_header_rows(rows: list[Row]) -> int:
    if len(rows) < 2 or not _first_row_is_header(rows):
        return 0
    count = 1
    while count < len(rows) - 1 and _continues_header(rows[count], rows[count + 1 :]):
        count += 1
    return count


def _first_row_is_header(rows: list[Row]) -> bool:
    first = rows[0].clean
    if first[0].endswith(":"):
        return False  # a form: `Report to:<TAB>COMMITTEE`
    if any(is_value(c) for c in first[1:]):
        return False
    body_values = any(is_value(c) for r in rows[1:] for c in r.clean[1:])
    if body_values:
        return any(first[1:])
    heads = [c for c in first if c]
    if not heads or any(len(c) > 60 or len(c.split()) > 8 for c in heads):
        return False
    body = [c for r in rows[1:] for c in r.clean if c]
    head_length = sum(map(len, heads)) / len(heads)
    body_length = sum(map(len, body)) / max(1, len(body))
    return body_length >= 1.3 * head_length


def _continues_header(row: Row, below: list[Row]) -> bool:
    """A second header line: no row label, no values, and values further down."""
    cells = row.clean
    if cells[0] or not any(cells[1:]):
        return False
    if any(is_value(c) for c in cells[1:]):
        return False
    return any(is_value(c) for r in below for c in r.clean[1:])


def resolve_columns(header_rows: list[Row], width: int) -> list[str]:
    """Join header lines per column; a group label spanning empty cells fills them."""
    grid = [r.clean + [""] * (width - len(r.clean)) for r in header_rows]
    if len(grid) >= 2:
        grid[0] = _fill_group_labels(grid)
    columns = []
    for col in range(width):
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


def _caption_in_first_header_cell(header_rows: list[Row], body_rows: list[Row]) -> str | None:
    """`<i>Waiting lists (% waiting more than 18 weeks)</i> Data as of the end of December 2023`
    printed where the row-label column's heading would be."""
    if not header_rows or not body_rows:
        return None
    first = header_rows[0].clean[0]
    if first and (AS_OF.search(first) or len(first) > 60):
        return first
    return None


def stitch_rows(rows: list[Row]) -> list[list[Row]]:
    """Group physical rows into logical rows."""
    logical: list[list[Row]] = []
    for row in rows:
        if logical and _is_continuation(logical[-1], row):
            logical[-1].append(row)
        else:
            logical.append([row])
    return logical


def _is_continuation(group: list[Row], row: Row) -> bool:
    previous = group[-1]
    label, previous_label = row.clean[0], previous.clean[0]
    if label:
        if previous_label.lower() in label_stubs():
            return True
        return label[0].islower() and bool(previous_label) and not previous_label.endswith(".")
    if not previous_label and len(group) == 1:
        return False
    pairs = [
        (previous.clean[i] if i < len(previous.clean) else "", c)
        for i, c in enumerate(row.clean)
        if i > 0 and c
    ]
    if not pairs:
        return False
    kinds = [(cell_kind(a), cell_kind(b)) for a, b in pairs]
    if all(b == "text" for _, b in kinds):
        return True  # a wrapped cell: the words go on under it
    return all(a != b and b != "text" for a, b in kinds)


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
    names = [name or None for name in columns]
    cells = []
    for row_index, group in enumerate(logical):
        label = None if key_value else (" ".join(r.clean[0] for r in group if r.clean[0]) or None)
        for part, row in enumerate(group):
            keys = row.inline_keys if key_value else [None] * len(row.raw)
            for col, raw in enumerate(row.raw):
                if not raw.strip():
                    continue
                name = names[col] if col < len(names) else None
                cells.append(
                    TableCell(
                        row_index, col, part, label, name, keys[col], raw, row.clean[col], row.line
                    )
                )
    return cells
