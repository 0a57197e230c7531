"""The raw-layer rows of a parsed pack, as polars DataFrames (one per raw table)."""

from __future__ import annotations

import json
from operator import attrgetter

import polars as pl

from ingest.parse import PARSER_VERSION, ParsedPack
from ingest.raw_polars import SCHEMAS as RAW_POLARS_SCHEMAS

SCHEMAS = RAW_POLARS_SCHEMAS
"""Raw table -> column -> polars dtype (generated from contracts/raw.yml)."""


def document_id(pack_id: str, seq: int) -> str:
    return f"{pack_id}-d{seq:03d}"


def table_id(pack_id: str, seq: int) -> str:
    return f"{pack_id}-t{seq:03d}"


def pack_frames(pack: ParsedPack) -> dict[str, pl.DataFrame]:
    return {
        "packs": _frame("packs", [_pack_row(pack)]),
        "documents": _frame("documents", _document_rows(pack)),
        "tables": _frame("tables", _table_rows(pack)),
        "table_cells": _cell_frame(pack),
        "lines": _line_frame(pack),
        "prose_numbers": _prose_frame(pack),
    }


def _frame(name: str, rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=SCHEMAS[name], orient="row")


def _pack_row(pack: ParsedPack) -> dict:
    meta = pack.metadata
    return {
        "pack_id": pack.pack_id,
        "sha256": pack.text.sha256,
        "file_name": pack.file_name,
        "byte_count": pack.text.byte_count,
        "line_count": len(pack.text.lines),
        "encoding": pack.text.encoding,
        "council": meta.council,
        "council_line": meta.council_line,
        "council_method": meta.council_method,
        "council_confidence": meta.council_confidence,
        "committee": meta.committee,
        "committee_line": meta.committee_line,
        "meeting_date": meta.meeting_date,
        "meeting_date_line": meta.meeting_date_line,
        "meeting_time": meta.meeting_time,
        "venue": meta.venue,
        "venue_line": meta.venue_line,
        "missing_reasons": json.dumps(meta.missing_reasons, sort_keys=True),
        "parser_version": PARSER_VERSION,
        "extracted_at": pack.extracted_at,
    }


def _document_rows(pack: ParsedPack) -> list[dict]:
    return [
        {
            "pack_id": pack.pack_id,
            "document_id": document_id(pack.pack_id, d.seq),
            "seq": d.seq,
            "kind": d.kind,
            "title": d.title,
            "officer": d.officer,
            "first_line": d.first_line,
            "last_line": d.last_line,
            "marker": d.marker,
        }
        for d in pack.documents
    ]


def _table_rows(pack: ParsedPack) -> list[dict]:
    rows = []
    for seq, table in enumerate(pack.tables, start=1):
        document = pack.document_at(table.first_line)
        rows.append(
            {
                "pack_id": pack.pack_id,
                "table_id": table_id(pack.pack_id, seq),
                "seq": seq,
                "document_id": document_id(pack.pack_id, document.seq) if document else None,
                "first_line": table.first_line,
                "last_line": table.last_line,
                "layout": table.layout,
                "caption": table.caption,
                "caption_first_line": table.caption_first_line,
                "as_of_text": table.as_of_text,
                "header_first_line": table.header_first_line,
                "header_last_line": table.header_last_line,
                "column_names": table.column_names,
                "n_columns": len(table.column_names),
                "n_header_rows": table.n_header_rows,
                "n_body_rows": table.n_body_rows,
            }
        )
    return rows


def _cell_frame(pack: ParsedPack) -> pl.DataFrame:
    """Built column by column: a pack has tens of thousands of cells."""
    cells = [cell for table in pack.tables for cell in table.cells]
    table_ids: list[str] = []
    for seq, table in enumerate(pack.tables, start=1):
        table_ids += [table_id(pack.pack_id, seq)] * len(table.cells)
    columns = {
        "pack_id": [pack.pack_id] * len(cells),
        "table_id": table_ids,
        "row_index": [c.row_index for c in cells],
        "col_index": [c.col_index for c in cells],
        "part": [c.part for c in cells],
        "row_label": [c.row_label for c in cells],
        "column_name": [c.column_name for c in cells],
        "cell_key": [c.cell_key for c in cells],
        "raw_text": [c.raw_text for c in cells],
        "clean_text": [c.clean_text for c in cells],
        "line_number": [c.line_number for c in cells],
    }
    return pl.DataFrame(columns, schema=SCHEMAS["table_cells"])


def _line_frame(pack: ParsedPack) -> pl.DataFrame:
    lines = pack.text.lines
    read = pack.read_lines if pack.read_lines is not None else lines
    return pl.DataFrame(
        {
            "pack_id": [pack.pack_id] * len(lines),
            "line_number": list(range(1, len(lines) + 1)),
            "text": lines,
            "has_tab": ["\t" in line for line in read],
        },
        schema=SCHEMAS["lines"],
    )


def _prose_frame(pack: ParsedPack) -> pl.DataFrame:
    """Numbers printed in sentences (ingest/prose.py), one row per mention: built column by
    column, one attribute read over every mention at a time."""
    mentions = pack.prose
    columns = {
        name: [pack.pack_id] * len(mentions)
        if name == "pack_id"
        else list(map(attrgetter(_PROSE_FIELDS.get(name, name)), mentions))
        for name in SCHEMAS["prose_numbers"]
    }
    return pl.DataFrame(columns, schema=SCHEMAS["prose_numbers"])


_PROSE_FIELDS = {"mention_seq": "seq"}
