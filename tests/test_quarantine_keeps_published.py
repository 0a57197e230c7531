"""A bad pack added to a published warehouse is quarantined and changes nothing readers see.

Starting from a published warehouse of the bundled packs, one build adds two files to the
folder: a copy of pack 001 whose only meeting-date line was blanked, and a re-issue of pack 001
with a complaints table whose quarters do not add up to the year (test_findings_alert.py reads
its alert). The blanked pack fails its blocking ``meeting_date_present`` expectation: it is
quarantined with a report, an alert names it and the expectation, and every fact and dimension
in the published file answers exactly as it did before, but for the re-issue's own rows.

The build is made once per test run (``two_packs_added``), for both modules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.testing import (
    WebhookReceiver,
    completed_process,
    completed_process_record,
    copy_of_shared_build,
    once_per_test_run,
    published_rows,
    read_alerts,
    read_summary,
    run_build,
    shared_build,
)

BAD_NAME = "001_meeting_date_removed.txt"
REISSUE_NAME = "005_reissue_with_complaints.txt"
REISSUE_SUPPLEMENT = [
    "",
    "Appendix A: Complaints and compliments 2016/17",
    "",
    "The table below shows the complaints received by Children's Services in 2016/17 by quarter.",
    "",
    "\tQuarter 1\tQuarter 2\tQuarter 3\tQuarter 4\tYear End Totals",
    "Children's Social Care\t10\t12\t9\t11\t40",
    "Early Help for Children\t2\t1\t0\t1\t4",
]
MART_TABLES = (
    "dim_pack",
    "dim_meeting",
    "dim_document",
    "fct_waiting_times",
    "fct_complaints",
    "fct_decisions",
    "fct_placements",
    "dq_findings",
)


def _pack_without_meeting_date(source: Path) -> bytes:
    lines = source.read_bytes().split(b"\n")
    assert lines[2].startswith(b"Date of Meeting")  # the only line printing the date
    lines[2] = b""
    return b"\n".join(lines)


def _make_two_packs_added(tmp_path_factory, folder: Path) -> dict:
    warehouse, packs = copy_of_shared_build(tmp_path_factory, folder)
    pack_001 = next(packs.glob("001_*.txt"))
    (packs / BAD_NAME).write_bytes(_pack_without_meeting_date(pack_001))
    source = pack_001.read_text(encoding="utf-8")
    (packs / REISSUE_NAME).write_text(
        source + "\n" + "\n".join(REISSUE_SUPPLEMENT) + "\n", encoding="utf-8"
    )
    alerts_before = len(read_alerts(warehouse))
    with WebhookReceiver() as receiver:
        result = run_build(packs, warehouse, extra_env={"ALERT_WEBHOOK_URL": receiver.url})
    return {
        "warehouse": str(warehouse),
        "packs": str(packs),
        "result": completed_process_record(result),
        "alerts_before": alerts_before,
        "webhook": receiver.bodies,
    }


def two_packs_added(tmp_path_factory) -> dict:
    """The build adding the blanked pack and the re-issue to a copy of the session's build:
    its warehouse and packs folder, its process, the alerts it wrote and posted."""
    record = once_per_test_run(
        tmp_path_factory,
        "two_packs_added",
        lambda folder: _make_two_packs_added(tmp_path_factory, folder),
    )
    warehouse = Path(record["warehouse"])
    return {
        "warehouse": warehouse,
        "packs": Path(record["packs"]),
        "result": completed_process(record["result"]),
        "new_alerts": read_alerts(warehouse)[record["alerts_before"] :],
        "webhook": record["webhook"],
    }


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    shared = shared_build(tmp_path_factory)
    built = two_packs_added(tmp_path_factory)
    return {
        **built,
        "before": published_rows(shared["warehouse"], MART_TABLES),
        "after": published_rows(built["warehouse"], MART_TABLES),
        "reissue_pack_id": _pack_id(built["warehouse"], REISSUE_NAME),
    }


def _pack_id(warehouse: Path, file_name: str) -> str:
    import duckdb

    from warehouse import settings

    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        (pack_id,) = con.execute(
            "select pack_id from provenance.pack_files where file_name = ?", [file_name]
        ).fetchone()
        return pack_id
    finally:
        con.close()


def test_the_build_completes_and_reports_the_quarantine(rebuilt):
    result = rebuilt["result"]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    summary = read_summary(rebuilt["warehouse"])
    assert BAD_NAME in summary["packs_quarantined"]
    assert REISSUE_NAME not in summary["packs_quarantined"]
    assert summary["published"] is True
    assert (rebuilt["warehouse"] / "quarantine" / f"{BAD_NAME}.json").exists()


def _without_pack(rows: list[tuple], pack_id: str) -> list[tuple]:
    """The rows that are not the pack's, with the pack left out of any list of packs (a
    meeting's packs)."""
    return [
        tuple(
            [v for v in value if v != pack_id] if isinstance(value, list) else value
            for value in row
        )
        for row in rows
        if pack_id not in row
    ]


def test_published_facts_are_exactly_as_before(rebuilt):
    """Every row of every mart, but for the re-issue's own rows (its pack, documents, facts and
    findings, its id among its meeting's packs): the quarantined pack left nothing."""
    assert rebuilt["before"]["fct_complaints"]  # the comparison is over real facts
    reissue = rebuilt["reissue_pack_id"]
    for table in MART_TABLES:
        assert _without_pack(rebuilt["after"][table], reissue) == rebuilt["before"][table], table
    assert any(reissue in row for row in rebuilt["after"]["fct_complaints"])


def test_an_alert_names_the_pack_and_the_failing_expectation(rebuilt):
    alerts = [a for a in rebuilt["new_alerts"] if a.get("file_name") == BAD_NAME]
    assert alerts, rebuilt["new_alerts"]
    failing = {f["expectation"] for a in alerts for f in a.get("failures", [])}
    assert "meeting_date_present" in failing
