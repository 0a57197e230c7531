"""The BI views as dbt models (dbt/models/bi): built, tested and documented by dbt in the working
DB, published into council.duckdb from their own SQL (warehouse/bi_models.py), and answering
there whatever name a BI tool attaches the file under."""

from __future__ import annotations

import dataclasses
import json

import duckdb
import pytest

from dagster_project.testing import shared_build
from warehouse import bi_models, settings

BLACKPOOL = "E06000009"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    built = shared_build(tmp_path_factory)
    assert built["result"].returncode == 0, built["result"].stdout[-4000:]
    return built["warehouse"] / "council.duckdb"


def _bi_model_ids(manifest: dict) -> set[str]:
    return {
        key
        for key, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["schema"] == "bi"
    }


def test_bi_models_are_views_of_the_work_db_with_every_column_described(dbt_built, marts_con):
    manifest = json.loads((dbt_built["target"] / "manifest.json").read_text(encoding="utf-8"))
    models = {manifest["nodes"][k]["alias"]: manifest["nodes"][k] for k in _bi_model_ids(manifest)}
    views = {
        name
        for (name,) in marts_con.execute(
            "select view_name from duckdb_views() where schema_name = 'bi'"
        ).fetchall()
    }
    assert set(models) == views
    assert {"fact_citations", "figures", "facts", "waiting_list_snapshots"} <= views
    for name, node in models.items():
        assert node["description"].strip(), name
        columns = [
            c
            for (c,) in marts_con.execute(
                "select column_name from duckdb_columns() where schema_name = 'bi' "
                "and table_name = ? and comment is null",
                [name],
            ).fetchall()
        ]
        # a column the yml does not describe is one the model comments itself (pivot columns)
        undescribed = [c for c in columns if not node["columns"].get(c, {}).get("description")]
        assert undescribed == [], name


def test_dbt_tests_on_bi_models_run_and_pass(dbt_built, marts_con):
    manifest = json.loads((dbt_built["target"] / "manifest.json").read_text(encoding="utf-8"))
    models = _bi_model_ids(manifest)
    tests = {
        key: node
        for key, node in manifest["nodes"].items()
        if node["resource_type"] == "test" and node.get("attached_node") in models
    }
    kinds = {(node["attached_node"], node["test_metadata"]["name"]) for node in tests.values()}
    assert ("model.council_papers.bi_figures", "unique") in kinds
    assert ("model.council_papers.bi_fact_citations", "unique_combination") in kinds
    assert ("model.council_papers.bi_decisions", "relationships") in kinds
    # every test ran in the build (store_failures: its failing rows are a table in schema dq)
    # and found nothing
    failing = {}
    for node in tests.values():
        rows = marts_con.execute(f'select count(*) from dq."{node["alias"]}"').fetchone()[0]
        if rows:
            failing[node["name"]] = rows
    assert failing == {}


def test_lineage_runs_from_raw_lines_to_the_citations(dbt_built):
    manifest = json.loads((dbt_built["target"] / "manifest.json").read_text(encoding="utf-8"))
    parents = manifest["parent_map"]
    assert (
        "model.council_papers.provenance_lines" in parents["model.council_papers.bi_fact_citations"]
    )
    assert parents["model.council_papers.provenance_lines"] == ["source.council_papers.raw.lines"]
    for domain in ("complaints", "decisions", "placements", "waiting_times"):
        assert (
            f"model.council_papers.fct_{domain}"
            in parents["model.council_papers.bi_facts_per_domain"]
        )


