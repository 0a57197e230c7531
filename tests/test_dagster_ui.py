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
    for key in ("pack_file", "stage/pack", "raw/packs", "raw/lines", "published_warehouse"):
        assert key in nodes, key
    assert nodes["stage/pack"]["isPartitioned"] and nodes["raw/packs"]["isPartitioned"]
    assert not nodes["published_warehouse"]["isPartitioned"]
    assert {n["groupName"] for n in nodes.values()} >= {"ingest", "gates", "transform", "publish"}
    assert any(k.startswith("marts/fct_") for k in nodes)
    staging = [n for k, n in nodes.items() if k.startswith("staging/")]
    assert staging and all(any(d["path"][0] == "raw" for d in n["dependencyKeys"]) for n in staging)
    gate = nodes["stage/pack"]["assetChecksOrError"]["checks"]
    assert {"name": "pack_gate", "blocking": True} in gate
