"""An incremental publish writes only what the changed packs touch, and publishes what a whole
publish would.

Starting from the session's published warehouse of the bundled packs, one build adds a pack
(pack 001 reprinted with one figure changed, so it shares figures with pack 001), a second
build deletes it again. After each:

* the Parquet partitions of the fact tables that hold no row of the changed pack are the
  previous export's files (the same inode, bytes and mtime: linked, not written); those it is
  in were written again;
* every fact table read back from the Parquet export holds the published file's rows;
* the published file equals, relation by relation and row for row, a whole publish of the same
  working DB (``warehouse.compare``), ``bi.figures``, ``bi.facts`` and ``marts.dq_findings``
  (refreshed only for the changed pack's figure keys) included: the reprint's 118 is a
  cross-pack finding against pack 001's 117 while it is there, and none once it is deleted.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project.testing import read_summary, run_build, shared_build
from warehouse import settings
from warehouse.compare import compare_warehouses
from warehouse.parquet_export import parquet_dir
from warehouse.publish import publish

NEW = "008_reissued.txt"
CHANGED_LINE = 133  # 'Stoke on Trent<TAB>117' in pack 001: LAC per 10,000 population
FACT_TABLES = ("fct_complaints", "fct_decisions", "fct_placements", "fct_waiting_times")


def _reissued(packs: Path) -> bytes:
    lines = (packs / "001_b6da0de6cc3fbefc.txt").read_bytes().split(b"\n")
    assert lines[CHANGED_LINE - 1] == b"Stoke on Trent\t117"
    lines[CHANGED_LINE - 1] = b"Stoke on Trent\t118"
    return b"\n".join(lines) + b"\n"


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


def _same_as_whole_publish(warehouse: Path, scratch: Path) -> list[str]:
    """Relations of the published file that differ from a whole publish of its working DB."""
    whole = scratch / "whole"
    whole.mkdir(parents=True)
    publish(settings.work_db(warehouse), whole)
    diffs, only_old, only_new = compare_warehouses(
        settings.published_db(warehouse), settings.published_db(whole)
    )
    shutil.rmtree(whole)
    return [d.relation for d in diffs if not d.same] + only_old + only_new


def _conflicts_with(warehouse: Path, file_name: str) -> list[tuple]:
    """(observed, expected, line) of the published cross-pack findings on the pack of this file
    name (by its provenance) or naming it as the other printing."""
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        return con.execute(
            "select f.observed_value, f.expected_value, f.source_lines from marts.dq_findings f "
            "join provenance.pack_files p on p.pack_id in (f.pack_id, f.related_pack_id) "
            "where f.check_name = 'same_figure_differs_between_packs' and p.file_name = ?",
            [file_name],
        ).fetchall()
    finally:
        con.close()


def _pack_id(warehouse: Path, file_name: str) -> str:
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        row = con.execute(
            "select pack_id from provenance.pack_files where file_name = ?", [file_name]
        ).fetchone()
        return row[0]
    finally:
        con.close()


def _build(packs: Path, warehouse: Path):
    before = _partition_files(warehouse)
    result = run_build(packs, warehouse)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert read_summary(warehouse)["published"] is True
    return before, _partition_files(warehouse)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-4000:]
    root = tmp_path_factory.mktemp("publish_incremental")
    warehouse = root / "warehouse"
    shutil.copytree(shared["warehouse"], warehouse, symlinks=True)
    packs = shutil.copytree(shared["packs"], root / "packs")
    (packs / NEW).write_bytes(_reissued(packs))
    added_before, added_after = _build(packs, warehouse)
    pack_id = _pack_id(warehouse, NEW)
    added = {
        "before": added_before,
        "after": added_after,
        "touched": _partitions_of(warehouse, pack_id),
        "parquet": _parquet_equals_published(warehouse),
        "differs": _same_as_whole_publish(warehouse, root / "added"),
        "conflicts": _conflicts_with(warehouse, NEW),
    }
    touched_before_delete = added["touched"]
    (packs / NEW).unlink()
    deleted_before, deleted_after = _build(packs, warehouse)
    assert NEW in read_summary(warehouse)["packs_removed"]
    deleted = {
        "before": deleted_before,
        "after": deleted_after,
        "touched": touched_before_delete,  # its rows were in these partitions
        "parquet": _parquet_equals_published(warehouse),
        "differs": _same_as_whole_publish(warehouse, root / "deleted"),
        "conflicts": _conflicts_with(warehouse, "001_b6da0de6cc3fbefc.txt"),
    }
    return {"added": added, "deleted": deleted}


def _partition(file_key: str) -> str:
    return file_key.rsplit("/", 1)[0]


@pytest.mark.parametrize("step", ["added", "deleted"])
def test_partitions_without_the_changed_pack_are_the_previous_files(scenario, step):
    run = scenario[step]
    touched = run["touched"]
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


@pytest.mark.parametrize("step", ["added", "deleted"])
def test_the_parquet_export_holds_the_published_rows(scenario, step):
    assert scenario[step]["parquet"] == {table: (0, 0) for table in FACT_TABLES}


@pytest.mark.parametrize("step", ["added", "deleted"])
def test_the_published_file_equals_a_whole_publish(scenario, step):
    assert scenario[step]["differs"] == []


def test_the_reprint_is_a_cross_pack_finding_only_while_it_is_there(scenario):
    assert scenario["added"]["conflicts"] == [(118.0, 117.0, str(CHANGED_LINE))]
    assert scenario["deleted"]["conflicts"] == []
