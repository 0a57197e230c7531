"""The pack gate's rules about one raw column at a time are defined once, as `pack_gate:` of the
column in contracts/raw.yml: they reach the gate from there (a value added to the contract is
accepted, a value outside it fails the gate under the check's name), and the suite files keep
only the rules that join columns or tables."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from contracts import generate, model, render_python

REPO = Path(__file__).resolve().parents[1]
PACKS = REPO / "data" / "packs"
PACK = "002_584beb4c97a436e5.txt"  # every raw table has rows; passes every expectation

CONTRACTS = model.load()
CONTRACTS_BY_NAME = {t.name: t for t in CONTRACTS.raw}
CHECKS = [
    (table.name, column.name, check)
    for table in CONTRACTS.raw
    for column in table.columns
    for check in column.pack_gate
]


def _suite_file(table: str) -> dict:
    import json

    return json.loads((REPO / "expectations" / "suites" / f"pack_{table}.json").read_text("utf-8"))


# --------------------------------------------------------------------------- one definition


def test_the_check_vocabulary_is_the_generators():
    """Every kind of check the contract may declare has a GX expectation to become."""
    assert set(model.GATE_CHECKS) == set(render_python.GATE_EXPECTATIONS)


def test_suite_files_keep_only_rules_that_join_columns_or_tables():
    """A rule about one raw column's values in a suite file would be a second definition: it
    belongs in the column's `pack_gate:` (derived columns, which join tables, stay)."""
    single_column = {gx_type for gx_type, _ in render_python.GATE_EXPECTATIONS.values()}
    for table in CONTRACTS.raw:
        spec = _suite_file(table.name)
        for exp in spec["expectations"]:
            column = exp["kwargs"].get("column")
            assert not (exp["type"] in single_column and column in table.column_names), (
                f"pack_{table.name}.{exp['meta']['name']}: declare it on {table.name}.{column} "
                "in contracts/raw.yml (pack_gate:)"
            )


def test_each_pack_suite_runs_its_tables_contract_checks_then_its_own():
    from expectations import _gx
    from expectations.gate import PACK_SUITES

    for table in CONTRACTS.raw:
        suite = PACK_SUITES[table.name]
        names = [e["meta"]["name"] for e in _gx.suite_spec(suite)["expectations"]]
        from_contract = [check.name for t, _, check in CHECKS if t == table.name]
        own = [e["meta"]["name"] for e in _suite_file(table.name)["expectations"]]
        assert names == from_contract + own
        assert len(set(names)) == len(names)
        assert len(_gx.build_suite(suite).expectations) == len(names)


def test_accepted_values_are_in_the_column_description():
    """The description (dbt docs, published column comments) lists the values the gate
    accepts, so that the documented vocabulary cannot drift from the checked one."""
    for table, column, check in CHECKS:
        if check.check == "accepted_values":
            description = CONTRACTS_BY_NAME[table].column(column).description
            missing = [v for v in check.value if v not in description]
            assert not missing, f"{table}.{column}: {missing} not in {description!r}"


def test_prose_qualifiers_are_the_contracts():
    """prose.yml names the qualifiers ingest writes (and prose.py the range's): a new one in
    prose.yml without the contract would be a warning on every pack that prints it."""
    from ingest import prose

    rules = yaml.safe_load((REPO / "ingest" / "prose.yml").read_text(encoding="utf-8"))
    written = {*rules["qualifiers"], prose.RANGE_QUALIFIER}
    check = next(c for t, col, c in CHECKS if (t, col) == ("prose_numbers", "qualifier"))
    assert check.check == "accepted_values"
    assert written == set(check.value)


# --------------------------------------------------------------------------- malformed contracts


def _load_with(tmp_path: Path, table: str, column: str, checks: list) -> model.Contracts:
    shutil.copytree(model.CONTRACTS_DIR, tmp_path / "contracts")
    path = tmp_path / "contracts" / "raw.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["tables"][table]["columns"][column]["pack_gate"] = checks
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return model.load(tmp_path / "contracts")


