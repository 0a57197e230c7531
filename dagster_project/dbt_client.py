"""The `dbt` that dagster-dbt runs while a warm dbt server is up (dagster_project/dbt_server.py).

dagster-dbt starts dbt as a subprocess and reads its JSON log lines from stdout. This client is
that subprocess: it hands its stdin, stdout and stderr, its arguments, working directory and
environment to the server over a Unix socket, and exits with the exit code of the dbt child the
server forked for it. A signal it receives (dagster-dbt stopping dbt) goes on to that child; if
the client dies, the server stops the child. With no server to reach, or one gone before it ran
anything, it runs the real dbt instead (``$COUNCIL_DBT_EXECUTABLE``), so a dbt command never
fails because the server did.

Standard library only, and nothing imported from this project: dbt_server.write_client writes
this file beside the socket as an executable run by ``python -IS``, which starts in some 20 ms.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import struct
import sys

SOCKET_ENV = "COUNCIL_DBT_SOCKET"
REAL_DBT_ENV = "COUNCIL_DBT_EXECUTABLE"
SERVER_GONE = 70  # EX_SOFTWARE: the server died while the dbt child ran


def standard_fds() -> list[int]:
    """This process's stdin, stdout and stderr, /dev/null for any that is closed."""
    fds = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            fds.append(fd)
        except OSError:
            fds.append(os.open(os.devnull, os.O_RDWR))
    return fds


def connect(path: str | None) -> socket.socket | None:
    if not path:
        return None
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(path)
    except OSError:
        conn.close()
        return None
    return conn


def send_request(conn: socket.socket, argv: list[str]) -> None:
    """One byte carrying the three file descriptors, then the length-prefixed JSON request."""
    request = json.dumps({"args": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
    socket.send_fds(conn, [b"\0"], standard_fds())
    conn.sendall(struct.pack("!I", len(request)) + request)


def read_reply(replies) -> dict | None:
    line = replies.readline()
    return json.loads(line) if line else None


def run_real_dbt(argv: list[str]) -> None:
    real = os.environ.get(REAL_DBT_ENV) or "dbt"
    os.execvp(real, [real, *argv])


def exit_status(code: int) -> int:
    """A shell's exit status for a child's exit code (negative: killed by that signal)."""
    return 128 - code if code < 0 else min(code, 255)


def wait_for_orphan(pid: int) -> None:
    """The server is gone but its dbt child may still be writing to our stdout: wait for it."""
    import time

    while True:
        try:
            os.kill(pid, 0)
        except OSError:
            return
        time.sleep(0.1)


def main(argv: list[str]) -> int:
    conn = connect(os.environ.get(SOCKET_ENV))
    if conn is None:
        run_real_dbt(argv)
    replies = conn.makefile("rb")
    try:
        send_request(conn, argv)
        started = read_reply(replies)
    except OSError:
        started = None
    if not started or "pid" not in started:
        run_real_dbt(argv)  # nothing ran: the server went away first
    pid = started["pid"]

    def forward(signum, _frame):
        with contextlib.suppress(OSError):
            os.kill(pid, signum)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, forward)
    finished = read_reply(replies)
    if finished is None or "exit" not in finished:
        wait_for_orphan(pid)
        print("dbt server: gone while dbt ran; its exit code is unknown", file=sys.stderr)
        return SERVER_GONE
    return exit_status(finished["exit"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
