"""The data catalogue (dbt docs) with its lineage raw -> marts -> BI models; national measure
definitions on dim_measure and the BI view lining a council's figure up with them."""

from __future__ import annotations

import json

import duckdb
import pytest

from dagster_project.testing import shared_build
from warehouse import settings


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
    # lineage: raw.lines -> provenance.lines -> bi.fact_citations -> ... (the BI models are dbt
    # models, so the lineage is dbt's own)
    parents = manifest["parent_map"]["model.council_papers.bi_fact_citations"]
    assert "model.council_papers.provenance_lines" in parents
    assert "model.council_papers.fct_complaints" in parents
    assert manifest["parent_map"]["model.council_papers.provenance_lines"] == [
        "source.council_papers.raw.lines"
    ]
    assert (
        "model.council_papers.bi_figures"
        in (manifest["parent_map"]["model.council_papers.bi_waiting_list_snapshots"])
    )
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
