"""Dump every frame of parsed packs in a canonical text form, to prove a parser change keeps the
output byte for byte (a speed-up must change nothing).

    python -m bench.dump_parse --out /tmp/before.txt              (bundled + 40 generated packs)
    python -m bench.dump_parse --out /tmp/after.txt && cmp /tmp/before.txt /tmp/after.txt

Every column of every row is written with its type; `extracted_at` (the clock) is left out.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterable
from pathlib import Path

from bench.generate import generate_corpus
from ingest.errors import PackError
from ingest.frames import pack_frames
from ingest.parse import parse_pack_bytes

REPO = Path(__file__).resolve().parents[1]
VOLATILE_COLUMNS = {"extracted_at"}


def dump_pack(name: str, data: bytes) -> Iterable[str]:
    """The canonical lines of one pack: its frames, or its refusal."""
    try:
        frames = pack_frames(parse_pack_bytes(name, data))
    except PackError as error:
        yield f"## {name} refused: {error.problem}"
        return
    for table, frame in frames.items():
        columns = [c for c in frame.columns if c not in VOLATILE_COLUMNS]
        schema = ", ".join(f"{c}:{frame.schema[c]}" for c in columns)
        yield f"## {name} {table} rows={frame.height} [{schema}]"
        for row in frame.select(columns).iter_rows():
            yield repr(row)


def pack_paths(generated: int, seed: int, workdir: Path) -> list[Path]:
    bundled = sorted((REPO / "data" / "packs").glob("*.txt"))
    return bundled + (generate_corpus(workdir, generated, seed) if generated else [])


def variants(path: Path) -> Iterable[tuple[str, bytes]]:
    """The pack as written, with CRLF line ends, and in Windows-1252 where it can be: the
    reader's other paths."""
    data = path.read_bytes()
    yield path.name, data
    yield f"{path.name} crlf", data.replace(b"\n", b"\r\n")
    legacy = _as_cp1252(data)
    if legacy is not None:
        yield f"{path.name} cp1252", legacy


def _as_cp1252(data: bytes) -> bytes | None:
    try:
        return data.decode("utf-8").encode("cp1252")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description="Dump parsed frames in canonical text form.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--generated", type=int, default=40, help="generated packs added")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--packs", type=Path, nargs="*", default=(), help="more pack files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        paths = pack_paths(args.generated, args.seed, Path(workdir)) + list(args.packs)
        with args.out.open("w", encoding="utf-8") as out:
            for path in paths:
                for name, data in variants(path):
                    for line in dump_pack(name, data):
                        out.write(line + "\n")
    print(f"dumped {len(paths)} packs to {args.out}")


if __name__ == "__main__":
    main()
