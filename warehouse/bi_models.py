"""The BI models (dbt/models/bi, schema ``bi``) as the publish copies them into council.duckdb.

dbt builds every BI model as a view in the working DB; its SQL names its inputs without a
database (``marts.fct_complaints``, ``provenance.packs``, ``bi.figures``: dbt/macros/bi.sql), so
the very SQL DuckDB holds for the view there also answers inside the published file, whatever
name a BI tool attaches that file under. The publish creates each view from that SQL, and stores
as a table a model whose yml says ``meta: {published_as: table}`` (a relation that is costly per
query - a join with every printed line - is computed once per publish: the file never changes
once published), copying its rows from the working DB.

Which models are BI models, their order (a view is created after those it reads) and how each
is published come from dbt's manifest; their SQL from the working DB (``duckdb_views()``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from warehouse import descriptions

SCHEMA = "bi"

KEYED_BY: dict[str, str] = {"figures": "figure_key", "facts": "figure_key"}
"""Table-published BI models that span packs, whose rows of one value of a key column the pack
rows carry are computed from the rows of that key alone (``bi.figures``: one conformed figure
per ``figure_key``, from every printing of that key; ``bi.facts``: every printing, with
``first_printing`` true on the earliest of its key; a row without a key is computed from its
own pack, whose ``pack_id`` it carries). An incremental publish recomputes only the
rows of the keys the changed packs print, before or after the change (a pack's old printings of
a key leave it; its new ones join it), not the whole model. tests/test_reprints_incremental.py
compares the result with a whole publish."""


@dataclass(frozen=True)
class BiModel:
    name: str  # relation name, in schema bi of both files
    sql: str  # "CREATE VIEW bi.<name> AS ..." as the working DB holds it
    published_as: str  # "view" or "table"
    inputs: tuple[tuple[str, str], ...] = ()  # (schema, name) of the models it reads (manifest)

    @property
    def qualified(self) -> str:
        return f"{SCHEMA}.{self.name}"

    @property
    def sql_hash(self) -> str:
        return hashlib.md5(self.sql.encode("utf-8")).hexdigest()


def _bi_nodes(manifest: dict) -> dict[str, dict]:
    """unique_id -> node of every dbt model built into schema bi."""
    return {
        key: node
        for key, node in manifest.get("nodes", {}).items()
        if node.get("resource_type") == "model" and node.get("schema") == SCHEMA
    }


def _dependency_order(nodes: dict[str, dict]) -> list[str]:
    """unique_ids, each after the BI models it reads (then by name)."""
    ordered: list[str] = []
    placed: set[str] = set()

    def place(key: str) -> None:
        if key in placed:
            return
        placed.add(key)
        for parent in sorted((nodes[key].get("depends_on") or {}).get("nodes") or []):
            if parent in nodes:
                place(parent)
        ordered.append(key)

    for key in sorted(nodes):
        place(key)
    return ordered


def _inputs(node: dict, manifest: dict) -> tuple[tuple[str, str], ...]:
    """(schema, relation name) of each dbt model the node depends on."""
    nodes = manifest.get("nodes", {})
    keys = (node.get("depends_on") or {}).get("nodes") or []
    parents = [nodes[key] for key in keys if key in nodes]
    return tuple(
        (parent["schema"], parent.get("alias") or parent["name"])
        for parent in parents
        if parent.get("resource_type") == "model"
    )


def _published_as(node: dict) -> str:
    meta = (node.get("config") or {}).get("meta") or node.get("meta") or {}
    return "table" if meta.get("published_as") == "table" else "view"


def bi_models(con, catalog: str = "work", manifest: dict | None = None) -> list[BiModel]:
    """The BI models the working DB (attached to `con` as `catalog`) holds, in creation order.

    A view in schema bi that is no dbt model (a model since removed) is not published."""
    manifest = manifest if manifest is not None else descriptions._load_manifest()  # noqa: SLF001 - its one reader of dbt's manifest
    nodes = _bi_nodes(manifest)
    sql_of = dict(
        con.execute(
            "SELECT view_name, sql FROM duckdb_views() WHERE database_name = ? "
            "AND schema_name = ? AND NOT internal",
            [catalog, SCHEMA],
        ).fetchall()
    )
    models = []
    for key in _dependency_order(nodes):
        node = nodes[key]
        name = node.get("alias") or node["name"]
        if name in sql_of:
            models.append(BiModel(name, sql_of[name], _published_as(node), _inputs(node, manifest)))
    return models


def create(con, model: BiModel, catalog: str = "work", *, replace: bool = False) -> None:
    """Create `model` in the current database of `con` (the published file): the view from its
    SQL, or a table holding the rows of its view in the working DB (attached as `catalog`)."""
    if replace:
        drop(con, model.qualified)
    if model.published_as == "table":
        con.execute(f"CREATE TABLE {model.qualified} AS SELECT * FROM {catalog}.{model.qualified}")
    else:
        con.execute(model.sql)


def drop(con, qualified: str) -> None:
    """Drop the view or table `qualified` of the current database, if there is one."""
    schema, name = qualified.split(".", 1)
    kinds = con.execute(
        "SELECT 'VIEW' FROM duckdb_views() WHERE database_name = current_database() "
        "AND schema_name = ? AND view_name = ? UNION ALL SELECT 'TABLE' FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = ? AND table_name = ?",
        [schema, name, schema, name],
    ).fetchall()
    for (kind,) in kinds:
        con.execute(f"DROP {kind} {qualified}")
