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
from collections.abc import Callable
from functools import cache
from pathlib import Path
from re import _constants, _parser  # the tree `re` compiles from: read, never changed

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


@cache
def _no_value_test(path: Path = SEED) -> Callable[[str], re.Match | None]:
    """The pattern's `match` when every one of its alternatives opens with `^` (every seed row
    does today): a search then finds nothing that a match at the start does not, and a label
    (`Number of complaints received`) is rejected at its first character instead of being
    tried at each one. Otherwise its `search`, as dbt reads the seed."""
    pattern = _no_value_pattern(path)
    if not pattern.flags & re.MULTILINE and _opens_at_start(_parser.parse(pattern.pattern).data):
        return pattern.match
    return pattern.search


def _opens_at_start(items: list) -> bool:
    """A parsed sequence that can match only at the start of the text (`^`, `\\A`)."""
    if not items:
        return False
    op, av = items[0]
    if op is _constants.AT:
        return av in (_constants.AT_BEGINNING, _constants.AT_BEGINNING_STRING)
    if op is _constants.SUBPATTERN:
        _group, add_flags, _del_flags, inner = av
        return not add_flags & re.MULTILINE and _opens_at_start(list(inner))
    if op is _constants.BRANCH:
        return all(_opens_at_start(list(branch)) for branch in av[1])
    return False


def is_no_value(text: str) -> bool:
    """True when `text` is a no-value token of the seed (as dbt's int_cell_atoms reads it)."""
    return _no_value_test()(text) is not None
