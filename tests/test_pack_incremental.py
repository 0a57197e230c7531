"""Gate each pack, not the warehouse (issue 11), end to end on real builds.

Starting from the session's published warehouse of the bundled packs (plus a corrupted and a
binary file), one build adds two files to the folder:

* a copy of pack 000 whose complaints table now claims `9 (30U & 2PU)` (30 upheld of 9
  received) and a quarterly total of `-43`: it parses and passes its pack gate, its facts fail
  the fact gate (`part_within_whole`, `count_not_negative`);
* a new good pack (pack 001 with one more line at the end: new bytes, the same figures).

The bad pack is quarantined alone (alert and webhook name its file, sha256, expectations and
printed lines), the good pack's facts are published, every other fact is unchanged, and only
the new packs' rows were transformed. A full refresh then gives the same published rows, and
deleting the good file removes its facts at the next build.
"""

from __future__ import annotations

import json
import os
import shutil

import duckdb
import pytest

from dagster_project.dbt_warmup import server_log
from dagster_project.testing import (
    WebhookReceiver,
    copy_of_shared_build,
    copy_warehouse,
    dbt_log_invocations,
    published_rows,
    read_alerts,
    read_summary,
    run_build,
)
from warehouse import settings

BAD = "007_impossible_figures.txt"
GOOD = "008_new_meeting.txt"
FACT_TABLES = ("fct_waiting_times", "fct_complaints", "fct_decisions", "fct_placements")
BAD_LINE = 1819  # 'Adult Social Care\t9 (1U & 2PU)\t...\t43' in pack 000


def _bad_pack(packs) -> bytes:
    lines = (packs / "000_afcc9b490f65a2f9.txt").read_bytes().split(b"\n")
    row = lines[BAD_LINE - 1]
    assert row.startswith(b"Adult Social Care\t9 (1U & 2PU)") and row.endswith(b"\t43")
    lines[BAD_LINE - 1] = row.replace(b"9 (1U & 2PU)", b"9 (30U & 2PU)")[:-2] + b"-43"
    return b"\n".join(lines)


CHANGED_LINE = 133  # 'Stoke on Trent<TAB>117' in pack 001: LAC per 10,000 population


def _good_pack(packs) -> bytes:
    """Pack 001 again, reprinted with one figure changed (a corrected re-issue): it publishes,
    and the figure printed differently in the two packs is a cross-pack finding."""
    lines = (packs / "001_b6da0de6cc3fbefc.txt").read_bytes().split(b"\n")
    assert lines[CHANGED_LINE - 1] == b"Stoke on Trent\t117"
    lines[CHANGED_LINE - 1] = b"Stoke on Trent\t118"
    return b"\n".join(lines) + b"\n"


def _work_rowids(warehouse) -> dict[tuple[str, str], dict]:
    """For every pack-incremental model: each pack's (count, min rowid, max rowid)."""
    from dagster_project.transform import per_pack_relations

    con = duckdb.connect(str(settings.work_db(warehouse)), read_only=True)
    try:
        out = {}
        for schema, table in per_pack_relations(con):
            rows = con.execute(
                f"select pack_id, count(*), min(rowid), max(rowid) from {schema}.{table} group by 1"
            ).fetchall()
            out[(schema, table)] = {r[0]: r[1:] for r in rows}
        return out
    finally:
        con.close()


def _pack_ids(warehouse) -> dict[str, str]:
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        return dict(con.execute("select file_name, pack_id from provenance.pack_files").fetchall())
    finally:
        con.close()


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    root = tmp_path_factory.mktemp("pack_incremental")
    warehouse, packs = copy_of_shared_build(tmp_path_factory, root)
    before = published_rows(warehouse, FACT_TABLES)
    rowids_before = _work_rowids(warehouse)
    alerts_before = len(read_alerts(warehouse))
    (packs / BAD).write_bytes(_bad_pack(packs))
    (packs / GOOD).write_bytes(_good_pack(packs))
    with WebhookReceiver() as receiver:
        result = run_build(packs, warehouse, extra_env={"ALERT_WEBHOOK_URL": receiver.url})
    return {
        "root": root,
        "packs": packs,
        "warehouse": warehouse,
        "result": result,
        "before": before,
        "rowids_before": rowids_before,
        "rowids_after": _work_rowids(warehouse),
        "new_alerts": read_alerts(warehouse)[alerts_before:],
        "webhook": receiver.bodies,
    }


def test_the_bad_pack_alone_is_quarantined_by_its_fact_gate(scenario):
    result = scenario["result"]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    summary = read_summary(scenario["warehouse"])
    assert summary["published"] is True
    assert summary["packs_quarantined"] == [BAD]
    bad = next(f for f in summary["files"] if f["file"] == BAD)
    assert bad["message"].startswith("fact gate:")
    assert GOOD in summary["packs_loaded"]
    assert _published_facts_of(scenario["warehouse"], BAD) == 0


