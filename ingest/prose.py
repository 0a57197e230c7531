"""Numbers printed in sentences: every number mention in the paragraphs of a pack's prose that
name a subject of the fact domains (complaints, waiting times, children in care: prose.yml
domain_words), with its sentence, line, span, value as read, qualifier ('over 60'), unit cue
('%', 'per 10,000', 'weeks', '£'), role in a change ('an increase of 15', 'from 40 to 25'),
period phrase and the words around it. Numbers in other paragraphs (budgets, school results,
staffing) are not read: they can never be facts, and reading them was most of the step's cost.

What a number *means* (domain, measure, subject) is decided in dbt with seeds
(int_prose_facts); this module only reads the text. A number that is an identifier rather than
a quantity (a page, paragraph or item number, a date part, a year, a phone number, a
reference, an age) is kept with a `skip_reason` so it is never a fact, and the reason can be
audited. The phrases are in prose.yml.

Sentences are rebuilt from the untabbed lines: a wrapped line continues its paragraph; a blank
or single-space line (a PDF page break) ends it unless the text so far has no closing
punctuation and the next line starts in lower case; page stamps and running headers (a line
printed three times or more) are skipped.
"""

from __future__ import annotations

import bisect
import csv
import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl
from text_to_num import text2num

from ingest.caseless import compile_caseless, fold
from ingest.dates import (
    FISCAL_YEAR_SPAN,
    FY_SEPARATOR,
    MONTH,
    MONTH_ABBREVIATIONS,
    QUARTER,
    WEEKDAYS,
    calendar_vars,
)
from ingest.rules import read_rules, required_literals
from ingest.tails import TailPattern
from ingest.text import BULLET_MARKS, is_page_stamp, join_superscripts
from ingest.value_tokens import python_pattern


def _calendar_words(pattern: str) -> str:
    """A prose.yml pattern with {fiscal_year_span}, {month}, {weekday}, {fy_separator} and
    {quarter} replaced (ingest.dates)."""
    for name, words in (
        ("{fiscal_year_span}", FISCAL_YEAR_SPAN),
        ("{month}", MONTH),
        ("{weekday}", WEEKDAYS),
        ("{fy_separator}", FY_SEPARATOR),
        ("{quarter}", QUARTER),
    ):
        pattern = pattern.replace(name, words)
    return pattern


RULES_FILE = Path(__file__).with_name("prose.yml")
WINDOW_WORDS = 14  # words kept on each side of a number for the seeds to read
CONTEXT_CHARS = 300  # characters of prose before a sentence kept as its context
SHORT_PARAGRAPH = 200  # a shorter paragraph is read when the one before it names a fact domain
RANGE_QUALIFIER = "between"
"""The qualifier of a range ('between 50-60'); the others are prose.yml's `qualifiers`. The pack
gate accepts the values of prose_numbers.qualifier in contracts/raw.yml: a new one goes there too
(tests/test_pack_gate_contract.py fails until it does)."""
BOUND_CLAUSE_CHARS = 80  # how far before a period phrase an event's opener is looked for
TAIL = 60  # characters before a number that qualifier / label / change phrases are looked for in
RUNNING_HEADER_REPEATS = 3


@dataclass
class ProseNumber:
    """One number printed in a sentence, as read (not yet interpreted)."""

    line_number: int  # line the number is printed on
    sentence_first_line: int
    sentence_last_line: int
    sentence: str  # the whole sentence, cleaned (markup stripped, wrapped lines joined)
    char_start: int  # span of the number (with its unit) in `sentence`
    char_end: int
    number_text: str  # as printed: '49.45%', 'Forty-eight', '£7,200', 'a third'
    value: float | None  # as read; percent cues 0-100, fractions as a percent
    value_high: float | None = None  # upper end of a range ('between 50-60')
    number_form: str = "digits"  # digits | words | fraction
    qualifier: str | None = None  # over | at_least | about | almost | under | up_to | between
    unit_cue: str | None = None  # percent | per_10000 | weeks | days | gbp | ...
    role: str = "level"  # level | change | from | to
    direction: str | None = None  # up | down (changes)
    comparison_value: float | None = None  # the earlier figure of 'from 40 to 25'
    comparison_text: str | None = None
    comparison_period_text: str | None = None
    anchor_index: int | None = None  # index in the sentence of the figure a change is about
    index_in_sentence: int = 0
    seq: int = 0  # order of the mention in the pack (0-based)
    anchor_seq: int | None = None  # seq of the figure a change is about ('91 ... a decrease of 17')
    before_text: str = ""
    after_text: str = ""
    period_text: str | None = None
    skip_reason: str | None = None  # page | paragraph_number | date | year | phone | ...
    context_before: str = ""  # the prose just before the sentence (what 'this figure' is)
    # where in context_before the sentence's own numbered point begins (0: all of it is hers)
    context_point_start: int = 0


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Rules:
    """The patterns of prose.yml (and a few of the code's), all case-insensitive, compiled for
    one kind of text: folded (`ingest.caseless.fold`) or as printed. `_read_sentence` runs the
    folded set on a sentence's folded text when there is one: the same matches, faster."""

    qualifiers: TailPattern  # one named group per qualifier
    units: re.Pattern  # one named group per unit cue, in the file's order (the first wins)
    unit_cues: dict[str, str]  # group name -> cue
    multipliers: list[tuple[re.Pattern, float]]
    any_multiplier: re.Pattern  # a quick test: none of the multipliers matches without it
    change_before: list[tuple[TailPattern, str]]
    any_change_before: re.Pattern  # a quick test: none of change_before matches without it
    change_after: list[tuple[re.Pattern, str]]
    from_before: TailPattern
    to_before: TailPattern
    lone_from_before: TailPattern
    reached_gap: re.Pattern  # ', to' between a change and the level it reached (fullmatch)
    earlier_figure_before: TailPattern  # 'from the previous year (': its figure, in brackets
    direction_verbs: list[tuple[re.Pattern, str]]
    label_before: TailPattern
    label_limits: list[tuple[TailPattern, float]]  # 'quarter' numbers 1 to 4 only
    age_before: TailPattern
    threshold_units: frozenset[str]  # 'more than 20 miles': the number a measure names
    threshold_after: re.Pattern  # '20 working day timescale': the number a timescale names
    timescale_units: frozenset[str]  # the units of a timescale's length (days, weeks)
    age_after: re.Pattern
    legend_key_after: re.Pattern  # '(3U) = ...': a legend's key
    legend_line: re.Pattern  # a sentence opening with a legend's key explains it
    number_words: re.Pattern
    one_not_a_number: re.Pattern
    fraction: re.Pattern
    fraction_after: re.Pattern  # a fraction word right after a number word ('two thirds')
    quarters_counted_before: TailPattern  # 'the last five quarters': a span, not 125%
    # found where number_words / fraction may match: the text one of their matches must hold
    # (folded text only; None: no quick test)
    number_word_gate: re.Pattern | None
    fraction_gate: re.Pattern | None
    number_word_literals: tuple[str, ...] | None  # the strings the gates look for
    fraction_literals: tuple[str, ...] | None
    fractions: dict[str, int]
    periods: re.Pattern
    comparison_before: TailPattern  # 'compared to' before a period phrase: not the figure's own
    comparison_before_past: TailPattern  # 'on' / 'from' before a past period ('on last year')
    bound_opener: re.Pattern  # 'prior to' opening the clause of a period phrase: an event's date
    past_period: re.Pattern
    comparison_before_year: TailPattern  # 'on' / 'against' before a fiscal year ('8% on 2022/23')
    comparison_before_change: TailPattern  # 'since' before a change's period ('300 since April')
    compared_year_period: re.Pattern
    clause_of_period: re.Pattern  # ', when' after a compared period: the clause is of it
    clause_break: re.Pattern  # ', so' between a figure and a period after it: another clause's
    near_period: re.Pattern  # a period phrase that applies only within near_reach characters
    claiming_gap: re.Pattern  # what may stand between a figure and a period phrase it claims
    clause_gap: (
        re.Pattern
    )  # words of the figure's clause, then a claiming word ('... in Quarter 2')
    near_reach: int
    time: re.Pattern  # '6.00 pm', '10:30'
    ordinal: re.Pattern  # '23rd'
    multiplier_word: re.Pattern  # '12k' is a number, 'S136' a reference
    pronoun_before_one: TailPattern  # 'no one', 'this one'


