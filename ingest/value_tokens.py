"""The printed tokens that stand for "no number" ('-', 'NIL', 'N/A', 'Not known', 'TBC'...): one
list, the dbt seed ``value_tokens`` (dbt/seeds/value_tokens.csv), read here too so ingest and dbt
never disagree on what is a no-value cell.

The seed's patterns are regular expressions written for DuckDB (RE2) that Python's ``re`` reads
the same way; each matches a whole cell (``^...$``). dbt tests them with ``regexp_matches`` (a
search), and so does ``is_no_value``. A pattern's leading ``(?i)`` is kept as a scoped group so
that the patterns can be joined into one expression.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "dbt" / "seeds" / "value_tokens.csv"
_LEADING_FLAGS = re.compile(r"^\(\?([a-z]+)\)")


def token_rows(path: Path = SEED) -> list[dict[str, str]]:
    """The seed's rows: pattern, meaning, notes."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def python_pattern(pattern: str) -> str:
    """`(?i)^nil$|^none$` -> `(?i:^nil$|^none$)`: the same flags, scoped to the one pattern."""
    flags = _LEADING_FLAGS.match(pattern)
    if not flags:
        return f"(?:{pattern})"
    return f"(?{flags.group(1)}:{pattern[flags.end() :]})"


@cache
def _no_value_pattern(path: Path = SEED) -> re.Pattern:
    return re.compile("|".join(python_pattern(row["pattern"]) for row in token_rows(path)))


def is_no_value(text: str) -> bool:
    """True when `text` is a no-value token of the seed (as dbt's int_cell_atoms reads it)."""
    return _no_value_pattern().search(text) is not None
