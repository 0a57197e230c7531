"""Loads never lock BI out, and never leave a half-built or broken warehouse.

* A reader opens the published file read-only in a loop (as a BI tool does) while a full
  rebuild and publish run: it never errors, and every snapshot is internally consistent.
* A build killed after the working DB is written, before the publish, leaves the published
  warehouse answering exactly as before; the next publish cleans up after it.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

import duckdb
import pytest

from dagster_project.testing import (
    REPO_ROOT,
    copy_warehouse,
    make_packs_folder,
    run_build,
    shared_build,
)
from warehouse import bi, queries, settings
from warehouse.publish import FAULT_ENV, publish

READER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import duckdb
    sys.path.insert(0, sys.argv[3])
    from warehouse import bi

    path, stop = Path(sys.argv[1]), Path(sys.argv[2])
    seen, errors, problems, reads = set(), [], [], 0
    deadline = time.monotonic() + 1500
    while time.monotonic() < deadline:
        finished = stop.exists()
        try:
            con = duckdb.connect(str(path), read_only=True)
            try:
                found = bi.consistency_problems(con)
                published_at = str(bi.build_info(con)["published_at"])
                total = con.execute("select sum(facts) from bi.facts_per_domain").fetchone()[0]
                cited = con.execute("select count(*) from bi.fact_citations").fetchone()[0]
                if total != cited:
                    found.append(f"{total} facts but {cited} citations")
            finally:
                con.close()
            seen.add(published_at)
            problems.extend(found)
            reads += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
        if finished:
            break
        time.sleep(0.05)
    print(json.dumps({"reads": reads, "seen": sorted(seen), "errors": errors[:20],
                      "problems": problems[:20]}))
    """
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-4000:]
    return shared


def _answers(db) -> dict:
    """Every example query's rows, plus the build info: what a dashboard would show."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        answers = {  # as sorted lists: rows a query leaves in any order compare equal
            path.stem: sorted(con.execute(path.read_text()).fetchall(), key=repr)
            for path in queries.query_files()
        }
        answers["build_info"] = con.execute("select * from provenance.build_info").fetchall()
    finally:
        con.close()
    return answers


def test_readers_never_fail_and_see_consistent_snapshots_during_a_rebuild(built, tmp_path):
    warehouse = copy_warehouse(built["warehouse"], tmp_path / "warehouse")
    packs = make_packs_folder(tmp_path / "packs")
    published = settings.published_db(warehouse)
    before = _answers(published)["build_info"][0][0]
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(published), str(stop), str(REPO_ROOT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        result = run_build(packs, warehouse)
    finally:
        stop.write_text("done")
        out, err = reader.communicate(timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    report = json.loads(out.strip().splitlines()[-1])
    assert report["errors"] == [], report
    assert report["problems"] == [], report
    assert report["reads"] > 1
    # it read the old warehouse and, after the swap, the new one
    after = _answers(published)["build_info"][0][0]
    assert str(before) in report["seen"] and str(after) in report["seen"]
    assert after > before


def test_a_build_killed_before_publish_leaves_the_warehouse_intact(built, tmp_path):
    warehouse = copy_warehouse(built["warehouse"], tmp_path / "warehouse")
    packs = make_packs_folder(tmp_path / "packs")
    published = settings.published_db(warehouse)
    before = _answers(published)
    inode = published.stat().st_ino

    # killed (SIGKILL) after the new file was written in full, just before the swap
    result = run_build(packs, warehouse, extra_env={FAULT_ENV: "publish:after_temp_written"})
    assert result.returncode == -signal.SIGKILL, result.stdout[:3000]
    assert list(warehouse.glob(".council.duckdb.*.tmp"))  # the abandoned new file
    assert published.stat().st_ino == inode
    assert _answers(published) == before

    # the next publish replaces it and removes what the crashed one left behind
    publish(settings.work_db(warehouse), warehouse)
    assert not list(warehouse.glob(".council.duckdb.*.tmp*"))
    after = _answers(published)
    assert after["build_info"] != before["build_info"]
    assert all(after.values())  # every example query still answers
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert bi.consistency_problems(con) == []
    finally:
        con.close()


def test_a_failing_publish_raises_and_keeps_the_old_file(built, tmp_path, monkeypatch):
    warehouse = copy_warehouse(built["warehouse"], tmp_path / "warehouse")
    published = settings.published_db(warehouse)
    before = _answers(published)
    monkeypatch.setenv(FAULT_ENV, "publish:after_temp_written:raise")
    with pytest.raises(Exception, match="fault injected"):
        publish(settings.work_db(warehouse), warehouse)
    assert not list(warehouse.glob(".council.duckdb.*.tmp*"))
    assert _answers(published) == before
