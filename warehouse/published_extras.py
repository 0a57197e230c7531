"""What each publish writes beside ``council.duckdb`` for other tools: the marts as Parquet
(``warehouse/parquet_export.py``) and the data catalogue (``warehouse/catalog.py``).

Both run after the DuckDB file is swapped in (the catalogue only when the dbt project
changed). Neither can un-publish it, so a failure is
logged and returned (``errors``), never raised: BI keeps the new warehouse, and the previous
Parquet folder / catalogue stay in place.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from warehouse.parquet_export import Reuse

__all__ = ["Reuse", "write_extras"]

log = logging.getLogger(__name__)


def write_extras(
    work_db: Path,
    published_db: Path,
    warehouse_dir: Path,
    *,
    whole: bool = True,
    reuse: Reuse | None = None,
) -> dict[str, Any]:
    """Parquet after every publish (with ``reuse``, what an incremental publish changed: the
    rest of the previous export is linked, not written again); the catalogue when it can have
    changed: after a whole publish (the dbt project changed, or the first one) or when there is
    none yet. An incremental publish changes rows, not the models and columns the catalogue
    documents.

    The catalogue (a ``dbt docs generate`` process reading the working DB) is generated while
    this process writes the Parquet (reading the published file): both are done on return."""
    from warehouse.catalog import catalog_dir

    out: dict[str, Any] = {"errors": {}}
    catalog = None
    if whole or not (catalog_dir(warehouse_dir) / "index.html").exists():
        catalog = threading.Thread(
            target=_catalog, args=(work_db, warehouse_dir, out), name="catalogue"
        )
        catalog.start()
    else:
        out["catalog"] = str(catalog_dir(warehouse_dir))
    try:
        _parquet(published_db, warehouse_dir, reuse, out)
    finally:
        if catalog is not None:
            catalog.join()
    return out


def _parquet(published_db: Path, warehouse_dir: Path, reuse: Reuse | None, out: dict) -> None:
    from warehouse.parquet_export import export_parquet, parquet_dir

    try:
        manifest = export_parquet(published_db, warehouse_dir, reuse)
        out["parquet"] = str(parquet_dir(warehouse_dir))
        out["parquet_tables"] = len(manifest["tables"])
    except Exception as error:  # noqa: BLE001 - reported, see the module docstring
        log.warning("Parquet export failed: %s", error)
        out["errors"]["parquet"] = str(error)


def _catalog(work_db: Path, warehouse_dir: Path, out: dict) -> None:
    from warehouse.catalog import publish_catalog

    try:
        out["catalog"] = str(publish_catalog(work_db, warehouse_dir))
    except Exception as error:  # noqa: BLE001 - reported, see the module docstring
        log.warning("data catalogue not published: %s", error)
        out["errors"]["catalog"] = str(error)
