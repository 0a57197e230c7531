"""The pack gate (expectations.gate.validate_pack) on the bundled sample packs and corrupted
copies of them."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKS = REPO / "data" / "packs"
BUNDLED = sorted(p.name for p in PACKS.glob("*.txt"))
DATE_PACK = "001_b6da0de6cc3fbefc.txt"  # its meeting date is printed on line 3 only


def _staged(con, file_name: str, data: bytes | None = None) -> dict:
    """Parse a pack, stage it, and read it back as the gate sees it (pandas from stage.*)."""
    from ingest import store
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack_bytes

    data = (PACKS / file_name).read_bytes() if data is None else data
    pack_id = store.stage_pack(con, pack_frames(parse_pack_bytes(file_name, data)))
    return store.staged_frames(con, pack_id)


@pytest.fixture(scope="module")
def con():
    from ingest import store

    connection = store.connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def staged(con) -> dict[str, dict]:
    return {name: _staged(con, name) for name in BUNDLED}


def _copy(frames: dict) -> dict:
    return {name: frame.copy() for name, frame in frames.items()}


def _without_meeting_date_line(file_name: str = DATE_PACK) -> bytes:
    lines = (PACKS / file_name).read_bytes().decode("utf-8").split("\n")
    assert "27 April 2017" in lines[2]
    lines[2] = ""
    return "\n".join(lines).encode("utf-8")


def test_there_are_bundled_packs():
    assert len(BUNDLED) >= 4


@pytest.mark.parametrize("file_name", BUNDLED)
def test_bundled_pack_passes_every_blocking_expectation(staged, file_name):
    from expectations import _gx
    from expectations.gate import PACK_SUITES, validate_pack

    result = validate_pack(staged[file_name])
    assert result.passed, json.dumps([f.to_dict() for f in result.blocking], default=str)[:3000]
    assert result.blocking == []
    assert result.subject["file_name"] == file_name
    expected = sum(len(_gx.suite_spec(s)["expectations"]) for s in PACK_SUITES.values())
    assert len(result.checks) == expected  # every expectation of every suite was evaluated
    assert sorted(result.suites) == sorted(PACK_SUITES.values())


def test_meeting_date_removed_fails_meeting_date_present(con):
    from expectations.gate import validate_pack

    frames = _staged(con, "broken_" + DATE_PACK, _without_meeting_date_line())
    assert frames["packs"]["meeting_date"].isna().all()
    result = validate_pack(frames)
    assert not result.passed
    failure = next(f for f in result.failures if f.expectation == "meeting_date_present")
    assert failure.severity == "blocking"
    assert failure.suite == "pack_packs"
    assert failure.unexpected_count == 1
    assert failure.sample and failure.sample[0]["value"] is None
    assert result.subject["file_name"] == "broken_" + DATE_PACK


def test_implausible_and_unprinted_meeting_dates_fail(staged):
    import pandas as pd

    from expectations.gate import validate_pack

    frames = _copy(staged[DATE_PACK])
    frames["packs"].loc[0, "meeting_date"] = pd.Timestamp("1970-01-01")
    result = validate_pack(frames)
    names = {f.expectation for f in result.blocking}
    assert {"meeting_date_not_too_old", "meeting_date_printed"} <= names
    printed = next(f for f in result.failures if f.expectation == "meeting_date_printed")
    assert printed.sample[0]["line"] == 3

    frames = _copy(staged[DATE_PACK])
    frames["packs"].loc[0, "meeting_date"] = pd.Timestamp("2099-04-27")
    result = validate_pack(frames)
    assert result.failed("meeting_date_not_in_far_future")


def test_cell_line_outside_pack_is_blocking_and_names_the_line(staged):
    from expectations.gate import validate_pack

    frames = _copy(staged[DATE_PACK])
    line_count = int(frames["packs"]["line_count"].iloc[0])
    frames["table_cells"].loc[0, "line_number"] = line_count + 50
    result = validate_pack(frames)
    assert not result.passed
    failure = next(f for f in result.failures if f.expectation == "cell_line_in_pack")
    assert failure.unexpected_count == 1
    assert failure.sample[0]["line"] == line_count + 50
    assert failure.sample[0]["context"]["table_id"] == frames["table_cells"].loc[0, "table_id"]


@pytest.mark.parametrize(
    ("corrupt", "expectation"),
    [
        (lambda f: f.update(table_cells=_dup_first(f["table_cells"])), "cell_key_unique"),
        (lambda f: f["tables"].loc.__setitem__((0, "n_columns"), 0), "table_has_columns"),
        (
            lambda f: f["tables"].loc.__setitem__((0, "n_body_rows"), 99),
            "body_rows_match_cells",
        ),
        (lambda f: f["table_cells"].loc.__setitem__((0, "col_index"), 40), "cell_fits_table_shape"),
        (lambda f: f["packs"].loc.__setitem__((0, "sha256"), "0" * 64), "pack_id_is_sha256_prefix"),
        (lambda f: f["packs"].loc.__setitem__((0, "council"), None), "council_present"),
        (lambda f: f["packs"].loc.__setitem__((0, "committee"), None), "committee_present"),
        (lambda f: f.update(lines=f["lines"].iloc[:-5]), "all_lines_present"),
        (
            lambda f: f["table_cells"].loc.__setitem__((0, "raw_text"), "zzz-not-on-line"),
            "cell_text_on_its_line",
        ),
        (lambda f: f["documents"].loc.__setitem__((0, "kind"), "memo"), "document_kind_known"),
        (lambda f: f.pop("tables"), "cell_table_exists"),
    ],
)
def test_structural_corruption_is_blocking(staged, corrupt, expectation):
    from expectations.gate import validate_pack

    frames = _copy(staged[DATE_PACK])
    corrupt(frames)
    result = validate_pack(frames)
    assert not result.passed
    names = {f.expectation for f in result.blocking}
    assert expectation in names, names


def _dup_first(frame):
    import pandas as pd

    return pd.concat([frame, frame.iloc[[0]]], ignore_index=True)


def test_batch_validation_matches_single_and_isolates_the_bad_pack(con, staged):
    from expectations.gate import validate_pack, validate_packs

    broken = _staged(con, "broken_" + DATE_PACK, _without_meeting_date_line())
    frames = [staged[name] for name in BUNDLED if name != DATE_PACK] + [broken]
    results = validate_packs(frames)
    assert [r.passed for r in results] == [True] * (len(frames) - 1) + [False]
    single = validate_pack(broken)
    assert [(f.expectation, f.unexpected_count) for f in results[-1].failures] == [
        (f.expectation, f.unexpected_count) for f in single.failures
    ]


def test_the_warm_worker_gives_the_gates_results_and_keeps_them_for_data_docs(
    con, staged, tmp_path, caplog
):
    # make warehouse runs the pack gate in a worker process that imported GX while the load
    # started (expectations/gate_worker.py): the same checks over the same rows, and the GX
    # results of the pack it stops kept in the warehouse folder for Data Docs
    from expectations import gate_worker
    from expectations.gate import concat_pack_frames, validate_packs

    broken = _staged(con, "broken_" + DATE_PACK, _without_meeting_date_line())
    frames = [staged[BUNDLED[0]], broken]
    names = [BUNDLED[0], "broken_" + DATE_PACK]
    here = validate_packs([_copy(f) for f in frames], file_names=names)
    with gate_worker.started(tmp_path):
        there = gate_worker.validate_pack_batch(
            concat_pack_frames([_copy(f) for f in frames]),
            2,
            warehouse_dir=tmp_path,
            file_names=names,
        )
    assert "validating here" not in caplog.text  # the worker validated, not this process
    assert [r.passed for r in there] == [True, False]
    assert [r.subject["file_name"] for r in there] == names

    def outcomes(result):
        return [(c.expectation, c.success, c.unexpected_count) for c in result.checks]

    assert [outcomes(r) for r in there] == [outcomes(r) for r in here]
    assert ("meeting_date_present", False, 1) in outcomes(there[1])
    kept = list((tmp_path / "gx" / "uncommitted" / "validations").rglob("*.json"))
    assert kept and all("broken_" in str(path) or "pack_" in str(path) for path in kept)
    assert there[1].data_docs == str((tmp_path / "data_docs" / "index.html").resolve())


def test_the_gate_lets_go_of_the_frames_it_validated(staged):
    # GX's execution engine keeps the last frame of every suite it validated: a 200-pack batch
    # of a bulk load, held through dbt and the publish, unless the gate lets go of it
    from expectations import _gx
    from expectations.gate import PACK_SUITES, release_gate_memory, validate_packs

    release_gate_memory()  # what other gates validated earlier in this process (fact gate)
    validate_packs([staged[name] for name in BUNDLED])
    engine = _gx.validation_context().data_sources.get("frames").get_execution_engine()
    kept = engine.batch_manager.batch_data_cache
    assert len(kept) == len(PACK_SUITES)  # one frame per suite (raw table)
    assert max(len(batch.dataframe) for batch in kept.values()) > 1000  # the lines of 4 packs
    release_gate_memory()
    assert engine.batch_manager.batch_data_cache == {}
    assert engine.batch_manager.batch_cache == {}


def test_result_serialises_and_fits_ops_gate_results(con, tmp_path):
    from expectations.gate import validate_pack, write_report

    result = validate_pack(_staged(con, "broken_" + DATE_PACK, _without_meeting_date_line()))
    data = json.loads(result.to_json())
    assert data["passed"] is False and data["blocking_failures"] >= 1
    fields = {"suite", "expectation", "column", "severity", "note", "unexpected_count", "sample"}
    assert fields <= set(data["failures"][0])
    report = write_report(result, tmp_path / "quarantine" / "broken.txt.json")
    assert json.loads(report.read_text(encoding="utf-8")) == data
    rows = result.ops_rows()
    assert len(rows) == len(result.checks)
    for row in rows:
        con.execute(
            "insert into ops.gate_results by name select * from (select "
            + ", ".join(f"? as {column}" for column in row)
            + ")",
            list(row.values()),
        )
    stored = con.execute(
        "select count(*) filter (where not success), count(*) from ops.gate_results "
        "where expectation = 'meeting_date_present'"
    ).fetchone()
    assert stored == (1, 1)


def test_pack_gate_is_fast(staged):
    from expectations.gate import validate_pack, validate_packs

    frames = staged[BUNDLED[0]]
    validate_pack(frames)  # warm: GX imported, suites built
    started = time.perf_counter()
    validate_pack(frames)
    single = time.perf_counter() - started
    batch = [staged[name] for name in BUNDLED]
    started = time.perf_counter()
    validate_packs(batch)
    per_pack = (time.perf_counter() - started) / len(batch)
    assert single < 3.0, single  # about 0.6 s on a laptop; generous for slow CI
    assert per_pack < 1.0, per_pack  # about 0.2 s per pack in a batch of 4


def test_numbered_paragraphs_printed_with_a_tab_pass_the_gate(con):
    """A pack of numbered paragraphs printed `1.1<TAB>sentence` (read as text, has_tab false) and
    a table row under one passes: has_tab agrees with the text as the parser reads it, and each
    cell's text is on its line (tests/data/meaning_layouts/217 is such a pack)."""
    from expectations.gate import validate_pack

    layout = REPO / "tests" / "data" / "meaning_layouts" / "217_cornwall_numbered_paragraphs.txt"
    frames = _staged(con, layout.name, layout.read_bytes())
    lines = frames["lines"]
    numbered = lines[lines["text"].str.startswith("1.1\t")]
    assert numbered["has_tab"].tolist() == [False]
    result = validate_pack(frames)
    assert result.passed, [f["expectation"] for f in result.failures]
