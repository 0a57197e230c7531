"""``make ui``: the Dagster UI (``dagster dev``) for this project's warehouse, stopped cleanly.

    python -m dagster_project.ui --warehouse warehouse --packs data/packs [--port 3000]

``dagster dev`` starts a webserver, a daemon and code servers, and the daemon launches runs as
processes of their own. Ctrl-C (or SIGTERM) asks ``dagster dev`` to stop, waits for it, and then
stops whatever of its process group is still alive, so nothing is left behind. The sensors
follow the same plan as ``make warehouse``: on an up-to-date warehouse they start no run.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from warehouse import settings

STOP_GRACE_SECONDS = 20


def dagster_dev_command(host: str, port: int) -> list[str]:
    dagster = Path(sys.executable).with_name("dagster")
    return [str(dagster), "dev", "-m", "dagster_project.definitions", "-h", host, "-p", str(port)]


def ui_environment(warehouse: Path, packs: Path) -> dict[str, str]:
    from dagster_project.home import EVENT_BATCH_ENV, ensure_dagster_home

    home = settings.dagster_home(warehouse)
    ensure_dagster_home(home)
    return {
        **EVENT_BATCH_ENV,  # unless this process's environment says otherwise
        **settings.dbt_env(settings.work_db(warehouse)),
        settings.DAGSTER_HOME_ENV: str(home),
        settings.WAREHOUSE_DIR_ENV: str(warehouse),
        settings.PACKS_DIR_ENV: str(packs),
    }


def stop_group(process: subprocess.Popen, grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGINT to the whole group (what Ctrl-C would send), then SIGTERM, then SIGKILL to
    whatever is left of it."""
    group = process.pid  # the child leads its own session and process group
    for sig, wait in ((signal.SIGINT, grace), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if process.poll() is not None and not _group_alive(group):
                return
            time.sleep(0.2)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouse", default=str(settings.warehouse_dir()))
    parser.add_argument("--packs", default=str(settings.packs_dir()))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000)
    args = parser.parse_args(argv)
    warehouse = Path(args.warehouse).resolve()
    packs = Path(args.packs).resolve()
    process = subprocess.Popen(
        dagster_dev_command(args.host, args.port),
        env=ui_environment(warehouse, packs),
        start_new_session=True,
    )
    stopping = False

    def _stop(signum, frame):  # noqa: ARG001 - signal handler signature
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    print(f"Dagster UI on http://{args.host}:{args.port} (Ctrl-C to stop)", flush=True)
    while process.poll() is None and not stopping:
        time.sleep(0.2)
    stop_group(process)
    return 0 if stopping else (process.returncode or 0)


if __name__ == "__main__":
    sys.exit(main())
