"""An incremental publish replaces only the rows of a keyed table that differ
(warehouse/row_sync.py): the table ends with exactly the new rows, and a row that comes out as it
was keeps its place.

The rows are the published ``bi.facts`` of the bundled packs. A copy is made stale in the ways
a publish meets: a row whose value changed, a row that is no longer printed, a row printed
twice; ``sync_rows`` brings the copy's rows of those figure keys back to the published ones.
"""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.testing import shared_build
from warehouse import row_sync
from warehouse.changed_keys import ChangedKeys

BLACKPOOL_PACK = "000_afcc9b490f65a2f9.txt"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    built = shared_build(tmp_path_factory)
    assert built["result"].returncode == 0, built["result"].stdout[-4000:]
    con = duckdb.connect()
    con.execute(f"ATTACH '{built['warehouse'] / 'council.duckdb'}' AS pub (READ_ONLY)")
    yield con
    con.close()


def _printings_of_108(con) -> list[tuple]:
    """Blackpool's adult complaints received in 2013/14: 108, printed four times in pack 000
    (first at line 1679): its figure key's printings."""
    return con.execute(
        "SELECT figure_key, fact_id, source_line FROM pub.bi.facts WHERE figure_key = ("
        "SELECT f.figure_key FROM pub.bi.facts f JOIN pub.provenance.packs p USING (pack_id) "
        "WHERE p.file_name = ? AND f.source_line = 1679 AND f.value = 108) ORDER BY source_line",
        [BLACKPOOL_PACK],
    ).fetchall()


def test_only_the_rows_that_differ_are_replaced(con):
    printings = _printings_of_108(con)
    assert [line for _, _, line in printings] == [1679, 1824, 1908, 1948]
    key = printings[0][0]
    figure = con.execute(
        "SELECT DISTINCT measure, fiscal_year, service_area, subject_council_name, value "
        "FROM pub.bi.facts WHERE figure_key = ?",
        [key],
    ).fetchall()
    assert figure == [("complaints_received", "2013/14", "adult", "Blackpool Borough Council", 108)]
    other_key = con.execute(
        "SELECT figure_key FROM pub.bi.facts WHERE figure_key IS NOT NULL AND figure_key <> ? "
        "GROUP BY 1 HAVING count(*) >= 2 ORDER BY 1 LIMIT 1",
        [key],
    ).fetchone()[0]
    con.execute("CREATE OR REPLACE TABLE main.facts AS SELECT * FROM pub.bi.facts")
    # stale: one printing of 108 read 107, another is gone, a row of the other key is doubled
    con.execute("UPDATE main.facts SET value = 107 WHERE fact_id = ?", [printings[1][1]])
    con.execute("DELETE FROM main.facts WHERE fact_id = ?", [printings[2][1]])
    con.execute(
        "INSERT INTO main.facts SELECT * FROM main.facts WHERE figure_key = ? LIMIT 1",
        [other_key],
    )
    untouched = con.execute(
        "SELECT rowid, fact_id FROM main.facts WHERE figure_key IN (?, ?) "
        "AND fact_id NOT IN (?, ?) ORDER BY rowid",
        [key, other_key, printings[1][1], printings[2][1]],
    ).fetchall()
    where = ChangedKeys([key, other_key], False).where("figure_key")
    row_sync.sync_rows(con, "main.facts", "pub.bi.facts", *where)

    differ = con.execute(
        "SELECT count(*) FROM (SELECT * FROM main.facts EXCEPT ALL SELECT * FROM pub.bi.facts) "
        "UNION ALL SELECT count(*) FROM (SELECT * FROM pub.bi.facts EXCEPT ALL "
        "SELECT * FROM main.facts)"
    ).fetchall()
    assert differ == [(0,), (0,)]
    assert con.execute(
        "SELECT value FROM main.facts WHERE fact_id = ?", [printings[1][1]]
    ).fetchall() == [(108,)]
    # the rows that were right stay where they were; of the doubled pair one goes
    kept = con.execute(
        "SELECT rowid, fact_id FROM main.facts WHERE list_contains(?, rowid) ORDER BY rowid",
        [[rowid for rowid, _ in untouched]],
    ).fetchall()
    assert len(kept) == len(untouched) - 1 >= 4
    assert set(kept) <= set(untouched)


def test_a_table_of_one_row_group_is_replaced_as_before(con):
    rows = con.execute("SELECT count(*) FROM pub.bi.facts").fetchone()[0]
    assert 0 < rows <= row_sync.ROW_GROUP_ROWS
    con.execute("CREATE OR REPLACE TABLE main.small AS SELECT * FROM pub.bi.facts")
    assert not row_sync.worth_syncing(con, "main.small")
    con.execute(
        "CREATE OR REPLACE TABLE main.large AS SELECT f.* FROM pub.bi.facts f, range(?)",
        [row_sync.ROW_GROUP_ROWS // rows + 1],
    )
    assert row_sync.worth_syncing(con, "main.large")
