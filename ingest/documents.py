"""Split a pack into its documents: agenda front sheet, minutes, reports and appendices.

No single marker is reliable, so several are combined (see boundaries.yml): `Report to:` blocks
open reports; minutes titles open minutes (their page-header repeats do not); a blank page or an
`Agenda Item N` stamp closes a document and the next content opens one, which is an appendix of
the report before it unless it is itself a report or minutes. Documents are contiguous: every
line of the pack belongs to exactly one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ingest.keyvalue import split_key_value
from ingest.text import clean_text, is_blank

TITLE_MAX_CHARS = 200
_ENDS_WITH_YEAR = re.compile(r"\d{4}\W*$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


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
    officer_keys: tuple[str, ...]
    header_keys: tuple[str, ...]
    minutes_title: re.Pattern
    appendix_label: re.Pattern
    agenda_heading: re.Pattern
    any_marker: re.Pattern | None = None  # all line markers in one pattern: a quick first test

    def line_marker(self, text: str) -> str | None:
        """What a cleaned line marks: blank_page | item_stamp | report | minutes | None.

        Most lines mark nothing, which the single combined pattern tells in one search."""
        if self.any_marker is not None and not self.any_marker.search(text):
            return None
        if any(p.search(text) for p in self.blank_page):
            return "blank_page"
        if any(p.search(text) for p in self.item_stamps):
            return "item_stamp"
        if any(p.search(text) for p in self.report_start_lines):
            return "report"
        if self.minutes_title.search(text):
            return "minutes"
        return None


BOUNDARIES_FILE = Path(__file__).with_name("boundaries.yml")


@cache
def load_boundaries(path: Path = BOUNDARIES_FILE) -> Boundaries:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))

    def patterns(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in spec[key])

    marker_sources = [
        *spec["blank_page"],
        *spec["item_stamps"],
        *spec["report_start_lines"],
        spec["minutes_title"],
    ]
    return Boundaries(
        blank_page=patterns("blank_page"),
        item_stamps=patterns("item_stamps"),
        report_header_keys=tuple(spec["report_header_keys"]),
        report_start_lines=patterns("report_start_lines"),
        officer_keys=tuple(spec["officer_keys"]),
        header_keys=tuple(spec["header_keys"]),
        minutes_title=re.compile(spec["minutes_title"], re.IGNORECASE),
        appendix_label=re.compile(spec["appendix_label"], re.IGNORECASE),
        agenda_heading=re.compile(spec["agenda_heading"], re.IGNORECASE),
        any_marker=_union(marker_sources),
    )


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _union(sources: list[str]) -> re.Pattern | None:
    """One pattern that matches where any of `sources` matches, or None when they cannot be
    joined safely (a back-reference would point at another pattern's group, or inline flags)."""
    if any(_BACKREFERENCE.search(source) for source in sources):
        return None
    try:
        return re.compile("|".join(f"(?:{source})" for source in sources), re.IGNORECASE)
    except re.error:
        return None


def split_documents(lines: list[str]) -> list[Document]:
    rules = load_boundaries()
    cleaned = [clean_text(line) for line in lines]
    starts: list[tuple[int, str, str]] = []  # (0-based index, kind, marker)
    pending = False  # after a blank page or stamp, the next content opens a document
    pending_from: int | None = None  # where a stamp put the start of that document
    current_minutes_title: str | None = None
    for index, text in enumerate(cleaned):
        if not text:
            continue
        marker = rules.line_marker(text)
        if marker == "blank_page":
            pending = True
            continue
        if marker == "item_stamp":
            pending = True
            pending_from = index if pending_from is None else pending_from
            continue
        kind = "report" if _opens_report_block(lines[index], rules) else marker
        if kind == "minutes":
            title = _minutes_title(cleaned, index)
            if _normalise(title) == current_minutes_title:
                kind = None  # a running page header repeating the minutes title
            else:
                current_minutes_title = _normalise(title)
        if kind is None and pending:
            kind = "appendix" if starts else _front_kind(cleaned, rules)
        if kind is not None:
            first = pending_from if pending_from is not None else index
            marker = f"{kind} after a blank page or stamp" if pending else kind
            starts.append((first, kind, marker))
            if kind != "minutes":
                current_minutes_title = None
        pending, pending_from = False, None
    return _build_documents(lines, cleaned, starts, rules)


def _opens_report_block(line: str, rules: Boundaries) -> bool:
    """`Report to:<TAB>COMMITTEE` and the like."""
    pair = split_key_value(line)
    return bool(pair) and pair[0] in rules.report_header_keys


def _build_documents(lines, cleaned, starts, rules: Boundaries) -> list[Document]:
    if not starts or starts[0][0] > _first_content(cleaned):
        starts.insert(0, (0, _front_kind(cleaned, rules), "start of pack"))
    starts[0] = (0, starts[0][1], starts[0][2])
    documents = []
    for seq, (first, kind, marker) in enumerate(starts, start=1):
        last = starts[seq][0] - 1 if seq < len(starts) else len(lines) - 1
        title, officer = _title_and_officer(lines, cleaned, first, last, kind, rules)
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
        if kind == "report" and _is_header_line(lines[index], text, rules):
            continue
        if kind == "appendix" and "\t" in lines[index]:
            break  # an appendix that opens with a table has no printed title
        title = text[:TITLE_MAX_CHARS]
        break
    return title, officer


def _is_header_line(line: str, text: str, rules: Boundaries) -> bool:
    """Report header furniture before the title: key/value lines, the `N/A` under a
    `Local Members' Interest` line, and a banner naming the committee and the meeting date."""
    from ingest.dates import parse_date

    if "\t" in line:
        return True
    pair = split_key_value(line)
    known = rules.report_header_keys + rules.officer_keys + rules.header_keys
    if pair and pair[0] in known:
        return True
    if any(p.search(text) for p in rules.report_start_lines) or text.upper() in {"N/A", "NONE"}:
        return True
    return bool(parse_date(text)) and len(text) < 120 and " - " in text


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
