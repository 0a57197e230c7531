"""The data catalogue (dbt docs) and the BI views' exposures; national measure definitions on
dim_measure and the BI view lining a council's figure up with them."""

from __future__ import annotations

import json

import duckdb
import pytest
import yaml

from dagster_project.testing import shared_build
from warehouse import settings
from warehouse.exposures import EXPOSURES_FILE, exposures_yaml


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = shared_build(tmp_path_factory)
    assert build["result"].returncode == 0, build["result"].stdout[-4000:]
    return build


@pytest.fixture(scope="module")
def published(built):
    con = duckdb.connect(str(settings.published_db(built["warehouse"])), read_only=True)
    yield con
    con.close()


def test_exposures_file_matches_the_bi_views(published):
    assert EXPOSURES_FILE.read_text(encoding="utf-8") == exposures_yaml(published), (
        "run `python -m warehouse.exposures $WAREHOUSE/council.duckdb` after changing a BI view"
    )
    exposures = {e["name"]: e for e in yaml.safe_load(exposures_yaml(published))["exposures"]}
    views = {
        r[0]
        for r in published.execute(
            "select view_name from duckdb_views() where schema_name = 'bi' union "
            "select table_name from duckdb_tables() where schema_name = 'bi'"
        ).fetchall()
    }
    assert set(exposures) == {f"bi_{v}" for v in views}
    assert "source('raw', 'lines')" in exposures["bi_fact_citations"]["depends_on"]
    assert "ref('fct_placements')" in exposures["bi_children_looked_after"]["depends_on"]


def test_catalogue_describes_every_model_column_and_lineage(built):
    folder = built["warehouse"] / "catalog"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    marts = {
        k: n
        for k, n in manifest["nodes"].items()
        if n["resource_type"] == "model" and n["schema"] == "marts"
    }
    assert "model.council_papers.dim_council" in marts
    for key, node in marts.items():
        assert node["description"].strip(), key
        built_columns = catalog["nodes"][key]["columns"]
        for column in built_columns:
            assert node["columns"].get(column, {}).get("description", "").strip(), (key, column)
    # lineage: raw.lines -> ... -> bi.fact_citations
    parents = manifest["parent_map"]["exposure.council_papers.bi_fact_citations"]
    assert "source.council_papers.raw.lines" in parents
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "bi_national_comparisons" in html  # the static page embeds its manifest


def test_national_definitions_on_dim_measure(marts_con):
    rows = {
        code: (source, metric, match)
        for code, source, metric, match in marts_con.execute(
            "select measure_code, national_source, lg_inform_metric_id, national_match "
            "from marts.dim_measure where national_source is not null"
        ).fetchall()
    }
    assert rows["cla_rate_per_10000"] == ("Department for Education", 891, "same")
    assert rows["waiting_over_52_weeks"][0] == "NHS England"
    assert rows["ombudsman_findings"][1] == 10449
    # a council's own complaint procedure has no national collection: left without one
    assert "complaints_received" not in rows


def test_national_comparisons_line_up_the_looked_after_rate(published):
    # pack 001 line 130: 'Blackpool 163' (LAC per 10,000 at 31 March 2017)
    rows = published.execute(
        "select council, council_name, value, lg_inform_metric_id, national_period "
        "from bi.national_comparisons where measure = 'cla_rate_per_10000' and source_line = 130"
    ).fetchall()
    assert rows == [("E06000009", "Blackpool Borough Council", 163.0, 891, "at 31 March 2017")]
    # a snapshot at another date is not a national release
    other = published.execute(
        "select count(*) from bi.national_comparisons where national_source = "
        "'Department for Education' and period_type = 'as_of' and national_period is not null "
        "and not (month(as_of_date) = 3 and day(as_of_date) = 31)"
    ).fetchone()[0]
    assert other == 0