def test_published_views_answer_under_any_attach_name(published):
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{published}' AS some_bi_tool_name (READ_ONLY)")
        kinds = dict(
            con.execute(
                "select table_name, 'table' from duckdb_tables() where schema_name = 'bi' "
                "union all select view_name, 'view' from duckdb_views() where schema_name = 'bi'"
            ).fetchall()
        )
        assert kinds["fact_citations"] == kinds["figures"] == kinds["facts"] == "table"
        assert kinds["complaints_by_service_area_year"] == "view"
        # pack 000 lines 1679-1681: Adult Services 2014/2015: Complaints 91, of which upheld 19,
        # partially upheld 26 (a view over bi.figures and marts.dim_council, read from outside)
        row = con.execute(
            "select received, upheld, partially_upheld, reporting_council_name, printed_at "
            "from some_bi_tool_name.bi.complaints_by_service_area_year "
            "where reporting_council = ? and service_area = 'adult' and fiscal_year = '2014/15'",
            [BLACKPOOL],
        ).fetchone()
        assert row[:3] == (91, 19, 26)
        assert row[3].startswith("Blackpool")
        assert "000_afcc9b490f65a2f9.txt line 1679" in row[4]
    finally:
        con.close()


def test_a_value_read_in_a_sentence_is_a_first_printing_of_its_own(published):
    """bi.facts: a value with no figure_key (read in a sentence, not a table's figure) is a figure
    of its own, so filtering on first_printing keeps it; it used to share one window partition
    (the NULL key) with every other such value of every pack, and only one of them was kept."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        # pack 000 line 1777: "Adult Services received 91 complaints over the year ... Of the
        # 91 complaints received 19 were upheld in their entirety with a further 26 partially
        # upheld." (the 91 restated is the first sentence's figure: one fact)
        got = con.execute(
            "select f.measure, f.value, f.figure_key, f.first_printing, "
            "f.value_text like 'Of the 91 complaints received%' from bi.facts f "
            "join bi.fact_citations c using (domain, fact_id) "
            "where c.file_name = '000_afcc9b490f65a2f9.txt' and f.source_line = 1777 "
            "and f.value_type = 'actual' and f.measure in ('complaints_received', "
            "'complaints_upheld', 'complaints_partially_upheld') order by f.measure"
        ).fetchall()
        assert got == [
            ("complaints_partially_upheld", 26, None, True, True),
            ("complaints_received", 91, None, True, False),
            ("complaints_upheld", 19, None, True, True),
        ]
        keyless = con.execute(
            "select count(*), count(*) filter (where first_printing) from bi.facts "
            "where figure_key is null"
        ).fetchone()
        assert keyless[0] > 100 and keyless[1] == keyless[0]
    finally:
        con.close()


def test_waiting_pivot_columns_follow_dim_measure(published):
    con = duckdb.connect(str(published), read_only=True)
    try:
        measures = {
            code: f"{description} ({unit}); the conformed value for this service and date."
            for code, description, unit in con.execute(
                "select measure_code, description, unit from marts.dim_measure "
                "where domain = 'waiting_times'"
            ).fetchall()
            if code.isidentifier()
        }
        columns = dict(
            con.execute(
                "select column_name, comment from duckdb_columns() where schema_name = 'bi' "
                "and table_name = 'waiting_list_snapshots'"
            ).fetchall()
        )
        assert {"referrals_waiting", "waiting_over_52_weeks"} <= set(measures)
        assert {c: columns.get(c) for c in measures} == measures
    finally:
        con.close()


# --------------------------------------------------------------------------- synthetic manifests


def _node(name: str, schema: str = "bi", parents=(), published_as: str | None = None) -> dict:
    meta = {"published_as": published_as} if published_as else {}
    return {
        "resource_type": "model",
        "name": f"bi_{name}" if schema == "bi" else name,
        "alias": name,
        "schema": schema,
        "config": {"meta": meta},
        "depends_on": {"nodes": [f"model.p.{p}" for p in parents]},
    }


def test_bi_models_come_in_dependency_order_with_their_published_kind():
    manifest = {
        "nodes": {
            "model.p.bi_a_summary": _node("a_summary", parents=["bi_z_base", "fct_x"]),
            "model.p.bi_z_base": _node("z_base", parents=["fct_x"], published_as="table"),
            "model.p.bi_m_other": _node("m_other", parents=["bi_a_summary"]),
            "model.p.fct_x": _node("fct_x", schema="marts"),
        }
    }
    con = duckdb.connect(":memory:")
    con.execute("create schema marts; create schema bi")
    con.execute("create table marts.fct_x as select 1 as v")
    con.execute("create view bi.z_base as select v from marts.fct_x")
    con.execute("create view bi.a_summary as select sum(v) as total from bi.z_base")
    con.execute("create view bi.m_other as select total from bi.a_summary")
    con.execute("create view bi.stray as select 1 as x")  # no model (removed): not published
    models = bi_models.bi_models(con, "memory", manifest)
    assert [m.name for m in models] == ["z_base", "a_summary", "m_other"]
    assert [m.published_as for m in models] == ["table", "view", "view"]
    assert models[1].sql.startswith("CREATE VIEW bi.a_summary AS")
    # created in another file, they answer from its relations
    con.execute("attach ':memory:' as pub")
    con.execute("use pub")
    con.execute("create schema marts; create schema bi")
    con.execute("create table marts.fct_x as select 1 as v union all select 2")
    for model in models:
        bi_models.create(con, model, "memory")
    assert con.execute("select total from pub.bi.m_other").fetchone()[0] == 1  # table copied
    bi_models.drop(con, "bi.z_base")
    bi_models.create(con, models[0], "memory")
    assert con.execute("select count(*) from pub.bi.z_base").fetchone()[0] == 1


# --------------------------------------------------------------------------- incremental publish


def test_incremental_publish_gives_the_bi_models_of_a_whole_publish(published, tmp_path):
    """Publishing one pack again into a copy of the file (fact_citations: that pack's rows
    replaced; figures: refilled; a view whose SQL hash changed: created again; the other views
    kept) gives the BI relations, rows and comments a whole publish gives."""
    import shutil

    from dagster_project.transform import per_pack_relations
    from warehouse.compare import compare_warehouses
    from warehouse.publish import publish

    work_db = settings.work_db(published.parent)
    con = duckdb.connect(str(work_db), read_only=True)
    try:
        per_pack = per_pack_relations(con)
        pack = con.execute("select min(pack_id) from raw.packs").fetchone()[0]
    finally:
        con.close()
    whole = tmp_path / "whole"
    publish(work_db, whole)
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(whole / "council.duckdb", again / "council.duckdb")
    shutil.copytree(whole / "catalog", again / "catalog")
    con = duckdb.connect(str(again / "council.duckdb"))
    try:
        hashes = json.loads(
            con.execute("select view_sql_hashes from provenance.build_info").fetchone()[0]
        )
        hashes["decisions"] = "0" * 32  # as if its SQL had changed since
        con.execute("update provenance.build_info set view_sql_hashes = ?", [json.dumps(hashes)])
        con.execute("delete from bi.fact_citations where pack_id = ?", [pack])  # must come back
    finally:
        con.close()
    publish(work_db, again, changed_packs=[pack], per_pack=per_pack)
    diffs, only_whole, only_again = compare_warehouses(
        whole / "council.duckdb", again / "council.duckdb"
    )
    assert (only_whole, only_again) == ([], [])
    assert [d.describe() for d in diffs if not d.same and d.relation.startswith("bi.")] == []
    comments = []
    for path in (whole, again):
        con = duckdb.connect(str(path / "council.duckdb"), read_only=True)
        try:
            comments.append(
                con.execute(
                    "select table_name, column_name, comment from duckdb_columns() "
                    "where schema_name = 'bi' order by all"
                ).fetchall()
            )
        finally:
            con.close()
    assert comments[0] == comments[1] and all(c for _, _, c in comments[0])


def _scope_rows(con, relation: str, where: str, parameters: dict) -> list[tuple]:
    return sorted(
        con.execute(f"select * from {relation} where {where}", parameters).fetchall(), key=repr
    )


PACK_000 = "000_afcc9b490f65a2f9.txt"
PACK_004 = "004_2e7dbfc588d445a2.txt"


def test_a_keyed_model_over_its_scope_gives_its_view_rows_of_those_keys(published):
    """The incremental publish reads the rows of the changed keys of bi.facts and bi.figures
    from the model computed over those keys' input rows alone (warehouse/bi_scope.py). With the
    keys of pack 000 and the keyless rows of pack 004, the scope's fact tables show just the rows
    selected, and the model there gives the rows its view over the whole working DB gives:
    Blackpool's complaints received by Adult Services in 2013/14, printed 108 at line 1679
    ('Complaints 91 108 125 90') and three times again, is one figure of four printings whose
    first is line 1679."""
    from warehouse import bi_scope
    from warehouse.changed_keys import ChangedKeys

    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{settings.work_db(published.parent)}' AS work (READ_ONLY)")
        models = {m.name: m for m in bi_models.bi_models(con, "work")}
        pack_of = dict(con.execute("select file_name, pack_id from work.raw.packs").fetchall())
        keyed_pack, keyless_pack = pack_of[PACK_000], pack_of[PACK_004]
        values = [
            r[0]
            for r in con.execute(
                "select distinct figure_key from work.bi.facts "
                "where pack_id = ? and figure_key is not null",
                [keyed_pack],
            ).fetchall()
        ]
        keys = ChangedKeys(values, with_null=False)
        for name, changed in (("facts", [keyless_pack]), ("figures", None)):
            where, parameters = keys.where('"figure_key"', changed)
            source = bi_scope.scope_model(con, models[name], "figure_key", keys, changed)
            assert source == f"council_scope_{name}.bi.{name}"
            scoped = _scope_rows(con, source, where, parameters)
            assert scoped == _scope_rows(con, f"work.bi.{name}", where, parameters), name
            in_scope, selected, total = con.execute(
                f"select (select count(*) from council_scope_{name}.marts.fct_complaints), "
                f"count(*) filter (where {where}), count(*) from work.marts.fct_complaints",
                parameters,
            ).fetchone()
            assert 0 < in_scope == selected < total, name
            if changed:  # pack 004's keyless rows (values read in a sentence) came too
                keyless = con.execute(
                    f"select count(*), list(distinct pack_id) from {source} "
                    "where figure_key is null"
                ).fetchone()
                assert keyless[0] > 0 and keyless[1] == [keyless_pack]
            assert len(scoped) >= len(values), name
        adult_2013 = (
            "measure = 'complaints_received' and period_id = 'FY2013/14' "
            "and service_area = 'adult' and subject_council = 'E06000009'"
        )
        printings = con.execute(
            "select source_line, value, first_printing from council_scope_facts.bi.facts "
            f"where pack_id = ? and {adult_2013} order by source_line",
            [keyed_pack],
        ).fetchall()
        assert printings == [
            (1679, 108.0, True),
            (1824, 108.0, False),
            (1908, 108.0, False),
            (1948, 108.0, False),
        ]
        figure = con.execute(
            "select value, printings, printings_agree, printed_at[1] "
            f"from council_scope_figures.bi.figures where {adult_2013}"
        ).fetchall()
        assert figure == [(108.0, 4, True, f"{PACK_000} line 1679")]
        for model in models.values():
            bi_scope.drop_scope(con, model)
        # a model reading a relation the manifest does not name is read from the working DB
        facts = models["facts"]
        named = tuple(i for i in facts.inputs if i[1] != "dim_measure")
        unnamed = dataclasses.replace(facts, inputs=named)
        assert bi_scope.scope_model(con, unnamed, "figure_key", keys, [keyless_pack]) is None
        attached = con.execute("select database_name from duckdb_databases()").fetchall()
        assert not any(name.startswith(bi_scope.SCOPE_PREFIX) for (name,) in attached)
    finally:
        con.close()
