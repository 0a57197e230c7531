"""The caption of a table: the heading or caption lines just above it, and its as-of phrase.

The caption is the nearest line(s) introducing the table: a heading or short title (a stack of
them, like a wrapped upper-case title and its period line), or a line ending in `:` or saying
"table below", or the single sentence just above it; plus the section heading right above an
introducing line, or a few blocks above a sentence, paragraph or list. Prose paragraphs, bullet
lists, notes under the block above, running page headers and commentary on the table above
are not captions. A dated page title (`... DASHBOARD - December 2023`) heads the caption of
each table under it that has no as-of phrase of its own. Phrase lists live in captions.yml;
as-of phrases and dated titles are vars of the dbt project (read by ingest.dates), which dbt
dates them by.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.dates import as_of_phrase_patterns, is_dated_title
from ingest.lazy import lazy_property
from ingest.rules import RULES_DIR, LiteralGate, any_of, read_rules
from ingest.text import clean_text, is_page_stamp
from ingest.value_tokens import is_no_value

MAX_BLANK_LINES = 3  # blank lines allowed between caption lines; more means a new page or chart
CAPTION_MAX_LINES = 4
CAPTION_MAX_CHARS = 600
SCAN_MAX_LINES = 40  # lines looked at above a table
SEARCH_MAX_BLOCKS = 5  # text blocks skipped looking for the section heading above prose
CAPTION_HEADING_MAX_CHARS = 180
CAPTION_HEADING_MAX_WORDS = 25
LEGEND_MAX_CHARS = 60
RUNNING_HEADER_MIN_REPEATS = 5
RUNNING_HEADER_MAX_GAP = 60  # median lines between repeats: about a page
PHRASES_FILE = RULES_DIR / "captions.yml"

LIST_MARKER = re.compile(r"^(?:[-–•·▪◦●o]\s+|\(?[a-z]\)\s+|\(?[ivx]+\)\s+)")
NUMBER = re.compile(r"^\d+(?:\.\d+)*[a-z]?\.?\s+")  # `3.6 `, `11. `, `3.2a `
SENTENCE_BREAK = re.compile(r"[a-z0-9%)\]’'”\"][.!?]+[’'”\"]?\s+(?=[A-Z0-9“\"‘'(])")
# what a caption line can be, by its shape and wording
HEADING, INTRO, PROSE, LEGEND = "heading", "intro", "prose", "legend"
BULLET, LIST, FOOTNOTE = "bullet", "list", "footnote"
REFERENCE, ATTRIBUTION, FILLER = "reference", "attribution", "filler"


@dataclass(frozen=True)
class Phrases:
    lead_ins: LiteralGate  # searched in every line a caption decision looks at
    legends: re.Pattern
    footnotes: re.Pattern
    attributions: re.Pattern
    fillers: frozenset[str]
    as_of: LiteralGate  # searched in every column name and caption (var as_of_phrases)
    continued: re.Pattern  # a caption saying the table goes on ('Table 4 (continued)')


@cache
def phrases(path: Path = PHRASES_FILE) -> Phrases:
    spec = read_rules(path)
    return Phrases(
        lead_ins=LiteralGate(any_of(spec["lead_ins"])),
        legends=any_of(spec["legends"], flags=0),  # `PU – Partially Upheld;` is upper case
        footnotes=any_of(spec["footnotes"]),
        attributions=any_of(spec["attributions"]),
        fillers=frozenset(str(f).lower() for f in spec["fillers"]),
        as_of=LiteralGate(any_of(as_of_phrase_patterns())),
        continued=any_of(spec["continued_captions"]),
    )


def continues_caption(text: str, above: list[str]) -> bool:
    """`text` says the table goes on from the part above ('Table 4 (continued)'): a label it
    names opens one of the lines `above` (the caption of the first part: 'Table 4: Waiting
    lists compared with last year')."""
    match = phrases().continued.match(clean_text(text))
    if not match:
        return False
    label = match.group(1)
    if not label:
        return True
    opens = re.compile(rf"^(?:\d+(?:\.\d+)*\.?\s+)?{re.escape(label)}(?![a-z0-9])", re.IGNORECASE)
    return any(opens.match(clean_text(line)) for line in above)


def find_as_of(caption: str | None, columns: list[str]) -> str | None:
    for text in [*columns, caption or ""]:  # the table's own heading wins over prose above
        match = phrases().as_of.search(text)
        if match:
            return match.group(0)
    for part in (caption or "").split(" / "):
        if is_dated_title(part):
            return part  # the dated page title the caption carries
    return None


@dataclass
class Line:
    """A text line above a table. `block` counts the blank-separated blocks from the table,
    `block_size` is the number of lines of its block, `wraps_on` says the line under it in the
    same block starts in lower case (this one is part of a paragraph)."""

    number: int
    text: str
    block: int
    block_size: int = 1
    wraps_on: bool = False
    fixed_kind: str | None = None

    @lazy_property
    def kind(self) -> str:
        """Worked out only for the few lines a caption decision looks at."""
        if self.fixed_kind:
            return self.fixed_kind
        kind = line_kind(self.text, phrases(), self.wraps_on)
        if kind == HEADING and self.block_size > CAPTION_MAX_LINES:
            return LIST  # names, one to a line: too many lines for a title
        return kind


class CaptionFinder:
    """Finds the captions of one pack's tables; holds what is worked out once per pack: the
    running page headers and the dated page titles."""

    def __init__(self, lines: list[str], cleaned: list[str] | None = None) -> None:
        """`cleaned`: `clean_text` of every line, when the caller has it already."""
        self.lines = lines
        self.cleaned = cleaned if cleaned is not None else list(map(clean_text, lines))
        texts = [line.strip() if "\t" not in line else "" for line in lines]
        counts = Counter(texts)
        repeated = {t for t, n in counts.items() if t and n >= RUNNING_HEADER_MIN_REPEATS}
        dated = {
            t for t in counts if t.rstrip("*")[-4:].isdigit() and is_dated_title(clean_text(t))
        }
        positions: dict[str, list[int]] = defaultdict(list)
        if repeated or dated:
            for index, text in enumerate(texts):
                if text in repeated or text in dated:
                    positions[text].append(index)
        self.running_headers = {t for t in repeated if _runs_through(positions[t])}
        self.dated_titles = sorted(i for t in dated for i in positions[t])

    def find(self, first_line: int, floor: int = 1) -> tuple[str | None, int | None]:
        """The caption of the table starting at `first_line` and its first line; nothing above
        line `floor` (the first line of the table's document) is looked at."""
        above, stopped_at_table = self._lines_above(first_line, floor)
        chosen = sorted(choose_caption(above, stopped_at_table), key=lambda line: line.number)
        chosen = self._with_dated_title(chosen, first_line, floor)
        while len(chosen) > 1 and sum(len(line.text) + 3 for line in chosen) > CAPTION_MAX_CHARS:
            chosen = chosen[1:]  # the lines nearest the table say most about it
        if not chosen:
            return None, None
        caption = " / ".join(line.text for line in chosen)[-CAPTION_MAX_CHARS:]
        return caption, chosen[0].number

    def _lines_above(self, first_line: int, floor: int) -> tuple[list[Line], bool]:
        """The text lines above the table, nearest first, up to a table, the floor, a long gap
        or the scan limit; and whether a table stopped the walk."""
        found: list[Line] = []
        index, stop = first_line - 2, floor - 2
        gap = block = 0
        while index > stop and index >= first_line - 1 - SCAN_MAX_LINES:
            raw = self.lines[index]
            if "\t" in raw:
                return _in_blocks(found), True
            # a bare link (`<https://...>`), which cleaning strips like a tag, stays as printed
            text = self.cleaned[index] or (raw.strip() if _has_link(raw) else "")
            if not text or is_page_stamp(text) or raw.strip() in self.running_headers:
                gap += 1  # blank lines, page stamps and running page headers: white space
                if gap > MAX_BLANK_LINES:
                    break
            else:
                block += bool(found and gap)
                if block > SEARCH_MAX_BLOCKS + 2:  # a legend, the lead, the blocks searched
                    break
                gap = 0
                found.append(Line(index + 1, text, block))
            index -= 1
        return _in_blocks(found), False

    def _with_dated_title(self, chosen: list[Line], first_line: int, floor: int) -> list[Line]:
        """A caption without its own as-of phrase takes the nearest dated page title above in
        the same document (`... DASHBOARD - December 2023`): it dates the tables under it."""
        at = bisect_right(self.dated_titles, first_line - 2) - 1
        if at < 0 or self.dated_titles[at] < floor - 1:
            return chosen
        if any(phrases().as_of.search(line.text) or is_dated_title(line.text) for line in chosen):
            return chosen
        index = self.dated_titles[at]
        return [Line(index + 1, self.cleaned[index], -1, fixed_kind=HEADING), *chosen]


def _has_link(text: str) -> bool:
    return "://" in text or "www." in text


def _runs_through(positions: list[int]) -> bool:
    """A line printed again and again about a page apart: a running page header (`Customer
    Relations Team – Adult Services Annual Report`), not a section heading that each report of
    a pack repeats once."""
    if len(positions) < RUNNING_HEADER_MIN_REPEATS:
        return False
    gaps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    return statistics.median(gaps) <= RUNNING_HEADER_MAX_GAP


def _in_blocks(found: list[Line]) -> list[Line]:
    """`found` (nearest first) with each line's block size and whether it wraps on."""
    sizes: dict[int, int] = defaultdict(int)
    for line in found:
        sizes[line.block] += 1
    below: Line | None = None  # the line under this one
    for line in found:
        line.block_size = sizes[line.block]
        line.wraps_on = (
            # a bracketed line (`(date of inspection)`) is not words going on
            below is not None and below.block == line.block and below.text[:1].islower()
        )
        below = line
    return found


def line_kind(text: str, phrases: Phrases, wraps_on: bool = False) -> str:
    """What a line above a table is, by its shape and wording. `wraps_on`: the line under it,
    in the same block, starts in lower case, so this one is part of a paragraph."""
    body = NUMBER.sub("", text)
    if _has_link(text):
        return REFERENCE
    if phrases.attributions.match(body):
        return ATTRIBUTION
    if text.startswith("*"):
        return LEGEND if _is_short_title(text, LEGEND_MAX_CHARS) else FOOTNOTE
    if phrases.legends.match(body):
        return LEGEND
    if phrases.footnotes.match(body):
        return FOOTNOTE
    if text.rstrip().endswith((":", ":-", ": -")) or phrases.lead_ins.search(text):
        return INTRO
    answer = body.rstrip(".").strip()
    if answer.lower() in phrases.fillers or is_no_value(answer):
        return FILLER  # 'Yes.', 'None.', 'N/A' (the no-value tokens: seed value_tokens)
    if LIST_MARKER.match(text):
        return BULLET
    if not wraps_on and _is_short_title(text, CAPTION_HEADING_MAX_CHARS) and not body[:1].islower():
        return HEADING
    return PROSE


def _is_short_title(text: str, max_chars: int) -> bool:
    """Short, one sentence, not ending like a sentence or clause."""
    return (
        len(text) <= max_chars
        and len(text.split()) <= CAPTION_HEADING_MAX_WORDS
        and not text.rstrip().endswith((".", ",", ";", "!", "?"))
        and sentence_count(text) == 1
    )


def sentence_count(text: str) -> int:
    return len(SENTENCE_BREAK.findall(NUMBER.sub("", text))) + 1


def choose_caption(above: list[Line], stopped_at_table: bool) -> list[Line]:
    """The caption lines among the classified lines above a table (nearest first)."""
    legends = _leading(above, LEGEND)
    rest = above[len(legends) :]
    if not rest:
        return legends
    lead = rest[0]
    if lead.kind == HEADING:
        return legends + _heading_stack(rest, CAPTION_MAX_LINES - len(legends))
    if lead.kind == INTRO:
        intros = rest[:1] + _leading(rest[1:], INTRO, single_sentence=True)
        return legends + intros + _adjacent_heading(rest[len(intros) :], intros[-1].block)
    if lead.kind == PROSE:
        return legends + _prose_caption(rest, stopped_at_table)
    if lead.kind in (BULLET, LIST):
        return legends + _heading_further_up(rest)
    return legends  # a note under the block above, a reference, an attribution, a filler


def _leading(lines: list[Line], kind: str, single_sentence: bool = False) -> list[Line]:
    """The first lines, while they are of `kind` (and, if asked, one sentence each)."""
    count = 0
    while count < len(lines) and lines[count].kind == kind:
        if single_sentence and sentence_count(lines[count].text) > 1:
            break
        count += 1
    return lines[:count]


def _heading_stack(lines: list[Line], room: int) -> list[Line]:
    """Headings one above the other (`EXECUTIVE FORWARD PLAN...` / `(OCTOBER 2015 to JANUARY
    2016)`), up to the first line that is not one."""
    return _leading(lines, HEADING)[: max(room, 1)]


def _adjacent_heading(lines: list[Line], block: int) -> list[Line]:
    """The heading right above an introducing line (`Duty Matters` / `The below table...`)."""
    if lines and lines[0].kind == HEADING and lines[0].block <= block + 1:
        return [line for line in _leading(lines, HEADING) if line.block == lines[0].block]
    return []


def _heading_further_up(lines: list[Line]) -> list[Line]:
    """The nearest heading above some prose or a list, skipping at most a few blocks of it."""
    first_block = lines[0].block
    for at, line in enumerate(lines):
        if line.block - first_block > SEARCH_MAX_BLOCKS or line.kind == ATTRIBUTION:
            return []
        if line.kind == HEADING:
            return [h for h in _leading(lines[at:], HEADING) if h.block == line.block]
    return []


def _prose_caption(lines: list[Line], stopped_at_table: bool) -> list[Line]:
    """Prose just above the table. One sentence is the caption, with the section heading above
    it; a paragraph is not (only its heading is), and neither is prose printed straight after
    another table with no heading: that is commentary on the table above."""
    prose = [line for line in lines if line.block == lines[0].block]
    prose = _leading(prose, PROSE)
    heading = _heading_further_up(lines[len(prose) :]) if len(lines) > len(prose) else []
    paragraph = len(prose) > 1 or sentence_count(prose[0].text) > 1
    if paragraph:
        return heading
    if heading:
        return heading + prose
    commentary = stopped_at_table and len(lines) == len(prose)
    return [] if commentary else prose
