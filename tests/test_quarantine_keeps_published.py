"""A bad pack added to a published warehouse is quarantined and changes nothing readers see.

Starting from a published warehouse of the bundled packs, a copy of pack 001 whose only
meeting-date line was blanked is dropped into the packs folder and the build re-runs. The
pack fails its blocking ``meeting_date_present`` expectation: it is quarantined with a report,
an alert names it and the expectation, and every fact and dimension in the published file
answers exactly as it did before.
"""

from __future__ import annotations

import pytest

from dagster_project.testing import (
    bundled_pack_files,
    copy_warehouse,
    make_packs_folder,
    published_rows,
    read_alerts,
    read_summary,
    run_build,
    shared_build,
)

BAD_NAME = "001_meeting_date_removed.txt"
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


def _pack_without_meeting_date() -> bytes:
    source = next(p for p in bundled_pack_files() if p.name.startswith("001_"))
    lines = source.read_bytes().split(b"\n")
    assert lines[2].startswith(b"Date of Meeting")  # the only line printing the date
    lines[2] = b""
    return b"\n".join(lines)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-4000:]
    root = tmp_path_factory.mktemp("quarantine_keeps_published")
    warehouse = copy_warehouse(shared["warehouse"], root / "warehouse")
    packs = make_packs_folder(root / "packs")
    before = published_rows(warehouse, MART_TABLES)
    alerts_before = len(read_alerts(warehouse))
    (packs / BAD_NAME).write_bytes(_pack_without_meeting_date())
    result = run_build(packs, warehouse)
    return {
        "warehouse": warehouse,
        "result": result,
        "before": before,
        "after": published_rows(warehouse, MART_TABLES),
        "new_alerts": read_alerts(warehouse)[alerts_before:],
    }


def test_the_build_completes_and_reports_the_quarantine(rebuilt):
    result = rebuilt["result"]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    summary = read_summary(rebuilt["warehouse"])
    assert BAD_NAME in summary["packs_quarantined"]
    assert summary["published"] is True
    assert (rebuilt["warehouse"] / "quarantine" / f"{BAD_NAME}.json").exists()


def test_published_facts_are_exactly_as_before(rebuilt):
    assert rebuilt["before"]["fct_complaints"]  # the comparison is over real facts
    for table in MART_TABLES:
        assert rebuilt["after"][table] == rebuilt["before"][table], table


def test_an_alert_names_the_pack_and_the_failing_expectation(rebuilt):
    alerts = [a for a in rebuilt["new_alerts"] if a.get("file_name") == BAD_NAME]
    assert alerts, rebuilt["new_alerts"]
    failing = {f["expectation"] for a in alerts for f in a.get("failures", [])}
    assert "meeting_date_present" in failing
