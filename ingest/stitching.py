"""Stitch a table's physical rows into logical rows: a label or a cell broken over two lines
(often over a page break) is one row, each part keeping its own line.

The evidence, from strongest: a label stub (`Comparison` / `Totals for 2013/14`, stitching.yml);
a cell ending on a word it cannot end on (`Customer Feedback and`), an open bracket or a dash;
words going on in lower case (`on all the information ...`); an unlabelled line whose values
fill the blanks of the line above (`18/27` over `66.67%`). Consecutive complete items under an
empty label (a list in one column) stay separate rows.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from ingest.cells import VALUE_KINDS
from ingest.rows import Row, starts_lowercase
from ingest.rules import RULES_DIR, read_rules

STITCHING_FILE = RULES_DIR / "stitching.yml"


@cache
def _spec(path: Path = STITCHING_FILE) -> dict:
    return read_rules(path)


@cache
def label_stubs() -> frozenset[str]:
    return frozenset(stub.lower() for stub in _spec()["label_stubs"])


@cache
def part_column_openers() -> tuple[str, ...]:
    return tuple(str(words).lower() for words in _spec()["part_column_openers"])


def opens_a_part_column(cell: str) -> bool:
    """A header cell in lower case naming a part of the row (`of whom UASC`)."""
    return cell.lower().startswith(part_column_openers())


@cache
def dangling_words() -> frozenset[str]:
    return frozenset(str(word).lower() for word in _spec()["dangling_words"])


def stitch_rows(rows: list[Row], width: int = 0) -> list[list[Row]]:
    """Group physical rows into logical rows (`width`: the table's columns, label included)."""
    logical: list[list[Row]] = []
    for row in rows:
        shifted = logical and shifted_continuation(logical, row, width)
        if shifted:
            logical[-1].append(shifted)
        elif logical and is_continuation(logical[-1], row):
            logical[-1].append(row)
        else:
            logical.append([row])
    return logical


def shifted_continuation(logical: list[list[Row]], row: Row, width: int) -> Row | None:
    """`West<TAB>231`, a page break, then `<TAB>91<TAB>14`: the rest of a row broken by the page,
    whose cells lost their columns in the conversion (they start again after the label). The
    row above stops short of the table's last column, this line has no label and as many values
    as the columns left, side by side, and rows above fill those columns: its values are
    those columns' (the line, re-columned). Any doubt leaves it a row of its own."""
    previous = logical[-1][-1]
    if row.label or row.line - previous.line < 2 or not previous.label:
        return None
    values = row.clean[1:]
    filled = [i for i, c in enumerate(previous.clean) if c]
    last = filled[-1] if filled else 0
    if last == 0 or not values or len(values) != width - 1 - last:
        return None
    if any(kind not in VALUE_KINDS for kind in row.kinds[1:]):
        return None
    if not any(r.is_value(width - 1) for group in logical[:-1] for r in group):
        return None
    pad = [""] * (last + 1)
    return Row(row.line, pad + row.raw[1:], pad + values)


def is_continuation(group: list[Row], row: Row) -> bool:
    previous = group[-1]
    if row.label:
        return _label_goes_on(previous, row)
    if not previous.label and len(group) == 1:
        return False
    pairs = [(previous.cell(i), c) for i, c in enumerate(row.clean) if i > 0 and c]
    if not pairs:
        return False
    kinds = [(previous.kind(i), row.kinds[i]) for i, c in enumerate(row.clean) if i > 0 and c]
    if all(b == "text" for _, b in kinds):
        return any(dangles(a) or starts_lowercase(b) for a, b in pairs)  # a wrapped cell
    return all(a != b and b != "text" for a, b in kinds)


# `c = fewer than 5; included in the total`, `U = upheld; PU = partly upheld`: a key to the
# table's codes under it, never the rest of the label above
_LEGEND_LINE = re.compile(r"^\S{1,4}\s*=\s*\S")


def _label_goes_on(previous: Row, row: Row) -> bool:
    before = previous.label
    if not before or _LEGEND_LINE.match(row.label):
        return False
    if before.lower() in label_stubs():
        return True
    if _values_in_the_same_columns(previous, row):
        return False  # two rows of figures: `Standard of` lost its words, it is not continued
    if _next_label_broken_below(previous, row):
        return False
    if dangles(before) or starts_lowercase(row.label) and not before.endswith("."):
        return True
    return _cells_go_on(previous, row) or _service_name_broken_by_page(previous, row)


def _next_label_broken_below(previous: Row, row: Row) -> bool:
    """`Children's homes (in-house<TAB>37<TAB>6%` (its bracket never closed) over `Children's
    homes (external / out of` with no figures: the second line opens a label of its own, in
    capitals and itself broken off, whose figures come below; it is not the rest of the row
    above, which has its figures."""
    return (
        previous.has_values
        and not row.has_values
        and not starts_lowercase(row.label)
        and dangles(row.label)
    )


def _service_name_broken_by_page(previous: Row, row: Row) -> bool:
    """`Occupational` alone, a page break, then `Therapy<TAB>561<TAB>553 ...`: a label with no
    figures, and after a gap the rest of a service's name with the row's figures (the two words
    name a service of seed service_aliases, the second alone none)."""
    if previous.n_filled != 1 or not row.has_values or row.line - previous.line < 2:
        return False
    return names_a_service(f"{previous.label} {row.label}") and not names_a_service(row.label)


SERVICE_ALIASES_SEED = Path(__file__).resolve().parents[1] / "dbt" / "seeds" / "service_aliases.csv"


@cache
def _service_patterns() -> tuple[re.Pattern, ...]:
    """The service names of seed service_aliases (read here so ingest and dbt know the same)."""
    with SERVICE_ALIASES_SEED.open(encoding="utf-8", newline="") as handle:
        return tuple(re.compile(row["pattern"]) for row in csv.DictReader(handle))


def names_a_service(text: str) -> bool:
    return any(p.search(text) for p in _service_patterns())


def _values_in_the_same_columns(previous: Row, row: Row) -> bool:
    return not row.value_columns.isdisjoint(previous.value_columns)


def _cells_go_on(previous: Row, row: Row) -> bool:
    """Cells of the line above break off mid-phrase and go on in this line: two of them, or one
    when a page break (blank lines) falls between the two lines."""
    kinds = row.kinds
    if any(kinds[i] != "text" for i, c in enumerate(row.clean) if i > 0 and c):
        return False  # told first: most rows carry figures
    pairs = [(previous.cell(i), c) for i, c in enumerate(row.clean) if i > 0 and c]
    broken = sum(1 for a, b in pairs if a and (dangles(a) or starts_lowercase(b)))
    return broken >= (1 if row.line - previous.line > 1 else 2)


def dangles(text: str) -> bool:
    """The text stops where it cannot end: on `and`, `of`, a dash, a comma, an open bracket."""
    words = text.rsplit(maxsplit=1)  # the last word is all it reads
    if not words:
        return False
    if text.count("(") > text.count(")"):
        return True
    last = words[-1].lower()
    end = last[-1:]
    return last in dangling_words() or (not end.isalnum() and end in dangling_words())
