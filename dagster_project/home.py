"""Prepare $DAGSTER_HOME for this project (``python -m dagster_project.home --warehouse DIR``).

Writes ``dagster.yaml`` if there is none (or one an older version of this module wrote): runs
are queued and started one at a time, and ops that write the working DB share a pool of one slot,
because DuckDB allows one writing process. Storage is the default layout of SQLite files under
$DAGSTER_HOME; the event log's connections are kept open between events
(``dagster_project/event_log_storage.py``). A ``dagster.yaml`` someone else wrote is left alone.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from warehouse import settings

WRITTEN_BY = "# Written by dagster_project/home.py."
DAGSTER_YAML = f"""\
{WRITTEN_BY} The working DuckDB database has one writer, so runs
# start one at a time and the ops that write it share a single slot.
event_log_storage:  # Dagster's SQLite event log, its connections kept open between events
  module: dagster_project.event_log_storage
  class: PooledSqliteEventLogStorage
  config:
    dagster_home:
      env: DAGSTER_HOME
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    default_limit: 1
run_monitoring:
  enabled: true   # a crashed run is marked failed and frees its slot
telemetry:
  enabled: false
"""

EVENT_BATCH_ENV = {"DAGSTER_EVENT_BATCH_SIZE": "1000"}
"""Set for every Dagster process of this project (``make warehouse``, ``make ui``): Dagster then
sends a run's planned materialisations, and the materialisations of a step's partitions, to the
event log as batches, which ``PooledSqliteEventLogStorage`` writes in one transaction."""


def ensure_dagster_home(dagster_home: Path | str) -> Path:
    home = Path(dagster_home)
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    try:
        current = config.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = None
    if current is None or (current.startswith(WRITTEN_BY) and current != DAGSTER_YAML):
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouse", default=str(settings.warehouse_dir()))
    args = parser.parse_args(argv)
    home = str(settings.dagster_home(Path(args.warehouse).resolve()))
    print(ensure_dagster_home(home))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