@pytest.mark.parametrize(
    ("check", "message"),
    [
        ({"name": "n", "note": "what it protects"}, "says one of"),
        ({"not_null": True, "unique": True, "name": "n", "note": "x"}, "says one of"),
        ({"accepted_values": ["a"], "note": "what it protects"}, "has a name, a note"),
        ({"between": {"low": 1}, "name": "n", "note": "x"}, "min_value and/or max_value"),
        ({"not_null": True, "name": "n", "note": "x", "severity": "fatal"}, "severity"),
        ({"not_null": True, "name": "n", "note": "x", "line_column": "nowhere"}, "unknown"),
    ],
)
def test_a_malformed_check_is_refused_when_the_contract_is_read(tmp_path, check, message):
    with pytest.raises(ValueError, match=message):
        _load_with(tmp_path, "documents", "kind", [check])


def test_only_raw_columns_have_pack_gate_checks(tmp_path):
    shutil.copytree(model.CONTRACTS_DIR, tmp_path / "contracts")
    path = tmp_path / "contracts" / "marts" / "dim_pack.yml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["columns"]["pack_id"]["pack_gate"] = [{"not_null": True, "name": "n", "note": "x"}]
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match="raw tables only"):
        model.load(tmp_path / "contracts")


# --------------------------------------------------------------------------- the gate itself


@pytest.fixture(scope="module")
def pack() -> dict:
    """A sample pack, parsed, staged and read back as the gate sees it."""
    from ingest import store
    from ingest.frames import pack_frames
    from ingest.parse import parse_pack_bytes

    con = store.connect(":memory:")
    data = (PACKS / PACK).read_bytes()
    pack_id = store.stage_pack(con, pack_frames(parse_pack_bytes(PACK, data)))
    frames = store.staged_frames(con, pack_id)
    con.close()
    return frames


def _copy(frames: dict) -> dict:
    return {name: frame.copy() for name, frame in frames.items()}


def _outside(check: model.GateCheck):
    """A value the check refuses, of the kind it is about."""
    if check.check == "not_null":
        return None
    if check.check == "json":
        return "{field: not json"
    if check.check == "accepted_values":
        return "not_" + "_or_".join(check.value)
    if check.check == "pattern":
        value = "does not match"
        assert not re.search(check.value, value)
        return value
    low, high = check.value.get("min_value"), check.value.get("max_value")
    if check.check == "length_between":
        return "x" * (low - 1 if low else high + 1)
    return low - 1 if low is not None else high + 1


def _runtime_parameter(check: model.GateCheck) -> bool:
    """A bound given at run time (`{$PARAMETER: ...}`): tests/test_expectations_gate.py."""
    return check.check == "between" and any(isinstance(v, dict) for v in check.value.values())


REFUSABLE = [
    pytest.param(table, column, check, id=check.name)
    for table, column, check in CHECKS
    # one row cannot repeat a value: unique is the batch test below
    if check.check != "unique" and not _runtime_parameter(check)
]


def test_every_kind_of_check_is_tried_on_a_real_pack():
    tried = {param.values[2].check for param in REFUSABLE}
    assert tried == set(model.GATE_CHECKS) - {"unique"}


def test_the_pack_as_printed_passes_every_check(pack):
    from expectations.gate import validate_pack

    result = validate_pack(pack)
    assert result.passed and not result.failures
    assert {c.name for _, _, c in CHECKS} <= {c.expectation for c in result.checks}


@pytest.mark.parametrize(("table", "column", "check"), REFUSABLE)
def test_a_value_the_contract_refuses_fails_the_gate_under_the_checks_name(
    pack, table, column, check
):
    """Each single-column check the contract declares, on a real pack whose first row of that
    table holds a value the check refuses: the gate reports that check, with its severity and
    suite, and the offending value in its sample."""
    from expectations.gate import PACK_SUITES, validate_pack

    frames = _copy(pack)
    value = _outside(check)
    if value is None or isinstance(value, str):
        frames[table][column] = frames[table][column].astype(object)
    frames[table].loc[0, column] = value
    result = validate_pack(frames)
    failure = next(f for f in result.failures if f.expectation == check.name)
    assert failure.severity == check.severity
    assert failure.suite == PACK_SUITES[table]
    assert failure.column == column
    assert failure.unexpected_count == 1
    assert failure.sample[0]["value"] == value
    if check.severity == "blocking":
        assert not result.passed


