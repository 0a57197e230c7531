"""The parser's speed-ups say the same as the slow paths they stand in front of: the literal
gate before the caption searches, the one-test cleaning of a plain TAB line, cell kinds told
without every pattern, the lazy row properties. Each is checked against the plain form on
the sample packs' own lines and on generated text of other shapes."""

from __future__ import annotations

import random
import re

import pytest

from bench.dump_parse import dump_pack
from ingest import cells
from ingest.captions import phrases
from ingest.lazy import lazy_property
from ingest.rules import LiteralGate, required_literals
from ingest.text import clean_cells, clean_text
from ingest.value_tokens import is_no_value
from tests.conftest import pack_path

PIECES = [
    "a", "B", " ", "  ", "\t", "<b>", "</i>", "&amp;", "&#82;", "**", "*", "\xa0", "é", "’",
    "\u2003", "\x0b", "K", "\u212a", "ſ", "table", "below", "Below", "FOLLOWING", "as follows",
    "at", "as of", "data as at", "March", "31", "2017", "(date of inspection)", "13.0", "%",
    "1,234", "-", "n/a", "Nil", "FY", "2016/17", "Q1", ":", "report", "PU", "3U & 2 PU",
    "Partially Upheld", "fully upheld", "shown", "see the ", "Report", "data",
]  # fmt: skip


def _generated(count: int, seed: int, longest: int = 8) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, longest))) for _ in range(count)]


def _pack_lines() -> list[str]:
    lines = []
    for prefix in ("000", "001", "002", "004"):
        lines += pack_path(prefix).read_text(encoding="utf-8").split("\n")
    return lines


@pytest.fixture(scope="module")
def pack_lines() -> list[str]:
    return _pack_lines()


def test_required_literals_are_read_from_the_pattern():
    lead_ins = set(required_literals(phrases().lead_ins.pattern))
    assert {"below", "following", "as follows"} <= lead_ins
    assert required_literals(re.compile(r"\bfoo\s+(?:bar|baz)\b")) in (("foo",), ("bar", "baz"))
    assert required_literals(re.compile(r"ab|c*")) is None  # `c*` matches the empty string
    assert required_literals(re.compile(r"(?i:Key)\s*:\s*(?:note|legend)")) == ("legend", "note")
    # every as-of phrase names a month ('at 31 March 2017') or '(date of ...)': lines without
    # one skip the pattern
    as_of = set(required_literals(phrases().as_of.pattern))
    assert {"(date of ", "march", "sept", "dec"} <= as_of and "at" not in as_of
    assert required_literals(re.compile("Kø", re.IGNORECASE)) is None  # non-ASCII, any case


@pytest.mark.parametrize(
    "source,flags",
    [
        (r"\b(?:table|chart)s?\s+below\b|\bthe following\b", re.IGNORECASE),
        (r"\bshown\s+below\b|\bsee (?:the )?(?:table|chart)s?\b", re.IGNORECASE),
        (r"(?:Report|data)\s+(?:of|as)\b", 0),
        (r"\d+\s*(?:Partially|Fully) Upheld\b|\(date of [a-z ]+\)", 0),
    ],
)
def test_a_gated_search_finds_what_the_pattern_finds(source, flags, pack_lines):
    pattern = re.compile(source, flags)
    gate = LiteralGate(pattern)
    assert gate.literals is not None  # the quick test is in use
    for text in pack_lines + _generated(4000, seed=len(source)):
        expected = pattern.search(text)
        found = gate.search(text)
        assert (found and found.span()) == (expected and expected.span()), repr(text)


def test_the_caption_phrases_search_as_their_patterns_do(pack_lines):
    for gate in (phrases().lead_ins, phrases().as_of):
        for text in pack_lines + _generated(3000, seed=3):
            expected, found = gate.pattern.search(text), gate.search(text)
            assert (found and found.span()) == (expected and expected.span()), repr(text)


def test_cells_of_a_line_clean_as_each_cell_does(pack_lines):
    tab_lines = [line for line in pack_lines if "\t" in line]
    rng = random.Random(5)
    generated = ["\t".join(_generated(rng.randint(2, 6), seed=i, longest=4)) for i in range(3000)]
    assert len(tab_lines) > 1000
    for line in tab_lines + generated:
        cells_ = line.split("\t")
        assert clean_cells(cells_, line) == [clean_text(c) for c in cells_], repr(line)


