"""Compare two published warehouses table by table, row for row.

    python -m warehouse.compare OLD/council.duckdb NEW/council.duckdb

Every table and view of every schema is compared as a multiset of rows (``EXCEPT ALL`` both
ways), after leaving out the columns that record *when* a build ran rather than what it holds
(``--ignore``: build times, run ids). Column sets and column types are compared too. Exit
status 0 when both hold the same rows, 1 otherwise; the report names each table that differs,
with the number of rows only in the old and only in the new file.

Used to show that a refactoring keeps the published warehouse unchanged.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

BUILD_TIME_COLUMNS = (
    "published_at",
    "loaded_at",
    "built_at",
    "generated_at",
    "run_id",
    "dbt_run_id",
    "promoted_at",
    "ingested_at",
    "created_at",
    "validated_at",
    "extracted_at",  # when ingest read the pack (provenance.packs, dim_pack)
    "updated_at",  # when the pack's file row was last written (provenance.pack_files)
    "file_mtime_ns",  # when the pack file was written on this disk (a clone or a copy changes it)
)


@dataclass(frozen=True)
class TableDiff:
    """How one relation differs between the two files (empty lists and zeros: no difference)."""

    relation: str
    only_old_columns: tuple[str, ...] = ()
    only_new_columns: tuple[str, ...] = ()
    type_changes: tuple[str, ...] = ()
    only_old_rows: int = 0
    only_new_rows: int = 0

    @property
    def same(self) -> bool:
        return not (
            self.only_old_columns
            or self.only_new_columns
            or self.type_changes
            or self.only_old_rows
            or self.only_new_rows
        )

    def describe(self) -> str:
        parts = []
        if self.only_old_columns:
            parts.append(f"columns only in old: {', '.join(self.only_old_columns)}")
        if self.only_new_columns:
            parts.append(f"columns only in new: {', '.join(self.only_new_columns)}")
        if self.type_changes:
            parts.append(f"types changed: {', '.join(self.type_changes)}")
        if self.only_old_rows or self.only_new_rows:
            parts.append(
                f"rows only in old: {self.only_old_rows}, only in new: {self.only_new_rows}"
            )
        return f"{self.relation}: " + "; ".join(parts)


def relation_columns(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, dict[str, str]]:
    """``schema.table`` -> {column: type} for every table and view of an attached file."""
    rows = con.execute(
        "select table_schema, table_name, column_name, data_type from information_schema.columns "
        "where table_catalog = ? order by table_schema, table_name, ordinal_position",
        [catalog],
    ).fetchall()
    relations: dict[str, dict[str, str]] = {}
    for schema, table, column, data_type in rows:
        relations.setdefault(f"{schema}.{table}", {})[column] = data_type
    return relations


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _count_except(con, left: str, right: str, columns: list[str]) -> int:
    select = ", ".join(_quoted(c) for c in columns) or "1"
    return con.execute(
        f"select count(*) from (select {select} from {left} "
        f"except all select {select} from {right})"
    ).fetchone()[0]


def compare_relation(
    con, relation: str, old_cols: dict[str, str], new_cols: dict[str, str], ignore: set[str]
) -> TableDiff:
    schema, table = relation.split(".", 1)
    shared = [c for c in old_cols if c in new_cols and c not in ignore]
    typed = [c for c in shared if old_cols[c] != new_cols[c]]
    old_rel = f"old.{_quoted(schema)}.{_quoted(table)}"
    new_rel = f"new.{_quoted(schema)}.{_quoted(table)}"
    comparable = [c for c in shared if c not in typed]
    return TableDiff(
        relation=relation,
        only_old_columns=tuple(c for c in old_cols if c not in new_cols and c not in ignore),
        only_new_columns=tuple(c for c in new_cols if c not in old_cols and c not in ignore),
        type_changes=tuple(f"{c} {old_cols[c]} -> {new_cols[c]}" for c in typed),
        only_old_rows=_count_except(con, old_rel, new_rel, comparable),
        only_new_rows=_count_except(con, new_rel, old_rel, comparable),
    )


def compare_warehouses(
    old: Path, new: Path, ignore: frozenset[str] = frozenset(BUILD_TIME_COLUMNS)
) -> tuple[list[TableDiff], list[str], list[str]]:
    """(per-relation diffs, relations only in old, relations only in new)."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{old}' as old (read_only)")
        con.execute(f"attach '{new}' as new (read_only)")
        old_rel = relation_columns(con, "old")
        new_rel = relation_columns(con, "new")
        diffs = [
            compare_relation(con, rel, old_rel[rel], new_rel[rel], ignore)
            for rel in sorted(old_rel)
            if rel in new_rel
        ]
        return (
            diffs,
            sorted(set(old_rel) - set(new_rel)),
            sorted(set(new_rel) - set(old_rel)),
        )
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument(
        "--ignore",
        default=",".join(BUILD_TIME_COLUMNS),
        help="comma-separated columns left out of the comparison (build times, run ids)",
    )
    args = parser.parse_args(argv)
    ignore = {c for c in args.ignore.split(",") if c}
    diffs, only_old, only_new = compare_warehouses(args.old, args.new, ignore)
    differing = [d for d in diffs if not d.same]
    for d in differing:
        print(d.describe())
    for rel in only_old:
        print(f"{rel}: only in old")
    for rel in only_new:
        print(f"{rel}: only in new")
    same = not (differing or only_old or only_new)
    print(
        f"{len(diffs)} relations compared, {len(differing)} differ, "
        f"{len(only_old)} only in old, {len(only_new)} only in new: "
        + ("identical" if same else "DIFFERENT")
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
