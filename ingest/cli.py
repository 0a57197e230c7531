"""Load a folder of packs straight into a working database (a developer's tool).

    python -m ingest.cli --packs data/packs --db warehouse/build/work.duckdb [--gate]

`make warehouse` is the everyday path: it runs the same loader through Dagster, always with the
expectation gate, and then builds and publishes the marts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest import store
from ingest.load import load_pack_file, pack_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=Path, default=Path("data/packs"))
    parser.add_argument("--db", type=Path, default=Path("warehouse/build/work.duckdb"))
    parser.add_argument("--gate", action="store_true", help="validate each pack with its suites")
    parser.add_argument("--force", action="store_true", help="re-load packs already loaded")
    args = parser.parse_args(argv)
    gate = None
    if args.gate:
        from expectations.gate import validate_pack

        gate = validate_pack
    con = store.connect(args.db)
    failures = 0
    for path in pack_files(args.packs):
        outcome = load_pack_file(con, path, gate=gate, force=args.force)
        detail = outcome.message or ", ".join(f"{k} {v}" for k, v in outcome.counts.items())
        print(f"{outcome.status:>11}  {outcome.file_name}  {detail}")
        failures += outcome.status == "error"
    con.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
