"""``dagster dev`` serves the UI for this project, and its GraphQL API returns the asset graph."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 240

ASSET_GRAPH_QUERY = """
{
  assetNodes {
    assetKey { path }
    groupName
    isPartitioned
    dependencyKeys { path }
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } }
  }
}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


@pytest.fixture
def dagster_dev(tmp_path):
    from dagster_project.home import ensure_dagster_home

    port = _free_port()
    home = tmp_path / "dagster_home"
    ensure_dagster_home(home)
    (tmp_path / "packs").mkdir()  # an empty folder: the sensors find nothing to run
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DAGSTER_")},
        "DAGSTER_HOME": str(home),
        "WAREHOUSE_DIR": str(tmp_path / "warehouse"),
        "PACKS_DIR": str(tmp_path / "packs"),
    }
    log = (tmp_path / "dagster_dev.log").open("w")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("dagster")),
            "dev",
            "-m",
            "dagster_project.definitions",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            if _get(f"http://127.0.0.1:{port}/server_info"):
                # the code location loads in the background: wait for its assets
                nodes = _graphql(port, "{ assetNodes { id } }").get("data", {}).get("assetNodes")
                if nodes:
                    break
            time.sleep(1)
        else:
            pytest.fail(
                "dagster dev did not become ready: "
                + (tmp_path / "dagster_dev.log").read_text()[-3000:]
            )
        if process.poll() is not None:
            pytest.fail("dagster dev exited: " + (tmp_path / "dagster_dev.log").read_text()[-3000:])
        yield port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
        log.close()


def test_the_ui_serves_the_asset_graph(dagster_dev):
    port = dagster_dev
    page = _get(f"http://127.0.0.1:{port}/")
    assert page and b"<html" in page.lower()
    result = _graphql(port, ASSET_GRAPH_QUERY)
    assert "errors" not in result, result
    nodes = {"/".join(n["assetKey"]["path"]): n for n in result["data"]["assetNodes"]}
    for key in ("pack_file", "stage/pack", "raw/pack", "published_warehouse"):
        assert key in nodes, key
    assert nodes["stage/pack"]["isPartitioned"] and nodes["raw/pack"]["isPartitioned"]
    assert not nodes["published_warehouse"]["isPartitioned"]
    assert {n["groupName"] for n in nodes.values()} >= {"ingest", "gates", "transform", "publish"}
    assert any(k.startswith("marts/fct_") for k in nodes)
    staging = [n for k, n in nodes.items() if k.startswith("staging/")]
    raw_pack = {"path": ["raw", "pack"]}
    assert staging and all(raw_pack in n["dependencyKeys"] for n in staging)
    gate = nodes["stage/pack"]["assetChecksOrError"]["checks"]
    assert {"name": "pack_gate", "blocking": True} in gate


SENSOR_TICKS_QUERY = """
{
  repositoriesOrError {
    ... on RepositoryConnection {
      nodes { sensors { name sensorState { ticks(limit: 5) { status skipReason } } } }
    }
  }
  runsOrError { ... on Runs { results { runId jobName } } }
}
"""


def _processes() -> dict[int, tuple[str, int, int]]:
    """pid -> (state, parent pid, session id) of every process."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(entry.name)] = (fields[0], int(fields[1]), int(fields[3]))
    return out


def _session_members(session_ids: set[int]) -> set[int]:
    """Live processes whose session is one of these."""
    return {
        pid
        for pid, (state, _, session) in _processes().items()
        if session in session_ids and state != "Z"
    }


def test_make_ui_on_an_up_to_date_warehouse_starts_no_run_and_stops_clean(tmp_path_factory):
    """`make ui` (python -m dagster_project.ui) over a built warehouse: the sensors tick and
    skip, no run starts; Ctrl-C leaves no process of it behind."""
    from dagster_project.testing import copy_warehouse, shared_build

    shared = shared_build(tmp_path_factory)
    assert shared["result"].returncode == 0
    root = tmp_path_factory.mktemp("make_ui")
    warehouse = copy_warehouse(shared["warehouse"], root / "warehouse")
    from dagster_project.testing import dagster_instance

    with dagster_instance(warehouse) as instance:
        runs_before = {run.run_id for run in instance.get_runs()}  # the build's own runs
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAGSTER_")}
    log = (root / "ui.log").open("w")
    ui = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dagster_project.ui",
            "--warehouse",
            str(warehouse),
            "--packs",
            str(shared["packs"]),
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        ticked = None
        while time.monotonic() < deadline and ui.poll() is None:
            if _get(f"http://127.0.0.1:{port}/server_info"):
                data = _graphql(port, SENSOR_TICKS_QUERY).get("data") or {}
                repos = (data.get("repositoriesOrError") or {}).get("nodes") or []
                sensors = {s["name"]: s for r in repos for s in r["sensors"]}
                ticks = (sensors.get("publish_sensor") or {}).get("sensorState", {}).get("ticks")
                # a tick still being evaluated is STARTED: its outcome (and any run it asks
                # for) is known once it has finished
                if ticks and all(t["status"] != "STARTED" for t in ticks):
                    ticked = (ticks, data["runsOrError"]["results"])
                    break
            time.sleep(2)
        assert ticked, (root / "ui.log").read_text()[-3000:]
        ticks, runs = ticked
        assert {r["runId"] for r in runs} == runs_before  # nothing to do: no new run
        assert {t["status"] for t in ticks} == {"SKIPPED"}
        assert "up to date" in ticks[0]["skipReason"]
        # the wrapper's session and that of dagster dev, its child (a session of its own)
        children = {pid for pid, info in _processes().items() if info[1] == ui.pid}
        sessions = {ui.pid, *children}
        started = _session_members(sessions)
        assert len(started) >= 5, started  # the wrapper, dagster dev, its servers and daemon
    finally:
        ui.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            ui.wait(timeout=90)
        finally:
            log.close()
    time.sleep(1)
    assert not _session_members(sessions), (root / "ui.log").read_text()[-3000:]
