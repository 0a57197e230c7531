"""Send pipeline alerts to the data-quality alert channel (``expectations.alerts.send_alert``).

Alerting must never break a run: delivery problems are logged, not raised.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def send(kind: str, warehouse_dir: Path | str, *, severity: str = "error", **fields: Any) -> dict:
    """Build an alert dict and hand it to the alert channel; returns the alert."""
    alert = {
        "kind": kind,
        "severity": severity,
        "source": "dagster",
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **fields,
    }
    alert = json.loads(json.dumps(alert, default=str))
    try:
        from expectations.alerts import send_alert

        send_alert(alert, Path(warehouse_dir))
    except Exception:  # the alert channel must not fail the pipeline
        log.exception("could not send alert %s", kind)
        try:
            path = Path(warehouse_dir) / "alerts.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(alert) + "\n")
        except OSError:
            log.exception("could not write alert %s to alerts.jsonl", kind)
    return alert
