"""What a publish costs must not grow with what did not change.

The new-findings alert of a publish compares the findings of the file it replaces with the new
file's: it keeps the old file's finding ids only and leaves the known findings out in DuckDB,
which must announce exactly what comparing every finding in Python announced.
"""

from __future__ import annotations

import duckdb

from expectations.alerts import (
    findings_alert,
    new_findings_alert,
    published_finding_ids,
    published_findings,
)


def _published(path, findings: list[tuple]) -> None:
    """A published file's dq_findings and packs (the columns the alert reads)."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts; create schema provenance")
    con.execute("create table provenance.packs (pack_id varchar, file_name varchar)")
    con.execute("insert into provenance.packs values ('a', 'a.txt'), ('b', 'b.txt')")
    con.execute(
        "create table marts.dq_findings (finding_id varchar, pack_id varchar, "
        "check_name varchar, severity varchar, source_lines varchar, detail varchar, "
        "related_pack_id varchar, related_source_lines varchar)"
    )
    con.executemany("insert into marts.dq_findings values (?, ?, ?, ?, ?, ?, ?, ?)", findings)
    con.close()


OLD = [
    ("f1", "a", "quarters_sum_to_year_total", "warning", "10", "q at 10", None, None),
    ("f2", "a", "shares_sum_to_100", "info", "12", "s at 12", None, None),
]
NEW = [
    *OLD[:1],  # f2 is gone, f1 is kept: neither is announced
    ("f3", "b", "same_figure_differs_between_packs", "error", "22", "d at 22", "a", "24"),
    ("f4", "b", "shares_sum_to_100", "info", "7", "s at 7", None, None),
    ("f5", "a", "quarters_sum_to_year_total", "warning", "10", "another at 10", None, None),
]


def test_known_findings_left_out_in_duckdb_announce_what_python_did(tmp_path):
    old, new = tmp_path / "old.duckdb", tmp_path / "new.duckdb"
    _published(old, OLD)
    _published(new, NEW)
    ids = published_finding_ids(old)
    assert ids == {"f1", "f2"}
    in_sql = findings_alert(published_findings(new, except_ids=ids))
    in_python = new_findings_alert(published_findings(old), published_findings(new))
    in_sql.pop("at"), in_python.pop("at")
    assert in_sql == in_python
    assert in_sql["finding_count"] == 3
    assert [p["file_name"] for p in in_sql["packs"]] == ["a.txt", "b.txt"]
    assert [f["finding_id"] for f in in_sql["packs"][1]["findings"]] == ["f3", "f4"]
    assert in_sql["packs"][1]["findings"][0]["related_file_name"] == "a.txt"


def test_no_previous_file_announces_every_finding(tmp_path):
    new = tmp_path / "new.duckdb"
    _published(new, NEW)
    assert published_finding_ids(tmp_path / "none.duckdb") is None
    assert findings_alert(published_findings(new, except_ids=set()))["finding_count"] == 4
    assert findings_alert(published_findings(new, except_ids=set(r[0] for r in NEW))) is None


def test_a_first_build_with_many_findings_counts_them_all_and_lists_the_most_severe(tmp_path):
    """A first build of a large warehouse has millions of findings: its alert counts every one
    (by pack, in DuckDB) and lists only MAX_FINDINGS_IN_ALERT, the errors first."""
    from expectations.alerts import (
        MAX_FINDINGS_IN_ALERT,
        published_finding_counts,
        send_new_findings_alert,
        snapshot_finding_ids,
    )

    many = [
        (f"w{i:04d}", "a", "quarters_sum_to_year_total", "warning", str(i), f"w at {i}", None, None)
        for i in range(MAX_FINDINGS_IN_ALERT + 50)
    ] + [("e1", "b", "same_figure_differs_between_packs", "error", "9", "d at 9", "a", "3")]
    new = tmp_path / "new.duckdb"
    _published(new, many)
    alert = send_new_findings_alert(None, new, tmp_path)
    assert alert["finding_count"] == MAX_FINDINGS_IN_ALERT + 51 and alert["pack_count"] == 2
    assert alert["findings_listed"] == MAX_FINDINGS_IN_ALERT
    assert alert["severity"] == "error"
    by_pack = {p["file_name"]: p for p in alert["packs"]}
    assert by_pack["b.txt"]["findings"][0]["finding_id"] == "e1"  # the error is listed
    assert by_pack["a.txt"]["finding_count"] == MAX_FINDINGS_IN_ALERT + 50
    assert len(by_pack["a.txt"]["findings"]) == MAX_FINDINGS_IN_ALERT - 1
    assert "a.txt (250)" in alert["message"] and "b.txt (1)" in alert["message"]
    # the ids kept before a swap, as a Parquet file: nothing is new against itself
    ids = snapshot_finding_ids(new, tmp_path / "ids.parquet")
    count = duckdb.connect().execute(f"select count(*) from read_parquet('{ids}')").fetchone()
    assert count[0] == len(many)
    assert published_finding_counts(new, except_ids=ids) == []
    assert send_new_findings_alert(ids, new, tmp_path) is None
    assert snapshot_finding_ids(tmp_path / "none.duckdb", tmp_path / "x.parquet") is None
