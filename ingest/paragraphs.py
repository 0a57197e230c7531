"""Numbered paragraphs that the PDF conversion printed with a TAB after their number.

Many councils set their reports as numbered paragraphs in a two-column layout, and the text
conversion prints them as `1.1<TAB>In 2023/24 there were 596 children in care ...` or
`(i)<TAB>That the report be noted and ...`. Read as a table, such a line is a two-cell row whose
second cell is a sentence: its figures are never read as prose and its recommendation never as
one. `paragraph_view` gives the lines the parser reads, with the TAB of each such line turned
into a space; the pack's lines themselves (raw.lines) stay as printed, one for one, so every
line number is the same in both.

A bulleted line printed `•<TAB>46% of children waiting ...` is read the same way, and so is a
decision's word printed as a cell of its own (`RESOLVED:<TAB>That the minutes ... be confirmed`,
`RESOLVED -<TAB>(i)<TAB>That the Council be recommended ...` over its first item).

A row of a real table keeps its TABs: it has more than two cells, or its second cell is short
(`1<TAB>Review the policy`, a numbered list of actions) or holds a figure alone.
"""

from __future__ import annotations

import re

from ingest.boundaries import load_boundaries
from ingest.text import BULLET_MARKS

_PLAIN_NUMBER = r"(?:\d{1,3}|(?!(?:19|20)\d\d)\d{4})"
"""A paragraph's or minute's number in digits, of four at most, none a year."""
PARAGRAPH_NUMBER = re.compile(
    rf"^\s*(?:\(?{_PLAIN_NUMBER}(?:\.\d{{1,3}}){{0,3}}[.)]?|[a-z]\d{{1,3}}(?:\.\d{{1,3}}){{0,3}}\.|\(?[a-z]{{1,4}}\)|[a-z]\.|[ivxl]{{2,5}}\.|[{re.escape(BULLET_MARKS)}])\s*$",
    re.IGNORECASE,
)
"""A paragraph's number or item label ('2.1', 'A1.' in an appendix, with its dot: 'Q2' is a
quarter; '(ii)', 'b.', 'ii.'; a minute's number of four digits, '1402', but no year:
'2017<TAB>...' is a chronology's row), or a bullet ('•<TAB>46% of children waiting ...' in a
list of headlines)."""
MIN_WORDS = 8  # a sentence, not a table cell's label
MIN_ITEM_WORDS = 3  # an item of a list of numbered paragraphs
_WORD = re.compile(r"[A-Za-z]{2,}")


def paragraph_view(lines: list[str]) -> list[str]:
    """`lines`, with each numbered paragraph printed `<number><TAB><sentence>` joined by a space
    instead (the list itself when there is none, the common case). A short numbered item right
    above or below one (`1.<TAB>Note the forecast overspend.` over `2.<TAB>Approve a budget
    virement of £1.5m from the corporate contingency.`), or one blank line away from it and
    labelled alike (`(i)<TAB>THAT the report be noted; and` / `` / `(ii)<TAB>THAT 40 additional
    audit days ...`), is an item of the same list."""
    numbered = {
        i
        for i, line in enumerate(lines)
        if "\t" in line and (is_numbered_paragraph(line) or _lone_numbered_sentence(lines, i))
    }
    minute_body, minute_items = _indented_minute_body(lines)
    if not numbered and not minute_body and not minute_items:
        return lines
    grown = set(numbered)
    for index in sorted(numbered):
        shape = _label_shape(lines[index])
        for step in (-1, 1):
            other = _next_item_line(lines, index, step, shape)
            while 0 <= other < len(lines) and other not in grown and _short_item(lines[other]):
                grown.add(other)
                other = _next_item_line(lines, other, step, shape)
    view = list(lines)
    for index in grown | set(minute_items):
        indent, number, text = _parts(lines[index])
        words = " ".join(text.split("\t")).strip()
        view[index] = f"{indent.replace(chr(9), '')}{number.rstrip()} {words}"
    for index in [*_indented_continuations(lines, grown), *minute_body]:
        view[index] = lines[index].strip("\t ")
    return view


_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")  # `[Item 7]`, `(Item No. 5)`
_MINUTE_TITLE = re.compile(r"^\s*\d{1,4}(?:\.|/\d{2,4})?\t(?P<title>[^\t]*[A-Z][^\t]*)$")


