"""marts.dq_findings is pack-incremental, cross-pack findings included (issue 11), on real builds.

A finding comparing two packs is reported on the later pack (same meeting date: the larger
pack id) and names the other as its related pack. Starting from the session's published
warehouse of the bundled packs, one folder goes through three builds:

1. a re-issue of pack 001 with one figure changed (line 133, 117 -> 118) is added; its pack id
   sorts before 001's, so the finding is a row of pack 001, which did not change, against the
   new pack;
2. that file is replaced by another re-issue (118 -> 119): the finding against the old version
   goes, the one against the new version comes, still on pack 001;
3. the file is deleted: the finding goes with it.

After each build the published findings are those of the working DB; after the second they
equal a full refresh's (every published relation, row for row); after the third they are the
findings the warehouse had before. The findings of the packs no build touched are never
rewritten in the working DB (same row ids).
"""

from __future__ import annotations

import hashlib
import os
import shutil

import duckdb
import pytest

from dagster_project.testing import copy_warehouse, read_summary, run_build, shared_build
from warehouse import settings
from warehouse.compare import compare_warehouses

PACK_001 = "001_b6da0de6cc3fbefc.txt"
REISSUE = "001_reissued.txt"
LINE = 133  # 'Stoke on Trent<TAB>117' in pack 001: LAC per 10,000 population
CONFLICT = "same_figure_differs_between_packs"


def _reissue(packs, value: int) -> bytes:
    """Pack 001 with line 133 printing `value`, and as many blank lines at its end as make its
    pack id sort before 001's (the finding then belongs to pack 001: same meeting date)."""
    lines = (packs / PACK_001).read_bytes().split(b"\n")
    assert lines[LINE - 1] == b"Stoke on Trent\t117"
    lines[LINE - 1] = b"Stoke on Trent\t" + str(value).encode()
    text = b"\n".join(lines)
    own_id = _pack_id((packs / PACK_001).read_bytes())
    for blank_lines in range(1, 50):
        candidate = text + b"\n" * blank_lines
        if hashlib.sha256(candidate).hexdigest()[:16] < own_id:
            return candidate
    raise AssertionError("no re-issue sorting before pack 001")


def _pack_id(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:16]


def _published(warehouse, sql: str) -> list[tuple]:
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall(), key=repr)
    finally:
        con.close()


def _work(warehouse, sql: str) -> list[tuple]:
    con = duckdb.connect(str(settings.work_db(warehouse)), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall(), key=repr)
    finally:
        con.close()


FINDINGS = "select * from marts.dq_findings"
CONFLICTS = (
    "select pack_id, related_pack_id, source_lines, related_source_lines, observed_value, "
    f"expected_value from marts.dq_findings where check_name = '{CONFLICT}'"
)
ROWIDS = "select pack_id, count(*), min(rowid), max(rowid) from marts.dq_findings group by 1"


def _state(warehouse) -> dict:
    return {
        "published": _published(warehouse, FINDINGS),
        "work": _work(warehouse, FINDINGS),
        "conflicts": _published(warehouse, CONFLICTS),
        "rowids": dict((r[0], r[1:]) for r in _work(warehouse, ROWIDS)),
        "summary": read_summary(warehouse),
    }


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-4000:]
    root = tmp_path_factory.mktemp("findings_incremental")
    warehouse = copy_warehouse(shared["warehouse"], root / "warehouse")
    packs = shutil.copytree(shared["packs"], root / "packs")
    out = {"root": root, "warehouse": warehouse, "before": _state(warehouse)}
    first, second = _reissue(packs, 118), _reissue(packs, 119)
    out["ids"] = {"001": _pack_id((packs / PACK_001).read_bytes())}
    out["ids"] |= {"first": _pack_id(first), "second": _pack_id(second)}
    for name, change in (
        ("added", lambda: (packs / REISSUE).write_bytes(first)),
        ("replaced", lambda: (packs / REISSUE).write_bytes(second)),
        ("deleted", lambda: os.remove(packs / REISSUE)),
    ):
        change()
        result = run_build(packs, warehouse)
        assert result.returncode == 0, (name, result.stdout[-4000:] + result.stderr[-2000:])
        out[name] = _state(warehouse)
        if name == "replaced":
            out["replaced_file"] = shutil.copy(
                settings.published_db(warehouse), root / "replaced.duckdb"
            )
            out["full"] = _full_refresh_of(warehouse, packs, root / "full_refresh")
    return out


def _full_refresh_of(warehouse, packs, dest):
    full = copy_warehouse(warehouse, dest)
    result = run_build(packs, full, extra_env={"COUNCIL_FULL_REFRESH": "1"})
    assert result.returncode == 0, result.stdout[-4000:]
    return full


def test_a_new_pack_adds_a_finding_to_an_unchanged_pack(steps):
    ids = steps["ids"]
    assert ids["first"] < ids["001"] and ids["second"] < ids["001"]
    assert steps["added"]["summary"]["packs_loaded"] == [REISSUE]
    assert steps["added"]["conflicts"] == [(ids["001"], ids["first"], "133", "133", 117.0, 118.0)]
    assert steps["added"]["published"] == steps["added"]["work"]


def test_a_replaced_pack_moves_the_finding_to_its_new_version(steps):
    ids = steps["ids"]
    assert steps["replaced"]["conflicts"] == [
        (ids["001"], ids["second"], "133", "133", 117.0, 119.0)
    ]
    assert steps["replaced"]["published"] == steps["replaced"]["work"]
    assert not [r for r in steps["replaced"]["published"] if ids["first"] in r]


def test_the_replaced_state_equals_a_full_refresh_in_every_published_relation(steps):
    diffs, only_old, only_new = compare_warehouses(
        settings.published_db(steps["full"]), steps["replaced_file"]
    )
    assert (only_old, only_new) == ([], [])
    assert [d.describe() for d in diffs if not d.same] == []
    assert _published(steps["full"], FINDINGS) == steps["replaced"]["published"]


def test_a_deleted_pack_takes_the_finding_with_it(steps):
    assert steps["deleted"]["summary"]["packs_removed"] == [REISSUE]
    assert steps["deleted"]["conflicts"] == []
    assert steps["deleted"]["published"] == steps["before"]["published"]
    assert steps["deleted"]["work"] == steps["before"]["work"]


def test_findings_of_packs_no_build_touched_are_not_rewritten(steps):
    """Row ids in the working DB: dbt deleted and inserted only the queued packs' findings and
    those against them (pack 001's), never those of the other packs."""
    before = steps["before"]["rowids"]
    untouched = set(before) - {steps["ids"]["001"]}
    assert len(untouched) >= 2
    for step in ("added", "replaced", "deleted"):
        after = steps[step]["rowids"]
        assert {p: after[p] for p in untouched} == {p: before[p] for p in untouched}, step
