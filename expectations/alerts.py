"""The one alert module: every alert is built and sent here. Alerts are always appended to
`<warehouse>/alerts.jsonl`, and POSTed as a Slack-compatible JSON webhook when
`ALERT_WEBHOOK_URL` (or `webhook_url`) is set.

Delivery never raises: a webhook that is down is retried briefly, then a record
`{"kind": "alert_delivery_failed", ...}` is appended to alerts.jsonl next to the alert.

Alerts built here:
* `build_alert`: a gate failure (`pack_quarantined`, `mart_gate_failed`) with its expectations;
* `event_alert` / `send_event`: a pipeline event (`pack_unreadable`, `step_failed`, `run_failed`,
  `pack_file_removed`, ...) - what ``dagster_project.alerting.send`` sends;
* `new_findings_alert` / `send_new_findings_alert`: the data-quality findings (marts.dq_findings)
  that are new since the last publish, by pack, with their lines - sent by every publish.

Stdlib only (urllib; duckdb is imported only to read findings); cheap to import.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warehouse import settings

log = logging.getLogger(__name__)

ALERTS_FILE = "alerts.jsonl"
WEBHOOK_ENV = "ALERT_WEBHOOK_URL"
TIMEOUT_S = 3.0
ATTEMPTS = 3
BACKOFF_S = 0.5  # 0.5 s, then 1 s between attempts
SAMPLE_PER_FAILURE = 3
MAX_FAILURES = 20

KINDS = {
    "pack_quarantined": "error",
    "mart_gate_failed": "error",
    "new_findings": "warning",
}
MAX_FINDINGS_IN_TEXT = 30
MAX_FINDINGS_IN_ALERT = 200  # listed in one alert; all are counted
MAX_PACKS_IN_MESSAGE = 20  # named in its one-line message


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _append(path: Path, record: dict) -> None:
    """Append one JSON line; an exclusive lock keeps lines whole across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    with path.open("a", encoding="utf-8") as out:
        try:
            import fcntl

            fcntl.flock(out.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):  # not POSIX: a single write of one line still appends
            pass
        out.write(line)
        out.flush()


