"""The pack step in chunks: which packs each dbt invocation of ``dbt_pack_models`` transforms.

One ``dbt build`` over every queued pack runs DuckDB out of memory in the window-function models
at 10,000 packs. The step therefore runs dbt once per chunk of at most
``settings.transform_chunk_size()`` packs; each pack's rows depend on that pack's rows alone,
so the chunks together give the rows one invocation gives.

* An incremental run: the packs queued ``load``, in chunks; the first chunk also carries every
  pack queued ``remove`` (their rows are only deleted).
* A full refresh (or a first build): every pack of ``raw.packs``; the first chunk runs with
  ``--full-refresh`` and creates the tables from its packs, the next ones append theirs.

While a chunk runs, ``ops.transform_chunk`` holds its packs and dbt runs with
``COUNCIL_TRANSFORM_SCOPE=chunk`` (dbt/macros/incremental.sql reads both). A step with one
chunk runs dbt exactly as before, over the queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCOPE_VALUE = "chunk"
"""The value of ``settings.TRANSFORM_SCOPE_ENV`` (COUNCIL_TRANSFORM_SCOPE) while one chunk of
several runs: dbt/macros/incremental.sql reads it."""

SKIP_IN_EARLY_CHUNKS = ("test", "unit_test")
"""dbt resource types run by the last chunk only: the tests read whole tables (and store their
failures), so they run once, over every chunk's rows, as in one invocation."""


@dataclass(frozen=True)
class Chunk:
    """The packs of one dbt invocation: transformed (`loads`) or only deleted (`removes`)."""

    loads: list[str]
    removes: list[str] = field(default_factory=list)


def plan_chunks(con, *, full: bool, size: int) -> list[Chunk]:
    """The chunks of this run, in order; always at least one (a run that only removes packs,
    or has nothing to do, is one chunk: dbt runs once, as it always did)."""
    if size < 1:
        raise ValueError(f"a chunk holds at least one pack, not {size}")
    if full:
        rows = con.execute("select pack_id from raw.packs order by rowid").fetchall()
        loads = [r[0] for r in rows]
        removes: list[str] = []
    else:
        loads = _queued(con, "load")
        removes = _queued(con, "remove")
    parts = _even_parts(loads, size)
    return [Chunk(part, removes if i == 0 else []) for i, part in enumerate(parts)]


def _even_parts(packs: list[str], size: int) -> list[list[str]]:
    """The fewest parts of at most `size` packs, their sizes as even as may be (1,002 packs by
    500: 334 each); one empty part for no packs."""
    count = max(1, -(-len(packs) // size))
    base, extra = divmod(len(packs), count)
    parts, start = [], 0
    for i in range(count):
        end = start + base + (1 if i < extra else 0)
        parts.append(packs[start:end])
        start = end
    return parts


def _queued(con, action: str) -> list[str]:
    rows = con.execute(
        "select pack_id from ops.publish_queue where action = ? "
        "group by pack_id order by min(queued_at), pack_id",
        [action],
    ).fetchall()
    return [r[0] for r in rows]


def write_chunk(con, chunk: Chunk) -> None:
    """Make `chunk` the packs the next dbt invocation reads (ops.transform_chunk)."""
    rows = [(p, "load") for p in chunk.loads] + [(p, "remove") for p in chunk.removes]
    con.execute("begin transaction")
    try:
        con.execute("delete from ops.transform_chunk")
        if rows:
            con.executemany("insert into ops.transform_chunk values (?, ?)", rows)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def clear_chunk(con) -> None:
    con.execute("delete from ops.transform_chunk")


def chunk_args(base: list[str], index: int, count: int, *, full: bool) -> list[str]:
    """dbt's arguments for chunk `index` of `count`: the first creates the tables on a full
    refresh; only the first loads the seeds and only the last runs the tests (and the seeds
    again, so that its events are the ones one invocation gives)."""
    args = list(base)
    if full and index == 0:
        args.append("--full-refresh")
    if index < count - 1:
        for kind in SKIP_IN_EARLY_CHUNKS:
            args += ["--exclude-resource-type", kind]
        if index > 0:
            args += ["--exclude-resource-type", "seed"]
    return args