def test_a_copied_warehouse_parses_nothing(scenario):
    """The scenario's warehouse is a copy of the session's build in another folder, so its
    working DB has another path. dbt's parse state used to record that path, and the first dbt
    command of a copied or moved warehouse parsed the whole project again; the project's dbt
    leaves it out (warehouse/dbt_cli.py): the build asked for no parse, and its dbt commands
    found nothing to parse."""
    log = server_log(scenario["warehouse"]).read_text(encoding="utf-8")
    served = [json.loads(line) for line in log.splitlines()]
    assert [entry["args"][0] for entry in served] == ["build", "build"]
    invocations = dbt_log_invocations(scenario["warehouse"])[-2:]
    assert [entry["pid"] for entry in invocations] == [entry["pid"] for entry in served]
    for entry in invocations:
        assert "PartialParsingSkipParsing" in entry["events"]
        assert "UnableToPartialParse" not in entry["events"]


def _published_facts_of(warehouse, file_name: str) -> int:
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        return con.execute(
            "select count(*) from bi.fact_citations where file_name = ?", [file_name]
        ).fetchone()[0]
    finally:
        con.close()


def test_the_alert_names_file_sha256_expectations_and_printed_lines(scenario):
    alerts = [
        a for a in scenario["new_alerts"] if a.get("file_name") == BAD and a.get("gate") == "fact"
    ]
    assert len(alerts) == 1, scenario["new_alerts"]
    alert = alerts[0]
    sha = __import__("hashlib").sha256((scenario["packs"] / BAD).read_bytes()).hexdigest()
    assert alert["sha256"] == sha and alert["pack_id"] == sha[:16]
    assert {"part_within_whole", "count_not_negative"} <= set(alert["expectations"])
    assert {line["line"] for line in alert["lines"]} == {BAD_LINE}
    webhook = [b["alert"] for b in scenario["webhook"] if b["alert"].get("file_name") == BAD]
    assert webhook and webhook[0]["alert_id"] == alert["alert_id"]


def test_the_quarantined_facts_are_kept_for_inspection(scenario):
    con = duckdb.connect(str(settings.work_db(scenario["warehouse"])), read_only=True)
    try:
        upheld = con.execute(
            "select value from quarantine.fct_complaints where source_line = ? "
            "and measure = 'complaints_upheld' and value_text = '9 (30U & 2PU)'",
            [BAD_LINE],
        ).fetchall()
        in_raw = con.execute("select count(*) from raw.packs where file_name = ?", [BAD])
        assert in_raw.fetchone()[0] == 0
        kept = con.execute(
            "select count(*) from quarantine.lines l join quarantine.packs p "
            "using (pack_id) where p.file_name = ?",
            [BAD],
        )
        assert kept.fetchone()[0] > 2000
    finally:
        con.close()
    assert upheld == [(30.0,)]


def test_the_good_pack_is_published_and_every_other_fact_unchanged(scenario):
    after = published_rows(scenario["warehouse"], FACT_TABLES)
    good_pack = _pack_ids(scenario["warehouse"])[GOOD]
    for table in FACT_TABLES:
        others = [row for row in after[table] if good_pack not in row]
        assert others == scenario["before"][table], table
    assert _published_facts_of(scenario["warehouse"], GOOD) > 0
    assert _published_facts_of(scenario["warehouse"], GOOD) == _published_facts_of(
        scenario["warehouse"], "001_b6da0de6cc3fbefc.txt"
    )


def _conflicts(warehouse) -> list[tuple]:
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        return con.execute(
            "select pack_id, related_pack_id, source_lines, related_source_lines, "
            "observed_value, expected_value from marts.dq_findings "
            "where check_name = 'same_figure_differs_between_packs'"
        ).fetchall()
    finally:
        con.close()


def test_a_figure_the_new_pack_prints_differently_is_a_cross_pack_finding(scenario):
    """The conflicts between packs are pack-incremental (models/cross_pack): the new pack's
    pairs with the packs already published are computed, on the later pack of each pair."""
    ids = _pack_ids(scenario["warehouse"])
    (conflict,) = _conflicts(scenario["warehouse"])
    pair = {conflict[0]: conflict[4], conflict[1]: conflict[5]}
    assert pair == {ids[GOOD]: 118.0, ids["001_b6da0de6cc3fbefc.txt"]: 117.0}
    assert conflict[2:4] == (str(CHANGED_LINE), str(CHANGED_LINE))


