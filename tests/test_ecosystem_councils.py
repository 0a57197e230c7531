"""The council register (seed council_register): every English council with its GSS code, and
printed council names resolved to it at the meeting date, in the bundled packs and in small
synthetic packs written in other councils' wording."""

from __future__ import annotations

import csv
import re

import duckdb
import pytest

from tests.conftest import REPO, load_and_build, pack_path

REGISTER = REPO / "dbt" / "seeds" / "council_register.csv"


def _register() -> dict[str, dict[str, str]]:
    with REGISTER.open(encoding="utf-8") as handle:
        return {row["gss_code"]: row for row in csv.DictReader(handle)}


# --------------------------------------------------------------------------- the register


def test_register_holds_every_english_council_in_force():
    rows = _register().values()
    current = [r for r in rows if not r["end_date"]]
    counts: dict[str, int] = {}
    for row in current:
        counts[row["council_type"]] = counts.get(row["council_type"], 0) + 1
    assert counts == {
        "county": 21,
        "district": 164,
        "metropolitan district": 36,
        "london borough": 32,
        "unitary": 63,
        "city corporation": 1,
    }
    assert all(re.fullmatch(r"E(06|07|08|09|10)\d{6}", r["gss_code"]) for r in rows)
    assert all(r["region"] for r in rows)
    scilly = _register()["E06000053"]
    assert (scilly["council_name"], scilly["region"]) == (
        "Council of the Isles of Scilly",
        "South West",
    )
    assert _register()["E09000001"]["council_type"] == "city corporation"


def test_predecessors_end_the_day_before_their_successors_start():
    register = _register()
    ended = [r for r in register.values() if r["end_date"]]
    assert len(ended) == 48
    for row in ended:
        successors = row["successor_gss_codes"].split(";")
        assert successors and all(code in register for code in successors), row
        for code in successors:
            start = register[code]["start_date"]
            assert start and start > row["end_date"], (row["gss_code"], code)
    cumbria = register["E10000006"]
    assert (cumbria["end_date"], cumbria["successor_gss_codes"]) == (
        "2023-03-31",
        "E06000063;E06000064",
    )
    northants = [r["gss_code"] for r in ended if r["end_date"] == "2021-03-31"]
    assert len(northants) == 8  # the county and its seven districts
    assert register["E07000154"]["county_gss_code"] == "E10000021"  # Northampton in Northants


# --------------------------------------------------------------------------- the bundled packs


def _pack_id(con, prefix: str) -> str:
    name = pack_path(prefix).name
    return con.execute("select pack_id from marts.dim_pack where file_name = ?", [name]).fetchone()[
        0
    ]


def test_bundled_packs_resolve_to_their_councils(marts_con):
    rows = dict(
        marts_con.execute(
            "select file_name, council_id || ' ' || council_resolution from marts.dim_pack"
        ).fetchall()
    )
    assert rows[pack_path("000").name] == "E06000009 matched"  # 'Blackpool Council', line 5
    assert rows[pack_path("004").name] == "E10000028 matched"  # Staffordshire County Council
    findings = marts_con.execute(
        "select count(*) from marts.dq_findings where check_name like 'council_name_%'"
    ).fetchone()[0]
    assert findings == 0


def test_benchmark_rows_name_other_councils(marts_con):
    # pack 001 lines 130-135: 'Authority / LAC per 10,000 Population (at 31 March 2017)'
    rows = dict(
        marts_con.execute(
            "select f.source_line, c.gss_code || ' ' || c.short_name from marts.fct_placements f "
            "join marts.dim_council c on c.council_id = f.subject_council "
            "where f.pack_id = ? and f.measure = 'cla_rate_per_10000' and f.source_line < 140 "
            "and f.source_kind = 'table'",
            [_pack_id(marts_con, "001")],
        ).fetchall()
    )
    assert rows == {
        130: "E06000009 Blackpool",
        131: "E06000002 Middlesbrough",  # printed 'Middleborough' (reviewed alias)
        132: "E06000045 Southampton",
        133: "E06000021 Stoke-on-Trent",  # printed 'Stoke on Trent'
        134: "E06000010 Kingston upon Hull",
        135: "E08000012 Liverpool",
    }


# --------------------------------------------------------------------------- other councils

FRONT_SHEET = """
Public Document Pack

{council}

To: Councillors A, B and C

The above members are requested to attend the:

CHILDREN'S SCRUTINY COMMITTEE

{weekday}, {date} at 6.00 pm
In the Council Chamber, Town Hall

A G E N D A

1 LOOKED AFTER CHILDREN

Authority\tChildren looked after per 10,000 (31 March)
{rows}

Compiled by the Performance Team
"""


