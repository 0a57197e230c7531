"""warehouse.compare: the tool that shows a refactoring leaves the published warehouse unchanged.

Run on the shared published warehouse of the bundled packs (dagster_project.testing.shared_build).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from dagster_project.testing import shared_build
from warehouse import settings
from warehouse.compare import compare_warehouses, main


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    built = shared_build(tmp_path_factory)
    assert built["result"].returncode == 0
    return settings.published_db(built["warehouse"])


def test_a_warehouse_is_identical_to_its_copy(published, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(published, copy)
    diffs, only_old, only_new = compare_warehouses(published, copy)
    assert {"marts.fct_complaints", "bi.complaints_by_service_area_year"} <= {
        d.relation for d in diffs
    }
    assert all(d.same for d in diffs) and not only_old and not only_new
    assert main([str(published), str(copy)]) == 0


def test_one_missing_fact_and_one_new_column_are_reported(published, tmp_path, capsys):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(published, copy)
    with duckdb.connect(str(copy)) as con:
        fact_id = con.execute("select min(fact_id) from marts.fct_complaints").fetchone()[0]
        con.execute("delete from marts.fct_complaints where fact_id = ?", [fact_id])
        con.execute("alter table marts.dim_council add column extra integer")
    diffs = {d.relation: d for d in compare_warehouses(published, copy)[0]}
    assert diffs["marts.fct_complaints"].only_old_rows == 1
    assert diffs["marts.fct_complaints"].only_new_rows == 0
    assert diffs["marts.dim_council"].only_new_columns == ("extra",)
    assert diffs["marts.fct_placements"].same
    assert main([str(published), str(copy)]) == 1
    assert "marts.fct_complaints: rows only in old: 1, only in new: 0" in capsys.readouterr().out
