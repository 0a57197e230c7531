"""What a dbt invocation of the pipeline costs besides dbt: the row counts it adds.

After each dbt invocation (pack models, cross-pack models) the step adds `dagster/row_count` to
the materialisations of the tables that invocation built, read from the working DB. Views are
not counted (dagster-dbt's own row counts skip them too): counting a view runs its whole query,
and the BI views over 1,000 packs took 7 s per invocation, in both invocations of a publish.
"""

from __future__ import annotations

import json

import duckdb
import pytest
from dagster import AssetKey

from dagster_project.dbt_project import _row_counts
from dagster_project.dbt_warmup import server_log
from dagster_project.testing import dagster_instance, dbt_log_invocations, shared_build
from warehouse import settings


def test_row_counts_read_tables_and_leave_views_and_missing_relations_out(tmp_path):
    db = settings.work_db(tmp_path)
    db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db))
    con.execute("create schema marts")
    con.execute("create table marts.facts as select range as n from range(7)")
    con.execute("create view marts.facts_view as select * from marts.facts")
    con.close()
    table, view, missing = (AssetKey(["marts", name]) for name in ("facts", "facts_view", "x"))
    counts = _row_counts(
        db,
        {
            table: ("marts", "facts"),
            view: ("marts", "facts_view"),
            missing: ("marts", "x"),
        },
    )
    assert counts == {table: 7}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    built = shared_build(tmp_path_factory)
    assert built["result"].returncode == 0, built["result"].stdout[-4000:]
    return built


def _latest_metadata(warehouse, key: AssetKey) -> dict:
    with dagster_instance(warehouse) as instance:
        event = instance.get_latest_materialization_event(key)
    assert event is not None, key
    return event.asset_materialization.metadata


def test_the_tables_dbt_built_carry_their_row_counts(build):
    warehouse = build["warehouse"]
    con = duckdb.connect(str(settings.work_db(warehouse)), read_only=True)
    try:
        facts = con.execute("select count(*) from marts.fct_complaints").fetchone()[0]
        dims = con.execute("select count(*) from marts.dim_council").fetchone()[0]
    finally:
        con.close()
    assert facts > 0 and dims > 0
    pack_step = _latest_metadata(warehouse, AssetKey(["marts", "fct_complaints"]))
    assert pack_step["dagster/row_count"].value == facts
    cross_pack_step = _latest_metadata(warehouse, AssetKey(["marts", "dim_council"]))
    assert cross_pack_step["dagster/row_count"].value == dims


def test_views_are_materialised_without_running_them_to_count_rows(build):
    for key in (AssetKey(["bi", "figures"]), AssetKey(["staging", "stg_lines"])):
        assert "dagster/row_count" not in _latest_metadata(build["warehouse"], key)


def test_a_new_warehouses_dbt_builds_parse_nothing_the_parse_ran_beside_the_loads(build):
    """A new warehouse folder has no parse state of its own: its first dbt used to parse the
    whole project inside the transform. `make warehouse` has its warm dbt server run `dbt parse`
    for it while the packs load (dagster_project/dbt_warmup.py), and each `dbt build` of the
    publish finds the project parsed."""
    invocations = dbt_log_invocations(build["warehouse"])
    assert [entry["command"] for entry in invocations] == ["parse", "build", "build"]
    # and that parse started from the parse state `make install` made in dbt/target for another
    # folder (warehouse/dbt_cli.py): it read only what changed since, not the whole project
    assert "PartialParsingEnabled" in invocations[0]["events"]
    assert "UnableToPartialParse" not in invocations[0]["events"]
    for entry in invocations[1:]:  # the pack models, then the cross-pack models
        assert "PartialParsingSkipParsing" in entry["events"]
        assert "UnableToPartialParse" not in entry["events"]


def test_every_dbt_command_of_a_build_was_forked_by_the_warm_dbt_server(build):
    """No dbt command of `make warehouse` imports dbt itself: the server's log lists each one
    it forked, with the process id that dbt's own log gives for it. The last is the data
    catalogue's `dbt docs generate` (warehouse/catalog.py), which logs in its own folder."""
    served = [json.loads(line) for line in server_log(build["warehouse"]).read_text().splitlines()]
    invocations = dbt_log_invocations(build["warehouse"])
    assert [entry["pid"] for entry in served[:-1]] == [entry["pid"] for entry in invocations]
    assert ["parse" in entry["args"] for entry in served] == [True, False, False, False]
    assert [entry["args"][0] for entry in served[1:]] == ["build", "build", "docs"]
    assert [entry["exit"] for entry in served] == [0, 0, 0, 0]
