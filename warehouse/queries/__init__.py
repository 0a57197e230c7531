"""Example queries against the published warehouse: one question per ``*.sql`` file.

The first comment lines of each file say what question it answers. ``run_all`` runs every
query read-only, as a BI tool would (used by the published-warehouse check and the tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

QUERIES_DIR = Path(__file__).resolve().parent


def query_files() -> list[Path]:
    return sorted(QUERIES_DIR.glob("*.sql"))


def question(path: Path) -> str:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def run_all(published_db: Path | str) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        for path in query_files():
            try:
                rows = con.execute(path.read_text(encoding="utf-8")).fetchall()
                results[path.stem] = {"ok": bool(rows), "rows": len(rows), "error": None}
            except duckdb.Error as error:
                results[path.stem] = {"ok": False, "rows": 0, "error": str(error)[:300]}
    finally:
        con.close()
    return results
