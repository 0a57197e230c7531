"""Descriptions of every published table and column, so BI tools show what each one means.

Where a description comes from, first match wins:

1. the raw and ops contracts (contracts/raw.yml, contracts/ops.yml, generated into
   ingest/raw_contract.py): the provenance copies of raw and ops tables and their columns;
2. the working DB's own comments (dbt ``persist_docs`` writes the marts' there);
3. dbt's manifest (dbt/target/manifest.json): model and source descriptions and their columns
   (the marts' come from contracts/marts/*.yml through the generated _marts.yml);
4. the descriptions below (build info).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ingest.raw_contract import COLUMN_DESCRIPTIONS, PUBLISHED_TABLES

REPO_ROOT = Path(__file__).resolve().parent.parent
MANIFEST_PATH = REPO_ROOT / "dbt" / "target" / "manifest.json"

SCHEMAS = {
    "marts": "Facts, dimensions and data-quality findings built by dbt from gated council packs.",
    "bi": "Views for BI tools: the questions people ask, one row per answer, with citations.",
    "provenance": "Where every fact came from: packs, their files, documents, tables and the "
    "printed lines that facts cite; plus when and what this warehouse build published.",
}

BUILD_INFO = (
    "One row describing this published build: when it was published, how many facts (in total "
    "and per domain) and packs it holds, and the row count of every table."
)

BUILD_INFO_COLUMNS = {
    "published_at": "When this warehouse file was published (UTC).",
    "fact_tables": "The fact tables (marts.fct_<domain>) the counts below refer to.",
    "fact_count": "Number of rows in the fact table at publish time.",
    "facts_per_domain": "JSON object: domain -> number of facts at publish time.",
    "pack_count": "Number of packs loaded (rows of provenance.packs).",
    "pack_files_by_status": "JSON object: pack file status -> number of files.",
    "table_rows": "JSON object: published table -> row count at publish time.",
    "view_sql_hashes": "JSON object: BI view -> md5 of its SQL; a later publish keeps a view whose "
    "SQL is unchanged and creates the others again.",
}


_MANIFESTS: dict[Path, tuple[tuple[int, int], dict]] = {}


def _load_manifest(path: Path = MANIFEST_PATH) -> dict:
    """dbt's manifest (1.6 MB of JSON, 0.1 s to parse), read once for as long as the file is
    unchanged: a publish asks for it three times. Callers only read it."""
    try:
        stat = path.stat()
        version = (stat.st_mtime_ns, stat.st_size)
        cached = _MANIFESTS.get(path)
        if cached is not None and cached[0] == version:
            return cached[1]
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    _MANIFESTS[path] = (version, manifest)
    return manifest


def dbt_model_relations(manifest: dict | None = None) -> set[tuple[str, str]]:
    """(schema, table) of every dbt model: what may be published (a table of a model since
    removed from the project, or of a test's stored failures, is not)."""
    manifest = manifest if manifest is not None else _load_manifest()
    return {
        (node.get("schema"), node.get("alias") or node.get("name"))
        for node in manifest.get("nodes", {}).values()
        if node.get("resource_type") == "model"
    }


@dataclass
class Catalog:
    """Descriptions of the working DB's relations, keyed by (schema, name)."""

    tables: dict[tuple[str, str], str] = field(default_factory=dict)
    columns: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def _put(self, key: tuple[str, str], description: str | None, columns: Mapping) -> None:
        if description and description.strip() and key not in self.tables:
            self.tables[key] = description.strip()
        target = self.columns.setdefault(key, {})
        for name, text in columns.items():
            if text and str(text).strip() and name not in target:
                target[name] = str(text).strip()

    @classmethod
    def from_work_db(cls, con, catalog: str, manifest: dict | None = None) -> Catalog:
        self = cls()
        for spec in PUBLISHED_TABLES.values():
            source = tuple(spec["source"])
            self._put(source, spec["description"], COLUMN_DESCRIPTIONS.get(source, {}))
        for source, columns in COLUMN_DESCRIPTIONS.items():
            self._put(source, None, columns)
        for schema, name, comment in con.execute(
            "SELECT schema_name, table_name, comment FROM duckdb_tables() WHERE database_name = ? "
            "UNION ALL SELECT schema_name, view_name, comment FROM duckdb_views() "
            "WHERE database_name = ? AND NOT internal",
            [catalog, catalog],
        ).fetchall():
            self._put((schema, name), comment, {})
        for schema, name, column, comment in con.execute(
            "SELECT schema_name, table_name, column_name, comment FROM duckdb_columns() "
            "WHERE database_name = ? AND comment IS NOT NULL",
            [catalog],
        ).fetchall():
            self._put((schema, name), None, {column: comment})
        manifest = manifest if manifest is not None else _load_manifest()
        for node in [*manifest.get("nodes", {}).values(), *manifest.get("sources", {}).values()]:
            if node.get("resource_type") not in ("model", "seed", "snapshot", "source"):
                continue
            name = node.get("identifier") or node.get("alias") or node.get("name")
            columns = {c: v.get("description") for c, v in (node.get("columns") or {}).items()}
            self._put((node.get("schema"), name), node.get("description"), columns)
        return self

    def table(self, source: tuple[str, str]) -> str | None:
        return self.tables.get(source)

    def column(self, source: tuple[str, str], column: str) -> str | None:
        return self.columns.get(source, {}).get(column)


def published_table(schema: str, table: str) -> str:
    if schema == "provenance" and table in PUBLISHED_TABLES:
        return PUBLISHED_TABLES[table]["description"]
    if (schema, table) == ("provenance", "build_info"):
        return BUILD_INFO
    return f"{schema}.{table}"


def published_column(schema: str, table: str, column: str) -> str | None:
    if schema == "provenance" and table == "build_info":
        return BUILD_INFO_COLUMNS.get(column)
    return None


def generic_column(column: str) -> str:
    return f"{column.replace('_', ' ')} (not yet described in the dbt model docs)"
