"""Load a folder of packs straight into a working database (a developer's tool).

    python -m ingest.cli [--packs DIR] [--db WORK_DB] [--gate] [--workers N]

(defaults from warehouse.settings: $PACKS_DIR and the working DB of $WAREHOUSE_DIR)

With `--workers N` (N > 1) the packs are parsed in N worker processes while this process
stages, gates and promotes them one at a time, in name order as without it.

`make warehouse` is the everyday path: it runs the same loader through Dagster, always with the
expectation gate, and then builds and publishes the marts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ingest import store
from ingest.load import LoadOutcome, load_pack_file, load_parsed_file, pack_files
from ingest.parallel import parse_files
from warehouse import settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=Path, default=settings.packs_dir())
    parser.add_argument("--db", type=Path, default=settings.work_db(settings.warehouse_dir()))
    parser.add_argument("--gate", action="store_true", help="validate each pack with its suites")
    parser.add_argument("--force", action="store_true", help="re-load packs already loaded")
    parser.add_argument("--workers", type=int, default=1, help="parser processes (default 1)")
    args = parser.parse_args(argv)
    gate = None
    if args.gate:
        from expectations.gate import validate_pack

        gate = validate_pack
    con = store.connect(args.db)
    failures = 0
    for outcome in _outcomes(con, pack_files(args.packs), gate, args.force, args.workers):
        detail = outcome.message or ", ".join(f"{k} {v}" for k, v in outcome.counts.items())
        print(f"{outcome.status:>11}  {outcome.file_name}  {detail}")
        failures += outcome.status == "error"
    con.close()
    return 1 if failures else 0


def _outcomes(con, paths: list[Path], gate, force: bool, workers: int) -> Iterator[LoadOutcome]:
    if workers <= 1:
        for path in paths:
            yield load_pack_file(con, path, gate=gate, force=force)
        return
    for parsed in parse_files(paths, workers=workers):
        yield load_parsed_file(con, parsed, gate=gate, force=force)


if __name__ == "__main__":
    sys.exit(main())
