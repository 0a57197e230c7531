"""The rules that tell where a pack's documents start, read from boundaries.yml.

`Boundaries` holds the compiled patterns and key lists, and answers the two questions the scan
asks of every line: what it marks (`line_markers`) and whether it is a committee-and-date banner
(`is_banner`). All the line markers are also joined into one quick test, so that the many lines
that mark nothing are passed over in a single match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.dates import MONTH_NAMES, WEEKDAYS
from ingest.rules import RULES_DIR, any_of, read_rules


@dataclass(frozen=True)
class Boundaries:
    blank_page: tuple[re.Pattern, ...]
    item_stamps: tuple[re.Pattern, ...]
    report_header_keys: tuple[str, ...]
    report_author_line: re.Pattern  # 'Report of the Director of ...' under an item stamp
    report_start_lines: tuple[re.Pattern, ...]
    titled_start_lines: tuple[re.Pattern, ...]
    report_blocks: tuple[tuple[re.Pattern, re.Pattern], ...]  # (opens, confirmed_by)
    banner_name: re.Pattern
    bare_banner_name: re.Pattern  # `CABINET` alone, spaced out over a date: a report's banner
    banner_date: re.Pattern
    report_banner_line: re.Pattern
    banner_separators: tuple[str, ...]
    report_header_span: int
    closing_headings: tuple[re.Pattern, ...]
    closing_continuation: re.Pattern
    officer_sentence: re.Pattern  # 'This report was written by X, who can be contacted on ...'
    appendix_list_headings: tuple[re.Pattern, ...]
    appendix_list_entry: re.Pattern
    appendix_headings: tuple[re.Pattern, ...]
    officer_keys: tuple[str, ...]
    contact_keys: tuple[str, ...]
    contact_headings: tuple[re.Pattern, ...]
    contact_name_keys: tuple[str, ...]
    contact_job_keys: tuple[str, ...]
    header_keys: tuple[str, ...]
    title_keys: tuple[str, ...]
    report_opening_keys: tuple[str, ...]
    report_furniture_lines: tuple[re.Pattern, ...]
    header_key_alone: re.Pattern
    paragraph_lead_in: re.Pattern
    decision_label_cell: re.Pattern
    decision_label_text: re.Pattern
    minutes_title: re.Pattern
    minutes_meeting_title: re.Pattern  # groups committee, date
    minutes_title_without_body: re.Pattern
    minutes_agenda_entry: re.Pattern  # 'Minutes of ..., as circulated, to be confirmed ...'
    meeting_notice: re.Pattern  # groups committee, when (date, time, venue)
    minutes_attendance: re.Pattern  # `Present:` under a banner: the banner opens minutes
    minutes_held: re.Pattern  # `Meeting held` before the date under a minutes banner
    minutes_part_heading: re.Pattern  # `MINUTES` / `Minutes of the last meeting ...` in minutes
    signature_line: re.Pattern  # `CHAIR` over the body and date: a signature block
    time_before_date: re.Pattern  # `2.00 pm on` before a front sheet's date
    venue_above_date: re.Pattern  # group venue: 'Meeting to be held in X on' over the date
    document_title_lines: re.Pattern  # 'Record of Executive Decisions': no committee's name
    committee_line_prefix: re.Pattern  # 'Notice of a Meeting of the ' before the committee
    summons_sentence: re.Pattern  # 'All Members of ... are requested to attend': no name
    item_title_line: re.Pattern  # group title: 'Item 4 - <title>' on an item's cover sheet
    agenda_heading: re.Pattern
    agenda_item_pages: re.Pattern
    stop_words: frozenset[str] = frozenset()
    any_marker: Callable[[str], re.Match | None] | None = None  # all markers at once: a quick test
    report_key_words: tuple[str, ...] | None = None  # first words of report_header_keys, if ASCII
    # the keys of a report header's fields: header_keys, title_keys and report_header_keys
    header_field_keys: frozenset[str] = frozenset()

    def line_markers(self, text: str) -> tuple[str, ...]:
        """Everything a cleaned line marks, strongest first: blank_page, item_stamp, report,
        minutes, closing, appendix_list, appendix_heading, contact. Most lines mark nothing,
        which the single combined pattern tells in one test."""
        if self.any_marker is not None and not self.any_marker(text):
            return ()
        groups = (
            ("blank_page", self.blank_page),
            ("item_stamp", self.item_stamps),
            ("report", self.report_start_lines + self.titled_start_lines),
            ("report_block", tuple(opens for opens, _ in self.report_blocks)),
            ("minutes", (self.minutes_title,)),
            ("closing", self.closing_headings),
            ("appendix_list", self.appendix_list_headings),
            ("appendix_heading", self.appendix_headings),
            ("contact", self.contact_headings),
        )
        return tuple(kind for kind, patterns in groups if any(p.search(text) for p in patterns))

    def confirms_report_block(self, text: str, after: list[str]) -> bool:
        """`text` opens a report block (`Item No.`, `Report to the Cabinet`) and the rest of
        it or one of the lines `after` it confirms the block (`Classification:`, `Meeting to be
        held on ...`)."""
        for opens, confirmed_by in self.report_blocks:
            opening = opens.match(text)
            if opening and any(
                confirmed_by.search(line) for line in (text[opening.end() :], *after)
            ):
                return True
        return False

    def names_a_body(self, text: str) -> bool:
        """`Corporate Parenting Board`, `SCRUTINY BOARD (CHILDREN AND FAMILIES)`: a committee's
        name alone (banner_name, a bracketed end aside)."""
        return bool(self.banner_name.match(_BRACKETED_END.sub("", text)))

    def heads_minutes_banner(self, cleaned: list[str], index: int) -> bool:
        """`SCRUTINY BOARD (CHILDREN AND FAMILIES)` (or `CABINET` alone, bare_banner_name), a
        blank line, `WEDNESDAY, 19TH JUNE, 2024` (or `Meeting held 18 June 2025`), then
        `PRESENT:`: minutes printed under their committee and date."""
        text = cleaned[index]
        if not (self.names_a_body(text) or self.bare_banner_name.match(text)):
            return False
        after = [t for t in cleaned[index + 1 : index + 8] if t][:3]
        if not after or not self.banner_date.match(self.minutes_held.sub("", after[0], count=1)):
            return False
        return any(self.minutes_attendance.match(t) for t in after[1:])

    def is_report_banner_line(self, text: str) -> bool:
        """`HERTFORDSHIRE COUNTY COUNCIL`, `AUDIT COMMITTEE`, `TUESDAY, 24 MARCH 2026 AT 10.00AM`:
        a line of the banner a report may print over its title (report_banner_line, or a body's
        name alone)."""
        return bool(self.report_banner_line.match(text)) or self.names_a_body(text)

    def is_banner(self, text: str, following: str) -> bool:
        """`Prosperous Staffordshire Select Committee` with `3 September 2018` on the next line,
        or `Safe & Strong Communities Select Committee - 3rd September 2018`. The date is tested
        first: it is anchored and fails at once on most lines."""
        if self.banner_date.match(following) and self.banner_name.match(text):
            return True
        if not text[-1:].isdigit():
            return False  # a one-line banner ends with the date's year
        return any(self._banner_on_one_line(text, sep) for sep in self.banner_separators)

    def may_open_report(self, line: str, text: str, following: str) -> bool:
        """False when `line` (cleaned: `text`) surely neither opens a report block (a key of
        `report_header_keys`) nor is a banner (`is_banner`): a quick test for the many lines
        that are neither. A key is read from the cleaned line, and cleaning joins letters only
        where it decodes an entity or removes `**` (tags become spaces): a line without those
        holds a key only if it prints the key's first word, in any case."""
        words = self.report_key_words
        if words is None or "&" in line or "**" in line:
            return True
        low = line.lower()
        for word in words:  # a loop, not any(map(...)): most keys share one first word
            if word in low:
                return True
        if text[-1:].isdigit() and any(map(text.__contains__, self.banner_separators)):
            return True
        return bool(self.banner_date.match(following))

    def _banner_on_one_line(self, text: str, separator: str) -> bool:
        if separator not in text:
            return False
        name, _, when = text.rpartition(separator)
        return bool(self.banner_date.match(when) and self.banner_name.match(name))