def test_only_the_new_packs_rows_were_transformed(scenario):
    """Rows of packs already loaded keep their row ids in every pack-incremental model: dbt
    neither deleted nor rewrote them; the new pack's rows were appended."""
    before, after = scenario["rowids_before"], scenario["rowids_after"]
    good_pack = _pack_ids(scenario["warehouse"])[GOOD]
    assert len(after) >= 20
    for relation, packs in before.items():
        for pack_id, stats in packs.items():
            assert after[relation][pack_id] == stats, (relation, pack_id)
    new_rows = [packs[good_pack] for packs in after.values() if good_pack in packs]
    assert len(new_rows) >= 10


def test_an_increment_builds_no_seed_and_no_view_its_tests_do_not_read(scenario):
    """The seeds and views change only with the dbt project (any change to it is a full
    refresh): the first build made them, an incremental publish leaves them out of both of its
    dbt invocations, except the view whose dbt test reports the new rows' cross-pack
    conflicts."""
    chunks = json.loads(
        (settings.build_dir(scenario["warehouse"]) / settings.TRANSFORM_CHUNKS_NAME).read_text()
    )
    invocations = dbt_log_invocations(scenario["warehouse"])
    order = [entry["invocation_id"] for entry in invocations]
    pack_step = order.index(chunks[0]["dbt_invocation_id"])
    first_build = set().union(*(entry["nodes"] for entry in invocations[:pack_step]))
    increment = set().union(*(entry["nodes"] for entry in invocations[pack_step:]))
    prefix = "model.council_papers."
    for node in ("seed.council_papers.council_aliases", prefix + "stg_lines", prefix + "bi_facts"):
        assert node in first_build and node not in increment, node
    assert not any(node.startswith("seed.") for node in increment)
    for node in ("fct_complaints", "int_facts", "dim_council", "int_dq_cross_pack_conflicts"):
        assert prefix + node in increment, node
    tests = [n for n in increment if n.startswith("test.council_papers.no_rows_int_dq_cross_pack")]
    assert tests, "the no_rows test of int_dq_cross_pack_conflicts"


def _dq_test_packs(warehouse) -> tuple[set[str], set[str]]:
    """(packs in the stored failures of the dbt tests of the int_dq_* models, packs in those
    models' rows)."""
    con = duckdb.connect(str(settings.work_db(warehouse)), read_only=True)
    try:
        stored, findings = set(), set()
        for (table,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'dq' "
            "and table_name like 'no_rows_int_dq_%'"
        ).fetchall():
            model = table.removeprefix("no_rows_").rstrip("_")
            stored |= {r[0] for r in con.execute(f"select pack_id from dq.{table}").fetchall()}
            findings |= {
                r[0] for r in con.execute(f"select pack_id from intermediate.{model}").fetchall()
            }
        return stored, findings
    finally:
        con.close()


def test_the_dbt_tests_of_an_increment_read_only_its_packs_rows(scenario):
    """A row-by-row dbt test of a pack model reads the rows of the packs the publish
    transformed (macros/test_scope.sql): the findings it stores (schema dq) are the new packs',
    although the int_dq_* models hold findings of packs loaded before."""
    old_packs = {p for packs in scenario["rowids_before"].values() for p in packs}
    stored, findings = _dq_test_packs(scenario["warehouse"])
    assert stored, "the new good pack prints findings of its own (a copy of pack 001)"
    assert not stored & old_packs
    assert findings & old_packs


def test_a_full_refresh_publishes_the_same_rows(scenario):
    full = copy_warehouse(scenario["warehouse"], scenario["root"] / "full_refresh")
    result = run_build(scenario["packs"], full, extra_env={"COUNCIL_FULL_REFRESH": "1"})
    assert result.returncode == 0, result.stdout[-4000:]
    assert json.loads((full / "summary.json").read_text())["published"] is True
    incremental = published_rows(scenario["warehouse"], (*FACT_TABLES, "dq_findings"))
    refreshed = published_rows(full, (*FACT_TABLES, "dq_findings"))
    for table, rows in incremental.items():
        assert rows == refreshed[table], table
    # a full refresh tests every row: the stored findings are every pack's again
    stored, findings = _dq_test_packs(full)
    assert findings <= stored


def test_a_deleted_pack_file_loses_its_facts_at_the_next_build(scenario):
    warehouse = copy_warehouse(scenario["warehouse"], scenario["root"] / "after_delete")
    packs = shutil.copytree(scenario["packs"], scenario["root"] / "packs_after_delete")
    good_pack = _pack_ids(warehouse)[GOOD]
    os.remove(packs / GOOD)
    result = run_build(packs, warehouse)
    assert result.returncode == 0, result.stdout[-4000:]
    assert GOOD in read_summary(warehouse)["packs_removed"]
    rows = published_rows(warehouse, FACT_TABLES)
    assert not any(good_pack in row for table in FACT_TABLES for row in rows[table])
    for table in FACT_TABLES:
        assert rows[table] == scenario["before"][table], table
    assert _conflicts(warehouse) == []  # the pair it was part of went with it
