"""`Key: value` lines in their printed forms: TAB, colon, markdown bullet, bold value."""

from __future__ import annotations

import re

from ingest.text import clean_text

_BULLET = re.compile(r"^\s*(?:[-*•]\s+)")
_BULLET_CHARS = ("-", "*", "•")
_COLON_FORM = re.compile(r"^(?P<key>[A-Za-z][A-Za-z /'’&()-]{1,40}?)\s*:\s*(?P<value>\S.*)$")


def split_key_value(line: str) -> tuple[str, str] | None:
    """('report to', 'RESILIENT COMMUNITIES SCRUTINY COMMITTEE') for any of
    `Report to:\\tX`, `Date of Meeting\\tX`, `Report to: **X**`, `- Meeting: X`.

    The key is lower-cased, without its colon; the value is cleaned text.
    """
    if not _may_hold_pair(line):
        return None
    text = _BULLET.sub("", line) if line.lstrip()[:1] in _BULLET_CHARS else line
    if "\t" in text:
        cells = [c for c in text.split("\t") if c.strip()]
        if len(cells) != 2:
            return None
        key, value = cells
    else:
        match = _COLON_FORM.match(clean_text(text))
        if not match:
            return None
        key, value = match.group("key"), match.group("value")
    key = clean_text(key).rstrip(":").strip().lower()
    value = clean_text(value)
    if not key or not value or len(key) > 45:
        return None
    return key, value


def _may_hold_pair(line: str) -> bool:
    """Most lines hold neither a TAB nor a colon, and cleaning cannot add either (only an
    entity such as `&colon;` could), so those lines skip the regular expressions."""
    return "\t" in line or ":" in line or "&" in line
