"""A figure printed in many packs is compared with its previous printing, not with every pack.

Pack 001 prints 'Stoke on Trent<TAB>117' (children looked after per 10,000, line 133). Two
reprints of it at later meetings print 118 and then 119. Compared pair by pair that is three
conflicts (and a figure printed in n packs up to n²/2); compared along the meetings it is two:
each change of the printed value once, on the later pack, naming the printing before it. The
rows are incremental by figure: deleting the middle reprint compares the last with the first,
as a full refresh does.
"""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from dagster_project.testing import (
    copy_warehouse,
    published_rows,
    read_summary,
    run_build,
    shared_build,
)
from warehouse import settings

ORIGINAL = "001_b6da0de6cc3fbefc.txt"
LINE = 133  # 'Stoke on Trent\t117'
DATE_LINE = 3  # 'Date of Meeting\t27 April 2017'
REPRINTS = {
    "009_reprint_may.txt": ("4 May 2017", b"118"),
    "010_reprint_june.txt": ("1 June 2017", b"119"),
}


def _reprint(packs, meeting: str, value: bytes) -> bytes:
    lines = (packs / ORIGINAL).read_bytes().split(b"\n")
    assert lines[LINE - 1] == b"Stoke on Trent\t117"
    assert lines[DATE_LINE - 1] == b"Date of Meeting\t27 April 2017"
    lines[LINE - 1] = b"Stoke on Trent\t" + value
    lines[DATE_LINE - 1] = b"Date of Meeting\t" + meeting.encode()
    return b"\n".join(lines)


def _conflicts(warehouse) -> list[tuple]:
    """(file, value, related file, related value) of every cross-pack conflict, sorted."""
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        return con.execute(
            "select p.file_name, f.observed_value, r.file_name, f.expected_value "
            "from marts.dq_findings f "
            "join provenance.pack_files p on p.pack_id = f.pack_id "
            "join provenance.pack_files r on r.pack_id = f.related_pack_id "
            "where f.check_name = 'same_figure_differs_between_packs' "
            "and f.source_lines = ? order by 1",
            [str(LINE)],
        ).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-4000:]
    root = tmp_path_factory.mktemp("figure_chain")
    warehouse = copy_warehouse(shared["warehouse"], root / "warehouse")
    packs = shutil.copytree(shared["packs"], root / "packs")
    for name, (meeting, value) in REPRINTS.items():
        (packs / name).write_bytes(_reprint(packs, meeting, value))
    result = run_build(packs, warehouse)
    assert result.returncode == 0, result.stdout[-4000:]
    assert set(REPRINTS) <= set(read_summary(warehouse)["packs_loaded"])
    return {"root": root, "packs": packs, "warehouse": warehouse}


def test_each_change_of_a_printed_value_is_one_finding_naming_the_printing_before(chain):
    assert _conflicts(chain["warehouse"]) == [
        ("009_reprint_may.txt", 118.0, ORIGINAL, 117.0),
        ("010_reprint_june.txt", 119.0, "009_reprint_may.txt", 118.0),
    ]  # not also June against April: that pair is not a change between printings


def test_deleting_a_printing_compares_its_neighbours_as_a_full_refresh_does(chain):
    warehouse = copy_warehouse(chain["warehouse"], chain["root"] / "after_delete")
    packs = shutil.copytree(chain["packs"], chain["root"] / "packs_after_delete")
    os.remove(packs / "009_reprint_may.txt")
    result = run_build(packs, warehouse)
    assert result.returncode == 0, result.stdout[-4000:]
    assert _conflicts(warehouse) == [("010_reprint_june.txt", 119.0, ORIGINAL, 117.0)]

    full = copy_warehouse(warehouse, chain["root"] / "full_refresh")
    result = run_build(packs, full, extra_env={"COUNCIL_FULL_REFRESH": "1"})
    assert result.returncode == 0, result.stdout[-4000:]
    assert published_rows(full, ("dq_findings",)) == published_rows(warehouse, ("dq_findings",))
