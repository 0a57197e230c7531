"""Rebuild dbt/seeds/council_register.csv from mySociety's public register of UK local authorities.

    python scripts/build_council_register.py uk_local_authorities.csv lookup_name_to_registry.csv \
        [ons_lad_region.json]

The inputs are ``data/uk_local_authorities.csv`` and ``data/lookup_name_to_registry.csv`` of
github.com/mysociety/uk_local_authority_names_and_codes (CC BY 4.0; facts from the GOV.UK
local-authority-eng register and ONS; the second file lists names seen in use per council).
Only English councils are kept (combined authorities and the GLA are left out). Facts are
carried over as published, with three documented normalisations:

* ``end_date`` is the last day a council existed: the day before its successor's ``start_date``
  (the source mixes '2019-03-31' and '2023-04-01' styles);
* ``start_date`` is kept only for councils created by a reorganisation in the register (the
  source's other start dates are register entry dates, not creation dates);
* a predecessor without a region takes its successor's region (its area lies inside it).

The optional third file is an ONS Local Authority District to Region lookup (LAD -> RGN) as a
JSON object; when given, every district-level code it holds must have the same region here.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "dbt" / "seeds" / "council_register.csv"
TYPES = {
    "CTY": "county",
    "NMD": "district",
    "MD": "metropolitan district",
    "LBO": "london borough",
    "UA": "unitary",
    "CC": "city corporation",
}
COLUMNS = [
    "gss_code",
    "council_name",
    "short_name",
    "council_type",
    "region",
    "county_gss_code",
    "start_date",
    "end_date",
    "successor_gss_codes",
    "former_gss_codes",
    "register_code",
    "alt_names",
    "notes",
]


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _names(lookup: Path) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    with lookup.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if _clean(row["la-name"]):
                names.setdefault(row["local-authority-code"], set()).add(_clean(row["la-name"]))
    return names


def build(source: Path, lookup: Path, ons_regions: Path | None = None) -> list[dict[str, str]]:
    known_names = _names(lookup)
    with source.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["nation"] == "England"]
    rows = [r for r in rows if r["local-authority-type"] in TYPES]
    by_code = {r["local-authority-code"]: r for r in rows}
    successors = {c for r in rows for c in (r["replaced-by"] or "").split(",") if c}
    out = []
    for r in sorted(rows, key=lambda r: r["gss-code"]):
        notes = []
        next_codes = [c for c in (r["replaced-by"] or "").split(",") if c]
        end = ""
        if next_codes:
            starts = {by_code[c]["start-date"] for c in next_codes}
            assert len(starts) == 1, (r["official-name"], starts)
            end = str(dt.date.fromisoformat(starts.pop()) - dt.timedelta(days=1))
        region = r["region"]
        if not region and next_codes:
            region = by_code[next_codes[0]]["region"]
            notes.append("region of its successor (none in the source)")
        start = r["start-date"] if r["local-authority-code"] in successors else ""
        names = known_names.get(r["local-authority-code"], set())
        out.append(
            {
                "gss_code": r["gss-code"],
                "council_name": _clean(r["official-name"]),
                "short_name": _clean(r["nice-name"]),
                "council_type": TYPES[r["local-authority-type"]],
                "region": region,
                "county_gss_code": by_code[r["county-la"]]["gss-code"] if r["county-la"] else "",
                "start_date": start,
                "end_date": end,
                "successor_gss_codes": ";".join(by_code[c]["gss-code"] for c in next_codes),
                "former_gss_codes": ";".join(
                    c for c in (r["former-gss-codes"] or "").split(",") if c
                ),
                "register_code": r["local-authority-code"],
                "alt_names": "|".join(
                    sorted({n.lower(): n for n in sorted(names)}.values(), key=str.lower)
                ),
                "notes": "; ".join(notes),
            }
        )
    if ons_regions:
        _check_regions(out, json.loads(ons_regions.read_text(encoding="utf-8")))
    return out


def _check_regions(rows: list[dict[str, str]], ons: dict[str, dict]) -> None:
    mine = {r["gss_code"]: r["region"] for r in rows}
    wrong = {
        code: (mine[code], v["RGN18NM"])
        for code, v in ons.items()
        if code in mine and mine[code].lower() != v["RGN18NM"].lower()
    }
    missing = sorted(c for c in set(ons) - set(mine) if c.startswith("E"))
    assert not wrong, wrong
    assert not missing, missing


def main(argv: list[str]) -> None:
    rows = build(Path(argv[1]), Path(argv[2]), Path(argv[3]) if len(argv) > 3 else None)
    with SEED.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} councils -> {SEED}")


if __name__ == "__main__":
    main(sys.argv)
