"""Dagster's SQLite event log, with each database's connection kept open between events.

Configured in ``$DAGSTER_HOME/dagster.yaml`` (``dagster_project/home.py``) in place of the
default ``SqliteEventLogStorage``; the files, tables and everything Dagster reads from them are
the same (the runs' and schedules' storage stay the default).

Why: the default opens a new SQLAlchemy engine and SQLite connection for every event it stores
and closes them after. Closing the last connection to a WAL database checkpoints it into the
database file, and every commit waits for an fsync. A run stores one event per asset
materialisation, check evaluation and step output (about 400 for adding one pack, 5,700 for a
1,000-pack build). Replaying the 394 events of one add-one's publish run on this project's
machine: 2.4-3.2 s with ``make warehouse``'s ``synchronous=OFF`` (``run_storage.py``), 3.3-5.4 s
without it (``make ui``), 1.3-1.5 s here.

Here each database (a run's shard, the index) keeps one engine whose pool holds its connection
open, for the ``SHARDS_KEPT`` databases used last, and SQLite runs with ``synchronous=NORMAL``
(or less, if the process chose less): in WAL mode that still never corrupts the file and never
loses an event when a process dies; a power cut can lose the last events written (a run's log,
never the warehouse).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from dagster import StringSource
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sqlite import create_db_conn_string
from dagster._serdes import ConfigurableClassData
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

SHARDS_KEPT = 8
"""Databases whose engine (and open connection) is kept: the index and the runs used last."""
INDEX_SHARD = "index"
BUSY_TIMEOUT_SECONDS = 15  # as Dagster's own SQLite storages wait for another writer
SYNCHRONOUS_NORMAL = 1  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """``SqliteEventLogStorage`` keeping each shard's SQLite connection open (see the module)."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        self._engines_lock = threading.Lock()  # has_table reads them without Dagster's _db_lock
        self._batch: dict[str, Connection] | None = None  # shard -> its open transaction
        self._batch_thread: int | None = None
        self._asset_key_columns: set[str] = set()  # columns of asset_keys known to exist
        super().__init__(base_dir, inst_data)

    @classmethod
    def config_type(cls):
        return {"dagster_home": StringSource}

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> PooledSqliteEventLogStorage:
        """The default layout under ``$DAGSTER_HOME``: ``history/runs/<shard>.db``."""
        return cls(os.path.join(config_value["dagster_home"], "history", "runs"), inst_data)

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        if self._batch is not None and self._batch_thread == threading.get_ident():
            yield self._batch_connection(shard)
            return
        with self._db_lock, self._initialised_engine(shard).connect() as conn, conn.begin():
            yield conn

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        """The events in one transaction per database, committed together: Dagster sends a
        run's planned materialisations, and the materialisations of a step's partitions, as
        batches when ``DAGSTER_EVENT_BATCH_SIZE`` is set (``make warehouse`` sets it). If one
        fails none is kept, and Dagster stores them one by one."""
        with self._db_lock:
            self._batch, self._batch_thread = {}, threading.get_ident()
            try:
                for entry in events:
                    self.store_event(entry)
                for conn in self._batch.values():
                    conn.commit()
            finally:
                for conn in self._batch.values():
                    conn.close()  # rolls back what was not committed
                self._batch, self._batch_thread = None, None

    def _batch_connection(self, shard: str) -> Connection:
        assert self._batch is not None
        if shard not in self._batch:
            conn = self._initialised_engine(shard).connect()
            conn.begin()
            self._batch[shard] = conn
        return self._batch[shard]

    def _initialised_engine(self, shard: str) -> Engine:
        engine = self._engine(shard)
        if shard not in self._initialized_dbs:
            self._initdb(engine)
            self._initialized_dbs.add(shard)
        return engine

    def has_table(self, table_name: str) -> bool:
        """Without the lock, as Dagster's own: it is asked inside an open index connection."""
        with self._engine(INDEX_SHARD).connect() as conn:
            return bool(conn.dialect.has_table(conn, table_name))

    def _has_asset_key_col_on_connection(self, conn: Connection, column_name: str) -> bool:
        """Dagster reflects the asset_keys table's columns for every asset event it stores; a
        column found is remembered (a migration adds columns, none removes one)."""
        if column_name in self._asset_key_columns:
            return True
        found = super()._has_asset_key_col_on_connection(conn, column_name)
        if found:
            self._asset_key_columns.add(column_name)
        return found

    def wipe(self) -> None:
        self._dispose_all()
        super().wipe()

    def dispose(self) -> None:
        self._dispose_all()
        super().dispose()

    def _engine(self, shard: str) -> Engine:
        """The shard's engine, made the most recently used; the least recently used one beyond
        ``SHARDS_KEPT`` is disposed of (its connection closed)."""
        with self._engines_lock:
            engine = self._engines.pop(shard, None)
            if engine is None:
                engine = create_engine(
                    create_db_conn_string(self._base_dir, shard),
                    pool_size=1,
                    connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
                )
                event.listen(engine, "connect", _synchronous_normal)
            self._engines[shard] = engine
            evicted = []
            while len(self._engines) > SHARDS_KEPT:
                evicted.append(self._engines.popitem(last=False)[1])
        for oldest in evicted:
            oldest.dispose()
        return engine

    def _dispose_all(self) -> None:
        """Close every kept connection (the files may be deleted next, or the process end)."""
        with self._engines_lock:
            engines = list(self._engines.values())
            self._engines.clear()
        for engine in engines:
            engine.dispose()


def _synchronous_normal(dbapi_connection, _record) -> None:
    """NORMAL, unless the process already chose less (``make warehouse`` runs with OFF:
    ``dagster_project/run_storage.py``)."""
    cursor = dbapi_connection.cursor()
    if cursor.execute("PRAGMA synchronous").fetchone()[0] > SYNCHRONOUS_NORMAL:
        cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
