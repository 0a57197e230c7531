"""Descriptions of every published table and column, so BI tools show what each one means.

Where a description comes from, first match wins:

1. the working DB's own comments (dbt ``persist_docs``, if enabled, writes them there);
2. dbt's manifest (dbt/target/manifest.json): model and source descriptions and their columns;
3. the raw-layer DDL comments in ingest/schema.py, for the provenance copies of raw tables;
4. the descriptions below (common columns, build info).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
MANIFEST_PATH = REPO_ROOT / "dbt" / "target" / "manifest.json"

SCHEMAS = {
    "marts": "Facts, dimensions and data-quality findings built by dbt from gated council packs.",
    "bi": "Views for BI tools: the questions people ask, one row per answer, with citations.",
    "provenance": "Where every fact came from: packs, their files, documents, tables and the "
    "printed lines that facts cite; plus when and what this warehouse build published.",
}

PROVENANCE_TABLES = {
    "packs": "One row per council pack loaded into this warehouse (passed its gate): council, "
    "committee, meeting date and venue, with the printed line of each.",
    "documents": "Documents inside each pack (agenda, minutes, reports, appendices) with title, "
    "officer and their first and last printed line.",
    "tables": "Tables found in each pack: caption, as-of text, layout and the lines they span.",
    "lines": "Every printed line of every loaded pack, by pack_id and line_number: what a "
    "citation points at.",
    "pack_files": "Every file seen in the packs folder and what happened to it: promoted, "
    "quarantined (failed its gate), duplicate or error, with the reason.",
    "build_info": "One row describing this published build: when it was published, how many "
    "facts (in total and per domain) and packs it holds, and the row count of every table.",
}

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

COMMON_COLUMNS = {
    "pack_id": "Pack identity: the first 16 hex digits of the SHA-256 of the pack file's bytes.",
    "sha256": "SHA-256 of the pack file's bytes.",
    "file_name": "Name of the pack file in the packs folder.",
    "byte_count": "Size of the pack file in bytes.",
    "line_count": "Number of printed lines in the pack.",
    "document_id": "Document identity: pack_id || '-d' || its 3-digit sequence in the pack.",
    "table_id": "Table identity: pack_id || '-t' || its 3-digit sequence in the pack.",
    "seq": "Position of the item in its pack (1-based).",
    "title": "Title of the document as printed.",
    "officer": "Officer named as the document's author or contact, where printed.",
    "first_line": "First printed line (1-based) of the item in its pack.",
    "last_line": "Last printed line (1-based) of the item in its pack.",
    "line_number": "Printed line number (1-based) in the pack.",
    "text": "Text of the line as printed.",
    "has_tab": "Whether the printed line holds a TAB (a table row in the converted PDF).",
    "status": "What happened to the file: promoted, quarantined (by its pack gate or its fact "
    "gate), duplicate, error, removed (gone from the packs folder) or staged.",
    "file_size": "Size in bytes of the file when it was last read.",
    "file_mtime_ns": "Modification time (nanoseconds since the epoch) of the file when it was "
    "last read: while size and mtime stay the same the file is not hashed again.",
    "message": "Why the file was quarantined, skipped or failed (null when promoted).",
    "updated_at": "When this status was recorded (UTC).",
    "caption": "Heading or caption lines just above the table, joined by ' / '.",
    "council": "Council that held the meeting.",
    "committee": "Committee that met.",
    "meeting_date": "Date of the meeting.",
    "venue": "Where the meeting took place.",
    "council_line": "Printed line the council name was read from.",
    "committee_line": "Printed line the committee name was read from.",
    "meeting_date_line": "Printed line the meeting date was read from.",
    "venue_line": "Printed line the venue was read from.",
    "parser_version": "Version of the ingest parser that extracted the pack.",
    "extracted_at": "When the pack was parsed (UTC).",
    "caption_first_line": "First printed line of the table's caption.",
    "header_first_line": "First printed line of the table's header.",
    "header_last_line": "Last printed line of the table's header.",
    "n_columns": "Number of columns of the table.",
    "n_header_rows": "Number of header rows of the table.",
    "n_body_rows": "Number of body (data) rows of the table.",
}


def _ddl_comments() -> dict[str, dict[str, str]]:
    """Column comments written inline in ingest/schema.py (``col TYPE, -- comment``)."""
    try:
        from ingest.schema import OPS_DDL, RAW_TABLES
    except ImportError:  # pragma: no cover - ingest is part of the project
        return {}
    pattern = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s+[A-Z][^-\n]*--\s*(.+?)\s*$", re.M)
    comments = {
        table: {m.group(1): m.group(2) for m in pattern.finditer(ddl)}
        for table, ddl in RAW_TABLES.items()
    }
    for block in re.finditer(r"CREATE TABLE IF NOT EXISTS ops\.(\w+) \((.*?)\n\);", OPS_DDL, re.S):
        comments[block.group(1)] = {m.group(1): m.group(2) for m in pattern.finditer(block[2])}
    return comments


def _load_manifest(path: Path = MANIFEST_PATH) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


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
        for table, columns in _ddl_comments().items():
            schemas = ("ops",) if table in ("pack_files", "load_log", "gate_results") else ("raw",)
            for schema in schemas:
                self._put((schema, table), None, columns)
        return self

    def table(self, source: tuple[str, str]) -> str | None:
        return self.tables.get(source)

    def column(self, source: tuple[str, str], column: str) -> str | None:
        return self.columns.get(source, {}).get(column)


def published_table(schema: str, table: str) -> str:
    if schema == "provenance" and table in PROVENANCE_TABLES:
        return PROVENANCE_TABLES[table]
    return f"{schema}.{table}"


def published_column(schema: str, table: str, column: str) -> str | None:
    if schema == "provenance" and table == "build_info":
        return BUILD_INFO_COLUMNS.get(column)
    return COMMON_COLUMNS.get(column)


def generic_column(column: str) -> str:
    return f"{column.replace('_', ' ')} (not yet described in the dbt model docs)"
