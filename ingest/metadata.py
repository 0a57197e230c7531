"""Meeting metadata of a pack, read from its text only: council, committee, date, time, venue.

Each field keeps the line it was read from; a field that cannot be found is None with a
reason in `missing_reasons`, never a guess. The council is either printed on a front sheet
(`Blackpool Council` on a line of its own) or inferred from how often the text names it, in
which case the method and a confidence are recorded.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ingest.boundaries import BOUNDARIES_FILE, load_boundaries
from ingest.dates import parse_date, parse_time, starts_with_weekday_date
from ingest.keyvalue import split_key_value
from ingest.rules import read_rules
from ingest.text import clean_text, is_blank

FRONT_SHEET_LINES = 40
COMMITTEE_WORDS = re.compile(
    r"\b(committee|cabinet|council|board|panel|forum|executive|sub-committee|commission)\b",
    re.IGNORECASE,
)
VENUE_WORDS = re.compile(
    r"\b(room|hall|chamber|buildings?|centre|center|house|offices?|library|online|virtual)\b",
    re.IGNORECASE,
)
COUNCIL_TYPES = r"(?:Metropolitan Borough |Borough |County |City |District |Royal Borough )?"
# Small words inside English council names: Blackburn with Darwen, Kingston upon Hull, Brighton
# and Hove, Isle of Wight (hyphenated ones such as Stockton-on-Tees are one word). In running
# text "of" and "in" are left out: "Leader of Blackpool Council", "Children in Care Council".
PLACE_JOINERS = r"(?:upon|on|and|with|&)"
SMALL_NAME_WORDS = {"upon", "on", "and", "with", "of", "the", "in"}
"""Words a council name in capitals keeps in lower case when it is written as a name."""
PRINTED_COUNCIL = re.compile(
    rf"^(?:The )?(?P<name>(?:[A-Z][A-Za-z'’\-]+ |{PLACE_JOINERS} |of )*?[A-Z][A-Za-z'’\-]+ "
    rf"{COUNCIL_TYPES}Council)$"
)
PLACE_WORD = r"[A-Z][a-z'’]+(?:-[A-Za-z'’]+)*"
COUNCIL_PREFIX = r"(?:(?:City|Royal Borough|London Borough|Borough|County) of )?"
PLACE = rf"{PLACE_WORD}(?: (?:{PLACE_JOINERS} )?{PLACE_WORD}){{0,3}}"
COUNCIL_MENTION = re.compile(
    rf"\b(?P<name>{COUNCIL_PREFIX}(?P<place>{PLACE}) {COUNCIL_TYPES}Council)\b"
)
NAME_FORMS_SEED = Path(__file__).resolve().parents[1] / "dbt" / "seeds" / "council_name_forms.csv"


@cache
def _printed_council_without_council() -> re.Pattern:
    """A council printed by a form of its name that has no 'Council' in it, on a front-sheet
    line of its own (`Royal Borough of Greenwich`, `London Borough of Hackney`): the forms of
    seed council_name_forms that open with words before `of {name}`, read here so that ingest
    and dbt know the same forms."""
    with NAME_FORMS_SEED.open(encoding="utf-8", newline="") as handle:
        forms = [row["form"] for row in csv.DictReader(handle)]
    prefixes = sorted(
        (f[: -len(" of {name}")] for f in forms if f.endswith(" of {name}") and "council" not in f),
        key=len,
        reverse=True,
    )
    words = "|".join(" ".join(w.capitalize() for w in p.split()) for p in prefixes)
    return re.compile(rf"^(?:The )?(?P<name>(?:{words}) of {PLACE})$")


GOV_UK_DOMAIN = re.compile(r"@(?P<place>[a-z][a-z\-]+)\.gov\.uk", re.IGNORECASE)


@cache
def not_places() -> frozenset[str]:
    """First words of a `... Council` mention that name no place (`The Council`, `In Care
    Council`, `All Council`): boundaries.yml not_council_places, reviewed data."""
    return frozenset(read_rules(BOUNDARIES_FILE)["not_council_places"])


@cache
def email_domain_endings() -> tuple[str, ...]:
    """Endings of a gov.uk domain after its place's name (`cc` of `surreycc`), longest first:
    boundaries.yml email_domain_endings, reviewed data."""
    endings = read_rules(BOUNDARIES_FILE)["email_domain_endings"]
    return tuple(sorted(endings, key=len, reverse=True))


@cache
def meeting_keys(field_name: str) -> tuple[str, ...]:
    """The keys a meeting's field is printed under (`date`: `Date of meeting`, `Meeting date`;
    `venue`: `Venue`, `Place`): boundaries.yml meeting_field_keys, reviewed data."""
    return tuple(read_rules(BOUNDARIES_FILE)["meeting_field_keys"][field_name])


@dataclass
class MeetingMetadata:
    council: str | None = None
    council_line: int | None = None
    council_method: str | None = None
    council_confidence: float | None = None
    committee: str | None = None
    committee_line: int | None = None
    meeting_date: date | None = None
    meeting_date_line: int | None = None
    meeting_time: str | None = None
    venue: str | None = None
    venue_line: int | None = None
    missing_reasons: dict[str, str] = field(default_factory=dict)


def extract_metadata(lines: list[str]) -> MeetingMetadata:
    meta = MeetingMetadata()
    _read_meeting_notice(lines, meta)
    _read_front_sheet(lines, meta)
    _read_key_value_headers(lines, meta)
    _read_minutes_title(lines, meta)
    _read_council(lines, meta)
    _record_missing(meta)
    return meta


def _read_front_sheet(lines: list[str], meta: MeetingMetadata) -> None:
    """A front sheet prints the meeting as `Thursday, 17 September 2015 at 6.00 pm` (or as a
    field, `Date: Monday, 11th March, 2024`, after `Meeting held on` or after its time,
    `2.00 pm on Tuesday, 11th November, 2025`), with the committee on a
    line above (not a title such as `Record of Executive Decisions`) and the time and venue just
    below."""
    if meta.meeting_date is not None:
        return  # announced in a sentence (_read_meeting_notice)
    rules = load_boundaries()
    for index in range(min(FRONT_SHEET_LINES, len(lines))):
        if "\t" in lines[index] and (
            _read_meeting_row(lines[index], index, meta)
            or _read_headed_meeting_row(lines, index, meta)
        ):
            _read_committee_above(lines, index, meta)
            return
        line = _printed_field_value(lines[index], meeting_keys("date"))
        text = rules.time_before_date.sub("", rules.minutes_held.sub("", line, count=1), count=1)
        if not starts_with_weekday_date(text):
            continue
        meta.meeting_date, _ = parse_date(text)
        meta.meeting_date_line = index + 1
        meta.meeting_time = parse_time(line)
        _read_venue_after_date(text, index, meta)
        _read_time_and_venue_below(lines, index, meta)
        _read_venue_above(lines, index, meta)
        _read_committee_above(lines, index, meta)
        return
    _read_meeting_date_field(lines, meta)


def _read_meeting_date_field(lines: list[str], meta: MeetingMetadata) -> None:
    """`Date:<TAB>3 February 2026` over `Time:<TAB>7.00 pm` and `Place:<TAB>Committee Room 5`:
    a front sheet's date printed without its weekday, read only where a time or venue field
    follows it (a letter's own `Date: 13 January 2026` above `Email:` is no meeting date), and
    only when no line of the front sheet prints the meeting with its weekday."""
    for index in range(min(FRONT_SHEET_LINES, len(lines))):
        pair = split_key_value(lines[index])
        if not pair or pair[0] not in meeting_keys("date") or not parse_date(pair[1]):
            continue
        below = [split_key_value(lines[other]) for other, _ in _fields_after(lines, index, 2)]
        keys = meeting_keys("time") + meeting_keys("venue")
        if not any(field and field[0] in keys for field in below):
            continue
        meta.meeting_date, _ = parse_date(pair[1])
        meta.meeting_date_line = index + 1
        meta.meeting_time = parse_time(pair[1])
        _read_time_and_venue_below(lines, index, meta)
        _read_committee_above(lines, index, meta)
        return


def _read_meeting_row(line: str, index: int, meta: MeetingMetadata) -> bool:
    """`10:30<TAB>Thursday, 12 March 2026<TAB>Council Chamber, County Hall, Chelmsford`: the
    meeting's time, date and venue printed as the cells of one row."""
    cells = [clean_text(cell) for cell in line.split("\t") if cell.strip()]
    dated = [cell for cell in cells if starts_with_weekday_date(cell) and parse_date(cell)]
    if len(cells) < 2 or len(dated) != 1:
        return False
    others = [cell for cell in cells if cell is not dated[0]]
    times = [parse_time(cell) for cell in others if len(cell) < 30 and parse_time(cell)]
    venues = [cell for cell in others if VENUE_WORDS.search(cell)]
    if len(times) + len(venues) != len(others):
        return False  # a key's cell (`Date:<TAB>...`) or other words: not such a row
    meta.meeting_date, _ = parse_date(dated[0])
    meta.meeting_date_line = index + 1
    meta.meeting_time = parse_time(dated[0]) or (times[0] if times else None)
    if venues:
        meta.venue, meta.venue_line = venues[0], index + 1
    return True


def _read_headed_meeting_row(lines: list[str], index: int, meta: MeetingMetadata) -> bool:
    """`Date & time<TAB>Place<TAB>Contact` over `Wednesday, 21 January 2026 at 10.00 am<TAB>Council
    Chamber, ...<TAB>Richard Plummer, ...`: the date, time and venue under their headings (keys
    of boundaries.yml meeting_field_keys), whatever the other cells hold."""
    above = _non_blank_before(lines, index, 1)
    if not above or "\t" not in lines[above[0]]:
        return False
    heads = [clean_text(c).rstrip(":").strip().lower() for c in lines[above[0]].split("\t")]
    cells = [clean_text(c) for c in lines[index].split("\t")]
    if len(heads) != len(cells):
        return False
    fields = dict(zip(heads, cells, strict=True))
    dated = [v for k, v in fields.items() if k in meeting_keys("date") and parse_date(v)]
    if len(dated) != 1 or not starts_with_weekday_date(dated[0]):
        return False
    meta.meeting_date, _ = parse_date(dated[0])
    meta.meeting_date_line = index + 1
    times = [parse_time(v) for k, v in fields.items() if k in meeting_keys("time")]
    meta.meeting_time = parse_time(dated[0]) or next((t for t in times if t), None)
    venues = [v for k, v in fields.items() if k in meeting_keys("venue") and v]
    if venues:
        meta.venue, meta.venue_line = venues[0], index + 1
    return True


def _printed_field_value(line: str, keys: tuple[str, ...]) -> str:
    """The value of a field of `keys` printed with its key in a cell of its own (`Date &
    time<TAB>Wednesday, 4 March 2026 at 10.00 am`, `Place<TAB>Council Chamber, ...`: no colon)
    or after a colon; any other line, cleaned, as it is."""
    pair = split_key_value(line) if "\t" in line else None
    if pair and pair[0] in keys:
        return pair[1]
    return _field_value(clean_text(line), keys)


def _field_value(text: str, keys: tuple[str, ...]) -> str:
    """The value of a `Key: value` line whose key is one of `keys`; any other line as it is."""
    pair = split_key_value(text)
    return pair[1] if pair and pair[0] in keys else text


_VENUE_AFTER_TIME = re.compile(
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\s+in\s+(?P<venue>.+)$", re.IGNORECASE
)


def _read_venue_after_date(text: str, index: int, meta: MeetingMetadata) -> None:
    """`Thursday, 14th March, 2024, 7.00 pm - George Meehan House, 294 High Road (watch ...)`:
    the venue printed after a dash on the date's own line, without a closing aside; or after its
    time (`Tuesday 3 March 2026 at 2.00 pm in the Brierley Room, County Hall, ...`)."""
    # (the venue after its time first: `... at 10.30 am in Committee Room 'C' - The Duke of
    # Lancaster Room, County Hall` keeps its dash)
    _, dash, after = text.partition(" - ")
    if match := _VENUE_AFTER_TIME.search(text):
        after = match.group("venue")
    venue = re.sub(r"^the\s+|\s*\([^)]*\)\s*$", "", after).strip()
    if venue and VENUE_WORDS.search(venue):
        meta.venue, meta.venue_line = venue, index + 1


_TIME_THEN_VENUE = re.compile(
    r"^(?P<time>\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))\s+(?P<venue>\S.*)$", re.IGNORECASE
)


def _read_time_and_venue_below(lines: list[str], index: int, meta: MeetingMetadata) -> None:
    for below, continued in _fields_after(lines, index, 3):
        text = _printed_field_value(lines[below], meeting_keys("time") + meeting_keys("venue"))
        both = _TIME_THEN_VENUE.match(text)
        if both and meta.meeting_time is None and VENUE_WORDS.search(both["venue"]):
            meta.meeting_time = parse_time(both["time"])  # `10.00 AM COUNCIL CHAMBER, ...`
            text = both["venue"]
        if meta.meeting_time is None and parse_time(text) and len(text) < 30:
            meta.meeting_time = parse_time(text)
            continue
        if meta.venue is None and (text.lower().startswith("in ") or VENUE_WORDS.search(text)):
            meta.venue = ", ".join([re.sub(r"^in\s+", "", text, flags=re.IGNORECASE), *continued])
            meta.venue_line = below + 1
            if meta.meeting_time is not None:
                return  # else the time may follow the venue (`Venue: ...` / `Time: 2:00 pm`)


def _read_venue_above(lines: list[str], index: int, meta: MeetingMetadata) -> None:
    """`Meeting to be held in Civic Hall, Leeds, LS1 1UR on` over the date (boundaries.yml
    venue_above_date)."""
    pattern = load_boundaries().venue_above_date
    for above in _non_blank_before(lines, index, 2):
        venue = pattern.match(clean_text(lines[above]))
        if venue and meta.venue is None:
            meta.venue, meta.venue_line = venue["venue"].strip(), above + 1
            return


def _read_committee_above(lines: list[str], index: int, meta: MeetingMetadata) -> None:
    rules = load_boundaries()
    for above in _non_blank_before(lines, index, 3):
        text = clean_text(lines[above])
        named = rules.committee_line_prefix.sub("", text, count=1)
        if named != text and COMMITTEE_WORDS.search(named):
            meta.committee, meta.committee_line = named, above + 1
            return  # 'Notice of a Meeting of the People Overview & Scrutiny Committee'
        if rules.summons_sentence.search(text):
            continue  # 'All Members of the ... Commission are requested to attend the meeting ...'
        if rules.venue_above_date.match(text) or rules.document_title_lines.search(text):
            continue  # `Meeting to be held in ... on`, `Record of Decisions`: not the committee
        if text.endswith((":", ".")):
            continue  # `All Members of the ... Commission are requested to attend ...:`
        if VENUE_WORDS.search(text) and "," in text:
            _read_venue_under_its_key(lines, above, text, meta)
            continue  # `Sparkenhoe Committee Room, County Hall, ...`: a place, not the committee
        if "\t" in lines[above] and _field_value(text, meeting_keys("committee")) == text:
            continue  # a row of headings over the date's cells (`Date & time<TAB>Place<TAB>...`)
        if COMMITTEE_WORDS.search(text) and not text.lower().endswith(" council"):
            meta.committee = _field_value(text, meeting_keys("committee"))
            meta.committee_line = above + 1
            return


def _read_venue_under_its_key(lines: list[str], index: int, text: str, meta: MeetingMetadata):
    """`Meeting Venue:` alone over `Sparkenhoe Committee Room, County Hall, ...`: the venue."""
    key = next((clean_text(lines[i]) for i in _non_blank_before(lines, index, 1)), "")
    if (
        meta.venue is None
        and key.endswith(":")
        and key[:-1].strip().lower() in meeting_keys("venue")
    ):
        meta.venue, meta.venue_line = text, index + 1


def _read_meeting_notice(lines: list[str], meta: MeetingMetadata) -> None:
    """`A meeting of the Children's Scrutiny Committee is to be held on Monday, 10 June 2024 at
    10.30 am in the Daw Room, County Hall`: committee, date, time and venue in one sentence
    (boundaries.yml meeting_notice), read before any date line further down."""
    found = _announced_meeting(lines, load_boundaries().meeting_notice, "when")
    if found is None:
        return
    index, match, when = found
    meta.meeting_date, meta.meeting_date_line = when, index + 1
    meta.meeting_time = parse_time(match["when"])
    meta.committee, meta.committee_line = match["committee"].strip(), index + 1
    _, _, place = match["when"].partition(" in ")
    if VENUE_WORDS.search(place):
        meta.venue, meta.venue_line = place.strip().rstrip("."), index + 1


def _read_minutes_title(lines: list[str], meta: MeetingMetadata) -> None:
    """A pack that opens with its minutes (no front sheet): `MINUTES OF THE MEETING OF THE
    CABINET HELD ON 14 NOVEMBER 2023` gives the committee and the date, where nothing above
    gave them."""
    if meta.committee is not None and meta.meeting_date is not None:
        return
    found = _announced_meeting(lines, load_boundaries().minutes_meeting_title, "date")
    if found is None:
        return
    index, match, when = found
    if meta.meeting_date is None:
        meta.meeting_date, meta.meeting_date_line = when, index + 1
    if meta.committee is None:
        meta.committee, meta.committee_line = match["committee"].strip(), index + 1


def _announced_meeting(
    lines: list[str], pattern: re.Pattern, date_group: str
) -> tuple[int, re.Match, date] | None:
    """The first front-sheet line `pattern` reads as a committee's meeting with a date: its
    index, the match (group `committee`) and the date read from group `date_group`."""
    for index in range(min(FRONT_SHEET_LINES, len(lines))):
        match = pattern.match(clean_text(lines[index]))
        if not match or not COMMITTEE_WORDS.search(match["committee"]):
            continue
        when = parse_date(match[date_group])
        if when is not None:
            return index, match, when[0]
    return None


def _read_key_value_headers(lines: list[str], meta: MeetingMetadata) -> None:
    """`Report to:` / `Date of Meeting` blocks and bulleted `- Meeting: X` headers."""
    for index, line in enumerate(lines):
        pair = split_key_value(line)
        if not pair:
            continue
        key, value = pair
        if (
            meta.committee is None
            and key in meeting_keys("committee")
            and COMMITTEE_WORDS.search(value)
        ):
            meta.committee = value.strip("* ").rstrip(".")
            meta.committee_line = index + 1
        if meta.meeting_date is None and key in meeting_keys("date") and parse_date(value):
            meta.meeting_date, _ = parse_date(value)
            meta.meeting_date_line = index + 1
            meta.meeting_time = meta.meeting_time or parse_time(value)
        if meta.council is None and key in meeting_keys("council") and value.endswith("Council"):
            _set_council(meta, value, index + 1, "printed", 1.0)
        if meta.venue is None and key in meeting_keys("venue"):
            meta.venue, meta.venue_line = value, index + 1
        if meta.committee and meta.meeting_date and index > FRONT_SHEET_LINES:
            return


def _read_council(lines: list[str], meta: MeetingMetadata) -> None:
    if meta.council is not None:
        return
    for index in range(min(FRONT_SHEET_LINES, len(lines))):
        if _cells_with_text(lines[index]) > 1:
            continue  # a table's row (`Decision<TAB>Adult Social Care<TAB>All Council`)
        text = _title_case_capitals(clean_text(lines[index]))
        text = _with_council_line_below(text, lines, index)
        match = PRINTED_COUNCIL.match(text)
        if match and match.group("name").split()[0] in not_places():
            match = None
        match = match or _printed_council_without_council().match(text)
        if match:
            _set_council(meta, match.group("name"), index + 1, "printed", 1.0)
            return
    _infer_council(lines, meta)


def _with_council_line_below(text: str, lines: list[str], index: int) -> str:
    """A letterhead printing its place and its kind of council on two lines (`Lincolnshire` over
    `COUNTY COUNCIL`) as the one name (`Lincolnshire County Council`); other lines unchanged."""
    if index + 1 >= len(lines) or not re.fullmatch(PLACE, text):
        return text
    below = _title_case_capitals(clean_text(lines[index + 1]))
    # (its kind named, COUNCIL_TYPES not optional: a line `Council` alone is the name of a
    # meeting, `Full Council`)
    if re.fullmatch(rf"{COUNCIL_TYPES.removesuffix('?')}Council", below):
        return f"{text} {below}"
    return text


def _cells_with_text(line: str) -> int:
    return sum(1 for cell in line.split("\t") if cell.strip()) if "\t" in line else 1


def _title_case_capitals(text: str) -> str:
    """A line printed in capitals (`DARLINGTON BOROUGH COUNCIL`) as a name is written
    (`Darlington Borough Council`, `Kingston upon Hull City Council`); other lines unchanged."""
    if not text.isupper():
        return text
    return " ".join(
        word.lower() if word.lower() in SMALL_NAME_WORDS else word.capitalize()
        for word in text.split()
    )


def _infer_council(lines: list[str], meta: MeetingMetadata) -> None:
    """The council most often named in the text (in tables' cells only when the text names
    none), backed by the e-mail domains printed: a name whose place is an officer's gov.uk
    domain wins over one named more often that is not (the 'In Care Council' of a corporate
    parenting board, 'Norfolk County Council' of committees@norfolk.gov.uk)."""
    mentions: Counter[str] = Counter()
    in_tables: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    domains: Counter[str] = Counter()
    for number, line in enumerate(lines, start=1):
        if "Council" in line:  # COUNCIL_MENTION is case-sensitive: skip lines that cannot match
            counted = in_tables if "\t" in line else mentions
            for match in COUNCIL_MENTION.finditer(line):
                name = match.group("name")
                if match.group("place").split()[0] in not_places():
                    continue
                counted[name] += 1
                first_line.setdefault(name, number)
        elif name := _form_without_council(line):  # `LONDON BOROUGH OF CAMDEN<TAB>WARDS: All`
            # (a table's row of figures naming a district, `City of Lincoln<TAB>147<TAB>151`,
            # is a cell's mention)
            (in_tables if _is_row_of_figures(line) else mentions)[name] += 1
            first_line.setdefault(name, number)
        if "@" in line:
            for match in GOV_UK_DOMAIN.finditer(line):
                domains[match.group("place").lower()] += 1
    # a council named in a table's cell is a row's or column's (a comparator, `All Council`):
    # the text's own mentions first
    only_in_tables = not mentions
    mentions = mentions or in_tables
    backed = {name: _place_of(name).split()[0].lower() in domains for name in mentions}
    # (and a council only a table's cell names, and no officer's domain, is a row's: `City of
    # Lincoln` among districts of a pack whose officers write from lincolnshire.gov.uk)
    if not mentions or (only_in_tables and domains and not any(backed.values())):
        _infer_council_from_domain(domains, lines, meta)
        return
    name = max(mentions, key=lambda n: (backed[n], mentions[n], -first_line[n]))
    count = mentions[name]
    share = count / sum(mentions.values())
    backed_by_domain = backed[name]
    confidence = min(0.95, 0.4 + 0.4 * share + (0.15 if backed_by_domain else 0) + 0.02 * count)
    _set_council(meta, name, first_line[name], "inferred_from_text", round(confidence, 2))


def _is_row_of_figures(line: str) -> bool:
    """A tab-separated line whose cells after the first are all figures (or blank, or dashes)."""
    cells = [cell.strip() for cell in line.split("\t")[1:]]
    return any(cells) and all(re.fullmatch(r"[-–0-9.,%*()<>]*", cell) for cell in cells)


def _form_without_council(line: str) -> str | None:
    """The council a line (or its first cell) names by a form of its name without 'Council'
    (`THE LONDON BOROUGH OF CAMDEN`, a report's heading past the front sheet), else None."""
    if "of " not in line.lower():
        return None
    first_cell = re.sub(r"(?i)^the\s+", "", clean_text(line.split("\t", 1)[0]))
    match = _printed_council_without_council().match(_title_case_capitals(first_cell))
    return match.group("name") if match else None


def _place_of(name: str) -> str:
    """A council's name less a leading `City of` / `London Borough of` (`City of Bradford
    Metropolitan District Council` -> `Bradford Metropolitan District Council`)."""
    return re.sub(rf"^{COUNCIL_PREFIX}", "", name)


def _infer_council_from_domain(
    domains: Counter[str], lines: list[str], meta: MeetingMetadata
) -> None:
    """A pack that never names its council (`the Council`) still prints its officers' e-mail
    addresses: the place of the gov.uk domain most of them share (`@haringey.gov.uk`), or of the
    one gov.uk address it prints (`gary.sherwood@devon.gov.uk`), names it. Recorded as
    inferred, never when two domains are as common; the name is resolved against the council
    register in dbt like any other (a domain that is no council's name stays unresolved)."""
    ranked = domains.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return
    place, count = ranked[0]
    first = next(n for n, line in enumerate(lines, start=1) if f"@{place}.gov.uk" in line.lower())
    name = " ".join(word.capitalize() for word in _place_of_domain(place, lines).split("-"))
    _set_council(
        meta, name, first, "inferred_from_email_domain", round(min(0.8, 0.5 + 0.05 * count), 2)
    )


def _place_of_domain(domain: str, lines: list[str]) -> str:
    """The place a gov.uk domain names: less an ending of boundaries.yml email_domain_endings
    (`surreycc` -> `surrey`) when the pack prints the rest as a word, else the domain."""
    for ending in email_domain_endings():
        place = domain.removesuffix(ending)
        if place != domain and len(place) > 2:
            word = re.compile(rf"\b{re.escape(place)}\b", re.IGNORECASE)
            if any(word.search(line) for line in lines):
                return place
    return domain


def _set_council(meta: MeetingMetadata, name: str, line: int, method: str, confidence: float):
    meta.council = name.replace("’", "'")
    meta.council_line = line
    meta.council_method = method
    meta.council_confidence = confidence


def _record_missing(meta: MeetingMetadata) -> None:
    reasons = {
        "council": "no council printed on a front sheet or in a `Council:` field, and none "
        "named in the text",
        "committee": "no committee line above a front-sheet date and no `Report to:` or "
        "`Meeting:` field",
        "meeting_date": "no weekday date on a front sheet and no `Date of Meeting` or `Date:` "
        "field with a parseable date",
        "meeting_time": "no time printed with the meeting date",
        "venue": "no venue line below the meeting date and no `Venue:` field",
    }
    for name, reason in reasons.items():
        if getattr(meta, name) is None:
            meta.missing_reasons[name] = reason


def _fields_after(lines: list[str], index: int, count: int) -> list[tuple[int, list[str]]]:
    """The next `count` non-blank lines after `index`, each with the lines that go on with its
    value right under it in a second cell (`Venue:<TAB>Elisabeth Room` over `<TAB>Endeavour
    House` and `<TAB>8 Russell Road`): one field of an address, so the `Time:` below it is still
    near the date."""
    fields: list[tuple[int, list[str]]] = []
    for other in range(index + 1, min(len(lines), index + 12)):
        line = lines[other]
        if is_blank(line):
            continue
        if fields and line.startswith("\t") and not is_blank(lines[other - 1]):
            fields[-1][1].append(clean_text(line.strip()))
            continue
        if len(fields) == count:
            break
        fields.append((other, []))
    return fields


def _non_blank_after(lines: list[str], index: int, count: int) -> list[int]:
    found = []
    for other in range(index + 1, min(len(lines), index + 8)):
        if not is_blank(lines[other]):
            found.append(other)
        if len(found) == count:
            break
    return found


def _non_blank_before(lines: list[str], index: int, count: int) -> list[int]:
    found = []
    for other in range(index - 1, max(-1, index - 8), -1):
        if not is_blank(lines[other]):
            found.append(other)
        if len(found) == count:
            break
    return found
