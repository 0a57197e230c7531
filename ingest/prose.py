"""Numbers printed in sentences: every number mention of a pack's prose, with its sentence,
line, span, value as read, qualifier ('over 60'), unit cue ('%', 'per 10,000', 'weeks', '£'),
role in a change ('an increase of 15', 'from 40 to 25'), period phrase and the words around it.

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
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from text_to_num import text2num

from ingest.rules import read_rules
from ingest.text import is_blank, is_page_stamp

RULES_FILE = Path(__file__).with_name("prose.yml")
WINDOW_WORDS = 14  # words kept on each side of a number for the seeds to read
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
    _period_span: tuple[int, int] | None = field(default=None, repr=False)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Rules:
    qualifiers: re.Pattern  # one named group per qualifier
    units: list[tuple[re.Pattern, str]]
    multipliers: list[tuple[re.Pattern, float]]
    change_before: list[tuple[re.Pattern, str]]
    change_after: list[tuple[re.Pattern, str]]
    from_before: re.Pattern
    to_before: re.Pattern
    direction_verbs: list[tuple[re.Pattern, str]]
    label_before: re.Pattern
    age_before: re.Pattern
    age_after: re.Pattern
    number_words: re.Pattern
    one_not_a_number: re.Pattern
    fraction: re.Pattern
    fractions: dict[str, int]
    periods: re.Pattern


def _alts(phrases: list[str]) -> str:
    return "|".join(sorted(phrases, key=len, reverse=True))


@cache
def _rules() -> _Rules:
    r = read_rules(RULES_FILE)
    flags = re.IGNORECASE
    words = _alts(r["number_words"])
    return _Rules(
        qualifiers=re.compile(
            r"(?:^|\W)(?:"
            + "|".join(f"(?P<{name}>{_alts(p)})" for name, p in r["qualifiers"].items())
            + r")\s*\(?$",
            flags,
        ),
        units=[(re.compile(u["pattern"], flags), u["cue"]) for u in r["units"]],
        multipliers=[
            (re.compile(m["pattern"], flags), float(m["factor"])) for m in r["multipliers"]
        ],
        change_before=[
            (re.compile(rf"\b(?:{_alts(p)})\s*$", flags), d)
            for d, p in r["changes"]["before"].items()
        ],
        change_after=[
            (re.compile(rf"^\s*\)?(?:{_alts(p)})", flags), d)
            for d, p in r["changes"]["after"].items()
        ],
        from_before=re.compile(rf"\b(?:{_alts(r['from_words'])})\s*$", flags),
        to_before=re.compile(rf"\b(?:{_alts(r['to_words'])})\s*$", flags),
        direction_verbs=[
            (re.compile(rf"\b(?:{_alts(p)})\b", flags), d) for d, p in r["direction_verbs"].items()
        ],
        label_before=re.compile(rf"\b(?:{_alts(r['label_words'])})\s*(?:no\.?\s*)?[(\[]?$", flags),
        age_before=re.compile(rf"\b(?:{_alts(r['age_before'])})\s*$", flags),
        age_after=re.compile(rf"^(?:\s?(?:-|–|to|and)\s?\d+)?(?:{_alts(r['age_after'])})", flags),
        number_words=re.compile(rf"\b(?:{words})(?:(?:\s+|-|\s+and\s+)(?:{words}))*\b", flags),
        one_not_a_number=re.compile(rf"^[\s-]*(?:{_alts(r['one_not_a_number'])})\b", flags),
        fraction=re.compile(
            rf"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine)\s+"
            rf"(?P<d>{_alts(list(r['fractions']))})\b|\b(?P<half>half)\b",
            flags,
        ),
        fractions={k.lower(): int(v) for k, v in r["fractions"].items()},
        periods=re.compile("|".join(f"(?:{p})" for p in r["periods"]), flags),
    )


# --------------------------------------------------------------------------- paragraphs

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BULLET = re.compile(r"^\s*(?:[-–•❖■▪●◦*]\s+)+")
_HAS_NUMBER_HINT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|half|third|quarter)",
    re.IGNORECASE,
)
_CLOSED = re.compile(r"[.!?:;)\]\"”’]\s*$")


def _clean_line(line: str) -> str:
    text = _TAG.sub(" ", line) if "<" in line else line
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("**", "").replace("\xa0", " ")
    text = _BULLET.sub("", text)
    return " ".join(text.split())


@dataclass
class _Paragraph:
    starts: list[int]  # offset of each piece in `text`
    lines: list[int]  # line number of each piece
    text: str

    def line_at(self, offset: int) -> int:
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def _furniture(lines: list[str]) -> set[str]:
    """Running headers: the same untabbed line printed three times or more."""
    counts = Counter(line.strip() for line in lines if len(line) > 15 and "\t" not in line)
    return {text for text, n in counts.items() if n >= RUNNING_HEADER_REPEATS}


def paragraphs(lines: list[str]) -> list[_Paragraph]:
    """Untabbed lines joined into paragraphs (see the module docstring)."""
    furniture = _furniture(lines)
    result: list[_Paragraph] = []
    pieces: list[tuple[int, str]] = []
    gap = False  # a blank line was seen since the last piece

    def close():
        if pieces:
            starts, nums, parts, pos = [], [], [], 0
            for number, text in pieces:
                starts.append(pos)
                nums.append(number)
                parts.append(text)
                pos += len(text) + 1
            result.append(_Paragraph(starts, nums, " ".join(parts)))
            pieces.clear()

    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            close()
            gap = False
            continue
        if is_blank(line):
            gap = True
            continue
        stripped = line.strip()
        if stripped in furniture or is_page_stamp(stripped):
            continue
        text = _clean_line(line)
        if not text:
            continue
        new_item = bool(_BULLET.match(line)) or (
            line[:1] != " " and re.match(r"\d+(\.\d+)*\.?\s", text)
        )
        if pieces and (
            new_item or (gap and (_CLOSED.search(pieces[-1][1]) or not text[0].islower()))
        ):
            close()
        pieces.append((number, text))
        gap = False
    close()
    return result


# --------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[A-Z“\"‘(£0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|no|nos|cllr|clr|mr|mrs|ms|dr|st|approx|vs|inc|fig|para|ref|cf|"
    r"prof|rev|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b[A-Z])\.$",
    re.IGNORECASE,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start() + 1]
        if _ABBREVIATION.search(head):
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
_DOTTED_MORE = re.compile(r"^\.\d")
_SLASHED = re.compile(r"^/\d")
_TIME = re.compile(r"^\s?(?:am|pm|a\.m\.|p\.m\.)\b|^:\d\d", re.IGNORECASE)
_ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_GLUED_LETTERS = re.compile(r"^[A-Za-z]")
_MULTIPLIER_WORD = re.compile(r"^(?:k|m|bn|mn|million|billion|thousand)\b", re.IGNORECASE)
_PHONE = re.compile(r"\(?\b0\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_RANGE = re.compile(
    r"^\s?(?:-|–|—|to|and)\s?(?P<cur>£\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)
_PRONOUN_BEFORE_ONE = re.compile(
    r"\b(?:no|any|every|each|this|that|the|which|only)\s*$", re.IGNORECASE
)
_PARA_NUMBER = re.compile(r"^\d+(?:\.\d+)*[a-z]?[.)]?(?=\s|$)")


def prose_numbers(lines: list[str]) -> list[ProseNumber]:
    """Every number mention in the prose of a pack, in reading order."""
    rules = _rules()
    found: list[ProseNumber] = []
    for para in paragraphs(lines):
        if not _HAS_NUMBER_HINT.search(para.text):
            continue
        for start, end in sentence_spans(para.text):
            sentence = para.text[start:end]
            if not _HAS_NUMBER_HINT.search(sentence):
                continue
            mentions = _read_sentence(sentence, rules)
            if not mentions:
                continue
            first_line, last_line = para.line_at(start), para.line_at(max(start, end - 1))
            base = len(found)
            for m in mentions:
                m.line_number = para.line_at(start + m.char_start)
                m.sentence_first_line, m.sentence_last_line = first_line, last_line
                m.seq = base + m.index_in_sentence
                if m.anchor_index is not None:
                    m.anchor_seq = base + m.anchor_index
            found.extend(mentions)
    return found


def _read_sentence(sentence: str, rules: _Rules) -> list[ProseNumber]:
    periods = _period_spans(sentence, rules)
    phones = [m.span() for m in _PHONE.finditer(sentence)]
    mentions = _digit_mentions(sentence, rules, phones) + _word_mentions(sentence, rules)
    mentions.sort(key=lambda m: m.char_start)
    mentions = _drop_overlaps(mentions)
    for m in mentions:
        if m.skip_reason is None and _inside(m, periods):
            m.skip_reason = "date"
    kept = [m for m in mentions if m.skip_reason is None]
    for i, m in enumerate(mentions):
        m.index_in_sentence = i
    _windows(sentence, kept)
    _changes(sentence, kept, rules)
    for m in kept:
        m.period_text = _nearest_period(sentence, m, periods)
    for m in kept:
        if m.role == "to" or m.comparison_text is not None:
            earlier = next(
                (k for k in kept if k.role == "from" and k.number_text == m.comparison_text), None
            )
            m.comparison_period_text = earlier.period_text if earlier else None
    return mentions


def _period_spans(sentence: str, rules: _Rules) -> list[tuple[int, int]]:
    return [match.span() for match in rules.periods.finditer(sentence)]


def _inside(m: ProseNumber, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.char_start and m.char_end <= e for s, e in spans) or any(
        s <= m.char_start < e and _looks_like_date_part(m) for s, e in spans
    )


def _looks_like_date_part(m: ProseNumber) -> bool:
    return m.unit_cue is None and m.value is not None and float(m.value).is_integer()


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _digit_mentions(sentence: str, rules: _Rules, phones) -> list[ProseNumber]:
    out: list[ProseNumber] = []
    pos = 0
    while True:
        match = _DIGITS.search(sentence, pos)
        if not match:
            break
        start, end = match.start("cur") if match.group("cur") else match.start("num"), match.end()
        raw = match.group("num")
        value = _number(raw)
        rest = sentence[end:]
        before = sentence[max(0, start - TAIL) : start]
        m = ProseNumber(0, 0, 0, sentence, start, end, raw, value)
        if match.group("cur"):
            m.unit_cue = "gbp"
        skip = _identifier_reason(sentence, match, before, rest, rules, phones)
        if skip:
            m.skip_reason = skip
            end = end + _skip_tail(rest)
        else:
            end = _read_unit(sentence, m, end, rules)
            end = _read_range(sentence, m, end, rules)
            m.qualifier = m.qualifier or _qualifier(before, rules)
            if m.unit_cue is None and _is_year(raw):
                m.skip_reason = "year"
            elif rules.age_before.search(before) or rules.age_after.match(sentence[m.char_end :]):
                m.skip_reason = "age"
            elif rules.label_before.search(before) and m.unit_cue not in ("percent", "gbp"):
                m.skip_reason = "label"
        m.char_end = end if m.skip_reason is None else m.char_end
        m.number_text = sentence[m.char_start : m.char_end]
        out.append(m)
        pos = max(end, match.end())
    return out


def _identifier_reason(sentence, match, before, rest, rules, phones) -> str | None:
    raw = match.group("num")
    start = match.start("num")
    if any(s <= start < e for s, e in phones) or (raw.startswith("0") and len(raw) >= 4):
        return "phone"
    if _DOTTED_MORE.match(rest) or (
        start == 0 and _PARA_NUMBER.match(sentence[start:]) and ("." in raw or rest[:1] in ".)")
    ):
        return "paragraph_number"
    if _SLASHED.match(rest) or before.endswith("/"):
        return "date_or_reference"
    if _TIME.match(rest):
        return "time"
    if _ORDINAL.match(rest):
        return "ordinal"
    if _GLUED_LETTERS.match(rest) and not _MULTIPLIER_WORD.match(rest):
        return "reference"
    return None


def _skip_tail(rest: str) -> int:
    """How far an identifier runs on ('5.1.8', '12/01/2024'), so its parts are not re-read."""
    tail = re.match(r"^(?:[./:]\d+)*", rest)
    return tail.end() if tail else 0


def _is_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2099


def _read_unit(sentence: str, m: ProseNumber, end: int, rules: _Rules) -> int:
    rest = sentence[end:]
    for pattern, factor in rules.multipliers:
        hit = pattern.match(rest)
        if hit and (
            m.unit_cue == "gbp" or hit.group().strip().lower() in ("million", "thousand", "billion")
        ):
            m.value = (m.value or 0) * factor
            end += hit.end()
            rest = sentence[end:]
            break
    if m.unit_cue is None:
        for pattern, cue in rules.units:
            hit = pattern.match(rest)
            if hit:
                m.unit_cue = cue
                end += hit.end()
                break
    return end


def _read_range(sentence: str, m: ProseNumber, end: int, rules: _Rules) -> int:
    """'50-60', 'between 40 and 50', '£23m and £29m': value low, value_high high."""
    hit = _RANGE.match(sentence[end:])
    if not hit:
        return end
    before = sentence[max(0, m.char_start - TAIL) : m.char_start].lower()
    joiner = sentence[end : end + hit.start("num")].strip(" £").lower()
    if joiner in ("and", "to") and not re.search(r"\bbetween\s*$", before):
        return end  # '19 were upheld ... and 26' / 'from 40 to 25' are two figures
    high = ProseNumber(0, 0, 0, sentence, 0, 0, hit.group("num"), _number(hit.group("num")))
    high.unit_cue = m.unit_cue
    stop = _read_unit(sentence, high, end + hit.end(), rules)
    if m.unit_cue is None and high.unit_cue is not None:
        m.unit_cue = high.unit_cue
    if _is_year(m.number_text.strip("£ ")) and _is_year(hit.group("num")):
        return end
    m.value_high = high.value
    m.qualifier = "between"
    return stop


def _qualifier(before: str, rules: _Rules) -> str | None:
    hit = rules.qualifiers.search(before[-40:])
    return hit.lastgroup if hit else None


def _word_mentions(sentence: str, rules: _Rules) -> list[ProseNumber]:
    out: list[ProseNumber] = []
    for match in rules.fraction.finditer(sentence):
        if match.group("half"):
            numerator, denominator = 1, 2
        else:
            n = match.group("n").lower()
            numerator = 1 if n in ("a", "an") else text2num(n, "en")
            denominator = rules.fractions[match.group("d").lower()]
            if match.group("d").lower() in ("quarter", "quarters") and re.match(
                r"^\s*\d", sentence[match.end() :]
            ):
                continue  # 'quarter 4' is a period
        m = ProseNumber(0, 0, 0, sentence, match.start(), match.end(), match.group(), None)
        m.value = round(100.0 * numerator / denominator, 2)
        m.number_form, m.unit_cue = "fraction", "percent"
        m.qualifier = _qualifier(sentence[max(0, match.start() - TAIL) : match.start()], rules)
        out.append(m)
    for match in rules.number_words.finditer(sentence):
        text = match.group()
        if text.lower() in ("hundred", "thousand", "million"):
            continue
        following = sentence[match.end() :]
        if text.lower() == "one" and (
            rules.one_not_a_number.match(following)
            or _PRONOUN_BEFORE_ONE.search(sentence[max(0, match.start() - 12) : match.start()])
        ):
            continue
        if rules.fraction.match(sentence, match.start()) and re.match(
            rf"\s+(?:{_alts(list(rules.fractions))})\b", following, re.IGNORECASE
        ):
            continue  # 'two thirds' is a fraction
        try:
            value = float(text2num(text.replace("-", " ").lower(), "en"))
        except ValueError:
            continue
        m = ProseNumber(0, 0, 0, sentence, match.start(), match.end(), text, value)
        m.number_form = "words"
        end = _read_unit(sentence, m, match.end(), rules)
        m.char_end = end
        m.number_text = sentence[m.char_start : end]
        before = sentence[max(0, match.start() - TAIL) : match.start()]
        m.qualifier = _qualifier(before, rules)
        if rules.age_before.search(before) or rules.age_after.match(sentence[end:]):
            m.skip_reason = "age"
        elif rules.label_before.search(before):
            m.skip_reason = "label"
        out.append(m)
    return out


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
        m.after_text = " ".join(sentence[m.char_end : right].split()[:WINDOW_WORDS])
    for part, whole in zip(kept, kept[1:], strict=False):
        if _OF_THE.fullmatch(part.after_text) and whole.qualifier is None:
            part.after_text = whole.after_text
            whole.after_text = _PREDICATE.split(whole.after_text, maxsplit=1)[0].strip()


_OF_THE = re.compile(r"(?:out\s+)?of(?:\s+(?:the|these|those))?", re.IGNORECASE)
_PREDICATE = re.compile(
    r"\b(?:were|was|are|is|have|has|had|being|been|which|that|who|will|would)\b", re.IGNORECASE
)


def _is_threshold(m: ProseNumber) -> bool:
    return m.qualifier in ("over", "under", "at_least") and m.unit_cue in (
        "weeks",
        "days",
        "months",
    )


def _changes(sentence: str, kept: list[ProseNumber], rules: _Rules) -> None:
    """Roles in changes: 'an increase of 15' (change), 'from 40 to 25' (from, to)."""
    open_from: ProseNumber | None = None
    for i, m in enumerate(kept):
        bare_before = _strip_qualifier(sentence[max(0, m.char_start - TAIL) : m.char_start], rules)
        for pattern, direction in rules.change_before:
            if pattern.search(bare_before):
                m.role, m.direction = "change", direction
        if m.role == "level":
            for pattern, direction in rules.change_after:
                if pattern.match(sentence[m.char_end :]):
                    m.role, m.direction = "change", direction
        if (
            m.role == "level"
            and i
            and kept[i - 1].role == "change"
            and re.fullmatch(r"\s*\(\s*", sentence[kept[i - 1].char_end : m.char_start])
        ):
            m.role, m.direction = "change", kept[i - 1].direction  # 'by 9 (6.7%)'
        if m.role == "change":
            m.anchor_index = kept[i - 1].index_in_sentence if i else None
            continue
        if rules.from_before.search(bare_before):
            m.role = "from"
            open_from = m
            continue
        if open_from is not None and rules.to_before.search(bare_before):
            m.role = "to"
            m.anchor_index = open_from.index_in_sentence
            _compare(m, open_from, sentence, rules)
            open_from = None
    # 'currently at 66% up from 62%': a 'from' with no 'to' compares the figure before it
    for i, m in enumerate(kept):
        if m.role == "from" and not any(
            k.role == "to" and k.comparison_text == m.number_text for k in kept
        ):
            earlier = [k for k in kept[:i] if k.role == "level" and k.unit_cue == m.unit_cue]
            if earlier and earlier[-1].comparison_value is None:
                _compare(earlier[-1], m, sentence, rules)


def _strip_qualifier(before: str, rules: _Rules) -> str:
    tail = before.rstrip(" (")
    hit = rules.qualifiers.search(tail)
    return tail[: hit.start() + (1 if hit.group()[:1].isspace() else 0)] if hit else tail


def _compare(later: ProseNumber, earlier: ProseNumber, sentence: str, rules: _Rules) -> None:
    later.comparison_value = earlier.value
    later.comparison_text = earlier.number_text
    if later.unit_cue is None:
        later.unit_cue = earlier.unit_cue
    if earlier.unit_cue is None:
        earlier.unit_cue = later.unit_cue
    clause = sentence[: later.char_start]
    verbs = [
        (hit.start(), d) for pattern, d in rules.direction_verbs for hit in pattern.finditer(clause)
    ]
    later.direction = max(verbs)[1] if verbs else None  # the verb nearest the figure
    if later.direction is None and later.value is not None and earlier.value is not None:
        later.direction = (
            "up" if later.value > earlier.value else "down" if later.value < earlier.value else None
        )


def _nearest_period(sentence: str, m: ProseNumber, spans: list[tuple[int, int]]) -> str | None:
    """The period phrase closest to the number, not across a ';' or another figure's period."""
    best, best_distance = None, None
    for s, e in spans:
        between = sentence[min(e, m.char_start) : max(s, m.char_end)]
        if ";" in between or "(" in between or ")" in between:
            continue
        distance = s - m.char_end if s >= m.char_end else m.char_start - e
        if distance < 0:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = (s, e), distance
    if best is None:
        return None
    m._period_span = best
    return sentence[best[0] : best[1]].strip()
