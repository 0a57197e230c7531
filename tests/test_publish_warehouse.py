"""The published warehouse: what is in it, its descriptions, its example queries, and that a BI
tool's read-only path (duckdb-engine through SQLAlchemy) works."""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.testing import shared_build
from warehouse import bi, queries, settings
from warehouse.descriptions import dbt_model_relations, generic_column

DOMAINS = ("complaints", "decisions", "placements", "waiting_times")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    built = shared_build(tmp_path_factory)
    assert built["result"].returncode == 0, built["result"].stdout[-4000:]
    return settings.published_db(built["warehouse"])


@pytest.fixture
def con(published):
    connection = duckdb.connect(str(published), read_only=True)
    yield connection
    connection.close()


def test_only_bi_schemas_are_published(con):
    schemas = {
        r[0]
        for r in con.execute(
            "select schema_name from duckdb_tables() union select schema_name from duckdb_views() "
            "where not internal"
        ).fetchall()
    }
    assert schemas == {"marts", "bi", "provenance"}
    tables = {
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts'"
        ).fetchall()
    }
    assert {f"fct_{d}" for d in DOMAINS} <= tables
    assert "dq_findings" in tables
    assert not [t for t in tables if t.startswith(("not_null_", "unique_", "accepted_values_"))]


def test_every_published_table_and_column_has_a_description(con):
    columns = con.execute(
        "select schema_name, table_name, column_name, comment from duckdb_columns() "
        "where schema_name in ('marts', 'bi', 'provenance')"
    ).fetchall()
    assert columns
    missing = [f"{s}.{t}.{c}" for s, t, c, comment in columns if not (comment or "").strip()]
    assert missing == []
    # the BI views and provenance are described by us, not generically
    generic = [
        f"{s}.{t}.{c}"
        for s, t, c, comment in columns
        if s in ("bi", "provenance") and comment == generic_column(c)
    ]
    assert generic == []
    relations = con.execute(
        "select schema_name, table_name, comment from duckdb_tables() "
        "where schema_name in ('marts', 'bi', 'provenance') "
        "union all select schema_name, view_name, comment from duckdb_views() "
        "where schema_name = 'bi'"
    ).fetchall()
    assert [f"{s}.{t}" for s, t, comment in relations if not (comment or "").strip()] == []


def test_bi_views_answer_the_questions(con):
    models = sorted(name for schema, name in dbt_model_relations() if schema == "bi")
    assert "fact_citations" in models and "waiting_list_snapshots" in models
    for view in models:  # every BI model of the dbt project is published and answers
        assert con.execute(f"select count(*) from bi.{view}").fetchone()[0] > 0, view
    waiting = [d[0] for d in con.execute("select * from bi.waiting_list_snapshots").description]
    assert {"referrals_waiting", "waiting_over_18_weeks", "as_of_date", "service"} <= set(waiting)
    complaints = [
        d[0] for d in con.execute("select * from bi.complaints_by_service_area_year").description
    ]
    for column in ("received", "upheld", "partially_upheld", "upheld_rate", "fiscal_year"):
        assert column in complaints
    row = con.execute(
        "select decision_maker, decision_date, citation from bi.decisions "
        "where decision_maker is not null and decision_date is not null limit 1"
    ).fetchone()
    assert row is not None


def test_every_fact_has_a_citation(con):
    assert bi.consistency_problems(con) == []
    per_domain = bi.facts_per_domain(con)
    assert set(per_domain) == set(DOMAINS) and all(per_domain.values())
    uncited = con.execute(
        "select count(*) from bi.fact_citations where file_name is null or line_text is null "
        "or citation is null"
    ).fetchone()[0]
    assert uncited == 0
    # the printed line holds the value the fact says was printed there
    sample = con.execute(
        "select f.value_text, c.line_text from bi.facts f join bi.fact_citations c "
        "using (domain, fact_id) where f.value_text is not null limit 200"
    ).fetchall()
    assert sample
    assert sum(1 for value, line in sample if value.split()[0] in line) >= len(sample) * 0.9


def test_every_example_query_runs_and_returns_rows(published):
    results = queries.run_all(published)
    assert len(results) >= 6
    assert {name: r for name, r in results.items() if not r["ok"]} == {}
    for path in queries.query_files():
        assert queries.question(path), f"{path.name} does not say what it answers"


def test_sqlalchemy_duckdb_engine_read_only(published):
    """The path Superset takes: duckdb-engine, read-only."""
    from sqlalchemy import create_engine, text

    engine = create_engine(
        f"duckdb:///{published}", connect_args={"read_only": True}, poolclass=None
    )
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("select domain, facts from bi.facts_per_domain order by domain")
            ).fetchall()
            assert [r[0] for r in rows] == sorted(DOMAINS)
            with pytest.raises(Exception):  # noqa: B017 - read-only refuses writes
                connection.execute(text("create table marts.should_fail (x int)"))
    finally:
        engine.dispose()


def test_sqlalchemy_uri_with_read_only_query_parameter(published):
    """The URI form a Superset admin pastes: duckdb:////path/council.duckdb?access_mode=read_only"""
    from sqlalchemy import create_engine, text

    engine = create_engine(f"duckdb:///{published}?access_mode=read_only")
    try:
        with engine.connect() as connection:
            count = connection.execute(text("select count(*) from bi.fact_citations")).scalar()
            assert count > 0
    finally:
        engine.dispose()


def test_the_dbt_manifest_is_read_again_only_when_it_changed(tmp_path):
    """A publish asks for dbt's manifest three times: parsed once while the file is unchanged."""
    import json
    import os

    from warehouse.descriptions import MANIFEST_PATH, _load_manifest

    path = tmp_path / "manifest.json"
    manifest = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))
    path.write_text(json.dumps(manifest), encoding="utf-8")
    first = _load_manifest(path)
    assert ("marts", "fct_complaints") in dbt_model_relations(first)
    assert _load_manifest(path) is first
    gone = next(k for k, n in manifest["nodes"].items() if n.get("name") == "fct_complaints")
    del manifest["nodes"][gone]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a rewrite within the clock's tick still reads as changed
    second = _load_manifest(path)
    assert ("marts", "fct_complaints") not in dbt_model_relations(second)
    assert ("marts", "fct_decisions") in dbt_model_relations(second)