def _kind_by_every_pattern(text: str) -> str:
    """cell_kind as it read before its shortcuts: every pattern in order."""
    if not text:
        return "empty"
    first = text[0]
    if (
        first.isalpha()
        and first not in "fF"
        and len(text) > 12
        and not cells._MONTH_START.match(text)
    ):
        return "placeholder" if is_no_value(text) else "text"
    if cells.PERIOD.match(text) or (
        text[0] == "(" and text[-1] == ")" and cells.PERIOD.match(text[1:-1])
    ):
        return "period"
    if cells.PERIOD_WITH_WORDS.match(text):
        return "period"
    if cells.NUMERIC_DATE.match(text):
        return "date"
    if cells.DATE.match(text):
        return "date" if text[:1].isdigit() else "month"
    if cells.AGE_BAND.match(text) or cells.BARE_RANGE.match(text):
        return "band"
    for kind, pattern in (
        ("count", cells.COUNT),
        ("percent", cells.PERCENT),
        ("decimal", cells.DECIMAL),
        ("fraction", cells.FRACTION),
    ):
        if pattern.match(text):
            return kind
    if is_no_value(text):
        return "placeholder"
    if cells.CODED.match(text):
        return "coded"
    if cells.STARTS_WITH_NUMBER.match(text):
        return "value"
    return "text"


def test_cell_kinds_are_those_of_every_pattern(pack_lines):
    texts = {clean_text(c) for line in pack_lines if "\t" in line for c in line.split("\t")}
    texts |= {"²", "١٢", "2016/17", "FY 2016/17", "fy2016-17", "April 2016", "Nil", "n/a"}
    texts |= set(_generated(5000, seed=9, longest=3))
    for text in texts:
        assert cells.cell_kind(text) == _kind_by_every_pattern(text), repr(text)


def _pair_by_pattern(text: str) -> tuple[str, str] | None:
    """split_inline_key as it read before: the pattern for every key."""
    if text[:1] not in cells.KEY_FIRST_CHARS or not cells._DIGIT.search(text):
        return None
    if cells.DATE.match(text):
        return None
    match = cells.INLINE_KEY_VALUE.match(text)
    return (match.group("key").strip(), match.group("value").strip()) if match else None


def test_inline_keys_are_those_of_the_pattern(pack_lines):
    texts = {clean_text(c) for line in pack_lines for c in line.split("\t")}
    rng = random.Random(11)
    pieces = ["Wait", "b", " ", "  ", ":", "1", "26", "£", "-", "+", "−", "\u2003", "<", "≥", "٣"]
    texts |= {"".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(30000)}
    texts |= {"Average wait: 26 weeks ↓", "Score - -5", "Rate: −£5", "A: : 5", "<18 weeks: 45%"}
    for text in texts:
        assert cells.split_inline_key(text) == _pair_by_pattern(text), repr(text)
    assert cells.split_inline_key("Rate: −£5") == ("Rate", "−£5")


def test_lazy_property_computes_once_per_object():
    calls = []

    class Row:
        @lazy_property
        def kinds(self):
            calls.append(self)
            return [len(calls)]

    first, second = Row(), Row()
    assert first.kinds is first.kinds and first.kinds == [1]
    assert second.kinds == [2] and len(calls) == 2
    assert isinstance(Row.kinds, lazy_property)


def test_the_dump_names_every_frame_of_a_pack_and_leaves_the_clock_out():
    path = pack_path("001")
    dump = list(dump_pack(path.name, path.read_bytes()))
    headers = [line for line in dump if line.startswith("## ")]
    assert [h.split()[2] for h in headers] == [
        "packs",
        "documents",
        "tables",
        "table_cells",
        "lines",
        "prose_numbers",
    ]
    assert "lines rows=263" in headers[-2]
    assert not any("extracted_at" in h for h in headers)
    assert dump == list(dump_pack(path.name, path.read_bytes()))  # nothing varies between runs
    assert list(dump_pack("empty.txt", b"")) == ["## empty.txt refused: the file is empty"]
