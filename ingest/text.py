"""Cleaning of printed text: HTML fragments, entities, markdown emphasis and white space."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_SPACES = re.compile(r"\s+")
_BOLD = re.compile(r"\*\*")
_NEEDS_WORK = re.compile(r"[<&*\t\n\r\f\v\xa0]|\s\s")


def clean_text(raw: str) -> str:
    """`<p>PH/41/2015</p>` -> `PH/41/2015`; entities decoded; white space folded to one space."""
    if not _NEEDS_WORK.search(raw) and raw == raw.strip():
        return raw  # the common case, kept fast: nothing to strip or fold
    text = _TAG.sub(" ", raw) if "<" in raw else raw
    if "&" in text:
        text = html.unescape(text)
    text = _BOLD.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_blank(line: str) -> bool:
    """Empty, or only spaces: PDF conversion leaves single-space lines at page breaks."""
    return not line.strip()
