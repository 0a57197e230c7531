"""Helpers for the tests: pack folders made from the bundled packs, and builds in subprocesses.

A build runs ``python -m dagster_project.build`` in its own process (its own env, DuckDB and
Dagster instance), as ``make warehouse`` does.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

from warehouse import settings

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_PACKS = REPO_ROOT / "data" / "packs"
CORRUPTED_NAME = "001_corrupted_dates.txt"
BINARY_NAME = "009_binary.txt"
BUILD_TIMEOUT = 1200


def bundled_pack_files() -> list[Path]:
    return sorted(BUNDLED_PACKS.glob("*.txt"))


def corrupted_pack_bytes() -> bytes:
    """A real pack whose years were rewritten 201x -> 181x: it parses, and fails its gate
    (meeting date implausibly old)."""
    source = next(p for p in bundled_pack_files() if p.name.startswith("001_"))
    return re.sub(rb"20(1\d)", rb"18\1", source.read_bytes())


def make_packs_folder(folder: Path, *, corrupted: bool = False, binary: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in bundled_pack_files():
        shutil.copy(path, folder / path.name)
    if corrupted:
        (folder / CORRUPTED_NAME).write_bytes(corrupted_pack_bytes())
    if binary:
        (folder / BINARY_NAME).write_bytes(b"\x00\x01\x02 not a pack " * 64)
    return folder


def build_env(warehouse: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "COUNCIL_"))}
    env.pop(settings.WAREHOUSE_DIR_ENV, None)
    env.pop(settings.PACKS_DIR_ENV, None)
    env[settings.DAGSTER_HOME_ENV] = str(warehouse / settings.DAGSTER_HOME_NAME)
    env.update(extra or {})
    return env


def build_command(packs: Path, warehouse: Path, *options: str) -> list[str]:
    """``make warehouse``'s command line for these folders."""
    return [
        sys.executable,
        "-m",
        "dagster_project.build",
        "--packs",
        str(packs),
        "--warehouse",
        str(warehouse),
        *options,
    ]


