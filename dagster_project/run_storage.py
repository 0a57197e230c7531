"""Dagster's run and event storage without a disk flush per event, for ``make warehouse``.

The default storage (SQLite files under $DAGSTER_HOME) opens a connection, commits and closes
it for every event it records (a build of the bundled packs records about 700 events in some
2,200 transactions; the event log now keeps its connections open, ``event_log_storage.py``),
and SQLite in its default ``synchronous=FULL`` flushes the write-ahead log to disk at each
commit and again at each close. On a shared virtual disk that is 2 to 12 ms a
transaction, seconds per build spent waiting for the disk while nothing else happens.

``fast_run_storage()`` sets ``PRAGMA synchronous=OFF`` on every SQLite connection this process
opens through SQLAlchemy (only Dagster's storage does). SQLite then leaves flushing to the
operating system: a crash of the build leaves the run history intact; only a crash of the
machine itself (power loss, kernel panic) before the OS writes the pages can lose or damage
the last runs' records. The history is a log of the build, not data of the warehouse (the
working and published DuckDB files are untouched by this), and `make ui`'s daemon and webserver,
which keep it for longer, run with SQLite's defaults.
"""

from __future__ import annotations

import sqlite3

_installed = False


def _no_sync(dbapi_connection, _connection_record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=OFF")


def fast_run_storage() -> None:
    """Install the listener (once per process)."""
    global _installed
    if _installed:
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    event.listen(Engine, "connect", _no_sync)
    _installed = True
