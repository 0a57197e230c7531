"""Split a pack into its documents: agenda front sheet, minutes, reports and appendices.

No single marker is reliable, so several are combined (see boundaries.yml): `Report to:` blocks,
cover-report furniture and committee-and-date banners open reports; minutes titles open minutes
(their page-header repeats do not); a blank page or an `Agenda Item N` stamp closes a document and
the next content opens one, which is an appendix of the report before it unless it is itself a
report or minutes; so does the paragraph after a report's closing template section (`Background
papers` / `13.1 None.`). A report that lists more appendices than follow it has the missing ones
looked for inside those that do. Documents are contiguous: every line of the pack belongs to
exactly one.

This module holds the scan over the pack's lines and the assembly of `Document`s; the rules are
in `ingest.boundaries`, the listed-appendix search in `ingest.appendices` and the titles and
officers in `ingest.document_titles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.appendices import add_listed_appendices, listed_titles
from ingest.boundaries import Boundaries, load_boundaries, text_below
from ingest.document_titles import (
    contact_officer,
    is_bare_item_number,
    minutes_title,
    officer_key_in_document,
    title_and_officer,
)
from ingest.keyvalue import split_key_value
from ingest.paragraphs import is_numbered_paragraph
from ingest.text import clean_text, is_page_stamp

_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_AFTER_CLOSING = "after its closing section"
BARE_BANNER_REACH = 4  # lines with text under a bare banner's date that may print `Report of`


@dataclass
class Document:
    seq: int
    kind: str  # agenda | minutes | report | appendix
    title: str | None
    officer: str | None
    first_line: int
    last_line: int
    marker: str


def split_documents(lines: list[str], cleaned: list[str] | None = None) -> list[Document]:
    """The documents of a pack; `cleaned` is `clean_text` of every line, if worked out already."""
    rules = load_boundaries()
    if cleaned is None:
        cleaned = list(map(clean_text, lines))
    scan = _Scan(lines, cleaned, rules)
    scan.run()
    starts = add_listed_appendices(scan.starts, scan.listed, lines, cleaned, rules)
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
    opened_at: int = 0  # the line that opened the last document (after any stamp)
    closing: str | None = None  # None | heading | body: where in a report's closing section
    minutes_title: str | None = None

    def run(self) -> None:
        for index, text in enumerate(self.cleaned):
            if not text:
                if self.closing == "body":
                    self.closing, self.pending = None, _AFTER_CLOSING
                continue
            if self.pending is None and self.closing != "heading" and self._plain(index, text):
                continue  # a line that changes nothing, told at once: most lines
            if self.pending is not None and (is_page_stamp(text) or is_bare_item_number(text)):
                continue  # `Page 6` under a blank page, `3` under `Agenda Item No.`: furniture
            markers = self.rules.line_markers(text)
            if markers[:1] == ("blank_page",):
                self.pending = "after a blank page or stamp"
            elif markers[:1] == ("item_stamp",):
                self.pending = "after a blank page or stamp"
                self.pending_from = index if self.pending_from is None else self.pending_from
            else:
                self._content(index, text, markers)

    def _plain(self, index: int, text: str) -> bool:
        """The line marks nothing and cannot open a document: no marker matches it, and it
        neither opens a report block nor is a banner. With nothing pending and no closing
        section begun, such a line leaves the scan as it was."""
        rules = self.rules
        if rules.any_marker is None or rules.any_marker(text):
            return False
        if text[-1:] in _BANNER_NAME_ENDS and rules.names_a_body(text):
            return False  # a committee's name: minutes may open under it (_minutes_banner)
        if rules.bare_banner_name.match(text):
            return False  # `CABINET` spaced out over a date: a report's banner (_bare_banner)
        following = self.cleaned[index + 1] if index + 1 < len(self.cleaned) else ""
        if following[:1] in "RrJj" and rules.report_author_line.match(following):
            return False  # a title over `Report of the Director ...` (_title_over_report_author)
        return not rules.may_open_report(self.lines[index], text, following)

    def _content(self, index: int, text: str, markers: tuple[str, ...]) -> None:
        kind = self._opening_kind(index, text, markers)
        if self.pending == _AFTER_CLOSING and (kind or self._continues_closing(text)):
            self.pending = None  # a document opened by itself, or the section goes on
        if kind is None and self.pending:
            kind = self._opened_below(index)
        if kind is None and self.pending:
            kind = "appendix" if self.starts else _front_kind(self.cleaned, self.rules)
        if kind is not None:
            self._open(index, kind)
        self.pending, self.pending_from = None, None
        self._note_sections(index, markers)

    def _opened_below(self, index: int) -> str | None:
        """The first line after a stamp heads the document one of the next three lines with text
        opens: a report by its `Report to:` key (`Item 5` / `Audit Committee` / `Report
        to:<TAB>Audit Committee`, or `Report for:` alone over `Cabinet`, or `Report of the
        Director of ...` under its title), its own block (`LONDON BOROUGH OF CAMDEN` / `REPORT
        TITLE` / ...) or a line that opens one (`Bristol City Council` / `Record of Decision`,
        boundaries.yml titled_start_lines), minutes by their title (`Item 4` /
        `Health Scrutiny Committee` / `Minutes of the meeting held on ...`) or their banner
        (`Agenda Item 2` / `KIRKLEES COUNCIL` / `CABINET` / `Tuesday 17th February 2026` /
        `Present:`, _minutes_banner)."""
        if _report_key_alone(self.cleaned[index], self.rules):
            return "report"
        below = [i for i in range(index + 1, min(index + 12, len(self.lines))) if self.cleaned[i]]
        # (three lines: a committee's name and the meeting's date may stand above the report's
        # fields: `Adults Sub-Committee` / `13 October 2025` / `Title<TAB>...` / `Report of ...`;
        # the lines of a banner naming the council, the body and the date count for none, and so
        # do an officer's contact lines over the title: `Report author: ...` / `Tel: ...`)
        counted = [i for i in below if not self._banner_line(self.cleaned[i])]
        if self._attendance_under_banner(index, below):
            self.minutes_title = _normalise(minutes_title(self.cleaned, below[0]))
            return "minutes"
        if self._banner_among(below[:3]):
            return "report"
        for i in [i for i in counted if not _contact_field(self.lines[i], self.rules)][:3]:
            if (
                _opens_report_block(self.lines[i], self.rules)
                or _report_title_field(self.lines[i], self.rules)
                or "report" in self.rules.line_markers(self.cleaned[i])[:1]
                or _title_key_alone(self.cleaned[i], self.rules)
                or _report_key_alone(self.cleaned[i], self.rules)
                or self.rules.report_author_line.match(self.cleaned[i])
                or self._opens_report(i, self.cleaned[i], self.rules.line_markers(self.cleaned[i]))
            ):
                return "report"
            if self.rules.minutes_title.search(self.cleaned[i]) or self._minutes_banner(
                i, self.cleaned[i]
            ):
                self.minutes_title = _normalise(minutes_title(self.cleaned, i))
                return "minutes"
        return None

    def _banner_among(self, indexes: list[int]) -> bool:
        """`Somerset Council` / `Scrutiny Committee - Children and Families` / `5 November 2025`
        over a title: a body's name over the meeting's date, a report's banner (minutes under
        one are told first, by who attended)."""
        return any(
            self.rules.is_banner(self.cleaned[i], text_below(self.cleaned, i, past_blank=True))
            for i in indexes
        )

    def _banner_line(self, text: str) -> bool:
        """A line of a report's banner (`Boundaries.is_report_banner_line`), not the minutes
        title a stamp opens (`Minutes of the Health Scrutiny Committee`)."""
        return not self.rules.minutes_title.search(text) and self.rules.is_report_banner_line(text)

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
        if "report" in markers and self._titled_line_in_minutes(index, text):
            return None
        first = markers[0] if markers else None
        following = self._next_text(index)
        banner = (
            (self.rules.is_banner(text, following) or self._bare_banner(index, text))
            and (not self._by_page_stamp(index) or self._report_opens_below(index))
            and not self._under_signature(index)
        )
        if (banner and self._attendance_follows(index)) or self._minutes_banner(index, text):
            first = "minutes"
        elif (
            banner
            or self._opens_report(index, text, markers)
            or self._body_over_report_title(index, text)
            or self._title_over_report_author(index, text)
        ):
            first = "report"
        if first == "report" and self._in_report_header(index):
            return None
        if (
            first not in ("report", "minutes")
            and "appendix_heading" in markers
            and self._heads_an_appendix(index)
        ):
            return "appendix"
        if first == "minutes":
            if self._bare_minutes_heading(text) or self.rules.minutes_agenda_entry.search(text):
                return None  # `MINUTES` inside minutes; an agenda's entry describing them
            title = _normalise(minutes_title(self.cleaned, index))
            if title == self.minutes_title:
                return None  # a running page header repeating the minutes title
            self.minutes_title = title
        return first if first in ("report", "minutes") else None

    def _next_text(self, index: int) -> str:
        """The next line, or past one blank line once a document is open or by a page stamp (a
        report's banner spaced out; at the head of the pack the same lines open its front sheet,
        whose kind `_front_kind` tells)."""
        past_blank = bool(self.starts) or self._by_page_stamp(index)
        return text_below(self.cleaned, index, past_blank=past_blank)

    def _bare_banner(self, index: int, text: str) -> bool:
        """`CABINET`, a blank line, `17 March 2026`, then a title and `Report of ...` within a
        few lines, once a document is open: a report's banner naming its body by one word
        (boundaries.yml bare_banner_name)."""
        if not self.starts or not self.rules.bare_banner_name.match(text):
            return False
        below = self.cleaned[index + 1 : index + 3]
        if len(below) < 2 or below[0] or not self.rules.banner_date.match(below[1]):
            return False
        after = [t for t in self.cleaned[index + 3 : index + 16] if t][:BARE_BANNER_REACH]
        return any(self.rules.report_author_line.match(t) for t in after)

    def _heads_an_appendix(self, index: int) -> bool:
        """`Appendix A: Title` alone after a blank line in a report, past its first lines: the
        appendix's heading, not an entry of the report's list of appendices (a list heading or
        another entry next to it)."""
        open_kind = self.starts[-1][1] if self.starts else _front_kind(self.cleaned, self.rules)
        if open_kind != "report":
            return False  # an appendix's own appendices ('Appendix A - Definitions') are its parts
        if index - self.opened_at <= self.rules.report_header_span or self.closing is not None:
            return False
        if index == 0 or self.cleaned[index - 1]:
            return False
        nearby = [t for t in self.cleaned[max(0, index - 4) : index] if t][-1:]
        nearby += [t for t in self.cleaned[index + 1 : index + 5] if t][:1]
        rules = self.rules
        return not any(
            rules.appendix_list_entry.match(t) or "appendix_list" in rules.line_markers(t)
            for t in nearby
        )

    def _titled_line_in_minutes(self, index: int, text: str) -> bool:
        """`Annual Work Programme 2025/26` inside minutes already open, with no stamp or page
        number by it (boundaries.yml titled_start_lines): the heading of the minute about it,
        over `4. RESOLVED that the information contained in the work programme be received and
        noted`, not the work programme itself."""
        return (
            self._in_open_minutes()
            and not self._by_page_stamp(index)
            and any(p.search(text) for p in self.rules.titled_start_lines)
        )

    def _bare_minutes_heading(self, text: str) -> bool:
        """A line reading only `MINUTES` inside minutes already open, with no stamp before it,
        heads a part of them (`At a meeting of the X COMMITTEE held on ...` / ... / `MINUTES` /
        `1. APOLOGIES`; a minute `MINUTES` confirming the last meeting's, or `Minutes of the last
        meeting of the Committee held on ...`: boundaries.yml minutes_part_heading): not other
        minutes."""
        return (
            self._in_open_minutes()
            and self.rules.minutes_part_heading.match(text.strip()) is not None
        )

    def _in_open_minutes(self) -> bool:
        """Minutes are the open document and no stamp is pending."""
        return self.pending is None and bool(self.starts) and self.starts[-1][1] == "minutes"

    def _minutes_banner(self, index: int, text: str) -> bool:
        """Minutes printed under their committee and date, then who attended
        (`Boundaries.heads_minutes_banner`)."""
        return text[-1:] in _BANNER_NAME_ENDS and self.rules.heads_minutes_banner(
            self.cleaned, index
        )

    def _opens_report(self, index: int, text: str, markers: tuple[str, ...]) -> bool:
        """`Report to:<TAB>COMMITTEE` (or `Report to:` alone over the committee's name), or a
        report's own block (`_report_block_follows`)."""
        if _opens_report_block(self.lines[index], self.rules):
            return True
        if _report_key_alone(text, self.rules):
            below = next((t for t in self.cleaned[index + 1 : index + 3] if t), "")
            return bool(below) and not below.endswith(":")
        return "report_block" in markers and self._report_block_follows(index, text)

    def _report_block_follows(self, index: int, text: str) -> bool:
        """`Item No.` with `Classification:` on its line or below it; `Report to the Cabinet`
        over `Meeting to be held on ...` (boundaries.yml report_blocks)."""
        after = [t for t in self.cleaned[index + 1 : index + 12] if t][:4]
        return self.rules.confirms_report_block(text, after)

    def _by_page_stamp(self, index: int) -> bool:
        """A banner printed by a `Page 10` stamp (one blank line between them or none) is the
        page's running footer or header, not the opening of a document (`Wigan Council - ...
        Committee - 14 May 2024` / `Page 10`)."""
        above = next((i for i in range(index - 1, max(index - 3, -1), -1) if self.cleaned[i]), None)
        below = next(
            (i for i in range(index + 1, min(index + 3, len(self.lines))) if self.cleaned[i]), None
        )
        return any(
            other is not None and is_page_stamp(self.lines[other]) for other in (above, below)
        )

    def _report_opens_below(self, index: int) -> bool:
        """A report's opening line (`Purpose of report:`, `1. Purpose of report`, boundaries.yml
        report_opening_keys; or its `Report of:` field) among the few lines with text below the
        banner at `index`: the banner opens it, though a
        page stamp stands by it (`Page 14` / `ADULTS AND HEALTH SELECT COMMITTEE` / `4 MARCH 2026` /
        title / `Purpose of report:`)."""
        below = [i for i in range(index + 1, min(index + 10, len(self.lines))) if self.cleaned[i]][
            :5
        ]
        keys = self.rules.report_opening_keys
        return any(
            _NUMBERED.sub("", self.cleaned[i]).rstrip(": ").lower() in keys
            or _opens_report_block(self.lines[i], self.rules)
            for i in below
        )

    def _body_over_report_title(self, index: int, text: str) -> bool:
        """`Corporate Parenting Board` at the top of a page (by its stamp), a `Report Title:`
        field within two lines with text below: a report's header naming its body."""
        if not (self.starts and self.rules.names_a_body(text) and self._by_page_stamp(index)):
            return False
        below = [i for i in range(index + 1, min(index + 6, len(self.lines))) if self.cleaned[i]]
        return any(_report_title_field(self.lines[i], self.rules) for i in below[:2])

    def _title_over_report_author(self, index: int, text: str) -> bool:
        """`CHILDREN IN OUR CARE: ANNUAL PERFORMANCE REPORT` at the top of a page (by its stamp),
        `Report of the Director of Children's Social Care` on the next line with text: a report's
        title over who reports (a numbered minute's heading over the report it considered is no
        such title)."""
        if not self._by_page_stamp(index) or text[:1].isdigit():
            return False
        if _is_sentence(self.lines[index], text) or "\t" in self.lines[index]:
            return False
        below = next((t for t in self.cleaned[index + 1 : index + 3] if t), "")
        return bool(self.rules.report_author_line.match(below))

    def _under_signature(self, index: int) -> bool:
        """The banner at `index` stands right under the line a chair signs minutes on (`CHAIR` /
        `CORPORATE PARENTING BOARD` / `Tuesday 3 March 2026`): their signature block."""
        above = next((t for t in reversed(self.cleaned[max(0, index - 2) : index]) if t), "")
        return bool(self.rules.signature_line.match(above))

    def _attendance_follows(self, index: int) -> bool:
        """The banner at `index` (name, then date) is followed by who attended: minutes."""
        after = [t for t in self.cleaned[index + 2 : index + 6] if t][:2]
        return any(self.rules.minutes_attendance.match(t) for t in after)

    def _attendance_under_banner(self, index: int, below: list[int]) -> bool:
        """Under a stamp, a banner's short lines only (`GATESHEAD METROPOLITAN BOROUGH COUNCIL` /
        `CABINET MEETING` / `Tuesday, 20 January 2026`; `CABINET` / `Meeting: 21 October 2025`
        / `At: 6.00 pm`), then who attended (`PRESENT:<TAB>Councillor ...`, `PRESENT`): the
        meeting's minutes, titled by no `Minutes` line."""
        head = [index, *below[:4]]
        for number, i in enumerate(head):
            if number >= 2 and self.rules.minutes_attendance.match(self.cleaned[i]):
                return True
            if (
                "\t" in self.lines[i]
                or len(self.cleaned[i]) > 80
                or self.cleaned[i].endswith(".")
                or _contact_field(self.lines[i], self.rules)
            ):
                return False  # a sentence, a table's row or an officer's contact: no banner
        return False

    def _in_report_header(self, index: int) -> bool:
        """`index` is within the header of the report opened last: fewer than report_header_span
        lines with text after the line that opened it (not the stamp before it; a header spaced
        out by blank lines is as long as a dense one), none of them a sentence (`Please note
        that this meeting may be filmed.` ends a front sheet's header)."""
        if not self.starts or self.starts[-1][1] != "report":
            return False
        between = [i for i in range(self.opened_at + 1, index) if self.cleaned[i]]
        if len(between) >= self.rules.report_header_span:
            return False
        return not any(
            _is_sentence(self.lines[i], self.cleaned[i]) or is_numbered_paragraph(self.lines[i])
            for i in between
        )

    def _open(self, index: int, kind: str) -> None:
        first = self.pending_from if self.pending_from is not None else index
        if kind == "report" and self.pending_from is None:
            first = self._header_fields_above(index)
        self.opened_at = index
        marker = f"{kind} {self.pending}" if self.pending else kind
        self.starts.append((first, kind, marker))
        self.closing = None
        if kind != "minutes":
            self.minutes_title = None

    def _header_fields_above(self, index: int) -> int:
        """A report opened by its `Report to:` field starts at the fields printed right above it,
        with no blank line between (`Reference Number: HOSC/41/25` / `Report title: ...` /
        `Report to: ...`; or each key alone over its value: `DECISION-MAKER:` / `HEALTH
        OVERVIEW AND SCRUTINY PANEL` / `SUBJECT:` / ... / `REPORT OF:`): they are its header,
        and may hold its title."""
        cleaned = self.cleaned
        if not (
            _opens_report_block(self.lines[index], self.rules)
            or _report_key_alone(cleaned[index], self.rules)
        ):
            return index
        key_alone = self.rules.header_key_alone.match
        floor = self.starts[-1][0] if self.starts else -1
        first = index
        for above in range(index - 1, max(floor, index - 1 - self.rules.report_header_span), -1):
            text = cleaned[above]
            field = split_key_value(self.lines[above]) is not None or bool(key_alone(text))
            if not text or not (field or (above > 0 and key_alone(cleaned[above - 1]))):
                break
            first = above
        return first

    def _note_sections(self, index: int, markers: tuple[str, ...]) -> None:
        """Closing sections and appendix lists of reports; contact blocks of any document."""
        in_report = bool(self.starts) and self.starts[-1][1] == "report"
        if self.closing == "heading":
            self.closing = "body"
        if in_report and "closing" in markers:
            self.closing = "heading"
        if in_report and "appendix_list" in markers:
            titles = listed_titles(self.cleaned, index + 1, self.rules)
            self.listed.setdefault(len(self.starts) - 1, []).extend(titles)
        if "contact" in markers:
            self.contacts.append(index)


