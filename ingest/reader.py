"""Read a pack file's bytes into text lines, refusing input that is not a text pack."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ingest.errors import PackError

MAX_LINE_CHARS = 1_000_000
"""A converted PDF line is at most a few thousand characters; a megabyte is not a pack line."""

MAX_CONTROL_SHARE = 0.01
"""Share of control characters (other than TAB/CR/LF/FF) above which bytes are binary."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])


@dataclass(frozen=True)
class PackText:
    file_name: str
    sha256: str
    byte_count: int
    encoding: str
    lines: list[str]  # without line endings; lines[0] is line 1

    @property
    def pack_id(self) -> str:
        return self.sha256[:16]


def decode_pack(file_name: str, data: bytes) -> PackText:
    if not data.strip():
        raise PackError(file_name, "the file is empty")
    if b"\x00" in data:
        raise PackError(file_name, "the file is binary (it contains NUL bytes), not a text pack")
    text, encoding = _decode(file_name, data)
    if _has_control_bytes(data):
        _refuse_control_characters(file_name, text)
    if "\r" in text:  # most packs have none: two copies of the text spared
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if lines and max(map(len, lines)) > MAX_LINE_CHARS:
        _refuse_long_line(file_name, lines)
    return PackText(
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
        byte_count=len(data),
        encoding=encoding,
        lines=lines,
    )


def _refuse_long_line(file_name: str, lines: list[str]) -> None:
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise PackError(
                file_name,
                f"line {number} is {len(line):,} characters long (limit {MAX_LINE_CHARS:,}): "
                "this is not a converted document",
            )


def _decode(file_name: str, data: bytes) -> tuple[str, str]:
    """UTF-8 first (with or without BOM), then Windows-1252, the usual legacy council encoding."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise PackError(
                file_name,
                f"the bytes are neither UTF-8 nor Windows-1252 (first bad byte at offset "
                f"{utf8_error.start})",
            ) from None


def _has_control_bytes(data: bytes) -> bool:
    """A quick test on the bytes: in UTF-8 and in Windows-1252 a control character is the
    byte of the same value, so bytes without any decode to text without any."""
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def _refuse_control_characters(file_name: str, text: str) -> None:
    sample = text[:200_000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise PackError(
            file_name, f"the file looks binary ({controls} control characters in its first bytes)"
        )
