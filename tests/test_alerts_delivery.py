"""Alerts: alerts.jsonl always, a Slack-compatible webhook when configured, and a webhook that
is down never fails the load."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from dagster_project.testing import WebhookReceiver as Receiver
from expectations.alerts import build_alert, send_alert, unseen

PACK = {"file_name": "broken_001.txt", "pack_id": "0123456789abcdef", "sha256": "ab" * 32}
FAILURE = {
    "suite": "pack_packs",
    "expectation": "meeting_date_present",
    "severity": "blocking",
    "column": "meeting_date",
    "note": "Metadata present.",
    "unexpected_count": 1,
    "sample": [{"value": None, "line": 3}],
}


def _closed_port_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here any more
    return f"http://127.0.0.1:{port}/hooks/secret-token"


def _records(warehouse: Path) -> list[dict]:
    path = warehouse / "alerts.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(autouse=True)
def no_env_webhook(monkeypatch):
    monkeypatch.delenv("ALERT_WEBHOOK_URL", raising=False)


def _alert() -> dict:
    return build_alert(
        "pack_quarantined",
        pack=PACK,
        gate_result={"failures": [FAILURE], "subject": PACK, "run_id": "r1"},
        warehouse_dir="/wh",
    )


def test_build_alert_names_pack_suite_expectation_values_and_where_to_look():
    alert = _alert()
    assert alert["kind"] == "pack_quarantined"
    assert alert["file_name"] == PACK["file_name"] and alert["sha256"] == PACK["sha256"]
    assert alert["suites"] == ["pack_packs"]
    assert alert["failures"][0]["expectation"] == "meeting_date_present"
    assert alert["failures"][0]["sample"] == [{"value": None, "line": 3}]
    assert "/wh/quarantine/broken_001.txt.json" in alert["where_to_look"]


def test_alert_is_appended_to_jsonl_without_webhook(tmp_path):
    outcome = send_alert(_alert(), tmp_path)
    assert outcome["webhook"] == "not_configured"
    records = _records(tmp_path)
    assert len(records) == 1
    assert records[0]["file_name"] == PACK["file_name"]
    assert records[0]["failures"][0]["expectation"] == "meeting_date_present"
    send_alert(_alert(), tmp_path)
    assert len(_records(tmp_path)) == 2  # appended, one JSON object per line


def test_webhook_receiver_gets_the_same_alert(tmp_path, monkeypatch):
    with Receiver() as receiver:
        monkeypatch.setenv("ALERT_WEBHOOK_URL", receiver.url)
        outcome = send_alert(_alert(), tmp_path)
    assert outcome["webhook"] == "delivered"
    assert len(receiver.bodies) == 1
    body = receiver.bodies[0]
    recorded = _records(tmp_path)
    assert len(recorded) == 1
    assert body["alert"] == recorded[0]  # the very alert written to alerts.jsonl
    assert "broken_001.txt" in body["text"] and "meeting_date_present" in body["text"]
    assert body["blocks"][0]["type"] == "section"


def test_webhook_down_still_completes_and_records_the_failure(tmp_path):
    url = _closed_port_url()
    started = time.perf_counter()
    outcome = send_alert(_alert(), tmp_path, webhook_url=url, attempts=3, backoff=0.05)
    assert time.perf_counter() - started < 10
    assert outcome["webhook"] == "failed" and outcome["attempts"] == 3
    records = _records(tmp_path)
    assert [r["kind"] for r in records] == ["pack_quarantined", "alert_delivery_failed"]
    failed = records[1]
    assert failed["alert_id"] == records[0]["alert_id"]
    assert failed["attempts"] == 3 and failed["error"]
    assert "secret-token" not in json.dumps(failed)  # webhook secrets are not written out


def test_webhook_server_error_is_retried_then_recorded(tmp_path):
    with Receiver(status=500) as receiver:
        outcome = send_alert(_alert(), tmp_path, webhook_url=receiver.url, attempts=2, backoff=0.01)
    assert receiver.requests == 2
    assert outcome["webhook"] == "failed"
    assert _records(tmp_path)[-1]["kind"] == "alert_delivery_failed"


def test_send_alert_never_raises(tmp_path):
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    outcome = send_alert(_alert(), blocker, webhook_url="not a url", attempts=1)
    assert outcome["jsonl"] is None  # alerts.jsonl could not be written: logged, not raised


def test_quarantined_pack_alert_end_to_end(tmp_path):
    """A corrupted pack fails its gate; the alert reaches alerts.jsonl and the webhook."""
    from expectations.gate import validate_pack
    from ingest import store
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack_bytes

    source = Path(__file__).resolve().parents[1] / "data" / "packs" / "001_b6da0de6cc3fbefc.txt"
    lines = source.read_bytes().decode("utf-8").split("\n")
    lines[2] = ""  # the only line printing the meeting date
    name = "broken_" + source.name
    con = store.connect(":memory:")
    pack_id = store.stage_pack(con, pack_frames(parse_pack_bytes(name, "\n".join(lines).encode())))
    result = validate_pack(store.staged_frames(con, pack_id))
    assert not result.passed
    alert = build_alert("pack_quarantined", gate_result=result, warehouse_dir=tmp_path)
    with Receiver() as receiver:
        send_alert(alert, tmp_path, webhook_url=receiver.url)
    recorded = _records(tmp_path)[0]
    assert recorded["file_name"] == name and recorded["sha256"] == result.subject["sha256"]
    assert "meeting_date_present" in {f["expectation"] for f in recorded["failures"]}
    assert receiver.bodies[0]["alert"]["alert_id"] == recorded["alert_id"]


def test_unseen_reports_only_new_warnings(tmp_path):
    first = [{"expectation": "venue_present", "pack_id": "a"}]
    assert unseen(first, tmp_path) == first
    assert unseen(first, tmp_path) == []
    second = [*first, {"expectation": "venue_present", "pack_id": "b"}]
    assert unseen(second, tmp_path) == [second[1]]
