"""The warm dbt server (dagster_project/dbt_server.py) and its client (dbt_client.py).

`make warehouse` runs its dbt commands through a server that imported dbt once: each command is
a child forked from it, handed the client's stdin, stdout and stderr. These tests run real dbt
commands over the real project through it, next to the real `dbt` executable.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from dagster_project import dbt_client, dbt_server
from dagster_project.dbt_warmup import server_log, warm_dbt_beside, write_client
from warehouse import settings

REAL_DBT = str(Path(sys.executable).with_name("dbt"))


def _dbt_env(warehouse: Path) -> dict[str, str]:
    return settings.dbt_env(
        settings.work_db(warehouse),
        DBT_TARGET_PATH=str(settings.dbt_target_dir(warehouse)),
        DBT_LOG_PATH=str(settings.dbt_target_dir(warehouse)),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )


def _run(executable: str, args: list[str], warehouse: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [executable, *args],
        cwd=settings.DBT_PROJECT_DIR,
        env=_dbt_env(warehouse),
        capture_output=True,
        text=True,
        timeout=300,
    )


LONG_QUERY = [
    "show",
    "--profiles-dir",
    str(settings.DBT_PROFILES_DIR),
    "--inline",
    "select sum(a.range * b.range) as n from range(100000000) a, range(100000000) b",
]
"""A dbt command that runs for hours: a stand-in for a long `dbt build`."""


def _stop_a_long_query(client: str, server: int, warehouse: Path) -> tuple[int, int]:
    """Start LONG_QUERY through the client, SIGTERM the client once the server has forked its
    dbt child: the client's exit status and the child's pid."""
    process = subprocess.Popen(
        [client, *LONG_QUERY],
        cwd=settings.DBT_PROJECT_DIR,
        env=_dbt_env(warehouse),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children = Path(f"/proc/{server}/task/{server}/children")
    deadline = time.monotonic() + 120
    while not children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.05)
    (child,) = (int(pid) for pid in children.read_text().split())
    time.sleep(1.0)  # into dbt's own start
    process.terminate()
    return process.wait(timeout=60), child


def test_the_server_parses_a_new_warehouse_then_runs_commands_as_dbt_does(tmp_path):
    warehouse = tmp_path / "warehouse"
    ls = ["ls", "--profiles-dir", str(settings.DBT_PROFILES_DIR), "--select", "dim_council"]
    ls += ["--resource-type", "model", "--output", "name", "--quiet"]
    with warm_dbt_beside(warehouse) as warm:
        assert warm is not None
        client, server = str(warm.client), warm.server_pid
        socket_path = os.environ[dbt_client.SOCKET_ENV]
        served = _run(client, ls, warehouse)
        wrong = _run(client, ["no-such-command"], warehouse)
        stopped, stopped_child = _stop_a_long_query(client, server, warehouse)
    assert served.returncode == 0, served.stderr
    assert served.stdout.split() == ["dim_council"]
    real_wrong = _run(REAL_DBT, ["no-such-command"], warehouse)
    assert wrong.returncode == real_wrong.returncode == 2  # click's usage error, as dbt's
    assert "No such command 'no-such-command'" in wrong.stderr

    log = [json.loads(line) for line in server_log(warehouse).read_text().splitlines()]
    assert "parse" in log[0]["args"] and log[0]["exit"] == 0  # a new warehouse: parsed first
    assert (settings.dbt_target_dir(warehouse) / "partial_parse.msgpack").exists()
    assert [entry["args"] for entry in log[1:]] == [ls, ["no-such-command"], LONG_QUERY]
    assert [entry["exit"] for entry in log[1:]] == [0, 2, -signal.SIGTERM]
    # dagster-dbt stopping "dbt" (its client) stopped the dbt child the server forked for it
    assert stopped == 128 + signal.SIGTERM and log[3]["pid"] == stopped_child
    assert not Path(f"/proc/{stopped_child}").exists()
    assert not Path(f"/proc/{server}").exists()  # stopped with the block
    assert not Path(socket_path).parent.exists()
    assert dbt_client.SOCKET_ENV not in os.environ


def test_the_client_runs_the_real_dbt_when_no_server_answers(tmp_path):
    client = write_client(tmp_path)
    env = {
        **os.environ,
        dbt_client.SOCKET_ENV: str(tmp_path / "nobody.sock"),
        dbt_client.REAL_DBT_ENV: REAL_DBT,
    }
    done = subprocess.run(
        [str(client), "--help"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: dbt" in done.stdout


SLEEPER = """
import signal, time
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
print("up", flush=True)
time.sleep(60)
"""


def test_a_dbt_child_is_stopped_when_its_client_hangs_up():
    """A client that dies (dagster-dbt's step killed) must not leave its dbt writing the
    database: the server stops the child."""
    # it takes SIGTERM as a dbt child does (run_child resets it), whatever signal state it
    # inherits from this test process (CI saw a plain sleeper outlive the SIGTERM and exit 0),
    # and it is signalled only once it runs its own code
    sleeper = subprocess.Popen([sys.executable, "-c", SLEEPER], stdout=subprocess.PIPE, text=True)
    assert sleeper.stdout.readline().strip() == "up"
    server_end, client_end = socket.socketpair()  # stands in for a dbt child's client
    client_end.close()
    started = time.monotonic()
    code = dbt_server.wait_child(sleeper.pid, server_end, os.getppid())
    sleeper.returncode = code  # wait_child reaped it
    server_end.close()
    assert code == -signal.SIGTERM
    assert time.monotonic() - started < 10


def _wait_for_the_first_parse(warehouse: Path) -> None:
    log, deadline = server_log(warehouse), time.monotonic() + 120
    while not (log.exists() and log.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)


def test_stopping_the_server_mid_command_stops_and_records_that_command(tmp_path):
    """The build ends (the server gets SIGTERM) while a client's dbt still runs: the child is
    stopped, the client hears how it ended, and the server's log keeps the command's line
    before the server exits (CI once lost that line to a stop racing the log write)."""
    warehouse = tmp_path / "warehouse"
    with warm_dbt_beside(warehouse) as warm:
        assert warm is not None
        client, server = str(warm.client), warm.server_pid
        _wait_for_the_first_parse(warehouse)  # its child is not the one this test stops
        process = subprocess.Popen(
            [client, *LONG_QUERY],
            cwd=settings.DBT_PROJECT_DIR,
            env=_dbt_env(warehouse),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        children = Path(f"/proc/{server}/task/{server}/children")
        deadline = time.monotonic() + 120
        while not children.read_text().split() and time.monotonic() < deadline:
            time.sleep(0.05)
        (child,) = (int(pid) for pid in children.read_text().split())
        time.sleep(1.0)  # into dbt's own start
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert not Path(f"/proc/{child}").exists() and not Path(f"/proc/{server}").exists()
    log = [json.loads(line) for line in server_log(warehouse).read_text().splitlines()]
    assert [(entry["args"], entry["exit"], entry["pid"]) for entry in log[1:]] == [
        (LONG_QUERY, -signal.SIGTERM, child)
    ]