def _claiming_gap(words: list[str]) -> re.Pattern:
    """prose.yml claiming_period_words: the words (or none) between a figure and its period."""
    alternatives = _alts([re.escape(w).replace(r"\ ", r"\s+") for w in words])
    return re.compile(rf"\s*(?:(?:{alternatives})\s+)?(?:the\s+)?", re.IGNORECASE)


def _clause_gap(words: list[str]) -> re.Pattern:
    """Up to 40 characters of the figure's own clause, then one of prose.yml
    claiming_period_words (a quarter's reach beyond near_periods)."""
    alternatives = _alts([re.escape(w).replace(r"\ ", r"\s+") for w in words])
    return re.compile(rf"[^,;()]{{0,40}}\b(?:{alternatives})\s+(?:the\s+)?", re.IGNORECASE)


def _alts(phrases: list[str]) -> str:
    return "|".join(sorted(phrases, key=len, reverse=True))


def _with_turning_points(phrases: list[str], r: dict) -> list[str]:
    """Phrases with {turning_point} replaced by prose.yml turning_points ('the peak', ...)."""
    words = f"(?:{'|'.join(r['turning_points'])})"
    return [phrase.replace("{turning_point}", words) for phrase in phrases]


@cache
def _rules(folded: bool = False) -> _Rules:
    r = read_rules(RULES_FILE)

    def rx(source: str) -> re.Pattern:
        return compile_caseless(source, folded)

    def tail(source: str) -> TailPattern:  # an end-anchored pattern: the text's tail is searched
        return TailPattern(rx(source))

    direction_verbs = [verb for verbs in r["direction_verbs"].values() for verb in verbs]

    words = _alts(r["number_words"])
    fractions = {k.lower(): int(v) for k, v in r["fractions"].items()}
    number_words = rx(rf"\b(?:{words})(?:(?:\s+|-|\s+and\s+)(?:{words}))*\b")
    fraction = rx(
        rf"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine)\s+"
        rf"(?P<d>{_alts(list(fractions))})\b|\b(?P<half>half)\b"
    )
    return _Rules(
        qualifiers=tail(
            r"(?:^|\W)(?:"
            + "|".join(f"(?P<{name}>{_alts(p)})" for name, p in r["qualifiers"].items())
            + r")\s*\(?$"
        ),
        units=rx("|".join(f"(?P<unit{i}>{u['pattern']})" for i, u in enumerate(r["units"]))),
        unit_cues={f"unit{i}": u["cue"] for i, u in enumerate(r["units"])},
        multipliers=[(rx(m["pattern"]), float(m["factor"])) for m in r["multipliers"]],
        any_multiplier=rx("|".join(f"(?:{m['pattern']})" for m in r["multipliers"])),
        change_before=[
            # one pattern per phrase: the bounded ones search the window's tail only
            (tail(rf"\b(?:{phrase})\s*$"), d)
            for d, phrases in r["changes"]["before"].items()
            for phrase in sorted(phrases, key=len, reverse=True)
        ],
        change_after=[(rx(rf"\s*\)?(?:{_alts(p)})"), d) for d, p in r["changes"]["after"].items()],
        # each change_before pattern opens with \b: so does its quick test, which then skips
        # the phrases' letters inside words ('r[io]s' in 'periods') at once
        any_change_before=rx(
            r"\b(?:"
            + "|".join(f"(?:{p})" for phrases in r["changes"]["before"].values() for p in phrases)
            + ")"
        ),
        from_before=tail(rf"\b(?:{_alts(r['from_words'])})\s*$"),
        to_before=tail(rf"\b(?:{_alts(r['to_words'])})\s*$"),
        reached_gap=rx(
            _calendar_words(r["reached_gap"]).replace("{reached_words}", _alts(r["reached_words"]))
        ),
        earlier_figure_before=tail(
            rf"\b(?:{_calendar_words(_alts(r['earlier_figure_before']))})\s*\($"
        ),
        lone_from_before=tail(
            rf"\b(?:{_alts(r['lone_from_words'])}|(?:{_alts(direction_verbs)})\s+from)\s*$"
        ),
        direction_verbs=[(rx(rf"\b(?:{_alts(p)})\b"), d) for d, p in r["direction_verbs"].items()],
        # ('Quarter 2', 'Quarters 1' but not '39 weeks (71 ...'; the last number of a run after
        # a plural label: 'Quarters 1 and 2',
        # 'pages 3 to 5', 'Stages 1, 2 and 3'; not 'In Quarters 1 and 2, 45 complaints')
        label_before=tail(
            rf"\b(?:{_alts(r['label_words'])})\s*(?:no\.?\s*)?[(\[]?$"
            rf"|\b(?:{_alts(r['label_words'])})s\s+$"
            rf"|\b(?:{_alts(r['label_words'])})s\s+\d+(?:\s*(?:,|and|&)\s*\d+)*"
            r"\s*(?:and|&|to|-|–)\s*$"
        ),
        label_limits=[
            (tail(rf"\b(?:{word})\s*$"), float(limit))
            for word, limit in r["label_number_limits"].items()
        ],
        age_before=tail(rf"\b(?:{_alts(r['age_before'])})\s*$"),
        threshold_units=frozenset(r["threshold_units"]),
        threshold_after=rx(rf"\s*[-–]?\s*(?:{_alts(r['threshold_after'])})\b"),
        timescale_units=frozenset(r["timescale_units"]),
        age_after=rx(rf"(?:\s?(?:-|–|to|and)\s?\d+)?(?:{_alts(r['age_after'])})"),
        legend_key_after=re.compile(r["legend_key_after"]),
        legend_line=re.compile(r"^\W*\(?\d*(?:" + r["legend_key_after"] + ")"),
        number_words=number_words,
        one_not_a_number=rx(rf"[\s-]*(?:{_alts(r['one_not_a_number'])})\b"),
        fraction=fraction,
        fraction_after=rx(rf"\s+(?:{_alts(list(fractions))})\b"),
        quarters_counted_before=tail(rf"\b(?:{_alts(r['quarters_counted_before'])})\s+$"),
        number_word_gate=_literal_gate(number_words) if folded else None,
        fraction_gate=_literal_gate(fraction) if folded else None,
        number_word_literals=required_literals(number_words) if folded else None,
        fraction_literals=required_literals(fraction) if folded else None,
        fractions=fractions,
        periods=rx("|".join(_calendar_words(f"(?:{p})") for p in r["periods"])),
        comparison_before=tail(
            rf"\b(?:{_alts(_with_turning_points(r['comparison_before_period'], r))})\s+(?:the\s+)?$"
        ),
        comparison_before_past=tail(rf"\b(?:{_alts(r['comparison_before_past'])})\s+(?:the\s+)?$"),
        past_period=rx(r["past_period"]),
        comparison_before_year=tail(rf"\b(?:{_alts(r['comparison_before_year'])})\s+(?:the\s+)?$"),
        comparison_before_change=tail(
            rf"\b(?:{_alts(_with_turning_points(r['comparison_before_change'], r))})\s+(?:the\s+)?$"
        ),
        compared_year_period=rx(_calendar_words(r["compared_year_period"])),
        clause_of_period=rx(r["clause_of_period"]),
        clause_break=rx(rf",\s*(?:{_alts(r['clause_break_words'])})\b"),
        bound_opener=rx(rf"\b(?:{_alts(calendar_vars()['period_bound_openers'])})\b"),
        near_period=rx(_calendar_words(r["near_periods"]["pattern"])),
        claiming_gap=_claiming_gap(r["claiming_period_words"]),
        clause_gap=_clause_gap(r["claiming_period_words"]),
        near_reach=int(r["near_periods"]["reach"]),
        time=rx(r"\s?(?:am|pm|a\.m\.|p\.m\.)\b|:\d\d"),
        ordinal=rx(r"(?:st|nd|rd|th)\b"),
        multiplier_word=rx(r"(?:k|m|bn|mn|million|billion|thousand)\b"),
        pronoun_before_one=tail(r"\b(?:no|any|every|each|this|that|the|which|only|within)\s*$"),
    )


def _literal_gate(pattern: re.Pattern) -> re.Pattern | None:
    """A pattern finding the strings one of which every match of `pattern` holds, looked for in
    the folded text before `pattern` runs (most sentences hold none)."""
    found = required_literals(pattern)
    return None if found is None else re.compile(_prefix_trie(sorted(found)))


