"""Parquet out: each publish writes $WAREHOUSE/parquet/ (facts hive-partitioned by council and
fiscal year, dims and BI tables as single files, manifest.json); a second engine (polars) reads
it back and gets the rows the DuckDB file holds."""

from __future__ import annotations

import json

import duckdb
import polars as pl
import pytest

from dagster_project.testing import shared_build
from warehouse import settings
from warehouse.parquet_export import export_parquet, parquet_dir


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


def _manifest(warehouse) -> dict:
    return json.loads((parquet_dir(warehouse) / "manifest.json").read_text(encoding="utf-8"))


def _read(warehouse, entry: dict) -> pl.DataFrame:
    path = parquet_dir(warehouse) / entry["path"]
    if entry["partitioned_by"]:
        return pl.scan_parquet(str(path / "**" / "*.parquet"), hive_partitioning=True).collect()
    return pl.read_parquet(path)


def _rows(frame: pl.DataFrame) -> list[str]:
    return sorted(repr(row) for row in frame.rows())


def test_manifest_lists_every_mart_and_bi_relation(built, published):
    manifest = _manifest(built["warehouse"])
    relations = {
        f"{s}.{t}"
        for s, t in published.execute(
            "select schema_name, table_name from duckdb_tables() where schema_name in "
            "('marts', 'bi') union select schema_name, view_name from duckdb_views() "
            "where not internal and schema_name in ('marts', 'bi')"
        ).fetchall()
    }
    assert set(manifest["tables"]) == relations
    info = published.execute("select published_at from provenance.build_info").fetchone()[0]
    assert manifest["published_at"] == info.isoformat(timespec="seconds")
    facts = manifest["tables"]["marts.fct_complaints"]
    assert facts["partitioned_by"] == ["council", "fy"]
    assert (
        facts["rows"]
        == published.execute("select count(*) from marts.fct_complaints").fetchone()[0]
    )
    assert {"name": "measure", "type": "VARCHAR"}.items() <= {
        **next(c for c in facts["columns"] if c["name"] == "measure")
    }.items()


def test_polars_reads_back_the_same_rows(built, published):
    warehouse = built["warehouse"]
    for name, entry in _manifest(warehouse)["tables"].items():
        frame = _read(warehouse, entry)
        if entry["partitioned_by"]:
            frame = frame.drop(entry["partitioned_by"])
        expected = published.cursor().sql(f"select * from {name}").pl()
        assert frame.columns == expected.columns, name
        assert frame.height == entry["rows"] == expected.height, name
        assert _rows(frame) == _rows(expected), name


def test_a_fact_sits_in_its_council_and_fiscal_year_partition(built, published):
    # pack 000 line 1823: 'Total ... 91 (19U & 26PU)': 19 adult complaints upheld in 2014/15
    fact = published.execute(
        "select f.fact_id, f.value from marts.fct_complaints f "
        "join marts.dim_pack p using (pack_id) where p.file_name like '000_%' "
        "and f.source_line = 1823 and f.measure = 'complaints_upheld' "
        "and f.fiscal_year = '2014/15' and f.service_area = 'adult' "
        "and f.period_type = 'fiscal_year'"
    ).fetchall()
    assert len(fact) == 1
    fact = fact[0]
    assert fact[1] == 19
    folder = parquet_dir(built["warehouse"]) / "marts" / "fct_complaints"
    part = pl.read_parquet(folder / "council=E06000009" / "fy=2014-15" / "*.parquet")
    row = part.filter(pl.col("fact_id") == fact[0])
    assert row.height == 1
    assert row.select("value", "fiscal_year", "reporting_council").row(0) == (
        19,
        "2014/15",
        "E06000009",
    )
    # every row of a partition belongs to it
    scanned = pl.scan_parquet(str(folder / "**" / "*.parquet"), hive_partitioning=True).collect()
    assert (scanned["council"] == scanned["reporting_council"]).all()
    dated = scanned.filter(pl.col("fiscal_year").is_not_null())
    assert (dated["fy"] == dated["fiscal_year"].str.replace("/", "-")).all()


def test_exports_are_swapped_in_whole(built, tmp_path):
    published_db = settings.published_db(built["warehouse"])
    export_parquet(published_db, tmp_path)
    first = parquet_dir(tmp_path).resolve()
    export_parquet(published_db, tmp_path)
    second = parquet_dir(tmp_path).resolve()
    assert first != second and first.exists()  # the previous export stays for readers on it
    export_parquet(published_db, tmp_path)
    assert not first.exists() and second.exists()  # older ones go
    assert parquet_dir(tmp_path).is_symlink()
    assert not list((tmp_path / "parquet_versions").glob(".*"))  # no temp folders left
