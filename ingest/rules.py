"""The reviewed rule files beside the code (boundaries.yml, captions.yml, stitching.yml): how
councils mark documents, captions and broken rows, kept as data so a new council's wording is
a new entry, not a new branch."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).parent


def read_rules(path: Path) -> dict:
    """One rule file as a dict; callers cache what they build from it."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def any_of(sources: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """One pattern matching where any of `sources` matches."""
    return re.compile("|".join(f"(?:{source})" for source in sources), flags)


class LiteralGate:
    """A pattern's `search` with a quick test in front: the literal text that every match
    must contain (one of a few strings, read from the pattern itself), looked for with plain
    substring tests first. Most lines hold none of it and skip the regular expression, which
    tries every alternative at every position of the line.

    The test only ever says "cannot match": where a match is possible, or the pattern's
    literals cannot be told, the pattern runs as usual. Case-insensitive patterns are tested
    on ASCII text only (non-ASCII letters such as `K`, the Kelvin sign, match `k`)."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.ignore_case = bool(pattern.flags & re.IGNORECASE)
        self.literals = required_literals(pattern)

    def search(self, text: str) -> re.Match | None:
        literals = self.literals
        if literals is not None:
            if not self.ignore_case:
                if not any(map(text.__contains__, literals)):
                    return None
            elif text.isascii() and not any(map(text.lower().__contains__, literals)):
                return None
        return self.pattern.search(text)


MIN_GATE_CHARS = 3  # a shorter literal (`at`, `as`) is in most lines: no quick test then


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which is in every match of `pattern` (lower-cased when it ignores
    case), or None when they cannot be told (a pattern's own flags inside it, non-ASCII
    literals under IGNORECASE, an alternative with no literal text) or one is too short to
    rule out many lines."""
    from re import _parser  # the parser `re` compiles with; its tree is read, never changed

    ignore_case = bool(pattern.flags & re.IGNORECASE)
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    found = _sequence_literals(list(tree.data), ignore_case, _parser)
    if not found or min(map(len, found)) < MIN_GATE_CHARS:
        return None
    return tuple(sorted(found))


def _sequence_literals(items: list, ignore_case: bool, parser) -> frozenset[str] | None:
    """For a sequence of parsed items: the most selective set of strings one of which every
    match holds (a run of literal characters, or a group or alternation that needs one)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in [*items, (None, None)]:
        if op is parser.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        needed = _item_literals(op, argument, ignore_case, parser)
        if needed is not None:
            candidates.append(needed)
    candidates = [c for c in candidates if _usable(c, ignore_case)]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (min(map(len, c)), -len(c)))
    return frozenset(s.lower() for s in best) if ignore_case else best


def _item_literals(op, argument, ignore_case: bool, parser) -> frozenset[str] | None:
    if op is parser.SUBPATTERN:
        _group, add_flags, del_flags, sub = argument
        if add_flags or del_flags:
            return None  # flags of its own inside the pattern: not read
        return _sequence_literals(list(sub.data), ignore_case, parser)
    if op is parser.BRANCH:
        sets = [
            _sequence_literals(list(branch.data), ignore_case, parser) for branch in argument[1]
        ]
        if any(s is None for s in sets):
            return None
        return frozenset().union(*sets)
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT):
        low, _high, sub = argument
        return _sequence_literals(list(sub.data), ignore_case, parser) if low >= 1 else None
    return None


def _usable(strings: frozenset[str], ignore_case: bool) -> bool:
    return all(strings) and (not ignore_case or all(s.isascii() for s in strings))
