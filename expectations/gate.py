"""The pack gate: the expectation suites every pack's rows must pass before promotion.

    from expectations.gate import validate_pack
    result = validate_pack(staged_frames(con, pack_id), warehouse_dir=wh)
    if result.passed: promote_pack(...) else: quarantine_pack(...); send_alert(...)

The gates after dbt (each pack's facts, then the warehouse) are rules in code:
expectations/fact_gate.py and expectations/mart_gate.py. This module also holds the result
types all the gates share (`Failure`, `GateResult`).

A pack suite is what the raw contract checks about each column of its table on its own
(`pack_gate:` in contracts/raw.yml: present, one of a set, a pattern, a range), then the
reviewed file `expectations/suites/pack_<table>.json` (GX 1.x suite JSON) with the rules that
join columns or tables; `expectations._gx.suite_spec` puts the two together. Every expectation
carries `meta.name` (the id named in alerts), `meta.severity` (`blocking` stops the load,
`warning` is stored and reported) and `meta.note` (what it protects).

Rules spanning several tables (a cell's line inside the pack, a table's shape against its cells,
a fact's source line printing its value) are computed as derived columns before validation; each
suite lists its derived columns and runtime parameters in its `meta`.

GX is imported lazily: importing this module is cheap.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from expectations import _gx
from ingest.paragraphs import paragraph_view

PACK_SUITES = {
    "packs": "pack_packs",
    "documents": "pack_documents",
    "tables": "pack_tables",
    "table_cells": "pack_table_cells",
    "lines": "pack_lines",
    "prose_numbers": "pack_prose_numbers",
}
"""Raw table -> the suite validating it."""

SAMPLE_SIZE = 5
MIN_MEETING_DATE = datetime(1990, 1, 1)
MAX_DAYS_AHEAD = 366


@dataclass
class Failure:
    """The outcome of one expectation (despite the name, `checks` also holds successes)."""

    suite: str
    expectation: str  # meta.name, e.g. "meeting_date_present"
    column: str | None
    severity: str  # blocking | warning
    note: str
    unexpected_count: int | None
    sample: list[dict] = field(default_factory=list)  # offending values with their lines
    expectation_type: str = ""
    success: bool = False
    error: str | None = None  # the expectation could not be evaluated (counts as failed)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class GateResult:
    gate: str  # "pack" | "marts"
    subject: dict  # pack: pack_id, file_name, sha256; marts: schema
    passed: bool  # no blocking expectation failed
    failures: list[Failure]
    checks: list[Failure]  # every expectation evaluated, successful or not
    suites: list[str]
    run_id: str
    validated_at: str
    duration_s: float
    data_docs: str | None = None  # index.html of the Data Docs site, once built
    skipped: list[str] = field(default_factory=list)  # suite.expectation not applicable
    validation_results: dict[str, Any] = field(default_factory=dict, repr=False)  # GX objects

    @property
    def blocking(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "blocking"]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "warning"]

    def failed(self, expectation: str) -> bool:
        return any(f.expectation == expectation for f in self.failures)

    def to_dict(self) -> dict:
        return {
            "gate": self.gate,
            "subject": self.subject,
            "passed": self.passed,
            "blocking_failures": len(self.blocking),
            "warnings": len(self.warnings),
            "failures": [f.to_dict() for f in self.failures],
            "suites": self.suites,
            "run_id": self.run_id,
            "validated_at": self.validated_at,
            "duration_s": round(self.duration_s, 4),
            "data_docs": self.data_docs,
            "skipped": self.skipped,
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, default=str, **kwargs)

    def ops_rows(self) -> list[dict]:
        """Rows for `ops.gate_results` (see contracts/ops.yml), one per expectation evaluated."""
        return [
            {
                "pack_id": self.subject.get("pack_id"),
                "file_name": self.subject.get("file_name"),
                "suite": c.suite,
                "expectation": c.expectation,
                "severity": c.severity,
                "success": c.success,
                "note": c.note,
                "unexpected_count": c.unexpected_count,
                "sample": json.dumps(c.sample, ensure_ascii=False, default=str),
                "validated_at": datetime.fromisoformat(self.validated_at).replace(tzinfo=None),
            }
            for c in self.checks
        ]


def write_report(result: GateResult, path: str | Path) -> Path:
    """Write a gate result as indented JSON (e.g. `$WAREHOUSE/quarantine/<file_name>.json`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(result.to_json(indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


# --------------------------------------------------------------------------- pack gate


def validate_pack(
    frames: dict[str, Any],
    *,
    warehouse_dir: str | Path | None = None,
    file_name: str | None = None,
) -> GateResult:
    """Validate one pack's five raw-layer frames (pandas or polars, keyed by table name).

    `passed` is False when any blocking expectation fails. With `warehouse_dir`, the GX
    validation results of a pack with any failure are kept in `<warehouse>/gx/` for Data Docs
    (and those of an earlier failing run of the same file are removed when it now passes).
    """
    return validate_packs([frames], warehouse_dir=warehouse_dir, file_names=[file_name])[0]


def validate_packs(
    frames_list: list[dict[str, Any]],
    *,
    warehouse_dir: str | Path | None = None,
    file_names: list[str | None] | None = None,
) -> list[GateResult]:
    """Validate several packs at once: one GX run per suite for the whole list, then the
    outcome split per pack. Same result as calling `validate_pack` on each, much faster for
    many packs (GX's cost is per expectation, not per row). No packs, no results: a batch
    whose packs were all refused before staging has nothing to validate."""
    if not frames_list:
        return []
    return validate_pack_batch(
        concat_pack_frames(frames_list),
        len(frames_list),
        warehouse_dir=warehouse_dir,
        file_names=file_names,
    )


def validate_pack_batch(
    batch: dict[str, Any],
    count: int,
    *,
    warehouse_dir: str | Path | None = None,
    file_names: list[str | None] | None = None,
) -> list[GateResult]:
    """`validate_packs` for `count` packs whose rows are given together: one pandas frame per
    raw table with `_pack_key` (the pack's position, 0 to count - 1) as its last column, rows
    ordered by it (`concat_pack_frames` makes them from per-pack frames; a bulk load reads them
    from `stage.*` at once, `ingest.store.staged_batch`, without a frame per pack). The frames
    are changed in place."""
    if count == 0:
        return []
    started = time.perf_counter()
    inputs, params, subjects = _prepare_batch(batch, count)
    for subject, name in zip(subjects, file_names or [], strict=False):
        if name:
            subject["file_name"] = name
    keys = list(range(len(subjects)))
    checks: dict[int, list[Failure]] = {k: [] for k in keys}
    for table, suite_name in PACK_SUITES.items():
        outcome, _skipped = _run_suite_split(suite_name, inputs[table], params, keys)
        for key, suite_checks in outcome.items():
            checks[key].extend(suite_checks)
    elapsed = (time.perf_counter() - started) / max(len(keys), 1)
    results = [_gate_result("pack", subjects[k], checks[k], {}, elapsed) for k in keys]
    if warehouse_dir is not None:
        from expectations import docs

        stored = docs.stored_batch_ids(warehouse_dir)
        for key, result in zip(keys, results, strict=True):
            # full GX results, for Data Docs, only for packs the gate stops: re-running the
            # suites for every pack with a warning cost seconds a pack in bulk loads
            if not result.passed:
                result.validation_results = _full_results(inputs, params, key)
            elif key != keys[-1] and not docs.has_stored_results(result, stored):
                # a passing pack with no stored results of its own to clear: all keep_results
                # would do is write it as each suite's latest validation, which the batch's
                # last pack overwrites (some 9 ms a pack, seconds a bulk load)
                continue
            docs.keep_results(result, warehouse_dir)
    return results


def _full_results(inputs: dict[str, Any], params: dict, key: int) -> dict[str, Any]:
    out = {}
    for table, suite_name in PACK_SUITES.items():
        frame = inputs[table]
        frame = frame[frame["_pack_key"] == key].reset_index(drop=True)
        out[suite_name] = _validate(suite_name, frame, params, _summary_format(suite_name, frame))
    return out


def prepare_pack_frames(
    frames_list: list[dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, Any], list[dict]]:
    """The frames each pack suite validates, with their derived columns (listed in each
    suite's meta) and `_pack_key` (position of the pack in `frames_list`); the suites'
    runtime parameters; and each pack's subject (pack_id, file_name, sha256)."""
    return _prepare_batch(concat_pack_frames(frames_list), len(frames_list))


def concat_pack_frames(frames_list: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-pack frames (pandas or polars, keyed by raw table) as one pandas frame per table,
    each row tagged `_pack_key`: its pack's position in `frames_list`."""
    import pandas as pd

    parts: dict[str, list] = {table: [] for table in PACK_SUITES}
    for key, frames in enumerate(frames_list):
        for table in PACK_SUITES:
            frame = _pandas(frames.get(table), table)
            frame["_pack_key"] = key
            parts[table].append(frame)
    return {
        table: pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        for table, frames in parts.items()
    }


NARROW_INTS = ("int8", "int16", "int32", "uint8", "uint16", "uint32")
"""Widened to int64 (losslessly) before validating. DuckDB's INTEGER columns arrive as int32,
and GX compares only int64 and float64 columns (and dates) as whole arrays: any other one it
compares value by value in Python (the between checks: 0.45 s of a 200-pack batch)."""


def _prepare_batch(cat: dict[str, Any], count: int) -> tuple[dict, dict, list[dict]]:
    """`prepare_pack_frames` for rows already concatenated (see `validate_pack_batch`)."""
    import pandas as pd

    packs, documents, tables, cells, lines = (
        cat["packs"],
        cat["documents"],
        cat["tables"],
        cat["table_cells"],
        cat["lines"],
    )
    keys = range(count)

    # one packs row per pack key; a placeholder (packs_rows = 0) where none was given
    counts = packs.groupby("_pack_key").size()
    missing = [k for k in keys if k not in counts.index]
    if missing:
        placeholder = []
        for k in missing:
            ids = [
                v
                for t in ("lines", "documents", "tables", "table_cells")
                for v in cat[t].loc[cat[t]["_pack_key"] == k, "pack_id"].dropna().head(1)
            ]
            placeholder.append({"_pack_key": k, "pack_id": ids[0] if ids else None})
        packs = pd.concat([packs, pd.DataFrame(placeholder)], ignore_index=True)
    packs["packs_rows"] = packs["_pack_key"].map(counts).fillna(0).astype("int64")

    lines_stored = lines.groupby("_pack_key").size()
    first = packs.drop_duplicates("_pack_key").set_index("_pack_key")
    line_count = {}
    for k in keys:
        value = first["line_count"].get(k) if k in first.index else None
        line_count[k] = (
            (int(value) if value is not None and pd.notna(value) and int(value) > 0 else None)
            or int(lines_stored.get(k, 0))
            or 1
        )
    pack_id = {k: (first["pack_id"].get(k) if k in first.index else None) for k in keys}

    def add_pack_columns(frame: Any) -> Any:
        frame["pack_line_count"] = frame["_pack_key"].map(line_count).astype("int64")
        expected = frame["_pack_key"].map(pack_id)
        frame["pack_known"] = (frame["pack_id"] == expected) & expected.notna()
        return frame

    # packs
    packs["meeting_date"] = pd.to_datetime(packs["meeting_date"], errors="coerce")
    packs["extracted_at"] = pd.to_datetime(packs["extracted_at"], errors="coerce")
    packs["sha256_prefix"] = packs["sha256"].map(lambda s: s[:16] if isinstance(s, str) else None)
    packs["latest_plausible_meeting_date"] = packs["extracted_at"] + pd.Timedelta(
        days=MAX_DAYS_AHEAD
    )
    date_lines = packs[["_pack_key", "meeting_date_line"]].copy()
    date_lines["line_number"] = pd.to_numeric(date_lines["meeting_date_line"], errors="coerce")
    text = date_lines.merge(
        lines[["_pack_key", "line_number", "text"]].drop_duplicates(["_pack_key", "line_number"]),
        how="left",
        on=["_pack_key", "line_number"],
    )["text"]
    packs["meeting_date_printed"] = [
        _date_printed(d, t) for d, t in zip(packs["meeting_date"], text, strict=True)
    ]
    packs["metadata_lines_in_pack"] = [
        all(pd.isna(v) or 1 <= v <= line_count[k] for v in row)
        for k, row in zip(
            packs["_pack_key"],
            packs[["council_line", "committee_line", "meeting_date_line", "venue_line"]].itertuples(
                index=False
            ),
            strict=True,
        )
    ]
    packs["lines_stored"] = packs["_pack_key"].map(lines_stored).fillna(0).astype("int64")
    docs_count = documents.groupby("_pack_key").size()
    packs["document_count"] = packs["_pack_key"].map(docs_count).fillna(0).astype("int64")

    # documents
    documents = add_pack_columns(documents)
    documents["expected_document_id"] = _expected_ids(documents, "-d")
    documents["lines_in_pack"] = (documents["first_line"] >= 1) & (
        documents["last_line"] <= documents["pack_line_count"]
    )
    ordered = documents.sort_values(["_pack_key", "first_line", "seq"], kind="stable")
    next_first = ordered.groupby("_pack_key")["first_line"].shift(-1)
    documents["overlaps_next"] = (ordered["last_line"] >= next_first).where(
        next_first.notna(), False
    )

    # tables, cross-checked with their documents and cells
    tables = add_pack_columns(tables)
    tables["expected_table_id"] = _expected_ids(tables, "-t")
    doc_keys = set(zip(documents["_pack_key"], documents["document_id"], strict=True))
    tables["document_known"] = [
        None if d is None or (isinstance(d, float) and math.isnan(d)) else (k, d) in doc_keys
        for k, d in zip(tables["_pack_key"], tables["document_id"], strict=True)
    ]
    tables["column_names_count"] = tables["column_names"].map(_list_len)
    tables = tables.merge(_cell_stats(cells), how="left", on=["_pack_key", "table_id"])
    tables["cell_count"] = tables["cell_count"].fillna(0).astype("int64")
    tables["body_rows_in_cells"] = tables["body_rows_in_cells"].fillna(0).astype("int64")
    tables["cells_fit_columns"] = tables["max_col"].isna() | (
        tables["max_col"] < tables["n_columns"]
    )
    tables["header_cells_match"] = tables["has_header_cells"].fillna(False).astype(bool) == (
        tables["n_header_rows"].fillna(0) > 0
    )
    caption_ok = tables["caption_first_line"].isna() | (
        (tables["caption_first_line"] >= 1)
        & (tables["caption_first_line"] <= tables["pack_line_count"])
    )
    tables["lines_in_pack"] = (
        (tables["first_line"] >= 1)
        & (tables["last_line"] <= tables["pack_line_count"])
        & caption_ok
    )
    hf, hl = tables["header_first_line"], tables["header_last_line"]
    inside = (tables["first_line"] <= hf) & (hf <= hl) & (hl <= tables["last_line"])
    tables["header_inside_table"] = [
        None if (pd.isna(a) and pd.isna(b)) else bool(ok)
        for a, b, ok in zip(hf, hl, inside.fillna(False), strict=True)
    ]
    tables = tables.drop(columns=["max_col", "has_header_cells"])

    # cells, against their table's shape and lines
    shape = cat["tables"][
        ["_pack_key", "table_id", "n_columns", "n_body_rows", "first_line", "last_line"]
    ].drop_duplicates(["_pack_key", "table_id"])
    shape = shape.rename(
        columns={
            "n_columns": "_t_cols",
            "n_body_rows": "_t_rows",
            "first_line": "_t_first",
            "last_line": "_t_last",
        }
    )
    cells = add_pack_columns(cells.merge(shape, how="left", on=["_pack_key", "table_id"]))
    known = cells["_t_cols"].notna()
    fits = (
        (cells["col_index"] >= 0)
        & (cells["col_index"] < cells["_t_cols"])
        & (cells["row_index"] >= -1)
        & (cells["row_index"] < cells["_t_rows"])
    ).fillna(False)
    span = (
        (cells["line_number"] >= cells["_t_first"]) & (cells["line_number"] <= cells["_t_last"])
    ).fillna(False)
    cells["table_known"] = known
    cells["cell_fits_table"] = _bool_or_none(fits, known)
    cells["line_in_pack"] = (
        (cells["line_number"] >= 1) & (cells["line_number"] <= cells["pack_line_count"])
    ).fillna(False)
    cells["line_in_table_span"] = _bool_or_none(span, known)
    line_text = cells[["_pack_key", "line_number"]].merge(
        lines[["_pack_key", "line_number", "text"]].drop_duplicates(["_pack_key", "line_number"]),
        how="left",
        on=["_pack_key", "line_number"],
    )["text"]
    # over Python lists: iterating an Arrow-backed column costs a microsecond an element
    cells["text_on_line"] = [
        None if not isinstance(t, str) else (isinstance(r, str) and _printed_on(r, t))
        for r, t in zip(cells["raw_text"].tolist(), line_text.tolist(), strict=True)
    ]
    cells = cells.drop(columns=["_t_cols", "_t_rows", "_t_first", "_t_last"])

    # lines
    lines = add_pack_columns(lines)
    lines["line_in_pack"] = (
        (lines["line_number"] >= 1) & (lines["line_number"] <= lines["pack_line_count"])
    ).fillna(False)
    lines["text_has_tab"] = _text_has_tab(
        lines["_pack_key"].tolist(), lines["line_number"].tolist(), lines["text"].tolist()
    )

    params = {"min_meeting_date": MIN_MEETING_DATE}
    subjects = []
    for k in keys:
        row = first.loc[k] if k in first.index else {}
        subjects.append(
            {
                "pack_id": _json_safe(row.get("pack_id")) if len(row) else None,
                "file_name": _json_safe(row.get("file_name")) if len(row) else None,
                "sha256": _json_safe(row.get("sha256")) if len(row) else None,
            }
        )
    inputs = {
        table: _suite_frame(frame, PACK_SUITES[table])
        for table, frame in (
            ("packs", packs),
            ("documents", documents),
            ("tables", tables),
            ("table_cells", cells),
            ("lines", lines),
            ("prose_numbers", cat["prose_numbers"]),
        )
    }
    for frame in inputs.values():
        for col in frame.columns:
            if frame[col].dtype == bool:
                frame[col] = frame[col].astype(object)
            elif frame[col].dtype in NARROW_INTS:
                frame[col] = frame[col].astype("int64")
    return inputs, params, subjects


def _cell_stats(cells: Any) -> Any:
    import pandas as pd

    columns = ["cell_count", "body_rows_in_cells", "max_col", "has_header_cells"]
    if cells.empty:
        return pd.DataFrame(columns=["_pack_key", "table_id", *columns])
    grouped = cells.groupby(["_pack_key", "table_id"])
    stats = pd.DataFrame(
        {
            "cell_count": grouped.size(),
            "max_col": grouped["col_index"].max(),
            "has_header_cells": grouped["row_index"].min() == -1,
        }
    )
    body = cells[cells["row_index"] >= 0]
    stats["body_rows_in_cells"] = body.groupby(["_pack_key", "table_id"])["row_index"].nunique()
    return stats.reset_index()


def _text_has_tab(keys: list, numbers: list, texts: list) -> list[bool | None]:
    """Whether each line is read as a table row, from its pack's text alone: it holds a TAB and
    is no numbered paragraph, nor an item of a list of them (ingest.paragraphs.paragraph_view
    reads each pack's lines together: `2.5<TAB>Of these, 180 ...` one blank line below `2.4`)."""
    by_pack: dict[Any, dict[int, str]] = {}
    for key, number, text in zip(keys, numbers, texts, strict=True):
        if isinstance(text, str) and isinstance(number, int | float) and not math.isnan(number):
            by_pack.setdefault(key, {})[int(number)] = text
    views: dict[Any, dict[int, str]] = {}
    for key, texts_at in by_pack.items():
        first, last = min(texts_at), max(texts_at)
        ordered = [texts_at.get(n, "") for n in range(first, last + 1)]
        view = paragraph_view(ordered) if any("\t" in t for t in ordered) else ordered
        views[key] = {n: view[n - first] for n in texts_at}
    return [
        ("\t" in views[key][int(number)])
        if isinstance(text, str)
        and key in views
        and isinstance(number, int | float)
        and not math.isnan(number)
        and int(number) in views[key]
        else None
        for key, number, text in zip(keys, numbers, texts, strict=True)
    ]


def _printed_on(text: str, line: str) -> bool:
    """`text` is printed on `line`, as the parser read the line: a numbered paragraph printed
    `1.1<TAB>sentence` is read with a space for its TAB (ingest/paragraphs.py)."""
    if text in line:
        return True
    return "\t" in line and text in paragraph_view([line])[0]


def _date_printed(meeting_date: Any, text: Any) -> bool | None:
    import pandas as pd

    if meeting_date is None or pd.isna(meeting_date):
        return None
    if not isinstance(text, str):
        return False
    year = meeting_date.year
    return bool(re.search(rf"(?<!\d)({year}|{year % 100:02d})(?!\d)", text))


def _expected_ids(frame: Any, infix: str) -> list[str | None]:
    import pandas as pd

    return [
        f"{p}{infix}{int(s):03d}" if isinstance(p, str) and pd.notna(s) else None
        for p, s in zip(frame["pack_id"], frame["seq"], strict=True)
    ]


def _list_len(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return len(value)
    except TypeError:
        return None


def _suite_frame(frame: Any, suite_name: str) -> Any:
    """The frame with only the columns its suite reads (and `_pack_key`). GX hashes every
    column of a frame it validates, the lines' and cells' text among them: 0.3 s of a 200-pack
    batch's 2.7 s. A column the suite needs and the frame lacks stays missing, and its
    expectations fail (`_run_suite_split`)."""
    wanted = _suite_columns(_gx.suite_spec(suite_name)) | {"_pack_key"}
    return frame.drop(columns=[c for c in frame.columns if c not in wanted])


def _bool_or_none(values: Any, known: Any) -> list[bool | None]:
    return [bool(v) if k else None for v, k in zip(values.tolist(), known.tolist(), strict=True)]


def _schema_columns(table: str) -> tuple[str, ...]:
    from ingest.raw_contract import RAW_COLUMNS

    return RAW_COLUMNS[table]


def release_gate_memory() -> None:
    """Let go of the memory a gate batch leaves behind, once its results are read.

    GX keeps the last frames it validated (`_gx.forget_batches`), and pyarrow's allocator
    (mimalloc), which made them, keeps freed memory for reuse. After a 200-pack batch of the
    pack gate the two held 210 MB of the build process's 754 MB (a 400-pack build, at the
    start of dbt), through the dbt steps and the publish that follow."""
    _gx.forget_batches()
    pyarrow = sys.modules.get("pyarrow")  # nothing to give back if nothing imported it
    if pyarrow is not None:
        pyarrow.default_memory_pool().release_unused()


def _pandas(frame: Any, table: str) -> Any:
    """A pandas copy of a frame (polars accepted); a missing frame is empty with the schema's
    columns, so that its expectations fail instead of the gate crashing."""
    import pandas as pd

    if frame is None:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _schema_columns(table)})
    if not isinstance(frame, pd.DataFrame):
        frame = frame.to_pandas() if hasattr(frame, "to_pandas") else pd.DataFrame(frame)
    frame = frame.reset_index(drop=True).copy()
    for col in _schema_columns(table):
        if col not in frame.columns:
            frame[col] = None
    return frame


# --------------------------------------------------------------------------- running suites


def _validate(suite_name: str, frame: Any, params: dict, result_format: Any, suite: Any = None):
    suite = suite if suite is not None else _gx.suite(suite_name)
    needed = {k: v for k, v in params.items() if k in suite.suite_parameter_options}
    batch = _gx.batch_definition(suite_name).get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(suite, result_format=result_format, expectation_parameters=needed)


def _summary_format(suite_name: str, frame: Any) -> dict:
    columns = [c for c in _index_columns(_gx.suite_spec(suite_name)) if c in frame.columns]
    result_format: dict[str, Any] = {
        "result_format": "SUMMARY",
        "partial_unexpected_count": SAMPLE_SIZE,
        "include_unexpected_rows": False,
    }
    if columns:
        result_format["unexpected_index_column_names"] = columns
    return result_format


def _run_suite_split(
    suite_name: str, frame: Any, params: dict, keys: list[int]
) -> tuple[dict[int, list[Failure]], list[str]]:
    """Validate a suite over the rows of many subjects (column `_pack_key`) and split the
    outcome per subject.

    A first pass asks GX only whether each expectation holds (cheap); the expectations that
    failed are re-run with every unexpected row's index columns, grouped by `_pack_key`.
    """
    spec = _gx.suite_spec(suite_name)
    runnable = _runnable(spec, frame)
    skipped = [e["meta"]["name"] for e in spec["expectations"] if e not in runnable]
    suite = (
        _gx.sub_suite(suite_name, tuple(e["meta"]["name"] for e in runnable)) if skipped else None
    )
    first = _validate(suite_name, frame, params, "BOOLEAN_ONLY", suite)
    failed = [r.expectation_config.meta.get("name") for r in first.results if not r.success]
    detail: dict[str, Any] = {}
    if failed:
        columns = ["_pack_key"] + [
            c for c in _index_columns(spec) if c in frame.columns and c != "_pack_key"
        ]
        result_format = {
            "result_format": "COMPLETE",
            "unexpected_index_column_names": columns,
            "include_unexpected_rows": False,
            "return_unexpected_index_query": False,
        }
        sub_suite = _gx.sub_suite(suite_name, tuple(failed))
        second = _validate(suite_name, frame, params, result_format, suite=sub_suite)
        detail = {r.expectation_config.meta.get("name"): r for r in second.results}
    out: dict[int, list[Failure]] = {k: [] for k in keys}
    for exp in runnable:
        meta = exp["meta"]
        exp_result = detail.get(meta["name"])
        if exp_result is None or exp_result.success:
            for k in keys:
                out[k].append(_outcome(suite_name, exp, True))
            continue
        error = _exception_message(exp_result)
        rows = (exp_result.result or {}).get("unexpected_index_list")
        if error or not rows or not isinstance(rows[0], dict):
            # could not run, or a table-level expectation: it concerns every subject
            sample = _sample(exp_result.result or {}, exp, spec, error)
            count = (exp_result.result or {}).get("unexpected_count")
            for k in keys:
                out[k].append(_outcome(suite_name, exp, False, count, sample, error))
            continue
        by_key: dict[int, list[dict]] = {}
        for row in rows:
            by_key.setdefault(int(row.get("_pack_key", -1)), []).append(row)
        for k in keys:
            mine = by_key.get(k)
            if not mine:
                out[k].append(_outcome(suite_name, exp, True))
            else:
                sample = _sample({"partial_unexpected_index_list": mine}, exp, spec, None)
                out[k].append(_outcome(suite_name, exp, False, len(mine), sample))
    for exp in spec["expectations"]:  # a rule whose columns are missing fails, loudly
        if exp not in runnable:
            missing = [c for c in exp["meta"].get("requires", []) if c not in frame.columns]
            message = f"column(s) {', '.join(missing)} missing: the expectation cannot run"
            for k in keys:
                out[k].append(_outcome(suite_name, exp, False, None, [{"error": message}], message))
    return out, skipped


def _runnable(spec: dict, frame: Any) -> list[dict]:
    """The expectations whose `meta.requires` columns are all in the frame (the others fail:
    see `_run_suite_split`)."""
    return [
        e
        for e in spec["expectations"]
        if all(c in frame.columns for c in e["meta"].get("requires", []))
    ]


def _outcome(
    suite_name: str,
    exp: dict,
    success: bool,
    unexpected_count: int | None = 0,
    sample: list[dict] | None = None,
    error: str | None = None,
) -> Failure:
    meta, kwargs = exp["meta"], exp["kwargs"]
    return Failure(
        suite=suite_name,
        expectation=meta["name"],
        column=_column_label(kwargs),
        severity=meta["severity"],
        note=meta["note"],
        unexpected_count=None if unexpected_count is None else int(unexpected_count),
        sample=sample or [],
        expectation_type=exp["type"],
        success=success,
        error=error,
    )


def _column_label(kwargs: dict) -> str | None:
    if kwargs.get("column"):
        return kwargs["column"]
    columns = kwargs.get("column_list") or [
        c for c in (kwargs.get("column_A"), kwargs.get("column_B")) if c
    ]
    return ",".join(columns) or None


def _suite_columns(spec: dict) -> set[str]:
    """Every column a suite's expectations, samples and index read."""
    wanted = set(_index_columns(spec))
    for exp in spec["expectations"]:
        wanted.update(_value_columns(exp["kwargs"]))
        wanted.update(exp["meta"].get("requires", []))
    return wanted


def _value_columns(kwargs: dict) -> list[str]:
    if kwargs.get("column"):
        return [kwargs["column"]]
    return list(kwargs.get("column_list") or []) or [
        c for c in (kwargs.get("column_A"), kwargs.get("column_B")) if c
    ]


def _index_columns(spec: dict) -> list[str]:
    meta = spec.get("meta", {})
    columns: list[str] = []
    candidates = [*meta.get("key_columns", []), meta.get("line_column")]
    for exp in spec["expectations"]:
        candidates += [exp["meta"].get("line_column"), *exp["meta"].get("sample_columns", [])]
    for col in candidates:
        if col and col not in columns:
            columns.append(col)
    return columns


def _exception_message(exp_result: Any) -> str | None:
    info = exp_result.exception_info or {}
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message"))
    return None


def _sample(result: dict, exp: dict, spec: dict, error: str | None) -> list[dict]:
    """A few offending values, each with its pack line (and pack, key) where one exists."""
    if error:
        return [{"error": error[:300]}]
    meta = exp["meta"]
    suite_meta = spec.get("meta", {})
    line_column = meta.get("line_column") or suite_meta.get("line_column")
    value_columns = _value_columns(exp["kwargs"])
    keys = [
        k
        for k in [*suite_meta.get("key_columns", []), *meta.get("sample_columns", [])]
        if k and k not in value_columns and k != line_column
    ]
    rows = result.get("partial_unexpected_index_list") or result.get("unexpected_index_list")
    sample: list[dict] = []
    if rows and isinstance(rows[0], dict):
        for row in rows[:SAMPLE_SIZE]:
            if len(value_columns) == 1:
                item: dict[str, Any] = {"value": row.get(value_columns[0])}
            else:
                item = {"value": {c: row.get(c) for c in value_columns}}
            if line_column:
                item["line"] = row.get(line_column)
            context = {k: row[k] for k in keys if k in row}
            if context:
                item["context"] = context
            sample.append(_json_safe(item))
    elif result.get("partial_unexpected_list"):
        sample = [_json_safe({"value": v}) for v in result["partial_unexpected_list"][:SAMPLE_SIZE]]
    elif "observed_value" in result:
        expected = {k: v for k, v in exp["kwargs"].items() if k not in ("batch_id", "column")}
        sample = [_json_safe({"observed": result["observed_value"], "expected": expected})]
    return sample


def _gate_result(
    gate: str, subject: dict, checks: list[Failure], results: dict, duration_s: float
) -> GateResult:
    failures = [c for c in checks if not c.success]
    return GateResult(
        gate=gate,
        subject=subject,
        passed=not any(f.severity == "blocking" for f in failures),
        failures=failures,
        checks=checks,
        suites=list(dict.fromkeys(c.suite for c in checks)) or list(results),
        run_id=uuid.uuid4().hex[:12],
        validated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        duration_s=duration_s,
        validation_results=results,
    )


def _json_safe(value: Any) -> Any:
    """Plain JSON values: numpy scalars, timestamps, NaN/NaT and arrays made serialisable."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, bool | str):
        return value
    if type(value).__name__ == "NaTType":
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, int):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "tolist") and not hasattr(value, "isoformat"):  # numpy scalar or array
        return _json_safe(value.tolist())
    if hasattr(value, "isoformat"):  # pandas Timestamp
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
        return value.isoformat()
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)
