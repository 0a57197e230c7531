"""The caption of a table: the heading or caption lines just above it, and its as-of phrase."""

from __future__ import annotations

import re

from ingest.text import clean_text, is_blank

MAX_GAP_LINES = 3
CAPTION_MAX_LINES = 4
CAPTION_MAX_CHARS = 600
PAGE_STAMP = re.compile(r"^page\s+\d+$", re.IGNORECASE)
AS_OF = re.compile(
    r"\b(?:data\s+)?as\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"[A-Z][a-z]+\s+\d{4}"
    r"|\bat\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}"
    r"|\(date of [a-z ]+\)",
    re.IGNORECASE,
)


def find_as_of(caption: str | None, columns: list[str]) -> str | None:
    for text in [*columns, caption or ""]:  # the table's own heading wins over prose above
        match = AS_OF.search(text)
        if match:
            return match.group(0)
    return None


class CaptionFinder:
    """Finds the captions of one pack's tables; holds what is worked out once per pack."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def find(self, first_line: int, floor: int = 1) -> tuple[str | None, int | None]:
        return find_caption(self.lines, first_line, floor)


def find_caption(
    lines: list[str], first_line: int, floor: int = 1
) -> tuple[str | None, int | None]:
    """The block of text lines just above the table (after at most a few blank lines), never
    above line `floor` (the first line of the table's document).

    When that block is only a short legend (`U - Upheld; PU - Partially Upheld`), the block
    above it, the real caption, is taken too.
    """
    stop = floor - 2  # the 0-based index just above the floor line
    block = _text_block_above(lines, first_line - 2, CAPTION_MAX_LINES, stop)
    if len(block) == 1 and len(block[0][1]) < 120:
        above = _text_block_above(lines, block[0][0] - 2, CAPTION_MAX_LINES - 1, stop)
        if sum(len(text) for _, text in above) < 400:
            block = above + block
    if not block:
        return None, None
    caption = " / ".join(text for _, text in block if text)[-CAPTION_MAX_CHARS:]
    return caption or None, block[0][0]


def _text_block_above(
    lines: list[str], index: int, max_lines: int, stop: int = -1
) -> list[tuple[int, str]]:
    skipped = 0
    while index > stop and (is_blank(lines[index]) or PAGE_STAMP.match(lines[index].strip())):
        index -= 1
        skipped += 1
        if skipped > MAX_GAP_LINES:
            return []
    block: list[tuple[int, str]] = []
    while index > stop and len(block) < max_lines:
        line = lines[index]
        if is_blank(line) or "\t" in line:
            break
        block.append((index + 1, clean_text(line)))
        index -= 1
    block.reverse()
    return block