# --------------------------------------------------------------------------- paragraphs

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BULLET = re.compile(rf"^\s*(?:[{re.escape(BULLET_MARKS)}]\s+)+")
_NO_BULLET = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ASCII_DIGITS = frozenset("0123456789")
_ITEM_NUMBER = re.compile(r"\d+(\.\d+)*\.?\s")
_DIGIT = re.compile(r"\d")


def _prefix_trie(words: tuple[str, ...] | list[str]) -> str:
    """A pattern matching where any of `words` starts, as a trie ('t(?:en|h(?:ird|...))'): the
    same places as 'ten|third|...', several times fewer comparisons at each one."""
    branches = []
    for first in sorted({word[0] for word in words}):
        rests = [word[1:] for word in words if word[0] == first]
        if "" in rests:  # a word ends here: any longer word starting so matches here too
            branches.append(re.escape(first))
        else:
            branches.append(re.escape(first) + f"(?:{_prefix_trie(rests)})")
    return "|".join(branches)


@cache
def _number_word_hint(folded: bool) -> re.Pattern:
    """Where a word starts like a number word (prose.yml number_hints)."""
    starts = read_rules(RULES_FILE)["number_hints"]
    return compile_caseless(rf"\b(?:{_prefix_trie(starts)})", folded)


_CLOSING_MARKS = frozenset('.!?:;)]"”’')


def _is_closed(text: str) -> bool:
    """The text ends on closing punctuation (white space after it aside): the regex
    `[.!?:;)\\]"”’]\\s*$` told by looking at the last character instead of searching the whole
    text for one (`str.rstrip` and `\\s` strip the same white space)."""
    return text.rstrip()[-1:] in _CLOSING_MARKS


def _may_hold_a_number(text: str, low: str | None) -> bool:
    """A digit, or a word that starts like a number word: only then is a text read."""
    if _has_digit(text):
        return True
    return _number_word_hint(low is not None).search(text if low is None else low) is not None


@cache
def _domain_patterns() -> tuple[re.Pattern, re.Pattern]:
    """prose.yml domain_words (anywhere, as a trie) and domain_acronyms (whole words)."""
    r = read_rules(RULES_FILE)
    acronyms = "|".join(re.escape(a) for a in r["domain_acronyms"])
    return re.compile(_prefix_trie(r["domain_words"])), re.compile(rf"\b(?:{acronyms})\b")


@cache
def _gate_words() -> dict[str, list[str]]:
    """The plain words each paragraph test needs one of (prose.yml): every domain word (the
    test itself: the trie is those words), an acronym, a number word's start."""
    r = read_rules(RULES_FILE)
    return {
        "words": list(r["domain_words"]),
        "acronyms": list(r["domain_acronyms"]),
        "hints": list(r["number_hints"]),
    }


def _read_paragraphs(paras: list[_Paragraph], lows: list[str | None]) -> list[bool]:
    """Which paragraphs have their numbers read: those that may hold a number (a digit, or a
    word starting like a number word) and name a fact domain, or are short (a list item, a
    lead-in: 'Of these 29 cases, there are 8 outcomes to date:') after one that names one.

    Decided for all of a pack's paragraphs at once: polars finds which paragraphs hold one of
    the rules' plain words (a substring search in Rust, several times faster than `re` trying
    an alternation at every character), and `re` runs only on those, for what needs a word
    boundary (an acronym as a whole word, a number word at a word's start)."""
    if not paras:
        return []
    lowered = [p.text.lower() if low is None else low for p, low in zip(paras, lows, strict=True)]
    hits = _substring_hits(lowered)
    _words, acronyms = _domain_patterns()
    names = [
        word or (acronym and acronyms.search(low) is not None)
        for word, acronym, low in zip(hits["words"], hits["acronyms"], lowered, strict=True)
    ]
    read = []
    for i, (para, low) in enumerate(zip(paras, lows, strict=True)):
        speaks = names[i] or (i > 0 and len(para.text) < SHORT_PARAGRAPH and names[i - 1])
        read.append(speaks and _may_hold_a_number_hinted(para.text, low, hits["hints"][i]))
    return read


def _substring_hits(lowered: list[str]) -> dict[str, list[bool]]:
    """For each gate word list, whether each lower-cased text holds one of its words."""
    return _contains_any(lowered, _gate_words())


def _contains_any(texts: list[str], lists: dict) -> dict[str, list[bool]]:
    """For each named list of strings, whether each text holds one of them (polars
    `contains_any`: Aho-Corasick in Rust). A list that is None or empty rules no text out (an
    empty list's pattern matches anywhere; None: its strings cannot be told)."""
    tests = {
        name: pl.col("t").str.contains_any(list(words)) for name, words in lists.items() if words
    }
    found = pl.DataFrame({"t": texts}, schema={"t": pl.String}).select(**tests)
    return {name: found[name].to_list() if name in tests else [True] * len(texts) for name in lists}


def _may_hold_a_number_hinted(text: str, low: str | None, hint_word: bool) -> bool:
    """`_may_hold_a_number`, told that the folded text holds no number hint's word when
    `hint_word` is False (the case-sensitive hint pattern on folded text cannot match then)."""
    if _has_digit(text):
        return True
    pattern = _number_word_hint(low is not None)
    if low is None or pattern.flags & re.IGNORECASE:
        return pattern.search(text if low is None else low) is not None
    return hint_word and pattern.search(low) is not None


def _has_digit(text: str) -> bool:
    """`\\d` in `text`: ten plain character searches, the pattern only for other scripts' digits."""
    for digit in "0123456789":
        if digit in text:
            return True
    return not text.isascii() and _DIGIT.search(text) is not None


def _clean_line(line: str) -> str:
    """The line as a sentence reads it: markup, entities, bold and bullets gone, white space
    folded. A plain line (single spaces, no markup, no bullet) is already that."""
    if _is_plain(line):
        return line
    if line[:2] == "- " and _is_plain(line[2:]):
        return line[2:]  # a plain line under one dash bullet (the next character is no bullet)
    text = _TAG.sub(" ", join_superscripts(line)) if "<" in line else line
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("**", "").replace("\xa0", " ")
    text = _BULLET.sub("", text)
    return " ".join(text.split())


_NOT_PLAIN_FIRST = frozenset(" " + BULLET_MARKS)  # white space or a bullet


def _is_plain(line: str) -> bool:
    """Nothing for `_clean_line` to do: printable (so no white space but single ' ', checked
    last: it is the slowest test), no markup, no bullet (several times faster than cleaning)."""
    return (
        line[:1] not in _NOT_PLAIN_FIRST
        and line[-1:] != " "
        and "  " not in line
        and "<" not in line
        and "&" not in line
        and "*" not in line
        and line.isprintable()
    )


@dataclass
class _Paragraph:
    starts: list[int]  # offset of each piece in `text`
    lines: list[int]  # line number of each piece
    text: str
    opens_section: bool = False  # a numbered section's heading is printed above it (or it is one)

    def line_at(self, offset: int) -> int:
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def _starts_an_item(line: str, text: str) -> bool:
    """A bulleted line, or one printed at the margin with an item number ('5.1 The ...')."""
    if line[:1] not in _NO_BULLET and _BULLET.match(line):
        return True
    return (
        line[:1] != " "
        and (text[0] in _ASCII_DIGITS or not text[0].isascii())
        and _ITEM_NUMBER.match(text) is not None
    )


def _furniture(lines: list[str]) -> set[str]:
    """Running headers: the same untabbed line printed three times or more."""
    counts = Counter(line.strip() for line in lines if len(line) > 15 and "\t" not in line)
    return {text for text, n in counts.items() if n >= RUNNING_HEADER_REPEATS}


def paragraphs(lines: list[str]) -> list[_Paragraph]:
    """Untabbed lines joined into paragraphs (see the module docstring)."""
    furniture = _furniture(lines)
    result: list[_Paragraph] = []
    numbers: list[int] = []  # the line number of each piece of the open paragraph
    texts: list[str] = []  # and its cleaned text
    gap = False  # a blank line was seen since the last piece
    heading = False  # a section's heading was printed since the last paragraph
    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            if texts:
                result.append(_paragraph(numbers, texts, heading))
                numbers, texts, heading = [], [], False
            heading = heading or _is_section_heading(_clean_line(line.replace("\t", " ")))
            gap = False
            continue
        stripped = line.strip()
        if not stripped:
            gap = True
            continue
        if stripped in furniture or (stripped[0] in "pP" and is_page_stamp(stripped)):
            continue
        text = _clean_line(line)
        if not text:
            continue
        if texts and (
            _starts_an_item(line, text)
            or (gap and (_is_closed(texts[-1]) or not text[0].islower()))
        ):
            result.append(_paragraph(numbers, texts, heading))
            numbers, texts, heading = [], [], False
        numbers.append(number)
        texts.append(text)
        gap = False
    if texts:
        result.append(_paragraph(numbers, texts, heading))
    return result