_BRACKETED_END = re.compile(r"\s*\([^()]*\)$")
BOUNDARIES_FILE = RULES_DIR / "boundaries.yml"
_LINE_PATTERN_KEYS = (
    "blank_page",
    "item_stamps",
    "report_start_lines",
    "titled_start_lines",
    "closing_headings",
    "appendix_list_headings",
    "appendix_headings",
    "contact_headings",
)
_SINGLE_PATTERN_KEYS = ("minutes_title",)
_KEY_LIST_KEYS = (
    "report_header_keys",
    "officer_keys",
    "contact_keys",
    "contact_name_keys",
    "contact_job_keys",
    "header_keys",
    "title_keys",
    "report_opening_keys",
)


def text_below(cleaned: list[str], index: int, past_blank: bool) -> str:
    """The next line, or when it is blank and `past_blank`, the one after it: a banner's date
    under its name, spaced out or not (`CABINET` / `` / `17 March 2026`)."""
    below = cleaned[index + 1 : index + 3]
    if not below:
        return ""
    return below[1] if past_blank and not below[0] and len(below) > 1 else below[0]


@cache
def load_boundaries(path: Path = BOUNDARIES_FILE) -> Boundaries:
    spec = read_rules(path)

    def patterns(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in spec[key])

    def pattern(key: str) -> re.Pattern:
        return re.compile(spec[key], re.IGNORECASE)

    marker_sources = [p for key in _LINE_PATTERN_KEYS for p in spec[key]]
    marker_sources += [spec[key] for key in _SINGLE_PATTERN_KEYS]
    marker_sources += [block["opens"] for block in spec["report_blocks"]]
    return Boundaries(
        **{key: patterns(key) for key in _LINE_PATTERN_KEYS},
        **{key: tuple(spec[key]) for key in _KEY_LIST_KEYS},
        report_blocks=tuple(
            (
                re.compile(b["opens"], re.IGNORECASE),
                re.compile(_calendar(b["confirmed_by"]), re.IGNORECASE),
            )
            for b in spec["report_blocks"]
        ),
        report_furniture_lines=patterns("report_furniture_lines"),
        header_key_alone=pattern("header_key_alone"),
        report_author_line=pattern("report_author_line"),
        paragraph_lead_in=pattern("paragraph_lead_in"),
        decision_label_cell=pattern("decision_label_cell"),
        decision_label_text=pattern("decision_label_text"),
        banner_name=pattern("banner_name"),
        bare_banner_name=pattern("bare_banner_name"),
        banner_date=re.compile(_calendar(spec["banner_date"]), re.IGNORECASE),
        report_banner_line=re.compile(_calendar(spec["report_banner_line"]), re.IGNORECASE),
        banner_separators=tuple(spec["banner_separators"]),
        report_header_span=int(spec["report_header_span"]),
        closing_continuation=pattern("closing_continuation"),
        officer_sentence=pattern("officer_sentence"),
        appendix_list_entry=pattern("appendix_list_entry"),
        minutes_title=pattern("minutes_title"),
        minutes_meeting_title=pattern("minutes_meeting_title"),
        minutes_title_without_body=pattern("minutes_title_without_body"),
        minutes_agenda_entry=pattern("minutes_agenda_entry"),
        minutes_part_heading=pattern("minutes_part_heading"),
        meeting_notice=pattern("meeting_notice"),
        minutes_attendance=pattern("minutes_attendance"),
        minutes_held=pattern("minutes_held"),
        signature_line=pattern("signature_line"),
        time_before_date=pattern("time_before_date"),
        venue_above_date=pattern("venue_above_date"),
        document_title_lines=pattern("document_title_lines"),
        committee_line_prefix=pattern("committee_line_prefix"),
        summons_sentence=pattern("summons_sentence"),
        item_title_line=pattern("item_title_line"),
        agenda_heading=pattern("agenda_heading"),
        agenda_item_pages=pattern("agenda_item_pages"),
        stop_words=frozenset(spec.get("title_stop_words", ())),
        any_marker=_union(marker_sources),
        report_key_words=_first_words(spec["report_header_keys"]),
        header_field_keys=frozenset(
            spec["header_keys"] + spec["title_keys"] + spec["report_header_keys"]
        ),
    )


def _calendar(pattern: str) -> str:
    """{month} and {weekday} in a rule: any month name or abbreviation, any day of the week."""
    return pattern.replace("{month}", MONTH_NAMES).replace("{weekday}", WEEKDAYS)


def _first_words(keys: list[str]) -> tuple[str, ...] | None:
    """The first word of each key, lower-cased; None unless all are ASCII. An ASCII word is in
    a lower-cased line wherever it is in the lower-cased key read from that line: only the
    lower case of `Σ` depends on the letters around it."""
    words = tuple(dict.fromkeys(key.split()[0].lower() for key in keys if key.split()))
    if len(words) == 0 or not all(word.isascii() for word in words):
        return None
    return words


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _union(sources: list[str]) -> Callable[[str], re.Match | None] | None:
    """One test that matches where any of `sources` matches, or None when they cannot be
    joined safely (a back-reference would point at another pattern's group, or inline flags).

    When every source is anchored at the line start, the union is tried at the start only
    (`match`): `search` would try each alternative at every position of every line."""
    if any(_BACKREFERENCE.search(source) for source in sources):
        return None
    try:
        union = any_of(sources)
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
