"""Reprints of a figure through incremental builds: cross-pack findings, the Parquet export and
the published file stay what a whole build would give (issue 11), on real builds.

Pack 001 prints 'Stoke on Trent<TAB>117' (children looked after per 10,000, line 133). Starting
from the session's published warehouse of the bundled packs, one folder goes through five
builds:

1. **added**: a re-issue of pack 001 (same meeting) printing 118 is added. Its pack id sorts
   before 001's, so the finding is a row of pack 001, which did not change, against the new pack
   (a finding comparing two packs of one meeting is reported on the larger pack id);
2. **replaced**: that file is replaced by another re-issue printing 119: the finding against the
   old version goes, the one against the new version comes, still on pack 001;
3. **deleted**: the file is deleted: the finding goes with it, and the findings are those the
   warehouse had before;
4. **chained**: two reprints at later meetings print 118 (4 May) and 119 (1 June): compared
   along the meetings that is two findings, each change once on the later pack naming the
   printing before it (pair by pair it would be three, and n²/2 for n printings);
5. **unchained**: the May reprint is deleted: the June one is compared with April's.

After each build: the published findings are those of the working DB; the Parquet partitions of
the fact tables holding no row of the changed pack are the previous export's files (linked, not
written), those it is in were written again, and the export holds the published rows; the
published file equals a whole publish of the same working DB. The findings of packs no build
touched are never rewritten in the working DB (same row ids). After the last build, a full
refresh of the same folder gives every published relation row for row: the history of adds, a
replace and deletes left nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project.testing import (
    copy_of_shared_build,
    copy_warehouse,
    read_summary,
    run_build,
)
from warehouse import settings
from warehouse.compare import compare_warehouses
from warehouse.parquet_export import parquet_dir
from warehouse.publish import publish

PACK_001 = "001_b6da0de6cc3fbefc.txt"
REISSUE = "001_reissued.txt"
LINE = 133  # 'Stoke on Trent<TAB>117' in pack 001: LAC per 10,000 population
DATE_LINE = 3  # 'Date of Meeting<TAB>27 April 2017'
REPRINTS = {
    "009_reprint_may.txt": ("4 May 2017", 118),
    "010_reprint_june.txt": ("1 June 2017", 119),
}
CONFLICT = "same_figure_differs_between_packs"
FACT_TABLES = ("fct_complaints", "fct_decisions", "fct_placements", "fct_waiting_times")
STEPS = ["added", "replaced", "deleted", "chained", "unchained"]
WHOLE_PUBLISH_STEPS = ["added", "replaced", "deleted", "unchained"]  # seconds each
FULL_REFRESH_STEPS = ["unchained"]  # a full build each


# --------------------------------------------------------------------------- the packs


def _printing(packs: Path, value: int, meeting: str | None = None) -> bytes:
    """Pack 001 with line 133 printing `value` (and the meeting date line `meeting`)."""
    lines = (packs / PACK_001).read_bytes().split(b"\n")
    assert lines[LINE - 1] == b"Stoke on Trent\t117"
    assert lines[DATE_LINE - 1] == b"Date of Meeting\t27 April 2017"
    lines[LINE - 1] = b"Stoke on Trent\t" + str(value).encode()
    if meeting is not None:
        lines[DATE_LINE - 1] = b"Date of Meeting\t" + meeting.encode()
    return b"\n".join(lines)


def _reissue(packs: Path, value: int) -> bytes:
    """A re-issue of pack 001 printing `value`, with as many blank lines at its end as make its
    pack id sort before 001's (the finding then belongs to pack 001: same meeting date)."""
    text = _printing(packs, value)
    own_id = _pack_id((packs / PACK_001).read_bytes())
    for blank_lines in range(1, 50):
        candidate = text + b"\n" * blank_lines
        if _pack_id(candidate) < own_id:
            return candidate
    raise AssertionError("no re-issue sorting before pack 001")


def _pack_id(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:16]


# --------------------------------------------------------------------------- reading a warehouse


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(sql, params or []).fetchall(), key=repr)
    finally:
        con.close()


FINDINGS = "select * from marts.dq_findings"
CONFLICTS = (
    "select pack_id, related_pack_id, source_lines, related_source_lines, observed_value, "
    f"expected_value from marts.dq_findings where check_name = '{CONFLICT}'"
)
ROWIDS = "select pack_id, count(*), min(rowid), max(rowid) from marts.dq_findings group by 1"
CHAIN = (
    "select p.file_name, f.observed_value, r.file_name, f.expected_value "
    "from marts.dq_findings f "
    "join provenance.pack_files p on p.pack_id = f.pack_id "
    "join provenance.pack_files r on r.pack_id = f.related_pack_id "
    f"where f.check_name = '{CONFLICT}' and f.source_lines = '{LINE}'"
)