def run_build(
    packs: Path,
    warehouse: Path,
    *options: str,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    return subprocess.run(
        build_command(packs, warehouse, *options),
        cwd=REPO_ROOT,
        env=build_env(warehouse, extra_env),
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )


def read_summary(warehouse: Path) -> dict[str, Any]:
    return json.loads((warehouse / "summary.json").read_text(encoding="utf-8"))


def read_alerts(warehouse: Path) -> list[dict[str, Any]]:
    path = warehouse / "alerts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def published_rows(warehouse: Path, tables: tuple[str, ...]) -> dict[str, list]:
    """Every row of these marts in the published file, sorted: what readers would see."""
    import duckdb

    con = duckdb.connect(str(settings.published_db(warehouse)), read_only=True)
    try:
        return {
            table: sorted(con.execute(f"select * from marts.{table}").fetchall(), key=repr)
            for table in tables
        }
    finally:
        con.close()


DBT_COMMANDS = ("build", "parse", "run", "test", "seed", "compile", "docs")


def dbt_log_invocations(warehouse: Path) -> list[dict[str, Any]]:
    """Each dbt invocation in the warehouse's dbt log (JSON lines), in order: its id, its
    command (`build`, `parse`), its process id, the names of its events and the nodes it
    finished. dbt rotates
    its log at 10 MB into dbt.log.1, .2, ... (the highest number the oldest)."""
    target = settings.dbt_target_dir(warehouse)
    rotated = sorted(target.glob("dbt.log.*"), key=lambda path: -int(path.suffix[1:]))
    invocations: dict[str, dict[str, Any]] = {}
    for path in [*rotated, target / "dbt.log"]:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("{"):
                continue
            event = json.loads(line)
            info = event["info"]
            invocation_id = info["invocation_id"]
            entry = invocations.setdefault(
                invocation_id,
                {
                    "invocation_id": invocation_id,
                    "command": "",
                    "pid": info.get("pid"),
                    "events": set(),
                    "nodes": set(),
                },
            )
            entry["events"].add(info["name"])
            if info["name"] == "MainReportArgs":
                words = event["data"]["args"].get("invocation_command", "").split()
                entry["command"] = next((w for w in words if w in DBT_COMMANDS), "")
            elif info["name"] == "NodeFinished":
                entry["nodes"].add(event["data"]["node_info"]["unique_id"])
    return list(invocations.values())


@contextlib.contextmanager
def dagster_instance(warehouse: Path):
    """The Dagster instance a build recorded its runs in ($WAREHOUSE/dagster_home)."""
    from dagster import DagsterInstance

    previous = os.environ.get(settings.DAGSTER_HOME_ENV)
    os.environ[settings.DAGSTER_HOME_ENV] = str(warehouse / settings.DAGSTER_HOME_NAME)
    try:
        with DagsterInstance.get() as instance:
            yield instance
    finally:
        if previous is None:
            os.environ.pop(settings.DAGSTER_HOME_ENV, None)
        else:
            os.environ[settings.DAGSTER_HOME_ENV] = previous


def copy_warehouse(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("*.tmp", "*.wal"))
    return dest


_SHARED: dict[str, Any] = {}


def once_per_test_run(tmp_root_factory, name: str, make: Callable[[Path], dict]) -> dict:
    """``make(folder)``'s record (a JSON-able dict), made once for the whole pytest run.

    Under pytest-xdist every worker is its own process with its own session fixtures; the
    first worker to ask makes the record in the run's shared temporary folder, holding a lock,
    and the others wait for it and read it. A failed ``make`` leaves no record: the next asker
    tries again (and fails the same way, in its own test).
    """
    root = tmp_root_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder = root / name
    with (root / f"{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = folder / "record.json"
        if not record.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            record.write_text(json.dumps(make(folder)), encoding="utf-8")
        return json.loads(record.read_text(encoding="utf-8"))


def completed_process_record(result: subprocess.CompletedProcess) -> dict[str, Any]:
    return {k: getattr(result, k) for k in ("args", "returncode", "stdout", "stderr")}


def completed_process(record: dict[str, Any]) -> subprocess.CompletedProcess:
    return subprocess.CompletedProcess(**record)


def shared_build(tmp_root_factory) -> dict[str, Any]:
    """One build per test run of the bundled packs plus a corrupted and a binary pack, shared
    by every xdist worker (``once_per_test_run``).

    ``tmp_root_factory`` is pytest's ``tmp_path_factory``. Tests must not change it, nor run
    anything that writes into it (a Dagster webserver on its instance): they work on a
    ``copy_warehouse`` of it.
    """
    if "build" not in _SHARED:
        record = once_per_test_run(tmp_root_factory, "shared_build", _make_shared_build)
        root = Path(record["root"])
        _SHARED["build"] = {
            "root": root,
            "packs": root / "packs",
            "warehouse": root / "warehouse",
            "result": completed_process(record["result"]),
            "summary": record["summary"],
        }
    return _SHARED["build"]


def copy_of_shared_build(tmp_root_factory, root: Path) -> tuple[Path, Path]:
    """(warehouse, packs): copies of the shared build's warehouse and packs folder under `root`,
    to change and build again while the shared build stays as it is."""
    shared = shared_build(tmp_root_factory)
    assert shared["result"].returncode == 0, shared["result"].stdout[-4000:]
    warehouse = copy_warehouse(shared["warehouse"], root / "warehouse")
    packs = Path(shutil.copytree(shared["packs"], root / "packs"))
    return warehouse, packs


def _make_shared_build(root: Path) -> dict[str, Any]:
    packs = make_packs_folder(root / "packs", corrupted=True, binary=True)
    warehouse = root / "warehouse"
    result = run_build(packs, warehouse)
    return {
        "root": str(root),
        "result": completed_process_record(result),
        "summary": read_summary(warehouse) if (warehouse / "summary.json").exists() else {},
    }


class WebhookReceiver:
    """A webhook receiver on 127.0.0.1 (ephemeral port) recording every POSTed JSON body."""

    def __init__(self, status: int = 200):
        self.bodies: list[dict] = []
        self.requests = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server API)
                receiver.requests += 1
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if status == 200:
                    receiver.bodies.append(json.loads(body))
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/secret-token"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
