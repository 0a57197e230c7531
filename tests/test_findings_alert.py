"""Findings reach people: each publish sends one data-quality alert (alerts.jsonl and the webhook)
listing the findings new since the last publish, by pack, with their lines and explanation.

The end-to-end test adds a pack whose numbers contradict themselves to a published warehouse (a
re-issue of pack 001 for the same meeting, with a complaints table whose quarters do not add up
to the year) and reads the one alert the build sends, in alerts.jsonl and at a loopback webhook.
The same build adds a pack the pack gate quarantines (test_quarantine_keeps_published.py): it
has no findings to announce.
"""

from __future__ import annotations

import duckdb

from expectations.alerts import alert_text, new_findings_alert, published_findings
from tests.test_quarantine_keeps_published import REISSUE_NAME, two_packs_added
from warehouse import settings


def finding(pack: str, check: str, severity: str, lines: str, **extra) -> dict:
    return {
        "finding_id": f"{pack}-{check}-{lines}",
        "pack_id": pack,
        "file_name": f"{pack}.txt",
        "check_name": check,
        "severity": severity,
        "source_lines": lines,
        "detail": f"{check} at {lines}",
        **extra,
    }


# --------------------------------------------------------------------------- the alert itself


def test_only_findings_new_since_the_last_publish_are_announced():
    old = [finding("a", "quarters_sum_to_year_total", "warning", "10")]
    current = old + [
        finding("b", "shares_sum_to_100", "info", "7"),
        finding("b", "same_figure_printed_with_different_values", "error", "3,9"),
    ]
    alert = new_findings_alert(old, current)
    assert alert["kind"] == "new_findings" and alert["finding_count"] == 2
    assert alert["severity"] == "error"  # as severe as its most severe finding
    assert [p["file_name"] for p in alert["packs"]] == ["b.txt"]
    assert [f["lines"] for f in alert["packs"][0]["findings"]] == ["3,9", "7"]  # errors first
    text = alert_text(alert)
    assert "`b.txt` (2 new)" in text and "lines 3,9" in text
    assert "same_figure_printed_with_different_values at 3,9" in text
    assert new_findings_alert(current, current) is None
    first = new_findings_alert(None, current)  # no warehouse before: everything is new
    assert first["finding_count"] == 3 and len(first["packs"]) == 2


def test_a_disagreement_between_packs_names_the_other_pack():
    current = [
        finding(
            "b",
            "same_figure_differs_between_packs",
            "error",
            "22",
            related_file_name="a.txt",
            related_source_lines="24",
        )
    ]
    text = alert_text(new_findings_alert([], current))
    assert "lines 22 (and `a.txt` lines 24)" in text


def test_no_published_file_means_no_previous_findings(tmp_path):
    assert published_findings(settings.published_db(tmp_path)) is None


# --------------------------------------------------------------------------- end to end


def test_a_new_inconsistent_pack_is_announced_in_one_alert(tmp_path_factory):
    built = two_packs_added(tmp_path_factory)
    warehouse, packs = built["warehouse"], built["packs"]
    new_pack = packs / REISSUE_NAME
    printed = new_pack.read_text(encoding="utf-8").splitlines()
    bad_line = printed.index("Children's Social Care\t10\t12\t9\t11\t40") + 1
    result = built["result"]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    sent = [a for a in built["new_alerts"] if a.get("kind") == "new_findings"]
    assert len(sent) == 1
    alert = sent[0]
    assert [p["file_name"] for p in alert["packs"]] == [new_pack.name]
    findings = alert["packs"][0]["findings"]
    quarters = [f for f in findings if f["check_name"] == "quarters_sum_to_year_total"]
    assert [f["lines"] for f in quarters] == [str(bad_line)]
    assert "add up to 42" in quarters[0]["detail"] and "40" in quarters[0]["detail"]
    assert quarters[0]["printed_lines"] == [
        f"line {bad_line}: Children's Social Care | 10 | 12 | 9 | 11 | 40"
    ]
    posted = [b for b in built["webhook"] if b["alert"]["kind"] == "new_findings"]
    assert len(posted) == 1
    assert new_pack.name in posted[0]["text"] and f"lines {bad_line}" in posted[0]["text"]

    # the re-issued figures of pack 001 are one figure, printed twice, not two rows
    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        blackpool = con.execute(
            "select value, printings, printings_agree from bi.children_looked_after "
            "where council_name = 'Blackpool Borough Council' and measure = 'cla_rate_per_10000' "
            "and as_of_date = date '2017-03-31'"
        ).fetchall()
    finally:
        con.close()
    assert blackpool == [(163, 2, True)]