def test_an_unknown_document_kind_stops_the_pack_and_names_its_line(pack):
    """A document kind the contract does not list ('briefing') quarantines the pack:
    document_kind_known, blocking, on the document's first printed line. The third document of
    the pack is the report whose header `Report to: **CHILDREN AND YOUNG PEOPLE'S SCRUTINY
    COMMITTEE**` is printed on line 252."""
    from expectations.gate import validate_pack

    frames = _copy(pack)
    document = frames["documents"].loc[2]
    assert (document["kind"], document["first_line"]) == ("report", 252)
    frames["documents"].loc[2, "kind"] = "briefing"
    result = validate_pack(frames)
    assert not result.passed
    failure = next(f for f in result.blocking if f.expectation == "document_kind_known")
    context = {"document_id": document["document_id"]}
    assert failure.sample == [{"value": "briefing", "line": 252, "context": context}]


def test_unique_checks_fail_when_one_batch_holds_the_same_pack_twice(pack):
    from expectations.gate import validate_packs

    unique = {c.name for _, _, c in CHECKS if c.check == "unique"}
    assert unique  # sha256, document_id, table_id
    first, second = validate_packs([pack, _copy(pack)])
    for result in (first, second):
        assert unique <= {f.expectation for f in result.blocking}


@pytest.fixture
def contract_from(tmp_path, monkeypatch):
    """Run the pack gate with the expectations generated from a changed copy of the raw
    contract (the text `make contracts` would write), and with the committed ones again after."""
    from expectations import _gx
    from ingest import raw_contract

    def use(change) -> None:
        shutil.copytree(model.CONTRACTS_DIR, tmp_path / "contracts")
        path = tmp_path / "contracts" / "raw.yml"
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(raw)
        path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
        text = generate.render_all(model.load(tmp_path / "contracts"))["ingest/raw_contract.py"]
        generated: dict = {}
        exec(compile(text, "raw_contract.py", "exec"), generated)
        monkeypatch.setattr(
            raw_contract, "PACK_GATE_EXPECTATIONS", generated["PACK_GATE_EXPECTATIONS"]
        )
        _gx.forget_suites()

    yield use
    monkeypatch.undo()
    _gx.forget_suites()


def _accepted_values(raw: dict, table: str, column: str) -> list:
    checks = raw["tables"][table]["columns"][column]["pack_gate"]
    return next(c for c in checks if "accepted_values" in c)["accepted_values"]


def test_a_value_added_to_a_columns_contract_reaches_the_pack_gate(pack, contract_from):
    """Another council's packs hold a 'briefing' document: one value added to documents.kind
    in contracts/raw.yml and the gate accepts it; nothing else is edited."""
    from expectations.gate import validate_pack

    frames = _copy(pack)
    frames["documents"].loc[2, "kind"] = "briefing"
    assert validate_pack(frames).failed("document_kind_known")

    contract_from(lambda raw: _accepted_values(raw, "documents", "kind").append("briefing"))
    result = validate_pack(frames)
    assert result.passed and not result.failures
    check = next(c for c in result.checks if c.expectation == "document_kind_known")
    assert check.success and check.suite == "pack_documents"


def test_a_check_added_to_a_column_runs_in_the_gate(pack, contract_from):
    """A new check is one entry under the column: here a pattern on documents.marker that no
    real marker meets."""
    from expectations.gate import validate_pack

    def add(raw: dict) -> None:
        marker = raw["tables"]["documents"]["columns"]["marker"]
        marker.setdefault("pack_gate", []).append(
            {"pattern": "^x+$", "name": "marker_is_xs", "note": "a rule no real marker meets"}
        )

    contract_from(add)
    result = validate_pack(pack)
    failure = next(f for f in result.failures if f.expectation == "marker_is_xs")
    assert (failure.suite, failure.column, failure.severity) == (
        "pack_documents",
        "marker",
        "blocking",
    )
    assert failure.unexpected_count == len(pack["documents"])
    assert not result.passed