def _redact(url: str) -> str:
    """Webhook URLs carry their secret in the path: record only scheme, host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/…" if parts.netloc else "<invalid url>"


def send_alert(
    alert: dict,
    warehouse_dir: str | os.PathLike,
    webhook_url: str | None = None,
    *,
    attempts: int = ATTEMPTS,
    timeout: float = TIMEOUT_S,
    backoff: float = BACKOFF_S,
) -> dict:
    """Record an alert and deliver it. Never raises.

    Returns the delivery outcome: `{"alert_id", "jsonl", "webhook": "not_configured" |
    "delivered" | "failed", "attempts", "error"}`.
    """
    outcome: dict[str, Any] = {"alert_id": None, "jsonl": None, "webhook": "not_configured"}
    try:
        alert = dict(alert)
        alert.setdefault("alert_id", uuid.uuid4().hex)
        alert.setdefault("at", _now())
        alert = json.loads(json.dumps(alert, ensure_ascii=False, default=str))
        outcome["alert_id"] = alert["alert_id"]
        path = Path(warehouse_dir) / ALERTS_FILE
        try:
            _append(path, alert)
            outcome["jsonl"] = str(path)
        except OSError as error:
            log.error("could not append alert %s to %s: %s", alert["alert_id"], path, error)
        url = webhook_url or os.environ.get(WEBHOOK_ENV) or None
        if not url:
            return outcome
        delivered, tries, error = _post(url, slack_payload(alert), attempts, timeout, backoff)
        outcome.update(webhook="delivered" if delivered else "failed", attempts=tries)
        if not delivered:
            outcome["error"] = error
            record = {
                "kind": "alert_delivery_failed",
                "alert_id": alert["alert_id"],
                "alert_kind": alert.get("kind"),
                "webhook": _redact(url),
                "attempts": tries,
                "error": error,
                "at": _now(),
            }
            log.warning("alert %s not delivered to %s: %s", alert["alert_id"], _redact(url), error)
            with contextlib.suppress(OSError):
                _append(path, record)
    except Exception as error:  # an alert must never fail the load
        log.exception("alert could not be sent")
        outcome["error"] = f"{type(error).__name__}: {error}"
    return outcome


def _post(
    url: str, payload: dict, attempts: int, timeout: float, backoff: float
) -> tuple[bool, int, str | None]:
    body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    error = None
    tries = 0
    for attempt in range(max(attempts, 1)):
        tries = attempt + 1
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read(1024)
                if 200 <= response.status < 300:
                    return True, tries, None
                error = f"HTTP {response.status}"
        except urllib.error.HTTPError as http_error:
            error = f"HTTP {http_error.code} {http_error.reason}"
            if 400 <= http_error.code < 500 and http_error.code not in (408, 429):
                return False, tries, error  # the receiver refuses this payload: retrying is futile
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as net_error:
            reason = getattr(net_error, "reason", net_error)
            error = f"{type(net_error).__name__}: {reason}"
        except ValueError as bad_url:
            return False, tries, f"invalid webhook URL: {bad_url}"
        if attempt + 1 < attempts:
            time.sleep(backoff * (2**attempt))
    return False, tries, error


# --------------------------------------------------------------------------- message


def alert_text(alert: dict) -> str:
    """A short plain-text/mrkdwn summary of an alert (Slack `text`)."""
    kind = alert.get("kind", "alert")
    head = {
        "pack_quarantined": ":no_entry: Pack quarantined",
        "mart_gate_failed": ":x: Mart gate failed, warehouse NOT published",
        "new_findings": ":mag: New data-quality findings",
        "pack_unreadable": ":no_entry: Pack unreadable",
    }.get(kind, f":bell: {kind}")
    pack = alert.get("pack") or {}
    file_name = alert.get("file_name") or pack.get("file_name")
    sha256 = alert.get("sha256") or pack.get("sha256")
    lines = [f"*{head}*"]
    if file_name or sha256:
        lines.append(f"pack `{file_name}` sha256 `{sha256}`")
    if alert.get("message"):
        lines.append(str(alert["message"]))
    suites = alert.get("suites") or sorted(
        {f.get("suite") for f in alert.get("failures") or [] if f.get("suite")}
    )
    if suites:
        lines.append("suite: " + ", ".join(suites))
    for failure in (alert.get("failures") or [])[:10]:
        samples = []
        for item in (failure.get("sample") or [])[:SAMPLE_PER_FAILURE]:
            if isinstance(item, dict):
                where = f" @ line {item['line']}" if item.get("line") is not None else ""
                samples.append(f"{json.dumps(item.get('value', item), default=str)}{where}")
            else:
                samples.append(json.dumps(item, default=str))
        count = failure.get("unexpected_count")
        lines.append(
            f"• `{failure.get('expectation')}` ({failure.get('severity')}, "
            f"{count if count is not None else '?'} unexpected): "
            + ("; ".join(samples) if samples else str(failure.get("note") or ""))
        )
    lines += _findings_text(alert)
    where = alert.get("where_to_look")
    if where:
        lines.append("where to look: " + "; ".join(where if isinstance(where, list) else [where]))
    return "\n".join(lines)


def slack_payload(alert: dict) -> dict:
    text = alert_text(alert)
    return {
        "text": text,
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}],
        "alert": alert,
    }


def build_alert(
    kind: str,
    pack: dict | None = None,
    gate_result: Any = None,
    where_to_look: list[str] | str | None = None,
    *,
    warehouse_dir: str | os.PathLike | None = None,
    message: str | None = None,
    **extra: Any,
) -> dict:
    """An alert for one of the three kinds.

    `pack`: {"file_name", "pack_id", "sha256"} (taken from `gate_result.subject` if omitted);
    `gate_result`: an `expectations.gate.GateResult` (or its `to_dict()`), whose failures are
    listed with a few offending values and their lines (blocking ones first);
    `where_to_look`: defaults by kind (quarantine report, Data Docs, dq mart, ops tables).
    """
    result = gate_result.to_dict() if hasattr(gate_result, "to_dict") else (gate_result or {})
    subject = result.get("subject") or {}
    pack = dict(pack or {k: subject.get(k) for k in ("file_name", "pack_id", "sha256")})
    failures = sorted(
        result.get("failures") or extra.pop("failures", None) or [],
        key=lambda f: f.get("severity") != "blocking",
    )
    listed = [
        {
            "suite": f.get("suite"),
            "expectation": f.get("expectation"),
            "severity": f.get("severity"),
            "column": f.get("column"),
            "unexpected_count": f.get("unexpected_count"),
            "sample": (f.get("sample") or [])[:SAMPLE_PER_FAILURE],
            "note": f.get("note"),
        }
        for f in failures[:MAX_FAILURES]
    ]
    if where_to_look is None:
        where_to_look = _default_where(kind, pack, warehouse_dir)
    if message is None:
        blocking = [f for f in failures if f.get("severity") == "blocking"]
        message = {
            "pack_quarantined": f"{pack.get('file_name')} failed {len(blocking)} blocking "
            "expectation(s) and was quarantined: not promoted to raw; the other packs carried on",
            "mart_gate_failed": f"{len(blocking)} blocking mart expectation(s) failed: the "
            "published warehouse was left exactly as it was",
        }.get(kind, kind)
    alert = {
        "kind": kind,
        "severity": KINDS.get(kind, "error"),
        "at": _now(),
        "message": message,
        "file_name": pack.get("file_name"),
        "pack_id": pack.get("pack_id"),
        "sha256": pack.get("sha256"),
        "pack": pack if any(pack.values()) else None,
        "suites": sorted({f["suite"] for f in listed if f.get("suite")}),
        "failures": listed,
        "failure_count": len(failures),
        "where_to_look": where_to_look,
    }
    if result.get("run_id"):
        alert["gate_run_id"] = result["run_id"]
    alert.update(extra)
    return alert


def _default_where(kind: str, pack: dict, warehouse_dir: Any) -> list[str]:
    root = Path(warehouse_dir) if warehouse_dir else Path("$WAREHOUSE")
    docs = str(root / "data_docs" / "index.html")
    if kind == "pack_quarantined":
        return [
            str(root / "quarantine" / f"{pack.get('file_name')}.json"),
            f"quarantine.* in {settings.work_db(root)} (where pack_id = '{pack.get('pack_id')}')",
            f"ops.gate_results where pack_id = '{pack.get('pack_id')}'",
            docs,
        ]
    if kind == "mart_gate_failed":
        return [docs, "marts.dq_findings", f"marts.* in {settings.work_db(root)}"]
    return ["marts.dq_findings (severity = 'warning')", docs]


# --------------------------------------------------------------------------- pipeline events


def event_alert(
    kind: str, *, severity: str | None = None, source: str = "dagster", **fields
) -> dict:
    """An alert for a pipeline event: its kind, severity (the kind's, else error), source, time
    and the fields given (file_name, pack_id, run_id, message, failures, ...)."""
    alert = {
        "kind": kind,
        "severity": severity or KINDS.get(kind, "error"),
        "source": source,
        "at": _now(),
        **fields,
    }
    return json.loads(json.dumps(alert, ensure_ascii=False, default=str))


def send_event(
    kind: str, warehouse_dir: str | os.PathLike, *, severity: str | None = None, **fields
) -> dict:
    """Build a pipeline-event alert and send it (never raises); returns the alert."""
    alert = event_alert(kind, severity=severity, **fields)
    send_alert(alert, warehouse_dir)
    return alert


# --------------------------------------------------------------------------- new findings

FINDING_COLUMNS = (
    "finding_id",
    "pack_id",
    "check_name",
    "severity",
    "source_lines",
    "printed_lines",
    "measure",
    "period_id",
    "detail",
    "related_pack_id",
    "related_source_lines",
)
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def published_finding_ids(db_path: str | os.PathLike) -> set[str] | None:
    """The finding_ids of a published warehouse (marts.dq_findings), read-only; None when there
    is no published file yet. For small warehouses and tests: a publish keeps them with
    `snapshot_finding_ids` instead (a file, not a Python set of every id)."""
    path = Path(db_path)
    if not path.exists():
        return None
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        if "finding_id" not in _finding_columns(con):
            return set()
        return {r[0] for r in con.execute("SELECT finding_id FROM marts.dq_findings").fetchall()}
    finally:
        con.close()


def snapshot_finding_ids(db_path: str | os.PathLike, dest: str | os.PathLike) -> Path | None:
    """Write the finding_ids of a published warehouse to the Parquet file `dest` (DuckDB writes
    it; no id passes through Python) and return its path; None when there is no published file
    yet. What a publish keeps of the file it replaces to tell which findings are new: a
    10,000-pack warehouse has millions of findings."""
    path = Path(db_path)
    if not path.exists():
        return None
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        if "finding_id" in _finding_columns(con):
            source = "SELECT finding_id FROM marts.dq_findings"
        else:
            source = "SELECT NULL::VARCHAR AS finding_id WHERE false"
        con.execute(f"COPY ({source}) TO '{_sql_path(dest)}' (FORMAT parquet)")
        return Path(dest)
    finally:
        con.close()


def _sql_path(path: str | os.PathLike) -> str:
    return str(path).replace("'", "''")


Known = set[str] | Path | None
"""The finding_ids already announced: a set, a Parquet file of them (`snapshot_finding_ids`),
or None (no warehouse before: every finding is new)."""

SEVERITY_RANK = (
    "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END"
)


@contextlib.contextmanager
def _new_findings_scope(db_path: str | os.PathLike, known: Known):
    """A read-only connection to a published file, the dq_findings columns it has and the WHERE
    clause that leaves the `known` findings out (in DuckDB); None when there is no file."""
    path = Path(db_path)
    if not path.exists():
        yield None
        return
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        names = _finding_columns(con)
        where = ""
        if known is not None and "finding_id" in names:
            if isinstance(known, Path):
                source = f"read_parquet('{_sql_path(known)}')"
            else:
                con.execute(
                    "CREATE TEMP TABLE known_findings AS SELECT unnest(?::VARCHAR[]) AS finding_id",
                    [sorted(known)],
                )
                source = "known_findings"
            where = (
                f"WHERE NOT EXISTS (SELECT 1 FROM {source} AS k "
                "WHERE k.finding_id IS NOT DISTINCT FROM f.finding_id) "
            )
        yield con, names, where
    finally:
        con.close()


def published_findings(
    db_path: str | os.PathLike, *, except_ids: Known = None, limit: int | None = None
) -> list[dict] | None:
    """The findings of a published warehouse (marts.dq_findings, with each pack's file name),
    read-only; None when there is no published file yet. With `except_ids`, only the findings
    whose finding_id is not one of them (left out in DuckDB, not in Python). With `limit`, the
    first `limit` of them, the most severe first."""
    with _new_findings_scope(db_path, except_ids) as scope:
        if scope is None:
            return None
        con, names, where = scope
        if not names:
            return []
        wanted = ", ".join("f." + c for c in FINDING_COLUMNS if c in names)
        related = "f.related_pack_id" if "related_pack_id" in names else "NULL"
        severity_first = f"{SEVERITY_RANK}, " if limit is not None and "severity" in names else ""
        cursor = con.execute(
            f"SELECT {wanted}, p.file_name, r.file_name AS related_file_name "
            "FROM marts.dq_findings AS f "
            "LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id "
            f"LEFT JOIN provenance.packs AS r ON r.pack_id = {related} "
            f"{where}ORDER BY {severity_first}p.file_name, f.source_lines, f.finding_id"
            + (f" LIMIT {int(limit)}" if limit is not None else "")
        )
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        return json.loads(json.dumps(rows, default=str))


def published_finding_counts(
    db_path: str | os.PathLike, *, except_ids: Known = None
) -> list[dict] | None:
    """How many findings of a published warehouse each pack has (`pack_id`, `file_name`,
    `finding_count`, in file-name order), leaving out `except_ids` as `published_findings`
    does; counted in DuckDB. None when there is no published file yet."""
    with _new_findings_scope(db_path, except_ids) as scope:
        if scope is None:
            return None
        con, names, where = scope
        if not names:
            return []
        cursor = con.execute(
            "SELECT f.pack_id, p.file_name, count(*) AS finding_count "
            "FROM marts.dq_findings AS f "
            "LEFT JOIN provenance.packs AS p ON p.pack_id = f.pack_id "
            f"{where}GROUP BY ALL ORDER BY p.file_name, f.pack_id"
        )
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _finding_columns(con) -> set[str]:
    return {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM duckdb_columns() "
            "WHERE schema_name = 'marts' AND table_name = 'dq_findings'"
        ).fetchall()
    }


def new_findings_alert(previous: list[dict] | None, current: list[dict]) -> dict | None:
    """The one data-quality alert of a publish: the findings of `current` (the new warehouse)
    whose finding_id `previous` (the warehouse it replaces; None if there was none) did not have,
    grouped by pack, each with its check, severity, lines and one-line explanation. None when
    nothing is new."""
    known = {f.get("finding_id") for f in previous or []}
    return findings_alert([f for f in current if f.get("finding_id") not in known])


def _severity_first(finding: dict) -> tuple:
    return (
        SEVERITY_ORDER.get(finding.get("severity"), 3),
        finding.get("file_name") or "",
        finding.get("source_lines") or "",
        finding.get("finding_id") or "",
    )


def findings_alert(new: list[dict], pack_counts: list[dict] | None = None) -> dict | None:
    """The alert announcing new findings (since the last publish), None when there are none.

    `new` are the findings to list; `pack_counts` (`published_finding_counts`) how many new
    findings each pack has in all, when `new` lists only some of them. The alert lists at most
    MAX_FINDINGS_IN_ALERT findings, the most severe first (a first build of a large warehouse
    has millions: the rest are in marts.dq_findings), and counts all of them."""
    if pack_counts is None:
        pack_counts = _count_by_pack(new)
    total = sum(c["finding_count"] for c in pack_counts)
    if not total:
        return None
    listed = sorted(new, key=_severity_first)[:MAX_FINDINGS_IN_ALERT]
    counts = {c["pack_id"]: c["finding_count"] for c in pack_counts}
    packs: dict[str, dict] = {}
    for finding in sorted(
        listed, key=lambda f: (f.get("file_name") or "", SEVERITY_ORDER.get(f.get("severity"), 3))
    ):
        pack = packs.setdefault(
            finding.get("pack_id"),
            {
                "file_name": finding.get("file_name"),
                "pack_id": finding.get("pack_id"),
                "finding_count": counts.get(finding.get("pack_id"), 0),
                "findings": [],
            },
        )
        pack["findings"].append(_listed_finding(finding))
    # the alert is as severe as its most severe finding (listed first)
    severity = listed[0].get("severity") if listed else "warning"
    severity = severity if severity in SEVERITY_ORDER else "warning"
    shown = pack_counts[:MAX_PACKS_IN_MESSAGE]
    more = len(pack_counts) - len(shown)
    return {
        "kind": "new_findings",
        "severity": severity,
        "at": _now(),
        "message": f"{total} new data-quality finding(s) since the last publish, in "
        f"{len(pack_counts)} pack(s): "
        + ", ".join(f"{c['file_name']} ({c['finding_count']})" for c in shown)
        + (f" and {more} more pack(s)" if more else ""),
        "finding_count": total,
        "pack_count": len(pack_counts),
        "findings_listed": len(listed),
        "packs": list(packs.values()),
        "where_to_look": [
            "marts.dq_findings (by finding_id)",
            "bi.figures (printings_agree = false)",
        ],
    }


def _count_by_pack(findings: list[dict]) -> list[dict]:
    counts: dict[str, dict] = {}
    for f in findings:
        entry = counts.setdefault(
            f.get("pack_id"),
            {"pack_id": f.get("pack_id"), "file_name": f.get("file_name"), "finding_count": 0},
        )
        entry["finding_count"] += 1
    return sorted(counts.values(), key=lambda c: (c["file_name"] or "", c["pack_id"] or ""))


def _listed_finding(finding: dict) -> dict:
    return {
        "finding_id": finding.get("finding_id"),
        "check_name": finding.get("check_name"),
        "severity": finding.get("severity"),
        "lines": finding.get("source_lines"),
        "printed_lines": finding.get("printed_lines"),
        "measure": finding.get("measure"),
        "period_id": finding.get("period_id"),
        "detail": finding.get("detail"),
        "related_file_name": finding.get("related_file_name"),
        "related_lines": finding.get("related_source_lines"),
    }


def send_new_findings_alert(
    previous_ids: Known,
    new_db: str | os.PathLike,
    warehouse_dir: str | os.PathLike,
    webhook_url: str | None = None,
) -> dict | None:
    """After a publish: send the alert of the findings new in `new_db` (the published file)
    since the file it replaced, whose finding_ids `previous_ids` are (a set or the Parquet file
    `snapshot_finding_ids` wrote before the swap; None when there was none). Counts and the
    listed findings are worked out in DuckDB. Returns the alert, or None when nothing is new.
    Never raises."""
    known = previous_ids if previous_ids is not None else set()
    try:
        counts = published_finding_counts(new_db, except_ids=known) or []
        listed = published_findings(new_db, except_ids=known, limit=MAX_FINDINGS_IN_ALERT) or []
        alert = findings_alert(listed, counts)
    except Exception:  # an alert must never fail the publish
        log.exception("could not work out the new data-quality findings")
        return None
    if alert is not None:
        send_alert(alert, warehouse_dir, webhook_url)
    return alert


def _findings_text(alert: dict) -> list[str]:
    lines: list[str] = []
    shown = 0
    for pack in alert.get("packs") or []:
        count = pack.get("finding_count") or len(pack.get("findings") or [])
        lines.append(f"`{pack.get('file_name')}` ({count} new)")
        for finding in pack.get("findings") or []:
            if shown >= MAX_FINDINGS_IN_TEXT:
                lines.append(
                    f"… and {alert.get('finding_count', 0) - shown} more in marts.dq_findings"
                )
                return lines
            shown += 1
            where = f"lines {finding.get('lines')}"
            if finding.get("related_file_name"):
                where += (
                    f" (and `{finding['related_file_name']}` lines {finding.get('related_lines')})"
                )
            severity, check = finding.get("severity"), finding.get("check_name")
            lines.append(f"• [{severity}] {check}, {where}: {finding.get('detail')}")
    return lines


# --------------------------------------------------------------------------- seen items


def fingerprint(item: dict, fields: list[str] | None = None) -> str:
    picked = {k: item.get(k) for k in fields} if fields else item
    text = json.dumps(picked, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def unseen(
    items: list[dict],
    warehouse_dir: str | os.PathLike,
    *,
    namespace: str = "warnings",
    fields: list[str] | None = None,
    remember: bool = True,
) -> list[dict]:
    """The items (warnings, dq findings) not reported by an earlier run; remembers them.

    State: `<warehouse>/gx/seen_<namespace>.json` (fingerprints of `fields`, or of the whole
    item). Only what is current is kept, so a warning that disappears and comes back is new.
    """
    path = Path(warehouse_dir) / "gx" / f"seen_{namespace}.json"
    try:
        seen = set(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        seen = set()
    prints = [fingerprint(item, fields) for item in items]
    new = [item for item, p in zip(items, prints, strict=True) if p not in seen]
    if remember:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(sorted(set(prints))), encoding="utf-8")
        tmp.replace(path)
    return new
