"""What ingest/prose.py reads and how fast: only paragraphs that name a subject of the fact
domains are read; case-insensitive patterns run on folded text find exactly what they find on
the printed text (ingest/caseless.py)."""

from __future__ import annotations

import re

import pytest

from ingest.caseless import case_free, compile_caseless, fold
from ingest.prose import prose_numbers


def _numbers(lines: list[str]) -> list[str]:
    return [m.number_text for m in prose_numbers(lines) if m.skip_reason is None]


def test_a_paragraph_naming_no_fact_domain_is_not_read():
    budget = "The capital budget of £4.5m funds 12 new school places and 30 staff."
    assert _numbers([budget]) == []
    # the same numbers in a paragraph about children in care are read
    placements = "The budget of £4.5m funds 12 new foster placements and 30 staff."
    assert _numbers([placements]) == ["£4.5m", "12", "30"]


def test_a_domain_word_anywhere_in_the_paragraph_opens_all_its_sentences():
    # 001 line 127 in another wording: the measure is named one sentence before the figure
    lines = [
        "8.1 The number of children Looked After has risen again this spring.",
        "At 31 May 2024 this figure is 612. This represents 171 per 10,000 children.",
    ]
    assert _numbers(lines) == ["612", "171 per 10,000"]


def test_acronyms_are_whole_words_only():
    assert _numbers(["The LAC population was 441 in July."]) == ["441"]
    # 'lac' inside 'Blackpool' or 'place' names no domain
    assert _numbers(["Blackpool held 3 events in a new place."]) == []


def test_real_pack_paragraphs_outside_the_domains_are_not_read(parsed_packs):
    # 002 line 964: population figures of the SEND strategy, no fact domain named
    lines = {m.line_number for m in parsed_packs["002"].prose}
    assert 964 not in lines
    # 002 line 1433: placement stability figures are read
    assert 1433 in lines


@pytest.mark.parametrize(
    "source, free",
    [
        (r"\bover\s+(?:the\s+)?(?:year|period)\b", True),
        (r"[a-z]+\d", True),
        (r"\b[A-Z]\.$", False),  # an upper-case range
        (r"Q[1-4]", False),  # an upper-case literal
        (r"(?-i:x)", False),  # inline flags
        (r"é", False),  # a non-ASCII cased letter
    ],
)
def test_case_free_patterns(source, free):
    assert case_free(source) is free


@pytest.mark.parametrize(
    "text",
    [
        "Over The Year 2014/15, 91 Complaints",
        "Children’s Services – £7,200 in FOI requests",
        "KELVIN \u212a and long \u017f s",  # Kelvin sign lower-cases to 'k'; 'ſ' stays
        "İstanbul",  # lower-cases to two characters
    ],
)
def test_folded_patterns_find_what_case_insensitive_ones_find(text):
    for source in (r"\bover\s+the\s+year\b", r"complaints?", r"\bfoi\b", r"s\b", r"k"):
        insensitive = re.compile(source, re.IGNORECASE)
        low = fold(text)
        pattern = compile_caseless(source, folded=low is not None)
        subject = text if low is None else low
        assert [m.span() for m in pattern.finditer(subject)] == [
            m.span() for m in insensitive.finditer(text)
        ]