def _paragraph(numbers: list[int], texts: list[str], after_heading: bool = False) -> _Paragraph:
    """The pieces of a paragraph joined with single spaces, each piece's offset kept."""
    opens = after_heading or (len(texts) == 1 and _is_section_heading(texts[0]))
    if len(texts) == 1:
        return _Paragraph([0], numbers, texts[0], opens)  # most paragraphs are one line
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    return _Paragraph(starts, numbers, " ".join(texts), opens)


SECTION_HEADING_MAX_WORDS = 10


def _is_section_heading(text: str) -> bool:
    """`9. COMPLIMENTS`, `4.2 Waiting times for therapy`: a section's number and a short title
    of words that ends no sentence or clause. The prose before it is another section's: a
    sentence below it takes no service or subject from it. (An unnumbered heading may be a
    sub-heading of the section above: `Nature of Complaint` under a service's heading.)"""
    words = text.split()
    if not words or len(words) > SECTION_HEADING_MAX_WORDS or text[-1] in ".:;,!?":
        return False
    title = _SECTION_NUMBER.sub("", text, count=1)
    return title != text and title[:1].isupper() and not any(ch.isdigit() for ch in title)


_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")


# --------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[A-Z“\"‘(£0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|no|nos|cllr|clr|mr|mrs|ms|dr|st|approx|vs|inc|fig|para|ref|cf|"
    rf"prof|rev|{'|'.join(MONTH_ABBREVIATIONS)})|\b[A-Z])\.$",
    re.IGNORECASE,
)
# Every abbreviation above with its dot fits in the last 8 characters before a sentence end:
# only that tail is searched (a search from an offset still sees the letter before it for \b).
ABBREVIATION_TAIL = 12


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        dot = match.start() + 1
        if _ABBREVIATION.search(text, max(start, dot - ABBREVIATION_TAIL), dot):
            continue
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# --------------------------------------------------------------------------- numbers

