"""The file published before the current one, kept as a standby for the next incremental
publish to bring up to date, instead of a copy of the current file.

An incremental publish updates a file that holds every row of the last publish but those of the
packs changed since. It used to copy ``council.duckdb`` for that: 276 MB at 1,000 packs, 2.6 GB
at 10,000 (13-78 s on these machines' disks). The file it replaces is such a file too, one
publish older: it lacks the packs that publish changed as well. So after an incremental publish
swaps its file in, the file it replaced stays, under ``.council.duckdb.standby``, and
``.council.duckdb.standby.json`` says which file it is and which packs the publish after it
changed. The next incremental publish takes the standby and replaces the rows of those packs
too.

    take(published, published_at, tmp) -> packs to replace again, ``tmp`` the standby; or None
    set_aside(published) -> a hard link of the file about to be replaced (before the swap)
    keep(aside, replaced_at, published_at, changed) -> after the swap: the link is the standby

The standby is taken only while it is what its record says, one publish behind the current
file, and no process has it open: a reader that opened ``council.duckdb`` before the last swap
may still be reading that very file, and DuckDB's lock then refuses it for writing (it is left
alone, and the publish copies as before). Readers never open the standby itself: its name is not
``council.duckdb``. A whole publish keeps no standby (what it changed is not known).
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

import duckdb

SUFFIX = ".standby"
RECORD_SUFFIX = ".standby.json"


def standby_path(published: Path) -> Path:
    return published.with_name(f".{published.name}{SUFFIX}")


def record_path(published: Path) -> Path:
    return published.with_name(f".{published.name}{RECORD_SUFFIX}")


def take(published: Path, current_published_at: str | None, tmp: Path) -> list[str] | None:
    """Move the standby to ``tmp`` and return the packs the current file (published at
    ``current_published_at``) changed since it; None when there is no standby it can use (then
    ``tmp`` is untouched)."""
    record = _read_record(published)
    standby = standby_path(published)
    if record is None or not standby.exists():
        return None
    if current_published_at is None or current_published_at != record.get("published_at"):
        discard(published)  # a whole publish, or a crash, came between
        return None
    if published_at(standby, read_only=False) != record.get("standby_published_at"):
        return None  # in use by a reader (locked), or not the file recorded: leave it
    _remove(record_path(published))  # the record goes before the file it describes
    os.replace(standby, tmp)
    return list(record.get("changed_packs") or [])


def set_aside(published: Path) -> Path | None:
    """A hard link to the file about to be replaced, under a temp name that a crashed
    publish's clean-up removes; None where there is no file or no hard links."""
    if not published.exists():
        return None
    aside = _temp_name(published, "tmp-standby")
    try:
        os.link(published, aside)
    except OSError:
        return None
    return aside


def keep(
    published: Path,
    aside: Path | None,
    replaced_at: str | None,
    new_published_at: str | None,
    changed: Sequence[str] | None,
) -> None:
    """After the swap: the file set aside becomes the standby of an incremental publish
    (``changed``: the packs it changed since that file); a whole publish keeps none."""
    if aside is None or changed is None or replaced_at is None or new_published_at is None:
        discard(published)
        if aside is not None:
            _remove(aside)
        return
    _remove(record_path(published))
    os.replace(aside, standby_path(published))
    record = {
        "standby_published_at": replaced_at,
        "published_at": new_published_at,
        "changed_packs": sorted(changed),
    }
    partial = _temp_name(published, "tmp-record")
    partial.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, record_path(published))


def discard(published: Path) -> None:
    _remove(record_path(published))
    _remove(standby_path(published))


def published_at(path: Path, *, read_only: bool) -> str | None:
    """``provenance.build_info.published_at`` of a warehouse file, exactly; None when it
    cannot be opened (``read_only=False``: also when another process has it open)."""
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error:
        return None
    try:
        row = con.execute("SELECT published_at FROM provenance.build_info").fetchone()
        return row[0].isoformat() if row and row[0] else None
    except duckdb.Error:
        return None
    finally:
        con.close()


def _temp_name(published: Path, kind: str) -> Path:
    """A name the clean-up of a crashed publish removes (publish.remove_stale_temp_files)."""
    return published.with_name(f".{published.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.{kind}")


def _read_record(published: Path) -> dict | None:
    try:
        record = json.loads(record_path(published).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
