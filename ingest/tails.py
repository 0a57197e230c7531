"""End-anchored patterns ('... over\\s*$') searched in the tail of a text only.

`re` tries an end-anchored pattern at every position of the text, though a match can only
start as far from the end as the pattern is long. `TailPattern` works out that longest match
from the pattern itself and starts the search there (a search from an offset still sees the
character before it for `\\b` and lookbehinds, so it finds the same match).

The longest match is counted for *single-spaced* text, where white space never runs longer
than one character (prose.py's sentences: every line is split and joined on single spaces),
so `\\s*` counts as one character. A pattern with another unbounded repeat (`\\w*`) is searched
as usual.
"""

from __future__ import annotations

import re
from re import _constants, _parser  # the parse tree `re` compiles from; read, never changed


class TailPattern:
    __slots__ = ("pattern", "width")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.width = longest_match(pattern)

    def search(self, text: str) -> re.Match | None:
        """`pattern.search(text)` for single-spaced `text`."""
        if self.width is None:
            return self.pattern.search(text)
        return self.pattern.search(text, max(0, len(text) - self.width))


def longest_match(pattern: re.Pattern) -> int | None:
    """The most characters a match can hold in single-spaced text, or None (unbounded)."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    return _width(tree.data)


_ONE_CHARACTER = (_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY)
_NO_CHARACTER = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
_SPACE = [(_constants.IN, [(_constants.CATEGORY, _constants.CATEGORY_SPACE)])]


def _width(items) -> int | None:
    total = 0
    for op, av in items:
        if op in _ONE_CHARACTER:
            width = 1
        elif op in _NO_CHARACTER:
            width = 0
        elif op is _constants.BRANCH:
            widths = [_width(branch.data) for branch in av[1]]
            width = None if None in widths else max(widths)
        elif op is _constants.SUBPATTERN:
            width = _width(av[3].data)
        elif op is _constants.ATOMIC_GROUP:
            width = _width(av.data)
        elif op in _REPEATS:
            width = _repeat_width(*av)
        else:
            return None  # a back reference or an op not known here: unbounded
        if width is None:
            return None
        total += width
    return total


def _repeat_width(low: int, high: int, item) -> int | None:
    width = _width(item.data)
    if width is None:
        return None
    if list(item.data) == _SPACE or (
        len(item.data) == 1 and item.data[0] == (_constants.LITERAL, 32)
    ):
        return width * min(high, 1)  # single-spaced text: one white space character at most
    if high == _constants.MAXREPEAT:
        return None
    return width * high
