"""What each publish writes beside ``council.duckdb`` for other tools: the marts as Parquet
(``warehouse/parquet_export.py``) and the data catalogue (``warehouse/catalog.py``).

Both run after the DuckDB file is swapped in (the catalogue only when the dbt project
changed). Neither can un-publish it, so a failure is
logged and returned (``errors``), never raised: BI keeps the new warehouse, and the previous
Parquet folder / catalogue stay in place.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def write_extras(
    work_db: Path, published_db: Path, warehouse_dir: Path, *, whole: bool = True
) -> dict[str, Any]:
    """Parquet after every publish; the catalogue when it can have changed: after a whole
    publish (the dbt project changed, or the first one) or when there is none yet. An
    incremental publish changes rows, not the models and columns the catalogue documents."""
    from warehouse.catalog import publish_catalog
    from warehouse.parquet_export import export_parquet, parquet_dir

    out: dict[str, Any] = {"errors": {}}
    try:
        manifest = export_parquet(published_db, warehouse_dir)
        out["parquet"] = str(parquet_dir(warehouse_dir))
        out["parquet_tables"] = len(manifest["tables"])
    except Exception as error:  # noqa: BLE001 - reported, see the module docstring
        log.warning("Parquet export failed: %s", error)
        out["errors"]["parquet"] = str(error)
    try:
        from warehouse.catalog import catalog_dir

        if whole or not (catalog_dir(warehouse_dir) / "index.html").exists():
            out["catalog"] = str(publish_catalog(work_db, warehouse_dir))
        else:
            out["catalog"] = str(catalog_dir(warehouse_dir))
    except Exception as error:  # noqa: BLE001
        log.warning("data catalogue not published: %s", error)
        out["errors"]["catalog"] = str(error)
    return out
