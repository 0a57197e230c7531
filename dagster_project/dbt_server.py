"""A warm dbt: one process that imports dbt once and forks a child for each dbt command.

Every dbt command is a new Python process that spends some 2 s of one core importing dbt-core
and the DuckDB adapter before it reads the project, and a publish runs at least two (the pack
step, the cross-pack step). ``make warehouse`` starts this server as it begins (dbt_warmup.py),
so dbt is imported on the other core while the build imports Dagster and loads packs. Each dbt
command then forks from the server with dbt already imported.

dagster-dbt still runs "dbt" as a subprocess and reads its JSON log lines from stdout: the
executable it runs is dbt_client.py, which hands the server its stdin, stdout and stderr (over
a Unix socket), its arguments, working directory and environment, and exits with the child's
exit code. The child takes those over and runs what the `dbt` script runs (``dbt.cli.main``),
so the command, its output, its artifacts and its exit code are those of the real dbt.

One command runs at a time (two dbt commands must not write one target folder); a second
client waits in the socket's queue, as does one arriving while the server still imports or
parses. A new warehouse's first parse (dbt_warmup.needs_parse) is the server's first job. The
server stops when told to (SIGTERM), when its parent is gone, and a dbt child stops when its
client is gone: nothing is left behind.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import select
import signal
import socket
import struct
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

from dagster_project import dbt_warmup
from warehouse import dbt_cli, settings

WARM_MODULES = (
    "dbt.cli.main",
    "dbt.adapters.duckdb",
    "dbt.adapters.duckdb.impl",
    "dbt.task.build",
    "dbt.parser.manifest",
)
"""What the server imports before it serves: what a `dbt build` imports first (the `dbt` script,
the adapter dbt loads for the profile, the task and the parser)."""

VALIDATED_CLASSES = (
    "dbt.contracts.project:Project",
    "dbt.contracts.project:ProjectFlags",
    "dbt.contracts.project:PackageConfig",
    "dbt.contracts.selection:SelectorFile",
    "dbt.adapters.duckdb.credentials:DuckDBCredentials",
)
"""The classes whose JSON schema dbt builds (and caches) to validate dbt_project.yml and
profiles.yml: half a second of every dbt command, built once here."""

POLL_SECONDS = 1.0  # how often an idle server, or one waiting on a child, checks its parent
CHILD_FAILED = 70  # EX_SOFTWARE: the child failed before dbt could say anything itself

_running: int | None = None  # the pid of the dbt child now running, if any
_serving = False  # a command is being served: a stop ends it, records it, then exits
_stopping = False  # a stop came while a command was being served


def warm_up() -> None:
    import importlib

    dbt_cli.share_parse_state_between_folders()  # as council-dbt, which runs dbt without us
    for name in WARM_MODULES:
        importlib.import_module(name)
    for name in VALIDATED_CLASSES:
        module, cls = name.split(":")
        getattr(importlib.import_module(module), cls).json_schema()


def invoke_dbt(args: list[str]) -> object:
    """What the `dbt` console script runs; returns the exit code click exits with."""
    from dbt.cli.main import cli

    try:
        cli.main(args=args, prog_name="dbt")
    except SystemExit as exit:
        return exit.code
    return 0


def exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def run_child(
    request: dict, fds: list[int], inherited: list[socket.socket], signal_mask: set
) -> None:
    """In the forked child: become the client's dbt process, run dbt, exit. Never returns (the
    frames above belong to the server)."""
    code = CHILD_FAILED
    try:
        for sock in inherited:
            sock.close()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, signal_mask)  # a signal held back lands now
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the process's own descriptors
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.argv = ["dbt", *request["args"]]
        code = exit_code(invoke_dbt(request["args"]))
    except BaseException:  # noqa: BLE001 - reported on the client's stderr, then exit
        traceback.print_exc()
    finally:
        try:
            atexit._run_exitfuncs()  # dbt-duckdb closes its database there, as at a normal exit
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


def start_child(request: dict, fds: list[int], inherited: list[socket.socket]) -> int:
    """Fork the child with SIGTERM and SIGINT held back until each side is ready for them: the
    child once its handlers are dbt's (the server's `stop` must never run in a child, which
    would exit 0 for a command that never ran), the server once it knows the child's pid (so
    that `stop` stops it)."""
    global _running
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    pid = os.fork()
    if pid == 0:
        run_child(request, fds, inherited, held)
    _running = pid
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return pid


def wait_child(pid: int, conn: socket.socket | None, parent: int) -> int:
    """The child's exit code (negative: the signal that ended it). Stops the child if its client
    hangs up or the server's parent is gone."""
    global _running
    exited = os.pidfd_open(pid)
    try:
        while True:
            watched = [exited] if conn is None else [exited, conn]
            ready, _, _ = select.select(watched, [], [], POLL_SECONDS)
            if exited in ready:
                break
            client_gone = conn in ready and not conn.recv(1)
            if client_gone or os.getppid() != parent:
                os.kill(pid, signal.SIGTERM)
                break
    finally:
        os.close(exited)
    _, status = os.waitpid(pid, 0)
    _running = None
    return os.waitstatus_to_exitcode(status)