def _indented_minute_body(lines: list[str]) -> tuple[list[int], list[int]]:
    """The lines of a minute's body indented under its number (`13.<TAB>MINUTES` over
    `<TAB>Resolved that the minutes ... be approved.`, `42<TAB>MINUTES OF THE PREVIOUS MEETING`
    over `<TAB>RESOLVED:` / `<TAB>That the minutes ...`): each line of one cell of words after
    the indent, from a minute's number and upper-case title in two cells (what it prints in
    brackets aside: `57/25<TAB>FORWARD WORK PROGRAMME [Item 7]`) down to the next line
    that is not indented. Read as they are, they would be one-cell table rows, not the minute's
    paragraphs and decisions; and the lines of the items there (`<TAB>(a)<TAB>the report be
    noted;`), read as the items of a list."""
    found: list[int] = []
    items: list[int] = []
    for index, line in enumerate(lines):
        title = _MINUTE_TITLE.match(line)
        if title is None or any(ch.islower() for ch in _BRACKETED.sub("", title.group("title"))):
            continue
        below = index + 1
        while below < len(lines) and (not lines[below].strip() or lines[below].startswith("\t")):
            if _indented_cell(lines[below]) is not None and _WORD.search(lines[below]):
                found.append(below)
            elif _is_indented_item(lines[below]):
                items.append(below)
            below += 1
    return found, items


def _is_indented_item(line: str) -> bool:
    """`<TAB>(a)<TAB>the report be noted;`: an item's label and its words in two cells."""
    _, label, text = _parts(line)
    one_cell = "\t" not in text.strip()
    return bool(PARAGRAPH_NUMBER.match(label)) and one_cell and bool(_WORD.search(text))


_BARE_NUMBER = re.compile(_PLAIN_NUMBER)


def bare_number_labels(lines: list[str], view: list[str]) -> dict[int, str]:
    """The line numbers (1-based) of the paragraphs `paragraph_view` joined to a bare number
    printed before a TAB (`6<TAB>Adult Social Care Complaints ... Annual Report (Pages 9 - 32)`,
    `3<TAB>The Council received 212 complaints ...`), each with that number: the view prints it
    `6 Adult ...`, where a reader can no longer tell the item's number from a count. A number
    before words opening in lower case is a count (`45<TAB>complaints were about communication
    ...`)."""
    labels = {}
    pages = load_boundaries().agenda_item_pages
    for index, (line, seen) in enumerate(zip(lines, view, strict=True)):
        if line is not seen and "\t" in line:
            _, number, text = _parts(line)
            if _BARE_NUMBER.fullmatch(number.strip()) and not text.lstrip()[:1].islower():
                labels[index + 1] = number.strip()
        elif "\t" not in line and line[-1:] == ")" and pages.search(line):
            # an agenda's item printed with a space (`6 Children Looked After ... (Pages 19 -
            # 34)`): its number, no count
            item = _AGENDA_ITEM_NUMBER.match(line)
            if item:
                labels[index + 1] = item.group(1)
    return labels


_AGENDA_ITEM_NUMBER = re.compile(rf"^\s*({_PLAIN_NUMBER})\.?\s+[A-Z]")


def _indented_continuations(lines: list[str], numbered: set[int]) -> list[int]:
    """The lines that go on a numbered paragraph whose text the conversion indented by a TAB
    (`(b)<TAB>delegates to the Executive Director, in consultation with the Portfolio` over
    `<TAB>Holder for Finance, authority to make changes.`): right below it or below another such
    line, one cell of words after the indent, under a line that ends no sentence; or, under one
    that does, a paragraph of its own or a decision's lead-in (a minute printed `1402<TAB>The
    Cabinet Member ... introduced the report ...` over `<TAB>Councillor Alden asked how many
    ...` and `<TAB>RESOLVED (UNANIMOUSLY):-`: the minute's next paragraphs, under a bare
    number only)."""
    found: list[int] = []
    for index in sorted(numbered):
        # a minute's paragraphs go on under its bare number, not under a lettered item's
        minute = _parts(lines[index])[1].strip().isdigit()
        below = index + 1
        while below < len(lines) and (
            _indented_words(lines[below]) or _indented_lead_in(lines[below])
        ):
            if _ends_a_clause(lines[below - 1]) and not (
                minute and _indented_paragraph(lines[below])
            ):
                break
            found.append(below)
            below += 1
    return found


