"""Case-insensitive patterns run as case-sensitive ones on lower-cased text.

Python's `re` is several times slower under IGNORECASE (every character is folded as it is
compared, and no literal prefix speeds up the scan). A pattern compiled for folded
text is case-sensitive and runs on `fold(text)`, the text lower-cased, where it finds the same
matches at the same offsets as the case-insensitive one on the text as printed, provided

* the text lower-cases to the same length and holds no letter that IGNORECASE folds onto an
  ASCII letter but `str.lower` keeps ('ı' matches 'i', 'ſ' matches 's'); `fold` returns None
  otherwise and the case-insensitive pattern runs on the text as printed;
* the pattern holds no upper-case or non-ASCII cased literal, no range with upper-case letters
  and no inline flags (`case_free`); otherwise it keeps IGNORECASE, which finds the same on
  folded text as on the text printed.

A caller compiles its patterns twice (`compile_caseless(source, folded=True/False)`) and runs
the folded set on `fold(text)` when it is not None, else the printed set on the text. A match
found on folded text has the offsets of the printed text, but its `group()` is lower-cased:
callers slice the printed text by the match's span when they keep the words.
"""

from __future__ import annotations

import re
from re import _parser  # the parser `re` compiles with; its tree is read, never changed

_UNFOLDED = ("ı", "ſ")


def fold(text: str) -> str | None:
    """`text` lower-cased for the folded patterns, or None when they could read it wrong."""
    low = text.lower()
    if text.isascii():
        return low
    if len(low) != len(text) or any(char in low for char in _UNFOLDED):
        return None
    return low


def compile_caseless(source: str, folded: bool, flags: int = 0) -> re.Pattern:
    """`source` compiled to run case-insensitively: on folded text as a case-sensitive pattern
    when it is `case_free`, else (and on printed text) with IGNORECASE, which finds the same on
    folded text as on the text printed."""
    if folded and case_free(source, flags):
        return re.compile(source, flags)
    return re.compile(source, flags | re.IGNORECASE)


def case_free(source: str, flags: int = 0) -> bool:
    """True when `source` matches the same on lower-cased text without IGNORECASE as on any
    text with it: its literals are lower-case ASCII or uncased, its ranges hold no upper-case
    letter, and it sets no inline flags."""
    try:
        tree = _parser.parse(source, flags)
    except re.error:
        return False
    return _items_case_free(tree.data)


def _uncased_or_lower(code: int) -> bool:
    char = chr(code)
    if char.lower() == char.upper():
        return True
    return char.isascii() and char.islower()


def _items_case_free(items) -> bool:
    for op, av in items:
        if op in (_parser.LITERAL, _parser.NOT_LITERAL):
            if not _uncased_or_lower(av):
                return False
        elif op is _parser.IN:
            if not _items_case_free(av):
                return False
        elif op is _parser.RANGE:
            low, high = av
            if high > 127 or any(not _uncased_or_lower(c) for c in range(low, high + 1)):
                return False
        elif op is _parser.BRANCH:
            if not all(_items_case_free(branch.data) for branch in av[1]):
                return False
        elif op is _parser.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags or not _items_case_free(sub.data):
                return False
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
            if not _items_case_free(av[2].data):
                return False
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            if not _items_case_free(av[1].data):
                return False
        elif op is _parser.ATOMIC_GROUP:
            if not _items_case_free(av.data):
                return False
        elif op is _parser.GROUPREF_EXISTS:
            _group, yes, no = av
            if not _items_case_free(yes.data) or (no is not None and not _items_case_free(no.data)):
                return False
        elif op in (_parser.NEGATE, _parser.CATEGORY, _parser.AT, _parser.ANY, _parser.GROUPREF):
            continue
        else:
            return False  # an op this check does not know: no twin
    return True
