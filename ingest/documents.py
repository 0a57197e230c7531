"""Split a pack into its documents: agenda front sheet, minutes, reports and appendices.

No single marker is reliable, so several are combined (see boundaries.yml): `Report to:` blocks,
cover-report furniture and committee-and-date banners open reports; minutes titles open minutes
(their page-header repeats do not); a blank page or an `Agenda Item N` stamp closes a document and
the next content opens one, which is an appendix of the report before it unless it is itself a
report or minutes; so does the paragraph after a report's closing template section (`Background
papers` / `13.1 None.`). A report that lists more appendices than follow it has the missing ones
looked for inside those that do. Documents are contiguous: every line of the pack belongs to
exactly one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

import yaml

from ingest.keyvalue import split_key_value
from ingest.text import clean_text, is_blank

TITLE_MAX_CHARS = 200
TITLE_WRAP_MAX_LINES = 4  # a printed title wraps over at most this many lines
TITLE_WRAP_MAX_CHARS = 90  # a longer line is prose, not a wrapped title line
LISTED_TITLE_MIN_SHARE = 0.6  # share of a line's words that must come from a listed title
CONTACT_LOOKAHEAD = 4  # non-blank lines read after a contact heading
_ENDS_WITH_YEAR = re.compile(r"\d{4}\W*$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_WORD = re.compile(r"[a-z0-9']+")
_ENDS_SENTENCE = re.compile(r"[.:;!?]$")
_AFTER_CLOSING = "after its closing section"


@dataclass
class Document:
    seq: int
    kind: str  # agenda | minutes | report | appendix
    title: str | None
    officer: str | None
    first_line: int
    last_line: int
    marker: str


@dataclass(frozen=True)
class Boundaries:
    blank_page: tuple[re.Pattern, ...]
    item_stamps: tuple[re.Pattern, ...]
    report_header_keys: tuple[str, ...]
    report_start_lines: tuple[re.Pattern, ...]
    titled_start_lines: tuple[re.Pattern, ...]
    banner_name: re.Pattern
    banner_date: re.Pattern
    banner_separators: tuple[str, ...]
    report_header_span: int
    closing_headings: tuple[re.Pattern, ...]
    closing_continuation: re.Pattern
    appendix_list_headings: tuple[re.Pattern, ...]
    appendix_list_entry: re.Pattern
    officer_keys: tuple[str, ...]
    contact_headings: tuple[re.Pattern, ...]
    contact_name_keys: tuple[str, ...]
    contact_job_keys: tuple[str, ...]
    header_keys: tuple[str, ...]
    minutes_title: re.Pattern
    appendix_label: re.Pattern
    agenda_heading: re.Pattern
    stop_words: frozenset[str] = frozenset()
    any_marker: Callable[[str], re.Match | None] | None = None  # all markers at once: a quick test

    def line_markers(self, text: str) -> tuple[str, ...]:
        """Everything a cleaned line marks, strongest first: blank_page, item_stamp, report,
        minutes, closing, appendix_list, contact. Most lines mark nothing, which the single
        combined pattern tells in one test."""
        if self.any_marker is not None and not self.any_marker(text):
            return ()
        groups = (
            ("blank_page", self.blank_page),
            ("item_stamp", self.item_stamps),
            ("report", self.report_start_lines + self.titled_start_lines),
            ("minutes", (self.minutes_title,)),
            ("closing", self.closing_headings),
            ("appendix_list", self.appendix_list_headings),
            ("contact", self.contact_headings),
        )
        return tuple(kind for kind, patterns in groups if any(p.search(text) for p in patterns))

    def is_banner(self, text: str, following: str) -> bool:
        """`Prosperous Staffordshire Select Committee` with `3 September 2018` on the next line,
        or `Safe & Strong Communities Select Committee - 3rd September 2018`. The date is tested
        first: it is anchored and fails at once on most lines."""
        if self.banner_date.match(following) and self.banner_name.match(text):
            return True
        if not text[-1:].isdigit():
            return False  # a one-line banner ends with the date's year
        return any(self._banner_on_one_line(text, sep) for sep in self.banner_separators)

    def _banner_on_one_line(self, text: str, separator: str) -> bool:
        if separator not in text:
            return False
        name, _, when = text.rpartition(separator)
        return bool(self.banner_date.match(when) and self.banner_name.match(name))


BOUNDARIES_FILE = Path(__file__).with_name("boundaries.yml")
_LINE_PATTERN_KEYS = (
    "blank_page",
    "item_stamps",
    "report_start_lines",
    "titled_start_lines",
    "closing_headings",
    "appendix_list_headings",
    "contact_headings",
)
_SINGLE_PATTERN_KEYS = ("minutes_title",)
_KEY_LIST_KEYS = (
    "report_header_keys",
    "officer_keys",
    "contact_name_keys",
    "contact_job_keys",
    "header_keys",
)


@cache
def load_boundaries(path: Path = BOUNDARIES_FILE) -> Boundaries:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))

    def patterns(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in spec[key])

    def pattern(key: str) -> re.Pattern:
        return re.compile(spec[key], re.IGNORECASE)

    marker_sources = [p for key in _LINE_PATTERN_KEYS for p in spec[key]]
    marker_sources += [spec[key] for key in _SINGLE_PATTERN_KEYS]
    return Boundaries(
        **{key: patterns(key) for key in _LINE_PATTERN_KEYS},
        **{key: tuple(spec[key]) for key in _KEY_LIST_KEYS},
        banner_name=pattern("banner_name"),
        banner_date=pattern("banner_date"),
        banner_separators=tuple(spec["banner_separators"]),
        report_header_span=int(spec["report_header_span"]),
        closing_continuation=pattern("closing_continuation"),
        appendix_list_entry=pattern("appendix_list_entry"),
        minutes_title=pattern("minutes_title"),
        appendix_label=pattern("appendix_label"),
        agenda_heading=pattern("agenda_heading"),
        stop_words=frozenset(spec.get("title_stop_words", ())),
        any_marker=_union(marker_sources),
    )


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _union(sources: list[str]) -> Callable[[str], re.Match | None] | None:
    """One test that matches where any of `sources` matches, or None when they cannot be
    joined safely (a back-reference would point at another pattern's group, or inline flags).

    When every source is anchored at the line start, the union is tried at the start only
    (`match`): `search` would try each alternative at every position of every line."""
    if any(_BACKREFERENCE.search(source) for source in sources):
        return None
    try:
        union = re.compile("|".join(f"(?:{source})" for source in sources), re.IGNORECASE)
    except re.error:
        return None
    return union.match if all(map(_anchored, sources)) else union.search


def _anchored(source: str) -> bool:
    """`^...` with no `|` outside brackets: the whole pattern can match at the start only."""
    if not source.startswith("^"):
        return False
    depth, in_class, escaped = 0, False, False
    for char in source:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return False
    return True


def split_documents(lines: list[str]) -> list[Document]:
    rules = load_boundaries()
    cleaned = [clean_text(line) for line in lines]
    scan = _Scan(lines, cleaned, rules)
    scan.run()
    starts = _add_listed_appendices(scan.starts, scan.listed, lines, cleaned, rules)
    return _build_documents(lines, cleaned, starts, rules, scan.contacts)


@dataclass
class _Scan:
    """One pass over the pack's lines, collecting where documents start (0-based index, kind,
    marker), the appendices each report lists, and where contact blocks stand."""

    lines: list[str]
    cleaned: list[str]
    rules: Boundaries
    starts: list[tuple[int, str, str]] = field(default_factory=list)
    listed: dict[int, list[str]] = field(default_factory=dict)  # start position -> titles
    contacts: list[int] = field(default_factory=list)
    pending: str | None = None  # why the next content opens a document
    pending_from: int | None = None  # where a stamp put the start of that document
    closing: str | None = None  # None | heading | body: where in a report's closing section
    minutes_title: str | None = None

    def run(self) -> None:
        for index, text in enumerate(self.cleaned):
            if not text:
                if self.closing == "body":
                    self.closing, self.pending = None, _AFTER_CLOSING
                continue
            markers = self.rules.line_markers(text)
            if markers[:1] == ("blank_page",):
                self.pending = "after a blank page or stamp"
            elif markers[:1] == ("item_stamp",):
                self.pending = "after a blank page or stamp"
                self.pending_from = index if self.pending_from is None else self.pending_from
            else:
                self._content(index, text, markers)

    def _content(self, index: int, text: str, markers: tuple[str, ...]) -> None:
        kind = self._opening_kind(index, text, markers)
        if self.pending == _AFTER_CLOSING and (kind or self._continues_closing(text)):
            self.pending = None  # a document opened by itself, or the section goes on
        if kind is None and self.pending:
            kind = "appendix" if self.starts else _front_kind(self.cleaned, self.rules)
        if kind is not None:
            self._open(index, kind)
        self.pending, self.pending_from = None, None
        self._note_sections(index, markers)

    def _continues_closing(self, text: str) -> bool:
        """A closing section goes on past its first paragraph with `13.2 ...`, a bullet, a
        contact block or another `Appendix B - ...` line; the paragraph after that may still
        open an appendix."""
        rules = self.rules
        if rules.closing_continuation.match(text) or rules.appendix_list_entry.match(text):
            self.closing = "body"
            return True
        return False

    def _opening_kind(self, index: int, text: str, markers: tuple[str, ...]) -> str | None:
        """The kind of document this line opens by itself, if any."""
        first = markers[0] if markers else None
        following = self.cleaned[index + 1] if index + 1 < len(self.cleaned) else ""
        if _opens_report_block(self.lines[index], self.rules) or self.rules.is_banner(
            text, following
        ):
            first = "report"
        if first == "report" and self._in_report_header(index):
            return None
        if first == "minutes":
            title = _normalise(_minutes_title(self.cleaned, index))
            if title == self.minutes_title:
                return None  # a running page header repeating the minutes title
            self.minutes_title = title
        return first if first in ("report", "minutes") else None

    def _in_report_header(self, index: int) -> bool:
        if not self.starts or self.starts[-1][1] != "report":
            return False
        return index - self.starts[-1][0] <= self.rules.report_header_span

    def _open(self, index: int, kind: str) -> None:
        first = self.pending_from if self.pending_from is not None else index
        marker = f"{kind} {self.pending}" if self.pending else kind
        self.starts.append((first, kind, marker))
        self.closing = None
        if kind != "minutes":
            self.minutes_title = None

    def _note_sections(self, index: int, markers: tuple[str, ...]) -> None:
        """Closing sections and appendix lists of reports; contact blocks of any document."""
        in_report = bool(self.starts) and self.starts[-1][1] == "report"
        if self.closing == "heading":
            self.closing = "body"
        if in_report and "closing" in markers:
            self.closing = "heading"
        if in_report and "appendix_list" in markers:
            titles = _listed_titles(self.cleaned, index + 1, self.rules)
            self.listed.setdefault(len(self.starts) - 1, []).extend(titles)
        if "contact" in markers:
            self.contacts.append(index)


def _opens_report_block(line: str, rules: Boundaries) -> bool:
    """`Report to:<TAB>COMMITTEE` and the like."""
    pair = split_key_value(line)
    return bool(pair) and pair[0] in rules.report_header_keys


def _listed_titles(cleaned: list[str], index: int, rules: Boundaries) -> list[str]:
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


def _add_listed_appendices(starts, listed, lines, cleaned, rules: Boundaries):
    """Open the appendices a report lists but that no marker opened: they were printed straight
    after another appendix of the same report."""
    added = []
    for position, titles in listed.items():
        after = position + 1
        found = 0
        while after + found < len(starts) and starts[after + found][1] == "appendix":
            found += 1
        if not 0 < found < len(titles):
            continue
        first = starts[after][0]
        last = starts[after + found][0] - 1 if after + found < len(starts) else len(lines) - 1
        existing = {start[0] for start in starts[after : after + found]}
        region = _Region(lines, cleaned, first, last, existing)
        for index in region.missing(titles, len(titles) - found, rules):
            added.append((index, "appendix", "appendix listed in its report"))
    return sorted(starts + added, key=lambda start: start[0])


@dataclass
class _Region:
    """The lines of a report's appendices, in which listed but unopened appendices are sought."""

    lines: list[str]
    cleaned: list[str]
    first: int
    last: int
    existing: set[int]

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
        short = 0 < len(text) <= TITLE_WRAP_MAX_CHARS and not _ENDS_SENTENCE.search(text)
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