def _indented_paragraph(line: str) -> bool:
    """An indented line that is a paragraph of its own: a sentence's words, or a lead-in."""
    return len(_WORD.findall(line)) >= MIN_WORDS or _indented_lead_in(line)


def _indented_lead_in(line: str) -> bool:
    """`<TAB>RESOLVED (UNANIMOUSLY):-`: a decision's lead-in alone on an indented line."""
    body = _indented_cell(line)
    return body is not None and load_boundaries().paragraph_lead_in.match(body) is not None


def _indented_words(line: str) -> bool:
    body = _indented_cell(line)
    return (
        body is not None
        and not PARAGRAPH_NUMBER.match(body.split(" ", 1)[0])
        and len(_WORD.findall(body)) >= MIN_ITEM_WORDS
    )


def _indented_cell(line: str) -> str | None:
    """The one cell of a line indented by a TAB (trailing white space aside), else None."""
    text = line.rstrip("\t ")
    body = text.lstrip("\t ")
    return body if text.startswith("\t") and "\t" not in body else None


def _ends_a_clause(line: str) -> bool:
    return line.rstrip("\t ").endswith((".", ":", ";"))


def _next_item_line(lines: list[str], current: int, step: int, shape: str) -> int:
    """The line next to the item at `current` in the direction of `step`; or, when that is one
    blank line, the line after it if it is labelled alike in a list lettered or numbered in Roman
    (`(i)`, `b)`), or if it is the next paragraph of a numbered list (`2.5` one blank line below
    `2.4`) and ends a sentence. Not `29.` under `c)`: a minute's heading under the last item of
    the minute above; nor `3.0<TAB>Waiting list position` over `3.1<TAB>...`: a section's
    heading."""
    index = current + step
    if not (0 <= index < len(lines)) or lines[index].strip():
        return index
    after = index + step
    if not (0 <= after < len(lines)) or _label_shape(lines[after]) != shape:
        return -1
    if "a" in shape:
        return after
    first, second = (current, after) if step > 0 else (after, current)
    if _follows(_parts(lines[first])[1], _parts(lines[second])[1]) and _ends_a_sentence(
        lines[after]
    ):
        return after
    return -1


def _follows(label: str, following: str) -> bool:
    """`2.5` follows `2.4`, `7.` follows `6.`: the same label with its last number one more."""
    numbers, next_numbers = _DIGIT_RUN.findall(label), _DIGIT_RUN.findall(following)
    return (
        len(numbers) == len(next_numbers) > 0
        and numbers[:-1] == next_numbers[:-1]
        and int(next_numbers[-1]) == int(numbers[-1]) + 1
    )


def _ends_a_sentence(line: str) -> bool:
    return line.rstrip("\t ").endswith(".")


def _label_shape(line: str) -> str:
    """The shape of a line's first cell, letters and digits folded (`(ii)` -> `(a)`, `2.1` ->
    `9.9`)."""
    number = _parts(line)[1].strip().lower()
    return _DIGIT_RUN.sub("9", _LETTER_RUN.sub("a", number))


_DIGIT_RUN = re.compile(r"\d+")
_LETTER_RUN = re.compile(r"[a-z]+")


def is_numbered_paragraph(line: str) -> bool:
    """`2.1<TAB>The number of children ...`: a paragraph or item number, then one cell of running
    text (trailing empty cells allowed), nothing else; or the lead-in of what follows it (words
    ending with a colon; `123<TAB>RESOLVED:- That Cabinet:-` over items). The number may be
    indented by TABs, as lettered items under a resolution often are (`<TAB>(a)<TAB>approves an
    increase of ...`)."""
    _indent, number, rest = _parts(line)
    text = rest.rstrip("\t ")
    if "\t" in text:
        return _labelled_decision_over_its_first_item(number, text)
    if not PARAGRAPH_NUMBER.match(number):
        return _is_labelled_decision(number, text)
    if len(_WORD.findall(text)) >= MIN_WORDS or _sentence_of_figures(text):
        return True
    # words introducing what follows with its day or year (`2.6<TAB>Age and gender profile at 30
    # September 2025:` over a table): a lead-in, not a row (`14.0<TAB>Risk management
    # considerations:` over `14.1<TAB>None` stays a row of a report's closing list)
    if (
        text.endswith(":")
        and len(_WORD.findall(text)) >= MIN_ITEM_WORDS
        and any(ch.isdigit() for ch in text)
    ):
        return True
    # the lead-in of resolved or recommended items (boundaries.yml paragraph_lead_in)
    return load_boundaries().paragraph_lead_in.match(text.strip()) is not None