_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?\s+")  # `1. Purpose of report`
# the last letters of committee, board, panel, cabinet, commission, meeting, and a `(...)`
_BANNER_NAME_ENDS = frozenset("eEdDlLtTnNgG)")


def _is_sentence(line: str, text: str) -> bool:
    """A line of running text: no TAB, no `Key:` and a full stop at its end."""
    return "\t" not in line and text.endswith(".") and split_key_value(line) is None


def _opens_report_block(line: str, rules: Boundaries) -> bool:
    """`Report to:<TAB>COMMITTEE` and the like, the meeting's date in a third cell too
    (`Report to:<TAB>Corporate Parenting Board<TAB>3 March 2026`)."""
    pair = split_key_value(line)
    if pair:
        return pair[0] in rules.report_header_keys
    cells = [c for c in line.split("\t") if c.strip()]
    return (
        len(cells) == 3
        and cells[0].strip().endswith(":")
        and cells[0].strip()[:-1].strip().lower() in rules.report_header_keys
    )


def _contact_field(line: str, rules: Boundaries) -> bool:
    """`Report author: Rebecca Atherton`, `Tel: 0113 37 88642`: an officer's name or contact
    (boundaries.yml officer_keys, contact_keys)."""
    pair = split_key_value(line)
    return bool(pair) and (pair[0] in rules.officer_keys or pair[0] in rules.contact_keys)


