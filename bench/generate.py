"""A deterministic synthetic corpus of packs, made from the bundled samples.

Each synthetic pack is a sample pack with another council's name, another committee name, a
shifted meeting date and its table counts multiplied by a whole factor. Multiplying by a whole
number keeps every total, percentage and fraction consistent where the original was, so the
synthetic packs pass the same gates and yield facts in every domain.

    python -m bench.generate --n 1000 --seed 7 --out bench/corpus/1000
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
from datetime import timedelta
from pathlib import Path

from ingest.dates import LONG_DATE, parse_date
from ingest.metadata import extract_metadata

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "packs"
COUNCIL_SEED = REPO / "dbt" / "seeds" / "council_aliases.csv"
FALLBACK_COUNCILS = ["Middlesbrough Council", "Southampton City Council", "Liverpool City Council"]
COMMITTEES = [
    "CHILDREN AND YOUNG PEOPLE'S SCRUTINY COMMITTEE",
    "ADULT SOCIAL CARE AND HEALTH SCRUTINY COMMITTEE",
    "Corporate Parenting Panel",
    "Health and Wellbeing Board",
]
COUNT = re.compile(r"(?<![\w/.£$,-])(\d{1,4})(?=\s*P?U\b|(?!\s*%)(?![\w/.,]))")
FRACTION = re.compile(r"(?<![\w/.])(\d{1,4})/(\d{1,4})(?![\w/.])")
YEAR = re.compile(r"^(19|20)\d\d$")
MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


def council_names() -> list[str]:
    if not COUNCIL_SEED.exists():
        return FALLBACK_COUNCILS
    with COUNCIL_SEED.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    key = "council_name" if rows and "council_name" in rows[0] else next(iter(rows[0]), None)
    names = sorted({row[key] for row in rows if key and row.get(key)})
    return names or FALLBACK_COUNCILS


def synthesise(text: str, rng: random.Random, councils: list[str]) -> str:
    lines = text.split("\n")
    meta = extract_metadata(lines)
    factor = rng.choice([1, 2, 3])
    new_council = rng.choice(councils)
    if meta.council:
        text = _replace_place(text, meta.council, new_council)
    if meta.committee:
        text = text.replace(meta.committee, rng.choice(COMMITTEES))
    lines = text.split("\n")
    if meta.meeting_date_line:
        lines[meta.meeting_date_line - 1] = _shift_date(lines[meta.meeting_date_line - 1], rng)
    return "\n".join(_scale_table_lines(lines, factor))


def _replace_place(text: str, council: str, new_council: str) -> str:
    place = re.sub(
        r"\s+(Metropolitan Borough|Borough|County|City|District)?\s*Council$", "", council
    )
    new_place = re.sub(
        r"\s+(Metropolitan Borough|Borough|County|City|District)?\s*Council$", "", new_council
    )
    return text.replace(council, new_council).replace(place, new_place)


def _shift_date(line: str, rng: random.Random) -> str:
    parsed = parse_date(line)
    if not parsed:
        return line
    day, printed = parsed
    # forward only, up to two years: the tables keep their periods, which must stay within the
    # sane range of the meeting date that the mart gate checks (up to a year after it)
    new_day = day + timedelta(days=7 * rng.randint(0, 104))
    weekday_fixed = re.sub(
        r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        new_day.strftime("%A"),
        line,
    )
    if LONG_DATE.fullmatch(printed.strip()) or LONG_DATE.search(printed):
        return weekday_fixed.replace(printed, f"{new_day.day} {new_day.strftime('%B %Y')}")
    return weekday_fixed


def _scale_table_lines(lines: list[str], factor: int) -> list[str]:
    if factor == 1:
        return lines
    out = []
    previous_has_tab = False
    for line in lines:
        has_tab = "\t" in line
        if has_tab and previous_has_tab:
            cells = line.split("\t")
            line = "\t".join([cells[0], *(_scale_cell(c, factor) for c in cells[1:])])
        out.append(line)
        previous_has_tab = has_tab
    return out


def _scale_cell(cell: str, factor: int) -> str:
    if "<" in cell or len(cell) > 40 or MONTH.search(cell):
        return cell  # prose, HTML and date cells: leave their numbers alone

    def fraction(match: re.Match) -> str:
        a, b = match.group(1), match.group(2)
        if YEAR.match(a) or YEAR.match(b):
            return match.group(0)
        return f"{int(a) * factor}/{int(b) * factor}"

    def count(match: re.Match) -> str:
        value = match.group(1)
        return value if YEAR.match(value) else str(int(value) * factor)

    return COUNT.sub(count, FRACTION.sub(fraction, cell))


def generate_corpus(out_dir: Path, n: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    samples = sorted(SAMPLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    councils = council_names()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    seen: set[bytes] = set()
    for index in range(n):
        template = index % len(texts)
        path = out_dir / f"synthetic_{seed}_{index:05d}.txt"
        path.write_text(_distinct_pack(texts[template], rng, councils, seen), encoding="utf-8")
        written.append(path)
    return written


def _distinct_pack(text: str, rng: random.Random, councils: list[str], seen: set[bytes]) -> str:
    """A synthetic pack unlike every one written before (a corpus of N distinct packs): draws
    again while the result repeats an earlier pack, which small samples make possible."""
    for _ in range(100):
        pack = synthesise(text, rng, councils)
        digest = hashlib.sha256(pack.encode("utf-8")).digest()
        if digest not in seen:
            seen.add(digest)
            return pack
    raise RuntimeError("cannot draw a distinct synthetic pack: too few variations for this N")


def main() -> None:
    parser = argparse.ArgumentParser(description="Write N synthetic packs.")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or REPO / "bench" / "corpus" / f"{args.seed}-{args.n}"
    paths = generate_corpus(out, args.n, args.seed)
    print(f"wrote {len(paths)} packs to {out}")


if __name__ == "__main__":
    main()