def _findings_state(warehouse: Path) -> dict:
    published, work = settings.published_db(warehouse), settings.work_db(warehouse)
    return {
        "published": _rows(published, FINDINGS),
        "work": _rows(work, FINDINGS),
        "conflicts": _rows(published, CONFLICTS),
        "chain": _rows(published, CHAIN),
        "rowids": {r[0]: r[1:] for r in _rows(work, ROWIDS)},
        "summary": read_summary(warehouse),
    }


def _partition_files(warehouse: Path) -> dict[str, tuple[int, int, str]]:
    """'fct_x/council=../fy=../file' -> (inode, mtime_ns, sha256) of every fact partition file
    of the current export."""
    root = parquet_dir(warehouse).resolve() / "marts"
    files = {}
    for table in FACT_TABLES:
        for path in sorted((root / table).rglob("*.parquet")):
            stat = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            files[str(path.relative_to(root))] = (stat.st_ino, stat.st_mtime_ns, digest)
    return files


def _partitions_of(warehouse: Path, pack_id: str) -> set[str]:
    """'fct_x/council=../fy=..' of every partition of the export holding a row of the pack."""
    root = parquet_dir(warehouse).resolve() / "marts"
    con = duckdb.connect()
    try:
        found = set()
        for table in FACT_TABLES:
            rows = con.execute(
                f"select distinct council, fy from read_parquet('{root / table}/**/*.parquet', "
                "hive_partitioning = true, hive_types_autocast = false) where pack_id = ?",
                [pack_id],
            ).fetchall()
            found |= {f"{table}/council={c}/fy={fy}" for c, fy in rows}
        return found
    finally:
        con.close()


def _parquet_equals_published(warehouse: Path) -> dict[str, tuple[int, int]]:
    """Per fact table: (rows only in the Parquet export, rows only in the published file)."""
    root = parquet_dir(warehouse).resolve() / "marts"
    con = duckdb.connect()
    try:
        con.execute(f"attach '{settings.published_db(warehouse)}' as pub (read_only)")
        out = {}
        for table in FACT_TABLES:
            parquet = (
                f"(select * exclude (council, fy) from read_parquet("
                f"'{root / table}/**/*.parquet', hive_partitioning = true))"
            )
            published = f"(select * from pub.marts.{table})"
            out[table] = tuple(
                con.execute(f"select count(*) from ({a} except all {b})").fetchone()[0]
                for a, b in ((parquet, published), (published, parquet))
            )
        return out
    finally:
        con.close()


def _differences(old: Path, new: Path) -> list[str]:
    diffs, only_old, only_new = compare_warehouses(old, new)
    return [d.describe() for d in diffs if not d.same] + only_old + only_new


def _same_as_whole_publish(warehouse: Path, scratch: Path) -> list[str]:
    """Relations of the published file that differ from a whole publish of its working DB."""
    scratch.mkdir(parents=True)
    publish(settings.work_db(warehouse), scratch)
    differs = _differences(settings.published_db(warehouse), settings.published_db(scratch))
    shutil.rmtree(scratch)
    return differs


# --------------------------------------------------------------------------- the builds


def _step(packs: Path, warehouse: Path, root: Path, name: str, change) -> dict:
    """Change the folder, build, and read what the tests look at."""
    before = _partition_files(warehouse)
    change()
    result = run_build(packs, warehouse)
    assert result.returncode == 0, (name, result.stdout[-4000:] + result.stderr[-2000:])
    assert read_summary(warehouse)["published"] is True, name
    return {
        **_findings_state(warehouse),
        "before": before,
        "after": _partition_files(warehouse),
        "parquet": _parquet_equals_published(warehouse),
        "differs": (
            _same_as_whole_publish(warehouse, root / f"whole_{name}")
            if name in WHOLE_PUBLISH_STEPS
            else None
        ),
    }


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    root = tmp_path_factory.mktemp("reprints_incremental")
    warehouse, packs = copy_of_shared_build(tmp_path_factory, root)
    first, second = _reissue(packs, 118), _reissue(packs, 119)
    out = {"before": _findings_state(warehouse)}
    out["ids"] = {
        "001": _pack_id((packs / PACK_001).read_bytes()),
        "first": _pack_id(first),
        "second": _pack_id(second),
    }

    def add_reprints():
        for name, (meeting, value) in REPRINTS.items():
            (packs / name).write_bytes(_printing(packs, value, meeting))

    for name, change in (
        ("added", lambda: (packs / REISSUE).write_bytes(first)),
        ("replaced", lambda: (packs / REISSUE).write_bytes(second)),
        ("deleted", lambda: os.remove(packs / REISSUE)),
        ("chained", add_reprints),
        ("unchained", lambda: os.remove(packs / "009_reprint_may.txt")),
    ):
        out[name] = _step(packs, warehouse, root, name, change)
        if name in FULL_REFRESH_STEPS:
            out[name]["full_refresh_differs"] = _full_refresh_differs(packs, warehouse, root, name)
        if name == "added":
            # the re-issue's rows lie in these partitions (its versions print the same figures
            # but one)
            out["touched"] = _partitions_of(warehouse, out["ids"]["first"])
    return out