def _build_documents(lines, cleaned, starts, rules: Boundaries, contacts) -> list[Document]:
    if not starts or starts[0][0] > _first_content(cleaned):
        starts.insert(0, (0, _front_kind(cleaned, rules), "start of pack"))
    starts[0] = (0, starts[0][1], starts[0][2])
    documents = []
    for seq, (first, kind, marker) in enumerate(starts, start=1):
        last = starts[seq][0] - 1 if seq < len(starts) else len(lines) - 1
        title, officer = _title_and_officer(lines, cleaned, first, last, kind, rules)
        if officer is None and kind in ("report", "appendix"):
            officer = _contact_officer(lines, cleaned, contacts, first, last, rules)
        documents.append(Document(seq, kind, title, officer, first + 1, last + 1, marker))
    return documents


def _title_and_officer(lines, cleaned, first, last, kind, rules: Boundaries):
    if kind == "agenda":
        return "Agenda front sheet", None
    if kind == "minutes":
        start = next(i for i in range(first, last + 1) if rules.minutes_title.search(cleaned[i]))
        return _minutes_title(cleaned, start), None
    officer = None
    title = None
    for index in range(first, min(last + 1, first + 40)):
        text = cleaned[index]
        if not text or any(p.search(text) for p in rules.item_stamps):
            continue
        pair = split_key_value(lines[index])
        if pair and pair[0] in rules.officer_keys and officer is None:
            officer = pair[1].rstrip(".")
            continue
        if kind == "report" and _is_header_line(lines, cleaned, index, rules):
            continue
        if kind == "appendix" and "\t" in lines[index]:
            title = _caption_row(lines[index])  # a table's title row, or no printed title
            break
        title = _wrapped_title(lines, cleaned, index, last)
        break
    return title, officer


