"""Appendices a report lists but that no marker opened.

A report's `Appendices` section lists its appendices (`Appendix A - Budget Summary`). When fewer
appendix documents follow the report than it lists, the missing ones were printed straight after
another appendix of the same report, with nothing to mark the join. They are looked for inside
the appendices that do follow: first a line on its own naming a later listed title (by its
significant words), failing that a line where a table's layout changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.boundaries import Boundaries
from ingest.document_titles import ENDS_SENTENCE, TITLE_WRAP_MAX_CHARS

LISTED_TITLE_MIN_SHARE = 0.6  # share of a line's words that must come from a listed title
_WORD = re.compile(r"[a-z0-9']+")


def listed_titles(cleaned: list[str], index: int, rules: Boundaries) -> list[str]:
    """Titles of the `Appendix 9a: Title` lines from `index` on, up to the first other line."""
    titles = []
    for text in map(cleaned.__getitem__, range(index, len(cleaned))):
        if not text:
            continue
        match = rules.appendix_list_entry.match(text)
        if not match:
            break
        titles.append(match.group("title"))
    return titles


def add_listed_appendices(starts, listed, lines, cleaned, rules: Boundaries):
    """Open the appendices a report lists but that no marker opened: they were printed straight
    after another appendix of the same report.

    `starts` are (index, kind, marker) document starts; `listed` maps the position of a report
    in `starts` to the titles it lists. Returns the starts with the found appendices added."""
    added = []
    for position, titles in listed.items():
        found = _appendices_after(starts, position)
        if not 0 < found < len(titles):
            continue
        region = _Region.of_appendices(lines, cleaned, starts, position + 1, found)
        for index in region.missing(titles, len(titles) - found, rules):
            added.append((index, "appendix", "appendix listed in its report"))
    return sorted(starts + added, key=lambda start: start[0])


def _appendices_after(starts, position: int) -> int:
    """How many appendix starts follow `starts[position]` in a row."""
    after, found = position + 1, 0
    while after + found < len(starts) and starts[after + found][1] == "appendix":
        found += 1
    return found


@dataclass
class _Region:
    """The lines of a report's appendices, in which listed but unopened appendices are sought."""

    lines: list[str]
    cleaned: list[str]
    first: int
    last: int
    existing: set[int]

    @classmethod
    def of_appendices(cls, lines, cleaned, starts, after: int, found: int) -> _Region:
        """The lines of the `found` appendices from `starts[after]` on."""
        first = starts[after][0]
        last = starts[after + found][0] - 1 if after + found < len(starts) else len(lines) - 1
        existing = {start[0] for start in starts[after : after + found]}
        return cls(lines, cleaned, first, last, existing)

    def missing(self, titles: list[str], wanted: int, rules: Boundaries) -> list[int]:
        """First lines of `wanted` more appendices: lines naming a later listed appendix than the
        one they stand in; failing those, lines where the layout changes."""
        found = self._named(titles, wanted, rules)
        if len(found) < wanted:
            found += [i for i in self._layout_breaks() if i not in found][: wanted - len(found)]
        return sorted(found)

    def _named(self, titles: list[str], wanted: int, rules: Boundaries) -> list[int]:
        listed_words = [_title_words(title, rules) for title in titles]
        current, found = 0, []
        for index in range(self.first, self.last + 1):
            if len(found) == wanted:
                break
            if index in self.existing:
                current = max(current, _best_title(self.cleaned[index], listed_words, rules))
            elif self._standalone(index):
                best = _best_title(self.cleaned[index], listed_words, rules)
                if best > current:
                    found.append(index)
                    current = best
        return found

    def _standalone(self, index: int) -> bool:
        """A line on its own between blank lines, short, not a table row: a title's shape."""
        text = self.cleaned[index]
        before = self.cleaned[index - 1] if index > 0 else ""
        after = self.cleaned[index + 1] if index + 1 < len(self.cleaned) else ""
        short = 0 < len(text) <= TITLE_WRAP_MAX_CHARS and not ENDS_SENTENCE.search(text)
        return short and not before and not after and "\t" not in self.lines[index]

    def _layout_breaks(self) -> list[int]:
        """Lines after a blank line where a table stops, inside an appendix that opens with a
        table (a spreadsheet printed without a title page): an upper-case title, or a table whose
        rows have another number of cells. Prose appendices change layout all the time."""
        breaks, previous, tabular = [], "", False
        for index in range(self.first, self.last + 1):
            line = self.lines[index]
            if index in self.existing:
                tabular, previous = "\t" in line, line
                continue
            if not self.cleaned[index]:
                continue
            if tabular and "\t" in previous and not self.cleaned[index - 1]:
                new_shape = "\t" in line and line.count("\t") != previous.count("\t")
                if new_shape or ("\t" not in line and self.cleaned[index].isupper()):
                    breaks.append(index)
            previous = line
        return breaks


def _title_words(text: str, rules: Boundaries) -> set[str]:
    """Significant words, singular: `Children’s Services` -> {"children's", 'service'}."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return {w.removesuffix("s") for w in words if len(w) > 2 and w not in rules.stop_words}


def _best_title(text: str, listed_words: list[set[str]], rules: Boundaries) -> int:
    """Index of the listed title that `text` names (most of its words from that title, more
    than from any other; the earliest on a tie), or 0."""
    words = _title_words(text, rules)
    if len(words) < 2:
        return 0
    shares = [len(words & title) / len(words) for title in listed_words]
    best = max(range(len(shares)), key=lambda i: (shares[i], -i))
    return best if shares[best] >= LISTED_TITLE_MIN_SHARE else 0
