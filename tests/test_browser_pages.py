"""The pages people open, in a real headless Chromium: the data-quality page and the data
catalogue from disk with no network, and the Dagster UI of a built warehouse.

One build of the bundled packs plus a corrupted pack (quarantined) and a binary one (refused)
is shared with the other build tests (dagster_project.testing.shared_build)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dagster_project.testing import BUNDLED_PACKS, CORRUPTED_NAME, copy_warehouse, shared_build
from expectations import _gx
from tests.browser import chromium_path, open_page

pytestmark = pytest.mark.skipif(
    chromium_path() is None and not os.environ.get("CI"),
    reason="chromium is not installed on this machine (apt-get install chromium; .ci/run "
    "installs it, so CI runs these tests)",
)
READY_TIMEOUT = 240


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = shared_build(tmp_path_factory)
    assert build["result"].returncode == 0, build["result"].stdout[-4000:]
    return build


def _no_network_requests(page) -> list[str]:
    """Resources the page asked for over http(s) (a CDN, say): none for an offline page."""
    return page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.startsWith('http'))"
    )


def test_data_quality_page_offline_shows_the_latest_validation_of_every_suite(built, tmp_path):
    index = built["warehouse"] / "data_docs" / "index.html"
    with open_page(offline=True) as page:
        page.goto(index.as_uri())
        text = page.wait_for_text("Latest validation of every suite", "Packs under quarantine")
        page.screenshot(tmp_path / "data_quality.png")
        rows = page.evaluate(
            "[...document.querySelectorAll('#suites tbody tr')].map(r => r.innerText)"
        )
        assert _no_network_requests(page) == []
        styled = page.evaluate("getComputedStyle(document.querySelector('.badge')).backgroundColor")
    suites = _gx.all_suite_names()
    assert len(rows) == len(suites) == 25  # dim_pack: one suite, checked per pack and whole
    for suite, row in zip(suites, rows, strict=True):
        assert row.startswith(suite), row
        assert "not validated yet" not in row, row  # every suite ran in this build
    warehouse_rows = [r for r in rows if r.startswith("warehouse.")]
    assert warehouse_rows and all("the warehouse" in r for r in warehouse_rows)
    fact_rows = [r for r in rows if r.startswith("facts.")]
    assert len(fact_rows) == 5 and all("just transformed" in r for r in fact_rows)
    pack_rows = [r for r in rows if r.startswith("pack_")]
    assert all(re.search(r"\bpack \S+\.txt\b", r) for r in pack_rows), pack_rows
    # the corrupted pack (years 201x printed as 181x) is quarantined, with the reason
    quarantine = text.split("Packs under quarantine", 1)[1].split("Expectations, suite by suite")[0]
    assert CORRUPTED_NAME in quarantine and "meeting_date" in quarantine
    assert styled not in ("", "rgba(0, 0, 0, 0)")  # the inline styles applied


def test_data_catalogue_offline_shows_models_columns_and_lineage(built, tmp_path):
    index = built["warehouse"] / "catalog" / "index.html"
    assert (index.parent / "manifest.json").exists() and (index.parent / "catalog.json").exists()
    with open_page(offline=True) as page:
        page.goto(index.as_uri() + "#!/model/model.council_papers.dim_council")
        text = page.wait_for_text("dim_council", "council_type", "predecessor_gss_codes")
        assert "Every English council" in text
        page.screenshot(tmp_path / "catalog_dim_council.png")
        # a BI view is a dbt model: its page has its columns and lists the marts it reads
        page.goto(index.as_uri() + "#!/model/model.council_papers.bi_national_comparisons")
        text = page.wait_for_text("national_comparisons", "national_period", "dim_measure")
        page.screenshot(tmp_path / "catalog_bi_model.png")
        # and the raw sources are there, at the start of the lineage
        page.goto(index.as_uri() + "#!/source/source.council_papers.raw.lines")
        page.wait_for_text("lines", "raw")
        assert _no_network_requests(page) == []


# --------------------------------------------------------------------------- the Dagster UI


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def dagster_ui(built, tmp_path_factory):
    """dagster-webserver over the build's instance ($WAREHOUSE/dagster_home), in a copy of the
    shared build (the webserver writes to its instance while other workers copy the build)."""
    port = _free_port()
    warehouse = copy_warehouse(built["warehouse"], tmp_path_factory.mktemp("ui") / "warehouse")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAGSTER_")}
    env.update(
        DAGSTER_HOME=str(warehouse / "dagster_home"),
        WAREHOUSE_DIR=str(warehouse),
        PACKS_DIR=str(built["packs"]),
    )
    log_path = tmp_path_factory.mktemp("webserver") / "webserver.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("dagster-webserver")), "-m"]
        + ["dagster_project.definitions", "-h", "127.0.0.1", "-p", str(port)],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline and process.poll() is None:
            if _asset_nodes(port):
                break
            time.sleep(1)
        else:
            pytest.fail("dagster-webserver did not start: " + log_path.read_text()[-3000:])
        yield f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
        log.close()


def _asset_nodes(port: int) -> list:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": "{ assetNodes { id } }"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read()).get("data", {}).get("assetNodes") or []
    except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
        return []


def test_dagster_ui_shows_every_pack_partition(dagster_ui, built, tmp_path):
    bundled = sorted(p.name for p in BUNDLED_PACKS.glob("*.txt"))
    with open_page() as page:
        page.goto(f"{dagster_ui}/assets/raw/pack?view=partitions")
        text = page.wait_for_text("Partitions", *bundled, CORRUPTED_NAME, timeout=120)
        page.screenshot(tmp_path / "dagster_partitions.png")
    # one partition per file; the bundled packs were promoted into raw.*, the corrupted pack
    # (stopped by its gate) and the binary file (refused) were not
    assert f"Materialized ({len(bundled)})" in text


def test_dagster_ui_shows_the_pack_gate_check_results(dagster_ui, tmp_path):
    with open_page() as page:
        page.goto(f"{dagster_ui}/assets/stage/pack?view=checks")
        page.wait_for_text("pack_gate", "This is a blocking asset check", "Execution history")
        clicked = page.evaluate(
            "(() => { const tab = [...document.querySelectorAll('button, a, [role=tab]')]"
            ".find(e => e.innerText.trim() === 'Execution history');"
            " if (tab) { tab.click(); return true; } return false; })()"
        )
        assert clicked
        page.wait_for_text("Evaluation result", CORRUPTED_NAME, timeout=120)
        rows = page.evaluate("[...document.querySelectorAll('tbody tr')].map(r => r.innerText)")
        page.screenshot(tmp_path / "dagster_check_history.png")
    # one evaluation per pack: the corrupted pack's gate failed, the bundled packs' passed
    outcomes = {}
    for row in rows:
        name = re.search(r"\S+\.txt", row)
        outcome = re.search(r"\b(Passed|Failed)\b", row)
        if name and outcome:
            outcomes.setdefault(name.group(0), outcome.group(1))  # newest first
    assert outcomes.get(CORRUPTED_NAME) == "Failed", rows
    for pack in BUNDLED_PACKS.glob("*.txt"):
        assert outcomes.get(pack.name) == "Passed", (pack.name, rows)
    # the published warehouse's own checks are on its page
    with open_page() as page:
        page.goto(f"{dagster_ui}/assets/published_warehouse?view=checks")
        page.wait_for_text("published_counts_consistent", "published_columns_described")
