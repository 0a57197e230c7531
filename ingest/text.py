"""Cleaning of printed text: HTML fragments, entities, markdown emphasis and white space."""

from __future__ import annotations

import html
import re

BULLET_MARKS = "-–•❖■▪●◦*"
"""The marks a bulleted item is printed with: a sentence reads them off (ingest/prose.py), and one
with a TAB after it opens a paragraph like a paragraph number (ingest/paragraphs.py)."""

_PAGE_STAMP = re.compile(r"^page\s+\d+(?:\s+of\s+\d+)?$", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_SUPERSCRIPT = re.compile(r"<sup\b[^<>]*>\s*([^<>]{1,6}?)\s*</sup>", re.IGNORECASE)
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_NEEDS_WORK = re.compile(r"[<&*\t\n\r\f\v\xa0]|\s\s")


def clean_text(raw: str) -> str:
    """`<p>PH/41/2015</p>` -> `PH/41/2015`; entities decoded; white space folded to one space."""
    if not raw or raw.isascii() and _is_plain_ascii(raw):
        return raw  # the common cases, kept fast: nothing to strip or fold
    if not _NEEDS_WORK.search(raw) and raw == raw.strip():
        return raw
    text = _TAG.sub(" ", join_superscripts(raw)) if "<" in raw else raw
    if "&" in text:
        text = html.unescape(text)
    if "**" in text:
        text = text.replace("**", "")  # markdown bold
    return " ".join(text.split())  # `str.split()` splits on exactly what regex `\s` matches


def join_superscripts(raw: str) -> str:
    """A superscript is part of what it follows, not a word of its own: a footnote's mark
    `104<sup>1</sup>` -> `104¹` (read as 104, as a printed `104¹` is), an ordinal
    `1<sup>st</sup>` -> `1st`; a footnote's letter after a word is dropped (`external<sup>a</sup>`
    -> `external`). Only short marks: a longer superscript is text."""
    if "<sup" not in raw.lower():
        return raw
    return _SUPERSCRIPT.sub(_superscript_mark, raw)


def _superscript_mark(match: re.Match) -> str:
    mark = match.group(1)
    if mark.isdigit():
        return mark.translate(_SUPERSCRIPT_DIGITS)
    before = match.string[match.start() - 1 : match.start()]
    if len(mark) == 1 and mark.isalpha() and not before.isdigit():
        return ""  # a footnote's letter after a word (`external<sup>a</sup>`): no part of it
    return mark


def clean_cells(cells: list[str], line: str) -> list[str]:
    """`clean_text` of each TAB-separated cell of `line`. A plain ASCII line (no markup, single
    spaces, none next to a TAB) has nothing to clean in any cell: one test for the line."""
    if (
        line.isascii()
        and " \t" not in line
        and "\t " not in line
        and _is_plain_ascii(line.replace("\t", "_"))
    ):
        return list(cells)
    return list(map(clean_text, cells))


def _is_plain_ascii(raw: str) -> bool:
    """Printable ASCII (`raw` is ASCII) with no markup and single inner spaces only: nothing
    for clean_text to do. Plain string tests, several times faster than `_NEEDS_WORK`."""
    return (
        "\t" not in raw
        and "<" not in raw
        and "&" not in raw
        and "*" not in raw
        and "  " not in raw
        and raw[:1] != " "
        and raw[-1:] != " "
        and raw.isprintable()  # the slowest test, last
    )


def is_blank(line: str) -> bool:
    """Empty, or only spaces: PDF conversion leaves single-space lines at page breaks."""
    return not line.strip()


def is_page_stamp(line: str) -> bool:
    """A printed page number on a line of its own (`Page 12`, `Page 15 of 62`): page furniture,
    not content."""
    return bool(_PAGE_STAMP.match(line.strip()))
