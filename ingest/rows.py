"""One physical line of a table, and what can be told from its shape alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.cells import KEY_FIRST_CHARS, VALUE_KINDS, cell_kind, split_inline_key
from ingest.lazy import lazy_property

_QUOTES = "\"'“‘( "
_DIGITS = re.compile(r"\d+")


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
        first_chars = KEY_FIRST_CHARS  # a key opens with one of these: others spare the call
        pairs = [split_inline_key(c) if c[:1] in first_chars else None for c in self.clean]
        self.inline_keys = [pair[0] if pair else None for pair in pairs]
        self.n_filled = len(self.clean) - self.clean.count("")
        self.n_labelled = len(pairs) - pairs.count(None)

    @lazy_property
    def kinds(self) -> list[str]:
        """`cell_kind` of every cell, worked out once: header and stitching rules ask often."""
        return [cell_kind(c) for c in self.clean]

    @lazy_property
    def has_values(self) -> bool:
        """A value in a cell after the label."""
        return any(kind in VALUE_KINDS for kind in self.kinds[1:])

    @lazy_property
    def has_body_cells(self) -> bool:
        """A value, or a date with its day, after the label: what a table's body holds."""
        return any(kind in VALUE_KINDS or kind == "date" for kind in self.kinds[1:])

    @lazy_property
    def label_shape(self) -> str | None:
        """The label with each run of digits as `9` (`13.0` -> `9.9`), or None when the label
        holds no digit: how numbered items are told from headings."""
        label = self.clean[0]
        if not any(ch.isdigit() for ch in label):
            return None
        return _DIGITS.sub("9", label)

    @lazy_property
    def value_columns(self) -> frozenset[int]:
        """The columns after the label holding a value (`is_value`)."""
        kinds = self.kinds
        return frozenset(i for i in range(1, len(kinds)) if kinds[i] in VALUE_KINDS)

    def kind(self, col: int) -> str:
        return self.kinds[col] if col < len(self.kinds) else "empty"

    def is_value(self, col: int) -> bool:
        return col < len(self.kinds) and self.kinds[col] in VALUE_KINDS

    @property
    def label(self) -> str:
        return self.clean[0]

    def cell(self, col: int) -> str:
        return self.clean[col] if col < len(self.clean) else ""

    def is_title(self) -> bool:
        """Only its first cell printed, with TABs after it: `SCC Adult Social Care Services\\t\\t`,
        a table's (or a stacked sub-table's) title, or a section row."""
        return bool(self.clean[0]) and self.n_filled == 1 and len(self.clean) >= 2


def width(rows: list[Row]) -> int:
    """Columns the rows use: trailing empty cells do not count."""
    return max(len(trim(r.clean)) for r in rows)


def tabs(rows: list[Row]) -> int:
    """Cells the rows are printed with, empty ones included: the TAB layout."""
    return max(len(r.raw) for r in rows)


def trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end > 1 and not cells[end - 1]:
        end -= 1
    return cells[:end]


def detect_layout(rows: list[Row]) -> str:
    """`key_value` when most cells carry their own label (`Average wait: 26 weeks`)."""
    filled = sum(r.n_filled for r in rows)
    if filled < 3:
        return "grid"
    labelled = sum(r.n_labelled for r in rows)
    return "key_value" if labelled / filled >= 0.6 else "grid"


def starts_lowercase(text: str) -> bool:
    """Words going on from the line above (`on all the ...`): the text opens, after any quote
    mark, with a lower-case letter. A bullet (`- of which upheld`) opens an item of its own."""
    first = text.lstrip(_QUOTES)[:1]
    return first.isalpha() and first.islower()
