"""A compact Dagster logger for ``make warehouse``: prints each step as it starts.

Used only when a run's config asks for it (``{"loggers": {"progress": {...}}}``), so runs
launched from the UI keep Dagster's usual console logger.
"""

from __future__ import annotations

import logging
import sys

from dagster import Field, logger

STEP_NAMES = {
    "stage__pack": "extract",
    "stage__pack_pack_gate": "gate",
    "promote_pack": "promote",
    "dbt_pack_models": "dbt (queued packs)",
    "fact_gate": "fact gate",
    "dbt_warehouse_models": "dbt (dimensions, findings)",
    "warehouse_gate": "warehouse gate",
    "published_warehouse": "publish",
}


def step_label(step_key: str) -> str:
    if step_key in STEP_NAMES:
        return STEP_NAMES[step_key]
    if step_key.startswith("published_warehouse_"):
        return "check " + step_key.removeprefix("published_warehouse_").replace("_", " ")
    return step_key


class _ProgressHandler(logging.Handler):
    def __init__(self, prefix: str, stream) -> None:
        super().__init__(logging.DEBUG)
        self.prefix = prefix
        self.stream = stream
        self.started = False

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None:
            return
        if event.event_type_value == "STEP_START":
            label = step_label(event.step_key or "")
            self.stream.write(f"{' /' if self.started else ''} {label}")
            self.started = True
            self.stream.flush()
        elif event.event_type_value == "STEP_FAILURE":
            self.stream.write(" ✗")
            self.stream.flush()


@logger(
    config_schema={"prefix": Field(str, is_required=False, default_value="")},
    description="Prints the steps of a run on one line as they start (for make warehouse).",
)
def progress_logger(init_context):
    prefix = init_context.logger_config["prefix"]
    log = logging.getLogger(f"council.progress.{init_context.run_id}")
    log.setLevel(logging.DEBUG)
    log.propagate = False
    log.handlers = [_ProgressHandler(prefix, sys.stdout)]
    return log