def _caption_row(line: str) -> str | None:
    """`Work Plan 2023/2024<TAB>`: a table row with one filled cell is the table's title."""
    cells = [cell for cell in line.split("\t") if cell.strip()]
    return clean_text(cells[0])[:TITLE_MAX_CHARS] if len(cells) == 1 else None


def _wrapped_title(lines, cleaned, index: int, last: int) -> str:
    """The title line joined with the lines it wrapped onto: the rest of its paragraph when
    short lines, and upper-case lines after one blank line when the title is upper-case
    (`... SUMMARY OF KEY` / `DECISIONS` / `JANUARY 2024 TO APRIL 2024`)."""
    parts = [cleaned[index]]
    while len(parts) < TITLE_WRAP_MAX_LINES and not _ENDS_SENTENCE.search(parts[-1]):
        nxt = index + 1 if index + 1 <= last and cleaned[index + 1] else index + 2
        if nxt > last or not _continues_title(lines[nxt], cleaned[nxt], parts, nxt - index):
            break
        parts.append(cleaned[nxt])
        index = nxt
    return " ".join(parts)[:TITLE_MAX_CHARS]


def _continues_title(line: str, text: str, parts: list[str], gap: int) -> bool:
    if not text or "\t" in line or len(text) > TITLE_WRAP_MAX_CHARS or text[0].isdigit():
        return False
    if gap == 1:
        return len(parts[-1]) <= TITLE_WRAP_MAX_CHARS
    return parts[-1].isupper() and text.isupper()