def _full_refresh_differs(packs: Path, warehouse: Path, root: Path, name: str) -> list[str]:
    """Published relations that differ between the warehouse and a full refresh of a copy."""
    full = copy_warehouse(warehouse, root / f"full_refresh_{name}")
    result = run_build(packs, full, extra_env={"COUNCIL_FULL_REFRESH": "1"})
    assert result.returncode == 0, result.stdout[-4000:]
    differs = _differences(settings.published_db(full), settings.published_db(warehouse))
    shutil.rmtree(full)
    return differs


# --------------------------------------------------------------------------- findings


def test_a_new_pack_adds_a_finding_to_an_unchanged_pack(steps):
    ids = steps["ids"]
    assert ids["first"] < ids["001"] and ids["second"] < ids["001"]
    assert steps["added"]["summary"]["packs_loaded"] == [REISSUE]
    assert steps["added"]["conflicts"] == [(ids["001"], ids["first"], "133", "133", 117.0, 118.0)]


def test_a_replaced_pack_moves_the_finding_to_its_new_version(steps):
    ids = steps["ids"]
    assert steps["replaced"]["conflicts"] == [
        (ids["001"], ids["second"], "133", "133", 117.0, 119.0)
    ]
    assert not [r for r in steps["replaced"]["published"] if ids["first"] in r]


def test_a_deleted_pack_takes_the_finding_with_it(steps):
    assert steps["deleted"]["summary"]["packs_removed"] == [REISSUE]
    assert steps["deleted"]["conflicts"] == []
    assert steps["deleted"]["published"] == steps["before"]["published"]
    assert steps["deleted"]["work"] == steps["before"]["work"]


def test_each_change_of_a_printed_value_is_one_finding_naming_the_printing_before(steps):
    assert steps["chained"]["chain"] == [
        ("009_reprint_may.txt", 118.0, PACK_001, 117.0),
        ("010_reprint_june.txt", 119.0, "009_reprint_may.txt", 118.0),
    ]  # not also June against April: that pair is not a change between printings


def test_deleting_a_printing_compares_its_neighbours(steps):
    assert steps["unchained"]["summary"]["packs_removed"] == ["009_reprint_may.txt"]
    assert steps["unchained"]["chain"] == [("010_reprint_june.txt", 119.0, PACK_001, 117.0)]


@pytest.mark.parametrize("step", STEPS)
def test_the_published_findings_are_the_working_dbs(steps, step):
    assert steps[step]["published"] == steps[step]["work"]


def test_findings_of_packs_no_build_touched_are_not_rewritten(steps):
    """Row ids in the working DB: dbt deleted and inserted only the queued packs' findings and
    those against them (pack 001's), never those of the other packs."""
    before = steps["before"]["rowids"]
    untouched = set(before) - {steps["ids"]["001"]}
    assert len(untouched) >= 2
    for step in STEPS:
        after = steps[step]["rowids"]
        assert {p: after[p] for p in untouched} == {p: before[p] for p in untouched}, step


@pytest.mark.parametrize("step", FULL_REFRESH_STEPS)
def test_a_full_refresh_gives_the_same_rows(steps, step):
    """After the whole history of adds, a replace and deletes (a full refresh with a re-issue
    loaded is test_pack_incremental's)."""
    assert steps[step]["full_refresh_differs"] == []


# --------------------------------------------------------------------------- the publish


def _partition(file_key: str) -> str:
    return file_key.rsplit("/", 1)[0]


@pytest.mark.parametrize("step", ["added", "deleted"])
def test_partitions_without_the_changed_pack_are_the_previous_files(steps, step):
    run = steps[step]
    touched = steps["touched"]
    assert touched, "the pack has facts in some partitions"
    untouched = {k: v for k, v in run["before"].items() if _partition(k) not in touched}
    assert len(untouched) >= 5
    for key, (inode, mtime, digest) in untouched.items():
        assert run["after"].get(key) == (inode, mtime, digest), key
    rewritten = [k for k in run["after"] if _partition(k) in touched]
    if step == "added":
        assert rewritten
    for key in rewritten:
        assert run["after"][key][0] != run["before"].get(key, (None,))[0], key


@pytest.mark.parametrize("step", STEPS)
def test_the_parquet_export_holds_the_published_rows(steps, step):
    assert steps[step]["parquet"] == {table: (0, 0) for table in FACT_TABLES}


@pytest.mark.parametrize("step", WHOLE_PUBLISH_STEPS)
def test_the_published_file_equals_a_whole_publish(steps, step):
    assert steps[step]["differs"] == []