def receive_request(conn: socket.socket) -> tuple[dict, list[int]] | None:
    """The client's three file descriptors and its request (None if it hung up)."""
    _, fds, _, _ = socket.recv_fds(conn, 1, 3)
    if len(fds) != 3:
        for fd in fds:
            os.close(fd)
        return None
    try:
        (size,) = struct.unpack("!I", receive_exactly(conn, 4))
        return json.loads(receive_exactly(conn, size)), fds
    except (OSError, ValueError):
        for fd in fds:
            os.close(fd)
        return None


def receive_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise OSError("client hung up")
        data += chunk
    return data


def reply(conn: socket.socket, message: dict) -> None:
    with contextlib.suppress(OSError):  # the client is gone; wait_child has stopped its dbt
        conn.sendall(json.dumps(message).encode() + b"\n")


def record(log: Path | None, pid: int, args: list[str], code: int, started: float) -> None:
    """One line of the server's log (dbt_server.jsonl in the warehouse's build folder): which
    dbt command it forked, as which process (dbt.log's `pid`), and how it ended."""
    if log is None:
        return
    entry = {
        "started": started,
        "seconds": round(time.time() - started, 3),
        "pid": pid,
        "args": args,
        "exit": code,
    }
    with log.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")


@contextlib.contextmanager
def serving() -> Iterator[None]:
    """The block serves one command: a stop arriving meanwhile stops its child (`stop`), lets
    the block record how it ended, and exits after it."""
    global _serving
    _serving = True
    try:
        yield
    finally:
        _serving = False
    if _stopping:
        os._exit(0)


def serve_one(conn: socket.socket, listener: socket.socket, parent: int, log: Path | None) -> None:
    received = receive_request(conn)
    if received is None or _stopping:
        return
    request, fds = received
    started = time.time()
    pid = start_child(request, fds, [listener, conn])
    for fd in fds:
        os.close(fd)
    reply(conn, {"pid": pid})
    code = wait_child(pid, conn, parent)
    reply(conn, {"exit": code})
    record(log, pid, request["args"], code, started)


def parse_first(warehouse_dir: Path, parent: int, log: Path | None) -> None:
    """A new warehouse's `dbt parse` (dbt_warmup), before any client is served; its parse
    profile is recorded if it succeeds. If it fails, the first `dbt build` parses (and reports
    the problem) as it would without it."""
    target = settings.dbt_target_dir(warehouse_dir)
    target.mkdir(parents=True, exist_ok=True)
    command = dbt_warmup.parse_command(warehouse_dir)
    request = {
        "args": command[1:],
        "cwd": str(settings.DBT_PROJECT_DIR),
        "env": settings.dbt_env(settings.work_db(warehouse_dir), DBT_LOG_PATH=str(target)),
    }
    null = os.open(os.devnull, os.O_RDWR)
    started = time.time()
    pid = start_child(request, [null, os.dup(null), os.dup(null)], [])
    os.close(null)
    code = wait_child(pid, None, parent)
    record(log, pid, request["args"], code, started)
    if code == 0:
        dbt_warmup.record_parse_profile(warehouse_dir)


def stop(_signum, _frame) -> None:
    """SIGTERM (the build is done): exit at once when idle. While a command is served, stop
    its child, if one runs, and leave the exit to `serving`, once the command's end is in the
    log (a stop must not lose the line of the command it stopped). Exiting with os._exit: tearing
    down an interpreter with dbt imported would keep the build waiting for half a second."""
    global _stopping
    if not _serving:
        os._exit(0)
    _stopping = True
    if _running is not None:
        with contextlib.suppress(ProcessLookupError):  # it has just ended
            os.kill(_running, signal.SIGTERM)


def serve(
    listener: socket.socket, parent: int, parse_warehouse: Path | None, log: Path | None
) -> None:
    """Serve on `listener`, a listening Unix socket the parent bound (so that its clients
    queue from the start, while dbt is imported and parses)."""
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a child's SIGINT comes through its client
    try:
        warm_up()
        if parse_warehouse is not None:
            with serving():
                parse_first(parse_warehouse, parent, log)
        while os.getppid() == parent:
            ready, _, _ = select.select([listener], [], [], POLL_SECONDS)
            if ready:
                conn, _ = listener.accept()
                with conn, serving():
                    serve_one(conn, listener, parent, log)
    finally:
        listener.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen-fd", required=True, type=int, help="a listening Unix socket")
    parser.add_argument("--parent", required=True, type=int, help="stop when this pid is gone")
    parser.add_argument("--parse-warehouse", type=Path, help="parse dbt for it first")
    parser.add_argument("--log", type=Path, help="append a JSON line per dbt command here")
    args = parser.parse_args(argv)
    listener = socket.socket(fileno=args.listen_fd)
    serve(listener, args.parent, args.parse_warehouse, args.log)


if __name__ == "__main__":
    main()