_DIGITS = re.compile(
    r"(?<![\w./£$-])(?P<neg>-)?(?P<cur>£\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)
# Where a number may start: a sign, '£' or a digit not glued to a word, a dot, a slash... (the
# lookbehind of _DIGITS, tested after the first character so that `re` scans for it quickly)
_NUMBER_START = re.compile(r"[-£\d](?<![\w./£$-].)")
_DOTTED_MORE = re.compile(r"\.\d")
_SLASHED = re.compile(r"/\d")
_GLUED_LETTERS = re.compile(r"[A-Za-z]")
_PHONE = re.compile(r"\(?\b0\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_RANGE = re.compile(
    r"\s?(?:-|–|—|to|and)\s?(?P<cur>£\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)
_PARA_NUMBER = re.compile(r"^\d+(?:\.\d+)*[a-z]?[.)]?(?=\s|$)")
_SKIP_TAIL = re.compile(r"(?:[./:]\d+)*")
_QUARTER_NUMBER = re.compile(r"\s*\d")
_BETWEEN_END = re.compile(r"\bbetween\s*$")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")


class _Sentence:
    """A sentence as printed (`text`) and as the patterns read it (`subject`: folded when it
    can be, with `rules` compiled for it), with what is read once for all its numbers."""

    __slots__ = (
        "text",
        "subject",
        "rules",
        "phones",
        "may_hold_a_fraction",
        "may_hold_words",
        "found_period_spans",
    )

    def __init__(
        self,
        text: str,
        low: str | None,
        may_hold_a_fraction: bool | None = None,
        may_hold_words: bool | None = None,
    ) -> None:
        self.text = text
        self.subject = text if low is None else low
        self.rules = _rules(low is not None)
        self.phones = [m.span() for m in _PHONE.finditer(text)] if "0" in text else []
        # a fraction or a number in words needs its words: the folded text is tested for them
        # (by the caller for all of a pack's sentences at once, `_sentence_gates`, or here)
        if may_hold_a_fraction is None:
            may_hold_a_fraction = _may_hold(low, self.rules.fraction_gate)
        if may_hold_words is None:
            may_hold_words = _may_hold(low, self.rules.number_word_gate)
        self.may_hold_a_fraction = may_hold_a_fraction
        self.may_hold_words = may_hold_words
        self.found_period_spans: list[tuple[int, int]] | None = None  # by _period_spans, once


def _may_hold(low: str | None, gate: re.Pattern | None) -> bool:
    return low is None or gate is None or gate.search(low) is not None


def prose_numbers(lines: list[str], labels: dict[int, str] | None = None) -> list[ProseNumber]:
    """Every number mention in the prose of a pack, in reading order. `labels`: the lines
    whose paragraph opens with its own bare number (`paragraphs.bare_number_labels`), which is
    read as that, not as a count."""
    labels = labels or {}
    found: list[ProseNumber] = []
    sentences = _sentences(lines)
    gates = _sentence_gates([sentence[-1] for sentence in sentences])
    for (para, before_paragraph, lead, start, end, text, low), (hint, fraction, words) in zip(
        sentences, gates, strict=True
    ):
        if not _may_hold_a_number_hinted(text, low, hint):
            continue
        mentions = _read_sentence(_Sentence(text, low, fraction, words))
        if not mentions:
            continue
        if start == 0 and para.lines[0] in labels:
            _skip_paragraph_label(mentions, labels[para.lines[0]])
        first_line, last_line = para.line_at(start), para.line_at(max(start, end - 1))
        context = _context_before(before_paragraph, para.text, start)
        point_start = _point_start(context, lead, para.text, start)
        base = len(found)
        for m in mentions:
            m.context_before = context
            m.context_point_start = point_start
            m.line_number = para.line_at(start + m.char_start)
            m.sentence_first_line, m.sentence_last_line = first_line, last_line
            m.seq = base + m.index_in_sentence
            if m.anchor_index is not None:
                m.anchor_seq = base + m.anchor_index
        found.extend(mentions)
    return found


def _skip_paragraph_label(mentions: list[ProseNumber], label: str) -> None:
    """The paragraph's own number, first in its first sentence, is no quantity."""
    first = mentions[0]
    if first.char_start == 0 and first.number_text == label and first.skip_reason is None:
        first.skip_reason = "paragraph_number"


def _sentences(lines: list[str]) -> list[tuple[_Paragraph, str, str, int, int, str, str | None]]:
    """The sentences of the paragraphs that are read, in reading order: each with its
    paragraph, the prose before that paragraph (its last CONTEXT_CHARS characters), the
    paragraphs right before it that are no sentences (a heading, a lead-in), its span in the
    paragraph, its text and its folded text."""
    sentences = []
    earlier = ""  # the prose before the paragraph
    lead = ""  # the paragraphs right before it that end in no full stop
    paras = paragraphs(lines)
    lows = [fold(para.text) for para in paras]
    for para, para_low, read in zip(paras, lows, _read_paragraphs(paras, lows), strict=True):
        if para.opens_section:
            earlier = lead = ""  # the sections above are about something else
        before_paragraph, lead_paragraphs = earlier, lead
        earlier = (earlier + " " + para.text)[-CONTEXT_CHARS:]
        lead = "" if _ends_a_sentence(para.text) else (lead + " " + para.text)[-CONTEXT_CHARS:]
        if not read:
            continue
        for start, end in sentence_spans(para.text):
            text = para.text[start:end]
            low = para_low[start:end] if para_low is not None else fold(text)
            sentences.append((para, before_paragraph, lead_paragraphs, start, end, text, low))
    return sentences


def _ends_a_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?"


def _point_start(context: str, lead: str, text: str, start: int) -> int:
    """Where in `context` the sentence's own numbered point begins: a paragraph opening with
    its own number (`3.3<TAB>83% of complaints ...`) is a point of its own, and the points
    before it are not what it is about (a service they name is theirs), though a heading or
    lead-in right above it is. 0 for a paragraph with no number: all the context before it
    may be."""
    number = _ITEM_NUMBER.match(text)
    if not number or text[number.end() :].lstrip()[:1].islower():  # '45 complaints were ...'
        return 0
    own = (lead + " " + text[:start]).strip()
    return max(0, len(context) - len(own))


def _sentence_gates(lows: list[str | None]) -> list[tuple[bool, bool, bool]]:
    """For each sentence's folded text: whether it holds a number hint's word, a fraction's
    and a number word's literals (`_literal_gate`), found for all sentences at once with
    polars' substring search. A sentence that cannot be folded (None) is told True for each:
    its patterns run case-insensitively on the text as printed."""
    if not lows:
        return []
    rules = _rules(True)
    lists = {
        "hints": tuple(_gate_words()["hints"]),
        "fractions": rules.fraction_literals,
        "words": rules.number_word_literals,
    }
    hits = _contains_any([low or "" for low in lows], lists)
    return [
        (True, True, True) if low is None else hit
        for low, hit in zip(lows, zip(*hits.values(), strict=True), strict=True)
    ]


def _context_before(earlier: str, text: str, start: int) -> str:
    """The last CONTEXT_CHARS characters of the prose before a sentence (its paragraph, then
    the paragraphs before it: a list item's lead-in, a theme named a sentence before), cut to
    start at a word."""
    context = (earlier + " " + text[:start]).strip()
    if len(context) <= CONTEXT_CHARS:
        return context
    cut = context[-CONTEXT_CHARS:]
    return cut[cut.find(" ") + 1 :].strip()


def _read_sentence(s: _Sentence) -> list[ProseNumber]:
    sentence = s.text
    mentions = _digit_mentions(s) + _word_mentions(s)
    mentions.sort(key=lambda m: m.char_start)
    mentions = _drop_overlaps(mentions)
    if s.rules.legend_line.match(sentence):  # '(3U) = three complaints upheld ...': a key
        for m in mentions:
            m.skip_reason = m.skip_reason or "label"
    # period phrases matter only to a number not already known to be an identifier
    periods = _period_spans(s) if any(m.skip_reason is None for m in mentions) else []
    own, compared, counted_from = _own_and_compared(s, periods)
    for m in mentions:
        # a number inside a period phrase, or inside the clause bounding one ('the same six
        # months of 2024/25'), is part of it
        if m.skip_reason is None and (_inside(m, periods) or _inside(m, own)):
            m.skip_reason = "date"
    kept = [m for m in mentions if m.skip_reason is None]
    for i, m in enumerate(mentions):
        m.index_in_sentence = i
    _windows(sentence, kept)
    _changes(s, kept)
    _reached_levels(s, kept, periods)
    change_own = [span for span in own if span not in counted_from]
    introducing = _introducing_clauses(s, compared)
    for m in kept:
        if m.role == "change":
            m.period_text = _nearest_period(s, m, change_own, kept)
            m.comparison_period_text = _nearest_period(s, m, compared + counted_from, kept)
        else:
            after = [span for span in introducing if span[1] <= m.char_start]
            m.period_text = _nearest_period(s, m, own + after, kept)
    for m in kept:  # the level a change reached is of the change's period, if it has none
        if m.role == "to" and m.period_text is None and mentions[m.anchor_index].role == "change":
            m.period_text = mentions[m.anchor_index].period_text
    for m in kept:
        if m.role == "to" or m.comparison_text is not None:
            earlier = next(
                (k for k in kept if k.role == "from" and k.number_text == m.comparison_text), None
            )
            m.comparison_period_text = earlier.period_text if earlier else None
    return mentions


def _period_spans(s: _Sentence) -> list[tuple[int, int]]:
    """The spans of the sentence's period phrases (searched once: each figure asks again)."""
    if s.found_period_spans is None:
        s.found_period_spans = [match.span() for match in s.rules.periods.finditer(s.subject)]
    return s.found_period_spans


def _own_and_compared(s: _Sentence, spans: list[tuple[int, int]]):
    """The period phrases that are a figure's own, those it is compared with ('compared to
    2013/14', 'on last year'), and those of its own that a change is counted from ('since April
    2025', prose.yml comparison_before_change: a change's comparison period, any other figure's
    own). A phrase in a clause that an event opens ('Prior to the SEND inspection in February
    2022') bounds a figure's time: its span then starts at the opener, so the figure's
    period_text is the whole clause (dbt var period_bound_openers)."""
    own, compared, counted_from = [], [], []
    rules = s.rules
    for start, end in spans:
        before = s.subject[max(0, start - TAIL) : start]
        phrase = s.subject[start:end]
        past = rules.past_period.match(phrase) is not None
        year = rules.compared_year_period.match(phrase) is not None
        if (
            rules.comparison_before.search(before)
            or (past and rules.comparison_before_past.search(before))
            or (year and rules.comparison_before_year.search(before))
            # the year of a compared quarter ('than Quarter 1 2023/24')
            or (compared and not s.subject[compared[-1][1] : start].strip())
        ):
            compared.append((start, end))
        else:
            span = (_bound_clause_start(s, start), end)
            own.append(span)
            if rules.comparison_before_change.search(before):
                counted_from.append(span)
    return own, compared, counted_from


def _introducing_clauses(s: _Sentence, compared: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Compared period phrases that open a clause about themselves ('Complaints fell by 9%
    compared with 2024/25, when 223 complaints were recorded': prose.yml clause_of_period): the
    period of the figures after them in that clause, as well as the one compared with."""
    return [span for span in compared if s.rules.clause_of_period.match(s.subject, span[1])]


def _bound_clause_start(s: _Sentence, start: int) -> int:
    """Where the clause of the period phrase at `start` opens, when an event's words open it
    ('prior to', 'ahead of'; no ',', ';' or bracket between); else `start`."""
    clause = s.subject[max(0, start - BOUND_CLAUSE_CHARS) : start]
    cut = max(clause.rfind(c) for c in ",;()")
    opener = s.rules.bound_opener.search(clause, cut + 1)
    return start if opener is None else start - len(clause) + opener.start()


def _inside(m: ProseNumber, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.char_start and m.char_end <= e for s, e in spans) or any(
        s <= m.char_start < e and _looks_like_date_part(m) for s, e in spans
    )


def _looks_like_date_part(m: ProseNumber) -> bool:
    return m.unit_cue is None and m.value is not None and float(m.value).is_integer()


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _digit_mentions(s: _Sentence) -> list[ProseNumber]:
    sentence, subject, rules = s.text, s.subject, s.rules
    out: list[ProseNumber] = []
    pos = 0
    while True:
        match = _next_number(sentence, pos)
        if not match:
            break
        start, end = match.start("cur") if match.group("cur") else match.start("num"), match.end()
        raw = match.group("num")
        m = ProseNumber(0, 0, 0, sentence, start, end, raw, _number(raw))
        if match.group("cur"):
            m.unit_cue = "gbp"
        skip = _identifier_reason(s, match)
        if skip:
            m.skip_reason = skip
            end = _SKIP_TAIL.match(sentence, end).end()  # '5.1.8', '12/01/2024': not re-read
        else:
            before = subject[max(0, start - TAIL) : start]
            end = _read_unit(s, m, end)
            end = _read_range(s, m, end)
            m.qualifier = m.qualifier or _qualifier(before, rules)
            if m.unit_cue is None and _is_year(raw):
                m.skip_reason = "year"
            elif m.unit_cue in rules.threshold_units or _names_a_timescale(s, m, end):
                m.skip_reason = "threshold"
            elif rules.legend_key_after.match(sentence, match.end()):
                m.skip_reason = "label"  # '(3U) = three complaints upheld ...'
            elif rules.age_before.search(before) or rules.age_after.match(subject, m.char_end):
                m.skip_reason = "age"
            elif (
                rules.label_before.search(before)
                and m.unit_cue not in ("percent", "gbp")
                and not rules.earlier_figure_before.search(before)
                and not _beyond_label_limit(before, m.value, rules)
            ):
                m.skip_reason = "label"
        m.char_end = end if m.skip_reason is None else m.char_end
        m.number_text = sentence[m.char_start : m.char_end]
        out.append(m)
        pos = max(end, match.end())
    return out


def _next_number(sentence: str, pos: int) -> re.Match | None:
    """`_DIGITS.search(sentence, pos)`: the first place from `pos` where a number starts."""
    while True:
        start = _NUMBER_START.search(sentence, pos)
        if start is None:
            return None
        match = _DIGITS.match(sentence, start.start())
        if match is not None:
            return match
        pos = start.start() + 1


# a numbered section's title standing alone: a number, a capitalised title, no full stop
_SECTION_HEADING = re.compile(r"^\d{1,2}\s+[A-Z][^.!?;:]{2,80}$")


def _identifier_reason(s: _Sentence, match: re.Match) -> str | None:
    """Why a number in digits is an identifier, not a quantity (None: it may be one)."""
    sentence, subject, rules = s.text, s.subject, s.rules
    raw = match.group("num")
    start, end = match.start("num"), match.end()
    if (raw.startswith("0") and len(raw) >= 4) or any(a <= start < b for a, b in s.phones):
        return "phone"
    if _DOTTED_MORE.match(sentence, end) or (
        start == 0
        and _PARA_NUMBER.match(sentence)
        and ("." in raw or sentence[end : end + 1] in ".)")
    ):
        return "paragraph_number"
    if start == 0 and _SECTION_HEADING.match(sentence):
        return "paragraph_number"  # '7 Complaints and compliments from children looked after'

    if _SLASHED.match(sentence, end):  # '12/01/2024' ('/' before a number: no match at all)
        return "date_or_reference"
    if rules.time.match(subject, end):
        return "time"
    if rules.ordinal.match(subject, end):
        return "ordinal"
    if _GLUED_LETTERS.match(sentence, end) and not rules.multiplier_word.match(subject, end):
        return "reference"
    return None


def _names_a_timescale(s: _Sentence, m: ProseNumber, end: int) -> bool:
    """Whether a number of days or weeks is the length a timescale or target names ('within the
    20 working day timescale', 'the 18-week standard'; prose.yml threshold_after)."""
    if m.unit_cue not in s.rules.timescale_units:
        return False
    return s.rules.threshold_after.match(s.subject, end) is not None


def _is_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2099


def _read_unit(s: _Sentence, m: ProseNumber, end: int) -> int:
    """The unit printed right after a number ('%', 'weeks', 'per 10,000') and a multiplier
    ('£4.5million'): the value scaled, the cue set, the end of the number moved past them."""
    subject, rules = s.subject, s.rules
    if rules.any_multiplier.match(subject, end):
        for pattern, factor in rules.multipliers:
            hit = pattern.match(subject, end)
            if hit and (
                m.unit_cue == "gbp"
                or hit.group().strip().lower() in ("million", "thousand", "billion")
            ):
                m.value = (m.value or 0) * factor
                end = hit.end()
                break
    if m.unit_cue is None:
        hit = rules.units.match(subject, end)
        if hit:
            m.unit_cue = rules.unit_cues[hit.lastgroup]
            end = hit.end()
    return end


def _read_range(s: _Sentence, m: ProseNumber, end: int) -> int:
    """'50-60', 'between 40 and 50', '£23m and £29m': value low, value_high high."""
    sentence = s.text
    hit = _RANGE.match(sentence, end)
    if not hit:
        return end
    before = sentence[max(0, m.char_start - TAIL) : m.char_start].lower()
    joiner = sentence[end : hit.start("num")].strip(" £").lower()
    if joiner in ("and", "to") and not _BETWEEN_END.search(before):
        return end  # '19 were upheld ... and 26' / 'from 40 to 25' are two figures
    high = ProseNumber(0, 0, 0, sentence, 0, 0, hit.group("num"), _number(hit.group("num")))
    high.unit_cue = m.unit_cue
    stop = _read_unit(s, high, hit.end())
    if m.unit_cue is None and high.unit_cue is not None:
        m.unit_cue = high.unit_cue
    if _is_year(m.number_text.strip("£ ")) and _is_year(hit.group("num")):
        return end
    m.value_high = high.value
    m.qualifier = RANGE_QUALIFIER
    return stop


def _qualifier(before: str, rules: _Rules) -> str | None:
    hit = rules.qualifiers.search(before[-40:])
    return hit.lastgroup if hit else None


def _word_mentions(s: _Sentence) -> list[ProseNumber]:
    sentence, subject, rules = s.text, s.subject, s.rules
    out: list[ProseNumber] = []
    fractions = rules.fraction.finditer(subject) if s.may_hold_a_fraction else ()
    for match in fractions:
        if match.group("half"):
            numerator, denominator = 1, 2
        else:
            n = match.group("n").lower()
            numerator = 1 if n in ("a", "an") else text2num(n, "en")
            denominator = rules.fractions[match.group("d").lower()]
            if match.group("d").lower() in ("quarter", "quarters") and _QUARTER_NUMBER.match(
                sentence, match.end()
            ):
                continue  # 'quarter 4' is a period
        text = sentence[match.start() : match.end()]
        m = ProseNumber(0, 0, 0, sentence, match.start(), match.end(), text, None)
        if _counts_quarters(s, match):  # 'the last five quarters': a span of time
            m.skip_reason = "date"
            out.append(m)
            continue
        m.value = round(100.0 * numerator / denominator, 2)
        m.number_form, m.unit_cue = "fraction", "percent"
        m.qualifier = _qualifier(subject[max(0, match.start() - TAIL) : match.start()], rules)
        out.append(m)
    for match in rules.number_words.finditer(subject) if s.may_hold_words else ():
        text = sentence[match.start() : match.end()]
        if text.lower() in ("hundred", "thousand", "million"):
            continue
        if text.lower() == "one" and (
            rules.one_not_a_number.match(subject, match.end())
            or rules.pronoun_before_one.search(subject[max(0, match.start() - 12) : match.start()])
        ):
            continue
        if rules.fraction.match(subject, match.start()) and rules.fraction_after.match(
            subject, match.end()
        ):
            continue  # 'two thirds' is a fraction
        try:
            value = float(text2num(text.replace("-", " ").lower(), "en"))
        except ValueError:
            continue
        m = ProseNumber(0, 0, 0, sentence, match.start(), match.end(), text, value)
        m.number_form = "words"
        end = _read_unit(s, m, match.end())
        m.char_end = end
        m.number_text = sentence[m.char_start : end]
        before = subject[max(0, match.start() - TAIL) : match.start()]
        m.qualifier = _qualifier(before, rules)
        if m.unit_cue in rules.threshold_units or _names_a_timescale(s, m, end):
            m.skip_reason = "threshold"  # 'three or more placements', 'the twenty day timescale'
        elif rules.age_before.search(before) or rules.age_after.match(subject, end):
            m.skip_reason = "age"
        elif rules.label_before.search(before):
            m.skip_reason = "label"
        out.append(m)
    return out


def _beyond_label_limit(before: str, value: float, rules: _Rules) -> bool:
    """A number too large for the label word before it (`the quarter 31`: quarters are 1 to 4,
    prose.yml label_number_limits): a quantity after all."""
    return any(value > limit and pattern.search(before) for pattern, limit in rules.label_limits)


def _counts_quarters(s: _Sentence, match: re.Match) -> bool:
    """Whether a fraction in words counts quarters of time ('in each of the last five
    quarters', 'the past two quarters'), not a share: more quarters than make a whole, or
    words before it that count periods (prose.yml quarters_counted_before)."""
    if match.group("half") or match.group("d").lower() not in ("quarter", "quarters"):
        return False
    n = match.group("n").lower()
    if n not in ("a", "an", "one") and text2num(n, "en") > 4:
        return True
    before = s.subject[max(0, match.start() - TAIL) : match.start()]
    return s.rules.quarters_counted_before.search(before) is not None


def _drop_overlaps(mentions: list[ProseNumber]) -> list[ProseNumber]:
    out: list[ProseNumber] = []
    for m in mentions:
        if out and m.char_start < out[-1].char_end:
            continue
        out.append(m)
    return out


def _windows(sentence: str, kept: list[ProseNumber]) -> None:
    """The words on each side of a number, cut at the neighbouring figures. A threshold that
    names a measure ('waiting over 52 weeks') does not cut; in 'N of (the) M <noun> <verb>...'
    the verb phrase is N's and only the noun is M's ('48 of the 91 complaints were dealt with
    in time')."""
    cuts = [m for m in kept if not _is_threshold(m)]
    for m in kept:
        left = max((k.char_end for k in cuts if k.char_end <= m.char_start), default=0)
        right = min(
            (k.char_start for k in cuts if k.char_start >= m.char_end), default=len(sentence)
        )
        m.before_text = " ".join(sentence[left : m.char_start].split()[-WINDOW_WORDS:])
        m.after_text = " ".join(_after(sentence, m, right, kept, cuts).split()[:WINDOW_WORDS])
    for part, whole in zip(kept, kept[1:], strict=False):
        if _OF_THE.fullmatch(part.after_text) and whole.qualifier is None:
            part.after_text = whole.after_text
            whole.after_text = _PREDICATE.split(whole.after_text, maxsplit=1)[0].strip()


def _after(
    sentence: str, m: ProseNumber, right: int, kept: list[ProseNumber], cuts: list[ProseNumber]
) -> str:
    """The text after a number up to `right`; a count's own share printed in brackets right
    after it stands aside ('128 (41%) were upheld or partially upheld': 128's words are 'were
    upheld or partially upheld', up to the figure after the share)."""
    share = next((k for k in kept if _own_share(sentence, m, k, kept)), None)
    if share is None or right != share.char_start:
        return sentence[m.char_end : right]
    close = sentence.index(")", share.char_end) + 1
    beyond = min((k.char_start for k in cuts if k.char_start >= close), default=len(sentence))
    return sentence[m.char_end : _share_open(sentence, share)] + " " + sentence[close:beyond]


_OF_THE = re.compile(r"(?:out\s+)?of(?:\s+(?:the|these|those))?", re.IGNORECASE)
_PREDICATE = re.compile(
    r"\b(?:were|was|are|is|have|has|had|being|been|which|that|who|will|would)\b", re.IGNORECASE
)


ITEM_NOUNS_SEED = Path(__file__).resolve().parents[1] / "dbt" / "seeds" / "prose_item_nouns.csv"
_NEXT_WORDS = re.compile(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")


@cache
def _item_noun_pattern() -> re.Pattern:
    """The nouns a number counts a list's items by (`the three services`, `all six teams`): the
    dbt seed prose_item_nouns, read here too."""
    with ITEM_NOUNS_SEED.open(encoding="utf-8") as handle:
        patterns = [row["pattern"] for row in csv.DictReader(handle)]
    return re.compile("|".join(python_pattern(p) for p in patterns))


def _counts_items(sentence: str, m: ProseNumber) -> bool:
    """`across the three services`: the number counts items of a list (a word or two after it
    that seed prose_item_nouns names), no figure standing between another and its period."""
    words = _NEXT_WORDS.match(sentence, m.char_end)
    if words is None:
        return False
    first, second = words.group(1), words.group(2)
    pattern = _item_noun_pattern()
    return bool(pattern.match(first) or (second and pattern.match(f"{first} {second}")))


def _is_threshold(m: ProseNumber) -> bool:
    return m.qualifier in ("over", "under", "at_least") and m.unit_cue in (
        "weeks",
        "days",
        "months",
    )


def _changes(s: _Sentence, kept: list[ProseNumber]) -> None:
    """Roles in changes: 'an increase of 15' (change), 'from 40 to 25' (from, to)."""
    sentence, subject, rules = s.text, s.subject, s.rules
    open_from: ProseNumber | None = None
    for i, m in enumerate(kept):
        bare_before = _words_before(m, subject, rules)
        if rules.any_change_before.search(bare_before):
            for pattern, direction in reversed(rules.change_before):  # the last listed wins
                if pattern.search(bare_before):
                    m.role, m.direction = "change", direction
                    break
        if m.role == "level":
            for pattern, direction in rules.change_after:
                if pattern.match(subject, m.char_end):
                    m.role, m.direction = "change", direction
        if (
            m.role == "level"
            and i
            and kept[i - 1].role == "change"
            and _OPEN_BRACKET.fullmatch(sentence[kept[i - 1].char_end : m.char_start])
        ):
            m.role, m.direction = "change", kept[i - 1].direction  # 'by 9 (6.7%)'
        if m.role == "change":
            m.anchor_index = _anchor_before(sentence, kept[:i])
            continue
        if (
            i
            and kept[i - 1].role == "from"
            and _OPEN_BRACKET.fullmatch(sentence[kept[i - 1].char_end : m.char_start])
        ):
            m.role = "from"  # 'compared with 1,362 (98 per 10,000) a year earlier': the earlier
            continue  # figure restated in brackets is the earlier one too
        if rules.from_before.search(bare_before):
            m.role = "from"
            open_from = m
            continue
        if rules.earlier_figure_before.search(subject[max(0, m.char_start - TAIL) : m.char_start]):
            m.role = "from"  # 'from the previous year (993)': compared below, as a lone 'from'
            continue
        if open_from is not None and rules.to_before.search(bare_before):
            m.role = "to"
            m.anchor_index = open_from.index_in_sentence
            _compare(m, open_from, s)
            open_from = None
    # 'currently at 66% up from 62%': a 'from' with no 'to' compares the figure before it, when
    # its words say so ('up from', not the 'from' of '10 enquiries from 5 complainants')
    for i, m in enumerate(kept):
        before = subject[max(0, m.char_start - TAIL) : m.char_start]
        if (
            m.role == "from"
            and (
                rules.lone_from_before.search(_words_before(m, subject, rules))
                or rules.earlier_figure_before.search(before)
            )
            and not any(k.role == "to" and k.comparison_text == m.number_text for k in kept)
        ):
            earlier = [k for k in kept[:i] if k.role == "level" and k.unit_cue == m.unit_cue]
            if earlier and earlier[-1].comparison_value is None:
                _compare(earlier[-1], m, s)


def _reached_levels(s: _Sentence, kept: list[ProseNumber], periods) -> None:
    """'rose by 335 between April and June 2025, to 10,177 children': a level right after a
    change, with only a period phrase and a reached word between (prose.yml reached_gap), is the
    level the change reached. It reads its measure from the change's words (role 'to', anchored
    on the change), and the change is about it (its anchor)."""
    for change, level in zip(kept, kept[1:], strict=False):
        if change.role != "change" or level.role != "level":
            continue
        gap = _blanked(s.subject, change.char_end, level.char_start, periods)
        if s.rules.reached_gap.fullmatch(gap):
            level.role, level.anchor_index = "to", change.index_in_sentence
            change.anchor_index = level.index_in_sentence


def _blanked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] without the parts inside `spans`."""
    keep = [True] * (end - start)
    for s, e in spans:
        for i in range(max(s, start), min(e, end)):
            keep[i - start] = False
    return "".join(c for c, k in zip(text[start:end], keep, strict=True) if k)


def _anchor_before(sentence: str, before: list[ProseNumber]) -> int | None:
    """The figure a change is about: the last one before it, passing over a figure in brackets
    ('286 complaints received (2023/24: 265), an increase of 8%': 286's change)."""
    for k in reversed(before):
        if not _in_brackets(sentence, k):
            return k.index_in_sentence
    return before[-1].index_in_sentence if before else None


def _in_brackets(sentence: str, m: ProseNumber) -> bool:
    """The figure is printed inside a bracket that closes after it ('(2023/24: 265)')."""
    head = sentence[: m.char_start]
    return head.rfind("(") > head.rfind(")") and ")" in sentence[m.char_end :]


def _words_before(m: ProseNumber, subject: str, rules: _Rules) -> str:
    return _strip_qualifier(subject[max(0, m.char_start - TAIL) : m.char_start], rules)


def _strip_qualifier(before: str, rules: _Rules) -> str:
    tail = before.rstrip(" (")
    hit = rules.qualifiers.search(tail)
    return tail[: hit.start() + (1 if hit.group()[:1].isspace() else 0)] if hit else tail


def _compare(later: ProseNumber, earlier: ProseNumber, s: _Sentence) -> None:
    later.comparison_value = earlier.value
    later.comparison_text = earlier.number_text
    if later.unit_cue is None:
        later.unit_cue = earlier.unit_cue
    if earlier.unit_cue is None:
        earlier.unit_cue = later.unit_cue
    clause = s.subject[: later.char_start]
    verbs = [
        (hit.start(), d)
        for pattern, d in s.rules.direction_verbs
        for hit in pattern.finditer(clause)
    ]
    later.direction = max(verbs)[1] if verbs else None  # the verb nearest the figure
    if later.direction is None and later.value is not None and earlier.value is not None:
        later.direction = (
            "up" if later.value > earlier.value else "down" if later.value < earlier.value else None
        )


_OWN_SHARE_GAP = re.compile(r"[^();:]{0,40}\(\s*")


def _own_share(
    sentence: str, count: ProseNumber, share: ProseNumber, kept: list[ProseNumber]
) -> bool:
    """`share` is a percentage printed alone in brackets a few words after `count` ('193
    children (16.9%)', '812 Stage 1 complaints (45%)'): the count's share of its whole, of the
    count's period. No other figure stands between them (a number of a label, 'Stage 1', is
    none)."""
    return (
        share.char_start > count.char_end
        and share.number_text.rstrip().endswith("%")
        and not count.number_text.rstrip().endswith("%")
        and _OWN_SHARE_GAP.fullmatch(sentence[count.char_end : share.char_start]) is not None
        and sentence[share.char_end :].lstrip().startswith(")")
        and not any(count.char_end <= k.char_start < share.char_start for k in kept)
    )


def _share_open(sentence: str, share: ProseNumber) -> int:
    """Where the bracket holding a share opens."""
    return sentence.rindex("(", 0, share.char_start)


def _paired(a: ProseNumber, b: ProseNumber) -> bool:
    """The two figures of one 'from X to Y' (a period phrase before X is Y's too)."""
    if {a.role, b.role} != {"from", "to"}:
        return False
    return a.anchor_index == b.index_in_sentence or b.anchor_index == a.index_in_sentence


def _after_its_from_figure(start: int, m: ProseNumber, kept: list[ProseNumber]) -> bool:
    """A period phrase printed between the two figures of one 'from X to Y', after X, is X's own
    ('from a peak of 540 in August to 455'), not Y's (a phrase before X is both's: `_paired`)."""
    return m.role == "to" and any(
        _paired(k, m) and k.role == "from" and k.char_end <= start for k in kept
    )


def _quarter_of_its_clause(sentence: str, m: ProseNumber, start: int) -> bool:
    """A quarter named after the figure in its own clause, after a claiming word (prose.yml
    claiming_period_words: 'received 1,711 Stage 1 complaints in Quarter 2'): the figure's,
    though further than a quarter is read."""
    gap = _rules().clause_gap
    return start >= m.char_end and gap.fullmatch(sentence[m.char_end : start]) is not None


def _claimed_by_figure_before(sentence: str, start: int, end: int, m: ProseNumber, kept) -> bool:
    """A period phrase naming a quarter, year or date printed right after another figure
    ('compared with 24 in Quarter 2, and 28 children ceased ...') is that figure's, not a later
    one's. A phrase without a number ('in the year') speaks for the whole sentence."""
    if not _has_digit(sentence[start:end]):
        return False
    gap = _rules().claiming_gap
    return any(
        k is not m and k.char_end <= start and gap.fullmatch(sentence[k.char_end : start])
        for k in kept
    )


def _bracketed_after_period(
    sentence: str, m: ProseNumber, spans: list[tuple[int, int]]
) -> str | None:
    """A figure alone in brackets right after a period phrase is that period's ('an increase of
    7% on 2022/23 (470)': 470 is 2022/23's)."""
    if (
        sentence[m.char_start - 1 : m.char_start] != "("
        or sentence[m.char_end : m.char_end + 1] != ")"
    ):
        return None
    for start, end in spans:
        if end <= m.char_start - 1 and not sentence[end : m.char_start - 1].strip():
            return sentence[start:end].strip()
    return None


def _bracketed_after_compared_year(s: _Sentence, m: ProseNumber) -> str | None:
    """A figure alone in brackets right after the year a change is measured from is that
    year's ('an increase of 8% on 2022/23 (1,042)': 1,042 is 2022/23's)."""
    spans = [
        (start, end)
        for start, end in _period_spans(s)
        if s.rules.compared_year_period.match(s.subject[start:end])
    ]
    return _bracketed_after_period(s.text, m, spans) if spans else None


_PARAGRAPH_NUMBER = re.compile(r"[\d.\s]*")


def _opens_sentence(sentence: str, start: int, m: ProseNumber) -> bool:
    """The period phrase at `start` opens the sentence, before figure `m` (only a paragraph
    number before it: '2.1 In 2023/24 ...')."""
    return start < m.char_start and _PARAGRAPH_NUMBER.fullmatch(sentence[:start]) is not None


def _restates_period_before(s: _Sentence, span: tuple[int, int], spans) -> bool:
    """A bare quarter alone in brackets right after a phrase naming a day or month restates it
    ('At the end of September 2025 (Q2) there were 742 children': the day is the figure's, not
    the quarter's span; after a year, `In 2024/25 (Q4)`, the quarter narrows it)."""
    start, end = span
    sentence = s.text
    if not (start > 0 and sentence[start - 1] == "(" and sentence[end : end + 1] == ")"):
        return False
    if not s.rules.near_period.match(s.subject[start:end]):
        return False
    return any(
        other_end <= start - 1
        and not sentence[other_end : start - 1].strip()
        and _NAMES_A_MONTH.search(sentence[other_start:other_end])  # a day or month: no year
        for other_start, other_end in spans
        if (other_start, other_end) != span
    )


_NAMES_A_MONTH = re.compile(rf"\b(?:{MONTH})\b", re.IGNORECASE)


def _nearest_period(
    s: _Sentence, m: ProseNumber, spans: list[tuple[int, int]], kept: list[ProseNumber]
) -> str | None:
    """The period phrase closest to the number, not across a ';', a bracket (brackets that
    hold the phrase alone, '(June 2017)', do not count) or another figure of the sentence (but
    the other figure of its 'from X to Y'); a quarter only close by (prose.yml near_periods)."""
    sentence = s.text
    bracketed = _bracketed_after_period(sentence, m, spans) or _bracketed_after_compared_year(s, m)
    if bracketed is not None:
        return bracketed
    restated = [span for span in spans if _restates_period_before(s, span, spans)]
    spans = [span for span in spans if span not in restated]
    count = next((k for k in kept if _own_share(sentence, k, m, kept)), None)
    if count is not None:  # '193 children (16.9%) ... at 30 September 2025': 16.9% is 193's share
        own = _nearest_period(s, count, spans, kept)
        if own is not None:
            return own
    share = next((k for k in kept if _own_share(sentence, m, k, kept)), None)
    best, best_distance = None, None
    for start, end in spans:
        low, high = min(end, m.char_start), max(start, m.char_end)
        between = sentence[low:high]
        if share is not None and start >= share.char_end:
            # the count's own share in brackets stands aside: '193 children (16.9%) were living
            # more than 20 miles from home at 30 September 2025'
            between = (
                sentence[m.char_end : _share_open(sentence, share)]
                + sentence[sentence.index(")", share.char_end) + 1 : start]
            )
        if start > 0 and sentence[start - 1] == "(" and sentence[end : end + 1] == ")":
            between = (
                between.replace("(", "", 1) if start >= m.char_end else between.replace(")", "", 1)
            )
        before_figure = sentence[low : m.char_start].rstrip()
        if before_figure.endswith("(") and _opens_sentence(sentence, start, m):
            # the figure's own bracket, under a period opening the sentence: 'In 2023/24 the
            # themes ... were communication (47 complaints)' (not 'set up in January 2018 to
            # consider the rise in proceedings (37% rise) ...')
            between = before_figure[:-1] + sentence[m.char_start : high]
        for a, b in restated:  # (a restating quarter's brackets stand aside)
            between = between.replace(f"({sentence[a:b]})", " ")
        if ";" in between or "(" in between or ")" in between:
            continue
        if any(
            k is not m
            and k is not share
            and low <= k.char_start < high
            and not _paired(k, m)
            and not _is_threshold(k)  # 'over 18 weeks' names the figure's measure: no figure
            and not _counts_items(sentence, k)
            for k in kept
        ):
            continue
        if start < m.char_start and _claimed_by_figure_before(sentence, start, end, m, kept):
            continue
        if start < m.char_start and _after_its_from_figure(start, m, kept):
            continue  # 'fell from a peak of 540 in August to 455': August is 540's, not 455's
        if start >= m.char_end and s.rules.clause_break.search(sentence, m.char_end, start):
            continue  # '55 partly upheld, so a greater proportion ... this year': the next clause's
        distance = start - m.char_end if start >= m.char_end else m.char_start - end
        if distance < 0:
            continue
        if (
            distance > s.rules.near_reach
            and s.rules.near_period.match(s.subject[start:end])
            and not _quarter_of_its_clause(sentence, m, start)
        ):
            continue
        # at equal distance the phrase after the figure is its own ('from 342 in March 2023 to
        # 198 in March 2024': 198 is March 2024's), the one before it an earlier figure's
        after = start >= m.char_end
        nearer = best_distance is None or distance < best_distance
        if nearer or (after and distance == best_distance):
            best, best_distance = (start, end), distance
    if best is None:
        return None
    return sentence[best[0] : best[1]].strip()