def _is_header_line(lines, cleaned, index: int, rules: Boundaries) -> bool:
    """Report header furniture before the title: key/value lines, the `N/A` under a
    `Local Members' Interest` line, and a banner naming the committee and the meeting date."""
    from ingest.dates import parse_date

    line, text = lines[index], cleaned[index]
    if "\t" in line:
        return True
    pair = split_key_value(line)
    known = rules.report_header_keys + rules.officer_keys + rules.header_keys
    if pair and pair[0] in known:
        return True
    if any(p.search(text) for p in rules.report_start_lines) or text.upper() in {"N/A", "NONE"}:
        return True
    following = cleaned[index + 1] if index + 1 < len(cleaned) else ""
    if rules.banner_date.match(text) or rules.is_banner(text, following):
        return True
    return bool(parse_date(text)) and len(text) < 120 and " - " in text


def _contact_officer(lines, cleaned, contacts, first, last, rules: Boundaries) -> str | None:
    """The officer named by the document's first contact block (`Contact Officer`, `Report
    Author:`): a `Name:` (with its `Job Title:`), or a plain `Name, Title` line."""
    at = bisect_left(contacts, first)
    if at == len(contacts) or contacts[at] > last:
        return None
    lines_after = range(contacts[at] + 1, last + 1)
    following = list(islice((i for i in lines_after if cleaned[i]), CONTACT_LOOKAHEAD))
    if not following:
        return None
    pair = split_key_value(lines[following[0]])
    if pair is None:
        text = cleaned[following[0]]
        return text.rstrip(".") if text[0].isalpha() else None
    if pair[0] not in rules.contact_name_keys:
        return None
    job = next(
        (
            p[1]
            for i in following[1:]
            if (p := split_key_value(lines[i])) and p[0] in rules.contact_job_keys
        ),
        None,
    )
    return f"{pair[1]}, {job}" if job else pair[1]


def _minutes_title(cleaned: list[str], index: int) -> str:
    """The minutes title, joined with its next line when the date wrapped onto it."""
    title = cleaned[index]
    if not _ENDS_WITH_YEAR.search(title) and index + 1 < len(cleaned) and cleaned[index + 1]:
        title = f"{title} {cleaned[index + 1]}"
    return title[:TITLE_MAX_CHARS]


def _normalise(title: str) -> str:
    return _NOT_ALNUM.sub("", title.lower())


def _first_content(cleaned: list[str]) -> int:
    return next((i for i, text in enumerate(cleaned) if text), 0)


def _front_kind(cleaned: list[str], rules: Boundaries) -> str:
    """A pack opens with an agenda front sheet when it prints an agenda heading."""
    has_agenda = any(rules.agenda_heading.match(text) for text in cleaned[:120])
    return "agenda" if has_agenda else "report"


__all__ = ["Document", "split_documents", "is_blank"]
