"""The BI models' contracts (contracts/bi/): dbt/models/bi/_bi.yml is generated from them, and
the views dbt builds in schema bi are the contracts' views, column for column and type for type."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from contracts import generate, model, render_dbt


@pytest.fixture(scope="module")
def contracts() -> model.Contracts:
    return model.load()


def _columns(con, schema: str, table: str) -> list[tuple[str, str, str | None]]:
    return con.execute(
        "SELECT column_name, data_type, comment FROM duckdb_columns() "
        "WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()


def _expected_columns(con, table: model.Table) -> list[tuple[str, str]]:
    """The contract's columns, with a pivot's generated columns (one per measure code of the
    domain in the built dim_measure, in code order) placed after the column they follow."""
    expected = [(c.name, c.type) for c in table.columns]
    generated = table.generated_columns
    if generated:
        codes = con.execute(
            "SELECT measure_code FROM marts.dim_measure WHERE domain = ? ORDER BY measure_code",
            [generated["measures_of_domain"]],
        ).fetchall()
        at = table.column_names.index(generated["after"]) + 1
        expected[at:at] = [(code, generated["type"]) for (code,) in codes]
    return expected


def _alias(table: model.Table) -> str:
    return table.config.get("alias") or table.name


def _contracts_copy(tmp_path: Path) -> Path:
    root = tmp_path / "contracts"
    shutil.copytree(model.CONTRACTS_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def _changed_outputs(root: Path) -> dict[str, tuple[str, str]]:
    before = generate.render_all(model.load())
    after = generate.render_all(model.load(root))
    return {p: (before[p], after[p]) for p in before if before[p] != after[p]}


def test_bi_models_are_the_contract(contracts, marts_con):
    """Every view dbt builds in schema bi has a contract, and its columns and types are the
    contract's (the waiting-list pivot's measure columns: those of dim_measure)."""
    built = {
        r[0]
        for r in marts_con.execute(
            "SELECT view_name FROM duckdb_views() WHERE schema_name = 'bi' AND NOT internal"
        ).fetchall()
    }
    assert built == {_alias(t) for t in contracts.bi}
    for table in contracts.bi:
        built_columns = [(n, t) for n, t, _ in _columns(marts_con, "bi", _alias(table))]
        assert built_columns == _expected_columns(marts_con, table), table.name


def test_a_bi_column_left_out_of_a_contract_is_noticed(contracts, marts_con):
    """The comparison above is not vacuous: bi.figures without its theme column differs."""
    table = next(t for t in contracts.bi if t.name == "bi_figures")
    fewer = [(c.name, c.type) for c in table.columns if c.name != "theme"]
    assert [(n, t) for n, t, _ in _columns(marts_con, "bi", "figures")] != fewer


def test_pivot_measure_columns_are_the_measures_and_described(contracts, marts_con):
    """The waiting-list pivot has a column per waiting-time measure of dim_measure (e.g.
    waiting_over_52_weeks), each commented with that measure's description by the model."""
    (table,) = [t for t in contracts.bi if t.generated_columns]
    domain = table.generated_columns["measures_of_domain"]
    measures = dict(
        marts_con.execute(
            "SELECT measure_code, description FROM marts.dim_measure WHERE domain = ?", [domain]
        ).fetchall()
    )
    assert "waiting_over_52_weeks" in measures
    comments = {n: c for n, _, c in _columns(marts_con, "bi", _alias(table))}
    for code, description in measures.items():
        assert comments[code].startswith(description), code
    assert not set(measures) & set(table.column_names)