def _sentence_of_figures(text: str) -> bool:
    """`Services received 2,146 compliments in 2024/25, up from 1,987 in 2023/24.`: a sentence
    whose figures make it as long as one of words (a capital, a full stop, MIN_WORDS tokens,
    MIN_ITEM_WORDS of them words), not a table cell's label."""
    text = text.strip()
    return (
        text[:1].isupper()
        and text.endswith(".")
        and len(text.split()) >= MIN_WORDS
        and len(_WORD.findall(text)) >= MIN_ITEM_WORDS
    )


def _is_labelled_decision(label: str, text: str) -> bool:
    """`RESOLVED:<TAB>That the minutes ... be confirmed ...` or `RESOLVED:<TAB>That:` over its
    items: a decision's word as a cell of its own (boundaries.yml decision_label_cell), then
    what was decided (`That ...`, `To ...`) or the lead-in of items. Not an action plan's
    `Agreed:<TAB>Management will review the procedure ...`, a row of its table."""
    boundaries = load_boundaries()
    if not boundaries.decision_label_cell.match(label.strip()):
        return False
    words = text.strip()
    return (
        boundaries.decision_label_text.match(words) is not None
        or boundaries.paragraph_lead_in.match(words) is not None
    )


def _labelled_decision_over_its_first_item(label: str, text: str) -> bool:
    """`RESOLVED -<TAB>(i)<TAB>That the Council be recommended to approve ...`: a decision's word,
    its first item's label and that item's text, each a cell of its own (the items after it print
    `<TAB>(ii)<TAB>That ...`, read as numbered paragraphs)."""
    item, _, words = text.partition("\t")
    if "\t" in words or not PARAGRAPH_NUMBER.match(item) or PARAGRAPH_NUMBER.match(label):
        return False
    return _is_labelled_decision(label, words.strip())


def _lone_numbered_sentence(lines: list[str], index: int) -> bool:
    """`1.<TAB>The Council received 305 Stage 1 complaints in 2024/25.`: a numbered line of one
    cell that is a short sentence holding a figure (a capital first, MIN_ITEM_WORDS words or
    more, a full stop last), with no TAB line next to it (blank lines aside): a paragraph too
    short for MIN_WORDS, not a one-row table whose figure no one reads."""
    _indent, number, rest = _parts(lines[index])
    text = rest.rstrip("\t ")
    if "\t" in text or not PARAGRAPH_NUMBER.match(number) or not text[:1].isupper():
        return False
    if not text.endswith(".") or text.endswith("..") or not any(ch.isdigit() for ch in text):
        return False
    if len(_WORD.findall(text)) < MIN_ITEM_WORDS:
        return False
    return not any("\t" in lines[i] for i in _nearest_printed(lines, index))


def _nearest_printed(lines: list[str], index: int) -> list[int]:
    """The nearest line with text above and below `index` (blank lines skipped)."""
    found = []
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(lines) and not lines[other].strip():
            other += step
        if 0 <= other < len(lines):
            found.append(other)
    return found


def _short_item(line: str) -> bool:
    """A numbered line of one cell of words too short for a paragraph (`1.<TAB>Note the
    report.`): an item when a numbered paragraph is printed next to it."""
    if "\t" not in line:
        return False
    _indent, number, rest = _parts(line)
    text = rest.rstrip("\t ")
    return (
        "\t" not in text
        and PARAGRAPH_NUMBER.match(number) is not None
        and len(_WORD.findall(text)) >= MIN_ITEM_WORDS
    )


def _parts(line: str) -> tuple[str, str, str]:
    """A line's indent (leading TABs and spaces), its first cell after the indent, and the rest
    after that cell's TAB."""
    body = line.lstrip("\t ")
    number, _, rest = body.partition("\t")
    return line[: len(line) - len(body)], number, rest
