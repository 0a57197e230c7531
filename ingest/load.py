"""Load one pack file into the working database: read, parse, stage, gate, promote.

Idempotent: the same bytes under the same name change nothing; the same bytes under a second
name are recorded as a duplicate of the first; changed bytes replace the old rows at once.
A pack that cannot be parsed is recorded with its error and nothing of it is loaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest import store
from ingest.errors import PackError
from ingest.frames import pack_frames
from ingest.parallel import ParsedFile
from ingest.parse import PARSER_VERSION, parse_pack_bytes

Gate = Callable[[dict], object]  # staged frames -> result with .passed and .to_dict()


@dataclass
class LoadOutcome:
    file_name: str
    status: str  # promoted | unchanged | duplicate | quarantined | error
    pack_id: str | None = None
    sha256: str | None = None
    message: str | None = None
    gate_result: object | None = None
    counts: dict[str, int] = field(default_factory=dict)


def load_pack_file(con, path: Path, gate: Gate | None = None, force: bool = False) -> LoadOutcome:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return _failed(con, path.name, None, f"{path.name}: cannot be read ({error.strerror})")
    sha256 = hashlib.sha256(data).hexdigest()
    skip = None if force else _already_loaded(con, path.name, sha256)
    if skip:
        return skip
    try:
        parsed = parse_pack_bytes(path.name, data)
    except PackError as error:
        return _failed(con, path.name, sha256, str(error))
    return _stage_and_gate(con, path.name, sha256, pack_frames(parsed), gate)


def load_parsed_file(con, parsed: ParsedFile, gate: Gate | None = None, force: bool = False):
    """`load_pack_file` for a pack parsed already, in a worker process (`ingest.parallel`)."""
    name, sha256 = parsed.file_name, parsed.sha256
    if sha256 is None:  # never read: nothing to compare or load
        return _failed(con, name, None, str(parsed.error))
    skip = None if force else _already_loaded(con, name, sha256)
    if skip:
        return skip
    if parsed.error:
        return _failed(con, name, sha256, str(parsed.error))
    return _stage_and_gate(con, name, sha256, parsed.frames, gate)


def _stage_and_gate(con, file_name: str, sha256: str, frames: dict, gate: Gate | None):
    counts = {name: frame.height for name, frame in frames.items()}
    pack_id = store.stage_pack(con, frames)
    result = gate(store.staged_frames(con, pack_id)) if gate else None
    if result is not None and not result.passed:
        store.quarantine_pack(con, pack_id, file_name, "failed a blocking expectation")
        return LoadOutcome(file_name, "quarantined", pack_id, sha256, None, result, counts)
    store.promote_pack(con, pack_id, file_name)
    return LoadOutcome(file_name, "promoted", pack_id, sha256, None, result, counts)


def _already_loaded(con, file_name: str, sha256: str) -> LoadOutcome | None:
    known = store.known_file(con, file_name)
    if known and known == (sha256, "promoted"):
        return LoadOutcome(file_name, "unchanged", sha256[:16], sha256, "already loaded")
    message = store.record_if_duplicate(con, file_name, sha256)
    if message:
        return LoadOutcome(file_name, "duplicate", sha256[:16], sha256, message)
    return None


def _failed(con, file_name: str, sha256: str | None, message: str) -> LoadOutcome:
    store.record_failure(con, file_name, sha256, "error", message, parser_version=PARSER_VERSION)
    return LoadOutcome(file_name, "error", sha256[:16] if sha256 else None, sha256, message)


def pack_files(folder: Path) -> list[Path]:
    """The pack files of a folder, in name order (hidden files skipped)."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith("."))