def test_published_as_and_alias_reach_the_manifest(contracts, dbt_built):
    """The contract's config (alias, meta.published_as) is what dbt's manifest holds, which the
    publish reads (warehouse/bi_models.py): facts, fact_citations and figures are published as
    tables."""
    from warehouse.bi_models import _published_as

    manifest = json.loads((dbt_built["target"] / "manifest.json").read_text(encoding="utf-8"))
    nodes = {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    as_table = set()
    for table in contracts.bi:
        node = nodes[table.name]
        assert node["alias"] == table.config["alias"]
        assert node["description"] == table.description
        assert {c: v["description"] for c, v in node["columns"].items()} == {
            c.name: c.description for c in table.columns
        }
        if _published_as(node) == "table":
            as_table.add(node["alias"])
    assert as_table == {"facts", "fact_citations", "figures"}


def test_a_new_bi_column_is_a_contract_change_only(tmp_path):
    """Adding a column to a BI model's contract changes _bi.yml and no other generated file."""
    root = _contracts_copy(tmp_path)
    path = root / "bi" / "bi_decisions.yml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["columns"]["call_in_deadline"] = {
        "type": "DATE",
        "description": "Last day the decision may be called in, where printed.",
    }
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")

    changed = _changed_outputs(root)

    assert list(changed) == ["dbt/models/bi/_bi.yml"]
    models = {m["name"]: m for m in yaml.safe_load(changed["dbt/models/bi/_bi.yml"][1])["models"]}
    assert models["bi_decisions"]["columns"][-1] == {
        "name": "call_in_deadline",
        "data_type": "date",
        "description": "Last day the decision may be called in, where printed.",
    }
    assert models["bi_decisions"]["config"] == {"alias": "decisions"}


def test_a_shared_column_used_only_by_bi_gets_its_doc_block(tmp_path):
    """A BI column may use a shared column (contracts/columns.yml) that no mart uses: the BI
    yml refers to the doc block and the doc block is written."""
    root = _contracts_copy(tmp_path)
    shared = yaml.safe_load((root / "columns.yml").read_text(encoding="utf-8"))
    shared["columns"]["printed_at"] = {
        "type": "VARCHAR[]",
        "description": "Every printing as 'file line N'.",
    }
    (root / "columns.yml").write_text(yaml.safe_dump(shared, sort_keys=False), encoding="utf-8")
    path = root / "bi" / "bi_figures.yml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["columns"]["printed_at"] = {"shared": True}
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")

    loaded = model.load(root)
    figures = render_dbt.model_yml(next(t for t in loaded.bi if t.name == "bi_figures"))
    (column,) = [c for c in figures["columns"] if c["name"] == "printed_at"]
    assert column["description"] == "{{ doc('printed_at') }}"
    assert "{% docs printed_at %}Every printing as 'file line N'.{% enddocs %}" in (
        render_dbt.doc_blocks(loaded)
    )


def test_generated_columns_must_follow_a_listed_column(tmp_path):
    root = _contracts_copy(tmp_path)
    path = root / "bi" / "bi_waiting_list_snapshots.yml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["generated_columns"]["after"] = "as_at_date"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match="generated_columns"):
        model.load(root)


def test_provenance_models_are_views_of_their_raw_tables(contracts, marts_con):
    """Each provenance view dbt builds (provenance.packs, .documents, .lines) has the columns and
    types of the raw table its contract names, as contracts/raw.yml defines them."""
    built = {
        r[0]
        for r in marts_con.execute(
            "SELECT view_name FROM duckdb_views() WHERE schema_name = 'provenance'"
        ).fetchall()
    }
    assert built == {_alias(t) for t in contracts.provenance}
    raw = {t.name: t for t in contracts.raw}
    for table in contracts.provenance:
        built_columns = [(n, t) for n, t, _ in _columns(marts_con, "provenance", _alias(table))]
        assert built_columns == [(c.name, c.type) for c in raw[table.view_of].columns]
    lines = next(t for t in contracts.provenance if t.view_of == "lines")
    assert "line_number" in lines.column_names


def test_a_provenance_model_must_view_a_raw_table(tmp_path):
    root = _contracts_copy(tmp_path)
    path = root / "provenance.yml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["models"]["provenance_packs"]["view_of"] = "pack"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match="no raw table"):
        model.load(root)