def _report_title_field(line: str, rules: Boundaries) -> bool:
    """`Report Title:<TAB>Children in Care ...`: a title key naming a report (not a bare
    `Title:` or `Subject:`, which other documents print)."""
    pair = split_key_value(line)
    return bool(pair) and pair[0] in rules.title_keys and "report" in pair[0]


def _title_key_alone(text: str, rules: Boundaries) -> bool:
    """`SUBJECT:` alone, the report's title on the next line (boundaries.yml title_keys)."""
    return bool(rules.header_key_alone.match(text)) and (
        text.lower().rstrip(":").strip() in rules.title_keys
    )


def _report_key_alone(text: str, rules: Boundaries) -> bool:
    """`Report for:` alone on its line, the committee on the next (`Cabinet`)."""
    return text.endswith(":") and text[:-1].strip().lower() in rules.report_header_keys


def _build_documents(lines, cleaned, starts, rules: Boundaries, contacts) -> list[Document]:
    if not starts or starts[0][0] > _first_content(cleaned):
        starts.insert(0, (0, _front_kind(cleaned, rules), "start of pack"))
    starts[0] = (0, starts[0][1], starts[0][2])
    documents = []
    for seq, (first, kind, marker) in enumerate(starts, start=1):
        last = starts[seq][0] - 1 if seq < len(starts) else len(lines) - 1
        title, officer = title_and_officer(lines, cleaned, first, last, kind, rules)
        if officer is None and kind in ("report", "appendix"):
            officer = contact_officer(lines, cleaned, contacts, first, last, rules)
        if officer is None and kind == "report":
            officer = officer_key_in_document(lines, first, last, rules)
        documents.append(Document(seq, kind, title, officer, first + 1, last + 1, marker))
    return documents


def _normalise(title: str) -> str:
    return _NOT_ALNUM.sub("", title.lower())


def _first_content(cleaned: list[str]) -> int:
    return next((i for i, text in enumerate(cleaned) if text), 0)


def _front_kind(cleaned: list[str], rules: Boundaries) -> str:
    """A pack opens with an agenda front sheet when it prints an agenda heading, or lists two or
    more items with their pages (`... Update (Pages 7 - 24)`)."""
    front = cleaned[:120]
    has_agenda = any(rules.agenda_heading.match(text) for text in front)
    has_agenda = has_agenda or sum(1 for t in front if rules.agenda_item_pages.search(t)) >= 2
    return "agenda" if has_agenda else "report"


__all__ = ["Document", "split_documents"]