def _pack(council: str, weekday: str, date: str, rows: dict[str, int]) -> str:
    body = "\n".join(f"{label}\t{value}" for label, value in rows.items())
    return FRONT_SHEET.format(council=council, weekday=weekday, date=date, rows=body)


SYNTHETIC = {
    # a London borough styled '<place> Council' (a name form over the register's short name)
    "barnet.txt": _pack("Barnet Council", "Monday", "6 June 2022", {"Barnet": 41, "Enfield": 52}),
    # Somerset before and after the 2023 reorganisation: the bare name means the council of the day
    "somerset_2020.txt": _pack(
        "Somerset County Council", "Tuesday", "3 March 2020", {"Somerset": 48, "Devon": 50}
    ),
    "somerset_2024.txt": _pack(
        "Somerset Council", "Tuesday", "5 March 2024", {"Somerset": 55, "Harrogate": 60}
    ),
    # a county's table by district: localities of the county, not other councils
    "kent.txt": _pack(
        "Kent County Council", "Thursday", "14 July 2022", {"Maidstone": 39, "Medway": 61}
    ),
    # a name no English council bears: a finding, never a silent guess
    "atlantis.txt": _pack("Atlantis District Council", "Friday", "1 April 2022", {"Atlantis": 7}),
}


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("councils")
    packs = tmp / "packs"
    packs.mkdir()
    for name, text in SYNTHETIC.items():
        (packs / name).write_text(text, encoding="utf-8")
    selection = ["--select", "+dim_pack", "+int_dq_unknown_council", "+int_facts"]
    db, _ = load_and_build(
        packs, tmp, *selection, "--resource-type", "seed", "--resource-type", "model"
    )
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def _councils(con) -> dict[str, tuple[str, str]]:
    return {
        name: (council_id, resolution)
        for name, council_id, resolution in con.execute(
            "select p.file_name, pc.council_id, pc.resolution "
            "from intermediate.int_pack_councils pc join staging.stg_packs p using (pack_id)"
        ).fetchall()
    }


def _subjects(con, file_name: str) -> dict[str, str]:
    return dict(
        con.execute(
            "select f.row_label, f.subject_council_gss from intermediate.int_facts f "
            "join staging.stg_packs p using (pack_id) "
            "where p.file_name = ? and f.row_label is not null",
            [file_name],
        ).fetchall()
    )


def test_other_councils_resolve_from_their_wording(synthetic_db):
    councils = _councils(synthetic_db)
    assert councils["barnet.txt"] == ("E09000003", "matched")
    assert councils["somerset_2020.txt"] == ("E10000027", "matched")
    assert councils["somerset_2024.txt"] == ("E06000066", "matched")
    assert councils["kent.txt"] == ("E10000016", "matched")
    assert _subjects(synthetic_db, "barnet.txt") == {"Barnet": "E09000003", "Enfield": "E09000010"}


def test_a_bare_name_means_the_council_of_the_meeting_date(synthetic_db):
    assert _subjects(synthetic_db, "somerset_2020.txt") == {
        "Somerset": "E10000027",  # the county council, until 31 March 2023
        "Devon": "E10000008",
    }
    assert _subjects(synthetic_db, "somerset_2024.txt") == {
        "Somerset": "E06000066",  # Somerset Council, from 1 April 2023
        "Harrogate": "E07000165",  # abolished in 2023, but no other council bore the name
    }


def test_districts_in_a_county_pack_are_its_localities(synthetic_db):
    # Maidstone is a district inside Kent: the figure is Kent's; Medway is a unitary of its own
    assert _subjects(synthetic_db, "kent.txt") == {"Maidstone": "E10000016", "Medway": "E06000035"}


def test_an_unknown_council_is_a_finding(synthetic_db):
    assert _councils(synthetic_db)["atlantis.txt"] == ("unknown", "unknown_name")
    rows = synthetic_db.execute(
        "select p.file_name, f.check_name, f.source_lines, f.detail "
        "from intermediate.int_dq_unknown_council f join staging.stg_packs p using (pack_id)"
    ).fetchall()
    assert len(rows) == 1
    name, check, lines, detail = rows[0]
    assert (name, check) == ("atlantis.txt", "council_name_unknown")
    assert "Atlantis District Council" in detail
    text = SYNTHETIC["atlantis.txt"].split("\n")
    assert text[int(lines) - 1] == "Atlantis District Council"
